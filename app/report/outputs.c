/* outputs.c: the tidy CSV, the DHIS2 dataValueSets CSV, campaign key
 * generation, and the `taama-report` command line. */
#include "report/report.h"

#include <getopt.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <csv.h>
#include <sodium.h>

#include "core/args.h"
#include "core/fileio.h"
#include "core/log.h"
#include "export/export.h"

static int64_t min_of(const ReportOptions *opt)
{
    return opt && opt->min_count > 0 ? opt->min_count : (opt ? 1 : 10);
}

/* One CSV field, quoted by libcsv only when it must be; a leading = + - @
 * is prefixed with ' so spreadsheets do not run it as a formula. */
static void put_field(FILE *o, const char *s)
{
    char tmp[600];
    if (*s == '=' || *s == '+' || *s == '-' || *s == '@') {
        snprintf(tmp, sizeof tmp, "'%s", s);
        s = tmp;
    }
    if (strpbrk(s, ",\"\r\n"))
        csv_fwrite(o, s, strlen(s));
    else
        fputs(s, o);
}

/* Names ranked by their text, so output order does not depend on the
 * order in which exports were merged (ids are given on first sight). */
static Err name_ranks(const ReportNames *nm, int32_t **rank_out)
{
    size_t n = nm->n ? nm->n : 1;
    size_t *ids = malloc(n * sizeof *ids);
    int32_t *rank = calloc(n, sizeof *rank);
    if (!ids || !rank) {
        free(ids);
        free(rank);
        return ERR_NOMEM;
    }
    for (size_t i = 0; i < nm->n; i++)
        ids[i] = i;
    /* Insertion sort: a few hundred names at most. */
    for (size_t i = 1; i < nm->n; i++) {
        size_t x = ids[i], j = i;
        while (j > 0 && strcmp(report_names_of(nm, (int64_t)ids[j - 1]), report_names_of(nm, (int64_t)x)) > 0) {
            ids[j] = ids[j - 1];
            j--;
        }
        ids[j] = x;
    }
    for (size_t i = 0; i < nm->n; i++)
        rank[ids[i]] = (int32_t)i;
    free(ids);
    *rank_out = rank;
    return ERR_OK;
}

typedef struct {
    int64_t epoch;
    int32_t day, lang, module, item;
    int64_t value;
} CRow;

/* A category: name ids, and their ranks by text for ordering. */
typedef struct {
    int32_t lang, module, item, lang_rank, module_rank;
} CCat;

static int ccat_cmp(const void *a, const void *b)
{
    const CCat *x = a, *y = b;
    if (x->lang_rank != y->lang_rank)
        return x->lang_rank < y->lang_rank ? -1 : 1;
    if (x->module_rank != y->module_rank)
        return x->module_rank < y->module_rank ? -1 : 1;
    return (x->item > y->item) - (x->item < y->item);
}

typedef struct {
    FILE *o;
    const ReportNames *nm;
    const int32_t *rank;
    const char *kiosk, *label, *metric;
    int64_t min;
    CCat *cats;
    size_t catcap;
    int32_t *days;
    size_t daycap;
    int64_t *v;
    unsigned char *sup, *present;
    size_t cellcap;
} CsvCtx;

static void csv_row(CsvCtx *c, int64_t epoch, int32_t day, const CCat *k, int64_t v, int hide)
{
    char d[11];
    report_day_str(day, d);
    put_field(c->o, c->kiosk);
    fputc(',', c->o);
    put_field(c->o, c->label);
    fprintf(c->o, ",%lld,%s,", (long long)epoch, d);
    put_field(c->o, c->metric);
    fputc(',', c->o);
    put_field(c->o, report_names_of(c->nm, k->lang));
    fputc(',', c->o);
    put_field(c->o, report_names_of(c->nm, k->module));
    fputc(',', c->o);
    if (k->item >= 0)
        fprintf(c->o, "%d", k->item);
    if (hide)
        fputs(",,1\r\n", c->o);
    else
        fprintf(c->o, ",%lld,0\r\n", (long long)v);
}

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 1;
    size_t nc = *cap ? *cap : 64;
    while (nc < need)
        nc *= 2;
    void *np = realloc(*p, nc * elem);
    if (!np)
        return 0;
    *p = np;
    *cap = nc;
    return 1;
}

