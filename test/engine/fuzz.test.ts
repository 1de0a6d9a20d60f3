import { createHash } from 'node:crypto';
import { AfmpegError, createEngine, type Engine, RunTimeoutError, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzSet } from '../../bench/fuzz-inputs.js';

// A small seeded fuzz set (issue 15): mutated WAV, MP4, PNG and MKV files, made here from a fixed
// seed (nothing committed). Each one decodes through the engine: it may succeed or fail, but a
// failure is a typed AfmpegError, never a hang or an uncaught exception, the input is left as it
// was, and the same engine keeps working. `npm run bench:robustness` runs the same at scale.
const SEED = 15;
const COUNT = 32;
let engine: Engine;
const seeds: Array<{ name: string; bytes: Uint8Array }> = [];
const uncaught: unknown[] = [];
const onUncaught = (err: unknown) => uncaught.push(err);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  engine = createEngine({ concurrency: 2 });
  const vol = new Volume();
  const make = async (name: string, args: string[]) => {
    await engine.run(vol, ['-hide_banner', '-y', ...args, `/${name}`]);
    seeds.push({ name, bytes: new Uint8Array(vol.readFileSync(`/${name}`) as Buffer) });
  };
  await make('tone.wav', ['-f', 'lavfi', '-i', 'sine=duration=0.3:sample_rate=8000']);
  await make('clip.mp4', [
    ...['-f', 'lavfi', '-i', 'testsrc2=size=64x48:rate=10:duration=0.5'],
    ...['-f', 'lavfi', '-i', 'sine=duration=0.5:sample_rate=8000'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest'],
  ]);
  await make('card.png', ['-f', 'lavfi', '-i', 'testsrc2=size=64x48', '-frames:v', '1']);
  await make('clip.mkv', ['-f', 'lavfi', '-i', 'testsrc2=size=64x48:rate=10:duration=0.5', '-c:v', 'png']);
  process.on('uncaughtException', onUncaught);
});
afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await engine.close();
});

describe('R-AF-4: seeded fuzzed inputs', () => {
  it(`R-AF-4: ${COUNT} mutated files: typed outcomes only, no hang, inputs untouched, engine usable`, async () => {
    const vol = new Volume();
    const files = fuzzSet(seeds, COUNT, SEED);
    for (const f of files) vol.writeFileSync(`/${f.name}`, f.bytes);
    const before = files.map((f) => sha(f.bytes));
    const outcomes = await Promise.all(
      files.map((f) =>
        engine.run(vol, ['-hide_banner', '-i', `/${f.name}`, '-f', 'null', '-'], { timeout: 30_000 }).then(
          () => 'ok',
          (err: unknown) => err,
        ),
      ),
    );
    const untyped = outcomes.filter((o) => o !== 'ok' && !(o instanceof AfmpegError));
    expect(untyped).toEqual([]);
    expect(outcomes.filter((o) => o instanceof RunTimeoutError)).toEqual([]);
    // The mutations are not all harmless: some fail, some still decode.
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o !== 'ok').length).toBeGreaterThan(0);
    expect(files.map((f) => sha(new Uint8Array(vol.readFileSync(`/${f.name}`) as Buffer)))).toEqual(before);
    expect(uncaught).toEqual([]);
    const good = await engine.run(vol, ['-f', 'lavfi', '-i', 'sine=duration=0.2', '-y', '/good.wav']);
    expect(good.exitCode).toBe(0);
    expect((await engine.probe(vol, '/good.wav')).streams[0]?.codecName).toBe('pcm_s16le');
  });
});
