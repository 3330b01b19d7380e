/* audio.h: narration playback with SDL2's own audio.
 *
 * The UI thread never waits for a disk or a sound card. audio_play() and
 * audio_stop() only swap a few fields under a mutex and return; a worker
 * thread opens the device, reads the WAV (SDL_LoadWAV_RW), converts it to
 * the device's format (SDL_AudioStream) and hands the buffer to the audio
 * callback, which mixes it at the admin's volume (SDL_MixAudioFormat). A
 * stop or a newer play makes any load in flight stale (a generation
 * counter), so a slow file can never start after the visitor moved on.
 *
 * Idle costs nothing: the device is closed again after idle_close_ms
 * without sound (SDL2 keeps a paused device's thread running), and reopened
 * by the worker on the next play. A missing audio device is logged once
 * and narration is then silently skipped: the kiosk never stops for it. */
#ifndef APP_RENDER_AUDIO_H
#define APP_RENDER_AUDIO_H

#include "app.h"
#include "core/err.h"
#include "narration/narration.h"

enum {
    AUDIO_MAX_FILE_BYTES = 32 << 20, /* bigger WAVs are refused (a 6 min mono take is ~16 MB) */
};

typedef struct {
    int volume;        /* 0..100 (settings narration_volume); clamped */
    int idle_close_ms; /* close the device after this long without sound; 0: 3000 */
    int freq, channels; /* asked of the device (0: 22050 Hz mono, what espeak-ng writes);
                           the device may give another format, files are converted */
    /* Called from the player's own thread (within about 250 ms) when a
     * sound played to its end or could not be loaded; never after
     * audio_stop() or when a newer play replaced it. May be NULL. The
     * kiosk posts an SDL event from it, so the speaker button stops
     * showing Stop. */
    void (*on_end)(void *ctx);
    void *on_end_ctx;
} AudioOptions;

typedef struct AudioPlayer AudioPlayer;

/* Start the audio subsystem and the loader thread, and open the device
 * once to learn whether there is one (logged if not). Returns NULL only
 * when no player can run at all (no audio subsystem, no thread, out of
 * memory), logged; every function below accepts NULL and does nothing. */
AudioPlayer *audio_open(const AudioOptions *o);
void audio_close(AudioPlayer *p); /* stops sound, joins the thread; accepts NULL */

/* Play the WAV at path, replacing whatever plays or loads now. tag names
 * it in audio_status() (the narration key). Returns at once; errors while
 * loading are logged and counted in AudioStatus.failed. ERR_INVALID on a
 * NULL or too long path. */
Err audio_play(AudioPlayer *p, const char *path, const char *tag) ERR_MUST_USE;

/* Stop at once: when this returns, the callback mixes no more of the old
 * sound, and a load in flight is dropped when it completes. */
void audio_stop(AudioPlayer *p);

void audio_set_volume(AudioPlayer *p, int volume); /* 0..100 */

/* Carry out the commands App queued, in order: AUDIO_STOP stops; AUDIO_PLAY
 * looks (lang, key) up in ix (a "lang:<code>" key is the language's name)
 * and plays it, or stops if there is no recording. ix may be NULL. */
void audio_apply(AudioPlayer *p, const NarrationIndex *ix, const AudioCmd *cmds, int n);

typedef struct {
    int device;       /* 1 while the device is open */
    int loading;      /* a load is queued or in progress */
    int playing;      /* a sound is being mixed and has not ended */
    char tag[128];    /* tag of the sound installed (playing or ended), "" none */
    unsigned long played_bytes; /* device-format bytes mixed so far, all sounds */
    unsigned plays, stops, failed, opened;
    int freq, channels; /* device format while open */
    unsigned short format;
} AudioStatus;

void audio_status(AudioPlayer *p, AudioStatus *out);

/* Wait until no load is pending (at most timeout_ms). Returns 1 when idle,
 * 0 on timeout. For tests and for an orderly shutdown. */
int audio_wait_loaded(AudioPlayer *p, int timeout_ms);

#endif
