// Brotli-compresses every core module jco emitted (<name>.wasm -> <name>.wasm.br) with fixed
// parameters, so the same module always gives the same bytes. Usage: node compress.mjs <dir>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node compress.mjs <dir>');
for (const name of readdirSync(dir).sort()) {
  if (!name.endsWith('.wasm')) continue;
  const raw = readFileSync(join(dir, name));
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  writeFileSync(join(dir, `${name}.br`), br);
  console.error(`${name}: ${raw.length} bytes -> ${name}.br ${br.length} bytes`);
}