/* One (metric, kiosk, epoch): rows r[0..n) in (day, lang id, module id,
 * item) order. Suppressed as a days x categories table whose margins (a
 * kiosk's total per day, and per category over its days) can be computed
 * from the file or are published elsewhere: no row or column may end with
 * exactly one hidden cell. A zero cell hidden as a complement is written as
 * a suppressed row, so it protects like any other. */
static Err csv_block(CsvCtx *c, const CRow *r, size_t n)
{
    size_t nc = 0, nd = 0;
    if (!grow((void **)&c->cats, &c->catcap, n, sizeof *c->cats) ||
        !grow((void **)&c->days, &c->daycap, n, sizeof *c->days))
        return ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        c->cats[nc++] = (CCat){r[i].lang, r[i].module, r[i].item, c->rank[r[i].lang], c->rank[r[i].module]};
        if (nd == 0 || c->days[nd - 1] != r[i].day)
            c->days[nd++] = r[i].day;
    }
    qsort(c->cats, nc, sizeof *c->cats, ccat_cmp);
    size_t w = 0;
    for (size_t i = 0; i < nc; i++)
        if (w == 0 || ccat_cmp(&c->cats[w - 1], &c->cats[i]) != 0)
            c->cats[w++] = c->cats[i];
    nc = w;
    size_t W = nc + 1, cells = (nd + 1) * W;
    if (!grow((void **)&c->v, &c->cellcap, cells, sizeof *c->v))
        return ERR_NOMEM;
    unsigned char *ns = realloc(c->sup, c->cellcap), *np = ns ? realloc(c->present, c->cellcap) : NULL;
    if (ns)
        c->sup = ns;
    if (!ns || !np)
        return ERR_NOMEM;
    c->present = np;
    memset(c->v, 0, cells * sizeof *c->v);
    memset(c->present, 0, cells);
    size_t d = 0;
    for (size_t i = 0; i < n; i++) {
        while (c->days[d] != r[i].day)
            d++;
        CCat k = {r[i].lang, r[i].module, r[i].item, c->rank[r[i].lang], c->rank[r[i].module]};
        CCat *f = bsearch(&k, c->cats, nc, sizeof *c->cats, ccat_cmp);
        size_t j = (size_t)(f - c->cats);
        c->v[d * W + j] = r[i].value;
        c->present[d * W + j] = 1;
    }
    if (c->min > 1) {
        Err e = report_suppress_grid(c->v, c->sup, nd, nc, c->min);
        if (e)
            return e;
    } else {
        memset(c->sup, 0, cells);
    }
    for (size_t dd = 0; dd < nd; dd++)
        for (size_t j = 0; j < nc; j++) {
            size_t i = dd * W + j;
            if (c->present[i] || c->sup[i])
                csv_row(c, r[0].epoch, c->days[dd], &c->cats[j], c->v[i], c->sup[i]);
        }
    return ERR_OK;
}

