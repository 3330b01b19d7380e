/* bench_report_names.c: the reports' cost as the number of distinct names
 * (modules, languages) grows. A campaign database with N module names
 * (one kiosk, each name opened, completed and its help card shown on one
 * day) is written as CSV and HTML for N, 2N and 4N. Linear code takes about
 * twice as long for twice the names; the quadratic name handling this
 * replaced (insertion sort of names, a string compare of every module row
 * against every name) took four times. The floor, measured in the same
 * run, is reading every counter of the same database with one SELECT.
 * Prints Markdown. N is the first argument (or 2000). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "report/report.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static ReportDb *build(const char *path, int n)
{
    unlink(path);
    Err why;
    ReportDb *db = report_open(path, &why);
    if (!db)
        return NULL;
    sqlite3 *h = report_db_handle(db);
    sqlite3_exec(h,
                 "BEGIN; INSERT INTO names(id, name) VALUES(0, ''), (1, 'module_opened'), (2, 'module_completed'),"
                 " (3, 'end_card_shown'), (4, 'session_start'), (5, 'fr');"
                 "INSERT INTO kiosks(kid, kiosk_id, pubkey, label) VALUES(1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '', 'Bench');"
                 "INSERT INTO counts VALUES(4, 1, 1, 20240105, 0, 0, -1, 100000);",
                 NULL, NULL, NULL);
    sqlite3_stmt *nm = NULL, *ct = NULL;
    sqlite3_prepare_v2(h, "INSERT INTO names(id, name) VALUES(?1, ?2)", -1, &nm, NULL);
    sqlite3_prepare_v2(h, "INSERT INTO counts VALUES(?1, 1, 1, 20240105, 5, ?2, -1, ?3)", -1, &ct, NULL);
    for (int i = 0; i < n; i++) {
        char name[32];
        /* names in an order unrelated to their ids */
        snprintf(name, sizeof name, "module-%08u", (unsigned)((unsigned)i * 2654435761u));
        sqlite3_bind_int(nm, 1, 10 + i);
        sqlite3_bind_text(nm, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_step(nm);
        sqlite3_reset(nm);
        for (int m = 1; m <= 3; m++) {
            sqlite3_bind_int(ct, 1, m);
            sqlite3_bind_int(ct, 2, 10 + i);
            sqlite3_bind_int(ct, 3, 20 + (i % 50) + m);
            sqlite3_step(ct);
            sqlite3_reset(ct);
        }
    }
    sqlite3_finalize(nm);
    sqlite3_finalize(ct);
    if (report_db_sums_rebuild(h) != ERR_OK) {
        report_close(db); /* rolls the transaction back */
        return NULL;
    }
    sqlite3_exec(h, "COMMIT", NULL, NULL, NULL);
    report_close(db);
    return report_open(path, &why);
}

typedef struct {
    double floor, csv, html;
} Times;

static Times measure(int n)
{
    Times t = {0};
    char path[PATH_MAX];
    snprintf(path, sizeof path, "/tmp/bench-report-names-%d.sqlite", (int)getpid());
    ReportDb *db = build(path, n);
    if (!db)
        return t;
    FILE *null = fopen("/dev/null", "w");
    double t0 = now_s();
    sqlite3_stmt *st = NULL;
    int64_t sum = 0;
    sqlite3_prepare_v2(report_db_handle(db), "SELECT c.value, n.name FROM counts c JOIN names n ON n.id = c.module",
                       -1, &st, NULL);
    while (sqlite3_step(st) == SQLITE_ROW) {
        sum += sqlite3_column_int64(st, 0);
        fputs((const char *)sqlite3_column_text(st, 1), null);
    }
    sqlite3_finalize(st);
    t.floor = now_s() - t0;
    ReportOptions ro = {.min_count = 10, .period = REPORT_PERIOD_DAY};
    t0 = now_s();
    Err e = report_write_csv(db, &ro, null);
    t.csv = now_s() - t0;
    t0 = now_s();
    if (!e)
        e = report_write_html(db, &ro, null);
    t.html = now_s() - t0;
    if (e) {
        fprintf(stderr, "bench_report_names: a report failed: %s\n", err_str(e));
        exit(1);
    }
    fclose(null);
    report_close(db);
    unlink(path);
    (void)sum;
    return t;
}

int main(int argc, char **argv)
{
    log_set_quiet(1);
    int n = argc > 1 ? atoi(argv[1]) : getenv("BENCH_NAMES") ? atoi(getenv("BENCH_NAMES")) : 2000;
    if (n < 10)
        n = 10;
    Times t[3];
    for (int i = 0; i < 3; i++)
        t[i] = measure(n << i);
    printf("| distinct module names | floor (SELECT) | CSV | HTML | CSV / floor | HTML / floor |\n");
    printf("|---|---|---|---|---|---|\n");
    for (int i = 0; i < 3; i++)
        printf("| %d | %.1f ms | %.1f ms | %.1f ms | %.1fx | %.1fx |\n", n << i, t[i].floor * 1e3, t[i].csv * 1e3,
               t[i].html * 1e3, t[i].csv / t[i].floor, t[i].html / t[i].floor);
    printf("\nGrowth from %d to %d names (linear: about 2, quadratic: about 4): floor %.1f, CSV %.1f, HTML %.1f\n",
           n * 2, n * 4, t[2].floor / t[1].floor, t[2].csv / t[1].csv, t[2].html / t[1].html);
    return 0;
}
