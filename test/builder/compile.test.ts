import { BuilderError, Command, rawFilter } from 'afmpeg';
import { describe, expect, it } from 'vitest';

// Kysely-style: each case is a command and the exact argv it must compile to (R-AF-7).
const cases: readonly { name: string; cmd: () => Command<string>; args: string[] }[] = [
  {
    name: 'the SPEC example: two looped stills crossfaded with xfade',
    cmd: () =>
      new Command()
        .input('in/a.png', { loop: 1, t: 4 })
        .input('in/b.png', { loop: 1, t: 4 })
        .filter('xfade', { transition: 'fade', duration: 0.5, offset: 3.5 })
        .output('out/reel.mp4', { 'c:v': 'libx264', pix_fmt: 'yuv420p' }),
    args: [
      ...['-loop', '1', '-t', '4', '-i', 'in/a.png', '-loop', '1', '-t', '4', '-i', 'in/b.png'],
      ...['-filter_complex', '[0:v][1:v]xfade=transition=fade:duration=0.5:offset=3.5'],
      ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', 'out/reel.mp4'],
    ],
  },
  {
    name: 'global options in a fixed order, -nostats, raw last',
    cmd: () =>
      new Command({ loglevel: 'error', y: true, hide_banner: true, nostdin: true, stats: false })
        .global({ progress: 'pipe:1', raw: ['-filter_hw_device', 'x'] })
        .input('a.wav')
        .output('b.wav'),
    args: [
      ...['-y', '-hide_banner', '-nostdin', '-loglevel', 'error', '-progress', 'pipe:1', '-nostats'],
      ...['-filter_hw_device', 'x', '-i', 'a.wav', 'b.wav'],
    ],
  },
  {
    name: '-n and -stats',
    cmd: () => new Command({ n: true, stats: true }).input('a').output('b'),
    args: ['-n', '-stats', '-i', 'a', 'b'],
  },
  {
    name: 'input options before -i, flags bare, private and raw options last',
    cmd: () =>
      new Command()
        .input('clip.mp4', {
          to: '00:00:05',
          ss: 1.5,
          t: 2,
          re: true,
          itsoffset: 0.25,
          stream_loop: 2,
          r: '30000/1001',
          privateOptions: { probesize: 32, analyzeduration: 0 },
          raw: ['-discard', 'nokey'],
        })
        .output('o.mkv'),
    args: [
      ...['-r', '30000/1001', '-stream_loop', '2', '-re', '-ss', '1.5', '-t', '2', '-to', '00:00:05'],
      ...['-itsoffset', '0.25', '-analyzeduration', '0', '-probesize', '32', '-discard', 'nokey'],
      ...['-i', 'clip.mp4', 'o.mkv'],
    ],
  },
  {
    name: 'image sequence with framerate, concat list with -safe 0',
    cmd: () =>
      new Command()
        .input('frames/%03d.png', { framerate: 12, f: 'image2' })
        .input('list.txt', { f: 'concat', safe: 0 })
        .output('o.mp4', { map: ['0:v', '1:a'] }),
    args: [
      ...['-f', 'image2', '-framerate', '12', '-i', 'frames/%03d.png'],
      ...['-f', 'concat', '-safe', '0', '-i', 'list.txt', '-map', '0:v', '-map', '1:a', 'o.mp4'],
    ],
  },
  {
    name: 'raw video from pipe:0, per-stream metadata, metadata and chapters dropped',
    cmd: () =>
      new Command()
        .input('pipe:0', { f: 'rawvideo', pix_fmt: 'rgba', s: '64x48', framerate: 10 })
        .input('voice.wav')
        .output('o.mkv', {
          map: ['0:v', '1:a'],
          streamMetadata: { 'a:0': { language: 'eng', title: 'Voice, take 1' } },
          map_metadata: -1,
          map_chapters: -1,
        }),
    args: [
      ...['-f', 'rawvideo', '-framerate', '10', '-pix_fmt', 'rgba', '-s', '64x48', '-i', 'pipe:0'],
      ...['-i', 'voice.wav', '-map', '0:v', '-map', '1:a', '-map_metadata', '-1', '-map_chapters', '-1'],
      ...['-metadata:s:a:0', 'language=eng', '-metadata:s:a:0', 'title=Voice, take 1', 'o.mkv'],
    ],
  },
  {
    name: 'a typed lavfi source input, with its graph escaping',
    cmd: () =>
      new Command()
        .lavfiInput('color', { c: 'red@0.5', s: '64x48', d: 1.5, r: 10 })
        .lavfiInput('sine', { frequency: 440, duration: 1 }, { t: 1 })
        .output('o.mp4', { shortest: true }),
    args: [
      ...['-f', 'lavfi', '-i', 'color=c=red@0.5:s=64x48:d=1.5:r=10'],
      ...['-f', 'lavfi', '-t', '1', '-i', 'sine=frequency=440:duration=1', '-shortest', 'o.mp4'],
    ],
  },
  {
    name: 'single input and output: plain chains become -vf and -af',
    cmd: () =>
      new Command()
        .input('in.mp4')
        .filter('scale', { w: 320, h: -2 })
        .filter('volume', { volume: 0.5 })
        .filter('fps', { fps: 24 })
        .output('out.mp4', { 'c:a': 'aac', 'b:a': '128k' }),
    args: [
      ...['-i', 'in.mp4', '-vf', 'scale=w=320:h=-2,fps=fps=24', '-af', 'volume=volume=0.5'],
      ...['-c:a', 'aac', '-b:a', '128k', 'out.mp4'],
    ],
  },
  {
    name: 'every output option, in the documented order',
    cmd: () =>
      new Command().input('in.mp4').output('out.mp4', {
        f: 'mp4',
        movflags: ['faststart', 'frag_keyframe'],
        metadata: { title: 'T', comment: 'a=b' },
        shortest: true,
        'frames:v': 10,
        ac: 2,
        ar: 48000,
        s: '320x240',
        r: 25,
        pix_fmt: 'yuv420p',
        preset: 'veryfast',
        crf: 23,
        'b:v': 1_000_000,
        'c:v': 'libx264',
        'c:a': 'copy',
        t: 3,
        ss: 0.5,
        privateOptions: { 'x264-params': 'keyint=48' },
        raw: ['-max_muxing_queue_size', '1024'],
      }),
    args: [
      ...['-i', 'in.mp4', '-c:v', 'libx264', '-c:a', 'copy', '-b:v', '1000000', '-crf', '23'],
      ...['-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-r', '25', '-s', '320x240', '-ar', '48000'],
      ...['-ac', '2', '-frames:v', '10', '-ss', '0.5', '-t', '3', '-shortest', '-movflags'],
      ...['faststart+frag_keyframe', '-f', 'mp4', '-metadata', 'title=T', '-metadata', 'comment=a=b'],
      ...['-x264-params', 'keyint=48', '-max_muxing_queue_size', '1024', 'out.mp4'],
    ],
  },
  {
    name: 'five stills chained with xfade: auto labels, each next input joins the open chain',
    cmd: () =>
      ['b', 'c', 'd', 'e']
        .reduce(
          (c, p) => c.input(`${p}.png`, { loop: 1, t: 2 }),
          new Command().input('a.png', { loop: 1, t: 2 }),
        )
        .filter('xfade', { offset: 1.5, duration: 0.5 })
        .filter('xfade', { offset: 3, duration: 0.5 })
        .filter('xfade', { offset: 4.5, duration: 0.5 })
        .filter('xfade', { offset: 6, duration: 0.5 })
        .filter('format', { pix_fmts: 'yuv420p' })
        .output('o.mp4'),
    args: [
      ...['a', 'b', 'c', 'd', 'e'].flatMap((p) => ['-loop', '1', '-t', '2', '-i', `${p}.png`]),
      '-filter_complex',
      '[0:v][1:v]xfade=offset=1.5:duration=0.5[v1];[v1][2:v]xfade=offset=3:duration=0.5[v2];' +
        '[v2][3:v]xfade=offset=4.5:duration=0.5[v3];[v3][4:v]xfade=offset=6:duration=0.5,format=pix_fmts=yuv420p',
      'o.mp4',
    ],
  },
  {
    name: 'video and audio chains grow independently in one complex graph',
    cmd: () =>
      new Command()
        .input('v.mp4')
        .input('voice.mp3')
        .filter('scale', { w: 64, h: 64 })
        .filter('amix', { inputs: 2, normalize: false })
        .filter('afade', { t: 'out', st: 1, d: 1 })
        .output('o.mp4'),
    args: [
      ...['-i', 'v.mp4', '-i', 'voice.mp3', '-filter_complex'],
      '[0:v]scale=w=64:h=64;[0:a][1:a]amix=inputs=2:normalize=0,afade=t=out:st=1:d=1',
      'o.mp4',
    ],
  },
  {
    name: 'explicit graph: overlay fed by split, named output mapped beside an input stream',
    cmd: () =>
      new Command()
        .input('a.mp4')
        .graph((g) => {
          const [bg, fg] = g.input(0).video.filter('split').outputs(2);
          const small = fg.filter('scale', { w: 'iw/4', h: -1 });
          return { v: g.filter('overlay', [bg, small], { x: 8, y: 8 }) };
        })
        .output('out.mp4', { map: ['v', '0:a?'] }),
    args: [
      ...['-i', 'a.mp4', '-filter_complex'],
      '[0:v]split[v1][v2];[v2]scale=w=iw/4:h=-1[v3];[v1][v3]overlay=x=8:y=8[v]',
      ...['-map', '[v]', '-map', '0:a?', 'out.mp4'],
    ],
  },
  {
    name: 'explicit graph: concat of three clips, two outputs, stream specifiers with indexes',
    cmd: () =>
      new Command()
        .input('1.mp4')
        .input('2.mp4')
        .input('3.mp4')
        .graph((g) => {
          const ins = [0, 1, 2].flatMap((i) => [g.input(i).stream('v', 0), g.input(i).stream('a', 0)]);
          const [v, a] = g.filter('concat', ins, { n: 3, v: 1, a: 1 }).outputs(2);
          return { v, a };
        })
        .output('o.mp4', { map: ['v', 'a'] }),
    args: [
      ...['-i', '1.mp4', '-i', '2.mp4', '-i', '3.mp4', '-filter_complex'],
      '[0:v:0][0:a:0][1:v:0][1:a:0][2:v:0][2:a:0]concat=n=3:v=1:a=1[v][a]',
      ...['-map', '[v]', '-map', '[a]', 'o.mp4'],
    ],
  },
  {
    name: 'explicit graph: a source node, asplit to two outputs, numbered stream',
    cmd: () =>
      new Command()
        .input('a.mp4')
        .graph((g) => {
          const [a1, a2] = g
            .filter('amix', [g.input(0).stream(1), g.source('sine', { frequency: 220 })], {
              duration: 'first',
            })
            .filter('asplit')
            .outputs(2);
          return { left: a1, right: a2 };
        })
        .output('x.wav', { map: ['left'] })
        .output('y.wav', { map: ['right'] }),
    args: [
      ...['-i', 'a.mp4', '-filter_complex'],
      'sine=frequency=220[a1];[0:1][a1]amix=duration=first,asplit[left][right]',
      ...['-map', '[left]', 'x.wav', '-map', '[right]', 'y.wav'],
    ],
  },
  {
    name: 'raw hatches: node raw args, rawFilter node, rawGraph with declared labels',
    cmd: () =>
      new Command()
        .input('a.mp4')
        .filter('scale', { w: 320, h: -2 }, { raw: 'flags=lanczos' })
        .filter(rawFilter("drawtext=text='raw, untouched'"))
        .rawGraph('[0:a]aecho=0.8:0.9:1000:0.3[echo]', ['echo'])
        .output('o.mp4', { map: ['echo'] }),
    args: [
      ...['-i', 'a.mp4', '-filter_complex'],
      "[0:v]scale=w=320:h=-2:flags=lanczos,drawtext=text='raw, untouched';[0:a]aecho=0.8:0.9:1000:0.3[echo]",
      ...['-map', '[echo]', 'o.mp4'],
    ],
  },
  {
    name: 'values are rendered per type: booleans 1/0, flags joined with +, no exponents',
    cmd: () =>
      new Command()
        .input('a.mp4')
        .input('b.png')
        .filter('overlay', { shortest: true, repeatlast: false, eof_action: 'pass' })
        .filter('setpts', { expr: 'PTS-STARTPTS' })
        .filter('scale', { flags: 'bicubic', w: 1e-7 })
        .output('o.mp4'),
    args: [
      ...['-i', 'a.mp4', '-i', 'b.png'],
      '-filter_complex',
      '[0:v][1:v]overlay=shortest=1:repeatlast=0:eof_action=pass,setpts=expr=PTS-STARTPTS,scale=flags=bicubic:w=0.0000001',
      'o.mp4',
    ],
  },
  {
    name: 'expressions keep their commas (escaped for the graph level)',
    cmd: () =>
      new Command()
        .input('a.mp4')
        .filter('select', { expr: 'not(mod(n,10))' })
        .filter('scale', { w: 'min(iw,320)', h: -2 })
        .output('thumbs/%03d.png', { 'frames:v': 3 }),
    args: [
      ...['-i', 'a.mp4', '-vf', 'select=expr=not(mod(n\\,10)),scale=w=min(iw\\,320):h=-2'],
      ...['-frames:v', '3', 'thumbs/%03d.png'],
    ],
  },
  {
    name: 'option values escaped at both levels',
    cmd: () =>
      new Command()
        .input('a.mp4')
        .filter('metadata', { mode: 'add', key: 'k', value: "it's 10:30, [ok]; 100% \\ done " })
        .output('o.mp4'),
    args: [
      '-i',
      'a.mp4',
      '-vf',
      "metadata=mode=add:key=k:value=it\\\\\\'s 10\\\\:30\\, \\[ok\\]\\; 100% \\\\\\\\ done\\\\\\ ",
      'o.mp4',
    ],
  },
];

