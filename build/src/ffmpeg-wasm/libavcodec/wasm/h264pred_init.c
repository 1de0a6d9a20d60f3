/*
 * afmpeg: the wasm counterpart of x86/h264_intrapred_init.c. ff_h264_pred_init() calls it after
 * the C functions are chosen; with the SIMD128 cpu flag (always set in a -msimd128 build,
 * cleared by `-cpuflags 0`), for H.264 at 8-bit depth it puts in h264pred.c's kernels: three
 * 16x16 modes and, for 4:2:0, six 8x8 chroma modes. VP8, RV40 and SVQ3, which share this
 * context with some modes of their own, keep the C functions.
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include "config.h"
#include "libavutil/attributes.h"
#include "libavutil/cpu.h"
#include "libavcodec/codec_id.h"
#include "libavcodec/h264pred.h"
#include "h264dsp_wasm.h"

av_cold void ff_h264_pred_init_wasm(H264PredContext *h, int codec_id, const int bit_depth,
                                    const int chroma_format_idc)
{
#if HAVE_SIMD128
    if (!(av_get_cpu_flags() & AV_CPU_FLAG_SIMD128) || bit_depth > 8 || codec_id != AV_CODEC_ID_H264)
        return;
    h->pred16x16[VERT_PRED8x8]    = ff_h264_pred16x16_vertical_8_simd128;
    h->pred16x16[TOP_DC_PRED8x8]  = ff_h264_pred16x16_top_dc_8_simd128;
    h->pred16x16[PLANE_PRED8x8]   = ff_h264_pred16x16_plane_8_simd128;
    if (chroma_format_idc <= 1) {
        h->pred8x8[VERT_PRED8x8]    = ff_h264_pred8x8_vertical_8_simd128;
        h->pred8x8[HOR_PRED8x8]     = ff_h264_pred8x8_horizontal_8_simd128;
        h->pred8x8[DC_PRED8x8]      = ff_h264_pred8x8_dc_8_simd128;
        h->pred8x8[LEFT_DC_PRED8x8] = ff_h264_pred8x8_left_dc_8_simd128;
        h->pred8x8[TOP_DC_PRED8x8]  = ff_h264_pred8x8_top_dc_8_simd128;
        h->pred8x8[PLANE_PRED8x8]   = ff_h264_pred8x8_plane_8_simd128;
    }
#endif
}
