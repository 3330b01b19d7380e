/* sort.h: sorting an array that may be empty.
 *
 * qsort(NULL, 0, ...) is undefined behaviour in C (the pointer must be
 * valid even for zero items), and an empty campaign database gives exactly
 * that: an array never allocated, with no items. Every sort of such an
 * array goes through sort_items(), so no call site needs its own guard.
 * Pure: no SDL. */
#ifndef APP_CORE_SORT_H
#define APP_CORE_SORT_H

#include <stddef.h>
#include <stdlib.h>

/* qsort() the n items of size bytes at base with cmp, in place. base may
 * be NULL when n is 0; fewer than two items are left as they are (already
 * sorted). Cannot fail. */
static inline void sort_items(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (base && n > 1)
        qsort(base, n, size, cmp);
}

#endif