Err report_write_csv(ReportDb *rdb, const ReportOptions *opt, FILE *o)
{
    sqlite3 *db = report_db_handle(rdb);
    const ReportNames *nm = report_db_names(rdb);
    CsvCtx c = {.o = o, .nm = nm, .min = min_of(opt)};
    int32_t *rank = NULL;
    sqlite3_stmt *ks = NULL, *st = NULL, *has = NULL;
    CRow *rows = NULL;
    size_t rcap = 0;
    Err e = name_ranks(nm, &rank);
    if (e)
        return e;
    c.rank = rank;
    /* Metrics in name order, kiosks in id order, each (metric, kiosk) one
     * range of the counts key. */
    size_t *metrics = malloc((nm->n + 1) * sizeof *metrics), nmet = 0;
    e = ERR_DB;
    if (!metrics) {
        e = ERR_NOMEM;
        goto out;
    }
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM counts WHERE metric=?1 LIMIT 1", -1, &has, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT kid, kiosk_id, label FROM kiosks ORDER BY kiosk_id", -1, &ks, NULL) !=
            SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "SELECT epoch, day, lang, module, item, value FROM counts WHERE metric=?1 AND kid=?2"
                           " ORDER BY epoch, day, lang, module, item",
                           -1, &st, NULL) != SQLITE_OK)
        goto out;
    for (size_t i = 0; i < nm->n; i++) {
        sqlite3_bind_int64(has, 1, (int64_t)i);
        if (sqlite3_step(has) == SQLITE_ROW)
            metrics[nmet++] = i;
        sqlite3_reset(has);
    }
    for (size_t i = 1; i < nmet; i++) /* by name */
        for (size_t j = i; j > 0 && rank[metrics[j - 1]] > rank[metrics[j]]; j--) {
            size_t t = metrics[j];
            metrics[j] = metrics[j - 1];
            metrics[j - 1] = t;
        }
    fputs("\xEF\xBB\xBFkiosk_id,kiosk_label,epoch,day,metric,lang,module,item,value,suppressed\r\n", o);
    e = ERR_OK;
    for (size_t mi = 0; !e && mi < nmet; mi++) {
        c.metric = report_names_of(nm, (int64_t)metrics[mi]);
        int rc;
        while (!e && (rc = sqlite3_step(ks)) == SQLITE_ROW) {
            c.kiosk = (const char *)sqlite3_column_text(ks, 1);
            c.label = (const char *)sqlite3_column_text(ks, 2);
            sqlite3_bind_int64(st, 1, (int64_t)metrics[mi]);
            sqlite3_bind_int64(st, 2, sqlite3_column_int64(ks, 0));
            size_t n = 0;
            while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                int64_t ep = sqlite3_column_int64(st, 0);
                if (n > 0 && ep != rows[0].epoch) { /* next epoch: flush */
                    if ((e = csv_block(&c, rows, n)))
                        break;
                    n = 0;
                }
                if (!grow((void **)&rows, &rcap, n + 1, sizeof *rows)) {
                    e = ERR_NOMEM;
                    break;
                }
                CRow *r = &rows[n++];
                r->epoch = ep;
                r->day = (int32_t)sqlite3_column_int(st, 1);
                r->lang = (int32_t)sqlite3_column_int(st, 2);
                r->module = (int32_t)sqlite3_column_int(st, 3);
                r->item = (int32_t)sqlite3_column_int(st, 4);
                r->value = sqlite3_column_int64(st, 5);
                if (r->lang < 0 || (size_t)r->lang >= nm->n || r->module < 0 || (size_t)r->module >= nm->n) {
                    e = ERR_CORRUPT;
                    break;
                }
            }
            if (!e && rc != SQLITE_DONE)
                e = ERR_DB;
            if (!e && n > 0)
                e = csv_block(&c, rows, n);
            sqlite3_reset(st);
        }
        sqlite3_reset(ks);
    }
    if (!e && ferror(o))
        e = ERR_IO;
out:
    sqlite3_finalize(has);
    sqlite3_finalize(ks);
    sqlite3_finalize(st);
    free(metrics);
    free(rows);
    free(rank);
    free(c.cats);
    free(c.days);
    free(c.v);
    free(c.sup);
    free(c.present);
    return e;
}

/* ---- DHIS2 ---- */

typedef struct {
    char kiosk[33]; /* or "*" */
    char orgunit[64];
} OrgMap;

typedef struct {
    char metric[32], lang[16], module[48], item[16]; /* "*" = any */
    char de[64], coc[64], aoc[64];
} ElemMap;

typedef struct {
    OrgMap org[1024];
    size_t norg;
    ElemMap el[1024];
    size_t nel;
    char period[16]; /* daily | weekly | monthly */
    char why[200];
    FILE *err;
} DhisMap;

