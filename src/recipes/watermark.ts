import { Command, type GlobalOptions, type OutputOptions } from '../builder/index.js';

/** Where the mark goes. */
export type WatermarkPosition = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | 'center';

export interface WatermarkOptions {
  readonly position?: WatermarkPosition;
  /** Pixels from the edges (default 10). */
  readonly margin?: number;
  /** Width of the mark in pixels (height keeps its aspect ratio); its own size otherwise. */
  readonly width?: number;
  /** 0 (invisible) to 1 (opaque, the default). */
  readonly opacity?: number;
  /** Output options (codecs ...); the input's audio is copied unless set. */
  readonly output?: OutputOptions<'v'>;
  readonly globals?: GlobalOptions;
}

const PLACES: Readonly<Record<WatermarkPosition, (m: number) => { x: string; y: string }>> = {
  'top-left': (m) => ({ x: `${m}`, y: `${m}` }),
  'top-right': (m) => ({ x: `W-w-${m}`, y: `${m}` }),
  'bottom-left': (m) => ({ x: `${m}`, y: `H-h-${m}` }),
  'bottom-right': (m) => ({ x: `W-w-${m}`, y: `H-h-${m}` }),
  center: () => ({ x: '(W-w)/2', y: '(H-h)/2' }),
};

/**
 * Lays an image (a logo, a PNG with alpha) over a video: scaled, made translucent
 * (`colorchannelmixer`), placed by `overlay`; the audio is copied.
 *
 * @example
 * watermark('/in/movie.mp4', '/in/logo.png', '/out/marked.mp4', { position: 'bottom-right', width: 64, opacity: 0.6 });
 */
export function watermark(
  input: string,
  mark: string,
  output: string,
  options: WatermarkOptions = {},
): Command<'v'> {
  const { x, y } = PLACES[options.position ?? 'bottom-right'](options.margin ?? 10);
  const opacity = options.opacity ?? 1;
  return new Command(options.globals ?? { y: true, hide_banner: true, loglevel: 'error' })
    .input(input)
    .input(mark)
    .graph((g) => {
      let logo = g.input(1).video.filter('format', { pix_fmts: 'rgba' });
      if (options.width !== undefined) logo = logo.filter('scale', { w: options.width, h: -1 });
      if (opacity < 1) logo = logo.filter('colorchannelmixer', { aa: opacity });
      return { v: g.filter('overlay', [g.input(0).video, logo], { x, y, format: 'auto' }) };
    })
    .output(output, { map: ['v', '0:a?'], 'c:a': 'copy', ...options.output });
}
