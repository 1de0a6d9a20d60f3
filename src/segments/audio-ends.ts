import type { Command } from '../builder/index.js';
import type { Engine, RunOptions, VolumeLike } from '../engine/index.js';
import { matroskaCodecDelayNs } from './matroska-codec-delay.js';

/**
 * Where the first segment wrote its audio into a Matroska scratch file (Opus, MP3 bound for
 * Matroska: `scratchContainers`), whose packets the join copies: that file gives back neither the
 * encoder's first time nor its last packet's length. FFmpeg's Matroska demuxer reads every packet
 * a CodecDelay early, and its muxer had moved the encoder's negative first times up to 0 (so a
 * first time before 0 and one a codec delay later read back alike); it keeps no packet lengths,
 * so the last packet comes back a whole frame long where the encoder gave it what its padding
 * leaves (a 20 ms Opus frame, 6.5 ms of it sound), and the join's file ran that much longer.
 */
export interface AudioEnds {
  /** The scratch file, as the split's runs see it, and inside the scratch volume. */
  readonly guestPath: string;
  readonly scratchPath: string;
  /** The join's input that reads it. */
  readonly input: number;
  /**
   * How far (ms) the first segment wrote the file's times ahead of the encoder's
   * (`-output_ts_offset`: at least its codec delay, so no time before 0 is moved).
   */
  readonly writtenAheadMs: number;
}

/** What the join needs to copy the audio with the encoder's own times (see {@link AudioEnds}). */
export interface RestoredAudioEnds {
  /** `-itsoffset` for the audio file, in ms: its codec delay, less what it was written ahead. */
  readonly offsetMs: number;
  /** The last packet's index and its length as the encoder gave it, in ms. */
  readonly last?: { readonly index: number; readonly durationMs: number };
}

/**
 * Reads the scratch audio file's codec delay (from its header: `file`, its bytes) and its packets'
 * times and length (ffprobe, through `vol` with the scratch volume among the options' mounts),
 * once the first segment has written it. The Matroska muxer's segment duration is the
 * end of the last packet as the encoder timed it: the last packet's length is that end less its
 * time as written. `undefined` where the file has other than one audio stream (the times stay as
 * the join copies them).
 */
export async function restoredAudioEnds(
  vol: VolumeLike,
  file: Uint8Array,
  engine: Engine,
  ends: AudioEnds,
  { signal, cwd, mounts, env, memoryLimitMiB }: RunOptions,
): Promise<RestoredAudioEnds | undefined> {
  const codecDelayMs = Math.round(matroskaCodecDelayNs(file) / 1e6);
  const scan = await engine.run(
    vol,
    [
      ...['-v', 'error', '-show_entries', 'stream=codec_type:packet=pts'],
      ...['-show_entries', 'format=duration', '-of', 'json', ends.guestPath],
    ],
    { signal, cwd, mounts, env, memoryLimitMiB, tool: 'ffprobe', stdout: 'capture' },
  );
  const shown = JSON.parse(new TextDecoder().decode(scan.stdout)) as {
    streams?: { codec_type?: string }[];
    packets?: { pts?: number }[];
    format?: { duration?: string };
  };
  if (shown.streams?.length !== 1 || shown.streams[0]?.codec_type !== 'audio') return undefined;
  const offsetMs = codecDelayMs - ends.writtenAheadMs;
  const packets = shown.packets ?? [];
  const lastPts = packets.at(-1)?.pts;
  const endMs = Number(shown.format?.duration) * 1000;
  if (lastPts === undefined || !Number.isFinite(endMs)) return { offsetMs };
  const durationMs = Math.round(endMs) - (lastPts + codecDelayMs);
  return durationMs > 0 ? { offsetMs, last: { index: packets.length - 1, durationMs } } : { offsetMs };
}

/**
 * `join` reading the audio file (its input `input`) `restored.offsetMs` later, and its last audio
 * packet given the encoder's length (`setts`, after any bitstream filter the join already has).
 */
export function withAudioEnds(
  join: Command<string>,
  input: number,
  restored: RestoredAudioEnds,
): Command<string> {
  const { offsetMs, last } = restored;
  const moved =
    offsetMs === 0
      ? join
      : join.mapInputs((entry, i) =>
          i === input
            ? { ...entry, options: { ...entry.options, itsoffset: String(offsetMs / 1000) } }
            : entry,
        );
  if (!last) return moved;
  const setts = `setts=duration=if(eq(N\\,${last.index})\\,${last.durationMs}\\,DURATION)`;
  return moved.mapOutputs((out) => {
    const own = out.options.privateOptions?.['bsf:a'];
    const bsf = own ? `${own},${setts}` : setts;
    return {
      ...out,
      options: { ...out.options, privateOptions: { ...out.options.privateOptions, 'bsf:a': bsf } },
    };
  });
}
