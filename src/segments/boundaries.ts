/** A frame rate as a fraction (`30000/1001`). */
export interface FrameRate {
  readonly num: number;
  readonly den: number;
}

/**
 * Where the segments start, in whole microseconds (FFmpeg's own time unit for `-ss`/`-to`): cut
 * points sit on the output's frame grid, so a frame is never split between two segments and each
 * segment's first frame lands exactly on the time the join gives it. A cut is rounded down to the
 * microsecond below the frame's time, so the frame passes `pts >= start` in the segment that
 * starts there and fails `pts < end` in the one before. Without a known frame rate, cuts fall on
 * whole seconds (a frame time for every integer rate). Returns the starts of every segment after
 * the first (the first starts at 0); fewer than requested when the duration is too short.
 */
export function segmentStarts(
  durationSeconds: number,
  count: number,
  rate: FrameRate | undefined,
  minSeconds: number,
): number[] {
  const usable = Math.min(count, Math.floor(durationSeconds / minSeconds));
  const starts: number[] = [];
  for (let k = 1; k < usable; k++) {
    const at = (k * durationSeconds) / usable;
    const us = rate
      ? Math.floor((Math.round((at * rate.num) / rate.den) * rate.den * 1e6) / rate.num)
      : Math.round(at) * 1e6;
    const previous = starts.at(-1) ?? 0;
    if (us > previous && us < durationSeconds * 1e6) starts.push(us);
  }
  return starts;
}

/** Microseconds as the seconds FFmpeg parses exactly (`2.033333`). */
export function formatMicros(us: number): string {
  return `${Math.floor(us / 1e6)}.${String(us % 1e6).padStart(6, '0')}`;
}

/** `30`, `29.97`, `'30000/1001'`, `'25'` → a fraction; `undefined` for anything else (`ntsc`). */
export function parseFrameRate(value: string | number | undefined): FrameRate | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const fraction = /^(\d+)\/(\d+)$/.exec(text);
  if (fraction) {
    const num = Number(fraction[1]);
    const den = Number(fraction[2]);
    return num > 0 && den > 0 ? { num, den } : undefined;
  }
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const decimals = text.split('.')[1]?.length ?? 0;
  const den = 10 ** decimals;
  const num = Math.round(Number(text) * den);
  return num > 0 ? { num, den } : undefined;
}
