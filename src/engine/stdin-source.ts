import type { Readable } from 'node:stream';
import { concatBytes } from './concat-bytes.js';

/** What a run may read as `pipe:0`. */
export type StdinInput = Uint8Array | Readable | AsyncIterable<Uint8Array>;

/** Hands out stdin in pieces of at most the size asked for, pulling from the caller's source. */
export class StdinSource {
  readonly #iterator: AsyncIterator<Uint8Array | string> | undefined;
  #pending: Uint8Array = new Uint8Array(0);
  #ended = false;

  constructor(input: StdinInput) {
    if (input instanceof Uint8Array) {
      this.#pending = input;
      this.#ended = true;
    } else {
      this.#iterator = (input as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]();
    }
  }

  async read(max: number): Promise<Uint8Array> {
    while (this.#pending.length === 0 && !this.#ended && this.#iterator) {
      const next = await this.#iterator.next();
      if (next.done) this.#ended = true;
      else this.#pending = typeof next.value === 'string' ? new TextEncoder().encode(next.value) : next.value;
    }
    const out = this.#pending.subarray(0, max);
    this.#pending = this.#pending.subarray(out.length);
    return out;
  }

  /** All of it, for a run that cannot pull it as it goes (copied volumes, no channel). */
  async readAll(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for (let part = await this.read(1 << 20); part.length > 0; part = await this.read(1 << 20))
      parts.push(part);
    this.close();
    return concatBytes(parts);
  }

  /** Stops pulling (the run is over). */
  close(): void {
    void this.#iterator?.return?.();
  }
}
