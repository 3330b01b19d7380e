/* dhis2.c: DHIS2 dataValueSets CSV from the campaign database, driven by
 * a mapping file (kiosks -> org units, counters -> data elements), and the
 * DHIS2 metadata package that matches a mapping file.
 *
 * The map is checked strictly before anything is written: every UID has
 * DHIS2's form (11 characters, a letter then letters or digits), every
 * metric and language it names exists, and a kiosk or element line given
 * twice is an error. A typo therefore stops the run with the line number,
 * instead of producing a file with nothing in it. Empty option combos are
 * filled with DHIS2's default (HllvX50cXC0). */
#include "report/report.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>
#include <sodium.h>

#include "core/fileio.h"
#include "core/sort.h"
#include "i18n/i18n.h"
#include "report/rtext.h"
#include "stats/stats.h"

/* DHIS2's default category option combo and category combo. */
#define DHIS2_DEFAULT_COC "HllvX50cXC0"
#define DHIS2_DEFAULT_CC "bjDvmb4bfuf"
enum { MAP_MAX = 1024 };

static int64_t min_of(const ReportOptions *opt)
{
    return opt && opt->min_count > 0 ? opt->min_count : (opt ? 1 : 10);
}


typedef struct {
    char kiosk[33]; /* or "*" */
    char orgunit[64];
} OrgMap;

typedef struct {
    char metric[32], lang[16], module[48], item[16]; /* "*" = any */
    char de[64], coc[64], aoc[64];
} ElemMap;

typedef struct {
    OrgMap org[MAP_MAX];
    size_t norg;
    ElemMap el[MAP_MAX];
    size_t nel;
    char period[16]; /* daily | weekly | monthly */
    char why[300];
} DhisMap;

