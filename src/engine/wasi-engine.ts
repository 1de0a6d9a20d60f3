import { availableParallelism } from 'node:os';
import { posix } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Writable } from 'node:stream';
import { backendFromFs, type SyncFileSystem, type VolumeBackend } from '../vfs/volume-backend.js';
import { loadBuild } from './build-artifact.js';
import { classifyExit, isOutOfMemory } from './classify-failure.js';
import {
  EngineClosedError,
  GuestTrapError,
  OutOfMemoryError,
  ProbeParseError,
  RunAbortedError,
  RunTimeoutError,
  tailOf,
} from './errors.js';
import { type ProbeResult, parseProbeJson } from './probe-result.js';
import { LineSplitter, parseDuration, parseProgress } from './progress.js';
import { createChannelBuffers } from './rpc-channel.js';
import { StdinSource } from './stdin-source.js';
import type {
  Engine,
  EngineOptions,
  ProbeOptions,
  RunOptions,
  RunResult,
  Tool,
  VariantName,
  VerifiedVariant,
  VolumeLike,
} from './types.js';
import { VolumeServer } from './volume-server.js';
import { WorkerPool } from './worker-pool.js';
import type { WorkerMessage, WorkerMount } from './worker-protocol.js';

/** Keep at most this much stderr per run; FFmpeg's explanation is always at the end. */
const STDERR_LIMIT = 1 << 20;

/** The guest's environment: explicit, and without TERM so the log is never coloured. */
const BASE_ENV: Readonly<Record<string, string>> = { HOME: '/tmp', TMPDIR: '/tmp', LANG: 'C' };

function isBackend(v: VolumeLike): v is VolumeBackend {
  // An fs (memfs or node:fs) also has async `open`/`lstat`; only the sync API tells them apart.
  return typeof (v as SyncFileSystem).openSync !== 'function';
}

function toBackend(v: VolumeLike): VolumeBackend {
  return isBackend(v) ? v : backendFromFs(v as unknown as SyncFileSystem);
}

