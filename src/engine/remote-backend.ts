import { asWasi } from '../host/index.js';
import type { LookupRequest, LookupResult, StatRecord, VolumeBackend } from '../vfs/index.js';
import { type ChannelClient, DATA_BYTES, Op } from './rpc-channel.js';
import { codeOf, jsonCalls, type VolumeCall, volumeCalls } from './volume-calls.js';

/** Read-ahead grows from this while reads stay sequential… */
const MIN_READ_AHEAD = 64 * 1024;
/** …up to this; a jump elsewhere in the file starts small again. */
const MAX_READ_AHEAD = DATA_BYTES;

/**
 * What the last fetch for one fd brought: the file's bytes from `position`. A view of the
 * channel's data area as long as the channel has made no other call (`generation`); copied out
 * before this volume's next call, so that reading another file (or writing one) between two reads
 * of this one does not fetch it again.
 */
interface ReadBlock {
  position: number;
  bytes: Uint8Array;
  /** While `bytes` is a view of the data area: the channel's call count it is good for. */
  generation: number | undefined;
  /** The fetch came back short: the file ends at `position + bytes.length`. */
  end: boolean;
  /** Where the next sequential read would start, and how far ahead to fetch then. */
  nextPosition: number;
  readAhead: number;
}

/** Calls that change no file's bytes, size or times: what was read and stat-ed stays true. */
const KEEPS_FILES: ReadonlySet<VolumeCall> = new Set(['fstat', 'lstat', 'readdir', 'readlink', 'close']);

/** A volume on the caller's thread, seen from the worker: `VolumeBackend` plus `flush`. */
export type RemoteBackend = VolumeBackend & { flush(): void };

/**
 * A volume on the caller's thread, seen from the worker. Every call is a round trip, derived from
 * the table in volume-calls.ts, and each costs far more than its work (the caller's thread has to
 * wake: 0.3-1.5 ms each, measured in a transcode), so the hot paths are batched or answered here.
 * Writes are coalesced: the preview1 adapter splits every write into ≤ 4 KiB calls, so contiguous
 * writes to one file are gathered and sent as one call, before any other call and before a read
 * of the same file, so the caller's thread and the guest never see them out of order. Sequential
 * reads fetch ahead (64 KiB doubling to 1 MiB) straight into the shared data area, answered from
 * there (a view, no copy), and from a copy once another call needs the area: a transcode reads its
 * input between writes of its output, and a join reads three files in turn. An fd's `fstat` is
 * answered again until this volume writes to that file or changes any (the adapter asks for it
 * twice per `fd_filestat_get`, and FFmpeg at every seek). (Files a run reads must not be changed by
 * the caller during the run.)
 */
export function remoteBackend(channel: ChannelClient, id: number): RemoteBackend {
  let pendingFd = -1;
  let pendingPosition = 0;
  let pendingLength = 0;
  const pending = new Uint8Array(DATA_BYTES);
  const blocks = new Map<number, ReadBlock>();
  const stats = new Map<number, StatRecord>();
  /** Which file each open fd is, so a write through one fd drops what was read through another. */
  const paths = new Map<number, string>();
  const { nums } = channel;

  const sameFile = (a: number, b: number): boolean => paths.get(a) === paths.get(b);

  /** Whether `block` answers a read of `length` bytes at `position`: still good, and holding them. */
  const holds = (block: ReadBlock, length: number, position: number): boolean => {
    if (block.generation !== undefined && block.generation !== channel.calls) return false;
    const start = position - block.position;
    return start >= 0 && start <= block.bytes.length && (start + length <= block.bytes.length || block.end);
  };

  const answer = (block: ReadBlock, length: number, position: number): Uint8Array => {
    const start = position - block.position;
    block.nextPosition = position + length;
    return block.bytes.subarray(start, Math.min(start + length, block.bytes.length));
  };

  /** Forgets what was read or stat-ed of the file `fd` is. */
  const forgetFile = (fd: number): void => {
    for (const other of blocks.keys()) if (sameFile(other, fd)) blocks.delete(other);
    for (const other of stats.keys()) if (sameFile(other, fd)) stats.delete(other);
  };

  /** Before this volume's own call overwrites the data area: the view still good becomes a copy. */
  const keepBlocks = (): void => {
    for (const [fd, block] of blocks) {
      if (block.generation === undefined) continue;
      if (block.generation !== channel.calls) blocks.delete(fd);
      else {
        block.bytes = block.bytes.slice();
        block.generation = undefined;
      }
    }
  };

  const send = (fd: number, data: Uint8Array, position: number): void => {
    keepBlocks();
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
    keepBlocks();
    nums[0] = id;
    nums[1] = fd;
    nums[2] = length;
    nums[3] = position;
    return channel.call(codeOf('read'));
  };

  const call = (name: VolumeCall, args: unknown[]): unknown => {
    flush();
    keepBlocks();
    const result = channel.json(codeOf(name), [id, ...args]);
    const spec = volumeCalls[name] as {
      opened?(args: unknown[], result: unknown): { fd: number; path: string } | undefined;
      closed?(args: unknown[]): number;
    };
    if (!KEEPS_FILES.has(name) && !(name === 'lookup' && !truncates(args[2]))) {
      blocks.clear();
      stats.clear();
    }
    const opened = spec.opened?.(args, result);
    if (opened) paths.set(opened.fd, opened.path);
    if (spec.closed) {
      const fd = spec.closed(args);
      blocks.delete(fd);
      stats.delete(fd);
      paths.delete(fd);
    }
    return result;
  };

  const json = Object.fromEntries(
    jsonCalls.map((name) => [name, (...args: unknown[]) => call(name, args)]),
  ) as Pick<VolumeBackend, (typeof jsonCalls)[number]>;

  return {
    ...json,
    lookup: json.lookup as (...args: Parameters<NonNullable<VolumeBackend['lookup']>>) => LookupResult,
    flush,
    fstat(fd) {
      let stat = stats.get(fd);
      if (!stat) {
        stat = json.fstat(fd);
        stats.set(fd, stat);
      }
      return stat;
    },
    write(fd, data, position) {
      forgetFile(fd);
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
      if (pendingLength > 0 && sameFile(pendingFd, fd)) flush();
      const block = blocks.get(fd);
      if (block && holds(block, length, position)) return answer(block, length, position);
      // The same file open twice (a split's first segment reads its input once for the video and
      // once for the audio, both at about the same place): what one fetched serves the other.
      const path = paths.get(fd);
      for (const [other, sibling] of blocks) {
        if (other === fd || path === undefined || paths.get(other) !== path) continue;
        if (!holds(sibling, length, position)) continue;
        const shared = { ...sibling, readAhead: block?.readAhead ?? sibling.readAhead };
        blocks.set(fd, shared);
        return answer(shared, length, position);
      }
      blocks.delete(fd);
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
        return got === length ? out : out.subarray(0, got);
      }
      const sequential = block !== undefined && position === block.nextPosition;
      const readAhead = sequential ? Math.min(block.readAhead * 2, MAX_READ_AHEAD) : MIN_READ_AHEAD;
      const want = Math.max(length, readAhead);
      const n = fetch(fd, want, position);
      blocks.set(fd, {
        position,
        bytes: channel.data.subarray(0, n),
        generation: channel.calls,
        end: n < want,
        nextPosition: position + length,
        readAhead,
      });
      return channel.data.subarray(0, Math.min(n, length));
    },
  };
}

/** Whether a `lookup` opens with `truncate` (the one way an open changes a file's bytes). */
function truncates(request: unknown): boolean {
  return (request as LookupRequest | undefined)?.open?.truncate === true;
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
