/*
 * afmpeg: WebAssembly SIMD128 pixel metrics for x264 (copied to common/wasm/pixel.c).
 *
 * Why this exists: the 720p veryfast profile spends about a third of its time in x264's pixel
 * comparisons (satd alone 19.5 %, then sad_x3/x4, sad, sa8d, var, ssd), which on x86 are
 * assembly and on wasm were scalar C. These are the same functions with SIMD128 intrinsics,
 * registered by x264_pixel_init_simd128() from x264_pixel_init() (patch 0001) under
 * X264_CPU_SIMD128. Results are bit-exact with the C (checkasm): the Hadamard sums use the
 * identity |a+b| + |a-b| = 2 max(|a|, |b|) for their last butterfly, exact in integers, and
 * every partial sum fits its 16-bit lane (bounds noted where they are tight).
 */
#include "common/common.h"
#include "pixel.h"

#if !HIGH_BIT_DEPTH
#include "wasm-simd.h"
#include "common/predict.h"

/**** SAD ****/

WASM_INLINE v128_t sad16_row( const uint8_t *a, const uint8_t *b )
{
    return wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( wasm_v128_load( a ), wasm_v128_load( b ) ) );
}

WASM_INLINE v128_t sad8_rows( const uint8_t *a, intptr_t sa, const uint8_t *b, intptr_t sb )
{
    return wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( wasm_load8x2( a, a+sa ), wasm_load8x2( b, b+sb ) ) );
}

WASM_INLINE v128_t load4x4( const uint8_t *p, intptr_t s )
{
    v128_t v = wasm_v128_load32_zero( p );
    v = wasm_v128_load32_lane( p+s, v, 1 );
    v = wasm_v128_load32_lane( p+2*s, v, 2 );
    return wasm_v128_load32_lane( p+3*s, v, 3 );
}

WASM_INLINE v128_t sad4_rows( const uint8_t *a, intptr_t sa, const uint8_t *b, intptr_t sb )
{
    return wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( load4x4( a, sa ), load4x4( b, sb ) ) );
}

#define SAD_16( h ) \
static int pixel_sad_16x##h( pixel *a, intptr_t sa, pixel *b, intptr_t sb ) \
{ \
    v128_t acc = wasm_i16x8_splat( 0 ); \
    for( int y = 0; y < h; y++, a += sa, b += sb ) \
        acc = wasm_i16x8_add( acc, sad16_row( a, b ) ); \
    return wasm_hsum_u16( acc ); \
}
#define SAD_8( h ) \
static int pixel_sad_8x##h( pixel *a, intptr_t sa, pixel *b, intptr_t sb ) \
{ \
    v128_t acc = wasm_i16x8_splat( 0 ); \
    for( int y = 0; y < h; y += 2, a += 2*sa, b += 2*sb ) \
        acc = wasm_i16x8_add( acc, sad8_rows( a, sa, b, sb ) ); \
    return wasm_hsum_u16( acc ); \
}
#define SAD_4( h ) \
static int pixel_sad_4x##h( pixel *a, intptr_t sa, pixel *b, intptr_t sb ) \
{ \
    v128_t acc = wasm_i16x8_splat( 0 ); \
    for( int y = 0; y < h; y += 4, a += 4*sa, b += 4*sb ) \
        acc = wasm_i16x8_add( acc, sad4_rows( a, sa, b, sb ) ); \
    return wasm_hsum_u16( acc ); \
}
SAD_16( 16 )
SAD_16( 8 )
SAD_8( 16 )
SAD_8( 8 )
SAD_8( 4 )
SAD_4( 16 )
SAD_4( 8 )
SAD_4( 4 )

