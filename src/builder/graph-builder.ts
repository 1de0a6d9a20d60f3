import { BuilderError } from './errors.js';
import { type NodeExtras, renderFilterDescription } from './filter-description.js';
import type { FilterOptionValue } from './filter-value.js';
import { type NodeRecord, nodeName } from './graph-state.js';
import { mediaOf, padTypeOf, type StreamMedia, specifierMedia } from './media-type.js';
import { padShape } from './pad-shape.js';
import { isRawFilter, type RawFilter } from './raw-filter.js';
import {
  type FilterInputs,
  type FilterName,
  FilterNode,
  type FilterNodeOf,
  type FilterOptions,
  type NodeSink,
  Stream,
} from './stream.js';

/** Stream type letters of a stream specifier: video, audio, subtitle, data, attachment. */
export type StreamType = 'v' | 'a' | 's' | 'd' | 't';

/** The streams of one input file, as filtergraph inputs (`[0:v]`, `[1:a:0]`, `[2:3]`). */
export class InputStreams {
  /** @internal */
  constructor(
    readonly index: number,
    private readonly sink: NodeSink,
  ) {}

  /** The input's video (`[n:v]`; FFmpeg takes the first video stream). */
  get video(): Stream<'video'> {
    return this.stream('v');
  }

  /** The input's audio (`[n:a]`). */
  get audio(): Stream<'audio'> {
    return this.stream('a');
  }

  /**
   * A stream by type and/or index: `stream('a', 0)` is `[n:a:0]` (a `Stream<'audio'>`),
   * `stream(2)` is `[n:2]` (a `Stream<'unknown'>`: the builder cannot see what the file holds).
   */
  stream(type: 'v', index?: number): Stream<'video'>;
  stream(type: 'a', index?: number): Stream<'audio'>;
  stream(type: StreamType | number, index?: number): Stream<'unknown'>;
  stream(type: StreamType | number, index?: number): Stream {
    const specifier = typeof type === 'number' ? `${type}` : index === undefined ? type : `${type}:${index}`;
    return new Stream({ kind: 'input', input: this.index, specifier }, this.sink, specifierMedia(specifier));
  }
}

/**
 * Builds nodes of a filtergraph inside `Command.graph(g => ...)`. Nodes take their inputs
 * explicitly; return the streams to expose as named outputs, then `-map` them by name.
 *
 * @example
 * new Command()
 *   .input('main.mp4')
 *   .input('logo.png')
 *   .graph((g) => {
 *     const logo = g.input(1).video.filter('scale', { w: 64, h: -1 });
 *     return { v: g.filter('overlay', [g.input(0).video, logo], { x: 10, y: 10 }) };
 *   })
 *   .output('out.mp4', { map: ['v', '0:a?'] });
 */
export class GraphBuilder implements NodeSink {
  #closed = false;
  readonly #nodes: NodeRecord[] = [];

  /** @internal */
  constructor(
    private readonly existing: readonly NodeRecord[],
    private readonly auto = false,
  ) {}

  /** The streams of input file `index` (counted from 0 in the order of `input()` calls). */
  input(index: number): InputStreams {
    return new InputStreams(index, this);
  }

  /**
   * A node fed by `inputs` (one stream or several, in pad order). Streams must carry the media
   * of the pads they feed (`overlay` takes `Stream<'video'>`s, `amix` `Stream<'audio'>`s).
   */
  filter<N extends FilterName>(
    name: N,
    inputs: FilterInputs<N>,
    options?: FilterOptions<N>,
    extras?: NodeExtras,
  ): FilterNodeOf<N>;
  filter(raw: RawFilter, inputs: Stream | readonly Stream[]): FilterNode<readonly 'unknown'[]>;
  filter(
    name: FilterName | RawFilter,
    inputs: Stream | readonly Stream[],
    options?: object,
    extras?: NodeExtras,
  ): FilterNode {
    const list = inputs instanceof Stream ? [inputs] : inputs;
    return this.addNode(name, list, (options ?? {}) as Record<string, unknown>, extras ?? {});
  }

