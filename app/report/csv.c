/* csv.c: the tidy CSV for spreadsheets and its codebook.
 *
 * One row per counter, grouped by day, ISO week or month, with ids and
 * human names side by side (language name, module title, item meaning such
 * as a help contact's id and name). Every text cell goes through
 * report_csv_cell() (quoting, formula guard); the separator may be ';' for
 * spreadsheets set up for a decimal comma. */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content/content.h"
#include "core/sort.h"
#include "core/vec.h"
#include "i18n/i18n.h"
#include "report/rtext.h"
#include "stats/stats.h"

static int64_t min_of(const ReportOptions *opt)
{
    return opt && opt->min_count > 0 ? opt->min_count : (opt ? 1 : 10);
}

static char sep_of(const ReportOptions *opt)
{
    return opt && opt->sep ? opt->sep : ',';
}

typedef struct {
    const char *name;
    int64_t id;
} NameId;

static int nameid_cmp(const void *a, const void *b)
{
    return strcmp(((const NameId *)a)->name, ((const NameId *)b)->name);
}

/* Names ranked by their text, so output order does not depend on the
 * order in which exports were merged (ids are given on first sight).
 * O(n log n) in the number of names. */
static Err name_ranks(const ReportNames *nm, int32_t **rank_out)
{
    size_t n = nm->n ? nm->n : 1;
    NameId *ids = malloc(n * sizeof *ids);
    int32_t *rank = calloc(n, sizeof *rank);
    if (!ids || !rank) {
        free(ids);
        free(rank);
        return ERR_NOMEM;
    }
    for (size_t i = 0; i < nm->n; i++)
        ids[i] = (NameId){report_names_of(nm, (int64_t)i), (int64_t)i};
    sort_items(ids, nm->n, sizeof *ids, nameid_cmp);
    for (size_t i = 0; i < nm->n; i++)
        rank[ids[i].id] = (int32_t)i;
    free(ids);
    *rank_out = rank;
    return ERR_OK;
}

typedef struct {
    int64_t epoch;
    int32_t day, lang, module, item;
    int64_t value;
} CRow;

/* A category: name ids, and their ranks by text for ordering. */
typedef struct {
    int32_t lang, module, item, lang_rank, module_rank;
} CCat;

static int ccat_cmp(const void *a, const void *b)
{
    const CCat *x = a, *y = b;
    if (x->lang_rank != y->lang_rank)
        return x->lang_rank < y->lang_rank ? -1 : 1;
    if (x->module_rank != y->module_rank)
        return x->module_rank < y->module_rank ? -1 : 1;
    return (x->item > y->item) - (x->item < y->item);
}

static int crow_cmp(const void *a, const void *b)
{
    return report_key_cmp(REPORT_KEY((const CRow *)a), REPORT_KEY((const CRow *)b));
}

typedef struct {
    FILE *o;
    char sep;
    ReportPeriod period;
    const ReportNames *nm;
    const struct Content *content;
    const int32_t *rank;
    char **lang_label, **module_label; /* by name id, made once */
    const char *kiosk, *label, *metric;
    int64_t min;
    CCat *cats;
    size_t catcap;
    int32_t *days;
    size_t daycap;
    int64_t *v;
    unsigned char *sup, *present;
    size_t cellcap;
    ReportHidden hid;
    ReportProgress prog;
    uint64_t done;
    CRow *rows; /* one (metric, kiosk, epoch) block being read */
    size_t rcap;
    ReportContactNamer *namer; /* qr_shown items, by each kiosk's own list */
} CsvCtx;

/* What an item number means for a metric, for readers. */
static void item_label(const CsvCtx *c, int32_t item, char *out, size_t sz)
{
    const char *m = c->metric;
    out[0] = '\0';
    if (item < 0)
        return;
    if (strcmp(m, "session_length") == 0) /* qr_shown: report_contact_name() */
        snprintf(out, sz, "%s", report_length_label(item));
    else if (strcmp(m, "session_start") == 0)
        snprintf(out, sz, "%s %02d:00-%02d:59", R_("hour"), (int)item, (int)item);
    else if (strcmp(m, "slide_deepest") == 0)
        snprintf(out, sz, "%s %d", R_("slide"), (int)item + 1);
    else if (strncmp(m, "quiz_answer", 11) == 0 || strncmp(m, "group_quiz", 10) == 0)
        snprintf(out, sz, "%s %d", R_("question"), (int)item + 1);
    else if (strcmp(m, "group_attendees") == 0) {
        static const char *const bands[4] = {RN_("women"), RN_("men"), RN_("girls"), RN_("boys")};
        snprintf(out, sz, "%s", item < 4 ? R_(bands[item]) : R_("unknown"));
    }
}

