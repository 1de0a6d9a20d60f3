/*
 * afmpeg: WebAssembly SIMD128 input converters rgb24/bgr24 -> Y, UV and UV_half.
 *
 * Why: PNG stills decode to rgb24, and their conversion to yuv (rgb24ToY_c, rgb24ToUV_half_c)
 * is ~4 % of the reel's time on wasm. Bit-exact with libswscale/input.c's C code: the same
 * int32 products with the context's rgb2yuv coefficients (any int32 value), the same rounding
 * constants and shifts, truncation to int16. Proven by tests/checkasm sw_scale (patched).
 *
 * 16 pixels (48 bytes) are deinterleaved into r, g, b with byte shuffles, widened to int32.
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include <wasm_simd128.h>

#include "libavutil/attributes.h"
#include "libavutil/common.h"
#include "libswscale/swscale_internal.h"
#include "swscale_wasm.h"

/* Bytes 0, 3, 6, ... (c == 0), 1, 4, ... (c == 1) or 2, 5, ... (c == 2) of 48 bytes. */
static av_always_inline v128_t channel16(v128_t v0, v128_t v1, v128_t v2, const int c)
{
    v128_t t;
    if (c == 0) {
        t = wasm_i8x16_shuffle(v0, v1, 0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 0, 0, 0, 0, 0);
        return wasm_i8x16_shuffle(t, v2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 20, 23, 26, 29);
    } else if (c == 1) {
        t = wasm_i8x16_shuffle(v0, v1, 1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31, 0, 0, 0, 0, 0);
        return wasm_i8x16_shuffle(t, v2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 18, 21, 24, 27, 30);
    } else {
        t = wasm_i8x16_shuffle(v0, v1, 2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 0, 0, 0, 0, 0, 0);
        return wasm_i8x16_shuffle(t, v2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 19, 22, 25, 28, 31);
    }
}

/* k0*x + k1*y + k2*z + add, >> sh, for 8 int16 lanes (non-negative) of x, y, z; int16 result. */
static av_always_inline v128_t mac3(v128_t x, v128_t y, v128_t z, v128_t k0, v128_t k1, v128_t k2,
                                    v128_t add, int sh)
{
    v128_t lo = wasm_i32x4_add(wasm_i32x4_add(wasm_i32x4_mul(wasm_u32x4_extend_low_u16x8(x), k0),
                                              wasm_i32x4_mul(wasm_u32x4_extend_low_u16x8(y), k1)),
                               wasm_i32x4_add(wasm_i32x4_mul(wasm_u32x4_extend_low_u16x8(z), k2), add));
    v128_t hi = wasm_i32x4_add(wasm_i32x4_add(wasm_i32x4_mul(wasm_u32x4_extend_high_u16x8(x), k0),
                                              wasm_i32x4_mul(wasm_u32x4_extend_high_u16x8(y), k1)),
                               wasm_i32x4_add(wasm_i32x4_mul(wasm_u32x4_extend_high_u16x8(z), k2), add));
    lo = wasm_i32x4_shr(lo, sh);
    hi = wasm_i32x4_shr(hi, sh);
    return wasm_i16x8_shuffle(lo, hi, 0, 2, 4, 6, 8, 10, 12, 14);
}

