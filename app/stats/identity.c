/* identity.c: the hardware fingerprint of a statistics database (rules in
 * identity.h). Raw identifiers never leave this file: only keyed hashes. */
#include "stats/identity.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/log.h"

/* The v1 hash, kept so databases from before the fingerprint still match. */
static void legacy_hash(const char *machine_id, char out[33])
{
    static const unsigned char key[] = "taama stats machine id v1";
    unsigned char h[16];
    crypto_generichash(h, sizeof h, (const unsigned char *)machine_id, strlen(machine_id), key, sizeof key - 1);
    sodium_bin2hex(out, 33, h, sizeof h);
}

static void part_hash(char tag, const char *value, char out[17])
{
    out[0] = 0;
    if (!value[0])
        return;
    unsigned char key[] = "taama hw part ?";
    key[sizeof key - 2] = (unsigned char)tag;
    unsigned char h[8];
    crypto_generichash(h, sizeof h, (const unsigned char *)value, strlen(value), key, sizeof key - 1);
    sodium_bin2hex(out, 17, h, sizeof h);
}

/* Read a small file's first line (NULs, as in device-tree strings, end it);
 * "" when missing. Values of zeros only (boards without a serial) count as
 * missing: they would make every such board look the same. */
static void read_value(const char *root, const char *path, char *out, size_t cap)
{
    char full[512];
    snprintf(full, sizeof full, "%s%s", root ? root : "", path);
    out[0] = 0;
    FILE *f = fopen(full, "rb");
    if (!f)
        return;
    size_t n = fread(out, 1, cap - 1, f);
    fclose(f);
    out[n] = 0;
    out[strcspn(out, " \t\r\n")] = 0;
    if (out[strspn(out, "0")] == 0)
        out[0] = 0;
}

static void cpuinfo_serial(const char *root, char *out, size_t cap)
{
    char full[512], line[256];
    snprintf(full, sizeof full, "%s/proc/cpuinfo", root ? root : "");
    out[0] = 0;
    FILE *f = fopen(full, "r");
    if (!f)
        return;
    while (fgets(line, sizeof line, f)) {
        char *colon = strchr(line, ':');
        if (strncmp(line, "Serial", 6) != 0 || !colon)
            continue;
        const char *v = colon + 1 + strspn(colon + 1, " \t");
        snprintf(out, cap, "%s", v);
        out[strcspn(out, " \t\r\n")] = 0;
        if (out[strspn(out, "0")] == 0)
            out[0] = 0;
        break;
    }
    fclose(f);
}

void stats_hw_read(const char *root, const char *machine_id, StatsHw *out)
{
    char mid[256], cid[128] = "", serial[128] = "";
    char hm[17], hc[17], hs[17];
    memset(out, 0, sizeof *out);
    if (machine_id)
        snprintf(mid, sizeof mid, "%s", machine_id);
    else
        read_value(root, "/etc/machine-id", mid, sizeof mid);
    if (!machine_id && !mid[0])
        log_warn("stats: cannot read /etc/machine-id");
    if (root || !machine_id) {
        read_value(root, "/sys/block/mmcblk0/device/cid", cid, sizeof cid);
        read_value(root, "/sys/firmware/devicetree/base/serial-number", serial, sizeof serial);
        if (!serial[0])
            cpuinfo_serial(root, serial, sizeof serial);
    }
    legacy_hash(mid, out->legacy);
    part_hash('m', mid, hm);
    part_hash('c', cid, hc);
    part_hash('s', serial, hs);
    out->parts = (hm[0] != 0) + (hc[0] != 0) + (hs[0] != 0);
    snprintf(out->text, sizeof out->text, "v2:m=%s,c=%s,s=%s", hm, hc, hs);
    sodium_memzero(mid, sizeof mid);
    sodium_memzero(cid, sizeof cid);
    sodium_memzero(serial, sizeof serial);
}

/* The value of part tag ('m', 'c', 's') in a v2 text, copied into out. */
static int part_of(const char *text, char tag, char out[17])
{
    char pat[4] = {tag, '=', 0, 0};
    const char *p = strstr(text, pat);
    out[0] = 0;
    if (!p)
        return 0;
    p += 2;
    size_t n = strcspn(p, ",");
    if (n > 16)
        return 0;
    memcpy(out, p, n);
    out[n] = 0;
    return 1;
}

int stats_hw_match(const char *stored, const StatsHw *now, char merged[STATS_HW_MAX], int *upgrade)
{
    *upgrade = 0;
    snprintf(merged, STATS_HW_MAX, "%s", now->text);
    if (!stored)
        return 0;
    if (strncmp(stored, "v2:", 3) != 0) {
        /* A v1 database: the machine-id hash decides, then upgrade. */
        if (strcmp(stored, now->legacy) != 0)
            return 0;
        *upgrade = 1;
        return 1;
    }
    static const char tags[] = "mcs";
    char keep[3][17];
    for (int i = 0; i < 3; i++) {
        char was[17], is[17];
        if (!part_of(stored, tags[i], was) || !part_of(now->text, tags[i], is))
            return 0;
        if (was[0] && is[0] && strcmp(was, is) != 0)
            return 0;
        if (!was[0] && is[0])
            *upgrade = 1;
        snprintf(keep[i], sizeof keep[i], "%s", was[0] ? was : is);
    }
    snprintf(merged, STATS_HW_MAX, "v2:m=%s,c=%s,s=%s", keep[0], keep[1], keep[2]);
    return 1;
}
