/*
 * afmpeg: WebAssembly SIMD128 H.264 chroma motion compensation, 8-bit (put/avg, 8 and 4 wide).
 *
 * Why: with no asm on wasm, every chroma block of an H.264 inter macroblock runs
 * h264chroma_template.c's per-pixel C (put_h264_chroma_mc8_8_c led the W1 decode profile).
 * Bit-exact with it: the same bilinear weights A..D (their sum is 64, so every sum fits
 * uint16), the same (sum + 32) >> 6, and for avg the same (dst + v + 1) >> 1, which is
 * u8x16.avgr. The three cases of the C code (both fractions, only x, only y; with neither, A is
 * 64 and the block a copy) are kept apart so that no source byte is read that the C code does
 * not read.
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include <wasm_simd128.h>

#include "libavutil/attributes.h"
#include "h264dsp_wasm.h"

/* n (8 or 4) pixels at p widened to uint16 lanes. */
static av_always_inline v128_t load_u16(const uint8_t *p, int n)
{
    v128_t v = n == 8 ? wasm_v128_load64_zero(p) : wasm_v128_load32_zero(p);
    return wasm_u16x8_extend_low_u8x16(v);
}

static av_always_inline void store_px(uint8_t *dst, v128_t sum, int n, int avg)
{
    v128_t px = wasm_u8x16_narrow_i16x8(wasm_u16x8_shr(wasm_i16x8_add(sum, wasm_i16x8_splat(32)), 6),
                                        wasm_i16x8_splat(0));
    if (avg)
        px = wasm_u8x16_avgr(px, n == 8 ? wasm_v128_load64_zero(dst) : wasm_v128_load32_zero(dst));
    if (n == 8)
        wasm_v128_store64_lane(dst, px, 0);
    else
        wasm_v128_store32_lane(dst, px, 0);
}

static av_always_inline void chroma_mc(uint8_t *dst, const uint8_t *src, ptrdiff_t stride,
                                       int h, int x, int y, int n, int avg)
{
    const v128_t A = wasm_i16x8_splat((8 - x) * (8 - y));
    int i;

    if (x && y) {
        const v128_t B = wasm_i16x8_splat(x * (8 - y));
        const v128_t C = wasm_i16x8_splat((8 - x) * y);
        const v128_t D = wasm_i16x8_splat(x * y);
        v128_t s0 = load_u16(src, n), s1 = load_u16(src + 1, n);
        for (i = 0; i < h; i++) {
            v128_t t0 = load_u16(src + stride, n), t1 = load_u16(src + stride + 1, n);
            v128_t sum = wasm_i16x8_add(wasm_i16x8_add(wasm_i16x8_mul(A, s0), wasm_i16x8_mul(B, s1)),
                                        wasm_i16x8_add(wasm_i16x8_mul(C, t0), wasm_i16x8_mul(D, t1)));
            store_px(dst, sum, n, avg);
            s0 = t0;
            s1 = t1;
            dst += stride;
            src += stride;
        }
    } else if (x || y) {
        const v128_t E = wasm_i16x8_splat(x * (8 - y) + (8 - x) * y);
        const ptrdiff_t step = y ? stride : 1;
        for (i = 0; i < h; i++) {
            v128_t sum = wasm_i16x8_add(wasm_i16x8_mul(A, load_u16(src, n)),
                                        wasm_i16x8_mul(E, load_u16(src + step, n)));
            store_px(dst, sum, n, avg);
            dst += stride;
            src += stride;
        }
    } else {
        /* full-pel: (64 * s + 32) >> 6 is s, so a copy (put) or an average with dst (avg) */
        for (i = 0; i < h; i++) {
            v128_t px = n == 8 ? wasm_v128_load64_zero(src) : wasm_v128_load32_zero(src);
            if (avg)
                px = wasm_u8x16_avgr(px, n == 8 ? wasm_v128_load64_zero(dst) : wasm_v128_load32_zero(dst));
            if (n == 8)
                wasm_v128_store64_lane(dst, px, 0);
            else
                wasm_v128_store32_lane(dst, px, 0);
            dst += stride;
            src += stride;
        }
    }
}

void ff_put_h264_chroma_mc8_8_simd128(uint8_t *dst, uint8_t *src, ptrdiff_t stride, int h, int x, int y)
{
    chroma_mc(dst, src, stride, h, x, y, 8, 0);
}

void ff_avg_h264_chroma_mc8_8_simd128(uint8_t *dst, uint8_t *src, ptrdiff_t stride, int h, int x, int y)
{
    chroma_mc(dst, src, stride, h, x, y, 8, 1);
}

void ff_put_h264_chroma_mc4_8_simd128(uint8_t *dst, uint8_t *src, ptrdiff_t stride, int h, int x, int y)
{
    chroma_mc(dst, src, stride, h, x, y, 4, 0);
}

void ff_avg_h264_chroma_mc4_8_simd128(uint8_t *dst, uint8_t *src, ptrdiff_t stride, int h, int x, int y)
{
    chroma_mc(dst, src, stride, h, x, y, 4, 1);
}
