/* log.h: diagnostics to stderr (the journal under systemd).
 *
 * Lines carry a level prefix systemd understands ("<3>" error, "<4>" warning,
 * "<6>" info) when TAAMA_LOG_PREFIX or JOURNAL_STREAM is set. The most recent
 * warnings are kept in a small fixed ring so the admin screen can show them
 * without reading the journal. Never allocates. */
#ifndef APP_CORE_LOG_H
#define APP_CORE_LOG_H

#include <stddef.h>

typedef enum { LOG_ERROR = 3, LOG_WARN = 4, LOG_INFO = 6, LOG_DEBUG = 7 } LogLevel;

#if defined(__GNUC__)
#define LOG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define LOG_PRINTF(a, b)
#endif

void log_msg(LogLevel lvl, const char *fmt, ...) LOG_PRINTF(2, 3);
#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)

/* Silence info lines (tests, CLI tools); warnings and errors still print. */
void log_set_quiet(int quiet);

/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

/* Warnings and errors logged since the program started (fleet health). */
long long log_warning_count(void);

#endif
