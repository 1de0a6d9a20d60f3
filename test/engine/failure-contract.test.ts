import { PassThrough, Readable, Writable } from 'node:stream';
import {
  CallbackError,
  CallerStreamError,
  createEngine,
  type Engine,
  InvalidMediaError,
  MissingInputError,
  OutOfMemoryError,
  RunAbortedError,
  RunTimeoutError,
  Volume,
  WorkingDirectoryError,
} from 'afmpeg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeClip, snapshot } from './media-fixtures.js';
import { expectNothingLost, failure } from './nothing-lost.js';
import { countWorkerSpawns } from './worker-spawns.js';

// The failure contract around a run (SPEC "Error and input policy", issue 15): each way a caller's
// callback, stream or signal can fail ends the run with a typed AfmpegError carrying the original
// as `cause`; never an uncaught exception, never a hang. After each, the caller's inputs are
// byte-identical and the same engine runs a known-good job.
let engine: Engine;
const vol = new Volume();
let before: Record<string, string>;
const uncaught: unknown[] = [];
const onUncaught = (err: unknown) => uncaught.push(err);
const spawns = countWorkerSpawns();

/** A short real transcode: enough stderr lines and progress reports to fail inside. */
const transcode = ['-i', '/in/src.mp4', '-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'null', '-'];
/** Raw frames to stdout: 160x120 yuv420p is 28.8 kB a frame, 10 frames a second, for 30 s. */
const rawToStdout = [
  '-f',
  'lavfi',
  '-i',
  'testsrc2=size=160x120:rate=10:duration=30',
  '-f',
  'rawvideo',
  'pipe:1',
];

beforeAll(async () => {
  engine = createEngine({ concurrency: 1 });
  vol.mkdirSync('/in', { recursive: true });
  vol.mkdirSync('/out', { recursive: true });
  await makeClip(engine, vol, '/in/src.mp4', 1);
  before = snapshot(vol, '/in');
  process.on('uncaughtException', onUncaught);
});
afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  spawns.stop();
  await engine.close();
});
beforeEach(() => {
  uncaught.length = 0;
});
afterEach(async () => {
  expect(uncaught).toEqual([]);
  await expectNothingLost(engine, vol, before);
});

