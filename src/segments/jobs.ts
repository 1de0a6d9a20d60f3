import {
  Command,
  type InputStreamSelector,
  type OutputEntry,
  type OutputOptions,
  parseFiltergraph,
} from '../builder/index.js';
import { type AudioApart, audioApart } from './audio-apart.js';
import type { AudioEnds } from './audio-ends.js';
import { durationMicros, type FrameRate, formatMicros, microsToTicks } from './boundaries.js';
import { chaptersInput, metadataSource } from './join-metadata.js';
import { audioSources, keptDispositions, videoAndAudioOf } from './join-stream-tags.js';
import type { ScratchContainers } from './scratch-containers.js';
import { seekMaps } from './seek-maps.js';
import type { StreamDispositions } from './source-facts.js';
import { type SegmentMode, VIDEO_CHAIN } from './structure.js';
import type { CarriedSubtitles } from './subtitle-choice.js';

/** Where segments live while a job runs: a scratch volume mounted here, never the caller's. */
export const SCRATCH_AT = '/.afmpeg-segments';

/** Where one segment's input starts (`-ss`) and how long it runs (`-t`), in µs. */
export interface InputRange {
  readonly ss?: number;
  readonly t?: number;
}

/** Where one output-seek segment's output starts (`-ss`) and ends (`-to`), in µs of the output. */
export interface OutputRange {
  readonly ss?: number;
  readonly to?: number;
}

/** The FFmpeg runs one segmented job is made of. */
export interface SegmentJobs {
  /**
   * One video encode per time range, each into the scratch volume, as FFmpeg argv. Where the
   * audio plan says so, the first also encodes the whole audio, once, as a second output: the
   * audio is never a job of its own queued behind the segments.
   */
  readonly segments: readonly (readonly string[])[];
  /** The concat list the join reads (`ffconcat`), with each segment's exact duration. */
  readonly concatList: string;
  /** Stream copy of the segments (and the encoded audio) into the output the command asked for. */
  readonly join: Command<string>;
  /**
   * Where the join maps the video's tags from the source (see `segmentJobs`): the segment whose
   * video names the encoder as one run names it, for the join's `encoder` tag.
   */
  readonly encoderTagFrom?: string;
  /**
   * Where the join maps the audio's tags from the source and the first segment encodes it into a
   * QuickTime file, which keeps no `encoder` tag: how many audio streams the join then writes
   * the tag of, the one that segment's stream mapping names (see {@link withAudioEncoderTags}).
   */
  readonly audioEncoderTags?: number;
  /** The Matroska scratch audio whose first time and last length the join restores (see `AudioEnds`). */
  readonly audioEnds?: AudioEnds;
}

/**
 * Where a split job's audio is encoded, once. `first-segment`: by the first segment, as a second
 * output that reads the input again from the start (input-seek) or maps the graph's audio whole
 * (output-seek, with the `apart` that says which `map` entries and chains are audio). `join`:
 * every output-seek segment carries its range as float PCM and the join encodes it, for audio
 * that cannot be told apart from the video. `none`: the output has no audio.
 */
export type AudioPlan =
  | { readonly where: 'none' }
  | { readonly where: 'first-segment'; readonly apart?: AudioApart }
  | { readonly where: 'join' };

/**
 * The audio plan of `cmd` (compiled to `args`) split in `mode`; `hasAudio` from the probes
 * (`undefined` when they could not tell: then FFmpeg's own audio choice stays in the segments).
 */
export function audioPlan(
  cmd: Command<string>,
  args: readonly string[],
  mode: SegmentMode,
  hasAudio: boolean | undefined,
): AudioPlan {
  const out = cmd.outputs[0]?.options;
  if (out?.an) return { where: 'none' };
  if (mode === 'input-seek') {
    // A map naming no audio leaves it out, as in one run.
    // (Or the map takes another input's audio beside input 0's video, `SegmentStructure.audioInput`.)
    const mapsAudio =
      out?.map === undefined ||
      (seekMaps(out.map)?.audio.length ?? 0) > 0 ||
      videoAndAudioOf(out.map) !== undefined;
    return hasAudio && mapsAudio ? { where: 'first-segment' } : { where: 'none' };
  }
  const apart = audioApart(cmd, args);
  if (!apart) return { where: 'join' };
  if (apart.audioMap === undefined) {
    if (hasAudio === undefined) return { where: 'join' };
    return hasAudio ? { where: 'first-segment', apart } : { where: 'none' };
  }
  return apart.audioMap.length ? { where: 'first-segment', apart } : { where: 'none' };
}

const listPath = `${SCRATCH_AT}/segments.ffconcat`;

