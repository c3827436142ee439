/* text: fold a document for matching while keeping an exact map back to the original bytes.
 *
 * One pass over the original UTF-8 (never a NUL-terminated API: documents may contain NUL).
 * For each code point: NFKC compatibility decomposition (ICU), then the rule table of
 * text_fold_table.c on every code point it decomposes into; composition is not needed because
 * the table folds composed and decomposed forms to the same letter. The order matters: NFKC turns
 * the presentation forms FEF1..FEF4 into Arabic yeh U+064A, which the table then folds to
 * Persian yeh; the other order would leave Arabic yeh in the text. */
#include "text.h"

#include "text_fold_table.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

/* Longest NFKC decomposition of one code point is 18 (U+FDFA); leave room. */
#define FOLD_MAX 64

/* Code points below this have their fold precomputed: ASCII, Latin, Greek, Cyrillic and the
 * whole Arabic block, which is nearly all of a Persian news article. */
#define FOLD_CACHE_LIMIT 0x0800u

typedef struct fold_cache_entry {
    uint8_t n;         /* code points in out */
    uint8_t uncached;  /* 1: the result does not fit, take the slow path */
    uint8_t plain;     /* 1: no space or LF in the result: sd_fold may copy utf8 as is */
    uint8_t nbytes;    /* bytes in utf8 */
    uint16_t out[4];
    char utf8[12];     /* the result, encoded */
} fold_cache_entry;

static pthread_once_t fold_once = PTHREAD_ONCE_INIT;
static const UNormalizer2 *fold_nfkc;  /* ICU's cached singleton; NULL when ICU data is missing */
static fold_cache_entry fold_cache[FOLD_CACHE_LIMIT];

/* Apply the table to one code point (already NFKC-decomposed); returns 0 or 1 outputs. */
static size_t apply_rule(uint32_t cp, uint32_t *out)
{
    const sd_fold_rule *r = sd_fold_rule_find(cp);
    if (r == NULL) {
        *out = cp;
        return 1;
    }
    switch (r->action) {
    case SD_FOLD_MAP:
        *out = r->to;
        return 1;
    case SD_FOLD_SHIFT:
        *out = r->to + (cp - r->first);
        return 1;
    case SD_FOLD_DELETE:
    default:
        return 0;
    }
}

/* The full per-code-point fold without the cache; out has room for FOLD_MAX code points. */
static size_t fold_cp_slow(uint32_t cp, uint32_t *out)
{
    if (cp > 0x10FFFFu || (cp >= 0xD800u && cp <= 0xDFFFu))
        cp = 0xFFFDu;
    uint32_t dec[FOLD_MAX];
    size_t nd = 0;
    if (cp >= 0x80u && fold_nfkc != NULL) {
        UChar buf[FOLD_MAX];
        UErrorCode e = U_ZERO_ERROR;
        int32_t n = unorm2_getDecomposition(fold_nfkc, (UChar32)cp, buf, FOLD_MAX, &e);
        if (U_SUCCESS(e) && n > 0) {
            int32_t k = 0;
            while (k < n && nd < FOLD_MAX) {
                UChar32 c;
                U16_NEXT(buf, k, n, c);
                dec[nd++] = (uint32_t)c;
            }
        }
    }
    if (nd == 0)
        dec[nd++] = cp;

    size_t nout = 0;
    for (size_t k = 0; k < nd; k++)
        nout += apply_rule(dec[k], &out[nout]);
    /* A spacing clone of an Arabic mark (U+FE70 → space + fathatan) whose mark the table
     * deletes would leave a bare space inside a word: delete the whole character instead. */
    if (nd > 1 && dec[0] == ' ' && nout == 1 && out[0] == ' ')
        nout = 0;
    return nout;
}

