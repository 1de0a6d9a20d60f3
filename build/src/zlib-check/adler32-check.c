/*
 * afmpeg: proves zlib's adler32 with the WebAssembly SIMD128 loop (patches/zlib/0001-*) equal to
 * the checksum's definition, the way checkasm proves FFmpeg's kernels: random bytes and all-0xff
 * bytes (the largest sums), every length up to 600, lengths around NMAX (5552) multiples, random
 * lengths, offsets and starting values. Run by build/steps/zlib.sh in Node; exits 1 on a
 * difference, printing the seed to rerun it with (`adler32-check SEED`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "zlib.h"

#define BASE 65521U
#define BUF_SIZE (4 * 5552 + 1024)

static unsigned long reference(unsigned long adler, const unsigned char *buf, size_t len)
{
    unsigned long s1 = adler & 0xffff, s2 = adler >> 16;
    for (size_t i = 0; i < len; i++) {
        s1 = (s1 + buf[i]) % BASE;
        s2 = (s2 + s1) % BASE;
    }
    return s1 | (s2 << 16);
}

static unsigned state;
static unsigned rnd(void)
{
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}

static unsigned char buf[BUF_SIZE + 16];
static unsigned checks, failures;

static void check(size_t off, size_t len)
{
    unsigned long start = (rnd() % 3 == 0) ? 1 : (rnd() % BASE) | ((unsigned long)(rnd() % BASE) << 16);
    unsigned long want = reference(start, buf + off, len), got = adler32_z(start, buf + off, len);
    checks++;
    if (got != want) {
        if (failures++ < 10)
            fprintf(stderr, "adler32_z(0x%08lx, +%zu, %zu) = 0x%08lx, want 0x%08lx\n", start, off, len, got, want);
    }
}

int main(int argc, char **argv)
{
    unsigned seed = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : (unsigned)time(NULL);
    state = seed | 1;
    for (int fill = 0; fill < 2; fill++) {
        for (size_t i = 0; i < sizeof(buf); i++)
            buf[i] = fill ? 0xff : (unsigned char)rnd();
        for (size_t len = 0; len <= 600; len++)
            check(rnd() % 16, len);
        for (size_t m = 1; m <= 4; m++)
            for (int d = -33; d <= 33; d++)
                if (5552 * m + d <= BUF_SIZE)
                    check(rnd() % 16, 5552 * m + d);
        for (int i = 0; i < 300; i++)
            check(rnd() % 16, rnd() % BUF_SIZE);
    }
    printf("adler32: %u checks, %u failed (seed %u)\n", checks, failures, seed);
    return failures != 0;
}
