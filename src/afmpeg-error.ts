/**
 * The base of every error afmpeg throws: `err instanceof AfmpegError` catches them all, the
 * builder's included. It lives outside both rooms so the builder need not know the engine.
 */
export class AfmpegError extends Error {
  override name = 'AfmpegError';
  /**
   * A nominal brand: TypeScript compares classes by shape, so without it any `Error` would pass
   * for an `AfmpegError` in a type test or a signature.
   */
  declare private readonly afmpegErrorBrand: true;
}
