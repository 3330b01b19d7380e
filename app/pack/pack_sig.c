/* pack_sig.c: minisign public keys and signatures, checked with libsodium.
 *
 * Formats (from minisign's documentation): a public key is base64 of
 * "Ed" || key id (8) || Ed25519 key (32) under an "untrusted comment:" line.
 * A signature file has four lines: "untrusted comment: ...", base64 of
 * algorithm (2: "Ed" pure, "ED" prehashed with BLAKE2b-512) || key id (8)
 * || signature (64), "trusted comment: ...", and base64 of the global
 * signature (64) over signature || trusted comment. We parse strictly and
 * keep only what we need; the untrusted comment is never used. */
#include "pack/pack.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/fileio.h"
#include "core/log.h"

#define UNTRUSTED_PREFIX "untrusted comment: "
#define TRUSTED_PREFIX "trusted comment: "
#define KEY_FILE_MAX 4096

/* Split text into at most max lines (LF or CRLF), in place in a copy.
 * Returns the number of lines or -1 on out of memory. Empty trailing lines
 * are dropped. */
static int split_lines(const char *text, size_t len, char **copy, char **lines, int max)
{
    *copy = malloc(len + 1);
    if (!*copy)
        return -1;
    memcpy(*copy, text, len);
    (*copy)[len] = '\0';
    int n = 0;
    char *p = *copy;
    while (*p && n < max + 1) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        size_t l = strlen(p);
        if (l > 0 && p[l - 1] == '\r')
            p[l - 1] = '\0';
        if (n < max)
            lines[n] = p;
        n++;
        if (!nl)
            break;
        p = nl + 1;
    }
    while (n > 0 && n <= max && lines[n - 1][0] == '\0')
        n--;
    return n;
}

