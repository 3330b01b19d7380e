/* pack.c: verifying, staging and atomically switching content packs.
 *
 * Order of checks follows the cost of being wrong: nothing from the stick
 * is believed until the signature over the manifest verifies with a
 * trusted key, the trusted comment names our campaign and a newer version,
 * and the listed sizes fit the limits; only then are files hashed, and only
 * listed files are ever copied. The staged copy is verified again because
 * a hostile or failing stick can change between the first read and the
 * copy. See pack.h for the install layout and crash argument. */
#include "pack/pack.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "core/fileio.h"
#include "core/log.h"
#include "manifest/manifest.h"

#define PACK_KIND "content-pack"
#define SIG_FILE_MAX 4096
#define SPACE_MARGIN (4ull * 1024ull * 1024ull)
#define COPY_WALK_DEPTH 8

static const char *const top_dirs[] = {"content/", "locales/", "assets/"};

static PackStepHook step_hook;
static void *step_ctx;

void pack_set_step_hook(PackStepHook hook, void *ctx)
{
    step_hook = hook;
    step_ctx = ctx;
}

static void step(const char *name)
{
    if (step_hook)
        step_hook(step_ctx, name);
}

/* ---- Report ---- */

static void report_init(PackReport *rep, int64_t installed)
{
    memset(rep, 0, sizeof *rep);
    rep->key_index = -1;
    rep->installed_version = installed;
}

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static Err refuse(PackReport *rep, PackResult result, Err err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rep->message, sizeof rep->message, fmt, ap);
    va_end(ap);
    rep->result = result;
    rep->err = err;
    return err;
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void report_line(PackReport *rep, const char *fmt, ...)
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

typedef struct {
    char *man;  /* manifest bytes as signed */
    size_t man_len;
    char *sig;  /* .minisig bytes */
    size_t sig_len;
    Manifest *m;
} Verified;

static void verified_free(Verified *v)
{
    free(v->man);
    free(v->sig);
    manifest_free(v->m);
    memset(v, 0, sizeof *v);
}

static int under_top_dir(const char *path)
{
    for (size_t i = 0; i < sizeof top_dirs / sizeof top_dirs[0]; i++)
        if (strncmp(path, top_dirs[i], strlen(top_dirs[i])) == 0 && path[strlen(top_dirs[i])])
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
            report_line(ic->rep, "%s: not listed in the manifest, ignored", path);
            return;
        }
    } else {
        ic->rep->n_bad++;
    }
    report_line(ic->rep, "%s: %s (%s)", path, manifest_issue_str(kind), detail ? detail : "");
}

/* A file of the pack, never through a link, a FIFO or past max bytes. */
static Err read_pack_file(const char *dir, const char *name, size_t max, char **buf, size_t *len)
{
    return fileio_read_regular(dir, name, max, buf, len);
}

