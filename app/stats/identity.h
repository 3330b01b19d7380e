/* identity.h: which hardware a statistics database belongs to.
 *
 * /etc/machine-id alone cannot tell a cloned SD card from the original:
 * it is copied with the card. So the database records a fingerprint of
 * three parts, each kept only as a short keyed hash (BLAKE2b, libsodium):
 *   m  /etc/machine-id
 *   c  the SD card's CID register, /sys/block/mmcblk0/device/cid (unique
 *      per card: a card cloned to another card differs)
 *   s  the board serial, /sys/firmware/devicetree/base/serial-number or the
 *      "Serial" line of /proc/cpuinfo (a card moved to another Pi differs)
 * Stored as "v2:m=HEX16,c=HEX16,s=HEX16" (an empty HEX when unreadable).
 *
 * Matching: a part readable both then and now must be equal; a part that
 * cannot be read now is not held against the database (a flaky read must
 * not split a kiosk in two), and a part that was missing before is adopted.
 * A database written before this fingerprint (a 32-hex hash of the
 * machine-id only) matches when the machine-id hash does, and is upgraded.
 * Limit: cards cloned before the upgrade share their first fingerprint
 * (both adopt it); taama-report quarantines two kiosks claiming one id. */
#ifndef APP_STATS_IDENTITY_H
#define APP_STATS_IDENTITY_H

#include <stddef.h>

#define STATS_HW_MAX 80

typedef struct {
    char text[STATS_HW_MAX]; /* "v2:m=...,c=...,s=..." */
    char legacy[33];         /* the v1 hash of the machine-id alone */
    int parts;               /* how many of m, c, s could be read */
} StatsHw;

/* Read the fingerprint. root prefixes every path ("" or NULL: the real
 * files; tests pass a folder of fake /etc, /sys and /proc files).
 * machine_id, when not NULL, replaces /etc/machine-id's contents; with
 * machine_id set and root NULL only the machine-id part is used. */
void stats_hw_read(const char *root, const char *machine_id, StatsHw *out);

/* Compare a stored fingerprint with the current one. Returns 1 when they
 * name the same machine, else 0. merged receives what to store from now on
 * (the stored parts, plus parts readable for the first time); *upgrade is
 * 1 when that differs from stored (a v1 hash, or parts adopted). */
int stats_hw_match(const char *stored, const StatsHw *now, char merged[STATS_HW_MAX], int *upgrade);

#endif
