// Audio: extract a video's soundtrack, then mix a voice-over onto it, ducking the music.
//
//   npm run example:audio-mix
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Command, probe, run, runCommand, Volume } from 'afmpeg';

const vol = new Volume();
vol.writeFileSync('/voice.mp3', readFileSync('examples/media/voice-1.mp3'));
vol.writeFileSync('/music.mp3', readFileSync('examples/media/music.mp3'));
await run(vol, [
  ...['-f', 'lavfi', '-i', 'testsrc2=size=320x240:duration=6', '-i', '/music.mp3'],
  ...['-t', '6', '-c:v', 'libx264', '-c:a', 'aac', '/video.mp4'],
]);

// Extract: copy the audio stream out as is, no re-encoding.
await runCommand(
  vol,
  new Command({ y: true }).input('/video.mp4').output('/soundtrack.m4a', { vn: true, 'c:a': 'copy' }),
);

// Mix: the voice starts at 1 s; the soundtrack is lowered under it.
const mix = new Command({ y: true })
  .input('/soundtrack.m4a')
  .input('/voice.mp3')
  .graph((g) => {
    const bed = g.input(0).audio.filter('volume', { volume: 0.35 });
    const voice = g.input(1).audio.filter('adelay', { delays: 1000, all: true });
    return { mixed: g.filter('amix', [bed, voice], { inputs: 2, duration: 'first', normalize: false }) };
  })
  .output('/mixed.m4a', { map: ['mixed'], 'c:a': 'aac', 'b:a': '128k' });
await runCommand(vol, mix);

for (const name of ['soundtrack.m4a', 'mixed.m4a']) {
  const info = await probe(vol, `/${name}`);
  const a = info.streams[0];
  console.log(
    `${name}: ${a?.codecName} ${a?.sampleRate} Hz ${a?.channels} ch, ${info.format.duration?.toFixed(2)} s`,
  );
}
mkdirSync('examples/out', { recursive: true });
writeFileSync('examples/out/mixed.m4a', vol.readFileSync('/mixed.m4a') as Buffer);
