/*
 * memcpy, memmove and memset on WebAssembly's bulk-memory instructions.
 *
 * Why: Debian's wasi-libc is built without -mbulk-memory, so its memcpy/memmove/memset are musl's
 * word loops. In the engine's profile of the reel they were 4.8 % and 3.6 % of the worker's time
 * (frame copies and clears in FFmpeg and x264). `memory.copy` and `memory.fill` are one
 * instruction each, which V8 runs as its native memmove/memset; Node 20 runs them without flags
 * (bulk memory is part of WebAssembly 2.0). Linked as an object into the multi-call module
 * (steps/libc-overrides.sh, steps/link.sh), it takes the place of libc.a's memcpy.o, memmove.o and
 * memset.o, which are then never pulled from the archive.
 *
 * Short lengths stay inline: a call out of wasm costs more than copying a few bytes, so below
 * BULK_MIN the bytes move as (possibly overlapping) 16/8/4/1-byte loads and stores. Every load
 * happens before any store, which makes the short path correct for overlapping memmove too, and
 * memory.copy has memmove's semantics, so memcpy and memmove are one function.
 *
 * Compiled with -ffreestanding so that clang never turns these bodies back into calls to
 * themselves; __builtin_memcpy/__builtin_memset with a length not known at compile time are
 * lowered to memory.copy/memory.fill under -mbulk-memory.
 */
#include <stddef.h>
#include <stdint.h>
#include <wasm_simd128.h>

#if !defined(__wasm_bulk_memory__) || !defined(__wasm_simd128__)
#error "bulk-memory.c needs -mbulk-memory -msimd128"
#endif

#ifndef BULK_MIN
#define BULK_MIN 64 /* build/README.md, "memcpy, memset and sbrk": measured */
#endif

static inline uint64_t load64(const unsigned char *p) { uint64_t v; __builtin_memcpy(&v, p, 8); return v; }
static inline void store64(unsigned char *p, uint64_t v) { __builtin_memcpy(p, &v, 8); }
static inline uint32_t load32(const unsigned char *p) { uint32_t v; __builtin_memcpy(&v, p, 4); return v; }
static inline void store32(unsigned char *p, uint32_t v) { __builtin_memcpy(p, &v, 4); }

/* n < BULK_MIN (<= 64): head and tail chunks overlap in the middle; loads first, then stores. */
static inline void move_short(unsigned char *d, const unsigned char *s, size_t n) {
  if (n >= 32) {
    v128_t a = wasm_v128_load(s), b = wasm_v128_load(s + 16);
    v128_t c = wasm_v128_load(s + n - 32), e = wasm_v128_load(s + n - 16);
    wasm_v128_store(d, a); wasm_v128_store(d + 16, b);
    wasm_v128_store(d + n - 32, c); wasm_v128_store(d + n - 16, e);
  } else if (n >= 16) {
    v128_t a = wasm_v128_load(s), b = wasm_v128_load(s + n - 16);
    wasm_v128_store(d, a); wasm_v128_store(d + n - 16, b);
  } else if (n >= 8) {
    uint64_t a = load64(s), b = load64(s + n - 8);
    store64(d, a); store64(d + n - 8, b);
  } else if (n >= 4) {
    uint32_t a = load32(s), b = load32(s + n - 4);
    store32(d, a); store32(d + n - 4, b);
  } else if (n) {
    unsigned char a = s[0], b = s[n >> 1], c = s[n - 1];
    d[0] = a; d[n >> 1] = b; d[n - 1] = c;
  }
}

void *memmove(void *dest, const void *src, size_t n) {
  if (n >= BULK_MIN) {
    __builtin_memmove(dest, src, n);
  } else {
    move_short(dest, src, n);
  }
  return dest;
}

void *memcpy(void *restrict dest, const void *restrict src, size_t n) {
  if (n >= BULK_MIN) {
    __builtin_memcpy(dest, src, n);
  } else {
    move_short(dest, src, n);
  }
  return dest;
}

void *memset(void *dest, int c, size_t n) {
  unsigned char *d = dest;
  if (n >= BULK_MIN) {
    __builtin_memset(dest, c, n);
  } else if (n >= 16) {
    v128_t v = wasm_i8x16_splat((int8_t)c);
    if (n >= 32) { wasm_v128_store(d + 16, v); wasm_v128_store(d + n - 32, v); }
    wasm_v128_store(d, v); wasm_v128_store(d + n - 16, v);
  } else if (n >= 8) {
    uint64_t v = (unsigned char)c * 0x0101010101010101ull;
    store64(d, v); store64(d + n - 8, v);
  } else if (n >= 4) {
    uint32_t v = (unsigned char)c * 0x01010101u;
    store32(d, v); store32(d + n - 4, v);
  } else if (n) {
    d[0] = (unsigned char)c; d[n >> 1] = (unsigned char)c; d[n - 1] = (unsigned char)c;
  }
  return dest;
}
