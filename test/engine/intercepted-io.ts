import type { SyncFileSystem } from 'afmpeg';

/** One read of an intercepted file: where it was asked for, and the real read to make (or not). */
export interface InterceptedRead {
  readonly path: string;
  readonly position: number | null;
  readonly length: number;
  /** Makes the read; returns the bytes read. */
  readonly read: () => number;
}

/** One write to an intercepted file: where it was asked for, and the real write to make (or not). */
export interface InterceptedWrite {
  readonly path: string;
  readonly position: number | null;
  readonly length: number;
  /** Bytes written to this file so far through the wrapper. */
  readonly written: number;
  /** Makes the write, at `position` (or elsewhere); returns the bytes written. */
  readonly write: (position: number | null) => number;
}

/** `readSync` and `writeSync` of a Node-style file system: a transfer at an fd. */
type FdTransfer = (
  fd: number,
  buffer: Uint8Array,
  off: number,
  length: number,
  position: number | null,
) => number;

/** What to do instead of each read and each write of an intercepted file (unset: make it). */
export interface Interceptors {
  readonly read?: (call: InterceptedRead) => number;
  readonly write?: (call: InterceptedWrite) => number;
}

/**
 * A file system that passes every call through, except that each read and write of a file whose
 * path matches `matching` goes to `interceptors`, which make it (where they like) or throw what a
 * real volume would (a full disk's ENOSPC, a failing device's EIO), or do something else first
 * (abort a run).
 */
export function interceptIo(
  fs: SyncFileSystem,
  matching: RegExp,
  interceptors: Interceptors,
): SyncFileSystem {
  const intercepted = new Map<number, { path: string; written: number }>();
  const inner = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
  const wrapper: Record<string, unknown> = {};
  for (const name of [
    'closeSync',
    'fstatSync',
    'lstatSync',
    'ftruncateSync',
    'readdirSync',
    'mkdirSync',
    'rmdirSync',
    'unlinkSync',
    'renameSync',
    'readlinkSync',
    'symlinkSync',
    'utimesSync',
  ]) {
    wrapper[name] = (...args: unknown[]) => inner[name]?.apply(fs, args);
  }
  wrapper.openSync = (path: string, flags: number, mode?: number) => {
    const fd = fs.openSync(path, flags, mode);
    if (matching.test(path)) intercepted.set(fd, { path, written: 0 });
    else intercepted.delete(fd);
    return fd;
  };
  const readSync: FdTransfer = (fd, buffer, off, length, position) => {
    const file = intercepted.get(fd);
    const read = () => fs.readSync(fd, buffer, off, length, position);
    return file && interceptors.read
      ? interceptors.read({ path: file.path, position, length, read })
      : read();
  };
  const writeSync: FdTransfer = (fd, buffer, off, length, position) => {
    const file = intercepted.get(fd);
    const write = (at: number | null) => fs.writeSync(fd, buffer, off, length, at);
    if (!file || !interceptors.write) return write(position);
    const n = interceptors.write({ path: file.path, position, length, written: file.written, write });
    file.written += n;
    return n;
  };
  Object.assign(wrapper, { readSync, writeSync });
  return wrapper as unknown as SyncFileSystem;
}

/**
 * Writes to files whose path matches `shifted` land `offset` bytes further on. With `offset` =
 * 4 GiB a tiny FFmpeg output is written where a 4 GiB one would end: the real backend then
 * answers as it would for a file that big (memfs: Node's RangeError; a host fs: a sparse file),
 * without anyone writing 4 GiB.
 */
export function offsetWrites(fs: SyncFileSystem, shifted: RegExp, offset: number): SyncFileSystem {
  return interceptIo(fs, shifted, {
    write: ({ position, write }) => write(position === null ? null : position + offset),
  });
}

/** A Node-style filesystem error, as a real volume throws it (`code`: ENOSPC, EIO, ...). */
export function errnoError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}
