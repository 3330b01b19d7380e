/* html.c: the campaign report as one self-contained HTML file, for a donor
 * or a ministry: translated (gettext domain "taama-report", right to left
 * for Arabic), printable on A4, readable on a phone.
 *
 * Every number shown comes from a suppressed table (suppress.c): a cell
 * from 1 to min-1 prints as "<min", and so does any cell that would reveal
 * it by subtraction. Counts are first grouped by period (day, week or
 * month, the finest that keeps most of them visible), and the complement
 * of a hidden cell is taken from margins and from units that already lose
 * cells before any busy unit's cell, so one small kiosk does not blank out
 * another's figures. The first page says what was hidden and why.
 *
 * Charts are drawn from the same suppressed tables (a hidden cell as a
 * hatched stub), each with value axes and a data table next to it, so a
 * bar never tells more than its table. Percentages appear only when both
 * their parts are shown. All text goes through report_html_esc(). No
 * scripts, no external resources; valid for `tidy -errors`. */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content/content.h"
#include "core/fileio.h"
#include "report/rtext.h"

#define MAX_STRIPS 30

typedef struct {
    FILE *o;
    ReportDb *rdb;
    const ReportOptions *opt;
    int64_t min;
    int svg_n;       /* charts so far: makes every id unique */
    ReportHidden hid; /* over all tables, for the first page */
} Html;

static void esc(FILE *o, const char *s) { report_html_esc(o, s); }

/* A translated sentence with "{N}" standing for a value (already text), so
 * translators can put the number where their grammar wants it. */
static void esc_n(FILE *o, const char *msg, const char *value)
{
    const char *at = strstr(msg, "{N}");
    if (!at) {
        esc(o, msg);
        fputc(' ', o);
        esc(o, value);
        return;
    }
    char *head = strndup(msg, (size_t)(at - msg));
    if (head)
        esc(o, head);
    free(head);
    esc(o, value);
    esc(o, at + 3);
}

/* Count what a suppressed table hid, for the note on the first page. */
static void tally(Html *h, const int64_t *v, const unsigned char *sup, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (v[i] == 0 && !sup[i])
            continue;
        h->hid.cells++;
        if (sup[i] && v[i] >= 1 && v[i] < h->min)
            h->hid.primary++;
        else if (sup[i])
            h->hid.complement++;
    }
}

/* A shown value: the number, or "<min" for a hidden one (already HTML). */
static const char *cell(char *buf, size_t sz, int64_t v, unsigned char sup, int64_t min)
{
    if (sup)
        snprintf(buf, sz, "&lt;%lld", (long long)min);
    else
        snprintf(buf, sz, "%lld", (long long)v);
    return buf;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* The id of a metric name, or -1 when no counter has it. */
static int64_t metric_id(ReportDb *rdb, const char *metric)
{
    return report_names_find(report_db_names(rdb), metric);
}

/* ---- charts ---- */

/* Open an SVG; returns the number that makes this chart's ids unique (the
 * hatch pattern is "hN"). Charts are laid out left to right whatever the
 * page direction, so they say so. */
static int svg_open(Html *h, int w, int ht, const char *label)
{
    int n = ++h->svg_n;
    fprintf(h->o,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            "role=\"img\" aria-label=\"",
            w, ht, w, ht);
    esc(h->o, label);
    fprintf(h->o,
            "\"><defs><pattern id=\"h%d\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\">"
            "<path d=\"M0,4 L4,0\" stroke=\"#666\"/></pattern></defs>",
            n);
    return n;
}

static void fill(char *buf, size_t sz, int id, unsigned char sup, const char *color)
{
    if (sup)
        snprintf(buf, sz, "url(#h%d)", id);
    else
        snprintf(buf, sz, "%s", color);
}

/* A "nice" axis maximum >= v: 1, 2 or 5 times a power of ten. */
static int64_t nice_max(int64_t v)
{
    int64_t p = 1;
    while (p * 10 <= v && p < INT64_MAX / 100)
        p *= 10;
    if (v <= p)
        return p;
    if (v <= 2 * p)
        return 2 * p;
    if (v <= 5 * p)
        return 5 * p;
    return 10 * p;
}

/* Vertical value axis at x (ticks 0, max/2, max) over a plot of height ph
 * from y0 (top), with grid lines across width pw. */
static void y_axis(FILE *o, int x, int y0, int ph, int pw, int64_t max)
{
    for (int t = 0; t <= 2; t++) {
        int64_t v = max * t / 2;
        int y = y0 + ph - (int)((double)v / (double)max * ph);
        fprintf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>", x, y, x + pw, y);
        fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%lld</text>", x - 4, y + 4,
                (long long)v);
    }
    fprintf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", x, y0, x, y0 + ph);
}

/* Horizontal value axis below bars starting at x, width pw, at y. */
static void x_axis_values(FILE *o, int x, int y, int pw, int64_t max)
{
    fprintf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", x, y, x + pw, y);
    for (int t = 0; t <= 2; t++) {
        int64_t v = max * t / 2;
        int xx = x + (int)((double)v / (double)max * pw);
        fprintf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", xx, y, xx, y + 4);
        fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%lld</text>", xx, y + 16,
                (long long)v);
    }
}

/* ---- category tables (language, contact, module, length) ---- */

typedef struct {
    char **label;
    int64_t *v;
    unsigned char *sup;
    size_t n; /* categories; index n is the total */
} Cat;

static void cat_free(Cat *c)
{
    for (size_t i = 0; c->label && i <= c->n; i++)
        free(c->label[i]);
    free(c->label);
    free(c->v);
    free(c->sup);
    memset(c, 0, sizeof *c);
}

typedef enum { KEY_LANG, KEY_MODULE, KEY_CONTACT, KEY_LENGTH } KeyKind;

static void key_label(Html *h, KeyKind kk, int64_t key, char *out, size_t sz)
{
    const ReportNames *nm = report_db_names(h->rdb);
    if (kk == KEY_LANG)
        report_lang_label(report_names_of(nm, key), out, sz);
    else if (kk == KEY_MODULE)
        report_module_label(h->opt ? h->opt->content : NULL, report_names_of(nm, key), out, sz);
    else if (kk == KEY_CONTACT)
        report_contact_label(h->opt ? h->opt->content : NULL, key, out, sz, NULL, 0);
    else
        snprintf(out, sz, "%s", report_length_label(key));
}

typedef struct {
    char *label;
    int64_t key, v;
} KV;

static int kv_cmp(const void *a, const void *b)
{
    const KV *x = a, *y = b;
    return strcmp(x->label, y->label);
}