/* sad_x3/x4: the encoded block (FENC_STRIDE) against 3 or 4 candidates, fenc loaded once */
#define SAD_X_16( h ) \
static void pixel_sad_x3_16x##h( pixel *f, pixel *p0, pixel *p1, pixel *p2, intptr_t s, int res[3] ) \
{ \
    v128_t a0 = wasm_i16x8_splat( 0 ), a1 = a0, a2 = a0; \
    for( int y = 0; y < h; y++, f += FENC_STRIDE, p0 += s, p1 += s, p2 += s ) \
    { \
        v128_t fv = wasm_v128_load( f ); \
        a0 = wasm_i16x8_add( a0, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, wasm_v128_load( p0 ) ) ) ); \
        a1 = wasm_i16x8_add( a1, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, wasm_v128_load( p1 ) ) ) ); \
        a2 = wasm_i16x8_add( a2, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, wasm_v128_load( p2 ) ) ) ); \
    } \
    v128_t r = wasm_hsum4_u16( a0, a1, a2, a2 ); \
    wasm_v128_store64_lane( res, r, 0 ); \
    wasm_v128_store32_lane( res+2, r, 2 ); \
} \
static void pixel_sad_x4_16x##h( pixel *f, pixel *p0, pixel *p1, pixel *p2, pixel *p3, intptr_t s, int res[4] ) \
{ \
    v128_t a0 = wasm_i16x8_splat( 0 ), a1 = a0, a2 = a0, a3 = a0; \
    for( int y = 0; y < h; y++, f += FENC_STRIDE, p0 += s, p1 += s, p2 += s, p3 += s ) \
    { \
        v128_t fv = wasm_v128_load( f ); \
        a0 = wasm_i16x8_add( a0, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, wasm_v128_load( p0 ) ) ) ); \
        a1 = wasm_i16x8_add( a1, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, wasm_v128_load( p1 ) ) ) ); \
        a2 = wasm_i16x8_add( a2, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, wasm_v128_load( p2 ) ) ) ); \
        a3 = wasm_i16x8_add( a3, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, wasm_v128_load( p3 ) ) ) ); \
    } \
    wasm_v128_store( res, wasm_hsum4_u16( a0, a1, a2, a3 ) ); \
}
#define SAD_X_8( h ) \
static void pixel_sad_x3_8x##h( pixel *f, pixel *p0, pixel *p1, pixel *p2, intptr_t s, int res[3] ) \
{ \
    v128_t a0 = wasm_i16x8_splat( 0 ), a1 = a0, a2 = a0; \
    for( int y = 0; y < h; y += 2, f += 2*FENC_STRIDE, p0 += 2*s, p1 += 2*s, p2 += 2*s ) \
    { \
        v128_t fv = wasm_load8x2( f, f+FENC_STRIDE ); \
        a0 = wasm_i16x8_add( a0, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, wasm_load8x2( p0, p0+s ) ) ) ); \
        a1 = wasm_i16x8_add( a1, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, wasm_load8x2( p1, p1+s ) ) ) ); \
        a2 = wasm_i16x8_add( a2, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, wasm_load8x2( p2, p2+s ) ) ) ); \
    } \
    v128_t r = wasm_hsum4_u16( a0, a1, a2, a2 ); \
    wasm_v128_store64_lane( res, r, 0 ); \
    wasm_v128_store32_lane( res+2, r, 2 ); \
} \
static void pixel_sad_x4_8x##h( pixel *f, pixel *p0, pixel *p1, pixel *p2, pixel *p3, intptr_t s, int res[4] ) \
{ \
    v128_t a0 = wasm_i16x8_splat( 0 ), a1 = a0, a2 = a0, a3 = a0; \
    for( int y = 0; y < h; y += 2, f += 2*FENC_STRIDE, p0 += 2*s, p1 += 2*s, p2 += 2*s, p3 += 2*s ) \
    { \
        v128_t fv = wasm_load8x2( f, f+FENC_STRIDE ); \
        a0 = wasm_i16x8_add( a0, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, wasm_load8x2( p0, p0+s ) ) ) ); \
        a1 = wasm_i16x8_add( a1, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, wasm_load8x2( p1, p1+s ) ) ) ); \
        a2 = wasm_i16x8_add( a2, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, wasm_load8x2( p2, p2+s ) ) ) ); \
        a3 = wasm_i16x8_add( a3, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, wasm_load8x2( p3, p3+s ) ) ) ); \
    } \
    wasm_v128_store( res, wasm_hsum4_u16( a0, a1, a2, a3 ) ); \
}
#define SAD_X_4( h ) \
static void pixel_sad_x3_4x##h( pixel *f, pixel *p0, pixel *p1, pixel *p2, intptr_t s, int res[3] ) \
{ \
    v128_t a0 = wasm_i16x8_splat( 0 ), a1 = a0, a2 = a0; \
    for( int y = 0; y < h; y += 4, f += 4*FENC_STRIDE, p0 += 4*s, p1 += 4*s, p2 += 4*s ) \
    { \
        v128_t fv = load4x4( f, FENC_STRIDE ); \
        a0 = wasm_i16x8_add( a0, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, load4x4( p0, s ) ) ) ); \
        a1 = wasm_i16x8_add( a1, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, load4x4( p1, s ) ) ) ); \
        a2 = wasm_i16x8_add( a2, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, load4x4( p2, s ) ) ) ); \
    } \
    v128_t r = wasm_hsum4_u16( a0, a1, a2, a2 ); \
    wasm_v128_store64_lane( res, r, 0 ); \
    wasm_v128_store32_lane( res+2, r, 2 ); \
} \
static void pixel_sad_x4_4x##h( pixel *f, pixel *p0, pixel *p1, pixel *p2, pixel *p3, intptr_t s, int res[4] ) \
{ \
    v128_t a0 = wasm_i16x8_splat( 0 ), a1 = a0, a2 = a0, a3 = a0; \
    for( int y = 0; y < h; y += 4, f += 4*FENC_STRIDE, p0 += 4*s, p1 += 4*s, p2 += 4*s, p3 += 4*s ) \
    { \
        v128_t fv = load4x4( f, FENC_STRIDE ); \
        a0 = wasm_i16x8_add( a0, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, load4x4( p0, s ) ) ) ); \
        a1 = wasm_i16x8_add( a1, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, load4x4( p1, s ) ) ) ); \
        a2 = wasm_i16x8_add( a2, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, load4x4( p2, s ) ) ) ); \
        a3 = wasm_i16x8_add( a3, wasm_u16x8_extadd_pairwise_u8x16( wasm_absdiff_u8( fv, load4x4( p3, s ) ) ) ); \
    } \
    wasm_v128_store( res, wasm_hsum4_u16( a0, a1, a2, a3 ) ); \
}
SAD_X_16( 16 )
SAD_X_16( 8 )
SAD_X_8( 16 )
SAD_X_8( 8 )
SAD_X_8( 4 )
SAD_X_4( 8 )
SAD_X_4( 4 )

