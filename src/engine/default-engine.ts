import type { ProbeResult } from './probe-result.js';
import type { Engine, ProbeOptions, RunOptions, RunResult, VolumeLike } from './types.js';
import { createEngine } from './wasi-engine.js';

let shared: Engine | undefined;

/** The engine behind `run` and `probe`: the default build, created on first use. */
export function defaultEngine(): Engine {
  shared ??= createEngine();
  return shared;
}

/**
 * Runs FFmpeg with raw argv over a volume (R-AF-4): resolves with the exit code and stderr,
 * rejects with a typed error (`FFmpegExitError` and kin) on failure.
 *
 * @example
 * ```ts
 * import { run, Volume } from 'afmpeg';
 * const vol = new Volume();
 * await run(vol, ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:duration=2', '-c:v', 'libx264', '/out.mp4']);
 * // Any ffprobe argv, with the same options and errors:
 * const { stdout } = await run(vol, ['-v', 'error', '-of', 'json', '-show_entries', 'stream=width', '/out.mp4'], {
 *   tool: 'ffprobe',
 * });
 * ```
 */
export function run(vol: VolumeLike, args: readonly string[], options?: RunOptions): Promise<RunResult> {
  return defaultEngine().run(vol, args, options);
}

/**
 * Probes a file in the volume with the build's own ffprobe (R-AF-5).
 *
 * @example
 * ```ts
 * const info = await probe(vol, '/out.mp4');
 * info.streams[0]?.width; // 320
 * ```
 */
export function probe(vol: VolumeLike, path: string, options?: ProbeOptions): Promise<ProbeResult> {
  return defaultEngine().probe(vol, path, options);
}