static int kv_key_cmp(const void *a, const void *b)
{
    const KV *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

/* Contact counts arrive named per kiosk and day (report/contacts.c). */
typedef struct {
    KV **kv;
    size_t *n, *cap;
} KvSink;

static Err kv_take(void *ctx, const char *label, ReportContactSource source, int64_t value)
{
    KvSink *k = ctx;
    (void)source;
    if (*k->n == *k->cap) {
        KV *nk = realloc(*k->kv, *k->cap * 2 * sizeof *nk);
        if (!nk)
            return ERR_NOMEM;
        *k->kv = nk;
        *k->cap *= 2;
    }
    KV *one = &(*k->kv)[*k->n];
    if (!(one->label = xstrdup(label)))
        return ERR_NOMEM;
    one->key = (int64_t)*k->n;
    one->v = value;
    (*k->n)++;
    return ERR_OK;
}

/* Load SUM(value) per key (dim: 1 language, 2 module, 3 item) of a metric
 * from the per-day sums, plus a total at index n, and suppress them as one
 * group. Sorted by label (session lengths: by bucket, all four shown);
 * keys with the same label are added together. */
static Err load_cat(Html *h, const char *metric, int dim, KeyKind kk, Cat *c)
{
    memset(c, 0, sizeof *c);
    sqlite3 *db = report_db_handle(h->rdb);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT key, SUM(value) FROM day_sums WHERE metric=?1 AND dim=?2 GROUP BY key", -1,
                           &st, NULL) != SQLITE_OK)
        return ERR_DB;
    sqlite3_bind_int64(st, 1, metric_id(h->rdb, metric));
    sqlite3_bind_int(st, 2, dim);
    size_t cap = 16, n = 0;
    KV *kv = malloc(cap * sizeof *kv);
    Err e = kv ? ERR_OK : ERR_NOMEM;
    if (!e && kk == KEY_LENGTH)
        for (; n < REPORT_LENGTH_BUCKETS; n++)
            kv[n] = (KV){NULL, (int64_t)n, 0};
    if (!e && kk == KEY_CONTACT)
        e = report_contact_totals(h->rdb, metric, h->opt ? h->opt->content : NULL, kv_take,
                                  &(KvSink){&kv, &n, &cap});
    while (!e && kk != KEY_CONTACT && sqlite3_step(st) == SQLITE_ROW) {
        int64_t key = sqlite3_column_int64(st, 0), val = sqlite3_column_int64(st, 1);
        if (kk == KEY_LENGTH && key >= 0 && key < REPORT_LENGTH_BUCKETS) {
            kv[key].v += val;
            continue;
        }
        if (n == cap) {
            KV *nk = realloc(kv, cap * 2 * sizeof *kv);
            if (!nk) {
                e = ERR_NOMEM;
                break;
            }
            kv = nk;
            cap *= 2;
        }
        kv[n++] = (KV){NULL, key, val};
    }
    sqlite3_finalize(st);
    char buf[512];
    for (size_t i = 0; !e && i < n && kk != KEY_CONTACT; i++) {
        key_label(h, kk, kv[i].key, buf, sizeof buf);
        if (!(kv[i].label = xstrdup(buf)))
            e = ERR_NOMEM;
    }
    if (!e && n > 1) {
        qsort(kv, n, sizeof *kv, kk == KEY_LENGTH ? kv_key_cmp : kv_cmp);
        size_t w = 0;
        for (size_t i = 0; i < n; i++) {
            if (w > 0 && strcmp(kv[w - 1].label, kv[i].label) == 0) {
                kv[w - 1].v += kv[i].v;
                free(kv[i].label);
            } else {
                kv[w++] = kv[i];
            }
        }
        n = w;
    }
    if (!e) {
        c->label = calloc(n + 1, sizeof *c->label);
        c->v = calloc(n + 1, sizeof *c->v);
        c->sup = calloc(n + 1, 1);
        if (!c->label || !c->v || !c->sup)
            e = ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        if (!e) {
            c->label[i] = kv[i].label;
            c->v[i] = kv[i].v;
            c->v[n] += kv[i].v;
        } else {
            free(kv[i].label);
        }
    }
    free(kv);
    c->n = n;
    if (!e && !(c->label[n] = xstrdup(R_("Total"))))
        e = ERR_NOMEM;
    size_t *idx = e ? NULL : malloc((n + 1) * sizeof *idx);
    if (!e && !idx)
        e = ERR_NOMEM;
    if (e) {
        cat_free(c);
        return e;
    }
    for (size_t i = 0; i <= n; i++)
        idx[i] = i;
    SupGroup g = {idx, n + 1};
    report_suppress(c->v, c->sup, n + 1, &g, 1, h->min);
    free(idx);
    tally(h, c->v, c->sup, n + 1);
    return ERR_OK;
}

/* Horizontal bars for a category table (total excluded), with a value axis. */
static void svg_hbars(Html *h, const Cat *c, const char *label)
{
    if (c->n == 0)
        return;
    int lw = 260, bw = 400, rh = 22;
    int64_t max = h->min;
    for (size_t i = 0; i < c->n; i++)
        if (!c->sup[i] && c->v[i] > max)
            max = c->v[i];
    max = nice_max(max);
    int ht = (int)c->n * rh + 34;
    int id = svg_open(h, lw + bw + 70, ht, label);
    char buf[32], f[32];
    for (size_t i = 0; i < c->n; i++) {
        int y = 5 + (int)i * rh;
        int64_t shown = c->sup[i] ? h->min : c->v[i];
        int w = (int)((double)shown / (double)max * bw);
        fprintf(h->o, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">", lw - 6, y + 14);
        esc(h->o, c->label[i]);
        fill(f, sizeof f, id, c->sup[i], "#2b6cb0");
        fprintf(h->o, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", lw, y + 2,
                w > 0 ? w : 0, rh - 6, f);
        fprintf(h->o, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", lw + w + 4, y + 14,
                cell(buf, sizeof buf, c->v[i], c->sup[i], h->min));
    }
    x_axis_values(h->o, lw, (int)c->n * rh + 8, bw, max);
    fputs("</svg>\n", h->o);
}

static void table_cat(Html *h, const Cat *c, const char *caption, const char *keyname)
{
    FILE *o = h->o;
    char buf[32];
    fputs("<table><caption>", o);
    esc(o, caption);
    fputs("</caption><thead><tr><th scope=\"col\">", o);
    esc(o, keyname);
    fputs("</th><th scope=\"col\">", o);
    esc(o, R_("Count"));
    fputs("</th><th scope=\"col\">", o);
    esc(o, R_("Share"));
    fputs("</th></tr></thead><tbody>\n", o);
    for (size_t i = 0; i <= c->n; i++) {
        fputs(i == c->n ? "<tr class=\"total\"><th scope=\"row\">" : "<tr><th scope=\"row\">", o);
        esc(o, c->label[i]);
        fprintf(o, "</th><td class=\"n\">%s</td>", cell(buf, sizeof buf, c->v[i], c->sup[i], h->min));
        if (!c->sup[i] && !c->sup[c->n] && c->v[c->n] > 0)
            fprintf(o, "<td>%.0f%%</td></tr>\n", 100.0 * (double)c->v[i] / (double)c->v[c->n]);
        else
            fputs("<td>-</td></tr>\n", o);
    }
    fputs("</tbody></table>\n", o);
}

static Err section_cat(Html *h, const char *metric, int dim, KeyKind kk, const char *caption, const char *keyname)
{
    Cat c;
    Err e = load_cat(h, metric, dim, kk, &c);
    if (e)
        return e;
    if (c.v[c.n] == 0) {
        fputs("<p>", h->o);
        esc(h->o, caption);
        fputs(": ", h->o);
        esc(h->o, R_("no data."));
        fputs("</p>\n", h->o);
    } else {
        svg_hbars(h, &c, caption);
        table_cat(h, &c, caption, keyname);
    }
    cat_free(&c);
    return ERR_OK;
}

/* ---- kiosks x periods ---- */

typedef struct {
    size_t nk, nd, np; /* kiosks, days, periods */
    char **kiosk, **label;
    int32_t *dayn;      /* YYYYMMDD, ascending */
    size_t *period_of;  /* day index -> period index */
    int32_t *pstart;    /* period index -> first day */
    long *row_of_kid;   /* kid -> row, -1 (kid 0 .. maxkid) */
    int64_t maxkid;
    int64_t *day_v;     /* nk x nd, raw sessions per kiosk and day */
    ReportPeriod period;
    int64_t *v;         /* (nk+1) x (np+1), suppressed at period */
    unsigned char *sup;
    int64_t body_cells, body_hidden; /* non-zero cells (kiosks shown, and period totals), and hidden */
    unsigned char *aside; /* per kiosk: too few sessions to show by period */
    int64_t *total;       /* per kiosk: all its sessions */
    size_t naside;
} Grid;

static void grid_free(Grid *g)
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

static long grid_row(const Grid *g, int64_t kid)
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
    if (m->n == m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 64;
        GroupLine *nl = realloc(m->line, nc * sizeof *nl);
        if (!nl)
            return 1;
        m->line = nl;
        m->cap = nc;
    }
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
            kiosk[nr] = xstrdup(grp ? "" : g->kiosk[k]);
            label[nr] = xstrdup(grp ? grp : g->label[k]);
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

