/**
 * The browser test page: the public API, bundled by esbuild with the `browser` condition, run by
 * test/browser/browser.test.ts in Chromium, with and without cross-origin isolation. Each check
 * returns plain data for the test to assert on.
 */
import {
  AfmpegError,
  BuildIntegrityError,
  Command,
  createEngine,
  type Engine,
  InvalidMediaError,
  RunAbortedError,
  runCommand,
  Volume,
} from 'afmpeg';

const workerUrl = new URL('./run-worker.js', import.meta.url);
const engine = createEngine({ concurrency: 2, artifactsUrl: '/wasm/', workerUrl });

/** A 2 s 320x240 H.264/AAC clip, made by afmpeg in the page. */
async function sourceClip(vol: InstanceType<typeof Volume>, path: string, seconds = 2): Promise<void> {
  await runCommand(
    vol,
    new Command({ y: true, loglevel: 'error' })
      .lavfiInput('testsrc2', { size: '320x240', rate: 25, duration: seconds })
      .lavfiInput('sine', { frequency: 440, sample_rate: 48000, duration: seconds })
      .output(path, {
        'c:v': 'libx264',
        preset: 'ultrafast',
        pix_fmt: 'yuv420p',
        'c:a': 'aac',
        shortest: true,
      }),
    { engine },
  );
}

function errorFacts(err: unknown) {
  return {
    name: (err as Error)?.name,
    message: String((err as Error)?.message ?? err).split('\n')[0],
    isAfmpegError: err instanceof AfmpegError,
    isRunAborted: err instanceof RunAbortedError,
    isInvalidMedia: err instanceof InvalidMediaError,
    isBuildIntegrity: err instanceof BuildIntegrityError,
  };
}

