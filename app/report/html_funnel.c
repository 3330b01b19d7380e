/* html_funnel.c: the HTML report's modules section: per module, how many
 * visits opened it, reached each slide and reached the end (a slide left
 * out when it would reveal a small number by subtraction), the opened and
 * completed table, and quiz answers as a share of answers. */
#include "report/html.h"

#include <stdlib.h>
#include <string.h>

/* A row of two module figures (columns c and c+1 of the 4-wide v) and a
 * percentage num / den, shown only when both parts are shown. */
static void pair_row(Html *h, const char *label, int total, const int64_t *v, const unsigned char *sup, size_t r,
                     size_t c, int share_of_sum)
{
    FILE *o = h->o;
    char buf[32];
    fputs(total ? "<tr class=\"total\"><th scope=\"row\">" : "<tr><th scope=\"row\">", o);
    html_esc(o, label);
    fputs("</th>", o);
    size_t a = r * 4 + c, b = a + 1;
    fprintf(o, "<td class=\"n\">%s</td>", html_cell(buf, sizeof buf, v[a], sup[a], h->min));
    fprintf(o, "<td class=\"n\">%s</td>", html_cell(buf, sizeof buf, v[b], sup[b], h->min));
    /* completed of opened (b / a), or right of all answers (a / (a + b)) */
    int64_t num = share_of_sum ? v[a] : v[b], den = share_of_sum ? v[a] + v[b] : v[a];
    if (!sup[a] && !sup[b] && den > 0)
        fprintf(o, "<td>%.0f%%</td></tr>\n", 100.0 * (double)num / (double)den);
    else
        fputs("<td>-</td></tr>\n", o);
}

enum { MAX_STEPS = 64 };

/* The modules' figures: per module row r (label mods.label[r], r < M; row
 * M the total) the 4 columns opened, completed, quiz right, quiz wrong in
 * v[r * 4 + c] (suppressed per column), and the visits that reached each
 * slide (not suppressed here: funnel_steps decides what shows). */
typedef struct {
    Cat mods;
    size_t M;
    int64_t *v;
    unsigned char *sup;
    long *row_of_name;           /* module name id -> row, or -1 */
    int64_t (*reach)[MAX_STEPS]; /* per row: visits that reached slide j */
    int *nsteps;                 /* per row: slides seen */
} Funnel;

static void funnel_free(Funnel *f)
{
    free(f->v);
    free(f->sup);
    free(f->row_of_name);
    free(f->reach);
    free(f->nsteps);
    html_cat_free(&f->mods);
}

/* Module name id -> row of f->mods (load_cat merged modules by label, so
 * each id's label is looked up once in the sorted labels). */
