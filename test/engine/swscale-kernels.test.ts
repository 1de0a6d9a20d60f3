import { readFileSync } from 'node:fs';
import { createEngine, type Engine, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { framemd5Hashes } from './decoded.js';

/**
 * R-AF-12 (issue 9): libswscale runs WebAssembly SIMD128 kernels in the wasm builds
 * (build/src/ffmpeg-wasm/libswscale/wasm/), bit-exact with its C functions. checkasm proves each
 * kernel in the build; this proves the paths whole, through the engine: each conversion gives the
 * frames native FFmpeg 5.1 gives with `-cpuflags 0` (its C functions: native's x86 SIMD rounds
 * differently), with the kernels and without them. Each row reaches a different output kernel;
 * the horizontal scalers and input readers run in all of them.
 */
const CONVERSIONS: readonly (readonly [name: string, filter: string])[] = [
  // odd widths force full-chroma RGB (packed_full.c, yuv2packedX)
  ['full-rgb24-odd', 'scale=213:160,format=rgb24'],
  ['full-bgra-odd', 'scale=213:160,format=bgra'],
  // unsubsampled chroma forces it too; vertically 2x bilinear: full-chroma yuv2packed2
  ['full-rgba-444-bilinear', 'format=yuv444p,scale=320:480:flags=bilinear,format=rgba'],
  // bilinear 2x upscale: 2 taps, yuv2packed2 (packed.c)
  ['packed2-rgb24-bilinear-up', 'scale=640:480:flags=bilinear,format=rgb24'],
  // the height unchanged: 1 luma tap, yuv2packed1 with interpolated chroma
  ['packed1-bgr24-vertical-unscaled', 'scale=160:240:flags=bilinear,format=bgr24'],
  ['packed1-bgra-vertical-unscaled', 'scale=160:240:flags=bilinear,format=bgra'],
  // high bit depth planes (output.c): 10, 12 and 14 bits from 15-bit intermediates, 16 from 19
  ['yuv420p10le', 'scale=200:150,format=yuv420p10le'],
  ['yuv422p12le', 'scale=200:150,format=yuv422p12le'],
  ['gray14le', 'scale=200:150,format=gray14le'],
  ['yuv444p16le', 'scale=200:150,format=yuv444p16le'],
  ['yuv420p9-unscaled', 'format=yuv420p9le'],
  // interleaved chroma (yuv2nv12cX), in both orders
  ['nv12', 'scale=200:150,format=nv12'],
  ['nv21', 'scale=200:150,format=nv21'],
  // the 8-bit planes
  ['yuv420p', 'scale=200:150'],
];

const SOURCE = ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=5:duration=1'];

describe.each(['gpl', 'lgpl'] as const)('R-AF-12: the %s build scales exactly like FFmpeg C', (variant) => {
  let engine: Engine;
  beforeAll(() => {
    engine = createEngine({ variant, concurrency: 1 });
  });
  afterAll(async () => {
    await engine.close();
  });

  it.each(CONVERSIONS)(
    '%s (%s): native -cpuflags 0 frames, with and without the SIMD128 kernels',
    async (name, filter) => {
      const convert = async (cpuflags: string[]) =>
        framemd5Hashes(
          (
            await engine.run(new Volume(), [
              ...cpuflags,
              ...SOURCE,
              '-vf',
              filter,
              '-f',
              'framemd5',
              'pipe:1',
            ])
          ).stdout,
        );
      const native = framemd5Hashes(
        readFileSync(new URL(`fixtures/swscale/${name}.framemd5`, import.meta.url), 'utf8'),
      );
      expect(native).toHaveLength(5);
      expect(await convert([])).toEqual(native);
      expect(await convert(['-cpuflags', '0'])).toEqual(native);
    },
  );
});
