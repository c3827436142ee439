/* ingest: turn command-line inputs into documents, one at a time.
 *
 * Inputs are files, folders (walked recursively in byte-wise sorted order; *.txt and *.md are
 * articles (README.md excepted: it documents the folder), *.jsonl are corpora, NAME.meta.json sidecars are metadata, other files are
 * ignored and listed by sd_ingest_skipped), "-" for stdin, and JSONL corpora (one object per
 * line: id, text, optional published, source, url). A plain file may have a sidecar
 * NAME.meta.json (for NAME.txt: NAME.meta.json) with id, published, source, url, title, note.
 *
 * Each document gets a stable id (sidecar or JSONL id, else the file name without extension),
 * the SHA-256 of its original bytes (OpenSSL), and its publication date if known. Bad input is
 * never dropped: the document comes back with status SD_DOC_REJECTED and a reason naming the
 * file, byte offset (or JSONL line) and cause: invalid UTF-8, NUL byte, empty, over the size
 * limit, unreadable path, malformed JSONL line (the other lines still load).
 * A BOM and CRLF are accepted: text keeps the original bytes (offsets index them), and the
 * text layer folds the BOM and CR away.
 *
 * Memory: one document at a time; JSONL corpora are read line by line. */
#ifndef SD_INGEST_H
#define SD_INGEST_H

#include "dates.h"
#include "error.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum sd_doc_status {
    SD_DOC_OK = 0,
    SD_DOC_REJECTED = 1
} sd_doc_status;

typedef struct sd_doc {
    char *id;               /* stable id */
    char *origin;           /* path as given (file), "path:LINE" for JSONL, "-" for stdin */
    char *source;           /* outlet name, NULL if unknown */
    char *url;              /* NULL if unknown */
    char *title;            /* NULL if unknown */
    char *note;             /* free text from the sidecar (what a fixture tests), NULL if none */
    sd_date published;      /* prec NONE when unknown */
    const char *published_from;   /* "meta", "jsonl", "text" (set later by the pipeline), "" */
    char sha256[65];        /* hex of the original bytes; "" when rejected before reading */
    char *text;             /* original bytes, NUL-terminated (NULL when rejected) */
    size_t len;
    sd_doc_status status;
    char *reject_reason;    /* "file: byte N: reason" for rejected documents */
    long reject_offset;     /* byte offset of the problem, -1 when not applicable */
} sd_doc;

typedef struct sd_ingest_opts {
    size_t max_bytes;       /* documents larger than this are rejected; 0 = default 8 MiB */
} sd_ingest_opts;

typedef struct sd_ingest sd_ingest;

/* Expand inputs (copied). Fails only on usage errors (no inputs); unreadable paths become
 * rejected documents when reached. */
int sd_ingest_open(sd_ingest **out, const char *const *inputs, size_t ninputs,
                   const sd_ingest_opts *opts, sd_error *err);
/* Next document: returns 1 and sets *doc (caller frees with sd_doc_free), 0 at the end,
 * or a negative status on an internal failure (out of memory). */
int sd_ingest_next(sd_ingest *in, sd_doc **doc, sd_error *err);
void sd_ingest_close(sd_ingest *in);

/* Build a document from a buffer (used for stdin and by tests); validates like a file. */
int sd_doc_from_buffer(sd_doc **out, const char *id, const char *origin,
                       const char *buf, size_t len, size_t max_bytes, sd_error *err);
void sd_doc_free(sd_doc *doc);

/* SHA-256 of a buffer as 64 hex characters plus NUL. */
void sd_sha256_hex(const void *buf, size_t len, char out[65]);

/* Check UTF-8: returns -1 when valid, else the byte offset of the first bad byte. Sets *nul
 * when the bad byte is a NUL. */
long sd_utf8_first_invalid(const char *buf, size_t len, bool *nul);

/* Files met while walking folders that are neither articles, corpora nor sidecars (for example
 * notes.pdf), in the order they were met. The strings belong to the ingest. */
size_t sd_ingest_skipped_count(const sd_ingest *in);
const char *sd_ingest_skipped(const sd_ingest *in, size_t i);

#endif