/**
 * The QuickTime audio file's movie timescale, in which its edit list says where the audio starts:
 * FFmpeg's microseconds. In the default milliseconds, audio starting after the video came out of
 * the join up to 1 ms earlier than one run puts it (rounded there, then again in the output).
 */
const AUDIO_MOVIE_TIMESCALE = 1_000_000;

/**
 * How the segments are written: their containers, and how a source whose first frame comes late
 * is cut (see `cutShift`).
 */
export interface SegmentJobOptions {
  /** The scratch files' containers (QuickTime for both when not given). */
  readonly containers?: ScratchContainers;
  /**
   * Into an output FFmpeg fills to a constant rate: where each segment's input starts and how long
   * it runs (µs; see `frameRanges`), instead of the cuts.
   */
  readonly inputRanges?: readonly InputRange[];
  /**
   * Output-seek, into an output FFmpeg fills to a constant rate, from a source whose first frame
   * comes late: where each segment's output starts and ends (µs; see `outputFrameRanges`).
   */
  readonly outputRanges?: readonly OutputRange[];
  /**
   * The option that forces keyframes (`-force_key_frames`), with each segment's own value
   * (`undefined`: none after its start), where the times must move with the segment's start.
   */
  readonly forcedKeyframes?: { readonly key: string; readonly values: readonly (string | undefined)[] };
  /**
   * Into an output that keeps its frames' times: the segments keep them too (`-fps_mode vfr`,
   * which rounds each frame onto the encoder's frame times as the whole run does), the join keeps
   * each segment's first frame where it is (`inpoint 0`) and the inputs' times as they are
   * (`-copyts`), so the late video and the audio keep their distance.
   */
  readonly keepsFrameTimes?: boolean;
  /**
   * The QuickTime segments' track and movie timescale. With `keepsFrameTimes`, a multiple of the
   * frame rate, so the edit list that places a first frame after 0 says exactly where (in the
   * default millisecond movie timescale, 1/60 s became 16 ms, and 40 of 240 frames came out 1 ms
   * early). Into AVI, the frame rate itself: the join's stream copy gives AVI the time base of its
   * input when that is coarser than 1/500 s, and half a frame time otherwise (a split AVI
   * declared 50 fps for 25, every other frame an empty chunk).
   */
  readonly timescale?: number;
  /**
   * The command's audio filter options (`-af ...`, see `audioFilterApart`), for the output that
   * encodes the audio; `cmd` is then the command without them.
   */
  readonly audioFilter?: readonly string[];
  /**
   * Input-seek, where the `-vf` reads each frame's time (`SegmentStructure.clock`): the seeked
   * video's time base and the file's start time, to give each segment's frames the whole run's
   * times before the chain and their own after it (see {@link withClock}).
   */
  readonly clock?: SegmentClock;
  /**
   * Through an `fps` filter: how many frames each segment writes (`-frames:v`; its input reads one
   * frame more, see `refilledRanges`), `undefined` for all it makes.
   */
  readonly frameCounts?: readonly (number | undefined)[];
  /**
   * Which kinds of stream the one input has exactly one of, whose tags the join can then map
   * from it into an output that writes every stream tag (see `segmentJobs`).
   */
  readonly singleStreams?: SingleStreams;
  /**
   * The subtitle streams one run puts into the output (see `subtitlePlan`): the join maps them
   * from the input with the command's `-c:s`; the segments and the audio file take none.
   */
  readonly subtitles?: CarriedSubtitles;
  /** The input's streams' dispositions, for the join into Matroska (see `segmentJobs`). */
  readonly dispositions?: StreamDispositions;
  /**
   * Whether the input's demuxer seeks on its video's index only while the video is read
   * (Matroska's cues): the first segment's audio input then reads its video too.
   */
  readonly seeksOnVideo?: boolean;
  /** How many attachments of input 0 the map takes (`0:t`): the join carries them. */
  readonly attachments?: number;
  /**
   * Input-seek, where the audio is another input's alone (`SegmentStructure.audioInput`): the
   * first segment's audio output maps it from that input as the command has it, instead of
   * reading input 0 again.
   */
  readonly audioInput?: number;
}

/** See `SegmentJobOptions.singleStreams`. */
export interface SingleStreams {
  /** Whether the output's one video stream comes from the input's one, or from a complex graph. */
  readonly video: boolean;
  /** How many audio streams the input the output's audio comes from has. */
  readonly audioStreams: number;
  /** The command's input the output's video comes from, where not input 0 (nor a graph). */
  readonly videoFrom?: number;
  /**
   * The command's input the output's audio comes from, where not input 0 (the audio of another
   * file beside input 0's video: `-map 0:v -map 1:a`): the join reads its tags from it.
   */
  readonly audioFrom?: number;
  /**
   * Whether that video is a complex graph's output, which one run gives no input stream's tags
   * nor disposition (Matroska: its encoder's tag alone, not default); the split's had the
   * source's or the scratch file's (checked 2026-12-03).
   */
  readonly videoFromGraph?: boolean;
}

