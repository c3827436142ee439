/* Helpers shared by the suites that judge hand-built claims (verify, reconcile, report). */
#include "sd_test.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model.h"
#include "util.h"

#include <stdio.h>

static sd_model *g_verify_model;

static void free_verify_model(void)
{
    sd_model_free(g_verify_model);
    g_verify_model = NULL;
}

const sd_model *sd_test_verify_model(void)
{
    if (g_verify_model == NULL) {
        sd_error e;
        sd_error_clear(&e);
        if (sd_model_load(&g_verify_model, SD_TEST_DATA "/verify-model.json", &e) != SD_OK)
            return NULL;
        atexit(free_verify_model);
    }
    return g_verify_model;
}

cJSON *sd_test_args(const char *args)
{
    size_t n = strlen(args);
    char *s = malloc(n + 1);
    if (s == NULL)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        s[i] = args[i] == '\'' ? '"' : args[i];
    cJSON *j = cJSON_Parse(s);
    free(s);
    return j;
}

sd_article_claim *sd_test_push_claim(sd_doc_result *r, const char *pattern, const char *evidence,
                                     size_t start, long line)
{
    sd_article_claim *c = sd_article_claims_push(&r->claims);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    char id[64];
    snprintf(id, sizeof id, "%s#%zu", r->id, r->claims.n);
    c->id = sd_strdup(id);
    c->pattern = sd_strdup(pattern);
    c->ev_text = sd_strdup(evidence);
    c->ev_start = start;
    c->ev_end = start + strlen(evidence);
    long *l = realloc(r->ev_line, r->claims.n * sizeof *l);
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    r->ev_line = l;
    long *k = realloc(r->ev_col, r->claims.n * sizeof *k);
    CU_ASSERT_PTR_NOT_NULL_FATAL(k);
    r->ev_col = k;
    r->ev_line[r->claims.n - 1] = line;
    r->ev_col[r->claims.n - 1] = 5;
    return c;
}
