/* kiosk_effects.c: what the loop does for the App: its effects, its jobs
 * and its sticks.
 *
 * After each app_update() the loop calls kiosk_drain(): the effects are
 * taken (app_take_effects) and carried out here, never in the core:
 * statistics dated by the kiosk clock (app/clock/clock.h), narration,
 * settings saved, the clock set, and the slow commands (Argon2 PIN checks,
 * SQLite reads, writing a stick, installing a pack) handed to the jobs
 * worker (app/jobs/), whose results kiosk_deliver() turns back into
 * Events. Content ownership after an install is decided in swap_content().
 * While nobody uses the kiosk, the mount table is read at most every 2 s
 * for new sticks. */
#include "render/kiosk_state.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clock/clock_store.h"
#include "core/log.h"
#include "export/contacts.h"
#include "export/export.h"
#include "export/health.h"
#include "jobs/jobs.h"
#include "narration/narration.h"
#include "settings/settings.h"

int64_t kiosk_wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Keep the clock's state at most every hour of kiosk time, at once
 * when a new problem shows, and each minute while counts are held. */
void kiosk_clock_persist(Kiosk *k, int force)
{
    KioskClock *c = &k->clock;
    int64_t m = mono_ms();
    if (!k->stats ||
        !(force || c->last_s - k->clock_saved_s >= 3600 || c->log.problems != k->clock_saved_problems ||
          (c->log.held_events != k->clock_saved_held && m - k->clock_saved_mono_ms >= 60000)))
        return;
    if (kclock_save(c, k->stats) != ERR_OK)
        log_warn("clock: state not saved");
    if (c->log.problems != k->clock_saved_problems)
        log_warn("clock: implausible (%s); counts are %s", kclock_status_name(c->status),
                 kclock_held(c) ? "held on the last good day" : "dated by the monotonic clock");
    k->clock_saved_s = c->last_s;
    k->clock_saved_mono_ms = m;
    k->clock_saved_problems = c->log.problems;
    k->clock_saved_held = c->log.held_events;
}

/* The kiosk's own day "YYYY-MM-DD" now, for health notes. */
static void kiosk_day(Kiosk *k, char day[11])
{
    KioskClock c = k->clock;
    stats_day_string(kclock_now(&c, kiosk_wall_ms(), mono_ms()), k->clock.utc_offset, day);
}

void kiosk_clock_start(Kiosk *k)
{
    time_t t = time(NULL);
    struct tm lt;
    localtime_r(&t, &lt);
    kclock_load(&k->clock, k->stats, kclock_build_time());
    k->clock.utc_offset = (int32_t)lt.tm_gmtoff;
    k->started_mono_ms = mono_ms();
    kclock_now(&k->clock, kiosk_wall_ms(), k->started_mono_ms);
    k->clock_saved_s = k->clock.last_s;
    k->clock_saved_problems = k->clock.log.problems - (k->clock.status != KCLOCK_OK);
    kiosk_clock_persist(k, 1);
}

void kiosk_note_contacts(Kiosk *k, const Content *c)
{
    KioskClock clk = k->clock;
    if (export_contacts_note(k->stats, c, kclock_now(&clk, kiosk_wall_ms(), mono_ms())) != ERR_OK)
        log_warn("statistics: the help contact list was not recorded");
}

/* Removable mounts now, from the kiosk's current mount table. */
static void read_mounts(const Kiosk *k, ExportMounts *out)
{
    jobs_read_mounts(k->mount_table, k->o->mount_prefixes, out);
}

static JobEnv job_env(const Kiosk *k)
{
    return (JobEnv){.data_dir = k->o->data_dir,
                    .narration_dir = k->o->narration_dir,
                    .mount_prefixes = k->o->mount_prefixes,
                    .stats = k->stats,
                    .pins = k->pins};
}

void kiosk_worker_start(Kiosk *k)
{
    JobEnv env = job_env(k);
    if (!k->inline_jobs && jobs_worker_start(&k->worker, &env) != ERR_OK)
        k->inline_jobs = 1; /* no thread: do the work on the UI thread */
}

static void submit(Kiosk *k, const AppCmd *c)
{
    Job j;
    memset(&j, 0, sizeof j);
    j.cmd = *c;
    snprintf(j.label, sizeof j.label, "%s", k->app.facts.settings.kiosk_name);
    j.clock = k->clock;
    j.wall_ms = kiosk_wall_ms();
    j.mono_ms = mono_ms();
    j.uptime_s = (j.mono_ms - k->started_mono_ms) / 1000;
    snprintf(j.mount_table, sizeof j.mount_table, "%s", k->mount_table);
    j.content_version = k->content_version;
    snprintf(j.content_signer, sizeof j.content_signer, "%s", k->content_signer);
    JobEnv env = job_env(k);
    jobs_worker_submit(&k->worker, &env, &j, k->inline_jobs);
}

