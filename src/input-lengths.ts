import type { Command } from './builder/index.js';
import type { Engine, RunOptions, VolumeLike } from './engine/index.js';

/** Inputs a probe can read: files in the volume, not lavfi graphs, pipes or data: URLs. */
const probeable = (path: string, format: string | undefined) =>
  format !== 'lavfi' && format !== 'concat' && !/^(pipe:|data:|-$)/.test(path);

/**
 * Each input's length in seconds by ffprobe (the inputs probed at once), `undefined` for an input
 * no probe can read: what `Command.expectedDuration` needs when the command alone does not tell.
 */
export function inputLengths(
  vol: VolumeLike,
  cmd: Command<string>,
  engine: Engine,
  options: Pick<RunOptions, 'signal' | 'cwd' | 'mounts'>,
): Promise<(number | undefined)[]> {
  const { signal, cwd, mounts } = options;
  const where = { ...(signal ? { signal } : {}), ...(cwd ? { cwd } : {}), ...(mounts ? { mounts } : {}) };
  return Promise.all(
    cmd.inputs.map(async (input) =>
      probeable(input.path, input.options.f)
        ? (await engine.probe(vol, input.path, where)).format.duration
        : undefined,
    ),
  );
}
