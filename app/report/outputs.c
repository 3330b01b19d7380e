/* outputs.c: what the report's outputs share outside the writers
 * themselves (html.c, csv.c, dhis2.c): the campaign key pair and the kiosk
 * content the report names modules and contacts from. The `taama-report`
 * command line is in cli.c. */
#include "report/report.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "export/export.h"

/* ---- keys ---- */

Err report_keygen(const char *pub_path, const char *sec_path)
{
    struct stat st;
    if (stat(pub_path, &st) == 0 || stat(sec_path, &st) == 0)
        return ERR_INVALID;
    if (sodium_init() < 0)
        return ERR_IO;
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    crypto_box_keypair(pk, sk);
    Err e = export_write_hex_key(sec_path, sk, sizeof sk, 0600);
    sodium_memzero(sk, sizeof sk);
    if (!e)
        e = export_write_hex_key(pub_path, pk, sizeof pk, 0644);
    return e;
}

/* ---- the kiosk content ---- */

int report_find_content(char *out, size_t sz)
{
    const char *root = getenv("TAAMA_ROOT");
    struct stat st;
    if (root && *root) {
        snprintf(out, sz, "%s/content", root);
        if (stat(out, &st) == 0 && S_ISDIR(st.st_mode))
            return 0;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return -1;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = '\0';
    /* build/taama-report -> content/; PREFIX/bin -> PREFIX/share/taama/content */
    static const char *const rel[] = {"/../content", "/../share/taama/content"};
    for (size_t i = 0; i < 2; i++) {
        snprintf(out, sz, "%.*s%s", (int)(sz - 32), exe, rel[i]);
        if (stat(out, &st) == 0 && S_ISDIR(st.st_mode))
            return 0;
    }
    return -1;
}
