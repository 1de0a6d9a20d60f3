import { committedVariants } from '#platform/build-files';
import { defaultParallelism } from '#platform/parallelism';
import type { VolumeBackend } from '../vfs/index.js';
import { backendOf } from './backend-of.js';
import { type LoadedBuild, loadBuild, openBuild } from './build-artifact.js';
import { type BuildComponents, buildComponents, variantComponents } from './build-components.js';
import { CallerStdout } from './caller-stdout.js';
import { classifyExit, isOutOfMemory } from './classify-failure.js';
import { concatBytes } from './concat-bytes.js';
import { CopiedVolumes } from './copied-volumes.js';
import {
  AfmpegError,
  BuildIntegrityError,
  CallbackError,
  CallerStreamError,
  EngineClosedError,
  GuestTrapError,
  OutOfMemoryError,
  ProbeParseError,
  RunAbortedError,
  RunTimeoutError,
  tailOf,
  volumeFailureError,
} from './errors.js';
import { normaliseGuestPath } from './guest-path.js';
import { type ProbeResult, parseProbeJson } from './probe-result.js';
import { inputDuration as durationIn, LineSplitter, parseProgress } from './progress.js';
import { type ChannelBuffers, createChannelBuffers } from './rpc-channel.js';
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
import { type Lease, WorkerPool } from './worker-pool.js';
import type { WorkerMessage, WorkerMount } from './worker-protocol.js';
import { checkWorkingDirectory } from './working-directory.js';

/** Keep at most this much stderr per run; FFmpeg's explanation is always at the end. */
const STDERR_LIMIT = 1 << 20;

/** The guest's environment: explicit, and without TERM so the log is never coloured. */
const BASE_ENV: Readonly<Record<string, string>> = { HOME: '/tmp', TMPDIR: '/tmp', LANG: 'C' };

/**
 * Whether a worker can share memory with this thread: always in Node; in a browser only on a
 * cross-origin isolated page (COOP + COEP), the one place it has a SharedArrayBuffer.
 */
function sharedMemoryAvailable(): boolean {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  return typeof SharedArrayBuffer === 'function' && isolated !== false;
}

/** After a caller's stream fails, how long FFmpeg gets to exit on its broken pipe before it is stopped. */
const STREAM_FAILURE_GRACE_MS = 1000;

/** Above this, a guest without a limit has all but exhausted wasm32's 4 GiB. */
const NEAR_ADDRESS_SPACE = 3.5 * 2 ** 30;

