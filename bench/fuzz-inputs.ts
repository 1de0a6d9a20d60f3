/**
 * Seeded mutations of media files, the same on every machine: the robustness bench and the fuzz
 * test draw from here, so a failure found by either is reproduced from its seed.
 */

/** mulberry32: a small, fast, seeded PRNG; returns [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (random: () => number, below: number) => Math.floor(random() * below);

/** One mutation of `input`: flipped bytes, a truncation, a smashed header, a duplicated block, or 0xFF runs. */
export function mutate(input: Uint8Array, random: () => number): Uint8Array {
  const out = new Uint8Array(input);
  switch (int(random, 5)) {
    case 0: {
      const flips = 1 + int(random, 16);
      for (let i = 0; i < flips; i++) out[int(random, out.length)] = int(random, 256);
      return out;
    }
    case 1:
      return out.slice(0, 1 + int(random, out.length - 1));
    case 2: {
      // The first bytes hold the headers: sizes, counts, codec ids.
      const span = Math.min(out.length, 256);
      for (let i = 0; i < 1 + int(random, 8); i++) out[int(random, span)] = int(random, 256);
      return out;
    }
    case 3: {
      const from = int(random, out.length);
      const length = Math.min(out.length - from, 1 + int(random, 4096));
      const at = int(random, out.length);
      const grown = new Uint8Array(out.length + length);
      grown.set(out.subarray(0, at));
      grown.set(out.subarray(from, from + length), at);
      grown.set(out.subarray(at), at + length);
      return grown;
    }
    default: {
      const at = int(random, out.length);
      out.fill(0xff, at, Math.min(out.length, at + 1 + int(random, 512)));
      return out;
    }
  }
}

/** `count` mutated files drawn round-robin from `seeds`, named by index and seed file. */
export function fuzzSet(
  seeds: ReadonlyArray<{ name: string; bytes: Uint8Array }>,
  count: number,
  seed: number,
): Array<{ name: string; bytes: Uint8Array }> {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const source = seeds[i % seeds.length] as { name: string; bytes: Uint8Array };
    return { name: `fuzz-${String(i).padStart(4, '0')}-${source.name}`, bytes: mutate(source.bytes, random) };
  });
}
