/* dhis2.c: DHIS2 dataValueSets CSV from the campaign database, driven by
 * a mapping file (kiosks -> org units, counters -> data elements; read and
 * checked by dhis2_map.c): counters summed per data element, period, org
 * unit and option combos, then suppressed as DHIS2 will add them up. */
#include "report/report.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/sort.h"
#include "core/vec.h"
#include "report/dhis2.h"
#include "report/rtext.h"

static int64_t min_of(const ReportOptions *opt)
{
    return opt && opt->min_count > 0 ? opt->min_count : (opt ? 1 : 10);
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

/* The org unit of every kiosk number (kid), looked up once per kiosk: its
 * own orgunit line, else the "*" line, else none (NULL). *ou_out (maxkid +
 * 1 borrowed pointers into m) is the caller's to free. ERR_DB, ERR_NOMEM. */
static Err dhis2_orgunits(sqlite3 *db, const DhisMap *m, const char ***ou_out, int64_t *maxkid_out)
{
    sqlite3_stmt *ks = NULL;
    int64_t maxkid = 0;
    if (sqlite3_prepare_v2(db, "SELECT max(kid) FROM kiosks", -1, &ks, NULL) != SQLITE_OK)
        return ERR_DB;
    if (sqlite3_step(ks) == SQLITE_ROW)
        maxkid = sqlite3_column_int64(ks, 0);
    sqlite3_finalize(ks);
    const char **ou_of = NULL;
    if (maxkid < 0 || maxkid > 100000000 || !(ou_of = calloc((size_t)maxkid + 1, sizeof *ou_of)))
        return ERR_NOMEM;
    if (sqlite3_prepare_v2(db, "SELECT kid, kiosk_id FROM kiosks", -1, &ks, NULL) != SQLITE_OK) {
        free(ou_of);
        return ERR_DB;
    }
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
    sqlite3_finalize(ks);
    *ou_out = ou_of;
    *maxkid_out = maxkid;
    return ERR_OK;
}

/* Where the counters go: the map, the org unit of each kid, the name ids. */
typedef struct {
    const DhisMap *m;
    const char **ou_of;
    int64_t maxkid;
    const ReportNames *nm;
    int64_t unmapped;   /* counters of kiosks without an org unit */
    sqlite3_stmt *cq;   /* CONTACT_SQL */
    int64_t no_contact; /* counters a contact:ID line could not place */
    int64_t ck_kid, ck_idx; /* the last lookup, reused while the rows repeat it */
    int32_t ck_day;
    int ck_found;
    char ck_item[80]; /* "contact:ID" of the last lookup when found */
} DhisSum;

/* The contact at index ?3 of the list kiosk ?1 had in force on day ?2
 * (the newest list when two meet on a change day): one row, whose first
 * column is NULL when the kiosk sent no list for that day and second NULL
 * when that list has no contact at ?3. */
#define CONTACT_SQL                                                                                          \
    "SELECT l.f, c.contact_id FROM (SELECT max(first_day) AS f FROM contacts WHERE kiosk_id=(SELECT kiosk_id" \
    " FROM kiosks WHERE kid=?1) AND first_day<=?2 AND last_day>=?2) l LEFT JOIN contacts c ON"                \
    " c.kiosk_id=(SELECT kiosk_id FROM kiosks WHERE kid=?1) AND c.first_day=l.f AND c.idx=?3"

/* The "contact:ID" item of counter (kid, day, idx) by that kiosk's list in
 * force on day, or NULL when it has none there (no list sent, or no
 * contact at idx). Counts are read in key order, so consecutive rows
 * mostly repeat the lookup: the last one is kept. */
static const char *dhis2_contact_item(DhisSum *ds, int64_t kid, int32_t day, int64_t idx)
{
    if (kid == ds->ck_kid && day == ds->ck_day && idx == ds->ck_idx)
        return ds->ck_found ? ds->ck_item : NULL;
    ds->ck_kid = kid;
    ds->ck_day = day;
    ds->ck_idx = idx;
    ds->ck_found = 0;
    sqlite3_bind_int64(ds->cq, 1, kid);
    sqlite3_bind_int(ds->cq, 2, day);
    sqlite3_bind_int64(ds->cq, 3, idx);
    if (idx >= 0 && sqlite3_step(ds->cq) == SQLITE_ROW && sqlite3_column_type(ds->cq, 1) != SQLITE_NULL) {
        snprintf(ds->ck_item, sizeof ds->ck_item, DHIS2_CONTACT_PREFIX "%s",
                 (const char *)sqlite3_column_text(ds->cq, 1));
        ds->ck_found = 1;
    }
    sqlite3_reset(ds->cq);
    return ds->ck_found ? ds->ck_item : NULL;
}

static int is_contact_pat(const char *item)
{
    return strncmp(item, DHIS2_CONTACT_PREFIX, strlen(DHIS2_CONTACT_PREFIX)) == 0;
}

/* Add every counter of one metric (st bound to it) to each element line
 * that matches it, through ins into temp.dv. */
static void dhis2_sum_metric(DhisSum *ds, const char *metric, sqlite3_stmt *st, sqlite3_stmt *ins)
{
    int32_t last_day = -1;
    char pe[16] = "";
    while (sqlite3_step(st) == SQLITE_ROW) {
        int64_t kid = sqlite3_column_int64(st, 0);
        const char *ou = kid >= 0 && kid <= ds->maxkid ? ds->ou_of[kid] : NULL;
        if (!ou) {
            ds->unmapped++;
            continue;
        }
        char item[16] = "";
        if (sqlite3_column_int(st, 4) >= 0)
            snprintf(item, sizeof item, "%d", sqlite3_column_int(st, 4));
        int32_t day = (int32_t)sqlite3_column_int(st, 1);
        if (day != last_day) {
            char dstr[11];
            report_day_str(day, dstr);
            period_of(ds->m->period, dstr, pe, sizeof pe);
            last_day = day;
        }
        const char *lang = report_names_of(ds->nm, sqlite3_column_int64(st, 2));
        const char *module = report_names_of(ds->nm, sqlite3_column_int64(st, 3));
        int unplaced = 0; /* a contact:ID line wanted this row but its kiosk's list cannot say */
        for (size_t i = 0; i < ds->m->nel; i++) {
            const ElemMap *el = &ds->m->el[i];
            if (!match(el->metric, metric) || !match(el->lang, lang) || !match(el->module, module))
                continue;
            if (is_contact_pat(el->item)) {
                const char *cid = dhis2_contact_item(ds, kid, day, sqlite3_column_int64(st, 4));
                unplaced |= !cid;
                if (!cid || strcmp(cid, el->item) != 0)
                    continue;
            } else if (!match(el->item, item)) {
                continue;
            }
            sqlite3_bind_text(ins, 1, el->de, -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 2, pe, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(ins, 3, ou, -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 4, el->coc, -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 5, el->aoc, -1, SQLITE_STATIC);
            sqlite3_bind_int64(ins, 6, sqlite3_column_int64(st, 5));
            sqlite3_step(ins);
            sqlite3_reset(ins);
        }
        ds->no_contact += unplaced;
    }
}

/* Sum matching counters into (dataelement, period, orgunit, coc, aoc) in
 * the temporary table temp.dv; SQLite does the grouping. Only metrics some
 * element line asks for are read: each is one range of the counts key.
 * ERR_DB. */
static Err dhis2_sum(sqlite3 *db, DhisSum *ds)
{
    sqlite3_stmt *st = NULL, *ins = NULL;
    ds->ck_kid = -1;
    if (sqlite3_prepare_v2(db, CONTACT_SQL, -1, &ds->cq, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT kid, day, lang, module, item, value FROM counts WHERE metric=?1", -1, &st,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "INSERT INTO temp.dv VALUES(?1,?2,?3,?4,?5,?6) ON CONFLICT DO UPDATE SET"
                           " value = value + excluded.value",
                           -1, &ins, NULL) != SQLITE_OK) {
        sqlite3_finalize(st);
        sqlite3_finalize(ds->cq);
        ds->cq = NULL;
        return ERR_DB;
    }
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    for (size_t mid = 0; mid < ds->nm->n; mid++) {
        const char *metric = report_names_of(ds->nm, (int64_t)mid);
        int wanted = 0;
        for (size_t i = 0; i < ds->m->nel && !wanted; i++)
            wanted = match(ds->m->el[i].metric, metric);
        if (!wanted)
            continue;
        sqlite3_bind_int64(st, 1, (int64_t)mid);
        dhis2_sum_metric(ds, metric, st, ins);
        sqlite3_reset(st);
    }
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    sqlite3_finalize(st);
    sqlite3_finalize(ins);
    sqlite3_finalize(ds->cq);
    ds->cq = NULL;
    return ERR_OK;
}

/* The summed values of temp.dv, by (de, coc, aoc, ou, pe), into *vals_out
 * (*nv_out items, caller frees; NULL when there are none). ERR_DB,
 * ERR_NOMEM. */
static Err dhis2_read(sqlite3 *db, DhisVal **vals_out, size_t *nv_out)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT de, pe, ou, coc, aoc, value FROM temp.dv ORDER BY de, coc, aoc, ou, pe", -1,
                           &st, NULL) != SQLITE_OK)
        return ERR_DB;
    DhisVal *vals = NULL;
    size_t nv = 0, vcap = 0;
    Err e = ERR_OK;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (VEC_RESERVE(vals, vcap, nv + 1) != ERR_OK) {
            e = ERR_NOMEM;
            break;
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
    sqlite3_finalize(st);
    if (e) {
        free(vals);
        return e;
    }
    *vals_out = vals;
    *nv_out = nv;
    return ERR_OK;
}

