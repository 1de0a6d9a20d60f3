import type { SyncFileSystem } from 'afmpeg';

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

/**
 * A file system that passes every call through, except that each write to a file whose path
 * matches `matching` goes to `intercept`, which makes it (where it likes) or throws what a real
 * volume would (a full disk's ENOSPC), or does something else first (abort a run).
 */
export function interceptWrites(
  fs: SyncFileSystem,
  matching: RegExp,
  intercept: (call: InterceptedWrite) => number,
): SyncFileSystem {
  const intercepted = new Map<number, { path: string; written: number }>();
  const inner = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
  const wrapper: Record<string, unknown> = {};
  for (const name of [
    'closeSync',
    'readSync',
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
  wrapper.writeSync = (
    fd: number,
    buffer: Uint8Array,
    off: number,
    length: number,
    position: number | null,
  ) => {
    const file = intercepted.get(fd);
    const write = (at: number | null) => fs.writeSync(fd, buffer, off, length, at);
    if (!file) return write(position);
    const n = intercept({ path: file.path, position, length, written: file.written, write });
    file.written += n;
    return n;
  };
  return wrapper as unknown as SyncFileSystem;
}

/**
 * Writes to files whose path matches `shifted` land `offset` bytes further on. With `offset` =
 * 4 GiB a tiny FFmpeg output is written where a 4 GiB one would end: the real backend then
 * answers as it would for a file that big (memfs: Node's RangeError; a host fs: a sparse file),
 * without anyone writing 4 GiB.
 */
export function offsetWrites(fs: SyncFileSystem, shifted: RegExp, offset: number): SyncFileSystem {
  return interceptWrites(fs, shifted, ({ position, write }) =>
    write(position === null ? null : position + offset),
  );
}

/** A Node-style filesystem error, as a real volume throws it (`code`: ENOSPC, EIO, ...). */
export function errnoError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}
