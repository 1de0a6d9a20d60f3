import { describe, expect, it } from 'vitest';
import { vfrTimes } from '../../src/segments/vfr-times.js';

const frames = (...times: number[]) => times.map((at) => ({ at, duration: 1 }));

// Each row checked against native FFmpeg 5.1.9: frames at these times (1/100 s ticks, 1 fps) in a
// NUT file, through `-vf null -fps_mode vfr -r 1` into framemd5.
describe('R-AF-17 vfrTimes: the frame time FFmpeg 5.1 gives each frame in an output that keeps frame times', () => {
  it.each([
    ['on their times', frames(0, 1, 2, 3), {}, [0, 1, 2, 3]],
    // late frames keep their own time, rounded: 2.6 goes to 3, leaving 2 empty
    ['late', frames(0, 1.3, 2.6, 4), {}, [0, 1, 3, 4]],
    // early ones take the next free time; 1.2 is 1.8 early (delta -0.8): dropped
    ['early, one dropped', frames(0, 0.4, 0.8, 1.2, 1.6, 3), {}, [0, 1, 2, undefined, 3, 4]],
    ['a little early', frames(0, 1, 1.7, 3), {}, [0, 1, 2, 3]],
    ['pushed along', frames(0, 1, 1.6, 1.8, 3), {}, [0, 1, 2, 3, 4]],
    // -t 3 trims the frame at 4 (counted from the first frame) before it is timed
    ['-t', frames(0, 1, 4, 5), { limit: 3 }, [0, 1]],
  ] as const)('%s', (_name, input, options, times) => {
    expect(vfrTimes(input, options)).toEqual(times);
  });

  it.each([
    ['a time at a half (llrint either way)', frames(0, 1.5)],
    ['delta at -0.6 (dropped or not)', frames(0, 0.2, 0.4)],
  ])('%s: too close to call', (_name, input) => {
    expect(vfrTimes(input)).toBeUndefined();
  });
});