/* A short tone for Test sound, written once into the data folder. */
static int tone_file(const char *data_dir, char *path, size_t n)
{
    snprintf(path, n, "%s/test-tone.wav", data_dir);
    if (access(path, R_OK) == 0)
        return 0;
    enum { RATE = 22050, SAMPLES = RATE * 6 / 10 };
    int16_t pcm[SAMPLES]; /* 26 KB, on the UI thread's stack */
    for (int i = 0; i < SAMPLES; i++) {
        double env = i < 400 ? i / 400.0 : i > SAMPLES - 400 ? (SAMPLES - i) / 400.0 : 1.0;
        pcm[i] = (int16_t)(9000 * env * sin(2 * 3.14159265358979 * 660 * i / RATE));
    }
    unsigned char hdr[44];
    uint32_t data = SAMPLES * 2;
    memcpy(hdr, "RIFF", 4);
    uint32_t v = 36 + data;
    memcpy(hdr + 4, &v, 4);
    memcpy(hdr + 8, "WAVEfmt ", 8);
    v = 16;
    memcpy(hdr + 16, &v, 4);
    uint16_t fmt = 1, ch = 1, bits = 16, align = 2;
    memcpy(hdr + 20, &fmt, 2);
    memcpy(hdr + 22, &ch, 2);
    v = RATE;
    memcpy(hdr + 24, &v, 4);
    v = RATE * 2;
    memcpy(hdr + 28, &v, 4);
    memcpy(hdr + 32, &align, 2);
    memcpy(hdr + 34, &bits, 2);
    memcpy(hdr + 36, "data", 4);
    memcpy(hdr + 40, &data, 4);
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int ok = fwrite(hdr, 1, sizeof hdr, f) == sizeof hdr &&
             fwrite(pcm, 2, SAMPLES, f) == SAMPLES;
    return fclose(f) == 0 && ok ? 0 : -1;
}

/* Commands queued by app_update: quick ones here, slow ones to the worker. */
static void run_commands(Kiosk *k, const AppCmd *cmds, int n)
{
    for (int i = 0; i < n; i++) {
        const AppCmd *c = &cmds[i];
        char path[1100];
        switch (c->kind) {
        case CMD_SAVE_SETTINGS: {
            Err e = k->o->data_dir ? settings_save(k->o->data_dir, &k->app.facts.settings) : ERR_NOTFOUND;
            if (e != ERR_OK)
                log_warn("admin: settings not saved: %s", err_str(e));
            audio_set_volume(k->audio, k->app.facts.settings.narration_volume);
            break;
        }
        case CMD_TEST_SOUND: {
            /* "played" only when the player took the tone (audio_play's Err) */
            int played = k->audio && k->o->data_dir && tone_file(k->o->data_dir, path, sizeof path) == 0 &&
                         audio_play(k->audio, path, "test-tone") == ERR_OK;
            char day[11], note[32];
            kiosk_day(k, day);
            snprintf(note, sizeof note, "%s %s", day, played ? "played" : "no_device");
            export_health_note(k->stats, "sound_test", note);
            break;
        }
        case CMD_CLOCK_ADJUST: {
            int64_t w = kiosk_wall_ms(), m = mono_ms();
            int64_t t = kclock_now(&k->clock, w, m);
            kclock_set(&k->clock, t + c->seconds, w, m, "admin");
            kiosk_clock_persist(k, 1);
            log_info("clock: set by the admin to %lld", (long long)(t + c->seconds));
            AppCmd info = {.kind = CMD_ADMIN_INFO};
            submit(k, &info);
            break;
        }
        case CMD_NONE: break;
        default: submit(k, c); break;
        }
    }
}

/* Statistics and audio queued by app_update go out here, never from the core. */
void kiosk_drain(Kiosk *k)
{
    AppEffects fx;
    app_take_effects(&k->app, &fx);
    for (int i = 0; i < fx.n_stats; i++) {
        StatEvent ev = fx.stats[i];
        /* dated by the kiosk clock: held or monotonic when the system
         * clock is implausible (app/clock/clock.h) */
        time_t t = (time_t)kclock_count(&k->clock, kiosk_wall_ms(), mono_ms());
        if (ev.kind == STAT_SESSION_START) {
            struct tm lt;
            localtime_r(&t, &lt);
            ev.n = lt.tm_hour;
            char touch[16]; /* the day and hour only: privacy */
            strftime(touch, sizeof touch, "%Y-%m-%d %H", &lt);
            export_health_note(k->stats, "last_touch", touch);
        }
        if (k->stats)
            stats_record(k->stats, &ev, (int64_t)t);
    }
    if (fx.n_stats > 0)
        kiosk_clock_persist(k, 0);
    if (k->prev_screen == SCREEN_TEST_TOUCH && k->app.visit.screen != SCREEN_TEST_TOUCH) {
        int got = 0;
        for (int i = 0; i < APP_TOUCH_CELLS; i++)
            got += k->app.admin.touched[i] != 0;
        char day[11], note[32];
        kiosk_day(k, day);
        snprintf(note, sizeof note, "%s %d/%d", day, got, (int)APP_TOUCH_CELLS);
        export_health_note(k->stats, "touch_test", note);
    }
    k->prev_screen = k->app.visit.screen;
    audio_apply(k->audio, k->narration, fx.audio, fx.n_audio);
    run_commands(k, fx.cmds, fx.n_cmds);
    app_wipe_pin((char *)fx.cmds, sizeof fx.cmds); /* a PIN check carried the digits */
}

