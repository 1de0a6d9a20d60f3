// The chunked file store under afmpeg's Volume, on its own: chunks of 8 bytes so that every case
// crosses boundaries with a few bytes; the real chunk size and offsets past 4 GiB at the end.
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, ChunkStore, MAX_FILE_BYTES } from '../../dist/vfs/chunk-store.js';

type Op = ['write', number, string] | ['truncate', number];

/** Runs the ops on a store of 8-byte chunks; the file's bytes as a string, holes as '.'. */
function contents(ops: readonly Op[]): string {
  const store = new ChunkStore(8);
  for (const op of ops) {
    if (op[0] === 'write') expect(store.write(Buffer.from(op[2], 'latin1'), op[1])).toBe(op[2].length);
    else store.truncate(op[1]);
  }
  // Filled first: a hole must be read as zeros, not left as it was.
  const bytes = Buffer.alloc(store.size, '#');
  expect(store.read(bytes, 0)).toBe(store.size);
  return bytes.toString('latin1').replaceAll('\0', '.');
}

describe('R-AF-2: ChunkStore, small chunks (8 bytes unless said)', () => {
  it.each<[string, Op[], string]>([
    ['empty', [], ''],
    ['inside the first chunk', [['write', 0, 'abc']], 'abc'],
    ['exactly one chunk', [['write', 0, '01234567']], '01234567'],
    ['across a boundary', [['write', 0, '0123456789AB']], '0123456789AB'],
    ['across three chunks', [['write', 3, 'abcdefghijklmnopqrs']], '...abcdefghijklmnopqrs'],
    [
      'overwrite across a boundary',
      [
        ['write', 0, '0123456789AB'],
        ['write', 6, 'wxyz'],
      ],
      '012345wxyzAB',
    ],
    [
      'appends, byte by byte, past two boundaries',
      'abcdefghijklmnopqrst'.split('').map((c, i): Op => ['write', i, c]),
      'abcdefghijklmnopqrst',
    ],
    [
      'a write past the end leaves a hole of zeros',
      [
        ['write', 0, 'a'],
        ['write', 5, 'b'],
      ],
      'a....b',
    ],
    [
      'a hole of whole chunks',
      [
        ['write', 0, 'a'],
        ['write', 30, 'b'],
      ],
      `a${'.'.repeat(29)}b`,
    ],
    ['a sparse file: the first write far out', [['write', 20, 'Z']], `${'.'.repeat(20)}Z`],
    [
      'filling a hole later',
      [
        ['write', 20, 'Z'],
        ['write', 7, 'hi'],
      ],
      '.......hi...........Z',
    ],
    [
      'truncate down inside a chunk',
      [
        ['write', 0, '0123456789AB'],
        ['truncate', 5],
      ],
      '01234',
    ],
    [
      'truncate down, then up: the cut bytes read as zeros',
      [
        ['write', 0, '0123456789AB'],
        ['truncate', 5],
        ['truncate', 12],
      ],
      '01234.......',
    ],
    [
      'truncate down to a boundary, then write past it',
      [
        ['write', 0, '0123456789ABCDEF'],
        ['truncate', 8],
        ['write', 10, 'x'],
      ],
      '01234567..x',
    ],
    [
      'truncate up allocates a hole',
      [
        ['write', 0, 'ab'],
        ['truncate', 20],
      ],
      `ab${'.'.repeat(18)}`,
    ],
    [
      'truncate to 0, then write',
      [
        ['write', 0, '0123456789'],
        ['truncate', 0],
        ['write', 2, 'x'],
      ],
      '..x',
    ],
    [
      'truncate down, then a write past the end reads zeros in the gap',
      [
        ['write', 0, 'abcdefghijklmnop'],
        ['truncate', 3],
        ['write', 6, 'Z'],
      ],
      'abc...Z',
    ],
  ])('%s', (_name, ops, expected) => {
    expect(contents(ops)).toBe(expected);
  });

  it.each<[string, number, number, string, number]>([
    // [case, position, target length, bytes read, count]
    ['inside a chunk', 2, 3, '234', 3],
    ['across a boundary', 5, 6, '56789A', 6],
    ['across two boundaries', 7, 12, '789ABCDEFGHI', 12],
    ['short at the end of file', 18, 10, 'IJ', 2],
    ['at the end of file', 20, 4, '', 0],
    ['past the end of file', 25, 4, '', 0],
  ])('read %s', (_name, position, length, expected, count) => {
    const store = new ChunkStore(8);
    store.write(Buffer.from('0123456789ABCDEFGHIJ', 'latin1'), 0);
    const target = Buffer.alloc(length, '#');
    expect(store.read(target, position)).toBe(count);
    expect(target.subarray(0, count).toString('latin1')).toBe(expected);
    // Nothing past the count is touched.
    expect(target.subarray(count).toString('latin1')).toBe('#'.repeat(length - count));
  });

  it('the first chunk grows in steps (64, 128, 256 bytes) and keeps its bytes', () => {
    const store = new ChunkStore(256);
    const expected = Buffer.from(Array.from({ length: 300 }, (_, i) => (i % 251) + 1));
    for (let i = 0; i < expected.length; i++) store.write(expected.subarray(i, i + 1), i);
    const back = Buffer.alloc(300);
    expect(store.read(back, 0)).toBe(300);
    expect(back.equals(expected)).toBe(true);
  });

  it('matches a plain buffer over 2000 seeded random writes, reads and truncates', () => {
    let seed = 15;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const store = new ChunkStore(8);
    let model = Buffer.alloc(0);
    for (let i = 0; i < 2000; i++) {
      const kind = random(10);
      const position = random(80);
      if (kind < 6) {
        const data = Buffer.from(Array.from({ length: random(20) + 1 }, () => random(255) + 1));
        store.write(data, position);
        const end = Math.max(model.length, position + data.length);
        model = Buffer.concat([model, Buffer.alloc(end - model.length)]);
        data.copy(model, position);
      } else if (kind < 8) {
        store.truncate(position);
        model = Buffer.concat([
          model.subarray(0, position),
          Buffer.alloc(Math.max(0, position - model.length)),
        ]);
      } else {
        const target = Buffer.alloc(random(30), 0xee);
        const n = store.read(target, position);
        expect(n).toBe(Math.max(0, Math.min(target.length, model.length - position)));
        expect(target.subarray(0, n).equals(model.subarray(position, position + n))).toBe(true);
      }
      expect(store.size).toBe(model.length);
    }
    const all = Buffer.alloc(store.size);
    store.read(all, 0);
    expect(all.equals(model)).toBe(true);
  });
});

