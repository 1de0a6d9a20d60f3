import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type ProbeResult, probe, Volume } from 'afmpeg';
import { describe, expect, it } from 'vitest';

// Each example runs exactly as `npm run example:NAME` runs it (compiled by `tsc -b`, from the
// repository root), and what it wrote is probed.
const root = fileURLToPath(new URL('../..', import.meta.url));

async function runExample(name: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [`.out/examples/${name}.js`, ...args], {
    cwd: root,
    timeout: 240_000,
  });
  return stdout;
}

async function probeWritten(name: string): Promise<ProbeResult> {
  const vol = new Volume();
  vol.writeFileSync(`/${name}`, readFileSync(`${root}/examples/out/${name}`));
  return probe(vol, `/${name}`);
}

const video = (info: ProbeResult) => info.streams.find((s) => s.codecType === 'video');
const audio = (info: ProbeResult) => info.streams.find((s) => s.codecType === 'audio');

describe('examples run as documented', () => {
  it('R-AF-3 reel: xfade chain of five cards, voice-over and music mixed, H.264/AAC, 13 s', async () => {
    const out = await runExample('reel');
    expect(out).toContain('exit code 0');
    const info = await probeWritten('reel.mp4');
    expect(info.format.duration).toBeCloseTo(13, 0);
    expect(video(info)).toMatchObject({ codecName: 'h264', width: 720, height: 1280, frameCount: 390 });
    expect(audio(info)).toMatchObject({ codecName: 'aac', channels: 2 });
  });

  it("the README's quick tour runs as written: a 7.52 s H.264 crossfade", async () => {
    const out = await runExample('quick-tour');
    const lines = out.trim().split('\n');
    expect(lines.slice(-3)).toEqual(['0', '7.52', 'h264']);
    expect(lines.some((l) => /^at \d+(\.\d+)? s$/.test(l))).toBe(true);
  });

  it('R-AF-9 components: what lean carries, and a missing encoder refused before the run', async () => {
    const out = await runExample('components');
    expect(out.trim().split('\n')).toEqual([
      'true',
      'true',
      'false',
      "the lean build has no encoder 'libmp3lame' (output #0 -c:a); nothing ran",
    ]);
  });

  it('transcode: H.264/AAC scaled to 480 wide', async () => {
    await runExample('transcode');
    const info = await probeWritten('transcode.mp4');
    expect(video(info)).toMatchObject({ codecName: 'h264', width: 480, height: 270, pixFmt: 'yuv420p' });
    expect(audio(info)).toMatchObject({ codecName: 'aac' });
    expect(info.format.duration).toBeCloseTo(4, 0);
  });

  it('thumbnails: one still 320 wide and a 3x3 sheet', async () => {
    await runExample('thumbnails');
    expect(video(await probeWritten('thumb.png'))).toMatchObject({
      codecName: 'png',
      width: 320,
      height: 180,
    });
    // Three 160-wide tiles, two 4 px paddings and two 4 px margins.
    expect(video(await probeWritten('sheet.png'))).toMatchObject({ codecName: 'png', width: 496 });
  });

  it('audio mix: an AAC soundtrack with a voice-over, 6 s', async () => {
    await runExample('audio-mix');
    const info = await probeWritten('mixed.m4a');
    expect(info.streams).toHaveLength(1);
    expect(audio(info)).toMatchObject({ codecName: 'aac' });
    expect(info.format.duration).toBeCloseTo(6, 0);
  });

  it('concat: demuxer with stream copy and filter, both 6 s of video and audio', async () => {
    await runExample('concat');
    for (const name of ['joined-copy.mp4', 'joined.mp4']) {
      const info = await probeWritten(name);
      expect(info.format.duration).toBeCloseTo(6, 0);
      expect(video(info)).toMatchObject({ codecName: 'h264', width: 320, height: 240 });
      expect(audio(info)).toMatchObject({ codecName: 'aac' });
    }
  });

  it('overlay: a watermarked 3 s clip', async () => {
    await runExample('overlay');
    expect(video(await probeWritten('watermarked.mp4'))).toMatchObject({
      codecName: 'h264',
      width: 640,
      height: 360,
      frameCount: 75,
    });
  });

  it('R-AF-5 probe: prints the format and streams of a file', async () => {
    const out = await runExample('probe-file', 'examples/media/voice-1.mp3');
    expect(out).toMatch(/^mp3: 2\.5\d* s/);
    expect(out).toContain('#0 audio mp3: 22050 Hz, 1 channels (mono)');
  });

  it('R-AF-8 cancel: a signal and a timeout stop endless runs, then the engine works', async () => {
    const out = await runExample('cancel');
    expect(out).toMatch(/aborted after \d+ ms/);
    expect(out.match(/^timed out: run timed out/gm)).toHaveLength(2);
    expect(out).toContain('the engine still works: exit code 0');
  });

  it('R-AF-12 batch: eight jobs through the pool, each 50 frames of H.264', async () => {
    const out = await runExample('batch');
    expect(out).toContain('8 jobs, exit codes 0,0,0,0,0,0,0,0');
    expect(out.match(/clip-\d\.mp4: h264, 50 frames/g)).toHaveLength(8);
  });
});
