/* html_grid.c: the kiosks x periods table behind every session figure of
 * the HTML report: sessions per kiosk (or site group) and day, grouped into
 * the period that keeps most counts visible, then suppressed so that the
 * complement of a hidden cell comes from margins and small kiosks before
 * any busy kiosk's cell. */
#include "report/html.h"

#include <stdlib.h>
#include <string.h>

#include "core/fileio.h"
#include "core/vec.h"

void html_grid_free(Grid *g)
{
    for (size_t i = 0; i < g->nk; i++) {
        free(g->kiosk[i]);
        free(g->label[i]);
    }
    free(g->kiosk);
    free(g->label);
    free(g->dayn);
    free(g->period_of);
    free(g->pstart);
    free(g->row_of_kid);
    free(g->day_v);
    free(g->v);
    free(g->sup);
    free(g->aside);
    free(g->total);
    memset(g, 0, sizeof *g);
}

static long find_day(const int32_t *arr, size_t n, int32_t d)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (arr[mid] == d)
            return (long)mid;
        if (arr[mid] < d)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

long html_grid_row(const Grid *g, int64_t kid)
{
    return kid >= 0 && kid <= g->maxkid ? g->row_of_kid[kid] : -1;
}

/* Group the days into periods of kind p and suppress the kiosk x period
 * table. A complement is taken first from rows that already lose a cell to
 * the threshold, then from the periods' totals, then the grand total, and
 * from a busy kiosk's cells (or its total, which would cost one of its
 * cells next) only when nothing else will do. */
static Err grid_group(Grid *g, ReportPeriod p, int64_t min)
{
    free(g->v);
    free(g->sup);
    g->v = NULL;
    g->sup = NULL;
    g->period = p;
    g->np = 0;
    for (size_t d = 0; d < g->nd; d++) {
        int32_t s = report_period_start(g->dayn[d], p);
        if (g->np == 0 || g->pstart[g->np - 1] != s)
            g->pstart[g->np++] = s;
        g->period_of[d] = g->np - 1;
    }
    size_t W = g->np + 1, cells = (g->nk + 1) * W;
    g->v = calloc(cells, sizeof *g->v);
    g->sup = calloc(cells, 1);
    unsigned char *cls = calloc(cells, 1);
    if (!g->v || !g->sup || !cls) {
        free(cls);
        return ERR_NOMEM;
    }
    for (size_t k = 0; k < g->nk; k++)
        for (size_t d = 0; d < g->nd; d++)
            g->v[k * W + g->period_of[d]] += g->day_v[k * g->nd + d];
    /* A kiosk with at least half of its periods below the threshold is set
     * aside: shown by its total only (kiosk table), not by period, so its
     * small counts do not hatch the all-kiosk totals or anyone's cells. */
    g->naside = 0;
    for (size_t k = 0; k < g->nk; k++) {
        int64_t nz = 0, small = 0;
        for (size_t q = 0; q < g->np; q++) {
            int64_t x = g->v[k * W + q];
            nz += x != 0;
            small += x >= 1 && x < min;
        }
        g->aside[k] = nz > 0 && small * 2 >= nz;
        g->naside += g->aside[k];
        if (g->aside[k])
            for (size_t q = 0; q < g->np; q++)
                g->v[k * W + q] = 0;
    }
    for (size_t k = 0; k <= g->nk; k++) {
        int small = 0;
        for (size_t q = 0; k < g->nk && q < g->np; q++)
            small |= g->v[k * W + q] >= 1 && g->v[k * W + q] < min;
        for (size_t q = 0; q <= g->np; q++) {
            size_t i = k * W + q;
            if (k == g->nk && q == g->np)
                cls[i] = 2; /* the grand total */
            else if (k == g->nk)
                cls[i] = 1; /* a period's total over the kiosks shown */
            else
                cls[i] = small ? 0 : 3; /* a busy kiosk's cell or total: last */
        }
    }
    Err e = report_suppress_grid_pref(g->v, g->sup, g->nk, g->np, min, cls);
    free(cls);
    g->body_cells = g->body_hidden = 0;
    for (size_t k = 0; k <= g->nk; k++)
        for (size_t q = 0; q < g->np; q++) {
            size_t i = k * W + q;
            g->body_cells += g->v[i] != 0 || g->sup[i];
            g->body_hidden += g->sup[i];
        }
    return e;
}

typedef struct {
    char kiosk[33];
    char group[200];
} GroupLine;

typedef struct {
    GroupLine *line;
    size_t n, cap;
    char why[200];
} GroupMap;

