/*
 * afmpeg: WebAssembly SIMD128 motion compensation for x264 (copied to common/wasm/mc.c).
 *
 * Why this exists: after satd, the 720p veryfast profile's next entries are motion compensation:
 * get_ref (qpel averaging, 7.8 %), hpel_filter (5 %), mc_chroma (3 %), frame_init_lowres_core
 * (3 %), pixel_avg, the chroma (de)interleaves and copies. x86 runs these as assembly; on wasm
 * they were scalar C. These are the same functions in SIMD128, registered by
 * x264_mc_init_simd128() from x264_mc_init() (patch 0001) under X264_CPU_SIMD128, bit-exact
 * with the C (checkasm). Every store covers exactly the pixels the C writes (no over-writes);
 * loads may read up to 15 bytes past a row, inside x264's padded planes and buffers, as the
 * x86 versions do.
 */
#include "common/common.h"
#include "mc.h"

#if !HIGH_BIT_DEPTH
#include "wasm-simd.h"

/**** averages ****/

WASM_INLINE void avg_rows( pixel *dst, intptr_t sd, pixel *a, intptr_t sa, pixel *b, intptr_t sb, int w, int h )
{
    if( w == 16 )
        for( int y = 0; y < h; y++, dst += sd, a += sa, b += sb )
            wasm_v128_store( dst, wasm_u8x16_avgr( wasm_v128_load( a ), wasm_v128_load( b ) ) );
    else if( w == 8 )
        for( int y = 0; y < h; y++, dst += sd, a += sa, b += sb )
            wasm_v128_store64_lane( dst, wasm_u8x16_avgr( wasm_v128_load64_zero( a ), wasm_v128_load64_zero( b ) ), 0 );
    else if( w == 4 )
        for( int y = 0; y < h; y++, dst += sd, a += sa, b += sb )
            wasm_v128_store32_lane( dst, wasm_u8x16_avgr( wasm_v128_load32_zero( a ), wasm_v128_load32_zero( b ) ), 0 );
    else
        for( int y = 0; y < h; y++, dst += sd, a += sa, b += sb )
            for( int x = 0; x < w; x++ )
                dst[x] = ( a[x] + b[x] + 1 ) >> 1;
}

/* implicit bipred weights (log2_denom 5, w1 + w2 = 64, w1 in [-64, 128]): the i16 sum
 * a*w1 + b*w2 + 32 lies in [-16320, 32672], so 16-bit lanes are exact */
WASM_INLINE void avg_weight_rows( pixel *dst, intptr_t sd, pixel *a, intptr_t sa, pixel *b, intptr_t sb,
                                  int w, int h, int w1 )
{
    v128_t vw1 = wasm_i16x8_splat( w1 ), vw2 = wasm_i16x8_splat( 64 - w1 ), r = wasm_i16x8_splat( 32 );
    for( int y = 0; y < h; y++, dst += sd, a += sa, b += sb )
        for( int x = 0; x < w; x += 8 )
        {
            v128_t va = w >= 8 ? wasm_v128_load64_zero( a+x ) : w == 4 ? wasm_v128_load32_zero( a+x ) : wasm_v128_load16_lane( a+x, wasm_i16x8_splat( 0 ), 0 );
            v128_t vb = w >= 8 ? wasm_v128_load64_zero( b+x ) : w == 4 ? wasm_v128_load32_zero( b+x ) : wasm_v128_load16_lane( b+x, wasm_i16x8_splat( 0 ), 0 );
            v128_t s = wasm_i16x8_add( wasm_i16x8_mul( wasm_u16x8_extend_low_u8x16( va ), vw1 ),
                                       wasm_i16x8_mul( wasm_u16x8_extend_low_u8x16( vb ), vw2 ) );
            s = wasm_i16x8_shr( wasm_i16x8_add( s, r ), 6 );
            v128_t o = wasm_u8x16_narrow_i16x8( s, s );
            if( w >= 8 )
                wasm_v128_store64_lane( dst+x, o, 0 );
            else if( w == 4 )
                wasm_v128_store32_lane( dst+x, o, 0 );
            else
                wasm_v128_store16_lane( dst+x, o, 0 );
        }
}

