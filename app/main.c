/* main.c: the `taama` program: find its files, parse the command line, and
 * either run the kiosk or one of its shell commands.
 *
 *   taama [--windowed WxH] [--data DIR] [--content DIR] [--script FILE] ...
 *   taama render --lang LANG --screen SCREEN --size WxH -o FILE.png
 *   taama render --list
 *   taama render --sheet DIR [--screen NAME,...] (translators' contact sheet)
 *   taama stats | export --to DIR | content check|pot | pack ... | admin ...
 *
 * Files: run from the build tree (build/taama), the program uses the
 * repository's assets/ and content/ and build/locale; installed
 * (PREFIX/bin/taama), it uses PREFIX/share/taama and PREFIX/share/locale.
 * Both are found relative to the executable, so a DESTDIR staging or a
 * relocated PREFIX works. State lives in one data directory: --data, else
 * $XDG_DATA_HOME/taama (~/.local/share/taama); the systemd unit passes
 * /var/lib/taama. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "admin/admin.h"
#include "content/content.h"
#include "core/fileio.h"
#include "core/log.h"
#include "export/export.h"
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

static void usage(FILE *f)
{
    fputs("usage: taama [options]                 run the kiosk\n"
          "       taama render --lang LANG --screen SCREEN --size WxH -o FILE.png\n"
          "       taama render --list\n"
          "       taama render --sheet DIR [--screen NAME,...] [--size WxH]\n"
          "       taama stats                     print the counters\n"
          "       taama export --to DIR           write an export to DIR\n"
          "       taama content check|pot         check content, or write its POT\n"
          "       taama narration script          texts for tools/make-narration.sh\n"
          "       taama pack make|verify|install  signed content packs\n"
          "       taama admin set-pin             set the admin PIN\n"
          "       taama admin set --name NAME --site SITE\n"
          "options: --windowed WxH  --data DIR  --content DIR  --script FILE  --dpi N\n"
          "         --timeout SECONDS  --large-text  --high-contrast\n"
          "         --mounts DIR:DIR...  (where USB sticks appear; default /media:/run/media:/mnt)\n",
          f);
}

static int parse_size(const char *s, int *w, int *h)
{
    return s && sscanf(s, "%dx%d", w, h) == 2 && *w > 0 && *h > 0 ? 0 : -1;
}

/* Options common to the kiosk and `render`; returns the index of the first
 * argument it did not take, or -1 on a bad option. */
static int parse_options(int argc, char **argv, int i, Paths *p, KioskOptions *o, const char **lang,
                         const char **screen, const char **out, int *list, int *rw, int *rh)
{
    for (; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--windowed") == 0 && v) {
            if (parse_size(v, &o->win_w, &o->win_h) != 0)
                return -1;
            o->windowed = 1;
            i++;
        } else if (strcmp(a, "--data") == 0 && v) {
            snprintf(p->data, sizeof p->data, "%s", v);
            i++;
        } else if (strcmp(a, "--content") == 0 && v) {
            snprintf(p->content, sizeof p->content, "%s", v);
            i++;
        } else if (strcmp(a, "--script") == 0 && v) {
            o->script = v;
            i++;
        } else if (strcmp(a, "--dpi") == 0 && v) {
            o->dpi = (float)atof(v);
            i++;
        } else if (strcmp(a, "--mounts") == 0 && v) {
            /* colon-separated places where sticks appear */
            static char buf[1024];
            static const char *places[9];
            snprintf(buf, sizeof buf, "%s", v);
            int n = 0;
            for (char *tok = strtok(buf, ":"); tok && n < 8; tok = strtok(NULL, ":"))
                places[n++] = tok;
            places[n] = NULL;
            o->mount_prefixes = places;
            i++;
        } else if (strcmp(a, "--mount-table") == 0 && v) {
            o->mount_table = v; /* tests: a file in /proc/self/mounts form */
            i++;
        } else if (strcmp(a, "--timeout") == 0 && v) {
            o->cfg.timeout_s = atoi(v);
            i++;
        } else if (strcmp(a, "--exit-after-first-frame") == 0) {
            o->exit_after_first_frame = 1; /* make bench */
        } else if (strcmp(a, "--warm") == 0) {
            o->warm_all = 1; /* make bench */
        } else if (strcmp(a, "--large-text") == 0) {
            o->large_text = 1;
        } else if (strcmp(a, "--high-contrast") == 0) {
            o->high_contrast = 1;
        } else if (strcmp(a, "--lang") == 0 && v && lang) {
            *lang = v;
            i++;
        } else if (strcmp(a, "--screen") == 0 && v && screen) {
            *screen = v;
            i++;
        } else if ((strcmp(a, "-o") == 0 || strcmp(a, "--out") == 0) && v && out) {
            *out = v;
            i++;
        } else if (strcmp(a, "--size") == 0 && v && rw) {
            if (parse_size(v, rw, rh) != 0)
                return -1;
            i++;
        } else if (strcmp(a, "--list") == 0 && list) {
            *list = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            exit(0);
        } else {
            fprintf(stderr, "taama: unknown or incomplete option '%s'\n", a);
            return -1;
        }
    }
    return i;
}

