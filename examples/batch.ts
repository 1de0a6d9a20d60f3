// A batch through a pool: eight independent jobs, each on its own volume, run by an engine with
// two workers (one WebAssembly instance per run; the module is compiled once).
//
//   npm run example:batch
import { availableParallelism } from 'node:os';
import { Command, createEngine, runCommand, Volume } from 'afmpeg';

const engine = createEngine({ concurrency: Math.min(2, availableParallelism()) });
const jobs = Array.from({ length: 8 }, (_, i) => ({
  vol: new Volume(),
  cmd: new Command({ y: true })
    .lavfiInput('testsrc2', { s: '320x240', r: 25, d: 2 })
    .filter('hue', { h: i * 45 })
    .output(`/clip-${i}.mp4`, { 'c:v': 'libx264', preset: 'veryfast' }),
}));

const started = performance.now();
const results = await Promise.all(jobs.map(({ vol, cmd }) => runCommand(vol, cmd, { engine })));
const seconds = (performance.now() - started) / 1000;
console.log(
  `${results.length} jobs, exit codes ${results.map((r) => r.exitCode).join(',')}, in ${seconds.toFixed(1)} s`,
);
for (const [i, { vol }] of jobs.entries()) {
  const info = await engine.probe(vol, `/clip-${i}.mp4`);
  console.log(`clip-${i}.mp4: ${info.streams[0]?.codecName}, ${info.streams[0]?.frameCount} frames`);
}
await engine.close();
