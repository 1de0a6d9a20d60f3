// Thumbnails: one still at a chosen time, and a contact sheet of nine frames.
//
//   npm run example:thumbnails
import { mkdirSync, writeFileSync } from 'node:fs';
import { Command, probe, run, runCommand, Volume } from 'afmpeg';

const vol = new Volume();
await run(vol, [
  ...['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25:duration=9'],
  ...['-c:v', 'libx264', '-preset', 'veryfast', '/clip.mp4'],
]);

// A single frame at 4.5 s, 320 pixels wide. `ss` before the input seeks without decoding up to it.
await runCommand(
  vol,
  new Command({ y: true })
    .input('/clip.mp4', { ss: 4.5 })
    .filter('scale', { w: 320, h: -2 })
    .output('/thumb.png', { 'frames:v': 1 }),
);

// One frame a second, scaled down, tiled 3x3 into one image.
await runCommand(
  vol,
  new Command({ y: true })
    .input('/clip.mp4')
    .filter('fps', { fps: 1 })
    .filter('scale', { w: 160, h: -2 })
    .filter('tile', { layout: '3x3', padding: 4, margin: 4 })
    .output('/sheet.png', { 'frames:v': 1 }),
);

mkdirSync('examples/out', { recursive: true });
for (const name of ['thumb.png', 'sheet.png']) {
  const info = await probe(vol, `/${name}`);
  console.log(`${name}: ${info.streams[0]?.width}x${info.streams[0]?.height}`);
  writeFileSync(`examples/out/${name}`, vol.readFileSync(`/${name}`) as Buffer);
}
