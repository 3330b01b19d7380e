/* suppress.c: small-cell and complementary suppression.
 *
 * Primary: every count from 1 to min-1 is hidden. Complementary: a group of
 * cells that add up (a row with its total, a column with its total) must
 * never have exactly one hidden member, or subtraction gives it back; so the
 * smallest other member is hidden too (a non-zero one when there is one, as
 * hiding a zero protects less), until no group has a lone hidden cell. This
 * is the usual heuristic of statistical offices; it does not solve every
 * linear system an attacker could set up, which is why the report publishes
 * only margins that belong to one table. */
#include "report/report.h"

#include <stdlib.h>

void report_suppress(const int64_t *values, unsigned char *sup, size_t ncells, const SupGroup *groups,
                     size_t ngroups, int64_t min)
{
    report_suppress_pref(values, sup, ncells, groups, ngroups, min, NULL);
}

/* Is candidate c a better complement than the current best b? Lower class
 * first; within a class a non-zero value first (hiding a zero protects
 * less); then the smaller value. */
static int better(const int64_t *values, const unsigned char *cls, size_t c, size_t b)
{
    if (b == (size_t)-1)
        return 1;
    unsigned cc = cls ? cls[c] : 0, cb = cls ? cls[b] : 0;
    if (cc != cb)
        return cc < cb;
    int zc = values[c] == 0, zb = values[b] == 0;
    if (zc != zb)
        return zb;
    return values[c] < values[b];
}

void report_suppress_more(const int64_t *values, unsigned char *sup, const SupGroup *groups, size_t ngroups,
                          const unsigned char *cls)
{
    int changed = 1;
    while (changed) {
        changed = 0;
        for (size_t g = 0; g < ngroups; g++) {
            const SupGroup *gr = &groups[g];
            size_t hidden = 0;
            for (size_t k = 0; k < gr->n; k++)
                hidden += sup[gr->idx[k]];
            if (hidden != 1)
                continue;
            size_t best = (size_t)-1;
            for (size_t k = 0; k < gr->n; k++) {
                size_t c = gr->idx[k];
                if (!sup[c] && better(values, cls, c, best))
                    best = c;
            }
            if (best != (size_t)-1) {
                sup[best] = 1;
                changed = 1;
            }
        }
    }
}

void report_suppress_pref(const int64_t *values, unsigned char *sup, size_t ncells, const SupGroup *groups,
                          size_t ngroups, int64_t min, const unsigned char *cls)
{
    for (size_t i = 0; i < ncells; i++)
        sup[i] = min > 1 && values[i] >= 1 && values[i] < min;
    if (min > 1)
        report_suppress_more(values, sup, groups, ngroups, cls);
}

Err report_suppress_grid(int64_t *v, unsigned char *sup, size_t rows, size_t cols, int64_t min)
{
    return report_suppress_grid_pref(v, sup, rows, cols, min, NULL);
}

Err report_suppress_grid_pref(int64_t *v, unsigned char *sup, size_t rows, size_t cols, int64_t min,
                              const unsigned char *cls)
{
    size_t W = cols + 1;
    size_t ncells = (rows + 1) * W;
    for (size_t r = 0; r <= rows; r++)
        v[r * W + cols] = 0;
    for (size_t c = 0; c <= cols; c++)
        v[rows * W + c] = 0;
    for (size_t r = 0; r < rows; r++)
        for (size_t c = 0; c < cols; c++) {
            v[r * W + cols] += v[r * W + c];
            v[rows * W + c] += v[r * W + c];
            v[rows * W + cols] += v[r * W + c];
        }
    /* Groups: each row with its total (rows + the totals row), each column
     * with its total (cols + the totals column). */
    size_t ngroups = (rows + 1) + (cols + 1);
    SupGroup *g = malloc(ngroups * sizeof *g);
    size_t *idx = malloc(2 * ncells * sizeof *idx);
    if (!g || !idx) {
        free(g);
        free(idx);
        return ERR_NOMEM;
    }
    size_t *p = idx;
    size_t gi = 0;
    for (size_t r = 0; r <= rows; r++) {
        g[gi].idx = p;
        g[gi].n = W;
        for (size_t c = 0; c <= cols; c++)
            *p++ = r * W + c;
        gi++;
    }
    for (size_t c = 0; c <= cols; c++) {
        g[gi].idx = p;
        g[gi].n = rows + 1;
        for (size_t r = 0; r <= rows; r++)
            *p++ = r * W + c;
        gi++;
    }
    report_suppress_pref(v, sup, ncells, g, ngroups, min, cls);
    free(g);
    free(idx);
    return ERR_OK;
}
