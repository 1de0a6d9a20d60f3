import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { type BenchJob, BenchJobFailed, type BenchRunner } from '../runner.js';

/** The slice of ffmpeg.wasm's Emscripten module the benchmark uses. */
interface FfmpegCore {
  FS: { writeFile(path: string, bytes: Uint8Array): void };
  exec(...args: string[]): number;
  ffprobe(...args: string[]): number;
  setLogger(logger: (entry: { type: string; message: string }) => void): void;
}

interface CoreFactoryOptions {
  instantiateWasm(
    imports: WebAssembly.Imports,
    done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ): object;
}

type CoreFactory = (options: CoreFactoryOptions) => Promise<FfmpegCore>;

/**
 * ffmpeg.wasm's single-threaded core (`@ffmpeg/core`), loaded directly in Node. It targets
 * browsers: it needs `self.location` to exist, and it runs on the calling thread, one job at a
 * time. The module is compiled once, as afmpeg's engine does, and each job gets a new instance.
 */
export class FfmpegWasmRunner implements BenchRunner {
  readonly name = 'ffmpeg.wasm (@ffmpeg/core 0.12, 1 thread)';
  private factory: CoreFactory | undefined;
  private module: WebAssembly.Module | undefined;

  async unavailable(): Promise<string | undefined> {
    try {
      await this.load();
      return undefined;
    } catch (error) {
      return `@ffmpeg/core did not load: ${String(error)}`;
    }
  }

  async runBatch(jobs: readonly BenchJob[]): Promise<number> {
    const { factory, module } = await this.load();
    let elapsed = 0;
    for (const job of jobs) {
      const started = performance.now();
      const core = await factory({
        instantiateWasm(imports, done) {
          const instance = new WebAssembly.Instance(module, imports);
          done(instance, module);
          return instance.exports;
        },
      });
      let tail = '';
      core.setLogger(({ message }) => {
        tail = `${tail}\n${message}`.slice(-2000);
      });
      for (const [name, bytes] of job.inputs) core.FS.writeFile(name, bytes);
      const code = job.tool === 'ffmpeg' ? core.exec(...job.args) : core.ffprobe(...job.args);
      elapsed += performance.now() - started;
      // ffmpeg.wasm's ffprobe entry returns -1 even after printing a complete answer; judge it by
      // that answer instead.
      const probed = job.tool === 'ffprobe' && tail.includes('"format"');
      if (code !== 0 && !probed)
        throw new BenchJobFailed(this.name, job.name, `exit ${code}: ${tail.slice(-300)}`);
    }
    return elapsed;
  }

  async close(): Promise<void> {}

  private async load(): Promise<{ factory: CoreFactory; module: WebAssembly.Module }> {
    if (this.factory && this.module) return { factory: this.factory, module: this.module };
    const script = createRequire(import.meta.url)
      .resolve('@ffmpeg/core')
      .replace('/umd/', '/esm/');
    // The core derives its own URL from the browser's `self.location`.
    Object.assign(globalThis, { self: { location: { href: pathToFileURL(script).href } } });
    const loaded = (await import(pathToFileURL(script).href)) as { default: CoreFactory };
    this.module = await WebAssembly.compile(await readFile(script.replace(/\.js$/, '.wasm')));
    this.factory = loaded.default;
    return { factory: this.factory, module: this.module };
  }
}
