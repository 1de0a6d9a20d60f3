/**
 * Nanoseconds on a clock that never goes back: `performance.now()`, whose resolution a browser
 * coarsens (5 µs when cross-origin isolated, 100 µs otherwise); FFmpeg only times with it.
 */
export function monotonicNow(): bigint {
  return BigInt(Math.round(performance.now() * 1e6));
}
