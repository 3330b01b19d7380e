/* fuzz_pack.c: fuzz target for checking a content pack from a stick
 * (pack verify): the minisign signature and key parsers, the trusted
 * comment, the manifest and the listed files.
 *
 * Input parts cut at "%%" lines: the trusted comment; the manifest.json
 * (empty: the harness lists the files itself, with their real sizes and
 * hashes, campaign and version from the comment's words); then files, each
 * "relative/path" on its first line and the bytes after it. The harness
 * signs the manifest with a fixed minisign-format key the kiosk trusts
 * ("ED" prehashed, or "Ed" when the comment starts with "pure "), so the
 * fuzzer reaches everything behind the signature. The whole input is also
 * given to the signature, key and comment parsers as text. Checked: no
 * crash or sanitizer report, and an accepted pack lists only safe paths. */
#include "fuzz.h"

#include <sodium.h>

#include "core/log.h"
#include "manifest/manifest.h"
#include "pack/pack.h"

static PackTrust trust;
static unsigned char sk[crypto_sign_SECRETKEYBYTES];

static void b64(char *out, size_t outsz, const unsigned char *bin, size_t len)
{
    sodium_bin2base64(out, outsz, bin, len, sodium_base64_VARIANT_ORIGINAL);
}

static void sign_manifest(const char *dir, const char *mbytes, size_t mlen, const char *comment,
                          size_t clen, int prehash)
{
    unsigned char raw[2 + PACK_KEY_ID_BYTES + 64], global[64];
    raw[0] = 'E';
    raw[1] = prehash ? 'D' : 'd';
    memcpy(raw + 2, trust.keys[0].id, PACK_KEY_ID_BYTES);
    if (prehash) {
        unsigned char h[crypto_generichash_BYTES_MAX];
        crypto_generichash(h, sizeof h, (const unsigned char *)mbytes, mlen, NULL, 0);
        crypto_sign_detached(raw + 2 + PACK_KEY_ID_BYTES, NULL, h, sizeof h, sk);
    } else {
        crypto_sign_detached(raw + 2 + PACK_KEY_ID_BYTES, NULL, (const unsigned char *)mbytes, mlen, sk);
    }
    unsigned char *gmsg = malloc(64 + clen);
    if (!gmsg)
        abort();
    memcpy(gmsg, raw + 2 + PACK_KEY_ID_BYTES, 64);
    memcpy(gmsg + 64, comment, clen);
    crypto_sign_detached(global, NULL, gmsg, 64 + clen, sk);
    free(gmsg);
    char l1[200], l3[200];
    b64(l1, sizeof l1, raw, sizeof raw);
    b64(l3, sizeof l3, global, sizeof global);
    size_t cap = clen + 600;
    char *text = malloc(cap);
    if (!text)
        abort();
    int n = snprintf(text, cap, "untrusted comment: signature from fuzz key\n%s\ntrusted comment: %.*s\n%s\n", l1,
                     (int)clen, comment, l3);
    fz_write(dir, PACK_SIGNATURE, text, (size_t)n);
    free(text);
}

static void parsers(const char *s, size_t len)
{
    PackSig sig;
    PackKey key;
    (void)!pack_sig_parse(s, len, &sig); /* only crashes matter here */
    (void)!pack_key_parse(s, len, &key);
    char *z = malloc(len + 1), campaign[64];
    if (!z)
        abort();
    memcpy(z, s, len);
    z[len] = 0;
    int64_t version;
    (void)!pack_comment_parse(z, campaign, &version);
    free(z);
}

/* A path the harness may write under the pack folder (the code under test
 * must cope with anything listed; the harness itself writes only inside). */
