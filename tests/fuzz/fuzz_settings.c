/* fuzz_settings.c: fuzz target for DATA/settings.json (json-c underneath).
 * Any bytes as the file: loading must always give usable settings (the
 * documented ranges), and what is loaded must save and load back the same
 * (the admin screen saves what it loaded). */
#include "fuzz.h"

#include "core/log.h"
#include "settings/settings.h"

static void check(const Settings *s)
{
    int ok = s->n_languages >= 1 && s->n_languages <= SETTINGS_MAX_LANGS &&
             s->inactivity_timeout_s >= SETTINGS_TIMEOUT_MIN_S &&
             s->inactivity_timeout_s <= SETTINGS_TIMEOUT_MAX_S && s->narration_volume >= 0 &&
             s->narration_volume <= 100 && memchr(s->kiosk_name, 0, sizeof s->kiosk_name) &&
             memchr(s->site, 0, sizeof s->site);
    for (int i = 0; ok && i < s->n_languages; i++)
        ok = memchr(s->languages[i], 0, sizeof s->languages[i]) && s->languages[i][0];
    for (const char *p = s->kiosk_name; ok && *p; p++)
        ok = (unsigned char)*p >= 0x20 && *p != 0x7f;
    for (const char *p = s->site; ok && *p; p++)
        ok = (unsigned char)*p >= 0x20 && *p != 0x7f;
    if (!ok) {
        fprintf(stderr, "fuzz_settings: loaded settings out of range\n");
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    log_set_quiet(1);
    const char *dir = fz_fresh("settings");
    fz_write(dir, "settings.json", data, size);
    Settings a, b;
    (void)!settings_load(dir, &a); /* hostile input: any result, a must still be usable */
    check(&a);
    if (settings_save(dir, &a) != ERR_OK) {
        fprintf(stderr, "fuzz_settings: cannot save what was loaded\n");
        abort();
    }
    if (settings_load(dir, &b) != ERR_OK || memcmp(&a, &b, sizeof a) != 0) {
        fprintf(stderr, "fuzz_settings: saved settings load back different\n");
        abort();
    }
    return 0;
}
