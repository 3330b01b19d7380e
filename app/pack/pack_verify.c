/* pack_verify.c: deciding whether a pack may be installed, and the report
 * that says why.
 *
 * Order of checks follows the cost of being wrong: nothing from the stick
 * is believed until the signature over the manifest verifies with a
 * trusted key, the trusted comment names our campaign and a newer version,
 * and the listed sizes fit the limits; only then are files hashed, and only
 * listed files are ever copied (pack.c copies them and verifies the staged
 * copy again with the same code). */
#include "pack/pack.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/fileio.h"
#include "manifest/manifest.h"
#include "pack/pack_internal.h"

const char *const pack_top_dirs[PACK_TOP_DIRS] = {"content/", "locales/", "assets/"};

/* ---- Report ---- */

void pack_report_init(PackReport *rep, int64_t installed)
{
    memset(rep, 0, sizeof *rep);
    rep->key_index = -1;
    rep->installed_version = installed;
}

Err pack_refuse(PackReport *rep, PackResult result, Err err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rep->message, sizeof rep->message, fmt, ap);
    va_end(ap);
    rep->result = result;
    rep->err = err;
    return err;
}

void pack_report_line(PackReport *rep, const char *fmt, ...)
{
    if (rep->n_lines >= PACK_REPORT_LINES) {
        rep->lines_dropped++;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rep->lines[rep->n_lines++], sizeof rep->lines[0], fmt, ap);
    va_end(ap);
}

static void report_print(FILE *f, const PackReport *rep)
{
    fprintf(f, "Taama content pack: %s\n", rep->err == ERR_OK ? "ACCEPTED" : "REFUSED");
    fprintf(f, "%s\n", rep->message);
    if (rep->campaign[0])
        fprintf(f, "campaign: %s\n", rep->campaign);
    if (rep->version)
        fprintf(f, "version: %lld\n", (long long)rep->version);
    fprintf(f, "installed version before: %lld\n", (long long)rep->installed_version);
    if (rep->key_id[0])
        fprintf(f, "signed by key: %s (%s signature)\n", rep->key_id,
                rep->prehashed ? "prehashed" : "legacy");
    fprintf(f, "files listed: %zu, %llu bytes\n", rep->n_files, (unsigned long long)rep->total_bytes);
    if (rep->n_bad)
        fprintf(f, "files wrong or missing: %zu\n", rep->n_bad);
    if (rep->n_ignored)
        fprintf(f, "files not listed (ignored, never installed): %zu\n", rep->n_ignored);
    for (int i = 0; i < rep->n_lines; i++)
        fprintf(f, "  %s\n", rep->lines[i]);
    if (rep->lines_dropped)
        fprintf(f, "  ... and %d more\n", rep->lines_dropped);
}

Err pack_report_write(const char *pack_dir, const PackReport *rep)
{
    char path[PATH_MAX];
    Err e = fileio_join(path, sizeof path, pack_dir, PACK_REPORT);
    if (e != ERR_OK)
        return e;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return ERR_NOMEM;
    report_print(f, rep);
    if (fclose(f) != 0) {
        free(buf);
        return ERR_NOMEM;
    }
    e = fileio_write_atomic(path, buf, len, 0644);
    free(buf);
    return e;
}

/* ---- Verification ---- */

void pack_verified_free(Verified *v)
{
    free(v->man);
    free(v->sig);
    manifest_free(v->m);
    memset(v, 0, sizeof *v);
}

static int under_top_dir(const char *path)
{
    for (size_t i = 0; i < PACK_TOP_DIRS; i++)
        if (strncmp(path, pack_top_dirs[i], strlen(pack_top_dirs[i])) == 0 && path[strlen(pack_top_dirs[i])])
            return 1;
    return 0;
}

typedef struct {
    PackReport *rep;
    int strict; /* staged copy: unlisted files are a failure too */
    int unlisted;
} IssueCtx;

static void on_issue(void *ctx, ManifestIssue kind, const char *path, const char *detail)
{
    IssueCtx *ic = ctx;
    if (kind == MANIFEST_ISSUE_UNLISTED) {
        ic->unlisted++;
        if (!ic->strict) {
            ic->rep->n_ignored++;
            pack_report_line(ic->rep, "%s: not listed in the manifest, ignored", path);
            return;
        }
    } else {
        ic->rep->n_bad++;
    }
    pack_report_line(ic->rep, "%s: %s (%s)", path, manifest_issue_str(kind), detail ? detail : "");
}

