import { readFileSync } from 'node:fs';
import {
  BuilderError,
  Command,
  concatList,
  createEngine,
  type Engine,
  FFmpegExitError,
  type ProbeResult,
  type Progress,
  RunAbortedError,
  RunTimeoutError,
  runCommand,
  Volume,
} from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameRgb, meanRgb } from '../engine/decoded.js';

// Real FFmpeg (the wasm gpl build) over an in-memory volume; every output is probed. Sizes and
// durations are tiny: the machine is two shared cores.
let engine: Engine;
const vol = new Volume();
const W = 96;
const H = 64;
const SIZE = `${W}x${H}`;
const quiet = { y: true, hide_banner: true, nostdin: true, loglevel: 'error' } as const;
const cards = ['red', 'green', 'blue', 'yellow', 'white'];
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

const run = (cmd: Command<string>, options: Parameters<typeof runCommand>[2] = {}) =>
  runCommand(vol, cmd, { engine, ...options });
const probe = (path: string): Promise<ProbeResult> => engine.probe(vol, path);
const streamOf = (info: ProbeResult, type: string) => info.streams.find((s) => s.codecType === type);

/** A small H.264/AAC clip, made with the builder and the engine. */
const clip = (path: string, seconds: number, color: string, frequency: number) =>
  new Command(quiet)
    .lavfiInput('color', { c: color, s: SIZE, r: 10, d: seconds })
    .lavfiInput('sine', { frequency, sample_rate: 22050, duration: seconds })
    .output(path, {
      'c:v': 'libx264',
      preset: 'ultrafast',
      pix_fmt: 'yuv420p',
      'c:a': 'aac',
      ac: 1,
      shortest: true,
    });

beforeAll(async () => {
  engine = createEngine({ concurrency: 2 });
  for (const dir of ['/in', '/out']) vol.mkdirSync(dir, { recursive: true });
  vol.writeFileSync('/in/voice-1.mp3', fixture('voice-1.mp3'));
  vol.writeFileSync('/in/voice-2.mp3', fixture('voice-2.mp3'));
  await Promise.all(
    cards.map((color, i) =>
      run(
        new Command(quiet)
          .lavfiInput('color', { c: color, s: SIZE })
          .output(`in/card-${i}.png`, { 'frames:v': 1 }),
      ),
    ),
  );
  await Promise.all(
    [
      clip('/in/c0.mp4', 0.5, 'red', 440),
      clip('/in/c1.mp4', 0.5, 'green', 550),
      clip('/in/c2.mp4', 0.5, 'blue', 660),
    ].map((c) => run(c)),
  );
});
afterAll(() => engine?.close());

