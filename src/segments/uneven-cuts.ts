import type { FrameRate } from './boundaries.js';
import { cfrSlots, MARGIN, type TimedFrame } from './cfr-slots.js';
import type { FrameGrid } from './frame-grid.js';

/** What decides how FFmpeg fills the output (see `cfrSlots`). */
export interface UnevenSource {
  /** The source's frames (`FrameGrid.seconds`, `.durations`). */
  readonly grid: FrameGrid;
  /** The output's frame rate: the source's, which FFmpeg gives the encoder. */
  readonly rate: FrameRate;
  /** The video stream's time base, to which FFmpeg rounds a segment's `-ss`. */
  readonly timeBase?: FrameRate;
  /** The file's start time (FFmpeg's 0), in seconds. */
  readonly startSeconds?: number;
  /** The input file has one stream only (FFmpeg 5.1 then fills with `vscfr`). */
  readonly singleStream: boolean;
  /**
   * No filter stands between decoder and encoder: FFmpeg then takes each frame's length from its
   * packet, and a frame lasting two frame times is shown twice at once.
   */
  readonly unfiltered: boolean;
  /** The output's `-t`, in seconds. */
  readonly endSeconds?: number;
}

/** Where each segment starts and which source frames it runs (see `frameRanges`). */
export interface UnevenCuts {
  /** Each cut, in µs on the output's frame times (rounded down). */
  readonly starts: number[];
  /** The source frame each segment starts with. */
  readonly firsts: number[];
  /** The first source frame the output's `-t` leaves out, if any. */
  readonly end: number | undefined;
}

/** How far, in frame times, a cut may move from where the balance put it. */
const REACH = 15;

/**
 * Cuts for a source whose frames are unevenly spaced (a phone's variable rate, a gap), into an
 * output FFmpeg fills to a constant rate: the whole run's frame times are worked out as FFmpeg
 * 5.1 fills them (`cfrSlots`), and each cut goes to the frame time nearest the balanced one
 * (`starts`, µs) where a segment starting at the frame shown there, and running to the next
 * cut's, fills its frame times with exactly the frames the whole run shows in them. `undefined`
 * where no such cut is near, or a decision in the whole run is too close to call.
 */
export function unevenCuts(starts: readonly number[], source: UnevenSource): UnevenCuts | undefined {
  const { grid, rate, singleStream: vscfr, unfiltered, endSeconds } = source;
  const seconds = grid.seconds;
  if (!seconds) return undefined;
  const clock = sourceClock(source);
  const lengths = seconds.map((_, i) =>
    frameLength(clock.length(grid.durations?.[i] ?? 0), unfiltered, clock.margin),
  );
  if (lengths.some((l) => l === undefined)) return undefined;
  const timed = (from: number, to: number, ssMicros: number): TimedFrame[] =>
    seconds.slice(from, to).map((_, i) => ({
      at: clock.at(from + i, ssMicros),
      duration: lengths[from + i] as number,
    }));
  const frameTime = rate.den / rate.num;
  const limit = endSeconds === undefined ? undefined : endSeconds / frameTime;
  const { margin } = clock;
  const frames = timed(0, seconds.length, 0);
  // vscfr starts counting at a first frame half a frame time late or more, and the output's frame
  // times no longer count from 0, as the slots here do.
  if (vscfr && (frames[0]?.at ?? 0) >= 0.5 - margin) return undefined;
  const whole = cfrSlots(frames, { vscfr, limit, margin });
  if (!whole || whole.length === 0) return undefined;
  // The first frame the output's -t trims away (it counts from the first frame), if any.
  const trimmed =
    limit === undefined ? -1 : frames.findIndex((f) => f.at - (frames[0]?.at ?? 0) > limit - 1e-9);
  const end = trimmed < 0 ? undefined : trimmed;

  // Segment `[from, to)` of the output's frame times, from the source frame shown first there.
  const fills = (from: number, to: number): boolean => {
    // The first segment reads the source from its start, frames the whole run drops included.
    const first = from === 0 ? 0 : (whole[from] as number);
    const upTo = to < whole.length ? (whole[to] as number) : (end ?? seconds.length);
    const ss = from === 0 ? 0 : seekMicros(seconds[first] as number, frameTime);
    const own = cfrSlots(timed(first, upTo, ss), { vscfr, margin });
    const want = whole.slice(from, to);
    return own !== undefined && own.length === want.length && own.every((n, i) => n + first === want[i]);
  };
  // A segment starts with a frame the whole run shows there for the first time.
  const opens = (slot: number) => slot > 0 && slot < whole.length && whole[slot] !== whole[slot - 1];

  const slots = [0];
  for (const [k, us] of starts.entries()) {
    const aim = Math.round((us * rate.num) / (rate.den * 1e6));
    const previous = slots.at(-1) as number;
    const lastCut = k === starts.length - 1;
    const found = nearest(aim).find(
      (slot) =>
        slot > previous && opens(slot) && fills(previous, slot) && (!lastCut || fills(slot, whole.length)),
    );
    if (found === undefined) return undefined;
    slots.push(found);
  }
  return {
    starts: slots.slice(1).map((slot) => Math.floor((slot * rate.den * 1e6) / rate.num)),
    firsts: slots.map((slot) => (slot === 0 ? 0 : (whole[slot] as number))),
    end,
  };
}

