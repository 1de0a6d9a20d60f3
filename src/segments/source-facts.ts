import type { Command, StreamCounts } from '../builder/index.js';
import type { Engine, ProbeResult, RunOptions, VolumeLike } from '../engine/index.js';
import { probeInput, streamCounts } from '../input-probes.js';
import { OPEN_TO_READ } from '../vfs/index.js';
import { chosenAudio } from './audio-choice.js';
import type { FrameRate } from './boundaries.js';
import { type FrameGrid, frameGrid } from './frame-grid.js';
import { lavfiStreams } from './lavfi-streams.js';
import { MOV_FORMATS, outOfOrder, readMp4Index } from './mp4-index.js';
import type { SegmentMode } from './structure.js';
import { volumeFileOf } from './volume-file.js';

/** What the splitter needs to know about the source before it cuts. */
export interface SourceFacts {
  readonly durationSeconds?: number;
  readonly frameRate?: FrameRate;
  readonly hasAudio: boolean;
  /**
   * The input's subtitle streams, by codec (`undefined` where not known), for an input-seek split
   * only (see `chosenSubtitle`).
   */
  readonly subtitleCodecs?: readonly (string | undefined)[];
  /**
   * Where decoding can start, in seconds from the start of the output's timeline: the first
   * video stream's keyframes for an input-seek split, `[0]` when every segment decodes from the
   * start (an output-seek split, or an input that cannot be scanned).
   */
  readonly keyframeSeconds: readonly number[];
  /**
   * Whether FFmpeg decodes an input seek's pre-roll (the frames from the keyframe before the cut)
   * without its non-reference frames (build/patches/ffmpeg/0003): the first video stream is
   * H.264 in MP4/QuickTime with frames out of order, whose reorder depth the demuxer reads from
   * the file. Such a pre-roll costs less (see `PRE_ROLL_COST`).
   */
  readonly preRollSkipsNonReference?: boolean;
  /**
   * Whether the input's demuxer seeks on an index to the keyframe before a time (MP4/QuickTime,
   * Matroska/WebM), which an input-seek segment's exact start needs. Others (MPEG-TS, say) land
   * near the time, on any packet, and the frames up to the next keyframe would be lost.
   */
  readonly seeksExactly?: boolean;
  /** Whether the input is MP4 or QuickTime (FFmpeg's `mov,mp4,...` demuxer), as the segments are. */
  readonly quickTime?: boolean;
  /** Whether the input is Matroska or WebM (FFmpeg's `matroska,webm` demuxer). */
  readonly matroska?: boolean;
  /** The input's audio streams, by codec (`undefined` where not known), from ffprobe only. */
  readonly audioCodecs?: readonly (string | undefined)[];
  /** How many attachment streams it has (a Matroska file's fonts; none in MP4). */
  readonly attachmentStreams?: number;
  /**
   * Where the first video stream's frames sit against its rate's frame times (see `cutShift`):
   * from the MP4 index (one sample length and a first picture at 0: regular, phase 0) or the
   * ffprobe packet scan.
   */
  readonly grid?: FrameGrid;
  /**
   * Where the first video stream's last frame ends, in seconds from the file's start: shorter than
   * `durationSeconds` when audio runs on past the video, and only the video is cut.
   */
  readonly videoSeconds?: number;
  /**
   * What a split of unevenly spaced frames into a constant-rate output needs (see `unevenCuts`),
   * from ffprobe: how many streams the file has, the video's time base, and whether FFmpeg will
   * give the encoder `frameRate` (its guess takes the average rate instead where the two differ
   * widely).
   */
  readonly streamCount?: number;
  /** How many video streams FFmpeg makes of the input (`undefined`: not known). */
  readonly videoStreams?: number;
  /** How many audio streams it has. */
  readonly audioStreams?: number;
  readonly timeBase?: FrameRate;
  /** The file's start time, which FFmpeg makes 0 (ffprobe's `start_time`). */
  readonly startSeconds?: number;
  /**
   * Where the 0 of a run that reads the video alone lies, in seconds from the file's start. FFmpeg
   * 5.1 starts an MPEG-TS or MPEG-PS input at the first of the streams a run reads
   * (`process_input`, "Correcting start time", for `AVFMT_TS_DISCONT` demuxers with timestamps
   * that wrap): where the audio starts first, a segment without it counts from the video's start,
   * the whole run from the audio's. 0 for other demuxers (checked: Ogg and FLV keep the file's).
   */
  readonly videoOnlyOrigin?: number;
  readonly rateIsFfmpegs?: boolean;
  /**
   * Each frame's time from the file's start in whole `timeBase` ticks, ascending, where known
   * exactly: from an MP4 index, or ffprobe's microseconds where the time base is no finer (a
   * phone's 1/600 s, Matroska's milliseconds). What an `fps` filter rounds each frame to is then
   * known here (see `refilledRanges`).
   */
  readonly frameTicks?: readonly number[];
  /**
   * The dispositions one run copies to its output streams, as `-disposition` takes them
   * (`default+forced`, `0` for none): the first video stream's, each audio and subtitle stream's.
   */
  readonly dispositions?: StreamDispositions;
}

