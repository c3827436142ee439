/* reconcile: what only the whole corpus shows.
 *  - conflicts: two documents making the same kind of claim about the same key with different
 *    values (a founding list, a term's start or end, the city of a dated meeting, the date of
 *    the UN observer status or of the CRRF decision), reported side by side whether or not the
 *    model can decide between them;
 *  - a date window for each document from the office holders it names with titles (a
 *    president, a foreign minister, a secretary-general), with its reasoning; a document whose
 *    stated date falls outside its window is flagged.
 * Ownership: conflicts are returned as a new cJSON array (caller deletes); windows are written
 * into the document results. */
#ifndef SD_RECONCILE_H
#define SD_RECONCILE_H

#include "check.h"
#include "error.h"
#include "model.h"

#include <cjson/cJSON.h>

int sd_reconcile_windows(const sd_model *m, sd_check_results *res, sd_error *err);
/* The same for one document (what the streaming report needs). */
int sd_reconcile_window(const sd_model *m, sd_doc_result *r, sd_error *err);
/* Drop what the conflicts will not need from a document already written: claims without a
 * reconciliation key, and the verdicts' reasons and facts (the label stays). */
void sd_reconcile_compact(sd_doc_result *r);

/* Conflicts between documents, as REPORT.md's CONFLICT objects. */
cJSON *sd_reconcile_conflicts(const sd_model *m, const sd_check_results *res, sd_error *err);

/* The key and value a claim is compared on across documents; false when the claim takes no
 * part (opinions, undated events, types without a single-valued key). Buffers get the text. */
bool sd_reconcile_key(const sd_article_claim *c, char *key, size_t nkey, char *value, size_t nvalue);

/* Stable fingerprint: 16 hex digits of SHA-256 over type, document id, claim key and the folded
 * evidence text (unaffected by edits elsewhere in the article). */
void sd_fingerprint(const char *type, const char *doc_id, const char *key, const char *evidence,
                    char out[17]);

#endif
