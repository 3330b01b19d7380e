/* cli.c: the `taama-report` command line. Every subcommand is one row of
 * report_cmds[] (its usage line and --help text) and one row of verbs[]
 * (its function, and whether it needs a database, content, words and an
 * output file); every option is one row of cli_opts[] (what getopt_long
 * parses and where the value goes). report_cli_main() parses with them,
 * makes the checks every command shares and runs the verb. The outputs
 * are in html.c, csv.c and dhis2.c, merging in merge.c. */
#define _GNU_SOURCE /* fopencookie: the merge progress line */
#include "report/report.h"

#include <ftw.h>
#include <getopt.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "content/content.h"
#include "core/args.h"
#include "core/log.h"
#include "export/export.h"
#include "i18n/i18n.h"
#include "report/rtext.h"

/* ---- merge progress ---- */

/* Exports under a path (manifest.json files, links not followed, as deep
 * as merge looks), for the N/M progress line. */
static uint64_t manifests_found;
static int count_manifest(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    const char *base = path + ftw->base;
    if (type == FTW_F && strcmp(base, "manifest.json") == 0)
        manifests_found++;
    return type == FTW_D && ftw->level > 5 ? FTW_SKIP_SUBTREE : FTW_CONTINUE;
}

/* Merge prints one line per export on its output; this stream passes
 * them on and counts them, clearing the progress line on the terminal
 * before each and drawing it again after. */
typedef struct {
    FILE *out;
    ReportProgress prog;
    uint64_t lines;
} MergeTee;

static ssize_t tee_write(void *cookie, const char *buf, size_t size)
{
    MergeTee *t = cookie;
    if (t->prog.drawn) {
        fputs("\r                                        \r", t->prog.err);
        fflush(t->prog.err);
        t->prog.drawn = 0;
        t->prog.shown = UINT64_MAX;
    }
    size_t w = fwrite(buf, 1, size, t->out);
    fflush(t->out);
    for (size_t i = 0; i < size; i++)
        t->lines += buf[i] == '\n';
    report_progress_step(&t->prog, t->lines);
    return (ssize_t)w;
}

/* A stream for MergeOptions.out that shows "merge: exports N/M" on err
 * when err is a terminal; NULL (use out itself) when it is not. */
static FILE *merge_tee_open(MergeTee *t, FILE *out, FILE *err, const char *const *paths, int npaths)
{
    if (!err || !isatty(fileno(err)))
        return NULL;
    manifests_found = 0;
    for (int i = 0; i < npaths; i++)
        nftw(paths[i], count_manifest, 16, FTW_PHYS | FTW_ACTIONRETVAL);
    t->out = out;
    t->lines = 0;
    report_progress_start(&t->prog, err, "merge: exports", manifests_found, 0);
    cookie_io_functions_t io = {.write = tee_write};
    FILE *f = fopencookie(t, "w", io);
    if (f)
        setvbuf(f, NULL, _IOLBF, 0); /* one call per line: redraw after each export */
    return f;
}

/* ---- command line ---- */

/* The options every report takes, for the help texts. */
#define LANG_HELP                                                                                    \
    "--lang en|fr|ar (also ti, ha): the report's language (right to left for ar).\n"                 \
    "--content DIR: the kiosk content, for module titles and help contact names\n"                  \
    "(default: the installed content).\n"
#define MIN_HELP                                                                                     \
    "--min N: counts from 1 to N-1 are suppressed, with any count that would reveal one\n"          \
    "by subtraction (default N = 10; below 10 a warning is printed and written into the\n"          \
    "report).\n"

