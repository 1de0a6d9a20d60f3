import { checkedMethods } from './guest-calls.js';
import { type ByteSink, type ByteSource, InputStream, OutputStream } from './wasi-io.js';

/** Thrown through the guest to unwind it when it calls `exit`; never seen by the caller. */
export class GuestExit {
  constructor(readonly status: number) {}
}

/** What the guest's process sees of the world outside its files. */
export interface GuestProcess {
  argv: string[];
  env: Array<[string, string]>;
  cwd: string;
  stdin: ByteSource;
  stdout: ByteSink;
  stderr: ByteSink;
  /** Called with the code the guest reports through `afmpeg:ffmpeg/exit-status`. */
  setExitCode(code: number): void;
}

class TerminalInput {
  [Symbol.dispose](): void {}
}
class TerminalOutput {
  [Symbol.dispose](): void {}
}
checkedMethods(TerminalInput);
checkedMethods(TerminalOutput);

/**
 * `wasi:cli/*` and the build's exit-status interface: arguments and an explicit environment (the
 * caller's, nothing inherited), stdio, exit. No terminal is attached.
 */
export function cliImports(process: GuestProcess): Record<string, Record<string, unknown>> {
  return {
    'wasi:cli/environment': {
      getArguments: () => process.argv,
      getEnvironment: () => process.env,
      initialCwd: () => process.cwd,
    },
    'wasi:cli/exit': {
      exit(status: { tag: 'ok' | 'err' }) {
        throw new GuestExit(status.tag === 'ok' ? 0 : 1);
      },
      exitWithCode(code: number) {
        throw new GuestExit(code);
      },
    },
    'wasi:cli/stdin': { getStdin: () => new InputStream(process.stdin) },
    'wasi:cli/stdout': { getStdout: () => new OutputStream(process.stdout) },
    'wasi:cli/stderr': { getStderr: () => new OutputStream(process.stderr) },
    'wasi:cli/terminal-input': { TerminalInput },
    'wasi:cli/terminal-output': { TerminalOutput },
    'wasi:cli/terminal-stdin': { getTerminalStdin: () => undefined },
    'wasi:cli/terminal-stdout': { getTerminalStdout: () => undefined },
    'wasi:cli/terminal-stderr': { getTerminalStderr: () => undefined },
    'afmpeg:ffmpeg/exit-status': { setExitCode: (code: number) => process.setExitCode(code) },
  };
}
