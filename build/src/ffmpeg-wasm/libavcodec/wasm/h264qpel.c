/*
 * afmpeg: WebAssembly SIMD128 H.264 luma quarter-pel motion compensation, 8-bit: put and avg,
 * 16x16, 8x8 and 4x4, all 16 positions (except the 4x4 full-pel copy; the 2x2 put stays C).
 *
 * Why: every inter luma block runs h264qpel_template.c's 6-tap filter per pixel in C on wasm;
 * qpel is one of the largest shares of an H.264 decode.
 *
 * Bit-exact with the C code, the same way it computes:
 * - one 6-tap pass, (a + b) * 20 - (c + d) * 5 + (e + f), fits int16 for 8-bit pixels
 *   (-2550..10710) and becomes a pixel as clip((v + 16) >> 5) (arithmetic shift, then the
 *   saturating u8 narrowing is the clip);
 * - the centre (hv) position keeps the horizontal pass in int16, as C's int16_t tmp does, and
 *   runs the vertical pass in int32 (its sums reach ~470000): pairs multiplied by (20, -5)
 *   with i32x4.dot_i16x8_s, then clip((v + 512) >> 10);
 * - quarter positions average two half-pel (or full-pel) blocks with rounding,
 *   (a + b + 1) >> 1, which is u8x16.avgr; avg_ averages that once more with dst.
 * Rows are read with loads of exactly the block's width at each tap offset, so no byte is read
 * that the C code does not read.
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include <wasm_simd128.h>

#include "libavutil/attributes.h"
#include "h264dsp_wasm.h"

static av_always_inline v128_t loadn(const uint8_t *p, int n)
{
    return n == 16 ? wasm_v128_load(p) : n == 8 ? wasm_v128_load64_zero(p) : wasm_v128_load32_zero(p);
}

static av_always_inline void storen(uint8_t *p, v128_t v, int n)
{
    if (n == 16)
        wasm_v128_store(p, v);
    else if (n == 8)
        wasm_v128_store64_lane(p, v, 0);
    else
        wasm_v128_store32_lane(p, v, 0);
}

/* The 6-tap sum of int16 lanes: (z0 + p1) * 20 - (m1 + p2) * 5 + (m2 + p3). */
static av_always_inline v128_t tap6(v128_t m2, v128_t m1, v128_t z0, v128_t p1, v128_t p2, v128_t p3)
{
    v128_t a = wasm_i16x8_add(z0, p1), b = wasm_i16x8_add(m1, p2), c = wasm_i16x8_add(m2, p3);
    return wasm_i16x8_add(wasm_i16x8_sub(wasm_i16x8_mul(a, wasm_i16x8_splat(20)),
                                         wasm_i16x8_mul(b, wasm_i16x8_splat(5))), c);
}

/* 6-tap of six u8 vectors: low (lanes 0-7) and high (8-15) halves as int16. */
static av_always_inline v128_t tap6_u8_lo(v128_t m2, v128_t m1, v128_t z0, v128_t p1, v128_t p2, v128_t p3)
{
    return tap6(wasm_u16x8_extend_low_u8x16(m2), wasm_u16x8_extend_low_u8x16(m1),
                wasm_u16x8_extend_low_u8x16(z0), wasm_u16x8_extend_low_u8x16(p1),
                wasm_u16x8_extend_low_u8x16(p2), wasm_u16x8_extend_low_u8x16(p3));
}
static av_always_inline v128_t tap6_u8_hi(v128_t m2, v128_t m1, v128_t z0, v128_t p1, v128_t p2, v128_t p3)
{
    return tap6(wasm_u16x8_extend_high_u8x16(m2), wasm_u16x8_extend_high_u8x16(m1),
                wasm_u16x8_extend_high_u8x16(z0), wasm_u16x8_extend_high_u8x16(p1),
                wasm_u16x8_extend_high_u8x16(p2), wasm_u16x8_extend_high_u8x16(p3));
}

/* clip((v + 16) >> 5) of two int16 vectors into one u8 vector. */
static av_always_inline v128_t pix5(v128_t lo, v128_t hi)
{
    const v128_t r = wasm_i16x8_splat(16);
    return wasm_u8x16_narrow_i16x8(wasm_i16x8_shr(wasm_i16x8_add(lo, r), 5),
                                   wasm_i16x8_shr(wasm_i16x8_add(hi, r), 5));
}

