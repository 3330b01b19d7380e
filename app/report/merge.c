/* merge.c: the campaign database and `taama-report merge`, `enroll`,
 * `accept`, `quarantine` and `forget`.
 *
 * Each export folder is checked completely (strict formats, signature,
 * hashes, decryption, CSV, sequence) before one transaction adds it; a
 * refusal touches nothing. Counters are merged with max(), which with
 * cumulative snapshots makes merging idempotent and order-independent.
 *
 * Trust. A kiosk id is only a name: anyone can make a key and sign an
 * export with a real kiosk's id. So no export decides alone who owns an
 * id. Enrolled kiosks (`enroll`, `accept`: the manager vouched for the
 * key) keep their counts; an export with another key is quarantined. A
 * kiosk registered on first use loses that standing as soon as a second
 * key, or a second kiosk with the same key (a cloned card: the same export
 * number with other counts, or counts that do not fit one kiosk's
 * history), claims its id: everything counted for the id moves to the
 * quarantine with the new claim, so forged-then-real and real-then-forged
 * end the same. Quarantined exports keep their checked counters in the
 * database until the manager enrolls a key (which counts its exports) or
 * forgets the kiosk. An export's health.json (fleet health) goes with its
 * counters: stored when they are counted, kept in the quarantine with
 * them otherwise, so one model covers both.
 *
 * A stick is hostile too: folders are walked without following symlinks,
 * and files are read through stickio.c (regular files only, size first).
 *
 * The files: merge.c walks a stick and reads, verifies and places one
 * export; mergestore.c counts it, quarantine.c keeps it uncounted,
 * enroll.c holds the manager's decisions, mergedb.c the database handle
 * (merge.h lists them). */
#include "report/merge.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "core/fileio.h"
#include "core/vec.h"
#include "export/export.h"
#include "manifest/manifest.h"

#define MAX_DEPTH 4

/* ---- one export folder ---- */

/* One export being read: its files (owned), its manifest, what it says,
 * and where a refusal's reason goes. */
typedef struct {
    int dfd;
    char *mbytes, *sigtxt, *data, *plain, *health;
    size_t mlen, siglen, dlen, plen, hlen;
    Manifest *m;
    ExportInfo in;
    Parsed parsed;
    char have_hash[80]; /* manifest hash of a counted export with this number, or "" */
    char *msg;
    size_t msgsz;
} Reading;

static void reading_free(Reading *r)
{
    if (r->plain && r->plain != r->data)
        sodium_memzero(r->plain, r->plen);
    free(r->mbytes);
    free(r->sigtxt);
    free(r->data);
    free(r->plain);
    free(r->health);
    report_contacts_free(&r->in.contacts);
    free(r->parsed.rows);
    manifest_free(r->m);
}

/* Write the refusal's reason; 0, so a step can `return refuse(...)`. */
__attribute__((format(printf, 2, 3))) static int refuse(Reading *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->msg, r->msgsz, fmt, ap);
    va_end(ap);
    return 0;
}

static const char *stick_err(Err e)
{
    switch (e) {
    case ERR_NOTFOUND: return "missing";
    case ERR_PATH: return "not a regular file (a symlink, FIFO, device or folder): not read";
    case ERR_TOOBIG: return "too large";
    case ERR_HASH: return "wrong size";
    default: return err_str(e);
    }
}

/* Check the signature over the exact manifest bytes, with the key the
 * manifest names in its strict format, so damage reads as damage. */
