import type { Command, ParsedFilter } from '../builder/index.js';
import { type FrameRate, parseFrameRate } from './boundaries.js';
import { graphFilters } from './filter-names.js';
import type { Picture } from './seekable-graph.js';

/**
 * Which filters a seeked segment can run as one run does: those that map each frame on its own
 * (`frame`), or given the frame's time in the whole run (`clock`), an `fps` that gives the frames
 * a new rate (`rate`), and the still pictures an overlay lays alike on every frame.
 * `segmentStructure` reads a command's graphs with them.
 */

/** Filters that map each frame on its own, so an input seeked to a cut gives the same frames. */
const FRAME_LOCAL = new Set([
  'scale',
  'crop',
  'pad',
  'format',
  'setsar',
  'setdar',
  'hflip',
  'vflip',
  'transpose',
  'rotate',
  'eq',
  'hue',
  'lut',
  'lutrgb',
  'lutyuv',
  'colorchannelmixer',
  'colorbalance',
  'colorlevels',
  'curves',
  'negate',
  'unsharp',
  'boxblur',
  'gblur',
  'drawbox',
  'drawgrid',
  'null',
  'copy',
  // Each checked split input-seek against a whole run, losslessly encoded: every decoded frame
  // the same (test/segments/segments.test.ts, 2026-12-02). Not edgedetect: after sobel, a
  // first segment's frames differed from one run's from frame 0, where two whole runs agree (its
  // output depends on more than its input frame's pixels).
  'lut3d',
  'lut1d',
  'colormatrix',
  'setparams',
  'setrange',
  'setfield',
  'colortemperature',
  'exposure',
  'vibrance',
  'selectivecolor',
  'monochrome',
  'colorcontrast',
  'colorcorrect',
  'huesaturation',
  'colorize',
  'chromashift',
  'rgbashift',
  'chromakey',
  'colorkey',
  'lumakey',
  'hsvkey',
  'despill',
  'premultiply',
  'avgblur',
  'median',
  'convolution',
  'sobel',
  'removegrain',
  'deblock',
  'nlmeans',
  'smartblur',
  'cas',
  'lenscorrection',
  'perspective',
  'fillborders',
  'gradfun',
  'deband',
  'tonemap',
]);

/**
 * What a filter needs besides its input frame to give the frame one run gives: nothing
 * (`frame`), or also the frame's time on the whole run's clock (`clock`: a seeked segment's
 * frames are given it back, see `SegmentStructure.clock`), or that and cuts where its output's
 * frame times meet the whole run's (`rate`: an `fps` filter, see `SegmentStructure.rate`).
 */
export type Locality = 'frame' | 'clock' | 'rate';

/**
 * Filters local only with some options, each with its test (their options are still read for the
 * frame's time and number by {@link filterLocality}, but `drawtext`'s `text`, which it prints):
 * - `drawtext`: static text; `%{pts}` prints the frame's time (`clock`); `%{n}`, `%{frame_num}`,
 *   `%{localtime}`, `%{eif:...}` and the rest print its number, the wall clock or evaluate, a
 *   text file may hold them and be read again (`reload`), a timecode counts frames, `rand()`
 *   draws again each frame; options given by position are not read;
 * - `colorspace`: its Floyd-Steinberg dither (`dither=fsb`) carries its error in buffers it keeps;
 * - `fade` by time (`st`, `d`: `clock`), not by frame counts (`s`, `n`, or no `d`);
 * - `subtitles`, `ass`: each frame shows the events at its time (`clock`), its file given first;
 * - `fps`: a new rate, rounding each frame's time to its frame times (`rate`, see {@link fpsRate}).
 */