/* Signature, trusted comment, campaign and version. */
static Err check_signature(const Verified *v, const PackTrust *trust, PackReport *rep)
{
    PackSig sig;
    if (pack_sig_parse(v->sig, v->sig_len, &sig) != ERR_OK)
        return refuse(rep, PACK_BAD_SIGNATURE, ERR_SIGNATURE,
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
        return refuse(rep, PACK_UNKNOWN_KEY, ERR_KEY,
                      "The pack is signed with key %s, which this kiosk does not trust.", rep->key_id);
    if (pack_sig_verify(&sig, &trust->keys[which], v->man, v->man_len) != ERR_OK)
        return refuse(rep, PACK_BAD_SIGNATURE, ERR_SIGNATURE,
                      "The signature does not match the manifest: the pack was altered after signing.");
    rep->key_index = which;

    if (pack_comment_parse(sig.trusted_comment, rep->campaign, &rep->version) != ERR_OK)
        return refuse(rep, PACK_BAD_MANIFEST, ERR_FORMAT,
                      "The signed comment must read \"taama campaign=ID version=N\".");
    if (strcmp(rep->campaign, trust->campaign) != 0)
        return refuse(rep, PACK_WRONG_CAMPAIGN, ERR_INVALID,
                      "The pack is for campaign \"%s\"; this kiosk belongs to campaign \"%s\".",
                      rep->campaign, trust->campaign);
    if (rep->version <= rep->installed_version)
        return refuse(rep, PACK_ROLLBACK, ERR_ROLLBACK,
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
            return refuse(rep, PACK_BAD_PATH, ERR_PATH,
                          "The manifest lists a path that leaves the pack folder.");
        return refuse(rep, PACK_BAD_MANIFEST, ERR_FORMAT, "The manifest is not valid (%s).", err_str(why));
    }
    const char *kind = manifest_get(v->m, "kind");
    const char *campaign = manifest_get(v->m, "campaign");
    int64_t version = 0;
    if (!kind || strcmp(kind, PACK_KIND) != 0 || !campaign || strcmp(campaign, rep->campaign) != 0 ||
        manifest_get_int(v->m, "version", &version) != ERR_OK || version != rep->version)
        return refuse(rep, PACK_BAD_MANIFEST, ERR_FORMAT,
                      "The manifest's kind, campaign or version does not match its signed comment.");

    uint64_t max_bytes = trust->max_bytes ? trust->max_bytes : PACK_MAX_BYTES_DEFAULT;
    size_t max_files = trust->max_files ? trust->max_files : PACK_MAX_FILES_DEFAULT;
    rep->n_files = manifest_file_count(v->m);
    for (size_t i = 0; i < rep->n_files; i++) {
        const ManifestFile *f = manifest_file(v->m, i);
        if (!under_top_dir(f->path)) {
            report_line(rep, "%s: outside content/, locales/ and assets/", f->path);
            return refuse(rep, PACK_BAD_PATH, ERR_PATH,
                          "The manifest lists %s, which is outside content/, locales/ and assets/.", f->path);
        }
        /* Saturating sum: a hostile manifest cannot wrap it below the limit. */
        rep->total_bytes = f->size > UINT64_MAX - rep->total_bytes ? UINT64_MAX : rep->total_bytes + f->size;
    }
    if (rep->n_files == 0)
        return refuse(rep, PACK_BAD_MANIFEST, ERR_FORMAT, "The manifest lists no files.");
    if (rep->n_files > max_files || rep->total_bytes > max_bytes)
        return refuse(rep, PACK_TOO_BIG, ERR_TOOBIG,
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
            report_line(rep, "%s: %llu bytes, manifest says %llu", f->path, (unsigned long long)size,
                        (unsigned long long)f->size);
        else if (e == ERR_PATH && ++links)
            report_line(rep, "%s: a symbolic link (never followed on a stick)", f->path);
        else if (e == ERR_FORMAT)
            report_line(rep, "%s: not a regular file", f->path);
        else
            report_line(rep, "%s: missing", f->path);
    }
    if (links)
        return refuse(rep, PACK_BAD_PATH, ERR_PATH,
                      "%d file(s) in the pack are links; links are never followed.", links);
    if (rep->n_bad)
        return refuse(rep, PACK_BAD_FILE, ERR_HASH,
                      "%zu file(s) are missing or differ from the signed manifest.", rep->n_bad);

    static const char *const ignore[] = {PACK_MANIFEST, PACK_SIGNATURE, PACK_REPORT, NULL};
    IssueCtx ic = {rep, strict, 0};
    Err e = manifest_verify_dir(v->m, dir, ignore, on_issue, &ic);
    if (e == ERR_PATH)
        return refuse(rep, PACK_BAD_PATH, ERR_PATH, "A file in the pack points outside the pack folder.");
    if (e != ERR_OK)
        return refuse(rep, e == ERR_HASH || e == ERR_NOTFOUND ? PACK_BAD_FILE : PACK_IO,
                      e == ERR_NOTFOUND ? ERR_HASH : e,
                      "%zu file(s) are missing or differ from the signed manifest.", rep->n_bad);
    if (strict && ic.unlisted)
        return refuse(rep, PACK_IO, ERR_CORRUPT, "The staged copy holds files it should not.");
    return ERR_OK;
}

static Err verify_into(const char *pack_dir, const PackTrust *trust, PackReport *rep, Verified *v,
                       int strict)
{
    if (!trust || trust->n_keys <= 0 || !trust->campaign[0])
        return refuse(rep, PACK_NOT_CONFIGURED, ERR_KEY,
                      "This kiosk has no trusted pack key or campaign configured.");
    Err e = read_pack_file(pack_dir, PACK_MANIFEST, MANIFEST_MAX_BYTES, &v->man, &v->man_len);
    if (e == ERR_TOOBIG)
        return refuse(rep, PACK_TOO_BIG, ERR_TOOBIG, "The manifest is larger than %u bytes.",
                      MANIFEST_MAX_BYTES);
    if (e != ERR_OK)
        return refuse(rep, PACK_NO_MANIFEST, e, "No readable %s in the pack folder (%s).", PACK_MANIFEST,
                      err_str(e));
    e = read_pack_file(pack_dir, PACK_SIGNATURE, SIG_FILE_MAX, &v->sig, &v->sig_len);
    if (e == ERR_NOTFOUND)
        return refuse(rep, PACK_UNSIGNED, ERR_SIGNATURE, "The pack is not signed (no %s).", PACK_SIGNATURE);
    if (e != ERR_OK)
        return refuse(rep, PACK_BAD_SIGNATURE, ERR_SIGNATURE, "The signature file cannot be read (%s).",
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
    report_init(rep, installed_version);
    Verified v = {0};
    Err e = verify_into(pack_dir, trust, rep, &v, 0);
    verified_free(&v);
    return e;
}

/* ---- Installed versions ---- */

static Err content_paths(const char *data_dir, char *content, size_t csz, char *versions, size_t vsz)
{
    Err e = fileio_join(content, csz, data_dir, "content");
    if (e == ERR_OK && versions)
        e = fileio_join(versions, vsz, content, "versions");
    return e;
}

static int parse_version_name(const char *name, int64_t *out)
{
    if (!name[0] || name[0] == '0' || strlen(name) > 19)
        return 0;
    int64_t v = 0;
    for (const char *p = name; *p; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        v = v * 10 + (*p - '0');
    }
    *out = v;
    return 1;
}

/* Version a link (current/previous) names, 0 if missing or not ours. */
static int64_t link_version(const char *content_dir, const char *link)
{
    char path[PATH_MAX], target[256];
    if (fileio_join(path, sizeof path, content_dir, link) != ERR_OK)
        return 0;
    ssize_t n = readlink(path, target, sizeof target - 1);
    if (n <= 0)
        return 0;
    target[n] = '\0';
    int64_t v;
    if (strncmp(target, "versions/", 9) != 0 || !parse_version_name(target + 9, &v))
        return 0;
    return v;
}

int64_t pack_installed_version(const char *data_dir)
{
    char content[PATH_MAX];
    if (content_paths(data_dir, content, sizeof content, NULL, 0) != ERR_OK)
        return 0;
    return link_version(content, "current");
}

Err pack_installed(const char *data_dir, int which, PackInstalled *out)
{
    memset(out, 0, sizeof *out);
    char content[PATH_MAX];
    Err e = content_paths(data_dir, content, sizeof content, NULL, 0);
    if (e != ERR_OK)
        return e;
    int64_t v = link_version(content, which ? "previous" : "current");
    if (!v)
        return ERR_NOTFOUND;
    char rel[64];
    snprintf(rel, sizeof rel, "versions/%lld", (long long)v);
    if (fileio_join(out->root, sizeof out->root, content, rel) != ERR_OK)
        return ERR_TOOBIG;
    char *buf = NULL;
    size_t len = 0;
    e = read_pack_file(out->root, PACK_SIGNATURE, SIG_FILE_MAX, &buf, &len);
    if (e != ERR_OK) {
        memset(out, 0, sizeof *out);
        return ERR_NOTFOUND;
    }
    PackSig sig;
    if (pack_sig_parse(buf, len, &sig) == ERR_OK) {
        int64_t sv = 0;
        pack_comment_parse(sig.trusted_comment, out->campaign, &sv);
        pack_key_id_hex(sig.key_id, out->key_id);
    }
    free(buf);
    out->version = v;
    return ERR_OK;
}

Err pack_select(const char *data_dir, int current_failed, PackInstalled *out)
{
    if (!current_failed && pack_installed(data_dir, 0, out) == ERR_OK)
        return ERR_OK;
    PackInstalled prev;
    if (pack_installed(data_dir, 1, &prev) == ERR_OK) {
        /* After an interrupted switch, previous may equal current. */
        int64_t cur = pack_installed_version(data_dir);
        if (!current_failed || prev.version != cur) {
            *out = prev;
            return ERR_OK;
        }
    }
    memset(out, 0, sizeof *out);
    return ERR_NOTFOUND;
}

/* A leftover is removed on the next recover, so a failure is only logged. */
static void rm_tree(const char *path)
{
    if (fileio_remove_tree(path) != ERR_OK)
        log_warn("pack: cannot remove %s: %s", path, strerror(errno));
}

Err pack_recover(const char *data_dir)
{
    char content[PATH_MAX], versions[PATH_MAX], path[PATH_MAX];
    Err e = content_paths(data_dir, content, sizeof content, versions, sizeof versions);
    if (e != ERR_OK)
        return e;
    static const char *const tmp_links[] = {".current.tmp", ".previous.tmp"};
    for (size_t i = 0; i < 2; i++)
        if (fileio_join(path, sizeof path, content, tmp_links[i]) == ERR_OK)
            unlink(path);
    int64_t cur = link_version(content, "current");
    int64_t prev = link_version(content, "previous");
    DIR *d = opendir(versions);
    if (!d)
        return errno == ENOENT ? ERR_OK : err_from_errno(errno);
    int removed = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        int64_t v = 0;
        int keep = parse_version_name(de->d_name, &v) && (v == cur || v == prev);
        if (keep || fileio_join(path, sizeof path, versions, de->d_name) != ERR_OK)
            continue;
        log_info("pack: removing %s left by an earlier install", path);
        rm_tree(path);
        removed = 1;
    }
    closedir(d);
    if (removed)
        fileio_fsync_dir(versions);
    return ERR_OK;
}

/* ---- Install ---- */

/* Copy root/rel to dst through fileio (temp, fsync, rename, folder fsync).
 * rel is opened with fileio_open_regular(): no link, FIFO or device on the
 * stick is followed or read, and a file over limit bytes is refused before
 * reading it (or while reading, if it grows). */
static Err copy_file(const char *root, const char *rel, const char *dst, uint64_t limit)
{
    int fd;
    Err e = fileio_open_regular(root, rel, limit, &fd, NULL);
    if (e != ERR_OK)
        return e;
    FileWriter *w = fileio_writer_open(dst, 0644, &e);
    if (!w) {
        close(fd);
        return e;
    }
    char buf[64 * 1024];
    uint64_t total = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            e = err_from_errno(errno);
            break;
        }
        if (n == 0)
            break;
        total += (uint64_t)n;
        if (total > limit) {
            e = ERR_TOOBIG;
            break;
        }
        if ((e = fileio_writer_write(w, buf, (size_t)n)) != ERR_OK)
            break;
    }
    close(fd);
    if (e != ERR_OK) {
        fileio_writer_abort(w);
        return e;
    }
    return fileio_writer_commit(w);
}

