/* contacts.c: the help contact lists kiosks export (contacts.json,
 * export/contacts.h): the strict reader, their storage per kiosk in the
 * campaign database, and the naming of counts by contact index.
 *
 * A kiosk counts take-away QR codes by the contact's position in its own
 * contacts.yaml, so "contact 2" means different services at different
 * sites and can change when a content pack is installed. Each count
 * (kiosk, day, index) is therefore named by that kiosk's list in force on
 * that day: the newest list whose days cover it. Exports from kiosks that
 * do not send lists still merge; their counts are named from the
 * manager's --content (said so in the label), else "contact #N". */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "content/content.h"
#include "core/fileio.h"
#include "export/contacts.h"
#include "report/rtext.h"
#include "stats/stats.h"

/* ---- the strict reader ---- */

static int id_ok(const char *s)
{
    size_t n = strlen(s);
    return n >= 1 && n <= STATS_CONTACT_ID_MAX && report_module_ok(s);
}

/* "YYYY-MM-DD" string value of o (a real date) as YYYYMMDD, or -1. */
static int32_t day_of(json_object *o)
{
    const char *s = json_object_is_type(o, json_type_string) ? json_object_get_string(o) : NULL;
    if (!s || !report_date_ok(s))
        return -1;
    return (int32_t)(atoi(s) * 10000 + atoi(s + 5) * 100 + atoi(s + 8));
}

/* Whether object o has exactly the n keys in keys. */
static int keys_exactly(json_object *o, const char *const *keys, int n, char *bad, size_t badsz)
{
    if (!json_object_is_type(o, json_type_object))
        return snprintf(bad, badsz, "is not an object"), 0;
    int seen = 0;
    json_object_object_foreach(o, k, v)
    {
        (void)v;
        int i = 0;
        while (i < n && strcmp(keys[i], k) != 0)
            i++;
        if (i == n) {
            char safe[48];
            report_term_safe(k, safe, sizeof safe);
            return snprintf(bad, badsz, "has an unknown field \"%s\" (made by a newer Taama? update taama-report)",
                            safe),
                   0;
        }
        seen++;
    }
    if (seen != n)
        return snprintf(bad, badsz, "lacks a field (it needs %s%s%s%s%s)", keys[0], n > 1 ? ", " : "",
                        n > 1 ? keys[1] : "", n > 2 ? ", " : "", n > 2 ? keys[2] : ""),
               0;
    return 1;
}

/* One contact object at position pos of a list starting first..last. */
static int contact_check(json_object *o, size_t pos, int32_t first, int32_t last, ReportContact *out,
                         char *bad, size_t badsz)
{
    static const char *const keys[] = {"id", "index", "label"};
    if (!keys_exactly(o, keys, 3, bad, badsz))
        return 0;
    json_object *jid, *jidx, *jl;
    json_object_object_get_ex(o, "id", &jid);
    json_object_object_get_ex(o, "index", &jidx);
    json_object_object_get_ex(o, "label", &jl);
    int64_t idx = json_object_is_type(jidx, json_type_int) ? json_object_get_int64(jidx) : -1;
    if (idx < 0 || idx >= STATS_CONTACTS_MAX)
        return snprintf(bad, badsz, "index is not a whole number from 0 to %d", STATS_CONTACTS_MAX - 1), 0;
    if ((size_t)idx < pos)
        return snprintf(bad, badsz, "index %lld is listed twice", (long long)idx), 0;
    if ((size_t)idx != pos)
        return snprintf(bad, badsz, "index %lld is out of order (indexes are 0, 1, 2... in order)", (long long)idx),
               0;
    const char *id = json_object_is_type(jid, json_type_string) ? json_object_get_string(jid) : NULL;
    if (!id || strlen(id) != (size_t)json_object_get_string_len(jid) || !id_ok(id))
        return snprintf(bad, badsz, "id is not 1 to %d of [A-Za-z0-9_.-]", STATS_CONTACT_ID_MAX), 0;
    const char *label = json_object_is_type(jl, json_type_string) ? json_object_get_string(jl) : NULL;
    if (!label || strlen(label) != (size_t)json_object_get_string_len(jl) ||
        !report_text_ok(label, STATS_CONTACT_LABEL_MAX))
        return snprintf(bad, badsz,
                        "label is not UTF-8 text of at most %d bytes without control or bidi override characters",
                        STATS_CONTACT_LABEL_MAX),
               0;
    *out = (ReportContact){.first_day = first, .last_day = last, .idx = (int32_t)idx};
    snprintf(out->id, sizeof out->id, "%s", id);
    snprintf(out->label, sizeof out->label, "%s", label);
    return 1;
}

