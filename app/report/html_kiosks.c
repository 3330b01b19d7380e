/* html_kiosks.c: the HTML report's session sections, all from the
 * suppressed kiosks x periods grid (html_grid.c): sessions per period for
 * all kiosks, one strip per busy kiosk on a shared scale, and the kiosk
 * table (exports, sessions, quick exits, timeouts). */
#include "report/html.h"

#include <stdlib.h>
#include <string.h>

#define MAX_STRIPS 30

/* A kiosk for readers: its full site label and the start of its id (the
 * CSV has the whole id). */
static void kiosk_name(FILE *o, const Grid *g, size_t k)
{
    char id[9];
    report_utf8_copy(id, sizeof id, g->kiosk[k]);
    if (!g->kiosk[k][0]) { /* a site group */
        html_esc(o, g->label[k]);
        return;
    }
    if (g->label[k][0]) {
        html_esc(o, g->label[k]);
        fputs(" (", o);
        html_esc(o, id);
        fputs(")", o);
    } else {
        html_esc(o, id);
    }
}

/* Sessions per period, all kiosks: columns on a value axis, dates below,
 * then the same figures as a table. */
void html_chart_periods(Html *h, const Grid *g)
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
    max = html_nice_max(max);
    char buf[32], f[32], lab[16];
    const char *title = g->naside ? R_("Sessions per period, kiosks shown by period")
                                  : R_("Sessions per period, all kiosks");
    int id = html_svg_open(h, lx + pw + 60, top + ph + 40, title);
    html_y_axis(o, lx, top, ph, (int)g->np * bw, max);
    for (size_t q = 0; q < g->np; q++) {
        size_t i = g->nk * W + q;
        int64_t shown = g->sup[i] ? h->min : g->v[i];
        int bh = (int)((double)shown / (double)max * ph);
        report_period_label(g->pstart[q], g->period, lab);
        html_fill(f, sizeof f, id, g->sup[i], "#2b6cb0");
        fprintf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>",
                lx + (int)q * bw + 1, top + ph - bh, bw > 2 ? bw - 1 : bw, bh, f, lab,
                html_cell(buf, sizeof buf, g->v[i], g->sup[i], h->min));
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

    static const char *const heads[2] = {RN_("Period starting"), RN_("Sessions")};
    html_thead(o, title, heads, 2);
    for (size_t q = 0; q <= g->np; q++) {
        size_t i = g->nk * W + q;
        if (q < g->np) {
            report_period_label(g->pstart[q], g->period, lab);
            fprintf(o, "<tr><th scope=\"row\"><span dir=\"ltr\">%s</span></th>", lab);
        } else {
            fputs("<tr class=\"total\"><th scope=\"row\">", o);
            html_esc(o, R_("Total"));
            fputs("</th>", o);
        }
        fprintf(o, "<td class=\"n\">%s</td></tr>\n", html_cell(buf, sizeof buf, g->v[i], g->sup[i], h->min));
    }
    fputs("</tbody></table>\n", o);
}

/* The kiosks shown by period, busiest first as far as the ns strips drawn
 * (a partial selection sort by row total); NULL when out of memory. */
static size_t *strips_order(const Grid *g, size_t nshown, size_t ns)
{
    size_t W = g->np + 1;
    size_t *order = malloc(g->nk * sizeof *order);
    if (!order)
        return NULL;
    size_t no = 0;
    for (size_t k = 0; k < g->nk; k++)
        if (!g->aside[k])
            order[no++] = k;
    for (size_t a = 0; a < ns; a++)
        for (size_t b = a + 1; b < nshown; b++)
            if (g->v[order[b] * W + g->np] > g->v[order[a] * W + g->np]) {
                size_t t = order[a];
                order[a] = order[b];
                order[b] = t;
            }
    return order;
}

/* Geometry of the strips chart. */
enum { STRIP_PW = 560, STRIP_SH = 54, STRIP_LX = 10, STRIP_TOP = 20 };

/* Strip s of the chart (kiosk k): its bars on the shared scale max, its
 * total and its busiest shown period. */
