import { spawnSync } from 'node:child_process';
import { BuilderError, Command, rawFilter, shellWords } from 'afmpeg';
import { describe, expect, it } from 'vitest';
import { LINES } from './parse-lines.js';

/** How /bin/sh itself splits a line: the reference for the shell tokenizer. */
function shSplit(line: string): string[] {
  const r = spawnSync('sh', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.split('\0').slice(0, -1);
}

// FFmpeg 5.1's global options (fftools): they may move to the front, the rest keeps its order.
const GLOBAL_WITH_VALUE = new Set([
  '-loglevel',
  '-v',
  '-progress',
  '-stats_period',
  '-filter_complex',
  '-lavfi',
  '-vsync',
  '-filter_complex_threads',
  '-filter_threads',
  '-abort_on',
]);
const GLOBAL_FLAG = new Set([
  '-y',
  '-n',
  '-hide_banner',
  '-nostdin',
  '-stats',
  '-nostats',
  '-copyts',
  '-start_at_zero',
  '-benchmark',
  '-xerror',
]);
function split(argv: readonly string[]): { globals: string[]; rest: string[] } {
  const globals: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const t = argv[i] as string;
    if (GLOBAL_FLAG.has(t)) globals.push(t);
    else if (GLOBAL_WITH_VALUE.has(t)) globals.push(`${t} ${argv[++i]}`);
    else rest.push(t);
  }
  return { globals: globals.sort(), rest };
}

describe('R-AF-20 Command.parse: real command lines give the same argv back', () => {
  it(`the table has at least 60 lines of every kind (${LINES.length})`, () => {
    expect(LINES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(LINES.map((l) => l.kind)).size).toBeGreaterThanOrEqual(20);
  });

  for (const { kind, line } of LINES) {
    it(`${kind}: ${line}`, () => {
      const words = shSplit(line);
      expect(shellWords(line)).toEqual(words);
      const argv = words[0] === 'ffmpeg' ? words.slice(1) : words;
      const fromLine = Command.parse(line).toArgs();
      expect(split(fromLine)).toEqual(split(argv));
      // Only global options move, and only to the front.
      const firstInput = fromLine.indexOf('-i');
      expect(
        split(fromLine.slice(firstInput)).globals.every(
          (g) => g.startsWith('-filter_complex') || g.startsWith('-lavfi'),
        ),
      ).toBe(true);
      // The array form gives the same.
      expect(Command.parse(words).toArgs()).toEqual(fromLine);
      // And parsing the result again is stable.
      expect(Command.parse(fromLine).toArgs()).toEqual(fromLine);
    });
  }
});

