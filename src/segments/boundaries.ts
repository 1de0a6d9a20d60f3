import { parseDuration } from '../builder/index.js';
import { placeCuts } from './cut-placement.js';

/** A frame rate as a fraction (`30000/1001`). */
export interface FrameRate {
  readonly num: number;
  readonly den: number;
}

/** What cutting an output into segments knows, in seconds. */
export interface CutFacts {
  readonly durationSeconds: number;
  readonly count: number;
  /** The output's frame rate, when known: cuts fall on its frame grid. */
  readonly rate: FrameRate | undefined;
  /** The shortest segment worth its start-up and its extra keyframe. */
  readonly minSeconds: number;
  /** Where decoding can start (the source's keyframes); `[0]` when every segment decodes from 0. */
  readonly keyframeSeconds: readonly number[];
  /** What a decoded frame that is thrown away costs, as a share of one decoded and encoded. */
  readonly preRollCost: number;
  /** Work that rides with one segment, as a share of the whole video's (the audio encode). */
  readonly extra?: { readonly segment: 'first' | 'last'; readonly share: number };
}

/**
 * Where the segments start, in whole microseconds (FFmpeg's own time unit for `-ss`/`-to`),
 * balanced by {@link placeCuts}. Cut points sit on the output's frame grid, so a frame is never
 * split between two segments and each segment's first frame lands exactly on the time the join
 * gives it. A cut is rounded down to the microsecond below the frame's time, so the frame passes
 * `pts >= start` in the segment that starts there and fails `pts < end` in the one before.
 * Without a known frame rate, cuts fall on whole seconds (a frame time for every integer rate).
 * Returns the starts of every segment after the first (the first starts at 0); fewer than
 * requested when the duration is too short.
 */
export function segmentStarts(facts: CutFacts): number[] {
  const { durationSeconds, rate, minSeconds } = facts;
  const count = Math.min(facts.count, Math.floor(durationSeconds / minSeconds));
  // Grid point g is at g * den / num seconds (whole seconds without a rate).
  const perSecond = rate ? rate.num / rate.den : 1;
  const length = durationSeconds * perSecond;
  const keyframes = [...new Set([0, ...facts.keyframeSeconds.map((t) => Math.round(t * perSecond))])]
    .filter((g) => g >= 0)
    .sort((a, b) => a - b);
  const cuts = placeCuts({
    length,
    count,
    minLength: Math.max(1, Math.floor(minSeconds * perSecond)),
    keyframes,
    preRollCost: facts.preRollCost,
    extra: facts.extra && { segment: facts.extra.segment, cost: facts.extra.share * length },
  });
  const starts: number[] = [];
  for (const g of cuts) {
    const us = rate ? cutMicros(g, rate) : g * 1e6;
    const previous = starts.at(-1) ?? 0;
    if (us > previous && us < durationSeconds * 1e6) starts.push(us);
  }
  return starts;
}

/** Whether `seconds` is a whole number of frame times at `rate` (to a thousandth of one). */
export function onFrame(seconds: number, rate: FrameRate): boolean {
  const frames = (seconds * rate.num) / rate.den;
  return Math.abs(frames - Math.round(frames)) <= 1e-3;
}

/**
 * Where a cut before output frame `frame` at `rate` goes, in whole µs: rounded down below the
 * frame's time, so the frame passes `pts >= start` in the segment starting there and fails
 * `pts < end` in the one before.
 */
export function cutMicros(frame: number, rate: FrameRate): number {
  return Math.floor((frame * rate.den * 1e6) / rate.num);
}

/** The output frame a cut at `us` (from {@link cutMicros}) comes before. */
export function frameAtCut(us: number, rate: FrameRate): number {
  return Math.round((us * rate.num) / (rate.den * 1e6));
}

/** The greatest common divisor of two whole numbers. */
export function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * `micros` µs (0 or more) in whole ticks of `timeBase`, as FFmpeg's `av_rescale_q` rounds them:
 * to the nearest, halves up.
 */
export function microsToTicks(micros: number, timeBase: FrameRate): number {
  const num = BigInt(micros) * BigInt(timeBase.den);
  const den = 1_000_000n * BigInt(timeBase.num);
  return Number((2n * num + den) / (2n * den));
}

/** A duration option's value (`90`, `'1:30.5'`) in whole microseconds (0 where unreadable). */
export function durationMicros(value: string | number): number {
  return Math.round((parseDuration(value) ?? 0) * 1e6);
}

/** Microseconds as the seconds FFmpeg parses exactly (`2.033333`). */
export function formatMicros(us: number): string {
  return `${Math.floor(us / 1e6)}.${String(us % 1e6).padStart(6, '0')}`;
}

/** `30`, `29.97`, `'30000/1001'`, `'25'` → a fraction; `undefined` for anything else (`ntsc`). */
export function parseFrameRate(value: string | number | undefined): FrameRate | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const fraction = /^(\d+)\/(\d+)$/.exec(text);
  if (fraction) {
    const num = Number(fraction[1]);
    const den = Number(fraction[2]);
    return num > 0 && den > 0 ? { num, den } : undefined;
  }
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const decimals = text.split('.')[1]?.length ?? 0;
  const den = 10 ** decimals;
  const num = Math.round(Number(text) * den);
  return num > 0 ? { num, den } : undefined;
}
