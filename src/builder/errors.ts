import { AfmpegError } from '../afmpeg-error.js';

/** What a {@link BuilderError} is about, for callers that branch on it. */
export type BuilderErrorCode =
  | 'dangling-pad'
  | 'pad-used-twice'
  | 'missing-input'
  | 'pad-out-of-range'
  | 'unknown-label'
  | 'label-mapped-twice'
  | 'invalid-label'
  | 'no-inputs-to-wire'
  | 'invalid-value'
  | 'unknown-option'
  | 'media-mismatch'
  | 'parse-error'
  | 'builder-closed';

/**
 * A command that cannot compile to a valid FFmpeg invocation. Raised by the builder methods and
 * by `toArgs()`, never later by FFmpeg, and names the node and pad at fault.
 */
export class BuilderError extends AfmpegError {
  override readonly name = 'BuilderError';
  constructor(
    readonly code: BuilderErrorCode,
    message: string,
    /** The filter node at fault, as `name#id` (ids count nodes in creation order from 1). */
    readonly node?: string,
    /** The pad at fault, as `input #n` / `output #n`, or a graph label. */
    readonly pad?: string,
  ) {
    super(message);
  }
}
