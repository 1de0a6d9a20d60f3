/**
 * The vfs room: WASI filesystem calls served from a volume. It knows no FFmpeg.
 *
 * @example
 * ```ts
 * import { Volume } from 'afmpeg';
 * const vol = new Volume();
 * vol.mkdirSync('/in', { recursive: true });
 * vol.writeFileSync('/in/a.png', pngBytes);
 * ```
 */
export { Volume } from 'memfs';
// Types only: what a caller may pass as a volume (VolumeLike). The adapters are internal.
export type {
  DirEntryRecord,
  EntryKind,
  OpenMode,
  StatRecord,
  SyncFileSystem,
  VolumeBackend,
} from './volume-backend.js';
