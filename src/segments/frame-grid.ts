import type { Command } from '../builder/index.js';
import { type FrameRate, frameAtCut } from './boundaries.js';
import { roundHalfEven } from './encoder-clock.js';
import { frameSync } from './frame-sync.js';
import type { InputRange, OutputRange } from './jobs.js';
import { outputFormat } from './structure.js';

/**
 * Where a video's frames sit against its rate's frame times, counted from the file's start (the
 * time FFmpeg makes 0 in the output).
 */
export interface FrameGrid {
  /** Every frame one frame time after the last, within 1.5 ms (Matroska keeps milliseconds). */
  readonly regular: boolean;
  /** The first frame's time from the file's start, in frame times (`0.575`: 23 ms at 25 fps). */
  readonly phase: number;
  /** Each frame's time from the file's start, in seconds, ascending (for cuts on a frame). */
  readonly seconds?: readonly number[];
  /** Each frame's own length in seconds, as its packet states it (0: none), in the same order. */
  readonly durations?: readonly number[];
}

/**
 * The grid of `times` (seconds, any order; each frame's packet length beside it in `durations`)
 * for a file starting at `start`; none without frames.
 */
export function frameGrid(
  times: readonly number[],
  start: number,
  rate: FrameRate,
  durations?: readonly number[],
): FrameGrid | undefined {
  const order = times.map((_, i) => i).sort((a, b) => (times[a] as number) - (times[b] as number));
  const sorted = order.map((i) => times[i] as number);
  const first = sorted[0];
  if (first === undefined) return undefined;
  const frame = rate.den / rate.num;
  const slack = slackFrames(rate);
  return {
    regular: sorted.every((t, n) => Math.abs((t - first) / frame - n) <= slack),
    phase: (first - start) / frame,
    seconds: sorted.map((t) => t - start),
    ...(durations && { durations: order.map((i) => durations[i] ?? 0) }),
  };
}

const SLACK_SECONDS = 0.0015;

/**
 * How many frame times a split must shift its cuts by for `grid` to come out as one run does, or
 * `undefined` when it cannot.
 * - In an output FFmpeg fills to a constant rate (MP4, MOV), FFmpeg 5.1 gives the first frame
 *   `lrintf(1 + phase)` frame times (one where that is under 1.1) and every later frame one, so
 *   the frame at output frame time `n` is source frame `n - shift`: a segment cut there must
 *   start at that frame's own time, where its first frame gets one frame time as in the whole
 *   run. A later frame more than half a frame time past its slot gets two, so a first frame 0.45
 *   or more past the slot it fills is refused: millisecond timestamps could carry a later one over.
 * - In an output that keeps its frames' times (Matroska, MPEG-TS), FFmpeg 5.1 still rounds each
 *   onto the encoder's frame times (`llrint`), so every frame moves by the same `shift` and a cut
 *   on the output's frame times starts a segment whose first frame rounds as in the whole run.
 *   Refused unless every frame rounds the same way, clear of a half (where C's rounding goes to
 *   the even neighbour, so frames would alternate).
 */
export function cutShift(grid: FrameGrid, fillsFrameTimes: boolean, rate: FrameRate): number | undefined {
  if (!grid.regular) return undefined;
  if (!fillsFrameTimes) {
    if (!startsLate(grid, rate)) return 0;
    const shift = Math.round(grid.phase);
    const frame = rate.den / rate.num;
    const phases = (grid.seconds ?? []).map((t, n) => t / frame - n);
    return phases.length > 0 && phases.every((p) => Math.abs(p - shift) < 0.49) ? shift : undefined;
  }
  const shift = 1 + grid.phase > 1.1 ? roundHalfEven(1 + grid.phase) - 1 : 0;
  return grid.phase - shift < 0.45 ? shift : undefined;
}

/**
 * Whether the first frame comes after the file's start by more than timestamps' rounding: then
 * the segments of an output that keeps frame times must keep them too (`LateFirstFrame`).
 */
export function startsLate(grid: FrameGrid, rate: FrameRate): boolean {
  return Math.abs(grid.phase) > slackFrames(rate);
}

/** The timestamps' slack in frame times (at most a quarter). */
const slackFrames = (rate: FrameRate) => Math.min((SLACK_SECONDS * rate.num) / rate.den, 0.25);

/**
 * Muxers that FFmpeg 5.1 fills to a constant frame rate when nothing says otherwise (they lack
 * `AVFMT_VARIABLE_FPS`). Checked with native FFmpeg 5.1.9 on a 25 fps source with a 0.6 s gap
 * (85 frames): MP4, MOV, M4V and 3GP wrote 100 frames; Matroska, MPEG-TS, FLV, AVI and NUT 85.
 */
const FILLING_MUXERS = new Set(['mp4', 'mov', 'm4v', '3gp', '3g2', 'ipod', 'ismv', 'psp']);

/**
 * Whether FFmpeg fills the command's output to a constant frame rate: `-fps_mode cfr` (or
 * `-vsync cfr`) anywhere, not where another mode is asked for, else as the muxer does (a gap
 * into Matroska with `-fps_mode cfr` came out 130 frames whole and 120 split, cut as if kept).
 */
