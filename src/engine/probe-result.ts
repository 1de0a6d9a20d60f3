import { ProbeParseError } from './errors.js';

/** A rational as FFmpeg writes it (`30000/1001`), with its value. */
export interface Rational {
  num: number;
  den: number;
  /** `num / den`, or `undefined` when `den` is 0 (FFmpeg's "unknown"). */
  value: number | undefined;
}

export interface ProbeFormat {
  filename: string;
  /** Demuxer names, e.g. `mov,mp4,m4a,3gp,3g2,mj2`. */
  formatName: string;
  formatLongName?: string;
  /** Seconds. */
  duration?: number;
  startTime?: number;
  /** Bits per second. */
  bitRate?: number;
  /** Bytes. */
  size?: number;
  streamCount: number;
  tags: Record<string, string>;
}

export interface ProbeStream {
  index: number;
  codecType: 'video' | 'audio' | 'subtitle' | 'data' | 'attachment' | (string & {});
  codecName?: string;
  codecLongName?: string;
  profile?: string;
  width?: number;
  height?: number;
  pixFmt?: string;
  /** `r_frame_rate`: the stream's base frame rate. */
  frameRate?: Rational;
  /** `avg_frame_rate`. */
  avgFrameRate?: Rational;
  sampleAspectRatio?: string;
  displayAspectRatio?: string;
  sampleRate?: number;
  channels?: number;
  channelLayout?: string;
  sampleFmt?: string;
  /** Seconds. */
  duration?: number;
  startTime?: number;
  bitRate?: number;
  /** `nb_frames`, when the container records it. */
  frameCount?: number;
  timeBase?: Rational;
  tags: Record<string, string>;
  disposition: Record<string, number>;
}

export interface ProbeChapter {
  id: number;
  start: number;
  end: number;
  tags: Record<string, string>;
}

/** ffprobe's view of a file (`-show_format -show_streams -show_chapters`), typed. */
export interface ProbeResult {
  format: ProbeFormat;
  streams: ProbeStream[];
  chapters: ProbeChapter[];
  /** The parsed JSON as ffprobe wrote it, for fields not typed here. */
  raw: Record<string, unknown>;
}

type Json = Record<string, unknown>;

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string' || v === '' || v === 'N/A') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function rational(v: unknown): Rational | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(-?\d+)[/:](-?\d+)$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  const d = Number(m[2]);
  return { num: n, den: d, value: d === 0 ? undefined : n / d };
}

function tags(v: unknown): Record<string, string> {
  if (typeof v !== 'object' || v === null) return {};
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]));
}

/** Drops undefined fields so results compare and print cleanly. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function parseStream(s: Json): ProbeStream {
  return compact({
    index: num(s.index) ?? 0,
    codecType: str(s.codec_type) ?? 'unknown',
    codecName: str(s.codec_name),
    codecLongName: str(s.codec_long_name),
    profile: str(s.profile),
    width: num(s.width),
    height: num(s.height),
    pixFmt: str(s.pix_fmt),
    frameRate: rational(s.r_frame_rate),
    avgFrameRate: rational(s.avg_frame_rate),
    sampleAspectRatio: str(s.sample_aspect_ratio),
    displayAspectRatio: str(s.display_aspect_ratio),
    sampleRate: num(s.sample_rate),
    channels: num(s.channels),
    channelLayout: str(s.channel_layout),
    sampleFmt: str(s.sample_fmt),
    duration: num(s.duration),
    startTime: num(s.start_time),
    bitRate: num(s.bit_rate),
    frameCount: num(s.nb_frames),
    timeBase: rational(s.time_base),
    tags: tags(s.tags),
    disposition: Object.fromEntries(
      Object.entries((s.disposition as Json | undefined) ?? {}).map(([k, v]) => [k, Number(v)]),
    ),
  });
}

/** Parses `ffprobe -print_format json` output. */
export function parseProbeJson(text: string): ProbeResult {
  let raw: Json;
  try {
    raw = JSON.parse(text) as Json;
  } catch (err) {
    throw new ProbeParseError(`ffprobe did not answer JSON: ${text.slice(0, 200)}`, { cause: err });
  }
  const f = (raw.format as Json | undefined) ?? {};
  const format: ProbeFormat = compact({
    filename: str(f.filename) ?? '',
    formatName: str(f.format_name) ?? '',
    formatLongName: str(f.format_long_name),
    duration: num(f.duration),
    startTime: num(f.start_time),
    bitRate: num(f.bit_rate),
    size: num(f.size),
    streamCount: num(f.nb_streams) ?? 0,
    tags: tags(f.tags),
  });
  const streams = ((raw.streams as Json[] | undefined) ?? []).map(parseStream);
  const chapters = ((raw.chapters as Json[] | undefined) ?? []).map((c) => ({
    id: num(c.id) ?? 0,
    start: num(c.start_time) ?? 0,
    end: num(c.end_time) ?? 0,
    tags: tags(c.tags),
  }));
  return { format, streams, chapters, raw };
}
