/* export.c: the kiosk side of USB export: keys, the CSV snapshot, writing
 * and verifying the export folder (export_cli.c has the mount table and
 * the `taama export` command, contacts.c the contact lists).
 *
 * Order on the stick is what makes it safe: data file, then signature, then
 * manifest (the commit record). A folder without a verifying manifest is
 * never counted by taama-report, so a failure at any step leaves at worst
 * an uncommitted folder, which we also try to remove. */
#include "export/export.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>
#include <sodium.h>

#include "core/fileio.h"
#include "core/log.h"
#include "export/contacts.h"
#include "export/health.h"
#include "manifest/manifest.h"

/* ---- keys ---- */

Err export_read_hex_key(const char *path, unsigned char *out, size_t n)
{
    char *buf = NULL;
    size_t len = 0;
    Err e = fileio_read_all(path, 4096, &buf, &len);
    if (e)
        return e == ERR_NOTFOUND ? ERR_NOTFOUND : (e == ERR_TOOBIG ? ERR_KEY : e);
    size_t bin_len = 0;
    const char *end = NULL;
    const char *p = buf;
    while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
        p++;
    int r = sodium_hex2bin(out, n, p, len - (size_t)(p - buf), NULL, &bin_len, &end);
    if (r == 0 && bin_len == n) {
        while (*end == ' ' || *end == '\n' || *end == '\r' || *end == '\t')
            end++;
        if (*end != '\0')
            r = -1;
    }
    sodium_memzero(buf, len);
    free(buf);
    if (r != 0 || bin_len != n) {
        sodium_memzero(out, n);
        return ERR_KEY;
    }
    return ERR_OK;
}

Err export_write_hex_key(const char *path, const unsigned char *key, size_t n, unsigned mode)
{
    char *hex = malloc(2 * n + 2);
    if (!hex)
        return ERR_NOMEM;
    sodium_bin2hex(hex, 2 * n + 1, key, n);
    hex[2 * n] = '\n';
    Err e = fileio_write_atomic(path, hex, 2 * n + 1, (mode_t)mode);
    sodium_memzero(hex, 2 * n + 2);
    free(hex);
    return e;
}

/* Load (or make) the key pair; sk/pk filled on ERR_OK. */
static Err load_keys(const char *data_dir, unsigned char sk[crypto_sign_SECRETKEYBYTES],
                     unsigned char pk[crypto_sign_PUBLICKEYBYTES])
{
    if (sodium_init() < 0)
        return ERR_IO;
    char skp[PATH_MAX], pkp[PATH_MAX];
    if (fileio_join(skp, sizeof skp, data_dir, EXPORT_KIOSK_KEY) ||
        fileio_join(pkp, sizeof pkp, data_dir, EXPORT_KIOSK_PUB))
        return ERR_TOOBIG;
    Err e = export_read_hex_key(skp, sk, crypto_sign_SECRETKEYBYTES);
    if (e == ERR_NOTFOUND) {
        struct stat st;
        if (stat(skp, &st) == 0)
            return ERR_KEY; /* exists but unreadable: never replace it */
        crypto_sign_keypair(pk, sk);
        e = export_write_hex_key(skp, sk, crypto_sign_SECRETKEYBYTES, 0600);
        if (e)
            return e;
        log_info("export: made the kiosk signing key");
    } else if (e) {
        log_error("export: kiosk key %s is damaged (%s); not replacing it", skp, err_str(e));
        return ERR_KEY;
    }
    /* The public key is derived, so a missing or stale kiosk.pub is just
     * rewritten. Tighten permissions of a key someone loosened. */
    (void)chmod(skp, 0600);
    crypto_sign_ed25519_sk_to_pk(pk, sk);
    unsigned char onfile[crypto_sign_PUBLICKEYBYTES];
    if (export_read_hex_key(pkp, onfile, sizeof onfile) != ERR_OK ||
        memcmp(onfile, pk, sizeof onfile) != 0) {
        e = export_write_hex_key(pkp, pk, crypto_sign_PUBLICKEYBYTES, 0644);
        if (e)
            log_warn("export: cannot write %s: %s", pkp, err_str(e));
    }
    return ERR_OK;
}