/* R is the byte offset of red in a pixel (0: rgb24, 2: bgr24). */
static av_always_inline void to_y(int16_t *dst, const uint8_t *src, int width,
                                  const uint32_t *rgb2yuv, const int R)
{
    const int32_t ry = rgb2yuv[RY_IDX], gy = rgb2yuv[GY_IDX], by = rgb2yuv[BY_IDX];
    const int add = (32 << (RGB2YUV_SHIFT - 1)) + (1 << (RGB2YUV_SHIFT - 7)), sh = RGB2YUV_SHIFT - 6;
    const v128_t kr = wasm_i32x4_splat(ry), kg = wasm_i32x4_splat(gy), kb = wasm_i32x4_splat(by);
    const v128_t vadd = wasm_i32x4_splat(add);
    int i = 0;
    for (; i + 16 <= width; i += 16) {
        const uint8_t *s = src + 3 * i;
        v128_t v0 = wasm_v128_load(s), v1 = wasm_v128_load(s + 16), v2 = wasm_v128_load(s + 32);
        v128_t r = channel16(v0, v1, v2, R), g = channel16(v0, v1, v2, 1), b = channel16(v0, v1, v2, 2 - R);
        wasm_v128_store(dst + i, mac3(wasm_u16x8_extend_low_u8x16(r), wasm_u16x8_extend_low_u8x16(g),
                                      wasm_u16x8_extend_low_u8x16(b), kr, kg, kb, vadd, sh));
        wasm_v128_store(dst + i + 8, mac3(wasm_u16x8_extend_high_u8x16(r), wasm_u16x8_extend_high_u8x16(g),
                                          wasm_u16x8_extend_high_u8x16(b), kr, kg, kb, vadd, sh));
    }
    for (; i < width; i++) {
        int r = src[i * 3 + R], g = src[i * 3 + 1], b = src[i * 3 + 2 - R];
        dst[i] = (ry * r + gy * g + by * b + add) >> sh;
    }
}

static av_always_inline void to_uv(int16_t *dstU, int16_t *dstV, const uint8_t *src, int width,
                                   const uint32_t *rgb2yuv, const int R)
{
    const int32_t ru = rgb2yuv[RU_IDX], gu = rgb2yuv[GU_IDX], bu = rgb2yuv[BU_IDX];
    const int32_t rv = rgb2yuv[RV_IDX], gv = rgb2yuv[GV_IDX], bv = rgb2yuv[BV_IDX];
    const int add = (256 << (RGB2YUV_SHIFT - 1)) + (1 << (RGB2YUV_SHIFT - 7)), sh = RGB2YUV_SHIFT - 6;
    const v128_t kru = wasm_i32x4_splat(ru), kgu = wasm_i32x4_splat(gu), kbu = wasm_i32x4_splat(bu);
    const v128_t krv = wasm_i32x4_splat(rv), kgv = wasm_i32x4_splat(gv), kbv = wasm_i32x4_splat(bv);
    const v128_t vadd = wasm_i32x4_splat(add);
    int i = 0;
    for (; i + 16 <= width; i += 16) {
        const uint8_t *s = src + 3 * i;
        v128_t v0 = wasm_v128_load(s), v1 = wasm_v128_load(s + 16), v2 = wasm_v128_load(s + 32);
        v128_t r = channel16(v0, v1, v2, R), g = channel16(v0, v1, v2, 1), b = channel16(v0, v1, v2, 2 - R);
        v128_t rl = wasm_u16x8_extend_low_u8x16(r), gl = wasm_u16x8_extend_low_u8x16(g), bl = wasm_u16x8_extend_low_u8x16(b);
        v128_t rh = wasm_u16x8_extend_high_u8x16(r), gh = wasm_u16x8_extend_high_u8x16(g), bh = wasm_u16x8_extend_high_u8x16(b);
        wasm_v128_store(dstU + i, mac3(rl, gl, bl, kru, kgu, kbu, vadd, sh));
        wasm_v128_store(dstU + i + 8, mac3(rh, gh, bh, kru, kgu, kbu, vadd, sh));
        wasm_v128_store(dstV + i, mac3(rl, gl, bl, krv, kgv, kbv, vadd, sh));
        wasm_v128_store(dstV + i + 8, mac3(rh, gh, bh, krv, kgv, kbv, vadd, sh));
    }
    for (; i < width; i++) {
        int r = src[3 * i + R], g = src[3 * i + 1], b = src[3 * i + 2 - R];
        dstU[i] = (ru * r + gu * g + bu * b + add) >> sh;
        dstV[i] = (rv * r + gv * g + bv * b + add) >> sh;
    }
}

