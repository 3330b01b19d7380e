/* vec.h: growing an array held as (pointer, capacity), the one way.
 *
 * Taama grows arrays only at start-up and content load, never per frame,
 * so one doubling helper is all it needs; what matters is that every
 * growth checks the size arithmetic for overflow and leaves the array
 * untouched when it fails (the caller keeps what it had and reports
 * ERR_NOMEM). Pure: no SDL. */
#ifndef APP_CORE_VEC_H
#define APP_CORE_VEC_H

#include <stddef.h>

#include "core/err.h"

/* Make the array at *pp (capacity *cap items of elem bytes) hold at least
 * need items: capacity doubles from 8, or jumps to need. pp points to any
 * object pointer (an int *, a char **, ...). On failure (overflow or out of
 * memory) *pp and *cap are unchanged and ERR_NOMEM is returned; the array
 * stays owned by the caller either way. elem must not be 0 (a bug). */
Err vec_reserve(void *pp, size_t *cap, size_t need, size_t elem)
    __attribute__((warn_unused_result));

/* vec_reserve() for an array variable and its size_t capacity:
 * VEC_RESERVE(rows, rows_cap, n + 1). */
#define VEC_RESERVE(arr, cap, need) vec_reserve(&(arr), &(cap), (need), sizeof *(arr))

#endif
