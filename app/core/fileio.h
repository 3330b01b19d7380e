/* fileio.h: safe file writing, whole-file reading, hashing, mkdir -p
 * (fileio.c writes, fileio_read.c reads, fileio_fault.c holds the test hooks).
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
Err fileio_writer_write(FileWriter *w, const void *data, size_t n) ERR_MUST_USE;

/* fsync, close, rename to the final name, fsync the folder, free w. On any
 * error the temporary file is removed (best effort) and the error returned;
 * if the error came from the folder fsync the final name may already exist,
 * so callers that need proof re-read it (see fileio_sha256_file). Frees w in
 * every case. */
Err fileio_writer_commit(FileWriter *w) ERR_MUST_USE;

/* Close and remove the temporary file, free w. Accepts NULL. */
void fileio_writer_abort(FileWriter *w);

/* Whole-buffer convenience: open, write, commit. */
Err fileio_write_atomic(const char *path, const void *data, size_t n, mode_t mode) ERR_MUST_USE;

/* fsync a folder so renames and creations inside it are durable. */
Err fileio_fsync_dir(const char *dir) ERR_MUST_USE;

/* Create dir and missing parents (like mkdir -p) with mode; each folder
 * created is made durable in its parent. ERR_OK if it already exists as a
 * folder; ERR_PATH if a component exists and is not a folder. */
Err fileio_mkdir_p(const char *dir, mode_t mode) ERR_MUST_USE;

/* Read a whole regular file into a new buffer (caller frees with free()),
 * NUL-terminated for convenience (the NUL is not counted in *len). Files
 * larger than max bytes give ERR_TOOBIG without reading them. For the
 * kiosk's own files: a symlink as the last component is followed, but a
 * FIFO or device is refused (ERR_FORMAT) without blocking. Files from a
 * stick go through fileio_read_regular() instead. */
Err fileio_read_all(const char *path, size_t max, char **out, size_t *len) ERR_MUST_USE;

/* SHA-256 (libsodium) of a file, streamed. out_hex gets 64 lowercase hex
 * characters and a NUL; size (may be NULL) gets the byte count. Only a
 * regular file is hashed (a FIFO gives ERR_FORMAT without blocking). */
Err fileio_sha256_file(const char *path, char out_hex[65], uint64_t *size) ERR_MUST_USE;

/* ---- Reading files someone else controls (USB sticks, exports, packs) ----
 *
 * fileio_open_regular() is THE one way to open a file from a stick, a content
 * pack or an export to merge. A hostile stick can hold a FIFO named like the
 * file we want (a plain open() blocks the worker thread forever), a symlink
 * (reads outside the stick, or writes through it into the kiosk's own data),
 * or a huge file (hashing 8 GB before noticing the size). So it:
 *   - walks rel from root one component at a time with openat(O_NOFOLLOW):
 *     no component of rel may be a symlink (ERR_PATH), and rel may not be
 *     absolute or contain "." / ".." / empty components (ERR_PATH);
 *   - opens the file with O_NOFOLLOW | O_NONBLOCK (a FIFO or device never
 *     blocks the open), fstat()s the open descriptor and accepts only a
 *     regular file (ERR_FORMAT otherwise), then clears O_NONBLOCK;
 *   - checks the size against max before a single byte is read
 *     (ERR_TOOBIG; *size_out still gets the size so callers can report it).
 * root itself is trusted (a mount point or folder the caller chose) and is
 * opened as given, links included. rel NULL or "" means root is the file;
 * then only its last component is refused as a symlink.
 * On ERR_OK *fd_out is an open, blocking, O_CLOEXEC descriptor the caller
 * closes; on error it is -1. size_out may be NULL. */
Err fileio_open_regular(const char *root, const char *rel, uint64_t max, int *fd_out,
                        uint64_t *size_out) ERR_MUST_USE;

