/*
 * afmpeg: declarations of x264's WebAssembly SIMD128 pixel metrics (common/wasm/pixel.c),
 * included by common/pixel.c (patch 0001), which calls the init under X264_CPU_SIMD128.
 */
#ifndef X264_WASM_PIXEL_H
#define X264_WASM_PIXEL_H

#define x264_pixel_init_simd128 x264_template(pixel_init_simd128)
void x264_pixel_init_simd128( x264_pixel_function_t *pixf );

#endif