static int group_cb(void *ctx, char **f, size_t n, size_t record)
{
    GroupMap *m = ctx;
    if (n == 0 || f[0][0] == '#' || (n == 1 && !f[0][0]))
        return 0;
    if (n != 2 || strlen(f[0]) != 32 || !f[1][0]) {
        snprintf(m->why, sizeof m->why, "groups record %zu: want KIOSK_ID,GROUP NAME", record);
        return 1;
    }
    if (VEC_RESERVE(m->line, m->cap, m->n + 1) != ERR_OK)
        return 1;
    snprintf(m->line[m->n].kiosk, sizeof m->line[0].kiosk, "%s", f[0]);
    report_utf8_copy(m->line[m->n].group, sizeof m->line[0].group, f[1]);
    m->n++;
    return 0;
}

/* Site groups: kiosks named in the groups file are shown as one row per
 * group (counts added before anything is hidden); others keep their own
 * row. Rows are rebuilt in place: kiosk id "" marks a group row. */
static Err grid_groups(Grid *g, const char *path)
{
    char *buf = NULL;
    size_t len = 0;
    Err e = fileio_read_all(path, 1 << 20, &buf, &len);
    if (e)
        return e;
    GroupMap m = {0};
    char why[200];
    e = report_csv_parse(buf, len, group_cb, &m, why, sizeof why);
    free(buf);
    if (e) {
        free(m.line);
        return ERR_FORMAT;
    }
    size_t nk = g->nk, nr = 0;
    char **kiosk = calloc(nk + 1, sizeof *kiosk), **label = calloc(nk + 1, sizeof *label);
    long *row_of = malloc((nk + 1) * sizeof *row_of);
    e = kiosk && label && row_of ? ERR_OK : ERR_NOMEM;
    for (size_t k = 0; !e && k < nk; k++) {
        const char *grp = NULL;
        for (size_t i = 0; i < m.n && !grp; i++)
            if (strcmp(m.line[i].kiosk, g->kiosk[k]) == 0)
                grp = m.line[i].group;
        long r = -1;
        for (size_t j = 0; grp && j < nr; j++)
            if (!kiosk[j][0] && strcmp(label[j], grp) == 0)
                r = (long)j;
        if (r < 0) {
            kiosk[nr] = strdup(grp ? "" : g->kiosk[k]);
            label[nr] = strdup(grp ? grp : g->label[k]);
            if (!kiosk[nr] || !label[nr]) {
                e = ERR_NOMEM;
                break;
            }
            r = (long)nr++;
        }
        row_of[k] = r;
    }
    if (!e) {
        for (int64_t kid = 0; kid <= g->maxkid; kid++)
            if (g->row_of_kid[kid] >= 0)
                g->row_of_kid[kid] = row_of[g->row_of_kid[kid]];
        for (size_t k = 0; k < nk; k++) {
            free(g->kiosk[k]);
            free(g->label[k]);
        }
        free(g->kiosk);
        free(g->label);
        g->kiosk = kiosk;
        g->label = label;
        g->nk = nr;
        kiosk = label = NULL;
    }
    for (size_t j = 0; kiosk && j < nr; j++) {
        free(kiosk[j]);
        free(label[j]);
    }
    free(kiosk);
    free(label);
    free(row_of);
    free(m.line);
    return e;
}

/* Every kiosk, by id, with its label, and the row of each kid. ERR_DB,
 * ERR_NOMEM, ERR_CORRUPT (kiosk numbers out of any sane range). */
static Err grid_kiosks(sqlite3 *db, Grid *g)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT max(kid) FROM kiosks", -1, &st, NULL) != SQLITE_OK)
        return ERR_DB;
    if (sqlite3_step(st) == SQLITE_ROW)
        g->maxkid = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (g->maxkid < 0 || g->maxkid > 100000000)
        return ERR_CORRUPT;
    g->row_of_kid = malloc(((size_t)g->maxkid + 1) * sizeof *g->row_of_kid);
    if (!g->row_of_kid)
        return ERR_NOMEM;
    for (int64_t i = 0; i <= g->maxkid; i++)
        g->row_of_kid[i] = -1;
    if (sqlite3_prepare_v2(db, "SELECT kid, kiosk_id, label FROM kiosks ORDER BY kiosk_id", -1, &st, NULL) !=
        SQLITE_OK)
        return ERR_DB;
    size_t cap_k = 0, cap_l = 0;
    Err e = ERR_OK;
    while (!e && sqlite3_step(st) == SQLITE_ROW) {
        if (VEC_RESERVE(g->kiosk, cap_k, g->nk + 1) != ERR_OK || VEC_RESERVE(g->label, cap_l, g->nk + 1) != ERR_OK) {
            e = ERR_NOMEM;
            break;
        }
        const char *kt = (const char *)sqlite3_column_text(st, 1), *lt = (const char *)sqlite3_column_text(st, 2);
        g->kiosk[g->nk] = strdup(kt ? kt : "");
        g->label[g->nk] = strdup(lt ? lt : "");
        if (!g->kiosk[g->nk] || !g->label[g->nk]) {
            free(g->kiosk[g->nk]);
            free(g->label[g->nk]);
            e = ERR_NOMEM;
            break;
        }
        int64_t kid = sqlite3_column_int64(st, 0);
        if (kid >= 0 && kid <= g->maxkid)
            g->row_of_kid[kid] = (long)g->nk;
        g->nk++;
    }
    sqlite3_finalize(st);
    return e;
}

