/* test_pack.c: content packs signed in the test by the real minisign tool.
 *
 * A good pack installs (prehashed "ED" and legacy "Ed" signatures, either
 * of two trusted keys); every attack of the threat list is refused with
 * the installed content unchanged and a report written back; an install
 * interrupted at every step (a forked child _exit()s there, as a power cut
 * would stop it) leaves the old or the new version complete; every file
 * operation failing or silently corrupting in turn changes nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/fileio.h"
#include "core/log.h"
#include "manifest/manifest.h"
#include "pack/pack.h"
#include "support.h"

static char root[256];    /* per-test temp folder */
static char keys[256];    /* key pairs, made once */
static char data[300];    /* the kiosk's data folder */
static PackTrust trust;

static void sh(const char *fmt, ...) LOG_PRINTF(1, 2);
static void sh(const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    int rc = system(cmd);
    if (rc != 0)
        fail_msg("command failed (%d): %s", rc, cmd);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static char *read_text(const char *path)
{
    char *buf = NULL;
    size_t len = 0;
    if (fileio_read_all(path, 1 << 20, &buf, &len) != ERR_OK)
        return NULL;
    return buf;
}

static void load_key(const char *name, PackKey *k)
{
    char path[400];
    snprintf(path, sizeof path, "%s/%s.pub", keys, name);
    char *t = read_text(path);
    assert_non_null(t);
    assert_int_equal(pack_key_parse(t, strlen(t), k), ERR_OK);
    free(t);
}

static int group_setup(void **state)
{
    (void)state;
    log_set_quiet(1);
    snprintf(keys, sizeof keys, "%s", support_tmpdir());
    const char *names[] = {"k1", "k2", "evil"};
    for (int i = 0; i < 3; i++) {
        char cmd[1024];
        snprintf(cmd, sizeof cmd, "minisign -G -W -p %s/%s.pub -s %s/%s.key </dev/null >/dev/null 2>&1",
                 keys, names[i], keys, names[i]);
        if (system(cmd) != 0) {
            fprintf(stderr, "minisign is required (Debian package minisign)\n");
            return -1;
        }
    }
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    return support_rmtree(keys) == 0 ? 0 : -1;
}

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "%s", support_tmpdir());
    snprintf(data, sizeof data, "%s/data", root);
    mkdir(data, 0755);
    memset(&trust, 0, sizeof trust);
    load_key("k1", &trust.keys[0]);
    load_key("k2", &trust.keys[1]);
    trust.n_keys = 2;
    snprintf(trust.campaign, sizeof trust.campaign, "sahel-2025");
    fileio_fault_clear();
    pack_set_step_hook(NULL, NULL);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fileio_fault_clear();
    pack_set_step_hook(NULL, NULL);
    return support_rmtree(root) == 0 ? 0 : -1;
}

/* Source content for version v: the helpline number differs per version,
 * which is what a swapped-number attack would target. */
static void make_src(const char *src, int v)
{
    sh("mkdir -p %s/content/modules %s/locales/fr/LC_MESSAGES %s/assets/img", src, src, src);
    char path[2048], text[200];
    snprintf(path, sizeof path, "%s/content/contacts.yaml", src);
    snprintf(text, sizeof text, "- id: helpline\n  number: \"+227 800 000 %02d\"\n", v);
    write_text(path, text);
    snprintf(path, sizeof path, "%s/content/modules/risks.yaml", src);
    snprintf(text, sizeof text, "id: risks\ntitle: Risks of the road v%d\n", v);
    write_text(path, text);
    snprintf(path, sizeof path, "%s/locales/fr/LC_MESSAGES/taama.po", src);
    write_text(path, "msgid \"Help\"\nmsgstr \"Aide\"\n");
    snprintf(path, sizeof path, "%s/assets/img/bus.png", src);
    write_text(path, "\x89PNG fake image bytes");
    snprintf(path, sizeof path, "%s/content/.DS_Store", src);
    write_text(path, "hidden junk, never packed");
}

/* Sign PACK/manifest.json with key (-l: legacy) and trusted comment tc
 * (NULL: minisign's default comment). */
static void sign(const char *pack, const char *key, int legacy, const char *tc)
{
    char tcarg[300] = "";
    if (tc)
        snprintf(tcarg, sizeof tcarg, "-t '%s'", tc);
    sh("minisign -S %s -s %s/%s.key -m %s/manifest.json %s </dev/null >/dev/null 2>&1", legacy ? "-l" : "",
       keys, key, pack, tcarg);
}

/* Build and sign a good pack for version v into root/pack<tag>. */
static void good_pack(char *pack, size_t sz, const char *tag, int v, const char *campaign, const char *key,
                      int legacy)
{
    char src[400];
    snprintf(src, sizeof src, "%s/src%s", root, tag);
    make_src(src, v);
    snprintf(pack, sz, "%s/pack%s", root, tag);
    assert_int_equal(pack_make(src, pack, campaign, v), ERR_OK);
    char tc[200];
    snprintf(tc, sizeof tc, "taama campaign=%s version=%d", campaign, v);
    sign(pack, key, legacy, tc);
}

/* The installed content must be one complete version: its manifest
 * verifies with no issue at all, and its helpline is that version's.
 * Returns the version. */