/* One list object; appends its contacts to out (room made by the caller). */
static int list_check(json_object *o, int32_t *prev_first, ReportContacts *out, char *bad, size_t badsz)
{
    static const char *const keys[] = {"contacts", "first_day", "last_day"};
    if (!keys_exactly(o, keys, 3, bad, badsz))
        return 0;
    json_object *jc, *jf, *jl;
    json_object_object_get_ex(o, "contacts", &jc);
    json_object_object_get_ex(o, "first_day", &jf);
    json_object_object_get_ex(o, "last_day", &jl);
    int32_t first = day_of(jf), last = day_of(jl);
    if (first < 0 || last < 0)
        return snprintf(bad, badsz, "first_day and last_day must be real dates YYYY-MM-DD"), 0;
    if (first > last)
        return snprintf(bad, badsz, "first_day is after last_day"), 0;
    if (first <= *prev_first)
        return snprintf(bad, badsz, "first_day is not after the previous list's (lists go oldest first)"), 0;
    *prev_first = first;
    if (!json_object_is_type(jc, json_type_array) || json_object_array_length(jc) > STATS_CONTACTS_MAX)
        return snprintf(bad, badsz, "contacts is not a list of at most %d contacts", STATS_CONTACTS_MAX), 0;
    for (size_t i = 0; i < json_object_array_length(jc); i++) {
        char sub[200];
        if (!contact_check(json_object_array_get_idx(jc, i), i, first, last, &out->c[out->n], sub, sizeof sub))
            return snprintf(bad, badsz, "contact %zu: %s", i + 1, sub), 0;
        out->n++;
    }
    return 1;
}

Err report_contacts_check(const char *buf, size_t len, ReportContacts *out, char *why, size_t whysz)
{
#define BAD(...)                                                                                             \
    do {                                                                                                     \
        snprintf(why, whysz, EXPORT_CONTACTS_NAME ": " __VA_ARGS__);                                         \
        goto out;                                                                                            \
    } while (0)
    memset(out, 0, sizeof *out);
    Err e = ERR_FORMAT;
    json_object *o = NULL;
    if (len > EXPORT_CONTACTS_MAX_BYTES)
        BAD("more than %u bytes", EXPORT_CONTACTS_MAX_BYTES);
    if (memchr(buf, '\0', len))
        BAD("not one JSON object");
    json_tokener *tok = json_tokener_new_ex(8);
    if (!tok)
        return ERR_NOMEM;
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
    o = json_tokener_parse_ex(tok, buf, (int)len);
    size_t end = json_tokener_get_error(tok) == json_tokener_success ? json_tokener_get_parse_end(tok) : 0;
    json_tokener_free(tok);
    if (!o || !(end == len || (end + 1 == len && buf[end] == '\n')))
        BAD("not one JSON object");
    static const char *const keys[] = {"format", "lists"};
    char bad[300];
    if (!keys_exactly(o, keys, 2, bad, sizeof bad))
        BAD("the file %s", bad);
    json_object *jf, *jl;
    json_object_object_get_ex(o, "format", &jf);
    json_object_object_get_ex(o, "lists", &jl);
    if (!json_object_is_type(jf, json_type_string) || strcmp(json_object_get_string(jf), EXPORT_CONTACTS_FORMAT))
        BAD("format is not \"" EXPORT_CONTACTS_FORMAT "\" (made by a newer Taama? update taama-report)");
    size_t nl = json_object_is_type(jl, json_type_array) ? json_object_array_length(jl) : SIZE_MAX;
    if (nl > STATS_CONTACT_LISTS_MAX)
        BAD("lists is not a list of at most %d lists", STATS_CONTACT_LISTS_MAX);
    size_t total = 0;
    for (size_t i = 0; i < nl; i++) {
        json_object *c = NULL;
        json_object_object_get_ex(json_object_array_get_idx(jl, i), "contacts", &c);
        size_t k = json_object_is_type(c, json_type_array) ? json_object_array_length(c) : 0;
        /* a longer list is refused before any of it is kept: room for the
         * bound only, whatever a hostile file claims */
        total += k > STATS_CONTACTS_MAX ? STATS_CONTACTS_MAX : k;
    }
    e = ERR_NOMEM;
    if (!(out->c = malloc((total ? total : 1) * sizeof *out->c)))
        goto out;
    e = ERR_FORMAT;
    int32_t prev = -1;
    for (size_t i = 0; i < nl; i++) {
        if (!list_check(json_object_array_get_idx(jl, i), &prev, out, bad, sizeof bad))
            BAD("list %zu: %s", i + 1, bad);
    }
    e = ERR_OK;
    if (whysz)
        why[0] = '\0';
out:
    if (e)
        report_contacts_free(out);
    json_object_put(o);
    return e;
#undef BAD
}

