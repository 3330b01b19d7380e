/* arena.h: a bump allocator for per-frame and per-load work.
 *
 * Memory comes from one block allocated by arena_new(); arena_reset() makes
 * it all free again in O(1). When the block is exhausted, arena_alloc()
 * returns NULL (never grows mid-frame): callers degrade, they do not crash. */
#ifndef APP_CORE_ARENA_H
#define APP_CORE_ARENA_H

#include <stddef.h>

typedef struct Arena Arena;

Arena *arena_new(size_t capacity);   /* NULL on out of memory */
void arena_free(Arena *a);            /* accepts NULL */
void arena_reset(Arena *a);
void *arena_alloc(Arena *a, size_t n); /* 16-byte aligned, zeroed; NULL when full */
char *arena_strdup(Arena *a, const char *s);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
char *arena_printf(Arena *a, const char *fmt, ...);
size_t arena_used(const Arena *a);

#endif
