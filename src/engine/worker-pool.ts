import { defaultParallelism } from '#platform/parallelism';
import { spawnRunWorker } from '#platform/run-worker-thread';
import { EngineClosedError } from './errors.js';
import type { RunWorker, WorkerSetup } from './worker-protocol.js';

/** A slot in the pool: a worker lent to one run at a time. */
export interface Lease {
  readonly worker: RunWorker;
  /** Gives the worker back; `reusable: false` (trap, cancel) replaces it. */
  release(reusable: boolean): void;
}

/**
 * Up to `size` workers, each running one guest at a time, with a FIFO queue in front. Workers
 * outlive runs that end cleanly; they are unref'd while idle so they never keep a process alive.
 */
export class WorkerPool {
  readonly size: number;
  readonly #setup: WorkerSetup;
  readonly #idle: RunWorker[] = [];
  readonly #all = new Set<RunWorker>();
  readonly #workerUrl: string | URL | undefined;
  readonly #waiting: Array<{ grant: (lease: Lease) => void; fail: (err: unknown) => void }> = [];
  #leased = 0;
  #closed = false;

  constructor(setup: WorkerSetup, size = defaultParallelism(), workerUrl?: string | URL) {
    this.#setup = setup;
    this.#workerUrl = workerUrl;
    this.size = Math.max(1, Math.floor(size));
  }

  /** Waits for a free worker; the returned promise rejects if `signal` fires first. */
  acquire(signal?: AbortSignal): Promise<Lease> {
    if (this.#closed) return Promise.reject(new EngineClosedError('the engine is closed'));
    if (this.#leased < this.size) return Promise.resolve(this.#lease());
    return new Promise((resolve, reject) => {
      const entry = {
        grant: (lease: Lease) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(lease);
        },
        fail: reject,
      };
      const onAbort = () => {
        const i = this.#waiting.indexOf(entry);
        if (i >= 0) this.#waiting.splice(i, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(entry);
    });
  }

  #lease(): Lease {
    this.#leased++;
    // The worker idle longest: a worker instantiates its next guest right after a run, so the one
    // that has just finished would keep the caller waiting for that (a join queued behind the
    // segments it joins, say).
    const worker = this.#idle.shift() ?? this.#spawn();
    worker.ref();
    let released = false;
    return {
      worker,
      release: (reusable) => {
        if (released) return;
        released = true;
        this.#leased--;
        if (reusable && !this.#closed) {
          worker.unref();
          this.#idle.push(worker);
        } else {
          this.#all.delete(worker);
          void worker.terminate();
        }
        const next = this.#waiting.shift();
        if (next && !this.#closed) next.grant(this.#lease());
      },
    };
  }

  #spawn(): RunWorker {
    const worker = spawnRunWorker(this.#setup, this.#workerUrl);
    this.#all.add(worker);
    worker.on('exit', () => {
      this.#all.delete(worker);
      const i = this.#idle.indexOf(worker);
      if (i >= 0) this.#idle.splice(i, 1);
    });
    return worker;
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const w of this.#waiting.splice(0)) w.fail(new EngineClosedError('the engine was closed'));
    await Promise.all([...this.#all].map((w) => w.terminate()));
    this.#all.clear();
    this.#idle.length = 0;
  }
}
