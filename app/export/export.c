/* export.c: the kiosk side of USB export: keys, the CSV snapshot, writing
 * and verifying the export folder, and the `taama export` command.
 *
 * Order on the stick is what makes it safe: data file, then signature, then
 * manifest (the commit record). A folder without a verifying manifest is
 * never counted by taama-report, so a failure at any step leaves at worst
 * an uncommitted folder, which we also try to remove. */
#include "export/export.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <csv.h>
#include <sodium.h>

#include "core/fileio.h"
#include "core/log.h"
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
    const char *names[] = {EXPORT_MANIFEST_NAME, EXPORT_SIG_NAME, EXPORT_CSV_NAME, EXPORT_SEALED_NAME,
                           EXPORT_HEALTH_NAME};
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

Err export_run(Stats *s, const ExportRequest *req, ExportResult *res)
{
    unsigned char sk[crypto_sign_SECRETKEYBYTES], pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char cpk[crypto_box_PUBLICKEYBYTES];
    char *csv = NULL, *sealed = NULL, *mbytes = NULL, *health = NULL;
    size_t csv_len = 0, mlen = 0, health_len = 0;
    Manifest *m = NULL;
    int folder_made = 0;
    const char *stage = "preparing";
    Err e;

    memset(res, 0, sizeof *res);
    if (!s || !req || !req->data_dir || !req->dest) {
        set_msg(res, ERR_INVALID, "bad request");
        return ERR_INVALID;
    }
    stage = "kiosk key";
    e = export_keys_for_identity(s, req->data_dir, NULL);
    if (!e)
        e = load_keys(req->data_dir, sk, pk);
    if (e)
        goto fail;
    stage = "campaign key";
    e = read_campaign_key(req->data_dir, cpk, &res->encrypted);
    if (e)
        goto fail;
    if (req->require_encryption && !res->encrypted) {
        res->err = ERR_KEY;
        snprintf(res->message, sizeof res->message,
                 "Export on insert is inactive: no campaign key (campaign.pub) is installed, "
                 "and automatic exports are always encrypted. Nothing was written.");
        log_warn("export: %s", res->message);
        goto done;
    }

    StatsIdentity id;
    stats_identity(s, &id);
    if (strlen(id.kiosk_id) != 32 || id.epoch < 1) {
        stage = "kiosk identity";
        e = ERR_CORRUPT;
        goto fail;
    }

    stage = "reading statistics";
    /* Include what the visitor did a moment ago; a slow disk only delays. */
    (void)stats_flush(s, 1000);
    char day_first[11] = "", day_last[11] = "";
    e = export_csv_build(s, &csv, &csv_len, &res->rows, day_first, day_last);
    if (e)
        goto fail;

    stage = "numbering the export";
    e = reserve_seq(s, &res->seq);
    if (e)
        goto fail;

    /* The folder: DEST/taama-export/<kiosk>/<epoch>-<seq>. If it exists
     * (a database restored from an old backup), move on to a fresh number. */
    stage = "creating the folder";
    char rel[256];
    for (int tries = 0;; tries++) {
        int n = snprintf(rel, sizeof rel, "%s/%s/%lld-%06lld", EXPORT_ROOT_DIR, id.kiosk_id,
                         (long long)id.epoch, (long long)res->seq);
        int nf = snprintf(res->folder, sizeof res->folder, "%s/%s", req->dest, rel);
        if (n < 0 || (size_t)n >= sizeof rel || nf < 0 || (size_t)nf >= sizeof res->folder) {
            e = ERR_TOOBIG;
            goto fail;
        }
        /* lstat: a link of that name is "taken" too, never followed */
        struct stat st;
        if (lstat(res->folder, &st) != 0)
            break;
        if (tries >= 100) {
            e = ERR_CORRUPT;
            goto fail;
        }
        e = reserve_seq(s, &res->seq);
        if (e)
            goto fail;
    }
    /* Never through a link on the stick: taama-export -> /var/lib/taama
     * would otherwise put files into the kiosk's own data folder. */
    e = fileio_mkdir_beneath(req->dest, rel, 0755);
    if (e)
        goto fail;
    folder_made = 1;

    /* Data file. */
    stage = "writing the counters";
    const char *data_name = EXPORT_CSV_NAME;
    const char *data = csv;
    size_t data_len = csv_len;
    if (res->encrypted) {
        sealed = malloc(csv_len + crypto_box_SEALBYTES);
        if (!sealed) {
            e = ERR_NOMEM;
            goto fail;
        }
        if (crypto_box_seal((unsigned char *)sealed, (const unsigned char *)csv, csv_len, cpk) != 0) {
            e = ERR_KEY;
            goto fail;
        }
        data_name = EXPORT_SEALED_NAME;
        data = sealed;
        data_len = csv_len + crypto_box_SEALBYTES;
    }
    char path[PATH_MAX];
    if (fileio_join(path, sizeof path, res->folder, data_name)) {
        e = ERR_TOOBIG;
        goto fail;
    }
    e = fileio_write_atomic(path, data, data_len, 0644);
    if (e)
        goto fail;

    /* Fleet health, listed in (so signed by) the manifest. */
    stage = "writing the health file";
    if (!req->health_json)
        e = export_health_json(s, req->data_dir, NULL, req->now * 1000, 0, -1, &health, &health_len);
    else if (!(health = strdup(req->health_json)))
        e = ERR_NOMEM;
    else
        health_len = strlen(health);
    if (e || (e = fileio_join(path, sizeof path, res->folder, EXPORT_HEALTH_NAME) ? ERR_TOOBIG : ERR_OK) ||
        (e = fileio_write_atomic(path, health, health_len, 0644)))
        goto fail;

    /* Manifest and signature. */
    stage = "writing the manifest";
    m = manifest_new();
    if (!m) {
        e = ERR_NOMEM;
        goto fail;
    }
    char hex[65], pkhex[65], hhex[65];
    fileio_sha256_hex(data, data_len, hex);
    fileio_sha256_hex(health, health_len, hhex);
    if ((e = manifest_add_file(m, EXPORT_HEALTH_NAME, health_len, hhex)))
        goto fail;
    sodium_bin2hex(pkhex, sizeof pkhex, pk, sizeof pk);
    if ((e = manifest_add_file(m, data_name, data_len, hex)) || (e = manifest_set(m, "kind", EXPORT_KIND)) ||
        (e = manifest_set(m, "kiosk_id", id.kiosk_id)) || (e = manifest_set_int(m, "epoch", id.epoch)) ||
        (e = manifest_set_int(m, "seq", res->seq)) || (e = manifest_set_int(m, "rows", res->rows)) ||
        (e = manifest_set(m, "day_first", day_first)) || (e = manifest_set(m, "day_last", day_last)) ||
        (e = manifest_set_int(m, "created", req->now)) || (e = manifest_set(m, "kiosk_pubkey", pkhex)) ||
        (e = manifest_set(m, "encrypted", res->encrypted ? "1" : "0")) ||
        (e = manifest_set(m, "columns", EXPORT_CSV_HEADER)))
        goto fail;
    if (req->kiosk_label && *req->kiosk_label && (e = manifest_set(m, "kiosk_label", req->kiosk_label)))
        goto fail;
    e = manifest_serialize(m, &mbytes, &mlen);
    if (e)
        goto fail;
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, NULL, (const unsigned char *)mbytes, mlen, sk);
    char sighex[2 * crypto_sign_BYTES + 2];
    sodium_bin2hex(sighex, sizeof sighex, sig, sizeof sig);
    strcat(sighex, "\n");
    if (fileio_join(path, sizeof path, res->folder, EXPORT_SIG_NAME)) {
        e = ERR_TOOBIG;
        goto fail;
    }
    e = fileio_write_atomic(path, sighex, strlen(sighex), 0644);
    if (e)
        goto fail;
    if (fileio_join(path, sizeof path, res->folder, EXPORT_MANIFEST_NAME)) {
        e = ERR_TOOBIG;
        goto fail;
    }
    e = fileio_write_atomic(path, mbytes, mlen, 0644);
    if (e)
        goto fail;

    stage = "checking what was written";
    e = verify_written(res->folder, m, mbytes, mlen, sighex);
    if (e) {
        if (e != ERR_NOMEM && e != ERR_TOOBIG)
            e = e == ERR_HASH ? ERR_HASH : ERR_IO;
        goto fail;
    }

    /* Remember it. The export itself is complete and verified even if
     * this fails, so we report success and log the problem. */
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)res->seq);
    Err me = stats_meta_set(s, "export.last_seq", buf);
    snprintf(buf, sizeof buf, "%lld", (long long)req->now);
    if (!me)
        me = stats_meta_set(s, "export.last_time", buf);
    snprintf(buf, sizeof buf, "%lld", (long long)res->rows);
    if (!me)
        me = stats_meta_set(s, "export.last_rows", buf);
    if (me)
        log_warn("export: written and verified, but not remembered: %s", err_str(me));
    set_msg(res, ERR_OK, "");
    log_info("export: %s verified", res->folder);
    goto done;