function normaliseGuestPath(p: string): string {
  const n = posix.normalize(`/${p}`);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

interface Settled {
  exitCode: number;
  stderr: string;
  stdout: Uint8Array;
}

/** The WASI-component engine: a compiled build, a pool of workers, typed results. */
export class WasiEngine implements Engine {
  readonly #variant: VariantName | VerifiedVariant;
  readonly #concurrency: number | undefined;
  #pool: Promise<WorkerPool> | undefined;
  #closed = false;

  constructor(options: EngineOptions = {}) {
    this.#variant = options.variant ?? 'gpl';
    this.#concurrency = options.concurrency;
  }

  get concurrency(): number {
    return Math.max(1, Math.floor(this.#concurrency ?? availableParallelism()));
  }

  /** Compiles the build once, on first use. */
  #getPool(): Promise<WorkerPool> {
    if (!this.#pool) {
      const pool = loadBuild(this.#variant).then((setup) => new WorkerPool(setup, this.#concurrency));
      // A failed load is not cached: the next call tries again (and reports again).
      pool.catch(() => {
        if (this.#pool === pool) this.#pool = undefined;
      });
      this.#pool = pool;
    }
    return this.#pool;
  }

  async run(vol: VolumeLike, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    return this.#execute(options.tool ?? 'ffmpeg', vol, args, options);
  }

  async probe(vol: VolumeLike, path: string, options: ProbeOptions = {}): Promise<ProbeResult> {
    const args = [
      '-v',
      'error',
      '-print_format',
      'json',
      '-show_format',
      '-show_streams',
      '-show_chapters',
      path,
    ];
    const result = await this.#execute('ffprobe', vol, args, { ...options, stdout: 'capture' });
    const text = new TextDecoder().decode(result.stdout);
    if (text.trim() === '')
      throw new ProbeParseError(`ffprobe printed nothing for ${path}\n${tailOf(result.stderr)}`);
    return parseProbeJson(text);
  }

  async close(): Promise<void> {
    this.#closed = true;
    const pool = this.#pool;
    this.#pool = undefined;
    if (pool) await (await pool.catch(() => undefined))?.close();
  }

  async #execute(
    tool: Tool,
    vol: VolumeLike,
    args: readonly string[],
    options: RunOptions,
  ): Promise<RunResult> {
    if (this.#closed) throw new EngineClosedError('the engine is closed');
    const started = performance.now();
    const { signal, timeout } = options;
    signal?.throwIfAborted();
    const argsCopy = [...args];
    const volumes: VolumeBackend[] = [toBackend(vol)];
    const mounts: WorkerMount[] = [{ at: '/', root: '/', readOnly: false, source: 'remote', volumeId: 0 }];
    for (const m of options.mounts ?? []) {
      const at = normaliseGuestPath(m.at);
      let volumeId = 0;
      if (m.volume !== undefined) {
        volumeId = volumes.length;
        volumes.push(toBackend(m.volume));
      }
      const mount: WorkerMount = {
        at,
        root: normaliseGuestPath(m.path ?? '/'),
        readOnly: m.readOnly ?? false,
        source: 'remote',
        volumeId,
      };
      if (at === '/') mounts[0] = mount;
      else mounts.push(mount);
    }
    if (!mounts.some((m) => m.at === '/tmp'))
      mounts.push({ at: '/tmp', root: '/', readOnly: false, source: 'scratch' });
    if (!mounts.some((m) => m.at === '/dev'))
      mounts.push({ at: '/dev', root: '/', readOnly: false, source: 'devices' });

    // One deadline for the whole call, queueing included.
    const controller = new AbortController();
    const timer =
      timeout !== undefined && timeout > 0
        ? setTimeout(() => controller.abort(new RunTimeoutError(timeout, argsCopy, '')), timeout)
        : undefined;
    const forwardAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    const stop = controller.signal;
    const failureFor = (stderr: string): Error => {
      const reason: unknown = stop.reason;
      if (reason instanceof RunTimeoutError)
        return new RunTimeoutError(reason.timeoutMs, argsCopy, tailOf(stderr));
      return new RunAbortedError(argsCopy, tailOf(stderr), { cause: reason });
    };

    try {
      const pool = await this.#getPool();
      let lease: Awaited<ReturnType<WorkerPool['acquire']>>;
      try {
        lease = await pool.acquire(stop);
      } catch (err) {
        if (stop.aborted) throw failureFor('');
        throw err;
      }
      const settled = await this.#runOnWorker(
        lease,
        tool,
        argsCopy,
        volumes,
        mounts,
        options,
        stop,
        failureFor,
      );
      return { ...settled, durationMs: performance.now() - started };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  #runOnWorker(
    lease: { worker: import('node:worker_threads').Worker; release(reusable: boolean): void },
    tool: Tool,
    args: string[],
    volumes: VolumeBackend[],
    mounts: WorkerMount[],
    options: RunOptions,
    stop: AbortSignal,
    failureFor: (stderr: string) => Error,
  ): Promise<Settled> {
    const { worker } = lease;
    const channel = createChannelBuffers();
    const stdin = options.stdin === undefined ? undefined : new StdinSource(options.stdin);
    const sink: Writable | undefined = options.stdout === 'capture' ? undefined : options.stdout;
    const server = new VolumeServer(channel, volumes, stdin, sink);
    const stdoutChunks: Uint8Array[] = [];
    let stderr = '';
    const stderrDecoder = new TextDecoder();
    const lines = new LineSplitter();
    let inputDuration: number | undefined;
    const onLine = (line: string) => {
      inputDuration ??= parseDuration(line);
      if (options.onProgress) {
        const progress = parseProgress(line, options.durationSeconds ?? inputDuration);
        if (progress) options.onProgress(progress);
      }
      options.onStderr?.(line);
    };
    // PWD carries the working directory: wasi-libc starts every guest at `/`, and the build's
    // multi-call main changes to $PWD when set.
    const cwd = normaliseGuestPath(options.cwd ?? '/');
    const env = Object.entries({ ...BASE_ENV, PWD: cwd, ...options.env });

    return new Promise<Settled>((resolve, reject) => {
      let done = false;
      const finish = (reusable: boolean, outcome: () => void) => {
        if (done) return;
        done = true;
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        stop.removeEventListener('abort', onStop);
        server.close();
        stdin?.close();
        lease.release(reusable);
        lines.end(onLine);
        outcome();
      };
      const onMessage = (msg: WorkerMessage) => {
        if (msg.type === 'stderr') {
          stderr += stderrDecoder.decode(msg.bytes, { stream: true });
          if (stderr.length > 2 * STDERR_LIMIT) stderr = stderr.slice(-STDERR_LIMIT);
          lines.push(msg.bytes, onLine);
          return;
        }
        if (msg.type === 'stdout') {
          if (sink) sink.write(msg.bytes);
          else stdoutChunks.push(msg.bytes);
          return;
        }
        stderr += stderrDecoder.decode();
        if (stderr.length > STDERR_LIMIT) stderr = stderr.slice(-STDERR_LIMIT);
        const fatal = server.fatal;
        if (msg.trap || fatal !== undefined) {
          const message = msg.trap?.message ?? String(fatal);
          const Trap = isOutOfMemory(message) ? OutOfMemoryError : GuestTrapError;
          const cause = fatal ?? Object.assign(new Error(message), { stack: msg.trap?.stack });
          finish(false, () => reject(new Trap(message, args, tailOf(stderr), { cause })));
          return;
        }
        const stdout = concat(stdoutChunks);
        const oom = outOfMemoryNote(stderr);
        const failure =
          msg.exitCode !== 0
            ? classifyExit(tool, msg.exitCode, args, stderr, msg.violations)
            : oom // FFmpeg may log an allocation failure and still exit 0 with a short output.
              ? new OutOfMemoryError(oom, args, tailOf(stderr))
              : undefined;
        // A worker whose guest ran out of memory is retired so its memory goes with it.
        finish(!(failure instanceof OutOfMemoryError), () => {
          if (failure) reject(failure);
          else resolve({ exitCode: 0, stderr, stdout });
        });
      };
      const onError = (err: Error) => {
        finish(false, () => reject(new GuestTrapError(err.message, args, tailOf(stderr), { cause: err })));
      };
      const onExit = (code: number) => {
        finish(false, () =>
          reject(
            this.#closed
              ? new EngineClosedError('the engine was closed during the run')
              : new GuestTrapError(`worker exited (code ${code}) during the run`, args, tailOf(stderr)),
          ),
        );
      };
      const onStop = () => finish(false, () => reject(failureFor(stderr)));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      stop.addEventListener('abort', onStop, { once: true });
      worker.postMessage({
        type: 'run',
        argv: [tool, ...args],
        env,
        cwd,
        mounts,
        channel,
        hasStdin: stdin !== undefined,
        stdoutToStream: sink !== undefined,
        ...(options.memoryLimitMiB === undefined
          ? {}
          : { memoryLimitBytes: options.memoryLimitMiB * 2 ** 20 }),
      });
    });
  }
}

/** FFmpeg's own report of a failed allocation, if it made one. */
function outOfMemoryNote(stderr: string): string | undefined {
  return /^.*(: Out of memory|Cannot allocate memory).*$/m.exec(stderr)?.[0];
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Creates an engine: one compiled build and a pool of workers (R-AF-9, R-AF-12).
 *
 * @example
 * ```ts
 * import { createEngine, Volume } from 'afmpeg';
 * const engine = createEngine({ variant: 'gpl', concurrency: 2 });
 * const vol = new Volume();
 * await engine.run(vol, ['-f', 'lavfi', '-i', 'testsrc2=d=1', '/clip.mp4']);
 * const info = await engine.probe(vol, '/clip.mp4');
 * await engine.close();
 * ```
 */
export function createEngine(options: EngineOptions = {}): Engine {
  return new WasiEngine(options);
}
