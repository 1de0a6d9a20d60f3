import type { Writable } from 'node:stream';
import type { Volume } from 'memfs';
import type { SyncFileSystem, VolumeBackend } from '../vfs/index.js';
import type { BuildComponents } from './build-components.js';
import type { ProbeResult } from './probe-result.js';
import type { StdinInput } from './stdin-source.js';

/**
 * A volume a run reads and writes: afmpeg's `Volume` (memfs's, with files kept in chunks) or memfs's
 * own, Node's `fs` (then the guest's `/` is the host root, so mount a directory with `path`),
 * anything with the same synchronous API, or a backend.
 */
export type VolumeLike = Volume | SyncFileSystem | VolumeBackend;

/** Another directory tree shown to the guest at `at`. */
export interface MountOptions {
  /** Absolute guest path where it appears, e.g. `/in`. */
  at: string;
  /** The volume to show; defaults to the run's volume. */
  volume?: VolumeLike;
  /** Directory inside that volume to show (default `/`). */
  path?: string;
  /** Refuse every change under it; a write attempt fails the run with `ReadOnlyMountError`. */
  readOnly?: boolean;
}

/** A progress report parsed from FFmpeg's `frame=… time=… speed=…` line. */
export interface Progress {
  frame?: number;
  fps?: number;
  /** Output time reached, in seconds. */
  timeSeconds?: number;
  /** Encoding speed relative to real time (`2.5` for `2.5x`). */
  speed?: number;
  /** Output size so far, in bytes. */
  sizeBytes?: number;
  /** 0–100 when the duration is known (`durationSeconds`, or the first input's `Duration:`). */
  percent?: number;
  /** The last report of the run (FFmpeg's `progress=end`), when read from `-progress`. */
  done?: boolean;
}

/** The program a run starts: the one module carries both fftools and dispatches on `argv[0]`. */
export type Tool = 'ffmpeg' | 'ffprobe';

export interface RunOptions {
  /**
   * Which fftool runs the argv (default `'ffmpeg'`). `'ffprobe'` runs the build's own ffprobe with
   * any argv, with the same options and typed errors; `probe()` is the typed shortcut.
   *
   * @example
   * ```ts
   * const { stdout } = await engine.run(
   *   vol,
   *   ['-v', 'error', '-of', 'json', '-show_entries', 'stream=codec_name,width', '/in.mp4'],
   *   { tool: 'ffprobe' },
   * );
   * JSON.parse(new TextDecoder().decode(stdout)).streams[0].codec_name; // 'h264'
   * ```
   */
  tool?: Tool;
  /** Cancels the run (R-AF-8); it rejects with `RunAbortedError` within ~100 ms. */
  signal?: AbortSignal;
  /** Milliseconds before the run is stopped with `RunTimeoutError`. */
  timeout?: number;
  /** The guest's working directory (default `/`), where relative paths start. */
  cwd?: string;
  /** What FFmpeg reads as `pipe:0`. */
  stdin?: StdinInput;
  /**
   * Where `pipe:1` goes: kept in `RunResult.stdout` (`'capture'`, the default) or written to a
   * stream, with its backpressure (FFmpeg waits while the stream is full). The stream is not ended.
   */
  stdout?: 'capture' | Writable;
  /** Each line FFmpeg writes to stderr, as it comes. */
  onStderr?: (line: string) => void;
  /** Progress as FFmpeg reports it (about twice a second). */
  onProgress?: (progress: Progress) => void;
  /** The expected output duration, for `Progress.percent` when the input does not tell. */
  durationSeconds?: number;
  /** Extra mounts; the run's volume is always at `/`, a scratch `/tmp` and `/dev` are added. */
  mounts?: readonly MountOptions[];
  /**
   * Stop the run with `OutOfMemoryError` once FFmpeg's memory passes this many MiB (checked at its
   * calls into the host). Without it a guest may use a wasm32 instance's full 4 GiB.
   */
  memoryLimitMiB?: number;
  /** Extra environment variables for the guest (it gets no host environment). */
  env?: Readonly<Record<string, string>>;
}