fail:
    if (folder_made)
        cleanup_folder(res->folder);
    set_msg(res, e, stage);
    log_warn("export: %s", res->message);
done:
    sodium_memzero(sk, sizeof sk);
    free(csv);
    free(sealed);
    free(health);
    free(mbytes);
    manifest_free(m);
    return res->err;
}

/* ---- mount table ---- */

const char *const export_default_mount_prefixes[] = {"/media", "/run/media", "/mnt", NULL};

static int pseudo_fs(const char *type)
{
    static const char *const skip[] = {"tmpfs", "proc", "sysfs", "devtmpfs", "devpts", "overlay",
                                       "autofs", "cgroup", "cgroup2", "securityfs", "debugfs",
                                       "tracefs", "fusectl", "configfs", "mqueue", "bpf", "ramfs",
                                       "squashfs", "nsfs", "binfmt_misc", NULL};
    for (int i = 0; skip[i]; i++)
        if (strcmp(type, skip[i]) == 0)
            return 1;
    return 0;
}

static int under_prefix(const char *dir, const char *prefix)
{
    size_t n = strlen(prefix);
    while (n > 1 && prefix[n - 1] == '/')
        n--;
    return strncmp(dir, prefix, n) == 0 && (dir[n] == '\0' || dir[n] == '/');
}

