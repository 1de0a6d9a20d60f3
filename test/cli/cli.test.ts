import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
