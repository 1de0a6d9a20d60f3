import { readFileSync } from 'node:fs';
import { createEngine, type Engine, InvalidMediaError, type ProbeResult, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioEnergy, framemd5Hashes, frameRgb, meanRgb } from './decoded.js';
import { snapshot } from './media-fixtures.js';
import { failure } from './nothing-lost.js';
import { TEST_FONT_FAMILY, volumeWithFont } from './test-font.js';

/**
 * R-AF-16: the broad builds run the commands users copy from tutorials — MP3, WebM (VP8/VP9 with
 * Vorbis/Opus), WebP, AV1 decode, drawtext and subtitle burn-in with fonts from the volume, HLS,
 * ADPCM, the SoX resampler. Each round trip is checked by probing and by decoded frames or
 * samples, never by "the file exists".
 */

const W = 160;
const H = 120;
const VIDEO = `testsrc2=size=${W}x${H}:rate=10:duration=1`;
const TONE = 'sine=frequency=440:sample_rate=44100:duration=2';
/** Mean square of a full-scale-1/8 sine (lavfi `sine`'s amplitude): (1/8)^2 / 2. */
const TONE_ENERGY = 1 / 128;

function psnr(a: Uint8Array, b: Uint8Array): number {
  expect(a.length).toBe(b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] as number) - (b[i] as number)) ** 2;
  const mse = sum / a.length;
  return mse === 0 ? 99 : 10 * Math.log10((255 * 255) / mse);
}