static int read_verify_signature(Reading *r)
{
    const char *pkfield = manifest_get(r->m, "kiosk_pubkey");
    if (!pkfield || !report_pubkey_ok(pkfield))
        return refuse(r, EXPORT_MANIFEST_NAME ": field kiosk_pubkey is not 64 lowercase hex digits");
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sig[crypto_sign_BYTES];
    size_t bl = 0;
    const char *end = NULL;
    if (sodium_hex2bin(pk, sizeof pk, pkfield, strlen(pkfield), NULL, &bl, &end) != 0 || bl != sizeof pk || *end)
        return refuse(r, EXPORT_MANIFEST_NAME ": field kiosk_pubkey is malformed");
    if (sodium_hex2bin(sig, sizeof sig, r->sigtxt, r->siglen, "\r\n", &bl, &end) != 0 || bl != sizeof sig)
        return refuse(r, "signature file is malformed");
    if (crypto_sign_verify_detached(sig, (const unsigned char *)r->mbytes, r->mlen, pk) != 0)
        return refuse(r, "SIGNATURE DOES NOT VERIFY: manifest altered or not made by this kiosk");
    return 1;
}

/* What the manifest says about the export, once every field passed its
 * strict format (report_manifest_check), so nothing here can fail. */
static void read_fill_info(Reading *r)
{
    const Manifest *m = r->m;
    ExportInfo *in = &r->in;
    const char *label = manifest_get(m, "kiosk_label");
    snprintf(in->kiosk, sizeof in->kiosk, "%s", manifest_get(m, "kiosk_id"));
    snprintf(in->pubkey, sizeof in->pubkey, "%s", manifest_get(m, "kiosk_pubkey"));
    snprintf(in->label, sizeof in->label, "%s", label ? label : "");
    snprintf(in->df, sizeof in->df, "%s", manifest_get(m, "day_first"));
    snprintf(in->dl, sizeof in->dl, "%s", manifest_get(m, "day_last"));
    report_uint_ok(manifest_get(m, "epoch"), 1, INT32_MAX, &in->epoch);
    report_uint_ok(manifest_get(m, "seq"), 1, REPORT_SEQ_MAX, &in->seq);
    report_uint_ok(manifest_get(m, "rows"), 0, REPORT_ROWS_MAX, &in->rows);
    report_uint_ok(manifest_get(m, "created"), 0, REPORT_TIME_MAX, &in->created);
    in->encrypted = strcmp(manifest_get(m, "encrypted"), "1") == 0;
    fileio_sha256_hex(r->mbytes, r->mlen, in->mhash);
}

/* The manifest and its signature: read, parsed, verified, then every
 * field in its strict format before any is used. */
static int read_manifest(Reading *r)
{
    Err e = report_stick_read(r->dfd, EXPORT_MANIFEST_NAME, MANIFEST_MAX_BYTES, -1, &r->mbytes, &r->mlen);
    if (e)
        return refuse(r, EXPORT_MANIFEST_NAME ": %s", stick_err(e));
    e = report_stick_read(r->dfd, EXPORT_SIG_NAME, 4096, -1, &r->sigtxt, &r->siglen);
    if (e == ERR_NOTFOUND)
        return refuse(r, "no signature (manifest.sig missing): not a finished export");
    if (e)
        return refuse(r, EXPORT_SIG_NAME ": %s", stick_err(e));
    r->m = manifest_parse(r->mbytes, r->mlen, &e);
    if (!r->m)
        return refuse(r, EXPORT_MANIFEST_NAME " unreadable: %s", err_str(e));
    if (!read_verify_signature(r))
        return 0;
    char why[400];
    if (report_manifest_check(r->m, why, sizeof why) != ERR_OK)
        return refuse(r, "%s", why);
    read_fill_info(r);
    return 1;
}

/* One file the manifest lists (mf): a regular file of the listed size
 * (checked before a byte is read), then hashed in memory, so the bytes
 * parsed are the bytes checked. */
static int read_listed_file(Reading *r, const ManifestFile *mf, const char *name, size_t max, char **buf,
                            size_t *len)
{
    Err e = report_stick_read(r->dfd, name, max, (int64_t)mf->size, buf, len);
    if (e == ERR_HASH)
        return refuse(r, "file check failed: %s: wrong size (listed %llu bytes)", name,
                      (unsigned long long)mf->size);
    if (e)
        return refuse(r, "file check failed: %s: %s", name, stick_err(e));
    char hex[65];
    fileio_sha256_hex(*buf, *len, hex);
    if (strcmp(hex, mf->sha256) != 0)
        return refuse(r, "file check failed: %s: wrong SHA-256", name);
    return 1;
}

