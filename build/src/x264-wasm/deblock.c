/*
 * afmpeg: WebAssembly SIMD128 deblocking for x264 (copied to common/wasm/deblock.c).
 *
 * Why this exists: the in-loop deblocking filter runs over every macroblock edge
 * (deblock_strength_c and deblock_luma_c are in the 720p veryfast profile); x86 runs it as
 * assembly, wasm as scalar C. These are the same normal-strength luma/chroma filters and the
 * boundary-strength computation in SIMD128, registered by x264_deblock_init_simd128() from
 * x264_deblock_init() (patch 0001) under X264_CPU_SIMD128, bit-exact with the C (checkasm).
 * The filters work on 16 pixels of one edge at a time in 16-bit lanes; the horizontal-edge
 * versions transpose 16 rows of 8 pixels around the edge and write back the same 8 bytes
 * per row (unchanged ones included), all inside the block being filtered.
 */
#include "common/common.h"
#include "deblock.h"

#if !HIGH_BIT_DEPTH
#include "wasm-simd.h"

/* tc0[i] for lanes 4i..4i+3, as i16 halves */
WASM_INLINE void tc_lanes( const int8_t *tc0, v128_t *lo, v128_t *hi )
{
    v128_t t = wasm_v128_load32_zero( tc0 );
    t = wasm_i8x16_shuffle( t, t, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3 );
    *lo = wasm_i16x8_extend_low_i8x16( t );
    *hi = wasm_i16x8_extend_high_i8x16( t );
}

WASM_INLINE v128_t absd16( v128_t a, v128_t b )
{
    return wasm_i16x8_abs( wasm_i16x8_sub( a, b ) );
}

WASM_INLINE v128_t clip3_16( v128_t v, v128_t lo, v128_t hi )
{
    return wasm_i16x8_min( wasm_i16x8_max( v, lo ), hi );
}

/* the normal luma filter on 8 lanes (i16): p2..q2 in, p1/p0/q0/q1 updated */
WASM_INLINE void luma8( v128_t p2, v128_t *p1, v128_t *p0, v128_t *q0, v128_t *q1, v128_t q2,
                        v128_t alpha, v128_t beta, v128_t tc0 )
{
    v128_t zero = wasm_i16x8_splat( 0 );
    v128_t mask = wasm_v128_and( wasm_i16x8_lt( absd16( *p0, *q0 ), alpha ),
                  wasm_v128_and( wasm_i16x8_lt( absd16( *p1, *p0 ), beta ),
                                 wasm_i16x8_lt( absd16( *q1, *q0 ), beta ) ) );
    mask = wasm_v128_and( mask, wasm_i16x8_ge( tc0, zero ) );
    v128_t ap = wasm_v128_and( mask, wasm_i16x8_lt( absd16( p2, *p0 ), beta ) );
    v128_t aq = wasm_v128_and( mask, wasm_i16x8_lt( absd16( q2, *q0 ), beta ) );
    v128_t ntc0 = wasm_i16x8_neg( tc0 );
    v128_t avg = wasm_i16x8_shr( wasm_i16x8_add( wasm_i16x8_add( *p0, *q0 ), wasm_i16x8_splat( 1 ) ), 1 );
    v128_t np1 = wasm_i16x8_add( *p1, clip3_16( wasm_i16x8_sub( wasm_i16x8_shr( wasm_i16x8_add( p2, avg ), 1 ), *p1 ), ntc0, tc0 ) );
    v128_t nq1 = wasm_i16x8_add( *q1, clip3_16( wasm_i16x8_sub( wasm_i16x8_shr( wasm_i16x8_add( q2, avg ), 1 ), *q1 ), ntc0, tc0 ) );
    /* tc = tc0 + (ap ? 1 : 0) + (aq ? 1 : 0): the masks are -1 */
    v128_t tc = wasm_i16x8_sub( wasm_i16x8_sub( tc0, ap ), aq );
    v128_t d = wasm_i16x8_add( wasm_i16x8_add( wasm_i16x8_shl( wasm_i16x8_sub( *q0, *p0 ), 2 ),
                                               wasm_i16x8_sub( *p1, *q1 ) ), wasm_i16x8_splat( 4 ) );
    d = clip3_16( wasm_i16x8_shr( d, 3 ), wasm_i16x8_neg( tc ), tc );
    v128_t np0 = wasm_i16x8_add( *p0, d ), nq0 = wasm_i16x8_sub( *q0, d );
    *p1 = wasm_v128_bitselect( np1, *p1, ap );
    *q1 = wasm_v128_bitselect( nq1, *q1, aq );
    *p0 = wasm_v128_bitselect( np0, *p0, mask );
    *q0 = wasm_v128_bitselect( nq0, *q0, mask );
}