static void csv_row(CsvCtx *c, int64_t epoch, int32_t day, const CCat *k, int64_t v, int hide)
{
    char d[16], num[32], il[600];
    report_period_label(day, c->period, d);
    report_csv_cell(c->o, c->kiosk, c->sep);
    fputc(c->sep, c->o);
    report_csv_cell(c->o, c->label, c->sep);
    fprintf(c->o, "%c%lld%c%s%c", c->sep, (long long)epoch, c->sep, d, c->sep);
    report_csv_cell(c->o, c->metric, c->sep);
    fputc(c->sep, c->o);
    report_csv_cell(c->o, report_names_of(c->nm, k->lang), c->sep);
    fputc(c->sep, c->o);
    report_csv_cell(c->o, report_names_of(c->nm, k->module), c->sep);
    fputc(c->sep, c->o);
    if (k->item >= 0)
        fprintf(c->o, "%d", k->item);
    if (hide)
        fprintf(c->o, "%c%c1%c", c->sep, c->sep, c->sep);
    else {
        snprintf(num, sizeof num, "%lld", (long long)v);
        fprintf(c->o, "%c%s%c0%c", c->sep, num, c->sep, c->sep);
    }
    report_csv_cell(c->o, c->lang_label[k->lang], c->sep);
    fputc(c->sep, c->o);
    report_csv_cell(c->o, c->module_label[k->module], c->sep);
    fputc(c->sep, c->o);
    if (strcmp(c->metric, "qr_shown") == 0 && k->item >= 0)
        report_contact_name(c->namer, c->kiosk, day, c->period, k->item, il, sizeof il);
    else
        item_label(c, k->item, il, sizeof il);
    report_csv_cell(c->o, il, c->sep);
    fputs("\r\n", c->o);
}

/* One (metric, kiosk, epoch): rows r[0..n) in (day, lang id, module id,
 * item) order. Days are first grouped into the chosen period (summing),
 * then the block is suppressed as a periods x categories table whose
 * margins (a kiosk's total per period, and per category over its periods)
 * can be computed from the file or are published elsewhere: no row or
 * column may end with exactly one hidden cell. A zero cell hidden as a
 * complement is written as a suppressed row, so it protects like any
 * other. */
/* Rows r[0..n) moved to the first day of their period and summed there,
 * in (period, lang, module, item) order; returns how many are left. */
static size_t csv_regroup(const CsvCtx *c, CRow *r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        r[i].day = report_period_start(r[i].day, c->period);
    sort_items(r, n, sizeof *r, crow_cmp);
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (w > 0 && crow_cmp(&r[w - 1], &r[i]) == 0)
            r[w - 1].value += r[i].value;
        else
            r[w++] = r[i];
    }
    return w;
}

static Err csv_block(CsvCtx *c, CRow *r, size_t n)
{
    if (c->period != REPORT_PERIOD_DAY)
        n = csv_regroup(c, r, n);
    size_t nc = 0, nd = 0;
    if (VEC_RESERVE(c->cats, c->catcap, n) != ERR_OK || VEC_RESERVE(c->days, c->daycap, n) != ERR_OK)
        return ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        c->cats[nc++] = (CCat){r[i].lang, r[i].module, r[i].item, c->rank[r[i].lang], c->rank[r[i].module]};
        if (nd == 0 || c->days[nd - 1] != r[i].day)
            c->days[nd++] = r[i].day;
    }
    sort_items(c->cats, nc, sizeof *c->cats, ccat_cmp);
    size_t w = 0;
    for (size_t i = 0; i < nc; i++)
        if (w == 0 || ccat_cmp(&c->cats[w - 1], &c->cats[i]) != 0)
            c->cats[w++] = c->cats[i];
    nc = w;
    size_t W = nc + 1, cells = (nd + 1) * W;
    if (VEC_RESERVE(c->v, c->cellcap, cells) != ERR_OK)
        return ERR_NOMEM;
    unsigned char *ns = realloc(c->sup, c->cellcap), *np = ns ? realloc(c->present, c->cellcap) : NULL;
    if (ns)
        c->sup = ns;
    if (!ns || !np)
        return ERR_NOMEM;
    c->present = np;
    memset(c->v, 0, cells * sizeof *c->v);
    memset(c->present, 0, cells);
    size_t d = 0;
    for (size_t i = 0; i < n; i++) {
        while (c->days[d] != r[i].day)
            d++;
        CCat k = {r[i].lang, r[i].module, r[i].item, c->rank[r[i].lang], c->rank[r[i].module]};
        CCat *f = bsearch(&k, c->cats, nc, sizeof *c->cats, ccat_cmp);
        size_t j = (size_t)(f - c->cats);
        c->v[d * W + j] = r[i].value;
        c->present[d * W + j] = 1;
    }
    if (c->min > 1) {
        Err e = report_suppress_grid(c->v, c->sup, nd, nc, c->min);
        if (e)
            return e;
    } else {
        memset(c->sup, 0, cells);
    }
    for (size_t dd = 0; dd < nd; dd++)
        for (size_t j = 0; j < nc; j++) {
            size_t i = dd * W + j;
            if (c->present[i] || c->sup[i]) {
                csv_row(c, r[0].epoch, c->days[dd], &c->cats[j], c->v[i], c->sup[i]);
                if (c->v[i] != 0 || c->sup[i])
                    c->hid.cells++;
                if (c->sup[i] && c->v[i] >= 1 && c->v[i] < c->min)
                    c->hid.primary++;
                else if (c->sup[i])
                    c->hid.complement++;
            }
        }
    return ERR_OK;
}

