// Without cross-origin isolation a page has no SharedArrayBuffer, and Atomics.wait needs one.
const sleeper =
  typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(4)) : undefined;

/**
 * Blocks the worker for `ms` milliseconds (a guest waiting on a clock). Without shared memory the
 * only way to block is to spin; FFmpeg sleeps rarely and briefly (a muxer's pacing, never in a
 * plain transcode), so the spin costs little.
 */
export function sleepSync(ms: number): void {
  if (sleeper) {
    Atomics.wait(sleeper, 0, 0, ms);
    return;
  }
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}
