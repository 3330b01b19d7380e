/* validate.c: the strict format of everything an export carries, checked
 * at merge before anything is counted, and the sanitising of export text
 * printed on a terminal.
 *
 * An export comes from a stick that anyone may have handled, signed by a
 * key that anyone can make. Every manifest field and every CSV field is
 * therefore checked against a narrow format (real dates, fixed-length hex,
 * names from a small alphabet, bounded whole numbers) and anything else
 * refuses the whole export, naming the file and the field. The manifest's
 * fields are a table: a new field (clock status, fleet health...) is one
 * line in manifest_rules[]. An unknown field is refused too: a reader that
 * does not know a field cannot say it is harmless. health.json (fleet
 * health) is checked the same way, field by field from health_rules[]. */
#include "report/report.h"

#include <stddef.h>
#include <string.h>

#include <json-c/json.h>

#include "export/contacts.h"
#include "export/export.h"
#include "manifest/manifest.h"

/* ---- small formats ---- */

int report_uint_ok(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
    /* Digits only, no sign, no spaces, no leading zero (one spelling per
     * number), at most 18 digits so the value fits before the range check. */
    size_t n = strlen(s);
    if (n == 0 || n > 18 || (n > 1 && s[0] == '0'))
        return 0;
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    if (v < lo || v > hi)
        return 0;
    if (out)
        *out = v;
    return 1;
}

