/*
 * afmpeg: WebAssembly SIMD128 horizontal scalers (hScale8To15/8To19/16To15/16To19).
 *
 * Why: with no asm on wasm, swscale runs these C loops per pixel; they are ~22 % of the reel's
 * time. These versions are bit-exact with libswscale/swscale.c's C code (unlike FFmpeg's x86
 * asm, which may differ): same int32 wrap-around sums, same `>> shift`, same upper-only clip,
 * same truncation to int16. Proven by tests/checkasm sw_scale (patched to compare every
 * function against the C one on random filters, positions and sizes).
 *
 * Dot products use i32x4.dot_i16x8_s. 8-bit pixels widen to non-negative int16. 16-bit pixels
 * do not fit int16, so they are biased by -32768 (xor 0x8000) and the bias is added back as
 * 32768 * sum(coeffs): equal modulo 2^32, hence equal to C's wrapping int arithmetic.
 *
 * Filter sizes that are not a multiple of 8 end with one full 8-tap block whose extra
 * coefficients are masked to zero: it reads up to 7 pixels past a filter's last tap and up to
 * 7 coefficients past the last filter, as FFmpeg's x86 hscale does (FFmpeg pads its lines and
 * allocates filters with dstW + 3 rows). wasm has no page protection: a read past a buffer
 * cannot fault unless it passes the end of linear memory, which the heap's top chunk prevents.
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include <wasm_simd128.h>

#include "libavutil/attributes.h"
#include "libavutil/common.h"
#include "libavutil/pixdesc.h"
#include "libswscale/swscale_internal.h"
#include "swscale_wasm.h"

/* Sums of four i32x4 accumulators, one lane per accumulator. */
static av_always_inline v128_t hsum4(v128_t a, v128_t b, v128_t c, v128_t d)
{
    v128_t ab = wasm_i32x4_add(wasm_i32x4_shuffle(a, b, 0, 4, 1, 5), wasm_i32x4_shuffle(a, b, 2, 6, 3, 7));
    v128_t cd = wasm_i32x4_add(wasm_i32x4_shuffle(c, d, 0, 4, 1, 5), wasm_i32x4_shuffle(c, d, 2, 6, 3, 7));
    return wasm_i32x4_add(wasm_i32x4_shuffle(ab, cd, 0, 1, 4, 5), wasm_i32x4_shuffle(ab, cd, 2, 3, 6, 7));
}

/* Low 16 bits of each int32 lane of a and b (C's conversion to int16_t, not saturation). */
static av_always_inline v128_t trunc16(v128_t a, v128_t b)
{
    return wasm_i16x8_shuffle(a, b, 0, 2, 4, 6, 8, 10, 12, 14);
}

/* Pixel loaders: 8 pixels from p as int16 lanes; 16-bit pixels biased by -32768. */
static av_always_inline v128_t load8_px8(const uint8_t *p)
{
    return wasm_u16x8_load8x8(p);
}
static av_always_inline v128_t load8_px16(const uint8_t *p)
{
    return wasm_v128_xor(wasm_v128_load(p), wasm_i16x8_splat((int16_t)0x8000));
}
/* 4 pixels at p and 4 at q, as one int16x8. */
static av_always_inline v128_t load4x2_px8(const uint8_t *p, const uint8_t *q)
{
    uint32_t a, b;
    memcpy(&a, p, 4);
    memcpy(&b, q, 4);
    return wasm_u16x8_extend_low_u8x16(wasm_i32x4_make(a, b, 0, 0));
}
static av_always_inline v128_t load4x2_px16(const uint8_t *p, const uint8_t *q)
{
    uint64_t a, b;
    memcpy(&a, p, 8);
    memcpy(&b, q, 8);
    return wasm_v128_xor(wasm_i64x2_make(a, b), wasm_i16x8_splat((int16_t)0x8000));
}

/*
 * Raw sums for 4 outputs starting at i: sum_j src[pos+j] * filter[fs*i+j] as int32 (wrapping),
 * for any filter size. BPC is 8 or 16 (bytes per pixel 1 or 2).
 */
