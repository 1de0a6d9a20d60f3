import type { Command, InputEntry, StreamCounts } from './builder/index.js';
import type { Engine, ProbeResult, RunOptions, VolumeLike } from './engine/index.js';

/** Inputs a probe can read: files in the volume, not lavfi graphs, pipes or data: URLs. */
const probeable = (path: string, format: string | undefined) =>
  format !== 'lavfi' && format !== 'concat' && !/^(pipe:|data:|-$)/.test(path);

/** An input's ffprobe result, `undefined` for an input no probe can read. */
export async function probeInput(
  vol: VolumeLike,
  input: InputEntry,
  engine: Engine,
  options: Pick<RunOptions, 'signal' | 'cwd' | 'mounts'>,
): Promise<ProbeResult | undefined> {
  if (!probeable(input.path, input.options.f)) return undefined;
  const { signal, cwd, mounts } = options;
  return engine.probe(vol, input.path, {
    ...(signal ? { signal } : {}),
    ...(cwd ? { cwd } : {}),
    ...(mounts ? { mounts } : {}),
  });
}

/**
 * Each input's ffprobe result (the inputs probed at once): its length for
 * `Command.expectedDuration`.
 */
export function probeEachInput(
  vol: VolumeLike,
  cmd: Command<string>,
  engine: Engine,
  options: Pick<RunOptions, 'signal' | 'cwd' | 'mounts'>,
): Promise<(ProbeResult | undefined)[]> {
  return Promise.all(cmd.inputs.map((input) => probeInput(vol, input, engine, options)));
}

/** How many video and audio streams a probe found (`Command.expectedDuration`'s `inputStreams`). */
export function streamCounts(probe: ProbeResult): StreamCounts {
  return {
    video: probe.streams.filter((s) => s.codecType === 'video').length,
    audio: probe.streams.filter((s) => s.codecType === 'audio').length,
  };
}