  /** A node with no inputs: a source such as `color`, `sine`, `anullsrc` or `movie`. */
  source<N extends FilterName>(name: N, options?: FilterOptions<N>, extras?: NodeExtras): FilterNodeOf<N>;
  source(raw: RawFilter): FilterNode<readonly 'unknown'[]>;
  source(name: FilterName | RawFilter, options?: object, extras?: NodeExtras): FilterNode {
    return this.addNode(name, [], (options ?? {}) as Record<string, unknown>, extras ?? {});
  }

  /** @internal */
  addNode(
    filter: string | RawFilter,
    inputs: readonly Stream[],
    options: Readonly<Record<string, unknown>>,
    extras: NodeExtras,
  ): FilterNode {
    const id = this.existing.length + this.#nodes.length + 1;
    const name = isRawFilter(filter) ? 'raw' : filter;
    if (this.#closed) {
      throw new BuilderError(
        'builder-closed',
        `${name}#${id}: graph builder used after its callback returned`,
      );
    }
    const known = new Set([...this.existing, ...this.#nodes].map((n) => n.id));
    const sources = inputs.map((s, i) => {
      if (!(s instanceof Stream)) {
        throw new BuilderError(
          'dangling-pad',
          `${name}#${id} input #${i} is ${String(s)}, not a stream (more outputs destructured than the node has?)`,
          `${name}#${id}`,
          `input #${i}`,
        );
      }
      if (s.source.kind === 'pad' && !known.has(s.source.node)) {
        throw new BuilderError('missing-input', `${name}#${id} input #${i} refers to an unknown node`);
      }
      return s.source;
    });
    let record: NodeRecord;
    if (isRawFilter(filter)) {
      const outputs =
        filter.outputs === undefined ? undefined : Array.from({ length: filter.outputs }, () => undefined);
      record = {
        id,
        filter: name,
        description: filter.description,
        inputs: sources,
        shape: { inputs: undefined, outputs },
        auto: this.auto,
      };
    } else {
      const shape = padShape(filter, options);
      const outputs =
        extras.outputs === undefined
          ? shape.outputs
          : Array.from({ length: extras.outputs }, (_, i) => shape.outputs?.[i]);
      record = {
        id,
        filter,
        description: renderFilterDescription(
          filter,
          options as Record<string, FilterOptionValue>,
          extras.raw,
        ),
        inputs: sources,
        shape: { inputs: shape.inputs, outputs },
        auto: this.auto,
      };
    }
    checkMedia(record, [...this.existing, ...this.#nodes]);
    this.#nodes.push(record);
    const outputMedia = (record.shape.outputs ?? []).map(mediaOf);
    return new FilterNode(this, id, name, record.shape.outputs?.length, outputMedia);
  }

  /** @internal The nodes added so far; closes the builder. */
  close(): readonly NodeRecord[] {
    this.#closed = true;
    return this.#nodes;
  }
}

/** The medium a source carries, as far as the nodes built so far tell. */
export function sourceMedia(source: Stream['source'], nodes: readonly NodeRecord[]): StreamMedia {
  if (source.kind === 'input') return specifierMedia(source.specifier);
  const from = nodes.find((n) => n.id === source.node);
  return mediaOf(from?.shape.outputs?.[source.pad]);
}

/**
 * A stream of one medium fed to a pad of the other is a `BuilderError` as soon as the node is
 * added (the types catch it earlier where they are known).
 */
export function checkMedia(record: NodeRecord, nodes: readonly NodeRecord[]): void {
  record.inputs.forEach((source, i) => {
    const want = record.shape.inputs?.[i];
    const got = padTypeOf(sourceMedia(source, nodes));
    if (want === undefined || got === undefined || want === got) return;
    const name = nodeName(record);
    throw new BuilderError(
      'media-mismatch',
      `${name} input #${i} takes ${want === 'V' ? 'video' : 'audio'}, but is fed ${got === 'V' ? 'video' : 'audio'} (${describe(source, nodes)})`,
      name,
      `input #${i}`,
    );
  });
}

function describe(source: Stream['source'], nodes: readonly NodeRecord[]): string {
  if (source.kind === 'input') return `[${source.input}:${source.specifier}]`;
  const from = nodes.find((n) => n.id === source.node);
  return `output #${source.pad} of ${from ? nodeName(from) : `#${source.node}`}`;
}
