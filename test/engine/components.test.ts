import { availableVariants, createEngine, type VariantName, Volume } from 'afmpeg';
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
