/**
 * Generates `src/builder/filters.generated.ts`, the typed filter map, from FFmpeg's own help text.
 *
 * The map is the union of every committed variant's filters, each documented with the variants
 * that carry it (read from `wasm/<variant>/PROVENANCE.json`'s `components.filters`, which the
 * build asked of the binary itself). A filter's help comes from the first variant that has it,
 * in the order gpl, lgpl, lean. `npm run gen:filters` runs the engine over the committed builds;
 * `--native` uses a host `ffmpeg` instead (no variants), only for developing this parser.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createEngine, type Engine, type VariantName, Volume } from 'afmpeg';

/** Runs FFmpeg with `args` and resolves to its standard output as text. */
export type FfmpegTextRunner = (args: readonly string[]) => Promise<string>;

export interface ParsedConstant {
  readonly name: string;
  readonly help: string;
}

export interface ParsedOption {
  readonly name: string;
  readonly type: string;
  readonly help: string;
  readonly deprecated: boolean;
  readonly constants: readonly ParsedConstant[];
}

export interface ParsedFilter {
  readonly name: string;
  readonly description: string;
  readonly inputs: string;
  readonly outputs: string;
  readonly timeline: boolean;
  readonly inputPads: readonly string[];
  readonly outputPads: readonly string[];
  readonly options: readonly ParsedOption[];
  /** The variants that carry it (empty for a native host ffmpeg). */
  readonly variants: readonly string[];
}

const LIST_LINE = /^ ([T.])([S.])([C.]) (\S+)\s+(\S+)->(\S+)\s+(.*)$/;
const OPTION_LINE = /^ {2,3}-?(\S+)\s+<([\w-]+)>\s+([.A-Z]{11})\s?(.*)$/;
const CONSTANT_LINE = /^ {4,}(\S+)\s+(?:\S+\s+)?([.A-Z]{11})\s?(.*)$/;
const PAD_LINE = /^\s+#\d+: (\S+) \((\w+)\)$/;

/** Parses `ffmpeg -filters` into name, pad signature and description. */
export function parseFilterList(text: string): { name: string; inputs: string; outputs: string }[] {
  const out: { name: string; inputs: string; outputs: string }[] = [];
  for (const line of text.split('\n')) {
    const m = LIST_LINE.exec(line);
    if (m) out.push({ name: m[4] as string, inputs: m[5] as string, outputs: m[6] as string });
  }
  return out;
}