/* One row per subcommand: the usage summary and each --help come from here. */
static const ArgsCommand report_cmds[] = {
    {"merge", "PATH... --db campaign.sqlite [--key campaign.key] [--enrolled-only]",
     "Merge every export found under each PATH (a stick, a taama-export folder, a kiosk\n"
     "folder or one export) into the campaign database, creating it if needed. Merging\n"
     "the same export twice changes nothing. --key: the campaign secret key, needed for\n"
     "sealed exports. --enrolled-only: exports of kiosks not enrolled are quarantined\n"
     "(no registration on first use). On a terminal, 'merge: exports N/M' shows the\n"
     "progress on standard error. Exit 1 if any export was refused or quarantined.\n", 0},
    {"html", "--db campaign.sqlite -o report.html [--min N] [--title TEXT] [--period auto|day|week|month]"
             " [--groups GROUPS.csv] [--lang L] [--content DIR]",
     "Write the campaign report as one self-contained HTML file, with the exports held\n"
     "in quarantine listed (not counted). The HTML report always hides small counts\n"
     "(--min 2 or more). The database must exist: this command never creates one.\n"
     MIN_HELP
     "--period: how counts are grouped in time (auto: the finest with few values hidden).\n"
     "--groups GROUPS.csv: KIOSK_ID,GROUP lines; the kiosks of a group are added into one\n"
     "row before suppression.\n"
     LANG_HELP, 0},
    {"csv", "--db campaign.sqlite [-o FILE] [--min N | --no-suppress] [--period day|week|month|auto]"
            " [--sep ';'] [--lang L] [--content DIR]",
     "Write the counters as tidy CSV (to standard output without -o), by week unless\n"
     "--period says otherwise; --sep ';' for spreadsheets that expect semicolons.\n"
     "--no-suppress gives raw counts for the campaign's internal working data only (a\n"
     "loud warning is printed). See the codebook command for what each column means.\n"
     MIN_HELP LANG_HELP, 0},
    {"codebook", "[--db campaign.sqlite] [-o FILE] [--sep ';'] [--lang L] [--content DIR]",
     "Write the codebook of the CSV: every column and every value of metric, language,\n"
     "module and item, with its meaning (from the content, and the database if given).\n"
     LANG_HELP, 0},
    {"dhis2", "--db campaign.sqlite --map FILE [-o FILE] [--min N | --no-suppress]",
     "Write a DHIS2 dataValueSets CSV, using the map FILE from kiosks and metrics to\n"
     "DHIS2 org units and data elements.\n"
     MIN_HELP, 0},
    {"dhis2-metadata", "--map FILE [-o metadata.json]",
     "Write the DHIS2 metadata package (data elements, category combos, data set) that\n"
     "matches the map FILE, for DHIS2's metadata import. Needs no database.\n", 0},
    {"gaps", "--db campaign.sqlite",
     "Print, per kiosk and epoch, the exports merged and the sequence numbers missing.\n", 0},
    {"forget", "KIOSK_ID --db campaign.sqlite",
     "Remove a kiosk: its counters, exports, key and quarantined exports; its next export\n"
     "starts afresh.\n", 0},
    {"enroll", "KIOSK_ID PUBKEY [--label TEXT] --db campaign.sqlite | --list KIOSKS.csv --db campaign.sqlite",
     "Enroll a kiosk (or a list of kiosks) by id and public key before its exports arrive.\n", 0},
    {"accept", "KIOSK_ID KEY_PREFIX --db campaign.sqlite",
     "Accept a quarantined kiosk key, counting its exports.\n", 0},
    {"reject", "KIOSK_ID KEY_PREFIX --db campaign.sqlite",
     "Drop the quarantined exports of one dismissed key (never the counted key).\n", 0},
    {"quarantine", "--db campaign.sqlite",
     "List the quarantined exports: conflicting or cloned claims, not counted.\n", 0},
    {"keygen", "[--pub campaign.pub] [--key campaign.key]",
     "Make the campaign key pair (X25519); never overwrites an existing file.\n", 0},
};
#define REPORT_NCMDS ((int)(sizeof report_cmds / sizeof report_cmds[0]))

static void usage(FILE *err)
{
    args_print_usage(err, "taama-report", report_cmds, REPORT_NCMDS, NULL);
}


/* ---- the parsed command line ---- */

