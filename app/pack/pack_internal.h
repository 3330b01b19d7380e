/* pack_internal.h: what the parts of app/pack share (nothing outside
 * app/pack/ includes it).
 *
 *   pack_verify.c  signature, manifest and file checks; the PackReport
 *   pack.c         staging, switching, installed versions, recovery
 *   pack_make.c    building a pack from a content folder
 *
 * Pure core: no SDL. */
#ifndef APP_PACK_PACK_INTERNAL_H
#define APP_PACK_PACK_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "core/log.h"
#include "manifest/manifest.h"
#include "pack/pack.h"

#define PACK_KIND "content-pack" /* the manifest's "kind" */
#define SIG_FILE_MAX 4096        /* bytes of a .minisig file */

/* The only folders a pack may hold, with their '/'. */
enum { PACK_TOP_DIRS = 3 };
extern const char *const pack_top_dirs[PACK_TOP_DIRS];

/* What verification read, kept so the install copies exactly these bytes
 * of the manifest and signature (never re-read from the stick). */
typedef struct {
    char *man;  /* manifest bytes as signed */
    size_t man_len;
    char *sig;  /* .minisig bytes */
    size_t sig_len;
    Manifest *m;
} Verified;

/* Free what v holds and zero it. */
void pack_verified_free(Verified *v);

/* Zero rep, with installed as the version the kiosk had. */
void pack_report_init(PackReport *rep, int64_t installed);

/* Record a refusal in rep (result, err and the one-sentence message) and
 * return err. */
Err pack_refuse(PackReport *rep, PackResult result, Err err, const char *fmt, ...)
    LOG_PRINTF(4, 5);

/* Add a "path: problem" line to rep (counted, not kept, past
 * PACK_REPORT_LINES). */
void pack_report_line(PackReport *rep, const char *fmt, ...) LOG_PRINTF(2, 3);

/* Verify the pack in pack_dir into v and rep (rep->err as returned).
 * strict: a staged copy, where files not listed are a failure too. The
 * caller frees v with pack_verified_free() in every case. */
Err pack_verify_into(const char *pack_dir, const PackTrust *trust, PackReport *rep, Verified *v,
                     int strict) ERR_MUST_USE;

/* Copy root/rel to dst through fileio (temp, fsync, rename, folder
 * fsync). rel is opened with fileio_open_regular(): no link, FIFO or
 * device is followed or read, and a file over limit bytes is refused
 * before reading it (or while reading, if it grows). */
Err pack_copy_file(const char *root, const char *rel, const char *dst, uint64_t limit) ERR_MUST_USE;

/* mkdir -p of the folder holding path. */
Err pack_mkdir_parent(const char *path) ERR_MUST_USE;

#endif
