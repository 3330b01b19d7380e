/* outputs.c: the tidy CSV, the DHIS2 dataValueSets CSV, campaign key
 * generation, and the `taama-report` command line. */
#include "report/report.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <csv.h>
#include <sodium.h>

#include "core/fileio.h"
#include "core/log.h"
#include "export/export.h"

static int64_t min_of(const ReportOptions *opt)
{
    return opt && opt->min_count > 0 ? opt->min_count : (opt ? 1 : 10);
}

/* One CSV field, quoted by libcsv only when it must be; a leading = + - @
 * is prefixed with ' so spreadsheets do not run it as a formula. */
static void put_field(FILE *o, const char *s)
{
    char tmp[600];
    if (*s == '=' || *s == '+' || *s == '-' || *s == '@') {
        snprintf(tmp, sizeof tmp, "'%s", s);
        s = tmp;
    }
    if (strpbrk(s, ",\"\r\n"))
        csv_fwrite(o, s, strlen(s));
    else
        fputs(s, o);
}

Err report_write_csv(ReportDb *rdb, const ReportOptions *opt, FILE *o)
{
    sqlite3 *db = report_db_handle(rdb);
    int64_t min = min_of(opt);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT c.kiosk_id, k.label, c.epoch, c.day, c.metric, c.lang, c.module, c.item, c.value"
                           " FROM counters c JOIN kiosks k USING(kiosk_id)"
                           " ORDER BY c.day, c.kiosk_id, c.epoch, c.metric, c.lang, c.module, c.item",
                           -1, &st, NULL) != SQLITE_OK)
        return ERR_DB;
    fputs("\xEF\xBB\xBFkiosk_id,kiosk_label,epoch,day,metric,lang,module,item,value,suppressed\r\n", o);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int c = 0; c < 7; c++) {
            put_field(o, (const char *)sqlite3_column_text(st, c));
            fputc(',', o);
        }
        int item = sqlite3_column_int(st, 7);
        if (item >= 0)
            fprintf(o, "%d", item);
        int64_t v = sqlite3_column_int64(st, 8);
        int hide = min > 1 && v >= 1 && v < min;
        if (hide)
            fputs(",,1\r\n", o);
        else
            fprintf(o, ",%lld,0\r\n", (long long)v);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return ERR_DB;
    return ferror(o) ? ERR_IO : ERR_OK;
}

/* ---- DHIS2 ---- */

typedef struct {
    char kiosk[33]; /* or "*" */
    char orgunit[64];
} OrgMap;

typedef struct {
    char metric[32], lang[16], module[48], item[16]; /* "*" = any */
    char de[64], coc[64], aoc[64];
} ElemMap;

typedef struct {
    OrgMap org[1024];
    size_t norg;
    ElemMap el[1024];
    size_t nel;
    char period[16]; /* daily | weekly | monthly */
    char why[200];
    FILE *err;
} DhisMap;

static int map_cb(void *ctx, char **f, size_t n, size_t record)
{
    DhisMap *m = ctx;
    if (n == 0 || f[0][0] == '#' || (n == 1 && !f[0][0]))
        return 0;
    if (strcmp(f[0], "period") == 0 && n >= 2) {
        if (strcmp(f[1], "daily") && strcmp(f[1], "weekly") && strcmp(f[1], "monthly")) {
            snprintf(m->why, sizeof m->why, "map record %zu: period must be daily, weekly or monthly", record);
            return 1;
        }
        snprintf(m->period, sizeof m->period, "%s", f[1]);
        return 0;
    }
    if (strcmp(f[0], "orgunit") == 0 && n >= 3 && m->norg < 1024) {
        snprintf(m->org[m->norg].kiosk, sizeof m->org[0].kiosk, "%s", f[1]);
        snprintf(m->org[m->norg].orgunit, sizeof m->org[0].orgunit, "%s", f[2]);
        m->norg++;
        return 0;
    }
    if (strcmp(f[0], "element") == 0 && n >= 7 && m->nel < 1024) {
        ElemMap *e = &m->el[m->nel++];
        snprintf(e->metric, sizeof e->metric, "%s", f[1]);
        snprintf(e->lang, sizeof e->lang, "%s", f[2]);
        snprintf(e->module, sizeof e->module, "%s", f[3]);
        snprintf(e->item, sizeof e->item, "%s", f[4]);
        snprintf(e->de, sizeof e->de, "%s", f[5]);
        snprintf(e->coc, sizeof e->coc, "%s", f[6]);
        snprintf(e->aoc, sizeof e->aoc, "%s", n >= 8 ? f[7] : "");
        return 0;
    }
    snprintf(m->why, sizeof m->why, "map record %zu: unknown or incomplete (\"%s\")", record, f[0]);
    return 1;
}

