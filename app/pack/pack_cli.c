/* pack_cli.c: the `taama pack` command (make, verify, install), a thin
 * shell over pack.h so the shell and the admin screen run the same checks. */
#include "pack/pack.h"

#include <stdlib.h>
#include <string.h>

#include "core/args.h"

static void usage(FILE *out)
{
    fprintf(out, "usage: taama pack make DIR --out PACKDIR --campaign ID --version N\n"
                 "       taama pack verify PACKDIR\n"
                 "       taama pack install PACKDIR\n");
}

static void print_report(FILE *out, const PackReport *rep)
{
    fprintf(out, "%s: %s\n", rep->err == 0 ? "ok" : "refused", rep->message);
    if (rep->campaign[0])
        fprintf(out, "campaign %s, version %lld (installed %lld)\n", rep->campaign,
                (long long)rep->version, (long long)rep->installed_version);
    if (rep->key_id[0])
        fprintf(out, "signed by key %s\n", rep->key_id);
    if (rep->n_files)
        fprintf(out, "%zu files, %llu bytes\n", rep->n_files, (unsigned long long)rep->total_bytes);
    for (int i = 0; i < rep->n_lines; i++)
        fprintf(out, "  %s\n", rep->lines[i]);
    if (rep->lines_dropped)
        fprintf(out, "  ... and %d more\n", rep->lines_dropped);
}

static int cmd_make(int argc, char **argv, FILE *out)
{
    const char *src = NULL, *dst = NULL, *campaign = NULL, *version = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
            dst = argv[++i];
        else if (strcmp(argv[i], "--campaign") == 0 && i + 1 < argc)
            campaign = argv[++i];
        else if (strcmp(argv[i], "--version") == 0 && i + 1 < argc)
            version = argv[++i];
        else if (!src && argv[i][0] != '-')
            src = argv[i];
        else {
            usage(out);
            return 2;
        }
    }
    if (!src || !dst || !campaign || !version) {
        usage(out);
        return 2;
    }
    char *end = NULL;
    long long v = strtoll(version, &end, 10);
    if (!end || *end || v < 1) {
        fprintf(out, "pack make: --version must be a whole number >= 1\n");
        return 2;
    }
    Err e = pack_make(src, dst, campaign, (int64_t)v);
    if (e == ERR_INVALID) {
        fprintf(out, "pack make: the campaign id must be 1-63 of A-Z a-z 0-9 . _ - and %s must be "
                     "empty or absent\n", dst);
        return 2;
    }
    if (e != ERR_OK) {
        fprintf(out, "pack make: %s: %s\n", src, err_str(e));
        return 1;
    }
    fprintf(out, "Wrote %s/%s. Sign it on the offline signing machine with:\n"
                 "  minisign -Sm %s/%s -t \"taama campaign=%s version=%lld\"\n"
                 "then copy the whole folder %s to a USB stick.\n",
            dst, PACK_MANIFEST, dst, PACK_MANIFEST, campaign, v, dst);
    return 0;
}

int pack_cli_main(const char *data_dir, int argc, char **argv, FILE *out)
{
    char *args[32];
    argc = args_drop_common(argc, argv, args, 32);
    argv = args;
    if (argc > 0 && strcmp(argv[0], "pack") == 0) {
        argc--;
        argv++;
    }
    if (argc < 1) {
        usage(out);
        return 2;
    }
    if (strcmp(argv[0], "make") == 0)
        return cmd_make(argc, argv, out);
    if ((strcmp(argv[0], "verify") != 0 && strcmp(argv[0], "install") != 0) || argc != 2) {
        usage(out);
        return 2;
    }
    PackTrust trust;
    Err e = pack_trust_load(data_dir, &trust);
    if (e != ERR_OK)
        fprintf(out, "warning: trust configuration in %s/%s: %s\n", data_dir, PACK_TRUST_DIR, err_str(e));
    PackReport rep;
    if (strcmp(argv[0], "verify") == 0) {
        /* Only so the installed version below is the one that counts; a
         * leftover it cannot remove does not change the verdict. */
        Err re = pack_recover(data_dir);
        if (re != ERR_OK)
            fprintf(out, "warning: cannot tidy the installed versions: %s\n", err_str(re));
        e = pack_verify(argv[1], &trust, pack_installed_version(data_dir), &rep);
    } else {
        e = pack_install(data_dir, argv[1], &trust, &rep);
    }
    print_report(out, &rep);
    return e == ERR_OK ? 0 : 1;
}