/* The days with sessions (ascending), and the arrays sized by them. */
static Err grid_days(sqlite3 *db, int64_t sid, Grid *g)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT DISTINCT day FROM day_sums WHERE metric=?1 AND dim=0 ORDER BY day", -1, &st,
                           NULL) != SQLITE_OK)
        return ERR_DB;
    sqlite3_bind_int64(st, 1, sid);
    size_t cap = 0;
    Err e = ERR_OK;
    while (!e && sqlite3_step(st) == SQLITE_ROW) {
        if ((e = VEC_RESERVE(g->dayn, cap, g->nd + 1)) != ERR_OK)
            break;
        g->dayn[g->nd++] = (int32_t)sqlite3_column_int(st, 0);
    }
    sqlite3_finalize(st);
    if (e)
        return e;
    g->day_v = calloc(g->nk * g->nd + 1, sizeof *g->day_v);
    g->aside = calloc(g->nk + 1, 1);
    g->total = calloc(g->nk + 1, sizeof *g->total);
    g->period_of = calloc(g->nd + 1, sizeof *g->period_of);
    g->pstart = calloc(g->nd + 1, sizeof *g->pstart);
    return g->day_v && g->aside && g->total && g->period_of && g->pstart ? ERR_OK : ERR_NOMEM;
}

/* Sessions per row and day, and per row in all. ERR_DB. */
static Err grid_sessions(sqlite3 *db, int64_t sid, Grid *g)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT kid, day, value FROM day_sums WHERE metric=?1 AND dim=0 AND key=0", -1, &st,
                           NULL) != SQLITE_OK)
        return ERR_DB;
    sqlite3_bind_int64(st, 1, sid);
    while (sqlite3_step(st) == SQLITE_ROW) {
        long k = html_grid_row(g, sqlite3_column_int64(st, 0));
        long d = find_day(g->dayn, g->nd, (int32_t)sqlite3_column_int(st, 1));
        if (k >= 0 && d >= 0) {
            g->day_v[(size_t)k * g->nd + (size_t)d] += sqlite3_column_int64(st, 2);
            g->total[k] += sqlite3_column_int64(st, 2);
        }
    }
    sqlite3_finalize(st);
    return ERR_OK;
}

Err html_grid_load(Html *h, Grid *g, ReportPeriod want, double *day_hidden_share)
{
    sqlite3 *db = report_db_handle(h->rdb);
    memset(g, 0, sizeof *g);
    *day_hidden_share = 0;
    int64_t sid = html_metric_id(h->rdb, "session_start");
    Err e = grid_kiosks(db, g);
    if (!e && h->opt && h->opt->groups)
        e = grid_groups(g, h->opt->groups);
    if (!e)
        e = grid_days(db, sid, g);
    if (!e)
        e = grid_sessions(db, sid, g);
    if (e)
        return e;
    if (want != REPORT_PERIOD_AUTO)
        return grid_group(g, want, h->min);
    /* Aggregate first: the finest period at which at most a tenth of the
     * non-zero kiosk x period counts would be hidden. */
    static const ReportPeriod tries[3] = {REPORT_PERIOD_DAY, REPORT_PERIOD_WEEK, REPORT_PERIOD_MONTH};
    for (int t = 0; t < 3; t++) {
        if ((e = grid_group(g, tries[t], h->min)))
            return e;
        if (t == 0)
            *day_hidden_share = g->body_cells ? (double)g->body_hidden / (double)g->body_cells : 0;
        if (g->body_hidden * 10 <= g->body_cells)
            break;
    }
    return ERR_OK;
}