void export_mounts_parse(const char *table_text, const char *const *prefixes, ExportMounts *out)
{
    out->n = 0;
    if (!table_text || !*table_text)
        return;
    if (!prefixes)
        prefixes = export_default_mount_prefixes;
    FILE *f = fmemopen((void *)table_text, strlen(table_text), "r");
    if (!f)
        return;
    struct mntent ent;
    char buf[4096];
    while (out->n < EXPORT_MAX_MOUNTS && getmntent_r(f, &ent, buf, sizeof buf)) {
        if (pseudo_fs(ent.mnt_type))
            continue;
        int match = 0;
        for (int i = 0; prefixes[i] && !match; i++)
            match = under_prefix(ent.mnt_dir, prefixes[i]);
        if (!match || strlen(ent.mnt_dir) >= sizeof out->path[0])
            continue;
        int dup = 0;
        for (int i = 0; i < out->n && !dup; i++)
            dup = strcmp(out->path[i], ent.mnt_dir) == 0;
        if (!dup)
            snprintf(out->path[out->n++], sizeof out->path[0], "%s", ent.mnt_dir);
    }
    fclose(f);
}

int export_mounts_added(const ExportMounts *before, const ExportMounts *after, ExportMounts *added)
{
    added->n = 0;
    for (int i = 0; i < after->n; i++) {
        int seen = 0;
        for (int j = 0; before && j < before->n && !seen; j++)
            seen = strcmp(before->path[j], after->path[i]) == 0;
        if (!seen)
            snprintf(added->path[added->n++], sizeof added->path[0], "%s", after->path[i]);
    }
    return added->n;
}

