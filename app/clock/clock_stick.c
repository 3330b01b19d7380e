/* clock_stick.c: the time carried to a kiosk on a campaign USB stick,
 * signed with the campaign's minisign key (the content-pack key; the
 * signature is checked by app/pack/pack_sig.c with libsodium). The rules
 * are in clock.h. */
#include "clock/clock.h"

#include <stdlib.h>
#include <string.h>

#include "core/fileio.h"
#include "core/log.h"
#include "pack/pack.h"

static int hex32_ok(const char *s)
{
    if (strlen(s) != 32)
        return 0;
    for (const char *p = s; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
            return 0;
    return 1;
}

static int int_field(const char *v, int64_t *out)
{
    if (!*v || strlen(v) > 12)
        return 0;
    int64_t x = 0;
    for (const char *p = v; *p; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        x = x * 10 + (*p - '0');
    }
    *out = x;
    return 1;
}

Err kclock_stick_comment_parse(const char *comment, KClockStick *out)
{
    memset(out, 0, sizeof *out);
    char buf[1024];
    if (strlen(comment) >= sizeof buf)
        return ERR_FORMAT;
    strcpy(buf, comment);
    char *save = NULL;
    char *tok = strtok_r(buf, " ", &save);
    if (!tok || strcmp(tok, "taama") != 0 || !(tok = strtok_r(NULL, " ", &save)) || strcmp(tok, "time") != 0)
        return ERR_FORMAT;
    int have_i = 0, have_e = 0;
    while ((tok = strtok_r(NULL, " ", &save))) {
        char *eq = strchr(tok, '=');
        if (!eq)
            return ERR_FORMAT;
        *eq = 0;
        const char *v = eq + 1;
        if (strcmp(tok, "campaign") == 0 && !out->campaign[0] && *v && strlen(v) < sizeof out->campaign) {
            for (const char *p = v; *p; p++)
                if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                      *p == '.' || *p == '_' || *p == '-'))
                    return ERR_FORMAT;
            strcpy(out->campaign, v);
        } else if (strcmp(tok, "issued") == 0 && !have_i && int_field(v, &out->issued)) {
            have_i = 1;
        } else if (strcmp(tok, "expires") == 0 && !have_e && int_field(v, &out->expires)) {
            have_e = 1;
        } else if (strcmp(tok, "kiosk") == 0 && !out->kiosk_id[0] && hex32_ok(v)) {
            strcpy(out->kiosk_id, v);
        } else {
            return ERR_FORMAT;
        }
    }
    if (!out->campaign[0] || !have_i || !have_e || out->expires < out->issued ||
        out->expires - out->issued > KCLOCK_STICK_MAX_WINDOW_S)
        return ERR_FORMAT;
    return ERR_OK;
}

KStickResult kclock_stick_check(const char *dir, const char *data_dir, const char *kiosk_id,
                                int64_t last_issued, const KioskClock *c, KClockStick *out)
{
    char *msg = NULL, *sigtext = NULL;
    size_t mlen = 0, slen = 0;
    KStickResult r = KSTICK_BAD_SIGNATURE;
    memset(out, 0, sizeof *out);
    /* A stick is hostile: regular files only, never through a link, never
     * blocking on a FIFO, size checked first (fileio_read_regular). */
    if (fileio_read_regular(dir, KCLOCK_STICK_FILE, 4096, &msg, &mlen) != ERR_OK) {
        r = KSTICK_NONE;
        goto out;
    }
    if (fileio_read_regular(dir, KCLOCK_STICK_SIG, 4096, &sigtext, &slen) != ERR_OK)
        goto out; /* unsigned */
    PackSig sig;
    if (pack_sig_parse(sigtext, slen, &sig) != ERR_OK)
        goto out;
    PackTrust trust;
    if (pack_trust_load(data_dir, &trust) != ERR_OK) {
        r = KSTICK_NOT_CONFIGURED;
        goto out;
    }
    r = KSTICK_UNKNOWN_KEY;
    for (int i = 0; i < trust.n_keys; i++) {
        Err e = pack_sig_verify(&sig, &trust.keys[i], msg, mlen);
        if (e == ERR_OK) {
            r = KSTICK_OK;
            break;
        }
        if (e == ERR_SIGNATURE)
            r = KSTICK_BAD_SIGNATURE;
    }
    if (r != KSTICK_OK)
        goto out;
    if (kclock_stick_comment_parse(sig.trusted_comment, out) != ERR_OK)
        r = KSTICK_BAD_COMMENT;
    else if (strcmp(out->campaign, trust.campaign) != 0)
        r = KSTICK_WRONG_CAMPAIGN;
    else if (out->kiosk_id[0] && (!kiosk_id || strcmp(out->kiosk_id, kiosk_id) != 0))
        r = KSTICK_WRONG_KIOSK;
    else if (out->issued <= last_issued)
        r = KSTICK_REPLAYED;
    else if (c && c->last_s > out->expires)
        r = KSTICK_EXPIRED;
out:
    free(msg);
    free(sigtext);
    return r;
}

const char *kclock_stick_message(KStickResult r)
{
    switch (r) {
    case KSTICK_OK: return "The time on the stick was accepted.";
    case KSTICK_NONE: return "There is no time file on the stick.";
    case KSTICK_BAD_SIGNATURE: return "The time file is not signed, or its signature does not verify.";
    case KSTICK_UNKNOWN_KEY: return "The time file is signed by a key this kiosk does not trust.";
    case KSTICK_BAD_COMMENT: return "The time file's signed comment is malformed or its window is too long.";
    case KSTICK_WRONG_CAMPAIGN: return "The time file is for another campaign.";
    case KSTICK_WRONG_KIOSK: return "The time file is for another kiosk.";
    case KSTICK_REPLAYED: return "The time file is not newer than one already used (replayed).";
    case KSTICK_EXPIRED: return "The time file has expired.";
    case KSTICK_NOT_CONFIGURED: return "This kiosk has no campaign key to check a time file.";
    }
    return "Unknown time file problem.";
}