int report_date_ok(const char *d)
{
    if (strlen(d) != 10 || d[4] != '-' || d[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
            return 0;
    int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
    int mon = (d[5] - '0') * 10 + (d[6] - '0'), day = (d[8] - '0') * 10 + (d[9] - '0');
    /* From 1970: a Raspberry Pi without a clock may start there, and its
     * counts are flagged, not refused. */
    if (y < REPORT_YEAR_MIN || y > REPORT_YEAR_MAX || mon < 1 || mon > 12 || day < 1)
        return 0;
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return day <= mdays[mon - 1] + (mon == 2 && leap);
}

static int hex_ok(const char *s, size_t len)
{
    if (strlen(s) != len)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return 1;
}

int report_kiosk_id_ok(const char *s)
{
    return hex_ok(s, 32);
}

int report_pubkey_ok(const char *s)
{
    return hex_ok(s, 64);
}

int report_metric_ok(const char *s)
{
    /* [a-z][a-z0-9_]*, as stats_metric_name() makes them. */
    size_t n = strlen(s);
    if (n == 0 || n > REPORT_NAME_MAX || s[0] < 'a' || s[0] > 'z')
        return 0;
    for (size_t i = 1; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return 0;
    return 1;
}

int report_lang_ok(const char *s)
{
    /* Empty, or a language code: 2-3 lowercase letters, then optional
     * "-Xxxx" parts (script, region) of 1-8 letters or digits. */
    size_t n = strlen(s);
    if (n == 0)
        return 1;
    if (n > REPORT_LANG_MAX)
        return 0;
    size_t i = 0;
    while (i < n && s[i] >= 'a' && s[i] <= 'z')
        i++;
    if (i < 2 || i > 3)
        return 0;
    while (i < n) {
        if (s[i] != '-')
            return 0;
        size_t j = ++i;
        while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
            i++;
        if (i - j < 1 || i - j > 8)
            return 0;
    }
    return 1;
}

int report_module_ok(const char *s)
{
    /* Empty, or what the kiosk's statistics accept as a module id
     * ([A-Za-z0-9_.-], stats.c ident_ok; content ids are narrower still):
     * refusing more would refuse real exports. */
    size_t n = strlen(s);
    if (n > REPORT_MODULE_MAX)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
              s[i] == '-' || s[i] == '_' || s[i] == '.'))
            return 0;
    return 1;
}

/* Length of the UTF-8 sequence at s (shortest form, no surrogates, at most
 * U+10FFFF) and its code point, or 0 if invalid. */
static size_t utf8_next(const unsigned char *s, uint32_t *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t n;
    uint32_t c, min;
    if ((s[0] & 0xE0) == 0xC0) {
        n = 2, c = s[0] & 0x1Fu, min = 0x80;
    } else if ((s[0] & 0xF0) == 0xE0) {
        n = 3, c = s[0] & 0x0Fu, min = 0x800;
    } else if ((s[0] & 0xF8) == 0xF0) {
        n = 4, c = s[0] & 0x07u, min = 0x10000;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3Fu);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

/* A code point that changes how the text around it is shown: C0 and C1
 * controls, DEL, and the bidi embeddings, overrides and isolates (which
 * can make a label display as something else, the way "Trojan source"
 * hides code). */
static int cp_control(uint32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* On a terminal, the bidi marks too: nothing invisible gets through. */
static int cp_term_unsafe(uint32_t c)
{
    return cp_control(c) || c == 0x200E || c == 0x200F || c == 0x061C;
}

int report_label_ok(const char *s)
{
    /* A person's name for a place, in any script, as the kiosk's settings
     * keep it (controls stripped, never cut inside a character). */
    return *s && report_text_ok(s, REPORT_LABEL_MAX);
}

int report_text_ok(const char *s, size_t max)
{
    /* Valid UTF-8 without controls or bidi embeddings, overrides and
     * isolates. Marks (LRM, RLM, ALM) are fine in Arabic text; < > & are
     * fine too ("Agadez -> Arlit"): every output escapes them. */
    size_t n = strlen(s);
    if (n > max)
        return 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        uint32_t c;
        size_t k = utf8_next(p, &c);
        if (!k || cp_control(c))
            return 0;
        p += k;
    }
    return 1;
}

void report_term_safe(const char *in, char *out, size_t outsz)
{
    /* Control characters become "?", so a folder name or a label on a stick
     * cannot move the cursor, retitle the window or hide a line (ESC
     * sequences); invalid UTF-8 bytes become "?" too. A cut never splits a
     * character. */
    if (!outsz)
        return;
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)in;
    while (*p) {
        uint32_t c;
        size_t k = utf8_next(p, &c);
        const char *piece = (const char *)p;
        size_t plen = k;
        if (!k || cp_term_unsafe(c)) {
            piece = "?";
            plen = 1;
            if (!k)
                k = 1;
        }
        if (o + plen >= outsz)
            break;
        memcpy(out + o, piece, plen);
        o += plen;
        p += k;
    }
    out[o] = '\0';
}

/* ---- the manifest ---- */

static int v_kind(const char *v)
{
    return strcmp(v, EXPORT_KIND) == 0;
}

static int v_epoch(const char *v)
{
    return report_uint_ok(v, 1, INT32_MAX, NULL);
}

static int v_seq(const char *v)
{
    return report_uint_ok(v, 1, REPORT_SEQ_MAX, NULL);
}

static int v_rows(const char *v)
{
    return report_uint_ok(v, 0, REPORT_ROWS_MAX, NULL);
}

static int v_time(const char *v)
{
    return report_uint_ok(v, 0, REPORT_TIME_MAX, NULL);
}

static int v_day_or_empty(const char *v)
{
    return !*v || report_date_ok(v);
}

static int v_bool(const char *v)
{
    return strcmp(v, "0") == 0 || strcmp(v, "1") == 0;
}

static int v_columns(const char *v)
{
    return strcmp(v, EXPORT_CSV_HEADER) == 0;
}

/* Every field an export's manifest may hold. Add new fields here. */
static const ReportFieldRule manifest_rules[] = {
    {"kind", 1, v_kind, "\"" EXPORT_KIND "\""},
    {"kiosk_id", 1, report_kiosk_id_ok, "32 lowercase hex digits"},
    {"kiosk_pubkey", 1, report_pubkey_ok, "64 lowercase hex digits"},
    {"kiosk_label", 0, report_label_ok, "1 to 63 bytes of UTF-8 text without control or bidi override characters"},
    {"epoch", 1, v_epoch, "a whole number from 1 to 2147483647"},
    {"seq", 1, v_seq, "a whole number from 1 to 1000000000"},
    {"rows", 1, v_rows, "a whole number from 0 to 50000000"},
    {"day_first", 1, v_day_or_empty, "a real date YYYY-MM-DD (1970 to 2199), or empty when rows is 0"},
    {"day_last", 1, v_day_or_empty, "a real date YYYY-MM-DD (1970 to 2199), or empty when rows is 0"},
    {"created", 1, v_time, "seconds since 1970, at most 4102444800"},
    {"encrypted", 1, v_bool, "0 or 1"},
    {"columns", 1, v_columns, "\"" EXPORT_CSV_HEADER "\""},
};

const ReportFieldRule *report_manifest_rules(size_t *n)
{
    *n = sizeof manifest_rules / sizeof manifest_rules[0];
    return manifest_rules;
}

static const ReportFieldRule *rule_for(const char *key)
{
    for (size_t i = 0; i < sizeof manifest_rules / sizeof manifest_rules[0]; i++)
        if (strcmp(manifest_rules[i].key, key) == 0)
            return &manifest_rules[i];
    return NULL;
}

Err report_manifest_check(const Manifest *m, char *why, size_t whysz)
{
#define BAD(...)                                \
    do {                                        \
        snprintf(why, whysz, __VA_ARGS__);      \
        return ERR_FORMAT;                      \
    } while (0)
    char safe[80];
    for (size_t i = 0; i < manifest_meta_count(m); i++) {
        const char *k = manifest_meta_key(m, i);
        if (!rule_for(k)) {
            report_term_safe(k, safe, sizeof safe);
            BAD(EXPORT_MANIFEST_NAME ": unknown field \"%s\" (made by a newer Taama? update taama-report)", safe);
        }
    }
    for (size_t i = 0; i < sizeof manifest_rules / sizeof manifest_rules[0]; i++) {
        const ReportFieldRule *r = &manifest_rules[i];
        const char *v = manifest_get(m, r->key);
        if (!v) {
            if (r->required)
                BAD(EXPORT_MANIFEST_NAME ": field %s is missing", r->key);
            continue;
        }
        if (!r->check(v))
            BAD(EXPORT_MANIFEST_NAME ": field %s is not %s", r->key, r->expect);
    }
    /* Between fields. */
    int64_t rows = 0;
    report_uint_ok(manifest_get(m, "rows"), 0, REPORT_ROWS_MAX, &rows);
    const char *df = manifest_get(m, "day_first"), *dl = manifest_get(m, "day_last");
    if ((rows == 0) != (!*df) || (!*df) != (!*dl))
        BAD(EXPORT_MANIFEST_NAME ": fields day_first and day_last must be dates exactly when rows is not 0");
    if (strcmp(df, dl) > 0)
        BAD(EXPORT_MANIFEST_NAME ": field day_first is after day_last");
    int enc = strcmp(manifest_get(m, "encrypted"), "1") == 0;
    const char *dname = enc ? EXPORT_SEALED_NAME : EXPORT_CSV_NAME;
    const ManifestFile *f = manifest_find_file(m, dname);
    /* health.json is optional: kiosks before fleet health do not write it. */
    const ManifestFile *h = manifest_find_file(m, EXPORT_HEALTH_NAME);
    /* contacts.json too: kiosks before issue 12 do not write it. */
    const ManifestFile *c = manifest_find_file(m, EXPORT_CONTACTS_NAME);
    if (manifest_file_count(m) != (size_t)(1 + (h != NULL) + (c != NULL)) || !f)
        BAD(EXPORT_MANIFEST_NAME ": files must list exactly %s (encrypted is %s) and optionally " EXPORT_HEALTH_NAME
                                 " and " EXPORT_CONTACTS_NAME,
            dname, enc ? "1" : "0");
    if (c && c->size > EXPORT_CONTACTS_MAX_BYTES)
        BAD(EXPORT_MANIFEST_NAME ": files: " EXPORT_CONTACTS_NAME " is listed as %llu bytes, more than %u",
            (unsigned long long)c->size, EXPORT_CONTACTS_MAX_BYTES);
    if (f->size > EXPORT_MAX_BYTES)
        BAD(EXPORT_MANIFEST_NAME ": files: %s is listed as %llu bytes, more than %u", dname,
            (unsigned long long)f->size, EXPORT_MAX_BYTES);
    if (h && h->size > EXPORT_HEALTH_MAX_BYTES)
        BAD(EXPORT_MANIFEST_NAME ": files: " EXPORT_HEALTH_NAME " is listed as %llu bytes, more than %u",
            (unsigned long long)h->size, EXPORT_HEALTH_MAX_BYTES);
    return ERR_OK;
#undef BAD
}

/* ---- health.json ---- */

/* "YYYY-MM-DD" at the start of s, a real date. */
static int day_prefix_ok(const char *s)
{
    char d[11];
    if (strlen(s) < 10)
        return 0;
    memcpy(d, s, 10);
    d[10] = '\0';
    return report_date_ok(d);
}

static int h_build_version(const char *v)
{
    /* A Debian-style version: 1-31 of [0-9A-Za-z.+~-]. */
    size_t n = strlen(v);
    if (n == 0 || n > 31)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((v[i] >= '0' && v[i] <= '9') || (v[i] >= 'a' && v[i] <= 'z') || (v[i] >= 'A' && v[i] <= 'Z') ||
              v[i] == '.' || v[i] == '+' || v[i] == '~' || v[i] == '-'))
            return 0;
    return 1;
}

