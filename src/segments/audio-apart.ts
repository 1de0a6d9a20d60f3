import { type GraphView, resolveGraph } from '../builder/graph-view.js';
import type { Command } from '../builder/index.js';
import type { StreamMedia } from '../builder/media-type.js';
import { specifierMedia } from '../builder/media-type.js';
import { type ParsedFilter, parseFiltergraph } from '../builder/parse-filtergraph.js';

/**
 * An output-seek split whose audio can be encoded once, whole, by the first segment: the output's
 * `map` entries by medium, and the complex graph the later segments run without the chains that
 * make only that audio. Without it every segment runs the audio part of the graph over its whole
 * pre-roll, carries PCM, and the join encodes the audio after every segment is done.
 */
export interface AudioApart {
  /** The `map` entries the video segments keep (`undefined`: no `map`, FFmpeg's own choice). */
  readonly videoMap: readonly string[] | undefined;
  /**
   * The `map` entries the first segment's audio output takes (`undefined`: no `map`, FFmpeg's own
   * choice, which picks the same stream as in one run and fails where no input has audio).
   */
  readonly audioMap: readonly string[] | undefined;
  /**
   * The `-filter_complex` text of the segments after the first: the command's graph less its
   * audio-only chains (the first segment runs the whole graph, its audio output included).
   * `undefined` when no chain makes only audio (the audio comes from an input stream).
   */
  readonly videoGraph: string | undefined;
  /** The `map` names the audio first: the join writes it before the video, as one run does. */
  readonly audioFirst: boolean;
}

const INPUT_SELECTOR = /^(\d+)(?::(.*))?$/;

/**
 * Tells the output's audio apart from its video, or `undefined` when it cannot be: a `map` entry
 * of unknown medium (`0`, a label of a filter whose pads the builder does not know), `-shortest`
 * (the audio's end depends on the video's), a graph that is not one `-filter_complex`, audio made
 * in one piece of graph with video (`showwaves`, `concat` of both media), or no `map` with a
 * complex graph (its unlabelled outputs go to the first output file only). Without a `map` and
 * without a complex graph FFmpeg chooses each medium on its own, in a segment as in one run.
 */
export function audioApart(cmd: Command<string>, args: readonly string[]): AudioApart | undefined {
  const out = cmd.outputs[0];
  const map = out?.options.map;
  if (!out || out.options.shortest) return undefined;
  const graphs = args.flatMap((a, i) => (/^-(filter_complex|lavfi)/.test(a) ? [i] : []));
  if (graphs.length > 1 || args.includes('-filter_complex_script')) return undefined;
  if (!map?.length)
    return graphs.length
      ? undefined
      : { videoMap: undefined, audioMap: undefined, videoGraph: undefined, audioFirst: false };
  const at = graphs[0];
  const text = at === undefined ? undefined : args[at + 1];
  let view: GraphView | undefined;
  let chains: readonly (readonly ParsedFilter[])[] = [];
  let swsFlags: string | undefined;
  if (text !== undefined) {
    try {
      const parsed = parseFiltergraph(text, '-filter_complex');
      chains = parsed.chains;
      swsFlags = parsed.swsFlags;
      view = resolveGraph(parsed, false, '-filter_complex');
    } catch {
      return undefined;
    }
  }

  const mediaOf = (entry: string): StreamMedia => {
    const selected = selectorMedia(entry);
    if (selected) return selected;
    const pad = view?.outputs.find((o) => o.label === entry);
    return pad ? (view?.nodes[pad.node]?.outputMedia[pad.pad] ?? 'unknown') : 'unknown';
  };
  const media = map.map(mediaOf);
  if (media.includes('unknown')) return undefined;
  // The join writes all the video, then all the audio, or the other way round: not both mixed.
  const changes = media.filter((m, i) => i > 0 && m !== media[i - 1]).length;
  if (changes > 1) return undefined;
  const audioFirst = media[0] === 'audio' && changes === 1;
  const videoMap = map.filter((_, i) => media[i] === 'video');
  const audioMap = map.filter((_, i) => media[i] === 'audio');
  if (!view || !audioMap.length) return { videoMap, audioMap, videoGraph: undefined, audioFirst };

  const component = components(view);
  const audioParts = new Set(
    audioMap.flatMap((entry) => {
      const pad = view.outputs.find((o) => o.label === entry);
      return pad ? [component[pad.node] as number] : [];
    }),
  );
  const audioOnly = view.nodes.every(
    (node) =>
      !audioParts.has(component[node.index] as number) ||
      [...node.inputMedia, ...node.outputMedia].every((m) => m === 'audio'),
  );
  if (!audioOnly) return undefined;
  if (!audioParts.size) return { videoMap, audioMap, videoGraph: undefined, audioFirst };

  let first = 0;
  const kept: string[] = [];
  for (const chain of chains) {
    const parts = new Set(chain.map((_, i) => audioParts.has(component[first + i] as number)));
    first += chain.length;
    if (parts.size > 1) return undefined;
    if (!parts.has(true)) kept.push(chain.map(writeFilter).join(','));
  }
  const videoGraph = [...(swsFlags === undefined ? [] : [swsFlags]), ...kept].join(';');
  return { videoMap, audioMap, videoGraph, audioFirst };
}

