/*
 * afmpeg: declarations of x264's WebAssembly SIMD128 quant kernels (common/wasm/quant.c),
 * included by common/quant.c (patch 0001), which calls the init under X264_CPU_SIMD128.
 */
#ifndef X264_WASM_QUANT_H
#define X264_WASM_QUANT_H

#define x264_quant_init_simd128 x264_template(quant_init_simd128)
void x264_quant_init_simd128( x264_quant_function_t *pf );

#endif
