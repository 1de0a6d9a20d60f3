import { BuilderError } from './errors.js';
import { metadataArg } from './escape.js';
import { optionName, takesValue } from './ffmpeg-cli-options.js';
import type { DurationValue, OpenString, RationalValue } from './filter-value.js';
import { formatNumber } from './filter-value.js';

/** FFmpeg's `-loglevel` names. */
export type LogLevel =
  | 'quiet'
  | 'panic'
  | 'fatal'
  | 'error'
  | 'warning'
  | 'info'
  | 'verbose'
  | 'debug'
  | 'trace';

/** A bit rate: bits per second, or FFmpeg's suffixed form (`'128k'`, `'2M'`). */
export type Bitrate = number | `${number}${'k' | 'K' | 'M' | 'G'}`;

/** An open record of extra `-key value` options (codec- or format-private), rendered in key order. */
export type PrivateOptions = Readonly<Record<string, string | number | boolean | undefined>>;

/** Encoder and muxer private options afmpeg's builds carry, typed; any other key stays open. */
export interface OutputPrivateOptions extends PrivateOptions {
  /** libx264: `key=value:key=value` passed to x264. */
  readonly 'x264-params'?: string;
  /** libx264: the x264 level (`'4.0'`, `31`). */
  readonly level?: string | number;
  /** aac: coder algorithm. */
  readonly aac_coder?: 'anmr' | 'twoloop' | 'fast';
  /** Container codec tag (`hvc1`, `avc1`). */
  readonly 'tag:v'?: string;
  /** Bitstream filters per stream type. */
  readonly 'bsf:v'?: string;
  readonly 'bsf:a'?: string;
  /** png encoder: compression level 0-9. */
  readonly compression_level?: number;
  /** image2 muxer: first number of the output sequence. */
  readonly start_number?: number;
  /** segment muxer: segment length in seconds. */
  readonly segment_time?: number;
}

/** Demuxer private options afmpeg's builds carry, typed; any other key stays open. */
export interface InputPrivateOptions extends PrivateOptions {
  /** Bytes to probe for stream information. */
  readonly probesize?: number;
  /** Microseconds to analyze for stream information. */
  readonly analyzeduration?: number;
  /** Format flags (`'+genpts'`, `'+igndts'`). */
  readonly fflags?: string;
  /** image2: how the file name is a pattern. */
  readonly pattern_type?: 'sequence' | 'glob' | 'none';
  /** image2: first number of the input sequence. */
  readonly start_number?: number;
}

/** Options that apply to the whole invocation; they come first in the argv. */
export interface GlobalOptions {
  /** `-y`: overwrite outputs without asking (FFmpeg otherwise prompts on stdin). */
  readonly y?: boolean;
  /** `-n`: never overwrite outputs; fail instead. */
  readonly n?: boolean;
  /** `-hide_banner`: no version/configuration banner on stderr. */
  readonly hide_banner?: boolean;
  /** `-nostdin`: never read the standard input for interaction. */
  readonly nostdin?: boolean;
  /** `-loglevel`: how much FFmpeg writes to stderr (optionally with `repeat+level+` flags). */
  readonly loglevel?: LogLevel | `${string}+${LogLevel}`;
  /** `-stats` (true) / `-nostats` (false): the periodic progress line on stderr. */
  readonly stats?: boolean;
  /** `-stats_period`: seconds between progress reports. */
  readonly stats_period?: number;
  /** `-progress`: where to write machine-readable progress (`'pipe:1'`, a path in the volume). */
  readonly progress?: string;
  /** `-filter_threads`: threads per simple filtergraph. */
  readonly filter_threads?: number;
  /** `-filter_complex_threads`: threads per complex filtergraph. */
  readonly filter_complex_threads?: number;
  /** `-benchmark`: print timing information at the end. */
  readonly benchmark?: boolean;
  /** `-xerror`: stop on the first error. */
  readonly xerror?: boolean;
  /** `-abort_on`: `empty_output` or `empty_output_stream`. */
  readonly abort_on?: 'empty_output' | 'empty_output_stream' | OpenString;
  /** Arguments appended to the global options untouched. */
  readonly raw?: readonly string[];
}

