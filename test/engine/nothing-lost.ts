import { AfmpegError, type Engine, type Volume } from 'afmpeg';
import { expect } from 'vitest';
import { snapshot } from './media-fixtures.js';

/**
 * The error policy after a failure: the caller's inputs under `/in` are byte-identical to
 * `before`, and the same engine completes a real run (a remux of `/in/src.mp4`, probed).
 */
export async function expectNothingLost(
  engine: Engine,
  vol: Volume,
  before: Record<string, string>,
): Promise<void> {
  expect(snapshot(vol, '/in')).toEqual(before);
  await engine.run(vol, ['-i', '/in/src.mp4', '-c', 'copy', '-y', '/out/after.mkv']);
  const info = await engine.probe(vol, '/out/after.mkv');
  expect(info.streams.map((s) => s.codecName).sort()).toEqual(['aac', 'h264']);
}

/** The rejection of `promise`, which must be an `AfmpegError`. */
export async function failure(promise: Promise<unknown>): Promise<AfmpegError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AfmpegError);
  return err as AfmpegError;
}
