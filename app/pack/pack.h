/* pack.h: signed content packs, verified and installed from a USB stick.
 *
 * A pack is a folder:
 *
 *   PACKDIR/manifest.json          app/manifest form: every file's path,
 *                                  size and SHA-256, meta campaign+version
 *   PACKDIR/manifest.json.minisig  made by the standard minisign tool
 *   PACKDIR/content/ locales/ assets/   the files themselves
 *
 * A campaign signs the manifest with `minisign -Sm manifest.json -t
 * "taama campaign=ID version=N"`. The kiosk verifies the minisign Ed25519
 * signature (pure "Ed" or prehashed "ED", BLAKE2b-512) and the global
 * signature over the trusted comment with libsodium, against at most two
 * public keys configured in DATA/pack-trust/ (so a key can be rotated).
 * The signed trusted comment carries the campaign and a version: the kiosk
 * refuses another campaign's pack and any version not newer than the
 * installed one. Every listed file must match its size and hash; paths
 * may not leave the pack; files not listed are ignored and never copied.
 *
 * Install layout (DATA = the kiosk's data folder):
 *
 *   DATA/content/versions/<N>/{manifest.json,manifest.json.minisig,content,locales,assets}
 *   DATA/content/current  -> versions/<N>   (symlink, replaced by rename)
 *   DATA/content/previous -> versions/<M>   (kept for fallback)
 *
 * The pack is staged in versions/.staging-<N>, copied from the verified
 * manifest only, fsynced, verified again from the staged copy (the stick
 * may change under us), renamed to versions/<N>, and only then do the
 * symlinks move; each rename is followed by a folder fsync. A power cut at
 * any point leaves `current` naming a complete version; pack_recover()
 * removes what an interrupted install left behind.
 *
 * Pure core: no SDL, no clock, no network. */
#ifndef APP_PACK_PACK_H
#define APP_PACK_PACK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/err.h"

#define PACK_MANIFEST "manifest.json"
#define PACK_SIGNATURE "manifest.json.minisig"
#define PACK_REPORT "taama-pack-report.txt"
#define PACK_TRUST_DIR "pack-trust" /* DATA/pack-trust/{key1.pub,key2.pub,campaign} */

enum {
    PACK_MAX_KEYS = 2,
    PACK_KEY_ID_BYTES = 8,
    PACK_MAX_FILES_DEFAULT = 20000,
    PACK_REPORT_LINES = 40, /* problem lines kept for the report; more are counted */
};
#define PACK_MAX_BYTES_DEFAULT (512ull * 1024ull * 1024ull)

/* A trusted minisign public key. */
typedef struct {
    unsigned char id[PACK_KEY_ID_BYTES];
    unsigned char pk[32];
} PackKey;

/* What the kiosk trusts and accepts. Plain value; build it with
 * pack_trust_load() or by hand (tests). */
typedef struct {
    PackKey keys[PACK_MAX_KEYS];
    int n_keys;
    char campaign[64];  /* packs must carry exactly this campaign id */
    uint64_t max_bytes; /* sum of listed file sizes; 0 = PACK_MAX_BYTES_DEFAULT */
    uint32_t max_files; /* 0 = PACK_MAX_FILES_DEFAULT */
} PackTrust;

/* A parsed .minisig file. */
typedef struct {
    int prehashed;                       /* 1: "ED" (BLAKE2b-512 of the file), 0: "Ed" */
    unsigned char key_id[PACK_KEY_ID_BYTES];
    unsigned char sig[64];
    char trusted_comment[1024];
    unsigned char global_sig[64];
} PackSig;

/* Why a pack was refused, for a translated message on screen. */
typedef enum {
    PACK_OK = 0,
    PACK_NO_MANIFEST,    /* no manifest.json, or unreadable */
    PACK_UNSIGNED,       /* no manifest.json.minisig */
    PACK_BAD_SIGNATURE,  /* signature malformed or does not verify */
    PACK_UNKNOWN_KEY,    /* signed by a key the kiosk does not trust */
    PACK_BAD_MANIFEST,   /* manifest or trusted comment malformed or inconsistent */
    PACK_WRONG_CAMPAIGN, /* signed for another campaign */
    PACK_ROLLBACK,       /* version not newer than the installed one */
    PACK_TOO_BIG,        /* over the size or file-count limit */
    PACK_BAD_PATH,       /* a path leaves the pack, or is outside content/ locales/ assets/ */
    PACK_BAD_FILE,       /* a listed file is missing or differs in size or hash */
    PACK_NO_SPACE,       /* not enough room on the kiosk */
    PACK_IO,             /* reading the stick or writing the kiosk failed */
    PACK_NOT_CONFIGURED, /* the kiosk has no trusted key or campaign */
} PackResult;

/* The outcome of a verify or install: everything the screen and the report
 * file need. */
typedef struct {
    Err err;                 /* ERR_OK when accepted (and installed, for install) */
    PackResult result;
    char message[256];       /* one clear English sentence */
    char campaign[64];       /* from the signed trusted comment, "" if unknown */
    int64_t version;         /* from the signed trusted comment, 0 if unknown */
    int64_t installed_version; /* what the kiosk had before, 0 if none */
    char key_id[17];         /* signer key id as minisign prints it, "" if unknown */
    int key_index;           /* which trusted key (0 or 1), -1 if none */
    int prehashed;
    size_t n_files;          /* listed files */
    uint64_t total_bytes;    /* sum of listed sizes */
    size_t n_bad;            /* listed files missing, different or outside */
    size_t n_ignored;        /* files present but not listed (never installed) */
    char lines[PACK_REPORT_LINES][200]; /* "path: problem" */
    int n_lines;
    int lines_dropped;
} PackReport;