/* The one data file, and the fleet health (optional: older kiosks do not
 * write it), checked as strictly as the counters: a bad one refuses the
 * whole export. */
static int read_files(Reading *r)
{
    const char *dname = r->in.encrypted ? EXPORT_SEALED_NAME : EXPORT_CSV_NAME;
    if (!read_listed_file(r, manifest_find_file(r->m, dname), dname, EXPORT_MAX_BYTES, &r->data, &r->dlen))
        return 0;
    char why[400];
    if (report_contacts_read(r->dfd, r->m, &r->in.contacts, why, sizeof why) != ERR_OK)
        return refuse(r, "%s", why);
    const ManifestFile *hf = manifest_find_file(r->m, EXPORT_HEALTH_NAME);
    if (!hf)
        return 1;
    if (!read_listed_file(r, hf, EXPORT_HEALTH_NAME, EXPORT_HEALTH_MAX_BYTES, &r->health, &r->hlen))
        return 0;
    if (report_health_check(r->health, r->hlen, &r->in.health, why, sizeof why) != ERR_OK)
        return refuse(r, "%s", why);
    r->in.health_json = r->health;
    r->in.health_len = r->hlen;
    return 1;
}

/* The counters in plain text: opened with the campaign key when sealed,
 * the data file itself otherwise. */
static int read_decrypt(Reading *r, const unsigned char *campaign_sk)
{
    if (!r->in.encrypted) {
        r->plain = r->data;
        r->plen = r->dlen;
        r->data = NULL;
        return 1;
    }
    if (!campaign_sk)
        return refuse(r, "export is encrypted: give the campaign secret key with --key FILE");
    if (r->dlen < crypto_box_SEALBYTES)
        return refuse(r, "encrypted file too short");
    unsigned char cpk[crypto_box_PUBLICKEYBYTES];
    crypto_scalarmult_base(cpk, campaign_sk);
    r->plen = r->dlen - crypto_box_SEALBYTES;
    r->plain = malloc(r->plen + 1);
    if (!r->plain)
        return refuse(r, "out of memory");
    if (crypto_box_seal_open((unsigned char *)r->plain, (const unsigned char *)r->data, r->dlen, cpk,
                             campaign_sk) != 0)
        return refuse(r, "cannot decrypt: encrypted to a different campaign key");
    return 1;
}

/* The same export again is harmless, counted or quarantined: its file
 * verified against the same signed manifest. 1 (and msg) when seen. */
static int merge_seen_before(sqlite3 *db, Reading *r)
{
    const ExportInfo *in = &r->in;
    merge_query_int(db, "SELECT manifest_sha256 FROM exports WHERE kiosk_id=?1 AND epoch=?2 AND seq=?3", in->kiosk,
                    in->epoch, in->seq, 0, r->have_hash, sizeof r->have_hash);
    if (strcmp(r->have_hash, in->mhash) == 0) {
        snprintf(r->msg, r->msgsz, "already merged (kiosk %.8s epoch %lld export %lld)", in->kiosk,
                 (long long)in->epoch, (long long)in->seq);
        return 1;
    }
    if (merge_query_int(db, "SELECT count(*) FROM quarantine WHERE manifest_sha256=?1", in->mhash, 0, 0, 0, NULL,
                        0) > 0) {
        snprintf(r->msg, r->msgsz,
                 "already quarantined (kiosk %.8s epoch %lld export %lld): see `taama-report quarantine`",
                 in->kiosk, (long long)in->epoch, (long long)in->seq);
        return 1;
    }
    return 0;
}

