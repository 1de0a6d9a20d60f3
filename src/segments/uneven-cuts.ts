import { cutMicros, type FrameRate, frameAtCut, gcd } from './boundaries.js';
import { cfrSlots, MARGIN, type TimedFrame, trimmed } from './cfr-slots.js';
import { encoderTime, filteredLength, unfilteredLength } from './encoder-clock.js';
import type { FrameGrid } from './frame-grid.js';
import { vfrTimes } from './vfr-times.js';

/** What decides how FFmpeg fills the output (see `cfrSlots`). */
export interface UnevenSource {
  /** The source's frames (`FrameGrid.seconds`, `.durations`). */
  readonly grid: FrameGrid;
  /** The output's frame rate: the source's, which FFmpeg gives the encoder, or the output's `-r`. */
  readonly rate: FrameRate;
  /**
   * The rate FFmpeg's graph gives the frames (its guess of the source's), where the output's `-r`
   * is another: through a filter FFmpeg takes a frame to last that rate's frame time, at most the
   * output's (`duration` in `do_video_out`).
   */
  readonly graphRate?: FrameRate;
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
  /**
   * The command's input `-ss`, in µs, where segments carry the count (see `rateCutsCarried`):
   * the whole run's frames start at the first one there, and its times count from it.
   */
  readonly originMicros?: number;
}

/** Where each segment starts and which source frames it runs (see `frameRanges`). */
export interface UnevenCuts {
  /** Each cut, in µs on the output's frame times (rounded down). */
  readonly starts: number[];
  /** The source frame each segment starts with. */
  readonly firsts: number[];
  /** The first source frame the output's `-t` leaves out, if any. */
  readonly end: number | undefined;
  /**
   * Where segments carry the whole run's count (see `rateCutsCarried`): how many ticks of
   * `afterTimeBase` each segment's frames are moved back after its chain, its cut's frame time
   * (0 for the first).
   */
  readonly after?: number[];
  /**
   * The time base `after` counts in: the video's, divided so that every frame time of the output
   * is whole ticks (1/12800 s at 24 fps: 1/38400 s), where a chain is given it (`settb`) before
   * the frames are moved back. A frame time rounded to the video's own ticks moved a frame by a
   * third of a tick, and a decision on its threshold in the whole run (a frame dropped at 0.6
   * frame times early, 25 fps into 24) came out otherwise in the segment.
   */
  readonly afterTimeBase?: FrameRate;
  /**
   * Under the output's `-t`, where segments carry the count: how many frames each writes
   * (`-frames:v`), the last the rest of the whole run's (`undefined`: all it makes).
   */
  readonly frameCounts?: (number | undefined)[];
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
  return filledCuts(starts, source, false);
}

/**
 * Cuts for an output `-r` that is not the rate FFmpeg's graph gives (30 fps into 25): FFmpeg 5.1
 * fills the output's frame times with a running count that drifts behind the frames (a frame is
 * dropped only once one falls 1.1 frame times behind, so the count lags by up to two), which a
 * segment starting afresh does not have. Here each segment's frames get the whole run's times,
 * less its cut's frame time, after its chain (`setpts`, `after`): its first frame then meets the
 * count exactly as in the whole run, 0 standing for the cut's frame time, and every later
 * decision follows. Each cut goes to the frame time nearest the balanced one where that is so
 * for every frame the segment fills (the filter a segment needs for it makes FFmpeg take a
 * frame's length from the graph's rate, not from its packet: where one run's differ, the
 * decisions differ and no cut fits). `undefined` where none is near, or a decision is too close
 * to call, or the video's time base is unknown.
 */
export function rateCutsCarried(starts: readonly number[], source: UnevenSource): UnevenCuts | undefined {
  return filledCuts(starts, source, true);
}

