import type { ArgUnit, InputEntry, OutputEntry } from './command.js';
import { BuilderError } from './errors.js';
import { isGlobalOption, optionName, takesValue } from './ffmpeg-cli-options.js';
import type { GraphState, NodeRecord, RawGraph } from './graph-state.js';
import { namedOptions, resolveGraph } from './graph-view.js';
import { GLOBAL_KEYS, type GlobalOptions, INPUT_KEYS, OUTPUT_KEYS } from './options.js';
import { padShape } from './pad-shape.js';
import { type ParsedFilter, parseFiltergraph } from './parse-filtergraph.js';
import { shellWords } from './shell-words.js';
import type { StreamSource } from './stream.js';

/** What `Command.parse` builds a command from. */
export interface ParsedParts {
  readonly globals: GlobalOptions;
  readonly inputs: readonly InputEntry[];
  readonly outputs: readonly OutputEntry[];
  readonly graph: GraphState;
  /** Open ends of the default chains (a parsed `-vf`/`-af` that `filter()` may extend). */
  readonly tails: Partial<Record<'V' | 'A', StreamSource>>;
}

interface FileDraft {
  path: string;
  units: ArgUnit[];
  options: Record<string, unknown>;
  maps: string[];
  filters: { unit: number; media: 'v' | 'a'; flag: string; text: string }[];
}

const ALIASES: Readonly<Record<string, string>> = {
  vcodec: 'c:v',
  'codec:v': 'c:v',
  acodec: 'c:a',
  'codec:a': 'c:a',
  scodec: 'c:s',
  'codec:s': 'c:s',
  codec: 'c',
  vframes: 'frames:v',
  aframes: 'frames:a',
  'qscale:v': 'q:v',
  'qscale:a': 'q:a',
  vb: 'b:v',
  ab: 'b:a',
};
const STRING_KEYS = new Set([
  'c',
  'c:v',
  'c:a',
  'c:s',
  'f',
  'preset',
  'tune',
  'profile:v',
  'pix_fmt',
  's',
  'movflags',
]);
const FLAG_KEYS = new Set(['re', 'shortest', 'vn', 'an', 'sn']);
const FILTER_FLAGS: Readonly<Record<string, 'v' | 'a'>> = {
  '-vf': 'v',
  '-af': 'a',
  '-filter:v': 'v',
  '-filter:a': 'a',
};
/** Whether a parsed token is a per-output filter option (`-vf`, `-filter:a`, ...), kept as written. */
export const isFilterFlag = (token: string | undefined): boolean =>
  token !== undefined && FILTER_FLAGS[token] !== undefined;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

const typed = (key: string, value: string): string | number =>
  !STRING_KEYS.has(key) && NUMBER.test(value) ? Number(value) : value;

/** Drops a leading program name (`ffmpeg`, `/usr/bin/ffmpeg`, `ffmpeg.exe`). */
function withoutProgram(words: readonly string[]): readonly string[] {
  const first = words[0];
  return first !== undefined && /(?:^|[/\\])ffmpeg(?:\.exe)?$/.test(first) ? words.slice(1) : words;
}

function setOption(
  draft: FileDraft,
  keys: ReadonlySet<string>,
  flag: string,
  name: string,
  value: string | undefined,
) {
  const spelled = flag.slice(1);
  const key = ALIASES[spelled] ?? spelled;
  const o = draft.options;
  if (value === undefined) {
    if (keys.has(key) && FLAG_KEYS.has(key)) o[key] = true;
    else o.privateOptions = { ...(o.privateOptions as object), [key]: true };
    return;
  }
  if (name === 'metadata') {
    const eq = value.indexOf('=');
    const [k, v] = eq < 0 ? [value, ''] : [value.slice(0, eq), value.slice(eq + 1)];
    const spec = spelled.slice('metadata'.length).replace(/^:s:?/, '');
    if (spelled === 'metadata' || spelled === 'metadata:g') {
      o.metadata = { ...(o.metadata as object), [k]: v };
    } else if (spelled.startsWith('metadata:s')) {
      const per = (o.streamMetadata ?? {}) as Record<string, Record<string, string>>;
      o.streamMetadata = { ...per, [spec]: { ...per[spec], [k]: v } };
    }
    return;
  }
  if (keys.has(key)) o[key] = typed(key, value);
  else o.privateOptions = { ...(o.privateOptions as object), [key]: typed(key, value) };
}

/**
 * Reads an FFmpeg argv (or a POSIX shell line) into the parts of a command, keeping every file's
 * options verbatim and in order so the command compiles back to the same argv.
 */
