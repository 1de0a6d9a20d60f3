/**
 * A volume carried to a worker and back, for a page without shared memory (no cross-origin
 * isolation): the caller's volume is copied in before the run, the worker runs over its own copy,
 * and what the run changed is copied back after it. The live channel (volume-server.ts) is the
 * other way, wherever a SharedArrayBuffer exists.
 */

import { OPEN_TO_READ, OPEN_TO_REPLACE, type VolumeBackend } from '../vfs/index.js';
import { MemoryVolume } from '../vfs/memory-volume.js';

/** One entry of a volume, parents before children. */
export type CopiedEntry =
  | { path: string; kind: 'directory'; mtimeMs: number }
  | { path: string; kind: 'regular-file'; mtimeMs: number; bytes: Uint8Array }
  | { path: string; kind: 'symbolic-link'; mtimeMs: number; target: string };

/** What a run changed in one volume: entries to write (parents first) and paths gone (deepest first). */
export interface VolumeChanges {
  written: CopiedEntry[];
  removed: string[];
}

const child = (dir: string, name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);

function readWhole(backend: VolumeBackend, path: string): Uint8Array {
  const fd = backend.open(path, OPEN_TO_READ);
  try {
    const bytes = new Uint8Array(backend.fstat(fd).size);
    for (let got = 0; got < bytes.length; ) {
      const n = backend.readInto
        ? backend.readInto(fd, bytes.subarray(got), got)
        : (() => {
            const part = backend.read(fd, bytes.length - got, got);
            bytes.set(part, got);
            return part.length;
          })();
      if (n <= 0) return bytes.subarray(0, got);
      got += n;
    }
    return bytes;
  } finally {
    backend.close(fd);
  }
}

/** A volume as carried to the worker: the subtrees its mounts show, and their entries. */
export interface CopiedVolume {
  /** The directories the run's mounts show of it (`/` for the whole volume). */
  roots: string[];
  entries: CopiedEntry[];
}

/** The outermost of `roots` (a root inside another is carried with it). */
function outermost(roots: readonly string[]): string[] {
  const sorted = [...new Set(roots)].sort((a, b) => a.length - b.length);
  return sorted.filter(
    (r, i) => !sorted.slice(0, i).some((o) => o === '/' || r === o || r.startsWith(`${o}/`)),
  );
}

/**
 * Every directory, file and symbolic link under `roots` of a volume, with the directories above
 * each root (devices and sockets are not carried). Only what the run's mounts show is copied: a
 * mount of a host directory does not carry the host's whole disk.
 */
export function copyVolume(backend: VolumeBackend, roots: readonly string[] = ['/']): CopiedEntry[] {
  const entries: CopiedEntry[] = [];
  const seen = new Set<string>();
  const walk = (dir: string) => {
    for (const { name } of backend.readdir(dir)) {
      const path = child(dir, name);
      const stat = backend.lstat(path);
      if (stat.kind === 'directory') {
        entries.push({ path, kind: 'directory', mtimeMs: stat.mtimeMs });
        walk(path);
      } else if (stat.kind === 'regular-file') {
        entries.push({ path, kind: 'regular-file', mtimeMs: stat.mtimeMs, bytes: readWhole(backend, path) });
      } else if (stat.kind === 'symbolic-link') {
        entries.push({ path, kind: 'symbolic-link', mtimeMs: stat.mtimeMs, target: backend.readlink(path) });
      }
    }
  };
  for (const root of outermost(roots)) {
    let at = '';
    for (const name of root.split('/').filter(Boolean)) {
      at += `/${name}`;
      if (seen.has(at)) continue;
      seen.add(at);
      let stat: ReturnType<VolumeBackend['lstat']>;
      try {
        stat = backend.lstat(at);
      } catch {
        return entries; // a mount of a missing directory: the run reports it
      }
      if (stat.kind !== 'directory') return entries;
      entries.push({ path: at, kind: 'directory', mtimeMs: stat.mtimeMs });
    }
    walk(root);
  }
  return entries;
}

