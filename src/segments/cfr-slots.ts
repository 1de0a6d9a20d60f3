import { roundAsFloat, roundHalfEven } from './encoder-clock.js';

/**
 * One decoded frame as FFmpeg's rate conversion meets it: its time and the length it claims, both
 * in the output's frame times from the output's 0.
 */
export interface TimedFrame {
  readonly at: number;
  readonly duration: number;
}

/** How FFmpeg fills an output's frame times (see {@link cfrSlots}). */
export interface CfrOptions {
  /**
   * FFmpeg 5.1's `vscfr`, chosen over `cfr` where the input file has one stream only: a first frame
   * half a frame time or more late starts the count there instead of being shown again.
   */
  readonly vscfr: boolean;
  /**
   * The output's `-t`, in frame times. FFmpeg trims the graph's output to it, counting from the
   * first frame (a frame that far past the first never reaches the rate conversion, nor the
   * repeats it would have caused), and writes no frame time at or past it.
   */
  readonly limit?: number;
  /** How close to a threshold, in frame times, a decision is too close to call (see {@link MARGIN}). */
  readonly margin?: number;
  /**
   * The frames are timed as FFmpeg times them (`encoder-clock.ts`): every decision is taken with
   * C's roundings (halves to even, through a float where FFmpeg's is), none is too close to call.
   */
  readonly exact?: boolean;
}

/**
 * How far, in frame times, a decision must lie from its threshold to be trusted, by default: a
 * frame time read from ffprobe's microseconds, and a `-ss` FFmpeg rounds to the source's time base
 * (half a tick of 1/600 s is 0.025 frame times at 30 fps), must not tip one. Times counted in the
 * source's own ticks need only cover FFmpeg's float (1/65536 frame time).
 */
export const MARGIN = 0.05;
/** Two frame times this close are the same time, told apart only by floating point. */
export const EXACT = 1e-9;

/**
 * The frames an output's `-t` (`limit`, frame times) lets through to the rate conversion: FFmpeg
 * trims the graph's output counting from the first frame (`pts - first < duration`: one at the
 * limit exactly is past it). `undefined` where a frame is within `margin` of it, but not on it.
 */
export function trimmed(
  frames: readonly TimedFrame[],
  limit: number | undefined,
  margin: number,
): readonly TimedFrame[] | undefined {
  if (limit === undefined) return frames;
  const firstAt = frames[0]?.at ?? 0;
  const since = frames.map((f) => f.at - firstAt);
  if (since.some((t) => Math.abs(t - limit) > EXACT && Math.abs(t - limit) < margin)) return undefined;
  const end = since.findIndex((t) => t > limit - EXACT);
  return end < 0 ? frames : frames.slice(0, end);
}

/**
 * Which of `frames` (in time order) fills each of the output's frame times, as FFmpeg 5.1 fills a
 * constant-rate output (`do_video_out` in fftools/ffmpeg.c, `cfr`/`vscfr`): a frame more than 1.1
 * frame times before its slot is dropped, one more than 1.1 after it is shown `llrintf(delta)`
 * times (the previous frame taking the first `llrintf(delta0 - 0.6)`), and at the end the median
 * of the last three such repeats is added. `undefined` where any decision lies within
 * {@link MARGIN} of its threshold: a split must not rest on it.
 */
export function cfrSlots(
  frames: readonly TimedFrame[],
  { vscfr, limit, exact = false, margin = exact ? 0 : MARGIN }: CfrOptions,
): number[] | undefined {
  const roundFloat = exact ? roundAsFloat : Math.round;
  const near = (x: number, threshold: number) => Math.abs(x - threshold) < margin;
  /** Near a half, where `llrintf` could round either way. */
  const nearHalf = (x: number) => near(x - Math.floor(x), 0.5);
  const nearWhole = (x: number) => near(x, Math.round(x));
  const slots: number[] = [];
  const repeats = [0, 0, 0];
  let next = 0;
  let last: number | undefined;
  const full = () => limit !== undefined && next > limit - EXACT;
  const kept = trimmed(frames, limit, margin);
  if (kept === undefined) return undefined;
  for (const [index, frame] of kept.entries()) {
    let delta0 = frame.at - next;
    let delta = delta0 + frame.duration;
    if (delta0 < 0 && delta > 0) delta0 = 0;
    if (vscfr && slots.length === 0) {
      if (near(delta0, 0.5)) return undefined;
      if (delta0 >= 0.5) {
        if (near(frame.at % 1, 0.5)) return undefined;
        delta = frame.duration;
        delta0 = 0;
        next = exact ? roundHalfEven(frame.at) : Math.round(frame.at);
      }
    }
    // The thresholds that change a count: `delta` at -1.1 (dropped) and past 1.1 at each half
    // (`llrintf`: 1.1 to 1.5 is still one), `delta0` at 1.1, 2.1, ... (`llrintf(delta0 - 0.6)`).
    if (near(delta, -1.1) || (delta > 1.4 && nearHalf(delta))) return undefined;
    if (delta0 > 1.1 - margin && nearWhole(delta0 - 0.1)) return undefined;
    let shown = 1;
    let previous = 0;
    if (delta < -1.1) shown = 0;
    else if (delta > 1.1) {
      shown = roundFloat(delta);
      if (delta0 > 1.1) previous = Math.min(roundFloat(delta0 - 0.6), shown);
    }
    repeats.unshift(previous);
    repeats.pop();
    for (let i = 0; i < shown; i++) {
      if (full()) return slots;
      slots.push(i < previous && last !== undefined ? last : index);
      next++;
    }
    last = index;
  }
  const [a = 0, b = 0, c = 0] = repeats;
  const flushed = a + b + c - Math.max(a, b, c) - Math.min(a, b, c);
  for (let i = 0; i < flushed && last !== undefined && !full(); i++) {
    slots.push(last);
    next++;
  }
  return slots;
}
