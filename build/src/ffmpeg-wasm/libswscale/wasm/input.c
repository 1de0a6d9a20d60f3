/*
 * afmpeg: WebAssembly SIMD128 input converters rgb24/bgr24/rgba/bgra/argb/abgr and planar gbrp/gbrap
 * -> Y, UV, UV_half.
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

/* U and V of 16 pixels given as bytes r, g, b: k holds ru, gu, bu, rv, gv, bv. */
static av_always_inline void store_uv16(int16_t *dstU, int16_t *dstV, v128_t r, v128_t g, v128_t b,
                                        const v128_t k[6], v128_t add, int sh)
{
    v128_t rl = wasm_u16x8_extend_low_u8x16(r), gl = wasm_u16x8_extend_low_u8x16(g), bl = wasm_u16x8_extend_low_u8x16(b);
    v128_t rh = wasm_u16x8_extend_high_u8x16(r), gh = wasm_u16x8_extend_high_u8x16(g), bh = wasm_u16x8_extend_high_u8x16(b);
    wasm_v128_store(dstU, mac3(rl, gl, bl, k[0], k[1], k[2], add, sh));
    wasm_v128_store(dstU + 8, mac3(rh, gh, bh, k[0], k[1], k[2], add, sh));
    wasm_v128_store(dstV, mac3(rl, gl, bl, k[3], k[4], k[5], add, sh));
    wasm_v128_store(dstV + 8, mac3(rh, gh, bh, k[3], k[4], k[5], add, sh));
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
    const v128_t k[6] = { wasm_i32x4_splat(ru), wasm_i32x4_splat(gu), wasm_i32x4_splat(bu),
                          wasm_i32x4_splat(rv), wasm_i32x4_splat(gv), wasm_i32x4_splat(bv) };
    const v128_t vadd = wasm_i32x4_splat(add);
    int i = 0;
    for (; i + 16 <= width; i += 16) {
        const uint8_t *s = src + 3 * i;
        v128_t v0 = wasm_v128_load(s), v1 = wasm_v128_load(s + 16), v2 = wasm_v128_load(s + 32);
        store_uv16(dstU + i, dstV + i, channel16(v0, v1, v2, R), channel16(v0, v1, v2, 1),
                   channel16(v0, v1, v2, 2 - R), k, vadd, sh);
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

/*
 * rgba, bgra, argb, abgr: libswscale/input.c's rgb16_32 templates with their 32-bit
 * parameters, step by step in int32 lanes: the same masks and shifts (logical where C's value
 * is unsigned, arithmetic where it is int), the coefficients pre-shifted the same way, the
 * unsigned rounding constant and the final logical shift.
 */
static av_always_inline void rgb32_to_y(int16_t *dst, const uint8_t *src, int width, const int32_t *rgb2yuv,
                                        const int shr, const int shg, const int shb, const int shp,
                                        const int maskr, const int maskg, const int maskb,
                                        const int rsh, const int gsh, const int bsh, const int S)
{
    const int ry = rgb2yuv[RY_IDX] << rsh, gy = rgb2yuv[GY_IDX] << gsh, by = rgb2yuv[BY_IDX] << bsh;
    const unsigned rnd = (32 << ((S) - 1)) + (1 << (S - 7));
    const v128_t kr = wasm_i32x4_splat(ry), kg = wasm_i32x4_splat(gy), kb = wasm_i32x4_splat(by);
    const v128_t vrnd = wasm_i32x4_splat(rnd);
    const v128_t mr = wasm_i32x4_splat(maskr), mg = wasm_i32x4_splat(maskg), mb = wasm_i32x4_splat(maskb);
    int i = 0;
    for (; i + 8 <= width; i += 8) {
        v128_t out[2];
        int h;
        for (h = 0; h < 2; h++) {
            v128_t px = wasm_u32x4_shr(wasm_v128_load(src + 4 * (i + 4 * h)), shp);
            v128_t b = wasm_i32x4_shr(wasm_v128_and(px, mb), shb);
            v128_t g = wasm_i32x4_shr(wasm_v128_and(px, mg), shg);
            v128_t r = wasm_i32x4_shr(wasm_v128_and(px, mr), shr);
            v128_t v = wasm_i32x4_add(wasm_i32x4_add(wasm_i32x4_mul(kr, r), wasm_i32x4_mul(kg, g)),
                                      wasm_i32x4_add(wasm_i32x4_mul(kb, b), vrnd));
            out[h] = wasm_u32x4_shr(v, S - 6);
        }
        wasm_v128_store(dst + i, wasm_i16x8_shuffle(out[0], out[1], 0, 2, 4, 6, 8, 10, 12, 14));
    }
    for (; i < width; i++) {
        uint32_t p;
        int px, b, g, r;
        memcpy(&p, src + 4 * i, 4);
        px = p >> shp;
        b = (px & maskb) >> shb;
        g = (px & maskg) >> shg;
        r = (px & maskr) >> shr;
        dst[i] = (ry * r + gy * g + by * b + rnd) >> ((S) - 6);
    }
}

static av_always_inline void rgb32_to_uv(int16_t *dstU, int16_t *dstV, const uint8_t *src, int width,
                                         const int32_t *rgb2yuv,
                                         const int shr, const int shg, const int shb, const int shp,
                                         const int maskr, const int maskg, const int maskb,
                                         const int rsh, const int gsh, const int bsh, const int S)
{
    const int ru = rgb2yuv[RU_IDX] * (1 << rsh), gu = rgb2yuv[GU_IDX] * (1 << gsh), bu = rgb2yuv[BU_IDX] * (1 << bsh),
              rv = rgb2yuv[RV_IDX] * (1 << rsh), gv = rgb2yuv[GV_IDX] * (1 << gsh), bv = rgb2yuv[BV_IDX] * (1 << bsh);
    const unsigned rnd = (256u << ((S) - 1)) + (1 << (S - 7));
    const v128_t kru = wasm_i32x4_splat(ru), kgu = wasm_i32x4_splat(gu), kbu = wasm_i32x4_splat(bu);
    const v128_t krv = wasm_i32x4_splat(rv), kgv = wasm_i32x4_splat(gv), kbv = wasm_i32x4_splat(bv);
    const v128_t vrnd = wasm_i32x4_splat(rnd);
    const v128_t mr = wasm_i32x4_splat(maskr), mg = wasm_i32x4_splat(maskg), mb = wasm_i32x4_splat(maskb);
    int i = 0;
    for (; i + 8 <= width; i += 8) {
        v128_t ou[2], ov[2];
        int h;
        for (h = 0; h < 2; h++) {
            v128_t px = wasm_u32x4_shr(wasm_v128_load(src + 4 * (i + 4 * h)), shp);
            v128_t b = wasm_i32x4_shr(wasm_v128_and(px, mb), shb);
            v128_t g = wasm_i32x4_shr(wasm_v128_and(px, mg), shg);
            v128_t r = wasm_i32x4_shr(wasm_v128_and(px, mr), shr);
            ou[h] = wasm_u32x4_shr(wasm_i32x4_add(wasm_i32x4_add(wasm_i32x4_mul(kru, r), wasm_i32x4_mul(kgu, g)),
                                                  wasm_i32x4_add(wasm_i32x4_mul(kbu, b), vrnd)), S - 6);
            ov[h] = wasm_u32x4_shr(wasm_i32x4_add(wasm_i32x4_add(wasm_i32x4_mul(krv, r), wasm_i32x4_mul(kgv, g)),
                                                  wasm_i32x4_add(wasm_i32x4_mul(kbv, b), vrnd)), S - 6);
        }
        wasm_v128_store(dstU + i, wasm_i16x8_shuffle(ou[0], ou[1], 0, 2, 4, 6, 8, 10, 12, 14));
        wasm_v128_store(dstV + i, wasm_i16x8_shuffle(ov[0], ov[1], 0, 2, 4, 6, 8, 10, 12, 14));
    }
    for (; i < width; i++) {
        uint32_t p;
        int px, b, g, r;
        memcpy(&p, src + 4 * i, 4);
        px = p >> shp;
        b = (px & maskb) >> shb;
        g = (px & maskg) >> shg;
        r = (px & maskr) >> shr;
        dstU[i] = (ru * r + gu * g + bu * b + rnd) >> ((S) - 6);
        dstV[i] = (rv * r + gv * g + bv * b + rnd) >> ((S) - 6);
    }
}

static av_always_inline void rgb32_to_uv_half(int16_t *dstU, int16_t *dstV, const uint8_t *src, int width,
                                              const int32_t *rgb2yuv,
                                              const int shr, const int shg, const int shb, const int shp,
                                              int maskr, int maskg, int maskb,
                                              const int rsh, const int gsh, const int bsh, const int S)
{
    const int ru = rgb2yuv[RU_IDX] * (1 << rsh), gu = rgb2yuv[GU_IDX] * (1 << gsh), bu = rgb2yuv[BU_IDX] * (1 << bsh),
              rv = rgb2yuv[RV_IDX] * (1 << rsh), gv = rgb2yuv[GV_IDX] * (1 << gsh), bv = rgb2yuv[BV_IDX] * (1 << bsh),
              maskgx = ~(maskr | maskb);
    const unsigned rnd = (256U << (S)) + (1 << (S - 6));
    v128_t kru, kgu, kbu, krv, kgv, kbv, vrnd, mr, mg, mb, mgx;
    int i = 0;

    maskr |= maskr << 1;
    maskb |= maskb << 1;
    maskg |= maskg << 1;
    kru = wasm_i32x4_splat(ru); kgu = wasm_i32x4_splat(gu); kbu = wasm_i32x4_splat(bu);
    krv = wasm_i32x4_splat(rv); kgv = wasm_i32x4_splat(gv); kbv = wasm_i32x4_splat(bv);
    vrnd = wasm_i32x4_splat(rnd);
    mr = wasm_i32x4_splat(maskr); mg = wasm_i32x4_splat(maskg); mb = wasm_i32x4_splat(maskb);
    mgx = wasm_i32x4_splat(maskgx);
    for (; i + 4 <= width; i += 4) {
        v128_t a = wasm_v128_load(src + 8 * i), c = wasm_v128_load(src + 8 * i + 16);
        v128_t px0 = wasm_u32x4_shr(wasm_i32x4_shuffle(a, c, 0, 2, 4, 6), shp);
        v128_t px1 = wasm_u32x4_shr(wasm_i32x4_shuffle(a, c, 1, 3, 5, 7), shp);
        v128_t g = wasm_i32x4_add(wasm_v128_and(px0, mgx), wasm_v128_and(px1, mgx));
        v128_t rb = wasm_i32x4_sub(wasm_i32x4_add(px0, px1), g);
        v128_t b = wasm_i32x4_shr(wasm_v128_and(rb, mb), shb);
        v128_t r = wasm_i32x4_shr(wasm_v128_and(rb, mr), shr);
        v128_t u, v;
        if (shp)
            g = wasm_i32x4_shr(g, shg);
        else
            g = wasm_i32x4_shr(wasm_v128_and(g, mg), shg);
        u = wasm_u32x4_shr(wasm_i32x4_add(wasm_i32x4_add(wasm_i32x4_mul(kru, r), wasm_i32x4_mul(kgu, g)),
                                          wasm_i32x4_add(wasm_i32x4_mul(kbu, b), vrnd)), S - 6 + 1);
        v = wasm_u32x4_shr(wasm_i32x4_add(wasm_i32x4_add(wasm_i32x4_mul(krv, r), wasm_i32x4_mul(kgv, g)),
                                          wasm_i32x4_add(wasm_i32x4_mul(kbv, b), vrnd)), S - 6 + 1);
        wasm_v128_store64_lane(dstU + i, wasm_i16x8_shuffle(u, u, 0, 2, 4, 6, 0, 2, 4, 6), 0);
        wasm_v128_store64_lane(dstV + i, wasm_i16x8_shuffle(v, v, 0, 2, 4, 6, 0, 2, 4, 6), 0);
    }
    for (; i < width; i++) {
        uint32_t p0, p1;
        unsigned px0, px1;
        int b, r, g, rb;
        memcpy(&p0, src + 8 * i, 4);
        memcpy(&p1, src + 8 * i + 4, 4);
        px0 = p0 >> shp;
        px1 = p1 >> shp;
        g = (px0 & maskgx) + (px1 & maskgx);
        rb = px0 + px1 - g;
        b = (rb & maskb) >> shb;
        if (shp)
            g >>= shg;
        else
            g = (g & maskg) >> shg;
        r = (rb & maskr) >> shr;
        dstU[i] = (ru * r + gu * g + bu * b + (unsigned)rnd) >> ((S) - 6 + 1);
        dstV[i] = (rv * r + gv * g + bv * b + (unsigned)rnd) >> ((S) - 6 + 1);
    }
}

#define RGB32_FUNCS(name, shr, shg, shb, shp, maskr, maskg, maskb, rsh, gsh, bsh, S)                \
static void name##ToY_wasm(uint8_t *dst, const uint8_t *src, const uint8_t *u1, const uint8_t *u2,  \
                           int width, uint32_t *tab)                                                \
{                                                                                                   \
    rgb32_to_y((int16_t *)dst, src, width, (const int32_t *)tab, shr, shg, shb, shp,                \
               maskr, maskg, maskb, rsh, gsh, bsh, S);                                              \
}                                                                                                   \
static void name##ToUV_wasm(uint8_t *dstU, uint8_t *dstV, const uint8_t *u0, const uint8_t *src,    \
                            const uint8_t *dummy, int width, uint32_t *tab)                         \
{                                                                                                   \
    rgb32_to_uv((int16_t *)dstU, (int16_t *)dstV, src, width, (const int32_t *)tab,                 \
                shr, shg, shb, shp, maskr, maskg, maskb, rsh, gsh, bsh, S);                         \
}                                                                                                   \
static void name##ToUV_half_wasm(uint8_t *dstU, uint8_t *dstV, const uint8_t *u0,                   \
                                 const uint8_t *src, const uint8_t *dummy, int width, uint32_t *tab)\
{                                                                                                   \
    rgb32_to_uv_half((int16_t *)dstU, (int16_t *)dstV, src, width, (const int32_t *)tab,            \
                     shr, shg, shb, shp, maskr, maskg, maskb, rsh, gsh, bsh, S);                    \
}

