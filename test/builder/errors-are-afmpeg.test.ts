import {
  AfmpegError,
  BuilderError,
  Command,
  concatList,
  createEngine,
  metadataArg,
  quoteConcatPath,
  rawFilter,
  runCommand,
  type Stream,
  UnknownComponentError,
  Volume,
} from 'afmpeg';
import { describe, expect, it } from 'vitest';

/** What the call threw, or a failure when it did not throw. */
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to throw');
}

// SPEC "Error and input policy": every error the package throws, the builder's included, is an
// AfmpegError, so one `instanceof` catches them all.
const throwers: Array<[string, () => unknown]> = [
  ['metadataArg with a key holding "="', () => metadataArg('a=b', 'x')],
  ['metadataArg with an empty key', () => metadataArg('', 'x')],
  ['quoteConcatPath with a line break', () => quoteConcatPath('a\nb')],
  ['concatList with a line break', () => concatList(['ok.mp4', 'bad\r.mp4'])],
  [
    'an option value that is not a finite number',
    () => new Command().input('a.mp4').filter('scale', { w: Number.NaN, h: 10 }).output('o.mp4').toArgs(),
  ],
  [
    'outputs(n) beyond a filter’s outputs',
    () => new Command().graph((g) => ({ v: g.source('color').outputs(2)[0] })),
  ],
  [
    'iterating a filter with a dynamic output count',
    () =>
      new Command().input('a.mp4').graph((g) => {
        const [v] = g.input(0).video.filter(rawFilter('split=3'));
        return { v: v as Stream };
      }),
  ],
  ['an invalid graph', () => new Command().rawGraph('x', ['0v'])],
];

describe('R-AF-7: the builder throws AfmpegErrors only', () => {
  for (const [what, call] of throwers) {
    it(`${what} throws a BuilderError, which is an AfmpegError`, () => {
      const err = thrown(call);
      expect(err).toBeInstanceOf(BuilderError);
      expect(err).toBeInstanceOf(AfmpegError);
    });
  }
});

describe('R-AF-7 R-AF-9: runCommand refusing a component the build lacks throws an AfmpegError', () => {
  it('UnknownComponentError (lean has no libmp3lame) is an AfmpegError', async () => {
    const engine = createEngine({ variant: 'lean', concurrency: 1 });
    try {
      const cmd = new Command().input('/in.wav').output('/out.mp3', { 'c:a': 'libmp3lame' });
      const err = await runCommand(new Volume(), cmd, { engine }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnknownComponentError);
      expect(err).toBeInstanceOf(AfmpegError);
    } finally {
      await engine.close();
    }
  });
});
