import { describe, expect, it } from 'vitest';
import {
  keptTimeCuts,
  keptTimeCutsCarried,
  rateCutsCarried,
  type UnevenSource,
  unevenCuts,
} from '../../src/segments/uneven-cuts.js';

const rate = { num: 30, den: 1 };
/** 120 frames at 30 fps on a 1/600 s clock, at these frame times, each a frame time long unless `long` says. */
const source = (
  at: (n: number) => number,
  { unfiltered = false, long = new Map<number, number>(), endSeconds = undefined as number | undefined } = {},
): UnevenSource => {
  const frames = Array.from({ length: 120 }, (_, n) => at(n));
  return {
    grid: {
      regular: false,
      phase: 0,
      seconds: frames.map((f) => f / 30),
      durations: frames.map((_, n) => (long.get(n) ?? 1) / 30),
    },
    rate,
    timeBase: { num: 1, den: 600 },
    singleStream: false,
    unfiltered,
    endSeconds,
  };
};
const missingAt60 = (n: number) => (n < 60 ? n : n + 1);

describe('R-AF-17 unevenCuts: cuts where a segment fills its frame times as the whole run does', () => {
  it.each([
    // every frame a twentieth of a frame time off: shown once each, the cut stays at 2 s
    [
      'jitter',
      source((n) => n + (n % 5 === 2 ? 0.05 : 0)),
      { starts: [2000000], firsts: [0, 60], end: undefined },
    ],
    // frame time 60 missing, a filter between: frame 60 (at 61) is shown at 60 and 61. A segment
    // starting with it would show it once: the cut goes back to frame 59, whose segment sees the
    // late frame 60 as the whole run does.
    [
      'a missing frame time, filtered',
      source(missingAt60),
      { starts: [1966666], firsts: [0, 59], end: undefined },
    ],
    // unfiltered, frame 59's packet lasts two frame times: it is shown at 59 and 60 straight
    // away, so frame time 60 repeats 59 and is no cut; at 59 a segment shows it twice too
    [
      'the same, frame 59 two frame times long, unfiltered',
      source(missingAt60, { unfiltered: true, long: new Map([[59, 2]]) }),
      { starts: [1966666], firsts: [0, 59], end: undefined },
    ],
    // the same, but frame 59 one frame time long: shown once, then 60 twice (delta 2 after
    // it); a segment starting with 60 (at 60) would show it once, so the cut goes to 59
    [
      'the same, unfiltered, frame 59 one frame time long',
      source(missingAt60, { unfiltered: true }),
      { starts: [1966666], firsts: [0, 59], end: undefined },
    ],
    // -t 3: trimmed from frame 90 (the whole run never sees it)
    [
      '-t 3',
      source((n) => n + (n % 5 === 2 ? 0.05 : 0), { endSeconds: 3 }),
      { starts: [1500000], firsts: [0, 45], end: 90 },
    ],
  ] as const)('%s', (_name, src, cuts) => {
    const aim = src.endSeconds === undefined ? 2000000 : 1500000;
    expect(unevenCuts([aim], src)).toEqual(cuts);
  });

  it('a frame at a half frame time past its slot (llrintf could show it once or twice): no cuts', () => {
    expect(
      unevenCuts(
        [2000000],
        source((n) => (n === 70 ? 70.5 : n), { unfiltered: true }),
      ),
    ).toBeUndefined();
  });
});

describe('R-AF-17 keptTimeCuts: cuts where a segment gives its frames the whole run’s times', () => {
  // Frame 60 comes 0.2 early and takes frame time 60; 61 comes 0.8 early (60.2) and takes 61. A
  // segment starting with 61 would give 62 (1.85 after it) frame time 63, not 62: the cut goes to
  // frame 60, from which 61 falls 0.45 after and takes the next free time, as in the whole run.
  const early = (n: number) => (n === 60 ? 59.8 : n === 61 ? 60.2 : n);
  it.each([
    ['jitter: the cut stays', source((n) => n + (n % 5 === 2 ? 0.05 : 0)), 2000000, [2000000], [0, 60]],
    ['two early frames: the cut moves back a frame', source(early), 2033333, [2000000], [0, 60]],
    // Frames 50 on 10 frame times late: the first segment must not hold the gap (its average
    // rate becomes the output's), so the cut at 2.17 s goes back to 2 s, where frame 50 starts.
    [
      'a gap: the first segment ends at it',
      source((n) => (n < 50 ? n : n + 10)),
      2166666,
      [2000000],
      [0, 50],
    ],
    // A later segment may hold one: 4 segments, the gap inside the second.
    [
      'a gap past the first cut stays inside a segment',
      source((n) => (n < 50 ? n : n + 10)),
      [1000000, 2166666, 3333333],
      [1000000, 2166666, 3333333],
      [0, 30, 55, 90],
    ],
  ] as const)('%s', (_name, src, aim, starts, firsts) => {
    expect(keptTimeCuts(typeof aim === 'number' ? [aim] : aim, src)).toEqual({
      starts,
      firsts,
      end: undefined,
    });
  });
});

