#include "cache.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct sd_cache {
    char *dir;
    char *build_id;
    char model_sha[65];
    char patterns_sha[65];
};

/* Where a publication date came from: results point at these static strings. */
static const char *const PUBLISHED_FROM[] = { "", "meta", "jsonl", "text", "as-of" };

static const char *const CALENDAR_NAMES[] = { "gregorian", "persian" };

/* ------------------------------------------------------------------ small helpers */

static bool is_hex64(const char *s)
{
    if (s == NULL || strlen(s) != 64)
        return false;
    for (size_t i = 0; i < 64; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    return true;
}

/* mkdir -p: every missing folder of path. */
static int make_dirs(const char *path)
{
    char *p = sd_strdup(path);
    if (p == NULL)
        return SD_ENOMEM;
    int rc = SD_OK;
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char keep = *s;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            rc = SD_EIO;
            break;
        }
        *s = keep;
        if (keep == '\0')
            break;
    }
    free(p);
    struct stat st;
    if (rc == SD_OK && (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)))
        rc = SD_EIO;
    return rc;
}

static char *read_file(const char *path, size_t max, size_t *len, int *eno)
{
    *eno = 0;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        *eno = errno;
        return NULL;
    }
    struct stat st;
    char *buf = NULL;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size > max) {
        *eno = errno != 0 ? errno : EINVAL;
        if ((size_t)st.st_size > max)
            *eno = EFBIG;
        fclose(f);
        return NULL;
    }
    size_t n = (size_t)st.st_size;
    buf = malloc(n + 1);
    if (buf == NULL) {
        *eno = ENOMEM;
        fclose(f);
        return NULL;
    }
    size_t got = fread(buf, 1, n, f);
    bool bad = got != n || ferror(f);
    fclose(f);
    if (bad) {
        *eno = EIO;
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* ------------------------------------------------------------------ open, key, paths */

int sd_cache_open(sd_cache **out, const char *dir, const char *model_sha256,
                  const char *patterns_sha256, const char *build_id, sd_error *err)
{
    *out = NULL;
    if (dir == NULL || dir[0] == '\0')
        return sd_error_set(err, SD_EUSAGE, "the claims cache needs a folder");
    if (!is_hex64(model_sha256) || !is_hex64(patterns_sha256))
        return sd_error_set(err, SD_EUSAGE, "the claims cache needs the model and pattern hashes");
    sd_cache *c = calloc(1, sizeof *c);
    if (c == NULL || (c->dir = sd_strdup(dir)) == NULL ||
        (c->build_id = sd_strdup(build_id != NULL ? build_id : "")) == NULL) {
        sd_cache_close(c);
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    }
    memcpy(c->model_sha, model_sha256, 65);
    memcpy(c->patterns_sha, patterns_sha256, 65);
    int rc = make_dirs(dir);
    if (rc != SD_OK) {
        sd_cache_close(c);
        if (rc == SD_ENOMEM)
            return sd_error_set(err, rc, "out of memory");
        sd_error_set(err, SD_EIO, "cannot create the claims cache folder");
        sd_error_at(err, dir, 0, 0, -1);
        return SD_EIO;
    }
    *out = c;
    return SD_OK;
}

void sd_cache_close(sd_cache *c)
{
    if (c == NULL)
        return;
    free(c->dir);
    free(c->build_id);
    free(c);
}

const char *sd_cache_dir(const sd_cache *c)
{
    return c != NULL ? c->dir : NULL;
}

int sd_cache_file_sha256(const char *path, char out[65], sd_error *err)
{
    size_t len = 0;
    int eno = 0;
    char *buf = read_file(path, SD_CACHE_MAX_BYTES, &len, &eno);
    if (buf == NULL) {
        out[0] = '\0';
        if (eno == ENOMEM)
            return sd_error_set(err, SD_ENOMEM, "out of memory");
        sd_error_set(err, SD_EIO, "cannot read: %s", strerror(eno));
        sd_error_at(err, path, 0, 0, -1);
        return SD_EIO;
    }
    sd_sha256_hex(buf, len, out);
    free(buf);
    return SD_OK;
}

void sd_cache_key(const sd_cache *c, const sd_doc *doc, sd_date as_of, bool verify, char out[65])
{
    /* the publication date the analysis will see (check.c applies --as-of the same way) */
    sd_date pub = doc->published;
    const char *from = doc->published_from != NULL ? doc->published_from : "";
    if (pub.prec == SD_PREC_NONE) {
        pub = as_of;
        from = as_of.prec != SD_PREC_NONE ? "as-of" : "";
    }
    const char *id = doc->id != NULL ? doc->id : "";
    char *s = sd_asprintf("%s\nsanad %s build %zu:%s\nmodel %s\npatterns %s\ndocument %s\n"
                        "id %zu:%s\npublished %d-%d-%d/%d from %s\nverify %d\n",
                        SD_CACHE_SCHEMA, SANAD_VERSION, strlen(c->build_id), c->build_id,
                        c->model_sha, c->patterns_sha,
                        doc->sha256, strlen(id), id, pub.y, pub.m, pub.d, (int)pub.prec, from,
                        verify ? 1 : 0);
    if (s == NULL) {
        out[0] = '\0';
        return;
    }
    sd_sha256_hex(s, strlen(s), out);
    free(s);
}

char *sd_cache_entry_path(const sd_cache *c, const char *doc_sha256, const char *key)
{
    char pre[3] = { '_', '_', '\0' };
    if (doc_sha256 != NULL && strlen(doc_sha256) >= 2)
        memcpy(pre, doc_sha256, 2);
    return sd_asprintf("%s/%s/%s.json", c->dir, pre, key);
}

/* ------------------------------------------------------------------ result → JSON */

typedef struct builder {
    bool ok;
} builder;

static cJSON *add(builder *b, cJSON *obj, const char *key, cJSON *item)
{
    if (item == NULL || !cJSON_AddItemToObject(obj, key, item)) {
        cJSON_Delete(item);
        b->ok = false;
        return NULL;
    }
    return item;
}

static void add_str(builder *b, cJSON *o, const char *k, const char *s)
{
    add(b, o, k, s != NULL ? cJSON_CreateString(s) : cJSON_CreateNull());
}

static void add_num(builder *b, cJSON *o, const char *k, double v)
{
    add(b, o, k, cJSON_CreateNumber(v));
}

static void add_bool(builder *b, cJSON *o, const char *k, bool v)
{
    add(b, o, k, cJSON_CreateBool(v));
}

static void add_date(builder *b, cJSON *o, const char *k, sd_date d)
{
    const int v[4] = { d.y, d.m, d.d, (int)d.prec };
    add(b, o, k, cJSON_CreateIntArray(v, 4));
}

static void add_strings(builder *b, cJSON *o, const char *k, const char *const *v, size_t n)
{
    cJSON *a = add(b, o, k, cJSON_CreateArray());
    for (size_t i = 0; a != NULL && i < n; i++) {
        cJSON *s = cJSON_CreateString(v[i] != NULL ? v[i] : "");
        if (s == NULL || !cJSON_AddItemToArray(a, s)) {
            cJSON_Delete(s);
            b->ok = false;
        }
    }
}

static void add_copy(builder *b, cJSON *o, const char *k, const cJSON *v)
{
    add(b, o, k, v != NULL ? cJSON_Duplicate(v, 1) : cJSON_CreateNull());
}

static cJSON *verdict_json(builder *b, const sd_verdict *v)
{
    cJSON *o = cJSON_CreateObject();
    if (o == NULL) {
        b->ok = false;
        return NULL;
    }
    add_str(b, o, "label", sd_verdict_label_name(v->label));
    add_str(b, o, "reason", v->reason);
    add_strings(b, o, "wrong", (const char *const *)v->wrong, v->nwrong);
    add_strings(b, o, "missing", (const char *const *)v->missing, v->nmissing);
    add_bool(b, o, "has_day_difference", v->has_day_difference);
    add_num(b, o, "day_difference", (double)v->day_difference);
    add_strings(b, o, "facts", v->facts, v->nfacts);
    add_bool(b, o, "anachronism", v->anachronism);
    return o;
}

static cJSON *claim_json(builder *b, const sd_article_claim *c, long line, long col)
{
    cJSON *o = cJSON_CreateObject();
    if (o == NULL) {
        b->ok = false;
        return NULL;
    }
    add_str(b, o, "id", c->id);
    add_str(b, o, "type", sd_claim_type_name(c->type));
    add_str(b, o, "pattern", c->pattern);
    add_copy(b, o, "args", c->args);
    add_bool(b, o, "has_time", c->has_time);
    add_date(b, o, "time", c->time);
    add_bool(b, o, "anchored", c->anchored);
    add_bool(b, o, "from_publication", c->from_publication);
    add_str(b, o, "calendar", CALENDAR_NAMES[c->calendar == SD_CAL_PERSIAN ? 1 : 0]);
    add_str(b, o, "time_text", c->time_text);
    add_str(b, o, "modality", sd_claim_modality_name(c->modality));
    add_num(b, o, "ev_start", (double)c->ev_start);
    add_num(b, o, "ev_end", (double)c->ev_end);
    add_str(b, o, "ev_text", c->ev_text);
    add_num(b, o, "sentence", (double)c->sentence);
    add_num(b, o, "line", (double)line);
    add_num(b, o, "column", (double)col);
    add(b, o, "verdict", verdict_json(b, &c->verdict));
    return o;
}

cJSON *sd_cache_result_to_json(const sd_doc_result *r)
{
    builder b = { true };
    cJSON *o = cJSON_CreateObject();
    if (o == NULL)
        return NULL;
    add_str(&b, o, "id", r->id);
    add_str(&b, o, "origin", r->origin);
    add_str(&b, o, "source", r->source);
    add_str(&b, o, "url", r->url);
    add_str(&b, o, "title", r->title);
    add_str(&b, o, "note", r->note);
    add_str(&b, o, "sha256", r->sha256);
    add_date(&b, o, "published", r->published);
    add_str(&b, o, "published_from", r->published_from != NULL ? r->published_from : "");
    add_copy(&b, o, "dates", r->dates);
    add_copy(&b, o, "entities", r->entities);
    cJSON *claims = add(&b, o, "claims", cJSON_CreateArray());
    for (size_t i = 0; claims != NULL && i < r->claims.n; i++) {
        cJSON *c = claim_json(&b, &r->claims.items[i], r->ev_line != NULL ? r->ev_line[i] : 0,
                              r->ev_col != NULL ? r->ev_col[i] : 0);
        if (c == NULL || !cJSON_AddItemToArray(claims, c)) {
            cJSON_Delete(c);
            b.ok = false;
        }
    }
    if (!b.ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* ------------------------------------------------------------------ JSON → result */

/* Reading a field that is not there or not of its type fails with the field's name. */
typedef struct reader {
    sd_error *err;
    const char *where;      /* "claims[3]" or "" */
    size_t index;
    bool failed;
} reader;

static const cJSON *field(reader *rd, const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    if (v == NULL && !rd->failed) {
        rd->failed = true;
        if (rd->where[0] != '\0')
            sd_error_set(rd->err, SD_EINVAL, "%s[%zu].%s: missing", rd->where, rd->index, k);
        else
            sd_error_set(rd->err, SD_EINVAL, "%s: missing", k);
    }
    return v;
}

static void bad(reader *rd, const char *k, const char *what)
{
    if (rd->failed)
        return;
    rd->failed = true;
    if (rd->where[0] != '\0')
        sd_error_set(rd->err, SD_EINVAL, "%s[%zu].%s: %s", rd->where, rd->index, k, what);
    else
        sd_error_set(rd->err, SD_EINVAL, "%s: %s", k, what);
}

/* A copied string, or NULL for JSON null when nullable. */
static char *get_str(reader *rd, const cJSON *o, const char *k, bool nullable)
{
    const cJSON *v = field(rd, o, k);
    if (v == NULL)
        return NULL;
    if (nullable && cJSON_IsNull(v))
        return NULL;
    if (!cJSON_IsString(v) || v->valuestring == NULL) {
        bad(rd, k, "not a string");
        return NULL;
    }
    char *s = sd_strdup(v->valuestring);
    if (s == NULL && !rd->failed) {
        rd->failed = true;
        sd_error_set(rd->err, SD_ENOMEM, "out of memory");
    }
    return s;
}

/* A borrowed string (never NULL on success). */
static const char *peek_str(reader *rd, const cJSON *o, const char *k)
{
    const cJSON *v = field(rd, o, k);
    if (v == NULL)
        return "";
    if (!cJSON_IsString(v) || v->valuestring == NULL) {
        bad(rd, k, "not a string");
        return "";
    }
    return v->valuestring;
}

static bool get_bool(reader *rd, const cJSON *o, const char *k)
{
    const cJSON *v = field(rd, o, k);
    if (v != NULL && !cJSON_IsBool(v))
        bad(rd, k, "not a boolean");
    return cJSON_IsTrue(v);
}

static double get_int(reader *rd, const cJSON *o, const char *k, double lo, double hi)
{
    const cJSON *v = field(rd, o, k);
    if (v == NULL)
        return lo;
    double d = cJSON_IsNumber(v) ? v->valuedouble : NAN;
    if (!isfinite(d) || d != floor(d) || d < lo || d > hi) {
        bad(rd, k, "not an integer in range");
        return lo;
    }
    return d;
}

static sd_date get_date(reader *rd, const cJSON *o, const char *k)
{
    sd_date d = { 0, 0, 0, SD_PREC_NONE };
    const cJSON *v = field(rd, o, k);
    if (v == NULL)
        return d;
    static const double lo[4] = { -100000, 0, 0, SD_PREC_NONE }, hi[4] = { 100000, 12, 31, SD_PREC_DAY };
    double part[4];
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) != 4) {
        bad(rd, k, "not a date [y, m, d, precision]");
        return d;
    }
    for (int i = 0; i < 4; i++) {
        const cJSON *e = cJSON_GetArrayItem(v, i);
        part[i] = cJSON_IsNumber(e) ? e->valuedouble : NAN;
        if (!isfinite(part[i]) || part[i] != floor(part[i]) || part[i] < lo[i] || part[i] > hi[i]) {
            bad(rd, k, "not a date [y, m, d, precision]");
            return d;
        }
    }
    d.y = (int)part[0];
    d.m = (int)part[1];
    d.d = (int)part[2];
    d.prec = (sd_precision)part[3];
    return d;
}

/* An array of copied strings. */
static char **get_strings(reader *rd, const cJSON *o, const char *k, size_t *n)
{
    *n = 0;
    const cJSON *v = field(rd, o, k);
    if (v == NULL)
        return NULL;
    if (!cJSON_IsArray(v)) {
        bad(rd, k, "not an array");
        return NULL;
    }
    size_t m = (size_t)cJSON_GetArraySize(v);
    if (m == 0)
        return NULL;
    char **out = calloc(m, sizeof *out);
    if (out == NULL) {
        rd->failed = true;
        sd_error_set(rd->err, SD_ENOMEM, "out of memory");
        return NULL;
    }
    const cJSON *e;
    cJSON_ArrayForEach(e, v)
    {
        if (!cJSON_IsString(e) || (out[*n] = sd_strdup(e->valuestring)) == NULL) {
            bad(rd, k, "not an array of strings");
            break;
        }
        (*n)++;
    }
    return out;
}

static int name_index(const char *name, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(name, names[i]) == 0)
            return (int)i;
    return -1;
}

