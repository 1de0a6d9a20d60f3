import type { Command } from './builder/index.js';
import type { Engine, ProbeResult, RunOptions, VolumeLike } from './engine/index.js';

/** Inputs a probe can read: files in the volume, not lavfi graphs, pipes or data: URLs. */
const probeable = (path: string, format: string | undefined) =>
  format !== 'lavfi' && format !== 'concat' && !/^(pipe:|data:|-$)/.test(path);

/**
 * Each input's ffprobe result (the inputs probed at once), `undefined` for an input no probe can
 * read: its length for `Command.expectedDuration`, its streams for the splitter.
 */
export function probeEachInput(
  vol: VolumeLike,
  cmd: Command<string>,
  engine: Engine,
  options: Pick<RunOptions, 'signal' | 'cwd' | 'mounts'>,
): Promise<(ProbeResult | undefined)[]> {
  const { signal, cwd, mounts } = options;
  const where = { ...(signal ? { signal } : {}), ...(cwd ? { cwd } : {}), ...(mounts ? { mounts } : {}) };
  return Promise.all(
    cmd.inputs.map((input) =>
      probeable(input.path, input.options.f) ? engine.probe(vol, input.path, where) : undefined,
    ),
  );
}
