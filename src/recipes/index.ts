/**
 * Everyday FFmpeg jobs as short functions, each returning a `Command` to run with
 * `runCommand` (or extend first). Imported from `afmpeg/recipes`: they are plain builder code
 * (no I/O), kept off the main entry so an app that never uses them does not load them.
 * Recipes that need a file's duration or streams take them as options: probe first.
 *
 * @example
 * import { probe, runCommand } from 'afmpeg';
 * import { screenshots } from 'afmpeg/recipes';
 * const { format } = await probe(vol, '/in/movie.mp4');
 * await runCommand(vol, screenshots('/in/movie.mp4', { at: ['10%', 5, '00:01:02'], size: '320x-2', duration: format.duration }));
 *
 * @module recipes
 */
export {
  type ConcatFilesOptions,
  type ConcatSource,
  concatFiles,
  type StreamFacts,
  streamsMatch,
} from './concat-files.js';
export { type ContactSheetOptions, contactSheet } from './contact-sheet.js';
export { type ExtractAudioOptions, extractAudio } from './extract-audio.js';
export { type ScreenshotsOptions, screenshots } from './screenshots.js';
export { type ThumbnailOptions, thumbnail } from './thumbnail.js';
export { resolveTimePoint, type Size, type TimePoint } from './time-point.js';
export { type ToGifOptions, toGif } from './to-gif.js';
export { type WatermarkOptions, type WatermarkPosition, watermark } from './watermark.js';
