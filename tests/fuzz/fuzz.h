/* fuzz.h: what the fuzz targets in tests/fuzz/ share. Header-only, so each
 * target is one .c file built two ways (see the Makefile):
 *   - `make fuzz`: with clang -fsanitize=fuzzer,address,undefined, where
 *     libFuzzer supplies main() and mutates inputs;
 *   - `make check`: with the normal compiler and replay.c's main(), which
 *     feeds every file of tests/fuzz/corpus/<target>/ (seeds and the
 *     reproducers of crashes found so far) to the same entry point.
 *
 * Inputs made of several files are one buffer cut at lines "%%" (FZ_SEP),
 * so a seed stays a readable text file. Targets that need files write them
 * into one private temporary folder per process, removed at exit. */
#ifndef TESTS_FUZZ_FUZZ_H
#define TESTS_FUZZ_FUZZ_H

#include <errno.h>
#include <ftw.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FZ_SEP "\n%%\n"
enum { FZ_MAX_PARTS = 8 };

typedef struct {
    const char *p[FZ_MAX_PARTS];
    size_t len[FZ_MAX_PARTS];
    int n;
} FzParts;

/* Cut data at FZ_SEP into at most FZ_MAX_PARTS parts (the last takes the rest). */
static inline void fz_split(const uint8_t *data, size_t size, FzParts *out)
{
    const char *s = (const char *)data, *end = s + size;
    size_t seplen = strlen(FZ_SEP);
    out->n = 0;
    while (out->n < FZ_MAX_PARTS - 1) {
        const char *hit = NULL;
        for (const char *q = s; q + seplen <= end; q++)
            if (memcmp(q, FZ_SEP, seplen) == 0) {
                hit = q;
                break;
            }
        if (!hit)
            break;
        out->p[out->n] = s;
        out->len[out->n++] = (size_t)(hit - s);
        s = hit + seplen;
    }
    out->p[out->n] = s;
    out->len[out->n++] = (size_t)(end - s);
}

/* 1 when s[0..n) is well-formed UTF-8 (no overlong two-byte forms, no
 * truncated sequence; enough for the checks that use it). */
static inline int fz_valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2 : (c & 0xf8) == 0xf0 ? 3 : 9;
        if (k == 9 || c == 0xc0 || c == 0xc1 || i + k >= n)
            return 0;
        for (size_t j = 1; j <= k; j++)
            if ((s[i + j] & 0xc0) != 0x80)
                return 0;
        i += k + 1;
    }
    return 1;
}

static int fz_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    remove(path);
    return 0;
}

/* Remove a folder and everything in it (never follows links). */
static inline void fz_rm_tree(const char *dir) { nftw(dir, fz_rm_one, 16, FTW_DEPTH | FTW_PHYS); }

static char fz_root[64];

static void fz_cleanup(void)
{
    if (fz_root[0])
        fz_rm_tree(fz_root);
}

/* The process's private scratch folder, made on first use. */
static inline const char *fz_dir(void)
{
    if (!fz_root[0]) {
        snprintf(fz_root, sizeof fz_root, "/tmp/taama-fuzz-XXXXXX");
        if (!mkdtemp(fz_root)) {
            perror("mkdtemp");
            abort();
        }
        atexit(fz_cleanup);
    }
    return fz_root;
}

/* Write len bytes to dir/rel, making parent folders. -1 when that cannot
 * be done (a name the fuzzer chose may be a folder already). */
static inline int fz_try_write(const char *dir, const char *rel, const void *buf, size_t len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    for (char *q = path + 1; *q; q++)
        if (*q == '/') {
            *q = 0;
            if (mkdir(path, 0755) != 0 && errno != EEXIST)
                return -1;
            *q = '/';
        }
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int bad = len && fwrite(buf, 1, len, f) != len;
    return fclose(f) != 0 || bad ? -1 : 0;
}

/* As fz_try_write, for files the harness itself names: failing aborts
 * (the harness is broken, not the code under test). */
static inline void fz_write(const char *dir, const char *rel, const void *buf, size_t len)
{
    if (fz_try_write(dir, rel, buf, len) != 0) {
        perror(rel);
        abort();
    }
}

/* A fresh empty sub-folder of the scratch folder. */
static inline const char *fz_fresh(const char *name)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", fz_dir(), name);
    fz_rm_tree(path);
    if (mkdir(path, 0755) != 0) {
        perror(path);
        abort();
    }
    return path;
}

#endif
