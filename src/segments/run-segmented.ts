import { Volume } from '#platform/memory-volume';
import type { Command } from '../builder/index.js';
import type { Engine, Progress, RunOptions, RunResult, VolumeLike } from '../engine/index.js';
import { restoredAudioEnds, withAudioEnds } from './audio-ends.js';
import { withDefaultVideoEncoder } from './default-video-encoder.js';
import { type JobCancellation, jobCancellation } from './job-cancellation.js';
import { SCRATCH_AT } from './jobs.js';
import { withAudioEncoderTags, withVideoEncoderTag } from './join-stream-tags.js';
import { planSplit } from './split-plan.js';
import { type SegmentMode, segmentStructure } from './structure.js';
import { exists, removeQuietly, volumeFileOf } from './volume-file.js';
import { withMapByKind } from './whole-input-map.js';

/** How a run with `segments` was carried out. */
export interface Segmentation {
  /** How many segments were encoded at once (1: the command ran whole). */
  readonly segments: number;
  /** How segments were cut (see docs/segments.md). */
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
  const whole = async (reason: string, runOptions = options): Promise<SegmentedRunResult> => ({
    ...(await engine.run(vol, args, runOptions)),
    segmentation: { segments: 1, reason },
  });
  if (count < 2) return whole('one segment was asked for');
  if (options.stdin !== undefined) return whole('the command reads pipe:0, which can be read only once');
  const job = jobCancellation(options, args);
  try {
    return await runSplit(vol, cmd, args, count, engine, job, (reason) => whole(reason, job.options));
  } finally {
    job.dispose();
  }
}

