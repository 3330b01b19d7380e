/* bench_export.c: USB export and campaign reporting at scale.
 *
 *  1. Export a busy kiosk's year (every step: read, CSV, SHA-256, sign,
 *     write + fsync + rename + folder fsync, drop caches, re-read, verify),
 *     against the floor `sqlite3 -csv` dumping the same rows from the same
 *     database to a file, measured in the same run (target: >= 0.8 of its
 *     speed).
 *  2. Merge exports from 500 kiosks into one campaign database.
 *  3. Write the HTML and CSV reports from it.
 *  5. Parsing a manifest that lists N files (a signed export or pack is
 *     parsed before its signature is checked) against json-c parsing the
 *     same text, at 2,000 and 32,000 files (duplicate paths were found by
 *     a scan per file).
 *  4. Merge cost per distinct name: an export whose N rows carry N
 *     different module names, against the floor of N rows under one name
 *     (N days), at two sizes: a lookup that scanned the names would make
 *     the ratio grow with N (it was 4096 hash slots, then a scan).
 * Merge and reports are compared with floors from the same run: the
 * sqlite3 shell importing the same counters as CSV into a plain table, and
 * dumping them as CSV. Prints Markdown. The kiosk count is the first
 * argument (or BENCH_KIOSKS), 500 by default. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "core/log.h"
#include "export/export.h"
#include "manifest/manifest.h"
#include "report/report.h"
#include "stats/stats.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int32_t utc0(void *ctx, int64_t t)
{
    (void)ctx;
    (void)t;
    return 0;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    return v[n / 2];
}

static const char *const langs[] = {"ar", "fr", "en", "ti", "ff", "bm"};
static const char *const mods[] = {"rights", "smuggling", "trafficking", "health", "money", "documents",
                                   "children", "women", "return", "help"};

/* Record `days` days of use with aggregated events (count > 1), `scale`
 * sessions-ish per hour. */
static void fill(Stats *s, int days, int scale, unsigned seed)
{
    for (int d = 0; d < days; d++) {
        int64_t t0 = 1704067200 + (int64_t)d * 86400;
        for (int h = 8; h < 20; h++) {
            StatEvent e = {.kind = STAT_SESSION_START, .count = scale + (int)((seed + (unsigned)h) % 5)};
            stats_record(s, &e, t0 + h * 3600);
        }
        for (int l = 0; l < 6; l++) {
            StatEvent e = {.kind = STAT_LANGUAGE_CHOSEN, .count = scale * (6 - l)};
            snprintf(e.lang, sizeof e.lang, "%s", langs[l]);
            stats_record(s, &e, t0 + 43200);
            StatEvent hs = {.kind = STAT_HELP_SHOWN, .count = 1 + l};
            snprintf(hs.lang, sizeof hs.lang, "%s", langs[l]);
            stats_record(s, &hs, t0 + 43200);
            for (int m = 0; m < 10; m++) {
                StatEvent o = {.kind = STAT_MODULE_OPENED, .count = scale + m};
                snprintf(o.lang, sizeof o.lang, "%s", langs[l]);
                snprintf(o.module, sizeof o.module, "%s", mods[m]);
                stats_record(s, &o, t0 + 43200);
                o.kind = STAT_MODULE_COMPLETED;
                stats_record(s, &o, t0 + 43200);
                for (int q = 0; q < 2; q++) {
                    StatEvent a = o;
                    a.kind = STAT_QUIZ_ANSWER;
                    a.n = q;
                    a.ok = 1;
                    stats_record(s, &a, t0 + 43200);
                    a.ok = 0;
                    stats_record(s, &a, t0 + 43200);
                }
            }
        }
        for (int b = 0; b < 4; b++) {
            StatEvent e = {.kind = STAT_SESSION_END, .n = b * 200 + 10, .count = scale};
            stats_record(s, &e, t0 + 50000);
        }
        StatEvent q = {.kind = STAT_QUICK_EXIT, .count = 2};
        stats_record(s, &q, t0 + 50000);
        StatEvent to = {.kind = STAT_TIMEOUT, .count = scale};
        stats_record(s, &to, t0 + 50000);
        if (d % 30 == 29)
            stats_flush(s, 60000);
    }
    stats_flush(s, 60000);
}

static Stats *open_at(const char *dir, const char *machine)
{
    mkdir(dir, 0700);
    StatsOptions o = {.machine_id = machine, .utc_offset = utc0, .batch_ms = 1, .queue_cap = 1 << 17};
    Err why;
    return stats_open_opts(dir, &o, &why);
}

/* Seconds to parse a manifest listing n files with manifest_parse()
 * (*floor: json-c alone on the same bytes), medians of 3; -1 on failure. */
