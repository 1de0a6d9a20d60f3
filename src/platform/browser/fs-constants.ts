/** The open flags a sync fs takes: Linux's numbers, which memfs uses off Windows. */
export const openFlags = {
  O_RDONLY: 0,
  O_WRONLY: 1,
  O_RDWR: 2,
  O_CREAT: 0o100,
  O_EXCL: 0o200,
  O_TRUNC: 0o1000,
};

/** The largest file an in-memory (typed-array-backed) volume holds. */
export const maxBufferBytes = 2 ** 32;