/**** SATD: sum of |4x4 Hadamard(diff)| / 2 ****/

/* Four rows of differences (i16, two 4x4 blocks side by side) -> per-lane partial sums of
 * satd; each lane <= 2*2040, so 8 such results (16x16) still fit a u16 lane. */
WASM_INLINE v128_t satd_8x4_core( v128_t d0, v128_t d1, v128_t d2, v128_t d3 )
{
    v128_t a0 = wasm_i16x8_add( d0, d1 ), a1 = wasm_i16x8_sub( d0, d1 );
    v128_t a2 = wasm_i16x8_add( d2, d3 ), a3 = wasm_i16x8_sub( d2, d3 );
    v128_t b0 = wasm_i16x8_add( a0, a2 ), b2 = wasm_i16x8_sub( a0, a2 );
    v128_t b1 = wasm_i16x8_add( a1, a3 ), b3 = wasm_i16x8_sub( a1, a3 );
    /* transpose each 4x4 half: c_k holds column k of both blocks */
    v128_t t0 = wasm_i16x8_shuffle( b0, b1, 0, 8, 1, 9, 4, 12, 5, 13 );
    v128_t t1 = wasm_i16x8_shuffle( b0, b1, 2, 10, 3, 11, 6, 14, 7, 15 );
    v128_t t2 = wasm_i16x8_shuffle( b2, b3, 0, 8, 1, 9, 4, 12, 5, 13 );
    v128_t t3 = wasm_i16x8_shuffle( b2, b3, 2, 10, 3, 11, 6, 14, 7, 15 );
    v128_t c0 = wasm_i32x4_shuffle( t0, t2, 0, 4, 2, 6 );
    v128_t c1 = wasm_i32x4_shuffle( t0, t2, 1, 5, 3, 7 );
    v128_t c2 = wasm_i32x4_shuffle( t1, t3, 0, 4, 2, 6 );
    v128_t c3 = wasm_i32x4_shuffle( t1, t3, 1, 5, 3, 7 );
    v128_t s0 = wasm_i16x8_add( c0, c1 ), e0 = wasm_i16x8_sub( c0, c1 );
    v128_t s1 = wasm_i16x8_add( c2, c3 ), e1 = wasm_i16x8_sub( c2, c3 );
    /* last butterfly: (|x+y| + |x-y|) / 2 = max(|x|, |y|) */
    v128_t m0 = wasm_i16x8_max( wasm_i16x8_abs( s0 ), wasm_i16x8_abs( s1 ) );
    v128_t m1 = wasm_i16x8_max( wasm_i16x8_abs( e0 ), wasm_i16x8_abs( e1 ) );
    return wasm_i16x8_add( m0, m1 );
}

