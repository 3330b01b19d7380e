/* html.c: the campaign report as one self-contained HTML file.
 *
 * Every number shown comes from a suppressed table (suppress.c): a cell
 * from 1 to min-1 prints as "<min", and so does any cell that would reveal
 * it by subtraction. Charts are drawn from the same suppressed tables, a
 * hidden cell as a hatched stub, so a bar's height never tells more than
 * the table beside it. Percentages appear only when both their parts are
 * shown. No scripts, no external resources; valid for `tidy -errors`. */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include "core/fileio.h"

#define MAX_STRIPS 30

typedef struct {
    char (*label)[64];
    int64_t *v;
    unsigned char *sup;
    size_t n;
} Cat;

static void cat_free(Cat *c)
{
    free(c->label);
    free(c->v);
    free(c->sup);
    memset(c, 0, sizeof *c);
}

/* The one escaping function of the report's HTML (see report.h). */
void report_html_esc(FILE *o, const char *s)
{
    if (!s)
        return;
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", o); break;
        case '<': fputs("&lt;", o); break;
        case '>': fputs("&gt;", o); break;
        case '"': fputs("&quot;", o); break;
        default: fputc(*s, o);
        }
    }
}

static void esc(FILE *o, const char *s) { report_html_esc(o, s); }

/* A shown value: the number, or "<min" for a hidden one. */
static const char *cell(char *buf, size_t sz, int64_t v, unsigned char sup, int64_t min)
{
    if (sup)
        snprintf(buf, sz, "&lt;%lld", (long long)min);
    else
        snprintf(buf, sz, "%lld", (long long)v);
    return buf;
}

/* How a category's key is labelled. */
typedef enum { KEY_NAME, KEY_CONTACT, KEY_LENGTH } KeyKind;

static void key_label(const ReportNames *nm, KeyKind kk, int64_t key, char out[64])
{
    static const char *const lengths[4] = {"1 under 1 min", "2 1-3 min", "3 3-10 min", "4 over 10 min"};
    if (kk == KEY_NAME)
        snprintf(out, 64, "%s", report_names_of(nm, key));
    else if (kk == KEY_CONTACT)
    {
        if (key >= 0)
            snprintf(out, 64, "contact %lld", (long long)key + 1);
        else
            out[0] = '\0';
    }
    else
        snprintf(out, 64, "%s", key >= 0 && key < 4 ? lengths[key] : "unknown");
}

/* The id of a metric name, or -1 when no counter has it. */
static int64_t metric_id(ReportDb *rdb, const char *metric)
{
    return report_names_find(report_db_names(rdb), metric);
}

typedef struct {
    char label[64];
    int64_t v;
} KV;

static int kv_cmp(const void *a, const void *b)
{
    return strcmp(((const KV *)a)->label, ((const KV *)b)->label);
}

/* Load SUM(value) per key (dim: 1 language, 2 module, 3 item) of a metric
 * from the per-day sums, plus a total cell at index n, and suppress them
 * as one group. Sorted by label; an empty label shows as "(none)". */