/* One installed version, for loading and for the admin screen. */
typedef struct {
    char root[1024];     /* DATA/content/versions/<N>: holds content/ locales/ assets/ */
    int64_t version;
    char campaign[64];
    char key_id[17];
} PackInstalled;

/* Parse a minisign public key: the .pub file's text (comment line + base64
 * line) or the bare base64 line. ERR_FORMAT when malformed. */
Err pack_key_parse(const char *text, size_t len, PackKey *out) ERR_MUST_USE;

/* Parse a .minisig file's text. ERR_FORMAT when malformed. */
Err pack_sig_parse(const char *text, size_t len, PackSig *out) ERR_MUST_USE;

/* Verify sig over msg with key (file signature and global signature).
 * ERR_KEY when the key id differs, ERR_SIGNATURE when either signature
 * fails. */
Err pack_sig_verify(const PackSig *sig, const PackKey *key, const void *msg, size_t len) ERR_MUST_USE;

/* Parse the trusted comment "taama campaign=ID version=N" (tokens separated
 * by spaces or tabs, in any order; unknown key=value tokens ignored; ID is
 * 1-63 of [A-Za-z0-9._-], N a decimal 1..2^62). campaign must hold 64.
 * ERR_FORMAT when anything required is missing or malformed. */
Err pack_comment_parse(const char *comment, char *campaign, int64_t *version) ERR_MUST_USE;

/* Key id as 16 uppercase hex digits: the number minisign prints in its
 * comments (minisign drops leading zeros). */
void pack_key_id_hex(const unsigned char id[PACK_KEY_ID_BYTES], char out[17]);

/* Load DATA/pack-trust/key1.pub, key2.pub (either may be missing) and
 * DATA/pack-trust/campaign (one line). ERR_NOTFOUND when no key or no
 * campaign is configured; ERR_FORMAT when a present file is malformed (the
 * other key is still loaded). Limits get their defaults. */
Err pack_trust_load(const char *data_dir, PackTrust *out) ERR_MUST_USE;

/* Check the pack in pack_dir against trust and the installed version,
 * without changing anything. Fills rep (always). Returns rep->err. */
Err pack_verify(const char *pack_dir, const PackTrust *trust, int64_t installed_version,
                PackReport *rep) ERR_MUST_USE;

/* Verify and install pack_dir into data_dir (see the file comment), then
 * write the report file into pack_dir (best effort: a read-only stick only
 * logs; never when pack_dir, links resolved, lies inside data_dir, so a
 * refused pack can never write into installed content). Files of the pack
 * are opened with fileio_open_regular(): links, FIFOs and oversized files
 * on the stick are refused without being followed or read. On refusal or error nothing the kiosk loads changes. Fills rep
 * (always). Returns rep->err. */
Err pack_install(const char *data_dir, const char *pack_dir, const PackTrust *trust,
                 PackReport *rep) ERR_MUST_USE;

/* Write rep as a readable text file PACK_REPORT into pack_dir, atomically. */
Err pack_report_write(const char *pack_dir, const PackReport *rep) ERR_MUST_USE;

/* Remove what an interrupted install left: staging folders, temporary
 * links, and versions neither `current` nor `previous` names. Call at start
 * before pack_select(). ERR_OK when nothing is installed. */
Err pack_recover(const char *data_dir) ERR_MUST_USE;

/* Version `current` names, 0 when nothing is installed. */
int64_t pack_installed_version(const char *data_dir);

/* Describe the installed version: which = 0 for current, 1 for previous.
 * ERR_NOTFOUND when that link is missing or names no complete version. */
Err pack_installed(const char *data_dir, int which, PackInstalled *out) ERR_MUST_USE;

/* Pick the content to load: current, or previous when current_failed is
 * non-zero (the caller tried current and it failed to load) or current is
 * unusable. ERR_NOTFOUND when there is nothing to fall back to: the caller
 * then loads the content shipped with the program. */
Err pack_select(const char *data_dir, int current_failed, PackInstalled *out) ERR_MUST_USE;

/* Build a pack: copy DIR's content/, locales/ and assets/ (hidden files
 * skipped) into out_dir and write out_dir/manifest.json with meta campaign
 * and version. out_dir must not exist or be empty. */
Err pack_make(const char *src_dir, const char *out_dir, const char *campaign, int64_t version) ERR_MUST_USE;

/* Test hook: called at every durable step of pack_install() with a short
 * step name; a test can make it _exit() to simulate a power cut there.
 * NULL disarms. Not for production use. */
typedef void (*PackStepHook)(void *ctx, const char *step);
void pack_set_step_hook(PackStepHook hook, void *ctx);

/* The `taama pack` command; argv holds the words after "pack" (a leading
 * "pack" word is skipped too):
 *   make DIR --out PACKDIR --campaign ID --version N
 *   verify PACKDIR
 *   install PACKDIR
 * Messages go to out. Returns a process exit code: 0 ok, 1 refused or
 * failed, 2 usage. */
int pack_cli_main(const char *data_dir, int argc, char **argv, FILE *out);

#endif
