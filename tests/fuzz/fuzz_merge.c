/* fuzz_merge.c: fuzz target for merging kiosk exports and writing every
 * report from the result (taama-report merge, html, csv, dhis2).
 *
 * Input: pairs of parts cut at "%%" lines: the manifest's meta fields as
 * "key=value" lines, then the counters CSV; up to four exports. The harness
 * plays an honest-looking kiosk so the fuzzer gets past the signature: it
 * lists the CSV in the manifest with its real size and hash, fills in
 * kiosk_pubkey (unless given) and signs the manifest with a fixed Ed25519
 * key chosen by "key_seed=N"; with "encrypted=1" it seals the CSV to a fixed
 * campaign key, which merge is given; "contacts_json=TEXT" writes TEXT as
 * the export's contacts.json and lists it. Then every export is merged into one
 * campaign database and the HTML, CSV and DHIS2 (fixed map) reports are
 * written. Checked: no crash or sanitizer report, merge messages carry no
 * terminal escape, the HTML holds only the markup html.c writes, the raw
 * CSV holds no negative count and no field a spreadsheet would run as a
 * formula; from UTF-8 input the HTML is UTF-8.
 *
 * A line "#expect TEXT" anywhere in the input is a note for the replay in
 * make check (FUZZ_TARGET builds): the merge messages must hold TEXT, so a
 * corpus file shows it still reaches the code it was written for (a seed
 * "taken", a reproducer refused for its own reason). Lines starting with
 * # are never manifest fields; under libFuzzer #expect is ignored. */
#include "fuzz.h"

#include <ctype.h>
#include <strings.h>
#include <sodium.h>

#include "core/log.h"
#include "export/contacts.h"
#include "export/export.h"
#include "manifest/manifest.h"
#include "report/report.h"

static const char dhis2_map[] = "period,monthly\n"
                                "orgunit,*,OuOther0001\n"
                                "element,session_start,*,*,*,DeSessions1,HllvX50cXC0,\n"
                                "element,module_completed,*,*,*,DeComplete1,HllvX50cXC0,\n"
                                "element,language_chosen,ti,*,*,DeLangTi001,HllvX50cXC0,\n";

static unsigned char campaign_pk[crypto_box_PUBLICKEYBYTES], campaign_sk[crypto_box_SECRETKEYBYTES];

static void fail(const char *what, const char *text, size_t len)
{
    fprintf(stderr, "fuzz_merge: %s\n%.*s\n", what, (int)(len > 4000 ? 4000 : len), text);
    abort();
}

/* Build export folder dir from a meta part and a CSV part. */
static void make_export(const char *dir, const char *meta, size_t mlen, const char *csv, size_t clen)
{
    Manifest *m = manifest_new();
    if (!m)
        abort();
    unsigned char seed[crypto_sign_SEEDBYTES] = {0};
    int have_pk = 0, encrypted = 0, contacts = 0;
    const char *p = meta, *end = meta + mlen;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *eq = *p == '#' ? NULL : memchr(p, '=', (size_t)(le - p));
        if (eq && eq > p && eq - p < 64 && le - eq < 4096) {
            char key[64], val[4096];
            snprintf(key, sizeof key, "%.*s", (int)(eq - p), p);
            snprintf(val, sizeof val, "%.*s", (int)(le - eq - 1), eq + 1);
            if (strcmp(key, "key_seed") == 0)
                seed[0] = (unsigned char)atoi(val);
            else if (strcmp(key, "contacts_json") == 0 && !contacts) {
                fz_write(dir, EXPORT_CONTACTS_NAME, val, strlen(val));
                if (manifest_add_file_from_disk(m, dir, EXPORT_CONTACTS_NAME) != ERR_OK)
                    abort(); /* the harness wrote it */
                contacts = 1;
            } else {
                have_pk |= strcmp(key, "kiosk_pubkey") == 0;
                if (strcmp(key, "encrypted") == 0)
                    encrypted = strcmp(val, "1") == 0;
                /* a key or value the manifest refuses is left out: the
                 * kiosk could not have written it */
                if (manifest_set(m, key, val) != ERR_OK)
                    have_pk &= strcmp(key, "kiosk_pubkey") != 0;
            }
        }
        p = le + 1;
    }
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(pk, sk, seed);
    if (!have_pk) {
        char hex[2 * crypto_sign_PUBLICKEYBYTES + 1];
        sodium_bin2hex(hex, sizeof hex, pk, sizeof pk);
        if (manifest_set(m, "kiosk_pubkey", hex) != ERR_OK)
            abort();
    }
    if (encrypted) {
        size_t slen = clen + crypto_box_SEALBYTES;
        unsigned char *sealed = malloc(slen);
        if (!sealed)
            abort();
        crypto_box_seal(sealed, (const unsigned char *)csv, clen, campaign_pk);
        fz_write(dir, EXPORT_SEALED_NAME, sealed, slen);
        free(sealed);
        if (manifest_add_file_from_disk(m, dir, EXPORT_SEALED_NAME) != ERR_OK)
            abort();
    } else {
        fz_write(dir, EXPORT_CSV_NAME, csv, clen);
        if (manifest_add_file_from_disk(m, dir, EXPORT_CSV_NAME) != ERR_OK)
            abort();
    }
    char *bytes = NULL;
    size_t blen = 0;
    if (manifest_serialize(m, &bytes, &blen) != ERR_OK) {
        manifest_free(m);
        return;
    }
    fz_write(dir, EXPORT_MANIFEST_NAME, bytes, blen);
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, NULL, (const unsigned char *)bytes, blen, sk);
    char sighex[2 * crypto_sign_BYTES + 2];
    sodium_bin2hex(sighex, sizeof sighex - 1, sig, sizeof sig);
    strcat(sighex, "\n");
    fz_write(dir, EXPORT_SIG_NAME, sighex, strlen(sighex));
    free(bytes);
    manifest_free(m);
}

