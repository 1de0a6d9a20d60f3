import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createEngine } from 'afmpeg';
import { describe, expect, it } from 'vitest';
import { collectFilters, engineRunner, filtersDigest } from '../../.out/scripts/gen-filters.js';
import { filtersSource } from '../../dist/builder/filters.generated.js';

// src/builder/filters.generated.ts must come from the committed gpl build: regenerate it with
// `npm run gen:filters` whenever wasm/gpl changes.
const provenance = new URL('../../wasm/gpl/PROVENANCE.json', import.meta.url);

describe('R-AF-7 the typed filter map matches the committed build', () => {
  it('was generated from the committed wasm/gpl build (PROVENANCE.json sha256)', () => {
    const sha = createHash('sha256').update(readFileSync(provenance)).digest('hex');
    expect(filtersSource.source).toBe(`wasm/gpl (PROVENANCE.json sha256 ${sha})`);
  });

  it("equals what the build's own -filters and -h filter=NAME say now", async () => {
    const engine = createEngine({ variant: 'gpl', concurrency: 2 });
    try {
      const filters = await collectFilters(engineRunner(engine));
      expect(filters.length).toBe(filtersSource.filters);
      expect(filtersDigest(filters)).toBe(filtersSource.digest);
      // The R-AF-3 baseline filters are all in the map.
      const names = new Set(filters.map((f) => f.name));
      for (const name of [
        'scale',
        'crop',
        'pad',
        'fps',
        'format',
        'setsar',
        'overlay',
        'concat',
        'xfade',
        'amix',
      ]) {
        expect(names.has(name)).toBe(true);
      }
    } finally {
      await engine.close();
    }
  }, 600_000);
});