static double parse_files(int n, double *floor)
{
    size_t cap = 256 + (size_t)n * 200;
    char *j = malloc(cap);
    if (!j)
        return -1;
    size_t len = (size_t)snprintf(j, cap, "{\"files\":[");
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(j + len, cap - len,
                                "%s{\"path\":\"content/f%06d.txt\",\"sha256\":\"%064d\",\"size\":%d}",
                                i ? "," : "", (int)(((long long)i * 7919) % n), 0, i);
    len += (size_t)snprintf(j + len, cap - len, "],\"format\":\"" MANIFEST_FORMAT "\",\"meta\":{}}\n");
    double t[3], f[3];
    for (int r = 0; r < 3; r++) {
        double t0 = now_s();
        json_object *o = json_tokener_parse(j);
        f[r] = now_s() - t0;
        json_object_put(o);
        Err e;
        t0 = now_s();
        Manifest *m = manifest_parse(j, len, &e);
        t[r] = now_s() - t0;
        if (!m || !o) {
            free(j);
            return -1;
        }
        manifest_free(m);
    }
    free(j);
    *floor = median(f, 3);
    return median(t, 3);
}

/* One kiosk's export of n rows (n module names on one day, or one metric
 * on n days) merged into a fresh database: the merge's seconds, or -1. */
static double merge_names(const char *root, const char *tag, int n, int distinct)
{
    char kd[PATH_MAX], stick[PATH_MAX + 16], p[PATH_MAX + 16];
    snprintf(kd, sizeof kd, "%s/names-%s-%d", root, tag, n);
    snprintf(stick, sizeof stick, "%s/stick", kd);
    Stats *s = open_at(kd, tag);
    if (!s)
        return -1;
    mkdir(stick, 0755);
    for (int i = 0; i < n; i++) {
        StatEvent e = {.kind = distinct ? STAT_MODULE_OPENED : STAT_SESSION_START, .count = 1 + i % 7};
        if (distinct) {
            snprintf(e.lang, sizeof e.lang, "ar");
            snprintf(e.module, sizeof e.module, "module-%d", i);
        }
        stats_record(s, &e, 1704067200 + (distinct ? 0 : (int64_t)i * 86400));
        if (i % 4096 == 4095)
            stats_flush(s, 60000);
    }
    stats_flush(s, 60000);
    ExportRequest req = {.data_dir = kd, .dest = stick, .now = 1735689600};
    ExportResult res;
    Err e = export_run(s, &req, &res);
    stats_close(s);
    if (e)
        return -1;
    snprintf(p, sizeof p, "%s/c.sqlite", kd);
    Err why;
    ReportDb *db = report_open(p, &why);
    if (!db)
        return -1;
    MergeOptions mo = {0};
    MergeSummary sum = {0};
    double t0 = now_s();
    e = report_merge_path(db, stick, &mo, &sum);
    double t = now_s() - t0;
    report_close(db);
    return e == ERR_OK && sum.taken == 1 ? t : -1;
}

