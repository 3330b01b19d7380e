/* export.h: carrying the kiosk's counters off on a USB stick.
 *
 * An export is a cumulative snapshot of every counter (so merging is
 * idempotent: the newest export of a kiosk holds all earlier ones), written
 * to DEST/taama-export/<kiosk-id>/<epoch>-<seq>/ as
 *   counters.csv         RFC 4180 CSV, UTF-8 with BOM, CRLF
 *   (or counters.csv.sealed when a campaign public key is configured:
 *    the same bytes in a libsodium sealed box)
 *   health.json          fleet health (export/health.h)
 *   contacts.json        the help contact lists in force (export/contacts.h)
 *   manifest.sig         hex Ed25519 signature of manifest.json's bytes
 *   manifest.json        the commit record (see manifest.h), written LAST
 * Every file goes through fileio (temp name, fsync, rename, folder fsync);
 * after writing, the caches are dropped and everything is re-read from the
 * stick and verified before the export is reported and remembered.
 *
 * Keys live in the data folder: kiosk.key (Ed25519 secret key, hex, 0600)
 * and kiosk.pub, made on first start; campaign.pub (X25519 public key, hex)
 * when the campaign wants exports encrypted.
 *
 * Nothing here touches SDL or reads the clock: time is passed in. The GUI
 * runs export_run() on a worker thread and shows ExportResult.message. */
#ifndef APP_EXPORT_EXPORT_H
#define APP_EXPORT_EXPORT_H

#include <stdint.h>
#include <stdio.h>

#include "core/err.h"
#include "stats/stats.h"

#define EXPORT_ROOT_DIR "taama-export"
#define EXPORT_CSV_NAME "counters.csv"
#define EXPORT_SEALED_NAME "counters.csv.sealed"
#define EXPORT_MANIFEST_NAME "manifest.json"
#define EXPORT_SIG_NAME "manifest.sig"
#define EXPORT_KIND "taama-stats-export-1"
#define EXPORT_CSV_HEADER "day,metric,lang,module,item,value"
#define EXPORT_KIOSK_KEY "kiosk.key"
#define EXPORT_KIOSK_PUB "kiosk.pub"
#define EXPORT_CAMPAIGN_PUB "campaign.pub"
#define EXPORT_MAX_BYTES (512u * 1024u * 1024u) /* refuse bigger snapshots */
/* Fleet health (export/health.h), listed in the manifest beside the counters. */
#define EXPORT_HEALTH_NAME "health.json"
#define EXPORT_HEALTH_KIND "taama-health-1"
#define EXPORT_HEALTH_MAX_BYTES 16384u

typedef struct {
    const char *data_dir;    /* kiosk keys and campaign.pub live here */
    const char *dest;        /* mount point or any folder */
    const char *kiosk_label; /* optional human name for the manifest; NULL = none */
    int64_t now;             /* wall-clock seconds, recorded as "created" */
    int require_encryption;  /* 1: refuse (ERR_KEY, nothing written) without
                              * campaign.pub. Exports on insert set it: no PIN
                              * is asked, so they must be unreadable to
                              * whoever holds the stick. */
    const char *health_json; /* health.json bytes (export/health.h); NULL: built from the stored state */
} ExportRequest;

typedef struct {
    Err err;           /* ERR_OK only when the export was written AND verified */
    int64_t seq;       /* sequence number used (0 if none was reserved) */
    int64_t rows;      /* counter rows exported */
    int encrypted;     /* 1 when sealed to the campaign key */
    char folder[1024]; /* the export folder on the stick, "" if none */
    char message[256]; /* one English sentence for the screen or shell */
} ExportResult;

/* Make the kiosk's Ed25519 key pair in data_dir if missing (kiosk.key 0600,
 * kiosk.pub 0644) and return the public key as 64 hex chars (pub_hex may be
 * NULL). An existing but damaged key is never replaced: ERR_KEY. */
Err export_keys_ensure(const char *data_dir, char pub_hex[65]) ERR_MUST_USE;

/* Read a key file holding n bytes as 2n hex characters (surrounding
 * whitespace allowed). ERR_NOTFOUND if absent, ERR_KEY if malformed. Shared
 * with taama-report for campaign keys. */
Err export_read_hex_key(const char *path, unsigned char *out, size_t n) ERR_MUST_USE;

/* Write n bytes as hex plus a newline to path, atomically, with mode. */
Err export_write_hex_key(const char *path, const unsigned char *key, size_t n, unsigned mode) ERR_MUST_USE;

/* 1 when DATA/campaign.pub holds a valid campaign key, so exports are
 * sealed; 0 when it is missing or damaged. */
int export_campaign_key_installed(const char *data_dir);

/* Write one export of s to req->dest and verify it. Reserves the next
 * sequence number first (stats meta "export.next_seq"), so a number is
 * never reused even when an attempt fails; on success records
 * "export.last_seq", "export.last_time" and "export.last_rows". Returns
 * res->err. A full, read-only or removed stick gives a clear message, leaves
 * no temporary file (best effort if the stick is gone) and no unverified
 * manifest. Thread: may run on a worker thread while the UI records stats. */
Err export_run(Stats *s, const ExportRequest *req, ExportResult *res) ERR_MUST_USE;

/* Render the export snapshot of s as CSV bytes (BOM, header, CRLF), as
 * written to the stick. *out malloc'd, caller frees. rows, day_first and
 * day_last (11 bytes each, "" when no rows) may be NULL. */
Err export_csv_build(Stats *s, char **out, size_t *len, int64_t *rows, char *day_first,
                     char *day_last) ERR_MUST_USE;

/* ---- watching for sticks (pure; the GUI feeds /proc/self/mounts text) ---- */
#define EXPORT_MAX_MOUNTS 16

typedef struct {
    int n;
    char path[EXPORT_MAX_MOUNTS][256];
} ExportMounts;

/* The default places removable media appear: /media, /run/media, /mnt. */
extern const char *const export_default_mount_prefixes[];

/* Parse mount table text (/proc/self/mounts format, parsed with libc's
 * getmntent_r) and keep mount points at or under one of prefixes (a
 * NULL-terminated list; NULL = the defaults) whose file system is not a
 * pseudo one (tmpfs, proc, ...). Octal escapes (\040) are decoded. */
void export_mounts_parse(const char *table_text, const char *const *prefixes, ExportMounts *out);

/* Mount points in after that are not in before (a stick just inserted).
 * Returns added->n. */
int export_mounts_added(const ExportMounts *before, const ExportMounts *after, ExportMounts *added);

/* `taama export --to DIR [--label NAME] [--any-folder]`: open the stats in
 * data_dir, export, print the result message to out. argv[0] is the command
 * name. Refuses, before touching anything, a data_dir that does not exist
 * and a DIR that is not on a mounted stick (per /proc/self/mounts, or the
 * file given with --mount-table) unless --any-folder. Returns a process
 * exit code (0 done, 1 failed, 2 usage). */
int export_cli_main(const char *data_dir, int argc, char **argv, FILE *out);

#endif
