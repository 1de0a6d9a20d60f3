/*
 * afmpeg: the WebAssembly SIMD128 parts of libswscale, called from ff_sws_init_swscale_wasm()
 * (swscale.c), which ff_sws_init_scale() calls like the other architectures' init functions.
 */
#ifndef SWSCALE_WASM_SWSCALE_WASM_H
#define SWSCALE_WASM_SWSCALE_WASM_H

#include "libswscale/swscale_internal.h"

void ff_sws_init_hscale_wasm(SwsContext *c);
void ff_sws_init_output_wasm(SwsContext *c);
void ff_sws_init_input_wasm(SwsContext *c);

#endif /* SWSCALE_WASM_SWSCALE_WASM_H */
