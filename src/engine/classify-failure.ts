import {
  type AfmpegError,
  type ComponentKind,
  FFmpegExitError,
  InvalidMediaError,
  MissingInputError,
  PathEscapeError,
  ReadOnlyMountError,
  UnknownComponentError,
} from './errors.js';
import type { Tool } from './types.js';
import type { Violation } from './worker-protocol.js';

/**
 * The paths given to `-i`, as the tool will print them; ffprobe also takes its input as a bare
 * argument, conventionally the last.
 */
function inputsOf(tool: Tool, args: readonly string[]): string[] {
  const given = args.flatMap((a, i) =>
    a === '-i' && args[i + 1] !== undefined ? [args[i + 1] as string] : [],
  );
  if (tool === 'ffprobe' && given.length === 0 && args.length > 0) return [args.at(-1) as string];
  return given;
}

const unknownPatterns: Array<[RegExp, ComponentKind]> = [
  [/Unknown encoder '([^']+)'/, 'encoder'],
  [/Unknown decoder '([^']+)'/, 'decoder'],
  [/No such filter: '([^']+)'/, 'filter'],
  [/Unknown input format: '([^']+)'/, 'demuxer'],
  [/Requested output format '([^']+)' is not a suitable output format/, 'muxer'],
  [/Unrecognized option '([^']+)'/, 'option'],
];

/**
 * Turns a non-zero exit into the most specific error the evidence supports: a mount violation
 * the vfs recorded, then FFmpeg's own words about inputs and components, else the plain exit.
 */
export function classifyExit(
  tool: Tool,
  exitCode: number,
  args: readonly string[],
  stderr: string,
  violations: readonly Violation[],
): AfmpegError {
  const escaped = violations.find((v) => v.kind === 'path-escape');
  if (escaped) return new PathEscapeError(escaped.path, exitCode, args, stderr);
  const readOnly = violations.find((v) => v.kind === 'read-only');
  if (readOnly) return new ReadOnlyMountError(readOnly.path, exitCode, args, stderr);
  for (const input of inputsOf(tool, args)) {
    if (stderr.includes(`${input}: No such file or directory`)) {
      // A list (concat demuxer) that exists but names a file that does not: name that file.
      const named = /Impossible to open '([^']+)'/.exec(stderr);
      return new MissingInputError(named ? (named[1] as string) : input, exitCode, args, stderr);
    }
  }
  for (const [pattern, kind] of unknownPatterns) {
    const m = pattern.exec(stderr);
    if (m) return new UnknownComponentError(kind, m[1] as string, { args, exitCode, stderr });
  }
  const invalid = /^(.*): (Invalid data found when processing input|End of file)$/m.exec(stderr);
  if (invalid) return new InvalidMediaError(invalid[1], exitCode, args, stderr);
  if (/moov atom not found|Invalid data found when processing input/.test(stderr)) {
    return new InvalidMediaError(undefined, exitCode, args, stderr);
  }
  // FFmpeg answers ENOMEM for a header whose sizes it refuses (native FFmpeg prints the same, and
  // exits 1): the input is bad, memory was not short. A real shortage is a trap or a limit, which
  // the engine sees before it gets here. (wasi-libc's strerror says "Out of memory".)
  const refused = /^(.*): (Cannot allocate memory|Out of memory)$/m.exec(stderr);
  if (refused && inputsOf(tool, args).includes(refused[1] as string)) {
    return new InvalidMediaError(refused[1], exitCode, args, stderr);
  }
  return new FFmpegExitError(exitCode, args, stderr);
}

/** A trap whose message says memory ran out. */
export function isOutOfMemory(message: string): boolean {
  return /out of memory|Memory\.grow|memory access out of bounds.*alloc|Cannot allocate memory/i.test(
    message,
  );
}