/* Settings from the data directory decide languages and timeout; a
 * command-line --timeout wins. */
static void apply_settings(const Paths *p, KioskOptions *o)
{
    Settings s;
    settings_load(p->data, &s);
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

static int cmd_render(int argc, char **argv, Paths *p, KioskOptions *o)
{
    const char *lang = "en", *screen = NULL, *out = NULL, *sheet = NULL;
    int list = 0, w = 1280, h = 800;
    /* --sheet DIR (the translators' contact sheet) is taken out first. */
    for (int i = 2; i + 1 < argc; i++)
        if (strcmp(argv[i], "--sheet") == 0) {
            sheet = argv[i + 1];
            memmove(&argv[i], &argv[i + 2], (size_t)(argc - i - 2) * sizeof *argv);
            argc -= 2;
            break;
        }
    if (parse_options(argc, argv, 2, p, o, &lang, &screen, &out, &list, &w, &h) < 0) {
        usage(stderr);
        return 2;
    }
    log_set_quiet(1);
    apply_settings(p, o);
    Content *c = load_content(p->content);
    if (!c)
        return 1;
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
    if (parse_options(argc, argv, 1, p, o, NULL, NULL, NULL, NULL, NULL, NULL) < 0) {
        usage(stderr);
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
    if (o->content_version > 0 && is_dir(packlocale))
        i18n_init(packlocale);
    /* the kiosk's signing key is made on first start, not at the first
     * export, so its public half can be registered before any stick */
    if (export_keys_ensure(p->data, NULL) != ERR_OK)
        log_warn("cannot create the kiosk's signing key in %s; exports will fail", p->data);
    Stats *st = stats_open(p->data, NULL, &e);
    if (!st)
        log_warn("statistics are off: %s", err_str(e));
    int rc = kiosk_run(o, c, st);
    stats_close(st);
    content_free(c);
    return rc;
}

int main(int argc, char **argv)
{
    Paths p;
    find_paths(&p, argv[0]);
    i18n_init(p.locale);
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
    const char *sub = argc > 1 ? argv[1] : "";
    /* Subcommands that only need the data or content directory take the
     * common --data/--content options from anywhere on the line. */
    if (strcmp(sub, "render") == 0)
        return cmd_render(argc, argv, &p, &o);
    if (!sub[0] || sub[0] == '-')
        return cmd_kiosk(argc, argv, &p, &o);
    /* For the other subcommands --data (and, but for `content`, which reads
     * it itself, --content) are taken out here, so each command sees only
     * its own arguments. */
    int n = 1;
    for (int i = 1; i < argc; i++) {
        if (i + 1 < argc && strcmp(argv[i], "--data") == 0)
            snprintf(p.data, sizeof p.data, "%s", argv[++i]);
        else if (i + 1 < argc && strcmp(argv[i], "--content") == 0 && strcmp(sub, "content") != 0)
            snprintf(p.content, sizeof p.content, "%s", argv[++i]);
        else
            argv[n++] = argv[i];
    }
    argv[n] = NULL;
    argc = n;
    if (strcmp(sub, "stats") == 0)
        return stats_cli_main(p.data, argc - 1, argv + 1, stdout);
    if (strcmp(sub, "export") == 0)
        return export_cli_main(p.data, argc - 1, argv + 1, stdout);
    if (strcmp(sub, "content") == 0)
        return content_checks_cli(p.content, assets, p.narration, argc - 1, argv + 1, stdout);
    if (strcmp(sub, "narration") == 0)
        return narration_cli_main(p.content, argc - 1, argv + 1, stdout);
    if (strcmp(sub, "pack") == 0)
        return pack_cli_main(p.data, argc - 1, argv + 1, stdout);
    if (strcmp(sub, "admin") == 0)
        return admin_cli_main(p.data, argc - 1, argv + 1, stdout);
    fprintf(stderr, "taama: unknown command '%s'\n", sub);
    usage(stderr);
    return 2;
}
