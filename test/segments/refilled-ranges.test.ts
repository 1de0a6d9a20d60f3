import { describe, expect, it } from 'vitest';
import { FpsFrames, refilledRanges } from '../../src/segments/refilled-ranges.js';

// R-AF-17: where the segments of a split through an `fps` filter start, read and stop (pure).
// The runs that show them exact, frame for frame, are in segments.test.ts.

/** `count` frames one `step` of ticks apart from 0. */
const even = (count: number, step: number) => Array.from({ length: count }, (_, n) => n * step);
/** A phone's frames on a 1/600 s clock, a tick early or late here and there. */
const PHONE = [0, 20, 40, 61, 80, 99, 120, 140, 160, 181];

describe('R-AF-17 refilledRanges: each segment from a source frame, as many frames as fps gives', () => {
  it.each([
    [
      // 25 -> 24 fps: source frame 50 (2 s) rounds to output frame 48, the cut's own
      '25 fps into 24, cut at 2 s',
      [2_000_000],
      new FpsFrames(even(100, 512), 12800, { num: 24, den: 1 }),
      false,
      {
        starts: [2_000_000],
        inputRanges: [{ ss: undefined, t: 2_040_000 }, { ss: 2_000_000 }],
        frameCounts: [48, undefined],
        firstFrames: [0, 48],
      },
    ],
    [
      // 30 -> 24 fps: the cut before output frame 121 (5.0417 s) starts at source frame 151
      // (5.0333 s: 77312 ticks of 1/15360 from the µs FFmpeg reads), which rounds to 121
      '30 fps into 24, a cut between source frames',
      [5_041_666],
      new FpsFrames(even(300, 512), 15360, { num: 24, den: 1 }),
      false,
      {
        starts: [5_041_666],
        inputRanges: [{ ss: undefined, t: 5_066_667 }, { ss: 5_033_333 }],
        frameCounts: [121, undefined],
        firstFrames: [0, 121],
      },
    ],
    [
      // 24 -> 30 fps: no source frame rounds to output frame 2 (frame 2 rounds to 2.5 -> 3), so
      // the segment starts at 3, which frame 1 fills twice before it
      '24 fps into 30, the wanted frame filled by an earlier one',
      [66_666],
      new FpsFrames(even(48, 512), 12288, { num: 30, den: 1 }),
      false,
      {
        starts: [100_000],
        inputRanges: [{ ss: undefined, t: 125_000 }, { ss: 83_333 }],
        frameCounts: [3, undefined],
        firstFrames: [0, 3],
      },
    ],
    [
      // frame 5 at 99/600 s rounds to output frame 5 (4.95)
      'a phone’s uneven frames into 30 fps',
      [166_666],
      new FpsFrames(PHONE, 600, { num: 30, den: 1 }),
      false,
      {
        starts: [166_666],
        inputRanges: [{ ss: undefined, t: 200_000 }, { ss: 165_000 }],
        frameCounts: [5, undefined],
        firstFrames: [0, 5],
      },
    ],
    [
      // an input -ss 1: the output's 0 at source frame 25, the cut 1 s later at frame 50; the
      // first segment seeks where the command does and reads on to frame 51
      '25 fps into 24 from -ss 1',
      [1_000_000],
      new FpsFrames(even(100, 512), 12800, { num: 24, den: 1 }, 1_000_000),
      false,
      {
        starts: [1_000_000],
        inputRanges: [{ ss: 1_000_000, t: 1_040_000 }, { ss: 2_000_000 }],
        frameCounts: [24, undefined],
        firstFrames: [0, 24],
      },
    ],
    // keyframes the command fixes: the cut must start at its own frame
    [
      'the same 24 into 30 where the cut is a fixed keyframe',
      [66_666],
      new FpsFrames(even(48, 512), 12288, { num: 30, den: 1 }),
      true,
      undefined,
    ],
    // a frame time µs cannot give (frame 61 at 6106100 ticks of 1/3000000 s, 2035366.67 µs):
    // FFmpeg's -ss would round onto another tick than the frame's
    [
      'a time base finer than µs',
      [2_041_666],
      new FpsFrames(even(120, 100_100), 3_000_000, { num: 24, den: 1 }),
      false,
      undefined,
    ],
  ])('%s', (_name, cuts, frames, exact, expected) => {
    expect(refilledRanges(cuts, frames, { exact })).toEqual(expected);
  });

  it.each([
    // 2.53 s at 24 fps: 61 frames, the last segment's 61 - 48
    [61, [48, 13]],
    // an output shorter than the cut leaves the last segment nothing: no split of this kind
    [48, undefined],
  ])('an output keeping %i frames: the last segment writes the rest', (total, counts) => {
    const frames = new FpsFrames(even(100, 512), 12800, { num: 24, den: 1 });
    expect(refilledRanges([2_000_000], frames, { total })?.frameCounts).toEqual(counts);
  });

  it('two cuts that would start at the same source frame make one segment', () => {
    // 24 -> 30 fps: output frames 2 and 3 both start at source frame 2, which rounds to 3
    const frames = new FpsFrames(even(48, 512), 12288, { num: 30, den: 1 });
    const ranges = refilledRanges([66_666, 100_000], frames);
    expect(ranges?.firstFrames).toEqual([0, 3]);
    expect(ranges?.frameCounts).toEqual([3, undefined]);
  });

  it.each([
    // FFmpeg rounds half away from 0: 2.5 -> 3, 0.5 -> 1
    [[0, 512, 1024], 12288, { num: 30, den: 1 }, [0, 1, 3]],
    [[0, 10, 21], 1000, { num: 24, den: 1 }, [0, 0, 1]],
    [[0, 1001, 2002], 30000, { num: 30000, den: 1001 }, [0, 1, 2]],
  ])('frame times %j of 1/%d s meet %j at %j', (ticks, timescale, output, expected) => {
    const frames = new FpsFrames(ticks, timescale, output);
    expect(ticks.map((_, n) => frames.rounded(n))).toEqual(expected);
  });

  it('from an -ss between frames: the first frame kept is the one after it', () => {
    // 25 fps, -ss 0.5 (6400 ticks of 1/12800): frame 13 at 0.52 s, 0.48 of a 24 fps frame in
    const frames = new FpsFrames(even(100, 512), 12800, { num: 24, den: 1 }, 500_000);
    expect(frames.first).toBe(13);
    expect([12, 13, 14].map((n) => frames.rounded(n))).toEqual([0, 0, 1]);
  });
});
