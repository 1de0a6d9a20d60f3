import type { Command } from './builder/index.js';
import {
  defaultEngine,
  type Engine,
  type RunOptions,
  type RunResult,
  type VolumeLike,
} from './engine/index.js';
import { runSegmented, type SegmentedRunResult } from './segments/run-segmented.js';

/** Run options of the engine, plus which engine to use. */
export interface RunCommandOptions extends RunOptions {
  /** The engine to run on (e.g. `createEngine({ variant: 'lgpl' })`); the default build otherwise. */
  readonly engine?: Engine;
  /**
   * Segment-parallel encoding (R-AF-17): split the video encode into this many time ranges,
   * encode them on that many workers at once and join them losslessly into the one output
   * (`'auto'`: the engine's concurrency). A command that cannot be split safely runs whole, and
   * the result's `segmentation.reason` says why.
   */
  readonly segments?: number | 'auto';
}

/** Options of a segment-parallel run. */
export type SegmentedRunOptions = RunCommandOptions & { readonly segments: number | 'auto' };

/**
 * Runs a built {@link Command} over a volume: the one place the builder meets an engine. The
 * command is compiled with `toArgs()` (so an invalid graph throws a `BuilderError` before anything
 * runs) and handed to `options.engine` or the default engine with the rest of `options`. When the
 * command states its own length (an output `-t`, or the only input's `-t`/`-to`), that length is
 * passed as `durationSeconds`, so progress reports carry a percentage.
 *
 * @example
 * ```ts
 * import { Command, runCommand, probe, Volume } from 'afmpeg';
 * const vol = new Volume();
 * const cmd = new Command({ y: true })
 *   .lavfiInput('testsrc2', { size: '320x240', rate: 25, duration: 2 })
 *   .output('/out.mp4', { 'c:v': 'libx264', pix_fmt: 'yuv420p', t: 2 });
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
export function runCommand<L extends string>(
  vol: VolumeLike,
  cmd: Command<L>,
  options: RunCommandOptions = {},
): Promise<RunResult> {
  const { engine, segments, ...runOptions } = options;
  let args: string[];
  try {
    args = cmd.toArgs();
  } catch (err) {
    return Promise.reject(err);
  }
  const durationSeconds = runOptions.durationSeconds ?? cmd.durationSeconds();
  const withDuration =
    durationSeconds !== undefined && durationSeconds > 0 ? { ...runOptions, durationSeconds } : runOptions;
  const runner = engine ?? defaultEngine();
  if (segments !== undefined) {
    const count = segments === 'auto' ? (runner.concurrency ?? 1) : segments;
    return runSegmented(vol, cmd, count, runner, withDuration);
  }
  return runner.run(vol, args, withDuration);
}
