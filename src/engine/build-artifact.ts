import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { BuildIntegrityError } from './errors.js';
import { MemoryCappedModules } from './memory-capped-modules.js';
import type { VariantName, VerifiedVariant } from './types.js';
import type { WorkerSetup } from './worker-protocol.js';

/** The committed builds, `wasm/<variant>/`, beside `dist/` in the package. */
export const wasmRoot = fileURLToPath(new URL('../../wasm/', import.meta.url));

/** The variants present in this package (a build may ship only some). */
export function availableVariants(): VariantName[] {
  return (['gpl', 'lgpl', 'lean'] as const).filter((v) => existsSync(join(wasmRoot, v, 'PROVENANCE.json')));
}

/** Throws the error a variant this package does not ship gets, naming the ones it does. */
export function assertAvailable(variant: VariantName): void {
  if (!availableVariants().includes(variant)) {
    throw new BuildIntegrityError(
      `no FFmpeg build for variant ${variant} in this package; available here: ${availableVariants().join(', ') || 'none'}`,
    );
  }
}

/**
 * A committed variant's files: its own directory, except the glue, which variants with the same
 * component imports share, stored by content as `wasm/glue/afmpeg-<sha256 prefix>.js` (see
 * build/steps/install.sh). The variant's provenance names it by its sha256.
 */
function committedSource(variant: VariantName, glueSha256: string | undefined): BuildSource {
  const dir = join(wasmRoot, variant);
  const glue = join(wasmRoot, 'glue', `afmpeg-${(glueSha256 ?? '').slice(0, 16)}.js`);
  return {
    describe: dir,
    read: async (name) => readFileSync(name === 'afmpeg.js' ? glue : join(dir, name)),
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** `PROVENANCE.json`'s `files`: the sha256 of every file the build wrote beside it. */
interface ProvenanceFiles {
  files?: Array<{ name?: unknown; sha256?: unknown }>;
}

function pinnedHashes(provenance: ProvenanceFiles): Map<string, string> {
  const pins = new Map<string, string>();
  for (const f of provenance.files ?? []) {
    if (typeof f.name === 'string' && typeof f.sha256 === 'string') pins.set(f.name, f.sha256.toLowerCase());
  }
  return pins;
}

/** Where a build's files come from: a directory, or a base URL fetched over http(s). */
export interface BuildSource {
  describe: string;
  read(name: string): Promise<Uint8Array>;
}

function directorySource(dir: string): BuildSource {
  return { describe: dir, read: async (name) => readFileSync(join(dir, name)) };
}

function urlSource(base: URL): BuildSource {
  const root = base.href.endsWith('/') ? base : new URL(`${base.href}/`);
  return {
    describe: root.href,
    async read(name) {
      const response = await fetch(new URL(name, root));
      if (!response.ok) throw new BuildIntegrityError(`${name} from ${root.href}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

function sourceOf(variant: VerifiedVariant): BuildSource {
  const where = variant.url ?? variant.path;
  if (where === undefined) throw new BuildIntegrityError('a verified variant needs a path or a url');
  const url =
    where instanceof URL ? where : /^[a-z][a-z0-9+.-]*:\/\//i.test(where) ? new URL(where) : undefined;
  if (url === undefined) return directorySource(where as string);
  if (url.protocol === 'file:') return directorySource(fileURLToPath(url));
  if (url.protocol === 'http:' || url.protocol === 'https:') return urlSource(url);
  throw new BuildIntegrityError(`cannot load a build from ${url.protocol} URLs`);
}

const isModuleFile = (name: string) => name.endsWith('.wasm.br') || name.endsWith('.wasm');

/** A loaded build: what workers are born with, and the module a memory limit recompiles. */
export interface LoadedBuild {
  setup: WorkerSetup;
  memoryCapped: MemoryCappedModules | undefined;
}

/**
 * A build's `PROVENANCE.json` and where the rest of its files come from. A `VerifiedVariant`'s
 * provenance must have the pinned sha256 (R-AF-14); a committed variant's is the package's own.
 */
export async function openBuild(
  variant: VariantName | VerifiedVariant,
): Promise<{ source: BuildSource; provenanceBytes: Uint8Array }> {
  if (typeof variant === 'string') {
    assertAvailable(variant);
    const provenanceBytes = readFileSync(join(wasmRoot, variant, 'PROVENANCE.json'));
    const glue = pinnedHashes(JSON.parse(new TextDecoder().decode(provenanceBytes)) as ProvenanceFiles);
    return { source: committedSource(variant, glue.get('afmpeg.js')), provenanceBytes };
  }
  const source = sourceOf(variant);
  const provenanceBytes = await source.read('PROVENANCE.json').catch((err: unknown) => {
    throw err instanceof BuildIntegrityError
      ? err
      : new BuildIntegrityError(`no PROVENANCE.json at ${source.describe}`, { cause: err });
  });
  const actual = sha256(provenanceBytes);
  if (actual !== variant.sha256.toLowerCase()) {
    throw new BuildIntegrityError(
      `PROVENANCE.json at ${source.describe} has sha256 ${actual}, pinned ${variant.sha256}`,
    );
  }
  return { source, provenanceBytes };
}

/**
 * Reads a build's core modules (`*.wasm.br`, or plain `*.wasm` in a dev tree), decompresses and
 * compiles them once. A `VerifiedVariant` (R-AF-14) is checked first: its `PROVENANCE.json` must
 * have the pinned sha256, and every file it uses the sha256 recorded there; each file is read
 * once, so what was checked is what runs.
 */
export async function loadBuild(variant: VariantName | VerifiedVariant): Promise<LoadedBuild> {
  const { source, provenanceBytes } = await openBuild(variant);
  // Every file is checked against the build's own provenance, committed builds included: a glue
  // or module from another build fails here instead of misrunning.
  const pins = pinnedHashes(JSON.parse(new TextDecoder().decode(provenanceBytes)) as ProvenanceFiles);
  const files = [...pins.keys()].filter(isModuleFile);
  const check = (name: string, bytes: Uint8Array) => {
    const got = sha256(bytes);
    if (pins.get(name) !== got) {
      throw new BuildIntegrityError(
        `${name} at ${source.describe} (sha256 ${got}) does not match its provenance`,
      );
    }
  };
  // A self-contained build holds its glue; a copy of the package's wasm/ directory keeps it,
  // shared by content, in ../glue/ (build/steps/install.sh), named by the sha256 pinned here.
  const glue = await source
    .read('afmpeg.js')
    .catch(() => source.read(`../glue/afmpeg-${(pins.get('afmpeg.js') ?? '').slice(0, 16)}.js`));
  check('afmpeg.js', glue);
  const modules: Record<string, WebAssembly.Module> = {};
  let memoryCapped: MemoryCappedModules | undefined;
  await Promise.all(
    files
      .filter((f) => f.endsWith('.br') || !files.includes(`${f}.br`))
      .map(async (file) => {
        const stored = await source.read(file);
        check(file, stored);
        const bytes = file.endsWith('.br') ? brotliDecompressSync(stored) : stored;
        const name = file.replace(/\.br$/, '');
        const module = await WebAssembly.compile(bytes);
        modules[name] = module;
        if (WebAssembly.Module.exports(module).some((e) => e.kind === 'memory')) {
          memoryCapped = new MemoryCappedModules(name, bytes);
        }
      }),
  );
  return { setup: { glueUrl: glueModuleUrl(new TextDecoder().decode(glue)), modules }, memoryCapped };
}

/** The glue is loaded from memory, exactly the bytes that were checked. */
function glueModuleUrl(source: string): string {
  return `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`;
}
