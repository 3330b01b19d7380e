/* version.h: the one version number of Taama, kept in the file VERSION at
 * the top of the repository; the build turns it into a generated header
 * (build/gen/taama_version.h) that only version.c includes. debian/changelog
 * carries the same number (tests/sh/packaging.sh checks they agree). */
#ifndef APP_CORE_VERSION_H
#define APP_CORE_VERSION_H

/* "0.9.0": static, never NULL. */
const char *version_string(void);

#endif
