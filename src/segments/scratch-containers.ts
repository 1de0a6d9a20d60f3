import type { Command } from '../builder/index.js';
import { outputFormat } from './structure.js';

/**
 * The containers of a split's scratch files: the video segments and the audio the first segment
 * encodes. QuickTime (`mov`) by default: it keeps the encoder's time base, so the join's
 * timestamps are the single run's, and holds the float PCM of the `join` audio plan. FFmpeg 5.1's
 * QuickTime muxer refuses VP9, Opus and FLAC ("only supported in MP4"), so those go into MP4, the
 * same muxer in its other mode (the same frame-rate handling, edit lists and timescales); FLAC
 * there needs `-strict experimental`.
 */
export interface ScratchContainers {
  readonly video: 'mov' | 'mp4';
  readonly audio: 'mov' | 'mp4';
  /** Whether the audio's encoder needs `-strict experimental` in its container (FLAC in MP4). */
  readonly audioExperimental: boolean;
}

/** Encoders (and the codec names that pick them) whose video QuickTime refuses and MP4 holds. */
const MP4_VIDEO = new Set(['libvpx-vp9', 'vp9', 'libaom-av1', 'libsvtav1', 'librav1e', 'av1']);
/** Encoders whose video neither holds (VP8: "VP8 muxing is currently not supported"). */
const NEITHER_VIDEO = new Set(['libvpx', 'vp8']);
/** Encoders whose audio QuickTime refuses and MP4 holds. */
const MP4_AUDIO = new Set(['libopus', 'opus', 'flac']);
/** Those that MP4 holds only as experimental in FFmpeg 5.1. */
const EXPERIMENTAL_IN_MP4 = new Set(['flac']);

/**
 * Encoders whose padding FFmpeg's Matroska muxer keeps from the encoder (Opus's trailing samples
 * to drop, LAME's), which a stream copy out of the MOV or MP4 scratch file loses: checked with
 * native FFmpeg 5.1.9, the decoded audio of such a split differed from the whole run's, into
 * Matroska only (MP4, MOV, MPEG-TS, AVI, FLV and NUT came out the same).
 */
const PADDING_KEPT_BY_MATROSKA = new Set(['libopus', 'opus', 'libmp3lame', 'mp3']);
const MATROSKA = new Set(['mkv', 'mka', 'webm', 'matroska']);

/**
 * The audio encoder FFmpeg 5.1 picks for an output format when the command names none, where it
 * matters here: WebM's is Opus in builds with libopus (the `gpl` and `lgpl` builds; `lean` has
 * none, and its WebM fails whole as it would split). A split names its video encoder.
 */
const DEFAULT_AUDIO: Readonly<Record<string, string>> = { webm: 'libopus' };

/**
 * Where a split of `cmd` keeps its scratch files, or why it cannot: `pcmInSegments` when the
 * segments carry the audio as PCM for the join to encode (QuickTime only).
 */
export function scratchContainers(
  cmd: Command<string>,
  pcmInSegments: boolean,
): ScratchContainers | { reason: string } {
  const options = cmd.outputs[0]?.options ?? {};
  const format = outputFormat(cmd) ?? '';
  const video = options['c:v'] ?? options.c;
  const audio = options['c:a'] ?? options.c ?? DEFAULT_AUDIO[format];
  if (video !== undefined && NEITHER_VIDEO.has(video))
    return { reason: `the segments' MOV and MP4 containers cannot hold ${video}'s video` };
  const inMp4 = video !== undefined && MP4_VIDEO.has(video);
  if (inMp4 && pcmInSegments)
    return {
      reason: `${video}'s segments go into MP4, which cannot carry the PCM audio they would take to the join`,
    };
  if (audio !== undefined && PADDING_KEPT_BY_MATROSKA.has(audio) && MATROSKA.has(format))
    return {
      reason: `${audio}'s padding, which Matroska keeps, does not survive the split's scratch audio file: the decoded audio would differ`,
    };
  const audioInMp4 = audio !== undefined && MP4_AUDIO.has(audio);
  return {
    video: inMp4 ? 'mp4' : 'mov',
    audio: audioInMp4 ? 'mp4' : 'mov',
    audioExperimental: audioInMp4 && EXPERIMENTAL_IN_MP4.has(audio),
  };
}
