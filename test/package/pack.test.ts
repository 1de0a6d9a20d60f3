import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The suite imports 'afmpeg' from dist/ for speed; this proves what a user installs: the packed
// tarball's `exports` and `files`, installed into a fresh project, running a real transcode.
const exec = promisify(execFile);
const repo = new URL('../../', import.meta.url).pathname;
let project: string;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'afmpeg-pack-'));
  const { stdout } = await exec(
    'npm',
    ['pack', '--silent', '--ignore-scripts', '--pack-destination', project],
    {
      cwd: repo,
    },
  );
  const tarball = join(project, stdout.trim().split('\n').at(-1) as string);
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'user-project', private: true, type: 'module' }),
  );
  await exec('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'], {
    cwd: project,
  });
}, 300_000);

afterAll(() => rm(project, { recursive: true, force: true }));

describe('the packed package, installed as a user installs it', () => {
  it('runs an in-memory transcode through its public entry and probes the result', async () => {
    await writeFile(
      join(project, 'main.mjs'),
      `import { Command, Volume, createEngine, runCommand } from 'afmpeg';
const engine = createEngine({ concurrency: 1 });
const vol = new Volume();
const cmd = new Command({ y: true }).lavfiInput('testsrc2', { size: '64x48', rate: 10, duration: 1 })
  .output('/out.mp4', { 'c:v': 'libx264', pix_fmt: 'yuv420p' });
await runCommand(vol, cmd, { engine });
const info = await engine.probe(vol, '/out.mp4');
console.log(JSON.stringify({ codec: info.streams[0].codecName, frames: info.streams[0].frameCount }));
await engine.close();
`,
    );
    const { stdout } = await exec('node', ['main.mjs'], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ codec: 'h264', frames: 10 });
  });

  it("'afmpeg/builder' compiles commands and imports nothing of Node or the engine", async () => {
    const { stdout } = await exec(
      'node',
      [
        '--input-type=module',
        '-e',
        `import { Command } from 'afmpeg/builder';
console.log(JSON.stringify(new Command().input('a.mp4').filter('scale', { w: 320, h: -2 }).output('b.mp4').toArgs()));`,
      ],
      { cwd: project },
    );
    expect(JSON.parse(stdout)).toEqual(['-i', 'a.mp4', '-vf', 'scale=w=320:h=-2', 'b.mp4']);
    const dir = join(project, 'node_modules/afmpeg/dist/builder');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.js'));
    expect(files).toContain('index.js');
    for (const file of files) {
      const source = await readFile(join(dir, file), 'utf8');
      const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
      // Only siblings: no node: builtin, no package, nothing outside the builder room.
      expect(
        specifiers.filter((s) => !s?.startsWith('./')),
        file,
      ).toEqual([]);
    }
  });
});
