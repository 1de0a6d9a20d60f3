import {
  createEngine,
  type Engine,
  FFmpegExitError,
  GuestTrapError,
  InvalidMediaError,
  MissingInputError,
  OutOfMemoryError,
  PathEscapeError,
  ReadOnlyMountError,
  RunAbortedError,
  RunTimeoutError,
  UnknownComponentError,
  Volume,
} from 'afmpeg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeClip, snapshot } from './media-fixtures.js';
import { expectNothingLost, failure } from './nothing-lost.js';
import { countWorkerSpawns } from './worker-spawns.js';

let engine: Engine;
const vol = new Volume();
let before: Record<string, string>;

/** A long lavfi encode: busy for many seconds unless stopped. */
const endless = [
  '-f',
  'lavfi',
  '-i',
  'testsrc2=size=320x240:rate=25',
  '-c:v',
  'libx264',
  '-preset',
  'ultrafast',
  '-f',
  'null',
  '-',
];

beforeAll(async () => {
  engine = createEngine({ concurrency: 1 });
  vol.mkdirSync('/in', { recursive: true });
  vol.mkdirSync('/out', { recursive: true });
  await makeClip(engine, vol, '/in/src.mp4', 1);
  const src = vol.readFileSync('/in/src.mp4') as Buffer;
  vol.writeFileSync('/in/truncated.mp4', src.subarray(0, Math.floor(src.length / 3)));
  vol.writeFileSync('/in/noise.mp4', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
  await engine.run(vol, [
    ...['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10:duration=2'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'mpegts', '/in/clean.ts'],
  ]);
  const ts = vol.readFileSync('/in/clean.ts') as Buffer;
  for (let i = 3000; i < ts.length - 2000; i += 1500)
    for (let j = 10; j < 150; j++) ts[i + j] = (i * j) & 0xff;
  vol.writeFileSync('/in/damaged.ts', ts);
  before = snapshot(vol, '/in');
});
const spawns = countWorkerSpawns();
afterAll(async () => {
  spawns.stop();
  await engine.close();
});

// Error policy: after every failure the caller's inputs are byte-identical and the same engine
// completes the next real run.
afterEach(async () => {
  await expectNothingLost(engine, vol, before);
});

describe('every failure is a clear typed error and loses nothing', () => {
  it('R-AF-4: a non-zero exit rejects with FFmpegExitError carrying the code and FFmpeg’s own tail', async () => {
    const err = await failure(engine.run(vol, ['-i', '/in/src.mp4', '-map', '0:7', '/out/x.mp4']));
    expect(err).toBeInstanceOf(FFmpegExitError);
    const exit = err as FFmpegExitError;
    expect(exit.exitCode).toBe(1);
    expect(exit.stderrTail).toMatch(/matches no streams/);
    expect(exit.message).toMatch(/matches no streams/);
  });

  it('R-AF-4: the exact exit code arrives (69: decode errors above -max_error_rate), not just ok/err', async () => {
    const err = await failure(
      engine.run(vol, [
        '-max_error_rate',
        '0',
        '-err_detect',
        'explode',
        '-i',
        '/in/damaged.ts',
        '-f',
        'null',
        '-',
      ]),
    );
    expect(err).toBeInstanceOf(FFmpegExitError);
    expect((err as FFmpegExitError).exitCode).toBe(69);
    expect((err as FFmpegExitError).stderrTail).toMatch(/Conversion failed!/);
  });

  it('R-AF-4: a missing input rejects with MissingInputError naming the path', async () => {
    const err = await failure(engine.run(vol, ['-i', '/in/nope.mp4', '/out/x.mp4']));
    expect(err).toBeInstanceOf(MissingInputError);
    expect((err as MissingInputError).path).toBe('/in/nope.mp4');
    expect((err as MissingInputError).exitCode).toBe(1);
  });

  it('R-AF-5: probing a missing file rejects with MissingInputError too', async () => {
    const err = await failure(engine.probe(vol, '/in/nope.mp4'));
    expect(err).toBeInstanceOf(MissingInputError);
    expect((err as FFmpegExitError).stderrTail).toMatch(/No such file or directory/);
  });

  it('R-AF-4: corrupt media rejects with InvalidMediaError', async () => {
    const err = await failure(engine.run(vol, ['-i', '/in/noise.mp4', '/out/x.mp4']));
    expect(err).toBeInstanceOf(InvalidMediaError);
    expect((err as InvalidMediaError).path).toBe('/in/noise.mp4');
  });

  it('R-AF-4: truncated media rejects with InvalidMediaError', async () => {
    const err = await failure(engine.run(vol, ['-i', '/in/truncated.mp4', '/out/x.mp4']));
    expect(err).toBeInstanceOf(InvalidMediaError);
    expect((err as InvalidMediaError).stderrTail).toMatch(/moov atom not found|Invalid data/);
  });

  it('R-AF-4: an unknown encoder rejects with UnknownComponentError', async () => {
    const err = await failure(
      engine.run(vol, ['-i', '/in/src.mp4', '-c:v', 'no_such_encoder', '/out/x.mp4']),
    );
    expect(err).toBeInstanceOf(UnknownComponentError);
    expect(err).toMatchObject({ kind: 'encoder', component: 'no_such_encoder' });
  });

  it('R-AF-4: an unknown filter rejects with UnknownComponentError', async () => {
    const err = await failure(engine.run(vol, ['-i', '/in/src.mp4', '-vf', 'no_such_filter', '/out/x.mp4']));
    expect(err).toBeInstanceOf(UnknownComponentError);
    expect(err).toMatchObject({ kind: 'filter', component: 'no_such_filter' });
  });

  it('R-AF-8: an aborted signal stops the run with RunAbortedError carrying the reason', async () => {
    const controller = new AbortController();
    const lines: string[] = [];
    const running = engine.run(vol, endless, {
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('user pressed stop')),
      onStderr: (l) => lines.push(l),
    });
    const err = await failure(running);
    expect(err).toBeInstanceOf(RunAbortedError);
    expect((err.cause as Error).message).toBe('user pressed stop');
    expect(lines.some((l) => l.includes('frame='))).toBe(true);
  });

  it('R-AF-8: an already aborted signal rejects before running, with RunAbortedError', async () => {
    const signal = AbortSignal.abort();
    const err = await failure(engine.run(vol, endless, { signal }));
    expect(err).toBeInstanceOf(RunAbortedError);
    expect(err.cause).toBe(signal.reason);
  });

  it('R-AF-8: a timeout stops the run with RunTimeoutError', async () => {
    const err = await failure(engine.run(vol, endless, { timeout: 1500 }));
    expect(err).toBeInstanceOf(RunTimeoutError);
    expect((err as RunTimeoutError).timeoutMs).toBe(1500);
  });

  it('R-AF-4: a volume failing underneath the guest traps it: GuestTrapError, worker replaced', async () => {
    const broken = new Volume();
    broken.writeFileSync('/a.mp4', vol.readFileSync('/in/src.mp4') as Buffer);
    // The file opens; every read of it then fails (a 1 s clip is read in one fetch of the worker's
    // read-ahead, so a failure after the first read would never come).
    broken.readSync = (() => {
      throw new TypeError('disk on fire');
    }) as typeof broken.readSync;
    const spawned = spawns.count;
    const err = await failure(engine.run(broken, ['-i', '/a.mp4', '-f', 'null', '-']));
    expect(err).toBeInstanceOf(GuestTrapError);
    expect(err.message).toMatch(/disk on fire/);
    // The trapped worker is gone: the next run needs a new one.
    await engine.run(vol, ['-hide_banner', '-version']);
    expect(spawns.count).toBe(spawned + 1);
  });

  it('R-AF-4: a guest that passes its memory limit stops with OutOfMemoryError', async () => {
    // `reverse` buffers every frame until the input ends: memory grows without bound.
    const err = await failure(
      engine.run(
        vol,
        ['-f', 'lavfi', '-i', 'color=size=640x480:rate=25', '-vf', 'reverse', '-f', 'null', '-'],
        {
          memoryLimitMiB: 96,
        },
      ),
    );
    expect(err).toBeInstanceOf(OutOfMemoryError);
    expect(err).toBeInstanceOf(GuestTrapError);
    expect(err.message).toMatch(/memory limit of 96 MiB/);
  });

  it('R-AF-2: a path climbing out of the volume rejects with PathEscapeError', async () => {
    const err = await failure(engine.run(vol, ['-i', '../../../etc/passwd', '/out/x.mp4'], { cwd: '/in' }));
    expect(err).toBeInstanceOf(PathEscapeError);
  });

  it('R-AF-2: a symlink pointing out of its mount rejects with PathEscapeError', async () => {
    const other = new Volume();
    other.mkdirSync('/media');
    other.writeFileSync('/secret.mp4', vol.readFileSync('/in/src.mp4') as Buffer);
    other.symlinkSync('../secret.mp4', '/media/link.mp4');
    const err = await failure(
      engine.run(vol, ['-i', '/media/link.mp4', '/out/x.mp4'], {
        mounts: [{ at: '/media', volume: other, path: '/media', readOnly: true }],
      }),
    );
    expect(err).toBeInstanceOf(PathEscapeError);
    expect((err as PathEscapeError).path).toBe('/media/link.mp4');
  });

  it('R-AF-2: writing under a read-only mount rejects with ReadOnlyMountError and writes nothing', async () => {
    const err = await failure(
      engine.run(vol, ['-i', '/in/src.mp4', '-c', 'copy', '/in/overwrite.mp4'], {
        mounts: [{ at: '/in', path: '/in', readOnly: true }],
      }),
    );
    expect(err).toBeInstanceOf(ReadOnlyMountError);
    expect(vol.existsSync('/in/overwrite.mp4')).toBe(false);
  });
});
