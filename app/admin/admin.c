/* admin.c: `taama admin` (set-pin, clear-pin, unlock, status) over pin.h.
 * Only this file reads a terminal; PIN buffers are wiped after use. */
#include "admin/admin.h"

#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "admin/pin.h"
#include "core/args.h"
#include "settings/settings.h"

static void usage(FILE *out)
{
    fprintf(out, "usage: taama admin set-pin [--facilitator] [--pin-stdin]\n"
                 "       taama admin set [--name NAME] [--site SITE]\n"
                 "       taama admin clear-pin --facilitator\n"
                 "       taama admin unlock\n"
                 "       taama admin status\n");
}

/* Read one line into buf without its newline; 0 on success, -1 at end of
 * input or when the line is too long. */
static int read_line(FILE *in, char *buf, size_t sz)
{
    if (!fgets(buf, (int)sz, in))
        return -1;
    size_t n = strcspn(buf, "\r\n");
    if (buf[n] == '\0' && n == sz - 1)
        return -1; /* no newline within the buffer: too long */
    buf[n] = '\0';
    return 0;
}

static int read_pin(FILE *in, FILE *out, const char *prompt, char *buf, size_t sz)
{
    int fd = fileno(in);
    struct termios old, quiet;
    int tty = fd >= 0 && isatty(fd) && tcgetattr(fd, &old) == 0;
    if (tty) {
        fprintf(out, "%s", prompt);
        fflush(out);
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    int rc = read_line(in, buf, sz);
    if (tty) {
        tcsetattr(fd, TCSAFLUSH, &old);
        fprintf(out, "\n");
    }
    return rc;
}

static int cmd_set_pin(PinStore *ps, int argc, char **argv, FILE *in, FILE *out)
{
    PinSlot slot = PIN_SLOT_ADMIN;
    int once = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--facilitator") == 0)
            slot = PIN_SLOT_FACILITATOR;
        else if (strcmp(argv[i], "--pin-stdin") == 0)
            once = 1;
        else {
            usage(out);
            return 2;
        }
    }
    char a[64], b[64];
    int rc = 1;
    if (read_pin(in, out, "New PIN: ", a, sizeof a) != 0) {
        fprintf(out, "admin: no PIN given\n");
        goto done;
    }
    if (!pin_valid(a)) {
        fprintf(out, "admin: a PIN is %d to %d digits\n", PIN_MIN_DIGITS, PIN_MAX_DIGITS);
        goto done;
    }
    if (!once) {
        if (read_pin(in, out, "Again: ", b, sizeof b) != 0 || strcmp(a, b) != 0) {
            fprintf(out, "admin: the two PINs differ; nothing changed\n");
            goto done;
        }
    }
    Err e = pin_set(ps, slot, a);
    if (e != ERR_OK) {
        fprintf(out, "admin: cannot set the PIN: %s\n", err_str(e));
        goto done;
    }
    fprintf(out, "%s PIN set.\n", slot == PIN_SLOT_ADMIN ? "Admin" : "Facilitator");
    rc = 0;
done:
    sodium_memzero(a, sizeof a);
    sodium_memzero(b, sizeof b);
    return rc;
}

/* `set --name NAME --site SITE`: the kiosk's name and site, which the
 * admin screen shows but cannot edit (no keyboard on a touchscreen). */
static int cmd_set(const char *data_dir, int argc, char **argv, FILE *out)
{
    Settings s;
    /* Saving defaults over a file we could not read would lose every other
     * setting: refuse. A file with some unusable fields keeps the rest. */
    Err le = settings_load(data_dir, &s);
    if (le == ERR_FORMAT)
        fprintf(out, "admin: settings.json had unusable values; they are saved as defaults\n");
    else if (le != ERR_OK && le != ERR_NOTFOUND) {
        fprintf(out, "admin: cannot read the settings (%s); nothing changed\n", err_str(le));
        return 1;
    }
    int changed = 0;
    for (int i = 1; i < argc; i++) {
        char *field = NULL;
        size_t cap = 0;
        if (strcmp(argv[i], "--name") == 0) {
            field = s.kiosk_name;
            cap = sizeof s.kiosk_name;
        } else if (strcmp(argv[i], "--site") == 0) {
            field = s.site;
            cap = sizeof s.site;
        }
        if (!field || i + 1 >= argc) {
            usage(out);
            return 2;
        }
        if (strlen(argv[++i]) >= cap) {
            fprintf(out, "admin: %s is longer than %zu bytes\n", argv[i - 1], cap - 1);
            return 1;
        }
        snprintf(field, cap, "%s", argv[i]);
        changed = 1;
    }
    if (!changed) {
        usage(out);
        return 2;
    }
    settings_sanitize(&s);
    Err e = settings_save(data_dir, &s);
    if (e != ERR_OK) {
        fprintf(out, "admin: cannot save the settings: %s\n", err_str(e));
        return 1;
    }
    fprintf(out, "Kiosk name: %s\nSite: %s\n", s.kiosk_name[0] ? s.kiosk_name : "(not set)",
            s.site[0] ? s.site : "(not set)");
    return 0;
}

int admin_cli_run(const char *data_dir, int argc, char **argv, FILE *in, FILE *out)
{
    char *args[32];
    argc = args_drop_common(argc, argv, args, 32);
    argv = args;
    if (argc > 0 && strcmp(argv[0], "admin") == 0) {
        argc--;
        argv++;
    }
    if (argc < 1) {
        usage(out);
        return 2;
    }
    Err why = ERR_OK;
    PinStore *ps = pin_open(data_dir, &why);
    if (!ps) {
        fprintf(out, "admin: %s\n", err_str(why));
        return 1;
    }
    int rc = 2;
    if (strcmp(argv[0], "set") == 0) {
        rc = cmd_set(data_dir, argc, argv, out);
    } else if (strcmp(argv[0], "set-pin") == 0) {
        rc = cmd_set_pin(ps, argc, argv, in, out);
    } else if (strcmp(argv[0], "clear-pin") == 0 && argc == 2 && strcmp(argv[1], "--facilitator") == 0) {
        Err e = pin_clear(ps, PIN_SLOT_FACILITATOR);
        fprintf(out, e == ERR_OK ? "Facilitator PIN removed.\n" : "admin: %s\n", err_str(e));
        rc = e == ERR_OK ? 0 : 1;
    } else if (strcmp(argv[0], "unlock") == 0 && argc == 1) {
        Err e = pin_unlock(ps);
        fprintf(out, e == ERR_OK ? "PIN pad unlocked.\n" : "admin: %s\n", err_str(e));
        rc = e == ERR_OK ? 0 : 1;
    } else if (strcmp(argv[0], "status") == 0 && argc == 1) {
        if (why == ERR_CORRUPT)
            fprintf(out, "PIN file damaged: run `taama admin set-pin`\n");
        fprintf(out, "admin PIN: %s\nfacilitator PIN: %s\n",
                pin_is_set(ps, PIN_SLOT_ADMIN) ? "set" : "not set",
                pin_is_set(ps, PIN_SLOT_FACILITATOR) ? "set" : "not set");
        rc = 0;
    } else {
        usage(out);
    }
    pin_close(ps);
    return rc;
}

int admin_cli_main(const char *data_dir, int argc, char **argv, FILE *out)
{
    return admin_cli_run(data_dir, argc, argv, stdin, out);
}
