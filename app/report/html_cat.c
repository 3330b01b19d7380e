/* html_cat.c: the HTML report's category tables (language, module, help
 * contact, session length): one metric summed per key from the per-day
 * sums, suppressed as one group with its total, drawn as horizontal bars
 * next to the same figures as a table. */
#include "report/html.h"

#include <stdlib.h>
#include <string.h>

#include "core/sort.h"
#include "core/vec.h"

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

void html_cat_free(Cat *c)
{
    for (size_t i = 0; c->label && i <= c->n; i++)
        free(c->label[i]);
    free(c->label);
    free(c->v);
    free(c->sup);
    memset(c, 0, sizeof *c);
}

static void key_label(Html *h, KeyKind kk, int64_t key, char *out, size_t sz)
{
    const ReportNames *nm = report_db_names(h->rdb);
    if (kk == KEY_LANG)
        report_lang_label(report_names_of(nm, key), out, sz);
    else if (kk == KEY_MODULE)
        report_module_label(h->opt ? h->opt->content : NULL, report_names_of(nm, key), out, sz);
    else /* KEY_CONTACT is named per kiosk and day: cat_contacts() */
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

/* SUM(value) per key of metric (dim: 1 language, 2 module, 3 item) from
 * the per-day sums into *kv_out (n_out items, labels NULL; caller frees);
 * session lengths keep all four buckets, in order, even when empty.
 * ERR_DB, ERR_NOMEM (nothing to free then). */
static Err cat_query(Html *h, const char *metric, int dim, KeyKind kk, KV **kv_out, size_t *n_out)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(report_db_handle(h->rdb),
                           "SELECT key, SUM(value) FROM day_sums WHERE metric=?1 AND dim=?2 GROUP BY key", -1, &st,
                           NULL) != SQLITE_OK)
        return ERR_DB;
    sqlite3_bind_int64(st, 1, html_metric_id(h->rdb, metric));
    sqlite3_bind_int(st, 2, dim);
    size_t cap = 0, n = 0;
    KV *kv = NULL;
    Err e = VEC_RESERVE(kv, cap, REPORT_LENGTH_BUCKETS);
    if (!e && kk == KEY_LENGTH)
        for (; n < REPORT_LENGTH_BUCKETS; n++)
            kv[n] = (KV){NULL, (int64_t)n, 0};
    while (!e && sqlite3_step(st) == SQLITE_ROW) {
        int64_t key = sqlite3_column_int64(st, 0), val = sqlite3_column_int64(st, 1);
        if (kk == KEY_LENGTH && key >= 0 && key < REPORT_LENGTH_BUCKETS) {
            kv[key].v += val;
            continue;
        }
        if ((e = VEC_RESERVE(kv, cap, n + 1)) != ERR_OK)
            break;
        kv[n++] = (KV){NULL, key, val};
    }
    sqlite3_finalize(st);
    if (e) {
        free(kv);
        return e;
    }
    *kv_out = kv;
    *n_out = n;
    return ERR_OK;
}

/* Contact counts, named per kiosk and day by report_contact_totals(). */
typedef struct {
    KV *kv;
    size_t n, cap;
} KvSink;

static Err kv_take(void *ctx, const char *label, ReportContactSource source, int64_t value)
{
    KvSink *k = ctx;
    (void)source;
    if (VEC_RESERVE(k->kv, k->cap, k->n + 1) != ERR_OK)
        return ERR_NOMEM;
    if (!(k->kv[k->n].label = strdup(label)))
        return ERR_NOMEM;
    k->kv[k->n].key = (int64_t)k->n;
    k->kv[k->n++].v = value;
    return ERR_OK;
}

/* As cat_query and cat_label for help contacts: one entry per name (each
 * count named by its own kiosk's list of its day), sorted by name. */
static Err cat_contacts(Html *h, const char *metric, KV **kv_out, size_t *n_out)
{
    KvSink k = {0};
    Err e = report_contact_totals(h->rdb, metric, h->opt ? h->opt->content : NULL, kv_take, &k);
    if (e) {
        for (size_t i = 0; i < k.n; i++)
            free(k.kv[i].label);
        free(k.kv);
        return e;
    }
    sort_items(k.kv, k.n, sizeof *k.kv, kv_cmp);
    *kv_out = k.kv;
    *n_out = k.n;
    return ERR_OK;
}

/* Label every key, sort (by label, or lengths by bucket) and add up keys
 * that share a label; *n becomes the number left. On ERR_NOMEM the labels
 * made so far stay in kv for the caller to free. */