/** Per-input options; they precede that input's `-i`. */
export interface InputOptions {
  /** `-f`: force the input format (`'lavfi'` for a filtergraph source, `'concat'` for a list). */
  readonly f?:
    | 'lavfi'
    | 'concat'
    | 'image2'
    | 'mp4'
    | 'mov'
    | 'matroska'
    | 'mp3'
    | 'wav'
    | 'rawvideo'
    | OpenString;
  /** `-ss`: seek to this position before reading. */
  readonly ss?: DurationValue;
  /** `-sseof`: seek relative to the end (negative seconds). */
  readonly sseof?: DurationValue;
  /** `-t`: read at most this long. */
  readonly t?: DurationValue;
  /** `-to`: stop reading at this position. */
  readonly to?: DurationValue;
  /** `-itsoffset`: shift the input's timestamps. */
  readonly itsoffset?: DurationValue;
  /** `-loop`: for images, loop the picture (1) so it becomes a video. */
  readonly loop?: 0 | 1 | boolean;
  /** `-framerate`: frame rate of an image sequence or raw input. */
  readonly framerate?: RationalValue;
  /** `-r`: force the input frame rate. */
  readonly r?: RationalValue;
  /** `-stream_loop`: loop the input this many times (-1: forever). */
  readonly stream_loop?: number;
  /** `-re`: read at native frame rate (live-like). */
  readonly re?: boolean;
  /** `-c:v` / `-c:a` / `-c`: force a decoder. */
  readonly 'c:v'?: string;
  readonly 'c:a'?: string;
  readonly c?: string;
  /** `-pix_fmt` / `-s`: layout of raw video read from a file or `pipe:0`. */
  readonly pix_fmt?: string;
  readonly s?: `${number}x${number}` | OpenString;
  /** `-ar` / `-ac`: sample rate and channel count of raw audio input. */
  readonly ar?: number;
  readonly ac?: number;
  /** `-safe`: for `-f concat`, 0 allows any file name in the list. */
  readonly safe?: 0 | 1;
  /** `-threads`: decoder threads. */
  readonly threads?: number;
  /** Demuxer/decoder private options (`-key value`), e.g. `{ probesize: 32 }`. */
  readonly privateOptions?: InputPrivateOptions;
  /** Arguments placed before `-i` untouched. */
  readonly raw?: readonly string[];
}

/** Flags of the mov/mp4 muxer's `-movflags`. */
export type MovFlag =
  | 'faststart'
  | 'frag_keyframe'
  | 'empty_moov'
  | 'default_base_moof'
  | 'separate_moof'
  | 'omit_tfhd_offset'
  | 'negative_cts_offsets'
  | 'dash'
  | 'cmaf'
  | 'isml'
  | 'disable_chpl'
  | 'write_colr'
  | 'write_gama'
  | 'use_metadata_tags'
  | 'delay_moov'
  | 'global_sidx'
  | 'skip_sidx'
  | 'skip_trailer'
  | 'frag_discont'
  | 'frag_custom';

/** An input stream selector for `-map`: `'0'`, `'0:a'`, `'1:v:0'`, `'0:a?'`. */
export type InputStreamSelector = `${number}` | `${number}:${string}`;

/** x264's `-preset` names. */
export type X264Preset =
  | 'ultrafast'
  | 'superfast'
  | 'veryfast'
  | 'faster'
  | 'fast'
  | 'medium'
  | 'slow'
  | 'slower'
  | 'veryslow'
  | 'placebo';