WASM_INLINE v128_t diff8( const uint8_t *a, const uint8_t *b )
{
    return wasm_i16x8_sub( wasm_load8_u16( a ), wasm_load8_u16( b ) );
}

WASM_INLINE v128_t satd_8x4_acc( const uint8_t *a, intptr_t sa, const uint8_t *b, intptr_t sb )
{
    return satd_8x4_core( diff8( a, b ), diff8( a+sa, b+sb ), diff8( a+2*sa, b+2*sb ), diff8( a+3*sa, b+3*sb ) );
}

/* 4 rows of 16: both 8x4 halves from one load per row */
WASM_INLINE v128_t satd_16x4_acc( const uint8_t *a, intptr_t sa, const uint8_t *b, intptr_t sb )
{
    v128_t lo[4], hi[4];
    for( int i = 0; i < 4; i++ )
    {
        v128_t va = wasm_v128_load( a+i*sa ), vb = wasm_v128_load( b+i*sb );
        lo[i] = wasm_i16x8_sub( wasm_u16x8_extend_low_u8x16( va ), wasm_u16x8_extend_low_u8x16( vb ) );
        hi[i] = wasm_i16x8_sub( wasm_u16x8_extend_high_u8x16( va ), wasm_u16x8_extend_high_u8x16( vb ) );
    }
    return wasm_i16x8_add( satd_8x4_core( lo[0], lo[1], lo[2], lo[3] ),
                           satd_8x4_core( hi[0], hi[1], hi[2], hi[3] ) );
}

/* rows y and y+4 of a 4-wide block as the two halves */
WASM_INLINE v128_t diff4x2( const uint8_t *a, intptr_t sa, const uint8_t *b, intptr_t sb )
{
    return wasm_i16x8_sub( wasm_load4x2_u16( a, a+4*sa ), wasm_load4x2_u16( b, b+4*sb ) );
}

WASM_INLINE v128_t satd_4x8_acc( const uint8_t *a, intptr_t sa, const uint8_t *b, intptr_t sb )
{
    return satd_8x4_core( diff4x2( a, sa, b, sb ), diff4x2( a+sa, sa, b+sb, sb ),
                          diff4x2( a+2*sa, sa, b+2*sb, sb ), diff4x2( a+3*sa, sa, b+3*sb, sb ) );
}

WASM_INLINE v128_t diff4( const uint8_t *a, const uint8_t *b )
{
    return wasm_i16x8_sub( wasm_u16x8_extend_low_u8x16( wasm_v128_load32_zero( a ) ),
                           wasm_u16x8_extend_low_u8x16( wasm_v128_load32_zero( b ) ) );
}

static int pixel_satd_4x4( pixel *a, intptr_t sa, pixel *b, intptr_t sb )
{
    return wasm_hsum_u16( satd_8x4_core( diff4( a, b ), diff4( a+sa, b+sb ),
                                         diff4( a+2*sa, b+2*sb ), diff4( a+3*sa, b+3*sb ) ) );
}
static int pixel_satd_4x8( pixel *a, intptr_t sa, pixel *b, intptr_t sb )
{
    return wasm_hsum_u16( satd_4x8_acc( a, sa, b, sb ) );
}
static int pixel_satd_4x16( pixel *a, intptr_t sa, pixel *b, intptr_t sb )
{
    return wasm_hsum_u16( wasm_i16x8_add( satd_4x8_acc( a, sa, b, sb ),
                                          satd_4x8_acc( a+8*sa, sa, b+8*sb, sb ) ) );
}
static int pixel_satd_8x4( pixel *a, intptr_t sa, pixel *b, intptr_t sb )
{
    return wasm_hsum_u16( satd_8x4_acc( a, sa, b, sb ) );
}
static int pixel_satd_8x8( pixel *a, intptr_t sa, pixel *b, intptr_t sb )
{
    return wasm_hsum_u16( wasm_i16x8_add( satd_8x4_acc( a, sa, b, sb ),
                                          satd_8x4_acc( a+4*sa, sa, b+4*sb, sb ) ) );
}
static int pixel_satd_8x16( pixel *a, intptr_t sa, pixel *b, intptr_t sb )
{
    v128_t acc = satd_8x4_acc( a, sa, b, sb );
    for( int y = 4; y < 16; y += 4 )
        acc = wasm_i16x8_add( acc, satd_8x4_acc( a+y*sa, sa, b+y*sb, sb ) );
    return wasm_hsum_u16( acc );
}
static int pixel_satd_16x8( pixel *a, intptr_t sa, pixel *b, intptr_t sb )
{
    return wasm_hsum_u16( wasm_i16x8_add( satd_16x4_acc( a, sa, b, sb ),
                                          satd_16x4_acc( a+4*sa, sa, b+4*sb, sb ) ) );
}
static int pixel_satd_16x16( pixel *a, intptr_t sa, pixel *b, intptr_t sb )
{
    v128_t acc = satd_16x4_acc( a, sa, b, sb );
    for( int y = 4; y < 16; y += 4 )
        acc = wasm_i16x8_add( acc, satd_16x4_acc( a+y*sa, sa, b+y*sb, sb ) );
    return wasm_hsum_u16( acc );
}

