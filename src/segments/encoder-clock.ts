import type { FrameRate } from './boundaries.js';

/**
 * FFmpeg 5.1's own arithmetic where it fills an output `-r` (`reap_filters` and `do_video_out` in
 * fftools/ffmpeg.c), reproduced operation for operation so that a decision lying exactly on a
 * threshold (a frame lasting half a frame time, a drift of exactly 1.5) comes out as FFmpeg's,
 * instead of being refused as too close to call.
 */

/** C's `llrint` in the default rounding mode: the nearest whole number, halves to even. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** C's `lrintf`/`llrintf`: to float first, then to the nearest whole number, halves to even. */
export function roundAsFloat(x: number): number {
  return roundHalfEven(Math.fround(x));
}

/**
 * A frame's time as the rate conversion meets it, in output frame times (`float_pts`): `pts`
 * (ticks of `timeBase`) rescaled to `1/rate` with extra bits (`av_rescale_q`, halves away from
 * zero), then 2^-17 added away from zero "to avoid exact midpoints".
 */
export function encoderTime(pts: number, timeBase: FrameRate, rate: FrameRate): number {
  const bits = Math.min(16, Math.max(0, 29 - Math.floor(Math.log2(rate.num))));
  const num = (BigInt(pts) * BigInt(timeBase.num) * BigInt(rate.num)) << BigInt(bits);
  const den = BigInt(timeBase.den) * BigInt(rate.den);
  const half = den / 2n;
  const scaled = num < 0n ? -((-num + half) / den) : (num + half) / den;
  const time = Number(scaled) / 2 ** bits;
  return time + (time > 0 ? 1 : -1) / 2 ** 17;
}

/**
 * How long FFmpeg takes a frame to last, in output frame times, where a filter stands before the
 * encoder: the graph's frame time (`graph`: its rate), at most one.
 */
export function filteredLength(graph: FrameRate, rate: FrameRate): number {
  const encoderTick = rate.den / rate.num;
  return Math.min(1 / ((graph.num / graph.den) * encoderTick), 1 / ((rate.num / rate.den) * encoderTick));
}

/**
 * The same where none does: its packet's length (`ticks` of `timeBase`) in output frame times,
 * rounded (`lrintf`), where that is above 0; else as through a filter.
 */
export function unfilteredLength(
  ticks: number,
  timeBase: FrameRate,
  graph: FrameRate,
  rate: FrameRate,
): number {
  const rounded = roundAsFloat((ticks * (timeBase.num / timeBase.den)) / (rate.den / rate.num));
  return rounded > 0 ? rounded : filteredLength(graph, rate);
}
