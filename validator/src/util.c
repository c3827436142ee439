#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *sd_strdup(const char *s)
{
    return s != NULL ? sd_strndup(s, strlen(s)) : NULL;
}

char *sd_strndup(const char *s, size_t n)
{
    if (s == NULL)
        return NULL;
    char *d = malloc(n + 1);
    if (d != NULL) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

char *sd_vasprintf(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (s != NULL)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

char *sd_asprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = sd_vasprintf(fmt, ap);
    va_end(ap);
    return s;
}

int sd_read_file(const char *path, size_t max, char **buf, size_t *len, sd_error *err)
{
    *buf = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        sd_error_set(err, SD_EIO, "cannot read: %s", strerror(errno));
        sd_error_at(err, path, 0, 0, -1);
        return SD_EIO;
    }
    size_t cap = 1 << 14, n = 0, got;
    char *b = malloc(cap + 1);
    while (b != NULL && (got = fread(b + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n > max)
            break;
        if (n == cap) {
            char *g = realloc(b, cap * 2 + 1);
            if (g == NULL) {
                free(b);
                b = NULL;
                break;
            }
            b = g;
            cap *= 2;
        }
    }
    int failed = ferror(f);
    fclose(f);
    if (b == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory reading %s", path);
    if (failed) {
        free(b);
        sd_error_set(err, SD_EIO, "cannot read: read error");
        sd_error_at(err, path, 0, 0, -1);
        return SD_EIO;
    }
    if (n > max) {
        free(b);
        sd_error_set(err, SD_ELIMIT, "the file is larger than %zu bytes", max);
        sd_error_at(err, path, 0, 0, -1);
        return SD_ELIMIT;
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    return SD_OK;
}

char *sd_temp_template(const char *path)
{
    /* mkstemp replaces exactly six trailing 'X' characters. */
    static const char six[] = {'X', 'X', 'X', 'X', 'X', 'X', '\0'};
    return sd_asprintf("%s.tmp%s", path, six);
}
