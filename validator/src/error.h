/* error: the error object every fallible sanad function fills.
 * Functions return an sd_status (0 on success, negative on failure); the caller owns the
 * sd_error and passes it down. Nothing below main() prints or exits. */
#ifndef SD_ERROR_H
#define SD_ERROR_H

#include <stddef.h>

typedef enum sd_status {
    SD_OK = 0,
    SD_EIO = -1,      /* a file could not be read or written */
    SD_EINVAL = -2,   /* the input is not what the format says */
    SD_ENOMEM = -3,   /* out of memory */
    SD_EPARSE = -4,   /* malformed JSON or text that a grammar rejects */
    SD_ELIMIT = -5,   /* a size, depth or count limit was exceeded */
    SD_EUSAGE = -6    /* the caller asked for something that makes no sense */
} sd_status;

typedef struct sd_error {
    int code;           /* an sd_status, SD_OK when clear */
    char file[512];     /* file the problem is in, "" when none */
    long line;          /* 1-based line, 0 when unknown */
    long col;           /* 1-based column in characters, 0 when unknown */
    long offset;        /* 0-based byte offset, -1 when unknown */
    char path[256];     /* JSON path such as facts[12].from, "" when none */
    char msg[768];      /* the reason, one sentence, no trailing newline */
} sd_error;

void sd_error_clear(sd_error *err);

/* Set code and message (printf-style); keeps file/line/col/offset/path unset.
 * Returns code so callers can write `return sd_error_set(err, SD_EIO, ...)`.
 * err may be NULL. */
int sd_error_set(sd_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Attach a location; any argument may be NULL / negative to leave it unset. */
void sd_error_at(sd_error *err, const char *file, long line, long col, long offset);
void sd_error_path(sd_error *err, const char *json_path);

/* Compute 1-based line and column (in code points) of byte offset in buf. */
void sd_error_locate(const char *buf, size_t len, size_t offset, long *line, long *col);

/* "file:line:col: path: message" (parts that are unset are left out). */
void sd_error_format(const sd_error *err, char *out, size_t outlen);

/* Human name for a status ("I/O error", "invalid input", ...). */
const char *sd_status_name(int code);

#endif