static int h_last_touch(const char *v)
{
    /* Privacy: a day and an hour, never finer. */
    return !*v || (strlen(v) == 13 && day_prefix_ok(v) && v[10] == ' ' && v[11] >= '0' && v[11] <= '2' &&
                   v[12] >= '0' && v[12] <= '9' && (v[11] - '0') * 10 + (v[12] - '0') <= 23);
}

static int h_touch_test(const char *v)
{
    /* "YYYY-MM-DD N/M", N cells touched of M. */
    if (!*v)
        return 1;
    if (!day_prefix_ok(v) || v[10] != ' ')
        return 0;
    char num[8], den[8];
    const char *slash = strchr(v + 11, '/');
    if (!slash || (size_t)(slash - (v + 11)) >= sizeof num || strlen(slash + 1) >= sizeof den)
        return 0;
    memcpy(num, v + 11, (size_t)(slash - (v + 11)));
    num[slash - (v + 11)] = '\0';
    memcpy(den, slash + 1, strlen(slash + 1) + 1);
    int64_t a = 0, b = 0;
    return report_uint_ok(num, 0, 9999, &a) && report_uint_ok(den, 1, 9999, &b) && a <= b;
}

static int h_sound_test(const char *v)
{
    return !*v || (day_prefix_ok(v) && (strcmp(v + 10, " played") == 0 || strcmp(v + 10, " no_device") == 0));
}

