// The main example: a vertical reel rendered entirely in memory. Five PNG cards are chained with
// xfade crossfades, two voice-over MP3s are placed with adelay over a music bed, everything is
// mixed, faded and limited, and encoded to H.264/AAC. Only the final MP4 touches the disk.
//
//   npm run example:reel
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Command, createEngine, runCommand, Volume } from 'afmpeg';

const width = 720;
const height = 1280;
const cardSeconds = 3;
const fade = 0.5;
const colors = ['#1d3557', '#457b9d', '#2a9d8f', '#e9c46a', '#e76f51'];
const reelSeconds = colors.length * cardSeconds - (colors.length - 1) * fade;

const engine = createEngine();
const vol = new Volume();
vol.mkdirSync('/in', { recursive: true });
for (const name of ['voice-1.mp3', 'voice-2.mp3', 'music.mp3'])
  vol.writeFileSync(`/in/${name}`, readFileSync(`examples/media/${name}`));

// 1. The cards: one PNG each, drawn by FFmpeg itself (a colour field with a moving test pattern).
await Promise.all(
  colors.map((color, i) =>
    runCommand(
      vol,
      new Command({ y: true, loglevel: 'error' })
        .lavfiInput('color', { c: color, s: `${width}x${height}` })
        .lavfiInput('testsrc2', { s: `${width / 2}x${width / 2}` })
        .filter('overlay', { x: width / 4, y: (height - width / 2) / 2 })
        .output(`/in/card-${i}.png`, { 'frames:v': 1 }),
      { engine },
    ),
  ),
);

// 2. The reel: cards crossfaded in a chain, voices placed at 1 s and 7 s over a quieter music bed.
let reel = new Command({ y: true, hide_banner: true });
for (let i = 0; i < colors.length; i++)
  reel = reel.input(`/in/card-${i}.png`, { loop: 1, framerate: 30, t: cardSeconds });
reel = reel.input('/in/voice-1.mp3').input('/in/voice-2.mp3').input('/in/music.mp3');
for (let i = 1; i < colors.length; i++)
  reel = reel.filter('xfade', { transition: 'fade', duration: fade, offset: i * (cardSeconds - fade) });
const render = reel
  .filter('format', { pix_fmts: 'yuv420p' })
  .graph((g) => {
    const voice1 = g.input(5).audio.filter('adelay', { delays: 1000, all: true });
    const voice2 = g.input(6).audio.filter('adelay', { delays: 7000, all: true });
    const music = g.input(7).audio.filter('volume', { volume: 0.4 });
    const mix = g
      .filter('amix', [music, voice1, voice2], { inputs: 3, duration: 'first', normalize: false })
      .filter('afade', { t: 'out', st: reelSeconds - 1.5, d: 1.5 })
      .filter('alimiter', { limit: 0.9 });
    return { mix };
  })
  .output('/out/reel.mp4', {
    map: ['mix'],
    t: reelSeconds,
    'c:v': 'libx264',
    preset: 'veryfast',
    crf: 23,
    pix_fmt: 'yuv420p',
    'c:a': 'aac',
    'b:a': '128k',
    movflags: 'faststart',
  });

console.log(`${render.toString()}\n`);
const started = performance.now();
vol.mkdirSync('/out');
// runCommand derives the duration for the progress percentage from the output's `t`.
const result = await runCommand(vol, render, {
  engine,
  onProgress: (p) =>
    process.stdout.write(`\rrendering ${p.percent?.toFixed(0) ?? '?'}%  speed ${p.speed ?? '?'}x `),
});
console.log(`\nexit code ${result.exitCode} in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const info = await engine.probe(vol, '/out/reel.mp4');
for (const s of info.streams)
  console.log(
    `${s.codecType}: ${s.codecName} ${s.width ? `${s.width}x${s.height} ${s.avgFrameRate?.value?.toFixed(2)} fps, ${s.frameCount} frames` : `${s.sampleRate} Hz, ${s.channels} ch`}`,
  );
console.log(`duration ${info.format.duration} s, ${info.format.size} bytes`);

mkdirSync('examples/out', { recursive: true });
writeFileSync('examples/out/reel.mp4', vol.readFileSync('/out/reel.mp4') as Buffer);
console.log('written: examples/out/reel.mp4');
await engine.close();