/* The parameters of input.c's rgb16_32_wrapper() lines for the 32-bit formats. */
RGB32_FUNCS(bgr32,  16, 0,  0, 0, 0xFF0000, 0xFF00, 0x00FF,   8, 0, 8, RGB2YUV_SHIFT + 8)
RGB32_FUNCS(bgr321, 16, 0,  0, 8, 0xFF0000, 0xFF00, 0x00FF,   8, 0, 8, RGB2YUV_SHIFT + 8)
RGB32_FUNCS(rgb32,   0, 0, 16, 0, 0x00FF,   0xFF00, 0xFF0000, 8, 0, 8, RGB2YUV_SHIFT + 8)
RGB32_FUNCS(rgb321,  0, 0, 16, 8, 0x00FF,   0xFF00, 0xFF0000, 8, 0, 8, RGB2YUV_SHIFT + 8)

/* Mirrors ff_sws_init_input_funcs(): the same formats and the same chroma choice. */
/*
 * 8-bit planar gbrp/gbrap (src[0] G, src[1] B, src[2] R): chosen whenever a filter negotiates
 * planar RGB, as xfade does for PNG cards (rgb24 -> gbrp -> xfade -> yuv420p): planar_rgb_to_y,
 * planar_rgb_to_uv and gbr24pToUV_half_c were ~6 % of the reel. Same constants as input.c.
 */