static int writable(const char *p, size_t n)
{
    if (n == 0 || n > 200 || p[0] == '/' || memchr(p, 0, n))
        return 0;
    for (size_t i = 0; i + 1 < n; i++)
        if (p[i] == '.' && p[i + 1] == '.')
            return 0;
    return p[n - 1] != '/';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (trust.n_keys == 0) {
        if (sodium_init() < 0)
            abort();
        unsigned char seed[crypto_sign_SEEDBYTES] = {42};
        crypto_sign_seed_keypair(trust.keys[0].pk, sk, seed);
        memcpy(trust.keys[0].id, "\x01\x02\x03\x04\x05\x06\x07\x08", PACK_KEY_ID_BYTES);
        trust.n_keys = 1;
        snprintf(trust.campaign, sizeof trust.campaign, "fuzz-campaign");
        trust.max_bytes = 1u << 20;
        trust.max_files = 64;
    }
    log_set_quiet(1);
    parsers((const char *)data, size);
    FzParts in;
    fz_split(data, size, &in);
    if (in.n < 2 || memchr(in.p[0], '\n', in.len[0]))
        return 0;
    const char *dir = fz_fresh("pack");
    for (int i = 2; i < in.n; i++) {
        const char *nl = memchr(in.p[i], '\n', in.len[i]);
        size_t plen = nl ? (size_t)(nl - in.p[i]) : in.len[i];
        if (!writable(in.p[i], plen))
            continue;
        char rel[256];
        snprintf(rel, sizeof rel, "%.*s", (int)plen, in.p[i]);
        size_t body = nl ? in.len[i] - plen - 1 : 0;
        (void)fz_try_write(dir, rel, nl ? nl + 1 : "", body);
    }
    const char *comment = in.p[0];
    size_t clen = in.len[0];
    if (in.len[1] > 0) {
        fz_write(dir, PACK_MANIFEST, in.p[1], in.len[1]);
        sign_manifest(dir, in.p[1], in.len[1], comment, clen, strncmp(comment, "pure ", 5) != 0);
    } else {
        Manifest *m = manifest_new();
        if (!m)
            abort();
        for (int i = 2; i < in.n; i++) {
            const char *nl = memchr(in.p[i], '\n', in.len[i]);
            size_t plen = nl ? (size_t)(nl - in.p[i]) : in.len[i];
            char rel[256];
            if (!writable(in.p[i], plen))
                continue;
            snprintf(rel, sizeof rel, "%.*s", (int)plen, in.p[i]);
            /* a path the manifest refuses (or one listed twice) is left out,
             * as the pack maker would refuse it */
            if (manifest_add_file_from_disk(m, dir, rel) != ERR_OK)
                continue;
        }
        char campaign[64] = "fuzz-campaign", *z = malloc(clen + 1);
        int64_t version = 1;
        if (!z)
            abort();
        memcpy(z, comment, clen);
        z[clen] = 0;
        (void)!pack_comment_parse(z, campaign, &version);
        free(z);
        if (manifest_set(m, "kind", "content-pack") != ERR_OK || manifest_set(m, "campaign", campaign) != ERR_OK ||
            manifest_set_int(m, "version", version) != ERR_OK)
            abort(); /* the harness's own fields: always valid */
        char *bytes = NULL;
        size_t blen = 0;
        if (manifest_serialize(m, &bytes, &blen) == ERR_OK) {
            fz_write(dir, PACK_MANIFEST, bytes, blen);
            sign_manifest(dir, bytes, blen, comment, clen, 1);
        }
        free(bytes);
        manifest_free(m);
    }
    PackReport rep;
    Err e = pack_verify(dir, &trust, 1, &rep);
    if (e == ERR_OK && (rep.n_bad != 0 || rep.result != PACK_OK)) {
        fprintf(stderr, "fuzz_pack: accepted with %zu bad files, result %d\n", rep.n_bad, (int)rep.result);
        abort();
    }
    if (getenv("FUZZ_DEBUG"))
        fprintf(stderr, "pack: %s (%d)\n", rep.message, (int)rep.result);
    size_t sum = strlen(rep.message) + strlen(rep.campaign);
    for (int i = 0; i < rep.n_lines && i < PACK_REPORT_LINES; i++)
        sum += strlen(rep.lines[i]);
    return (int)(sum & 0);
}
