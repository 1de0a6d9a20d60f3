import { type Command, parseDuration } from '../builder/index.js';
import { cutMicros, type FrameRate, formatMicros, onFrame } from './boundaries.js';

/**
 * Where the command fixes its video's keyframes, which a split must keep: its cuts fall only on
 * them (each segment starts with a keyframe) and each segment is told the ones after its start.
 * Checked 2026-12-02: `-force_key_frames "expr:gte(t,n_forced*2)"` over 6 s whole gave keyframes
 * at 0, 2, 4 s and split at 3 s gave 0, 2, 3, 5; a fixed x264 GOP (`-g 50 -sc_threshold 0`) the
 * same; a list `1,2.5,4` came out 1, 2.52, 3, 4, 5.52.
 * - `frames`: the output frames that are keyframes in one run, ascending (frame 0 aside); a cut
 *   goes only to one of them.
 * - `forSegment(first)`: the segment starting at output frame `first`'s own value of the option
 *   (`undefined`: the option dropped), where it must change.
 */
export interface FixedKeyframes {
  readonly frames: readonly number[];
  readonly option?: { readonly key: string; readonly forSegment: (first: number) => string | undefined };
}

/** `-force_key_frames` as the keyframe-per-interval idiom of streaming guides. */
const EVERY = /^expr:\s*gte\(\s*t\s*,\s*n_forced\s*\*\s*(\d+(?:\.\d+)?)\s*\)$/;

/**
 * The keyframes `cmd` fixes over `frameCount` output frames at `rate`, `undefined` where it fixes
 * none (x264 with its scene-cut detection on places them by content, which a split changes only
 * near its cuts), or why a split cannot keep them.
 * - `-force_key_frames` with a list of times: FFmpeg 5.1 forces the frame whose time rounds to
 *   each (the time in the encoder's time base, rounded to nearest); each segment gets the times
 *   after its start, less its start.
 * - `-force_key_frames "expr:gte(t,n_forced*T)"`: the first frame at or after each multiple of
 *   `T`, counted from the first frame, which a segment counts from its own: cuts on multiples of
 *   `T`, which must be whole frame times.
 * - libx264 with scene cuts off (`-sc_threshold 0`, `scenecut=0`/`no-scenecut` in
 *   `-x264-params`/`-x264opts`): a keyframe every `keyint` frames (`-g`, else x264's 250), which a
 *   segment starting on one keeps.
 * Other forms (`source`, `chapters`, any other expression) cannot be followed.
 */
export function fixedKeyframes(
  cmd: Command<string>,
  rate: FrameRate | undefined,
  frameCount: number,
): FixedKeyframes | { reason: string } | undefined {
  const options = cmd.outputs[0]?.options;
  const own = options?.privateOptions ?? {};
  const key = Object.keys(own).find((k) => /^force_key_frames(:v(:0)?)?$/.test(k));
  const forced = key === undefined ? undefined : String(own[key]);
  if (key !== undefined && forced !== undefined) {
    if (!rate)
      return {
        reason: 'the command forces keyframes (-force_key_frames) on an output whose frame rate is unknown',
      };
    const every = EVERY.exec(forced);
    if (every) {
      const seconds = Number(every[1]);
      if (!(seconds > 0) || !onFrame(seconds, rate))
        return {
          reason: `the command forces a keyframe every ${every[1]} s (-force_key_frames), which is not a whole number of frame times: a segment would count them from another frame`,
        };
      const step = Math.round((seconds * rate.num) / rate.den);
      return { frames: multiples(step, frameCount) };
    }
    const times = forced.split(',').map((t) => parseDuration(t));
    if (forced.startsWith('expr:') || forced === 'source' || times.some((t) => t === undefined))
      return {
        reason: `the command forces keyframes by '${forced}' (-force_key_frames), which a split cannot follow: a list of times or expr:gte(t,n_forced*T) can`,
      };
    const us = (times as number[]).map((t) => Math.round(t * 1e6)).sort((a, b) => a - b);
    // FFmpeg rescales each time into the encoder's time base, rounding to nearest.
    const frameOf = (t: number) => Math.floor((t * rate.num) / (rate.den * 1e6) + 0.5);
    const frames = [...new Set(us.map(frameOf))].filter((f) => f > 0 && f < frameCount);
    return {
      frames,
      option: {
        key,
        forSegment: (first) => {
          const start = cutMicros(first, rate);
          const later = us.filter((t) => frameOf(t) > first).map((t) => formatMicros(t - start));
          return later.length ? later.join(',') : undefined;
        },
      },
    };
  }
  if (options?.['c:v'] !== 'libx264' || !scenecutOff(own)) return undefined;
  if (!rate)
    return {
      reason: "the command fixes x264's keyframes (scene cuts off) on an output whose frame rate is unknown",
    };
  return { frames: multiples(x264Keyint(own, options.g), frameCount) };
}

/** Whether libx264's scene-cut detection is off, by FFmpeg's option or x264's own. */
function scenecutOff(own: Readonly<Record<string, unknown>>): boolean {
  const x264 = x264Params(own);
  return (
    Number(own.sc_threshold) === 0 ||
    /(^|:)scenecut=0(:|$)/.test(x264) ||
    /(^|:)no-scenecut(=1)?(:|$)/.test(x264)
  );
}

/** x264's longest GOP: its own `keyint` (applied after FFmpeg's options), else `-g`, else 250. */
function x264Keyint(own: Readonly<Record<string, unknown>>, g: unknown): number {
  const keyint = /(^|:)keyint=(\d+)(:|$)/.exec(x264Params(own))?.[2];
  const value = Number(keyint ?? g ?? 250);
  return value > 0 ? value : 250;
}

const x264Params = (own: Readonly<Record<string, unknown>>) =>
  [own['x264-params'], own.x264opts].filter((v) => typeof v === 'string').join(':');

const multiples = (step: number, below: number) =>
  Array.from({ length: Math.max(0, Math.ceil(below / step) - 1) }, (_, i) => (i + 1) * step).filter(
    (f) => f < below,
  );

/**
 * `starts` (µs on the output's timeline, balanced) moved each to the nearest of `keyframes`' frames
 * at `rate`, in order and apart, as the cuts' µs (below each frame's time, as `segmentStarts`).
 */
export function startsOnKeyframes(
  starts: readonly number[],
  keyframes: FixedKeyframes,
  rate: FrameRate,
): number[] {
  const picked: number[] = [];
  for (const us of starts) {
    const frame = (us * rate.num) / (rate.den * 1e6);
    const previous = picked.at(-1) ?? 0;
    const candidates = keyframes.frames.filter((f) => f > previous);
    const nearest = candidates.reduce<number | undefined>(
      (best, f) => (best === undefined || Math.abs(f - frame) < Math.abs(best - frame) ? f : best),
      undefined,
    );
    if (nearest !== undefined) picked.push(nearest);
  }
  return picked.map((f) => cutMicros(f, rate));
}
