/** Nanoseconds on a clock that never goes back. */
export function monotonicNow(): bigint {
  return process.hrtime.bigint();
}