/* A DHIS2 UID: 11 characters, a letter then letters or digits. */
static int is_uid(const char *s)
{
    if (strlen(s) != 11)
        return 0;
    if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
        return 0;
    for (int i = 1; i < 11; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
            return 0;
    return 1;
}

static int is_metric(const char *s)
{
    for (const char *const *m = stats_metric_all(); *m; m++)
        if (strcmp(*m, s) == 0)
            return 1;
    return 0;
}

static int is_hex32(const char *s)
{
    if (strlen(s) != 32)
        return 0;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
            return 0;
    return 1;
}

static int is_item(const char *s)
{
    if (strcmp(s, "*") == 0)
        return 1;
    if (!*s || strlen(s) > 4)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

static int is_module(const char *s)
{
    if (strcmp(s, "*") == 0)
        return 1;
    if (strlen(s) >= sizeof ((ElemMap *)0)->module)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return 0;
    return 1;
}

static int map_fail(DhisMap *m, size_t record, const char *what, const char *value)
{
    char v[80];
    report_utf8_copy(v, sizeof v, value);
    snprintf(m->why, sizeof m->why, "map record %zu: %s (\"%s\")", record, what, v);
    return 1;
}

static int map_cb(void *ctx, char **f, size_t n, size_t record)
{
    DhisMap *m = ctx;
    if (n == 0 || f[0][0] == '#' || (n == 1 && !f[0][0]))
        return 0;
    if (strcmp(f[0], "period") == 0 && n == 2) {
        if (strcmp(f[1], "daily") && strcmp(f[1], "weekly") && strcmp(f[1], "monthly"))
            return map_fail(m, record, "period must be daily, weekly or monthly", f[1]);
        snprintf(m->period, sizeof m->period, "%s", f[1]);
        return 0;
    }
    if (strcmp(f[0], "orgunit") == 0 && n == 3) {
        if (strcmp(f[1], "*") != 0 && !is_hex32(f[1]))
            return map_fail(m, record, "a kiosk id is 32 lower-case hex characters, or * for any other kiosk", f[1]);
        if (!is_uid(f[2]))
            return map_fail(m, record, "an org unit UID is 11 letters or digits, starting with a letter", f[2]);
        for (size_t i = 0; i < m->norg; i++)
            if (strcmp(m->org[i].kiosk, f[1]) == 0)
                return map_fail(m, record, "this kiosk already has an org unit", f[1]);
        if (m->norg == MAP_MAX)
            return map_fail(m, record, "too many orgunit lines (at most 1024)", f[1]);
        snprintf(m->org[m->norg].kiosk, sizeof m->org[0].kiosk, "%s", f[1]);
        snprintf(m->org[m->norg].orgunit, sizeof m->org[0].orgunit, "%s", f[2]);
        m->norg++;
        return 0;
    }
    if (strcmp(f[0], "element") == 0 && (n == 7 || n == 8)) {
        if (strcmp(f[1], "*") != 0 && !is_metric(f[1]))
            return map_fail(m, record, "unknown metric (see docs/export-and-report.md for the names)", f[1]);
        if (strcmp(f[2], "*") != 0 && !i18n_language(f[2]))
            return map_fail(m, record, "unknown language code", f[2]);
        if (!is_module(f[3]))
            return map_fail(m, record, "a module id is lower-case letters, digits and -, or *", f[3]);
        if (!is_item(f[4]))
            return map_fail(m, record, "an item is a number or *", f[4]);
        if (!is_uid(f[5]))
            return map_fail(m, record, "a data element UID is 11 letters or digits, starting with a letter", f[5]);
        if (f[6][0] && !is_uid(f[6]))
            return map_fail(m, record, "a category option combo UID is 11 letters or digits, or empty for the "
                                       "default",
                            f[6]);
        if (n == 8 && f[7][0] && !is_uid(f[7]))
            return map_fail(m, record, "an attribute option combo UID is 11 letters or digits, or empty for the "
                                       "default",
                            f[7]);
        if (m->nel == MAP_MAX)
            return map_fail(m, record, "too many element lines (at most 1024)", f[5]);
        ElemMap *e = &m->el[m->nel++];
        snprintf(e->metric, sizeof e->metric, "%s", f[1]);
        snprintf(e->lang, sizeof e->lang, "%s", f[2]);
        snprintf(e->module, sizeof e->module, "%s", f[3]);
        snprintf(e->item, sizeof e->item, "%s", f[4]);
        snprintf(e->de, sizeof e->de, "%s", f[5]);
        snprintf(e->coc, sizeof e->coc, "%s", f[6][0] ? f[6] : DHIS2_DEFAULT_COC);
        snprintf(e->aoc, sizeof e->aoc, "%s", n == 8 && f[7][0] ? f[7] : DHIS2_DEFAULT_COC);
        for (size_t i = 0; i + 1 < m->nel; i++) {
            const ElemMap *x = &m->el[i];
            if (!strcmp(x->metric, e->metric) && !strcmp(x->lang, e->lang) && !strcmp(x->module, e->module) &&
                !strcmp(x->item, e->item) && !strcmp(x->de, e->de) && !strcmp(x->coc, e->coc) &&
                !strcmp(x->aoc, e->aoc)) {
                m->nel--;
                return map_fail(m, record, "the same element line is given twice (it would count twice)", f[5]);
            }
        }
        return 0;
    }
    return map_fail(m, record, "unknown or incomplete line (period,KIND / orgunit,KIOSK,UID / element,METRIC,LANG,"
                               "MODULE,ITEM,DATAELEMENT,CATOPTCOMBO[,ATTROPTCOMBO])",
                    f[0]);
}

/* Read and check a mapping file. NULL on error (said on err). */
static DhisMap *map_load(const char *map_path, FILE *err, Err *e)
{
    char *buf = NULL;
    size_t len = 0;
    *e = fileio_read_all(map_path, 1 << 20, &buf, &len);
    if (*e) {
        fprintf(err, "dhis2: cannot read map %s: %s\n", map_path, err_str(*e));
        return NULL;
    }
    DhisMap *m = calloc(1, sizeof *m);
    if (!m) {
        free(buf);
        *e = ERR_NOMEM;
        return NULL;
    }
    snprintf(m->period, sizeof m->period, "monthly");
    char why[200];
    *e = report_csv_parse(buf, len, map_cb, m, why, sizeof why);
    free(buf);
    if (!*e && m->nel == 0) {
        snprintf(m->why, sizeof m->why, "no element line: nothing would be written");
        *e = ERR_FORMAT;
    }
    if (!*e && m->norg == 0) {
        snprintf(m->why, sizeof m->why, "no orgunit line: every counter would be left out");
        *e = ERR_FORMAT;
    }
    if (*e) {
        fprintf(err, "dhis2: %s: %s\n", map_path, m->why[0] ? m->why : why);
        free(m);
        *e = ERR_FORMAT;
        return NULL;
    }
    return m;
}

static int match(const char *pat, const char *v)
{
    return strcmp(pat, "*") == 0 || strcmp(pat, v) == 0;
}

/* DHIS2 period of a day "YYYY-MM-DD": 20240305, 2024W10 (ISO week), 202403. */
static void period_of(const char *kind, const char *day, char *out, size_t sz)
{
    int y = atoi(day), mo = atoi(day + 5), d = atoi(day + 8);
    if (strcmp(kind, "daily") == 0) {
        snprintf(out, sz, "%04d%02d%02d", y, mo, d);
    } else if (strcmp(kind, "weekly") == 0) {
        /* ISO 8601 week and week-year from the C library (%G, %V). */
        struct tm t = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = 12};
        time_t tt = timegm(&t);
        struct tm n;
        char gy[8] = "0", wk[4] = "0";
        if (gmtime_r(&tt, &n)) {
            strftime(gy, sizeof gy, "%G", &n);
            strftime(wk, sizeof wk, "%V", &n);
        }
        snprintf(out, sz, "%sW%d", gy, atoi(wk));
    } else {
        snprintf(out, sz, "%04d%02d", y, mo);
    }
}

typedef struct {
    char de[64], pe[16], ou[64], coc[64], aoc[64];
    int64_t value;
    unsigned char sup;
} DhisVal;

static int dv_out_cmp(const void *a, const void *b)
{
    const DhisVal *x = a, *y = b;
    int c = strcmp(x->pe, y->pe);
    if (!c)
        c = strcmp(x->ou, y->ou);
    if (!c)
        c = strcmp(x->de, y->de);
    if (!c)
        c = strcmp(x->coc, y->coc);
    if (!c)
        c = strcmp(x->aoc, y->aoc);
    return c;
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Distinct strings of v[0..n) at offset off, sorted, into *out (borrowed
 * pointers). Returns the count, or (size_t)-1 when out of memory. */
static size_t distinct(const DhisVal *v, size_t n, size_t off, const char ***out)
{
    const char **s = malloc((n ? n : 1) * sizeof *s);
    if (!s)
        return (size_t)-1;
    for (size_t i = 0; i < n; i++)
        s[i] = (const char *)v + i * sizeof *v + off;
    sort_items(s, n, sizeof *s, str_cmp);
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (w == 0 || strcmp(s[w - 1], s[i]) != 0)
            s[w++] = s[i];
    *out = s;
    return w;
}

static long find_in(const char **arr, size_t n, const char *s)
{
    const char **f = bsearch(&s, arr, n, sizeof *arr, str_cmp);
    return f ? (long)(f - arr) : -1;
}

/* Suppress one (data element, coc, aoc) block as org units x periods. */
static Err dhis_suppress(DhisVal *v, size_t n, int64_t min)
{
    const char **ous = NULL, **pes = NULL;
    size_t no = distinct(v, n, offsetof(DhisVal, ou), &ous);
    size_t np = no == (size_t)-1 ? (size_t)-1 : distinct(v, n, offsetof(DhisVal, pe), &pes);
    int64_t *g = NULL;
    unsigned char *sup = NULL;
    Err e = ERR_NOMEM;
    if (no == (size_t)-1 || np == (size_t)-1)
        goto out;
    size_t W = np + 1;
    g = calloc((no + 1) * W, sizeof *g);
    sup = calloc((no + 1) * W, 1);
    if (!g || !sup)
        goto out;
    for (size_t i = 0; i < n; i++)
        g[(size_t)find_in(ous, no, v[i].ou) * W + (size_t)find_in(pes, np, v[i].pe)] = v[i].value;
    if ((e = report_suppress_grid(g, sup, no, np, min)))
        goto out;
    /* A hidden cell with no value line (a zero) has nothing to leave out:
     * DHIS2 reads a missing value as no data, not as a number. */
    for (size_t i = 0; i < n; i++)
        v[i].sup = sup[(size_t)find_in(ous, no, v[i].ou) * W + (size_t)find_in(pes, np, v[i].pe)];
out:
    free(ous);
    free(pes);
    free(g);
    free(sup);
    return e;
}

static int dv_de_cmp(const void *a, const void *b)
{
    return strcmp(((const DhisVal *)a)->de, ((const DhisVal *)b)->de);
}

/* DHIS2 sums what it receives: a data element whose values were partly
 * left out shows totals that are too low. Say so, per data element, when
 * more than a twentieth of its total is missing. vals is re-sorted. */
static void warn_low_totals(DhisVal *vals, size_t nv, const char *period, FILE *err)
{
    sort_items(vals, nv, sizeof *vals, dv_de_cmp);
    for (size_t a = 0; a < nv;) {
        size_t b = a;
        int64_t all = 0, left = 0;
        for (; b < nv && strcmp(vals[b].de, vals[a].de) == 0; b++) {
            all += vals[b].value;
            if (vals[b].sup)
                left += vals[b].value;
        }
        if (all > 0 && left * 20 > all)
            fprintf(err,
                    "dhis2: WARNING: data element %s: %.0f%% of its total was left out by suppression, so DHIS2 "
                    "totals for it will be too low.%s\n",
                    vals[a].de, 100.0 * (double)left / (double)all,
                    strcmp(period, "monthly") != 0 ? " A monthly period keeps more values." : "");
        a = b;
    }
}

Err report_write_dhis2(ReportDb *rdb, const char *map_path, const ReportOptions *opt, FILE *o, FILE *err)
{
    sqlite3 *db = report_db_handle(rdb);
    int64_t min = min_of(opt);
    Err e;
    DhisMap *m = map_load(map_path, err, &e);
    if (!m)
        return e;
    /* Sum matching counters into (dataelement, period, orgunit, coc, aoc)
     * in a temporary table; SQLite does the grouping. */
    sqlite3_exec(db, "DROP TABLE IF EXISTS temp.dv;"
                     "CREATE TEMP TABLE dv(de TEXT, pe TEXT, ou TEXT, coc TEXT, aoc TEXT, value INTEGER,"
                     " PRIMARY KEY(de, pe, ou, coc, aoc))",
                 NULL, NULL, NULL);
    sqlite3_stmt *st = NULL, *ins = NULL, *ks = NULL;
    const ReportNames *nm = report_db_names(rdb);
    DhisVal *vals = NULL;
    size_t nv = 0, vcap = 0;
    const char **ou_of = NULL; /* kid -> org unit, NULL: none (looked up once per kiosk) */
    int64_t maxkid = 0;
    e = ERR_DB;
    if (sqlite3_prepare_v2(db, "SELECT max(kid) FROM kiosks", -1, &ks, NULL) != SQLITE_OK)
        goto out;
    if (sqlite3_step(ks) == SQLITE_ROW)
        maxkid = sqlite3_column_int64(ks, 0);
    sqlite3_finalize(ks);
    ks = NULL;
    if (maxkid < 0 || maxkid > 100000000 || !(ou_of = calloc((size_t)maxkid + 1, sizeof *ou_of))) {
        e = ERR_NOMEM;
        goto out;
    }
    if (sqlite3_prepare_v2(db, "SELECT kid, kiosk_id FROM kiosks", -1, &ks, NULL) != SQLITE_OK)
        goto out;
    while (sqlite3_step(ks) == SQLITE_ROW) {
        int64_t kid = sqlite3_column_int64(ks, 0);
        const char *kiosk = (const char *)sqlite3_column_text(ks, 1);
        if (kid < 0 || kid > maxkid || !kiosk)
            continue;
        for (size_t i = 0; i < m->norg && !ou_of[kid]; i++)
            if (strcmp(m->org[i].kiosk, kiosk) == 0)
                ou_of[kid] = m->org[i].orgunit;
        for (size_t i = 0; i < m->norg && !ou_of[kid]; i++)
            if (strcmp(m->org[i].kiosk, "*") == 0)
                ou_of[kid] = m->org[i].orgunit;
    }
    if (sqlite3_prepare_v2(db, "SELECT kid, day, lang, module, item, value FROM counts WHERE metric=?1", -1, &st,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "INSERT INTO temp.dv VALUES(?1,?2,?3,?4,?5,?6) ON CONFLICT DO UPDATE SET"
                           " value = value + excluded.value",
                           -1, &ins, NULL) != SQLITE_OK)
        goto out;
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    int64_t unmapped_kiosk = 0;
    /* Only metrics some element line asks for: each is one range of the
     * counts key. */
    for (size_t mid = 0; mid < nm->n; mid++) {
        const char *metric = report_names_of(nm, (int64_t)mid);
        int wanted = 0;
        for (size_t i = 0; i < m->nel && !wanted; i++)
            wanted = match(m->el[i].metric, metric);
        if (!wanted)
            continue;
        sqlite3_bind_int64(st, 1, (int64_t)mid);
        int32_t last_day = -1;
        char pe[16] = "";
        while (sqlite3_step(st) == SQLITE_ROW) {
            int64_t kid = sqlite3_column_int64(st, 0);
            const char *ou = kid >= 0 && kid <= maxkid ? ou_of[kid] : NULL;
            if (!ou) {
                unmapped_kiosk++;
                continue;
            }
            char item[16] = "";
            if (sqlite3_column_int(st, 4) >= 0)
                snprintf(item, sizeof item, "%d", sqlite3_column_int(st, 4));
            int32_t day = (int32_t)sqlite3_column_int(st, 1);
            if (day != last_day) {
                char ds[11];
                report_day_str(day, ds);
                period_of(m->period, ds, pe, sizeof pe);
                last_day = day;
            }
            const char *lang = report_names_of(nm, sqlite3_column_int64(st, 2));
            const char *module = report_names_of(nm, sqlite3_column_int64(st, 3));
            for (size_t i = 0; i < m->nel; i++) {
                const ElemMap *el = &m->el[i];
                if (!match(el->metric, metric) || !match(el->lang, lang) || !match(el->module, module) ||
                    !match(el->item, item))
                    continue;
                sqlite3_bind_text(ins, 1, el->de, -1, SQLITE_STATIC);
                sqlite3_bind_text(ins, 2, pe, -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(ins, 3, ou, -1, SQLITE_STATIC);
                sqlite3_bind_text(ins, 4, el->coc, -1, SQLITE_STATIC);
                sqlite3_bind_text(ins, 5, el->aoc, -1, SQLITE_STATIC);
                sqlite3_bind_int64(ins, 6, sqlite3_column_int64(st, 5));
                sqlite3_step(ins);
                sqlite3_reset(ins);
            }
        }
        sqlite3_reset(st);
    }
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    sqlite3_finalize(st);
    st = NULL;
    if (unmapped_kiosk)
        fprintf(err, "dhis2: %lld counters from kiosks without an orgunit line were left out\n",
                (long long)unmapped_kiosk);
    /* Suppression per (data element, category option combo, attribute
     * option combo): a table of org units x periods. DHIS2 itself adds
     * values up the org unit tree and into longer periods, so both margins
     * are public: no row or column may keep exactly one hidden value. */
    if (sqlite3_prepare_v2(db, "SELECT de, pe, ou, coc, aoc, value FROM temp.dv ORDER BY de, coc, aoc, ou, pe", -1,
                           &st, NULL) != SQLITE_OK)
        goto out;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (nv == vcap) {
            size_t nc = vcap ? vcap * 2 : 256;
            DhisVal *nvv = realloc(vals, nc * sizeof *nvv);
            if (!nvv) {
                e = ERR_NOMEM;
                goto out;
            }
            vals = nvv;
            vcap = nc;
        }
        DhisVal *x = &vals[nv++];
        memset(x, 0, sizeof *x);
        snprintf(x->de, sizeof x->de, "%s", (const char *)sqlite3_column_text(st, 0));
        snprintf(x->pe, sizeof x->pe, "%s", (const char *)sqlite3_column_text(st, 1));
        snprintf(x->ou, sizeof x->ou, "%s", (const char *)sqlite3_column_text(st, 2));
        snprintf(x->coc, sizeof x->coc, "%s", (const char *)sqlite3_column_text(st, 3));
        snprintf(x->aoc, sizeof x->aoc, "%s", (const char *)sqlite3_column_text(st, 4));
        x->value = sqlite3_column_int64(st, 5);
    }
    if (min > 1) {
        size_t a0 = 0;
        while (a0 < nv) {
            size_t a1 = a0 + 1;
            while (a1 < nv && strcmp(vals[a1].de, vals[a0].de) == 0 && strcmp(vals[a1].coc, vals[a0].coc) == 0 &&
                   strcmp(vals[a1].aoc, vals[a0].aoc) == 0)
                a1++;
            if ((e = dhis_suppress(vals + a0, a1 - a0, min)))
                goto out;
            a0 = a1;
        }
    }
    sort_items(vals, nv, sizeof *vals, dv_out_cmp); /* vals is NULL when nothing matched */
    fputs("dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup\r\n", o);
    int64_t hidden = 0;
    for (size_t i = 0; i < nv; i++) {
        if (vals[i].sup) {
            hidden++;
            continue;
        }
        const char *f[5] = {vals[i].de, vals[i].pe, vals[i].ou, vals[i].coc, vals[i].aoc};
        for (int c = 0; c < 5; c++) {
            report_csv_cell(o, f[c], ',');
            fputc(',', o);
        }
        fprintf(o, "%lld,taama-report,,,false\r\n", (long long)vals[i].value);
    }
    if (hidden)
        fprintf(err,
                "dhis2: %lld values left out (counts from 1 to %lld, and values that would reveal one by "
                "subtraction; see --no-suppress)\n",
                (long long)hidden, (long long)min - 1);
    warn_low_totals(vals, nv, m->period, err);
    e = ferror(o) ? ERR_IO : ERR_OK;
out:
    sqlite3_finalize(st);
    sqlite3_finalize(ins);
    sqlite3_finalize(ks);
    sqlite3_exec(db, "DROP TABLE IF EXISTS temp.dv", NULL, NULL, NULL);
    free(ou_of);
    free(vals);
    free(m);
    return e;
}

/* ---- metadata package ---- */

/* A stable DHIS2 UID made from text: a letter, then ten letters or digits
 * from a BLAKE2b hash, so the same map always gives the same package. */
static void uid_of(const char *text, char out[12])
{
    static const char alnum[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    unsigned char h[16];
    crypto_generichash(h, sizeof h, (const unsigned char *)text, strlen(text), NULL, 0);
    out[0] = alnum[h[0] % 52];
    for (int i = 1; i < 11; i++)
        out[i] = alnum[h[i] % 62];
    out[11] = '\0';
}

static json_object *ref(const char *id)
{
    json_object *r = json_object_new_object();
    json_object_object_add(r, "id", json_object_new_string(id));
    return r;
}

static json_object *named(const char *id, const char *name, const char *code)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "id", json_object_new_string(id));
    json_object_object_add(o, "name", json_object_new_string(name));
    char shortname[51];
    report_utf8_copy(shortname, sizeof shortname, name);
    json_object_object_add(o, "shortName", json_object_new_string(shortname));
    if (code)
        json_object_object_add(o, "code", json_object_new_string(code));
    return o;
}

/* What one element line selects, for names: "session_start", "quiz_answer_right ar get-help". */
static void line_name(const ElemMap *e, char *out, size_t sz)
{
    snprintf(out, sz, "%s%s%s%s%s%s%s", e->metric, strcmp(e->lang, "*") ? " " : "", strcmp(e->lang, "*") ? e->lang : "",
             strcmp(e->module, "*") ? " " : "", strcmp(e->module, "*") ? e->module : "",
             strcmp(e->item, "*") ? " item " : "", strcmp(e->item, "*") ? e->item : "");
}

Err report_write_dhis2_metadata(const char *map_path, FILE *o, FILE *err)
{
    Err e;
    DhisMap *m = map_load(map_path, err, &e);
    if (!m)
        return e;
    if (sodium_init() < 0) {
        free(m);
        return ERR_IO;
    }
    json_object *root = json_object_new_object();
    json_object *des = json_object_new_array(), *cos = json_object_new_array(), *cats = json_object_new_array();
    json_object *ccs = json_object_new_array(), *cocs = json_object_new_array(), *dss = json_object_new_array();
    json_object *dse = json_object_new_array(), *ous = json_object_new_array();
    char dsid[12], buf[256], name[256];
    snprintf(buf, sizeof buf, "taama-dataset:%s", m->period);
    for (size_t i = 0; i < m->nel; i++)
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%.11s", i < 20 ? m->el[i].de : "");
    uid_of(buf, dsid);
    for (size_t i = 0; i < m->nel; i++) {
        const ElemMap *el = &m->el[i];
        size_t first = i;
        for (size_t j = 0; j < i; j++)
            if (strcmp(m->el[j].de, el->de) == 0) {
                first = j;
                break;
            }
        if (first != i)
            continue;
        /* All the lines of this data element: default combo, or one
         * category whose options are the lines' non-default combos. */
        int plain = 1;
        for (size_t j = i; j < m->nel; j++)
            if (strcmp(m->el[j].de, el->de) == 0 && strcmp(m->el[j].coc, DHIS2_DEFAULT_COC) != 0)
                plain = 0;
        line_name(el, name, sizeof name);
        char dename[300];
        snprintf(dename, sizeof dename, "Taama %s", plain ? name : el->metric);
        json_object *de = named(el->de, dename, NULL);
        char code[40];
        snprintf(code, sizeof code, "TAAMA_%s", el->de);
        json_object_object_add(de, "code", json_object_new_string(code));
        json_object_object_add(de, "valueType", json_object_new_string("INTEGER_ZERO_OR_POSITIVE"));
        json_object_object_add(de, "domainType", json_object_new_string("AGGREGATE"));
        json_object_object_add(de, "aggregationType", json_object_new_string("SUM"));
        json_object_object_add(de, "zeroIsSignificant", json_object_new_boolean(0));
        if (plain) {
            json_object_object_add(de, "categoryCombo", ref(DHIS2_DEFAULT_CC));
        } else {
            char catid[12], ccid[12];
            snprintf(buf, sizeof buf, "taama-category:%s", el->de);
            uid_of(buf, catid);
            snprintf(buf, sizeof buf, "taama-catcombo:%s", el->de);
            uid_of(buf, ccid);
            json_object *cat = named(catid, dename, NULL);
            json_object_object_add(cat, "dataDimensionType", json_object_new_string("DISAGGREGATION"));
            json_object *catopts = json_object_new_array();
            for (size_t j = i; j < m->nel; j++) {
                const ElemMap *x = &m->el[j];
                if (strcmp(x->de, el->de) != 0 || strcmp(x->coc, DHIS2_DEFAULT_COC) == 0)
                    continue;
                char coid[12];
                snprintf(buf, sizeof buf, "taama-option:%s:%s", el->de, x->coc);
                uid_of(buf, coid);
                line_name(x, name, sizeof name);
                json_object_array_add(cos, named(coid, name, NULL));
                json_object_array_add(catopts, ref(coid));
                json_object *coc = named(x->coc, name, NULL);
                json_object_object_add(coc, "categoryCombo", ref(ccid));
                json_object *cl = json_object_new_array();
                json_object_array_add(cl, ref(coid));
                json_object_object_add(coc, "categoryOptions", cl);
                json_object_array_add(cocs, coc);
            }
            json_object_object_add(cat, "categoryOptions", catopts);
            json_object_array_add(cats, cat);
            json_object *cc = named(ccid, dename, NULL);
            json_object_object_add(cc, "dataDimensionType", json_object_new_string("DISAGGREGATION"));
            json_object *cl = json_object_new_array();
            json_object_array_add(cl, ref(catid));
            json_object_object_add(cc, "categories", cl);
            json_object_array_add(ccs, cc);
            json_object_object_add(de, "categoryCombo", ref(ccid));
        }
        json_object_array_add(des, de);
        json_object *link = json_object_new_object();
        json_object_object_add(link, "dataElement", ref(el->de));
        json_object_object_add(link, "dataSet", ref(dsid));
        json_object_array_add(dse, link);
    }
    for (size_t i = 0; i < m->norg; i++) {
        int seen = 0;
        for (size_t j = 0; j < i; j++)
            seen |= strcmp(m->org[j].orgunit, m->org[i].orgunit) == 0;
        if (!seen)
            json_object_array_add(ous, ref(m->org[i].orgunit));
    }
    const char *pt = strcmp(m->period, "daily") == 0 ? "Daily" : strcmp(m->period, "weekly") == 0 ? "Weekly"
                                                                                                   : "Monthly";
    json_object *ds = named(dsid, "Taama kiosk counters", "TAAMA_KIOSK");
    json_object_object_add(ds, "periodType", json_object_new_string(pt));
    json_object_object_add(ds, "categoryCombo", ref(DHIS2_DEFAULT_CC));
    json_object_object_add(ds, "dataSetElements", dse);
    json_object_object_add(ds, "organisationUnits", ous);
    json_object_array_add(dss, ds);
    json_object_object_add(root, "categoryOptions", cos);
    json_object_object_add(root, "categories", cats);
    json_object_object_add(root, "categoryCombos", ccs);
    json_object_object_add(root, "categoryOptionCombos", cocs);
    json_object_object_add(root, "dataElements", des);
    json_object_object_add(root, "dataSets", dss);
    fputs(json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE), o);
    fputc('\n', o);
    json_object_put(root);
    free(m);
    return ferror(o) ? ERR_IO : ERR_OK;
}
