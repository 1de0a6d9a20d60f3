/*
 * afmpeg: WebAssembly SIMD128 vertical scalers to planes: yuv2planeX and yuv2plane1 to 8-bit and
 * 16-bit little-endian planes, yuv2planeX to 9/10/12/14-bit ones, and yuv2nv12cX (8-bit
 * interleaved chroma, nv12/nv21/nv24/nv42).
 *
 * Why: yuv2planeX_8_c alone is ~23 % of the reel's time on wasm (no asm); the high-bit-depth and
 * interleaved ones are the same work for 10-bit and nv12 outputs. Bit-exact with
 * libswscale/output.c's C code, including its wrap-around int sums (FFmpeg's x86 versions
 * use a different, approximate rounding; these do not). Proven by tests/checkasm sw_scale
 * (patched to compare against the C functions: 0101, 0108).
 *
 * Big-endian outputs keep the C code (no byte swap here: wasm is little-endian and those
 * formats are rare). P010/P016-style outputs (data in the high bits) keep it too.
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
#include "libavutil/pixdesc.h"
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

/* 8 sums of init + src[j][x + k] * filter[j] (int16 rows), as two int32x4, modulo 2^32 like C. */
static av_always_inline void sum8_16(const int16_t *filter, int filterSize, const int16_t **src,
                                     int x, v128_t init0, v128_t init1, v128_t *lo, v128_t *hi)
{
    v128_t a0 = init0, a1 = init1;
    int j = 0;
    for (; j + 2 <= filterSize; j += 2) {
        v128_t s0 = wasm_v128_load(src[j] + x), s1 = wasm_v128_load(src[j + 1] + x);
        v128_t f = wasm_i32x4_splat((uint16_t)filter[j] | ((uint32_t)(uint16_t)filter[j + 1] << 16));
        a0 = wasm_i32x4_add(a0, wasm_i32x4_dot_i16x8(wasm_i16x8_shuffle(s0, s1, 0, 8, 1, 9, 2, 10, 3, 11), f));
        a1 = wasm_i32x4_add(a1, wasm_i32x4_dot_i16x8(wasm_i16x8_shuffle(s0, s1, 4, 12, 5, 13, 6, 14, 7, 15), f));
    }
    if (j < filterSize) {
        v128_t s = wasm_v128_load(src[j] + x), f = wasm_i16x8_splat(filter[j]);
        a0 = wasm_i32x4_add(a0, wasm_i32x4_extmul_low_i16x8(s, f));
        a1 = wasm_i32x4_add(a1, wasm_i32x4_extmul_high_i16x8(s, f));
    }
    *lo = a0;
    *hi = a1;
}

/* yuv2planeX_10_c_template, little-endian: (1 << (shift - 1)) + sum, >> shift, av_clip_uintp2. */
static av_always_inline void yuv2planeX_N(const int16_t *filter, int filterSize, const int16_t **src,
                                          uint16_t *dest, int dstW, const int bits)
{
    const int shift = 11 + 16 - bits;
    const v128_t init = wasm_i32x4_splat(1 << (shift - 1)), max = wasm_i16x8_splat((1 << bits) - 1);
    int i = 0;

    for (; i + 8 <= dstW; i += 8) {
        v128_t lo, hi;
        sum8_16(filter, filterSize, src, i, init, init, &lo, &hi);
        /* The unsigned saturating narrow clips below 0 and above 65535; the min, to the depth. */
        v128_t w = wasm_u16x8_narrow_i32x4(wasm_i32x4_shr(lo, shift), wasm_i32x4_shr(hi, shift));
        wasm_v128_store(dest + i, wasm_u16x8_min(w, max));
    }
    for (; i < dstW; i++) {
        int val = 1 << (shift - 1);
        for (int j = 0; j < filterSize; j++)
            val += src[j][i] * filter[j];
        dest[i] = av_clip_uintp2(val >> shift, bits);
    }
}

/* yuv2plane1 to these depths keeps the C code: clang vectorizes its loop as well as a kernel
 * would (checkasm --bench: 0.8-1.2x, noise). */
#define YUV2NBPS(bits)                                                                             \
static void yuv2planeX_##bits##LE_wasm(const int16_t *filter, int filterSize, const int16_t **src, \
                                       uint8_t *dest, int dstW, const uint8_t *dither, int offset) \
{                                                                                                  \
    yuv2planeX_N(filter, filterSize, src, (uint16_t *)dest, dstW, bits);                           \
}

YUV2NBPS(9)
YUV2NBPS(10)
YUV2NBPS(12)
YUV2NBPS(14)

/* yuv2planeX_16_c_template, little-endian: int32 rows (19-bit intermediates), the sum offset by
 * -0x40000000 as C does, >> 15, av_clip_int16 (the signed saturating narrow), + 0x8000. */
static void yuv2planeX_16LE_wasm(const int16_t *filter, int filterSize, const int16_t **src16,
                                 uint8_t *dest8, int dstW, const uint8_t *dither, int offset)
{
    const int32_t **src = (const int32_t **)src16;
    uint16_t *dest = (uint16_t *)dest8;
    const v128_t init = wasm_i32x4_splat((1 << 14) - 0x40000000), bias = wasm_i16x8_splat(-0x8000);
    int i = 0;

    for (; i + 8 <= dstW; i += 8) {
        v128_t a0 = init, a1 = init;
        for (int j = 0; j < filterSize; j++) {
            const v128_t f = wasm_i32x4_splat(filter[j]);
            a0 = wasm_i32x4_add(a0, wasm_i32x4_mul(wasm_v128_load(src[j] + i), f));
            a1 = wasm_i32x4_add(a1, wasm_i32x4_mul(wasm_v128_load(src[j] + i + 4), f));
        }
        v128_t w = wasm_i16x8_narrow_i32x4(wasm_i32x4_shr(a0, 15), wasm_i32x4_shr(a1, 15));
        wasm_v128_store(dest + i, wasm_i16x8_add(w, bias));
    }
    for (; i < dstW; i++) {
        int val = (1 << 14) - 0x40000000;
        for (int j = 0; j < filterSize; j++)
            val += src[j][i] * (unsigned)filter[j];
        dest[i] = 0x8000 + av_clip_int16(val >> 15);
    }
}

