/**
 * afmpeg: real FFmpeg in WebAssembly over a virtual volume, with a typed command builder.
 *
 * The rooms stay apart: `builder` compiles commands to argv and knows no engine, `engine` runs
 * argv in workers and knows no builder, `host` serves the guest's WASI imports and knows no
 * FFmpeg, `vfs` is the volume. This entry joins them (src/README.md has the map).
 */
export * from './builder/index.js';
export * from './engine/index.js';
export { type RunCommandOptions, runCommand, type SegmentedRunOptions } from './run-command.js';
export type { Segmentation, SegmentedRunResult } from './segments/run-segmented.js';
export type { SegmentMode } from './segments/structure.js';
// Of the volume room, what a caller passes: a `Volume` (memfs's, files in chunks), or anything with Node's sync fs API.
export { type SyncFileSystem, Volume } from './vfs/index.js';
