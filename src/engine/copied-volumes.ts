import type { VolumeBackend } from '../vfs/index.js';
import {
  applyChanges,
  ChangeFailed,
  type CopiedEntry,
  copyVolume,
  type VolumeChanges,
} from './volume-copy.js';
import type { CallerStreamFailure } from './volume-server.js';

/**
 * The caller's side of a run whose volumes are copied (no shared memory): copies them in, applies
 * what the run changed once it is over. It reports as the live `VolumeServer` does: a file too
 * large for its volume, or a volume that failed.
 */
export class CopiedVolumes {
  readonly #backends: readonly VolumeBackend[];
  /** A file the run wrote that its volume cannot hold (EFBIG). */
  tooLarge: string | undefined;
  /** Applying the changes failed otherwise. */
  fatal: unknown;
  /** Streams are not served live here: stdin is given whole, stdout comes by message. */
  readonly streamFailure: CallerStreamFailure | undefined = undefined;

  constructor(backends: readonly VolumeBackend[]) {
    this.#backends = backends;
  }

  /** Each volume's entries, by id, to send with the run. */
  copies(): CopiedEntry[][] {
    return this.#backends.map((b) => copyVolume(b));
  }

  /** Applies each volume's changes; a failure is kept (`tooLarge`, `fatal`), not thrown. */
  apply(changes: readonly VolumeChanges[] | undefined): void {
    (changes ?? []).forEach((change, id) => {
      const backend = this.#backends[id];
      if (!backend) return;
      try {
        applyChanges(backend, change);
      } catch (err) {
        if (err instanceof ChangeFailed && err.code === 'EFBIG') this.tooLarge ??= err.path;
        else this.fatal ??= err;
      }
    });
  }

  close(): void {}
}