Err export_keys_ensure(const char *data_dir, char pub_hex[65])
{
    unsigned char sk[crypto_sign_SECRETKEYBYTES], pk[crypto_sign_PUBLICKEYBYTES];
    Err e = load_keys(data_dir, sk, pk);
    sodium_memzero(sk, sizeof sk);
    if (!e && pub_hex)
        sodium_bin2hex(pub_hex, 65, pk, sizeof pk);
    return e;
}

/* ---- CSV snapshot ---- */

typedef struct {
    char *buf;
    size_t len, cap;
    int64_t rows;
    char first[11], last[11];
    Err err;
} CsvOut;

static int out_reserve(CsvOut *o, size_t more)
{
    if (o->len + more + 1 <= o->cap)
        return 1;
    size_t nc = o->cap ? o->cap : 1 << 16;
    while (nc < o->len + more + 1)
        nc *= 2;
    if (nc > EXPORT_MAX_BYTES) {
        o->err = ERR_TOOBIG;
        return 0;
    }
    char *nb = realloc(o->buf, nc);
    if (!nb) {
        o->err = ERR_NOMEM;
        return 0;
    }
    o->buf = nb;
    o->cap = nc;
    return 1;
}

static void out_raw(CsvOut *o, const char *s, size_t n)
{
    if (!out_reserve(o, n))
        return;
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

/* One CSV field: bare when safe, else quoted by libcsv (RFC 4180). */
static void out_field(CsvOut *o, const char *s)
{
    size_t n = strlen(s);
    if (strpbrk(s, ",\"\r\n") == NULL) {
        out_raw(o, s, n);
        return;
    }
    size_t need = 2 * n + 2;
    if (!out_reserve(o, need))
        return;
    o->len += csv_write(o->buf + o->len, need, s, n);
}

static char *fmt_i64(char *end, int64_t v)
{
    /* Right-to-left; faster than snprintf, which dominates export time. */
    uint64_t u = v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
    char *p = end;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    return p;
}

static int csv_row_cb(void *ctx, const StatRow *r)
{
    CsvOut *o = ctx;
    char num[24];
    out_field(o, r->day);
    out_raw(o, ",", 1);
    out_field(o, r->metric);
    out_raw(o, ",", 1);
    out_field(o, r->lang);
    out_raw(o, ",", 1);
    out_field(o, r->module);
    out_raw(o, ",", 1);
    if (r->item >= 0) {
        char *p = fmt_i64(num + sizeof num, r->item);
        out_raw(o, p, (size_t)(num + sizeof num - p));
    }
    out_raw(o, ",", 1);
    char *p = fmt_i64(num + sizeof num, r->value);
    out_raw(o, p, (size_t)(num + sizeof num - p));
    out_raw(o, "\r\n", 2);
    if (o->rows == 0 || strcmp(r->day, o->first) < 0)
        snprintf(o->first, sizeof o->first, "%s", r->day);
    if (o->rows == 0 || strcmp(r->day, o->last) > 0)
        snprintf(o->last, sizeof o->last, "%s", r->day);
    o->rows++;
    return o->err != ERR_OK;
}

Err export_csv_build(Stats *s, char **out, size_t *len, int64_t *rows, char *day_first,
                     char *day_last)
{
    CsvOut o = {0};
    *out = NULL;
    *len = 0;
    /* The BOM makes Excel read the file as UTF-8 (it otherwise assumes the
     * local ANSI code page); LibreOffice and libcsv-based readers cope. */
    out_raw(&o, "\xEF\xBB\xBF" EXPORT_CSV_HEADER "\r\n", 3 + strlen(EXPORT_CSV_HEADER) + 2);
    Err e = o.err ? o.err : stats_foreach_row(s, csv_row_cb, &o);
    if (!e)
        e = o.err;
    if (e) {
        free(o.buf);
        return e;
    }
    o.buf[o.len] = '\0';
    *out = o.buf;
    *len = o.len;
    if (rows)
        *rows = o.rows;
    if (day_first)
        snprintf(day_first, 11, "%s", o.first);
    if (day_last)
        snprintf(day_last, 11, "%s", o.last);
    return ERR_OK;
}

/* ---- writing an export ---- */

static void set_msg(ExportResult *res, Err e, const char *what)
{
    res->err = e;
    const char *why;
    switch (e) {
    case ERR_OK:
        snprintf(res->message, sizeof res->message,
                 "Export complete (%lld counters, number %lld). You can remove the stick.",
                 (long long)res->rows, (long long)res->seq);
        return;
    case ERR_NOSPACE: why = "the stick is full"; break;
    case ERR_READONLY: why = "the stick is read-only or locked"; break;
    case ERR_NOTFOUND:
    case ERR_IO: why = "the stick could not be written (was it removed?)"; break;
    case ERR_HASH: why = "the stick did not read back what was written (it may be faulty)"; break;
    case ERR_KEY: why = "a key file in the data folder is damaged"; break;
    case ERR_PATH: why = "the stick holds a link where the export folder goes (links are never followed)"; break;
    case ERR_NOMEM: why = "out of memory"; break;
    case ERR_TOOBIG: why = "the statistics are too large"; break;
    default: why = err_str(e); break;
    }
    snprintf(res->message, sizeof res->message, "Export failed: %s (%s). Nothing was marked as exported; try again.",
             why, what);
}

/* Remove what an unsuccessful attempt left: best effort, the stick may be
 * gone. Manifest first, so the folder stops looking committed at once. */
static void cleanup_folder(const char *folder)
{
    const char *names[] = {EXPORT_MANIFEST_NAME, EXPORT_SIG_NAME,    EXPORT_CSV_NAME,
                           EXPORT_SEALED_NAME,   EXPORT_HEALTH_NAME, EXPORT_CONTACTS_NAME};
    char p[PATH_MAX];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (fileio_join(p, sizeof p, folder, names[i]) == ERR_OK)
            unlink(p);
    if (rmdir(folder) == 0) {
        char parent[PATH_MAX];
        snprintf(parent, sizeof parent, "%s", folder);
        char *slash = strrchr(parent, '/');
        if (slash) {
            *slash = '\0';
            (void)!fileio_fsync_dir(parent);
        }
    }
}

/* Reserve a fresh sequence number before writing anything, so a failed
 * attempt that leaves a folder behind never shares its number with a later,
 * different export. */
static Err reserve_seq(Stats *s, int64_t *seq)
{
    char buf[32] = "";
    int64_t next = 1;
    Err e = stats_meta_get(s, "export.next_seq", buf, sizeof buf);
    if (e == ERR_OK) {
        char *end;
        long long v = strtoll(buf, &end, 10);
        if (*end || v < 1)
            return ERR_CORRUPT;
        next = v;
    } else if (e != ERR_NOTFOUND) {
        return e;
    }
    snprintf(buf, sizeof buf, "%lld", (long long)(next + 1));
    e = stats_meta_set(s, "export.next_seq", buf);
    if (e)
        return e;
    *seq = next;
    return ERR_OK;
}

static Err read_campaign_key(const char *data_dir, unsigned char pk[crypto_box_PUBLICKEYBYTES], int *have)
{
    char p[PATH_MAX];
    *have = 0;
    if (fileio_join(p, sizeof p, data_dir, EXPORT_CAMPAIGN_PUB))
        return ERR_TOOBIG;
    Err e = export_read_hex_key(p, pk, crypto_box_PUBLICKEYBYTES);
    if (e == ERR_NOTFOUND)
        return ERR_OK;
    if (e)
        return ERR_KEY; /* configured but broken: never fall back to plaintext */
    *have = 1;
    return ERR_OK;
}

int export_campaign_key_installed(const char *data_dir)
{
    unsigned char pk[crypto_box_PUBLICKEYBYTES];
    int have = 0;
    if (!data_dir || read_campaign_key(data_dir, pk, &have) != ERR_OK)
        return 0;
    return have;
}

/* Re-read everything from the device and check it against what we meant. */
static Err verify_written(const char *folder, const Manifest *m, const char *mbytes, size_t mlen,
                          const char *sighex)
{
    char p[PATH_MAX];
    for (size_t i = 0; i < manifest_file_count(m); i++)
        if (fileio_join(p, sizeof p, folder, manifest_file(m, i)->path) == ERR_OK)
            fileio_drop_cache(p);
    const char *meta_names[] = {EXPORT_MANIFEST_NAME, EXPORT_SIG_NAME};
    const char *want[] = {mbytes, sighex};
    size_t want_len[] = {mlen, strlen(sighex)};
    for (int i = 0; i < 2; i++) {
        if (fileio_join(p, sizeof p, folder, meta_names[i]))
            return ERR_TOOBIG;
        fileio_drop_cache(p);
        char *buf = NULL;
        size_t len = 0;
        /* read back from the stick: never through a link or a FIFO */
        Err e = fileio_read_regular(folder, meta_names[i], MANIFEST_MAX_BYTES, &buf, &len);
        if (e)
            return e;
        int same = len == want_len[i] && memcmp(buf, want[i], len) == 0;
        free(buf);
        if (!same)
            return ERR_HASH;
    }
    const char *ignore[] = {EXPORT_MANIFEST_NAME, EXPORT_SIG_NAME, NULL};
    return manifest_verify_dir(m, folder, ignore, NULL, NULL);
}

/* One export attempt: what export_run() prepares, writes and frees. */
typedef struct {
    Stats *s;
    const ExportRequest *req;
    ExportResult *res;
    unsigned char sk[crypto_sign_SECRETKEYBYTES], pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char cpk[crypto_box_PUBLICKEYBYTES];
    StatsIdentity id;
    char day_first[11], day_last[11];
    char *csv, *sealed, *health, *contacts, *mbytes;
    size_t csv_len, health_len, contacts_len, mlen;
    Manifest *m;
    char sighex[2 * crypto_sign_BYTES + 2];
    const char *stage; /* what was being done, for the message */
    int folder_made;
} ExportJob;

/* Keys and identity. ERR_OK with res->err set to ERR_KEY means "refused
 * on purpose, nothing written" (automatic export without campaign key). */
static Err job_keys(ExportJob *j)
{
    j->stage = "kiosk key";
    Err e = export_keys_for_identity(j->s, j->req->data_dir, NULL);
    if (!e)
        e = load_keys(j->req->data_dir, j->sk, j->pk);
    if (e)
        return e;
    j->stage = "campaign key";
    e = read_campaign_key(j->req->data_dir, j->cpk, &j->res->encrypted);
    if (e)
        return e;
    if (j->req->require_encryption && !j->res->encrypted) {
        j->res->err = ERR_KEY;
        snprintf(j->res->message, sizeof j->res->message,
                 "Export on insert is inactive: no campaign key (campaign.pub) is installed, "
                 "and automatic exports are always encrypted. Nothing was written.");
        log_warn("export: %s", j->res->message);
        return ERR_OK;
    }
    stats_identity(j->s, &j->id);
    if (strlen(j->id.kiosk_id) != 32 || j->id.epoch < 1) {
        j->stage = "kiosk identity";
        return ERR_CORRUPT;
    }
    return ERR_OK;
}

/* The folder: DEST/taama-export/<kiosk>/<epoch>-<seq>, after reserving
 * the sequence number. If it exists (a database restored from an old
 * backup), move on to a fresh number. */
static Err job_folder(ExportJob *j)
{
    ExportResult *res = j->res;
    j->stage = "numbering the export";
    Err e = reserve_seq(j->s, &res->seq);
    if (e)
        return e;
    j->stage = "creating the folder";
    char rel[256];
    for (int tries = 0;; tries++) {
        int n = snprintf(rel, sizeof rel, "%s/%s/%lld-%06lld", EXPORT_ROOT_DIR, j->id.kiosk_id,
                         (long long)j->id.epoch, (long long)res->seq);
        int nf = snprintf(res->folder, sizeof res->folder, "%s/%s", j->req->dest, rel);
        if (n < 0 || (size_t)n >= sizeof rel || nf < 0 || (size_t)nf >= sizeof res->folder)
            return ERR_TOOBIG;
        /* lstat: a link of that name is "taken" too, never followed */
        struct stat st;
        if (lstat(res->folder, &st) != 0)
            break;
        if (tries >= 100)
            return ERR_CORRUPT;
        e = reserve_seq(j->s, &res->seq);
        if (e)
            return e;
    }
    /* Never through a link on the stick: taama-export -> /var/lib/taama
     * would otherwise put files into the kiosk's own data folder. */
    e = fileio_mkdir_beneath(j->req->dest, rel, 0755);
    if (!e)
        j->folder_made = 1;
    return e;
}

/* Write name (len bytes) into the export folder and list it. */
static Err job_put(ExportJob *j, const char *name, const char *data, size_t len)
{
    char path[PATH_MAX], hex[65];
    if (fileio_join(path, sizeof path, j->res->folder, name))
        return ERR_TOOBIG;
    Err e = fileio_write_atomic(path, data, len, 0644);
    if (e)
        return e;
    fileio_sha256_hex(data, len, hex);
    return manifest_add_file(j->m, name, len, hex);
}

/* The counters (sealed when a campaign key is installed), health.json and
 * contacts.json, each listed in (so signed by) the manifest. */
static Err job_data_files(ExportJob *j)
{
    j->stage = "writing the counters";
    if (!(j->m = manifest_new()))
        return ERR_NOMEM;
    Err e;
    if (j->res->encrypted) {
        size_t n = j->csv_len + crypto_box_SEALBYTES;
        if (!(j->sealed = malloc(n)))
            return ERR_NOMEM;
        if (crypto_box_seal((unsigned char *)j->sealed, (const unsigned char *)j->csv, j->csv_len, j->cpk) != 0)
            return ERR_KEY;
        e = job_put(j, EXPORT_SEALED_NAME, j->sealed, n);
    } else {
        e = job_put(j, EXPORT_CSV_NAME, j->csv, j->csv_len);
    }
    if (e)
        return e;
    j->stage = "writing the health file";
    if (!j->req->health_json)
        e = export_health_json(j->s, j->req->data_dir, NULL, j->req->now * 1000, 0, -1, &j->health, &j->health_len);
    else if (!(j->health = strdup(j->req->health_json)))
        e = ERR_NOMEM;
    else
        j->health_len = strlen(j->health);
    if (e || (e = job_put(j, EXPORT_HEALTH_NAME, j->health, j->health_len)))
        return e;
    j->stage = "writing the contact lists";
    e = export_contacts_json(j->s, j->day_last, &j->contacts, &j->contacts_len);
    if (!e)
        e = job_put(j, EXPORT_CONTACTS_NAME, j->contacts, j->contacts_len);
    return e;
}

/* The manifest's facts, its signature, then the manifest itself (the
 * commit record, last). */
static Err job_commit(ExportJob *j)
{
    j->stage = "writing the manifest";
    ExportResult *res = j->res;
    Manifest *m = j->m;
    char pkhex[65];
    sodium_bin2hex(pkhex, sizeof pkhex, j->pk, sizeof j->pk);
    Err e;
    if ((e = manifest_set(m, "kind", EXPORT_KIND)) || (e = manifest_set(m, "kiosk_id", j->id.kiosk_id)) ||
        (e = manifest_set_int(m, "epoch", j->id.epoch)) || (e = manifest_set_int(m, "seq", res->seq)) ||
        (e = manifest_set_int(m, "rows", res->rows)) || (e = manifest_set(m, "day_first", j->day_first)) ||
        (e = manifest_set(m, "day_last", j->day_last)) || (e = manifest_set_int(m, "created", j->req->now)) ||
        (e = manifest_set(m, "kiosk_pubkey", pkhex)) ||
        (e = manifest_set(m, "encrypted", res->encrypted ? "1" : "0")) ||
        (e = manifest_set(m, "columns", EXPORT_CSV_HEADER)))
        return e;
    if (j->req->kiosk_label && *j->req->kiosk_label && (e = manifest_set(m, "kiosk_label", j->req->kiosk_label)))
        return e;
    if ((e = manifest_serialize(m, &j->mbytes, &j->mlen)))
        return e;
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, NULL, (const unsigned char *)j->mbytes, j->mlen, j->sk);
    sodium_bin2hex(j->sighex, sizeof j->sighex, sig, sizeof sig);
    strcat(j->sighex, "\n");
    char path[PATH_MAX];
    if (fileio_join(path, sizeof path, res->folder, EXPORT_SIG_NAME))
        return ERR_TOOBIG;
    if ((e = fileio_write_atomic(path, j->sighex, strlen(j->sighex), 0644)))
        return e;
    if (fileio_join(path, sizeof path, res->folder, EXPORT_MANIFEST_NAME))
        return ERR_TOOBIG;
    return fileio_write_atomic(path, j->mbytes, j->mlen, 0644);
}

