import { errnoError } from './volume-backend.js';

/**
 * Bytes per chunk. Large on purpose: an allocation this size is always its own `mmap` (glibc maps
 * anything over 32 MiB), so a chunk's unwritten pages cost no memory, and a deleted file's chunks
 * go back to the system at once instead of staying in the heap.
 */
export const CHUNK_BYTES = 64 * 2 ** 20;

/** The largest file a store holds: 16 TiB, as ext4 with 4 KiB blocks (memory is the real limit). */
export const MAX_FILE_BYTES = 2 ** 44;

/**
 * A file's bytes in fixed-size chunks. Growing the file never copies what it holds (a single
 * buffer doubling would copy it all and hold both copies for a while: 2.5 GiB in one buffer
 * peaks at 4.5 GiB), and a file may pass the 4 GiB a single Node Buffer can hold.
 *
 * Chunks past the first are allocated whole when first written; the first grows in steps up to a
 * chunk, so a small file costs about what it holds. A chunk never written is a hole and reads as
 * zeros. Every byte past `size` in an allocated chunk is zero, so growing the file (a write past
 * the end, or `truncate` upwards) shows zeros there without filling anything.
 */
export class ChunkStore {
  readonly #chunkBytes: number;
  #chunks: (Uint8Array | undefined)[] = [];
  #size = 0;

  /** `chunkBytes` is for tests, which cross chunk boundaries with a few bytes. */
  constructor(chunkBytes = CHUNK_BYTES) {
    this.#chunkBytes = chunkBytes;
  }

  get size(): number {
    return this.#size;
  }

  /** Copies bytes from `position` into `target` (up to its length); the count, 0 at end of file. */
  read(target: Uint8Array, position: number): number {
    if (position >= this.#size) return 0;
    const length = Math.min(target.length, this.#size - position);
    for (let done = 0; done < length; ) {
      const { index, within, n } = this.#span(position + done, length - done);
      const chunk = this.#chunks[index];
      const have = chunk ? Math.max(0, Math.min(n, chunk.length - within)) : 0;
      if (have > 0) target.set((chunk as Uint8Array).subarray(within, within + have), done);
      if (have < n) target.fill(0, done + have, done + n);
      done += n;
    }
    return length;
  }

  /** Writes all of `source` at `position`, past the end if need be (the gap reads as zeros). */
  write(source: Uint8Array, position: number): number {
    const end = position + source.length;
    if (end > MAX_FILE_BYTES) throw errnoError('EFBIG', `the file would pass ${MAX_FILE_BYTES} bytes`);
    for (let done = 0; done < source.length; ) {
      const { index, within, n } = this.#span(position + done, source.length - done);
      this.#room(index, within + n).set(source.subarray(done, done + n), within);
      done += n;
    }
    if (end > this.#size) this.#size = end;
    return source.length;
  }

  /** Cuts or extends the file to `size` bytes; an extension reads as zeros and allocates nothing. */
  truncate(size: number): void {
    if (size > MAX_FILE_BYTES) throw errnoError('EFBIG', `the file would pass ${MAX_FILE_BYTES} bytes`);
    if (size < this.#size) {
      const keep = Math.ceil(size / this.#chunkBytes);
      this.#chunks.length = Math.min(this.#chunks.length, keep);
      // The cut-off tail of the last chunk kept is zeroed: a later extension must read zeros.
      const last = this.#chunks[keep - 1];
      if (last) last.fill(0, size - (keep - 1) * this.#chunkBytes);
    }
    this.#size = size;
  }

  /** Which chunk `position` falls in, where in it, and how many of `length` bytes it holds. */
  #span(position: number, length: number): { index: number; within: number; n: number } {
    const index = Math.floor(position / this.#chunkBytes);
    const within = position - index * this.#chunkBytes;
    return { index, within, n: Math.min(length, this.#chunkBytes - within) };
  }

  /** Chunk `index`, holding at least `bytes` bytes. */
  #room(index: number, bytes: number): Uint8Array {
    const chunk = this.#chunks[index];
    if (chunk && chunk.length >= bytes) return chunk;
    const capacity =
      index === 0
        ? Math.min(this.#chunkBytes, Math.max(bytes, 2 * (chunk?.length ?? 0), 64))
        : this.#chunkBytes;
    // Zeroed, and copied at most once per doubling of the first chunk: the copies are bounded by a chunk.
    const grown = new Uint8Array(capacity);
    if (chunk) grown.set(chunk);
    this.#chunks[index] = grown;
    return grown;
  }
}
