/*
 * afmpeg: WebAssembly SIMD128 H.264 weighted prediction, 8-bit: weight and biweight, 16, 8 and 4
 * pixels wide (2 wide stays C: measured no faster).
 *
 * Why: every block of a weighted-prediction slice (fades; x264 turns it on for P frames by
 * default) runs h264dsp_template.c's per-pixel C; weight_h264_pixels16_8_c showed in the W1
 * decode profile.
 *
 * Bit-exact with the C code: products and sums in int32 lanes (the C int arithmetic; with
 * H.264's 8-bit weights and offsets nothing comes near overflow), an arithmetic shift, and the
 * saturating int32 -> int16 -> uint8 narrowing as av_clip_uint8. Only the block's own bytes are
 * read and written.
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include <wasm_simd128.h>

#include "libavutil/attributes.h"
#include "h264dsp_wasm.h"

static av_always_inline v128_t loadw(const uint8_t *p, int w)
{
    return w == 16 ? wasm_v128_load(p) : w == 8 ? wasm_v128_load64_zero(p) : wasm_v128_load32_zero(p);
}

static av_always_inline void storew(uint8_t *p, v128_t v, int w)
{
    if (w == 16)
        wasm_v128_store(p, v);
    else if (w == 8)
        wasm_v128_store64_lane(p, v, 0);
    else
        wasm_v128_store32_lane(p, v, 0);
}

/* (x * weight + offset) >> shift for the 8 int16 lanes of x, as int16 (saturated). */
static av_always_inline v128_t scale8(v128_t x, v128_t weight, v128_t offset, int shift)
{
    v128_t lo = wasm_i32x4_add(wasm_i32x4_extmul_low_i16x8(x, weight), offset);
    v128_t hi = wasm_i32x4_add(wasm_i32x4_extmul_high_i16x8(x, weight), offset);
    return wasm_i16x8_narrow_i32x4(wasm_i32x4_shr(lo, shift), wasm_i32x4_shr(hi, shift));
}

static av_always_inline void weight(uint8_t *block, ptrdiff_t stride, int height,
                                    int log2_denom, int weight, int offset, int w)
{
    const v128_t vw = wasm_i16x8_splat(weight);
    v128_t vo;
    int y;
    offset = (unsigned)offset << log2_denom;
    if (log2_denom)
        offset += 1 << (log2_denom - 1);
    vo = wasm_i32x4_splat(offset);
    for (y = 0; y < height; y++, block += stride) {
        v128_t px = loadw(block, w);
        v128_t lo = scale8(wasm_u16x8_extend_low_u8x16(px), vw, vo, log2_denom);
        v128_t hi = w == 16 ? scale8(wasm_u16x8_extend_high_u8x16(px), vw, vo, log2_denom) : lo;
        storew(block, wasm_u8x16_narrow_i16x8(lo, hi), w);
    }
}

/* (src * ws + dst * wd + offset) >> shift for 8 pixels (int16 lanes of s and d). */
static av_always_inline v128_t biscale8(v128_t s, v128_t d, v128_t k, v128_t offset, int shift)
{
    v128_t lo = wasm_i32x4_dot_i16x8(wasm_i16x8_shuffle(s, d, 0, 8, 1, 9, 2, 10, 3, 11), k);
    v128_t hi = wasm_i32x4_dot_i16x8(wasm_i16x8_shuffle(s, d, 4, 12, 5, 13, 6, 14, 7, 15), k);
    return wasm_i16x8_narrow_i32x4(wasm_i32x4_shr(wasm_i32x4_add(lo, offset), shift),
                                   wasm_i32x4_shr(wasm_i32x4_add(hi, offset), shift));
}

static av_always_inline void biweight(uint8_t *dst, const uint8_t *src, ptrdiff_t stride, int height,
                                      int log2_denom, int weightd, int weights, int offset, int w)
{
    /* int16 pairs (weights, weightd) as the dot product's coefficients */
    const v128_t k = wasm_i32x4_splat((uint16_t)weights | (uint32_t)weightd << 16);
    const int shift = log2_denom + 1;
    v128_t vo;
    int y;
    offset = (unsigned)((offset + 1) | 1) << log2_denom;
    vo = wasm_i32x4_splat(offset);
    for (y = 0; y < height; y++, dst += stride, src += stride) {
        v128_t s = loadw(src, w), d = loadw(dst, w);
        v128_t lo = biscale8(wasm_u16x8_extend_low_u8x16(s), wasm_u16x8_extend_low_u8x16(d), k, vo, shift);
        v128_t hi = w == 16 ? biscale8(wasm_u16x8_extend_high_u8x16(s), wasm_u16x8_extend_high_u8x16(d), k, vo, shift)
                            : lo;
        storew(dst, wasm_u8x16_narrow_i16x8(lo, hi), w);
    }
}

#define WEIGHT_FUNCS(W)                                                                         \
void ff_h264_weight_pixels##W##_8_simd128(uint8_t *block, ptrdiff_t stride, int height,        \
                                          int log2_denom, int w, int offset)                    \
{                                                                                               \
    weight(block, stride, height, log2_denom, w, offset, W);                                    \
}                                                                                               \
void ff_h264_biweight_pixels##W##_8_simd128(uint8_t *dst, uint8_t *src, ptrdiff_t stride,      \
                                            int height, int log2_denom, int weightd,            \
                                            int weights, int offset)                            \
{                                                                                               \
    biweight(dst, src, stride, height, log2_denom, weightd, weights, offset, W);                \
}

WEIGHT_FUNCS(16)
WEIGHT_FUNCS(8)
WEIGHT_FUNCS(4)