static Err load_grid(Html *h, Grid *g, ReportPeriod want, double *day_hidden_share)
{
    sqlite3 *db = report_db_handle(h->rdb);
    memset(g, 0, sizeof *g);
    *day_hidden_share = 0;
    sqlite3_stmt *st = NULL;
    Err e = ERR_DB;
    size_t cap;
    if (sqlite3_prepare_v2(db, "SELECT max(kid) FROM kiosks", -1, &st, NULL) != SQLITE_OK)
        return ERR_DB;
    if (sqlite3_step(st) == SQLITE_ROW)
        g->maxkid = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    st = NULL;
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
    cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (g->nk == cap) {
            cap = cap ? cap * 2 : 64;
            char **a = realloc(g->kiosk, cap * sizeof *a);
            if (a)
                g->kiosk = a;
            char **b = a ? realloc(g->label, cap * sizeof *b) : NULL;
            if (!a || !b) {
                e = ERR_NOMEM;
                goto out;
            }
            g->label = b;
        }
        const char *kt = (const char *)sqlite3_column_text(st, 1), *lt = (const char *)sqlite3_column_text(st, 2);
        g->kiosk[g->nk] = xstrdup(kt ? kt : "");
        g->label[g->nk] = xstrdup(lt ? lt : "");
        if (!g->kiosk[g->nk] || !g->label[g->nk]) {
            free(g->kiosk[g->nk]);
            free(g->label[g->nk]);
            e = ERR_NOMEM;
            goto out;
        }
        int64_t kid = sqlite3_column_int64(st, 0);
        if (kid >= 0 && kid <= g->maxkid)
            g->row_of_kid[kid] = (long)g->nk;
        g->nk++;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (h->opt && h->opt->groups && (e = grid_groups(g, h->opt->groups)))
        goto out;
    e = ERR_DB;
    int64_t sid = metric_id(h->rdb, "session_start");
    if (sqlite3_prepare_v2(db, "SELECT DISTINCT day FROM day_sums WHERE metric=?1 AND dim=0 ORDER BY day", -1, &st,
                           NULL) != SQLITE_OK)
        goto out;
    sqlite3_bind_int64(st, 1, sid);
    cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (g->nd == cap) {
            cap = cap ? cap * 2 : 64;
            int32_t *a = realloc(g->dayn, cap * sizeof *a);
            if (!a) {
                e = ERR_NOMEM;
                goto out;
            }
            g->dayn = a;
        }
        g->dayn[g->nd++] = (int32_t)sqlite3_column_int(st, 0);
    }
    sqlite3_finalize(st);
    st = NULL;
    g->day_v = calloc(g->nk * g->nd + 1, sizeof *g->day_v);
    g->aside = calloc(g->nk + 1, 1);
    g->total = calloc(g->nk + 1, sizeof *g->total);
    if (!g->aside || !g->total) {
        e = ERR_NOMEM;
        goto out;
    }
    g->period_of = calloc(g->nd + 1, sizeof *g->period_of);
    g->pstart = calloc(g->nd + 1, sizeof *g->pstart);
    if (!g->day_v || !g->period_of || !g->pstart) {
        e = ERR_NOMEM;
        goto out;
    }
    if (sqlite3_prepare_v2(db, "SELECT kid, day, value FROM day_sums WHERE metric=?1 AND dim=0 AND key=0", -1, &st,
                           NULL) != SQLITE_OK)
        goto out;
    sqlite3_bind_int64(st, 1, sid);
    while (sqlite3_step(st) == SQLITE_ROW) {
        long k = grid_row(g, sqlite3_column_int64(st, 0));
        long d = find_day(g->dayn, g->nd, (int32_t)sqlite3_column_int(st, 1));
        if (k >= 0 && d >= 0) {
            g->day_v[(size_t)k * g->nd + (size_t)d] += sqlite3_column_int64(st, 2);
            g->total[k] += sqlite3_column_int64(st, 2);
        }
    }
    /* Aggregate first: the finest period at which at most a tenth of the
     * non-zero kiosk x period counts would be hidden. */
    if (want != REPORT_PERIOD_AUTO) {
        e = grid_group(g, want, h->min);
        goto out;
    }
    static const ReportPeriod tries[3] = {REPORT_PERIOD_DAY, REPORT_PERIOD_WEEK, REPORT_PERIOD_MONTH};
    for (int t = 0; t < 3; t++) {
        if ((e = grid_group(g, tries[t], h->min)))
            goto out;
        if (t == 0)
            *day_hidden_share = g->body_cells ? (double)g->body_hidden / (double)g->body_cells : 0;
        if (g->body_hidden * 10 <= g->body_cells)
            break;
    }
out:
    sqlite3_finalize(st);
    return e;
}

/* A kiosk for readers: its full site label and the start of its id (the
 * CSV has the whole id). */
static void kiosk_name(FILE *o, const Grid *g, size_t k)
{
    char id[9];
    report_utf8_copy(id, sizeof id, g->kiosk[k]);
    if (!g->kiosk[k][0]) { /* a site group */
        esc(o, g->label[k]);
        return;
    }
    if (g->label[k][0]) {
        esc(o, g->label[k]);
        fputs(" (", o);
        esc(o, id);
        fputs(")", o);
    } else {
        esc(o, id);
    }
}

/* Sessions per period, all kiosks: columns on a value axis, dates below,
 * then the same figures as a table. */
static void chart_periods(Html *h, const Grid *g)
{
    FILE *o = h->o;
    size_t W = g->np + 1;
    if (g->np == 0)
        return;
    int pw = 720, ph = 180, lx = 60, top = 10;
    int bw = pw / (int)g->np;
    if (bw < 1)
        bw = 1;
    if (bw > 80)
        bw = 80;
    int64_t max = h->min;
    for (size_t q = 0; q < g->np; q++)
        if (!g->sup[g->nk * W + q] && g->v[g->nk * W + q] > max)
            max = g->v[g->nk * W + q];
    max = nice_max(max);
    char buf[32], f[32], lab[16];
    const char *title = g->naside ? R_("Sessions per period, kiosks shown by period")
                                  : R_("Sessions per period, all kiosks");
    int id = svg_open(h, lx + pw + 60, top + ph + 40, title);
    y_axis(o, lx, top, ph, (int)g->np * bw, max);
    for (size_t q = 0; q < g->np; q++) {
        size_t i = g->nk * W + q;
        int64_t shown = g->sup[i] ? h->min : g->v[i];
        int bh = (int)((double)shown / (double)max * ph);
        report_period_label(g->pstart[q], g->period, lab);
        fill(f, sizeof f, id, g->sup[i], "#2b6cb0");
        fprintf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>",
                lx + (int)q * bw + 1, top + ph - bh, bw > 2 ? bw - 1 : bw, bh, f, lab,
                cell(buf, sizeof buf, g->v[i], g->sup[i], h->min));
    }
    /* Date labels: evenly spaced, first and last included, about 70
     * pixels apart so they never overlap. */
    size_t room = (size_t)((int)g->np * bw / 70) + 1;
    size_t nl = g->np < room ? g->np : room;
    if (nl > 10)
        nl = 10;
    for (size_t t = 0; t < nl; t++) {
        size_t q = nl == 1 ? 0 : t * (g->np - 1) / (nl - 1);
        report_period_label(g->pstart[q], g->period, lab);
        int x = lx + (int)q * bw + bw / 2;
        fprintf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", x, top + ph, x,
                top + ph + 4);
        fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>", x, top + ph + 18,
                lab);
    }
    fprintf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", lx, top + ph,
            lx + (int)g->np * bw, top + ph);
    fputs("</svg>\n", o);

    fputs("<table><caption>", o);
    esc(o, title);
    fputs("</caption><thead><tr><th scope=\"col\">", o);
    esc(o, R_("Period starting"));
    fputs("</th><th scope=\"col\">", o);
    esc(o, R_("Sessions"));
    fputs("</th></tr></thead><tbody>\n", o);
    for (size_t q = 0; q <= g->np; q++) {
        size_t i = g->nk * W + q;
        if (q < g->np) {
            report_period_label(g->pstart[q], g->period, lab);
            fprintf(o, "<tr><th scope=\"row\"><span dir=\"ltr\">%s</span></th>", lab);
        } else {
            fputs("<tr class=\"total\"><th scope=\"row\">", o);
            esc(o, R_("Total"));
            fputs("</th>", o);
        }
        fprintf(o, "<td class=\"n\">%s</td></tr>\n", cell(buf, sizeof buf, g->v[i], g->sup[i], h->min));
    }
    fputs("</tbody></table>\n", o);
}