#define PIXEL_AVG( w, h ) \
static void pixel_avg_##w##x##h( pixel *dst, intptr_t sd, pixel *a, intptr_t sa, pixel *b, intptr_t sb, int weight ) \
{ \
    if( weight == 32 ) \
        avg_rows( dst, sd, a, sa, b, sb, w, h ); \
    else \
        avg_weight_rows( dst, sd, a, sa, b, sb, w, h, weight ); \
}
PIXEL_AVG( 16, 16 )
PIXEL_AVG( 16, 8 )
PIXEL_AVG( 8, 16 )
PIXEL_AVG( 8, 8 )
PIXEL_AVG( 8, 4 )
PIXEL_AVG( 4, 16 )
PIXEL_AVG( 4, 8 )
PIXEL_AVG( 4, 4 )
PIXEL_AVG( 4, 2 )
PIXEL_AVG( 2, 8 )
PIXEL_AVG( 2, 4 )
PIXEL_AVG( 2, 2 )

/* any width: 16-, 8- and 4-wide columns, then bytes */
static void avg_any( pixel *dst, intptr_t sd, pixel *a, intptr_t sa, pixel *b, intptr_t sb, int w, int h )
{
    int x = 0;
    for( ; x + 16 <= w; x += 16 )
        avg_rows( dst+x, sd, a+x, sa, b+x, sb, 16, h );
    if( x + 8 <= w )
        avg_rows( dst+x, sd, a+x, sa, b+x, sb, 8, h ), x += 8;
    if( x + 4 <= w )
        avg_rows( dst+x, sd, a+x, sa, b+x, sb, 4, h ), x += 4;
    if( x < w )
        avg_rows( dst+x, sd, a+x, sa, b+x, sb, w-x, h );
}

/**** copies ****/

static void copy_any( pixel *dst, intptr_t sd, pixel *src, intptr_t ss, int w, int h )
{
    for( int y = 0; y < h; y++, dst += sd, src += ss )
    {
        int x = 0;
        for( ; x + 16 <= w; x += 16 )
            wasm_v128_store( dst+x, wasm_v128_load( src+x ) );
        if( x + 8 <= w )
            wasm_v128_store64_lane( dst+x, wasm_v128_load64_zero( src+x ), 0 ), x += 8;
        if( x + 4 <= w )
            wasm_v128_store32_lane( dst+x, wasm_v128_load32_zero( src+x ), 0 ), x += 4;
        for( ; x < w; x++ )
            dst[x] = src[x];
    }
}

static void mc_copy_w16( pixel *dst, intptr_t sd, pixel *src, intptr_t ss, int h )
{
    for( int y = 0; y < h; y++, dst += sd, src += ss )
        wasm_v128_store( dst, wasm_v128_load( src ) );
}
static void mc_copy_w8( pixel *dst, intptr_t sd, pixel *src, intptr_t ss, int h )
{
    for( int y = 0; y < h; y++, dst += sd, src += ss )
        wasm_v128_store64_lane( dst, wasm_v128_load64_zero( src ), 0 );
}
static void mc_copy_w4( pixel *dst, intptr_t sd, pixel *src, intptr_t ss, int h )
{
    for( int y = 0; y < h; y++, dst += sd, src += ss )
        wasm_v128_store32_lane( dst, wasm_v128_load32_zero( src ), 0 );
}

/**** luma: qpel = average of two hpel planes ****/