static void free_labels(char **l, size_t n)
{
    for (size_t i = 0; l && i < n; i++)
        free(l[i]);
    free(l);
}

/* Human labels of every name id, as a language and as a module. */
static Err make_labels(CsvCtx *c)
{
    size_t n = c->nm->n ? c->nm->n : 1;
    c->lang_label = calloc(n, sizeof *c->lang_label);
    c->module_label = calloc(n, sizeof *c->module_label);
    if (!c->lang_label || !c->module_label)
        return ERR_NOMEM;
    char buf[512];
    for (size_t i = 0; i < c->nm->n; i++) {
        const char *s = report_names_of(c->nm, (int64_t)i);
        if (*s)
            report_lang_label(s, buf, sizeof buf);
        else
            buf[0] = '\0';
        if (!(c->lang_label[i] = strdup(buf)))
            return ERR_NOMEM;
        if (*s)
            report_module_label(c->content, s, buf, sizeof buf);
        if (!(c->module_label[i] = strdup(buf)))
            return ERR_NOMEM;
    }
    return ERR_OK;
}

static const char *period_column(ReportPeriod p)
{
    return p == REPORT_PERIOD_WEEK ? "week" : p == REPORT_PERIOD_MONTH ? "month" : "day";
}

Err report_write_csv(ReportDb *rdb, const ReportOptions *opt, FILE *o)
{
    return report_write_csv_ex(rdb, opt, o, NULL);
}

/* AUTO: the finest period at which at most a quarter of the values are
 * hidden (month when none is), found by writing each candidate to
 * /dev/null first. */
static Err csv_auto(ReportDb *rdb, const ReportOptions *opt, FILE *o, ReportHidden *hidden)
{
    static const ReportPeriod tries[2] = {REPORT_PERIOD_DAY, REPORT_PERIOD_WEEK};
    ReportOptions ro = *opt;
    ro.progress = NULL;
    ro.period = REPORT_PERIOD_MONTH;
    for (int t = 0; t < 2; t++) {
        FILE *null = fopen("/dev/null", "w");
        if (!null)
            return ERR_IO;
        ReportOptions trial = ro;
        trial.period = tries[t];
        ReportHidden h;
        Err e = report_write_csv_ex(rdb, &trial, null, &h);
        fclose(null);
        if (e)
            return e;
        if ((h.primary + h.complement) * 4 <= h.cells) {
            ro.period = tries[t];
            break;
        }
    }
    ro.progress = opt->progress;
    return report_write_csv_ex(rdb, &ro, o, hidden);
}

/* The metrics that have counters, as name ids in name order, into
 * metrics (room for every name); *nmet gets their number. ERR_DB. */