describe('R-AF-7 Command compiles to exact argv', () => {
  it.each(cases)('$name', ({ cmd, args }) => {
    expect(cmd().toArgs()).toEqual(args);
  });

  it('is immutable: every call returns a new command and leaves the old one as it was', () => {
    const base = new Command({ y: true }).input('a.mp4');
    const scaled = base.filter('scale', { w: 100, h: 100 }).output('s.mp4');
    const flipped = base.filter('hflip').output('f.mp4');
    expect(base.toArgs()).toEqual(['-y', '-i', 'a.mp4']);
    expect(scaled.toArgs()).toEqual(['-y', '-i', 'a.mp4', '-vf', 'scale=w=100:h=100', 's.mp4']);
    expect(flipped.toArgs()).toEqual(['-y', '-i', 'a.mp4', '-vf', 'hflip', 'f.mp4']);
  });

  it('call() keeps loops inside the chain', () => {
    const cmd = new Command()
      .call((c) => ['a.png', 'b.png', 'c.png'].reduce((acc, p) => acc.input(p, { loop: 1 }), c))
      .filter('xfade', { offset: 1 })
      .filter('xfade', { offset: 2 })
      .output('o.mp4');
    expect(cmd.toArgs()).toEqual([
      ...['a', 'b', 'c'].flatMap((p) => ['-loop', '1', '-i', `${p}.png`]),
      ...['-filter_complex', '[0:v][1:v]xfade=offset=1[v1];[v1][2:v]xfade=offset=2', 'o.mp4'],
    ]);
  });

  it('is deterministic: equal commands built apart compile to the same, exact argv', () => {
    const build = () => new Command().input('a').input('b').filter('xfade').output('o.mp4');
    const first = build();
    // Other commands built in between (node ids, labels) must not leak into a later compile.
    build().filter('hflip');
    const second = build();
    const expected = ['-i', 'a', '-i', 'b', '-filter_complex', '[0:v][1:v]xfade', 'o.mp4'];
    expect(first.toArgs()).toEqual(expected);
    expect(second.toArgs()).toEqual(expected);
    expect(first.toArgs()).toEqual(expected);
  });

  it('toString() is a POSIX-shell line', () => {
    const cmd = new Command()
      .input("it's here.mp4")
      .filter('metadata', { mode: 'add', key: 'k', value: 'a:b' })
      .output('out.mp4', { metadata: { title: 'x y' } });
    expect(cmd.toString()).toBe(
      "ffmpeg -i 'it'\\''s here.mp4' -vf 'metadata=mode=add:key=k:value=a\\\\:b' -metadata 'title=x y' out.mp4",
    );
  });

  it('a raw node with unknown outputs still chains and labels consistently', () => {
    const cmd = new Command()
      .input('a.mp4')
      .graph((g) => {
        const flipped = g.input(0).video.filter(rawFilter('hflip'));
        const [p, q] = flipped.filter('split').outputs(2);
        return { v: g.filter('hstack', [p.filter(rawFilter('vflip', { outputs: 1 })), q]) };
      })
      .output('o.mp4', { map: ['v'] });
    expect(cmd.toArgs()[3]).toBe('[0:v]hflip[s1];[s1]split[v2][v3];[v2]vflip[s4];[s4][v3]hstack[v]');
  });

  it('generated labels never collide with user-chosen ones', () => {
    const cmd = new Command()
      .input('a.mp4')
      .graph((g) => {
        const [p, q] = g.input(0).video.filter('split').outputs(2);
        return { v1: g.filter('hstack', [p.filter('hflip'), q]) };
      })
      .output('o.mp4', { map: ['v1'] });
    expect(cmd.toArgs()[3]).toBe('[0:v]split[v2][v3];[v2]hflip[v4];[v4][v3]hstack[v1]');
  });

  it('derives the duration from output -t, else from the only input', () => {
    expect(new Command().input('a').output('o', { t: '00:01:02.5' }).durationSeconds()).toBe(62.5);
    expect(new Command().input('a', { ss: 1, to: 4 }).output('o').durationSeconds()).toBe(3);
    expect(new Command().input('a').input('b').output('o').durationSeconds()).toBeUndefined();
  });
});

