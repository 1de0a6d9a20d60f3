/*
 * afmpeg: WebAssembly SIMD128 vertical scalers to packed RGB (yuv2packedX, yuv2packed2 and
 * yuv2packed1 for rgbx32 -- rgb32, bgr32, rgb32_1, bgr32_1 without alpha -- rgb24 and bgr24, not
 * full-chroma; full-chroma is packed_full.c).
 *
 * Why: every scaled RGB still or GIF ends here: `scale=...` before the PNG encoder (rgb24) or
 * palettegen/paletteuse (rgb32) filters vertically through yuv2rgb_X_c_template, which was
 * ~2 % of a GIF export on wasm, its multi-tap sums most of it. Bit-exact with
 * libswscale/output.c's C code: the same int32 sums (two taps at a time with i32x4.dot_i16x8_s,
 * equal to C's products and sum modulo 2^32), the same arithmetic shift, then C's own lookups in
 * the context's yuv2rgb tables, pixel by pixel, so the bytes written are the C code's. Proven by
 * tests/checkasm sw_scale (patches 0107, 0108).
 *
 * yuv2packed2 (two taps: bilinear) and yuv2packed1 (one luma row: vertically unscaled) are the
 * same sums with other weights, exactly: C's (buf0 + 64) >> 7 is (buf0 * 4096 + (1 << 18)) >> 19,
 * and (ubuf0 + ubuf1 + 128) >> 8 is ((ubuf0 + ubuf1) * 2048 + (1 << 18)) >> 19, for any int16.
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include <wasm_simd128.h>

#include "config.h"
#include "libavutil/attributes.h"
#include "libswscale/swscale.h"
#include "libswscale/swscale_internal.h"
#include "swscale_wasm.h"

enum { RGBX32, RGB24, BGR24 };

/* init + sum over j of src[j][x + k] * filter[j], k = 0..7, as 8 int32 in two vectors. */
static av_always_inline void sum8(const int16_t *filter, int size, const int16_t **src, int x,
                                  v128_t init, v128_t *lo, v128_t *hi)
{
    v128_t a0 = init, a1 = init;
    int j = 0;
    for (; j + 2 <= size; j += 2) {
        v128_t s0 = wasm_v128_load(src[j] + x), s1 = wasm_v128_load(src[j + 1] + x);
        v128_t f = wasm_i32x4_splat((uint16_t)filter[j] | ((uint32_t)(uint16_t)filter[j + 1] << 16));
        a0 = wasm_i32x4_add(a0, wasm_i32x4_dot_i16x8(wasm_i16x8_shuffle(s0, s1, 0, 8, 1, 9, 2, 10, 3, 11), f));
        a1 = wasm_i32x4_add(a1, wasm_i32x4_dot_i16x8(wasm_i16x8_shuffle(s0, s1, 4, 12, 5, 13, 6, 14, 7, 15), f));
    }
    if (j < size) {
        v128_t s = wasm_v128_load(src[j] + x), f = wasm_i16x8_splat(filter[j]);
        a0 = wasm_i32x4_add(a0, wasm_i32x4_extmul_low_i16x8(s, f));
        a1 = wasm_i32x4_add(a1, wasm_i32x4_extmul_high_i16x8(s, f));
    }
    *lo = wasm_i32x4_shr(a0, 19);
    *hi = wasm_i32x4_shr(a1, 19);
}

/* yuv2rgb_write() of output.c for these targets, without alpha. */
static av_always_inline void write_pair(SwsContext *c, uint8_t *dest, int i, int Y1, int Y2, int U,
                                        int V, const int target)
{
    const uint8_t *r = c->table_rV[V + YUVRGB_TABLE_HEADROOM];
    const uint8_t *g = c->table_gU[U + YUVRGB_TABLE_HEADROOM] + c->table_gV[V + YUVRGB_TABLE_HEADROOM];
    const uint8_t *b = c->table_bU[U + YUVRGB_TABLE_HEADROOM];

    if (target == RGBX32) {
        uint32_t *d = (uint32_t *)dest;
        const uint32_t *r32 = (const uint32_t *)r, *g32 = (const uint32_t *)g, *b32 = (const uint32_t *)b;
        d[i * 2 + 0] = r32[Y1] + g32[Y1] + b32[Y1];
        d[i * 2 + 1] = r32[Y2] + g32[Y2] + b32[Y2];
    } else {
        const uint8_t *r_b = target == RGB24 ? r : b, *b_r = target == RGB24 ? b : r;
        dest[i * 6 + 0] = r_b[Y1];
        dest[i * 6 + 1] = g[Y1];
        dest[i * 6 + 2] = b_r[Y1];
        dest[i * 6 + 3] = r_b[Y2];
        dest[i * 6 + 4] = g[Y2];
        dest[i * 6 + 5] = b_r[Y2];
    }
}