/** The split itself, under the job's cancellation: planned, run, joined, or `whole` with its reason. */
async function runSplit(
  vol: VolumeLike,
  cmd: Command<string>,
  args: readonly string[],
  count: number,
  engine: Engine,
  job: JobCancellation,
  whole: (reason: string) => Promise<SegmentedRunResult>,
): Promise<SegmentedRunResult> {
  const { options, controller } = job;
  const started = performance.now();
  // A -map 0 the split can follow named by kind (the whole run keeps the command as written).
  const byKind = await withMapByKind(vol, cmd, engine, options);
  // The encoder FFmpeg would choose, named for the segments (the whole run leaves it to FFmpeg).
  const split = withDefaultVideoEncoder(byKind, (await engine.components?.())?.encoders);
  const splitArgs = split === cmd ? args : split.toArgs();
  const structure = segmentStructure(split, splitArgs);
  if ('reason' in structure) return whole(structure.reason);
  const plan = await planSplit(vol, split, splitArgs, structure, count, engine, options);
  if ('reason' in plan) return whole(plan.reason);
  const { mode, starts, audio, jobs, duration, span } = plan;

  const scratch = new Volume();
  scratch.writeFileSync('/segments.ffconcat', jobs.concatList);
  const reached = jobs.segments.map(() => 0);
  // A segment's share of the whole: the first one's audio output runs on past its video range.
  const ranges = [0, ...starts].map((start, k) => ((starts[k] ?? span * 1e6) - start) / 1e6);
  const report = (k: number, p: Progress) => {
    if (p.timeSeconds === undefined || !options.onProgress) return;
    reached[k] = Math.min(p.timeSeconds, ranges[k] ?? 0);
    const timeSeconds = reached.reduce((a, b) => a + b, 0);
    options.onProgress({ timeSeconds, percent: Math.min(100, (100 * timeSeconds) / span) });
  };
  // Each run listens to the signal it is given, and Node warns of a leak past ten listeners on
  // one (16 segments printed MaxListenersExceededWarning): a signal per segment, all aborted by
  // the split's.
  const segmentControllers = jobs.segments.map(() => new AbortController());
  controller.signal.addEventListener(
    'abort',
    () => {
      for (const c of segmentControllers) c.abort(controller.signal.reason);
    },
    { once: true },
  );
  const runOptions = (signal: AbortSignal, onProgress?: (p: Progress) => void): RunOptions => ({
    cwd: options.cwd,
    env: options.env,
    memoryLimitMiB: options.memoryLimitMiB,
    onStderr: options.onStderr,
    onProgress,
    mounts: [...(options.mounts ?? []), { at: SCRATCH_AT, volume: scratch }],
    signal,
  });
  let failure: unknown;
  const track = <T>(job: Promise<T>) =>
    job.catch((err: unknown) => {
      // The first failure is the one to report; the others were stopped because of it.
      if (failure === undefined) failure = err;
      controller.abort(err);
      throw err;
    });
  // What the job writes into the caller's volumes is the output, by the join: on any failure it is
  // removed again, unless it was there before (with -y one run would have overwritten it too).
  const output = cmd.outputs[0] && volumeFileOf(cmd.outputs[0].path, vol, options);
  const outputWasThere = output !== undefined && exists(output);
  try {
    const segmentsStarted = performance.now();
    const segmentsMs = jobs.segments.map(() => 0);
    const encodes = jobs.segments.map((segment, k) =>
      track(
        engine
          .run(
            vol,
            segment,
            runOptions(segmentControllers[k]?.signal ?? controller.signal, (p) => report(k, p)),
          )
          .finally(() => {
            segmentsMs[k] = performance.now() - segmentsStarted;
          }),
      ),
    );
    // The first segment's encoder tag is read as soon as it is written, beside the later segments
    // rather than before the join (a failure surfaces below, after the segments').
    const { encoderTagFrom } = jobs;
    const encoderTag =
      encoderTagFrom === undefined
        ? undefined
        : encodes[0]?.then(() => videoEncoderTag(vol, engine, encoderTagFrom, runOptions(controller.signal)));
    encoderTag?.catch(() => {});
    // So are the times of the audio it wrote into Matroska (`AudioEnds`).
    const { audioEnds } = jobs;
    const restored =
      audioEnds === undefined
        ? undefined
        : encodes[0]?.then(() =>
            restoredAudioEnds(
              vol,
              scratch.readFileSync(audioEnds.scratchPath) as Uint8Array,
              engine,
              audioEnds,
              runOptions(controller.signal),
            ),
          );
    restored?.catch(() => {});
    const settled = await Promise.allSettled(encodes);
    if (failure !== undefined || settled.some((s) => s.status === 'rejected')) throw failure;
    const tag = await encoderTag;
    const ends = await restored;
    const joinStarted = performance.now();
    const timed = ends && audioEnds ? withAudioEnds(jobs.join, audioEnds.input, ends) : jobs.join;
    const tagged = tag === undefined ? timed : withVideoEncoderTag(timed, tag);
    const first = settled[0];
    const libavcodec = tag?.split(' ')[0];
    const join =
      jobs.audioEncoderTags && libavcodec?.startsWith('Lavc') && first?.status === 'fulfilled'
        ? withAudioEncoderTags(tagged, libavcodec, first.value.stderr, jobs.audioEncoderTags)
        : tagged;
    const joined = await engine.run(vol, join.toArgs(), runOptions(controller.signal));
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
  } catch (err) {
    if (output && !outputWasThere) removeQuietly(output);
    throw err;
  } finally {
    scratch.reset();
  }
}

/** The `encoder` tag of the video in a segment (FFmpeg's `Lavc... libx264`), if it names one. */
async function videoEncoderTag(
  vol: VolumeLike,
  engine: Engine,
  path: string,
  { signal, mounts, cwd, env, memoryLimitMiB }: RunOptions,
): Promise<string | undefined> {
  const probe = await engine.probe(vol, path, { signal, mounts, cwd, env, memoryLimitMiB });
  const tags = probe.streams.find((s) => s.codecType === 'video')?.tags ?? {};
  return Object.entries(tags).find(([key]) => key.toLowerCase() === 'encoder')?.[1];
}
