/* arena.c: bump allocator; see arena.h. */
#include "core/arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Arena {
    size_t cap, used;
    unsigned char *mem;
};

Arena *arena_new(size_t capacity)
{
    Arena *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->mem = malloc(capacity);
    if (!a->mem) {
        free(a);
        return NULL;
    }
    a->cap = capacity;
    return a;
}

void arena_free(Arena *a)
{
    if (!a)
        return;
    free(a->mem);
    free(a);
}

void arena_reset(Arena *a) { a->used = 0; }

size_t arena_used(const Arena *a) { return a->used; }

void *arena_alloc(Arena *a, size_t n)
{
    size_t start = (a->used + 15u) & ~(size_t)15u;
    if (start > a->cap || n > a->cap - start)
        return NULL;
    a->used = start + n;
    memset(a->mem + start, 0, n);
    return a->mem + start;
}

char *arena_strdup(Arena *a, const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = arena_alloc(a, n);
    if (p)
        memcpy(p, s, n);
    return p;
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = n < 0 ? NULL : arena_alloc(a, (size_t)n + 1);
    if (p)
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}
