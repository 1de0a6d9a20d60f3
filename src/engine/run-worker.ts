/**
 * The worker thread: instantiates the component afresh for every run (a WASI command runs once,
 * and an instance is dead after a trap) from modules compiled once on the caller's thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Volume } from 'memfs';
import { deviceBackend } from '../vfs/device-backend.js';
import type { MountPoint } from '../vfs/namespace.js';
import { backendFromFs, type SyncFileSystem } from '../vfs/volume-backend.js';
import { createWasiFilesystem } from '../vfs/wasi-filesystem.js';
import type { ByteSink } from '../vfs/wasi-io.js';
import { GuestExit, guestImports } from './guest-imports.js';
import { RemoteBackend, remoteStdin } from './remote-backend.js';
import { ChannelClient } from './rpc-channel.js';
import type { RunRequest, WorkerMessage, WorkerSetup } from './worker-protocol.js';

type Instantiate = (
  getCoreModule: (name: string) => WebAssembly.Module,
  imports: Record<string, Record<string, unknown>>,
) => Record<string, { run?: () => void }>;

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('run-worker must run in a worker thread');

let gluePromise: Promise<Instantiate> | undefined;

function post(message: WorkerMessage): void {
  const transfer = 'bytes' in message ? [message.bytes.buffer as ArrayBuffer] : [];
  port?.postMessage(message, transfer);
}

/** Batches stdout so a large `pipe:1` output is not one message per 4 KiB. */
function stdoutSink(): ByteSink & { drain(): void } {
  let chunks: Uint8Array[] = [];
  let size = 0;
  const drain = () => {
    if (size === 0) return;
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    chunks = [];
    size = 0;
    post({ type: 'stdout', bytes });
  };
  return {
    write(bytes) {
      chunks.push(bytes.slice());
      size += bytes.length;
      if (size >= 256 * 1024) drain();
    },
    flush: drain,
    drain,
  };
}

function runOnce(instantiate: Instantiate, req: RunRequest): WorkerMessage {
  const channel = new ChannelClient(req.channel);
  const remotes: RemoteBackend[] = [];
  const mounts: MountPoint[] = req.mounts.map((m) => {
    if (m.source === 'scratch') {
      const scratch = new Volume();
      return { ...m, backend: backendFromFs(scratch as unknown as SyncFileSystem) };
    }
    if (m.source === 'devices') return { ...m, backend: deviceBackend() };
    const remote = new RemoteBackend(channel, m.volumeId);
    remotes.push(remote);
    return { ...m, backend: remote };
  });
  const fs = createWasiFilesystem(mounts);
  const stdout = stdoutSink();
  let reportedCode: number | undefined;
  const imports = {
    ...fs.imports,
    ...guestImports({
      argv: req.argv,
      env: req.env,
      cwd: req.cwd,
      stdin: req.hasStdin ? remoteStdin(channel) : { read: () => new Uint8Array(0) },
      stdout,
      stderr: { write: (bytes) => post({ type: 'stderr', bytes: bytes.slice() }) },
      setExitCode: (code) => {
        reportedCode = code;
      },
    }),
  };
  let exitCode = 0;
  let trap: { message: string; stack?: string } | undefined;
  try {
    const component = instantiate((name) => {
      const module = setup.modules[name];
      if (!module) throw new Error(`the build has no core module ${name}`);
      return module;
    }, imports);
    const runner = component.run ?? Object.values(component).find((e) => typeof e?.run === 'function');
    if (!runner?.run) throw new Error('the component exports no wasi:cli/run');
    runner.run();
    exitCode = reportedCode ?? 0;
  } catch (err) {
    if (err instanceof GuestExit) exitCode = reportedCode ?? err.status;
    else if (err instanceof Error && err.name === 'ComponentError') exitCode = reportedCode ?? 1;
    else {
      const e = err instanceof Error ? err : new Error(String(err));
      trap = { message: e.message, ...(e.stack === undefined ? {} : { stack: e.stack }) };
    }
  }
  try {
    for (const remote of remotes) remote.flush();
  } catch (err) {
    trap ??= { message: `writing the last bytes to the volume failed: ${(err as Error).message ?? err}` };
  }
  stdout.drain();
  return { type: 'finished', exitCode, violations: fs.namespace.violations, ...(trap ? { trap } : {}) };
}

port.on('message', async (req: RunRequest) => {
  gluePromise ??= import(setup.glueUrl).then((m: { instantiate: Instantiate }) => m.instantiate);
  let instantiate: Instantiate;
  try {
    instantiate = await gluePromise;
  } catch (err) {
    post({ type: 'finished', exitCode: -1, violations: [], trap: { message: `loading the glue: ${err}` } });
    return;
  }
  post(runOnce(instantiate, req));
});