static void read_verdict(reader *rd, const cJSON *v, const sd_model *m, sd_verdict *out)
{
    if (!cJSON_IsObject(v)) {
        bad(rd, "verdict", "not an object");
        return;
    }
    const char *label = peek_str(rd, v, "label");
    out->label = SD_V_NONE;
    bool known = false;
    for (int l = SD_V_NONE; l <= SD_V_NOT_CHECKED; l++)
        if (strcmp(label, sd_verdict_label_name((sd_verdict_label)l)) == 0) {
            out->label = (sd_verdict_label)l;
            known = true;
        }
    if (!known)
        bad(rd, "verdict.label", "unknown verdict");
    out->reason = get_str(rd, v, "reason", true);
    out->wrong = get_strings(rd, v, "wrong", &out->nwrong);
    out->missing = get_strings(rd, v, "missing", &out->nmissing);
    out->has_day_difference = get_bool(rd, v, "has_day_difference");
    out->day_difference = (long)get_int(rd, v, "day_difference", -1e9, 1e9);
    out->anachronism = get_bool(rd, v, "anachronism");
    const cJSON *facts = field(rd, v, "facts");
    if (rd->failed)
        return;
    if (!cJSON_IsArray(facts)) {
        bad(rd, "verdict.facts", "not an array");
        return;
    }
    size_t n = (size_t)cJSON_GetArraySize(facts);
    if (n == 0)
        return;
    out->facts = calloc(n, sizeof *out->facts);
    if (out->facts == NULL) {
        rd->failed = true;
        sd_error_set(rd->err, SD_ENOMEM, "out of memory");
        return;
    }
    const cJSON *e;
    cJSON_ArrayForEach(e, facts)
    {
        /* the model owns fact ids; an id it does not have means the entry is not for it */
        const sd_fact *f = cJSON_IsString(e) ? sd_model_find_fact(m, e->valuestring) : NULL;
        if (f == NULL) {
            bad(rd, "verdict.facts", "a fact the model does not have");
            return;
        }
        out->facts[out->nfacts++] = f->id;
    }
}