/* Signature, trusted comment, campaign and version. */
static Err check_signature(const Verified *v, const PackTrust *trust, PackReport *rep)
{
    PackSig sig;
    if (pack_sig_parse(v->sig, v->sig_len, &sig) != ERR_OK)
        return pack_refuse(rep, PACK_BAD_SIGNATURE, ERR_SIGNATURE,
                      "The signature file %s is damaged or not a minisign signature.", PACK_SIGNATURE);
    rep->prehashed = sig.prehashed;
    pack_key_id_hex(sig.key_id, rep->key_id);
    int which = -1;
    for (int i = 0; i < trust->n_keys && i < PACK_MAX_KEYS; i++)
        if (pack_sig_verify(&sig, &trust->keys[i], v->man, v->man_len) != ERR_KEY) {
            which = i;
            break;
        }
    if (which < 0)
        return pack_refuse(rep, PACK_UNKNOWN_KEY, ERR_KEY,
                      "The pack is signed with key %s, which this kiosk does not trust.", rep->key_id);
    if (pack_sig_verify(&sig, &trust->keys[which], v->man, v->man_len) != ERR_OK)
        return pack_refuse(rep, PACK_BAD_SIGNATURE, ERR_SIGNATURE,
                      "The signature does not match the manifest: the pack was altered after signing.");
    rep->key_index = which;

    if (pack_comment_parse(sig.trusted_comment, rep->campaign, &rep->version) != ERR_OK)
        return pack_refuse(rep, PACK_BAD_MANIFEST, ERR_FORMAT,
                      "The signed comment must read \"taama campaign=ID version=N\".");
    if (strcmp(rep->campaign, trust->campaign) != 0)
        return pack_refuse(rep, PACK_WRONG_CAMPAIGN, ERR_INVALID,
                      "The pack is for campaign \"%s\"; this kiosk belongs to campaign \"%s\".",
                      rep->campaign, trust->campaign);
    if (rep->version <= rep->installed_version)
        return pack_refuse(rep, PACK_ROLLBACK, ERR_ROLLBACK,
                      "The pack has version %lld; version %lld is installed. Only a newer version can be installed.",
                      (long long)rep->version, (long long)rep->installed_version);
    return ERR_OK;
}

/* The manifest itself: form, meta agreeing with the signed comment, paths,
 * limits. */
static Err check_manifest(Verified *v, const PackTrust *trust, PackReport *rep)
{
    Err why = ERR_FORMAT;
    v->m = manifest_parse(v->man, v->man_len, &why);
    if (!v->m) {
        if (why == ERR_PATH)
            return pack_refuse(rep, PACK_BAD_PATH, ERR_PATH,
                          "The manifest lists a path that leaves the pack folder.");
        return pack_refuse(rep, PACK_BAD_MANIFEST, ERR_FORMAT, "The manifest is not valid (%s).", err_str(why));
    }
    const char *kind = manifest_get(v->m, "kind");
    const char *campaign = manifest_get(v->m, "campaign");
    int64_t version = 0;
    if (!kind || strcmp(kind, PACK_KIND) != 0 || !campaign || strcmp(campaign, rep->campaign) != 0 ||
        manifest_get_int(v->m, "version", &version) != ERR_OK || version != rep->version)
        return pack_refuse(rep, PACK_BAD_MANIFEST, ERR_FORMAT,
                      "The manifest's kind, campaign or version does not match its signed comment.");

    uint64_t max_bytes = trust->max_bytes ? trust->max_bytes : PACK_MAX_BYTES_DEFAULT;
    size_t max_files = trust->max_files ? trust->max_files : PACK_MAX_FILES_DEFAULT;
    rep->n_files = manifest_file_count(v->m);
    for (size_t i = 0; i < rep->n_files; i++) {
        const ManifestFile *f = manifest_file(v->m, i);
        if (!under_top_dir(f->path)) {
            pack_report_line(rep, "%s: outside content/, locales/ and assets/", f->path);
            return pack_refuse(rep, PACK_BAD_PATH, ERR_PATH,
                          "The manifest lists %s, which is outside content/, locales/ and assets/.", f->path);
        }
        /* Saturating sum: a hostile manifest cannot wrap it below the limit. */
        rep->total_bytes = f->size > UINT64_MAX - rep->total_bytes ? UINT64_MAX : rep->total_bytes + f->size;
    }
    if (rep->n_files == 0)
        return pack_refuse(rep, PACK_BAD_MANIFEST, ERR_FORMAT, "The manifest lists no files.");
    if (rep->n_files > max_files || rep->total_bytes > max_bytes)
        return pack_refuse(rep, PACK_TOO_BIG, ERR_TOOBIG,
                      "The pack holds %zu files and %llu bytes; this kiosk accepts at most %zu files and %llu bytes.",
                      rep->n_files, (unsigned long long)rep->total_bytes, max_files,
                      (unsigned long long)max_bytes);
    return ERR_OK;
}

/* Cheap checks before hashing, through fileio_open_regular(): a link, a
 * FIFO or a file of the wrong size on the stick is refused without reading
 * a byte of it (a FIFO would block the worker, a link read outside the
 * stick, a huge file take minutes to hash); then the full hash check. */