/** See `SourceFacts.dispositions`. */
export interface StreamDispositions {
  readonly video?: string;
  readonly audio: readonly string[];
  readonly subtitles: readonly string[];
  /**
   * Which audio stream FFmpeg's own choice takes (no `-map`): the most channels, a `default` one
   * first (`ffmpeg_opt.c`, "audio: most channels"); `undefined` where the channels are not known.
   */
  readonly chosenAudio?: number;
}

/**
 * Reads the first input's length, frame rate, audio and video keyframes, for an input-seek split
 * of one input file: from an MP4/QuickTime file's index where it can (`readMp4Index`), else
 * ffprobe's stream header and a scan of its video packets' flags (the packets are read, not
 * decoded), run at once.
 */
export async function sourceFacts(
  vol: VolumeLike,
  cmd: Command<string>,
  engine: Engine,
  options: RunOptions,
  mode: SegmentMode,
): Promise<SourceFacts> {
  const first = cmd.inputs[0];
  if (mode !== 'input-seek' || !first) return { hasAudio: true, keyframeSeconds: [0] };
  // No probe reads a lavfi graph: its sinks say whether there is audio (`testsrc2` alone has
  // none, and a split had asked the first segment for audio FFmpeg could not find: exit 1).
  if (first.options.f === 'lavfi')
    return { hasAudio: lavfiStreams(first.path, 'audio') !== 0, keyframeSeconds: [0] };
  return (
    mp4Facts(vol, first.path, first.options.f, options) ?? scannedFacts(vol, first.path, engine, options)
  );
}

/** What an output-seek split knows of one input: its length and which media it carries. */
export interface InputFacts {
  readonly durationSeconds: number | undefined;
  readonly hasAudio: boolean;
  /** See `SourceFacts.subtitleCodecs`. */
  readonly subtitleCodecs: readonly (string | undefined)[];
  /** The file's start time (ffprobe's `start_time`), which FFmpeg makes 0. */
  readonly startSeconds: number | undefined;
  /** See `SourceFacts.grid`; absent for an input without video. */
  readonly grid?: FrameGrid;
  /** The video's frame rate, which `grid` counts in. */
  readonly frameRate?: FrameRate;
  /** See `SourceFacts.videoSeconds`. */
  readonly videoSeconds?: number;
  /** How many streams of each medium FFmpeg makes of it (see `Command.expectedDuration`). */
  readonly streams: StreamCounts;
  /** Whether its video is a still image (one picture, its rate the demuxer's default). */
  readonly still?: boolean;
  /** How many attachment streams it has (see `SourceFacts.attachmentStreams`). */
  readonly attachments?: number;
  /**
   * How long after the file's start its audio starts, in seconds (the earliest audio stream's
   * start; 0 from an MP4 index, which reads only files whose every track starts at 0).
   */
  readonly audioStartSeconds?: number;
  /** See `SourceFacts.dispositions`. */
  readonly dispositions?: StreamDispositions;
  /** See `SourceFacts.quickTime`. */
  readonly quickTime?: boolean;
  /** See `SourceFacts.matroska`. */
  readonly matroska?: boolean;
}

/**
 * Each input's facts, for an output-seek split: from an MP4 index where it can, else ffprobe's
 * stream header (the inputs at once); `undefined` for an input neither can read (a lavfi graph, a
 * pipe, a URL).
 */
