/* fileio_internal.h: what the parts of fileio share and nothing else may
 * use: the fault-injection and power-cut hooks of fileio_fault.c, called
 * by fileio.c (writing) and fileio_read.c (reading, mkdir beneath) at
 * every step that can fail. */
#ifndef APP_CORE_FILEIO_INTERNAL_H
#define APP_CORE_FILEIO_INTERNAL_H

#include "core/fileio.h"

/* What a power cut can still undo (fileio_cut_note kinds). */
enum {
    FILEIO_CUT_DATA = 0,   /* a temporary file's data, until it is fsynced */
    FILEIO_CUT_RENAME = 1, /* a rename, until its folder is fsynced */
    FILEIO_CUT_FOLDER = 2, /* a folder made, until its parent is fsynced */
};

/* Count one call of op (and one power-cut step, which may end the process
 * when armed). Non-zero, an errno, when this call must fail. */
int fileio_fault_check(FileioOp op);

/* 1 when fileio_cut_arm() armed a power cut (renames then keep the old
 * file aside so a cut can put it back). */
int fileio_cut_armed(void);

/* Remember something not yet durable (a FILEIO_CUT_* kind): path, the
 * folder whose fsync makes it durable, and for a rename the old file kept
 * aside ("" or NULL: none) and where the new one came from. No-op unless
 * armed. */
void fileio_cut_note(int kind, const char *path, const char *dir, const char *aside,
                     const char *tmp);

/* A rename from -> to moved what is not yet durable at or under from. */
void fileio_cut_moved(const char *from, const char *to);

/* path (a file, fsynced) or everything in dir (fsynced) is now durable. */
void fileio_cut_durable(const char *path, const char *dir);

#endif