/** Per-output options; they precede the output path. `L` are the command's named graph outputs. */
export interface OutputOptions<L extends string = string> {
  /** `-map`, in order: a named graph output (`'v'`, written `[v]`) or an input stream (`'0:a'`). */
  readonly map?: readonly (L | InputStreamSelector)[];
  /** `-c`: codec for all streams (`'copy'` to remux). */
  readonly c?: 'copy' | OpenString;
  /** `-c:v`: video encoder. */
  readonly 'c:v'?: 'libx264' | 'libopenh264' | 'mpeg4' | 'png' | 'mjpeg' | 'rawvideo' | 'copy' | OpenString;
  /** `-c:a`: audio encoder. */
  readonly 'c:a'?: 'aac' | 'libmp3lame' | 'pcm_s16le' | 'flac' | 'libopus' | 'copy' | OpenString;
  /** `-c:s`: subtitle encoder. */
  readonly 'c:s'?: 'copy' | OpenString;
  /** `-b:v` / `-b:a`: target bit rates. */
  readonly 'b:v'?: Bitrate;
  readonly 'b:a'?: Bitrate;
  /** `-maxrate` / `-bufsize`: rate control limits. */
  readonly maxrate?: Bitrate;
  readonly bufsize?: Bitrate;
  /** `-crf`: constant quality (x264: 0-51, lower is better). */
  readonly crf?: number;
  /** `-preset`: encoder speed/quality preset. */
  readonly preset?: X264Preset | OpenString;
  /** `-tune`: encoder tuning (x264: film, animation, stillimage, ...). */
  readonly tune?: string;
  /** `-profile:v`: encoder profile (x264: baseline, main, high). */
  readonly 'profile:v'?: string;
  /** `-pix_fmt`: output pixel format (`yuv420p` for broad H.264 playback). */
  readonly pix_fmt?: 'yuv420p' | 'yuv444p' | 'rgb24' | 'rgba' | 'gray' | OpenString;
  /** `-r`: output frame rate. */
  readonly r?: RationalValue;
  /** `-s`: output frame size (`'320x240'`). */
  readonly s?: `${number}x${number}` | OpenString;
  /** `-aspect`: display aspect ratio. */
  readonly aspect?: RationalValue;
  /** `-g`: keyframe interval in frames. */
  readonly g?: number;
  /** `-q:v` / `-q:a`: fixed quality scale (codec-specific). */
  readonly 'q:v'?: number;
  readonly 'q:a'?: number;
  /** `-ar`: audio sample rate. */
  readonly ar?: number;
  /** `-ac`: audio channel count. */
  readonly ac?: number;
  /** `-frames:v` / `-frames:a`: stop after this many frames. */
  readonly 'frames:v'?: number;
  readonly 'frames:a'?: number;
  /** `-ss`: start the output at this position (decode and discard until then). */
  readonly ss?: DurationValue;
  /** `-t`: output duration. */
  readonly t?: DurationValue;
  /** `-to`: stop writing at this position. */
  readonly to?: DurationValue;
  /** `-shortest`: end when the shortest stream ends. */
  readonly shortest?: boolean;
  /** `-vn` / `-an` / `-sn`: drop video / audio / subtitles. */
  readonly vn?: boolean;
  readonly an?: boolean;
  readonly sn?: boolean;
  /** `-movflags`: mp4/mov muxer flags (joined with `+`). */
  readonly movflags?: MovFlag | readonly MovFlag[];
  /** `-f`: force the output format. */
  readonly f?:
    | 'mp4'
    | 'mov'
    | 'matroska'
    | 'webm'
    | 'mp3'
    | 'wav'
    | 'image2'
    | 'null'
    | 'ffmetadata'
    | OpenString;
  /** `-update`: for image2 output, overwrite one file per frame. */
  readonly update?: boolean;
  /** `-threads`: encoder threads. */
  readonly threads?: number;
  /** `-metadata key=value` for the container; values pass byte for byte. */
  readonly metadata?: Readonly<Record<string, string>>;
  /** `-metadata:s:SPEC key=value` per stream, e.g. `{ 'a:0': { language: 'eng' } }`. */
  readonly streamMetadata?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** `-map_metadata`: copy global metadata from an input (`-1` drops it). */
  readonly map_metadata?: number | string;
  /** `-map_chapters`: copy chapters from an input (`-1` drops them). */
  readonly map_chapters?: number;
  /** Codec- or muxer-private options (`-key value`), e.g. `{ 'x264-params': 'keyint=48' }`. */
  readonly privateOptions?: OutputPrivateOptions;
  /** Arguments placed before the output path untouched. */
  readonly raw?: readonly string[];
}

type Rendered = Record<string, unknown>;

const renderScalar = (key: string, value: unknown): string => {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Array.isArray(value)) return value.join('+');
  throw new BuilderError('invalid-value', `-${key}: cannot render ${typeof value}`);
};

/** Option keys the command renders itself, outside {@link renderOptions}'s table. */
const RENDERED_ELSEWHERE = new Set(['raw', 'privateOptions', 'stats', 'map', 'metadata', 'streamMetadata']);

