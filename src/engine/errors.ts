import { AfmpegError } from '../afmpeg-error.js';

export { AfmpegError };

/** What every run-level failure carries: the argv and the end of FFmpeg's stderr. */
export interface RunFailureDetails {
  args: readonly string[];
  /** The last lines FFmpeg wrote to stderr (its own explanation). */
  stderrTail: string;
  exitCode?: number;
}

/** FFmpeg's version banner: never the reason for a failure, and its configure line is huge. */
const BANNER = /^(ffmpeg|ffprobe) version |^ {2}(built with|configuration:|lib[a-z]+ +\d)/;

function describe(value: unknown): string {
  return value instanceof Error ? value.message : String(value);
}

function tailOf(stderr: string, lines = 12): string {
  return stderr
    .trimEnd()
    .split(/\r?\n|\r/)
    .filter((line) => !BANNER.test(line))
    .slice(-lines)
    .join('\n');
}

/** Formats the message with FFmpeg's own last lines so a log shows the real reason. */
function withTail(summary: string, stderrTail: string): string {
  return stderrTail ? `${summary}\n${stderrTail}` : summary;
}

/**
 * FFmpeg exited with a non-zero code (R-AF-4). `exitCode` is FFmpeg's real code; `stderrTail` is
 * its own explanation.
 */
export class FFmpegExitError extends AfmpegError {
  override name = 'FFmpegExitError';
  readonly exitCode: number;
  readonly args: readonly string[];
  readonly stderrTail: string;
  /** The full stderr of the run. */
  readonly stderr: string;
  constructor(exitCode: number, args: readonly string[], stderr: string, summary?: string) {
    const stderrTail = tailOf(stderr);
    super(withTail(summary ?? `ffmpeg exited with code ${exitCode}`, stderrTail));
    this.exitCode = exitCode;
    this.args = args;
    this.stderrTail = stderrTail;
    this.stderr = stderr;
  }
}

/** An input the command names does not exist in the volume. */
export class MissingInputError extends FFmpegExitError {
  override name = 'MissingInputError';
  constructor(
    readonly path: string,
    exitCode: number,
    args: readonly string[],
    stderr: string,
  ) {
    super(exitCode, args, stderr, `input not found in the volume: ${path}`);
  }
}

/** FFmpeg could not read an input: corrupt, truncated or not media at all. */
export class InvalidMediaError extends FFmpegExitError {
  override name = 'InvalidMediaError';
  constructor(
    readonly path: string | undefined,
    exitCode: number,
    args: readonly string[],
    stderr: string,
  ) {
    super(exitCode, args, stderr, `invalid or truncated media${path ? `: ${path}` : ''}`);
  }
}

/** The kinds of component an {@link UnknownComponentError} names. */
export type ComponentKind = 'encoder' | 'decoder' | 'muxer' | 'demuxer' | 'filter' | 'bsf' | 'option';

/**
 * The command names an encoder, decoder, muxer, demuxer, filter, bitstream filter or option the
 * build lacks. Either `runCommand` found it before anything ran, comparing the command with the
 * build's provenance (then `variant` names the build, `where` the place in the command, and
 * `exitCode` is undefined: FFmpeg never started), or FFmpeg refused it itself (a raw argv through
 * `engine.run`: `exitCode` and `stderr` are FFmpeg's).
 */
export class UnknownComponentError extends AfmpegError {
  override name = 'UnknownComponentError';
  readonly kind: ComponentKind;
  readonly component: string;
  /** The build that lacks it, as its provenance names it (`'lean'`), when the check knew it. */
  readonly variant: string | undefined;
  /** Where the command names it (`output #0 -c:a`, `-filter_complex`), when the check found it. */
  readonly where: string | undefined;
  readonly args: readonly string[];
  /** FFmpeg's exit code, when FFmpeg ran and refused the name; undefined when nothing ran. */
  readonly exitCode: number | undefined;
  /** FFmpeg's stderr of the run (empty when nothing ran). */
  readonly stderr: string;
  readonly stderrTail: string;
  constructor(
    kind: ComponentKind,
    component: string,
    details: {
      readonly args: readonly string[];
      readonly variant?: string;
      readonly where?: string;
      readonly exitCode?: number;
      readonly stderr?: string;
    },
  ) {
    const stderr = details.stderr ?? '';
    const stderrTail = tailOf(stderr);
    super(
      details.variant === undefined
        ? withTail(`unknown ${kind} in this build: ${component}`, stderrTail)
        : `the ${details.variant} build has no ${kind} '${component}'${details.where ? ` (${details.where})` : ''}; nothing ran`,
    );
    this.kind = kind;
    this.component = component;
    this.variant = details.variant;
    this.where = details.where;
    this.args = details.args;
    this.exitCode = details.exitCode;
    this.stderr = stderr;
    this.stderrTail = stderrTail;
  }
}