static Err mkdir_parent(const char *path)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        return ERR_OK;
    *slash = '\0';
    return fileio_mkdir_p(dir, 0755);
}

static Err stage_copy(const Verified *v, const char *pack_dir, const char *staging)
{
    Err e = fileio_mkdir_p(staging, 0755);
    if (e != ERR_OK)
        return e;
    step("staging-created");
    size_t n = manifest_file_count(v->m);
    for (size_t i = 0; i < n; i++) {
        const ManifestFile *f = manifest_file(v->m, i);
        char dst[PATH_MAX];
        if ((e = fileio_join(dst, sizeof dst, staging, f->path)) != ERR_OK)
            return e;
        if ((e = mkdir_parent(dst)) != ERR_OK ||
            (e = copy_file(pack_dir, f->path, dst, f->size)) != ERR_OK)
            return e;
        step("file-copied");
    }
    /* The manifest and signature exactly as verified, not re-read from the stick. */
    char path[PATH_MAX];
    if ((e = fileio_join(path, sizeof path, staging, PACK_MANIFEST)) != ERR_OK ||
        (e = fileio_write_atomic(path, v->man, v->man_len, 0644)) != ERR_OK)
        return e;
    if ((e = fileio_join(path, sizeof path, staging, PACK_SIGNATURE)) != ERR_OK ||
        (e = fileio_write_atomic(path, v->sig, v->sig_len, 0644)) != ERR_OK)
        return e;
    step("manifest-copied");
    return ERR_OK;
}

