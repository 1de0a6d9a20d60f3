import type { Command } from '../builder/index.js';
import { selectorMedia } from './audio-apart.js';
import { seekMaps } from './seek-maps.js';
import { outputFormat } from './structure.js';

/**
 * Each input's subtitle streams, in order, by codec name (`undefined` where the name is not
 * known, as from an MP4 index); `undefined` for an input whose streams were not read.
 */
export type InputSubtitles = readonly (readonly (string | undefined)[] | undefined)[];

/** The subtitle stream an output takes: the `index`-th subtitle stream of input `input`. */
export interface SubtitleStream {
  readonly input: number;
  readonly index: number;
}

/**
 * What FFmpeg 5.1's own stream choice (no `-map`) puts into the output of subtitles: one stream,
 * none, or `unknown` where the inputs' streams or the container's rule are not known here.
 */
export type SubtitleChoice = SubtitleStream | 'none' | 'unknown';

/** FFmpeg's codec descriptors' kinds of subtitle (`AV_CODEC_PROP_TEXT_SUB`/`_BITMAP_SUB`). */
const TEXT = 1;
const BITMAP = 2;
const SUBTITLE_PROPS: ReadonlyMap<string, number> = new Map([
  ...[
    'text',
    'ssa',
    'ass',
    'mov_text',
    'srt',
    'subrip',
    'microdvd',
    'eia_608',
    'jacosub',
    'sami',
    'realtext',
    'stl',
    'subviewer1',
    'subviewer',
    'webvtt',
    'mpl2',
    'vplayer',
    'pjs',
    'hdmv_text_subtitle',
    'ttml',
    'arib_caption',
  ].map((name): [string, number] => [name, TEXT]),
  ...['dvd_subtitle', 'dvb_subtitle', 'xsub', 'hdmv_pgs_subtitle'].map((name): [string, number] => [
    name,
    BITMAP,
  ]),
  ['dvb_teletext', 0],
]);

/**
 * The kind of subtitle each container's muxer encodes by default (its `subtitle_codec`, whose
 * encoder every build has: ASS for Matroska, WebVTT for WebM), or `null` where it names none
 * (MP4, QuickTime, MPEG-TS, AVI). Containers not listed are not known here.
 */
const DEFAULT_SUBTITLE: ReadonlyMap<string, number | null> = new Map([
  ['mkv', TEXT],
  ['matroska', TEXT],
  ['mka', TEXT],
  ['webm', TEXT],
  ['mp4', null],
  ['m4v', null],
  ['mov', null],
  ['ts', null],
  ['mpegts', null],
  ['avi', null],
]);

/**
 * The subtitle stream FFmpeg 5.1 gives an output that has no `-map` (`ffmpeg_opt.c`, "subtitles:
 * pick first"): none under `-sn`; else, where the command names a subtitle codec (`-c:s`) or the
 * container has a default one, the first subtitle stream of all the inputs, in order, that the
 * codec was named for, or whose kind (text, bitmap) the default encodes, or that is of neither
 * kind (teletext). So an MP4 output takes an input's subtitles only under `-c:s`, a Matroska one
 * its text subtitles unasked.
 */
export function chosenSubtitle(cmd: Command<string>, inputs: InputSubtitles): SubtitleChoice {
  const out = cmd.outputs[0];
  if (!out || out.options.sn) return 'none';
  const named = out.options['c:s'] !== undefined;
  const format = outputFormat(cmd) ?? '';
  const kind = DEFAULT_SUBTITLE.get(format);
  if (!named && kind === null) return 'none';
  for (let input = 0; input < cmd.inputs.length; input++) {
    // A filter source makes no subtitles.
    const codecs = cmd.inputs[input]?.options.f === 'lavfi' ? [] : inputs[input];
    if (codecs === undefined) return 'unknown';
    for (let index = 0; index < codecs.length; index++) {
      if (named) return { input, index };
      const codec = codecs[index];
      const props = codec === undefined ? undefined : SUBTITLE_PROPS.get(codec);
      if (kind === undefined || kind === null || props === undefined) return 'unknown';
      if ((props & kind) !== 0 || props === 0) return { input, index };
    }
  }
  return 'none';
}

/** The subtitle streams a split's join carries: input `input`'s `indices`-th, in the output's order. */
export interface CarriedSubtitles {
  readonly input: number;
  readonly indices: readonly number[];
}

/**
 * What a split does with the subtitles the output takes: `carried`, the streams the join maps
 * from their input (with the command's `-c:s`, as one run encodes or copies them), or nothing;
 * or why it cannot. The streams are FFmpeg's own choice without a `map`, or, seeking input 0
 * (`seeking`), the subtitle entries a map names after its video and audio (`seekMaps`). The join
 * reads the input whole, so it carries them only where one run does too: no `-ss`, `-sseof`,
 * `-t` or `-to` on the inputs or the output, and an input that starts at 0 (the join may keep
 * its times as they are, `-copyts`). Another map that may name subtitles (`0`, `0:2`) is not
 * followed.
 */
export function subtitlePlan(
  cmd: Command<string>,
  inputs: InputSubtitles,
  startSeconds: readonly (number | undefined)[],
  seeking: boolean,
): { readonly carried?: CarriedSubtitles } | { readonly reason: string } {
  const out = cmd.outputs[0];
  if (!out || out.options.sn) return {};
  const any = inputs.some((codecs) => codecs !== undefined && codecs.length > 0);
  const carry = (input: number, indices: readonly number[]) => {
    if (!indices.length) return {};
    const { ss, t, to } = out.options;
    const trimmed =
      [ss, t, to].some((o) => o !== undefined) ||
      cmd.inputs.some(({ options: o }) => [o.ss, o.sseof, o.t, o.to].some((v) => v !== undefined));
    if (trimmed || startSeconds[input] !== 0)
      return {
        reason:
          "the output carries an input's subtitles, which the join takes from the whole input: not under an -ss, -sseof, -t or -to, nor from a file that starts after 0 (-sn splits)",
      };
    return { carried: { input, indices } };
  };
  const { map } = out.options;
  if (map) {
    const named = seeking ? seekMaps(map)?.subtitles : undefined;
    if (named === undefined)
      return any && map.some((entry) => selectorMedia(entry) === 'unknown') ? { reason: DROPPED } : {};
    const codecs = inputs[0];
    if (named.length && codecs === undefined) return { reason: DROPPED };
    const count = codecs?.length ?? 0;
    const picked = named.map((entry) => {
      const index = /^0:s:(\d+)/.exec(entry)?.[1];
      const indices =
        index === undefined ? [...Array(count).keys()] : Number(index) < count ? [Number(index)] : [];
      return { optional: entry.endsWith('?'), indices };
    });
    // FFmpeg refuses a map entry that matches no stream: run whole, where it says so.
    if (picked.some((p) => !p.optional && !p.indices.length))
      return { reason: 'the map names subtitles the input does not have' };
    return carry(
      0,
      picked.flatMap((p) => p.indices),
    );
  }
  if (!any) return {};
  const choice = chosenSubtitle(cmd, inputs);
  if (choice === 'none') return {};
  if (choice === 'unknown') return { reason: DROPPED };
  return carry(choice.input, [choice.index]);
}

const DROPPED = 'an input has subtitles, which the join of the segments would drop (-sn splits)';
