/* test_audio.c: the narration index, and narration playback following the
 * visitor on every navigation path.
 *
 * The sound card is SDL's "disk" audio driver: everything the callback
 * mixes is written to SDL_DISKAUDIOFILE, so the test reads back what a
 * visitor would have heard. Narration files are generated here: each key
 * gets a WAV of one constant sample value, so any stretch of the output
 * tells which recording (and at what volume) was playing. The App is driven
 * as the kiosk drives it (build the screen, hit-test, app_update), and its
 * queued AudioCmds go through audio_apply() exactly as kiosk.c's drain()
 * sends them. Waits are bounded conditions, never timing assertions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include <SDL.h>

#include "app.h"
#include "content/content.h"
#include "i18n/i18n.h"
#include "narration/narration.h"
#include "render/audio.h"
#include "driver.h"
#include "support.h"
#include "ui/ui.h"

enum { RATE = 22050, SECONDS = 3 };

static Content *content;
static char root[512], narr[600], disk[600];

/* Write a mono 16-bit WAV of n samples all equal to value. */
static void write_wav(const char *path, int16_t value, int n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    uint32_t data = (uint32_t)n * 2;
    unsigned char h[44] = "RIFF\0\0\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0\0\0\0\0\0\0\0\0\x02\0\x10\0"
                          "data";
    uint32_t v[] = {36 + data, RATE, RATE * 2};
    for (int i = 0; i < 4; i++) {
        h[4 + i] = (unsigned char)(v[0] >> (8 * i));
        h[24 + i] = (unsigned char)(v[1] >> (8 * i));
        h[28 + i] = (unsigned char)(v[2] >> (8 * i));
        h[40 + i] = (unsigned char)(data >> (8 * i));
    }
    assert_int_equal(fwrite(h, 1, 44, f), 44);
    for (int i = 0; i < n; i++) {
        unsigned char s[2] = {(unsigned char)((uint16_t)value & 0xff),
                              (unsigned char)((uint16_t)value >> 8)};
        assert_int_equal(fwrite(s, 1, 2, f), 2);
    }
    assert_int_equal(fclose(f), 0);
}

static void mkdirs(const char *a, const char *b)
{
    char p[1024];
    snprintf(p, sizeof p, "%s/%s", a, b);
    mkdir(a, 0700);
    mkdir(p, 0700);
}

/* The sample value a key's fixture recording holds, in English. */
static int16_t value_of(int module, int item) { return (int16_t)(1000 + module * 200 + item * 10); }

static int setup_all(void **st)
{
    (void)st;
    if (i18n_init(support_path("build/locale")) != ERR_OK)
        return -1;
    Err e;
    content = content_load(support_path("content"), &e);
    if (!content)
        return -1;
    snprintf(root, sizeof root, "%s", support_tmpdir());
    snprintf(narr, sizeof narr, "%s/narr", root);
    snprintf(disk, sizeof disk, "%s/played.raw", root);
    mkdirs(narr, "en");
    mkdirs(narr, "fr");
    char p[1024];
    for (int m = 0; m < content_module_count(content); m++) {
        const Module *mod = content_module(content, m);
        int item = 0;
        for (int s = 0; s < mod->n_slides; s++, item++) {
            snprintf(p, sizeof p, "%s/en/%s.wav", narr, mod->slides[s].audio);
            write_wav(p, value_of(m, item), RATE * SECONDS);
        }
        for (int q = 0; q < mod->n_quiz; q++, item++) {
            snprintf(p, sizeof p, "%s/en/%s.wav", narr, mod->quiz[q].audio);
            write_wav(p, value_of(m, item), RATE * SECONDS);
            if (mod->quiz[q].explain) {
                snprintf(p, sizeof p, "%s/en/%s%s.wav", narr, mod->quiz[q].audio,
                         NARRATION_EXPLAIN_SUFFIX);
                write_wav(p, (int16_t)(value_of(m, item) + 5), RATE * SECONDS);
            }
        }
        snprintf(p, sizeof p, "%s/en/%s.wav", narr, mod->end.audio);
        write_wav(p, value_of(m, item), RATE * SECONDS);
    }
    snprintf(p, sizeof p, "%s/en/language-name.wav", narr);
    write_wav(p, 7001, RATE);
    snprintf(p, sizeof p, "%s/fr/language-name.wav", narr);
    write_wav(p, 7002, RATE);
    /* a recorded Tigrinya name (espeak-ng has no voice for it) */
    mkdirs(narr, "ti");
    snprintf(p, sizeof p, "%s/ti/language-name.wav", narr);
    write_wav(p, 7004, RATE);
    /* French: only the first slide of the first module */
    snprintf(p, sizeof p, "%s/fr/%s.wav", narr, content_module(content, 0)->slides[0].audio);
    write_wav(p, 6000, RATE * SECONDS);
    SDL_setenv("SDL_AUDIODRIVER", "disk", 1);
    SDL_setenv("SDL_DISKAUDIOFILE", disk, 1);
    return SDL_Init(0);
}

