/* phrase: a trie of folded phrases matched against folded text.
 *
 * Keys are folded and spaceless (sd_fold_key). Matching starts at a byte offset of folded
 * text (a token start), walks code points, skips single spaces inside the match (so
 * "می شود", "میشود" and "می‌شود" all match the key "میشود"), never crosses a newline, and
 * accepts only matches that end at a token boundary (the next code point is not a letter or
 * digit). The longest match wins. Cost per text character is independent of the number of
 * keys (children are sorted arrays searched by code point).
 * Optional map: every text code point goes through map() and, with collapse_doubles, a code
 * point equal to the previous one is skipped — keys must have been added in the same form
 * (use sd_phrase_loose_key). The gazetteer uses this for transliteration variants.
 * Ownership: the trie owns its nodes; payload arrays returned by match are borrowed. */
#ifndef SD_PHRASE_H
#define SD_PHRASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct sd_phrase_trie sd_phrase_trie;
typedef uint32_t (*sd_cp_map)(uint32_t cp);

sd_phrase_trie *sd_phrase_trie_new(void);
void sd_phrase_trie_free(sd_phrase_trie *t);
/* Add a spaceless folded key with a payload; the same key may carry several payloads
 * (a payload already present under the key is not added twice). 0 or SD_ENOMEM/SD_EINVAL. */
int sd_phrase_trie_add(sd_phrase_trie *t, const char *key, int payload);
size_t sd_phrase_trie_key_count(const sd_phrase_trie *t);

/* Longest match at pos. Returns the end byte (exclusive) of the match, or 0 when none;
 * *payloads / *npayloads point at the payloads of the matched key. */
size_t sd_phrase_trie_match(const sd_phrase_trie *t, const char *s, size_t len, size_t pos,
                            sd_cp_map map, bool collapse_doubles,
                            const int **payloads, size_t *npayloads);

/* Apply map and collapse_doubles to a spaceless key (heap string, caller frees). */
char *sd_phrase_loose_key(const char *key, sd_cp_map map, bool collapse_doubles);

#endif
