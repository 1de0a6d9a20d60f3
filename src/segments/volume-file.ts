import { backendOf } from '../engine/backend-of.js';
import { normaliseGuestPath } from '../engine/guest-path.js';
import type { RunOptions, VolumeLike } from '../engine/index.js';
import type { VolumeBackend } from '../vfs/index.js';

/** A file as the splitter reaches it itself, without a run: the volume that holds it, and its path there. */
export interface VolumeFile {
  readonly backend: VolumeBackend;
  readonly path: string;
  /**
   * Under a mount: a host directory's symbolic links are the host's, which the engine resolves
   * inside the mount and a plain open would follow out of it, so only the caller's volume is read.
   */
  readonly mounted: boolean;
}

/**
 * Where the guest path `path` lies among a run's volumes: in the caller's volume, or in the one
 * the innermost mount over it shows. `undefined` under `/tmp` or `/dev` (the engine's own) and
 * for a protocol URL, which only FFmpeg can read.
 */
export function volumeFileOf(
  path: string,
  vol: VolumeLike,
  { cwd, mounts = [] }: Pick<RunOptions, 'cwd' | 'mounts'>,
): VolumeFile | undefined {
  if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(path)) return undefined;
  const at = normaliseGuestPath(path.startsWith('/') ? path : `${cwd ?? '/'}/${path}`);
  const under = (root: string) => root === '/' || at === root || at.startsWith(`${root}/`);
  if (under('/tmp') || under('/dev')) return undefined;
  const mount = mounts
    .map((m) => ({ ...m, at: normaliseGuestPath(m.at) }))
    .filter((m) => under(m.at))
    .sort((a, b) => b.at.length - a.at.length)[0];
  if (!mount) return { backend: backendOf(vol), path: at, mounted: false };
  const rest = mount.at === '/' ? at : at.slice(mount.at.length);
  return {
    backend: backendOf(mount.volume ?? vol),
    path: normaliseGuestPath(`${mount.path ?? '/'}/${rest}`),
    mounted: true,
  };
}

/** Whether the file (or anything) is there. */
export function exists({ backend, path }: VolumeFile): boolean {
  try {
    backend.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Removes the file if it is there; a failure to (a read-only volume, say) is not the caller's error to see. */
export function removeQuietly({ backend, path }: VolumeFile): void {
  try {
    backend.unlink(path);
  } catch {
    // Nothing to remove, or nothing the job could do about it: the job's own error is the one to report.
  }
}
