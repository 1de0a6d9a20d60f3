import { type ParsedFilter, parseFiltergraph } from '../builder/parse-filtergraph.js';

/**
 * A `-filter_complex` an input-seek split can carry: a `-vf` over input 0's video written as a
 * complex graph, or such a chain with still pictures laid over it (a logo).
 */
export interface SeekableGraph {
  /** The label of its output (`-map [v]`), `undefined` when it has none (FFmpeg's own choice). */
  readonly output: string | undefined;
  /**
   * Whether FFmpeg binds the picture's pad on its own (`overlay=10:10`, no labels): to the first
   * video stream not yet used, which is the picture's only where input 0 has one video stream.
   */
  readonly bindsPictureItself: boolean;
}

/**
 * A still picture an input-seek graph may lay over the video: `once`, one frame at 0 (an image
 * read as it is); `looped`, the same picture every frame time from 0 (`-loop 1`).
 */
export type Picture = 'once' | 'looped';

/**
 * Whether a filter maps each frame on its own; `over`: it is an `overlay` whose second input is
 * that kind of still picture, which it must lay the same way on every frame.
 */
export type FilterCheck = (filter: ParsedFilter, over?: Picture) => boolean;

/** What a link carries: input 0's first video stream, made frame by frame, or a still picture. */
type Carries = 'video' | Picture;

/** A stream label: an input's index, then optionally its type and index (`0`, `0:v`, `1:V:0`). */
const STREAM = /^(\d+)(?::[vV](?::0)?)?$/;

/**
 * The command's one complex graph (`args` compiled) where its segments can seek input 0: every
 * filter maps each frame on its own (`isLocal`), and the graph reads input 0's first video
 * (`[0:v]`, or no label: FFmpeg binds it to the first unused video stream) and still pictures,
 * the inputs in `pictures` (each one picture at 0, which `overlay` lays on every frame alike),
 * and writes one output. The video of `-filter_complex "[0:v]scale=1280:-2[v]" -map "[v]"` is
 * `-vf scale=1280:-2`'s, and `[0:v][1:v]overlay=10:10[v]` over a logo gives each frame what it
 * gives it in one run, wherever the segment starts. `undefined` for any other graph (or none).
 */
export function seekableGraph(
  args: readonly string[],
  isLocal: FilterCheck,
  pictures: ReadonlyMap<number, Picture> = new Map(),
): SeekableGraph | undefined {
  const at = args.flatMap((a, i) => (a === '-filter_complex' || a === '-lavfi' ? [i] : []));
  const text = at.length === 1 ? args[(at[0] as number) + 1] : undefined;
  if (text === undefined) return undefined;
  let chains: ReturnType<typeof parseFiltergraph>['chains'];
  try {
    const graph = parseFiltergraph(text, '-filter_complex');
    if (graph.swsFlags !== undefined) return undefined;
    chains = graph.chains;
  } catch {
    return undefined;
  }
  // Each chain: labels before its first filter and after its last only.
  const shaped = chains.every(
    (chain) =>
      chain.length > 0 &&
      chain.every(
        (f, i) =>
          (i === 0 || f.inputLabels.length === 0) &&
          (i === chain.length - 1 ? f.outputLabels.length <= 1 : f.outputLabels.length === 0),
      ),
  );
  if (!shaped) return undefined;
  const heads = chains.map((chain) => chain[0] as ParsedFilter);
  const tails = chains.map((chain) => chain.at(-1) as ParsedFilter);

  // Unlabelled pads: FFmpeg binds each to the first video stream not yet used, input 0's, then
  // (an overlay's second) the next, which is the one picture's when input 0 has one.
  const only = chains.length === 1 ? heads[0] : undefined;
  const unlabelled = only && only.inputLabels.length === 0;
  const bindsPictureItself = unlabelled === true && only?.name === 'overlay';
  if (bindsPictureItself && pictures.size !== 1) return undefined;

  const used = new Set<string>();
  const carried = new Map<number, Carries | undefined>();
  // What chain `k` carries out, or `undefined` where it is not frame by frame.
  const carries = (k: number, seen: readonly number[]): Carries | undefined => {
    if (carried.has(k)) return carried.get(k);
    if (seen.includes(k)) return undefined;
    const chain = chains[k] as readonly ParsedFilter[];
    const head = heads[k] as ParsedFilter;
    const into: (Carries | undefined)[] = unlabelled
      ? bindsPictureItself
        ? ['video', [...pictures.values()][0]]
        : ['video']
      : head.inputLabels.map((label) => {
          if (used.has(label)) return undefined;
          used.add(label);
          const stream = STREAM.exec(label);
          if (stream) {
            const input = Number(stream[1]);
            if (input === 0) return /^0(:[vV](:0)?)?$/.test(label) ? 'video' : undefined;
            return pictures.get(input);
          }
          const from = tails.findIndex((tail) => tail.outputLabels[0] === label);
          return from < 0 ? undefined : carries(from, [...seen, k]);
        });
    const [first, second] = into;
    const over = into.length === 2 && first === 'video' && second !== 'video' ? second : undefined;
    const out: Carries | undefined =
      into.length === 1 && first !== undefined && isLocal(head)
        ? first
        : over && isLocal(head, over)
          ? 'video'
          : undefined;
    const result = out && chain.slice(1).every((f) => isLocal(f)) ? out : undefined;
    carried.set(k, result);
    return result;
  };
  const results = chains.map((_, k) => carries(k, []));
  if (results.some((r) => r === undefined)) return undefined;
  // One output, the video's; every other chain feeds another, and every picture is laid.
  const open = tails.flatMap((tail, k) => {
    const label = tail.outputLabels[0];
    return label === undefined || !used.has(label) ? [{ k, label }] : [];
  });
  const last = open.length === 1 ? open[0] : undefined;
  if (!last || results[last.k] !== 'video') return undefined;
  const laid = [...pictures.keys()].every(
    (input) => bindsPictureItself || [...used].some((label) => Number(STREAM.exec(label)?.[1]) === input),
  );
  if (!laid) return undefined;
  return { output: last.label, bindsPictureItself };
}