/* One output's sum over nb 8-tap blocks, the last one's coefficients masked. */
static av_always_inline v128_t dot_blocks(const uint8_t *s, const int16_t *f, const int nb,
                                          v128_t mask, const int bpc)
{
    const v128_t bias = wasm_i16x8_splat((int16_t)0x8000);
    v128_t a = wasm_i32x4_splat(0);
    int b;
    for (b = 0; b < nb; b++) {
        v128_t fv = wasm_v128_load(f + 8 * b);
        if (b == nb - 1)
            fv = wasm_v128_and(fv, mask);
        if (bpc == 16)
            a = wasm_i32x4_add(a, wasm_i32x4_sub(wasm_i32x4_dot_i16x8(load8_px16(s + 16 * b), fv),
                                                 wasm_i32x4_dot_i16x8(bias, fv)));
        else
            a = wasm_i32x4_add(a, wasm_i32x4_dot_i16x8(load8_px8(s + 8 * b), fv));
    }
    return a;
}

/* nb: the number of 8-tap blocks, (fs + 7) / 8; a constant in the specialised functions. */
static av_always_inline v128_t sums4(const uint8_t *src, const int16_t *filter,
                                     const int32_t *filterPos, int fs, int i, const int bpc, const int nb)
{
    const int bpp = bpc == 16 ? 2 : 1;
    const v128_t bias = wasm_i16x8_splat((int16_t)0x8000);
    v128_t acc[4];
    int k;

    if (fs == 4) {
        const int16_t *f = filter + 4 * i;
        v128_t f01 = wasm_v128_load(f), f23 = wasm_v128_load(f + 8);
        v128_t s01, s23, d01, d23;
        if (bpc == 16) {
            s01 = load4x2_px16(src + 2 * filterPos[i], src + 2 * filterPos[i + 1]);
            s23 = load4x2_px16(src + 2 * filterPos[i + 2], src + 2 * filterPos[i + 3]);
            d01 = wasm_i32x4_sub(wasm_i32x4_dot_i16x8(s01, f01), wasm_i32x4_dot_i16x8(bias, f01));
            d23 = wasm_i32x4_sub(wasm_i32x4_dot_i16x8(s23, f23), wasm_i32x4_dot_i16x8(bias, f23));
        } else {
            s01 = load4x2_px8(src + filterPos[i], src + filterPos[i + 1]);
            s23 = load4x2_px8(src + filterPos[i + 2], src + filterPos[i + 3]);
            d01 = wasm_i32x4_dot_i16x8(s01, f01);
            d23 = wasm_i32x4_dot_i16x8(s23, f23);
        }
        return wasm_i32x4_add(wasm_i32x4_shuffle(d01, d23, 0, 2, 4, 6), wasm_i32x4_shuffle(d01, d23, 1, 3, 5, 7));
    }

    {
        /* fs % 8 taps in a last full 8-tap block whose extra coefficients are masked to 0. */
        const int rest = fs & 7;
        const v128_t mask = rest ? wasm_i16x8_gt(wasm_i16x8_splat(rest), wasm_i16x8_make(0, 1, 2, 3, 4, 5, 6, 7))
                                 : wasm_i16x8_splat(-1);
        for (k = 0; k < 4; k++)
            acc[k] = dot_blocks(src + bpp * filterPos[i + k], filter + fs * (i + k), nb, mask, bpc);
    }
    return hsum4(acc[0], acc[1], acc[2], acc[3]);
}

