/* test_manifest.c: canonical bytes, parse round trip, path rules, and
 * verification of a folder (missing, resized, changed, unlisted, escaping). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/fileio.h"
#include "manifest/manifest.h"

static char tmpdir[PATH_MAX];

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/taama-manifest-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static void put(const char *rel, const char *text)
{
    char path[PATH_MAX];
    assert_int_equal(fileio_join(path, sizeof path, tmpdir, rel), ERR_OK);
    assert_int_equal(fileio_write_atomic(path, text, strlen(text), 0644), ERR_OK);
}

#define H_ABC "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

static void test_canonical_bytes(void **state)
{
    (void)state;
    Manifest *a = manifest_new(), *b = manifest_new();
    assert_non_null(a);
    /* Same content, different insertion order: same bytes. */
    assert_int_equal(manifest_set(a, "kiosk_id", "k1"), ERR_OK);
    assert_int_equal(manifest_set_int(a, "epoch", 2), ERR_OK);
    assert_int_equal(manifest_add_file(a, "z/b.csv", 3, H_ABC), ERR_OK);
    assert_int_equal(manifest_add_file(a, "a.csv", 3, H_ABC), ERR_OK);
    assert_int_equal(manifest_add_file(b, "a.csv", 3, H_ABC), ERR_OK);
    assert_int_equal(manifest_add_file(b, "z/b.csv", 3, H_ABC), ERR_OK);
    assert_int_equal(manifest_set_int(b, "epoch", 2), ERR_OK);
    assert_int_equal(manifest_set(b, "kiosk_id", "k1"), ERR_OK);
    char *sa, *sb;
    size_t la, lb;
    assert_int_equal(manifest_serialize(a, &sa, &la), ERR_OK);
    assert_int_equal(manifest_serialize(b, &sb, &lb), ERR_OK);
    assert_int_equal(la, lb);
    assert_memory_equal(sa, sb, la);
    assert_string_equal(sa, "{\"files\":[{\"path\":\"a.csv\",\"sha256\":\"" H_ABC "\",\"size\":3},"
                            "{\"path\":\"z/b.csv\",\"sha256\":\"" H_ABC "\",\"size\":3}],"
                            "\"format\":\"taama-manifest-1\","
                            "\"meta\":{\"epoch\":\"2\",\"kiosk_id\":\"k1\"}}\n");
    /* Parse and re-serialize: identical bytes. */
    Err why = ERR_OK;
    Manifest *c = manifest_parse(sa, la, &why);
    assert_non_null(c);
    char *sc;
    size_t lc;
    assert_int_equal(manifest_serialize(c, &sc, &lc), ERR_OK);
    assert_int_equal(lc, la);
    assert_memory_equal(sa, sc, la);
    int64_t ep = 0;
    assert_int_equal(manifest_get_int(c, "epoch", &ep), ERR_OK);
    assert_int_equal(ep, 2);
    assert_int_equal(manifest_get_int(c, "kiosk_id", &ep), ERR_FORMAT);
    assert_int_equal(manifest_get_int(c, "nope", &ep), ERR_NOTFOUND);
    /* Only a number's own spelling counts (found by fuzz_manifest: "04"
     * read as 4, so two different signed texts meant the same count). */
    const char *const odd[] = {"04", "+4", " 4", "\t4", "-0", "4 ", "00", "-04"};
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
        assert_int_equal(manifest_set(c, "rows", odd[i]), ERR_OK);
        assert_int_equal(manifest_get_int(c, "rows", &ep), ERR_FORMAT);
    }
    const char *const fine[] = {"0", "4", "-4", "9223372036854775807"};
    for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++) {
        assert_int_equal(manifest_set(c, "rows", fine[i]), ERR_OK);
        assert_int_equal(manifest_get_int(c, "rows", &ep), ERR_OK);
    }
    assert_int_equal(manifest_file_count(c), 2);
    assert_string_equal(manifest_file(c, 0)->path, "a.csv");
    assert_non_null(manifest_find_file(c, "z/b.csv"));
    assert_null(manifest_file(c, 2));
    free(sa);
    free(sb);
    free(sc);
    manifest_free(a);
    manifest_free(b);
    manifest_free(c);
    manifest_free(NULL);
}