describe('R-AF-7 runCommand: built commands through real FFmpeg', () => {
  it('R-AF-3 the generated inputs are what the reel needs (PNG cards, MP3 voices, H.264/AAC clips)', async () => {
    expect(streamOf(await probe('/in/card-0.png'), 'video')).toMatchObject({
      codecName: 'png',
      width: W,
      height: H,
    });
    expect(streamOf(await probe('/in/voice-1.mp3'), 'audio')).toMatchObject({
      codecName: 'mp3',
      sampleRate: 22050,
    });
    const c0 = await probe('/in/c0.mp4');
    expect(streamOf(c0, 'video')).toMatchObject({ codecName: 'h264', frameCount: 5 });
    expect(streamOf(c0, 'audio')).toMatchObject({ codecName: 'aac' });
  });

  it('a reel: five cards chained with xfade, two voices placed with adelay over a music bed, amix, afade, alimiter -> H.264/AAC mp4', async () => {
    // Each card shows 2 s; four 0.5 s crossfades overlap them, so the reel is 5*2 - 4*0.5 = 8 s.
    let cmd = new Command(quiet);
    for (let i = 0; i < cards.length; i++)
      cmd = cmd.input(`in/card-${i}.png`, { loop: 1, framerate: 10, t: 2 });
    cmd = cmd
      .input('in/voice-1.mp3')
      .input('in/voice-2.mp3')
      .lavfiInput('sine', { frequency: 220, sample_rate: 22050, duration: 8 });
    for (let i = 1; i < cards.length; i++)
      cmd = cmd.filter('xfade', { transition: 'fade', duration: 0.5, offset: 2 * i - 0.5 * i });
    const reel = cmd
      .filter('format', { pix_fmts: 'yuv420p' })
      .graph((g) => {
        const voice1 = g.input(5).audio.filter('adelay', { delays: 1000, all: true });
        const voice2 = g.input(6).audio.filter('adelay', { delays: 4500, all: true });
        const music = g.input(7).audio.filter('volume', { volume: 0.3 });
        const mix = g
          .filter('amix', [music, voice1, voice2], { inputs: 3, duration: 'first', normalize: false })
          .filter('afade', { t: 'out', st: 7, d: 1 })
          .filter('alimiter', { limit: 0.9 });
        return { mix };
      })
      .output('out/reel.mp4', {
        map: ['mix'],
        'c:v': 'libx264',
        preset: 'ultrafast',
        pix_fmt: 'yuv420p',
        'c:a': 'aac',
        movflags: 'faststart',
      });
    const result = await run(reel);
    expect(result.exitCode).toBe(0);
    const info = await probe('/out/reel.mp4');
    expect(info.format.duration).toBeGreaterThan(7.9);
    expect(info.format.duration).toBeLessThan(8.2);
    expect(streamOf(info, 'video')).toMatchObject({
      codecName: 'h264',
      pixFmt: 'yuv420p',
      width: W,
      height: H,
      frameCount: 80,
    });
    expect(streamOf(info, 'audio')).toMatchObject({ codecName: 'aac', sampleRate: 22050 });
    expect(info.streams).toHaveLength(2);
  });

  it('an overlay fed by split (picture in picture)', async () => {
    const cmd = new Command(quiet)
      .input('in/c0.mp4')
      .graph((g) => {
        const [bg, fg] = g.input(0).video.filter('split').outputs(2);
        const small = fg
          .filter('scale', { w: W / 4, h: H / 4 })
          .filter('hflip')
          .filter('negate');
        return { v: g.filter('overlay', [bg, small], { x: 'W-w-4', y: 4 }) };
      })
      .output('out/pip.mp4', { map: ['v', '0:a'], 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'copy' });
    await run(cmd);
    const info = await probe('/out/pip.mp4');
    expect(streamOf(info, 'video')).toMatchObject({ codecName: 'h264', width: W, height: H, frameCount: 5 });
    expect(streamOf(info, 'audio')).toMatchObject({ codecName: 'aac' });
    // Content: the overlaid corner (negated red: cyan) differs from the red background around it.
    const frame = await frameRgb(engine, vol, '/out/pip.mp4', 2);
    const [pr, pg, pb] = meanRgb(frame, W, { x: W - W / 4 - 4 + 2, y: 4 + 2, w: W / 4 - 4, h: H / 4 - 4 });
    const [br, bg, bb] = meanRgb(frame, W, { x: 4, y: H / 2, w: W / 4, h: H / 4 });
    expect(br).toBeGreaterThan(180);
    expect(Math.max(bg, bb)).toBeLessThan(70);
    expect(pr).toBeLessThan(70);
    expect(Math.min(pg, pb)).toBeGreaterThan(180);
  });

  it('a concat of three clips (video and audio)', async () => {
    const cmd = new Command(quiet)
      .input('in/c0.mp4')
      .input('in/c1.mp4')
      .input('in/c2.mp4')
      .graph((g) => {
        const pads = [0, 1, 2].flatMap((i) => [g.input(i).video, g.input(i).audio]);
        const [v, a] = g.filter('concat', pads, { n: 3, v: 1, a: 1 }).outputs(2);
        return { v, a };
      })
      .output('out/concat.mp4', { map: ['v', 'a'], 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'aac' });
    await run(cmd);
    const info = await probe('/out/concat.mp4');
    expect(streamOf(info, 'video')).toMatchObject({ codecName: 'h264', frameCount: 15 });
    expect(info.format.duration).toBeGreaterThan(1.45);
    expect(info.format.duration).toBeLessThan(1.7);
  });

  it('a thumbnail grid (select with a comma expression, scale, tile) written as one PNG', async () => {
    const cmd = new Command(quiet)
      .input('in/c1.mp4')
      // The expression's commas must survive the graph level: escaped, not splitting the chain.
      .filter('select', { expr: 'not(mod(n,2))' })
      .filter('scale', { w: W / 2, h: H / 2 })
      .filter('tile', { layout: '2x2', padding: 2, margin: 2 })
      .output('out/grid.png', { 'frames:v': 1, update: true });
    expect(cmd.toArgs()).toContain('-vf');
    await run(cmd);
    const info = await probe('/out/grid.png');
    // 2 tiles of 48 px, 1 padding and 2 margins of 2 px: 48*2 + 2 + 4 = 102 wide, 32*2 + 6 = 70 high.
    expect(streamOf(info, 'video')).toMatchObject({ codecName: 'png', width: W + 6, height: H + 6 });
  });

  it('an audio-only extract and mix (clip audio + an MP3 voice) into AAC', async () => {
    const cmd = new Command(quiet)
      .input('in/c2.mp4')
      .input('in/voice-1.mp3')
      .filter('amix', { inputs: 2, duration: 'longest' })
      .filter('aresample', { osr: 44100 })
      .output('out/mix.m4a', { vn: true, 'c:a': 'aac', ac: 1 });
    await run(cmd);
    const info = await probe('/out/mix.m4a');
    expect(info.streams.map((s) => s.codecType)).toEqual(['audio']);
    expect(streamOf(info, 'audio')).toMatchObject({ codecName: 'aac', sampleRate: 44100, channels: 1 });
    expect(info.format.duration).toBeGreaterThan(0.95);
    expect(info.format.duration).toBeLessThan(1.2);
  });

  it('stdin and stdout pass through: raw RGBA frames in on pipe:0, a WAV out on pipe:1', async () => {
    const frames = new Uint8Array(16 * 8 * 4 * 5).fill(200); // five 16x8 RGBA frames
    const toPng = new Command(quiet)
      .input('pipe:0', { f: 'rawvideo', pix_fmt: 'rgba', s: '16x8', framerate: 5 })
      .filter('hflip')
      .output('out/piped.mp4', { 'c:v': 'libx264', preset: 'ultrafast', pix_fmt: 'yuv420p' });
    await run(toPng, { stdin: frames });
    expect(streamOf(await probe('/out/piped.mp4'), 'video')).toMatchObject({
      width: 16,
      height: 8,
      frameCount: 5,
    });
    const toStdout = new Command(quiet)
      .lavfiInput('sine', { frequency: 440, sample_rate: 8000, duration: 0.5 })
      .output('pipe:1', { f: 'wav', 'c:a': 'pcm_s16le' });
    const result = await run(toStdout);
    expect(new TextDecoder().decode(result.stdout.subarray(0, 4))).toBe('RIFF');
    // 0.5 s of 8 kHz mono 16-bit PCM after a 44-byte-or-so header.
    expect(result.stdout.length).toBeGreaterThan(8000);
    expect(result.stdout.length).toBeLessThan(8200);
  });

  it('R-AF-8 signal and timeout pass through to the engine', async () => {
    const endless = new Command(quiet)
      .lavfiInput('testsrc2', { size: SIZE, rate: 10 })
      .output('out/endless.mp4', {
        'c:v': 'libx264',
        preset: 'ultrafast',
      });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    await expect(run(endless, { signal: controller.signal })).rejects.toBeInstanceOf(RunAbortedError);
    await expect(run(endless, { timeout: 300 })).rejects.toBeInstanceOf(RunTimeoutError);
  });

  it('progress carries a percent when the command states its duration (output -t)', async () => {
    const progress: Progress[] = [];
    const cmd = new Command({ ...quiet, loglevel: 'info', stats: true })
      .lavfiInput('testsrc2', { size: SIZE, rate: 10 })
      .output('out/progress.mp4', { t: 3, 'c:v': 'libx264', preset: 'ultrafast' });
    expect(cmd.durationSeconds()).toBe(3);
    await run(cmd, { onProgress: (p) => progress.push(p) });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)?.percent).toBeGreaterThan(90);
    expect(streamOf(await probe('/out/progress.mp4'), 'video')?.frameCount).toBe(30);
  });

  it("an invalid graph rejects with BuilderError before anything runs; a bad option value with FFmpeg's own error", async () => {
    const dangling = new Command(quiet)
      .input('in/c0.mp4')
      .graph((g) => ({ v: g.input(0).video.filter('split').output(0) }))
      .output('out/never.mp4', { map: ['v'] });
    await expect(run(dangling)).rejects.toBeInstanceOf(BuilderError);
    expect(vol.existsSync('/out/never.mp4')).toBe(false);
    const before = Buffer.from(vol.readFileSync('/in/c0.mp4') as Buffer).toString('base64');
    const bad = new Command(quiet)
      .input('in/c0.mp4')
      .filter('scale', { w: 'not-an-expr((', h: 10 })
      .output('out/bad.mp4');
    const err = await run(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FFmpegExitError);
    expect((err as Error).message).toContain('not-an-expr');
    expect(Buffer.from(vol.readFileSync('/in/c0.mp4') as Buffer).toString('base64')).toBe(before);
    // The engine is still usable afterwards.
    await run(new Command(quiet).input('in/c0.mp4').output('out/after.mp4', { c: 'copy' }));
    expect(streamOf(await probe('/out/after.mp4'), 'video')?.frameCount).toBe(5);
  });
});