/** An abort reason that says time ran out: our own timeout, or `AbortSignal.timeout()`'s. */
function isTimeoutReason(reason: unknown): boolean {
  return reason instanceof RunTimeoutError || (reason instanceof Error && reason.name === 'TimeoutError');
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
  readonly #artifactsUrl: string | URL | undefined;
  readonly #workerUrl: string | URL | undefined;
  readonly #copyVolumes: boolean;
  #pool: Promise<{ pool: WorkerPool; build: LoadedBuild }> | undefined;
  #closed = false;
  #components: Promise<BuildComponents> | undefined;

  constructor(options: EngineOptions = {}) {
    this.#variant = options.variant ?? 'gpl';
    this.#concurrency = options.concurrency;
    this.#artifactsUrl = options.artifactsUrl;
    this.#workerUrl = options.workerUrl;
    this.#copyVolumes =
      options.volumeAccess === 'copied' || (options.volumeAccess !== 'shared' && !sharedMemoryAvailable());
  }

  get concurrency(): number {
    return Math.max(1, Math.floor(this.#concurrency ?? defaultParallelism()));
  }

  /** Compiles the build once, on first use. */
  #getPool(): Promise<{ pool: WorkerPool; build: LoadedBuild }> {
    if (!this.#pool) {
      const pool = loadBuild(this.#variant, this.#artifactsUrl).then(
        (build) => ({ pool: new WorkerPool(build.setup, this.#concurrency, this.#workerUrl), build }),
        (err: unknown) => {
          // A build that fails to read or compile is a build problem, reported as one.
          throw err instanceof AfmpegError
            ? err
            : new BuildIntegrityError(`the build could not be loaded: ${(err as Error)?.message ?? err}`, {
                cause: err,
              });
        },
      );
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

  components(): Promise<BuildComponents> {
    if (!this.#components) {
      const variant = this.#variant;
      // A committed variant is read as `variantComponents` reads it (and shares its cache) where
      // the package's files can be read at once; a browser fetches it, as any build.
      const read =
        typeof variant === 'string' && this.#artifactsUrl === undefined && committedVariants().length > 0
          ? Promise.resolve().then(() => variantComponents(variant))
          : openBuild(variant, this.#artifactsUrl).then(({ provenanceBytes, provenanceWhere }) =>
              buildComponents(JSON.parse(new TextDecoder().decode(provenanceBytes)), provenanceWhere),
            );
      // Like a failed load, a failed read is not cached.
      read.catch(() => {
        if (this.#components === read) this.#components = undefined;
      });
      this.#components = read;
    }
    return this.#components;
  }

  async close(): Promise<void> {
    this.#closed = true;
    const pool = this.#pool;
    this.#pool = undefined;
    if (pool) await (await pool.catch(() => undefined))?.pool.close();
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
    const argsCopy = [...args];
    const failureFor = (reason: unknown, stderr: string): Error => {
      if (reason instanceof RunTimeoutError)
        return new RunTimeoutError(reason.timeoutMs, argsCopy, tailOf(stderr));
      if (isTimeoutReason(reason))
        return new RunTimeoutError(undefined, argsCopy, tailOf(stderr), { cause: reason });
      return new RunAbortedError(argsCopy, tailOf(stderr), { cause: reason });
    };
    if (signal?.aborted) throw failureFor(signal.reason, '');
    const volumes: VolumeBackend[] = [backendOf(vol)];
    const mounts: WorkerMount[] = [{ at: '/', root: '/', readOnly: false, source: 'remote', volumeId: 0 }];
    for (const m of options.mounts ?? []) {
      const at = normaliseGuestPath(m.at);
      let volumeId = 0;
      if (m.volume !== undefined) {
        volumeId = volumes.length;
        volumes.push(backendOf(m.volume));
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
    const cwd = normaliseGuestPath(options.cwd ?? '/');
    checkWorkingDirectory(cwd, mounts, volumes);

    // One deadline for the whole call, queueing included.
    const controller = new AbortController();
    const timer =
      timeout !== undefined && timeout > 0
        ? setTimeout(() => controller.abort(new RunTimeoutError(timeout, argsCopy, '')), timeout)
        : undefined;
    const forwardAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    const stop = controller.signal;

    try {
      const { pool, build } = await this.#getPool();
      const capped =
        options.memoryLimitMiB === undefined || build.memoryCapped === undefined
          ? undefined
          : await build.memoryCapped.get(options.memoryLimitMiB * 2 ** 20);
      // An abort while the build was loading (a first run compiles it) fired no event anyone
      // listens to any more: look before taking a worker, and again once one is granted.
      if (stop.aborted) throw failureFor(stop.reason, '');
      // Without shared memory the volumes are copied to the worker, and stdin goes whole.
      const copy = this.#copyVolumes
        ? { stdin: options.stdin === undefined ? undefined : await new StdinSource(options.stdin).readAll() }
        : undefined;
      let lease: Awaited<ReturnType<WorkerPool['acquire']>>;
      try {
        lease = await pool.acquire(stop);
      } catch (err) {
        if (stop.aborted) throw failureFor(stop.reason, '');
        throw err;
      }
      if (stop.aborted) {
        lease.release(true);
        throw failureFor(stop.reason, '');
      }
      const settled = await this.#runOnWorker(lease, tool, argsCopy, volumes, mounts, cwd, options, stop, {
        failureFor,
        capped,
        copy,
      });
      return { ...settled, durationMs: performance.now() - started };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  #runOnWorker(
    lease: Lease,
    tool: Tool,
    args: string[],
    volumes: VolumeBackend[],
    mounts: WorkerMount[],
    cwd: string,
    options: RunOptions,
    stop: AbortSignal,
    extra: {
      failureFor: (reason: unknown, stderr: string) => Error;
      capped: Record<string, WebAssembly.Module> | undefined;
      /** Set when the volumes are copied to the worker (no shared memory): stdin, read whole. */
      copy: { stdin: Uint8Array | undefined } | undefined;
    },
  ): Promise<Settled> {
    const { worker } = lease;
    const copied = extra.copy ? new CopiedVolumes(volumes, mounts) : undefined;
    const channel = copied ? undefined : createChannelBuffers();
    const stdin = copied || options.stdin === undefined ? undefined : new StdinSource(options.stdin);
    const sink =
      options.stdout === 'capture' || options.stdout === undefined
        ? undefined
        : new CallerStdout(options.stdout);
    const stdoutChunks: Uint8Array[] = [];
    let stderr = '';
    const stderrDecoder = new TextDecoder();
    const lines = new LineSplitter();
    let inputDuration: number | undefined;
    const limitBytes = options.memoryLimitMiB === undefined ? undefined : options.memoryLimitMiB * 2 ** 20;
    // PWD carries the working directory: wasi-libc starts every guest at `/`, and the build's
    // multi-call main changes to $PWD when set.
    const env = Object.entries({ ...BASE_ENV, PWD: cwd, ...options.env });

    return new Promise<Settled>((resolve, reject) => {
      let done = false;
      let graceTimer: ReturnType<typeof setTimeout> | undefined;
      let callbackFailure: CallbackError | undefined;
      const streamError = (failure: { stream: 'stdin' | 'stdout'; cause: unknown }, exitCode?: number) =>
        new CallerStreamError(failure.stream, args, tailOf(stderr), { cause: failure.cause }, exitCode);
      const server =
        copied ??
        new VolumeServer(channel as ChannelBuffers, volumes, stdin, sink, (failure) => {
          // FFmpeg now sees a broken pipe (or a read error) and normally exits at once; if it is
          // stuck elsewhere, the run still ends promptly.
          graceTimer = setTimeout(
            () => finish(false, () => reject(streamError(failure))),
            STREAM_FAILURE_GRACE_MS,
          );
        });
      const finish = (reusable: boolean, outcome: () => void) => {
        if (done) return;
        done = true;
        clearTimeout(graceTimer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        stop.removeEventListener('abort', onStop);
        server.close();
        stdin?.close();
        sink?.release();
        lease.release(reusable);
        outcome();
      };
      /** A caller's callback threw: the run stops here and rejects with what it threw. */
      const callback = (name: 'onStderr' | 'onProgress', call: () => void) => {
        if (callbackFailure) return;
        try {
          call();
        } catch (cause) {
          callbackFailure = new CallbackError(name, args, tailOf(stderr), { cause });
          const failure = callbackFailure;
          finish(false, () => reject(failure));
        }
      };
      const onLine = (line: string) => {
        inputDuration ??= durationIn(line);
        const { onProgress, onStderr } = options;
        if (onProgress) {
          const progress = parseProgress(line, options.durationSeconds ?? inputDuration);
          if (progress) callback('onProgress', () => onProgress(progress));
        }
        if (onStderr) callback('onStderr', () => onStderr(line));
      };
      const onMessage = (msg: WorkerMessage) => {
        if (done) return;
        if (msg.type === 'stderr') {
          stderr += stderrDecoder.decode(msg.bytes, { stream: true });
          if (stderr.length > 2 * STDERR_LIMIT) stderr = stderr.slice(-STDERR_LIMIT);
          lines.push(msg.bytes, onLine);
          return;
        }
        if (msg.type === 'stdout') {
          // Copied volumes have no channel to stream stdout through: it comes by message.
          if (sink) void sink.write(msg.bytes);
          else stdoutChunks.push(msg.bytes);
          return;
        }
        stderr += stderrDecoder.decode();
        if (stderr.length > STDERR_LIMIT) stderr = stderr.slice(-STDERR_LIMIT);
        lines.end(onLine);
        if (callbackFailure) return; // already rejected (the guest had finished: nothing to stop)
        // What the run changed reaches the caller's volume before the run settles, as it would live.
        copied?.apply(msg.changes);
        const fatal = server.fatal;
        const enomem = outOfMemoryNote(stderr);
        const memoryBytes = msg.memoryBytes ?? 0;
        // A memory limit caps the guest's memory; whatever allocation failure it then reports is
        // the limit. Without one, only a trap or an exhausted address space is out of memory:
        // FFmpeg's own ENOMEM on a header's absurd values is a bad input, exactly as natively.
        const limitHit =
          limitBytes !== undefined &&
          (enomem !== undefined || (msg.trap !== undefined && memoryBytes >= 0.75 * limitBytes));
        const limitMessage = () =>
          `out of memory: the guest reached its memory limit of ${options.memoryLimitMiB} MiB` +
          (enomem ? ` (${enomem.trim()})` : '');
        if (server.streamFailure) {
          const failure = server.streamFailure;
          const exited = msg.trap === undefined && fatal === undefined;
          finish(exited, () => reject(streamError(failure, exited ? msg.exitCode : undefined)));
          return;
        }
        if (msg.trap || fatal !== undefined) {
          const message = msg.trap?.message ?? String(fatal);
          const oom = isOutOfMemory(message) || limitHit || memoryBytes > NEAR_ADDRESS_SPACE;
          const Trap = oom ? OutOfMemoryError : GuestTrapError;
          const cause = fatal ?? Object.assign(new Error(message), { stack: msg.trap?.stack });
          const text = oom && limitHit && !/memory limit/.test(message) ? limitMessage() : message;
          finish(false, () => reject(new Trap(text, args, tailOf(stderr), { cause })));
          return;
        }
        const stdout = concatBytes(stdoutChunks);
        const volumeFailure = server.volumeFailure;
        const failure = volumeFailure
          ? volumeFailureError(volumeFailure, msg.exitCode, args, stderr)
          : limitHit || (enomem !== undefined && memoryBytes > NEAR_ADDRESS_SPACE)
            ? new OutOfMemoryError(
                limitHit ? limitMessage() : (enomem ?? 'out of memory'),
                args,
                tailOf(stderr),
              )
            : msg.exitCode !== 0
              ? classifyExit(tool, msg.exitCode, args, stderr, msg.violations)
              : undefined;
        // The guest exited by itself: its worker is as good as new, whatever the input was.
        finish(true, () => {
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
      const onStop = () => finish(false, () => reject(extra.failureFor(stop.reason, stderr)));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      stop.addEventListener('abort', onStop, { once: true });
      const copies = copied?.copies();
      worker.postMessage(
        {
          type: 'run',
          argv: [tool, ...args],
          env,
          cwd,
          mounts,
          ...(channel === undefined ? {} : { channel }),
          ...(copies === undefined ? {} : { copied: copies }),
          hasStdin: stdin !== undefined,
          ...(extra.copy?.stdin === undefined ? {} : { stdinBytes: extra.copy.stdin }),
          stdoutToStream: sink !== undefined && channel !== undefined,
          ...(limitBytes === undefined ? {} : { memoryLimitBytes: limitBytes }),
          ...(extra.capped === undefined ? {} : { modules: extra.capped }),
        },
        copies === undefined
          ? []
          : copies.flatMap((c) =>
              c.entries.flatMap((e) => ('bytes' in e ? [e.bytes.buffer as ArrayBuffer] : [])),
            ),
      );
    });
  }
}

/** FFmpeg's own report of a failed allocation, if it made one. */
function outOfMemoryNote(stderr: string): string | undefined {
  return /^.*(: Out of memory|Cannot allocate memory).*$/m.exec(stderr)?.[0];
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
