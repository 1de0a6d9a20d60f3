import {
  type BuilderErrorCode,
  Command,
  type FilterOptionsMap,
  type GraphBuilder,
  type RunResult,
  rawFilter,
  runCommand,
  type Stream,
  type Volume,
} from 'afmpeg';
import { describe, expectTypeOf, it } from 'vitest';

describe('R-AF-7 builder types', () => {
  it('filter names and options are typed from the generated map', () => {
    new Command().input('a').input('b').filter('xfade', { transition: 'fade', duration: 0.5, offset: 3.5 });
    // @ts-expect-error unknown filter name
    new Command().input('a').filter('no_such_filter');
    // @ts-expect-error unknown option
    new Command().input('a').input('b').filter('xfade', { durration: 0.5 });
    // @ts-expect-error an enum option takes its constants, not any string
    new Command().input('a').input('b').filter('xfade', { transition: 'no-such-transition' });
    // @ts-expect-error a boolean option takes a boolean
    new Command().input('a').filter('overlay', { shortest: 'yes' });
    // @ts-expect-error an int option takes a number
    new Command().input('a').filter('amix', { inputs: 'two' });
    // @ts-expect-error a filter without options takes none
    new Command().input('a').filter('hflip', { x: 1 });
    new Command().input('a').filter(rawFilter('anything=goes'));
    expectTypeOf<FilterOptionsMap['scale']['w']>().toEqualTypeOf<string | number | undefined>();
  });

  it('input, output and global options are typed', () => {
    new Command({ y: true, loglevel: 'error' }).input('a', { ss: 1, t: '00:00:02', loop: 1 }).output('o', {
      'c:v': 'libx264',
      crf: 20,
      movflags: ['faststart'],
    });
    new Command()
      .input('a', { privateOptions: { probesize: 32, pattern_type: 'glob', any_other: 'x' } })
      .output('o', { privateOptions: { 'x264-params': 'keyint=48', aac_coder: 'twoloop', anything: 1 } });
    // @ts-expect-error known private options keep their types
    new Command().input('a').output('o', { privateOptions: { aac_coder: 'best' } });
    // @ts-expect-error private option values are scalars
    new Command().input('a').output('o', { privateOptions: { x: { y: 1 } } });
    // @ts-expect-error unknown global option
    new Command({ yes: true });
    // @ts-expect-error loglevel names are checked
    new Command({ loglevel: 'loud' });
    // @ts-expect-error unknown input option
    new Command().input('a', { seek: 1 });
    // @ts-expect-error crf is a number
    new Command().input('a').output('o', { crf: 'high' });
    // @ts-expect-error movflags are checked
    new Command().input('a').output('o', { movflags: ['fast_start'] });
  });

  it('map accepts the graph labels the command defines and input selectors, nothing else', () => {
    const cmd = new Command()
      .input('a')
      .graph((g) => ({ v: g.input(0).video.filter('hflip'), a: g.input(0).audio.filter('anull') }));
    expectTypeOf(cmd).toEqualTypeOf<Command<'v' | 'a'>>();
    cmd.output('o', { map: ['v', 'a', '0:s?'] });
    // @ts-expect-error 'x' is not a label of this command
    cmd.output('o', { map: ['x'] });
    const raw = new Command().input('a').rawGraph('[0:v]hflip[flipped]', ['flipped']);
    expectTypeOf(raw).toEqualTypeOf<Command<'flipped'>>();
  });

  it('the graph builder hands out streams and typed nodes', () => {
    new Command().input('a').graph((g) => {
      expectTypeOf(g).toEqualTypeOf<GraphBuilder>();
      const [x, y] = g.input(0).video.filter('split', { outputs: 2 }).outputs(2);
      expectTypeOf(x).toEqualTypeOf<Stream<'video'>>();
      // @ts-expect-error overlay's x is an expression string or number, not a boolean
      g.filter('overlay', [x, y], { x: true });
      // @ts-expect-error inputs are streams
      g.filter('overlay', ['[0:v]']);
      return { v: g.filter('overlay', [x, y]) };
    });
  });

  it('lavfi sources, source nodes and outputs(n) are typed', () => {
    new Command().lavfiInput('testsrc2', { size: '64x64', rate: 10, duration: 1 });
    // @ts-expect-error unknown option of a source
    new Command().lavfiInput('sine', { freq: 440 });
    new Command().graph((g) => {
      const tone = g.source('sine', { frequency: 440 });
      // @ts-expect-error sine's frequency is a number
      g.source('sine', { frequency: 'high' });
      const three = tone.filter('asplit', { outputs: 3 }).outputs(3);
      expectTypeOf(three).toEqualTypeOf<[Stream<'audio'>, Stream<'audio'>, Stream<'audio'>]>();
      const [a, b, c] = three;
      return { a, b, c };
    });
  });

  it('compiles to string[]; runCommand takes any command and resolves to the engine result', () => {
    const cmd = new Command().input('a').graph((g) => ({ v: g.input(0).video.filter('hflip') }));
    expectTypeOf(cmd.toArgs()).toEqualTypeOf<string[]>();
    expectTypeOf(cmd).toExtend<Command<string>>();
    expectTypeOf(runCommand<'v'>)
      .parameter(1)
      .toEqualTypeOf<Command<'v'>>();
    expectTypeOf<ReturnType<typeof runCommand>>().toEqualTypeOf<Promise<RunResult>>();
    expectTypeOf<'dangling-pad'>().toExtend<BuilderErrorCode>();
    expectTypeOf<Volume>().not.toBeAny();
  });
});