const fails = (cmd: () => Command<string>) => {
  try {
    cmd().toArgs();
  } catch (err) {
    expect(err).toBeInstanceOf(BuilderError);
    return err as BuilderError;
  }
  throw new Error('expected a BuilderError');
};

describe('R-AF-7 invalid graphs are rejected at compile time, naming the node and pad', () => {
  it('a dangling output pad', () => {
    const err = fails(() =>
      new Command()
        .input('a.mp4')
        .graph((g) => {
          const [bg] = g.input(0).video.filter('split').outputs(1);
          return { v: bg };
        })
        .output('o.mp4', { map: ['v'] }),
    );
    expect(err).toMatchObject({ code: 'dangling-pad', node: 'split#1', pad: 'output #1' });
    expect(err.message).toContain('output #1 of split#1 is not connected');
  });

  it('a dangling input pad', () => {
    const err = fails(() =>
      new Command()
        .input('a.mp4')
        .graph((g) => ({ v: g.filter('xfade', [g.input(0).video]) }))
        .output('o.mp4', { map: ['v'] }),
    );
    expect(err).toMatchObject({ code: 'dangling-pad', node: 'xfade#1', pad: 'input #1' });
  });

  it('a pad used twice', () => {
    const err = fails(() =>
      new Command()
        .input('a.mp4')
        .graph((g) => {
          const s = g.input(0).video.filter('scale', { w: 10, h: 10 });
          return { v: g.filter('hstack', [s, s]) };
        })
        .output('o.mp4', { map: ['v'] }),
    );
    expect(err).toMatchObject({ code: 'pad-used-twice', node: 'scale#1', pad: 'output #0' });
    expect(err.message).toContain('split');
  });

  it('a reference to a missing input', () => {
    const err = fails(() =>
      new Command()
        .input('a.mp4')
        .graph((g) => ({ v: g.filter('overlay', [g.input(0).video, g.input(2).video]) }))
        .output('o.mp4', { map: ['v'] }),
    );
    expect(err).toMatchObject({ code: 'missing-input', node: 'overlay#1', pad: 'input #1' });
    expect(err.message).toContain('refers to input 2');
  });

  it('a negative input index', () => {
    expect(
      fails(() =>
        new Command()
          .input('a')
          .graph((g) => ({ v: g.input(-1).video.filter('hflip') }))
          .output('o', { map: ['v'] }),
      ),
    ).toMatchObject({ code: 'missing-input', node: 'hflip#1', pad: 'input #0' });
  });

  it('a -map of a missing input, of an unknown label, of a label twice; an unmapped graph output', () => {
    expect(fails(() => new Command().input('a').output('o', { map: ['3:a'] }))).toMatchObject({
      code: 'missing-input',
    });
    expect(fails(() => new Command().input('a').output('o', { map: ['nope' as never] }))).toMatchObject({
      code: 'unknown-label',
      pad: 'nope',
    });
    const labelled = new Command().input('a').graph((g) => ({ v: g.input(0).video.filter('hflip') }));
    expect(fails(() => labelled.output('o').output('p'))).toMatchObject({ code: 'dangling-pad', pad: 'v' });
    expect(fails(() => labelled.output('o', { map: ['v'] }).output('p', { map: ['v'] }))).toMatchObject({
      code: 'label-mapped-twice',
    });
  });

  it('too many inputs, an output pad that does not exist, bad labels', () => {
    expect(
      fails(() =>
        new Command()
          .input('a')
          .graph((g) => ({ v: g.filter('hflip', [g.input(0).video, g.input(0).video]) }))
          .output('o', { map: ['v'] }),
      ),
    ).toMatchObject({ code: 'pad-out-of-range', node: 'hflip#1' });
    expect(
      fails(() =>
        new Command()
          .input('a')
          .graph((g) => ({ v: g.input(0).video.filter('hflip').output(1) }))
          .output('o', { map: ['v'] }),
      ),
    ).toMatchObject({ code: 'pad-out-of-range', node: 'hflip#1', pad: 'output #1' });
    expect(() => new Command().graph((g) => ({ 'a]b': g.source('color') }))).toThrow(/graph label 'a]b'/);
    expect(() => new Command().rawGraph('x', ['0v'])).toThrow(BuilderError);
  });

  it('Command.filter with nothing to wire, and a graph builder used after its callback', () => {
    expect(() => new Command().filter('hflip')).toThrow(/needs a video stream/);
    let leaked: import('afmpeg').GraphBuilder | undefined;
    new Command().graph((g) => {
      leaked = g;
    });
    expect(() => leaked?.source('color')).toThrow(/used after its callback returned/);
  });
});

