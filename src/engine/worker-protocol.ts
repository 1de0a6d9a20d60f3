import type { Violation } from '../host/index.js';
import type { ChannelBuffers } from './rpc-channel.js';

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
  channel: ChannelBuffers;
  hasStdin: boolean;
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
    };
