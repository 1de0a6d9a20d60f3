import { Command, type GlobalOptions } from '../builder/index.js';

export interface ToGifOptions {
  /** Frames per second of the GIF (default 10). */
  readonly fps?: number;
  /** Width in pixels (height keeps the aspect ratio; default 320). */
  readonly width?: number;
  /** Where to start and how long (seconds or FFmpeg time). */
  readonly start?: number | string;
  readonly duration?: number | string;
  /** Palette size, 2 to 256 (default 256). */
  readonly maxColors?: number;
  /** paletteuse's dithering (default `sierra2_4a`, FFmpeg's own default). */
  readonly dither?: 'bayer' | 'heckbert' | 'floyd_steinberg' | 'sierra2' | 'sierra2_4a';
  /** Loop count (0 forever, the default; -1 play once). */
  readonly loop?: number;
  readonly globals?: GlobalOptions;
}

/**
 * A GIF made the right way, in one run: frames are resampled and scaled once, then `split` feeds
 * both `palettegen` (a palette made for this clip, not the web-safe default) and `paletteuse`.
 *
 * @example
 * toGif('/in/movie.mp4', '/out/clip.gif', { start: 2, duration: 3, fps: 12, width: 240 });
 * // -filter_complex [0:v]fps=fps=12,scale=w=240:h=-1:flags=lanczos,split[v1][v2];
 * //                 [v1]palettegen=max_colors=256:stats_mode=full[v3];[v2][v3]paletteuse=dither=sierra2_4a[gif]
 */
export function toGif(input: string, output: string, options: ToGifOptions = {}): Command<'gif'> {
  return new Command(options.globals ?? { y: true, hide_banner: true, loglevel: 'error' })
    .input(input, {
      ...(options.start !== undefined ? { ss: options.start } : {}),
      ...(options.duration !== undefined ? { t: options.duration } : {}),
    })
    .graph((g) => {
      const [a, b] = g
        .input(0)
        .video.filter('fps', { fps: options.fps ?? 10 })
        .filter('scale', { w: options.width ?? 320, h: -1, flags: 'lanczos' })
        .filter('split')
        .outputs(2);
      const palette = a.filter('palettegen', { max_colors: options.maxColors ?? 256, stats_mode: 'full' });
      return { gif: g.filter('paletteuse', [b, palette], { dither: options.dither ?? 'sierra2_4a' }) };
    })
    .output(output, { map: ['gif'], privateOptions: { loop: options.loop ?? 0 } });
}
