/*
 * afmpeg: WebAssembly SIMD128 H.264 loop filter (deblocking), 8-bit: luma and chroma (4:2:0
 * and 4:2:2), normal (bS < 4) and intra (bS = 4), vertical and horizontal edges, MBAFF.
 *
 * Why: ff_h264_filter_mb spends its time in h264dsp_template.c's per-pixel C filters, which
 * showed in the W1 decode profile.
 *
 * Bit-exact with the C code: the same tests (|p0 - q0| < alpha, |p1 - p0| < beta, ...) as
 * unsigned byte compares of absolute differences, the same tc (tc0, plus one for each side
 * whose |p2 - p0| < beta), the same clipped deltas and averages, computed in int16 lanes (or,
 * for p1/q1, as the clamp of the C code's floor average into [p1 - tc, p1 + tc], which is the
 * same value), and av_clip_uint8 as the saturating narrowing. Lanes whose tc0 is negative
 * (normal luma), not positive (normal chroma) or whose edge tests fail keep their pixels, as
 * in C.
 *
 * Vertical edges (h_ functions) load the rows across the edge and transpose them so that each
 * vector holds one column (p3..q3), filter, and transpose back. Luma rows are read and written
 * 8 bytes wide at pix - 4 (the normal filter reads 6 and writes 4 of them; the others are
 * written back unchanged), chroma rows exactly their 4 bytes at pix - 2.
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include <wasm_simd128.h>

#include "libavutil/attributes.h"
#include "libavutil/common.h"
#include "h264dsp_wasm.h"

static av_always_inline v128_t absd(v128_t a, v128_t b)
{
    return wasm_v128_or(wasm_u8x16_sub_sat(a, b), wasm_u8x16_sub_sat(b, a));
}
static av_always_inline v128_t lo16(v128_t v) { return wasm_u16x8_extend_low_u8x16(v); }
static av_always_inline v128_t hi16(v128_t v) { return wasm_u16x8_extend_high_u8x16(v); }

/* x < limit for unsigned bytes x and an int limit, as x <= limit - 1 (limit >= 1). */
static av_always_inline v128_t lt_limit(v128_t x, int limit)
{
    return wasm_u8x16_le(x, wasm_u8x16_splat(FFMIN(limit - 1, 255)));
}

/* The three edge tests of every filter. */
static av_always_inline v128_t edge_mask(v128_t p1, v128_t p0, v128_t q0, v128_t q1, int alpha, int beta)
{
    return wasm_v128_and(lt_limit(absd(p0, q0), alpha),
                         wasm_v128_and(lt_limit(absd(p1, p0), beta), lt_limit(absd(q1, q0), beta)));
}

/* tc0[i] repeated `rep` (1, 2 or 4) times per lane, as int8x16. */
static av_always_inline v128_t tc_lanes(const int8_t *tc0, int rep)
{
    v128_t t = wasm_v128_load32_zero(tc0);
    if (rep == 4)
        return wasm_i8x16_shuffle(t, t, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3);
    if (rep == 2)
        return wasm_i8x16_shuffle(t, t, 0, 0, 1, 1, 2, 2, 3, 3, 0, 0, 1, 1, 2, 2, 3, 3);
    return wasm_i32x4_splat(wasm_i32x4_extract_lane(t, 0));
}

/* p0 + delta and q0 - delta, delta = clip(((q0 - p0) * 4 + (p1 - q1) + 4) >> 3, -tc, tc), for
 * the 8 int16 lanes of one half; tc is non-negative int16. */
static av_always_inline void delta_half(v128_t p1, v128_t *p0, v128_t *q0, v128_t q1, v128_t tc)
{
    v128_t d = wasm_i16x8_shl(wasm_i16x8_sub(*q0, *p0), 2);
    d = wasm_i16x8_shr(wasm_i16x8_add(wasm_i16x8_add(d, wasm_i16x8_sub(p1, q1)), wasm_i16x8_splat(4)), 3);
    d = wasm_i16x8_min(wasm_i16x8_max(d, wasm_i16x8_neg(tc)), tc);
    *p0 = wasm_i16x8_add(*p0, d);
    *q0 = wasm_i16x8_sub(*q0, d);
}

