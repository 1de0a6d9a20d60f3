import type { Command, OutputEntry } from '../builder/index.js';
import { chainLocality, filterLocality, stillPictures } from './filter-locality.js';
import { filterNames } from './filter-names.js';
import { unreadGlobals } from './frame-sync.js';
import { videoAndAudioOf } from './join-stream-tags.js';
import { MOV_FORMATS } from './mp4-index.js';
import { seekMaps } from './seek-maps.js';
import { type Picture, seekableGraph } from './seekable-graph.js';

/**
 * How segments are cut: `input-seek` seeks the one input (`-ss`/`-to` before `-i`), so a segment
 * decodes only its own range; `output-seek` runs the whole graph in every segment and keeps only
 * its range at the output (`-ss`/`-to` after the graph), exact for any graph because every filter
 * sees the same frames as in one run. A command this file calls input-seek still goes output-seek
 * when its input's demuxer cannot seek on an index (MPEG-TS; see `SourceFacts.seeksExactly`).
 */
export type SegmentMode = 'input-seek' | 'output-seek';

/**
 * Video filters that drop frames or move them in time, so the graph's output has gaps or an
 * uneven rate. FFmpeg fills such gaps with duplicated frames in a constant-rate output (MP4,
 * MOV), which a segment ending inside a gap cannot do (nothing follows it), and a variable-rate
 * join of them came out wrong when checked (`select` into Matroska: 61 frames decoded of 85).
 */
const RETIMING = new Set([
  'select',
  'mpdecimate',
  'decimate',
  'setpts',
  'framestep',
  'trim',
  'shuffleframes',
  'random',
  'fieldmatch',
  'dejudder',
]);

/**
 * Whether the output is a fragmented MP4. Checked 2026-12-02 (AAC priming, `frag_duration 1s`):
 * the whole run moved every video packet after the first by the audio's priming, the join did
 * not; with `frag_keyframe+empty_moov` the packet times parted later. Runs whole.
 */
function fragmented(o: OutputEntry['options']): boolean {
  const flags = [o.movflags ?? []].flat().join('+');
  const own = Object.keys(o.privateOptions ?? {});
  return (
    /(^|\+)(frag_keyframe|empty_moov|frag_custom|frag_every_frame|dash|cmaf|isml)(\+|$)/.test(flags) ||
    own.some((k) => ['frag_duration', 'frag_size', 'min_frag_duration'].includes(k))
  );
}

/**
 * Why an output option is about the whole output, which a segment cannot honour: two-pass
 * encoding (`-pass`, `-passlogfile`, x264's `pass=`/`stats=`: a segment would read, or write,
 * statistics of a different length; parsed commands had split it) and a size limit (`-fs`: each
 * segment would get the whole limit). `undefined` when none is set.
 */
function wholeOnlyOption(o: OutputEntry['options']): string | undefined {
  const own = o.privateOptions ?? {};
  const x264 = [own['x264-params'], own.x264opts].filter((v) => typeof v === 'string').join(':');
  if ('pass' in own || 'passlogfile' in own || /(^|:)(pass|stats)=/.test(x264))
    return "two-pass encoding (-pass) works from the whole video's first-pass statistics, which a segment's encoder cannot use";
  if ('fs' in own) return 'a size limit (-fs) is for the whole output, not for each segment';
  return undefined;
}

/**
 * Muxers that write many files, or a stream of parts, where the command names one (by `-f` or as
 * FFmpeg guesses them from the extension): their muxers start a part at a keyframe, and a split
 * adds keyframes at its cuts. Checked 2026-12-02: an HLS playlist (`-hls_time 1`) split at 2
 * segments read back with decoded audio unlike the whole run's.
 */
const MANY_FILES: ReadonlyMap<string, string> = new Map([
  ['hls', 'an HLS playlist and its parts'],
  ['m3u8', 'an HLS playlist and its parts'],
  ['dash', 'a DASH manifest and its parts'],
  ['mpd', 'a DASH manifest and its parts'],
  ['segment', "the segment muxer's files"],
  ['ssegment', "the segment muxer's files"],
  ['stream_segment', "the segment muxer's files"],
  ['hds', 'an HDS manifest and its parts'],
  ['smoothstreaming', 'a Smooth Streaming manifest and its parts'],
  ['ism', 'a Smooth Streaming manifest and its parts'],
  ['webm_chunk', 'WebM chunks'],
  ['tee', "the tee muxer's outputs"],
]);

/** Input `-f` values the splitter's probes read as FFmpeg's guess would. */
const SEEKABLE_FORMATS = [...MOV_FORMATS, 'matroska', 'webm'];

