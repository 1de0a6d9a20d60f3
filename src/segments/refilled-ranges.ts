import { cutMicros, type FrameRate, frameAtCut, microsToTicks } from './boundaries.js';
import type { InputRange } from './jobs.js';

/**
 * How each segment of a split through an `fps` filter runs: where its input starts and how long
 * it reads, how many frames it writes, and where its first frame lies on the filter's frame times.
 */
export interface RefilledRanges {
  /** Where segments 2, 3, ... start, in µs of the output (on its frame times, see `cutMicros`). */
  readonly starts: readonly number[];
  /** Each segment's input range (µs): from a source frame to the one after the next one's. */
  readonly inputRanges: readonly InputRange[];
  /**
   * How many frames each segment writes (`-frames:v`); the last one writes what is left, up to
   * the output's own count where it has one.
   */
  readonly frameCounts: readonly (number | undefined)[];
  /** Each segment's first output frame, counted in the filter's frame times from the output's 0. */
  readonly firstFrames: readonly number[];
}

/**
 * The source's frames as an `fps` filter giving the rate `output` meets them: each frame's time
 * (`ticks` of 1/`timescale` s from the file's start, ascending), less where the command's input
 * `-ss` (`startMicros`) puts the output's 0, rounded to the filter's frame times as FFmpeg 5.1
 * does (`av_rescale_q_rnd`, to the nearest, half away from 0).
 */
export class FpsFrames {
  readonly #num: bigint;
  readonly #den: bigint;
  /** The output's 0 in ticks: the -ss rounded to them, as FFmpeg takes it off each packet. */
  readonly #origin: number;
  /** The first frame FFmpeg keeps after the -ss (its accurate seek drops those before). */
  readonly first: number;

  constructor(
    readonly ticks: readonly number[],
    readonly timescale: number,
    readonly output: FrameRate,
    readonly startMicros = 0,
  ) {
    this.#num = BigInt(output.num);
    this.#den = BigInt(timescale) * BigInt(output.den);
    this.#origin = microsToTicks(startMicros, { num: 1, den: timescale });
    const first = ticks.findIndex((t) => t >= this.#origin);
    this.first = first < 0 ? ticks.length : first;
  }

  /** The frame time source frame `n` is rounded to, from the output's 0. */
  rounded(n: number): number {
    const at = BigInt((this.ticks[n] ?? 0) - this.#origin) * this.#num;
    const twice = 2n * at + (at < 0n ? -this.#den : this.#den);
    return Number(twice / (2n * this.#den));
  }

  /** Source frame `n`'s time in whole µs, as an `-ss` FFmpeg rounds back onto its tick. */
  micros(n: number): number {
    return Math.round(((this.ticks[n] ?? 0) * 1e6) / this.timescale);
  }
}

/**
 * The segments of a split whose `-vf` gives its frames the rate `frames.output` (`fps`) near the
 * balanced cuts `cuts` (µs), over a source whose frames' exact times `frames` holds.
 *
 * FFmpeg 5.1's `fps` rounds each frame's time to its own frame times, starts counting at the
 * first frame it sees, and fills each frame time with the last frame rounded to it or before.
 * Given the whole run's clock (`setpts`, see `segmentJobs`), a segment whose input starts at a
 * source frame therefore starts at that frame's rounded time, and from there gives the whole
 * run's frames; the segment before it reads that frame too (so its own last frame time is filled
 * as in the whole run, whatever its input's end) and writes only the frames before it. Checked
 * 2026-12-02 with native FFmpeg 5.1.9 over a 30 fps source into 10, 12, 24, 24000/1001, 25,
 * 29.97, 30000/1001, 50 and 60 fps, lossless: every frame the whole run's.
 *
 * `exact` (cuts on keyframes the command fixes): a cut must start at its own frame time, else
 * `undefined`; so also where a chosen frame's time cannot be given exactly in µs. `total`: the
 * frames the output keeps (an output `-t`), which the last segment writes the rest of.
 */
export function refilledRanges(
  cuts: readonly number[],
  frames: FpsFrames,
  { exact = false, total }: { readonly exact?: boolean; readonly total?: number } = {},
): RefilledRanges | undefined {
  const { ticks, timescale, output } = frames;
  const firstSources: number[] = [frames.first];
  for (const cut of cuts) {
    const wanted = frameAtCut(cut, output);
    // The first frame rounded there or later: the frame times are ascending, so a binary search.
    let low = frames.first;
    let high = ticks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (frames.rounded(middle) < wanted) low = middle + 1;
      else high = middle;
    }
    if (low >= ticks.length || (exact && frames.rounded(low) !== wanted)) return undefined;
    if (low > (firstSources.at(-1) ?? 0)) firstSources.push(low);
  }
  // FFmpeg reads an -ss in µs and rounds it to the stream's ticks: it must come back on the frame.
  const onTicks = firstSources.every((n) => Math.round((frames.micros(n) * timescale) / 1e6) === ticks[n]);
  if (!onTicks) return undefined;
  const firstFrames = firstSources.map((n) => frames.rounded(n));
  const starts = firstFrames.slice(1).map((frame) => cutMicros(frame, output));
  const inputRanges = firstSources.map((n, k): InputRange => {
    const next = firstSources[k + 1];
    // The first segment seeks where the command does; the others onto their first frame.
    const ss = k > 0 ? frames.micros(n) : frames.startMicros > 0 ? frames.startMicros : undefined;
    // Up to the frame after the next segment's first, counted from the first frame FFmpeg keeps
    // (as its input -t is); reading on is harmless, as -frames:v stops the output.
    const end = next === undefined || next + 1 >= ticks.length ? undefined : frames.micros(next + 1);
    return end === undefined ? { ss } : { ss, t: end - frames.micros(n) };
  });
  const frameCounts = firstFrames.map((frame, k) => {
    const next = firstFrames[k + 1] ?? total;
    return next === undefined ? undefined : next - frame;
  });
  if (frameCounts.some((count) => count !== undefined && count <= 0)) return undefined;
  return { starts, inputRanges, frameCounts, firstFrames };
}
