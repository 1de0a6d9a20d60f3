import { BuilderError } from './errors.js';
import { filterPads } from './filters.generated.js';
import { mediaOf, type StreamMedia, specifierMedia } from './media-type.js';
import { padShape } from './pad-shape.js';
import type { ParsedFilter, ParsedFiltergraph } from './parse-filtergraph.js';

/** Where a pad of a {@link GraphView} node reads from. */
export type ViewSource =
  | { readonly kind: 'input'; readonly input: number; readonly specifier: string }
  | { readonly kind: 'pad'; readonly node: number; readonly pad: number }
  /** The stream a simple graph (`-vf`, `-af`) filters. */
  | { readonly kind: 'stream' }
  /** A label nothing in this graph defines (FFmpeg would refuse it in a complex graph). */
  | { readonly kind: 'label'; readonly label: string };

/** One filter of a {@link GraphView}, with its pads resolved. */
export interface ViewNode {
  /** Index in the graph, from 0, in the order filters are written. */
  readonly index: number;
  readonly filter: ParsedFilter;
  readonly inputs: readonly ViewSource[];
  /** The media of its input and output pads, as far as known. */
  readonly inputMedia: readonly StreamMedia[];
  readonly outputMedia: readonly StreamMedia[];
}

/** An output pad nothing in the graph consumes: it goes to an output (`-map [label]` or the first). */
export interface ViewOutput {
  readonly label: string | undefined;
  readonly node: number;
  readonly pad: number;
}

/** A filtergraph with every link resolved: what diagrams, durations and checks read. */
export interface GraphView {
  readonly nodes: readonly ViewNode[];
  readonly outputs: readonly ViewOutput[];
}

/** Shorthand (positional) option names of the filters whose pads or durations depend on them. */
const SHORTHAND: Readonly<Record<string, readonly string[]>> = {
  split: ['outputs'],
  asplit: ['outputs'],
  select: ['expr', 'outputs'],
  aselect: ['expr', 'outputs'],
  amix: ['inputs', 'duration', 'dropout_transition'],
  amerge: ['inputs'],
  join: ['inputs'],
  hstack: ['inputs', 'shortest'],
  vstack: ['inputs', 'shortest'],
  xstack: ['inputs'],
  concat: ['n', 'v', 'a'],
  trim: ['start', 'end'],
  atrim: ['start', 'end'],
  setpts: ['expr'],
  asetpts: ['expr'],
  atempo: ['tempo'],
  scale: ['w', 'h'],
  overlay: ['x', 'y'],
  fps: ['fps'],
};

/** A parsed filter's options with its positional values named where the builder knows how. */
export function namedOptions(filter: ParsedFilter): Readonly<Record<string, string>> {
  const names = SHORTHAND[filter.name] ?? [];
  const out: Record<string, string> = {};
  filter.positional.forEach((value, i) => {
    const name = names[i];
    if (name) out[name] = value;
  });
  return { ...out, ...filter.options };
}

const isKnown = (name: string): boolean => Object.hasOwn(filterPads, name);
const STREAM_LABEL = /^\d+(?::|$)/;

/**
 * Resolves a parsed filtergraph's links the way libavfilter does: within a chain a filter's
 * inputs are its own labels then the previous filter's unlabelled outputs; output labels pair
 * with input labels of the same name anywhere in the graph; labels like `0:v` are input streams.
 * `simple` is for `-vf`/`-af`, whose open input is the filtered stream. Media mismatches that
 * both sides know are a {@link BuilderError} naming the filter.
 */
