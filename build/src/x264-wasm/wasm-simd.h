/*
 * afmpeg: shared helpers for x264's WebAssembly SIMD128 kernels (common/wasm/ in the x264 tree).
 *
 * Why this exists: x264 on wasm has no asm, so its hot kernels were plain C that clang barely
 * vectorizes. The kernels in this directory are hand-written with <wasm_simd128.h> (only SIMD128
 * as Node 20 runs it without flags: no relaxed SIMD) and are hooked into x264's own dispatch
 * tables (x264_*_init) under X264_CPU_SIMD128, like its NEON/MSA/LSX versions. Each one is
 * proven bit-exact against x264's C by x264's own tools/checkasm.c (build/steps/checkasm-x264.sh).
 *
 * 8-bit depth only: the files compile to nothing when HIGH_BIT_DEPTH is set (gpl's 10-bit
 * x264 keeps its C code).
 */
#ifndef X264_WASM_SIMD_H
#define X264_WASM_SIMD_H

#include <wasm_simd128.h>

#define WASM_INLINE static inline __attribute__((always_inline))

/* 8 pixels (u8) zero-extended to 8 x i16 */
WASM_INLINE v128_t wasm_load8_u16( const uint8_t *p )
{
    return wasm_u16x8_load8x8( p );
}

/* two 4-pixel rows into the low and high halves of an 8 x i16 vector */
WASM_INLINE v128_t wasm_load4x2_u16( const uint8_t *p0, const uint8_t *p1 )
{
    v128_t v = wasm_v128_load32_zero( p0 );
    v = wasm_v128_load32_lane( p1, v, 1 );
    return wasm_u16x8_extend_low_u8x16( v );
}

/* two 8-pixel rows in one u8x16 vector */
WASM_INLINE v128_t wasm_load8x2( const uint8_t *p0, const uint8_t *p1 )
{
    v128_t v = wasm_v128_load64_zero( p0 );
    return wasm_v128_load64_lane( p1, v, 1 );
}

WASM_INLINE v128_t wasm_absdiff_u8( v128_t a, v128_t b )
{
    return wasm_v128_or( wasm_u8x16_sub_sat( a, b ), wasm_u8x16_sub_sat( b, a ) );
}

/* horizontal sum of 8 x u16 */
WASM_INLINE uint32_t wasm_hsum_u16( v128_t v )
{
    v128_t s = wasm_u32x4_extadd_pairwise_u16x8( v );
    s = wasm_i32x4_add( s, wasm_i32x4_shuffle( s, s, 2, 3, 0, 1 ) );
    s = wasm_i32x4_add( s, wasm_i32x4_shuffle( s, s, 1, 0, 3, 2 ) );
    return wasm_u32x4_extract_lane( s, 0 );
}

/* horizontal sum of 4 x i32 */
WASM_INLINE uint32_t wasm_hsum_u32( v128_t s )
{
    s = wasm_i32x4_add( s, wasm_i32x4_shuffle( s, s, 2, 3, 0, 1 ) );
    s = wasm_i32x4_add( s, wasm_i32x4_shuffle( s, s, 1, 0, 3, 2 ) );
    return wasm_u32x4_extract_lane( s, 0 );
}

/* the horizontal sums of four u16x8 accumulators, as the four i32 lanes of one vector */
WASM_INLINE v128_t wasm_hsum4_u16( v128_t a0, v128_t a1, v128_t a2, v128_t a3 )
{
    v128_t u0 = wasm_u32x4_extadd_pairwise_u16x8( a0 ), u1 = wasm_u32x4_extadd_pairwise_u16x8( a1 );
    v128_t u2 = wasm_u32x4_extadd_pairwise_u16x8( a2 ), u3 = wasm_u32x4_extadd_pairwise_u16x8( a3 );
    v128_t x = wasm_i32x4_add( wasm_i32x4_shuffle( u0, u1, 0, 4, 2, 6 ), wasm_i32x4_shuffle( u0, u1, 1, 5, 3, 7 ) );
    v128_t y = wasm_i32x4_add( wasm_i32x4_shuffle( u2, u3, 0, 4, 2, 6 ), wasm_i32x4_shuffle( u2, u3, 1, 5, 3, 7 ) );
    return wasm_i32x4_add( wasm_i32x4_shuffle( x, y, 0, 1, 4, 5 ), wasm_i32x4_shuffle( x, y, 2, 3, 6, 7 ) );
}

#endif
