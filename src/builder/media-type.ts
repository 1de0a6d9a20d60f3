import type { filterPads } from './filters.generated.js';
import type { PadType } from './pad-shape.js';

/** The two media a filtergraph carries. */
export type MediaType = 'video' | 'audio';

/**
 * What a {@link Stream} is known to carry: `video`, `audio`, or `unknown` when FFmpeg decides at
 * run time (an input stream picked by index, a raw filter, a dynamic-pad filter's pad). An
 * `unknown` stream fits any pad; the builder checks it when it can and FFmpeg does otherwise.
 */
export type StreamMedia = MediaType | 'unknown';

type Pads = typeof filterPads;
type Letter<C extends string> = C extends 'V' ? 'video' : C extends 'A' ? 'audio' : 'unknown';
type Signature<S extends string> = S extends `${infer C}${infer R}` ? [Letter<C>, ...Signature<R>] : [];

/**
 * Media of the pads of dynamic filters (`N` in `-filters`) whose pads all carry one medium,
 * whatever their count; the others (`concat`, `movie`, `streamselect`, ...) stay open.
 */
interface DynamicMedia {
  split: { out: 'video' };
  select: { out: 'video' };
  segment: { out: 'video' };
  extractplanes: { out: 'video' };
  asplit: { out: 'audio' };
  aselect: { out: 'audio' };
  asegment: { out: 'audio' };
  acrossover: { out: 'audio' };
  channelsplit: { out: 'audio' };
  amix: { in: 'audio' };
  amerge: { in: 'audio' };
  join: { in: 'audio' };
  ainterleave: { in: 'audio' };
  headphone: { in: 'audio' };
  interleave: { in: 'video' };
  hstack: { in: 'video' };
  vstack: { in: 'video' };
  xstack: { in: 'video' };
  mix: { in: 'video' };
  xmedian: { in: 'video' };
  mergeplanes: { in: 'video' };
}

/** The media of one side (inputs or outputs) of filter `N`'s pads. */
export type PadSideMedia<N, S extends 0 | 1, K extends 'in' | 'out'> = N extends keyof Pads
  ? Pads[N][S] extends 'N'
    ? readonly (N extends keyof DynamicMedia
        ? DynamicMedia[N] extends Record<K, infer M>
          ? M
          : 'unknown'
        : 'unknown')[]
    : Signature<Pads[N][S]>
  : readonly StreamMedia[];

/** The media of filter `N`'s input pads: a tuple when fixed, an array when dynamic. */
export type FilterInputMedia<N> = PadSideMedia<N, 0, 'in'>;
/** The media of filter `N`'s output pads: a tuple when fixed, an array when dynamic. */
export type FilterOutputMedia<N> = PadSideMedia<N, 1, 'out'>;

/** What a pad of media `P` accepts: its own medium or an unknown stream; an unknown pad takes anything. */
export type Accepts<P extends StreamMedia> = P extends 'unknown' ? StreamMedia : P | 'unknown';

/** The medium of the first pad of a pad list (`never` for none). */
export type FirstMedia<T extends readonly StreamMedia[]> = T extends readonly []
  ? never
  : T extends readonly [infer F extends StreamMedia, ...unknown[]]
    ? F
    : T[number];

/** The medium of pad `I` of a pad list (`unknown` past its end or for a non-literal index). */
export type MediaAt<T extends readonly StreamMedia[], I extends number> = number extends I
  ? T[number]
  : I extends keyof T
    ? T[I] extends StreamMedia
      ? T[I]
      : 'unknown'
    : T extends readonly [unknown, ...unknown[]]
      ? 'unknown'
      : T[number];

/** The builder's pad letter for a medium. */
export function padTypeOf(media: StreamMedia): PadType {
  return media === 'video' ? 'V' : media === 'audio' ? 'A' : undefined;
}

/** The medium of a pad letter. */
export function mediaOf(type: PadType): StreamMedia {
  return type === 'V' ? 'video' : type === 'A' ? 'audio' : 'unknown';
}

/** The medium an input stream specifier selects in a filtergraph (`v`, `a:0`, `2` unknown). */
export function specifierMedia(specifier: string): StreamMedia {
  return /^[vV](?::|$)/.test(specifier) ? 'video' : /^a(?::|$)/.test(specifier) ? 'audio' : 'unknown';
}