static int teardown_all(void **st)
{
    (void)st;
    content_free(content);
    SDL_Quit();
    return 0;
}

/* ---- the index ------------------------------------------------------------ */

static void test_index_order_and_keys(void **st)
{
    (void)st;
    char a[700], b[700], p[1024];
    snprintf(a, sizeof a, "%s/rec", root);
    snprintf(b, sizeof b, "%s/gen", root);
    mkdirs(a, "en");
    mkdirs(b, "en");
    mkdirs(b, "ar");
    snprintf(p, sizeof p, "%s/en/x-slide-1.wav", a);
    write_wav(p, 1, 10);
    snprintf(p, sizeof p, "%s/en/x-slide-1.wav", b);
    write_wav(p, 2, 10);
    snprintf(p, sizeof p, "%s/en/x-end.wav", b);
    write_wav(p, 3, 10);
    snprintf(p, sizeof p, "%s/ar/language-name.wav", b);
    write_wav(p, 4, 10);
    snprintf(p, sizeof p, "%s/en/notes.txt", b); /* not a .wav */
    write_wav(p, 5, 10);
    snprintf(p, sizeof p, "%s/en/dir.wav", b); /* a folder, not a file */
    mkdir(p, 0700);
    const char *dirs[] = {a, NULL, b, "/nonexistent/taama"};
    Err why = ERR_OK;
    NarrationIndex *ix = narration_index_new(dirs, 4, &why);
    assert_non_null(ix);
    assert_int_equal(narration_count(ix), 3);
    assert_true(narration_exists(ix, "en", "x-slide-1"));
    assert_true(narration_exists(ix, "en", "x-end"));
    assert_false(narration_exists(ix, "ar", "x-end"));
    assert_false(narration_exists(ix, "en", "notes"));
    assert_false(narration_exists(ix, "en", "dir"));
    assert_false(narration_exists(ix, "en", "../en/x-end"));
    /* the picker's key names the language, whatever the current one is */
    assert_true(narration_exists(ix, "en", "lang:ar"));
    assert_false(narration_exists(ix, "ar", "lang:en"));
    assert_false(narration_exists(NULL, "en", "x-end"));
    /* recorded voices (first folder) win */
    assert_int_equal(narration_path(ix, "en", "x-slide-1", p, sizeof p), ERR_OK);
    snprintf(b + strlen(b), sizeof b - strlen(b), "%s", "");
    char want[1024];
    snprintf(want, sizeof want, "%s/en/x-slide-1.wav", a);
    assert_string_equal(p, want);
    assert_int_equal(narration_path(ix, "fr", "x-slide-1", p, sizeof p), ERR_NOTFOUND);
    assert_int_equal(narration_path(ix, "en", "x-slide-1", p, 8), ERR_TOOBIG);
    assert_int_equal(narration_path(ix, "en", NULL, p, sizeof p), ERR_INVALID);
    narration_index_free(ix);
    narration_index_free(NULL);
    assert_null(narration_index_new(dirs, NARRATION_MAX_DIRS + 1, &why));
    assert_int_equal(why, ERR_INVALID);
    ix = narration_index_new(NULL, 0, &why);
    assert_non_null(ix);
    assert_int_equal(narration_count(ix), 0);
    narration_index_free(ix);
}

/* ---- playback --------------------------------------------------------------- */

