/** WASI `filesystem/types.error-code` values the host throws (as plain strings, the glue's convention). */
export type FsErrorCode =
  | 'access'
  | 'bad-descriptor'
  | 'cross-device'
  | 'exist'
  | 'file-too-large'
  | 'insufficient-space'
  | 'invalid'
  | 'io'
  | 'is-directory'
  | 'loop'
  | 'name-too-long'
  | 'no-entry'
  | 'not-directory'
  | 'not-empty'
  | 'not-permitted'
  | 'pipe'
  | 'read-only'
  | 'unsupported';

const byErrno: Record<string, FsErrorCode> = {
  EACCES: 'access',
  EBADF: 'bad-descriptor',
  EXDEV: 'cross-device',
  EEXIST: 'exist',
  EFBIG: 'file-too-large',
  ENOSPC: 'insufficient-space',
  EINVAL: 'invalid',
  EIO: 'io',
  EISDIR: 'is-directory',
  ELOOP: 'loop',
  ENAMETOOLONG: 'name-too-long',
  ENOENT: 'no-entry',
  ENOTDIR: 'not-directory',
  ENOTEMPTY: 'not-empty',
  EPERM: 'not-permitted',
  EPIPE: 'pipe',
  EROFS: 'read-only',
  ENOSYS: 'unsupported',
};

/** A Node-style error (`{ code: 'ENOENT' }`) as the WASI code; anything else is not an fs error. */
export function errnoToCode(err: unknown): FsErrorCode | undefined {
  if (typeof err === 'string') return err as FsErrorCode;
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') {
    return byErrno[err.code] ?? 'io';
  }
  return undefined;
}

/**
 * Runs a backend call and rethrows its failure as the WASI code string. A failure that is not a
 * filesystem error (a bug, a dead channel) is rethrown as is and traps the guest, which is right:
 * the run cannot go on sensibly.
 */
export function asWasi<T>(call: () => T): T {
  try {
    return call();
  } catch (err) {
    const code = errnoToCode(err);
    if (code !== undefined) throw code;
    throw err;
  }
}
