/**
 * FFmpeg's quoting rules, one function per level.
 *
 * A filter option value is read twice before the filter sees it: the graph parser first splits
 * the graph on `[ ] , ;` (unescaping once), then the filter's option parser splits on `:`
 * (unescaping again). Both levels use `av_get_token`, where `\` escapes the next byte, `'...'`
 * quotes literally, and unescaped leading/trailing whitespace is dropped. So a value is escaped
 * for the option level first and the result for the graph level second; escaping only one level
 * is the classic bug (a `'` in drawtext text silently vanishing, a `,` splitting a chain).
 */

import { BuilderError } from './errors.js';

const WHITESPACE = new Set([' ', '\n', '\t', '\r']);

function escapeToken(text: string, specials: string): string {
  let out = '';
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const ch = text.charAt(i);
    // Whitespace only needs protecting at the ends, where av_get_token would trim it.
    const edgeSpace = (i === 0 || i === last) && WHITESPACE.has(ch);
    out += specials.includes(ch) || edgeSpace ? `\\${ch}` : ch;
  }
  return out;
}

/**
 * Escapes a value for the filter-option level (`key=VALUE:key2=...`): `\`, `'`, `:` and edge
 * whitespace. The result still needs {@link escapeFilterArgs} before it goes into a graph.
 *
 * @example
 * escapeOptionValue("it's 10:30") // => "it\\'s 10\\:30"
 */
export function escapeOptionValue(value: string): string {
  return escapeToken(value, "\\':");
}

/**
 * Escapes a filter's whole argument string (`key=value:key=value`, already option-level escaped)
 * for the graph level: `\`, `'`, `[`, `]`, `,`, `;` and edge whitespace.
 *
 * @example
 * escapeFilterArgs('text=a\\:b,c') // => 'text=a\\\\:b\\,c'
 */
export function escapeFilterArgs(args: string): string {
  return escapeToken(args, "\\'[],;");
}

/**
 * Escapes one option value for direct use inside a filtergraph string: both levels at once.
 *
 * @example
 * escapeFilterValue('a,b:c') // => 'a\\,b\\\\:c'
 */
export function escapeFilterValue(value: string): string {
  return escapeFilterArgs(escapeOptionValue(value));
}

/** Characters a graph link label may not contain (the parser reads a label up to `]`). */
export function isValidLabel(label: string): boolean {
  return /^[A-Za-z0-9_.-]+$/.test(label);
}

/**
 * Quotes one argument for a POSIX shell (`sh`, `bash`, `zsh`), for copy-pasteable command lines.
 * Plain words stay bare; anything else is single-quoted, with `'` written as `'\''`.
 *
 * @example
 * quoteShellArg("it's") // => "'it'\\''s'"
 */
export function quoteShellArg(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replaceAll("'", "'\\''")}'`;
}

/**
 * Builds a `-metadata` argument (`key=value`). FFmpeg splits at the first `=`, so the value is
 * passed through byte for byte and only the key is constrained.
 *
 * @example
 * metadataArg('title', 'a=b; c') // => 'title=a=b; c'
 */
export function metadataArg(key: string, value: string): string {
  if (key === '' || key.includes('=')) {
    throw new BuilderError(
      'invalid-value',
      `metadata key ${JSON.stringify(key)} must be non-empty and contain no '='`,
    );
  }
  return `${key}=${value}`;
}

/**
 * Quotes a path for a concat demuxer list (`file '...'`), where `'` is written `'\''`.
 * A newline cannot be expressed (the list is read line by line), so it is rejected.
 */
export function quoteConcatPath(path: string): string {
  if (/[\n\r]/.test(path)) {
    throw new BuilderError('invalid-value', `concat list path ${JSON.stringify(path)} contains a line break`);
  }
  return `'${path.replaceAll("'", "'\\''")}'`;
}

/**
 * The text of a concat demuxer list (`-f concat`) for the given files, one `file` line each.
 * Paths other than plain names need `-safe 0` on the input; relative paths are resolved against
 * the list file's directory, so absolute volume paths are the least surprising.
 *
 * @example
 * concatList(['a.mp4', "it's.mp4"]) // => "ffconcat version 1.0\nfile 'a.mp4'\nfile 'it'\\''s.mp4'\n"
 */
export function concatList(paths: readonly string[]): string {
  return `ffconcat version 1.0\n${paths.map((p) => `file ${quoteConcatPath(p)}\n`).join('')}`;
}