describe('R-AF-20 Command.parse reads what it keeps', () => {
  it('typed options, maps and graph labels', () => {
    const cmd = Command.parse(
      "ffmpeg -y -loglevel error -ss 5 -t 10 -i in.mp4 -i logo.png -filter_complex '[0:v][1:v]overlay=10:10[v]' -map '[v]' -map 0:a? -c:v libx264 -crf 23 -preset slow -b:a 128k -metadata title='A: b' -movflags +faststart out.mp4",
    );
    expect(cmd.globals).toEqual({ y: true, loglevel: 'error' });
    expect(cmd.inputs.map((i) => [i.path, i.options])).toEqual([
      ['in.mp4', { ss: 5, t: 10 }],
      ['logo.png', {}],
    ]);
    expect(cmd.outputs[0]?.options).toEqual({
      'c:v': 'libx264',
      crf: 23,
      preset: 'slow',
      'b:a': '128k',
      metadata: { title: 'A: b' },
      movflags: '+faststart',
      map: ['v', '0:a?'],
    });
  });

  it('a lone -vf/-af becomes the default chains that filter() extends', () => {
    const cmd = Command.parse("ffmpeg -i in.mp4 -vf 'scale=320:-2' -af volume=0.5 -c:v libx264 out.mp4");
    expect(cmd.filter('hflip').filter('atempo', { tempo: 2 }).toArgs()).toEqual([
      ...['-i', 'in.mp4', '-vf', 'scale=320:-2,hflip', '-af', 'volume=0.5,atempo=tempo=2'],
      ...['-c:v', 'libx264', 'out.mp4'],
    ]);
  });

  it('a parsed -filter_complex keeps its labels for map, and more outputs can be added', () => {
    const cmd = Command.parse("ffmpeg -i a.mp4 -filter_complex '[0:v]split[x][y]' -map '[x]' x.mp4");
    expect(cmd.output('y.mp4', { map: ['y'] }).toArgs()).toEqual([
      ...['-i', 'a.mp4', '-filter_complex', '[0:v]split[x][y]', '-map', '[x]', 'x.mp4'],
      ...['-map', '[y]', 'y.mp4'],
    ]);
    expect(() => cmd.output('z.mp4', { map: ['z'] }).toArgs()).toThrow(/'z', which no graph defines/);
  });

  // parse(cmd.toArgs()) is cmd again: the same argv, inputs, outputs and graph.
  const built: readonly [string, Command<string>][] = [
    [
      'an xfade of two stills with format',
      new Command({ y: true, hide_banner: true })
        .input('a.png', { loop: 1, t: 4 })
        .input('b.png', { loop: 1, t: 4 })
        .filter('xfade', { transition: 'fade', duration: 0.5, offset: 3.5 })
        .filter('format', { pix_fmts: 'yuv420p' })
        .output('out.mp4', { 'c:v': 'libx264', pix_fmt: 'yuv420p', crf: 20, movflags: ['faststart'] }),
    ],
    [
      'a default chain with escaping',
      new Command({ loglevel: 'error', stats: false })
        .input('in.mp4', { ss: 1.5 })
        .filter('metadata', { mode: 'add', key: 'k', value: "it's 10:30, [ok]; 100%" })
        .filter('scale', { w: 320, h: -2 })
        .filter('volume', { volume: 0.5 })
        .output('out.mp4', {
          t: 2,
          metadata: { title: 'x=y' },
          streamMetadata: { 'a:0': { language: 'eng' } },
        }),
    ],
    [
      'an explicit graph with named outputs and a raw filter',
      new Command()
        .input('in.mp4')
        .graph((g) => {
          const [bg, fg] = g.input(0).video.filter('split').outputs(2);
          const small = fg.filter('scale', { w: 'iw/4', h: -1 }).filter(rawFilter('hflip', { outputs: 1 }));
          return { v: g.filter('overlay', [bg, small], { x: 8, y: 8 }), a: g.input(0).audio.filter('anull') };
        })
        .output('out.mp4', { map: ['v', 'a'], 'c:a': 'aac', privateOptions: { 'x264-params': 'keyint=48' } }),
    ],
    [
      'a lavfi input, a concat list input, raw hatches',
      new Command({ raw: ['-vsync', '0'] })
        .lavfiInput('testsrc2', { size: '64x64', rate: 10, duration: 1 })
        .input('list.txt', { f: 'concat', safe: 0, raw: ['-auto_convert', '1'] })
        .output('out.mkv', { map: ['0:v', '1:a'], c: 'copy', raw: ['-max_interleave_delta', '0'] }),
    ],
  ];
  for (const [name, cmd] of built) {
    it(`parse(cmd.toArgs()) is cmd: ${name}`, () => {
      const again = Command.parse(cmd.toArgs());
      expect(again.toArgs()).toEqual(cmd.toArgs());
      expect(again.inputs.map((i) => i.path)).toEqual(cmd.inputs.map((i) => i.path));
      expect(again.outputs.map((o) => o.path)).toEqual(cmd.outputs.map((o) => o.path));
      expect(again.globals).toEqual(cmd.globals);
      expect(again.toOutline()).toEqual(cmd.toOutline());
    });
  }
});

