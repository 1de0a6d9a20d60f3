import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { AfmpegError, createEngine, RunAbortedError, RunTimeoutError, Volume } from 'afmpeg';
import { fuzzSet, seededRandom } from './fuzz-inputs.js';

// `npm run bench:robustness [-- fuzzCount seed runTimeoutMs]`: the failure contract at scale
// (issue 15). Each phase prints its line as it ends (a long fuzz run shows what it has). Prints
// counts: fuzzed inputs -> host crashes / hangs / untyped errors / poisoned engines / modified
// inputs; 100 jobs at concurrency 2 and 4 -> crossed / lost outputs; 100 aborts at random moments
// -> RunAbortedError latency and leftover workers. Seeded: the same seed gives the same inputs.
const fuzzCount = Number(process.argv[2] ?? 300);
const seed = Number(process.argv[3] ?? 15);
// A mutated file can make FFmpeg decode for ever; such a run counts as a hang after this long.
const runTimeoutMs = Number(process.argv[4] ?? 10_000);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const uncaught: unknown[] = [];
process.on('uncaughtException', (err) => uncaught.push(err));
let liveWorkers = 0;
process.on('worker', (w: Worker) => {
  liveWorkers++;
  w.once('exit', () => liveWorkers--);
});
const loadBefore = loadavg();

async function seedFiles(): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  const engine = createEngine({ concurrency: 2 });
  const vol = new Volume();
  const recipes: Array<[string, string[]]> = [
    ['tone.wav', ['-f', 'lavfi', '-i', 'sine=duration=0.5']],
    [
      'clip.mp4',
      [
        '-f',
        'lavfi',
        '-i',
        'testsrc2=size=128x96:rate=10:duration=1',
        '-f',
        'lavfi',
        '-i',
        'sine=duration=1',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-c:a',
        'aac',
        '-shortest',
      ],
    ],
    ['card.png', ['-f', 'lavfi', '-i', 'testsrc2=size=128x96', '-frames:v', '1']],
    ['clip.mkv', ['-f', 'lavfi', '-i', 'testsrc2=size=128x96:rate=10:duration=1', '-c:v', 'png']],
    [
      'clip.ts',
      [
        '-f',
        'lavfi',
        '-i',
        'testsrc2=size=128x96:rate=10:duration=1',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-f',
        'mpegts',
      ],
    ],
    ['tone.flac', ['-f', 'lavfi', '-i', 'sine=duration=0.5', '-c:a', 'flac']],
  ];
  try {
    for (const [name, args] of recipes) await engine.run(vol, ['-hide_banner', '-y', ...args, `/${name}`]);
    return recipes.map(([name]) => ({ name, bytes: new Uint8Array(vol.readFileSync(`/${name}`) as Buffer) }));
  } finally {
    await engine.close();
  }
}

async function fuzz(seeds: Array<{ name: string; bytes: Uint8Array }>) {
  const engine = createEngine({ concurrency: 2 });
  const vol = new Volume();
  const files = fuzzSet(seeds, fuzzCount, seed);
  for (const f of files) vol.writeFileSync(`/${f.name}`, f.bytes);
  const counts = {
    inputs: files.length,
    succeeded: 0,
    typedFailures: 0,
    hostCrashes: 0,
    hangs: 0,
    untyped: 0,
    poisoned: 0,
    modified: 0,
  };
  const byType = new Map<string, number>();
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const f = files[next++] as { name: string; bytes: Uint8Array };
      const tool = next % 4 === 0 ? 'probe' : 'run';
      const outcome = await (tool === 'probe'
        ? engine.probe(vol, `/${f.name}`, { timeout: runTimeoutMs })
        : engine.run(vol, ['-hide_banner', '-i', `/${f.name}`, '-f', 'null', '-'], { timeout: runTimeoutMs })
      ).then(
        () => undefined,
        (err: unknown) => err,
      );
      if (outcome === undefined) counts.succeeded++;
      else if (outcome instanceof RunTimeoutError) counts.hangs++;
      else if (outcome instanceof AfmpegError) counts.typedFailures++;
      else counts.untyped++;
      if (outcome !== undefined) {
        const name = (outcome as Error).name ?? typeof outcome;
        byType.set(name, (byType.get(name) ?? 0) + 1);
        // Poisoned: the engine cannot run a known-good job after this failure.
        const good = await engine
          .run(vol, ['-f', 'lavfi', '-i', 'sine=duration=0.1', '-f', 'null', '-'])
          .then(
            () => true,
            () => false,
          );
        if (!good) counts.poisoned++;
      }
      if (sha(new Uint8Array(vol.readFileSync(`/${f.name}`) as Buffer)) !== sha(f.bytes)) counts.modified++;
    }
  };
  await Promise.all([lane(), lane()]);
  counts.hostCrashes = uncaught.length;
  await engine.close();
  return {
    ...counts,
    failuresByType: Object.fromEntries(byType),
    ms: Math.round(performance.now() - started),
  };
}

