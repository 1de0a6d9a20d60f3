import { BuilderError } from './errors.js';

/**
 * Splits a POSIX shell command line into words the way `sh` would before running a program:
 * `'...'` literal, `"..."` with `\` escaping `$`, `` ` ``, `"`, `\` and a newline, `\` escaping
 * any character outside quotes, `\`+newline a line continuation. Anything the shell would do
 * more (variables, command substitution, redirections, pipes, `;`, `&`, globs) has no meaning for
 * an argv and is rejected with a {@link BuilderError} naming the word.
 *
 * @example
 * shellWords(`ffmpeg -i "my file.mp4" -vf 'scale=320:-1' out.mp4`)
 * // => ['ffmpeg', '-i', 'my file.mp4', '-vf', 'scale=320:-1', 'out.mp4']
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  let start = 0;
  const fail = (why: string): never => {
    const rest = line.slice(start).split(/[ \t\n]/)[0] ?? '';
    const word = rest.length > 40 ? `${rest.slice(0, 40)}...` : rest;
    throw new BuilderError('parse-error', `shell word '${word}': ${why}`, undefined, word);
  };
  while (i < line.length) {
    const ch = line.charAt(i);
    if (!inWord) start = i;
    if (ch === '\\') {
      const next = line.charAt(i + 1);
      if (next === '\n') {
        i += 2;
        continue;
      }
      if (i + 1 >= line.length) fail('a trailing backslash escapes nothing');
      word += next;
      inWord = true;
      i += 2;
      continue;
    }
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) fail('an unterminated single quote');
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      inWord = true;
      for (;;) {
        if (i >= line.length) fail('an unterminated double quote');
        const c = line.charAt(i);
        if (c === '"') break;
        if (c === '\\' && '$`"\\\n'.includes(line.charAt(i + 1))) {
          if (line.charAt(i + 1) !== '\n') word += line.charAt(i + 1);
          i += 2;
          continue;
        }
        if (c === '$' || c === '`') fail(`'${c}' expansion inside double quotes is not supported`);
        word += c;
        i++;
      }
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
      continue;
    }
    if ('|&;<>()$`'.includes(ch)) fail(`'${ch}' is shell syntax, not part of an argv`);
    word += ch;
    inWord = true;
    i++;
  }
  if (inWord) words.push(word);
  return words;
}
