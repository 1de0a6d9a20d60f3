/*
 * afmpeg: declarations of x264's WebAssembly SIMD128 motion compensation (common/wasm/mc.c),
 * included by common/mc.c (patch 0001), which calls the init under X264_CPU_SIMD128.
 */
#ifndef X264_WASM_MC_H
#define X264_WASM_MC_H

#define x264_mc_init_simd128 x264_template(mc_init_simd128)
void x264_mc_init_simd128( x264_mc_functions_t *pf );

#endif
