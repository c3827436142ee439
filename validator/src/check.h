/* check: the whole pipeline over a set of inputs — ingest, analyse, extract, verify — and the
 * per-document results the reconciliation and the reports read.
 *
 * Documents are processed one at a time; after a document is done only its compact results
 * stay in memory (metadata, date and entity mentions, claims with their verdicts, and the
 * article text only when a renderer asked for it).
 * Ownership: sd_check_run fills *out; release with sd_check_results_free. */
#ifndef SD_CHECK_H
#define SD_CHECK_H

#include "claims.h"
#include "error.h"
#include "gazetteer.h"
#include "ingest.h"
#include "model.h"
#include "patterns.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>

typedef struct sd_doc_result {
    char *id, *origin, *source, *url, *title, *note;
    char sha256[65];
    bool rejected;
    char *reject_reason;
    sd_date published;
    const char *published_from;     /* static string */
    cJSON *dates;                   /* array of date mention objects */
    cJSON *entities;                /* array of entity mention objects */
    sd_article_claim_list claims;
    long *ev_line, *ev_col;         /* per claim: 1-based line/column of the evidence start */
    char *text;                     /* original text when kept, else NULL */
    size_t text_len;
    /* date window inferred from the office holders the article names with titles */
    bool has_window;
    sd_date window_from, window_to;
    char *window_reason;
    bool window_conflict;           /* the stated date lies outside the window */
} sd_doc_result;

typedef struct sd_check_opts {
    size_t max_bytes;               /* 0 = default */
    bool keep_text;                 /* keep article text (the HTML report highlights it) */
    bool verify;                    /* judge claims (false for `sanad extract`) */
    sd_date as_of;                  /* undated articles are read as of this date (prec NONE: off) */
    FILE *progress;                 /* progress line target (a terminal), NULL for none:
                                       documents done, documents per second, and time left
                                       when the inputs are files and folders (counted by name
                                       first; JSONL and stdin give no estimate) */
    /* Claims cache (cache.h), NULL for none: a document whose entry is there is not checked
     * again; a checked document is stored. With changed (changed.h), the listed documents
     * are always checked fully and the others come from the cache (checked on a miss). */
    struct sd_cache *cache;
    const struct sd_changed *changed;
    FILE *warnings;                 /* unusable cache entries and failed writes, NULL for none */
    /* Called after each document (may be NULL); a non-zero return stops the run. */
    int (*on_document)(sd_doc_result *r, void *user);
    void *user;
} sd_check_opts;

typedef struct sd_check_results {
    sd_doc_result *docs;
    size_t n, cap;
    size_t skipped;                 /* files in folders that are not documents */
    /* with a claims cache: documents taken from it, documents checked (of which listed as
     * changed), entries written, and entries that could not be written */
    size_t from_cache, checked, changed, cache_written, cache_write_failed;
} sd_check_results;

typedef struct sd_check_env {
    const sd_model *model;
    const sd_gazetteer *gazetteer;
    const sd_patterns *patterns;
} sd_check_env;

int sd_check_run(const sd_check_env *env, const char *const *inputs, size_t ninputs,
                 const sd_check_opts *opts, sd_check_results *out, sd_error *err);
/* Process one ingested document into r (used by sd_check_run and by incremental runs). */
int sd_check_document(const sd_check_env *env, const sd_doc *doc, const sd_check_opts *opts,
                      sd_doc_result *r, sd_error *err);
void sd_doc_result_clear(sd_doc_result *r);
void sd_check_results_free(sd_check_results *res);

#endif
