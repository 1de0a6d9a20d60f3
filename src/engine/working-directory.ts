import { Volume } from 'memfs';
import { deviceBackend } from '../vfs/device-backend.js';
import { type MountPoint, Namespace } from '../vfs/namespace.js';
import { backendFromFs, type SyncFileSystem, type VolumeBackend } from '../vfs/volume-backend.js';
import { WorkingDirectoryError } from './errors.js';
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
  const points: MountPoint[] = mounts.map((m) => {
    if (m.source === 'scratch')
      return { ...m, backend: backendFromFs(new Volume() as unknown as SyncFileSystem) };
    if (m.source === 'devices') return { ...m, backend: deviceBackend() };
    return { ...m, backend: volumes[m.volumeId] as VolumeBackend };
  });
  const namespace = new Namespace(points);
  let kind: string | undefined;
  try {
    const loc = namespace.resolve([], cwd.slice(1), true);
    kind = namespace.tryLstat(loc)?.kind;
  } catch {
    // Unreachable from the root (a symlink out of its mount, a loop): not a directory it can use.
    kind = undefined;
  }
  if (kind === undefined) throw new WorkingDirectoryError(cwd, 'not found');
  if (kind !== 'directory') throw new WorkingDirectoryError(cwd, 'not a directory');
}