static void planar_rgb_to_y_wasm(uint8_t *_dst, const uint8_t *src[4], int width, int32_t *rgb2yuv)
{
    int16_t *dst = (int16_t *)_dst;
    const int32_t ry = rgb2yuv[RY_IDX], gy = rgb2yuv[GY_IDX], by = rgb2yuv[BY_IDX];
    const int add = 0x801 << (RGB2YUV_SHIFT - 7), sh = RGB2YUV_SHIFT - 6;
    const v128_t kr = wasm_i32x4_splat(ry), kg = wasm_i32x4_splat(gy), kb = wasm_i32x4_splat(by);
    const v128_t vadd = wasm_i32x4_splat(add);
    int i = 0;
    for (; i + 16 <= width; i += 16) {
        v128_t g = wasm_v128_load(src[0] + i), b = wasm_v128_load(src[1] + i), r = wasm_v128_load(src[2] + i);
        wasm_v128_store(dst + i, mac3(wasm_u16x8_extend_low_u8x16(r), wasm_u16x8_extend_low_u8x16(g),
                                      wasm_u16x8_extend_low_u8x16(b), kr, kg, kb, vadd, sh));
        wasm_v128_store(dst + i + 8, mac3(wasm_u16x8_extend_high_u8x16(r), wasm_u16x8_extend_high_u8x16(g),
                                          wasm_u16x8_extend_high_u8x16(b), kr, kg, kb, vadd, sh));
    }
    for (; i < width; i++) {
        int g = src[0][i], b = src[1][i], r = src[2][i];
        dst[i] = (ry * r + gy * g + by * b + add) >> sh;
    }
}

