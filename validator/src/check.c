#include "check.h"
#include "util.h"

#include "analyze.h"
#include "cache.h"
#include "changed.h"
#include "extract.h"
#include "verify.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static cJSON *date_json(const sd_analysis *a, const sd_date_mention *d)
{
    cJSON *o = cJSON_CreateObject();
    char *text = sd_analysis_source_text(a, d->start, d->end);
    size_t os, oe;
    sd_analysis_source_span(a, d->start, d->end, &os, &oe);
    char buf[11];
    sd_date_format(d->value, buf);
    cJSON_AddStringToObject(o, "text", text != NULL ? text : "");
    if (d->value.prec != SD_PREC_NONE)
        cJSON_AddStringToObject(o, "value", buf);
    else
        cJSON_AddNullToObject(o, "value");
    cJSON_AddStringToObject(o, "precision", sd_precision_name(d->value.prec));
    cJSON_AddStringToObject(o, "calendar", d->calendar == SD_CAL_PERSIAN ? "persian" : "gregorian");
    cJSON_AddBoolToObject(o, "anchored", d->anchored);
    cJSON_AddBoolToObject(o, "relative", d->relative);
    cJSON_AddNumberToObject(o, "start", (double)os);
    cJSON_AddNumberToObject(o, "end", (double)oe);
    free(text);
    return o;
}

static cJSON *mention_json(const sd_analysis *a, const sd_mention *m)
{
    cJSON *o = cJSON_CreateObject();
    char *text = sd_analysis_source_text(a, m->start, m->end);
    size_t os, oe;
    sd_analysis_source_span(a, m->start, m->end, &os, &oe);
    if (m->entity != NULL) {
        cJSON_AddStringToObject(o, "id", m->entity->id);
    } else {
        cJSON_AddNullToObject(o, "id");
        cJSON *c = cJSON_AddArrayToObject(o, "candidates");
        for (size_t i = 0; i < m->ncandidates; i++)
            cJSON_AddItemToArray(c, cJSON_CreateString(m->candidates[i]->id));
    }
    cJSON_AddStringToObject(o, "text", text != NULL ? text : "");
    cJSON_AddNumberToObject(o, "start", (double)os);
    cJSON_AddNumberToObject(o, "end", (double)oe);
    if (m->loose)
        cJSON_AddBoolToObject(o, "loose", true);
    free(text);
    return o;
}

void sd_doc_result_clear(sd_doc_result *r)
{
    free(r->id);
    free(r->origin);
    free(r->source);
    free(r->url);
    free(r->title);
    free(r->note);
    free(r->reject_reason);
    cJSON_Delete(r->dates);
    cJSON_Delete(r->entities);
    sd_article_claims_free(&r->claims);
    free(r->ev_line);
    free(r->ev_col);
    free(r->text);
    free(r->window_reason);
    memset(r, 0, sizeof *r);
}

