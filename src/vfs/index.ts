/**
 * The vfs room: the volume, where a run's files live (memfs's `Volume` with each file's bytes in
 * chunks, or anything with Node's synchronous fs API), and the narrow synchronous backend API over
 * it that the host serves the guest from (`volume-backend.ts`, `lookup.ts`). It knows no WASI and no FFmpeg. It stays a room of
 * its own because both sides of a run use it: the engine serves a worker's calls from it on the
 * caller's thread, where no WASI host runs, and the host serves the guest from it in the worker.
 *
 * @example
 * ```ts
 * import { Volume } from 'afmpeg';
 * const vol = new Volume();
 * vol.mkdirSync('/in', { recursive: true });
 * vol.writeFileSync('/in/a.png', pngBytes);
 * ```
 */
export { Volume } from '#platform/memory-volume';
export { backendPath, type LookupRequest, type LookupResult, lookup } from './lookup.js';
export { MemoryVolume } from './memory-volume.js';
export {
  backendFromFs,
  type DirEntryRecord,
  type EntryKind,
  errnoError,
  OPEN_TO_READ,
  OPEN_TO_REPLACE,
  type OpenMode,
  type StatRecord,
  type SyncFileSystem,
  type VolumeBackend,
} from './volume-backend.js';
