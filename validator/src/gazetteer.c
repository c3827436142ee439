/* gazetteer: the model's entities found in folded text through two phrase tries.
 *
 * Payload of a key = entity index * 2 + (1 when the key came from a short alias), so one key
 * can carry several entities and the short/full distinction at once.
 *
 * Cost: sd_phrase_trie_match walks the text once per token start and descends one trie edge
 * per code point (a binary search among the children of one node), so the cost per character
 * of input depends on the text and the alphabet, never on the number of aliases. */
#include "gazetteer.h"

#include "phrase.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Aliases shorter than this (in letters) get no loose variants: short words collide. */
#define LOOSE_MIN_LETTERS 5
/* A word of an alias may lose its final ی in the loose trie only if it is at least this long. */
#define FINAL_YEH_MIN_LETTERS 5
/* At most this many words per alias get the optional final ی (2^n variants). */
#define FINAL_YEH_MAX_WORDS 4

#define CP_YEH 0x06CCu

struct sd_gazetteer {
    const sd_model *model;
    sd_phrase_trie *exact;
    sd_phrase_trie *loose;
};

/* Transliteration variants (Russian/Turkic names written in Persian): letters that sound
 * alike in Persian fold to one representative; ع and ء are dropped (0). گ joins غ/ق because
 * a Russian or Kazakh "г" is written with any of the three (تاسماگامبتوف / تاسماقامبتوف). */
static const struct {
    uint32_t from, to;
} loose_table[] = {
    {0x063A, 0x0642},   /* غ → ق */
    {0x06AF, 0x0642},   /* گ → ق */
    {0x062B, 0x0633},   /* ث → س */
    {0x0635, 0x0633},   /* ص → س */
    {0x0630, 0x0632},   /* ذ → ز */
    {0x0636, 0x0632},   /* ض → ز */
    {0x0638, 0x0632},   /* ظ → ز */
    {0x0637, 0x062A},   /* ط → ت */
    {0x062D, 0x0647},   /* ح → ه */
    {0x0639, 0},        /* ع deleted */
    {0x0621, 0},        /* ء deleted */
};

static uint32_t loose_map(uint32_t cp)
{
    for (size_t i = 0; i < sizeof loose_table / sizeof loose_table[0]; i++)
        if (loose_table[i].from == cp)
            return loose_table[i].to;
    return cp;
}

static size_t count_letters(const char *s, size_t len)
{
    size_t i = 0, n = 0;
    while (i < len) {
        int32_t cp = sd_utf8_decode(s, len, &i);
        if (cp >= 0 && sd_is_letter((uint32_t)cp))
            n++;
    }
    return n;
}

/* Cyrillic capitals to lower case (the fold lowers ASCII only), so "ОДКБ" and "одкб" both
 * match. Returns a heap copy, or NULL on allocation failure. */
static char *lower_cyrillic(const char *s)
{
    size_t len = strlen(s), i = 0, o = 0;
    char *out = malloc(len * 4 + 1);
    if (out == NULL)
        return NULL;
    while (i < len) {
        int32_t cp = sd_utf8_decode(s, len, &i);
        if (cp < 0)
            continue;
        uint32_t c = (uint32_t)cp;
        if (c >= 0x0410 && c <= 0x042F)
            c += 0x20;
        else if (c >= 0x0400 && c <= 0x040F)
            c += 0x50;
        o += (size_t)sd_utf8_encode(c, out + o);
    }
    out[o] = '\0';
    return out;
}

/* Add the loose variants of one folded alias (words separated by single spaces): every
 * combination of dropping the final ی of its long words, each through loose_map and the
 * collapsing of doubled letters. */