const checks = {
  environment: () => ({
    crossOriginIsolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
    sharedArrayBuffer: typeof SharedArrayBuffer === 'function',
  }),

  /** First run: fetch + compile + instantiate + a tiny run, timed. */
  async firstRun() {
    const started = performance.now();
    await engine.run(new Volume(), ['-hide_banner', '-version']);
    return { ms: performance.now() - started };
  },

  /** A transcode with progress whose output is probed. */
  async transcode() {
    const vol = new Volume();
    vol.mkdirSync('/in', { recursive: true });
    await sourceClip(vol, '/in/clip.mp4');
    const percents: number[] = [];
    const lines: string[] = [];
    await runCommand(
      vol,
      new Command({ y: true })
        .input('/in/clip.mp4')
        .filter('scale', { w: 160, h: -2 })
        .output('/out/small.mp4', { 'c:v': 'libx264', preset: 'veryfast', 'c:a': 'aac', 'b:a': '64k' }),
      {
        engine,
        probeInputs: true,
        onProgress: (p) => p.percent !== undefined && percents.push(p.percent),
        onStderr: (l) => lines.push(l),
      },
    ).catch((err: unknown) => {
      // /out does not exist: FFmpeg says so, and the run rejects with its typed error.
      lines.push(`first attempt: ${(err as Error).name}`);
    });
    vol.mkdirSync('/out');
    await runCommand(
      vol,
      new Command({ y: true })
        .input('/in/clip.mp4')
        .filter('scale', { w: 160, h: -2 })
        .output('/out/small.mp4', { 'c:v': 'libx264', preset: 'veryfast', 'c:a': 'aac', 'b:a': '64k' }),
      {
        engine,
        probeInputs: true,
        onProgress: (p) => p.percent !== undefined && percents.push(p.percent),
        onStderr: (l) => lines.push(l),
      },
    );
    const info = await engine.probe(vol, '/out/small.mp4');
    return {
      streams: info.streams.map((s) => ({ codec: s.codecName, width: s.width, height: s.height })),
      duration: info.format.duration,
      lastPercent: percents.at(-1),
      progressReports: percents.length,
      firstAttempt: lines.find((l) => l.startsWith('first attempt')),
      inputSize: vol.statSync('/in/clip.mp4').size,
    };
  },

  /** The builder's reel (examples/reel.ts), small: PNG cards, xfade chain, audio mixed, H.264/AAC. */
  async reel() {
    const vol = new Volume();
    vol.mkdirSync('/in', { recursive: true });
    vol.mkdirSync('/out');
    const colors = ['#1d3557', '#2a9d8f', '#e76f51'];
    const [w, h, card, fade] = [180, 320, 2, 0.5];
    await Promise.all(
      colors.map((c, i) =>
        runCommand(
          vol,
          new Command({ y: true, loglevel: 'error' })
            .lavfiInput('color', { c, s: `${w}x${h}` })
            .lavfiInput('testsrc2', { s: `${w / 2}x${w / 2}` })
            .filter('overlay', { x: w / 4, y: (h - w / 2) / 2 })
            .output(`/in/card-${i}.png`, { 'frames:v': 1 }),
          { engine },
        ),
      ),
    );
    const seconds = colors.length * card - (colors.length - 1) * fade;
    let reel = new Command({ y: true, hide_banner: true });
    for (let i = 0; i < colors.length; i++)
      reel = reel.input(`/in/card-${i}.png`, { loop: 1, framerate: 25, t: card });
    reel = reel
      .lavfiInput('sine', { frequency: 330, duration: seconds })
      .lavfiInput('sine', { frequency: 550, duration: seconds });
    for (let i = 1; i < colors.length; i++)
      reel = reel.filter('xfade', { transition: 'fade', duration: fade, offset: i * (card - fade) });
    const render = reel
      .filter('format', { pix_fmts: 'yuv420p' })
      .graph((g) => {
        const a = g.input(colors.length).audio.filter('volume', { volume: 0.4 });
        const b = g.input(colors.length + 1).audio.filter('adelay', { delays: 500, all: true });
        const mix = g
          .filter('amix', [a, b], { inputs: 2, duration: 'first', normalize: false })
          .filter('afade', { t: 'out', st: seconds - 1, d: 1 });
        return { mix };
      })
      .output('/out/reel.mp4', {
        map: ['mix'],
        t: seconds,
        'c:v': 'libx264',
        preset: 'veryfast',
        'c:a': 'aac',
      });
    let lastPercent: number | undefined;
    await runCommand(vol, render, { engine, onProgress: (p) => (lastPercent = p.percent) });
    const info = await engine.probe(vol, '/out/reel.mp4');
    return {
      streams: info.streams.map((s) => ({ codec: s.codecName, width: s.width, height: s.height })),
      duration: info.format.duration,
      lastPercent,
    };
  },

  /** Cancelled mid-run: RunAbortedError; the next run on the same engine works. */
  async cancelThenRun() {
    const vol = new Volume();
    const controller = new AbortController();
    let progressBeforeAbort = 0;
    const long = runCommand(
      vol,
      new Command({ y: true })
        .lavfiInput('testsrc2', { size: '640x360', rate: 25, duration: 600 })
        .output('/long.mp4', { 'c:v': 'libx264', preset: 'veryfast' }),
      {
        engine,
        signal: controller.signal,
        onProgress: () => {
          progressBeforeAbort++;
          controller.abort();
        },
      },
    );
    const started = performance.now();
    const err = await long.then(
      () => undefined,
      (e: unknown) => e,
    );
    const settledMs = performance.now() - started;
    await sourceClip(vol, '/after.mp4', 1);
    const after = await engine.probe(vol, '/after.mp4');
    return {
      error: errorFacts(err),
      progressBeforeAbort,
      settledMs,
      after: after.streams.map((s) => s.codecName),
    };
  },

  /** Not media: a typed error, the input untouched, the engine still usable. */
  async badInput() {
    const vol = new Volume();
    const junk = new TextEncoder().encode('this is not a video, just text pretending to be one\n'.repeat(64));
    vol.writeFileSync('/bad.mp4', junk);
    const err = await engine.run(vol, ['-i', '/bad.mp4', '/out.mp4']).then(
      () => undefined,
      (e: unknown) => e,
    );
    const still = vol.readFileSync('/bad.mp4') as Uint8Array;
    await sourceClip(vol, '/good.mp4', 1);
    const good = await engine.probe(vol, '/good.mp4');
    return {
      error: errorFacts(err),
      inputUntouched: still.length === junk.length && still.every((b, i) => b === junk[i]),
      outputLeft: vol.existsSync('/out.mp4'),
      after: good.streams.map((s) => s.codecName),
    };
  },

  /** Two jobs at once on the 2-worker engine: both run at the same time, both outputs probe. */
  async twoAtOnce() {
    const vol = new Volume();
    // A job runs from its first progress report (FFmpeg is encoding) until its promise settles;
    // two jobs overlapped when each was running before the other had finished. (The last progress
    // report is no end: a short job may report once.) 12 s of 320x240, so each runs for a second
    // or more: long against a second worker's start and FFmpeg's half-second progress period.
    const spans: Array<{ start: number; end: number }> = [];
    const job = async (i: number) => {
      const span = { start: 0, end: 0 };
      spans.push(span);
      await runCommand(
        vol,
        new Command({ y: true })
          .lavfiInput('testsrc2', { size: '320x240', rate: 25, duration: 12 })
          .output(`/job-${i}.mp4`, { 'c:v': 'libx264', preset: 'veryfast' }),
        {
          engine,
          onProgress: () => {
            span.start ||= performance.now();
          },
        },
      );
      span.end = performance.now();
      return (await engine.probe(vol, `/job-${i}.mp4`)).streams[0]?.codecName;
    };
    const codecs = await Promise.all([job(0), job(1)]);
    const [a, b] = spans as [{ start: number; end: number }, { start: number; end: number }];
    const ran = a.start > 0 && b.start > 0;
    return { codecs, overlapped: ran && a.start < b.end && b.start < a.end, concurrency: engine.concurrency };
  },

  /** A module that does not match the provenance is refused (the server serves a tampered copy). */
  async tampered() {
    const bad: Engine = createEngine({ concurrency: 1, artifactsUrl: '/wasm-tampered/', workerUrl });
    const err = await bad.run(new Volume(), ['-version']).then(
      () => undefined,
      (e: unknown) => e,
    );
    await bad.close();
    return errorFacts(err);
  },
};

(globalThis as unknown as { afmpegChecks: typeof checks }).afmpegChecks = checks;
