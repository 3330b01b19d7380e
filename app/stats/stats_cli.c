/* stats_cli.c: `taama stats`, the counters as readable tables for a person
 * at the kiosk's shell. Opens the database read-only (the running kiosk
 * keeps writing) and uses only the public reading API. */
#include "stats/stats.h"

#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/vec.h"

/* Columns of the tables: which stored metric each one sums. */
typedef struct {
    const char *metric;
    const char *title;
} Col;

static const Col day_cols[] = {
    {"session_start", "sessions"},   {"language_chosen", "languages"},
    {"module_opened", "opened"},     {"module_completed", "completed"},
    {"quiz_answer_right", "right"},  {"quiz_answer_wrong", "wrong"},
    {"help_shown", "help"},          {"quick_exit", "quick exit"},
    {"timeout", "timeouts"},         {"group_session", "groups"},
};
static const Col lang_cols[] = {
    {"language_chosen", "chosen"},   {"language_switch", "switched to"},
    {"module_opened", "opened"},     {"module_completed", "completed"},
    {"quiz_answer_right", "right"},  {"quiz_answer_wrong", "wrong"},
    {"help_shown", "help"},          {"qr_shown", "QR shown"},
    {"quick_exit", "quick exit"},
};
static const Col module_cols[] = {
    {"module_opened", "opened"},     {"module_completed", "completed"},
    {"end_card_shown", "end card"},  {"quiz_answer_right", "right"},
    {"quiz_answer_wrong", "wrong"},  {"group_quiz_right", "group right"},
    {"group_quiz_wrong", "group wrong"},
};
enum { MAX_COLS = 10 };

typedef struct {
    char key[40];
    int64_t v[MAX_COLS];
} Line;

typedef struct {
    Line *lines;
    int n;
    size_t cap;
} Table;

typedef struct {
    Table days, langs, modules;
    int64_t hours[24];
    int64_t lengths[4];
    int64_t rows;
    int oom;
} Agg;

static Line *table_line(Table *t, const char *key, int *oom)
{
    for (int i = t->n - 1; i >= 0; i--)
        if (strcmp(t->lines[i].key, key) == 0)
            return &t->lines[i];
    if (VEC_RESERVE(t->lines, t->cap, (size_t)t->n + 1) != ERR_OK) {
        *oom = 1;
        return NULL;
    }
    Line *l = &t->lines[t->n++];
    memset(l, 0, sizeof *l);
    snprintf(l->key, sizeof l->key, "%s", key);
    return l;
}

static void add(Table *t, const char *key, const Col *cols, int ncols, const StatRow *r, int *oom)
{
    for (int c = 0; c < ncols; c++) {
        if (strcmp(cols[c].metric, r->metric) != 0)
            continue;
        Line *l = table_line(t, key[0] ? key : "(none)", oom);
        if (l)
            l->v[c] += r->value;
    }
}

#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))

static int collect(void *ctx, const StatRow *r)
{
    Agg *a = ctx;
    a->rows++;
    add(&a->days, r->day, day_cols, NCOLS(day_cols), r, &a->oom);
    if (r->lang[0])
        add(&a->langs, r->lang, lang_cols, NCOLS(lang_cols), r, &a->oom);
    if (r->module[0])
        add(&a->modules, r->module, module_cols, NCOLS(module_cols), r, &a->oom);
    if (strcmp(r->metric, "session_start") == 0 && r->item >= 0 && r->item < 24)
        a->hours[r->item] += r->value;
    if (strcmp(r->metric, "session_length") == 0 && r->item >= 0 && r->item < 4)
        a->lengths[r->item] += r->value;
    return a->oom;
}

static int cmp_line(const void *x, const void *y)
{
    return strcmp(((const Line *)x)->key, ((const Line *)y)->key);
}

static void print_table(FILE *out, const char *title, const char *first, const Table *t,
                        const Col *cols, int ncols)
{
    fprintf(out, "\n%s\n", title);
    if (t->n == 0) {
        fprintf(out, "  (nothing counted)\n");
        return;
    }
    int w0 = (int)strlen(first);
    for (int i = 0; i < t->n; i++)
        if ((int)strlen(t->lines[i].key) > w0)
            w0 = (int)strlen(t->lines[i].key);
    fprintf(out, "  %-*s", w0, first);
    for (int c = 0; c < ncols; c++)
        fprintf(out, "  %*s", (int)strlen(cols[c].title) < 6 ? 6 : (int)strlen(cols[c].title),
                cols[c].title);
    fprintf(out, "\n");
    for (int i = 0; i < t->n; i++) {
        fprintf(out, "  %-*s", w0, t->lines[i].key);
        for (int c = 0; c < ncols; c++)
            fprintf(out, "  %*lld",
                    (int)strlen(cols[c].title) < 6 ? 6 : (int)strlen(cols[c].title),
                    (long long)t->lines[i].v[c]);
        fprintf(out, "\n");
    }
}

static int count_identity(void *ctx, const StatsIdentity *id)
{
    (void)id;
    (*(int *)ctx)++;
    return 0;
}

