#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void sd_error_clear(sd_error *err)
{
    if (err == NULL)
        return;
    memset(err, 0, sizeof *err);
    err->offset = -1;
}

int sd_error_set(sd_error *err, int code, const char *fmt, ...)
{
    if (err == NULL)
        return code;
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

void sd_error_at(sd_error *err, const char *file, long line, long col, long offset)
{
    if (err == NULL)
        return;
    if (file != NULL)
        snprintf(err->file, sizeof err->file, "%s", file);
    if (line > 0)
        err->line = line;
    if (col > 0)
        err->col = col;
    if (offset >= 0)
        err->offset = offset;
}

void sd_error_path(sd_error *err, const char *json_path)
{
    if (err != NULL && json_path != NULL)
        snprintf(err->path, sizeof err->path, "%s", json_path);
}

void sd_error_locate(const char *buf, size_t len, size_t offset, long *line, long *col)
{
    long l = 1, c = 1;
    if (offset > len)
        offset = len;
    for (size_t i = 0; i < offset; i++) {
        unsigned char b = (unsigned char)buf[i];
        if (b == '\n') {
            l++;
            c = 1;
        } else if ((b & 0xC0) != 0x80) {
            c++;
        }
    }
    if (line != NULL)
        *line = l;
    if (col != NULL)
        *col = c;
}

void sd_error_format(const sd_error *err, char *out, size_t outlen)
{
    if (outlen == 0)
        return;
    out[0] = '\0';
    if (err == NULL)
        return;
    size_t n = 0;
#define APPEND(...)                                                              \
    do {                                                                         \
        if (n < outlen) {                                                        \
            int w = snprintf(out + n, outlen - n, __VA_ARGS__);                  \
            if (w > 0)                                                           \
                n += (size_t)w;                                                  \
        }                                                                        \
    } while (0)
    if (err->file[0] != '\0') {
        APPEND("%s", err->file);
        if (err->line > 0) {
            APPEND(":%ld", err->line);
            if (err->col > 0)
                APPEND(":%ld", err->col);
        }
        if (err->offset >= 0)
            APPEND(" (byte %ld)", err->offset);
        APPEND(": ");
    } else if (err->offset >= 0) {
        APPEND("byte %ld: ", err->offset);
    }
    if (err->path[0] != '\0')
        APPEND("%s: ", err->path);
    APPEND("%s", err->msg[0] != '\0' ? err->msg : sd_status_name(err->code));
#undef APPEND
}

const char *sd_status_name(int code)
{
    switch (code) {
    case SD_OK: return "ok";
    case SD_EIO: return "I/O error";
    case SD_EINVAL: return "invalid input";
    case SD_ENOMEM: return "out of memory";
    case SD_EPARSE: return "parse error";
    case SD_ELIMIT: return "limit exceeded";
    case SD_EUSAGE: return "usage error";
    default: return "unknown error";
    }
}