typedef struct {
    Driver d; /* first: the driver's hook gets back to T from it */
    NarrationIndex *ix;
    AudioPlayer *p;
} T;

static void drain(T *t)
{
    audio_apply(t->p, t->ix, t->d.app.fx.audio, t->d.app.fx.n_audio);
    t->d.app.fx.n_audio = 0;
    assert_true(audio_wait_loaded(t->p, 10000));
}

static void swipe(T *t, int forward)
{
    int y = t->d.app.wiring.h / 2, x0 = t->d.app.wiring.w / 2 + (forward ? 200 : -200);
    int x1 = t->d.app.wiring.w / 2 + (forward ? -200 : 200);
    drv_send(&t->d, EV_POINTER_DOWN, x0, y);
    t->d.now += 40;
    drv_send(&t->d, EV_POINTER_MOVE, (x0 + x1) / 2, y);
    t->d.now += 40;
    drv_send(&t->d, EV_POINTER_UP, x1, y);
    t->d.now += 400;
    app_update(&t->d.app, NULL, t->d.now);
    drain(t);
}

static void key(T *t, Key k)
{
    drv_build(&t->d);
    WidgetId order[128];
    Event ev = {.kind = EV_KEY, .key = k};
    ev.n_focus = ui_focus_order(&t->d.ui, order, 128);
    ev.focus_order = order;
    app_update(&t->d.app, &ev, t->d.now);
    drain(t);
    t->d.now += 400;
    app_update(&t->d.app, NULL, t->d.now);
    drain(t);
}

static void drain_hook(Driver *d) { drain((T *)(void *)d); }

static void t_init(T *t, int autoplay, int volume)
{
    memset(t, 0, sizeof *t);
    AppConfig cfg;
    app_config_default(&cfg);
    cfg.autoplay = autoplay;
    const char *dirs[] = {narr};
    t->ix = narration_index_new(dirs, 1, NULL);
    assert_non_null(t->ix);
    AudioOptions ao = {.volume = volume, .idle_close_ms = 600000};
    t->p = audio_open(&ao);
    assert_non_null(t->p);
    drv_init(&t->d, content, &cfg, 1280, 800, 160);
    t->d.app.wiring.narration_exists = narration_exists;
    t->d.app.wiring.narration_ctx = t->ix;
    t->d.after = drain_hook;
    drain(t);
}

static void t_fini(T *t)
{
    audio_close(t->p);
    narration_index_free(t->ix);
    drv_fini(&t->d);
}

/* What the player has installed must be what the screen narrates: the
 * screen's key when it has a recording in this language, else nothing. */
static void assert_follows_screen(T *t)
{
    char want[96];
    app_narration_key(&t->d.app, want, sizeof want);
    if (want[0] && !narration_exists(t->ix, app_lang(&t->d.app), want))
        want[0] = 0;
    AudioStatus s;
    audio_status(t->p, &s);
    if (strcmp(s.tag, want) != 0)
        fail_msg("on screen %d (lang %s) the player has \"%s\", the screen narrates \"%s\"",
                 t->d.app.visit.screen, app_lang(&t->d.app), s.tag, want);
}

static void assert_silent(T *t)
{
    AudioStatus s;
    audio_status(t->p, &s);
    assert_string_equal(s.tag, "");
    assert_false(s.playing);
}

/* Without autoplay App queues no stop when a screen without narration (the
 * picker, the menu) gives way to another, so a language's spoken name
 * (about a second) may finish over the next screen; nothing else may. */
static void assert_silent_or_name(T *t)
{
    AudioStatus s;
    audio_status(t->p, &s);
    if (s.tag[0] && strncmp(s.tag, "lang:", 5) != 0)
        fail_msg("the player has \"%s\", expected silence", s.tag);
}

static void start_visit(T *t, int lang)
{
    drv_tap(&t->d, W_BACKGROUND, 0);
    assert_int_equal(t->d.app.visit.screen, SCREEN_LANGUAGE);
    assert_silent(t);
    drv_tap(&t->d, W_LANG_CHOICE, lang);
    AudioStatus s;
    audio_status(t->p, &s);
    char want[32];
    snprintf(want, sizeof want, "lang:%s", t->d.app.wiring.cfg.langs[lang]);
    assert_string_equal(s.tag, want); /* the picker speaks the name at once */
    drv_tap(&t->d, W_LANG_CONFIRM, 0);
    assert_int_equal(t->d.app.visit.screen, SCREEN_MENU);
    /* the menu has no narration; the short name may finish */
    audio_status(t->p, &s);
    if (s.tag[0])
        assert_string_equal(s.tag, want);
}

