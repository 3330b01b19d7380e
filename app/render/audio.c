/* audio.c: narration playback; see audio.h.
 *
 * Three threads touch a player:
 *   - the UI thread (audio_play, audio_stop, audio_status) takes `m` only,
 *     and the device lock inside it to drop a sound at once;
 *   - the loader (worker) takes `m`, and the device lock inside it to
 *     install a converted buffer; it opens and closes the device;
 *   - SDL's audio thread runs callback() under the device lock and never
 *     takes `m`.
 * The lock order is always m, then device, so nothing can deadlock. Loads
 * run with no lock held; `gen` tells the loader whether its result is still
 * wanted. */
#include "render/audio.h"

#include <SDL.h>
#include <string.h>
#include <sys/stat.h>

#include "core/log.h"

struct AudioPlayer {
    SDL_mutex *m;
    SDL_cond *wake; /* worker: a request, or quit */
    SDL_cond *idle; /* waiters: a load finished */
    SDL_Thread *thread;
    AudioOptions opt;

    /* under m */
    unsigned gen;          /* bumped by every play and stop */
    int pending;           /* a request waits for the worker */
    char path[4096];
    char req_tag[128];
    unsigned req_gen;
    int busy; /* the worker is loading */
    int quit;
    SDL_AudioDeviceID dev; /* 0 while closed; changed by the worker only */
    SDL_AudioSpec have;
    unsigned plays, stops, failed, opened;
    int warned_no_device;
    int sounding; /* a sound was installed and its end not yet reported */

    /* under the device lock (and m for writers other than the callback) */
    Uint8 *buf;
    Uint32 len, pos;
    char tag[128];
    unsigned long played;
    SDL_atomic_t volume; /* 0..SDL_MIX_MAXVOLUME */
    SDL_atomic_t done;   /* 1 when nothing is left to mix */
};

static void callback(void *ud, Uint8 *stream, int len)
{
    AudioPlayer *p = ud;
    SDL_memset(stream, p->have.silence, (size_t)len);
    if (!p->buf || p->pos >= p->len) {
        SDL_AtomicSet(&p->done, 1);
        return;
    }
    Uint32 n = p->len - p->pos;
    if (n > (Uint32)len)
        n = (Uint32)len;
    SDL_MixAudioFormat(stream, p->buf + p->pos, p->have.format, n, SDL_AtomicGet(&p->volume));
    p->pos += n;
    p->played += n;
    if (p->pos >= p->len)
        SDL_AtomicSet(&p->done, 1);
}

/* Under m. Take the sound away from the callback and free it. */
static void drop_sound(AudioPlayer *p)
{
    if (!p->dev)
        return; /* a sound is only ever installed on an open device */
    SDL_LockAudioDevice(p->dev);
    Uint8 *old = p->buf;
    p->buf = NULL;
    p->len = p->pos = 0;
    SDL_AtomicSet(&p->done, 1);
    SDL_UnlockAudioDevice(p->dev);
    SDL_free(old);
}

/* Called with m held; lets go of it while the system opens or closes the
 * device (that can take a while, and the UI thread must not wait for it).
 * Only the worker (and audio_open/audio_close, when no worker runs) change
 * dev. SDL opens devices paused, so the callback cannot see `have` before
 * it is set. */
static int device_open(AudioPlayer *p)
{
    if (p->dev)
        return 0;
    SDL_AudioSpec want, have;
    SDL_zero(want);
    SDL_zero(have);
    want.freq = p->opt.freq;
    want.format = AUDIO_S16SYS;
    want.channels = (Uint8)p->opt.channels;
    want.samples = 1024;
    want.callback = callback;
    want.userdata = p;
    SDL_UnlockMutex(p->m);
    SDL_AudioDeviceID d = SDL_OpenAudioDevice(NULL, 0, &want, &have, SDL_AUDIO_ALLOW_ANY_CHANGE);
    SDL_LockMutex(p->m);
    if (!d) {
        if (!p->warned_no_device)
            log_warn("no audio device (%s): narration is off until one appears", SDL_GetError());
        p->warned_no_device = 1;
        return -1;
    }
    p->warned_no_device = 0;
    p->have = have;
    p->dev = d;
    p->opened++;
    SDL_AtomicSet(&p->done, 1);
    SDL_PauseAudioDevice(d, 0);
    return 0;
}

static void device_close(AudioPlayer *p)
{
    if (!p->dev)
        return;
    SDL_AudioDeviceID d = p->dev;
    SDL_LockAudioDevice(d);
    Uint8 *old = p->buf;
    p->buf = NULL;
    p->len = p->pos = 0;
    p->tag[0] = 0;
    SDL_PauseAudioDevice(d, 1); /* under the lock: no callback starts after this */
    SDL_UnlockAudioDevice(d);
    p->dev = 0;
    SDL_UnlockMutex(p->m);
    SDL_CloseAudioDevice(d);
    SDL_free(old);
    SDL_LockMutex(p->m);
}

/* Read path and convert it to the device format `have`. No lock held.
 * Returns a buffer for SDL_free() with its size, or NULL (logged). */
