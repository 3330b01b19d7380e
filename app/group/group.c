/* group.c: tallies of a community-worker group session and their
 * conversion to aggregate statistics. Counts are clamped rather than
 * rejected: a worker tapping "-" at zero or "+" too often must never get an
 * error on a presenter screen, and a typo cannot inflate the totals beyond
 * a plausible room. */
#include "group/group.h"

#include <string.h>

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

void group_session_init(GroupSession *g)
{
    memset(g, 0, sizeof *g);
}

Err group_session_set_quiz(GroupSession *g, const char *module, int n_questions,
                           const int *n_answers, const int *correct)
{
    if (!g || !module || !module[0] || strlen(module) >= sizeof g->module)
        return ERR_INVALID;
    if (n_questions < 0 || n_questions > GROUP_MAX_QUESTIONS)
        return ERR_INVALID;
    if (n_questions > 0 && (!n_answers || !correct))
        return ERR_INVALID;
    for (int i = 0; i < n_questions; i++) {
        if (n_answers[i] < 2 || n_answers[i] > GROUP_MAX_ANSWERS)
            return ERR_INVALID;
        if (correct[i] < 0 || correct[i] >= n_answers[i])
            return ERR_INVALID;
    }
    memset(g->module, 0, sizeof g->module);
    memcpy(g->module, module, strlen(module));
    memset(g->questions, 0, sizeof g->questions);
    g->n_questions = n_questions;
    for (int i = 0; i < n_questions; i++) {
        g->questions[i].n_answers = n_answers[i];
        g->questions[i].correct = correct[i];
    }
    return ERR_OK;
}

static GroupQuestion *question_at(GroupSession *g, int q, int a)
{
    if (!g || q < 0 || q >= g->n_questions)
        return NULL;
    GroupQuestion *gq = &g->questions[q];
    if (a < 0 || a >= gq->n_answers)
        return NULL;
    return gq;
}

Err group_session_add_hands(GroupSession *g, int q, int a, int delta)
{
    GroupQuestion *gq = question_at(g, q, a);
    if (!gq)
        return ERR_INVALID;
    /* Clamp delta first so hands + delta cannot overflow. */
    delta = clamp(delta, -GROUP_MAX_HANDS, GROUP_MAX_HANDS);
    gq->hands[a] = clamp(gq->hands[a] + delta, 0, GROUP_MAX_HANDS);
    return ERR_OK;
}

Err group_session_set_hands(GroupSession *g, int q, int a, int count)
{
    GroupQuestion *gq = question_at(g, q, a);
    if (!gq)
        return ERR_INVALID;
    gq->hands[a] = clamp(count, 0, GROUP_MAX_HANDS);
    return ERR_OK;
}

Err group_session_set_band(GroupSession *g, GroupBand band, int count)
{
    if (!g || (int)band < 0 || band >= GROUP_BAND__COUNT)
        return ERR_INVALID;
    g->bands[band] = clamp(count, 0, GROUP_MAX_BAND);
    return ERR_OK;
}

int group_session_attendees(const GroupSession *g)
{
    int total = 0;
    for (int b = 0; b < GROUP_BAND__COUNT; b++)
        total += g->bands[b];
    return total;
}

static StatEvent *push(StatEvent *out, int *n, int max, StatKind kind)
{
    if (*n >= max)
        return NULL;
    StatEvent *ev = &out[(*n)++];
    memset(ev, 0, sizeof *ev);
    ev->kind = kind;
    return ev;
}

int group_session_events(const GroupSession *g, StatEvent *out, int max)
{
    int n = 0;
    StatEvent *ev = push(out, &n, max, STAT_GROUP_SESSION);
    if (!ev)
        return -1;
    ev->count = 1;

    for (int b = 0; b < GROUP_BAND__COUNT; b++) {
        if (g->bands[b] <= 0)
            continue;
        ev = push(out, &n, max, STAT_GROUP_ATTENDEES);
        if (!ev)
            return -1;
        ev->n = b;
        ev->ok = g->bands[b];
        ev->count = g->bands[b];
    }

    for (int q = 0; q < g->n_questions; q++) {
        const GroupQuestion *gq = &g->questions[q];
        int right = 0, wrong = 0;
        for (int a = 0; a < gq->n_answers; a++) {
            if (a == gq->correct)
                right += gq->hands[a];
            else
                wrong += gq->hands[a];
        }
        for (int ok = 1; ok >= 0; ok--) {
            int hands = ok ? right : wrong;
            if (hands <= 0)
                continue;
            ev = push(out, &n, max, STAT_GROUP_QUIZ);
            if (!ev)
                return -1;
            memcpy(ev->module, g->module, sizeof ev->module);
            ev->n = q;
            ev->ok = ok;
            ev->count = hands;
        }
    }
    return n;
}
