import { errnoError, lookup, type VolumeBackend } from '../vfs/index.js';
import type { CallerStdout } from './caller-stdout.js';
import type { VolumeFailure } from './errors.js';
import {
  type ChannelBuffers,
  type ChannelRequest,
  ChannelServer,
  jsonAnswer,
  jsonArgs,
  Op,
} from './rpc-channel.js';
import type { StdinSource } from './stdin-source.js';
import { callOf, type VolumeCall, volumeCalls } from './volume-calls.js';

/** What went wrong with a caller's stream, reported with the run. */
export interface CallerStreamFailure {
  stream: 'stdin' | 'stdout';
  cause: unknown;
}

type Spec = {
  opened?(args: unknown[], result: unknown): { fd: number; path: string } | undefined;
  closed?(args: unknown[]): number;
};

/**
 * Serves a worker's volume calls on the caller's thread, where the volumes live: each call as the
 * table in volume-calls.ts declares it. Remembers the files the guest opened so that a run that
 * dies (trap, cancel) leaves no descriptor behind.
 */
export class VolumeServer {
  readonly #backends: readonly VolumeBackend[];
  /** Open files by `volume:fd`, with the path each was opened as. */
  readonly #open = new Map<string, string>();
  readonly #server: ChannelServer;
  readonly #stdin: StdinSource | undefined;
  readonly #stdout: CallerStdout | undefined;
  readonly #onStreamFailure: ((failure: CallerStreamFailure) => void) | undefined;
  readonly done: Promise<void>;
  /** The first caller stream that failed; the guest was answered EIO/EPIPE from then on. */
  streamFailure: CallerStreamFailure | undefined;
  /**
   * The first read or write of a caller's volume that failed with an errno (a full disk, a file
   * too large for its volume, a failing device): FFmpeg may go on as if the input had ended or
   * the output been written, so the run fails with it.
   */
  volumeFailure: VolumeFailure | undefined;

  constructor(
    buffers: ChannelBuffers,
    backends: readonly VolumeBackend[],
    stdin: StdinSource | undefined,
    stdout?: CallerStdout,
    onStreamFailure?: (failure: CallerStreamFailure) => void,
  ) {
    this.#backends = backends;
    this.#stdin = stdin;
    this.#stdout = stdout;
    this.#onStreamFailure = onStreamFailure;
    this.#server = new ChannelServer(buffers, (request) => this.#serve(request));
    this.done = this.#server.serve();
  }

  #backend(id: number): VolumeBackend {
    const b = this.#backends[id];
    if (!b) throw new Error(`no volume ${id}`);
    return b;
  }

  #fail(failure: CallerStreamFailure): void {
    if (this.streamFailure) return;
    this.streamFailure = failure;
    this.#onStreamFailure?.(failure);
  }

  #serve(request: ChannelRequest): number | Promise<number> {
    if (request.op === Op.StdinRead) return this.#stdinRead(request);
    if (request.op === Op.StdoutWrite) return this.#stdoutWrite(request);
    const call = callOf(request.op);
    if (call === 'read') return this.#read(request);
    if (call === 'write') return this.#write(request);
    if (call === undefined) throw new Error(`unknown volume call ${request.op}`);
    return this.#json(call, request);
  }

  /** Straight from the volume into the shared data area. */
  #read({ nums, data }: ChannelRequest): number {
    const id = nums[0] as number;
    const backend = this.#backend(id);
    const fd = nums[1] as number;
    const target = data.subarray(0, nums[2] as number);
    const position = nums[3] as number;
    try {
      if (backend.readInto) return backend.readInto(fd, target, position);
      const bytes = backend.read(fd, target.length, position);
      target.set(bytes);
      return bytes.length;
    } catch (err) {
      this.#failed(err, id, fd, 'read');
      throw err;
    }
  }

  /** Keeps the first errno a volume answered a read or write of an open file with. */
  #failed(err: unknown, id: number, fd: number, operation: 'read' | 'write') {
    const code = (err as { code?: unknown })?.code;
    if (typeof code !== 'string') return;
    this.volumeFailure ??= { path: this.#open.get(`${id}:${fd}`) ?? `fd ${fd}`, operation, code };
  }

  #write({ nums, data, byteLength }: ChannelRequest): number {
    const id = nums[0] as number;
    const fd = nums[1] as number;
    try {
      nums[0] = this.#backend(id).write(fd, data.subarray(0, byteLength), nums[2] as number);
    } catch (err) {
      this.#failed(err, id, fd, 'write');
      throw err;
    }
    return 0;
  }

  #json(call: Exclude<VolumeCall, 'read' | 'write'>, request: ChannelRequest): number {
    const [id, ...args] = jsonArgs(request) as [number, ...unknown[]];
    const backend = this.#backend(id);
    const result =
      call === 'lookup'
        ? lookup(backend, ...(args as Parameters<typeof lookup> extends [unknown, ...infer R] ? R : never))
        : (backend[call] as (...a: unknown[]) => unknown).apply(backend, args);
    const spec = volumeCalls[call] as Spec;
    const opened = spec.opened?.(args, result);
    if (opened) this.#open.set(`${id}:${opened.fd}`, opened.path);
    if (spec.closed) this.#open.delete(`${id}:${spec.closed(args)}`);
    return jsonAnswer(request.data, result);
  }

  async #stdinRead({ nums, data }: ChannelRequest): Promise<number> {
    if (!this.#stdin) return 0;
    if (this.streamFailure?.stream === 'stdin') throw errnoError('EIO', 'stdin failed');
    let bytes: Uint8Array;
    try {
      bytes = await this.#stdin.read(Math.min(nums[0] as number, data.length));
    } catch (cause) {
      // The caller's source failed: the guest reads an I/O error, as from a failing pipe.
      this.#fail({ stream: 'stdin', cause });
      throw errnoError('EIO', 'stdin failed');
    }
    data.set(bytes);
    return bytes.length;
  }

  async #stdoutWrite({ data, byteLength }: ChannelRequest): Promise<number> {
    if (!this.#stdout) return 0;
    // The worker waits on this answer: a slow consumer slows FFmpeg instead of filling memory.
    const failure = await this.#stdout.write(data.slice(0, byteLength));
    if (failure) {
      this.#fail({ stream: 'stdout', cause: failure.cause });
      // The guest sees a broken pipe, as FFmpeg does natively when its reader goes away.
      throw errnoError('EPIPE', 'stdout is gone');
    }
    return 0;
  }

  /** The first failure that was not a filesystem error (a broken volume), if any. */
  get fatal(): unknown {
    return this.#server.fatal;
  }

  /** Stops serving and closes whatever the guest left open. */
  close(): void {
    this.#server.close();
    for (const key of this.#open.keys()) {
      const [id, fd] = key.split(':').map(Number) as [number, number];
      try {
        this.#backends[id]?.close(fd);
      } catch {
        // Already gone; nothing to release.
      }
    }
    this.#open.clear();
  }
}