static void read_claim(reader *rd, const cJSON *o, const sd_model *m, sd_article_claim *c,
                       long *line, long *col)
{
    if (!cJSON_IsObject(o)) {
        bad(rd, "claim", "not an object");
        return;
    }
    c->id = get_str(rd, o, "id", false);
    int type = sd_claim_type_from_name(peek_str(rd, o, "type"));
    if (type < 0)
        bad(rd, "type", "unknown claim type");
    c->type = type >= 0 ? (sd_claim_type)type : SD_CLAIM_ATTENDANCE;
    c->pattern = get_str(rd, o, "pattern", true);
    const cJSON *args = field(rd, o, "args");
    if (args != NULL && !cJSON_IsNull(args)) {
        if (!cJSON_IsObject(args))
            bad(rd, "args", "not an object");
        else if ((c->args = cJSON_Duplicate(args, 1)) == NULL && !rd->failed) {
            rd->failed = true;
            sd_error_set(rd->err, SD_ENOMEM, "out of memory");
        }
    }
    c->has_time = get_bool(rd, o, "has_time");
    c->time = get_date(rd, o, "time");
    c->anchored = get_bool(rd, o, "anchored");
    c->from_publication = get_bool(rd, o, "from_publication");
    int cal = name_index(peek_str(rd, o, "calendar"), CALENDAR_NAMES, 2);
    if (cal < 0)
        bad(rd, "calendar", "unknown calendar");
    c->calendar = cal == 1 ? SD_CAL_PERSIAN : SD_CAL_GREGORIAN;
    c->time_text = get_str(rd, o, "time_text", true);
    int mod = sd_claim_modality_from_name(peek_str(rd, o, "modality"));
    if (mod < 0)
        bad(rd, "modality", "unknown modality");
    c->modality = mod >= 0 ? (sd_claim_modality)mod : SD_MODALITY_ASSERTED;
    c->ev_start = (size_t)get_int(rd, o, "ev_start", 0, 1e15);
    c->ev_end = (size_t)get_int(rd, o, "ev_end", 0, 1e15);
    if (c->ev_end < c->ev_start)
        bad(rd, "ev_end", "before ev_start");
    c->ev_text = get_str(rd, o, "ev_text", true);
    c->sentence = (size_t)get_int(rd, o, "sentence", 0, 1e15);
    *line = (long)get_int(rd, o, "line", 0, 1e15);
    *col = (long)get_int(rd, o, "column", 0, 1e15);
    const cJSON *v = field(rd, o, "verdict");
    if (v != NULL)
        read_verdict(rd, v, m, &c->verdict);
}