static int64_t assert_installed_complete(void)
{
    PackInstalled in;
    assert_int_equal(pack_select(data, 0, &in), ERR_OK);
    char path[1200];
    snprintf(path, sizeof path, "%s/manifest.json", in.root);
    char *man = read_text(path);
    assert_non_null(man);
    Err why = ERR_OK;
    Manifest *m = manifest_parse(man, strlen(man), &why);
    free(man);
    assert_non_null(m);
    int issues = 0;
    static const char *const ignore[] = {"manifest.json", "manifest.json.minisig", NULL};
    assert_int_equal(manifest_verify_dir(m, in.root, ignore, NULL, NULL), ERR_OK);
    (void)issues;
    manifest_free(m);
    snprintf(path, sizeof path, "%s/content/contacts.yaml", in.root);
    char *c = read_text(path);
    assert_non_null(c);
    char want[100];
    snprintf(want, sizeof want, "+227 800 000 %02lld", (long long)in.version);
    assert_non_null(strstr(c, want));
    free(c);
    return in.version;
}

/* Nothing but current/previous versions remain, no staging, no temp link. */
static void assert_no_leftovers(void)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "test -z \"$(ls -A %s/content/versions | grep -v '^[0-9]*$')\" && "
             "test ! -e %s/content/.current.tmp && test ! -e %s/content/.previous.tmp",
             data, data, data);
    assert_int_equal(system(cmd), 0);
}

static void assert_report(const char *pack, const char *word)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", pack, PACK_REPORT);
    char *r = read_text(path);
    assert_non_null(r);
    if (!strstr(r, word))
        fail_msg("report lacks \"%s\":\n%s", word, r);
    free(r);
}

static void install_ok(const char *pack, int64_t want_version)
{
    PackReport rep;
    Err e = pack_install(data, pack, &trust, &rep);
    if (e != ERR_OK)
        fail_msg("install refused: %s", rep.message);
    assert_int_equal(rep.result, PACK_OK);
    assert_int_equal(pack_installed_version(data), want_version);
    assert_int_equal(assert_installed_complete(), want_version);
    assert_report(pack, "ACCEPTED");
}

/* ---- Signature format ---- */

