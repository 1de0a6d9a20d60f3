import { Command, type GlobalOptions } from '../builder/index.js';
import { resolveTimePoint, type Size, sizeOf, type TimePoint } from './time-point.js';

export interface ScreenshotsOptions {
  /** When to take each picture: seconds, FFmpeg time, or a percentage (needs `duration`). */
  readonly at: readonly TimePoint[];
  /** The input's duration in seconds, for percentages (probe the file first). */
  readonly duration?: number;
  /** Picture size (`'320x-2'` keeps the aspect ratio); the input's size otherwise. */
  readonly size?: Size;
  /** Output path of picture `i` (from 0); default `/screenshots/shot-<i+1>.png`. */
  readonly path?: (index: number, seconds: number) => string;
  /** Global options (default `{ y: true, hide_banner: true, loglevel: 'error' }`). */
  readonly globals?: GlobalOptions;
}

/**
 * Pictures of `input` at several times, in one run: each time is its own fast input seek
 * (`-ss T -i input`) writing one frame to its own file. Read them from the volume afterwards.
 *
 * @example
 * const info = await probe(vol, '/in/movie.mp4');
 * const cmd = screenshots('/in/movie.mp4', { at: ['10%', 5, '00:01:02'], size: '320x-2', duration: info.format.duration });
 * await runCommand(vol, cmd);
 * vol.readFileSync('/screenshots/shot-1.png');
 */
export function screenshots(input: string, options: ScreenshotsOptions): Command<string> {
  const times = options.at.map((t) => resolveTimePoint(t, options.duration));
  const path = options.path ?? ((i: number) => `/screenshots/shot-${i + 1}.png`);
  let cmd: Command<string> = new Command(
    options.globals ?? { y: true, hide_banner: true, loglevel: 'error' },
  );
  for (const ss of times) cmd = cmd.input(input, { ss });
  const size = options.size === undefined ? undefined : sizeOf(options.size);
  if (size) {
    cmd = cmd.graph((g) =>
      Object.fromEntries(
        times.map((_, i) => [`shot${i}`, g.input(i).video.filter('scale', { w: size.w, h: size.h })]),
      ),
    );
  }
  times.forEach((seconds, i) => {
    cmd = cmd.output(path(i, seconds), {
      map: [size ? `shot${i}` : `${i}:v:0`],
      'frames:v': 1,
      update: true,
    });
  });
  return cmd;
}