/* One strip per kiosk (the busiest MAX_STRIPS), all on one shared scale,
 * each with its total and busiest period in numbers. */
static void chart_strips(Html *h, const Grid *g)
{
    FILE *o = h->o;
    size_t W = g->np + 1;
    if (g->np == 0 || g->nk == 0)
        return;
    size_t nshown = g->nk - g->naside, ns = nshown < MAX_STRIPS ? nshown : MAX_STRIPS;
    size_t *order = malloc(g->nk * sizeof *order);
    if (!order)
        return;
    size_t no = 0;
    for (size_t k = 0; k < g->nk; k++)
        if (!g->aside[k])
            order[no++] = k;
    for (size_t a = 0; a < ns; a++) /* partial selection sort by row total */
        for (size_t b = a + 1; b < nshown; b++)
            if (g->v[order[b] * W + g->np] > g->v[order[a] * W + g->np]) {
                size_t t = order[a];
                order[a] = order[b];
                order[b] = t;
            }
    int64_t max = h->min;
    for (size_t k = 0; k < g->nk; k++)
        for (size_t q = 0; q < g->np; q++)
            if (!g->sup[k * W + q] && g->v[k * W + q] > max)
                max = g->v[k * W + q];
    max = nice_max(max);
    int pw = 560, sh = 54, lx = 10, top = 20;
    int bw = pw / (int)g->np;
    if (bw < 1)
        bw = 1;
    if (bw > 30)
        bw = 30;
    char buf[32], f[32], lab[16], lab2[16], note[200];
    fputs("<p class=\"note\">", o);
    snprintf(note, sizeof note, "%lld", (long long)max);
    esc_n(o, R_("Every strip uses the same scale: a full-height bar is {N} sessions in one period."), note);
    fputs("</p>\n", o);
    int id = svg_open(h, lx + pw + 200, top + (int)ns * sh + 24, R_("Sessions per period per kiosk"));
    for (size_t s = 0; s < ns; s++) {
        size_t k = order[s];
        int y0 = top + (int)s * sh;
        int bh_max = sh - 22;
        fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\">", lx, y0 + 10);
        kiosk_name(o, g, k);
        fputs("</text>", o);
        int64_t peak = -1;
        for (size_t q = 0; q < g->np; q++) {
            size_t i = k * W + q;
            if (!g->sup[i] && g->v[i] > peak)
                peak = g->v[i];
            if (g->v[i] == 0 && !g->sup[i])
                continue;
            int64_t shown = g->sup[i] ? h->min : g->v[i];
            int bh = (int)((double)shown / (double)max * bh_max);
            fill(f, sizeof f, id, g->sup[i], "#2f855a");
            fprintf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", lx + (int)q * bw,
                    y0 + sh - 6 - bh, bw > 2 ? bw - 1 : bw, bh, f);
        }
        fprintf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", lx, y0 + sh - 6,
                lx + (int)g->np * bw, y0 + sh - 6);
        fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\">", lx + pw + 10, y0 + sh - 10);
        esc(o, R_("total"));
        fprintf(o, " %s", cell(buf, sizeof buf, g->v[k * W + g->np], g->sup[k * W + g->np], h->min));
        if (peak >= 0) {
            fputs(", ", o);
            esc(o, R_("peak"));
            fprintf(o, " %lld", (long long)peak);
        }
        fputs("</text>", o);
    }
    report_period_label(g->pstart[0], g->period, lab);
    report_period_label(g->pstart[g->np - 1], g->period, lab2);
    fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", lx, top + (int)ns * sh + 12, lab);
    if (g->np > 1)
        fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                lx + (int)g->np * bw + (bw < 60 ? 60 : 0), top + (int)ns * sh + 12, lab2);
    fputs("</svg>\n", o);
    if (nshown > ns) {
        fputs("<p>", o);
        snprintf(note, sizeof note, "%zu / %zu", ns, nshown);
        esc_n(o, R_("Busiest kiosks shown: {N}. All of them are in the table below."), note);
        fputs("</p>\n", o);
    }
    free(order);
    if (g->naside > 0) {
        fputs("<p class=\"note\">", o);
        esc_n(o, R_("Kiosks with too few sessions to show by {N}, counted only in the kiosk table below:"),
              report_period_name(g->period));
        for (size_t k = 0, n = 0; k < g->nk; k++)
            if (g->aside[k]) {
                fputs(n++ ? ", " : " ", o);
                kiosk_name(o, g, k);
            }
        fputs(".</p>\n", o);
    }

    /* The figures behind the strips. */
    fputs("<div class=\"wide\"><table><caption>", o);
    esc(o, R_("Sessions per period per kiosk"));
    fputs("</caption><thead><tr><th scope=\"col\">", o);
    esc(o, R_("Kiosk"));
    fputs("</th>", o);
    for (size_t q = 0; q < g->np; q++) {
        report_period_label(g->pstart[q], g->period, lab);
        fprintf(o, "<th scope=\"col\"><span dir=\"ltr\">%s</span></th>", lab);
    }
    fputs("<th scope=\"col\">", o);
    esc(o, R_("Total"));
    fputs("</th></tr></thead><tbody>\n", o);
    for (size_t k = 0; k <= g->nk; k++) {
        if (k < g->nk && g->aside[k])
            continue;
        if (k < g->nk) {
            fputs("<tr><th scope=\"row\">", o);
            kiosk_name(o, g, k);
        } else {
            fputs("<tr class=\"total\"><th scope=\"row\">", o);
            esc(o, g->naside ? R_("Kiosks shown by period") : R_("All kiosks"));
        }
        fputs("</th>", o);
        for (size_t q = 0; q <= g->np; q++)
            fprintf(o, "<td class=\"n\">%s</td>", cell(buf, sizeof buf, g->v[k * W + q], g->sup[k * W + q], h->min));
        fputs("</tr>\n", o);
    }
    fputs("</tbody></table></div>\n", o);
}

/* A table's opening: caption and column heads (msgids, translated here). */
static void thead(FILE *o, const char *caption, const char *const *heads, int n)
{
    fputs("<table><caption>", o);
    esc(o, caption);
    fputs("</caption><thead><tr>", o);
    for (int c = 0; c < n; c++) {
        fputs("<th scope=\"col\">", o);
        esc(o, R_(heads[c]));
        fputs("</th>", o);
    }
    fputs("</tr></thead><tbody>\n", o);
}

/* A row of two module figures (columns c and c+1 of the 4-wide v) and a
 * percentage num / den, shown only when both parts are shown. */
static void pair_row(Html *h, const char *label, int total, const int64_t *v, const unsigned char *sup, size_t r,
                     size_t c, int share_of_sum)
{
    FILE *o = h->o;
    char buf[32];
    fputs(total ? "<tr class=\"total\"><th scope=\"row\">" : "<tr><th scope=\"row\">", o);
    esc(o, label);
    fputs("</th>", o);
    size_t a = r * 4 + c, b = a + 1;
    fprintf(o, "<td class=\"n\">%s</td>", cell(buf, sizeof buf, v[a], sup[a], h->min));
    fprintf(o, "<td class=\"n\">%s</td>", cell(buf, sizeof buf, v[b], sup[b], h->min));
    /* completed of opened (b / a), or right of all answers (a / (a + b)) */
    int64_t num = share_of_sum ? v[a] : v[b], den = share_of_sum ? v[a] + v[b] : v[a];
    if (!sup[a] && !sup[b] && den > 0)
        fprintf(o, "<td>%.0f%%</td></tr>\n", 100.0 * (double)num / (double)den);
    else
        fputs("<td>-</td></tr>\n", o);
}

