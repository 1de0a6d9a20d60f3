import { asWasi } from '../host/index.js';
import type { LookupResult, VolumeBackend } from '../vfs/index.js';
import { type ChannelClient, DATA_BYTES, Op } from './rpc-channel.js';
import { codeOf, jsonCalls, type VolumeCall, volumeCalls } from './volume-calls.js';

/** Read-ahead grows from this while reads stay sequential… */
const MIN_READ_AHEAD = 64 * 1024;
/** …up to this; a jump elsewhere in the file starts small again. */
const MAX_READ_AHEAD = DATA_BYTES;

/**
 * What the last read fetched: bytes of `fd` from `position`, still in the channel's data area as
 * long as the channel has made no other call (`generation`).
 */
interface ReadCache {
  fd: number;
  position: number;
  length: number;
  generation: number;
  /** The fetch came back short: the file ends at `position + length`. */
  end: boolean;
  /** Where the next sequential read would start, and how far ahead to fetch then. */
  nextPosition: number;
  readAhead: number;
}

/** A volume on the caller's thread, seen from the worker: `VolumeBackend` plus `flush`. */
export type RemoteBackend = VolumeBackend & { flush(): void };

/**
 * A volume on the caller's thread, seen from the worker. Every call is a round trip, derived from
 * the table in volume-calls.ts; the two hot paths are batched. Writes are coalesced: the preview1
 * adapter splits every write into ≤ 4 KiB calls, so contiguous writes to one file are gathered and
 * sent as one call; any other call sends them first, so the caller's thread never sees operations
 * out of order. Sequential reads fetch ahead (64 KiB doubling to 1 MiB) straight into the shared
 * data area, and are answered from there (a view, no copy) until the channel makes another call.
 * (Files a run reads must not be changed by the caller during the run.)
 */
export function remoteBackend(channel: ChannelClient, id: number): RemoteBackend {
  let pendingFd = -1;
  let pendingPosition = 0;
  let pendingLength = 0;
  const pending = new Uint8Array(DATA_BYTES);
  let cache: ReadCache | undefined;
  /** Which file each open fd is, so a write through one fd drops a cache read through another. */
  const paths = new Map<number, string>();
  const { nums } = channel;

  const send = (fd: number, data: Uint8Array, position: number): void => {
    for (let done = 0; done < data.length; ) {
      const chunk = data.subarray(done, done + DATA_BYTES);
      channel.data.set(chunk);
      nums[0] = id;
      nums[1] = fd;
      nums[2] = position + done;
      channel.call(codeOf('write'), chunk.length);
      done += nums[0] as number;
    }
  };

  const flush = (): void => {
    if (pendingLength === 0) return;
    const length = pendingLength;
    pendingLength = 0;
    send(pendingFd, pending.subarray(0, length), pendingPosition);
  };

  /** Fetches up to `length` (≤ DATA_BYTES) bytes into the data area; the count fetched. */
  const fetch = (fd: number, length: number, position: number): number => {
    nums[0] = id;
    nums[1] = fd;
    nums[2] = length;
    nums[3] = position;
    return channel.call(codeOf('read'));
  };

  const call = (name: VolumeCall, args: unknown[]): unknown => {
    flush();
    const result = channel.json(codeOf(name), [id, ...args]);
    const spec = volumeCalls[name] as {
      opened?(args: unknown[], result: unknown): { fd: number; path: string } | undefined;
      closed?(args: unknown[]): number;
    };
    const opened = spec.opened?.(args, result);
    if (opened) paths.set(opened.fd, opened.path);
    if (spec.closed) paths.delete(spec.closed(args));
    return result;
  };

  const json = Object.fromEntries(
    jsonCalls.map((name) => [name, (...args: unknown[]) => call(name, args)]),
  ) as Pick<VolumeBackend, (typeof jsonCalls)[number]>;

  return {
    ...json,
    lookup: json.lookup as (...args: Parameters<NonNullable<VolumeBackend['lookup']>>) => LookupResult,
    flush,
    write(fd, data, position) {
      if (cache && paths.get(cache.fd) === paths.get(fd)) cache = undefined;
      const contiguous = fd === pendingFd && position === pendingPosition + pendingLength;
      if (pendingLength > 0 && (!contiguous || pendingLength + data.length > DATA_BYTES)) flush();
      if (data.length > DATA_BYTES) {
        send(fd, data, position);
        return data.length;
      }
      if (pendingLength === 0) {
        pendingFd = fd;
        pendingPosition = position;
      }
      pending.set(data, pendingLength);
      pendingLength += data.length;
      return data.length;
    },
    read(fd, length, position) {
      flush();
      const c = cache?.fd === fd && cache.generation === channel.calls ? cache : undefined;
      if (c && position >= c.position && position <= c.position + c.length) {
        const start = position - c.position;
        if (start + length <= c.length || c.end) {
          c.nextPosition = position + length;
          return channel.data.subarray(start, Math.min(start + length, c.length));
        }
      }
      if (length > DATA_BYTES) {
        // Larger than the data area: gathered in pieces (a copy; the guest's reads are far smaller).
        const out = new Uint8Array(length);
        let got = 0;
        while (got < length) {
          const n = fetch(fd, Math.min(length - got, DATA_BYTES), position + got);
          out.set(channel.data.subarray(0, n), got);
          got += n;
          if (n === 0) break;
        }
        cache = undefined;
        return got === length ? out : out.subarray(0, got);
      }
      const sequential = c?.fd === fd && position === c.nextPosition;
      const readAhead = sequential ? Math.min((c?.readAhead ?? 0) * 2, MAX_READ_AHEAD) : MIN_READ_AHEAD;
      const want = Math.max(length, readAhead);
      const n = fetch(fd, want, position);
      cache = {
        fd,
        position,
        length: n,
        generation: channel.calls,
        end: n < want,
        nextPosition: position + length,
        readAhead,
      };
      return channel.data.subarray(0, Math.min(n, length));
    },
  };
}

/** Standard output pushed to a stream on the caller's thread, batched, with its backpressure. */
export function remoteStdout(channel: ChannelClient): { write(bytes: Uint8Array): void; flush(): void } {
  const batch = new Uint8Array(256 * 1024);
  let length = 0;
  const flush = () => {
    if (length === 0) return;
    channel.data.set(batch.subarray(0, length));
    const n = length;
    length = 0;
    // A gone stdout answers EPIPE; the guest gets it as its write error (a broken pipe).
    asWasi(() => channel.call(Op.StdoutWrite, n));
  };
  return {
    write(bytes) {
      for (let done = 0; done < bytes.length; ) {
        const part = bytes.subarray(done, done + batch.length - length);
        batch.set(part, length);
        length += part.length;
        done += part.length;
        if (length === batch.length) flush();
      }
    },
    flush,
  };
}

/** Standard input pulled from the caller's thread. */
export function remoteStdin(channel: ChannelClient): { read(length: number): Uint8Array } {
  return {
    read(length) {
      channel.nums[0] = length;
      const n = asWasi(() => channel.call(Op.StdinRead));
      return channel.data.slice(0, n);
    },
  };
}
