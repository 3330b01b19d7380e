/* main.c: the `taama` program: find its files, parse the command line, and
 * either run the kiosk or one of its shell commands.
 *
 *   taama [--windowed WxH] [--data DIR] [--content DIR] [--script FILE] ...
 *   taama render --lang LANG --screen SCREEN --size WxH -o FILE.png
 *   taama render --list
 *   taama render --sheet DIR [--screen NAME,...] (translators' contact sheet)
 *   taama stats | export --to DIR | content check|pot | pack ... | admin ...
 *   taama [COMMAND] --help | --version
 *
 * Files: run from the build tree (build/taama), the program uses the
 * repository's assets/ and content/ and build/locale; installed
 * (PREFIX/bin/taama), it uses PREFIX/share/taama and PREFIX/share/locale.
 * Both are found relative to the executable, so a DESTDIR staging or a
 * relocated PREFIX works. State lives in one data directory: --data, else
 * $XDG_DATA_HOME/taama (~/.local/share/taama); the systemd unit passes
 * /var/lib/taama. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "admin/admin.h"
#include "clock/clock_store.h"
#include "content/content.h"
#include "core/args.h"
#include "core/fileio.h"
#include "core/log.h"
#include "core/vec.h"
#include "export/export.h"
#include "export/health.h"
#include "i18n/i18n.h"
#include "narration/narration.h"
#include "pack/pack.h"
#include "render/content_checks.h"
#include "render/kiosk.h"
#include "render/sheet.h"
#include "settings/settings.h"
#include "stats/stats.h"

typedef struct {
    char root[PATH_MAX + 32]; /* where assets/ and content/ are */
    char locale[PATH_MAX + 32];
    char data[PATH_MAX];
    char content[PATH_MAX + 64];
    char narration[PATH_MAX + 64]; /* build-generated demo narration */
} Paths;

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static void find_paths(Paths *p, const char *argv0)
{
    char exe[PATH_MAX], dir[PATH_MAX], probe[PATH_MAX + 32];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        snprintf(exe, sizeof exe, "%s", argv0);
        n = (ssize_t)strlen(exe);
    }
    exe[n] = 0;
    snprintf(dir, sizeof dir, "%s", exe);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = 0;
    else
        snprintf(dir, sizeof dir, ".");
    const char *env_root = getenv("TAAMA_ROOT");
    snprintf(probe, sizeof probe, "%s/../assets/fonts", dir);
    if (env_root && *env_root) {
        snprintf(p->root, sizeof p->root, "%s", env_root);
        snprintf(p->locale, sizeof p->locale, "%s/build/locale", env_root);
        snprintf(p->narration, sizeof p->narration, "%s/build/narration", env_root);
    } else if (is_dir(probe)) { /* build tree: build/taama */
        snprintf(p->root, sizeof p->root, "%s/..", dir);
        snprintf(p->locale, sizeof p->locale, "%s/locale", dir);
        snprintf(p->narration, sizeof p->narration, "%s/narration", dir);
    } else { /* installed: PREFIX/bin/taama */
        snprintf(p->root, sizeof p->root, "%s/../share/taama", dir);
        snprintf(p->locale, sizeof p->locale, "%s/../share/locale", dir);
        snprintf(p->narration, sizeof p->narration, "%s/../share/taama/narration", dir);
    }
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    int installed = !(env_root && *env_root) && !is_dir(probe);
    if (installed && access("/var/lib/taama", W_OK) == 0)
        /* an installed kiosk whose system data folder exists and is ours
         * (the systemd unit's StateDirectory) keeps its state there */
        snprintf(p->data, sizeof p->data, "/var/lib/taama");
    else if (xdg && *xdg)
        snprintf(p->data, sizeof p->data, "%s/taama", xdg);
    else if (home && *home)
        snprintf(p->data, sizeof p->data, "%s/.local/share/taama", home);
    else
        snprintf(p->data, sizeof p->data, "/var/lib/taama");
    snprintf(p->content, sizeof p->content, "%s/content", p->root);
}

