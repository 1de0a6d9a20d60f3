/*
 * afmpeg: WebAssembly SIMD128 unscaled converter rgb24/bgr24 -> gbrp, the wasm counterpart of
 * ff_get_unscaled_swscale_aarch64() and friends (patch 0108 calls it).
 *
 * Why: a filter that negotiates planar RGB (xfade does, for PNG cards) gets its rgb24 input
 * through rgbToPlanarRgbWrapper, byte by byte: 2.3 % of the reel on wasm. This writes the same
 * bytes, 16 pixels (48 bytes) at a time deinterleaved with byte shuffles. Proven by
 * tests/checkasm sw_scale (patch 0107).
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include <wasm_simd128.h>

#include "libavutil/attributes.h"
#include "libavutil/cpu.h"
#include "libswscale/swscale_internal.h"
#include "swscale_wasm.h"

/* packedtogbr24p() of swscale_unscaled.c for 3-byte pixels: byte k of a pixel to plane d[k]. */
static void packed24_to_planes(const uint8_t *src, int srcStride, uint8_t *d0, uint8_t *d1,
                               uint8_t *d2, const int dstStride[3], int srcSliceH, int width)
{
    for (int h = 0; h < srcSliceH; h++) {
        int x = 0;
        for (; x + 16 <= width; x += 16) {
            const uint8_t *s = src + 3 * x;
            v128_t v0 = wasm_v128_load(s), v1 = wasm_v128_load(s + 16), v2 = wasm_v128_load(s + 32);
            wasm_v128_store(d0 + x, channel16(v0, v1, v2, 0));
            wasm_v128_store(d1 + x, channel16(v0, v1, v2, 1));
            wasm_v128_store(d2 + x, channel16(v0, v1, v2, 2));
        }
        for (; x < width; x++) {
            d0[x] = src[3 * x];
            d1[x] = src[3 * x + 1];
            d2[x] = src[3 * x + 2];
        }
        src += srcStride;
        d0 += dstStride[0];
        d1 += dstStride[1];
        d2 += dstStride[2];
    }
}

/* rgbToPlanarRgbWrapper() for rgb24 and bgr24: gbrp's planes are G, B, R. */
static int rgb24ToPlanarRgb_wasm(SwsContext *c, const uint8_t *src[], int srcStride[], int srcSliceY,
                                 int srcSliceH, uint8_t *dst[], int dstStride[])
{
    uint8_t *g = dst[0] + srcSliceY * dstStride[0];
    uint8_t *b = dst[1] + srcSliceY * dstStride[1];
    uint8_t *r = dst[2] + srcSliceY * dstStride[2];

    if (c->srcFormat == AV_PIX_FMT_RGB24) {
        const int strides[3] = { dstStride[2], dstStride[0], dstStride[1] };
        packed24_to_planes(src[0], srcStride[0], r, g, b, strides, srcSliceH, c->srcW);
    } else {
        const int strides[3] = { dstStride[1], dstStride[0], dstStride[2] };
        packed24_to_planes(src[0], srcStride[0], b, g, r, strides, srcSliceH, c->srcW);
    }
    return srcSliceH;
}

av_cold void ff_get_unscaled_swscale_wasm(SwsContext *c)
{
    /* Where ff_get_unscaled_swscale() picks rgbToPlanarRgbWrapper, 3-byte pixels only. */
    if (!(av_get_cpu_flags() & AV_CPU_FLAG_SIMD128))
        return;
    if ((c->srcFormat == AV_PIX_FMT_RGB24 || c->srcFormat == AV_PIX_FMT_BGR24) &&
        c->dstFormat == AV_PIX_FMT_GBRP)
        c->convert_unscaled = rgb24ToPlanarRgb_wasm;
}
