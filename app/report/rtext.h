/* rtext.h: how taama-report writes text: the one escaping function for
 * HTML/SVG, the one CSV field writer (with the spreadsheet formula guard),
 * UTF-8-safe truncation, progress lines, and the report's own translations
 * (gettext domain "taama-report", separate from the kiosk's "taama").
 *
 * Every string that reaches an HTML or SVG output goes through
 * report_html_esc(); every CSV cell through report_csv_cell(). Nothing
 * else writes untrusted text, so one review of this file covers all the
 * report's outputs. No SDL. */
#ifndef APP_REPORT_RTEXT_H
#define APP_REPORT_RTEXT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "report/report.h"

/* The report's strings: R_("...") translates in the "taama-report" domain;
 * RN_("...") only marks a string for xgettext (static tables). Neither is
 * seen by the kiosk's `make pot` (which looks for _ and N_). */
#define R_(s) report_tr(s)
#define RN_(s) (s)

/* Write s as HTML/SVG character data or as a double- or single-quoted
 * attribute value: & < > " ' are escaped, C0 controls (other than tab and
 * newline) and DEL are dropped, and bytes that are not valid UTF-8 become
 * U+FFFD. NULL writes nothing. */
void report_html_esc(FILE *o, const char *s);

/* Write one CSV cell separated by sep (',' or ';'). Quoted (RFC 4180) when
 * it holds sep, a quote, CR or LF, or starts or ends with a space. A cell
 * whose first character after any spaces, tabs, CR, LF or other control
 * characters is = + - or @, or that starts with a tab or CR, is written
 * with a leading ' so a spreadsheet shows it as text instead of running
 * it as a formula. NULL is an empty cell. */
void report_csv_cell(FILE *o, const char *s, char sep);

/* Copy src into dst (cap bytes, cap >= 1), cut at a code point boundary
 * when it does not fit, so the result is never a broken UTF-8 sequence.
 * Returns 1 when it was cut. */
int report_utf8_copy(char *dst, size_t cap, const char *src);

/* ---- translation ---- */

/* Bind the "taama-report" domain (and "taama", for module titles) to
 * localedir (NULL: found next to the program, or TAAMA_LOCALEDIR) and make
 * lang ("en", "fr", "ar", ...) current. Unknown languages fall back to
 * English. Never fails: without catalogues the report is in English. */
void report_lang_set(const char *lang, const char *localedir);

/* The current report language code and its direction (1: right to left). */
const char *report_lang(void);
int report_lang_rtl(void);

/* msgid translated into the current report language (domain
 * "taama-report"); borrowed, valid for the life of the process. */
/* (format_arg: a translated format is checked against the English one, as
 * with gettext, so R_("%lld ...") can be snprintf's format.) */
#if defined(__GNUC__)
#define REPORT_FORMAT_ARG(i) __attribute__((format_arg(i)))
#else
#define REPORT_FORMAT_ARG(i)
#endif
const char *report_tr(const char *msgid) REPORT_FORMAT_ARG(1);
/* Plural form: n selects between singular and plural. */
const char *report_trn(const char *singular, const char *plural, unsigned long n) REPORT_FORMAT_ARG(1)
    REPORT_FORMAT_ARG(2);
/* msgid translated with the kiosk's own domain "taama" (module titles,
 * help contact names: the content's English is the msgid). */
const char *report_tr_content(const char *msgid);

/* ---- human names (labels.c) ---- */

/* A language for readers: its own name, and its name in the report
 * language when that differs ("ትግርኛ (Tigrinya)"); "" gives "(none)". */
void report_lang_label(const char *code, char *out, size_t sz);

/* A module's title (translated with the kiosk's catalogue) from content,
 * or its id when content is NULL or does not know it. */
void report_module_label(const struct Content *content, const char *id, char *out, size_t sz);

/* A help contact by its index in the kiosk's contacts.yaml: "id: name"
 * from content, or "contact #N" when content is NULL or has no such
 * entry. id_out (may be NULL) gets the contact id or "". */
void report_contact_label(const struct Content *content, int64_t index, char *out, size_t sz, char *id_out,
                          size_t idsz);

/* A session length bucket (0-3, as stats.c stores it): "under 1 min" ... */
const char *report_length_label(int64_t bucket);
enum { REPORT_LENGTH_BUCKETS = 4 };

/* The first day (YYYYMMDD) of the period holding day. */
int32_t report_period_start(int32_t day, ReportPeriod p);
/* "2024-03-05", "2024-W10" (ISO week) or "2024-03". */
void report_period_label(int32_t start, ReportPeriod p, char out[16]);
/* "day", "week", "month", translated. */
const char *report_period_name(ReportPeriod p);

/* ---- progress ---- */

/* A progress line "what N/M" on err, rewritten in place, only when err is
 * a terminal (or force is set, for tests); it is redrawn when the
 * per-mille changes, so a long run draws at most about 1000 updates and
 * no clock is read. done() ends the line. */
typedef struct {
    FILE *err;
    const char *what;
    uint64_t total, shown;
    int on, drawn;
} ReportProgress;

void report_progress_start(ReportProgress *p, FILE *err, const char *what, uint64_t total, int force);
void report_progress_step(ReportProgress *p, uint64_t n);
void report_progress_done(ReportProgress *p);

#endif
