import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ProbeResult, probe, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The `afmpeg` bin as a user runs it: a real process over a real directory, FFmpeg's exit codes.
const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const voice = fileURLToPath(new URL('../../examples/media/voice-1.mp3', import.meta.url));
let dir: string;

function afmpeg(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: dir }, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let outer: string;
beforeAll(() => {
  // The CLI runs in `outer/cwd`; `outer/voice.mp3` exists too, so a path climbing out of the
  // current directory would find a real file if containment broke.
  outer = mkdtempSync(join(tmpdir(), 'afmpeg-cli-'));
  dir = join(outer, 'cwd');
  mkdirSync(dir);
  copyFileSync(voice, join(dir, 'voice.mp3'));
  copyFileSync(voice, join(outer, 'voice.mp3'));
});
afterAll(() => rmSync(outer, { recursive: true, force: true }));

describe('R-AF-13 the afmpeg CLI', () => {
  it('runs ffmpeg over the current directory and exits 0; the output is real AAC', async () => {
    const { code } = await afmpeg(
      '-hide_banner',
      '-loglevel',
      'error',
      '-i',
      'voice.mp3',
      '-c:a',
      'aac',
      'out.m4a',
    );
    expect(code).toBe(0);
    const vol = new Volume();
    vol.writeFileSync('/out.m4a', readFileSync(join(dir, 'out.m4a')));
    const info = await probe(vol, '/out.m4a');
    expect(info.streams[0]).toMatchObject({ codecType: 'audio', codecName: 'aac', sampleRate: 22050 });
  });

  it('probe prints the typed probe as JSON', async () => {
    const { code, stdout } = await afmpeg('probe', 'voice.mp3');
    expect(code).toBe(0);
    const info = JSON.parse(stdout) as ProbeResult;
    expect(info.format.formatName).toBe('mp3');
    // 2.5 s of audio; MP3 framing pads the stream to whole 1152-sample frames.
    expect(info.format.duration).toBeGreaterThanOrEqual(2.5);
    expect(info.format.duration).toBeLessThan(2.65);
    expect(info.streams[0]).toMatchObject({ codecName: 'mp3', channels: 1 });
  });

  it("a missing input exits with FFmpeg's code 1 and FFmpeg's own message", async () => {
    const { code, stderr } = await afmpeg('-hide_banner', '-i', 'missing.wav', 'x.wav');
    expect(code).toBe(1);
    expect(stderr).toContain('missing.wav: No such file or directory');
    expect(existsSync(join(dir, 'x.wav'))).toBe(false);
  });

  it('nothing above the current directory is reachable (though ../voice.mp3 exists on the host)', async () => {
    expect(existsSync(join(dir, '..', 'voice.mp3'))).toBe(true);
    const { code, stderr } = await afmpeg('-hide_banner', '-i', '../voice.mp3', '-f', 'null', '-');
    expect(code).toBe(1);
    expect(stderr).toContain('../voice.mp3: Operation not permitted');
    expect(stderr).not.toMatch(/Input #0/);
  });

  it('an unknown --variant is a usage error (exit 2)', async () => {
    const { code, stderr } = await afmpeg('--variant', 'huge', '-version');
    expect(code).toBe(2);
    expect(stderr).toContain('--variant takes one of gpl, lgpl, lean');
  });

  it('R-AF-8 Ctrl-C (SIGINT) cancels the run cleanly with exit code 255, as ffmpeg does', async () => {
    const child = spawn(
      process.execPath,
      [cli, '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2', '-f', 'null', '-'],
      { cwd: dir },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(255);
    expect(stderr).toContain('afmpeg: run cancelled');
  });
});

describe('R-AF-13 R-AF-17 afmpeg --segments', () => {
  const frames = async (file: string) => {
    const vol = new Volume();
    vol.writeFileSync(`/${file}`, readFileSync(join(dir, file)));
    const info = await probe(vol, `/${file}`);
    return info.streams.map((s) => [s.codecType, s.frameCount, s.duration]);
  };

  beforeAll(async () => {
    const made = await afmpeg(
      ...[
        '-hide_banner',
        '-loglevel',
        'error',
        '-y',
        '-f',
        'lavfi',
        '-i',
        'testsrc2=size=320x240:rate=25:duration=4',
      ],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=4', '-c:v', 'libx264', '-g', '250'],
      ...['-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', 'clip.mp4'],
    );
    expect(made.code).toBe(0);
  });

  it('splits a transcode over two workers, says where it cut, and writes what a whole run writes', async () => {
    const args = [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-i',
      'clip.mp4',
      '-c:v',
      'libx264',
      '-c:a',
      'aac',
    ];
    const whole = await afmpeg(...args, 'whole.mp4');
    const split = await afmpeg('--segments', '2', ...args, 'split.mp4');
    expect([whole.code, split.code]).toEqual([0, 0]);
    expect(split.stderr).toMatch(
      /^afmpeg: 2 segments \(input-seek\), cut at [\d.]+ s; segments took [\d.]+, [\d.]+ s, the join [\d.]+ s$/m,
    );
    expect(await frames('split.mp4')).toEqual(await frames('whole.mp4'));
    expect(await frames('split.mp4')).toContainEqual(['video', 100, 4]);
    expect(readdirSync(dir).filter((f) => f.startsWith('.afmpeg'))).toEqual([]);
  });

  it('runs a command it cannot split whole and says why', async () => {
    const { code, stderr } = await afmpeg(
      ...['--segments=auto', '-hide_banner', '-loglevel', 'error', '-y', '-i', 'clip.mp4'],
      ...['-frames:v', '3', 'still-%d.png'],
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(/^afmpeg: --segments: ran whole: .+$/m);
    expect(
      readdirSync(dir)
        .filter((f) => f.startsWith('still-'))
        .sort(),
    ).toEqual(['still-1.png', 'still-2.png', 'still-3.png']);
  });

  it.each(['0', '-1', 'two', ''])('--segments %j is a usage error (exit 2)', async (value) => {
    const { code, stderr } = await afmpeg(`--segments=${value}`, '-i', 'clip.mp4', 'x.mp4');
    expect(code).toBe(2);
    expect(stderr).toContain('--segments takes a whole number above 0 or auto');
  });
});
