/**
 * `npm run bench:kernels [-- <dist> …]`: what FFmpeg's WebAssembly SIMD128 kernels (issue 9) buy on
 * whole jobs. Each job runs in the same build twice, with the kernels and with `-cpuflags 0`
 * (FFmpeg's C functions; x264 keeps its own kernels either way), alternately, three rounds
 * (ROUNDS=n to change); the median, the ratio and the load average are printed, and every output
 * is compared byte for byte across the two modes (the kernels are bit-exact, R-AF-12).
 * Each `dist` is a compiled afmpeg (its `index.js` with `../wasm` beside it, and its own
 * `package.json` next to that, or `#platform/*` resolves to this checkout's); default: this one.
 * With several, the builds take turns in alternating order, and `identicalAcrossBuilds` says
 * whether each job's output is byte-identical in all of them. MODES=simd skips `-cpuflags 0`.
 * The jobs: a 3x3 contact sheet (PNG) and a 3 s GIF of a 1080p H.264 video, that video's plain
 * decode, a 320-wide thumbnail, the reel (PNG cards, xfade, audio mix, x264) and W1, the
 * 10 s 720p transcode; then swscale's other outputs, 3 s of that video each, hashed per frame
 * (framemd5, so the conversion dominates, not an encoder): an odd width to rgb24 (libswscale then
 * forces full-chroma RGB), 10-bit and nv12 planes, and a bilinear 2x upscale to rgb24 (the 2-tap
 * packed path). JOBS=word runs only the jobs whose name contains it.
 * Results: stdout and `bench/results/<date>-kernels-<hhmm>.json`.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Afmpeg from 'afmpeg';
import { contactSheet, toGif } from 'afmpeg/recipes';
import { makeFixtures } from './fixtures.js';
import { benchCases } from './jobs.js';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const dists = process.argv.slice(2).map((d) => resolve(d));

interface Job {
  readonly name: string;
  readonly inputs: ReadonlyMap<string, Uint8Array>;
  /** Without the leading `-cpuflags`; paths relative to the volume's root. */
  readonly args: readonly string[];
  readonly output: string;
}