static int h_clock_status(const char *v)
{
    static const char *const names[] = {"ok", "before_build", "before_last", "jumped_back", "unknown"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(v, names[i]) == 0)
            return 1;
    return 0;
}

static int h_held_days(const char *v)
{
    /* Empty, or real dates separated by commas. */
    if (!*v)
        return 1;
    for (;;) {
        if (!day_prefix_ok(v))
            return 0;
        if (!v[10])
            return 1;
        if (v[10] != ',')
            return 0;
        v += 11;
    }
}

static int h_last_set(const char *v)
{
    return !*v || strcmp(v, "admin") == 0 || strcmp(v, "stick") == 0;
}

#define H_INT(k, lo, hi, expect) {#k, 0, lo, hi, NULL, offsetof(ReportHealth, k), 0, expect}
#define H_TEXT(k, check, expect) {#k, 1, 0, 0, check, offsetof(ReportHealth, k), sizeof(((ReportHealth *)0)->k), expect}
#define COUNT "a whole number from 0 to 1000000000"

/* Every field of health.json but "kind", in the kiosk's (sorted) order.
 * Add new fields here (and to ReportHealth, HEALTH_SQL, fleet.c). The
 * clock fields take any time up to year 9999: a wrong clock is exactly
 * what they report, and refusing them would refuse the counts too. */
