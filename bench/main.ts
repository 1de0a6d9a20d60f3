import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { makeFixtures } from './fixtures.js';
import { benchCases } from './jobs.js';
import type { BenchRunner } from './runner.js';
import { AfmpegRunner } from './runners/afmpeg.js';
import { FfmpegWasmRunner } from './runners/ffmpeg-wasm.js';
import { NativeFfmpegRunner } from './runners/native-ffmpeg.js';

// `npm run bench [-- case-filter]`: every runner on every case in one process, rounds alternated,
// so the ratios come from the same machine state. The baseline of every ratio is native FFmpeg held to one thread.
const filter = process.argv[2];
const afmpeg = new AfmpegRunner('gpl');
const runners: BenchRunner[] = [
  afmpeg,
  new NativeFfmpegRunner(true),
  new NativeFfmpegRunner(false),
  new FfmpegWasmRunner(),
];

interface Row {
  case: string;
  runner: string;
  ms?: number;
  skipped?: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const fixtures = await makeFixtures();
const cases = benchCases(fixtures).filter((c) => !filter || c.name.includes(filter));
const rows: Row[] = [];
const loadBefore = loadavg();
// Case by case, each round running every runner once in turn: a slow spell of the shared host
// then falls on every runner of a case alike (runner after runner, it fell on one of them).
const unavailable = new Map<BenchRunner, string | undefined>();
for (const runner of runners) unavailable.set(runner, await runner.unavailable());
const able = runners.filter((r) => unavailable.get(r) === undefined);
for (const c of cases) {
  if (able.includes(afmpeg)) await afmpeg.warm(c.parallel);
  const times = new Map(able.map((r) => [r, [] as number[]]));
  for (let i = 0; i < c.repeats; i++) {
    for (const runner of able) times.get(runner)?.push(await runner.runBatch(c.jobs, c.parallel));
  }
  for (const runner of runners) {
    const ms = times.get(runner);
    if (!ms) {
      rows.push({ case: c.name, runner: runner.name, skipped: unavailable.get(runner) });
      continue;
    }
    rows.push({ case: c.name, runner: runner.name, ms: median(ms) });
    process.stderr.write(
      `${c.name} | ${runner.name}: ${median(ms).toFixed(0)} ms (${ms.map(Math.round).join(', ')})\n`,
    );
  }
}
for (const runner of runners) await runner.close();

const baseline = new Map(rows.filter((r) => r.runner === 'native -threads 1').map((r) => [r.case, r.ms]));
console.log(`\n| case | runner | ms | × native -threads 1 |\n|---|---|---:|---:|`);
for (const row of rows) {
  const base = baseline.get(row.case);
  const ratio = row.ms !== undefined && base ? (row.ms / base).toFixed(2) : '';
  console.log(
    `| ${row.case} | ${row.runner} | ${row.ms?.toFixed(0) ?? `skipped: ${row.skipped}`} | ${ratio} |`,
  );
}

const machine = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model,
  parallelism: availableParallelism(),
  loadavgBefore: loadBefore,
  loadavgAfter: loadavg(),
};
// Compiled to .out/bench/: results go beside the sources, in bench/results/.
const dir = new URL('../../bench/results/', import.meta.url);
await mkdir(dir, { recursive: true });
// Stamped to the minute (UTC), as the other benches' results: a second run the same day must not
// overwrite the first.
const file = new URL(`${machine.date.slice(0, 10)}-${machine.date.slice(11, 16).replace(':', '')}.json`, dir);
await writeFile(file, `${JSON.stringify({ machine, rows }, null, 2)}\n`);
console.log(
  `\nmachine: ${machine.cpu}, ${machine.parallelism} cores, load ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
);
console.log(`written: ${file.pathname}`);
