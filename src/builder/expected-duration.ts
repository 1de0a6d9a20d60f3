import { parseDuration } from './duration.js';
import { type GraphView, namedOptions, resolveGraph, type ViewSource } from './graph-view.js';
import { type MediaType, specifierMedia } from './media-type.js';
import { argvGraphs } from './parse-command.js';
import { parseFiltergraph } from './parse-filtergraph.js';

/** Seconds, `Infinity` for a stream that never ends, `undefined` when the builder cannot tell. */
type Span = number | undefined;

const seconds = (v: unknown): number | undefined =>
  typeof v === 'number' || typeof v === 'string' ? parseDuration(v) : undefined;
const max = (xs: readonly Span[]): Span =>
  xs.length === 0 || xs.some((x) => x === undefined) ? undefined : Math.max(...(xs as number[]));
const min = (xs: readonly Span[]): Span => {
  const known = xs.filter((x): x is number => x !== undefined);
  return known.length === 0 ? undefined : Math.min(...known);
};
const minus = (a: Span, b: number): Span => (a === undefined ? undefined : Math.max(0, a - b));

/** Source filters that end on their own when given `d`/`duration`, and run forever otherwise. */
function sourceSpan(options: Readonly<Record<string, string>>): Span {
  const d = options.duration ?? options.d;
  return d === undefined ? Number.POSITIVE_INFINITY : seconds(d);
}

/** A `setpts`/`asetpts` expression's speed factor (`0.5*PTS` halves), 1 for `PTS-STARTPTS`. */
function ptsFactor(expr: string | undefined): number | undefined {
  if (expr === undefined) return undefined;
  const e = expr.replaceAll(' ', '').replace(/-STARTPTS$/, '');
  if (e === 'PTS') return 1;
  const m =
    /^(\d+(?:\.\d+)?)\*PTS$/.exec(e) ?? /^PTS\*(\d+(?:\.\d+)?)$/.exec(e) ?? /^PTS\/(\d+(?:\.\d+)?)$/.exec(e);
  if (!m) return undefined;
  const k = Number(m[1]);
  return e.startsWith('PTS/') ? 1 / k : k;
}

/** How long each filter's output runs, from its inputs' spans and its options. */
function filterSpan(name: string, o: Readonly<Record<string, string>>, ins: readonly Span[]): Span {
  const first = ins[0];
  switch (name) {
    case 'trim':
    case 'atrim': {
      const start = seconds(o.start ?? o.starti) ?? 0;
      const duration = seconds(o.duration ?? o.durationi);
      const end = seconds(o.end ?? o.endi);
      const cut = duration ?? (end === undefined ? undefined : end - start);
      const rest = minus(first, start);
      return cut === undefined ? rest : rest === undefined ? cut : Math.min(cut, rest);
    }
    case 'setpts':
    case 'asetpts': {
      const k = ptsFactor(o.expr);
      return k === undefined || first === undefined ? undefined : first * k;
    }
    case 'atempo': {
      const tempo = Number(o.tempo ?? 1);
      return first === undefined || !(tempo > 0) ? undefined : first / tempo;
    }
    case 'concat': {
      const n = Number(o.n ?? 2);
      const per = ins.length / n;
      if (!Number.isInteger(per) || per < 1) return undefined;
      const segments = Array.from({ length: n }, (_, i) => max(ins.slice(i * per, i * per + per)));
      return segments.some((s) => s === undefined)
        ? undefined
        : (segments as number[]).reduce((a, b) => a + b, 0);
    }
    case 'xfade': {
      const second = ins[1];
      return second === undefined ? undefined : (seconds(o.offset) ?? 0) + second;
    }
    case 'acrossfade':
      return ins[0] === undefined || ins[1] === undefined
        ? undefined
        : ins[0] + ins[1] - (seconds(o.duration ?? o.d) ?? 0);
    case 'overlay':
      // A looped picture overlaid without shortest=1 keeps the output going forever.
      return o.shortest === '1' || o.shortest === 'true' ? min(ins) : max(ins);
    case 'amix':
      return o.duration === 'shortest' ? min(ins) : o.duration === 'first' ? first : max(ins);
    case 'amerge':
    case 'join':
      return min(ins);
    case 'hstack':
    case 'vstack':
    case 'xstack':
      return o.shortest === '1' ? min(ins) : max(ins);
    case 'palettegen':
      return 0;
    case 'loop':
    case 'aloop':
      return o.loop === '-1' ? Number.POSITIVE_INFINITY : undefined;
    case 'apad':
      return o.whole_dur || o.pad_dur ? undefined : Number.POSITIVE_INFINITY;
    case 'tpad':
      return first === undefined ? undefined : first + (seconds(o.stop_duration) ?? 0);
    default:
      return ins.length === 0 ? sourceSpan(o) : first;
  }
}