static void strip_one(Html *h, const Grid *g, size_t s, size_t k, int id, int bw, int64_t max)
{
    FILE *o = h->o;
    size_t W = g->np + 1;
    char buf[32], f[32];
    int sh = STRIP_SH, lx = STRIP_LX;
    int y0 = STRIP_TOP + (int)s * sh;
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
        html_fill(f, sizeof f, id, g->sup[i], "#2f855a");
        fprintf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", lx + (int)q * bw,
                y0 + sh - 6 - bh, bw > 2 ? bw - 1 : bw, bh, f);
    }
    fprintf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", lx, y0 + sh - 6,
            lx + (int)g->np * bw, y0 + sh - 6);
    fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\">", lx + STRIP_PW + 10, y0 + sh - 10);
    html_esc(o, R_("total"));
    fprintf(o, " %s", html_cell(buf, sizeof buf, g->v[k * W + g->np], g->sup[k * W + g->np], h->min));
    if (peak >= 0) {
        fputs(", ", o);
        html_esc(o, R_("peak"));
        fprintf(o, " %lld", (long long)peak);
    }
    fputs("</text>", o);
}

/* The strips chart: the note on its scale, then strips of the first ns
 * kiosks of order, with the first and last period below. */
static void strips_svg(Html *h, const Grid *g, const size_t *order, size_t ns)
{
    FILE *o = h->o;
    size_t W = g->np + 1;
    int64_t max = h->min;
    for (size_t k = 0; k < g->nk; k++)
        for (size_t q = 0; q < g->np; q++)
            if (!g->sup[k * W + q] && g->v[k * W + q] > max)
                max = g->v[k * W + q];
    max = html_nice_max(max);
    int bw = STRIP_PW / (int)g->np;
    if (bw < 1)
        bw = 1;
    if (bw > 30)
        bw = 30;
    char lab[16], lab2[16], note[200];
    fputs("<p class=\"note\">", o);
    snprintf(note, sizeof note, "%lld", (long long)max);
    html_esc_n(o, R_("Every strip uses the same scale: a full-height bar is {N} sessions in one period."), note);
    fputs("</p>\n", o);
    int bottom = STRIP_TOP + (int)ns * STRIP_SH;
    int id = html_svg_open(h, STRIP_LX + STRIP_PW + 200, bottom + 24, R_("Sessions per period per kiosk"));
    for (size_t s = 0; s < ns; s++)
        strip_one(h, g, s, order[s], id, bw, max);
    report_period_label(g->pstart[0], g->period, lab);
    report_period_label(g->pstart[g->np - 1], g->period, lab2);
    fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", STRIP_LX, bottom + 12, lab);
    if (g->np > 1)
        fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                STRIP_LX + (int)g->np * bw + (bw < 60 ? 60 : 0), bottom + 12, lab2);
    fputs("</svg>\n", o);
}

/* The figures behind the strips: kiosks shown by period x periods. */
static void strips_table(Html *h, const Grid *g)
{
    FILE *o = h->o;
    size_t W = g->np + 1;
    char buf[32], lab[16];
    fputs("<div class=\"wide\"><table><caption>", o);
    html_esc(o, R_("Sessions per period per kiosk"));
    fputs("</caption><thead><tr><th scope=\"col\">", o);
    html_esc(o, R_("Kiosk"));
    fputs("</th>", o);
    for (size_t q = 0; q < g->np; q++) {
        report_period_label(g->pstart[q], g->period, lab);
        fprintf(o, "<th scope=\"col\"><span dir=\"ltr\">%s</span></th>", lab);
    }
    fputs("<th scope=\"col\">", o);
    html_esc(o, R_("Total"));
    fputs("</th></tr></thead><tbody>\n", o);
    for (size_t k = 0; k <= g->nk; k++) {
        if (k < g->nk && g->aside[k])
            continue;
        if (k < g->nk) {
            fputs("<tr><th scope=\"row\">", o);
            kiosk_name(o, g, k);
        } else {
            fputs("<tr class=\"total\"><th scope=\"row\">", o);
            html_esc(o, g->naside ? R_("Kiosks shown by period") : R_("All kiosks"));
        }
        fputs("</th>", o);
        for (size_t q = 0; q <= g->np; q++)
            fprintf(o, "<td class=\"n\">%s</td>", html_cell(buf, sizeof buf, g->v[k * W + q], g->sup[k * W + q], h->min));
        fputs("</tr>\n", o);
    }
    fputs("</tbody></table></div>\n", o);
}