static av_always_inline void put_or_avg(uint8_t *dst, v128_t px, int n, int avg)
{
    if (avg)
        px = wasm_u8x16_avgr(px, loadn(dst, n));
    storen(dst, px, n);
}

/* Horizontal half-pel block (h rows of n pixels). */
static av_always_inline void h_lowpass(uint8_t *dst, ptrdiff_t dst_stride, const uint8_t *src,
                                       ptrdiff_t src_stride, int n, int h, int avg)
{
    int y;
    for (y = 0; y < h; y++) {
        v128_t m2 = loadn(src - 2, n), m1 = loadn(src - 1, n), z0 = loadn(src, n);
        v128_t p1 = loadn(src + 1, n), p2 = loadn(src + 2, n), p3 = loadn(src + 3, n);
        v128_t lo = tap6_u8_lo(m2, m1, z0, p1, p2, p3);
        v128_t hi = n == 16 ? tap6_u8_hi(m2, m1, z0, p1, p2, p3) : wasm_i16x8_splat(0);
        put_or_avg(dst, pix5(lo, hi), n, avg);
        dst += dst_stride;
        src += src_stride;
    }
}

/* Vertical half-pel block (n rows of n pixels). */
static av_always_inline void v_lowpass(uint8_t *dst, ptrdiff_t dst_stride, const uint8_t *src,
                                       ptrdiff_t src_stride, int n, int avg)
{
    v128_t r0 = loadn(src - 2 * src_stride, n), r1 = loadn(src - src_stride, n);
    v128_t r2 = loadn(src, n), r3 = loadn(src + src_stride, n), r4 = loadn(src + 2 * src_stride, n);
    int y;
    src += 3 * src_stride;
    for (y = 0; y < n; y++) {
        v128_t r5 = loadn(src, n);
        v128_t lo = tap6_u8_lo(r0, r1, r2, r3, r4, r5);
        v128_t hi = n == 16 ? tap6_u8_hi(r0, r1, r2, r3, r4, r5) : wasm_i16x8_splat(0);
        put_or_avg(dst, pix5(lo, hi), n, avg);
        r0 = r1; r1 = r2; r2 = r3; r3 = r4; r4 = r5;
        dst += dst_stride;
        src += src_stride;
    }
}

/* (t0 + t1) * 20 - (ta + t2) * 5 + (tb + t3) in int32 for 8 int16 lanes, then
 * clip((v + 512) >> 10) as int16. */
static av_always_inline v128_t tap6_32(v128_t tb, v128_t ta, v128_t t0, v128_t t1, v128_t t2, v128_t t3)
{
    const v128_t k = wasm_i32x4_make(20 | (-5 * 65536), 20 | (-5 * 65536), 20 | (-5 * 65536), 20 | (-5 * 65536));
    const v128_t r = wasm_i32x4_splat(512);
    v128_t a = wasm_i16x8_add(t0, t1), b = wasm_i16x8_add(ta, t2), c = wasm_i16x8_add(tb, t3);
    v128_t lo = wasm_i32x4_dot_i16x8(wasm_i16x8_shuffle(a, b, 0, 8, 1, 9, 2, 10, 3, 11), k);
    v128_t hi = wasm_i32x4_dot_i16x8(wasm_i16x8_shuffle(a, b, 4, 12, 5, 13, 6, 14, 7, 15), k);
    lo = wasm_i32x4_shr(wasm_i32x4_add(wasm_i32x4_add(lo, wasm_i32x4_extend_low_i16x8(c)), r), 10);
    hi = wasm_i32x4_shr(wasm_i32x4_add(wasm_i32x4_add(hi, wasm_i32x4_extend_high_i16x8(c)), r), 10);
    return wasm_i16x8_narrow_i32x4(lo, hi);
}

