import { Command, type FilterNode, rawFilter, type Stream, type StreamMedia } from 'afmpeg';
import { describe, expectTypeOf, it } from 'vitest';

// R-AF-20: streams know their media; a wrong pad type does not compile.
describe('R-AF-20 media types', () => {
  it('input streams are typed by their selector', () => {
    new Command().input('a').graph((g) => {
      expectTypeOf(g.input(0).video).toEqualTypeOf<Stream<'video'>>();
      expectTypeOf(g.input(0).audio).toEqualTypeOf<Stream<'audio'>>();
      expectTypeOf(g.input(0).stream('a', 1)).toEqualTypeOf<Stream<'audio'>>();
      expectTypeOf(g.input(0).stream('v', 0)).toEqualTypeOf<Stream<'video'>>();
      expectTypeOf(g.input(0).stream(2)).toEqualTypeOf<Stream<'unknown'>>();
      expectTypeOf(g.input(0).stream('s')).toEqualTypeOf<Stream<'unknown'>>();
    });
  });

  it('filter outputs take their generated pad types (scale: video, volume: audio, showwaves: audio -> video)', () => {
    new Command().input('a').graph((g) => {
      expectTypeOf(g.input(0).video.filter('scale', { w: 2 })).toExtend<Stream<'video'>>();
      expectTypeOf(g.input(0).audio.filter('volume')).toExtend<Stream<'audio'>>();
      expectTypeOf(g.input(0).audio.filter('showwaves')).toExtend<Stream<'video'>>();
      expectTypeOf(g.source('sine')).toExtend<Stream<'audio'>>();
      expectTypeOf(g.source('color')).toExtend<Stream<'video'>>();
      const [v, a] = g.input(0).video.filter('split').outputs(2);
      expectTypeOf(v).toEqualTypeOf<Stream<'video'>>();
      expectTypeOf(a).toEqualTypeOf<Stream<'video'>>();
      expectTypeOf(g.input(0).audio.filter('asplit').output(1)).toEqualTypeOf<Stream<'audio'>>();
    });
  });

  it('a stream of the wrong medium does not compile', () => {
    new Command().input('a').graph((g) => {
      // @ts-expect-error scale takes video
      g.input(0).audio.filter('scale', { w: 2 });
      // @ts-expect-error volume takes audio
      g.input(0).video.filter('volume');
      // @ts-expect-error the output of showwaves is video, amix takes audio
      g.filter('amix', [g.input(0).audio, g.input(0).audio.filter('showwaves')]);
      // @ts-expect-error overlay takes video, not audio
      g.filter('overlay', [g.input(0).video, g.input(0).audio]);
      // @ts-expect-error a single audio stream into hflip
      g.filter('hflip', g.input(0).audio);
      // @ts-expect-error a video split's outputs are video
      g.input(0).video.filter('split').output(0).filter('atempo');
      // @ts-expect-error a source takes no input
      g.input(0).video.filter('color');
      const ok: Stream<'audio'> = g.filter('amix', [g.input(0).audio, g.source('sine')]);
      return { ok };
    });
  });

  it('unknown streams and dynamic-pad filters stay open', () => {
    new Command().input('a').graph((g) => {
      // An input stream by index fits any pad.
      g.input(0).stream(1).filter('scale');
      g.input(0).stream(1).filter('volume');
      // A raw filter's outputs are unknown.
      const raw = g.input(0).video.filter(rawFilter('hflip'));
      expectTypeOf(raw).toExtend<Stream<'unknown'>>();
      raw.filter('volume');
      // concat's pads depend on n/v/a: any stream goes in, outputs are unknown.
      const c = g.filter('concat', [g.input(0).video, g.input(0).audio], { n: 1, v: 1, a: 1 });
      expectTypeOf(c).toExtend<FilterNode<readonly 'unknown'[]>>();
      // Any typed stream is a Stream.
      expectTypeOf<Stream<'video'>>().toExtend<Stream>();
      expectTypeOf<Stream>().toEqualTypeOf<Stream<StreamMedia>>();
    });
  });
});