const LOCAL_IF: ReadonlyMap<string, (filter: ParsedFilter) => Locality | undefined> = new Map([
  [
    'drawtext',
    ({ options: o, positional }) => {
      const plain =
        positional.length === 0 &&
        [o.textfile, o.reload, o.timecode, o.tc24hr].every((v) => v === undefined) &&
        o.expansion !== 'strftime' &&
        Object.values(o).every((v) => !/\brand\s*\(/.test(v));
      if (!plain) return undefined;
      if (o.expansion === 'none') return 'frame';
      const expanded = [o.text, o.fontcolor_expr].flatMap((v) => v?.match(/%\{[^}]*\}/g) ?? []);
      if (expanded.length === 0) return 'frame';
      return expanded.every((e) => /^%\{pts(:[^}]*)?\}$/.test(e)) ? 'clock' : undefined;
    },
  ],
  [
    'colorspace',
    ({ options: o }) =>
      o.dither === undefined || o.dither === 'none' || o.dither === '0' ? 'frame' : undefined,
  ],
  [
    'fade',
    ({ options: o, positional }) =>
      positional.length <= 1 &&
      [o.start_frame, o.s, o.nb_frames, o.n].every((v) => v === undefined) &&
      Number(o.duration ?? o.d ?? 0) > 0
        ? 'clock'
        : undefined,
  ],
  ['subtitles', ({ positional }) => (positional.length <= 1 ? 'clock' : undefined)],
  ['ass', ({ positional }) => (positional.length <= 1 ? 'clock' : undefined)],
  ['fps', (filter): Locality | undefined => (fpsRate(filter) ? 'rate' : undefined)],
]);

/**
 * The rate an `fps` filter gives, where the split knows the times it gives each frame exactly: a
 * rate written whole, as a fraction or with at most three decimals (FFmpeg evaluates it and
 * takes `av_d2q` of the result, which for these is the written fraction), rounding to the
 * nearest (its default), no `start_time` (which pads or trims the start) and no `eof_action`.
 */
export function fpsRate(filter: ParsedFilter): FrameRate | undefined {
  const { fps, round, ...others } = filter.options;
  const value = fps ?? filter.positional[0];
  const given = filter.positional.length + (fps === undefined ? 0 : 1);
  if (given !== 1 || Object.keys(others).length > 0) return undefined;
  if (round !== undefined && round !== 'near') return undefined;
  if (value === undefined || !/^(\d+(\.\d{1,3})?|\d+\/\d+)$/.test(value.trim())) return undefined;
  return parseFrameRate(value);
}

/** Options a filter prints rather than evaluates (see {@link LOCAL_IF}). */
const PRINTED: ReadonlyMap<string, ReadonlySet<string>> = new Map([['drawtext', new Set(['text'])]]);

/**
 * Expression variables that read a frame's number or place (`n`, `N`, `pos`; `frame`, read
 * wherever it is not `eval=frame`): a segment seeked to its cut starts its own count at 0
 * (checked 2026-12-02: `crop` with `x=n` split seeking came out 7.6 dB from the whole run).
 */
const COUNT_VARIABLE = /(?<![A-Za-z0-9_])(?:n|N|pos|frame)(?![A-Za-z0-9_])/;
/**
 * Expression variables that read a frame's time (`t`, `T`, `pts`, `time`), as an `enable`
 * timeline does: a segment seeked to its cut starts its own clock at 0 (`hue` with `h=2*PI*t`,
 * `rotate` with `angle=PI*t/4`, `eq` with `brightness=0.1*sin(t)` came out at 28, 8.3 and 17 dB,
 * and an `enable` timeline at 29-31 dB, checked 2026-12-02), unless given the whole run's clock
 * back (`clock`). (`t` is a drawbox's thickness too: given the clock, it is the same thickness.)
 */
const CLOCK_VARIABLE = /(?<![A-Za-z0-9_])(?:t|T|pts|time)(?![A-Za-z0-9_])/;

/**
 * What a filter needs to map each frame as one run does (see {@link Locality}), or `undefined`
 * where a seeked segment cannot give it that (its frame number, earlier frames); `over` a still
 * picture, an `overlay` laying it alike on every frame (see {@link overlaysAlike}).
 */
