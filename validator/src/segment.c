/* segment: tokens and sentences over folded text.
 *
 * Our own tokenizer rather than ICU's word break iterator: ICU keeps Arabic and Latin letters
 * in one word ("مرتبطTRT" is a single UBRK_WORD_LETTER token), while the annotators need
 * "مرتبط" and "trt" apart; so a word ends where the script changes. ICU's sentence iterator
 * is not used either: for "fa" it has no abbreviation data and splits ه.ش. and ج.ا.ا. after
 * every dot, and it splits inside numbers written with '/'. The rules here are small and linear.
 *
 * Tokens: words (letters and combining marks of one script), numbers (ASCII digits with inner
 * . / ٫ ٬ between digits), punctuation (one code point each, except that a run of dots is one
 * token: NFKC turns … into "..."). Sentences end at '\n' and after an ender (. ! ? ؟ …), which
 * takes the closing quotes and brackets right behind it along. */
#include "segment.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

/* Punctuation that ends a sentence. '.' has extra conditions (numbers, abbreviations). */
static const uint32_t sentence_enders[] = {
    '.', '!', '?',
    0x061F, /* ؟ Arabic question mark */
    0x06D4, /* ۔ Urdu full stop */
    0x2026, /* … (NFKC folds it to "...", kept for unfolded input) */
    0x203C, /* ‼ */
    0x2047, 0x2048, 0x2049, /* ⁇ ⁈ ⁉ */
};

/* Closing marks that stay with the sentence an ender just finished: «…شد.» keeps ». */
static const uint32_t sentence_closers[] = {
    ')', ']', '}',
    0x00BB, /* » */
    0x2019, /* ’ */
    0x201D, /* ” */
    0x203A, /* › */
};

/* Quotes that may open or close: they close only when nothing word-like follows. */
static const uint32_t ambiguous_quotes[] = {'"', '\''};

/* Separators that keep a number whole when a digit follows: 2.5, 1397/08/12, ۳٫۵, ۱۲٬۰۰۰. */
static const uint32_t number_inner_separators[] = {'.', '/', 0x066B, 0x066C};

/* Latin abbreviations (folded to lower case) that a '.' does not end a sentence after.
 * Persian abbreviations (م. ق.م. ه.ش. ج.ا.ا.) are caught by the short-word rule instead. */
static const char *const known_abbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "gen", "col", "lt", "gov", "sen",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool in_list(uint32_t cp, const uint32_t *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (list[k] == cp)
            return true;
    return false;
}

typedef struct tok_info {
    sd_token t;
    size_t letters;     /* base letters (not marks) in a word */
    bool newline_before;
    uint32_t first_cp;  /* for punctuation tokens */
} tok_info;

/* Character classes of the code points below CLASS_CACHE_LIMIT (ASCII, Latin, Cyrillic,
 * Arabic), computed once so the tokenizer does not ask ICU for every character. */
#define CLASS_CACHE_LIMIT 0x0800u
enum { CC_WORD = 1, CC_MARK = 2 };
static pthread_once_t class_once = PTHREAD_ONCE_INIT;
static uint8_t class_flags[CLASS_CACHE_LIMIT];
static int16_t class_script[CLASS_CACHE_LIMIT];

static bool is_word_char_icu(uint32_t cp);
static bool is_mark_icu(uint32_t cp);
static UScriptCode word_script_icu(uint32_t cp);

static void class_init(void)
{
    for (uint32_t cp = 0; cp < CLASS_CACHE_LIMIT; cp++) {
        class_flags[cp] = (uint8_t)((is_word_char_icu(cp) ? CC_WORD : 0) |
                                    (is_mark_icu(cp) ? CC_MARK : 0));
        class_script[cp] = (int16_t)word_script_icu(cp);
    }
}

