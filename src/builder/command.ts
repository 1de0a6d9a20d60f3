import { compileGraph, selectorInput } from './compile-graph.js';
import { BuilderError } from './errors.js';
import { isValidLabel, quoteShellArg } from './escape.js';
import { expectedDuration, type StreamCounts } from './expected-duration.js';
import { type NodeExtras, renderFilterDescription } from './filter-description.js';
import type { FilterOptionValue } from './filter-value.js';
import { GraphBuilder } from './graph-builder.js';
import { mermaid, outline } from './graph-diagram.js';
import { emptyGraph, type GraphState } from './graph-state.js';
import {
  GLOBAL_FLAGS,
  GLOBAL_KEYS,
  type GlobalOptions,
  INPUT_FLAGS,
  INPUT_KEYS,
  type InputOptions,
  OUTPUT_FLAGS,
  OUTPUT_KEYS,
  type OutputOptions,
  renderMetadata,
  renderOptions,
  renderPrivate,
} from './options.js';
import { padShape } from './pad-shape.js';
import { isFilterFlag, parseArgv } from './parse-command.js';
import { isRawFilter, type RawFilter } from './raw-filter.js';
import { type FilterName, type FilterOptions, Stream, type StreamSource } from './stream.js';

/**
 * One piece of a parsed file's options, in the order the command line had them: tokens written
 * back verbatim, a `-map` (entry `index` of `options.map`), or the default chain's `-vf`/`-af`.
 */
export type ArgUnit =
  | { readonly kind: 'tokens'; readonly tokens: readonly string[] }
  | { readonly kind: 'map'; readonly index: number }
  | { readonly kind: 'filter'; readonly media: 'v' | 'a' };

/** One input as the command holds it. */
export interface InputEntry {
  readonly path: string;
  readonly options: InputOptions;
  /** For a parsed input: its options as written (`options` is then their typed reading). */
  readonly layout?: readonly ArgUnit[];
}

/** One output as the command holds it. */
export interface OutputEntry {
  readonly path: string;
  readonly options: OutputOptions;
  /** For a parsed output: its options as written (`options` is then their typed reading). */
  readonly layout?: readonly ArgUnit[];
}

type Media = 'V' | 'A';

/**
 * A parsed entry is rendered from its `layout`, the options as written. Once a mapping gives it
 * other options the layout no longer says what they are, so it is dropped and the entry is
 * rendered from its (typed) options; kept as long as the options are the parsed ones. A filter
 * option the layout kept as written (`-filter:v`, a `-vf` that is not one plain chain) is no
 * option the types hold: it moves to `raw`, where it had been lost (a parsed `-filter:v hue=...`
 * mapped to new options rendered without its filter).
 */
function asWritten<E extends InputEntry | OutputEntry>(before: E, after: E): E {
  if (after.layout !== undefined && after.options === before.options) return after;
  const { layout: _stale, ...rendered } = after;
  // A mapping that returns a new entry ({ path, options }) leaves the layout behind too.
  const layout = after.layout ?? before.layout ?? [];
  const filters = layout.flatMap((u) => (u.kind === 'tokens' && isFilterFlag(u.tokens[0]) ? u.tokens : []));
  if (filters.length === 0) return rendered as E;
  const raw = [...((rendered.options as { raw?: readonly string[] }).raw ?? []), ...filters];
  return { ...rendered, options: { ...rendered.options, raw } } as unknown as E;
}

/** Where `Command.filter()` attaches next: the open end of each media chain, inputs already used. */
interface ChainState {
  readonly tails: Readonly<Partial<Record<Media, StreamSource>>>;
  readonly used: Readonly<Record<Media, readonly number[]>>;
}

interface CommandState {
  readonly globals: GlobalOptions;
  readonly inputs: readonly InputEntry[];
  readonly graph: GraphState;
  readonly chain: ChainState;
  readonly outputs: readonly OutputEntry[];
}

/** The labels a `graph()` callback's returned record names. */
export type GraphLabels<R> = R extends Readonly<Record<string, Stream>> ? Extract<keyof R, string> : never;

