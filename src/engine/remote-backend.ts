import { asWasi } from '../vfs/errno.js';
import type { DirEntryRecord, OpenMode, StatRecord, VolumeBackend } from '../vfs/volume-backend.js';
import { type ChannelClient, DATA_BYTES, Op } from './rpc-channel.js';

/** Read-ahead grows from this while reads stay sequential… */
const MIN_READ_AHEAD = 64 * 1024;
/** …up to this; a jump elsewhere in the file starts small again. */
const MAX_READ_AHEAD = DATA_BYTES;

interface ReadCache {
  fd: number;
  position: number;
  bytes: Uint8Array;
  /** Where the next sequential read would start, and how far ahead to fetch then. */
  nextPosition: number;
  readAhead: number;
}

/**
 * A volume on the caller's thread, seen from the worker. Every call is a round trip, so the two
 * hot paths are batched. Writes are coalesced: the preview1 adapter splits every write into
 * ≤ 4 KiB calls, so contiguous writes to one file are gathered and sent as one call; any other
 * call on the backend sends them first, so the caller's thread never sees operations out of order.
 * Sequential reads fetch ahead (64 KiB doubling to 1 MiB) into a cache that any change through
 * this backend drops. (Files a run reads must not be changed by the caller during the run.)
 */
export class RemoteBackend implements VolumeBackend {
  readonly #channel: ChannelClient;
  readonly #id: number;
  #pendingFd = -1;
  #pendingPosition = 0;
  #pendingLength = 0;
  readonly #pending = new Uint8Array(DATA_BYTES);
  #cache: ReadCache | undefined;
  /** Which file each open fd is, so a write through one fd drops a cache read through another. */
  readonly #paths = new Map<number, string>();

  constructor(channel: ChannelClient, id: number) {
    this.#channel = channel;
    this.#id = id;
  }

  /** Sends coalesced writes. */
  flush(): void {
    if (this.#pendingLength === 0) return;
    const length = this.#pendingLength;
    this.#pendingLength = 0;
    this.#send(this.#pendingFd, this.#pending.subarray(0, length), this.#pendingPosition);
  }

  #send(fd: number, data: Uint8Array, position: number): void {
    const { nums } = this.#channel;
    for (let done = 0; done < data.length; ) {
      const chunk = data.subarray(done, done + DATA_BYTES);
      this.#channel.data.set(chunk);
      nums[0] = this.#id;
      nums[1] = fd;
      nums[2] = position + done;
      this.#channel.call(Op.Write, chunk.length);
      done += nums[0] as number;
    }
  }

  #json<T>(method: string, ...args: unknown[]): T {
    this.flush();
    if (method !== 'fstat' && method !== 'lstat' && method !== 'readdir' && method !== 'readlink') {
      this.#cache = undefined;
    }
    return this.#channel.json(method, this.#id, ...args) as T;
  }

  write(fd: number, data: Uint8Array, position: number): number {
    if (this.#cache && this.#paths.get(this.#cache.fd) === this.#paths.get(fd)) this.#cache = undefined;
    const contiguous = fd === this.#pendingFd && position === this.#pendingPosition + this.#pendingLength;
    if (this.#pendingLength > 0 && (!contiguous || this.#pendingLength + data.length > DATA_BYTES)) {
      this.flush();
    }
    if (data.length > DATA_BYTES) {
      this.#send(fd, data, position);
      return data.length;
    }
    if (this.#pendingLength === 0) {
      this.#pendingFd = fd;
      this.#pendingPosition = position;
    }
    this.#pending.set(data, this.#pendingLength);
    this.#pendingLength += data.length;
    return data.length;
  }

  read(fd: number, length: number, position: number): Uint8Array {
    this.flush();
    const cache = this.#cache;
    if (
      cache?.fd === fd &&
      position >= cache.position &&
      position + length <= cache.position + cache.bytes.length
    ) {
      const start = position - cache.position;
      cache.nextPosition = position + length;
      return cache.bytes.slice(start, start + length);
    }
    const sequential = cache?.fd === fd && position === cache.nextPosition;
    const readAhead = sequential ? Math.min((cache?.readAhead ?? 0) * 2, MAX_READ_AHEAD) : MIN_READ_AHEAD;
    const fetched = this.#fetch(fd, Math.max(length, readAhead), position);
    this.#cache = { fd, position, bytes: fetched, nextPosition: position + length, readAhead };
    return fetched.length <= length ? fetched : fetched.slice(0, length);
  }

  #fetch(fd: number, length: number, position: number): Uint8Array {
    const out = new Uint8Array(length);
    let got = 0;
    const { nums } = this.#channel;
    while (got < length) {
      const want = Math.min(length - got, DATA_BYTES);
      nums[0] = this.#id;
      nums[1] = fd;
      nums[2] = want;
      nums[3] = position + got;
      const n = this.#channel.call(Op.Read);
      out.set(this.#channel.data.subarray(0, n), got);
      got += n;
      if (n < want) break;
    }
    return got === length ? out : out.subarray(0, got);
  }

  open(path: string, mode: OpenMode): number {
    const fd = this.#json<number>('open', path, mode);
    this.#paths.set(fd, path);
    return fd;
  }
  close(fd: number): void {
    this.#json('close', fd);
    this.#paths.delete(fd);
  }
  fstat(fd: number): StatRecord {
    return this.#json('fstat', fd);
  }
  lstat(path: string): StatRecord {
    return this.#json('lstat', path);
  }
  truncate(fd: number, size: number): void {
    this.#json('truncate', fd, size);
  }
  readdir(path: string): DirEntryRecord[] {
    return this.#json('readdir', path);
  }
  mkdir(path: string): void {
    this.#json('mkdir', path);
  }
  rmdir(path: string): void {
    this.#json('rmdir', path);
  }
  unlink(path: string): void {
    this.#json('unlink', path);
  }
  rename(from: string, to: string): void {
    this.#json('rename', from, to);
  }
  readlink(path: string): string {
    return this.#json('readlink', path);
  }
  symlink(target: string, path: string): void {
    this.#json('symlink', target, path);
  }
  utimes(path: string, atimeMs: number, mtimeMs: number): void {
    this.#json('utimes', path, atimeMs, mtimeMs);
  }
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
