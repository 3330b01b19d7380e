/* admin.h: the `taama admin` shell command, for setting up a kiosk before
 * it goes into the field or repairing one without its PIN.
 *
 *   taama admin set-pin [--facilitator] [--pin-stdin]
 *   taama admin set [--name NAME] [--site SITE]   (DATA/settings.json)
 *   taama admin clear-pin --facilitator
 *   taama admin unlock
 *   taama admin status
 *
 * set-pin reads the PIN twice from standard input (echo off on a
 * terminal), or once with --pin-stdin (for scripts). The PIN itself is
 * never printed or logged. */
#ifndef APP_ADMIN_ADMIN_H
#define APP_ADMIN_ADMIN_H

#include <stdio.h>

/* argv holds the words after "admin" (a leading "admin" word is skipped
 * too). Reads from stdin, writes to out. Returns a process exit code: 0
 * ok, 1 failed, 2 usage. */
int admin_cli_main(const char *data_dir, int argc, char **argv, FILE *out);

/* As admin_cli_main(), reading PINs from in (tests). */
int admin_cli_run(const char *data_dir, int argc, char **argv, FILE *in, FILE *out);

#endif
