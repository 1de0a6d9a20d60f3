import { describe, expect, it } from 'vitest';
import { formatMicros, parseFrameRate, segmentStarts } from '../../src/segments/boundaries.js';
import { filterNames } from '../../src/segments/filter-names.js';

describe('R-AF-17 segment cut points', () => {
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
  ])('%s s in %s segments at %o -> %o', (duration, count, rate, expected) => {
    expect(segmentStarts(duration, count, rate, 0.5)).toEqual(expected);
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
  ])('filters of %s', (graph, names) => {
    expect(filterNames(graph)).toEqual(names);
  });
});