/* Why an export of a known id and key is quarantined with its kiosk. */
static void clone_reason(char *out, size_t sz, const char *tag, const ExportInfo *in, const char *what)
{
    snprintf(out, sz,
             "%s: kiosk %s epoch %lld export %lld %s: two kiosks share this id and key (a cloned card?). Both are "
             "quarantined, neither counted: see `taama-report quarantine`.",
             tag, in->kiosk, (long long)in->epoch, (long long)in->seq, what);
}

/* What the database knows about the kiosk id an export claims. */
typedef struct {
    int64_t kid;      /* -1: never counted */
    int64_t nq;       /* its exports in the quarantine */
    int64_t others;   /* other keys claiming it in the quarantine */
    char known[80];   /* the key it is counted under, or "" */
    int enrolled;     /* the manager vouched for that key */
} Claim;

static void merge_read_claim(sqlite3 *db, const ExportInfo *in, Claim *c)
{
    char trust[32] = "";
    c->kid = merge_query_int(db, "SELECT kid FROM kiosks WHERE kiosk_id=?1", in->kiosk, 0, 0, -1, NULL, 0);
    merge_query_int(db, "SELECT pubkey FROM kiosks WHERE kiosk_id=?1", in->kiosk, 0, 0, 0, c->known,
                    sizeof c->known);
    merge_query_int(db, "SELECT trust FROM kiosks WHERE kiosk_id=?1", in->kiosk, 0, 0, 0, trust, sizeof trust);
    c->nq = merge_query_int(db, "SELECT count(*) FROM quarantine WHERE kiosk_id=?1", in->kiosk, 0, 0, 0, NULL, 0);
    c->enrolled = strcmp(trust, "enrolled") == 0;
    c->others = 0;
    if (c->kid >= 0 || c->nq == 0)
        return;
    sqlite3_stmt *qs = merge_prepare_texts(db, "SELECT count(DISTINCT pubkey) FROM quarantine WHERE kiosk_id=?1 AND"
                                               " pubkey<>?2", in->kiosk, in->pubkey);
    if (qs && sqlite3_step(qs) == SQLITE_ROW)
        c->others = sqlite3_column_int64(qs, 0);
    sqlite3_finalize(qs);
}

/* Trust: who owns this kiosk id? When the export must wait in the
 * quarantine (an id never counted but claimed there, not enrolled under
 * --enrolled-only, another key, the same number with other content),
 * write the reason and set *dispute (the kiosk's counts go too); 0 when
 * it may be counted. */
static int merge_trust(const Claim *c, const ExportInfo *in, const MergeOptions *opt, char *reason, size_t sz,
                       int *dispute)
{
    const char *k = in->kiosk;
    *dispute = 0;
    if (c->kid < 0 && c->nq > 0) {
        if (c->others)
            snprintf(reason, sz,
                     "kiosk %s is disputed (%lld other key(s) claim it; see `taama-report quarantine`): kept, not "
                     "counted",
                     k, (long long)c->others);
        else
            snprintf(reason, sz,
                     "kiosk %s is waiting to be enrolled: kept, not counted. Count it with `taama-report accept %s "
                     "%.16s`",
                     k, k, in->pubkey);
        return 1;
    }
    if (!c->enrolled && opt->enrolled_only && (c->kid < 0 || strcmp(c->known, in->pubkey) == 0)) {
        snprintf(reason, sz,
                 "kiosk %s is not enrolled: kept, not counted. Count it with `taama-report accept %s %.16s`", k, k,
                 in->pubkey);
        return 1;
    }
    if (c->kid >= 0 && c->known[0] && strcmp(c->known, in->pubkey) != 0) {
        if (c->enrolled)
            snprintf(reason, sz,
                     "!!! KEY CHANGED: kiosk %s is enrolled with key %.16s..., this export is signed by %.16s... "
                     "It may be forged: kept, not counted (the kiosk's counts stay). If its key was really reset, "
                     "`taama-report accept %s %.16s`.",
                     k, c->known, in->pubkey, k, in->pubkey);
        else
            snprintf(reason, sz,
                     "!!! KEY CHANGED for kiosk %s: registered on first use with key %.16s..., this export is "
                     "signed by %.16s... Two keys claim one kiosk (a forged export, or a key reset): both are "
                     "quarantined, neither counted. Decide with `taama-report accept %s KEY` or `forget`.",
                     k, c->known, in->pubkey, k);
        *dispute = !c->enrolled;
        return 1;
    }
    return 0;
}

