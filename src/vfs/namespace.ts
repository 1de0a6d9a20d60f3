import { asWasi } from './errno.js';
import type { StatRecord, VolumeBackend } from './volume-backend.js';

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
}

const MAX_SYMLINKS = 40;

function splitPath(path: string): string[] {
  return path.split('/').filter((c) => c !== '' && c !== '.');
}

function joinGuest(components: readonly string[]): string {
  return `/${components.join('/')}`;
}

/**
 * The guest's whole file tree: mounts by guest path, path resolution and containment. Paths are
 * resolved here, component by component, so that `..` and symlinks are interpreted in the guest's
 * namespace and can never reach outside a mount's root on the backend (a symlink's absolute target
 * means the root of the mount it lives in, like a chroot).
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
    const rest = components.slice(depth).join('/');
    const root = mount.root.endsWith('/') ? mount.root : `${mount.root}/`;
    const backendPath = rest === '' ? mount.root : `${root}${rest}`;
    return { mount, backendPath, guestPath: joinGuest(components) };
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
   * Resolves `path` (relative, as WASI requires) against the guest directory `base`.
   * @param followFinal follow a symlink in the last component too
   */
  resolve(base: readonly string[], path: string, followFinal: boolean): Location {
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
    while (pending.length > 0) {
      const { name, floor } = pending.shift() as { name: string; floor: number };
      if (name === '..') {
        if (current.length <= floor) this.violate('path-escape', asWritten, 'not-permitted');
        current.pop();
        continue;
      }
      const next = [...current, name];
      const isLast = pending.length === 0;
      if (isLast && !followFinal) {
        current.push(name);
        break;
      }
      const target = this.symlinkTarget(next);
      if (target === undefined) {
        current.push(name);
        continue;
      }
      if (++links > MAX_SYMLINKS) throw 'loop';
      const mountDepth = splitPath(this.mountFor(next).at).length;
      if (target.startsWith('/')) current.splice(mountDepth);
      pending.unshift(...splitPath(target).map((n) => ({ name: n, floor: mountDepth })));
    }
    return this.locate(current);
  }

  /** The link text if the guest path is a symlink, else undefined (also when it does not exist). */
  private symlinkTarget(components: readonly string[]): string | undefined {
    const loc = this.locate(components);
    if (loc.mount.at === loc.guestPath) return undefined;
    const stat = this.tryLstat(loc);
    if (stat?.kind !== 'symbolic-link') return undefined;
    return asWasi(() => loc.mount.backend.readlink(loc.backendPath));
  }

  tryLstat(loc: Location): StatRecord | undefined {
    try {
      return loc.mount.backend.lstat(loc.backendPath);
    } catch (err) {
      if (typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ENOENT') {
        return undefined;
      }
      if ((err as { code?: unknown })?.code === 'ENOTDIR') return undefined;
      return asWasi(() => {
        throw err;
      });
    }
  }

  /** Refuses (and records) a change under a read-only mount. */
  assertWritable(loc: Location): void {
    if (loc.mount.readOnly) this.violate('read-only', loc.guestPath, 'read-only');
  }
}
