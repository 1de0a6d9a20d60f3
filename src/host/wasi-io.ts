/**
 * `wasi:io` error, poll and streams. The component glue checks every resource it is handed with
 * `instanceof` against the classes in the imports object, so there is exactly one class per
 * resource; what a stream reads from or writes to is a small source/sink object behind it.
 */

import { monotonicNow } from '#platform/monotonic-clock';
import { sleepSync } from '#platform/sleep';
import { checkedMethods } from './guest-calls.js';

/** A stream error payload; the glue lowers it as `stream-error`. */
export type StreamError = { tag: 'closed' } | { tag: 'last-operation-failed'; val: IoError };

/** `wasi:io/error.error`: carries the filesystem error code that caused a stream failure. */
export class IoError {
  constructor(
    readonly message: string,
    readonly code: string | undefined = undefined,
  ) {}
  toDebugString(): string {
    return this.message;
  }
}

/** `wasi:io/poll.pollable`. Everything here is ready at once except clock deadlines. */
export class Pollable {
  /** @param deadlineNs monotonic time (ns) at which it becomes ready; 0n = ready now */
  constructor(readonly deadlineNs: bigint = 0n) {}
  ready(): boolean {
    return monotonicNow() >= this.deadlineNs;
  }
  block(): void {
    const waitNs = this.deadlineNs - monotonicNow();
    if (waitNs > 0n) sleepSync(Number(waitNs / 1_000_000n) + 1);
  }
  [Symbol.dispose](): void {}
}

export function poll(pollables: Pollable[]): Uint32Array {
  if (pollables.length === 0) return new Uint32Array(0);
  let ready = pollables.flatMap((p, i) => (p.ready() ? [i] : []));
  if (ready.length === 0) {
    const soonest = pollables.reduce((a, b) => (b.deadlineNs < a.deadlineNs ? b : a));
    soonest.block();
    ready = pollables.flatMap((p, i) => (p.ready() ? [i] : []));
  }
  return new Uint32Array(ready);
}

/** What an input stream reads from. `read` returns an empty array at end of input. */
export interface ByteSource {
  read(length: number): Uint8Array;
  close?(): void;
}

/** What an output stream writes to. */
export interface ByteSink {
  write(bytes: Uint8Array): void;
  flush?(): void;
  close?(): void;
}

/** Turns a thrown filesystem code into the stream error the guest understands. */
function streamFailure(err: unknown): StreamError {
  if (typeof err === 'string') return { tag: 'last-operation-failed', val: new IoError(err, err) };
  throw err;
}

export class InputStream {
  #closed = false;
  constructor(readonly source: ByteSource) {}
  read(len: bigint): Uint8Array {
    if (this.#closed) throw { tag: 'closed' } satisfies StreamError;
    let bytes: Uint8Array;
    try {
      bytes = this.source.read(Number(len));
    } catch (err) {
      throw streamFailure(err);
    }
    if (bytes.length === 0 && len > 0n) {
      this.#closed = true;
      throw { tag: 'closed' } satisfies StreamError;
    }
    return bytes;
  }
  blockingRead(len: bigint): Uint8Array {
    return this.read(len);
  }
  skip(len: bigint): bigint {
    return BigInt(this.read(len).length);
  }
  blockingSkip(len: bigint): bigint {
    return this.skip(len);
  }
  subscribe(): Pollable {
    return new Pollable();
  }
  [Symbol.dispose](): void {
    this.source.close?.();
  }
}

/** How much the guest may write per call; the adapter never asks for more than 4 KiB anyway. */
const WRITE_BUDGET = 1n << 20n;

export class OutputStream {
  constructor(readonly sink: ByteSink) {}
  checkWrite(): bigint {
    return WRITE_BUDGET;
  }
  write(contents: Uint8Array): void {
    try {
      this.sink.write(contents);
    } catch (err) {
      throw streamFailure(err);
    }
  }
  blockingWriteAndFlush(contents: Uint8Array): void {
    this.write(contents);
    this.flush();
  }
  flush(): void {
    try {
      this.sink.flush?.();
    } catch (err) {
      throw streamFailure(err);
    }
  }
  blockingFlush(): void {
    this.flush();
  }
  writeZeroes(len: bigint): void {
    this.write(new Uint8Array(Number(len)));
  }
  blockingWriteZeroesAndFlush(len: bigint): void {
    this.blockingWriteAndFlush(new Uint8Array(Number(len)));
  }
  splice(src: InputStream, len: bigint): bigint {
    const bytes = src.read(len);
    this.write(bytes);
    return BigInt(bytes.length);
  }
  blockingSplice(src: InputStream, len: bigint): bigint {
    return this.splice(src, len);
  }
  subscribe(): Pollable {
    return new Pollable();
  }
  [Symbol.dispose](): void {
    this.sink.close?.();
  }
}

for (const resource of [IoError, Pollable, InputStream, OutputStream]) checkedMethods(resource);

/** The `wasi:io/*` import objects, keyed as the glue expects. */
export function ioImports() {
  return {
    'wasi:io/error': { Error: IoError },
    'wasi:io/poll': { Pollable, poll },
    'wasi:io/streams': { InputStream, OutputStream },
  };
}