/** Parses `ffmpeg -h filter=NAME`. */
export function parseFilterHelp(
  name: string,
  signature: { inputs: string; outputs: string },
  text: string,
  variants: readonly string[] = [],
) {
  const lines = text.split('\n');
  let description = '';
  const inputPads: string[] = [];
  const outputPads: string[] = [];
  const options: ParsedOption[] = [];
  const seen = new Set<string>();
  let section: 'head' | 'inputs' | 'outputs' | 'options' = 'head';
  let current:
    | { name: string; type: string; help: string; deprecated: boolean; constants: ParsedConstant[] }
    | undefined;
  let timeline = false;
  for (const [i, line] of lines.entries()) {
    if (i === 1) description = line.trim();
    if (/^ {4}Inputs:$/.test(line)) section = 'inputs';
    else if (/^ {4}Outputs:$/.test(line)) section = 'outputs';
    else if (/AVOptions:$/.test(line)) section = 'options';
    else if (line.includes("support for timeline through the 'enable' option")) timeline = true;
    else if (section === 'inputs' || section === 'outputs') {
      const m = PAD_LINE.exec(line);
      if (m) (section === 'inputs' ? inputPads : outputPads).push(`${m[1]} (${m[2]})`);
    } else if (section === 'options') {
      const opt = OPTION_LINE.exec(line);
      if (opt) {
        const flags = opt[3] as string;
        current = undefined;
        const optName = opt[1] as string;
        // A readonly option cannot be set; a repeated one (a shared framesync class) is listed once.
        if (flags.includes('R') || seen.has(optName)) continue;
        seen.add(optName);
        current = {
          name: optName,
          type: opt[2] as string,
          help: (opt[4] ?? '').trim(),
          deprecated: flags.includes('P'),
          constants: [],
        };
        options.push(current);
        continue;
      }
      const c = CONSTANT_LINE.exec(line);
      if (c && current) current.constants.push({ name: c[1] as string, help: (c[3] ?? '').trim() });
    }
  }
  return {
    name,
    description,
    inputs: signature.inputs,
    outputs: signature.outputs,
    timeline,
    inputPads,
    outputPads,
    options,
    variants,
  } satisfies ParsedFilter;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
const key = (name: string) => (IDENT.test(name) ? name : JSON.stringify(name));
const literal = (names: readonly ParsedConstant[]) => [...new Set(names.map((c) => JSON.stringify(c.name)))];
const doc = (text: string) => text.replaceAll('*/', '*\\/');

function tsType(opt: ParsedOption): string {
  const consts = literal(opt.constants);
  switch (opt.type) {
    case 'int':
    case 'int64':
    case 'uint64':
    case 'float':
    case 'double':
      return [...consts, 'number'].join(' | ');
    case 'boolean':
      return 'boolean';
    case 'flags':
      return consts.length > 0 ? `FlagsValue<${consts.join(' | ')}>` : 'number | string';
    case 'duration':
      return 'DurationValue';
    case 'rational':
    case 'video_rate':
      return [...consts, 'RationalValue'].join(' | ');
    case 'string':
      // FFmpeg reads many "string" options as numbers or expressions (scale's w, fps's fps).
      return consts.length > 0 ? [...consts, 'OpenString', 'number'].join(' | ') : 'string | number';
    default:
      // color, image_size, pix_fmt, sample_fmt, channel_layout, dictionary, binary: text forms.
      return consts.length > 0 ? [...consts, 'OpenString'].join(' | ') : 'string';
  }
}

/** Renders the generated module from parsed filters. Pure; the same input gives the same bytes. */
export function renderFiltersModule(filters: readonly ParsedFilter[], source: string): string {
  const sorted = [...filters].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const digest = filtersDigest(sorted);
  const out: string[] = [];
  out.push("// Generated by scripts/gen-filters.ts (`npm run gen:filters`) from FFmpeg's own help text.");
  out.push('// Do not edit by hand.');
  out.push(`// Source: ${source}`);
  out.push("import type { DurationValue, FlagsValue, OpenString, RationalValue } from './filter-value.js';");
  out.push('');
  out.push('/** Where this map came from, and a digest of everything it was generated from. */');
  out.push(
    `export const filtersSource = ${JSON.stringify({ source, filters: sorted.length, digest })} as const;`,
  );
  out.push('');
  out.push(
    '/** Every filter of the builds, by name, with its options as FFmpeg documents them and the variants that carry it. */',
  );
  out.push('export interface FilterOptionsMap {');
  for (const f of sorted) {
    const pads = `Inputs: ${f.inputPads.join(', ') || (f.inputs === 'N' ? 'dynamic' : 'none')}. Outputs: ${f.outputPads.join(', ') || (f.outputs === 'N' ? 'dynamic' : 'none')}.`;
    const carried = f.variants.length > 0 ? ` Variants: ${f.variants.join(', ')}.` : '';
    out.push(`  /** ${doc(f.description)} ${pads}${carried} */`);
    if (f.options.length === 0 && !f.timeline) {
      // No options: an object literal with any key is then a type error.
      out.push(`  ${key(f.name)}: Record<string, never>;`);
      continue;
    }
    out.push(`  ${key(f.name)}: {`);
    for (const o of f.options) {
      const constHelp = o.constants.map((c) => `\`${c.name}\`${c.help ? ` (${c.help})` : ''}`).join(', ');
      const lines = [`${o.help || o.name} <${o.type}>`];
      if (constHelp) lines.push(`Values: ${constHelp}`);
      if (o.deprecated) lines.push('@deprecated');
      out.push(`    /** ${doc(lines.join('\n     * '))} */`);
      out.push(`    ${key(o.name)}?: ${tsType(o)};`);
    }
    if (f.timeline) {
      out.push('    /** Timeline: an expression; the filter applies only where it is non-zero. */');
      out.push('    enable?: string;');
    }
    out.push('  };');
  }
  out.push('}');
  out.push('');
  out.push('/**');
  out.push(' * Pad signature of every filter, as `-filters` prints it: one letter per pad (`V` video,');
  out.push(' * `A` audio), `N` when the count depends on the options, empty for none.');
  out.push(" * Kept literal (`as const`) so the builder derives each pad's media type at the type level.");
  out.push(' */');
  out.push('export const filterPads = {');
  for (const f of sorted) {
    const side = (s: string) => JSON.stringify(s === '|' ? '' : s);
    out.push(`  ${key(f.name)}: [${side(f.inputs)}, ${side(f.outputs)}],`);
  }
  out.push('} as const satisfies { readonly [N in keyof FilterOptionsMap]: readonly [string, string] };');
  out.push('');
  return out.join('\n');
}

/**
 * Runs `-filters` and `-h filter=NAME` through `runner` (two at a time) for every filter it lists,
 * or only those in `only`; each is recorded as carried by `variants`.
 */
export async function collectFilters(
  runner: FfmpegTextRunner,
  only?: ReadonlySet<string>,
  variantsOf: (name: string) => readonly string[] = () => [],
): Promise<ParsedFilter[]> {
  const listed = parseFilterList(await runner(['-hide_banner', '-filters']));
  if (listed.length === 0) throw new Error('`ffmpeg -filters` listed no filters');
  const list = only ? listed.filter((f) => only.has(f.name)) : listed;
  const filters: ParsedFilter[] = new Array(list.length);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const i = next++;
      const entry = list[i] as (typeof list)[number];
      const help = await runner(['-hide_banner', '-h', `filter=${entry.name}`]);
      filters[i] = parseFilterHelp(entry.name, entry, help, variantsOf(entry.name));
    }
  };
  await Promise.all([worker(), worker()]);
  return filters;
}

