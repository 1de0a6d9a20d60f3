/**
 * afmpeg: real FFmpeg in WebAssembly over a virtual volume, with a typed command builder.
 *
 * The three rooms stay apart: `builder` compiles commands to argv and knows no engine,
 * `engine` runs argv and knows no builder, `vfs` serves WASI filesystem calls from a volume.
 * This entry joins them.
 */
export * from './builder/index.js';
export * from './engine/index.js';
export { type RunCommandOptions, runCommand, type SegmentedRunOptions } from './run-command.js';
export type { Segmentation, SegmentedRunResult } from './segments/run-segmented.js';
export type { SegmentMode } from './segments/structure.js';
export * from './vfs/index.js';