/* Suppression per (data element, category option combo, attribute option
 * combo): a table of org units x periods. DHIS2 itself adds values up the
 * org unit tree and into longer periods, so both margins are public: no
 * row or column may keep exactly one hidden value. vals is in (de, coc,
 * aoc) order. ERR_NOMEM. */
static Err dhis2_suppress_all(DhisVal *vals, size_t nv, int64_t min)
{
    size_t a0 = 0;
    while (a0 < nv) {
        size_t a1 = a0 + 1;
        while (a1 < nv && strcmp(vals[a1].de, vals[a0].de) == 0 && strcmp(vals[a1].coc, vals[a0].coc) == 0 &&
               strcmp(vals[a1].aoc, vals[a0].aoc) == 0)
            a1++;
        Err e = dhis_suppress(vals + a0, a1 - a0, min);
        if (e)
            return e;
        a0 = a1;
    }
    return ERR_OK;
}

/* The dataValueSets CSV of the values not suppressed; returns how many
 * were left out. */
static int64_t dhis2_print(FILE *o, const DhisVal *vals, size_t nv)
{
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
    return hidden;
}

Err report_write_dhis2(ReportDb *rdb, const char *map_path, const ReportOptions *opt, FILE *o, FILE *err)
{
    sqlite3 *db = report_db_handle(rdb);
    int64_t min = min_of(opt);
    Err e;
    DhisMap *m = dhis2_map_load(map_path, err, &e);
    if (!m)
        return e;
    sqlite3_exec(db, "DROP TABLE IF EXISTS temp.dv;"
                     "CREATE TEMP TABLE dv(de TEXT, pe TEXT, ou TEXT, coc TEXT, aoc TEXT, value INTEGER,"
                     " PRIMARY KEY(de, pe, ou, coc, aoc))",
                 NULL, NULL, NULL);
    DhisSum ds = {.m = m, .nm = report_db_names(rdb)};
    DhisVal *vals = NULL;
    size_t nv = 0;
    if ((e = dhis2_orgunits(db, m, &ds.ou_of, &ds.maxkid)) || (e = dhis2_sum(db, &ds)))
        goto out;
    if (ds.unmapped)
        fprintf(err, "dhis2: %lld counters from kiosks without an orgunit line were left out\n",
                (long long)ds.unmapped);
    if (ds.no_contact)
        fprintf(err,
                "dhis2: WARNING: %lld counters could not be matched by contact id (their kiosk sent no contact "
                "list for that day, or its list has no contact at that index) and were left out of the contact: "
                "lines\n",
                (long long)ds.no_contact);
    if ((e = dhis2_read(db, &vals, &nv)))
        goto out;
    if (min > 1 && (e = dhis2_suppress_all(vals, nv, min)))
        goto out;
    sort_items(vals, nv, sizeof *vals, dv_out_cmp); /* vals is NULL when nothing matched */
    int64_t hidden = dhis2_print(o, vals, nv);
    if (hidden)
        fprintf(err,
                "dhis2: %lld values left out (counts from 1 to %lld, and values that would reveal one by "
                "subtraction; see --no-suppress)\n",
                (long long)hidden, (long long)min - 1);
    warn_low_totals(vals, nv, m->period, err);
    e = ferror(o) ? ERR_IO : ERR_OK;
out:
    sqlite3_exec(db, "DROP TABLE IF EXISTS temp.dv", NULL, NULL, NULL);
    free(ds.ou_of);
    free(vals);
    free(m);
    return e;
}
