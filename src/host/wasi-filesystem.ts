import { Descriptor, DirectoryEntryStream, filesystemErrorCode } from './descriptor.js';
import { type MountPoint, Namespace } from './namespace.js';
import { ioImports } from './wasi-io.js';

/** A guest file system: the namespace (for its violations) and the imports that serve it. */
export interface WasiFilesystem {
  readonly namespace: Namespace;
  /** `wasi:filesystem/*` and `wasi:io/*` import objects, keyed by unversioned interface name. */
  readonly imports: Record<string, Record<string, unknown>>;
}

/**
 * Serves `wasi:filesystem/types` and `/preopens` (and the `wasi:io` resources they hand out) over
 * the given mounts. The guest gets a single preopen, `/`, so absolute and relative paths both land
 * in the namespace.
 */
export function createWasiFilesystem(mounts: readonly MountPoint[]): WasiFilesystem {
  const namespace = new Namespace(mounts);
  const root = Descriptor.root(namespace);
  return {
    namespace,
    imports: {
      ...ioImports(),
      'wasi:filesystem/types': { Descriptor, DirectoryEntryStream, filesystemErrorCode },
      'wasi:filesystem/preopens': { getDirectories: () => [[root, '/']] },
    },
  };
}