/**
 * The length in seconds the first output of the command (as compiled to `args`) will have, where
 * its options and graph tell: output `-t`/`-to`; otherwise its streams through the filtergraph
 * (`trim`, `setpts`, `atempo`, `concat`, `xfade`, `overlay`, `amix`, sources with a duration,
 * ...) back to the inputs, whose spans are their `-t`/`-to`, a lavfi source's duration, or
 * `inputDurations[i]` (probed) minus `-ss` (or its last `-sseof` seconds). `undefined` when something on the way is unknown or
 * never ends.
 *
 * @example
 * expectedDurationOf(new Command().input('a.mp4', { ss: 2, t: 6 }).filter('setpts', { expr: '0.5*PTS' }).output('o.mp4').toArgs())
 * // => 3
 */
export function expectedDuration(
  args: readonly string[],
  inputDurations: readonly (number | undefined)[] = [],
  inputStreams: readonly (StreamCounts | undefined)[] = [],
): number | undefined {
  const { parts, complex, simple } = argvGraphs(args);
  const inputSpan = (i: number): Span => {
    const input = parts.inputs[i];
    if (!input) return undefined;
    const o = input.options;
    let base: Span;
    if (o.f === 'lavfi') {
      const g = parseFiltergraph(input.path, 'lavfi');
      const only = g.chains.length === 1 && g.chains[0]?.length === 1 ? g.chains[0][0] : undefined;
      base = only ? sourceSpan(namedOptions(only)) : undefined;
    } else if (o.loop === 1 || o.stream_loop === -1) {
      base = Number.POSITIVE_INFINITY;
    } else {
      base = inputDurations[i];
    }
    // `-sseof` (negative) counts back from the end and overrides `-ss`, as FFmpeg does.
    const sseof = seconds(o.sseof);
    const ss =
      sseof === undefined ? (seconds(o.ss) ?? 0) : base === undefined ? undefined : Math.max(0, base + sseof);
    if (ss === undefined) return undefined;
    const t = seconds(o.t);
    const to = seconds(o.to);
    const cap = t ?? (to === undefined ? undefined : to - ss);
    const rest = minus(base, ss);
    return cap === undefined ? rest : rest === undefined ? cap : Math.min(cap, rest);
  };

  const spans = new Map<GraphView, Map<number, Span>>();
  // A complex graph's unlabelled inputs, bound as FFmpeg binds them, where the inputs' streams are known.
  const unlabelled = new Map<ViewSource, number | undefined>();
  const spanOf = (view: GraphView, source: ViewSource, stream: Span): Span => {
    if (source.kind === 'input') return inputSpan(source.input);
    if (unlabelled.has(source)) {
      const input = unlabelled.get(source);
      return input === undefined ? undefined : inputSpan(input);
    }
    if (source.kind === 'stream') return stream;
    if (source.kind === 'label') return undefined;
    const memo = spans.get(view) ?? new Map<number, Span>();
    spans.set(view, memo);
    if (memo.has(source.node)) return memo.get(source.node);
    const node = view.nodes[source.node];
    if (!node) return undefined;
    memo.set(source.node, undefined); // a cycle reads as unknown
    const ins = node.inputs.map((s) => spanOf(view, s, stream));
    const span = filterSpan(node.filter.name, namedOptions(node.filter), ins);
    memo.set(source.node, span);
    return span;
  };

  const out = parts.outputs[0];
  if (!out) return undefined;
  const o = out.options;
  const outSs = seconds(o.ss) ?? 0;
  const views = complex.map((c) => resolveGraph(parseFiltergraph(c.text, c.flag), false, c.flag));
  bindUnlabelled(views, parts.inputs.length, inputStreams, unlabelled);
  const streams: Span[] = [];
  const maps = o.map ?? [];
  for (const entry of maps) {
    const input = /^(\d+)(?::|$)/.exec(entry);
    if (input) {
      streams.push(inputSpan(Number(input[1])));
      continue;
    }
    for (const view of views) {
      const from = view.outputs.find((x) => x.label === entry);
      if (from) streams.push(spanOf(view, { kind: 'pad', node: from.node, pad: from.pad }, undefined));
    }
  }
  if (maps.length === 0) {
    for (const view of views) {
      for (const x of view.outputs.filter((v) => v.label === undefined)) {
        streams.push(spanOf(view, { kind: 'pad', node: x.node, pad: x.pad }, undefined));
      }
    }
    const filters = simple[0] ?? [];
    for (const f of filters) {
      const view = resolveGraph(parseFiltergraph(f.text, f.flag), true, f.flag);
      const last = view.nodes.at(-1);
      if (last) streams.push(spanOf(view, { kind: 'pad', node: last.index, pad: 0 }, inputSpan(0)));
    }
    if (views.length === 0 && filters.length === 0) {
      for (let i = 0; i < parts.inputs.length; i++) streams.push(inputSpan(i));
    }
  }
  const shortest = o.shortest === true;
  const fromStreams = minus(shortest ? min(streams) : max(streams), outSs);
  const t = seconds(o.t);
  const to = seconds(o.to);
  const cap = t ?? (to === undefined ? undefined : to - outSs);
  const span = cap === undefined ? fromStreams : fromStreams === undefined ? cap : Math.min(cap, fromStreams);
  return span === undefined || !Number.isFinite(span) ? undefined : span;
}

