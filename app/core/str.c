/* str.c: see str.h. */
#include "core/str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/vec.h"

void str_append(Str *b, const char *p, size_t n)
{
    if (b->err)
        return;
    if (n > (size_t)-1 - b->len - 1) {
        b->err = ERR_NOMEM;
        return;
    }
    Err e = VEC_RESERVE(b->s, b->cap, b->len + n + 1);
    if (e) {
        b->err = e;
        return;
    }
    if (n)
        memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void str_puts(Str *b, const char *s)
{
    if (s)
        str_append(b, s, strlen(s));
}

void str_vprintf(Str *b, const char *fmt, va_list ap)
{
    if (b->err)
        return;
    va_list again;
    va_copy(again, ap);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n < 0) {
        b->err = ERR_INVALID;
    } else if ((size_t)n < sizeof small) {
        str_append(b, small, (size_t)n);
    } else {
        Err e = VEC_RESERVE(b->s, b->cap, b->len + (size_t)n + 1);
        if (e)
            b->err = e;
        else {
            vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
            b->len += (size_t)n;
        }
    }
    va_end(again);
}

void str_printf(Str *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    str_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *str_cstr(const Str *b) { return b->s ? b->s : ""; }

Err str_err(const Str *b) { return b->err; }

char *str_take(Str *b)
{
    char *s = NULL;
    if (!b->err) {
        s = b->s ? b->s : calloc(1, 1);
        b->s = NULL;
    }
    str_free(b);
    return s;
}

void str_clear(Str *b)
{
    b->len = 0;
    b->err = ERR_OK;
    if (b->s)
        b->s[0] = '\0';
}

void str_free(Str *b)
{
    free(b->s);
    *b = (Str)STR_INIT;
}