/* p0/q0 of both halves with tc (uint8, 0 where nothing is filtered: delta is then 0). */
static av_always_inline void delta16(v128_t p1, v128_t *p0, v128_t *q0, v128_t q1, v128_t tc)
{
    v128_t p0l = lo16(*p0), q0l = lo16(*q0), p0h = hi16(*p0), q0h = hi16(*q0);
    delta_half(lo16(p1), &p0l, &q0l, lo16(q1), lo16(tc));
    delta_half(hi16(p1), &p0h, &q0h, hi16(q1), hi16(tc));
    *p0 = wasm_u8x16_narrow_i16x8(p0l, p0h);
    *q0 = wasm_u8x16_narrow_i16x8(q0l, q0h);
}

/* floor((a + b) / 2) of unsigned bytes */
static av_always_inline v128_t avg_floor(v128_t a, v128_t b)
{
    return wasm_i8x16_sub(wasm_u8x16_avgr(a, b), wasm_v128_and(wasm_v128_xor(a, b), wasm_u8x16_splat(1)));
}

/* Normal luma filter (bS < 4) across 16 lanes; c[0..5] = p2, p1, p0, q0, q1, q2. */
static av_always_inline void luma_core(v128_t *c, int alpha, int beta, v128_t tc8)
{
    v128_t p2 = c[0], p1 = c[1], p0 = c[2], q0 = c[3], q1 = c[4], q2 = c[5];
    v128_t m = wasm_v128_and(edge_mask(p1, p0, q0, q1, alpha, beta), wasm_i8x16_ge(tc8, wasm_i8x16_splat(0)));
    v128_t ap, aq, tco, tc, avg, np1, nq1;
    if (!wasm_v128_any_true(m))
        return;
    ap = wasm_v128_and(lt_limit(absd(p2, p0), beta), m);
    aq = wasm_v128_and(lt_limit(absd(q2, q0), beta), m);
    tco = wasm_v128_and(tc8, m);
    tc = wasm_i8x16_sub(wasm_i8x16_sub(tco, ap), aq);       /* masks are -1: +1 per side */
    avg = wasm_u8x16_avgr(p0, q0);                            /* (p0 + q0 + 1) >> 1 */
    np1 = wasm_u8x16_min(wasm_u8x16_max(avg_floor(p2, avg), wasm_u8x16_sub_sat(p1, tco)), wasm_u8x16_add_sat(p1, tco));
    nq1 = wasm_u8x16_min(wasm_u8x16_max(avg_floor(q2, avg), wasm_u8x16_sub_sat(q1, tco)), wasm_u8x16_add_sat(q1, tco));
    delta16(p1, &p0, &q0, q1, tc);                            /* with the original p1, q1 */
    c[1] = wasm_v128_bitselect(np1, p1, ap);
    c[2] = p0;
    c[3] = q0;
    c[4] = wasm_v128_bitselect(nq1, q1, aq);
}

/* Intra luma filter (bS = 4), one int16 half; v[0..7] = p3, p2, p1, p0, q0, q1, q2, q3; the
 * masks are int16. */
