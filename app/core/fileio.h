/* fileio.h: safe file writing, whole-file reading, hashing, mkdir -p.
 *
 * Files that must never be seen half-written (exports on a USB stick, keys,
 * installed content) go through a FileWriter: data goes to a temporary name
 * in the target folder, is fsynced, renamed over the final name, and the
 * folder is fsynced, so after a crash or a pulled stick the final name holds
 * either the old file or the complete new one. Any write or fsync error
 * fails the whole operation and removes the temporary file (a retried
 * fsync can "succeed" after the data was lost, so we never retry).
 *
 * Tests inject failures through fileio_fault_set(): the Nth open, write,
 * fsync, rename or folder fsync fails with a chosen errno, or the Nth write
 * silently corrupts a byte (a lying stick), so every step can be proven
 * safe. The hook costs one atomic load per operation in production. */
#ifndef APP_CORE_FILEIO_H
#define APP_CORE_FILEIO_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/err.h"

typedef struct FileWriter FileWriter;

/* Start writing path (its folder must exist) through a temporary file
 * ".NAME.tmp-XXXXXX" beside it, created with the given permission bits.
 * NULL on failure (*why set, may be NULL). */
FileWriter *fileio_writer_open(const char *path, mode_t mode, Err *why);

/* Append n bytes. After the first error every further call returns it and
 * commit fails; nothing under the final name changes. */
Err fileio_writer_write(FileWriter *w, const void *data, size_t n);

/* fsync, close, rename to the final name, fsync the folder, free w. On any
 * error the temporary file is removed (best effort) and the error returned;
 * if the error came from the folder fsync the final name may already exist,
 * so callers that need proof re-read it (see fileio_sha256_file). Frees w in
 * every case. */
Err fileio_writer_commit(FileWriter *w);

/* Close and remove the temporary file, free w. Accepts NULL. */
void fileio_writer_abort(FileWriter *w);

/* Whole-buffer convenience: open, write, commit. */
Err fileio_write_atomic(const char *path, const void *data, size_t n, mode_t mode);

/* fsync a folder so renames and creations inside it are durable. */
Err fileio_fsync_dir(const char *dir);

/* Create dir and missing parents (like mkdir -p) with mode; each folder
 * created is made durable in its parent. ERR_OK if it already exists as a
 * folder; ERR_PATH if a component exists and is not a folder. */
Err fileio_mkdir_p(const char *dir, mode_t mode);

/* Read a whole regular file into a new buffer (caller frees with free()),
 * NUL-terminated for convenience (the NUL is not counted in *len). Files
 * larger than max bytes give ERR_TOOBIG without reading them. */
Err fileio_read_all(const char *path, size_t max, char **out, size_t *len);

/* SHA-256 (libsodium) of a file, streamed. out_hex gets 64 lowercase hex
 * characters and a NUL; size (may be NULL) gets the byte count. */
Err fileio_sha256_file(const char *path, char out_hex[65], uint64_t *size);

/* SHA-256 of a buffer, as 64 lowercase hex characters and a NUL. */
void fileio_sha256_hex(const void *data, size_t n, char out_hex[65]);

/* Ask the kernel to drop its cached pages of path, so the next read comes
 * from the device (used to re-read an export from the stick itself rather
 * than from memory). Best effort; errors ignored. */
void fileio_drop_cache(const char *path);

/* Join dir and name with one '/' into out (size outsz). ERR_TOOBIG if it
 * does not fit. */
Err fileio_join(char *out, size_t outsz, const char *dir, const char *name);

/* ---- Fault injection (tests) ---- */
typedef enum {
    FILEIO_OP_OPEN,     /* creating the temporary file */
    FILEIO_OP_WRITE,    /* each write(2) call */
    FILEIO_OP_FSYNC,    /* fsync of a file */
    FILEIO_OP_RENAME,   /* rename temporary -> final */
    FILEIO_OP_DIRFSYNC, /* fsync of a folder */
    FILEIO_OP_MKDIR,    /* each folder mkdir_p creates */
    FILEIO_OP_CORRUPT,  /* the Nth write flips one byte and reports success */
    FILEIO_OP__COUNT
} FileioOp;

/* From now on, the nth (1-based) call of op fails with errno err (ignored
 * for FILEIO_OP_CORRUPT). Replaces any earlier fault; n = 0 disarms. */
void fileio_fault_set(FileioOp op, int nth, int err);

/* Disarm all faults and reset the call counters. */
void fileio_fault_clear(void);

/* How many calls of op happened since the last fileio_fault_clear(); lets a
 * test count the steps of an operation and then fail each one in turn. */
int fileio_fault_calls(FileioOp op);

#endif