static void test_autoplay_follows_every_path(void **st)
{
    (void)st;
    T t;
    t_init(&t, 1, 100);
    start_visit(&t, 0);
    drv_tap(&t.d, W_CARD, 0);
    assert_int_equal(t.d.app.visit.screen, SCREEN_SLIDE);
    assert_follows_screen(&t);
    AudioStatus s;
    audio_status(t.p, &s);
    assert_true(s.tag[0]);
    drv_tap(&t.d, W_NEXT, 0); /* Next */
    assert_int_equal(t.d.app.visit.slide, 1);
    assert_follows_screen(&t);
    drv_tap(&t.d, W_BACK, 0); /* Back */
    assert_int_equal(t.d.app.visit.slide, 0);
    assert_follows_screen(&t);
    swipe(&t, 1); /* swipe forward */
    assert_int_equal(t.d.app.visit.slide, 1);
    assert_follows_screen(&t);
    swipe(&t, 0); /* swipe back */
    assert_int_equal(t.d.app.visit.slide, 0);
    assert_follows_screen(&t);
    key(&t, KEY_RIGHT); /* keyboard */
    assert_int_equal(t.d.app.visit.slide, 1);
    assert_follows_screen(&t);
    /* through the slides, the quiz (answered and not) and the end card */
    int guard = 0;
    while (t.d.app.visit.screen != SCREEN_END && guard++ < 40) {
        if (t.d.app.visit.screen == SCREEN_QUIZ && t.d.app.visit.quiz_answer < 0) {
            drv_tap(&t.d, W_ANSWER, 0);
            assert_follows_screen(&t);
        }
        drv_tap(&t.d, W_NEXT, 0);
        assert_follows_screen(&t);
    }
    assert_int_equal(t.d.app.visit.screen, SCREEN_END);
    audio_status(t.p, &s);
    assert_true(s.tag[0]);
    /* help from the end card: no narration there */
    drv_tap(&t.d, W_HELP, 0);
    assert_int_equal(t.d.app.visit.screen, SCREEN_HELP);
    assert_silent(&t);
    drv_tap(&t.d, W_HOME, 0);
    assert_silent(&t);
    /* Home from a slide */
    drv_tap(&t.d, W_CARD, 0);
    assert_follows_screen(&t);
    drv_tap(&t.d, W_HOME, 0);
    assert_int_equal(t.d.app.visit.screen, SCREEN_MENU);
    assert_silent(&t);
    /* switching language mid-module: the picker speaks the touched name, the
     * old narration stops, and the slide comes back in French */
    drv_tap(&t.d, W_CARD, 0);
    assert_follows_screen(&t);
    drv_tap(&t.d, W_LANGUAGE, 0);
    assert_int_equal(t.d.app.visit.screen, SCREEN_LANGUAGE);
    assert_silent(&t);
    drv_tap(&t.d, W_LANG_CHOICE, 1);
    audio_status(t.p, &s);
    assert_string_equal(s.tag, "lang:fr");
    drv_tap(&t.d, W_LANG_CONFIRM, 0);
    assert_string_equal(app_lang(&t.d.app), "fr");
    assert_int_equal(t.d.app.visit.screen, SCREEN_SLIDE);
    assert_follows_screen(&t);
    audio_status(t.p, &s);
    assert_string_equal(s.tag, content_module(content, t.d.app.visit.module)->slides[t.d.app.visit.slide].audio);
    /* a French slide without a recording: silence, not the English voice */
    drv_tap(&t.d, W_NEXT, 0);
    assert_silent(&t);
    drv_tap(&t.d, W_BACK, 0);
    assert_follows_screen(&t);
    audio_status(t.p, &s);
    assert_true(s.tag[0]);
    /* quick exit */
    drv_tap(&t.d, W_QUICK_EXIT, 0);
    assert_int_equal(t.d.app.visit.screen, SCREEN_NEUTRAL);
    assert_silent(&t);
    t_fini(&t);
}

