import { optionName } from './ffmpeg-cli-options.js';
import { parseArgv } from './parse-command.js';
import { parseFiltergraph } from './parse-filtergraph.js';

/** A component an argv names by hand: what a build must carry for FFmpeg to accept it. */
export interface NamedComponent {
  readonly kind: 'encoder' | 'decoder' | 'muxer' | 'demuxer' | 'filter' | 'bsf';
  readonly name: string;
  /** Where the argv names it: `output #0 -c:a`, `input #1 -f`, `-filter_complex`, `input #0 (lavfi)`. */
  readonly where: string;
}

/** `-c`, `-codec`, `-vcodec`, ... with any stream specifier: the option that picks a codec. */
const CODEC_OPTIONS = new Set(['c', 'codec', 'vcodec', 'acodec', 'scodec', 'dcodec']);
/** Options whose value is a filtergraph applied to one output (FFmpeg's `-filter[:spec]`). */
const FILTER_OPTIONS = new Set(['vf', 'af', 'filter']);
/** Global options whose value is a filtergraph. */
const GRAPH_OPTIONS = new Set(['filter_complex', 'lavfi']);

/** Filter names of a filtergraph, in order, each once. */
const filtersOf = (text: string, where: string): NamedComponent[] =>
  [...new Set(parseFiltergraph(text, where).chains.flatMap((chain) => chain.map((f) => f.name)))].map(
    (name) => ({ kind: 'filter' as const, name, where }),
  );

/**
 * `-bsf` lists bitstream filters as `name[=options][,name...]`; the names, in order. (FFmpeg's
 * own parser splits the same way: a `,` or `=` never occurs in a name.)
 */
const bsfsOf = (value: string, where: string): NamedComponent[] =>
  value
    .split(',')
    .map((part) => part.split('=')[0]?.trim() ?? '')
    .filter(Boolean)
    .map((name) => ({ kind: 'bsf' as const, name, where }));

/**
 * The components an argv names explicitly, read as FFmpeg 5.1's command line reads it: input and
 * output `-f` (demuxers, muxers), `-c`/`-codec`/`-vcodec`/... on inputs (decoders) and outputs
 * (encoders; `copy` is stream copy, no codec), `-bsf` (bitstream filters), and every filter of
 * `-filter_complex`/`-lavfi`, `-vf`/`-af`/`-filter` and `-f lavfi` input graphs.
 *
 * What FFmpeg chooses by itself is not here: the muxer it guesses from an output's file name,
 * the demuxer and decoders it probes from an input's bytes, an output's default encoders, the
 * filters it inserts (`scale`, `aresample` for format conversion). Nor are graphs read from
 * files (`-filter_complex_script`), or sources a filter opens itself (`movie=`).
 *
 * @example
 * namedComponents(['-i', 'a.wav', '-af', 'volume=2', '-c:a', 'libmp3lame', 'a.mp3']);
 * // [{ kind: 'filter', name: 'volume', where: 'output #0 -af' },
 * //  { kind: 'encoder', name: 'libmp3lame', where: 'output #0 -c:a' }]
 */
export function namedComponents(args: readonly string[]): NamedComponent[] {
  const parts = parseArgv(args, true);
  const named: NamedComponent[] = [];
  const files = [
    ...parts.inputs.map((f, i) => ({ file: f, side: 'input' as const, where: `input #${i}` })),
    ...parts.outputs.map((f, i) => ({ file: f, side: 'output' as const, where: `output #${i}` })),
  ];
  for (const { file, side, where } of files) {
    let format: string | undefined;
    for (const unit of file.layout ?? []) {
      if (unit.kind !== 'tokens') continue;
      const [flag, value] = unit.tokens as [string, string | undefined];
      const name = optionName(flag);
      if (name === undefined || value === undefined) continue;
      const at = `${where} ${flag}`;
      if (name === 'f' && flag === '-f') {
        format = value;
        named.push({ kind: side === 'input' ? 'demuxer' : 'muxer', name: value, where: at });
      } else if (CODEC_OPTIONS.has(name) && value !== 'copy') {
        named.push({ kind: side === 'input' ? 'decoder' : 'encoder', name: value, where: at });
      } else if (name === 'bsf' && side === 'output') {
        named.push(...bsfsOf(value, at));
      } else if (FILTER_OPTIONS.has(name) && side === 'output') {
        named.push(...filtersOf(value, at));
      }
    }
    if (side === 'input' && format === 'lavfi') named.push(...filtersOf(file.path, `${where} (lavfi)`));
  }
  for (const graph of parts.graph.raw) {
    const flag = graph.own ?? '-filter_complex';
    if (GRAPH_OPTIONS.has(optionName(flag) ?? '')) named.push(...filtersOf(graph.text, flag));
  }
  return named;
}