/* Point content/<name> at target by making a temporary link and renaming
 * it over the old one, then making the rename durable. */
static Err switch_link(const char *content, const char *name, const char *target)
{
    char tmp[PATH_MAX], final[PATH_MAX], tmpname[64];
    snprintf(tmpname, sizeof tmpname, ".%s.tmp", name);
    Err e;
    if ((e = fileio_join(tmp, sizeof tmp, content, tmpname)) != ERR_OK ||
        (e = fileio_join(final, sizeof final, content, name)) != ERR_OK)
        return e;
    unlink(tmp);
    if (symlink(target, tmp) != 0)
        return err_from_errno(errno);
    step("link-created");
    if ((e = fileio_rename(tmp, final)) != ERR_OK) {
        unlink(tmp);
        return e;
    }
    step("link-renamed");
    /* The link has moved; there is nothing to undo. A failed folder fsync
     * only means the switch may not survive a power cut, and either side of
     * it is a complete version. */
    e = fileio_fsync_dir(content);
    if (e != ERR_OK)
        log_warn("pack: %s switched but not yet durable: %s", final, err_str(e));
    return ERR_OK;
}

static Err check_space(const char *dir, uint64_t need)
{
    struct statvfs sv;
    if (statvfs(dir, &sv) != 0)
        return ERR_OK; /* cannot tell; the copy itself will report ENOSPC */
    uint64_t avail = (uint64_t)sv.f_bavail * (uint64_t)sv.f_frsize;
    return avail < need + SPACE_MARGIN ? ERR_NOSPACE : ERR_OK;
}