static void test_comment_parse(void **state)
{
    (void)state;
    char c[64];
    int64_t v;
    assert_int_equal(pack_comment_parse("taama campaign=sahel-2025 version=12", c, &v), ERR_OK);
    assert_string_equal(c, "sahel-2025");
    assert_int_equal(v, 12);
    assert_int_equal(pack_comment_parse("taama\tversion=3  campaign=a.b_C note=x", c, &v), ERR_OK);
    assert_string_equal(c, "a.b_C");
    assert_int_equal(v, 3);
    const char *bad[] = {
        "", "taama", "taama campaign=x", "taama version=2", "tama campaign=x version=2",
        "taama campaign= version=2", "taama campaign=x version=0", "taama campaign=x version=-1",
        "taama campaign=x version=02", "taama campaign=x version=2x", "taama campaign=x/y version=2",
        "taama campaign=x version=99999999999999999999", "taama campaign=x campaign=y version=2",
        "taama campaign=x version=1 version=2", "timestamp:1700000000\tfile:manifest.json",
        "taama campaign=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx version=1",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (pack_comment_parse(bad[i], c, &v) != ERR_FORMAT)
            fail_msg("accepted bad comment \"%s\"", bad[i]);
}

static void test_key_and_sig_parse(void **state)
{
    (void)state;
    PackKey k;
    load_key("k1", &k);
    char hex[17];
    pack_key_id_hex(k.id, hex);
    /* minisign names the key id in the .pub file's comment. */
    char path[400];
    snprintf(path, sizeof path, "%s/k1.pub", keys);
    char *t = read_text(path);
    /* minisign prints it without leading zeros. */
    const char *digits = hex;
    while (*digits == '0' && digits[1])
        digits++;
    char want[64];
    snprintf(want, sizeof want, "public key %s\n", digits);
    if (!strstr(t, want))
        fail_msg("key id %s not in %s", hex, t);
    /* The bare base64 line works too; CRLF is tolerated. */
    char *line = strchr(t, '\n') + 1;
    PackKey k2;
    assert_int_equal(pack_key_parse(line, strlen(line), &k2), ERR_OK);
    assert_memory_equal(&k, &k2, sizeof k);
    free(t);
    const char *badkeys[] = {"", "untrusted comment: x\n", "untrusted comment: x\nAAAA\n", "not base64 !!!",
                             "comment\nRWQYs78ZBy6Y/1/Bw0iiRqxiWGtIDd+MTg4SCxdKAIjrjZi2p4SEh3AS\n",
                             "RUQYs78ZBy6Y/1/Bw0iiRqxiWGtIDd+MTg4SCxdKAIjrjZi2p4SEh3AS"};
    for (size_t i = 0; i < sizeof badkeys / sizeof badkeys[0]; i++)
        assert_int_equal(pack_key_parse(badkeys[i], strlen(badkeys[i]), &k2), ERR_FORMAT);

    PackSig s;
    const char *badsigs[] = {
        "", "untrusted comment: a\n",
        "untrusted comment: a\nAAAA\ntrusted comment: b\nAAAA\n",
        "nope: a\nRUQ=\ntrusted comment: b\nAAAA\n",
    };
    for (size_t i = 0; i < sizeof badsigs / sizeof badsigs[0]; i++)
        assert_int_equal(pack_sig_parse(badsigs[i], strlen(badsigs[i]), &s), ERR_FORMAT);
}

/* ---- Good packs ---- */

static void test_good_pack_installs_prehashed(void **state)
{
    (void)state;
    assert_int_equal(pack_installed_version(data), 0);
    PackInstalled in;
    assert_int_equal(pack_select(data, 0, &in), ERR_NOTFOUND);
    char pack[400];
    good_pack(pack, sizeof pack, "1", 1, "sahel-2025", "k1", 0);

    PackReport rep;
    assert_int_equal(pack_verify(pack, &trust, 0, &rep), ERR_OK);
    assert_int_equal(rep.prehashed, 1);
    assert_int_equal(rep.key_index, 0);
    assert_int_equal(rep.n_files, 4); /* the hidden file was not packed */
    assert_int_equal(rep.version, 1);
    assert_string_equal(rep.campaign, "sahel-2025");
    install_ok(pack, 1);
    assert_int_equal(pack_installed(data, 0, &in), ERR_OK);
    assert_string_equal(in.campaign, "sahel-2025");
    assert_string_equal(in.key_id, rep.key_id);
    assert_int_equal(pack_installed(data, 1, &in), ERR_NOTFOUND);
    assert_no_leftovers();
}

static void test_legacy_signature_and_second_key(void **state)
{
    (void)state;
    char pack[400];
    good_pack(pack, sizeof pack, "1", 1, "sahel-2025", "k2", 1);
    PackReport rep;
    assert_int_equal(pack_verify(pack, &trust, 0, &rep), ERR_OK);
    assert_int_equal(rep.prehashed, 0);
    assert_int_equal(rep.key_index, 1);
    install_ok(pack, 1);
    /* Rotation: the next pack comes from the first key, prehashed. */
    good_pack(pack, sizeof pack, "2", 2, "sahel-2025", "k1", 0);
    install_ok(pack, 2);
}

static void test_upgrade_keeps_previous_and_fallback(void **state)
{
    (void)state;
    char pack[400];
    good_pack(pack, sizeof pack, "1", 1, "sahel-2025", "k1", 0);
    install_ok(pack, 1);
    good_pack(pack, sizeof pack, "2", 2, "sahel-2025", "k1", 0);
    install_ok(pack, 2);
    PackInstalled in;
    assert_int_equal(pack_select(data, 0, &in), ERR_OK);
    assert_int_equal(in.version, 2);
    /* The caller reports that version 2 failed to load: fall back to 1. */
    assert_int_equal(pack_select(data, 1, &in), ERR_OK);
    assert_int_equal(in.version, 1);
    char path[1200];
    snprintf(path, sizeof path, "%s/content/contacts.yaml", in.root);
    char *c = read_text(path);
    assert_non_null(strstr(c, "+227 800 000 01"));
    free(c);

    good_pack(pack, sizeof pack, "3", 3, "sahel-2025", "k2", 0);
    install_ok(pack, 3);
    assert_int_equal(pack_installed(data, 1, &in), ERR_OK);
    assert_int_equal(in.version, 2);
    snprintf(path, sizeof path, "%s/content/versions/1", data);
    assert_int_equal(access(path, F_OK), -1); /* only two versions kept */
    assert_no_leftovers();
}

static void test_unlisted_files_ignored(void **state)
{
    (void)state;
    char pack[400], path[2048];
    good_pack(pack, sizeof pack, "1", 1, "sahel-2025", "k1", 0);
    snprintf(path, sizeof path, "%s/content/modules/injected.yaml", pack);
    write_text(path, "id: injected\ntitle: Call +000 smuggler\n");
    snprintf(path, sizeof path, "%s/autorun.sh", pack);
    write_text(path, "rm -rf /\n");
    PackReport rep;
    assert_int_equal(pack_install(data, pack, &trust, &rep), ERR_OK);
    assert_int_equal(rep.n_ignored, 2);
    assert_int_equal(assert_installed_complete(), 1);
    PackInstalled in;
    assert_int_equal(pack_select(data, 0, &in), ERR_OK);
    snprintf(path, sizeof path, "%s/content/modules/injected.yaml", in.root);
    assert_int_equal(access(path, F_OK), -1);
    snprintf(path, sizeof path, "%s/autorun.sh", in.root);
    assert_int_equal(access(path, F_OK), -1);
    assert_report(pack, "injected.yaml: not listed");
}

/* ---- Attacks: each refused, installed content unchanged ---- */

/* Install version 1, let `attack` damage a good version-2 pack, and check
 * the refusal. */
static void attack_case(void (*attack)(const char *pack), PackResult want, Err want_err)
{
    char pack[400];
    good_pack(pack, sizeof pack, "1", 1, "sahel-2025", "k1", 0);
    install_ok(pack, 1);
    good_pack(pack, sizeof pack, "2", 2, "sahel-2025", "k1", 0);
    attack(pack);
    PackReport rep;
    Err e = pack_install(data, pack, &trust, &rep);
    if (rep.result != want)
        fail_msg("expected result %d, got %d: %s", want, rep.result, rep.message);
    assert_int_equal(e, want_err);
    assert_true(rep.message[0] != '\0');
    assert_int_equal(pack_installed_version(data), 1);
    assert_int_equal(assert_installed_complete(), 1);
    PackInstalled in;
    assert_int_equal(pack_installed(data, 1, &in), ERR_NOTFOUND);
    assert_no_leftovers();
    assert_report(pack, "REFUSED");
}

static void do_unsigned(const char *pack)
{
    sh("rm %s/manifest.json.minisig", pack);
}
static void test_attack_unsigned(void **state)
{
    (void)state;
    attack_case(do_unsigned, PACK_UNSIGNED, ERR_SIGNATURE);
}

static void do_wrong_key(const char *pack)
{
    sh("rm %s/manifest.json.minisig", pack);
    sign(pack, "evil", 0, "taama campaign=sahel-2025 version=2");
}
static void test_attack_wrong_key(void **state)
{
    (void)state;
    attack_case(do_wrong_key, PACK_UNKNOWN_KEY, ERR_KEY);
}

static void do_swap_number(const char *pack)
{
    /* Same length, different helpline: only the hash can tell. */
    sh("sed -i 's/800 000 02/800 666 02/' %s/content/contacts.yaml", pack);
}
static void test_attack_altered_file_same_size(void **state)
{
    (void)state;
    attack_case(do_swap_number, PACK_BAD_FILE, ERR_HASH);
}

static void do_grow_file(const char *pack)
{
    sh("echo '- id: fake' >> %s/content/contacts.yaml", pack);
}
static void test_attack_altered_file_size(void **state)
{
    (void)state;
    attack_case(do_grow_file, PACK_BAD_FILE, ERR_HASH);
}

static void do_missing_file(const char *pack)
{
    sh("rm %s/assets/img/bus.png", pack);
}
static void test_attack_missing_file(void **state)
{
    (void)state;
    attack_case(do_missing_file, PACK_BAD_FILE, ERR_HASH);
}

static void do_edit_manifest(const char *pack)
{
    /* Re-list the tampered file with its new hash: the signature breaks. */
    sh("sed -i 's/800 000 02/800 666 02/' %s/content/contacts.yaml", pack);
    char path[2048];
    snprintf(path, sizeof path, "%s/content/contacts.yaml", pack);
    char hex[65];
    assert_int_equal(fileio_sha256_file(path, hex, NULL), ERR_OK);
    snprintf(path, sizeof path, "%s/manifest.json", pack);
    char *man = read_text(path);
    Err why;
    Manifest *m = manifest_parse(man, strlen(man), &why);
    assert_non_null(m);
    const ManifestFile *f = manifest_find_file(m, "content/contacts.yaml");
    char *p = strstr(man, f->sha256);
    assert_non_null(p);
    memcpy(p, hex, 64);
    manifest_free(m);
    write_text(path, man);
    free(man);
}
static void test_attack_edited_manifest(void **state)
{
    (void)state;
    attack_case(do_edit_manifest, PACK_BAD_SIGNATURE, ERR_SIGNATURE);
}

static void do_edit_trusted_comment(const char *pack)
{
    /* Replay v2's signature as v9 by editing the trusted comment. */
    sh("sed -i 's/version=2/version=9/' %s/manifest.json.minisig", pack);
}
static void test_attack_edited_trusted_comment(void **state)
{
    (void)state;
    attack_case(do_edit_trusted_comment, PACK_BAD_SIGNATURE, ERR_SIGNATURE);
}

static void do_garbage_sig(const char *pack)
{
    sh("printf 'untrusted comment: x\\ngarbage\\n' > %s/manifest.json.minisig", pack);
}
static void test_attack_garbage_signature(void **state)
{
    (void)state;
    attack_case(do_garbage_sig, PACK_BAD_SIGNATURE, ERR_SIGNATURE);
}

static void do_rollback(const char *pack)
{
    /* A genuine, correctly signed older pack (version 1 again). */
    sh("cd %s/.. && rm -rf pack2 && cp -r pack1 pack2", pack);
}
static void test_attack_rollback(void **state)
{
    (void)state;
    attack_case(do_rollback, PACK_ROLLBACK, ERR_ROLLBACK);
}

static void test_attack_rollback_older(void **state)
{
    (void)state;
    char pack[400];
    good_pack(pack, sizeof pack, "5", 5, "sahel-2025", "k1", 0);
    install_ok(pack, 5);
    good_pack(pack, sizeof pack, "4", 4, "sahel-2025", "k1", 0);
    PackReport rep;
    assert_int_equal(pack_install(data, pack, &trust, &rep), ERR_ROLLBACK);
    assert_int_equal(rep.result, PACK_ROLLBACK);
    assert_int_equal(rep.installed_version, 5);
    assert_int_equal(assert_installed_complete(), 5);
}

static void do_other_campaign(const char *pack)
{
    char src[600];
    snprintf(src, sizeof src, "%s/../src2", pack);
    sh("rm -rf %s", pack);
    assert_int_equal(pack_make(src, pack, "maghreb-2025", 2), ERR_OK);
    sign(pack, "k1", 0, "taama campaign=maghreb-2025 version=2");
}
static void test_attack_other_campaign(void **state)
{
    (void)state;
    attack_case(do_other_campaign, PACK_WRONG_CAMPAIGN, ERR_INVALID);
}

static void do_comment_mismatch(const char *pack)
{
    /* Signed comment says version 3; the manifest says 2. */
    sh("rm %s/manifest.json.minisig", pack);
    sign(pack, "k1", 0, "taama campaign=sahel-2025 version=3");
}
static void test_attack_comment_disagrees_with_manifest(void **state)
{
    (void)state;
    attack_case(do_comment_mismatch, PACK_BAD_MANIFEST, ERR_FORMAT);
}

static void do_default_comment(const char *pack)
{
    sh("rm %s/manifest.json.minisig", pack);
    sign(pack, "k1", 0, NULL);
}
static void test_attack_no_taama_comment(void **state)
{
    (void)state;
    attack_case(do_default_comment, PACK_BAD_MANIFEST, ERR_FORMAT);
}

/* A hand-written, correctly signed manifest listing a path that leaves
 * the pack (manifest_add_file refuses such paths, so write the JSON). */
static void do_dotdot(const char *pack)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/../outside.txt", pack);
    write_text(path, "secret\n");
    char hex[65];
    fileio_sha256_hex("secret\n", 7, hex);
    char man[1024];
    snprintf(man, sizeof man,
             "{\"files\":[{\"path\":\"content/../../outside.txt\",\"sha256\":\"%s\",\"size\":7}],"
             "\"format\":\"taama-manifest-1\",\"meta\":{\"campaign\":\"sahel-2025\","
             "\"kind\":\"content-pack\",\"version\":\"2\"}}\n", hex);
    snprintf(path, sizeof path, "%s/manifest.json", pack);
    write_text(path, man);
    sh("rm %s/manifest.json.minisig", pack);
    sign(pack, "k1", 0, "taama campaign=sahel-2025 version=2");
}
static void test_attack_dotdot_path(void **state)
{
    (void)state;
    attack_case(do_dotdot, PACK_BAD_PATH, ERR_PATH);
}