#define SATD_X( size ) \
static void pixel_satd_x3_##size( pixel *f, pixel *p0, pixel *p1, pixel *p2, intptr_t s, int res[3] ) \
{ \
    res[0] = pixel_satd_##size( f, FENC_STRIDE, p0, s ); \
    res[1] = pixel_satd_##size( f, FENC_STRIDE, p1, s ); \
    res[2] = pixel_satd_##size( f, FENC_STRIDE, p2, s ); \
} \
static void pixel_satd_x4_##size( pixel *f, pixel *p0, pixel *p1, pixel *p2, pixel *p3, intptr_t s, int res[4] ) \
{ \
    res[0] = pixel_satd_##size( f, FENC_STRIDE, p0, s ); \
    res[1] = pixel_satd_##size( f, FENC_STRIDE, p1, s ); \
    res[2] = pixel_satd_##size( f, FENC_STRIDE, p2, s ); \
    res[3] = pixel_satd_##size( f, FENC_STRIDE, p3, s ); \
}
SATD_X( 16x16 )
SATD_X( 16x8 )
SATD_X( 8x16 )
SATD_X( 8x8 )
SATD_X( 8x4 )
SATD_X( 4x8 )
SATD_X( 4x4 )

/**** SA8D: sum of |8x8 Hadamard(diff)| ****/

WASM_INLINE void transpose8x8_i16( v128_t r[8] )
{
    v128_t t[8], u[8];
    for( int i = 0; i < 4; i++ )
    {
        t[2*i]   = wasm_i16x8_shuffle( r[2*i], r[2*i+1], 0, 8, 1, 9, 2, 10, 3, 11 );
        t[2*i+1] = wasm_i16x8_shuffle( r[2*i], r[2*i+1], 4, 12, 5, 13, 6, 14, 7, 15 );
    }
    for( int i = 0; i < 2; i++ )
    {
        u[4*i+0] = wasm_i32x4_shuffle( t[4*i], t[4*i+2], 0, 4, 1, 5 );
        u[4*i+1] = wasm_i32x4_shuffle( t[4*i], t[4*i+2], 2, 6, 3, 7 );
        u[4*i+2] = wasm_i32x4_shuffle( t[4*i+1], t[4*i+3], 0, 4, 1, 5 );
        u[4*i+3] = wasm_i32x4_shuffle( t[4*i+1], t[4*i+3], 2, 6, 3, 7 );
    }
    for( int i = 0; i < 4; i++ )
    {
        r[2*i]   = wasm_i64x2_shuffle( u[i], u[i+4], 0, 2 );
        r[2*i+1] = wasm_i64x2_shuffle( u[i], u[i+4], 1, 3 );
    }
}

/* the raw sum (before x264's (sum+2)>>2) of one 8x8 block, as a u16x8 of partial sums
 * (each lane <= 4 * 8160 = 32640) */