/* Count the export; a clone of the kiosk goes to the quarantine with it. */
static Outcome merge_count(ReportDb *rdb, Reading *r)
{
    const ExportInfo *in = &r->in;
    char reason[600];
    switch (merge_store_export(rdb, in, &r->parsed, NULL, r->msg, r->msgsz)) {
    case S_OK:
        snprintf(r->msg, r->msgsz, "kiosk %.8s epoch %lld export %lld, %lld counters, days %s..%s%s", in->kiosk,
                 (long long)in->epoch, (long long)in->seq, (long long)in->rows, in->df, in->dl,
                 in->encrypted ? " (decrypted)" : "");
        return R_TAKEN;
    case S_CLONE:
        clone_reason(reason, sizeof reason, "CLONE", in,
                     "does not fit the exports merged before (a counter went down, or an older export holds "
                     "counts never seen)");
        return merge_quarantine(rdb, in, r->plain, r->plen, 1, reason, r->msg, r->msgsz);
    case S_REPLAY:
    case S_BAD: return R_REFUSED;
    case S_DBFAIL: break;
    }
    return R_DBFAIL;
}

/* Read and verify the export in the open folder dfd, then count it,
 * quarantine it or refuse it; msg says which and why. */
static Outcome merge_one(ReportDb *rdb, int dfd, const MergeOptions *opt, char *msg, size_t msgsz)
{
    Reading r = {.dfd = dfd, .msg = msg, .msgsz = msgsz};
    Outcome out = R_REFUSED;
    char why[400], reason[600];
    int dispute = 0;
    Claim claim;
    if (!read_manifest(&r) || !read_files(&r) || !read_decrypt(&r, opt->campaign_sk))
        goto done;
    if (merge_seen_before(rdb->db, &r)) {
        out = R_ALREADY;
        goto done;
    }
    if (merge_parse_counters(r.plain, r.plen, &r.in, &r.parsed, why, sizeof why) != ERR_OK) {
        refuse(&r, "%s", why);
        goto done;
    }
    merge_read_claim(rdb->db, &r.in, &claim);
    if (merge_trust(&claim, &r.in, opt, reason, sizeof reason, &dispute)) {
        out = merge_quarantine(rdb, &r.in, r.plain, r.plen, dispute, reason, msg, msgsz);
    } else if (r.have_hash[0]) {
        clone_reason(reason, sizeof reason, "CONFLICT", &r.in, "was merged before with different content");
        out = merge_quarantine(rdb, &r.in, r.plain, r.plen, 1, reason, msg, msgsz);
    } else {
        out = merge_count(rdb, &r);
    }
done:
    reading_free(&r);
    return out;
}

/* ---- walking a stick ---- */