static void planar_rgb_to_uv_wasm(uint8_t *_dstU, uint8_t *_dstV, const uint8_t *src[4], int width,
                                  int32_t *rgb2yuv)
{
    int16_t *dstU = (int16_t *)_dstU, *dstV = (int16_t *)_dstV;
    const int32_t ru = rgb2yuv[RU_IDX], gu = rgb2yuv[GU_IDX], bu = rgb2yuv[BU_IDX];
    const int32_t rv = rgb2yuv[RV_IDX], gv = rgb2yuv[GV_IDX], bv = rgb2yuv[BV_IDX];
    const int add = 0x4001 << (RGB2YUV_SHIFT - 7), sh = RGB2YUV_SHIFT - 6;
    const v128_t k[6] = { wasm_i32x4_splat(ru), wasm_i32x4_splat(gu), wasm_i32x4_splat(bu),
                          wasm_i32x4_splat(rv), wasm_i32x4_splat(gv), wasm_i32x4_splat(bv) };
    const v128_t vadd = wasm_i32x4_splat(add);
    int i = 0;
    for (; i + 16 <= width; i += 16)
        store_uv16(dstU + i, dstV + i, wasm_v128_load(src[2] + i), wasm_v128_load(src[0] + i),
                   wasm_v128_load(src[1] + i), k, vadd, sh);
    for (; i < width; i++) {
        int g = src[0][i], b = src[1][i], r = src[2][i];
        dstU[i] = (ru * r + gu * g + bu * b + add) >> sh;
        dstV[i] = (rv * r + gv * g + bv * b + add) >> sh;
    }
}

