/**
 * How much do the worker and its volume channel cost? (R-AF-12, the engine issue's 5 % budget)
 *
 * 1. The same 10 s 1280x720 transcode in-thread (the guest calls the volume directly) and through
 *    the engine (worker + SharedArrayBuffer channel), alternating, twice each:
 *    a) lavfi testsrc2 + sine -> libx264 veryfast + aac mp4 (output writes only),
 *    b) that mp4 -> 640x360 libx264 veryfast + aac (reads and writes through the volume).
 * 2. Throughput of four 3 s 720p encodes with `concurrency: 1` vs `concurrency: 2`.
 *
 * Run: `npm run build && node .out/bench/engine-overhead.js` (prints JSON). Timings are only
 * comparable within one run: the machine is shared.
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createEngine, Volume } from 'afmpeg';
import type * as Artifact from '../dist/engine/build-artifact.js';
import type * as GuestRunModule from '../dist/engine/guest-run.js';
import type * as Backend from '../dist/vfs/volume-backend.js';

const dist = new URL('../../dist/', import.meta.url);
const { loadBuild } = (await import(new URL('engine/build-artifact.js', dist).href)) as typeof Artifact;
const { runGuest } = (await import(new URL('engine/guest-run.js', dist).href)) as typeof GuestRunModule;
const { backendFromFs } = (await import(new URL('vfs/volume-backend.js', dist).href)) as typeof Backend;

const generate = [
  ...['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=10'],
  ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=10'],
  ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-y', '/gen.mp4'],
];
// I/O-bound: a 300 s stereo 48 kHz WAV (57.6 MB) remuxed; nearly all time is volume calls.
const makeWav = ['-f', 'lavfi', '-i', 'sine=duration=300:sample_rate=48000', '-ac', '2', '-y', '/big.wav'];
const remux = ['-i', '/big.wav', '-c', 'copy', '-f', 'wav', '-y', '/copy.wav'];
const transcode = [
  '-i',
  '/gen.mp4',
  '-vf',
  'scale=640:360',
  '-c:v',
  'libx264',
  '-preset',
  'veryfast',
  '-c:a',
  'aac',
  '-y',
  '/small.mp4',
];

const { setup } = await loadBuild('gpl');
const glue = (await import(setup.glueUrl)) as { instantiate: GuestRunModule.Instantiate };

function inThread(vol: Volume, args: string[]): number {
  const started = performance.now();
  const outcome = runGuest({
    instantiate: glue.instantiate,
    modules: setup.modules,
    argv: ['ffmpeg', ...args],
    env: [
      ['HOME', '/tmp'],
      ['PWD', '/'],
    ],
    cwd: '/',
    mounts: [
      { at: '/', root: '/', readOnly: false, source: 'remote', volumeId: 0 },
      { at: '/tmp', root: '/', readOnly: false, source: 'scratch' },
      { at: '/dev', root: '/', readOnly: false, source: 'devices' },
    ],
    volume: () => backendFromFs(vol as unknown as Backend.SyncFileSystem),
    stdin: { read: () => new Uint8Array(0) },
    stdout: { write: () => undefined },
    stderr: { write: () => undefined },
  });
  if (outcome.exitCode !== 0 || outcome.trap)
    throw new Error(`in-thread run failed: ${JSON.stringify(outcome)}`);
  return performance.now() - started;
}

const engine = createEngine({ concurrency: 1 });
async function inWorker(vol: Volume, args: string[]): Promise<number> {
  const started = performance.now();
  await engine.run(vol, args);
  return performance.now() - started;
}

const vol = new Volume();
await engine.run(vol, ['-hide_banner', '-version']); // compile + first worker outside the timings
await engine.run(vol, makeWav);
const rows: Record<string, { inThreadMs: number[]; workerMs: number[] }> = {
  generate: { inThreadMs: [], workerMs: [] },
  transcode: { inThreadMs: [], workerMs: [] },
  remux: { inThreadMs: [], workerMs: [] },
};
const loadBefore = loadavg();
const rounds = Number(process.env.ROUNDS ?? 2);
for (let round = 0; round < rounds; round++) {
  for (const [name, args] of [
    ['generate', generate],
    ['transcode', transcode],
    ['remux', remux],
  ] as const) {
    const row = rows[name] as { inThreadMs: number[]; workerMs: number[] };
    if (round % 2 === 0) {
      row.workerMs.push(await inWorker(vol, [...args]));
      row.inThreadMs.push(inThread(vol, [...args]));
    } else {
      row.inThreadMs.push(inThread(vol, [...args]));
      row.workerMs.push(await inWorker(vol, [...args]));
    }
  }
}
await engine.close();

const jobs = (n: number) =>
  Array.from({ length: n }, (_, i) => [
    ...['-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=30:duration=3`],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-y', `/job${i}.mp4`],
  ]);
// Cancellation: how long from abort() to the rejection, on a busy encode.
const cancelMs: number[] = [];
{
  const pool = createEngine({ concurrency: 1 });
  for (let i = 0; i < 3; i++) {
    const controller = new AbortController();
    let abortedAt = 0;
    const running = pool.run(
      new Volume(),
      ['-f', 'lavfi', '-i', 'testsrc2=size=1280x720', '-f', 'null', '-'],
      {
        onProgress: () => {
          if (abortedAt) return;
          abortedAt = performance.now();
          controller.abort();
        },
        signal: controller.signal,
      },
    );
    await running.catch(() => undefined);
    cancelMs.push(performance.now() - abortedAt);
  }
  await pool.close();
}

// The control: how much parallelism the machine gives right now (two plain spinning threads).
async function machineParallelism(): Promise<number> {
  const { Worker } = await import('node:worker_threads');
  const spin =
    'const t = Date.now(); let x = 0; while (Date.now() - t < 2000) x++; require("node:worker_threads").parentPort.postMessage(x);';
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    [0, 1].map(() => new Promise((done) => new Worker(spin, { eval: true }).once('message', done))),
  );
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000 / (performance.now() - started);
}

const throughput: Record<string, number> = {};
throughput.spinningThreadsCpuPerWall = await machineParallelism();
for (const concurrency of [1, 2]) {
  const pool = createEngine({ concurrency });
  await Promise.all(Array.from({ length: concurrency }, () => pool.run(new Volume(), ['-version'])));
  const started = performance.now();
  await Promise.all(jobs(4).map((args) => pool.run(new Volume(), args)));
  throughput[`concurrency${concurrency}Ms`] = performance.now() - started;
  await pool.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const summary = Object.fromEntries(
  Object.entries(rows).map(([k, r]) => [
    k,
    { ...r, overheadPercent: ((Math.min(...r.workerMs) / Math.min(...r.inThreadMs) - 1) * 100).toFixed(1) },
  ]),
);
console.log(
  JSON.stringify(
    {
      machine: { cores: availableParallelism(), loadavgBefore: loadBefore, loadavgAfter: loadavg() },
      overhead: summary,
      cancelMs,
      throughput: {
        ...throughput,
        speedup: ((throughput.concurrency1Ms ?? 0) / (throughput.concurrency2Ms ?? 1)).toFixed(2),
      },
      medianCheck: Object.fromEntries(
        Object.entries(rows).map(([k, r]) => [k, [median(r.inThreadMs), median(r.workerMs)]]),
      ),
    },
    null,
    2,
  ),
);
