/*
 * afmpeg: WebAssembly SIMD128 vertical scalers to full-chroma packed RGB (yuv2packedX,
 * yuv2packed2 and yuv2packed1 with SWS_FULL_CHR_H_INT, to rgb24, bgr24 and the four 32-bit byte
 * orders without alpha).
 *
 * Why: libswscale forces full-chroma RGB output whenever the output width is odd
 * (`scale=-1:480` of 16:9 video is 853 wide) or the input chroma is not subsampled (PNG, RGB,
 * yuv444p sources), so stills and GIFs from such inputs go through yuv2rgb_full_X_c_template:
 * per pixel, the vertical sums and then integer yuv -> rgb arithmetic, all in C on wasm.
 *
 * Bit-exact with libswscale/output.c: the same int32 sums (modulo 2^32, like C), the same
 * shifts, and yuv2rgb_write_full()'s arithmetic in int32 lanes. C clips all three channels to
 * 30 bits when any of them has bit 30 or 31 set; a channel already in [0, 2^30) is unchanged by
 * that clip, so clipping each channel always is the same. Proven by tests/checkasm sw_scale
 * (patch 0108).
 *
 * yuv2packed2 and yuv2packed1 are the X sums with other weights and offsets, exactly:
 *   full_2: Y = (buf0 * (4096 - yalpha) + buf1 * yalpha) >> 10, U and V the same minus 128 << 19;
 *   full_1: C's buf0 * 4 is (buf0 * 4096 + 512) >> 10, (ubuf0 - (128 << 7)) * 4 is
 *   (ubuf0 * 4096 + 512 - (128 << 19)) >> 10, and (ubuf0 + ubuf1 - (128 << 8)) * 2 is the same
 *   with two weights of 2048, for any int16.
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include <wasm_simd128.h>

#include "config.h"
#include "libavutil/attributes.h"
#include "libswscale/swscale.h"
#include "libswscale/swscale_internal.h"
#include "swscale_wasm.h"

enum { RGB24, BGR24, RGBX, XRGB, BGRX, XBGR };

/* init + sum over j of src[j][x + k] * filter[j], k = 0..3, modulo 2^32, >> 10. */
static av_always_inline v128_t sum4(const int16_t *filter, int size, const int16_t **src, int x,
                                    v128_t init)
{
    v128_t a = init;
    int j = 0;
    for (; j + 2 <= size; j += 2) {
        v128_t s0 = wasm_v128_load64_zero(src[j] + x), s1 = wasm_v128_load64_zero(src[j + 1] + x);
        v128_t f = wasm_i32x4_splat((uint16_t)filter[j] | ((uint32_t)(uint16_t)filter[j + 1] << 16));
        a = wasm_i32x4_add(a, wasm_i32x4_dot_i16x8(wasm_i16x8_shuffle(s0, s1, 0, 8, 1, 9, 2, 10, 3, 11), f));
    }
    if (j < size)
        a = wasm_i32x4_add(a, wasm_i32x4_extmul_low_i16x8(wasm_v128_load64_zero(src[j] + x),
                                                          wasm_i16x8_splat(filter[j])));
    return wasm_i32x4_shr(a, 10);
}

/* yuv2rgb_write_full() for 4 pixels: channel values 0-255 in int32 lanes. */
static av_always_inline void rgb4(const SwsContext *c, v128_t Y, v128_t U, v128_t V, v128_t *R,
                                  v128_t *G, v128_t *B)
{
    const v128_t zero = wasm_i32x4_splat(0), max = wasm_i32x4_splat((1 << 30) - 1);
    Y = wasm_i32x4_sub(Y, wasm_i32x4_splat(c->yuv2rgb_y_offset));
    Y = wasm_i32x4_add(wasm_i32x4_mul(Y, wasm_i32x4_splat(c->yuv2rgb_y_coeff)), wasm_i32x4_splat(1 << 21));
    v128_t r = wasm_i32x4_add(Y, wasm_i32x4_mul(V, wasm_i32x4_splat(c->yuv2rgb_v2r_coeff)));
    v128_t g = wasm_i32x4_add(wasm_i32x4_add(Y, wasm_i32x4_mul(V, wasm_i32x4_splat(c->yuv2rgb_v2g_coeff))),
                              wasm_i32x4_mul(U, wasm_i32x4_splat(c->yuv2rgb_u2g_coeff)));
    v128_t b = wasm_i32x4_add(Y, wasm_i32x4_mul(U, wasm_i32x4_splat(c->yuv2rgb_u2b_coeff)));
    *R = wasm_i32x4_shr(wasm_i32x4_min(wasm_i32x4_max(r, zero), max), 22);
    *G = wasm_i32x4_shr(wasm_i32x4_min(wasm_i32x4_max(g, zero), max), 22);
    *B = wasm_i32x4_shr(wasm_i32x4_min(wasm_i32x4_max(b, zero), max), 22);
}

/* Four int32x4 of 0-255 as 16 bytes. */
static av_always_inline v128_t bytes16(v128_t a, v128_t b, v128_t c, v128_t d)
{
    return wasm_u8x16_narrow_i16x8(wasm_i16x8_narrow_i32x4(a, b), wasm_i16x8_narrow_i32x4(c, d));
}

