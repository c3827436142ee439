/* render_common: what the JUnit, SARIF and HTML renderers share: typed, NULL-safe reads of
 * the report tree and the table of finding types (one row per type). Internal to render_*.c. */
#ifndef SD_RENDER_COMMON_H
#define SD_RENDER_COMMON_H

#include "error.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>

/* The string member key of o, or NULL when o is not an object or the member is absent or
 * not a string. */
const char *sd_rj_str(const cJSON *o, const char *key);
/* The member as an object / array, or NULL. */
const cJSON *sd_rj_obj(const cJSON *o, const char *key);
const cJSON *sd_rj_arr(const cJSON *o, const char *key);
/* The numeric member as a long, or dflt when absent, not a number or out of range. */
long sd_rj_long(const cJSON *o, const char *key, long dflt);
/* True only for a JSON true. */
bool sd_rj_true(const cJSON *o, const char *key);

/* 0 if report looks like a `sanad-report/1` tree, else SD_EINVAL with a message. */
int sd_render_check_report(const cJSON *report, sd_error *err);
/* 0, or SD_EIO when the stream has an error (checked once at the end of a render). */
int sd_render_check_stream(FILE *out, sd_error *err);

/* One row per finding type: rule metadata for SARIF and the legend of the HTML page. */
typedef struct sd_finding_rule {
    const char *type;        /* "refuted" */
    const char *name;        /* "RefutedClaim": SARIF rule name */
    const char *level;       /* default SARIF level: "error" or "warning" */
    const char *short_desc;
    const char *full_desc;
    const char *help;
} sd_finding_rule;

extern const sd_finding_rule sd_finding_rules[];
extern const size_t sd_finding_rule_count;
/* Index of the rule for type in sd_finding_rules, or -1. */
int sd_finding_rule_index(const char *type);

/* Whether doc records a `conflict` finding for claim_id (then the top-level conflict is not
 * rendered again for that document). */
bool sd_render_doc_has_conflict_finding(const cJSON *doc, const char *claim_id);
/* Whether doc is rejected and has no `rejected` finding, so one must be synthesized. */
bool sd_render_doc_needs_rejected(const cJSON *doc);
/* The document object whose id is id, or NULL. */
const cJSON *sd_render_find_doc(const cJSON *report, const char *id);

/* The timelines SVG of the HTML page (render_svg.c); model may be NULL. Claim marks link to
 * "#c<document index>-<claim number from 1>". */
struct sd_model;
void sd_render_svg_timelines(FILE *out, const cJSON *report, const struct sd_model *model);

/* Project home page, named once (SARIF informationUri, HTML footer). */
#define SD_RENDER_INFO_URI "https://sanad.invalid/"

#endif
