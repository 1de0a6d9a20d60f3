import { EXACT, MARGIN, type TimedFrame, trimmed } from './cfr-slots.js';

/**
 * The frame time FFmpeg 5.1 gives each of `frames` (in time order) in an output that keeps frame
 * times (`do_video_out` in fftools/ffmpeg.c, `vfr`, as for Matroska): a frame at or after the
 * next free frame time keeps its own, rounded (`llrint`); one that comes earlier takes the next
 * free one, unless it is more than 0.6 frame times early counting its length, when it is dropped
 * (`undefined`). Nothing is written at or past `limit`, and frames `limit` or more after the
 * first are trimmed before (as in `cfrSlots`). `undefined` in place of the whole list where a
 * decision lies within `margin` of its threshold.
 */
export function vfrTimes(
  frames: readonly TimedFrame[],
  { limit, margin = MARGIN }: { readonly limit?: number; readonly margin?: number } = {},
): (number | undefined)[] | undefined {
  const near = (x: number, threshold: number) => Math.abs(x - threshold) < margin;
  const times: (number | undefined)[] = [];
  const kept = trimmed(frames, limit, margin);
  if (kept === undefined) return undefined;
  let next = 0;
  for (const frame of kept) {
    const delta0 = frame.at - next;
    const delta = delta0 + frame.duration;
    let time: number | undefined;
    if (delta0 >= 0) {
      if (near(frame.at - Math.floor(frame.at), 0.5)) return undefined;
      time = Math.round(frame.at);
    } else if (delta > 0) time = next;
    else {
      if (near(delta, -0.6)) return undefined;
      time = delta <= -0.6 ? undefined : next;
    }
    if (time !== undefined && limit !== undefined && time > limit - EXACT) break;
    times.push(time);
    if (time !== undefined) next = time + 1;
  }
  return times;
}