static uint32_t cp_at(const sd_folded *f, size_t i, size_t *next)
{
    size_t j = i;
    int32_t c = sd_utf8_decode(f->s, f->len, &j);
    if (next != NULL)
        *next = j;
    return c < 0 ? 0xFFFDu : (uint32_t)c;
}

static bool is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* Word characters: letters, marks, and digits of other scripts (U+0967 etc. are not folded to
 * ASCII on purpose, and are not numbers sanad can read, so they stay opaque word text). */
static bool is_word_char_icu(uint32_t cp)
{
    if (sd_is_letter(cp))
        return true;
    return cp >= 0x80u && cp <= 0x10FFFFu && u_charType((UChar32)cp) == U_DECIMAL_DIGIT_NUMBER;
}

/* The script a word character commits a word to; USCRIPT_COMMON for marks and the like. */
static UScriptCode word_script_icu(uint32_t cp)
{
    if (cp < 0x80u)
        return USCRIPT_LATIN;
    UErrorCode e = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript((UChar32)cp, &e);
    if (U_FAILURE(e) || s == USCRIPT_INHERITED)
        return USCRIPT_COMMON;
    return s;
}

static bool is_mark_icu(uint32_t cp)
{
    if (cp < 0x80u)
        return false;
    int8_t t = u_charType((UChar32)cp);
    return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

static bool is_word_char(uint32_t cp)
{
    return cp < CLASS_CACHE_LIMIT ? (class_flags[cp] & CC_WORD) != 0 : is_word_char_icu(cp);
}

static bool is_mark(uint32_t cp)
{
    return cp < CLASS_CACHE_LIMIT ? (class_flags[cp] & CC_MARK) != 0 : is_mark_icu(cp);
}

static UScriptCode word_script(uint32_t cp)
{
    return cp < CLASS_CACHE_LIMIT ? (UScriptCode)class_script[cp] : word_script_icu(cp);
}

typedef struct tok_vec {
    tok_info *v;
    size_t n, cap;
} tok_vec;

static int tok_push(tok_vec *tv, const tok_info *ti)
{
    if (tv->n == tv->cap) {
        size_t cap = tv->cap ? tv->cap * 2 : 256;
        if (cap > SIZE_MAX / sizeof *tv->v)
            return -1;
        tok_info *v = realloc(tv->v, cap * sizeof *v);
        if (v == NULL)
            return -1;
        tv->v = v;
        tv->cap = cap;
    }
    tv->v[tv->n++] = *ti;
    return 0;
}

static int tokenize(const sd_folded *f, tok_vec *tv)
{
    size_t i = 0;
    bool newline = false;
    while (i < f->len) {
        size_t next;
        uint32_t cp = cp_at(f, i, &next);
        if (cp == '\n') {
            newline = true;
            i = next;
            continue;
        }
        if (sd_is_space(cp)) {
            i = next;
            continue;
        }
        tok_info ti;
        memset(&ti, 0, sizeof ti);
        ti.t.start = i;
        ti.newline_before = newline;
        ti.first_cp = cp;
        newline = false;
        if (is_digit(cp)) {
            ti.t.kind = SD_TOK_NUMBER;
            i = next;
            while (i < f->len) {
                uint32_t c = cp_at(f, i, &next);
                if (is_digit(c)) {
                    i = next;
                    continue;
                }
                size_t after;
                if (in_list(c, number_inner_separators, COUNT(number_inner_separators)) &&
                    next < f->len && is_digit(cp_at(f, next, &after))) {
                    i = after;
                    continue;
                }
                break;
            }
        } else if (is_word_char(cp)) {
            ti.t.kind = SD_TOK_WORD;
            UScriptCode script = word_script(cp);
            ti.letters = is_mark(cp) ? 0 : 1;
            i = next;
            while (i < f->len) {
                uint32_t c = cp_at(f, i, &next);
                if (!is_word_char(c))
                    break;
                UScriptCode s = word_script(c);
                if (s != USCRIPT_COMMON && script != USCRIPT_COMMON && s != script)
                    break;  /* script change: مرتبطtrt → مرتبط | trt */
                if (script == USCRIPT_COMMON)
                    script = s;
                if (!is_mark(c))
                    ti.letters++;
                i = next;
            }
        } else {
            ti.t.kind = SD_TOK_PUNCT;
            i = next;
            if (cp == '.')
                while (i < f->len && f->s[i] == '.')
                    i++;
        }
        ti.t.end = i;
        if (tok_push(tv, &ti) != 0)
            return -1;
    }
    return 0;
}

static bool is_single_dot(const sd_folded *f, const tok_info *t)
{
    return t->t.kind == SD_TOK_PUNCT && t->t.end - t->t.start == 1 && f->s[t->t.start] == '.';
}

static bool is_known_abbreviation(const sd_folded *f, const tok_info *w)
{
    size_t n = w->t.end - w->t.start;
    for (size_t k = 0; k < COUNT(known_abbreviations); k++)
        if (strlen(known_abbreviations[k]) == n &&
            memcmp(known_abbreviations[k], f->s + w->t.start, n) == 0)
            return true;
    return false;
}

/* Is the single '.' token at k the dot of an abbreviation (م. ق.م. ه.ش. ج.ا.ا. dr.)?
 * One-letter words before a dot are abbreviations; two-letter ones only inside a dotted chain,
 * because "شد." ends a great many Persian sentences. */
static bool dot_is_abbreviation(const sd_folded *f, const tok_info *v, size_t n, size_t k)
{
    if (k == 0)
        return false;
    const tok_info *w = &v[k - 1];
    if (w->t.kind != SD_TOK_WORD || w->t.end != v[k].t.start)
        return false;
    if (is_known_abbreviation(f, w))
        return true;
    bool glued_to_word = k >= 2 && v[k - 2].t.kind == SD_TOK_WORD && v[k - 2].t.end == w->t.start;
    if (glued_to_word)
        return false;  /* the tail of a script-split word, not a standalone letter */
    if (w->letters == 1)
        return true;
    if (w->letters != 2)
        return false;
    bool dot_before = k >= 2 && is_single_dot(f, &v[k - 2]) && v[k - 2].t.end == w->t.start;
    bool short_after = k + 1 < n && v[k + 1].t.kind == SD_TOK_WORD &&
                       v[k + 1].t.start == v[k].t.end && v[k + 1].letters <= 2;
    return dot_before || short_after;
}

/* Does the ender at k, with its closers up to j, really end the sentence? */
static bool ender_breaks(const sd_folded *f, const tok_info *v, size_t n, size_t k, size_t j)
{
    size_t e = v[j].t.end;
    /* Never cut inside the expansion of one source code point (⒈ → "1."): the sentence
     * must map back to whole original characters. */
    if (f->src_start != NULL && e < f->len && e > 0 && f->src_start[e] == f->src_start[e - 1])
        return false;
    if (f->s[v[k].t.start] != '.')
        return true;
    if (is_single_dot(f, &v[k]) && dot_is_abbreviation(f, v, n, k))
        return false;
    /* A dot glued to Latin letters or digits is a domain name or an abbreviation (trt.net,
     * e.g.); glued to a Persian letter it is a missing space ("شد.این"), so it breaks. */
    if (e < f->len) {
        uint32_t c = cp_at(f, e, NULL);
        if (c < 0x80u && (is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return false;
    }
    return true;
}

static bool is_ender(const sd_folded *f, const tok_info *t)
{
    (void)f;
    return t->t.kind == SD_TOK_PUNCT &&
           in_list(t->first_cp, sentence_enders, COUNT(sentence_enders));
}

/* How far the closers and further enders glued to the ender at k reach (index of the last). */
static size_t absorb_closers(const sd_folded *f, const tok_info *v, size_t n, size_t k)
{
    size_t j = k;
    while (j + 1 < n) {
        const tok_info *c = &v[j + 1];
        if (c->newline_before || c->t.start != v[j].t.end || c->t.kind != SD_TOK_PUNCT)
            break;
        if (in_list(c->first_cp, sentence_closers, COUNT(sentence_closers)) || is_ender(f, c)) {
            j++;
            continue;
        }
        if (in_list(c->first_cp, ambiguous_quotes, COUNT(ambiguous_quotes))) {
            if (c->t.end < f->len) {
                uint32_t after = cp_at(f, c->t.end, NULL);
                if (is_word_char(after) || is_digit(after))
                    break;  /* it opens the next quotation */
            }
            j++;
            continue;
        }
        break;
    }
    return j;
}

typedef struct sent_vec {
    sd_sentence *v;
    size_t n, cap;
} sent_vec;

static int sent_push(sent_vec *sv, const tok_info *toks, size_t first, size_t end)
{
    if (end <= first)
        return 0;
    if (sv->n == sv->cap) {
        size_t cap = sv->cap ? sv->cap * 2 : 32;
        if (cap > SIZE_MAX / sizeof *sv->v)
            return -1;
        sd_sentence *v = realloc(sv->v, cap * sizeof *v);
        if (v == NULL)
            return -1;
        sv->v = v;
        sv->cap = cap;
    }
    sd_sentence *s = &sv->v[sv->n++];
    s->start = toks[first].t.start;
    s->end = toks[end - 1].t.end;
    s->first_token = first;
    s->ntokens = end - first;
    return 0;
}

static int split_sentences(const sd_folded *f, const tok_info *v, size_t n, sent_vec *sv)
{
    size_t first = 0;
    for (size_t k = 0; k < n; k++) {
        if (v[k].newline_before && k > first) {
            if (sent_push(sv, v, first, k) != 0)
                return -1;
            first = k;
        }
        if (!is_ender(f, &v[k]))
            continue;
        size_t j = absorb_closers(f, v, n, k);
        if (ender_breaks(f, v, n, k, j)) {
            if (sent_push(sv, v, first, j + 1) != 0)
                return -1;
            first = j + 1;
            k = j;
        }
    }
    return sent_push(sv, v, first, n);
}

int sd_segment(const sd_folded *f, sd_segments *out, sd_error *err)
{
    if (out == NULL || f == NULL || (f->s == NULL && f->len > 0))
        return sd_error_set(err, SD_EUSAGE, "sd_segment: no folded text or no output");
    memset(out, 0, sizeof *out);
    pthread_once(&class_once, class_init);
    tok_vec tv = {0};
    sent_vec sv = {0};
    if (tokenize(f, &tv) != 0 || split_sentences(f, tv.v, tv.n, &sv) != 0) {
        free(tv.v);
        free(sv.v);
        return sd_error_set(err, SD_ENOMEM, "out of memory segmenting %zu bytes", f->len);
    }
    sd_token *toks = NULL;
    if (tv.n > 0) {
        toks = malloc(tv.n * sizeof *toks);
        if (toks == NULL) {
            free(tv.v);
            free(sv.v);
            return sd_error_set(err, SD_ENOMEM, "out of memory segmenting %zu bytes", f->len);
        }
    }
    for (size_t s = 0; s < sv.n; s++)
        for (size_t k = 0; k < sv.v[s].ntokens; k++)
            tv.v[sv.v[s].first_token + k].t.sentence = s;
    for (size_t k = 0; k < tv.n; k++)
        toks[k] = tv.v[k].t;
    free(tv.v);
    out->tokens = toks;
    out->ntokens = tv.n;
    out->sentences = sv.v;
    out->nsentences = sv.n;
    return SD_OK;
}

void sd_segments_free(sd_segments *seg)
{
    if (seg == NULL)
        return;
    free(seg->tokens);
    free(seg->sentences);
    memset(seg, 0, sizeof *seg);
}
