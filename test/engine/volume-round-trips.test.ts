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
