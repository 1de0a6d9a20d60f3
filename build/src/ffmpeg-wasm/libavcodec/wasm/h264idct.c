/*
 * afmpeg: WebAssembly SIMD128 H.264 inverse transforms with add, 8-bit: idct (4x4), idct8
 * (8x8), their DC-only variants, and the per-macroblock loops idct_add16, idct_add16intra and
 * idct8_add4 over them.
 *
 * Why: every coded residual block runs h264idct_template.c's C per coefficient on wasm.
 *
 * Bit-exact with the C code, including its integer behaviour on any input, not only on the
 * coefficients a real stream produces: both passes run in int32 lanes as the C code's int and
 * unsigned arithmetic does (its wrap-around included); the first pass's results are truncated
 * to int16 as C stores them into the int16_t block (as is the `block[0] += 32`); the second
 * pass's >> 6 is arithmetic on the int32 sum; the add to the pixels clips through the
 * saturating int32 -> int16 -> uint8 narrowing. The DC variants add (dc + 32) >> 6 with
 * saturating u8 adds, which is the same clip. The block is cleared afterwards, as in C.
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include <string.h>
#include <wasm_simd128.h>

#include "libavutil/attributes.h"
#include "libavcodec/h264_parse.h"
#include "h264dsp_wasm.h"

/* the low 16 bits of each int32 lane, sign-extended: C's store into an int16_t */
static av_always_inline v128_t sext16(v128_t v)
{
    return wasm_i32x4_shr(wasm_i32x4_shl(v, 16), 16);
}

static av_always_inline void transpose4(v128_t *a, v128_t *b, v128_t *c, v128_t *d)
{
    v128_t t0 = wasm_i32x4_shuffle(*a, *b, 0, 4, 1, 5), t1 = wasm_i32x4_shuffle(*c, *d, 0, 4, 1, 5);
    v128_t t2 = wasm_i32x4_shuffle(*a, *b, 2, 6, 3, 7), t3 = wasm_i32x4_shuffle(*c, *d, 2, 6, 3, 7);
    *a = wasm_i32x4_shuffle(t0, t1, 0, 1, 4, 5);
    *b = wasm_i32x4_shuffle(t0, t1, 2, 3, 6, 7);
    *c = wasm_i32x4_shuffle(t2, t3, 0, 1, 4, 5);
    *d = wasm_i32x4_shuffle(t2, t3, 2, 3, 6, 7);
}

/* The 4-point transform of ff_h264_idct_add, lane-wise on four vectors. */
static av_always_inline void idct4_1d(v128_t *v0, v128_t *v1, v128_t *v2, v128_t *v3)
{
    v128_t z0 = wasm_i32x4_add(*v0, *v2);
    v128_t z1 = wasm_i32x4_sub(*v0, *v2);
    v128_t z2 = wasm_i32x4_sub(wasm_i32x4_shr(*v1, 1), *v3);
    v128_t z3 = wasm_i32x4_add(*v1, wasm_i32x4_shr(*v3, 1));
    *v0 = wasm_i32x4_add(z0, z3);
    *v1 = wasm_i32x4_add(z1, z2);
    *v2 = wasm_i32x4_sub(z1, z2);
    *v3 = wasm_i32x4_sub(z0, z3);
}

/* dst[0..3] + (r >> 6), clipped */
static av_always_inline void add4(uint8_t *dst, v128_t r)
{
    v128_t d = wasm_u32x4_extend_low_u16x8(wasm_u16x8_extend_low_u8x16(wasm_v128_load32_zero(dst)));
    v128_t s = wasm_i32x4_add(d, wasm_i32x4_shr(r, 6));
    v128_t px = wasm_i16x8_narrow_i32x4(s, s);
    wasm_v128_store32_lane(dst, wasm_u8x16_narrow_i16x8(px, px), 0);
}

void ff_h264_idct_add_8_simd128(uint8_t *dst, int16_t *block, int stride)
{
    v128_t r0 = sext16(wasm_i32x4_add(wasm_i32x4_load16x4(block), wasm_i32x4_make(32, 0, 0, 0)));
    v128_t r1 = wasm_i32x4_load16x4(block + 4);
    v128_t r2 = wasm_i32x4_load16x4(block + 8);
    v128_t r3 = wasm_i32x4_load16x4(block + 12);

    idct4_1d(&r0, &r1, &r2, &r3);                   /* columns: lane i is column i */
    r0 = sext16(r0); r1 = sext16(r1); r2 = sext16(r2); r3 = sext16(r3);
    transpose4(&r0, &r1, &r2, &r3);                 /* lane i is now row i */
    idct4_1d(&r0, &r1, &r2, &r3);
    add4(dst, r0);
    add4(dst + stride, r1);
    add4(dst + 2 * stride, r2);
    add4(dst + 3 * stride, r3);
    memset(block, 0, 16 * sizeof(int16_t));
}

