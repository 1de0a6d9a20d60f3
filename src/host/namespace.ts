import {
  backendPath,
  type LookupRequest,
  type LookupResult,
  lookup,
  type OpenMode,
  type StatRecord,
  type VolumeBackend,
} from '../vfs/index.js';
import { asWasi } from './errno.js';

/** One subtree of the guest's file system, served by one backend. */
export interface MountPoint {
  /** Absolute guest path where it appears: `/`, `/in`, `/tmp`. */
  readonly at: string;
  readonly backend: VolumeBackend;
  /** Directory inside the backend that the mount shows (`/` for the whole volume). */
  readonly root: string;
  readonly readOnly: boolean;
}

/** Something the guest tried that a mount forbids; the engine turns these into typed errors. */
export interface Violation {
  kind: 'path-escape' | 'read-only';
  /** The guest path as the guest wrote it, joined to the directory it was resolved from. */
  path: string;
}

/** Where a resolved guest path lives. */
export interface Location {
  readonly mount: MountPoint;
  /** Path inside the mount's backend. */
  readonly backendPath: string;
  /** Normalised absolute guest path (after symlinks). */
  readonly guestPath: string;
  /** The same path as its components. */
  readonly components: readonly string[];
}

/** A resolved path and what the backend found there (and opened, when asked). */
export type Resolved = Location & Omit<Extract<LookupResult, { link?: undefined }>, 'link'>;

const MAX_SYMLINKS = 40;

/** A guest path's components, without empty ones and `.`. */
export function splitPath(path: string): string[] {
  return path.split('/').filter((c) => c !== '' && c !== '.');
}

function joinGuest(components: readonly string[]): string {
  return `/${components.join('/')}`;
}

/**
 * The guest's whole file tree: mounts by guest path, path resolution and containment. Paths are
 * resolved here so that `..` and symlinks are interpreted in the guest's namespace and can never
 * reach outside a mount's root on the backend (a symlink's absolute target means the root of the
 * mount it lives in, like a chroot). The backend is asked once per run of plain names inside one
 * mount (`lookup`), and again only after each symlink it hands back, so opening a file on a volume
 * across a thread is one round trip.
 */
export class Namespace {
  readonly mounts: readonly MountPoint[];
  readonly violations: Violation[] = [];

  constructor(mounts: readonly MountPoint[]) {
    // Longest mount path first so that lookup finds the innermost mount.
    this.mounts = [...mounts].sort((a, b) => b.at.length - a.at.length);
    if (!this.mounts.some((m) => m.at === '/')) throw new Error('a namespace needs a mount at /');
  }

  mountFor(components: readonly string[]): MountPoint {
    const path = joinGuest(components);
    for (const m of this.mounts) {
      if (m.at === '/' || path === m.at || path.startsWith(`${m.at}/`)) return m;
    }
    throw new Error('unreachable: no root mount');
  }

  locate(components: readonly string[]): Location {
    const mount = this.mountFor(components);
    const depth = splitPath(mount.at).length;
    return {
      mount,
      backendPath: backendPath(mount.root, components.slice(depth)),
      guestPath: joinGuest(components),
      components: [...components],
    };
  }

  /** Mount points directly below a guest directory (they show up in its listing). */
  childMounts(components: readonly string[]): string[] {
    const depth = components.length;
    return this.mounts
      .map((m) => splitPath(m.at))
      .filter((c) => c.length === depth + 1 && components.every((part, i) => c[i] === part))
      .map((c) => c[depth] as string);
  }

  violate(kind: Violation['kind'], path: string, code: 'not-permitted' | 'read-only'): never {
    this.violations.push({ kind, path });
    throw code;
  }

  /**
   * Resolves `path` (relative, as WASI requires) against the guest directory `base`, and stats the
   * entry it names (opens it too, given `open`).
   * @param followFinal follow a symlink in the last component too
   */
  resolve(base: readonly string[], path: string, followFinal: boolean, open?: OpenMode): Resolved {
    const asWritten = `${joinGuest(base)}${base.length > 0 ? '/' : ''}${path}`;
    if (path.startsWith('/')) this.violate('path-escape', asWritten, 'not-permitted');
    const current = [...base];
    // Each pending component carries the depth that `..` may not climb above: 0 for the guest's own
    // path, the mount's depth for components that came out of a symlink inside that mount.
    const pending: Array<{ name: string; floor: number }> = splitPath(path).map((name) => ({
      name,
      floor: 0,
    }));
    let links = 0;
    for (;;) {
      // `..` climbs by name: whatever `current` holds was looked up already and is no symlink.
      while (pending[0]?.name === '..') {
        const { floor } = pending.shift() as { floor: number };
        if (current.length <= floor) this.violate('path-escape', asWritten, 'not-permitted');
        current.pop();
      }
      // The names up to the next `..` or mount point: one backend, one lookup.
      const mount = this.mountFor(current);
      const names: string[] = [];
      for (const { name } of pending) {
        if (name === '..' || this.mountFor([...current, ...names, name]) !== mount) break;
        names.push(name);
      }
      const next = pending[names.length];
      if (names.length === 0 && next !== undefined) {
        // A mount point: never a symlink, nothing to ask.
        current.push(next.name);
        pending.shift();
        continue;
      }
      const last = next === undefined;
      const request: LookupRequest = {
        followLast: last ? followFinal : true,
        ...(last && open ? { open: { ...open, readOnly: mount.readOnly } } : {}),
      };
      const at = this.locate(current);
      const found = asWasi(() => lookup(mount.backend, at.backendPath, names, request));
      if (found.link === undefined) {
        current.push(...names);
        pending.splice(0, names.length);
        if (last) return { ...this.locate(current), ...found };
        continue;
      }
      if (++links > MAX_SYMLINKS) throw 'loop';
      current.push(...names.slice(0, found.link.at));
      pending.splice(0, found.link.at + 1);
      const mountDepth = splitPath(mount.at).length;
      if (found.link.target.startsWith('/')) current.splice(mountDepth);
      pending.unshift(...splitPath(found.link.target).map((n) => ({ name: n, floor: mountDepth })));
    }
  }

  /** Refuses (and records) a change under a read-only mount. */
  assertWritable(loc: Location): void {
    if (loc.mount.readOnly) this.violate('read-only', loc.guestPath, 'read-only');
  }
}

/** The stat `resolve` found, or the reason there is none as the guest's error. */
export function foundStat(resolved: Resolved): StatRecord {
  if (resolved.stat) return resolved.stat;
  throw resolved.missing === 'ENOTDIR' ? 'not-directory' : 'no-entry';
}
