import { backendFromFs, type SyncFileSystem, type VolumeBackend } from '../vfs/index.js';
import type { VolumeLike } from './types.js';

function isBackend(v: VolumeLike): v is VolumeBackend {
  // An fs (memfs or node:fs) also has async `open`/`lstat`; only the sync API tells them apart.
  return typeof (v as SyncFileSystem).openSync !== 'function';
}

/** The backend calls of any volume a run accepts (a `Volume`, a sync fs, a backend itself). */
export function backendOf(v: VolumeLike): VolumeBackend {
  return isBackend(v) ? v : backendFromFs(v as unknown as SyncFileSystem);
}
