/* html_draw.c: the pieces every section of the HTML report shares:
 * translated sentences with a number, hidden cells and their tally, SVG
 * charts (frame, hatch, value axis) and table heads. Charts are laid out
 * left to right whatever the page direction, so they say so (svg
 * direction:ltr in the page's CSS). */
#include "report/html.h"

#include <stdlib.h>
#include <string.h>

/* A translated sentence with "{N}" standing for a value (already text), so
 * translators can put the number where their grammar wants it. */
void html_esc_n(FILE *o, const char *msg, const char *value)
{
    const char *at = strstr(msg, "{N}");
    if (!at) {
        html_esc(o, msg);
        fputc(' ', o);
        html_esc(o, value);
        return;
    }
    char *head = strndup(msg, (size_t)(at - msg));
    if (head)
        html_esc(o, head);
    free(head);
    html_esc(o, value);
    html_esc(o, at + 3);
}

/* Count what a suppressed table hid, for the note on the first page. */
void html_tally(Html *h, const int64_t *v, const unsigned char *sup, size_t n)
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
const char *html_cell(char *buf, size_t sz, int64_t v, unsigned char sup, int64_t min)
{
    if (sup)
        snprintf(buf, sz, "&lt;%lld", (long long)min);
    else
        snprintf(buf, sz, "%lld", (long long)v);
    return buf;
}

/* The id of a metric name, or -1 when no counter has it. */
int64_t html_metric_id(ReportDb *rdb, const char *metric)
{
    return report_names_find(report_db_names(rdb), metric);
}

/* ---- charts ---- */

/* Open an SVG; returns the number that makes this chart's ids unique (the
 * hatch pattern is "hN"). Charts are laid out left to right whatever the
 * page direction, so they say so. */
int html_svg_open(Html *h, int w, int ht, const char *label)
{
    int n = ++h->svg_n;
    fprintf(h->o,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            "role=\"img\" aria-label=\"",
            w, ht, w, ht);
    html_esc(h->o, label);
    fprintf(h->o,
            "\"><defs><pattern id=\"h%d\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\">"
            "<path d=\"M0,4 L4,0\" stroke=\"#666\"/></pattern></defs>",
            n);
    return n;
}

void html_fill(char *buf, size_t sz, int id, unsigned char sup, const char *color)
{
    if (sup)
        snprintf(buf, sz, "url(#h%d)", id);
    else
        snprintf(buf, sz, "%s", color);
}

/* A "nice" axis maximum >= v: 1, 2 or 5 times a power of ten. */
int64_t html_nice_max(int64_t v)
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
void html_y_axis(FILE *o, int x, int y0, int ph, int pw, int64_t max)
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

/* A table's opening: caption and column heads (msgids, translated here). */
/* A table's opening; heads translated first when translate is set. */
static void thead_of(FILE *o, const char *caption, const char *const *heads, int n, int translate)
{
    fputs("<table><caption>", o);
    html_esc(o, caption);
    fputs("</caption><thead><tr>", o);
    for (int c = 0; c < n; c++) {
        fputs("<th scope=\"col\">", o);
        html_esc(o, translate ? R_(heads[c]) : heads[c]);
        fputs("</th>", o);
    }
    fputs("</tr></thead><tbody>\n", o);
}

void html_thead(FILE *o, const char *caption, const char *const *heads, int n)
{
    thead_of(o, caption, heads, n, 1);
}

void html_thead_text(FILE *o, const char *caption, const char *const *texts, int n)
{
    thead_of(o, caption, texts, n, 0);
}

void html_h2(FILE *o, const char *text)
{
    fputs("<h2>", o);
    html_esc(o, text);
    fputs("</h2>\n", o);
}

void html_p_note(FILE *o, const char *text)
{
    fputs("<p class=\"note\">", o);
    html_esc(o, text);
    fputs("</p>\n", o);
}
