import type { VariantName } from '../engine/index.js';

/** What the command line asked for. */
export type CliRequest =
  | { kind: 'ffmpeg'; variant: VariantName; args: string[] }
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
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      i++;
      break;
    }
    if (arg === '--help') return { kind: 'help' };
    const variantMatch = /^--variant(?:=(.*))?$/.exec(arg);
    if (!variantMatch) break;
    const name = variantMatch[1] ?? argv[++i];
    if (!variants.includes(name as VariantName))
      return { kind: 'usage-error', message: `--variant takes one of ${variants.join(', ')}, not ${name}` };
    variant = name as VariantName;
  }
  const rest = argv.slice(i);
  if (rest[0] === 'probe') {
    if (rest.length !== 2) return { kind: 'usage-error', message: 'usage: afmpeg probe <file>' };
    return { kind: 'probe', variant, path: rest[1] as string };
  }
  if (rest.length === 0) return { kind: 'help' };
  return { kind: 'ffmpeg', variant, args: rest };
}

export const cliUsage = `afmpeg: FFmpeg 5.1 in WebAssembly, over the current directory.

  afmpeg [--variant gpl|lgpl|lean] <ffmpeg arguments>   run ffmpeg, e.g. afmpeg -i in.mov out.mp4
  afmpeg [--variant gpl|lgpl|lean] probe <file>         print the typed probe of a file as JSON
  afmpeg --help                                         this text

Only the current directory (and below) is visible to FFmpeg. The exit code is FFmpeg's.
Ctrl-C cancels the run.`;