static Err install_verified(const char *data_dir, const char *pack_dir, const PackTrust *trust,
                            const Verified *v, PackReport *rep)
{
    char content[PATH_MAX], versions[PATH_MAX], staging[PATH_MAX], final[PATH_MAX], name[64];
    Err e = content_paths(data_dir, content, sizeof content, versions, sizeof versions);
    if (e == ERR_OK)
        e = fileio_mkdir_p(versions, 0755);
    if (e != ERR_OK)
        return refuse(rep, PACK_IO, e, "Cannot prepare the content folder on the kiosk (%s).", err_str(e));
    if (check_space(versions, rep->total_bytes) != ERR_OK)
        return refuse(rep, PACK_NO_SPACE, ERR_NOSPACE,
                      "Not enough free space on the kiosk for %llu bytes.",
                      (unsigned long long)rep->total_bytes);

    snprintf(name, sizeof name, ".staging-%lld", (long long)rep->version);
    if ((e = fileio_join(staging, sizeof staging, versions, name)) != ERR_OK)
        return refuse(rep, PACK_IO, e, "Data folder path too long.");
    snprintf(name, sizeof name, "%lld", (long long)rep->version);
    if ((e = fileio_join(final, sizeof final, versions, name)) != ERR_OK)
        return refuse(rep, PACK_IO, e, "Data folder path too long.");

    e = stage_copy(v, pack_dir, staging);
    if (e != ERR_OK) {
        rm_tree(staging);
        return refuse(rep, e == ERR_NOSPACE ? PACK_NO_SPACE : PACK_IO, e,
                      "Copying the pack to the kiosk failed (%s); nothing was changed.", err_str(e));
    }

    /* Verify the staged copy as if it were a new pack. */
    PackReport staged;
    report_init(&staged, rep->installed_version);
    Verified sv = {0};
    e = verify_into(staging, trust, &staged, &sv, 1);
    verified_free(&sv);
    if (e != ERR_OK) {
        rm_tree(staging);
        for (int i = 0; i < staged.n_lines; i++)
            report_line(rep, "staged copy: %s", staged.lines[i]);
        return refuse(rep, PACK_IO, e,
                      "The copy on the kiosk does not match the pack (%s); the stick may be failing. Nothing was changed.",
                      staged.message);
    }
    step("staged-verified");

    /* A leftover of the same version that `current` does not name. */
    rm_tree(final);
    if ((e = fileio_rename(staging, final)) != ERR_OK) {
        rm_tree(staging);
        return refuse(rep, PACK_IO, e, "Cannot move the staged pack into place (%s).", err_str(e));
    }
    step("staged-renamed");
    if ((e = fileio_fsync_dir(versions)) != ERR_OK) {
        rm_tree(final);
        return refuse(rep, PACK_IO, e, "Cannot make the staged pack durable (%s).", err_str(e));
    }
    step("versions-synced");

    int64_t old = link_version(content, "current");
    if (old) {
        char target[64];
        snprintf(target, sizeof target, "versions/%lld", (long long)old);
        if ((e = switch_link(content, "previous", target)) != ERR_OK) {
            pack_recover(data_dir);
            return refuse(rep, PACK_IO, e, "Cannot record the previous version (%s).", err_str(e));
        }
        step("previous-switched");
    }
    char target[64];
    snprintf(target, sizeof target, "versions/%lld", (long long)rep->version);
    if ((e = switch_link(content, "current", target)) != ERR_OK) {
        pack_recover(data_dir);
        return refuse(rep, PACK_IO, e, "Cannot switch to the new version (%s).", err_str(e));
    }
    step("current-switched");
    pack_recover(data_dir); /* drop versions older than previous */
    step("cleaned");
    return ERR_OK;
}

