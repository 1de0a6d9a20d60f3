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
export type { FsErrorCode } from './errno.js';
export type { Violation } from './namespace.js';
export {
  backendFromFs,
  type DirEntryRecord,
  type EntryKind,
  type OpenMode,
  type StatRecord,
  type SyncFileSystem,
  type VolumeBackend,
} from './volume-backend.js';