static int map_cb(void *ctx, char **f, size_t n, size_t record)
{
    DhisMap *m = ctx;
    if (n == 0 || f[0][0] == '#' || (n == 1 && !f[0][0]))
        return 0;
    if (strcmp(f[0], "period") == 0 && n >= 2) {
        if (strcmp(f[1], "daily") && strcmp(f[1], "weekly") && strcmp(f[1], "monthly")) {
            snprintf(m->why, sizeof m->why, "map record %zu: period must be daily, weekly or monthly", record);
            return 1;
        }
        snprintf(m->period, sizeof m->period, "%s", f[1]);
        return 0;
    }
    if (strcmp(f[0], "orgunit") == 0 && n >= 3 && m->norg < 1024) {
        snprintf(m->org[m->norg].kiosk, sizeof m->org[0].kiosk, "%s", f[1]);
        snprintf(m->org[m->norg].orgunit, sizeof m->org[0].orgunit, "%s", f[2]);
        m->norg++;
        return 0;
    }
    if (strcmp(f[0], "element") == 0 && n >= 7 && m->nel < 1024) {
        ElemMap *e = &m->el[m->nel++];
        snprintf(e->metric, sizeof e->metric, "%s", f[1]);
        snprintf(e->lang, sizeof e->lang, "%s", f[2]);
        snprintf(e->module, sizeof e->module, "%s", f[3]);
        snprintf(e->item, sizeof e->item, "%s", f[4]);
        snprintf(e->de, sizeof e->de, "%s", f[5]);
        snprintf(e->coc, sizeof e->coc, "%s", f[6]);
        snprintf(e->aoc, sizeof e->aoc, "%s", n >= 8 ? f[7] : "");
        return 0;
    }
    snprintf(m->why, sizeof m->why, "map record %zu: unknown or incomplete (\"%s\")", record, f[0]);
    return 1;
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
    qsort(s, n, sizeof *s, str_cmp);
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

Err report_write_dhis2(ReportDb *rdb, const char *map_path, const ReportOptions *opt, FILE *o, FILE *err)
{
    sqlite3 *db = report_db_handle(rdb);
    int64_t min = min_of(opt);
    char *buf = NULL;
    size_t len = 0;
    Err e = fileio_read_all(map_path, 1 << 20, &buf, &len);
    if (e) {
        fprintf(err, "dhis2: cannot read map %s: %s\n", map_path, err_str(e));
        return e;
    }
    DhisMap *m = calloc(1, sizeof *m);
    if (!m) {
        free(buf);
        return ERR_NOMEM;
    }
    snprintf(m->period, sizeof m->period, "monthly");
    char why[200];
    e = report_csv_parse(buf, len, map_cb, m, why, sizeof why);
    free(buf);
    if (e) {
        fprintf(err, "dhis2: %s\n", m->why[0] ? m->why : why);
        free(m);
        return ERR_FORMAT;
    }
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
    char **kiosk_of = NULL; /* kid -> kiosk_id */
    int64_t maxkid = 0;
    e = ERR_DB;
    if (sqlite3_prepare_v2(db, "SELECT max(kid) FROM kiosks", -1, &ks, NULL) != SQLITE_OK)
        goto out;
    if (sqlite3_step(ks) == SQLITE_ROW)
        maxkid = sqlite3_column_int64(ks, 0);
    sqlite3_finalize(ks);
    ks = NULL;
    if (maxkid < 0 || maxkid > 100000000 || !(kiosk_of = calloc((size_t)maxkid + 1, sizeof *kiosk_of))) {
        e = ERR_NOMEM;
        goto out;
    }
    if (sqlite3_prepare_v2(db, "SELECT kid, kiosk_id FROM kiosks", -1, &ks, NULL) != SQLITE_OK)
        goto out;
    while (sqlite3_step(ks) == SQLITE_ROW) {
        int64_t kid = sqlite3_column_int64(ks, 0);
        if (kid >= 0 && kid <= maxkid && !(kiosk_of[kid] = strdup((const char *)sqlite3_column_text(ks, 1)))) {
            e = ERR_NOMEM;
            goto out;
        }
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
            const char *kiosk = kid >= 0 && kid <= maxkid && kiosk_of[kid] ? kiosk_of[kid] : "";
            const char *ou = NULL;
            for (size_t i = 0; i < m->norg && !ou; i++)
                if (strcmp(m->org[i].kiosk, kiosk) == 0)
                    ou = m->org[i].orgunit;
            for (size_t i = 0; i < m->norg && !ou; i++)
                if (strcmp(m->org[i].kiosk, "*") == 0)
                    ou = m->org[i].orgunit;
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
    if (nv > 1) /* vals is NULL when nothing was merged */
        qsort(vals, nv, sizeof *vals, dv_out_cmp);
    fputs("dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup\r\n", o);
    int64_t hidden = 0;
    for (size_t i = 0; i < nv; i++) {
        if (vals[i].sup) {
            hidden++;
            continue;
        }
        const char *f[5] = {vals[i].de, vals[i].pe, vals[i].ou, vals[i].coc, vals[i].aoc};
        for (int c = 0; c < 5; c++) {
            put_field(o, f[c]);
            fputc(',', o);
        }
        fprintf(o, "%lld,taama-report,,,false\r\n", (long long)vals[i].value);
    }
    if (hidden)
        fprintf(err,
                "dhis2: %lld values left out (counts from 1 to %lld, and values that would reveal one by "
                "subtraction; see --no-suppress)\n",
                (long long)hidden, (long long)min - 1);
    e = ferror(o) ? ERR_IO : ERR_OK;
out:
    sqlite3_finalize(st);
    sqlite3_finalize(ins);
    sqlite3_finalize(ks);
    sqlite3_exec(db, "DROP TABLE IF EXISTS temp.dv", NULL, NULL, NULL);
    if (kiosk_of)
        for (int64_t i = 0; i <= maxkid; i++)
            free(kiosk_of[i]);
    free(kiosk_of);
    free(vals);
    free(m);
    return e;
}

/* ---- keys ---- */

Err report_keygen(const char *pub_path, const char *sec_path)
{
    struct stat st;
    if (stat(pub_path, &st) == 0 || stat(sec_path, &st) == 0)
        return ERR_INVALID;
    if (sodium_init() < 0)
        return ERR_IO;
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    crypto_box_keypair(pk, sk);
    Err e = export_write_hex_key(sec_path, sk, sizeof sk, 0600);
    sodium_memzero(sk, sizeof sk);
    if (!e)
        e = export_write_hex_key(pub_path, pk, sizeof pk, 0644);
    return e;
}

/* ---- command line ---- */

/* One row per subcommand: the usage summary and each --help come from here. */
static const ArgsCommand report_cmds[] = {
    {"merge", "PATH... --db campaign.sqlite [--key campaign.key]",
     "Merge (--enrolled-only: only enrolled kiosks) every export found under each PATH (a stick, a taama-export folder, a kiosk\n"
     "folder or one export) into the campaign database, creating it if needed. Merging\n"
     "the same export twice changes nothing. --key: the campaign secret key, needed for\n"
     "sealed exports. Exit 1 if any export was refused.\n", 0},
    {"html", "--db campaign.sqlite -o report.html [--min N] [--title TEXT]",
     "Write the campaign report as one self-contained HTML file. Counts from 1 to N-1\n"
     "are suppressed, with any count that would reveal one by subtraction (default\n"
     "N = 10). The database must exist: this command never creates one.\n", 0},
    {"csv", "--db campaign.sqlite [-o FILE] [--min N | --no-suppress]",
     "Write the counters as tidy CSV (to standard output without -o). --no-suppress\n"
     "gives raw counts for the campaign's internal working data only (a loud warning\n"
     "is printed).\n", 0},
    {"dhis2", "--db campaign.sqlite --map FILE [-o FILE] [--min N | --no-suppress]",
     "Write a DHIS2 dataValueSets CSV, using the map FILE from kiosks and metrics to\n"
     "DHIS2 org units and data elements.\n", 0},
    {"gaps", "--db campaign.sqlite",
     "Print, per kiosk and epoch, the exports merged and the sequence numbers missing.\n", 0},
    {"forget", "KIOSK_ID --db campaign.sqlite",
     "Remove a kiosk: its counters, exports, key and quarantined exports; its next export\n"
     "starts afresh.\n", 0},
    {"enroll", "KIOSK_ID PUBKEY [--label TEXT] --db campaign.sqlite | --list KIOSKS.csv --db campaign.sqlite",
     "Enroll a kiosk (or a list of kiosks) by id and public key before its exports arrive.\n", 0},
    {"accept", "KIOSK_ID KEY_PREFIX --db campaign.sqlite",
     "Accept a quarantined kiosk key, counting its exports.\n", 0},
    {"reject", "KIOSK_ID KEY_PREFIX --db campaign.sqlite",
     "Drop the quarantined exports of one dismissed key (never the counted key).\n", 0},
    {"quarantine", "--db campaign.sqlite",
     "List the quarantined exports: conflicting or cloned claims, not counted.\n", 0},
    {"keygen", "[--pub campaign.pub] [--key campaign.key]",
     "Make the campaign key pair (X25519); never overwrites an existing file.\n", 0},
};
#define REPORT_NCMDS ((int)(sizeof report_cmds / sizeof report_cmds[0]))

/* Long options of every subcommand; the letters are getopt_long()'s return
 * values. A command that does not use an option ignores it or says so. */
enum { OPT_DB = 'd', OPT_KEY = 'k', OPT_PUB = 'p', OPT_OUT = 'o', OPT_MAP = 'm', OPT_NOSUP = 'n',
       OPT_TITLE = 't', OPT_MIN = 'N', OPT_ENROLLED = 'E', OPT_LIST = 'L', OPT_LABEL = 'b' };
static const struct option report_opts[] = {
    {"db", required_argument, NULL, OPT_DB},       {"key", required_argument, NULL, OPT_KEY},
    {"pub", required_argument, NULL, OPT_PUB},     {"out", required_argument, NULL, OPT_OUT},
    {"map", required_argument, NULL, OPT_MAP},     {"no-suppress", no_argument, NULL, OPT_NOSUP},
    {"title", required_argument, NULL, OPT_TITLE}, {"min", required_argument, NULL, OPT_MIN},
    {"enrolled-only", no_argument, NULL, OPT_ENROLLED}, {"list", required_argument, NULL, OPT_LIST},
    {"label", required_argument, NULL, OPT_LABEL},
    {NULL, 0, NULL, 0},
};

static void usage(FILE *err)
{
    args_print_usage(err, "taama-report", report_cmds, REPORT_NCMDS, NULL);
}

int report_cli_main(int argc, char **argv, FILE *out, FILE *err)
{
    const ArgsCommand *c = argc > 1 ? args_command_find(report_cmds, REPORT_NCMDS, argv[1]) : NULL;
    ArgsAsk ask = args_asked(argc, argv, 1, c);
    if (ask == ARGS_VERSION) {
        args_print_version(out, "taama-report");
        return 0;
    }
    if (ask == ARGS_HELP) {
        args_print_usage(out, "taama-report", report_cmds, REPORT_NCMDS, c);
        return 0;
    }
    if (!c) {
        if (argc > 1)
            fprintf(err, "taama-report: unknown command '%s'\n", argv[1]);
        usage(err);
        return 2;
    }
    log_set_quiet(1);
    const char *cmd = argv[1];
    const char *dbp = NULL, *keyp = NULL, *outp = NULL, *mapp = NULL, *pubp = NULL, *title = NULL;
    const char *listp = NULL, *labelp = NULL;
    int enrolled_only = 0;
    ReportOptions ro = {.min_count = 10};
    int no_suppress = 0;
    /* getopt_long() over the words after the command (argv[1] stands in
     * for the program name); it moves the paths after the options */
    int ac = argc - 1;
    char **av = argv + 1;
    optind = 0; /* glibc: start afresh, as tests call this more than once */
    opterr = 0;
    for (int o; (o = getopt_long(ac, av, ":o:", report_opts, NULL)) != -1;) {
        switch (o) {
        case OPT_DB: dbp = optarg; break;
        case OPT_KEY: keyp = optarg; break;
        case OPT_PUB: pubp = optarg; break;
        case OPT_OUT: outp = optarg; break;
        case OPT_MAP: mapp = optarg; break;
        case OPT_NOSUP: no_suppress = 1; break;
        case OPT_TITLE: title = optarg; break;
        case OPT_MIN: {
        case OPT_ENROLLED: enrolled_only = 1; break;
        case OPT_LIST: listp = optarg; break;
        case OPT_LABEL: labelp = optarg; break;
            char *end;
            long v = strtol(optarg, &end, 10);
            if (!*optarg || *end || v < 0) {
                fprintf(err, "taama-report %s: --min takes a whole number, not '%s'\n", cmd, optarg);
                return 2;
            }
            ro.min_count = v;
            break;
        }
        case ':':
            fprintf(err, "taama-report %s: %s needs a value\n", cmd, av[optind - 1]);
            return 2;
        default:
            fprintf(err, "taama-report %s: unknown option %s\n", cmd, av[optind - 1]);
            args_print_usage(err, "taama-report", report_cmds, REPORT_NCMDS, c);
            return 2;
        }
    }
    /* the words left are paths (merge) or a kiosk id (forget): no limit */
    char **paths = av + optind;
    int npaths = ac - optind;
    if (ro.min_count == 0)
        ro.min_count = 1;
    ro.title = title;
    int raw_cmd = strcmp(cmd, "csv") == 0 || strcmp(cmd, "dhis2") == 0;
    if (no_suppress && !raw_cmd) {
        fprintf(err, "taama-report: --no-suppress is only for csv and dhis2 (internal working data); the HTML "
                     "report is for publishing and always protects small counts (--min N sets the threshold)\n");
        return 2;
    }
    if (no_suppress)
        ro.min_count = 1;
    if (raw_cmd && ro.min_count <= 1)
        fprintf(err, "\n!!! WARNING: SMALL-COUNT SUPPRESSION IS OFF. This %s output holds raw counts, including "
                     "1 to 9, that can identify visitors at a small kiosk.\n!!! Use it only as the campaign's "
                     "internal working data: do not publish it, share it or import it into a shared DHIS2.\n\n",
                cmd);

    if (strcmp(cmd, "keygen") == 0) {
        const char *pp = pubp ? pubp : "campaign.pub", *kp = keyp ? keyp : "campaign.key";
        Err e = report_keygen(pp, kp);
        if (e == ERR_INVALID) {
            fprintf(err, "keygen: %s or %s exists; not overwriting a key\n", pp, kp);
            return 1;
        }
        if (e) {
            fprintf(err, "keygen: %s\n", err_str(e));
            return 1;
        }
        fprintf(out, "Wrote %s (copy it to each kiosk's data folder as campaign.pub)\nand %s (secret: keep it "
                     "off the sticks; give it to merge with --key).\n", pp, kp);
        return 0;
    }
    if (!dbp) {
        fprintf(err, "taama-report %s: --db is required\n", cmd);
        usage(err);
        return 2;
    }
    int want_paths = strcmp(cmd, "merge") == 0                                 ? -1
                     : strcmp(cmd, "forget") == 0                              ? 1
                     : strcmp(cmd, "enroll") == 0                              ? (listp ? 0 : 2)
                     : strcmp(cmd, "accept") == 0 || strcmp(cmd, "reject") == 0 ? 2
                                                                               : 0;
    if ((want_paths < 0 && npaths == 0) || (want_paths >= 0 && npaths != want_paths)) {
        fprintf(err, "taama-report %s: %s\n", cmd,
                want_paths < 0 ? "give at least one PATH to merge" : npaths ? "unexpected words after the options" : "give the KIOSK_ID");
        args_print_usage(err, "taama-report", report_cmds, REPORT_NCMDS, c);
        return 2;
    }
    /* only merge makes a campaign database; the others read (or, forget,
     * edit) one that exists, so a mistyped --db never leaves a new file */
    struct stat dst;
    if (want_paths >= 0 && stat(dbp, &dst) != 0) {
        fprintf(err, "taama-report %s: no campaign database at %s (merge exports into one first)\n", cmd, dbp);
        return 1;
    }
    Err why = ERR_OK;
    ReportDb *db = report_open(dbp, &why);
    if (!db) {
        fprintf(err, "taama-report: cannot open %s: %s\n", dbp, err_str(why));
        return 1;
    }
    int rc = 0;
    FILE *o = out;
    if (outp && strcmp(cmd, "merge") != 0) {
        o = fopen(outp, "wb");
        if (!o) {
            fprintf(err, "taama-report: cannot write %s\n", outp);
            report_close(db);
            return 1;
        }
    }
    if (strcmp(cmd, "merge") == 0) {
        unsigned char sk[crypto_box_SECRETKEYBYTES];
        int have = 0;
        if (keyp) {
            Err ke = export_read_hex_key(keyp, sk, sizeof sk);
            if (ke) {
                fprintf(err, "merge: cannot read the campaign key %s: %s\n", keyp, err_str(ke));
                report_close(db);
                return 1;
            }
            have = 1;
        }
        MergeOptions mo = {.campaign_sk = have ? sk : NULL, .out = out, .enrolled_only = enrolled_only};
        MergeSummary sum = {0};
        for (int i = 0; i < npaths && rc == 0; i++)
            if (report_merge_path(db, paths[i], &mo, &sum) != ERR_OK)
                rc = 1;
        sodium_memzero(sk, sizeof sk);
        if (rc != 2) {
            fprintf(out, "merge: %d taken, %d already merged, %d refused, %d incomplete ignored, %d quarantined\n",
                    sum.taken, sum.already, sum.refused, sum.incomplete, sum.quarantined);
            report_print_gaps(db, out);
            if (sum.refused || sum.quarantined)
                rc = 1;
        }
    } else if (strcmp(cmd, "html") == 0) {
        if (!outp) {
            fprintf(err, "html: -o FILE is required\n");
            rc = 2;
        } else if (report_write_html(db, &ro, o) != ERR_OK) {
            rc = 1;
        }
    } else if (strcmp(cmd, "csv") == 0) {
        rc = report_write_csv(db, &ro, o) == ERR_OK ? 0 : 1;
    } else if (strcmp(cmd, "dhis2") == 0) {
        if (!mapp) {
            fprintf(err, "dhis2: --map FILE is required\n");
            rc = 2;
        } else {
            rc = report_write_dhis2(db, mapp, &ro, o, err) == ERR_OK ? 0 : 1;
        }
    } else if (strcmp(cmd, "gaps") == 0) {
        rc = report_print_gaps(db, out) == ERR_OK ? 0 : 1;
    } else if (strcmp(cmd, "forget") == 0 && npaths == 1) {
        int64_t removed = 0;
        Err fe = report_forget_kiosk(db, paths[0], &removed);
        if (fe)
            fprintf(err, "forget: %s: %s\n", paths[0], err_str(fe));
        else
            fprintf(out, "forget: %s: removed (%lld counters, its exports, key and quarantined exports); its next "
                         "export starts afresh\n", paths[0], (long long)removed);
        rc = fe ? 1 : 0;
    } else if (strcmp(cmd, "enroll") == 0 && listp && npaths == 0) {
        rc = report_enroll_list(db, listp, out, err) == ERR_OK ? 0 : 1;
    } else if ((strcmp(cmd, "enroll") == 0 || strcmp(cmd, "accept") == 0) && npaths == 2 && !listp) {
        Err ee = report_enroll(db, paths[0], paths[1], labelp, out);
        if (ee)
            fprintf(err, "%s: %s: %s\n", cmd, paths[0],
                    ee == ERR_NOTFOUND ? "no quarantined export of this kiosk has that key"
                    : ee == ERR_INVALID ? "malformed kiosk id, key or label, or a key prefix that matches several keys"
                                        : err_str(ee));
        rc = ee ? 1 : 0;
    } else if (strcmp(cmd, "reject") == 0 && npaths == 2) {
        int64_t removed = 0;
        Err re = report_reject(db, paths[0], paths[1], &removed);
        if (re)
            fprintf(err, "reject: %s: %s\n", paths[0],
                    re == ERR_KEY ? "that is the key the kiosk is counted under (use forget)"
                    : re == ERR_NOTFOUND ? "no quarantined export of this kiosk has that key"
                                         : err_str(re));
        else
            fprintf(out, "reject: %s: %lld quarantined export(s) dropped\n", paths[0], (long long)removed);
        rc = re ? 1 : 0;
    } else if (strcmp(cmd, "quarantine") == 0 && npaths == 0) {
        rc = report_print_quarantine(db, out, NULL) == ERR_OK ? 0 : 1;
    } else {
        usage(err);
        rc = 2;
    }
    if (o != out && fclose(o) != 0 && rc == 0) {
        fprintf(err, "taama-report: writing %s failed\n", outp);
        rc = 1;
    }
    report_close(db);
    return rc;
}