/* Everything a command runs with: the words and options as parsed, the
 * report options they set, and what main opens for the command (db,
 * content, the -o stream o). */
typedef struct {
    const ArgsCommand *c;
    const char *cmd;
    const char *dbp, *keyp, *outp, *mapp, *pubp, *title, *listp, *labelp, *lang, *contentp, *localedir;
    int enrolled_only, no_suppress, period_given;
    ReportOptions ro;
    char **paths; /* the words left: paths (merge), a kiosk id and key */
    int npaths;
    FILE *out, *err;
    ReportDb *db;     /* NULL for the commands that need none */
    Content *content; /* NULL: names are ids */
    FILE *o;          /* -o FILE, or out */
} Cli;

/* ---- options, by table ---- */

/* An option's value that needs more than storing: 0, or 2 (usage) after
 * saying why on err. */
typedef int (*OptFn)(Cli *cl, const char *arg);

static int opt_min(Cli *cl, const char *arg)
{
    char *end;
    long v = strtol(arg, &end, 10);
    if (!*arg || *end || v < 0) {
        fprintf(cl->err, "taama-report %s: --min takes a whole number, not '%s'\n", cl->cmd, arg);
        return 2;
    }
    cl->ro.min_count = v;
    return 0;
}

static int opt_sep(Cli *cl, const char *arg)
{
    if (strcmp(arg, ",") != 0 && strcmp(arg, ";") != 0) {
        fprintf(cl->err, "taama-report %s: --sep takes ',' or ';', not '%s'\n", cl->cmd, arg);
        return 2;
    }
    cl->ro.sep = arg[0];
    return 0;
}

static int opt_period(Cli *cl, const char *arg)
{
    static const char *const names[4] = {"day", "week", "month", "auto"}; /* ReportPeriod order */
    for (int j = 0; j < 4; j++)
        if (strcmp(arg, names[j]) == 0) {
            cl->ro.period = (ReportPeriod)j;
            cl->period_given = 1;
            return 0;
        }
    fprintf(cl->err, "taama-report %s: --period takes auto, day, week or month, not '%s'\n", cl->cmd, arg);
    return 2;
}

/* Long options of every subcommand (a command that does not use an
 * option ignores it or says so), and what each does: store its text at
 * off (TEXT), set the int at off to 1 (FLAG), or call fn (VALUE). -o is
 * --out. --localedir DIR (where the compiled catalogues are; tests) is
 * not in the help texts. */
typedef enum { OPT_TEXT, OPT_FLAG, OPT_VALUE } OptKind;
typedef struct {
    const char *name;
    OptKind kind;
    size_t off;
    OptFn fn;
} CliOpt;

static const CliOpt cli_opts[] = {
    {"db", OPT_TEXT, offsetof(Cli, dbp), NULL},
    {"key", OPT_TEXT, offsetof(Cli, keyp), NULL},
    {"pub", OPT_TEXT, offsetof(Cli, pubp), NULL},
    {"out", OPT_TEXT, offsetof(Cli, outp), NULL},
    {"map", OPT_TEXT, offsetof(Cli, mapp), NULL},
    {"no-suppress", OPT_FLAG, offsetof(Cli, no_suppress), NULL},
    {"title", OPT_TEXT, offsetof(Cli, title), NULL},
    {"min", OPT_VALUE, 0, opt_min},
    {"enrolled-only", OPT_FLAG, offsetof(Cli, enrolled_only), NULL},
    {"list", OPT_TEXT, offsetof(Cli, listp), NULL},
    {"label", OPT_TEXT, offsetof(Cli, labelp), NULL},
    {"lang", OPT_TEXT, offsetof(Cli, lang), NULL},
    {"content", OPT_TEXT, offsetof(Cli, contentp), NULL},
    {"localedir", OPT_TEXT, offsetof(Cli, localedir), NULL},
    {"groups", OPT_TEXT, offsetof(Cli, ro.groups), NULL},
    {"sep", OPT_VALUE, 0, opt_sep},
    {"period", OPT_VALUE, 0, opt_period},
};
#define CLI_NOPTS (sizeof cli_opts / sizeof cli_opts[0])
#define CLI_OPT_OUT 3    /* the row of --out, which -o also sets */
#define CLI_OPT_BASE 256 /* getopt_long() returns CLI_OPT_BASE + the row */