function filledCuts(
  starts: readonly number[],
  source: UnevenSource,
  carried: boolean,
): UnevenCuts | undefined {
  const line = timeline(source, carried);
  if (!line || (carried && !line.carried)) return undefined;
  const { timed, count, limit, margin, end, start, origin } = line;
  const frames = timed(start, count, origin);
  // vscfr starts counting at a first frame half a frame time late or more, and the output's frame
  // times no longer count from 0, as the slots here do.
  if (source.singleStream && (frames[0]?.at ?? 0) >= 0.5 - margin) return undefined;
  const vscfr = source.singleStream;
  const whole = cfrSlots(frames, { vscfr, limit, margin, exact: line.exact })?.map((n) => n + start);
  if (!whole || whole.length === 0) return undefined;

  // Segment `[from, to)` of the output's frame times, from the source frame shown first there.
  const fills = (from: number, to: number): boolean => {
    // The first segment reads the source from its start, frames the whole run drops included.
    const first = from === 0 ? start : (whole[from] as number);
    const upTo = to < whole.length ? (whole[to] as number) : (end ?? count);
    const frames =
      carried && from > 0 && line.carried
        ? line.carried(first, upTo, from)
        : timed(first, upTo, from === 0 ? origin : line.seek(first));
    const own = cfrSlots(frames, { vscfr, margin, exact: line.exact });
    const want = whole.slice(from, to);
    // Under the output's -t a carried last segment writes the whole run's count of frames
    // (`frameCounts`), where its own count would run on.
    const written = carried && limit !== undefined && to >= whole.length ? own?.slice(0, want.length) : own;
    return (
      written !== undefined &&
      written.length === want.length &&
      written.every((n, i) => n + first === want[i])
    );
  };
  // A segment starts with a frame the whole run shows there for the first time.
  const opens = (slot: number) => slot > 0 && slot < whole.length && whole[slot] !== whole[slot - 1];
  const slots = chooseCuts(
    starts,
    source.rate,
    (slot, previous, last) =>
      slot > previous && opens(slot) && fills(previous, slot) && (!last || fills(slot, whole.length)),
  );
  if (!slots) return undefined;
  const cuts = cutsAt(slots, (slot) => (slot === 0 ? start : (whole[slot] as number)), source.rate, end);
  if (!carried || !line.back) return cuts;
  const counted =
    limit === undefined
      ? {}
      : { frameCounts: slots.map((slot, k) => (k === slots.length - 1 ? whole.length - slot : undefined)) };
  return { ...cuts, after: slots.map(line.back), afterTimeBase: line.finer, ...counted };
}

/**
 * The same for an output that keeps frame times (Matroska, ...; see `vfrTimes`): each cut goes to
 * the frame time nearest the balanced one that a frame is given in the whole run, where a segment
 * starting with that frame gives it and every later frame up to the next cut's the same times,
 * counted from the cut. The segments then keep their frames' times and the join places each at
 * its cut (`keepsFrameTimes`).
 */
export function keptTimeCuts(starts: readonly number[], source: UnevenSource): UnevenCuts | undefined {
  return keptCuts(starts, source, false);
}

/**
 * {@link rateCutsCarried} into an output that keeps frame times (Matroska, ...): FFmpeg 5.1 gives
 * a frame the next free frame time of the output's `-r`, or its own rounded, dropping one 0.6
 * frame times early (`vfr`); each segment's frames, moved back by its cut's frame time after its
 * chain, meet the next free one as in the whole run.
 */
export function keptTimeCutsCarried(starts: readonly number[], source: UnevenSource): UnevenCuts | undefined {
  return keptCuts(starts, source, true);
}

function keptCuts(starts: readonly number[], source: UnevenSource, carried: boolean): UnevenCuts | undefined {
  const line = timeline(source, carried);
  if (!line || (carried && !line.carried)) return undefined;
  const { timed, count, limit, margin, end, start, origin } = line;
  // Indexed by frame: the frames an input -ss leaves out (carried only) have no time.
  const kept = vfrTimes(timed(start, count, origin), { limit, margin });
  if (!kept || kept.every((t) => t === undefined)) return undefined;
  const whole = [...Array.from({ length: start }, () => undefined), ...kept];
  // Under the output's -t the whole run gives no time from frame `written` on (trimmed, or at or
  // past the limit): a carried last segment writes as many frames as it has times before that
  // (`frameCounts`), where its own would run on.
  const written = whole.length;
  const upTo = end ?? whole.length;
  // The frame given frame time `slot` in the whole run, if one is.
  const frameAt = (slot: number) => whole.indexOf(slot);
  const keeps = (first: number, next: number, slot: number): boolean => {
    const frames =
      carried && slot > 0 && line.carried
        ? line.carried(first, next, slot)
        : timed(first, next, slot === 0 ? origin : line.seek(first === 0 ? undefined : first));
    const all = vfrTimes(frames, { margin });
    const own = carried && limit !== undefined && next > written ? all?.slice(0, written - first) : all;
    return (
      own !== undefined &&
      own.length === Math.min(next, written) - first &&
      own.every((t, i) => (t === undefined ? whole[first + i] === undefined : t + slot === whole[first + i]))
    );
  };
  const slots = chooseCuts(starts, source.rate, (slot, previous, last) => {
    const first = frameAt(slot);
    const before = previous === 0 ? start : frameAt(previous);
    return (
      slot > previous &&
      first > before &&
      (previous > 0 || unbroken(whole.slice(start, first))) &&
      keeps(before, first, previous) &&
      (!last || keeps(first, upTo, slot))
    );
  });
  if (!slots) return undefined;
  const cuts = cutsAt(slots, (slot) => (slot === 0 ? start : frameAt(slot)), source.rate, end);
  if (!carried || !line.back) return cuts;
  const lastFirst = cuts.firsts.at(-1) as number;
  const counted =
    limit === undefined
      ? {}
      : {
          frameCounts: slots.map((_, k) =>
            k === slots.length - 1 ? whole.slice(lastFirst).filter((t) => t !== undefined).length : undefined,
          ),
        };
  return { ...cuts, after: slots.map(line.back), afterTimeBase: line.finer, ...counted };
}

