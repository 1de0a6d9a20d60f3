/*
 * afmpeg: declarations of x264's WebAssembly SIMD128 dct kernels (common/wasm/dct.c),
 * included by common/dct.c (patch 0001), which calls the init under X264_CPU_SIMD128.
 */
#ifndef X264_WASM_DCT_H
#define X264_WASM_DCT_H

#define x264_dct_init_simd128 x264_template(dct_init_simd128)
void x264_dct_init_simd128( x264_dct_function_t *dctf );

#endif