export function fillsFrameTimes(cmd: Command<string>): boolean {
  const sync = frameSync(cmd);
  if (sync !== undefined) return sync === 'cfr';
  const format = outputFormat(cmd);
  return format !== undefined && FILLING_MUXERS.has(format);
}

/**
 * Which source frame each segment starts with, and the first one the output's `-t` (`endSeconds`)
 * leaves out, for a source on its rate's grid whose first frame comes late (see `cutShift`): the
 * frame the whole run shows at output frame time `n` is source frame `n - shift`.
 */
export function shiftedFrames(
  starts: readonly number[],
  rate: FrameRate,
  shift: number,
  endSeconds: number | undefined,
): { firsts: number[]; end: number | undefined } {
  return {
    firsts: [0, ...starts.map((us) => frameAtCut(us, rate) - shift)],
    // The whole run keeps the frames whose output time is under `-t`: up to output frame ceil(t·rate).
    end: endSeconds === undefined ? undefined : Math.ceil((endSeconds * rate.num) / rate.den - 1e-9) - shift,
  };
}

/**
 * Each segment's input range, cut at frames: segment k starts at source frame `firsts[k]`, a
 * twentieth of a frame before it, so it is the first kept and the segment's own count puts it at
 * 0. Each runs until a twentieth before the next segment's first frame, and the last until frame
 * `end` (the first the output's `-t` leaves out), where the source has one. FFmpeg measures an
 * input's `-t` and `-to` from the first frame it keeps, not from `-ss` or the file's start: a
 * first segment cut with `-to` took one frame too many, and one frame more per frame time of
 * lateness. `undefined` if the scan lacks a frame.
 */
export function frameRanges(
  grid: FrameGrid,
  rate: FrameRate,
  firsts: readonly number[],
  end: number | undefined,
): InputRange[] | undefined {
  const cut = cutFrames(grid, rate, firsts, end);
  if (!cut) return undefined;
  const { at, last, lead } = cut;
  return at.map((first, k) => {
    const next = at[k + 1] ?? last;
    return {
      ss: k === 0 ? undefined : Math.floor((first - lead) * 1e6),
      t: next === undefined ? undefined : Math.floor((next - first - lead) * 1e6),
    };
  });
}

/**
 * Each segment's output range, cut after the graph at frames, for a source whose every segment
 * decodes it from the start (MPEG-TS) into an output FFmpeg fills to a constant rate. The output's
 * `-ss` and `-to` (µs on the output's timeline) trim the graph's frames by their own times, and
 * FFmpeg counts `-to` in the output's frame times from the segment's start: the first segment
 * runs to the first cut's frame time (its late first frame fills the opening frame times as in
 * the whole run, and the frame times it leaves end there); every later one starts a twentieth of
 * a frame before its first frame's own time, so that frame is the first kept and lands on the
 * segment's 0, and ends as far before the next segment's first frame (or frame `end`, the first
 * the output's `-t` leaves out), where its frame times end too. The later segments read the
 * video alone: their times count from `laterOrigin` (see `SourceFacts.videoOnlyOrigin`).
 * `undefined` if the scan lacks a frame.
 */
export function outputFrameRanges(
  grid: FrameGrid,
  rate: FrameRate,
  firsts: readonly number[],
  end: number | undefined,
  starts: readonly number[],
  laterOrigin: number,
): OutputRange[] | undefined {
  const cut = cutFrames(grid, rate, firsts, end);
  if (!cut) return undefined;
  const { at, last, lead } = cut;
  const before = (s: number | undefined) =>
    s === undefined ? undefined : Math.floor((s - laterOrigin - lead) * 1e6);
  return at.map((first, k) => ({
    ss: k === 0 ? undefined : before(first),
    to: k === 0 ? starts[0] : before(at[k + 1] ?? last),
  }));
}

/**
 * The times of the frames segments start with (`firsts`) and of frame `end` in `grid`, and the
 * twentieth of a frame a cut is placed before a frame; `undefined` if the scan lacks a first.
 */
function cutFrames(
  grid: FrameGrid,
  rate: FrameRate,
  firsts: readonly number[],
  end: number | undefined,
): { at: number[]; last: number | undefined; lead: number } | undefined {
  const seconds = grid.seconds;
  if (!seconds) return undefined;
  const at = firsts.map((n) => seconds[n]);
  if (at.some((s) => s === undefined)) return undefined;
  return {
    at: at as number[],
    last: end === undefined ? undefined : seconds[end],
    lead: rate.den / rate.num / 20,
  };
}

/** `grid` counted from `origin` seconds after the file's start (see `SourceFacts.videoOnlyOrigin`). */
export function gridFrom(grid: FrameGrid, origin: number, rate: FrameRate): FrameGrid {
  return {
    ...grid,
    phase: grid.phase - (origin * rate.num) / rate.den,
    ...(grid.seconds && { seconds: grid.seconds.map((t) => t - origin) }),
  };
}
