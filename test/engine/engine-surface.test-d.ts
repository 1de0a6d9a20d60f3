import {
  type AfmpegError,
  type BuildComponents,
  type BuilderError,
  type BuildIntegrityError,
  type CallbackError,
  type CallerStreamError,
  type CapacityCode,
  type ComponentKind,
  type ComponentList,
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
  type VolumeIOError,
  variantComponents,
  type WorkingDirectoryError,
} from 'afmpeg';
import { describe, expectTypeOf, it } from 'vitest';

describe('the engine surface a builder relies on', () => {
  it('R-AF-4: run/probe take a memfs Volume, node:fs, and argv; an Engine is small', () => {
    const vol = new Volume();
    expectTypeOf(run(vol, ['-i', 'a.mp4', 'b.webm'])).toEqualTypeOf<Promise<RunResult>>();
    expectTypeOf(probe(vol, 'a.mp4')).toEqualTypeOf<Promise<ProbeResult>>();
    expectTypeOf(createEngine({ variant: 'lean', concurrency: 2 })).toEqualTypeOf<Engine>();
    expectTypeOf<keyof Engine>().toEqualTypeOf<'run' | 'probe' | 'close' | 'concurrency' | 'components'>();
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
    expectTypeOf<VolumeCapacityError['code']>().toEqualTypeOf<CapacityCode>();
    expectTypeOf<VolumeIOError>().toMatchTypeOf<FFmpegExitError>();
    expectTypeOf<VolumeIOError['operation']>().toEqualTypeOf<'read' | 'write'>();
    expectTypeOf<EngineClosedError>().toMatchTypeOf<AfmpegError>();
    expectTypeOf<BuildIntegrityError>().toMatchTypeOf<AfmpegError>();
    expectTypeOf(new FFmpegExitError(1, [], '')).toMatchTypeOf<AfmpegError>();
    expectTypeOf<MissingInputError>().toMatchTypeOf<FFmpegExitError>();
    expectTypeOf<InvalidMediaError>().toMatchTypeOf<FFmpegExitError>();
    // Not an FFmpegExitError: runCommand raises it before FFmpeg starts, with no exit code.
    expectTypeOf<UnknownComponentError>().toMatchTypeOf<AfmpegError>();
    expectTypeOf<UnknownComponentError>().not.toMatchTypeOf<FFmpegExitError>();
    expectTypeOf<UnknownComponentError['exitCode']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<UnknownComponentError['kind']>().toEqualTypeOf<ComponentKind>();
    expectTypeOf<PathEscapeError>().toMatchTypeOf<FFmpegExitError>();
    expectTypeOf<ReadOnlyMountError>().toMatchTypeOf<FFmpegExitError>();
    expectTypeOf<OutOfMemoryError>().toMatchTypeOf<GuestTrapError>();
    expectTypeOf<RunAbortedError>().toMatchTypeOf<AfmpegError>();
    expectTypeOf<RunTimeoutError>().toMatchTypeOf<AfmpegError>();
    expectTypeOf<FFmpegExitError['exitCode']>().toEqualTypeOf<number>();
  });

  it('R-AF-9: what a build carries is typed and read-only', async () => {
    const components = await createEngine().components?.();
    expectTypeOf(components).toEqualTypeOf<BuildComponents | undefined>();
    expectTypeOf(variantComponents('lean')).toEqualTypeOf<BuildComponents>();
    expectTypeOf<BuildComponents['muxers']>().toEqualTypeOf<ComponentList>();
    expectTypeOf<BuildComponents['protocols']['input']['listing']>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<ComponentList['names']>().toEqualTypeOf<ReadonlySet<string>>();
    // @ts-expect-error a listing cannot be changed
    variantComponents('gpl').filters.listing.push('x');
    // @ts-expect-error nor the build's lists replaced
    variantComponents('gpl').filters = variantComponents('lean').filters;
  });
});
