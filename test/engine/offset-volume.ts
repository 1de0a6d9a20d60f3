import type { SyncFileSystem } from 'afmpeg';

/**
 * A file system that passes every call through, except that writes to files whose path matches
 * `shifted` land `offset` bytes further on. With `offset` = 4 GiB a tiny FFmpeg output is written
 * where a 4 GiB one would end: the real backend then answers as it would for a file that big
 * (memfs: Node's RangeError; a host fs: a sparse file), without anyone writing 4 GiB.
 */
export function offsetWrites(fs: SyncFileSystem, shifted: RegExp, offset: number): SyncFileSystem {
  const shiftedFds = new Set<number>();
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
    if (shifted.test(path)) shiftedFds.add(fd);
    else shiftedFds.delete(fd);
    return fd;
  };
  wrapper.writeSync = (
    fd: number,
    buffer: Uint8Array,
    off: number,
    length: number,
    position: number | null,
  ) =>
    fs.writeSync(
      fd,
      buffer,
      off,
      length,
      shiftedFds.has(fd) && position !== null ? position + offset : position,
    );
  return wrapper as unknown as SyncFileSystem;
}
