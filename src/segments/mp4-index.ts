import { chosenAudio } from './audio-choice.js';
import { type FrameRate, gcd } from './boundaries.js';

/** What an MP4/QuickTime file's index says, as ffprobe would report it for an input-seek split. */
export interface Mp4Index {
  /** `mvhd`'s duration, in seconds. */
  readonly durationSeconds: number;
  /** The first video track's rate, when every sample lasts the same (`stts` has one entry). */
  readonly frameRate: FrameRate;
  readonly hasAudio: boolean;
  /** Its subtitle tracks' codecs, as FFmpeg names them (`undefined`: a sample entry not known here). */
  readonly subtitleCodecs: readonly (string | undefined)[];
  /**
   * The first video track's and each audio and subtitle track's disposition, as `-disposition`
   * takes it: `default` where the track is enabled (`tkhd`), as FFmpeg's mov demuxer reads it.
   */
  readonly dispositions: {
    readonly video?: string;
    readonly audio: readonly string[];
    readonly subtitles: readonly string[];
    /** Which sound track FFmpeg's own choice takes (see `StreamDispositions.chosenAudio`). */
    readonly chosenAudio?: number;
  };
  /** See `SourceFacts.preRollSkipsNonReference`: H.264 (`avc1`/`avc3`) with frames out of order. */
  readonly preRollSkipsNonReference: boolean;
  /** The first video track's sync samples, presentation times in seconds, ascending. */
  readonly keyframeSeconds: readonly number[];
  /** Where the first video track's last frame ends, in seconds (its samples times their length). */
  readonly videoSeconds: number;
  /**
   * How many video streams FFmpeg makes of the file: its video tracks, unless its metadata
   * (`udta`) holds cover art, which FFmpeg adds as a video stream (then `undefined`).
   */
  readonly videoStreams: number | undefined;
  /** How many audio streams: its sound tracks. */
  readonly audioStreams: number;
  /** The first video track's time base: one over its timescale, as FFmpeg's mov demuxer sets it. */
  readonly timeBase: FrameRate;
  /** The file's start time: 0, as the reader takes only files whose first picture is at 0. */
  readonly startSeconds: number;
  /** The first video track's pictures' presentation times, in `timeBase` ticks, ascending. */
  readonly frameTicks: readonly number[];
}

/** What `-f` may name for an input FFmpeg's mov demuxer reads, as this reader does. */
export const MOV_FORMATS: ReadonlySet<string> = new Set(['mov', 'mp4', 'm4a', '3gp', '3g2', 'mj2']);

/** Reads `length` bytes at `position` (fewer at the end of the file). */
export type ReadAt = (position: number, length: number) => Uint8Array;

interface Box {
  readonly type: string;
  /** The box's payload, after its header. */
  readonly body: DataView;
}

/** Handler types FFmpeg's mov demuxer makes subtitle streams of. */
const SUBTITLE_HANDLERS = new Set(['sbtl', 'subt', 'text', 'clcp']);
/** The codec FFmpeg's mov demuxer reads a subtitle sample entry as (`ff_codec_movsubtitle_tags`). */
const SUBTITLE_CODECS: ReadonlyMap<string, string> = new Map([
  ['text', 'mov_text'],
  ['tx3g', 'mov_text'],
  ['c608', 'eia_608'],
]);
/** The sample entries FFmpeg's mov demuxer reads as H.264. */
const H264_ENTRIES: ReadonlySet<string> = new Set(['avc1', 'avc3']);
/** The boxes an MP4 or QuickTime file starts with. */
const FIRST_BOXES = new Set(['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot']);
/** The most of `moov` read: an index of hours of video is a few MB. */
const MOOV_LIMIT = 64 << 20;

/**
 * The facts of a plain (unfragmented) MP4 or QuickTime file from its `moov` box alone: no packet
 * is read and nothing decoded, where ffprobe's keyframe scan reads the whole file. `undefined` for
 * anything this reader does not treat exactly as FFmpeg's mov demuxer does (fragments, edit lists
 * other than one plain edit, a video track whose samples differ in length or whose first picture
 * is not at 0, no video): the caller asks ffprobe then.
 */
