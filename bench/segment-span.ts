/**
 * Segment-parallel encoding (R-AF-17) on more cores than this machine has: the work and the span
 * of an N-way split, measured one segment at a time.
 *
 *   npm run bench:segments:span [-- 2,4,8,16]
 *
 * Each count's split runs on a one-worker engine, so its segments run one after another, each
 * alone on a core (the FIFO queue keeps their order): a segment's time is the gap between its end
 * and the previous one's. With one free core per segment, the job would take its slowest segment
 * plus the join (the span); the sum of the segments is what it costs in CPU (the work). The span
 * over the single run is the projected ratio: an upper bound on what N cores give, since here no
 * segment shares memory bandwidth or caches with another (two side by side on this host took
 * 5-14 % longer than alone), and each segment after the first also pays its instance's start
 * (about 40 ms) that a parallel split's pre-started workers have already paid. It is a
 * projection, not a measurement on N cores: `bench:segments` is that, on the cores there are.
 * Jobs as in `bench:segments` (JOBS=word filters them); ROUNDS repeats each count (default 1).
 * Writes bench/results/<date>-segment-span-<HHMM>.json (UTC).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { createEngine, runCommand, Volume } from 'afmpeg';
import { makeFixtures } from './fixtures.js';
import { benchJobs } from './segment-jobs.js';

const counts = (process.argv[2] ?? '2,4,8,16')
  .split(',')
  .map(Number)
  .filter((n, i, all) => n > 1 && all.indexOf(n) === i);
const ROUNDS = Number(process.env.ROUNDS ?? 1);
const fixtures = await makeFixtures(undefined, { optional: true });
const jobs = benchJobs();

interface Row {
  job: string;
  segments: number;
  round: number;
  wholeMs: number;
  /** Each segment's time alone, in order, and the join's. */
  segmentsMs: readonly number[];
  joinMs: number;
  cuts: readonly number[];
}
const rows: Row[] = [];
const loadBefore = loadavg();
const engine = createEngine({ concurrency: 1 });
await engine.run(new Volume(), ['-hide_banner', '-version']);
try {
  for (const { name, cmd } of jobs) {
    const vol = new Volume();
    for (const [file, bytes] of fixtures.files) vol.writeFileSync(`/${file}`, bytes);
    // Warms the engine for this job (V8 optimises a hot wasm function once, on first use).
    await runCommand(vol, cmd, { engine });
    for (let round = 1; round <= ROUNDS; round++) {
      const started = performance.now();
      await runCommand(vol, cmd, { engine });
      const wholeMs = performance.now() - started;
      for (const n of counts) {
        const { segmentation } = await runCommand(vol, cmd, { engine, segments: n });
        const { timings, cuts = [] } = segmentation;
        if (!timings) throw new Error(`${name} ran whole: ${segmentation.reason}`);
        const ends = [...timings.segmentsMs].sort((a, b) => a - b);
        const segmentsMs = ends.map((end, k) => end - (ends[k - 1] ?? 0));
        rows.push({
          job: name,
          segments: segmentation.segments,
          round,
          wholeMs,
          segmentsMs,
          joinMs: timings.joinMs,
          cuts,
        });
        process.stderr.write(
          `${name} | ${n} segments | round ${round}: span ${spanMs(rows.at(-1) as Row).toFixed(0)} ms\n`,
        );
      }
    }
  }
} finally {
  await engine.close();
}

function spanMs(row: Row): number {
  return Math.max(...row.segmentsMs) + row.joinMs;
}

console.log(
  '\n| job | segments | round | single run | work (× single) | span: slowest segment + join | projected ratio | segments alone (s) |\n|---|---:|---:|---:|---:|---:|---:|---|',
);
for (const row of rows) {
  const work = row.segmentsMs.reduce((a, b) => a + b, 0) + row.joinMs;
  console.log(
    `| ${row.job} | ${row.segments} | ${row.round} | ${(row.wholeMs / 1000).toFixed(2)} s | ${(work / row.wholeMs).toFixed(2)} | ${(spanMs(row) / 1000).toFixed(2)} s | ${(spanMs(row) / row.wholeMs).toFixed(3)} | ${row.segmentsMs.map((ms) => (ms / 1000).toFixed(2)).join(' ')}, join ${(row.joinMs / 1000).toFixed(2)} |`,
  );
}
const machine = {
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model,
  loadavgBefore: loadBefore,
  loadavgAfter: loadavg(),
};
console.log(
  `\nmachine: ${machine.cpu}, load ${loadBefore.map((l) => l.toFixed(2)).join(' ')} -> ${machine.loadavgAfter.map((l) => l.toFixed(2)).join(' ')}`,
);
const results = new URL('../../bench/results/', import.meta.url);
await mkdir(results, { recursive: true });
await writeFile(
  new URL(
    `${machine.date.slice(0, 10)}-segment-span-${machine.date.slice(11, 16).replace(':', '')}.json`,
    results,
  ),
  `${JSON.stringify({ machine, rows }, null, 2)}\n`,
);
