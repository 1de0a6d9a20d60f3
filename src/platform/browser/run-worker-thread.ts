import type { RunRequest, RunWorker, WorkerMessage, WorkerSetup } from '../../engine/worker-protocol.js';

/** The slice of a Web Worker used here (the library compiles without the DOM's types). */
interface WebWorker {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  terminate(): void;
  addEventListener(type: string, listener: (event: { data?: unknown; message?: string }) => void): void;
}
type WebWorkerClass = new (url: string | URL, options: { type: 'module'; name?: string }) => WebWorker;

/**
 * A module Web Worker for runs, looking like Node's `Worker` to the pool: `message`, `error`, and
 * `exit` once terminated. Its setup (the compiled modules, which a worker of the same page
 * receives without recompiling) is its first message. The default URL is written as
 * `new Worker(new URL(…, import.meta.url))` so bundlers (Vite, webpack) emit the worker; a bundler
 * that does not (esbuild) builds `afmpeg/run-worker` as an entry and passes its URL as `workerUrl`.
 */
export function spawnRunWorker(setup: WorkerSetup, workerUrl?: string | URL): RunWorker {
  const Worker = (globalThis as unknown as { Worker: WebWorkerClass }).Worker;
  const worker =
    workerUrl === undefined
      ? new Worker(new URL('../../engine/run-worker.js', import.meta.url), { type: 'module', name: 'afmpeg' })
      : new Worker(workerUrl, { type: 'module', name: 'afmpeg' });
  const listeners = {
    message: new Set<(m: WorkerMessage) => void>(),
    error: new Set<(err: Error) => void>(),
    exit: new Set<(code: number) => void>(),
  };
  worker.addEventListener('message', (event) => {
    for (const l of [...listeners.message]) l(event.data as WorkerMessage);
  });
  const failed = (what: string) => (event: { message?: string }) => {
    const err = new Error(`the run worker failed (${what}): ${event.message ?? 'no detail'}`);
    for (const l of [...listeners.error]) l(err);
  };
  worker.addEventListener('error', failed('error'));
  worker.addEventListener('messageerror', failed('a message could not be read'));
  worker.postMessage({ type: 'setup', setup });
  let terminated = false;
  const handle = {
    on(event: keyof typeof listeners, listener: (value: never) => void) {
      (listeners[event] as Set<unknown>).add(listener);
      return handle;
    },
    off(event: keyof typeof listeners, listener: (value: never) => void) {
      (listeners[event] as Set<unknown>).delete(listener);
      return handle;
    },
    postMessage(request: RunRequest, transfer: ArrayBuffer[] = []) {
      worker.postMessage(request, transfer);
    },
    async terminate() {
      if (terminated) return 1;
      terminated = true;
      worker.terminate();
      // Node's Worker reports its exit; so does this one, once it is gone.
      queueMicrotask(() => {
        for (const l of [...listeners.exit]) l(1);
      });
      return 1;
    },
    ref: () => undefined,
    unref: () => undefined,
  };
  return handle as RunWorker;
}