static const ReportHealthRule health_rules[] = {
    H_TEXT(build_version, h_build_version, "1 to 31 of [0-9A-Za-z.+~-]"),
    H_INT(clock_corrections, 0, REPORT_COUNT_MAX, COUNT),
    H_TEXT(clock_held_days, h_held_days, "empty or real dates YYYY-MM-DD separated by commas"),
    H_INT(clock_held_events, 0, REPORT_COUNT_MAX, COUNT),
    H_INT(clock_kiosk_time, 0, REPORT_CLOCK_MAX, "seconds since 1970, at most 253402300799"),
    H_TEXT(clock_last_set, h_last_set, "empty, \"admin\" or \"stick\""),
    H_INT(clock_max_back_s, 0, REPORT_CLOCK_MAX, "seconds, at most 253402300799"),
    H_INT(clock_offset_s, -REPORT_CLOCK_MAX, REPORT_CLOCK_MAX, "seconds, at most 253402300799 either way"),
    H_INT(clock_problems, 0, REPORT_COUNT_MAX, COUNT),
    H_TEXT(clock_status, h_clock_status, "ok, before_build, before_last, jumped_back or unknown"),
    H_INT(clock_system_time, 0, REPORT_CLOCK_MAX, "seconds since 1970, at most 253402300799"),
    H_INT(content_version, 0, INT64_MAX, "a whole number from 0"),
    H_INT(crashes, 0, REPORT_COUNT_MAX, COUNT),
    H_INT(disk_free_mb, -1, INT64_C(1000000000000), "-1 (unknown) or a whole number of MB"),
    H_TEXT(last_touch, h_last_touch, "empty or a day and an hour \"YYYY-MM-DD HH\" (never finer)"),
    H_TEXT(sound_test, h_sound_test, "empty or \"YYYY-MM-DD played\" or \"YYYY-MM-DD no_device\""),
    H_INT(starts, 0, REPORT_COUNT_MAX, COUNT),
    H_TEXT(touch_test, h_touch_test, "empty or \"YYYY-MM-DD N/M\" (N of M cells, N <= M)"),
    H_INT(uptime_s, -1, REPORT_CLOCK_MAX, "-1 (unknown) or seconds"),
    H_INT(warnings, 0, REPORT_COUNT_MAX, COUNT),
    H_INT(watchdog_resets, 0, REPORT_COUNT_MAX, COUNT),
};
#define NHEALTH (sizeof health_rules / sizeof health_rules[0])

const ReportHealthRule *report_health_rules(size_t *n)
{
    *n = NHEALTH;
    return health_rules;
}