static av_always_inline void luma_intra_half(v128_t *v, v128_t m, v128_t ap, v128_t aq)
{
    const v128_t two = wasm_i16x8_splat(2), four = wasm_i16x8_splat(4);
    v128_t p3 = v[0], p2 = v[1], p1 = v[2], p0 = v[3], q0 = v[4], q1 = v[5], q2 = v[6], q3 = v[7];
    v128_t s = wasm_i16x8_add(wasm_i16x8_add(p1, p0), q0);          /* p1 + p0 + q0 */
    v128_t t = wasm_i16x8_add(wasm_i16x8_add(p0, q0), q1);          /* p0 + q0 + q1 */
    /* (p2 + 2p1 + 2p0 + 2q0 + q1 + 4) >> 3 */
    v128_t p0a = wasm_i16x8_shr(wasm_i16x8_add(wasm_i16x8_add(wasm_i16x8_add(p2, wasm_i16x8_shl(s, 1)), q1), four), 3);
    /* (p2 + p1 + p0 + q0 + 2) >> 2 */
    v128_t p1a = wasm_i16x8_shr(wasm_i16x8_add(wasm_i16x8_add(p2, s), two), 2);
    /* (2p3 + 3p2 + p1 + p0 + q0 + 4) >> 3 */
    v128_t p2a = wasm_i16x8_shr(wasm_i16x8_add(wasm_i16x8_add(wasm_i16x8_add(wasm_i16x8_shl(p3, 1),
                                wasm_i16x8_mul(p2, wasm_i16x8_splat(3))), s), four), 3);
    /* (2p1 + p0 + q1 + 2) >> 2 */
    v128_t p0b = wasm_i16x8_shr(wasm_i16x8_add(wasm_i16x8_add(wasm_i16x8_add(wasm_i16x8_shl(p1, 1), p0), q1), two), 2);
    v128_t q0a = wasm_i16x8_shr(wasm_i16x8_add(wasm_i16x8_add(wasm_i16x8_add(q2, wasm_i16x8_shl(t, 1)), p1), four), 3);
    v128_t q1a = wasm_i16x8_shr(wasm_i16x8_add(wasm_i16x8_add(q2, t), two), 2);
    v128_t q2a = wasm_i16x8_shr(wasm_i16x8_add(wasm_i16x8_add(wasm_i16x8_add(wasm_i16x8_shl(q3, 1),
                                wasm_i16x8_mul(q2, wasm_i16x8_splat(3))), t), four), 3);
    v128_t q0b = wasm_i16x8_shr(wasm_i16x8_add(wasm_i16x8_add(wasm_i16x8_add(wasm_i16x8_shl(q1, 1), q0), p1), two), 2);
    v[1] = wasm_v128_bitselect(p2a, p2, ap);
    v[2] = wasm_v128_bitselect(p1a, p1, ap);
    v[3] = wasm_v128_bitselect(wasm_v128_bitselect(p0a, p0b, ap), p0, m);
    v[4] = wasm_v128_bitselect(wasm_v128_bitselect(q0a, q0b, aq), q0, m);
    v[5] = wasm_v128_bitselect(q1a, q1, aq);
    v[6] = wasm_v128_bitselect(q2a, q2, aq);
}

/* Intra luma filter across 16 lanes; c[0..7] = p3 .. q3. */
static av_always_inline void luma_intra_core(v128_t *c, int alpha, int beta)
{
    v128_t m = edge_mask(c[2], c[3], c[4], c[5], alpha, beta);
    v128_t strong, ap, aq, lo[8], hi[8];
    int k;
    if (!wasm_v128_any_true(m))
        return;
    strong = wasm_v128_and(m, lt_limit(absd(c[3], c[4]), (alpha >> 2) + 2));
    ap = wasm_v128_and(strong, lt_limit(absd(c[1], c[3]), beta));
    aq = wasm_v128_and(strong, lt_limit(absd(c[6], c[4]), beta));
    for (k = 0; k < 8; k++) {
        lo[k] = lo16(c[k]);
        hi[k] = hi16(c[k]);
    }
    luma_intra_half(lo, wasm_i16x8_extend_low_i8x16(m), wasm_i16x8_extend_low_i8x16(ap), wasm_i16x8_extend_low_i8x16(aq));
    luma_intra_half(hi, wasm_i16x8_extend_high_i8x16(m), wasm_i16x8_extend_high_i8x16(ap), wasm_i16x8_extend_high_i8x16(aq));
    for (k = 1; k < 7; k++)
        c[k] = wasm_u8x16_narrow_i16x8(lo[k], hi[k]);
}

/* Normal chroma filter; c[0..3] = p1, p0, q0, q1. */
static av_always_inline void chroma_core(v128_t *c, int alpha, int beta, v128_t tc8)
{
    v128_t m = wasm_v128_and(edge_mask(c[0], c[1], c[2], c[3], alpha, beta), wasm_i8x16_gt(tc8, wasm_i8x16_splat(0)));
    if (!wasm_v128_any_true(m))
        return;
    delta16(c[0], &c[1], &c[2], c[3], wasm_v128_and(tc8, m));
}