/* One strip per kiosk (the busiest MAX_STRIPS), all on one shared scale,
 * each with its total and busiest period in numbers; then the kiosks set
 * aside, and the table behind the strips. */
void html_chart_strips(Html *h, const Grid *g)
{
    FILE *o = h->o;
    if (g->np == 0 || g->nk == 0)
        return;
    size_t nshown = g->nk - g->naside, ns = nshown < MAX_STRIPS ? nshown : MAX_STRIPS;
    size_t *order = strips_order(g, nshown, ns);
    if (!order)
        return;
    strips_svg(h, g, order, ns);
    free(order);
    if (nshown > ns) {
        char note[200];
        fputs("<p>", o);
        snprintf(note, sizeof note, "%zu / %zu", ns, nshown);
        html_esc_n(o, R_("Busiest kiosks shown: {N}. All of them are in the table below."), note);
        fputs("</p>\n", o);
    }
    if (g->naside > 0) {
        fputs("<p class=\"note\">", o);
        html_esc_n(o, R_("Kiosks with too few sessions to show by {N}, counted only in the kiosk table below:"),
                   report_period_name(g->period));
        for (size_t k = 0, n = 0; k < g->nk; k++)
            if (g->aside[k]) {
                fputs(n++ ? ", " : " ", o);
                kiosk_name(o, g, k);
            }
        fputs(".</p>\n", o);
    }
    strips_table(h, g);
}

/* The kiosk table's columns, rows 0..K-1 kiosks and K all kiosks: exports
 * merged, sessions (sv, ssup: cell K+1 the period table's total of the
 * kiosks shown), and quick exits and timeouts (v, sup: two per row). */
typedef struct {
    int64_t *exports, *v, *sv;
    unsigned char *sup, *ssup;
} KioskCols;

static void kiosk_cols_free(KioskCols *c)
{
    free(c->exports);
    free(c->v);
    free(c->sv);
    free(c->sup);
    free(c->ssup);
}

/* Quick exits and timeouts per row, exports merged per row, and their
 * sums in row K. ERR_DB. */
