/*
 * Proves bulk-memory.c's memcpy, memmove and memset against their definitions (byte loops through
 * volatile pointers, so clang cannot turn the reference back into a call to what it checks):
 * every length 0-300 and some large ones, every source and destination alignment 0-15, overlaps
 * in both directions for memmove, several fill values including ints outside 0-255. Bytes around
 * each destination (GUARD of them either side) are guards that must stay untouched; each function must return dest.
 *
 *   bulk-memory-check            run the checks, exit 1 on any difference
 *   bulk-memory-check --bench    ns per call at a range of lengths (link it with and without
 *                                bulk-memory.o to compare with wasi-libc's own functions)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define GUARD 64
#define AREA (2 * GUARD + 72000)

static unsigned char *buf_a, *buf_b;
static unsigned long checks, failures;
static uint32_t rng = 0x2545f491u;

static uint32_t next(void) { rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5; return rng; }
static void fill_random(unsigned char *p, size_t n) { for (size_t i = 0; i < n; i++) p[i] = (unsigned char)next(); }

static void ref_move(unsigned char *d, const unsigned char *s, size_t n) {
  volatile unsigned char *vd = d; const volatile unsigned char *vs = s;
  if (d < s) for (size_t i = 0; i < n; i++) vd[i] = vs[i];
  else for (size_t i = n; i-- > 0;) vd[i] = vs[i];
}
static void ref_set(unsigned char *d, int c, size_t n) {
  volatile unsigned char *vd = d;
  for (size_t i = 0; i < n; i++) vd[i] = (unsigned char)c;
}

static void expect(int ok, const char *what, size_t n, long a, long b) {
  checks++;
  if (!ok && failures++ < 20) printf("FAIL %s n=%zu (%ld, %ld)\n", what, n, a, b);
}

/* Both buffers start equal over the window [lo, hi) (source, destination and GUARD bytes either
 * side); the function under test runs on buf_a, the reference on buf_b. */
static size_t win_lo, win_hi;
static void same_start(size_t src, size_t dst, size_t n) {
  win_lo = (src < dst ? src : dst) - GUARD;
  win_hi = (src > dst ? src : dst) + n + GUARD;
  fill_random(buf_a + win_lo, win_hi - win_lo);
  ref_move(buf_b + win_lo, buf_a + win_lo, win_hi - win_lo);
}
static int same_end(void) {
  volatile unsigned char *a = buf_a, *b = buf_b;
  for (size_t i = win_lo; i < win_hi; i++) if (a[i] != b[i]) return 0;
  return 1;
}

static void check_copy(size_t n, size_t da, size_t sa) {
  size_t src = GUARD + sa, dst = GUARD + 36000 + da; /* disjoint: the largest length is 34999 */
  same_start(src, dst, n);
  void *r = memcpy(buf_a + dst, buf_a + src, n);
  ref_move(buf_b + dst, buf_b + src, n);
  expect(r == buf_a + dst && same_end(), "memcpy", n, (long)da, (long)sa);
}

static void check_move(size_t n, size_t base, long shift) {
  size_t src = GUARD + base, dst = (size_t)((long)src + shift);
  same_start(src, dst, n);
  void *r = memmove(buf_a + dst, buf_a + src, n);
  ref_move(buf_b + dst, buf_b + src, n);
  expect(r == buf_a + dst && same_end(), "memmove", n, (long)base, shift);
}

static void check_set(size_t n, size_t da, int c) {
  size_t dst = GUARD + da;
  same_start(dst, dst, n);
  void *r = memset(buf_a + dst, c, n);
  ref_set(buf_b + dst, c, n);
  expect(r == buf_a + dst && same_end(), "memset", n, (long)da, c);
}

static size_t lengths[400];
static size_t n_lengths;

static void run_checks(void) {
  for (size_t n = 0; n <= 300; n++) lengths[n_lengths++] = n;
  static const size_t large[] = {511, 512, 1023, 1024, 1920, 4095, 4096, 4097, 8191, 32768, 34999};
  for (size_t i = 0; i < sizeof large / sizeof *large; i++) lengths[n_lengths++] = large[i];
  static const int values[] = {0, 1, 0x7f, 0x80, 0xff, -1, 0x1ab, -200};
  for (size_t li = 0; li < n_lengths; li++) {
    size_t n = lengths[li];
    size_t step = n > 300 ? 5 : 1; /* fewer alignments for the large lengths: each check is O(AREA) */
    for (size_t da = 0; da < 16; da += step)
      for (size_t sa = 0; sa < 16; sa += step) check_copy(n, da, sa);
    for (long shift = -70; shift <= 70; shift += (n > 300 ? 7 : 1))
      for (size_t base = 0; base < 16; base += (n > 300 ? 5 : 3)) check_move(n, 100 + base, shift);
    for (size_t v = 0; v < sizeof values / sizeof *values; v++)
      for (size_t da = 0; da < 16; da += (n > 300 ? 5 : 1)) check_set(n, da, values[v]);
  }
}

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

/* The call goes through a volatile pointer so that clang cannot inline or fold it. */
static void *(*volatile copy_fn)(void *, const void *, size_t) = memcpy;
static void *(*volatile set_fn)(void *, int, size_t) = memset;

static void run_bench(void) {
  static const size_t sizes[] = {4, 8, 16, 24, 32, 48, 64, 96, 128, 256, 512, 1920, 4096, 65536};
  printf("%8s %12s %12s\n", "bytes", "memcpy ns", "memset ns");
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
    size_t n = sizes[i], reps = 20000000 / (n + 64);
    double t0 = now_ns();
    for (size_t r = 0; r < reps; r++) copy_fn(buf_a + GUARD + (r & 7), buf_b + GUARD + (r & 3), n);
    double t1 = now_ns();
    for (size_t r = 0; r < reps; r++) set_fn(buf_a + GUARD + (r & 7), (int)r, n);
    double t2 = now_ns();
    printf("%8zu %12.1f %12.1f\n", n, (t1 - t0) / reps, (t2 - t1) / reps);
  }
}

int main(int argc, char **argv) {
  buf_a = malloc(AREA);
  buf_b = malloc(AREA);
  if (!buf_a || !buf_b) return 2;
  if (argc > 1 && !strcmp(argv[1], "--bench")) { run_bench(); return 0; }
  run_checks();
  printf("bulk-memory: %lu checks, %lu failed\n", checks, failures);
  return failures ? 1 : 0;
}
