/**
 * The synchronous line from a worker to the caller's thread: a SharedArrayBuffer with a request
 * and a response sequence number. The worker writes a request and sleeps in `Atomics.wait`; the
 * caller's thread wakes through `Atomics.waitAsync` (so its event loop never blocks), serves it
 * and bumps the response number. A request is a message code, numbers in a Float64 block and
 * bytes in the data area (JSON for calls that are not hot); what the codes mean is the caller's
 * business (`Op` here for stdio, the volume's own in volume-calls.ts).
 */

const REQ_SEQ = 0;
const RESP_SEQ = 1;
const OP = 2;
const STATUS = 3;
const BYTES = 4;

/** Stdio's message codes; the volume's start at 16 (volume-calls.ts). */
export enum Op {
  StdinRead = 1,
  StdoutWrite = 2,
}

enum Status {
  Ok = 0,
  FsError = 1,
  Fatal = 2,
}

/** Big enough for a coalesced write batch; larger reads are split by the caller. */
export const DATA_BYTES = 1 << 20;

export interface ChannelBuffers {
  control: SharedArrayBuffer;
  data: SharedArrayBuffer;
}

export function createChannelBuffers(): ChannelBuffers {
  return { control: new SharedArrayBuffer(64 + 8 * 8), data: new SharedArrayBuffer(DATA_BYTES) };
}

class ChannelViews {
  readonly ctl: Int32Array;
  readonly nums: Float64Array;
  readonly data: Uint8Array;
  constructor(buffers: ChannelBuffers) {
    this.ctl = new Int32Array(buffers.control, 0, 16);
    this.nums = new Float64Array(buffers.control, 64, 8);
    this.data = new Uint8Array(buffers.data);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A filesystem error that crossed the channel; keeps Node's `code` so the vfs can map it. */
export class RemoteFsError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** The worker's end. */
export class ChannelClient {
  readonly #v: ChannelViews;
  #seq = 0;

  /** How many calls have been made: the data area holds the last one's answer until this moves. */
  get calls(): number {
    return this.#seq;
  }

  constructor(buffers: ChannelBuffers) {
    this.#v = new ChannelViews(buffers);
  }

  get nums(): Float64Array {
    return this.#v.nums;
  }

  get data(): Uint8Array {
    return this.#v.data;
  }

  /** Sends the request already placed in `nums`/`data`; returns the response byte count. */
  call(op: number, byteLength = 0): number {
    const { ctl } = this.#v;
    const seq = ++this.#seq;
    Atomics.store(ctl, OP, op);
    Atomics.store(ctl, BYTES, byteLength);
    Atomics.store(ctl, REQ_SEQ, seq);
    Atomics.notify(ctl, REQ_SEQ);
    for (let seen = Atomics.load(ctl, RESP_SEQ); seen !== seq; seen = Atomics.load(ctl, RESP_SEQ)) {
      Atomics.wait(ctl, RESP_SEQ, seen);
    }
    const status = Atomics.load(ctl, STATUS);
    const bytes = Atomics.load(ctl, BYTES);
    if (status === Status.Ok) return bytes;
    const text = decoder.decode(this.#v.data.slice(0, bytes));
    if (status === Status.FsError) throw new RemoteFsError(text);
    throw new Error(`volume call failed on the caller's thread: ${text}`);
  }

  /** A JSON call: the arguments in, the JSON result out. */
  json(op: number, args: readonly unknown[]): unknown {
    const text = encoder.encode(JSON.stringify(args));
    this.#v.data.set(text);
    const n = this.call(op, text.length);
    // A copy: a browser's TextDecoder refuses a view of shared memory.
    return n === 0 ? undefined : JSON.parse(decoder.decode(this.#v.data.slice(0, n)));
  }
}

/** One request as the caller's thread sees it. */
export interface ChannelRequest {
  op: number;
  nums: Float64Array;
  data: Uint8Array;
  /** How many bytes of `data` the request holds. */
  byteLength: number;
}

/** What the caller's thread does with a request: the response byte count (in `data`). */
export type ChannelHandler = (request: ChannelRequest) => number | Promise<number>;

/** A JSON request's arguments. */
export function jsonArgs(request: ChannelRequest): unknown[] {
  return JSON.parse(decoder.decode(request.data.slice(0, request.byteLength))) as unknown[];
}

/** Writes a JSON answer into `data`; its byte count. */
export function jsonAnswer(data: Uint8Array, result: unknown): number {
  if (result === undefined) return 0;
  const text = encoder.encode(JSON.stringify(result));
  if (text.length > data.length) throw new Error('volume answer too large for the channel');
  data.set(text);
  return text.length;
}

function errorCode(err: unknown): string | undefined {
  // Only errno names (ENOENT, EACCES, ...) are filesystem answers; Node's ERR_* codes are bugs.
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') {
    return /^E[A-Z0-9]+$/.test(err.code) ? err.code : undefined;
  }
  return undefined;
}

/** The caller's end: serves requests until closed, without ever blocking the event loop. */
export class ChannelServer {
  readonly #v: ChannelViews;
  readonly #handle: ChannelHandler;
  #closed = false;
  /** The first unexpected (non-errno) failure, reported with the run. */
  fatal: unknown;

  constructor(buffers: ChannelBuffers, handle: ChannelHandler) {
    this.#v = new ChannelViews(buffers);
    this.#handle = handle;
  }

  async serve(): Promise<void> {
    const { ctl } = this.#v;
    let seen = 0;
    while (!this.#closed) {
      const wait = Atomics.waitAsync(ctl, REQ_SEQ, seen);
      if (wait.async) await wait.value;
      if (this.#closed) return;
      const seq = Atomics.load(ctl, REQ_SEQ);
      if (seq === seen) continue;
      seen = seq;
      await this.#serveOne();
      Atomics.store(ctl, RESP_SEQ, seq);
      Atomics.notify(ctl, RESP_SEQ);
    }
  }

  close(): void {
    this.#closed = true;
    Atomics.notify(this.#v.ctl, REQ_SEQ);
  }

  async #serveOne(): Promise<void> {
    const { ctl, nums, data } = this.#v;
    const op = Atomics.load(ctl, OP);
    const byteLength = Atomics.load(ctl, BYTES);
    try {
      const answer = this.#handle({ op, nums, data, byteLength });
      // Volume calls answer at once; only stdio waits on the caller's streams.
      const n = typeof answer === 'number' ? answer : await answer;
      Atomics.store(ctl, STATUS, Status.Ok);
      Atomics.store(ctl, BYTES, n);
    } catch (err) {
      const code = errorCode(err);
      if (code === undefined && this.fatal === undefined) this.fatal = err;
      const text = encoder.encode(code ?? String((err as Error)?.message ?? err));
      data.set(text.subarray(0, data.length));
      Atomics.store(ctl, STATUS, code === undefined ? Status.Fatal : Status.FsError);
      Atomics.store(ctl, BYTES, Math.min(text.length, data.length));
    }
  }
}
