import {
  BuilderError,
  Command,
  createEngine,
  type Engine,
  type ProbeResult,
  runCommand,
  Volume,
} from 'afmpeg';
import {
  concatFiles,
  contactSheet,
  extractAudio,
  screenshots,
  thumbnail,
  toGif,
  watermark,
} from 'afmpeg/recipes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every recipe runs through real FFmpeg (wasm) and its result is probed and decoded: the colours
// of a clip whose second 0 is red, 1 green, 2 blue, 3 white tell which frames were picked.
let engine: Engine;
const vol = new Volume();
const quiet = { y: true, hide_banner: true, loglevel: 'error' } as const;
const run = (cmd: Command<string>) => runCommand(vol, cmd, { engine });
const probe = (path: string): Promise<ProbeResult> => engine.probe(vol, path);
const video = (info: ProbeResult) => info.streams.find((s) => s.codecType === 'video');
type Rgb = readonly [number, number, number];
const RED: Rgb = [255, 0, 0];
const GREEN: Rgb = [0, 128, 0];
const BLUE: Rgb = [0, 0, 255];
const WHITE: Rgb = [255, 255, 255];

/** Decoded frames of a picture or clip as RGB24: one `(x, y) => [r, g, b]` per frame. */
async function frames(path: string) {
  const info = await probe(path);
  const { width = 0, height = 0 } = video(info) ?? {};
  const out = await run(new Command(quiet).input(path).output('pipe:1', { f: 'rawvideo', pix_fmt: 'rgb24' }));
  const size = width * height * 3;
  return Array.from({ length: out.stdout.length / size }, (_, f) => (x: number, y: number): Rgb => {
    const o = f * size + (y * width + x) * 3;
    return [out.stdout[o] ?? -1, out.stdout[o + 1] ?? -1, out.stdout[o + 2] ?? -1];
  });
}
const near = (got: Rgb, want: Rgb, tolerance = 24) =>
  expect(
    got.every((c, i) => Math.abs(c - (want[i] ?? 0)) <= tolerance),
    `${got} ~ ${want}`,
  ).toBe(true);

/** A clip of colour cards (`seconds` each) with a tone, as H.264/AAC. */
const cards = (path: string, colors: readonly string[], size: string, seconds = 1) =>
  new Command(quiet)
    .graph((g) => {
      const parts = colors.map((c) => g.source('color', { c, s: size, r: 10, d: seconds }));
      return { v: g.filter('concat', parts, { n: colors.length, v: 1, a: 0 }) };
    })
    .lavfiInput('sine', { frequency: 440, sample_rate: 22050, duration: colors.length * seconds })
    .output(path, {
      map: ['v', '0:a'],
      'c:v': 'libx264',
      preset: 'ultrafast',
      pix_fmt: 'yuv420p',
      'c:a': 'aac',
      ac: 1,
    });

beforeAll(async () => {
  engine = createEngine({ concurrency: 2 });
  vol.mkdirSync('/in', { recursive: true });
  vol.mkdirSync('/out', { recursive: true });
  await Promise.all([
    run(cards('/in/rgbw.mp4', ['red', 'green', 'blue', 'white'], '64x48')),
    run(cards('/in/small.mp4', ['green', 'blue'], '32x32')),
    run(
      new Command(quiet)
        .lavfiInput('color', { c: 'lime', s: '8x8' })
        .output('/in/logo.png', { 'frames:v': 1 }),
    ),
  ]);
});
afterAll(() => engine?.close());