static void mc_luma( pixel *dst, intptr_t i_dst_stride, pixel *src[4], intptr_t i_src_stride,
                     int mvx, int mvy, int i_width, int i_height, const x264_weight_t *weight )
{
    int qpel_idx = ((mvy&3)<<2) + (mvx&3);
    int offset = (mvy>>2)*i_src_stride + (mvx>>2);
    pixel *src1 = src[x264_hpel_ref0[qpel_idx]] + offset + ((mvy&3) == 3) * i_src_stride;

    if( qpel_idx & 5 )
    {
        pixel *src2 = src[x264_hpel_ref1[qpel_idx]] + offset + ((mvx&3) == 3);
        avg_any( dst, i_dst_stride, src1, i_src_stride, src2, i_src_stride, i_width, i_height );
        if( weight->weightfn )
            weight->weightfn[i_width>>2]( dst, i_dst_stride, dst, i_dst_stride, weight, i_height );
    }
    else if( weight->weightfn )
        weight->weightfn[i_width>>2]( dst, i_dst_stride, src1, i_src_stride, weight, i_height );
    else
        copy_any( dst, i_dst_stride, src1, i_src_stride, i_width, i_height );
}

static pixel *get_ref( pixel *dst, intptr_t *i_dst_stride, pixel *src[4], intptr_t i_src_stride,
                       int mvx, int mvy, int i_width, int i_height, const x264_weight_t *weight )
{
    int qpel_idx = ((mvy&3)<<2) + (mvx&3);
    int offset = (mvy>>2)*i_src_stride + (mvx>>2);
    pixel *src1 = src[x264_hpel_ref0[qpel_idx]] + offset + ((mvy&3) == 3) * i_src_stride;

    if( qpel_idx & 5 )
    {
        pixel *src2 = src[x264_hpel_ref1[qpel_idx]] + offset + ((mvx&3) == 3);
        avg_any( dst, *i_dst_stride, src1, i_src_stride, src2, i_src_stride, i_width, i_height );
        if( weight->weightfn )
            weight->weightfn[i_width>>2]( dst, *i_dst_stride, dst, *i_dst_stride, weight, i_height );
        return dst;
    }
    else if( weight->weightfn )
    {
        weight->weightfn[i_width>>2]( dst, *i_dst_stride, src1, i_src_stride, weight, i_height );
        return dst;
    }
    *i_dst_stride = i_src_stride;
    return src1;
}

/**** chroma: bilinear 1/8 pel on interleaved (NV12) u/v ****/

/* one row of 2*n interleaved bytes (n <= 8): cA*a + cB*a[+2] + cC*b + cD*b[+2] + 32 >> 6;
 * the sum is at most 64*255 + 32, exact in u16 lanes */
WASM_INLINE v128_t chroma_row( const uint8_t *s0, const uint8_t *s1, v128_t cA, v128_t cB, v128_t cC, v128_t cD )
{
    v128_t a = wasm_v128_load( s0 ), b = wasm_v128_load( s0+2 );
    v128_t c = wasm_v128_load( s1 ), d = wasm_v128_load( s1+2 );
    v128_t r = wasm_i16x8_splat( 32 );
    v128_t lo = wasm_i16x8_add( wasm_i16x8_add( wasm_i16x8_mul( wasm_u16x8_extend_low_u8x16( a ), cA ),
                                                wasm_i16x8_mul( wasm_u16x8_extend_low_u8x16( b ), cB ) ),
                                wasm_i16x8_add( wasm_i16x8_mul( wasm_u16x8_extend_low_u8x16( c ), cC ),
                                                wasm_i16x8_mul( wasm_u16x8_extend_low_u8x16( d ), cD ) ) );
    v128_t hi = wasm_i16x8_add( wasm_i16x8_add( wasm_i16x8_mul( wasm_u16x8_extend_high_u8x16( a ), cA ),
                                                wasm_i16x8_mul( wasm_u16x8_extend_high_u8x16( b ), cB ) ),
                                wasm_i16x8_add( wasm_i16x8_mul( wasm_u16x8_extend_high_u8x16( c ), cC ),
                                                wasm_i16x8_mul( wasm_u16x8_extend_high_u8x16( d ), cD ) ) );
    lo = wasm_u16x8_shr( wasm_i16x8_add( lo, r ), 6 );
    hi = wasm_u16x8_shr( wasm_i16x8_add( hi, r ), 6 );
    v128_t o = wasm_u8x16_narrow_i16x8( lo, hi );
    /* deinterleave: u in bytes 0-7, v in bytes 8-15 */
    return wasm_i8x16_shuffle( o, o, 0, 2, 4, 6, 8, 10, 12, 14, 1, 3, 5, 7, 9, 11, 13, 15 );
}

