import { Volume } from '#platform/memory-volume';
import { type Command, parseDuration } from '../builder/index.js';
import {
  type Engine,
  type Progress,
  type RunOptions,
  type RunResult,
  RunTimeoutError,
  type VolumeLike,
} from '../engine/index.js';
import { type FrameRate, parseFrameRate, segmentStarts } from './boundaries.js';
import { graphFilters } from './filter-names.js';
import { cutShift, fillsFrameTimes, frameRanges, shiftedFrames, startsLate } from './frame-grid.js';
import { audioPlan, SCRATCH_AT, segmentJobs } from './jobs.js';
import { scratchContainers } from './scratch-containers.js';
import { type InputFacts, inputFacts, type SourceFacts, sourceFacts } from './source-facts.js';
import { inputHazard, UNEVEN, UNREAD } from './split-hazards.js';
import { type SegmentMode, segmentStructure, videoGraphs } from './structure.js';
import { unevenCuts } from './uneven-cuts.js';

/** A segment shorter than this costs more in start-up and keyframes than it saves. */
const MIN_SEGMENT_SECONDS = 0.5;

/**
 * The cost model cuts are balanced with (see `placeCuts`), as shares of decoding and encoding a
 * frame. An input-seek segment decodes from the keyframe before its start and throws those
 * frames away: decoding alone is about a seventh of decoding and encoding (measured 2026-12-01 on
 * a warm engine: a 10 s 720p H.264 decode 0.80 s against the same decode plus libx264 veryfast
 * 5.63 s). An output-seek segment runs every input's decoding and the whole graph before its
 * range, which costs what the inputs and graph cost:
 * - over still images looped into video, about half (the README's reel, 1080x1920 PNG cards and
 *   crossfades, re-measured 2026-12-01 in place: 6.84-12 s took 7.3-7.6 s and 0-6.84 s plus the
 *   audio 6.5-6.7 s; each frame decodes its PNG again);
 * - over video, about a sixth (a 1 s fade-in over W1's 720p H.264, 2 segments alternated for 4
 *   rounds: 5.28 s at a half, 4.95 s at a quarter, 4.65 s at 0.15, 4.9-5.1 s at 0.2 and 0.1,
 *   against 6.6 s whole).
 * The audio encode that rides with the first segment: in input-seek 7 % of the video's (AAC 128k
 * of the same 10 s: 0.41 s with its own start-up); in output-seek, where a frame costs more, 5 %
 * (the reel's audio graph and AAC: 0.48-0.62 s). Estimates: a wrong one costs balance, never
 * correctness.
 */
const PRE_ROLL_COST = { 'input-seek': 1 / 7, stills: 1 / 2, video: 1 / 6 } as const;
const AUDIO_SHARE = { 'input-seek': 0.07, 'output-seek': 0.05 } as const;

/** How a run with `segments` was carried out. */
export interface Segmentation {
  /** How many segments were encoded at once (1: the command ran whole). */
  readonly segments: number;
  /** How segments were cut (see the README's "Segment-parallel encoding"). */
  readonly mode?: SegmentMode;
  /**
   * Where segments 2, 3, ... start, in seconds (on the output's frame grid, rounded down to the
   * microsecond): balanced so the costliest segment costs least, on source keyframes when that
   * is nearly as good.
   */
  readonly cuts?: readonly number[];
  /**
   * Where the audio was encoded, once: `first-segment` (as a second output of the first segment,
   * from the input, from the graph's audio chains, or by FFmpeg's own choice where the output has
   * no `map`), or `join` (every segment carried its range as PCM and the join encoded it: audio
   * the graph makes together with video, `-shortest`, no `map` with a complex graph, or inputs
   * that could not be read to tell whether there is audio at all). Absent without audio.
   */
  readonly audio?: 'first-segment' | 'join';
  /**
   * How long each segment took, in milliseconds from the moment all were handed to the engine
   * (a segment queued behind a busy worker counts its wait), in time order, and the join after
   * them. A split ends with its slowest segment: segments far apart mean the cuts missed what the
   * ranges cost, or the cores ran at different speeds.
   */
  readonly timings?: { readonly segmentsMs: readonly number[]; readonly joinMs: number };
  /** Why the command ran whole, when it did. */
  readonly reason?: string;
}

