// A page as a Vite user writes it: `import … from 'afmpeg'`, nothing else configured. Vite picks
// the package's browser condition and emits the run worker from its `new Worker(new URL(…))`.
import { Command, createEngine, runCommand, Volume } from 'afmpeg';

// (The tests compile without the DOM's types: the one element used, described here.)
const { document } = globalThis as unknown as {
  document: { getElementById(id: string): { textContent: string | null } };
};
const out = document.getElementById('out');
try {
  const engine = createEngine({ concurrency: 1, artifactsUrl: '/wasm/' });
  const vol = new Volume();
  const cmd = new Command({ y: true })
    .lavfiInput('testsrc2', { size: '64x48', rate: 10, duration: 1 })
    .output('/out.mp4', { 'c:v': 'libx264', pix_fmt: 'yuv420p' });
  await runCommand(vol, cmd, { engine });
  const video = (await engine.probe(vol, '/out.mp4')).streams[0];
  out.textContent = `done ${video?.codecName} ${video?.width}x${video?.height} ${video?.frameCount} frames`;
} catch (err) {
  out.textContent = `failed ${err}`;
}
