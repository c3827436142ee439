/* render_sarif: the report as one SARIF 2.1.0 run, for code-scanning dashboards.
 * Columns are counted in Unicode code points (run.columnKind), as the report counts them.
 * A conflict becomes one result at its first side with relatedLocations for the others; a
 * document's own `conflict` finding for a claim that is a side of a top-level conflict is
 * folded into that result (its suppression too) so nothing is reported twice. */
#include "render.h"

#include "escape.h"
#include "render_common.h"

#include <stdlib.h>
#include <string.h>

typedef struct sarif_ctx {
    const cJSON *report;
    bool oom;
} sarif_ctx;

/* cJSON builders return NULL on allocation failure; remember that instead of checking at
 * every call site (adding to a NULL parent is a no-op in cJSON). */
static cJSON *sarif_check(sarif_ctx *cx, cJSON *item)
{
    if (item == NULL)
        cx->oom = true;
    return item;
}

static cJSON *sarif_obj(sarif_ctx *cx, cJSON *parent, const char *key)
{
    return sarif_check(cx, cJSON_AddObjectToObject(parent, key));
}

static cJSON *sarif_arr(sarif_ctx *cx, cJSON *parent, const char *key)
{
    return sarif_check(cx, cJSON_AddArrayToObject(parent, key));
}

static void sarif_str(sarif_ctx *cx, cJSON *parent, const char *key, const char *value)
{
    sarif_check(cx, cJSON_AddStringToObject(parent, key, value ? value : ""));
}

static void sarif_num(sarif_ctx *cx, cJSON *parent, const char *key, double value)
{
    sarif_check(cx, cJSON_AddNumberToObject(parent, key, value));
}

static void sarif_text(sarif_ctx *cx, cJSON *parent, const char *key, const char *text)
{
    sarif_str(cx, sarif_obj(cx, parent, key), "text", text);
}

static cJSON *sarif_push(sarif_ctx *cx, cJSON *array)
{
    cJSON *o = sarif_check(cx, cJSON_CreateObject());

    if (o != NULL && !cJSON_AddItemToArray(array, o)) {
        cJSON_Delete(o);
        cx->oom = true;
        return NULL;
    }
    return o;
}

/* Percent-encode a path as a relative URI reference (RFC 3986): unreserved characters and
 * '/' stay, everything else (spaces, Persian letters, '%', '#', '?') is encoded. An absolute
 * path becomes a file: URI. Caller frees. */
static char *sarif_uri(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t i, n = strlen(path), o = 0;
    char *uri = malloc(n * 3 + 8);

    if (uri == NULL)
        return NULL;
    if (path[0] == '/') {
        memcpy(uri, "file://", 7);
        o = 7;
    }
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)path[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            uri[o++] = (char)c;
        } else {
            uri[o++] = '%';
            uri[o++] = hex[c >> 4];
            uri[o++] = hex[c & 15];
        }
    }
    uri[o] = '\0';
    return uri;
}

static void sarif_artifact_location(sarif_ctx *cx, cJSON *parent, const char *origin,
                                    long index)
{
    cJSON *al = sarif_obj(cx, parent, "artifactLocation");
    char *uri = sarif_uri(origin ? origin : "unknown");

    if (uri == NULL) {
        cx->oom = true;
        return;
    }
    sarif_str(cx, al, "uri", uri);
    if (uri[0] != 'f' || strncmp(uri, "file://", 7) != 0)
        sarif_str(cx, al, "uriBaseId", "SRCROOT");
    if (index >= 0)
        sarif_num(cx, al, "index", (double)index);
    free(uri);
}

