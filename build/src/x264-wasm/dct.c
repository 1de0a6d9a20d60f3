/*
 * afmpeg: WebAssembly SIMD128 4x4 transforms for x264 (copied to common/wasm/dct.c).
 *
 * Why this exists: sub4x4_dct and its 8x8/16x16 wrappers are 3 % of the 720p veryfast profile
 * (every macroblock's residual goes through them), with the inverse transforms after it; x86
 * runs them as assembly, wasm as scalar C. These are the same transforms in SIMD128, two 4x4
 * blocks side by side per vector, registered by x264_dct_init_simd128() from x264_dct_init()
 * (patch 0001) under X264_CPU_SIMD128, bit-exact with the C (checkasm):
 * - the forward transform only adds, subtracts and doubles, so 16-bit lanes give exactly the
 *   C's int16 results whatever the order of the passes;
 * - the inverse transform keeps the C's order (columns, then rows) because of its >>1 steps,
 *   and computes its last stage, (x + 32) >> 6, in 32 bits as the C does.
 */
#include "common/common.h"
#include "dct.h"

#if !HIGH_BIT_DEPTH
#include "wasm-simd.h"

/* per 4-lane half: out[k] lane j = in[j] lane k (a 4x4 transpose of each half) */
WASM_INLINE void transpose4x4x2( v128_t *o0, v128_t *o1, v128_t *o2, v128_t *o3,
                                 v128_t b0, v128_t b1, v128_t b2, v128_t b3 )
{
    v128_t t0 = wasm_i16x8_shuffle( b0, b1, 0, 8, 1, 9, 4, 12, 5, 13 );
    v128_t t1 = wasm_i16x8_shuffle( b0, b1, 2, 10, 3, 11, 6, 14, 7, 15 );
    v128_t t2 = wasm_i16x8_shuffle( b2, b3, 0, 8, 1, 9, 4, 12, 5, 13 );
    v128_t t3 = wasm_i16x8_shuffle( b2, b3, 2, 10, 3, 11, 6, 14, 7, 15 );
    *o0 = wasm_i32x4_shuffle( t0, t2, 0, 4, 2, 6 );
    *o1 = wasm_i32x4_shuffle( t0, t2, 1, 5, 3, 7 );
    *o2 = wasm_i32x4_shuffle( t1, t3, 0, 4, 2, 6 );
    *o3 = wasm_i32x4_shuffle( t1, t3, 1, 5, 3, 7 );
}

WASM_INLINE void dct4_1d( v128_t *o0, v128_t *o1, v128_t *o2, v128_t *o3,
                          v128_t d0, v128_t d1, v128_t d2, v128_t d3 )
{
    v128_t s03 = wasm_i16x8_add( d0, d3 ), s12 = wasm_i16x8_add( d1, d2 );
    v128_t d03 = wasm_i16x8_sub( d0, d3 ), d12 = wasm_i16x8_sub( d1, d2 );
    *o0 = wasm_i16x8_add( s03, s12 );
    *o1 = wasm_i16x8_add( wasm_i16x8_shl( d03, 1 ), d12 );
    *o2 = wasm_i16x8_sub( s03, s12 );
    *o3 = wasm_i16x8_sub( d03, wasm_i16x8_shl( d12, 1 ) );
}

WASM_INLINE v128_t diff8( const uint8_t *a, const uint8_t *b )
{
    return wasm_i16x8_sub( wasm_load8_u16( a ), wasm_load8_u16( b ) );
}

/* an 8x4 area (fenc vs fdec) -> two 4x4 coefficient blocks (left: dl, right: dr) */
WASM_INLINE void sub8x4_dct( dctcoef dl[16], dctcoef dr[16], pixel *pix1, pixel *pix2 )
{
    v128_t v0, v1, v2, v3, c0, c1, c2, c3, h0, h1, h2, h3;
    /* vertical pass on the rows, then the horizontal one on the transposed columns */
    dct4_1d( &v0, &v1, &v2, &v3, diff8( pix1, pix2 ), diff8( pix1+FENC_STRIDE, pix2+FDEC_STRIDE ),
             diff8( pix1+2*FENC_STRIDE, pix2+2*FDEC_STRIDE ), diff8( pix1+3*FENC_STRIDE, pix2+3*FDEC_STRIDE ) );
    transpose4x4x2( &c0, &c1, &c2, &c3, v0, v1, v2, v3 );
    dct4_1d( &h0, &h1, &h2, &h3, c0, c1, c2, c3 );
    /* h_k lane j (left half) = dct[k*4+j] */
    wasm_v128_store( dl,   wasm_i64x2_shuffle( h0, h1, 0, 2 ) );
    wasm_v128_store( dl+8, wasm_i64x2_shuffle( h2, h3, 0, 2 ) );
    wasm_v128_store( dr,   wasm_i64x2_shuffle( h0, h1, 1, 3 ) );
    wasm_v128_store( dr+8, wasm_i64x2_shuffle( h2, h3, 1, 3 ) );
}