/* Apply the option getopt_long() returned as o, with its value arg (word:
 * the option as typed). 0, or 2 (usage; said on err). */
static int cli_apply_option(Cli *cl, int o, const char *arg, const char *word)
{
    size_t row = o == 'o' ? CLI_OPT_OUT : (size_t)(o - CLI_OPT_BASE);
    if (o == ':') {
        fprintf(cl->err, "taama-report %s: %s needs a value\n", cl->cmd, word);
        return 2;
    }
    if (o < CLI_OPT_BASE && o != 'o') {
        fprintf(cl->err, "taama-report %s: unknown option %s\n", cl->cmd, word);
        args_print_usage(cl->err, "taama-report", report_cmds, REPORT_NCMDS, cl->c);
        return 2;
    }
    const CliOpt *a = &cli_opts[row];
    if (a->kind == OPT_TEXT)
        *(const char **)((char *)cl + a->off) = arg;
    else if (a->kind == OPT_FLAG)
        *(int *)((char *)cl + a->off) = 1;
    else
        return a->fn(cl, arg);
    return 0;
}

/* getopt_long() over the words after the command (argv[1] stands in for
 * the program name); it moves the paths after the options, which are left
 * in cl->paths: no limit on their number. 0, or 2 (usage). */
static int cli_parse(Cli *cl, int argc, char **argv)
{
    int ac = argc - 1;
    char **av = argv + 1;
    struct option longopts[CLI_NOPTS + 1] = {{0}};
    for (size_t i = 0; i < CLI_NOPTS; i++)
        longopts[i] = (struct option){cli_opts[i].name, cli_opts[i].kind == OPT_FLAG ? no_argument : required_argument,
                                      NULL, CLI_OPT_BASE + (int)i};
    optind = 0; /* glibc: start afresh, as tests call this more than once */
    opterr = 0;
    for (int o; (o = getopt_long(ac, av, ":o:", longopts, NULL)) != -1;) {
        int rc = cli_apply_option(cl, o, optarg, av[optind - 1]);
        if (rc)
            return rc;
    }
    cl->paths = av + optind;
    cl->npaths = ac - optind;
    return 0;
}

/* The report language, the suppression threshold and its warnings, the
 * generation date. 0, or 2 (usage). */
static int cli_settle(Cli *cl)
{
    ReportOptions *ro = &cl->ro;
    FILE *err = cl->err;
    if (cl->lang && !i18n_language(cl->lang)) {
        fprintf(err, "taama-report %s: unknown language %s (en, fr, ar, ti, ha)\n", cl->cmd, cl->lang);
        return 2;
    }
    report_lang_set(cl->lang ? cl->lang : "en", cl->localedir);
    if (strcmp(cl->cmd, "html") == 0 && ro->min_count < 2) {
        fprintf(err, "taama-report html: the HTML report is for publishing and always hides small counts: --min "
                     "must be 2 or more (10 is recommended). Use csv --no-suppress for internal working data.\n");
        return 2;
    }
    if (ro->min_count == 0)
        ro->min_count = 1;
    int raw_cmd = strcmp(cl->cmd, "csv") == 0 || strcmp(cl->cmd, "dhis2") == 0;
    if (cl->no_suppress && !raw_cmd) {
        fprintf(err, "taama-report: --no-suppress is only for csv and dhis2 (internal working data); the HTML "
                     "report is for publishing and always protects small counts (--min N sets the threshold)\n");
        return 2;
    }
    if (ro->min_count > 1 && ro->min_count < 10)
        fprintf(err, "\n!!! WARNING: --min %lld is below the recommended threshold of 10. Counts from %lld to 9 "
                     "will be shown,\n!!! and at a small kiosk they can identify visitors. The report says so "
                     "on its first page.\n\n",
                (long long)ro->min_count, (long long)ro->min_count);
    ro->title = cl->title;
    /* Reproducible output: SOURCE_DATE_EPOCH (reproducible-builds.org)
     * fixes the generation date. */
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    ro->generated = sde && *sde ? strtoll(sde, NULL, 10) : (int64_t)time(NULL);
    if (cl->no_suppress)
        ro->min_count = 1;
    if (raw_cmd && ro->min_count <= 1)
        fprintf(err, "\n!!! WARNING: SMALL-COUNT SUPPRESSION IS OFF. This %s output holds raw counts, including "
                     "1 to 9, that can identify visitors at a small kiosk.\n!!! Use it only as the campaign's "
                     "internal working data: do not publish it, share it or import it into a shared DHIS2.\n\n",
                cl->cmd);
    return 0;
}