/**
 * An FFmpeg invocation, built immutably: every method returns a new `Command` and leaves the
 * old one as it was, so partial commands can be shared and extended. `toArgs()` compiles it to
 * the argv (without the program name); nothing runs until you hand it to an engine
 * (`runCommand(vol, cmd)`).
 *
 * `L` is the union of graph output labels the command defines, so `-map` entries are checked.
 *
 * @example
 * const cmd = new Command({ y: true, hide_banner: true })
 *   .input('in/a.png', { loop: 1, t: 4 })
 *   .input('in/b.png', { loop: 1, t: 4 })
 *   .filter('xfade', { transition: 'fade', duration: 0.5, offset: 3.5 })
 *   .output('out/reel.mp4', { 'c:v': 'libx264', pix_fmt: 'yuv420p' });
 * cmd.toArgs();
 * // ['-y', '-hide_banner', '-loop', '1', '-t', '4', '-i', 'in/a.png', '-loop', '1', '-t', '4',
 * //  '-i', 'in/b.png', '-filter_complex', '[0:v][1:v]xfade=transition=fade:duration=0.5:offset=3.5',
 * //  '-c:v', 'libx264', '-pix_fmt', 'yuv420p', 'out/reel.mp4']
 */
export class Command<L extends string = never> {
  #state: CommandState;

