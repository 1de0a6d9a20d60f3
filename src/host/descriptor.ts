import type { EntryKind, OpenMode, StatRecord } from '../vfs/index.js';
import { asWasi, type FsErrorCode } from './errno.js';
import { checkedMethods } from './guest-calls.js';
import { foundStat, type Location, type Namespace, type Resolved } from './namespace.js';
import { type ByteSink, type ByteSource, InputStream, type IoError, OutputStream } from './wasi-io.js';

export interface Datetime {
  seconds: bigint;
  nanoseconds: number;
}

export interface DescriptorStat {
  type: EntryKind;
  linkCount: bigint;
  size: bigint;
  dataAccessTimestamp: Datetime;
  dataModificationTimestamp: Datetime;
  statusChangeTimestamp: Datetime;
}

export interface DescriptorFlags {
  read?: boolean;
  write?: boolean;
  fileIntegritySync?: boolean;
  dataIntegritySync?: boolean;
  requestedWriteSync?: boolean;
  mutateDirectory?: boolean;
}

export interface PathFlags {
  symlinkFollow?: boolean;
}

export interface OpenFlags {
  create?: boolean;
  directory?: boolean;
  exclusive?: boolean;
  truncate?: boolean;
}

export type NewTimestamp = { tag: 'no-change' } | { tag: 'now' } | { tag: 'timestamp'; val: Datetime };

function datetime(ms: number): Datetime {
  const seconds = Math.floor(ms / 1000);
  return { seconds: BigInt(seconds), nanoseconds: Math.floor((ms - seconds * 1000) * 1e6) };
}

function toDescriptorStat(s: StatRecord): DescriptorStat {
  return {
    type: s.kind,
    linkCount: BigInt(s.nlink),
    size: BigInt(s.size),
    dataAccessTimestamp: datetime(s.atimeMs),
    dataModificationTimestamp: datetime(s.mtimeMs),
    statusChangeTimestamp: datetime(s.ctimeMs),
  };
}

const fail = (code: FsErrorCode): never => {
  throw code;
};

/**
 * `wasi:filesystem/types.descriptor`: an open directory (a guest path, no backend handle) or an
 * open file (a backend fd).
 */
export class Descriptor {
  readonly #ns: Namespace;
  readonly #loc: Location;
  readonly #kind: EntryKind;
  readonly #flags: DescriptorFlags;
  #fd: number | undefined;

  constructor(ns: Namespace, loc: Location, kind: EntryKind, flags: DescriptorFlags, fd?: number) {
    this.#ns = ns;
    this.#loc = loc;
    this.#kind = kind;
    this.#flags = flags;
    this.#fd = fd;
  }

  /** The root directory the guest gets as its preopen. */
  static root(ns: Namespace): Descriptor {
    return new Descriptor(ns, ns.locate([]), 'directory', { read: true, write: true, mutateDirectory: true });
  }