static void fold_init(void)
{
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFKCInstance(&e);
    fold_nfkc = U_SUCCESS(e) ? n : NULL;
    for (uint32_t cp = 0; cp < FOLD_CACHE_LIMIT; cp++) {
        uint32_t out[FOLD_MAX];
        size_t k = fold_cp_slow(cp, out);
        fold_cache_entry *c = &fold_cache[cp];
        if (k > 4) {
            c->uncached = 1;
            continue;
        }
        c->plain = 1;
        for (size_t j = 0; j < k && !c->uncached; j++) {
            if (out[j] > 0xFFFFu) {
                c->uncached = 1;
                break;
            }
            c->out[j] = (uint16_t)out[j];
            if (out[j] == ' ' || out[j] == '\n')
                c->plain = 0;
            c->nbytes = (uint8_t)(c->nbytes + sd_utf8_encode(out[j], c->utf8 + c->nbytes));
        }
        c->n = (uint8_t)k;
    }
}

static void fold_ensure_init(void)
{
    pthread_once(&fold_once, fold_init);
}

/* Fold one code point into out (room for FOLD_MAX); the cache answers the common ones. */
static size_t fold_cp(uint32_t cp, uint32_t *out)
{
    if (cp < FOLD_CACHE_LIMIT && !fold_cache[cp].uncached) {
        const fold_cache_entry *c = &fold_cache[cp];
        for (size_t j = 0; j < c->n; j++)
            out[j] = c->out[j];
        return c->n;
    }
    return fold_cp_slow(cp, out);
}

int sd_fold_codepoint(uint32_t cp, uint32_t out[4])
{
    fold_ensure_init();
    uint32_t tmp[FOLD_MAX];
    size_t n = fold_cp(cp, tmp);
    if (n > 4)
        n = 4;  /* the contract's limit; only ligatures such as U+FDFA are longer */
    for (size_t j = 0; j < n; j++)
        out[j] = tmp[j];
    return (int)n;
}

/* ---- UTF-8 ---- */

int32_t sd_utf8_decode(const char *s, size_t len, size_t *i)
{
    if (s == NULL || *i >= len)
        return -1;
    const unsigned char *p = (const unsigned char *)s + *i;
    size_t avail = len - *i;
    unsigned b0 = p[0];
    if (b0 < 0x80u) {
        (*i)++;
        return (int32_t)b0;
    }
    size_t need;
    uint32_t cp;
    unsigned lo = 0x80u, hi = 0xBFu;  /* allowed range of the second byte */
    if (b0 < 0xC2u) {
        (*i)++;  /* continuation byte or overlong lead C0/C1 */
        return -1;
    } else if (b0 < 0xE0u) {
        need = 1;
        cp = b0 & 0x1Fu;
    } else if (b0 < 0xF0u) {
        need = 2;
        cp = b0 & 0x0Fu;
        if (b0 == 0xE0u)
            lo = 0xA0u;  /* overlong */
        else if (b0 == 0xEDu)
            hi = 0x9Fu;  /* surrogates */
    } else if (b0 < 0xF5u) {
        need = 3;
        cp = b0 & 0x07u;
        if (b0 == 0xF0u)
            lo = 0x90u;  /* overlong */
        else if (b0 == 0xF4u)
            hi = 0x8Fu;  /* above U+10FFFF */
    } else {
        (*i)++;
        return -1;
    }
    if (avail < need + 1) {
        (*i)++;
        return -1;
    }
    for (size_t k = 1; k <= need; k++) {
        unsigned b = p[k];
        unsigned blo = k == 1 ? lo : 0x80u, bhi = k == 1 ? hi : 0xBFu;
        if (b < blo || b > bhi) {
            (*i)++;
            return -1;
        }
        cp = (cp << 6) | (b & 0x3Fu);
    }
    *i += need + 1;
    return (int32_t)cp;
}

