/* test_export.c: the kiosk side of USB export against the real statistics
 * store: layout, signature, encryption, sequence numbers, a failure
 * injected at every file operation, keys, and the mount-table watcher. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
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
#include "manifest/manifest.h"
#include "stats/stats.h"

static char root[256], data[PATH_MAX], stick[PATH_MAX];

static int32_t utc0(void *ctx, int64_t t)
{
    (void)ctx;
    (void)t;
    return 0;
}

static Stats *open_stats(const char *dir, const char *machine)
{
    StatsOptions o = {.machine_id = machine, .utc_offset = utc0, .batch_ms = 1};
    Err why;
    Stats *s = stats_open_opts(dir, &o, &why);
    assert_non_null(s);
    return s;
}

/* A few days of plausible activity; returns sessions recorded. */
static int record_some(Stats *s, int64_t t0, int days, int per_day)
{
    int n = 0;
    for (int d = 0; d < days; d++)
        for (int i = 0; i < per_day; i++) {
            int64_t t = t0 + d * 86400 + i * 60;
            StatEvent ev = {.kind = STAT_SESSION_START};
            assert_true(stats_record(s, &ev, t) > 0);
            StatEvent lang = {.kind = STAT_LANGUAGE_CHOSEN};
            snprintf(lang.lang, sizeof lang.lang, "%s", i % 3 ? "fr" : "ar");
            stats_record(s, &lang, t);
            StatEvent mod = {.kind = STAT_MODULE_OPENED};
            snprintf(mod.lang, sizeof mod.lang, "fr");
            snprintf(mod.module, sizeof mod.module, "rights");
            stats_record(s, &mod, t);
            n++;
        }
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    return n;
}

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/taama-export-XXXXXX");
    if (!mkdtemp(root))
        return -1;
    snprintf(data, sizeof data, "%s/data", root);
    snprintf(stick, sizeof stick, "%s/stick", root);
    mkdir(data, 0700);
    mkdir(stick, 0755);
    fileio_fault_clear();
    log_set_quiet(1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fileio_fault_clear();
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

/* Count regular files under dir, recursively; names starting with '.'
 * (temporary files) counted separately. */
static void count_files(const char *dir, int *files, int *temps)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        char p[PATH_MAX];
        snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
        struct stat st;
        if (lstat(p, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            count_files(p, files, temps);
        else if (de->d_name[0] == '.')
            (*temps)++;
        else
            (*files)++;
    }
    closedir(d);
}

static void test_export_layout_and_signature(void **state)
{
    (void)state;
    Stats *s = open_stats(data, "machine-a");
    record_some(s, 1700000000, 3, 5);
    ExportRequest req = {.data_dir = data, .dest = stick, .kiosk_label = "Agadez bus station", .now = 1700400000};
    ExportResult res;
    assert_int_equal(export_run(s, &req, &res), ERR_OK);
    assert_int_equal(res.err, ERR_OK);
    assert_int_equal(res.seq, 1);
    assert_true(res.rows > 0);
    assert_non_null(strstr(res.message, "remove the stick"));
    StatsIdentity id;
    stats_identity(s, &id);
    char want[PATH_MAX + 64];
    snprintf(want, sizeof want, "%s/taama-export/%s/%lld-000001", stick, id.kiosk_id, (long long)id.epoch);
    assert_string_equal(res.folder, want);

    /* The manifest verifies, is signed by kiosk.pub, lists the CSV. */
    char p[PATH_MAX + 80];
    snprintf(p, sizeof p, "%s/manifest.json", res.folder);
    char *mb;
    size_t ml;
    assert_int_equal(fileio_read_all(p, 1 << 20, &mb, &ml), ERR_OK);
    Err why;
    Manifest *m = manifest_parse(mb, ml, &why);
    assert_non_null(m);
    assert_string_equal(manifest_get(m, "kiosk_id"), id.kiosk_id);
    assert_string_equal(manifest_get(m, "kiosk_label"), "Agadez bus station");
    assert_string_equal(manifest_get(m, "encrypted"), "0");
    assert_string_equal(manifest_get(m, "day_first"), "2023-11-14");
    assert_string_equal(manifest_get(m, "day_last"), "2023-11-16");
    const char *ign[] = {"manifest.json", "manifest.sig", NULL};
    assert_int_equal(manifest_verify_dir(m, res.folder, ign, NULL, NULL), ERR_OK);
    unsigned char pk[32], sig[64];
    snprintf(p, sizeof p, "%s/kiosk.pub", data);
    assert_int_equal(export_read_hex_key(p, pk, 32), ERR_OK);
    char pkhex[65];
    sodium_bin2hex(pkhex, sizeof pkhex, pk, 32);
    assert_string_equal(manifest_get(m, "kiosk_pubkey"), pkhex);
    snprintf(p, sizeof p, "%s/manifest.sig", res.folder);
    assert_int_equal(export_read_hex_key(p, sig, 64), ERR_OK);
    assert_int_equal(crypto_sign_verify_detached(sig, (unsigned char *)mb, ml, pk), 0);
    mb[10] ^= 1;
    assert_int_not_equal(crypto_sign_verify_detached(sig, (unsigned char *)mb, ml, pk), 0);
    free(mb);
    manifest_free(m);

    /* CSV: BOM, header, CRLF, one line per row. */
    snprintf(p, sizeof p, "%s/counters.csv", res.folder);
    char *csv;
    size_t cl;
    assert_int_equal(fileio_read_all(p, 1 << 20, &csv, &cl), ERR_OK);
    assert_memory_equal(csv, "\xEF\xBB\xBF" "day,metric,lang,module,item,value\r\n", 3 + 35);
    int lines = 0;
    for (size_t i = 0; i < cl; i++)
        lines += csv[i] == '\n';
    assert_int_equal(lines, res.rows + 1);
    assert_non_null(strstr(csv, "2023-11-14,module_opened,fr,rights,,5\r\n"));
    free(csv);

    /* Remembered; the next export gets the next number. */
    char buf[32];
    assert_int_equal(stats_meta_get(s, "export.last_seq", buf, sizeof buf), ERR_OK);
    assert_string_equal(buf, "1");
    assert_int_equal(export_run(s, &req, &res), ERR_OK);
    assert_int_equal(res.seq, 2);
    stats_close(s);

    /* Keys: secret 0600. */
    struct stat st;
    snprintf(p, sizeof p, "%s/kiosk.key", data);
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
}

static void test_export_encrypted(void **state)
{
    (void)state;
    unsigned char cpk[32], csk[32];
    crypto_box_keypair(cpk, csk);
    char p[PATH_MAX + 80];
    snprintf(p, sizeof p, "%s/campaign.pub", data);
    assert_int_equal(export_write_hex_key(p, cpk, 32, 0644), ERR_OK);
    Stats *s = open_stats(data, "machine-a");
    record_some(s, 1700000000, 2, 3);
    ExportRequest req = {.data_dir = data, .dest = stick, .now = 1};
    ExportResult res;
    assert_int_equal(export_run(s, &req, &res), ERR_OK);
    assert_int_equal(res.encrypted, 1);
    snprintf(p, sizeof p, "%s/counters.csv", res.folder);
    struct stat st;
    assert_int_not_equal(stat(p, &st), 0); /* no plaintext on the stick */
    snprintf(p, sizeof p, "%s/counters.csv.sealed", res.folder);
    char *c;
    size_t cl;
    assert_int_equal(fileio_read_all(p, 1 << 20, &c, &cl), ERR_OK);
    for (size_t i = 0; i + 13 <= cl; i++)
        assert_int_not_equal(memcmp(c + i, "session_start", 13), 0);
    unsigned char *plain = malloc(cl);
    assert_int_equal(crypto_box_seal_open(plain, (unsigned char *)c, cl, cpk, csk), 0);
    assert_memory_equal(plain, "\xEF\xBB\xBF" "day,", 7);
    free(plain);
    free(c);

    /* A damaged campaign key never falls back to plaintext. */
    snprintf(p, sizeof p, "%s/campaign.pub", data);
    assert_int_equal(fileio_write_atomic(p, "not hex\n", 8, 0644), ERR_OK);
    assert_int_equal(export_run(s, &req, &res), ERR_KEY);
    assert_non_null(strstr(res.message, "Export failed"));
    stats_close(s);
}

/* Fail every file operation of an export in turn, with the errors a stick
 * gives (EIO when pulled, ENOSPC when full, EROFS when locked), and a stick
 * that silently corrupts a write. Each time: the export reports failure,
 * the kiosk does not record it, the stick holds no committed export and no
 * temporary file, and the next export (fault gone) succeeds. */
static void test_export_fault_every_step(void **state)
{
    (void)state;
    Stats *s = open_stats(data, "machine-a");
    record_some(s, 1700000000, 2, 4);
    assert_int_equal(export_keys_ensure(data, NULL), ERR_OK);
    ExportRequest req = {.data_dir = data, .dest = stick, .now = 5};
    ExportResult res;

    /* A clean run to count the operations. */
    fileio_fault_clear();
    assert_int_equal(export_run(s, &req, &res), ERR_OK);
    int calls[FILEIO_OP__COUNT];
    for (int op = 0; op < FILEIO_OP__COUNT; op++)
        calls[op] = fileio_fault_calls((FileioOp)op);
    calls[FILEIO_OP_CORRUPT] = calls[FILEIO_OP_WRITE];
    assert_true(calls[FILEIO_OP_WRITE] >= 3 && calls[FILEIO_OP_FSYNC] >= 3 && calls[FILEIO_OP_DIRFSYNC] >= 3);

    const int errs[] = {EIO, ENOSPC, EROFS};
    int cases = 0;
    for (int op = 0; op < FILEIO_OP__COUNT; op++) {
        for (int nth = 1; nth <= calls[op]; nth++) {
            for (int ei = 0; ei < (op == FILEIO_OP_CORRUPT ? 1 : 3); ei++) {
                char before[32] = "", after[32] = "";
                stats_meta_get(s, "export.last_seq", before, sizeof before);
                char cmd[PATH_MAX + 32];
                snprintf(cmd, sizeof cmd, "rm -rf '%s'/*", stick);
                assert_int_equal(system(cmd), 0);
                /* Fresh stick each time: mkdir counts differ otherwise. */
                fileio_fault_clear();
                fileio_fault_set((FileioOp)op, nth, errs[ei]);
                Err e = export_run(s, &req, &res);
                fileio_fault_clear();
                cases++;
                if (e == ERR_OK) {
                    /* Only acceptable if the fault never fired (e.g. a
                     * mkdir that was not needed). It must then be real. */
                    assert_true(op == FILEIO_OP_MKDIR);
                    continue;
                }
                assert_non_null(strstr(res.message, "Export failed"));
                if (op != FILEIO_OP_CORRUPT && errs[ei] == ENOSPC)
                    assert_non_null(strstr(res.message, "full"));
                if (op != FILEIO_OP_CORRUPT && errs[ei] == EROFS)
                    assert_non_null(strstr(res.message, "read-only"));
                if (op == FILEIO_OP_CORRUPT)
                    assert_int_equal(e, ERR_HASH);
                stats_meta_get(s, "export.last_seq", after, sizeof after);
                assert_string_equal(before, after);
                int files = 0, temps = 0;
                count_files(stick, &files, &temps);
                assert_int_equal(temps, 0);
                assert_int_equal(files, 0); /* cleaned up: nothing committed */
            }
        }
    }
    assert_true(cases > 20);
    /* The fault gone, exporting works and numbers only grew. */
    assert_int_equal(export_run(s, &req, &res), ERR_OK);
    assert_true(res.seq > 2);
    stats_close(s);
}

static void test_export_bad_destinations(void **state)
{
    (void)state;
    Stats *s = open_stats(data, "machine-a");
    record_some(s, 1700000000, 1, 2);
    ExportResult res;
    /* A destination that is a file, not a folder. */
    char f[PATH_MAX + 16];
    snprintf(f, sizeof f, "%s/file", root);
    assert_int_equal(fileio_write_atomic(f, "x", 1, 0644), ERR_OK);
    ExportRequest req = {.data_dir = data, .dest = f, .now = 1};
    assert_int_not_equal(export_run(s, &req, &res), ERR_OK);
    char buf[32] = "";
    assert_int_equal(stats_meta_get(s, "export.last_seq", buf, sizeof buf), ERR_NOTFOUND);
    /* A damaged kiosk key is reported and never replaced. */
    char k[PATH_MAX + 16];
    snprintf(k, sizeof k, "%s/kiosk.key", data);
    assert_int_equal(fileio_write_atomic(k, "garbage\n", 8, 0600), ERR_OK);
    req.dest = stick;
    assert_int_equal(export_run(s, &req, &res), ERR_KEY);
    char *kb;
    size_t kl;
    assert_int_equal(fileio_read_all(k, 100, &kb, &kl), ERR_OK);
    assert_string_equal(kb, "garbage\n");
    free(kb);
    stats_close(s);
}

static void test_mounts(void **state)
{
    (void)state;
    const char *before_txt = "/dev/mmcblk0p2 / ext4 rw,noatime 0 0\n"
                             "proc /proc proc rw 0 0\n"
                             "tmpfs /run tmpfs rw 0 0\n"
                             "tmpfs /mnt/ram tmpfs rw 0 0\n";
    const char *after_txt = "/dev/mmcblk0p2 / ext4 rw,noatime 0 0\n"
                            "proc /proc proc rw 0 0\n"
                            "tmpfs /run tmpfs rw 0 0\n"
                            "tmpfs /mnt/ram tmpfs rw 0 0\n"
                            "/dev/sda1 /media/usb\\040stick vfat rw,flush 0 0\n"
                            "/dev/sdb1 /run/media/kiosk/KEY exfat ro 0 0\n"
                            "/dev/sdc1 /mntfoo vfat rw 0 0\n"
                            "/dev/sdd1 /mnt vfat rw 0 0\n";
    ExportMounts b, a, added;
    export_mounts_parse(before_txt, NULL, &b);
    assert_int_equal(b.n, 0);
    export_mounts_parse(after_txt, NULL, &a);
    assert_int_equal(a.n, 3);
    assert_string_equal(a.path[0], "/media/usb stick");
    assert_string_equal(a.path[1], "/run/media/kiosk/KEY");
    assert_string_equal(a.path[2], "/mnt");
    assert_int_equal(export_mounts_added(&b, &a, &added), 3);
    assert_int_equal(export_mounts_added(&a, &a, &added), 0);
    const char *only[] = {"/srv/usb", NULL};
    export_mounts_parse("/dev/sda1 /srv/usb/x vfat rw 0 0\n/dev/sdb1 /media/y vfat rw 0 0\n", only, &a);
    assert_int_equal(a.n, 1);
    assert_string_equal(a.path[0], "/srv/usb/x");
    export_mounts_parse("", NULL, &a);
    assert_int_equal(a.n, 0);
    export_mounts_parse("garbage without fields\n", NULL, &a);
    assert_int_equal(a.n, 0);
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_export_layout_and_signature, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export_encrypted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export_fault_every_step, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export_bad_destinations, setup, teardown),
        cmocka_unit_test(test_mounts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
