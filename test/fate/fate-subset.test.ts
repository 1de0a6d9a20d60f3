import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine, type Engine, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A fast, deterministic slice of FFmpeg's own test suite (FATE) in ordinary CI, with no C
// toolchain: each entry of subset.json is a FATE test whose whole output is one file-free ffmpeg
// run (lavfi sources in, framecrc/framemd5 out), recorded by `npm run fate` (scripts/fate/). The
// run goes through the engine over the committed gpl build and its stdout must equal, byte for
// byte, FFmpeg's own reference file, read from the pinned and sha256-verified FFmpeg tarball the
// build uses (the references never enter the repository). The full comparison, every test that
// needs no samples against a native control build, runs in the rebuild check (build/ci-check.sh).

interface SubsetTest {
  test: string;
  args: string[];
}

const repo = fileURLToPath(new URL('../..', import.meta.url));
const subset = JSON.parse(readFileSync(join(repo, 'test/fate/subset.json'), 'utf8')) as SubsetTest[];

/** FFmpeg's tarball, found and verified exactly as build/steps/sources.sh does. */
function ffmpegTarball(): string {
  const lock = JSON.parse(readFileSync(join(repo, 'build/sources.lock.json'), 'utf8')) as {
    sources: Array<{ name: string; file: string; sha256: string }>;
  };
  const ffmpeg = lock.sources.find((s) => s.name === 'ffmpeg');
  if (!ffmpeg) throw new Error('build/sources.lock.json has no ffmpeg');
  const dir = process.env.AFMPEG_SOURCES ?? join(repo, '../shared/sources');
  const path = join(dir, ffmpeg.file);
  if (!existsSync(path)) {
    throw new Error(
      `FATE references come from ${path}: set AFMPEG_SOURCES to the directory holding ${ffmpeg.file}`,
    );
  }
  const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
  if (sha !== ffmpeg.sha256) throw new Error(`${path} has sha256 ${sha}, expected ${ffmpeg.sha256}`);
  return path;
}

let engine: Engine;
let refs: string;

beforeAll(() => {
  engine = createEngine({ concurrency: 2 });
  refs = mkdtempSync(join(tmpdir(), 'afmpeg-fate-ref-'));
  const members = subset.map(({ test }) => `*/tests/ref/fate/${test.replace(/^fate-/, '')}`);
  execFileSync('tar', [
    '-xJf',
    ffmpegTarball(),
    '-C',
    refs,
    '--strip-components=4',
    '--wildcards',
    ...members,
  ]);
});
afterAll(async () => {
  await engine.close();
  rmSync(refs, { recursive: true, force: true });
});

describe('FATE through the engine: the CI subset (R-AF-18)', () => {
  it('holds a few dozen tests, each a single ffmpeg run with no file argument', () => {
    expect(subset.length).toBeGreaterThanOrEqual(20);
    for (const { args } of subset) {
      expect(args.filter((a) => a.startsWith('/') && a !== '/dev/null')).toEqual([]);
    }
  });

  it.each(subset)('$test matches FFmpeg 5.1.9 tests/ref/fate byte for byte', async ({ test, args }) => {
    const reference = readFileSync(join(refs, test.replace(/^fate-/, '')));
    const { stdout } = await engine.run(new Volume(), args);
    expect(Buffer.from(stdout).toString('utf8')).toBe(reference.toString('utf8'));
  });
});