static av_always_inline void yuv2rgb_X(SwsContext *c, const int16_t *lumFilter, const int16_t **lumSrc,
                                       int lumFilterSize, const int16_t *chrFilter,
                                       const int16_t **chrUSrc, const int16_t **chrVSrc,
                                       int chrFilterSize, uint8_t *dest, int dstW, const int round,
                                       const int target)
{
    const int pairs = (dstW + 1) >> 1;
    const v128_t init = wasm_i32x4_splat(round);
    int32_t Y[16], U[8], V[8];
    int i = 0;

    for (; i + 8 <= pairs; i += 8) {
        v128_t lo, hi;
        sum8(lumFilter, lumFilterSize, lumSrc, 2 * i, init, &lo, &hi);
        wasm_v128_store(Y, lo);
        wasm_v128_store(Y + 4, hi);
        sum8(lumFilter, lumFilterSize, lumSrc, 2 * i + 8, init, &lo, &hi);
        wasm_v128_store(Y + 8, lo);
        wasm_v128_store(Y + 12, hi);
        sum8(chrFilter, chrFilterSize, chrUSrc, i, init, &lo, &hi);
        wasm_v128_store(U, lo);
        wasm_v128_store(U + 4, hi);
        sum8(chrFilter, chrFilterSize, chrVSrc, i, init, &lo, &hi);
        wasm_v128_store(V, lo);
        wasm_v128_store(V + 4, hi);
        for (int k = 0; k < 8; k++)
            write_pair(c, dest, i + k, Y[2 * k], Y[2 * k + 1], U[k], V[k], target);
    }
    for (; i < pairs; i++) {
        int Y1 = round, Y2 = round, u = round, v = round;
        for (int j = 0; j < lumFilterSize; j++) {
            Y1 += lumSrc[j][i * 2] * lumFilter[j];
            Y2 += lumSrc[j][i * 2 + 1] * lumFilter[j];
        }
        for (int j = 0; j < chrFilterSize; j++) {
            u += chrUSrc[j][i] * chrFilter[j];
            v += chrVSrc[j][i] * chrFilter[j];
        }
        write_pair(c, dest, i, Y1 >> 19, Y2 >> 19, u >> 19, v >> 19, target);
    }
}

#define YUV2RGB_X(name, target)                                                                    \
static void name##_X_wasm(SwsContext *c, const int16_t *lumFilter, const int16_t **lumSrc,         \
                          int lumFilterSize, const int16_t *chrFilter, const int16_t **chrUSrc,    \
                          const int16_t **chrVSrc, int chrFilterSize, const int16_t **alpSrc,      \
                          uint8_t *dest, int dstW, int y)                                          \
{                                                                                                  \
    yuv2rgb_X(c, lumFilter, lumSrc, lumFilterSize, chrFilter, chrUSrc, chrVSrc, chrFilterSize,     \
              dest, dstW, 1 << 18, target);                                                        \
}                                                                                                  \
/* yuv2rgb_2_c_template: (buf0 * (4096 - yalpha) + buf1 * yalpha) >> 19, no rounding term. */    \
static void name##_2_wasm(SwsContext *c, const int16_t *buf[2], const int16_t *ubuf[2],            \
                          const int16_t *vbuf[2], const int16_t *abuf[2], uint8_t *dest, int dstW, \
                          int yalpha, int uvalpha, int y)                                          \
{                                                                                                  \
    const int16_t lf[2] = { 4096 - yalpha, yalpha }, cf[2] = { 4096 - uvalpha, uvalpha };          \
    yuv2rgb_X(c, lf, buf, 2, cf, ubuf, vbuf, 2, dest, dstW, 0, target);                            \
}                                                                                                  \
/* yuv2rgb_1_c_template: one luma row; chroma one row, or two averaged from uvalpha 2048. */      \
static void name##_1_wasm(SwsContext *c, const int16_t *buf0, const int16_t *ubuf[2],              \
                          const int16_t *vbuf[2], const int16_t *abuf0, uint8_t *dest, int dstW,  \
                          int uvalpha, int y)                                                      \
{                                                                                                  \
    static const int16_t one[1] = { 4096 }, half[2] = { 2048, 2048 };                              \
    const int16_t *lum[1] = { buf0 };                                                              \
    if (uvalpha < 2048)                                                                            \
        yuv2rgb_X(c, one, lum, 1, one, ubuf, vbuf, 1, dest, dstW, 1 << 18, target);                \
    else                                                                                           \
        yuv2rgb_X(c, one, lum, 1, half, ubuf, vbuf, 2, dest, dstW, 1 << 18, target);               \
}

YUV2RGB_X(yuv2rgbx32, RGBX32)
YUV2RGB_X(yuv2rgb24, RGB24)
YUV2RGB_X(yuv2bgr24, BGR24)

/* Where ff_sws_init_output_funcs() picks yuv2rgbx32(_1)_{X,2,1}_c, yuv2rgb24_* or yuv2bgr24_*. */
av_cold void ff_sws_init_packed_wasm(SwsContext *c)
{
    if (c->flags & SWS_FULL_CHR_H_INT) {
        ff_sws_init_packed_full_wasm(c);
        return;
    }
    switch (c->dstFormat) {
    case AV_PIX_FMT_RGB32:
    case AV_PIX_FMT_BGR32:
    case AV_PIX_FMT_RGB32_1:
    case AV_PIX_FMT_BGR32_1:
#if CONFIG_SWSCALE_ALPHA
        if (c->needAlpha)
            break;
#endif
        c->yuv2packedX = yuv2rgbx32_X_wasm;
        c->yuv2packed2 = yuv2rgbx32_2_wasm;
        c->yuv2packed1 = yuv2rgbx32_1_wasm;
        break;
    case AV_PIX_FMT_RGB24:
        c->yuv2packedX = yuv2rgb24_X_wasm;
        c->yuv2packed2 = yuv2rgb24_2_wasm;
        c->yuv2packed1 = yuv2rgb24_1_wasm;
        break;
    case AV_PIX_FMT_BGR24:
        c->yuv2packedX = yuv2bgr24_X_wasm;
        c->yuv2packed2 = yuv2bgr24_2_wasm;
        c->yuv2packed1 = yuv2bgr24_1_wasm;
        break;
    default:
        break;
    }
}
