import { openFlags as constants, maxBufferBytes } from '#platform/fs-constants';
import type { LookupRequest, LookupResult } from './lookup.js';

/** What a file is, in the words WASI uses. */
export type EntryKind = 'directory' | 'regular-file' | 'symbolic-link' | 'character-device' | 'unknown';

/** A plain, copyable stat: it crosses threads as is. */
export interface StatRecord {
  kind: EntryKind;
  size: number;
  nlink: number;
  ino: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
}

export interface DirEntryRecord {
  name: string;
  kind: EntryKind;
}

/** How a file is opened; turned into numeric flags only at the fs boundary. */
export interface OpenMode {
  read: boolean;
  write: boolean;
  create: boolean;
  exclusive: boolean;
  truncate: boolean;
  directory: boolean;
}

const NO_MODE: OpenMode = {
  read: false,
  write: false,
  create: false,
  exclusive: false,
  truncate: false,
  directory: false,
};
/** Open an existing file to read it. */
export const OPEN_TO_READ: Readonly<OpenMode> = { ...NO_MODE, read: true };
/** Open a file to write it from the start, creating it or emptying it first. */
export const OPEN_TO_REPLACE: Readonly<OpenMode> = { ...NO_MODE, write: true, create: true, truncate: true };

/**
 * The narrow synchronous file API the WASI layer is written against. Paths are absolute inside
 * the backend (`/a/b`) and already resolved and contained by the namespace; a backend never sees
 * `..` or a symlink it has to follow on the guest's behalf. Failures throw an object whose `code`
 * is a Node errno name (`ENOENT`) — the same shape memfs and `node:fs` throw.
 */
export interface VolumeBackend {
  open(path: string, mode: OpenMode): number;
  close(fd: number): void;
  /** Reads up to `length` bytes at `position`; an empty result means end of file. */
  read(fd: number, length: number, position: number): Uint8Array;
  /** Reads into `target` (up to its length) at `position`; the count read, 0 at end of file. */
  readInto?(fd: number, target: Uint8Array, position: number): number;
  write(fd: number, data: Uint8Array, position: number): number;
  fstat(fd: number): StatRecord;
  lstat(path: string): StatRecord;
  truncate(fd: number, size: number): void;
  readdir(path: string): DirEntryRecord[];
  mkdir(path: string): void;
  rmdir(path: string): void;
  unlink(path: string): void;
  rename(from: string, to: string): void;
  readlink(path: string): string;
  symlink(target: string, path: string): void;
  utimes(path: string, atimeMs: number, mtimeMs: number): void;
  /** Walks and opens in one call (see `lookup`); a backend without it is walked call by call. */
  lookup?(dir: string, names: readonly string[], request: LookupRequest): LookupResult;
}

/** A failure in the backend's terms: an Error whose `code` is a Node errno name. */
export function errnoError(code: string, detail = ''): Error & { code: string } {
  return Object.assign(new Error(detail ? `${code}: ${detail}` : code), { code });
}

interface StatsLike {
  size: number | bigint;
  nlink: number | bigint;
  ino: number | bigint;
  atimeMs: number | bigint;
  mtimeMs: number | bigint;
  ctimeMs: number | bigint;
  isDirectory(): boolean;
  isFile(): boolean;
  isSymbolicLink(): boolean;
  isCharacterDevice(): boolean;
}

interface DirentLike {
  name: string | Uint8Array;
  isDirectory(): boolean;
  isFile(): boolean;
  isSymbolicLink(): boolean;
  isCharacterDevice(): boolean;
}

/**
 * The subset of Node's synchronous `fs` API that both memfs's `Volume` and `node:fs` provide.
 * Anything with these methods can back a run.
 */
export interface SyncFileSystem {
  openSync(path: string, flags: number, mode?: number): number;
  closeSync(fd: number): void;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  fstatSync(fd: number): StatsLike;
  lstatSync(path: string): StatsLike;
  ftruncateSync(fd: number, len?: number): void;
  readdirSync(path: string, options: { withFileTypes: true }): DirentLike[];
  mkdirSync(path: string): unknown;
  rmdirSync(path: string): void;
  unlinkSync(path: string): void;
  renameSync(from: string, to: string): void;
  readlinkSync(path: string): string | Uint8Array;
  symlinkSync(target: string, path: string): void;
  utimesSync(path: string, atime: number | Date, mtime: number | Date): void;
}

