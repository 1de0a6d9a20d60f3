import type { VolumeBackend } from '../vfs/index.js';
import type { VolumeFailure } from './errors.js';
import {
  applyChanges,
  ChangeFailed,
  type CopiedVolume,
  copyVolume,
  type VolumeChanges,
} from './volume-copy.js';
import type { CallerStreamFailure } from './volume-server.js';
import type { WorkerMount } from './worker-protocol.js';

/**
 * The caller's side of a run whose volumes are copied (no shared memory): copies them in, applies
 * what the run changed once it is over. It reports as the live `VolumeServer` does: a file too
 * large for its volume, or a volume that failed.
 */
export class CopiedVolumes {
  readonly #backends: readonly VolumeBackend[];
  /** The first change of the run its volume refused (a full disk, a file too large for it). */
  volumeFailure: VolumeFailure | undefined;
  /** Applying the changes failed otherwise. */
  fatal: unknown;
  /** Streams are not served live here: stdin is given whole, stdout comes by message. */
  readonly streamFailure: CallerStreamFailure | undefined = undefined;

  readonly #roots: string[][];

  constructor(backends: readonly VolumeBackend[], mounts: readonly WorkerMount[]) {
    this.#backends = backends;
    this.#roots = backends.map((_, id) =>
      mounts.flatMap((m) => (m.source === 'remote' && m.volumeId === id ? [m.root] : [])),
    );
  }

  /** Each volume, by id, as the run's mounts show it, to send with the run. */
  copies(): CopiedVolume[] {
    return this.#backends.map((b, id) => {
      const roots = this.#roots[id] ?? [];
      return { roots, entries: copyVolume(b, roots) };
    });
  }

  /** Applies each volume's changes; a failure is kept (`volumeFailure`, `fatal`), not thrown. */
  apply(changes: readonly VolumeChanges[] | undefined): void {
    (changes ?? []).forEach((change, id) => {
      const backend = this.#backends[id];
      if (!backend) return;
      try {
        applyChanges(backend, change);
      } catch (err) {
        if (err instanceof ChangeFailed && typeof err.code === 'string')
          this.volumeFailure ??= { path: err.path, operation: 'write', code: err.code };
        else this.fatal ??= err;
      }
    });
  }

  close(): void {}
}