static Err csv_metrics(sqlite3 *db, const ReportNames *nm, const int32_t *rank, size_t *metrics, size_t *nmet)
{
    sqlite3_stmt *has = NULL;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM counts WHERE metric=?1 LIMIT 1", -1, &has, NULL) != SQLITE_OK)
        return ERR_DB;
    *nmet = 0;
    for (size_t i = 0; i < nm->n; i++) {
        sqlite3_bind_int64(has, 1, (int64_t)i);
        if (sqlite3_step(has) == SQLITE_ROW)
            metrics[(*nmet)++] = i;
        sqlite3_reset(has);
    }
    sqlite3_finalize(has);
    for (size_t i = 1; i < *nmet; i++) /* by name; metrics are few */
        for (size_t j = i; j > 0 && rank[metrics[j - 1]] > rank[metrics[j]]; j--) {
            size_t t = metrics[j];
            metrics[j] = metrics[j - 1];
            metrics[j - 1] = t;
        }
    return ERR_OK;
}

/* Progress over all counters, shown only on a terminal. */
static void csv_progress_start(CsvCtx *c, sqlite3 *db, FILE *progress)
{
    int64_t total = 0;
    sqlite3_stmt *cs = NULL;
    if (isatty(fileno(progress)) && sqlite3_prepare_v2(db, "SELECT count(*) FROM counts", -1, &cs, NULL) == SQLITE_OK &&
        sqlite3_step(cs) == SQLITE_ROW)
        total = sqlite3_column_int64(cs, 0);
    sqlite3_finalize(cs);
    report_progress_start(&c->prog, progress, "csv: counters", (uint64_t)total, 0);
}

/* The rows of one (metric, kiosk) from st (bound, stepped here, reset by
 * the caller), written one epoch at a time. ERR_CORRUPT for a name id out
 * of range, ERR_DB, ERR_NOMEM. */
static Err csv_kiosk(CsvCtx *c, sqlite3_stmt *st)
{
    size_t n = 0;
    int rc;
    Err e = ERR_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t ep = sqlite3_column_int64(st, 0);
        if (n > 0 && ep != c->rows[0].epoch) { /* next epoch: flush */
            if ((e = csv_block(c, c->rows, n)))
                return e;
            n = 0;
        }
        if (VEC_RESERVE(c->rows, c->rcap, n + 1) != ERR_OK)
            return ERR_NOMEM;
        CRow *r = &c->rows[n++];
        r->epoch = ep;
        r->day = (int32_t)sqlite3_column_int(st, 1);
        r->lang = (int32_t)sqlite3_column_int(st, 2);
        r->module = (int32_t)sqlite3_column_int(st, 3);
        r->item = (int32_t)sqlite3_column_int(st, 4);
        r->value = sqlite3_column_int64(st, 5);
        if (r->lang < 0 || (size_t)r->lang >= c->nm->n || r->module < 0 || (size_t)r->module >= c->nm->n)
            return ERR_CORRUPT;
        report_progress_step(&c->prog, ++c->done);
    }
    if (rc != SQLITE_DONE)
        return ERR_DB;
    return n > 0 ? csv_block(c, c->rows, n) : ERR_OK;
}

/* Every (metric, kiosk) in order: metrics in name order, kiosks in id
 * order from ks, each one range of the counts key read through st. */
static Err csv_body(CsvCtx *c, sqlite3_stmt *ks, sqlite3_stmt *st, const size_t *metrics, size_t nmet)
{
    Err e = ERR_OK;
    for (size_t mi = 0; !e && mi < nmet; mi++) {
        c->metric = report_names_of(c->nm, (int64_t)metrics[mi]);
        while (!e && sqlite3_step(ks) == SQLITE_ROW) {
            c->kiosk = (const char *)sqlite3_column_text(ks, 1);
            c->label = (const char *)sqlite3_column_text(ks, 2);
            sqlite3_bind_int64(st, 1, (int64_t)metrics[mi]);
            sqlite3_bind_int64(st, 2, sqlite3_column_int64(ks, 0));
            e = csv_kiosk(c, st);
            sqlite3_reset(st);
        }
        sqlite3_reset(ks);
    }
    return e;
}

static void csv_ctx_free(CsvCtx *c)
{
    free_labels(c->lang_label, c->nm->n);
    free_labels(c->module_label, c->nm->n);
    free(c->rows);
    free(c->cats);
    free(c->days);
    free(c->v);
    free(c->sup);
    free(c->present);
    report_contact_namer_free(c->namer);
}

