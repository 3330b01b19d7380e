/* support_report.c: see support_report.h. */
#include "support_report.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/fileio.h"

ReportDb *support_report_db_sql(const char *dir, const char *name, const char *sql)
{
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    unlink(p);
    Err why;
    ReportDb *db = report_open(p, &why);
    if (!db) {
        fprintf(stderr, "support_report_db_sql: %s: %s\n", p, err_str(why));
        return NULL;
    }
    if (sql) {
        char *msg = NULL;
        if (sqlite3_exec(report_db_handle(db), sql, NULL, NULL, &msg) != SQLITE_OK) {
            fprintf(stderr, "support_report_db_sql: sql: %s\n", msg ? msg : "?");
            sqlite3_free(msg);
            report_close(db);
            return NULL;
        }
        if ((why = report_db_sums_rebuild(report_db_handle(db))) != ERR_OK) {
            fprintf(stderr, "support_report_db_sql: sums: %s\n", err_str(why));
            report_close(db);
            return NULL;
        }
    }
    report_close(db);
    db = report_open(p, &why);
    if (!db)
        fprintf(stderr, "support_report_db_sql: reopen %s: %s\n", p, err_str(why));
    return db;
}

char *support_report_html(ReportDb *db, const ReportOptions *ro, const char *dir, const char *file, Err *e)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *o = fopen(path, "w");
    if (!o) {
        *e = ERR_IO;
        return NULL;
    }
    *e = report_write_html(db, ro, o);
    if (fclose(o) != 0 && *e == ERR_OK)
        *e = ERR_IO;
    if (*e != ERR_OK)
        return NULL;
    char *html = NULL;
    size_t len;
    if ((*e = fileio_read_all(path, 1 << 24, &html, &len)) != ERR_OK)
        return NULL;
    if (system("command -v tidy >/dev/null 2>&1") == 0) {
        char cmd[PATH_MAX + 64];
        snprintf(cmd, sizeof cmd, "tidy -errors -q '%s'", path);
        if (system(cmd) != 0) {
            *e = ERR_FORMAT;
            free(html);
            return NULL;
        }
    }
    return html;
}

char *support_report_csv(ReportDb *db, const ReportOptions *ro, ReportHidden *hid, Err *e)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *o = open_memstream(&buf, &len);
    if (!o) {
        *e = ERR_NOMEM;
        return NULL;
    }
    *e = report_write_csv_ex(db, ro, o, hid);
    if (fclose(o) != 0 && *e == ERR_OK)
        *e = ERR_NOMEM;
    return buf;
}

Err support_report_dhis2(ReportDb *db, const char *map_path, const ReportOptions *ro, char **out, char **err)
{
    size_t l1, l2;
    *out = *err = NULL;
    FILE *o = open_memstream(out, &l1), *e = open_memstream(err, &l2);
    Err r = o && e ? report_write_dhis2(db, map_path, ro, o, e) : ERR_NOMEM;
    if (o)
        fclose(o);
    if (e)
        fclose(e);
    return r;
}
