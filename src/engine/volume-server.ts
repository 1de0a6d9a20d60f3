import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { VolumeBackend } from '../vfs/volume-backend.js';
import { type ChannelBuffers, ChannelServer } from './rpc-channel.js';
import type { StdinSource } from './stdin-source.js';

type JsonMethod = Exclude<keyof VolumeBackend, 'read' | 'write'>;
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
  readonly #open = new Set<string>();
  readonly #server: ChannelServer;
  readonly done: Promise<void>;

  constructor(
    buffers: ChannelBuffers,
    backends: readonly VolumeBackend[],
    stdin: StdinSource | undefined,
    stdout?: Writable,
  ) {
    this.#backends = backends;
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
      write(nums, data, byteLength) {
        nums[0] = backend(nums[0] as number).write(
          nums[1] as number,
          data.subarray(0, byteLength),
          nums[2] as number,
        );
        return 0;
      },
      async stdinRead(nums, data) {
        if (!stdin) return 0;
        const bytes = await stdin.read(Math.min(nums[0] as number, data.length));
        data.set(bytes);
        return bytes.length;
      },
      async stdoutWrite(data, byteLength) {
        if (!stdout) return;
        // The worker waits on this answer: a slow consumer slows FFmpeg instead of filling memory.
        if (!stdout.write(data.slice(0, byteLength))) await once(stdout, 'drain');
      },
      json: (method, args) => {
        if (!jsonMethods.has(method)) throw new Error(`unknown volume call ${method}`);
        const [id, ...rest] = args as [number, ...unknown[]];
        const b = backend(id) as unknown as Record<string, (...a: unknown[]) => unknown>;
        const result = b[method]?.(...rest);
        if (method === 'open') this.#open.add(`${id}:${result}`);
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
    for (const key of this.#open) {
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
