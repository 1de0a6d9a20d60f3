import { describe, expect, it } from 'vitest';
import {
  encoderTime,
  filteredLength,
  roundAsFloat,
  roundHalfEven,
  unfilteredLength,
} from '../../src/segments/encoder-clock.js';

describe('R-AF-17 encoder-clock: FFmpeg 5.1’s arithmetic where it fills an output -r', () => {
  it.each([
    [0.5, 0],
    [1.5, 2],
    [2.5, 2],
    [-1.5, -2],
    [2.4999, 2],
    [2.5001, 3],
  ])('llrint(%d) = %d: halves to even', (x, expected) => {
    expect(roundHalfEven(x)).toBe(expected);
  });

  it.each([
    // 256 ticks of 1/15360 s at 30 fps, as FFmpeg computes it in double: just under a half,
    // a half exactly as a float, so to even
    [(256 * (1 / 15360)) / (1 / 30), 0],
    // a double a hair above 2.5 is 2.5 as a float
    [2.5000000001, 2],
    [0.8333, 1],
  ])('lrintf(%d) = %d: through a float', (x, expected) => {
    expect(roundAsFloat(x)).toBe(expected);
  });

  const fps25 = { num: 25, den: 1 };
  const clock600 = { num: 1, den: 600 };
  it.each([
    // 20 ticks of 1/600 s at 25 fps: 0.8333... to 16 extra bits, then 2^-17 away from zero
    [20, clock600, fps25, 54613 / 65536 + 2 ** -17],
    [-20, clock600, fps25, -54613 / 65536 - 2 ** -17],
    // FFSIGN(0) is -1
    [0, clock600, fps25, -(2 ** -17)],
    // a whole frame time stays whole before the nudge
    [24, clock600, fps25, 1 + 2 ** -17],
    // 30000/1001 fps: 15 extra bits (2^14 <= 30000 < 2^15)
    [1001, { num: 1, den: 30000 }, { num: 30000, den: 1001 }, 1 + 2 ** -17],
  ])('encoderTime(%d ticks of %o at %o) = %d', (pts, timeBase, rate, expected) => {
    expect(encoderTime(pts, timeBase, rate)).toBe(expected);
  });

  it.each([
    // through a filter: the graph's frame time, at most one
    [{ num: 30, den: 1 }, fps25, 25 / 30],
    [{ num: 25, den: 1 }, { num: 30, den: 1 }, 1],
    [{ num: 60, den: 1 }, { num: 30, den: 1 }, 0.5],
  ])('filteredLength(graph %o, output %o) = %d', (graph, rate, expected) => {
    expect(filteredLength(graph, rate)).toBeCloseTo(expected, 12);
  });

  it.each([
    // unfiltered: the packet's length rounded, where above 0; else as through a filter
    [512, { num: 30, den: 1 }, fps25, 1],
    [256, { num: 60, den: 1 }, { num: 30, den: 1 }, 0.5],
    [768, { num: 20, den: 1 }, { num: 30, den: 1 }, 2],
    [512, { num: 30, den: 1 }, { num: 60, den: 1 }, 2],
  ])('unfilteredLength(%d ticks of 1/15360 s, graph %o, output %o) = %d', (ticks, graph, rate, expected) => {
    expect(unfilteredLength(ticks, { num: 1, den: 15360 }, graph, rate)).toBe(expected);
  });
});
