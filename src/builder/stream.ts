import { BuilderError } from './errors.js';
import type { NodeExtras } from './filter-description.js';
import type { FilterOptionsMap } from './filters.generated.js';
import type {
  Accepts,
  FilterInputMedia,
  FilterOutputMedia,
  FirstMedia,
  MediaAt,
  StreamMedia,
} from './media-type.js';
import type { RawFilter } from './raw-filter.js';

/** Where a stream in a filtergraph comes from: an input file's stream, or a node's output pad. */
export type StreamSource =
  | { readonly kind: 'input'; readonly input: number; readonly specifier: string }
  | { readonly kind: 'pad'; readonly node: number; readonly pad: number };

/** Adds nodes to the graph under construction; owned by one `graph()` callback. */
export interface NodeSink {
  addNode(
    filter: string | RawFilter,
    inputs: readonly Stream[],
    options: Readonly<Record<string, unknown>>,
    extras: NodeExtras,
  ): FilterNode;
}

/** Any filter name the build knows. */
export type FilterName = keyof FilterOptionsMap & string;

/** The typed options of filter `N`. */
export type FilterOptions<N extends FilterName> = FilterOptionsMap[N];

/**
 * The filters whose first input pad takes a stream of media `M` (every filter with inputs for an
 * `unknown` stream): what `stream.filter(...)` offers and accepts.
 */
export type FiltersAccepting<M extends StreamMedia> = 'unknown' extends M
  ? FilterName
  : {
      [N in FilterName]: [M] extends [Accepts<FirstMedia<FilterInputMedia<N>>>] ? N : never;
    }[FilterName];

/** The streams filter `N`'s inputs take: one stream, or a list in pad order. */
export type FilterInputs<N extends FilterName> =
  | Stream<Accepts<FirstMedia<FilterInputMedia<N>>>>
  | readonly Stream<Accepts<FilterInputMedia<N>[number]>>[];

/** A node of filter `N`, typed by its output pads' media. */
export type FilterNodeOf<N extends FilterName> = FilterNode<FilterOutputMedia<N>>;

/**
 * One stream inside a filtergraph: an input file's stream (`[0:v]`) or a node's output pad,
 * typed by what it carries: `Stream<'video'>`, `Stream<'audio'>`, or `Stream<'unknown'>` when
 * FFmpeg decides at run time. Feeding a stream to a pad of the other medium is a type error
 * where both are known, and a `BuilderError` when the graph is built otherwise.
 * Handles are only valid inside the `graph()` callback that made them.
 *
 * @example
 * new Command().input('in.mp4').graph((g) => {
 *   const v: Stream<'video'> = g.input(0).video.filter('scale', { w: 320, h: -2 });
 *   const a: Stream<'audio'> = g.input(0).audio.filter('volume', { volume: 0.5 });
 *   // g.input(0).audio.filter('scale') is a type error: scale takes video
 *   return { v, a };
 * });
 */
export class Stream<M extends StreamMedia = StreamMedia> {
  /** @internal */
  constructor(
    readonly source: StreamSource,
    /** @internal */
    protected readonly sink: NodeSink,
    /** What the stream carries, as far as the builder knows. */
    readonly media: M,
  ) {}

  /**
   * Feeds this stream into a single-input filter and returns the new node (itself usable as its
   * first output), so chains read left to right. Only filters whose first pad takes this
   * stream's medium are accepted.
   *
   * @example
   * g.input(0).video.filter('scale', { w: 320, h: -2 }).filter('fps', { fps: 24 })
   */
  filter<N extends FiltersAccepting<M>>(
    name: N,
    options?: FilterOptions<N>,
    extras?: NodeExtras,
  ): FilterNodeOf<N>;
  filter(raw: RawFilter): FilterNode<readonly 'unknown'[]>;
  filter(name: FilterName | RawFilter, options?: object, extras?: NodeExtras): FilterNode {
    return this.sink.addNode(name, [this], (options ?? {}) as Record<string, unknown>, extras ?? {});
  }
}

/** A tuple of `N` items (an array when `N` is not a literal). */
export type Tuple<T, N extends number, R extends T[] = []> = number extends N
  ? T[]
  : R['length'] extends N
    ? R
    : Tuple<T, N, [...R, T]>;

/**
 * A filter node, typed by its output pads' media `O`. As a {@link Stream} it stands for its first
 * output pad; `outputs(n)` (or `output(i)`) gives the others:
 * `const [a, b] = v.filter('split').outputs(2)` (two `Stream<'video'>`).
 */
export class FilterNode<O extends readonly StreamMedia[] = readonly StreamMedia[]>
  extends Stream<FirstMedia<O>>
  implements Iterable<Stream<O[number]>>
{
  /** @internal */
  constructor(
    sink: NodeSink,
    /** The node's id within its command (creation order, from 1). */
    readonly id: number,
    /** The filter name, or the raw description for a raw node. */
    readonly filterName: string,
    /** How many output pads the node has, when known. */
    readonly outputCount: number | undefined,
    /** The media of its output pads, as far as known. */
    readonly outputMedia: readonly StreamMedia[],
  ) {
    super({ kind: 'pad', node: id, pad: 0 }, sink, (outputMedia[0] ?? 'unknown') as FirstMedia<O>);
  }

  /** Output pad `index` of this node. */
  output<I extends number>(index: I): Stream<MediaAt<O, I>> {
    const m = (this.outputMedia[index] ?? 'unknown') as MediaAt<O, I>;
    return new Stream({ kind: 'pad', node: this.id, pad: index }, this.sink, m);
  }

  /**
   * The first `count` output pads as a tuple, for destructuring:
   * `const [a, b] = v.filter('split').outputs(2)`.
   */
  outputs<N extends number>(count: N): Tuple<Stream<O[number]>, N> {
    if (this.outputCount !== undefined && count > this.outputCount) {
      throw new BuilderError(
        'pad-out-of-range',
        `${this.filterName}#${this.id} has ${this.outputCount} output(s), ${count} requested`,
        `${this.filterName}#${this.id}`,
        `output #${this.outputCount}`,
      );
    }
    return Array.from({ length: count }, (_, i) => this.output(i)) as Tuple<Stream<O[number]>, N>;
  }

  /** The node's output pads, in order (only when their count is known). */
  *[Symbol.iterator](): Iterator<Stream<O[number]>> {
    if (this.outputCount === undefined) {
      throw new BuilderError(
        'pad-out-of-range',
        `${this.filterName}#${this.id} has a dynamic number of outputs; pass { outputs } or use output(i)`,
        `${this.filterName}#${this.id}`,
      );
    }
    for (let i = 0; i < this.outputCount; i++) yield this.output(i) as Stream<O[number]>;
  }
}
