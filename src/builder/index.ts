/**
 * The builder room: a typed, immutable FFmpeg command builder that compiles to argv. Pure: no
 * I/O, no engine; `runCommand` (in the package entry) is where it meets one.
 *
 * - `new Command(globals)` then `.input()` / `.lavfiInput()`, `.filter()` (default chains, wired
 *   by media type) or `.graph(g => ...)` (explicit pads, named outputs), `.output()`.
 * - `toArgs()` compiles and validates (a `BuilderError` names the node and pad); `toString()` is
 *   the same as a POSIX shell line.
 * - Filter names and options are typed from `filters.generated.ts`, generated from the committed
 *   wasm builds' own help text, each filter's variants in its JSDoc (`npm run gen:filters`); `rawFilter()`, `rawGraph()` and each
 *   scope's `raw` are the escape hatches.
 */
export {
  type ArgUnit,
  Command,
  type GraphLabels,
  type InputEntry,
  type OutputEntry,
} from './command.js';
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
export { expectedDuration as expectedDurationOf, type StreamCounts } from './expected-duration.js';
export type { NodeExtras } from './filter-description.js';
export type {
  DurationValue,
  FilterOptionValue,
  FlagsValue,
  OpenString,
  RationalValue,
} from './filter-value.js';
export type { FilterOptionsMap } from './filters.generated.js';
// Types only: a graph() callback receives a GraphBuilder; nobody constructs one.
export type { GraphBuilder, InputStreams, StreamType } from './graph-builder.js';
export type {
  Accepts,
  FilterInputMedia,
  FilterOutputMedia,
  FirstMedia,
  MediaAt,
  MediaType,
  StreamMedia,
} from './media-type.js';
export type {
  Bitrate,
  GlobalOptions,
  InputOptions,
  InputPrivateOptions,
  InputStreamSelector,
  LogLevel,
  MovFlag,
  OutputOptions,
  OutputPrivateOptions,
  PrivateOptions,
  X264Preset,
} from './options.js';
export {
  getToken,
  type ParsedFilter,
  type ParsedFiltergraph,
  parseFilterArgs,
  parseFiltergraph,
} from './parse-filtergraph.js';
export { type RawFilter, rawFilter } from './raw-filter.js';
export { shellWords } from './shell-words.js';
export {
  type FilterInputs,
  type FilterName,
  FilterNode,
  type FilterNodeOf,
  type FilterOptions,
  type FiltersAccepting,
  Stream,
  type StreamSource,
} from './stream.js';
