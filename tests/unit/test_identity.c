/* test_identity.c: cloned cards, with fake hardware files.
 *
 * A data folder copied to another SD card (same /etc/machine-id, other CID)
 * or moved to another board (other serial) starts a new kiosk id and epoch
 * and a new kiosk key; the same hardware keeps its id even when one part
 * cannot be read; a database from before the fingerprint is upgraded in
 * place without a new identity. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "core/log.h"
#include "support.h"
#include "export/export.h"
#include "export/health.h"
#include "stats/identity.h"
#include "stats/stats.h"

static char root[256];

#define sh(...) assert_int_equal(support_sh(__VA_ARGS__), 0)

static int setup(void **state)
{
    (void)state;
    log_set_quiet(1);
    snprintf(root, sizeof root, "%s", support_tmpdir());
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return support_rmtree(root) == 0 ? 0 : -1;
}

/* A fake machine: hw/<name>/{etc/machine-id, sys/.../cid, proc/cpuinfo}. */
static void machine(const char *name, const char *mid, const char *cid, const char *serial)
{
    sh("mkdir -p %s/%s/etc %s/%s/sys/block/mmcblk0/device %s/%s/proc", root, name, root, name, root, name);
    sh("printf '%s\\n' > %s/%s/etc/machine-id", mid, root, name);
    if (cid)
        sh("printf '%s\\n' > %s/%s/sys/block/mmcblk0/device/cid", cid, root, name);
    else
        sh("rm -f %s/%s/sys/block/mmcblk0/device/cid", root, name);
    sh("printf 'processor\\t: 0\\nHardware\\t: BCM2835\\nSerial\\t\\t: %s\\nModel\\t\\t: Raspberry Pi 4\\n' > %s/%s/proc/cpuinfo",
       serial, root, name);
}

static StatsIdentity open_on(const char *data, const char *hw)
{
    char hwroot[400], dir[400];
    snprintf(hwroot, sizeof hwroot, "%s/%s", root, hw);
    snprintf(dir, sizeof dir, "%s/%s", root, data);
    sh("mkdir -p %s", dir);
    StatsOptions o = {.hw_root = hwroot};
    Err why;
    Stats *s = stats_open_opts(dir, &o, &why);
    assert_non_null(s);
    StatsIdentity id;
    stats_identity(s, &id);
    stats_close(s);
    return id;
}

#define MID "4c4c4544003510808035b4c04f4d4d32"
#define CID_A "035344534c333247800bd0e5a6013a00"
#define CID_B "035344534c33324780aaaaaaaa013a00"

static void test_clone_to_other_card_and_board(void **state)
{
    (void)state;
    machine("pi1", MID, CID_A, "10000000aaaa0001");
    machine("pi1-newcard", MID, CID_B, "10000000aaaa0001"); /* card cloned, same Pi */
    machine("pi2", MID, CID_A, "10000000bbbb0002");         /* card moved to another Pi */
    StatsIdentity a = open_on("data", "pi1");
    assert_int_equal(a.epoch, 1);
    StatsIdentity again = open_on("data", "pi1");
    assert_string_equal(again.kiosk_id, a.kiosk_id);

    /* The image cloned onto another card: machine-id is the same, yet a
     * new kiosk id and epoch. (With the machine-id alone this stayed A.) */
    sh("cp -r %s/data %s/clone", root, root);
    StatsIdentity b = open_on("clone", "pi1-newcard");
    assert_string_not_equal(b.kiosk_id, a.kiosk_id);
    assert_int_equal(b.epoch, 2);
    sh("test \"$(sqlite3 %s/clone/stats.sqlite 'SELECT parent FROM identity WHERE epoch = 2')\" = %s", root,
       a.kiosk_id);

    /* The same card in another board. */
    sh("cp -r %s/data %s/moved", root, root);
    StatsIdentity c = open_on("moved", "pi2");
    assert_string_not_equal(c.kiosk_id, a.kiosk_id);
    assert_string_not_equal(c.kiosk_id, b.kiosk_id);
}

