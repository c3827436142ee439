/* extract: typed claims from an analysed document, by the rules of the pattern file.
 *
 * Per sentence of the article body: the sentence's modality (hypothetical, opinion and forecast
 * markers from the lexicon; such claims are kept but never verified), then titles (a role word
 * such as «رئیس‌جمهور» or «دبیرکل», with its country or organization after it, attached to the
 * person named just before it or just after it: office_holder / secretary_general claims),
 * then every rule whose cue classes occur. The engine kinds fill arguments generically: lists
 * of countries joined by «،» and «و» become one member-list claim; a sentence with no explicit
 * organization takes the organization the article is about. Evidence is the sentence, as
 * original bytes. Identical claims (type, arguments, time) in one document are kept once.
 * Ownership: claims are appended to *out (the caller's list). */
#ifndef SD_EXTRACT_H
#define SD_EXTRACT_H

#include "analyze.h"
#include "claims.h"
#include "error.h"
#include "model.h"
#include "patterns.h"

int sd_extract(const sd_analysis *a, const sd_patterns *pt, const sd_model *m,
               sd_article_claim_list *out, sd_error *err);

#endif
