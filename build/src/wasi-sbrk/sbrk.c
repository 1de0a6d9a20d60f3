/*
 * sbrk that grows the linear memory in large steps and hands out the reserve.
 *
 * Why: wasi-libc's malloc (dlmalloc) takes all its memory from sbrk, and wasi-libc's sbrk calls
 * memory.grow for exactly what each request needs. Every memory.grow costs about 1-2 ms in V8
 * (Node 20; measured in build/README.md, "memcpy, memset and sbrk"), whatever its size, and every run of the engine
 * starts from a fresh instance, so every frame-sized allocation on the way to a job's peak paid
 * one: sbrk was 12.7 % of the worker's time in a GIF export and 1.4 % of the reel.
 *
 * Here a grow takes at least GROW_MIN_PAGES (16 MiB) or a quarter of the memory so far, and the
 * reserve serves later calls without growing. Growth past what is touched costs address space,
 * not RSS (fresh pages are mapped on first touch). Where the large step does not fit under the
 * memory's maximum (the engine's memoryLimitMiB), the exact request is tried, so a capped run
 * still gets every page its cap allows and then a plain ENOMEM.
 *
 * The contract is wasi-libc's: page-multiple, non-negative increments (anything else aborts, as
 * there); sbrk(0) returns the current break; on failure errno = ENOMEM and (void *)-1. If
 * something else grows the memory (the preview1 adapter may, for its own state), the reserve left
 * below that growth is abandoned and the break restarts at the memory's end; dlmalloc already
 * treats a break that moved as a new segment.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#define PAGE 65536u
#define GROW_MIN_PAGES 256u

static uintptr_t brk_at;       /* the break: everything below it has been handed out */
static uint64_t reserve_end;   /* memory grown by this sbrk and not handed out: [brk_at, reserve_end) */

static uint64_t memory_end(void) { return (uint64_t)__builtin_wasm_memory_size(0) * PAGE; }

void *sbrk(intptr_t increment) {
  if (reserve_end != memory_end()) brk_at = (uintptr_t)(reserve_end = memory_end());
  if (increment == 0) return (void *)brk_at;
  if (increment < 0 || increment % PAGE != 0) abort();

  uint64_t left = reserve_end - brk_at;
  if ((uint64_t)increment > left) {
    size_t need = (size_t)(((uint64_t)increment - left) / PAGE);
    size_t have = (size_t)(reserve_end / PAGE);
    size_t want = have / 4 > GROW_MIN_PAGES ? have / 4 : GROW_MIN_PAGES;
    if (want < need) want = need;
    size_t old = __builtin_wasm_memory_grow(0, want);
    if (old == SIZE_MAX && want != need) old = __builtin_wasm_memory_grow(0, want = need);
    if (old == SIZE_MAX) {
      errno = ENOMEM;
      return (void *)-1;
    }
    reserve_end = ((uint64_t)old + want) * PAGE;
  }
  uintptr_t at = brk_at;
  brk_at += (uintptr_t)increment;
  return (void *)at;
}
