/** A filter description passed to FFmpeg untouched: the escape hatch for anything not in the map. */
export interface RawFilter {
  readonly kind: 'raw-filter';
  readonly description: string;
  /** How many output pads it has, when the builder should check and wire them. */
  readonly outputs: number | undefined;
  /** Which chain `Command.filter()` attaches it to (default video). */
  readonly media: 'video' | 'audio';
}

/**
 * A filter node written by hand, e.g. a filter the build has but the map lacks, or exotic syntax.
 * The text goes into the graph exactly as given, so escape values yourself (see
 * `escapeFilterValue`). Give `outputs` to let the builder wire and check its output pads.
 *
 * @example
 * new Command().input('in.mp4').filter(rawFilter("drawtext=text='hi'")).output('out.mp4')
 */
export function rawFilter(
  description: string,
  shape: { readonly outputs?: number; readonly media?: 'video' | 'audio' } = {},
): RawFilter {
  return { kind: 'raw-filter', description, outputs: shape.outputs, media: shape.media ?? 'video' };
}

export function isRawFilter(value: unknown): value is RawFilter {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'raw-filter';
}