export function readMp4Index(readAt: ReadAt, size: number): Mp4Index | undefined {
  try {
    return indexOf(readAt, size);
  } catch {
    // A box shorter than its fields say (DataView's RangeError): not a file to trust.
    return undefined;
  }
}

function indexOf(readAt: ReadAt, size: number): Mp4Index | undefined {
  const moov = topLevelMoov(readAt, size);
  if (!moov) return undefined;
  const children = boxes(moov);
  if (children.some((b) => b.type === 'mvex')) return undefined;
  const mvhd = children.find((b) => b.type === 'mvhd');
  if (!mvhd) return undefined;
  const movie = timing(mvhd.body, 12);
  const tracks = children.filter((b) => b.type === 'trak').map((t) => track(t.body));
  if (tracks.includes(undefined)) return undefined;
  const video = tracks.find((t) => t?.handler === 'vide');
  if (!video || !(movie.timescale > 0)) return undefined;
  const facts = videoFacts(video);
  if (!facts) return undefined;
  const sounds = tracks.filter((t): t is Track => t?.handler === 'soun');
  // A track another one names as its chapters (`tref`/`chap`) is read as data, not subtitles.
  const subtitles = tracks.filter(
    (t): t is Track =>
      t !== undefined &&
      SUBTITLE_HANDLERS.has(t.handler) &&
      !tracks.some((other) => t.id !== undefined && other?.chapters.includes(t.id)),
  );
  return {
    durationSeconds: movie.duration / movie.timescale,
    frameRate: facts.frameRate,
    hasAudio: tracks.some((t) => t?.handler === 'soun'),
    subtitleCodecs: subtitles.map((t) => SUBTITLE_CODECS.get(t.sampleEntry ?? '')),
    dispositions: {
      video: disposition(video),
      audio: sounds.map((t) => disposition(t) ?? '0'),
      chosenAudio: chosenAudio(sounds.map((t) => ({ channels: t.channels, isDefault: t.enabled }))),
      subtitles: subtitles.map((t) => disposition(t) ?? '0'),
    },
    preRollSkipsNonReference: H264_ENTRIES.has(video.sampleEntry ?? '') && facts.reordered,
    keyframeSeconds: facts.keyframeSeconds,
    videoSeconds: facts.videoSeconds,
    frameTicks: facts.frameTicks,
    videoStreams: coverArt(children) ? undefined : tracks.filter((t) => t?.handler === 'vide').length,
    audioStreams: tracks.filter((t) => t?.handler === 'soun').length,
    timeBase: { num: 1, den: video.timescale },
    startSeconds: 0,
  };
}

/** Whether `moov`'s metadata mentions cover art (`covr`), which FFmpeg reads as a video stream. */
function coverArt(children: readonly Box[]): boolean {
  const udta = children.find((b) => b.type === 'udta')?.body;
  if (!udta) return false;
  const bytes = new Uint8Array(udta.buffer, udta.byteOffset, udta.byteLength);
  return new TextDecoder('latin1').decode(bytes).includes('covr');
}

/** The `moov` box's payload, found by walking the top-level boxes' headers. */
function topLevelMoov(readAt: ReadAt, size: number): DataView | undefined {
  let at = 0;
  let first = true;
  while (at + 8 <= size) {
    const head = view(readAt(at, 16));
    if (head.byteLength < 8) return undefined;
    let length = head.getUint32(0);
    const type = fourcc(head, 4);
    let header = 8;
    if (length === 1) {
      if (head.byteLength < 16) return undefined;
      length = Number(head.getBigUint64(8));
      header = 16;
    } else if (length === 0) length = size - at;
    if (length < header || type === 'moof') return undefined;
    // Anything else is not an MP4 or QuickTime file (Matroska, MPEG-TS, ...).
    if (first && !FIRST_BOXES.has(type)) return undefined;
    first = false;
    if (type === 'moov') {
      if (length > MOOV_LIMIT || at + length > size) return undefined;
      return view(readAt(at + header, length - header));
    }
    at += length;
  }
  return undefined;
}

