/* outputs.c: campaign key generation and the `taama-report` command line
 * (the outputs themselves are in html.c, csv.c and dhis2.c). */
#define _GNU_SOURCE /* fopencookie: the merge progress line */
#include "report/report.h"

#include <ftw.h>

#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "content/content.h"
#include "core/fileio.h"
#include "core/log.h"
#include "export/export.h"
#include "i18n/i18n.h"
#include "report/rtext.h"

/* ---- keys ---- */

Err report_keygen(const char *pub_path, const char *sec_path)
{
    struct stat st;
    if (stat(pub_path, &st) == 0 || stat(sec_path, &st) == 0)
        return ERR_INVALID;
    if (sodium_init() < 0)
        return ERR_IO;
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    crypto_box_keypair(pk, sk);
    Err e = export_write_hex_key(sec_path, sk, sizeof sk, 0600);
    sodium_memzero(sk, sizeof sk);
    if (!e)
        e = export_write_hex_key(pub_path, pk, sizeof pk, 0644);
    return e;
}

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

int report_find_content(char *out, size_t sz)
{
    const char *root = getenv("TAAMA_ROOT");
    struct stat st;
    if (root && *root) {
        snprintf(out, sz, "%s/content", root);
        if (stat(out, &st) == 0 && S_ISDIR(st.st_mode))
            return 0;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return -1;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = '\0';
    /* build/taama-report -> content/; PREFIX/bin -> PREFIX/share/taama/content */
    static const char *const rel[] = {"/../content", "/../share/taama/content"};
    for (size_t i = 0; i < 2; i++) {
        snprintf(out, sz, "%.*s%s", (int)(sz - 32), exe, rel[i]);
        if (stat(out, &st) == 0 && S_ISDIR(st.st_mode))
            return 0;
    }
    return -1;
}

static void usage(FILE *err)
{
    fputs("usage:\n"
          "  taama-report merge PATH... --db campaign.sqlite [--key campaign.key]\n"
          "  taama-report html --db campaign.sqlite -o report.html [--min N] [--title TEXT]\n"
          "      [--period auto|day|week|month] [--groups KIOSK_GROUPS.csv]\n"
          "  taama-report csv --db campaign.sqlite [-o FILE] [--min N | --no-suppress]\n"
          "      [--period day|week|month|auto] [--sep ';']\n"
          "  taama-report codebook [--db campaign.sqlite] [-o FILE] [--sep ';']\n"
          "  taama-report dhis2 --db campaign.sqlite --map FILE [-o FILE] [--min N | --no-suppress]\n"
          "  taama-report dhis2-metadata --map FILE [-o metadata.json]\n"
          "  taama-report gaps --db campaign.sqlite\n"
          "  taama-report forget KIOSK_ID --db campaign.sqlite\n"
          "  taama-report keygen [--pub campaign.pub] [--key campaign.key]\n"
          "--min N: counts from 1 to N-1 are suppressed, with any count that would reveal one by\n"
          "  subtraction (default 10). csv and dhis2 also take --no-suppress: raw counts for the\n"
          "  campaign's internal working data only (a loud warning is printed). Below 10, a warning is\n"
          "  printed and written into the report.\n"
          "--lang en|fr|ar: the language of the report (html, codebook, the names in csv).\n"
          "--content DIR: the kiosk content, for module titles and help contact names (default: the\n"
          "  installed content). The generation date comes from SOURCE_DATE_EPOCH when it is set.\n",
          err);
}

int report_cli_main(int argc, char **argv, FILE *out, FILE *err)
{
    if (argc < 2) {
        usage(err);
        return 2;
    }
    log_set_quiet(1);
    const char *cmd = argv[1];
    const char *dbp = NULL, *keyp = NULL, *outp = NULL, *mapp = NULL, *pubp = NULL, *title = NULL;
    const char *lang = NULL, *contentp = NULL, *localedir = NULL;
    const char *paths[256];
    int npaths = 0;
    ReportOptions ro = {.min_count = 10, .period = REPORT_PERIOD_AUTO, .progress = err};
    int no_suppress = 0, period_given = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (strcmp(a, "--db") == 0 && more)
            dbp = argv[++i];
        else if (strcmp(a, "--key") == 0 && more)
            keyp = argv[++i];
        else if (strcmp(a, "--pub") == 0 && more)
            pubp = argv[++i];
        else if ((strcmp(a, "-o") == 0 || strcmp(a, "--out") == 0) && more)
            outp = argv[++i];
        else if (strcmp(a, "--map") == 0 && more)
            mapp = argv[++i];
        else if (strcmp(a, "--no-suppress") == 0)
            no_suppress = 1;
        else if (strcmp(a, "--title") == 0 && more)
            title = argv[++i];
        else if (strcmp(a, "--lang") == 0 && more)
            lang = argv[++i];
        else if (strcmp(a, "--content") == 0 && more)
            contentp = argv[++i];
        else if (strcmp(a, "--localedir") == 0 && more)
            localedir = argv[++i];
        else if (strcmp(a, "--groups") == 0 && more)
            ro.groups = argv[++i];
        else if (strcmp(a, "--sep") == 0 && more) {
            const char *v = argv[++i];
            if (strcmp(v, ",") != 0 && strcmp(v, ";") != 0) {
                fprintf(err, "taama-report: --sep takes ',' or ';'\n");
                return 2;
            }
            ro.sep = v[0];
        } else if (strcmp(a, "--period") == 0 && more) {
            const char *v = argv[++i];
            static const char *const names[4] = {"day", "week", "month", "auto"};
            int k = -1;
            for (int j = 0; j < 4; j++)
                if (strcmp(v, names[j]) == 0)
                    k = j;
            if (k < 0) {
                fprintf(err, "taama-report: --period takes auto, day, week or month\n");
                return 2;
            }
            ro.period = (ReportPeriod)k;
            period_given = 1;
        }
        else if (strcmp(a, "--min") == 0 && more) {
            char *end;
            long v = strtol(argv[++i], &end, 10);
            if (*end || v < 0) {
                usage(err);
                return 2;
            }
            ro.min_count = v;
        } else if (a[0] != '-' && npaths < 256)
            paths[npaths++] = a;
        else {
            fprintf(err, "taama-report: unknown option %s\n", a);
            usage(err);
            return 2;
        }
    }
    if (lang && !i18n_language(lang)) {
        fprintf(err, "taama-report: unknown language %s (en, fr, ar, ti, ha)\n", lang);
        return 2;
    }
    report_lang_set(lang ? lang : "en", localedir);
    if (strcmp(cmd, "html") == 0 && ro.min_count < 2) {
        fprintf(err, "taama-report: the HTML report is for publishing and always hides small counts: --min must "
                     "be 2 or more (10 is recommended). Use csv --no-suppress for internal working data.\n");
        return 2;
    }
    if (ro.min_count == 0)
        ro.min_count = 1;
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
    int raw_cmd = strcmp(cmd, "csv") == 0 || strcmp(cmd, "dhis2") == 0;
    if (no_suppress && !raw_cmd) {
        fprintf(err, "taama-report: --no-suppress is only for csv and dhis2 (internal working data); the HTML "
                     "report is for publishing and always protects small counts (--min N sets the threshold)\n");
        return 2;
    }
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
    Content *content = NULL;
    if (strcmp(cmd, "html") == 0 || strcmp(cmd, "csv") == 0 || strcmp(cmd, "codebook") == 0) {
        char guess[PATH_MAX];
        const char *cp = contentp;
        if (!cp && report_find_content(guess, sizeof guess) == 0)
            cp = guess;
        Err ce = ERR_OK;
        if (cp && !(content = content_load(cp, &ce)) && contentp) {
            fprintf(err, "taama-report: cannot read the content %s: %s\n", contentp, err_str(ce));
            return 1;
        }
        ro.content = content;
    }
    if (strcmp(cmd, "dhis2-metadata") == 0 || (strcmp(cmd, "codebook") == 0 && !dbp)) {
        FILE *mo = outp ? fopen(outp, "wb") : out;
        int mrc = 0;
        if (!mo) {
            fprintf(err, "taama-report: cannot write %s\n", outp);
            mrc = 1;
        } else if (strcmp(cmd, "codebook") == 0) {
            mrc = report_write_codebook(NULL, &ro, mo) == ERR_OK ? 0 : 1;
        } else if (!mapp) {
            fprintf(err, "dhis2-metadata: --map FILE is required\n");
            mrc = 2;
        } else {
            mrc = report_write_dhis2_metadata(mapp, mo, err) == ERR_OK ? 0 : 1;
        }
        if (mo && mo != out && fclose(mo) != 0 && mrc == 0)
            mrc = 1;
        content_free(content);
        return mrc;
    }
    if (!dbp) {
        content_free(content);
        fprintf(err, "taama-report %s: --db is required\n", cmd);
        usage(err);
        return 2;
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
                return 1;
            }
            have = 1;
        }
        if (npaths == 0) {
            usage(err);
            rc = 2;
        }
        MergeTee tee;
        FILE *teef = merge_tee_open(&tee, out, err, paths, npaths);
        MergeOptions mo = {.campaign_sk = have ? sk : NULL, .out = teef ? teef : out};
        MergeSummary sum = {0};
        for (int i = 0; i < npaths && rc == 0; i++)
            if (report_merge_path(db, paths[i], &mo, &sum) != ERR_OK)
                rc = 1;
        if (teef) {
            fclose(teef);
            report_progress_done(&tee.prog);
        }
        sodium_memzero(sk, sizeof sk);
        if (rc != 2) {
            fprintf(out, "merge: %d taken, %d already merged, %d refused, %d incomplete ignored\n", sum.taken,
                    sum.already, sum.refused, sum.incomplete);
            report_print_gaps(db, out);
            if (sum.refused)
                rc = 1;
        }
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
        Err fe = report_forget_kiosk(db, paths[0]);
        fprintf(out, fe ? "forget: %s: %s\n" : "forget: %s: key dropped; its next export registers a new one%s\n",
                paths[0], fe ? err_str(fe) : "");
        rc = fe ? 1 : 0;
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
