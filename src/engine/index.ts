/**
 * The engine room: runs FFmpeg argv in workers over a volume. It knows no command builder.
 */
export { availableVariants } from './build-artifact.js';
export { type BuildComponents, type ComponentList, variantComponents } from './build-components.js';
export { defaultEngine, probe, run } from './default-engine.js';
export type { CapacityCode } from './errors.js';
export {
  AfmpegError,
  BuildIntegrityError,
  CallbackError,
  CallerStreamError,
  type ComponentKind,
  EngineClosedError,
  FFmpegExitError,
  GuestTrapError,
  InvalidMediaError,
  MissingInputError,
  OutOfMemoryError,
  PathEscapeError,
  ProbeParseError,
  ReadOnlyMountError,
  RunAbortedError,
  RunTimeoutError,
  UnknownComponentError,
  VolumeCapacityError,
  VolumeIOError,
  WorkingDirectoryError,
} from './errors.js';
export type { ProbeChapter, ProbeFormat, ProbeResult, ProbeStream, Rational } from './probe-result.js';
export { ProgressStream } from './progress-stream.js';
export type { StdinInput } from './stdin-source.js';
export type {
  Engine,
  EngineOptions,
  MountOptions,
  ProbeOptions,
  Progress,
  RunOptions,
  RunResult,
  Tool,
  VariantName,
  VerifiedVariant,
  VolumeLike,
} from './types.js';
export { createEngine } from './wasi-engine.js';