async function load(concurrency: number) {
  const engine = createEngine({ concurrency });
  const vol = new Volume();
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      engine
        .run(vol, [
          ...[
            '-f',
            'lavfi',
            '-i',
            `sine=frequency=${100 + 10 * i}:sample_rate=8000:duration=${0.05 + 0.001 * i}`,
          ],
          ...['-metadata', `comment=job-${i}`, '-f', 'wav', '-y', `/out-${i}.wav`],
        ])
        .then(
          () => true,
          () => false,
        ),
    ),
  );
  let crossed = 0;
  let lost = results.filter((ok) => !ok).length;
  for (let i = 0; i < 100; i++) {
    if (!vol.existsSync(`/out-${i}.wav`)) {
      lost++;
      continue;
    }
    const bytes = vol.readFileSync(`/out-${i}.wav`) as Buffer;
    const samples = Math.round(8000 * (0.05 + 0.001 * i));
    const data = bytes.indexOf('data', 12, 'latin1');
    if (!bytes.includes(`job-${i}\0`) || bytes.length - data - 8 !== samples * 2) crossed++;
  }
  await engine.close();
  return { concurrency, jobs: 100, crossed, lost, ms: Math.round(performance.now() - started) };
}

async function aborts() {
  const engine = createEngine({ concurrency: 2 });
  const vol = new Volume();
  const random = seededRandom(seed + 1);
  const latencies: number[] = [];
  let typed = 0;
  let other = 0;
  const endless = [
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=160x120',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-f',
    'null',
    '-',
  ];
  const started = performance.now();
  for (let batch = 0; batch < 50; batch++) {
    await Promise.all(
      [0, 1].map(async () => {
        const controller = new AbortController();
        const delay = Math.floor(random() * 400);
        let abortedAt = 0;
        const timer = setTimeout(() => {
          abortedAt = performance.now();
          controller.abort(new Error('bench abort'));
        }, delay);
        const err = await engine.run(vol, endless, { signal: controller.signal }).then(
          () => undefined,
          (e: unknown) => e,
        );
        clearTimeout(timer);
        latencies.push(performance.now() - abortedAt);
        if (err instanceof RunAbortedError) typed++;
        else other++;
      }),
    );
  }
  await new Promise((r) => setTimeout(r, 200));
  const workersAfterStorm = liveWorkers;
  await engine.close();
  await new Promise((r) => setTimeout(r, 200));
  latencies.sort((a, b) => a - b);
  const pick = (q: number) =>
    Math.round((latencies[Math.floor(q * (latencies.length - 1))] as number) * 10) / 10;
  return {
    aborts: latencies.length,
    runAbortedError: typed,
    otherOutcomes: other,
    latencyMs: { median: pick(0.5), p95: pick(0.95), max: pick(1) },
    workersAliveAfterStorm: workersAfterStorm,
    workersAliveAfterClose: liveWorkers,
    ms: Math.round(performance.now() - started),
  };
}

/** Runs one phase and prints its figures as soon as it ends. */
async function phase<T>(name: string, run: () => Promise<T>): Promise<T> {
  const value = await run();
  console.log(`${name}: ${JSON.stringify(value)}`);
  return value;
}

const seeds = await seedFiles();
const result = {
  date: new Date().toISOString(),
  seed,
  loadavgBefore: loadBefore,
  fuzz: await phase('fuzz', () => fuzz(seeds)),
  load: [
    await phase('load, concurrency 2', () => load(2)),
    await phase('load, concurrency 4', () => load(4)),
  ],
  aborts: await phase('aborts', aborts),
  loadavgAfter: loadavg(),
};
console.log(JSON.stringify(result, null, 2));
const dir = new URL('../../bench/results/', import.meta.url);
await mkdir(dir, { recursive: true });
const file = new URL(`robustness-${result.date.slice(0, 10)}.json`, dir);
await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
console.log(`written: ${file.pathname}`);