/* The report's markup is its own: every tag is one html.c writes, and no
 * tag carries an event handler (on...=). Returns a description of the first
 * foreign tag, or NULL. Input that reaches the HTML unescaped shows here. */
static const char *foreign_markup(const char *h, size_t len)
{
    static const char *const known[] = {"!DOCTYPE", "html", "head", "meta", "title", "style", "body",
                                        "h1", "h2", "p", "table", "caption", "thead", "tbody", "tr",
                                        "th", "td", "span", "svg", "defs", "pattern", "path", "rect",
                                        "text", "code", "h3", "line", "section", "dl", "dt", "dd",
                                        "div", NULL};
    for (size_t i = 0; i < len; i++) {
        if (h[i] != '<')
            continue;
        size_t j = i + 1 + (i + 1 < len && h[i + 1] == '/');
        size_t k = j;
        while (k < len && (isalnum((unsigned char)h[k]) || h[k] == '!'))
            k++;
        int ok = 0;
        for (int n = 0; known[n] && !ok; n++)
            ok = strlen(known[n]) == k - j && strncasecmp(known[n], h + j, k - j) == 0;
        if (!ok)
            return "a tag html.c never writes";
        for (size_t e = k; e + 3 < len && h[e] != '>'; e++)
            if ((isspace((unsigned char)h[e]) || h[e] == '/') && tolower((unsigned char)h[e + 1]) == 'o' &&
                tolower((unsigned char)h[e + 2]) == 'n')
                return "an event handler attribute";
    }
    return NULL;
}

/* No CSV field may start a spreadsheet formula: after any leading blanks,
 * none begins with = + - @ (the report prefixes such text with '). */
static int formula_cb(void *ctx, char **fields, size_t n, size_t record)
{
    (void)record;
    for (size_t i = 0; i < n; i++) {
        const char *f = fields[i];
        while (*f == ' ' || *f == '\t' || *f == '\r' || *f == '\n')
            f++;
        if (*f && strchr("=+-@", *f)) {
            *(const char **)ctx = fields[i];
            return 1;
        }
    }
    return 0;
}

static void check_csv(const char *csv, size_t len)
{
    const char *bad = NULL;
    char why[200];
    if (report_csv_parse(csv, len, formula_cb, &bad, why, sizeof why) != ERR_OK && bad)
        fail("a CSV field would run as a formula", csv, len);
}

#ifdef FUZZ_TARGET
/* Does text (len bytes) hold want (wl bytes)? (memmem is a GNU extension.) */
static int holds(const char *text, size_t len, const char *want, size_t wl)
{
    for (size_t i = 0; text && i + wl <= len; i++)
        if (memcmp(text + i, want, wl) == 0)
            return 1;
    return 0;
}

/* Replay only: every "#expect TEXT" line of the input must appear in the
 * merge messages. */
