import { availableParallelism } from 'node:os';

/** How many runs at once by default: the host's available parallelism. */
export function defaultParallelism(): number {
  return availableParallelism();
}