static void mc_chroma( pixel *dstu, pixel *dstv, intptr_t i_dst_stride, pixel *src, intptr_t i_src_stride,
                       int mvx, int mvy, int i_width, int i_height )
{
    int d8x = mvx&0x07;
    int d8y = mvy&0x07;
    v128_t cA = wasm_i16x8_splat( (8-d8x)*(8-d8y) );
    v128_t cB = wasm_i16x8_splat( d8x    *(8-d8y) );
    v128_t cC = wasm_i16x8_splat( (8-d8x)*d8y );
    v128_t cD = wasm_i16x8_splat( d8x    *d8y );

    src += (mvy >> 3) * i_src_stride + (mvx >> 3)*2;
    for( int y = 0; y < i_height; y++, dstu += i_dst_stride, dstv += i_dst_stride, src += i_src_stride )
    {
        if( i_width == 8 )
        {
            v128_t o = chroma_row( src, src+i_src_stride, cA, cB, cC, cD );
            wasm_v128_store64_lane( dstu, o, 0 );
            wasm_v128_store64_lane( dstv, o, 1 );
        }
        else if( i_width == 4 )
        {
            v128_t o = chroma_row( src, src+i_src_stride, cA, cB, cC, cD );
            wasm_v128_store32_lane( dstu, o, 0 );
            wasm_v128_store32_lane( dstv, o, 2 );
        }
        else if( i_width == 2 )
        {
            v128_t o = chroma_row( src, src+i_src_stride, cA, cB, cC, cD );
            wasm_v128_store16_lane( dstu, o, 0 );
            wasm_v128_store16_lane( dstv, o, 4 );
        }
        else
        {
            /* other widths (not used by the encoder): 8 at a time, then the C formula */
            int x = 0;
            for( ; x + 8 <= i_width; x += 8 )
            {
                v128_t o = chroma_row( src+2*x, src+2*x+i_src_stride, cA, cB, cC, cD );
                wasm_v128_store64_lane( dstu+x, o, 0 );
                wasm_v128_store64_lane( dstv+x, o, 1 );
            }
            pixel *srcp = src + i_src_stride;
            int a = (8-d8x)*(8-d8y), b = d8x*(8-d8y), c = (8-d8x)*d8y, d = d8x*d8y;
            for( ; x < i_width; x++ )
            {
                dstu[x] = ( a*src[2*x]   + b*src[2*x+2] + c*srcp[2*x]   + d*srcp[2*x+2] + 32 ) >> 6;
                dstv[x] = ( a*src[2*x+1] + b*src[2*x+3] + c*srcp[2*x+1] + d*srcp[2*x+3] + 32 ) >> 6;
            }
        }
    }
}

/**** half-pel 6-tap filter ****/

/* 1, -5, 20, 20, -5, 1 on i16: with 8-bit input every partial sum is in [-2550, 10710] */
WASM_INLINE v128_t tap6_i16( v128_t a, v128_t b, v128_t c, v128_t d, v128_t e, v128_t f )
{
    v128_t s1 = wasm_i16x8_add( a, f ), s2 = wasm_i16x8_add( b, e ), s3 = wasm_i16x8_add( c, d );
    return wasm_i16x8_add( wasm_i16x8_sub( s1, wasm_i16x8_mul( s2, wasm_i16x8_splat( 5 ) ) ),
                           wasm_i16x8_mul( s3, wasm_i16x8_splat( 20 ) ) );
}

