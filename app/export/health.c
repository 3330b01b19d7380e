/* health.c: fleet health facts for exports (health.json) and the kiosk
 * key's owner (see health.h). */
#include "export/health.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <json-c/json.h>

#include "clock/clock_store.h"
#include "core/fileio.h"
#include "core/log.h"
#include "core/version.h"
#include "export/export.h"

static int64_t meta_int(Stats *s, const char *key)
{
    char buf[32];
    return stats_meta_get(s, key, buf, sizeof buf) == ERR_OK ? strtoll(buf, NULL, 10) : 0;
}

static void meta_add(Stats *s, const char *key, int64_t by)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)(meta_int(s, key) + by));
    if (stats_meta_set(s, key, buf) != ERR_OK)
        log_warn("health: %s not saved", key);
}

void export_health_note(Stats *s, const char *key, const char *value)
{
    char full[80], old[128];
    snprintf(full, sizeof full, "health.%s", key);
    if (!s || (stats_meta_get(s, full, old, sizeof old) == ERR_OK && strcmp(old, value) == 0))
        return;
    if (stats_meta_set(s, full, value) != ERR_OK)
        log_warn("health: %s not saved", full);
}

void export_health_note_start(Stats *s, const char *data_dir)
{
    if (!s)
        return;
    meta_add(s, "health.starts", 1);
    if (meta_int(s, "health.running"))
        meta_add(s, "health.crashes", 1);
    char path[1200], *buf = NULL;
    size_t len = 0;
    if (fileio_join(path, sizeof path, data_dir, "last-exit") == ERR_OK &&
        fileio_read_all(path, 256, &buf, &len) == ERR_OK) {
        if (strncmp(buf, "watchdog", 8) == 0)
            meta_add(s, "health.watchdog_resets", 1);
        unlink(path);
    }
    free(buf);
    stats_meta_set(s, "health.running", "1");
}

void export_health_note_stop(Stats *s)
{
    if (!s)
        return;
    meta_add(s, "health.warnings", log_warning_count());
    stats_meta_set(s, "health.running", "0");
}

static void add_int(json_object *o, const char *k, int64_t v) { json_object_object_add(o, k, json_object_new_int64(v)); }

static void add_str(json_object *o, const char *k, const char *v) { json_object_object_add(o, k, json_object_new_string(v)); }

static void add_meta_str(json_object *o, Stats *s, const char *k)
{
    char full[80], v[128] = "";
    snprintf(full, sizeof full, "health.%s", k);
    stats_meta_get(s, full, v, sizeof v);
    add_str(o, k, v);
}

Err export_health_json(Stats *s, const char *data_dir, const KioskClock *clock, int64_t wall_ms,
                       int64_t mono_ms, int64_t uptime_s, char **out, size_t *len)
{
    *out = NULL;
    KioskClock stored;
    if (!clock) {
        kclock_load(&stored, s, kclock_build_time());
        clock = &stored;
    }
    KioskClock c = *clock; /* a copy: reading the time must not change the kiosk's */
    int64_t now = kclock_now(&c, wall_ms, mono_ms);
    int64_t free_mb = -1;
    struct statvfs vf;
    if (data_dir && statvfs(data_dir, &vf) == 0)
        free_mb = (int64_t)((unsigned long long)vf.f_bavail * vf.f_frsize / (1024 * 1024));

    /* Added in key order, so the bytes are stable. */
    json_object *o = json_object_new_object();
    if (!o)
        return ERR_NOMEM;
    add_str(o, "build_version", version_string());
    add_int(o, "clock_corrections", c.log.corrections);
    add_str(o, "clock_held_days", c.log.held_days);
    add_int(o, "clock_held_events", c.log.held_events);
    add_int(o, "clock_kiosk_time", now);
    add_str(o, "clock_last_set", c.log.last_set);
    add_int(o, "clock_max_back_s", c.log.max_back_s);
    add_int(o, "clock_offset_s", c.offset_s);
    add_int(o, "clock_problems", c.log.problems);
    add_str(o, "clock_status", kclock_status_name(c.status));
    add_int(o, "clock_system_time", wall_ms / 1000);
    add_int(o, "content_version", meta_int(s, "health.content_version"));
    add_int(o, "crashes", meta_int(s, "health.crashes"));
    add_int(o, "disk_free_mb", free_mb);
    add_str(o, "kind", EXPORT_HEALTH_KIND);
    add_meta_str(o, s, "last_touch");
    add_meta_str(o, s, "sound_test");
    add_int(o, "starts", meta_int(s, "health.starts"));
    add_meta_str(o, s, "touch_test");
    add_int(o, "uptime_s", uptime_s);
    add_int(o, "warnings", meta_int(s, "health.warnings") + log_warning_count());
    add_int(o, "watchdog_resets", meta_int(s, "health.watchdog_resets"));
    size_t n = 0;
    const char *txt = json_object_to_json_string_length(o, JSON_C_TO_STRING_PLAIN, &n);
    Err e = ERR_NOMEM;
    if (txt && (*out = malloc(n + 2))) {
        memcpy(*out, txt, n);
        (*out)[n] = '\n';
        (*out)[n + 1] = 0;
        *len = n + 1;
        e = ERR_OK;
    }
    json_object_put(o);
    return e;
}

Err export_keys_for_identity(Stats *s, const char *data_dir, int *regenerated)
{
    if (regenerated)
        *regenerated = 0;
    StatsIdentity id;
    stats_identity(s, &id);
    if (!id.kiosk_id[0])
        return ERR_NOTFOUND;
    char owner[40] = "";
    stats_meta_get(s, "export.key_owner", owner, sizeof owner);
    if (owner[0] && strcmp(owner, id.kiosk_id) != 0) {
        char path[1200];
        log_warn("export: the kiosk key belongs to kiosk %s, this is %s (cloned or moved card): new key",
                 owner, id.kiosk_id);
        if (fileio_join(path, sizeof path, data_dir, EXPORT_KIOSK_KEY) == ERR_OK)
            unlink(path);
        if (fileio_join(path, sizeof path, data_dir, EXPORT_KIOSK_PUB) == ERR_OK)
            unlink(path);
        if (regenerated)
            *regenerated = 1;
    }
    Err e = export_keys_ensure(data_dir, NULL);
    if (e == ERR_OK && strcmp(owner, id.kiosk_id) != 0)
        e = stats_meta_set(s, "export.key_owner", id.kiosk_id);
    return e;
}
