/* bidi.h: split one line of UTF-8 text into visual runs, with FriBidi.
 *
 * A run is a maximal stretch of text that has one direction and one script
 * (Latin, Arabic, Ethiopic): the renderer shapes each run with HarfBuzz
 * (through SDL_ttf) in that direction with that script's font, and places the
 * runs left to right in the order given here. So an Arabic sentence holding a
 * phone number or a Latin organisation name comes out in the correct visual
 * order. Pure: no SDL. */
#ifndef APP_TEXT_BIDI_H
#define APP_TEXT_BIDI_H

#include <stddef.h>

typedef enum { SCRIPT_LATIN, SCRIPT_ARABIC, SCRIPT_ETHIOPIC, SCRIPT__COUNT } Script;

typedef enum { PARA_LTR, PARA_RTL, PARA_AUTO } ParaDir;

typedef struct {
    size_t start; /* byte offset into the line (logical order) */
    size_t len;   /* bytes */
    int rtl;      /* shape right to left */
    Script script;
} BidiRun;

/* Script of one code point; neutral characters (spaces, digits,
 * punctuation) report SCRIPT__COUNT and take the script of their run. */
Script bidi_script_of(unsigned cp);

/* Compute visual runs for utf8[0..len). Digit groups joined by single
 * spaces or separators (- / : . , en dash), with an optional leading '+',
 * form one left-to-right unit (a higher-level protocol, UAX #9 HL2). Writes at most max runs to out and
 * returns the number of runs the line needs (which may exceed max: the caller
 * then draws the first max). Invalid UTF-8 bytes are treated as U+FFFD.
 * One line is one paragraph: newlines and U+2029 inside it act as segment
 * separators; from the 60th embedding or isolate initiator on, initiators
 * are ignored (hostile text; FriBidi 1.0.8 misbehaves on deep nesting).
 * Returns -1 on out of memory. */
int bidi_runs(const char *utf8, size_t len, ParaDir dir, BidiRun *out, int max);

/* As bidi_runs(), for one line of a wrapped paragraph: the line is
 * para[line..line+line_len), and its levels are resolved over the whole
 * paragraph around it (the text between the newlines that enclose the line),
 * then only the line is reordered (UAX #9: resolve per paragraph, reorder
 * per line after wrapping). So where a paragraph breaks never changes how a
 * word or number reads: a "50%" that starts the second line of an Arabic
 * paragraph still takes its Arabic context. Run offsets are relative to the
 * line. A line that does not start and end on a code point boundary is
 * resolved alone. Returns 0 for an empty or out-of-range line, -1 on out of
 * memory. */
int bidi_runs_para(const char *para, size_t para_len, size_t line, size_t line_len, ParaDir dir,
                   BidiRun *out, int max);

/* Decode the code point at utf8[*pos] (*pos < len) and move *pos past it.
 * Invalid, overlong, surrogate or truncated sequences give U+FFFD and move
 * one byte, exactly as bidi_runs() counts them, so the renderer can walk a
 * run's bytes and agree with its offsets. */
unsigned bidi_decode_cp(const char *utf8, size_t len, size_t *pos);

/* 1 for a character that belongs with the glyph before it when shaping:
 * non-spacing marks, joiners and other boundary neutrals, and the bidi
 * format controls. The renderer keeps these in the font of the preceding
 * character rather than splitting the run for font fallback. */
int bidi_joins_previous(unsigned cp);

/* UAX #9 isolates, for a left-to-right part of a right-to-left sentence
 * that is neither a word nor a number (a web address, "C++"). Numbers need
 * none: bidi_runs() keeps a phone number ("+227 20 72 31 31",
 * "0800-123-456"), a time range ("8:00-20:00") or a date left to right as
 * one unit, where the bare algorithm would swap its groups. */
#define BIDI_LRI "\xE2\x81\xA6" /* U+2066 LEFT-TO-RIGHT ISOLATE */
#define BIDI_PDI "\xE2\x81\xA9" /* U+2069 POP DIRECTIONAL ISOLATE */

/* Where a line risks reading wrongly: the byte offset of the first
 * punctuation character glued to a word or number of one direction that the
 * bidi algorithm nevertheless puts at the other direction's level, so it
 * shows on the far side of that word ("Hello!" in an Arabic sentence shows
 * as "!Hello", an Arabic word with "!" in an English one likewise). -1 when
 * none, -2 on out of memory. For
 * `taama content check`: wrap such a part in BIDI_LRI..BIDI_PDI, or reword.
 * Phone numbers, times and dates are kept whole by bidi_runs() itself. */
long bidi_risky_at(const char *utf8, size_t len, ParaDir dir);

/* The resolved paragraph direction of a text under PARA_AUTO (first strong
 * character), 0 for LTR and 1 for RTL. */
int bidi_is_rtl(const char *utf8, size_t len, ParaDir dir);

#endif
