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
#include "report/html.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content/content.h"

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

/* What the sections learn that the first page tells. */
typedef struct {
    Html h;
    Grid g;
    double day_share; /* by day, the share of session counts that would be hidden */
    int64_t nquar;    /* exports in quarantine */
} Page;

/* One section of the body: an optional heading, then write(). Category
 * sections name their metric, dimension (1 language, 2 module, 3 item),
 * key kind, caption and key column (msgids, translated when written). */
typedef struct Section Section;
struct Section {
    const char *heading;
    Err (*write)(Page *p, const Section *s);
    const char *metric;
    int dim;
    KeyKind kk;
    const char *caption, *keyname;
};

static Err sec_periods(Page *p, const Section *s)
{
    (void)s;
    html_chart_periods(&p->h, &p->g);
    return ERR_OK;
}

/* Quick exits and timeouts appear once, per kiosk with their totals: the
 * same totals in a second table would let a hidden cell be recovered
 * across tables. */
static Err sec_kiosks(Page *p, const Section *s)
{
    (void)s;
    html_chart_strips(&p->h, &p->g);
    return html_kiosk_table(&p->h, &p->g);
}

static Err sec_cat(Page *p, const Section *s)
{
    return html_section_cat(&p->h, s->metric, s->dim, s->kk, R_(s->caption), R_(s->keyname));
}

static Err sec_funnel(Page *p, const Section *s)
{
    (void)s;
    return html_funnel(&p->h);
}

/* Fleet health (fleet.c): each kiosk's newest export and its health. */
static Err sec_fleet(Page *p, const Section *s)
{
    (void)s;
    return report_write_fleet(p->h.rdb, p->h.o);
}

static Err sec_quarantine(Page *p, const Section *s)
{
    (void)s;
    return html_quarantine(&p->h, &p->nquar);
}

/* The body of the report, in order. */
static const Section SECTIONS[] = {
    {RN_("Sessions over time"), sec_periods, NULL, 0, KEY_LANG, NULL, NULL},
    {RN_("Kiosks"), sec_kiosks, NULL, 0, KEY_LANG, NULL, NULL},
    {RN_("Language chosen"), sec_cat, "language_chosen", 1, KEY_LANG, RN_("Language chosen at the start"),
     RN_("Language")},
    {RN_("Modules"), sec_funnel, NULL, 0, KEY_LANG, NULL, NULL},
    {RN_("Help contacts"), sec_cat, "help_shown", 1, KEY_LANG, RN_("Help contacts screen shown, by language"),
     RN_("Language")},
    {NULL, sec_cat, "qr_shown", 3, KEY_CONTACT, RN_("Take-away QR codes shown, by contact"), RN_("Contact")},
    {NULL, sec_cat, "end_card_shown", 2, KEY_MODULE, RN_("Help cards shown at module ends"), RN_("Module")},
    {RN_("Session lengths"), sec_cat, "session_length", 3, KEY_LENGTH, RN_("Session lengths"), RN_("Length")},
    {NULL, sec_fleet, NULL, 0, KEY_LANG, NULL, NULL},
    {NULL, sec_quarantine, NULL, 0, KEY_LANG, NULL, NULL},
};

/* Every section into p->h.o, stopping at the first failure. */
static Err write_sections(Page *p)
{
    for (size_t i = 0; i < sizeof SECTIONS / sizeof SECTIONS[0]; i++) {
        if (SECTIONS[i].heading)
            html_h2(p->h.o, R_(SECTIONS[i].heading));
        Err e = SECTIONS[i].write(p, &SECTIONS[i]);
        if (e)
            return e;
    }
    return ERR_OK;
}

/* The head of the page and the first lines of the cover: title, date of
 * generation, period covered, kiosks and exports. */
static void cover_facts(const Page *p, const char *title, FILE *o)
{
    const Grid *g = &p->g;
    const ReportOptions *opt = p->h.opt;
    fprintf(o, "<!DOCTYPE html>\n<html lang=\"%s\" dir=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
            report_lang(), report_lang_rtl() ? "rtl" : "ltr");
    html_esc(o, title);
    fprintf(o, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<section class=\"cover\">\n<h1>", CSS);
    html_esc(o, title);
    fputs("</h1>\n<dl>\n", o);
    char d1[16] = "-", d2[16] = "-", gen[16] = "-";
    if (g->nd > 0) {
        report_period_label(g->dayn[0], REPORT_PERIOD_DAY, d1);
        report_period_label(g->dayn[g->nd - 1], REPORT_PERIOD_DAY, d2);
    }
    if (opt && opt->generated > 0) {
        time_t t = (time_t)opt->generated;
        struct tm tm;
        if (gmtime_r(&t, &tm))
            strftime(gen, sizeof gen, "%Y-%m-%d", &tm);
    }
    int64_t nexports = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(report_db_handle(p->h.rdb), "SELECT count(*) FROM exports", -1, &st, NULL) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        nexports = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    fputs("<dt>", o);
    html_esc(o, R_("Generated"));
    fprintf(o, "</dt><dd>%s</dd>\n<dt>", gen);
    html_esc(o, R_("Period covered"));
    fprintf(o, "</dt><dd>%s &#8211; %s (%zu ", d1, d2, g->nd);
    html_esc(o, report_trn("day with sessions", "days with sessions", (unsigned long)g->nd));
    fputs(")</dd>\n<dt>", o);
    html_esc(o, R_("Kiosks and exports"));
    fprintf(o, "</dt><dd>%zu ", g->nk);
    html_esc(o, report_trn("kiosk", "kiosks", (unsigned long)g->nk));
    fprintf(o, ", %lld ", (long long)nexports);
    html_esc(o, report_trn("export merged", "exports merged", (unsigned long)nexports));
    if (p->nquar > 0) {
        fprintf(o, ", %lld ", (long long)p->nquar);
        html_esc(o, report_trn("export in quarantine, not counted", "exports in quarantine, not counted",
                               (unsigned long)p->nquar));
    }
    fputs("</dd>\n</dl>\n", o);
}

