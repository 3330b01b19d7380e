/* support_report.h: campaign database fixtures and output capture shared
 * by the taama-report test suites (test_report.c, test_report_outputs.c):
 * a database built directly from SQL, and each writer's output read back
 * into memory. No SDL, no cmocka: callers assert on the results. */
#ifndef TESTS_SUPPORT_REPORT_H
#define TESTS_SUPPORT_REPORT_H

#include <stdint.h>

#include "core/err.h"
#include "report/report.h"

/* A fresh campaign database dir/name (any old file removed): the schema
 * from report_open, then the rows of sql (may be NULL: empty) with the
 * per-day sums rebuilt, then reopened so its names are loaded. Caller
 * closes it. NULL on failure, with the reason on stderr. */
ReportDb *support_report_db_sql(const char *dir, const char *name, const char *sql);

/* report_write_html into the file dir/file, read back; caller frees. NULL
 * with *e set when writing or reading fails, or with *e = ERR_FORMAT when
 * `tidy -errors` (if installed) finds an error in the page. */
char *support_report_html(ReportDb *db, const ReportOptions *ro, const char *dir, const char *file, Err *e);

/* report_write_csv_ex into memory (caller frees; NULL only when memory
 * runs out); *e gets its result, hid (may be NULL) what it hid. */
char *support_report_csv(ReportDb *db, const ReportOptions *ro, ReportHidden *hid, Err *e);

/* report_write_dhis2 with the map at map_path: the values into *out and
 * the messages into *err (both caller frees). Returns the writer's Err
 * (ERR_NOMEM when the memory streams cannot be opened). */
Err support_report_dhis2(ReportDb *db, const char *map_path, const ReportOptions *ro, char **out, char **err)
    ERR_MUST_USE;

#endif
