import { BuilderError } from './errors.js';

/** One filter of a parsed filtergraph, as FFmpeg's graph parser reads it. */
export interface ParsedFilter {
  /** The filter name (`scale`). */
  readonly name: string;
  /** The instance name after `@`, if any (`drawtext@title`). */
  readonly instance: string | undefined;
  /** The filter's text exactly as written (`scale=320:-1`), without link labels. */
  readonly text: string;
  /** Named options (`key=value`), unescaped as the filter receives them. */
  readonly options: Readonly<Record<string, string>>;
  /** Positional options (FFmpeg's shorthand), unescaped, in order. */
  readonly positional: readonly string[];
  /** Labels written before it (its first input pads), in order. */
  readonly inputLabels: readonly string[];
  /** Labels written after it (its first output pads), in order. */
  readonly outputLabels: readonly string[];
}

/** A filtergraph as chains of filters (`;` separates chains, `,` filters). */
export interface ParsedFiltergraph {
  readonly chains: readonly (readonly ParsedFilter[])[];
  /** A leading `sws_flags=...;` section, verbatim. */
  readonly swsFlags: string | undefined;
}

const WHITESPACE = ' \n\t\r';

/**
 * FFmpeg's `av_get_token`: reads up to an unescaped, unquoted `term` character, `\` escaping one
 * character and `'...'` quoting literally; unescaped whitespace at both ends is dropped. Returns
 * the token and where it stopped.
 *
 * @example
 * getToken("  'a,b'\\,c , d", 0, ',') // => { token: 'a,b,c', end: 11 }
 */
export function getToken(text: string, from: number, term: string): { token: string; end: number } {
  let i = from;
  while (i < text.length && WHITESPACE.includes(text.charAt(i))) i++;
  let out = '';
  let keep = 0; // length of `out` that may not be trimmed (escaped or quoted)
  while (i < text.length && !term.includes(text.charAt(i))) {
    const ch = text.charAt(i);
    if (ch === '\\' && i + 1 < text.length) {
      out += text.charAt(i + 1);
      keep = out.length;
      i += 2;
    } else if (ch === "'") {
      i++;
      while (i < text.length && text.charAt(i) !== "'") out += text.charAt(i++);
      keep = out.length;
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  let end = out.length;
  while (end > keep && WHITESPACE.includes(out.charAt(end - 1))) end--;
  return { token: out.slice(0, end), end: i };
}

/**
 * Splits a filter's (graph-level unescaped) arguments at the option level: `key=value` pairs and
 * positional values separated by `:`, each value unescaped once more.
 *
 * @example
 * parseFilterArgs("320:-2:flags=lanczos:text=a\\:b")
 * // => { options: { flags: 'lanczos', text: 'a:b' }, positional: ['320', '-2'] }
 */
export function parseFilterArgs(args: string): {
  options: Record<string, string>;
  positional: string[];
} {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  let i = 0;
  while (i <= args.length && args !== '') {
    const key = /^([A-Za-z0-9_.\-/]+)=/.exec(args.slice(i));
    if (key) {
      const { token, end } = getToken(args, i + key[0].length, ':');
      options[key[1] as string] = token;
      i = end + 1;
    } else {
      const { token, end } = getToken(args, i, ':');
      positional.push(token);
      i = end + 1;
    }
    if (i > args.length) break;
  }
  return { options, positional };
}

function readLabels(text: string, from: number, where: string): { labels: string[]; end: number } {
  const labels: string[] = [];
  let i = from;
  for (;;) {
    while (i < text.length && WHITESPACE.includes(text.charAt(i))) i++;
    if (text.charAt(i) !== '[') return { labels, end: i };
    const close = text.indexOf(']', i);
    if (close < 0) {
      throw new BuilderError(
        'parse-error',
        `${where}: unterminated label '${text.slice(i, i + 20)}'`,
        undefined,
        text.slice(i),
      );
    }
    const label = text.slice(i + 1, close);
    if (label === '') {
      throw new BuilderError('parse-error', `${where}: an empty label '[]'`, undefined, '[]');
    }
    labels.push(label);
    i = close + 1;
  }
}

/**
 * Parses a filtergraph (`-filter_complex`, `-vf`, `-af`, a lavfi input) the way libavfilter's
 * graph parser does: labels, filter names with `@instance`, arguments with graph-level quoting
 * and escaping, `,` and `;`. Throws a {@link BuilderError} naming the text at fault.
 *
 * @example
 * parseFiltergraph('[0:v]scale=320:-1[s];[s][1:v]overlay=10:10').chains.length // => 2
 */
export function parseFiltergraph(text: string, where = 'filtergraph'): ParsedFiltergraph {
  let i = 0;
  let swsFlags: string | undefined;
  const sws = /^\s*sws_flags=/.exec(text);
  if (sws) {
    const semi = text.indexOf(';');
    if (semi < 0) throw new BuilderError('parse-error', `${where}: sws_flags without ';'`);
    swsFlags = text.slice(0, semi);
    i = semi + 1;
  }
  const chains: ParsedFilter[][] = [];
  let chain: ParsedFilter[] = [];
  for (;;) {
    const ins = readLabels(text, i, where);
    i = ins.end;
    const name = getToken(text, i, '=,;[');
    if (name.token === '') {
      const near = text.slice(i, i + 20);
      throw new BuilderError(
        'parse-error',
        `${where}: a filter name is missing${near ? ` before '${near}'` : ' at the end'}`,
        undefined,
        near || text,
      );
    }
    let start = i;
    while (WHITESPACE.includes(text.charAt(start))) start++;
    i = name.end;
    let args = '';
    if (text.charAt(i) === '=') {
      const got = getToken(text, i + 1, '[],;');
      args = got.token;
      i = got.end;
    }
    const filterText = text.slice(start, i).trim();
    const at = name.token.indexOf('@');
    const parsedArgs = parseFilterArgs(args);
    const outs = readLabels(text, i, where);
    i = outs.end;
    chain.push({
      name: at < 0 ? name.token : name.token.slice(0, at),
      instance: at < 0 ? undefined : name.token.slice(at + 1),
      text: filterText,
      options: parsedArgs.options,
      positional: parsedArgs.positional,
      inputLabels: ins.labels,
      outputLabels: outs.labels,
    });
    while (i < text.length && WHITESPACE.includes(text.charAt(i))) i++;
    if (i >= text.length) break;
    const sep = text.charAt(i);
    if (sep === ',') {
      i++;
    } else if (sep === ';') {
      chains.push(chain);
      chain = [];
      i++;
      if (text.slice(i).trim() === '') break;
    } else {
      throw new BuilderError(
        'parse-error',
        `${where}: unexpected '${sep}' after filter '${filterText}'`,
        undefined,
        text.slice(i, i + 20),
      );
    }
  }
  if (chain.length > 0) chains.push(chain);
  return { chains, swsFlags };
}