export function parseArgv(line: string | readonly string[], verbatim = false): ParsedParts {
  const words = withoutProgram(typeof line === 'string' ? shellWords(line) : line);
  const globals: Record<string, unknown> = {};
  const globalRaw: string[] = [];
  const complex: RawGraph[] = [];
  const inputs: FileDraft[] = [];
  const outputs: FileDraft[] = [];
  let pending: FileDraft = { path: '', units: [], options: {}, maps: [], filters: [] };
  const fail = (token: string, why: string): never => {
    throw new BuilderError('parse-error', `'${token}': ${why}`, undefined, token);
  };

  for (let i = 0; i < words.length; i++) {
    const token = words[i] as string;
    const name = token === '-' ? undefined : optionName(token);
    if (name === undefined || token === '--') {
      if (token === '--') continue;
      pending.path = token;
      outputs.push(pending);
      pending = { path: '', units: [], options: {}, maps: [], filters: [] };
      continue;
    }
    const hasValue = takesValue(name);
    const value = hasValue ? words[i + 1] : undefined;
    if (hasValue && value === undefined) fail(token, 'needs a value, but the command line ends');
    if (hasValue) i++;
    if (token === '-i') {
      pending.path = value as string;
      inputs.push(pending);
      pending = { path: '', units: [], options: {}, maps: [], filters: [] };
      continue;
    }
    if (isGlobalOption(name)) {
      if (name === 'filter_complex' || name === 'lavfi') {
        complex.push({ text: value as string, labels: [], own: token });
      } else if (name === 'stats' || name === 'nostats') {
        globals.stats = name === 'stats';
      } else if ((GLOBAL_KEYS as readonly string[]).includes(name) && token === `-${name}`) {
        globals[name] = value === undefined ? true : typed(name, value);
      } else {
        globalRaw.push(token, ...(value === undefined ? [] : [value]));
      }
      continue;
    }
    if (name === 'map' && value !== undefined) {
      const label = /^\[(.+)\]$/.exec(value);
      const entry = label ? (label[1] as string) : /^\d+(?::|$)/.test(value) ? value : undefined;
      if (entry !== undefined) {
        pending.units.push({ kind: 'map', index: pending.maps.length });
        pending.maps.push(entry);
        continue;
      }
    }
    const filterMedia = FILTER_FLAGS[token];
    if (filterMedia && value !== undefined) {
      pending.filters.push({ unit: pending.units.length, media: filterMedia, flag: token, text: value });
      pending.units.push({ kind: 'tokens', tokens: [token, value] });
      continue;
    }
    pending.units.push({ kind: 'tokens', tokens: value === undefined ? [token] : [token, value] });
  }
  if (pending.units.length > 0) {
    const tokens = pending.units.flatMap((u) => (u.kind === 'tokens' ? u.tokens : ['-map']));
    fail(tokens.join(' '), 'trailing options after the last output apply to no file');
  }
  if (outputs.length === 0) fail(words.join(' ') || '(empty)', 'an FFmpeg command needs at least one output');

  // Typed per-file options (the verbatim units are what compiles).
  for (const f of inputs) retype(f, new Set(INPUT_KEYS));
  for (const f of outputs) retype(f, new Set(OUTPUT_KEYS));

  // Complex graphs: parsed (links resolved, media checked), their labelled open outputs declared.
  const complexGraphs = complex.map((g) => {
    const view = resolveGraph(parseFiltergraph(g.text, g.own ?? ''), false, g.own ?? '');
    const labels = view.outputs.flatMap((o) => (o.label === undefined ? [] : [o.label]));
    return { ...g, labels };
  });

  const defined = new Set(complexGraphs.flatMap((g) => g.labels));
  for (const out of outputs) {
    for (const entry of out.maps) {
      if (!/^\d/.test(entry) && !defined.has(entry)) {
        fail(`-map [${entry}]`, `no -filter_complex defines an open output labelled '${entry}'`);
      }
    }
  }

  // A lone -vf/-af over one input into one output becomes the default chains, so filter() extends it.
  const nodes: NodeRecord[] = [];
  const tails: Partial<Record<'V' | 'A', StreamSource>> = {};
  const only = outputs[0];
  if (!verbatim && inputs.length === 1 && outputs.length === 1 && complex.length === 0 && only) {
    for (const f of [...only.filters]) {
      const chain = simpleChain(f.text, f.media, nodes.length);
      if (!chain || f.flag !== (f.media === 'v' ? '-vf' : '-af')) {
        resolveGraph(parseFiltergraph(f.text, f.flag), true, f.flag);
        continue;
      }
      nodes.push(...chain);
      const last = chain.at(-1) as NodeRecord;
      tails[f.media === 'v' ? 'V' : 'A'] = { kind: 'pad', node: last.id, pad: 0 };
      only.units[f.unit] = { kind: 'filter', media: f.media };
    }
  } else {
    for (const f of outputs.flatMap((o) => o.filters)) {
      resolveGraph(parseFiltergraph(f.text, f.flag), true, f.flag);
    }
  }

  const entry = (f: FileDraft) => ({
    path: f.path,
    options: f.maps.length > 0 ? { ...f.options, map: f.maps } : f.options,
    layout: f.units,
  });
  return {
    globals: { ...globals, ...(globalRaw.length > 0 ? { raw: globalRaw } : {}) } as GlobalOptions,
    inputs: inputs.map(entry),
    outputs: outputs.map(entry) as OutputEntry[],
    graph: { nodes, named: [], raw: complexGraphs },
    tails,
  };
}

