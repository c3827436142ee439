/* verify: judge each claim against the reference model at the claim's own time (or the
 * article's date when the sentence gave none).
 *
 * Verdicts: supported, refuted, partly_supported (a list with wrong or missing items, named),
 * disputed (the claim matches only a value the model records as an alternative), unverifiable
 * (the model has nothing to judge it by), not_checked (opinions, forecasts, hypotheticals).
 * Dates are compared at the coarser of the two precisions; a difference is reported with its
 * size ("one day later than the record, 2018-11-02"). Every verdict carries a one-sentence
 * reason and the ids of the facts it used; a title the person did not hold at the article's
 * date is marked as an anachronism.
 * Ownership: fills claim->verdict (cleared first); fact ids are borrowed from the model. */
#ifndef SD_VERIFY_H
#define SD_VERIFY_H

#include "claims.h"
#include "error.h"
#include "model.h"

int sd_verify_claim(const sd_model *m, sd_article_claim *c, sd_error *err);

/* Who held an office at a date: office facts of `office` for `scope` (an organization for
 * secretary_general/chair, else a country) whose interval contains `at` (coarse comparison).
 * Writes up to max facts and returns how many there are. */
size_t sd_verify_holders_at(const sd_model *m, const char *office, const char *scope,
                            sd_date at, const sd_fact **out, size_t max);

/* "one day later than the record, 2018-11-02" style phrase into buf. */
void sd_verify_describe_difference(sd_date claimed, sd_date record, char *buf, size_t n);

#endif
