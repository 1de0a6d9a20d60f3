import {
  Command,
  expectedDurationOf,
  getToken,
  ProgressStream,
  parseFilterArgs,
  parseFiltergraph,
  shellWords,
} from 'afmpeg';
import { contactSheet, extractAudio, resolveTimePoint, thumbnail, toGif } from 'afmpeg/recipes';
import { describe, expect, it } from 'vitest';

// The @example blocks of this round's public API, run: each comment there is asserted here.
describe('R-AF-20 the JSDoc examples hold', () => {
  it('Command.parse', () => {
    const cmd = Command.parse(`ffmpeg -y -i in.mp4 -vf 'scale=320:-2' -c:v libx264 -crf 23 out.mp4`);
    expect(cmd.outputs[0]?.options.crf).toBe(23);
    expect(cmd.filter('hflip').toArgs()).toEqual([
      ...['-y', '-i', 'in.mp4', '-vf', 'scale=320:-2,hflip', '-c:v', 'libx264', '-crf', '23', 'out.mp4'],
    ]);
  });

  it('Command.expectedDuration and expectedDurationOf', () => {
    expect(
      new Command()
        .input('a.mp4')
        .input('b.mp4')
        .filter('xfade', { offset: 4, duration: 1 })
        .output('o.mp4')
        .expectedDuration([5, 6]),
    ).toBe(10);
    expect(
      expectedDurationOf(
        new Command()
          .input('a.mp4', { ss: 2, t: 6 })
          .filter('setpts', { expr: '0.5*PTS' })
          .output('o.mp4')
          .toArgs(),
      ),
    ).toBe(3);
  });

  it('Command.toOutline and toMermaid', () => {
    expect(
      new Command()
        .input('in.mp4')
        .filter('scale', { w: 320, h: -2 })
        .output('out.mp4', { crf: 23 })
        .toOutline(),
    ).toBe(
      [
        'inputs:',
        '  #0 in.mp4',
        'output #0 vf:',
        '  scale#1 <- [in] : w=320 h=-2 -> [output #0]',
        'outputs:',
        '  #0 out.mp4 (crf=23)',
      ].join('\n'),
    );
    expect(
      new Command()
        .input('a.mp4')
        .input('logo.png')
        .graph((g) => ({ v: g.filter('overlay', [g.input(0).video, g.input(1).video], { x: 10, y: 10 }) }))
        .output('out.mp4', { map: ['v'] })
        .toMermaid(),
    ).toBe(
      [
        'flowchart LR',
        '  in0[/"#0 a.mp4"/]',
        '  in1[/"#1 logo.png"/]',
        '  subgraph g0["filter_complex"]',
        '    g0n0["overlay<br/>x=10 y=10"]',
        '  end',
        '  in0 -->|"0:v"| g0n0',
        '  in1 -->|"1:v"| g0n0',
        '  g0n0 -->|"v"| out0',
        '  out0[\\"#0 out.mp4"\\]',
      ].join('\n'),
    );
  });

  it('shellWords, parseFiltergraph, ProgressStream', () => {
    expect(shellWords(`ffmpeg -i "my file.mp4" -vf 'scale=320:-1' out.mp4`)).toEqual([
      ...['ffmpeg', '-i', 'my file.mp4', '-vf', 'scale=320:-1', 'out.mp4'],
    ]);
    expect(parseFiltergraph('[0:v]scale=320:-1[s];[s][1:v]overlay=10:10').chains.length).toBe(2);
    expect(getToken("  'a,b'\\,c , d", 0, ',')).toEqual({ token: 'a,b,c', end: 11 });
    expect(parseFilterArgs('320:-2:flags=lanczos:text=a\\:b')).toEqual({
      options: { flags: 'lanczos', text: 'a:b' },
      positional: ['320', '-2'],
    });
    expect(resolveTimePoint('10%', 120)).toBe(12);
    expect(resolveTimePoint('00:01:02.5', undefined)).toBe(62.5);
    const reader = new ProgressStream();
    expect(reader.push('out_time_us=1500000')).toBe('field');
    expect(reader.push('progress=continue')).toEqual({ timeSeconds: 1.5 });
  });

  it('recipes', () => {
    expect(extractAudio('/in/movie.mp4', '/out/sound.mp3', { bitrate: '192k' }).toArgs()).toEqual([
      ...['-y', '-hide_banner', '-loglevel', 'error', '-i', '/in/movie.mp4', '-map', '0:a:0'],
      ...['-c:a', 'libmp3lame', '-b:a', '192k', '-vn', '/out/sound.mp3'],
    ]);
    const gif = toGif('/in/movie.mp4', '/out/clip.gif', {
      start: 2,
      duration: 3,
      fps: 12,
      width: 240,
    }).toArgs();
    expect(gif[gif.indexOf('-filter_complex') + 1]).toBe(
      '[0:v]fps=fps=12,scale=w=240:h=-1:flags=lanczos,split[v1][v2];[v1]palettegen=max_colors=256:stats_mode=full[v3];[v2][v3]paletteuse=dither=sierra2_4a[gif]',
    );
    expect(thumbnail('/in/movie.mp4', '/out/thumb.png', { size: '320x-2' }).toArgs().slice(-7)).toEqual([
      ...['-vf', 'thumbnail=n=100,scale=w=320:h=-2', '-frames:v', '1', '-update', '1', '/out/thumb.png'],
    ]);
    const sheet = contactSheet('/in/movie.mp4', '/out/sheet.png', {
      columns: 3,
      rows: 3,
      duration: 60,
    }).toArgs();
    expect(sheet[sheet.indexOf('-vf') + 1]).toMatch(
      /^select=expr=gte\(t\\,3\.333+\d*\)\*\(isnan\(prev_selected_t\)\+.*,scale=w=160:h=-2,tile=layout=3x3:padding=2:margin=2:color=black$/,
    );
  });
});