/* Centre (horizontal then vertical) half-pel block, n x n. */
static av_always_inline void hv_lowpass(uint8_t *dst, ptrdiff_t dst_stride, const uint8_t *src,
                                        ptrdiff_t src_stride, int n, int avg)
{
    v128_t tmp[21][2];
    int y;
    src -= 2 * src_stride;
    for (y = 0; y < n + 5; y++) {
        v128_t m2 = loadn(src - 2, n), m1 = loadn(src - 1, n), z0 = loadn(src, n);
        v128_t p1 = loadn(src + 1, n), p2 = loadn(src + 2, n), p3 = loadn(src + 3, n);
        tmp[y][0] = tap6_u8_lo(m2, m1, z0, p1, p2, p3);
        if (n == 16)
            tmp[y][1] = tap6_u8_hi(m2, m1, z0, p1, p2, p3);
        src += src_stride;
    }
    for (y = 0; y < n; y++) {
        v128_t lo = tap6_32(tmp[y][0], tmp[y + 1][0], tmp[y + 2][0], tmp[y + 3][0], tmp[y + 4][0], tmp[y + 5][0]);
        v128_t hi = n == 16 ? tap6_32(tmp[y][1], tmp[y + 1][1], tmp[y + 2][1], tmp[y + 3][1], tmp[y + 4][1], tmp[y + 5][1])
                            : wasm_i16x8_splat(0);
        put_or_avg(dst, wasm_u8x16_narrow_i16x8(lo, hi), n, avg);
        dst += dst_stride;
    }
}

/* dst = avgr(a, b) (then avgr with dst for avg_), n x n. */
static av_always_inline void l2(uint8_t *dst, ptrdiff_t dst_stride, const uint8_t *a, ptrdiff_t a_stride,
                                const uint8_t *b, ptrdiff_t b_stride, int n, int avg)
{
    int y;
    for (y = 0; y < n; y++) {
        put_or_avg(dst, wasm_u8x16_avgr(loadn(a, n), loadn(b, n)), n, avg);
        dst += dst_stride;
        a += a_stride;
        b += b_stride;
    }
}

static av_always_inline void copy_or_avg(uint8_t *dst, const uint8_t *src, ptrdiff_t stride, int n, int avg)
{
    int y;
    for (y = 0; y < n; y++) {
        put_or_avg(dst, loadn(src, n), n, avg);
        dst += stride;
        src += stride;
    }
}

/* One function per position; the half-pel planes go through aligned scratch blocks of n
 * pixels per row, as in the C code. */
#define QPEL_MC00(OP, AVG, N)                                                                       \
void ff_##OP##_h264_qpel##N##_mc00_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride)  \
{                                                                                                   \
    copy_or_avg(dst, src, stride, N, AVG);                                                          \
}

