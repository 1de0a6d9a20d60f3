/*
 * afmpeg: WebAssembly SIMD128 H.264 intra prediction, 8-bit: 16x16 luma (vertical, top DC, plane;
 * horizontal, DC and left DC stay C: their time is the scalar left-column reads, and they
 * measured slower as vector code) and 8x8 chroma of 4:2:0 (vertical, horizontal, DC, left DC,
 * top DC, plane).
 *
 * Why: every intra 16x16 macroblock and every intra chroma block runs h264pred_template.c's C
 * on wasm, the plane mode per pixel.
 *
 * Bit-exact with the C code: the same sums and roundings in scalar code where the C code sums
 * edge pixels, whole-row vector stores of the same values; the plane modes run their per-pixel
 * (b + k * H) >> 5 in int32 lanes and clip through the saturating int32 -> int16 -> uint8
 * narrowing (the C code's crop table gives the same for every value it can index).
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include <wasm_simd128.h>

#include "libavutil/attributes.h"
#include "h264dsp_wasm.h"

/* the sum of the 16 bytes at p */
static av_always_inline int sum_row16(const uint8_t *p)
{
    v128_t v = wasm_v128_load(p);
    v128_t s = wasm_u32x4_extadd_pairwise_u16x8(wasm_u16x8_extadd_pairwise_u8x16(v));
    return wasm_i32x4_extract_lane(s, 0) + wasm_i32x4_extract_lane(s, 1) +
           wasm_i32x4_extract_lane(s, 2) + wasm_i32x4_extract_lane(s, 3);
}

static av_always_inline int sum_col(const uint8_t *p, ptrdiff_t stride, int n)
{
    int i, s = 0;
    for (i = 0; i < n; i++)
        s += p[i * stride];
    return s;
}

static av_always_inline void fill16(uint8_t *src, ptrdiff_t stride, v128_t v)
{
    int i;
    for (i = 0; i < 16; i++)
        wasm_v128_store(src + i * stride, v);
}

void ff_h264_pred16x16_vertical_8_simd128(uint8_t *src, ptrdiff_t stride)
{
    fill16(src, stride, wasm_v128_load(src - stride));
}

void ff_h264_pred16x16_top_dc_8_simd128(uint8_t *src, ptrdiff_t stride)
{
    fill16(src, stride, wasm_u8x16_splat((sum_row16(src - stride) + 8) >> 4));
}

/* One row of a plane prediction: clip((b + k * H) >> 5) for k = 0..n-1, as bytes. */
static av_always_inline v128_t plane_row(v128_t b0, v128_t b1, v128_t b2, v128_t b3)
{
    v128_t lo = wasm_i16x8_narrow_i32x4(wasm_i32x4_shr(b0, 5), wasm_i32x4_shr(b1, 5));
    v128_t hi = wasm_i16x8_narrow_i32x4(wasm_i32x4_shr(b2, 5), wasm_i32x4_shr(b3, 5));
    return wasm_u8x16_narrow_i16x8(lo, hi);
}

void ff_h264_pred16x16_plane_8_simd128(uint8_t *src, ptrdiff_t stride)
{
    const uint8_t *const src0 = src + 7 - stride;
    const uint8_t *src1 = src + 8 * stride - 1;
    const uint8_t *src2 = src1 - 2 * stride;
    int H = src0[1] - src0[-1];
    int V = src1[0] - src2[0];
    int j, k, a;
    v128_t kh, b0, b1, b2, b3, vv;
    for (k = 2; k <= 8; ++k) {
        src1 += stride;
        src2 -= stride;
        H += k * (src0[k] - src0[-k]);
        V += k * (src1[0] - src2[0]);
    }
    H = (5 * H + 32) >> 6;
    V = (5 * V + 32) >> 6;
    a = 16 * (src1[0] + src2[16] + 1) - 7 * (V + H);
    kh = wasm_i32x4_make(0, H, 2 * H, 3 * H);
    b0 = wasm_i32x4_add(wasm_i32x4_splat(a), kh);
    b1 = wasm_i32x4_add(b0, wasm_i32x4_splat(4 * H));
    b2 = wasm_i32x4_add(b1, wasm_i32x4_splat(4 * H));
    b3 = wasm_i32x4_add(b2, wasm_i32x4_splat(4 * H));
    vv = wasm_i32x4_splat(V);
    for (j = 0; j < 16; j++) {
        wasm_v128_store(src, plane_row(b0, b1, b2, b3));
        b0 = wasm_i32x4_add(b0, vv);
        b1 = wasm_i32x4_add(b1, vv);
        b2 = wasm_i32x4_add(b2, vv);
        b3 = wasm_i32x4_add(b3, vv);
        src += stride;
    }
}

