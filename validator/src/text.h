/* text: the folded form of a document that every matcher runs on, with an exact map back
 * to the original bytes.
 *
 * Folding (the rules are the table in text_fold_table.c; each has a test):
 *   NFKC per code point (ICU), then Arabic letters to Persian (ي ى ئ → ی, ك → ک, ة ۀ → ه,
 *   أ إ آ ٱ → ا, ؤ → و), Arabic-Indic and Persian digits to ASCII, ASCII to lower case;
 *   tatweel, harakat, ZWNJ, ZWJ, bidi controls, BOM and soft hyphen deleted; CR/CRLF to LF;
 *   other white space (NBSP, tabs, thin spaces) to ' ' and runs of spaces folded to one.
 *   Persian punctuation (، ؛ ؟ « ») is kept as it is: the segmenter treats it as a boundary.
 * Invalid UTF-8 bytes become U+FFFD, one per bad byte, so offsets stay exact.
 *
 * Every byte of the folded text records the half-open byte span [src_start, src_end) of the
 * original code point it came from, so any folded span maps back to the article's own text.
 * Ownership: sd_fold fills *out; the caller releases it with sd_folded_free. */
#ifndef SD_TEXT_H
#define SD_TEXT_H

#include "error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct sd_folded {
    char *s;            /* folded UTF-8, NUL-terminated */
    size_t len;         /* bytes in s, not counting the NUL */
    size_t *src_start;  /* len entries: original start byte of the code point behind s[i] */
    size_t *src_end;    /* len entries: original end byte (exclusive) */
    size_t src_len;     /* length of the original buffer */
} sd_folded;

int sd_fold(const char *src, size_t len, sd_folded *out, sd_error *err);
void sd_folded_free(sd_folded *f);

/* Map the folded span [fstart, fend) to the original span [*ostart, *oend).
 * An empty span maps to an empty span at the corresponding position. */
void sd_folded_span_to_source(const sd_folded *f, size_t fstart, size_t fend,
                              size_t *ostart, size_t *oend);

/* Fold a short string (an alias, a cue word) with the same rules; returns a heap string
 * the caller frees, or NULL on allocation failure. */
char *sd_fold_string(const char *s);

/* Fold a short string and remove every space: the key that makes "می شود", "می‌شود" and
 * "میشود" equal. Caller frees. */
char *sd_fold_key(const char *s);

/* Fold one code point: writes up to 4 code points to out (0 when the code point is deleted)
 * and returns how many. Exposed for tests of the rule table. */
int sd_fold_codepoint(uint32_t cp, uint32_t out[4]);

/* UTF-8 helpers used across modules. sd_utf8_decode reads one code point at s[*i] (bounded by
 * len), advances *i, and returns the code point or -1 for an invalid sequence (advancing by one
 * byte). sd_utf8_encode writes cp and returns the byte count (1..4). */
int32_t sd_utf8_decode(const char *s, size_t len, size_t *i);
int sd_utf8_encode(uint32_t cp, char out[4]);

/* Character classes on folded text (Persian/Arabic letters, Latin letters, combining marks
 * count as letters; digits are ASCII after folding). */
bool sd_is_letter(uint32_t cp);
bool sd_is_space(uint32_t cp);     /* ' ' or '\n' in folded text */

#endif