/* The speaker button draws the "stop" pictogram (and is selected) while
 * narration plays. */
static int speaker_shows_stop(T *t)
{
    Rect r;
    assert_true(ui_find(&t->d.ui, WIDGET(W_SPEAKER, 0), &r));
    for (int i = 0; i < t->d.ui.n_cmds; i++) {
        const DrawCmd *d = &t->d.ui.cmds[i];
        if (d->kind == DRAW_IMAGE && d->image && strstr(d->image, "stop") &&
            d->r.x >= r.x && d->r.x + d->r.w <= r.x + r.w)
            return 1;
    }
    return 0;
}

static void test_timeout_and_speaker(void **st)
{
    (void)st;
    T t;
    t_init(&t, 0, 100);
    start_visit(&t, 0);
    drv_tap(&t.d, W_CARD, 0);
    assert_silent_or_name(&t); /* autoplay off */
    assert_false(t.d.app.visit.narration_playing);
    drv_tap(&t.d, W_SPEAKER, 0);
    assert_follows_screen(&t);
    AudioStatus s;
    audio_status(t.p, &s);
    assert_true(s.tag[0]);
    /* the button shows that it plays, and a second touch stops it */
    assert_true(t.d.app.visit.narration_playing);
    drv_build(&t.d);
    assert_true(speaker_shows_stop(&t));
    drv_tap(&t.d, W_SPEAKER, 0);
    assert_silent(&t);
    assert_false(t.d.app.visit.narration_playing);
    drv_build(&t.d);
    assert_false(speaker_shows_stop(&t));
    drv_tap(&t.d, W_SPEAKER, 0); /* and a third plays it again */
    assert_follows_screen(&t);
    assert_true(t.d.app.visit.narration_playing);
    drv_tap(&t.d, W_NEXT, 0);
    assert_silent(&t); /* moving on stops it, and nothing starts by itself */
    drv_tap(&t.d, W_SPEAKER, 0);
    assert_follows_screen(&t);
    /* walking away: the "Still there?" countdown stops the voice */
    t.d.now += (uint64_t)t.d.app.wiring.cfg.timeout_s * 1000 + 10;
    app_update(&t.d.app, NULL, t.d.now);
    drain(&t);
    assert_true(t.d.app.visit.countdown);
    assert_silent(&t);
    assert_false(t.d.app.visit.narration_playing);
    t.d.now += (uint64_t)(t.d.app.wiring.cfg.timeout_s + t.d.app.wiring.cfg.countdown_s) * 1000 + 10;
    app_update(&t.d.app, NULL, t.d.now);
    drain(&t);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ATTRACT);
    assert_silent(&t);
    t_fini(&t);
}

/* ---- what reaches the sound card ------------------------------------------ */

static long file_size(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 ? (long)st.st_size : -1;
}

/* Wait (bounded) until the disk file has grown to at least n bytes. */
static void wait_file(long n)
{
    for (int i = 0; i < 2000 && file_size(disk) < n; i++)
        SDL_Delay(5);
    assert_true(file_size(disk) >= n);
}

static void wait_played(AudioPlayer *p, unsigned long n)
{
    AudioStatus s;
    for (int i = 0; i < 2000; i++) {
        audio_status(p, &s);
        if (s.played_bytes >= n)
            return;
        SDL_Delay(5);
    }
    fail_msg("the callback mixed only %lu bytes", s.played_bytes);
}

/* Count samples equal to v in the disk output between byte offsets. */
static long count_samples(long from, long to, int16_t v)
{
    FILE *f = fopen(disk, "rb");
    assert_non_null(f);
    long n = 0;
    unsigned char b[2];
    fseek(f, from & ~1L, SEEK_SET);
    for (long off = from & ~1L; off < to && fread(b, 1, 2, f) == 2; off += 2)
        n += (int16_t)(b[0] | (b[1] << 8)) == v;
    fclose(f);
    return n;
}

/* A quiz question, once answered, reads its explanation; the speaker
 * button then plays the explanation too. */