WASM_INLINE v128_t round5_u8( v128_t lo, v128_t hi )
{
    v128_t r = wasm_i16x8_splat( 16 );
    return wasm_u8x16_narrow_i16x8( wasm_i16x8_shr( wasm_i16x8_add( lo, r ), 5 ),
                                    wasm_i16x8_shr( wasm_i16x8_add( hi, r ), 5 ) );
}

/* the same taps on the i16 intermediates, in i32: (a+f) - 5(b+e) + 20(c+d) with each pair
 * sum in i16 range (|x| <= 21420) */
WASM_INLINE v128_t tap6_i32_lo( v128_t s1, v128_t s2, v128_t s3 )
{
    return wasm_i32x4_add( wasm_i32x4_sub( wasm_i32x4_extend_low_i16x8( s1 ),
                                           wasm_i32x4_extmul_low_i16x8( s2, wasm_i16x8_splat( 5 ) ) ),
                           wasm_i32x4_extmul_low_i16x8( s3, wasm_i16x8_splat( 20 ) ) );
}
WASM_INLINE v128_t tap6_i32_hi( v128_t s1, v128_t s2, v128_t s3 )
{
    return wasm_i32x4_add( wasm_i32x4_sub( wasm_i32x4_extend_high_i16x8( s1 ),
                                           wasm_i32x4_extmul_high_i16x8( s2, wasm_i16x8_splat( 5 ) ) ),
                           wasm_i32x4_extmul_high_i16x8( s3, wasm_i16x8_splat( 20 ) ) );
}

#define TAPFILTER(pix, d) ((pix)[x-2*d] + (pix)[x+3*d] - 5*((pix)[x-d] + (pix)[x+2*d]) + 20*((pix)[x] + (pix)[x+d]))

