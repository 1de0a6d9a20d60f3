import type { Command } from './builder/index.js';
import { missingComponent } from './check-components.js';
import {
  defaultEngine,
  type Engine,
  ProgressStream,
  type RunOptions,
  type RunResult,
  type VolumeLike,
} from './engine/index.js';
import { probeEachInput, streamCounts } from './input-probes.js';
import { runSegmented, type SegmentedRunResult } from './segments/run-segmented.js';

/** Run options of the engine, plus which engine to use and how to know the length for progress. */
export interface RunCommandOptions extends RunOptions {
  /** The engine to run on (e.g. `createEngine({ variant: 'lgpl' })`); the default build otherwise. */
  readonly engine?: Engine;
  /**
   * Probe the command's input files before the run, so progress has a percentage even when only
   * the inputs' lengths tell the output's (default false: one short ffprobe run per input file).
   */
  readonly probeInputs?: boolean;
  /**
   * Segment-parallel encoding (R-AF-17): split the video encode into this many time ranges,
   * encode them on that many workers at once and join them losslessly into the one output
   * (`'auto'`: the engine's concurrency). A command that cannot be split safely runs whole, and
   * the result's `segmentation.reason` says why.
   *
   * The ranges are not equal: they are balanced by cost. A segment that seeks its input decodes
   * from the source keyframe before its start (found by a scan of the source's packets, which
   * decodes nothing), so where keyframes are sparse the later segments get fewer frames of their
   * own; where a keyframe lies next to the balance the cut moves onto it. The first segment also
   * encodes the whole audio, so it gets fewer frames too. `segmentation.cuts` says where each
   * segment after the first starts, `segmentation.audio` where the audio was encoded. A source
   * whose frames are unevenly spaced (a phone's variable rate, a gap) is cut only where a segment
   * repeats, drops and times its frames as the single run does, so a cut may move a few frames
   * from the balance.
   *
   * @example
   * ```ts
   * const engine = createEngine({ concurrency: 2 });
   * const cmd = new Command({ y: true })
   *   .input('/in/clip.mp4') // 4 s at 25 fps with a tone, its one keyframe at 0 (-g 250)
   *   .output('/out/split.mp4', { 'c:v': 'libx264', preset: 'veryfast', crf: 23, 'c:a': 'aac' });
   * const { segmentation } = await runCommand(vol, cmd, { engine, segments: 'auto' });
   * // the second segment decodes 0..2 s again, which costs about what the first one's audio does
   * segmentation; // { segments: 2, mode: 'input-seek', cuts: [2], audio: 'first-segment', timings: {...} }
   * ```
   */
  readonly segments?: number | 'auto';
}

/** Options of a segment-parallel run. */
export type SegmentedRunOptions = RunCommandOptions & { readonly segments: number | 'auto' };

/**
 * Runs a built {@link Command} over a volume: the one place the builder meets an engine. The
 * command is compiled with `toArgs()` (so an invalid graph throws a `BuilderError` before anything
 * runs) and handed to `options.engine` or the default engine with the rest of `options`.
 *
 * Before anything runs, the command is checked against what the engine's build carries
 * (`engine.components()`, read from its provenance): an encoder, decoder, muxer, demuxer, filter
 * or bitstream filter the command names (`-c:a libmp3lame`, `-f hls`, `drawtext`) that the build
 * lacks rejects with an `UnknownComponentError` naming it, its kind and the variant. What FFmpeg
 * picks by itself (the muxer for an output's file extension, probed demuxers and decoders,
 * default encoders) is not checked here; FFmpeg reports those, as the same error where it names
 * the component.
 *
 * Progress comes from FFmpeg's own `-progress` stream (`-progress pipe:2 -nostats` are added when
 * `onProgress` is given and the command sets no `progress` of its own), so it arrives at any
 * `-loglevel`, and its lines are kept out of `onStderr`. Its percentage is of the length the
 * command itself gives its first output (`Command.expectedDuration`: output `-t`/`-to`, trims,
 * `setpts`, `concat`, `xfade`, sources' durations, ...), with `probeInputs` the inputs' probed
 * lengths too; `options.durationSeconds` overrides it.
 *
 * @example
 * ```ts
 * import { Command, runCommand, probe, Volume } from 'afmpeg';
 * const vol = new Volume();
 * const cmd = new Command({ y: true, loglevel: 'error' })
 *   .lavfiInput('testsrc2', { size: '320x240', rate: 25, duration: 2 })
 *   .output('/out.mp4', { 'c:v': 'libx264', pix_fmt: 'yuv420p' });
 * const result = await runCommand(vol, cmd, { onProgress: (p) => console.log(p.percent) });
 * result.exitCode; // 0
 * (await probe(vol, '/out.mp4')).format.duration; // 2
 * ```
 */
export function runCommand<L extends string>(
  vol: VolumeLike,
  cmd: Command<L>,
  options: SegmentedRunOptions,
): Promise<SegmentedRunResult>;
export function runCommand<L extends string>(
  vol: VolumeLike,
  cmd: Command<L>,
  options?: RunCommandOptions,
): Promise<RunResult>;
export async function runCommand<L extends string>(
  vol: VolumeLike,
  cmd: Command<L>,
  options: RunCommandOptions = {},
): Promise<RunResult> {
  const { engine: given, probeInputs, segments, ...runOptions } = options;
  const engine = given ?? defaultEngine();
  let args = cmd.toArgs();
  // Refused before anything starts: a component the engine's build lacks (from its provenance).
  if (engine.components) {
    const missing = missingComponent(await engine.components(), args);
    if (missing) throw missing;
  }
  const { onProgress, onStderr } = runOptions;
  if (!onProgress && segments === undefined) return engine.run(vol, args, runOptions);

  const probes = probeInputs ? await probeEachInput(vol, cmd, engine, runOptions) : [];
  const duration =
    runOptions.durationSeconds ??
    cmd.expectedDuration(
      probes.map((p) => p?.format.duration),
      probes.map((p) => p && streamCounts(p)),
    );
  if (segments !== undefined) {
    const count = segments === 'auto' ? (engine.concurrency ?? 1) : segments;
    const known = duration !== undefined && duration > 0 ? { durationSeconds: duration } : {};
    return runSegmented(vol, cmd, count, engine, { ...runOptions, ...known });
  }
  if (!onProgress) return engine.run(vol, args, runOptions);
  const own = cmd.globals.progress === undefined;
  if (own) {
    const stats = cmd.globals.stats === undefined ? ['-nostats'] : [];
    args = ['-progress', 'pipe:2', ...stats, ...args];
  }
  const stream = new ProgressStream();
  return engine.run(vol, args, {
    ...runOptions,
    onProgress: own ? undefined : onProgress,
    ...(duration !== undefined && duration > 0 ? { durationSeconds: duration } : {}),
    onStderr: own
      ? (line) => {
          const read = stream.push(line);
          if (read === undefined) onStderr?.(line);
          else if (read !== 'field') {
            if (duration !== undefined && duration > 0 && read.timeSeconds !== undefined) {
              read.percent = Math.min(100, Math.max(0, (read.timeSeconds / duration) * 100));
            }
            onProgress(read);
          }
        }
      : onStderr,
  });
}
