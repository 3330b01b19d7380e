/* version.c: see version.h. */
#include "core/version.h"

#include "taama_version.h" /* generated from VERSION by the Makefile */

const char *version_string(void)
{
    return TAAMA_VERSION;
}
