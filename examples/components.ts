// What a build carries, and the check runCommand makes with it: a test checks that the README
// shows exactly the code below the marker, and the examples test runs it.
//
//   npm run example:components
// --- README components ---
import { Command, createEngine, runCommand, UnknownComponentError, Volume, variantComponents } from 'afmpeg';

// What a build carries, read from its provenance: nothing runs.
const lean = variantComponents('lean');
console.log(lean.encoders.has('libx264')); // true
console.log(lean.demuxers.has('mp4')); // true: FFmpeg lists it as 'mov,mp4,m4a,3gp,3g2,mj2'
console.log(lean.muxers.has('hls')); // false

// runCommand checks a command against its engine's build (engine.components()) before FFmpeg starts.
const engine = createEngine({ variant: 'lean' });
const cmd = new Command().lavfiInput('sine', { duration: 1 }).output('/out.m4a', { 'c:a': 'libmp3lame' });
try {
  await runCommand(new Volume(), cmd, { engine });
} catch (err) {
  if (err instanceof UnknownComponentError) console.log(err.message);
  // the lean build has no encoder 'libmp3lame' (output #0 -c:a); nothing ran
} finally {
  await engine.close();
}
