import type { Command } from '../builder/index.js';
import type { ComponentList } from '../engine/index.js';
import { outputFormat } from './structure.js';

/** What the choice reads of a build's encoders (`BuildComponents.encoders`). */
type EncoderNames = Pick<ComponentList, 'has'>;

/**
 * The encoders FFmpeg 5.1 may pick for an output format's video when the command names none, in
 * the order it prefers them: the first a build has is its choice. The muxer's `video_codec`
 * decides the codec, with the build's configuration (MP4, QuickTime and Matroska take H.264 only
 * where libx264 is built in, else MPEG-4 part 2: libopenh264 alone does not make it H.264; WebM
 * takes VP9 where libvpx-vp9 is there, else VP8), and `avcodec_find_encoder` the first encoder
 * registered for that codec (libx264 before libopenh264). `.m4v` is the `ipod` muxer's, H.264
 * always. Formats not listed are left to FFmpeg, and their commands run whole.
 */
const DEFAULT_VIDEO: Readonly<Record<string, readonly string[]>> = {
  mp4: ['libx264', 'mpeg4'],
  mov: ['libx264', 'mpeg4'],
  mkv: ['libx264', 'mpeg4'],
  matroska: ['libx264', 'mpeg4'],
  m4v: ['libx264', 'libopenh264'],
  ipod: ['libx264', 'libopenh264'],
  webm: ['libvpx-vp9', 'libvpx'],
  avi: ['mpeg4'],
  nut: ['mpeg4'],
  flv: ['flv'],
  ts: ['mpeg2video'],
  mpegts: ['mpeg2video'],
};

/**
 * The video encoder FFmpeg picks for `format` in a build with `encoders`, or `undefined` where
 * the format is not one the table knows or the build has none of its encoders (FFmpeg then fails
 * the command itself).
 */
export function defaultVideoEncoder(format: string, encoders: EncoderNames): string | undefined {
  return DEFAULT_VIDEO[format.toLowerCase()]?.find((name) => encoders.has(name));
}

/**
 * The command with its output's video encoder named (`-c:v`) where the command leaves FFmpeg to
 * choose it and the build tells which it would choose: a split names its segments' encoder, and
 * its scratch files are not the output's format, whose choice they would otherwise get. The
 * command itself where it names one, sets a codec for every stream (`-c`), has no video (`-vn`),
 * or the choice is not known.
 */
export function withDefaultVideoEncoder(
  cmd: Command<string>,
  encoders: EncoderNames | undefined,
): Command<string> {
  const options = cmd.outputs[0]?.options;
  if (!encoders || cmd.outputs.length !== 1 || !options) return cmd;
  if (options['c:v'] !== undefined || options.c !== undefined || options.vn) return cmd;
  const format = outputFormat(cmd);
  const encoder = format === undefined ? undefined : defaultVideoEncoder(format, encoders);
  return encoder ? cmd.mapOutputs((o) => ({ ...o, options: { ...o.options, 'c:v': encoder } })) : cmd;
}