static int add_loose(sd_phrase_trie *t, const char *folded, int payload)
{
    size_t len = strlen(folded);
    size_t yeh_at[FINAL_YEH_MAX_WORDS];     /* byte offset of each optional final ی */
    size_t nyeh = 0, wstart = 0;
    for (size_t i = 0; i <= len && nyeh < FINAL_YEH_MAX_WORDS; i++) {
        if (i < len && folded[i] != ' ')
            continue;
        /* word [wstart, i) */
        if (i - wstart >= 2 && count_letters(folded + wstart, i - wstart) >= FINAL_YEH_MIN_LETTERS) {
            size_t last = i - 2;    /* ی is two bytes in UTF-8 */
            size_t k = last;
            int32_t cp = sd_utf8_decode(folded, len, &k);
            if (cp == (int32_t)CP_YEH && k == i)
                yeh_at[nyeh++] = last;
        }
        wstart = i + 1;
    }
    char *buf = malloc(len + 1);
    if (buf == NULL)
        return SD_ENOMEM;
    int rc = SD_OK;
    for (unsigned mask = 0; mask < (1u << nyeh) && rc == SD_OK; mask++) {
        size_t o = 0;
        for (size_t i = 0; i < len; i++) {
            bool skip = false;
            for (size_t w = 0; w < nyeh; w++)
                if ((mask & (1u << w)) && (i == yeh_at[w] || i == yeh_at[w] + 1))
                    skip = true;
            if (!skip)
                buf[o++] = folded[i];
        }
        buf[o] = '\0';
        char *key = sd_phrase_loose_key(buf, loose_map, true);
        if (key == NULL) {
            rc = SD_ENOMEM;
            break;
        }
        if (key[0] != '\0')
            rc = sd_phrase_trie_add(t, key, payload);
        free(key);
    }
    free(buf);
    return rc;
}

/* Add one folded alias (words separated by single spaces): the exact key is the alias
 * without spaces (as sd_fold_key makes it); long aliases also get their loose variants. */
static int add_folded(sd_gazetteer *g, const char *folded, int payload)
{
    size_t len = strlen(folded), o = 0;
    char *key = malloc(len + 1);
    if (key == NULL)
        return SD_ENOMEM;
    for (size_t i = 0; i < len; i++)
        if (folded[i] != ' ')
            key[o++] = folded[i];
    key[o] = '\0';
    int rc = SD_OK;
    if (o > 0) {
        rc = sd_phrase_trie_add(g->exact, key, payload);
        if (rc == SD_OK && count_letters(key, o) >= LOOSE_MIN_LETTERS)
            rc = add_loose(g->loose, folded, payload);
    }
    free(key);
    return rc;
}

/* One alias as written in the model, plus its Cyrillic lower-case form when that differs
 * (the fold lowers ASCII only, so "CSTO" is covered already). */
static int add_alias(sd_gazetteer *g, const char *alias, int payload)
{
    if (alias == NULL)
        return SD_OK;
    char *folded = sd_fold_string(alias);
    if (folded == NULL)
        return SD_ENOMEM;
    int rc = add_folded(g, folded, payload);
    if (rc == SD_OK) {
        char *low = lower_cyrillic(folded);
        if (low == NULL)
            rc = SD_ENOMEM;
        else if (strcmp(low, folded) != 0)
            rc = add_folded(g, low, payload);
        free(low);
    }
    free(folded);
    return rc;
}

/* Every name of one entity. English and Russian names go in as well (lower-cased), so
 * "CSTO" or "ОДКБ" in a Persian article is found. */
static int add_entity(sd_gazetteer *g, const sd_entity *e, size_t idx)
{
    int full = (int)(idx * 2), shrt = (int)(idx * 2 + 1);
    int rc = add_alias(g, e->name_fa, full);
    for (size_t i = 0; rc == SD_OK && i < e->naliases; i++)
        rc = add_alias(g, e->aliases[i], full);
    for (size_t i = 0; rc == SD_OK && i < e->nshort_aliases; i++)
        rc = add_alias(g, e->short_aliases[i], shrt);
    if (rc == SD_OK)
        rc = add_alias(g, e->name_en, full);
    if (rc == SD_OK)
        rc = add_alias(g, e->name_ru, full);
    return rc;
}

