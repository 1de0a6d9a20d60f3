// Makes jco's glue decide once whether to debug-log, instead of on every host call.
// jco 1.35's transpiled glue checks `process.env.JCO_DEBUG` and builds a log record on each of the
// millions of host calls an FFmpeg run makes, even when not logging: ~10 % of the CPU of an
// I/O-bound run (measured: a 57.6 MB WAV remux, 1281 -> 1142 ms). No transpile option turns it off
// (`--import-bindings optimized` emits invalid JS in 1.35). The replacement is asserted, so a jco
// whose output differs fails the build instead of silently shipping the slow glue.
//   node patch-glue.mjs <afmpeg.js>
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) throw new Error('usage: node patch-glue.mjs <afmpeg.js>');
const perCall = `  const _debugLog = (...args) => {
    if (!globalThis?.process?.env?.JCO_DEBUG) { return; }
    console.debug(...args);
  };`;
const once = `  const _debugLog = globalThis?.process?.env?.JCO_DEBUG ? (...args) => console.debug(...args) : () => {};`;
const source = readFileSync(file, 'utf8');
const found = source.split(perCall).length - 1;
if (found !== 1) {
  console.error(`patch-glue: expected jco's per-call _debugLog once in ${file}, found it ${found} times`);
  process.exit(1);
}
writeFileSync(file, source.replace(perCall, once));