static void hpel_filter( pixel *dsth, pixel *dstv, pixel *dstc, pixel *src,
                         intptr_t stride, int width, int height, int16_t *buf )
{
    for( int y = 0; y < height; y++, dsth += stride, dstv += stride, dstc += stride, src += stride )
    {
        /* vertical: dstv and the i16 intermediates in buf, for x in [-2, width+3) */
        int x = -2;
        for( ; x + 16 <= width + 3; x += 16 )
        {
            v128_t r[6];
            for( int k = 0; k < 6; k++ )
                r[k] = wasm_v128_load( src + x + (k-2)*stride );
            v128_t lo = tap6_i16( wasm_u16x8_extend_low_u8x16( r[0] ), wasm_u16x8_extend_low_u8x16( r[1] ),
                                  wasm_u16x8_extend_low_u8x16( r[2] ), wasm_u16x8_extend_low_u8x16( r[3] ),
                                  wasm_u16x8_extend_low_u8x16( r[4] ), wasm_u16x8_extend_low_u8x16( r[5] ) );
            v128_t hi = tap6_i16( wasm_u16x8_extend_high_u8x16( r[0] ), wasm_u16x8_extend_high_u8x16( r[1] ),
                                  wasm_u16x8_extend_high_u8x16( r[2] ), wasm_u16x8_extend_high_u8x16( r[3] ),
                                  wasm_u16x8_extend_high_u8x16( r[4] ), wasm_u16x8_extend_high_u8x16( r[5] ) );
            wasm_v128_store( buf + x + 2, lo );
            wasm_v128_store( buf + x + 10, hi );
            wasm_v128_store( dstv + x, round5_u8( lo, hi ) );
        }
        for( ; x < width + 3; x++ )
        {
            int v = TAPFILTER(src,stride);
            dstv[x] = x264_clip_pixel( (v + 16) >> 5 );
            buf[x+2] = v;
        }
        /* centre: the taps again, horizontally on buf */
        x = 0;
        for( ; x + 8 <= width; x += 8 )
        {
            v128_t a = wasm_v128_load( buf + x ), b = wasm_v128_load( buf + x + 1 );
            v128_t c = wasm_v128_load( buf + x + 2 ), d = wasm_v128_load( buf + x + 3 );
            v128_t e = wasm_v128_load( buf + x + 4 ), f = wasm_v128_load( buf + x + 5 );
            v128_t s1 = wasm_i16x8_add( a, f ), s2 = wasm_i16x8_add( b, e ), s3 = wasm_i16x8_add( c, d );
            v128_t r = wasm_i32x4_splat( 512 );
            v128_t lo = wasm_i32x4_shr( wasm_i32x4_add( tap6_i32_lo( s1, s2, s3 ), r ), 10 );
            v128_t hi = wasm_i32x4_shr( wasm_i32x4_add( tap6_i32_hi( s1, s2, s3 ), r ), 10 );
            v128_t w16 = wasm_i16x8_narrow_i32x4( lo, hi );
            wasm_v128_store64_lane( dstc + x, wasm_u8x16_narrow_i16x8( w16, w16 ), 0 );
        }
        for( ; x < width; x++ )
            dstc[x] = x264_clip_pixel( (TAPFILTER(buf+2,1) + 512) >> 10 );
        /* horizontal */
        x = 0;
        for( ; x + 16 <= width; x += 16 )
        {
            v128_t r[6];
            for( int k = 0; k < 6; k++ )
                r[k] = wasm_v128_load( src + x + k - 2 );
            v128_t lo = tap6_i16( wasm_u16x8_extend_low_u8x16( r[0] ), wasm_u16x8_extend_low_u8x16( r[1] ),
                                  wasm_u16x8_extend_low_u8x16( r[2] ), wasm_u16x8_extend_low_u8x16( r[3] ),
                                  wasm_u16x8_extend_low_u8x16( r[4] ), wasm_u16x8_extend_low_u8x16( r[5] ) );
            v128_t hi = tap6_i16( wasm_u16x8_extend_high_u8x16( r[0] ), wasm_u16x8_extend_high_u8x16( r[1] ),
                                  wasm_u16x8_extend_high_u8x16( r[2] ), wasm_u16x8_extend_high_u8x16( r[3] ),
                                  wasm_u16x8_extend_high_u8x16( r[4] ), wasm_u16x8_extend_high_u8x16( r[5] ) );
            wasm_v128_store( dsth + x, round5_u8( lo, hi ) );
        }
        for( ; x < width; x++ )
            dsth[x] = x264_clip_pixel( (TAPFILTER(src,1) + 16) >> 5 );
    }
}
#undef TAPFILTER

/**** lowres (lookahead) downscale ****/