#define QPEL_FUNCS(OP, AVG, N)                                                                      \
void ff_##OP##_h264_qpel##N##_mc10_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride)  \
{                                                                                                   \
    uint8_t half[N * N] __attribute__((aligned(16)));                                             \
    h_lowpass(half, N, src, stride, N, N, 0);                                                       \
    l2(dst, stride, src, stride, half, N, N, AVG);                                                  \
}                                                                                                   \
void ff_##OP##_h264_qpel##N##_mc20_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride)  \
{                                                                                                   \
    h_lowpass(dst, stride, src, stride, N, N, AVG);                                                 \
}                                                                                                   \
void ff_##OP##_h264_qpel##N##_mc30_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride)  \
{                                                                                                   \
    uint8_t half[N * N] __attribute__((aligned(16)));                                             \
    h_lowpass(half, N, src, stride, N, N, 0);                                                       \
    l2(dst, stride, src + 1, stride, half, N, N, AVG);                                              \
}                                                                                                   \
void ff_##OP##_h264_qpel##N##_mc01_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride)  \
{                                                                                                   \
    uint8_t half[N * N] __attribute__((aligned(16)));                                             \
    v_lowpass(half, N, src, stride, N, 0);                                                          \
    l2(dst, stride, src, stride, half, N, N, AVG);                                                  \
}                                                                                                   \
void ff_##OP##_h264_qpel##N##_mc02_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride)  \
{                                                                                                   \
    v_lowpass(dst, stride, src, stride, N, AVG);                                                    \
}                                                                                                   \
void ff_##OP##_h264_qpel##N##_mc03_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride)  \
{                                                                                                   \
    uint8_t half[N * N] __attribute__((aligned(16)));                                             \
    v_lowpass(half, N, src, stride, N, 0);                                                          \
    l2(dst, stride, src + stride, stride, half, N, N, AVG);                                         \
}                                                                                                   \
QPEL_DIAG(OP, AVG, N, 11, 0, 0)                                                                     \
QPEL_DIAG(OP, AVG, N, 31, 0, 1)                                                                     \
QPEL_DIAG(OP, AVG, N, 13, stride, 0)                                                                \
QPEL_DIAG(OP, AVG, N, 33, stride, 1)                                                                \
void ff_##OP##_h264_qpel##N##_mc22_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride)  \
{                                                                                                   \
    hv_lowpass(dst, stride, src, stride, N, AVG);                                                   \
}                                                                                                   \
void ff_##OP##_h264_qpel##N##_mc21_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride)  \
{                                                                                                   \
    uint8_t halfh[N * N] __attribute__((aligned(16))), halfhv[N * N] __attribute__((aligned(16)));\
    h_lowpass(halfh, N, src, stride, N, N, 0);                                                      \
    hv_lowpass(halfhv, N, src, stride, N, 0);                                                       \
    l2(dst, stride, halfh, N, halfhv, N, N, AVG);                                                   \
}                                                                                                   \
void ff_##OP##_h264_qpel##N##_mc23_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride)  \
{                                                                                                   \
    uint8_t halfh[N * N] __attribute__((aligned(16))), halfhv[N * N] __attribute__((aligned(16)));\
    h_lowpass(halfh, N, src + stride, stride, N, N, 0);                                             \
    hv_lowpass(halfhv, N, src, stride, N, 0);                                                       \
    l2(dst, stride, halfh, N, halfhv, N, N, AVG);                                                   \
}                                                                                                   \
void ff_##OP##_h264_qpel##N##_mc12_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride)  \
{                                                                                                   \
    uint8_t halfv[N * N] __attribute__((aligned(16))), halfhv[N * N] __attribute__((aligned(16)));\
    v_lowpass(halfv, N, src, stride, N, 0);                                                         \
    hv_lowpass(halfhv, N, src, stride, N, 0);                                                       \
    l2(dst, stride, halfv, N, halfhv, N, N, AVG);                                                   \
}                                                                                                   \
void ff_##OP##_h264_qpel##N##_mc32_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride)  \
{                                                                                                   \
    uint8_t halfv[N * N] __attribute__((aligned(16))), halfhv[N * N] __attribute__((aligned(16)));\
    v_lowpass(halfv, N, src + 1, stride, N, 0);                                                     \
    hv_lowpass(halfhv, N, src, stride, N, 0);                                                       \
    l2(dst, stride, halfv, N, halfhv, N, N, AVG);                                                   \
}

/* The four diagonal quarter positions: horizontal half-pel of row offset HOFF averaged with
 * vertical half-pel of column offset VOFF. */
#define QPEL_DIAG(OP, AVG, N, XY, HOFF, VOFF)                                                       \
void ff_##OP##_h264_qpel##N##_mc##XY##_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride) \
{                                                                                                   \
    uint8_t halfh[N * N] __attribute__((aligned(16))), halfv[N * N] __attribute__((aligned(16))); \
    h_lowpass(halfh, N, src + (HOFF), stride, N, N, 0);                                             \
    v_lowpass(halfv, N, src + (VOFF), stride, N, 0);                                                \
    l2(dst, stride, halfh, N, halfv, N, N, AVG);                                                    \
}

/* The 4x4 full-pel copy stays C (four 32-bit copies; measured no faster here). */
QPEL_MC00(put, 0, 16)
QPEL_MC00(put, 0, 8)
QPEL_MC00(avg, 1, 16)
QPEL_MC00(avg, 1, 8)
QPEL_FUNCS(put, 0, 16)
QPEL_FUNCS(put, 0, 8)
QPEL_FUNCS(put, 0, 4)
QPEL_FUNCS(avg, 1, 16)
QPEL_FUNCS(avg, 1, 8)
QPEL_FUNCS(avg, 1, 4)
