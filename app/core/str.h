/* str.h: a growing byte string for building text (file names, HTML, CSV
 * lines, messages) without fixed buffers that silently cut.
 *
 * The error is sticky: after a failed append every later append does
 * nothing and str_err() reports ERR_NOMEM, so a builder checks once at the
 * end instead of after every piece. The bytes are always NUL-terminated
 * (once anything was appended). Pure: no SDL. */
#ifndef APP_CORE_STR_H
#define APP_CORE_STR_H

#include <stdarg.h>
#include <stddef.h>

#include "core/err.h"

typedef struct {
    char *s;    /* NUL-terminated; NULL until the first append */
    size_t len; /* bytes, without the NUL */
    size_t cap;
    Err err;    /* first failure, sticky */
} Str;

#define STR_INIT {NULL, 0, 0, ERR_OK}

/* Append n bytes of p (which may hold NULs). */
void str_append(Str *b, const char *p, size_t n);
/* Append a NUL-terminated string (NULL appends nothing). */
void str_puts(Str *b, const char *s);
/* Append formatted text. */
void str_printf(Str *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void str_vprintf(Str *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* The text so far, "" when empty; borrowed until the next call on b. */
const char *str_cstr(const Str *b);
/* ERR_OK or the first failure. */
Err str_err(const Str *b) __attribute__((warn_unused_result));
/* Hand the buffer to the caller (free() it), or NULL after a failure (the
 * buffer is then freed); b is empty again either way. */
char *str_take(Str *b) __attribute__((warn_unused_result));
/* Empty b, keeping its memory; clears the error. */
void str_clear(Str *b);
/* Free the buffer; accepts an empty or failed Str. */
void str_free(Str *b);

#endif