/* 16 lanes of u8 rows p2..q2 (p1..q1 updated in place) */
WASM_INLINE void luma16( v128_t p2, v128_t *p1, v128_t *p0, v128_t *q0, v128_t *q1, v128_t q2,
                         int alpha, int beta, const int8_t *tc0 )
{
    v128_t va = wasm_i16x8_splat( alpha ), vb = wasm_i16x8_splat( beta ), tlo, thi;
    tc_lanes( tc0, &tlo, &thi );
#define LO( v ) wasm_u16x8_extend_low_u8x16( v )
#define HI( v ) wasm_u16x8_extend_high_u8x16( v )
    v128_t p1l = LO( *p1 ), p0l = LO( *p0 ), q0l = LO( *q0 ), q1l = LO( *q1 );
    v128_t p1h = HI( *p1 ), p0h = HI( *p0 ), q0h = HI( *q0 ), q1h = HI( *q1 );
    luma8( LO( p2 ), &p1l, &p0l, &q0l, &q1l, LO( q2 ), va, vb, tlo );
    luma8( HI( p2 ), &p1h, &p0h, &q0h, &q1h, HI( q2 ), va, vb, thi );
#undef LO
#undef HI
    *p1 = wasm_u8x16_narrow_i16x8( p1l, p1h );
    *p0 = wasm_u8x16_narrow_i16x8( p0l, p0h );
    *q0 = wasm_u8x16_narrow_i16x8( q0l, q0h );
    *q1 = wasm_u8x16_narrow_i16x8( q1l, q1h );
}

static void deblock_v_luma( pixel *pix, intptr_t stride, int alpha, int beta, int8_t *tc0 )
{
    v128_t p2 = wasm_v128_load( pix-3*stride ), p1 = wasm_v128_load( pix-2*stride );
    v128_t p0 = wasm_v128_load( pix-stride ),   q0 = wasm_v128_load( pix );
    v128_t q1 = wasm_v128_load( pix+stride ),   q2 = wasm_v128_load( pix+2*stride );
    luma16( p2, &p1, &p0, &q0, &q1, q2, alpha, beta, tc0 );
    wasm_v128_store( pix-2*stride, p1 );
    wasm_v128_store( pix-stride, p0 );
    wasm_v128_store( pix, q0 );
    wasm_v128_store( pix+stride, q1 );
}

/* 16 rows of 8 bytes (pix-4 .. pix+3) <-> 8 columns of 16 bytes */
WASM_INLINE void load_transpose_16x8( pixel *pix, intptr_t stride, v128_t c[8] )
{
    v128_t a[8], b[8], d[4];
    for( int k = 0; k < 8; k++ )
        a[k] = wasm_i8x16_shuffle( wasm_v128_load64_zero( pix + 2*k*stride ), wasm_v128_load64_zero( pix + (2*k+1)*stride ),
                                   0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23 );
    /* a[k]: rows 2k, 2k+1 interleaved byte by byte */
    for( int m = 0; m < 4; m++ )
    {
        b[2*m]   = wasm_i16x8_shuffle( a[2*m], a[2*m+1], 0, 8, 1, 9, 2, 10, 3, 11 );   /* rows 4m..4m+3, cols 0-3 */
        b[2*m+1] = wasm_i16x8_shuffle( a[2*m], a[2*m+1], 4, 12, 5, 13, 6, 14, 7, 15 ); /* cols 4-7 */
    }
    for( int h = 0; h < 2; h++ ) /* column halves */
    {
        v128_t r01a = wasm_i32x4_shuffle( b[h], b[2+h], 0, 4, 1, 5 );  /* rows 0-7, cols 4h+0, 4h+1 */
        v128_t r01b = wasm_i32x4_shuffle( b[h], b[2+h], 2, 6, 3, 7 );  /* cols 4h+2, 4h+3 */
        v128_t r23a = wasm_i32x4_shuffle( b[4+h], b[6+h], 0, 4, 1, 5 ); /* rows 8-15 */
        v128_t r23b = wasm_i32x4_shuffle( b[4+h], b[6+h], 2, 6, 3, 7 );
        d[0] = r01a; d[1] = r01b; d[2] = r23a; d[3] = r23b;
        c[4*h+0] = wasm_i64x2_shuffle( d[0], d[2], 0, 2 );
        c[4*h+1] = wasm_i64x2_shuffle( d[0], d[2], 1, 3 );
        c[4*h+2] = wasm_i64x2_shuffle( d[1], d[3], 0, 2 );
        c[4*h+3] = wasm_i64x2_shuffle( d[1], d[3], 1, 3 );
    }
}

