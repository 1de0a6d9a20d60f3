// Transcode to H.264/AAC MP4 in memory, with progress. The source is made first, also in memory,
// from FFmpeg's test sources; in real use you would `vol.writeFileSync` your own bytes.
//
//   npm run example:transcode
import { mkdirSync, writeFileSync } from 'node:fs';
import { Command, probe, run, runCommand, Volume } from 'afmpeg';

const vol = new Volume();

// A 4 s 640x360 source: MJPEG video and PCM audio in a QuickTime file.
await run(vol, [
  ...['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25:duration=4'],
  ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=4'],
  ...['-c:v', 'mjpeg', '-q:v', '3', '-c:a', 'pcm_s16le', '/source.mov'],
]);

const cmd = new Command({ y: true })
  .input('/source.mov')
  .filter('scale', { w: 480, h: -2 })
  .output('/out.mp4', {
    'c:v': 'libx264',
    preset: 'veryfast',
    crf: 26,
    pix_fmt: 'yuv420p',
    'c:a': 'aac',
    'b:a': '96k',
    movflags: 'faststart',
  });

await runCommand(vol, cmd, {
  onProgress: (p) => process.stdout.write(`\r${p.percent?.toFixed(0) ?? '?'}% at ${p.speed ?? '?'}x `),
});

const info = await probe(vol, '/out.mp4');
const [video, audio] = info.streams;
console.log(
  `\n${video?.codecName} ${video?.width}x${video?.height}, ${audio?.codecName} ${audio?.sampleRate} Hz`,
);
mkdirSync('examples/out', { recursive: true });
writeFileSync('examples/out/transcode.mp4', vol.readFileSync('/out.mp4') as Buffer);
console.log('written: examples/out/transcode.mp4');