/* physicalLocation for a document and (optional) evidence {start,end,line,column,text}. */
static void sarif_physical(sarif_ctx *cx, cJSON *loc, const cJSON *doc, long doc_index,
                           const cJSON *ev)
{
    cJSON *pl = sarif_obj(cx, loc, "physicalLocation"), *region;
    long start = sd_rj_long(ev, "start", -1), end = sd_rj_long(ev, "end", -1);
    long line = sd_rj_long(ev, "line", 0), col = sd_rj_long(ev, "column", 0);
    const char *text = sd_rj_str(ev, "text");

    sarif_artifact_location(cx, pl, sd_rj_str(doc, "origin"), doc_index);
    if (ev == NULL && sd_rj_str(doc, "text") != NULL) {
        /* A finding about the whole document (date_window): the region is all of it. */
        region = sarif_obj(cx, pl, "region");
        sarif_num(cx, region, "byteOffset", 0);
        sarif_num(cx, region, "byteLength", (double)strlen(sd_rj_str(doc, "text")));
        return;
    }
    if (ev == NULL || ((start < 0 || end < start) && line <= 0))
        return;
    region = sarif_obj(cx, pl, "region");
    if (line > 0 && col > 0) {
        long eline = line, ecol = col;
        if (text)
            sd_text_advance(text, strlen(text), &eline, &ecol);
        sarif_num(cx, region, "startLine", (double)line);
        sarif_num(cx, region, "startColumn", (double)col);
        sarif_num(cx, region, "endLine", (double)eline);
        sarif_num(cx, region, "endColumn", (double)ecol);
    }
    if (start >= 0 && end >= start) {
        sarif_num(cx, region, "byteOffset", (double)start);
        sarif_num(cx, region, "byteLength", (double)(end - start));
    }
    if (text)
        sarif_text(cx, region, "snippet", text);
}

static long sarif_doc_index(const cJSON *report, const char *doc_id)
{
    const cJSON *d;
    long i = 0;

    cJSON_ArrayForEach(d, sd_rj_arr(report, "documents")) {
        const char *id = sd_rj_str(d, "id");
        if (id && doc_id && strcmp(id, doc_id) == 0)
            return i;
        i++;
    }
    return -1;
}

static const char *sarif_level(const char *severity, int rule)
{
    if (severity && (strcmp(severity, "error") == 0 || strcmp(severity, "warning") == 0
                     || strcmp(severity, "note") == 0))
        return severity;
    return rule >= 0 ? sd_finding_rules[rule].level : "warning";
}

static cJSON *sarif_result(sarif_ctx *cx, cJSON *results, const char *type,
                           const char *severity, const char *message, const char *fingerprint)
{
    cJSON *r = sarif_push(cx, results);
    int rule = sd_finding_rule_index(type);
    char id[96];

    snprintf(id, sizeof id, "sanad/%s", type ? type : "unknown");
    sarif_str(cx, r, "ruleId", id);
    if (rule >= 0)
        sarif_num(cx, r, "ruleIndex", rule);
    sarif_str(cx, r, "level", sarif_level(severity, rule));
    sarif_text(cx, r, "message",
               message && *message ? message
                                   : (rule >= 0 ? sd_finding_rules[rule].short_desc : id));
    if (fingerprint && *fingerprint)
        sarif_str(cx, sarif_obj(cx, r, "partialFingerprints"), "sanadFindingHash/v1",
                  fingerprint);
    return r;
}

static void sarif_suppress(sarif_ctx *cx, cJSON *result, const cJSON *suppression)
{
    cJSON *s = sarif_push(cx, sarif_arr(cx, result, "suppressions"));
    const char *why = sd_rj_str(suppression, "justification");

    if (why == NULL)
        why = sd_rj_str(suppression, "reason");
    sarif_str(cx, s, "kind", "external");
    sarif_str(cx, s, "justification", why ? why : "Listed in the baseline of known findings.");
}

/* Is claim_id a side of some top-level conflict? */
static bool sarif_claim_in_conflict(const cJSON *report, const char *claim_id)
{
    const cJSON *c, *side;

    if (claim_id == NULL)
        return false;
    cJSON_ArrayForEach(c, sd_rj_arr(report, "conflicts"))
        cJSON_ArrayForEach(side, sd_rj_arr(c, "sides")) {
            const char *claim = sd_rj_str(side, "claim");
            if (claim && strcmp(claim, claim_id) == 0)
                return true;
        }
    return false;
}

