import { Worker } from 'node:worker_threads';
import type { RunWorker, WorkerSetup } from '../../engine/worker-protocol.js';

const workerUrl = new URL('../../engine/run-worker.js', import.meta.url);

/** A worker thread for runs, born with the compiled build (`workerUrl` is a browser's option). */
export function spawnRunWorker(setup: WorkerSetup, _workerUrl?: string | URL): RunWorker {
  // An empty env: the worker's process.env is then a plain object, and nothing of the host's
  // environment can leak into the guest by accident.
  return new Worker(workerUrl, { workerData: setup, env: {} });
}