static Err load_cat(ReportDb *rdb, const char *metric, int dim, KeyKind kk, int64_t min, Cat *c)
{
    memset(c, 0, sizeof *c);
    sqlite3 *db = report_db_handle(rdb);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT key, SUM(value) FROM day_sums WHERE metric=?1 AND dim=?2 GROUP BY key", -1,
                           &st, NULL) != SQLITE_OK)
        return ERR_DB;
    sqlite3_bind_int64(st, 1, metric_id(rdb, metric));
    sqlite3_bind_int(st, 2, dim);
    size_t cap = 16;
    KV *kv = malloc(cap * sizeof *kv);
    Err e = kv ? ERR_OK : ERR_NOMEM;
    size_t n = 0;
    int rc;
    while (!e && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            KV *nk = realloc(kv, cap * 2 * sizeof *kv);
            if (!nk) {
                e = ERR_NOMEM;
                break;
            }
            kv = nk;
            cap *= 2;
        }
        key_label(report_db_names(rdb), kk, sqlite3_column_int64(st, 0), kv[n].label);
        kv[n++].v = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    if (!e && n > 1) {
        /* Labels from different keys may coincide (e.g. two unknown
         * items): sort, then add equal labels together. */
        qsort(kv, n, sizeof *kv, kv_cmp);
        size_t w = 0;
        for (size_t i = 0; i < n; i++) {
            if (w > 0 && strcmp(kv[w - 1].label, kv[i].label) == 0)
                kv[w - 1].v += kv[i].v;
            else
                kv[w++] = kv[i];
        }
        n = w;
    }
    if (!e) {
        c->label = malloc((n + 1) * sizeof *c->label);
        c->v = malloc((n + 1) * sizeof *c->v);
        if (!c->label || !c->v)
            e = ERR_NOMEM;
    }
    for (size_t i = 0; !e && i < n; i++) {
        snprintf(c->label[i], 64, "%s", kv[i].label[0] ? kv[i].label : "(none)");
        c->v[i] = kv[i].v;
    }
    c->n = n;
    free(kv);
    if (!c->label || !c->v)
        e = ERR_NOMEM;
    if (!e) {
        c->sup = calloc(c->n + 1, 1);
        if (!c->sup)
            e = ERR_NOMEM;
    }
    if (e) {
        cat_free(c);
        return e;
    }
    int64_t total = 0;
    for (size_t i = 0; i < c->n; i++)
        total += c->v[i];
    c->v[c->n] = total;
    snprintf(c->label[c->n], 64, "Total");
    size_t *idx = malloc((c->n + 1) * sizeof *idx);
    if (!idx) {
        cat_free(c);
        return ERR_NOMEM;
    }
    for (size_t i = 0; i <= c->n; i++)
        idx[i] = i;
    SupGroup g = {idx, c->n + 1};
    report_suppress(c->v, c->sup, c->n + 1, &g, 1, min);
    free(idx);
    return ERR_OK;
}

static void svg_open(FILE *o, int w, int h, const char *label)
{
    fprintf(o,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            "role=\"img\" aria-label=\"",
            w, h, w, h);
    esc(o, label);
    fputs("\"><defs><pattern id=\"h\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\">"
          "<path d=\"M0,4 L4,0\" stroke=\"#888\"/></pattern></defs>",
          o);
}

/* Horizontal bars for a category table (total excluded). */
static void svg_hbars(FILE *o, const Cat *c, int64_t min, const char *label)
{
    if (c->n == 0)
        return;
    int lw = 170, bw = 420, rh = 20;
    int64_t max = min;
    for (size_t i = 0; i < c->n; i++)
        if (!c->sup[i] && c->v[i] > max)
            max = c->v[i];
    svg_open(o, lw + bw + 80, (int)c->n * rh + 10, label);
    char buf[32];
    for (size_t i = 0; i < c->n; i++) {
        int y = 5 + (int)i * rh;
        int64_t shown = c->sup[i] ? min : c->v[i];
        int w = (int)((double)shown / (double)max * bw);
        fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">", lw - 6, y + 14);
        esc(o, c->label[i]);
        fprintf(o, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", lw, y + 2, w > 0 ? w : 0,
                rh - 6, c->sup[i] ? "url(#h)" : "#2b6cb0");
        fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", lw + w + 4, y + 14,
                cell(buf, sizeof buf, c->v[i], c->sup[i], min));
    }
    fputs("</svg>\n", o);
}

static void table_cat(FILE *o, const Cat *c, int64_t min, const char *caption, const char *keyname)
{
    char buf[32];
    fputs("<table><caption>", o);
    esc(o, caption);
    fputs("</caption><thead><tr><th scope=\"col\">", o);
    esc(o, keyname);
    fputs("</th><th scope=\"col\">Count</th><th scope=\"col\">Share</th></tr></thead><tbody>\n", o);
    for (size_t i = 0; i <= c->n; i++) {
        fputs(i == c->n ? "<tr class=\"total\"><th scope=\"row\">" : "<tr><th scope=\"row\">", o);
        esc(o, c->label[i]);
        fprintf(o, "</th><td class=\"n\">%s</td>", cell(buf, sizeof buf, c->v[i], c->sup[i], min));
        if (!c->sup[i] && !c->sup[c->n] && c->v[c->n] > 0)
            fprintf(o, "<td>%.0f%%</td></tr>\n", 100.0 * (double)c->v[i] / (double)c->v[c->n]);
        else
            fputs("<td>-</td></tr>\n", o);
    }
    fputs("</tbody></table>\n", o);
}

