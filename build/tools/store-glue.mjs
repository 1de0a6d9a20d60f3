// Stores a build's glue as wasm/glue/afmpeg-<first 16 hex of its sha256>.js and removes glue
// files that no variant's PROVENANCE.json pins (see steps/install.sh for why glue is shared).
//   node store-glue.mjs <afmpeg.js> <wasm-dir>
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [glueFile, wasmDir] = process.argv.slice(2);
if (!glueFile || !wasmDir) throw new Error('usage: node store-glue.mjs <afmpeg.js> <wasm-dir>');
export const glueName = (sha256) => `afmpeg-${sha256.slice(0, 16)}.js`;
const bytes = readFileSync(glueFile);
const glueDir = join(wasmDir, 'glue');
mkdirSync(glueDir, { recursive: true });
writeFileSync(join(glueDir, glueName(createHash('sha256').update(bytes).digest('hex'))), bytes);

const pinned = new Set();
for (const variant of readdirSync(wasmDir)) {
  const provenance = join(wasmDir, variant, 'PROVENANCE.json');
  if (!existsSync(provenance)) continue;
  const glue = JSON.parse(readFileSync(provenance, 'utf8')).files?.find((f) => f.name === 'afmpeg.js');
  if (glue?.sha256) pinned.add(glueName(glue.sha256));
}
for (const name of readdirSync(glueDir)) if (!pinned.has(name)) rmSync(join(glueDir, name));