/**
 * Whether frames given these frame times (`undefined`: dropped) fill every frame time from the
 * first to the last. The join's stream takes its average rate from the first segment, whose
 * demuxer counts its frames over its length: Matroska writes that as every frame's default
 * length, and a gap in the first segment (55 frames over 2.17 s at 30 fps) made the output say
 * 25.4 fps, where FFmpeg, reading it back into MP4, dropped 16 of 120 frames.
 */
function unbroken(times: readonly (number | undefined)[]): boolean {
  const kept = times.filter((t): t is number => t !== undefined);
  return kept.every((t, i) => i === 0 || t === (kept[i - 1] as number) + 1);
}

/**
 * The source's frames as FFmpeg times them for these cuts: each frame's time and length in frame
 * times, from the run's 0 or a segment's `-ss` (`seek`, µs, for a segment starting at a frame),
 * how close to a threshold is too close (`margin`), the output's `-t` in frame times, and the
 * first frame it trims away (it counts from the first frame), if any.
 */
function timeline(source: UnevenSource, exact = false) {
  const { grid, rate, unfiltered, endSeconds, graphRate = rate } = source;
  const seconds = grid.seconds;
  if (!seconds) return undefined;
  const clock = sourceClock(source);
  const ticked = clock.ticked;
  if (exact && !ticked) return undefined;
  // Through a filter: the graph's frame time, at most the output's.
  const filtered = exact
    ? filteredLength(graphRate, rate)
    : Math.min(1, (rate.num * graphRate.den) / (rate.den * graphRate.num));
  const lengths = seconds.map((_, i) => {
    const packet = grid.durations?.[i] ?? 0;
    if (!unfiltered) return filtered;
    return exact && ticked
      ? unfilteredLength(ticked.length(packet), ticked.timeBase, graphRate, rate)
      : frameLength(clock.length(packet), filtered, clock.margin);
  });
  if (lengths.some((l) => l === undefined)) return undefined;
  const frameTime = rate.den / rate.num;
  // Frame `i` as the rate conversion meets it, `less` ticks earlier than the whole run's after
  // the chain, or from a segment's `ss` (µs).
  const at = (i: number, ss: number, less = 0) => {
    if (!exact || !ticked) return clock.at(i, ss);
    const { finer } = ticked;
    const scale = finer.den / ticked.timeBase.den;
    return encoderTime(ticked.pts(i, ss) * scale - less, finer, rate);
  };
  const timed = (from: number, to: number, ssMicros: number): TimedFrame[] =>
    seconds.slice(from, to).map((_, i) => ({
      at: at(from + i, ssMicros),
      duration: lengths[from + i] as number,
    }));
  const limit = endSeconds === undefined ? undefined : endSeconds / frameTime;
  // Under an input -ss (carried only) the whole run keeps the frames from its first at or after it.
  const origin = exact ? (source.originMicros ?? 0) : 0;
  const start = ticked && origin > 0 ? seconds.findIndex((_, i) => ticked.pts(i, origin) >= 0) : 0;
  if (start < 0) return undefined;
  const all = timed(start, seconds.length, origin);
  // Where the output's -t trims (a frame too near it is refused by the whole run's timing).
  const kept = trimmed(all, limit, 0) ?? all;
  return {
    timed,
    count: seconds.length,
    limit,
    exact,
    margin: exact ? 0 : clock.margin,
    start,
    origin,
    end: kept.length < all.length ? start + kept.length : undefined,
    /**
     * Frames `[from, to)` of a segment that carries the whole run's count from frame time `slot`
     * (see `rateCutsCarried`): their whole-run times less the slot's, in ticks, through a filter.
     */
    carried: ticked
      ? (from: number, to: number, slot: number): TimedFrame[] =>
          seconds
            .slice(from, to)
            .map((_, i) => ({ at: at(from + i, origin, ticked.back(slot)), duration: filtered }))
      : undefined,
    back: ticked?.back,
    finer: ticked?.finer,
    /** A segment's `-ss` for one starting at frame `first` (none for the first segment). */
    seek: (first: number | undefined) =>
      first === undefined ? 0 : seekMicros(seconds[first] as number, frameTime),
  };
}

