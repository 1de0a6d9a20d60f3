/**
 * The worker thread: instantiates the component afresh for every run (a WASI command runs once,
 * and an instance is dead after a trap) from modules compiled once on the caller's thread.
 */
import { workerPort } from '#platform/worker-port';
import type { ByteSink } from '../host/index.js';
import type { VolumeBackend } from '../vfs/index.js';
import { concatBytes } from './concat-bytes.js';
import { type Instantiate, PreparedGuest } from './guest-run.js';
import { type RemoteBackend, remoteBackend, remoteStdin, remoteStdout } from './remote-backend.js';
import { ChannelClient } from './rpc-channel.js';
import { changesSince, transferablesOf, volumeFromCopy } from './volume-copy.js';
import type { RunRequest, WorkerMessage, WorkerSetup } from './worker-protocol.js';

const port = workerPort();
let setup: WorkerSetup | undefined;

let gluePromise: Promise<Instantiate> | undefined;

function post(message: WorkerMessage): void {
  const transfer =
    'bytes' in message
      ? [message.bytes.buffer as ArrayBuffer]
      : message.type === 'finished' && message.changes
        ? transferablesOf(message.changes)
        : [];
  port.post(message, transfer);
}

/** Batches stdout so a large `pipe:1` output is not one message per 4 KiB. */
function stdoutSink(): ByteSink & { flush(): void } {
  let chunks: Uint8Array[] = [];
  let size = 0;
  const drain = () => {
    if (size === 0) return;
    const bytes = concatBytes(chunks);
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
  };
}

let next: PreparedGuest | undefined;

/** Instantiates ahead of the next run, while the worker would otherwise sit idle. */
function prepareNext(modules: WorkerSetup['modules'], instantiate: Instantiate): void {
  port.whenIdle(() => {
    try {
      next ??= new PreparedGuest(instantiate, modules);
    } catch {
      // The run that needs it will instantiate again and report the failure.
    }
  });
}

/** Standard input given whole (no channel to pull it through). */
function bytesStdin(bytes: Uint8Array): { read(length: number): Uint8Array } {
  let at = 0;
  return {
    read(length) {
      const part = bytes.subarray(at, at + length);
      at += part.length;
      return part;
    },
  };
}

function runOnce(modules: WorkerSetup['modules'], instantiate: Instantiate, req: RunRequest): WorkerMessage {
  const channel = req.channel ? new ChannelClient(req.channel) : undefined;
  const remotes = new Map<number, RemoteBackend>();
  const copies = (req.copied ?? []).map((copy) => volumeFromCopy(copy.entries));
  const stdout = req.stdoutToStream && channel ? remoteStdout(channel) : stdoutSink();
  // A memory-capped build is instantiated for its run; the prepared instance waits for the next.
  let guest = req.modules ? undefined : next;
  if (!req.modules) next = undefined;
  try {
    guest ??= new PreparedGuest(instantiate, { ...modules, ...req.modules });
  } catch (err) {
    return { type: 'finished', exitCode: -1, violations: [], trap: { message: `instantiating: ${err}` } };
  }
  const outcome = guest.run({
    instantiate,
    modules,
    argv: req.argv,
    env: req.env,
    cwd: req.cwd,
    mounts: req.mounts,
    volume(id): VolumeBackend {
      const copy = copies[id];
      if (copy || !channel) {
        if (!copy) throw new Error(`no volume ${id} was copied in`);
        return copy;
      }
      let remote = remotes.get(id);
      if (!remote) {
        remote = remoteBackend(channel, id);
        remotes.set(id, remote);
      }
      return remote;
    },
    stdin:
      channel && req.hasStdin
        ? remoteStdin(channel)
        : req.stdinBytes
          ? bytesStdin(req.stdinBytes)
          : { read: () => new Uint8Array(0) },
    stdout,
    ...(req.memoryLimitBytes === undefined ? {} : { memoryLimitBytes: req.memoryLimitBytes }),
    stderr: { write: (bytes) => post({ type: 'stderr', bytes: bytes.slice() }) },
  });
  try {
    for (const remote of remotes.values()) remote.flush();
  } catch (err) {
    outcome.trap ??= {
      message: `writing the last bytes to the volume failed: ${(err as Error).message ?? err}`,
    };
  }
  try {
    stdout.flush();
  } catch (err) {
    // A WASI code (a gone stdout: EPIPE) is the caller's stream failing, which the caller's
    // thread has recorded and reports; anything else is a failure of the engine.
    if (typeof err !== 'string') {
      outcome.trap ??= { message: `writing the last stdout bytes failed: ${(err as Error).message ?? err}` };
    }
  }
  if (!req.copied) return { type: 'finished', ...outcome };
  const changes = req.copied.map((copy, id) =>
    changesSince(copy.entries, copies[id] as VolumeBackend, copy.roots),
  );
  return { type: 'finished', ...outcome, changes };
}

port.onRequest(async (req: RunRequest) => {
  setup ??= await port.setup();
  const { glueUrl, modules } = setup;
  gluePromise ??= import(/* @vite-ignore */ glueUrl).then((m: { instantiate: Instantiate }) => m.instantiate);
  let instantiate: Instantiate;
  try {
    instantiate = await gluePromise;
  } catch (err) {
    post({ type: 'finished', exitCode: -1, violations: [], trap: { message: `loading the glue: ${err}` } });
    return;
  }
  post(runOnce(modules, instantiate, req));
  prepareNext(modules, instantiate);
});