export interface RunResult {
  exitCode: number;
  /** Everything FFmpeg wrote to stderr (the last 1 MiB of it for very chatty runs). */
  stderr: string;
  /** `pipe:1` output when captured (empty when nothing was written). */
  stdout: Uint8Array;
  /** Wall time of the run, including waiting for a free worker. */
  durationMs: number;
}

export type ProbeOptions = Pick<
  RunOptions,
  'signal' | 'timeout' | 'cwd' | 'mounts' | 'env' | 'memoryLimitMiB'
>;

/**
 * Runs FFmpeg argv over a volume. This is all a command builder needs: it calls
 * `engine.run(vol, args, options)`.
 */
export interface Engine {
  /** How many runs it executes at once (its worker pool's size), when it has a fixed number. */
  readonly concurrency?: number;
  /**
   * Runs `ffmpeg` (or `ffprobe`, with `options.tool`) with `args` (no leading program name).
   * Rejects with a typed error on failure.
   */
  run(vol: VolumeLike, args: readonly string[], options?: RunOptions): Promise<RunResult>;
  /** Runs `ffprobe` on `path` and returns its answer typed (R-AF-5). */
  probe(vol: VolumeLike, path: string, options?: ProbeOptions): Promise<ProbeResult>;
  /**
   * What the engine's build carries (demuxers, muxers, decoders, encoders, filters, bitstream
   * filters, pixel formats, protocols, codecs), read from its provenance without running FFmpeg.
   * `runCommand` checks a command against it before the run. Optional: an engine that cannot
   * tell leaves it out, and its commands are not checked.
   *
   * @example
   * ```ts
   * const { encoders, muxers, variant } = await engine.components();
   * encoders.has('libx264'); // true on gpl and lean
   * muxers.has('mp4'); // true
   * ```
   */
  components?(): Promise<BuildComponents>;
  /** Stops the workers. Runs in progress are cancelled; later calls reject (`components()` still answers). */
  close(): Promise<void>;
}

/**
 * A build loaded from elsewhere (R-AF-14): a directory, a `file:` URL or an `http(s)` base URL
 * holding `afmpeg.js`, the `.wasm.br` modules and `PROVENANCE.json`. Nothing is compiled or
 * imported until `PROVENANCE.json` matches `sha256` and every file matches its recorded hash.
 * Fetched builds are kept in memory only.
 */
export interface VerifiedVariant {
  /** A directory (or `file:` URL). */
  path?: string;
  /** A base URL (`https://…/afmpeg/gpl/`); either this or `path`. */
  url?: string | URL;
  /** Hex sha256 of the build's `PROVENANCE.json`. */
  sha256: string;
}

export type VariantName = 'gpl' | 'lgpl' | 'lean';

export interface EngineOptions {
  /** Which build to run (R-AF-9); default `gpl`. */
  variant?: VariantName | VerifiedVariant;
  /** How many runs at once, each in its own worker (default: available parallelism). */
  concurrency?: number;
  /**
   * Browser: where the package's `wasm/` directory is served (it holds `<variant>/` and `glue/`),
   * for a committed `variant`. Default: beside the package's `dist/`, resolved from the module's
   * own URL, which a bundle moves; a bundled page passes it. Node reads the package's files.
   */
  artifactsUrl?: string | URL;
  /**
   * Browser: the URL of the run worker (`afmpeg/run-worker`) when a bundler does not emit it
   * itself from `new Worker(new URL(…, import.meta.url))` (Vite and webpack do; esbuild does not).
   */
  workerUrl?: string | URL;
  /**
   * How a worker reaches the caller's volumes. `'shared'`: live, over shared memory (Node, and a
   * cross-origin isolated page). `'copied'`: the volumes are copied to the worker before the run
   * and what it changed is copied back after it (a page without COOP/COEP has no shared memory);
   * stdin is then read whole before the run, and a cancelled run changes nothing. Default: shared
   * where shared memory exists, copied elsewhere.
   */
  volumeAccess?: 'shared' | 'copied';
}