int sd_check_document(const sd_check_env *env, const sd_doc *doc, const sd_check_opts *opts,
                      sd_doc_result *r, sd_error *err)
{
    memset(r, 0, sizeof *r);
    r->id = sd_strdup(doc->id);
    r->origin = sd_strdup(doc->origin);
    r->source = sd_strdup(doc->source);
    r->url = sd_strdup(doc->url);
    r->title = sd_strdup(doc->title);
    r->note = sd_strdup(doc->note);
    memcpy(r->sha256, doc->sha256, sizeof r->sha256);
    r->published = doc->published;
    r->published_from = doc->published.prec != SD_PREC_NONE ? doc->published_from : "";
    r->dates = cJSON_CreateArray();
    r->entities = cJSON_CreateArray();
    if (r->id == NULL || r->dates == NULL || r->entities == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    if (doc->status == SD_DOC_REJECTED) {
        r->rejected = true;
        r->reject_reason = sd_strdup(doc->reject_reason != NULL ? doc->reject_reason : "rejected");
        return SD_OK;
    }
    sd_doc local = *doc;
    if (local.published.prec == SD_PREC_NONE && opts->as_of.prec != SD_PREC_NONE) {
        local.published = opts->as_of;
        local.published_from = "as-of";
    }
    sd_analysis a;
    int rc = sd_analyze(&local, env->gazetteer, env->patterns, &a, err);
    if (rc != SD_OK)
        return rc;
    r->published = a.published;
    r->published_from = a.published.prec != SD_PREC_NONE ? a.published_from : "";
    for (size_t i = 0; i < a.dates.n; i++)
        cJSON_AddItemToArray(r->dates, date_json(&a, &a.dates.items[i]));
    for (size_t i = 0; i < a.mentions.n; i++)
        cJSON_AddItemToArray(r->entities, mention_json(&a, &a.mentions.items[i]));
    rc = sd_extract(&a, env->patterns, env->model, &r->claims, err);
    sd_analysis_free(&a);
    if (rc != SD_OK)
        return rc;
    r->ev_line = calloc(r->claims.n + 1, sizeof(long));
    r->ev_col = calloc(r->claims.n + 1, sizeof(long));
    if (r->ev_line == NULL || r->ev_col == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    for (size_t i = 0; i < r->claims.n; i++) {
        sd_article_claim *c = &r->claims.items[i];
        sd_error_locate(doc->text, doc->len, c->ev_start, &r->ev_line[i], &r->ev_col[i]);
        if (opts->verify && (rc = sd_verify_claim(env->model, c, err)) != SD_OK)
            return rc;
    }
    if (opts->keep_text) {
        r->text = malloc(doc->len + 1);
        if (r->text == NULL)
            return sd_error_set(err, SD_ENOMEM, "out of memory");
        memcpy(r->text, doc->text, doc->len);
        r->text[doc->len] = '\0';
        r->text_len = doc->len;
    }
    return SD_OK;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---------------------------------------------------------------- progress */

/* The pre-pass that gives the progress line its total: documents counted by name while walking
 * the folders (no file is opened), as ingest will meet them. -1 when it cannot be known
 * cheaply: stdin, a JSONL corpus (its documents are lines), or a pathological tree. */
enum { COUNT_MAX_DEPTH = 64, COUNT_MAX_ENTRIES = 1000000 };

static bool has_suffix_ci(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
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

static long count_path(const char *path, bool named, int depth, long *budget)
{
    if (--*budget < 0 || depth > COUNT_MAX_DEPTH)
        return -1;
    if (named && strcmp(path, "-") == 0)
        return -1;
    struct stat st;
    if (stat(path, &st) != 0)
        return 1;   /* an unreadable path is one rejected document */
    if (!S_ISDIR(st.st_mode)) {
        if (has_suffix_ci(path, ".jsonl"))
            return -1;
        if (has_suffix_ci(path, ".meta.json"))
            return 0;
        if (named)
            return 1;   /* named on the command line: an article whatever its name */
        return S_ISREG(st.st_mode) && sd_changed_is_document_name(path) ? 1 : 0;
    }
    DIR *dir = opendir(path);
    if (dir == NULL)
        return 1;
    long total = 0;
    struct dirent *e;
    size_t plen = strlen(path);
    while (total >= 0 && (e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t n = plen + strlen(e->d_name) + 2;
        char *child = malloc(n);
        if (child == NULL) {
            total = -1;
            break;
        }
        snprintf(child, n, "%s/%s", path, e->d_name);
        long c = count_path(child, false, depth + 1, budget);
        free(child);
        total = c < 0 ? -1 : total + c;
    }
    closedir(dir);
    return total;
}

static long count_documents(const char *const *inputs, size_t ninputs)
{
    long total = 0, budget = COUNT_MAX_ENTRIES;
    for (size_t i = 0; i < ninputs && total >= 0; i++) {
        long c = count_path(inputs[i], true, 0, &budget);
        total = c < 0 ? -1 : total + c;
    }
    return total;
}

typedef struct progress {
    FILE *f;
    long total;             /* -1: unknown */
    double start, last;
} progress;

static void progress_show(progress *p, size_t done)
{
    if (p->f == NULL)
        return;
    double now = now_seconds(), el = now - p->start;
    if (now - p->last < 0.1)
        return;   /* a terminal does not need more than ten updates a second */
    p->last = now;
    double rate = el > 0 ? (double)done / el : 0.0;
    if (p->total >= 0 && (size_t)p->total >= done) {
        fprintf(p->f, "\r\033[Ksanad: %zu/%ld documents, %.1f docs/s", done, p->total, rate);
        if (rate > 0)
            fprintf(p->f, ", %.0fs left", ((double)p->total - (double)done) / rate);
    } else {
        fprintf(p->f, "\r\033[Ksanad: %zu documents, %.1f docs/s", done, rate);
    }
    fflush(p->f);
}

/* ---------------------------------------------------------------- incremental runs */

/* The file a document came from, canonical: "dir/a.txt" itself, "corpus.jsonl:12" → the
 * corpus. Remembers the last corpus so a JSONL corpus is resolved once. NULL for stdin. */
typedef struct path_memo {
    char *origin_file, *canon;
} path_memo;

static const char *doc_file(path_memo *memo, const char *origin)
{
    if (origin == NULL || strcmp(origin, "-") == 0)
        return NULL;
    size_t n = strlen(origin), k = n;
    while (k > 0 && origin[k - 1] >= '0' && origin[k - 1] <= '9')
        k--;
    if (k < n && k > 1 && origin[k - 1] == ':') {
        char *file = malloc(k);
        if (file == NULL)
            return NULL;
        memcpy(file, origin, k - 1);
        file[k - 1] = '\0';
        if (has_suffix_ci(file, ".jsonl")) {
            if (memo->origin_file == NULL || strcmp(memo->origin_file, file) != 0) {
                free(memo->origin_file);
                free(memo->canon);
                memo->origin_file = file;
                memo->canon = sd_changed_canonical(file);
            } else {
                free(file);
            }
            return memo->canon;
        }
        free(file);
    }
    free(memo->origin_file);
    free(memo->canon);
    memo->origin_file = NULL;
    memo->canon = sd_changed_canonical(origin);
    return memo->canon;
}

static void warn(const sd_check_opts *opts, const char *what, const char *detail)
{
    if (opts->warnings != NULL)
        fprintf(opts->warnings, "sanad: warning: claims cache: %s%s\n", what, detail);
}

/* One document, through the cache when there is one. */
static int process(const sd_check_env *env, const sd_doc *doc, const sd_check_opts *opts,
                   sd_doc_result *r, sd_check_results *out, path_memo *memo, sd_error *err)
{
    if (opts->cache == NULL || doc->status != SD_DOC_OK)
        return sd_check_document(env, doc, opts, r, err);
    char key[65];
    sd_cache_key(opts->cache, doc, opts->as_of, opts->verify, key);
    bool changed = opts->changed != NULL && sd_changed_contains(opts->changed, doc_file(memo, doc->origin));
    if (changed) {
        out->changed++;
    } else {
        char why[1200];
        int hit = sd_cache_get(opts->cache, env->model, doc, key, r, why, sizeof why, err);
        if (hit < 0)
            return hit;
        if (hit > 0) {
            out->from_cache++;
            if (opts->keep_text) {
                r->text = malloc(doc->len + 1);
                if (r->text == NULL)
                    return sd_error_set(err, SD_ENOMEM, "out of memory");
                memcpy(r->text, doc->text, doc->len);
                r->text[doc->len] = '\0';
                r->text_len = doc->len;
            }
            return SD_OK;
        }
        if (why[0] != '\0')
            warn(opts, why, "; the document is checked again");
    }
    out->checked++;
    int rc = sd_check_document(env, doc, opts, r, err);
    if (rc != SD_OK)
        return rc;
    sd_error werr;
    sd_error_clear(&werr);
    if (sd_cache_put(opts->cache, key, r, &werr) == SD_OK) {
        out->cache_written++;
    } else if (out->cache_write_failed++ == 0) {
        /* one warning: a read-only cache folder would otherwise give one per document */
        char buf[1400];
        sd_error_format(&werr, buf, sizeof buf);
        warn(opts, buf, " (further write failures are only counted)");
    }
    return SD_OK;
}

int sd_check_run(const sd_check_env *env, const char *const *inputs, size_t ninputs,
                 const sd_check_opts *opts, sd_check_results *out, sd_error *err)
{
    memset(out, 0, sizeof *out);
    sd_ingest_opts iopts = {opts->max_bytes};
    sd_ingest *in = NULL;
    int rc = sd_ingest_open(&in, inputs, ninputs, &iopts, err);
    if (rc != SD_OK)
        return rc;
    progress prog = {opts->progress, -1, 0, 0};
    if (prog.f != NULL)
        prog.total = count_documents(inputs, ninputs);
    prog.start = now_seconds();
    path_memo memo = {NULL, NULL};
    for (;;) {
        sd_doc *doc = NULL;
        int got = sd_ingest_next(in, &doc, err);
        if (got < 0) {
            rc = got;
            break;
        }
        if (got == 0)
            break;
        if (out->n == out->cap) {
            size_t cap = out->cap ? out->cap * 2 : 16;
            sd_doc_result *g = realloc(out->docs, cap * sizeof *g);
            if (g == NULL) {
                sd_doc_free(doc);
                rc = sd_error_set(err, SD_ENOMEM, "out of memory");
                break;
            }
            out->docs = g;
            out->cap = cap;
        }
        sd_doc_result *r = &out->docs[out->n++];
        rc = process(env, doc, opts, r, out, &memo, err);
        sd_doc_free(doc);
        if (rc != SD_OK)
            break;
        if (opts->on_document != NULL && opts->on_document(r, opts->user) != 0)
            break;
        progress_show(&prog, out->n);
    }
    if (prog.f != NULL) {
        fputs("\r\033[K", prog.f);
        fflush(prog.f);
    }
    free(memo.origin_file);
    free(memo.canon);
    out->skipped = sd_ingest_skipped_count(in);
    sd_ingest_close(in);
    return rc;
}

void sd_check_results_free(sd_check_results *res)
{
    for (size_t i = 0; i < res->n; i++)
        sd_doc_result_clear(&res->docs[i]);
    free(res->docs);
    memset(res, 0, sizeof *res);
}
