import type { Command } from '../builder/index.js';
import type { AudioPlan } from './jobs.js';
import { outputFormat } from './structure.js';

/**
 * The containers of a split's scratch files: the video segments and the audio the first segment
 * encodes. QuickTime (`mov`) by default: it keeps the encoder's time base, so the join's
 * timestamps are the single run's, and holds the float PCM of the `join` audio plan. FFmpeg 5.1's
 * QuickTime muxer refuses VP9, Opus and FLAC ("only supported in MP4"), so those go into MP4, the
 * same muxer in its other mode (the same frame-rate handling, edit lists and timescales); FLAC
 * there needs `-strict experimental`. VP8, which neither holds, goes into IVF. Opus and MP3 bound
 * for Matroska go into Matroska (see {@link PADDING_KEPT_BY_MATROSKA}).
 */
export interface ScratchContainers {
  readonly video: 'mov' | 'mp4' | 'ivf';
  readonly audio: 'mov' | 'mp4' | 'matroska';
  /** Options of the audio's scratch output (`-strict experimental` for FLAC in MP4, ...). */
  readonly audioOptions: readonly string[];
  /** Whether the join keeps its inputs' timestamps (`-copyts`): the audio's is where the encoder put it. */
  readonly joinCopiesTimestamps: boolean;
  /**
   * Matroska scratch audio encoded by the first segment, whose first time and last packet's
   * length the join restores from the file (`AudioEnds`): how far (ms) its times were written
   * ahead of the encoder's.
   */
  readonly audioEnds?: { readonly writtenAheadMs: number };
  /**
   * How far the join moves the audio file's times as it reads it (`-itsoffset`, seconds): Opus
   * copied through Matroska reads back its codec delay early, which one run's input start made 0.
   */
  readonly audioReadOffset?: number;
  /**
   * The audio encoder the first segment names for its scratch audio file: the command's, else the
   * one FFmpeg picks for the output's format ({@link DEFAULT_AUDIO}); the scratch container's own
   * choice would differ (a split into Matroska without `-c:a` came out with AAC for Vorbis).
   */
  readonly audioEncoder?: string;
  /**
   * Audio copied from the sound of another file that is not MP4 or QuickTime (an MP3, whose
   * priming a QuickTime or MP4 scratch file moves): the join copies it from that input itself,
   * its packets as one run demuxes them, moved by the input's start as one run moves them (the
   * join keeps timestamps). See {@link soundCopiedByJoin}.
   */
  readonly audioFromInput?: { readonly input: number; readonly startSeconds: number };
}

/** Encoders (and the codec names that pick them) whose video QuickTime refuses and MP4 holds. */
const MP4_VIDEO = new Set(['libvpx-vp9', 'vp9', 'libaom-av1', 'libsvtav1', 'librav1e', 'av1']);
/**
 * Encoders whose video neither holds (VP8: "VP8 muxing is currently not supported"): IVF, libvpx's
 * own container, which keeps the encoder's time base (one frame time) and holds nothing else.
 */
const IVF_VIDEO = new Set(['libvpx', 'vp8']);
/** Encoders whose audio QuickTime refuses and MP4 holds. */
const MP4_AUDIO = new Set(['libopus', 'opus', 'flac']);
/** Those that MP4 holds only as experimental in FFmpeg 5.1. */
const EXPERIMENTAL_IN_MP4 = new Set(['flac']);

/**
 * Encoders whose padding FFmpeg's Matroska muxer keeps (Opus's trailing samples to drop, LAME's),
 * which a stream copy out of a MOV or MP4 file loses: checked with native FFmpeg 5.1.9, the
 * decoded audio of such a split differed from the whole run's, into Matroska only (MP4, MOV,
 * MPEG-TS, AVI, FLV and NUT came out the same). Their scratch audio is then Matroska itself, and
 * the join keeps its timestamps, so the video moves with the audio's priming as in the whole run
 * (Matroska starts a file at 0: without `-copyts` the video came out 7 ms (Opus) or 23 ms (MP3)
 * early). The value: the scratch file's options, and how far (ms) they write its times ahead of
 * the encoder's. LAME's priming is a negative timestamp, which the muxer must keep. Opus's
 * pre-skip is Matroska's CodecDelay, which the demuxer takes off every time it reads: written
 * 6.5 ms ahead (libopus's largest delay, at 48 kHz), no first time is before 0, so none is moved
 * up to it, and the join takes off the difference (checked 2026-12-03: without it, from a WebM
 * with Opus, whose start is its codec delay before 0, the video came out 6 ms late; see
 * `AudioEnds`). FFmpeg rounds 6.5 ms to 7 on Matroska's millisecond clock.
 */
const PADDING_KEPT_BY_MATROSKA: ReadonlyMap<string, { options: readonly string[]; aheadMs: number }> =
  new Map([
    ['libopus', { options: ['-output_ts_offset', '0.0065'], aheadMs: 7 }],
    ['opus', { options: ['-output_ts_offset', '0.0065'], aheadMs: 7 }],
    ['libmp3lame', { options: ['-avoid_negative_ts', 'disabled'], aheadMs: 0 }],
    ['mp3', { options: ['-avoid_negative_ts', 'disabled'], aheadMs: 0 }],
  ]);
/** The output formats FFmpeg's Matroska muxer writes. */
export const MATROSKA_FORMATS: ReadonlySet<string> = new Set(['mkv', 'mka', 'webm', 'matroska']);

