/* util: the small allocation and file helpers every module shares.
 * Ownership: every returned string or buffer is the caller's, released with free(). */
#ifndef SD_UTIL_H
#define SD_UTIL_H

#include "error.h"

#include <stdarg.h>
#include <stddef.h>

/* Copies; NULL in gives NULL out (and NULL on allocation failure). */
char *sd_strdup(const char *s);
char *sd_strndup(const char *s, size_t n);

/* printf into a new string, NULL on failure. */
char *sd_vasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
char *sd_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "PATH.tmp" plus mkstemp's six-character template: the name a file is written under before it
 * is renamed into place (atomic output). Caller frees. */
char *sd_temp_template(const char *path);

/* Read a whole file into a NUL-terminated buffer. Fails with SD_EIO (cannot read, the error
 * names the file), SD_ELIMIT (larger than max bytes) or SD_ENOMEM. */
int sd_read_file(const char *path, size_t max, char **buf, size_t *len, sd_error *err);

#endif
