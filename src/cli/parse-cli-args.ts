import type { VariantName } from '../engine/index.js';

/** What the command line asked for. */
export type CliRequest =
  | { kind: 'ffmpeg'; variant: VariantName; args: string[]; segments?: number | 'auto' }
  | { kind: 'probe'; variant: VariantName; path: string }
  | { kind: 'help' }
  | { kind: 'usage-error'; message: string };

const variants: readonly VariantName[] = ['gpl', 'lgpl', 'lean'];

/**
 * Splits afmpeg's own options from FFmpeg's. afmpeg's options use two dashes and come first, so
 * they can never be mistaken for FFmpeg's single-dash ones; everything after them (or after `--`)
 * is FFmpeg's argv, untouched.
 */
export function parseCliArgs(argv: readonly string[]): CliRequest {
  let variant: VariantName = 'gpl';
  let segments: number | 'auto' | undefined;
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      i++;
      break;
    }
    if (arg === '--help') return { kind: 'help' };
    const option = /^--(variant|segments)(?:=(.*))?$/.exec(arg);
    if (!option) break;
    const value = option[2] ?? argv[++i];
    if (option[1] === 'segments') {
      if (value !== 'auto' && !/^[1-9][0-9]*$/.test(value ?? ''))
        return {
          kind: 'usage-error',
          message: `--segments takes a whole number above 0 or auto, not ${value}`,
        };
      segments = value === 'auto' ? 'auto' : Number(value);
      continue;
    }
    if (!variants.includes(value as VariantName))
      return { kind: 'usage-error', message: `--variant takes one of ${variants.join(', ')}, not ${value}` };
    variant = value as VariantName;
  }
  const rest = argv.slice(i);
  if (rest[0] === 'probe') {
    if (rest.length !== 2) return { kind: 'usage-error', message: 'usage: afmpeg probe <file>' };
    return { kind: 'probe', variant, path: rest[1] as string };
  }
  if (rest.length === 0) return { kind: 'help' };
  return segments === undefined
    ? { kind: 'ffmpeg', variant, args: rest }
    : { kind: 'ffmpeg', variant, args: rest, segments };
}

export const cliUsage = `afmpeg: FFmpeg 5.1 in WebAssembly, over the current directory.

  afmpeg [--variant gpl|lgpl|lean] <ffmpeg arguments>   run ffmpeg, e.g. afmpeg -i in.mov out.mp4
  afmpeg [--variant gpl|lgpl|lean] probe <file>         print the typed probe of a file as JSON
  afmpeg --help                                         this text

  --segments N|auto   encode the video in N time ranges at once (auto: one per core) and join
                      them losslessly; a command that cannot be split runs whole and says why

Only the current directory (and below) is visible to FFmpeg. The exit code is FFmpeg's.
Ctrl-C cancels the run.`;