static void do_symlink_out(const char *pack)
{
    /* Replace a listed file by a symlink to an identical file outside:
     * hashes match, but it resolves outside the pack. */
    sh("cp %s/content/contacts.yaml %s/../outside.yaml && rm %s/content/contacts.yaml && "
       "ln -s %s/../outside.yaml %s/content/contacts.yaml", pack, pack, pack, pack, pack);
}
static void test_attack_symlink_outside(void **state)
{
    (void)state;
    attack_case(do_symlink_out, PACK_BAD_PATH, ERR_PATH);
}

static void do_top_level_file(const char *pack)
{
    /* Signed, but lists a file outside content/, locales/ and assets/. */
    char path[2048];
    snprintf(path, sizeof path, "%s/run.sh", pack);
    write_text(path, "#!/bin/sh\n");
    Manifest *m = manifest_new();
    assert_int_equal(manifest_add_file_from_disk(m, pack, "content/contacts.yaml"), ERR_OK);
    assert_int_equal(manifest_add_file_from_disk(m, pack, "run.sh"), ERR_OK);
    assert_int_equal(manifest_set(m, "kind", "content-pack"), ERR_OK);
    assert_int_equal(manifest_set(m, "campaign", "sahel-2025"), ERR_OK);
    assert_int_equal(manifest_set_int(m, "version", 2), ERR_OK);
    char *buf;
    size_t len;
    assert_int_equal(manifest_serialize(m, &buf, &len), ERR_OK);
    manifest_free(m);
    snprintf(path, sizeof path, "%s/manifest.json", pack);
    write_text(path, buf);
    free(buf);
    sh("rm %s/manifest.json.minisig", pack);
    sign(pack, "k1", 0, "taama campaign=sahel-2025 version=2");
}
static void test_attack_outside_top_dirs(void **state)
{
    (void)state;
    attack_case(do_top_level_file, PACK_BAD_PATH, ERR_PATH);
}

