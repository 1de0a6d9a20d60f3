/**
 * Segment-parallel encoding (R-AF-17): one job's wall time with `segments: 1, 2, 4, ...` on an
 * engine with that many workers, beside native FFmpeg with its default threads, in one run.
 *
 *   npm run bench:segments [-- 1,2,4,8]
 *
 * Jobs: W1 (10 s 1280x720 H.264/AAC -> libx264 veryfast crf 23 + aac 128k, input-seek split; its
 * source has x264's default 250-frame GOP, so keyframes at 0 and 8.33 s only), the same W1 from a
 * source with a keyframe every 2 s, and the reel (5 1080x1920 cards, xfade chain, three audio
 * tracks mixed, 12 s, output-seek split). JOBS=word runs only the jobs whose name contains it
 * (`JOBS='W1 transcode|reel'`: either). On one engine, every worker warmed first (see below).
 * Each count runs ROUNDS times (default 1), the counts alternated within a round so a busy spell
 * on a shared host falls on all of them, and native FFmpeg ROUNDS times after; the table gives
 * every run and the median per count. bench/device/segments-curve.sh runs it on 16 cores.
 * Each split's row shows its segments' times and the join's (`segmentation.timings`): a split ends
 * with its slowest segment, so segments far apart show a range the cuts mis-weighed or a core that
 * ran slower (this shared host's two vCPUs differ by up to 1.4x for minutes at a time).
 * Prints a table and writes bench/results/<date>-segments-<HHMM>.json (UTC). Ratios only compare within a run.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createEngine, runCommand, Volume } from 'afmpeg';
import { makeFixtures } from './fixtures.js';
import { NativeFfmpegRunner } from './runners/native-ffmpeg.js';
import { benchJobs } from './segment-jobs.js';

const counts = (process.argv[2] ?? `1,2,${Math.min(4, availableParallelism())}`)
  .split(',')
  .map(Number)
  .filter((n, i, all) => n > 0 && all.indexOf(n) === i);
const ROUNDS = Number(process.env.ROUNDS ?? 1);
const fixtures = await makeFixtures(undefined, { optional: true });

const jobs = benchJobs();

interface Row {
  job: string;
  runner: string;
  ms: number;
  mode?: string;
  cuts?: readonly number[];
  round?: number;
  /** The split's `segmentation.timings`: each segment's time and the join's. */
  timings?: { segmentsMs: readonly number[]; joinMs: number };
}
const rows: Row[] = [];
const loadBefore = loadavg();

// One engine for every count, warmed by a run of each job before the timed ones. Its workers share
// one compiled module, and V8 compiles a WebAssembly function's optimised code only once it runs
// hot, on background threads: a fresh engine's first job pays for that on the very cores its
// segments want (W1 with 2 segments: 0.75x cold against about 0.62x warm, 2026-12-01). A
// long-lived engine pays it once; the first run is recorded too, as what a one-job process sees.
const most = Math.max(...counts);
const engine = createEngine({ concurrency: most });
// Every worker started before the first timed run: 16 segments must not wait for 16 spawns.
await Promise.all(Array.from({ length: most }, () => engine.run(new Volume(), ['-hide_banner', '-version'])));
try {
  for (const { name, cmd } of jobs) {
    const output = cmd.outputs[0]?.path as string;
    const vol = new Volume();
    for (const [file, bytes] of fixtures.files) vol.writeFileSync(`/${file}`, bytes);
    const timed = async (n: number, runner: string, round?: number) => {
      const started = performance.now();
      const result = await runCommand(vol, cmd, { engine, segments: n });
      const ms = performance.now() - started;
      const { mode, cuts, timings } = result.segmentation;
      rows.push({ job: name, runner, ms, mode, cuts, round, timings });
      process.stderr.write(`${name} | ${runner} | round ${round ?? '-'}: ${ms.toFixed(0)} ms (${output})\n`);
    };
    await timed(most, `afmpeg segments: ${most}, the job's first run in the engine`);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const n of counts) await timed(n, `afmpeg segments: ${n}`, round);
    }
  }
} finally {
  await engine.close();
}

// A native run that fails is no yardstick: without ffmpeg on PATH the native rows are left out
// (said once), and a native run that exits non-zero stops the bench rather than record its time.
const nativeMissing = await new NativeFfmpegRunner(true).unavailable();
if (nativeMissing) process.stderr.write(`native rows left out: ${nativeMissing}\n`);
for (const { name, cmd } of nativeMissing ? [] : jobs) {
  const dir = await mkdtemp(join(tmpdir(), 'afmpeg-bench-'));
  try {
    for (const [file, bytes] of fixtures.files) await writeFile(join(dir, file), bytes);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const threads of [['-threads', '1'], []] as const) {
        const args = cmd.toArgs();
        const started = performance.now();
        await promisify(execFile)('ffmpeg', [...threads, ...args], { cwd: dir });
        rows.push({
          job: name,
          runner: `native ${threads.length ? '-threads 1' : 'default threads'}`,
          ms: performance.now() - started,
          round,
        });
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `3.47 / 4.51, 0.21`: a split's segments apart mean one core, or one range, ran slower. */
const spread = (t: Row['timings']): string =>
  t ? `${t.segmentsMs.map((ms) => (ms / 1000).toFixed(2)).join(' / ')}, ${(t.joinMs / 1000).toFixed(2)}` : '';
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const medianOf = (job: string, runner: string): number =>
  median(rows.filter((r) => r.job === job && r.runner === runner).map((r) => r.ms));

console.log(
  '\n| job | runner | round | ms | × segments: 1 (same round) | segments, join (s) |\n|---|---|---:|---:|---:|---|',
);
for (const row of rows) {
  const base = rows.find(
    (r) => r.job === row.job && r.runner === 'afmpeg segments: 1' && r.round === row.round,
  )?.ms;
  console.log(
    `| ${row.job} | ${row.runner}${row.mode ? ` (${row.mode}, cuts at ${row.cuts?.join(', ')} s)` : ''} | ${row.round ?? ''} | ${row.ms.toFixed(0)} | ${base ? (row.ms / base).toFixed(2) : ''} | ${spread(row.timings)} |`,
  );
}
console.log('\n| job | runner | median ms | × segments: 1 (medians) |\n|---|---|---:|---:|');
for (const { name } of jobs) {
  const runners = [...new Set(rows.filter((r) => r.job === name).map((r) => r.runner))];
  const base = medianOf(name, 'afmpeg segments: 1');
  for (const runner of runners) {
    const ms = medianOf(name, runner);
    console.log(
      `| ${name} | ${runner} | ${ms.toFixed(0)} | ${Number.isNaN(base) ? '' : (ms / base).toFixed(2)} |`,
    );
  }
}
const machine = {
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model,
  parallelism: availableParallelism(),
  loadavgBefore: loadBefore,
  loadavgAfter: loadavg(),
};
console.log(
  `\nmachine: ${machine.cpu}, ${machine.parallelism} cores, load ${loadBefore.map((l) => l.toFixed(2)).join(' ')} -> ${machine.loadavgAfter.map((l) => l.toFixed(2)).join(' ')}`,
);
const results = new URL('../../bench/results/', import.meta.url);
await mkdir(results, { recursive: true });
await writeFile(
  new URL(
    `${machine.date.slice(0, 10)}-segments-${machine.date.slice(11, 16).replace(':', '')}.json`,
    results,
  ),
  `${JSON.stringify({ machine, rows }, null, 2)}\n`,
);
