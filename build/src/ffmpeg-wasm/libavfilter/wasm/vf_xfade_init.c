/*
 * afmpeg: xfade's WebAssembly init, called by ff_xfade_dsp_init() (patches/ffmpeg/0105-*) as
 * the other DSP contexts call their x86/aarch64 versions. With the SIMD128 cpu flag set it picks
 * the SIMD128 fade row; `-cpuflags 0` keeps the C one.
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include "config.h"
#include "libavutil/attributes.h"
#include "libavutil/cpu.h"
#include "libavfilter/xfadedsp.h"

void ff_xfade_fade8_simd128(uint8_t *dst, const uint8_t *a, const uint8_t *b, int width, float progress);

av_cold void ff_xfade_dsp_init_wasm(XFadeDSPContext *dsp)
{
#if HAVE_SIMD128
    if (av_get_cpu_flags() & AV_CPU_FLAG_SIMD128)
        dsp->fade8 = ff_xfade_fade8_simd128;
#endif
}