int main(int argc, char **argv)
{
    log_set_quiet(1);
    int nk = argc > 1 ? atoi(argv[1]) : getenv("BENCH_KIOSKS") ? atoi(getenv("BENCH_KIOSKS")) : 500;
    if (nk < 1)
        nk = 1;
    char root[] = "/tmp/taama-bench-export-XXXXXX";
    if (!mkdtemp(root))
        return 1;
    char dir[PATH_MAX], stick[PATH_MAX], cmd[3 * PATH_MAX];
    snprintf(dir, sizeof dir, "%s/busy", root);
    snprintf(stick, sizeof stick, "%s/stick", root);
    mkdir(stick, 0755);

    /* 1. A busy kiosk's year. */
    Stats *s = open_at(dir, "bench-busy");
    if (!s)
        return 1;
    fill(s, 365, 20, 1);
    ExportRequest req = {.data_dir = dir, .dest = stick, .now = 1735689600};
    ExportResult res;
    double te[5], tf[5];
    long long rows = 0;
    for (int i = 0; i < 5; i++) {
        /* Floor: the sqlite3 shell dumping the same rows, same order. */
        snprintf(cmd, sizeof cmd,
                 "sqlite3 -csv '%s/stats.sqlite' \"SELECT date(c.day*86400,'unixepoch'), m.name,"
                 " COALESCE(l.name,''), COALESCE(d.name,''), hex(c.items) FROM counters c"
                 " JOIN names m ON m.id=c.metric LEFT JOIN names l ON l.id=c.lang"
                 " LEFT JOIN names d ON d.id=c.module ORDER BY c.day, 2, 3, 4\" > '%s/floor.csv'",
                 dir, root);
        double t0 = now_s();
        if (system(cmd) != 0)
            return 1;
        tf[i] = now_s() - t0;
        t0 = now_s();
        if (export_run(s, &req, &res) != ERR_OK) {
            fprintf(stderr, "export failed: %s\n", res.message);
            return 1;
        }
        te[i] = now_s() - t0;
        rows = res.rows;
    }
    char p[PATH_MAX + 32];
    snprintf(p, sizeof p, "%s/counters.csv", res.folder);
    struct stat st;
    long long bytes = stat(p, &st) == 0 ? (long long)st.st_size : 0;
    snprintf(p, sizeof p, "%s/floor.csv", root);
    long long floor_rows = 0;
    FILE *ff = fopen(p, "r");
    for (int ch; ff && (ch = fgetc(ff)) != EOF;)
        floor_rows += ch == '\n';
    if (ff)
        fclose(ff);
    stats_close(s);
    double me = median(te, 5), mf = median(tf, 5);
    printf("| step | rows | time (median of 5) | rows/s | vs floor |\n|---|---|---|---|---|\n");
    /* The store packs a row's items into one BLOB (stats schema 3): the
     * shell dumps the same counters as fewer rows, items in hex. */
    printf("| floor: `sqlite3 -csv` same counters (%lld packed rows, items as hex) | %lld | %.1f ms | %.0f | 1.00 |\n",
           floor_rows, rows, mf * 1e3, (double)rows / mf);
    printf("| export a busy year (%lld bytes, signed, fsynced, re-read, verified) | %lld | %.1f ms | %.0f | %.2f |\n",
           bytes, rows, me * 1e3, (double)rows / me, mf / me);

    /* 2. Exports from many kiosks, merged. Each kiosk: 90 days of use. */
    double tgen0 = now_s();
    for (int k = 0; k < nk; k++) {
        char kd[PATH_MAX], mid[32];
        snprintf(kd, sizeof kd, "%s/k%03d", root, k);
        snprintf(mid, sizeof mid, "bench-kiosk-%d", k);
        Stats *ks = open_at(kd, mid);
        if (!ks)
            return 1;
        fill(ks, 90, 1 + k % 7, (unsigned)k);
        ExportRequest kr = {.data_dir = kd, .dest = stick, .now = 1735689600};
        if (export_run(ks, &kr, &res) != ERR_OK)
            return 1;
        stats_close(ks);
    }
    double tgen = now_s() - tgen0;
    snprintf(p, sizeof p, "%s/campaign.sqlite", root);
    Err why;
    ReportDb *db = report_open(p, &why);
    if (!db)
        return 1;
    FILE *devnull = fopen("/dev/null", "w");
    MergeOptions mo = {.out = devnull};
    MergeSummary sum = {0};
    double t0 = now_s();
    Err mrg = report_merge_path(db, stick, &mo, &sum);
    double tm = now_s() - t0;
    MergeSummary sum2 = {0};
    t0 = now_s();
    if (!mrg)
        mrg = report_merge_path(db, stick, &mo, &sum2);
    double tm2 = now_s() - t0;
    if (mrg) {
        fprintf(stderr, "bench_export: merge failed: %s\n", err_str(mrg));
        return 1;
    }

    /* 3. Reports. */
    ReportOptions ro = {.min_count = 10};
    snprintf(p, sizeof p, "%s/report.html", root);
    FILE *o = fopen(p, "w");
    t0 = now_s();
    Err re = report_write_html(db, &ro, o);
    double th = now_s() - t0;
    fclose(o);
    long long hbytes = stat(p, &st) == 0 ? (long long)st.st_size : 0;
    snprintf(p, sizeof p, "%s/report.csv", root);
    o = fopen(p, "w");
    t0 = now_s();
    if (!re)
        re = report_write_csv(db, &ro, o);
    double tc = now_s() - t0;
    fclose(o);
    report_close(db);
    if (re) {
        fprintf(stderr, "bench_export: a report failed: %s\n", err_str(re));
        return 1;
    }

    /* Floors, same rows, same run: the sqlite3 shell dumping every counter
     * (text columns, through the `counters` view) as CSV, and importing
     * that CSV into a plain table of a new database (no key, no checks). */
    snprintf(cmd, sizeof cmd, "sqlite3 -csv '%s/campaign.sqlite' 'SELECT * FROM counters' > '%s/all.csv'", root, root);
    t0 = now_s();
    if (system(cmd) != 0)
        return 1;
    double tdump = now_s() - t0;
    long long all_rows = 0;
    snprintf(p, sizeof p, "%s/all.csv", root);
    ff = fopen(p, "r");
    for (int ch; ff && (ch = fgetc(ff)) != EOF;)
        all_rows += ch == '\n';
    if (ff)
        fclose(ff);
    snprintf(cmd, sizeof cmd,
             "sqlite3 '%s/floor.sqlite' 'CREATE TABLE t(kiosk_id, epoch, day, metric, lang, module, item, value)'"
             " '.import --csv %s/all.csv t'",
             root, root);
    t0 = now_s();
    if (system(cmd) != 0)
        return 1;
    double timp = now_s() - t0;
    printf("| floor: `sqlite3` `.import --csv` of all counters into a plain table | %lld | %.0f ms | %.0f | 1.00 |\n",
           all_rows, timp * 1e3, (double)all_rows / timp);
    printf("| merge %d kiosks' exports (+5 busy-year exports; %d taken, %d refused as older) | %lld | %.0f ms | %.0f | "
           "%.2f |\n",
           nk, sum.taken, sum.refused, all_rows, tm * 1e3, (double)all_rows / tm, timp / tm);
    printf("| merge the same again (all already merged: verify only) | - | %.0f ms | - | %.2f |\n", tm2 * 1e3,
           timp / tm2);
    printf("| floor: `sqlite3 -csv` dump of all counters | %lld | %.0f ms | %.0f | 1.00 |\n", all_rows, tdump * 1e3,
           (double)all_rows / tdump);
    printf("| tidy CSV (with complementary suppression) | %lld | %.0f ms | %.0f | %.2f |\n", all_rows, tc * 1e3,
           (double)all_rows / tc, tdump / tc);
    printf("| HTML report (%lld bytes) | - | %.0f ms | - | %.2f |\n", hbytes, th * 1e3, tdump / th);
    fclose(devnull);
    printf("\n(Making the %d kiosks' databases and exports took %.1f s; not part of the figures.)\n", nk, tgen);
    printf("Export target: >= 0.80 of the sqlite3 -csv floor: %s\n", mf / me >= 0.8 ? "met" : "NOT met");

    /* 4. Distinct names (medians of 3). */
    static const int sizes[2] = {2000, 32000};
    double ratio[2];
    printf("\n| merge one export of N rows | N | time (median of 3) | vs floor (same N, one name) |\n|---|---|---|---|\n");
    for (int i = 0; i < 2; i++) {
        double tn[3], tfl[3];
        for (int r = 0; r < 3; r++) {
            char tag[32];
            snprintf(tag, sizeof tag, "n%d", r);
            tn[r] = merge_names(root, tag, sizes[i], 1);
            snprintf(tag, sizeof tag, "f%d", r);
            tfl[r] = merge_names(root, tag, sizes[i], 0);
            if (tn[r] < 0 || tfl[r] < 0)
                return 1;
        }
        double mn = median(tn, 3), mfl = median(tfl, 3);
        ratio[i] = mn / mfl;
        printf("| floor: N days of one metric | %d | %.1f ms | 1.00 |\n", sizes[i], mfl * 1e3);
        printf("| N distinct module names | %d | %.1f ms | %.2f |\n", sizes[i], mn * 1e3, ratio[i]);
    }
    printf("Names target: the ratio at %d names within 2x of the ratio at %d (no quadratic lookup): %s (%.2f)\n",
           sizes[1], sizes[0], ratio[1] <= 2 * ratio[0] ? "met" : "NOT met", ratio[1] / ratio[0]);

    /* 5. Manifest parsing, against json-c parsing the same bytes. */
    double pr[2];
    printf("\n| parse a manifest listing N files | N | time (median of 3) | vs floor |\n|---|---|---|---|\n");
    for (int i = 0; i < 2; i++) {
        double pf = 0, tp = parse_files(sizes[i], &pf);
        if (tp < 0)
            return 1;
        pr[i] = tp / pf;
        printf("| floor: json-c parsing the same text | %d | %.1f ms | 1.00 |\n", sizes[i], pf * 1e3);
        printf("| manifest_parse (checks, duplicate paths, sorted) | %d | %.1f ms | %.2f |\n", sizes[i], tp * 1e3,
               pr[i]);
    }
    /* 16 times the files: a scan per file costs 16 times more per file;
     * sorting (n log n) and cache misses cost a little more. */
    printf("Manifest target: the ratio at %d files within 4x of the ratio at %d (a scan per file: about 16x): %s "
           "(%.2f)\n",
           sizes[1], sizes[0], pr[1] <= 4 * pr[0] ? "met" : "NOT met", pr[1] / pr[0]);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : 1;
}