static Err check_files(const Verified *v, const char *dir, int strict, PackReport *rep)
{
    int links = 0;
    for (size_t i = 0; i < rep->n_files; i++) {
        const ManifestFile *f = manifest_file(v->m, i);
        int fd;
        uint64_t size = 0;
        Err e = fileio_open_regular(dir, f->path, f->size, &fd, &size);
        if (e == ERR_OK) {
            close(fd);
            if (size == f->size)
                continue;
        }
        rep->n_bad++;
        if (e == ERR_OK || e == ERR_TOOBIG)
            pack_report_line(rep, "%s: %llu bytes, manifest says %llu", f->path, (unsigned long long)size,
                        (unsigned long long)f->size);
        else if (e == ERR_PATH && ++links)
            pack_report_line(rep, "%s: a symbolic link (never followed on a stick)", f->path);
        else if (e == ERR_FORMAT)
            pack_report_line(rep, "%s: not a regular file", f->path);
        else
            pack_report_line(rep, "%s: missing", f->path);
    }
    if (links)
        return pack_refuse(rep, PACK_BAD_PATH, ERR_PATH,
                      "%d file(s) in the pack are links; links are never followed.", links);
    if (rep->n_bad)
        return pack_refuse(rep, PACK_BAD_FILE, ERR_HASH,
                      "%zu file(s) are missing or differ from the signed manifest.", rep->n_bad);

    static const char *const ignore[] = {PACK_MANIFEST, PACK_SIGNATURE, PACK_REPORT, NULL};
    IssueCtx ic = {rep, strict, 0};
    Err e = manifest_verify_dir(v->m, dir, ignore, on_issue, &ic);
    if (e == ERR_PATH)
        return pack_refuse(rep, PACK_BAD_PATH, ERR_PATH, "A file in the pack points outside the pack folder.");
    if (e != ERR_OK)
        return pack_refuse(rep, e == ERR_HASH || e == ERR_NOTFOUND ? PACK_BAD_FILE : PACK_IO,
                      e == ERR_NOTFOUND ? ERR_HASH : e,
                      "%zu file(s) are missing or differ from the signed manifest.", rep->n_bad);
    if (strict && ic.unlisted)
        return pack_refuse(rep, PACK_IO, ERR_CORRUPT, "The staged copy holds files it should not.");
    return ERR_OK;
}

Err pack_verify_into(const char *pack_dir, const PackTrust *trust, PackReport *rep, Verified *v,
                       int strict)
{
    if (!trust || trust->n_keys <= 0 || !trust->campaign[0])
        return pack_refuse(rep, PACK_NOT_CONFIGURED, ERR_KEY,
                      "This kiosk has no trusted pack key or campaign configured.");
    Err e = fileio_read_regular(pack_dir, PACK_MANIFEST, MANIFEST_MAX_BYTES, &v->man, &v->man_len);
    if (e == ERR_TOOBIG)
        return pack_refuse(rep, PACK_TOO_BIG, ERR_TOOBIG, "The manifest is larger than %u bytes.",
                      MANIFEST_MAX_BYTES);
    if (e != ERR_OK)
        return pack_refuse(rep, PACK_NO_MANIFEST, e, "No readable %s in the pack folder (%s).", PACK_MANIFEST,
                      err_str(e));
    e = fileio_read_regular(pack_dir, PACK_SIGNATURE, SIG_FILE_MAX, &v->sig, &v->sig_len);
    if (e == ERR_NOTFOUND)
        return pack_refuse(rep, PACK_UNSIGNED, ERR_SIGNATURE, "The pack is not signed (no %s).", PACK_SIGNATURE);
    if (e != ERR_OK)
        return pack_refuse(rep, PACK_BAD_SIGNATURE, ERR_SIGNATURE, "The signature file cannot be read (%s).",
                      err_str(e));
    if ((e = check_signature(v, trust, rep)) != ERR_OK)
        return e;
    if ((e = check_manifest(v, trust, rep)) != ERR_OK)
        return e;
    if ((e = check_files(v, pack_dir, strict, rep)) != ERR_OK)
        return e;
    rep->result = PACK_OK;
    rep->err = ERR_OK;
    snprintf(rep->message, sizeof rep->message, "Pack version %lld for campaign \"%s\" verified.",
             (long long)rep->version, rep->campaign);
    return ERR_OK;
}

Err pack_verify(const char *pack_dir, const PackTrust *trust, int64_t installed_version,
                PackReport *rep)
{
    pack_report_init(rep, installed_version);
    Verified v = {0};
    Err e = pack_verify_into(pack_dir, trust, rep, &v, 0);
    pack_verified_free(&v);
    return e;
}
