import { type Command, parseDuration } from '../builder/index.js';
import { type FrameRate, onFrame, parseFrameRate } from './boundaries.js';
import { cutShift, fillsFrameTimes } from './frame-grid.js';
import { MATROSKA_FORMATS } from './scratch-containers.js';
import type { InputFacts, SourceFacts } from './source-facts.js';
import { hasComplexGraph, outputFormat } from './structure.js';

/**
 * What the inputs' facts say a split would get unlike one run, for the command to run whole: the
 * reason, or `undefined`. (The command's own shape is `segmentStructure`'s; the first input's
 * frame grid, which can also move the cuts, is `cutShift`'s.)
 */
export function inputHazard(
  cmd: Command<string>,
  facts: SourceFacts,
  inputs: readonly (InputFacts | undefined)[],
  sound?: InputFacts,
): string | undefined {
  const attachmentsOf = (n: number) =>
    inputs[n]?.attachments ?? (cmd.inputs[n]?.options.f === 'lavfi' ? 0 : undefined);
  if (inputs.length > 0 && takesAttachments(cmd.outputs[0]?.options.map, attachmentsOf)) return ATTACHMENTS;
  // Output-seek cuts stay on the output's frame times: the frames of an input whose video the
  // output takes must sit on them.
  const fills = fillsFrameTimes(cmd);
  const takesVideo = videoTaken(cmd);
  if (
    inputs.some(
      (f, n) => takesVideo(n) && f?.grid && cutShift(f.grid, fills, f.frameRate ?? { num: 1, den: 1 }) !== 0,
    )
  )
    return UNEVEN;
  // (An input-seek split's -r is `planSplit`'s to check, against the source's rate.)
  const resampled = inputs.length > 0 ? resamplesRate(cmd, inputs) : undefined;
  if (resampled) return resampled;
  // (A seeked input's own -ss is `planSplit`'s to check, against the source's rate.)
  if (inputs.length > 0 && startsOffGrid(cmd, inputs))
    return "an input starts (-ss/-sseof) between two of its frames, so the output's frames fall off its frame times: a cut could duplicate or move a frame";
  const copied = cmd.outputs[0]?.options['c:a'] === 'copy';
  // (Input facts are read for an output-seek split alone.)
  if (copied && inputs.length > 0) return copiedAfterGraphHazard(cmd, inputs);
  // The sound of another file, seeking input 0: copied from it, as after the graph; from any
  // other kind of file, by the join from the file itself, where nothing trims it.
  if (copied && sound) return sound.quickTime || !trimmed(cmd) ? undefined : NOT_QUICKTIME;
  if (copied && facts.quickTime === false) return copiedAudioHazard(cmd, facts);
  return undefined;
}

/**
 * Whether the output may take input `n`'s video: where a map without a complex graph names its
 * streams, only an input it takes whole (`1`) or the video of (`1:v`, `1:V:0`); else any. (An
 * MKV whose own video is uneven, taken for its audio alone, sent the split whole before.)
 */
export function videoTaken(cmd: Command<string>): (n: number) => boolean {
  const map = cmd.outputs[0]?.options.map;
  if (map === undefined || hasComplexGraph(cmd.toArgs())) return () => true;
  const named = map.map((entry) => /^(\d+)(?::([^:?]+))?/.exec(entry));
  if (named.some((m) => m === null || (m[2] !== undefined && !/^[vVasdt]$/.test(m[2])))) return () => true;
  return (n) =>
    named.some((m) => m !== null && Number(m[1]) === n && (m[2] === undefined || /^[vV]$/.test(m[2])));
}

/**
 * The inputs a map takes audio from (`1:a`, `1:a:0`, `1`), or without one those FFmpeg's own
 * pick may take it from; `hasAudio(n)` says whether input `n` has any (`undefined`: unknown, so
 * it may). `undefined` where the map names a stream by its index (`1:0`), whose medium is not
 * known here. A graph's label takes no input's audio as it is.
 */