/* yuv2plane1_16_c_template, little-endian: (src + 4) >> 3, av_clip_uint16. */
static void yuv2plane1_16LE_wasm(const int16_t *src16, uint8_t *dest8, int dstW,
                                 const uint8_t *dither, int offset)
{
    const int32_t *src = (const int32_t *)src16;
    uint16_t *dest = (uint16_t *)dest8;
    const v128_t round = wasm_i32x4_splat(4);
    int i = 0;

    for (; i + 8 <= dstW; i += 8) {
        v128_t a0 = wasm_i32x4_shr(wasm_i32x4_add(wasm_v128_load(src + i), round), 3);
        v128_t a1 = wasm_i32x4_shr(wasm_i32x4_add(wasm_v128_load(src + i + 4), round), 3);
        wasm_v128_store(dest + i, wasm_u16x8_narrow_i32x4(a0, a1));
    }
    for (; i < dstW; i++) {
        int val = src[i] + 4;
        dest[i] = av_clip_uint16(val >> 3);
    }
}

/* yuv2nv12cX_c: U and V summed like yuv2planeX_8 (dither chrDither[i & 7] and
 * chrDither[(i + 3) & 7], no offset), written interleaved, V first for the swapped formats. */
static void yuv2nv12cX_wasm(enum AVPixelFormat dstFormat, const uint8_t *chrDither,
                            const int16_t *chrFilter, int chrFilterSize, const int16_t **chrUSrc,
                            const int16_t **chrVSrc, uint8_t *dest, int chrDstW)
{
    const int swapped = isSwappedChroma(dstFormat);
    const v128_t du = wasm_u16x8_extend_low_u8x16(dither16(chrDither, 0));
    const v128_t dv = wasm_u16x8_extend_low_u8x16(dither16(chrDither, 3));
    const v128_t du0 = wasm_i32x4_shl(wasm_u32x4_extend_low_u16x8(du), 12);
    const v128_t du1 = wasm_i32x4_shl(wasm_u32x4_extend_high_u16x8(du), 12);
    const v128_t dv0 = wasm_i32x4_shl(wasm_u32x4_extend_low_u16x8(dv), 12);
    const v128_t dv1 = wasm_i32x4_shl(wasm_u32x4_extend_high_u16x8(dv), 12);
    int i = 0;

    for (; i + 8 <= chrDstW; i += 8) {
        v128_t u0, u1, v0, v1;
        sum8_16(chrFilter, chrFilterSize, chrUSrc, i, du0, du1, &u0, &u1);
        sum8_16(chrFilter, chrFilterSize, chrVSrc, i, dv0, dv1, &v0, &v1);
        v128_t u = wasm_i16x8_narrow_i32x4(wasm_i32x4_shr(u0, 19), wasm_i32x4_shr(u1, 19));
        v128_t v = wasm_i16x8_narrow_i32x4(wasm_i32x4_shr(v0, 19), wasm_i32x4_shr(v1, 19));
        v128_t first = swapped ? v : u, second = swapped ? u : v;
        v128_t lo = wasm_i16x8_shuffle(first, second, 0, 8, 1, 9, 2, 10, 3, 11);
        v128_t hi = wasm_i16x8_shuffle(first, second, 4, 12, 5, 13, 6, 14, 7, 15);
        wasm_v128_store(dest + 2 * i, wasm_u8x16_narrow_i16x8(lo, hi));
    }
    for (; i < chrDstW; i++) {
        int u = chrDither[i & 7] << 12;
        int v = chrDither[(i + 3) & 7] << 12;
        for (int j = 0; j < chrFilterSize; j++) {
            u += chrUSrc[j][i] * chrFilter[j];
            v += chrVSrc[j][i] * chrFilter[j];
        }
        dest[2 * i + swapped] = av_clip_uint8(u >> 19);
        dest[2 * i + !swapped] = av_clip_uint8(v >> 19);
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
    const enum AVPixelFormat f = c->dstFormat;
    const AVPixFmtDescriptor *desc = av_pix_fmt_desc_get(f);

    if (uses_8bit_planar(f)) {
        c->yuv2planeX = yuv2planeX_8_wasm;
        c->yuv2plane1 = yuv2plane1_8_wasm;
        if (isSemiPlanarYUV(f))
            c->yuv2nv12cX = yuv2nv12cX_wasm;
    } else if (isBE(f) || (isSemiPlanarYUV(f) && isDataInHighBits(f))) {
        return;
    } else if (is16BPS(f)) {
        /* 16-bit semi-planar chroma (yuv2nv12cX_16) keeps the C code. */
        c->yuv2planeX = yuv2planeX_16LE_wasm;
        c->yuv2plane1 = yuv2plane1_16LE_wasm;
    } else if (isNBPS(f)) {
        switch (desc->comp[0].depth) {
        case 9:  c->yuv2planeX = yuv2planeX_9LE_wasm;  break;
        case 10: c->yuv2planeX = yuv2planeX_10LE_wasm; break;
        case 12: c->yuv2planeX = yuv2planeX_12LE_wasm; break;
        case 14: c->yuv2planeX = yuv2planeX_14LE_wasm; break;
        default: break;
        }
    }
}