WASM_INLINE v128_t sa8d_8x8_core( const uint8_t *a, intptr_t sa, const uint8_t *b, intptr_t sb )
{
    v128_t r[8], x[8];
    for( int i = 0; i < 8; i++ )
        r[i] = diff8( a+i*sa, b+i*sb );
    for( int pass = 0; pass < 2; pass++ )
    {
        for( int i = 0; i < 8; i += 2 )
        {
            x[i]   = wasm_i16x8_add( r[i], r[i+1] );
            x[i+1] = wasm_i16x8_sub( r[i], r[i+1] );
        }
        r[0] = wasm_i16x8_add( x[0], x[2] ); r[2] = wasm_i16x8_sub( x[0], x[2] );
        r[1] = wasm_i16x8_add( x[1], x[3] ); r[3] = wasm_i16x8_sub( x[1], x[3] );
        r[4] = wasm_i16x8_add( x[4], x[6] ); r[6] = wasm_i16x8_sub( x[4], x[6] );
        r[5] = wasm_i16x8_add( x[5], x[7] ); r[7] = wasm_i16x8_sub( x[5], x[7] );
        if( pass )
            break;
        for( int i = 0; i < 4; i++ )
        {
            x[i]   = wasm_i16x8_add( r[i], r[i+4] );
            x[i+4] = wasm_i16x8_sub( r[i], r[i+4] );
        }
        for( int i = 0; i < 8; i++ )
            r[i] = x[i];
        transpose8x8_i16( r );
    }
    v128_t s = wasm_i16x8_max( wasm_i16x8_abs( r[0] ), wasm_i16x8_abs( r[4] ) );
    for( int i = 1; i < 4; i++ )
        s = wasm_i16x8_add( s, wasm_i16x8_max( wasm_i16x8_abs( r[i] ), wasm_i16x8_abs( r[i+4] ) ) );
    return s;
}

static int pixel_sa8d_8x8( pixel *a, intptr_t sa, pixel *b, intptr_t sb )
{
    int sum = 2 * wasm_hsum_u16( sa8d_8x8_core( a, sa, b, sb ) );
    return (sum+2)>>2;
}

static int pixel_sa8d_16x16( pixel *a, intptr_t sa, pixel *b, intptr_t sb )
{
    v128_t s = wasm_u32x4_extadd_pairwise_u16x8( sa8d_8x8_core( a, sa, b, sb ) );
    s = wasm_i32x4_add( s, wasm_u32x4_extadd_pairwise_u16x8( sa8d_8x8_core( a+8, sa, b+8, sb ) ) );
    s = wasm_i32x4_add( s, wasm_u32x4_extadd_pairwise_u16x8( sa8d_8x8_core( a+8*sa, sa, b+8*sb, sb ) ) );
    s = wasm_i32x4_add( s, wasm_u32x4_extadd_pairwise_u16x8( sa8d_8x8_core( a+8*sa+8, sa, b+8*sb+8, sb ) ) );
    int sum = 2 * wasm_hsum_u32( s );
    return (sum+2)>>2;
}

/**** SSD ****/

WASM_INLINE v128_t ssd16_row( const uint8_t *a, const uint8_t *b )
{
    v128_t va = wasm_v128_load( a ), vb = wasm_v128_load( b );
    v128_t lo = wasm_i16x8_sub( wasm_u16x8_extend_low_u8x16( va ), wasm_u16x8_extend_low_u8x16( vb ) );
    v128_t hi = wasm_i16x8_sub( wasm_u16x8_extend_high_u8x16( va ), wasm_u16x8_extend_high_u8x16( vb ) );
    return wasm_i32x4_add( wasm_i32x4_dot_i16x8( lo, lo ), wasm_i32x4_dot_i16x8( hi, hi ) );
}

#define SSD_16( h ) \
static int pixel_ssd_16x##h( pixel *a, intptr_t sa, pixel *b, intptr_t sb ) \
{ \
    v128_t acc = wasm_i32x4_splat( 0 ); \
    for( int y = 0; y < h; y++, a += sa, b += sb ) \
        acc = wasm_i32x4_add( acc, ssd16_row( a, b ) ); \
    return wasm_hsum_u32( acc ); \
}
#define SSD_8( h ) \
static int pixel_ssd_8x##h( pixel *a, intptr_t sa, pixel *b, intptr_t sb ) \
{ \
    v128_t acc = wasm_i32x4_splat( 0 ); \
    for( int y = 0; y < h; y++, a += sa, b += sb ) \
    { \
        v128_t d = diff8( a, b ); \
        acc = wasm_i32x4_add( acc, wasm_i32x4_dot_i16x8( d, d ) ); \
    } \
    return wasm_hsum_u32( acc ); \
}
#define SSD_4( h ) \
static int pixel_ssd_4x##h( pixel *a, intptr_t sa, pixel *b, intptr_t sb ) \
{ \
    v128_t acc = wasm_i32x4_splat( 0 ); \
    for( int y = 0; y < h; y += 2, a += 2*sa, b += 2*sb ) \
    { \
        v128_t d = wasm_i16x8_sub( wasm_load4x2_u16( a, a+sa ), wasm_load4x2_u16( b, b+sb ) ); \
        acc = wasm_i32x4_add( acc, wasm_i32x4_dot_i16x8( d, d ) ); \
    } \
    return wasm_hsum_u32( acc ); \
}
SSD_16( 16 )
SSD_16( 8 )
SSD_8( 16 )
SSD_8( 8 )
SSD_8( 4 )
SSD_4( 16 )
SSD_4( 8 )
SSD_4( 4 )

