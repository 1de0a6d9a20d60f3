import { guestPathKind } from '../host/index.js';
import type { VolumeBackend } from '../vfs/index.js';
import { WorkingDirectoryError } from './errors.js';
import { mountPoints } from './mount-points.js';
import type { WorkerMount } from './worker-protocol.js';

/**
 * Checks, before a worker is taken, that the run's `cwd` is a directory of the guest's namespace,
 * resolved exactly as the guest would resolve it (mounts, symlinks, containment). A missing
 * directory would otherwise surface as FFmpeg failing on its first relative path.
 */
export function checkWorkingDirectory(
  cwd: string,
  mounts: readonly WorkerMount[],
  volumes: readonly VolumeBackend[],
): void {
  if (cwd === '/') return;
  const kind = guestPathKind(
    mountPoints(mounts, (id) => volumes[id] as VolumeBackend),
    cwd,
  );
  if (kind === undefined) throw new WorkingDirectoryError(cwd, 'not found');
  if (kind !== 'directory') throw new WorkingDirectoryError(cwd, 'not a directory');
}
