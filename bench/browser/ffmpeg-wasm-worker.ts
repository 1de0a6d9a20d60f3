// ffmpeg.wasm's single-thread core (@ffmpeg/core 0.12.10, what @ffmpeg/ffmpeg 0.12 runs in its
// worker) in a module worker of the bench page: loaded from /ffmpeg-core/, one job at a time.
interface Core {
  FS: { writeFile(name: string, data: Uint8Array): void; readFile(name: string): Uint8Array };
  exec(...args: string[]): number;
  setLogger(logger: (log: { message: string }) => void): void;
}
type Factory = (options?: Record<string, unknown>) => Promise<Core>;
const scope = globalThis as unknown as {
  onmessage: (e: { data: { op: string; args?: string[]; input?: Uint8Array; output?: string } }) => void;
  postMessage(m: unknown): void;
};
let factory: Factory | undefined;
let module: WebAssembly.Module | undefined;

async function instance(): Promise<Core> {
  return (factory as Factory)({
    instantiateWasm(
      imports: WebAssembly.Imports,
      done: (i: WebAssembly.Instance, m: WebAssembly.Module) => void,
    ) {
      const inst = new WebAssembly.Instance(module as WebAssembly.Module, imports);
      done(inst, module as WebAssembly.Module);
      return inst.exports;
    },
  });
}

scope.onmessage = async ({ data }) => {
  try {
    if (data.op === 'first-run') {
      // What @ffmpeg/ffmpeg's load() does: fetch the core, compile, instantiate; then one run.
      const started = performance.now();
      const url = '/ffmpeg-core/ffmpeg-core.js';
      factory = ((await import(/* @vite-ignore */ url)) as { default: Factory }).default;
      const compiled = (
        WebAssembly as unknown as { compileStreaming(r: Promise<Response>): Promise<WebAssembly.Module> }
      ).compileStreaming(fetch('/ffmpeg-core/ffmpeg-core.wasm'));
      module = await compiled;
      const core = await instance();
      core.exec('-hide_banner', '-version');
      scope.postMessage({ ms: performance.now() - started });
      return;
    }
    const core = await instance();
    let tail = '';
    core.setLogger(({ message }) => {
      tail = `${tail}\n${message}`.slice(-1500);
    });
    core.FS.writeFile('/in.mp4', data.input as Uint8Array);
    const started = performance.now();
    const code = core.exec(...(data.args as string[]));
    const ms = performance.now() - started;
    const bytes = code === 0 ? core.FS.readFile(data.output as string).length : 0;
    scope.postMessage({ ms, code, bytes, tail: code === 0 ? '' : tail });
  } catch (err) {
    scope.postMessage({ error: String(err) });
  }
};