int sd_cache_result_from_json(const cJSON *j, const sd_model *m, sd_doc_result *r,
                              sd_error *err)
{
    memset(r, 0, sizeof *r);
    reader rd = { err, "", 0, false };
    if (!cJSON_IsObject(j))
        return sd_error_set(err, SD_EINVAL, "document: not an object");
    r->id = get_str(&rd, j, "id", false);
    r->origin = get_str(&rd, j, "origin", true);
    r->source = get_str(&rd, j, "source", true);
    r->url = get_str(&rd, j, "url", true);
    r->title = get_str(&rd, j, "title", true);
    r->note = get_str(&rd, j, "note", true);
    const char *sha = peek_str(&rd, j, "sha256");
    if (!rd.failed && !is_hex64(sha))
        bad(&rd, "sha256", "not a SHA-256");
    if (!rd.failed)
        memcpy(r->sha256, sha, 65);
    r->published = get_date(&rd, j, "published");
    int from = name_index(peek_str(&rd, j, "published_from"), PUBLISHED_FROM,
                          sizeof PUBLISHED_FROM / sizeof PUBLISHED_FROM[0]);
    if (from < 0)
        bad(&rd, "published_from", "unknown origin of the date");
    r->published_from = PUBLISHED_FROM[from >= 0 ? from : 0];
    const cJSON *dates = field(&rd, j, "dates"), *ents = field(&rd, j, "entities");
    if (!rd.failed && (!cJSON_IsArray(dates) || !cJSON_IsArray(ents)))
        bad(&rd, "dates", "dates and entities must be arrays");
    if (!rd.failed) {
        r->dates = cJSON_Duplicate(dates, 1);
        r->entities = cJSON_Duplicate(ents, 1);
        if (r->dates == NULL || r->entities == NULL) {
            rd.failed = true;
            sd_error_set(err, SD_ENOMEM, "out of memory");
        }
    }
    const cJSON *claims = field(&rd, j, "claims");
    if (!rd.failed && !cJSON_IsArray(claims))
        bad(&rd, "claims", "not an array");
    size_t n = rd.failed ? 0 : (size_t)cJSON_GetArraySize(claims);
    if (!rd.failed) {
        r->ev_line = calloc(n + 1, sizeof(long));
        r->ev_col = calloc(n + 1, sizeof(long));
        if (r->ev_line == NULL || r->ev_col == NULL) {
            rd.failed = true;
            sd_error_set(err, SD_ENOMEM, "out of memory");
        }
    }
    rd.where = "claims";
    const cJSON *list = rd.failed ? NULL : claims, *c;
    cJSON_ArrayForEach(c, list)
    {
        sd_article_claim *ac = sd_article_claims_push(&r->claims);
        if (ac == NULL) {
            rd.failed = true;
            sd_error_set(err, SD_ENOMEM, "out of memory");
            break;
        }
        rd.index = r->claims.n - 1;
        read_claim(&rd, c, m, ac, &r->ev_line[rd.index], &r->ev_col[rd.index]);
        if (rd.failed)
            break;
    }
    if (rd.failed) {
        int code = err != NULL && err->code != SD_OK ? err->code : SD_EINVAL;
        sd_doc_result_clear(r);
        return code;
    }
    return SD_OK;
}

