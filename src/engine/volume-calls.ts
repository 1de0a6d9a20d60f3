import { backendPath, type VolumeBackend } from '../vfs/index.js';

/** The volume operations a worker asks of the caller's thread: all of `VolumeBackend`. */
export type VolumeCall = Exclude<keyof VolumeBackend, 'readInto'>;
type Args<K extends VolumeCall> =
  NonNullable<VolumeBackend[K]> extends (...args: infer A) => unknown ? A : never;
type Result<K extends VolumeCall> =
  NonNullable<VolumeBackend[K]> extends (...args: never[]) => infer R ? R : never;

interface CallSpec<K extends VolumeCall> {
  /**
   * `bytes`: a hot call, its numbers in the channel's number block and its bytes in the shared data
   * area (read, write); `json`: its arguments and answer as JSON.
   */
  wire: 'bytes' | 'json';
  /** The file a successful call opened, for the server's clean-up and the client's read cache. */
  opened?(args: Args<K>, result: Result<K>): { fd: number; path: string } | undefined;
  /** The file descriptor a call closes. */
  closed?(args: Args<K>): number;
}

/**
 * The volume's operations, declared once: the worker's client (`remoteBackend`), the caller's
 * server (`VolumeServer`) and the message code of each call are all derived from this table, so
 * an operation added to `VolumeBackend` fails to compile until it has a row here, and then crosses
 * threads with nothing else written.
 */
export const volumeCalls: { readonly [K in VolumeCall]: CallSpec<K> } = {
  read: { wire: 'bytes' },
  write: { wire: 'bytes' },
  open: { wire: 'json', opened: ([path], fd) => ({ fd, path }) },
  close: { wire: 'json', closed: ([fd]) => fd },
  fstat: { wire: 'json' },
  lstat: { wire: 'json' },
  truncate: { wire: 'json' },
  readdir: { wire: 'json' },
  mkdir: { wire: 'json' },
  rmdir: { wire: 'json' },
  unlink: { wire: 'json' },
  rename: { wire: 'json' },
  readlink: { wire: 'json' },
  symlink: { wire: 'json' },
  utimes: { wire: 'json' },
  lookup: {
    wire: 'json',
    opened: ([dir, names], found) =>
      found.link === undefined && found.fd !== undefined
        ? { fd: found.fd, path: backendPath(dir, names) }
        : undefined,
  },
};

const names = Object.keys(volumeCalls) as VolumeCall[];

/** The calls that go as JSON. */
export const jsonCalls = names.filter((name) => volumeCalls[name].wire === 'json') as Array<
  Exclude<VolumeCall, 'read' | 'write'>
>;

/** Message codes from this one up are volume calls, in the table's order. */
const FIRST_CODE = 16;

export const codeOf = (call: VolumeCall): number => FIRST_CODE + names.indexOf(call);
export const callOf = (code: number): VolumeCall | undefined => names[code - FIRST_CODE];