// Options outside the builder's tables: the types forbid them, a JavaScript caller or a cast used
// to lose them without a word (an output `vf` compiled to nothing).
type Loose = Record<string, unknown>;
describe('R-AF-7 an option the builder does not know is refused, not dropped', () => {
  it.each([
    {
      cmd: () => new Command().input('a.mp4').output('b.mp4', { vf: 'scale=320:-2' } as Loose),
      message: 'output #0: -vf is not an option the builder knows; filters are added with .filter()',
    },
    {
      cmd: () =>
        new Command()
          .input('a.mp4')
          .output('b.mp4')
          .output('c.mp4', { 'filter:a': 'volume=2' } as Loose),
      message: 'output #1: -filter:a is not an option the builder knows; filters are added with .filter()',
    },
    {
      cmd: () => new Command().input('a.mp4', { probsize: 32 } as Loose).output('b.mp4'),
      message: 'input #0: -probsize is not an option the builder knows; a codec- or muxer-private option',
    },
    {
      cmd: () => new Command({ overwrite: true } as Loose).input('a.mp4').output('b.mp4'),
      message: 'global options: -overwrite is not an option the builder knows',
    },
  ])('$message', ({ cmd, message }) => {
    const err = fails(cmd as () => Command<string>);
    expect(err.code).toBe('unknown-option');
    expect(err.message).toContain(message);
  });

  it('options the command renders itself, and unset ones, still compile', () => {
    const cmd = new Command({ stats: false, raw: ['-benchmark'] })
      .input('a.mp4', { privateOptions: { probesize: 32 }, raw: ['-re'] })
      .output('b.mp4', {
        map: ['0:v'],
        metadata: { title: 't' },
        privateOptions: { crf: 23 },
        'c:a': undefined,
        raw: ['-shortest'],
      });
    expect(cmd.toArgs()).toEqual([
      '-nostats',
      '-benchmark',
      '-probesize',
      '32',
      '-re',
      '-i',
      'a.mp4',
      '-map',
      '0:v',
      '-metadata',
      'title=t',
      '-crf',
      '23',
      '-shortest',
      'b.mp4',
    ]);
  });
});
