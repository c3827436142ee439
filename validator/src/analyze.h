/* analyze: one document through the text layer — fold, segment, dates, entity mentions and
 * cue phrases — plus the publication date when only the text gives it (a dateline: a line
 * near the top that is nothing but a full date, as in "28 نوامبر 2025"), and the end of the
 * article body (web boilerplate after a marker such as «اکسپلور» or «مطالب مرتبط» is left out
 * of extraction).
 * Ownership: sd_analyze fills *out; release with sd_analysis_free. The analysis borrows the
 * document, gazetteer and patterns. */
#ifndef SD_ANALYZE_H
#define SD_ANALYZE_H

#include "dates.h"
#include "error.h"
#include "gazetteer.h"
#include "ingest.h"
#include "patterns.h"
#include "segment.h"
#include "text.h"

typedef struct sd_analysis {
    const sd_doc *doc;
    sd_folded folded;
    sd_segments seg;
    sd_date_list dates;
    sd_mention_list mentions;
    sd_cue_list cues;
    sd_date published;          /* prec NONE when unknown */
    const char *published_from; /* "meta", "jsonl", "text" or "" */
    size_t body_end;            /* folded offset where boilerplate starts (len when none) */
} sd_analysis;

int sd_analyze(const sd_doc *doc, const sd_gazetteer *gz, const sd_patterns *pt,
               sd_analysis *out, sd_error *err);
void sd_analysis_free(sd_analysis *a);

/* Original byte span of a folded span, and a heap copy of its original text. */
void sd_analysis_source_span(const sd_analysis *a, size_t fstart, size_t fend, size_t *ostart,
                             size_t *oend);
char *sd_analysis_source_text(const sd_analysis *a, size_t fstart, size_t fend);

#endif
