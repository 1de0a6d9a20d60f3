// afmpeg's Volume is memfs's, with each file's bytes in chunks (src/vfs/volume.ts): memfs's
// public API, unchanged, across chunk boundaries and past 4 GiB. FFmpeg over it is in
// test/engine/volume-capacity.test.ts.
import { randomBytes } from 'node:crypto';
import { Volume } from 'afmpeg';
import { Volume as MemfsVolume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES } from '../../dist/vfs/chunk-store.js';

const FOUR_GIB = 2 ** 32;
/** A chunk and a bit: every whole-file call below crosses a chunk boundary. */
const big = randomBytes(CHUNK_BYTES + 1000);

const streamed = (stream: NodeJS.ReadableStream): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    stream.on('data', (b: Buffer) => parts.push(b));
    stream.on('end', () => resolve(Buffer.concat(parts)));
    stream.on('error', reject);
  });

describe('R-AF-2: the Volume keeps memfs API across chunk boundaries', () => {
  it.each<[string, (vol: Volume) => Buffer]>([
    ['writeFileSync / readFileSync', (vol) => vol.readFileSync('/big') as Buffer],
    [
      'readSync in 1 MiB pieces',
      (vol) => {
        const out = Buffer.alloc(big.length);
        const fd = vol.openSync('/big', 'r');
        for (let at = 0; at < out.length; )
          at += vol.readSync(fd, out, at, Math.min(2 ** 20, out.length - at), null);
        vol.closeSync(fd);
        return out;
      },
    ],
    [
      'writeSync in 1 MiB pieces from offsets into one buffer',
      (vol) => {
        const fd = vol.openSync('/pieces', 'w');
        for (let at = 0; at < big.length; )
          at += vol.writeSync(fd, big, at, Math.min(2 ** 20, big.length - at));
        vol.closeSync(fd);
        return vol.readFileSync('/pieces') as Buffer;
      },
    ],
    [
      'copyFileSync',
      (vol) => {
        vol.copyFileSync('/big', '/copy');
        return vol.readFileSync('/copy') as Buffer;
      },
    ],
    [
      'appendFileSync in 3 parts',
      (vol) => {
        const cut = [0, 1000, CHUNK_BYTES - 7, big.length];
        for (let i = 0; i < 3; i++) vol.appendFileSync('/appended', big.subarray(cut[i], cut[i + 1]));
        return vol.readFileSync('/appended') as Buffer;
      },
    ],
  ])('%s gives the bytes back', (_name, readBack) => {
    const vol = new Volume();
    vol.writeFileSync('/big', big);
    expect(vol.statSync('/big').size).toBe(big.length);
    expect(readBack(vol).equals(big)).toBe(true);
  });

  it('createReadStream gives the bytes back', async () => {
    const vol = new Volume();
    vol.writeFileSync('/big', big);
    expect((await streamed(vol.createReadStream('/big'))).equals(big)).toBe(true);
  });

  it('truncateSync down across a boundary, then up: the cut part reads as zeros', () => {
    const vol = new Volume();
    vol.writeFileSync('/big', big);
    vol.truncateSync('/big', 10);
    vol.truncateSync('/big', big.length);
    const back = vol.readFileSync('/big') as Buffer;
    expect(back.subarray(0, 10).equals(big.subarray(0, 10))).toBe(true);
    expect(back.subarray(10).equals(Buffer.alloc(big.length - 10))).toBe(true);
  });

  it('fromJSON, fromNestedJSON and reset keep chunked files; toJSON reads them', () => {
    for (const vol of [
      Volume.fromJSON({ '/a/b.txt': 'json' }),
      Volume.fromNestedJSON({ a: { 'b.txt': 'json' } }, '/'),
    ]) {
      expect(vol).toBeInstanceOf(Volume);
      expect(vol.toJSON()).toEqual({ '/a/b.txt': 'json' });
      // Chunked: a write past 4 GiB fits (memfs's own file would throw RangeError).
      const fd = vol.openSync('/a/b.txt', 'r+');
      vol.writeSync(fd, Buffer.from('!'), 0, 1, FOUR_GIB);
      vol.closeSync(fd);
      expect(vol.statSync('/a/b.txt').size).toBe(FOUR_GIB + 1);
      vol.reset();
      vol.writeFileSync('/c', 'x');
      vol.truncateSync('/c', FOUR_GIB + 1);
      expect(vol.statSync('/c').size).toBe(FOUR_GIB + 1);
    }
  });
});

describe('R-AF-2: a file past 4 GiB in the Volume', () => {
  const sparse = () => {
    const vol = new Volume();
    const fd = vol.openSync('/huge', 'w+');
    vol.writeSync(fd, Buffer.from('head'), 0, 4, 0);
    vol.writeSync(fd, Buffer.from('tail'), 0, 4, FOUR_GIB + 10);
    vol.closeSync(fd);
    return vol;
  };

  it('holds it: size, the bytes past 4 GiB and the hole before them', () => {
    const vol = sparse();
    expect(vol.statSync('/huge').size).toBe(FOUR_GIB + 14);
    const fd = vol.openSync('/huge', 'r');
    const tail = Buffer.alloc(20, '#');
    expect(vol.readSync(fd, tail, 0, 20, FOUR_GIB + 2)).toBe(12);
    expect(tail.toString('latin1')).toBe(`${'\0'.repeat(8)}tail${'#'.repeat(8)}`);
    vol.closeSync(fd);
  });

  it('streams from past 4 GiB (createReadStream with start)', async () => {
    const vol = sparse();
    const tail = await streamed(vol.createReadStream('/huge', { start: FOUR_GIB + 8 }));
    expect(tail.toString('latin1')).toBe('\0\0tail');
  });

  it('readFileSync throws as Node does for a file no Buffer holds (ERR_FS_FILE_TOO_LARGE)', () => {
    const vol = sparse();
    expect(() => vol.readFileSync('/huge')).toThrow(
      expect.objectContaining({ name: 'RangeError', code: 'ERR_FS_FILE_TOO_LARGE' }),
    );
    // And the file is still whole.
    expect(vol.statSync('/huge').size).toBe(FOUR_GIB + 14);
  });

  it("memfs's own Volume cannot hold it (why afmpeg's exists): RangeError", () => {
    const vol = new MemfsVolume();
    const fd = vol.openSync('/huge', 'w+');
    expect(() => vol.writeSync(fd, Buffer.from('tail'), 0, 4, FOUR_GIB + 10)).toThrow(RangeError);
  });
});
