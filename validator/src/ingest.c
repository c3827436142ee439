/* ingest: inputs (files, folders, stdin, JSONL corpora) -> validated documents, one at a time.
 * See ingest.h for the contract. Nothing is dropped: every problem becomes a rejected document
 * whose reason names the file, the byte offset or JSONL line, and the cause. */
#include "ingest.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SD_DEFAULT_MAX_BYTES ((size_t)8 * 1024 * 1024)
#define SD_SIDECAR_MAX ((size_t)1024 * 1024)   /* metadata is small; anything bigger is a mistake */
#define SD_JSON_MAX_DEPTH 64                    /* nested values in ignored fields */
#define SD_WALK_MAX_DEPTH 128                   /* folder nesting */
/* A JSONL line may escape every byte of its text (\u0627 is 6 bytes for 2), plus metadata. */
#define SD_LINE_FACTOR 6
#define SD_LINE_SLACK ((size_t)64 * 1024)

/* ---------------------------------------------------------------- small helpers */

static char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = sd_vasprintf(fmt, ap);
    va_end(ap);
    return s;
}

static int oom(sd_error *err)
{
    return sd_error_set(err, SD_ENOMEM, "out of memory");
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash != NULL ? slash + 1 : path;
}

/* Length of path without its last extension (the dot must be inside the base name). */
static size_t stem_len(const char *path)
{
    const char *base = base_name(path);
    const char *dot = strrchr(base, '.');
    if (dot == NULL || dot == base)
        return strlen(path);
    return (size_t)(dot - path);
}

/* File name without its extension: "dir/000_x.txt" -> "000_x". */
static char *stem_of(const char *path)
{
    const char *base = base_name(path);
    size_t n = stem_len(path) - (size_t)(base - path);
    char *s = malloc(n + 1);
    if (s != NULL) {
        memcpy(s, base, n);
        s[n] = '\0';
    }
    return s;
}

static bool ends_with_ci(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    if (m > n)
        return false;
    for (size_t i = 0; i < m; i++) {
        unsigned char a = (unsigned char)s[n - m + i], b = (unsigned char)suffix[i];
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a - 'A' + 'a');
        if (a != b)
            return false;
    }
    return true;
}

/* What a file found in a folder is, by name. */
typedef enum file_kind { KIND_OTHER, KIND_ARTICLE, KIND_CORPUS, KIND_SIDECAR } file_kind;

static const struct kind_rule {
    const char *suffix;
    file_kind kind;
} KIND_RULES[] = {
    /* order matters: ".meta.json" before any plain ".json" rule */
    { ".meta.json", KIND_SIDECAR },
    { ".txt", KIND_ARTICLE },
    { ".md", KIND_ARTICLE },
    { ".jsonl", KIND_CORPUS },
};

static file_kind kind_of(const char *name)
{
    /* A folder's README describes the folder; it is not an article. */
    const char *base = strrchr(name, '/');
    base = base != NULL ? base + 1 : name;
    if (ends_with_ci(base, "readme.md") && strlen(base) == strlen("readme.md"))
        return KIND_OTHER;
    for (size_t i = 0; i < sizeof KIND_RULES / sizeof KIND_RULES[0]; i++)
        if (ends_with_ci(name, KIND_RULES[i].suffix))
            return KIND_RULES[i].kind;
    return KIND_OTHER;
}

/* ---------------------------------------------------------------- hashing and UTF-8 */

void sd_sha256_hex(const void *buf, size_t len, char out[65])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    if (EVP_Digest(buf != NULL ? buf : "", len, md, &mdlen, EVP_sha256(), NULL) != 1 ||
        mdlen != 32) {
        out[0] = '\0';
        return;
    }
    for (unsigned int i = 0; i < 32; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 0x0F];
    }
    out[64] = '\0';
}

static bool is_cont(unsigned char b)
{
    return (b & 0xC0) == 0x80;
}

long sd_utf8_first_invalid(const char *buf, size_t len, bool *nul)
{
    const unsigned char *s = (const unsigned char *)buf;
    if (nul != NULL)
        *nul = false;
    size_t i = 0;
    while (i < len) {
        unsigned char b = s[i];
        size_t need;
        unsigned char lo = 0x80, hi = 0xBF;   /* allowed range of the second byte */
        if (b == 0) {
            if (nul != NULL)
                *nul = true;
            return (long)i;
        } else if (b < 0x80) {
            i++;
            continue;
        } else if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
        } else if (b == 0xE0) {
            need = 2, lo = 0xA0;              /* no overlongs */
        } else if (b >= 0xE1 && b <= 0xEC) {
            need = 2;
        } else if (b == 0xED) {
            need = 2, hi = 0x9F;              /* no UTF-16 surrogates */
        } else if (b >= 0xEE && b <= 0xEF) {
            need = 2;
        } else if (b == 0xF0) {
            need = 3, lo = 0x90;              /* no overlongs */
        } else if (b >= 0xF1 && b <= 0xF3) {
            need = 3;
        } else if (b == 0xF4) {
            need = 3, hi = 0x8F;              /* max U+10FFFF */
        } else {
            return (long)i;                   /* 80..C1, F5..FF */
        }
        if (len - i <= need)
            return (long)i;                   /* truncated at the end */
        if (s[i + 1] < lo || s[i + 1] > hi)
            return (long)i;
        for (size_t k = 2; k <= need; k++)
            if (!is_cont(s[i + k]))
                return (long)i;
        i += need + 1;
    }
    return -1;
}

/* ---------------------------------------------------------------- documents */

static sd_doc *doc_new(const char *id, const char *origin)
{
    sd_doc *d = calloc(1, sizeof *d);
    if (d == NULL)
        return NULL;
    d->id = sd_strdup(id);
    d->origin = sd_strdup(origin);
    d->published_from = "";
    d->reject_offset = -1;
    d->status = SD_DOC_OK;
    if (d->id == NULL || d->origin == NULL) {
        sd_doc_free(d);
        return NULL;
    }
    return d;
}

