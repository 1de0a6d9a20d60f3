import { describe, expect, it } from 'vitest';
import { type FrameGrid, frameGrid, gridFrom, outputFrameRanges } from '../../src/segments/frame-grid.js';

const rate = { num: 25, den: 1 };
const frame = 1 / 25;
/** 150 frames one frame time apart, the first `late` seconds after the file's start. */
const late = (seconds: number): FrameGrid =>
  frameGrid(
    Array.from({ length: 150 }, (_, n) => seconds + n * frame),
    0,
    rate,
  ) as FrameGrid;

// An MPEG-TS whose AAC starts 0.0232 s (0.58 frame) before its video: into MP4 the whole run
// shows the first frame twice, so output frame time n holds source frame n - 1 (shift 1), and
// every segment is decoded from the start and cut after the graph.
describe('outputFrameRanges: output-seek cuts at the frames a late first frame puts there', () => {
  const grid = late(0.0232);
  it.each([
    [
      'one cut at output frame 78, the segments after it reading the audio too (origin 0)',
      [0, 77],
      undefined,
      [3_120_000],
      0,
      [{ to: 3_120_000 }, { ss: 3_101_200, to: undefined }] as { ss?: number; to?: number }[],
    ],
    [
      // Without the audio FFmpeg starts such a file at its video: source frame 77 is at 3.08 s.
      'the same, the later segment reading the video alone (origin at the video)',
      [0, 77],
      undefined,
      [3_120_000],
      0.0232,
      [{ to: 3_120_000 }, { ss: 3_078_000, to: undefined }],
    ],
    [
      'two cuts and the output -t 5 (source frame 124 is the first it leaves out)',
      [0, 53, 104],
      124,
      [2_160_000, 4_200_000],
      0.0232,
      [{ to: 2_160_000 }, { ss: 2_118_000, to: 4_158_000 }, { ss: 4_158_000, to: 4_958_000 }],
    ],
  ] as const)('%s', (_name, firsts, end, starts, origin, ranges) => {
    const got = outputFrameRanges(grid, rate, firsts, end, starts, origin);
    // Microseconds rounded down from sums of binary fractions: within one of the decimal value.
    const near = (us: number | undefined) => (us === undefined ? undefined : Math.round(us / 10) * 10);
    expect(got?.map((r) => ({ ss: near(r.ss), to: near(r.to) }))).toEqual(
      ranges.map((r) => ({ ss: undefined, ...r })),
    );
  });

  it('a first frame the scan lacks: undefined (the command runs whole)', () => {
    expect(outputFrameRanges(grid, rate, [1, 200], undefined, [8_040_000], 0)).toBeUndefined();
  });
});

describe('gridFrom: a grid counted from a later origin', () => {
  it('moves every frame time and the phase by as much', () => {
    const moved = gridFrom(late(0.0232), 0.0232, rate);
    expect(moved.phase).toBeCloseTo(0, 9);
    expect(moved.seconds?.[1]).toBeCloseTo(frame, 9);
    expect(moved.regular).toBe(true);
  });
});
