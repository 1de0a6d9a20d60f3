import { type RunOptions, RunTimeoutError } from '../engine/index.js';

/** One job's cancellation: what aborts every run of it, and the options those runs take. */
export interface JobCancellation {
  /** Aborted by the caller's signal, by the job's timeout, or by the job itself when a run fails. */
  readonly controller: AbortController;
  /** The caller's options with the job's signal and no timeout of their own. */
  readonly options: RunOptions;
  /** Stops the timer and stops listening to the caller's signal. */
  dispose(): void;
}

/**
 * The cancellation of a job made of many runs (probes, segments, the join, or the one run it
 * falls back to): the caller's `signal` reaches every run, and the caller's `timeout` counts from
 * the job's start, not from each run's. The timer aborts with a `RunTimeoutError`, which the
 * engine gives back as a `RunTimeoutError` of the run it stopped (with its `timeoutMs`).
 */
export function jobCancellation(options: RunOptions, args: readonly string[]): JobCancellation {
  const { signal, timeout, ...rest } = options;
  const controller = new AbortController();
  const cancel = () => controller.abort(signal?.reason);
  if (signal?.aborted) cancel();
  else signal?.addEventListener('abort', cancel, { once: true });
  const timer =
    timeout !== undefined && timeout > 0
      ? setTimeout(() => controller.abort(new RunTimeoutError(timeout, args, '')), timeout)
      : undefined;
  return {
    controller,
    options: { ...rest, signal: controller.signal },
    dispose() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
    },
  };
}
