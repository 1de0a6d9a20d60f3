import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

interface ProvenanceFile {
  sha256?: string;
  sha256_br?: string;
  brSha256?: string;
  [key: string]: unknown;
}

/** Per-file hashes from a build's PROVENANCE.json, whatever exact shape the build gave them. */
function pinnedHashes(provenance: unknown): Map<string, Set<string>> {
  const pins = new Map<string, Set<string>>();
  const visit = (v: unknown, name?: string) => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (typeof v === 'object' && v !== null) {
      const rec = v as ProvenanceFile;
      const file = typeof rec.file === 'string' ? rec.file : typeof rec.name === 'string' ? rec.name : name;
      for (const [k, x] of Object.entries(rec)) {
        if (typeof x === 'string' && /sha256/i.test(k) && /^[0-9a-f]{64}$/.test(x) && file) {
          const set = pins.get(file) ?? new Set();
          set.add(x);
          pins.set(file, set);
        } else visit(x, k);
      }
    }
  };
  visit(provenance);
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
  return { glueUrl: pathToFileURL(gluePath).href, modules };
}

function verifier(dir: string, variant: VerifiedVariant): (file: string, bytes: Uint8Array) => void {
  const provenanceBytes = readFileSync(join(dir, 'PROVENANCE.json'));
  const actual = sha256(provenanceBytes);
  if (actual !== variant.sha256.toLowerCase()) {
    throw new BuildIntegrityError(`PROVENANCE.json in ${dir} has sha256 ${actual}, pinned ${variant.sha256}`);
  }
  const pins = pinnedHashes(JSON.parse(provenanceBytes.toString('utf8')));
  return (file, bytes) => {
    const expected = pins.get(file) ?? pins.get(file.replace(/\.br$/, ''));
    const got = sha256(bytes);
    if (!expected?.has(got)) {
      throw new BuildIntegrityError(`${file} in ${dir} (sha256 ${got}) does not match its provenance`);
    }
  };
}
