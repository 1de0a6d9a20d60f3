/*
 * afmpeg: the WebAssembly SIMD128 H.264 kernels (8-bit), picked by the wasm init functions
 * (h264chroma_init.c, h264dsp_init.c, h264qpel_init.c) that FFmpeg's own init functions call.
 *
 * This file is part of FFmpeg's build in afmpeg (LGPL-2.1-or-later, like FFmpeg).
 */
#ifndef AVCODEC_WASM_H264DSP_WASM_H
#define AVCODEC_WASM_H264DSP_WASM_H

#include <stddef.h>
#include <stdint.h>

/* h264chroma.c */
void ff_put_h264_chroma_mc8_8_simd128(uint8_t *dst, uint8_t *src, ptrdiff_t stride, int h, int x, int y);
void ff_avg_h264_chroma_mc8_8_simd128(uint8_t *dst, uint8_t *src, ptrdiff_t stride, int h, int x, int y);
void ff_put_h264_chroma_mc4_8_simd128(uint8_t *dst, uint8_t *src, ptrdiff_t stride, int h, int x, int y);
void ff_avg_h264_chroma_mc4_8_simd128(uint8_t *dst, uint8_t *src, ptrdiff_t stride, int h, int x, int y);

/* h264weight.c */
#define H264_WEIGHT_SIMD128_DECL(W)                                                            \
    void ff_h264_weight_pixels##W##_8_simd128(uint8_t *block, ptrdiff_t stride, int height,   \
                                              int log2_denom, int weight, int offset);         \
    void ff_h264_biweight_pixels##W##_8_simd128(uint8_t *dst, uint8_t *src, ptrdiff_t stride, \
                                                int height, int log2_denom, int weightd,       \
                                                int weights, int offset);
H264_WEIGHT_SIMD128_DECL(16)
H264_WEIGHT_SIMD128_DECL(8)
H264_WEIGHT_SIMD128_DECL(4)

/* h264idct.c */
void ff_h264_idct_add_8_simd128(uint8_t *dst, int16_t *block, int stride);
void ff_h264_idct8_add_8_simd128(uint8_t *dst, int16_t *block, int stride);
void ff_h264_idct_dc_add_8_simd128(uint8_t *dst, int16_t *block, int stride);
void ff_h264_idct8_dc_add_8_simd128(uint8_t *dst, int16_t *block, int stride);
void ff_h264_idct_add16_8_simd128(uint8_t *dst, const int *block_offset, int16_t *block,
                                  int stride, const uint8_t nnzc[5 * 8]);
void ff_h264_idct_add16intra_8_simd128(uint8_t *dst, const int *block_offset, int16_t *block,
                                       int stride, const uint8_t nnzc[5 * 8]);
void ff_h264_idct8_add4_8_simd128(uint8_t *dst, const int *block_offset, int16_t *block,
                                  int stride, const uint8_t nnzc[5 * 8]);
void ff_h264_idct_add8_8_simd128(uint8_t **dest, const int *block_offset, int16_t *block,
                                 int stride, const uint8_t nnzc[15 * 8]);
void ff_h264_idct_add8_422_8_simd128(uint8_t **dest, const int *block_offset, int16_t *block,
                                     int stride, const uint8_t nnzc[15 * 8]);

/* h264deblock.c */
#define H264_LF_SIMD128_DECL(NAME)                                                             \
    void ff_h264_##NAME##_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta, int8_t *tc0);
#define H264_LF_INTRA_SIMD128_DECL(NAME)                                                       \
    void ff_h264_##NAME##_8_simd128(uint8_t *pix, ptrdiff_t stride, int alpha, int beta);
