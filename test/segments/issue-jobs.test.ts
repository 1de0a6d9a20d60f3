import { type Command, createEngine, type Engine, runCommand, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixtures } from '../../bench/fixtures.js';
import { segmentsReel, w1 } from '../../bench/segment-jobs.js';
import { outputChecks, writing } from './compare-outputs.js';

// R-AF-17 at the sizes issue 11 names, the very commands `npm run bench:segments` times: W1 (10 s
// 1280x720 H.264/AAC -> libx264 veryfast + AAC) and the reel (five 1080x1920 cards, four
// crossfades, three MP3s mixed, 12 s), each in 2 and 4 segments, against the same command run
// whole: the same streams and durations, every frame once at the whole run's time, the same
// audio samples (so the same A/V sync), and the picture within 0.3 dB PSNR of the whole run's,
// never below. The reel may come out better: each segment opens with a keyframe, which on still
// cards is most of the bytes and lifts the picture (measured 2026-12-01: 4 segments +0.38 dB at
// +15 % bytes, 2 segments +0.25 dB at -4 %; W1 within -0.13 dB and +0.5 %).
// segments.test.ts covers the same at small sizes, and cancellation and failures.

let engine: Engine;
const vol = new Volume();
const { frameTimes, audioMd5, psnr, streams } = outputChecks(() => engine, vol);

beforeAll(async () => {
  engine = createEngine({ concurrency: 2 });
  const fixtures = await makeFixtures(new URL('../../examples/media/', import.meta.url));
  for (const [file, bytes] of fixtures.files) vol.writeFileSync(`/${file}`, bytes);
  vol.mkdirSync('/out', { recursive: true });
}, 300_000);

afterAll(() => engine.close());

/** The reel's graph rendered losslessly: what the reel's encodes are measured against. */
const lossless = (cmd: Command<string>, path: string) =>
  cmd.mapOutputs((o) => ({
    path,
    options: { ...o.options, 'c:v': 'libx264', crf: 0, preset: 'ultrafast', 'c:a': 'pcm_s16le' },
  }));

describe.each([
  // W1 has no filter: the source itself is the picture both encodes are measured against.
  ['W1', w1, 'input-seek', 300, [-0.3, 0.3], async (): Promise<string> => '/src720.mp4'],
  [
    'the reel',
    segmentsReel,
    'output-seek',
    300,
    [-0.3, 0.5],
    async (): Promise<string> => {
      await runCommand(vol, lossless(segmentsReel, '/out/reel-lossless.mkv'), { engine });
      return '/out/reel-lossless.mkv';
    },
  ],
] as const)('R-AF-17 issue 11’s %s', (name, cmd, mode, frames, [below, above], reference) => {
  const whole = `/out/${name}-whole.mp4`;
  let wholeTimes: string[];
  let referencePath: string;
  beforeAll(async () => {
    await runCommand(vol, writing(cmd, whole), { engine });
    wholeTimes = await frameTimes(whole);
    expect(wholeTimes).toHaveLength(frames);
    referencePath = await reference();
  }, 300_000);

  it.each([2, 4])(
    'in %i segments: the whole run’s streams, frames, audio and quality',
    async (n) => {
      const path = `/out/${name}-${n}.mp4`;
      const result = await runCommand(vol, writing(cmd, path), { engine, segments: n });
      expect(result.exitCode).toBe(0);
      expect(result.segmentation).toMatchObject({ segments: n, mode });
      expect(result.segmentation.cuts).toHaveLength(n - 1);
      expect(await streams(path)).toEqual(await streams(whole));
      expect(await frameTimes(path)).toEqual(wholeTimes);
      expect(await audioMd5(path)).toBe(await audioMd5(whole));
      const single = await psnr(whole, referencePath);
      const split = await psnr(path, referencePath);
      expect(split - single).toBeGreaterThan(below);
      expect(split - single).toBeLessThan(above);
    },
    300_000,
  );
});