WASM_INLINE void transpose_store_8x16( pixel *pix, intptr_t stride, v128_t c[8] )
{
    v128_t a[8], b[8];
    for( int k = 0; k < 4; k++ )
    {
        a[2*k]   = wasm_i8x16_shuffle( c[2*k], c[2*k+1], 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23 );       /* rows 0-7 */
        a[2*k+1] = wasm_i8x16_shuffle( c[2*k], c[2*k+1], 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31 ); /* rows 8-15 */
    }
    /* a[2k+h]: columns 2k, 2k+1 of rows 8h..8h+7 */
    for( int h = 0; h < 2; h++ )
    {
        b[4*h+0] = wasm_i16x8_shuffle( a[h], a[2+h], 0, 8, 1, 9, 2, 10, 3, 11 );   /* rows 8h+0..3, cols 0-3 */
        b[4*h+1] = wasm_i16x8_shuffle( a[h], a[2+h], 4, 12, 5, 13, 6, 14, 7, 15 ); /* rows 8h+4..7, cols 0-3 */
        b[4*h+2] = wasm_i16x8_shuffle( a[4+h], a[6+h], 0, 8, 1, 9, 2, 10, 3, 11 ); /* cols 4-7 */
        b[4*h+3] = wasm_i16x8_shuffle( a[4+h], a[6+h], 4, 12, 5, 13, 6, 14, 7, 15 );
    }
    for( int h = 0; h < 2; h++ )
        for( int q = 0; q < 2; q++ )
        {
            v128_t lo = wasm_i32x4_shuffle( b[4*h+q], b[4*h+2+q], 0, 4, 1, 5 ); /* rows +0, +1 */
            v128_t hi = wasm_i32x4_shuffle( b[4*h+q], b[4*h+2+q], 2, 6, 3, 7 ); /* rows +2, +3 */
            pixel *p = pix + (8*h + 4*q)*stride;
            wasm_v128_store64_lane( p,          lo, 0 );
            wasm_v128_store64_lane( p+stride,   lo, 1 );
            wasm_v128_store64_lane( p+2*stride, hi, 0 );
            wasm_v128_store64_lane( p+3*stride, hi, 1 );
        }
}

static void deblock_h_luma( pixel *pix, intptr_t stride, int alpha, int beta, int8_t *tc0 )
{
    v128_t c[8];
    load_transpose_16x8( pix-4, stride, c );
    luma16( c[1], &c[2], &c[3], &c[4], &c[5], c[6], alpha, beta, tc0 );
    transpose_store_8x16( pix-4, stride, c );
}

/* chroma (NV12 rows: u,v interleaved): p0/q0 only, tc0[i] for bytes 4i..4i+3, tc <= 0 skips */
static void deblock_v_chroma( pixel *pix, intptr_t stride, int alpha, int beta, int8_t *tc0 )
{
    v128_t vp1 = wasm_v128_load( pix-2*stride ), vp0 = wasm_v128_load( pix-stride );
    v128_t vq0 = wasm_v128_load( pix ), vq1 = wasm_v128_load( pix+stride );
    v128_t va = wasm_i16x8_splat( alpha ), vb = wasm_i16x8_splat( beta ), tc[2];
    tc_lanes( tc0, &tc[0], &tc[1] );
    v128_t out0[2], out1[2];
    for( int h = 0; h < 2; h++ )
    {
        v128_t p1 = h ? wasm_u16x8_extend_high_u8x16( vp1 ) : wasm_u16x8_extend_low_u8x16( vp1 );
        v128_t p0 = h ? wasm_u16x8_extend_high_u8x16( vp0 ) : wasm_u16x8_extend_low_u8x16( vp0 );
        v128_t q0 = h ? wasm_u16x8_extend_high_u8x16( vq0 ) : wasm_u16x8_extend_low_u8x16( vq0 );
        v128_t q1 = h ? wasm_u16x8_extend_high_u8x16( vq1 ) : wasm_u16x8_extend_low_u8x16( vq1 );
        v128_t mask = wasm_v128_and( wasm_i16x8_lt( absd16( p0, q0 ), va ),
                      wasm_v128_and( wasm_i16x8_lt( absd16( p1, p0 ), vb ),
                                     wasm_i16x8_lt( absd16( q1, q0 ), vb ) ) );
        mask = wasm_v128_and( mask, wasm_i16x8_gt( tc[h], wasm_i16x8_splat( 0 ) ) );
        v128_t d = wasm_i16x8_add( wasm_i16x8_add( wasm_i16x8_shl( wasm_i16x8_sub( q0, p0 ), 2 ),
                                                   wasm_i16x8_sub( p1, q1 ) ), wasm_i16x8_splat( 4 ) );
        d = clip3_16( wasm_i16x8_shr( d, 3 ), wasm_i16x8_neg( tc[h] ), tc[h] );
        out0[h] = wasm_v128_bitselect( wasm_i16x8_add( p0, d ), p0, mask );
        out1[h] = wasm_v128_bitselect( wasm_i16x8_sub( q0, d ), q0, mask );
    }
    wasm_v128_store( pix-stride, wasm_u8x16_narrow_i16x8( out0[0], out0[1] ) );
    wasm_v128_store( pix, wasm_u8x16_narrow_i16x8( out1[0], out1[1] ) );
}