async function makeJobs(): Promise<Job[]> {
  const fixtures = await makeFixtures();
  const { createEngine, Volume } = await import('afmpeg');
  const engine = createEngine();
  const vol = new Volume();
  try {
    await engine.run(vol, [
      ...['-hide_banner', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=10'],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '/src1080.mp4'],
    ]);
  } finally {
    await engine.close();
  }
  const src1080 = new Map([['src1080.mp4', new Uint8Array(vol.readFileSync('/src1080.mp4') as Buffer)]]);
  const cases = benchCases(fixtures);
  const reel = cases.find((c) => c.name.startsWith('reel'))?.jobs[0];
  const w1 = cases.find((c) => c.name.startsWith('transcode'))?.jobs[0];
  if (reel === undefined || w1 === undefined) throw new Error('bench/jobs.ts has no reel or transcode');
  return [
    {
      name: 'contact sheet 3x3 of 1080p 10 s (PNG)',
      inputs: src1080,
      args: contactSheet('src1080.mp4', 'sheet.png', {
        columns: 3,
        rows: 3,
        tileWidth: 640,
        duration: 10,
      }).toArgs(),
      output: 'sheet.png',
    },
    {
      name: 'GIF 3 s of 1080p, 480 wide, 10 fps',
      inputs: src1080,
      args: toGif('src1080.mp4', 'clip.gif', { start: 2, duration: 3, width: 480 }).toArgs(),
      output: 'clip.gif',
    },
    {
      name: 'H.264 1080p 10 s decode (framemd5)',
      inputs: src1080,
      args: ['-hide_banner', '-y', '-i', 'src1080.mp4', '-f', 'framemd5', 'decoded.framemd5'],
      output: 'decoded.framemd5',
    },
    {
      name: 'thumbnail 320 wide at 5 s (PNG)',
      inputs: src1080,
      args: [
        '-hide_banner',
        '-y',
        '-ss',
        '5',
        '-i',
        'src1080.mp4',
        '-frames:v',
        '1',
        '-vf',
        'scale=320:-2',
        'thumb.png',
      ],
      output: 'thumb.png',
    },
    { name: 'reel 1080x1920 12 s', inputs: reel.inputs, args: reel.args, output: reel.args.at(-1) as string },
    { name: 'W1 transcode 10 s 720p', inputs: w1.inputs, args: w1.args, output: w1.args.at(-1) as string },
    ...[
      ['swscale: 1080p to 853x480 rgb24 (full chroma)', 'scale=853:480,format=rgb24'],
      ['swscale: 1080p to 720p yuv420p10le', 'scale=1280:720,format=yuv420p10le'],
      ['swscale: 1080p to 720p nv12', 'scale=1280:720,format=nv12'],
      [
        'swscale: 960x540 to 1080p rgb24 bilinear',
        'scale=960:540,scale=1920:1080:flags=bilinear,format=rgb24',
      ],
    ].map(([name, filter]) => ({
      name: name as string,
      inputs: src1080,
      args: [
        '-hide_banner',
        '-y',
        '-t',
        '3',
        '-i',
        'src1080.mp4',
        '-vf',
        filter as string,
        '-f',
        'framemd5',
        'frames.md5',
      ],
      output: 'frames.md5',
    })),
  ].filter((job) => job.name.includes(process.env.JOBS ?? ''));
}

const jobs = await makeJobs();
const modes = [
  { name: 'SIMD128', flags: [] as string[] },
  { name: 'C (-cpuflags 0)', flags: ['-cpuflags', '0'] },
].filter((mode) => process.env.MODES !== 'simd' || mode.flags.length === 0);
const engines = await Promise.all(
  (dists.length ? dists.map((d) => pathToFileURL(join(d, 'index.js')).href) : ['afmpeg']).map(
    async (where) => {
      const lib = (await import(where)) as typeof Afmpeg;
      const engine = lib.createEngine({ concurrency: 1 });
      await engine.run(new lib.Volume(), ['-hide_banner', '-version']); // compiled before timing
      return { where, lib, engine };
    },
  ),
);

const loadBefore = loadavg();
const times = new Map<string, number[]>();
const digests = new Map<string, Set<string>>();
for (let round = 0; round < ROUNDS; round++) {
  for (const job of jobs) {
    for (const { where, lib, engine } of round % 2 ? [...engines].reverse() : engines) {
      for (const mode of modes) {
        const vol = new lib.Volume();
        for (const [name, bytes] of job.inputs) vol.writeFileSync(`/${name}`, bytes);
        const started = performance.now();
        await engine.run(vol, [...mode.flags, ...job.args], { cwd: '/' });
        const key = `${job.name} | ${where} | ${mode.name}`;
        times.set(key, [...(times.get(key) ?? []), performance.now() - started]);
        const out = vol.readFileSync(`/${job.output}`) as Buffer;
        const digest = createHash('sha256').update(out).digest('hex');
        for (const digestKey of [`${job.name} | ${where}`, job.name]) {
          digests.set(digestKey, (digests.get(digestKey) ?? new Set()).add(digest));
        }
      }
    }
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const rows = [...times].map(([key, ms]) => ({
  run: key,
  medianMs: Math.round(median(ms)),
  ms: ms.map(Math.round),
}));
const ratios = jobs.flatMap((job) =>
  engines.map(({ where }) => {
    const simd = median(times.get(`${job.name} | ${where} | SIMD128`) ?? []);
    const c = times.get(`${job.name} | ${where} | C (-cpuflags 0)`);
    return {
      job: job.name,
      build: where,
      ...(c ? { simdOverC: Number((simd / median(c)).toFixed(3)) } : {}),
    };
  }),
);
const identical = (key: string) => digests.get(key)?.size === 1;
const report = JSON.stringify(
  {
    rounds: ROUNDS,
    rows,
    ratios,
    identicalOutputs: Object.fromEntries(
      jobs
        .flatMap((job) => engines.map(({ where }) => `${job.name} | ${where}`))
        .map((key) => [key, identical(key)]),
    ),
    identicalAcrossBuilds: Object.fromEntries(jobs.map((job) => [job.name, identical(job.name)])),
    loadAverage: { before: loadBefore.map((x) => x.toFixed(2)), after: loadavg().map((x) => x.toFixed(2)) },
  },
  null,
  2,
);
console.log(report);
// Compiled to .out/bench/: results go beside the sources, in bench/results/.
const stamp = new Date().toISOString();
const file = `${stamp.slice(0, 10)}-kernels-${stamp.slice(11, 13)}${stamp.slice(14, 16)}.json`;
writeFileSync(new URL(`../../bench/results/${file}`, import.meta.url), `${report}\n`);
await Promise.all(engines.map(({ engine }) => engine.close()));