describe('R-AF-2: ChunkStore at its real size', () => {
  it('holds bytes past 4 GiB, written across a chunk boundary; the hole before reads as zeros', () => {
    const store = new ChunkStore();
    const at = 2 ** 32 - 3; // the write spans 4 GiB, which is also a chunk boundary
    expect(2 ** 32 % CHUNK_BYTES).toBe(0);
    store.write(Buffer.from('abcdefgh'), at);
    expect(store.size).toBe(2 ** 32 + 5);
    const back = Buffer.alloc(12, '#');
    expect(store.read(back, at - 2)).toBe(10);
    expect(back.toString('latin1')).toBe('\0\0abcdefgh##');
    // The hole before it reads as zeros.
    const hole = Buffer.alloc(16, '#');
    expect(store.read(hole, 2 ** 31)).toBe(16);
    expect(hole.equals(Buffer.alloc(16))).toBe(true);
  });

  it('a file past MAX_FILE_BYTES is EFBIG, by write or truncate, and the file is unchanged', () => {
    const store = new ChunkStore();
    store.write(Buffer.from('keep'), 0);
    expect(() => store.write(Buffer.from('x'), MAX_FILE_BYTES)).toThrow(
      expect.objectContaining({ code: 'EFBIG' }),
    );
    expect(() => store.truncate(MAX_FILE_BYTES + 1)).toThrow(expect.objectContaining({ code: 'EFBIG' }));
    expect(store.size).toBe(4);
  });
});