static int match(const char *pat, const char *v)
{
    return strcmp(pat, "*") == 0 || strcmp(pat, v) == 0;
}

/* DHIS2 period of a day "YYYY-MM-DD": 20240305, 2024W10 (ISO week), 202403. */
static void period_of(const char *kind, const char *day, char *out, size_t sz)
{
    int y = atoi(day), mo = atoi(day + 5), d = atoi(day + 8);
    if (strcmp(kind, "daily") == 0) {
        snprintf(out, sz, "%04d%02d%02d", y, mo, d);
    } else if (strcmp(kind, "weekly") == 0) {
        /* ISO 8601 week and week-year from the C library (%G, %V). */
        struct tm t = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = 12};
        time_t tt = timegm(&t);
        struct tm n;
        char gy[8] = "0", wk[4] = "0";
        if (gmtime_r(&tt, &n)) {
            strftime(gy, sizeof gy, "%G", &n);
            strftime(wk, sizeof wk, "%V", &n);
        }
        snprintf(out, sz, "%sW%d", gy, atoi(wk));
    } else {
        snprintf(out, sz, "%04d%02d", y, mo);
    }
}

Err report_write_dhis2(ReportDb *rdb, const char *map_path, const ReportOptions *opt, FILE *o, FILE *err)
{
    sqlite3 *db = report_db_handle(rdb);
    int64_t min = min_of(opt);
    char *buf = NULL;
    size_t len = 0;
    Err e = fileio_read_all(map_path, 1 << 20, &buf, &len);
    if (e) {
        fprintf(err, "dhis2: cannot read map %s: %s\n", map_path, err_str(e));
        return e;
    }
    DhisMap *m = calloc(1, sizeof *m);
    if (!m) {
        free(buf);
        return ERR_NOMEM;
    }
    snprintf(m->period, sizeof m->period, "monthly");
    char why[200];
    e = report_csv_parse(buf, len, map_cb, m, why, sizeof why);
    free(buf);
    if (e) {
        fprintf(err, "dhis2: %s\n", m->why[0] ? m->why : why);
        free(m);
        return ERR_FORMAT;
    }
    /* Sum matching counters into (dataelement, period, orgunit, coc, aoc)
     * in a temporary table; SQLite does the grouping. */
    sqlite3_exec(db, "DROP TABLE IF EXISTS temp.dv;"
                     "CREATE TEMP TABLE dv(de TEXT, pe TEXT, ou TEXT, coc TEXT, aoc TEXT, value INTEGER,"
                     " PRIMARY KEY(de, pe, ou, coc, aoc))",
                 NULL, NULL, NULL);
    sqlite3_stmt *st = NULL, *ins = NULL;
    e = ERR_DB;
    if (sqlite3_prepare_v2(db, "SELECT kiosk_id, day, metric, lang, module, item, value FROM counters", -1, &st,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "INSERT INTO temp.dv VALUES(?1,?2,?3,?4,?5,?6) ON CONFLICT DO UPDATE SET"
                           " value = value + excluded.value",
                           -1, &ins, NULL) != SQLITE_OK)
        goto out;
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    int64_t unmapped_kiosk = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *kiosk = (const char *)sqlite3_column_text(st, 0);
        const char *ou = NULL;
        for (size_t i = 0; i < m->norg && !ou; i++)
            if (strcmp(m->org[i].kiosk, kiosk) == 0)
                ou = m->org[i].orgunit;
        for (size_t i = 0; i < m->norg && !ou; i++)
            if (strcmp(m->org[i].kiosk, "*") == 0)
                ou = m->org[i].orgunit;
        if (!ou) {
            unmapped_kiosk++;
            continue;
        }
        char item[16] = "";
        if (sqlite3_column_int(st, 5) >= 0)
            snprintf(item, sizeof item, "%d", sqlite3_column_int(st, 5));
        char pe[16];
        period_of(m->period, (const char *)sqlite3_column_text(st, 1), pe, sizeof pe);
        for (size_t i = 0; i < m->nel; i++) {
            const ElemMap *el = &m->el[i];
            if (!match(el->metric, (const char *)sqlite3_column_text(st, 2)) ||
                !match(el->lang, (const char *)sqlite3_column_text(st, 3)) ||
                !match(el->module, (const char *)sqlite3_column_text(st, 4)) || !match(el->item, item))
                continue;
            sqlite3_bind_text(ins, 1, el->de, -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 2, pe, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(ins, 3, ou, -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 4, el->coc, -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 5, el->aoc, -1, SQLITE_STATIC);
            sqlite3_bind_int64(ins, 6, sqlite3_column_int64(st, 6));
            sqlite3_step(ins);
            sqlite3_reset(ins);
        }
    }
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    sqlite3_finalize(st);
    st = NULL;
    if (unmapped_kiosk)
        fprintf(err, "dhis2: %lld counters from kiosks without an orgunit line were left out\n",
                (long long)unmapped_kiosk);
    if (sqlite3_prepare_v2(db, "SELECT de, pe, ou, coc, aoc, value FROM temp.dv ORDER BY pe, ou, de, coc, aoc", -1,
                           &st, NULL) != SQLITE_OK)
        goto out;
    fputs("dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup\r\n", o);
    int64_t hidden = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        int64_t v = sqlite3_column_int64(st, 5);
        if (min > 1 && v >= 1 && v < min) {
            hidden++;
            continue;
        }
        for (int c = 0; c < 5; c++) {
            put_field(o, (const char *)sqlite3_column_text(st, c));
            fputc(',', o);
        }
        fprintf(o, "%lld,taama-report,,,false\r\n", (long long)v);
    }
    if (hidden)
        fprintf(err, "dhis2: %lld values from 1 to %lld left out (small-count suppression; --min 0 keeps them)\n",
                (long long)hidden, (long long)min - 1);
    e = ferror(o) ? ERR_IO : ERR_OK;