/**
 * The medium a `map` entry that names an input selects (`1:a` audio, `0:v:0` video, `0` or `0:s`
 * unknown), `undefined` for a graph label.
 */
export function selectorMedia(entry: string): StreamMedia | undefined {
  const selector = INPUT_SELECTOR.exec(entry);
  return selector ? specifierMedia((selector[2] ?? '').replace(/\?$/, '')) : undefined;
}

/** A filter as the graph parser reads it back: its labels around its own text. */
function writeFilter(filter: ParsedFilter): string {
  const labels = (names: readonly string[]) => names.map((n) => `[${n}]`).join('');
  return `${labels(filter.inputLabels)}${filter.text}${labels(filter.outputLabels)}`;
}

/** Each node's connected component (the lowest node index in it), through the graph's links. */
function components(view: GraphView): number[] {
  const parent = view.nodes.map((n) => n.index);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  for (const node of view.nodes) {
    for (const source of node.inputs) {
      if (source.kind !== 'pad') continue;
      const [a, b] = [root(node.index), root(source.node)];
      parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  return view.nodes.map((n) => root(n.index));
}

/**
 * Whether a `-filter_complex` mixes (a filter with several audio inputs: `amix`, `amerge`, ...)
 * audio of a file whose video the output also takes. FFmpeg reads such a file at the pace of the
 * video's encoding, and where the mix ends depends on that pace: native FFmpeg 5.1.9 mixed a 4 s
 * clip's own sound with a 3 s MP3 (`amix`, `duration=longest`) into 3 s of audio beside the
 * clip's encoded video, 4 s without it, and a split's first segment, whose video stops at its
 * cut, gave 4 s. Inputs it cannot place (a graph it cannot read, an unlabelled video pad, a map
 * of a whole input) count as taken.
 */
export function mixesVideoFileAudio(cmd: Command<string>, args: readonly string[]): boolean {
  const at = args.findIndex((a) => a === '-filter_complex' || a === '-lavfi');
  const text = at < 0 ? undefined : args[at + 1];
  if (text === undefined) return false;
  let view: GraphView;
  try {
    view = resolveGraph(parseFiltergraph(text, '-filter_complex'), false, '-filter_complex');
  } catch {
    return false;
  }
  const mixed = new Set<number>();
  const feeding = (source: GraphView['nodes'][number]['inputs'][number], seen: Set<number>): void => {
    if (source.kind === 'input') mixed.add(source.input);
    else if (source.kind === 'pad' && !seen.has(source.node)) {
      seen.add(source.node);
      for (const up of view.nodes[source.node]?.inputs ?? []) feeding(up, seen);
    } else if (source.kind !== 'pad') mixed.add(-1);
  };
  for (const node of view.nodes) {
    if (node.inputs.length > 1 && node.inputMedia.every((m) => m === 'audio'))
      for (const source of node.inputs) feeding(source, new Set());
  }
  if (mixed.size === 0) return false;
  const video = new Set<number>();
  for (const node of view.nodes)
    node.inputs.forEach((source, pad) => {
      if (source.kind === 'input' && specifierMedia(source.specifier) !== 'audio') video.add(source.input);
      else if (source.kind === 'stream' && node.inputMedia[pad] !== 'audio') video.add(-1);
    });
  const map = cmd.outputs[0]?.options.map;
  // Without a map FFmpeg also takes the best video of all the inputs.
  if (!map?.length) video.add(-1);
  for (const entry of map ?? []) {
    const media = selectorMedia(entry);
    const input = /^(\d+)/.exec(entry)?.[1];
    if (input !== undefined && media !== 'audio') video.add(Number(input));
  }
  return [...mixed].some((i) => i < 0 || video.has(-1) || video.has(i));
}
