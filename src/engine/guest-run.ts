import { Volume } from 'memfs';
import { deviceBackend } from '../vfs/device-backend.js';
import type { MountPoint } from '../vfs/namespace.js';
import { backendFromFs, type SyncFileSystem, type VolumeBackend } from '../vfs/volume-backend.js';
import { createWasiFilesystem } from '../vfs/wasi-filesystem.js';
import type { ByteSink, ByteSource } from '../vfs/wasi-io.js';
import { GuestExit, guestImports } from './guest-imports.js';
import type { Violation, WorkerMount } from './worker-protocol.js';

/** The glue's entry point (`jco transpile --instantiation sync`). */
export type Instantiate = (
  getCoreModule: (name: string) => WebAssembly.Module,
  imports: Record<string, Record<string, unknown>>,
) => Record<string, { run?: () => void }>;

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
}

export interface GuestOutcome {
  exitCode: number;
  violations: Violation[];
  trap?: { message: string; stack?: string };
}

/**
 * One guest run, start to finish, on the current thread: a fresh instance over a fresh namespace.
 * The worker calls this with remote volumes; benchmarks call it in-thread for comparison.
 */
export function runGuest(run: GuestRun): GuestOutcome {
  const mounts: MountPoint[] = run.mounts.map((m) => {
    if (m.source === 'scratch')
      return { ...m, backend: backendFromFs(new Volume() as unknown as SyncFileSystem) };
    if (m.source === 'devices') return { ...m, backend: deviceBackend() };
    return { ...m, backend: run.volume(m.volumeId) };
  });
  const fs = createWasiFilesystem(mounts);
  let reportedCode: number | undefined;
  const imports = {
    ...fs.imports,
    ...guestImports({
      argv: run.argv,
      env: run.env,
      cwd: run.cwd,
      stdin: run.stdin,
      stdout: run.stdout,
      stderr: run.stderr,
      setExitCode: (code) => {
        reportedCode = code;
      },
    }),
  };
  try {
    const component = run.instantiate((name) => {
      const module = run.modules[name];
      if (!module) throw new Error(`the build has no core module ${name}`);
      return module;
    }, imports);
    const runner = component.run ?? Object.values(component).find((e) => typeof e?.run === 'function');
    if (!runner?.run) throw new Error('the component exports no wasi:cli/run');
    runner.run();
    return { exitCode: reportedCode ?? 0, violations: fs.namespace.violations };
  } catch (err) {
    if (err instanceof GuestExit)
      return { exitCode: reportedCode ?? err.status, violations: fs.namespace.violations };
    // jco's ComponentError (run returned `err`, i.e. main returned non-zero) carries `payload`.
    if (err instanceof Error && Object.hasOwn(err, 'payload')) {
      return { exitCode: reportedCode ?? 1, violations: fs.namespace.violations };
    }
    const e = err instanceof Error ? err : new Error(String(err));
    return {
      exitCode: reportedCode ?? -1,
      violations: fs.namespace.violations,
      trap: { message: e.message, ...(e.stack === undefined ? {} : { stack: e.stack }) },
    };
  }
}