static void test_quiz_explanation_narrated(void **st)
{
    (void)st;
    T t;
    t_init(&t, 0, 100);
    start_visit(&t, 0);
    drv_tap(&t.d, W_CARD, 0);
    const Module *m = app_module(&t.d.app);
    assert_true(m->n_quiz > 0 && m->quiz[0].explain);
    while (t.d.app.visit.screen != SCREEN_QUIZ)
        drv_tap(&t.d, W_NEXT, 0);
    drv_tap(&t.d, W_SPEAKER, 0);
    AudioStatus s;
    audio_status(t.p, &s);
    assert_string_equal(s.tag, m->quiz[0].audio);
    drv_tap(&t.d, W_ANSWER, 1);
    assert_silent(&t); /* the question's voice stops at the answer */
    drv_tap(&t.d, W_SPEAKER, 0);
    audio_status(t.p, &s);
    char want[160];
    snprintf(want, sizeof want, "%s%s", m->quiz[0].audio, NARRATION_EXPLAIN_SUFFIX);
    assert_string_equal(s.tag, want);
    t_fini(&t);
    /* with autoplay, the explanation starts by itself */
    t_init(&t, 1, 100);
    start_visit(&t, 0);
    drv_tap(&t.d, W_CARD, 0);
    while (t.d.app.visit.screen != SCREEN_QUIZ)
        drv_tap(&t.d, W_NEXT, 0);
    drv_tap(&t.d, W_ANSWER, 0);
    audio_status(t.p, &s);
    assert_string_equal(s.tag, want);
    t_fini(&t);
}

/* The picker speaks every language's name that has a recording (here a
 * recorded Tigrinya besides the English and French ones) and stays silent
 * for the others, never speaking another language's name instead. */
static void test_picker_speaks_every_recorded_name(void **st)
{
    (void)st;
    T t;
    t_init(&t, 0, 100);
    drv_tap(&t.d, W_BACKGROUND, 0);
    for (int i = 0; i < t.d.app.wiring.cfg.n_langs; i++) {
        const char *code = t.d.app.wiring.cfg.langs[i];
        char key[32];
        snprintf(key, sizeof key, "lang:%s", code);
        drv_tap(&t.d, W_LANG_CHOICE, i);
        AudioStatus s;
        audio_status(t.p, &s);
        if (narration_exists(t.ix, code, key))
            assert_string_equal(s.tag, key);
        else
            assert_string_equal(s.tag, "");
    }
    assert_true(narration_exists(t.ix, "ti", "lang:ti"));
    t_fini(&t);
}

static SDL_atomic_t ended;
static void count_end(void *ctx)
{
    (void)ctx;
    SDL_AtomicAdd(&ended, 1);
}

/* A sound that plays to its end is reported (the kiosk then shows Listen
 * again); a stopped one is not. */
static void test_end_is_reported(void **st)
{
    (void)st;
    AudioOptions ao = {.volume = 100, .idle_close_ms = 600000, .on_end = count_end,
                       .on_end_ctx = NULL};
    SDL_AtomicSet(&ended, 0);
    AudioPlayer *p = audio_open(&ao);
    assert_non_null(p);
    char path[1024];
    snprintf(path, sizeof path, "%s/en/language-name.wav", narr);
    /* stopped at once: no end */
    assert_int_equal(audio_play(p, path, "lang:en"), ERR_OK);
    assert_true(audio_wait_loaded(p, 10000));
    audio_stop(p);
    SDL_Delay(600);
    assert_int_equal(SDL_AtomicGet(&ended), 0);
    /* played to the end: one report (bounded wait, not a timing check) */
    assert_int_equal(audio_play(p, path, "lang:en"), ERR_OK);
    for (int i = 0; i < 2000 && SDL_AtomicGet(&ended) == 0; i++)
        SDL_Delay(10);
    assert_int_equal(SDL_AtomicGet(&ended), 1);
    AudioStatus s;
    audio_status(p, &s);
    assert_false(s.playing);
    audio_close(p);
    /* the App then shows Listen again */
    T t;
    t_init(&t, 0, 100);
    start_visit(&t, 0);
    drv_tap(&t.d, W_CARD, 0);
    drv_tap(&t.d, W_SPEAKER, 0);
    assert_true(t.d.app.visit.narration_playing);
    t.d.app.dirty = 0;
    Event ev = {.kind = EV_AUDIO_ENDED};
    app_update(&t.d.app, &ev, t.d.now);
    assert_false(t.d.app.visit.narration_playing);
    assert_true(t.d.app.dirty);
    t_fini(&t);
}

