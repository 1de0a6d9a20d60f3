// Cancel a long job: an AbortSignal (here a timeout signal) stops the run promptly with a typed
// error, and the engine goes on serving the next run.
//
//   npm run example:cancel
import { createEngine, RunAbortedError, RunTimeoutError, Volume } from 'afmpeg';

const engine = createEngine({ concurrency: 1 });
const vol = new Volume();
const endless = ['-f', 'lavfi', '-i', 'testsrc2=size=1280x720', '-c:v', 'libx264', '-f', 'null', '-'];

const started = performance.now();
try {
  await engine.run(vol, endless, { signal: AbortSignal.timeout(1500) });
} catch (error) {
  if (!(error instanceof RunAbortedError)) throw error;
  console.log(
    `aborted after ${(performance.now() - started).toFixed(0)} ms: ${error.message.split('\n')[0]}`,
  );
}

// The `timeout` option does the same with its own error type.
try {
  await engine.run(vol, endless, { timeout: 1000 });
} catch (error) {
  if (!(error instanceof RunTimeoutError)) throw error;
  console.log(`timed out: ${error.message.split('\n')[0]}`);
}

const after = await engine.run(vol, ['-hide_banner', '-f', 'lavfi', '-i', 'sine=duration=1', '/after.wav']);
console.log(`the engine still works: exit code ${after.exitCode}`);
await engine.close();
