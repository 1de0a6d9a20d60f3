/*
 * afmpeg: the wasm counterpart of x86/h264_qpel.c's ff_h264qpel_init_x86(). ff_h264qpel_init()
 * calls it after the C functions are chosen; with the SIMD128 cpu flag (always set in a
 * -msimd128 build, cleared by `-cpuflags 0`) and 8-bit depth it puts in h264qpel.c's kernels
 * for 16x16, 8x8 and 4x4 (put and avg, all 16 positions but the 4x4 full-pel copy; put 2x2
 * stays C).
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#include "config.h"
#include "libavutil/attributes.h"
#include "libavutil/cpu.h"
#include "libavcodec/h264qpel.h"
#include "h264dsp_wasm.h"

/* positions 1-15; mc00 separately */
#define SET_QPEL(TAB, IDX, OP, N)                                   \
    do {                                                            \
        c->TAB[IDX][ 1] = ff_##OP##_h264_qpel##N##_mc10_8_simd128;  \
        c->TAB[IDX][ 2] = ff_##OP##_h264_qpel##N##_mc20_8_simd128;  \
        c->TAB[IDX][ 3] = ff_##OP##_h264_qpel##N##_mc30_8_simd128;  \
        c->TAB[IDX][ 4] = ff_##OP##_h264_qpel##N##_mc01_8_simd128;  \
        c->TAB[IDX][ 5] = ff_##OP##_h264_qpel##N##_mc11_8_simd128;  \
        c->TAB[IDX][ 6] = ff_##OP##_h264_qpel##N##_mc21_8_simd128;  \
        c->TAB[IDX][ 7] = ff_##OP##_h264_qpel##N##_mc31_8_simd128;  \
        c->TAB[IDX][ 8] = ff_##OP##_h264_qpel##N##_mc02_8_simd128;  \
        c->TAB[IDX][ 9] = ff_##OP##_h264_qpel##N##_mc12_8_simd128;  \
        c->TAB[IDX][10] = ff_##OP##_h264_qpel##N##_mc22_8_simd128;  \
        c->TAB[IDX][11] = ff_##OP##_h264_qpel##N##_mc32_8_simd128;  \
        c->TAB[IDX][12] = ff_##OP##_h264_qpel##N##_mc03_8_simd128;  \
        c->TAB[IDX][13] = ff_##OP##_h264_qpel##N##_mc13_8_simd128;  \
        c->TAB[IDX][14] = ff_##OP##_h264_qpel##N##_mc23_8_simd128;  \
        c->TAB[IDX][15] = ff_##OP##_h264_qpel##N##_mc33_8_simd128;  \
    } while (0)

av_cold void ff_h264qpel_init_wasm(H264QpelContext *c, int bit_depth)
{
#if HAVE_SIMD128
    if (!(av_get_cpu_flags() & AV_CPU_FLAG_SIMD128) || bit_depth > 8)
        return;
    /* mc00 (full-pel copy) for 16x16 and 8x8; the 4x4 one stays C */
    c->put_h264_qpel_pixels_tab[0][0] = ff_put_h264_qpel16_mc00_8_simd128;
    c->put_h264_qpel_pixels_tab[1][0] = ff_put_h264_qpel8_mc00_8_simd128;
    c->avg_h264_qpel_pixels_tab[0][0] = ff_avg_h264_qpel16_mc00_8_simd128;
    c->avg_h264_qpel_pixels_tab[1][0] = ff_avg_h264_qpel8_mc00_8_simd128;
    SET_QPEL(put_h264_qpel_pixels_tab, 0, put, 16);
    SET_QPEL(put_h264_qpel_pixels_tab, 1, put, 8);
    SET_QPEL(put_h264_qpel_pixels_tab, 2, put, 4);
    SET_QPEL(avg_h264_qpel_pixels_tab, 0, avg, 16);
    SET_QPEL(avg_h264_qpel_pixels_tab, 1, avg, 8);
    SET_QPEL(avg_h264_qpel_pixels_tab, 2, avg, 4);
#endif
}
