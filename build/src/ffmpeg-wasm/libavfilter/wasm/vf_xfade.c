/*
 * afmpeg: xfade's `fade` transition on 8-bit planes in WebAssembly SIMD128.
 *
 * Why: a slideshow of PNG cards chained with xfade fades whole 1080x1920 frames; the C row
 * (vf_xfade.c's mix()) was 3.8 % of the reel on wasm. Bit-exact with the C code: the same float
 * operations in the same order (a * p + b * (1 - p), each rounded to float, no fused multiply-add
 * in wasm), then truncation toward zero as C's float -> uint8_t conversion (the value is in
 * [0, 256) for p in [0, 1], which xfade clips it to). Proven by tests/checkasm vf_xfade.
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include <wasm_simd128.h>

#include <stdint.h>

void ff_xfade_fade8_simd128(uint8_t *dst, const uint8_t *a, const uint8_t *b, int width, float progress);

static inline v128_t mix4(v128_t a, v128_t b, v128_t p, v128_t q)
{
    v128_t fa = wasm_f32x4_convert_u32x4(a), fb = wasm_f32x4_convert_u32x4(b);
    return wasm_i32x4_trunc_sat_f32x4(wasm_f32x4_add(wasm_f32x4_mul(fa, p), wasm_f32x4_mul(fb, q)));
}

void ff_xfade_fade8_simd128(uint8_t *dst, const uint8_t *a, const uint8_t *b, int width, float progress)
{
    const float rest = 1.f - progress;
    const v128_t p = wasm_f32x4_splat(progress), q = wasm_f32x4_splat(rest);
    int x = 0;
    for (; x + 16 <= width; x += 16) {
        v128_t va = wasm_v128_load(a + x), vb = wasm_v128_load(b + x);
        v128_t al = wasm_u16x8_extend_low_u8x16(va), ah = wasm_u16x8_extend_high_u8x16(va);
        v128_t bl = wasm_u16x8_extend_low_u8x16(vb), bh = wasm_u16x8_extend_high_u8x16(vb);
        v128_t r0 = mix4(wasm_u32x4_extend_low_u16x8(al), wasm_u32x4_extend_low_u16x8(bl), p, q);
        v128_t r1 = mix4(wasm_u32x4_extend_high_u16x8(al), wasm_u32x4_extend_high_u16x8(bl), p, q);
        v128_t r2 = mix4(wasm_u32x4_extend_low_u16x8(ah), wasm_u32x4_extend_low_u16x8(bh), p, q);
        v128_t r3 = mix4(wasm_u32x4_extend_high_u16x8(ah), wasm_u32x4_extend_high_u16x8(bh), p, q);
        wasm_v128_store(dst + x, wasm_u8x16_narrow_i16x8(wasm_i16x8_narrow_i32x4(r0, r1),
                                                         wasm_i16x8_narrow_i32x4(r2, r3)));
    }
    for (; x < width; x++)
        dst[x] = a[x] * progress + b[x] * rest;
}
