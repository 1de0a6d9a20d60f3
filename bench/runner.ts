/** A job as every runner sees it: files to place in the working directory, and an argv. */
export interface BenchJob {
  readonly name: string;
  readonly tool: 'ffmpeg' | 'ffprobe';
  readonly inputs: ReadonlyMap<string, Uint8Array>;
  readonly args: readonly string[];
}

/** One way of running FFmpeg that the benchmark compares. */
export interface BenchRunner {
  readonly name: string;
  /** Why this runner cannot run here, or undefined when it can. */
  unavailable(): Promise<string | undefined>;
  /** Runs the jobs, up to `parallel` at once, and resolves with the wall time in milliseconds. */
  runBatch(jobs: readonly BenchJob[], parallel: number): Promise<number>;
  close(): Promise<void>;
}

/** Runs `jobs` with at most `parallel` in flight, calling `one` for each. */
export async function inParallel<T>(
  jobs: readonly T[],
  parallel: number,
  one: (job: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++] as T;
      await one(job);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, lane));
}

export class BenchJobFailed extends Error {
  constructor(runner: string, job: string, detail: string) {
    super(`${runner}: ${job} failed: ${detail}`);
    this.name = 'BenchJobFailed';
  }
}
