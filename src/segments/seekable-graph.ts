import { parseFiltergraph } from '../builder/parse-filtergraph.js';

/** A `-filter_complex` an input-seek split can carry: a `-vf` written as a complex graph. */
export interface SeekableGraph {
  /** The label of its output (`-map [v]`), `undefined` when it has none (FFmpeg's own choice). */
  readonly output: string | undefined;
}

/** The first video stream of input 0, as a graph may name it. */
const FIRST_VIDEO = /^0(:[vV](:0)?)?$/;

/**
 * The command's one complex graph (`args` compiled), where it is one chain of filters `isLocal`
 * accepts, reading the first video stream of input 0 (`[0:v]`, or no label: FFmpeg binds it to
 * the first unused video stream) and writing one output: the video of `-filter_complex
 * "[0:v]scale=1280:-2[v]" -map "[v]" -map 0:a` is `-vf scale=1280:-2`'s, so its segments can
 * seek the input. `undefined` for any other graph (or none).
 */
export function seekableGraph(
  args: readonly string[],
  isLocal: (chainText: string) => boolean,
): SeekableGraph | undefined {
  const at = args.flatMap((a, i) => (a === '-filter_complex' || a === '-lavfi' ? [i] : []));
  const text = at.length === 1 ? args[(at[0] as number) + 1] : undefined;
  if (text === undefined) return undefined;
  let chain: ReturnType<typeof parseFiltergraph>['chains'][number] | undefined;
  try {
    const graph = parseFiltergraph(text, '-filter_complex');
    chain = graph.chains.length === 1 && graph.swsFlags === undefined ? graph.chains[0] : undefined;
  } catch {
    return undefined;
  }
  const first = chain?.[0];
  const last = chain?.at(-1);
  if (!chain || !first || !last) return undefined;
  const inner = chain.every(
    (f, i) => (i === 0 || f.inputLabels.length === 0) && (f === last || f.outputLabels.length === 0),
  );
  if (!inner || first.inputLabels.length > 1 || last.outputLabels.length > 1) return undefined;
  const input = first.inputLabels[0];
  if (input !== undefined && !FIRST_VIDEO.test(input)) return undefined;
  if (!isLocal(chain.map((f) => f.text).join(','))) return undefined;
  return { output: last.outputLabels[0] };
}
