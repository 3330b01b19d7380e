/* html.h: internal to the HTML report (html*.c), not for other modules.
 *
 * The report is one page written section by section into a memory stream
 * (html.c holds the page shell, the table of sections and the first page);
 * each family of sections lives in its own file:
 *   html_draw.c        shared pieces: escaping, hidden cells, SVG axes, table heads
 *   html_cat.c         category tables (language, module, contact, length)
 *   html_grid.c        the kiosks x periods table every session figure comes from
 *   html_kiosks.c      sessions per period, per kiosk strips, the kiosk table
 *   html_funnel.c      modules: opened -> slides -> end, and quiz answers
 *   html_quarantine.c  the exports held in quarantine
 * (fleet.c writes the fleet health section through report_write_fleet()).
 *
 * Every writer below writes to h->o and counts what its tables hid into
 * h->hid; none of them reads a clock. Functions returning Err fail with
 * ERR_DB (a query failed), ERR_NOMEM, ERR_CORRUPT or ERR_FORMAT as said,
 * and leave nothing allocated behind. No SDL. */
#ifndef APP_REPORT_HTML_H
#define APP_REPORT_HTML_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/err.h"
#include "report/report.h"
#include "report/rtext.h"

/* The report being written: where to, from what, with which threshold. */
typedef struct {
    FILE *o;
    ReportDb *rdb;
    const ReportOptions *opt;
    int64_t min;
    int svg_n;        /* charts so far: makes every id unique */
    ReportHidden hid; /* over all tables, for the first page */
} Html;

/* ---- shared pieces (html_draw.c) ---- */

/* Text escaped for HTML (report_html_esc). */
static inline void html_esc(FILE *o, const char *s) { report_html_esc(o, s); }

/* A translated sentence with "{N}" standing for value (already text), so
 * translators can put the number where their grammar wants it; without
 * "{N}" the value follows the sentence after a space. */
void html_esc_n(FILE *o, const char *msg, const char *value);

/* Count what a suppressed table (n cells of v, sup) hid into h->hid. */
void html_tally(Html *h, const int64_t *v, const unsigned char *sup, size_t n);

/* A shown value in buf (size sz): the number, or "&lt;min" when hidden.
 * Returns buf. */
const char *html_cell(char *buf, size_t sz, int64_t v, unsigned char sup, int64_t min);

/* The id of a metric name, or -1 when no counter has it. */
int64_t html_metric_id(ReportDb *rdb, const char *metric);

/* Open an SVG of w x ht with an accessible label; returns the number that
 * makes this chart's ids unique (its hatch pattern is "hN"). */
int html_svg_open(Html *h, int w, int ht, const char *label);

/* A bar's fill in buf: color, or chart id's hatch pattern when hidden. */
void html_fill(char *buf, size_t sz, int id, unsigned char sup, const char *color);

/* A "nice" axis maximum >= v: 1, 2 or 5 times a power of ten. */
int64_t html_nice_max(int64_t v);

/* Vertical value axis at x (ticks 0, max/2, max) over a plot of height ph
 * from y0 (top), with grid lines across width pw. */
void html_y_axis(FILE *o, int x, int y0, int ph, int pw, int64_t max);

/* A table's opening: caption and n column heads (msgids, translated here). */
void html_thead(FILE *o, const char *caption, const char *const *heads, int n);
/* The same with column heads already translated (texts). */
void html_thead_text(FILE *o, const char *caption, const char *const *texts, int n);

/* A section heading, and a paragraph of note text (both escaped). */
void html_h2(FILE *o, const char *text);
void html_p_note(FILE *o, const char *text);

/* ---- category tables (html_cat.c) ---- */

/* One metric summed per key: label[i], v[i], sup[i] for i < n, and the
 * total at index n. Owned; html_cat_free() releases it. */
typedef struct {
    char **label;
    int64_t *v;
    unsigned char *sup;
    size_t n;
} Cat;

typedef enum { KEY_LANG, KEY_MODULE, KEY_CONTACT, KEY_LENGTH } KeyKind;

/* Load SUM(value) per key (dim: 1 language, 2 module, 3 item) of metric
 * from the per-day sums, with a total, suppressed as one group and tallied.
 * Sorted by label (session lengths: by bucket, all four shown); keys with
 * the same label are added together. On failure *c is empty. */
Err html_cat_load(Html *h, const char *metric, int dim, KeyKind kk, Cat *c) ERR_MUST_USE;
void html_cat_free(Cat *c); /* accepts an empty Cat */

/* A category section: bars and a table, or "no data." */
Err html_section_cat(Html *h, const char *metric, int dim, KeyKind kk, const char *caption,
                     const char *keyname) ERR_MUST_USE;

/* ---- kiosks x periods (html_grid.c) ---- */

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

/* Sessions per kiosk (or site group, h->opt->groups) and period, grouped
 * at want (AUTO: the finest period at which at most a tenth of the counts
 * would be hidden; *day_hidden_share gets the share hidden by day) and
 * suppressed. ERR_FORMAT for a bad groups file. *g is owned by the caller
 * (html_grid_free) whatever the result. */
Err html_grid_load(Html *h, Grid *g, ReportPeriod want, double *day_hidden_share) ERR_MUST_USE;
void html_grid_free(Grid *g); /* accepts a zeroed Grid */

/* The row of kiosk kid, or -1 when it has none. */
long html_grid_row(const Grid *g, int64_t kid);

/* ---- sections ---- */

/* Sessions per period, all kiosks: chart and table (html_kiosks.c). */
void html_chart_periods(Html *h, const Grid *g);
/* One strip per busy kiosk, the kiosks set aside, and the table behind. */
void html_chart_strips(Html *h, const Grid *g);
/* Per kiosk: exports, sessions, quick exits, timeouts. */
Err html_kiosk_table(Html *h, const Grid *g) ERR_MUST_USE;

/* Modules: funnel per module, opened and completed, quiz answers
 * (html_funnel.c). */
Err html_funnel(Html *h) ERR_MUST_USE;

/* The exports held in quarantine (html_quarantine.c); *nq gets their
 * number. */
Err html_quarantine(Html *h, int64_t *nq) ERR_MUST_USE;

#endif
