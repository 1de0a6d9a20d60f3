import { monotonicNow } from '#platform/monotonic-clock';
import { Pollable } from './wasi-io.js';

function wallClockNow() {
  const ms = Date.now();
  return { seconds: BigInt(Math.floor(ms / 1000)), nanoseconds: (ms % 1000) * 1e6 };
}

/** `wasi:clocks/*`: the host's monotonic and wall clocks; a deadline is a pollable that blocks. */
export function clockImports(): Record<string, Record<string, unknown>> {
  const now = monotonicNow;
  return {
    'wasi:clocks/monotonic-clock': {
      now,
      resolution: () => 1n,
      subscribeInstant: (when: bigint) => new Pollable(when),
      subscribeDuration: (duration: bigint) => new Pollable(now() + duration),
    },
    'wasi:clocks/wall-clock': {
      now: wallClockNow,
      resolution: () => ({ seconds: 0n, nanoseconds: 1_000_000 }),
    },
  };
}