/* The cover's method: what is counted and how it reaches the report. */
static void cover_method(FILE *o)
{
    fputs("<h2>", o);
    html_esc(o, R_("Method"));
    fputs("</h2>\n", o);
    html_p_note(o, R_("Each kiosk counts what happens on its screen (sessions, languages, modules, slides, quiz "
                      "answers, help contacts) as totals per day. It keeps no record of any visitor. Staff carry "
                      "signed exports on USB sticks; taama-report checks every signature and merges them. Each "
                      "kiosk's newest export holds all its counts, so a missed export loses nothing."));
    html_p_note(o, R_("The figures count events, not people: one visitor can open several modules, and a "
                      "session ends after a quiet minute or when the visitor leaves."));
}

/* The cover's privacy note: the threshold, the period chosen and what
 * was hidden over the whole report, and a warning for a low threshold. */
static void cover_privacy(const Page *p, FILE *o)
{
    const Html *h = &p->h;
    fputs("<h2>", o);
    html_esc(o, R_("Privacy"));
    fputs("</h2>\n<p class=\"note\">", o);
    char num[64], num2[64];
    snprintf(num, sizeof num, "%lld", (long long)h->min);
    html_esc_n(o, R_("To protect visitors, no count below {N} is shown."), num);
    fputc(' ', o);
    snprintf(num, sizeof num, "<%lld", (long long)h->min);
    html_esc_n(o, R_("Hidden counts are shown as {N} and as hatched bars."), num);
    fputc(' ', o);
    html_esc(o, R_("Some other counts are hidden too, so that a hidden count cannot be worked out by subtraction "
                   "from a total."));
    fputs("</p>\n<p class=\"note\">", o);
    html_esc_n(o, R_("Sessions are grouped by {N}."), report_period_name(p->g.period));
    fputc(' ', o);
    if (p->g.period != REPORT_PERIOD_DAY && p->day_share > 0) {
        snprintf(num, sizeof num, "%.0f%%", p->day_share * 100);
        html_esc_n(o, R_("By day, {N} of the kiosks' session counts would have been hidden."), num);
        fputc(' ', o);
    }
    snprintf(num, sizeof num, "%lld / %lld", (long long)(h->hid.primary + h->hid.complement),
             (long long)h->hid.cells);
    html_esc_n(o, R_("Figures hidden in this report: {N}."), num);
    fputc(' ', o);
    snprintf(num, sizeof num, "%lld", (long long)h->hid.primary);
    snprintf(num2, sizeof num2, "%lld", (long long)h->hid.complement);
    html_esc_n(o, R_("Below the threshold: {N}."), num);
    fputc(' ', o);
    html_esc_n(o, R_("Hidden to prevent subtraction: {N}."), num2);
    fputs("</p>\n", o);
    if (h->min < 10) {
        fputs("<p class=\"warn\">", o);
        html_esc(o, R_("Warning: the threshold was lowered below the recommended 10. Small counts at a small kiosk "
                       "can identify visitors. Check with the campaign's protection officer before sharing this "
                       "report."));
        fputs("</p>\n", o);
    }
}

/* The body is written first (into memory) so that the first page can say
 * what the whole report hid. */
Err report_write_html(ReportDb *rdb, const ReportOptions *opt, FILE *out)
{
    Page p = {.h = {.rdb = rdb, .opt = opt}};
    p.h.min = opt && opt->min_count > 1 ? opt->min_count : 10;
    const char *title = opt && opt->title ? opt->title : R_("Taama campaign report");
    char *body = NULL;
    size_t bodylen = 0;
    p.h.o = open_memstream(&body, &bodylen);
    if (!p.h.o)
        return ERR_NOMEM;
    Err e = html_grid_load(&p.h, &p.g, opt ? opt->period : REPORT_PERIOD_AUTO, &p.day_share);
    if (!e) {
        html_tally(&p.h, p.g.v, p.g.sup, (p.g.nk + 1) * (p.g.np + 1));
        p.h.hid.period = p.g.period;
        e = write_sections(&p);
    }
    if (fclose(p.h.o) != 0 && !e)
        e = ERR_NOMEM;
    if (!e) {
        cover_facts(&p, title, out);
        cover_method(out);
        cover_privacy(&p, out);
        fputs("</section>\n", out);
        fwrite(body, 1, bodylen, out);
        fputs("<p class=\"note\">", out);
        html_esc(out, R_("Made by taama-report from signed kiosk exports."));
        fputs("</p>\n</body>\n</html>\n", out);
        if (ferror(out))
            e = ERR_IO;
    }
    free(body);
    html_grid_free(&p.g);
    return e;
}
