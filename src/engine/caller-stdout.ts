import type { Writable } from 'node:stream';

/** Why the caller's stdout can take no more: its error, or nothing when it was just destroyed. */
export interface StdoutGone {
  cause: unknown;
}

/**
 * The caller's `stdout` Writable, as the run writes to it: with its backpressure, and without
 * ever waiting on a stream that is gone. A destroyed stream never emits `drain`, so waiting for it
 * alone would hang the run; an `error` with no listener would be an uncaught exception in the
 * caller's process. Both end the stream for the run instead, and the guest is told so.
 */
export class CallerStdout {
  readonly #stream: Writable;
  #gone: StdoutGone | undefined;
  readonly #onError = (err: unknown) => {
    this.#gone ??= { cause: err };
  };

  constructor(stream: Writable) {
    this.#stream = stream;
    stream.on('error', this.#onError);
  }

  /** Writes, waits while the stream is full; resolves with why it is gone, if it is. */
  async write(bytes: Uint8Array): Promise<StdoutGone | undefined> {
    if (this.#gone || this.#check()) return this.#gone;
    const ok = this.#stream.write(bytes, (err) => {
      if (err) this.#onError(err);
    });
    if (!ok) await this.#drainedOrGone();
    return this.#gone ?? this.#check();
  }

  /** The stream is destroyed or ended: record it (with its error, if it had one). */
  #check(): StdoutGone | undefined {
    const s = this.#stream;
    if (s.destroyed || s.writableEnded) this.#gone ??= { cause: s.errored ?? undefined };
    return this.#gone;
  }

  #drainedOrGone(): Promise<void> {
    const s = this.#stream;
    return new Promise((resolve) => {
      const done = () => {
        s.off('drain', done);
        s.off('close', done);
        s.off('error', done);
        resolve();
      };
      s.on('drain', done);
      s.on('close', done);
      s.on('error', done);
      // Destroyed between the write and now: no event will come.
      if (s.destroyed) done();
    });
  }

  /** The run is over: the stream is the caller's again. */
  release(): void {
    this.#stream.off('error', this.#onError);
  }
}