/* Filter size 1 (unscaled): 8 outputs; contiguous positions load as one vector. */
static av_always_inline void sums8_fs1(const uint8_t *src, const int16_t *filter,
                                       const int32_t *filterPos, int i, const int bpc,
                                       v128_t *lo, v128_t *hi)
{
    const int32_t *p = filterPos + i;
    v128_t f = wasm_v128_load(filter + i), s;
    v128_t iota = wasm_i32x4_make(0, 1, 2, 3);
    v128_t p0 = wasm_i32x4_splat(p[0]);
    v128_t contiguous = wasm_v128_and(
        wasm_i32x4_eq(wasm_v128_load(p), wasm_i32x4_add(p0, iota)),
        wasm_i32x4_eq(wasm_v128_load(p + 4), wasm_i32x4_add(p0, wasm_i32x4_add(iota, wasm_i32x4_splat(4)))));
    if (bpc == 16) {
        const uint16_t *s16 = (const uint16_t *)src;
        if (wasm_i32x4_all_true(contiguous))
            s = wasm_v128_load(s16 + p[0]);
        else
            s = wasm_u16x8_make(s16[p[0]], s16[p[1]], s16[p[2]], s16[p[3]],
                                s16[p[4]], s16[p[5]], s16[p[6]], s16[p[7]]);
        /* uint16 * int16 as (s - 32768) * f + 32768 * f */
        s = wasm_v128_xor(s, wasm_i16x8_splat((int16_t)0x8000));
        *lo = wasm_i32x4_add(wasm_i32x4_extmul_low_i16x8(s, f), wasm_i32x4_shl(wasm_i32x4_extend_low_i16x8(f), 15));
        *hi = wasm_i32x4_add(wasm_i32x4_extmul_high_i16x8(s, f), wasm_i32x4_shl(wasm_i32x4_extend_high_i16x8(f), 15));
    } else {
        if (wasm_i32x4_all_true(contiguous))
            s = wasm_u16x8_load8x8(src + p[0]);
        else
            s = wasm_u16x8_make(src[p[0]], src[p[1]], src[p[2]], src[p[3]],
                                src[p[4]], src[p[5]], src[p[6]], src[p[7]]);
        *lo = wasm_i32x4_extmul_low_i16x8(s, f);
        *hi = wasm_i32x4_extmul_high_i16x8(s, f);
    }
}

static av_always_inline int scalar_sum(const uint8_t *src, const int16_t *filter,
                                       const int32_t *filterPos, int fs, int i, const int bpc)
{
    int j, val = 0;
    for (j = 0; j < fs; j++) {
        int px = bpc == 16 ? ((const uint16_t *)src)[filterPos[i] + j] : src[filterPos[i] + j];
        val += px * filter[fs * i + j];
    }
    return val;
}

/* OUT 15: int16 = min(v >> sh, 32767); OUT 19: int32 = min(v >> sh, (1 << 19) - 1). */
static av_always_inline void hscale(int16_t *_dst, int dstW, const uint8_t *src,
                                    const int16_t *filter, const int32_t *filterPos,
                                    int fs, int sh, const int bpc, const int out, const int nb)
{
    const int max = out == 15 ? (1 << 15) - 1 : (1 << 19) - 1;
    const v128_t vmax = wasm_i32x4_splat(max);
    int i = 0;

    for (; i + 8 <= dstW; i += 8) {
        v128_t a, b;
        if (fs == 1) {
            sums8_fs1(src, filter, filterPos, i, bpc, &a, &b);
        } else {
            a = sums4(src, filter, filterPos, fs, i, bpc, nb);
            b = sums4(src, filter, filterPos, fs, i + 4, bpc, nb);
        }
        a = wasm_i32x4_min(wasm_i32x4_shr(a, sh), vmax);
        b = wasm_i32x4_min(wasm_i32x4_shr(b, sh), vmax);
        if (out == 15) {
            wasm_v128_store(_dst + i, trunc16(a, b));
        } else {
            wasm_v128_store((int32_t *)_dst + i, a);
            wasm_v128_store((int32_t *)_dst + i + 4, b);
        }
    }
    for (; i < dstW; i++) {
        int v = FFMIN(scalar_sum(src, filter, filterPos, fs, i, bpc) >> sh, max);
        if (out == 15)
            _dst[i] = v;
        else
            ((int32_t *)_dst)[i] = v;
    }
}