static void sarif_doc_results(sarif_ctx *cx, cJSON *results, const cJSON *doc, long index)
{
    const cJSON *f;

    if (sd_render_doc_needs_rejected(doc)) {
        const char *reason = sd_rj_str(doc, "reject_reason");
        cJSON *r = sarif_result(cx, results, "rejected", "error",
                                reason ? reason : "The document was rejected.", NULL);
        sarif_physical(cx, sarif_push(cx, sarif_arr(cx, r, "locations")), doc, index, NULL);
    }
    cJSON_ArrayForEach(f, sd_rj_arr(doc, "findings")) {
        const char *type = sd_rj_str(f, "type"), *claim = sd_rj_str(f, "claim");
        cJSON *r;

        if (type && strcmp(type, "conflict") == 0
            && sarif_claim_in_conflict(cx->report, claim))
            continue;
        r = sarif_result(cx, results, type, sd_rj_str(f, "severity"), sd_rj_str(f, "message"),
                         sd_rj_str(f, "fingerprint"));
        sarif_physical(cx, sarif_push(cx, sarif_arr(cx, r, "locations")), doc, index,
                       sd_rj_obj(f, "evidence"));
        if (claim)
            sarif_str(cx, sarif_obj(cx, r, "properties"), "claim", claim);
        if (sd_rj_true(f, "suppressed"))
            sarif_suppress(cx, r, sd_rj_obj(f, "suppression"));
    }
}

/* The document's own conflict finding for a side, if it records one. */
static const cJSON *sarif_side_finding(const cJSON *doc, const char *claim_id)
{
    const cJSON *f;

    cJSON_ArrayForEach(f, sd_rj_arr(doc, "findings")) {
        const char *type = sd_rj_str(f, "type"), *claim = sd_rj_str(f, "claim");
        if (type && claim && claim_id && strcmp(type, "conflict") == 0
            && strcmp(claim, claim_id) == 0)
            return f;
    }
    return NULL;
}

static void sarif_conflict(sarif_ctx *cx, cJSON *results, const cJSON *c)
{
    const cJSON *side, *suppressed_by = NULL;
    cJSON *r, *related = NULL;
    long n = 0, recorded = 0, suppressed = 0;

    r = sarif_result(cx, results, "conflict", NULL, sd_rj_str(c, "message"),
                     sd_rj_str(c, "fingerprint"));
    cJSON_ArrayForEach(side, sd_rj_arr(c, "sides")) {
        const char *doc_id = sd_rj_str(side, "doc"), *claim = sd_rj_str(side, "claim");
        const cJSON *doc = sd_render_find_doc(cx->report, doc_id);
        const cJSON *own = sarif_side_finding(doc, claim);
        long index = sarif_doc_index(cx->report, doc_id);
        cJSON *loc;
        char msg[1024];

        if (own) {
            recorded++;
            if (sd_rj_true(own, "suppressed")) {
                suppressed++;
                suppressed_by = sd_rj_obj(own, "suppression");
            }
        }
        if (n++ == 0) {
            loc = sarif_push(cx, sarif_arr(cx, r, "locations"));
        } else {
            if (related == NULL)
                related = sarif_arr(cx, r, "relatedLocations");
            loc = sarif_push(cx, related);
            sarif_num(cx, loc, "id", (double)(n - 1));
        }
        snprintf(msg, sizeof msg, "%s says: %s", claim ? claim : (doc_id ? doc_id : "?"),
                 sd_rj_str(side, "value") ? sd_rj_str(side, "value") : "?");
        sarif_text(cx, loc, "message", msg);
        if (doc == NULL) {
            /* A side whose document is not in this report (merged shard): name it only. */
            sarif_artifact_location(cx, sarif_obj(cx, loc, "physicalLocation"),
                                    doc_id ? doc_id : "unknown", -1);
            continue;
        }
        sarif_physical(cx, loc, doc, index, sd_rj_obj(side, "evidence"));
    }
    if (recorded > 0 && suppressed == recorded)
        sarif_suppress(cx, r, suppressed_by);
}

