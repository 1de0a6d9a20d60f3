// Cancel a long job: an AbortSignal stops the run promptly with a typed error, and the engine goes
// on serving the next run.
//
//   npm run example:cancel
import { createEngine, RunAbortedError, RunTimeoutError, Volume } from 'afmpeg';

const engine = createEngine({ concurrency: 1 });
const vol = new Volume();
const endless = ['-f', 'lavfi', '-i', 'testsrc2=size=1280x720', '-c:v', 'libx264', '-f', 'null', '-'];

// A user's stop button: RunAbortedError, with the signal's reason as `cause`.
const controller = new AbortController();
setTimeout(() => controller.abort(new Error('stop pressed')), 1500);
const started = performance.now();
try {
  await engine.run(vol, endless, { signal: controller.signal });
} catch (error) {
  if (!(error instanceof RunAbortedError)) throw error;
  console.log(
    `aborted after ${(performance.now() - started).toFixed(0)} ms: ${error.message.split('\n')[0]}`,
  );
}

// A deadline, as the `timeout` option or as `AbortSignal.timeout(ms)`: RunTimeoutError.
for (const options of [{ timeout: 1000 }, { signal: AbortSignal.timeout(1000) }]) {
  try {
    await engine.run(vol, endless, options);
  } catch (error) {
    if (!(error instanceof RunTimeoutError)) throw error;
    console.log(`timed out: ${error.message.split('\n')[0]}`);
  }
}

const after = await engine.run(vol, ['-hide_banner', '-f', 'lavfi', '-i', 'sine=duration=1', '/after.wav']);
console.log(`the engine still works: exit code ${after.exitCode}`);
await engine.close();
