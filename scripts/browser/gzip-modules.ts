/**
 * The browser's copies of the core modules: a browser's DecompressionStream has gzip but not
 * brotli, so each committed `wasm/<variant>/*.wasm.br` gets a `*.wasm.gz` beside it (generated,
 * never committed: .gitignore). The brotli file is checked against its provenance sha256 and the
 * module it decompresses to against `moduleSha256` first; the browser checks the module again.
 *
 *   npm run build:browser-wasm            # every variant present
 *   npm run build:browser-wasm -- gpl     # one
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, constants, gzipSync } from 'node:zlib';

const wasm = fileURLToPath(new URL('../../../wasm/', import.meta.url));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface FileEntry {
  name: string;
  sha256: string;
  module?: string;
  moduleSha256?: string;
}

const asked = process.argv.slice(2);
const variants = (asked.length > 0 ? asked : ['gpl', 'lgpl', 'lean']).filter((v) =>
  existsSync(join(wasm, v, 'PROVENANCE.json')),
);
for (const variant of variants) {
  const dir = join(wasm, variant);
  const { files } = JSON.parse(readFileSync(join(dir, 'PROVENANCE.json'), 'utf8')) as { files: FileEntry[] };
  for (const f of files.filter((e) => e.module !== undefined && e.name.endsWith('.br'))) {
    const out = join(dir, `${f.module}.gz`);
    const from = join(dir, f.name);
    if (existsSync(out) && statSync(out).mtimeMs >= statSync(from).mtimeMs) continue;
    const stored = readFileSync(from);
    if (sha256(stored) !== f.sha256) throw new Error(`${from} does not match its provenance`);
    const module = brotliDecompressSync(stored);
    if (sha256(module) !== f.moduleSha256) throw new Error(`${from} decompresses to the wrong module`);
    const gz = gzipSync(module, { level: constants.Z_BEST_COMPRESSION });
    writeFileSync(out, gz);
    console.log(
      `${variant}/${f.module}.gz: ${gz.length} bytes (brotli ${stored.length}, module ${module.length})`,
    );
  }
}
