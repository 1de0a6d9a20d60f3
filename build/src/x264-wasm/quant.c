/*
 * afmpeg: WebAssembly SIMD128 quantization for x264 (copied to common/wasm/quant.c).
 *
 * Why this exists: quant_4x4x4 is 1.6 % of the 720p veryfast profile and quant/dequant run on
 * every coded block; x86 runs them as assembly, wasm as scalar C. These are the same functions
 * in SIMD128, registered by x264_quant_init_simd128() from x264_quant_init() (patch 0001) under
 * X264_CPU_SIMD128, bit-exact with the C (checkasm), including its uint32 wrap-around:
 * the C computes ((bias + |coef|) * mf) >> 16 in uint32 and keeps the low 16 bits. With
 * a = bias + |coef| = a16 + carry*65536, those bits are (hi16(a16*mf) + carry*mf) mod 2^16,
 * which 16-bit lanes compute exactly.
 */
#include "common/common.h"
#include "quant.h"

#if !HIGH_BIT_DEPTH
#include "wasm-simd.h"

/* 8 coefficients quantized in place; returns them (for the nonzero test) */
WASM_INLINE v128_t quant8( dctcoef *dct, v128_t mf, v128_t bias )
{
    v128_t c = wasm_v128_load( dct );
    v128_t ac = wasm_i16x8_abs( c );                 /* |-32768| = 32768 as u16 */
    v128_t a = wasm_i16x8_add( ac, bias );           /* mod 2^16 */
    v128_t carry = wasm_u16x8_lt( a, ac );
    v128_t lo = wasm_u32x4_extmul_low_u16x8( a, mf );
    v128_t hi = wasm_u32x4_extmul_high_u16x8( a, mf );
    v128_t q = wasm_i16x8_shuffle( lo, hi, 1, 3, 5, 7, 9, 11, 13, 15 );
    q = wasm_i16x8_add( q, wasm_v128_and( carry, mf ) );
    /* coef > 0 keeps the sign, anything else (0 included) is negated, as in the C */
    v128_t r = wasm_v128_bitselect( q, wasm_i16x8_neg( q ), wasm_i16x8_gt( c, wasm_i16x8_splat( 0 ) ) );
    wasm_v128_store( dct, r );
    return r;
}

static int quant_4x4( dctcoef dct[16], udctcoef mf[16], udctcoef bias[16] )
{
    v128_t nz = wasm_v128_or( quant8( dct, wasm_v128_load( mf ), wasm_v128_load( bias ) ),
                              quant8( dct+8, wasm_v128_load( mf+8 ), wasm_v128_load( bias+8 ) ) );
    return wasm_v128_any_true( nz );
}

static int quant_4x4x4( dctcoef dct[4][16], udctcoef mf[16], udctcoef bias[16] )
{
    v128_t mf0 = wasm_v128_load( mf ), mf1 = wasm_v128_load( mf+8 );
    v128_t b0 = wasm_v128_load( bias ), b1 = wasm_v128_load( bias+8 );
    int nza = 0;
    for( int j = 0; j < 4; j++ )
    {
        v128_t nz = wasm_v128_or( quant8( dct[j], mf0, b0 ), quant8( dct[j]+8, mf1, b1 ) );
        nza |= wasm_v128_any_true( nz ) << j;
    }
    return nza;
}

static int quant_8x8( dctcoef dct[64], udctcoef mf[64], udctcoef bias[64] )
{
    v128_t nz = wasm_i16x8_splat( 0 );
    for( int i = 0; i < 64; i += 8 )
        nz = wasm_v128_or( nz, quant8( dct+i, wasm_v128_load( mf+i ), wasm_v128_load( bias+i ) ) );
    return wasm_v128_any_true( nz );
}