export function inputFacts(
  vol: VolumeLike,
  cmd: Command<string>,
  engine: Engine,
  options: RunOptions,
): Promise<(InputFacts | undefined)[]> {
  return Promise.all(
    cmd.inputs.map(async (input): Promise<InputFacts | undefined> => {
      const indexed = mp4Facts(vol, input.path, input.options.f, options);
      if (indexed) {
        const {
          durationSeconds,
          hasAudio,
          subtitleCodecs = [],
          frameRate,
          videoSeconds,
          startSeconds,
        } = indexed;
        const streams = { video: indexed.videoStreams, audio: indexed.audioStreams };
        return {
          durationSeconds,
          hasAudio,
          subtitleCodecs,
          startSeconds,
          grid: ON_GRID,
          frameRate,
          videoSeconds,
          streams,
          attachments: 0,
          audioStartSeconds: 0,
          dispositions: indexed.dispositions,
          quickTime: true,
        };
      }
      const probe = await probeInput(vol, input, engine, options);
      if (!probe) return undefined;
      const video = probe.streams.find((s) => s.codecType === 'video');
      const rate = frameRateOf(video);
      // A still image is one frame; looped, its frames come one frame time apart from 0.
      const still = video?.codecName !== undefined && STILL_CODECS.has(video.codecName);
      const start = probe.format.startTime ?? 0;
      const { times, durations } =
        video && rate && !still
          ? frameTimes(await scanVideoPackets(vol, input.path, engine, options))
          : { times: [], durations: [] };
      const scanned = video && rate && !still ? frameGrid(times, start, rate, durations) : undefined;
      return {
        // Not looped (the command's -loop makes it endless), a still image lasts one frame time:
        // a logo overlaid on a video leaves the output the video's length.
        durationSeconds: probe.format.duration ?? (still && rate ? rate.den / rate.num : undefined),
        hasAudio: probe.streams.some((s) => s.codecType === 'audio'),
        subtitleCodecs: subtitleCodecs(probe),
        startSeconds: probe.format.startTime,
        dispositions: streamDispositions(probe),
        // A video without a rate to measure against is taken as irregular.
        grid: still ? ON_GRID : video ? (scanned ?? IRREGULAR) : undefined,
        frameRate: rate,
        videoSeconds: videoEnd(times, start, rate),
        streams: streamCounts(probe),
        still,
        attachments: probe.streams.filter((s) => s.codecType === 'attachment').length,
        audioStartSeconds: audioStart(probe, start),
        quickTime: probe.format.formatName.startsWith('mov,mp4'),
        matroska: probe.format.formatName.startsWith('matroska'),
      };
    }),
  );
}

function streamDispositions(probe: ProbeResult): StreamDispositions {
  const each = (kind: string) =>
    probe.streams.flatMap((s) => (s.codecType === kind ? [dispositionOf(s) ?? '0'] : []));
  const audio = probe.streams.filter((s) => s.codecType === 'audio');
  return {
    video: dispositionOf(probe.streams.find((s) => s.codecType === 'video')),
    audio: each('audio'),
    subtitles: each('subtitle'),
    chosenAudio: chosenAudio(
      audio.map((s) => ({ channels: s.channels, isDefault: !!s.disposition.default })),
    ),
  };
}

/** A stream's disposition flags as `-disposition` takes them. */
function dispositionOf(stream: ProbeResult['streams'][number] | undefined): string | undefined {
  if (!stream) return undefined;
  const flags = Object.entries(stream.disposition).flatMap(([flag, on]) => (on ? [flag] : []));
  return flags.length ? flags.join('+') : '0';
}

function subtitleCodecs(probe: ProbeResult): (string | undefined)[] {
  return probe.streams.filter((s) => s.codecType === 'subtitle').map((s) => s.codecName);
}

/** Where the earliest audio stream starts, in seconds after `start` (the file's); none without audio. */
function audioStart(probe: ProbeResult, start: number): number | undefined {
  const starts = probe.streams.filter((s) => s.codecType === 'audio').map((s) => s.startTime ?? start);
  return starts.length ? Math.min(...starts) - start : undefined;
}