/* Does the folder hold anything an export writes? (for "incomplete") */
static int has_export_files(int dfd)
{
    const char *names[] = {EXPORT_CSV_NAME, EXPORT_SEALED_NAME, EXPORT_SIG_NAME};
    struct stat st;
    for (size_t i = 0; i < 3; i++)
        if (fstatat(dfd, names[i], &st, AT_SYMLINK_NOFOLLOW) == 0)
            return 1;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One line of merge output: the folder and the message come from the
 * stick, so both are sanitised for the terminal. */
static void say(FILE *out, const char *tag, const char *dir, const char *msg)
{
    if (!out)
        return;
    char d[PATH_MAX], m[1200];
    report_term_safe(dir, d, sizeof d);
    report_term_safe(msg, m, sizeof m);
    fprintf(out, "%-8s %s: %s\n", tag, d, m);
}

/* Merge the export in dfd (shown as dir), tally and say the outcome.
 * ERR_DB stops the walk. */
static Err walk_export(ReportDb *db, int dfd, const char *dir, const MergeOptions *opt, MergeSummary *sum)
{
    char msg[1200];
    FILE *out = opt->out;
    switch (merge_one(db, dfd, opt, msg, sizeof msg)) {
    case R_TAKEN: sum->taken++; say(out, "taken", dir, msg); break;
    case R_ALREADY: sum->already++; say(out, "skipped", dir, msg); break;
    case R_REFUSED: sum->refused++; say(out, "REFUSED", dir, msg); break;
    case R_QUARANTINED: sum->quarantined++; say(out, "QUARANTINED", dir, msg); break;
    case R_DBFAIL:
        sum->refused++;
        say(out, "FAILED", dir, msg);
        return ERR_DB;
    }
    return ERR_OK;
}

/* The subfolders of dfd (not dfd's own position: read through a
 * duplicate), sorted by name, in *names (caller frees each and the
 * array). Folders only, and no symlink to one (d_type when the file
 * system gives it; lstat-like fstatat otherwise). Out of memory ends the
 * list early: what was found is still walked. */
static size_t walk_list_subdirs(int dfd, char ***names)
{
    int dup_fd = dup(dfd);
    DIR *d = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
    *names = NULL;
    if (!d) {
        if (dup_fd >= 0)
            close(dup_fd);
        return 0;
    }
    size_t n = 0, cap = 0;
    struct dirent *de;
    struct stat st;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        if (de->d_type != DT_DIR &&
            (de->d_type != DT_UNKNOWN || fstatat(dfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
             !S_ISDIR(st.st_mode)))
            continue;
        if (VEC_RESERVE(*names, cap, n + 1) != ERR_OK)
            break;
        if (!((*names)[n] = strdup(de->d_name)))
            break;
        n++;
    }
    closedir(d);
    if (n > 1)
        qsort(*names, n, sizeof **names, cmp_str);
    return n;
}

/* Walk the open folder dfd (shown as dir), never following a symlink:
 * each subfolder is opened relative to its parent with O_NOFOLLOW, so
 * links, loops and FIFOs cost nothing. Closes dfd. */
static Err walk(ReportDb *db, int dfd, const char *dir, int depth, const MergeOptions *opt, MergeSummary *sum)
{
    struct stat st;
    Err e = ERR_OK;
    if (fstatat(dfd, EXPORT_MANIFEST_NAME, &st, AT_SYMLINK_NOFOLLOW) == 0) {
        e = walk_export(db, dfd, dir, opt, sum);
    } else if (has_export_files(dfd)) {
        sum->incomplete++;
        say(opt->out, "ignored", dir, "incomplete export (no manifest; the stick was pulled or full?)");
    } else if (depth < MAX_DEPTH) {
        char **names = NULL;
        size_t n = walk_list_subdirs(dfd, &names);
        for (size_t i = 0; i < n; i++) {
            char p[PATH_MAX];
            int cfd = e || fileio_join(p, sizeof p, dir, names[i]) ? -1 : report_stick_opendir(dfd, names[i]);
            if (cfd >= 0)
                e = walk(db, cfd, p, depth + 1, opt, sum);
            free(names[i]);
        }
        free(names);
    }
    close(dfd);
    return e;
}

Err report_merge_path(ReportDb *db, const char *path, const MergeOptions *opt, MergeSummary *sum)
{
    if (!db || !path || !opt || !sum)
        return ERR_INVALID;
    if (sodium_init() < 0)
        return ERR_IO;
    /* The path the manager typed may be a symlink (a mount point's
     * alias); nothing below it is followed. */
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        say(opt->out, "REFUSED", path, "not a folder");
        sum->refused++;
        return ERR_OK;
    }
    return walk(db, fd, path, 0, opt, sum);
}