static Err b64_exact(const char *b64, unsigned char *out, size_t want)
{
    size_t got = 0;
    const char *end = NULL;
    unsigned char buf[128];
    if (want > sizeof buf)
        return ERR_INVALID;
    if (sodium_base642bin(buf, sizeof buf, b64, strlen(b64), NULL, &got, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return ERR_FORMAT;
    if (got != want || !end || *end != '\0')
        return ERR_FORMAT;
    memcpy(out, buf, want);
    return ERR_OK;
}

Err pack_key_parse(const char *text, size_t len, PackKey *out)
{
    if (!text || !out || len > KEY_FILE_MAX)
        return ERR_FORMAT;
    char *copy = NULL, *lines[3];
    int n = split_lines(text, len, &copy, lines, 2);
    if (n < 0)
        return ERR_NOMEM;
    Err e = ERR_FORMAT;
    const char *b64 = NULL;
    if (n == 1)
        b64 = lines[0];
    else if (n == 2 && strncmp(lines[0], UNTRUSTED_PREFIX, strlen(UNTRUSTED_PREFIX)) == 0)
        b64 = lines[1];
    unsigned char raw[2 + PACK_KEY_ID_BYTES + 32];
    if (b64 && b64_exact(b64, raw, sizeof raw) == ERR_OK && raw[0] == 'E' && raw[1] == 'd') {
        memcpy(out->id, raw + 2, PACK_KEY_ID_BYTES);
        memcpy(out->pk, raw + 2 + PACK_KEY_ID_BYTES, 32);
        e = ERR_OK;
    }
    free(copy);
    return e;
}

Err pack_sig_parse(const char *text, size_t len, PackSig *out)
{
    if (!text || !out || len > KEY_FILE_MAX)
        return ERR_FORMAT;
    memset(out, 0, sizeof *out);
    char *copy = NULL, *lines[4];
    int n = split_lines(text, len, &copy, lines, 4);
    if (n < 0)
        return ERR_NOMEM;
    Err e = ERR_FORMAT;
    unsigned char raw[2 + PACK_KEY_ID_BYTES + 64];
    if (n != 4 || strncmp(lines[0], UNTRUSTED_PREFIX, strlen(UNTRUSTED_PREFIX)) != 0 ||
        strncmp(lines[2], TRUSTED_PREFIX, strlen(TRUSTED_PREFIX)) != 0)
        goto done;
    if (b64_exact(lines[1], raw, sizeof raw) != ERR_OK)
        goto done;
    if (raw[0] == 'E' && raw[1] == 'd')
        out->prehashed = 0;
    else if (raw[0] == 'E' && raw[1] == 'D')
        out->prehashed = 1;
    else
        goto done;
    memcpy(out->key_id, raw + 2, PACK_KEY_ID_BYTES);
    memcpy(out->sig, raw + 2 + PACK_KEY_ID_BYTES, 64);
    const char *tc = lines[2] + strlen(TRUSTED_PREFIX);
    if (strlen(tc) >= sizeof out->trusted_comment)
        goto done;
    memcpy(out->trusted_comment, tc, strlen(tc) + 1);
    if (b64_exact(lines[3], out->global_sig, 64) != ERR_OK)
        goto done;
    e = ERR_OK;
done:
    free(copy);
    if (e != ERR_OK)
        memset(out, 0, sizeof *out);
    return e;
}

Err pack_sig_verify(const PackSig *sig, const PackKey *key, const void *msg, size_t len)
{
    if (!sig || !key || (!msg && len))
        return ERR_INVALID;
    if (sodium_init() < 0)
        return ERR_NOMEM;
    if (sodium_memcmp(sig->key_id, key->id, PACK_KEY_ID_BYTES) != 0)
        return ERR_KEY;

    unsigned char prehash[crypto_generichash_BYTES_MAX];
    const unsigned char *signed_msg = msg;
    size_t signed_len = len;
    if (sig->prehashed) {
        if (crypto_generichash(prehash, sizeof prehash, msg, len, NULL, 0) != 0)
            return ERR_SIGNATURE;
        signed_msg = prehash;
        signed_len = sizeof prehash;
    }
    if (crypto_sign_verify_detached(sig->sig, signed_msg, signed_len, key->pk) != 0)
        return ERR_SIGNATURE;

    /* The global signature binds the trusted comment to this signature. */
    size_t tcl = strlen(sig->trusted_comment);
    unsigned char global[64 + sizeof sig->trusted_comment];
    memcpy(global, sig->sig, 64);
    memcpy(global + 64, sig->trusted_comment, tcl);
    if (crypto_sign_verify_detached(sig->global_sig, global, 64 + tcl, key->pk) != 0)
        return ERR_SIGNATURE;
    return ERR_OK;
}

static int campaign_char_ok(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '_' || c == '-';
}

Err pack_comment_parse(const char *comment, char *campaign, int64_t *version)
{
    if (!comment || !campaign || !version)
        return ERR_INVALID;
    campaign[0] = '\0';
    *version = 0;
    const char *p = comment;
    size_t n = strcspn(p, " \t");
    if (n != 5 || strncmp(p, "taama", 5) != 0)
        return ERR_FORMAT;
    p += n;
    int have_c = 0, have_v = 0;
    while (*p) {
        p += strspn(p, " \t");
        n = strcspn(p, " \t");
        if (n == 0)
            break;
        if (n > 9 && strncmp(p, "campaign=", 9) == 0) {
            size_t cl = n - 9;
            if (have_c || cl > 63)
                return ERR_FORMAT;
            for (size_t i = 0; i < cl; i++)
                if (!campaign_char_ok(p[9 + i]))
                    return ERR_FORMAT;
            memcpy(campaign, p + 9, cl);
            campaign[cl] = '\0';
            have_c = 1;
        } else if (n > 8 && strncmp(p, "version=", 8) == 0) {
            if (have_v || n - 8 > 19)
                return ERR_FORMAT;
            int64_t v = 0;
            for (size_t i = 8; i < n; i++) {
                if (p[i] < '0' || p[i] > '9')
                    return ERR_FORMAT;
                v = v * 10 + (p[i] - '0');
                if (v > ((int64_t)1 << 62))
                    return ERR_FORMAT;
            }
            if (v < 1 || (n - 8 > 1 && p[8] == '0'))
                return ERR_FORMAT;
            *version = v;
            have_v = 1;
        }
        p += n;
    }
    if (!have_c || !have_v) {
        campaign[0] = '\0';
        *version = 0;
        return ERR_FORMAT;
    }
    return ERR_OK;
}

void pack_key_id_hex(const unsigned char id[PACK_KEY_ID_BYTES], char out[17])
{
    /* minisign prints the id as a little-endian 64-bit number. */
    static const char hex[] = "0123456789ABCDEF";
    for (int i = 0; i < PACK_KEY_ID_BYTES; i++) {
        unsigned char b = id[PACK_KEY_ID_BYTES - 1 - i];
        out[2 * i] = hex[b >> 4];
        out[2 * i + 1] = hex[b & 15];
    }
    out[16] = '\0';
}

Err pack_trust_load(const char *data_dir, PackTrust *out)
{
    memset(out, 0, sizeof *out);
    out->max_bytes = PACK_MAX_BYTES_DEFAULT;
    out->max_files = PACK_MAX_FILES_DEFAULT;
    char dir[1024], path[1200];
    Err e = fileio_join(dir, sizeof dir, data_dir, PACK_TRUST_DIR);
    if (e != ERR_OK)
        return e;
    Err worst = ERR_OK;
    static const char *const names[PACK_MAX_KEYS] = {"key1.pub", "key2.pub"};
    for (int i = 0; i < PACK_MAX_KEYS; i++) {
        char *buf = NULL;
        size_t len = 0;
        if (fileio_join(path, sizeof path, dir, names[i]) != ERR_OK)
            continue;
        e = fileio_read_all(path, KEY_FILE_MAX, &buf, &len);
        if (e == ERR_NOTFOUND)
            continue;
        if (e == ERR_OK)
            e = pack_key_parse(buf, len, &out->keys[out->n_keys]);
        free(buf);
        if (e != ERR_OK) {
            log_warn("pack: trusted key %s unusable: %s", path, err_str(e));
            worst = ERR_FORMAT;
            continue;
        }
        out->n_keys++;
    }

    char *buf = NULL;
    size_t len = 0;
    if (fileio_join(path, sizeof path, dir, "campaign") == ERR_OK &&
        fileio_read_all(path, 256, &buf, &len) == ERR_OK) {
        size_t n = strcspn(buf, "\r\n");
        int ok = n > 0 && n < sizeof out->campaign;
        for (size_t i = 0; ok && i < n; i++)
            ok = campaign_char_ok(buf[i]);
        if (ok) {
            memcpy(out->campaign, buf, n);
            out->campaign[n] = '\0';
        } else {
            log_warn("pack: %s does not hold a campaign id", path);
            worst = ERR_FORMAT;
        }
    }
    free(buf);
    if (worst != ERR_OK)
        return worst;
    if (out->n_keys == 0 || !out->campaign[0])
        return ERR_NOTFOUND;
    return ERR_OK;
}