export function audioInputs(
  map: readonly string[] | undefined,
  hasAudio: (input: number) => boolean | undefined,
  inputCount: number,
): number[] | undefined {
  const candidates = map ?? [...Array(inputCount).keys()].map(String);
  const inputs = new Set<number>();
  for (const entry of candidates) {
    if (!/^\d/.test(entry)) continue;
    const taken = /^(\d+)(?::([vVasdt])(?::\d+)?)?\??$/.exec(entry);
    if (!taken) return undefined;
    const n = Number(taken[1]);
    if ((taken[2] === undefined || taken[2] === 'a') && hasAudio(n) !== false) inputs.add(n);
  }
  return [...inputs];
}

/** Whether an output or input option starts, ends or moves the command's streams. */
function trimmed(cmd: Command<string>): boolean {
  const out = cmd.outputs[0]?.options;
  const inputs = cmd.inputs.flatMap(({ options: o }) => [o.ss, o.t, o.to, o.sseof, o.itsoffset]);
  return [out?.ss, out?.t, out?.to, ...inputs].some((v) => v !== undefined);
}

const NOT_QUICKTIME =
  'audio stream copy (-c:a copy) from an input that is not MP4 or QuickTime, beside another input’s video or after the graph: its packets would pass through a scratch file that places them unlike one run';

/**
 * Why audio copied by a split after the graph cannot be, if it cannot: it must come from one
 * input, an MP4 or QuickTime file, whose packets the scratch file then keeps as one run copies
 * them (checked 2026-12-03, lossless video, the audio of an M4A beside an MP4's video, into MP4
 * and MOV, and an MP4's own under a fade: packets, times and frames the same).
 */
function copiedAfterGraphHazard(
  cmd: Command<string>,
  inputs: readonly (InputFacts | undefined)[],
): string | undefined {
  const from = audioInputs(cmd.outputs[0]?.options.map, (n) => inputs[n]?.hasAudio, cmd.inputs.length);
  if (from === undefined || from.length > 1)
    return 'audio stream copy (-c:a copy) after the graph, of audio that may come from more than one input (or of a stream named by its index): a split copies one MP4 or QuickTime input’s';
  // (A lavfi source, unread, is no file to copy from either.)
  if (from[0] !== undefined && !inputs[from[0]]?.quickTime) return NOT_QUICKTIME;
  return undefined;
}

export const MANY_VIDEOS =
  'the map takes more than one video stream (a cover picture beside the video, a second angle): a split joins one';

/**
 * Whether `map` takes more than one video stream, `videoStreams(n)` being input `n`'s count (an
 * MP4's cover picture is one: `-map 0` took it into every segment, whose QuickTime file refused
 * it, where one run into Matroska wrote it; checked 2026-12-03). A whole input (`0`) or its
 * video (`0:v`) takes them all; `0:V`, an index or a graph's label, one at most.
 */
export function takesManyVideos(
  map: readonly string[] | undefined,
  videoStreams: (input: number) => number | undefined,
): boolean {
  const taken = (map ?? []).reduce((sum, entry) => {
    const all = /^(\d+)(?::v)?\??$/.exec(entry);
    // (An unknown count may be more than one: an MP4 index leaves it open over cover art.)
    if (all) return sum + (videoStreams(Number(all[1])) ?? 2);
    return sum + (/^\d+:[vV](\W|$)/.test(entry) ? 1 : 0);
  }, 0);
  return taken > 1;
}

export const ATTACHMENTS =
  "the map takes an input's attachments (a Matroska file's fonts), which reach a split only through its join, seeking the input into Matroska (-map 0:v -map 0:a -map 0:s -map 0:t)";

/**
 * Whether a map after the graph takes attachments (`1:t`, or all of an input that has some or
 * might: `attachments(n)` is input `n`'s count, `undefined` where unknown): the segments' scratch
 * files cannot hold them (checked 2026-12-03: `-map 0` over a Matroska file with a font, split
 * after the graph, failed with exit 1 where one run wrote it).
 */
export function takesAttachments(
  map: readonly string[] | undefined,
  attachments: (input: number) => number | undefined,
): boolean {
  return (map ?? []).some((entry) => {
    const whole = /^(\d+)\??$/.exec(entry);
    if (whole) return attachments(Number(whole[1])) !== 0;
    return /^\d+:t(\W|$)/.test(entry);
  });
}

/** Audio codecs whose Matroska track starts before 0 (its codec delay, Opus's pre-skip). */
const CODEC_DELAY = new Set(['opus']);