Err report_write_csv_ex(ReportDb *rdb, const ReportOptions *opt, FILE *o, ReportHidden *hidden)
{
    if (opt && opt->period == REPORT_PERIOD_AUTO && opt->min_count > 1)
        return csv_auto(rdb, opt, o, hidden);
    sqlite3 *db = report_db_handle(rdb);
    const ReportNames *nm = report_db_names(rdb);
    CsvCtx c = {.o = o, .nm = nm, .min = min_of(opt), .sep = sep_of(opt),
                .content = opt ? opt->content : NULL};
    c.period = opt && opt->period != REPORT_PERIOD_AUTO ? opt->period : REPORT_PERIOD_DAY;
    c.hid.period = c.period;
    int32_t *rank = NULL;
    size_t *metrics = NULL, nmet = 0;
    sqlite3_stmt *ks = NULL, *st = NULL;
    Err e = name_ranks(nm, &rank);
    if (e)
        return e;
    c.rank = rank;
    if ((e = make_labels(&c)) || (e = (c.namer = report_contact_namer_new(rdb, c.content)) ? ERR_OK : ERR_NOMEM))
        goto out;
    metrics = malloc((nm->n + 1) * sizeof *metrics);
    if (!metrics) {
        e = ERR_NOMEM;
        goto out;
    }
    if ((e = csv_metrics(db, nm, rank, metrics, &nmet)))
        goto out;
    e = ERR_DB;
    if (sqlite3_prepare_v2(db, "SELECT kid, kiosk_id, label FROM kiosks ORDER BY kiosk_id", -1, &ks, NULL) !=
            SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "SELECT epoch, day, lang, module, item, value FROM counts WHERE metric=?1 AND kid=?2"
                           " ORDER BY epoch, day, lang, module, item",
                           -1, &st, NULL) != SQLITE_OK)
        goto out;
    if (opt && opt->progress)
        csv_progress_start(&c, db, opt->progress);
    fprintf(o, "\xEF\xBB\xBFkiosk_id%ckiosk_label%cepoch%c%s%cmetric%clang%cmodule%citem%cvalue%csuppressed%c"
               "lang_name%cmodule_title%citem_label\r\n",
            c.sep, c.sep, c.sep, period_column(c.period), c.sep, c.sep, c.sep, c.sep, c.sep, c.sep, c.sep, c.sep,
            c.sep);
    e = csv_body(&c, ks, st, metrics, nmet);
    report_progress_done(&c.prog);
    if (!e && ferror(o))
        e = ERR_IO;
    if (hidden)
        *hidden = c.hid;
out:
    sqlite3_finalize(ks);
    sqlite3_finalize(st);
    free(metrics);
    csv_ctx_free(&c);
    free(rank);
    return e;
}

/* ---- codebook ---- */

static void cb_row(FILE *o, char sep, const char *column, const char *value, const char *meaning)
{
    report_csv_cell(o, column, sep);
    fputc(sep, o);
    report_csv_cell(o, value, sep);
    fputc(sep, o);
    report_csv_cell(o, meaning, sep);
    fputs("\r\n", o);
}

/* What each metric counts, and what its item is. */
static const struct {
    const char *metric, *meaning, *item;
} metric_doc[] = {
    {"session_start", RN_("sessions started (a visitor touched the attract screen)"), RN_("local hour 0-23")},
    {"language_chosen", RN_("language chosen at the start of a session"), NULL},
    {"language_switch", RN_("language changed during a session (lang: the new one)"), NULL},
    {"module_opened", RN_("module opened"), NULL},
    {"module_completed", RN_("module read to its end card"), NULL},
    {"slide_deepest", RN_("the deepest slide reached when leaving a module"), RN_("slide number, 0 = first")},
    {"quiz_answer_right", RN_("quiz answers that were right"), RN_("question number, 0 = first")},
    {"quiz_answer_wrong", RN_("quiz answers that were wrong"), RN_("question number, 0 = first")},
    {"end_card_shown", RN_("help card shown at the end of a module"), NULL},
    {"help_shown", RN_("help contacts screen shown"), NULL},
    {"qr_shown", RN_("take-away QR code shown for a help contact"),
     RN_("help contact, by its place in the kiosk's contacts.yaml (0 = first); see item_label")},
    {"quick_exit", RN_("quick exit pressed (the screen was cleared at once)"), NULL},
    {"timeout", RN_("session ended by inactivity"), NULL},
    {"session_length", RN_("sessions by length"),
     RN_("0 under 1 minute, 1 from 1 to 3 minutes, 2 from 3 to 10 minutes, 3 ten minutes or more")},
    {"group_session", RN_("group sessions held by a community worker"), NULL},
    {"group_attendees", RN_("people at group sessions"), RN_("0 women, 1 men, 2 girls, 3 boys")},
    {"group_quiz_right", RN_("group quiz answers that were right"), RN_("question number, 0 = first")},
    {"group_quiz_wrong", RN_("group quiz answers that were wrong"), RN_("question number, 0 = first")},
};

