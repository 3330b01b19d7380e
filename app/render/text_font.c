/* text_font.c: the bundled Noto fonts (Latin, Arabic, Ethiopic; regular
 * and bold): paths, the bounded table of fonts open at given pixel sizes,
 * per-script size factors measured from the fonts, glyph fallback between
 * them, and the line box shared by every script. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"
#include "render/text_internal.h"

static const char *const font_files[SCRIPT__COUNT][2] = {
    [SCRIPT_LATIN] = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"},
    [SCRIPT_ARABIC] = {"NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"},
    [SCRIPT_ETHIOPIC] = {"NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf"},
};

/* ISO 15924 tags, as HarfBuzz wants them. */
static const char *const script_tags[SCRIPT__COUNT] = {
    [SCRIPT_LATIN] = "Latn", [SCRIPT_ARABIC] = "Arab", [SCRIPT_ETHIOPIC] = "Ethi"};

/* The font for (script, bold, px), opened on first use; the least recently
 * used one is closed when the table is full. Never hold the pointer across
 * another text_font_get(): it may close it. */
TTF_Font *text_font_get(TextEngine *te, int script, int bold, int px)
{
    FontSlot *victim = NULL;
    for (int i = 0; i < FONT_SLOTS; i++) {
        FontSlot *s = &te->fonts[i];
        if (s->font && s->px == px && s->script == script && s->bold == bold) {
            s->used = ++te->clock;
            return s->font;
        }
        if (!victim || (victim->font && (!s->font || s->used < victim->used)))
            victim = s;
    }
    int open_px = (int)(px * te->scale[script] + 0.5f);
    TTF_Font *f = TTF_OpenFont(te->paths[script][bold], open_px > 0 ? open_px : 1);
    if (!f) {
        text_log_once(te, text_mix(text_hash(te->paths[script][bold], strlen(te->paths[script][bold])),
                         (uint64_t)px),
                 "cannot open font", TTF_GetError());
        return NULL;
    }
    if (victim->font)
        TTF_CloseFont(victim->font);
    victim->font = f;
    victim->px = px;
    victim->script = (unsigned char)script;
    victim->bold = (unsigned char)bold;
    victim->used = ++te->clock;
    return f;
}

