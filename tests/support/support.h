/* support.h: small helpers shared by the test suites (no SDL).
 * Paths come from TAAMA_ROOT (set by tests/run.sh; defaults to "."). */
#ifndef TESTS_SUPPORT_H
#define TESTS_SUPPORT_H

#include <limits.h>

#include "report/report.h"
#include "ui/ui.h"

/* TAAMA_ROOT/rel in a static buffer (valid until the next call). */
const char *support_path(const char *rel);

/* A fresh empty directory under /tmp; the name is in a static buffer. */
const char *support_tmpdir(void);

/* A kiosk's data folder and a USB stick side by side, for tests that
 * export, install or cut the power: root is a fresh folder
 * /tmp/taama-TAG-XXXXXX, data is root/data (0700, as the kiosk makes it)
 * and stick is root/stick (0755). */
typedef struct {
    char root[256];
    char data[PATH_MAX];
    char stick[PATH_MAX];
} SupportTree;

/* Make the three folders of t (tag: a few letters naming the suite).
 * 0 on success; -1 on failure, with nothing left behind. */
int support_tree_make(SupportTree *t, const char *tag);

/* rm -rf t->root; 0 on success. */
int support_tree_remove(const SupportTree *t);

/* Run a shell command made with printf-style arguments; system()'s status
 * (0 on success), -1 when the command is too long. */
int support_sh(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* rm -rf dir; 0 on success. */
int support_rmtree(const char *dir);

/* Text metrics without fonts: every code point is px/2 wide, lines are
 * 1.4 px high. Deterministic, so layout tests assert exact rectangles. */
TextMetrics support_stub_metrics(void);

/* 1 if one text line of the built screen is exactly text. */
int support_has_line(const Ui *ui, const char *text);

/* Merge path into db (campaign secret key sk may be NULL; enrolled_only as
 * in MergeOptions), the output lines copied into msg (may be NULL). *e
 * gets report_merge_path's result. */
MergeSummary support_merge(ReportDb *db, const char *path, const unsigned char *sk, int enrolled_only, char *msg,
                           size_t msgsz, Err *e);

/* report_open() of dir/name after removing any file there; NULL on
 * failure. */
ReportDb *support_fresh_db(const char *dir, const char *name);

#endif
