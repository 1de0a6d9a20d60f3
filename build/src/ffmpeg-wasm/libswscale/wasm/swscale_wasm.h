/*
 * afmpeg: the WebAssembly SIMD128 parts of libswscale, called from ff_sws_init_swscale_wasm()
 * (swscale.c), which ff_sws_init_scale() calls like the other architectures' init functions.
 */
#ifndef SWSCALE_WASM_SWSCALE_WASM_H
#define SWSCALE_WASM_SWSCALE_WASM_H

#include <wasm_simd128.h>

#include "libavutil/attributes.h"
#include "libswscale/swscale_internal.h"

void ff_sws_init_hscale_wasm(SwsContext *c);
void ff_sws_init_output_wasm(SwsContext *c);
void ff_sws_init_input_wasm(SwsContext *c);
void ff_sws_init_packed_wasm(SwsContext *c);
void ff_sws_init_packed_full_wasm(SwsContext *c);

/* Bytes 0, 3, 6, ... (c == 0), 1, 4, ... (c == 1) or 2, 5, ... (c == 2) of 48 bytes. */
static av_always_inline v128_t channel16(v128_t v0, v128_t v1, v128_t v2, const int c)
{
    v128_t t;
    if (c == 0) {
        t = wasm_i8x16_shuffle(v0, v1, 0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 0, 0, 0, 0, 0);
        return wasm_i8x16_shuffle(t, v2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 20, 23, 26, 29);
    } else if (c == 1) {
        t = wasm_i8x16_shuffle(v0, v1, 1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31, 0, 0, 0, 0, 0);
        return wasm_i8x16_shuffle(t, v2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 18, 21, 24, 27, 30);
    } else {
        t = wasm_i8x16_shuffle(v0, v1, 2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 0, 0, 0, 0, 0, 0);
        return wasm_i8x16_shuffle(t, v2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 19, 22, 25, 28, 31);
    }
}

#endif /* SWSCALE_WASM_SWSCALE_WASM_H */
