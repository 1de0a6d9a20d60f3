import type { Violation } from '../host/index.js';
import type { ChannelBuffers } from './rpc-channel.js';
import type { CopiedVolume, VolumeChanges } from './volume-copy.js';

export type { Violation };

/** Data a worker is born with: the compiled modules and where the glue is. */
export interface WorkerSetup {
  /** The glue as an importable URL (a `data:` URL of the verified, patched source). */
  glueUrl: string;
  modules: Record<string, WebAssembly.Module>;
}

/** A mount as the worker sees it: served remotely (by volume id), or a local scratch. */
export type WorkerMount =
  | { at: string; root: string; readOnly: boolean; source: 'remote'; volumeId: number }
  | { at: string; root: string; readOnly: boolean; source: 'scratch' }
  | { at: string; root: string; readOnly: boolean; source: 'devices' };

export interface RunRequest {
  type: 'run';
  argv: string[];
  env: Array<[string, string]>;
  cwd: string;
  mounts: WorkerMount[];
  /**
   * The line to the caller's thread, which serves the volumes live. Absent where there is no
   * shared memory (a page without cross-origin isolation): then `copied` carries the volumes.
   */
  channel?: ChannelBuffers;
  /** Each volume (by id) copied in, when there is no channel; the changes come back with `finished`. */
  copied?: CopiedVolume[];
  hasStdin: boolean;
  /** Standard input in full, when there is no channel to pull it through. */
  stdinBytes?: Uint8Array;
  /** stdout goes to a caller's stream through the channel (with backpressure), not by message. */
  stdoutToStream: boolean;
  memoryLimitBytes?: number;
  /** Core modules to use instead of the worker's own for this run (a memory-capped build). */
  modules?: Record<string, WebAssembly.Module>;
}

export type WorkerMessage =
  | { type: 'stderr'; bytes: Uint8Array }
  | { type: 'stdout'; bytes: Uint8Array }
  | {
      type: 'finished';
      exitCode: number;
      violations: Violation[];
      /** Set when the guest trapped (or the host threw into it) instead of exiting. */
      trap?: { message: string; stack?: string };
      /** The guest's linear memory at the end, in bytes. */
      memoryBytes?: number;
      /** What the run changed in each copied volume (by id), when the volumes were copied in. */
      changes?: VolumeChanges[];
    };

/**
 * A worker as the pool and the engine use it, on any platform: Node's `Worker` is one as it is;
 * a browser's Web Worker is wrapped to look the same (platform/browser/run-worker-thread.ts).
 */
export interface RunWorker {
  on(event: 'message', listener: (message: WorkerMessage) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  off(event: 'message', listener: (message: WorkerMessage) => void): unknown;
  off(event: 'error', listener: (err: Error) => void): unknown;
  off(event: 'exit', listener: (code: number) => void): unknown;
  postMessage(request: RunRequest, transfer?: ArrayBuffer[]): void;
  terminate(): Promise<unknown>;
  /** Keeps the process alive while a run is on it (Node); a no-op elsewhere. */
  ref(): void;
  unref(): void;
}

/** The worker's end of the line: the setup it was born with, messages both ways. */
export interface WorkerPort {
  setup(): Promise<WorkerSetup>;
  post(message: WorkerMessage, transfer: ArrayBuffer[]): void;
  onRequest(handle: (request: RunRequest) => void): void;
  /** Runs `task` once the worker has nothing else to do. */
  whenIdle(task: () => void): void;
}