static void sub8x8_dct( dctcoef dct[4][16], pixel *pix1, pixel *pix2 )
{
    sub8x4_dct( dct[0], dct[1], pix1, pix2 );
    sub8x4_dct( dct[2], dct[3], pix1+4*FENC_STRIDE, pix2+4*FDEC_STRIDE );
}

static void sub16x16_dct( dctcoef dct[16][16], pixel *pix1, pixel *pix2 )
{
    sub8x8_dct( &dct[ 0], &pix1[0], &pix2[0] );
    sub8x8_dct( &dct[ 4], &pix1[8], &pix2[8] );
    sub8x8_dct( &dct[ 8], &pix1[8*FENC_STRIDE+0], &pix2[8*FDEC_STRIDE+0] );
    sub8x8_dct( &dct[12], &pix1[8*FENC_STRIDE+8], &pix2[8*FDEC_STRIDE+8] );
}

/* coefficient row k of two blocks (left half: dl, right half: dr) */
WASM_INLINE v128_t load_row2( const dctcoef *dl, const dctcoef *dr, int k )
{
    return wasm_v128_load64_lane( dr+4*k, wasm_v128_load64_zero( dl+4*k ), 1 );
}

WASM_INLINE v128_t idct_last( v128_t s02, v128_t s13, v128_t r )
{
    return wasm_i32x4_shr( wasm_i32x4_add( wasm_i32x4_add( s02, s13 ), r ), 6 );
}

/* two 4x4 blocks added to an 8x4 area of fdec */
WASM_INLINE void add8x4_idct( pixel *p_dst, dctcoef dl[16], dctcoef dr[16], int left_only )
{
    v128_t x0 = load_row2( dl, dr, 0 ), x1 = load_row2( dl, dr, 1 );
    v128_t x2 = load_row2( dl, dr, 2 ), x3 = load_row2( dl, dr, 3 );
    /* first pass over dct[k*4+i] for each i, as the C (int16 results) */
    v128_t s02 = wasm_i16x8_add( x0, x2 ), d02 = wasm_i16x8_sub( x0, x2 );
    v128_t s13 = wasm_i16x8_add( x1, wasm_i16x8_shr( x3, 1 ) );
    v128_t d13 = wasm_i16x8_sub( wasm_i16x8_shr( x1, 1 ), x3 );
    v128_t t0 = wasm_i16x8_add( s02, s13 ), t1 = wasm_i16x8_add( d02, d13 );
    v128_t t2 = wasm_i16x8_sub( d02, d13 ), t3 = wasm_i16x8_sub( s02, s13 );
    /* t_j lane i = tmp[i*4+j]; the second pass combines tmp[0..3*4+i] for each i */
    v128_t y0, y1, y2, y3;
    transpose4x4x2( &y0, &y1, &y2, &y3, t0, t1, t2, t3 );
    /* y_k lane i = tmp[k*4+i]: rows of the output are k = 0..3 combined, lanes are x */
    v128_t r = wasm_i32x4_splat( 32 );
    v128_t out[4];
    for( int h = 0; h < 2; h++ )
    {
        v128_t a0 = h ? wasm_i32x4_extend_high_i16x8( y0 ) : wasm_i32x4_extend_low_i16x8( y0 );
        v128_t a1 = h ? wasm_i32x4_extend_high_i16x8( y1 ) : wasm_i32x4_extend_low_i16x8( y1 );
        v128_t a2 = h ? wasm_i32x4_extend_high_i16x8( y2 ) : wasm_i32x4_extend_low_i16x8( y2 );
        v128_t a3 = h ? wasm_i32x4_extend_high_i16x8( y3 ) : wasm_i32x4_extend_low_i16x8( y3 );
        v128_t e02 = wasm_i32x4_add( a0, a2 ), f02 = wasm_i32x4_sub( a0, a2 );
        v128_t e13 = wasm_i32x4_add( a1, wasm_i32x4_shr( a3, 1 ) );
        v128_t f13 = wasm_i32x4_sub( wasm_i32x4_shr( a1, 1 ), a3 );
        v128_t o0 = idct_last( e02, e13, r );
        v128_t o1 = idct_last( f02, f13, r );
        v128_t o2 = wasm_i32x4_shr( wasm_i32x4_add( wasm_i32x4_sub( f02, f13 ), r ), 6 );
        v128_t o3 = wasm_i32x4_shr( wasm_i32x4_add( wasm_i32x4_sub( e02, e13 ), r ), 6 );
        /* o_y lanes = x of row y, for the left (h=0) or right (h=1) block */
        if( !h )
            out[0] = o0, out[1] = o1, out[2] = o2, out[3] = o3;
        else
        {
            /* results fit int16 ((+-2^17) >> 6), so the saturating narrow only truncates nothing */
            out[0] = wasm_i16x8_narrow_i32x4( out[0], o0 );
            out[1] = wasm_i16x8_narrow_i32x4( out[1], o1 );
            out[2] = wasm_i16x8_narrow_i32x4( out[2], o2 );
            out[3] = wasm_i16x8_narrow_i32x4( out[3], o3 );
        }
    }
    for( int y = 0; y < 4; y++ )
    {
        pixel *p = p_dst + y*FDEC_STRIDE;
        v128_t s = wasm_i16x8_add( wasm_load8_u16( p ), out[y] );
        if( left_only )
            wasm_v128_store32_lane( p, wasm_u8x16_narrow_i16x8( s, s ), 0 );
        else
            wasm_v128_store64_lane( p, wasm_u8x16_narrow_i16x8( s, s ), 0 );
    }
}

