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

/* ---- modules ---- */

enum { MAX_STEPS = 64 };

/* Module funnel: opened -> reached each slide -> completed, per module;
 * then quiz answers on their own scale (share right). */
Err html_funnel(Html *h)
{
    FILE *o = h->o;
    static const char *const metrics[4] = {"module_opened", "module_completed", "quiz_answer_right",
                                           "quiz_answer_wrong"};
    const ReportNames *nm = report_db_names(h->rdb);
    sqlite3 *db = report_db_handle(h->rdb);
    /* Modules: every module name id seen as opened. */
    Cat mods;
    Err e = html_cat_load(h, "module_opened", 2, KEY_MODULE, &mods);
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
        sqlite3_bind_int64(st, 1, html_metric_id(h->rdb, metrics[c]));
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
    sqlite3_bind_int64(st, 1, html_metric_id(h->rdb, "slide_deepest"));
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
    html_tally(h, v, sup, (M + 1) * 4);

    /* The funnel chart: per module, one column per step on a shared
     * scale. A slide step is shown only when it and its drop from the last
     * shown step are 0 or at least min, so no small number of visitors
     * who stopped at one slide can be worked out by subtraction. */
    char f[32];
    int64_t max = h->min;
    for (size_t r = 0; r < M; r++)
        if (!sup[r * 4] && v[r * 4] > max)
            max = v[r * 4];
    max = html_nice_max(max);
    if (M > 0) {
        fputs("<p class=\"note\">", o);
        html_esc(o, R_("For each module: how many visits opened it, reached each slide, and reached the end. A slide "
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
        int id = html_svg_open(h, lx + nstep * cw + 20, top + ph + 34, mods.label[r]);
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
        html_esc(o, mods.label[r]);
        fputs("</text></svg>\n", o);
        /* Its data table. */
        fputs("<table class=\"steps\"><caption>", o);
        html_esc(o, mods.label[r]);
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

    /* Summary table: opened, completed, completion rate. */
    static const char *const heads[4] = {RN_("Module"), RN_("Opened"), RN_("Completed"), RN_("Completed of opened")};
    html_thead(o, R_("Modules opened and completed"), heads, 4);
    for (size_t r = 0; r <= M; r++)
        pair_row(h, r < M ? mods.label[r] : R_("Total"), r == M, v, sup, r, 0, 0);
    fputs("</tbody></table>\n", o);

    /* Quiz answers: a share of answers, not visits, so a chart of its own
     * on a 0-100% scale. */
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
            html_esc(o, mods.label[r]);
            html_fill(f, sizeof f, id, !ok, "#b7791f");
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
    html_thead(o, R_("Quiz answers"), qheads, 4);
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
    html_cat_free(&mods);
    return e;
}
