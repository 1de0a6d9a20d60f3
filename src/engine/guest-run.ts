import {
  type ByteSink,
  type ByteSource,
  checkGuestCalls,
  createHost,
  deviceBackend,
  GuestExit,
  type GuestHost,
  type ImportTable,
  isResourceClass,
} from '../host/index.js';
import type { VolumeBackend } from '../vfs/index.js';
import { mountPoints } from './mount-points.js';
import type { Violation, WorkerMount } from './worker-protocol.js';

/** The glue's entry point (`jco transpile --instantiation sync`). */
export type Instantiate = (
  getCoreModule: (name: string) => WebAssembly.Module,
  imports: Record<string, Record<string, unknown>>,
  instantiateCore?: (module: WebAssembly.Module, imports?: WebAssembly.Imports) => WebAssembly.Instance,
) => Record<string, { run?: () => void }>;

/** Thrown into the guest when its memory passes the run's limit; surfaces as a trap. */
export class MemoryLimitExceeded extends Error {
  constructor(readonly limitBytes: number) {
    super(`out of memory: the guest passed its memory limit of ${Math.round(limitBytes / 2 ** 20)} MiB`);
  }
}

export interface GuestRun {
  instantiate: Instantiate;
  modules: Record<string, WebAssembly.Module>;
  argv: string[];
  env: Array<[string, string]>;
  cwd: string;
  mounts: WorkerMount[];
  /** The backend for a `remote` mount's volume id. */
  volume(id: number): VolumeBackend;
  stdin: ByteSource;
  stdout: ByteSink;
  stderr: ByteSink;
  /** Stop the guest (as out of memory) once its linear memory is larger than this. */
  memoryLimitBytes?: number;
}

export interface GuestOutcome {
  exitCode: number;
  violations: Violation[];
  trap?: { message: string; stack?: string };
  /** The guest's linear memory at the end, in bytes (how close it came to a limit). */
  memoryBytes?: number;
}

function hostFor(run: GuestRun): GuestHost {
  return createHost({
    mounts: mountPoints(run.mounts, run.volume),
    argv: run.argv,
    env: run.env,
    cwd: run.cwd,
    stdin: run.stdin,
    stdout: run.stdout,
    stderr: run.stderr,
  });
}

/**
 * A component instance made ahead of its run. Instantiating the ≈ 8 MB module costs about as much
 * as a short job, so a worker prepares the next instance while it waits. Its imports are bound
 * late: each function import calls into whichever run's host is current; resource classes are the
 * host's own, shared by every run. The memory limit is the host's per-call check (checkGuestCalls),
 * so it holds on resource methods as on functions.
 */
export class PreparedGuest {
  readonly #component: Record<string, { run?: () => void }>;
  #host: GuestHost | undefined;
  #used = false;
  #memories: WebAssembly.Memory[] = [];
  #memoryLimit = Number.POSITIVE_INFINITY;

  #memoryBytes(): number {
    return this.#memories.reduce((n, m) => n + m.buffer.byteLength, 0);
  }

  /** Checked on every call into the host: memory grows inside the guest, so calls are where we look. */
  #checkMemory(): void {
    for (const m of this.#memories) {
      if (m.buffer.byteLength > this.#memoryLimit) throw new MemoryLimitExceeded(this.#memoryLimit);
    }
  }

  constructor(instantiate: Instantiate, modules: Record<string, WebAssembly.Module>) {
    const template = hostFor({
      instantiate,
      modules,
      argv: [],
      env: [],
      cwd: '/',
      mounts: [{ at: '/', root: '/', readOnly: true, source: 'devices' }],
      volume: () => deviceBackend(),
      stdin: { read: () => new Uint8Array(0) },
      stdout: { write: () => undefined },
      stderr: { write: () => undefined },
    }).imports;
    const imports: ImportTable = {};
    for (const [iface, members] of Object.entries(template)) {
      imports[iface] = Object.fromEntries(
        Object.entries(members).map(([name, member]) => [
          name,
          isResourceClass(name) || typeof member !== 'function'
            ? member
            : (...args: unknown[]) => {
                const current = this.#host?.imports[iface]?.[name] as
                  | ((...a: unknown[]) => unknown)
                  | undefined;
                if (!current) throw new Error(`guest called ${iface}#${name} outside a run`);
                return current(...args);
              },
        ]),
      );
    }
    this.#component = instantiate(
      (name) => {
        const module = modules[name];
        if (!module) throw new Error(`the build has no core module ${name}`);
        return module;
      },
      imports,
      (module, moduleImports) => {
        const instance = new WebAssembly.Instance(module, moduleImports);
        for (const e of Object.values(instance.exports)) {
          if (e instanceof WebAssembly.Memory) this.#memories.push(e);
        }
        return instance;
      },
    );
  }

  /** Runs the guest once; an instance cannot run twice. */
  run(run: GuestRun): GuestOutcome {
    if (this.#used) throw new Error('a prepared guest runs once');
    this.#used = true;
    const host = hostFor(run);
    this.#host = host;
    this.#memoryLimit = run.memoryLimitBytes ?? Number.POSITIVE_INFINITY;
    const stopChecking = checkGuestCalls(() => this.#checkMemory());
    try {
      const runner =
        this.#component.run ?? Object.values(this.#component).find((e) => typeof e?.run === 'function');
      if (!runner?.run) throw new Error('the component exports no wasi:cli/run');
      runner.run();
      return {
        exitCode: host.reportedExitCode ?? 0,
        violations: [...host.violations],
        memoryBytes: this.#memoryBytes(),
      };
    } catch (err) {
      const memoryBytes = this.#memoryBytes();
      if (err instanceof GuestExit) {
        return {
          exitCode: host.reportedExitCode ?? err.status,
          violations: [...host.violations],
          memoryBytes,
        };
      }
      // jco's ComponentError (run returned `err`, i.e. main returned non-zero) carries `payload`.
      if (err instanceof Error && Object.hasOwn(err, 'payload')) {
        return { exitCode: host.reportedExitCode ?? 1, violations: [...host.violations], memoryBytes };
      }
      const e = err instanceof Error ? err : new Error(String(err));
      return {
        exitCode: host.reportedExitCode ?? -1,
        violations: [...host.violations],
        trap: { message: e.message, ...(e.stack === undefined ? {} : { stack: e.stack }) },
        memoryBytes,
      };
    } finally {
      stopChecking();
      this.#host = undefined;
    }
  }
}

/** One guest run, start to finish, on the current thread (instantiation included). */
export function runGuest(run: GuestRun): GuestOutcome {
  let prepared: PreparedGuest;
  try {
    prepared = new PreparedGuest(run.instantiate, run.modules);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return { exitCode: -1, violations: [], trap: { message: `instantiating: ${e.message}` } };
  }
  return prepared.run(run);
}