/* ---- 8x8 chroma (4:2:0) ---- */

/* rows 0-3 of pattern a, rows 4-7 of pattern b (8 bytes each) */
static av_always_inline void fill8(uint8_t *src, ptrdiff_t stride, v128_t a, v128_t b)
{
    int i;
    for (i = 0; i < 4; i++)
        wasm_v128_store64_lane(src + i * stride, a, 0);
    for (i = 4; i < 8; i++)
        wasm_v128_store64_lane(src + i * stride, b, 0);
}

/* 4 bytes of x, then 4 bytes of y */
static av_always_inline v128_t halves(int x, int y)
{
    return wasm_i32x4_make(x * 0x01010101u, y * 0x01010101u, 0, 0);
}

void ff_h264_pred8x8_vertical_8_simd128(uint8_t *src, ptrdiff_t stride)
{
    v128_t top = wasm_v128_load64_zero(src - stride);
    fill8(src, stride, top, top);
}

void ff_h264_pred8x8_horizontal_8_simd128(uint8_t *src, ptrdiff_t stride)
{
    int i;
    for (i = 0; i < 8; i++)
        wasm_v128_store64_lane(src + i * stride, wasm_u8x16_splat(src[i * stride - 1]), 0);
}

void ff_h264_pred8x8_dc_8_simd128(uint8_t *src, ptrdiff_t stride)
{
    const int l0 = sum_col(src - 1, stride, 4), l1 = sum_col(src - 1 + 4 * stride, stride, 4);
    const uint8_t *t = src - stride;
    const int t0 = t[0] + t[1] + t[2] + t[3], t1 = t[4] + t[5] + t[6] + t[7];
    fill8(src, stride, halves((l0 + t0 + 4) >> 3, (t1 + 2) >> 2),
                       halves((l1 + 2) >> 2, (t1 + l1 + 4) >> 3));
}

void ff_h264_pred8x8_left_dc_8_simd128(uint8_t *src, ptrdiff_t stride)
{
    const int l0 = (sum_col(src - 1, stride, 4) + 2) >> 2, l1 = (sum_col(src - 1 + 4 * stride, stride, 4) + 2) >> 2;
    fill8(src, stride, halves(l0, l0), halves(l1, l1));
}

void ff_h264_pred8x8_top_dc_8_simd128(uint8_t *src, ptrdiff_t stride)
{
    const uint8_t *t = src - stride;
    const int t0 = (t[0] + t[1] + t[2] + t[3] + 2) >> 2, t1 = (t[4] + t[5] + t[6] + t[7] + 2) >> 2;
    v128_t v = halves(t0, t1);
    fill8(src, stride, v, v);
}

void ff_h264_pred8x8_plane_8_simd128(uint8_t *src, ptrdiff_t stride)
{
    const uint8_t *const src0 = src + 3 - stride;
    const uint8_t *src1 = src + 4 * stride - 1;
    const uint8_t *src2 = src1 - 2 * stride;
    int H = src0[1] - src0[-1];
    int V = src1[0] - src2[0];
    int j, k, a;
    v128_t b0, b1, vv;
    for (k = 2; k <= 4; ++k) {
        src1 += stride;
        src2 -= stride;
        H += k * (src0[k] - src0[-k]);
        V += k * (src1[0] - src2[0]);
    }
    H = (17 * H + 16) >> 5;
    V = (17 * V + 16) >> 5;
    a = 16 * (src1[0] + src2[8] + 1) - 3 * (V + H);
    b0 = wasm_i32x4_add(wasm_i32x4_splat(a), wasm_i32x4_make(0, H, 2 * H, 3 * H));
    b1 = wasm_i32x4_add(b0, wasm_i32x4_splat(4 * H));
    vv = wasm_i32x4_splat(V);
    for (j = 0; j < 8; j++) {
        wasm_v128_store64_lane(src, plane_row(b0, b1, b0, b1), 0);
        b0 = wasm_i32x4_add(b0, vv);
        b1 = wasm_i32x4_add(b1, vv);
        src += stride;
    }
}