/** The facts by ffprobe: its stream header and a scan of the video packets' flags, at once. */
export async function scannedFacts(
  vol: VolumeLike,
  path: string,
  engine: Engine,
  options: RunOptions,
): Promise<SourceFacts> {
  const { signal, cwd, mounts, env, memoryLimitMiB } = options;
  const [info, csv] = await Promise.all([
    engine.probe(vol, path, { signal, cwd, mounts, env, memoryLimitMiB }),
    scanVideoPackets(vol, path, engine, options),
  ]);
  const video = info.streams.find((s) => s.codecType === 'video');
  const frameRate = frameRateOf(video);
  const start = info.format.startTime ?? 0;
  const { times, durations } = frameTimes(csv);
  return {
    durationSeconds: info.format.duration,
    frameRate,
    hasAudio: info.streams.some((s) => s.codecType === 'audio'),
    subtitleCodecs: subtitleCodecs(info),
    keyframeSeconds: keyframeTimes(csv, start),
    preRollSkipsNonReference:
      info.format.formatName.startsWith('mov,mp4') &&
      video?.codecName === 'h264' &&
      outOfOrder(packets(csv).map((p) => p.at)),
    seeksExactly: INDEXED_FORMATS.test(info.format.formatName),
    quickTime: info.format.formatName.startsWith('mov,mp4'),
    matroska: info.format.formatName.startsWith('matroska'),
    audioCodecs: info.streams.filter((s) => s.codecType === 'audio').map((s) => s.codecName),
    attachmentStreams: info.streams.filter((s) => s.codecType === 'attachment').length,
    grid: (frameRate && frameGrid(times, start, frameRate, durations)) || IRREGULAR,
    videoSeconds: videoEnd(times, start, frameRate),
    streamCount: info.streams.length,
    dispositions: streamDispositions(info),
    videoStreams: info.streams.filter((s) => s.codecType === 'video').length,
    audioStreams: info.streams.filter((s) => s.codecType === 'audio').length,
    startSeconds: start,
    videoOnlyOrigin: START_FOLLOWS_READ_STREAMS.test(info.format.formatName)
      ? Math.max(0, (video?.startTime ?? start) - start)
      : 0,
    timeBase: video?.timeBase?.num ? { num: video.timeBase.num, den: video.timeBase.den } : undefined,
    rateIsFfmpegs: frameRate !== undefined && averageNear(video, frameRate),
    frameTicks: video?.timeBase?.num === 1 ? exactTicks(times, start, video.timeBase.den) : undefined,
  };
}

/**
 * `times` (seconds, as ffprobe prints them to the µs) from `start`, in ticks of 1/`timescale` s,
 * ascending; `undefined` where the ticks are finer than µs or a time lies off them.
 */
function exactTicks(times: readonly number[], start: number, timescale: number): number[] | undefined {
  if (!(timescale > 0 && timescale <= 1_000_000)) return undefined;
  const ticks = times.map((t) => Math.round((t - start) * timescale)).sort((a, b) => a - b);
  const sorted = [...times].sort((a, b) => a - b);
  const exact = ticks.every((tick, n) => Math.abs(tick / timescale - ((sorted[n] as number) - start)) < 1e-6);
  return exact ? ticks : undefined;
}

/** Where the last of a video's frames (scanned, ascending) ends, from the file's start. */
function videoEnd(times: readonly number[], start: number, rate: FrameRate | undefined): number | undefined {
  const last = times.at(-1);
  return last === undefined || !rate ? undefined : last + rate.den / rate.num - start;
}

/** The first video stream's packets as ffprobe lists them: `pts_time,dts_time,duration_time,flags` lines. */
async function scanVideoPackets(
  vol: VolumeLike,
  path: string,
  engine: Engine,
  options: RunOptions,
): Promise<string> {
  const { signal, cwd, mounts, env, memoryLimitMiB } = options;
  const scan = await engine.run(
    vol,
    [
      ...['-v', 'error', '-select_streams', 'v:0'],
      ...['-show_entries', 'packet=pts_time,dts_time,duration_time,flags', '-of', 'csv=p=0', path],
    ],
    { signal, cwd, mounts, env, memoryLimitMiB, tool: 'ffprobe', stdout: 'capture' },
  );
  return new TextDecoder().decode(scan.stdout);
}

/**
 * Whether the stream's average rate is within a tenth of `rate`: then FFmpeg 5.1's
 * `av_guess_frame_rate`, which gives the encoder its rate, keeps `r_frame_rate` (it takes another
 * over 210 fps against an average under 70, or, for H.264, the codec's own where the average
 * parts from it by a tenth).
 */
function averageNear(stream: ProbeResult['streams'][number] | undefined, rate: FrameRate): boolean {
  const average = stream?.avgFrameRate;
  if (!average?.num || !average.den) return false;
  return Math.abs(1 - (average.num * rate.den) / (average.den * rate.num)) <= 0.1;
}

/** A probed stream's frame rate (`r_frame_rate`), when it states one. */
function frameRateOf(stream: ProbeResult['streams'][number] | undefined): FrameRate | undefined {
  return stream?.frameRate?.value ? { num: stream.frameRate.num, den: stream.frameRate.den } : undefined;
}

/** Demuxers whose start FFmpeg moves to the streams a run reads (see `videoOnlyOrigin`; FFmpeg's format names). */
const START_FOLLOWS_READ_STREAMS = /^(mpegts|mpegtsraw|mpeg)$/;

