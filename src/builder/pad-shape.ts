import { filterPads } from './filters.generated.js';

/** The media type of a pad: `V` video, `A` audio, `undefined` when FFmpeg decides at run time. */
export type PadType = 'V' | 'A' | undefined;

/** The pads of one filter node; `undefined` when the count depends on things the builder cannot see. */
export interface PadShape {
  readonly inputs: readonly PadType[] | undefined;
  readonly outputs: readonly PadType[] | undefined;
}

type Options = Readonly<Record<string, unknown>>;

const count = (options: Options, names: readonly string[], fallback: number): number | undefined => {
  for (const name of names) {
    const v = options[name];
    if (v === undefined) continue;
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
    return Number.isInteger(n) && n >= 0 ? n : undefined;
  }
  return fallback;
};

const repeat = (type: PadType, n: number | undefined): PadType[] | undefined =>
  n === undefined ? undefined : Array.from({ length: n }, () => type);

/** Types of the streams a movie/amovie `streams` spec selects (`dv+da`, `a:0`, ...). */
function movieOutputs(options: Options, fallback: PadType): PadType[] {
  const spec = options.streams ?? options.s;
  if (typeof spec !== 'string') return [fallback];
  return spec.split('+').map((s) => (/^d?a/.test(s) ? 'A' : /^d?v/.test(s) ? 'V' : undefined));
}

/** Pad counts of filters whose pads depend on their options ("N" in `-filters`). */
const DYNAMIC: Readonly<Record<string, (o: Options) => Partial<PadShape>>> = {
  split: (o) => ({ outputs: repeat('V', count(o, ['outputs'], 2)) }),
  asplit: (o) => ({ outputs: repeat('A', count(o, ['outputs'], 2)) }),
  select: (o) => ({ outputs: repeat('V', count(o, ['outputs', 'n'], 1)) }),
  aselect: (o) => ({ outputs: repeat('A', count(o, ['outputs', 'n'], 1)) }),
  amix: (o) => ({ inputs: repeat('A', count(o, ['inputs'], 2)) }),
  amerge: (o) => ({ inputs: repeat('A', count(o, ['inputs'], 2)) }),
  join: (o) => ({ inputs: repeat('A', count(o, ['inputs'], 2)) }),
  ainterleave: (o) => ({ inputs: repeat('A', count(o, ['nb_inputs', 'n'], 2)) }),
  interleave: (o) => ({ inputs: repeat('V', count(o, ['nb_inputs', 'n'], 2)) }),
  hstack: (o) => ({ inputs: repeat('V', count(o, ['inputs'], 2)) }),
  vstack: (o) => ({ inputs: repeat('V', count(o, ['inputs'], 2)) }),
  xstack: (o) => ({ inputs: repeat('V', count(o, ['inputs'], 2)) }),
  mix: (o) => ({ inputs: repeat('V', count(o, ['inputs'], 2)) }),
  movie: (o) => ({ outputs: movieOutputs(o, 'V') }),
  amovie: (o) => ({ outputs: movieOutputs(o, 'A') }),
  concat: (o) => {
    const n = count(o, ['n'], 2);
    const v = count(o, ['v'], 1);
    const a = count(o, ['a'], 0);
    if (n === undefined || v === undefined || a === undefined) return {};
    const segment: PadType[] = [...(repeat('V', v) ?? []), ...(repeat('A', a) ?? [])];
    return { inputs: Array.from({ length: n }, () => segment).flat(), outputs: segment };
  },
};

const letters = (sig: string): PadType[] | undefined =>
  sig.includes('N') ? undefined : [...sig].map((c) => (c === 'V' ? 'V' : c === 'A' ? 'A' : undefined));

/** The pad shape of `name` with `options`; unknown filters (raw ones) have unknown pads. */
export function padShape(name: string, options: Options): PadShape {
  const sig = (filterPads as Readonly<Record<string, readonly [string, string]>>)[name];
  if (!sig) return { inputs: undefined, outputs: undefined };
  const dynamic = DYNAMIC[name]?.(options) ?? {};
  return {
    inputs: dynamic.inputs ?? letters(sig[0]),
    outputs: dynamic.outputs ?? letters(sig[1]),
  };
}
