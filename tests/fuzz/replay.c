/* replay.c: the standalone driver that replays a fuzz target's corpus in
 * `make check` (no libFuzzer needed). Built once per target as
 * build/tests/test_fuzz_<target>; with no arguments it feeds every file in
 * $TAAMA_ROOT/tests/fuzz/corpus/<target>/ to LLVMFuzzerTestOneInput, with
 * arguments it feeds those files (to rerun one reproducer under a debugger).
 * A crash, a sanitizer report or a failed check in the target fails the
 * run; so does an empty corpus (a replay that tests nothing). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

#ifndef FUZZ_TARGET
#error "build with -DFUZZ_TARGET=\"name\""
#endif

static char **files;
static int n_files;

static void run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    uint8_t *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            cap = cap ? cap * 2 : 4096;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        if (got == 0)
            break;
        len += got;
    }
    fclose(f);
    /* libFuzzer hands the target an exact-size buffer: keep that, so ASan
     * sees a read one past the end here too */
    uint8_t *exact = malloc(len ? len : 1);
    assert_non_null(exact);
    memcpy(exact, buf, len);
    free(buf);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
}

static void test_replay(void **st)
{
    (void)st;
    assert_true(n_files > 0);
    for (int i = 0; i < n_files; i++) {
        fprintf(stderr, "replay %s\n", files[i]);
        run_file(files[i]);
    }
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    static char *argfiles[4096];
    if (argc > 1) {
        files = argv + 1;
        n_files = argc - 1;
    } else {
        const char *root = getenv("TAAMA_ROOT");
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/tests/fuzz/corpus/%s", root && *root ? root : ".", FUZZ_TARGET);
        DIR *d = opendir(dir);
        struct dirent *de;
        while (d && (de = readdir(d)) != NULL && n_files < 4096) {
            if (de->d_name[0] == '.')
                continue;
            size_t n = strlen(dir) + strlen(de->d_name) + 2;
            argfiles[n_files] = malloc(n);
            if (!argfiles[n_files])
                return 1;
            snprintf(argfiles[n_files++], n, "%s/%s", dir, de->d_name);
        }
        if (d)
            closedir(d);
        qsort(argfiles, (size_t)n_files, sizeof *argfiles, by_name);
        files = argfiles;
    }
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_replay)};
    return cmocka_run_group_tests_name("fuzz_" FUZZ_TARGET, tests, NULL, NULL);
}
