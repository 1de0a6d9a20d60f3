import { constants as bufferConstants } from 'node:buffer';
import { constants } from 'node:fs';

/** The open flags a sync fs (memfs, `node:fs`) takes, as this host numbers them. */
export const openFlags = {
  O_RDONLY: constants.O_RDONLY,
  O_WRONLY: constants.O_WRONLY,
  O_RDWR: constants.O_RDWR,
  O_CREAT: constants.O_CREAT,
  O_EXCL: constants.O_EXCL,
  O_TRUNC: constants.O_TRUNC,
};

/** The largest file an in-memory (Buffer-backed) volume holds. */
export const maxBufferBytes = bufferConstants.MAX_LENGTH;