describe('the failure contract: callbacks, streams, signals, cwd', () => {
  it('R-AF-4: an onStderr callback that throws stops the run: CallbackError, the thrown value as cause', async () => {
    const thrown = new Error('logger broke');
    let calls = 0;
    const err = await failure(
      engine.run(vol, transcode, {
        onStderr: () => {
          calls++;
          throw thrown;
        },
      }),
    );
    expect(err).toBeInstanceOf(CallbackError);
    expect(err).toMatchObject({ callback: 'onStderr' });
    expect(err.cause).toBe(thrown);
    expect(calls).toBe(1);
  });

  it('R-AF-4: an onProgress callback that throws stops the run the same way', async () => {
    const thrown = { notAnError: true };
    let calls = 0;
    const err = await failure(
      engine.run(vol, [...transcode.slice(0, -3), '-stats_period', '0.05', '-f', 'null', '-'], {
        onProgress: () => {
          calls++;
          throw thrown;
        },
      }),
    );
    expect(err).toBeInstanceOf(CallbackError);
    expect(err).toMatchObject({ callback: 'onProgress' });
    expect(err.cause).toBe(thrown);
    expect(calls).toBe(1);
  });

  it('R-AF-4: a stdout Writable destroyed mid-run rejects promptly; FFmpeg saw a broken pipe and exited 1', async () => {
    let destroyedAt = 0;
    const sink = new Writable({
      highWaterMark: 16 * 1024,
      write(_chunk, _encoding, done) {
        // Never finish a write: the run waits on backpressure, then the reader goes away.
        if (!destroyedAt)
          setTimeout(() => {
            destroyedAt = performance.now();
            sink.destroy();
          }, 100);
        void done;
      },
    });
    const spawned = spawns.count;
    const err = await failure(engine.run(vol, rawToStdout, { stdout: sink }));
    const latency = performance.now() - destroyedAt;
    expect(err).toBeInstanceOf(CallerStreamError);
    expect(err).toMatchObject({ stream: 'stdout', exitCode: 1 });
    expect((err as CallerStreamError).stderrTail).toMatch(/Broken pipe/);
    expect(latency).toBeLessThan(2000);
    // FFmpeg exited by itself on EPIPE: its worker is kept.
    await engine.run(vol, ['-hide_banner', '-version']);
    expect(spawns.count).toBe(spawned);
  });

  it('R-AF-4: a stdout Writable that errors: CallerStreamError with its error as cause, FFmpeg exits 1 (EPIPE) as natively, worker kept', async () => {
    const broken = new Error('socket reset by peer');
    let written = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        done(written > 100_000 ? broken : null);
      },
    });
    const spawned = spawns.count;
    const err = await failure(engine.run(vol, rawToStdout, { stdout: sink }));
    expect(err).toBeInstanceOf(CallerStreamError);
    expect(err).toMatchObject({ stream: 'stdout', exitCode: 1 });
    expect(err.cause).toBe(broken);
    expect(err.message).toMatch(/caller's stdout stream failed: socket reset by peer/);
    expect((err as CallerStreamError).stderrTail).toMatch(/Broken pipe/);
    await engine.run(vol, ['-hide_banner', '-version']);
    expect(spawns.count).toBe(spawned);
  });

  it("R-AF-4: a caller's stdin source that fails: CallerStreamError saying so, with the cause", async () => {
    const broken = new Error('upload aborted');
    const wav = await engine.run(vol, ['-f', 'lavfi', '-i', 'sine=duration=1', '-f', 'wav', 'pipe:1']);
    async function* source() {
      yield wav.stdout.subarray(0, 20_000);
      throw broken;
    }
    for (const stdin of [source(), Readable.from(source())]) {
      const err = await failure(
        engine.run(vol, ['-f', 'wav', '-i', 'pipe:0', '-c:a', 'flac', '-y', '/out/up.flac'], { stdin }),
      );
      expect(err).toBeInstanceOf(CallerStreamError);
      expect(err).toMatchObject({ stream: 'stdin' });
      expect(err.cause).toBe(broken);
      expect(err.message).toMatch(/caller's stdin stream failed: upload aborted/);
    }
  });

  it('R-AF-8: a signal aborted before the run rejects with RunAbortedError carrying the reason', async () => {
    const reason = new Error('not wanted any more');
    let started = false;
    const err = await failure(
      engine.run(vol, transcode, {
        signal: AbortSignal.abort(reason),
        onStderr: () => {
          started = true;
        },
      }),
    );
    expect(err).toBeInstanceOf(RunAbortedError);
    expect(err.cause).toBe(reason);
    expect(started).toBe(false);
  });

  it('R-AF-8: an abort while a new engine is still loading its build stops the run too (it never starts)', async () => {
    const fresh = createEngine({ concurrency: 1 });
    try {
      const controller = new AbortController();
      const reason = new Error('changed my mind');
      // The first run compiles the build (hundreds of ms): the abort lands before any worker runs.
      setTimeout(() => controller.abort(reason), 5);
      const endless = ['-f', 'lavfi', '-i', 'testsrc2=size=64x48', '-f', 'null', '-'];
      const err = await failure(fresh.run(vol, endless, { signal: controller.signal }));
      expect(err).toBeInstanceOf(RunAbortedError);
      expect(err.cause).toBe(reason);
      const ok = await fresh.run(vol, ['-f', 'lavfi', '-i', 'sine=duration=0.1', '-f', 'null', '-']);
      expect(ok.exitCode).toBe(0);
    } finally {
      await fresh.close();
    }
  }, 30_000);

  it('R-AF-8: AbortSignal.timeout(ms) stops the run with RunTimeoutError (the signal said timeout)', async () => {
    const endless = ['-f', 'lavfi', '-i', 'testsrc2=size=160x120', '-f', 'null', '-'];
    const err = await failure(engine.run(vol, endless, { signal: AbortSignal.timeout(400) }));
    expect(err).toBeInstanceOf(RunTimeoutError);
    expect((err.cause as Error).name).toBe('TimeoutError');
    expect((err as RunTimeoutError).timeoutMs).toBeUndefined();
  });

  it('R-AF-4: a cwd that does not exist is a WorkingDirectoryError naming it, before FFmpeg starts', async () => {
    const fresh = createEngine({ concurrency: 1 });
    const spawned = spawns.count;
    try {
      let started = false;
      const run = (cwd: string) =>
        failure(
          fresh.run(vol, ['-i', 'src.mp4', 'x.mkv'], {
            cwd,
            onStderr: () => {
              started = true;
            },
          }),
        );
      const missing = await run('/in/nowhere');
      expect(missing).toBeInstanceOf(WorkingDirectoryError);
      expect(missing).toMatchObject({ path: '/in/nowhere', reason: 'not found' });
      expect(missing.message).toContain('/in/nowhere');
      const file = await run('/in/src.mp4');
      expect(file).toMatchObject({ path: '/in/src.mp4', reason: 'not a directory' });
      expect(started).toBe(false);
      expect(spawns.count).toBe(spawned); // not even a worker was started
      // A mount point and the scratch /tmp are directories too.
      await fresh.run(vol, ['-hide_banner', '-version'], { cwd: '/tmp' });
    } finally {
      await fresh.close();
    }
  });
});

