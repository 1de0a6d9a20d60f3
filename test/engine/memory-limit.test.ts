import { createEngine, type Engine, OutOfMemoryError, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hugeBlackPng } from './huge-png.js';

// memoryLimitMiB holds where memory grows (issue 15): the guest's memory has the limit as its
// declared maximum, so one huge allocation fails inside the guest instead of first taking the host's
// RAM. Worker threads share this process's RSS, so its peak shows what the guest took. This file
// runs in its own process: the peak starts from this file's own baseline.
let engine: Engine;
const MiB = 2 ** 20;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

beforeAll(async () => {
  engine = createEngine({ concurrency: 1 });
  await engine.run(new Volume(), ['-hide_banner', '-version']); // load and compile the build first
});
afterAll(() => engine.close());

describe('R-AF-4: memoryLimitMiB', () => {
  it('R-AF-4: a 16000x16000 16-bit picture stops with OutOfMemoryError near a 256 MiB limit, not GBs later', async () => {
    const vol = new Volume();
    const png = hugeBlackPng(16000); // ~10 MB on disk, 1.5 GB decoded
    vol.writeFileSync('/huge.png', png);
    const before = peakRss();
    const err = await engine
      .run(vol, ['-i', '/huge.png', '-f', 'null', '-'], { memoryLimitMiB: 256 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutOfMemoryError);
    expect((err as Error).message).toMatch(/memory limit of 256 MiB/);
    const grew = peakRss() - before;
    expect(Buffer.from(vol.readFileSync('/huge.png') as Buffer).equals(png)).toBe(true);
    expect(grew).toBeLessThan(256 * MiB + 160 * MiB);
    // The same engine goes on, and a run without a limit is not capped by the last one's.
    const ok = await engine.run(new Volume(), [
      '-f',
      'lavfi',
      '-i',
      'color=size=640x480:d=0.2',
      '-f',
      'null',
      '-',
    ]);
    expect(ok.exitCode).toBe(0);
  });
});
