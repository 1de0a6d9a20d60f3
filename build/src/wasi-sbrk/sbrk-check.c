/*
 * Proves sbrk.c (linked ahead of wasi-libc, with a 256 MiB memory maximum: steps/libc-overrides.sh)
 * against sbrk's contract and dlmalloc's use of it:
 * - sbrk(0) is the break; each sbrk(n) returns the old break, moves it by exactly n, and every
 *   byte it hands out lies inside the memory and in no earlier region;
 * - 1000 one-page calls grow the memory only a few times (the point of sbrk.c);
 * - a page grown by someone else (as the preview1 adapter may) is never handed out;
 * - malloc/realloc/free of random sizes up to 8 MiB keep every byte written;
 * - near the maximum the exact request still succeeds, past it malloc returns NULL, and memory
 *   freed afterwards is allocated again.
 * Exit 1 on any failure.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PAGE 65536u
#define MAX_BYTES (256u << 20) /* the check's link sets --max-memory to this */

static unsigned long checks, failures;
static void expect(int ok, const char *what, long a, long b) {
  checks++;
  if (!ok && failures++ < 20) printf("FAIL %s (%ld, %ld)\n", what, a, b);
}
static uint64_t memory_end(void) { return (uint64_t)__builtin_wasm_memory_size(0) * PAGE; }

static uint32_t rng = 0x9e3779b9u;
static uint32_t next(void) { rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5; return rng; }

static void check_break(void) {
  uintptr_t brk0 = (uintptr_t)sbrk(0);
  expect(brk0 % PAGE == 0 && brk0 <= memory_end(), "first break", (long)brk0, (long)memory_end());
  uintptr_t prev = brk0;
  unsigned grows = 0;
  uint64_t size = memory_end();
  for (int i = 0; i < 1000; i++) {
    intptr_t n = (intptr_t)PAGE * (i % 7 == 0 ? 3 : 1);
    uintptr_t got = (uintptr_t)sbrk(n);
    expect(got == prev, "sbrk returns the old break", (long)got, (long)prev);
    expect((uint64_t)got + (uint64_t)n <= memory_end(), "region inside memory", (long)got, (long)n);
    expect((uintptr_t)sbrk(0) == got + (uintptr_t)n, "break moves by n", (long)sbrk(0), (long)n);
    ((volatile unsigned char *)got)[n - 1] = 1; /* touch the last byte: it must be mapped */
    if (memory_end() != size) grows++, size = memory_end();
    prev = got + (uintptr_t)n;
  }
  expect(grows <= 8, "few memory.grow calls for 1000 sbrk calls", (long)grows, 8);

  /* Someone else grows the memory by a page: sbrk must never hand that page out. */
  size_t foreign = __builtin_wasm_memory_grow(0, 1);
  expect(foreign != SIZE_MAX, "foreign grow", (long)foreign, 0);
  unsigned char *page = (unsigned char *)(uintptr_t)(foreign * PAGE);
  memset(page, 0xa5, PAGE);
  uintptr_t after = (uintptr_t)sbrk(PAGE * 2);
  expect(after >= (uintptr_t)page + PAGE, "foreign page not handed out", (long)after, (long)(uintptr_t)page);
  memset((void *)after, 0x5a, PAGE * 2);
  int intact = 1;
  for (unsigned i = 0; i < PAGE; i++) intact &= page[i] == 0xa5;
  expect(intact, "foreign page intact", 0, 0);
}

#define SLOTS 64
static void check_malloc(void) {
  unsigned char *p[SLOTS] = {0};
  size_t len[SLOTS] = {0};
  unsigned char tag[SLOTS] = {0};
  for (int round = 0; round < 4000; round++) {
    int s = (int)(next() % SLOTS);
    if (p[s]) {
      int ok = 1;
      for (size_t i = 0; i < len[s]; i += 1 + len[s] / 4096) ok &= p[s][i] == (unsigned char)(tag[s] + i);
      ok &= len[s] == 0 || p[s][len[s] - 1] == (unsigned char)(tag[s] + len[s] - 1);
      expect(ok, "malloc'd bytes kept", (long)round, (long)len[s]);
    }
    size_t n = next() % 8 == 0 ? next() % (8u << 20) : next() % 4096;
    if (p[s] && next() % 2) { /* realloc keeps the common prefix */
      unsigned char *q = realloc(p[s], n + 1);
      expect(q != NULL, "realloc", (long)n, 0);
      if (!q) continue;
      size_t keep = len[s] < n + 1 ? len[s] : n + 1;
      int ok = 1;
      for (size_t i = 0; i < keep; i += 1 + keep / 4096) ok &= q[i] == (unsigned char)(tag[s] + i);
      expect(ok, "realloc keeps bytes", (long)round, (long)keep);
      p[s] = q;
    } else {
      free(p[s]);
      p[s] = malloc(n + 1);
      expect(p[s] != NULL, "malloc", (long)n, 0);
      if (!p[s]) continue;
    }
    len[s] = n + 1;
    tag[s] = (unsigned char)next();
    for (size_t i = 0; i < len[s]; i++) p[s][i] = (unsigned char)(tag[s] + i);
  }
  for (int s = 0; s < SLOTS; s++) free(p[s]);
}

static void check_exhaustion(void) {
  /* 1 MiB blocks until the 256 MiB maximum: almost all of what is left must be usable. */
  void *blocks[300];
  int n = 0;
  while (n < 300 && (blocks[n] = malloc(1u << 20)) != NULL) {
    memset(blocks[n], n & 0xff, 1u << 20);
    n++;
  }
  expect(n < 300, "malloc returns NULL at the maximum", n, 300);
  expect(memory_end() + PAGE * 32 > MAX_BYTES, "memory grew to (near) the maximum", (long)(memory_end() >> 16), (long)(MAX_BYTES >> 16));
  void *small = malloc(100);
  expect(small != NULL || n > 0, "small malloc after exhaustion", 0, 0);
  while (n > 0) free(blocks[--n]);
  void *again = malloc(64u << 20);
  expect(again != NULL, "memory reusable after free", 0, 0);
  free(again);
  free(small);
}

int main(void) {
  check_break();
  check_malloc();
  check_exhaustion();
  printf("sbrk: %lu checks, %lu failed\n", checks, failures);
  return failures ? 1 : 0;
}