interface Track {
  readonly handler: string;
  readonly timescale: number;
  /** The one edit's start in the media, in the track's timescale (0 without an edit list). */
  readonly mediaStart: number;
  readonly stbl: readonly Box[];
  /** The first sample entry's type (`stsd`), which names the track's codec. */
  readonly sampleEntry: string | undefined;
  /** A sound track's channels (`stsd`), where read. */
  readonly channels: number | undefined;
  /** Its `tkhd` track id. */
  readonly id: number | undefined;
  /** Whether `tkhd` marks it enabled, which FFmpeg reads as the `default` disposition. */
  readonly enabled: boolean;
  /** The ids of the tracks it names as its chapters (`tref`'s `chap`). */
  readonly chapters: readonly number[];
}

function track(trak: DataView): Track | undefined {
  const parts = boxes(trak);
  const mdia = boxes(find(parts, 'mdia') ?? empty);
  const mdhd = find(mdia, 'mdhd');
  const hdlr = find(mdia, 'hdlr');
  if (!mdhd || !hdlr || hdlr.byteLength < 12) return undefined;
  const edits = find(boxes(find(parts, 'edts') ?? empty), 'elst');
  const mediaStart = edits ? oneEdit(edits) : 0;
  if (mediaStart === undefined) return undefined;
  const stbl = boxes(find(boxes(find(mdia, 'minf') ?? empty), 'stbl') ?? empty);
  const stsd = find(stbl, 'stsd');
  return {
    handler: fourcc(hdlr, 8),
    timescale: timing(mdhd, 12).timescale,
    mediaStart,
    stbl,
    sampleEntry: stsd && stsd.byteLength >= 16 ? fourcc(stsd, 12) : undefined,
    // A sound sample entry's channel count, where versions 0 and 1 hold it (QuickTime's 2 elsewhere).
    channels: stsd && stsd.byteLength >= 34 && stsd.getUint16(24) <= 1 ? stsd.getUint16(32) : undefined,
    id: trackId(find(parts, 'tkhd')),
    enabled: ((find(parts, 'tkhd')?.getUint32(0) ?? 0) & 1) === 1,
    chapters: chapterIds(find(boxes(find(parts, 'tref') ?? empty), 'chap')),
  };
}

function disposition(track: Track | undefined): string | undefined {
  return track === undefined ? undefined : track.enabled ? 'default' : '0';
}

function trackId(tkhd: DataView | undefined): number | undefined {
  if (!tkhd) return undefined;
  const at = tkhd.getUint8(0) === 1 ? 20 : 12;
  return tkhd.byteLength >= at + 4 ? tkhd.getUint32(at) : undefined;
}

function chapterIds(chap: DataView | undefined): number[] {
  if (!chap) return [];
  return Array.from({ length: Math.floor(chap.byteLength / 4) }, (_, i) => chap.getUint32(4 * i));
}

/** The media time the only edit of an `elst` starts at; `undefined` for empty or several edits. */
function oneEdit(elst: DataView): number | undefined {
  const version = elst.getUint8(0);
  if (elst.getUint32(4) !== 1) return undefined;
  const mediaTime = version === 1 ? Number(elst.getBigInt64(16)) : elst.getInt32(12);
  const rate = elst.getInt32(version === 1 ? 24 : 16);
  return mediaTime >= 0 && rate === 0x10000 ? mediaTime : undefined;
}