static Uint8 *load_converted(const char *path, const SDL_AudioSpec *have, Uint32 *out_len)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        log_warn("narration %s: cannot read it", path);
        return NULL;
    }
    if (st.st_size > AUDIO_MAX_FILE_BYTES) {
        log_warn("narration %s: %lld bytes is over the %d byte limit", path,
                 (long long)st.st_size, AUDIO_MAX_FILE_BYTES);
        return NULL;
    }
    SDL_AudioSpec spec;
    Uint8 *wav = NULL, *out = NULL;
    Uint32 wav_len = 0;
    SDL_AudioStream *s = NULL;
    if (!SDL_LoadWAV_RW(SDL_RWFromFile(path, "rb"), 1, &spec, &wav, &wav_len)) {
        log_warn("narration %s: %s", path, SDL_GetError());
        return NULL;
    }
    s = SDL_NewAudioStream(spec.format, spec.channels, spec.freq, have->format, have->channels,
                           have->freq);
    if (!s || SDL_AudioStreamPut(s, wav, (int)wav_len) != 0 || SDL_AudioStreamFlush(s) != 0) {
        log_warn("narration %s: cannot convert: %s", path, SDL_GetError());
        goto out;
    }
    int avail = SDL_AudioStreamAvailable(s);
    if (avail <= 0 || avail > 4 * AUDIO_MAX_FILE_BYTES) {
        log_warn("narration %s: %d bytes after conversion", path, avail);
        goto out;
    }
    out = SDL_malloc((size_t)avail);
    if (!out) {
        log_warn("narration %s: out of memory", path);
        goto out;
    }
    int got = SDL_AudioStreamGet(s, out, avail);
    if (got <= 0) {
        SDL_free(out);
        out = NULL;
        log_warn("narration %s: conversion gave nothing", path);
        goto out;
    }
    *out_len = (Uint32)got;
out:
    SDL_FreeAudioStream(s);
    SDL_FreeWAV(wav);
    return out;
}

static int worker(void *ud)
{
    AudioPlayer *p = ud;
    SDL_LockMutex(p->m);
    Uint64 quiet_since = SDL_GetTicks64();
    while (!p->quit) {
        if (!p->pending) {
            if (!p->dev) {
                SDL_CondWait(p->wake, p->m);
                continue;
            }
            /* A sound is open: look again shortly to close the device once
             * it has been quiet for idle_close_ms. */
            SDL_CondWaitTimeout(p->wake, p->m, 250);
            if (p->pending || p->quit)
                continue;
            if (p->sounding && SDL_AtomicGet(&p->done)) {
                p->sounding = 0;
                if (p->opt.on_end)
                    p->opt.on_end(p->opt.on_end_ctx);
            }
            Uint64 now = SDL_GetTicks64();
            if (!SDL_AtomicGet(&p->done))
                quiet_since = now;
            else if (now - quiet_since >= (Uint64)p->opt.idle_close_ms)
                device_close(p);
            continue;
        }
        char path[sizeof p->path], tag[sizeof p->req_tag];
        unsigned g = p->req_gen;
        memcpy(path, p->path, sizeof path);
        memcpy(tag, p->req_tag, sizeof tag);
        p->pending = 0;
        p->busy = 1;
        Uint32 len = 0;
        Uint8 *buf = NULL;
        if (device_open(p) == 0) {
            SDL_AudioSpec have = p->have;
            SDL_UnlockMutex(p->m);
            buf = load_converted(path, &have, &len);
            SDL_LockMutex(p->m);
        }
        if (!buf) {
            p->failed++;
            if (g == p->gen && p->opt.on_end)
                p->opt.on_end(p->opt.on_end_ctx); /* nothing will play */
        } else if (g != p->gen || !p->dev) {
            SDL_free(buf); /* stopped or replaced while loading */
        } else {
            Uint8 *old;
            SDL_LockAudioDevice(p->dev);
            old = p->buf;
            p->buf = buf;
            p->len = len;
            p->pos = 0;
            snprintf(p->tag, sizeof p->tag, "%s", tag);
            SDL_AtomicSet(&p->done, 0);
            p->sounding = 1;
            SDL_UnlockAudioDevice(p->dev);
            SDL_free(old);
        }
        quiet_since = SDL_GetTicks64();
        p->busy = 0;
        SDL_CondBroadcast(p->idle);
    }
    SDL_UnlockMutex(p->m);
    return 0;
}

static int clamp_volume(int v)
{
    v = v < 0 ? 0 : v > 100 ? 100 : v;
    return (v * SDL_MIX_MAXVOLUME + 50) / 100;
}

