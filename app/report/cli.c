/* cli.c: the `taama-report` command line. Every subcommand is one row of
 * report_cmds[] (its usage line and --help text) and every option one row
 * of report_opts[] (getopt_long); report_cli_main() parses with them and
 * runs the command. The outputs are in html.c, csv.c and dhis2.c. */
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

/* Long options of every subcommand; the letters are getopt_long()'s return
 * values. A command that does not use an option ignores it or says so.
 * --localedir DIR (where the compiled catalogues are; tests) is not in the
 * help texts. */
enum { OPT_DB = 'd', OPT_KEY = 'k', OPT_PUB = 'p', OPT_OUT = 'o', OPT_MAP = 'm', OPT_NOSUP = 'n',
       OPT_TITLE = 't', OPT_MIN = 'N', OPT_ENROLLED = 'E', OPT_LIST = 'L', OPT_LABEL = 'b', OPT_LANG = 'l',
       OPT_CONTENT = 'c', OPT_LOCALEDIR = 'D', OPT_GROUPS = 'g', OPT_SEP = 's', OPT_PERIOD = 'P' };
static const struct option report_opts[] = {
    {"db", required_argument, NULL, OPT_DB},
    {"key", required_argument, NULL, OPT_KEY},
    {"pub", required_argument, NULL, OPT_PUB},
    {"out", required_argument, NULL, OPT_OUT},
    {"map", required_argument, NULL, OPT_MAP},
    {"no-suppress", no_argument, NULL, OPT_NOSUP},
    {"title", required_argument, NULL, OPT_TITLE},
    {"min", required_argument, NULL, OPT_MIN},
    {"enrolled-only", no_argument, NULL, OPT_ENROLLED},
    {"list", required_argument, NULL, OPT_LIST},
    {"label", required_argument, NULL, OPT_LABEL},
    {"lang", required_argument, NULL, OPT_LANG},
    {"content", required_argument, NULL, OPT_CONTENT},
    {"localedir", required_argument, NULL, OPT_LOCALEDIR},
    {"groups", required_argument, NULL, OPT_GROUPS},
    {"sep", required_argument, NULL, OPT_SEP},
    {"period", required_argument, NULL, OPT_PERIOD},
    {NULL, 0, NULL, 0},
};

static void usage(FILE *err)
{
    args_print_usage(err, "taama-report", report_cmds, REPORT_NCMDS, NULL);
}

