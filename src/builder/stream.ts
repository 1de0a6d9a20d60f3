import { BuilderError } from './errors.js';
import type { NodeExtras } from './filter-description.js';
import type { FilterOptionsMap } from './filters.generated.js';
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
 * One stream inside a filtergraph: an input file's stream (`[0:v]`) or a node's output pad.
 * Handles are only valid inside the `graph()` callback that made them.
 */
export class Stream {
  /** @internal */
  constructor(
    readonly source: StreamSource,
    /** @internal */
    protected readonly sink: NodeSink,
  ) {}

  /**
   * Feeds this stream into a single-input filter and returns the new node (itself usable as its
   * first output), so chains read left to right.
   *
   * @example
   * g.input(0).video.filter('scale', { w: 320, h: -2 }).filter('fps', { fps: 24 })
   */
  filter<N extends FilterName>(name: N, options?: FilterOptions<N>, extras?: NodeExtras): FilterNode;
  filter(raw: RawFilter): FilterNode;
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
 * A filter node. As a {@link Stream} it stands for its first output pad; `outputs(n)` (or
 * `output(i)`) gives the others: `const [a, b] = v.filter('split').outputs(2)`.
 */
export class FilterNode extends Stream implements Iterable<Stream> {
  /** @internal */
  constructor(
    sink: NodeSink,
    /** The node's id within its command (creation order, from 1). */
    readonly id: number,
    /** The filter name, or the raw description for a raw node. */
    readonly filterName: string,
    /** How many output pads the node has, when known. */
    readonly outputCount: number | undefined,
  ) {
    super({ kind: 'pad', node: id, pad: 0 }, sink);
  }

  /** Output pad `index` of this node. */
  output(index: number): Stream {
    return new Stream({ kind: 'pad', node: this.id, pad: index }, this.sink);
  }

  /**
   * The first `count` output pads as a tuple, for destructuring:
   * `const [a, b] = v.filter('split').outputs(2)`.
   */
  outputs<N extends number>(count: N): Tuple<Stream, N> {
    if (this.outputCount !== undefined && count > this.outputCount) {
      throw new BuilderError(
        'pad-out-of-range',
        `${this.filterName}#${this.id} has ${this.outputCount} output(s), ${count} requested`,
        `${this.filterName}#${this.id}`,
      );
    }
    return Array.from({ length: count }, (_, i) => this.output(i)) as Tuple<Stream, N>;
  }

  /** The node's output pads, in order (only when their count is known). */
  *[Symbol.iterator](): Iterator<Stream> {
    if (this.outputCount === undefined) {
      throw new BuilderError(
        'pad-out-of-range',
        `${this.filterName}#${this.id} has a dynamic number of outputs; pass { outputs } or use output(i)`,
        `${this.filterName}#${this.id}`,
      );
    }
    for (let i = 0; i < this.outputCount; i++) yield this.output(i);
  }
}
