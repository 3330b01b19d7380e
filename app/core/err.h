/* err.h: the one error vocabulary of Taama.
 *
 * Every fallible function returns an Err (ERR_OK is 0) or, for
 * constructors, NULL plus an optional Err out-parameter. errno is captured
 * where it happens and mapped with err_from_errno(); it is never the API's
 * channel. assert() is kept for bugs, never for bad input. */
#ifndef APP_CORE_ERR_H
#define APP_CORE_ERR_H

typedef enum {
    ERR_OK = 0,
    ERR_NOMEM,     /* allocation failed */
    ERR_IO,        /* read/write/fsync failed for another reason */
    ERR_NOSPACE,   /* disk or stick full (ENOSPC, EDQUOT, EFBIG) */
    ERR_READONLY,  /* read-only file system or no permission to write */
    ERR_NOTFOUND,  /* file, folder, key or row missing */
    ERR_FORMAT,    /* input does not follow its documented format */
    ERR_CORRUPT,   /* stored data fails its own integrity check */
    ERR_DB,        /* SQLite reported an error not covered above */
    ERR_BUSY,      /* resource locked; retry later */
    ERR_HASH,      /* content does not match its recorded hash or size */
    ERR_SIGNATURE, /* signature missing or does not verify */
    ERR_KEY,       /* key unknown, changed or missing */
    ERR_ROLLBACK,  /* version not newer than the one we have */
    ERR_TOOBIG,    /* over a configured size limit */
    ERR_PATH,      /* a path tries to leave its folder */
    ERR_INVALID,   /* caller passed an argument outside the contract */
    ERR__COUNT
} Err;

/* Put on the declaration of every function whose Err result must be
 * looked at: ignoring a failure is how data is lost quietly. GCC cannot
 * attach this to the enum type itself, so it goes on each declaration. */
#if defined(__GNUC__) || defined(__clang__)
#define ERR_MUST_USE __attribute__((warn_unused_result))
#else
#define ERR_MUST_USE
#endif

/* A short, stable English description ("disk full"); never NULL. */
const char *err_str(Err e);

/* Map an errno value to the closest Err (ENOSPC -> ERR_NOSPACE, ...). */
Err err_from_errno(int e);

#endif