/** What to write instead of an option that belongs to the filter graph. */
const FILTER_OPTIONS = new Set(['vf', 'af', 'filter', 'filter:v', 'filter:a', 'filter_complex', 'lavfi']);

/**
 * Renders options in the order of `keys`: booleans in `flags` become bare `-key` when true,
 * everything else `-key value`. A key outside the table is refused rather than dropped: the types
 * forbid it, but a JavaScript caller or a cast would otherwise lose it without a word.
 */
export function renderOptions(
  options: Rendered,
  keys: readonly string[],
  flags: ReadonlySet<string>,
  where: string,
): string[] {
  for (const key of Object.keys(options)) {
    if (options[key] === undefined || keys.includes(key) || RENDERED_ELSEWHERE.has(key)) continue;
    const instead = FILTER_OPTIONS.has(key)
      ? 'filters are added with .filter() (which compiles to -vf/-af) or .graph()'
      : 'a codec- or muxer-private option goes in privateOptions, anything else in raw';
    throw new BuilderError(
      'unknown-option',
      `${where}: -${key} is not an option the builder knows; ${instead}`,
    );
  }
  const args: string[] = [];
  for (const key of keys) {
    const value = options[key];
    if (value === undefined || value === null) continue;
    if (flags.has(key)) {
      if (value === true) args.push(`-${key}`);
      continue;
    }
    args.push(`-${key}`, renderScalar(key, value));
  }
  return args;
}

/**
 * Private options as FFmpeg reads them, sorted; one set to `true` whose option takes no value (a
 * parsed `-dn`, `-noautorotate`) as the flag alone, where `-dn 1` would make `1` an output file.
 */
export function renderPrivate(options: PrivateOptions | undefined): string[] {
  if (!options) return [];
  return Object.keys(options)
    .sort()
    .flatMap((key) => {
      const value = options[key];
      if (value === undefined) return [];
      if (value === true && !takesValue(optionName(`-${key}`) ?? key)) return [`-${key}`];
      return [`-${key}`, renderScalar(key, value)];
    });
}

export function renderMetadata(
  metadata: Readonly<Record<string, string>> | undefined,
  perStream: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined,
): string[] {
  const global = Object.entries(metadata ?? {}).flatMap(([k, v]) => ['-metadata', metadataArg(k, v)]);
  const streams = Object.entries(perStream ?? {}).flatMap(([spec, tags]) =>
    Object.entries(tags).flatMap(([k, v]) => [`-metadata:s:${spec}`, metadataArg(k, v)]),
  );
  return [...global, ...streams];
}

export const GLOBAL_KEYS = [
  'y',
  'n',
  'hide_banner',
  'nostdin',
  'loglevel',
  'stats_period',
  'progress',
  'filter_threads',
  'filter_complex_threads',
  'benchmark',
  'xerror',
  'abort_on',
] as const;
export const GLOBAL_FLAGS = new Set(['y', 'n', 'hide_banner', 'nostdin', 'benchmark', 'xerror']);

export const INPUT_KEYS = [
  'f',
  'safe',
  'framerate',
  'r',
  'loop',
  'stream_loop',
  're',
  'ss',
  'sseof',
  't',
  'to',
  'itsoffset',
  'pix_fmt',
  's',
  'ar',
  'ac',
  'c',
  'c:v',
  'c:a',
  'threads',
] as const;
export const INPUT_FLAGS = new Set(['re']);

export const OUTPUT_KEYS = [
  'c',
  'c:v',
  'c:a',
  'c:s',
  'b:v',
  'b:a',
  'maxrate',
  'bufsize',
  'crf',
  'preset',
  'tune',
  'profile:v',
  'pix_fmt',
  'r',
  's',
  'aspect',
  'g',
  'q:v',
  'q:a',
  'ar',
  'ac',
  'frames:v',
  'frames:a',
  'ss',
  't',
  'to',
  'shortest',
  'vn',
  'an',
  'sn',
  'movflags',
  'update',
  'threads',
  'map_metadata',
  'map_chapters',
  'f',
] as const;
export const OUTPUT_FLAGS = new Set(['shortest', 'vn', 'an', 'sn']);
