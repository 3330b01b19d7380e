/* rtext.c: escaping, CSV cells, UTF-8 truncation, translation and
 * progress for taama-report; see rtext.h. */
#include "report/rtext.h"

#include <libintl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "i18n/i18n.h"

#define DOMAIN "taama-report"

/* Length of the valid UTF-8 sequence at s (1-4), or 0 when the bytes there
 * are not one (overlong forms, surrogates and values above U+10FFFF are
 * invalid too, per RFC 3629). */
static size_t utf8_len(const unsigned char *s)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned min;
    unsigned cp;
    if ((c & 0xE0) == 0xC0) {
        n = 2;
        cp = c & 0x1F;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3;
        cp = c & 0x0F;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

void report_html_esc(FILE *o, const char *s)
{
    if (!s)
        return;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = utf8_len(p);
        if (n == 0) {
            fputs("\xEF\xBF\xBD", o); /* U+FFFD */
            p++;
            continue;
        }
        if (n > 1) {
            fwrite(p, 1, n, o);
            p += n;
            continue;
        }
        switch (*p) {
        case '&': fputs("&amp;", o); break;
        case '<': fputs("&lt;", o); break;
        case '>': fputs("&gt;", o); break;
        case '"': fputs("&quot;", o); break;
        case '\'': fputs("&#39;", o); break;
        case '\t':
        case '\n': fputc(*p, o); break;
        default:
            if (*p >= 0x20 && *p != 0x7F)
                fputc(*p, o);
        }
        p++;
    }
}

void report_csv_cell(FILE *o, const char *s, char sep)
{
    if (!s)
        s = "";
    const unsigned char *p = (const unsigned char *)s;
    while (*p && (*p <= 0x20 || *p == 0x7F))
        p++;
    int guard = *p == '=' || *p == '+' || *p == '-' || *p == '@' || s[0] == '\t' || s[0] == '\r';
    size_t len = strlen(s);
    int quote = guard || s[0] == ' ' || (len > 0 && s[len - 1] == ' ') || strchr(s, sep) || strpbrk(s, "\"\r\n");
    if (!quote) {
        fputs(s, o);
        return;
    }
    fputc('"', o);
    if (guard)
        fputc('\'', o);
    for (const char *q = s; *q; q++) {
        if (*q == '"')
            fputc('"', o);
        fputc(*q, o);
    }
    fputc('"', o);
}

int report_utf8_copy(char *dst, size_t cap, const char *src)
{
    if (cap == 0)
        return 1;
    size_t len = strlen(src);
    if (len < cap) {
        memcpy(dst, src, len + 1);
        return 0;
    }
    size_t n = cap - 1;
    /* Back up over continuation bytes to the start of the cut sequence,
     * then keep it only if it fits whole. */
    size_t start = n;
    while (start > 0 && ((unsigned char)src[start] & 0xC0) == 0x80)
        start--;
    n = start;
    memcpy(dst, src, n);
    dst[n] = '\0';
    return 1;
}

/* ---- translation ---- */

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static void find_localedir(char *out, size_t sz)
{
    const char *env = getenv("TAAMA_LOCALEDIR");
    if (env && *env) {
        snprintf(out, sz, "%s", env);
        return;
    }
    env = getenv("TAAMA_BUILD");
    if (env && *env) {
        snprintf(out, sz, "%s/locale", env);
        if (is_dir(out))
            return;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        /* build/taama-report -> build/locale; build/tests/x -> build/locale;
         * PREFIX/bin -> PREFIX/share/locale */
        static const char *const rel[] = {"/locale", "/../locale", "/../share/locale"};
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            snprintf(out, sz, "%.*s%s", (int)(sz - 20), exe, rel[i]);
            if (is_dir(out))
                return;
        }
    }
    snprintf(out, sz, "/usr/share/locale");
}

static const Language *cur_lang;

void report_lang_set(const char *lang, const char *localedir)
{
    char dir[PATH_MAX];
    if (localedir)
        snprintf(dir, sizeof dir, "%s", localedir);
    else
        find_localedir(dir, sizeof dir);
    if (i18n_init(dir) != ERR_OK) /* UTF-8 locale, domain "taama" */
        log_error("no UTF-8 locale available: the report is written in English");
    bindtextdomain(DOMAIN, dir);
    bind_textdomain_codeset(DOMAIN, "UTF-8");
    i18n_set_language(lang ? lang : "en");
    cur_lang = i18n_current();
}

const char *report_lang(void) { return cur_lang ? cur_lang->code : "en"; }

int report_lang_rtl(void) { return cur_lang ? cur_lang->rtl : 0; }

const char *report_tr(const char *msgid)
{
    if (!msgid || !*msgid || !cur_lang)
        return msgid;
    return dgettext(DOMAIN, msgid);
}

const char *report_trn(const char *singular, const char *plural, unsigned long n)
{
    if (!cur_lang)
        return n == 1 ? singular : plural;
    return dngettext(DOMAIN, singular, plural, n);
}

const char *report_tr_content(const char *msgid)
{
    if (!msgid || !*msgid || !cur_lang)
        return msgid;
    return dgettext("taama", msgid);
}

/* ---- progress ---- */

void report_progress_start(ReportProgress *p, FILE *err, const char *what, uint64_t total, int force)
{
    memset(p, 0, sizeof *p);
    p->err = err;
    p->what = what;
    p->total = total;
    p->shown = UINT64_MAX;
    p->on = err && (force || isatty(fileno(err)));
}

void report_progress_step(ReportProgress *p, uint64_t n)
{
    if (!p->on)
        return;
    uint64_t mille = p->total ? n * 1000 / p->total : n / 1000;
    if (mille == p->shown)
        return;
    p->shown = mille;
    if (p->total)
        fprintf(p->err, "\r%s %llu/%llu", p->what, (unsigned long long)n, (unsigned long long)p->total);
    else
        fprintf(p->err, "\r%s %llu", p->what, (unsigned long long)n);
    fflush(p->err);
    p->drawn = 1;
}

void report_progress_done(ReportProgress *p)
{
    if (p->on && p->drawn)
        fputc('\n', p->err);
    p->drawn = 0;
}