static Err section_cat(FILE *o, ReportDb *db, const char *metric, int dim, KeyKind kk, int64_t min,
                       const char *caption, const char *keyname)
{
    Cat c;
    Err e = load_cat(db, metric, dim, kk, min, &c);
    if (e)
        return e;
    if (c.n == 0) {
        fputs("<p>No data.</p>\n", o);
    } else {
        svg_hbars(o, &c, min, caption);
        table_cat(o, &c, min, caption, keyname);
    }
    cat_free(&c);
    return ERR_OK;
}

/* Kiosks and days, and the kiosk x day sessions grid with margins. */
typedef struct {
    size_t nk, nd;
    char (*kiosk)[33];
    char (*label)[64];
    char (*day)[11];
    int32_t *dayn; /* YYYYMMDD, ascending */
    long *row_of_kid; /* kid -> row, -1 (kid 0 .. maxkid) */
    int64_t maxkid;
    int64_t *v; /* (nk+1) x (nd+1) */
    unsigned char *sup;
} Grid;

static void grid_free(Grid *g)
{
    free(g->kiosk);
    free(g->label);
    free(g->day);
    free(g->dayn);
    free(g->row_of_kid);
    free(g->v);
    free(g->sup);
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

static Err load_grid(ReportDb *rdb, int64_t min, Grid *g)
{
    sqlite3 *db = report_db_handle(rdb);
    memset(g, 0, sizeof *g);
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
    cap = 64;
    g->kiosk = malloc(cap * sizeof *g->kiosk);
    g->label = malloc(cap * sizeof *g->label);
    while (g->kiosk && g->label && sqlite3_step(st) == SQLITE_ROW) {
        if (g->nk == cap) {
            cap *= 2;
            void *a = realloc(g->kiosk, cap * sizeof *g->kiosk);
            if (a)
                g->kiosk = a;
            void *b = a ? realloc(g->label, cap * sizeof *g->label) : NULL;
            if (!a || !b)
                goto out;
            g->label = b;
        }
        int64_t kid = sqlite3_column_int64(st, 0);
        if (kid >= 0 && kid <= g->maxkid)
            g->row_of_kid[kid] = (long)g->nk;
        snprintf(g->kiosk[g->nk], 33, "%s", (const char *)sqlite3_column_text(st, 1));
        snprintf(g->label[g->nk], 64, "%s", (const char *)sqlite3_column_text(st, 2));
        g->nk++;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (!g->kiosk || !g->label)
        goto out;
    int64_t sid = metric_id(rdb, "session_start");
    if (sqlite3_prepare_v2(db, "SELECT DISTINCT day FROM day_sums WHERE metric=?1 AND dim=0 ORDER BY day", -1, &st,
                           NULL) != SQLITE_OK)
        goto out;
    sqlite3_bind_int64(st, 1, sid);
    cap = 64;
    g->day = malloc(cap * sizeof *g->day);
    g->dayn = malloc(cap * sizeof *g->dayn);
    while (g->day && g->dayn && sqlite3_step(st) == SQLITE_ROW) {
        if (g->nd == cap) {
            cap *= 2;
            void *a = realloc(g->day, cap * sizeof *g->day);
            if (a)
                g->day = a;
            void *b = a ? realloc(g->dayn, cap * sizeof *g->dayn) : NULL;
            if (!a || !b)
                goto out;
            g->dayn = b;
        }
        g->dayn[g->nd] = (int32_t)sqlite3_column_int(st, 0);
        report_day_str(g->dayn[g->nd], g->day[g->nd]);
        g->nd++;
    }
    sqlite3_finalize(st);
    st = NULL;
    size_t W = g->nd + 1;
    g->v = calloc((g->nk + 1) * W, sizeof *g->v);
    g->sup = calloc((g->nk + 1) * W, 1);
    if (!g->day || !g->dayn || !g->v || !g->sup)
        goto out;
    if (sqlite3_prepare_v2(db, "SELECT kid, day, value FROM day_sums WHERE metric=?1 AND dim=0 AND key=0", -1, &st,
                           NULL) != SQLITE_OK)
        goto out;
    sqlite3_bind_int64(st, 1, sid);
    while (sqlite3_step(st) == SQLITE_ROW) {
        long k = grid_row(g, sqlite3_column_int64(st, 0));
        long d = find_day(g->dayn, g->nd, (int32_t)sqlite3_column_int(st, 1));
        if (k >= 0 && d >= 0)
            g->v[(size_t)k * W + (size_t)d] = sqlite3_column_int64(st, 2);
    }
    e = report_suppress_grid(g->v, g->sup, g->nk, g->nd, min);
out:
    sqlite3_finalize(st);
    if (e == ERR_DB && !g->v)
        e = ERR_NOMEM;
    return e;
}

static void kiosk_name(FILE *o, const Grid *g, size_t k)
{
    if (g->label[k][0]) {
        esc(o, g->label[k]);
        fprintf(o, " (%.8s)", g->kiosk[k]);
    } else {
        fprintf(o, "%.8s", g->kiosk[k]);
    }
}

static void svg_days(FILE *o, const Grid *g, int64_t min)
{
    size_t W = g->nd + 1;
    if (g->nd == 0)
        return;
    /* Totals per day. */
    int bw = g->nd > 300 ? 2 : (int)(900 / g->nd) > 12 ? 12 : (int)(900 / g->nd);
    if (bw < 2)
        bw = 2;
    int ch = 160, lw = 190;
    int64_t max = min;
    for (size_t d = 0; d < g->nd; d++)
        if (!g->sup[g->nk * W + d] && g->v[g->nk * W + d] > max)
            max = g->v[g->nk * W + d];
    char buf[32];
    svg_open(o, lw + (int)g->nd * bw + 20, ch + 30, "Sessions per day, all kiosks");
    fprintf(o, "<text x=\"%d\" y=\"14\" font-size=\"12\" text-anchor=\"end\">all kiosks, max %s</text>", lw - 6,
            cell(buf, sizeof buf, max, 0, min));
    for (size_t d = 0; d < g->nd; d++) {
        size_t i = g->nk * W + d;
        int64_t shown = g->sup[i] ? min : g->v[i];
        int h = (int)((double)shown / (double)max * (ch - 10));
        fprintf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>",
                lw + (int)d * bw, ch - h, bw > 2 ? bw - 1 : bw, h, g->sup[i] ? "url(#h)" : "#2b6cb0", g->day[d],
                cell(buf, sizeof buf, g->v[i], g->sup[i], min));
    }
    fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", lw, ch + 20, g->day[0]);
    fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>", lw + (int)g->nd * bw, ch + 20,
            g->day[g->nd - 1]);
    fputs("</svg>\n", o);

    /* One strip per kiosk (the busiest MAX_STRIPS). */
    size_t ns = g->nk < MAX_STRIPS ? g->nk : MAX_STRIPS;
    size_t *order = malloc(g->nk * sizeof *order);
    if (!order)
        return;
    for (size_t k = 0; k < g->nk; k++)
        order[k] = k;
    for (size_t a = 0; a < ns; a++) /* partial selection sort by row total */
        for (size_t b = a + 1; b < g->nk; b++)
            if (g->v[order[b] * W + g->nd] > g->v[order[a] * W + g->nd]) {
                size_t t = order[a];
                order[a] = order[b];
                order[b] = t;
            }
    int sh = 28;
    svg_open(o, lw + (int)g->nd * bw + 20, (int)ns * sh + 10, "Sessions per day per kiosk");
    for (size_t s = 0; s < ns; s++) {
        size_t k = order[s];
        int y0 = 5 + (int)s * sh;
        int64_t kmax = min;
        for (size_t d = 0; d < g->nd; d++)
            if (!g->sup[k * W + d] && g->v[k * W + d] > kmax)
                kmax = g->v[k * W + d];
        fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">", lw - 6, y0 + 18);
        kiosk_name(o, g, k);
        fputs("</text>", o);
        for (size_t d = 0; d < g->nd; d++) {
            size_t i = k * W + d;
            if (g->v[i] == 0 && !g->sup[i])
                continue;
            int64_t shown = g->sup[i] ? min : g->v[i];
            int h = (int)((double)shown / (double)kmax * (sh - 6));
            fprintf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", lw + (int)d * bw,
                    y0 + sh - 4 - h, bw > 2 ? bw - 1 : bw, h, g->sup[i] ? "url(#h)" : "#2f855a");
        }
    }
    fputs("</svg>\n", o);
    if (g->nk > ns)
        fprintf(o, "<p>Showing the %zu busiest of %zu kiosks.</p>\n", ns, g->nk);
    free(order);
}

