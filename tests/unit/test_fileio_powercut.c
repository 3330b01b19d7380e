/* test_fileio_powercut.c: power loss during fileio's safe writes and a USB
 * export (issue 10; research table rows 5 and 12).
 *
 * fileio_cut_arm() makes the power fail at a chosen fileio step in a forked
 * child: data not yet fsynced is cut short or torn, renames and folders not
 * yet made durable by a folder fsync are kept or undone. After every cut:
 *   - a file replaced with fileio_write_atomic() holds exactly its old or
 *     exactly its new bytes;
 *   - on the stick, every export folder that has a manifest (the commit
 *     record) is complete: every file matches it and the signature
 *     verifies; a folder without one is ignored by taama-report; the export
 *     made before the cuts is untouched; and the next export succeeds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sodium.h>

#include "core/fileio.h"
#include "core/log.h"
#include "export/export.h"
#include "manifest/manifest.h"
#include "stats/stats.h"
#include "support.h"

static SupportTree tree;
static const char *data = tree.data, *stick = tree.stick;

static int setup(void **state)
{
    (void)state;
    if (support_tree_make(&tree, "fcut") != 0)
        return -1;
    log_set_quiet(1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return support_tree_remove(&tree) == 0 ? 0 : -1;
}

/* Run fn(arg) in a child with the power failing at step nth (0: never).
 * Returns the exit code; *steps (may be NULL) gets the steps counted. */
static int in_child(void (*fn)(void *), void *arg, int nth, uint64_t seed, int *steps)
{
    fflush(NULL);
    int p[2];
    assert_int_equal(pipe(p), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(p[0]);
        fileio_cut_arm(nth > 0 ? nth : 1000000, seed);
        fn(arg);
        int total = fileio_cut_steps();
        (void)!write(p[1], &total, sizeof total);
        _exit(0);
    }
    close(p[1]);
    int total = 0;
    if (read(p[0], &total, sizeof total) != (ssize_t)sizeof total)
        total = 0;
    close(p[0]);
    if (steps)
        *steps = total;
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    return WEXITSTATUS(status);
}

/* ---- one file replaced ---- */

enum { BIG = 300 * 1024 }; /* several 64 KiB buffers: several writes */
static char old_bytes[BIG], new_bytes[BIG];
static char target[PATH_MAX + 16];

static void replace_file(void *arg)
{
    (void)arg;
    if (fileio_write_atomic(target, new_bytes, BIG, 0644) != ERR_OK)
        _exit(1);
}

static void test_atomic_replace_old_or_new(void **state)
{
    (void)state;
    memset(old_bytes, 'o', BIG);
    for (int i = 0; i < BIG; i++)
        new_bytes[i] = (char)('a' + i % 26);
    snprintf(target, sizeof target, "%s/settings.json", data);
    assert_int_equal(fileio_write_atomic(target, old_bytes, BIG, 0644), ERR_OK);
    int steps = 0;
    assert_int_equal(in_child(replace_file, NULL, 0, 0, &steps), 0);
    assert_true(steps >= 5); /* open, writes, fsync, rename, folder fsync */
    int olds = 0, news = 0;
    for (int n = 1; n <= steps; n++)
        for (uint64_t seed = 1; seed <= 8; seed++) {
            assert_int_equal(fileio_write_atomic(target, old_bytes, BIG, 0644), ERR_OK);
            assert_int_equal(in_child(replace_file, NULL, n, seed * 31 + (uint64_t)n, NULL),
                             FILEIO_CUT_EXIT);
            char *got = NULL;
            size_t len = 0;
            assert_int_equal(fileio_read_all(target, 2 * BIG, &got, &len), ERR_OK);
            int is_old = len == BIG && memcmp(got, old_bytes, BIG) == 0;
            int is_new = len == BIG && memcmp(got, new_bytes, BIG) == 0;
            free(got);
            if (!is_old && !is_new)
                fail_msg("cut at step %d (seed %llu): %zu bytes, neither old nor new", n,
                         (unsigned long long)seed, len);
            olds += is_old;
            news += is_new;
        }
    assert_true(olds > 0 && news > 0);
    printf("atomic replace: %d steps x 8 seeds, old %d / new %d, never a mix\n", steps, olds, news);
}

/* ---- a USB export ---- */

static int32_t utc0(void *ctx, int64_t t)
{
    (void)ctx;
    (void)t;
    return 0;
}