void report_contacts_free(ReportContacts *c)
{
    if (!c)
        return;
    free(c->c);
    c->c = NULL;
    c->n = 0;
}

Err report_contacts_read(int dirfd, const Manifest *m, ReportContacts *out, char *why, size_t whysz)
{
    memset(out, 0, sizeof *out);
    const ManifestFile *f = manifest_find_file(m, EXPORT_CONTACTS_NAME);
    if (!f)
        return ERR_OK; /* a kiosk from before contact lists */
    char *buf = NULL, hex[65];
    size_t len = 0;
    Err e = report_stick_read(dirfd, EXPORT_CONTACTS_NAME, EXPORT_CONTACTS_MAX_BYTES, (int64_t)f->size, &buf, &len);
    if (e) {
        snprintf(why, whysz, "file check failed: " EXPORT_CONTACTS_NAME ": %s",
                 e == ERR_HASH       ? "wrong size"
                 : e == ERR_PATH     ? "not a regular file (a symlink, FIFO, device or folder): not read"
                 : e == ERR_NOTFOUND ? "missing"
                                     : err_str(e));
        free(buf);
        return e;
    }
    fileio_sha256_hex(buf, len, hex);
    if (strcmp(hex, f->sha256) != 0) {
        snprintf(why, whysz, "file check failed: " EXPORT_CONTACTS_NAME ": wrong SHA-256");
        e = ERR_HASH;
    } else {
        e = report_contacts_check(buf, len, out, why, whysz);
    }
    free(buf);
    return e;
}

/* ---- storage ---- */

Err report_contacts_store(sqlite3 *db, const char *kiosk, const ReportContacts *c)
{
    sqlite3_stmt *del = NULL, *ins = NULL;
    int ok = sqlite3_prepare_v2(db, "DELETE FROM contacts WHERE kiosk_id=?1 AND first_day=?2", -1, &del, NULL) ==
                 SQLITE_OK &&
             sqlite3_prepare_v2(db, "INSERT INTO contacts VALUES(?1, ?2, ?3, ?4, ?5, ?6)", -1, &ins, NULL) ==
                 SQLITE_OK;
    for (size_t i = 0; ok && i < c->n; i++) {
        const ReportContact *k = &c->c[i];
        if (i == 0 || k->first_day != c->c[i - 1].first_day) {
            sqlite3_bind_text(del, 1, kiosk, -1, SQLITE_STATIC);
            sqlite3_bind_int(del, 2, k->first_day);
            ok = sqlite3_step(del) == SQLITE_DONE;
            sqlite3_reset(del);
        }
        sqlite3_bind_text(ins, 1, kiosk, -1, SQLITE_STATIC);
        sqlite3_bind_int(ins, 2, k->first_day);
        sqlite3_bind_int(ins, 3, k->last_day);
        sqlite3_bind_int(ins, 4, k->idx);
        sqlite3_bind_text(ins, 5, k->id, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 6, k->label, -1, SQLITE_STATIC);
        ok = ok && sqlite3_step(ins) == SQLITE_DONE;
        sqlite3_reset(ins);
    }
    sqlite3_finalize(del);
    sqlite3_finalize(ins);
    return ok ? ERR_OK : ERR_DB;
}