// The odd characters FFmpeg's parsers treat specially, plus whitespace, a newline and non-ASCII.
const ODD = "it's a \\ : , ; [x] = 100% \n é日本 ";

describe('R-AF-7 escaping round trips through the real FFmpeg parser', () => {
  it('-metadata and the metadata filter carry every odd byte', async () => {
    const cmd = new Command(quiet)
      .lavfiInput('color', { c: 'red', s: SIZE, d: 0.2, r: 5 })
      .filter('metadata', { mode: 'add', key: 'k', value: ODD })
      .filter('metadata', { mode: 'print', key: 'k', file: '/out/frame meta, [1].txt' })
      .output('out/meta.mp4', {
        metadata: { title: ODD, comment: `=${ODD}` },
        'c:v': 'libx264',
        preset: 'ultrafast',
      });
    await run(cmd);
    const info = await probe('/out/meta.mp4');
    expect(info.format.tags.title).toBe(ODD);
    expect(info.format.tags.comment).toBe(`=${ODD}`);
    const printed = vol.readFileSync('/out/frame meta, [1].txt', 'utf8') as string;
    expect(printed).toContain(`k=${ODD}\n`);
  });

  it('movie and amovie open oddly named files', async () => {
    const oddWav = "/in/odd 'name' [1], a;b=c%d é\\x:y\nz .wav";
    const oddPng = "/in/odd 'card' [2]; x,y=1%.png";
    vol.writeFileSync(oddPng, vol.readFileSync('/in/card-1.png'));
    await run(new Command(quiet).lavfiInput('sine', { frequency: 330, duration: 0.5 }).output(oddWav));
    const cmd = new Command(quiet)
      .graph((g) => ({
        a: g.source('amovie', { filename: oddWav }).filter('volume', { volume: 0.5 }),
        v: g.source('movie', { filename: oddPng }).filter('loop', { loop: 4, size: 1 }),
      }))
      .output('out/movie.mkv', { map: ['v', 'a'], 'c:v': 'png', 'c:a': 'flac' });
    await run(cmd);
    const info = await probe('/out/movie.mkv');
    expect(streamOf(info, 'audio')).toMatchObject({ codecName: 'flac' });
    expect(streamOf(info, 'video')).toMatchObject({ codecName: 'png', width: W, height: H });
    expect(info.format.duration).toBeGreaterThan(0.45);
  });

  it('a concat list with odd file names (concat demuxer, -safe 0)', async () => {
    const names = ["/in/c 0's.mp4", '/in/c,1;[x].mp4', '/in/c 2 é% =.mp4'];
    for (const [i, name] of names.entries()) vol.writeFileSync(name, vol.readFileSync(`/in/c${i}.mp4`));
    vol.writeFileSync('/in/list.txt', concatList(names));
    await run(
      new Command(quiet).input('in/list.txt', { f: 'concat', safe: 0 }).output('out/list.mp4', { c: 'copy' }),
    );
    const info = await probe('/out/list.mp4');
    expect(streamOf(info, 'video')).toMatchObject({ codecName: 'h264', frameCount: 15 });
  });
});