static void test_unreadable_part_keeps_identity(void **state)
{
    (void)state;
    machine("pi1", MID, CID_A, "10000000aaaa0001");
    StatsIdentity a = open_on("data", "pi1");
    machine("pi1", MID, NULL, "10000000aaaa0001"); /* the CID cannot be read today */
    StatsIdentity b = open_on("data", "pi1");
    assert_string_equal(b.kiosk_id, a.kiosk_id);
    machine("pi1", MID, CID_A, "10000000aaaa0001"); /* back: still the same */
    StatsIdentity c = open_on("data", "pi1");
    assert_string_equal(c.kiosk_id, a.kiosk_id);
    /* A zero serial (boards without one) is no serial. */
    StatsHw hw;
    char hwroot[400];
    machine("pc", MID, NULL, "0000000000000000");
    snprintf(hwroot, sizeof hwroot, "%s/pc", root);
    stats_hw_read(hwroot, NULL, &hw);
    assert_int_equal(hw.parts, 1);
}

static void test_v1_database_upgraded_in_place(void **state)
{
    (void)state;
    machine("pi1", MID, CID_A, "10000000aaaa0001");
    StatsIdentity a = open_on("data", "pi1");
    /* Make it look like a database from before the fingerprint. */
    StatsHw hw;
    char hwroot[400];
    snprintf(hwroot, sizeof hwroot, "%s/pi1", root);
    stats_hw_read(hwroot, NULL, &hw);
    assert_int_equal(hw.parts, 3);
    sh("sqlite3 %s/data/stats.sqlite \"UPDATE identity SET machine = '%s'\"", root, hw.legacy);
    StatsIdentity b = open_on("data", "pi1");
    assert_string_equal(b.kiosk_id, a.kiosk_id);
    sh("sqlite3 %s/data/stats.sqlite 'SELECT machine FROM identity' | grep -q '^v2:m=[0-9a-f]\\{16\\},c=[0-9a-f]\\{16\\},s='",
       root);
    /* And from now on a clone is recognised. */
    machine("pi1-newcard", MID, CID_B, "10000000aaaa0001");
    sh("cp -r %s/data %s/clone", root, root);
    StatsIdentity c = open_on("clone", "pi1-newcard");
    assert_string_not_equal(c.kiosk_id, a.kiosk_id);
}

static void test_clone_gets_new_kiosk_key(void **state)
{
    (void)state;
    machine("pi1", MID, CID_A, "10000000aaaa0001");
    machine("pi1-newcard", MID, CID_B, "10000000aaaa0001");
    char dir[400], hwroot[400], clone[400];
    snprintf(dir, sizeof dir, "%s/data", root);
    snprintf(hwroot, sizeof hwroot, "%s/pi1", root);
    sh("mkdir -p %s", dir);
    StatsOptions o = {.hw_root = hwroot};
    Err why;
    Stats *s = stats_open_opts(dir, &o, &why);
    int regen = -1;
    assert_int_equal(export_keys_for_identity(s, dir, &regen), ERR_OK);
    assert_int_equal(regen, 0);
    char pub1[65], pub_again[65];
    assert_int_equal(export_keys_ensure(dir, pub1), ERR_OK);
    assert_int_equal(export_keys_for_identity(s, dir, &regen), ERR_OK);
    assert_int_equal(regen, 0);
    assert_int_equal(export_keys_ensure(dir, pub_again), ERR_OK);
    assert_string_equal(pub1, pub_again);
    stats_close(s);

    sh("cp -r %s/data %s/clone", root, root);
    snprintf(clone, sizeof clone, "%s/clone", root);
    snprintf(hwroot, sizeof hwroot, "%s/pi1-newcard", root);
    s = stats_open_opts(clone, &o, &why);
    assert_int_equal(export_keys_for_identity(s, clone, &regen), ERR_OK);
    assert_int_equal(regen, 1);
    char pub2[65];
    assert_int_equal(export_keys_ensure(clone, pub2), ERR_OK);
    assert_string_not_equal(pub1, pub2);
    /* An export from the clone names the new id and key. */
    sh("mkdir -p %s/stick", root);
    char stick[400];
    snprintf(stick, sizeof stick, "%s/stick", root);
    ExportRequest req = {.data_dir = clone, .dest = stick, .now = 1767225600 + 86400};
    ExportResult res;
    assert_int_equal(export_run(s, &req, &res), ERR_OK);
    StatsIdentity id;
    stats_identity(s, &id);
    sh("grep -q '\"kiosk_pubkey\":\"%s\"' %s/manifest.json", pub2, res.folder);
    sh("grep -q '\"kiosk_id\":\"%s\"' %s/manifest.json", id.kiosk_id, res.folder);
    stats_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_clone_to_other_card_and_board, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unreadable_part_keeps_identity, setup, teardown),
        cmocka_unit_test_setup_teardown(test_v1_database_upgraded_in_place, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clone_gets_new_kiosk_key, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