static void test_output_stop_replace_volume(void **st)
{
    (void)st;
    AudioOptions ao = {.volume = 100, .idle_close_ms = 600000};
    AudioPlayer *p = audio_open(&ao);
    assert_non_null(p);
    AudioStatus s;
    audio_status(p, &s);
    assert_true(s.device);
    assert_int_equal(s.freq, RATE);
    assert_int_equal(s.channels, 1);
    assert_int_equal(s.format, AUDIO_S16SYS);
    long buf = 1024 * 2; /* one device buffer */
    char a[1024], b[1024];
    snprintf(a, sizeof a, "%s/en/%s.wav", narr, content_module(content, 0)->slides[0].audio);
    snprintf(b, sizeof b, "%s/en/%s.wav", narr, content_module(content, 0)->slides[1].audio);
    int16_t va = value_of(0, 0), vb = value_of(0, 1);

    /* Offsets: what is mixed after a call lands at or after the file size
     * seen before it; what was mixed before it lands below that size plus
     * the stdio buffer and the buffer in flight (SLACK). */
    const long SLACK = 4096 + 2 * buf;
    assert_int_equal(audio_play(p, a, "a"), ERR_OK);
    assert_true(audio_wait_loaded(p, 10000));
    audio_status(p, &s);
    wait_played(p, s.played_bytes + (unsigned long)buf * 12);
    long at_replace = file_size(disk);
    assert_int_equal(audio_play(p, b, "b"), ERR_OK); /* replaces a at once */
    assert_true(audio_wait_loaded(p, 10000));
    audio_status(p, &s);
    assert_string_equal(s.tag, "b");
    wait_played(p, s.played_bytes + (unsigned long)buf * 12);
    long at_stop = file_size(disk);
    audio_stop(p);
    audio_status(p, &s);
    assert_false(s.playing);
    assert_string_equal(s.tag, "");
    wait_file(at_stop + SLACK + 3 * 4096);
    long end = file_size(disk);
    assert_true(count_samples(0, at_replace + SLACK, va) > 0);
    assert_int_equal(count_samples(at_replace + SLACK, end, va), 0);
    assert_true(count_samples(at_replace, end, vb) > 0);
    assert_int_equal(count_samples(at_stop + SLACK, end, vb), 0);

    /* volume 50: half the amplitude (SDL_MixAudioFormat, 64 of 128) */
    audio_set_volume(p, 50);
    long at_half = file_size(disk);
    assert_int_equal(audio_play(p, a, "a"), ERR_OK);
    assert_true(audio_wait_loaded(p, 10000));
    audio_status(p, &s);
    wait_played(p, s.played_bytes + (unsigned long)buf * 12);
    long at_stop2 = file_size(disk);
    audio_stop(p);
    wait_file(at_stop2 + SLACK + 3 * 4096);
    long end2 = file_size(disk);
    assert_true(count_samples(at_half + SLACK, end2, (int16_t)(va / 2)) > 0);
    assert_int_equal(count_samples(at_half + SLACK, end2, va), 0);
    assert_int_equal(count_samples(at_stop2 + SLACK, end2, (int16_t)(va / 2)), 0);
    audio_close(p);
}

