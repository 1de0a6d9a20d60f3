import { randomBytes, randomFillSync } from 'node:crypto';
import { type ByteSink, type ByteSource, InputStream, OutputStream, Pollable } from '../vfs/wasi-io.js';

/** Thrown through the guest to unwind it when it calls `exit`; never seen by the caller. */
export class GuestExit {
  constructor(readonly status: number) {}
}

export interface GuestIo {
  argv: string[];
  env: Array<[string, string]>;
  cwd: string;
  stdin: ByteSource;
  stdout: ByteSink;
  stderr: ByteSink;
  /** Called with the code FFmpeg reports through `afmpeg:ffmpeg/exit-status`. */
  setExitCode(code: number): void;
}

class TerminalInput {
  [Symbol.dispose](): void {}
}
class TerminalOutput {
  [Symbol.dispose](): void {}
}

function wallClockNow() {
  const ms = Date.now();
  return { seconds: BigInt(Math.floor(ms / 1000)), nanoseconds: (ms % 1000) * 1e6 };
}

function randomU64(): bigint {
  return randomBytes(8).readBigUInt64LE(0);
}

/**
 * Everything but the filesystem: arguments and an explicit environment (no TERM, so FFmpeg never
 * colours its log), stdio, clocks, randomness, exit, and the build's exit-status interface. No
 * terminal is attached.
 */
export function guestImports(io: GuestIo): Record<string, Record<string, unknown>> {
  const now = () => process.hrtime.bigint();
  return {
    'wasi:cli/environment': {
      getArguments: () => io.argv,
      getEnvironment: () => io.env,
      initialCwd: () => io.cwd,
    },
    'wasi:cli/exit': {
      exit(status: { tag: 'ok' | 'err' }) {
        throw new GuestExit(status.tag === 'ok' ? 0 : 1);
      },
      exitWithCode(code: number) {
        throw new GuestExit(code);
      },
    },
    'wasi:cli/stdin': { getStdin: () => new InputStream(io.stdin) },
    'wasi:cli/stdout': { getStdout: () => new OutputStream(io.stdout) },
    'wasi:cli/stderr': { getStderr: () => new OutputStream(io.stderr) },
    'wasi:cli/terminal-input': { TerminalInput },
    'wasi:cli/terminal-output': { TerminalOutput },
    'wasi:cli/terminal-stdin': { getTerminalStdin: () => undefined },
    'wasi:cli/terminal-stdout': { getTerminalStdout: () => undefined },
    'wasi:cli/terminal-stderr': { getTerminalStderr: () => undefined },
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
    'wasi:random/random': {
      getRandomBytes: (len: bigint) => randomFillSync(new Uint8Array(Number(len))),
      getRandomU64: randomU64,
    },
    'wasi:random/insecure': {
      getInsecureRandomBytes: (len: bigint) => randomFillSync(new Uint8Array(Number(len))),
      getInsecureRandomU64: randomU64,
    },
    'wasi:random/insecure-seed': { insecureSeed: () => [randomU64(), randomU64()] },
    'afmpeg:ffmpeg/exit-status': { setExitCode: (code: number) => io.setExitCode(code) },
  };
}
