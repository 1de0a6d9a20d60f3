import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
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
    // Walk its whole import graph: only relative imports, none into the engine, host or vfs rooms.
    const dist = join(project, 'node_modules/afmpeg/dist');
    const seen = new Set<string>();
    const walk = async (file: string): Promise<void> => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = await readFile(file, 'utf8');
      for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        expect(specifier?.startsWith('.'), `${file} imports ${specifier}`).toBe(true);
        await walk(join(dirname(file), specifier as string));
      }
    };
    await walk(join(dist, 'builder/index.js'));
    const rooms = [...seen].map((f) => relative(dist, f).split('/')[0]);
    expect(rooms).toContain('builder');
    expect(rooms.filter((r) => r === 'engine' || r === 'host' || r === 'vfs')).toEqual([]);
  });
});