static void do_shrink_size_limit(const char *pack)
{
    (void)pack;
    trust.max_bytes = 40; /* version 1 was installed; version 2 holds more than this */
}
static void test_attack_oversize(void **state)
{
    (void)state;
    attack_case(do_shrink_size_limit, PACK_TOO_BIG, ERR_TOOBIG);
}
static void do_shrink_file_limit(const char *pack)
{
    (void)pack;
    trust.max_files = 3;
}
static void test_attack_too_many_files(void **state)
{
    (void)state;
    attack_case(do_shrink_file_limit, PACK_TOO_BIG, ERR_TOOBIG);
}

static void test_not_configured(void **state)
{
    (void)state;
    char pack[400];
    good_pack(pack, sizeof pack, "1", 1, "sahel-2025", "k1", 0);
    PackTrust none;
    memset(&none, 0, sizeof none);
    PackReport rep;
    assert_int_not_equal(pack_install(data, pack, &none, &rep), ERR_OK);
    assert_int_equal(rep.result, PACK_NOT_CONFIGURED);
    assert_int_equal(pack_installed_version(data), 0);
}

/* ---- Interruptions ---- */

static int hook_at, hook_count;
static void crash_hook(void *ctx, const char *step)
{
    (void)ctx;
    (void)step;
    if (++hook_count == hook_at)
        _exit(42); /* no cleanup, no atexit: as abrupt as a power cut */
}

static void test_power_cut_at_every_step(void **state)
{
    (void)state;
    char pack1[400], pack2[400];
    good_pack(pack1, sizeof pack1, "1", 1, "sahel-2025", "k1", 0);
    good_pack(pack2, sizeof pack2, "2", 2, "sahel-2025", "k1", 0);
    int finished = 0;
    for (int k = 1; k < 200 && !finished; k++) {
        sh("rm -rf %s && mkdir %s", data, data);
        install_ok(pack1, 1);
        fflush(NULL);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            hook_at = k;
            hook_count = 0;
            pack_set_step_hook(crash_hook, NULL);
            PackReport rep;
            Err e = pack_install(data, pack2, &trust, &rep);
            _exit(e == ERR_OK ? 0 : 1);
        }
        int status = 0;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFEXITED(status));
        int code = WEXITSTATUS(status);
        assert_true(code == 42 || code == 0);
        finished = code == 0;

        /* What the kiosk does at the next start. */
        assert_int_equal(pack_recover(data), ERR_OK);
        int64_t v = assert_installed_complete();
        assert_true(v == 1 || v == 2);
        if (finished)
            assert_int_equal(v, 2);
        assert_no_leftovers();
        /* The interrupted update can always be completed afterwards. */
        PackReport rep;
        Err e = pack_install(data, pack2, &trust, &rep);
        assert_true(e == ERR_OK || (v == 2 && e == ERR_ROLLBACK));
        assert_int_equal(assert_installed_complete(), 2);
        PackInstalled prev;
        assert_int_equal(pack_select(data, 1, &prev), ERR_OK);
        assert_int_equal(prev.version, 1);
    }
    assert_true(finished); /* the loop reached a run with no cut at all */
}

/* Install pack2 over a fresh version 1 in a child whose power fails at
 * fileio step nth (0: never). Returns the child's exit code; *steps gets
 * the steps it counted. */
static int install_with_power_cut(const char *pack1, const char *pack2, int nth, uint64_t seed,
                                  int *steps)
{
    sh("rm -rf %s && mkdir %s", data, data);
    install_ok(pack1, 1);
    fflush(NULL);
    int p[2];
    assert_int_equal(pipe(p), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(p[0]);
        fileio_cut_arm(nth > 0 ? nth : 1000000, seed);
        PackReport rep;
        Err e = pack_install(data, pack2, &trust, &rep);
        int total = fileio_cut_steps();
        (void)!write(p[1], &total, sizeof total);
        _exit(e == ERR_OK ? 0 : 1);
    }
    close(p[1]);
    *steps = 0;
    if (read(p[0], steps, sizeof *steps) != (ssize_t)sizeof *steps)
        *steps = 0;
    close(p[0]);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    return WEXITSTATUS(status);
}

