import {
  type DirEntryRecord,
  errnoError,
  OPEN_TO_REPLACE,
  type OpenMode,
  type StatRecord,
  type VolumeBackend,
} from './volume-backend.js';

interface NodeTimes {
  ino: number;
  nlink: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
}
interface FileNode extends NodeTimes {
  kind: 'regular-file';
  /** The bytes; its length is the capacity, `size` of them are the file. */
  data: Uint8Array;
  size: number;
}
interface DirNode extends NodeTimes {
  kind: 'directory';
  entries: Map<string, Entry>;
}
interface LinkNode extends NodeTimes {
  kind: 'symbolic-link';
  target: string;
}
type Entry = FileNode | DirNode | LinkNode;

/** A typed array's bytes are at most this long (V8), so a file is too. */
const MAX_FILE_BYTES = 2 ** 32;

const encoder = new TextEncoder();

function namesOf(path: string): string[] {
  if (!path.startsWith('/')) throw errnoError('EINVAL', `not an absolute path: ${path}`);
  return path.split('/').filter((n) => n !== '' && n !== '.');
}

/**
 * A volume in memory with no dependency on Node: the browser's `Volume` (memfs needs Node's
 * `buffer`, `events`, `stream`, `path` and `url`). It is a `VolumeBackend` itself (what the engine
 * serves the guest from) and has the few Node-style calls a caller uses to put inputs in and take
 * outputs out (`writeFileSync`, `readFileSync`, `mkdirSync`, `readdirSync`, `existsSync`, ...).
 * Failures carry Node's errno names (`ENOENT`), as memfs's do.
 *
 * @example
 * ```ts
 * import { Volume } from 'afmpeg'; // in a browser bundle, this class
 * const vol = new Volume();
 * vol.mkdirSync('/in', { recursive: true });
 * vol.writeFileSync('/in/clip.mp4', new Uint8Array(await file.arrayBuffer()));
 * // ... run ...
 * const mp4 = vol.readFileSync('/out/clip.mp4'); // a Uint8Array
 * ```
 */
export class MemoryVolume implements VolumeBackend {
  readonly #root: DirNode;
  readonly #fds = new Map<number, FileNode>();
  #nextFd = 3;
  #nextIno = 1;

  constructor() {
    this.#root = this.#dir();
  }

  #times(): NodeTimes {
    const now = Date.now();
    return { ino: this.#nextIno++, nlink: 1, atimeMs: now, mtimeMs: now, ctimeMs: now };
  }

  #dir(): DirNode {
    return { kind: 'directory', entries: new Map(), ...this.#times(), nlink: 2 };
  }