/** A run's result, with how it was split. */
export interface SegmentedRunResult extends RunResult {
  readonly segmentation: Segmentation;
}

/**
 * Runs `cmd` as `count` time ranges encoded at once and joined losslessly, or whole with the
 * reason when it cannot be split safely. Segments live in a scratch volume of their own, mounted
 * only for these runs, so the caller's volume sees nothing but the final output.
 */
export async function runSegmented(
  vol: VolumeLike,
  cmd: Command<string>,
  count: number,
  engine: Engine,
  options: RunOptions,
): Promise<SegmentedRunResult> {
  const args = cmd.toArgs();
  const whole = async (reason: string): Promise<SegmentedRunResult> => ({
    ...(await engine.run(vol, args, options)),
    segmentation: { segments: 1, reason },
  });
  if (count < 2) return whole('one segment was asked for');
  if (options.stdin !== undefined) return whole('the command reads pipe:0, which can be read only once');
  const structure = segmentStructure(cmd, args);
  if ('reason' in structure) return whole(structure.reason);

  const started = performance.now();
  const facts = await sourceFacts(vol, cmd, engine, options, structure.mode);
  // A cut inside a gap, or off a late first frame's grid, would start or end a segment where the
  // whole run fills frame times (a constant-rate output) or keeps a gap the join would close.
  const fills = fillsFrameTimes(cmd);
  const rate = facts.frameRate ?? { num: 1, den: 1 };
  const shift = facts.grid ? cutShift(facts.grid, fills, rate) : 0;
  // A source that cannot seek exactly (MPEG-TS, ...) is decoded from its start by every segment.
  const mode: SegmentMode =
    structure.mode === 'input-seek' && facts.seeksExactly === false ? 'output-seek' : structure.mode;
  // Unevenly spaced frames (a phone's variable rate) into a constant-rate output: the cuts go
  // where FFmpeg's filling of frame times comes out the same in a segment (`unevenCuts`).
  const uneven =
    shift === undefined && fills && mode === 'input-seek' && facts.rateIsFfmpegs === true
      ? facts.grid
      : undefined;
  if (shift === undefined && !uneven) return whole(UNEVEN);
  const keepsFrameTimes = !fills && facts.grid !== undefined && startsLate(facts.grid, rate);
  const cutsOnFrames = (shift ?? 0) > 0 || keepsFrameTimes || uneven !== undefined;
  if (cutsOnFrames && mode !== 'input-seek') return whole(UNEVEN);
  // An output-seek split reads its inputs' facts (from an MP4 index where it can) for what the
  // command leaves open: its length, subtitles the output could carry, whether FFmpeg's own
  // choice will find audio (no `map`), and whether the video's frames are evenly spaced.
  const inputs =
    structure.mode === 'output-seek'
      ? await quietly(inputFacts(vol, cmd, engine, options), options.signal)
      : [];
  // A frame grid unread is a gap unseen (a concat list's second file started 11 ms late, and the
  // frame at the cut came out wrong); lavfi's sources make their frames one frame time apart.
  if (
    structure.mode === 'output-seek' &&
    cmd.inputs.some((input, i) => input.options.f !== 'lavfi' && !inputs[i])
  )
    return whole(UNREAD);
  const hazard = inputHazard(cmd, facts, inputs);
  if (hazard) return whole(hazard);
  // The length the command gives its output (`-ss`, `-sseof`, `-t`, the graph) over the inputs'.
  const lengths =
    structure.mode === 'input-seek' ? [facts.durationSeconds] : inputs.map((f) => f?.durationSeconds);
  const duration = options.durationSeconds ?? cmd.expectedDuration(lengths) ?? facts.durationSeconds;
  const audio = audioPlan(
    cmd,
    args,
    mode,
    structure.mode === 'input-seek' ? facts.hasAudio : anyAudio(inputs),
  );
  if (duration === undefined || !(duration > 0))
    return whole("the output's duration is unknown (give durationSeconds)");
  // Only the video is cut: audio running on past it would leave the last segments no frames.
  const span = Math.min(
    duration,
    videoSpan(cmd, structure.mode === 'input-seek' ? [facts] : inputs) ?? duration,
  );
  const balanced = segmentStarts({
    durationSeconds: span,
    count,
    rate: outputFrameRate(cmd, args) ?? facts.frameRate,
    minSeconds: MIN_SEGMENT_SECONDS,
    keyframeSeconds: mode === 'input-seek' ? facts.keyframeSeconds : [0],
    preRollCost: preRollCost(cmd, mode),
    extra:
      audio.where === 'first-segment'
        ? { segment: 'first', share: (AUDIO_SHARE[mode] * duration) / span }
        : undefined,
  });
  if (balanced.length === 0) return whole(`${span} s is too short to split`);
  const frames = uneven
    ? unevenCuts(balanced, {
        grid: uneven,
        rate,
        timeBase: facts.timeBase,
        startSeconds: facts.startSeconds,
        singleStream: facts.streamCount === 1,
        unfiltered: videoGraphs(args).length === 0,
        endSeconds: outputLength(cmd),
      })
    : cutsOnFrames
      ? { starts: balanced, ...shiftedFrames(balanced, rate, shift ?? 0, outputLength(cmd)) }
      : undefined;
  const starts = frames?.starts ?? balanced;
  const inputRanges =
    frames && facts.grid && facts.frameRate
      ? frameRanges(facts.grid, rate, frames.firsts, frames.end)
      : undefined;
  if (cutsOnFrames && inputRanges === undefined) return whole(UNEVEN);
  const containers = scratchContainers(cmd, audio.where);
  if ('reason' in containers) return whole(containers.reason);
  const jobs = segmentJobs(cmd, mode, starts, audio, {
    containers,
    inputRanges,
    keepsFrameTimes,
    timescale: keepsFrameTimes ? rateTimescale(rate) : undefined,
  });

  const scratch = new Volume();
  scratch.writeFileSync('/segments.ffconcat', jobs.concatList);
  const controller = new AbortController();
  const cancel = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', cancel, { once: true });
  const timer =
    options.timeout !== undefined && options.timeout > 0
      ? setTimeout(
          () => controller.abort(new RunTimeoutError(options.timeout ?? 0, args, '')),
          options.timeout,
        )
      : undefined;
  const reached = jobs.segments.map(() => 0);
  // A segment's share of the whole: the first one's audio output runs on past its video range.
  const ranges = [0, ...starts].map((start, k) => ((starts[k] ?? span * 1e6) - start) / 1e6);
  const report = (k: number, p: Progress) => {
    if (p.timeSeconds === undefined || !options.onProgress) return;
    reached[k] = Math.min(p.timeSeconds, ranges[k] ?? 0);
    const timeSeconds = reached.reduce((a, b) => a + b, 0);
    options.onProgress({ timeSeconds, percent: Math.min(100, (100 * timeSeconds) / span) });
  };
  const runOptions = (onProgress?: (p: Progress) => void): RunOptions => ({
    cwd: options.cwd,
    env: options.env,
    memoryLimitMiB: options.memoryLimitMiB,
    onStderr: options.onStderr,
    onProgress,
    mounts: [...(options.mounts ?? []), { at: SCRATCH_AT, volume: scratch }],
    signal: controller.signal,
  });
  let failure: unknown;
  const track = <T>(job: Promise<T>) =>
    job.catch((err: unknown) => {
      // The first failure is the one to report; the others were stopped because of it.
      if (failure === undefined) failure = err;
      controller.abort(err);
      throw err;
    });
  try {
    options.signal?.throwIfAborted();
    const segmentsStarted = performance.now();
    const segmentsMs = jobs.segments.map(() => 0);
    const encodes = jobs.segments.map((segment, k) =>
      track(
        engine
          .run(
            vol,
            segment,
            runOptions((p) => report(k, p)),
          )
          .finally(() => {
            segmentsMs[k] = performance.now() - segmentsStarted;
          }),
      ),
    );
    const settled = await Promise.allSettled(encodes);
    if (failure !== undefined || settled.some((s) => s.status === 'rejected')) throw failure;
    const joinStarted = performance.now();
    const joined = await engine.run(vol, jobs.join.toArgs(), runOptions());
    const joinMs = performance.now() - joinStarted;
    options.onProgress?.({ timeSeconds: duration, percent: 100 });
    const stderr = settled.map((s) => (s.status === 'fulfilled' ? s.value.stderr : '')).join('');
    return {
      ...joined,
      stderr: stderr + joined.stderr,
      durationMs: performance.now() - started,
      segmentation: {
        segments: jobs.segments.length,
        mode,
        cuts: starts.map((us) => us / 1e6),
        ...(audio.where === 'none' ? {} : { audio: audio.where }),
        timings: { segmentsMs: segmentsMs.map(Math.round), joinMs: Math.round(joinMs) },
      },
    };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
    scratch.reset();
  }
}

