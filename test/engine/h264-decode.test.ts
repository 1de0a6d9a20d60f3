import { readFileSync } from 'node:fs';
import { createEngine, type Engine, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { framemd5Hashes } from './decoded.js';

/**
 * R-AF-12 (issue 9): the wasm builds run FFmpeg's H.264 decoder with WebAssembly SIMD128 kernels
 * (motion compensation, weighted prediction, inverse transforms, loop filter, intra prediction,
 * build/src/ffmpeg-wasm/libavcodec/wasm/). H.264 decoding is exact, so a build must decode each
 * fixture to exactly the frames native FFmpeg decodes, both with its kernels and with
 * `-cpuflags 0` (FFmpeg's C functions). The fixtures take the kernels' separate paths: explicit
 * weighted P and B frames with temporal direct, MBAFF (interlaced) edges, 4:2:2 chroma with CAVLC.
 */

const FIXTURES = [
  'h264-weighted-320x240-12f',
  'h264-mbaff-320x240-12f',
  'h264-422-cavlc-320x240-12f',
] as const;

const fixture = (name: string) => new URL(`fixtures/${name}`, import.meta.url);

describe.each(['gpl', 'lgpl'] as const)('R-AF-12: the %s build decodes H.264 exactly', (variant) => {
  let engine: Engine;
  beforeAll(() => {
    engine = createEngine({ variant, concurrency: 1 });
  });
  afterAll(async () => {
    await engine.close();
  });

  it.each(FIXTURES)(
    '%s: the frames native FFmpeg decodes, with and without the SIMD128 kernels (-cpuflags 0)',
    async (name) => {
      const vol = new Volume();
      vol.writeFileSync('/in.mp4', readFileSync(fixture(`${name}.mp4`)));
      const decode = async (cpuflags: string[]) =>
        framemd5Hashes(
          (await engine.run(vol, [...cpuflags, '-i', '/in.mp4', '-f', 'framemd5', 'pipe:1'])).stdout,
        );
      const native = framemd5Hashes(readFileSync(fixture(`${name}.framemd5`), 'utf8'));
      expect(native).toHaveLength(12);
      expect(await decode([])).toEqual(native);
      expect(await decode(['-cpuflags', '0'])).toEqual(native);
    },
  );
});
