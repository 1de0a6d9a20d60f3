import type { RunRequest, WorkerMessage, WorkerPort, WorkerSetup } from '../../engine/worker-protocol.js';

interface WorkerScope {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** The Web Worker's line to the page; its setup is the first message (run-worker-thread.ts). */
export function workerPort(): WorkerPort {
  const scope = globalThis as unknown as WorkerScope;
  let handler: ((request: RunRequest) => void) | undefined;
  const early: RunRequest[] = [];
  let resolveSetup: (setup: WorkerSetup) => void = () => undefined;
  const setup = new Promise<WorkerSetup>((resolve) => {
    resolveSetup = resolve;
  });
  scope.addEventListener('message', ({ data }) => {
    const message = data as { type: string; setup?: WorkerSetup };
    if (message.type === 'setup') resolveSetup(message.setup as WorkerSetup);
    else if (handler) handler(data as RunRequest);
    else early.push(data as RunRequest);
  });
  return {
    setup: () => setup,
    post: (message: WorkerMessage, transfer: ArrayBuffer[]) => scope.postMessage(message, transfer),
    onRequest(handle) {
      handler = handle;
      for (const request of early.splice(0)) handle(request);
    },
    whenIdle: (task: () => void) => void setTimeout(task, 0),
  };
}