int sd_gazetteer_build(sd_gazetteer **out, const sd_model *m, sd_error *err)
{
    if (out == NULL || m == NULL)
        return sd_error_set(err, SD_EINVAL, "gazetteer: no model given");
    *out = NULL;
    size_t n = sd_model_entity_count(m);
    if (n > (size_t)(INT32_MAX / 2 - 1))
        return sd_error_set(err, SD_ELIMIT, "gazetteer: too many entities (%zu)", n);
    sd_gazetteer *g = calloc(1, sizeof *g);
    if (g == NULL)
        return sd_error_set(err, SD_ENOMEM, "gazetteer: out of memory");
    g->model = m;
    g->exact = sd_phrase_trie_new();
    g->loose = sd_phrase_trie_new();
    int rc = (g->exact != NULL && g->loose != NULL) ? SD_OK : SD_ENOMEM;
    for (size_t i = 0; rc == SD_OK && i < n; i++) {
        const sd_entity *e = sd_model_entity(m, i);
        if (e != NULL)
            rc = add_entity(g, e, i);
    }
    if (rc != SD_OK) {
        sd_gazetteer_free(g);
        return sd_error_set(err, rc, "gazetteer: %s while compiling the aliases",
                            rc == SD_ENOMEM ? "out of memory" : "an invalid alias");
    }
    *out = g;
    return SD_OK;
}

void sd_gazetteer_free(sd_gazetteer *g)
{
    if (g == NULL)
        return;
    sd_phrase_trie_free(g->exact);
    sd_phrase_trie_free(g->loose);
    free(g);
}

size_t sd_gazetteer_alias_count(const sd_gazetteer *g)
{
    return g != NULL ? sd_phrase_trie_key_count(g->exact) : 0;
}

void sd_mention_list_free(sd_mention_list *l)
{
    if (l == NULL)
        return;
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i].candidates);
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

typedef struct match {
    size_t end;             /* 0 when there is none */
    const int *payloads;
    size_t npayloads;
    bool loose;
} match;

/* The entities a match may name in this document: a short-only payload counts only when the
 * entity had a full mention before. Fills ents (sorted by index, so candidate order never
 * depends on the order aliases were added) and whether any of them was matched through a full
 * alias; returns how many. */
static size_t resolve(const match *mt, const bool *seen_full, size_t nent, size_t *ents,
                      bool *any_full)
{
    size_t k = 0;
    *any_full = false;
    for (size_t i = 0; i < mt->npayloads; i++) {
        int p = mt->payloads[i];
        if (p < 0 || (size_t)(p / 2) >= nent)
            continue;
        size_t e = (size_t)(p / 2);
        bool full = (p & 1) == 0;
        if (!full && !seen_full[e])
            continue;
        if (full)
            *any_full = true;
        size_t j = 0;
        while (j < k && ents[j] != e)
            j++;
        if (j < k)
            continue;
        /* insertion keeps ents sorted */
        j = k++;
        while (j > 0 && ents[j - 1] > e) {
            ents[j] = ents[j - 1];
            j--;
        }
        ents[j] = e;
    }
    return k;
}

static int push_mention(sd_mention_list *out, size_t *cap, const sd_mention *m)
{
    if (out->n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        sd_mention *items = realloc(out->items, nc * sizeof *items);
        if (items == NULL)
            return SD_ENOMEM;
        out->items = items;
        *cap = nc;
    }
    out->items[out->n++] = *m;
    return SD_OK;
}

/* The first mapped code point of token t in loose form (0 when the token maps to nothing),
 * and whether the token's loose form is that single code point (possibly doubled). */
static uint32_t loose_token(const sd_folded *f, const sd_token *tok, bool *single)
{
    uint32_t first = 0;
    *single = true;
    size_t i = tok->start, end = tok->end < f->len ? tok->end : f->len;
    while (i < end) {
        int32_t cp = sd_utf8_decode(f->s, end, &i);
        uint32_t c = cp < 0 ? 0xFFFD : loose_map((uint32_t)cp);
        if (c == 0)
            continue;
        if (first == 0)
            first = c;
        else if (c != first)
            *single = false;
    }
    return first;
}

/* Collapsing doubled letters also works across the space between two words, so "و والری"
 * would loosely read as "والری". A loose match may not start at a token that vanishes that
 * way (or maps to nothing at all): the match belongs to the next token. */
static bool loose_start_vanishes(const sd_folded *f, const sd_segments *seg, size_t t)
{
    bool single = false, next_single = false;
    uint32_t c = loose_token(f, &seg->tokens[t], &single);
    if (c == 0)
        return true;
    if (!single || t + 1 >= seg->ntokens || seg->tokens[t + 1].kind == SD_TOK_PUNCT)
        return false;
    return loose_token(f, &seg->tokens[t + 1], &next_single) == c;
}