/** What a segment's `-vf` needs to see each frame at the whole run's time (see {@link withClock}). */
export interface SegmentClock {
  readonly timeBase: FrameRate;
  readonly startSeconds: number;
  /**
   * What each segment's frames are moved back by after the chain, in its output time base, where
   * not by the ticks they were moved on by: through an `fps` filter, which gives them its own
   * frame times, the segment's first frame's count of them (`RefilledRanges.firstFrames`); into
   * an output `-r` that FFmpeg fills with a running count, the ticks of the segment's cut
   * (`UnevenCuts.after`), so its frames meet that count as in the whole run.
   */
  readonly after?: readonly number[];
  /** The time base `after` counts in, given to the chain's output first, where not the video's. */
  readonly afterTimeBase?: FrameRate;
}

/**
 * Splits `cmd` at `starts` (microseconds, the start of every segment after the first, on the
 * output's timeline), written as `options` say. Video options stay with the segments, the audio
 * encoder and the container's options go to the one place that writes them once (see
 * {@link AudioPlan}). Segments are QuickTime or MP4 files (see `scratchContainers`).
 */
export function segmentJobs(
  cmd: Command<string>,
  mode: SegmentMode,
  starts: readonly number[],
  audio: AudioPlan,
  {
    containers = { video: 'mov', audio: 'mov', audioOptions: [], joinCopiesTimestamps: false },
    inputRanges,
    outputRanges,
    forcedKeyframes,
    keepsFrameTimes = false,
    timescale,
    audioFilter = [],
    clock,
    frameCounts,
    singleStreams,
    subtitles,
    dispositions,
    seeksOnVideo = false,
    attachments = 0,
    audioInput,
  }: SegmentJobOptions = {},
): SegmentJobs {
  const segmentPath = (k: number) => `${SCRATCH_AT}/segment-${k}.${containers.video}`;
  const audioPath = `${SCRATCH_AT}/audio.${containers.audio === 'matroska' ? 'mka' : containers.audio}`;
  const out = cmd.outputs[0] as OutputEntry;
  const {
    movflags,
    metadata,
    streamMetadata,
    map_metadata,
    map_chapters,
    f,
    'c:a': audioCodec,
    'b:a': audioBitrate,
    'q:a': audioQuality,
    ss: seek,
    t: length,
    to: end,
    ar,
    ac,
    'c:s': subtitleCodec,
    ...videoSide
  } = out.options;
  // An output -ss moves every range by as much (the audio output keeps the command's own -ss,
  // -t and -to). Without one, -to is where the output ends, as -t (which wins where both are given).
  // Seeking its input, a segment's range is on the input's timeline, where the output starts at
  // the input's own -ss.
  const input = mode === 'input-seek' ? cmd.inputs[0]?.options : undefined;
  const inputStart = input?.ss === undefined ? 0 : durationMicros(input.ss);
  const offset = inputStart + (seek === undefined ? 0 : durationMicros(seek));
  const t = length ?? end;
  const container: OutputOptions = {
    movflags,
    metadata,
    streamMetadata: streamMetadata && withoutCopyRotation(streamMetadata, audioCodec === 'copy'),
    map_metadata,
    map_chapters,
    f,
  };
  const audioCodecOptions: OutputOptions = { 'c:a': audioCodec, 'b:a': audioBitrate, 'q:a': audioQuality };
  const pcm = audio.where === 'join';
  const fromFirst = audio.where === 'first-segment';
  const audioRaw = [...containers.audioOptions, ...audioFilter];
  // Chapters a -map_chapters names ride in the audio file, which the join maps them from.
  const chaptersFrom = chaptersInput(cmd);
  const audioOutput = (map?: readonly string[]): OutputOptions => ({
    ...defined({
      ...audioCodecOptions,
      'c:a': containers.audioEncoder ?? audioCodec,
      map,
      ar,
      ac,
      ss: seek,
      t: length,
      to: end,
      map_chapters: chaptersFrom,
      threads: videoSide.threads,
      privateOptions:
        containers.audio === 'matroska'
          ? videoSide.privateOptions
          : { ...videoSide.privateOptions, movie_timescale: AUDIO_MOVIE_TIMESCALE },
      vn: map ? undefined : true,
      sn: true,
      raw: audioRaw.length ? audioRaw : undefined,
    }),
    f: containers.audio,
  });
  // Where the last range ends: the output's -t after its start, its -to on its own timeline, and
  // a seeked input's own -t or -to, whichever comes first.
  const ends = [
    length !== undefined
      ? offset + durationMicros(length)
      : end !== undefined
        ? inputStart + durationMicros(end)
        : undefined,
    input?.t !== undefined
      ? inputStart + durationMicros(input.t)
      : input?.to !== undefined
        ? durationMicros(input.to)
        : undefined,
  ].filter((us): us is number => us !== undefined);
  const lastEnd =
    offset === 0 && input?.t === undefined && input?.to === undefined
      ? t === undefined
        ? undefined
        : String(t)
      : ends.length
        ? formatMicros(Math.min(...ends))
        : undefined;
  // Where each input-seek segment's input starts, in µs (`undefined`: where one run's does).
  const seeks = inputRanges
    ? inputRanges.map(({ ss }) => ss)
    : [0, ...starts].map((start, k) => (k === 0 && offset === 0 ? undefined : offset + start));
  const ranges = inputRanges
    ? inputRanges.map(({ ss, t: length }) => ({
        ss: ss === undefined ? undefined : formatMicros(ss),
        to: undefined,
        t: length === undefined ? undefined : formatMicros(length),
      }))
    : outputRanges
      ? outputRanges.map(({ ss, to }) => ({
          ss: ss === undefined ? undefined : formatMicros(ss),
          to: to === undefined ? undefined : formatMicros(to),
          t: undefined,
        }))
      : [0, ...starts].map((start, k) => ({
          ss: k === 0 && offset === 0 ? undefined : formatMicros(offset + start),
          to: k < starts.length ? formatMicros(offset + (starts[k] as number)) : lastEnd,
          t: undefined,
        }));

  const videoPrivate =
    timescale && containers.video !== 'ivf'
      ? { ...videoSide.privateOptions, movie_timescale: timescale, video_track_timescale: timescale }
      : videoSide.privateOptions;
  const videoPrivateFor = (k: number) => {
    if (!forcedKeyframes) return videoPrivate;
    const { [forcedKeyframes.key]: _forced, ...rest } = videoPrivate ?? {};
    const value = forcedKeyframes.values[k];
    return value === undefined ? rest : { ...rest, [forcedKeyframes.key]: value };
  };
  // Chapters an output-seek split without an audio file would lose: the first segment's -to
  // clips them (FFmpeg clips chapters at an output's length). Its second output, an FFmpeg
  // metadata file written with the command's own -ss, -t and -to, holds them as one run writes
  // them, for the join (before 2026-12-02 they were left out).
  const keepsChapters = !fromFirst && mode === 'output-seek' && map_chapters === undefined;
  const chaptersPath = `${SCRATCH_AT}/chapters.ffmeta`;
  const chaptersOutput: OutputOptions = defined({ f: 'ffmetadata', ss: seek, t: length, to: end });
  // The sound of another file beside input 0's video (`SegmentStructure.audioInput`), its map
  // naming the video first or last.
  const sound = audioInput !== undefined && videoSide.map ? videoAndAudioOf(videoSide.map) : undefined;
  const segments = ranges.map(({ ss, to, t: length }, k) => {
    if (mode === 'output-seek') {
      const apart = audio.where === 'first-segment' ? audio.apart : undefined;
      const segment = cmd.mapOutputs(() => ({
        path: segmentPath(k),
        options: defined({
          ...videoSide,
          map: apart ? apart.videoMap : videoSide.map,
          // Without a `map` left (the video is the graph's unlabelled output) FFmpeg would pick
          // an input's audio and subtitles on its own.
          an: apart && !apart.videoMap?.length ? true : videoSide.an,
          sn: true,
          ar: pcm ? ar : undefined,
          ac: pcm ? ac : undefined,
          'c:a': pcm ? 'pcm_f32le' : undefined,
          f: containers.video,
          privateOptions: videoPrivateFor(k),
          ss,
          to,
        }),
      }));
      if (!apart)
        return k === 0 && keepsChapters
          ? segment.output(chaptersPath, chaptersOutput).toArgs()
          : segment.toArgs();
      // The builder wants every graph output mapped, so the audio output is always written; the
      // later segments then drop it (it follows their own output's path) and the audio chains.
      const both = segment.output(audioPath, audioOutput(apart.audioMap)).toArgs();
      if (k === 0) return both;
      const videoOnly = both.slice(0, both.lastIndexOf(segmentPath(k)) + 1);
      return apart.videoGraph === undefined ? videoOnly : withGraph(videoOnly, apart.videoGraph);
    }
    const source = cmd.inputs[0];
    // The audio input goes after the command's own, whose indices the graph names.
    const maps = videoSide.map && seekMaps(videoSide.map, cmd.inputs.length);
    const segment = cmd
      .mapInputs((input, i) =>
        // Only input 0 is seeked: the others are still pictures, one frame at 0 (`stillPictures`).
        i > 0
          ? input
          : {
              ...input,
              options: defined({
                ...input.options,
                ss,
                to,
                t: length,
                raw: k === 0 && fromFirst ? ['-an'] : undefined,
              }),
            },
      )
      .mapOutputs(() => ({
        path: segmentPath(k),
        options: defined({
          ...videoSide,
          map: maps ? [maps.video] : sound ? [sound.video] : videoSide.map,
          an: true,
          sn: true,
          f: containers.video,
          'frames:v': frameCounts?.[k],
          raw: keepsFrameTimes ? [...(videoSide.raw ?? []), '-fps_mode', 'vfr'] : videoSide.raw,
          privateOptions: videoPrivateFor(k),
        }),
      }));
    const seekAt = seeks[k];
    const clocked = (args: string[]) => {
      if (!clock || seekAt === undefined) return args;
      const ticks = seekTicks(seekAt, inputStart, clock);
      return withClock(args, ticks, clock.after?.[k] ?? ticks, clock.afterTimeBase);
    };
    if (k > 0 || !fromFirst || !source) return clocked(segment.toArgs());
    if (sound) return clocked(segment.output(audioPath, audioOutput(sound.audio)).toArgs());
    // The same file again, whole, audio only: `-an`/`-vn` on the inputs keep FFmpeg's own
    // stream choice (the best video from the seeked input, the best audio from the whole one).
    // Matroska seeks on its video's cues only while the video is read: seeked by the command's
    // -ss with it left out, the audio started elsewhere than in one run (checked 2026-12-03: AAC
    // from 1.3 s, its first decoded frames differed). There the video is read, and copied to
    // nowhere (the null muxer), which costs its packets' reading alone.
    const keepsVideo = seeksOnVideo && source.options.ss !== undefined;
    const withAudio = segment
      .input(source.path, { ...source.options, raw: keepsVideo ? undefined : ['-vn'] })
      .output(audioPath, audioOutput(maps?.audio));
    return clocked(
      (keepsVideo
        ? withAudio.output('-', { map: [`${cmd.inputs.length}:v:0`], 'c:v': 'copy', f: 'null' })
        : withAudio
      ).toArgs(),
    );
  });

  const concatList = [
    'ffconcat version 1.0',
    ...ranges.flatMap((_, k) => {
      const end = starts[k];
      const duration = end === undefined ? [] : [`duration ${formatMicros(end - (starts[k - 1] ?? 0))}`];
      const inpoint = keepsFrameTimes ? ['inpoint 0'] : [];
      return [`file '${segmentPath(k)}'`, ...inpoint, ...duration];
    }),
    '',
  ].join('\n');

  const { raw: _raw, progress: _progress, stats: _stats, ...globals } = cmd.globals;
  // The audio file starts where its first sample is, which after the video's start is not 0:
  // read without -copyts, the join would move it to 0 (checked 2026-12-02: an MP4 whose audio
  // starts 0.48 s after its video came out with the audio 0.45 s early, split input-seek and
  // output-seek, into MP4 and Matroska; an MPEG-TS 13 ms early). Segments and audio file share
  // the whole run's 0, so their times are kept as written.
  const copyts = keepsFrameTimes || containers.joinCopiesTimestamps || fromFirst;
  const joinGlobals = copyts ? { ...globals, raw: ['-copyts'] } : globals;
  let join: Command<string> = new Command(joinGlobals).input(listPath, { f: 'concat', safe: 0 });
  if (fromFirst)
    join = join.input(
      audioPath,
      containers.audioReadOffset === undefined
        ? {}
        : { itsoffset: formatMicros(Math.round(containers.audioReadOffset * 1e6)) },
    );
  // One run copies the first input's global metadata (title, creation_time, a phone's make and
  // place) and chapters; the concat list has none, and the split lost them (checked 2026-12-02:
  // a title gone). The first segment's outputs carry both, as one run's would: the audio file,
  // else the first segment read again (IVF holds neither). An output-seek segment's -to cuts its
  // chapters short (FFmpeg clips them at an output's length): without an audio file they come
  // from the metadata file the first segment writes (`keepsChapters`).
  // Into Matroska, or from another input (`-map_metadata 1`), the join reads the input itself
  // (`metadataSource`).
  const tags = metadataSource(cmd);
  let metadataFrom: number | undefined;
  if (tags.kind === 'input') {
    const input = cmd.inputs[tags.index];
    if (input) join = join.input(input.path, defined({ f: input.options.f }));
    metadataFrom = 1 + Number(fromFirst);
  } else if (tags.kind === 'scratch' && (fromFirst || containers.video !== 'ivf')) {
    if (!fromFirst) join = join.input(segmentPath(0));
    metadataFrom = 1;
  }
  // Into Matroska, which writes every stream tag, one run gives each stream its source stream's
  // tags (a track's title, a language note), its own encoder's ident in place of the source's;
  // the scratch files keep only QuickTime's (before 2026-12-02 a track's title was lost and the
  // video's VENDOR_ID read FFMP). Mapped from the source; the video's encoder is the first
  // segment's (`encoderTagFrom`), and audio the join encodes gets it from FFmpeg itself.
  const streamTags: string[] = [];
  let encoderTagFrom: string | undefined;
  // The join's input that reads the command's input `n` whole, opened once (the metadata
  // source's where that is the one).
  const wholeInputs = new Map<number, number>();
  if (tags.kind === 'input' && metadataFrom !== undefined) wholeInputs.set(tags.index, metadataFrom);
  // The input the audio is copied from itself (`audioFromInput`) is moved by its start, as one
  // run moves it: the join keeps timestamps.
  const copiedFrom = containers.audioFromInput;
  const wholeInput = (n: number): number | undefined => {
    const input = cmd.inputs[n];
    if (wholeInputs.has(n) || !input) return wholeInputs.get(n);
    wholeInputs.set(n, join.inputs.length);
    const start = n === copiedFrom?.input ? copiedFrom.startSeconds : 0;
    const itsoffset = start === 0 ? undefined : (-start).toFixed(6);
    join = join.input(input.path, defined({ f: input.options.f, itsoffset }));
    return wholeInputs.get(n);
  };
  // The source audio stream each of the output's audio streams is, in order.
  let audioFromSource: readonly number[] = [];
  if (tags.kind === 'input' && tags.index === 0 && metadataFrom !== undefined && singleStreams) {
    if (singleStreams.video) {
      // (`-1`: no tags, and no stream's copied but those mapped.)
      const from = singleStreams.videoFrom ?? 0;
      const at = singleStreams.videoFromGraph ? -1 : from === 0 ? metadataFrom : wholeInput(from);
      streamTags.push('-map_metadata:s:v:0', at === -1 ? '-1' : `${at}:s:v:0`);
      encoderTagFrom = segmentPath(0);
    }
    const from = singleStreams.audioFrom ?? 0;
    const sources =
      audio.where === 'none'
        ? undefined
        : audioSources(videoSide.map, singleStreams.audioStreams, dispositions?.chosenAudio, from);
    const at = from === 0 ? metadataFrom : wholeInput(from);
    if (sources && at !== undefined) {
      audioFromSource = sources;
      for (const [i, j] of sources.entries()) streamTags.push(`-map_metadata:s:a:${i}`, `${at}:s:a:${j}`);
    }
  }
  // The subtitles one run carries, from the input itself (read whole: `subtitlePlan`), after
  // the video and audio as one run puts them; into Matroska their tags are mapped as the other
  // streams' are (a stream `-map_metadata` stops FFmpeg copying any stream's tags).
  let subtitleFrom: number | undefined;
  let subtitleTagsFromSource = false;
  if (subtitles) {
    subtitleFrom = wholeInput(subtitles.input);
    if (streamTags.length && subtitleFrom !== undefined) {
      for (const [i, j] of subtitles.indices.entries())
        streamTags.push(`-map_metadata:s:s:${i}`, `${subtitleFrom}:s:s:${j}`);
      subtitleTagsFromSource = true;
    }
  }
  // The attachments a map takes (`0:t`: a Matroska file's fonts), from the input itself, last as
  // one run writes them, with their tags (a font's filename and type, which Matroska requires);
  // before 2026-12-03 they went into the segments, whose QuickTime files refused them (exit 1).
  let attachmentFrom: number | undefined;
  if (attachments > 0) {
    attachmentFrom = wholeInput(0);
    if (streamTags.length && attachmentFrom !== undefined)
      for (let i = 0; i < attachments; i++)
        streamTags.push(`-map_metadata:s:t:${i}`, `${attachmentFrom}:s:t:${i}`);
  }
  // One run drops the source's `encoder` tag from a stream it encodes, then adds its own (the
  // join encoding PCM adds FFmpeg's as one run does), and keeps it on a stream it copies.
  // So does a subtitle stream the join encodes.
  const dropsSubtitleEncoder = subtitleTagsFromSource && subtitleCodec !== 'copy';
  const subtitleKeys = (subtitles?.indices ?? []).map((_, i) => `s:${i}`);
  const audioKeys = audioCodec === 'copy' ? [] : audioFromSource.map((_, i) => `a:${i}`);
  const own = container.streamMetadata ?? {};
  const dropped = [...audioKeys, ...(dropsSubtitleEncoder ? subtitleKeys : [])];
  const tagged: [string, Readonly<Record<string, string>> | undefined][] = [
    ...Object.entries(own).filter(([key]) => !dropped.includes(key)),
    ...dropped.map((key): [string, Readonly<Record<string, string>>] => [key, { encoder: '', ...own[key] }]),
  ];
  const kept = tagged.filter(
    (entry): entry is [string, Readonly<Record<string, string>>] => entry[1] !== undefined,
  );
  const joinStreamTags = kept.length ? Object.fromEntries(kept) : undefined;
  // One run gives each stream its input stream's disposition, which Matroska writes (its
  // `default` flag); the concat demuxer keeps none (before 2026-12-03 a split's video track
  // came out not default into Matroska). Set as the input has them, unless the command sets its
  // own (FFmpeg then copies the rest from the join's inputs).
  const ownDispositions = Object.keys(videoSide.privateOptions ?? {}).some((k) =>
    k.startsWith('disposition'),
  );
  if (streamTags.length && dispositions && !ownDispositions) {
    const { video, audio: audioDisposition, subtitles: subtitleDispositions } = dispositions;
    if (singleStreams?.videoFromGraph) streamTags.push('-disposition:v:0', '0');
    else if (video && singleStreams?.video) streamTags.push('-disposition:v:0', video);
    streamTags.push(
      ...keptDispositions('a', audioFromSource, audioDisposition),
      ...keptDispositions('s', subtitles?.indices ?? [], subtitleDispositions),
    );
  }
  let chaptersFromFile: number | undefined;
  if (keepsChapters) {
    chaptersFromFile = join.inputs.length;
    join = join.input(chaptersPath, { f: 'ffmetadata' });
  }
  // The streams in the order one run writes them: the video, then the audio, unless the map
  // names the audio first; PCM audio rides in the segments, in the command's own order. (Checked
  // 2026-12-03: `-map 1:a -map 0:v` split into MP4 and Matroska came out with the video first.)
  const audioFirst =
    fromFirst &&
    (audio.apart?.audioFirst === true || (sound !== undefined && videoSide.map?.[0] !== sound.video));
  // Copied from the sound's own file: the command's audio entries, from the join's input of it.
  const copiedInput = copiedFrom && wholeInput(copiedFrom.input);
  const audioStreams: InputStreamSelector[] =
    copiedInput !== undefined && sound
      ? sound.audio.map((entry) => entry.replace(/^\d+/, String(copiedInput)) as InputStreamSelector)
      : ['1:a'];
  const streams: InputStreamSelector[] = fromFirst
    ? audioFirst
      ? [...audioStreams, '0:v']
      : ['0:v', ...audioStreams]
    : pcm
      ? ['0']
      : ['0:v'];
  const from = subtitleFrom;
  const map: InputStreamSelector[] = [
    ...streams,
    ...(from === undefined
      ? []
      : (subtitles?.indices ?? []).map((j): InputStreamSelector => `${from}:s:${j}`)),
    ...(attachmentFrom === undefined ? [] : [`${attachmentFrom}:t` as const]),
  ];
  join = join.output(
    out.path,
    defined({
      ...container,
      map_metadata: tags.kind === 'own' ? container.map_metadata : tags.kind === 'none' ? -1 : metadataFrom,
      map_chapters: chaptersFrom !== undefined ? 1 : (chaptersFromFile ?? container.map_chapters),
      map,
      'c:v': 'copy',
      ...(fromFirst ? { 'c:a': 'copy' } : audioCodecOptions),
      'c:s': subtitles ? subtitleCodec : undefined,
      // The muxer's own options among them (an MP4's brand, fragments) are the join's to write;
      // the encoders' are unused in a stream copy, which FFmpeg only warns about.
      privateOptions: videoSide.privateOptions,
      streamMetadata: joinStreamTags,
      raw: streamTags.length ? streamTags : undefined,
    }),
  );
  const audioEncoderTag = fromFirst && audioCodec !== 'copy' ? audioFromSource.length : 0;
  return {
    segments,
    concatList,
    join,
    ...(encoderTagFrom && { encoderTagFrom }),
    ...(audioEncoderTag > 0 && { audioEncoderTags: audioEncoderTag }),
    ...(fromFirst &&
      containers.audioEnds && {
        audioEnds: {
          guestPath: audioPath,
          scratchPath: audioPath.slice(SCRATCH_AT.length),
          input: 1,
          writtenAheadMs: containers.audioEnds.writtenAheadMs,
        },
      }),
  };
}

