/* export_cli.c: watching for sticks (the mount table) and the
 * `taama export` command. Pure: the GUI feeds /proc/self/mounts text; the
 * command reads the file itself. */
#include "export/export.h"

#include <getopt.h>
#include <limits.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

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
    Err e = export_run(s, &req, &res); /* res.message says what happened either way */
    stats_close(s);
    fprintf(out, "%s\n", res.message);
    if (e == ERR_OK)
        fprintf(out, "%s\n", res.folder);
    return e == ERR_OK ? 0 : 1;
}