describe('R-AF-17 rateCutsCarried: cuts for an output -r, each segment carrying the whole run’s count', () => {
  // 30 fps on a 1/600 s clock into -r 25: the whole run lags the frames by 1.2 to 2 frame times,
  // so frame time 50 (2 s) shows frame 58 (1.93 s), and each segment's frames are moved back by
  // its cut's frame time (24 ticks each) after its chain.
  const clock = { num: 1, den: 600 };
  const into25 = (unfiltered: boolean, timeBase = clock): UnevenSource => ({
    ...source((n) => n, { unfiltered }),
    rate: { num: 25, den: 1 },
    graphRate: rate,
    timeBase,
  });
  it.each([
    [
      'one cut at 2 s',
      [2000000],
      { starts: [2000000], firsts: [0, 58], end: undefined, after: [0, 1200], afterTimeBase: clock },
    ],
    [
      'three cuts',
      [1000000, 2000000, 3000000],
      {
        starts: [1000000, 2000000, 3000000],
        firsts: [0, 28, 58, 88],
        end: undefined,
        after: [0, 600, 1200, 1800],
        afterTimeBase: clock,
      },
    ],
  ] as const)('%s', (_name, aims, cuts) => {
    expect(rateCutsCarried(aims, into25(false))).toEqual(cuts);
  });

  // -t 2.5: the whole run writes frame times 0-62 (none at or past 62.5) from frames before 75;
  // the last segment writes the rest, 32 from frame time 31, where its own count would run on.
  it('under the output’s -t, the last segment’s count', () => {
    expect(rateCutsCarried([1240000], { ...into25(false), endSeconds: 2.5 })).toEqual({
      starts: [1240000],
      firsts: [0, 35],
      end: 75,
      after: [0, 744],
      afterTimeBase: clock,
      frameCounts: [undefined, 32],
    });
  });

  // -ss 1 (-ss 1.01): the whole run's count starts at frame 30 (31), the first kept; frame time
  // 25 (1 s on) then shows frame 58, as frame 28 shows there from the start.
  it.each([
    [1000000, 30],
    [1010000, 31],
  ])('under an input -ss of %d µs, the count starts at frame %d', (originMicros, first) => {
    expect(rateCutsCarried([1000000], { ...into25(false), originMicros })).toEqual({
      starts: [1000000],
      firsts: [first, 58],
      end: undefined,
      after: [0, 600],
      afterTimeBase: clock,
    });
  });

  it('without a filter, where one run takes each frame to last its packet (one frame time, rounded): no cuts', () => {
    // The segment's own filter gives its frames the graph's 5/6 frame time: the counts part.
    expect(rateCutsCarried([2000000], into25(true))).toBeUndefined();
  });

  // 25 fps on MP4's 1/12800 s clock into -r 24, kept times (Matroska): a frame time is 533⅓
  // ticks, so segments are moved back in ticks of 1/38400 s. Every 25th frame of the whole run
  // falls exactly 0.6 frame times early, FFmpeg's 2^-17 keeping it: a third of a tick more
  // dropped it in the segment, and no second cut was found before.
  it('into Matroska, 25 into 24 fps on a 1/12800 s clock: moved back in a finer time base', () => {
    const frames = Array.from({ length: 100 }, (_, n) => n / 25);
    const into24: UnevenSource = {
      grid: { regular: true, phase: 0, seconds: frames, durations: frames.map(() => 1 / 25) },
      rate: { num: 24, den: 1 },
      graphRate: { num: 25, den: 1 },
      timeBase: { num: 1, den: 12800 },
      singleStream: false,
      unfiltered: false,
    };
    expect(keptTimeCutsCarried([1333333, 2666666], into24)).toEqual({
      starts: [1333333, 2666666],
      firsts: [0, 32, 66],
      end: undefined,
      after: [0, 51200, 102400],
      afterTimeBase: { num: 1, den: 38400 },
    });
  });

  it('without the video’s time base, the ticks to move a segment by are unknown: no cuts', () => {
    expect(rateCutsCarried([2000000], { ...into25(false), timeBase: undefined })).toBeUndefined();
  });
});
