/*
 * afmpeg: the wasm counterpart of x86/h264chroma_init.c. ff_h264chroma_init() calls it after
 * the C functions are chosen; with the SIMD128 cpu flag (always set in a -msimd128 build,
 * cleared by `-cpuflags 0`) and 8-bit depth it puts in the SIMD128 kernels of h264chroma.c.
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include "config.h"
#include "libavutil/attributes.h"
#include "libavutil/cpu.h"
#include "libavcodec/h264chroma.h"
#include "h264dsp_wasm.h"

av_cold void ff_h264chroma_init_wasm(H264ChromaContext *c, int bit_depth)
{
#if HAVE_SIMD128
    if (!(av_get_cpu_flags() & AV_CPU_FLAG_SIMD128) || bit_depth > 8)
        return;
    c->put_h264_chroma_pixels_tab[0] = ff_put_h264_chroma_mc8_8_simd128;
    c->put_h264_chroma_pixels_tab[1] = ff_put_h264_chroma_mc4_8_simd128;
    c->avg_h264_chroma_pixels_tab[0] = ff_avg_h264_chroma_mc8_8_simd128;
    c->avg_h264_chroma_pixels_tab[1] = ff_avg_h264_chroma_mc4_8_simd128;
#endif
}