function kindOf(s: DirentLike | StatsLike): EntryKind {
  if (s.isFile()) return 'regular-file';
  if (s.isDirectory()) return 'directory';
  if (s.isSymbolicLink()) return 'symbolic-link';
  if (s.isCharacterDevice()) return 'character-device';
  return 'unknown';
}

function toStatRecord(s: StatsLike): StatRecord {
  return {
    kind: kindOf(s),
    size: Number(s.size),
    nlink: Number(s.nlink),
    ino: Number(s.ino),
    atimeMs: Number(s.atimeMs),
    mtimeMs: Number(s.mtimeMs),
    ctimeMs: Number(s.ctimeMs),
  };
}

function openFlags(mode: OpenMode): number {
  let flags = mode.write ? (mode.read ? constants.O_RDWR : constants.O_WRONLY) : constants.O_RDONLY;
  if (mode.create) flags |= constants.O_CREAT;
  if (mode.exclusive) flags |= constants.O_EXCL;
  if (mode.truncate) flags |= constants.O_TRUNC;
  return flags;
}

/**
 * A file in memfs's own `Volume` is one Node Buffer, so it cannot grow past
 * `buffer.constants.MAX_LENGTH` (4 GiB on Node 20): growing it throws Node's RangeError for the
 * buffer's `size`. That is the file being too large for the volume, not a bug: answer EFBIG, as a
 * disk with a file size limit would. afmpeg's `Volume` (chunks) and a host `fs` never throw it.
 */
function beyondBuffer<T>(call: () => T): T {
  try {
    return call();
  } catch (err) {
    if (err instanceof RangeError && /"size" is out of range/.test(err.message)) {
      throw Object.assign(new Error(`EFBIG: the file would pass ${maxBufferBytes} bytes`), {
        code: 'EFBIG',
        cause: err,
      });
    }
    throw err;
  }
}

/** Wraps a memfs `Volume` (or `node:fs`, or anything alike) as a backend. */
export function backendFromFs(fs: SyncFileSystem): VolumeBackend & Required<Pick<VolumeBackend, 'readInto'>> {
  return {
    open: (path, mode) => fs.openSync(path, openFlags(mode), 0o644),
    close: (fd) => fs.closeSync(fd),
    read(fd, length, position) {
      const buffer = new Uint8Array(length);
      const got = this.readInto(fd, buffer, position);
      return got === length ? buffer : buffer.subarray(0, got);
    },
    readInto(fd, target, position) {
      let got = 0;
      // A short read is not end of file for every backend; keep going until it is.
      while (got < target.length) {
        const n = fs.readSync(fd, target, got, target.length - got, position + got);
        if (n <= 0) break;
        got += n;
      }
      return got;
    },
    write(fd, data, position) {
      let done = 0;
      while (done < data.length) {
        done += beyondBuffer(() => fs.writeSync(fd, data, done, data.length - done, position + done));
      }
      return done;
    },
    fstat: (fd) => toStatRecord(fs.fstatSync(fd)),
    lstat: (path) => toStatRecord(fs.lstatSync(path)),
    truncate: (fd, size) => beyondBuffer(() => fs.ftruncateSync(fd, size)),
    readdir: (path) =>
      fs.readdirSync(path, { withFileTypes: true }).map((d) => ({ name: String(d.name), kind: kindOf(d) })),
    mkdir: (path) => {
      fs.mkdirSync(path);
    },
    rmdir: (path) => fs.rmdirSync(path),
    unlink: (path) => fs.unlinkSync(path),
    rename: (from, to) => fs.renameSync(from, to),
    readlink: (path) => String(fs.readlinkSync(path)),
    symlink: (target, path) => fs.symlinkSync(target, path),
    utimes: (path, atimeMs, mtimeMs) => fs.utimesSync(path, atimeMs / 1000, mtimeMs / 1000),
  };
}