/**** VAR: sum and sum of squares ****/

static uint64_t pixel_var_16x16( pixel *p, intptr_t s )
{
    v128_t sum = wasm_i16x8_splat( 0 ), sqr = wasm_i32x4_splat( 0 );
    for( int y = 0; y < 16; y++, p += s )
    {
        v128_t v = wasm_v128_load( p );
        v128_t lo = wasm_u16x8_extend_low_u8x16( v ), hi = wasm_u16x8_extend_high_u8x16( v );
        sum = wasm_i16x8_add( sum, wasm_i16x8_add( lo, hi ) );
        sqr = wasm_i32x4_add( sqr, wasm_i32x4_add( wasm_i32x4_dot_i16x8( lo, lo ), wasm_i32x4_dot_i16x8( hi, hi ) ) );
    }
    return wasm_hsum_u16( sum ) + ((uint64_t)wasm_hsum_u32( sqr ) << 32);
}

#define VAR_8( h ) \
static uint64_t pixel_var_8x##h( pixel *p, intptr_t s ) \
{ \
    v128_t sum = wasm_i16x8_splat( 0 ), sqr = wasm_i32x4_splat( 0 ); \
    for( int y = 0; y < h; y++, p += s ) \
    { \
        v128_t v = wasm_load8_u16( p ); \
        sum = wasm_i16x8_add( sum, v ); \
        sqr = wasm_i32x4_add( sqr, wasm_i32x4_dot_i16x8( v, v ) ); \
    } \
    return wasm_hsum_u16( sum ) + ((uint64_t)wasm_hsum_u32( sqr ) << 32); \
}
VAR_8( 16 )
VAR_8( 8 )

/* chroma: u in the left half of the fenc/fdec rows, v at +FENC_STRIDE/2 and +FDEC_STRIDE/2 */
#define VAR2_8( h, shift ) \
static int pixel_var2_8x##h( pixel *fenc, pixel *fdec, int ssd[2] ) \
{ \
    v128_t su = wasm_i16x8_splat( 0 ), sv = su, qu = wasm_i32x4_splat( 0 ), qv = qu; \
    for( int y = 0; y < h; y++, fenc += FENC_STRIDE, fdec += FDEC_STRIDE ) \
    { \
        v128_t du = diff8( fenc, fdec ); \
        v128_t dv = diff8( fenc+FENC_STRIDE/2, fdec+FDEC_STRIDE/2 ); \
        su = wasm_i16x8_add( su, du ); \
        sv = wasm_i16x8_add( sv, dv ); \
        qu = wasm_i32x4_add( qu, wasm_i32x4_dot_i16x8( du, du ) ); \
        qv = wasm_i32x4_add( qv, wasm_i32x4_dot_i16x8( dv, dv ) ); \
    } \
    int sum_u = (int32_t)wasm_hsum_u32( wasm_i32x4_extadd_pairwise_i16x8( su ) ); \
    int sum_v = (int32_t)wasm_hsum_u32( wasm_i32x4_extadd_pairwise_i16x8( sv ) ); \
    int sqr_u = wasm_hsum_u32( qu ), sqr_v = wasm_hsum_u32( qv ); \
    ssd[0] = sqr_u; \
    ssd[1] = sqr_v; \
    return sqr_u - ((int64_t)sum_u * sum_u >> shift) + \
           sqr_v - ((int64_t)sum_v * sum_v >> shift); \
}
VAR2_8( 16, 7 )
VAR2_8( 8, 6 )

/**** intra mode costs: x264's C predictors + the SIMD metrics above ****/