/* Content ownership after a pack install, decided here and nowhere else.
 * The content main.c loaded stays main's (it frees it after kiosk_run);
 * content loaded by an install belongs to the kiosk (own_content). The
 * App is switched to fresh, then the content the kiosk owned before is
 * freed (the App no longer points into it), and the renderer and the
 * narration follow the new version's folder, or new pictures would draw as
 * nothing and new voices stay silent. Takes fresh and narration. */
static void swap_content(Kiosk *k, const JobResult *r)
{
    app_set_content(&k->app, r->content);
    content_free(k->own_content);
    k->own_content = r->content;
    k->content_version = r->content_version;
    kiosk_note_contacts(k, r->content);
    snprintf(k->content_signer, sizeof k->content_signer, "%s", r->content_signer);
    render_set_content_dir(k->ren, content_dir(r->content));
    narration_index_free(k->narration);
    k->narration = r->narration;
    app_set_narration(&k->app, k->narration ? narration_exists : NULL, k->narration);
}

void kiosk_deliver(Kiosk *k, uint64_t now)
{
    for (;;) {
        JobResult r;
        if (!jobs_worker_take(&k->worker, &r))
            return;
        Event ev = {.err = r.err, .text = r.text, .job = r.kind};
        switch (r.kind) {
        case CMD_PIN_CHECK:
            ev.kind = EV_PIN_RESULT;
            ev.slot = r.pin.slot;
            ev.locked_ms = r.pin.locked_ms;
            break;
        case CMD_ADMIN_INFO:
            ev.kind = EV_ADMIN_INFO;
            ev.info = &r.info;
            break;
        default:
            ev.kind = EV_JOB_DONE;
            break;
        }
        if (r.content && r.kind == CMD_INSTALL_PACK) {
            swap_content(k, &r);
        } else if (r.content) { /* not an install: nothing shows it */
            content_free(r.content);
            narration_index_free(r.narration);
        }
        app_update(&k->app, &ev, now);
        kiosk_drain(k);
        if (k->app.dirty)
            k->ui_valid = 0;
    }
}

/* Nobody is using the kiosk: the attract screen or the admin screen. */
int kiosk_idle(const Kiosk *k)
{
    return !k->app.visit.in_session &&
           (k->app.visit.screen == SCREEN_ATTRACT || k->app.visit.screen == SCREEN_ADMIN);
}

/* Read the mount table (at most every 2 s, only while idle) and tell the
 * App about sticks mounted since the last look. The first look only
 * learns what is already there. */
void kiosk_poll_mounts(Kiosk *k, uint64_t now)
{
    if (!kiosk_idle(k) || (k->mounts_primed && now - k->last_poll_ms < 2000))
        return;
    k->last_poll_ms = now;
    ExportMounts cur, added;
    read_mounts(k, &cur);
    export_mounts_added(&k->mounts, &cur, &added);
    k->mounts = cur;
    if (!k->mounts_primed) {
        k->mounts_primed = 1;
        return;
    }
    for (int i = 0; i < added.n; i++) {
        /* a campaign time file on the stick sets the clock (signed, replay-proof) */
        int changed = 0;
        KStickResult tr = k->stats && k->o->data_dir
                              ? kclock_stick_use(&k->clock, k->stats, added.path[i], k->o->data_dir, kiosk_wall_ms(),
                                                 mono_ms(), &changed)
                              : KSTICK_NONE;
        if (tr != KSTICK_NONE)
            log_warn("clock: %s%s", kclock_stick_message(tr), changed ? " The clock was set." : "");
        Event ev = {.kind = EV_STICK, .text = added.path[i],
                    .can_seal = export_campaign_key_installed(k->o->data_dir)};
        app_update(&k->app, &ev, now);
        kiosk_drain(k);
    }
    if (k->app.dirty)
        k->ui_valid = 0;
}
