/*
 * afmpeg: proves zlib's WebAssembly SIMD128 code (patches/zlib/) right, the way checkasm proves
 * FFmpeg's kernels. Run by build/steps/zlib.sh in Node; exits 1 on a difference, printing the
 * seed to rerun it with (`zlib-check SEED`).
 * - adler32 (0001-*) against the checksum's definition: random bytes and all-0xff bytes (the
 *   largest sums), every length up to 600, lengths around NMAX (5552) multiples, random lengths,
 *   offsets and starting values.
 * - inflate's match copies (0002-*) by round trip: data with matches at every distance from 1
 *   up (random, periodic with periods 1-33 and noise, PNG-like rows, words), deflated at levels 1,
 *   6 and 9 with the default, filtered and RLE strategies, inflated with output chunks from 1
 *   byte (no inflate_fast) to whole (300 and one PNG row reach back into the window), input
 *   whole or in pieces; the output must equal the input and no byte past it may be written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "zlib.h"

#define BASE 65521U
#define BUF_SIZE (4 * 5552 + 1024)
#define DATA_SIZE (80 * 1024)

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

static unsigned char data[DATA_SIZE], comp[DATA_SIZE + DATA_SIZE / 8 + 1024], result[DATA_SIZE + 64];

static void make_data(int kind)
{
    size_t i = 0;
    if (kind == 0) {
        for (; i < DATA_SIZE; i++)
            data[i] = (unsigned char)rnd();
    } else if (kind == 1) {
        while (i < DATA_SIZE) {
            unsigned period = 1 + rnd() % 33, run = 1 + rnd() % 2000;
            unsigned char pattern[33];
            for (unsigned k = 0; k < period; k++)
                pattern[k] = (unsigned char)rnd();
            for (unsigned k = 0; k < run && i < DATA_SIZE; k++, i++)
                data[i] = (rnd() % 97 == 0) ? (unsigned char)rnd() : pattern[k % period];
        }
    } else if (kind == 2) {
        const size_t row = 3 * 333 + 1;
        for (; i + row <= DATA_SIZE; i += row) {
            if (i >= row && rnd() % 3 == 0) {
                memcpy(data + i, data + i - row, row);
                continue;
            }
            data[i] = (unsigned char)(rnd() % 5);
            for (size_t x = 1; x < row;) {
                unsigned char rgb[3] = { (unsigned char)rnd(), (unsigned char)rnd(), (unsigned char)rnd() };
                for (size_t n = 1 + rnd() % 120; n-- && x + 3 <= row; x += 3)
                    memcpy(data + i + x, rgb, 3);
                if (x + 3 > row)
                    for (; x < row; x++)
                        data[i + x] = 0;
            }
        }
        for (; i < DATA_SIZE; i++)
            data[i] = 0;
    } else {
        static const char *const words[] = { "the ", "frame ", "filter ", "pixel ", "row ", "a ", "of ",
                                             "xfade ", "\n", "PNG ", "deflate ", "inflate " };
        while (i < DATA_SIZE) {
            const char *w = words[rnd() % 12];
            while (*w && i < DATA_SIZE)
                data[i++] = (unsigned char)*w++;
        }
    }
}

static void check_inflate(int level, int strategy, unsigned out_chunk, unsigned in_chunk, const char *what)
{
    z_stream d = { 0 }, f = { 0 };
    size_t comp_len, produced = 0;
    int ret = Z_OK;

    checks++;
    if (deflateInit2(&d, level, Z_DEFLATED, 15, 8, strategy) != Z_OK)
        goto fail;
    d.next_in = data;
    d.avail_in = DATA_SIZE;
    d.next_out = comp;
    d.avail_out = sizeof(comp);
    if (deflate(&d, Z_FINISH) != Z_STREAM_END)
        goto fail;
    comp_len = d.total_out;
    deflateEnd(&d);

    memset(result, 0xAA, sizeof(result));
    if (inflateInit(&f) != Z_OK)
        goto fail;
    f.next_in = comp;
    while (ret != Z_STREAM_END) {
        size_t room = sizeof(result) - produced;
        if (f.avail_in == 0) {
            size_t left = comp_len - (size_t)(f.next_in - comp);
            f.avail_in = (unsigned)(left < in_chunk ? left : in_chunk);
        }
        f.next_out = result + produced;
        f.avail_out = (unsigned)(room < out_chunk ? room : out_chunk);
        ret = inflate(&f, Z_NO_FLUSH);
        produced = f.total_out;
        if (ret != Z_OK && ret != Z_STREAM_END)
            break;
    }
    inflateEnd(&f);
    if (ret != Z_STREAM_END || produced != DATA_SIZE || memcmp(result, data, DATA_SIZE))
        goto fail;
    for (size_t i = DATA_SIZE; i < sizeof(result); i++)
        if (result[i] != 0xAA)
            goto fail;
    return;
fail:
    if (failures++ < 10)
        fprintf(stderr, "inflate round trip failed: %s, level %d, strategy %d, out %u, in %u\n", what,
                level, strategy, out_chunk, in_chunk);
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
    {
        static const char *const kinds[] = { "random", "periodic", "png rows", "words" };
        static const int levels[] = { 1, 6, 9 }, strategies[] = { Z_DEFAULT_STRATEGY, Z_FILTERED, Z_RLE };
        static const unsigned outs[] = { 1, 300, 1000, 3 * 333 + 1, DATA_SIZE + 64 }, ins[] = { 777, DATA_SIZE };
        for (int k = 0; k < 4; k++) {
            make_data(k);
            for (int l = 0; l < 3; l++)
                for (int st = 0; st < 3; st++)
                    for (int o = 0; o < 5; o++)
                        for (int n = 0; n < 2; n++)
                            check_inflate(levels[l], strategies[st], outs[o], ins[n], kinds[k]);
        }
    }
    printf("zlib: %u checks, %u failed (seed %u)\n", checks, failures, seed);
    return failures != 0;
}