function videoFacts(video: Track):
  | {
      frameRate: FrameRate;
      keyframeSeconds: number[];
      videoSeconds: number;
      frameTicks: number[];
      /** Whether a sample is presented before one decoded ahead of it (B-frames). */
      reordered: boolean;
    }
  | undefined {
  const stts = find(video.stbl, 'stts');
  if (!stts || !(video.timescale > 0) || stts.getUint32(4) !== 1) return undefined;
  const samples = stts.getUint32(8);
  const delta = stts.getUint32(12);
  if (!(samples > 0 && delta > 0)) return undefined;
  const offsets = compositionOffsets(find(video.stbl, 'ctts'), samples);
  if (!offsets) return undefined;
  const pts = (sample: number) => sample * delta + (offsets[sample] ?? 0) - video.mediaStart;
  if (pts(0) !== 0) return undefined;
  const stss = find(video.stbl, 'stss');
  if (stss && stss.getUint32(4) > (stss.byteLength - 8) / 4) return undefined;
  // Without `stss` every sample is a sync sample.
  const sync = stss
    ? Array.from({ length: stss.getUint32(4) }, (_, i) => stss.getUint32(8 + 4 * i) - 1)
    : Array.from({ length: samples }, (_, i) => i);
  const keyframeSeconds = sync
    .filter((s) => s >= 0 && s < samples)
    .map((s) => Math.max(0, pts(s)) / video.timescale)
    .sort((a, b) => a - b);
  const divisor = gcd(video.timescale, delta);
  const times = Array.from({ length: samples }, (_, s) => pts(s));
  return {
    frameRate: { num: video.timescale / divisor, den: delta / divisor },
    keyframeSeconds,
    videoSeconds: (samples * delta) / video.timescale,
    reordered: outOfOrder(times),
    frameTicks: times.sort((a, b) => a - b),
  };
}

/** Whether a frame in decode order is presented before one decoded ahead of it (B-frames). */
export function outOfOrder(times: readonly number[]): boolean {
  return times.some((t, i) => i > 0 && t < (times[i - 1] ?? t));
}

/** Each sample's composition offset (`ctts`, runs of equal offsets), zeros without one. */
function compositionOffsets(ctts: DataView | undefined, samples: number): Int32Array | undefined {
  const offsets = new Int32Array(samples);
  if (!ctts) return offsets;
  const signed = ctts.getUint8(0) === 1;
  let sample = 0;
  for (let i = 0; i < ctts.getUint32(4); i++) {
    const count = ctts.getUint32(8 + 8 * i);
    const offset = signed ? ctts.getInt32(12 + 8 * i) : ctts.getUint32(12 + 8 * i);
    if (sample + count > samples) return undefined;
    offsets.fill(offset, sample, sample + count);
    sample += count;
  }
  return offsets;
}

/** `mvhd`/`mdhd`'s timescale and duration (version 0: 32-bit times, 1: 64-bit). */
function timing(box: DataView, v0TimescaleAt: number): { timescale: number; duration: number } {
  if (box.getUint8(0) === 1) return { timescale: box.getUint32(20), duration: Number(box.getBigUint64(24)) };
  return { timescale: box.getUint32(v0TimescaleAt), duration: box.getUint32(v0TimescaleAt + 4) };
}

/** The child boxes of a container's payload. */
function boxes(body: DataView): Box[] {
  const out: Box[] = [];
  let at = 0;
  while (at + 8 <= body.byteLength) {
    let length = body.getUint32(at);
    let header = 8;
    if (length === 1 && at + 16 <= body.byteLength) {
      length = Number(body.getBigUint64(at + 8));
      header = 16;
    } else if (length === 0) length = body.byteLength - at;
    if (length < header || at + length > body.byteLength) break;
    out.push({
      type: fourcc(body, at + 4),
      body: new DataView(body.buffer, body.byteOffset + at + header, length - header),
    });
    at += length;
  }
  return out;
}

const empty = new DataView(new ArrayBuffer(0));
const find = (list: readonly Box[], type: string) => list.find((b) => b.type === type)?.body;
const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const fourcc = (v: DataView, at: number) =>
  String.fromCharCode(v.getUint8(at), v.getUint8(at + 1), v.getUint8(at + 2), v.getUint8(at + 3));
