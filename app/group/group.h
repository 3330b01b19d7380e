/* group.h: community-worker group sessions, as pure values.
 *
 * A community worker runs a session for a group: presents modules, runs a
 * group quiz by tapping the number of raised hands per answer, and enters a
 * headcount in coarse bands at the end. This module keeps those tallies in a
 * plain GroupSession value and, when the session ends, turns it into
 * aggregate StatEvents for the statistics store. It holds no names and no
 * free text: only a module id, counts and bands. No I/O, no clock, no SDL. */
#ifndef APP_GROUP_GROUP_H
#define APP_GROUP_GROUP_H

#include "core/err.h"
#include "stats/stats_types.h"

enum {
    GROUP_MAX_QUESTIONS = 4, /* matches CONTENT_MAX_QUIZ */
    GROUP_MAX_ANSWERS = 4,   /* matches CONTENT_MAX_ANSWERS */
    GROUP_MAX_HANDS = 500,   /* per answer: a mistyped count cannot inflate totals */
    GROUP_MAX_BAND = 999,    /* per headcount band */
    /* Most events group_session_events() can produce: one session event,
     * one per band, a right and a wrong count per question. */
    GROUP_MAX_EVENTS = 1 + 4 + 2 * GROUP_MAX_QUESTIONS,
};

/* Headcount bands, in the order STAT_GROUP_ATTENDEES numbers them. */
typedef enum {
    GROUP_BAND_WOMEN = 0,
    GROUP_BAND_MEN = 1,
    GROUP_BAND_GIRLS = 2,
    GROUP_BAND_BOYS = 3,
    GROUP_BAND__COUNT
} GroupBand;

typedef struct {
    int n_answers;                    /* 2..GROUP_MAX_ANSWERS; 0 = question not set */
    int correct;                      /* index of the right answer */
    int hands[GROUP_MAX_ANSWERS];     /* raised hands per answer, 0..GROUP_MAX_HANDS */
} GroupQuestion;

typedef struct {
    char module[40];                  /* module of the group quiz, "" when no quiz */
    GroupQuestion questions[GROUP_MAX_QUESTIONS];
    int n_questions;
    int bands[GROUP_BAND__COUNT];     /* headcount per band, 0..GROUP_MAX_BAND */
} GroupSession;

/* Start an empty session (no quiz, zero headcount). */
void group_session_init(GroupSession *g);

/* Choose the module whose quiz the group takes and describe its questions:
 * n_answers[i] and correct[i] for i < n_questions (from the loaded content).
 * Clears any hands counted before. ERR_INVALID when module is empty or too
 * long, or a question shape is out of range; g is then unchanged. */
Err group_session_set_quiz(GroupSession *g, const char *module, int n_questions,
                           const int *n_answers, const int *correct) ERR_MUST_USE;

/* Add delta (may be negative, e.g. the worker's "-" button) to the hands
 * raised for answer a of question q, clamped to 0..GROUP_MAX_HANDS.
 * ERR_INVALID when q or a is out of range. */
Err group_session_add_hands(GroupSession *g, int q, int a, int delta) ERR_MUST_USE;

/* Set the hands for answer a of question q to count (clamped). */
Err group_session_set_hands(GroupSession *g, int q, int a, int count) ERR_MUST_USE;

/* Set a headcount band (clamped to 0..GROUP_MAX_BAND). ERR_INVALID for a
 * band out of range. */
Err group_session_set_band(GroupSession *g, GroupBand band, int count) ERR_MUST_USE;

/* Total attendees over all bands. */
int group_session_attendees(const GroupSession *g);

/* Turn a finished session into aggregate events, written to out (room for
 * max events; GROUP_MAX_EVENTS is always enough): one STAT_GROUP_SESSION,
 * one STAT_GROUP_ATTENDEES per non-empty band (n = band, ok = count and
 * count = count, so a store that adds `count` or one that reads `ok` both
 * get the headcount), and per question a STAT_GROUP_QUIZ for the right
 * hands (ok = 1) and one for the wrong hands (ok = 0) when non-zero, with
 * the number of hands in `count`. Returns the number of events written, or
 * -1 when max is too small (nothing is then meaningful in out). A session
 * with no headcount and no hands still counts as one session held. */
int group_session_events(const GroupSession *g, StatEvent *out, int max);

#endif