/* 1 when path, links resolved, is dir or lies under it (also when either
 * cannot be resolved: then we cannot prove it is outside). */
static int resolves_inside(const char *path, const char *dir)
{
    char rp[PATH_MAX], rd[PATH_MAX];
    if (!realpath(path, rp) || !realpath(dir, rd))
        return 1;
    size_t n = strlen(rd);
    return strncmp(rp, rd, n) == 0 && (rp[n] == '\0' || rp[n] == '/' || (n == 1 && rd[0] == '/'));
}

Err pack_install(const char *data_dir, const char *pack_dir, const PackTrust *trust, PackReport *rep)
{
    pack_recover(data_dir);
    int64_t installed = pack_installed_version(data_dir);
    report_init(rep, installed);
    Verified v = {0};
    Err e = verify_into(pack_dir, trust, rep, &v, 0);
    if (e == ERR_OK)
        e = install_verified(data_dir, pack_dir, trust, &v, rep);
    verified_free(&v);
    if (e == ERR_OK) {
        snprintf(rep->message, sizeof rep->message,
                 "Installed pack version %lld for campaign \"%s\" (was version %lld).",
                 (long long)rep->version, rep->campaign, (long long)installed);
        log_info("pack: %s", rep->message);
    } else {
        log_warn("pack: refused %s: %s", pack_dir, rep->message);
    }
    /* The report goes back onto the stick, never into the kiosk's own data
     * (a pack folder that is, or links to, installed content). */
    if (resolves_inside(pack_dir, data_dir)) {
        log_warn("pack: %s is inside the data folder; no report written there", pack_dir);
    } else {
        Err we = pack_report_write(pack_dir, rep);
        if (we != ERR_OK)
            log_warn("pack: cannot write the report into %s: %s", pack_dir, err_str(we));
    }
    return e;
}

