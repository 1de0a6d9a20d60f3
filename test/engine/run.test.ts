import { PassThrough, Readable, Writable } from 'node:stream';
import { createEngine, type Engine, type Progress, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioEnergy, frameRgb, meanRgb } from './decoded.js';
import { indexOfAscii, makeCard, makeClip } from './media-fixtures.js';

let engine: Engine;
const vol = new Volume();

beforeAll(async () => {
  engine = createEngine({ concurrency: 2 });
  for (const dir of ['/in', '/out', '/seq', '/cards']) vol.mkdirSync(dir, { recursive: true });
  await makeClip(engine, vol, '/in/src.mp4', 1);
});
afterAll(() => engine.close());

describe('real FFmpeg runs over an in-memory volume', () => {
  it('R-AF-4 R-AF-5: the generated H.264/AAC source probes as such', async () => {
    const info = await engine.probe(vol, '/in/src.mp4');
    expect(info.format.formatName).toContain('mp4');
    expect(info.format.duration).toBeGreaterThan(0.9);
    expect(info.format.duration).toBeLessThan(1.2);
    const video = info.streams.find((s) => s.codecType === 'video');
    const audio = info.streams.find((s) => s.codecType === 'audio');
    expect(video).toMatchObject({ codecName: 'h264', width: 160, height: 120, frameCount: 10 });
    expect(video?.frameRate).toEqual({ num: 10, den: 1, value: 10 });
    expect(audio).toMatchObject({ codecName: 'aac', sampleRate: 44100, channels: 1 });
  });

  it('R-AF-4: an in-memory transcode (mp4 H.264/AAC, rescaled) reports exit 0 and stderr', async () => {
    const progress: Progress[] = [];
    const lines: string[] = [];
    const result = await engine.run(
      vol,
      [
        '-i',
        '/in/src.mp4',
        '-vf',
        'scale=80:60',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-c:a',
        'aac',
        '/out/small.mp4',
      ],
      { onProgress: (p) => progress.push(p), onStderr: (l) => lines.push(l) },
    );
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('Duration: 00:00:01');
    expect(lines.some((l) => l.includes('Stream #0:0'))).toBe(true);
    const last = progress.at(-1);
    expect(last?.frame).toBe(10);
    expect(last?.percent).toBeGreaterThan(90);
    const info = await engine.probe(vol, '/out/small.mp4');
    expect(info.streams.map((s) => s.codecName).sort()).toEqual(['aac', 'h264']);
    expect(info.streams.find((s) => s.codecType === 'video')).toMatchObject({
      width: 80,
      height: 60,
      frameCount: 10,
    });
  });

  it('R-AF-4: a thumbnail PNG from the middle of a clip', async () => {
    await engine.run(vol, [
      '-ss',
      '0.5',
      '-i',
      '/in/src.mp4',
      '-frames:v',
      '1',
      '-vf',
      'scale=64:-1',
      '/out/thumb.png',
    ]);
    const info = await engine.probe(vol, '/out/thumb.png');
    expect(info.streams[0]).toMatchObject({ codecName: 'png', width: 64, height: 48 });
  });

  it('R-AF-4: an image sequence out (img%03d.png) and back in', async () => {
    await engine.run(vol, ['-i', '/in/src.mp4', '-vf', 'fps=5', '/seq/img%03d.png']);
    const frames = (vol.readdirSync('/seq') as string[]).sort();
    expect(frames).toEqual(['img001.png', 'img002.png', 'img003.png', 'img004.png', 'img005.png']);
    await engine.run(vol, [
      '-framerate',
      '5',
      '-i',
      '/seq/img%03d.png',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      '/out/seq.mp4',
    ]);
    const info = await engine.probe(vol, '/out/seq.mp4');
    expect(info.streams[0]).toMatchObject({ codecName: 'h264', width: 160, height: 120, frameCount: 5 });
  });

  it('R-AF-3 R-AF-4: an xfade of two PNG cards with an amix of two tones renders to mp4', async () => {
    await makeCard(engine, vol, '/cards/a.png', 'red');
    await makeCard(engine, vol, '/cards/b.png', 'blue');
    await engine.run(vol, ['-f', 'lavfi', '-i', 'sine=frequency=300:duration=2', '/cards/voice.wav']);
    await engine.run(vol, [
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=500:duration=2',
      '-c:a',
      'aac',
      '/cards/music.m4a',
    ]);
    await engine.run(
      vol,
      [
        ['-loop', '1', '-t', '1', '-i', '/cards/a.png'],
        ['-loop', '1', '-t', '1', '-i', '/cards/b.png'],
        ['-i', '/cards/voice.wav', '-i', '/cards/music.m4a'],
        ['-filter_complex'],
        [
          '[0:v]fps=10,format=yuv420p[a];[1:v]fps=10,format=yuv420p[b];' +
            '[a][b]xfade=transition=fade:duration=0.5:offset=0.5[v];' +
            '[2:a]adelay=200|200,volume=0.8[voice];[3:a]afade=t=in:d=0.3[bed];' +
            '[voice][bed]amix=inputs=2:duration=shortest,alimiter,aresample=44100[a]',
        ],
        ['-map', '[v]', '-map', '[a]', '-t', '1.5', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac'],
        ['/out/reel.mp4'],
      ].flat(),
    );
    const info = await engine.probe(vol, '/out/reel.mp4');
    const video = info.streams.find((s) => s.codecType === 'video');
    expect(video).toMatchObject({ codecName: 'h264', width: 160, height: 120, frameCount: 15 });
    expect(info.streams.find((s) => s.codecType === 'audio')).toMatchObject({
      codecName: 'aac',
      sampleRate: 44100,
    });
    expect(info.format.duration).toBeCloseTo(1.5, 1);
    // Content, not just shape: red before the fade, blue after, and the fade's midpoint
    // (t = 0.75 s, frame 7 at 10 fps) is a mix of the two, neither input.
    const whole = { x: 0, y: 0, w: 160, h: 120 };
    const [r0, , b0] = meanRgb(await frameRgb(engine, vol, '/out/reel.mp4', 0), 160, whole);
    const [r7, , b7] = meanRgb(await frameRgb(engine, vol, '/out/reel.mp4', 7), 160, whole);
    const [r14, , b14] = meanRgb(await frameRgb(engine, vol, '/out/reel.mp4', 14), 160, whole);
    expect(r0).toBeGreaterThan(200);
    expect(b0).toBeLessThan(60);
    expect(b14).toBeGreaterThan(200);
    expect(r14).toBeLessThan(60);
    for (const channel of [r7, b7]) {
      expect(channel).toBeGreaterThan(70);
      expect(channel).toBeLessThan(190);
    }
    // amix of two uncorrelated tones: the mix's energy is the sum of its inputs' energies, each
    // weighted (1/2)² by amix's normalisation. Each input is measured through the same chain.
    const chain = (label: string, graph: string) => [
      '-filter_complex',
      `${graph},atrim=end=1.5[${label}]`,
      '-map',
      `[${label}]`,
      '-c:a',
      'pcm_f32le',
      `/cards/${label}.wav`,
    ];
    await engine.run(vol, ['-i', '/cards/voice.wav', ...chain('v', '[0:a]adelay=200|200,volume=0.8')]);
    await engine.run(vol, ['-i', '/cards/music.m4a', ...chain('m', '[0:a]afade=t=in:d=0.3')]);
    const voice = await audioEnergy(engine, vol, '/cards/v.wav');
    const music = await audioEnergy(engine, vol, '/cards/m.wav');
    const mixed = await audioEnergy(engine, vol, '/out/reel.mp4');
    expect(mixed / ((voice + music) / 4)).toBeCloseTo(1, 1);
  });

  it('R-AF-4: pipe:1 captured as bytes, then fed back through pipe:0', async () => {
    const out = await engine.run(vol, ['-i', '/in/src.mp4', '-c', 'copy', '-f', 'mpegts', 'pipe:1']);
    expect(out.stdout.length).toBeGreaterThan(10_000);
    expect(out.stdout[0]).toBe(0x47); // MPEG-TS sync byte
    await engine.run(vol, ['-f', 'mpegts', '-i', 'pipe:0', '-c', 'copy', '/out/from-pipe.mkv'], {
      stdin: out.stdout,
    });
    const info = await engine.probe(vol, '/out/from-pipe.mkv');
    expect(info.format.formatName).toContain('matroska');
    expect(info.streams.map((s) => s.codecName).sort()).toEqual(['aac', 'h264']);
    expect(info.format.duration).toBeGreaterThan(0.9);
    // The same bytes from a Node Readable in small chunks.
    const chunks = Array.from({ length: Math.ceil(out.stdout.length / 5000) }, (_, i) =>
      out.stdout.subarray(i * 5000, (i + 1) * 5000),
    );
    await engine.run(vol, ['-f', 'mpegts', '-i', 'pipe:0', '-c', 'copy', '/out/from-readable.mkv'], {
      stdin: Readable.from(chunks),
    });
    const again = await engine.probe(vol, '/out/from-readable.mkv');
    expect(again.streams.map((s) => s.codecName).sort()).toEqual(['aac', 'h264']);
  });

  it('R-AF-4: pipe:0 from an async iterable and pipe:1 into a Writable', async () => {
    const wav = vol.readFileSync('/cards/voice.wav') as Buffer;
    async function* pieces() {
      for (let i = 0; i < wav.length; i += 1000) yield new Uint8Array(wav.subarray(i, i + 1000));
    }
    const sink = new PassThrough();
    const received: Buffer[] = [];
    sink.on('data', (b: Buffer) => received.push(b));
    const result = await engine.run(
      vol,
      ['-f', 'wav', '-i', 'pipe:0', '-c:a', 'flac', '-f', 'flac', 'pipe:1'],
      {
        stdin: pieces(),
        stdout: sink,
      },
    );
    expect(result.stdout.length).toBe(0);
    vol.writeFileSync('/out/piped.flac', Buffer.concat(received));
    const info = await engine.probe(vol, '/out/piped.flac');
    expect(info.streams[0]).toMatchObject({ codecName: 'flac', sampleRate: 44100 });
    // A FLAC written to a pipe has no total in its header; decode it to count what arrived.
    await engine.run(vol, ['-i', '/out/piped.flac', '/out/piped.wav']);
    expect((await engine.probe(vol, '/out/piped.wav')).format.duration).toBeCloseTo(2, 1);
  });

  it('R-AF-4: pipe:1 into a slow Writable waits for it (backpressure) and loses nothing', async () => {
    let bytes = 0;
    let mostQueued = 0;
    const slow = new Writable({
      highWaterMark: 64 * 1024,
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        setTimeout(done, 2);
      },
    });
    const args = [
      '-i',
      '/in/src.mp4',
      '-vf',
      'scale=640:480',
      '-pix_fmt',
      'yuv420p',
      '-f',
      'rawvideo',
      'pipe:1',
    ];
    const watch = setInterval(() => {
      mostQueued = Math.max(mostQueued, slow.writableLength);
    }, 1);
    await engine.run(vol, args, { stdout: slow });
    clearInterval(watch);
    // The engine never ends the caller's stream; the caller does, and then everything has arrived.
    await new Promise((done) => slow.end(done));
    expect(bytes).toBe(640 * 480 * 1.5 * 10);
    // 4.6 MB went through, yet the stream never held much more than one 256 KiB batch.
    expect(mostQueued).toBeLessThanOrEqual(256 * 1024 + 64 * 1024);
  });

  it('R-AF-4: +faststart rewrites the mp4 with moov before mdat (seek back and rewrite)', async () => {
    await engine.run(vol, ['-i', '/in/src.mp4', '-c', 'copy', '-movflags', '+faststart', '/out/fast.mp4']);
    await engine.run(vol, ['-i', '/in/src.mp4', '-c', 'copy', '/out/slow.mp4']);
    const fast = vol.readFileSync('/out/fast.mp4') as Buffer;
    const slow = vol.readFileSync('/out/slow.mp4') as Buffer;
    expect(indexOfAscii(fast, 'moov')).toBeLessThan(indexOfAscii(fast, 'mdat'));
    expect(indexOfAscii(slow, 'moov')).toBeGreaterThan(indexOfAscii(slow, 'mdat'));
    const info = await engine.probe(vol, '/out/fast.mp4');
    expect(info.streams.find((s) => s.codecType === 'video')).toMatchObject({
      codecName: 'h264',
      frameCount: 10,
    });
  });

  // wasi-libc starts every guest at `/`; the engine passes the cwd as PWD and the build's multi-call
  // main changes to it (build/src/multicall.c).
  it('R-AF-4: relative paths resolve from cwd inside the volume', async () => {
    await engine.run(vol, ['-i', 'src.mp4', '-c', 'copy', '../out/from-cwd.mkv'], { cwd: '/in' });
    const info = await engine.probe(vol, 'from-cwd.mkv', { cwd: '/out' });
    expect(info.streams.map((s) => s.codecName).sort()).toEqual(['aac', 'h264']);
  });

  it('R-AF-4: a cwd that does not exist in the volume fails the run with a clear error', async () => {
    await expect(engine.run(vol, ['-i', 'src.mp4', 'x.mkv'], { cwd: '/nowhere' })).rejects.toThrow(
      /working directory not found/,
    );
    expect((await engine.run(vol, ['-hide_banner', '-version'])).exitCode).toBe(0);
  });

  it('R-AF-4: the guest sees the environment it is given (FFREPORT writes a report into the volume)', async () => {
    const args = ['-hide_banner', '-f', 'lavfi', '-i', 'anullsrc', '-t', '0.1', '-f', 'null', '-'];
    await engine.run(vol, args, { env: { FFREPORT: 'file=/out/report.log:level=32' } });
    expect(vol.readFileSync('/out/report.log', 'utf8')).toMatch(/Command line:/);
    vol.unlinkSync('/out/report.log');
    await engine.run(vol, args);
    expect(vol.existsSync('/out/report.log')).toBe(false);
  });
});