/* Per kiosk: exports, sessions (grid row totals), quick exits, timeouts. */
static Err kiosk_table(Html *h, const Grid *g)
{
    FILE *o = h->o;
    sqlite3 *db = report_db_handle(h->rdb);
    size_t K = g->nk, W = g->np + 1;
    int64_t *v = calloc((K + 1) * 2, sizeof *v);
    unsigned char *sup = calloc((K + 1) * 2, 1);
    size_t *idx = malloc(2 * (K + 1) * sizeof *idx);
    int64_t *exports = calloc(K + 1, sizeof *exports);
    sqlite3_stmt *st = NULL;
    Err e = ERR_NOMEM;
    if (!v || !sup || !idx || !exports)
        goto out;
    e = ERR_DB;
    static const char *const cols[2] = {"quick_exit", "timeout"};
    for (size_t c = 0; c < 2; c++) {
        if (sqlite3_prepare_v2(db, "SELECT kid, SUM(value) FROM day_sums WHERE metric=?1 AND dim=0 GROUP BY kid",
                               -1, &st, NULL) != SQLITE_OK)
            goto out;
        sqlite3_bind_int64(st, 1, metric_id(h->rdb, cols[c]));
        while (sqlite3_step(st) == SQLITE_ROW) {
            long k = grid_row(g, sqlite3_column_int64(st, 0));
            if (k >= 0)
                v[(size_t)k * 2 + c] += sqlite3_column_int64(st, 1);
        }
        sqlite3_finalize(st);
        st = NULL;
    }
    if (sqlite3_prepare_v2(db, "SELECT k.kid, count(*) FROM exports e JOIN kiosks k USING(kiosk_id) GROUP BY k.kid",
                           -1, &st, NULL) != SQLITE_OK)
        goto out;
    while (sqlite3_step(st) == SQLITE_ROW) {
        long k = grid_row(g, sqlite3_column_int64(st, 0));
        if (k >= 0)
            exports[k] += sqlite3_column_int64(st, 1);
    }
    for (size_t r = 0; r < K; r++) {
        exports[K] += exports[r];
        v[K * 2] += v[r * 2];
        v[K * 2 + 1] += v[r * 2 + 1];
    }
    SupGroup gr[2];
    for (size_t c = 0; c < 2; c++) {
        gr[c].idx = idx + c * (K + 1);
        gr[c].n = K + 1;
        for (size_t r = 0; r <= K; r++)
            idx[c * (K + 1) + r] = r * 2 + c;
    }
    report_suppress(v, sup, (K + 1) * 2, gr, 2, h->min);
    tally(h, v, sup, (K + 1) * 2);
    /* Sessions: a kiosk shown by period keeps its total and its hiding
     * from the period table; a kiosk set aside shows its total alone.
     * Cells 0..K-1 kiosks, K all kiosks, K+1 the period table's total of
     * the kiosks shown (already published). All kiosks = the kiosks' totals
     * = the period table's total + the set-aside totals: neither sum may
     * keep a lone hidden cell. */
    int64_t *sv = calloc(K + 2, sizeof *sv);
    unsigned char *ssup = calloc(K + 2, 1), *scls = calloc(K + 2, 1);
    size_t *sidx = malloc(2 * (K + 2) * sizeof *sidx);
    if (!sv || !ssup || !scls || !sidx) {
        free(sv);
        free(ssup);
        free(scls);
        free(sidx);
        e = ERR_NOMEM;
        goto out;
    }
    for (size_t r = 0; r < K; r++) {
        sv[r] = g->aside[r] ? g->total[r] : g->v[r * W + g->np];
        ssup[r] = g->aside[r] ? sv[r] >= 1 && sv[r] < h->min : g->sup[r * W + g->np];
        scls[r] = g->aside[r] ? 0 : 9;
        sv[K] += g->total[r];
    }
    sv[K + 1] = g->v[K * W + g->np];
    ssup[K + 1] = g->sup[K * W + g->np];
    scls[K + 1] = 9;
    ssup[K] = g->naside ? sv[K] >= 1 && sv[K] < h->min : ssup[K + 1];
    scls[K] = 1;
    SupGroup sg[2] = {{sidx, K + 1}, {sidx + K + 2, 0}};
    for (size_t r = 0; r <= K; r++)
        sidx[r] = r;
    for (size_t r = 0; r < K; r++)
        if (g->aside[r])
            sidx[K + 2 + sg[1].n++] = r;
    sidx[K + 2 + sg[1].n++] = K;
    sidx[K + 2 + sg[1].n++] = K + 1;
    report_suppress_more(sv, ssup, sg, g->naside ? 2 : 1, scls);
    for (size_t r = 0; r < K; r++)
        if (g->aside[r])
            tally(h, &sv[r], &ssup[r], 1);
    tally(h, &sv[K], &ssup[K], 1);
    char b1[32], b2[32], b3[32];
    static const char *const heads[5] = {RN_("Kiosk"), RN_("Exports merged"), RN_("Sessions"), RN_("Quick exits"),
                                         RN_("Timeouts")};
    thead(o, R_("Kiosks"), heads, 5);
    for (size_t r = 0; r <= K; r++) {
        fputs(r == K ? "<tr class=\"total\"><th scope=\"row\">" : "<tr><th scope=\"row\">", o);
        if (r < K)
            kiosk_name(o, g, r);
        else
            esc(o, R_("All kiosks"));
        /* The count of exports is not a visitor count: not suppressed. */
        fprintf(o, "</th><td>%lld</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n",
                (long long)exports[r], cell(b1, sizeof b1, sv[r], ssup[r], h->min),
                cell(b2, sizeof b2, v[r * 2], sup[r * 2], h->min),
                cell(b3, sizeof b3, v[r * 2 + 1], sup[r * 2 + 1], h->min));
    }
    fputs("</tbody></table>\n", o);
    free(sv);
    free(ssup);
    free(scls);
    free(sidx);
    e = ERR_OK;
out:
    sqlite3_finalize(st);
    free(v);
    free(sup);
    free(idx);
    free(exports);
    return e;
}

/* ---- modules ---- */

enum { MAX_STEPS = 64 };

/* Module funnel: opened -> reached each slide -> completed, per module;
 * then quiz answers on their own scale (share right). */