describe('R-AF-20 recipes, run and checked', () => {
  it('screenshots at a percentage, seconds and FFmpeg time, scaled', async () => {
    const cmd = screenshots('/in/rgbw.mp4', {
      at: ['10%', 1.5, '00:00:02.5', '90%'],
      duration: 4,
      size: '32x-2',
      path: (i) => `/out/shot-${i}.png`,
    });
    await run(cmd);
    const want = [RED, GREEN, BLUE, WHITE];
    for (const [i, color] of want.entries()) {
      expect(video(await probe(`/out/shot-${i}.png`))).toMatchObject({
        codecName: 'png',
        width: 32,
        height: 24,
      });
      const [frame] = await frames(`/out/shot-${i}.png`);
      near(frame?.(16, 12) ?? [-1, -1, -1], color);
    }
    expect(() => screenshots('/in/rgbw.mp4', { at: ['10%'] })).toThrow(BuilderError);
    expect(() => screenshots('/in/rgbw.mp4', { at: ['10%'] })).toThrow(/pass the input's duration/);
  });

  it('contactSheet: a 2x2 sheet of frames spread over the clip', async () => {
    await run(
      contactSheet('/in/rgbw.mp4', '/out/sheet.png', { columns: 2, rows: 2, tileWidth: 16, duration: 4 }),
    );
    // Tiles of 16x12, 2 px padding and margin: 2*16 + 3*2 = 38 by 2*12 + 3*2 = 30.
    expect(video(await probe('/out/sheet.png'))).toMatchObject({ width: 38, height: 30 });
    const [sheet] = await frames('/out/sheet.png');
    const tile = (c: number, r: number) => sheet?.(2 + c * 18 + 8, 2 + r * 14 + 6) ?? [-1, -1, -1];
    near(tile(0, 0), RED);
    near(tile(1, 0), GREEN);
    near(tile(0, 1), BLUE);
    near(tile(1, 1), WHITE);
  });

  it('contactSheet: every tile filled when picks land between frames (4x3 over 4 s at 10 fps)', async () => {
    await run(
      contactSheet('/in/rgbw.mp4', '/out/sheet12.png', { columns: 4, rows: 3, tileWidth: 16, duration: 4 }),
    );
    const [sheet] = await frames('/out/sheet12.png');
    // Slot k starts at 1/6 + k/3 s: the first frame at or after it is red for k 0-2, green 3-5,
    // blue 6-8, white 9-11 (the last at 3.9 s).
    const want = [RED, RED, RED, GREEN, GREEN, GREEN, BLUE, BLUE, BLUE, WHITE, WHITE, WHITE];
    want.forEach((color, k) => {
      const [c, r] = [k % 4, Math.floor(k / 4)];
      near(sheet?.(2 + c * 18 + 8, 2 + r * 14 + 6) ?? [-1, -1, -1], color);
    });
  });

  it('concatFiles: matching streams go through the demuxer with stream copy', async () => {
    const files = await Promise.all(
      ['/in/rgbw.mp4', '/in/rgbw.mp4'].map(async (path) => ({ path, streams: (await probe(path)).streams })),
    );
    const cmd = concatFiles(files, '/out/joined-copy.mp4');
    expect(cmd.toArgs()).toEqual(expect.arrayContaining(['-f', 'concat', '-c', 'copy']));
    await run(cmd);
    const info = await probe('/out/joined-copy.mp4');
    expect(video(info)).toMatchObject({ codecName: 'h264', width: 64, height: 48, frameCount: 80 });
    expect(info.format.duration).toBeGreaterThan(7.9);
  });

  it('concatFiles: different sizes go through the concat filter, fitted to the first', async () => {
    const files = await Promise.all(
      ['/in/rgbw.mp4', '/in/small.mp4'].map(async (path) => ({ path, streams: (await probe(path)).streams })),
    );
    const cmd = concatFiles(files, '/out/joined-filter.mp4', { encode: { preset: 'ultrafast' } });
    expect(cmd.toArgs().join(' ')).toContain('concat=n=2:v=1:a=1');
    await run(cmd);
    const info = await probe('/out/joined-filter.mp4');
    expect(video(info)).toMatchObject({ width: 64, height: 48, frameCount: 60 });
    expect(info.streams.map((s) => s.codecType)).toEqual(['video', 'audio']);
    const all = await frames('/out/joined-filter.mp4');
    near(all[45]?.(32, 24) ?? [-1, -1, -1], GREEN); // the small clip's first second, letterboxed
    near(all[45]?.(2, 24) ?? [-1, -1, -1], [0, 0, 0]); // its pillarbox
  });

  it('extractAudio: the soundtrack alone, encoded for the extension', async () => {
    await run(extractAudio('/in/rgbw.mp4', '/out/sound.wav', { sampleRate: 8000 }));
    const wav = await probe('/out/sound.wav');
    expect(wav.streams.map((s) => [s.codecType, s.codecName, s.sampleRate])).toEqual([
      ['audio', 'pcm_s16le', 8000],
    ]);
    expect(wav.format.duration).toBeGreaterThan(3.9);
    expect(wav.format.duration).toBeLessThan(4.1);
    await run(extractAudio('/in/rgbw.mp4', '/out/sound.m4a'));
    expect((await probe('/out/sound.m4a')).streams.map((s) => [s.codecType, s.codecName])).toEqual([
      ['audio', 'aac'],
    ]);
  });

  it('watermark: the mark at its place, blended by its opacity, audio kept', async () => {
    await run(
      watermark('/in/rgbw.mp4', '/in/logo.png', '/out/marked.mp4', {
        position: 'top-left',
        margin: 4,
        width: 8,
        opacity: 0.5,
        output: { 'c:v': 'libx264', preset: 'ultrafast', pix_fmt: 'yuv444p' },
      }),
    );
    const info = await probe('/out/marked.mp4');
    expect(info.streams.map((s) => s.codecType)).toEqual(['video', 'audio']);
    const [first] = await frames('/out/marked.mp4');
    near(first?.(8, 8) ?? [-1, -1, -1], [128, 128, 0], 30); // half lime over red
    near(first?.(40, 30) ?? [-1, -1, -1], RED);
  });

  it('toGif: palettegen + paletteuse in one run, frames at the asked rate and size', async () => {
    const cmd = toGif('/in/rgbw.mp4', '/out/clip.gif', { start: 1, duration: 2, fps: 5, width: 32 });
    expect(cmd.toArgs().join(' ')).toMatch(
      /split\[v1\]\[v2\];\[v1\]palettegen=.*\[v3\];\[v2\]\[v3\]paletteuse/,
    );
    await run(cmd);
    expect(video(await probe('/out/clip.gif'))).toMatchObject({ codecName: 'gif', width: 32, height: 24 });
    const all = await frames('/out/clip.gif');
    expect(all).toHaveLength(10);
    // Solid cards survive the clip's own palette exactly.
    near(all[0]?.(16, 12) ?? [-1, -1, -1], GREEN, 2);
    near(all[9]?.(16, 12) ?? [-1, -1, -1], BLUE, 2);
  });

  it('thumbnail: the most representative frame of the batch, not the first', async () => {
    await run(cards('/in/mostly-blue.mp4', ['red', 'blue', 'blue', 'blue', 'red'], '64x48', 0.2));
    await run(thumbnail('/in/mostly-blue.mp4', '/out/thumb.png', { frames: 10, size: '32x24' }));
    expect(video(await probe('/out/thumb.png'))).toMatchObject({ width: 32, height: 24 });
    const [thumb] = await frames('/out/thumb.png');
    near(thumb?.(16, 12) ?? [-1, -1, -1], BLUE);
  });
});