static void add4x4_idct( pixel *p_dst, dctcoef dct[16] )
{
    /* one block: the right half computes on zeros and is not stored */
    ALIGNED_16( dctcoef zero[16] ) = {0};
    add8x4_idct( p_dst, dct, zero, 1 );
}

static void add8x8_idct( pixel *p_dst, dctcoef dct[4][16] )
{
    add8x4_idct( p_dst, dct[0], dct[1], 0 );
    add8x4_idct( p_dst+4*FDEC_STRIDE, dct[2], dct[3], 0 );
}

static void add16x16_idct( pixel *p_dst, dctcoef dct[16][16] )
{
    add8x8_idct( &p_dst[0],               &dct[0] );
    add8x8_idct( &p_dst[8],               &dct[4] );
    add8x8_idct( &p_dst[8*FDEC_STRIDE+0], &dct[8] );
    add8x8_idct( &p_dst[8*FDEC_STRIDE+8], &dct[12] );
}

/* (dc + 32) >> 6 without the i16 overflow of dc + 32: floor((floor(dc/2) + 16) / 32) */
WASM_INLINE v128_t dc_round( v128_t dc )
{
    return wasm_i16x8_shr( wasm_i16x8_add( wasm_i16x8_shr( dc, 1 ), wasm_i16x8_splat( 16 ) ), 5 );
}

/* DC-only inverse: 4 rows of 16 pixels, each 4-pixel group + its (dc + 32) >> 6 */
static void add16x16_idct_dc( pixel *p_dst, dctcoef dct[16] )
{
    for( int i = 0; i < 4; i++, dct += 4, p_dst += 4*FDEC_STRIDE )
    {
        v128_t dc = dc_round( wasm_v128_load64_zero( dct ) );
        v128_t lo = wasm_i16x8_shuffle( dc, dc, 0, 0, 0, 0, 1, 1, 1, 1 );
        v128_t hi = wasm_i16x8_shuffle( dc, dc, 2, 2, 2, 2, 3, 3, 3, 3 );
        for( int y = 0; y < 4; y++ )
        {
            pixel *p = p_dst + y*FDEC_STRIDE;
            v128_t v = wasm_v128_load( p );
            v128_t a = wasm_i16x8_add( wasm_u16x8_extend_low_u8x16( v ), lo );
            v128_t b = wasm_i16x8_add( wasm_u16x8_extend_high_u8x16( v ), hi );
            wasm_v128_store( p, wasm_u8x16_narrow_i16x8( a, b ) );
        }
    }
}

static void add8x8_idct_dc( pixel *p_dst, dctcoef dct[4] )
{
    v128_t dc = dc_round( wasm_v128_load64_zero( dct ) );
    v128_t top = wasm_i16x8_shuffle( dc, dc, 0, 0, 0, 0, 1, 1, 1, 1 );
    v128_t bot = wasm_i16x8_shuffle( dc, dc, 2, 2, 2, 2, 3, 3, 3, 3 );
    for( int y = 0; y < 8; y++ )
    {
        pixel *p = p_dst + y*FDEC_STRIDE;
        v128_t s = wasm_i16x8_add( wasm_load8_u16( p ), y < 4 ? top : bot );
        wasm_v128_store64_lane( p, wasm_u8x16_narrow_i16x8( s, s ), 0 );
    }
}

void x264_dct_init_simd128( x264_dct_function_t *dctf )
{
    /* no sub4x4_dct: one block fills half a vector, and checkasm --bench measured the
     * two-block code 0.8x of the C (clang vectorizes that one well) */
    dctf->sub8x8_dct    = sub8x8_dct;
    dctf->sub16x16_dct  = sub16x16_dct;
    dctf->add4x4_idct   = add4x4_idct;
    dctf->add8x8_idct   = add8x8_idct;
    dctf->add16x16_idct = add16x16_idct;
    dctf->add8x8_idct_dc   = add8x8_idct_dc;
    dctf->add16x16_idct_dc = add16x16_idct_dc;
}
#endif /* !HIGH_BIT_DEPTH */
