// Concatenation, both ways FFmpeg offers: the concat demuxer (a list file, no re-encode when the
// clips match) and the concat filter (re-encodes, joins anything).
//
//   npm run example:concat
import { mkdirSync, writeFileSync } from 'node:fs';
import { Command, concatList, probe, runCommand, Volume } from 'afmpeg';

const vol = new Volume();
const clips = ['/clips/red.mp4', '/clips/green.mp4', "/clips/Bob's blue.mp4"];
vol.mkdirSync('/clips');
await Promise.all(
  ['red', 'green', 'blue'].map((color, i) =>
    runCommand(
      vol,
      new Command({ y: true })
        .lavfiInput('color', { c: color, s: '320x240', r: 25, d: 2 })
        .lavfiInput('sine', { frequency: 330 + 110 * i, duration: 2 })
        .output(clips[i] as string, { 'c:v': 'libx264', 'c:a': 'aac', shortest: true }),
    ),
  ),
);

// 1. The demuxer: a list file (quoted exactly, whatever the names) and stream copy.
vol.writeFileSync('/list.txt', concatList(clips));
await runCommand(
  vol,
  new Command({ y: true })
    .input('/list.txt', { f: 'concat', safe: 0 })
    .output('/joined-copy.mp4', { c: 'copy' }),
);

// 2. The filter: every clip's video and audio into one re-encoded stream pair.
const joined = new Command({ y: true })
  .input(clips[0] as string)
  .input(clips[1] as string)
  .input(clips[2] as string)
  .graph((g) => {
    const pads = [0, 1, 2].flatMap((i) => [g.input(i).video, g.input(i).audio]);
    const [v, a] = g.filter('concat', pads, { n: 3, v: 1, a: 1 }).outputs(2);
    return { v, a };
  })
  .output('/joined.mp4', { map: ['v', 'a'], 'c:v': 'libx264', 'c:a': 'aac' });
await runCommand(vol, joined);

mkdirSync('examples/out', { recursive: true });
for (const name of ['joined-copy.mp4', 'joined.mp4']) {
  const info = await probe(vol, `/${name}`);
  console.log(`${name}: ${info.format.duration?.toFixed(2)} s, ${info.streams.length} streams`);
  writeFileSync(`examples/out/${name}`, vol.readFileSync(`/${name}`) as Buffer);
}