/**
 * How long the output's video lasts, where the inputs say where their video ends: the command's
 * length (`-ss`, `-t`, the graph) over each input's video, or its whole length where it has no
 * video or could not tell. Audio chains fed by inputs longer than their video may still reach
 * past it; the output's length then bounds the span, as before.
 */
function videoSpan(
  cmd: Command<string>,
  inputs: readonly (Pick<SourceFacts, 'durationSeconds' | 'videoSeconds'> | undefined)[],
): number | undefined {
  if (inputs.every((f) => f?.videoSeconds === undefined)) return undefined;
  return cmd.expectedDuration(inputs.map((f) => f?.videoSeconds ?? f?.durationSeconds));
}

/** A timescale that counts frames at `rate` exactly: its numerator, doubled up to 10000 as MOV does. */
function rateTimescale(rate: FrameRate): number {
  let timescale = rate.num;
  while (timescale < 10000) timescale *= 2;
  return timescale;
}

/** The output's `-t`, in seconds. */
function outputLength(cmd: Command<string>): number | undefined {
  const t = cmd.outputs[0]?.options.t;
  return t === undefined ? undefined : parseDuration(t);
}

/** Inputs that are a still image, decoded again for every frame of the video they make. */
const STILL = /\.(png|jpe?g|webp|bmp|tiff?|gif)$/i;

