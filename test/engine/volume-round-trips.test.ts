// Opening a file on the caller's volume from a worker is one round trip however deep the path
// (issue 14: it was one per path component, plus a stat, plus the open), and reads are answered
// from the shared data area itself. Real host, real channel, real worker thread, real memfs volume.
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { Volume } from 'afmpeg';
import { expect, it } from 'vitest';
import { createChannelBuffers } from '../../dist/engine/rpc-channel.js';
import { VolumeServer } from '../../dist/engine/volume-server.js';
import { backendFromFs, type SyncFileSystem } from '../../dist/vfs/volume-backend.js';

interface Opened {
  path: string;
  openTrips: number;
  readTrips: number;
  views: boolean;
  bytes: Uint8Array;
}

it('R-AF-2: an open is one round trip (two through a symlink); reads are views of the shared area, in 1 MiB fetches', async () => {
  const vol = new Volume();
  const content = randomBytes(3 * 2 ** 20 + 123);
  vol.mkdirSync('/a/b/c/d/e', { recursive: true });
  vol.writeFileSync('/a/b/c/d/e/in.bin', content);
  vol.writeFileSync('/top.bin', content.subarray(0, 10));
  vol.symlinkSync('/a/b/c/d/e', '/link');
  const channel = createChannelBuffers();
  const server = new VolumeServer(channel, [backendFromFs(vol as unknown as SyncFileSystem)], undefined);
  const worker = new Worker(new URL('./fixtures/round-trip-worker.mjs', import.meta.url), {
    workerData: {
      dist: new URL('../../dist/', import.meta.url).href,
      channel,
      paths: ['top.bin', 'a/b/c/d/e/in.bin', 'link/in.bin'],
    },
  });
  try {
    const results = await new Promise<Opened[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(results.map((r) => [r.path, r.openTrips])).toEqual([
      ['top.bin', 1],
      ['a/b/c/d/e/in.bin', 1],
      ['link/in.bin', 2],
    ]);
    for (const r of results) expect(r.views, r.path).toBe(true);
    expect(Buffer.from(results[0]?.bytes ?? []).equals(content.subarray(0, 10))).toBe(true);
    const deep = results[1] as Opened;
    expect(Buffer.from(deep.bytes).equals(content)).toBe(true);
    // Read-ahead: 64 KiB doubling to 1 MiB, so 3 MiB take 64+128+256+512 KiB, then 1 MiB fetches.
    expect(deep.readTrips).toBeLessThanOrEqual(8);
    expect(server.fatal).toBeUndefined();
  } finally {
    server.close();
    await worker.terminate();
  }
});

interface Interleaved {
  twoInTurn: { trips: number; first: Uint8Array; second: Uint8Array };
  sameFileTwice: { trips: number; first: Uint8Array; second: Uint8Array };
  readBetweenWrites: { trips: number; read: Uint8Array };
  readBack: Array<{ length: number; last: number; size: number }>;
  filestat: { trips: number; stats: Array<{ size: number; ino: bigint }>; path: bigint };
}

it('R-AF-2: files read in turn, or between writes of another, keep their read-ahead; an fd is stat-ed once', async () => {
  const vol = new Volume();
  const a = randomBytes(3 * 2 ** 20 + 7);
  const b = randomBytes(2 * 2 ** 20 + 11);
  vol.writeFileSync('/a.bin', a);
  vol.writeFileSync('/b.bin', b);
  const channel = createChannelBuffers();
  const server = new VolumeServer(channel, [backendFromFs(vol as unknown as SyncFileSystem)], undefined);
  const worker = new Worker(new URL('./fixtures/interleaved-io-worker.mjs', import.meta.url), {
    workerData: { dist: new URL('../../dist/', import.meta.url).href, channel },
  });
  try {
    const r = await new Promise<Interleaved>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(Buffer.from(r.twoInTurn.first).equals(a)).toBe(true);
    expect(Buffer.from(r.twoInTurn.second).equals(b)).toBe(true);
    // 64 KiB doubling to 1 MiB for each file: 8 fetches and 7. Each read refetched when any other
    // call cleared the shared data area: 170 round trips.
    expect(r.twoInTurn.trips).toBeLessThanOrEqual(15);
    // The same file through two fds: what one fetched serves the other, as if read once (16 apart).
    expect(Buffer.from(r.sameFileTwice.first).equals(a)).toBe(true);
    expect(Buffer.from(r.sameFileTwice.second).equals(a)).toBe(true);
    expect(r.sameFileTwice.trips).toBeLessThanOrEqual(8);
    expect(Buffer.from(r.readBetweenWrites.read).equals(a)).toBe(true);
    const reversed = Buffer.concat(
      Array.from({ length: Math.ceil(a.length / 32768) }, (_, i) =>
        Buffer.from(a.subarray(i * 32768, (i + 1) * 32768)).reverse(),
      ),
    );
    expect(Buffer.from(vol.readFileSync('/out.bin') as Buffer).equals(reversed)).toBe(true);
    // 8 fetches and the 3 MiB written in four batches; a read flushed the writes before it: 194.
    expect(r.readBetweenWrites.trips).toBeLessThanOrEqual(12);
    // Read back through another fd as it grows: every write is there, and its size with it.
    expect(r.readBack).toEqual([
      { length: 1000, last: 65, size: 1000 },
      { length: 2000, last: 66, size: 2000 },
      { length: 3000, last: 67, size: 3000 },
      { length: 4000, last: 68, size: 4000 },
    ]);
    // stat and metadata-hash, three times over: one `fstat` (it was six calls).
    expect(r.filestat.trips).toBe(1);
    expect(r.filestat.stats.map((s) => s.size)).toEqual([a.length, a.length, a.length]);
    for (const s of r.filestat.stats) expect(s.ino).toBe(r.filestat.path);
    expect(server.fatal).toBeUndefined();
  } finally {
    server.close();
    await worker.terminate();
  }
});