/* ---- the verbs ---- */

/* Each returns the exit code: 0 fine, 1 refused or failed, 2 usage. */

static int verb_keygen(Cli *cl)
{
    const char *pp = cl->pubp ? cl->pubp : "campaign.pub", *kp = cl->keyp ? cl->keyp : "campaign.key";
    Err e = report_keygen(pp, kp);
    if (e == ERR_INVALID) {
        fprintf(cl->err, "keygen: %s or %s exists; not overwriting a key\n", pp, kp);
        return 1;
    }
    if (e) {
        fprintf(cl->err, "keygen: %s\n", err_str(e));
        return 1;
    }
    fprintf(cl->out, "Wrote %s (copy it to each kiosk's data folder as campaign.pub)\nand %s (secret: keep it "
                     "off the sticks; give it to merge with --key).\n", pp, kp);
    return 0;
}

static int verb_merge(Cli *cl)
{
    unsigned char sk[crypto_box_SECRETKEYBYTES];
    int have = 0, rc = 0;
    if (cl->keyp) {
        Err ke = export_read_hex_key(cl->keyp, sk, sizeof sk);
        if (ke) {
            fprintf(cl->err, "merge: cannot read the campaign key %s: %s\n", cl->keyp, err_str(ke));
            return 1;
        }
        have = 1;
    }
    MergeTee tee;
    FILE *teef = merge_tee_open(&tee, cl->out, cl->err, (const char *const *)cl->paths, cl->npaths);
    MergeOptions mo = {.campaign_sk = have ? sk : NULL, .out = teef ? teef : cl->out,
                       .enrolled_only = cl->enrolled_only};
    MergeSummary sum = {0};
    for (int i = 0; i < cl->npaths && rc == 0; i++)
        if (report_merge_path(cl->db, cl->paths[i], &mo, &sum) != ERR_OK)
            rc = 1;
    if (teef) {
        fclose(teef);
        report_progress_done(&tee.prog);
    }
    sodium_memzero(sk, sizeof sk);
    fprintf(cl->out, "merge: %d taken, %d already merged, %d refused, %d incomplete ignored, %d quarantined\n",
            sum.taken, sum.already, sum.refused, sum.incomplete, sum.quarantined);
    Err ge = report_print_gaps(cl->db, cl->out);
    if (ge)
        fprintf(cl->err, "merge: cannot list the gaps: %s\n", err_str(ge));
    return rc || ge || sum.refused || sum.quarantined ? 1 : 0;
}

static int verb_html(Cli *cl)
{
    if (!cl->outp) {
        fprintf(cl->err, "html: -o FILE is required\n");
        return 2;
    }
    Err he = report_write_html(cl->db, &cl->ro, cl->o);
    if (he && cl->ro.groups && (he == ERR_FORMAT || he == ERR_NOTFOUND || he == ERR_IO))
        fprintf(cl->err, "html: cannot use the groups file %s (%s): want one KIOSK_ID,GROUP NAME per line\n",
                cl->ro.groups, err_str(he));
    return he ? 1 : 0;
}

