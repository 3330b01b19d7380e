/* crashvfs.h: a SQLite VFS that simulates power loss, after SQLite's own
 * crash test VFS (src/test6.c).
 *
 * It wraps the default VFS. Every write goes through to the file, but the
 * bytes it replaced are remembered until the file is synced: an unsynced
 * write is one a power cut may lose. The cut comes at the Nth I/O
 * operation (a write or a sync of a named file), just before it happens,
 * so code that never syncs is cut too. Then each unsynced write, newest
 * first, is kept, dropped (the old bytes put back, a file it extended cut
 * back) or torn (each 512-byte sector of it old, new or garbage), chosen by
 * a seeded generator, and the process _exit()s with CRASHVFS_EXIT. Syncs
 * themselves are not passed to the disk (the simulation decides what was
 * durable), which keeps thousands of cuts fast. Test support only. */
#ifndef TESTS_SUPPORT_CRASHVFS_H
#define TESTS_SUPPORT_CRASHVFS_H

#include <stdint.h>

#define CRASHVFS_NAME "taama-crash"
#define CRASHVFS_EXIT 77

/* Register (once per process) the VFS CRASHVFS_NAME, not as the default.
 * seed drives the fates of unsynced writes; crash_at_op is the 1-based
 * operation (write or sync) at which power fails (0: never). Returns
 * SQLITE_OK. */
int crashvfs_register(uint64_t seed, int crash_at_op);

/* Syncs, and operations (writes and syncs), seen so far in this process. */
int crashvfs_syncs(void);
int crashvfs_ops(void);

#endif