static void test_stale_loads_and_bad_files(void **st)
{
    (void)st;
    AudioOptions ao = {.volume = 80, .idle_close_ms = 600000};
    AudioPlayer *p = audio_open(&ao);
    assert_non_null(p);
    char a[1024], bad[1024];
    snprintf(a, sizeof a, "%s/en/%s.wav", narr, content_module(content, 0)->slides[0].audio);
    /* stop right after play: the load in flight must not start afterwards */
    for (int i = 0; i < 20; i++) {
        assert_int_equal(audio_play(p, a, "a"), ERR_OK);
        audio_stop(p);
        assert_true(audio_wait_loaded(p, 10000));
        AudioStatus s;
        audio_status(p, &s);
        assert_string_equal(s.tag, "");
    }
    /* a newer play wins over an older one still loading */
    assert_int_equal(audio_play(p, a, "old"), ERR_OK);
    assert_int_equal(audio_play(p, a, "new"), ERR_OK);
    assert_true(audio_wait_loaded(p, 10000));
    AudioStatus s;
    audio_status(p, &s);
    assert_string_equal(s.tag, "new");
    /* a broken file and a missing one: counted and logged, nothing plays */
    snprintf(bad, sizeof bad, "%s/broken.wav", root);
    FILE *f = fopen(bad, "wb");
    assert_non_null(f);
    fputs("RIFF....WAVEnot really", f);
    fclose(f);
    unsigned failed = s.failed;
    assert_int_equal(audio_play(p, bad, "bad"), ERR_OK);
    assert_true(audio_wait_loaded(p, 10000));
    audio_status(p, &s);
    assert_string_equal(s.tag, "");
    assert_int_equal(s.failed, failed + 1);
    assert_int_equal(audio_play(p, "/nonexistent/x.wav", "gone"), ERR_OK);
    assert_true(audio_wait_loaded(p, 10000));
    audio_status(p, &s);
    assert_int_equal(s.failed, failed + 2);
    char longpath[5000];
    memset(longpath, 'a', sizeof longpath - 1);
    longpath[sizeof longpath - 1] = 0;
    assert_int_equal(audio_play(p, longpath, "x"), ERR_INVALID);
    audio_close(p);
}

static void test_idle_device_closes_and_reopens(void **st)
{
    (void)st;
    AudioOptions ao = {.volume = 80, .idle_close_ms = 100};
    AudioPlayer *p = audio_open(&ao);
    assert_non_null(p);
    AudioStatus s;
    for (int i = 0; i < 400; i++) {
        audio_status(p, &s);
        if (!s.device)
            break;
        SDL_Delay(10);
    }
    assert_false(s.device); /* an idle kiosk keeps no audio thread busy */
    char a[1024];
    snprintf(a, sizeof a, "%s/en/language-name.wav", narr);
    assert_int_equal(audio_play(p, a, "lang:en"), ERR_OK);
    assert_true(audio_wait_loaded(p, 10000));
    audio_status(p, &s);
    assert_true(s.device);
    assert_string_equal(s.tag, "lang:en");
    assert_true(s.opened >= 2);
    audio_close(p);
}

static void test_no_device_is_not_fatal(void **st)
{
    (void)st;
    /* the disk driver cannot open its file: a device that fails to open */
    SDL_setenv("SDL_DISKAUDIOFILE", "/nonexistent/taama/played.raw", 1);
    AudioOptions ao = {.volume = 80};
    AudioPlayer *p = audio_open(&ao);
    /* either no player at all, or one without a device: both stay quiet */
    AudioStatus s;
    audio_status(p, &s);
    assert_false(s.device);
    AudioCmd cmds[2] = {{.action = AUDIO_PLAY, .key = "x", .lang = "en"}, {.action = AUDIO_STOP}};
    audio_apply(p, NULL, cmds, 2);
    assert_int_equal(audio_play(p, "/x.wav", "x"), ERR_OK);
    audio_stop(p);
    assert_true(audio_wait_loaded(p, 10000));
    audio_status(p, &s);
    assert_false(s.device);
    assert_string_equal(s.tag, "");
    audio_close(p);
    SDL_setenv("SDL_DISKAUDIOFILE", disk, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_index_order_and_keys),
        cmocka_unit_test(test_autoplay_follows_every_path),
        cmocka_unit_test(test_quiz_explanation_narrated),
        cmocka_unit_test(test_picker_speaks_every_recorded_name),
        cmocka_unit_test(test_end_is_reported),
        cmocka_unit_test(test_timeout_and_speaker),
        cmocka_unit_test(test_output_stop_replace_volume),
        cmocka_unit_test(test_stale_loads_and_bad_files),
        cmocka_unit_test(test_idle_device_closes_and_reopens),
        cmocka_unit_test(test_no_device_is_not_fatal),
    };
    return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
