/**
 * One FATE invocation of ffmpeg/ffprobe through afmpeg's engine: the FATE tree (AFMPEG_FATE_ROOT)
 * mounted at its own path over an empty volume, the caller's working directory, stdout to the
 * caller's sink, stderr line by line, and the exit code FFmpeg itself reported. Shared by the
 * in-process path of target-exec.ts and the warm engine-server.ts.
 */

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import {
  createEngine,
  type Engine,
  FFmpegExitError,
  type StdinInput,
  type Tool,
  UnknownComponentError,
  Volume,
} from 'afmpeg';
import { fateEnv } from './wire.js';

export interface Invocation {
  tool: Tool;
  args: string[];
  cwd: string;
}

export interface Outcome {
  exitCode: number;
  /** Set when the run failed other than by FFmpeg's own exit: an engine or host failure. */
  error?: string;
}

/** The exit code FATE sees for an engine or host failure (never one FFmpeg itself uses). */
export const ENGINE_FAILURE_EXIT = 254;

/** An engine over the wasm build in AFMPEG_FATE_WASM, pinned to the PROVENANCE.json on disk. */
export function fateEngine(concurrency: number): Engine {
  const path = fateEnv('AFMPEG_FATE_WASM');
  const sha256 = createHash('sha256')
    .update(fs.readFileSync(join(path, 'PROVENANCE.json')))
    .digest('hex');
  return createEngine({ variant: { path, sha256 }, concurrency });
}

export async function runInvocation(
  engine: Engine,
  { tool, args, cwd }: Invocation,
  io: { stdout: Writable; stderr: (text: string) => void; stdin?: StdinInput },
): Promise<Outcome> {
  const root = fateEnv('AFMPEG_FATE_ROOT');
  try {
    const result = await engine.run(new Volume(), args, {
      tool,
      cwd,
      mounts: [{ at: root, volume: fs, path: root }],
      stdout: io.stdout,
      stdin: io.stdin,
      onStderr: (line) => io.stderr(`${line}\n`),
      // FATE's slowest sample-free test takes seconds natively; a hang must not stall the run.
      timeout: 300_000,
    });
    return { exitCode: result.exitCode };
  } catch (err) {
    if (err instanceof FFmpegExitError) return { exitCode: err.exitCode };
    if (err instanceof UnknownComponentError && err.exitCode !== undefined) return { exitCode: err.exitCode };
    const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    io.stderr(`afmpeg engine failure: ${error}\n`);
    return { exitCode: ENGINE_FAILURE_EXIT, error };
  }
}