/* Remember a verified export. The export itself is complete even if this
 * fails, so success is reported and the problem logged. */
static void job_remember(ExportJob *j)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)j->res->seq);
    Err me = stats_meta_set(j->s, "export.last_seq", buf);
    snprintf(buf, sizeof buf, "%lld", (long long)j->req->now);
    if (!me)
        me = stats_meta_set(j->s, "export.last_time", buf);
    snprintf(buf, sizeof buf, "%lld", (long long)j->res->rows);
    if (!me)
        me = stats_meta_set(j->s, "export.last_rows", buf);
    if (me)
        log_warn("export: written and verified, but not remembered: %s", err_str(me));
}

/* Keys, snapshot, folder, files, commit, read-back check. */
static Err job_run(ExportJob *j)
{
    Err e = job_keys(j);
    if (e || j->res->err)
        return e;
    j->stage = "reading statistics";
    /* Include what the visitor did a moment ago; a slow disk only delays. */
    (void)stats_flush(j->s, 1000);
    if ((e = export_csv_build(j->s, &j->csv, &j->csv_len, &j->res->rows, j->day_first, j->day_last)) ||
        (e = job_folder(j)) || (e = job_data_files(j)) || (e = job_commit(j)))
        return e;
    j->stage = "checking what was written";
    e = verify_written(j->res->folder, j->m, j->mbytes, j->mlen, j->sighex);
    if (e && e != ERR_NOMEM && e != ERR_TOOBIG)
        e = e == ERR_HASH ? ERR_HASH : ERR_IO;
    return e;
}

Err export_run(Stats *s, const ExportRequest *req, ExportResult *res)
{
    memset(res, 0, sizeof *res);
    if (!s || !req || !req->data_dir || !req->dest) {
        set_msg(res, ERR_INVALID, "bad request");
        return ERR_INVALID;
    }
    ExportJob j = {.s = s, .req = req, .res = res, .stage = "preparing"};
    Err e = job_run(&j);
    if (e) {
        if (j.folder_made)
            cleanup_folder(res->folder);
        set_msg(res, e, j.stage);
        log_warn("export: %s", res->message);
    } else if (!res->err) {
        job_remember(&j);
        set_msg(res, ERR_OK, "");
        log_info("export: %s verified", res->folder);
    }
    sodium_memzero(j.sk, sizeof j.sk);
    free(j.csv);
    free(j.sealed);
    free(j.health);
    free(j.contacts);
    free(j.mbytes);
    manifest_free(j.m);
    return res->err;
}
