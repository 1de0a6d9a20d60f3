import { describe, expect, it } from 'vitest';
import { seekTicks } from '../../src/segments/jobs.js';

// R-AF-17: how far FFmpeg times a segment's frames before the whole run's, in the stream's ticks:
// each -ss (plus the file's start) rescaled on its own, rounded to the nearest, half away from 0.

describe('R-AF-17 seekTicks: a seeked segment’s frames against the whole run’s, in ticks', () => {
  it.each([
    // 25 fps in MP4 (1/12800): a cut on the frame grid is whole ticks
    [2_000_000, 0, { num: 1, den: 12800 }, 0, 25600],
    // 30000/1001 (1/30000): the cut in µs (rounded down) rounds back to the frame's tick
    [2_002_000, 0, { num: 1, den: 30000 }, 0, 60060],
    [1_034_367, 0, { num: 1, den: 30000 }, 0, 31031],
    // half a tick rounds up (away from 0)
    [50, 0, { num: 1, den: 10000 }, 0, 1],
    // the whole run's own -ss, and the file's start, each rounded on its own
    [3_000_000, 1_000_000, { num: 1, den: 90000 }, 0, 180000],
    [1_000_005, 5, { num: 1, den: 1000 }, 1.4, 1000],
    [2_000_000, 0, { num: 1001, den: 30000 }, 0, 60],
  ])('-ss %i µs against %i, time base %o, start %f s → %i', (seek, whole, timeBase, startSeconds, ticks) => {
    expect(seekTicks(seek, whole, { timeBase, startSeconds })).toBe(ticks);
  });
});