/* Intra chroma filter; c[0..3] = p1, p0, q0, q1. */
static av_always_inline void chroma_intra_core(v128_t *c, int alpha, int beta)
{
    v128_t m = edge_mask(c[0], c[1], c[2], c[3], alpha, beta);
    v128_t p1, p0, q0, q1, two = wasm_i16x8_splat(2), np0l, np0h, nq0l, nq0h;
    if (!wasm_v128_any_true(m))
        return;
#define CI(P1, P0, Q1) wasm_i16x8_shr(wasm_i16x8_add(wasm_i16x8_add(wasm_i16x8_add(wasm_i16x8_shl(P1, 1), P0), Q1), two), 2)
    p1 = lo16(c[0]); p0 = lo16(c[1]); q0 = lo16(c[2]); q1 = lo16(c[3]);
    np0l = CI(p1, p0, q1);
    nq0l = CI(q1, q0, p1);
    p1 = hi16(c[0]); p0 = hi16(c[1]); q0 = hi16(c[2]); q1 = hi16(c[3]);
    np0h = CI(p1, p0, q1);
    nq0h = CI(q1, q0, p1);
#undef CI
    c[1] = wasm_v128_bitselect(wasm_u8x16_narrow_i16x8(np0l, np0h), c[1], m);
    c[2] = wasm_v128_bitselect(wasm_u8x16_narrow_i16x8(nq0l, nq0h), c[2], m);
}

/* Rows across a vertical edge -> columns: `rows` (4, 8 or 16) rows of `w` (8 or 4) bytes at p
 * become w vectors, lane r = row r (lanes past `rows` are undefined). */
