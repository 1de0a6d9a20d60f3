import {
  type AfmpegError,
  type BuilderError,
  type BuildIntegrityError,
  type CallbackError,
  type CallerStreamError,
  createEngine,
  type Engine,
  type EngineClosedError,
  FFmpegExitError,
  type GuestTrapError,
  type InvalidMediaError,
  type MissingInputError,
  type OutOfMemoryError,
  type PathEscapeError,
  type ProbeResult,
  probe,
  type ReadOnlyMountError,
  type RunAbortedError,
  type RunResult,
  type RunTimeoutError,
  run,
  type UnknownComponentError,
  Volume,
  type VolumeCapacityError,
  type WorkingDirectoryError,
} from 'afmpeg';
import { describe, expectTypeOf, it } from 'vitest';

describe('the engine surface a builder relies on', () => {
  it('R-AF-4: run/probe take a memfs Volume, node:fs, and argv; an Engine is small', () => {
    const vol = new Volume();
    expectTypeOf(run(vol, ['-i', 'a.mp4', 'b.webm'])).toEqualTypeOf<Promise<RunResult>>();
    expectTypeOf(probe(vol, 'a.mp4')).toEqualTypeOf<Promise<ProbeResult>>();
    expectTypeOf(createEngine({ variant: 'lean', concurrency: 2 })).toEqualTypeOf<Engine>();
    expectTypeOf<keyof Engine>().toEqualTypeOf<'run' | 'probe' | 'close' | 'concurrency'>();
    expectTypeOf<RunResult['stdout']>().toEqualTypeOf<Uint8Array>();
    expectTypeOf<ProbeResult['streams'][number]['frameRate']>().toEqualTypeOf<
      { num: number; den: number; value: number | undefined } | undefined
    >();
  });

  it('R-AF-4 R-AF-8: AfmpegError is nominal: a plain Error (or any look-alike) is not one', () => {
    expectTypeOf<Error>().not.toMatchTypeOf<AfmpegError>();
    expectTypeOf<TypeError>().not.toMatchTypeOf<AfmpegError>();
    expectTypeOf<{ name: string; message: string; stack?: string }>().not.toMatchTypeOf<AfmpegError>();
  });

  it('R-AF-4 R-AF-8: every error class, the builder’s included, shares AfmpegError', () => {
    expectTypeOf<BuilderError>().toMatchTypeOf<AfmpegError>();
    expectTypeOf<CallbackError>().toMatchTypeOf<AfmpegError>();
    expectTypeOf<CallerStreamError>().toMatchTypeOf<AfmpegError>();
    expectTypeOf<WorkingDirectoryError>().toMatchTypeOf<AfmpegError>();
    expectTypeOf<VolumeCapacityError>().toMatchTypeOf<FFmpegExitError>();
    expectTypeOf<EngineClosedError>().toMatchTypeOf<AfmpegError>();
    expectTypeOf<BuildIntegrityError>().toMatchTypeOf<AfmpegError>();
    expectTypeOf(new FFmpegExitError(1, [], '')).toMatchTypeOf<AfmpegError>();
    expectTypeOf<MissingInputError>().toMatchTypeOf<FFmpegExitError>();
    expectTypeOf<InvalidMediaError>().toMatchTypeOf<FFmpegExitError>();
    expectTypeOf<UnknownComponentError>().toMatchTypeOf<FFmpegExitError>();
    expectTypeOf<PathEscapeError>().toMatchTypeOf<FFmpegExitError>();
    expectTypeOf<ReadOnlyMountError>().toMatchTypeOf<FFmpegExitError>();
    expectTypeOf<OutOfMemoryError>().toMatchTypeOf<GuestTrapError>();
    expectTypeOf<RunAbortedError>().toMatchTypeOf<AfmpegError>();
    expectTypeOf<RunTimeoutError>().toMatchTypeOf<AfmpegError>();
    expectTypeOf<FFmpegExitError['exitCode']>().toEqualTypeOf<number>();
  });
});