/** The guest tried to reach a path outside its mount (`..`, an absolute path, a symlink). */
export class PathEscapeError extends FFmpegExitError {
  override name = 'PathEscapeError';
  constructor(
    readonly path: string,
    exitCode: number,
    args: readonly string[],
    stderr: string,
  ) {
    super(exitCode, args, stderr, `path leaves its mount: ${path}`);
  }
}

/** The guest tried to change something under a read-only mount. */
export class ReadOnlyMountError extends FFmpegExitError {
  override name = 'ReadOnlyMountError';
  constructor(
    readonly path: string,
    exitCode: number,
    args: readonly string[],
    stderr: string,
  ) {
    super(exitCode, args, stderr, `write to a read-only mount: ${path}`);
  }
}

/** The run was cancelled through its `signal` (R-AF-8). `cause` is the signal's reason. */
export class RunAbortedError extends AfmpegError {
  override name = 'RunAbortedError';
  constructor(
    readonly args: readonly string[],
    readonly stderrTail: string,
    options?: { cause?: unknown },
  ) {
    super(withTail('run cancelled', stderrTail), options);
  }
}

/**
 * The run took longer than its `timeout`, or its `signal` fired with a timeout reason
 * (`AbortSignal.timeout(ms)`), and was stopped (R-AF-8). `timeoutMs` is known for `timeout`; for a
 * signal, `cause` is the signal's reason.
 */
export class RunTimeoutError extends AfmpegError {
  override name = 'RunTimeoutError';
  constructor(
    readonly timeoutMs: number | undefined,
    readonly args: readonly string[],
    readonly stderrTail: string,
    options?: { cause?: unknown },
  ) {
    super(
      withTail(
        timeoutMs === undefined ? 'run timed out (its signal)' : `run timed out after ${timeoutMs} ms`,
        stderrTail,
      ),
      options,
    );
  }
}

/** An `onStderr` or `onProgress` callback threw; the run was stopped. `cause` is what it threw. */
export class CallbackError extends AfmpegError {
  override name = 'CallbackError';
  constructor(
    readonly callback: 'onStderr' | 'onProgress',
    readonly args: readonly string[],
    readonly stderrTail: string,
    options: { cause: unknown },
  ) {
    super(withTail(`the ${callback} callback threw: ${describe(options.cause)}`, stderrTail), options);
  }
}

/**
 * A stream the caller gave the run failed: the `stdin` source errored, or the `stdout` Writable
 * errored or was destroyed. FFmpeg saw a read error or a broken pipe, as it would natively.
 * `cause` is the stream's error, when it had one.
 */
export class CallerStreamError extends AfmpegError {
  override name = 'CallerStreamError';
  constructor(
    readonly stream: 'stdin' | 'stdout',
    readonly args: readonly string[],
    readonly stderrTail: string,
    options: { cause?: unknown },
    /** FFmpeg's exit code after the failure (1 for a broken pipe, as natively), if it exited. */
    readonly exitCode?: number,
  ) {
    const why = options.cause === undefined ? 'was destroyed' : `failed: ${describe(options.cause)}`;
    super(withTail(`the caller's ${stream} stream ${why}`, stderrTail), options);
  }
}

/** The run's `cwd` is not a directory in its volume; nothing ran. */
export class WorkingDirectoryError extends AfmpegError {
  override name = 'WorkingDirectoryError';
  constructor(
    readonly path: string,
    readonly reason: 'not found' | 'not a directory',
  ) {
    super(`working directory ${reason} in the volume: ${path}`);
  }
}

/** Why a volume refused to hold more of a file. */
export type CapacityCode = 'EFBIG' | 'ENOSPC' | 'EDQUOT';

