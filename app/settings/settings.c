/* settings.c: kiosk settings as a small JSON object (json-c), read
 * leniently and written atomically. Unknown keys are ignored so a newer
 * kiosk's file still loads on an older build. */
#include "settings/settings.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/fileio.h"
#include "core/log.h"
#include "i18n/i18n.h"

#define SETTINGS_FILE "settings.json"

static void copy_str(char *dst, size_t dstsz, const char *src)
{
    size_t n = strlen(src);
    if (n >= dstsz) {
        n = dstsz - 1;
        /* Do not cut a UTF-8 sequence in half. */
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

void settings_defaults(Settings *s)
{
    memset(s, 0, sizeof *s);
    int n = i18n_language_count();
    for (int i = 0; i < n && s->n_languages < SETTINGS_MAX_LANGS; i++) {
        const Language *l = i18n_language_at(i);
        if (l && l->code && strlen(l->code) < sizeof s->languages[0])
            copy_str(s->languages[s->n_languages++], sizeof s->languages[0], l->code);
    }
    s->inactivity_timeout_s = SETTINGS_TIMEOUT_DEFAULT_S;
    s->export_on_insert = 1;
    s->narration_volume = SETTINGS_VOLUME_DEFAULT;
    /* off: a kiosk that talks by itself draws attention to whoever stands
     * at it; the visitor asks with the speaker button */
    s->narration_autoplay = 0;
    copy_str(s->admin_language, sizeof s->admin_language, "en");
}

static int strip_controls(char *str, size_t sz)
{
    int changed = 0;
    str[sz - 1] = '\0';
    for (char *p = str; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 || c == 0x7F) {
            *p = ' ';
            changed = 1;
        }
    }
    return changed;
}

static int clamp_int(int *v, int lo, int hi)
{
    int old = *v;
    *v = *v < lo ? lo : *v > hi ? hi : *v;
    return *v != old;
}

int settings_sanitize(Settings *s)
{
    int changed = 0;
    changed |= strip_controls(s->kiosk_name, sizeof s->kiosk_name);
    changed |= strip_controls(s->site, sizeof s->site);
    changed |= clamp_int(&s->inactivity_timeout_s, SETTINGS_TIMEOUT_MIN_S, SETTINGS_TIMEOUT_MAX_S);
    changed |= clamp_int(&s->narration_volume, 0, 100);
    if (s->export_on_insert != 0 && s->export_on_insert != 1) {
        s->export_on_insert = 1;
        changed = 1;
    }
    if (s->narration_autoplay != 0 && s->narration_autoplay != 1) {
        s->narration_autoplay = 0;
        changed = 1;
    }
    s->admin_language[sizeof s->admin_language - 1] = '\0';
    if (!i18n_language(s->admin_language)) {
        copy_str(s->admin_language, sizeof s->admin_language, "en");
        changed = 1;
    }

    int n_in = s->n_languages;
    if (n_in < 0 || n_in > SETTINGS_MAX_LANGS) {
        n_in = n_in < 0 ? 0 : SETTINGS_MAX_LANGS;
        changed = 1;
    }
    int n_out = 0;
    for (int i = 0; i < n_in; i++) {
        char *code = s->languages[i];
        code[sizeof s->languages[i] - 1] = '\0';
        int keep = i18n_language(code) != NULL;
        for (int j = 0; keep && j < n_out; j++)
            if (strcmp(s->languages[j], code) == 0)
                keep = 0;
        if (!keep) {
            changed = 1;
            continue;
        }
        if (n_out != i)
            memcpy(s->languages[n_out], code, sizeof s->languages[0]);
        n_out++;
    }
    for (int i = n_out; i < SETTINGS_MAX_LANGS; i++)
        memset(s->languages[i], 0, sizeof s->languages[i]);
    s->n_languages = n_out;
    if (n_out == 0) {
        /* A kiosk with no language cannot greet anyone. */
        Settings d;
        settings_defaults(&d);
        memcpy(s->languages, d.languages, sizeof s->languages);
        s->n_languages = d.n_languages;
        changed = 1;
    }
    return changed;
}

int settings_has_language(const Settings *s, const char *code)
{
    for (int i = 0; code && i < s->n_languages; i++)
        if (strcmp(s->languages[i], code) == 0)
            return 1;
    return 0;
}

/* Field readers: each returns 1 when the key is present but unusable, so
 * the caller can report that the file was partly wrong. */
static int read_string(json_object *root, const char *key, char *dst, size_t dstsz)
{
    json_object *v;
    if (!json_object_object_get_ex(root, key, &v))
        return 0;
    if (!json_object_is_type(v, json_type_string))
        return 1;
    copy_str(dst, dstsz, json_object_get_string(v));
    return 0;
}

static int read_int(json_object *root, const char *key, int *dst, int lo, int hi)
{
    json_object *v;
    if (!json_object_object_get_ex(root, key, &v))
        return 0;
    if (!json_object_is_type(v, json_type_int))
        return 1;
    int64_t x = json_object_get_int64(v);
    if (x < lo || x > hi)
        return 1;
    *dst = (int)x;
    return 0;
}

static int read_bool(json_object *root, const char *key, int *dst)
{
    json_object *v;
    if (!json_object_object_get_ex(root, key, &v))
        return 0;
    if (!json_object_is_type(v, json_type_boolean))
        return 1;
    *dst = json_object_get_boolean(v) ? 1 : 0;
    return 0;
}

static int read_languages(json_object *root, Settings *s)
{
    json_object *v;
    if (!json_object_object_get_ex(root, "languages", &v))
        return 0;
    if (!json_object_is_type(v, json_type_array))
        return 1;
    int bad = 0;
    Settings tmp;
    memset(&tmp, 0, sizeof tmp);
    size_t n = json_object_array_length(v);
    for (size_t i = 0; i < n; i++) {
        json_object *e = json_object_array_get_idx(v, i);
        const char *code = json_object_is_type(e, json_type_string) ? json_object_get_string(e) : NULL;
        if (!code || strlen(code) >= sizeof tmp.languages[0] || tmp.n_languages >= SETTINGS_MAX_LANGS) {
            bad = 1;
            continue;
        }
        copy_str(tmp.languages[tmp.n_languages++], sizeof tmp.languages[0], code);
    }
    memcpy(s->languages, tmp.languages, sizeof s->languages);
    s->n_languages = tmp.n_languages;
    return bad;
}

Err settings_load(const char *data_dir, Settings *s)
{
    settings_defaults(s);
    char path[4096];
    Err e = fileio_join(path, sizeof path, data_dir, SETTINGS_FILE);
    if (e != ERR_OK)
        return e;
    char *buf = NULL;
    size_t len = 0;
    e = fileio_read_all(path, SETTINGS_MAX_FILE, &buf, &len);
    if (e == ERR_NOTFOUND) {
        log_info("settings: %s not found, using defaults", path);
        return ERR_NOTFOUND;
    }
    if (e != ERR_OK) {
        log_warn("settings: cannot read %s (%s), using defaults", path, err_str(e));
        return e == ERR_TOOBIG ? ERR_FORMAT : e;
    }

    json_tokener *tok = json_tokener_new();
    json_object *root = tok ? json_tokener_parse_ex(tok, buf, (int)len) : NULL;
    int complete = tok && json_tokener_get_error(tok) == json_tokener_success &&
                   json_tokener_get_parse_end(tok) == len;
    json_tokener_free(tok);
    free(buf);
    if (!root || !complete || !json_object_is_type(root, json_type_object)) {
        json_object_put(root);
        log_warn("settings: %s is not a valid settings file, using defaults", path);
        return ERR_FORMAT;
    }

    int bad = 0;
    bad |= read_string(root, "kiosk_name", s->kiosk_name, sizeof s->kiosk_name);
    bad |= read_string(root, "site", s->site, sizeof s->site);
    bad |= read_languages(root, s);
    bad |= read_int(root, "inactivity_timeout_s", &s->inactivity_timeout_s,
                    SETTINGS_TIMEOUT_MIN_S, SETTINGS_TIMEOUT_MAX_S);
    bad |= read_bool(root, "export_on_insert", &s->export_on_insert);
    bad |= read_int(root, "narration_volume", &s->narration_volume, 0, 100);
    bad |= read_bool(root, "narration_autoplay", &s->narration_autoplay);
    bad |= read_string(root, "admin_language", s->admin_language, sizeof s->admin_language);
    json_object_put(root);
    bad |= settings_sanitize(s);
    if (bad) {
        log_warn("settings: %s has invalid values; those fell back to defaults", path);
        return ERR_FORMAT;
    }
    return ERR_OK;
}

Err settings_save(const char *data_dir, const Settings *in)
{
    Settings s = *in;
    settings_sanitize(&s);
    char path[4096];
    Err e = fileio_join(path, sizeof path, data_dir, SETTINGS_FILE);
    if (e != ERR_OK)
        return e;

    json_object *root = json_object_new_object();
    json_object *langs = json_object_new_array();
    if (!root || !langs) {
        json_object_put(root);
        json_object_put(langs);
        return ERR_NOMEM;
    }
    for (int i = 0; i < s.n_languages; i++)
        json_object_array_add(langs, json_object_new_string(s.languages[i]));
    json_object_object_add(root, "kiosk_name", json_object_new_string(s.kiosk_name));
    json_object_object_add(root, "site", json_object_new_string(s.site));
    json_object_object_add(root, "languages", langs);
    json_object_object_add(root, "inactivity_timeout_s", json_object_new_int(s.inactivity_timeout_s));
    json_object_object_add(root, "export_on_insert", json_object_new_boolean(s.export_on_insert));
    json_object_object_add(root, "narration_volume", json_object_new_int(s.narration_volume));
    json_object_object_add(root, "narration_autoplay", json_object_new_boolean(s.narration_autoplay));
    json_object_object_add(root, "admin_language", json_object_new_string(s.admin_language));

    const char *text = json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY |
                                                                JSON_C_TO_STRING_NOSLASHESCAPE);
    if (!text) {
        json_object_put(root);
        return ERR_NOMEM;
    }
    size_t n = strlen(text);
    char *out = malloc(n + 1);
    if (!out) {
        json_object_put(root);
        return ERR_NOMEM;
    }
    memcpy(out, text, n);
    out[n] = '\n';
    json_object_put(root);
    e = fileio_write_atomic(path, out, n + 1, 0644);
    free(out);
    if (e != ERR_OK)
        log_error("settings: cannot save %s: %s", path, err_str(e));
    return e;
}
