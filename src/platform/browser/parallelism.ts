/** How many runs at once by default: the browser's `navigator.hardwareConcurrency`. */
export function defaultParallelism(): number {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  return nav?.hardwareConcurrency ?? 1;
}
