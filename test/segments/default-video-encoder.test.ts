import { Command, createEngine, type Engine, runCommand, Volume, variantComponents } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultVideoEncoder } from '../../src/segments/default-video-encoder.js';
import { outputChecks } from './compare-outputs.js';

// R-AF-17: a command that leaves the video encoder to FFmpeg (`ffmpeg -i in.mov -crf 23 out.mp4`)
// splits, its segments naming the encoder FFmpeg picks. The table of picks is checked here
// against what each committed build's FFmpeg picks when it runs such a command itself.

/** Each format the table knows, the muxer FFmpeg writes it with, and the extension of its file. */
const FORMATS = [
  ['mp4', 'mp4', 'mp4'],
  ['mov', 'mov', 'mov'],
  ['mkv', 'matroska', 'mkv'],
  ['matroska', 'matroska', 'mkv'],
  // FFmpeg guesses the `ipod` muxer from `.m4v` (the raw `m4v` muxer's pick would be MPEG-4)
  ['m4v', 'ipod', 'm4v'],
  ['ipod', 'ipod', 'm4v'],
  ['webm', 'webm', 'webm'],
  ['avi', 'avi', 'avi'],
  ['nut', 'nut', 'nut'],
  ['flv', 'flv', 'flv'],
  ['ts', 'mpegts', 'ts'],
  ['mpegts', 'mpegts', 'ts'],
] as const;

/** The video encoder FFmpeg's stream mapping names (`-> h264 (libx264)`; `native`: the codec's). */
const mappedVideoEncoder = (stderr: string) => {
  const m = /Stream #0:0 -> #0:0 \(.* -> (\S+) \((\S+)\)\)/.exec(stderr);
  return m && (m[2] === 'native' ? m[1] : m[2]);
};

const engines = new Map<string, Engine>();
const vol = new Volume();

/** One engine per build, made on first use. */
const engineFor = (variant: 'gpl' | 'lgpl' | 'lean') => {
  const made = engines.get(variant) ?? createEngine({ variant, concurrency: 2 });
  engines.set(variant, made);
  return made;
};

beforeAll(() => {
  vol.mkdirSync('/out', { recursive: true });
});
afterAll(async () => {
  await Promise.all([...engines.values()].map((e) => e.close()));
});

describe.each(['gpl', 'lgpl', 'lean'] as const)('R-AF-17 defaultVideoEncoder on %s', (variant) => {
  const engine = () => engineFor(variant);

  it.each(FORMATS)(
    '%s (%s muxer): the encoder FFmpeg picks where the command names none',
    async (format, muxer, extension) => {
      const { encoders, muxers } = variantComponents(variant);
      const run = engine().run(vol, [
        ...['-y', '-f', 'lavfi', '-i', 'testsrc2=size=64x48:rate=25:duration=0.2'],
        ...(format === extension ? [] : ['-f', format]),
        `/out/${variant}-pick.${extension}`,
      ]);
      const picked = defaultVideoEncoder(format, encoders);
      // lean writes MP4 and QuickTime only: FFmpeg fails there whatever the table says.
      if (!muxers.has(muxer)) {
        await expect(run).rejects.toThrow();
        return;
      }
      // Every build with the muxer has one of its encoders.
      expect(picked).toBeDefined();
      expect(mappedVideoEncoder((await run).stderr)).toBe(picked);
    },
  );
});

describe('R-AF-17 a split names the encoder FFmpeg would pick', () => {
  it.each([
    // MPEG-4 part 2 where libx264 is not built in: lgpl's MP4 (libopenh264 does not make it H.264)
    ['lgpl', 'mp4', 'mpeg4'],
    ['gpl', 'mkv', 'h264'],
  ] as const)('%s into %s: split like the whole run, in %s', async (variant, into, codec) => {
    const engine = engineFor(variant);
    const { frameTimes, lowestFramePsnr, streams } = outputChecks(() => engine, vol);
    const cmd = (path: string) =>
      new Command({ y: true })
        .lavfiInput('testsrc2', { size: '320x240', rate: 25, duration: 4 })
        .output(path, { 'q:v': 4, g: 250 });
    const whole = `/out/${variant}-whole.${into}`;
    const split = `/out/${variant}-split.${into}`;
    await runCommand(vol, cmd(whole), { engine });
    const result = await runCommand(vol, cmd(split), { engine, segments: 2 });
    expect(result.segmentation).toMatchObject({ segments: 2 });
    expect((await streams(split)).map((s) => s.codec)).toEqual([codec]);
    expect(await frameTimes(split)).toHaveLength(100);
    expect(await frameTimes(split)).toEqual(await frameTimes(whole));
    expect(await lowestFramePsnr(split, whole)).toBeGreaterThan(32);
  });
});