describe('R-AF-20 Command.parse errors name the token and why', () => {
  const bad: readonly [string, string | readonly string[], RegExp, string][] = [
    ['a missing value', 'ffmpeg -i in.mp4 -c:v', /'-c:v': needs a value/, '-c:v'],
    ['no output', 'ffmpeg -i in.mp4', /at least one output/, '-i in.mp4'],
    [
      'trailing options',
      'ffmpeg -i in.mp4 out.mp4 -y -c:v libx264',
      /'-c:v libx264': trailing options/,
      '-c:v libx264',
    ],
    ['an unterminated quote', "ffmpeg -i 'in.mp4 out.mp4", /unterminated single quote/, "'in.mp4"],
    ['a pipe', 'ffmpeg -i in.mp4 -f wav - | lame - out.mp3', /'\|' is shell syntax/, '|'],
    ['a variable', 'ffmpeg -i $IN out.mp4', /'\$' is shell syntax/, '$IN'],
    [
      'an unterminated label',
      "ffmpeg -i a.mp4 -filter_complex '[0:v' out.mp4",
      /unterminated label '\[0:v'/,
      '[0:v',
    ],
    [
      'a missing filter name',
      "ffmpeg -i a.mp4 -vf 'scale=2:2,' out.mp4",
      /a filter name is missing at the end/,
      'scale=2:2,',
    ],
    [
      'an undefined label',
      "ffmpeg -i a.mp4 -filter_complex '[nope]hflip[v]' -map '[v]' o.mp4",
      /'\[nope\]' feeds 'hflip'/,
      'nope',
    ],
    [
      'audio into a video filter',
      "ffmpeg -i a.mp4 -filter_complex '[0:a]scale=2:2[v]' -map '[v]' o.mp4",
      /'scale=2:2' input #0 takes video, but is fed audio/,
      'input #0',
    ],
    [
      'a video chain into volume',
      ['-i', 'a.mp4', '-vf', 'hflip,volume=2', 'o.mp4'],
      /'volume=2' input #0 takes audio, but is fed video/,
      'input #0',
    ],
    [
      'a map of a label no graph defines',
      "ffmpeg -i a.mp4 -map '[v]' o.mp4",
      /'-map \[v\]': no -filter_complex defines an open output labelled 'v'/,
      '-map [v]',
    ],
    [
      'too many labels',
      "ffmpeg -i a.mp4 -filter_complex '[0:v]hflip[a][b]' o.mp4",
      /has 1 output pad\(s\) but 2 labels/,
      'hflip',
    ],
  ];
  for (const [name, line, message, pad] of bad) {
    it(name, () => {
      let caught: unknown;
      try {
        Command.parse(line);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(BuilderError);
      expect((caught as BuilderError).message).toMatch(message);
      expect([(caught as BuilderError).pad, (caught as BuilderError).node]).toContain(pad);
    });
  }
});

describe('R-AF-20 R-AF-17 a parsed command mapped to other options renders them', () => {
  // Segmenting a parsed command (the CLI's --segments) seeks its input this way: a parsed
  // entry's layout must not hide the new options.
  it.each([
    [
      'an input given -ss/-to',
      Command.parse('-y -i in.mp4 -c:v libx264 out.mp4').mapInputs((i) => ({
        ...i,
        options: { ...i.options, ss: 5, to: 10 },
      })),
      ['-y', '-ss', '5', '-to', '10', '-i', 'in.mp4', '-c:v', 'libx264', 'out.mp4'],
    ],
    [
      'an output given -an',
      Command.parse('-i a.mp4 -c:v libx264 -crf 23 b.mp4').mapOutputs((o) => ({
        ...o,
        options: { ...o.options, an: true },
      })),
      ['-i', 'a.mp4', '-c:v', 'libx264', '-crf', '23', '-an', 'b.mp4'],
    ],
    // The filter option was lost with the layout before: a split of such a command ran without
    // its filter.
    [
      'an output with -filter:v given -an: the filter stays',
      Command.parse('-i a.mp4 -filter:v hue=h=t -c:v libx264 b.mp4').mapOutputs((o) => ({
        ...o,
        options: { ...o.options, an: true },
      })),
      ['-i', 'a.mp4', '-c:v', 'libx264', '-an', '-filter:v', 'hue=h=t', 'b.mp4'],
    ],
    [
      'an output with -filter:v replaced by a new entry: the filter stays',
      Command.parse('-i a.mp4 -filter:v hue=h=t -c:v libx264 b.mp4').mapOutputs((o) => ({
        path: 'c.mp4',
        options: { ...o.options, crf: 20 },
      })),
      ['-i', 'a.mp4', '-c:v', 'libx264', '-crf', '20', '-filter:v', 'hue=h=t', 'c.mp4'],
    ],
    // A flag the builder keeps among private options rendered as '-dn 1' once re-rendered, and
    // FFmpeg took the '1' for an output file: a split of `-an -sn -dn` failed (2026-12-02).
    [
      'an output with -dn given -an: the flag stays a flag',
      Command.parse('-i a.mp4 -c:v libx264 -dn -noautorotate b.mp4').mapOutputs((o) => ({
        ...o,
        options: { ...o.options, an: true },
      })),
      ['-i', 'a.mp4', '-c:v', 'libx264', '-an', '-dn', '-noautorotate', 'b.mp4'],
    ],
    [
      'an output only moved: its options keep their written order',
      Command.parse('-i a.mp4 -crf 23 -c:v libx264 b.mp4').mapOutputs((o) => ({ ...o, path: 'c.mp4' })),
      ['-i', 'a.mp4', '-crf', '23', '-c:v', 'libx264', 'c.mp4'],
    ],
  ])('%s', (_what, cmd, argv) => {
    expect(cmd.toArgs()).toEqual(argv);
  });
});