/* ------------------------------------------------------------------ get and put */

/* SHA-256 of the document object's compact JSON: a damaged entry that still parses (a flipped
 * byte inside a string) must not reach a report. cJSON prints its own output back unchanged,
 * so writer and reader hash the same text. */
static bool document_digest(const cJSON *doc, char out[65])
{
    char *text = cJSON_PrintUnformatted(doc);
    if (text == NULL)
        return false;
    sd_sha256_hex(text, strlen(text), out);
    cJSON_free(text);
    return out[0] != '\0';
}

static void set_why(char *why, size_t nwhy, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void set_why(char *why, size_t nwhy, const char *fmt, ...)
{
    if (why == NULL || nwhy == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, nwhy, fmt, ap);
    va_end(ap);
}

/* Replace *slot with a copy of s; false when out of memory. */
static bool replace(char **slot, const char *s)
{
    char *d = sd_strdup(s);
    if (s != NULL && d == NULL)
        return false;
    free(*slot);
    *slot = d;
    return true;
}

int sd_cache_get(const sd_cache *c, const sd_model *m, const sd_doc *doc, const char *key,
                 sd_doc_result *r, char *why, size_t nwhy, sd_error *err)
{
    memset(r, 0, sizeof *r);
    set_why(why, nwhy, "%s", "");
    if (c == NULL || doc == NULL || key == NULL || !is_hex64(key) || doc->status != SD_DOC_OK)
        return 0;
    char *path = sd_cache_entry_path(c, doc->sha256, key);
    if (path == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    size_t len = 0;
    int eno = 0;
    char *buf = read_file(path, SD_CACHE_MAX_BYTES, &len, &eno);
    if (buf == NULL) {
        if (eno == ENOMEM) {
            free(path);
            return sd_error_set(err, SD_ENOMEM, "out of memory");
        }
        if (eno != ENOENT && eno != ENOTDIR)   /* no entry there: a plain miss */
            set_why(why, nwhy, "%s: cannot read: %s", path, strerror(eno));
        free(path);
        return 0;
    }
    cJSON *j = cJSON_ParseWithLength(buf, len);
    free(buf);
    int hit = 0;
    sd_error perr;
    sd_error_clear(&perr);
    const char *schema = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "schema"));
    const char *k = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "key"));
    const char *digest = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "digest"));
    const cJSON *document = cJSON_GetObjectItemCaseSensitive(j, "document");
    char actual[65] = "";
    if (j == NULL)
        set_why(why, nwhy, "%s: not JSON", path);
    else if (schema == NULL || strcmp(schema, SD_CACHE_SCHEMA) != 0)
        set_why(why, nwhy, "%s: not a %s entry", path, SD_CACHE_SCHEMA);
    else if (k == NULL || strcmp(k, key) != 0)
        set_why(why, nwhy, "%s: holds another key", path);
    else if (digest == NULL || document == NULL || !document_digest(document, actual) ||
             strcmp(digest, actual) != 0)
        set_why(why, nwhy, "%s: damaged (its digest does not match)", path);
    else if (sd_cache_result_from_json(document, m, r, &perr) != SD_OK) {
        if (perr.code == SD_ENOMEM) {
            cJSON_Delete(j);
            free(path);
            return sd_error_set(err, SD_ENOMEM, "out of memory");
        }
        set_why(why, nwhy, "%s: %s", path, perr.msg);
    } else if (strcmp(r->sha256, doc->sha256) != 0 || r->id == NULL || doc->id == NULL ||
               strcmp(r->id, doc->id) != 0) {
        set_why(why, nwhy, "%s: holds another document", path);
        sd_doc_result_clear(r);
    } else {
        hit = 1;
    }
    cJSON_Delete(j);
    free(path);
    if (hit && !(replace(&r->origin, doc->origin) && replace(&r->source, doc->source) &&
                 replace(&r->url, doc->url) && replace(&r->title, doc->title) &&
                 replace(&r->note, doc->note))) {
        sd_doc_result_clear(r);
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    }
    return hit;
}

