import { brotliDecompressSync } from 'node:zlib';
import type { BuildSource, CoreModule, ProvenanceFile } from '../../engine/build-source.js';

/** Checks `bytes` against the sha256 the provenance pins for `name`; throws `BuildIntegrityError`. */
export type VerifyFile = (name: string, bytes: Uint8Array, pinned: string | undefined) => Promise<void>;

/**
 * Reads a core module as the build stored it (`*.wasm.br`, or plain `*.wasm` in a dev tree),
 * checks the stored bytes against the provenance, decompresses and compiles them: what was
 * checked is what runs.
 */
export async function loadCoreModule(
  source: BuildSource,
  file: ProvenanceFile,
  verify: VerifyFile,
): Promise<CoreModule> {
  const stored = await source.read(file.name);
  await verify(file.name, stored, file.sha256);
  const bytes = file.name.endsWith('.br') ? brotliDecompressSync(stored) : stored;
  const name = file.name.replace(/\.br$/, '');
  return { name, module: await WebAssembly.compile(bytes), bytes };
}