describe('inputs FFmpeg refuses are classified by what happened', () => {
  it('R-AF-4: a truncated WAV on which FFmpeg answers "Cannot allocate memory" is InvalidMediaError (exit 1, as native), no worker lost', async () => {
    const wav = await engine.run(vol, ['-f', 'lavfi', '-i', 'sine=duration=1', '-f', 'wav', 'pipe:1']);
    // 64 bytes with a `fmt ` chunk claiming 167 bytes: FFmpeg wants 149 bytes of extradata and
    // returns ENOMEM when they are not there. Native FFmpeg 5.1 prints
    // "x.wav: Cannot allocate memory" and exits 1 on the same bytes.
    const bad = new Uint8Array(wav.stdout.subarray(0, 64));
    bad[16] = 0xa7;
    const scratch = new Volume();
    scratch.writeFileSync('/bad.wav', bad);
    const spawned = spawns.count;
    const err = await failure(engine.run(scratch, ['-i', '/bad.wav', '-f', 'null', '-']));
    expect(err).not.toBeInstanceOf(OutOfMemoryError);
    expect(err).toBeInstanceOf(InvalidMediaError);
    expect(err).toMatchObject({ path: '/bad.wav', exitCode: 1 });
    expect((err as InvalidMediaError).stderrTail).toMatch(/Failed to read extradata of size 149/);
    await engine.run(vol, ['-hide_banner', '-version']);
    expect(spawns.count).toBe(spawned);
  });

  it('R-AF-4: a -safe 0 concat list naming a missing file: MissingInputError names that file, not the list', async () => {
    const lists = new Volume();
    lists.mkdirSync('/in');
    lists.writeFileSync('/in/a.mp4', vol.readFileSync('/in/src.mp4') as Buffer);
    // Missing first, FFmpeg fails (exit 1). Missing later, native FFmpeg prints the same error but
    // exits 0 with the files before it; the engine reports what FFmpeg did, as for any exit 0.
    lists.writeFileSync('/in/list.txt', "file '/in/gone.mp4'\nfile '/in/a.mp4'\n");
    const err = await failure(
      engine.run(lists, ['-f', 'concat', '-safe', '0', '-i', '/in/list.txt', '-c', 'copy', '/out.mkv']),
    );
    expect(err).toBeInstanceOf(MissingInputError);
    expect((err as MissingInputError).path).toBe('/in/gone.mp4');
    expect(err.message).toContain('/in/gone.mp4');
  });
});

describe('stream plumbing still works after the changes', () => {
  it('R-AF-4: a PassThrough stdout still receives every byte when nothing fails', async () => {
    const sink = new PassThrough();
    let bytes = 0;
    sink.on('data', (b: Buffer) => {
      bytes += b.length;
    });
    await engine.run(
      vol,
      ['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10:duration=1', '-f', 'rawvideo', 'pipe:1'],
      {
        stdout: sink,
      },
    );
    expect(bytes).toBe(160 * 120 * 1.5 * 10);
  });
});
