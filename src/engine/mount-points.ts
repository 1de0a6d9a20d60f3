import { deviceBackend, type MountPoint } from '../host/index.js';
import { backendFromFs, type SyncFileSystem, Volume, type VolumeBackend } from '../vfs/index.js';
import type { WorkerMount } from './worker-protocol.js';

/** A run's mounts with their backends: the caller's volumes by id, a fresh scratch, the devices. */
export function mountPoints(
  mounts: readonly WorkerMount[],
  volume: (id: number) => VolumeBackend,
): MountPoint[] {
  return mounts.map((m) => {
    if (m.source === 'scratch')
      return { ...m, backend: backendFromFs(new Volume() as unknown as SyncFileSystem) };
    if (m.source === 'devices') return { ...m, backend: deviceBackend() };
    return { ...m, backend: volume(m.volumeId) };
  });
}
