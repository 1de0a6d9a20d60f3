import { crc32 } from 'node:zlib';

/** Writes bits LSB-first into bytes, as deflate packs them. */
class BitWriter {
  readonly bytes: Uint8Array;
  #bit = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }
  /** `count` bits of `value`, least significant first (header fields, extra bits). */
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.#put((value >> i) & 1);
  }
  /** A Huffman code, most significant bit first. */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.#put((value >> i) & 1);
  }
  #put(bit: number): void {
    const at = this.#bit >> 3;
    this.bytes[at] = (this.bytes[at] as number) | (bit << (this.#bit & 7));
    this.#bit++;
  }
  get length(): number {
    return (this.#bit + 7) >> 3;
  }
}

/**
 * A zlib stream of `size` zero bytes, written directly with deflate's fixed Huffman codes
 * (a literal 0, then "repeat 258 at distance 1" over and over): ~13 bits per 258 bytes, made in
 * milliseconds, where zlib itself would spend seconds compressing 1.5 GB of zeros.
 */
function zerosZlib(size: number): Uint8Array {
  const runs = Math.floor((size - 1) / 258);
  const tail = size - 1 - runs * 258;
  const w = new BitWriter(Math.ceil(((runs * 13 + (tail + 1) * 8 + 10) * 1) / 8) + 16);
  w.bits(0x78, 8);
  w.bits(0x01, 8);
  w.bits(1, 1); // BFINAL
  w.bits(1, 2); // BTYPE 01: fixed Huffman
  const literalZero = () => w.code(0b00110000, 8);
  literalZero();
  for (let i = 0; i < runs; i++) {
    w.code(0b11000101, 8); // length symbol 285: 258
    w.code(0, 5); // distance symbol 0: 1
  }
  for (let i = 0; i < tail; i++) literalZero();
  w.code(0, 7); // end of block
  const body = w.bytes.subarray(0, w.length);
  // Adler-32 of `size` zeros: a = 1, b = size mod 65521.
  const adler = (((size % 65521) << 16) | 1) >>> 0;
  const out = new Uint8Array(body.length + 4);
  out.set(body);
  new DataView(out.buffer).setUint32(body.length, adler);
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * A valid `size`² 16-bit RGB PNG, all black: small on disk (~10 MB for 16000²), 6·size² bytes
 * once decoded (1.5 GB for 16000²). Made in the test, not committed.
 */
export function hugeBlackPng(size: number): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  ihdr[8] = 16; // bit depth
  ihdr[9] = 2; // RGB
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zerosZlib(size * (1 + size * 6))),
    chunk('IEND', new Uint8Array(0)),
  ];
  return Buffer.concat(parts);
}