/**
 * Each cut at the frame time nearest the balanced one (`starts`, µs) that `fits` (given the
 * previous cut, and whether it is the last), in order; `undefined` where none is near.
 */
function chooseCuts(
  starts: readonly number[],
  rate: FrameRate,
  fits: (slot: number, previous: number, last: boolean) => boolean,
): number[] | undefined {
  const slots = [0];
  for (const [k, us] of starts.entries()) {
    const aim = frameAtCut(us, rate);
    const previous = slots.at(-1) as number;
    const found = nearest(aim).find((slot) => fits(slot, previous, k === starts.length - 1));
    if (found === undefined) return undefined;
    slots.push(found);
  }
  return slots;
}

/** The cuts at `slots` (the first is 0), each segment starting with source frame `firstAt(slot)`. */
function cutsAt(
  slots: readonly number[],
  firstAt: (slot: number) => number,
  rate: FrameRate,
  end: number | undefined,
): UnevenCuts {
  return {
    starts: slots.slice(1).map((slot) => cutMicros(slot, rate)),
    firsts: slots.map(firstAt),
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
      ticked: undefined,
    };
  const { num, den } = timeBase as FrameRate;
  const ticks = seconds.map((t) => Math.round((t + startSeconds) / tick));
  const split = (rate.num * num) / gcd(rate.den * den, rate.num * num);
  const finer = { num, den: den * split };
  // av_rescale_q rounds halves away from zero; the offset is negative, so its size rounds up.
  const offset = (ss: number) => Math.round(((startMicros + ss) * den) / (num * 1e6));
  return {
    margin: 0.002,
    at: (i: number, ss: number) => ((ticks[i] as number) - offset(ss)) * tick * perFrame,
    length: (s: number) => Math.round(s / tick) * tick * perFrame,
    ticked: {
      timeBase: { num, den },
      /** Frame `i`'s time in whole ticks, from a segment's `ss` (µs) as FFmpeg counts it. */
      pts: (i: number, ss: number) => (ticks[i] as number) - offset(ss),
      /** A length in seconds, in whole ticks. */
      length: (s: number) => Math.round(s / tick),
      /** The time base divided so that every output frame time is whole ticks of it. */
      finer,
      /** Output frame time `slot` in whole ticks of `finer`, as a segment's `setpts=PTS-...` takes it off. */
      back: (slot: number) => (slot * rate.den * finer.den) / (rate.num * finer.num),
    },
  };
}

/** Frame times near `aim`, nearest first. */
function nearest(aim: number): number[] {
  return Array.from({ length: 2 * REACH + 1 }, (_, i) => aim + (i % 2 === 0 ? i / 2 : -(i + 1) / 2));
}

/**
 * The length FFmpeg 5.1 gives a frame no filter stands before (`frames`: its packet's, in frame
 * times): that, rounded (`lrintf`), where it is above 0, else the length a filtered frame gets
 * (`filtered`). `undefined` if the rounding is too close to call.
 */
function frameLength(frames: number, filtered: number, margin: number): number | undefined {
  if (Math.abs(frames - Math.floor(frames) - 0.5) < margin) return undefined;
  const rounded = Math.round(frames);
  return rounded > 0 ? rounded : filtered;
}

/** A segment's `-ss` for a frame at `seconds`, in µs: a twentieth of a frame before it, as `frameRanges` seeks. */
function seekMicros(seconds: number, frameTime: number): number {
  return Math.floor((seconds - frameTime / 20) * 1e6);
}
