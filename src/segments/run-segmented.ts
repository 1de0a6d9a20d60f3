import { Volume } from 'memfs';
import type { Command } from '../builder/index.js';
import {
  type Engine,
  type Progress,
  type RunOptions,
  type RunResult,
  RunTimeoutError,
  type VolumeLike,
} from '../engine/index.js';
import { type FrameRate, parseFrameRate, segmentStarts } from './boundaries.js';
import { SCRATCH_AT, segmentJobs } from './jobs.js';
import { type SegmentMode, segmentStructure } from './structure.js';

/** A segment shorter than this costs more in start-up and keyframes than it saves. */
const MIN_SEGMENT_SECONDS = 0.5;

/** How a run with `segments` was carried out. */
export interface Segmentation {
  /** How many segments were encoded at once (1: the command ran whole). */
  readonly segments: number;
  /** How segments were cut (see the README's "Segment-parallel encoding"). */
  readonly mode?: SegmentMode;
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
  const { mode } = structure;

  const started = performance.now();
  const facts = await inputFacts(vol, cmd, engine, options, mode);
  const duration = options.durationSeconds ?? facts.durationSeconds;
  if (duration === undefined || !(duration > 0))
    return whole("the output's duration is unknown (give durationSeconds)");
  const rate = outputFrameRate(cmd, args) ?? facts.frameRate;
  const starts = segmentStarts(duration, count, rate, MIN_SEGMENT_SECONDS);
  if (starts.length === 0) return whole(`${duration} s is too short to split`);
  const jobs = segmentJobs(cmd, mode, starts, facts.hasAudio);

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
  const report = (k: number, p: Progress) => {
    if (p.timeSeconds === undefined || !options.onProgress) return;
    reached[k] = p.timeSeconds;
    const timeSeconds = reached.reduce((a, b) => a + b, 0);
    options.onProgress({ timeSeconds, percent: Math.min(100, (100 * timeSeconds) / duration) });
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
    const encodes = [
      ...jobs.segments.map((segment, k) =>
        track(
          engine.run(
            vol,
            segment.toArgs(),
            runOptions((p) => report(k, p)),
          ),
        ),
      ),
      ...(jobs.audio ? [track(engine.run(vol, jobs.audio.toArgs(), runOptions()))] : []),
    ];
    const settled = await Promise.allSettled(encodes);
    if (failure !== undefined || settled.some((s) => s.status === 'rejected')) throw failure;
    const joined = await engine.run(vol, jobs.join.toArgs(), runOptions());
    options.onProgress?.({ timeSeconds: duration, percent: 100 });
    const stderr = settled.map((s) => (s.status === 'fulfilled' ? s.value.stderr : '')).join('');
    return {
      ...joined,
      stderr: stderr + joined.stderr,
      durationMs: performance.now() - started,
      segmentation: { segments: jobs.segments.length, mode },
    };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
    scratch.reset();
  }
}

interface InputFacts {
  durationSeconds?: number;
  frameRate?: FrameRate;
  hasAudio: boolean;
}

/**
 * What the splitter needs from the first input when the command does not say: its length, its
 * frame rate and whether it has audio. Probed only for an input-seek split (one input file).
 */
async function inputFacts(
  vol: VolumeLike,
  cmd: Command<string>,
  engine: Engine,
  options: RunOptions,
  mode: SegmentMode,
): Promise<InputFacts> {
  const first = cmd.inputs[0];
  if (mode !== 'input-seek' || !first || first.options.f === 'lavfi') return { hasAudio: true };
  const { signal, cwd, mounts, env, memoryLimitMiB } = options;
  const info = await engine.probe(vol, first.path, { signal, cwd, mounts, env, memoryLimitMiB });
  const video = info.streams.find((s) => s.codecType === 'video');
  return {
    durationSeconds: info.format.duration,
    frameRate: video?.frameRate?.value ? { num: video.frameRate.num, den: video.frameRate.den } : undefined,
    hasAudio: info.streams.some((s) => s.codecType === 'audio'),
  };
}

/** The output's frame rate when the command states it: `-r`, an `fps` filter, an input's rate. */
function outputFrameRate(cmd: Command<string>, args: readonly string[]): FrameRate | undefined {
  const out = cmd.outputs[0]?.options;
  const graph = args.filter((_, i) => ['-vf', '-filter_complex'].includes(args[i - 1] ?? '')).join(';');
  const fps = /(?:^|[,;\]])\s*fps=(?:fps=)?([0-9./]+)/.exec(graph)?.[1];
  const inputRate = cmd.inputs.map((i) => i.options.framerate ?? i.options.r).find((r) => r !== undefined);
  return parseFrameRate(out?.r) ?? parseFrameRate(fps) ?? parseFrameRate(inputRate);
}