/**** boundary strength ****/

/* bS of 4 neighbouring pairs (loc+k, locn+k), as i32 lanes */
WASM_INLINE v128_t strength4( uint8_t *nnz, int8_t ref[2][X264_SCAN8_LUMA_SIZE],
                              int16_t mv[2][X264_SCAN8_LUMA_SIZE][2], int loc, int locn,
                              v128_t mvlim, int bframe )
{
    v128_t n = wasm_v128_or( wasm_v128_load32_zero( nnz+loc ), wasm_v128_load32_zero( nnz+locn ) );
    v128_t nz = wasm_i8x16_ne( n, wasm_i8x16_splat( 0 ) );
    nz = wasm_i32x4_extend_low_i16x8( wasm_i16x8_extend_low_i8x16( nz ) );
    v128_t r = wasm_i8x16_ne( wasm_v128_load32_zero( &ref[0][loc] ), wasm_v128_load32_zero( &ref[0][locn] ) );
    r = wasm_i32x4_extend_low_i16x8( wasm_i16x8_extend_low_i8x16( r ) );
    /* |mv difference| >= (4, mvy_limit) per component; a pair's two components -> one i32 */
    v128_t m = wasm_i16x8_gt( absd16( wasm_v128_load( &mv[0][loc][0] ), wasm_v128_load( &mv[0][locn][0] ) ), mvlim );
    v128_t diff = wasm_v128_or( r, wasm_i32x4_ne( m, wasm_i32x4_splat( 0 ) ) );
    if( bframe )
    {
        v128_t r1 = wasm_i8x16_ne( wasm_v128_load32_zero( &ref[1][loc] ), wasm_v128_load32_zero( &ref[1][locn] ) );
        r1 = wasm_i32x4_extend_low_i16x8( wasm_i16x8_extend_low_i8x16( r1 ) );
        v128_t m1 = wasm_i16x8_gt( absd16( wasm_v128_load( &mv[1][loc][0] ), wasm_v128_load( &mv[1][locn][0] ) ), mvlim );
        diff = wasm_v128_or( diff, wasm_v128_or( r1, wasm_i32x4_ne( m1, wasm_i32x4_splat( 0 ) ) ) );
    }
    /* nnz -> 2, else a difference -> 1, else 0 */
    return wasm_v128_bitselect( wasm_i32x4_splat( 2 ), wasm_v128_and( diff, wasm_i32x4_splat( 1 ) ), nz );
}

WASM_INLINE v128_t bytes_of_i32( v128_t a, v128_t b, v128_t c, v128_t d )
{
    v128_t ab = wasm_i16x8_narrow_i32x4( a, b ), cd = wasm_i16x8_narrow_i32x4( c, d );
    return wasm_u8x16_narrow_i16x8( ab, cd );
}

static void deblock_strength( uint8_t nnz[X264_SCAN8_SIZE], int8_t ref[2][X264_SCAN8_LUMA_SIZE],
                              int16_t mv[2][X264_SCAN8_LUMA_SIZE][2], uint8_t bs[2][8][4], int mvy_limit,
                              int bframe )
{
    /* "|d| >= limit" as "|d| > limit-1" */
    v128_t mvlim = wasm_i16x8_make( 3, mvy_limit-1, 3, mvy_limit-1, 3, mvy_limit-1, 3, mvy_limit-1 );
    v128_t s[4];
    /* dir 1 (horizontal edges): edge e is row e, its neighbour the row above */
    for( int e = 0; e < 4; e++ )
    {
        int loc = X264_SCAN8_0 + e*8;
        s[e] = strength4( nnz, ref, mv, loc, loc-8, mvlim, bframe );
    }
    wasm_v128_store( bs[1], bytes_of_i32( s[0], s[1], s[2], s[3] ) );
    /* dir 0 (vertical edges): per row i the four edges are contiguous, neighbours one to the left */
    for( int i = 0; i < 4; i++ )
    {
        int loc = X264_SCAN8_0 + i*8;
        s[i] = strength4( nnz, ref, mv, loc, loc-1, mvlim, bframe );
    }
    v128_t t = bytes_of_i32( s[0], s[1], s[2], s[3] ); /* [row i][edge e] */
    wasm_v128_store( bs[0], wasm_i8x16_shuffle( t, t, 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15 ) );
}

void x264_deblock_init_simd128( x264_deblock_function_t *pf )
{
    pf->deblock_luma[1]   = deblock_v_luma;
    pf->deblock_luma[0]   = deblock_h_luma;
    pf->deblock_chroma[1] = deblock_v_chroma;
    pf->deblock_strength  = deblock_strength;
}
#endif /* !HIGH_BIT_DEPTH */
