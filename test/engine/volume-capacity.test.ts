import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine, type SyncFileSystem, Volume, VolumeCapacityError } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offsetWrites } from './offset-volume.js';
import { countWorkerSpawns } from './worker-spawns.js';

// An in-memory (memfs) file is one Node Buffer, at most 4 GiB: an output that passes it fails
// with a typed error saying so (README, "Limits"); a host mount has no such limit. Writes are
// shifted by 4 GiB (see offset-volume.ts) so nobody writes 4 GiB to prove it.
const FOUR_GIB = 2 ** 32;
let engine: Engine;
let hostDir: string;
const spawns = countWorkerSpawns();
/** 0.5 s of 8 kHz mono s16: 8 kB of raw PCM. */
const toRaw = (path: string) => [
  '-f',
  'lavfi',
  '-i',
  'sine=sample_rate=8000:duration=0.5',
  '-f',
  's16le',
  path,
];

beforeAll(async () => {
  engine = createEngine({ concurrency: 1 });
  hostDir = mkdtempSync(join(tmpdir(), 'afmpeg-4gib-'));
  await engine.run(new Volume(), ['-hide_banner', '-version']); // the worker exists before counting
});
afterAll(async () => {
  spawns.stop();
  rmSync(hostDir, { recursive: true, force: true });
  await engine.close();
});

describe('R-AF-2: outputs past 4 GiB', () => {
  it('R-AF-2: in a memfs volume: VolumeCapacityError naming the file; inputs intact, engine goes on', async () => {
    const vol = new Volume();
    vol.writeFileSync('/keep.txt', 'untouched');
    const shifted = offsetWrites(vol as unknown as SyncFileSystem, /^\/big\.raw$/, FOUR_GIB);
    const spawned = spawns.count;
    const err = await engine.run(shifted, toRaw('/big.raw')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VolumeCapacityError);
    expect(err).toMatchObject({ path: '/big.raw' });
    expect((err as Error).message).toMatch(/the volume cannot hold \/big\.raw/);
    // Whatever FFmpeg's exit (native FFmpeg 5.1 exits 0 after "Error writing trailer" on a full
    // disk), the run rejects: the output is not whole.
    expect(vol.readFileSync('/keep.txt', 'utf8')).toBe('untouched');
    // FFmpeg exited by itself: the worker is kept, and the next run works.
    await engine.run(vol, toRaw('/small.raw'));
    expect(vol.statSync('/small.raw').size).toBe(8000);
    expect(spawns.count).toBe(spawned);
  });

  it('R-AF-2: on a host mount the same output lands past 4 GiB (a sparse file) and the run succeeds', async () => {
    const host = offsetWrites(fs as unknown as SyncFileSystem, /\/big\.raw$/, FOUR_GIB);
    const result = await engine.run(new Volume(), toRaw('/out/big.raw'), {
      mounts: [{ at: '/out', volume: host, path: hostDir }],
    });
    expect(result.exitCode).toBe(0);
    const file = join(hostDir, 'big.raw');
    expect(fs.statSync(file).size).toBe(FOUR_GIB + 8000);
    // The bytes past 4 GiB are FFmpeg's PCM, the same as a plain run writes.
    const plain = new Volume();
    await engine.run(plain, toRaw('/plain.raw'));
    const tail = Buffer.alloc(8000);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, tail, 0, 8000, FOUR_GIB);
    } finally {
      fs.closeSync(fd);
    }
    expect(tail.equals(plain.readFileSync('/plain.raw') as Buffer)).toBe(true);
  });
});
