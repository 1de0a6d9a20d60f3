import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createEngine,
  type Engine,
  type SyncFileSystem,
  Volume,
  VolumeCapacityError,
  VolumeIOError,
} from 'afmpeg';
import { Volume as MemfsVolume } from 'memfs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_BYTES, MAX_FILE_BYTES } from '../../dist/vfs/chunk-store.js';
import { framemd5Hashes } from './decoded.js';
import { errnoError, interceptIo, offsetWrites } from './intercepted-io.js';
import { countWorkerSpawns } from './worker-spawns.js';

// afmpeg's Volume keeps a file in chunks, so an output may pass 4 GiB; memfs's own Volume keeps it
// in one Node Buffer, at most 4 GiB: there an output that passes it fails with a typed error saying
// so (README, "Limits"); a host mount has no limit. Writes are shifted by 4 GiB (see
// intercepted-io.ts) so nobody writes 4 GiB to prove it: the chunked file is sparse.
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

/** The tail of `path` from byte `at`, decoded as the raw PCM `toRaw` writes: per-frame hashes. */
const pcmHashes = async (vol: Volume, path: string, at: number) => {
  const { stdout } = await engine.run(vol, [
    ...['-hide_banner', '-f', 's16le', '-ar', '8000', '-ac', '1'],
    // s16le seeks by byte: 2 bytes a sample at 8 kHz, so `at` bytes in is `at / 16000` s.
    ...(at > 0 ? ['-ss', String(at / 16000)] : []),
    ...['-i', path, '-f', 'framemd5', 'pipe:1'],
  ]);
  return framemd5Hashes(stdout);
};

describe("R-AF-2: a file across the Volume's chunks", () => {
  it('FFmpeg writes into the Volume byte for byte what it writes to disk, and reads it back from an unaligned offset', async () => {
    // 180 s of 48 kHz stereo s32 noise: 69.1 MB, past the first 64 MiB chunk.
    const noise = ['-f', 'lavfi', '-i', 'anoisesrc=d=180:c=white:seed=15:r=48000', '-ac', '2', '-f', 's32le'];
    const vol = new Volume();
    await engine.run(vol, [...noise, '/noise.raw']);
    await engine.run(new Volume(), [...noise, '/out/noise.raw'], {
      mounts: [{ at: '/out', volume: fs, path: hostDir }],
    });
    const onDisk = fs.readFileSync(join(hostDir, 'noise.raw'));
    expect(onDisk.length).toBe(180 * 48000 * 8);
    expect(onDisk.length).toBeGreaterThan(CHUNK_BYTES);
    expect((vol.readFileSync('/noise.raw') as Buffer).equals(onDisk)).toBe(true);
    // From 1.5 s in (byte 576000), every read-ahead straddles 1 MiB marks, and one the chunk boundary.
    const { stdout } = await engine.run(vol, [
      ...['-hide_banner', '-f', 's32le', '-ar', '48000', '-ac', '2', '-ss', '1.5', '-i', '/noise.raw'],
      ...['-c', 'copy', '-f', 'md5', 'pipe:1'],
    ]);
    const md5 = createHash('md5').update(onDisk.subarray(576000)).digest('hex');
    expect(Buffer.from(stdout).toString().trim()).toBe(`MD5=${md5}`);
  });
});