function retype(f: FileDraft, keys: ReadonlySet<string>): void {
  f.options = {};
  for (const u of f.units) {
    // Filtergraphs are the graph's, not options.
    if (u.kind !== 'tokens' || FILTER_FLAGS[u.tokens[0] ?? ''] !== undefined) continue;
    const [flag, value] = u.tokens as [string, string | undefined];
    setOption(f, keys, flag, optionName(flag) ?? '', value);
  }
}

/**
 * The nodes of a `-vf`/`-af` that is one plain chain of known one-in, one-out filters of its
 * medium, whose text the builder writes back byte for byte; `undefined` otherwise.
 */
function simpleChain(text: string, media: 'v' | 'a', before: number): NodeRecord[] | undefined {
  const graph = parseFiltergraph(text, media === 'v' ? '-vf' : '-af');
  resolveGraph(graph, true, media === 'v' ? '-vf' : '-af');
  const chain = graph.chains[0];
  if (graph.chains.length !== 1 || !chain || graph.swsFlags !== undefined) return undefined;
  if (chain.map((f) => f.text).join(',') !== text) return undefined;
  const letter = media === 'v' ? 'V' : 'A';
  const nodes: NodeRecord[] = [];
  for (const [i, f] of chain.entries()) {
    if (!isPlain(f, letter)) return undefined;
    const id = before + i + 1;
    const source: StreamSource =
      i === 0 ? { kind: 'input', input: 0, specifier: media } : { kind: 'pad', node: id - 1, pad: 0 };
    nodes.push({
      id,
      filter: f.name,
      description: f.text,
      inputs: [source],
      shape: padShape(f.name, namedOptions(f)),
      auto: true,
    });
  }
  return nodes;
}

function isPlain(f: ParsedFilter, letter: 'V' | 'A'): boolean {
  if (f.inputLabels.length > 0 || f.outputLabels.length > 0 || f.instance !== undefined) return false;
  const shape = padShape(f.name, namedOptions(f));
  return (
    shape.inputs?.length === 1 &&
    shape.outputs?.length === 1 &&
    shape.inputs[0] === letter &&
    shape.outputs[0] === letter
  );
}

/** A compiled command's filtergraphs, as written: what diagrams and durations read. */
export interface ArgvGraphs {
  readonly parts: ParsedParts;
  /** `-filter_complex`/`-lavfi` texts with their flag. */
  readonly complex: readonly { readonly flag: string; readonly text: string }[];
  /** Per output, its `-vf`/`-af`/`-filter:v`/`-filter:a` texts. */
  readonly simple: readonly (readonly {
    readonly flag: string;
    readonly media: 'v' | 'a';
    readonly text: string;
  }[])[];
}

/** Reads the filtergraphs of an argv (every `-vf`/`-af` kept as text, none turned into chains). */
export function argvGraphs(args: readonly string[]): ArgvGraphs {
  const parts = parseArgv(args, true);
  return {
    parts,
    complex: parts.graph.raw.map((r) => ({ flag: r.own ?? '-filter_complex', text: r.text })),
    simple: parts.outputs.map((o) =>
      (o.layout ?? []).flatMap((u) => {
        if (u.kind !== 'tokens') return [];
        const [flag, text] = u.tokens as [string, string | undefined];
        const media = FILTER_FLAGS[flag];
        return media && text !== undefined ? [{ flag, media, text }] : [];
      }),
    ),
  };
}