/* ---- `taama export` ---- */

/* Whether dir is a removable stick: at or under a mount point that
 * export_mounts_parse() keeps (under /media, /run/media or /mnt, not a
 * pseudo file system) in the mount table file. */
static int on_mounted_stick(const char *dir, const char *table_path, const char *mounts)
{
    char real[PATH_MAX], text[65536], places[1024];
    const char *prefix[32] = {NULL};
    if (!realpath(dir, real))
        return 0;
    if (mounts) { /* --mounts A:B: the places sticks appear, as for the kiosk */
        snprintf(places, sizeof places, "%s", mounts);
        int k = 0;
        char *save = NULL;
        for (char *t = strtok_r(places, ":", &save); t && k < 31; t = strtok_r(NULL, ":", &save))
            prefix[k++] = t;
    }
    FILE *f = fopen(table_path, "r");
    if (!f)
        return 0;
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = 0;
    ExportMounts m;
    export_mounts_parse(text, prefix[0] ? prefix : NULL, &m);
    for (int i = 0; i < m.n; i++)
        if (under_prefix(real, m.path[i]))
            return 1;
    return 0;
}

int export_cli_main(const char *data_dir, int argc, char **argv, FILE *out)
{
    static const char usage[] = "usage: taama export --to DIR [--label NAME] [--any-folder] [--mounts DIR:DIR...] [--data DIR]\n";
    static const struct option opts[] = {
        {"to", required_argument, NULL, 't'},          {"label", required_argument, NULL, 'l'},
        {"any-folder", no_argument, NULL, 'a'},        {"mount-table", required_argument, NULL, 'm'},
        {"mounts", required_argument, NULL, 'M'},      {NULL, 0, NULL, 0},
    };
    const char *to = NULL, *label = NULL, *table = "/proc/self/mounts", *mounts = NULL;
    int any = 0;
    optind = 0;
    opterr = 0;
    for (int o; (o = getopt_long(argc, argv, ":", opts, NULL)) != -1;) {
        if (o == 't')
            to = optarg;
        else if (o == 'l')
            label = optarg;
        else if (o == 'a')
            any = 1;
        else if (o == 'm')
            table = optarg; /* tests: a file in /proc/self/mounts form */
        else if (o == 'M')
            mounts = optarg;
        else {
            fprintf(out, "taama export: %s %s\n%s", o == ':' ? "a value is missing after" : "unknown option",
                    argv[optind - 1], usage);
            return 2;
        }
    }
    if (!to || optind < argc) {
        fprintf(out, "%s%s", optind < argc ? "taama export: unexpected words after the options\n" : "", usage);
        return 2;
    }
    /* say what is wrong before touching anything: opening the statistics
     * would create a data folder, and a plain folder is not a stick */
    struct stat st;
    if (stat(data_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(out, "Export failed: the data folder %s does not exist (the kiosk's is /var/lib/taama; "
                     "give it with --data DIR)\n", data_dir);
        return 1;
    }
    if (stat(to, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(out, "Export failed: %s is not a folder (is the stick mounted?)\n", to);
        return 1;
    }
    if (!any && !on_mounted_stick(to, table, mounts)) {
        fprintf(out, "Export failed: %s is not on a mounted USB stick (sticks appear under /media, "
                     "/run/media or /mnt); to write to this folder anyway add --any-folder\n", to);
        return 1;
    }
    Err why = ERR_OK;
    Stats *s = stats_open(data_dir, NULL, &why);
    if (!s) {
        fprintf(out, "Export failed: cannot open the statistics in %s: %s\n", data_dir, err_str(why));
        return 1;
    }
    ExportRequest req = {.data_dir = data_dir, .dest = to, .kiosk_label = label, .now = (int64_t)time(NULL)};
    ExportResult res;
    export_run(s, &req, &res);
    stats_close(s);
    fprintf(out, "%s\n", res.message);
    if (res.err == ERR_OK)
        fprintf(out, "%s\n", res.folder);
    return res.err == ERR_OK ? 0 : 1;
}