/* Each output pixel from the sum of two input pixels. */
static av_always_inline void to_uv_half(int16_t *dstU, int16_t *dstV, const uint8_t *src, int width,
                                        const uint32_t *rgb2yuv, const int R)
{
    const int32_t ru = rgb2yuv[RU_IDX], gu = rgb2yuv[GU_IDX], bu = rgb2yuv[BU_IDX];
    const int32_t rv = rgb2yuv[RV_IDX], gv = rgb2yuv[GV_IDX], bv = rgb2yuv[BV_IDX];
    const int add = (256 << RGB2YUV_SHIFT) + (1 << (RGB2YUV_SHIFT - 6)), sh = RGB2YUV_SHIFT - 5;
    const v128_t kru = wasm_i32x4_splat(ru), kgu = wasm_i32x4_splat(gu), kbu = wasm_i32x4_splat(bu);
    const v128_t krv = wasm_i32x4_splat(rv), kgv = wasm_i32x4_splat(gv), kbv = wasm_i32x4_splat(bv);
    const v128_t vadd = wasm_i32x4_splat(add);
    int i = 0;
    for (; i + 8 <= width; i += 8) {
        const uint8_t *s = src + 6 * i;
        v128_t v0 = wasm_v128_load(s), v1 = wasm_v128_load(s + 16), v2 = wasm_v128_load(s + 32);
        v128_t r = wasm_u16x8_extadd_pairwise_u8x16(channel16(v0, v1, v2, R));
        v128_t g = wasm_u16x8_extadd_pairwise_u8x16(channel16(v0, v1, v2, 1));
        v128_t b = wasm_u16x8_extadd_pairwise_u8x16(channel16(v0, v1, v2, 2 - R));
        wasm_v128_store(dstU + i, mac3(r, g, b, kru, kgu, kbu, vadd, sh));
        wasm_v128_store(dstV + i, mac3(r, g, b, krv, kgv, kbv, vadd, sh));
    }
    for (; i < width; i++) {
        int r = src[6 * i + R] + src[6 * i + 3 + R];
        int g = src[6 * i + 1] + src[6 * i + 4];
        int b = src[6 * i + 2 - R] + src[6 * i + 5 - R];
        dstU[i] = (ru * r + gu * g + bu * b + add) >> sh;
        dstV[i] = (rv * r + gv * g + bv * b + add) >> sh;
    }
}

#define INPUT_FUNCS(name, R)                                                                        \
static void name##ToY_wasm(uint8_t *dst, const uint8_t *src, const uint8_t *u1, const uint8_t *u2,  \
                           int width, uint32_t *rgb2yuv)                                            \
{                                                                                                   \
    to_y((int16_t *)dst, src, width, rgb2yuv, R);                                                   \
}                                                                                                   \
static void name##ToUV_wasm(uint8_t *dstU, uint8_t *dstV, const uint8_t *u0, const uint8_t *src1,   \
                            const uint8_t *src2, int width, uint32_t *rgb2yuv)                      \
{                                                                                                   \
    to_uv((int16_t *)dstU, (int16_t *)dstV, src1, width, rgb2yuv, R);                               \
}                                                                                                   \
static void name##ToUV_half_wasm(uint8_t *dstU, uint8_t *dstV, const uint8_t *u0,                   \
                                 const uint8_t *src1, const uint8_t *src2, int width,               \
                                 uint32_t *rgb2yuv)                                                 \
{                                                                                                   \
    to_uv_half((int16_t *)dstU, (int16_t *)dstV, src1, width, rgb2yuv, R);                          \
}

INPUT_FUNCS(rgb24, 0)
INPUT_FUNCS(bgr24, 2)

/* Mirrors ff_sws_init_input_funcs(): the same formats and the same chroma choice. */
av_cold void ff_sws_init_input_wasm(SwsContext *c)
{
    switch (c->srcFormat) {
    case AV_PIX_FMT_RGB24:
        c->lumToYV12 = rgb24ToY_wasm;
        if (c->chrSrcHSubSample)
            c->chrToYV12 = rgb24ToUV_half_wasm;
        else
            c->chrToYV12 = rgb24ToUV_wasm;
        break;
    case AV_PIX_FMT_BGR24:
        c->lumToYV12 = bgr24ToY_wasm;
        if (c->chrSrcHSubSample)
            c->chrToYV12 = bgr24ToUV_half_wasm;
        else
            c->chrToYV12 = bgr24ToUV_wasm;
        break;
    default:
        break;
    }
}