int report_contacts_forget(sqlite3 *db, const char *kiosk)
{
    sqlite3_stmt *st = NULL;
    int ok = sqlite3_prepare_v2(db, "DELETE FROM contacts WHERE kiosk_id=?1", -1, &st, NULL) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_text(st, 1, kiosk, -1, SQLITE_STATIC);
        ok = sqlite3_step(st) == SQLITE_DONE;
    }
    sqlite3_finalize(st);
    return ok ? 0 : -1;
}

/* ---- naming counts ---- */

struct ReportContactNamer {
    sqlite3_stmt *q;
    const Content *content;
};

/* Every list of kiosk ?1 whose days meet ?2..?3, newest first, with its
 * contact at index ?4 (NULL when that list has none). */
#define NAME_SQL                                                                                             \
    "SELECT c.contact_id, c.label FROM (SELECT DISTINCT first_day AS f FROM contacts WHERE kiosk_id=?1"      \
    " AND first_day<=?3 AND last_day>=?2) l LEFT JOIN contacts c ON c.kiosk_id=?1 AND c.first_day=l.f"        \
    " AND c.idx=?4 ORDER BY l.f DESC"

ReportContactNamer *report_contact_namer_new(ReportDb *db, const Content *content)
{
    ReportContactNamer *n = calloc(1, sizeof *n);
    if (!n)
        return NULL;
    n->content = content;
    if (sqlite3_prepare_v2(report_db_handle(db), NAME_SQL, -1, &n->q, NULL) != SQLITE_OK) {
        report_contact_namer_free(n);
        return NULL;
    }
    return n;
}

void report_contact_namer_free(ReportContactNamer *n)
{
    if (!n)
        return;
    sqlite3_finalize(n->q);
    free(n);
}

/* The last day (YYYYMMDD) of the period starting on start. */
static int32_t period_end(int32_t start, ReportPeriod p)
{
    if (p == REPORT_PERIOD_MONTH)
        return start / 100 * 100 + 31; /* days compare as numbers: 31 bounds every month */
    if (p != REPORT_PERIOD_WEEK)
        return start;
    struct tm t = {.tm_year = start / 10000 - 1900, .tm_mon = start / 100 % 100 - 1, .tm_mday = start % 100 + 6,
                   .tm_hour = 12};
    time_t tt = timegm(&t);
    struct tm e;
    if (!gmtime_r(&tt, &e))
        return start;
    return (e.tm_year + 1900) * 10000 + (e.tm_mon + 1) * 100 + e.tm_mday;
}