/** Frame `index` of the lavfi source itself, as RGB24: what an encode should look like. */
async function sourceFrame(engine: Engine, vol: Volume, index: number): Promise<Uint8Array> {
  const { stdout } = await engine.run(vol, [
    ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', VIDEO],
    ...['-vf', `select=eq(n\\,${index})`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
  ]);
  return stdout;
}

const stream = (probe: ProbeResult, type: string) => probe.streams.find((s) => s.codecType === type);

describe.each(['gpl', 'lgpl'] as const)('R-AF-16: the %s build runs real commands', (variant) => {
  let engine: Engine;
  beforeAll(() => {
    engine = createEngine({ variant, concurrency: 1 });
  });
  afterAll(async () => {
    await engine.close();
  });

  it('R-AF-16: the build carries what the five failing tutorial commands of issue 10 name', async () => {
    const c = await engine.components?.();
    if (!c) throw new Error('createEngine() answers components()');
    expect({
      libmp3lame: c.encoders.has('libmp3lame'),
      'libvpx-vp9': c.encoders.has('libvpx-vp9'),
      libopus: c.encoders.has('libopus'),
      drawtext: c.filters.has('drawtext'),
      hls: c.muxers.has('hls'),
      adpcm_ms: c.decoders.has('adpcm_ms'),
    }).toEqual({
      libmp3lame: true,
      'libvpx-vp9': true,
      libopus: true,
      drawtext: true,
      hls: true,
      adpcm_ms: true,
    });
    // What issue 10 leaves out: threads (fifo), network, devices.
    expect([c.muxers.has('fifo'), c.protocols.input.has('http'), c.demuxers.has('v4l2')]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('R-AF-16: -c:a libmp3lame writes an MP3 that probes as mp3 and decodes to the tone', async () => {
    const vol = new Volume();
    await engine.run(vol, ['-f', 'lavfi', '-i', TONE, '-c:a', 'libmp3lame', '-b:a', '128k', '/tone.mp3']);
    const probe = await engine.probe(vol, '/tone.mp3');
    expect(probe.format.formatName).toBe('mp3');
    expect(stream(probe, 'audio')?.codecName).toBe('mp3');
    expect(probe.format.duration).toBeCloseTo(2, 1);
    // MP3 adds encoder delay and padding (silence) around the tone: its level, within 15 %.
    expect(Math.abs((await audioEnergy(engine, vol, '/tone.mp3')) / TONE_ENERGY - 1)).toBeLessThan(0.15);
  });

  it.each([
    ['VP9 + Opus', 'libvpx-vp9', 'vp9', 'libopus', 'opus'],
    ['VP8 + Vorbis', 'libvpx', 'vp8', 'libvorbis', 'vorbis'],
  ])(
    'R-AF-16: a %s WebM probes with both streams and decodes to its source',
    async (_what, vcodec, vname, acodec, aname) => {
      const vol = new Volume();
      await engine.run(vol, [
        ...['-f', 'lavfi', '-i', VIDEO, '-f', 'lavfi', '-i', TONE],
        ...['-c:v', vcodec, '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '400k'],
        ...['-c:a', acodec, '-shortest', '/clip.webm'],
      ]);
      const probe = await engine.probe(vol, '/clip.webm');
      expect(probe.format.formatName).toBe('matroska,webm');
      expect(stream(probe, 'video')).toMatchObject({ codecName: vname, width: W, height: H });
      expect(stream(probe, 'audio')?.codecName).toBe(aname);
      expect(
        psnr(await frameRgb(engine, vol, '/clip.webm', 5), await sourceFrame(engine, vol, 5)),
      ).toBeGreaterThan(25);
      expect(await audioEnergy(engine, vol, '/clip.webm')).toBeCloseTo(TONE_ENERGY, 3);
    },
  );

  it('R-AF-16: libwebp writes a WebP still that decodes to its source', async () => {
    const vol = new Volume();
    await engine.run(vol, [
      '-f',
      'lavfi',
      '-i',
      VIDEO,
      '-frames:v',
      '1',
      '-c:v',
      'libwebp',
      '-quality',
      '90',
      '/still.webp',
    ]);
    const probe = await engine.probe(vol, '/still.webp');
    expect(stream(probe, 'video')).toMatchObject({ codecName: 'webp', width: W, height: H });
    expect(
      psnr(await frameRgb(engine, vol, '/still.webp', 0), await sourceFrame(engine, vol, 0)),
    ).toBeGreaterThan(25);
  });

  it('R-AF-16: libwebp_anim writes an animated WebP with one ANMF chunk per frame', async () => {
    const vol = new Volume();
    await engine.run(vol, [
      '-f',
      'lavfi',
      '-i',
      VIDEO,
      '-frames:v',
      '5',
      '-c:v',
      'libwebp_anim',
      '-loop',
      '0',
      '/anim.webp',
    ]);
    const bytes = Buffer.from(vol.readFileSync('/anim.webp') as Buffer);
    // FFmpeg 5.1 cannot decode animated WebP (its decoder came in 7.1): check the RIFF structure.
    expect(bytes.toString('latin1', 0, 4)).toBe('RIFF');
    expect(bytes.toString('latin1', 8, 12)).toBe('WEBP');
    expect(bytes.indexOf('ANIM', 12, 'latin1')).toBeGreaterThan(0);
    let frames = 0;
    for (let at = bytes.indexOf('ANMF', 12, 'latin1'); at >= 0; at = bytes.indexOf('ANMF', at + 4, 'latin1'))
      frames++;
    expect(frames).toBe(5);
  });

  it('R-AF-16: dav1d decodes AV1 bit-exactly as native FFmpeg does', async () => {
    const vol = new Volume();
    vol.writeFileSync('/av1.mp4', readFileSync(new URL('fixtures/av1-160x120-10f.mp4', import.meta.url)));
    const probe = await engine.probe(vol, '/av1.mp4');
    expect(stream(probe, 'video')).toMatchObject({ codecName: 'av1', width: W, height: H });
    const { stdout } = await engine.run(vol, [
      '-i',
      '/av1.mp4',
      '-f',
      'framemd5',
      '-pix_fmt',
      'yuv420p',
      'pipe:1',
    ]);
    const native = readFileSync(new URL('fixtures/av1-160x120-10f.framemd5', import.meta.url), 'utf8');
    expect(framemd5Hashes(stdout)).toEqual(framemd5Hashes(native));
    expect(framemd5Hashes(native)).toHaveLength(10);
  });

  it('R-AF-16: drawtext renders text with a font from the volume, and different text differently', async () => {
    const vol = volumeWithFont();
    const draw = async (text: string, out: string) => {
      await engine.run(vol, [
        ...['-f', 'lavfi', '-i', `color=c=black:size=${W}x${H}`, '-frames:v', '1'],
        ...['-vf', `drawtext=fontfile=/fonts/font.woff:text=${text}:fontsize=40:fontcolor=white:x=10:y=40`],
        out,
      ]);
      return frameRgb(engine, vol, out, 0);
    };
    const hello = await draw('Hello', '/hello.png');
    const world = await draw('World', '/world.png');
    const textArea = { x: 10, y: 40, w: 140, h: 40 };
    expect(meanRgb(hello, W, textArea)[0]).toBeGreaterThan(20);
    expect(meanRgb(hello, W, { x: 0, y: 0, w: W, h: 30 })[0]).toBe(0);
    expect(psnr(hello, world)).toBeLessThan(20);
  });

  it('R-AF-16: a 300 px glyph renders (FreeType longjmps out of an overflowing band and retries it)', async () => {
    const vol = volumeWithFont();
    await engine.run(vol, [
      ...['-f', 'lavfi', '-i', 'color=c=black:size=400x400', '-frames:v', '1'],
      ...[
        '-vf',
        "drawtext=fontfile=/fonts/font.woff:expansion=none:text='%':fontsize=300:fontcolor=white:x=20:y=20",
      ],
      '/big.png',
    ]);
    const big = await frameRgb(engine, vol, '/big.png', 0);
    expect(meanRgb(big, 400, { x: 20, y: 20, w: 300, h: 300 })[0]).toBeGreaterThan(30);
  });

  it('R-AF-16: a corrupt VP9 frame is an error FFmpeg reports (libvpx longjmps back), not a trap; the engine goes on', async () => {
    const vol = new Volume();
    vol.mkdirSync('/in');
    await engine.run(vol, [
      '-f',
      'lavfi',
      '-i',
      VIDEO,
      '-c:v',
      'libvpx-vp9',
      '-deadline',
      'realtime',
      '/in/good.ivf',
    ]);
    // IVF: a 32-byte file header, then per frame a 12-byte header and the frame. Overwrite the
    // first frame's bytes after its header with a fixed pattern.
    const bad = Buffer.from(vol.readFileSync('/in/good.ivf') as Buffer);
    const frameSize = bad.readUInt32LE(32);
    for (let i = 0; i < frameSize; i++) bad[44 + i] = (i * 37 + 11) & 0xff;
    vol.writeFileSync('/in/bad.ivf', bad);
    const before = snapshot(vol, '/in');
    // Native FFmpeg exits 1 here ("Error while decoding stream"); the engine types that.
    const err = await failure(
      engine.run(vol, ['-c:v', 'libvpx-vp9', '-i', '/in/bad.ivf', '-f', 'null', '-']),
    );
    expect(err).toBeInstanceOf(InvalidMediaError);
    expect((err as InvalidMediaError).stderrTail).toContain('Failed to decode frame');
    expect(snapshot(vol, '/in')).toEqual(before);
    const { stdout } = await engine.run(vol, [
      '-c:v',
      'libvpx-vp9',
      '-i',
      '/in/good.ivf',
      '-f',
      'framemd5',
      'pipe:1',
    ]);
    expect(framemd5Hashes(stdout)).toHaveLength(10);
  });

  it.each([
    ['srt', '1\n00:00:00,000 --> 00:00:05,000\nHello subtitles\n'],
    [
      'ass',
      [
        '[Script Info]',
        'ScriptType: v4.00+',
        `PlayResX: ${W}`,
        `PlayResY: ${H}`,
        '',
        '[V4+ Styles]',
        'Format: Name, Fontname, Fontsize, PrimaryColour, Alignment, MarginV',
        `Style: Default,${TEST_FONT_FAMILY},24,&H00FFFFFF,2,10`,
        '',
        '[Events]',
        'Format: Layer, Start, End, Style, Text',
        'Dialogue: 0,0:00:00.00,0:00:05.00,Default,Hello subtitles',
        '',
      ].join('\n'),
    ],
  ])('R-AF-16: subtitles burns an .%s into the picture with a font from the volume', async (ext, text) => {
    const vol = volumeWithFont();
    vol.writeFileSync(`/subs.${ext}`, text);
    const render = async (vf: string, out: string) => {
      await engine.run(vol, [
        '-f',
        'lavfi',
        '-i',
        `color=c=black:size=${W}x${H}:duration=1`,
        '-vf',
        vf,
        '-frames:v',
        '1',
        out,
      ]);
      return frameRgb(engine, vol, out, 0);
    };
    const plain = await render('null', '/plain.png');
    // An .srt has no style: name the font as a user would (force_style), else libass looks for Arial.
    const style = ext === 'srt' ? `:force_style='FontName=${TEST_FONT_FAMILY}'` : '';
    const burnt = await render(`subtitles=/subs.${ext}:fontsdir=/fonts${style}`, '/burnt.png');
    const bottom = { x: 0, y: H / 2, w: W, h: H / 2 };
    expect(meanRgb(plain, W, bottom)[0]).toBe(0);
    expect(meanRgb(burnt, W, bottom)[0]).toBeGreaterThan(0.5);
    expect(meanRgb(burnt, W, { x: 0, y: 0, w: W, h: 30 })[0]).toBe(0);
  });

  it('R-AF-16: -f hls writes a playlist and segments into the volume, and the playlist plays', async () => {
    const vol = new Volume();
    vol.mkdirSync('/hls');
    await engine.run(vol, [
      ...['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10:duration=4', '-c:v', 'mpeg2video', '-g', '10'],
      ...['-f', 'hls', '-hls_time', '1', '-hls_list_size', '0', '/hls/index.m3u8'],
    ]);
    const playlist = String(vol.readFileSync('/hls/index.m3u8', 'utf8'));
    const segments = playlist.split('\n').filter((l) => l.endsWith('.ts'));
    expect(playlist.startsWith('#EXTM3U')).toBe(true);
    expect(playlist).toContain('#EXT-X-ENDLIST');
    expect(segments).toHaveLength(4);
    for (const s of segments) expect(vol.existsSync(`/hls/${s}`)).toBe(true);
    const probe = await engine.probe(vol, '/hls/index.m3u8');
    expect(probe.format.formatName).toBe('hls');
    expect(probe.format.duration).toBeCloseTo(4, 0);
    const { stdout } = await engine.run(vol, ['-i', '/hls/index.m3u8', '-f', 'framemd5', 'pipe:1']);
    expect(framemd5Hashes(stdout)).toHaveLength(40);
  });

  it('R-AF-16: an ADPCM (adpcm_ms) WAV decodes to its tone', async () => {
    const vol = new Volume();
    await engine.run(vol, ['-f', 'lavfi', '-i', TONE, '-c:a', 'adpcm_ms', '/adpcm.wav']);
    expect(stream(await engine.probe(vol, '/adpcm.wav'), 'audio')?.codecName).toBe('adpcm_ms');
    expect(await audioEnergy(engine, vol, '/adpcm.wav')).toBeCloseTo(TONE_ENERGY, 3);
  });

  it('R-AF-16: aresample=resampler=soxr resamples 44.1 kHz to 48 kHz, same length and level', async () => {
    const vol = new Volume();
    await engine.run(vol, ['-f', 'lavfi', '-i', TONE, '-af', 'aresample=48000:resampler=soxr', '/48k.wav']);
    const audio = stream(await engine.probe(vol, '/48k.wav'), 'audio');
    expect(audio?.sampleRate).toBe(48000);
    expect(audio?.duration).toBeCloseTo(2, 2);
    expect(await audioEnergy(engine, vol, '/48k.wav')).toBeCloseTo(TONE_ENERGY, 3);
  });
});
