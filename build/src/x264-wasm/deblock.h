/*
 * afmpeg: declarations of x264's WebAssembly SIMD128 deblocking (common/wasm/deblock.c),
 * included by common/deblock.c (patch 0001), which calls the init under X264_CPU_SIMD128.
 */
#ifndef X264_WASM_DEBLOCK_H
#define X264_WASM_DEBLOCK_H

#define x264_deblock_init_simd128 x264_template(deblock_init_simd128)
void x264_deblock_init_simd128( x264_deblock_function_t *pf );

#endif