int sd_utf8_encode(uint32_t cp, char out[4])
{
    if (cp > 0x10FFFFu || (cp >= 0xD800u && cp <= 0xDFFFu))
        cp = 0xFFFDu;
    if (cp < 0x80u) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800u) {
        out[0] = (char)(0xC0u | (cp >> 6));
        out[1] = (char)(0x80u | (cp & 0x3Fu));
        return 2;
    }
    if (cp < 0x10000u) {
        out[0] = (char)(0xE0u | (cp >> 12));
        out[1] = (char)(0x80u | ((cp >> 6) & 0x3Fu));
        out[2] = (char)(0x80u | (cp & 0x3Fu));
        return 3;
    }
    out[0] = (char)(0xF0u | (cp >> 18));
    out[1] = (char)(0x80u | ((cp >> 12) & 0x3Fu));
    out[2] = (char)(0x80u | ((cp >> 6) & 0x3Fu));
    out[3] = (char)(0x80u | (cp & 0x3Fu));
    return 4;
}

/* ---- character classes ---- */

bool sd_is_letter(uint32_t cp)
{
    if (cp < 0x80u)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp > 0x10FFFFu)
        return false;
    int8_t t = u_charType((UChar32)cp);
    return u_isalpha((UChar32)cp) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK;
}

bool sd_is_space(uint32_t cp)
{
    if (cp == ' ' || cp == '\n')
        return true;
    return cp <= 0x10FFFFu && u_isUWhiteSpace((UChar32)cp);
}

/* ---- the folded buffer ---- */

typedef struct fold_buf {
    char *s;
    size_t *b0, *b1;
    size_t len, cap;
} fold_buf;

static int fb_reserve(fold_buf *b, size_t extra)
{
    if (b->cap - b->len >= extra)
        return 0;
    size_t want = b->cap < 64 ? 64 : b->cap;
    while (want - b->len < extra) {
        if (want > SIZE_MAX / 2 / sizeof(size_t))
            return -1;
        want *= 2;
    }
    char *s = realloc(b->s, want + 1);
    if (s == NULL)
        return -1;
    b->s = s;
    size_t *b0 = realloc(b->b0, want * sizeof *b0);
    if (b0 == NULL)
        return -1;
    b->b0 = b0;
    size_t *b1 = realloc(b->b1, want * sizeof *b1);
    if (b1 == NULL)
        return -1;
    b->b1 = b1;
    b->cap = want;
    return 0;
}

/* Append one folded code point whose source is [st, en). Spaces collapse: none at the start
 * of a line, none doubled, none before a newline. */
static int fb_emit(fold_buf *b, uint32_t cp, size_t st, size_t en)
{
    char last = b->len > 0 ? b->s[b->len - 1] : '\n';
    if (cp == ' ' && (last == ' ' || last == '\n'))
        return 0;
    if (cp == '\n' && last == ' ')
        b->len--;
    char enc[4];
    int n = sd_utf8_encode(cp, enc);
    if (fb_reserve(b, (size_t)n) != 0)
        return -1;
    for (int k = 0; k < n; k++) {
        b->s[b->len] = enc[k];
        b->b0[b->len] = st;
        b->b1[b->len] = en;
        b->len++;
    }
    return 0;
}

static void fb_free(fold_buf *b)
{
    free(b->s);
    free(b->b0);
    free(b->b1);
    memset(b, 0, sizeof *b);
}

