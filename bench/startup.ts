/**
 * What a build costs before it does any work (issue 10: size and start-up per variant):
 * the core module's raw and brotli size (from its PROVENANCE.json), the time to decompress it,
 * to compile it (WebAssembly.compile, which V8 does lazily), and a cold first run — a fresh Node
 * process that creates an engine and runs `ffmpeg -version` — and a warm second run.
 *
 * Each variant is measured in its own child process, `ROUNDS` times (default 3), interleaved, so
 * that the numbers are comparable within one run on a shared machine.
 *
 * Run: `npm run bench:startup` (prints a table and writes bench/results/<date>-startup.json).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { availableVariants, createEngine, type VariantName, Volume } from 'afmpeg';

interface Sample {
  decompressMs: number;
  compileMs: number;
  firstRunMs: number;
  secondRunMs: number;
}

const wasmDir = new URL('../../wasm/', import.meta.url);

/** In the child: one cold measurement of `variant`. */
async function measure(variant: VariantName): Promise<Sample> {
  const provenance = JSON.parse(readFileSync(new URL(`${variant}/PROVENANCE.json`, wasmDir), 'utf8')) as {
    files: { name: string; module?: string }[];
  };
  const core = provenance.files.find((f) => f.module === 'afmpeg.core.wasm');
  if (!core) throw new Error(`${variant}: no core module in PROVENANCE.json`);
  const compressed = readFileSync(new URL(`${variant}/${core.name}`, wasmDir));
  let t = performance.now();
  const raw = brotliDecompressSync(compressed);
  const decompressMs = performance.now() - t;
  t = performance.now();
  await WebAssembly.compile(raw);
  const compileMs = performance.now() - t;
  // A fresh engine: it loads, verifies, decompresses and compiles on its own, then runs.
  const engine = createEngine({ variant, concurrency: 1 });
  const vol = new Volume();
  t = performance.now();
  await engine.run(vol, ['-hide_banner', '-version']);
  const firstRunMs = performance.now() - t;
  t = performance.now();
  await engine.run(vol, ['-hide_banner', '-version']);
  const secondRunMs = performance.now() - t;
  await engine.close();
  return { decompressMs, compileMs, firstRunMs, secondRunMs };
}

const child = process.argv[2];
if (child) {
  process.stdout.write(JSON.stringify(await measure(child as VariantName)));
  process.exit(0);
}

const rounds = Number(process.env.ROUNDS ?? 3);
const variants = availableVariants();
const samples = new Map<string, Sample[]>(variants.map((v) => [v, []]));
const loadBefore = loadavg()[0] ?? 0;
for (let round = 0; round < rounds; round++) {
  for (const variant of variants) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), variant], {
      encoding: 'utf8',
    });
    samples.get(variant)?.push(JSON.parse(out) as Sample);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const rows = variants.map((variant) => {
  const provenance = JSON.parse(readFileSync(new URL(`${variant}/PROVENANCE.json`, wasmDir), 'utf8')) as {
    files: { name: string; bytes: number; module?: string; moduleBytes?: number }[];
  };
  const core = provenance.files.find((f) => f.module === 'afmpeg.core.wasm');
  const s = samples.get(variant) ?? [];
  return {
    variant,
    rawBytes: core?.moduleBytes,
    brotliBytes: core?.bytes,
    decompressMs: median(s.map((x) => x.decompressMs)),
    compileMs: median(s.map((x) => x.compileMs)),
    firstRunMs: median(s.map((x) => x.firstRunMs)),
    secondRunMs: median(s.map((x) => x.secondRunMs)),
  };
});
const result = {
  date: new Date().toISOString(),
  node: process.version,
  rounds,
  loadAverage: { before: loadBefore, after: loadavg()[0] },
  rows,
};
const mb = (n: number | undefined) => (n === undefined ? '?' : `${(n / 1e6).toFixed(1)} MB`);
const ms = (n: number) => `${Math.round(n)} ms`;
console.log('| variant | core raw | core brotli | decompress | compile | first run (cold) | second run |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| \`${r.variant}\` | ${mb(r.rawBytes)} | ${mb(r.brotliBytes)} | ${ms(r.decompressMs)} | ${ms(r.compileMs)} | ${ms(r.firstRunMs)} | ${ms(r.secondRunMs)} |`,
  );
}
console.log(
  `load average ${loadBefore.toFixed(2)} -> ${(loadavg()[0] ?? 0).toFixed(2)}, median of ${rounds}`,
);
const day = result.date.slice(0, 10);
writeFileSync(
  new URL(`../../bench/results/${day}-startup.json`, import.meta.url),
  `${JSON.stringify(result, null, 2)}\n`,
);
