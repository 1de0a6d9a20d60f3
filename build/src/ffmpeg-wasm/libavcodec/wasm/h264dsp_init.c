/*
 * afmpeg: the wasm counterpart of x86/h264dsp_init.c. ff_h264dsp_init() calls it after the C
 * functions are chosen; with the SIMD128 cpu flag (always set in a -msimd128 build, cleared
 * by `-cpuflags 0`) and 8-bit depth it puts in the SIMD128 kernels: weighted prediction
 * (h264weight.c, 16, 8 and 4 wide), the inverse transforms (h264idct.c) and the loop filter (h264deblock.c).
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include "config.h"
#include "libavutil/attributes.h"
#include "libavutil/cpu.h"
#include "libavcodec/h264dsp.h"
#include "h264dsp_wasm.h"

av_cold void ff_h264dsp_init_wasm(H264DSPContext *c, const int bit_depth,
                                  const int chroma_format_idc)
{
#if HAVE_SIMD128
    if (!(av_get_cpu_flags() & AV_CPU_FLAG_SIMD128) || bit_depth > 8)
        return;
    c->weight_h264_pixels_tab[0]   = ff_h264_weight_pixels16_8_simd128;
    c->weight_h264_pixels_tab[1]   = ff_h264_weight_pixels8_8_simd128;
    c->weight_h264_pixels_tab[2]   = ff_h264_weight_pixels4_8_simd128;
    c->biweight_h264_pixels_tab[0] = ff_h264_biweight_pixels16_8_simd128;
    c->biweight_h264_pixels_tab[1] = ff_h264_biweight_pixels8_8_simd128;
    c->biweight_h264_pixels_tab[2] = ff_h264_biweight_pixels4_8_simd128;

    c->h264_idct_add        = ff_h264_idct_add_8_simd128;
    c->h264_idct8_add       = ff_h264_idct8_add_8_simd128;
    c->h264_idct_dc_add     = ff_h264_idct_dc_add_8_simd128;
    c->h264_idct8_dc_add    = ff_h264_idct8_dc_add_8_simd128;
    c->h264_idct_add16      = ff_h264_idct_add16_8_simd128;
    c->h264_idct_add16intra = ff_h264_idct_add16intra_8_simd128;
    c->h264_idct8_add4      = ff_h264_idct8_add4_8_simd128;
    c->h264_idct_add8       = chroma_format_idc <= 1 ? ff_h264_idct_add8_8_simd128
                                                 : ff_h264_idct_add8_422_8_simd128;

    c->h264_v_loop_filter_luma             = ff_h264_v_loop_filter_luma_8_simd128;
    c->h264_h_loop_filter_luma             = ff_h264_h_loop_filter_luma_8_simd128;
    c->h264_h_loop_filter_luma_mbaff       = ff_h264_h_loop_filter_luma_mbaff_8_simd128;
    c->h264_v_loop_filter_luma_intra       = ff_h264_v_loop_filter_luma_intra_8_simd128;
    c->h264_h_loop_filter_luma_intra       = ff_h264_h_loop_filter_luma_intra_8_simd128;
    c->h264_h_loop_filter_luma_mbaff_intra = ff_h264_h_loop_filter_luma_mbaff_intra_8_simd128;
    c->h264_v_loop_filter_chroma           = ff_h264_v_loop_filter_chroma_8_simd128;
    c->h264_v_loop_filter_chroma_intra     = ff_h264_v_loop_filter_chroma_intra_8_simd128;
    if (chroma_format_idc <= 1) {
        c->h264_h_loop_filter_chroma             = ff_h264_h_loop_filter_chroma_8_simd128;
        c->h264_h_loop_filter_chroma_mbaff       = ff_h264_h_loop_filter_chroma_mbaff_8_simd128;
        c->h264_h_loop_filter_chroma_intra       = ff_h264_h_loop_filter_chroma_intra_8_simd128;
        c->h264_h_loop_filter_chroma_mbaff_intra = ff_h264_h_loop_filter_chroma_mbaff_intra_8_simd128;
    } else {
        c->h264_h_loop_filter_chroma             = ff_h264_h_loop_filter_chroma422_8_simd128;
        c->h264_h_loop_filter_chroma_mbaff       = ff_h264_h_loop_filter_chroma422_mbaff_8_simd128;
        c->h264_h_loop_filter_chroma_intra       = ff_h264_h_loop_filter_chroma422_intra_8_simd128;
        c->h264_h_loop_filter_chroma_mbaff_intra = ff_h264_h_loop_filter_chroma422_mbaff_intra_8_simd128;
    }
#endif
}