void sd_doc_free(sd_doc *doc)
{
    if (doc == NULL)
        return;
    free(doc->id);
    free(doc->origin);
    free(doc->source);
    free(doc->url);
    free(doc->title);
    free(doc->note);
    free(doc->text);
    free(doc->reject_reason);
    free(doc);
}

/* Mark the document rejected with a reason (takes ownership); the text goes away. */
static int doc_reject_with(sd_doc *d, long offset, char *reason)
{
    if (reason == NULL)
        return SD_ENOMEM;
    free(d->reject_reason);
    d->reject_reason = reason;
    d->reject_offset = offset;
    d->status = SD_DOC_REJECTED;
    free(d->text);
    d->text = NULL;
    d->len = 0;
    return SD_OK;
}

static int doc_reject(sd_doc *d, long offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int doc_reject(sd_doc *d, long offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *r = sd_vasprintf(fmt, ap);
    va_end(ap);
    return doc_reject_with(d, offset, r);
}

static bool only_blank(const char *buf, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    for (; i < len; i++) {
        char c = buf[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
            return false;
    }
    return true;
}

static int reject_too_big(sd_doc *d, const char *label, size_t seen, size_t max)
{
    if (seen > 0)
        return doc_reject(d, -1, "%s: %zu bytes exceeds the %zu-byte limit (--max-bytes)",
                          label, seen, max);
    return doc_reject(d, -1, "%s: more than %zu bytes exceeds the %zu-byte limit (--max-bytes)",
                      label, max, max);
}

/* Hash and validate the document's bytes; on success the doc owns buf (len + 1 bytes, NUL at
 * buf[len]), otherwise buf is freed and the doc is rejected. label names the file in reasons. */
static int doc_take(sd_doc *d, char *buf, size_t len, const char *label, size_t max)
{
    buf[len] = '\0';
    sd_sha256_hex(buf, len, d->sha256);
    if (len > max) {
        free(buf);
        return reject_too_big(d, label, len, max);
    }
    if (only_blank(buf, len)) {
        free(buf);
        return doc_reject(d, -1, "%s: empty document", label);
    }
    bool nul = false;
    long off = sd_utf8_first_invalid(buf, len, &nul);
    if (off >= 0) {
        unsigned char b = (unsigned char)buf[off];
        free(buf);
        if (nul)
            return doc_reject(d, off, "%s: byte %ld: NUL byte", label, off);
        return doc_reject(d, off, "%s: byte %ld: invalid UTF-8 sequence (0x%02X)", label, off, b);
    }
    free(d->text);
    d->text = buf;
    d->len = len;
    return SD_OK;
}

static size_t effective_max(size_t max_bytes)
{
    if (max_bytes == 0)
        return SD_DEFAULT_MAX_BYTES;
    /* keep max + 1 and the JSONL line limit (max * 6) free of overflow */
    return max_bytes > SIZE_MAX / 16 ? SIZE_MAX / 16 : max_bytes;
}

int sd_doc_from_buffer(sd_doc **out, const char *id, const char *origin,
                       const char *buf, size_t len, size_t max_bytes, sd_error *err)
{
    if (out == NULL)
        return sd_error_set(err, SD_EUSAGE, "sd_doc_from_buffer: no output");
    *out = NULL;
    if (buf == NULL && len > 0)
        return sd_error_set(err, SD_EUSAGE, "sd_doc_from_buffer: no buffer");
    if (id == NULL)
        id = "stdin";
    if (origin == NULL)
        origin = "-";
    const char *label = strcmp(origin, "-") == 0 ? "stdin" : origin;
    size_t max = effective_max(max_bytes);
    sd_doc *d = doc_new(id, origin);
    if (d == NULL)
        return oom(err);
    int rc;
    if (len > max) {
        /* no need to copy what will be rejected; still hash the bytes we were given */
        sd_sha256_hex(buf, len, d->sha256);
        rc = reject_too_big(d, label, len, max);
    } else {
        char *copy = malloc(len + 1);
        if (copy == NULL) {
            sd_doc_free(d);
            return oom(err);
        }
        if (len > 0)
            memcpy(copy, buf, len);
        rc = doc_take(d, copy, len, label, max);
    }
    if (rc != SD_OK) {
        sd_doc_free(d);
        return oom(err);
    }
    *out = d;
    return SD_OK;
}

/* ---------------------------------------------------------------- reading files */

typedef enum read_result { RD_OK, RD_TOO_BIG, RD_ERRNO, RD_NOMEM } read_result;

/* Read all of fd, at most max bytes. Regular files are checked with fstat before reading.
 * On RD_TOO_BIG *seen is the size when known, 0 when the stream was cut off. */
static read_result read_fd(int fd, size_t max, char **out, size_t *len, size_t *seen, int *eno)
{
    struct stat st;
    size_t cap = 64 * 1024;
    *out = NULL;
    *len = 0;
    *seen = 0;
    if (fstat(fd, &st) != 0) {
        *eno = errno;
        return RD_ERRNO;
    }
    if (S_ISDIR(st.st_mode)) {
        *eno = EISDIR;
        return RD_ERRNO;
    }
    if (S_ISREG(st.st_mode)) {
        if ((uintmax_t)st.st_size > (uintmax_t)max) {
            *seen = (size_t)st.st_size;
            return RD_TOO_BIG;
        }
        cap = (size_t)st.st_size + 1;   /* +1 lets us notice a file that grew */
    }
    if (cap > max + 1)
        cap = max + 1;
    char *buf = malloc(cap + 1);
    if (buf == NULL)
        return RD_NOMEM;
    size_t n = 0;
    for (;;) {
        if (n == cap) {
            if (cap > max) {
                free(buf);
                return RD_TOO_BIG;      /* more than max, exact size unknown */
            }
            size_t ncap = cap * 2 > max + 1 ? max + 1 : cap * 2;
            char *g = realloc(buf, ncap + 1);
            if (g == NULL) {
                free(buf);
                return RD_NOMEM;
            }
            buf = g;
            cap = ncap;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            *eno = errno;
            free(buf);
            return RD_ERRNO;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (n > max) {
        free(buf);
        return RD_TOO_BIG;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return RD_OK;
}

static read_result read_path(const char *path, size_t max, char **out, size_t *len, size_t *seen,
                             int *eno)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *eno = errno;
        *out = NULL;
        return RD_ERRNO;
    }
    read_result r = read_fd(fd, max, out, len, seen, eno);
    close(fd);
    return r;
}

/* ---------------------------------------------------------------- a small strict JSON reader
 * Used for JSONL lines and sidecars. Unlike a generic parser it keeps string lengths, so a
 * \u0000 inside "text" reaches the NUL check instead of silently truncating the text. */

typedef struct jp {
    const char *s;
    size_t n, pos;
    int depth;
} jp;

static void jp_ws(jp *p)
{
    while (p->pos < p->n) {
        char c = p->s[p->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        p->pos++;
    }
}

static int hex4(const char *s, size_t n, size_t at, unsigned *out)
{
    if (at + 4 > n)
        return -1;
    unsigned v = 0;
    for (size_t i = 0; i < 4; i++) {
        char c = s[at + i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

static size_t put_utf8(char *o, unsigned cp)
{
    unsigned char b[4];
    size_t k;
    if (cp < 0x80) {
        b[0] = (unsigned char)cp;
        k = 1;
    } else if (cp < 0x800) {
        b[0] = (unsigned char)(0xC0 | (cp >> 6));
        b[1] = (unsigned char)(0x80 | (cp & 0x3F));
        k = 2;
    } else if (cp < 0x10000) {
        b[0] = (unsigned char)(0xE0 | (cp >> 12));
        b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (unsigned char)(0x80 | (cp & 0x3F));
        k = 3;
    } else {
        b[0] = (unsigned char)(0xF0 | (cp >> 18));
        b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (unsigned char)(0x80 | (cp & 0x3F));
        k = 4;
    }
    if (o != NULL)
        memcpy(o, b, k);
    return k;
}

/* One pass over the string starting at p->pos (a '"'): validates, and decodes into o when o is
 * not NULL. Returns the decoded length, or -1 with p->pos at the offending byte. On success
 * p->pos is just past the closing quote only when advance is set. */
static long jp_string_pass(jp *p, char *o, bool advance)
{
    const char *s = p->s;
    size_t i = p->pos + 1, out = 0;
    for (;;) {
        if (i >= p->n) {
            p->pos = p->n;                 /* unterminated string */
            return -1;
        }
        unsigned char c = (unsigned char)s[i];
        if (c == '"')
            break;
        if (c < 0x20) {
            p->pos = i;                    /* raw control character */
            return -1;
        }
        if (c != '\\') {
            if (o != NULL)
                o[out] = (char)c;
            out++;
            i++;
            continue;
        }
        if (i + 1 >= p->n) {
            p->pos = i;
            return -1;
        }
        static const char esc_in[] = "\"\\/bfnrt";
        static const char esc_out[] = "\"\\/\b\f\n\r\t";
        char e = s[i + 1];
        const char *hit = e != '\0' ? strchr(esc_in, e) : NULL;
        if (hit != NULL) {
            if (o != NULL)
                o[out] = esc_out[hit - esc_in];
            out++;
            i += 2;
            continue;
        }
        unsigned cp, lo;
        if (e != 'u' || hex4(s, p->n, i + 2, &cp) != 0) {
            p->pos = i;
            return -1;
        }
        size_t used = 6;
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
            p->pos = i;                    /* lone low surrogate */
            return -1;
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 7 >= p->n || s[i + 6] != '\\' || s[i + 7] != 'u' ||
                hex4(s, p->n, i + 8, &lo) != 0 || lo < 0xDC00 || lo > 0xDFFF) {
                p->pos = i;                /* high surrogate without its pair */
                return -1;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            used = 12;
        }
        out += put_utf8(o != NULL ? o + out : NULL, cp);
        i += used;
    }
    if (advance)
        p->pos = i + 1;
    return (long)out;
}

/* Parse a string; *out (malloc'd, NUL-terminated) and *outlen when out is not NULL.
 * 0, -1 (malformed, p->pos at the error) or SD_ENOMEM. */
static int jp_string(jp *p, char **out, size_t *outlen)
{
    if (p->pos >= p->n || p->s[p->pos] != '"')
        return -1;
    if (out == NULL)
        return jp_string_pass(p, NULL, true) < 0 ? -1 : 0;
    size_t start = p->pos;
    long n = jp_string_pass(p, NULL, false);
    if (n < 0)
        return -1;
    char *buf = malloc((size_t)n + 1);
    if (buf == NULL)
        return SD_ENOMEM;
    p->pos = start;
    jp_string_pass(p, buf, true);
    buf[n] = '\0';
    *out = buf;
    if (outlen != NULL)
        *outlen = (size_t)n;
    return 0;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int jp_number(jp *p)
{
    const char *s = p->s;
    size_t i = p->pos;
    if (i < p->n && s[i] == '-')
        i++;
    if (i < p->n && s[i] == '0') {
        i++;
    } else if (i < p->n && is_digit(s[i])) {
        while (i < p->n && is_digit(s[i]))
            i++;
    } else {
        p->pos = i;
        return -1;
    }
    if (i < p->n && s[i] == '.') {
        i++;
        if (i >= p->n || !is_digit(s[i])) {
            p->pos = i;
            return -1;
        }
        while (i < p->n && is_digit(s[i]))
            i++;
    }
    if (i < p->n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < p->n && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= p->n || !is_digit(s[i])) {
            p->pos = i;
            return -1;
        }
        while (i < p->n && is_digit(s[i]))
            i++;
    }
    p->pos = i;
    return 0;
}

static int jp_literal(jp *p, const char *word)
{
    size_t k = strlen(word);
    if (p->n - p->pos < k || memcmp(p->s + p->pos, word, k) != 0)
        return -1;
    p->pos += k;
    return 0;
}

/* Validate and skip any JSON value. 0 or -1 (p->pos at the error). */
static int jp_skip(jp *p)
{
    jp_ws(p);
    if (p->pos >= p->n)
        return -1;
    char c = p->s[p->pos];
    if (c == '"')
        return jp_string(p, NULL, NULL);
    if (c == 't')
        return jp_literal(p, "true");
    if (c == 'f')
        return jp_literal(p, "false");
    if (c == 'n')
        return jp_literal(p, "null");
    if (c == '-' || is_digit(c))
        return jp_number(p);
    if (c != '{' && c != '[')
        return -1;
    char close = c == '{' ? '}' : ']';
    if (++p->depth > SD_JSON_MAX_DEPTH)
        return -1;
    p->pos++;
    jp_ws(p);
    if (p->pos < p->n && p->s[p->pos] == close) {
        p->pos++;
        p->depth--;
        return 0;
    }
    for (;;) {
        jp_ws(p);
        if (c == '{') {
            if (jp_string(p, NULL, NULL) != 0)
                return -1;
            jp_ws(p);
            if (p->pos >= p->n || p->s[p->pos] != ':')
                return -1;
            p->pos++;
        }
        if (jp_skip(p) != 0)
            return -1;
        jp_ws(p);
        if (p->pos < p->n && p->s[p->pos] == ',') {
            p->pos++;
            continue;
        }
        if (p->pos < p->n && p->s[p->pos] == close) {
            p->pos++;
            p->depth--;
            return 0;
        }
        return -1;
    }
}

/* ---------------------------------------------------------------- records (JSONL line / sidecar) */

typedef enum meta_field { MF_ID, MF_PUBLISHED, MF_SOURCE, MF_URL, MF_TITLE, MF_NOTE, MF_COUNT } meta_field;

/* The optional string fields a sidecar or a JSONL line may carry. */
static const char *const META_KEYS[MF_COUNT] = {
    [MF_ID] = "id",
    [MF_PUBLISHED] = "published",
    [MF_SOURCE] = "source",
    [MF_URL] = "url",
    [MF_TITLE] = "title",
    [MF_NOTE] = "note",
};

typedef struct record {
    char *field[MF_COUNT];
    size_t field_len[MF_COUNT];
    char *text;
    size_t text_len;
    bool has_text;
    const char *bad_type;       /* first known key whose value had the wrong type */
} record;

static void record_free(record *r)
{
    for (int i = 0; i < MF_COUNT; i++)
        free(r->field[i]);
    free(r->text);
    memset(r, 0, sizeof *r);
}

typedef enum rec_status { REC_OK = 0, REC_MALFORMED = -1, REC_NOT_OBJECT = -2 } rec_status;

/* Parse one JSON object into r. REC_OK, REC_MALFORMED (p->pos at the error), REC_NOT_OBJECT
 * or SD_ENOMEM. want_text: "text" is a document field (JSONL), else it is ignored. */
static int parse_record(jp *p, record *r, bool want_text)
{
    memset(r, 0, sizeof *r);
    jp_ws(p);
    if (p->pos >= p->n)
        return REC_MALFORMED;
    if (p->s[p->pos] != '{') {
        size_t at = p->pos;
        if (jp_skip(p) != 0)
            return REC_MALFORMED;
        p->pos = at;
        return REC_NOT_OBJECT;
    }
    p->pos++;
    jp_ws(p);
    bool first = true;
    for (;;) {
        jp_ws(p);
        if (first && p->pos < p->n && p->s[p->pos] == '}') {
            p->pos++;
            break;
        }
        first = false;
        char *key = NULL;
        size_t klen = 0;
        int rc = jp_string(p, &key, &klen);
        if (rc != 0)
            return rc == SD_ENOMEM ? SD_ENOMEM : REC_MALFORMED;
        jp_ws(p);
        if (p->pos >= p->n || p->s[p->pos] != ':') {
            free(key);
            return REC_MALFORMED;
        }
        p->pos++;
        jp_ws(p);
        int idx = -1;
        bool is_text = false;
        if (strlen(key) == klen) {
            for (int i = 0; i < MF_COUNT; i++)
                if (strcmp(key, META_KEYS[i]) == 0)
                    idx = i;
            is_text = want_text && strcmp(key, "text") == 0;
        }
        free(key);
        bool is_string = p->pos < p->n && p->s[p->pos] == '"';
        bool is_null = p->n - p->pos >= 4 && memcmp(p->s + p->pos, "null", 4) == 0;
        if (is_text && is_string) {
            free(r->text);
            r->text = NULL;
            rc = jp_string(p, &r->text, &r->text_len);
            r->has_text = rc == 0;
        } else if (idx >= 0 && is_string) {
            free(r->field[idx]);
            r->field[idx] = NULL;
            rc = jp_string(p, &r->field[idx], &r->field_len[idx]);
        } else {
            if (is_text)
                r->has_text = false;        /* "text": 5 is as bad as no text */
            else if (idx >= 0 && !is_null && r->bad_type == NULL)
                r->bad_type = META_KEYS[idx];
            rc = jp_skip(p);
        }
        if (rc != 0)
            return rc == SD_ENOMEM ? SD_ENOMEM : REC_MALFORMED;
        jp_ws(p);
        if (p->pos < p->n && p->s[p->pos] == ',') {
            p->pos++;
            continue;
        }
        if (p->pos < p->n && p->s[p->pos] == '}') {
            p->pos++;
            break;
        }
        return REC_MALFORMED;
    }
    jp_ws(p);
    return p->pos == p->n ? REC_OK : REC_MALFORMED;   /* nothing may follow the object */
}

/* 1-based column in code points of byte offset at within s. */
static long column_of(const char *s, size_t at)
{
    long col = 1;
    for (size_t i = 0; i < at; i++)
        if (!is_cont((unsigned char)s[i]))
            col++;
    return col;
}

/* Accept "YYYY", "YYYY-MM", "YYYY-MM-DD", and a full date followed by a time
 * ("2019-05-14T10:30:00Z", "2019-05-14 10:30:00+04:30") as feeds write it. */
static int parse_published(const char *s, sd_date *out)
{
    size_t n = strlen(s);
    if (n > 10 && (s[10] == 'T' || s[10] == ' ')) {
        if (n == 11 || strspn(s + 11, "0123456789:.+-Z") != n - 11)
            return SD_EINVAL;
        char day[11];
        memcpy(day, s, 10);
        day[10] = '\0';
        return sd_date_parse_iso(day, out);
    }
    return sd_date_parse_iso(s, out);
}

/* Move a parsed record's metadata into the document. A problem is returned in *reason (without
 * the file label); SD_ENOMEM on allocation failure. */
static int apply_record(sd_doc *d, record *r, const char *from, char **reason)
{
    *reason = NULL;
    if (r->bad_type != NULL) {
        *reason = xasprintf("\"%s\" must be a string", r->bad_type);
        return *reason == NULL ? SD_ENOMEM : SD_OK;
    }
    for (int i = 0; i < MF_COUNT; i++) {
        if (r->field[i] == NULL)
            continue;
        bool nul = false;
        long off = sd_utf8_first_invalid(r->field[i], r->field_len[i], &nul);
        if (off >= 0) {
            *reason = xasprintf("\"%s\": byte %ld: %s", META_KEYS[i], off,
                                nul ? "NUL byte" : "invalid UTF-8 sequence");
            return *reason == NULL ? SD_ENOMEM : SD_OK;
        }
    }
    if (r->field[MF_ID] != NULL && only_blank(r->field[MF_ID], r->field_len[MF_ID])) {
        *reason = xasprintf("\"id\" is empty");
        return *reason == NULL ? SD_ENOMEM : SD_OK;
    }
    /* move ownership of the strings */
    char **dst[MF_COUNT] = {
        [MF_ID] = &d->id, [MF_PUBLISHED] = NULL, [MF_SOURCE] = &d->source,
        [MF_URL] = &d->url, [MF_TITLE] = &d->title, [MF_NOTE] = &d->note,
    };
    for (int i = 0; i < MF_COUNT; i++) {
        if (dst[i] == NULL || r->field[i] == NULL)
            continue;
        free(*dst[i]);
        *dst[i] = r->field[i];
        r->field[i] = NULL;
    }
    /* after the id moved, so a document with a bad date still carries its stable id */
    sd_date pub = { 0, 0, 0, SD_PREC_NONE };
    const char *ps = r->field[MF_PUBLISHED];
    if (ps != NULL && ps[0] != '\0' && parse_published(ps, &pub) != 0) {
        *reason = xasprintf("\"published\": \"%.40s\" is not a date "
                            "(expected YYYY, YYYY-MM or YYYY-MM-DD)", ps);
        return *reason == NULL ? SD_ENOMEM : SD_OK;
    }
    if (pub.prec != SD_PREC_NONE) {
        d->published = pub;
        d->published_from = from;
    }
    return SD_OK;
}

/* ---------------------------------------------------------------- sidecars */

static char *sidecar_path(const char *path)
{
    size_t n = stem_len(path);
    return xasprintf("%.*s.meta.json", (int)n, path);
}

/* Load NAME.meta.json (if any) into d. A problem is returned in *reason (naming the sidecar);
 * SD_ENOMEM on allocation failure. */
static int load_sidecar(sd_doc *d, const char *path, char **reason)
{
    *reason = NULL;
    char *sc = sidecar_path(path);
    if (sc == NULL)
        return SD_ENOMEM;
    struct stat st;
    if (stat(sc, &st) != 0 && errno == ENOENT) {
        free(sc);
        return SD_OK;
    }
    char *buf = NULL;
    size_t len = 0, seen = 0;
    int eno = 0;
    int rc = SD_OK;
    switch (read_path(sc, SD_SIDECAR_MAX, &buf, &len, &seen, &eno)) {
    case RD_NOMEM:
        free(sc);
        return SD_ENOMEM;
    case RD_ERRNO:
        *reason = xasprintf("%s: cannot read: %s", sc, strerror(eno));
        break;
    case RD_TOO_BIG:
        *reason = xasprintf("%s: exceeds the %zu-byte sidecar limit", sc, SD_SIDECAR_MAX);
        break;
    case RD_OK: {
        bool nul = false;
        long off = sd_utf8_first_invalid(buf, len, &nul);
        if (off >= 0) {
            *reason = nul ? xasprintf("%s: byte %ld: NUL byte", sc, off)
                          : xasprintf("%s: byte %ld: invalid UTF-8 sequence (0x%02X)", sc, off,
                                      (unsigned)(unsigned char)buf[off]);
            break;
        }
        jp p = { buf, len, 0, 0 };
        if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
            p.pos = 3;
        record r;
        int pr = parse_record(&p, &r, false);
        if (pr == SD_ENOMEM) {
            rc = SD_ENOMEM;
        } else if (pr == REC_MALFORMED) {
            long line = 0, col = 0;
            sd_error_locate(buf, len, p.pos, &line, &col);
            *reason = xasprintf("%s: malformed JSON at line %ld, column %ld", sc, line, col);
        } else if (pr == REC_NOT_OBJECT) {
            *reason = xasprintf("%s: not a JSON object", sc);
        } else {
            char *why = NULL;
            rc = apply_record(d, &r, "meta", &why);
            if (why != NULL) {
                *reason = xasprintf("%s: %s", sc, why);
                free(why);
            }
        }
        record_free(&r);
        break;
    }
    }
    free(buf);
    free(sc);
    return rc;
}

/* ---------------------------------------------------------------- the walk */

typedef struct frame {
    char **paths;           /* owned */
    size_t n, i;
    bool from_dir;          /* entries of a folder (classified by name) vs command-line inputs */
    dev_t dev;
    ino_t ino;
} frame;

struct sd_ingest {
    frame *frames;
    size_t nframes, capframes;
    size_t max;
    char **skipped;
    size_t nskipped, capskipped;
    /* the JSONL corpus being read, if any */
    FILE *corpus;
    char *corpus_path;
    char *corpus_stem;
    long lineno;
    size_t corpus_docs;
    char *line;
    size_t linecap;
};

static void frame_free(frame *f)
{
    for (size_t k = 0; k < f->n; k++)
        free(f->paths[k]);
    free(f->paths);
}

static int push_frame(sd_ingest *in, char **paths, size_t n, bool from_dir, dev_t dev, ino_t ino)
{
    if (in->nframes == in->capframes) {
        size_t nc = in->capframes ? in->capframes * 2 : 8;
        frame *g = realloc(in->frames, nc * sizeof *g);
        if (g == NULL)
            return SD_ENOMEM;
        in->frames = g;
        in->capframes = nc;
    }
    in->frames[in->nframes++] = (frame){ paths, n, 0, from_dir, dev, ino };
    return SD_OK;
}

static int add_skipped(sd_ingest *in, const char *path)
{
    if (in->nskipped == in->capskipped) {
        size_t nc = in->capskipped ? in->capskipped * 2 : 8;
        char **g = realloc(in->skipped, nc * sizeof *g);
        if (g == NULL)
            return SD_ENOMEM;
        in->skipped = g;
        in->capskipped = nc;
    }
    char *s = sd_strdup(path);
    if (s == NULL)
        return SD_ENOMEM;
    in->skipped[in->nskipped++] = s;
    return SD_OK;
}

size_t sd_ingest_skipped_count(const sd_ingest *in)
{
    return in != NULL ? in->nskipped : 0;
}

const char *sd_ingest_skipped(const sd_ingest *in, size_t i)
{
    return in != NULL && i < in->nskipped ? in->skipped[i] : NULL;
}

int sd_ingest_open(sd_ingest **out, const char *const *inputs, size_t ninputs,
                   const sd_ingest_opts *opts, sd_error *err)
{
    if (out == NULL)
        return sd_error_set(err, SD_EUSAGE, "sd_ingest_open: no output");
    *out = NULL;
    if (inputs == NULL || ninputs == 0)
        return sd_error_set(err, SD_EUSAGE, "no inputs given");
    for (size_t i = 0; i < ninputs; i++)
        if (inputs[i] == NULL || inputs[i][0] == '\0')
            return sd_error_set(err, SD_EUSAGE, "input %zu is an empty path", i + 1);
    sd_ingest *in = calloc(1, sizeof *in);
    char **paths = calloc(ninputs, sizeof *paths);
    if (in == NULL || paths == NULL) {
        free(in);
        free(paths);
        return oom(err);
    }
    in->max = effective_max(opts != NULL ? opts->max_bytes : 0);
    for (size_t i = 0; i < ninputs; i++) {
        paths[i] = sd_strdup(inputs[i]);
        if (paths[i] == NULL) {
            frame f = { paths, i, 0, false, 0, 0 };
            frame_free(&f);
            free(in);
            return oom(err);
        }
    }
    if (push_frame(in, paths, ninputs, false, 0, 0) != SD_OK) {
        frame f = { paths, ninputs, 0, false, 0, 0 };
        frame_free(&f);
        free(in);
        return oom(err);
    }
    *out = in;
    return SD_OK;
}

static void corpus_close(sd_ingest *in)
{
    if (in->corpus != NULL)
        fclose(in->corpus);
    in->corpus = NULL;
    free(in->corpus_path);
    free(in->corpus_stem);
    in->corpus_path = NULL;
    in->corpus_stem = NULL;
}

void sd_ingest_close(sd_ingest *in)
{
    if (in == NULL)
        return;
    corpus_close(in);
    for (size_t k = 0; k < in->nframes; k++)
        frame_free(&in->frames[k]);
    free(in->frames);
    for (size_t k = 0; k < in->nskipped; k++)
        free(in->skipped[k]);
    free(in->skipped);
    free(in->line);
    free(in);
}

/* A rejected document for a path that could not be used at all. */
static int reject_path(const char *id, const char *path, sd_doc **out, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int reject_path(const char *id, const char *path, sd_doc **out, const char *fmt, ...)
{
    sd_doc *d = doc_new(id, path);
    if (d == NULL)
        return SD_ENOMEM;
    va_list ap;
    va_start(ap, fmt);
    char *r = sd_vasprintf(fmt, ap);
    va_end(ap);
    if (doc_reject_with(d, -1, r) != SD_OK) {
        sd_doc_free(d);
        return SD_ENOMEM;
    }
    *out = d;
    return 1;
}

static int stdin_doc(sd_ingest *in, sd_doc **out)
{
    sd_doc *d = doc_new("stdin", "-");
    if (d == NULL)
        return SD_ENOMEM;
    char *buf = NULL;
    size_t len = 0, seen = 0;
    int eno = 0, rc = SD_OK;
    switch (read_fd(STDIN_FILENO, in->max, &buf, &len, &seen, &eno)) {
    case RD_NOMEM: rc = SD_ENOMEM; break;
    case RD_ERRNO: rc = doc_reject(d, -1, "stdin: cannot read: %s", strerror(eno)); break;
    case RD_TOO_BIG: rc = reject_too_big(d, "stdin", seen, in->max); break;
    case RD_OK: rc = doc_take(d, buf, len, "stdin", in->max); break;
    }
    if (rc != SD_OK) {
        sd_doc_free(d);
        return SD_ENOMEM;
    }
    *out = d;
    return 1;
}

/* An article file: sidecar metadata first (so a rejected article still carries its id), then
 * the bytes. A problem with the bytes is reported before a problem with the sidecar. */
static int file_doc(sd_ingest *in, const char *path, sd_doc **out)
{
    char *stem = stem_of(path);
    sd_doc *d = stem != NULL ? doc_new(stem, path) : NULL;
    free(stem);
    if (d == NULL)
        return SD_ENOMEM;
    char *meta_reason = NULL;
    int rc = load_sidecar(d, path, &meta_reason);
    char *buf = NULL;
    size_t len = 0, seen = 0;
    int eno = 0;
    if (rc == SD_OK) {
        switch (read_path(path, in->max, &buf, &len, &seen, &eno)) {
        case RD_NOMEM: rc = SD_ENOMEM; break;
        case RD_ERRNO: rc = doc_reject(d, -1, "%s: cannot read: %s", path, strerror(eno)); break;
        case RD_TOO_BIG: rc = reject_too_big(d, path, seen, in->max); break;
        case RD_OK: rc = doc_take(d, buf, len, path, in->max); break;
        }
    }
    if (rc == SD_OK && meta_reason != NULL && d->status == SD_DOC_OK) {
        rc = doc_reject_with(d, -1, meta_reason);
        meta_reason = NULL;
    }
    free(meta_reason);
    if (rc != SD_OK) {
        sd_doc_free(d);
        return SD_ENOMEM;
    }
    *out = d;
    return 1;
}

static int open_corpus(sd_ingest *in, const char *path, sd_doc **out)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        int eno = errno;
        char *stem = stem_of(path);
        if (stem == NULL)
            return SD_ENOMEM;
        int rc = reject_path(stem, path, out, "%s: cannot read: %s", path, strerror(eno));
        free(stem);
        return rc;
    }
    in->corpus = f;
    in->corpus_path = sd_strdup(path);
    in->corpus_stem = stem_of(path);
    in->lineno = 0;
    in->corpus_docs = 0;
    if (in->corpus_path == NULL || in->corpus_stem == NULL) {
        corpus_close(in);
        return SD_ENOMEM;
    }
    return 0;
}

/* Read one line (without '\n') into in->line, keeping at most limit bytes; the rest of an
 * over-long line is counted and discarded. 1 line read, 0 end of file, SD_ENOMEM. */
static int read_line(sd_ingest *in, size_t limit, size_t *len, size_t *total)
{
    FILE *f = in->corpus;
    size_t n = 0, all = 0;
    int c;
    bool any = false;
    while ((c = getc_unlocked(f)) != EOF) {
        any = true;
        if (c == '\n')
            break;
        all++;
        if (n >= limit)
            continue;
        if (n + 1 >= in->linecap) {
            size_t nc = in->linecap ? in->linecap * 2 : 4096;
            if (nc > limit + 1)
                nc = limit + 1;
            if (nc <= n + 1)
                nc = n + 2;
            char *g = realloc(in->line, nc);
            if (g == NULL)
                return SD_ENOMEM;
            in->line = g;
            in->linecap = nc;
        }
        in->line[n++] = (char)c;
    }
    if (!any)
        return 0;
    *len = n;
    *total = all;
    return 1;
}

/* Next document from the open corpus: 1 with *out, 0 when the corpus is done (closed). */
static int corpus_next(sd_ingest *in, sd_doc **out)
{
    size_t line_limit = in->max * SD_LINE_FACTOR + SD_LINE_SLACK;
    for (;;) {
        size_t len = 0, total = 0;
        int rc = read_line(in, line_limit, &len, &total);
        if (rc < 0)
            return rc;
        if (rc == 0) {
            int result = 0;
            if (ferror(in->corpus))
                result = reject_path(in->corpus_stem, in->corpus_path, out,
                                     "%s:%ld: cannot read: %s", in->corpus_path, in->lineno + 1,
                                     strerror(errno));
            else if (in->corpus_docs == 0)
                result = reject_path(in->corpus_stem, in->corpus_path, out,
                                     "%s: empty corpus (no JSON lines)", in->corpus_path);
            corpus_close(in);
            return result;
        }
        in->lineno++;
        const char *line = in->line != NULL ? in->line : "";
        size_t start = 0;
        if (in->lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
            start = 3;   /* a BOM before the first record */
        if (total == len && only_blank(line + start, len - start))
            continue;    /* blank lines separate nothing and are not documents */
        in->corpus_docs++;

        char *origin = xasprintf("%s:%ld", in->corpus_path, in->lineno);
        char *id = xasprintf("%s:%ld", in->corpus_stem, in->lineno);
        sd_doc *d = origin != NULL && id != NULL ? doc_new(id, origin) : NULL;
        free(id);
        if (d == NULL) {
            free(origin);
            return SD_ENOMEM;
        }
        const char *label = origin;
        rc = SD_OK;
        if (total > len) {
            rc = doc_reject(d, -1, "%s: line of %zu bytes exceeds the %zu-byte line limit "
                            "(--max-bytes)", label, total, line_limit);
        } else {
            jp p = { line, len, start, 0 };
            record r;
            int pr = parse_record(&p, &r, true);
            if (pr == SD_ENOMEM) {
                rc = SD_ENOMEM;
            } else if (pr == REC_MALFORMED) {
                rc = doc_reject(d, -1, "%s: malformed JSON at column %ld", label,
                                column_of(line, p.pos));
            } else if (pr == REC_NOT_OBJECT) {
                rc = doc_reject(d, -1, "%s: not a JSON object", label);
            } else {
                char *why = NULL;
                rc = apply_record(d, &r, "jsonl", &why);
                if (rc == SD_OK && why != NULL) {
                    rc = doc_reject(d, -1, "%s: %s", label, why);
                } else if (rc == SD_OK && !r.has_text) {
                    rc = doc_reject(d, -1, "%s: missing \"text\" string", label);
                } else if (rc == SD_OK) {
                    char *text = r.text;
                    r.text = NULL;
                    rc = doc_take(d, text, r.text_len, label, in->max);
                }
                free(why);
            }
            record_free(&r);
        }
        free(origin);
        if (rc != SD_OK) {
            sd_doc_free(d);
            return SD_ENOMEM;
        }
        *out = d;
        return 1;
    }
}

static int cmp_paths(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Enter a folder: list it (no dot entries), sort, and push it. 1 with a rejected *out when the
 * folder cannot be used, 0 when pushed, SD_ENOMEM. */
static int enter_dir(sd_ingest *in, const char *path, const struct stat *st, sd_doc **out)
{
    if (in->nframes > SD_WALK_MAX_DEPTH)
        return reject_path(path, path, out, "%s: folders nested more than %d deep", path,
                           SD_WALK_MAX_DEPTH);
    for (size_t k = 0; k < in->nframes; k++)
        if (in->frames[k].from_dir && in->frames[k].dev == st->st_dev &&
            in->frames[k].ino == st->st_ino)
            return reject_path(path, path, out, "%s: folder loop (a link back to an enclosing folder)",
                               path);
    DIR *dir = opendir(path);
    if (dir == NULL)
        return reject_path(path, path, out, "%s: cannot open folder: %s", path, strerror(errno));
    size_t plen = strlen(path);
    bool slash = plen > 0 && path[plen - 1] == '/';
    char **paths = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int rc = 0;
    errno = 0;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue;   /* dot-files and dot-dirs (and . and ..) are not content */
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 16;
            char **g = realloc(paths, nc * sizeof *g);
            if (g == NULL) {
                rc = SD_ENOMEM;
                break;
            }
            paths = g;
            cap = nc;
        }
        paths[n] = xasprintf("%s%s%s", path, slash ? "" : "/", e->d_name);
        if (paths[n] == NULL) {
            rc = SD_ENOMEM;
            break;
        }
        n++;
    }
    int read_errno = errno;
    closedir(dir);
    frame tmp = { paths, n, 0, true, st->st_dev, st->st_ino };
    if (rc == 0 && e == NULL && read_errno != 0) {
        frame_free(&tmp);
        return reject_path(path, path, out, "%s: cannot list folder: %s", path,
                           strerror(read_errno));
    }
    if (rc != 0) {
        frame_free(&tmp);
        return rc;
    }
    if (n > 1)
        qsort(paths, n, sizeof *paths, cmp_paths);
    /* all entries share the "path/" prefix, so comparing full paths orders by name */
    if (push_frame(in, paths, n, true, st->st_dev, st->st_ino) != SD_OK) {
        frame_free(&tmp);
        return SD_ENOMEM;
    }
    return 0;
}

/* Visit one path: 1 with *out, 0 when it produced no document (yet), SD_ENOMEM. */
static int visit(sd_ingest *in, const char *path, bool from_dir, sd_doc **out)
{
    if (!from_dir && strcmp(path, "-") == 0)
        return stdin_doc(in, out);
    struct stat st;
    if (stat(path, &st) != 0) {
        int eno = errno;
        if (!from_dir)
            return reject_path(path, path, out, "%s: cannot read: %s", path, strerror(eno));
        char *stem = stem_of(path);
        if (stem == NULL)
            return SD_ENOMEM;
        int rc = reject_path(stem, path, out, "%s: cannot read: %s", path, strerror(eno));
        free(stem);
        return rc;
    }
    if (S_ISDIR(st.st_mode))
        return enter_dir(in, path, &st, out);
    file_kind kind = kind_of(base_name(path));
    if (from_dir) {
        if (kind == KIND_SIDECAR)
            return 0;   /* read with its article */
        if (kind == KIND_OTHER || !S_ISREG(st.st_mode))
            return add_skipped(in, path);
    } else if (kind == KIND_SIDECAR) {
        return add_skipped(in, path);
    }
    if (kind == KIND_CORPUS)
        return open_corpus(in, path, out);
    return file_doc(in, path, out);   /* named on the command line: an article whatever its name */
}

int sd_ingest_next(sd_ingest *in, sd_doc **doc, sd_error *err)
{
    if (doc == NULL)
        return sd_error_set(err, SD_EUSAGE, "sd_ingest_next: no output");
    *doc = NULL;
    if (in == NULL)
        return sd_error_set(err, SD_EUSAGE, "sd_ingest_next: no ingest");
    for (;;) {
        int rc;
        if (in->corpus != NULL) {
            rc = corpus_next(in, doc);
            if (rc < 0)
                return oom(err);
            if (rc > 0)
                return 1;
            continue;
        }
        if (in->nframes == 0)
            return 0;
        frame *f = &in->frames[in->nframes - 1];
        if (f->i == f->n) {
            frame_free(f);
            in->nframes--;
            continue;
        }
        const char *path = f->paths[f->i++];
        bool from_dir = f->from_dir;
        rc = visit(in, path, from_dir, doc);
        if (rc < 0)
            return oom(err);
        if (rc > 0)
            return 1;
    }
}
