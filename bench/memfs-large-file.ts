import { loadavg } from 'node:os';
import { createEngine, Volume } from 'afmpeg';

// `npm run bench:large-file [-- GiB]`: where the memory goes when a memfs volume holds one large
// file (issue 15). FFmpeg writes a raw video file of the given size into the volume, then reads it
// back; the process's RSS is sampled every 50 ms and the peak of each phase is printed beside the
// file's size. Worker threads share the process, so this is everything afmpeg holds.
const gib = Number(process.argv[2] ?? 2.5);
const frameBytes = 1920 * 1080 * 1.5;
const frames = Math.ceil((gib * 2 ** 30) / frameBytes);
const GiB = (n: number) => `${(n / 2 ** 30).toFixed(2)} GiB`;

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 50);
const phase = async (name: string, work: () => Promise<unknown>) => {
  const started = performance.now();
  peak = process.memoryUsage.rss();
  const before = peak;
  await work();
  peak = Math.max(peak, process.memoryUsage.rss());
  const row = {
    phase: name,
    rssBefore: GiB(before),
    peakRss: GiB(peak),
    rssAfter: GiB(process.memoryUsage.rss()),
    seconds: ((performance.now() - started) / 1000).toFixed(1),
  };
  console.log(JSON.stringify(row));
};

const engine = createEngine({ concurrency: 1 });
const vol = new Volume();
const loadBefore = loadavg();
await phase('warm-up', () => engine.run(vol, ['-hide_banner', '-version']));
await phase(`write ${GiB(frames * frameBytes)} into memfs`, () =>
  engine.run(vol, [
    ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'color=c=gray:size=1920x1080:rate=25'],
    ...['-frames:v', String(frames), '-f', 'rawvideo', '-y', '/big.yuv'],
  ]),
);
console.log(`file: ${GiB(vol.statSync('/big.yuv').size)}`);
await phase('read it back (decode to null)', () =>
  engine.run(vol, [
    ...['-hide_banner', '-loglevel', 'error', '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', '1920x1080'],
    ...['-i', '/big.yuv', '-f', 'null', '-'],
  ]),
);
clearInterval(sampler);
await engine.close();
console.log(
  `load ${loadBefore.map((l) => l.toFixed(2)).join(' ')} -> ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
