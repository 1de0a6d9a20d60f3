import type { Command } from '../builder/index.js';
import { seekMaps } from './seek-maps.js';

// The join's stream tags and dispositions into Matroska, which writes every one, as one run
// gives them (see `segmentJobs`).

/**
 * `join` with the video's `encoder` tag set to `encoder` (the segments' own, as one run names
 * it) after the command's own stream tags, unless they name one: one run sets those first and
 * its encoder's last, in the place FFmpeg's dictionary then gives it.
 */
export function withVideoEncoderTag(join: Command<string>, encoder: string): Command<string> {
  return join.mapOutputs((out) => {
    const { 'v:0': own = {}, ...rest } = out.options.streamMetadata ?? {};
    const tags = 'encoder' in own ? own : { ...own, encoder };
    return { ...out, options: { ...out.options, streamMetadata: { ...rest, 'v:0': tags } } };
  });
}

/**
 * `join` with each of its first `count` audio streams' `encoder` tag written last, as one run
 * adds its own after the stream's other tags (the join already dropped the source's):
 * `libavcodec` is FFmpeg's ident (`Lavc...`, as the video's tag has it) and the encoder's name
 * the one the first segment's stream mapping printed for that stream of its audio output
 * (`aac (native) -> aac (native)`; `native` is the codec's own name). A stream is left as it is
 * where the command names the tag itself or the mapping is not there (a command quieter than
 * FFmpeg's `info` log level).
 */
export function withAudioEncoderTags(
  join: Command<string>,
  libavcodec: string,
  firstSegmentStderr: string,
  count: number,
): Command<string> {
  return join.mapOutputs((out) => {
    const raw = [...(out.options.raw ?? [])];
    for (let i = 0; i < count; i++) {
      const encoder = audioEncoderName(firstSegmentStderr, i);
      if (encoder && !out.options.streamMetadata?.[`a:${i}`]?.encoder)
        raw.push(`-metadata:s:a:${i}`, `encoder=${libavcodec} ${encoder}`);
    }
    return { ...out, options: { ...out.options, raw } };
  });
}

/**
 * The encoder FFmpeg's stream mapping names for output #1's `stream`-th stream (the first
 * segment's audio file).
 */
export function audioEncoderName(stderr: string, stream = 0): string | undefined {
  const simple = new RegExp(
    `Stream #\\d+:\\d+ -> #1:${stream} \\(.* -> (\\S+)(?: \\((\\S+)\\))?\\)\\s*$`,
    'm',
  ).exec(stderr);
  if (simple) return simple[2] === undefined || simple[2] === 'native' ? simple[1] : simple[2];
  return new RegExp(`-> Stream #1:${stream} \\((\\S+)\\)\\s*$`, 'm').exec(stderr)?.[1];
}

/**
 * Where the output's audio streams come from among the `count` of the command's input `from` (in
 * order): the map's audio entries (input 0's as `seekMaps` gives them, `1:a`, `1:a:2`, `1:a?`;
 * beside one video stream, any input's, in any order: see {@link videoAndAudioOf}), or
 * FFmpeg's own one (`chosen`, or the only one); `undefined` where that is not known here.
 */
export function audioSources(
  map: readonly string[] | undefined,
  count: number,
  chosen: number | undefined,
  from = 0,
): number[] | undefined {
  if (map === undefined) return chosen !== undefined ? [chosen] : count === 1 ? [0] : undefined;
  const plain = videoAndAudioOf(map);
  const entries =
    (from === 0 ? seekMaps(map)?.audio : undefined) ?? (plain?.audioFrom === from ? plain.audio : undefined);
  if (!entries) return undefined;
  return entries.flatMap((entry) => {
    const index = /^\d+:a:(\d+)/.exec(entry)?.[1];
    return index === undefined ? [...Array(count).keys()] : Number(index) < count ? [Number(index)] : [];
  });
}

/** See {@link videoAndAudioOf}. */
export interface VideoAndAudio {
  /** The video entry: an input's (`0:v`, `1:V`, `0:v:0`) or a graph's label. */
  readonly video: string;
  /** The input the video entry names, `undefined` for a label. */
  readonly videoFrom: number | undefined;
  readonly audioFrom: number;
  readonly audio: readonly string[];
}

/**
 * A map of one video stream, an input's (`0:v`, `1:V`, `0:v:0`) or a graph's label, and otherwise
 * audio of one input alone (`1:a`, `1:a:1`, `0:a?`), in any order; `undefined` for any other map.
 */
export function videoAndAudioOf(map: readonly string[]): VideoAndAudio | undefined {
  const audioFrom = map.map((entry) => /^(\d+):a(:\d+)?\??$/.exec(entry)?.[1]).find((n) => n !== undefined);
  if (audioFrom === undefined) return undefined;
  const ofInput = new RegExp(`^${audioFrom}:a(:\\d+)?\\??$`);
  const audio = map.filter((entry) => ofInput.test(entry));
  const [video, ...more] = map.filter((entry) => !ofInput.test(entry));
  if (video === undefined || more.length > 0) return undefined;
  const videoFrom = /^(\d+):([vV]|v:0)\??$/.exec(video)?.[1];
  if (/^\d/.test(video) && videoFrom === undefined) return undefined;
  return {
    video,
    videoFrom: videoFrom === undefined ? undefined : Number(videoFrom),
    audioFrom: Number(audioFrom),
    audio,
  };
}

/**
 * `-disposition` options for the output's streams of a kind (`a`, `s`), each its source stream's
 * (`sources`: which source stream each is), as one run copies them; where two or more have none
 * `default`, one run marks the first so (`set_dispositions`).
 */
export function keptDispositions(
  kind: 'a' | 's',
  sources: readonly number[],
  flags: readonly string[],
): string[] {
  const chosen = sources.map((j) => flags[j] ?? '0');
  const noDefault = chosen.length > 1 && !chosen.some((d) => d.split('+').includes('default'));
  return chosen.flatMap((d, i) => [
    `-disposition:${kind}:${i}`,
    i === 0 && noDefault ? (d === '0' ? 'default' : `${d}+default`) : d,
  ]);
}