void text_font_shape(TTF_Font *f, int script, int rtl)
{
    /* Both fail only without HarfBuzz, which text_engine_new() reported. */
    (void)TTF_SetFontDirection(f, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    (void)TTF_SetFontScriptName(f, script_tags[script]);
}

static int has_glyph(TextEngine *te, int script, int bold, int px, unsigned cp)
{
    TTF_Font *f = text_font_get(te, script, bold, px);
    return f && TTF_GlyphIsProvided32(f, cp);
}

/* The run's own font if it has cp, else the first other bundled font that
 * does, else the run's font (which then shows its .notdef box). */
int text_font_pick(TextEngine *te, int primary, int bold, int px, unsigned cp)
{
    if (has_glyph(te, primary, bold, px, cp))
        return primary;
    for (int s = 0; s < SCRIPT__COUNT; s++)
        if (s != primary && has_glyph(te, s, bold, px, cp))
            return s;
    return primary;
}

/* Ascent and depth of the line box at px over the three regular fonts. */
const Metric *text_metric_get(TextEngine *te, int px)
{
    Metric *victim = &te->metrics[0];
    for (int i = 0; i < METRIC_SLOTS; i++) {
        Metric *m = &te->metrics[i];
        if (m->used && m->px == px) {
            m->used = ++te->clock;
            return m;
        }
        if (m->used < victim->used)
            victim = m;
    }
    int asc = 0, below = 0, any = 0;
    for (int s = 0; s < SCRIPT__COUNT; s++) {
        TTF_Font *f = text_font_get(te, s, 0, px);
        if (!f)
            continue;
        int a = TTF_FontAscent(f), b = TTF_FontHeight(f) - a;
        asc = a > asc ? a : asc;
        below = b > below ? b : below;
        any = 1;
    }
    if (!any)
        return NULL;
    /* The layout line is the Latin font's height plus 15%: Noto Sans
     * Arabic's own height is over 2 em, and spacing every line by it would
     * double-space Latin and Ethiopic text. Arabic ink still fits (its
     * letters rise about 1 em and sink about 0.5 em); only rare stacked marks
     * reach into the neighbouring line's empty margin, as in any typesetter
     * whose line height is smaller than the font's box. */
    TTF_Font *latin = text_font_get(te, SCRIPT_LATIN, 0, px);
    int lat_h = latin ? TTF_FontHeight(latin) : asc + below;
    int lat_a = latin ? TTF_FontAscent(latin) : asc;
    victim->px = px;
    victim->asc = asc;
    victim->below = below;
    victim->line = lat_h * 115 / 100;
    victim->base = lat_a + (victim->line - lat_h) / 2;
    victim->used = ++te->clock;
    return victim;
}

/* Ink height of one glyph at the font's size (0 if it has none). */
static int glyph_height(TTF_Font *f, unsigned cp)
{
    int minx, maxx, miny, maxy, adv;
    if (!TTF_GlyphIsProvided32(f, cp) || TTF_GlyphMetrics32(f, cp, &minx, &maxx, &miny, &maxy, &adv))
        return 0;
    return maxy - miny;
}

/* Per-script size factors, measured from the fonts so every script reads
 * at the same size. Latin's reading size is its capital height (H); an
 * Ethiopic syllable packs a consonant and its vowel mark, told apart by
 * small legs, rings and ticks, into one glyph whose body Noto draws only as
 * tall as a Latin capital, so at one pixel size Tigrinya looks a size
 * smaller than the Latin beside it. Its body (U+1200) is scaled to
 * ETHIOPIC_BODY times the Latin capital height: 1.2, the usual step up for
 * setting Ethiopic beside Latin (about 12 pt beside 10 pt). Arabic's
 * letters are already as large as Latin's at one size and stay at 1. */
#define ETHIOPIC_BODY 1.2f

static void script_scale(TextEngine *te)
{
    for (int s = 0; s < SCRIPT__COUNT; s++)
        te->scale[s] = 1.0f;
    TTF_Font *lat = TTF_OpenFont(te->paths[SCRIPT_LATIN][0], 200);
    TTF_Font *eth = TTF_OpenFont(te->paths[SCRIPT_ETHIOPIC][0], 200);
    int cap = lat ? glyph_height(lat, 'H') : 0, body = eth ? glyph_height(eth, 0x1200) : 0;
    if (cap > 0 && body > 0)
        te->scale[SCRIPT_ETHIOPIC] = ETHIOPIC_BODY * (float)cap / (float)body;
    if (lat)
        TTF_CloseFont(lat);
    if (eth)
        TTF_CloseFont(eth);
}

Err text_fonts_open(TextEngine *te, const char *font_dir)
{
    size_t dl = strlen(font_dir);
    for (int s = 0; s < SCRIPT__COUNT; s++) {
        for (int b = 0; b < 2; b++) {
            size_t n = dl + 1 + strlen(font_files[s][b]) + 1;
            te->paths[s][b] = malloc(n);
            if (!te->paths[s][b])
                return ERR_NOMEM;
            snprintf(te->paths[s][b], n, "%s/%s", font_dir, font_files[s][b]);
            /* Open each font once now, so a missing or broken file stops
             * start-up with a clear message instead of showing boxes. */
            TTF_Font *f = TTF_OpenFont(te->paths[s][b], PROBE_PX);
            if (!f) {
                log_error("text: cannot open font %s: %s", te->paths[s][b], TTF_GetError());
                return access(te->paths[s][b], R_OK) == 0 ? ERR_FORMAT : ERR_NOTFOUND;
            }
            if (s == 0 && b == 0 && TTF_SetFontScriptName(f, "Latn") != 0)
                log_warn("text: SDL_ttf lacks HarfBuzz: Arabic will not be joined");
            FontSlot *slot = &te->fonts[s * 2 + b];
            slot->font = f;
            slot->px = s == SCRIPT_ETHIOPIC ? 0 : PROBE_PX; /* 0: not at a scaled size */
            slot->script = (unsigned char)s;
            slot->bold = (unsigned char)b;
            slot->used = ++te->clock;
        }
    }
    script_scale(te);
    return ERR_OK;
}