/**
 * The source's frame times as FFmpeg counts them, in the output's frame times: where the video's
 * time base is known (and a tick is at least 2 µs, so ffprobe's microseconds name one tick),
 * each time in whole ticks, less the run's offset (the file's start plus its `-ss`, in µs) rounded
 * to a tick as FFmpeg does; else the microseconds themselves, with a wider margin.
 */
function sourceClock({ grid, rate, timeBase, startSeconds = 0 }: UnevenSource) {
  const seconds = grid.seconds ?? [];
  const perFrame = rate.num / rate.den;
  const tick = timeBase ? timeBase.num / timeBase.den : 0;
  const startMicros = Math.round(startSeconds * 1e6);
  if (!(tick >= 2e-6))
    return {
      margin: MARGIN,
      at: (i: number, ss: number) => ((seconds[i] as number) - ss / 1e6) * perFrame,
      length: (s: number) => s * perFrame,
    };
  const { num, den } = timeBase as FrameRate;
  const ticks = seconds.map((t) => Math.round((t + startSeconds) / tick));
  // av_rescale_q rounds halves away from zero; the offset is negative, so its size rounds up.
  const offset = (ss: number) => Math.round(((startMicros + ss) * den) / (num * 1e6));
  return {
    margin: 0.002,
    at: (i: number, ss: number) => ((ticks[i] as number) - offset(ss)) * tick * perFrame,
    length: (s: number) => Math.round(s / tick) * tick * perFrame,
  };
}

/** Frame times near `aim`, nearest first. */
function nearest(aim: number): number[] {
  return Array.from({ length: 2 * REACH + 1 }, (_, i) => aim + (i % 2 === 0 ? i / 2 : -(i + 1) / 2));
}

/**
 * The length FFmpeg 5.1 gives a frame (`frames`: its packet's, in frame times): that, rounded
 * (`lrintf`), where no filter stands between and it is above 0, else one. `undefined` if the
 * rounding is too close to call.
 */
function frameLength(frames: number, unfiltered: boolean, margin: number): number | undefined {
  if (!unfiltered) return 1;
  if (Math.abs(frames - Math.floor(frames) - 0.5) < margin) return undefined;
  const rounded = Math.round(frames);
  return rounded > 0 ? rounded : 1;
}

/** A segment's `-ss` for a frame at `seconds`, in µs: a twentieth of a frame before it, as `frameRanges` seeks. */
function seekMicros(seconds: number, frameTime: number): number {
  return Math.floor((seconds - frameTime / 20) * 1e6);
}
