/* lint: semantic checks of a loaded reference model (`sanad model lint`).
 * Each finding has a stable rule id, a severity and a message naming the facts involved.
 * Rules: SD-L001 overlapping holders of a single-holder office; SD-L002 membership events
 * out of order; SD-L003 gap in a timeline that should be continuous (secretary-general,
 * chairmanship); SD-L004 aliases of two entities that fold to the same key; SD-L005 a person
 * in office outside their lifetime; SD-L006 a fact with no source.
 * Ownership: sd_lint_run fills *out; release with sd_lint_free. */
#ifndef SD_LINT_H
#define SD_LINT_H

#include "error.h"
#include "model.h"

#include <stddef.h>

typedef enum sd_lint_severity {
    SD_LINT_WARNING = 1,
    SD_LINT_ERROR = 2
} sd_lint_severity;

typedef struct sd_lint_finding {
    const char *rule;           /* "SD-L001" ... (static string) */
    sd_lint_severity severity;
    char *message;              /* heap, names the facts/entities involved */
    char *subject;              /* id of the first fact or entity involved (heap) */
} sd_lint_finding;

typedef struct sd_lint_result {
    sd_lint_finding *items;
    size_t n;
} sd_lint_result;

int sd_lint_run(const sd_model *m, sd_lint_result *out, sd_error *err);
void sd_lint_free(sd_lint_result *r);
const char *sd_lint_severity_name(sd_lint_severity s);   /* "warning", "error" */

#endif
