import { BuilderError, Command, rawFilter, type Stream } from 'afmpeg';
import { describe, expect, it } from 'vitest';

const fails = (build: () => unknown): BuilderError => {
  try {
    build();
  } catch (err) {
    expect(err).toBeInstanceOf(BuilderError);
    return err as BuilderError;
  }
  throw new Error('expected a BuilderError');
};

// Where the types cannot see the medium (a widened `Stream`, concat's option-dependent pads), the
// builder still checks each connection when the node is added.
describe('R-AF-20 media types at run time', () => {
  it('streams carry their medium', () => {
    new Command().input('a').graph((g) => {
      expect(g.input(0).video.media).toBe('video');
      expect(g.input(0).stream('a', 1).media).toBe('audio');
      expect(g.input(0).stream(3).media).toBe('unknown');
      expect(g.input(0).audio.filter('showwaves').media).toBe('video');
      expect(g.input(0).video.filter('split').output(1).media).toBe('video');
      expect(g.input(0).video.filter(rawFilter('hflip')).media).toBe('unknown');
      const [v, a] = g
        .filter('concat', [g.input(0).video, g.input(0).audio], { n: 1, v: 1, a: 1 })
        .outputs(2);
      expect([v.media, a.media]).toEqual(['video', 'audio']);
    });
  });

  const mismatches: readonly {
    name: string;
    build: (g: import('afmpeg').GraphBuilder) => unknown;
    node: string;
    pad: string;
    message: string;
  }[] = [
    {
      name: 'audio into scale through a widened Stream',
      build: (g) => (g.input(0).audio as Stream).filter('scale'),
      node: 'scale#1',
      pad: 'input #0',
      message: 'scale#1 input #0 takes video, but is fed audio ([0:a])',
    },
    {
      name: "showwaves' video output into volume",
      build: (g) => (g.input(0).audio.filter('showwaves') as Stream).filter('volume'),
      node: 'volume#2',
      pad: 'input #0',
      message: 'volume#2 input #0 takes audio, but is fed video (output #0 of showwaves#1)',
    },
    {
      name: 'concat with n=1:v=1:a=1 fed audio then video (pads in the wrong order)',
      build: (g) => g.filter('concat', [g.input(0).audio, g.input(0).video], { n: 1, v: 1, a: 1 }),
      node: 'concat#1',
      pad: 'input #0',
      message: 'concat#1 input #0 takes video, but is fed audio ([0:a])',
    },
    {
      name: 'video as the second input of amix',
      build: (g) => g.filter('amix', [g.input(0).audio, g.input(1).video as Stream as Stream<'unknown'>]),
      node: 'amix#1',
      pad: 'input #1',
      message: 'amix#1 input #1 takes audio, but is fed video ([1:v])',
    },
  ];
  for (const c of mismatches) {
    it(`a BuilderError when built: ${c.name}`, () => {
      const err = fails(() =>
        new Command()
          .input('a')
          .input('b')
          .graph((g) => {
            c.build(g);
          }),
      );
      expect(err).toMatchObject({ code: 'media-mismatch', node: c.node, pad: c.pad });
      expect(err.message).toContain(c.message);
    });
  }

  it('unknown streams pass (FFmpeg decides)', () => {
    const cmd = new Command()
      .input('a')
      .graph((g) => ({ v: g.input(0).stream(1).filter('scale', { w: 2, h: 2 }) }))
      .output('o', { map: ['v'] });
    expect(cmd.toArgs()).toContain('[0:1]scale=w=2:h=2[v]');
  });
});
