import { createEngine, type Engine, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let engine: Engine;
beforeAll(async () => {
  engine = createEngine({ concurrency: 2 });
  // Both workers started and their module compiled first: a cold second worker starts hundreds of
  // milliseconds after the first, longer than the first test's short jobs take.
  await Promise.all([0, 1].map(() => engine.run(new Volume(), ['-hide_banner', '-version'])));
});
afterAll(() => engine.close());

function tone(freq: number, seconds: number): string[] {
  return ['-f', 'lavfi', '-i', `sine=frequency=${freq}:duration=${seconds}`, '-c:a', 'aac', '/out.m4a'];
}

describe('R-AF-12: parallel runs', () => {
  it('R-AF-12: runs on separate volumes proceed at once and never see each other', async () => {
    const volumes = [new Volume(), new Volume(), new Volume()];
    volumes[0]?.writeFileSync('/only-in-0.txt', 'zero');
    const started: number[] = [];
    const ended: number[] = [];
    const results = await Promise.all(
      volumes.map((vol, i) =>
        engine
          .run(vol, tone(300 + 100 * i, 1 + i), {
            onStderr: () => {
              started[i] ??= performance.now();
            },
          })
          .then((r) => {
            ended[i] = performance.now();
            return r;
          }),
      ),
    );
    expect(results.map((r) => r.exitCode)).toEqual([0, 0, 0]);
    // With two workers the first two ran at once: each started before the other ended.
    const [s0, s1] = started as [number, number];
    const [e0, e1] = ended as [number, number];
    expect(s1).toBeLessThan(e0);
    expect(s0).toBeLessThan(e1);
    // The third waited for a free worker: it started only after one of the first two ended.
    expect(started[2]).toBeGreaterThan(Math.min(e0, e1));
    for (const [i, vol] of volumes.entries()) {
      const info = await engine.probe(vol, '/out.m4a');
      expect(info.format.duration).toBeCloseTo(1 + i, 1);
      expect((vol.readdirSync('/') as string[]).sort()).toEqual(
        i === 0 ? ['only-in-0.txt', 'out.m4a'] : ['out.m4a'],
      );
    }
  });

  it('R-AF-12: more jobs than workers queue and all complete', async () => {
    const vol = new Volume();
    const jobs = Array.from({ length: 5 }, (_, i) =>
      engine.run(vol, ['-f', 'lavfi', '-i', `sine=frequency=${200 + i * 50}:duration=0.5`, `/tone${i}.wav`]),
    );
    await Promise.all(jobs);
    for (let i = 0; i < 5; i++) {
      const info = await engine.probe(vol, `/tone${i}.wav`);
      expect(info.streams[0]).toMatchObject({ codecName: 'pcm_s16le', sampleRate: 44100 });
    }
  });

  it('R-AF-12: 12 jobs on one shared volume at concurrency 3: no output crossed or lost', async () => {
    const wide = createEngine({ concurrency: 3 });
    try {
      const vol = new Volume();
      const jobs = Array.from({ length: 12 }, (_, i) =>
        wide.run(vol, [
          ...[
            '-f',
            'lavfi',
            '-i',
            `sine=frequency=${200 + 40 * i}:sample_rate=8000:duration=${0.1 + 0.02 * i}`,
          ],
          ...['-metadata', `comment=job-${i}`, '-f', 'wav', '-y', 'pipe:1'],
        ]),
      );
      const results = await Promise.all(jobs);
      for (const [i, r] of results.entries()) {
        // Each captured stdout is its own job's WAV: its tag and its length.
        expect(Buffer.from(r.stdout).includes(`job-${i}\0`)).toBe(true);
        const samples = Math.round(8000 * (0.1 + 0.02 * i));
        const data = Buffer.from(r.stdout).indexOf('data', 12, 'latin1');
        expect(r.stdout.length - data - 8).toBe(samples * 2);
      }
    } finally {
      await wide.close();
    }
  });

  it('R-AF-8: a closed engine rejects further runs', async () => {
    const other = createEngine({ concurrency: 1 });
    await other.run(new Volume(), ['-hide_banner', '-version']);
    await other.close();
    await expect(other.run(new Volume(), ['-version'])).rejects.toMatchObject({ name: 'EngineClosedError' });
  });

  it('R-AF-8: closing an engine mid-run rejects that run with EngineClosedError', async () => {
    const other = createEngine({ concurrency: 1 });
    const running = other.run(new Volume(), ['-f', 'lavfi', '-i', 'testsrc2', '-f', 'null', '-'], {
      onProgress: () => void other.close(),
    });
    await expect(running).rejects.toMatchObject({ name: 'EngineClosedError' });
  });
});
