/* fuzz_manifest.c: fuzz target for the export/pack manifest parser
 * (json-c underneath). Any bytes: parse; if accepted, every field and file
 * entry is read, every listed path passed manifest_path_ok(), and the
 * manifest must survive serialise -> parse -> serialise unchanged (the
 * signed bytes of an export are the serialised form). */
#include "fuzz.h"

#include "core/log.h"
#include "manifest/manifest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    log_set_quiet(1);
    Err why = ERR_OK;
    Manifest *m = manifest_parse((const char *)data, size, &why);
    if (!m)
        return 0;
    size_t sum = 0;
    for (size_t i = 0; i < manifest_file_count(m); i++) {
        const ManifestFile *f = manifest_file(m, i);
        if (!manifest_path_ok(f->path)) {
            fprintf(stderr, "fuzz_manifest: accepted a bad path: %s\n", f->path);
            abort();
        }
        sum += strlen(f->path) + strlen(f->sha256) + (size_t)f->size;
        if (manifest_find_file(m, f->path) == NULL)
            abort();
    }
    const char *keys[] = {"kind", "kiosk_id", "epoch", "seq", "rows", "campaign", "version"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        const char *v = manifest_get(m, keys[i]);
        int64_t n;
        if (v)
            sum += strlen(v);
        /* an integer read back must be the value's own spelling */
        if (manifest_get_int(m, keys[i], &n) == ERR_OK) {
            char back[32];
            snprintf(back, sizeof back, "%lld", (long long)n);
            if (strcmp(back, v) != 0)
                abort();
        }
    }
    char *s1 = NULL, *s2 = NULL;
    size_t l1 = 0, l2 = 0;
    if (manifest_serialize(m, &s1, &l1) == ERR_OK) {
        Manifest *m2 = manifest_parse(s1, l1, &why);
        if (!m2) {
            fprintf(stderr, "fuzz_manifest: own output refused (%s): %.*s\n", err_str(why), (int)l1, s1);
            abort();
        }
        if (manifest_serialize(m2, &s2, &l2) != ERR_OK || l1 != l2 || memcmp(s1, s2, l1) != 0) {
            fprintf(stderr, "fuzz_manifest: serialise is not stable\n");
            abort();
        }
        manifest_free(m2);
    }
    free(s1);
    free(s2);
    manifest_free(m);
    return (int)(sum & 0);
}
