/* pack.c: installing a verified pack (staging, verifying the staged copy,
 * atomically switching the links) and the installed versions (which one
 * is current, falling back, recovering after an interrupted install).
 * Verification is in pack_verify.c, making a pack in pack_make.c; see
 * pack.h for the install layout and the crash argument. */
#include "pack/pack.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "core/fileio.h"
#include "core/log.h"
#include "manifest/manifest.h"
#include "pack/pack_internal.h"

#define SPACE_MARGIN (4ull * 1024ull * 1024ull)

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
    e = fileio_read_regular(out->root, PACK_SIGNATURE, SIG_FILE_MAX, &buf, &len);
    if (e != ERR_OK) {
        memset(out, 0, sizeof *out);
        return ERR_NOTFOUND;
    }
    PackSig sig;
    if (pack_sig_parse(buf, len, &sig) == ERR_OK) {
        int64_t sv = 0;
        /* Verified when installed, so this holds; if not, no campaign is
         * shown rather than part of one. */
        if (pack_comment_parse(sig.trusted_comment, out->campaign, &sv) != ERR_OK)
            out->campaign[0] = '\0';
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
    /* The removals are redone by the next recover if they do not last. */
    Err se = removed ? fileio_fsync_dir(versions) : ERR_OK;
    if (se != ERR_OK)
        log_warn("pack: removals in %s not yet durable: %s", versions, err_str(se));
    return ERR_OK;
}

/* pack_recover() where a failure costs only disk space until the next
 * recover: logged, not returned. */
static void recover_logged(const char *data_dir)
{
    Err e = pack_recover(data_dir);
    if (e != ERR_OK)
        log_warn("pack: cannot tidy the installed versions in %s: %s", data_dir, err_str(e));
}

/* ---- Install ---- */

/* Copy root/rel to dst through fileio (temp, fsync, rename, folder fsync).
 * rel is opened with fileio_open_regular(): no link, FIFO or device on the
 * stick is followed or read, and a file over limit bytes is refused before
 * reading it (or while reading, if it grows). */
Err pack_copy_file(const char *root, const char *rel, const char *dst, uint64_t limit)
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

Err pack_mkdir_parent(const char *path)
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
        if ((e = pack_mkdir_parent(dst)) != ERR_OK ||
            (e = pack_copy_file(pack_dir, f->path, dst, f->size)) != ERR_OK)
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

/* Copy the verified pack into staging, verify the copy as if it were a
 * new pack (the stick may have changed under us), and move it to final.
 * On failure nothing the kiosk loads has changed and staging is gone. */
static Err stage_version(const char *pack_dir, const PackTrust *trust, const Verified *v,
                         const char *versions, const char *staging, const char *final,
                         PackReport *rep)
{
    Err e = stage_copy(v, pack_dir, staging);
    if (e != ERR_OK) {
        rm_tree(staging);
        return pack_refuse(rep, e == ERR_NOSPACE ? PACK_NO_SPACE : PACK_IO, e,
                           "Copying the pack to the kiosk failed (%s); nothing was changed.", err_str(e));
    }
    PackReport staged;
    pack_report_init(&staged, rep->installed_version);
    Verified sv = {0};
    e = pack_verify_into(staging, trust, &staged, &sv, 1);
    pack_verified_free(&sv);
    if (e != ERR_OK) {
        rm_tree(staging);
        for (int i = 0; i < staged.n_lines; i++)
            pack_report_line(rep, "staged copy: %s", staged.lines[i]);
        return pack_refuse(rep, PACK_IO, e,
                           "The copy on the kiosk does not match the pack (%s); the stick may be failing. Nothing was changed.",
                           staged.message);
    }
    step("staged-verified");

    /* A leftover of the same version that `current` does not name. */
    rm_tree(final);
    if ((e = fileio_rename(staging, final)) != ERR_OK) {
        rm_tree(staging);
        return pack_refuse(rep, PACK_IO, e, "Cannot move the staged pack into place (%s).", err_str(e));
    }
    step("staged-renamed");
    if ((e = fileio_fsync_dir(versions)) != ERR_OK) {
        rm_tree(final);
        return pack_refuse(rep, PACK_IO, e, "Cannot make the staged pack durable (%s).", err_str(e));
    }
    step("versions-synced");
    return ERR_OK;
}

/* Point `previous` at what `current` names, then `current` at version. A
 * failure leaves `current` naming a complete version (old or new);
 * pack_recover() then tidies what is left. */
static Err switch_versions(const char *data_dir, const char *content, int64_t version,
                           PackReport *rep)
{
    Err e;
    char target[64];
    int64_t old = link_version(content, "current");
    if (old) {
        snprintf(target, sizeof target, "versions/%lld", (long long)old);
        if ((e = switch_link(content, "previous", target)) != ERR_OK) {
            recover_logged(data_dir);
            return pack_refuse(rep, PACK_IO, e, "Cannot record the previous version (%s).", err_str(e));
        }
        step("previous-switched");
    }
    snprintf(target, sizeof target, "versions/%lld", (long long)version);
    if ((e = switch_link(content, "current", target)) != ERR_OK) {
        recover_logged(data_dir);
        return pack_refuse(rep, PACK_IO, e, "Cannot switch to the new version (%s).", err_str(e));
    }
    step("current-switched");
    recover_logged(data_dir); /* drop versions older than previous */
    step("cleaned");
    return ERR_OK;
}

static Err install_verified(const char *data_dir, const char *pack_dir, const PackTrust *trust,
                            const Verified *v, PackReport *rep)
{
    char content[PATH_MAX], versions[PATH_MAX], staging[PATH_MAX], final[PATH_MAX], name[64];
    Err e = content_paths(data_dir, content, sizeof content, versions, sizeof versions);
    if (e == ERR_OK)
        e = fileio_mkdir_p(versions, 0755);
    if (e != ERR_OK)
        return pack_refuse(rep, PACK_IO, e, "Cannot prepare the content folder on the kiosk (%s).", err_str(e));
    if (check_space(versions, rep->total_bytes) != ERR_OK)
        return pack_refuse(rep, PACK_NO_SPACE, ERR_NOSPACE,
                           "Not enough free space on the kiosk for %llu bytes.",
                           (unsigned long long)rep->total_bytes);

    snprintf(name, sizeof name, ".staging-%lld", (long long)rep->version);
    if ((e = fileio_join(staging, sizeof staging, versions, name)) != ERR_OK)
        return pack_refuse(rep, PACK_IO, e, "Data folder path too long.");
    snprintf(name, sizeof name, "%lld", (long long)rep->version);
    if ((e = fileio_join(final, sizeof final, versions, name)) != ERR_OK)
        return pack_refuse(rep, PACK_IO, e, "Data folder path too long.");
    e = stage_version(pack_dir, trust, v, versions, staging, final, rep);
    if (e != ERR_OK)
        return e;
    return switch_versions(data_dir, content, rep->version, rep);
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
    recover_logged(data_dir);
    int64_t installed = pack_installed_version(data_dir);
    pack_report_init(rep, installed);
    Verified v = {0};
    Err e = pack_verify_into(pack_dir, trust, rep, &v, 0);
    if (e == ERR_OK)
        e = install_verified(data_dir, pack_dir, trust, &v, rep);
    pack_verified_free(&v);
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
