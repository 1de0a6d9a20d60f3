import { describe, expect, it } from 'vitest';
import { formatMicros, parseFrameRate, segmentStarts } from '../../src/segments/boundaries.js';
import { placeCuts } from '../../src/segments/cut-placement.js';
import { filterNames } from '../../src/segments/filter-names.js';
import { cutShift, frameGrid } from '../../src/segments/frame-grid.js';
import { keyframeTimes } from '../../src/segments/source-facts.js';

const first = (cost: number) => ({ segment: 'first' as const, cost });
const last = (cost: number) => ({ segment: 'last' as const, cost });
const every = (step: number, length: number) => Array.from({ length: length / step }, (_, i) => i * step);

describe('R-AF-17 balanced cut placement (grid steps)', () => {
  it.each([
    // [what, plan, cuts]
    ['no pre-roll: even halves', { keyframes: [0], preRollCost: 0 }, [150]],
    // second half decodes 0..c again at 1/8: c = (300 - c) + c/8 -> 160, both cost 160
    ['sparse keyframes (0, 250): the later segment gets fewer frames', { keyframes: [0, 250] }, [160]],
    // the first carries 30 frames' worth of audio: c + 30 = (300 - c) + c/8 -> 144
    ['sparse keyframes, audio on the first', { keyframes: [0, 250], extra: first(30) }, [144]],
    ['dense keyframes: the balance is a keyframe', { keyframes: every(30, 300) }, [150]],
    // the balance would be frame 149 (155 vs 154.6); keyframe 150 costs 156 (< 3 % more)
    [
      'dense keyframes: a keyframe next to the balance wins',
      { keyframes: every(30, 300), extra: first(6) },
      [150],
    ],
    // keyframe 100 would leave 200 frames to the second: the balance stays off it
    ['a keyframe too far from the balance is not taken', { keyframes: [0, 100, 200] }, [153]],
    // output-seek shape: the second runs the graph over 0..c at 1/3: c = (300 - c) + c/3
    ['every segment decodes from 0 at 1/3', { keyframes: [0], preRollCost: 1 / 3 }, [180]],
    // costs 91, 90.4, 90.25, 90.9
    ['four segments, keyframe only at 0', { count: 4, keyframes: [0] }, [91, 170, 239]],
    // costs 84, 84, 83.9, 83.9: keyframes 30, 120, 210 are too far back to take
    [
      'four segments, dense keyframes, audio on the first',
      { count: 4, keyframes: every(30, 300), extra: first(30) },
      [54, 135, 217],
    ],
    // costs 156, 156, 156.7
    [
      'three segments, the last carries 30',
      { count: 3, keyframes: [0], preRollCost: 1 / 3, extra: last(30) },
      [156, 260],
    ],
    [
      'work heavier than the video: the first keeps its minimum length',
      { keyframes: [0], extra: first(1000) },
      [15],
    ],
    ['too short for two segments of the minimum', { length: 29, keyframes: [0] }, []],
  ] as const)('%s', (_what, given, cuts) => {
    const plan = { length: 300, count: 2, minLength: 15, preRollCost: 1 / 8, ...given };
    expect(placeCuts(plan)).toEqual(cuts);
  });
});

describe('R-AF-17 segment cut points (µs)', () => {
  const plain = { minSeconds: 0.5, keyframeSeconds: [0], preRollCost: 0 };
  it.each([
    // duration, count, rate, expected starts (µs)
    [10, 2, { num: 30, den: 1 }, [5_000_000]],
    [10, 4, { num: 30, den: 1 }, [2_500_000, 5_000_000, 7_500_000]],
    // 10/3 s is frame 100 at 30 fps: 3.333333... s rounded down to the microsecond
    [10, 3, { num: 30, den: 1 }, [3_333_333, 6_666_666]],
    // NTSC: frame 150 of 30000/1001 is 5.005 s exactly
    [10, 2, { num: 30000, den: 1001 }, [5_005_000]],
    // no rate known: whole seconds
    [5.5, 2, undefined, [3_000_000]],
    // too short for more than two half-second segments
    [1, 4, { num: 25, den: 1 }, [520_000]],
    [0.4, 2, { num: 25, den: 1 }, []],
  ])('%s s in %s segments at %o -> %o', (durationSeconds, count, rate, expected) => {
    expect(segmentStarts({ ...plain, durationSeconds, count, rate })).toEqual(expected);
  });

  it.each([
    // 10 s at 30 fps, keyframes at 0 and 8.33 s (x264's default 250-frame GOP), audio on the
    // first: frame 144 as in the grid table above
    [[0, 8.333333], 0.1, [4_800_000]],
    // the keyframe times ffprobe prints, rounded to the microsecond, still land on their frame
    [[0, 1.001, 2.002, 3.003, 4.004, 5.005, 6.006, 7.007, 8.008, 9.009], 0, [5_005_000]],
  ])('keyframes %o, audio share %s -> %o', (keyframeSeconds, share, expected) => {
    const rate = keyframeSeconds[1] === 1.001 ? { num: 30000, den: 1001 } : { num: 30, den: 1 };
    expect(
      segmentStarts({
        durationSeconds: 10,
        count: 2,
        rate,
        minSeconds: 0.5,
        keyframeSeconds,
        preRollCost: 1 / 8,
        extra: share ? { segment: 'first', share } : undefined,
      }),
    ).toEqual(expected);
  });

  it.each([
    [5_000_000, '5.000000'],
    [3_333_333, '3.333333'],
    [520_000, '0.520000'],
  ])('%s µs is written %s', (us, text) => {
    expect(formatMicros(us)).toBe(text);
  });

  it.each([
    [30, { num: 30, den: 1 }],
    ['30000/1001', { num: 30000, den: 1001 }],
    ['29.97', { num: 2997, den: 100 }],
    ['ntsc', undefined],
    [undefined, undefined],
  ])('frame rate %s -> %o', (value, rate) => {
    expect(parseFrameRate(value)).toEqual(rate);
  });

  it.each([
    ['scale=w=320:h=-2', ['scale']],
    [
      '[0:v][1:v]xfade=duration=0.5:offset=2.5,format=pix_fmts=yuv420p;[2:a]volume=0.5[mix]',
      ['xfade', 'format', 'volume'],
    ],
    ["drawtext=text='a\\, b; c',hflip", ['drawtext', 'hflip']],
    ['split@s[a][b];[a]null[c]', ['split', 'null']],
    ['[0:v scale=320', undefined],
  ])('filters of %s', (graph, names) => {
    expect(filterNames(graph)).toEqual(names);
  });
});

