/* score: precision, recall and F1 of predicted claims against gold claims (sanad-claim/1).
 *
 * Claims are compared per document and claim type. A gold claim g and a predicted claim p
 * PAIR when doc, type and the key arguments (sd_claim_arg_spec.match_key) are equal; a pair
 * is then
 *   strict:  correct when every known argument (sets compared as sets), the time (precision
 *            and value) are equal and the evidence spans overlap; else incorrect;
 *   value:   correct when every known argument and the time are equal (spans ignored);
 *   lenient: correct when every known argument and the time are equal; inexact when they
 *            differ only in that the two times agree at the coarser of their precisions
 *            (gold 2018-11-02, pred 2018-11); else incorrect.
 * A time present on one side and null on the other differs. Modality, anchored, calendar,
 * the pattern and unknown argument keys are never compared.
 *
 * One-to-one assignment: every pairing (g, p) is ranked by (outcome: correct < inexact <
 * incorrect, |g.evidence.start - p.evidence.start|, g's reading order, p's reading order) and
 * taken greedily when neither claim is taken yet. Gold claims left over are missing,
 * predicted ones spurious.
 *
 * Counting: TP = correct + inexact, FP = incorrect + spurious, FN = incorrect + missing;
 * P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2PR/(P+R), each 0 when its denominator is 0. */
#ifndef SD_SCORE_H
#define SD_SCORE_H

#include "claim_io.h"
#include "error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum sd_score_mode {
    SD_SCORE_STRICT = 0,
    SD_SCORE_VALUE,
    SD_SCORE_LENIENT,
    SD_SCORE_MODE_COUNT
} sd_score_mode;

typedef enum sd_score_outcome {
    SD_OUTCOME_CORRECT = 0,
    SD_OUTCOME_INEXACT,
    SD_OUTCOME_INCORRECT,
    SD_OUTCOME_MISSING,
    SD_OUTCOME_SPURIOUS,
    SD_OUTCOME_COUNT
} sd_score_outcome;

/* What differs between a paired gold and predicted claim (bit mask). */
enum {
    SD_DIFF_ARGS = 1,           /* a known non-key argument */
    SD_DIFF_TIME = 2,           /* time differs (or is null on one side) */
    SD_DIFF_TIME_PRECISION = 4, /* times agree only at the coarser precision */
    SD_DIFF_SPAN = 8            /* evidence spans do not overlap */
};

#define SD_SCORE_NONE SIZE_MAX

const char *sd_score_mode_name(sd_score_mode mode);
/* The mode named name, or -1. */
int sd_score_mode_from_name(const char *name);
const char *sd_score_outcome_name(sd_score_outcome o);

/* Outcome of pairing gold g with pred p under mode (CORRECT, INEXACT or INCORRECT), or -1 when
 * they do not pair. *diff (may be NULL) receives the SD_DIFF_* mask. */
int sd_score_pair(const sd_claim *g, const sd_claim *p, sd_score_mode mode, unsigned *diff);

typedef struct sd_score_counts {
    size_t gold, pred;
    size_t n[SD_OUTCOME_COUNT];
} sd_score_counts;

size_t sd_score_tp(const sd_score_counts *c);
size_t sd_score_fp(const sd_score_counts *c);
size_t sd_score_fn(const sd_score_counts *c);
double sd_score_precision(const sd_score_counts *c);
double sd_score_recall(const sd_score_counts *c);
double sd_score_f1(const sd_score_counts *c);

typedef struct sd_score_link {
    sd_score_outcome outcome;
    size_t gold;            /* index into the gold claims, SD_SCORE_NONE for spurious */
    size_t pred;            /* index into the predicted claims, SD_SCORE_NONE for missing */
    unsigned diff;          /* SD_DIFF_* for inexact and incorrect */
} sd_score_link;

typedef struct sd_score_result {
    sd_score_mode mode;
    sd_score_counts by_type[SD_CLAIM_TYPE_COUNT];
    sd_score_counts overall;
    sd_score_link *links;   /* gold claims in reading order, then spurious preds in order */
    size_t n_links;
} sd_score_result;

int sd_score_run(const sd_claim *gold, size_t n_gold, const sd_claim *pred, size_t n_pred,
                 sd_score_mode mode, sd_score_result *out, sd_error *err);
void sd_score_result_free(sd_score_result *r);

/* A metric as printed: rounded to 4 decimals. The --min-f1 gate compares this value. */
double sd_score_round4(double x);

typedef struct sd_score_report {
    const sd_score_result *result;
    const sd_claim_set *gold, *pred;
    const char *gold_path, *pred_path;   /* as given on the command line */
    bool has_min_f1;
    double min_f1;
} sd_score_report;

/* True when the overall F1 (rounded to 4 decimals) is at least min_f1. */
bool sd_score_gate_passed(const sd_score_result *r, double min_f1);

/* The JSON report (schema: validator/data/schema/score-report.schema.json). */
int sd_score_write_json(FILE *f, const sd_score_report *rep, sd_error *err);
/* The text report: a table per claim type, the non-correct outcomes, problems, the gate. */
int sd_score_write_text(FILE *f, const sd_score_report *rep, sd_error *err);

#endif