static void sarif_rules(sarif_ctx *cx, cJSON *driver)
{
    cJSON *rules = sarif_arr(cx, driver, "rules");
    size_t i;

    for (i = 0; i < sd_finding_rule_count; i++) {
        const sd_finding_rule *fr = &sd_finding_rules[i];
        cJSON *rule = sarif_push(cx, rules), *help;
        char id[64], md[1024];

        snprintf(id, sizeof id, "sanad/%s", fr->type);
        snprintf(md, sizeof md, "**%s**\n\n%s", fr->short_desc, fr->help);
        sarif_str(cx, rule, "id", id);
        sarif_str(cx, rule, "name", fr->name);
        sarif_text(cx, rule, "shortDescription", fr->short_desc);
        sarif_text(cx, rule, "fullDescription", fr->full_desc);
        help = sarif_obj(cx, rule, "help");
        sarif_str(cx, help, "text", fr->help);
        sarif_str(cx, help, "markdown", md);
        sarif_str(cx, sarif_obj(cx, rule, "defaultConfiguration"), "level", fr->level);
    }
}

static void sarif_artifacts(sarif_ctx *cx, cJSON *run)
{
    cJSON *arts = sarif_arr(cx, run, "artifacts");
    const cJSON *doc;

    cJSON_ArrayForEach(doc, sd_rj_arr(cx->report, "documents")) {
        cJSON *a = sarif_push(cx, arts);
        const char *sha = sd_rj_str(doc, "sha256");
        cJSON *roles;

        sarif_artifact_location(cx, a, sd_rj_str(doc, "origin"), -1);
        /* artifactLocation is named "location" on an artifact object. */
        if (a != NULL) {
            cJSON *al = cJSON_DetachItemFromObjectCaseSensitive(a, "artifactLocation");
            if (al != NULL && !cJSON_AddItemToObject(a, "location", al)) {
                cJSON_Delete(al);
                cx->oom = true;
            }
        }
        roles = sarif_arr(cx, a, "roles");
        if (roles != NULL) {
            cJSON *role = sarif_check(cx, cJSON_CreateString("analysisTarget"));
            if (role != NULL && !cJSON_AddItemToArray(roles, role)) {
                cJSON_Delete(role);
                cx->oom = true;
            }
        }
        sarif_str(cx, a, "mimeType", "text/plain");
        sarif_str(cx, a, "encoding", "utf-8");
        if (sha && *sha)
            sarif_str(cx, sarif_obj(cx, a, "hashes"), "sha-256", sha);
    }
}

int sd_render_sarif(const cJSON *report, FILE *out, sd_error *err)
{
    sarif_ctx cx = {report, false};
    cJSON *root, *run, *driver, *results, *base;
    const cJSON *doc, *c;
    const char *version = sd_rj_str(sd_rj_obj(report, "tool"), "version");
    char *text;
    long index = 0;
    int rc = sd_render_check_report(report, err);

    if (rc < 0)
        return rc;
    root = cJSON_CreateObject();
    if (root == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory rendering SARIF");
    sarif_str(&cx, root, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    sarif_str(&cx, root, "version", "2.1.0");
    run = sarif_push(&cx, sarif_arr(&cx, root, "runs"));
    driver = sarif_obj(&cx, sarif_obj(&cx, run, "tool"), "driver");
    sarif_str(&cx, driver, "name", "sanad");
    sarif_str(&cx, driver, "version", version ? version : SANAD_VERSION);
    sarif_str(&cx, driver, "informationUri", SD_RENDER_INFO_URI);
    sarif_rules(&cx, driver);
    base = sarif_obj(&cx, sarif_obj(&cx, run, "originalUriBaseIds"), "SRCROOT");
    sarif_text(&cx, base, "description", "The directory sanad was run from.");
    sarif_artifacts(&cx, run);
    results = sarif_arr(&cx, run, "results");
    cJSON_ArrayForEach(doc, sd_rj_arr(report, "documents"))
        sarif_doc_results(&cx, results, doc, index++);
    cJSON_ArrayForEach(c, sd_rj_arr(report, "conflicts"))
        sarif_conflict(&cx, results, c);
    sarif_str(&cx, run, "columnKind", "unicodeCodePoints");

    text = cx.oom ? NULL : cJSON_Print(root);
    cJSON_Delete(root);
    if (text == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory rendering SARIF");
    fputs(text, out);
    fputc('\n', out);
    cJSON_free(text);
    return sd_render_check_stream(out, err);
}
