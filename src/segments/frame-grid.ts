import type { Command } from '../builder/index.js';
import type { FrameRate } from './boundaries.js';
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
}

/** The grid of `times` (seconds, any order) for a file starting at `start`; none without frames. */
export function frameGrid(times: readonly number[], start: number, rate: FrameRate): FrameGrid | undefined {
  const sorted = [...times].sort((a, b) => a - b);
  const first = sorted[0];
  if (first === undefined) return undefined;
  const frame = rate.den / rate.num;
  const slack = Math.min(SLACK_SECONDS / frame, 0.25);
  return {
    regular: sorted.every((t, n) => Math.abs((t - first) / frame - n) <= slack),
    phase: (first - start) / frame,
    seconds: sorted.map((t) => t - start),
  };
}

const SLACK_SECONDS = 0.0015;

/**
 * How many frame times a split must shift its cuts by for `grid` to come out as one run does, or
 * `undefined` when it cannot. In an output FFmpeg fills to a constant rate (MP4, MOV), FFmpeg
 * 5.1 gives the first frame `lrintf(1 + phase)` frame times (one where that is under 1.1) and
 * every later frame one, so the frame at output frame time `n` is source frame `n - shift`: a
 * segment cut there must start at that frame's own time, where its first frame gets one frame
 * time as in the whole run. A later frame more than half a frame time past its slot gets two,
 * so a first frame 0.45 or more past the slot it fills is refused: millisecond timestamps could
 * carry a later one over. In an output that keeps its frames' times (Matroska, MPEG-TS) the
 * QuickTime segments would round them onto frame times: only a first frame at the file's start
 * comes out the same.
 */
export function cutShift(grid: FrameGrid, fillsFrameTimes: boolean, rate: FrameRate): number | undefined {
  if (!grid.regular) return undefined;
  if (!fillsFrameTimes) {
    const slack = (SLACK_SECONDS * rate.num) / rate.den;
    return Math.abs(grid.phase) <= slack ? 0 : undefined;
  }
  const shift = 1 + grid.phase > 1.1 ? roundHalfEven(1 + grid.phase) - 1 : 0;
  return grid.phase - shift < 0.45 ? shift : undefined;
}

/** C's `lrintf` in the default rounding mode: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Muxers that FFmpeg 5.1 fills to a constant frame rate when nothing says otherwise (they lack
 * `AVFMT_VARIABLE_FPS`). Checked with native FFmpeg 5.1.9 on a 25 fps source with a 0.6 s gap
 * (85 frames): MP4, MOV, M4V and 3GP wrote 100 frames; Matroska, MPEG-TS, FLV, AVI and NUT 85.
 * (A splittable command has no raw `-vsync`/`-fps_mode`: raw options run whole.)
 */
const FILLING_MUXERS = new Set(['mp4', 'mov', 'm4v', '3gp', '3g2', 'ipod', 'ismv', 'psp']);

/** Whether FFmpeg fills the command's output to a constant frame rate. */
export function fillsFrameTimes(cmd: Command<string>): boolean {
  const format = outputFormat(cmd);
  return format !== undefined && FILLING_MUXERS.has(format);
}