/* Power loss, not just an abrupt stop (issue 10): at every fileio step of
 * an install (a different seed each), the power fails and what was not yet
 * durable (file data not fsynced, renames and folders whose folder was not
 * fsynced) is lost, torn or kept (fileio_cut_arm). The next start must find
 * version 1 or version 2, complete. */
static void test_power_loss_at_every_step(void **state)
{
    (void)state;
    char pack1[400], pack2[400];
    good_pack(pack1, sizeof pack1, "1", 1, "sahel-2025", "k1", 0);
    good_pack(pack2, sizeof pack2, "2", 2, "sahel-2025", "k1", 0);
    int steps = 0, seen[3] = {0, 0, 0};
    assert_int_equal(install_with_power_cut(pack1, pack2, 0, 0, &steps), 0);
    assert_true(steps > 10);
    for (int n = 1; n <= steps; n++) {
        int ignored;
        int code = install_with_power_cut(pack1, pack2, n, 7919u * (uint64_t)n, &ignored);
        assert_int_equal(code, FILEIO_CUT_EXIT);
        assert_int_equal(pack_recover(data), ERR_OK);
        int64_t v = assert_installed_complete();
        if (v != 1 && v != 2)
            fail_msg("cut at step %d: version %lld", n, (long long)v);
        seen[v]++;
    }
    /* both outcomes happen: the cuts really land on both sides */
    assert_true(seen[1] > 0 && seen[2] > 0);
    printf("pack install: %d steps, %d power cuts, old %d / new %d, always complete\n", steps,
           steps, seen[1], seen[2]);
}

static void test_io_failure_at_every_operation(void **state)
{
    (void)state;
    char pack1[400], pack2[400];
    good_pack(pack1, sizeof pack1, "1", 1, "sahel-2025", "k1", 0);
    good_pack(pack2, sizeof pack2, "2", 2, "sahel-2025", "k1", 0);
    install_ok(pack1, 1);
    /* Count each kind of operation in a clean install of pack 2. */
    char probe[300];
    snprintf(probe, sizeof probe, "%s/probe", root);
    sh("mkdir %s && cp -r %s/content %s/", probe, data, probe);
    char saved_data[300];
    snprintf(saved_data, sizeof saved_data, "%s", data);
    snprintf(data, sizeof data, "%s", probe);
    fileio_fault_clear();
    PackReport rep;
    assert_int_equal(pack_install(data, pack2, &trust, &rep), ERR_OK);
    int calls[FILEIO_OP__COUNT];
    for (int op = 0; op < FILEIO_OP__COUNT; op++)
        calls[op] = fileio_fault_calls((FileioOp)op);
    snprintf(data, sizeof data, "%s", saved_data);

    int failures = 0;
    for (int op = 0; op < FILEIO_OP__COUNT; op++) {
        int nth_max = op == FILEIO_OP_CORRUPT ? calls[FILEIO_OP_WRITE] : calls[op];
        for (int nth = 1; nth <= nth_max; nth++) {
            fileio_fault_clear();
            fileio_fault_set((FileioOp)op, nth, op == FILEIO_OP_WRITE ? ENOSPC : EIO);
            Err e = pack_install(data, pack2, &trust, &rep);
            fileio_fault_clear();
            assert_int_equal(pack_recover(data), ERR_OK);
            int64_t v = assert_installed_complete();
            if (e != ERR_OK) {
                failures++;
                assert_int_equal(v, 1); /* refused: nothing changed */
                assert_int_equal(pack_installed_version(data), 1);
            } else {
                assert_int_equal(v, 2);
                /* Back to version 1 only for the next round. */
                sh("rm -rf %s && mkdir %s", data, data);
                install_ok(pack1, 1);
            }
            assert_no_leftovers();
        }
    }
    /* Every silently corrupted write must have been caught. */
    assert_true(calls[FILEIO_OP_WRITE] > 0);
    assert_true(failures >= calls[FILEIO_OP_WRITE]);
}

/* ---- Trust configuration and the command line ---- */

static void test_trust_load(void **state)
{
    (void)state;
    PackTrust t;
    assert_int_equal(pack_trust_load(data, &t), ERR_NOTFOUND);
    sh("mkdir -p %s/pack-trust && cp %s/k2.pub %s/pack-trust/key2.pub", data, keys, data);
    assert_int_equal(pack_trust_load(data, &t), ERR_NOTFOUND); /* no campaign yet */
    sh("echo sahel-2025 > %s/pack-trust/campaign", data);
    assert_int_equal(pack_trust_load(data, &t), ERR_OK);
    assert_int_equal(t.n_keys, 1);
    assert_memory_equal(&t.keys[0], &trust.keys[1], sizeof t.keys[0]);
    assert_string_equal(t.campaign, "sahel-2025");
    assert_int_equal(t.max_bytes, PACK_MAX_BYTES_DEFAULT);
    sh("cp %s/k1.pub %s/pack-trust/key1.pub", keys, data);
    assert_int_equal(pack_trust_load(data, &t), ERR_OK);
    assert_int_equal(t.n_keys, 2);
    sh("echo garbage > %s/pack-trust/key1.pub", data);
    assert_int_equal(pack_trust_load(data, &t), ERR_FORMAT);
    assert_int_equal(t.n_keys, 1); /* the good key still loads */
}