static void test_unicode_and_escapes(void **state)
{
    (void)state;
    Manifest *m = manifest_new();
    assert_int_equal(manifest_set(m, "campaign", "Sécurité \"route\" / تأمين"), ERR_OK);
    assert_int_equal(manifest_set(m, "Bad Key", "x"), ERR_INVALID);
    char *s;
    size_t n;
    assert_int_equal(manifest_serialize(m, &s, &n), ERR_OK);
    Err why;
    Manifest *p = manifest_parse(s, n, &why);
    assert_non_null(p);
    assert_string_equal(manifest_get(p, "campaign"), "Sécurité \"route\" / تأمين");
    free(s);
    manifest_free(m);
    manifest_free(p);
}

static void test_path_rules(void **state)
{
    (void)state;
    assert_true(manifest_path_ok("a/b.csv"));
    assert_true(manifest_path_ok("..a"));
    const char *bad[] = {"", "/etc/passwd", "../x", "a/../b", "a/..", "./a", "a//b", "a/", "a\\b", "a\nb"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_false(manifest_path_ok(bad[i]));
    Manifest *m = manifest_new();
    assert_int_equal(manifest_add_file(m, "../x", 1, H_ABC), ERR_PATH);
    assert_int_equal(manifest_add_file(m, "x", 1, "ABC"), ERR_INVALID);
    assert_int_equal(manifest_add_file(m, "x", 1, H_ABC), ERR_OK);
    assert_int_equal(manifest_add_file(m, "x", 1, H_ABC), ERR_INVALID);
    manifest_free(m);

    /* Hostile manifests: a bad path in the JSON is refused at parse. */
    const char *evil = "{\"files\":[{\"path\":\"../../etc/passwd\",\"sha256\":\"" H_ABC "\",\"size\":3}],"
                       "\"format\":\"taama-manifest-1\",\"meta\":{}}";
    Err why = ERR_OK;
    assert_null(manifest_parse(evil, strlen(evil), &why));
    assert_int_equal(why, ERR_PATH);
    const char *nul = "{\"files\":[{\"path\":\"a\\u0000b\",\"sha256\":\"" H_ABC "\",\"size\":3}],"
                      "\"format\":\"taama-manifest-1\",\"meta\":{}}";
    assert_null(manifest_parse(nul, strlen(nul), &why));
}

static void test_parse_rejects(void **state)
{
    (void)state;
    const char *cases[] = {
        "",
        "[]",
        "{\"files\":[],\"meta\":{}}",                                        /* no format */
        "{\"files\":[],\"format\":\"other\",\"meta\":{}}",                   /* wrong format */
        "{\"files\":{},\"format\":\"taama-manifest-1\",\"meta\":{}}",        /* files not array */
        "{\"files\":[],\"format\":\"taama-manifest-1\",\"meta\":{\"a\":1}}", /* non-string value */
        "{\"files\":[{\"path\":\"a\",\"sha256\":\"" H_ABC "\",\"size\":-1}],\"format\":\"taama-manifest-1\",\"meta\":{}}",
        "{\"files\":[{\"path\":\"a\",\"size\":1}],\"format\":\"taama-manifest-1\",\"meta\":{}}",
        "{\"files\":[],\"format\":\"taama-manifest-1\",\"meta\":{}} trailing",
        "{\"files\":[],\"format\":\"taama-manifest-1\",\"meta\":{}",         /* truncated */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Err why = ERR_OK;
        Manifest *m = manifest_parse(cases[i], strlen(cases[i]), &why);
        if (m)
            fail_msg("case %zu parsed: %s", i, cases[i]);
        assert_int_not_equal(why, ERR_OK);
    }
    /* Deep nesting does not blow the stack. */
    char deep[4000];
    memset(deep, '[', sizeof deep - 1);
    deep[sizeof deep - 1] = '\0';
    Err why;
    assert_null(manifest_parse(deep, strlen(deep), &why));
}

typedef struct {
    int n[5];
    char last[256];
} Issues;

static void on_issue(void *ctx, ManifestIssue k, const char *path, const char *detail)
{
    Issues *is = ctx;
    is->n[k]++;
    snprintf(is->last, sizeof is->last, "%s: %s (%s)", path, manifest_issue_str(k), detail);
}

static void test_verify_dir(void **state)
{
    (void)state;
    char sub[PATH_MAX];
    assert_int_equal(fileio_join(sub, sizeof sub, tmpdir, "d"), ERR_OK);
    assert_int_equal(fileio_mkdir_p(sub, 0755), ERR_OK);
    put("a.csv", "abc");
    put("d/b.csv", "hello");
    Manifest *m = manifest_new();
    assert_int_equal(manifest_add_file_from_disk(m, tmpdir, "a.csv"), ERR_OK);
    assert_int_equal(manifest_add_file_from_disk(m, tmpdir, "d/b.csv"), ERR_OK);
    assert_string_equal(manifest_find_file(m, "a.csv")->sha256, H_ABC);
    Issues is = {0};
    assert_int_equal(manifest_verify_dir(m, tmpdir, NULL, on_issue, &is), ERR_OK);
    assert_int_equal(is.n[MANIFEST_ISSUE_UNLISTED], 0);

    /* An extra file: reported, not fatal; ignored when asked. */
    put("manifest.json", "{}");
    memset(&is, 0, sizeof is);
    assert_int_equal(manifest_verify_dir(m, tmpdir, NULL, on_issue, &is), ERR_OK);
    assert_int_equal(is.n[MANIFEST_ISSUE_UNLISTED], 1);
    const char *ign[] = {"manifest.json", NULL};
    memset(&is, 0, sizeof is);
    assert_int_equal(manifest_verify_dir(m, tmpdir, ign, on_issue, &is), ERR_OK);
    assert_int_equal(is.n[MANIFEST_ISSUE_UNLISTED], 0);

    /* Same size, different bytes. */
    put("a.csv", "abd");
    memset(&is, 0, sizeof is);
    assert_int_equal(manifest_verify_dir(m, tmpdir, ign, on_issue, &is), ERR_HASH);
    assert_int_equal(is.n[MANIFEST_ISSUE_HASH], 1);
    /* Truncated. */
    put("a.csv", "ab");
    memset(&is, 0, sizeof is);
    assert_int_equal(manifest_verify_dir(m, tmpdir, ign, on_issue, &is), ERR_HASH);
    assert_int_equal(is.n[MANIFEST_ISSUE_SIZE], 1);
    /* Missing. */
    char p[PATH_MAX];
    assert_int_equal(fileio_join(p, sizeof p, tmpdir, "a.csv"), ERR_OK);
    unlink(p);
    memset(&is, 0, sizeof is);
    assert_int_equal(manifest_verify_dir(m, tmpdir, ign, on_issue, &is), ERR_NOTFOUND);
    assert_int_equal(is.n[MANIFEST_ISSUE_MISSING], 1);
    /* A symlink pointing outside the root is refused even if it matches. */
    char outside[PATH_MAX + 16];
    snprintf(outside, sizeof outside, "%s-outside", tmpdir);
    assert_int_equal(fileio_write_atomic(outside, "abc", 3, 0644), ERR_OK);
    assert_int_equal(symlink(outside, p), 0);
    put("d/b.csv", "hello");
    memset(&is, 0, sizeof is);
    assert_int_equal(manifest_verify_dir(m, tmpdir, ign, on_issue, &is), ERR_PATH);
    assert_int_equal(is.n[MANIFEST_ISSUE_OUTSIDE], 1);
    unlink(outside);
    manifest_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_canonical_bytes),
        cmocka_unit_test(test_unicode_and_escapes),
        cmocka_unit_test(test_path_rules),
        cmocka_unit_test(test_parse_rejects),
        cmocka_unit_test_setup_teardown(test_verify_dir, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