/* Mentions are reported left to right; a match starts at a word or number token not covered
 * by an earlier mention. At one start the longest of the exact and the loose match wins, the
 * exact one on a tie; when the preferred match names nothing in this document (a short alias
 * before any full mention) the other one is tried, and if neither does the start is skipped.
 * ncandidates is 0 for a resolved mention. */
int sd_gazetteer_find(const sd_gazetteer *g, const sd_folded *f, const sd_segments *seg,
                      sd_mention_list *out, sd_error *err)
{
    if (out == NULL)
        return sd_error_set(err, SD_EINVAL, "gazetteer: no output list");
    out->items = NULL;
    out->n = 0;
    if (g == NULL || f == NULL || seg == NULL || (f->s == NULL && f->len > 0) ||
        (seg->tokens == NULL && seg->ntokens > 0))
        return sd_error_set(err, SD_EINVAL, "gazetteer: missing gazetteer, text or segments");
    size_t nent = sd_model_entity_count(g->model);
    bool *seen_full = calloc(nent + 1, sizeof *seen_full);
    size_t *ents = calloc(nent + 1, sizeof *ents);
    if (seen_full == NULL || ents == NULL) {
        free(seen_full);
        free(ents);
        return sd_error_set(err, SD_ENOMEM, "gazetteer: out of memory");
    }
    size_t cap = 0, covered = 0;
    int rc = SD_OK;
    for (size_t t = 0; t < seg->ntokens && rc == SD_OK; t++) {
        const sd_token *tok = &seg->tokens[t];
        if (tok->kind == SD_TOK_PUNCT || tok->start < covered || tok->start >= f->len)
            continue;
        match ex = {0}, lo = {0};
        ex.end = sd_phrase_trie_match(g->exact, f->s, f->len, tok->start, NULL, false,
                                      &ex.payloads, &ex.npayloads);
        if (!loose_start_vanishes(f, seg, t))
            lo.end = sd_phrase_trie_match(g->loose, f->s, f->len, tok->start, loose_map, true,
                                          &lo.payloads, &lo.npayloads);
        lo.loose = true;
        if (ex.end == 0 && lo.end == 0)
            continue;
        const match *order[2];
        size_t norder = 0;
        if (ex.end != 0 && ex.end >= lo.end) {
            order[norder++] = &ex;
            if (lo.end != 0)
                order[norder++] = &lo;
        } else {
            order[norder++] = &lo;
            if (ex.end != 0)
                order[norder++] = &ex;
        }
        for (size_t o = 0; o < norder; o++) {
            const match *mt = order[o];
            bool any_full = false;
            size_t k = resolve(mt, seen_full, nent, ents, &any_full);
            if (k == 0)
                continue;
            sd_mention m = {0};
            m.start = tok->start;
            m.end = mt->end;
            m.first_token = t;
            size_t j = t;
            while (j < seg->ntokens && seg->tokens[j].start < mt->end)
                j++;
            m.ntokens = j - t;
            m.loose = mt->loose;
            m.short_form = !any_full;
            if (k == 1) {
                m.entity = sd_model_entity(g->model, ents[0]);
                if (any_full)
                    seen_full[ents[0]] = true;
            } else {
                /* Ambiguous: report every candidate, never pick one. */
                m.candidates = malloc(k * sizeof *m.candidates);
                if (m.candidates == NULL) {
                    rc = SD_ENOMEM;
                    break;
                }
                for (size_t c = 0; c < k; c++)
                    m.candidates[c] = sd_model_entity(g->model, ents[c]);
                m.ncandidates = k;
            }
            rc = push_mention(out, &cap, &m);
            if (rc != SD_OK) {
                free(m.candidates);
                break;
            }
            covered = mt->end;
            break;
        }
    }
    free(seen_full);
    free(ents);
    if (rc != SD_OK) {
        sd_mention_list_free(out);
        return sd_error_set(err, rc, "gazetteer: out of memory");
    }
    return SD_OK;
}
