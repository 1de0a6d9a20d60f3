/*
 * afmpeg: WebAssembly SIMD128 vertical scalers to 8-bit planes (yuv2planeX_8, yuv2plane1_8).
 *
 * Why: yuv2planeX_8_c alone is ~23 % of the reel's time on wasm (no asm). Bit-exact with
 * libswscale/output.c's C code, including its wrap-around int sums (FFmpeg's x86 versions
 * use a different, approximate rounding; these do not). Proven by tests/checkasm sw_scale
 * (patched to compare against the C functions).
 *
 * yuv2planeX: two source rows are interleaved and multiplied-and-added with one
 * i32x4.dot_i16x8_s, which equals C's two int32 products and sum modulo 2^32.
 * yuv2plane1: (src + dither) saturates in int16 and is shifted; any sum that saturates is
 * >= 32768, which C clips to 255 as well, so saturation changes nothing.
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include <wasm_simd128.h>

#include "libavutil/attributes.h"
#include "libavutil/common.h"
#include "libswscale/swscale_internal.h"
#include "swscale_wasm.h"

/* dither[(i + offset) & 7] for i = 0..15, as 16 bytes. */
static av_always_inline v128_t dither16(const uint8_t *dither, int offset)
{
    uint8_t d[16];
    int k;
    for (k = 0; k < 16; k++)
        d[k] = dither[(k + offset) & 7];
    return wasm_v128_load(d);
}

static void yuv2planeX_8_wasm(const int16_t *filter, int filterSize,
                              const int16_t **src, uint8_t *dest, int dstW,
                              const uint8_t *dither, int offset)
{
    const v128_t d8 = dither16(dither, offset);
    /* dither << 12 as int32, lanes 0-7 (the pattern repeats every 8 outputs). */
    const v128_t d16 = wasm_u16x8_extend_low_u8x16(d8);
    const v128_t dit0 = wasm_i32x4_shl(wasm_u32x4_extend_low_u16x8(d16), 12);
    const v128_t dit1 = wasm_i32x4_shl(wasm_u32x4_extend_high_u16x8(d16), 12);
    int i = 0;

    for (; i + 8 <= dstW; i += 8) {
        v128_t a0 = dit0, a1 = dit1;
        int j = 0;
        for (; j + 2 <= filterSize; j += 2) {
            v128_t s0 = wasm_v128_load(src[j] + i), s1 = wasm_v128_load(src[j + 1] + i);
            v128_t f = wasm_i32x4_splat((uint16_t)filter[j] | ((uint32_t)(uint16_t)filter[j + 1] << 16));
            v128_t lo = wasm_i16x8_shuffle(s0, s1, 0, 8, 1, 9, 2, 10, 3, 11);
            v128_t hi = wasm_i16x8_shuffle(s0, s1, 4, 12, 5, 13, 6, 14, 7, 15);
            a0 = wasm_i32x4_add(a0, wasm_i32x4_dot_i16x8(lo, f));
            a1 = wasm_i32x4_add(a1, wasm_i32x4_dot_i16x8(hi, f));
        }
        if (j < filterSize) {
            v128_t s = wasm_v128_load(src[j] + i), f = wasm_i16x8_splat(filter[j]);
            a0 = wasm_i32x4_add(a0, wasm_i32x4_extmul_low_i16x8(s, f));
            a1 = wasm_i32x4_add(a1, wasm_i32x4_extmul_high_i16x8(s, f));
        }
        a0 = wasm_i32x4_shr(a0, 19);
        a1 = wasm_i32x4_shr(a1, 19);
        /* Both saturating narrows together are av_clip_uint8 of the int32. */
        v128_t w = wasm_i16x8_narrow_i32x4(a0, a1);
        v128_t b = wasm_u8x16_narrow_i16x8(w, w);
        wasm_v128_store64_lane(dest + i, b, 0);
    }
    for (; i < dstW; i++) {
        int val = dither[(i + offset) & 7] << 12;
        int j;
        for (j = 0; j < filterSize; j++)
            val += (unsigned)(src[j][i] * filter[j]);
        dest[i] = av_clip_uint8(val >> 19);
    }
}

static void yuv2plane1_8_wasm(const int16_t *src, uint8_t *dest, int dstW,
                              const uint8_t *dither, int offset)
{
    const v128_t d8 = dither16(dither, offset);
    const v128_t d16 = wasm_u16x8_extend_low_u8x16(d8);
    int i = 0;

    for (; i + 16 <= dstW; i += 16) {
        v128_t a = wasm_i16x8_shr(wasm_i16x8_add_sat(wasm_v128_load(src + i), d16), 7);
        v128_t b = wasm_i16x8_shr(wasm_i16x8_add_sat(wasm_v128_load(src + i + 8), d16), 7);
        wasm_v128_store(dest + i, wasm_u8x16_narrow_i16x8(a, b));
    }
    for (; i < dstW; i++) {
        int val = (src[i] + dither[(i + offset) & 7]) >> 7;
        dest[i] = av_clip_uint8(val);
    }
}

/* The formats for which ff_sws_init_output_funcs() picks yuv2plane1_8_c / yuv2planeX_8_c. */
static int uses_8bit_planar(enum AVPixelFormat f)
{
    return !(isSemiPlanarYUV(f) && isDataInHighBits(f)) && !is16BPS(f) && !isNBPS(f) &&
           f != AV_PIX_FMT_GRAYF32BE && f != AV_PIX_FMT_GRAYF32LE;
}

av_cold void ff_sws_init_output_wasm(SwsContext *c)
{
    if (uses_8bit_planar(c->dstFormat)) {
        c->yuv2planeX = yuv2planeX_8_wasm;
        c->yuv2plane1 = yuv2plane1_8_wasm;
    }
}
