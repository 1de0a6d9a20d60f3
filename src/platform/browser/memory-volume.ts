import { MemoryVolume } from '../../vfs/memory-volume.js';
import type { VolumeBackend } from '../../vfs/volume-backend.js';

/** The in-memory volume a caller fills: afmpeg's own, as memfs needs Node's built-in modules. */
export { MemoryVolume as Volume };

/** A fresh, empty in-memory backend (a run's scratch `/tmp`). */
export function scratchBackend(): VolumeBackend {
  return new MemoryVolume();
}