static Err kiosk_counts(Html *h, const Grid *g, KioskCols *c)
{
    static const char *const cols[2] = {"quick_exit", "timeout"};
    sqlite3 *db = report_db_handle(h->rdb);
    size_t K = g->nk;
    sqlite3_stmt *st = NULL;
    for (size_t col = 0; col < 2; col++) {
        if (sqlite3_prepare_v2(db, "SELECT kid, SUM(value) FROM day_sums WHERE metric=?1 AND dim=0 GROUP BY kid",
                               -1, &st, NULL) != SQLITE_OK)
            return ERR_DB;
        sqlite3_bind_int64(st, 1, html_metric_id(h->rdb, cols[col]));
        while (sqlite3_step(st) == SQLITE_ROW) {
            long k = html_grid_row(g, sqlite3_column_int64(st, 0));
            if (k >= 0)
                c->v[(size_t)k * 2 + col] += sqlite3_column_int64(st, 1);
        }
        sqlite3_finalize(st);
    }
    if (sqlite3_prepare_v2(db, "SELECT k.kid, count(*) FROM exports e JOIN kiosks k USING(kiosk_id) GROUP BY k.kid",
                           -1, &st, NULL) != SQLITE_OK)
        return ERR_DB;
    while (sqlite3_step(st) == SQLITE_ROW) {
        long k = html_grid_row(g, sqlite3_column_int64(st, 0));
        if (k >= 0)
            c->exports[k] += sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    for (size_t r = 0; r < K; r++) {
        c->exports[K] += c->exports[r];
        c->v[K * 2] += c->v[r * 2];
        c->v[K * 2 + 1] += c->v[r * 2 + 1];
    }
    return ERR_OK;
}

/* Quick exits and timeouts, each column suppressed with its total. */
static Err kiosk_suppress_exits(Html *h, size_t K, KioskCols *c)
{
    size_t *idx = malloc(2 * (K + 1) * sizeof *idx);
    if (!idx)
        return ERR_NOMEM;
    SupGroup gr[2];
    for (size_t col = 0; col < 2; col++) {
        gr[col].idx = idx + col * (K + 1);
        gr[col].n = K + 1;
        for (size_t r = 0; r <= K; r++)
            idx[col * (K + 1) + r] = r * 2 + col;
    }
    report_suppress(c->v, c->sup, (K + 1) * 2, gr, 2, h->min);
    free(idx);
    html_tally(h, c->v, c->sup, (K + 1) * 2);
    return ERR_OK;
}

/* Sessions: a kiosk shown by period keeps its total and its hiding from
 * the period table; a kiosk set aside shows its total alone. Cells 0..K-1
 * kiosks, K all kiosks, K+1 the period table's total of the kiosks shown
 * (already published). All kiosks = the kiosks' totals = the period
 * table's total + the set-aside totals: neither sum may keep a lone hidden
 * cell. */
static Err kiosk_sessions(Html *h, const Grid *g, KioskCols *c)
{
    size_t K = g->nk, W = g->np + 1;
    int64_t *sv = c->sv;
    unsigned char *ssup = c->ssup, *scls = calloc(K + 2, 1);
    size_t *sidx = malloc(2 * (K + 2) * sizeof *sidx);
    if (!scls || !sidx) {
        free(scls);
        free(sidx);
        return ERR_NOMEM;
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
            html_tally(h, &sv[r], &ssup[r], 1);
    html_tally(h, &sv[K], &ssup[K], 1);
    free(scls);
    free(sidx);
    return ERR_OK;
}

/* Per kiosk: exports, sessions (grid row totals), quick exits, timeouts. */
Err html_kiosk_table(Html *h, const Grid *g)
{
    FILE *o = h->o;
    size_t K = g->nk;
    KioskCols c = {.exports = calloc(K + 1, sizeof *c.exports), .v = calloc((K + 1) * 2, sizeof *c.v),
                   .sv = calloc(K + 2, sizeof *c.sv), .sup = calloc((K + 1) * 2, 1), .ssup = calloc(K + 2, 1)};
    Err e = ERR_NOMEM;
    if (!c.exports || !c.v || !c.sv || !c.sup || !c.ssup)
        goto out;
    if ((e = kiosk_counts(h, g, &c)) || (e = kiosk_suppress_exits(h, K, &c)) || (e = kiosk_sessions(h, g, &c)))
        goto out;
    char b1[32], b2[32], b3[32];
    static const char *const heads[5] = {RN_("Kiosk"), RN_("Exports merged"), RN_("Sessions"), RN_("Quick exits"),
                                         RN_("Timeouts")};
    html_thead(o, R_("Kiosks"), heads, 5);
    for (size_t r = 0; r <= K; r++) {
        fputs(r == K ? "<tr class=\"total\"><th scope=\"row\">" : "<tr><th scope=\"row\">", o);
        if (r < K)
            kiosk_name(o, g, r);
        else
            html_esc(o, R_("All kiosks"));
        /* The count of exports is not a visitor count: not suppressed. */
        fprintf(o, "</th><td>%lld</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n",
                (long long)c.exports[r], html_cell(b1, sizeof b1, c.sv[r], c.ssup[r], h->min),
                html_cell(b2, sizeof b2, c.v[r * 2], c.sup[r * 2], h->min),
                html_cell(b3, sizeof b3, c.v[r * 2 + 1], c.sup[r * 2 + 1], h->min));
    }
    fputs("</tbody></table>\n", o);
out:
    kiosk_cols_free(&c);
    return e;
}