/** Output options that are the container's: they go to the final join, not the segments. */
export const CONTAINER_KEYS = [
  'movflags',
  'metadata',
  'streamMetadata',
  'map_metadata',
  'map_chapters',
  'f',
] as const;
/** Output options of the audio encoder: audio is encoded once, whole. */
export const AUDIO_CODEC_KEYS = ['c:a', 'b:a', 'q:a'] as const;

const isPipe = (path: string) => path === '-' || path.startsWith('pipe:');

/** The output's format: its `-f`, else its file extension (lower case), as FFmpeg guesses it. */
export function outputFormat(cmd: Command<string>): string | undefined {
  const out = cmd.outputs[0];
  return out?.options.f ?? /\.([A-Za-z0-9]+)$/.exec(out?.path ?? '')?.[1]?.toLowerCase();
}

/** How a command's segments are cut. */
export interface SegmentStructure {
  readonly mode: SegmentMode;
  /**
   * Input-seek holds only where input 0 has one video stream: FFmpeg binds the graph's picture to
   * the next video stream itself (see `SeekableGraph.bindsPictureItself`).
   */
  readonly oneVideoStream?: true;
  /**
   * The `-vf` reads each frame's time (`hue=h=2*PI*t`, `fade` by time, `subtitles`, an `enable`
   * timeline): a segment's frames, timed from its cut, are given the whole run's times in front
   * of the chain and their own back after it (`setpts`, see `segmentJobs`).
   */
  readonly clock?: true;
  /**
   * The `-vf` gives its frames a new rate (`fps`), which rounds each frame's time, on the whole
   * run's clock (`clock` comes with it), to its own frame times: a segment then starts at a
   * source frame and writes its range's count of them (see `refilledRanges`).
   */
  readonly rate?: true;
  /**
   * The input the output's audio comes from alone, where not input 0: the sound of another file
   * beside input 0's video (`-map 0:v -map 1:a`), or beside a graph's that reads input 0's alone
   * (`-map "[v]" -map 1:a`). The segments seek input 0; the first one's audio output reads that
   * input as the command does.
   */
  readonly audioInput?: number;
}

/**
 * Why a command cannot be split (a sentence for the result), or how it can be. Pure: reads the
 * command and its compiled argv, nothing else.
 */
