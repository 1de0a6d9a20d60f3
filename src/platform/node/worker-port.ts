import { parentPort, workerData } from 'node:worker_threads';
import type { RunRequest, WorkerMessage, WorkerPort, WorkerSetup } from '../../engine/worker-protocol.js';

/** The worker thread's line to the caller's thread; its setup came as `workerData`. */
export function workerPort(): WorkerPort {
  const port = parentPort;
  if (!port) throw new Error('run-worker must run in a worker thread');
  return {
    setup: async () => workerData as WorkerSetup,
    post: (message: WorkerMessage, transfer: ArrayBuffer[]) => port.postMessage(message, transfer),
    onRequest: (handle: (request: RunRequest) => void) => port.on('message', handle),
    whenIdle: (task: () => void) => setImmediate(task),
  };
}