static void check_expected(const uint8_t *data, size_t size, const char *msgs, size_t msglen)
{
    static const char tag[] = "#expect ";
    const char *p = (const char *)data, *end = p + size;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        size_t n = (size_t)(le - p);
        if (n > sizeof tag - 1 && memcmp(p, tag, sizeof tag - 1) == 0) {
            const char *want = p + sizeof tag - 1;
            size_t wl = n - (sizeof tag - 1);
            if (!holds(msgs, msglen, want, wl)) {
                fprintf(stderr, "fuzz_merge: expected in the merge messages: %.*s\n", (int)wl, want);
                fail("a corpus file no longer does what its #expect says", msgs ? msgs : "", msgs ? msglen : 0);
            }
        }
        p = le + 1;
    }
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        if (sodium_init() < 0)
            abort();
        unsigned char cseed[crypto_box_SEEDBYTES] = {7};
        crypto_box_seed_keypair(campaign_pk, campaign_sk, cseed);
        fz_write(fz_dir(), "map.csv", dhis2_map, strlen(dhis2_map));
        ready = 1;
    }
    log_set_quiet(1);
    FzParts in;
    fz_split(data, size, &in);
    const char *root = fz_fresh("merge");
    char map[320], dbpath[320];
    snprintf(map, sizeof map, "%s/map.csv", fz_dir());
    snprintf(dbpath, sizeof dbpath, "%s/campaign.sqlite", root);
    Err why = ERR_OK;
    ReportDb *db = report_open(dbpath, &why);
    if (!db)
        return 0;
    sqlite3_exec(report_db_handle(db), "PRAGMA synchronous=OFF", NULL, NULL, NULL);

    char *msgs = NULL;
    size_t msglen = 0;
    FILE *mout = open_memstream(&msgs, &msglen);
    if (!mout)
        abort();
    MergeOptions mo = {.campaign_sk = campaign_sk, .out = mout};
    MergeSummary sum = {0};
    for (int i = 0; i + 1 < in.n && i < 8; i += 2) {
        char dir[320];
        snprintf(dir, sizeof dir, "%s/export-%d", root, i / 2);
        make_export(dir, in.p[i], in.len[i], in.p[i + 1], in.len[i + 1]);
        /* Refusals are counted in sum; only a database failure (a bug on a
         * fresh local database) is returned. */
        if (report_merge_path(db, dir, &mo, &sum) != ERR_OK)
            fail("merge: the database failed", in.p[i], in.len[i]);
    }
    fclose(mout);
    if (memchr(msgs, 0x1b, msglen))
        fail("terminal escape in merge messages", msgs, msglen);
    if (getenv("FUZZ_DEBUG"))
        fprintf(stderr, "%.*s", (int)msglen, msgs);
#ifdef FUZZ_TARGET
    check_expected(data, size, msgs, msglen);
#endif
    free(msgs);

    FILE *devnull = fopen("/dev/null", "w");
    if (!devnull)
        abort();
    char *html = NULL;
    size_t hlen = 0;
    FILE *hout = open_memstream(&html, &hlen);
    ReportOptions ro = {.min_count = 10, .title = NULL};
    ReportOptions raw = {.min_count = 0, .title = "a <b> & \"c\""};
    Err he = report_write_html(db, &ro, hout);
    fclose(hout);
    if (he != ERR_OK)
        fail("the HTML report of a merged database failed", err_str(he), strlen(err_str(he)));
    const char *bad = foreign_markup(html, hlen);
    if (bad)
        fail(bad, html, hlen);
    if (fz_valid_utf8(data, size) && !fz_valid_utf8((const unsigned char *)html, hlen))
        fail("UTF-8 input, but the HTML is not valid UTF-8 (a text cut inside a character?)", html, hlen);
    free(html);
    /* Every report of what merge accepted can be written. */
    if (report_write_html(db, &raw, devnull) != ERR_OK || report_write_csv(db, &ro, devnull) != ERR_OK)
        fail("the raw HTML or the suppressed CSV report failed", "", 0);
    char *csv = NULL;
    size_t clen = 0;
    FILE *cout = open_memstream(&csv, &clen);
    if (report_write_csv(db, &raw, cout) == ERR_OK) {
        fclose(cout);
        /* raw counts: the value (9th field) of every row is a count >= 0 */
        for (const char *line = csv; line && *line;) {
            const char *f = line;
            for (int n = 0; n < 8 && f; n++)
                f = strchr(f + 1, ',');
            if (f && f[1] == '-')
                fail("negative count in the CSV report", csv, clen);
            line = strchr(line, '\n');
            line = line ? line + 1 : NULL;
        }
        check_csv(csv, clen);
    } else {
        fclose(cout);
        fail("the raw CSV report failed", "", 0);
    }
    free(csv);
    if (report_write_dhis2(db, map, &ro, devnull, devnull) != ERR_OK ||
        report_write_dhis2(db, map, &raw, devnull, devnull) != ERR_OK)
        fail("a DHIS2 report failed", "", 0);
    fclose(devnull);
    report_close(db);
    return 0;
}
