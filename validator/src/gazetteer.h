/* gazetteer: find the model's entities in folded text.
 *
 * Compiled once from every alias of every entity (names.fa, aliases, short_aliases), folded
 * with sd_fold_key (no spaces). Matching walks the folded text with a trie, so the cost per
 * character does not grow with the number of aliases: spaces inside a match are optional
 * (ZWNJ/space/no-space variants are one), a match must start and end at token boundaries,
 * and the longest match wins. A second, loose trie tolerates transliteration variants
 * (غ/ق, ث/ص/س, ذ/ض/ظ/ز, ط/ت, ح/ه, doubled letters, ی at word end) for aliases of at least
 * five letters; an exact match always beats a loose one. When one surface form belongs to
 * more than one entity the mention is reported as ambiguous with all candidates, never
 * resolved at random. Short aliases (a surname alone) count only after a full mention of the
 * same entity earlier in the document.
 * Ownership: the gazetteer borrows the model (keep the model alive); mention lists are owned
 * by the caller and released with sd_mention_list_free. */
#ifndef SD_GAZETTEER_H
#define SD_GAZETTEER_H

#include "error.h"
#include "model.h"
#include "segment.h"
#include "text.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct sd_mention {
    size_t start, end;          /* folded bytes */
    size_t first_token, ntokens;
    const sd_entity *entity;    /* NULL when ambiguous */
    const sd_entity **candidates;   /* all candidates when ambiguous (heap), else NULL */
    size_t ncandidates;
    bool loose;                 /* matched only through transliteration-variant folding */
    bool short_form;            /* matched a short alias */
} sd_mention;

typedef struct sd_mention_list {
    sd_mention *items;          /* sorted by start */
    size_t n;
} sd_mention_list;

typedef struct sd_gazetteer sd_gazetteer;

int sd_gazetteer_build(sd_gazetteer **out, const sd_model *m, sd_error *err);
void sd_gazetteer_free(sd_gazetteer *g);
size_t sd_gazetteer_alias_count(const sd_gazetteer *g);

int sd_gazetteer_find(const sd_gazetteer *g, const sd_folded *f, const sd_segments *seg,
                      sd_mention_list *out, sd_error *err);
void sd_mention_list_free(sd_mention_list *l);

#endif