/* 16 pixels, channels in output order c0 c1 c2 (c3), written interleaved. */
static av_always_inline void store16(uint8_t *dest, v128_t c0, v128_t c1, v128_t c2, const int target)
{
    if (target == RGB24 || target == BGR24) {
        v128_t t;
        t = wasm_i8x16_shuffle(c0, c1, 0, 16, 0, 1, 17, 0, 2, 18, 0, 3, 19, 0, 4, 20, 0, 5);
        wasm_v128_store(dest, wasm_i8x16_shuffle(t, c2, 0, 1, 16, 3, 4, 17, 6, 7, 18, 9, 10, 19, 12, 13, 20, 15));
        t = wasm_i8x16_shuffle(c0, c1, 21, 0, 6, 22, 0, 7, 23, 0, 8, 24, 0, 9, 25, 0, 10, 26);
        wasm_v128_store(dest + 16, wasm_i8x16_shuffle(t, c2, 0, 21, 2, 3, 22, 5, 6, 23, 8, 9, 24, 11, 12, 25, 14, 15));
        t = wasm_i8x16_shuffle(c0, c1, 0, 11, 27, 0, 12, 28, 0, 13, 29, 0, 14, 30, 0, 15, 31, 0);
        wasm_v128_store(dest + 32, wasm_i8x16_shuffle(t, c2, 26, 1, 2, 27, 4, 5, 28, 7, 8, 29, 10, 11, 30, 13, 14, 31));
    } else {
        const v128_t ff = wasm_i8x16_splat(-1);
        /* Alpha 255 first (xrgb, xbgr) or last (rgbx, bgrx). */
        v128_t a = target == XRGB || target == XBGR ? ff : c0;
        v128_t b = target == XRGB || target == XBGR ? c0 : c1;
        v128_t d = target == XRGB || target == XBGR ? c1 : c2;
        v128_t e = target == XRGB || target == XBGR ? c2 : ff;
        v128_t ab_lo = wasm_i8x16_shuffle(a, b, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
        v128_t ab_hi = wasm_i8x16_shuffle(a, b, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
        v128_t de_lo = wasm_i8x16_shuffle(d, e, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
        v128_t de_hi = wasm_i8x16_shuffle(d, e, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
        wasm_v128_store(dest, wasm_i16x8_shuffle(ab_lo, de_lo, 0, 8, 1, 9, 2, 10, 3, 11));
        wasm_v128_store(dest + 16, wasm_i16x8_shuffle(ab_lo, de_lo, 4, 12, 5, 13, 6, 14, 7, 15));
        wasm_v128_store(dest + 32, wasm_i16x8_shuffle(ab_hi, de_hi, 0, 8, 1, 9, 2, 10, 3, 11));
        wasm_v128_store(dest + 48, wasm_i16x8_shuffle(ab_hi, de_hi, 4, 12, 5, 13, 6, 14, 7, 15));
    }
}

static av_always_inline void yuv2rgb_full(SwsContext *c, const int16_t *lumFilter,
                                          const int16_t **lumSrc, int lumFilterSize,
                                          const int16_t *chrFilter, const int16_t **chrUSrc,
                                          const int16_t **chrVSrc, int chrFilterSize, uint8_t *dest,
                                          int dstW, int lumInit, int chrInit, const int target)
{
    const int step = target == RGB24 || target == BGR24 ? 3 : 4;
    const int rgb_order = target == RGB24 || target == RGBX || target == XRGB;
    const v128_t li = wasm_i32x4_splat(lumInit), ci = wasm_i32x4_splat(chrInit);
    int i = 0;

    for (; i + 16 <= dstW; i += 16) {
        v128_t R[4], G[4], B[4];
        for (int k = 0; k < 4; k++) {
            v128_t Y = sum4(lumFilter, lumFilterSize, lumSrc, i + 4 * k, li);
            v128_t U = sum4(chrFilter, chrFilterSize, chrUSrc, i + 4 * k, ci);
            v128_t V = sum4(chrFilter, chrFilterSize, chrVSrc, i + 4 * k, ci);
            rgb4(c, Y, U, V, &R[k], &G[k], &B[k]);
        }
        v128_t r = bytes16(R[0], R[1], R[2], R[3]), g = bytes16(G[0], G[1], G[2], G[3]);
        v128_t b = bytes16(B[0], B[1], B[2], B[3]);
        store16(dest + i * step, rgb_order ? r : b, g, rgb_order ? b : r, target);
    }
    for (; i < dstW; i++) {
        int Y = lumInit, U = chrInit, V = chrInit, R, G, B;
        uint8_t *d = dest + i * step + (target == XRGB || target == XBGR);
        for (int j = 0; j < lumFilterSize; j++)
            Y += lumSrc[j][i] * lumFilter[j];
        for (int j = 0; j < chrFilterSize; j++) {
            U += chrUSrc[j][i] * chrFilter[j];
            V += chrVSrc[j][i] * chrFilter[j];
        }
        Y >>= 10;
        U >>= 10;
        V >>= 10;
        Y = (unsigned)(Y - c->yuv2rgb_y_offset) * c->yuv2rgb_y_coeff + (1 << 21);
        R = av_clip_uintp2((unsigned)Y + V * (unsigned)c->yuv2rgb_v2r_coeff, 30) >> 22;
        G = av_clip_uintp2((unsigned)Y + V * (unsigned)c->yuv2rgb_v2g_coeff + U * (unsigned)c->yuv2rgb_u2g_coeff, 30) >> 22;
        B = av_clip_uintp2((unsigned)Y + U * (unsigned)c->yuv2rgb_u2b_coeff, 30) >> 22;
        d[0] = rgb_order ? R : B;
        d[1] = G;
        d[2] = rgb_order ? B : R;
        if (target == RGBX || target == BGRX)
            d[3] = 255;
        else if (step == 4)
            d[-1] = 255;
    }
    /* C leaves its (here always zero) error-diffusion state after the last pixel. */
    c->dither_error[0][dstW] = 0;
    c->dither_error[1][dstW] = 0;
    c->dither_error[2][dstW] = 0;
}

#define YUV2RGB_FULL(name, target)                                                                 \
static void name##_X_wasm(SwsContext *c, const int16_t *lumFilter, const int16_t **lumSrc,         \
                          int lumFilterSize, const int16_t *chrFilter, const int16_t **chrUSrc,    \
                          const int16_t **chrVSrc, int chrFilterSize, const int16_t **alpSrc,      \
                          uint8_t *dest, int dstW, int y)                                          \
{                                                                                                  \
    yuv2rgb_full(c, lumFilter, lumSrc, lumFilterSize, chrFilter, chrUSrc, chrVSrc, chrFilterSize,  \
                 dest, dstW, 1 << 9, (1 << 9) - (128 << 19), target);                              \
}                                                                                                  \
static void name##_2_wasm(SwsContext *c, const int16_t *buf[2], const int16_t *ubuf[2],            \
                          const int16_t *vbuf[2], const int16_t *abuf[2], uint8_t *dest, int dstW, \
                          int yalpha, int uvalpha, int y)                                          \
{                                                                                                  \
    const int16_t lf[2] = { 4096 - yalpha, yalpha }, cf[2] = { 4096 - uvalpha, uvalpha };          \
    yuv2rgb_full(c, lf, buf, 2, cf, ubuf, vbuf, 2, dest, dstW, 0, -(128 << 19), target);           \
}                                                                                                  \
static void name##_1_wasm(SwsContext *c, const int16_t *buf0, const int16_t *ubuf[2],              \
                          const int16_t *vbuf[2], const int16_t *abuf0, uint8_t *dest, int dstW,  \
                          int uvalpha, int y)                                                      \
{                                                                                                  \
    static const int16_t one[1] = { 4096 }, half[2] = { 2048, 2048 };                              \
    const int16_t *lum[1] = { buf0 };                                                              \
    yuv2rgb_full(c, one, lum, 1, uvalpha < 2048 ? one : half, ubuf, vbuf, uvalpha < 2048 ? 1 : 2,  \
                 dest, dstW, 1 << 9, (1 << 9) - (128 << 19), target);                              \
}

YUV2RGB_FULL(yuv2rgb24_full, RGB24)
YUV2RGB_FULL(yuv2bgr24_full, BGR24)
YUV2RGB_FULL(yuv2rgbx32_full, RGBX)
YUV2RGB_FULL(yuv2xrgb32_full, XRGB)
YUV2RGB_FULL(yuv2bgrx32_full, BGRX)
YUV2RGB_FULL(yuv2xbgr32_full, XBGR)

#define SET(name)                                                                                  \
    do {                                                                                           \
        c->yuv2packedX = name##_X_wasm;                                                            \
        c->yuv2packed2 = name##_2_wasm;                                                            \
        c->yuv2packed1 = name##_1_wasm;                                                            \
    } while (0)

/* Where ff_sws_init_output_funcs() picks yuv2{rgb,bgr}24_full_* or, without alpha, the
 * yuv2{rgbx,xrgb,bgrx,xbgr}32_full_* functions. */
av_cold void ff_sws_init_packed_full_wasm(SwsContext *c)
{
#if CONFIG_SWSCALE_ALPHA
    if (c->needAlpha && c->dstFormat != AV_PIX_FMT_RGB24 && c->dstFormat != AV_PIX_FMT_BGR24)
        return;
#endif
    switch (c->dstFormat) {
    case AV_PIX_FMT_RGB24: SET(yuv2rgb24_full); break;
    case AV_PIX_FMT_BGR24: SET(yuv2bgr24_full); break;
    case AV_PIX_FMT_RGBA:  SET(yuv2rgbx32_full); break;
    case AV_PIX_FMT_ARGB:  SET(yuv2xrgb32_full); break;
    case AV_PIX_FMT_BGRA:  SET(yuv2bgrx32_full); break;
    case AV_PIX_FMT_ABGR:  SET(yuv2xbgr32_full); break;
    default: break;
    }
}
