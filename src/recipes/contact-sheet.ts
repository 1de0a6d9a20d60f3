import { BuilderError, Command, type GlobalOptions } from '../builder/index.js';

export interface ContactSheetOptions {
  /** Tiles across and down (default 4 x 3). */
  readonly columns?: number;
  readonly rows?: number;
  /** Width of one tile in pixels (height keeps the aspect ratio; default 160). */
  readonly tileWidth?: number;
  /** The input's duration in seconds (probe it first): pictures are spread evenly over it. */
  readonly duration: number;
  /** Pixels between tiles and around the sheet (default 2). */
  readonly padding?: number;
  /** Background colour (default black). */
  readonly color?: string;
  readonly globals?: GlobalOptions;
}

/**
 * One picture of `columns x rows` frames spread evenly over the input (`fps`, `scale`, `tile`).
 *
 * @example
 * const cmd = contactSheet('/in/movie.mp4', '/out/sheet.png', { columns: 3, rows: 3, duration: 60 });
 * // -vf select=expr=gte(t\\,3.333...)*(isnan(prev_selected_t)+gt(floor(...),floor(...))),scale=w=160:h=-2,tile=layout=3x3:padding=2:margin=2:color=black
 */
export function contactSheet(input: string, output: string, options: ContactSheetOptions): Command {
  const columns = options.columns ?? 4;
  const rows = options.rows ?? 3;
  const pad = options.padding ?? 2;
  if (!(options.duration > 0)) {
    throw new BuilderError('invalid-value', `contactSheet: duration ${options.duration} must be > 0`);
  }
  // One picture per slot: the first frame at or after the middle of each slot of the running time.
  // Counted by slot index, not by distance from the previous pick: a pick that lands a frame late
  // would push every later one back, and the last tiles would stay empty.
  const slot = options.duration / (columns * rows);
  const index = (at: string) => `floor((${at}-${slot / 2})/${slot})`;
  return new Command(options.globals ?? { y: true, hide_banner: true, loglevel: 'error' })
    .input(input)
    .filter('select', {
      expr: `gte(t,${slot / 2})*(isnan(prev_selected_t)+gt(${index('t')},${index('prev_selected_t')}))`,
    })
    .filter('scale', { w: options.tileWidth ?? 160, h: -2 })
    .filter('tile', {
      layout: `${columns}x${rows}`,
      padding: pad,
      margin: pad,
      color: options.color ?? 'black',
    })
    .output(output, { 'frames:v': 1, update: true });
}