/* The codebook's module rows: the content's modules, then any other
 * module id seen in the database (db may be NULL). */
static void cb_modules(ReportDb *rdb, const struct Content *content, FILE *o, char sep)
{
    char buf[600];
    int nmod = content ? content_module_count(content) : 0;
    for (int i = 0; i < nmod; i++) {
        const Module *m = content_module(content, i);
        report_module_label(content, m->id, buf, sizeof buf);
        cb_row(o, sep, "module", m->id, buf);
    }
    if (!rdb)
        return;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(report_db_handle(rdb),
                           "SELECT DISTINCT n.name FROM names n WHERE n.id IN (SELECT module FROM counts)"
                           " AND n.name <> '' ORDER BY n.name",
                           -1, &st, NULL) == SQLITE_OK)
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *mid = (const char *)sqlite3_column_text(st, 0);
            if (content && content_find_module(content, mid))
                continue;
            report_module_label(content, mid, buf, sizeof buf);
            cb_row(o, sep, "module", mid, buf);
        }
    sqlite3_finalize(st);
}

Err report_write_codebook(ReportDb *rdb, const ReportOptions *opt, FILE *o)
{
    char sep = sep_of(opt);
    const struct Content *content = opt ? opt->content : NULL;
    static const char *const columns[][2] = {
        {"kiosk_id", RN_("the kiosk's random id (32 hex characters)")},
        {"kiosk_label", RN_("the site name given at export (taama export --label)")},
        {"epoch", RN_("counter stream of the kiosk (a new one after its SD card was cloned); sum them")},
        {"day", RN_("the day, YYYY-MM-DD, kiosk local time (when the file is by day)")},
        {"week", RN_("the ISO 8601 week, YYYY-Www, Monday to Sunday (when the file is by week)")},
        {"month", RN_("the month, YYYY-MM (when the file is by month)")},
        {"metric", RN_("what is counted; values below")},
        {"lang", RN_("language code of the session, empty when it does not apply; values below")},
        {"module", RN_("module id, empty when it does not apply; values below")},
        {"item", RN_("a number whose meaning depends on the metric (below), empty when none")},
        {"value", RN_("the count; empty when suppressed")},
        {"suppressed", RN_("1: the count is hidden (below the threshold, or it would reveal one by subtraction); "
                           "0: shown")},
        {"lang_name", RN_("the language's name")},
        {"module_title", RN_("the module's title")},
        {"item_label", RN_("what the item number means (help contact id and name, length, hour, slide)")},
    };
    fprintf(o, "\xEF\xBB\xBF" "column%cvalue%cmeaning\r\n", sep, sep);
    for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++)
        cb_row(o, sep, columns[i][0], "", R_(columns[i][1]));
    for (const char *const *m = stats_metric_all(); *m; m++) {
        const char *meaning = "", *item = NULL;
        for (size_t i = 0; i < sizeof metric_doc / sizeof metric_doc[0]; i++)
            if (strcmp(metric_doc[i].metric, *m) == 0) {
                meaning = R_(metric_doc[i].meaning);
                item = metric_doc[i].item;
            }
        cb_row(o, sep, "metric", *m, meaning);
        if (item) {
            char col[64];
            snprintf(col, sizeof col, "item (%s)", *m);
            cb_row(o, sep, col, "", R_(item));
        }
    }
    char buf[600], id[128], num[16];
    for (int i = 0; i < i18n_language_count(); i++) {
        const Language *l = i18n_language_at(i);
        report_lang_label(l->code, buf, sizeof buf);
        cb_row(o, sep, "lang", l->code, buf);
    }
    cb_modules(rdb, content, o, sep);
    for (int i = 0; content && i < content_contact_count(content); i++) {
        report_contact_label(content, i, buf, sizeof buf, id, sizeof id);
        snprintf(num, sizeof num, "%d", i);
        cb_row(o, sep, "item (qr_shown)", num, buf);
    }
    for (int b = 0; b < REPORT_LENGTH_BUCKETS; b++) {
        snprintf(num, sizeof num, "%d", b);
        cb_row(o, sep, "item (session_length)", num, report_length_label(b));
    }
    return ferror(o) ? ERR_IO : ERR_OK;
}