/* Every subcommand, for the usage summary and `taama COMMAND --help`. */
static const ArgsCommand commands[] = {
    {"render", "--screen SCREEN -o FILE.png [--lang LANG] [--size WxH] | --list |"
               " --sheet DIR [--screen NAME,...] [--size WxH]",
     "Draw one screen of the kiosk to a PNG without a display (for reviewers and the\n"
     "snapshot tests); --list prints every screen name; --sheet DIR writes the\n"
     "translators' contact sheet (every screen in every language) into DIR. Also takes\n"
     "the kiosk options below (--large-text, --high-contrast, --content DIR, ...).\n", 0},
    {"stats", "[--data DIR] [--tsv]", "Print the anonymous counters kept in the data folder (--tsv: every stored\ncounter, one per line, tab-separated, for scripts).\n", 0},
    {"export", "--to DIR [--label NAME] [--any-folder] [--mounts DIR:DIR...] [--data DIR]",
     "Write a signed (optionally encrypted) export of the counters to a mounted USB stick.\n"
     "DIR must be on a stick mounted under /media, /run/media or /mnt, unless\n"
     "--any-folder; the data folder must exist.\n", 0},
    {"content", "check|pot [--content DIR] [--lang LANG]...",
     "check: report every problem in the content folder (exit 1 if any);\n"
     "pot: print the content's translatable strings as a PO template.\n", 0},
    {"narration", "script [--content DIR]", "Print the texts tools/make-narration.sh speaks.\n", 0},
    {"pack", "make SRC --out PACK --campaign ID --version N | verify PACK | install PACK",
     "Make, verify or install a signed content pack (see docs/deployment.md). For make,\n"
     "--version N is the pack's version number.\n",
     1},
    {"admin", "set-pin [--facilitator] [--pin-stdin] | clear-pin --facilitator | unlock | status |"
              " set --name NAME --site SITE",
     "Set the PINs, unlock the PIN pad, or name the kiosk and its site.\n", 0},
    {"clock", "[set 'YYYY-MM-DD HH:MM' | stick DIR] [--data DIR]",
     "Show the kiosk's time and what went wrong with it (held days, corrections);\n"
     "set it (UTC) while the kiosk is stopped; or set it from a signed time file on a\n"
     "stick (taama-time and taama-time.minisig in DIR; see docs/deployment.md).\n", 0},
};
#define NCOMMANDS ((int)(sizeof commands / sizeof commands[0]))

static void usage(FILE *f)
{
    fputs("usage: taama [options]                 run the kiosk\n", f);
    args_print_usage(f, "taama", commands, NCOMMANDS, NULL);
    fputs("options: --windowed WxH  --data DIR  --content DIR  --script FILE  --dpi N\n"
          "         --timeout SECONDS  --large-text  --high-contrast\n"
          "         --renderer auto|software|gpu  (default auto: software on llvmpipe and\n"
          "             other software GL; also TAAMA_RENDERER)\n"
          "         --mounts DIR:DIR...  (where USB sticks appear; default /media:/run/media:/mnt)\n"
          "         --help  --version\n",
          f);
}

static int parse_size(const char *s, int *w, int *h)
{
    char tail;
    return s && sscanf(s, "%dx%d%c", w, h, &tail) == 2 && *w > 0 && *h > 0 ? 0 : -1;
}