export function resolveGraph(graph: ParsedFiltergraph, simple: boolean, where: string): GraphView {
  type Pending = { label: string | undefined; node: number; pad: number };
  const nodes: {
    filter: ParsedFilter;
    inputs: (ViewSource | undefined)[];
    inputLabels: (string | undefined)[];
    inputMedia: StreamMedia[];
    outputMedia: StreamMedia[];
  }[] = [];
  const outputs: Pending[] = [];
  let index = 0;
  for (const chain of graph.chains) {
    let carry: Pending[] = [];
    for (const filter of chain) {
      const id = index++;
      const shape = isKnown(filter.name)
        ? padShape(filter.name, namedOptions(filter))
        : { inputs: undefined, outputs: undefined };
      const feeds: ({ label: string } | Pending)[] = [
        ...filter.inputLabels.map((label) => ({ label })),
        ...carry,
      ];
      const inputCount = shape.inputs?.length ?? feeds.length;
      const inputs: (ViewSource | undefined)[] = [];
      const inputLabels: (string | undefined)[] = [];
      for (let pad = 0; pad < inputCount; pad++) {
        const feed = feeds[pad];
        if (feed && 'node' in feed) {
          inputs.push({ kind: 'pad', node: feed.node, pad: feed.pad });
          inputLabels.push(undefined);
        } else if (feed) {
          inputs.push(undefined);
          inputLabels.push(feed.label);
        } else {
          inputs.push(simple && id === 0 ? { kind: 'stream' } : undefined);
          inputLabels.push(undefined);
        }
      }
      if (feeds.length > inputCount) {
        throw new BuilderError(
          'parse-error',
          `${where}: '${filter.text}' has ${inputCount} input pad(s) but is given ${feeds.length}`,
          filter.text,
        );
      }
      const outputCount =
        shape.outputs?.length ?? Math.max(filter.outputLabels.length, chain.at(-1) === filter ? 0 : 1);
      const pads: Pending[] = Array.from({ length: outputCount }, (_, pad) => ({
        label: undefined,
        node: id,
        pad,
      }));
      if (filter.outputLabels.length > outputCount) {
        throw new BuilderError(
          'parse-error',
          `${where}: '${filter.text}' has ${outputCount} output pad(s) but ${filter.outputLabels.length} labels`,
          filter.text,
        );
      }
      filter.outputLabels.forEach((label, pad) => {
        outputs.push({ label, node: id, pad });
      });
      carry = pads.slice(filter.outputLabels.length);
      nodes.push({
        filter,
        inputs,
        inputLabels,
        inputMedia: (shape.inputs ?? inputs.map(() => undefined)).map(mediaOf),
        outputMedia: (shape.outputs ?? pads.map(() => undefined)).map(mediaOf),
      });
    }
    outputs.push(...carry);
  }

  // Pair input labels with output labels; the rest are input streams or open.
  const byLabel = new Map(outputs.filter((o) => o.label !== undefined).map((o) => [o.label, o]));
  const consumed = new Set<Pending>();
  for (const node of nodes) {
    node.inputLabels.forEach((label, pad) => {
      if (label === undefined) return;
      const from = byLabel.get(label);
      if (from) {
        node.inputs[pad] = { kind: 'pad', node: from.node, pad: from.pad };
        consumed.add(from);
      } else if (STREAM_LABEL.test(label)) {
        const colon = label.indexOf(':');
        node.inputs[pad] = {
          kind: 'input',
          input: Number(colon < 0 ? label : label.slice(0, colon)),
          specifier: colon < 0 ? '' : label.slice(colon + 1),
        };
      } else if (simple) {
        node.inputs[pad] = { kind: 'stream' };
      } else {
        throw new BuilderError(
          'parse-error',
          `${where}: '[${label}]' feeds '${node.filter.text}' but no filter outputs it and it names no input stream`,
          node.filter.text,
          label,
        );
      }
    });
  }

  const view: ViewNode[] = nodes.map((n, i) => ({
    index: i,
    filter: n.filter,
    inputs: n.inputs.map((s) => s ?? { kind: 'stream' }),
    inputMedia: n.inputMedia,
    outputMedia: n.outputMedia,
  }));
  for (const node of view) {
    node.inputs.forEach((source, pad) => {
      const want = node.inputMedia[pad];
      const got =
        source.kind === 'input'
          ? specifierMedia(source.specifier)
          : source.kind === 'pad'
            ? (view[source.node]?.outputMedia[source.pad] ?? 'unknown')
            : 'unknown';
      if (want === undefined || want === 'unknown' || got === 'unknown' || want === got) return;
      throw new BuilderError(
        'media-mismatch',
        `${where}: '${node.filter.text}' input #${pad} takes ${want}, but is fed ${got}`,
        node.filter.text,
        `input #${pad}`,
      );
    });
  }
  return {
    nodes: view,
    outputs: outputs
      .filter((o) => !consumed.has(o))
      .map((o) => ({ label: o.label, node: o.node, pad: o.pad })),
  };
}