int sd_fold(const char *src, size_t len, sd_folded *out, sd_error *err)
{
    if (out == NULL || (src == NULL && len > 0))
        return sd_error_set(err, SD_EUSAGE, "sd_fold: no input buffer or no output");
    memset(out, 0, sizeof *out);
    fold_ensure_init();
    if (fold_nfkc == NULL)
        return sd_error_set(err, SD_EINVAL, "ICU NFKC normalization data is not available");

    fold_buf b = {0};
    /* Folding rarely grows text (deletions and collapsed spaces shrink it); start at len. */
    if (fb_reserve(&b, len + 1) != 0) {
        fb_free(&b);
        return sd_error_set(err, SD_ENOMEM, "out of memory folding %zu bytes", len);
    }
    size_t i = 0;
    while (i < len) {
        size_t st = i;
        unsigned char c = (unsigned char)src[i];
        /* Fast path: ASCII and two-byte code points (Arabic block) with a cached plain result. */
        uint32_t fast = FOLD_CACHE_LIMIT;
        size_t fast_end = i + 1;
        if (c < 0x80u && c != '\r') {
            fast = c;
        } else if (c >= 0xC2u && c < 0xE0u && i + 1 < len &&
                   ((unsigned char)src[i + 1] & 0xC0u) == 0x80u) {
            fast = ((uint32_t)(c & 0x1Fu) << 6) | ((unsigned char)src[i + 1] & 0x3Fu);
            fast_end = i + 2;
        }
        if (fast < FOLD_CACHE_LIMIT && fold_cache[fast].plain && !fold_cache[fast].uncached) {
            const fold_cache_entry *e = &fold_cache[fast];
            if (fb_reserve(&b, e->nbytes) != 0) {
                fb_free(&b);
                return sd_error_set(err, SD_ENOMEM, "out of memory folding %zu bytes", len);
            }
            for (size_t k = 0; k < e->nbytes; k++) {
                b.s[b.len + k] = e->utf8[k];
                b.b0[b.len + k] = st;
                b.b1[b.len + k] = fast_end;
            }
            b.len += e->nbytes;
            i = fast_end;
            continue;
        }
        uint32_t folded[FOLD_MAX];
        size_t n;
        if (c < 0x80u) {
            i++;
            if (c == '\r' && i < len && src[i] == '\n')
                i++;  /* CRLF: one LF whose span covers both bytes */
            n = fold_cp(c, folded);
        } else {
            int32_t cp = sd_utf8_decode(src, len, &i);
            n = fold_cp(cp < 0 ? 0xFFFDu : (uint32_t)cp, folded);
        }
        for (size_t k = 0; k < n; k++) {
            if (fb_emit(&b, folded[k], st, i) != 0) {
                fb_free(&b);
                return sd_error_set(err, SD_ENOMEM, "out of memory folding %zu bytes", len);
            }
        }
    }
    if (b.len > 0 && b.s[b.len - 1] == ' ')
        b.len--;
    b.s[b.len] = '\0';
    out->s = b.s;
    out->len = b.len;
    out->src_start = b.b0;
    out->src_end = b.b1;
    out->src_len = len;
    return SD_OK;
}

void sd_folded_free(sd_folded *f)
{
    if (f == NULL)
        return;
    free(f->s);
    free(f->src_start);
    free(f->src_end);
    memset(f, 0, sizeof *f);
}

void sd_folded_span_to_source(const sd_folded *f, size_t fstart, size_t fend,
                              size_t *ostart, size_t *oend)
{
    size_t a = 0, z = 0;
    if (f != NULL && f->len > 0 && f->src_start != NULL && f->src_end != NULL) {
        if (fstart > f->len)
            fstart = f->len;
        if (fend > f->len)
            fend = f->len;
        if (fend < fstart)
            fend = fstart;
        if (fstart == fend) {
            a = z = fstart < f->len ? f->src_start[fstart] : f->src_end[f->len - 1];
        } else {
            a = f->src_start[fstart];
            z = f->src_end[fend - 1];
        }
    }
    if (ostart != NULL)
        *ostart = a;
    if (oend != NULL)
        *oend = z;
}

char *sd_fold_string(const char *s)
{
    if (s == NULL)
        return NULL;
    sd_folded f;
    if (sd_fold(s, strlen(s), &f, NULL) != SD_OK)
        return NULL;
    char *r = f.s;
    f.s = NULL;
    sd_folded_free(&f);
    return r;
}

char *sd_fold_key(const char *s)
{
    char *r = sd_fold_string(s);
    if (r == NULL)
        return NULL;
    size_t w = 0;
    for (size_t k = 0; r[k] != '\0'; k++)
        if (r[k] != ' ' && r[k] != '\n')
            r[w++] = r[k];
    r[w] = '\0';
    return r;
}
