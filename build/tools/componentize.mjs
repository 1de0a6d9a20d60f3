// Wraps the core module as a WASI preview2 command component: embeds the world from wit/
// (afmpeg:ffmpeg/ffmpeg, the exit-status import), then adapts it with the preview1 command
// adapter. Same operations as `jco embed` + `jco new --adapt`, called through jco's API
// because jco 1.35.0's CLI embed cannot read a WIT path (the preview2-shim 0.26 it runs on has
// no filesystem preopens), so the WIT goes in as source text.
// Usage: node componentize.mjs <core.wasm> <wit file> <world> <adapter.wasm> <out component.wasm>
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const buildDef = join(dirname(fileURLToPath(import.meta.url)), '..');
const jco = await import(
  pathToFileURL(join(buildDef, 'node_modules/@bytecodealliance/jco/dist/api.js')).href
);

const [corePath, witPath, world, adapterPath, outPath] = process.argv.slice(2);
if (!outPath) throw new Error('usage: componentize.mjs <core.wasm> <wit file> <world> <adapter.wasm> <out>');
const embedded = await jco.componentEmbed({
  binary: readFileSync(corePath),
  witSource: readFileSync(witPath, 'utf8'),
  world,
});
const component = await jco.componentNew(embedded, [['wasi_snapshot_preview1', readFileSync(adapterPath)]]);
writeFileSync(outPath, component);
console.error(`component: ${component.length} bytes`);
