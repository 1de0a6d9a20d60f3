import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BenchJob, BenchJobFailed, type BenchRunner, inParallel } from '../runner.js';

/**
 * The installed native FFmpeg (`apt-get install ffmpeg`), the yardstick. With `singleThread`,
 * every decoder, encoder and filtergraph is held to one thread, which is what one WebAssembly
 * instance gets.
 */
export class NativeFfmpegRunner implements BenchRunner {
  readonly name: string;

  constructor(private readonly singleThread: boolean) {
    this.name = singleThread ? 'native -threads 1' : 'native (default threads)';
  }

  async unavailable(): Promise<string | undefined> {
    try {
      await promisify(execFile)('ffmpeg', ['-hide_banner', '-version']);
      return undefined;
    } catch {
      return 'no ffmpeg on PATH (apt-get install ffmpeg)';
    }
  }

  async runBatch(jobs: readonly BenchJob[], parallel: number): Promise<number> {
    const dirs = await Promise.all(jobs.map((job) => this.stage(job)));
    const started = performance.now();
    await inParallel(
      jobs.map((job, i) => ({ job, dir: dirs[i] as string })),
      parallel,
      ({ job, dir }) => this.spawnIn(job, dir),
    );
    const elapsed = performance.now() - started;
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    return elapsed;
  }

  async close(): Promise<void> {}

  private async stage(job: BenchJob): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'afmpeg-bench-'));
    for (const [name, bytes] of job.inputs) await writeFile(join(dir, name), bytes);
    return dir;
  }

  private spawnIn(job: BenchJob, dir: string): Promise<void> {
    const args = this.singleThread && job.tool === 'ffmpeg' ? holdToOneThread(job.args) : [...job.args];
    return new Promise((resolve, reject) => {
      const child = spawn(job.tool, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-2000);
      });
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new BenchJobFailed(this.name, job.name, stderr)),
      );
    });
  }
}

/** `-threads 1` before every input and the output, and one filtergraph thread. */
function holdToOneThread(args: readonly string[]): string[] {
  const out = ['-filter_threads', '1', '-filter_complex_threads', '1'];
  args.forEach((arg, i) => {
    if (arg === '-i' || i === args.length - 1) out.push('-threads', '1');
    out.push(arg);
  });
  return out;
}
