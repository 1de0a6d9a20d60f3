import type { Command, InputStreamSelector } from '../builder/index.js';
import type { Engine, RunOptions, VolumeLike } from '../engine/index.js';
import { probeInput } from '../input-probes.js';

/** The kinds of stream a split carries, in the order its join writes them. */
const ORDER = ['video', 'audio', 'subtitle', 'attachment'];

/**
 * `-map 0` as the kinds of stream it names (`0:v`, then `0:a`, `0:s`, `0:t`), where that is the
 * same selection in the same order: input 0's streams are one video stream, then its audio
 * streams, its subtitle streams, its attachments (a Matroska file's fonts), and nothing else
 * (data). `undefined` for any
 * other map or input. `kinds` are the input's streams' kinds, in order.
 */
export function mapByKind(
  map: readonly string[] | undefined,
  kinds: readonly string[],
): InputStreamSelector[] | undefined {
  if (map?.length !== 1 || map[0] !== '0') return undefined;
  const ranks = kinds.map((kind) => ORDER.indexOf(kind));
  if (ranks.some((rank, i) => rank < 0 || (i > 0 && rank < (ranks[i - 1] as number)))) return undefined;
  if (kinds.filter((kind) => kind === 'video').length !== 1) return undefined;
  return [
    '0:v',
    ...(kinds.includes('audio') ? (['0:a'] as const) : []),
    ...(kinds.includes('subtitle') ? (['0:s'] as const) : []),
    ...(kinds.includes('attachment') ? (['0:t'] as const) : []),
  ];
}

/**
 * The command with its one input's `-map 0` named by kind (`mapByKind`), which a split can
 * follow (seeking the input, the join taking the subtitles from it); the command itself where
 * that does not hold or the input cannot be probed.
 */
export async function withMapByKind(
  vol: VolumeLike,
  cmd: Command<string>,
  engine: Engine,
  options: RunOptions,
): Promise<Command<string>> {
  const out = cmd.outputs[0];
  const input = cmd.inputs[0];
  if (cmd.inputs.length !== 1 || !input || out?.options.map?.join() !== '0') return cmd;
  const probe = await probeInput(vol, input, engine, options).catch(() => undefined);
  const map =
    probe &&
    mapByKind(
      out.options.map,
      probe.streams.map((s) => s.codecType),
    );
  return map ? cmd.mapOutputs((o) => ({ ...o, options: { ...o.options, map } })) : cmd;
}