/** How many streams of each medium an input carries (probed), `undefined` where unknown. */
export interface StreamCounts {
  readonly video: number | undefined;
  readonly audio: number | undefined;
}

/**
 * FFmpeg 5.1 gives a complex graph's unlabelled input pad the first stream of its medium, in
 * input order, that no pad before it took (`init_input_filter`): `-i v.mp4 -i logo.png
 * -filter_complex overlay` overlays input 1's picture on input 0's video. Records each such pad's
 * input in `bound` (`undefined` where a medium or an input's streams are unknown).
 */
function bindUnlabelled(
  views: readonly GraphView[],
  inputCount: number,
  streams: readonly (StreamCounts | undefined)[],
  bound: Map<ViewSource, number | undefined>,
): void {
  const taken = new Map<string, number>();
  const key = (input: number, media: MediaType) => `${input}:${media}`;
  const take = (input: number, media: MediaType) =>
    taken.set(key(input, media), (taken.get(key(input, media)) ?? 0) + 1);
  // A labelled stream of unknown medium (`[0]`, `[0:2]`) may be the one an unlabelled pad would take.
  let unsure = false;
  for (const view of views) {
    for (const node of view.nodes) {
      node.inputs.forEach((source, pad) => {
        const media = node.inputMedia[pad];
        if (source.kind === 'input') {
          const m = specifierMedia(source.specifier);
          if (m === 'video' || m === 'audio') take(source.input, m);
          else unsure = true;
          return;
        }
        if (source.kind !== 'stream') return;
        if (unsure || (media !== 'video' && media !== 'audio')) {
          bound.set(source, undefined);
          return;
        }
        let input: number | undefined;
        for (let i = 0; i < inputCount; i++) {
          const count = streams[i]?.[media];
          if (count === undefined) break;
          if ((taken.get(key(i, media)) ?? 0) < count) {
            input = i;
            break;
          }
        }
        if (input !== undefined) take(input, media);
        bound.set(source, input);
      });
    }
  }
}