/* Per kiosk: sessions (grid row totals), quick exits, timeouts. */
static Err kiosk_table(FILE *o, ReportDb *rdb, const Grid *g, int64_t min)
{
    sqlite3 *db = report_db_handle(rdb);
    size_t K = g->nk, W = g->nd + 1;
    int64_t *v = calloc((K + 1) * 2, sizeof *v);
    unsigned char *sup = calloc((K + 1) * 2, 1);
    size_t *idx = malloc(2 * (K + 1) * sizeof *idx);
    int64_t *exports = calloc(K + 1, sizeof *exports);
    Err e = ERR_NOMEM;
    if (!v || !sup || !idx || !exports)
        goto out;
    e = ERR_DB;
    sqlite3_stmt *st = NULL;
    static const char *const cols[2] = {"quick_exit", "timeout"};
    for (size_t c = 0; c < 2; c++) {
        if (sqlite3_prepare_v2(db, "SELECT kid, SUM(value) FROM day_sums WHERE metric=?1 AND dim=0 GROUP BY kid",
                               -1, &st, NULL) != SQLITE_OK)
            goto out;
        sqlite3_bind_int64(st, 1, metric_id(rdb, cols[c]));
        while (sqlite3_step(st) == SQLITE_ROW) {
            long k = grid_row(g, sqlite3_column_int64(st, 0));
            if (k >= 0)
                v[(size_t)k * 2 + c] = sqlite3_column_int64(st, 1);
        }
        sqlite3_finalize(st);
    }
    if (sqlite3_prepare_v2(db, "SELECT k.kid, count(*) FROM exports e JOIN kiosks k USING(kiosk_id) GROUP BY k.kid",
                           -1, &st, NULL) != SQLITE_OK)
        goto out;
    while (sqlite3_step(st) == SQLITE_ROW) {
        long k = grid_row(g, sqlite3_column_int64(st, 0));
        if (k >= 0)
            exports[k] = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
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
    report_suppress(v, sup, (K + 1) * 2, gr, 2, min);
    char b1[32], b2[32], b3[32];
    fputs("<table><caption>Kiosks</caption><thead><tr><th scope=\"col\">Kiosk</th><th scope=\"col\">Exports "
          "merged</th><th scope=\"col\">Sessions</th><th scope=\"col\">Quick exits</th><th "
          "scope=\"col\">Timeouts</th></tr></thead><tbody>\n",
          o);
    for (size_t r = 0; r <= K; r++) {
        size_t gi = r * W + g->nd;
        fputs(r == K ? "<tr class=\"total\"><th scope=\"row\">All kiosks" : "<tr><th scope=\"row\">", o);
        if (r < K)
            kiosk_name(o, g, r);
        /* The count of exports is not a visitor count: not suppressed. */
        fprintf(o, "</th><td>%lld</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n",
                (long long)exports[r],
                cell(b1, sizeof b1, g->v[gi], g->sup[gi], min), cell(b2, sizeof b2, v[r * 2], sup[r * 2], min),
                cell(b3, sizeof b3, v[r * 2 + 1], sup[r * 2 + 1], min));
    }
    fputs("</tbody></table>\n", o);
    e = ERR_OK;
out:
    free(v);
    free(sup);
    free(idx);
    free(exports);
    return e;
}

/* Module funnel: opened, completed, quiz right, quiz wrong per module, each
 * column suppressed with its total. */
static Err funnel(FILE *o, ReportDb *rdb, int64_t min)
{
    static const char *const metrics[4] = {"module_opened", "module_completed", "quiz_answer_right",
                                           "quiz_answer_wrong"};
    Cat mods;
    sqlite3 *db = report_db_handle(rdb);
    Err e = load_cat(rdb, "module_opened", 2, KEY_NAME, min, &mods);
    if (e)
        return e;
    size_t M = mods.n;
    int64_t *v = calloc((M + 1) * 4, sizeof *v);
    unsigned char *sup = calloc((M + 1) * 4, 1);
    size_t *idx = malloc(4 * (M + 1) * sizeof *idx);
    e = ERR_NOMEM;
    if (!v || !sup || !idx)
        goto out;
    e = ERR_DB;
    for (int c = 0; c < 4; c++) {
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, "SELECT key, SUM(value) FROM day_sums WHERE metric=?1 AND dim=2 GROUP BY key",
                               -1, &st, NULL) != SQLITE_OK)
            goto out;
        sqlite3_bind_int64(st, 1, metric_id(rdb, metrics[c]));
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *mname = report_names_of(report_db_names(rdb), sqlite3_column_int64(st, 0));
            for (size_t r = 0; r < M; r++)
                if (strcmp(mods.label[r], *mname ? mname : "(none)") == 0)
                    v[r * 4 + (size_t)c] = sqlite3_column_int64(st, 1);
        }
        sqlite3_finalize(st);
    }
    SupGroup gr[4];
    for (size_t c = 0; c < 4; c++) {
        for (size_t r = 0; r < M; r++)
            v[M * 4 + c] += v[r * 4 + c];
        gr[c].idx = idx + c * (M + 1);
        gr[c].n = M + 1;
        for (size_t r = 0; r <= M; r++)
            idx[c * (M + 1) + r] = r * 4 + c;
    }
    report_suppress(v, sup, (M + 1) * 4, gr, 4, min);

    /* Chart: three bars per module (opened, completed, quiz right). */
    if (M > 0) {
        int lw = 170, bw = 420, rh = 54;
        int64_t max = min;
        for (size_t i = 0; i < (M + 1) * 4; i++)
            if (i / 4 < M && !sup[i] && v[i] > max)
                max = v[i];
        svg_open(o, lw + bw + 80, (int)M * rh + 10, "Module funnel");
        static const char *const colors[3] = {"#2b6cb0", "#2f855a", "#b7791f"};
        char buf[32];
        for (size_t r = 0; r < M; r++) {
            int y = 5 + (int)r * rh;
            fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">", lw - 6, y + 28);
            esc(o, mods.label[r]);
            fputs("</text>", o);
            for (int c = 0; c < 3; c++) {
                size_t i = r * 4 + (size_t)c;
                int64_t shown = sup[i] ? min : v[i];
                int w = (int)((double)shown / (double)max * bw);
                fprintf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"%s\"/>", lw, y + c * 16, w,
                        sup[i] ? "url(#h)" : colors[c]);
                fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", lw + w + 4, y + c * 16 + 11,
                        cell(buf, sizeof buf, v[i], sup[i], min));
            }
        }
        fputs("</svg>\n<p class=\"legend\"><span style=\"color:#2b6cb0\">&#9632;</span> opened "
              "<span style=\"color:#2f855a\">&#9632;</span> completed "
              "<span style=\"color:#b7791f\">&#9632;</span> quiz answers right</p>\n",
              o);
    }
    fputs("<table><caption>Module funnel</caption><thead><tr><th scope=\"col\">Module</th><th "
          "scope=\"col\">Opened</th><th scope=\"col\">Completed</th><th scope=\"col\">Completed of "
          "opened</th><th scope=\"col\">Quiz right</th><th scope=\"col\">Quiz wrong</th></tr></thead><tbody>\n",
          o);
    char b[4][32];
    for (size_t r = 0; r <= M; r++) {
        fputs(r == M ? "<tr class=\"total\"><th scope=\"row\">Total" : "<tr><th scope=\"row\">", o);
        if (r < M)
            esc(o, mods.label[r]);
        fputs("</th>", o);
        for (int c = 0; c < 4; c++) {
            size_t i = r * 4 + (size_t)c;
            fprintf(o, "<td class=\"n\">%s</td>", cell(b[c], sizeof b[c], v[i], sup[i], min));
            if (c == 1) {
                size_t op = r * 4, co = r * 4 + 1;
                if (!sup[op] && !sup[co] && v[op] > 0)
                    fprintf(o, "<td>%.0f%%</td>", 100.0 * (double)v[co] / (double)v[op]);
                else
                    fputs("<td>-</td>", o);
            }
        }
        fputs("</tr>\n", o);
    }
    fputs("</tbody></table>\n", o);
    e = ERR_OK;