/* The 8-point transform of ff_h264_idct8_add, lane-wise on eight vectors. */
static av_always_inline void idct8_1d(v128_t v[8])
{
    v128_t a0 = wasm_i32x4_add(v[0], v[4]);
    v128_t a2 = wasm_i32x4_sub(v[0], v[4]);
    v128_t a4 = wasm_i32x4_sub(wasm_i32x4_shr(v[2], 1), v[6]);
    v128_t a6 = wasm_i32x4_add(wasm_i32x4_shr(v[6], 1), v[2]);
    v128_t b0 = wasm_i32x4_add(a0, a6), b2 = wasm_i32x4_add(a2, a4);
    v128_t b4 = wasm_i32x4_sub(a2, a4), b6 = wasm_i32x4_sub(a0, a6);
    v128_t a1 = wasm_i32x4_sub(wasm_i32x4_sub(wasm_i32x4_sub(v[5], v[3]), v[7]), wasm_i32x4_shr(v[7], 1));
    v128_t a3 = wasm_i32x4_sub(wasm_i32x4_sub(wasm_i32x4_add(v[1], v[7]), v[3]), wasm_i32x4_shr(v[3], 1));
    v128_t a5 = wasm_i32x4_add(wasm_i32x4_add(wasm_i32x4_sub(v[7], v[1]), v[5]), wasm_i32x4_shr(v[5], 1));
    v128_t a7 = wasm_i32x4_add(wasm_i32x4_add(wasm_i32x4_add(v[3], v[5]), v[1]), wasm_i32x4_shr(v[1], 1));
    v128_t b1 = wasm_i32x4_add(wasm_i32x4_shr(a7, 2), a1);
    v128_t b3 = wasm_i32x4_add(a3, wasm_i32x4_shr(a5, 2));
    v128_t b5 = wasm_i32x4_sub(wasm_i32x4_shr(a3, 2), a5);
    v128_t b7 = wasm_i32x4_sub(a7, wasm_i32x4_shr(a1, 2));
    v[0] = wasm_i32x4_add(b0, b7);
    v[7] = wasm_i32x4_sub(b0, b7);
    v[1] = wasm_i32x4_add(b2, b5);
    v[6] = wasm_i32x4_sub(b2, b5);
    v[2] = wasm_i32x4_add(b4, b3);
    v[5] = wasm_i32x4_sub(b4, b3);
    v[3] = wasm_i32x4_add(b6, b1);
    v[4] = wasm_i32x4_sub(b6, b1);
}

void ff_h264_idct8_add_8_simd128(uint8_t *dst, int16_t *block, int stride)
{
    v128_t r[2][8], c[2][8];
    int k, h, g;

    /* pass 1 over the columns, 4 at a time: r[h][k] = row k, columns 4h..4h+3 */
    for (h = 0; h < 2; h++) {
        for (k = 0; k < 8; k++)
            r[h][k] = wasm_i32x4_load16x4(block + 8 * k + 4 * h);
        if (!h)
            r[0][0] = sext16(wasm_i32x4_add(r[0][0], wasm_i32x4_make(32, 0, 0, 0)));
        idct8_1d(r[h]);
        for (k = 0; k < 8; k++)
            r[h][k] = sext16(r[h][k]);
    }
    /* c[g][j] = element j of rows 4g..4g+3 */
    for (g = 0; g < 2; g++) {
        for (h = 0; h < 2; h++) {
            v128_t a = r[h][4 * g], b = r[h][4 * g + 1], cc = r[h][4 * g + 2], d = r[h][4 * g + 3];
            transpose4(&a, &b, &cc, &d);
            c[g][4 * h] = a; c[g][4 * h + 1] = b; c[g][4 * h + 2] = cc; c[g][4 * h + 3] = d;
        }
        idct8_1d(c[g]);                 /* output row m of pixels 4g..4g+3 in c[g][m] */
    }
    for (k = 0; k < 8; k++, dst += stride) {
        v128_t d = wasm_u16x8_extend_low_u8x16(wasm_v128_load64_zero(dst));
        v128_t lo = wasm_i32x4_add(wasm_u32x4_extend_low_u16x8(d), wasm_i32x4_shr(c[0][k], 6));
        v128_t hi = wasm_i32x4_add(wasm_u32x4_extend_high_u16x8(d), wasm_i32x4_shr(c[1][k], 6));
        v128_t px = wasm_i16x8_narrow_i32x4(lo, hi);
        wasm_v128_store64_lane(dst, wasm_u8x16_narrow_i16x8(px, px), 0);
    }
    memset(block, 0, 64 * sizeof(int16_t));
}