ReportContactSource report_contact_name(ReportContactNamer *n, const char *kiosk, int32_t start, ReportPeriod p,
                                        int64_t idx, char *out, size_t sz)
{
    sqlite3_stmt *q = n->q;
    sqlite3_bind_text(q, 1, kiosk, -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 2, start);
    sqlite3_bind_int(q, 3, period_end(start, p));
    sqlite3_bind_int64(q, 4, idx);
    size_t o = 0, at[STATS_CONTACT_LISTS_MAX], nat = 0;
    out[0] = '\0';
    while (sqlite3_step(q) == SQLITE_ROW && nat < STATS_CONTACT_LISTS_MAX) {
        if (sqlite3_column_type(q, 0) == SQLITE_NULL)
            continue;
        char one[400];
        const char *label = (const char *)sqlite3_column_text(q, 1);
        int n1 = snprintf(one, sizeof one, "%s: %s", (const char *)sqlite3_column_text(q, 0),
                          *label ? report_tr_content(label) : "");
        if (n1 < 0 || (size_t)n1 >= sizeof one)
            n1 = (int)strlen(one);
        /* the same name from two lists once; different names all shown */
        int seen = 0;
        for (size_t i = 0; i < nat && !seen; i++)
            seen = strncmp(out + at[i], one, (size_t)n1) == 0 && (out[at[i] + (size_t)n1] == '\0' ||
                                                                  out[at[i] + (size_t)n1] == ' ');
        if (seen)
            continue;
        int w = snprintf(out + o, sz - o, "%s%s", o ? " / " : "", one);
        if (w < 0 || (size_t)w >= sz - o)
            break;
        at[nat++] = o + (o ? 3 : 0);
        o += (size_t)w;
    }
    sqlite3_reset(q);
    if (o)
        return REPORT_CONTACT_KIOSK;
    char base[400], id[80];
    report_contact_label(n->content, idx, base, sizeof base, id, sizeof id);
    ReportContactSource src = id[0] ? REPORT_CONTACT_CONTENT : REPORT_CONTACT_INDEX;
    snprintf(out, sz, "%s (%s)", base,
             src == REPORT_CONTACT_CONTENT ? R_("name from this computer's contacts.yaml: the kiosk sent no list")
                                           : R_("the kiosk sent no contact list"));
    return src;
}

typedef struct {
    char *label;
    ReportContactSource source;
    int64_t value;
} Total;

/* Add value under label in t (n used, cap allocated). */
static Err total_add(Total **t, size_t *n, size_t *cap, const char *label, ReportContactSource src, int64_t value)
{
    size_t i = 0;
    while (i < *n && strcmp((*t)[i].label, label) != 0)
        i++;
    if (i == *n) {
        if (*n == *cap) {
            size_t nc = *cap ? *cap * 2 : 16;
            Total *nt = realloc(*t, nc * sizeof *nt);
            if (!nt)
                return ERR_NOMEM;
            *t = nt;
            *cap = nc;
        }
        if (!((*t)[i].label = strdup(label)))
            return ERR_NOMEM;
        (*t)[i].source = src;
        (*t)[i].value = 0;
        (*n)++;
    }
    (*t)[i].value += value;
    return ERR_OK;
}

Err report_contact_totals(ReportDb *rdb, const char *metric, const Content *content,
                          Err (*cb)(void *ctx, const char *label, ReportContactSource source, int64_t value),
                          void *ctx)
{
    sqlite3_stmt *st = NULL;
    Total *t = NULL;
    size_t n = 0, cap = 0;
    Err e = ERR_DB;
    ReportContactNamer *nm = report_contact_namer_new(rdb, content);
    if (!nm || sqlite3_prepare_v2(report_db_handle(rdb),
                                  "SELECT k.kiosk_id, s.day, s.key, s.value FROM day_sums s JOIN kiosks k ON"
                                  " k.kid=s.kid WHERE s.dim=3 AND s.metric=(SELECT id FROM names WHERE name=?1)"
                                  " ORDER BY 1, 2, 3",
                                  -1, &st, NULL) != SQLITE_OK)
        goto out;
    sqlite3_bind_text(st, 1, metric, -1, SQLITE_STATIC);
    e = ERR_OK;
    char label[600];
    while (!e && sqlite3_step(st) == SQLITE_ROW) {
        ReportContactSource src = report_contact_name(nm, (const char *)sqlite3_column_text(st, 0),
                                                      sqlite3_column_int(st, 1), REPORT_PERIOD_DAY,
                                                      sqlite3_column_int64(st, 2), label, sizeof label);
        e = total_add(&t, &n, &cap, label, src, sqlite3_column_int64(st, 3));
    }
    for (size_t i = 0; !e && i < n; i++)
        e = cb(ctx, t[i].label, t[i].source, t[i].value);
out:
    for (size_t i = 0; i < n; i++)
        free(t[i].label);
    free(t);
    sqlite3_finalize(st);
    report_contact_namer_free(nm);
    return e;
}