export function segmentStructure(
  cmd: Command<string>,
  args: readonly string[],
): SegmentStructure | { reason: string } {
  const outputs: readonly OutputEntry[] = cmd.outputs;
  const out = outputs[0];
  if (outputs.length !== 1 || !out) return { reason: `the command has ${outputs.length} outputs, not one` };
  const o = out.options;
  if (isPipe(out.path)) return { reason: 'the output is a pipe, not a file' };
  const whole = wholeOnlyOption(o);
  if (whole) return { reason: whole };
  if (outputFormat(cmd) === 'null')
    return { reason: "the output is FFmpeg's null muxer: there is nothing to join" };
  const many = MANY_FILES.get(outputFormat(cmd) ?? '');
  if (many)
    return {
      reason: `the output is ${many}, whose parts start at the encoder's keyframes, which a split adds at its cuts`,
    };
  if (fragmented(o))
    return {
      reason:
        "a fragmented MP4 (-movflags frag_*/empty_moov, frag_duration): FFmpeg times its fragments' packets unlike a join's copy",
    };
  if (/%\d*d/.test(out.path) || o.f === 'image2' || o.f === 'image2pipe' || o.update)
    return { reason: 'the output is an image sequence' };
  if (o.f === 'gif' || /\.(gif|png|jpe?g|webp)$/i.test(out.path))
    return { reason: 'the output is not a video file' };
  if (o.vn) return { reason: 'the output has no video (-vn)' };
  if (o.c !== undefined) return { reason: 'a codec for every stream (-c) cannot be split by stream type' };
  if (o['c:v'] === undefined)
    return {
      reason: `FFmpeg chooses the video encoder for ${outputFormat(cmd) || 'this output'}, which the split cannot tell for its segments: name it with -c:v`,
    };
  if (o['c:v'] === 'copy') return { reason: 'the video is copied (-c:v copy), not encoded' };
  if (o['frames:v'] !== undefined || o['frames:a'] !== undefined)
    return { reason: 'the output counts frames (-frames)' };
  if (
    unreadOutputRaw(o.raw ?? []).length ||
    unreadGlobals(cmd.globals.raw ?? []).length ||
    cmd.inputs.some((i) => i.options.raw?.length)
  )
    return { reason: 'raw options the splitter cannot classify' };
  if (cmd.inputs.some((i) => isPipe(i.path)))
    return { reason: 'an input is a pipe, which can be read only once' };
  // Checked 2026-12-01: -itsoffset 1 put the split's audio 0.98 s early; 0.53 also its pictures.
  if (cmd.inputs.some((i) => i.options.itsoffset !== undefined))
    return {
      reason: "an input's -itsoffset moves its timestamps, which the split's cuts and audio do not follow",
    };
  // Checked 2026-12-01: an input -r 25 over 30 fps gave 170 frames for 120 (15 dB).
  if (cmd.inputs.some((i) => i.options.r !== undefined))
    return { reason: "an input's -r re-times its frames, which the split's cuts do not follow" };
  // Checked 2026-12-01: -stream_loop 1 cut over one pass (4 s of 8) and lost a frame (22 dB).
  if (cmd.inputs.some((i) => i.options.stream_loop !== undefined))
    return { reason: 'an input repeats (-stream_loop), which the split does not count in its length' };
  if (args.some((a) => /^-filter(_complex)?_script(:|$)/.test(a)))
    return { reason: 'the filtergraph is read from a file (-filter_script), which the split cannot check' };
  // The audio's own filters (-af) go with the audio, encoded once (`audioFilterApart`); one
  // -filter for every stream would have to be divided between them.
  if (args.includes('-filter'))
    return {
      reason: 'a -filter for every stream (neither -filter:v nor -filter:a) cannot be split by stream type',
    };
  const names = videoGraphs(args).map(filterNames);
  if (names.includes(undefined)) return { reason: 'a filtergraph the splitter cannot read' };
  const retiming = names.flat().find((name) => name !== undefined && RETIMING.has(name));
  if (retiming)
    return {
      reason: `the graph drops or moves frames in time (${retiming}): a cut inside a gap would fill or close it unlike one run`,
    };
  // Checked 2026-12-02: a looped cover image over 2.56 s of MP3 with -shortest gave 4.24 s of
  // video whole (x264's lookahead ran on past the audio's end) and 4.32 s split.
  if (o.shortest && o.t === undefined && o.to === undefined)
    return {
      reason:
        "-shortest ends the output where FFmpeg's buffering lets it (an encoder's lookahead runs past the shortest stream), which a split cannot reproduce: give the output a -t",
    };
  const pictures = stillPictures(cmd);
  const audioInput = soundInput(cmd, args);
  const graphMap = audioInput ? { bindsPictureItself: false } : seekableMap(args, o.map, pictures);
  const chains = optionValues(args, VIDEO_FILTERS).map(chainLocality);
  const seekable =
    (pictures.size === cmd.inputs.length - 1 || audioInput !== undefined) &&
    graphMap !== undefined &&
    // The splitter's probes read the input as FFmpeg guesses it: a demuxer named by -f (concat,
    // rawvideo, ...) goes output-seek, whose probes may fail quietly.
    [undefined, 'lavfi', ...SEEKABLE_FORMATS].includes(cmd.inputs[0]?.options.f) &&
    // An output -r seeks only where it is the rate the encoder gets anyway (`planSplit` checks).
    !o.shortest &&
    // An input -ss, -t or -to moves and bounds every segment's range (see `segmentJobs`).
    ['sseof', 'itsoffset', 'stream_loop', 'loop'].every(
      (k) => cmd.inputs[0]?.options[k as keyof (typeof cmd.inputs)[0]['options']] === undefined,
    ) &&
    !chains.includes(undefined);
  // Checked 2026-12-02: copied from an input seeked to 0.6 s, the audio came out 2.419 s long
  // split, 2.42 s whole; with an output -ss 1 it started 21 ms late and decoded otherwise (the
  // packets around the seek go through the scratch file and the join: two copies, not one).
  if (o['c:a'] === 'copy' && (o.ss !== undefined || cmd.inputs[0]?.options.ss !== undefined))
    return {
      reason:
        'audio stream copy (-c:a copy) with an -ss: the copied packets around the seek pass through a scratch file and the join, which place them unlike one run',
    };
  if (!seekable) return { mode: 'output-seek' };
  return {
    mode: 'input-seek',
    ...(graphMap.bindsPictureItself ? { oneVideoStream: true } : {}),
    ...(chains.includes('clock') || chains.includes('rate') ? { clock: true } : {}),
    ...(chains.includes('rate') ? { rate: true } : {}),
    ...(audioInput === undefined ? {} : { audioInput }),
  };
}

