/* fileio_fault.c: the test hooks of fileio: injected failures (the Nth
 * open, write, fsync, rename or folder fsync fails, or a write silently
 * corrupts a byte) and the power-cut simulation (what is not yet durable
 * is cut short, torn or undone at a chosen step). See fileio.h for the
 * contracts; fileio.c and fileio_read.c call in through fileio_internal.h
 * at every step that can fail. The counters are atomics so production
 * pays one load per step; the cut list is single-threaded by contract. */
#include "core/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/fileio_internal.h"

/* ---- fault injection ---- */
static atomic_int fault_op = -1;
static atomic_int fault_nth;
static atomic_int fault_errno;
static atomic_int fault_calls[FILEIO_OP__COUNT];

void fileio_fault_set(FileioOp op, int nth, int err)
{
    atomic_store(&fault_op, nth > 0 ? (int)op : -1);
    atomic_store(&fault_nth, nth);
    atomic_store(&fault_errno, err);
}

void fileio_fault_clear(void)
{
    atomic_store(&fault_op, -1);
    for (int i = 0; i < FILEIO_OP__COUNT; i++)
        atomic_store(&fault_calls[i], 0);
}

int fileio_fault_calls(FileioOp op)
{
    return atomic_load(&fault_calls[op]);
}

/* ---- power-cut simulation (tests; see fileio.h) ----
 * Single-threaded by contract (a forked test child), so plain statics. */
enum { CUT_MAX = 256 };
typedef struct {
    char path[PATH_MAX];   /* an unsynced temp file; a renamed final name; a new folder */
    char aside[PATH_MAX];  /* rename: the old file kept here ("" = there was none) */
    char tmp[PATH_MAX];    /* rename: where the new file came from */
    char dir[PATH_MAX];    /* the folder whose fsync makes it durable */
    int kind;              /* 0 data, 1 rename, 2 folder */
} CutEntry;
static int cut_at, cut_steps;
static uint64_t cut_rng;
static CutEntry cut_list[CUT_MAX];
static int cut_n;

static uint32_t cut_rand(void)
{
    uint64_t z = (cut_rng += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return (uint32_t)((z ^ (z >> 31)) >> 32);
}

void fileio_cut_arm(int nth, uint64_t seed)
{
    cut_at = nth;
    cut_steps = 0;
    cut_rng = seed;
    cut_n = 0;
}

int fileio_cut_steps(void)
{
    return cut_steps;
}

void fileio_cut_note(int kind, const char *path, const char *dir, const char *aside,
                     const char *tmp)
{
    if (cut_at <= 0 || cut_n >= CUT_MAX)
        return;
    CutEntry *c = &cut_list[cut_n++];
    c->kind = kind;
    snprintf(c->path, sizeof c->path, "%s", path);
    snprintf(c->dir, sizeof c->dir, "%s", dir ? dir : "");
    snprintf(c->aside, sizeof c->aside, "%s", aside ? aside : "");
    snprintf(c->tmp, sizeof c->tmp, "%s", tmp ? tmp : "");
}

/* A rename moves what is not yet durable with it: entries at or under from
 * now live at or under to (a file, or a staged folder of files). */
void fileio_cut_moved(const char *from, const char *to)
{
    size_t n = strlen(from);
    for (int i = 0; i < cut_n; i++) {
        char *fields[] = {cut_list[i].path, cut_list[i].dir};
        for (int f = 0; f < 2; f++) {
            char *p = fields[f];
            if (strncmp(p, from, n) != 0 || (p[n] != '\0' && p[n] != '/'))
                continue;
            char moved[PATH_MAX];
            int len = snprintf(moved, sizeof moved, "%s%s", to, p + n);
            if (len > 0 && (size_t)len < sizeof moved)
                memcpy(p, moved, (size_t)len + 1);
        }
    }
}

/* path became durable (a file fsynced), or everything in dir did. */
void fileio_cut_durable(const char *path, const char *dir)
{
    int j = 0;
    for (int i = 0; i < cut_n; i++) {
        CutEntry *c = &cut_list[i];
        int done = (path && c->kind == 0 && strcmp(c->path, path) == 0) ||
                   (dir && c->kind != 0 && strcmp(c->dir, dir) == 0);
        if (done && c->kind == 1 && c->aside[0])
            unlink(c->aside);
        if (!done)
            cut_list[j++] = *c;
    }
    cut_n = j;
}

static void cut_now(void)
{
    for (int i = cut_n - 1; i >= 0; i--) {
        CutEntry *c = &cut_list[i];
        int lost = cut_rand() % 2;
        if (c->kind == 0) { /* unsynced data: a random prefix, maybe a torn sector */
            struct stat st;
            if (stat(c->path, &st) != 0)
                continue;
            off_t keep = st.st_size ? (off_t)(cut_rand() % (uint32_t)(st.st_size + 1)) : 0;
            if (truncate(c->path, keep) != 0)
                continue;
            if (keep > 0 && lost) {
                int fd = open(c->path, O_WRONLY | O_CLOEXEC);
                if (fd >= 0) {
                    unsigned char junk[512];
                    for (size_t k = 0; k < sizeof junk; k++)
                        junk[k] = (unsigned char)cut_rand();
                    off_t at = keep > 512 ? keep - 512 : 0;
                    (void)!pwrite(fd, junk, (size_t)(keep - at), at);
                    close(fd);
                }
            }
        } else if (c->kind == 1 && lost) { /* the rename never reached the disk */
            if (rename(c->path, c->tmp) != 0)
                continue;
            if (c->aside[0])
                (void)rename(c->aside, c->path);
        } else if (c->kind == 1) {
            if (c->aside[0])
                unlink(c->aside);
        } else if (c->kind == 2 && lost) { /* nor did the new folder */
            (void)!fileio_remove_tree(c->path); /* best effort: the process ends next */
        }
    }
    _exit(FILEIO_CUT_EXIT);
}

/* Count one call of op; non-zero (an errno) when this call must fail. */
int fileio_fault_check(FileioOp op)
{
    if (cut_at > 0 && ++cut_steps == cut_at)
        cut_now();
    int n = atomic_fetch_add(&fault_calls[op], 1) + 1;
    if (atomic_load(&fault_op) != (int)op)
        return 0;
    if (n != atomic_load(&fault_nth))
        return 0;
    int e = atomic_load(&fault_errno);
    return e ? e : EIO;
}

int fileio_cut_armed(void)
{
    return cut_at > 0;
}