static int verb_csv(Cli *cl)
{
    ReportHidden hid;
    ReportOptions *ro = &cl->ro;
    if (!cl->period_given)
        ro->period = REPORT_PERIOD_WEEK; /* a stable default for scripts; --period auto chooses */
    if (report_write_csv_ex(cl->db, ro, cl->o, &hid) != ERR_OK)
        return 1;
    if (hid.cells == 0)
        return 0;
    int64_t hidden = hid.primary + hid.complement;
    fprintf(cl->err, "csv: by %s; %lld of %lld values hidden (%.0f%%): %lld below %lld, %lld to prevent "
                     "subtraction.%s\n",
            hid.period == REPORT_PERIOD_DAY ? "day" : hid.period == REPORT_PERIOD_WEEK ? "week" : "month",
            (long long)hidden, (long long)hid.cells, 100.0 * (double)hidden / (double)hid.cells,
            (long long)hid.primary, (long long)ro->min_count, (long long)hid.complement,
            hidden * 4 > hid.cells && hid.period != REPORT_PERIOD_MONTH ? " Many are hidden: --period month keeps more."
                                                                         : "");
    return 0;
}

/* With or without a database (cl->db may be NULL). */
static int verb_codebook(Cli *cl)
{
    return report_write_codebook(cl->db, &cl->ro, cl->o) == ERR_OK ? 0 : 1;
}

static int verb_dhis2(Cli *cl)
{
    if (!cl->mapp) {
        fprintf(cl->err, "dhis2: --map FILE is required\n");
        return 2;
    }
    return report_write_dhis2(cl->db, cl->mapp, &cl->ro, cl->o, cl->err) == ERR_OK ? 0 : 1;
}

static int verb_dhis2_metadata(Cli *cl)
{
    if (!cl->mapp) {
        fprintf(cl->err, "taama-report dhis2-metadata: --map FILE is required\n");
        return 2;
    }
    return report_write_dhis2_metadata(cl->mapp, cl->o, cl->err) == ERR_OK ? 0 : 1;
}

static int verb_gaps(Cli *cl)
{
    return report_print_gaps(cl->db, cl->out) == ERR_OK ? 0 : 1;
}

static int verb_forget(Cli *cl)
{
    int64_t removed = 0;
    const char *k = cl->paths[0];
    Err fe = report_forget_kiosk(cl->db, k, &removed);
    if (fe)
        fprintf(cl->err, "forget: %s: %s\n", k, err_str(fe));
    else
        fprintf(cl->out, "forget: %s: removed (%lld counters, its exports, key and quarantined exports); its next "
                         "export starts afresh\n", k, (long long)removed);
    return fe ? 1 : 0;
}

/* enroll KIOSK_ID KEY and accept KIOSK_ID KEY_PREFIX: one kiosk. */
static int cli_enroll_one(Cli *cl)
{
    Err ee = report_enroll(cl->db, cl->paths[0], cl->paths[1], cl->labelp, cl->out);
    if (ee)
        fprintf(cl->err, "%s: %s: %s\n", cl->cmd, cl->paths[0],
                ee == ERR_NOTFOUND ? "no quarantined export of this kiosk has that key"
                : ee == ERR_INVALID ? "malformed kiosk id, key or label, or a key prefix that matches several keys"
                                    : err_str(ee));
    return ee ? 1 : 0;
}

static int verb_enroll(Cli *cl)
{
    if (cl->listp)
        return report_enroll_list(cl->db, cl->listp, cl->out, cl->err) == ERR_OK ? 0 : 1;
    return cli_enroll_one(cl);
}

static int verb_accept(Cli *cl)
{
    if (cl->listp) { /* a list is enroll's */
        usage(cl->err);
        return 2;
    }
    return cli_enroll_one(cl);
}

