// The builder room's public surface: pure, no I/O, knows no engine.
export { Command, type GraphLabels, type InputEntry, type OutputEntry } from './command.js';
export { parseDuration } from './duration.js';
export { BuilderError, type BuilderErrorCode } from './errors.js';
export {
  concatList,
  escapeFilterArgs,
  escapeFilterValue,
  escapeOptionValue,
  metadataArg,
  quoteConcatPath,
  quoteShellArg,
} from './escape.js';
export type { NodeExtras } from './filter-description.js';
export type {
  DurationValue,
  FilterOptionValue,
  FlagsValue,
  OpenString,
  RationalValue,
} from './filter-value.js';
export { type FilterOptionsMap, filterPads, filtersSource } from './filters.generated.js';
export { GraphBuilder, InputStreams, type StreamType } from './graph-builder.js';
export type {
  Bitrate,
  GlobalOptions,
  InputOptions,
  InputStreamSelector,
  LogLevel,
  MovFlag,
  OutputOptions,
  PrivateOptions,
  X264Preset,
} from './options.js';
export { type RawFilter, rawFilter } from './raw-filter.js';
export { type FilterName, FilterNode, type FilterOptions, Stream, type StreamSource } from './stream.js';