function writeEntry(backend: VolumeBackend, entry: CopiedEntry): void {
  if (entry.kind === 'directory') backend.mkdir(entry.path);
  else if (entry.kind === 'symbolic-link') backend.symlink(entry.target, entry.path);
  else {
    const fd = backend.open(entry.path, OPEN_TO_REPLACE);
    try {
      for (let done = 0; done < entry.bytes.length; ) {
        done += backend.write(fd, entry.bytes.subarray(done), done);
      }
    } finally {
      backend.close(fd);
    }
  }
  if (entry.kind !== 'symbolic-link') backend.utimes(entry.path, entry.mtimeMs, entry.mtimeMs);
}

/** The worker's own volume, made from the caller's copy. */
export function volumeFromCopy(entries: readonly CopiedEntry[]): MemoryVolume {
  const volume = new MemoryVolume();
  for (const entry of entries) writeEntry(volume, entry);
  return volume;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function unchanged(before: CopiedEntry | undefined, after: CopiedEntry): boolean {
  if (!before || before.kind !== after.kind) return false;
  if (after.kind === 'regular-file') return sameBytes((before as typeof after).bytes, after.bytes);
  if (after.kind === 'symbolic-link') return (before as typeof after).target === after.target;
  return true;
}

/**
 * What the run changed, compared with the copy it started from: only new or changed files travel
 * back (an input read by the run is compared, not sent).
 */
export function changesSince(
  before: readonly CopiedEntry[],
  backend: VolumeBackend,
  roots: readonly string[],
): VolumeChanges {
  const after = copyVolume(backend, roots);
  const old = new Map(before.map((e) => [e.path, e]));
  const now = new Map(after.map((e) => [e.path, e]));
  const removed = before
    .filter((e) => now.get(e.path)?.kind !== e.kind)
    .map((e) => e.path)
    .reverse();
  const written = after.filter((e) => !unchanged(old.get(e.path), e));
  return { written, removed };
}

/** The byte arrays of changes, to transfer instead of copying them once more. */
export function transferablesOf(changes: readonly VolumeChanges[]): ArrayBuffer[] {
  return changes.flatMap((c) =>
    c.written.flatMap((e) => (e.kind === 'regular-file' ? [e.bytes.buffer as ArrayBuffer] : [])),
  );
}

function removeEntry(backend: VolumeBackend, path: string): void {
  try {
    if (backend.lstat(path).kind === 'directory') backend.rmdir(path);
    else backend.unlink(path);
  } catch (err) {
    // Removed already (with a directory above it): nothing to do.
    if ((err as { code?: unknown })?.code !== 'ENOENT') throw err;
  }
}

/** Applying a change to `path` failed with `cause` (its `code` is the volume's errno name). */
export class ChangeFailed extends Error {
  readonly code: unknown;
  constructor(
    readonly path: string,
    override readonly cause: unknown,
  ) {
    super(`${path}: ${(cause as Error)?.message ?? cause}`);
    this.code = (cause as { code?: unknown })?.code;
  }
}

/** Applies a run's changes to the caller's volume, as if the run had made them there. */
export function applyChanges(backend: VolumeBackend, changes: VolumeChanges): void {
  for (const path of changes.removed) removeEntry(backend, path);
  for (const entry of changes.written) {
    let existing: string | undefined;
    try {
      existing = backend.lstat(entry.path).kind;
    } catch {
      existing = undefined;
    }
    if (existing === 'directory' && entry.kind === 'directory') {
      backend.utimes(entry.path, entry.mtimeMs, entry.mtimeMs);
      continue;
    }
    try {
      if (existing !== undefined && (existing !== 'regular-file' || entry.kind !== 'regular-file')) {
        removeEntry(backend, entry.path);
      }
      writeEntry(backend, entry);
    } catch (err) {
      throw new ChangeFailed(entry.path, err);
    }
  }
}
