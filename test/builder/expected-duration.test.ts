import { Command, ProgressStream } from 'afmpeg';
import { describe, expect, it } from 'vitest';

// The length a command gives its first output, read from its own options and graph.
const cases: readonly [string, () => Command<string>, readonly (number | undefined)[], number | undefined][] =
  [
    ['output -t', () => new Command().input('a.mp4').output('o.mp4', { t: 3 }), [], 3],
    ['output -to minus -ss', () => new Command().input('a.mp4').output('o.mp4', { ss: 2, to: 7 }), [], 5],
    ['input -t', () => new Command().input('a.mp4', { t: 4 }).output('o.mp4'), [], 4],
    ['a probed input minus its -ss', () => new Command().input('a.mp4', { ss: 2 }).output('o.mp4'), [10], 8],
    [
      'a probed input’s last seconds (-sseof)',
      () => new Command().input('a.mp4', { sseof: -3 }).output('o.mp4'),
      [10],
      3,
    ],
    ['-sseof past the start', () => new Command().input('a.mp4', { sseof: -12 }).output('o.mp4'), [10], 10],
    [
      '-sseof of an unprobed input',
      () => new Command().input('a.mp4', { sseof: -3 }).output('o.mp4'),
      [],
      undefined,
    ],
    ['nothing known', () => new Command().input('a.mp4').output('o.mp4'), [], undefined],
    [
      'a lavfi source with a duration',
      () => new Command().lavfiInput('testsrc2', { duration: 6 }).output('o.mp4'),
      [],
      6,
    ],
    [
      'an endless lavfi source, capped by -t',
      () => new Command().lavfiInput('testsrc2').output('o.mp4', { t: 2 }),
      [],
      2,
    ],
    ['an endless lavfi source', () => new Command().lavfiInput('testsrc2').output('o.mp4'), [], undefined],
    [
      'trim in a -vf chain',
      () => new Command().input('a.mp4').filter('trim', { start: 1, end: 4 }).output('o.mp4'),
      [10],
      3,
    ],
    [
      'setpts 0.5*PTS halves',
      () => new Command().input('a.mp4', { t: 6 }).filter('setpts', { expr: '0.5*PTS' }).output('o.mp4'),
      [],
      3,
    ],
    [
      'atempo=2 halves',
      () => new Command().input('a.mp3').filter('atempo', { tempo: 2 }).output('o.mp3'),
      [9],
      4.5,
    ],
    [
      'xfade: offset + the second clip',
      () =>
        new Command()
          .input('a.png', { loop: 1, t: 4 })
          .input('b.png', { loop: 1, t: 4 })
          .filter('xfade', { offset: 3.5, duration: 0.5 })
          .output('o.mp4'),
      [],
      7.5,
    ],
    [
      'concat: the sum of segments',
      () =>
        new Command()
          .input('a')
          .input('b')
          .graph((g) => {
            const [v, a] = g
              .filter('concat', [g.input(0).video, g.input(0).audio, g.input(1).video, g.input(1).audio], {
                n: 2,
                v: 1,
                a: 1,
              })
              .outputs(2);
            return { v, a };
          })
          .output('o.mp4', { map: ['v', 'a'] }),
      [3, 4.5],
      7.5,
    ],
    [
      'an image first, looped forever, over a probed clip with overlay shortest=1',
      () =>
        new Command()
          .input('card.png', { loop: 1 })
          .input('clip.mp4')
          .graph((g) => ({
            v: g.filter('overlay', [g.input(1).video, g.input(0).video.filter('scale', { w: 16, h: 16 })], {
              shortest: true,
            }),
          }))
          .output('o.mp4', { map: ['v', '1:a'] }),
      [undefined, 3],
      3,
    ],
    [
      'the same without shortest=1 never ends (FFmpeg keeps repeating the picture)',
      () =>
        new Command()
          .input('card.png', { loop: 1 })
          .input('clip.mp4')
          .graph((g) => ({ v: g.filter('overlay', [g.input(1).video, g.input(0).video]) }))
          .output('o.mp4', { map: ['v'] }),
      [undefined, 3],
      undefined,
    ],
    [
      'looped cover + song with -shortest',
      () =>
        new Command().input('cover.jpg', { loop: 1 }).input('song.mp3').output('o.mp4', { shortest: true }),
      [undefined, 42],
      42,
    ],
    [
      'looped cover + song without -shortest never ends',
      () => new Command().input('cover.jpg', { loop: 1 }).input('song.mp3').output('o.mp4'),
      [undefined, 42],
      undefined,
    ],
    [
      'amix duration=first',
      () =>
        new Command().input('a').input('b').filter('amix', { inputs: 2, duration: 'first' }).output('o.m4a'),
      [5, 9],
      5,
    ],
    [
      'a parsed filter_complex with trims and labels',
      () =>
        Command.parse(
          "ffmpeg -i in.mp4 -filter_complex '[0:v]trim=start=1:end=3,setpts=PTS-STARTPTS[v];[0:a]atrim=start=1:end=3,asetpts=PTS-STARTPTS[a]' -map '[v]' -map '[a]' clip.mp4",
        ),
      [10],
      2,
    ],
  ];

