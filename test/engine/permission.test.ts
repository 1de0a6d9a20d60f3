import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const child = fileURLToPath(new URL('./fixtures/permission-child.mjs', import.meta.url));

describe('R-AF-2: all I/O goes through the volume', () => {
  it('R-AF-2 R-AF-1: an in-memory transcode completes in a process that may not write any host file', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--experimental-permission',
        `--allow-fs-read=${packageDir}`,
        '--allow-worker',
        '--no-warnings',
        child,
      ],
      { cwd: packageDir, timeout: 120_000 },
    );
    const report = JSON.parse(stdout) as { streams: Array<[string, number | null]>; canWrite: boolean };
    expect(report.canWrite).toBe(false);
    expect(report.streams.sort()).toEqual([
      ['aac', expect.any(Number)],
      ['h264', 10],
    ]);
  });
});
