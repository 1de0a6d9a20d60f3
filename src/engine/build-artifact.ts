import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { BuildIntegrityError } from './errors.js';
import type { VariantName, VerifiedVariant } from './types.js';
import type { WorkerSetup } from './worker-protocol.js';

/** The committed builds, `wasm/<variant>/`, beside `dist/` in the package. */
export const wasmRoot = fileURLToPath(new URL('../../wasm/', import.meta.url));

export function variantDir(variant: VariantName | VerifiedVariant): string {
  return typeof variant === 'string' ? join(wasmRoot, variant) : variant.path;
}

/** The variants present in this package (a build may ship only some). */
export function availableVariants(): VariantName[] {
  return (['gpl', 'lgpl', 'lean'] as const).filter((v) => existsSync(join(wasmRoot, v, 'afmpeg.js')));
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

/**
 * Reads a build's core modules (`*.wasm.br`, or plain `*.wasm` in a dev tree), decompresses and
 * compiles them once. For a `VerifiedVariant` the provenance must match the pinned sha256 and every
 * file its recorded hash, before anything is compiled or imported.
 */
export async function loadBuild(variant: VariantName | VerifiedVariant): Promise<WorkerSetup> {
  const dir = variantDir(variant);
  const gluePath = join(dir, 'afmpeg.js');
  if (!existsSync(gluePath)) {
    throw new BuildIntegrityError(
      `no FFmpeg build at ${dir} (variant ${typeof variant === 'string' ? variant : variant.path}); ` +
        `available here: ${availableVariants().join(', ') || 'none'}`,
    );
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.wasm.br') || f.endsWith('.wasm'));
  const verify = typeof variant === 'string' ? undefined : verifier(dir, variant);
  verify?.('afmpeg.js', readFileSync(gluePath));
  const modules: Record<string, WebAssembly.Module> = {};
  await Promise.all(
    files
      .filter((f) => f.endsWith('.br') || !files.includes(`${f}.br`))
      .map(async (file) => {
        const stored = readFileSync(join(dir, file));
        verify?.(file, stored);
        const bytes = file.endsWith('.br') ? brotliDecompressSync(stored) : stored;
        modules[file.replace(/\.br$/, '')] = await WebAssembly.compile(bytes);
      }),
  );
  return { glueUrl: glueModuleUrl(readFileSync(gluePath, 'utf8')), modules };
}

/**
 * jco's glue asks `process.env.JCO_DEBUG` and builds a log record on every host call, even when not
 * logging. Deciding once per instantiation cuts ~10 % of CPU from an I/O-bound run (measured: a
 * 57.6 MB WAV remux, 1281 -> 1142 ms). The glue is then loaded from memory, as verified.
 */
const perCallDebugLog = `  const _debugLog = (...args) => {
    if (!globalThis?.process?.env?.JCO_DEBUG) { return; }
    console.debug(...args);
  };`;
const onceDebugLog = `  const _debugLog = globalThis?.process?.env?.JCO_DEBUG ? (...args) => console.debug(...args) : () => {};`;

function glueModuleUrl(source: string): string {
  const patched = source.replace(perCallDebugLog, onceDebugLog);
  return `data:text/javascript;base64,${Buffer.from(patched).toString('base64')}`;
}

function verifier(dir: string, variant: VerifiedVariant): (file: string, bytes: Uint8Array) => void {
  const provenanceBytes = readFileSync(join(dir, 'PROVENANCE.json'));
  const actual = sha256(provenanceBytes);
  if (actual !== variant.sha256.toLowerCase()) {
    throw new BuildIntegrityError(`PROVENANCE.json in ${dir} has sha256 ${actual}, pinned ${variant.sha256}`);
  }
  const pins = pinnedHashes(JSON.parse(provenanceBytes.toString('utf8')) as ProvenanceFiles);
  return (file, bytes) => {
    const got = sha256(bytes);
    if (pins.get(file) !== got) {
      throw new BuildIntegrityError(`${file} in ${dir} (sha256 ${got}) does not match its provenance`);
    }
  };
}