static av_always_inline void load_cols(const uint8_t *p, ptrdiff_t stride, int rows, int w, v128_t *col)
{
    const int halves = rows > 8 ? 2 : 1;
    v128_t r[16], a[8], b[8], c[4];
    int k, j;
    for (k = 0; k < 8 * halves; k++)
        r[k] = k < rows ? (w == 8 ? wasm_v128_load64_zero(p + k * stride) : wasm_v128_load32_zero(p + k * stride))
                        : wasm_i8x16_splat(0);
    for (k = 0; k < 4 * halves; k++)    /* bytes of rows 2k, 2k+1 interleaved */
        a[k] = wasm_i8x16_shuffle(r[2 * k], r[2 * k + 1], 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
    for (k = 0; k < 2 * halves; k++) {  /* rows 4k..4k+3: b[2k] columns 0-3, b[2k+1] columns 4-7 */
        b[2 * k] = wasm_i16x8_shuffle(a[2 * k], a[2 * k + 1], 0, 8, 1, 9, 2, 10, 3, 11);
        if (w == 8)
            b[2 * k + 1] = wasm_i16x8_shuffle(a[2 * k], a[2 * k + 1], 4, 12, 5, 13, 6, 14, 7, 15);
    }
    for (k = 0; k < halves; k++) {      /* rows 8k..8k+7: c[j] = columns 2j, 2j+1, 8 bytes each */
        c[0] = wasm_i32x4_shuffle(b[4 * k], b[4 * k + 2], 0, 4, 1, 5);
        c[1] = wasm_i32x4_shuffle(b[4 * k], b[4 * k + 2], 2, 6, 3, 7);
        if (w == 8) {
            c[2] = wasm_i32x4_shuffle(b[4 * k + 1], b[4 * k + 3], 0, 4, 1, 5);
            c[3] = wasm_i32x4_shuffle(b[4 * k + 1], b[4 * k + 3], 2, 6, 3, 7);
        }
        for (j = 0; 2 * j < w; j++) {
            if (halves == 1) {
                col[2 * j]     = c[j];
                col[2 * j + 1] = wasm_i64x2_shuffle(c[j], c[j], 1, 1);
            } else if (!k) {
                col[2 * j] = col[2 * j + 1] = c[j];
            } else {
                col[2 * j + 1] = wasm_i64x2_shuffle(col[2 * j + 1], c[j], 1, 3);
                col[2 * j]     = wasm_i64x2_shuffle(col[2 * j], c[j], 0, 2);
            }
        }
    }
}

/* The inverse of load_cols: w columns back into `rows` rows of w bytes at p. */
static av_always_inline void store_cols(uint8_t *p, ptrdiff_t stride, int rows, int w, const v128_t *col)
{
    v128_t a[4], b[4], lo, hi;
    int k, half;
    for (half = 0; half < 2 && half * 8 < rows; half++) {
        for (k = 0; k < w / 2; k++)    /* rows 0-7 (or 8-15) of columns 2k, 2k+1 interleaved */
            a[k] = half ? wasm_i8x16_shuffle(col[2 * k], col[2 * k + 1], 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31)
                        : wasm_i8x16_shuffle(col[2 * k], col[2 * k + 1], 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
        /* b: 4 columns of 4 rows per vector */
        b[0] = wasm_i16x8_shuffle(a[0], a[1], 0, 8, 1, 9, 2, 10, 3, 11);   /* rows 0-3, columns 0-3 */
        b[1] = wasm_i16x8_shuffle(a[0], a[1], 4, 12, 5, 13, 6, 14, 7, 15); /* rows 4-7, columns 0-3 */
        if (w == 8) {
            b[2] = wasm_i16x8_shuffle(a[2], a[3], 0, 8, 1, 9, 2, 10, 3, 11);
            b[3] = wasm_i16x8_shuffle(a[2], a[3], 4, 12, 5, 13, 6, 14, 7, 15);
            for (k = 0; k < 2; k++) {
                lo = wasm_i32x4_shuffle(b[k], b[k + 2], 0, 4, 1, 5);   /* rows 4k, 4k+1 */
                hi = wasm_i32x4_shuffle(b[k], b[k + 2], 2, 6, 3, 7);   /* rows 4k+2, 4k+3 */
                if (half * 8 + 4 * k >= rows)
                    break;
                wasm_v128_store64_lane(p + (half * 8 + 4 * k + 0) * stride, lo, 0);
                wasm_v128_store64_lane(p + (half * 8 + 4 * k + 1) * stride, lo, 1);
                wasm_v128_store64_lane(p + (half * 8 + 4 * k + 2) * stride, hi, 0);
                wasm_v128_store64_lane(p + (half * 8 + 4 * k + 3) * stride, hi, 1);
            }
        } else {
            for (k = 0; k < 2; k++) {
                if (half * 8 + 4 * k >= rows)
                    break;
                wasm_v128_store32_lane(p + (half * 8 + 4 * k + 0) * stride, b[k], 0);
                wasm_v128_store32_lane(p + (half * 8 + 4 * k + 1) * stride, b[k], 1);
                wasm_v128_store32_lane(p + (half * 8 + 4 * k + 2) * stride, b[k], 2);
                wasm_v128_store32_lane(p + (half * 8 + 4 * k + 3) * stride, b[k], 3);
            }
        }
    }
}

/* ---- luma ---- */

void ff_h264_v_loop_filter_luma_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta, int8_t *tc0)
{
    v128_t c[6];
    int k;
    if (alpha <= 0 || beta <= 0)
        return;
    for (k = 0; k < 6; k++)
        c[k] = wasm_v128_load(pix + (k - 3) * stride);
    luma_core(c, alpha, beta, tc_lanes(tc0, 4));
    for (k = 1; k < 5; k++)
        wasm_v128_store(pix + (k - 3) * stride, c[k]);
}

static av_always_inline void h_luma(uint8_t *pix, ptrdiff_t stride, int alpha, int beta, int8_t *tc0, int rows)
{
    v128_t c[8];
    if (alpha <= 0 || beta <= 0)
        return;
    load_cols(pix - 4, stride, rows, 8, c);
    luma_core(c + 1, alpha, beta, tc_lanes(tc0, rows / 4));
    store_cols(pix - 4, stride, rows, 8, c);
}

void ff_h264_h_loop_filter_luma_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta, int8_t *tc0)
{
    h_luma(pix, stride, alpha, beta, tc0, 16);
}

void ff_h264_h_loop_filter_luma_mbaff_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta, int8_t *tc0)
{
    h_luma(pix, stride, alpha, beta, tc0, 8);
}