const CAPACITY_REASONS: Record<CapacityCode, string> = {
  EFBIG:
    "the file would pass the largest it holds (memfs's own Volume: 4 GiB; afmpeg's Volume: 16 TiB); write it to afmpeg's Volume or a host mount",
  ENOSPC: 'no space is left in it (ENOSPC)',
  EDQUOT: 'its quota is used up (EDQUOT)',
};

/** Whether a filesystem error code says the volume is full (or the file too large for it). */
function isCapacityCode(code: string): code is CapacityCode {
  return code in CAPACITY_REASONS;
}

/**
 * An output did not fit in its volume: it grew past the largest file the volume holds (EFBIG:
 * memfs's own `Volume` keeps a file in one Node Buffer, at most 4 GiB; afmpeg's `Volume` holds
 * 16 TiB, memory allowing), or the volume is full (ENOSPC, EDQUOT: a host mount's disk, a
 * volume of your own with a limit). Raised whatever FFmpeg's exit code: FFmpeg 5.1 exits 0 after
 * "Error writing trailer" when its writes fail, and the file is not whole.
 */
export class VolumeCapacityError extends FFmpegExitError {
  override name = 'VolumeCapacityError';
  constructor(
    readonly path: string,
    exitCode: number,
    args: readonly string[],
    stderr: string,
    readonly code: CapacityCode = 'EFBIG',
  ) {
    super(exitCode, args, stderr, `the volume cannot hold ${path}: ${CAPACITY_REASONS[code]}`);
  }
}

/**
 * The volume failed a read or a write of the run (`code`: the errno name it threw, e.g. `EIO`: a
 * failing disk, a network filesystem gone): what FFmpeg read or wrote is not whole. Raised
 * whatever FFmpeg's exit code: FFmpeg 5.1 takes a read error for the end of its input, and exits
 * 0 when it cannot write its trailer.
 */
export class VolumeIOError extends FFmpegExitError {
  override name = 'VolumeIOError';
  constructor(
    readonly path: string,
    readonly operation: 'read' | 'write',
    readonly code: string,
    exitCode: number,
    args: readonly string[],
    stderr: string,
  ) {
    const whole = operation === 'read' ? 'the run did not read all of it' : 'the file is not whole';
    super(exitCode, args, stderr, `the volume failed a ${operation} of ${path} (${code}): ${whole}`);
  }
}

/** The first read or write of a caller's volume that failed during a run: the file, and the errno name. */
export interface VolumeFailure {
  readonly path: string;
  readonly operation: 'read' | 'write';
  readonly code: string;
}

/** The typed error of a run whose volume failed it: full (or the file too large), or failing. */
export function volumeFailureError(
  failure: VolumeFailure,
  exitCode: number,
  args: readonly string[],
  stderr: string,
): FFmpegExitError {
  const { path, operation, code } = failure;
  return operation === 'write' && isCapacityCode(code)
    ? new VolumeCapacityError(path, exitCode, args, stderr, code)
    : new VolumeIOError(path, operation, code, exitCode, args, stderr);
}

/**
 * The guest trapped (a WebAssembly runtime error, or the host failed under it, e.g. a volume that
 * threw something other than a filesystem error). The worker is replaced; the engine goes on.
 */
export class GuestTrapError extends AfmpegError {
  override name = 'GuestTrapError';
  constructor(
    message: string,
    readonly args: readonly string[],
    readonly stderrTail: string,
    options?: { cause?: unknown },
  ) {
    super(withTail(`ffmpeg trapped: ${message}`, stderrTail), options);
  }
}

/** The guest ran out of memory (a wasm32 instance has at most 4 GiB). */
export class OutOfMemoryError extends GuestTrapError {
  override name = 'OutOfMemoryError';
}

/** The engine was closed; it takes no more runs. */
export class EngineClosedError extends AfmpegError {
  override name = 'EngineClosedError';
}

/** A build did not match its pinned sha256, or is missing (R-AF-14). */
export class BuildIntegrityError extends AfmpegError {
  override name = 'BuildIntegrityError';
}

/** ffprobe's answer could not be read as JSON. */
export class ProbeParseError extends AfmpegError {
  override name = 'ProbeParseError';
}

export { tailOf };
