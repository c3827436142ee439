#include "phrase.h"

#include "error.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

typedef struct node node;
typedef struct edge {
    uint32_t cp;
    node *child;
} edge;

struct node {
    edge *edges;        /* sorted by cp */
    size_t nedges, cap;
    int *payloads;
    size_t npayloads;
};

struct sd_phrase_trie {
    node root;
    size_t nkeys;
};

sd_phrase_trie *sd_phrase_trie_new(void)
{
    return calloc(1, sizeof(sd_phrase_trie));
}

static void node_free(node *n)
{
    for (size_t i = 0; i < n->nedges; i++) {
        node_free(n->edges[i].child);
        free(n->edges[i].child);
    }
    free(n->edges);
    free(n->payloads);
}

void sd_phrase_trie_free(sd_phrase_trie *t)
{
    if (t == NULL)
        return;
    node_free(&t->root);
    free(t);
}

static node *find_child(const node *n, uint32_t cp)
{
    size_t lo = 0, hi = n->nedges;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (n->edges[mid].cp == cp)
            return n->edges[mid].child;
        if (n->edges[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static node *add_child(node *n, uint32_t cp)
{
    node *c = find_child(n, cp);
    if (c != NULL)
        return c;
    if (n->nedges == n->cap) {
        size_t cap = n->cap ? n->cap * 2 : 2;
        edge *e = realloc(n->edges, cap * sizeof *e);
        if (e == NULL)
            return NULL;
        n->edges = e;
        n->cap = cap;
    }
    c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    size_t i = n->nedges;
    while (i > 0 && n->edges[i - 1].cp > cp) {
        n->edges[i] = n->edges[i - 1];
        i--;
    }
    n->edges[i].cp = cp;
    n->edges[i].child = c;
    n->nedges++;
    return c;
}

int sd_phrase_trie_add(sd_phrase_trie *t, const char *key, int payload)
{
    if (t == NULL || key == NULL || key[0] == '\0')
        return SD_EINVAL;
    node *n = &t->root;
    size_t len = strlen(key), i = 0;
    while (i < len) {
        int32_t cp = sd_utf8_decode(key, len, &i);
        if (cp < 0)
            return SD_EINVAL;
        if (cp == ' ')
            continue;
        n = add_child(n, (uint32_t)cp);
        if (n == NULL)
            return SD_ENOMEM;
    }
    for (size_t k = 0; k < n->npayloads; k++)
        if (n->payloads[k] == payload)
            return SD_OK;
    int *p = realloc(n->payloads, (n->npayloads + 1) * sizeof *p);
    if (p == NULL)
        return SD_ENOMEM;
    if (n->npayloads == 0)
        t->nkeys++;
    n->payloads = p;
    n->payloads[n->npayloads++] = payload;
    return SD_OK;
}

size_t sd_phrase_trie_key_count(const sd_phrase_trie *t)
{
    return t != NULL ? t->nkeys : 0;
}

static bool boundary_at(const char *s, size_t len, size_t pos)
{
    if (pos >= len)
        return true;
    size_t i = pos;
    int32_t cp = sd_utf8_decode(s, len, &i);
    if (cp < 0)
        return true;
    return !(sd_is_letter((uint32_t)cp) || (cp >= '0' && cp <= '9'));
}

size_t sd_phrase_trie_match(const sd_phrase_trie *t, const char *s, size_t len, size_t pos,
                            sd_cp_map map, bool collapse_doubles,
                            const int **payloads, size_t *npayloads)
{
    const node *n = &t->root;
    size_t i = pos, best_end = 0;
    const node *best = NULL;
    uint32_t prev = 0;
    bool have_prev = false;
    while (i < len) {
        size_t at = i;
        int32_t cp = sd_utf8_decode(s, len, &i);
        if (cp < 0 || cp == '\n')
            break;
        if (cp == ' ') {
            /* A space is optional inside a phrase, never at its start. */
            if (at == pos)
                break;
            have_prev = false;  /* doubled letters collapse inside a word, not across words */
            continue;
        }
        uint32_t c = map != NULL ? map((uint32_t)cp) : (uint32_t)cp;
        if (c == 0)
            continue;   /* the map deletes this code point */
        if (collapse_doubles && have_prev && c == prev)
            goto check;
        n = find_child(n, c);
        if (n == NULL)
            break;
        prev = c;
        have_prev = true;
    check:
        if (n->npayloads > 0 && boundary_at(s, len, i)) {
            best = n;
            best_end = i;
        }
    }
    if (best == NULL)
        return 0;
    if (payloads != NULL)
        *payloads = best->payloads;
    if (npayloads != NULL)
        *npayloads = best->npayloads;
    return best_end;
}

char *sd_phrase_loose_key(const char *key, sd_cp_map map, bool collapse_doubles)
{
    size_t len = strlen(key), i = 0, o = 0;
    char *out = malloc(len * 4 + 1);
    if (out == NULL)
        return NULL;
    uint32_t prev = 0;
    bool have_prev = false;
    while (i < len) {
        int32_t cp = sd_utf8_decode(key, len, &i);
        if (cp < 0 || cp == ' ')
            continue;
        uint32_t c = map != NULL ? map((uint32_t)cp) : (uint32_t)cp;
        if (c == 0 || (collapse_doubles && have_prev && c == prev))
            continue;
        o += (size_t)sd_utf8_encode(c, out + o);
        prev = c;
        have_prev = true;
    }
    out[o] = '\0';
    return out;
}