static void frame_init_lowres_core( pixel *src0, pixel *dst0, pixel *dsth, pixel *dstv, pixel *dstc,
                                    intptr_t src_stride, intptr_t dst_stride, int width, int height )
{
    for( int y = 0; y < height; y++ )
    {
        pixel *src1 = src0+src_stride;
        pixel *src2 = src1+src_stride;
        int x = 0;
        for( ; x + 16 <= width; x += 16 )
        {
            /* FILTER(a,b,c,d) = avg(avg(a,b), avg(c,d)): vertical averages first */
            v128_t r01a = wasm_u8x16_avgr( wasm_v128_load( src0+2*x ),    wasm_v128_load( src1+2*x ) );
            v128_t r01b = wasm_u8x16_avgr( wasm_v128_load( src0+2*x+16 ), wasm_v128_load( src1+2*x+16 ) );
            v128_t r01c = wasm_u8x16_avgr( wasm_v128_load( src0+2*x+2 ),  wasm_v128_load( src1+2*x+2 ) );
            v128_t r01d = wasm_u8x16_avgr( wasm_v128_load( src0+2*x+18 ), wasm_v128_load( src1+2*x+18 ) );
            v128_t r12a = wasm_u8x16_avgr( wasm_v128_load( src1+2*x ),    wasm_v128_load( src2+2*x ) );
            v128_t r12b = wasm_u8x16_avgr( wasm_v128_load( src1+2*x+16 ), wasm_v128_load( src2+2*x+16 ) );
            v128_t r12c = wasm_u8x16_avgr( wasm_v128_load( src1+2*x+2 ),  wasm_v128_load( src2+2*x+2 ) );
            v128_t r12d = wasm_u8x16_avgr( wasm_v128_load( src1+2*x+18 ), wasm_v128_load( src2+2*x+18 ) );
#define EVEN( a, b ) wasm_i8x16_shuffle( a, b, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30 )
#define ODD( a, b )  wasm_i8x16_shuffle( a, b, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31 )
            v128_t e01 = EVEN( r01a, r01b ), o01 = ODD( r01a, r01b ), n01 = EVEN( r01c, r01d );
            v128_t e12 = EVEN( r12a, r12b ), o12 = ODD( r12a, r12b ), n12 = EVEN( r12c, r12d );
#undef EVEN
#undef ODD
            wasm_v128_store( dst0+x, wasm_u8x16_avgr( e01, o01 ) );
            wasm_v128_store( dsth+x, wasm_u8x16_avgr( o01, n01 ) );
            wasm_v128_store( dstv+x, wasm_u8x16_avgr( e12, o12 ) );
            wasm_v128_store( dstc+x, wasm_u8x16_avgr( o12, n12 ) );
        }
        for( ; x < width; x++ )
        {
#define FILTER(a,b,c,d) ((((a+b+1)>>1)+((c+d+1)>>1)+1)>>1)
            dst0[x] = FILTER(src0[2*x  ], src1[2*x  ], src0[2*x+1], src1[2*x+1]);
            dsth[x] = FILTER(src0[2*x+1], src1[2*x+1], src0[2*x+2], src1[2*x+2]);
            dstv[x] = FILTER(src1[2*x  ], src2[2*x  ], src1[2*x+1], src2[2*x+1]);
            dstc[x] = FILTER(src1[2*x+1], src2[2*x+1], src1[2*x+2], src2[2*x+2]);
#undef FILTER
        }
        src0 += src_stride*2;
        dst0 += dst_stride;
        dsth += dst_stride;
        dstv += dst_stride;
        dstc += dst_stride;
    }
}

/**** chroma (de)interleave ****/

static void store_interleave_chroma( pixel *dst, intptr_t i_dst, pixel *srcu, pixel *srcv, int height )
{
    for( int y = 0; y < height; y++, dst += i_dst, srcu += FDEC_STRIDE, srcv += FDEC_STRIDE )
    {
        v128_t u = wasm_v128_load64_zero( srcu ), v = wasm_v128_load64_zero( srcv );
        wasm_v128_store( dst, wasm_i8x16_shuffle( u, v, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23 ) );
    }
}

WASM_INLINE void deinterleave8( pixel *dst, intptr_t i_dst, pixel *src, intptr_t i_src, int height )
{
    for( int y = 0; y < height; y++, dst += i_dst, src += i_src )
    {
        v128_t s = wasm_v128_load( src );
        v128_t d = wasm_i8x16_shuffle( s, s, 0, 2, 4, 6, 8, 10, 12, 14, 1, 3, 5, 7, 9, 11, 13, 15 );
        wasm_v128_store64_lane( dst, d, 0 );
        wasm_v128_store64_lane( dst + i_dst/2, d, 1 );
    }
}

static void load_deinterleave_chroma_fenc( pixel *dst, pixel *src, intptr_t i_src, int height )
{
    deinterleave8( dst, FENC_STRIDE, src, i_src, height );
}