void ff_h264_v_loop_filter_luma_intra_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta)
{
    v128_t c[8];
    int k;
    if (alpha <= 0 || beta <= 0)
        return;
    for (k = 0; k < 8; k++)
        c[k] = wasm_v128_load(pix + (k - 4) * stride);
    luma_intra_core(c, alpha, beta);
    for (k = 1; k < 7; k++)
        wasm_v128_store(pix + (k - 4) * stride, c[k]);
}

static av_always_inline void h_luma_intra(uint8_t *pix, ptrdiff_t stride, int alpha, int beta, int rows)
{
    v128_t c[8];
    if (alpha <= 0 || beta <= 0)
        return;
    load_cols(pix - 4, stride, rows, 8, c);
    luma_intra_core(c, alpha, beta);
    store_cols(pix - 4, stride, rows, 8, c);
}

void ff_h264_h_loop_filter_luma_intra_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta)
{
    h_luma_intra(pix, stride, alpha, beta, 16);
}

void ff_h264_h_loop_filter_luma_mbaff_intra_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta)
{
    h_luma_intra(pix, stride, alpha, beta, 8);
}

/* ---- chroma ---- */

void ff_h264_v_loop_filter_chroma_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta, int8_t *tc0)
{
    v128_t c[4];
    int k;
    if (alpha <= 0 || beta <= 0)
        return;
    for (k = 0; k < 4; k++)
        c[k] = wasm_v128_load64_zero(pix + (k - 2) * stride);
    chroma_core(c, alpha, beta, tc_lanes(tc0, 2));
    wasm_v128_store64_lane(pix - stride, c[1], 0);
    wasm_v128_store64_lane(pix, c[2], 0);
}

static av_always_inline void h_chroma(uint8_t *pix, ptrdiff_t stride, int alpha, int beta, int8_t *tc0, int rows)
{
    v128_t c[4];
    if (alpha <= 0 || beta <= 0)
        return;
    load_cols(pix - 2, stride, rows, 4, c);
    chroma_core(c, alpha, beta, tc_lanes(tc0, rows / 4));
    store_cols(pix - 2, stride, rows, 4, c);
}

void ff_h264_h_loop_filter_chroma_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta, int8_t *tc0)
{
    h_chroma(pix, stride, alpha, beta, tc0, 8);
}

void ff_h264_h_loop_filter_chroma_mbaff_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta, int8_t *tc0)
{
    h_chroma(pix, stride, alpha, beta, tc0, 4);
}

void ff_h264_h_loop_filter_chroma422_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta, int8_t *tc0)
{
    h_chroma(pix, stride, alpha, beta, tc0, 16);
}

void ff_h264_h_loop_filter_chroma422_mbaff_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta, int8_t *tc0)
{
    h_chroma(pix, stride, alpha, beta, tc0, 8);
}

void ff_h264_v_loop_filter_chroma_intra_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta)
{
    v128_t c[4];
    int k;
    if (alpha <= 0 || beta <= 0)
        return;
    for (k = 0; k < 4; k++)
        c[k] = wasm_v128_load64_zero(pix + (k - 2) * stride);
    chroma_intra_core(c, alpha, beta);
    wasm_v128_store64_lane(pix - stride, c[1], 0);
    wasm_v128_store64_lane(pix, c[2], 0);
}

static av_always_inline void h_chroma_intra(uint8_t *pix, ptrdiff_t stride, int alpha, int beta, int rows)
{
    v128_t c[4];
    if (alpha <= 0 || beta <= 0)
        return;
    load_cols(pix - 2, stride, rows, 4, c);
    chroma_intra_core(c, alpha, beta);
    store_cols(pix - 2, stride, rows, 4, c);
}

void ff_h264_h_loop_filter_chroma_intra_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta)
{
    h_chroma_intra(pix, stride, alpha, beta, 8);
}

void ff_h264_h_loop_filter_chroma_mbaff_intra_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta)
{
    h_chroma_intra(pix, stride, alpha, beta, 4);
}

void ff_h264_h_loop_filter_chroma422_intra_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta)
{
    h_chroma_intra(pix, stride, alpha, beta, 16);
}

void ff_h264_h_loop_filter_chroma422_mbaff_intra_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta)
{
    h_chroma_intra(pix, stride, alpha, beta, 8);
}