static int quant_4x4_dc( dctcoef dct[16], int mf, int bias )
{
    /* the int arguments come from the 16-bit tables (mf >> 1, bias << 1); should one not fit
     * 16 bits, the C formula */
    if( (unsigned)mf > 0xffff || (unsigned)bias > 0xffff )
    {
        int nz = 0;
        for( int i = 0; i < 16; i++ )
        {
            if( dct[i] > 0 )
                dct[i] = (bias + (uint32_t)dct[i]) * mf >> 16;
            else
                dct[i] = -(int32_t)((bias + (uint32_t)(-dct[i])) * mf >> 16);
            nz |= dct[i];
        }
        return !!nz;
    }
    v128_t vmf = wasm_i16x8_splat( mf ), vb = wasm_i16x8_splat( bias );
    v128_t nz = wasm_v128_or( quant8( dct, vmf, vb ), quant8( dct+8, vmf, vb ) );
    return wasm_v128_any_true( nz );
}

/* dequant: int16 coef * int32 table << or >> in 32 bits, keeping the low 16 bits as the C */
WASM_INLINE v128_t low16( v128_t lo, v128_t hi )
{
    return wasm_i16x8_shuffle( lo, hi, 0, 2, 4, 6, 8, 10, 12, 14 );
}

WASM_INLINE void dequant8_shl( dctcoef *dct, const int *mf, int qbits )
{
    v128_t c = wasm_v128_load( dct );
    v128_t lo = wasm_i32x4_shl( wasm_i32x4_mul( wasm_i32x4_extend_low_i16x8( c ), wasm_v128_load( mf ) ), qbits );
    v128_t hi = wasm_i32x4_shl( wasm_i32x4_mul( wasm_i32x4_extend_high_i16x8( c ), wasm_v128_load( mf+4 ) ), qbits );
    wasm_v128_store( dct, low16( lo, hi ) );
}

WASM_INLINE void dequant8_shr( dctcoef *dct, const int *mf, v128_t f, int shift )
{
    v128_t c = wasm_v128_load( dct );
    v128_t lo = wasm_i32x4_mul( wasm_i32x4_extend_low_i16x8( c ), wasm_v128_load( mf ) );
    v128_t hi = wasm_i32x4_mul( wasm_i32x4_extend_high_i16x8( c ), wasm_v128_load( mf+4 ) );
    lo = wasm_i32x4_shr( wasm_i32x4_add( lo, f ), shift );
    hi = wasm_i32x4_shr( wasm_i32x4_add( hi, f ), shift );
    wasm_v128_store( dct, low16( lo, hi ) );
}

static void dequant_4x4( dctcoef dct[16], int dequant_mf[6][16], int i_qp )
{
    const int i_mf = i_qp%6;
    const int i_qbits = i_qp/6 - 4;
    if( i_qbits >= 0 )
        for( int i = 0; i < 16; i += 8 )
            dequant8_shl( dct+i, dequant_mf[i_mf]+i, i_qbits );
    else
    {
        v128_t f = wasm_i32x4_splat( 1 << (-i_qbits-1) );
        for( int i = 0; i < 16; i += 8 )
            dequant8_shr( dct+i, dequant_mf[i_mf]+i, f, -i_qbits );
    }
}

static void dequant_8x8( dctcoef dct[64], int dequant_mf[6][64], int i_qp )
{
    const int i_mf = i_qp%6;
    const int i_qbits = i_qp/6 - 6;
    if( i_qbits >= 0 )
        for( int i = 0; i < 64; i += 8 )
            dequant8_shl( dct+i, dequant_mf[i_mf]+i, i_qbits );
    else
    {
        v128_t f = wasm_i32x4_splat( 1 << (-i_qbits-1) );
        for( int i = 0; i < 64; i += 8 )
            dequant8_shr( dct+i, dequant_mf[i_mf]+i, f, -i_qbits );
    }
}

void x264_quant_init_simd128( x264_quant_function_t *pf )
{
    pf->quant_4x4    = quant_4x4;
    pf->quant_4x4x4  = quant_4x4x4;
    pf->quant_8x8    = quant_8x8;
    pf->quant_4x4_dc = quant_4x4_dc;
    pf->dequant_4x4  = dequant_4x4;
    pf->dequant_8x8  = dequant_8x8;
}
#endif /* !HIGH_BIT_DEPTH */
