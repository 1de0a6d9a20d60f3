import {
  BuilderError,
  concatList,
  escapeFilterArgs,
  escapeFilterValue,
  escapeOptionValue,
  metadataArg,
  quoteConcatPath,
  quoteShellArg,
} from 'afmpeg';
import { describe, expect, it } from 'vitest';

// The rules are FFmpeg's av_get_token at each level: `\` escapes, `'...'` quotes, edge whitespace
// is trimmed. These tables pin the exact text; the real parser round trips are in
// run-command.test.ts.
describe('R-AF-7 escaping', () => {
  it.each([
    ['plain', 'plain'],
    ['a:b', 'a\\:b'],
    ["it's", "it\\'s"],
    ['back\\slash', 'back\\\\slash'],
    [' padded ', '\\ padded\\ '],
    ['\nline\n', '\\\nline\\\n'],
    ['a,b;c[d]e=f%g', 'a,b;c[d]e=f%g'],
    ['é ü 日本', 'é ü 日本'],
    ['', ''],
  ])('option level: %j -> %j', (value, escaped) => {
    expect(escapeOptionValue(value)).toBe(escaped);
  });

  it.each([
    ['text=a\\:b', 'text=a\\\\:b'],
    ['a,b;c[d]', 'a\\,b\\;c\\[d\\]'],
    ["x='y'", "x=\\'y\\'"],
    ['k=v ', 'k=v\\ '],
  ])('graph level: %j -> %j', (args, escaped) => {
    expect(escapeFilterArgs(args)).toBe(escaped);
  });

  it('both levels: the FFmpeg manual example', () => {
    // doc/filters.texi: text=this is a 'string': may contain one, or more, special characters
    expect(escapeFilterValue("this is a 'string': may contain one, or more, special characters")).toBe(
      "this is a \\\\\\'string\\\\\\'\\\\: may contain one\\, or more\\, special characters",
    );
  });

  it.each([
    ['plain.mp4', 'plain.mp4'],
    ['a b', "'a b'"],
    ["it's", "'it'\\''s'"],
    ['', "''"],
    ['$HOME', "'$HOME'"],
    ['[0:v]', "'[0:v]'"],
  ])('POSIX shell: %j -> %j', (arg, quoted) => {
    expect(quoteShellArg(arg)).toBe(quoted);
  });

  it('-metadata keeps the value byte for byte and refuses keys with =', () => {
    expect(metadataArg('title', "a=b ' \\ : , ; [ ] % \n é")).toBe("title=a=b ' \\ : , ; [ ] % \n é");
    expect(() => metadataArg('a=b', 'x')).toThrow(BuilderError);
    expect(() => metadataArg('', 'x')).toThrow(BuilderError);
  });

  it('concat lists quote every path and refuse line breaks', () => {
    expect(quoteConcatPath("/in/it's [1].mp4")).toBe("'/in/it'\\''s [1].mp4'");
    expect(concatList(['a.mp4', "b'c.mp4"])).toBe("ffconcat version 1.0\nfile 'a.mp4'\nfile 'b'\\''c.mp4'\n");
    expect(() => quoteConcatPath('a\nb')).toThrow(BuilderError);
  });
});