static void load_deinterleave_chroma_fdec( pixel *dst, pixel *src, intptr_t i_src, int height )
{
    deinterleave8( dst, FDEC_STRIDE, src, i_src, height );
}

static void plane_copy_interleave( pixel *dst, intptr_t i_dst, pixel *srcu, intptr_t i_srcu,
                                   pixel *srcv, intptr_t i_srcv, int w, int h )
{
    for( int y = 0; y < h; y++, dst += i_dst, srcu += i_srcu, srcv += i_srcv )
    {
        int x = 0;
        for( ; x + 16 <= w; x += 16 )
        {
            v128_t u = wasm_v128_load( srcu+x ), v = wasm_v128_load( srcv+x );
            wasm_v128_store( dst+2*x,    wasm_i8x16_shuffle( u, v, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23 ) );
            wasm_v128_store( dst+2*x+16, wasm_i8x16_shuffle( u, v, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31 ) );
        }
        for( ; x < w; x++ )
        {
            dst[2*x]   = srcu[x];
            dst[2*x+1] = srcv[x];
        }
    }
}

static void plane_copy_deinterleave( pixel *dsta, intptr_t i_dsta, pixel *dstb, intptr_t i_dstb,
                                     pixel *src, intptr_t i_src, int w, int h )
{
    for( int y = 0; y < h; y++, dsta += i_dsta, dstb += i_dstb, src += i_src )
    {
        int x = 0;
        for( ; x + 16 <= w; x += 16 )
        {
            v128_t a = wasm_v128_load( src+2*x ), b = wasm_v128_load( src+2*x+16 );
            wasm_v128_store( dsta+x, wasm_i8x16_shuffle( a, b, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30 ) );
            wasm_v128_store( dstb+x, wasm_i8x16_shuffle( a, b, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31 ) );
        }
        for( ; x < w; x++ )
        {
            dsta[x] = src[2*x];
            dstb[x] = src[2*x+1];
        }
    }
}

void x264_mc_init_simd128( x264_mc_functions_t *pf )
{
    pf->mc_luma   = mc_luma;
    pf->get_ref   = get_ref;
    pf->mc_chroma = mc_chroma;

    pf->avg[PIXEL_16x16] = pixel_avg_16x16;
    pf->avg[PIXEL_16x8]  = pixel_avg_16x8;
    pf->avg[PIXEL_8x16]  = pixel_avg_8x16;
    pf->avg[PIXEL_8x8]   = pixel_avg_8x8;
    pf->avg[PIXEL_8x4]   = pixel_avg_8x4;
    pf->avg[PIXEL_4x16]  = pixel_avg_4x16;
    pf->avg[PIXEL_4x8]   = pixel_avg_4x8;
    pf->avg[PIXEL_4x4]   = pixel_avg_4x4;
    pf->avg[PIXEL_4x2]   = pixel_avg_4x2;
    pf->avg[PIXEL_2x8]   = pixel_avg_2x8;
    pf->avg[PIXEL_2x4]   = pixel_avg_2x4;
    pf->avg[PIXEL_2x2]   = pixel_avg_2x2;

    pf->copy_16x16_unaligned = mc_copy_w16;
    pf->copy[PIXEL_16x16] = mc_copy_w16;
    pf->copy[PIXEL_8x8]   = mc_copy_w8;
    pf->copy[PIXEL_4x4]   = mc_copy_w4;

    pf->store_interleave_chroma       = store_interleave_chroma;
    pf->load_deinterleave_chroma_fenc = load_deinterleave_chroma_fenc;
    pf->load_deinterleave_chroma_fdec = load_deinterleave_chroma_fdec;
    pf->plane_copy_interleave   = plane_copy_interleave;
    pf->plane_copy_deinterleave = plane_copy_deinterleave;

    pf->hpel_filter = hpel_filter;
    pf->frame_init_lowres_core = frame_init_lowres_core;
}
#endif /* !HIGH_BIT_DEPTH */