static Err funnel(Html *h)
{
    FILE *o = h->o;
    static const char *const metrics[4] = {"module_opened", "module_completed", "quiz_answer_right",
                                           "quiz_answer_wrong"};
    const ReportNames *nm = report_db_names(h->rdb);
    sqlite3 *db = report_db_handle(h->rdb);
    /* Modules: every module name id seen as opened. */
    Cat mods;
    Err e = load_cat(h, "module_opened", 2, KEY_MODULE, &mods);
    if (e)
        return e;
    /* load_cat merged by label; we need ids: map module name id -> row by
     * comparing labels once per id (a hash would do; modules are few,
     * and names are at most a few hundred). */
    size_t M = mods.n;
    int64_t *v = calloc((M + 1) * 4, sizeof *v);
    unsigned char *sup = calloc((M + 1) * 4, 1);
    size_t *idx = malloc(4 * (M + 1) * sizeof *idx);
    long *row_of_name = malloc((nm->n + 1) * sizeof *row_of_name);
    int64_t(*reach)[MAX_STEPS] = calloc(M + 1, sizeof *reach);
    int *nsteps = calloc(M + 1, sizeof *nsteps);
    sqlite3_stmt *st = NULL;
    e = ERR_NOMEM;
    if (!v || !sup || !idx || !row_of_name || !reach || !nsteps)
        goto out;
    char lab[512];
    for (size_t i = 0; i < nm->n; i++) {
        row_of_name[i] = -1;
        report_module_label(h->opt ? h->opt->content : NULL, report_names_of(nm, (int64_t)i), lab, sizeof lab);
        /* binary search: mods.label[0..M) is sorted by strcmp */
        size_t lo = 0, hi = M;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            int c = strcmp(mods.label[mid], lab);
            if (c == 0) {
                row_of_name[i] = (long)mid;
                break;
            }
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
    e = ERR_DB;
    for (int c = 0; c < 4; c++) {
        if (sqlite3_prepare_v2(db, "SELECT key, SUM(value) FROM day_sums WHERE metric=?1 AND dim=2 GROUP BY key",
                               -1, &st, NULL) != SQLITE_OK)
            goto out;
        sqlite3_bind_int64(st, 1, metric_id(h->rdb, metrics[c]));
        while (sqlite3_step(st) == SQLITE_ROW) {
            int64_t key = sqlite3_column_int64(st, 0);
            long r = key >= 0 && (size_t)key < nm->n ? row_of_name[key] : -1;
            if (r >= 0)
                v[(size_t)r * 4 + (size_t)c] += sqlite3_column_int64(st, 1);
        }
        sqlite3_finalize(st);
        st = NULL;
    }
    /* Deepest slide reached, per module and slide index. */
    if (sqlite3_prepare_v2(db, "SELECT module, item, SUM(value) FROM counts WHERE metric=?1 GROUP BY module, item",
                           -1, &st, NULL) != SQLITE_OK)
        goto out;
    sqlite3_bind_int64(st, 1, metric_id(h->rdb, "slide_deepest"));
    while (sqlite3_step(st) == SQLITE_ROW) {
        int64_t key = sqlite3_column_int64(st, 0), item = sqlite3_column_int64(st, 1);
        long r = key >= 0 && (size_t)key < nm->n ? row_of_name[key] : -1;
        if (r < 0 || item < 0 || item >= MAX_STEPS)
            continue;
        /* reached slide j (0-based) = deepest >= j */
        for (int64_t j = 0; j <= item; j++)
            reach[r][j] += sqlite3_column_int64(st, 2);
        if (nsteps[r] < item + 1)
            nsteps[r] = (int)item + 1;
    }
    sqlite3_finalize(st);
    st = NULL;
    SupGroup gr[4];
    for (size_t c = 0; c < 4; c++) {
        for (size_t r = 0; r < M; r++)
            v[M * 4 + c] += v[r * 4 + c];
        gr[c].idx = idx + c * (M + 1);
        gr[c].n = M + 1;
        for (size_t r = 0; r <= M; r++)
            idx[c * (M + 1) + r] = r * 4 + c;
    }
    report_suppress(v, sup, (M + 1) * 4, gr, 4, h->min);
    tally(h, v, sup, (M + 1) * 4);

    /* The funnel chart: per module, one column per step on a shared
     * scale. A slide step is shown only when it and its drop from the last
     * shown step are 0 or at least min, so no small number of visitors
     * who stopped at one slide can be worked out by subtraction. */
    char f[32];
    int64_t max = h->min;
    for (size_t r = 0; r < M; r++)
        if (!sup[r * 4] && v[r * 4] > max)
            max = v[r * 4];
    max = nice_max(max);
    if (M > 0) {
        fputs("<p class=\"note\">", o);
        esc(o, R_("For each module: how many visits opened it, reached each slide, and reached the end. A slide "
                  "is left out (-) when showing it would reveal fewer visits than the threshold."));
        fputs("</p>\n", o);
    }
    for (size_t r = 0; r < M; r++) {
        int S = nsteps[r];
        int nstep = S + 2;
        int64_t sv[MAX_STEPS + 2];
        unsigned char ssup[MAX_STEPS + 2], shown[MAX_STEPS + 2];
        sv[0] = v[r * 4];
        ssup[0] = sup[r * 4];
        for (int j = 0; j < S; j++) {
            sv[1 + j] = reach[r][j];
            ssup[1 + j] = 0;
        }
        sv[S + 1] = v[r * 4 + 1];
        ssup[S + 1] = sup[r * 4 + 1];
        int64_t last = -1;
        for (int j = 0; j < nstep; j++) {
            int small = sv[j] >= 1 && sv[j] < h->min;
            int64_t drop = last >= 0 ? (last > sv[j] ? last - sv[j] : sv[j] - last) : 0;
            int inner = j > 0 && j < nstep - 1;
            if (inner)
                shown[j] = !small && !(drop >= 1 && drop < h->min) && last >= 0;
            else
                shown[j] = !ssup[j];
            if (shown[j])
                last = sv[j];
        }
        /* The end is shown (it is in the table below): the last shown
         * slides must not be a small distance from it either. */
        for (int j = nstep - 2; j > 0 && shown[nstep - 1]; j--) {
            if (!shown[j])
                continue;
            int64_t drop = sv[j] > sv[nstep - 1] ? sv[j] - sv[nstep - 1] : sv[nstep - 1] - sv[j];
            if (!(drop >= 1 && drop < h->min))
                break;
            shown[j] = 0;
        }
        for (int j = 1; j < nstep - 1; j++) {
            int small = sv[j] >= 1 && sv[j] < h->min;
            h->hid.cells += sv[j] != 0;
            h->hid.primary += small;
            h->hid.complement += !shown[j] && !small && sv[j] != 0;
        }
        int cw = 26, lx = 50, ph = 100, top = 8;
        int id = svg_open(h, lx + nstep * cw + 20, top + ph + 34, mods.label[r]);
        y_axis(o, lx, top, ph, nstep * cw, max);
        for (int j = 0; j < nstep; j++) {
            int64_t val = shown[j] ? sv[j] : h->min;
            int bh = (int)((double)val / (double)max * ph);
            const char *col = j == 0 ? "#2b6cb0" : j == nstep - 1 ? "#2f855a" : "#718096";
            fill(f, sizeof f, id, !shown[j], col);
            fprintf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", lx + j * cw + 2,
                    top + ph - bh, cw - 4, bh, f);
            char step[16];
            if (j == 0)
                snprintf(step, sizeof step, "%s", "O");
            else if (j == nstep - 1)
                snprintf(step, sizeof step, "%s", "E");
            else
                snprintf(step, sizeof step, "%d", j);
            fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                    lx + j * cw + cw / 2, top + ph + 14, step);
        }
        fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\">", lx, top + ph + 30);
        esc(o, mods.label[r]);
        fputs("</text></svg>\n", o);
        /* Its data table. */
        fputs("<table class=\"steps\"><caption>", o);
        esc(o, mods.label[r]);
        fputs("</caption><thead><tr><th scope=\"col\">", o);
        esc(o, R_("Step"));
        fputs("</th><th scope=\"col\">", o);
        esc(o, R_("Visits"));
        fputs("</th></tr></thead><tbody>\n", o);
        for (int j = 0; j < nstep; j++) {
            fputs("<tr><th scope=\"row\">", o);
            if (j == 0)
                esc(o, R_("O: opened"));
            else if (j == nstep - 1)
                esc(o, R_("E: reached the end"));
            else
                fprintf(o, "%s %d", R_("slide"), j);
            if (shown[j])
                fprintf(o, "</th><td class=\"n\">%lld</td></tr>\n", (long long)sv[j]);
            else if (j == 0 || j == nstep - 1)
                fprintf(o, "</th><td class=\"n\">&lt;%lld</td></tr>\n", (long long)h->min);
            else
                fputs("</th><td class=\"n\">-</td></tr>\n", o);
        }
        fputs("</tbody></table>\n", o);
    }

    /* Summary table: opened, completed, completion rate. */
    static const char *const heads[4] = {RN_("Module"), RN_("Opened"), RN_("Completed"), RN_("Completed of opened")};
    thead(o, R_("Modules opened and completed"), heads, 4);
    for (size_t r = 0; r <= M; r++)
        pair_row(h, r < M ? mods.label[r] : R_("Total"), r == M, v, sup, r, 0, 0);
    fputs("</tbody></table>\n", o);

    /* Quiz answers: a share of answers, not visits, so a chart of its own
     * on a 0-100% scale. */
    fputs("<h3>", o);
    esc(o, R_("Quiz answers"));
    fputs("</h3>\n", o);
    int any = 0;
    for (size_t r = 0; r < M; r++)
        any |= !sup[r * 4 + 2] && !sup[r * 4 + 3] && v[r * 4 + 2] + v[r * 4 + 3] > 0;
    if (any) {
        int lw = 260, bw = 400, rh = 22;
        int id = svg_open(h, lw + bw + 70, (int)M * rh + 34, R_("Share of quiz answers that were right"));
        for (size_t r = 0; r < M; r++) {
            int y = 5 + (int)r * rh;
            int64_t ri = v[r * 4 + 2], wr = v[r * 4 + 3];
            int ok = !sup[r * 4 + 2] && !sup[r * 4 + 3] && ri + wr > 0;
            double share = ok ? (double)ri / (double)(ri + wr) : 0;
            fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">", lw - 6, y + 14);
            esc(o, mods.label[r]);
            fill(f, sizeof f, id, !ok, "#b7791f");
            fprintf(o, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", lw, y + 2,
                    ok ? (int)(share * bw) : 6, rh - 6, f);
            if (ok)
                fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%.0f%%</text>", lw + (int)(share * bw) + 4,
                        y + 14, share * 100);
        }
        int ya = (int)M * rh + 8;
        fprintf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", lw, ya, lw + bw, ya);
        for (int t = 0; t <= 4; t++)
            fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d%%</text>",
                    lw + t * bw / 4, ya + 16, t * 25);
        fputs("</svg>\n", o);
    }
    static const char *const qheads[4] = {RN_("Module"), RN_("Right"), RN_("Wrong"), RN_("Share right")};
    thead(o, R_("Quiz answers"), qheads, 4);
    for (size_t r = 0; r <= M; r++)
        pair_row(h, r < M ? mods.label[r] : R_("Total"), r == M, v, sup, r, 2, 1);
    fputs("</tbody></table>\n", o);
    e = ERR_OK;
