/* report: the sanad-report/1 tree (validator/data/schema/REPORT.md) from the check results,
 * the findings the CI gate counts, a baseline of known findings, the exit code, and the text
 * report. Every other format is rendered from the same tree (render.h).
 * Ownership: sd_report_build returns a new tree (caller deletes); baselines are owned by the
 * caller and released with sd_baseline_free. */
#ifndef SD_REPORT_H
#define SD_REPORT_H

#include "check.h"
#include "error.h"
#include "model.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>

/* Finding types a gate can fail on (bit mask). */
enum {
    SD_FAIL_REFUTED = 1,
    SD_FAIL_CONFLICT = 2,
    SD_FAIL_ANACHRONISM = 4,
    SD_FAIL_REJECTED = 8,
    SD_FAIL_DATE_WINDOW = 16,
    SD_FAIL_DEFAULT = SD_FAIL_REFUTED | SD_FAIL_CONFLICT | SD_FAIL_ANACHRONISM
};

/* Exit codes (DESIGN.md §2). */
enum { SD_EXIT_OK = 0, SD_EXIT_FINDINGS = 1, SD_EXIT_USAGE = 2, SD_EXIT_REJECTED = 3 };

/* Parse "refuted,conflict", "all" or "none" into a mask; -1 on an unknown word. */
int sd_fail_on_parse(const char *s);

typedef struct sd_baseline sd_baseline;
/* Load a baseline file (sanad-baseline/1); errors name the file, line and column. */
int sd_baseline_load(sd_baseline **out, const char *path, sd_error *err);
void sd_baseline_free(sd_baseline *b);
/* Write every unsuppressed finding and conflict of a report as a new baseline. */
int sd_baseline_write(const cJSON *report, FILE *out, sd_error *err);

typedef struct sd_report_opts {
    const char *model_path;
    int fail_on;                    /* mask; 0 = none */
    sd_date as_of;                  /* prec NONE when not given */
    sd_date today;                  /* for baseline expiry; prec NONE = never expires */
    const sd_baseline *baseline;    /* may be NULL */
    bool include_text;              /* put each document's text in the tree (html) */
} sd_report_opts;

cJSON *sd_report_build(const sd_model *m, const sd_check_results *res, cJSON *conflicts,
                       const sd_report_opts *opts, sd_error *err);
int sd_report_exit_code(const cJSON *report);

/* The text report: by document, claims with verdict, evidence and reason; then conflicts;
 * then a summary table. colour adds ANSI colours (only for a terminal without NO_COLOR). */
int sd_report_write_text(const cJSON *report, FILE *out, bool colour, sd_error *err);

/* Streaming: the json and text reports written one document at a time, so memory does not grow
 * with the corpus (only each document's compact claims stay, for the conflicts). The output is
 * byte for byte what sd_report_build + cJSON_Print / sd_report_write_text give.
 *   open: writes the head; document: writes one document (after sd_reconcile_window) and
 *   releases its dates, entities and text; finish: conflicts (taken), removed documents (taken,
 *   may be NULL), summary and exit code, and the baseline entries for --write-baseline. */
typedef struct sd_report_writer sd_report_writer;
int sd_report_writer_open(sd_report_writer **out, const sd_model *m, const sd_report_opts *opts,
                          FILE *f, bool json, bool colour, sd_error *err);
int sd_report_writer_document(sd_report_writer *w, sd_doc_result *r, sd_error *err);
int sd_report_writer_finish(sd_report_writer *w, cJSON *conflicts, cJSON *removed,
                            int *exit_code, sd_error *err);
/* After finish: write the findings seen as a new baseline. */
int sd_report_writer_baseline(const sd_report_writer *w, FILE *out, sd_error *err);
void sd_report_writer_free(sd_report_writer *w);

/* Claims JSONL (sanad-claim/1), one line per claim of every document / of one document. */
int sd_report_write_claims(const sd_check_results *res, FILE *out, sd_error *err);
int sd_report_write_document_claims(const sd_doc_result *r, FILE *out, sd_error *err);

#endif