int sd_cache_put(const sd_cache *c, const char *key, const sd_doc_result *r, sd_error *err)
{
    if (c == NULL || r == NULL || r->rejected || !is_hex64(key) || !is_hex64(r->sha256))
        return sd_error_set(err, SD_EUSAGE, "only checked documents with a key are cached");
    cJSON *root = cJSON_CreateObject();
    cJSON *doc = sd_cache_result_to_json(r);
    char digest[65];
    builder b = { root != NULL && doc != NULL && document_digest(doc, digest) };
    if (b.ok) {
        add_str(&b, root, "schema", SD_CACHE_SCHEMA);
        add_str(&b, root, "key", key);
        add_str(&b, root, "digest", digest);
        add(&b, root, "document", doc);
        doc = NULL;
    }
    char *text = b.ok ? cJSON_PrintUnformatted(root) : NULL;
    cJSON_Delete(root);
    cJSON_Delete(doc);
    if (text == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    char *path = sd_cache_entry_path(c, r->sha256, key);
    char *sub = sd_asprintf("%s/%.2s", c->dir, r->sha256);
    char *tmp = path != NULL ? sd_temp_template(path) : NULL;
    int rc = SD_OK;
    if (path == NULL || sub == NULL || tmp == NULL)
        rc = sd_error_set(err, SD_ENOMEM, "out of memory");
    else if (make_dirs(sub) != SD_OK) {
        rc = sd_error_set(err, SD_EIO, "cannot create the cache folder: %s", strerror(errno));
        sd_error_at(err, sub, 0, 0, -1);
    } else {
        int fd = mkstemp(tmp);
        FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
        if (f == NULL) {
            rc = sd_error_set(err, SD_EIO, "cannot write a cache entry: %s", strerror(errno));
            if (fd >= 0) {
                close(fd);
                unlink(tmp);
            }
        } else {
            size_t n = strlen(text);
            bool ok = fwrite(text, 1, n, f) == n && fputc('\n', f) != EOF;
            ok = fclose(f) == 0 && ok;
            /* readable by whoever restores the cache, like any build output */
            ok = ok && chmod(tmp, 0644) == 0;
            if (!ok || rename(tmp, path) != 0) {
                rc = sd_error_set(err, SD_EIO, "cannot write a cache entry: %s", strerror(errno));
                unlink(tmp);
            }
        }
        if (rc != SD_OK)
            sd_error_at(err, path, 0, 0, -1);
    }
    free(text);
    free(path);
    free(sub);
    free(tmp);
    return rc;
}