/** One variant to generate from: its name, its filters (from its provenance), how to run it. */
export interface VariantFilters {
  readonly variant: string;
  readonly filters: readonly string[];
  readonly runner: FfmpegTextRunner;
}

/**
 * The union of the variants' filters: each filter's help from the first variant that carries it
 * (a later variant is run only for the filters no earlier one has), with every variant that does.
 */
export async function collectVariantFilters(variants: readonly VariantFilters[]): Promise<ParsedFilter[]> {
  const variantsOf = (name: string) => variants.filter((v) => v.filters.includes(name)).map((v) => v.variant);
  const done = new Set<string>();
  const out: ParsedFilter[] = [];
  for (const v of variants) {
    const todo = new Set(v.filters.filter((name) => !done.has(name)));
    if (todo.size === 0) continue;
    const got = await collectFilters(v.runner, todo, variantsOf);
    if (got.length !== todo.size) {
      throw new Error(
        `${v.variant}: its provenance lists ${todo.size} filters its -filters does not all show`,
      );
    }
    for (const f of got) done.add(f.name);
    out.push(...got);
  }
  return out;
}

/** The committed variants' filter lists and provenance hashes, as the generated file records them. */
export function committedVariants(root = '.'): { variant: VariantName; filters: string[]; source: string }[] {
  return (['gpl', 'lgpl', 'lean'] as const).flatMap((variant) => {
    const file = `${root}/wasm/${variant}/PROVENANCE.json`;
    if (!existsSync(file)) return [];
    const bytes = readFileSync(file);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const filters = (JSON.parse(bytes.toString('utf8')) as { components: { filters: string[] } }).components
      .filters;
    return [{ variant, filters, source: `wasm/${variant} (PROVENANCE.json sha256 ${sha})` }];
  });
}

/** The digest `renderFiltersModule` records for these filters (what the staleness test compares). */
export function filtersDigest(filters: readonly ParsedFilter[]): string {
  const sorted = [...filters].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

/** A runner over the afmpeg engine: FFmpeg's stdout of each run, as text. */
export function engineRunner(engine: Engine): FfmpegTextRunner {
  const vol = new Volume();
  return async (args) => new TextDecoder().decode((await engine.run(vol, args)).stdout);
}

async function nativeRunner(args: readonly string[]): Promise<string> {
  const r = spawnSync('ffmpeg', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`ffmpeg ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** The committed file is kept in the repository's format (biome), so diffs stay readable. */
function formatGenerated(file: string): void {
  const r = spawnSync('node_modules/.bin/biome', ['format', '--write', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`biome format ${file} failed: ${r.stderr}`);
}

async function main(argv: readonly string[]): Promise<void> {
  const outFile = 'src/builder/filters.generated.ts';
  if (argv.includes('--native')) {
    const text = renderFiltersModule(
      await collectFilters(nativeRunner),
      'native host ffmpeg (development only)',
    );
    writeFileSync(outFile, text);
    formatGenerated(outFile);
    return;
  }
  const committed = committedVariants();
  const engines = committed.map(({ variant }) => createEngine({ variant, concurrency: 2 }));
  try {
    const filters = await collectVariantFilters(
      committed.map((c, i) => ({
        variant: c.variant,
        filters: c.filters,
        runner: engineRunner(engines[i] as Engine),
      })),
    );
    writeFileSync(outFile, renderFiltersModule(filters, committed.map((c) => c.source).join(', ')));
    formatGenerated(outFile);
  } finally {
    await Promise.all(engines.map((e) => e.close()));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