  /** The entry at `path`, following symbolic links on the way (and at the end if `followLast`). */
  #find(path: string, followLast: boolean, hops = 0): Entry {
    if (hops > 40) throw errnoError('ELOOP', path);
    const names = namesOf(path);
    let node: Entry = this.#root;
    for (let i = 0; i < names.length; i++) {
      if (node.kind !== 'directory') throw errnoError('ENOTDIR', path);
      const next = node.entries.get(names[i] as string);
      if (!next) throw errnoError('ENOENT', path);
      if (next.kind === 'symbolic-link' && (i < names.length - 1 || followLast)) {
        const base = `/${names.slice(0, i).join('/')}`;
        const target = next.target.startsWith('/') ? next.target : `${base}/${next.target}`;
        const rest = names.slice(i + 1).join('/');
        return this.#find(rest ? `${target}/${rest}` : target, followLast, hops + 1);
      }
      node = next;
    }
    return node;
  }

  /** The directory that holds `path`'s last name, and that name. */
  #parent(path: string): { dir: DirNode; name: string } {
    const names = namesOf(path);
    const name = names.pop();
    if (name === undefined || name === '..') throw errnoError('EINVAL', path);
    const dir = this.#find(`/${names.join('/')}`, true);
    if (dir.kind !== 'directory') throw errnoError('ENOTDIR', path);
    return { dir, name };
  }

  #file(fd: number): FileNode {
    const file = this.#fds.get(fd);
    if (!file) throw errnoError('EBADF', String(fd));
    return file;
  }

  #touch(node: NodeTimes): void {
    node.mtimeMs = Date.now();
    node.ctimeMs = node.mtimeMs;
  }

  // --- VolumeBackend ---

  open(path: string, mode: OpenMode): number {
    const { dir, name } = this.#parent(path);
    let node = dir.entries.get(name);
    if (node?.kind === 'symbolic-link') node = this.#find(path, true);
    if (node && mode.create && mode.exclusive) throw errnoError('EEXIST', path);
    if (!node) {
      if (!mode.create) throw errnoError('ENOENT', path);
      node = { kind: 'regular-file', data: new Uint8Array(0), size: 0, ...this.#times() };
      dir.entries.set(name, node);
      this.#touch(dir);
    }
    if (node.kind === 'directory') throw errnoError('EISDIR', path);
    if (node.kind !== 'regular-file') throw errnoError('EINVAL', path);
    if (mode.truncate && (mode.write || mode.create)) {
      node.size = 0;
      this.#touch(node);
    }
    const fd = this.#nextFd++;
    this.#fds.set(fd, node);
    return fd;
  }

  close(fd: number): void {
    this.#file(fd);
    this.#fds.delete(fd);
  }

  read(fd: number, length: number, position: number): Uint8Array {
    const file = this.#file(fd);
    return file.data.slice(Math.min(position, file.size), Math.min(position + length, file.size));
  }

  readInto(fd: number, target: Uint8Array, position: number): number {
    const file = this.#file(fd);
    const end = Math.min(position + target.length, file.size);
    if (end <= position) return 0;
    target.set(file.data.subarray(position, end));
    return end - position;
  }

  write(fd: number, data: Uint8Array, position: number): number {
    const file = this.#file(fd);
    const end = position + data.length;
    this.#reserve(file, end);
    file.data.set(data, position);
    if (end > file.size) file.size = end;
    this.#touch(file);
    return data.length;
  }

  /** Grows the file's room to `bytes` (doubling, so appends are amortised), zero-filled. */
  #reserve(file: FileNode, bytes: number): void {
    if (bytes > MAX_FILE_BYTES) throw errnoError('EFBIG', `the file would pass ${MAX_FILE_BYTES} bytes`);
    if (bytes <= file.data.length) {
      // Bytes past the old end may hold what a truncate cut off: a file grows with zeros.
      if (bytes > file.size) file.data.fill(0, file.size, bytes);
      return;
    }
    const grown = new Uint8Array(Math.min(MAX_FILE_BYTES, Math.max(bytes, file.data.length * 2, 4096)));
    grown.set(file.data.subarray(0, file.size));
    file.data = grown;
  }

  fstat(fd: number): StatRecord {
    return this.#stat(this.#file(fd));
  }

  lstat(path: string): StatRecord {
    return this.#stat(this.#find(path, false));
  }

  #stat(node: Entry): StatRecord {
    const size =
      node.kind === 'regular-file' ? node.size : node.kind === 'symbolic-link' ? node.target.length : 4096;
    const { ino, nlink, atimeMs, mtimeMs, ctimeMs } = node;
    return { kind: node.kind, size, ino, nlink, atimeMs, mtimeMs, ctimeMs };
  }

  truncate(fd: number, size: number): void {
    const file = this.#file(fd);
    if (size > file.size) this.#reserve(file, size);
    file.size = size;
    this.#touch(file);
  }

  readdir(path: string): DirEntryRecord[] {
    const dir = this.#find(path, true);
    if (dir.kind !== 'directory') throw errnoError('ENOTDIR', path);
    return [...dir.entries].map(([name, node]) => ({ name, kind: node.kind }));
  }

  mkdir(path: string): void {
    const { dir, name } = this.#parent(path);
    if (dir.entries.has(name)) throw errnoError('EEXIST', path);
    dir.entries.set(name, this.#dir());
    this.#touch(dir);
  }

  rmdir(path: string): void {
    const { dir, name } = this.#parent(path);
    const node = dir.entries.get(name);
    if (!node) throw errnoError('ENOENT', path);
    if (node.kind !== 'directory') throw errnoError('ENOTDIR', path);
    if (node.entries.size > 0) throw errnoError('ENOTEMPTY', path);
    dir.entries.delete(name);
    this.#touch(dir);
  }

  unlink(path: string): void {
    const { dir, name } = this.#parent(path);
    const node = dir.entries.get(name);
    if (!node) throw errnoError('ENOENT', path);
    if (node.kind === 'directory') throw errnoError('EISDIR', path);
    dir.entries.delete(name);
    this.#touch(dir);
  }

  rename(from: string, to: string): void {
    const src = this.#parent(from);
    const node = src.dir.entries.get(src.name);
    if (!node) throw errnoError('ENOENT', from);
    const dst = this.#parent(to);
    const there = dst.dir.entries.get(dst.name);
    if (there === node) return;
    if (node.kind === 'directory') {
      if (there && there.kind !== 'directory') throw errnoError('ENOTDIR', to);
      if (there?.kind === 'directory' && there.entries.size > 0) throw errnoError('ENOTEMPTY', to);
      // A directory cannot move into itself.
      if (`${to}/`.startsWith(`${from.replace(/\/+$/, '')}/`)) throw errnoError('EINVAL', `${from} -> ${to}`);
    } else if (there?.kind === 'directory') {
      throw errnoError('EISDIR', to);
    }
    src.dir.entries.delete(src.name);
    dst.dir.entries.set(dst.name, node);
    this.#touch(src.dir);
    this.#touch(dst.dir);
  }

  readlink(path: string): string {
    const node = this.#find(path, false);
    if (node.kind !== 'symbolic-link') throw errnoError('EINVAL', path);
    return node.target;
  }

  symlink(target: string, path: string): void {
    const { dir, name } = this.#parent(path);
    if (dir.entries.has(name)) throw errnoError('EEXIST', path);
    dir.entries.set(name, { kind: 'symbolic-link', target, ...this.#times() });
    this.#touch(dir);
  }

  utimes(path: string, atimeMs: number, mtimeMs: number): void {
    const node = this.#find(path, true);
    node.atimeMs = atimeMs;
    node.mtimeMs = mtimeMs;
  }

  // --- what a caller uses, named as Node's fs names it ---

  /** Writes a whole file (a string as UTF-8), creating or replacing it. */
  writeFileSync(path: string, data: Uint8Array | ArrayBuffer | string): void {
    const bytes =
      typeof data === 'string'
        ? encoder.encode(data)
        : data instanceof ArrayBuffer
          ? new Uint8Array(data)
          : data;
    const fd = this.open(path, OPEN_TO_REPLACE);
    try {
      this.write(fd, bytes, 0);
    } finally {
      this.close(fd);
    }
  }

  /** A whole file's bytes (a copy), or its text with `'utf8'`. */
  readFileSync(path: string): Uint8Array;
  readFileSync(path: string, encoding: 'utf8' | 'utf-8'): string;
  readFileSync(path: string, encoding?: 'utf8' | 'utf-8'): Uint8Array | string {
    const node = this.#find(path, true);
    if (node.kind === 'directory') throw errnoError('EISDIR', path);
    if (node.kind !== 'regular-file') throw errnoError('EINVAL', path);
    const bytes = node.data.slice(0, node.size);
    return encoding ? new TextDecoder().decode(bytes) : bytes;
  }

  /** Makes a directory; with `recursive`, its parents too, and an existing one is no error. */
  mkdirSync(path: string, options: { recursive?: boolean } = {}): void {
    if (!options.recursive) {
      this.mkdir(path);
      return;
    }
    let at = '';
    for (const name of namesOf(path)) {
      at += `/${name}`;
      const node = this.#tryFind(at);
      if (!node) this.mkdir(at);
      else if (node.kind !== 'directory') throw errnoError('ENOTDIR', at);
    }
  }

  /** The names in a directory. */
  readdirSync(path: string): string[] {
    return this.readdir(path).map((e) => e.name);
  }

  existsSync(path: string): boolean {
    return this.#tryFind(path) !== undefined;
  }

  /** A file's or directory's stat (symbolic links followed). */
  statSync(path: string): StatRecord {
    return this.#stat(this.#find(path, true));
  }

  unlinkSync(path: string): void {
    this.unlink(path);
  }

  renameSync(from: string, to: string): void {
    this.rename(from, to);
  }

  symlinkSync(target: string, path: string): void {
    this.symlink(target, path);
  }

  /** Removes a file, or with `recursive` a directory and all below it; `force` ignores a missing one. */
  rmSync(path: string, options: { recursive?: boolean; force?: boolean } = {}): void {
    const node = this.#tryFind(path, false);
    if (!node) {
      if (options.force) return;
      throw errnoError('ENOENT', path);
    }
    if (node.kind !== 'directory') {
      this.unlink(path);
      return;
    }
    if (!options.recursive) throw errnoError('EISDIR', path);
    const { dir, name } = this.#parent(path);
    dir.entries.delete(name);
    this.#touch(dir);
  }

  #tryFind(path: string, followLast = true): Entry | undefined {
    try {
      return this.#find(path, followLast);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw err;
    }
  }
}