static Err cat_label(Html *h, KeyKind kk, KV *kv, size_t *n)
{
    char buf[512];
    for (size_t i = 0; i < *n; i++) {
        key_label(h, kk, kv[i].key, buf, sizeof buf);
        if (!(kv[i].label = strdup(buf)))
            return ERR_NOMEM;
    }
    sort_items(kv, *n, sizeof *kv, kk == KEY_LENGTH ? kv_key_cmp : kv_cmp);
    size_t w = 0;
    for (size_t i = 0; i < *n; i++) {
        if (w > 0 && strcmp(kv[w - 1].label, kv[i].label) == 0) {
            kv[w - 1].v += kv[i].v;
            free(kv[i].label);
        } else {
            kv[w++] = kv[i];
        }
    }
    *n = w;
    return ERR_OK;
}

/* Load SUM(value) per key (dim: 1 language, 2 module, 3 item) of a metric
 * from the per-day sums, plus a total at index n, and suppress them as one
 * group. Sorted by label (session lengths: by bucket, all four shown);
 * keys with the same label are added together. */
Err html_cat_load(Html *h, const char *metric, int dim, KeyKind kk, Cat *c)
{
    memset(c, 0, sizeof *c);
    KV *kv = NULL;
    size_t n = 0;
    Err e = kk == KEY_CONTACT ? cat_contacts(h, metric, &kv, &n) : cat_query(h, metric, dim, kk, &kv, &n);
    if (e)
        return e;
    if (kk != KEY_CONTACT)
        e = cat_label(h, kk, kv, &n);
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
    if (!e && !(c->label[n] = strdup(R_("Total"))))
        e = ERR_NOMEM;
    size_t *idx = e ? NULL : malloc((n + 1) * sizeof *idx);
    if (!e && !idx)
        e = ERR_NOMEM;
    if (e) {
        html_cat_free(c);
        return e;
    }
    for (size_t i = 0; i <= n; i++)
        idx[i] = i;
    SupGroup g = {idx, n + 1};
    report_suppress(c->v, c->sup, n + 1, &g, 1, h->min);
    free(idx);
    html_tally(h, c->v, c->sup, n + 1);
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
    max = html_nice_max(max);
    int ht = (int)c->n * rh + 34;
    int id = html_svg_open(h, lw + bw + 70, ht, label);
    char buf[32], f[32];
    for (size_t i = 0; i < c->n; i++) {
        int y = 5 + (int)i * rh;
        int64_t shown = c->sup[i] ? h->min : c->v[i];
        int w = (int)((double)shown / (double)max * bw);
        fprintf(h->o, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">", lw - 6, y + 14);
        html_esc(h->o, c->label[i]);
        html_fill(f, sizeof f, id, c->sup[i], "#2b6cb0");
        fprintf(h->o, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", lw, y + 2,
                w > 0 ? w : 0, rh - 6, f);
        fprintf(h->o, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", lw + w + 4, y + 14,
                html_cell(buf, sizeof buf, c->v[i], c->sup[i], h->min));
    }
    x_axis_values(h->o, lw, (int)c->n * rh + 8, bw, max);
    fputs("</svg>\n", h->o);
}

static void table_cat(Html *h, const Cat *c, const char *caption, const char *keyname)
{
    FILE *o = h->o;
    char buf[32];
    const char *heads[3] = {keyname, R_("Count"), R_("Share")};
    html_thead_text(o, caption, heads, 3);
    for (size_t i = 0; i <= c->n; i++) {
        fputs(i == c->n ? "<tr class=\"total\"><th scope=\"row\">" : "<tr><th scope=\"row\">", o);
        html_esc(o, c->label[i]);
        fprintf(o, "</th><td class=\"n\">%s</td>", html_cell(buf, sizeof buf, c->v[i], c->sup[i], h->min));
        if (!c->sup[i] && !c->sup[c->n] && c->v[c->n] > 0)
            fprintf(o, "<td>%.0f%%</td></tr>\n", 100.0 * (double)c->v[i] / (double)c->v[c->n]);
        else
            fputs("<td>-</td></tr>\n", o);
    }
    fputs("</tbody></table>\n", o);
}

Err html_section_cat(Html *h, const char *metric, int dim, KeyKind kk, const char *caption, const char *keyname)
{
    Cat c;
    Err e = html_cat_load(h, metric, dim, kk, &c);
    if (e)
        return e;
    if (c.v[c.n] == 0) {
        fputs("<p>", h->o);
        html_esc(h->o, caption);
        fputs(": ", h->o);
        html_esc(h->o, R_("no data."));
        fputs("</p>\n", h->o);
    } else {
        svg_hbars(h, &c, caption);
        table_cat(h, &c, caption, keyname);
    }
    html_cat_free(&c);
    return ERR_OK;
}