static int verb_reject(Cli *cl)
{
    int64_t removed = 0;
    const char *k = cl->paths[0];
    Err re = report_reject(cl->db, k, cl->paths[1], &removed);
    if (re)
        fprintf(cl->err, "reject: %s: %s\n", k,
                re == ERR_KEY        ? "that is the key the kiosk is counted under (use forget)"
                : re == ERR_NOTFOUND ? "no quarantined export of this kiosk has that key"
                                     : err_str(re));
    else
        fprintf(cl->out, "reject: %s: %lld quarantined export(s) dropped\n", k, (long long)removed);
    return re ? 1 : 0;
}

static int verb_quarantine(Cli *cl)
{
    return report_print_quarantine(cl->db, cl->out, NULL) == ERR_OK ? 0 : 1;
}

/* How a verb uses the campaign database. */
typedef enum {
    DB_NONE,     /* never (keygen, dhis2-metadata) */
    DB_OPTIONAL, /* when --db is given (codebook) */
    DB_CREATE,   /* opened, created if missing (merge) */
    DB_EXISTING, /* opened; a missing file is refused, never created */
} DbUse;

/* The words a verb takes after the options. */
enum { WORDS_SOME = -1, /* one or more paths */
       WORDS_ENROLL = -2 /* none with --list, else two */ };

/* One row per command of report_cmds (looked up by name). */
typedef struct {
    const char *name;
    int (*run)(Cli *cl);
    DbUse db;
    int words;   /* how many words after the options, or WORDS_* */
    int content; /* reads the kiosk content (module titles, contact names) */
    int to_file; /* writes to -o FILE when given (otherwise standard output) */
} Verb;

static const Verb verbs[] = {
    {"merge", verb_merge, DB_CREATE, WORDS_SOME, 0, 0},
    {"html", verb_html, DB_EXISTING, 0, 1, 1},
    {"csv", verb_csv, DB_EXISTING, 0, 1, 1},
    {"codebook", verb_codebook, DB_OPTIONAL, 0, 1, 1},
    {"dhis2", verb_dhis2, DB_EXISTING, 0, 0, 1},
    {"dhis2-metadata", verb_dhis2_metadata, DB_NONE, 0, 0, 1},
    {"gaps", verb_gaps, DB_EXISTING, 0, 0, 1},
    {"forget", verb_forget, DB_EXISTING, 1, 0, 1},
    {"enroll", verb_enroll, DB_EXISTING, WORDS_ENROLL, 0, 1},
    {"accept", verb_accept, DB_EXISTING, 2, 0, 1},
    {"reject", verb_reject, DB_EXISTING, 2, 0, 1},
    {"quarantine", verb_quarantine, DB_EXISTING, 0, 0, 1},
    {"keygen", verb_keygen, DB_NONE, 0, 0, 0},
};

static const Verb *cli_verb(const char *name)
{
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
        if (strcmp(verbs[i].name, name) == 0)
            return &verbs[i];
    return NULL;
}

/* ---- running a verb ---- */

/* --db given when needed, and the right number of words. 0, or 2. */
static int cli_check_words(const Cli *cl, const Verb *v, int no_db)
{
    if (!cl->dbp && !no_db) {
        fprintf(cl->err, "taama-report %s: --db is required\n", cl->cmd);
        usage(cl->err);
        return 2;
    }
    int want = v->words == WORDS_ENROLL ? (cl->listp ? 0 : 2) : v->words;
    if ((want < 0 && cl->npaths > 0) || (want >= 0 && cl->npaths == want))
        return 0;
    fprintf(cl->err, "taama-report %s: %s\n", cl->cmd,
            want < 0      ? "give at least one PATH to merge"
            : cl->npaths  ? "unexpected words after the options"
                          : "give the KIOSK_ID");
    args_print_usage(cl->err, "taama-report", report_cmds, REPORT_NCMDS, cl->c);
    return 2;
}

/* The kiosk content names modules and help contacts: --content, or the
 * installed content if found (none is fine). 1 when --content fails. */
