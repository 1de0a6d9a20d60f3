import { describe, expect, it } from 'vitest';
import { cfrSlots } from '../../src/segments/cfr-slots.js';

/** Frames at these frame times, each one frame time long unless a `[at, duration]` pair says. */
const frames = (...times: (number | [number, number])[]) =>
  times.map((t) => (Array.isArray(t) ? { at: t[0], duration: t[1] } : { at: t, duration: 1 }));

describe('R-AF-17 cfrSlots: which frame FFmpeg 5.1 shows in each frame time of a constant-rate output', () => {
  it.each([
    ['evenly spaced', frames(0, 1, 2, 3), {}, [0, 1, 2, 3]],
    ['a little early or late: each shown once', frames(0, 0.9, 2.1, 2.95), {}, [0, 1, 2, 3]],
    // delta 2 at the frame after a missing one: shown twice, no repeat of the one before (delta0 1 ≤ 1.1)
    ['one frame time missing', frames(0, 1, 3, 4), {}, [0, 1, 2, 2, 3]],
    // delta0 2: llrintf(2 - 0.6) = 1 repeat of the frame before, then the late one twice
    ['two frame times missing', frames(0, 1, 4, 5), {}, [0, 1, 1, 2, 2, 3]],
    // a frame lasting two frame times (its packet's length, unfiltered) is shown twice at once
    ['a frame two frame times long', frames(0, [1, 2], 3), {}, [0, 1, 1, 2]],
    // four frames in one frame time: delta falls under -1.1 at the fourth, which is dropped
    ['frames too close: dropped', frames(0, 0.25, 0.5, 0.75, 1, 2), {}, [0, 1, 2, 4, 5]],
    ['-t: nothing at or past the limit', frames(0, 1, 2, 3, 4), { limit: 2.5 }, [0, 1, 2]],
    // the frame at 4 is trimmed before it could repeat frame 1 (native FFmpeg 5.1.9: 2 frames)
    ['-t before a repeat', frames(0, 1, 4, 5), { limit: 3 }, [0, 1]],
    // frame 1 would be shown twice, but frame time 2 is at the limit
    ['-t on a long frame', frames(0, [1, 2], 3), { limit: 2 }, [0, 1]],
    // the limit counts from the first frame
    ['-t from a late first frame', frames(0.3, 1.3, 2.3, 3.3), { limit: 3.1 }, [0, 1, 2, 3]],
    // cfr: a first frame 0.6 late is shown twice (delta 1.6)
    ['first frame 0.6 late, cfr', frames(0.6, 1.6, 2.6), { vscfr: false }, [0, 0, 1, 2]],
    // vscfr: the count starts at the late first frame instead (the frame times then start at 1)
    ['first frame 0.6 late, vscfr', frames(0.6, 1.6, 2.6), { vscfr: true }, [0, 1, 2]],
  ] as const)('%s', (_name, input, options, slots) => {
    expect(cfrSlots(input, { vscfr: false, ...options })).toEqual(slots);
  });

  it.each([
    ['delta at a half (1.5): llrintf could go either way', frames(0, 1.5), undefined],
    ['delta at -1.1', frames(0, 1, 2, 0.9), undefined],
    ['delta0 at 2.1 (llrintf(1.5))', frames(0, 3.1), undefined],
    ['a frame near the -t limit', frames(0, 1, 1.99), 2],
  ] as const)('%s: too close to call', (_name, input, limit) => {
    expect(cfrSlots(input, { vscfr: false, limit })).toBeUndefined();
  });

  // Frames timed as FFmpeg times them (`exact`): a decision on a threshold is C's. delta 2.5 at
  // frame 1: llrintf, halves to even, shows it 2 times (Math.round would say 3), the first
  // repeating frame 0 (llrintf(1.5 - 0.6) = 1).
  it.each([
    ['delta at 2.5, halves to even', frames(0, 2.5), [0, 0, 1]],
    ['delta at 1.5: twice', frames(0, 1.5), [0, 1, 1]],
  ] as const)('exact: %s', (_name, input, slots) => {
    expect(cfrSlots(input, { vscfr: false, exact: true })).toEqual(slots);
  });

  it('a decision 0.01 from its threshold is called with a margin that small', () => {
    expect(cfrSlots(frames(0, 1.49), { vscfr: false })).toBeUndefined();
    expect(cfrSlots(frames(0, 1.49), { vscfr: false, margin: 0.002 })).toEqual([0, 1]);
  });
});
