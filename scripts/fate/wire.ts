/** What target-exec.ts, engine-server.ts and invocation.ts share, kept free of the library's import. */

/** The settings scripts/fate/fate.sh passes down. */
export const fateEnv = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run this through scripts/fate/fate.sh)`);
  return value;
};

/** Frames between engine-server.ts and target-exec.ts: a type byte, a uint32 length, the bytes. */ export enum FrameType {
  Stdout = 1,
  Stderr = 2,
  /** JSON `Outcome`; always the last frame. */
  Outcome = 3,
}

export function frame(type: FrameType, payload: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt8(type, 0);
  head.writeUInt32BE(payload.length, 1);
  return Buffer.concat([head, payload]);
}

/** Splits a byte stream into frames as they complete. */
export class FrameReader {
  #pending: Buffer = Buffer.alloc(0);

  *push(chunk: Buffer): Generator<{ type: FrameType; payload: Buffer }> {
    this.#pending = this.#pending.length ? Buffer.concat([this.#pending, chunk]) : chunk;
    while (this.#pending.length >= 5) {
      const length = this.#pending.readUInt32BE(1);
      if (this.#pending.length < 5 + length) return;
      yield { type: this.#pending.readUInt8(0) as FrameType, payload: this.#pending.subarray(5, 5 + length) };
      this.#pending = this.#pending.subarray(5 + length);
    }
  }
}