static int cli_load_content(Cli *cl)
{
    char guess[PATH_MAX];
    const char *cp = cl->contentp;
    if (!cp && report_find_content(guess, sizeof guess) == 0)
        cp = guess;
    Err ce = ERR_OK;
    if (cp && !(cl->content = content_load(cp, &ce)) && cl->contentp) {
        fprintf(cl->err, "taama-report %s: cannot read the content %s: %s\n", cl->cmd, cl->contentp, err_str(ce));
        return 1;
    }
    cl->ro.content = cl->content;
    return 0;
}

/* Run v with cl->o set to -o FILE (or out), then close it; a failed close
 * fails a command that had succeeded. named: the messages name the
 * command (the commands without a database). */
static int cli_run_to_file(Cli *cl, const Verb *v, int named)
{
    const char *cmd = named ? cl->cmd : NULL;
    cl->o = cl->outp && v->to_file ? fopen(cl->outp, "wb") : cl->out;
    if (!cl->o) {
        fprintf(cl->err, "taama-report%s%s: cannot write %s\n", cmd ? " " : "", cmd ? cmd : "", cl->outp);
        return 1;
    }
    int rc = v->run(cl);
    if (cl->o != cl->out && fclose(cl->o) != 0 && rc == 0) {
        fprintf(cl->err, "taama-report%s%s: writing %s failed\n", cmd ? " " : "", cmd ? cmd : "", cl->outp);
        rc = 1;
    }
    return rc;
}

/* Everything after the options are settled: the checks, the content,
 * the database, the output file, then the verb. */
static int cli_run(Cli *cl, const Verb *v)
{
    if (v->db == DB_NONE && v->to_file == 0)
        return v->run(cl); /* keygen: writes its own files */
    int no_db = v->db == DB_NONE || (v->db == DB_OPTIONAL && !cl->dbp);
    int rc = cli_check_words(cl, v, no_db);
    if (rc)
        return rc;
    /* only merge makes a campaign database; the others read (or, forget,
     * edit) one that exists, so a mistyped --db never leaves a new file */
    struct stat dst;
    if (!no_db && v->db != DB_CREATE && stat(cl->dbp, &dst) != 0) {
        fprintf(cl->err, "taama-report %s: no campaign database at %s (merge exports into one first)\n", cl->cmd,
                cl->dbp);
        return 1;
    }
    if (v->content && cli_load_content(cl))
        return 1;
    if (no_db) {
        rc = cli_run_to_file(cl, v, 1);
    } else {
        Err why = ERR_OK;
        cl->db = report_open(cl->dbp, &why);
        if (!cl->db) {
            fprintf(cl->err, "taama-report: cannot open %s: %s\n", cl->dbp, err_str(why));
            rc = 1;
        } else {
            rc = cli_run_to_file(cl, v, 0);
            report_close(cl->db);
        }
    }
    content_free(cl->content);
    return rc;
}

int report_cli_main(int argc, char **argv, FILE *out, FILE *err)
{
    const ArgsCommand *c = argc > 1 ? args_command_find(report_cmds, REPORT_NCMDS, argv[1]) : NULL;
    ArgsAsk ask = args_asked(argc, argv, 1, c);
    if (ask == ARGS_VERSION) {
        args_print_version(out, "taama-report");
        return 0;
    }
    if (ask == ARGS_HELP) {
        args_print_usage(out, "taama-report", report_cmds, REPORT_NCMDS, c);
        return 0;
    }
    const Verb *v = c ? cli_verb(c->name) : NULL;
    if (!v) {
        if (argc > 1)
            fprintf(err, "taama-report: unknown command '%s'\n", argv[1]);
        usage(err);
        return 2;
    }
    log_set_quiet(1);
    Cli cl = {.c = c, .cmd = argv[1], .out = out, .err = err,
              .ro = {.min_count = 10, .period = REPORT_PERIOD_AUTO, .progress = err}};
    int rc = cli_parse(&cl, argc, argv);
    if (!rc)
        rc = cli_settle(&cl);
    return rc ? rc : cli_run(&cl, v);
}
