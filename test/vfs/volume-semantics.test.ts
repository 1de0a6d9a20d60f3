import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine, MissingInputError, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let engine: Engine;
const vol = new Volume();
const tone = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=0.5'];

beforeAll(async () => {
  engine = createEngine({ concurrency: 2 });
  vol.mkdirSync('/in', { recursive: true });
  vol.mkdirSync('/out', { recursive: true });
  await engine.run(vol, [...tone, '/in/tone.wav']);
});
afterAll(() => engine.close());

describe('the guest file system over a volume', () => {
  it('R-AF-2: /tmp is a writable scratch that is discarded after the run', async () => {
    await engine.run(vol, ['-i', '/in/tone.wav', '/tmp/scratch.wav', '/out/kept.wav']);
    expect(vol.existsSync('/tmp')).toBe(false);
    expect((await engine.probe(vol, '/out/kept.wav')).streams[0]?.codecName).toBe('pcm_s16le');
    await expect(engine.run(vol, ['-i', '/tmp/scratch.wav', '/out/x.wav'])).rejects.toBeInstanceOf(
      MissingInputError,
    );
  });

  it('R-AF-2: /dev/null takes output', async () => {
    const result = await engine.run(vol, ['-y', '-i', '/in/tone.wav', '-f', 'wav', '/dev/null']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/Output #0, wav, to '\/dev\/null'/);
  });

  it('R-AF-2: /dev/urandom feeds the Matroska muxer its random UIDs (two runs differ, both probe)', async () => {
    await engine.run(vol, ['-i', '/in/tone.wav', '-c:a', 'flac', '/out/a.mkv']);
    await engine.run(vol, ['-i', '/in/tone.wav', '-c:a', 'flac', '/out/b.mkv']);
    const a = vol.readFileSync('/out/a.mkv') as Buffer;
    const b = vol.readFileSync('/out/b.mkv') as Buffer;
    expect(a.length).toBe(b.length);
    expect(a.equals(b)).toBe(false);
    expect((await engine.probe(vol, '/out/a.mkv')).streams[0]?.codecName).toBe('flac');
  });

  it('R-AF-2: a symlink inside the volume is followed', async () => {
    vol.symlinkSync('/in/tone.wav', '/out/link.wav');
    await engine.run(vol, ['-i', '/out/link.wav', '-c:a', 'aac', '/out/via-link.m4a']);
    expect((await engine.probe(vol, '/out/via-link.m4a')).streams[0]?.codecName).toBe('aac');
  });

  it('R-AF-2: rename inside the volume (image2 atomic writing)', async () => {
    await engine.run(vol, [
      ...['-f', 'lavfi', '-i', 'testsrc2=size=64x48:rate=5:duration=1'],
      ...['-f', 'image2', '-update', '1', '-atomic_writing', '1', '/out/latest.png'],
    ]);
    expect((vol.readdirSync('/out') as string[]).filter((n) => n.startsWith('latest'))).toEqual([
      'latest.png',
    ]);
    expect((await engine.probe(vol, '/out/latest.png')).streams[0]).toMatchObject({
      codecName: 'png',
      width: 64,
    });
  });

  it('R-AF-2: a read-only mount serves reads; a second volume is mounted read-write', async () => {
    const outputs = new Volume();
    await engine.run(vol, ['-i', '/media/tone.wav', '-c:a', 'flac', '/results/t.flac'], {
      mounts: [
        { at: '/media', path: '/in', readOnly: true },
        { at: '/results', volume: outputs },
      ],
    });
    expect(outputs.readdirSync('/')).toEqual(['t.flac']);
    const info = await engine.probe(outputs, '/t.flac');
    expect(info.streams[0]).toMatchObject({ codecName: 'flac', sampleRate: 44100 });
  });

  it('R-AF-2: node:fs rooted at a host directory works as a mount (what the CLI uses)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'afmpeg-vfs-'));
    try {
      fs.writeFileSync(join(dir, 'in.wav'), vol.readFileSync('/in/tone.wav') as Buffer);
      await engine.run(vol, ['-i', '/host/in.wav', '-c:a', 'aac', '/host/out.m4a'], {
        mounts: [{ at: '/host', volume: fs, path: dir }],
      });
      expect(fs.readdirSync(dir).sort()).toEqual(['in.wav', 'out.m4a']);
      const info = await engine.probe(fs, '/host/out.m4a', {
        mounts: [{ at: '/host', volume: fs, path: dir }],
      });
      expect(info.format.duration).toBeCloseTo(0.5, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
