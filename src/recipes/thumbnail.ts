import { Command, type GlobalOptions } from '../builder/index.js';
import { type Size, sizeOf } from './time-point.js';

export interface ThumbnailOptions {
  /** Frames per batch the `thumbnail` filter compares (default 100, FFmpeg's). */
  readonly frames?: number;
  /** Picture size; the input's otherwise. */
  readonly size?: Size;
  /** Seek here first (seconds or FFmpeg time). */
  readonly start?: number | string;
  readonly globals?: GlobalOptions;
}

/**
 * The most representative frame of the first batch of frames (FFmpeg's `thumbnail` filter: the
 * frame closest to the batch's average histogram), as one picture.
 *
 * @example
 * thumbnail('/in/movie.mp4', '/out/thumb.png', { size: '320x-2' });
 * // -vf thumbnail=n=100,scale=w=320:h=-2 -frames:v 1 -update 1
 */
export function thumbnail(input: string, output: string, options: ThumbnailOptions = {}): Command {
  let cmd = new Command(options.globals ?? { y: true, hide_banner: true, loglevel: 'error' })
    .input(input, options.start !== undefined ? { ss: options.start } : {})
    .filter('thumbnail', { n: options.frames ?? 100 });
  if (options.size) {
    const { w, h } = sizeOf(options.size);
    cmd = cmd.filter('scale', { w, h });
  }
  return cmd.output(output, { 'frames:v': 1, update: true });
}
