import { BuilderError, parseDuration } from '../builder/index.js';

/** A point in a file: seconds, FFmpeg time (`'00:01:02.5'`), or a percentage of its duration (`'10%'`). */
export type TimePoint = number | string;

/**
 * Seconds of a {@link TimePoint}. A percentage needs the input's `duration` (seconds); the
 * recipes are pure, so probe the file first (`(await probe(vol, path)).format.duration`).
 *
 * @example
 * resolveTimePoint('10%', 120) // => 12
 * resolveTimePoint('00:01:02.5', undefined) // => 62.5
 */
export function resolveTimePoint(at: TimePoint, duration: number | undefined): number {
  if (typeof at === 'string' && at.trim().endsWith('%')) {
    const pct = Number(at.trim().slice(0, -1));
    if (!Number.isFinite(pct) || pct < 0 || pct > 100) {
      throw new BuilderError('invalid-value', `time '${at}' is not a percentage from 0% to 100%`);
    }
    if (duration === undefined || !(duration > 0)) {
      throw new BuilderError(
        'invalid-value',
        `time '${at}' is a percentage: pass the input's duration (probe it first)`,
      );
    }
    return (duration * pct) / 100;
  }
  const seconds = parseDuration(at);
  if (seconds === undefined || seconds < 0) {
    throw new BuilderError('invalid-value', `time '${String(at)}' is not a duration`);
  }
  return seconds;
}

/** `WxH` or `{ width, height }`; either side may be -1 / -2 to keep the aspect ratio. */
export type Size = `${number}x${number}` | { readonly width: number; readonly height: number };

export function sizeOf(size: Size): { w: number; h: number } {
  if (typeof size !== 'string') return { w: size.width, h: size.height };
  const m = /^(-?\d+)x(-?\d+)$/.exec(size);
  if (!m) throw new BuilderError('invalid-value', `size '${size}' is not WIDTHxHEIGHT`);
  return { w: Number(m[1]), h: Number(m[2]) };
}