/* fileio_open_regular() for one name inside the open folder dirfd (which
 * the caller keeps): name is a single component (no '/', not "." or "..",
 * else ERR_PATH) and is never followed if it is a symlink (ERR_PATH). The
 * same checks and results otherwise; a socket is ERR_FORMAT like a FIFO.
 * ERR_INVALID for dirfd < 0 or name NULL. */
Err fileio_open_regular_at(int dirfd, const char *name, uint64_t max, int *fd_out,
                           uint64_t *size_out) ERR_MUST_USE;

/* Read what is left on fd to its end into a new NUL-terminated buffer
 * (caller frees; the NUL is not counted in *len; len may be NULL). size is
 * what the file was said to hold (the size from fileio_open_regular*), so
 * one allocation usually does; a file that grows meanwhile is read on, and
 * past max bytes gives ERR_TOOBIG. Callers that need the size they checked
 * compare *len with it. fd is not closed. */
Err fileio_read_fd(int fd, uint64_t size, size_t max, char **out, size_t *len) ERR_MUST_USE;

/* fileio_open_regular() + read the whole file into a new NUL-terminated
 * buffer (caller frees; the NUL is not counted in *len). */
Err fileio_read_regular(const char *root, const char *rel, size_t max, char **out, size_t *len) ERR_MUST_USE;

/* SHA-256 of what is left to read on fd (read to the end, fd not closed).
 * Refuses more than max bytes (ERR_TOOBIG), so a file that grows while it
 * is hashed cannot make us read forever. */
Err fileio_sha256_fd(int fd, uint64_t max, char out_hex[65], uint64_t *size) ERR_MUST_USE;

/* Create root/rel and missing folders below root (mode), never following a
 * symlink inside rel: a stick holding taama-export -> /var/lib/taama gets
 * ERR_PATH, not files written into the kiosk's data. root must exist. */
Err fileio_mkdir_beneath(const char *root, const char *rel, mode_t mode) ERR_MUST_USE;

/* rm -rf of path without following symlinks (a link is removed, never its
 * target); depth-bounded at 32, as our own trees are shallow. A missing path
 * is ERR_OK; ERR_IO if path itself could not be removed (errno is set). */
Err fileio_remove_tree(const char *path) ERR_MUST_USE;

/* SHA-256 of a buffer, as 64 lowercase hex characters and a NUL. */
void fileio_sha256_hex(const void *data, size_t n, char out_hex[65]);

/* Ask the kernel to drop its cached pages of path, so the next read comes
 * from the device (used to re-read an export from the stick itself rather
 * than from memory). Best effort; errors ignored. */
void fileio_drop_cache(const char *path);

/* Join dir and name with one '/' into out (size outsz). ERR_TOOBIG if it
 * does not fit. */
Err fileio_join(char *out, size_t outsz, const char *dir, const char *name) ERR_MUST_USE;

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

/* Rename from -> to (same folder) as one counted, fault-injectable step
 * whose durability, until fileio_fsync_dir() of that folder, the power-cut
 * simulation below models. Used for every rename of installed content. */
Err fileio_rename(const char *from, const char *to) ERR_MUST_USE;

/* ---- Power-cut simulation (tests) ----
 * Like the SQLite crash VFS (tests/support/crashvfs.h) but for fileio's
 * own writes: once armed, fileio remembers what is not yet durable:
 *   - data written to a temporary file and not yet fsynced;
 *   - renames (over an old file, kept aside until then) and folders made,
 *     until their folder is fsynced.
 * At the nth fileio step (any operation counted by fileio_fault_calls(),
 * before it happens) the power fails: each unsynced file is cut short and
 * may get garbage, each rename not yet durable is kept or undone (the old
 * file back under the final name), each folder not yet durable kept or
 * removed, all chosen by a generator seeded with seed; then the process
 * _exit()s with FILEIO_CUT_EXIT. Use in a forked child. nth 0 disarms. */
#define FILEIO_CUT_EXIT 78
void fileio_cut_arm(int nth, uint64_t seed);

/* fileio steps counted since fileio_cut_arm() (to size the cut range). */
int fileio_cut_steps(void);

#endif