static void funnel_map_names(Html *h, Funnel *f)
{
    const ReportNames *nm = report_db_names(h->rdb);
    char lab[512];
    for (size_t i = 0; i < nm->n; i++) {
        f->row_of_name[i] = -1;
        report_module_label(h->opt ? h->opt->content : NULL, report_names_of(nm, (int64_t)i), lab, sizeof lab);
        size_t lo = 0, hi = f->M;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            int c = strcmp(f->mods.label[mid], lab);
            if (c == 0) {
                f->row_of_name[i] = (long)mid;
                break;
            }
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
}

static long funnel_row(const Funnel *f, const ReportNames *nm, int64_t key)
{
    return key >= 0 && (size_t)key < nm->n ? f->row_of_name[key] : -1;
}

/* The four module columns from the per-day sums, and the deepest slide
 * reached per module and slide index. ERR_DB. */
static Err funnel_query(Html *h, Funnel *f)
{
    static const char *const metrics[4] = {"module_opened", "module_completed", "quiz_answer_right",
                                           "quiz_answer_wrong"};
    const ReportNames *nm = report_db_names(h->rdb);
    sqlite3 *db = report_db_handle(h->rdb);
    sqlite3_stmt *st = NULL;
    for (int c = 0; c < 4; c++) {
        if (sqlite3_prepare_v2(db, "SELECT key, SUM(value) FROM day_sums WHERE metric=?1 AND dim=2 GROUP BY key",
                               -1, &st, NULL) != SQLITE_OK)
            return ERR_DB;
        sqlite3_bind_int64(st, 1, html_metric_id(h->rdb, metrics[c]));
        while (sqlite3_step(st) == SQLITE_ROW) {
            long r = funnel_row(f, nm, sqlite3_column_int64(st, 0));
            if (r >= 0)
                f->v[(size_t)r * 4 + (size_t)c] += sqlite3_column_int64(st, 1);
        }
        sqlite3_finalize(st);
    }
    if (sqlite3_prepare_v2(db, "SELECT module, item, SUM(value) FROM counts WHERE metric=?1 GROUP BY module, item",
                           -1, &st, NULL) != SQLITE_OK)
        return ERR_DB;
    sqlite3_bind_int64(st, 1, html_metric_id(h->rdb, "slide_deepest"));
    while (sqlite3_step(st) == SQLITE_ROW) {
        long r = funnel_row(f, nm, sqlite3_column_int64(st, 0));
        int64_t item = sqlite3_column_int64(st, 1);
        if (r < 0 || item < 0 || item >= MAX_STEPS)
            continue;
        /* reached slide j (0-based) = deepest >= j */
        for (int64_t j = 0; j <= item; j++)
            f->reach[r][j] += sqlite3_column_int64(st, 2);
        if (f->nsteps[r] < item + 1)
            f->nsteps[r] = (int)item + 1;
    }
    sqlite3_finalize(st);
    return ERR_OK;
}

/* Load every module's figures, add the totals and suppress each column
 * with its total. On failure f is freed. */
static Err funnel_load(Html *h, Funnel *f)
{
    memset(f, 0, sizeof *f);
    Err e = html_cat_load(h, "module_opened", 2, KEY_MODULE, &f->mods);
    if (e)
        return e;
    const ReportNames *nm = report_db_names(h->rdb);
    size_t M = f->M = f->mods.n;
    f->v = calloc((M + 1) * 4, sizeof *f->v);
    f->sup = calloc((M + 1) * 4, 1);
    size_t *idx = malloc(4 * (M + 1) * sizeof *idx);
    f->row_of_name = malloc((nm->n + 1) * sizeof *f->row_of_name);
    f->reach = calloc(M + 1, sizeof *f->reach);
    f->nsteps = calloc(M + 1, sizeof *f->nsteps);
    e = ERR_NOMEM;
    if (!f->v || !f->sup || !idx || !f->row_of_name || !f->reach || !f->nsteps)
        goto out;
    funnel_map_names(h, f);
    if ((e = funnel_query(h, f)))
        goto out;
    SupGroup gr[4];
    for (size_t c = 0; c < 4; c++) {
        for (size_t r = 0; r < M; r++)
            f->v[M * 4 + c] += f->v[r * 4 + c];
        gr[c].idx = idx + c * (M + 1);
        gr[c].n = M + 1;
        for (size_t r = 0; r <= M; r++)
            idx[c * (M + 1) + r] = r * 4 + c;
    }
    report_suppress(f->v, f->sup, (M + 1) * 4, gr, 4, h->min);
    html_tally(h, f->v, f->sup, (M + 1) * 4);
out:
    free(idx);
    if (e)
        funnel_free(f);
    return e;
}

/* The steps of module r: opened, each slide, the end (sv, nstep), and
 * which are shown. A slide step is shown only when it and its drop from
 * the last shown step are 0 or at least min, so no small number of
 * visitors who stopped at one slide can be worked out by subtraction.
 * Tallies the slides into h->hid. */
static int funnel_steps(Html *h, const Funnel *f, size_t r, int64_t *sv, unsigned char *shown)
{
    int S = f->nsteps[r], nstep = S + 2;
    unsigned char ssup[MAX_STEPS + 2];
    sv[0] = f->v[r * 4];
    ssup[0] = f->sup[r * 4];
    for (int j = 0; j < S; j++) {
        sv[1 + j] = f->reach[r][j];
        ssup[1 + j] = 0;
    }
    sv[S + 1] = f->v[r * 4 + 1];
    ssup[S + 1] = f->sup[r * 4 + 1];
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
    /* The end is shown (it is in the table below): the last shown slides
     * must not be a small distance from it either. */
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
    return nstep;
}

/* Module r's funnel chart: one column per step on the shared scale max. */
static void funnel_chart(Html *h, const char *label, const int64_t *sv, const unsigned char *shown, int nstep,
                         int64_t max)
{
    FILE *o = h->o;
    char f[32];
    int cw = 26, lx = 50, ph = 100, top = 8;
    int id = html_svg_open(h, lx + nstep * cw + 20, top + ph + 34, label);
    html_y_axis(o, lx, top, ph, nstep * cw, max);
    for (int j = 0; j < nstep; j++) {
        int64_t val = shown[j] ? sv[j] : h->min;
        int bh = (int)((double)val / (double)max * ph);
        const char *col = j == 0 ? "#2b6cb0" : j == nstep - 1 ? "#2f855a" : "#718096";
        html_fill(f, sizeof f, id, !shown[j], col);
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
    html_esc(o, label);
    fputs("</text></svg>\n", o);
}

/* Module r's steps as a table: the chart's figures, "-" for a slide left
 * out, "<min" for a hidden end. */
static void funnel_table(Html *h, const char *label, const int64_t *sv, const unsigned char *shown, int nstep)
{
    FILE *o = h->o;
    fputs("<table class=\"steps\"><caption>", o);
    html_esc(o, label);
    fputs("</caption><thead><tr><th scope=\"col\">", o);
    html_esc(o, R_("Step"));
    fputs("</th><th scope=\"col\">", o);
    html_esc(o, R_("Visits"));
    fputs("</th></tr></thead><tbody>\n", o);
    for (int j = 0; j < nstep; j++) {
        fputs("<tr><th scope=\"row\">", o);
        if (j == 0)
            html_esc(o, R_("O: opened"));
        else if (j == nstep - 1)
            html_esc(o, R_("E: reached the end"));
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

/* Quiz answers: a share of answers, not visits, so a chart of its own on
 * a 0-100% scale, then its table. */
static void funnel_quiz(Html *h, const Funnel *f)
{
    FILE *o = h->o;
    size_t M = f->M;
    const int64_t *v = f->v;
    const unsigned char *sup = f->sup;
    char fl[32];
    fputs("<h3>", o);
    html_esc(o, R_("Quiz answers"));
    fputs("</h3>\n", o);
    int any = 0;
    for (size_t r = 0; r < M; r++)
        any |= !sup[r * 4 + 2] && !sup[r * 4 + 3] && v[r * 4 + 2] + v[r * 4 + 3] > 0;
    if (any) {
        int lw = 260, bw = 400, rh = 22;
        int id = html_svg_open(h, lw + bw + 70, (int)M * rh + 34, R_("Share of quiz answers that were right"));
        for (size_t r = 0; r < M; r++) {
            int y = 5 + (int)r * rh;
            int64_t ri = v[r * 4 + 2], wr = v[r * 4 + 3];
            int ok = !sup[r * 4 + 2] && !sup[r * 4 + 3] && ri + wr > 0;
            double share = ok ? (double)ri / (double)(ri + wr) : 0;
            fprintf(o, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">", lw - 6, y + 14);
            html_esc(o, f->mods.label[r]);
            html_fill(fl, sizeof fl, id, !ok, "#b7791f");
            fprintf(o, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", lw, y + 2,
                    ok ? (int)(share * bw) : 6, rh - 6, fl);
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
    html_thead(o, R_("Quiz answers"), qheads, 4);
    for (size_t r = 0; r <= M; r++)
        pair_row(h, r < M ? f->mods.label[r] : R_("Total"), r == M, v, sup, r, 2, 1);
    fputs("</tbody></table>\n", o);
}

/* Module funnel: opened -> reached each slide -> completed, per module;
 * then quiz answers on their own scale (share right). */
Err html_funnel(Html *h)
{
    Funnel f;
    Err e = funnel_load(h, &f);
    if (e)
        return e;
    size_t M = f.M;
    int64_t max = h->min;
    for (size_t r = 0; r < M; r++)
        if (!f.sup[r * 4] && f.v[r * 4] > max)
            max = f.v[r * 4];
    max = html_nice_max(max);
    if (M > 0)
        html_p_note(h->o, R_("For each module: how many visits opened it, reached each slide, and reached the end. "
                             "A slide is left out (-) when showing it would reveal fewer visits than the "
                             "threshold."));
    for (size_t r = 0; r < M; r++) {
        int64_t sv[MAX_STEPS + 2];
        unsigned char shown[MAX_STEPS + 2];
        int nstep = funnel_steps(h, &f, r, sv, shown);
        funnel_chart(h, f.mods.label[r], sv, shown, nstep, max);
        funnel_table(h, f.mods.label[r], sv, shown, nstep);
    }
    static const char *const heads[4] = {RN_("Module"), RN_("Opened"), RN_("Completed"), RN_("Completed of opened")};
    html_thead(h->o, R_("Modules opened and completed"), heads, 4);
    for (size_t r = 0; r <= M; r++)
        pair_row(h, r < M ? f.mods.label[r] : R_("Total"), r == M, f.v, f.sup, r, 0, 0);
    fputs("</tbody></table>\n", h->o);
    funnel_quiz(h, &f);
    funnel_free(&f);
    return ERR_OK;
}
