// A watermark: a logo (made here from a test pattern) scaled down and overlaid in a corner,
// semi-transparent, on every frame.
//
//   npm run example:overlay
import { mkdirSync, writeFileSync } from 'node:fs';
import { Command, probe, run, runCommand, Volume } from 'afmpeg';

const vol = new Volume();
await run(vol, [
  '-f',
  'lavfi',
  '-i',
  'testsrc2=size=640x360:rate=25:duration=3',
  '-c:v',
  'libx264',
  '/video.mp4',
]);
await run(vol, ['-f', 'lavfi', '-i', 'smptebars=size=200x120', '-frames:v', '1', '/logo.png']);

const watermarked = new Command({ y: true })
  .input('/video.mp4')
  .input('/logo.png')
  .graph((g) => {
    const logo = g
      .input(1)
      .video.filter('scale', { w: 100, h: -1 })
      .filter('format', { pix_fmts: 'rgba' })
      .filter('colorchannelmixer', { aa: 0.6 });
    return { v: g.filter('overlay', [g.input(0).video, logo], { x: 'W-w-12', y: 12 }) };
  })
  .output('/watermarked.mp4', { map: ['v'], 'c:v': 'libx264', pix_fmt: 'yuv420p' });

console.log(watermarked.toString());
await runCommand(vol, watermarked);
const info = await probe(vol, '/watermarked.mp4');
console.log(
  `${info.streams[0]?.codecName} ${info.streams[0]?.width}x${info.streams[0]?.height}, ${info.streams[0]?.frameCount} frames`,
);
mkdirSync('examples/out', { recursive: true });
writeFileSync('examples/out/watermarked.mp4', vol.readFileSync('/watermarked.mp4') as Buffer);
