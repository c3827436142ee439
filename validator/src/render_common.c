/* render_common: shared reads of the report tree for the renderers (see render_common.h). */
#include "render_common.h"

#include <limits.h>
#include <string.h>

const sd_finding_rule sd_finding_rules[] = {
    {"refuted", "RefutedClaim", "error",
     "A claim contradicts the reference model.",
     "The article states something the curated reference model records differently; the "
     "claim was judged refuted or partly supported.",
     "Compare the claim with the reference facts and their sources listed with the finding; "
     "correct the article or, if the model is wrong, the model."},
    {"conflict", "ConflictingSources", "warning",
     "Two documents disagree on the same fact.",
     "Two or more documents make claims with the same key (type, subject and time) but "
     "different values, whether or not the reference model can decide between them.",
     "Read the sides of the conflict and check each against its sources."},
    {"anachronism", "Anachronism", "error",
     "A title or role is attributed to someone who did not hold it at that time.",
     "The article names a person with an office that, at the article's date, was held by "
     "someone else according to the reference model.",
     "Check the office holder at the article's publication date."},
    {"rejected", "RejectedInput", "error",
     "An input document could not be read.",
     "The document was rejected before checking (unreadable file, invalid UTF-8, bad "
     "metadata); it is reported so that nothing is silently dropped.",
     "Fix the input file at the byte offset named in the message."},
    {"date_window", "DateWindow", "warning",
     "An undated document was dated from the office holders it names.",
     "The document carries no publication date, or one that contradicts the office holders "
     "it names; the window in which it can have been written is reported.",
     "Add or correct the document's publication date in its metadata."},
};
const size_t sd_finding_rule_count = sizeof sd_finding_rules / sizeof sd_finding_rules[0];

const char *sd_rj_str(const cJSON *o, const char *key)
{
    const cJSON *v;

    if (!cJSON_IsObject(o))
        return NULL;
    v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

const cJSON *sd_rj_obj(const cJSON *o, const char *key)
{
    const cJSON *v;

    if (!cJSON_IsObject(o))
        return NULL;
    v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsObject(v) ? v : NULL;
}

const cJSON *sd_rj_arr(const cJSON *o, const char *key)
{
    const cJSON *v;

    if (!cJSON_IsObject(o))
        return NULL;
    v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsArray(v) ? v : NULL;
}

long sd_rj_long(const cJSON *o, const char *key, long dflt)
{
    const cJSON *v;

    if (!cJSON_IsObject(o))
        return dflt;
    v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsNumber(v) || !(v->valuedouble >= (double)LONG_MIN / 2)
        || !(v->valuedouble <= (double)LONG_MAX / 2))
        return dflt;
    return (long)v->valuedouble;
}

bool sd_rj_true(const cJSON *o, const char *key)
{
    return cJSON_IsObject(o) && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, key));
}

int sd_render_check_report(const cJSON *report, sd_error *err)
{
    const char *schema = sd_rj_str(report, "schema");

    if (schema == NULL || strcmp(schema, "sanad-report/1") != 0)
        return sd_error_set(err, SD_EINVAL, "not a sanad-report/1 tree (schema is %s)",
                            schema ? schema : "missing");
    if (sd_rj_arr(report, "documents") == NULL)
        return sd_error_set(err, SD_EINVAL, "report has no documents array");
    return 0;
}

int sd_render_check_stream(FILE *out, sd_error *err)
{
    if (fflush(out) != 0 || ferror(out))
        return sd_error_set(err, SD_EIO, "cannot write the report");
    return 0;
}

int sd_finding_rule_index(const char *type)
{
    size_t i;

    if (type == NULL)
        return -1;
    for (i = 0; i < sd_finding_rule_count; i++)
        if (strcmp(sd_finding_rules[i].type, type) == 0)
            return (int)i;
    return -1;
}

bool sd_render_doc_has_conflict_finding(const cJSON *doc, const char *claim_id)
{
    const cJSON *f;

    if (claim_id == NULL)
        return false;
    cJSON_ArrayForEach(f, sd_rj_arr(doc, "findings")) {
        const char *type = sd_rj_str(f, "type"), *claim = sd_rj_str(f, "claim");
        if (type && claim && strcmp(type, "conflict") == 0 && strcmp(claim, claim_id) == 0)
            return true;
    }
    return false;
}

bool sd_render_doc_needs_rejected(const cJSON *doc)
{
    const char *status = sd_rj_str(doc, "status");
    const cJSON *f;

    if (status == NULL || strcmp(status, "rejected") != 0)
        return false;
    cJSON_ArrayForEach(f, sd_rj_arr(doc, "findings")) {
        const char *type = sd_rj_str(f, "type");
        if (type && strcmp(type, "rejected") == 0)
            return false;
    }
    return true;
}

const cJSON *sd_render_find_doc(const cJSON *report, const char *id)
{
    const cJSON *d;

    if (id == NULL)
        return NULL;
    cJSON_ArrayForEach(d, sd_rj_arr(report, "documents")) {
        const char *did = sd_rj_str(d, "id");
        if (did && strcmp(did, id) == 0)
            return d;
    }
    return NULL;
}
