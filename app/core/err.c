/* err.c: names for Err values and the errno mapping. A table, not a
 * switch, so adding a code is one line. */
#include "core/err.h"

#include <assert.h>
#include <errno.h>

static const char *const names[ERR__COUNT] = {
    [ERR_OK] = "ok",
    [ERR_NOMEM] = "out of memory",
    [ERR_IO] = "input/output error",
    [ERR_NOSPACE] = "no space left",
    [ERR_READONLY] = "read-only or not writable",
    [ERR_NOTFOUND] = "not found",
    [ERR_FORMAT] = "bad format",
    [ERR_CORRUPT] = "corrupt data",
    [ERR_DB] = "database error",
    [ERR_BUSY] = "busy",
    [ERR_HASH] = "hash or size mismatch",
    [ERR_SIGNATURE] = "bad or missing signature",
    [ERR_KEY] = "unknown or changed key",
    [ERR_ROLLBACK] = "not newer than installed version",
    [ERR_TOOBIG] = "over the size limit",
    [ERR_PATH] = "path leaves its folder",
    [ERR_INVALID] = "invalid argument",
};

/* Callers test failure as `if (e)`: success must be the only zero. */
static_assert(ERR_OK == 0, "ERR_OK must be 0");
static_assert(sizeof names / sizeof names[0] == ERR__COUNT, "one description per Err");

const char *err_str(Err e)
{
    if ((unsigned)e >= ERR__COUNT || !names[e])
        return "unknown error";
    return names[e];
}

Err err_from_errno(int e)
{
    switch (e) {
    case 0: return ERR_OK;
    case ENOMEM: return ERR_NOMEM;
    case ENOSPC:
    case EDQUOT:
    case EFBIG: return ERR_NOSPACE;
    case EROFS:
    case EACCES:
    case EPERM: return ERR_READONLY;
    case ENOENT:
    case ENOTDIR: return ERR_NOTFOUND;
    case EBUSY:
    case EAGAIN: return ERR_BUSY;
    default: return ERR_IO;
    }
}
