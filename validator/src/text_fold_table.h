/* text_fold_table: the per-code-point fold rules of text.c as data (internal to the text module
 * and its tests).
 *
 * The rules apply AFTER the NFKC compatibility decomposition of a code point, to each code point
 * it decomposes into; so presentation forms (U+FEF1 → ي) and composed letters (آ → ا + U+0653)
 * reach the same rows as their plain forms. One row is one code point or one contiguous range. */
#ifndef SD_TEXT_FOLD_TABLE_H
#define SD_TEXT_FOLD_TABLE_H

#include <stddef.h>
#include <stdint.h>

typedef enum sd_fold_action {
    SD_FOLD_MAP,     /* every code point of the range becomes `to` */
    SD_FOLD_SHIFT,   /* cp becomes to + (cp - first): digit ranges, A–Z */
    SD_FOLD_DELETE   /* the code point disappears */
} sd_fold_action;

typedef struct sd_fold_rule {
    uint32_t first, last;   /* inclusive range */
    sd_fold_action action;
    uint32_t to;
    const char *name;       /* rule name: what and why */
} sd_fold_rule;

/* Rows sorted by `first`, ranges never overlap (a test checks both). */
extern const sd_fold_rule sd_fold_rules[];
extern const size_t sd_fold_nrules;

/* The row covering cp, or NULL when cp is kept as it is. */
const sd_fold_rule *sd_fold_rule_find(uint32_t cp);

#endif