/* The shifts of hScale16To15_c / hScale16To19_c for the context's source format. */
static int shift16(const SwsContext *c, int out)
{
    const AVPixFmtDescriptor *desc = av_pix_fmt_desc_get(c->srcFormat);
    int rgb = isAnyRGB(c->srcFormat) || c->srcFormat == AV_PIX_FMT_PAL8;
    if (out == 15) {
        int sh = desc->comp[0].depth - 1;
        if (sh < 15)
            sh = rgb ? 13 : (desc->comp[0].depth - 1);
        else if (desc->flags & AV_PIX_FMT_FLAG_FLOAT)
            sh = 16 - 1;
        return sh;
    } else {
        int sh = desc->comp[0].depth - 1 - 4;
        if (rgb && desc->comp[0].depth < 16)
            sh = 9;
        else if (desc->flags & AV_PIX_FMT_FLAG_FLOAT)
            sh = 16 - 1 - 4;
        return sh;
    }
}

#define HSCALE_FUNCS(fs_name, FS, NB)                                                           \
static void hscale8to15_##fs_name(SwsContext *c, int16_t *dst, int dstW, const uint8_t *src,    \
                                  const int16_t *filter, const int32_t *filterPos, int fs)      \
{                                                                                               \
    hscale(dst, dstW, src, filter, filterPos, FS, 7, 8, 15, NB);                                \
}                                                                                               \
static void hscale8to19_##fs_name(SwsContext *c, int16_t *dst, int dstW, const uint8_t *src,    \
                                  const int16_t *filter, const int32_t *filterPos, int fs)      \
{                                                                                               \
    hscale(dst, dstW, src, filter, filterPos, FS, 3, 8, 19, NB);                                \
}                                                                                               \
static void hscale16to15_##fs_name(SwsContext *c, int16_t *dst, int dstW, const uint8_t *src,   \
                                   const int16_t *filter, const int32_t *filterPos, int fs)     \
{                                                                                               \
    hscale(dst, dstW, src, filter, filterPos, FS, shift16(c, 15), 16, 15, NB);                  \
}                                                                                               \
static void hscale16to19_##fs_name(SwsContext *c, int16_t *dst, int dstW, const uint8_t *src,   \
                                   const int16_t *filter, const int32_t *filterPos, int fs)     \
{                                                                                               \
    hscale(dst, dstW, src, filter, filterPos, FS, shift16(c, 19), 16, 19, NB);                  \
}

/* Constant filter sizes (1, 4, 8) and block counts (up to 40 taps) let the compiler unroll;
 * XN is any size. */
HSCALE_FUNCS(1, 1, 1)
HSCALE_FUNCS(4, 4, 1)
HSCALE_FUNCS(8, 8, 1)
HSCALE_FUNCS(X1, fs, 1)
HSCALE_FUNCS(X2, fs, 2)
HSCALE_FUNCS(X3, fs, 3)
HSCALE_FUNCS(X4, fs, 4)
HSCALE_FUNCS(X5, fs, 5)
HSCALE_FUNCS(XN, fs, (fs + 7) >> 3)

#define PICK(fs, in, out)                                                                       \
    ((fs) == 1 ? hscale##in##to##out##_1 : (fs) == 4 ? hscale##in##to##out##_4 :                 \
     (fs) == 8 ? hscale##in##to##out##_8 : (fs) <= 8 ? hscale##in##to##out##_X1 :               \
     (fs) <= 16 ? hscale##in##to##out##_X2 : (fs) <= 24 ? hscale##in##to##out##_X3 :            \
     (fs) <= 32 ? hscale##in##to##out##_X4 : (fs) <= 40 ? hscale##in##to##out##_X5 :            \
     hscale##in##to##out##_XN)

static void pick(SwsContext *c, void (**fn)(SwsContext *, int16_t *, int, const uint8_t *,
                                            const int16_t *, const int32_t *, int), int fs)
{
    if (c->srcBpc == 8)
        *fn = c->dstBpc <= 14 ? PICK(fs, 8, 15) : PICK(fs, 8, 19);
    else if (fs <= 32) /* measured: beyond, clang's auto-vectorized C is as fast (checkasm --bench) */
        *fn = c->dstBpc > 14 ? PICK(fs, 16, 19) : PICK(fs, 16, 15);
}

av_cold void ff_sws_init_hscale_wasm(SwsContext *c)
{
    pick(c, &c->hyScale, c->hLumFilterSize);
    pick(c, &c->hcScale, c->hChrFilterSize);
}