/** What a thrown-away frame costs before a segment's range (see {@link PRE_ROLL_COST}). */
function preRollCost(cmd: Command<string>, mode: SegmentMode): number {
  if (mode === 'input-seek') return PRE_ROLL_COST['input-seek'];
  const stills = cmd.inputs.some((i) => i.options.loop !== undefined || STILL.test(i.path));
  return stills ? PRE_ROLL_COST.stills : PRE_ROLL_COST.video;
}

/** Whether an input has audio: `undefined` when one that could not be read might. */
function anyAudio(inputs: readonly (InputFacts | undefined)[]): boolean | undefined {
  if (inputs.some((f) => f?.hasAudio)) return true;
  return inputs.length > 0 && inputs.every((f) => f !== undefined) ? false : undefined;
}

/**
 * Probes that fail leave what they would have told unknown (the command then runs whole and FFmpeg
 * reports what is wrong); an abort still ends the job.
 */
async function quietly<T>(probes: Promise<T[]>, signal: AbortSignal | undefined): Promise<T[]> {
  try {
    return await probes;
  } catch (err) {
    if (signal?.aborted) throw err;
    return [];
  }
}

/** The output's frame rate when the command states it: `-r`, an `fps` filter, an input's rate. */
function outputFrameRate(cmd: Command<string>, args: readonly string[]): FrameRate | undefined {
  const out = cmd.outputs[0]?.options;
  const fpsFilter = videoGraphs(args)
    .flatMap((graph) => graphFilters(graph) ?? [])
    .find((filter) => filter.name === 'fps');
  const fps = fpsFilter?.options.fps ?? fpsFilter?.positional[0];
  const inputRate = cmd.inputs.map((i) => i.options.framerate ?? i.options.r).find((r) => r !== undefined);
  return parseFrameRate(out?.r) ?? parseFrameRate(fps) ?? parseFrameRate(inputRate);
}
