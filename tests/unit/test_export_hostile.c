/* test_export_hostile.c: issue 10 on the kiosk side of USB export.
 *
 * A stick is hostile: a link named taama-export (or named like this kiosk's
 * folder) pointing into the kiosk's own data folder must never receive the
 * export; it is refused with nothing written anywhere. And an export on
 * insert (no PIN asked) must be encrypted: without campaign.pub it is
 * refused and writes nothing; with it, only the sealed file reaches the
 * stick. */
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
#include <unistd.h>

#include <sodium.h>

#include "core/fileio.h"
#include "core/log.h"
#include "export/export.h"
#include "stats/stats.h"
#include "support.h"

static SupportTree tree;
static const char *root = tree.root, *data = tree.data, *stick = tree.stick;

static int32_t utc0(void *ctx, int64_t t)
{
    (void)ctx;
    (void)t;
    return 0;
}

static Stats *open_stats(void)
{
    StatsOptions o = {.machine_id = "hostile-test", .utc_offset = utc0, .batch_ms = 1};
    Err why;
    Stats *s = stats_open_opts(data, &o, &why);
    assert_non_null(s);
    StatEvent ev = {.kind = STAT_SESSION_START};
    assert_true(stats_record(s, &ev, 1767225600) > 0);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    return s;
}

static int setup(void **state)
{
    (void)state;
    if (support_tree_make(&tree, "exph") != 0)
        return -1;
    log_set_quiet(1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return support_tree_remove(&tree) == 0 ? 0 : -1;
}

/* Entries in dir (recursively, files only), to prove nothing was written. */
static int count_files(const char *dir)
{
    char cmd[PATH_MAX + 64];
    snprintf(cmd, sizeof cmd, "test $(find '%s' -type f | wc -l) -eq 0", dir);
    return system(cmd) == 0 ? 0 : 1;
}

/* Make the link stick/<taama-export or taama-export/KIOSK> -> victim and
 * export: refused, nothing in the victim folder. */
static void export_into_link(int kiosk_level)
{
    Stats *s = open_stats();
    StatsIdentity id;
    stats_identity(s, &id);
    char victim[PATH_MAX], link[PATH_MAX * 2], parent[PATH_MAX * 2];
    snprintf(victim, sizeof victim, "%s/victim", root); /* stands for /var/lib/taama */
    mkdir(victim, 0700);
    char rel[200];
    if (kiosk_level)
        snprintf(rel, sizeof rel, "%s/%s", EXPORT_ROOT_DIR, id.kiosk_id);
    else
        snprintf(rel, sizeof rel, "%s", EXPORT_ROOT_DIR);
    snprintf(link, sizeof link, "%s/%s", stick, rel);
    snprintf(parent, sizeof parent, "%s", link);
    *strrchr(parent, '/') = '\0';
    assert_int_equal(fileio_mkdir_p(parent, 0755), ERR_OK);
    assert_int_equal(symlink(victim, link), 0);
    ExportRequest req = {.data_dir = data, .dest = stick, .now = 1767225600};
    ExportResult res;
    assert_int_equal(export_run(s, &req, &res), ERR_PATH);
    assert_non_null(strstr(res.message, "link"));
    assert_int_equal(count_files(victim), 0);
    stats_close(s);
}

static void test_link_as_export_root(void **state)
{
    (void)state;
    export_into_link(0);
}

static void test_link_as_kiosk_folder(void **state)
{
    (void)state;
    export_into_link(1);
}

static void test_on_insert_needs_campaign_key(void **state)
{
    (void)state;
    Stats *s = open_stats();
    assert_int_equal(export_campaign_key_installed(data), 0);
    ExportRequest req = {.data_dir = data, .dest = stick, .now = 1767225600, .require_encryption = 1};
    ExportResult res;
    assert_int_equal(export_run(s, &req, &res), ERR_KEY);
    assert_non_null(strstr(res.message, "campaign key"));
    assert_int_equal(count_files(stick), 0);
    /* a damaged key counts as none */
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/%s", data, EXPORT_CAMPAIGN_PUB);
    assert_int_equal(fileio_write_atomic(path, "not hex\n", 8, 0644), ERR_OK);
    assert_int_equal(export_campaign_key_installed(data), 0);
    assert_int_not_equal(export_run(s, &req, &res), ERR_OK);
    assert_int_equal(count_files(stick), 0);
    /* with a key: sealed, and no plaintext counters anywhere on the stick */
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    crypto_box_keypair(pk, sk);
    assert_int_equal(export_write_hex_key(path, pk, sizeof pk, 0644), ERR_OK);
    assert_int_equal(export_campaign_key_installed(data), 1);
    assert_int_equal(export_run(s, &req, &res), ERR_OK);
    assert_int_equal(res.encrypted, 1);
    char cmd[PATH_MAX + 100];
    snprintf(cmd, sizeof cmd, "test -z \"$(find '%s' -name '%s')\"", stick, EXPORT_CSV_NAME);
    assert_int_equal(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "test -n \"$(find '%s' -name '%s')\"", stick, EXPORT_SEALED_NAME);
    assert_int_equal(system(cmd), 0);
    stats_close(s);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        T(test_link_as_export_root),
        T(test_link_as_kiosk_folder),
        T(test_on_insert_needs_campaign_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