describe('R-AF-2: outputs past 4 GiB', () => {
  it("R-AF-2: in afmpeg's Volume the output lands past 4 GiB, whole, and FFmpeg reads it back from there", async () => {
    const vol = new Volume();
    const shifted = offsetWrites(vol as unknown as SyncFileSystem, /^\/big\.raw$/, FOUR_GIB);
    const result = await engine.run(shifted, toRaw('/big.raw'));
    expect(result.exitCode).toBe(0);
    expect(vol.statSync('/big.raw').size).toBe(FOUR_GIB + 8000);
    await engine.run(vol, toRaw('/plain.raw'));
    const plain = vol.readFileSync('/plain.raw') as Buffer;
    const tail = Buffer.alloc(8000);
    const fd = vol.openSync('/big.raw', 'r');
    expect(vol.readSync(fd, tail, 0, 8000, FOUR_GIB)).toBe(8000);
    vol.closeSync(fd);
    expect(tail.equals(plain)).toBe(true);
    // FFmpeg seeks past 4 GiB in the volume and decodes the same samples, frame for frame.
    const expected = await pcmHashes(vol, '/plain.raw', 0);
    expect(expected.length).toBeGreaterThan(1);
    expect(await pcmHashes(vol, '/big.raw', FOUR_GIB)).toEqual(expected);
  });

  it.each([
    ["memfs's own Volume, past 4 GiB", () => new MemfsVolume() as unknown as Volume, FOUR_GIB],
    ["afmpeg's Volume, past 16 TiB", () => new Volume(), MAX_FILE_BYTES],
  ] as const)(
    'R-AF-2: in %s: VolumeCapacityError naming the file; inputs intact, engine goes on',
    async (_name, make, offset) => {
      const vol = make();
      vol.writeFileSync('/keep.txt', 'untouched');
      const shifted = offsetWrites(vol as unknown as SyncFileSystem, /^\/big\.raw$/, offset);
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
    },
  );

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

describe('R-AF-4: a volume that fails a write (a full disk, a quota, a failing device) or a read', () => {
  // 2 s of 320x240 H.264 into MP4: FFmpeg 5.1 writes the moov (most of the file's index) last and,
  // when that write fails, prints "Error writing trailer" and exits 0. Before: the run resolved
  // with exit 0 and a file without its index; the refused write is the run's failure.
  const encode = (path: string) => [
    ...['-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', path],
  ];
  /** A volume holding `/keep.txt` whose writes to `/out/x.mp4` fail with `code` past its first 4 KiB. */
  const refusing = (code: string) => {
    const vol = new Volume();
    vol.mkdirSync('/out');
    vol.writeFileSync('/keep.txt', 'untouched');
    const fs = interceptIo(vol as unknown as SyncFileSystem, /^\/out\/x\.mp4$/, {
      write: ({ written, length, write, position }) => {
        if (written + length > 4096) throw errnoError(code, 'refused by the test volume');
        return write(position);
      },
    });
    return { vol, fs };
  };

  it.each([
    [
      'ENOSPC',
      VolumeCapacityError,
      /the volume cannot hold \/out\/x\.mp4: no space is left in it \(ENOSPC\)/,
    ],
    ['EDQUOT', VolumeCapacityError, /the volume cannot hold \/out\/x\.mp4: its quota is used up \(EDQUOT\)/],
    ['EIO', VolumeIOError, /the volume failed a write of \/out\/x\.mp4 \(EIO\): the file is not whole/],
  ] as const)(
    '%s: its typed error naming the file, though FFmpeg exits 0; inputs intact, engine goes on',
    async (code, Type, said) => {
      const { vol, fs } = refusing(code);
      const spawned = spawns.count;
      const err = await engine.run(fs, encode('/out/x.mp4')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Type);
      expect(err).toMatchObject({ path: '/out/x.mp4', code, exitCode: 0 });
      expect((err as Error).message).toMatch(said);
      expect((err as VolumeIOError).stderrTail).toMatch(/Error writing trailer of \/out\/x\.mp4/);
      expect(vol.readFileSync('/keep.txt', 'utf8')).toBe('untouched');
      // FFmpeg exited by itself: the worker is kept, and the next run works.
      await engine.run(fs, encode('/out/y.mp4'));
      expect((await engine.probe(vol, '/out/y.mp4')).streams[0]).toMatchObject({
        codecName: 'h264',
        frameCount: 50,
      });
      expect(spawns.count).toBe(spawned);
    },
  );

  it('a read the volume fails (EIO) past 60 kB of an MPEG-TS input: VolumeIOError, though FFmpeg exits 0', async () => {
    // FFmpeg 5.1 takes a read error for the end of its input: before, the run resolved with exit 0
    // and 16 of the input's 100 frames.
    const vol = new Volume();
    vol.mkdirSync('/out');
    await engine.run(vol, [
      ...['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=4'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'mpegts', '/in.ts'],
    ]);
    const input = new Uint8Array(vol.readFileSync('/in.ts') as Uint8Array);
    const failing = interceptIo(vol as unknown as SyncFileSystem, /^\/in\.ts$/, {
      read: ({ position, read }) => {
        if ((position ?? 0) > 60_000) throw errnoError('EIO', 'the device failed');
        return read();
      },
    });
    const spawned = spawns.count;
    const err = await engine
      .run(failing, ['-i', '/in.ts', '-c:v', 'libx264', '-preset', 'ultrafast', '/out/x.mp4'])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VolumeIOError);
    expect(err).toMatchObject({ path: '/in.ts', operation: 'read', code: 'EIO', exitCode: 0 });
    expect((err as Error).message).toMatch(
      /the volume failed a read of \/in\.ts \(EIO\): the run did not read all of it/,
    );
    expect(new Uint8Array(vol.readFileSync('/in.ts') as Uint8Array)).toEqual(input);
    await engine.run(vol, ['-y', '-i', '/in.ts', '-c:v', 'libx264', '-preset', 'ultrafast', '/out/y.mp4']);
    expect((await engine.probe(vol, '/out/y.mp4')).streams[0]).toMatchObject({ frameCount: 100 });
    expect(spawns.count).toBe(spawned);
  });

  it('with copied volumes (a page without shared memory) the refused change is the same typed error', async () => {
    const copied = createEngine({ concurrency: 1, volumeAccess: 'copied' });
    try {
      const { vol, fs } = refusing('ENOSPC');
      const err = await copied.run(fs, encode('/out/x.mp4')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(VolumeCapacityError);
      expect(err).toMatchObject({ path: '/out/x.mp4', code: 'ENOSPC' });
      expect(vol.readFileSync('/keep.txt', 'utf8')).toBe('untouched');
      await copied.run(fs, encode('/out/y.mp4'));
      expect((await copied.probe(vol, '/out/y.mp4')).streams[0]).toMatchObject({ codecName: 'h264' });
    } finally {
      await copied.close();
    }
  });
});
