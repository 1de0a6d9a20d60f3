import type { VolumeBackend } from '../vfs/volume-backend.js';
import type { CallerStdout } from './caller-stdout.js';
import { type ChannelBuffers, ChannelServer } from './rpc-channel.js';
import type { StdinSource } from './stdin-source.js';

type JsonMethod = Exclude<keyof VolumeBackend, 'read' | 'write'>;
/** A Node-style errno error: it crosses the channel as the guest's errno. */
const errno = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });

/** What went wrong with a caller's stream, reported with the run. */
export interface CallerStreamFailure {
  stream: 'stdin' | 'stdout';
  cause: unknown;
}

const jsonMethods = new Set<string>([
  'open',
  'close',
  'fstat',
  'lstat',
  'truncate',
  'readdir',
  'mkdir',
  'rmdir',
  'unlink',
  'rename',
  'readlink',
  'symlink',
  'utimes',
] satisfies JsonMethod[]);

/**
 * Serves a worker's volume calls on the caller's thread, where the volumes live. Remembers the
 * files the guest opened so that a run that dies (trap, cancel) leaves no descriptor behind.
 */
export class VolumeServer {
  readonly #backends: readonly VolumeBackend[];
  /** Open files by `volume:fd`, with the path each was opened as. */
  readonly #open = new Map<string, string>();
  readonly #server: ChannelServer;
  readonly done: Promise<void>;
  /** The first caller stream that failed; the guest was answered EIO/EPIPE from then on. */
  streamFailure: CallerStreamFailure | undefined;
  /** A file the guest grew past what its volume can hold (EFBIG). */
  tooLarge: string | undefined;

  constructor(
    buffers: ChannelBuffers,
    backends: readonly VolumeBackend[],
    stdin: StdinSource | undefined,
    stdout?: CallerStdout,
    onStreamFailure?: (failure: CallerStreamFailure) => void,
  ) {
    this.#backends = backends;
    const fail = (failure: CallerStreamFailure) => {
      if (this.streamFailure) return;
      this.streamFailure = failure;
      onStreamFailure?.(failure);
    };
    const backend = (id: number): VolumeBackend => {
      const b = this.#backends[id];
      if (!b) throw new Error(`no volume ${id}`);
      return b;
    };
    this.#server = new ChannelServer(buffers, {
      read(nums, data) {
        const bytes = backend(nums[0] as number).read(
          nums[1] as number,
          nums[2] as number,
          nums[3] as number,
        );
        data.set(bytes);
        return bytes.length;
      },
      write: (nums, data, byteLength) => {
        const id = nums[0] as number;
        const fd = nums[1] as number;
        try {
          nums[0] = backend(id).write(fd, data.subarray(0, byteLength), nums[2] as number);
        } catch (err) {
          if ((err as { code?: unknown })?.code === 'EFBIG') this.tooLarge ??= this.#open.get(`${id}:${fd}`);
          throw err;
        }
        return 0;
      },
      stdinRead: async (nums, data) => {
        if (!stdin) return 0;
        if (this.streamFailure?.stream === 'stdin') throw errno('EIO', 'stdin failed');
        let bytes: Uint8Array;
        try {
          bytes = await stdin.read(Math.min(nums[0] as number, data.length));
        } catch (cause) {
          // The caller's source failed: the guest reads an I/O error, as from a failing pipe.
          fail({ stream: 'stdin', cause });
          throw errno('EIO', 'stdin failed');
        }
        data.set(bytes);
        return bytes.length;
      },
      stdoutWrite: async (data, byteLength) => {
        if (!stdout) return;
        // The worker waits on this answer: a slow consumer slows FFmpeg instead of filling memory.
        const failure = await stdout.write(data.slice(0, byteLength));
        if (failure) {
          fail({ stream: 'stdout', cause: failure.cause });
          // The guest sees a broken pipe, as FFmpeg does natively when its reader goes away.
          throw errno('EPIPE', 'stdout is gone');
        }
      },
      json: (method, args) => {
        if (!jsonMethods.has(method)) throw new Error(`unknown volume call ${method}`);
        const [id, ...rest] = args as [number, ...unknown[]];
        const b = backend(id) as unknown as Record<string, (...a: unknown[]) => unknown>;
        const result = b[method]?.(...rest);
        if (method === 'open') this.#open.set(`${id}:${result}`, String(rest[0]));
        if (method === 'close') this.#open.delete(`${id}:${rest[0]}`);
        return result;
      },
    });
    this.done = this.#server.serve();
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