  /** A new command, optionally with global options (`{ y: true, hide_banner: true }`). */
  constructor(globals: GlobalOptions = {}) {
    this.#state = {
      globals,
      inputs: [],
      graph: emptyGraph,
      chain: { tails: {}, used: { V: [], A: [] } },
      outputs: [],
    };
  }

  /**
   * Reads an FFmpeg command line into a `Command`: the inverse of {@link Command.toArgs}. Takes
   * an argv array or a POSIX shell line, with or without the leading `ffmpeg`. Global, input and
   * output options are kept (typed where known, verbatim and in order either way), a lone
   * `-vf`/`-af` becomes the default chain `filter()` extends, `-filter_complex` graphs are parsed
   * (links resolved, media checked) and their labels can be mapped. `parse(x).toArgs()` gives
   * the same argv back, global options first. A line FFmpeg would refuse to parse throws a
   * {@link BuilderError} (`parse-error`) naming the token and why.
   *
   * @example
   * const cmd = Command.parse(`ffmpeg -y -i in.mp4 -vf 'scale=320:-2' -c:v libx264 -crf 23 out.mp4`);
   * cmd.outputs[0]?.options.crf; // 23
   * cmd.filter('hflip').toArgs();
   * // ['-y', '-i', 'in.mp4', '-vf', 'scale=320:-2,hflip', '-c:v', 'libx264', '-crf', '23', 'out.mp4']
   */
  static parse(line: string | readonly string[]): Command<string> {
    const parts = parseArgv(line);
    const used = parts.graph.nodes.length > 0 ? [0] : [];
    return Command.#from<string>({
      globals: parts.globals,
      inputs: parts.inputs,
      graph: parts.graph,
      chain: {
        tails: parts.tails,
        used: { V: parts.tails.V ? used : [], A: parts.tails.A ? used : [] },
      },
      outputs: parts.outputs,
    });
  }

  static #from<M extends string>(state: CommandState): Command<M> {
    const cmd = new Command<M>();
    cmd.#state = state;
    return cmd;
  }

  /**
   * Hands the command to `fn` and returns what it returns: keeps loops and reusable steps inside
   * the chain.
   *
   * @example
   * new Command()
   *   .call((c) => ['a.png', 'b.png', 'c.png'].reduce((acc, p) => acc.input(p, { loop: 1, t: 2 }), c))
   *   .filter('xfade', { offset: 1.5 })
   *   .filter('xfade', { offset: 3 })
   */
  call<R>(fn: (cmd: this) => R): R {
    return fn(this);
  }

  /** Merges more global options (later values win; `raw` arrays concatenate). */
  global(options: GlobalOptions): Command<L> {
    const g = this.#state.globals;
    const raw = [...(g.raw ?? []), ...(options.raw ?? [])];
    return Command.#from({ ...this.#state, globals: { ...g, ...options, raw } });
  }

  /** Adds an input file (a path in the volume, or a source for `f: 'lavfi'`). */
  input(path: string, options: InputOptions = {}): Command<L> {
    return Command.#from({ ...this.#state, inputs: [...this.#state.inputs, { path, options }] });
  }

  /**
   * Adds a `-f lavfi` input from a typed source filter, e.g. a test pattern or a tone.
   *
   * @example
   * new Command().lavfiInput('testsrc2', { size: '64x64', rate: 10, duration: 1 })
   * // -f lavfi -i testsrc2=size=64x64:rate=10:duration=1
   */
  lavfiInput<N extends FilterName>(
    name: N,
    options?: FilterOptions<N>,
    inputOptions: InputOptions = {},
  ): Command<L> {
    const path = renderFilterDescription(name, (options ?? {}) as Record<string, FilterOptionValue>);
    return this.input(path, { ...inputOptions, f: 'lavfi' });
  }

  /**
   * Appends a filter to the command's default chains. A filter's input pads take, in order, the
   * open end of the chain of their media type, then the next unused input file's stream of
   * that type (`[0:v]`, `[1:v]`, ...); its outputs become the new open ends, which go to the
   * first output. Video and audio chains grow independently. With one input and one output this
   * compiles to `-vf`/`-af`, otherwise to `-filter_complex`. Use {@link Command.graph} to wire
   * pads explicitly.
   *
   * @example
   * new Command().input('in.mp4').filter('scale', { w: 320, h: -2 }).filter('volume', { volume: 0.5 })
   *   .output('out.mp4') // -vf scale=w=320:h=-2 -af volume=volume=0.5
   */
  filter<N extends FilterName>(name: N, options?: FilterOptions<N>, extras?: NodeExtras): Command<L>;
  filter(raw: RawFilter): Command<L>;
  filter(name: FilterName | RawFilter, options?: object, extras?: NodeExtras): Command<L> {
    const opts = (options ?? {}) as Record<string, unknown>;
    const state = this.#state;
    const label = isRawFilter(name) ? 'raw' : name;
    const shape = isRawFilter(name)
      ? { inputs: [name.media === 'audio' ? 'A' : 'V'] as const, outputs: undefined }
      : padShape(name, opts);
    if (!shape.inputs) {
      throw new BuilderError(
        'no-inputs-to-wire',
        `${label}: its input pads depend on things the builder cannot see; wire it with graph()`,
        label,
      );
    }
    const tails: Partial<Record<Media, StreamSource>> = { ...state.chain.tails };
    const used = { V: [...state.chain.used.V], A: [...state.chain.used.A] };
    const builder = new GraphBuilder(state.graph.nodes, true);
    const inputs = shape.inputs.map((type, i) => {
      const media: Media = type ?? 'V';
      const tail = tails[media];
      if (tail) {
        delete tails[media];
        return new Stream(tail, builder, media === 'V' ? 'video' : 'audio');
      }
      const next = state.inputs.findIndex((_, n) => !used[media].includes(n));
      if (next < 0) {
        throw new BuilderError(
          'no-inputs-to-wire',
          `${label} input #${i} needs a ${media === 'V' ? 'video' : 'audio'} stream, but no chain is open and every input is used; add inputs first or wire it with graph()`,
          label,
          `input #${i}`,
        );
      }
      used[media].push(next);
      return new Stream(
        { kind: 'input', input: next, specifier: media === 'V' ? 'v' : 'a' },
        builder,
        media === 'V' ? 'video' : 'audio',
      );
    });
    const node = isRawFilter(name)
      ? builder.addNode(name, inputs, {}, {})
      : builder.addNode(name, inputs, opts, extras ?? {});
    const added = builder.close();
    const outputs = added[0]?.shape.outputs ?? (isRawFilter(name) ? [shape.inputs[0]] : []);
    outputs.forEach((type, pad) => {
      const media: Media = type ?? 'V';
      if (!tails[media]) tails[media] = { kind: 'pad', node: node.id, pad };
    });
    return Command.#from({
      ...state,
      graph: { ...state.graph, nodes: [...state.graph.nodes, ...added] },
      chain: { tails, used },
    });
  }

  /**
   * Builds filtergraph nodes with explicit pads. The callback receives a {@link GraphBuilder};
   * the record it returns names graph outputs, which outputs then `map` by name.
   *
   * @example
   * new Command()
   *   .input('a.mp4')
   *   .graph((g) => {
   *     const [bg, fg] = g.input(0).video.filter('split').outputs(2);
   *     const small = fg.filter('scale', { w: 'iw/4', h: -1 });
   *     return { v: g.filter('overlay', [bg, small], { x: 8, y: 8 }) };
   *   })
   *   .output('out.mp4', { map: ['v', '0:a?'] });
   * // -filter_complex [0:v]split[v1][v2];[v2]scale=w=iw/4:h=-1[v3];[v1][v3]overlay=x=8:y=8[v]
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a callback that returns nothing names no outputs.
  graph<R extends Readonly<Record<string, Stream>> | undefined | void>(
    build: (g: GraphBuilder) => R,
  ): Command<L | GraphLabels<R>> {
    const state = this.#state;
    const builder = new GraphBuilder(state.graph.nodes, false);
    const result = build(builder);
    const added = builder.close();
    const taken = new Set([
      ...state.graph.named.map((n) => n.label),
      ...state.graph.raw.flatMap((r) => r.labels),
    ]);
    const named = Object.entries(result ?? {}).map(([label, stream]) => {
      checkLabel(label, taken);
      taken.add(label);
      if (!(stream instanceof Stream)) {
        throw new BuilderError('dangling-pad', `graph output '${label}' is not a stream`, undefined, label);
      }
      return { label, source: stream.source };
    });
    return Command.#from({
      ...state,
      graph: {
        ...state.graph,
        nodes: [...state.graph.nodes, ...added],
        named: [...state.graph.named, ...named],
      },
    });
  }

  /**
   * Appends a hand-written piece of `-filter_complex`, untouched, and declares the output labels it
   * defines so outputs can map them (`rawGraph('[0:v]hflip[flipped]', ['flipped'])`).
   */
  rawGraph<const K extends string = never>(text: string, labels: readonly K[] = []): Command<L | K> {
    const state = this.#state;
    const taken = new Set([
      ...state.graph.named.map((n) => n.label),
      ...state.graph.raw.flatMap((r) => r.labels),
    ]);
    for (const label of labels) {
      checkLabel(label, taken);
      taken.add(label);
    }
    return Command.#from({
      ...state,
      graph: { ...state.graph, raw: [...state.graph.raw, { text, labels }] },
    });
  }

  /** Adds an output file. `map` takes the command's graph labels and input stream selectors. */
  output(path: string, options: OutputOptions<L> = {}): Command<L> {
    return Command.#from({ ...this.#state, outputs: [...this.#state.outputs, { path, options }] });
  }

  /**
   * A copy whose inputs are `fn(input, index)`: change an input's path or options and keep the
   * graph and outputs as they are (e.g. add `ss`/`to` to cut one input).
   *
   * @example
   * new Command().input('a.mp4').output('b.mp4')
   *   .mapInputs((input) => ({ ...input, options: { ...input.options, ss: 5 } }))
   *   .toArgs(); // ['-ss', '5', '-i', 'a.mp4', 'b.mp4']
   */
  mapInputs(fn: (input: InputEntry, index: number) => InputEntry): Command<L> {
    const inputs = this.#state.inputs.map((input, i) => asWritten(input, fn(input, i)));
    return Command.#from({ ...this.#state, inputs });
  }

  /**
   * A copy whose outputs are `fn(output, index)`: retarget an output or change its options and
   * keep the inputs and graph as they are.
   *
   * @example
   * new Command().input('a.mp4').output('b.mp4', { 'c:v': 'libx264' })
   *   .mapOutputs((output) => ({ path: 'c.mkv', options: { ...output.options, an: true } }))
   *   .toArgs(); // ['-i', 'a.mp4', '-c:v', 'libx264', '-an', 'c.mkv']
   */
  mapOutputs(fn: (output: OutputEntry, index: number) => OutputEntry): Command<L> {
    const outputs = this.#state.outputs.map((output, i) => asWritten(output, fn(output, i)));
    return Command.#from({ ...this.#state, outputs });
  }

  /** The inputs, in order. */
  get inputs(): readonly InputEntry[] {
    return this.#state.inputs;
  }

  /** The outputs, in order. */
  get outputs(): readonly OutputEntry[] {
    return this.#state.outputs;
  }

  /** The global options. */
  get globals(): GlobalOptions {
    return this.#state.globals;
  }

  /**
   * The length in seconds the command will write, when its options say so.
   *
   * @deprecated The same answer as {@link Command.expectedDuration} without probed lengths, which
   * also traces the filtergraph; kept for callers of the first round.
   */
  durationSeconds(): number | undefined {
    return this.expectedDuration();
  }

  /**
   * The length in seconds the first output will have, as far as the command tells: its `-t` or
   * `-to`, else its streams traced through the filtergraph (`trim`/`atrim`, `setpts`, `atempo`,
   * `concat`, `xfade`, `overlay`, `amix`, lavfi sources' durations) back to the inputs' `-t`/`-to`
   * or `inputDurations` (probed lengths, by input index). `undefined` when unknown or endless.
   * A `-filter_complex` pad without a label takes the first unused stream of its medium, as in
   * FFmpeg, where `inputStreams` says how many each input has (probed, by input index).
   * `runCommand` uses it for progress percentages.
   *
   * @example
   * new Command().input('a.mp4').input('b.mp4')
   *   .filter('xfade', { offset: 4, duration: 1 }).output('o.mp4')
   *   .expectedDuration([5, 6]); // => 10 (xfade ends at offset + the second clip)
   * Command.parse('-i clip.mp4 -i logo.png -filter_complex overlay=10:10 out.mp4')
   *   .expectedDuration([5, 0.04], [{ video: 1, audio: 1 }, { video: 1, audio: 0 }]); // => 5
   */
  expectedDuration(
    inputDurations: readonly (number | undefined)[] = [],
    inputStreams: readonly (StreamCounts | undefined)[] = [],
  ): number | undefined {
    return expectedDuration(this.toArgs(), inputDurations, inputStreams);
  }

  /**
   * Compiles to FFmpeg's argv (without the program name). Pure and deterministic; validates the
   * graph and throws a {@link BuilderError} naming the node and pad at fault.
   */
  toArgs(): string[] {
    const { globals, inputs, graph, outputs } = this.#state;
    const args: string[] = renderOptions(
      globals as Record<string, unknown>,
      GLOBAL_KEYS,
      GLOBAL_FLAGS,
      'global options',
    );
    if (globals.stats !== undefined) args.push(globals.stats ? '-stats' : '-nostats');
    args.push(...(globals.raw ?? []));
    for (const [i, input] of inputs.entries()) {
      if (input.layout) {
        args.push(...input.layout.flatMap((u) => (u.kind === 'tokens' ? u.tokens : [])), '-i', input.path);
        continue;
      }
      args.push(
        ...renderOptions(input.options as Record<string, unknown>, INPUT_KEYS, INPUT_FLAGS, `input #${i}`),
      );
      args.push(
        ...renderPrivate(input.options.privateOptions),
        ...(input.options.raw ?? []),
        '-i',
        input.path,
      );
    }
    const mappedLabels: { label: string; output: number }[] = [];
    outputs.forEach((out, o) => {
      for (const entry of out.options.map ?? []) {
        const input = selectorInput(entry);
        if (input === undefined) mappedLabels.push({ label: entry, output: o });
        else if (input >= inputs.length) {
          throw new BuilderError(
            'missing-input',
            `output #${o} maps '${entry}', but the command has ${inputs.length} input(s)`,
            undefined,
            entry,
          );
        }
      }
    });
    const compiled = compileGraph(graph, {
      inputCount: inputs.length,
      outputCount: outputs.length,
      mappedLabels,
    });
    if (compiled.kind === 'complex' && compiled.text !== '') args.push('-filter_complex', compiled.text);
    for (const own of graph.raw) if (own.own !== undefined) args.push(own.own, own.text);
    const mapArg = (entry: string) => ['-map', selectorInput(entry) === undefined ? `[${entry}]` : entry];
    for (const [n, out] of outputs.entries()) {
      const o = out.options;
      const simple = compiled.kind === 'simple' ? compiled : undefined;
      const filterArgs = (media: 'v' | 'a') => {
        const text = media === 'v' ? simple?.vf : simple?.af;
        return text ? [media === 'v' ? '-vf' : '-af', text] : [];
      };
      if (out.layout) {
        const placed = new Set(out.layout.flatMap((u) => (u.kind === 'filter' ? [u.media] : [])));
        args.push(...(['v', 'a'] as const).filter((m) => !placed.has(m)).flatMap(filterArgs));
        for (const unit of out.layout) {
          if (unit.kind === 'tokens') args.push(...unit.tokens);
          else if (unit.kind === 'map') args.push(...mapArg(o.map?.[unit.index] ?? ''));
          else args.push(...filterArgs(unit.media));
        }
        args.push(out.path);
        continue;
      }
      for (const entry of o.map ?? []) args.push(...mapArg(entry));
      args.push(...filterArgs('v'), ...filterArgs('a'));
      args.push(...renderOptions(o as Record<string, unknown>, OUTPUT_KEYS, OUTPUT_FLAGS, `output #${n}`));
      args.push(
        ...renderMetadata(o.metadata, o.streamMetadata),
        ...renderPrivate(o.privateOptions),
        ...(o.raw ?? []),
        out.path,
      );
    }
    return args;
  }

  /**
   * The command as a plain outline for logs: inputs with their options, every filtergraph one
   * filter a line with what feeds it and its options, outputs with what they map. It is read
   * back from the compiled argv, so it shows what FFmpeg will see (generated labels included).
   *
   * @example
   * new Command().input('in.mp4').filter('scale', { w: 320, h: -2 }).output('out.mp4', { crf: 23 }).toOutline();
   * // inputs:
   * //   #0 in.mp4
   * // output #0 vf:
   * //   scale#1 <- [in] : w=320 h=-2 -> [output #0]
   * // outputs:
   * //   #0 out.mp4 (crf=23)
   */
  toOutline(): string {
    return outline(this.toArgs());
  }

  /**
   * The filtergraph as a Mermaid flowchart (paste it into any Mermaid viewer, or a Markdown
   * code block marked `mermaid`): inputs, one box per filter with its options, outputs, and edges labelled
   * with stream specifiers and link labels.
   *
   * @example
   * new Command().input('a.mp4').input('logo.png')
   *   .graph((g) => ({ v: g.filter('overlay', [g.input(0).video, g.input(1).video], { x: 10, y: 10 }) }))
   *   .output('out.mp4', { map: ['v'] })
   *   .toMermaid();
   * // flowchart LR
   * //   in0[/"#0 a.mp4"/]
   * //   in1[/"#1 logo.png"/]
   * //   subgraph g0["filter_complex"]
   * //     g0n0["overlay<br/>x=10 y=10"]
   * //   end
   * //   in0 -->|"0:v"| g0n0
   * //   in1 -->|"1:v"| g0n0
   * //   g0n0 -->|"v"| out0
   * //   out0[\"#0 out.mp4"\]
   */
  toMermaid(): string {
    return mermaid(this.toArgs());
  }

  /** The command as one POSIX shell line (`ffmpeg ...`), quoted for copy and paste. */
  toString(): string {
    return ['ffmpeg', ...this.toArgs()].map(quoteShellArg).join(' ');
  }
}

function checkLabel(label: string, taken: ReadonlySet<string>): void {
  if (!isValidLabel(label) || /^\d/.test(label)) {
    throw new BuilderError(
      'invalid-label',
      `graph label '${label}' must be letters, digits, '_', '.', '-' and not start with a digit`,
      undefined,
      label,
    );
  }
  if (taken.has(label)) {
    throw new BuilderError('invalid-label', `graph label '${label}' is defined twice`, undefined, label);
  }
}