describe('R-AF-20 Command.expectedDuration', () => {
  for (const [name, cmd, probed, want] of cases) {
    it(name, () => {
      const got = cmd().expectedDuration(probed);
      if (want === undefined) expect(got).toBeUndefined();
      else expect(got).toBeCloseTo(want, 6);
    });
  }
});

// FFmpeg gives a complex graph's unlabelled pad the first stream of its medium no pad before it
// took, in input order: with the inputs' streams counted, the tracer binds them the same way.
const clip = { video: 1, audio: 1 };
const picture = { video: 1, audio: 0 };
const song = { video: 0, audio: 1 };
describe('R-AF-20 Command.expectedDuration binds unlabelled graph inputs as FFmpeg does', () => {
  it.each([
    [
      'a logo overlaid on a clip',
      '-i clip.mp4 -i logo.png -filter_complex overlay=10:10 o.mp4',
      [5, 0.04],
      [clip, picture],
      5,
    ],
    [
      'the same, streams unknown',
      '-i clip.mp4 -i logo.png -filter_complex overlay=10:10 o.mp4',
      [5, 0.04],
      [],
      undefined,
    ],
    // The song has no video: overlay takes the clip's and the logo's.
    [
      'a song first',
      '-i song.mp3 -i clip.mp4 -i logo.png -filter_complex overlay -an o.mp4',
      [9, 5, 0.04],
      [song, clip, picture],
      5,
    ],
    // [0:v] took the clip's video: the unlabelled pad gets the next input's.
    ['one pad labelled', '-i clip.mp4 -i b.mp4 -filter_complex [0:v]overlay o.mp4', [5, 7], [clip, clip], 7],
    ['shortest=1', '-i clip.mp4 -i b.mp4 -filter_complex overlay=shortest=1 o.mp4', [5, 7], [clip, clip], 5],
    // [0] may be the video or the audio: the pad's stream is not known.
    [
      'a label of unknown medium before it',
      '-i clip.mp4 -i b.mp4 -filter_complex [0]overlay o.mp4',
      [5, 7],
      [clip, clip],
      undefined,
    ],
    [
      'no stream left for it',
      "-i clip.mp4 -filter_complex '[0:v]split[a][b];[a][b]overlay,overlay' o.mp4",
      [5],
      [clip],
      undefined,
    ],
  ] as const)('%s', (_name, line, probed, streams, want) => {
    const got = Command.parse(line).expectedDuration(probed, streams);
    if (want === undefined) expect(got).toBeUndefined();
    else expect(got).toBeCloseTo(want, 6);
  });
});

describe('ProgressStream reads FFmpeg -progress blocks', () => {
  it('fields until progress=, then one report; other lines are not progress', () => {
    const r = new ProgressStream();
    const block = [
      'frame=30',
      'fps=12.5',
      'stream_0_0_q=-1.0',
      'bitrate=  25.3kbits/s',
      'total_size=9520',
      'out_time_us=2960000',
      'out_time_ms=2960000',
      'out_time=00:00:02.960000',
      'dup_frames=0',
      'drop_frames=0',
      'speed=   1.2x',
    ];
    for (const line of block) expect(r.push(line)).toBe('field');
    expect(r.push('progress=end')).toEqual({
      frame: 30,
      fps: 12.5,
      timeSeconds: 2.96,
      speed: 1.2,
      sizeBytes: 9520,
      done: true,
    });
    expect(
      r.push('frame=   30 fps=0.0 q=-1.0 Lsize=      10kB time=00:00:02.96 bitrate=  25.3kbits/s speed=1.2x'),
    ).toBeUndefined();
    expect(r.push('[libx264 @ 0x1] frame I:1')).toBeUndefined();
  });
});