#define INTRA_X3( mbcmp, size, pred1, pred2, pred3, chroma ) \
static void intra_##mbcmp##_x3_##size##chroma( pixel *fenc, pixel *fdec, int res[3] ) \
{ \
    x264_predict_##size##chroma##_##pred1##_c( fdec ); \
    res[0] = pixel_##mbcmp##_##size( fdec, FDEC_STRIDE, fenc, FENC_STRIDE ); \
    x264_predict_##size##chroma##_##pred2##_c( fdec ); \
    res[1] = pixel_##mbcmp##_##size( fdec, FDEC_STRIDE, fenc, FENC_STRIDE ); \
    x264_predict_##size##chroma##_##pred3##_c( fdec ); \
    res[2] = pixel_##mbcmp##_##size( fdec, FDEC_STRIDE, fenc, FENC_STRIDE ); \
}
INTRA_X3( sad,  4x4,   v, h, dc,  )
INTRA_X3(satd,  4x4,   v, h, dc,  )
INTRA_X3( sad,  8x8,  dc, h,  v, c )
INTRA_X3(satd,  8x8,  dc, h,  v, c )
INTRA_X3( sad,  8x16, dc, h,  v, c )
INTRA_X3(satd,  8x16, dc, h,  v, c )
INTRA_X3( sad, 16x16,  v, h, dc,  )
INTRA_X3(satd, 16x16,  v, h, dc,  )

#define INTRA_X3_8x8( mbcmp ) \
static void intra_##mbcmp##_x3_8x8( pixel *fenc, pixel edge[36], int res[3] ) \
{ \
    ALIGNED_ARRAY_16( pixel, pix, [8*FDEC_STRIDE] ); \
    x264_predict_8x8_v_c( pix, edge ); \
    res[0] = pixel_##mbcmp##_8x8( pix, FDEC_STRIDE, fenc, FENC_STRIDE ); \
    x264_predict_8x8_h_c( pix, edge ); \
    res[1] = pixel_##mbcmp##_8x8( pix, FDEC_STRIDE, fenc, FENC_STRIDE ); \
    x264_predict_8x8_dc_c( pix, edge ); \
    res[2] = pixel_##mbcmp##_8x8( pix, FDEC_STRIDE, fenc, FENC_STRIDE ); \
}
INTRA_X3_8x8( sad )
INTRA_X3_8x8( sa8d )

#define SET7( name ) \
    pixf->name[PIXEL_16x16] = pixel_##name##_16x16; \
    pixf->name[PIXEL_16x8]  = pixel_##name##_16x8; \
    pixf->name[PIXEL_8x16]  = pixel_##name##_8x16; \
    pixf->name[PIXEL_8x8]   = pixel_##name##_8x8; \
    pixf->name[PIXEL_8x4]   = pixel_##name##_8x4; \
    pixf->name[PIXEL_4x8]   = pixel_##name##_4x8; \
    pixf->name[PIXEL_4x4]   = pixel_##name##_4x4;

void x264_pixel_init_simd128( x264_pixel_function_t *pixf )
{
    SET7( sad )
    pixf->sad[PIXEL_4x16] = pixel_sad_4x16;
    for( int i = 0; i < 8; i++ )
        pixf->sad_aligned[i] = pixf->sad[i];
    SET7( sad_x3 )
    SET7( sad_x4 )
    SET7( satd )
    pixf->satd[PIXEL_4x16] = pixel_satd_4x16;
    SET7( satd_x3 )
    SET7( satd_x4 )
    SET7( ssd )
    pixf->ssd[PIXEL_4x16] = pixel_ssd_4x16;

    pixf->sa8d[PIXEL_16x16] = pixel_sa8d_16x16;
    pixf->sa8d[PIXEL_8x8]   = pixel_sa8d_8x8;
    pixf->var[PIXEL_16x16]  = pixel_var_16x16;
    pixf->var[PIXEL_8x16]   = pixel_var_8x16;
    pixf->var[PIXEL_8x8]    = pixel_var_8x8;
    pixf->var2[PIXEL_8x16]  = pixel_var2_8x16;
    pixf->var2[PIXEL_8x8]   = pixel_var2_8x8;

    pixf->intra_sad_x3_4x4    = intra_sad_x3_4x4;
    pixf->intra_satd_x3_4x4   = intra_satd_x3_4x4;
    pixf->intra_sad_x3_8x8    = intra_sad_x3_8x8;
    pixf->intra_sa8d_x3_8x8   = intra_sa8d_x3_8x8;
    pixf->intra_sad_x3_8x8c   = intra_sad_x3_8x8c;
    pixf->intra_satd_x3_8x8c  = intra_satd_x3_8x8c;
    pixf->intra_sad_x3_8x16c  = intra_sad_x3_8x16c;
    pixf->intra_satd_x3_8x16c = intra_satd_x3_8x16c;
    pixf->intra_sad_x3_16x16  = intra_sad_x3_16x16;
    pixf->intra_satd_x3_16x16 = intra_satd_x3_16x16;
}
#endif /* !HIGH_BIT_DEPTH */