/* C computes this one unsigned (logical shift): the same low 16 bits, as the shift is < 16. */
static void gbr24pToUV_half_wasm(uint8_t *_dstU, uint8_t *_dstV, const uint8_t *gsrc,
                                 const uint8_t *bsrc, const uint8_t *rsrc, int width, uint32_t *rgb2yuv)
{
    int16_t *dstU = (int16_t *)_dstU, *dstV = (int16_t *)_dstV;
    const int32_t ru = rgb2yuv[RU_IDX], gu = rgb2yuv[GU_IDX], bu = rgb2yuv[BU_IDX];
    const int32_t rv = rgb2yuv[RV_IDX], gv = rgb2yuv[GV_IDX], bv = rgb2yuv[BV_IDX];
    const unsigned add = 0x4001 << (RGB2YUV_SHIFT - 6), sh = RGB2YUV_SHIFT - 6 + 1;
    const v128_t kru = wasm_i32x4_splat(ru), kgu = wasm_i32x4_splat(gu), kbu = wasm_i32x4_splat(bu);
    const v128_t krv = wasm_i32x4_splat(rv), kgv = wasm_i32x4_splat(gv), kbv = wasm_i32x4_splat(bv);
    const v128_t vadd = wasm_i32x4_splat(add);
    int i = 0;
    for (; i + 8 <= width; i += 8) {
        v128_t g = wasm_u16x8_extadd_pairwise_u8x16(wasm_v128_load(gsrc + 2 * i));
        v128_t b = wasm_u16x8_extadd_pairwise_u8x16(wasm_v128_load(bsrc + 2 * i));
        v128_t r = wasm_u16x8_extadd_pairwise_u8x16(wasm_v128_load(rsrc + 2 * i));
        wasm_v128_store(dstU + i, mac3(r, g, b, kru, kgu, kbu, vadd, sh));
        wasm_v128_store(dstV + i, mac3(r, g, b, krv, kgv, kbv, vadd, sh));
    }
    for (; i < width; i++) {
        unsigned g = gsrc[2 * i] + gsrc[2 * i + 1], b = bsrc[2 * i] + bsrc[2 * i + 1];
        unsigned r = rsrc[2 * i] + rsrc[2 * i + 1];
        dstU[i] = (ru * r + gu * g + bu * b + add) >> sh;
        dstV[i] = (rv * r + gv * g + bv * b + add) >> sh;
    }
}

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
#define RGB32_CASE(fmt, name)                                                   \
    case fmt:                                                                   \
        c->lumToYV12 = name##ToY_wasm;                                          \
        c->chrToYV12 = c->chrSrcHSubSample ? name##ToUV_half_wasm : name##ToUV_wasm; \
        break;
    RGB32_CASE(AV_PIX_FMT_RGB32,   bgr32)
    RGB32_CASE(AV_PIX_FMT_RGB32_1, bgr321)
    RGB32_CASE(AV_PIX_FMT_BGR32,   rgb32)
    RGB32_CASE(AV_PIX_FMT_BGR32_1, rgb321)
    case AV_PIX_FMT_GBRAP:
    case AV_PIX_FMT_GBRP:
        c->readLumPlanar = planar_rgb_to_y_wasm;
        c->readChrPlanar = planar_rgb_to_uv_wasm;
        if (c->chrSrcHSubSample)
            c->chrToYV12 = gbr24pToUV_half_wasm;
        break;
    default:
        break;
    }
}