AudioPlayer *audio_open(const AudioOptions *o)
{
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        log_warn("no audio (%s): narration is off", SDL_GetError());
        return NULL;
    }
    AudioPlayer *p = SDL_calloc(1, sizeof *p);
    if (!p)
        goto fail;
    if (o)
        p->opt = *o;
    if (p->opt.idle_close_ms <= 0)
        p->opt.idle_close_ms = 3000;
    if (p->opt.freq <= 0)
        p->opt.freq = 22050;
    if (p->opt.channels <= 0 || p->opt.channels > 8)
        p->opt.channels = 1;
    SDL_AtomicSet(&p->volume, clamp_volume(o ? o->volume : 80));
    SDL_AtomicSet(&p->done, 1);
    p->m = SDL_CreateMutex();
    p->wake = SDL_CreateCond();
    p->idle = SDL_CreateCond();
    if (!p->m || !p->wake || !p->idle)
        goto fail;
    SDL_LockMutex(p->m);
    device_open(p); /* learn now whether there is a device; failure is logged */
    SDL_UnlockMutex(p->m);
    p->thread = SDL_CreateThread(worker, "taama-audio", p);
    if (!p->thread)
        goto fail;
    return p;
fail:
    log_warn("cannot start narration playback: %s", SDL_GetError());
    if (p) {
        if (p->m) {
            SDL_LockMutex(p->m);
            device_close(p);
            SDL_UnlockMutex(p->m);
        }
        SDL_DestroyCond(p->idle);
        SDL_DestroyCond(p->wake);
        SDL_DestroyMutex(p->m);
        SDL_free(p);
    }
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return NULL;
}

void audio_close(AudioPlayer *p)
{
    if (!p)
        return;
    SDL_LockMutex(p->m);
    p->quit = 1;
    p->gen++;
    SDL_CondSignal(p->wake);
    SDL_UnlockMutex(p->m);
    SDL_WaitThread(p->thread, NULL);
    SDL_LockMutex(p->m);
    device_close(p);
    SDL_UnlockMutex(p->m);
    SDL_DestroyCond(p->idle);
    SDL_DestroyCond(p->wake);
    SDL_DestroyMutex(p->m);
    SDL_free(p);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

Err audio_play(AudioPlayer *p, const char *path, const char *tag)
{
    if (!p)
        return ERR_OK;
    if (!path || strlen(path) >= sizeof p->path)
        return ERR_INVALID;
    SDL_LockMutex(p->m);
    p->gen++;
    drop_sound(p); /* the new sound replaces the old one now, not when it is loaded */
    p->sounding = 0;
    snprintf(p->path, sizeof p->path, "%s", path);
    snprintf(p->req_tag, sizeof p->req_tag, "%s", tag ? tag : "");
    p->req_gen = p->gen;
    p->pending = 1;
    p->plays++;
    SDL_CondSignal(p->wake);
    SDL_UnlockMutex(p->m);
    return ERR_OK;
}

void audio_stop(AudioPlayer *p)
{
    if (!p)
        return;
    SDL_LockMutex(p->m);
    p->gen++;
    p->pending = 0;
    drop_sound(p);
    p->sounding = 0;
    p->stops++;
    SDL_UnlockMutex(p->m);
}

void audio_set_volume(AudioPlayer *p, int volume)
{
    if (p)
        SDL_AtomicSet(&p->volume, clamp_volume(volume));
}

void audio_apply(AudioPlayer *p, const NarrationIndex *ix, const AudioCmd *cmds, int n)
{
    for (int i = 0; p && i < n; i++) {
        const AudioCmd *c = &cmds[i];
        if (c->action == AUDIO_STOP) {
            audio_stop(p);
        } else if (c->action == AUDIO_PLAY) {
            char path[4096];
            if (narration_path(ix, c->lang, c->key, path, sizeof path) == ERR_OK) {
                if (audio_play(p, path, c->key) != ERR_OK)
                    log_warn("narration %s: path refused by the player", c->key);
            } else
                audio_stop(p); /* a new screen or language: the old voice must not go on */
        }
    }
}

void audio_status(AudioPlayer *p, AudioStatus *out)
{
    memset(out, 0, sizeof *out);
    if (!p)
        return;
    SDL_LockMutex(p->m);
    out->device = p->dev != 0;
    out->loading = p->pending || p->busy;
    out->plays = p->plays;
    out->stops = p->stops;
    out->failed = p->failed;
    out->opened = p->opened;
    if (p->dev) {
        out->freq = p->have.freq;
        out->channels = p->have.channels;
        out->format = p->have.format;
        SDL_LockAudioDevice(p->dev);
    }
    out->playing = p->buf && p->pos < p->len;
    snprintf(out->tag, sizeof out->tag, "%s", p->buf ? p->tag : "");
    out->played_bytes = p->played;
    if (p->dev)
        SDL_UnlockAudioDevice(p->dev);
    SDL_UnlockMutex(p->m);
}

int audio_wait_loaded(AudioPlayer *p, int timeout_ms)
{
    if (!p)
        return 1;
    Uint64 until = SDL_GetTicks64() + (Uint64)(timeout_ms > 0 ? timeout_ms : 0);
    SDL_LockMutex(p->m);
    while (p->pending || p->busy) {
        Uint64 now = SDL_GetTicks64();
        if (now >= until)
            break;
        SDL_CondWaitTimeout(p->idle, p->m, (Uint32)(until - now));
    }
    int idle = !p->pending && !p->busy;
    SDL_UnlockMutex(p->m);
    return idle;
}
