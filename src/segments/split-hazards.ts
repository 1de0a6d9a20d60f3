import { type Command, parseDuration } from '../builder/index.js';
import { type FrameRate, onFrame, parseFrameRate } from './boundaries.js';
import { cutShift, fillsFrameTimes } from './frame-grid.js';
import type { InputFacts, SourceFacts } from './source-facts.js';

/**
 * What the inputs' facts say a split would get unlike one run, for the command to run whole: the
 * reason, or `undefined`. (The command's own shape is `segmentStructure`'s; the first input's
 * frame grid, which can also move the cuts, is `cutShift`'s.)
 */
export function inputHazard(
  cmd: Command<string>,
  facts: SourceFacts,
  inputs: readonly (InputFacts | undefined)[],
): string | undefined {
  // Output-seek cuts stay on the output's frame times: an input's frames must sit on them.
  const fills = fillsFrameTimes(cmd);
  if (inputs.some((f) => f?.grid && cutShift(f.grid, fills, f.frameRate ?? { num: 1, den: 1 }) !== 0))
    return UNEVEN;
  // (An input-seek split's -r is `planSplit`'s to check, against the source's rate.)
  const resampled = inputs.length > 0 ? resamplesRate(cmd, inputs) : undefined;
  if (resampled) return resampled;
  // (A seeked input's own -ss is `planSplit`'s to check, against the source's rate.)
  if (inputs.length > 0 && startsOffGrid(cmd, inputs))
    return "an input starts (-ss/-sseof) between two of its frames, so the output's frames fall off its frame times: a cut could duplicate or move a frame";
  if (cmd.outputs[0]?.options['c:a'] === 'copy' && facts.quickTime === false)
    return 'audio stream copy (-c:a copy) from an input that is not MP4 or QuickTime passes through a QuickTime file in a split, which moves its first samples (AAC priming)';
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
