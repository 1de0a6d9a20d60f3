import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine, InvalidMediaError, RunAbortedError, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryVolume } from '../../dist/vfs/memory-volume.js';

// R-AF-19: a page without cross-origin isolation has no shared memory, so its runs copy the
// volumes to the worker and the changes back. The same engine runs that way in Node
// (`volumeAccess: 'copied'`), so the copy is checked here against real FFmpeg runs, over memfs and
// over MemoryVolume (the browser's Volume); test/browser runs it in Chromium.
let engine: Engine;
const tone = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=0.5'];

beforeAll(() => {
  engine = createEngine({ concurrency: 2, volumeAccess: 'copied' });
});
afterAll(() => engine.close());

describe.each([
  ['memfs Volume', () => new Volume()],
  ['MemoryVolume', () => new MemoryVolume()],
] as const)('R-AF-19: copied volumes, over a %s', (_, make) => {
  it('a run reads the copied input and its output reaches the caller; /tmp stays behind', async () => {
    const vol = make();
    vol.mkdirSync('/in', { recursive: true });
    vol.mkdirSync('/out', { recursive: true });
    await engine.run(vol, ['-y', ...tone, '/in/tone.wav']);
    const input = new Uint8Array(vol.readFileSync('/in/tone.wav') as Uint8Array);
    await engine.run(vol, ['-i', '/in/tone.wav', '/tmp/scratch.wav', '-c:a', 'flac', '/out/t.flac']);
    expect(vol.readdirSync('/out')).toEqual(['t.flac']);
    expect(vol.existsSync('/tmp')).toBe(false);
    expect(new Uint8Array(vol.readFileSync('/in/tone.wav') as Uint8Array)).toEqual(input);
    expect((await engine.probe(vol, '/out/t.flac')).streams[0]).toMatchObject({ codecName: 'flac' });
  });

  it('a rename inside the run (image2 atomic writing) arrives as its final name only', async () => {
    const vol = make();
    vol.mkdirSync('/out', { recursive: true });
    await engine.run(vol, [
      ...['-f', 'lavfi', '-i', 'testsrc2=size=64x48:rate=5:duration=1'],
      ...['-f', 'image2', '-update', '1', '-atomic_writing', '1', '/out/latest.png'],
    ]);
    expect(vol.readdirSync('/out')).toEqual(['latest.png']);
    expect((await engine.probe(vol, '/out/latest.png')).streams[0]).toMatchObject({ width: 64 });
  });

  it('an overwritten output is replaced; a symlink in the volume is followed', async () => {
    const vol = make();
    await engine.run(vol, ['-y', ...tone, '/a.wav']);
    vol.symlinkSync('/a.wav', '/link.wav');
    await engine.run(vol, ['-y', '-i', '/link.wav', '-c:a', 'aac', '/b.m4a']);
    await engine.run(vol, ['-y', '-i', '/link.wav', '-t', '0.2', '-c:a', 'aac', '/b.m4a']);
    expect((await engine.probe(vol, '/b.m4a')).format.duration).toBeCloseTo(0.2, 1);
  });

  it('a bad input: InvalidMediaError, the input untouched, nothing else written', async () => {
    const vol = make();
    const junk = new TextEncoder().encode('not media '.repeat(100));
    vol.writeFileSync('/bad.mp4', junk);
    const err = await engine.run(vol, ['-i', '/bad.mp4', '/out.mp4']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidMediaError);
    expect(new Uint8Array(vol.readFileSync('/bad.mp4') as Uint8Array)).toEqual(junk);
    expect(vol.readdirSync('/')).toEqual(['bad.mp4']);
  });

  it('a cancelled run rejects with RunAbortedError and changes nothing; the next run works', async () => {
    const vol = make();
    const controller = new AbortController();
    const run = engine.run(
      vol,
      ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:duration=600', '-c:v', 'libx264', '/long.mp4'],
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(run).rejects.toBeInstanceOf(RunAbortedError);
    expect(vol.readdirSync('/')).toEqual([]);
    await engine.run(vol, [...tone, '/after.wav']);
    expect(vol.readdirSync('/')).toEqual(['after.wav']);
  });
});

it('R-AF-19: a copied run carries only what its mounts show (a host directory, not the host disk)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'afmpeg-copied-'));
  try {
    const vol = new Volume();
    await engine.run(vol, [...tone, '/tone.wav']);
    fs.writeFileSync(join(dir, 'in.wav'), vol.readFileSync('/tone.wav') as Buffer);
    await engine.run(vol, ['-i', '/host/in.wav', '-c:a', 'aac', '/host/out.m4a'], {
      mounts: [{ at: '/host', volume: fs, path: dir }],
    });
    expect(fs.readdirSync(dir).sort()).toEqual(['in.wav', 'out.m4a']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
