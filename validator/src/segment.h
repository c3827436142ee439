/* segment: sentences and tokens over folded text.
 *
 * Sentences end at . ! ? ؟ … and at line breaks, but not inside numbers (2.5, 1397/08/12)
 * nor after a one- or two-letter abbreviation (ه.ش. ق.م. م.). Tokens are words (letters,
 * with ZWNJ already folded away), numbers (ASCII digits, keeping 2.5 and 1397/08/12 whole)
 * and single punctuation marks (، ؛ « » ( ) : - / , ; " ' and the sentence enders).
 * The conjunction و is its own word token. Offsets are folded-text bytes.
 * Ownership: sd_segment fills *out; release it with sd_segments_free. */
#ifndef SD_SEGMENT_H
#define SD_SEGMENT_H

#include "error.h"
#include "text.h"

#include <stddef.h>

typedef enum sd_token_kind {
    SD_TOK_WORD,
    SD_TOK_NUMBER,
    SD_TOK_PUNCT
} sd_token_kind;

typedef struct sd_token {
    size_t start, end;      /* folded bytes [start, end) */
    sd_token_kind kind;
    size_t sentence;        /* index of the sentence holding it */
} sd_token;

typedef struct sd_sentence {
    size_t start, end;      /* folded bytes [start, end), trimmed of spaces */
    size_t first_token;     /* index of its first token */
    size_t ntokens;
} sd_sentence;

typedef struct sd_segments {
    sd_token *tokens;
    size_t ntokens;
    sd_sentence *sentences;
    size_t nsentences;
} sd_segments;

int sd_segment(const sd_folded *f, sd_segments *out, sd_error *err);
void sd_segments_free(sd_segments *seg);

#endif
