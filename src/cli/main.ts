#!/usr/bin/env node
import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  AfmpegError,
  Command,
  createEngine,
  type Engine,
  FFmpegExitError,
  RunAbortedError,
  type RunOptions,
  type RunResult,
  runCommand,
  type Segmentation,
  UnknownComponentError,
} from '../index.js';
import { cliUsage, parseCliArgs } from './parse-cli-args.js';
import { renderProgress } from './progress-bar.js';

// FFmpeg's own exit status when it is interrupted by a signal.
const interruptedExitCode = 255;
const pipeNames = new Set(['-', 'pipe:', 'pipe:0']);
const progressLine = /^(frame|size)=/;

async function main(argv: readonly string[]): Promise<number> {
  const request = parseCliArgs(argv);
  if (request.kind === 'help') {
    process.stdout.write(`${cliUsage}\n`);
    return 0;
  }
  if (request.kind === 'usage-error') {
    process.stderr.write(`${request.message}\n\n${cliUsage}\n`);
    return 2;
  }

  const { segments } = request.kind === 'ffmpeg' ? request : {};
  const concurrency = segments === 'auto' ? availableParallelism() : (segments ?? 1);
  const engine = createEngine({ variant: request.variant, concurrency });
  const abort = new AbortController();
  const onSigint = (): void => {
    if (abort.signal.aborted) process.exit(interruptedExitCode);
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  // The guest sees the current directory as `/` and nothing above it.
  const volumeOptions = { mounts: [{ at: '/', path: process.cwd() }], signal: abort.signal };
  try {
    if (request.kind === 'probe') {
      const info = await engine.probe(fs, request.path, volumeOptions);
      process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
      return 0;
    }
    const options = { ...volumeOptions, ...terminalOutput(request.args) };
    const result =
      segments === undefined
        ? await engine.run(fs, request.args, options)
        : await runInSegments(engine, request.args, segments, options);
    return result.exitCode;
  } catch (error) {
    return reportFailure(error);
  } finally {
    process.off('SIGINT', onSigint);
    await engine.close();
  }
}

/**
 * `--segments`: the argv read into a command and run split (R-AF-17). What the splitter cannot
 * read or split runs whole, as plain `afmpeg` would, and one line on stderr says why.
 */
async function runInSegments(
  engine: Engine,
  args: readonly string[],
  segments: number | 'auto',
  options: RunOptions,
): Promise<RunResult> {
  let cmd: Command<string>;
  try {
    cmd = Command.parse(args);
  } catch (error) {
    process.stderr.write(`afmpeg: --segments: ran whole: ${(error as Error).message}\n`);
    return engine.run(fs, args, options);
  }
  const result = await runCommand(fs, cmd, { ...options, engine, segments });
  const { segmentation: s } = result;
  process.stderr.write(
    s.segments > 1
      ? `afmpeg: ${s.segments} segments (${s.mode}), cut at ${s.cuts?.join(', ')} s${took(s.timings)}\n`
      : `afmpeg: --segments: ran whole: ${s.reason}\n`,
  );
  return result;
}

/** `; segments took 3.5, 3.6 s, the join 0.2 s`: how evenly the split ran. */
function took(timings: Segmentation['timings']): string {
  if (!timings) return '';
  const s = (ms: number) => (ms / 1000).toFixed(1);
  return `; segments took ${timings.segmentsMs.map(s).join(', ')} s, the join ${s(timings.joinMs)} s`;
}

/** On a terminal, a progress bar plus FFmpeg's other messages; elsewhere FFmpeg's stderr as is. */
function terminalOutput(args: readonly string[]): RunOptions {
  const readsStdin = args.some((arg, i) => args[i - 1] === '-i' && pipeNames.has(arg));
  const io: RunOptions = { stdout: process.stdout, ...(readsStdin ? { stdin: process.stdin } : {}) };
  if (!process.stderr.isTTY) return { ...io, onStderr: (line) => process.stderr.write(`${line}\n`) };
  let barShown = false;
  return {
    ...io,
    onStderr(line) {
      if (progressLine.test(line) || line.trim() === '') return;
      process.stderr.write(`${barShown ? '\r\x1b[K' : ''}${line}\n`);
      barShown = false;
    },
    onProgress(progress) {
      process.stderr.write(`\r\x1b[K${renderProgress(progress)}`);
      barShown = true;
    },
  };
}

function reportFailure(error: unknown): number {
  // FFmpeg's own failure: its stderr said why. (An exit 0 that still failed, e.g. an output the
  // volume could not hold, is reported below.)
  if (error instanceof FFmpegExitError && error.exitCode !== 0) return error.exitCode;
  if (error instanceof UnknownComponentError && error.exitCode !== undefined && error.exitCode !== 0) {
    return error.exitCode;
  }
  if (error instanceof AfmpegError) {
    process.stderr.write(`\nafmpeg: ${error.message}\n`);
    return error instanceof RunAbortedError ? interruptedExitCode : 1;
  }
  throw error;
}

process.exitCode = await main(process.argv.slice(2));
