import { readFileSync } from 'node:fs';
import { createEngine, type Engine, variantComponents } from 'afmpeg';
import { describe, expect, it } from 'vitest';
import {
  collectVariantFilters,
  committedVariants,
  engineRunner,
  filtersDigest,
} from '../../.out/scripts/gen-filters.js';
import { filtersSource } from '../../dist/builder/filters.generated.js';

// src/builder/filters.generated.ts must come from the committed builds: regenerate it with
// `npm run gen:filters` whenever anything under wasm/ changes.
const root = new URL('../../', import.meta.url).pathname;
const generated = readFileSync(new URL('../../src/builder/filters.generated.ts', import.meta.url), 'utf8');

describe('R-AF-7 R-AF-9 the typed filter map matches the committed builds', () => {
  it('was generated from the committed gpl, lgpl and lean builds (their PROVENANCE.json sha256)', () => {
    const committed = committedVariants(root);
    expect(committed.map((c) => c.variant)).toEqual(['gpl', 'lgpl', 'lean']);
    expect(filtersSource.source).toBe(committed.map((c) => c.source).join(', '));
  });

  it("each filter's JSDoc names exactly the variants that carry it", () => {
    const docs = new Map<string, string>();
    for (const m of generated.matchAll(/ Variants: ([a-z, ]+)\. \*\/\n {2}"?([\w]+)"?: /g)) {
      docs.set(m[2] as string, m[1] as string);
    }
    const all = new Set(
      ['gpl', 'lgpl', 'lean'].flatMap((v) => variantComponents(v as 'gpl').filters.listing),
    );
    expect(docs.size).toBe(all.size);
    for (const [name, variants] of docs) {
      const carriers = (['gpl', 'lgpl', 'lean'] as const).filter((v) =>
        variantComponents(v).filters.has(name),
      );
      expect(`${name}: ${variants}`).toBe(`${name}: ${carriers.join(', ')}`);
    }
    // Spot checks either way: on every build, and on the GPL one only.
    expect(docs.get('scale')).toBe('gpl, lgpl, lean');
    expect(docs.get('hqdn3d')).toBe('gpl');
  });

  it("equals what the builds' own -filters and -h filter=NAME say now", async () => {
    const committed = committedVariants(root);
    const engines: Engine[] = committed.map(({ variant }) => createEngine({ variant, concurrency: 2 }));
    try {
      const filters = await collectVariantFilters(
        committed.map((c, i) => ({
          variant: c.variant,
          filters: c.filters,
          runner: engineRunner(engines[i] as Engine),
        })),
      );
      expect(filters.length).toBe(filtersSource.filters);
      expect(filtersDigest(filters)).toBe(filtersSource.digest);
      // The R-AF-3 baseline filters are all in the map, on every variant.
      const names = new Map(filters.map((f) => [f.name, f.variants]));
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
        expect(names.get(name)).toEqual(['gpl', 'lgpl', 'lean']);
      }
    } finally {
      await Promise.all(engines.map((e) => e.close()));
    }
  }, 600_000);
});
