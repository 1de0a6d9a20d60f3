import { Volume } from '../../vfs/volume.js';
import { backendFromFs, type SyncFileSystem, type VolumeBackend } from '../../vfs/volume-backend.js';

/** The in-memory volume a caller fills: memfs's `Volume` over chunked file storage (vfs/volume.ts). */
export { Volume };

/** A fresh, empty in-memory backend (a run's scratch `/tmp`). */
export function scratchBackend(): VolumeBackend {
  return backendFromFs(new Volume() as unknown as SyncFileSystem);
}
