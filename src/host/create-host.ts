import type { EntryKind } from '../vfs/index.js';
import { checkedFunctions } from './guest-calls.js';
import { type MountPoint, Namespace, type Violation } from './namespace.js';
import { cliImports, type GuestProcess } from './wasi-cli.js';
import { clockImports } from './wasi-clocks.js';
import { createWasiFilesystem } from './wasi-filesystem.js';
import { randomImports } from './wasi-random.js';

export type ImportTable = Record<string, Record<string, unknown>>;

/** Everything one guest run sees: its files (mounts), its process, its stdio. */
export interface HostConfig extends Omit<GuestProcess, 'setExitCode'> {
  mounts: readonly MountPoint[];
}

/** The host of one run: the imports to hand the glue, and what the guest did that the caller hears of. */
export interface GuestHost {
  /** Every import of the world, keyed by unversioned interface name (`wasi:io/streams`). */
  readonly imports: ImportTable;
  /** Paths the guest tried that a mount forbids. */
  readonly violations: readonly Violation[];
  /** The code the guest reported through `afmpeg:ffmpeg/exit-status`, if it did. */
  readonly reportedExitCode: number | undefined;
}

/** Serves one guest run: filesystem and io, cli, clocks, random, exit status. */
export function createHost(config: HostConfig): GuestHost {
  const fs = createWasiFilesystem(config.mounts);
  let reported: number | undefined;
  const imports = checkedFunctions({
    ...fs.imports,
    ...cliImports({
      ...config,
      setExitCode: (code) => {
        reported = code;
      },
    }),
    ...clockImports(),
    ...randomImports(),
  });
  return {
    imports,
    violations: fs.namespace.violations,
    get reportedExitCode() {
      return reported;
    },
  };
}

/**
 * What a guest path is, resolved exactly as the guest would resolve it from `/` (mounts, symlinks,
 * containment); undefined when it does not exist or cannot be reached.
 */
export function guestPathKind(mounts: readonly MountPoint[], path: string): EntryKind | undefined {
  const namespace = new Namespace(mounts);
  try {
    return namespace.resolve([], path.replace(/^\/+/, ''), true).stat?.kind;
  } catch {
    return undefined;
  }
}