  get #backend() {
    return this.#loc.mount.backend;
  }

  #fileFd(): number {
    if (this.#fd === undefined)
      return this.#kind === 'directory' ? fail('is-directory') : fail('bad-descriptor');
    return this.#fd;
  }

  #components(): readonly string[] {
    return this.#loc.components;
  }

  #dirOnly(): void {
    if (this.#kind !== 'directory') fail('not-directory');
  }

  #resolve(path: string, follow: boolean, open?: OpenMode): Resolved {
    this.#dirOnly();
    return this.#ns.resolve(this.#components(), path, follow, open);
  }

  readViaStream(offset: bigint): InputStream {
    const fd = this.#fileFd();
    if (!this.#flags.read) fail('bad-descriptor');
    let position = Number(offset);
    const backend = this.#backend;
    const source: ByteSource = {
      read(length) {
        const bytes = asWasi(() => backend.read(fd, length, position));
        position += bytes.length;
        return bytes;
      },
    };
    return new InputStream(source);
  }

  writeViaStream(offset: bigint): OutputStream {
    const fd = this.#fileFd();
    if (!this.#flags.write) fail('bad-descriptor');
    let position = Number(offset);
    const backend = this.#backend;
    const sink: ByteSink = {
      write(bytes) {
        position += asWasi(() => backend.write(fd, bytes, position));
      },
    };
    return new OutputStream(sink);
  }

  appendViaStream(): OutputStream {
    const fd = this.#fileFd();
    if (!this.#flags.write) fail('bad-descriptor');
    const backend = this.#backend;
    const sink: ByteSink = {
      write(bytes) {
        asWasi(() => backend.write(fd, bytes, backend.fstat(fd).size));
      },
    };
    return new OutputStream(sink);
  }

  advise(): void {}
  syncData(): void {}
  sync(): void {}

  getFlags(): DescriptorFlags {
    return this.#flags;
  }

  getType(): EntryKind {
    return this.#kind;
  }

  setSize(size: bigint): void {
    const fd = this.#fileFd();
    if (!this.#flags.write) fail('bad-descriptor');
    asWasi(() => this.#backend.truncate(fd, Number(size)));
  }

  setTimes(atime: NewTimestamp, mtime: NewTimestamp): void {
    const loc = this.#loc;
    this.#setTimes(loc, () => asWasi(() => loc.mount.backend.lstat(loc.backendPath)), atime, mtime);
  }

  #setTimes(loc: Location, lstat: () => StatRecord, atime: NewTimestamp, mtime: NewTimestamp): void {
    if (loc.mount.readOnly) return;
    const stat = lstat();
    const pick = (t: NewTimestamp, current: number) =>
      t.tag === 'now'
        ? Date.now()
        : t.tag === 'timestamp'
          ? Number(t.val.seconds) * 1000 + t.val.nanoseconds / 1e6
          : current;
    asWasi(() =>
      loc.mount.backend.utimes(loc.backendPath, pick(atime, stat.atimeMs), pick(mtime, stat.mtimeMs)),
    );
  }

  read(length: bigint, offset: bigint): [Uint8Array, boolean] {
    const fd = this.#fileFd();
    if (!this.#flags.read) fail('bad-descriptor');
    const bytes = asWasi(() => this.#backend.read(fd, Number(length), Number(offset)));
    return [bytes, bytes.length < Number(length)];
  }

  write(buffer: Uint8Array, offset: bigint): bigint {
    const fd = this.#fileFd();
    if (!this.#flags.write) fail('bad-descriptor');
    return BigInt(asWasi(() => this.#backend.write(fd, buffer, Number(offset))));
  }

  readDirectory(): DirectoryEntryStream {
    this.#dirOnly();
    const listed = asWasi(() => this.#backend.readdir(this.#loc.backendPath));
    const mounted = this.#ns.childMounts(this.#components());
    const names = new Set(listed.map((e) => e.name));
    const entries = [
      ...listed,
      ...mounted.filter((n) => !names.has(n)).map((name) => ({ name, kind: 'directory' as const })),
    ];
    return new DirectoryEntryStream(entries.map((e) => ({ type: e.kind, name: e.name })));
  }

  createDirectoryAt(path: string): void {
    const loc = this.#resolve(path, false);
    this.#ns.assertWritable(loc);
    asWasi(() => loc.mount.backend.mkdir(loc.backendPath));
  }

  stat(): DescriptorStat {
    return toDescriptorStat(this.#fd === undefined ? this.#pathStat() : this.#fileStat(this.#fd));
  }

  #fileStat(fd: number): StatRecord {
    return asWasi(() => this.#backend.fstat(fd));
  }

  #pathStat(): StatRecord {
    return asWasi(() => this.#backend.lstat(this.#loc.backendPath));
  }

  statAt(pathFlags: PathFlags, path: string): DescriptorStat {
    return toDescriptorStat(foundStat(this.#resolve(path, pathFlags.symlinkFollow ?? false)));
  }

  setTimesAt(pathFlags: PathFlags, path: string, atime: NewTimestamp, mtime: NewTimestamp): void {
    const found = this.#resolve(path, pathFlags.symlinkFollow ?? false);
    this.#setTimes(found, () => foundStat(found), atime, mtime);
  }

  linkAt(): void {
    fail('unsupported');
  }

  openAt(pathFlags: PathFlags, path: string, openFlags: OpenFlags, flags: DescriptorFlags): Descriptor {
    // One lookup resolves, checks and opens (`lookup` holds openat's rules).
    const found = this.#resolve(path, pathFlags.symlinkFollow ?? false, {
      read: flags.read ?? false,
      write: flags.write ?? false,
      create: openFlags.create ?? false,
      exclusive: openFlags.exclusive ?? false,
      truncate: openFlags.truncate ?? false,
      directory: openFlags.directory ?? false,
    });
    if (found.refused) this.#ns.assertWritable(found);
    if (found.fd === undefined) {
      return new Descriptor(this.#ns, found, 'directory', {
        ...flags,
        mutateDirectory: (flags.mutateDirectory ?? false) && !found.mount.readOnly,
      });
    }
    return new Descriptor(this.#ns, found, found.stat?.kind ?? 'regular-file', flags, found.fd);
  }

  readlinkAt(path: string): string {
    const loc = this.#resolve(path, false);
    return asWasi(() => loc.mount.backend.readlink(loc.backendPath));
  }

  removeDirectoryAt(path: string): void {
    const loc = this.#resolve(path, false);
    this.#ns.assertWritable(loc);
    asWasi(() => loc.mount.backend.rmdir(loc.backendPath));
  }

  renameAt(oldPath: string, newDescriptor: Descriptor, newPath: string): void {
    const from = this.#resolve(oldPath, false);
    const to = newDescriptor.#resolve(newPath, false);
    this.#ns.assertWritable(from);
    this.#ns.assertWritable(to);
    if (from.mount !== to.mount) fail('cross-device');
    asWasi(() => from.mount.backend.rename(from.backendPath, to.backendPath));
  }

  symlinkAt(oldPath: string, newPath: string): void {
    const loc = this.#resolve(newPath, false);
    this.#ns.assertWritable(loc);
    asWasi(() => loc.mount.backend.symlink(oldPath, loc.backendPath));
  }

  unlinkFileAt(path: string): void {
    const loc = this.#resolve(path, false);
    this.#ns.assertWritable(loc);
    if (loc.stat?.kind === 'directory') fail('is-directory');
    asWasi(() => loc.mount.backend.unlink(loc.backendPath));
  }

  isSameObject(other: Descriptor): boolean {
    return other.#loc.mount === this.#loc.mount && other.#loc.backendPath === this.#loc.backendPath;
  }

  metadataHash(): { lower: bigint; upper: bigint } {
    // The preview1 adapter asks for this beside every `stat` (its `fd_filestat_get` takes `ino`
    // from it), so an open file answers from its descriptor as `stat` does: one volume call, not
    // two, and the file it has open even after a rename.
    return this.#hash(this.#loc, this.#fd === undefined ? this.#pathStat() : this.#fileStat(this.#fd));
  }

  metadataHashAt(pathFlags: PathFlags, path: string): { lower: bigint; upper: bigint } {
    const found = this.#resolve(path, pathFlags.symlinkFollow ?? false);
    return this.#hash(found, foundStat(found));
  }

  #hash(loc: Location, stat: StatRecord): { lower: bigint; upper: bigint } {
    return { lower: BigInt(stat.ino), upper: BigInt(this.#ns.mounts.indexOf(loc.mount)) };
  }

  [Symbol.dispose](): void {
    if (this.#fd === undefined) return;
    const fd = this.#fd;
    this.#fd = undefined;
    try {
      this.#backend.close(fd);
    } catch {
      // A close failing on a dropped handle has no one to report to.
    }
  }
}

export class DirectoryEntryStream {
  readonly #entries: Array<{ type: EntryKind; name: string }>;
  constructor(entries: Array<{ type: EntryKind; name: string }>) {
    this.#entries = entries;
  }
  readDirectoryEntry(): { type: EntryKind; name: string } | undefined {
    return this.#entries.shift();
  }
  [Symbol.dispose](): void {}
}

checkedMethods(Descriptor);
checkedMethods(DirectoryEntryStream);

export function filesystemErrorCode(err: IoError): string | undefined {
  return err.code;
}
