import { pagesFor, withMemoryMaximum } from './memory-maximum.js';

/**
 * The build's memory-defining core module, recompiled with a maximum per memory limit a run asks
 * for (`memoryLimitMiB`). Compiling is lazy in V8 (≈ 0.1 s for the 14 MB module), and each limit
 * is compiled once per engine.
 */
export class MemoryCappedModules {
  readonly #name: string;
  readonly #bytes: Uint8Array;
  readonly #byPages = new Map<number, Promise<Record<string, WebAssembly.Module>>>();

  constructor(name: string, bytes: Uint8Array) {
    this.#name = name;
    this.#bytes = bytes;
  }

  /** The modules to replace for a run limited to `limitBytes` (empty when none can be capped). */
  get(limitBytes: number): Promise<Record<string, WebAssembly.Module>> {
    const pages = pagesFor(limitBytes);
    let modules = this.#byPages.get(pages);
    if (!modules) {
      const capped = withMemoryMaximum(this.#bytes, pages);
      modules = capped ? WebAssembly.compile(capped).then((m) => ({ [this.#name]: m })) : Promise.resolve({});
      this.#byPages.set(pages, modules);
    }
    return modules;
  }
}