/* ---- Making a pack ---- */

static Err copy_tree(Manifest *m, const char *src_root, const char *out_root, const char *rel, int depth)
{
    if (depth > COPY_WALK_DEPTH)
        return ERR_TOOBIG;
    char dirpath[PATH_MAX];
    Err e = fileio_join(dirpath, sizeof dirpath, src_root, rel);
    if (e != ERR_OK)
        return e;
    DIR *d = opendir(dirpath);
    if (!d)
        return depth == 0 && errno == ENOENT ? ERR_OK : err_from_errno(errno);
    struct dirent *de;
    while (e == ERR_OK && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue; /* ".", "..", and hidden files (.DS_Store, editor backups) */
        char sub[PATH_MAX], src[PATH_MAX], dst[PATH_MAX];
        int n = snprintf(sub, sizeof sub, "%s/%s", rel, de->d_name);
        if (n < 0 || (size_t)n >= sizeof sub)
            e = ERR_TOOBIG;
        else if ((e = fileio_join(src, sizeof src, src_root, sub)) == ERR_OK &&
                 (e = fileio_join(dst, sizeof dst, out_root, sub)) == ERR_OK) {
            struct stat st;
            if (lstat(src, &st) != 0)
                e = err_from_errno(errno);
            else if (S_ISDIR(st.st_mode))
                e = copy_tree(m, src_root, out_root, sub, depth + 1);
            else if (!S_ISREG(st.st_mode))
                log_warn("pack: skipping %s (not a regular file)", src);
            else if ((e = mkdir_parent(dst)) == ERR_OK &&
                     (e = copy_file(src_root, sub, dst, (uint64_t)st.st_size)) == ERR_OK)
                e = manifest_add_file_from_disk(m, out_root, sub);
        }
    }
    closedir(d);
    return e;
}

Err pack_make(const char *src_dir, const char *out_dir, const char *campaign, int64_t version)
{
    char c[64];
    int64_t v;
    char comment[128];
    snprintf(comment, sizeof comment, "taama campaign=%s version=%lld", campaign ? campaign : "",
             (long long)version);
    if (!src_dir || !out_dir || pack_comment_parse(comment, c, &v) != ERR_OK || strcmp(c, campaign) != 0)
        return ERR_INVALID;
    DIR *d = opendir(out_dir);
    if (d) {
        struct dirent *de;
        int empty = 1;
        while ((de = readdir(d)) != NULL)
            if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
                empty = 0;
        closedir(d);
        if (!empty)
            return ERR_INVALID;
    }
    Err e = fileio_mkdir_p(out_dir, 0755);
    if (e != ERR_OK)
        return e;
    Manifest *m = manifest_new();
    if (!m)
        return ERR_NOMEM;
    char *buf = NULL;
    size_t len = 0;
    for (size_t i = 0; e == ERR_OK && i < sizeof top_dirs / sizeof top_dirs[0]; i++) {
        char top[32];
        snprintf(top, sizeof top, "%.*s", (int)strlen(top_dirs[i]) - 1, top_dirs[i]);
        e = copy_tree(m, src_dir, out_dir, top, 0);
    }
    if (e == ERR_OK && manifest_file_count(m) == 0)
        e = ERR_NOTFOUND;
    if (e == ERR_OK)
        e = manifest_set(m, "kind", PACK_KIND);
    if (e == ERR_OK)
        e = manifest_set(m, "campaign", campaign);
    if (e == ERR_OK)
        e = manifest_set_int(m, "version", version);
    if (e == ERR_OK)
        e = manifest_serialize(m, &buf, &len);
    char path[PATH_MAX];
    if (e == ERR_OK && (e = fileio_join(path, sizeof path, out_dir, PACK_MANIFEST)) == ERR_OK)
        e = fileio_write_atomic(path, buf, len, 0644);
    free(buf);
    manifest_free(m);
    return e;
}
