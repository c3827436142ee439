/* cache: the claims cache of incremental runs (`--claims-cache DIR`).
 *
 * One file per document result, DIR/<first two hex digits of the document's SHA-256>/<key>.json
 * (sanad-cache/1, cJSON), holding what checking the document produced: metadata, publication
 * date, date and entity mentions, claims with their verdicts and the line/column of their
 * evidence. The key is a SHA-256 over the cache format, sanad's version and build (the
 * caller passes an id of the running program, such as its executable's hash, so a rebuilt
 * extractor never reads results of the old one), the model file's and the pattern file's
 * hashes, the document's content hash, and the rest of what the result depends on: the document id (claim ids are "<doc>#<n>"), its effective publication date and
 * where it came from (so a changed sidecar date or --as-of is a different key), and whether
 * claims are verified (check) or only extracted. Editing the model or the patterns, or
 * upgrading sanad, therefore misses every entry; stale files are never read.
 *
 * Entries are written atomically (temp file + rename), so a reader sees a whole file or none,
 * and carry a digest of their document object, so a damaged file that still parses is caught.
 * A file that exists but cannot be used (unreadable, not JSON, another key or document, a fact
 * the model does not have) is a miss whose reason is returned for a warning, never an error.
 * Rejected documents are not cached (rejecting is cheap, and the reason names the path).
 * Ownership: sd_cache_open returns a handle the caller closes with sd_cache_close; results
 * filled by sd_cache_get are released with sd_doc_result_clear. */
#ifndef SD_CACHE_H
#define SD_CACHE_H

#include "check.h"
#include "error.h"
#include "ingest.h"
#include "model.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#define SD_CACHE_SCHEMA "sanad-cache/1"
#define SD_CACHE_MAX_BYTES ((size_t)64 << 20)

typedef struct sd_cache sd_cache;

/* Open (creating DIR and its parents when missing). The hashes are 64 hex digits; build_id
 * identifies the program (NULL or "": the version alone). */
int sd_cache_open(sd_cache **out, const char *dir, const char *model_sha256,
                  const char *patterns_sha256, const char *build_id, sd_error *err);
void sd_cache_close(sd_cache *c);
const char *sd_cache_dir(const sd_cache *c);

/* SHA-256 of a file's bytes (the pattern file, the executable). SD_EIO when it cannot be read. */
int sd_cache_file_sha256(const char *path, char out[65], sd_error *err);

/* The key of doc's result (64 hex digits); as_of and verify as in sd_check_opts. */
void sd_cache_key(const sd_cache *c, const sd_doc *doc, sd_date as_of, bool verify, char out[65]);
/* DIR/<sha256[0..2]>/<key>.json as a new string (NULL on allocation failure). */
char *sd_cache_entry_path(const sd_cache *c, const char *doc_sha256, const char *key);

/* Look doc up under key. 1 with *r filled on a hit (origin, source, url, title and note come
 * from doc, which may sit elsewhere than when the entry was written); 0 on a miss, with why
 * set to the reason when a file was there but unusable ("" for a plain miss); negative only
 * when out of memory. The model resolves the verdicts' fact ids. */
int sd_cache_get(const sd_cache *c, const sd_model *m, const sd_doc *doc, const char *key,
                 sd_doc_result *r, char *why, size_t nwhy, sd_error *err);
/* Store r under key atomically. SD_EIO when the file cannot be written. */
int sd_cache_put(const sd_cache *c, const char *key, const sd_doc_result *r, sd_error *err);

/* The entry's "document" object and back (the file format; exposed for tests). from_json
 * fails with SD_EINVAL and a reason naming the field when j is not a well-formed result. */
cJSON *sd_cache_result_to_json(const sd_doc_result *r);
int sd_cache_result_from_json(const cJSON *j, const sd_model *m, sd_doc_result *r,
                              sd_error *err);

#endif
