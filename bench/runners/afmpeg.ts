import { createEngine, type Engine, Volume } from 'afmpeg';
import type { BenchJob, BenchRunner } from '../runner.js';
import { inParallel } from '../runner.js';

/** afmpeg's engine: each job on a fresh memfs volume, the pool sized to the batch's parallelism. */
export class AfmpegRunner implements BenchRunner {
  readonly name: string;
  private readonly engines = new Map<number, Engine>();

  constructor(private readonly variant: 'gpl' | 'lgpl' | 'lean' = 'gpl') {
    this.name = `afmpeg (${variant})`;
  }

  async unavailable(): Promise<string | undefined> {
    return undefined;
  }

  async runBatch(jobs: readonly BenchJob[], parallel: number): Promise<number> {
    const engine = this.engineFor(parallel);
    const volumes = jobs.map((job) => {
      const vol = new Volume();
      for (const [name, bytes] of job.inputs) vol.writeFileSync(`/${name}`, bytes);
      return vol;
    });
    const started = performance.now();
    await inParallel(
      jobs.map((job, i) => ({ job, vol: volumes[i] as Volume })),
      parallel,
      async ({ job, vol }) => {
        if (job.tool === 'ffmpeg') await engine.run(vol, job.args);
        else await engine.probe(vol, job.args[job.args.length - 1] as string);
      },
    );
    return performance.now() - started;
  }

  /** Warms an engine of this size (module compiled, workers started) outside the timed part. */
  async warm(parallel: number): Promise<void> {
    const engine = this.engineFor(parallel);
    const vol = new Volume();
    await Promise.all(Array.from({ length: parallel }, () => engine.run(vol, ['-hide_banner', '-version'])));
  }

  async close(): Promise<void> {
    await Promise.all([...this.engines.values()].map((engine) => engine.close()));
  }

  private engineFor(parallel: number): Engine {
    let engine = this.engines.get(parallel);
    if (!engine) {
      engine = createEngine({ variant: this.variant, concurrency: parallel });
      this.engines.set(parallel, engine);
    }
    return engine;
  }
}