Err report_health_check(const char *buf, size_t len, ReportHealth *out, char *why, size_t whysz)
{
#define BAD(...)                                \
    do {                                        \
        snprintf(why, whysz, __VA_ARGS__);      \
        goto out;                               \
    } while (0)
    memset(out, 0, sizeof *out);
    Err e = ERR_FORMAT;
    json_object *o = NULL;
    char safe[48];
    unsigned char seen[NHEALTH] = {0};
    if (len > EXPORT_HEALTH_MAX_BYTES || len > INT32_MAX)
        BAD(EXPORT_HEALTH_NAME ": more than %u bytes", EXPORT_HEALTH_MAX_BYTES);
    json_tokener *tok = json_tokener_new();
    if (!tok)
        return ERR_NOMEM;
    o = json_tokener_parse_ex(tok, buf, (int)len);
    /* One object and nothing after it but the kiosk's final newline. */
    size_t end = json_tokener_get_error(tok) == json_tokener_success ? json_tokener_get_parse_end(tok) : 0;
    json_tokener_free(tok);
    if (!o || !json_object_is_type(o, json_type_object) || !(end == len || (end + 1 == len && buf[end] == '\n')))
        BAD(EXPORT_HEALTH_NAME ": not one JSON object");
    int kind = 0;
    json_object_object_foreach(o, key, val)
    {
        if (strcmp(key, "kind") == 0) {
            if (!json_object_is_type(val, json_type_string) || strcmp(json_object_get_string(val), EXPORT_HEALTH_KIND))
                BAD(EXPORT_HEALTH_NAME ": field kind is not \"" EXPORT_HEALTH_KIND "\"");
            kind = 1;
            continue;
        }
        size_t i = 0;
        while (i < NHEALTH && strcmp(health_rules[i].key, key) != 0)
            i++;
        if (i == NHEALTH) {
            report_term_safe(key, safe, sizeof safe);
            BAD(EXPORT_HEALTH_NAME ": unknown field \"%s\" (made by a newer Taama? update taama-report)", safe);
        }
        const ReportHealthRule *r = &health_rules[i];
        char *dst = (char *)out + r->off;
        if (!r->is_text) {
            int64_t v = json_object_is_type(val, json_type_int) ? json_object_get_int64(val) : 0;
            /* json-c saturates out-of-range numbers at INT64_MIN/MAX */
            if (!json_object_is_type(val, json_type_int) || v < r->lo || v > r->hi || v == INT64_MIN)
                BAD(EXPORT_HEALTH_NAME ": field %s is not %s", r->key, r->expect);
            memcpy(dst, &v, sizeof v);
        } else {
            const char *v = json_object_is_type(val, json_type_string) ? json_object_get_string(val) : NULL;
            size_t n = v ? strlen(v) : 0;
            if (!v || n != (size_t)json_object_get_string_len(val) || n >= r->cap || !r->check(v))
                BAD(EXPORT_HEALTH_NAME ": field %s is not %s", r->key, r->expect);
            memcpy(dst, v, n + 1);
        }
        seen[i] = 1;
    }
    if (!kind)
        BAD(EXPORT_HEALTH_NAME ": field kind is missing");
    for (size_t i = 0; i < NHEALTH; i++)
        if (!seen[i])
            BAD(EXPORT_HEALTH_NAME ": field %s is missing", health_rules[i].key);
    e = ERR_OK;
    if (whysz)
        why[0] = '\0';
out:
    json_object_put(o);
    return e;
#undef BAD
}

/* ---- one CSV record ---- */

Err report_row_check(char **f, size_t n, size_t record, const char *day_first, const char *day_last,
                     StatRow *row, char *why, size_t whysz)
{
    static const char *const col[6] = {"day", "metric", "lang", "module", "item", "value"};
    int bad = -1;
    int64_t item = -1, value = 0;
    if (n != 6) {
        snprintf(why, whysz, EXPORT_CSV_NAME " record %zu: %zu fields, not 6", record, n);
        return ERR_FORMAT;
    }
    if (!report_date_ok(f[0]))
        bad = 0;
    else if (!report_metric_ok(f[1]))
        bad = 1;
    else if (!report_lang_ok(f[2]))
        bad = 2;
    else if (!report_module_ok(f[3]))
        bad = 3;
    else if (*f[4] && !report_uint_ok(f[4], 0, REPORT_ITEM_MAX, &item))
        bad = 4;
    else if (!report_uint_ok(f[5], 0, REPORT_VALUE_MAX, &value))
        bad = 5;
    if (bad >= 0) {
        static const char *const expect[6] = {
            "a real date YYYY-MM-DD", "a metric name ([a-z][a-z0-9_]*, up to 31)",
            "empty or a language code (like ar, fr, pt-BR)", "empty or a module id ([A-Za-z0-9_.-], up to 39)",
            "empty or a whole number from 0 to 999999", "a whole number from 0 to 10000000 (a sane maximum per day)"};
        snprintf(why, whysz, EXPORT_CSV_NAME " record %zu, column %s: not %s", record, col[bad], expect[bad]);
        return ERR_FORMAT;
    }
    if (strcmp(f[0], day_first) < 0 || strcmp(f[0], day_last) > 0) {
        snprintf(why, whysz, EXPORT_CSV_NAME " record %zu, column day: outside the manifest's day_first..day_last",
                 record);
        return ERR_FORMAT;
    }
    memset(row, 0, sizeof *row);
    /* Lengths were checked above against the StatRow fields. */
    memcpy(row->day, f[0], 11);
    memcpy(row->metric, f[1], strlen(f[1]) + 1);
    memcpy(row->lang, f[2], strlen(f[2]) + 1);
    memcpy(row->module, f[3], strlen(f[3]) + 1);
    row->item = (int32_t)item;
    row->value = value;
    return ERR_OK;
}
