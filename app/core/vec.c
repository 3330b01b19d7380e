/* vec.c: see vec.h. */
#include "core/vec.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

Err vec_reserve(void *pp, size_t *cap, size_t need, size_t elem)
{
    assert(pp && cap && elem > 0);
    if (need <= *cap)
        return ERR_OK;
    size_t nc = *cap < 8 ? 8 : *cap;
    while (nc < need)
        nc = nc > SIZE_MAX / 2 ? need : nc * 2;
    if (nc > SIZE_MAX / elem)
        return ERR_NOMEM;
    /* The object pointer is read and written as bytes, so any T * can be
     * passed without a cast through void ** (which C does not allow). */
    void *p;
    memcpy(&p, pp, sizeof p);
    void *np = realloc(p, nc * elem);
    if (!np)
        return ERR_NOMEM;
    memcpy(pp, &np, sizeof np);
    *cap = nc;
    return ERR_OK;
}