static void do_export(void *arg)
{
    (void)arg;
    StatsOptions o = {.machine_id = "fcut", .utc_offset = utc0, .batch_ms = 1};
    Err why;
    Stats *s = stats_open_opts(data, &o, &why);
    if (!s)
        _exit(3);
    ExportRequest req = {.data_dir = data, .dest = stick, .now = 1767225600};
    ExportResult res;
    Err e = export_run(s, &req, &res);
    stats_close(s);
    if (e != ERR_OK)
        _exit(1);
}

/* Every committed export folder under the stick verifies; returns how many. */
static int committed_exports_verify(void)
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    char path[PATH_MAX * 2];
    snprintf(path, sizeof path, "%s/%s", data, EXPORT_KIOSK_PUB);
    assert_int_equal(export_read_hex_key(path, pk, sizeof pk), ERR_OK);
    char cmd[PATH_MAX + 64];
    snprintf(cmd, sizeof cmd, "find '%s' -name %s", stick, EXPORT_MANIFEST_NAME);
    FILE *f = popen(cmd, "r");
    assert_non_null(f);
    int n = 0;
    char line[PATH_MAX];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        char *folder = line;
        *strrchr(folder, '/') = '\0';
        char *man = NULL, *sig = NULL;
        size_t mlen = 0, slen = 0;
        assert_int_equal(fileio_read_regular(folder, EXPORT_MANIFEST_NAME, 1 << 20, &man, &mlen),
                         ERR_OK);
        assert_int_equal(fileio_read_regular(folder, EXPORT_SIG_NAME, 4096, &sig, &slen), ERR_OK);
        unsigned char sigbin[crypto_sign_BYTES];
        size_t got = 0;
        if (sodium_hex2bin(sigbin, sizeof sigbin, sig, slen, "\n", &got, NULL) != 0 ||
            got != sizeof sigbin ||
            crypto_sign_verify_detached(sigbin, (unsigned char *)man, mlen, pk) != 0)
            fail_msg("%s: committed, but its signature does not verify", folder);
        Err why = ERR_OK;
        Manifest *m = manifest_parse(man, mlen, &why);
        if (!m)
            fail_msg("%s: committed, but its manifest does not parse", folder);
        static const char *const ignore[] = {EXPORT_MANIFEST_NAME, EXPORT_SIG_NAME, NULL};
        if (manifest_verify_dir(m, folder, ignore, NULL, NULL) != ERR_OK)
            fail_msg("%s: committed, but a file differs from its manifest", folder);
        manifest_free(m);
        free(man);
        free(sig);
        n++;
    }
    pclose(f);
    return n;
}

static void test_export_power_cut_every_step(void **state)
{
    (void)state;
    /* some counts, and one export made before any cut */
    StatsOptions o = {.machine_id = "fcut", .utc_offset = utc0, .batch_ms = 1};
    Err why;
    Stats *s = stats_open_opts(data, &o, &why);
    assert_non_null(s);
    for (int i = 0; i < 50; i++) {
        StatEvent ev = {.kind = STAT_SESSION_START, .count = 1};
        assert_true(stats_record(s, &ev, 1767225600 + i * 3600) > 0);
    }
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    stats_close(s);
    int steps = 0;
    assert_int_equal(in_child(do_export, NULL, 0, 0, NULL), 0); /* makes the keys too */
    assert_int_equal(committed_exports_verify(), 1);
    assert_int_equal(in_child(do_export, NULL, 0, 0, &steps), 0); /* an ordinary export */
    assert_int_equal(committed_exports_verify(), 2);
    assert_true(steps >= 8);
    int cuts = 0;
    for (int n = 1; n <= steps; n++)
        for (uint64_t seed = 1; seed <= 3; seed++) {
            int code = in_child(do_export, NULL, n, seed * 131 + (uint64_t)n, NULL);
            assert_true(code == FILEIO_CUT_EXIT || code == 0); /* 0: finished before step n */
            cuts += code == FILEIO_CUT_EXIT;
            assert_true(committed_exports_verify() >= 2); /* the first two are untouched */
        }
    assert_true(cuts >= steps * 3 * 9 / 10);
    /* after all that, an export still works and verifies */
    assert_int_equal(in_child(do_export, NULL, 0, 0, NULL), 0);
    int n = committed_exports_verify();
    printf("export: %d steps, %d power cuts, %d committed exports, all complete\n", steps, cuts, n);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        T(test_atomic_replace_old_or_new),
        T(test_export_power_cut_every_step),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