H264_LF_SIMD128_DECL(v_loop_filter_luma)
H264_LF_SIMD128_DECL(h_loop_filter_luma)
H264_LF_SIMD128_DECL(h_loop_filter_luma_mbaff)
H264_LF_SIMD128_DECL(v_loop_filter_chroma)
H264_LF_SIMD128_DECL(h_loop_filter_chroma)
H264_LF_SIMD128_DECL(h_loop_filter_chroma_mbaff)
H264_LF_SIMD128_DECL(h_loop_filter_chroma422)
H264_LF_SIMD128_DECL(h_loop_filter_chroma422_mbaff)
H264_LF_INTRA_SIMD128_DECL(v_loop_filter_luma_intra)
H264_LF_INTRA_SIMD128_DECL(h_loop_filter_luma_intra)
H264_LF_INTRA_SIMD128_DECL(h_loop_filter_luma_mbaff_intra)
H264_LF_INTRA_SIMD128_DECL(v_loop_filter_chroma_intra)
H264_LF_INTRA_SIMD128_DECL(h_loop_filter_chroma_intra)
H264_LF_INTRA_SIMD128_DECL(h_loop_filter_chroma_mbaff_intra)
H264_LF_INTRA_SIMD128_DECL(h_loop_filter_chroma422_intra)
H264_LF_INTRA_SIMD128_DECL(h_loop_filter_chroma422_mbaff_intra)

/* h264pred.c */
void ff_h264_pred16x16_vertical_8_simd128(uint8_t *src, ptrdiff_t stride);
void ff_h264_pred16x16_top_dc_8_simd128(uint8_t *src, ptrdiff_t stride);
void ff_h264_pred16x16_plane_8_simd128(uint8_t *src, ptrdiff_t stride);
void ff_h264_pred8x8_vertical_8_simd128(uint8_t *src, ptrdiff_t stride);
void ff_h264_pred8x8_horizontal_8_simd128(uint8_t *src, ptrdiff_t stride);
void ff_h264_pred8x8_dc_8_simd128(uint8_t *src, ptrdiff_t stride);
void ff_h264_pred8x8_left_dc_8_simd128(uint8_t *src, ptrdiff_t stride);
void ff_h264_pred8x8_top_dc_8_simd128(uint8_t *src, ptrdiff_t stride);
void ff_h264_pred8x8_plane_8_simd128(uint8_t *src, ptrdiff_t stride);

/* h264qpel.c: ff_{put,avg}_h264_qpel{16,8,4}_mcXY_8_simd128, X, Y the quarter positions */
#define H264_QPEL_SIMD128_DECL(OP, N) \
    void ff_##OP##_h264_qpel##N##_mc10_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride); \
    void ff_##OP##_h264_qpel##N##_mc20_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride); \
    void ff_##OP##_h264_qpel##N##_mc30_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride); \
    void ff_##OP##_h264_qpel##N##_mc01_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride); \
    void ff_##OP##_h264_qpel##N##_mc11_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride); \
    void ff_##OP##_h264_qpel##N##_mc21_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride); \
    void ff_##OP##_h264_qpel##N##_mc31_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride); \
    void ff_##OP##_h264_qpel##N##_mc02_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride); \
    void ff_##OP##_h264_qpel##N##_mc12_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride); \
    void ff_##OP##_h264_qpel##N##_mc22_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride); \
    void ff_##OP##_h264_qpel##N##_mc32_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride); \
    void ff_##OP##_h264_qpel##N##_mc03_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride); \
    void ff_##OP##_h264_qpel##N##_mc13_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride); \
    void ff_##OP##_h264_qpel##N##_mc23_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride); \
    void ff_##OP##_h264_qpel##N##_mc33_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride);
void ff_put_h264_qpel16_mc00_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride);
void ff_put_h264_qpel8_mc00_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride);
void ff_avg_h264_qpel16_mc00_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride);
void ff_avg_h264_qpel8_mc00_8_simd128(uint8_t *dst, const uint8_t *src, ptrdiff_t stride);
H264_QPEL_SIMD128_DECL(put, 16)
H264_QPEL_SIMD128_DECL(put, 8)
H264_QPEL_SIMD128_DECL(put, 4)
H264_QPEL_SIMD128_DECL(avg, 16)
H264_QPEL_SIMD128_DECL(avg, 8)
H264_QPEL_SIMD128_DECL(avg, 4)

#endif /* AVCODEC_WASM_H264DSP_WASM_H */