out:
    free(v);
    free(sup);
    free(idx);
    cat_free(&mods);
    return e;
}

Err report_write_html(ReportDb *rdb, const ReportOptions *opt, FILE *o)
{
    sqlite3 *db = report_db_handle(rdb);
    int64_t min = opt && opt->min_count > 0 ? opt->min_count : (opt ? 1 : 10);
    const char *title = opt && opt->title ? opt->title : "Taama campaign report";
    Grid g;
    Err e = load_grid(rdb, min, &g);
    if (e) {
        grid_free(&g);
        return e;
    }
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", o);
    esc(o, title);
    fputs("</title>\n<style>\nbody{font-family:sans-serif;max-width:1100px;margin:1em auto;padding:0 1em;color:#1a202c}"
          "\ntable{border-collapse:collapse;margin:.5em 0 1.5em}\ncaption{text-align:left;font-weight:bold}"
          "\nth,td{border:1px solid #cbd5e0;padding:.2em .6em}\ntd{text-align:right}\ntr.total{font-weight:bold}"
          "\nsvg{display:block;margin:.5em 0;max-width:100%;height:auto}\n.note{color:#4a5568}\n</style>\n"
          "</head>\n<body>\n<h1>",
          o);
    esc(o, title);
    fputs("</h1>\n", o);
    int64_t nexports = 0;
    char first[16] = "", last[16] = "";
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT count(*), min(day_first), max(day_last) FROM exports", -1, &st, NULL) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        nexports = sqlite3_column_int64(st, 0);
        if (sqlite3_column_text(st, 1))
            snprintf(first, sizeof first, "%s", (const char *)sqlite3_column_text(st, 1));
        if (sqlite3_column_text(st, 2))
            snprintf(last, sizeof last, "%s", (const char *)sqlite3_column_text(st, 2));
    }
    sqlite3_finalize(st);
    fprintf(o, "<p>%zu kiosks, %lld exports merged, days %s to %s.</p>\n", g.nk, (long long)nexports,
            first[0] ? first : "-", last[0] ? last : "-");
    if (min > 1)
        fprintf(o,
                "<p class=\"note\">To protect visitors, counts from 1 to %lld are shown as &lt;%lld, and so is "
                "any other count that would let one be worked out by subtraction from a total. Hatched bars mark "
                "hidden counts.</p>\n",
                (long long)min - 1, (long long)min);

    /* Quick exits and timeouts appear once, per kiosk with their totals:
     * showing the same totals in a second table would let a hidden cell
     * be recovered across tables. */
    fputs("<h2>Sessions per day, quick exits and timeouts</h2>\n", o);
    svg_days(o, &g, min);
    e = kiosk_table(o, rdb, &g, min);
    if (!e) {
        fputs("<h2>Language chosen</h2>\n", o);
        e = section_cat(o, rdb, "language_chosen", 1, KEY_NAME, min, "Language share", "Language");
    }
    if (!e) {
        fputs("<h2>Modules</h2>\n", o);
        e = funnel(o, rdb, min);
    }
    if (!e) {
        fputs("<h2>Help contacts</h2>\n", o);
        e = section_cat(o, rdb, "help_shown", 1, KEY_NAME, min, "Help contacts screen shown, by language", "Language");
    }
    if (!e)
        e = section_cat(o, rdb, "qr_shown", 3, KEY_CONTACT, min,
                        "Take-away QR codes shown, by contact", "Contact");
    if (!e)
        e = section_cat(o, rdb, "end_card_shown", 2, KEY_NAME, min, "Help cards shown at module ends", "Module");
    if (!e) {
        fputs("<h2>Session lengths</h2>\n", o);
        e = section_cat(o, rdb, "session_length", 3, KEY_LENGTH, min, "Session lengths", "Length");
    }
    if (!e)
        e = report_write_fleet(rdb, o);
    fputs("<p class=\"note\">Made by taama-report from signed kiosk exports. Each kiosk's newest export holds all "
          "its counts, so missing older exports lose nothing.</p>\n</body>\n</html>\n",
          o);
    grid_free(&g);
    if (!e && ferror(o))
        e = ERR_IO;
    return e;
}
