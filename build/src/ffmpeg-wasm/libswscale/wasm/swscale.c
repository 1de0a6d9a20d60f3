/*
 * afmpeg: libswscale's WebAssembly init, the wasm counterpart of x86/swscale.c's
 * ff_sws_init_swscale_x86(). ff_sws_init_scale() calls it after the C functions are chosen;
 * with the SIMD128 cpu flag set (always, in a -msimd128 build; `-cpuflags 0` clears it) it
 * replaces them with bit-exact SIMD128 versions.
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include "libavutil/attributes.h"
#include "libavutil/cpu.h"
#include "libswscale/swscale_internal.h"
#include "swscale_wasm.h"

av_cold void ff_sws_init_swscale_wasm(SwsContext *c)
{
    int cpu_flags = av_get_cpu_flags();

    if (!(cpu_flags & AV_CPU_FLAG_SIMD128))
        return;
    ff_sws_init_hscale_wasm(c);
    ff_sws_init_output_wasm(c);
    ff_sws_init_input_wasm(c);
    ff_sws_init_packed_wasm(c);
}
