#include "check.h"

#include "analyze.h"
#include "extract.h"
#include "verify.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *dup_or_null(const char *s)
{
    if (s == NULL)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d != NULL)
        memcpy(d, s, n);
    return d;
}

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
    r->id = dup_or_null(doc->id);
    r->origin = dup_or_null(doc->origin);
    r->source = dup_or_null(doc->source);
    r->url = dup_or_null(doc->url);
    r->title = dup_or_null(doc->title);
    r->note = dup_or_null(doc->note);
    memcpy(r->sha256, doc->sha256, sizeof r->sha256);
    r->published = doc->published;
    r->published_from = doc->published.prec != SD_PREC_NONE ? doc->published_from : "";
    r->dates = cJSON_CreateArray();
    r->entities = cJSON_CreateArray();
    if (r->id == NULL || r->dates == NULL || r->entities == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    if (doc->status == SD_DOC_REJECTED) {
        r->rejected = true;
        r->reject_reason = dup_or_null(doc->reject_reason != NULL ? doc->reject_reason : "rejected");
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

int sd_check_run(const sd_check_env *env, const char *const *inputs, size_t ninputs,
                 const sd_check_opts *opts, sd_check_results *out, sd_error *err)
{
    memset(out, 0, sizeof *out);
    sd_ingest_opts iopts = {opts->max_bytes};
    sd_ingest *in = NULL;
    int rc = sd_ingest_open(&in, inputs, ninputs, &iopts, err);
    if (rc != SD_OK)
        return rc;
    double start = now_seconds();
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
        rc = sd_check_document(env, doc, opts, r, err);
        sd_doc_free(doc);
        if (rc != SD_OK)
            break;
        if (opts->on_document != NULL && opts->on_document(r, opts->user) != 0)
            break;
        if (opts->progress != NULL) {
            double el = now_seconds() - start;
            fprintf(opts->progress, "\r\033[Ksanad: %zu documents, %.1f docs/s, %.1fs", out->n,
                    el > 0 ? (double)out->n / el : 0.0, el);
            fflush(opts->progress);
        }
    }
    if (opts->progress != NULL) {
        fputs("\r\033[K", opts->progress);
        fflush(opts->progress);
    }
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