out:
    sqlite3_finalize(st);
    sqlite3_finalize(ins);
    sqlite3_exec(db, "DROP TABLE IF EXISTS temp.dv", NULL, NULL, NULL);
    free(m);
    return e;
}

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

/* ---- command line ---- */

static void usage(FILE *err)
{
    fputs("usage:\n"
          "  taama-report merge PATH... --db campaign.sqlite [--key campaign.key]\n"
          "  taama-report html --db campaign.sqlite -o report.html [--min N] [--title TEXT]\n"
          "  taama-report csv --db campaign.sqlite [-o FILE] [--min N]\n"
          "  taama-report dhis2 --db campaign.sqlite --map FILE [-o FILE] [--min N]\n"
          "  taama-report gaps --db campaign.sqlite\n"
          "  taama-report forget KIOSK_ID --db campaign.sqlite\n"
          "  taama-report keygen [--pub campaign.pub] [--key campaign.key]\n"
          "--min N: counts from 1 to N-1 are suppressed (default 10; 0 turns it off)\n",
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
    const char *paths[256];
    int npaths = 0;
    ReportOptions ro = {.min_count = 10};
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
        else if (strcmp(a, "--title") == 0 && more)
            title = argv[++i];
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
    if (ro.min_count == 0)
        ro.min_count = 1;
    ro.title = title;

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
    if (!dbp) {
        fprintf(err, "taama-report %s: --db is required\n", cmd);
        usage(err);
        return 2;
    }
    Err why = ERR_OK;
    ReportDb *db = report_open(dbp, &why);
    if (!db) {
        fprintf(err, "taama-report: cannot open %s: %s\n", dbp, err_str(why));
        return 1;
    }
    int rc = 0;
    FILE *o = out;
    if (outp && strcmp(cmd, "merge") != 0) {
        o = fopen(outp, "wb");
        if (!o) {
            fprintf(err, "taama-report: cannot write %s\n", outp);
            report_close(db);
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
        MergeOptions mo = {.campaign_sk = have ? sk : NULL, .out = out};
        MergeSummary sum = {0};
        for (int i = 0; i < npaths && rc == 0; i++)
            if (report_merge_path(db, paths[i], &mo, &sum) != ERR_OK)
                rc = 1;
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
        } else if (report_write_html(db, &ro, o) != ERR_OK) {
            rc = 1;
        }
    } else if (strcmp(cmd, "csv") == 0) {
        rc = report_write_csv(db, &ro, o) == ERR_OK ? 0 : 1;
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
    return rc;
}
