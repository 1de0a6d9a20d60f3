// The README's quick tour, verbatim below the marker: a test checks that the README shows exactly
// this code, and the examples test runs it.
//
//   npm run example:quick-tour
// --- README quick tour ---
import { Command, probe, run, runCommand, Volume } from 'afmpeg';

// A volume is an in-memory file tree (memfs). Put your inputs in, read your outputs out.
const vol = new Volume();
vol.mkdirSync('/in', { recursive: true });
vol.mkdirSync('/out', { recursive: true });

// The raw escape hatch: any argv, as you would give the ffmpeg binary. Here: two PNG cards.
await run(vol, ['-f', 'lavfi', '-i', 'testsrc2=s=640x360', '-frames:v', '1', '/in/a.png']);
await run(vol, ['-f', 'lavfi', '-i', 'color=c=navy:s=640x360', '-frames:v', '1', '/in/b.png']);

// The builder: immutable, typed per filter (options generated from FFmpeg's own help).
const cmd = new Command({ y: true })
  .input('/in/a.png', { loop: 1, t: 4 })
  .input('/in/b.png', { loop: 1, t: 4 })
  .filter('xfade', { transition: 'fade', duration: 0.5, offset: 3.5 })
  .output('/out/reel.mp4', { 'c:v': 'libx264', pix_fmt: 'yuv420p' });

console.log(cmd.toArgs()); // ['-y', '-loop', '1', '-t', '4', '-i', '/in/a.png', ..., '/out/reel.mp4']
console.log(cmd.toString()); // a copy-pasteable shell line, for debugging

// Cancel with an AbortSignal; progress comes about twice a second.
const controller = new AbortController();
const result = await runCommand(vol, cmd, {
  signal: controller.signal,
  onProgress: (p) => console.log(`at ${p.timeSeconds} s`),
});
console.log(result.exitCode); // 0; a non-zero exit rejects with FFmpegExitError (code + FFmpeg's tail)

// Probe with the build's own ffprobe, typed: numbers are numbers.
const info = await probe(vol, '/out/reel.mp4');
console.log(info.format.duration); // 7.52: 188 frames at 25 fps
console.log(info.streams[0]?.codecName); // 'h264'