describe('R-AF-17 keyframes from an ffprobe packet scan (pts, dts, duration, flags)', () => {
  it.each([
    [
      '0.000000,0.000000,0.033333,K_\n0.033333,0.033333,0.033333,__\n8.333333,8.300000,0.033333,K_\n',
      0,
      [0, 8.333333],
    ],
    // no pts: the dts places it; no time at all: skipped; discarded keyframes count too
    ['N/A,2.000000,N/A,K_\nN/A,N/A,N/A,K_\n4.000000,4.000000,0.040000,KD\n', 0, [2, 4]],
    // MPEG-TS style start time: input -ss counts from it
    ['1.400000,1.400000,0.040000,K__\n3.400000,3.400000,0.040000,K__\n', 1.4, [0, 2]],
    // out of order in the file (B-frame pyramids), sorted
    ['2.000000,1.960000,0.040000,K_\n0.000000,0.000000,0.040000,K_\n', 0, [0, 2]],
    ['', 0, []],
  ])('%j from %s s', (csv, start, times) => {
    expect(keyframeTimes(csv, start).map((t) => Math.round(t * 1e6) / 1e6)).toEqual(times);
  });
});

describe('R-AF-17 cutShift: where a split cuts a source whose frames start off the file’s start', () => {
  const fps25 = { num: 25, den: 1 };
  it.each([
    // [what, frame times (s), file start, rate, an MP4 output (filled to a constant rate), shift]
    ['every 40 ms from 0', [0, 0.04, 0.08, 0.12], 0, fps25, true, 0],
    ['the same into Matroska', [0, 0.04, 0.08, 0.12], 0, fps25, false, 0],
    ['from the file’s start at 1.4 s', [1.4, 1.44, 1.48], 1.4, fps25, true, 0],
    [
      '0.3 frame after the start: one frame time each, as on the grid',
      [0.012, 0.052, 0.092],
      0,
      fps25,
      true,
      0,
    ],
    // Into Matroska FFmpeg rounds each frame onto the encoder's frame times, the segments too.
    ['0.3 frame after the start, into Matroska: rounded onto the grid', [0.012, 0.052], 0, fps25, false, 0],
    [
      '0.525 frame after (AAC priming), into Matroska: a frame time later',
      [0.021, 0.061],
      0,
      fps25,
      false,
      1,
    ],
    ['0.48 frame after, into Matroska: every frame rounds down', [0.0192, 0.0592], 0, fps25, false, 0],
    [
      'into Matroska, frames either side of half a frame time: they would round apart, refused',
      [0.0195, 0.0605],
      0,
      fps25,
      false,
      undefined,
    ],
    [
      '0.575 frame after (MP3 priming): FFmpeg shows the first frame twice',
      [0.023, 0.063, 0.103],
      0,
      fps25,
      true,
      1,
    ],
    ['0.53 frame after (AAC priming at 25 fps)', [0.0213, 0.0613], 0, fps25, true, 1],
    [
      '0.48 frame after: a later frame could pass half a frame, refused',
      [0.0192, 0.0592],
      0,
      fps25,
      true,
      undefined,
    ],
    ['1.5 frames after: a half (C rounds it to 2), refused', [0.06, 0.1], 0, fps25, true, undefined],
    ['2.1 frames after: the first frame three times', [0.084, 0.124], 0, fps25, true, 2],
    ['a millisecond before a frame time (Matroska rounding)', [0.0395, 0.0795], 0, fps25, true, 1],
    ['a gap of one frame', [0, 0.04, 0.12, 0.16], 0, fps25, true, undefined],
    [
      '29.97 fps in milliseconds',
      [0, 0.033, 0.067, 0.1, 0.133, 0.167],
      0,
      { num: 30000, den: 1001 },
      true,
      0,
    ],
    ['10 ms of jitter', [0, 0.05, 0.08, 0.12], 0, fps25, true, undefined],
  ] as const)('%s → %s', (_name, times, start, rate, fills, shift) => {
    const grid = frameGrid(times, start, rate);
    expect(grid && cutShift(grid, fills, rate)).toBe(shift);
  });

  it('no frames: no grid', () => {
    expect(frameGrid([], 0, { num: 25, den: 1 })).toBeUndefined();
  });
});