out:
    sqlite3_finalize(st);
    free(v);
    free(sup);
    free(idx);
    free(row_of_name);
    free(reach);
    free(nsteps);
    cat_free(&mods);
    return e;
}

/* ---- the page ---- */

static void h2(FILE *o, const char *text)
{
    fputs("<h2>", o);
    esc(o, text);
    fputs("</h2>\n", o);
}

static void p_note(FILE *o, const char *text)
{
    fputs("<p class=\"note\">", o);
    esc(o, text);
    fputs("</p>\n", o);
}

/* The exports held in quarantine (report-harden's trust model): verified
 * but not counted anywhere in this report until the manager decides. One
 * row per kiosk id and key: why, how many exports and counter rows are
 * held back, and the days they cover. Labels come from the exports and
 * are escaped like everything else. *nq gets the number of exports. */
static Err quarantine_section(Html *h, int64_t *nq)
{
    FILE *o = h->o;
    static const char *const why[REPORT_Q_NKINDS] = {
        [REPORT_Q_OTHER] = RN_("other reason (see taama-report quarantine)"),
        [REPORT_Q_NOT_ENROLLED] = RN_("kiosk not enrolled: waiting for the campaign manager to accept its key"),
        [REPORT_Q_KEY_CHANGED] = RN_("signed by a key other than the kiosk's: forged, or the kiosk's key was reset"),
        [REPORT_Q_DISPUTED] = RN_("another key already claims this kiosk"),
        [REPORT_Q_CLONE] = RN_("two kiosks share this id and key (a cloned card?)"),
    };
    *nq = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(report_db_handle(h->rdb),
                           "SELECT kiosk_id, pubkey, reason, label, rows, day_first, day_last FROM quarantine"
                           " ORDER BY kiosk_id, pubkey, epoch, seq",
                           -1, &st, NULL) != SQLITE_OK)
        return ERR_DB;
    /* (the fleet section's quarantine list was merged into this one) */
    fputs("<h2 id=\"quarantined\">", o);
    esc(o, R_("Quarantined exports"));
    fputs("</h2>\n", o);
    char cur[200] = "", label[REPORT_LABEL_MAX + 1] = "", df[11] = "", dl[11] = "";
    unsigned kinds = 0;
    int64_t nexp = 0, rows = 0, groups = 0, total = 0;
    int rc;
    for (;;) {
        rc = sqlite3_step(st);
        const char *k = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
        const char *pk = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 1) : NULL;
        char both[200] = "";
        if (k && pk)
            snprintf(both, sizeof both, "%s %s", k, pk);
        if (cur[0] && (!k || strcmp(both, cur) != 0)) {
            /* one row for the previous kiosk id and key */
            char id[33], key[17];
            const char *sp = strchr(cur, ' ');
            report_utf8_copy(id, sizeof id, cur);
            if (sp && (size_t)(sp - cur) < sizeof id)
                id[sp - cur] = '\0';
            report_utf8_copy(key, sizeof key, sp ? sp + 1 : "");
            fputs("<tr><th>", o);
            esc(o, id);
            if (label[0]) {
                fputs(" (", o);
                esc(o, label);
                fputs(")", o);
            }
            fputs("</th><td class=\"n\">", o);
            esc(o, key);
            fputs("&#8230;</td><td style=\"text-align:start\">", o);
            int first = 1;
            for (int w = 0; w < REPORT_Q_NKINDS; w++)
                if (kinds & (1u << w)) {
                    if (!first)
                        fputs("; ", o);
                    esc(o, R_(why[w]));
                    first = 0;
                }
            fprintf(o, "</td><td>%lld</td><td>%lld</td><td class=\"n\">", (long long)nexp, (long long)rows);
            esc(o, df);
            fputs(" &#8211; ", o);
            esc(o, dl);
            fputs("</td></tr>\n", o);
            cur[0] = '\0';
        }
        if (!k)
            break;
        if (!cur[0]) {
            if (groups++ == 0) {
                p_note(o, R_("These exports carry valid signatures but are not counted in any figure of this "
                             "report: their kiosk is not trusted yet, or its identity is disputed. The campaign "
                             "manager decides with taama-report accept, reject or forget."));
                static const char *const heads[] = {RN_("Kiosk"), RN_("Key"), RN_("Why"), RN_("Exports"),
                                                    RN_("Counter rows held back"), RN_("Days")};
                thead(o, R_("Exports held back, by kiosk and key"), heads, 6);
            }
            snprintf(cur, sizeof cur, "%s", both);
            kinds = 0;
            nexp = rows = 0;
            df[0] = dl[0] = '\0';
            label[0] = '\0';
        }
        const char *lb = (const char *)sqlite3_column_text(st, 3);
        if (lb && lb[0])
            report_utf8_copy(label, sizeof label, lb);
        kinds |= 1u << report_quarantine_kind((const char *)sqlite3_column_text(st, 2));
        nexp++;
        total++;
        rows += sqlite3_column_int64(st, 4);
        const char *a = (const char *)sqlite3_column_text(st, 5), *b = (const char *)sqlite3_column_text(st, 6);
        if (a && (!df[0] || strcmp(a, df) < 0))
            report_utf8_copy(df, sizeof df, a);
        if (b && (!dl[0] || strcmp(b, dl) > 0))
            report_utf8_copy(dl, sizeof dl, b);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return ERR_DB;
    if (groups)
        fputs("</tbody></table>\n", o);
    else
        p_note(o, R_("No export is held in quarantine: every signed export merged is counted."));
    *nq = total;
    return ERR_OK;
}

static const char CSS[] =
    "body{font-family:'Noto Sans','DejaVu Sans',sans-serif;max-width:1100px;margin:1em auto;padding:0 1em;"
    "color:#1a202c;line-height:1.4}\n"
    "table{border-collapse:collapse;margin:.5em 0 1.5em}\ncaption{text-align:start;font-weight:bold}\n"
    "th,td{border:1px solid #cbd5e0;padding:.2em .6em}\nth{text-align:start}\ntd{text-align:right}\ntd.n{direction:ltr}\n"
    "tr.total{font-weight:bold}\nsvg{display:block;margin:.5em 0;max-width:100%;height:auto;direction:ltr}\n"
    ".note{color:#4a5568}\n.warn{border:2px solid #c53030;padding:.5em;color:#c53030;font-weight:bold}\n"
    ".cover dt{font-weight:bold}\n.cover dd{margin:0 0 .4em}\n.wide{overflow-x:auto}\n"
    "table.steps{display:inline-table;vertical-align:top;font-size:.9em}\n"
    "@page{size:A4;margin:15mm}\n"
    "@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}.cover{break-after:page}"
    "h2{break-after:avoid}table,svg{break-inside:avoid}.wide{overflow:visible}}\n";

