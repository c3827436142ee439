/* changed: the list of changed files an incremental run gets (`--changed-from FILE`), as a CI
 * job writes it with `git diff --name-only A B`: one path per line; blank lines and lines
 * starting with '#' are ignored; git's C-style quoting ("dir/\331\205.txt", used for non-ASCII
 * or unusual names unless core.quotePath is false) is undone; CR line ends are accepted. Paths
 * that are not documents (a name not ending in .txt, .md or .jsonl, or a README.md) are
 * dropped: a changed sidecar, script or model is not a document, and the claims cache key
 * covers what else a result depends on.
 *
 * Each kept path is canonicalized (absolute, symlinks resolved; for a path that no longer
 * exists, its deepest existing folder is resolved and the rest appended) so it can be compared
 * with the documents ingest produces, whatever form INPUT was given in.
 * Ownership: sd_changed_parse/sd_changed_load fill *out; release with sd_changed_free. */
#ifndef SD_CHANGED_H
#define SD_CHANGED_H

#include "error.h"

#include <stdbool.h>
#include <stddef.h>

#define SD_CHANGED_MAX_BYTES ((size_t)64 << 20)

typedef struct sd_changed_entry {
    char *path;         /* as listed (unquoted) */
    char *canon;        /* canonical absolute path */
    bool exists;        /* false: the document was removed */
} sd_changed_entry;

typedef struct sd_changed {
    sd_changed_entry *items;    /* sorted by canon, no duplicate canon */
    size_t n;
    size_t ignored;             /* listed paths that are not documents */
} sd_changed;

/* Parse a list held in buf (len bytes). Fails only on allocation (SD_ENOMEM). */
int sd_changed_parse(const char *buf, size_t len, sd_changed *out, sd_error *err);
/* Read and parse FILE; SD_EIO when it cannot be read. */
int sd_changed_load(const char *path, sd_changed *out, sd_error *err);
void sd_changed_free(sd_changed *l);

/* Whether path names a document by its name (*.txt, *.md, *.jsonl; README.md excepted). */
bool sd_changed_is_document_name(const char *path);
/* Canonical absolute form of path (see above); NULL on allocation failure. Caller frees. */
char *sd_changed_canonical(const char *path);
/* Whether canon (canonical) is listed. */
bool sd_changed_contains(const sd_changed *l, const char *canon);
/* Whether canon lies in (or is) one of the inputs (paths in any form; "-" never matches). */
bool sd_changed_within_inputs(const char *canon, const char *const *inputs, size_t ninputs);

#endif