/* --tsv: every stored counter as it is, one per line, for scripts and
 * tests (the tables above are for people and may change shape). */
static int print_tsv_row(void *ctx, const StatRow *r)
{
    fprintf(ctx, "%s\t%s\t%s\t%s\t%d\t%lld\n", r->day, r->metric, r->lang, r->module, (int)r->item,
            (long long)r->value);
    return 0;
}

static void usage(FILE *out)
{
    fprintf(out, "usage: taama stats [--tsv] [--help]\n"
                 "Print the kiosk's anonymous counters per day, per language and per module.\n"
                 "--tsv prints every stored counter instead, one per line, tab-separated:\n"
                 "day, metric, lang, module, item (-1: none), value; after a header line.\n"
                 "The database is opened read-only; the running kiosk is not disturbed.\n");
}

/* The readable report of the aggregated counters a (its tables sorted in
 * place) for identity id, of n_ident identities in the database. */
static void print_report(FILE *out, const char *data_dir, const StatsIdentity *id, int n_ident,
                         Agg *a)
{
    fprintf(out, "Taama statistics (%s/%s)\n", data_dir, STATS_DB_NAME);
    fprintf(out, "Kiosk %s, epoch %lld. Anonymous daily counters only.\n",
            id->epoch > 0 ? id->kiosk_id : "(none)", (long long)id->epoch);
    if (n_ident > 1)
        fprintf(out, "This database also holds %d earlier identities (a moved or cloned card);\n"
                     "their counters are not included below.\n",
                n_ident - 1);
    /* qsort's pointer must not be NULL, even for zero lines */
    if (a->days.n > 0)
        qsort(a->days.lines, (size_t)a->days.n, sizeof(Line), cmp_line);
    if (a->langs.n > 0)
        qsort(a->langs.lines, (size_t)a->langs.n, sizeof(Line), cmp_line);
    if (a->modules.n > 0)
        qsort(a->modules.lines, (size_t)a->modules.n, sizeof(Line), cmp_line);
    print_table(out, "Per day", "day", &a->days, day_cols, NCOLS(day_cols));
    print_table(out, "Per language (all days)", "language", &a->langs, lang_cols,
                NCOLS(lang_cols));
    print_table(out, "Per module (all days)", "module", &a->modules, module_cols,
                NCOLS(module_cols));
    fprintf(out, "\nSessions by hour of day (all days)\n ");
    for (int h = 0; h < 24; h++)
        fprintf(out, " %02dh %-6lld%s", h, (long long)a->hours[h], h == 11 ? "\n " : "");
    fprintf(out, "\n\nSession length (all days)\n  <1 min %lld   1-3 min %lld   "
                 "3-10 min %lld   >10 min %lld\n",
            (long long)a->lengths[0], (long long)a->lengths[1], (long long)a->lengths[2],
            (long long)a->lengths[3]);
}

int stats_cli_main(const char *data_dir, int argc, char **argv, FILE *out)
{
    int tsv = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--tsv") == 0) {
            tsv = 1;
            continue;
        }
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(out);
            return 0;
        }
        if (i == 1 && strcmp(argv[i], "stats") == 0)
            continue; /* called as "taama stats" with the subcommand still in argv */
        fprintf(stderr, "taama stats: unknown argument '%s'\n", argv[i]);
        usage(stderr);
        return 2;
    }
    Err why = ERR_OK;
    Stats *s = stats_open_readonly(data_dir, &why);
    if (!s) {
        fprintf(stderr, "taama stats: cannot read %s/%s: %s\n", data_dir, STATS_DB_NAME,
                why == ERR_NOTFOUND ? "no statistics yet" : err_str(why));
        return why == ERR_NOTFOUND ? 0 : 1;
    }
    StatsIdentity id;
    stats_identity(s, &id);
    int n_ident = 0;
    /* A failure here only leaves out the note on earlier identities; the
     * read of the counters below reports the storage error. */
    Err ie = stats_foreach_identity(s, count_identity, &n_ident);
    (void)ie;
    if (tsv) {
        fprintf(out, "day\tmetric\tlang\tmodule\titem\tvalue\n");
        Err te = id.epoch > 0 ? stats_foreach_row(s, print_tsv_row, out) : ERR_OK;
        stats_close(s);
        if (te != ERR_OK)
            fprintf(stderr, "taama stats: cannot read the counters: %s\n", err_str(te));
        return te == ERR_OK ? 0 : 1;
    }
    Agg a;
    memset(&a, 0, sizeof a);
    Err e = id.epoch > 0 ? stats_foreach_row(s, collect, &a) : ERR_OK;
    stats_close(s);
    int rc = 0;
    if (e != ERR_OK || a.oom) {
        fprintf(stderr, "taama stats: cannot read the counters: %s\n",
                a.oom ? err_str(ERR_NOMEM) : err_str(e));
        rc = 1;
        goto out;
    }
    print_report(out, data_dir, &id, n_ident, &a);
out:
    free(a.days.lines);
    free(a.langs.lines);
    free(a.modules.lines);
    return rc;
}