static int run_cli(char *out, size_t outsz, int argc, char **argv)
{
    FILE *f = fmemopen(out, outsz, "w");
    assert_non_null(f);
    int rc = pack_cli_main(data, argc, argv, f);
    fclose(f);
    return rc;
}

static void test_cli(void **state)
{
    (void)state;
    sh("mkdir -p %s/pack-trust && cp %s/k1.pub %s/pack-trust/key1.pub && echo sahel-2025 > %s/pack-trust/campaign",
       data, keys, data, data);
    char src[400], pack[400], out[4096];
    snprintf(src, sizeof src, "%s/src", root);
    snprintf(pack, sizeof pack, "%s/clipack", root);
    make_src(src, 7);

    char *mk[] = {"pack", "make", src, "--out", pack, "--campaign", "sahel-2025", "--version", "7"};
    assert_int_equal(run_cli(out, sizeof out, 9, mk), 0);
    assert_non_null(strstr(out, "minisign -Sm"));
    assert_non_null(strstr(out, "taama campaign=sahel-2025 version=7"));
    /* Refuses to write into a non-empty folder. */
    assert_int_equal(run_cli(out, sizeof out, 9, mk), 2);

    char *vf[] = {"verify", pack};
    assert_int_equal(run_cli(out, sizeof out, 2, vf), 1); /* not signed yet */
    assert_non_null(strstr(out, "not signed"));
    sign(pack, "k1", 0, "taama campaign=sahel-2025 version=7");
    assert_int_equal(run_cli(out, sizeof out, 2, vf), 0);
    assert_int_equal(pack_installed_version(data), 0); /* verify changes nothing */
    /* main.c leaves --data DIR on the line; it is not a pack argument. */
    char *vf2[] = {"verify", "--data", data, pack};
    assert_int_equal(run_cli(out, sizeof out, 4, vf2), 0);

    char *in[] = {"install", pack};
    assert_int_equal(run_cli(out, sizeof out, 2, in), 0);
    assert_int_equal(pack_installed_version(data), 7);
    assert_int_equal(run_cli(out, sizeof out, 2, in), 1); /* same version again: refused */
    assert_non_null(strstr(out, "newer"));

    char *bad1[] = {"frobnicate"};
    assert_int_equal(run_cli(out, sizeof out, 1, bad1), 2);
    char *bad2[] = {"make", src, "--out", pack};
    assert_int_equal(run_cli(out, sizeof out, 4, bad2), 2);
    assert_int_equal(run_cli(out, sizeof out, 0, NULL), 2);
}

/* ---- Hostile sticks (issue 10): FIFOs, links, oversized files ---- */

/* A FIFO named manifest.json: a plain open() would block the worker until
 * someone writes to it. The watchdog in main() fails the run if it hangs. */
static void do_fifo_manifest(const char *pack)
{
    sh("rm %s/manifest.json && mkfifo %s/manifest.json", pack, pack);
}
static void test_hostile_fifo_manifest(void **state)
{
    (void)state;
    attack_case(do_fifo_manifest, PACK_NO_MANIFEST, ERR_FORMAT);
}

static void do_fifo_signature(const char *pack)
{
    sh("rm %s/manifest.json.minisig && mkfifo %s/manifest.json.minisig", pack, pack);
}
static void test_hostile_fifo_signature(void **state)
{
    (void)state;
    attack_case(do_fifo_signature, PACK_BAD_SIGNATURE, ERR_SIGNATURE);
}

static void do_fifo_listed(const char *pack)
{
    sh("rm %s/content/contacts.yaml && mkfifo %s/content/contacts.yaml", pack, pack);
}
static void test_hostile_fifo_listed_file(void **state)
{
    (void)state;
    attack_case(do_fifo_listed, PACK_BAD_FILE, ERR_HASH);
    char pack[400];
    snprintf(pack, sizeof pack, "%s/pack2", root);
    assert_report(pack, "not a regular file");
}

/* The signed manifest and signature are links to a real pack kept outside
 * the pack folder (elsewhere on the kiosk, say): they verify, so following
 * them would install from files read outside the stick. */
static void do_linked_manifest(const char *pack)
{
    sh("mkdir -p %s/../elsewhere && mv %s/manifest.json %s/manifest.json.minisig %s/../elsewhere/ && "
       "ln -s %s/../elsewhere/manifest.json %s/manifest.json && "
       "ln -s %s/../elsewhere/manifest.json.minisig %s/manifest.json.minisig",
       pack, pack, pack, pack, pack, pack, pack, pack);
}
static void test_hostile_linked_manifest(void **state)
{
    (void)state;
    attack_case(do_linked_manifest, PACK_NO_MANIFEST, ERR_PATH);
}

/* A link to a folder inside the pack that holds the right files: the
 * files resolve inside the pack, but a link is still never followed. */
static void do_linked_folder(const char *pack)
{
    sh("mv %s/content %s/.real && ln -s .real %s/content", pack, pack, pack);
}
static void test_hostile_linked_folder(void **state)
{
    (void)state;
    attack_case(do_linked_folder, PACK_BAD_PATH, ERR_PATH);
}

/* fileio_open_regular() itself: each hostile kind refused, a regular file
 * opened, the size known before a byte is read. */
