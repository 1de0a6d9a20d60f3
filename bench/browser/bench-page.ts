// The browser bench page: afmpeg and ffmpeg.wasm on the same page, same input, one at a time.
import { Command, createEngine, type Engine, Volume } from 'afmpeg';
import { toGif } from 'afmpeg/recipes';

const workerUrl = new URL('./run-worker.js', import.meta.url);
const media = async () => new Uint8Array(await (await fetch('/media/src720.mp4')).arrayBuffer());

/** W1 (bench/jobs.ts) and a 3 s GIF export (the toGif recipe), as argv both tools run. */
const jobs: Record<string, { args: string[]; output: string }> = {
  W1: {
    args: [
      '-hide_banner',
      '-y',
      '-i',
      '/in.mp4',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-c:a',
      'aac',
      '/out.mp4',
    ],
    output: '/out.mp4',
  },
  GIF: {
    args: toGif('/in.mp4', '/out.gif', { duration: 3, width: 320, fps: 10 }).toArgs(),
    output: '/out.gif',
  },
};

let engine: Engine | undefined;
let ffmpegWasm: { post(m: unknown, t?: ArrayBuffer[]): Promise<Record<string, unknown>> } | undefined;

function wasmWorker() {
  const Worker = (
    globalThis as unknown as {
      Worker: new (
        u: URL,
        o: { type: 'module' },
      ) => {
        postMessage(m: unknown, t?: ArrayBuffer[]): void;
        onmessage: ((e: { data: Record<string, unknown> }) => void) | null;
      };
    }
  ).Worker;
  const w = new Worker(new URL('./ffmpeg-wasm-worker.js', import.meta.url), { type: 'module' });
  return {
    post: (m: unknown, t: ArrayBuffer[] = []) =>
      new Promise<Record<string, unknown>>((resolve) => {
        w.onmessage = (e) => resolve(e.data);
        w.postMessage(m, t);
      }),
  };
}

const bench = {
  async afmpegFirstRun(artifactsUrl: string) {
    const started = performance.now();
    engine = createEngine({ concurrency: 1, artifactsUrl, workerUrl });
    await engine.run(new Volume(), ['-hide_banner', '-version']);
    return { ms: performance.now() - started };
  },
  async afmpegJob(name: string) {
    const job = jobs[name] as { args: string[]; output: string };
    const vol = new Volume();
    vol.writeFileSync('/in.mp4', await media());
    const started = performance.now();
    await (engine as Engine).run(vol, job.args);
    return { ms: performance.now() - started, bytes: vol.statSync(job.output).size };
  },
  async wasmFirstRun() {
    ffmpegWasm = wasmWorker();
    return ffmpegWasm.post({ op: 'first-run' });
  },
  async wasmJob(name: string) {
    const job = jobs[name] as { args: string[]; output: string };
    const input = await media();
    // The core's own default argv starts `./ffmpeg -nostdin -y`.
    return (ffmpegWasm as NonNullable<typeof ffmpegWasm>).post(
      { op: 'job', args: job.args, input, output: job.output },
      [input.buffer as ArrayBuffer],
    );
  },
  close: () => engine?.close(),
  isolated: () => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
  Command,
};

(globalThis as unknown as { bench: typeof bench }).bench = bench;