export function filterLocality(filter: ParsedFilter, over?: Picture): Locality | undefined {
  const printed = PRINTED.get(filter.name);
  const evaluated = [
    ...filter.positional,
    // `eval=frame` names when expressions are evaluated, not a variable: what they read decides.
    ...Object.entries(filter.options).flatMap(([key, value]) =>
      printed?.has(key) || (key === 'eval' && value === 'frame') ? [] : [value],
    ),
  ];
  if (evaluated.some((value) => COUNT_VARIABLE.test(value))) return undefined;
  const own = over
    ? overlaysAlike(filter, over)
      ? 'frame'
      : undefined
    : FRAME_LOCAL.has(filter.name)
      ? 'frame'
      : LOCAL_IF.get(filter.name)?.(filter);
  if (!own) return undefined;
  if (own === 'rate') return own;
  const timed = own === 'clock' || evaluated.some((value) => CLOCK_VARIABLE.test(value));
  return timed ? 'clock' : 'frame';
}

/**
 * What a `-vf` chain needs, the most any of its filters does; `undefined` where one cannot (or
 * where two `fps` follow each other, whose second's rounding the split does not work out).
 */
export function chainLocality(graph: string): Locality | undefined {
  const each = graphFilters(graph)?.map((filter) => filterLocality(filter));
  if (!each || each.includes(undefined)) return undefined;
  const rates = each.filter((locality) => locality === 'rate').length;
  if (rates > 1) return undefined;
  return rates === 1 ? 'rate' : each.includes('clock') ? 'clock' : 'frame';
}

/**
 * Whether an `overlay` lays a still picture on every frame alike, until the video ends. One frame
 * at 0 (`once`): its defaults repeat it for as long as the video runs (`eof_action=repeat`,
 * `repeatlast=1`, `shortest=0`), where `eof_action=pass` shows it on the first frame only
 * (9 dB from the whole run, split seeking) and `shortest=1` ends the output there. Looped, the
 * picture never ends, and only `shortest=1` ends the output with the video (without it FFmpeg
 * runs on forever, natively too).
 */
function overlaysAlike(filter: ParsedFilter, picture: Picture): boolean {
  const { eof_action, repeatlast, shortest } = filter.options;
  const isOn = (v: string | undefined) => v === '1' || v === 'true';
  const isOff = (v: string | undefined) => v === '0' || v === 'false';
  return (
    filter.name === 'overlay' &&
    // x, y, then eof_action, eval, shortest... by position: only the place may be given so.
    filter.positional.length <= 2 &&
    (picture === 'looped'
      ? isOn(shortest)
      : (eof_action === undefined || eof_action === 'repeat' || eof_action === '0') &&
        (repeatlast === undefined || isOn(repeatlast)) &&
        (shortest === undefined || isOff(shortest)))
  );
}

/**
 * Image files FFmpeg's image2 demuxer reads as one picture at 0 (a GIF may move: not here), named
 * as one file (no `%d` sequence, no glob).
 */
const ONE_PICTURE = /^[^%*?[{]*\.(png|jpe?g|bmp|webp|tiff?)$/i;

/**
 * The inputs after the first that are one still picture each: read as written (`once`), or
 * `-loop 1` (with its `-framerate`, which times the same picture), and no other input option.
 */
export function stillPictures(cmd: Command<string>): ReadonlyMap<number, Picture> {
  return new Map(
    cmd.inputs.flatMap((input, i): [number, Picture][] => {
      if (i === 0 || !ONE_PICTURE.test(input.path)) return [];
      const { loop, framerate, ...other } = input.options;
      if (Object.keys(other).length > 0) return [];
      if (loop === undefined) return framerate === undefined ? [[i, 'once']] : [];
      return String(loop) === '1' ? [[i, 'looped']] : [];
    }),
  );
}