static void test_open_regular_refuses_hostile_files(void **state)
{
    (void)state;
    char d[400], p[500];
    snprintf(d, sizeof d, "%s/stick", root);
    sh("mkdir -p %s/sub %s/../outside && printf 12345 > %s/sub/ok.txt && printf secret > %s/../outside/s.txt && "
       "mkfifo %s/sub/fifo && ln -s %s/../outside/s.txt %s/sub/link && ln -s %s/../outside %s/out",
       d, d, d, d, d, d, d, d, d);
    int fd = -1;
    uint64_t size = 0;
    assert_int_equal(fileio_open_regular(d, "sub/ok.txt", 5, &fd, &size), ERR_OK);
    assert_true(fd >= 0);
    assert_int_equal(size, 5);
    char hex[65];
    assert_int_equal(fileio_sha256_fd(fd, 5, hex, &size), ERR_OK);
    close(fd);
    assert_int_equal(fileio_open_regular(d, "sub/ok.txt", 4, &fd, &size), ERR_TOOBIG);
    assert_int_equal(size, 5); /* known, to report, without reading */
    assert_int_equal(fd, -1);
    assert_int_equal(fileio_open_regular(d, "sub/fifo", 100, &fd, NULL), ERR_FORMAT);
    assert_int_equal(fileio_open_regular(d, "sub/link", 100, &fd, NULL), ERR_PATH);
    assert_int_equal(fileio_open_regular(d, "out/s.txt", 100, &fd, NULL), ERR_PATH);
    assert_int_equal(fileio_open_regular(d, "sub/../sub/ok.txt", 100, &fd, NULL), ERR_PATH);
    assert_int_equal(fileio_open_regular(d, "/etc/passwd", 100, &fd, NULL), ERR_PATH);
    assert_int_equal(fileio_open_regular(d, "sub//ok.txt", 100, &fd, NULL), ERR_PATH);
    assert_int_equal(fileio_open_regular(d, "sub", 100, &fd, NULL), ERR_FORMAT);
    assert_int_equal(fileio_open_regular(d, "nope", 100, &fd, NULL), ERR_NOTFOUND);
    /* root given as a whole path: its last component is not followed */
    snprintf(p, sizeof p, "%s/sub/link", d);
    assert_int_equal(fileio_open_regular(p, NULL, 100, &fd, NULL), ERR_PATH);
    /* the kiosk's own reads never block on a FIFO either */
    snprintf(p, sizeof p, "%s/sub/fifo", d);
    char *buf = NULL;
    size_t len = 0;
    assert_int_equal(fileio_read_all(p, 100, &buf, &len), ERR_FORMAT);
    assert_int_equal(fileio_sha256_file(p, hex, NULL), ERR_FORMAT);
    /* mkdir beneath a stick never through a link */
    assert_int_equal(fileio_mkdir_beneath(d, "out/new/deeper", 0755), ERR_PATH);
    snprintf(p, sizeof p, "%s/../outside/new", d);
    assert_int_equal(access(p, F_OK), -1);
    assert_int_equal(fileio_mkdir_beneath(d, "a/b/c", 0755), ERR_OK);
    assert_int_equal(fileio_mkdir_beneath(d, "a/b/c", 0755), ERR_OK);
    snprintf(p, sizeof p, "%s/a/b/c", d);
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
}

/* ---- A refused pack never writes into installed content (issue 10) ---- */

static void test_refused_report_not_into_installed_content(void **state)
{
    (void)state;
    char pack[400], path[1200], link[500];
    good_pack(pack, sizeof pack, "1", 1, "sahel-2025", "k1", 0);
    install_ok(pack, 1);
    PackInstalled in;
    assert_int_equal(pack_select(data, 0, &in), ERR_OK);
    /* the installed version itself offered as a pack (refused: not newer) */
    PackReport rep;
    snprintf(path, sizeof path, "%s/content/current", data);
    assert_int_equal(pack_install(data, path, &trust, &rep), ERR_ROLLBACK);
    /* and through a link on a stick pointing at it */
    snprintf(link, sizeof link, "%s/sticklink", root);
    assert_int_equal(symlink(in.root, link), 0);
    assert_int_equal(pack_install(data, link, &trust, &rep), ERR_ROLLBACK);
    snprintf(path, sizeof path, "%s/%s", in.root, PACK_REPORT);
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(assert_installed_complete(), 1);
    /* a refused pack on the stick still gets its report */
    good_pack(pack, sizeof pack, "1b", 1, "sahel-2025", "k1", 0);
    assert_int_equal(pack_install(data, pack, &trust, &rep), ERR_ROLLBACK);
    assert_report(pack, "REFUSED");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_comment_parse),
        T(test_key_and_sig_parse),
        T(test_good_pack_installs_prehashed),
        T(test_legacy_signature_and_second_key),
        T(test_upgrade_keeps_previous_and_fallback),
        T(test_unlisted_files_ignored),
        T(test_attack_unsigned),
        T(test_attack_wrong_key),
        T(test_attack_altered_file_same_size),
        T(test_attack_altered_file_size),
        T(test_attack_missing_file),
        T(test_attack_edited_manifest),
        T(test_attack_edited_trusted_comment),
        T(test_attack_garbage_signature),
        T(test_attack_rollback),
        T(test_attack_rollback_older),
        T(test_attack_other_campaign),
        T(test_attack_comment_disagrees_with_manifest),
        T(test_attack_no_taama_comment),
        T(test_attack_dotdot_path),
        T(test_attack_symlink_outside),
        T(test_attack_outside_top_dirs),
        T(test_attack_oversize),
        T(test_attack_too_many_files),
        T(test_not_configured),
        T(test_power_cut_at_every_step),
        T(test_power_loss_at_every_step),
        T(test_io_failure_at_every_operation),
        T(test_trust_load),
        T(test_cli),
        T(test_hostile_fifo_manifest),
        T(test_hostile_fifo_signature),
        T(test_hostile_fifo_listed_file),
        T(test_hostile_linked_manifest),
        T(test_hostile_linked_folder),
        T(test_open_regular_refuses_hostile_files),
        T(test_refused_report_not_into_installed_content),
    };
    /* a FIFO that blocks an open would hang the run: fail it instead */
    alarm(600);
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