/* Open -o FILE (or use out) for the outputs written without a database. */
static int run_no_db(const char *cmd, const char *outp, const char *mapp, const ReportOptions *ro, FILE *out,
                     FILE *err)
{
    FILE *mo = outp ? fopen(outp, "wb") : out;
    int mrc = 0;
    if (!mo) {
        fprintf(err, "taama-report %s: cannot write %s\n", cmd, outp);
        return 1;
    }
    if (strcmp(cmd, "codebook") == 0) {
        mrc = report_write_codebook(NULL, ro, mo) == ERR_OK ? 0 : 1;
    } else if (!mapp) {
        fprintf(err, "taama-report dhis2-metadata: --map FILE is required\n");
        mrc = 2;
    } else {
        mrc = report_write_dhis2_metadata(mapp, mo, err) == ERR_OK ? 0 : 1;
    }
    if (mo != out && fclose(mo) != 0 && mrc == 0) {
        fprintf(err, "taama-report %s: writing %s failed\n", cmd, outp);
        mrc = 1;
    }
    return mrc;
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
    if (!c) {
        if (argc > 1)
            fprintf(err, "taama-report: unknown command '%s'\n", argv[1]);
        usage(err);
        return 2;
    }
    log_set_quiet(1);
    const char *cmd = argv[1];
    const char *dbp = NULL, *keyp = NULL, *outp = NULL, *mapp = NULL, *pubp = NULL, *title = NULL;
    const char *listp = NULL, *labelp = NULL, *lang = NULL, *contentp = NULL, *localedir = NULL;
    int enrolled_only = 0;
    ReportOptions ro = {.min_count = 10, .period = REPORT_PERIOD_AUTO, .progress = err};
    int no_suppress = 0, period_given = 0;
    /* getopt_long() over the words after the command (argv[1] stands in
     * for the program name); it moves the paths after the options */
    int ac = argc - 1;
    char **av = argv + 1;
    optind = 0; /* glibc: start afresh, as tests call this more than once */
    opterr = 0;
    for (int o; (o = getopt_long(ac, av, ":o:", report_opts, NULL)) != -1;) {
        switch (o) {
        case OPT_DB: dbp = optarg; break;
        case OPT_KEY: keyp = optarg; break;
        case OPT_PUB: pubp = optarg; break;
        case OPT_OUT: outp = optarg; break;
        case OPT_MAP: mapp = optarg; break;
        case OPT_NOSUP: no_suppress = 1; break;
        case OPT_TITLE: title = optarg; break;
        case OPT_ENROLLED: enrolled_only = 1; break;
        case OPT_LIST: listp = optarg; break;
        case OPT_LABEL: labelp = optarg; break;
        case OPT_LANG: lang = optarg; break;
        case OPT_CONTENT: contentp = optarg; break;
        case OPT_LOCALEDIR: localedir = optarg; break;
        case OPT_GROUPS: ro.groups = optarg; break;
        case OPT_MIN: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (!*optarg || *end || v < 0) {
                fprintf(err, "taama-report %s: --min takes a whole number, not '%s'\n", cmd, optarg);
                return 2;
            }
            ro.min_count = v;
            break;
        }
        case OPT_SEP:
            if (strcmp(optarg, ",") != 0 && strcmp(optarg, ";") != 0) {
                fprintf(err, "taama-report %s: --sep takes ',' or ';', not '%s'\n", cmd, optarg);
                return 2;
            }
            ro.sep = optarg[0];
            break;
        case OPT_PERIOD: {
            static const char *const names[4] = {"day", "week", "month", "auto"};
            int k = -1;
            for (int j = 0; j < 4; j++)
                if (strcmp(optarg, names[j]) == 0)
                    k = j;
            if (k < 0) {
                fprintf(err, "taama-report %s: --period takes auto, day, week or month, not '%s'\n", cmd, optarg);
                return 2;
            }
            ro.period = (ReportPeriod)k;
            period_given = 1;
            break;
        }
        case ':':
            fprintf(err, "taama-report %s: %s needs a value\n", cmd, av[optind - 1]);
            return 2;
        default:
            fprintf(err, "taama-report %s: unknown option %s\n", cmd, av[optind - 1]);
            args_print_usage(err, "taama-report", report_cmds, REPORT_NCMDS, c);
            return 2;
        }
    }
    /* the words left are paths (merge) or a kiosk id (forget): no limit */
    char **paths = av + optind;
    int npaths = ac - optind;
    if (lang && !i18n_language(lang)) {
        fprintf(err, "taama-report %s: unknown language %s (en, fr, ar, ti, ha)\n", cmd, lang);
        return 2;
    }
    report_lang_set(lang ? lang : "en", localedir);
    if (strcmp(cmd, "html") == 0 && ro.min_count < 2) {
        fprintf(err, "taama-report html: the HTML report is for publishing and always hides small counts: --min "
                     "must be 2 or more (10 is recommended). Use csv --no-suppress for internal working data.\n");
        return 2;
    }
    if (ro.min_count == 0)
        ro.min_count = 1;
    int raw_cmd = strcmp(cmd, "csv") == 0 || strcmp(cmd, "dhis2") == 0;
    if (no_suppress && !raw_cmd) {
        fprintf(err, "taama-report: --no-suppress is only for csv and dhis2 (internal working data); the HTML "
                     "report is for publishing and always protects small counts (--min N sets the threshold)\n");
        return 2;
    }
    if (ro.min_count > 1 && ro.min_count < 10)
        fprintf(err, "\n!!! WARNING: --min %lld is below the recommended threshold of 10. Counts from %lld to 9 "
                     "will be shown,\n!!! and at a small kiosk they can identify visitors. The report says so "
                     "on its first page.\n\n",
                (long long)ro.min_count, (long long)ro.min_count);
    ro.title = title;
    /* Reproducible output: SOURCE_DATE_EPOCH (reproducible-builds.org)
     * fixes the generation date. */
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    ro.generated = sde && *sde ? strtoll(sde, NULL, 10) : (int64_t)time(NULL);
    if (no_suppress)
        ro.min_count = 1;
    if (raw_cmd && ro.min_count <= 1)
        fprintf(err, "\n!!! WARNING: SMALL-COUNT SUPPRESSION IS OFF. This %s output holds raw counts, including "
                     "1 to 9, that can identify visitors at a small kiosk.\n!!! Use it only as the campaign's "
                     "internal working data: do not publish it, share it or import it into a shared DHIS2.\n\n",
                cmd);

    if (strcmp(cmd, "keygen") == 0) {
        const char *pp = pubp ? pubp : "campaign.pub", *kp = keyp ? keyp : "campaign.key";
        Err e = report_keygen(pp, kp);
        if (e == ERR_INVALID) {
            fprintf(err, "keygen: %s or %s exists; not overwriting a key\n", pp, kp);
            return 1;
        }
        if (e) {
            fprintf(err, "keygen: %s\n", err_str(e));
            return 1;
        }
        fprintf(out, "Wrote %s (copy it to each kiosk's data folder as campaign.pub)\nand %s (secret: keep it "
                     "off the sticks; give it to merge with --key).\n", pp, kp);
        return 0;
    }
    int no_db = strcmp(cmd, "dhis2-metadata") == 0 || (strcmp(cmd, "codebook") == 0 && !dbp);
    if (!dbp && !no_db) {
        fprintf(err, "taama-report %s: --db is required\n", cmd);
        usage(err);
        return 2;
    }
    int want_paths = strcmp(cmd, "merge") == 0                                  ? -1
                     : strcmp(cmd, "forget") == 0                               ? 1
                     : strcmp(cmd, "enroll") == 0                               ? (listp ? 0 : 2)
                     : strcmp(cmd, "accept") == 0 || strcmp(cmd, "reject") == 0 ? 2
                                                                                : 0;
    if ((want_paths < 0 && npaths == 0) || (want_paths >= 0 && npaths != want_paths)) {
        fprintf(err, "taama-report %s: %s\n", cmd,
                want_paths < 0 ? "give at least one PATH to merge"
                : npaths       ? "unexpected words after the options"
                               : "give the KIOSK_ID");
        args_print_usage(err, "taama-report", report_cmds, REPORT_NCMDS, c);
        return 2;
    }
    /* only merge makes a campaign database; the others read (or, forget,
     * edit) one that exists, so a mistyped --db never leaves a new file */
    struct stat dst;
    if (!no_db && want_paths >= 0 && stat(dbp, &dst) != 0) {
        fprintf(err, "taama-report %s: no campaign database at %s (merge exports into one first)\n", cmd, dbp);
        return 1;
    }
    /* the kiosk content names modules and help contacts */
    Content *content = NULL;
    if (strcmp(cmd, "html") == 0 || strcmp(cmd, "csv") == 0 || strcmp(cmd, "codebook") == 0) {
        char guess[PATH_MAX];
        const char *cp = contentp;
        if (!cp && report_find_content(guess, sizeof guess) == 0)
            cp = guess;
        Err ce = ERR_OK;
        if (cp && !(content = content_load(cp, &ce)) && contentp) {
            fprintf(err, "taama-report %s: cannot read the content %s: %s\n", cmd, contentp, err_str(ce));
            return 1;
        }
        ro.content = content;
    }
    if (no_db) {
        int mrc = run_no_db(cmd, outp, mapp, &ro, out, err);
        content_free(content);
        return mrc;
    }
    Err why = ERR_OK;
    ReportDb *db = report_open(dbp, &why);
    if (!db) {
        fprintf(err, "taama-report: cannot open %s: %s\n", dbp, err_str(why));
        content_free(content);
        return 1;
    }
    int rc = 0;
    FILE *o = out;
    if (outp && strcmp(cmd, "merge") != 0) {
        o = fopen(outp, "wb");
        if (!o) {
            fprintf(err, "taama-report: cannot write %s\n", outp);
            report_close(db);
            content_free(content);
            return 1;
        }
    }
    if (strcmp(cmd, "merge") == 0) {
        unsigned char sk[crypto_box_SECRETKEYBYTES];
        int have = 0;
        if (keyp) {
            Err ke = export_read_hex_key(keyp, sk, sizeof sk);
            if (ke) {
                fprintf(err, "merge: cannot read the campaign key %s: %s\n", keyp, err_str(ke));
                report_close(db);
                content_free(content);
                return 1;
            }
            have = 1;
        }
        MergeTee tee;
        FILE *teef = merge_tee_open(&tee, out, err, (const char *const *)paths, npaths);
        MergeOptions mo = {.campaign_sk = have ? sk : NULL, .out = teef ? teef : out, .enrolled_only = enrolled_only};
        MergeSummary sum = {0};
        for (int i = 0; i < npaths && rc == 0; i++)
            if (report_merge_path(db, paths[i], &mo, &sum) != ERR_OK)
                rc = 1;
        if (teef) {
            fclose(teef);
            report_progress_done(&tee.prog);
        }
        sodium_memzero(sk, sizeof sk);
        fprintf(out, "merge: %d taken, %d already merged, %d refused, %d incomplete ignored, %d quarantined\n",
                sum.taken, sum.already, sum.refused, sum.incomplete, sum.quarantined);
        report_print_gaps(db, out);
        if (sum.refused || sum.quarantined)
            rc = 1;
    } else if (strcmp(cmd, "html") == 0) {
        if (!outp) {
            fprintf(err, "html: -o FILE is required\n");
            rc = 2;
        } else {
            Err he = report_write_html(db, &ro, o);
            if (he && ro.groups && (he == ERR_FORMAT || he == ERR_NOTFOUND || he == ERR_IO))
                fprintf(err, "html: cannot use the groups file %s (%s): want one KIOSK_ID,GROUP NAME per line\n",
                        ro.groups, err_str(he));
            rc = he ? 1 : 0;
        }
    } else if (strcmp(cmd, "csv") == 0) {
        ReportHidden hid;
        if (!period_given)
            ro.period = REPORT_PERIOD_WEEK; /* a stable default for scripts; --period auto chooses */
        rc = report_write_csv_ex(db, &ro, o, &hid) == ERR_OK ? 0 : 1;
        if (rc == 0 && hid.cells > 0)
            fprintf(err, "csv: by %s; %lld of %lld values hidden (%.0f%%): %lld below %lld, %lld to prevent "
                         "subtraction.%s\n",
                    hid.period == REPORT_PERIOD_DAY ? "day" : hid.period == REPORT_PERIOD_WEEK ? "week" : "month",
                    (long long)(hid.primary + hid.complement), (long long)hid.cells,
                    100.0 * (double)(hid.primary + hid.complement) / (double)hid.cells, (long long)hid.primary,
                    (long long)ro.min_count, (long long)hid.complement,
                    (hid.primary + hid.complement) * 4 > hid.cells && hid.period != REPORT_PERIOD_MONTH
                        ? " Many are hidden: --period month keeps more."
                        : "");
    } else if (strcmp(cmd, "codebook") == 0) {
        rc = report_write_codebook(db, &ro, o) == ERR_OK ? 0 : 1;
    } else if (strcmp(cmd, "dhis2") == 0) {
        if (!mapp) {
            fprintf(err, "dhis2: --map FILE is required\n");
            rc = 2;
        } else {
            rc = report_write_dhis2(db, mapp, &ro, o, err) == ERR_OK ? 0 : 1;
        }
    } else if (strcmp(cmd, "gaps") == 0) {
        rc = report_print_gaps(db, out) == ERR_OK ? 0 : 1;
    } else if (strcmp(cmd, "forget") == 0 && npaths == 1) {
        int64_t removed = 0;
        Err fe = report_forget_kiosk(db, paths[0], &removed);
        if (fe)
            fprintf(err, "forget: %s: %s\n", paths[0], err_str(fe));
        else
            fprintf(out, "forget: %s: removed (%lld counters, its exports, key and quarantined exports); its next "
                         "export starts afresh\n", paths[0], (long long)removed);
        rc = fe ? 1 : 0;
    } else if (strcmp(cmd, "enroll") == 0 && listp && npaths == 0) {
        rc = report_enroll_list(db, listp, out, err) == ERR_OK ? 0 : 1;
    } else if ((strcmp(cmd, "enroll") == 0 || strcmp(cmd, "accept") == 0) && npaths == 2 && !listp) {
        Err ee = report_enroll(db, paths[0], paths[1], labelp, out);
        if (ee)
            fprintf(err, "%s: %s: %s\n", cmd, paths[0],
                    ee == ERR_NOTFOUND ? "no quarantined export of this kiosk has that key"
                    : ee == ERR_INVALID ? "malformed kiosk id, key or label, or a key prefix that matches several keys"
                                        : err_str(ee));
        rc = ee ? 1 : 0;
    } else if (strcmp(cmd, "reject") == 0 && npaths == 2) {
        int64_t removed = 0;
        Err re = report_reject(db, paths[0], paths[1], &removed);
        if (re)
            fprintf(err, "reject: %s: %s\n", paths[0],
                    re == ERR_KEY ? "that is the key the kiosk is counted under (use forget)"
                    : re == ERR_NOTFOUND ? "no quarantined export of this kiosk has that key"
                                         : err_str(re));
        else
            fprintf(out, "reject: %s: %lld quarantined export(s) dropped\n", paths[0], (long long)removed);
        rc = re ? 1 : 0;
    } else if (strcmp(cmd, "quarantine") == 0 && npaths == 0) {
        rc = report_print_quarantine(db, out, NULL) == ERR_OK ? 0 : 1;
    } else {
        usage(err);
        rc = 2;
    }
    if (o != out && fclose(o) != 0 && rc == 0) {
        fprintf(err, "taama-report: writing %s failed\n", outp);
        rc = 1;
    }
    report_close(db);
    content_free(content);
    return rc;
}
