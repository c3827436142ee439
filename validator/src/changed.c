/* realpath is an XSI function */
#define _XOPEN_SOURCE 700

#include "changed.h"
#include "util.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* What names a document, as ingest classifies files met in folders (ingest.h). */
static const char *const DOC_SUFFIXES[] = { ".txt", ".md", ".jsonl" };
static const char *const NOT_DOCUMENTS[] = { "readme.md" };

/* git's C-style escapes, one row per escape letter. */
static const struct {
    char letter, byte;
} GIT_ESCAPES[] = {
    { 'a', '\a' }, { 'b', '\b' }, { 't', '\t' }, { 'n', '\n' }, { 'v', '\v' },
    { 'f', '\f' }, { 'r', '\r' }, { '"', '"' },  { '\\', '\\' },
};

static bool ends_with_ci(const char *s, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    if (m > n)
        return false;
    for (size_t i = 0; i < m; i++) {
        char a = s[n - m + i];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if (a != suffix[i])
            return false;
    }
    return true;
}

bool sd_changed_is_document_name(const char *path)
{
    if (path == NULL)
        return false;
    const char *base = strrchr(path, '/');
    base = base != NULL ? base + 1 : path;
    size_t n = strlen(base);
    for (size_t i = 0; i < sizeof NOT_DOCUMENTS / sizeof NOT_DOCUMENTS[0]; i++)
        if (n == strlen(NOT_DOCUMENTS[i]) && ends_with_ci(base, n, NOT_DOCUMENTS[i]))
            return false;
    for (size_t i = 0; i < sizeof DOC_SUFFIXES / sizeof DOC_SUFFIXES[0]; i++)
        if (n > strlen(DOC_SUFFIXES[i]) && ends_with_ci(base, n, DOC_SUFFIXES[i]))
            return true;
    return false;
}

char *sd_changed_canonical(const char *path)
{
    char *r = realpath(path, NULL);
    if (r != NULL)
        return r;
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    const char *slash = NULL;
    for (size_t i = n; i > 0; i--)
        if (path[i - 1] == '/') {
            slash = path + i - 1;
            break;
        }
    /* "." or "/" that cannot be resolved (the working folder was deleted): keep it */
    if (slash == NULL && n == 1 && path[0] == '.')
        return sd_strndup(path, n);
    if (slash == path && n == 1)
        return sd_strndup(path, n);
    char *parent = slash == NULL ? sd_strndup(".", 1) : sd_strndup(path, slash == path ? 1 : (size_t)(slash - path));
    if (parent == NULL)
        return NULL;
    char *pc = sd_changed_canonical(parent);
    free(parent);
    if (pc == NULL)
        return NULL;
    const char *base = slash == NULL ? path : slash + 1;
    size_t blen = (size_t)(path + n - base), plen = strlen(pc);
    bool sep = plen == 0 || pc[plen - 1] != '/';
    char *out = malloc(plen + (sep ? 1 : 0) + blen + 1);
    if (out != NULL) {
        memcpy(out, pc, plen);
        if (sep)
            out[plen++] = '/';
        memcpy(out + plen, base, blen);
        out[plen + blen] = '\0';
    }
    free(pc);
    return out;
}

/* Undo git's quoting of "..." into a new string; NULL when s is not a well-formed quoted path
 * (then the line is taken literally). */
static char *git_unquote(const char *s, size_t n)
{
    if (n < 2 || s[0] != '"' || s[n - 1] != '"')
        return NULL;
    char *out = malloc(n);
    if (out == NULL)
        return NULL;
    size_t o = 0;
    for (size_t i = 1; i + 1 < n; i++) {
        if (s[i] != '\\') {
            out[o++] = s[i];
            continue;
        }
        if (i + 2 >= n) {
            free(out);
            return NULL;
        }
        char e = s[++i];
        if (e >= '0' && e <= '3' && i + 3 < n && s[i + 1] >= '0' && s[i + 1] <= '7' &&
            s[i + 2] >= '0' && s[i + 2] <= '7') {
            out[o++] = (char)((e - '0') * 64 + (s[i + 1] - '0') * 8 + (s[i + 2] - '0'));
            i += 2;
            continue;
        }
        bool known = false;
        for (size_t k = 0; k < sizeof GIT_ESCAPES / sizeof GIT_ESCAPES[0]; k++)
            if (GIT_ESCAPES[k].letter == e) {
                out[o++] = GIT_ESCAPES[k].byte;
                known = true;
                break;
            }
        if (!known) {
            free(out);
            return NULL;
        }
    }
    out[o] = '\0';
    if (memchr(out, '\0', o) != NULL) {   /* an escaped NUL is no path */
        free(out);
        return NULL;
    }
    return out;
}

