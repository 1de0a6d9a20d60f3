import { describe, expect, it } from 'vitest';
import { Command } from '../../src/builder/index.js';
import { fixedKeyframes, startsOnKeyframes } from '../../src/segments/forced-keyframes.js';

const rate = { num: 25, den: 1 };
const at25 = (line: string) => fixedKeyframes(Command.parse(`-i in.mp4 ${line} out.mp4`), rate, 150);

describe('fixedKeyframes: the keyframes a command fixes, which a split keeps', () => {
  it.each([
    ['x264 left to place them (scene cuts on)', '-c:v libx264 -g 50', undefined],
    ['another encoder with -sc_threshold 0', '-c:v mpeg4 -g 50 -sc_threshold 0', undefined],
    ['x264, -sc_threshold 0, -g 50', '-c:v libx264 -g 50 -sc_threshold 0', [50, 100]],
    [
      'x264-params keyint=25:scenecut=0 (x264 wins over -g)',
      '-c:v libx264 -g 50 -x264-params keyint=25:scenecut=0',
      [25, 50, 75, 100, 125],
    ],
    ['x264opts no-scenecut, x264’s own 250', '-c:v libx264 -x264opts no-scenecut', []],
    ['expr every 2 s', "-c:v libx264 -force_key_frames 'expr:gte(t,n_forced*2)'", [50, 100]],
    [
      'expr every 2 s, for the video stream',
      "-c:v libx264 -force_key_frames:v 'expr:gte(t, n_forced * 2)'",
      [50, 100],
    ],
    // 2.5 s is frame 62.5, which FFmpeg's rescaling rounds up.
    ['a list of times', '-c:v libx264 -force_key_frames 1,2.5,00:00:04', [25, 63, 100]],
  ] as const)('%s', (_name, line, frames) => {
    const got = at25(line);
    if (frames === undefined) expect(got).toBeUndefined();
    else expect(got && 'frames' in got ? got.frames : got).toEqual(frames);
  });

  it.each([
    ['source', '-c:v libx264 -force_key_frames source', "by 'source'"],
    ['another expression', "-c:v libx264 -force_key_frames 'expr:gte(t,2)'", 'cannot follow'],
    [
      'an interval off the frame times',
      "-c:v libx264 -force_key_frames 'expr:gte(t,n_forced*1.5)'",
      'not a whole number of frame times',
    ],
  ])('%s: a reason to run whole', (_name, line, reason) => {
    expect(at25(line)).toEqual({ reason: expect.stringContaining(reason) });
  });

  it('a list: each segment is given the times after its start, less its start', () => {
    const got = at25('-c:v libx264 -force_key_frames 1,2.5,4');
    const option = got && 'frames' in got ? got.option : undefined;
    expect(option?.key).toBe('force_key_frames');
    expect([0, 25, 63, 100].map((first) => option?.forSegment(first))).toEqual([
      '1.000000,2.500000,4.000000',
      '1.500000,3.000000',
      '1.480000',
      undefined,
    ]);
  });
});

describe('startsOnKeyframes: balanced cuts moved to the nearest fixed keyframe', () => {
  it.each([
    ['one cut at 3 s onto 2 s (the earlier of two as near)', [3_000_000], [50, 100], [2_000_000]],
    [
      'three cuts at 1.5, 3, 4.5 s onto 1, 2, 3, 4, 5 s',
      [1_500_000, 3_000_000, 4_500_000],
      [25, 50, 75, 100, 125],
      [1_000_000, 3_000_000, 4_000_000],
    ],
    [
      'two cuts wanting the same keyframe: the second takes the next',
      [2_900_000, 3_100_000],
      [50, 100],
      [2_000_000, 4_000_000],
    ],
    ['no keyframe after the first: one cut', [2_000_000, 4_000_000], [50], [2_000_000]],
  ] as const)('%s', (_name, starts, frames, cuts) => {
    expect(startsOnKeyframes(starts, { frames }, rate)).toEqual(cuts);
  });
});