/**
 * Why audio copied from an input other than MP4 or QuickTime cannot split, if it cannot. From
 * Matroska into Matroska it rides in a Matroska scratch file, which keeps every packet as one
 * run copies it (checked 2026-12-03, lossless video: AAC, AC-3, MP3, FLAC and Vorbis sources,
 * two tracks, audio starting 0.48 s late, with copied subtitles: packets, times, tags and decoded
 * frames the same).
 */
function copiedAudioHazard(cmd: Command<string>, facts: SourceFacts): string | undefined {
  if (!facts.matroska)
    return 'audio stream copy (-c:a copy) from an input that is not MP4, QuickTime or Matroska passes through a QuickTime file in a split, which moves its first samples (AAC priming)';
  if (!MATROSKA_FORMATS.has(outputFormat(cmd) ?? ''))
    return "audio stream copy (-c:a copy) from Matroska into another container: FFmpeg rounds the copied packets' times by whether its muxer has started (checked: AAC into MP4 steps of 1008 and 1056 samples in one run, 1024 through a split's join), which a split cannot reproduce";
  // Opus reads back from Matroska its codec delay early, which the join undoes by the file's
  // start (`audioReadOffset`): where every audio stream is Opus, so that start is the delay.
  const codecs = facts.audioCodecs ?? [undefined];
  const delayed = codecs.filter((c) => c === undefined || CODEC_DELAY.has(c)).length;
  const start = facts.startSeconds;
  if (start === undefined || (start < 0 ? delayed < codecs.length : delayed > 0))
    return 'audio stream copy (-c:a copy) from Matroska where Opus, whose codec delay moves its start, is mixed with other audio or starts the file at or after 0: the split would place it unlike one run';
  return undefined;
}

export const UNREAD =
  "an input could not be read for its frames' times (a concat list, a raw or piped format, a URL): a cut could fall in a gap it has";

export const UNEVEN =
  "an input's video frames are not evenly spaced from its start (a gap, a variable rate or a first frame off the frame grid): a cut could duplicate, drop or move frames";

/**
 * Why an output `-r` makes the command unsplittable, if it does: where it differs from a video
 * input's rate, FFmpeg drops or repeats frames with a running count that a segment starts afresh,
 * so the frames kept next to a cut differ from one run's (checked: 30 fps to `-r 25`, every
 * frame time right and frames from the wrong source times, 20 dB). The `fps` filter decides each
 * frame from its own time and splits.
 */
function resamplesRate(
  cmd: Command<string>,
  inputs: readonly (InputFacts | undefined)[],
): string | undefined {
  const out = parseFrameRate(cmd.outputs[0]?.options.r);
  if (!out) return undefined;
  const same = (r: FrameRate | undefined) => r !== undefined && r.num * out.den === out.num * r.den;
  const differs = cmd.inputs.some((input, i) => {
    const facts = inputs[i];
    if (facts && !facts.grid) return false;
    return !same(parseFrameRate(input.options.framerate ?? input.options.r) ?? facts?.frameRate);
  });
  return differs
    ? "the output's -r changes a video input's frame rate, which FFmpeg does with a running count a cut would restart (the fps filter splits)"
    : undefined;
}

/**
 * Whether a video input's `-ss`/`-sseof` falls between two of its frames. The output then starts
 * that far before its first frame, and its frames sit off the output's frame times (checked
 * 2026-12-01: `-ss 0.25 -t 3.5` over 30 fps kept every frame time and took pictures from the
 * neighbouring frames, 24 dB; `-ss 0.5`, on a frame, came out exact).
 */
function startsOffGrid(cmd: Command<string>, inputs: readonly (InputFacts | undefined)[]): boolean {
  return cmd.inputs.some((input, i) => {
    const facts = inputs[i];
    const { ss, sseof } = input.options;
    if (ss === undefined && sseof === undefined) return false;
    if (facts && !facts.grid) return false;
    const rate = facts?.frameRate;
    const end = facts?.durationSeconds;
    const sseofSeconds = sseof === undefined ? undefined : parseDuration(sseof);
    const start =
      ss !== undefined
        ? parseDuration(ss)
        : end !== undefined && sseofSeconds !== undefined
          ? end + sseofSeconds
          : undefined;
    return start === undefined || !rate || !onFrame(start, rate);
  });
}
