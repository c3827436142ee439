#include "claims.h"

#include <stdlib.h>
#include <string.h>

static const char *const modality_names[] = {
    "asserted", "reported", "hedged", "opinion", "forecast", "hypothetical",
};

int sd_claim_modality_from_name(const char *name)
{
    for (int i = 0; name != NULL && i < (int)SD_MODALITY_COUNT; i++)
        if (strcmp(modality_names[i], name) == 0)
            return i;
    return -1;
}

const char *sd_verdict_label_name(sd_verdict_label v)
{
    switch (v) {
    case SD_V_SUPPORTED: return "supported";
    case SD_V_REFUTED: return "refuted";
    case SD_V_PARTLY: return "partly_supported";
    case SD_V_DISPUTED: return "disputed";
    case SD_V_UNVERIFIABLE: return "unverifiable";
    case SD_V_NOT_CHECKED: return "not_checked";
    default: return "none";
    }
}

sd_article_claim *sd_article_claims_push(sd_article_claim_list *l)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        sd_article_claim *p = realloc(l->items, cap * sizeof *p);
        if (p == NULL)
            return NULL;
        l->items = p;
        l->cap = cap;
    }
    sd_article_claim *c = &l->items[l->n++];
    memset(c, 0, sizeof *c);
    return c;
}

static void free_strings(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void sd_verdict_clear(sd_verdict *v)
{
    free(v->reason);
    free_strings(v->wrong, v->nwrong);
    free_strings(v->missing, v->nmissing);
    free(v->facts);
    memset(v, 0, sizeof *v);
}

void sd_article_claim_clear(sd_article_claim *c)
{
    free(c->id);
    free(c->pattern);
    cJSON_Delete(c->args);
    free(c->time_text);
    free(c->ev_text);
    sd_verdict_clear(&c->verdict);
    memset(c, 0, sizeof *c);
}

void sd_article_claims_free(sd_article_claim_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        sd_article_claim_clear(&l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

const char *sd_article_claim_arg(const sd_article_claim *c, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(c->args, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

size_t sd_article_claim_arg_list(const sd_article_claim *c, const char *key, const char **out, size_t max)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(c->args, key);
    size_t n = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, v)
    {
        if (cJSON_IsString(it) && n < max)
            out[n++] = it->valuestring;
    }
    return n;
}

cJSON *sd_article_claim_to_json(const sd_article_claim *c, const char *doc_id)
{
    cJSON *o = cJSON_CreateObject();
    if (o == NULL)
        return NULL;
    cJSON_AddStringToObject(o, "schema", "sanad-claim/1");
    cJSON_AddStringToObject(o, "id", c->id != NULL ? c->id : "");
    if (doc_id != NULL)
        cJSON_AddStringToObject(o, "doc", doc_id);
    cJSON_AddStringToObject(o, "type", sd_claim_type_name(c->type));
    cJSON_AddItemToObject(o, "args", c->args != NULL ? cJSON_Duplicate(c->args, 1)
                                                     : cJSON_CreateObject());
    if (c->has_time && c->time.prec != SD_PREC_NONE) {
        char buf[11];
        sd_date_format(c->time, buf);
        cJSON *t = cJSON_AddObjectToObject(o, "time");
        cJSON_AddStringToObject(t, "value", buf);
        cJSON_AddStringToObject(t, "precision", sd_precision_name(c->time.prec));
        cJSON_AddBoolToObject(t, "anchored", c->anchored);
        cJSON_AddStringToObject(t, "calendar",
                                c->calendar == SD_CAL_PERSIAN ? "persian" : "gregorian");
        if (c->from_publication)
            cJSON_AddBoolToObject(t, "from_publication", true);
        if (c->time_text != NULL)
            cJSON_AddStringToObject(t, "text", c->time_text);
    } else {
        cJSON_AddNullToObject(o, "time");
    }
    cJSON_AddStringToObject(o, "modality", sd_claim_modality_name(c->modality));
    cJSON *ev = cJSON_AddObjectToObject(o, "evidence");
    cJSON_AddNumberToObject(ev, "start", (double)c->ev_start);
    cJSON_AddNumberToObject(ev, "end", (double)c->ev_end);
    cJSON_AddStringToObject(ev, "text", c->ev_text != NULL ? c->ev_text : "");
    cJSON_AddStringToObject(o, "pattern", c->pattern != NULL ? c->pattern : "");
    cJSON_AddStringToObject(o, "extractor", "sanad/" SANAD_VERSION);
    return o;
}
