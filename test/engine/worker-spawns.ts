import type { Worker } from 'node:worker_threads';

/**
 * Counts worker threads started in this process (Node's `process` 'worker' event), to see whether
 * the engine replaced a worker after a failure or kept it.
 */
export function countWorkerSpawns(): { readonly count: number; stop(): void } {
  let count = 0;
  const onWorker = (_worker: Worker) => {
    count++;
  };
  process.on('worker', onWorker);
  return {
    get count() {
      return count;
    },
    stop: () => process.off('worker', onWorker),
  };
}
