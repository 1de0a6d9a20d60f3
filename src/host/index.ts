/**
 * The host room: every WASI import the guest sees — `wasi:filesystem` and the `wasi:io` streams
 * and polls it hands out, `wasi:cli` (arguments, environment, stdio, exit), `wasi:clocks`,
 * `wasi:random`, and the build's `afmpeg:ffmpeg/exit-status` — served over mounts of volumes. It
 * knows no FFmpeg (it serves any WASI command) and no worker pool (it runs on whatever thread calls
 * it; the engine decides which). The engine uses it through this index only.
 *
 * Why hand-written rather than `@bytecodealliance/preview2-shim` (which stays the build's
 * reference host, build/, where it serves): the shim's Node io runs its own worker thread for
 * streams and polls, on top of ours; its filesystem is the host's `node:fs`, not a volume with
 * mounts, read-only parts and containment; and the glue checks every resource by class identity
 * (`instanceof`), so a custom filesystem cannot hand out the shim's streams — its descriptors, its
 * streams and the polls they subscribe to all have to be ours. What is left (clocks, random, cli)
 * is a page, and keeping it here keeps one host that checks the memory limit on every call.
 */
export {
  createHost,
  type GuestHost,
  guestPathKind,
  type HostConfig,
  type ImportTable,
} from './create-host.js';
export { deviceBackend } from './device-backend.js';
export { asWasi } from './errno.js';
export { checkGuestCalls, isResourceClass } from './guest-calls.js';
export type { MountPoint, Violation } from './namespace.js';
export { GuestExit } from './wasi-cli.js';
export type { ByteSink, ByteSource } from './wasi-io.js';
