import { describe, expect, it } from 'vitest';
// From the compiled package: a pool spawns `dist/engine/run-worker.js`, which a source import lacks.
import { type LoadedBuild, loadBuild } from '../../dist/engine/build-artifact.js';
import { WorkerPool } from '../../dist/engine/worker-pool.js';

let build: Promise<LoadedBuild> | undefined;
/** A fresh two-worker pool for one test, closed after it whatever it does with its leases. */
async function withPool(test: (pool: WorkerPool) => Promise<void>): Promise<void> {
  build ??= loadBuild('lgpl');
  const pool = new WorkerPool((await build).setup, 2);
  try {
    await test(pool);
  } finally {
    await pool.close();
  }
}

describe('the worker pool', () => {
  it('hands a new run the worker idle longest, whose next instance is made (R-AF-17 joins)', () =>
    withPool(async (pool) => {
      const a = await pool.acquire();
      const b = await pool.acquire();
      a.release(true);
      b.release(true);
      const first = await pool.acquire();
      expect(first.worker).toBe(a.worker);
      const second = await pool.acquire();
      expect(second.worker).toBe(b.worker);
      // Released in the other order, the other worker goes first.
      second.release(true);
      first.release(true);
      expect((await pool.acquire()).worker).toBe(b.worker);
    }));

  it('a queued run gets the worker released first', () =>
    withPool(async (pool) => {
      const a = await pool.acquire();
      const b = await pool.acquire();
      const queued = pool.acquire();
      b.release(true);
      expect((await queued).worker).toBe(b.worker);
      a.release(true);
    }));
});