/**
 * How far a segment's frames, seeked to `seekMicros`, are timed before the whole run's, which
 * seeks to `wholeMicros`, in `timeBase` ticks: FFmpeg takes each input's start off its packets'
 * times (its -ss plus the file's start), rescaled to the stream's time base with rounding to the
 * nearest (`av_rescale_q`), as done here on whole numbers.
 */
export function seekTicks(
  seekMicros: number,
  wholeMicros: number,
  { timeBase, startSeconds }: { readonly timeBase: FrameRate; readonly startSeconds: number },
): number {
  const start = Math.round(startSeconds * 1e6);
  return microsToTicks(seekMicros + start, timeBase) - microsToTicks(wholeMicros + start, timeBase);
}

/**
 * `args` with the `-vf` chain given the whole run's frame times, `ticks` later than the segment's
 * own, and its output its own again (`after` ticks earlier, in the chain's output time base: the
 * same ticks, or the first frame's count of an `fps` filter's frame times): a filter reading the
 * time (`t`, `fade` by time, `subtitles`) sees each frame where one run shows it, and `fps`
 * rounds it as one run does. The chain's input time base is the stream's (FFmpeg 5.1 takes
 * another only for an input `-r`, which goes output-seek), so whole ticks are exact.
 */
function withClock(
  args: readonly string[],
  ticks: number,
  after: number,
  afterTimeBase?: FrameRate,
): string[] {
  if (ticks === 0 && after === 0) return [...args];
  const settb = afterTimeBase ? `settb=${afterTimeBase.num}/${afterTimeBase.den},` : '';
  const clocked = (chain: string) => `setpts=PTS+${ticks},${chain},${settb}setpts=PTS-${after}`;
  const at = args.findIndex((a) => VIDEO_CHAIN.test(a));
  const chain = args[at + 1];
  if (at >= 0 && chain !== undefined)
    return [...args.slice(0, at + 1), clocked(chain), ...args.slice(at + 2)];
  // With the audio input added, the builder writes the -vf as a complex graph of input 0's video.
  const complexAt = args.indexOf('-filter_complex');
  // A command without a video filter gets one of its own: a segment of one output, whose path
  // comes last.
  if (complexAt < 0) return [...args.slice(0, -1), '-vf', clocked('null'), ...args.slice(-1)];
  const graph = args[complexAt + 1];
  const head = graph === undefined ? undefined : /^\[0:v\]/.exec(graph);
  const chains = graph === undefined ? [] : parseFiltergraph(graph, '-filter_complex').chains;
  const only = chains.length === 1 ? chains[0] : undefined;
  if (!graph || !head || !only || (only.at(-1)?.outputLabels.length ?? 0) > 0)
    throw new Error(`segments: no -vf chain to give the whole run's clock in ${args.join(' ')}`);
  const given = `${head[0]}${clocked(graph.slice(head[0].length))}`;
  return [...args.slice(0, complexAt + 1), given, ...args.slice(complexAt + 2)];
}

