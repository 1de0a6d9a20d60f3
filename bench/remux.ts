/**
 * `npm run bench:remux -- <dist> [<dist> …]`: I/O-bound runs through the engine, where nearly all
 * the time is the guest's file I/O (issue 14's measure of the volume path):
 *   a) a 60 MB WAV (stereo 48 kHz, 5.4 min) → FLAC,
 *   b) `-c copy` of a ~100 MB MP4 (H.264 720p, made once by the host's native ffmpeg, a fixture tool).
 * Each `dist` is a compiled afmpeg (its `index.js` with `../wasm` beside it): give the code before a
 * change and after, and they run alternately in one process, three rounds (ROUNDS=n to change),
 * the median printed with
 * the load average; every output is compared byte for byte across the dists.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Afmpeg from 'afmpeg';

const dists = process.argv.slice(2).map((d) => resolve(d));
if (dists.length === 0) throw new Error('usage: bench:remux -- <dist> [<dist> …]');
const ROUNDS = Number(process.env.ROUNDS ?? 3);

function fixture(name: string, args: string[]): Uint8Array {
  const path = join(tmpdir(), `afmpeg-bench-${name}`);
  if (!existsSync(path)) execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', ...args, '-y', path]);
  return readFileSync(path);
}
const wav = fixture('remux-60mb.wav', [
  '-f',
  'lavfi',
  '-i',
  'sine=frequency=440:sample_rate=48000:duration=325',
  '-ac',
  '2',
]);
const mp4 = fixture('remux-100mb.mp4', [
  ...['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=60'],
  ...['-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '13M', '-pix_fmt', 'yuv420p'],
]);

const jobs = [
  { name: 'wav→flac', input: ['/in.wav', wav], args: ['-i', '/in.wav', '-c:a', 'flac', '/out.flac'] },
  { name: 'mp4 -c copy', input: ['/in.mp4', mp4], args: ['-i', '/in.mp4', '-c', 'copy', '/out.mp4'] },
] as const;

const engines = await Promise.all(
  dists.map(async (dist) => {
    const lib = (await import(pathToFileURL(join(dist, 'index.js')).href)) as typeof Afmpeg;
    const engine = lib.createEngine({ concurrency: 1 });
    await engine.run(new lib.Volume(), ['-hide_banner', '-version']); // compile the build first
    return { dist, lib, engine };
  }),
);

const loadBefore = loadavg();
const times = new Map<string, number[]>();
const outputs = new Map<string, Set<string>>();
for (let round = 0; round < ROUNDS; round++) {
  for (const job of jobs) {
    for (const { dist, lib, engine } of engines) {
      const vol = new lib.Volume();
      vol.writeFileSync(job.input[0], job.input[1]);
      const started = performance.now();
      await engine.run(vol, ['-hide_banner', '-y', ...job.args]);
      const ms = performance.now() - started;
      const key = `${job.name} ${dist}`;
      times.set(key, [...(times.get(key) ?? []), ms]);
      const out = vol.readFileSync(job.args.at(-1) as string) as Buffer;
      const digest = createHash('sha256').update(out).digest('hex');
      outputs.set(job.name, (outputs.get(job.name) ?? new Set()).add(digest));
    }
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const rows = [...times].map(([key, ms]) => ({
  run: key,
  medianMs: Math.round(median(ms)),
  ms: ms.map(Math.round),
}));
console.log(
  JSON.stringify(
    {
      inputs: { wavBytes: wav.length, mp4Bytes: mp4.length },
      rows,
      identicalOutputs: Object.fromEntries([...outputs].map(([job, set]) => [job, set.size === 1])),
      loadAverage: { before: loadBefore.map((x) => x.toFixed(2)), after: loadavg().map((x) => x.toFixed(2)) },
    },
    null,
    2,
  ),
);
await Promise.all(engines.map(({ engine }) => engine.close()));