/* A whole number in [lo, hi], the whole word; -1 otherwise. */
static int parse_int(const char *s, long lo, long hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

/* Options common to the kiosk and `render` (getopt_long over argv[first-1..],
 * so `--opt=value` and `--opt value` both work); the render-only ones are
 * accepted when their out-pointers are given. Returns 0, or -1 after
 * saying on stderr what was wrong. */
enum { O_WINDOWED = 256, O_DATA, O_CONTENT, O_SCRIPT, O_DPI, O_MOUNTS, O_MOUNT_TABLE, O_TIMEOUT,
       O_EXIT_FIRST, O_WARM, O_LARGE, O_CONTRAST, O_RENDERER, O_LANG, O_SCREEN, O_SIZE, O_LIST,
       O_SHEET };
static const struct option kiosk_opts[] = {
    {"windowed", required_argument, NULL, O_WINDOWED},
    {"data", required_argument, NULL, O_DATA},
    {"content", required_argument, NULL, O_CONTENT},
    {"script", required_argument, NULL, O_SCRIPT},
    {"dpi", required_argument, NULL, O_DPI},
    {"mounts", required_argument, NULL, O_MOUNTS},
    {"mount-table", required_argument, NULL, O_MOUNT_TABLE}, /* tests: /proc/self/mounts form */
    {"timeout", required_argument, NULL, O_TIMEOUT},
    {"exit-after-first-frame", no_argument, NULL, O_EXIT_FIRST}, /* make bench */
    {"warm", no_argument, NULL, O_WARM},                         /* make bench */
    {"large-text", no_argument, NULL, O_LARGE},
    {"high-contrast", no_argument, NULL, O_CONTRAST},
    {"renderer", required_argument, NULL, O_RENDERER},
    {"lang", required_argument, NULL, O_LANG},
    {"screen", required_argument, NULL, O_SCREEN},
    {"out", required_argument, NULL, 'o'},
    {"size", required_argument, NULL, O_SIZE},
    {"list", no_argument, NULL, O_LIST},
    {"sheet", required_argument, NULL, O_SHEET},
    {NULL, 0, NULL, 0},
};

/* The --mounts list of this run: the options point into it until exit. */
static char *mounts_buf;
static const char **mounts_list;

static void mounts_free(void)
{
    free(mounts_buf);
    free(mounts_list);
    mounts_buf = NULL;
    mounts_list = NULL;
}

/* --mounts DIR:DIR...: colon-separated places where sticks appear, as
 * many as given, into o->mount_prefixes (owned by mounts_buf/mounts_list,
 * freed at exit). NULL, or what was wrong. */
static const char *parse_mounts(const char *v, KioskOptions *o)
{
    mounts_free();
    char *buf = strdup(v);
    size_t n = 1;
    for (const char *q = v; *q; q++)
        n += *q == ':';
    const char **places = calloc(n + 1, sizeof *places);
    if (!buf || !places) {
        free(buf);
        free(places);
        return "out of memory";
    }
    size_t k = 0;
    char *save = NULL;
    for (char *tok = strtok_r(buf, ":", &save); tok; tok = strtok_r(NULL, ":", &save))
        places[k++] = tok;
    o->mount_prefixes = places;
    mounts_buf = buf;
    mounts_list = places;
    return NULL;
}

static int parse_options(int argc, char **argv, int first, Paths *p, KioskOptions *o, const char **lang,
                         const char **screen, const char **out, int *list, int *rw, int *rh,
                         const char **sheet)
{
    const char *prog = first > 1 ? "taama render" : "taama";
    int render = lang != NULL;
    optind = first;
    opterr = 0;
    for (int c; (c = getopt_long(argc, argv, render ? ":o:" : ":", kiosk_opts, NULL)) != -1;) {
        const char *v = optarg, *bad = NULL;
        switch (c) {
        case O_WINDOWED:
            if (parse_size(v, &o->win_w, &o->win_h) != 0)
                bad = "--windowed takes WIDTHxHEIGHT, e.g. 1280x800";
            o->windowed = 1;
            break;
        case O_DATA: snprintf(p->data, sizeof p->data, "%s", v); break;
        case O_CONTENT: snprintf(p->content, sizeof p->content, "%s", v); break;
        case O_SCRIPT: o->script = v; break;
        case O_DPI: {
            int dpi;
            if (parse_int(v, 30, 1000, &dpi) != 0)
                bad = "--dpi takes a whole number from 30 to 1000";
            o->dpi = (float)dpi;
            break;
        }
        case O_MOUNTS: bad = parse_mounts(v, o); break;
        case O_MOUNT_TABLE: o->mount_table = v; break;
        case O_TIMEOUT:
            if (parse_int(v, 5, 86400, &o->cfg.timeout_s) != 0)
                bad = "--timeout takes a number of seconds from 5 to 86400";
            break;
        case O_EXIT_FIRST: o->exit_after_first_frame = 1; break;
        case O_WARM: o->warm_all = 1; break;
        case O_LARGE: o->large_text = 1; break;
        case O_CONTRAST: o->high_contrast = 1; break;
        case O_RENDERER:
            if (strcmp(v, "auto") && strcmp(v, "software") && strcmp(v, "gpu"))
                bad = "--renderer takes auto, software or gpu";
            o->renderer = v;
            break;
        case O_LANG: if (render) *lang = v; else bad = "--lang is only for taama render"; break;
        case O_SCREEN: if (render) *screen = v; else bad = "--screen is only for taama render"; break;
        case 'o': if (render) *out = v; else bad = "-o is only for taama render"; break;
        case O_SIZE:
            if (!render)
                bad = "--size is only for taama render (the kiosk takes --windowed WxH)";
            else if (parse_size(v, rw, rh) != 0)
                bad = "--size takes WIDTHxHEIGHT, e.g. 1280x800";
            break;
        case O_LIST: if (render) *list = 1; else bad = "--list is only for taama render"; break;
        case O_SHEET: if (render) *sheet = v; else bad = "--sheet is only for taama render"; break;
        case ':':
            fprintf(stderr, "%s: %s needs a value\n", prog, argv[optind - 1]);
            return -1;
        default:
            fprintf(stderr, "%s: unknown option '%s'\n", prog, argv[optind - 1]);
            return -1;
        }
        if (bad) {
            fprintf(stderr, "%s: %s\n", prog, bad);
            return -1;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "%s: unexpected word '%s'\n", prog, argv[optind]);
        return -1;
    }
    return 0;
}

/* Settings from the data directory decide languages and timeout; a
 * command-line --timeout wins. */
static void apply_settings(const Paths *p, KioskOptions *o)
{
    Settings s;
    /* Ignored on purpose: settings_load fills defaults for whatever it
     * could not use and logs why; the kiosk starts with them. */
    (void)!settings_load(p->data, &s);
    AppConfig cfg;
    app_config_default(&cfg);
    app_config_from_settings(&cfg, &s);
    if (o->cfg.timeout_s > 0)
        cfg.timeout_s = o->cfg.timeout_s;
    o->cfg = cfg;
    o->narration_volume = s.narration_volume;
}

static Content *load_content(const char *dir)
{
    Err why = ERR_OK;
    Content *c = content_load(dir, &why);
    if (!c) {
        log_error("cannot read content from %s: %s", dir, err_str(why));
        return NULL;
    }
    for (int i = 0; i < content_issue_count(c); i++) {
        const ContentIssue *is = content_issue(c, i);
        log_warn("%s:%d: %s", is->file, is->line, is->message);
    }
    return c;
}

/* The content's strings, for i18n_preload(). */
typedef struct {
    const char **v;
    size_t n, cap;
    Err err;
} Strings;

static void add_string(void *ctx, const char *s, const char *file, int line)
{
    (void)file;
    (void)line;
    Strings *l = ctx;
    if (!l->err && !(l->err = VEC_RESERVE(l->v, l->cap, l->n + 1)))
        l->v[l->n++] = s;
}

/* Look every message up once, in every language, before the first frame
 * (single-threaded): building a screen then reads that table and never
 * touches LANGUAGE (issue 13). If it fails, lookups go through gettext as
 * before: slower and not thread-safe, never wrong. */
static void preload_translations(const Content *c)
{
    Strings l = {0};
    content_foreach_string(c, add_string, &l);
    Err e = l.err ? l.err : i18n_preload(l.v, (int)l.n);
    if (e)
        log_warn("translations: cannot preload (%s); looked up as needed", err_str(e));
    free(l.v);
}

static int cmd_render(int argc, char **argv, Paths *p, KioskOptions *o)
{
    const char *lang = "en", *screen = NULL, *out = NULL, *sheet = NULL;
    int list = 0, w = 1280, h = 800;
    if (parse_options(argc, argv, 2, p, o, &lang, &screen, &out, &list, &w, &h, &sheet) < 0) {
        fputs("Run 'taama render --help' for the options.\n", stderr);
        return 2;
    }
    log_set_quiet(1);
    apply_settings(p, o);
    Content *c = load_content(p->content);
    if (!c)
        return 1;
    preload_translations(c);
    int rc;
    if (list) {
        kiosk_list_screens(c, stdout);
        rc = 0;
    } else if (sheet) {
        rc = kiosk_render_sheet(o, c, sheet, screen, w, h);
    } else if (!screen || !out) {
        fprintf(stderr, "taama render: --screen and -o are required\n");
        rc = 2;
    } else {
        rc = kiosk_render(o, c, lang, screen, w, h, out);
    }
    content_free(c);
    return rc;
}

static int cmd_kiosk(int argc, char **argv, Paths *p, KioskOptions *o)
{
    if (parse_options(argc, argv, 1, p, o, NULL, NULL, NULL, NULL, NULL, NULL, NULL) < 0) {
        fputs("Run 'taama --help' for the options.\n", stderr);
        return 2;
    }
    Err e = fileio_mkdir_p(p->data, 0700);
    if (e != ERR_OK)
        log_warn("data directory %s: %s; statistics will not be kept", p->data, err_str(e));
    apply_settings(p, o);
    /* a content update installed from a stick wins over the shipped
     * content; if it does not load, the previous one; then the shipped */
    Content *c = NULL;
    if (pack_recover(p->data) != ERR_OK)
        log_warn("content updates: could not tidy an interrupted install");
    for (int failed = 0; failed < 2 && !c; failed++) {
        PackInstalled pi;
        if (pack_select(p->data, failed, &pi) != ERR_OK)
            break;
        char dir[1100];
        snprintf(dir, sizeof dir, "%s/content", pi.root);
        c = load_content(dir);
        if (c) {
            o->content_version = pi.version;
            snprintf(o->content_signer, sizeof o->content_signer, "%s, key %s", pi.campaign,
                     pi.key_id);
        }
    }
    if (!c)
        c = load_content(p->content);
    if (!c)
        return 1;
    /* a content pack may bring its own compiled translations
     * (PACK/locales/<lang>/LC_MESSAGES/taama.mo) */
    char packlocale[1200];
    snprintf(packlocale, sizeof packlocale, "%s/../locales", content_dir(c));
    if (o->content_version > 0 && is_dir(packlocale) && i18n_init(packlocale) != ERR_OK)
        log_error("no UTF-8 locale: the pack's translations are not used, every text is in English");
    preload_translations(c);
    Stats *st = stats_open(p->data, NULL, &e);
    if (!st)
        log_warn("statistics are off: %s", err_str(e));
    /* the kiosk's signing key is made on first start, not at the first
     * export, so its public half can be registered before any stick; a
     * cloned card (a new identity) gets a new one */
    if ((st ? export_keys_for_identity(st, p->data, NULL) : export_keys_ensure(p->data, NULL)) != ERR_OK)
        log_warn("cannot create the kiosk's signing key in %s; exports will fail", p->data);
    char cv[24];
    snprintf(cv, sizeof cv, "%lld", (long long)o->content_version);
    export_health_note_start(st, p->data);
    export_health_note(st, "content_version", cv);
    int rc = kiosk_run(o, c, st);
    export_health_note_stop(st);
    stats_close(st);
    content_free(c);
    return rc;
}

/* Run one of the shell subcommands; argv[0] is its name, --data and
 * --content already taken out. */
static int run_subcommand(const char *sub, Paths *p, const char *assets, int argc, char **argv, FILE *out)
{
    if (strcmp(sub, "stats") == 0)
        return stats_cli_main(p->data, argc, argv, out);
    if (strcmp(sub, "export") == 0)
        return export_cli_main(p->data, argc, argv, out);
    if (strcmp(sub, "content") == 0)
        return content_checks_cli(p->content, assets, p->narration, argc, argv, out);
    if (strcmp(sub, "narration") == 0)
        return narration_cli_main(p->content, argc, argv, out);
    if (strcmp(sub, "pack") == 0)
        return pack_cli_main(p->data, argc, argv, out);
    if (strcmp(sub, "admin") == 0)
        return admin_cli_main(p->data, argc, argv, out);
    if (strcmp(sub, "clock") == 0)
        return kclock_cli_main(p->data, argc, argv, out);
    return 2; /* not reached: main() looked the name up in commands[] */
}

/* The other subcommands still match their words with strcmp(): give
 * them `--opt value` for every `--opt=value`. --data (and, but for
 * `content`, which reads it itself, --content) are taken out here, so
 * each command sees only its own arguments. Returns the exit status. */
static int run_other(const char *sub, Paths *p, const char *assets, int argc, char **argv)
{
    int n = 0;
    char **v = args_split_equals(argc - 1, argv + 1, &n);
    if (!v) {
        fprintf(stderr, "taama: out of memory\n");
        return 1;
    }
    char **words = calloc((size_t)n + 1, sizeof *words);
    int nw = 0;
    for (int i = 0; words && i < n; i++) {
        if (i + 1 < n && strcmp(v[i], "--data") == 0)
            snprintf(p->data, sizeof p->data, "%s", v[++i]);
        else if (i + 1 < n && strcmp(v[i], "--content") == 0 && strcmp(sub, "content") != 0)
            snprintf(p->content, sizeof p->content, "%s", v[++i]);
        else
            words[nw++] = v[i];
    }
    int rc = 1;
    if (!words) {
        fprintf(stderr, "taama: out of memory\n");
        goto done;
    }
    /* Errors go to stderr: a subcommand writes to one stream, kept in
     * memory and sent to stdout when it succeeds, to stderr when it fails.
     * (Not for `admin` on a terminal, whose PIN prompts must show at once.) */
    char *text = NULL;
    size_t len = 0;
    FILE *cap = strcmp(sub, "admin") == 0 && isatty(0) ? NULL : open_memstream(&text, &len);
    rc = run_subcommand(sub, p, assets, nw, words, cap ? cap : stdout);
    if (cap) {
        fclose(cap);
        fwrite(text, 1, len, rc == 0 ? stdout : stderr);
        free(text);
    }
done:
    free(words);
    args_split_free(v, n);
    return rc;
}

int main(int argc, char **argv)
{
    const char *sub = argc > 1 ? argv[1] : "";
    int is_sub = sub[0] && sub[0] != '-';
    const ArgsCommand *cmd = is_sub ? args_command_find(commands, NCOMMANDS, sub) : NULL;
    switch (args_asked(argc, argv, 1, cmd)) {
    case ARGS_VERSION:
        args_print_version(stdout, "taama");
        return 0;
    case ARGS_HELP:
        if (cmd)
            args_print_usage(stdout, "taama", commands, NCOMMANDS, cmd);
        else
            usage(stdout);
        return 0;
    case ARGS_RUN:
        break;
    }
    if (is_sub && !cmd) {
        fprintf(stderr, "taama: unknown command '%s'\n", sub);
        usage(stderr);
        return 2;
    }
    Paths p;
    find_paths(&p, argv[0]);
    if (i18n_init(p.locale) != ERR_OK)
        log_error("no UTF-8 locale available: translations are disabled, every text is in English");
    KioskOptions o;
    memset(&o, 0, sizeof o);
    app_config_default(&o.cfg);
    o.cfg.timeout_s = 0; /* 0: take it from the settings */
    char assets[PATH_MAX + 64];
    snprintf(assets, sizeof assets, "%s/assets", p.root);
    o.assets_dir = assets;
    o.content_dir = p.content;
    o.data_dir = p.data;
    o.locale_dir = p.locale;
    o.narration_dir = p.narration;
    if (strcmp(sub, "render") == 0) {
        int rc = cmd_render(argc, argv, &p, &o);
        mounts_free();
        return rc;
    }
    if (!is_sub) {
        int rc = cmd_kiosk(argc, argv, &p, &o);
        mounts_free();
        return rc;
    }
    return run_other(sub, &p, assets, argc, argv);
}