/**
 * `args` with its one complex graph's text replaced (the option dropped when `text` is empty: the
 * video came straight from inputs and the graph made only audio).
 */
function withGraph(args: readonly string[], text: string): string[] {
  const at = args.findIndex((a) => a === '-filter_complex' || a === '-lavfi');
  if (at < 0) return [...args];
  return text === ''
    ? [...args.slice(0, at), ...args.slice(at + 2)]
    : [...args.slice(0, at + 1), text, ...args.slice(at + 2)];
}

/** A value `av_strtod` reads whole, as FFmpeg requires of a rotation (an empty one reads as 0). */
const ANGLE = /^(\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?)?$/;

/**
 * The command's stream metadata for the join, less a numeric `rotate` on streams the whole run
 * encodes: FFmpeg 5.1 turns it into a display matrix only for a stream it copies, and the join
 * copies every stream (a split of `-metadata:s:v:0 rotate=90` came out turned a quarter, the
 * whole run not at all). Audio the command copies keeps it, as in one run.
 */
function withoutCopyRotation(
  streamMetadata: NonNullable<OutputOptions['streamMetadata']>,
  audioCopied: boolean,
): OutputOptions['streamMetadata'] {
  const kept = Object.entries(streamMetadata).flatMap(([specifier, tags]) => {
    const copied = audioCopied && /^a(:|$)/.test(specifier);
    const own = Object.entries(tags).filter(
      ([key, value]) => copied || key !== 'rotate' || !ANGLE.test(value),
    );
    return own.length ? [[specifier, Object.fromEntries(own)] as const] : [];
  });
  return kept.length ? Object.fromEntries(kept) : undefined;
}

/** Drops `undefined` values so options the command did not set stay unset. */
function defined<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as T;
}
