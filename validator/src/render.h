/* render: JUnit XML, SARIF 2.1.0 and self-contained HTML from one `sanad-report/1` tree
 * (validator/data/schema/REPORT.md). The tree is only read; nothing is kept after a call.
 *
 * Every renderer tolerates missing or mistyped members (they are rendered as absent, never
 * dereferenced), escapes every string that comes from an article or the model, and writes
 * deterministic output: no timestamps, members in report order.
 *
 * Findings and conflicts: a document's findings are rendered as they are; a top-level conflict
 * is rendered for a document side only when that document has no `conflict` finding for the
 * same claim, so a pipeline may record conflicts in either place without duplicates. A
 * rejected document with no `rejected` finding gets one synthesized from its reject_reason.
 *
 * Each function returns 0, SD_EINVAL when report is not a `sanad-report/1` object, SD_ENOMEM,
 * or SD_EIO when writing to out fails; err is filled on failure. */
#ifndef SD_RENDER_H
#define SD_RENDER_H

#include "error.h"
#include "model.h"

#include <cjson/cJSON.h>
#include <stdio.h>

/* One <testsuite name="sanad">, one <testcase classname="sanad.check"> per document, one
 * <failure> per finding / conflict; valid against validator/data/schema/junit.xsd. */
int sd_render_junit(const cJSON *report, FILE *out, sd_error *err);

/* One SARIF 2.1.0 run: a rule per finding type, a result per finding (suppressed ones carry
 * suppressions, never dropped) and per conflict, artifacts with sha-256 hashes. */
int sd_render_sarif(const cJSON *report, FILE *out, sd_error *err);

/* One self-contained HTML page (no network): summary, each article right-to-left with its
 * claims highlighted, rejected documents, and SVG timelines from the model's office and
 * membership facts (model may be NULL: the timelines then show only the corpus's claims).
 * Documents need their "text" member for highlighting; without it claims are only listed. */
int sd_render_html(const cJSON *report, const sd_model *model, FILE *out, sd_error *err);

#endif