Err report_write_html(ReportDb *rdb, const ReportOptions *opt, FILE *out)
{
    Html h = {.rdb = rdb, .opt = opt};
    h.min = opt && opt->min_count > 1 ? opt->min_count : 10;
    const char *title = opt && opt->title ? opt->title : R_("Taama campaign report");
    char *body = NULL;
    size_t bodylen = 0;
    h.o = open_memstream(&body, &bodylen);
    if (!h.o)
        return ERR_NOMEM;
    Grid g;
    double day_share = 0;
    Err e = load_grid(&h, &g, opt ? opt->period : REPORT_PERIOD_AUTO, &day_share);
    if (!e) {
        tally(&h, g.v, g.sup, (g.nk + 1) * (g.np + 1));
        h.hid.period = g.period;
        h2(h.o, R_("Sessions over time"));
        chart_periods(&h, &g);
        h2(h.o, R_("Kiosks"));
        chart_strips(&h, &g);
        /* Quick exits and timeouts appear once, per kiosk with their
         * totals: the same totals in a second table would let a hidden
         * cell be recovered across tables. */
        e = kiosk_table(&h, &g);
    }
    if (!e) {
        h2(h.o, R_("Language chosen"));
        e = section_cat(&h, "language_chosen", 1, KEY_LANG, R_("Language chosen at the start"), R_("Language"));
    }
    if (!e) {
        h2(h.o, R_("Modules"));
        e = funnel(&h);
    }
    if (!e) {
        h2(h.o, R_("Help contacts"));
        e = section_cat(&h, "help_shown", 1, KEY_LANG, R_("Help contacts screen shown, by language"),
                        R_("Language"));
    }
    if (!e)
        e = section_cat(&h, "qr_shown", 3, KEY_CONTACT, R_("Take-away QR codes shown, by contact"), R_("Contact"));
    if (!e)
        e = section_cat(&h, "end_card_shown", 2, KEY_MODULE, R_("Help cards shown at module ends"), R_("Module"));
    if (!e) {
        h2(h.o, R_("Session lengths"));
        e = section_cat(&h, "session_length", 3, KEY_LENGTH, R_("Session lengths"), R_("Length"));
    }
    /* Fleet health (fleet.c): each kiosk's newest export and its health. */
    if (!e)
        e = report_write_fleet(rdb, h.o);
    int64_t nquar = 0;
    if (!e)
        e = quarantine_section(&h, &nquar);
    if (fclose(h.o) != 0 && !e)
        e = ERR_NOMEM;
    if (e) {
        free(body);
        grid_free(&g);
        return e;
    }

    /* The first page, now that we know what was hidden. */
    FILE *o = out;
    fprintf(o, "<!DOCTYPE html>\n<html lang=\"%s\" dir=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
            report_lang(), report_lang_rtl() ? "rtl" : "ltr");
    esc(o, title);
    fprintf(o, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<section class=\"cover\">\n<h1>", CSS);
    esc(o, title);
    fputs("</h1>\n<dl>\n", o);
    char d1[16] = "-", d2[16] = "-", gen[16] = "-";
    if (g.nd > 0) {
        report_period_label(g.dayn[0], REPORT_PERIOD_DAY, d1);
        report_period_label(g.dayn[g.nd - 1], REPORT_PERIOD_DAY, d2);
    }
    if (opt && opt->generated > 0) {
        time_t t = (time_t)opt->generated;
        struct tm tm;
        if (gmtime_r(&t, &tm))
            strftime(gen, sizeof gen, "%Y-%m-%d", &tm);
    }
    int64_t nexports = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(report_db_handle(rdb), "SELECT count(*) FROM exports", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        nexports = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    fputs("<dt>", o);
    esc(o, R_("Generated"));
    fprintf(o, "</dt><dd>%s</dd>\n<dt>", gen);
    esc(o, R_("Period covered"));
    fprintf(o, "</dt><dd>%s &#8211; %s (%zu ", d1, d2, g.nd);
    esc(o, report_trn("day with sessions", "days with sessions", (unsigned long)g.nd));
    fputs(")</dd>\n<dt>", o);
    esc(o, R_("Kiosks and exports"));
    fprintf(o, "</dt><dd>%zu ", g.nk);
    esc(o, report_trn("kiosk", "kiosks", (unsigned long)g.nk));
    fprintf(o, ", %lld ", (long long)nexports);
    esc(o, report_trn("export merged", "exports merged", (unsigned long)nexports));
    if (nquar > 0) {
        fprintf(o, ", %lld ", (long long)nquar);
        esc(o, report_trn("export in quarantine, not counted", "exports in quarantine, not counted",
                          (unsigned long)nquar));
    }
    fputs("</dd>\n</dl>\n", o);
    fputs("<h2>", o);
    esc(o, R_("Method"));
    fputs("</h2>\n", o);
    p_note(o, R_("Each kiosk counts what happens on its screen (sessions, languages, modules, slides, quiz "
                 "answers, help contacts) as totals per day. It keeps no record of any visitor. Staff carry "
                 "signed exports on USB sticks; taama-report checks every signature and merges them. Each "
                 "kiosk's newest export holds all its counts, so a missed export loses nothing."));
    p_note(o, R_("The figures count events, not people: one visitor can open several modules, and a "
                 "session ends after a quiet minute or when the visitor leaves."));
    fputs("<h2>", o);
    esc(o, R_("Privacy"));
    fputs("</h2>\n<p class=\"note\">", o);
    char num[64], num2[64];
    snprintf(num, sizeof num, "%lld", (long long)h.min);
    esc_n(o, R_("To protect visitors, no count below {N} is shown."), num);
    fputc(' ', o);
    snprintf(num, sizeof num, "<%lld", (long long)h.min);
    esc_n(o, R_("Hidden counts are shown as {N} and as hatched bars."), num);
    fputc(' ', o);
    esc(o, R_("Some other counts are hidden too, so that a hidden count cannot be worked out by subtraction "
              "from a total."));
    fputs("</p>\n<p class=\"note\">", o);
    esc_n(o, R_("Sessions are grouped by {N}."), report_period_name(g.period));
    fputc(' ', o);
    if (g.period != REPORT_PERIOD_DAY && day_share > 0) {
        snprintf(num, sizeof num, "%.0f%%", day_share * 100);
        esc_n(o, R_("By day, {N} of the kiosks' session counts would have been hidden."), num);
        fputc(' ', o);
    }
    snprintf(num, sizeof num, "%lld / %lld", (long long)(h.hid.primary + h.hid.complement), (long long)h.hid.cells);
    esc_n(o, R_("Figures hidden in this report: {N}."), num);
    fputc(' ', o);
    snprintf(num, sizeof num, "%lld", (long long)h.hid.primary);
    snprintf(num2, sizeof num2, "%lld", (long long)h.hid.complement);
    esc_n(o, R_("Below the threshold: {N}."), num);
    fputc(' ', o);
    esc_n(o, R_("Hidden to prevent subtraction: {N}."), num2);
    fputs("</p>\n", o);
    if (h.min < 10) {
        fputs("<p class=\"warn\">", o);
        esc(o, R_("Warning: the threshold was lowered below the recommended 10. Small counts at a small kiosk "
                  "can identify visitors. Check with the campaign's protection officer before sharing this "
                  "report."));
        fputs("</p>\n", o);
    }
    fputs("</section>\n", o);
    fwrite(body, 1, bodylen, o);
    free(body);
    fputs("<p class=\"note\">", o);
    esc(o, R_("Made by taama-report from signed kiosk exports."));
    fputs("</p>\n</body>\n</html>\n", o);
    grid_free(&g);
    if (ferror(o))
        return ERR_IO;
    return ERR_OK;
}