/* dst (n x n) + dc, clipped: saturating u8 adds of |dc| (|dc| >= 255 saturates either way). */
static av_always_inline void dc_add(uint8_t *dst, int16_t *block, int stride, int n)
{
    int dc = (block[0] + 32) >> 6;
    const v128_t v = wasm_u8x16_splat(FFMIN(FFABS(dc), 255));
    int y;
    block[0] = 0;
    for (y = 0; y < n; y++, dst += stride) {
        v128_t px = n == 8 ? wasm_v128_load64_zero(dst) : wasm_v128_load32_zero(dst);
        px = dc >= 0 ? wasm_u8x16_add_sat(px, v) : wasm_u8x16_sub_sat(px, v);
        if (n == 8)
            wasm_v128_store64_lane(dst, px, 0);
        else
            wasm_v128_store32_lane(dst, px, 0);
    }
}

void ff_h264_idct_dc_add_8_simd128(uint8_t *dst, int16_t *block, int stride)
{
    dc_add(dst, block, stride, 4);
}

void ff_h264_idct8_dc_add_8_simd128(uint8_t *dst, int16_t *block, int stride)
{
    dc_add(dst, block, stride, 8);
}

/* The per-macroblock loops, as h264idct_template.c's, over the kernels above. */
void ff_h264_idct_add16_8_simd128(uint8_t *dst, const int *block_offset, int16_t *block,
                                  int stride, const uint8_t nnzc[5 * 8])
{
    int i;
    for (i = 0; i < 16; i++) {
        int nnz = nnzc[scan8[i]];
        if (nnz) {
            if (nnz == 1 && block[i * 16])
                ff_h264_idct_dc_add_8_simd128(dst + block_offset[i], block + i * 16, stride);
            else
                ff_h264_idct_add_8_simd128(dst + block_offset[i], block + i * 16, stride);
        }
    }
}

void ff_h264_idct_add16intra_8_simd128(uint8_t *dst, const int *block_offset, int16_t *block,
                                       int stride, const uint8_t nnzc[5 * 8])
{
    int i;
    for (i = 0; i < 16; i++) {
        if (nnzc[scan8[i]])
            ff_h264_idct_add_8_simd128(dst + block_offset[i], block + i * 16, stride);
        else if (block[i * 16])
            ff_h264_idct_dc_add_8_simd128(dst + block_offset[i], block + i * 16, stride);
    }
}

void ff_h264_idct8_add4_8_simd128(uint8_t *dst, const int *block_offset, int16_t *block,
                                  int stride, const uint8_t nnzc[5 * 8])
{
    int i;
    for (i = 0; i < 16; i += 4) {
        int nnz = nnzc[scan8[i]];
        if (nnz) {
            if (nnz == 1 && block[i * 16])
                ff_h264_idct8_dc_add_8_simd128(dst + block_offset[i], block + i * 16, stride);
            else
                ff_h264_idct8_add_8_simd128(dst + block_offset[i], block + i * 16, stride);
        }
    }
}

void ff_h264_idct_add8_8_simd128(uint8_t **dest, const int *block_offset, int16_t *block,
                                 int stride, const uint8_t nnzc[15 * 8])
{
    int i, j;
    for (j = 1; j < 3; j++) {
        for (i = j * 16; i < j * 16 + 4; i++) {
            if (nnzc[scan8[i]])
                ff_h264_idct_add_8_simd128(dest[j - 1] + block_offset[i], block + i * 16, stride);
            else if (block[i * 16])
                ff_h264_idct_dc_add_8_simd128(dest[j - 1] + block_offset[i], block + i * 16, stride);
        }
    }
}

void ff_h264_idct_add8_422_8_simd128(uint8_t **dest, const int *block_offset, int16_t *block,
                                     int stride, const uint8_t nnzc[15 * 8])
{
    int i, j;
    ff_h264_idct_add8_8_simd128(dest, block_offset, block, stride, nnzc);
    /* the lower 4x4 blocks of 4:2:2 chroma: coefficients at i, position and nnz at i + 4 */
    for (j = 1; j < 3; j++) {
        for (i = j * 16 + 4; i < j * 16 + 8; i++) {
            if (nnzc[scan8[i + 4]])
                ff_h264_idct_add_8_simd128(dest[j - 1] + block_offset[i + 4], block + i * 16, stride);
            else if (block[i * 16])
                ff_h264_idct_dc_add_8_simd128(dest[j - 1] + block_offset[i + 4], block + i * 16, stride);
        }
    }
}
