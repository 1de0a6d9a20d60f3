import { availableVariants, createEngine, type VariantName, Volume, variantComponents } from 'afmpeg';
import { describe, expect, it } from 'vitest';

type Kind = 'encoders' | 'decoders' | 'muxers' | 'demuxers' | 'filters';

const filters = [
  ...['scale', 'crop', 'pad', 'fps', 'format', 'setsar', 'overlay', 'concat', 'xfade'],
  ...['amix', 'adelay', 'volume', 'afade', 'alimiter', 'aresample'],
  ...['null', 'anull', 'split', 'asplit', 'trim', 'atrim', 'setpts', 'asetpts', 'aformat'],
  ...['testsrc2', 'testsrc', 'color', 'sine', 'anullsrc'],
];

/** R-AF-3's baseline, per variant, as each variant promises it (see build/README.md). */
const promised: Record<VariantName, Record<Kind, string[]>> = {
  gpl: {
    demuxers: ['mov', 'mp4', 'matroska', 'webm', 'mp3', 'wav', 'image2', 'lavfi'],
    decoders: ['h264', 'aac', 'mp3float', 'pcm_s16le', 'png', 'mjpeg'],
    encoders: ['libx264', 'aac'],
    muxers: ['mp4', 'mov', 'matroska', 'image2'],
    filters,
  },
  lgpl: {
    demuxers: ['mov', 'mp4', 'matroska', 'webm', 'mp3', 'wav', 'image2', 'lavfi'],
    decoders: ['h264', 'aac', 'mp3float', 'pcm_s16le', 'png', 'mjpeg'],
    encoders: ['aac'],
    muxers: ['mp4', 'mov', 'matroska', 'image2'],
    filters,
  },
  lean: {
    demuxers: ['image2', 'mp3', 'lavfi'],
    decoders: ['png', 'mp3float'],
    encoders: ['libx264', 'aac'],
    muxers: ['mp4'],
    filters,
  },
};

/** Names in FFmpeg's `-encoders`/`-filters`/... listing (second column; muxers may list several). */
function listed(text: string): Set<string> {
  const names = new Set<string>();
  const body = text.split(/\n\s*-{2,}\s*\n|\n\s*---\n/).at(-1) ?? text;
  for (const line of body.split('\n')) {
    const m = /^\s*\S+\s+(\S+)/.exec(line);
    if (m) for (const n of (m[1] as string).split(',')) names.add(n);
  }
  return names;
}

const variants = availableVariants();

describe('R-AF-3: the built binary carries the baseline its variant promises', () => {
  it('R-AF-9: at least the default gpl build is present', () => {
    expect(variants).toContain('gpl');
  });

  for (const variant of variants) {
    it(`R-AF-3 R-AF-9: ${variant} lists every promised encoder, decoder, muxer, demuxer and filter`, async () => {
      const engine = createEngine({ variant, concurrency: 1 });
      try {
        const vol = new Volume();
        const missing: string[] = [];
        for (const kind of Object.keys(promised[variant]) as Kind[]) {
          const { stdout } = await engine.run(vol, ['-hide_banner', `-${kind}`]);
          const names = listed(new TextDecoder().decode(stdout));
          expect(names.size).toBeGreaterThan(kind === 'muxers' ? 0 : 2);
          for (const name of promised[variant][kind]) if (!names.has(name)) missing.push(`${kind}:${name}`);
        }
        expect(missing).toEqual([]);
      } finally {
        await engine.close();
      }
    });
  }

  it('R-AF-9: the package ships all three variants (so no variant test below is skipped)', () => {
    expect(variants).toEqual(['gpl', 'lgpl', 'lean']);
  });

  for (const variant of variants) {
    it(`R-AF-9: ${variant}'s components() (from its provenance) are exactly what its binary lists`, async () => {
      const engine = createEngine({ variant, concurrency: 1 });
      try {
        const vol = new Volume();
        const ask = async (flag: string) =>
          new TextDecoder().decode((await engine.run(vol, ['-hide_banner', flag])).stdout).split('\n');
        /** Second column of each row after the dashed line (the first column holds flags). */
        const rows = (lines: string[]) =>
          lines
            .slice(lines.findIndex((l) => /^\s*-+\s*$/.test(l)) + 1)
            .map((l) => l.trim().split(/\s+/))
            .filter((t) => t.length >= 2);
        const sorted = (names: string[]) => [...names].sort();
        const c = await engine.components?.();
        if (!c) throw new Error('the wasm engine must answer components()');
        expect(c.variant).toBe(variant);
        for (const kind of ['demuxers', 'muxers', 'decoders', 'encoders'] as const) {
          expect(c[kind].listing).toEqual(sorted(rows(await ask(`-${kind}`)).map((t) => t[1] as string)));
        }
        const filters = (await ask('-filters')).flatMap((l) => /^ [T.][S.][C.] (\S+) /.exec(l)?.[1] ?? []);
        expect(c.filters.listing).toEqual(sorted(filters));
        expect(c.pixelFormats.listing).toEqual(
          sorted(rows(await ask('-pix_fmts')).map((t) => t[1] as string)),
        );
        expect(c.bsfs.listing).toEqual(sorted((await ask('-bsfs')).slice(1).filter(Boolean)));
        const protocols = (await ask('-protocols')).map((l) => l.trim());
        const out = protocols.indexOf('Output:');
        expect(c.protocols.input.listing).toEqual(
          sorted(protocols.slice(protocols.indexOf('Input:') + 1, out)),
        );
        expect(c.protocols.output.listing).toEqual(sorted(protocols.slice(out + 1).filter(Boolean)));
        const codecs = rows(await ask('-codecs'));
        expect(c.codecs.decodable.listing).toEqual(
          sorted(codecs.filter((t) => t[0]?.[0] === 'D').map((t) => t[1] as string)),
        );
        expect(c.codecs.encodable.listing).toEqual(
          sorted(codecs.filter((t) => t[0]?.[1] === 'E').map((t) => t[1] as string)),
        );
        // A comma listing answers for each of its names, as FFmpeg's -f does.
        expect(c.demuxers.listing).toContain('mov,mp4,m4a,3gp,3g2,mj2');
        expect(c.demuxers.has('mp4') && c.demuxers.has('M4A') && c.demuxers.names.has('mj2')).toBe(true);
        expect(c.demuxers.has('mov,mp4')).toBe(false);
        expect(variantComponents(variant)).toStrictEqual(c);
      } finally {
        await engine.close();
      }
    });
  }

  it('R-AF-10: the lgpl build carries no GPL component', async () => {
    const engine = createEngine({ variant: 'lgpl', concurrency: 1 });
    try {
      const { stdout } = await engine.run(new Volume(), ['-hide_banner', '-encoders']);
      expect(listed(new TextDecoder().decode(stdout)).has('libx264')).toBe(false);
      const conf = await engine.run(new Volume(), ['-hide_banner', '-buildconf']);
      const text = conf.stderr + new TextDecoder().decode(conf.stdout);
      expect(text).toContain('configuration:');
      expect(text).not.toContain('--enable-gpl');
    } finally {
      await engine.close();
    }
  });
});