/** Demuxers that seek on an index to the keyframe before a time (FFmpeg's format names). */
const INDEXED_FORMATS = /^(mov,mp4|matroska)/;

/**
 * ffprobe's `pts_time,dts_time,duration_time,flags` packet lines: each time (its dts where it has
 * no pts), length (0 where none is stated) and whether it is a keyframe.
 */
function packets(csv: string): { at: number; duration: number; key: boolean }[] {
  return csv.split('\n').flatMap((line) => {
    const [pts, dts, length, flags] = line.trim().split(',');
    const at = Number.parseFloat(pts === 'N/A' ? (dts ?? '') : (pts ?? ''));
    const duration = Number.parseFloat(length ?? '');
    return Number.isFinite(at)
      ? [{ at, duration: Number.isFinite(duration) ? duration : 0, key: flags?.includes('K') ?? false }]
      : [];
  });
}

/** Every packet's presentation time, ascending, and its length beside it. */
function frameTimes(csv: string): { times: number[]; durations: number[] } {
  const sorted = packets(csv).sort((a, b) => a.at - b.at);
  return { times: sorted.map((p) => p.at), durations: sorted.map((p) => p.duration) };
}

/** Image codecs whose file is one picture (GIF, which animates, is scanned like video). */
const STILL_CODECS = new Set(['png', 'mjpeg', 'bmp', 'tiff', 'webp']);

/** What an MP4 index implies (`readMp4Index` takes one sample length and a first picture at 0). */
const ON_GRID: FrameGrid = { regular: true, phase: 0 };
/** A video whose frames could not be placed. */
const IRREGULAR: FrameGrid = { regular: false, phase: 0 };

/**
 * The keyframe times in ffprobe's packet lines, less the file's start
 * time (input `-ss` counts from it), ascending. A packet without a pts is placed at its dts.
 */
export function keyframeTimes(csv: string, startSeconds: number): number[] {
  return packets(csv)
    .filter((p) => p.key)
    .map((p) => Math.max(0, p.at - startSeconds))
    .sort((a, b) => a - b);
}

/**
 * Whether every input in `pictures` (the still pictures an input-seek graph lays) can be read:
 * opened in the caller's volume where it lies there, else probed. A missing one leaves the
 * command to run whole, where FFmpeg names it in the command's own words, not a segment's.
 */
export async function picturesReadable(
  vol: VolumeLike,
  cmd: Command<string>,
  pictures: ReadonlyMap<number, unknown>,
  engine: Engine,
  options: RunOptions,
): Promise<boolean> {
  const readable = await Promise.all(
    [...pictures.keys()].map(async (i) => {
      const input = cmd.inputs[i];
      if (!input) return false;
      const file = volumeFileOf(input.path, vol, options);
      if (file === undefined || file.mounted)
        return (await probeInput(vol, input, engine, options)) !== undefined;
      const { backend, path } = file;
      try {
        backend.close(backend.open(path, OPEN_TO_READ));
        return true;
      } catch {
        return false;
      }
    }),
  );
  return readable.every(Boolean);
}

/**
 * The facts from an MP4/QuickTime index read straight from the caller's volume, where the input
 * lies in it: not under a mount, `/tmp` or `/dev`, and not a protocol URL. Two ffprobe runs less
 * before the segments start, and no read of the whole file. `undefined` sends the caller to ffprobe.
 */
function mp4Facts(
  vol: VolumeLike,
  path: string,
  format: string | undefined,
  options: RunOptions,
): SourceFacts | undefined {
  if (format !== undefined && !MOV_FORMATS.has(format)) return undefined;
  const file = volumeFileOf(path, vol, options);
  if (file === undefined || file.mounted) return undefined;
  const { backend } = file;
  let fd: number;
  try {
    fd = backend.open(file.path, OPEN_TO_READ);
  } catch {
    return undefined;
  }
  try {
    const size = backend.fstat(fd).size;
    const readAt = (position: number, length: number) =>
      backend.read(fd, Math.max(0, Math.min(length, size - position)), position).slice();
    const index = readMp4Index(readAt, size);
    // The index reader takes only one sample length and a first picture at 0.
    return (
      index && {
        ...index,
        keyframeSeconds: [...index.keyframeSeconds],
        seeksExactly: true,
        quickTime: true,
        videoOnlyOrigin: 0,
        grid: ON_GRID,
      }
    );
  } finally {
    backend.close(fd);
  }
}