/**
 * The audio encoder FFmpeg 5.1 picks for an output format when the command names none, in the
 * `gpl` and `lgpl` builds (checked against native FFmpeg 5.1.9's stream mapping; `lean` lacks
 * most of them, and such a command fails whole as it would split).
 */
const DEFAULT_AUDIO: Readonly<Record<string, string>> = {
  mp4: 'aac',
  m4v: 'aac',
  m4a: 'aac',
  mov: 'aac',
  mkv: 'libvorbis',
  mka: 'libvorbis',
  matroska: 'libvorbis',
  webm: 'libopus',
  nut: 'libvorbis',
  ts: 'mp2',
  mpegts: 'mp2',
  avi: 'libmp3lame',
  flv: 'libmp3lame',
};

/**
 * Where a split of `cmd` keeps its scratch files, or why it cannot, for the audio plan's `where`:
 * `join` segments carry the audio as PCM for the join to encode (QuickTime only); `first-segment`
 * encodes it into a scratch file of its own.
 */
export function scratchContainers(
  cmd: Command<string>,
  audioWhere: AudioPlan['where'],
  source: CopiedSource = {},
): ScratchContainers | { reason: string } {
  const options = cmd.outputs[0]?.options ?? {};
  const format = outputFormat(cmd) ?? '';
  const video = options['c:v'] ?? options.c;
  const audio = options['c:a'] ?? options.c ?? DEFAULT_AUDIO[format];
  const pcmInSegments = audioWhere === 'join';
  if (audioWhere === 'first-segment' && audio === undefined)
    return {
      reason: `FFmpeg chooses the audio encoder for ${format || 'this output'}, which the split cannot tell for its scratch file: name it with c:a`,
    };
  const videoContainer =
    video === undefined ? 'mov' : IVF_VIDEO.has(video) ? 'ivf' : MP4_VIDEO.has(video) ? 'mp4' : 'mov';
  if (videoContainer !== 'mov' && pcmInSegments)
    return {
      reason: `${video}'s segments go into ${videoContainer.toUpperCase()}, which cannot carry the PCM audio they would take to the join`,
    };
  if (audio === 'copy') return { video: videoContainer, ...copiedAudio(cmd, source) };
  const padded =
    audio === undefined || audioWhere !== 'first-segment' || !MATROSKA_FORMATS.has(format)
      ? undefined
      : PADDING_KEPT_BY_MATROSKA.get(audio);
  if (padded)
    return {
      video: videoContainer,
      audio: 'matroska',
      audioOptions: padded.options,
      joinCopiesTimestamps: true,
      audioEnds: { writtenAheadMs: padded.aheadMs },
      audioEncoder: audio,
    };
  const audioInMp4 = audio !== undefined && MP4_AUDIO.has(audio);
  return {
    video: videoContainer,
    audio: audioInMp4 ? 'mp4' : 'mov',
    audioOptions: audioInMp4 && EXPERIMENTAL_IN_MP4.has(audio) ? ['-strict', 'experimental'] : [],
    joinCopiesTimestamps: false,
    ...(audio === undefined ? {} : { audioEncoder: audio }),
  };
}

/**
 * `containers` where the join copies the sound of another file from that file itself
 * (`audioFromInput`): the first segment's audio file then carries only input 0's metadata and
 * chapters, its sound as PCM in QuickTime, which holds it whatever the codec (a WAV's PCM copied
 * into the MP4 scratch file failed, exit 1).
 */
export function soundCopiedByJoin(
  containers: ScratchContainers,
  input: number,
  startSeconds: number,
): ScratchContainers {
  const { audioReadOffset: _read, ...rest } = containers;
  return {
    ...rest,
    audio: 'mov',
    audioOptions: [],
    audioEncoder: 'pcm_s16le',
    audioFromInput: { input, startSeconds },
  };
}

/** What the scratch container of copied audio depends on: the source's kind and its start. */
export interface CopiedSource {
  readonly matroska?: boolean;
  /** The file's start (ffprobe's `start_time`): before 0 where its Opus has a codec delay. */
  readonly startSeconds?: number;
  /** Its path (input 0's where not given), whose `.mov` or `.qt` says QuickTime. */
  readonly path?: string;
}

/**
 * The scratch container of audio copied from the input (an MP4, QuickTime or Matroska file: a
 * split copies from no other): the input's own kind, which holds what it held. QuickTime refuses
 * the Opus and FLAC an MP4 may carry (a split of such a copy failed with exit 1), MP4 the PCM of a
 * .mov; Matroska keeps its millisecond times, which a QuickTime file moved by 16 samples.
 */
function copiedAudio(cmd: Command<string>, source: CopiedSource): Omit<ScratchContainers, 'video'> {
  if (source.matroska) {
    const start = source.startSeconds ?? 0;
    return {
      audio: 'matroska',
      audioOptions: [],
      joinCopiesTimestamps: false,
      audioEncoder: 'copy',
      ...(start < 0 ? { audioReadOffset: -start } : {}),
    };
  }
  const quickTime = /\.(mov|qt)$/i.test(source.path ?? cmd.inputs[0]?.path ?? '');
  return {
    audio: quickTime ? 'mov' : 'mp4',
    audioOptions: quickTime ? [] : ['-strict', 'experimental'],
    joinCopiesTimestamps: false,
    audioEncoder: 'copy',
  };
}