static int cmp_entries(const void *a, const void *b)
{
    return strcmp(((const sd_changed_entry *)a)->canon, ((const sd_changed_entry *)b)->canon);
}

static int add_entry(sd_changed *l, size_t *cap, char *path)
{
    if (!sd_changed_is_document_name(path)) {
        l->ignored++;
        free(path);
        return SD_OK;
    }
    if (l->n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        sd_changed_entry *g = realloc(l->items, nc * sizeof *g);
        if (g == NULL) {
            free(path);
            return SD_ENOMEM;
        }
        l->items = g;
        *cap = nc;
    }
    char *canon = sd_changed_canonical(path);
    if (canon == NULL) {
        free(path);
        return SD_ENOMEM;
    }
    struct stat st;
    l->items[l->n++] = (sd_changed_entry){ path, canon, stat(path, &st) == 0 };
    return SD_OK;
}

int sd_changed_parse(const char *buf, size_t len, sd_changed *out, sd_error *err)
{
    memset(out, 0, sizeof *out);
    size_t cap = 0;
    size_t i = 0;
    while (i < len) {
        const char *line = buf + i;
        const char *nl = memchr(line, '\n', len - i);
        size_t n = nl != NULL ? (size_t)(nl - line) : len - i;
        i += n + (nl != NULL ? 1 : 0);
        /* trim surrounding blanks and a CR; a path's own inner spaces stay */
        while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
            n--;
        while (n > 0 && (line[0] == ' ' || line[0] == '\t')) {
            line++;
            n--;
        }
        if (n == 0 || line[0] == '#' || memchr(line, '\0', n) != NULL)
            continue;
        char *path = line[0] == '"' ? git_unquote(line, n) : NULL;
        if (path == NULL)
            path = sd_strndup(line, n);
        if (path == NULL || add_entry(out, &cap, path) != SD_OK) {
            sd_changed_free(out);
            return sd_error_set(err, SD_ENOMEM, "out of memory");
        }
    }
    if (out->n > 1) {
        qsort(out->items, out->n, sizeof *out->items, cmp_entries);
        size_t w = 1;
        for (size_t r = 1; r < out->n; r++) {
            if (strcmp(out->items[r].canon, out->items[w - 1].canon) == 0) {
                free(out->items[r].path);
                free(out->items[r].canon);
            } else {
                out->items[w++] = out->items[r];
            }
        }
        out->n = w;
    }
    return SD_OK;
}

int sd_changed_load(const char *path, sd_changed *out, sd_error *err)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        sd_error_set(err, SD_EIO, "cannot read the changed-file list: %s", strerror(errno));
        sd_error_at(err, path, 0, 0, -1);
        return SD_EIO;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    int rc = buf != NULL ? SD_OK : SD_ENOMEM;
    while (rc == SD_OK) {
        if (n == cap) {
            if (cap >= SD_CHANGED_MAX_BYTES) {
                rc = SD_ELIMIT;
                break;
            }
            char *g = realloc(buf, cap * 2);
            if (g == NULL) {
                rc = SD_ENOMEM;
                break;
            }
            buf = g;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f))
                rc = SD_EIO;
            break;
        }
    }
    fclose(f);
    if (rc == SD_OK)
        rc = sd_changed_parse(buf, n, out, err);
    else if (rc == SD_ENOMEM)
        sd_error_set(err, rc, "out of memory");
    else {
        if (rc == SD_ELIMIT)
            sd_error_set(err, rc, "the changed-file list is larger than %zu bytes",
                         SD_CHANGED_MAX_BYTES);
        else
            sd_error_set(err, rc, "cannot read the changed-file list");
        sd_error_at(err, path, 0, 0, -1);
    }
    free(buf);
    return rc;
}

void sd_changed_free(sd_changed *l)
{
    if (l == NULL)
        return;
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].path);
        free(l->items[i].canon);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}

bool sd_changed_contains(const sd_changed *l, const char *canon)
{
    if (l == NULL || canon == NULL || l->n == 0)
        return false;
    sd_changed_entry key = { NULL, (char *)(uintptr_t)canon, false };
    return bsearch(&key, l->items, l->n, sizeof *l->items, cmp_entries) != NULL;
}

bool sd_changed_within_inputs(const char *canon, const char *const *inputs, size_t ninputs)
{
    bool in = false;
    for (size_t i = 0; i < ninputs && !in; i++) {
        if (inputs[i] == NULL || strcmp(inputs[i], "-") == 0)
            continue;
        char *ic = sd_changed_canonical(inputs[i]);
        if (ic == NULL)
            continue;
        size_t n = strlen(ic);
        in = strcmp(canon, ic) == 0 || (n == 1 && ic[0] == '/') ||
             (strncmp(canon, ic, n) == 0 && canon[n] == '/');
        free(ic);
    }
    return in;
}