/**
 * Input 1, where the command takes input 0's one video and input 1's audio alone, of two inputs
 * (`-i film.mkv -i voice.m4a -map 0:v -map 1:a`), or the video of a complex graph that is a `-vf`
 * of input 0's in all but name (`-filter_complex "[0:v]scale=1280:-2[v]" -map "[v]" -map 1:a`,
 * `seekableGraph` with no pictures: it reads nothing of input 1): the segments need not read it
 * (see {@link SegmentStructure.audioInput}).
 */
function soundInput(cmd: Command<string>, args: readonly string[]): number | undefined {
  const map = cmd.outputs[0]?.options.map;
  if (map === undefined || cmd.inputs.length !== 2) return undefined;
  const taken = videoAndAudioOf(map);
  // The join writes the audio before the video or after it, not around it.
  if (taken?.audioFrom !== 1 || (map[0] !== taken.video && map.at(-1) !== taken.video)) return undefined;
  if (!hasComplexGraph(args)) return taken.videoFrom === 0 ? 1 : undefined;
  const graph = frameByFrameGraph(args);
  return graph !== undefined && graph.output === taken.video ? 1 : undefined;
}

/**
 * Whether the command's `map` (and complex graph, if any) let its segments seek the input: a map
 * of input 0's video then its audio (`seekMaps`), or a complex graph that is a `-vf` in all but
 * name, or lays the still `pictures` over it (`seekableGraph`), with its output mapped first, or
 * unlabelled and no map. `undefined` where they do not; `bindsPictureItself` where the graph's
 * picture is FFmpeg's own choice (see `SeekableGraph`).
 */
function seekableMap(
  args: readonly string[],
  map: readonly string[] | undefined,
  pictures: ReadonlyMap<number, Picture>,
): { readonly bindsPictureItself: boolean } | undefined {
  const maps = map === undefined ? undefined : seekMaps(map);
  if (map !== undefined && !maps) return undefined;
  const complex = hasComplexGraph(args);
  if (!complex) {
    // Without a graph to lay them, FFmpeg would take the picture of the highest resolution as video.
    const streamMapped = maps === undefined || /^\d/.test(maps.video);
    return pictures.size === 0 && streamMapped ? { bindsPictureItself: false } : undefined;
  }
  const graph = frameByFrameGraph(args, pictures);
  return graph && maps?.video === graph.output ? graph : undefined;
}

/**
 * The command's complex graph where a segment can seek input 0 under it (`seekableGraph`): every
 * filter maps each frame on its own. Its chains are not given the clock back, as a `-vf`'s are:
 * only what maps frames alone seeks.
 */
function frameByFrameGraph(
  args: readonly string[],
  pictures: ReadonlyMap<number, Picture> = new Map(),
): ReturnType<typeof seekableGraph> {
  return seekableGraph(args, (filter, over) => filterLocality(filter, over) === 'frame', pictures);
}

function optionValues(args: readonly string[], option: RegExp): string[] {
  return args.flatMap((a, i) => (option.test(a) && args[i + 1] !== undefined ? [args[i + 1] as string] : []));
}

/** Whether the command has a complex filtergraph (`-filter_complex`, `-lavfi`). */
export function hasComplexGraph(args: readonly string[]): boolean {
  return args.some((a) => a === '-filter_complex' || a === '-lavfi');
}

/**
 * Raw output options other than a video filter (`-vf`, `-filter:v`), which the splitter reads from
 * the argv wherever it stands: a parsed command's `-filter:v` is raw once its output is given other
 * options (the encoder FFmpeg picks, `-map 0` by kind), and such a command had run whole.
 */
function unreadOutputRaw(raw: readonly string[]): string[] {
  const videoFilter = (arg: string | undefined) => arg !== undefined && VIDEO_CHAIN.test(arg);
  return raw.filter((arg, i) => !videoFilter(arg) && !videoFilter(raw[i - 1]));
}

/** An option that gives the output's video its chain: `-vf`, `-filter:v`, `-filter:v:0`. */
export const VIDEO_CHAIN = /^-(vf|filter:v(:\d+)?)$/;

/**
 * The options that give an output's video its filters: `-vf`, `-filter:v` (and a stream's,
 * `-filter:v:0`), and `-filter`, which names no stream. (A parsed command keeps `-filter:v` as
 * written: a `-filter:v select=...` or `hue=h=t` split as if it had no graph, before.)
 */
const VIDEO_FILTERS = /^-(vf|filter(:v(:\d+)?)?)$/;
/** The texts of the filtergraphs that can make an output's video: its filter options and complex graphs. */
export function videoGraphs(args: readonly string[]): string[] {
  return [...optionValues(args, VIDEO_FILTERS), ...optionValues(args, /^-(filter_complex|lavfi)$/)];
}
