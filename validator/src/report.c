#include "report.h"
#include "util.h"

#include "reconcile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name;
    int bit;
} fail_names[] = {
    {"refuted", SD_FAIL_REFUTED},         {"conflict", SD_FAIL_CONFLICT},
    {"anachronism", SD_FAIL_ANACHRONISM}, {"rejected", SD_FAIL_REJECTED},
    {"date_window", SD_FAIL_DATE_WINDOW},
};

int sd_fail_on_parse(const char *s)
{
    if (strcmp(s, "none") == 0)
        return 0;
    if (strcmp(s, "all") == 0)
        return SD_FAIL_REFUTED | SD_FAIL_CONFLICT | SD_FAIL_ANACHRONISM | SD_FAIL_REJECTED |
               SD_FAIL_DATE_WINDOW;
    int mask = 0;
    const char *p = s;
    while (*p != '\0') {
        const char *e = strchr(p, ',');
        size_t n = e != NULL ? (size_t)(e - p) : strlen(p);
        size_t i;
        for (i = 0; i < sizeof fail_names / sizeof fail_names[0]; i++)
            if (strlen(fail_names[i].name) == n && strncmp(fail_names[i].name, p, n) == 0)
                break;
        if (i == sizeof fail_names / sizeof fail_names[0])
            return -1;
        mask |= fail_names[i].bit;
        p += n;
        if (*p == ',')
            p++;
    }
    return mask;
}

static int fail_bit(const char *type)
{
    for (size_t i = 0; i < sizeof fail_names / sizeof fail_names[0]; i++)
        if (strcmp(fail_names[i].name, type) == 0)
            return fail_names[i].bit;
    return 0;
}

/* ------------------------------------------------------------------ baseline */

typedef struct baseline_entry {
    char *fingerprint, *type, *reason;
    sd_date expires;
    bool used;
} baseline_entry;

struct sd_baseline {
    baseline_entry *items;
    size_t n;
    char *path;
};

void sd_baseline_free(sd_baseline *b)
{
    if (b == NULL)
        return;
    for (size_t i = 0; i < b->n; i++) {
        free(b->items[i].fingerprint);
        free(b->items[i].type);
        free(b->items[i].reason);
    }
    free(b->items);
    free(b->path);
    free(b);
}

static int baseline_fail(sd_error *err, const char *path, const char *jpath, const char *msg)
{
    sd_error_set(err, SD_EINVAL, "%s", msg);
    sd_error_at(err, path, 0, 0, -1);
    sd_error_path(err, jpath);
    return SD_EINVAL;
}

int sd_baseline_load(sd_baseline **out, const char *path, sd_error *err)
{
    *out = NULL;
    char *buf = NULL;
    size_t len = 0;
    int rrc = sd_read_file(path, 64u << 20, &buf, &len, err);
    if (rrc != SD_OK)
        return rrc;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(buf, len, &end, 0);
    if (root == NULL) {
        long line, col;
        size_t off = end != NULL ? (size_t)(end - buf) : 0;
        sd_error_locate(buf, len, off, &line, &col);
        free(buf);
        sd_error_set(err, SD_EPARSE, "malformed JSON");
        sd_error_at(err, path, line, col, (long)off);
        return SD_EPARSE;
    }
    free(buf);
    int rc = SD_OK;
    const cJSON *schema = cJSON_GetObjectItemCaseSensitive(root, "schema");
    const cJSON *entries = cJSON_GetObjectItemCaseSensitive(root, "entries");
    sd_baseline *b = calloc(1, sizeof *b);
    if (b == NULL) {
        cJSON_Delete(root);
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    }
    b->path = sd_strdup(path);
    if (!cJSON_IsString(schema) || strcmp(schema->valuestring, "sanad-baseline/1") != 0)
        rc = baseline_fail(err, path, "schema", "must be \"sanad-baseline/1\"");
    else if (!cJSON_IsArray(entries))
        rc = baseline_fail(err, path, "entries", "must be an array");
    if (rc == SD_OK) {
        b->items = calloc((size_t)cJSON_GetArraySize(entries) + 1, sizeof *b->items);
        if (b->items == NULL)
            rc = sd_error_set(err, SD_ENOMEM, "out of memory");
    }
    const cJSON *e;
    size_t i = 0;
    cJSON_ArrayForEach(e, entries)
    {
        if (rc != SD_OK)
            break;
        char jp[64];
        const cJSON *fp = cJSON_GetObjectItemCaseSensitive(e, "fingerprint");
        const cJSON *ty = cJSON_GetObjectItemCaseSensitive(e, "type");
        const cJSON *re = cJSON_GetObjectItemCaseSensitive(e, "reason");
        const cJSON *ex = cJSON_GetObjectItemCaseSensitive(e, "expires");
        if (!cJSON_IsString(fp) || strlen(fp->valuestring) != 16) {
            snprintf(jp, sizeof jp, "entries[%zu].fingerprint", i);
            rc = baseline_fail(err, path, jp, "must be a 16-digit fingerprint");
            break;
        }
        if (!cJSON_IsString(re) || re->valuestring[0] == '\0') {
            snprintf(jp, sizeof jp, "entries[%zu].reason", i);
            rc = baseline_fail(err, path, jp, "a baseline entry needs a reason");
            break;
        }
        baseline_entry *be = &b->items[b->n++];
        be->fingerprint = sd_strdup(fp->valuestring);
        be->type = sd_strdup(cJSON_IsString(ty) ? ty->valuestring : "");
        be->reason = sd_strdup(re->valuestring);
        if (ex != NULL && !cJSON_IsNull(ex) &&
            (!cJSON_IsString(ex) || sd_date_parse_iso(ex->valuestring, &be->expires) != 0)) {
            snprintf(jp, sizeof jp, "entries[%zu].expires", i);
            rc = baseline_fail(err, path, jp, "must be an ISO date or null");
            break;
        }
        i++;
    }
    cJSON_Delete(root);
    if (rc != SD_OK) {
        sd_baseline_free(b);
        return rc;
    }
    *out = b;
    return SD_OK;
}

static baseline_entry *baseline_find(const sd_baseline *b, const char *fp)
{
    for (size_t i = 0; b != NULL && i < b->n; i++)
        if (strcmp(b->items[i].fingerprint, fp) == 0)
            return &b->items[i];
    return NULL;
}

static void add_baseline_entries(cJSON *entries, const cJSON *list)
{
    const cJSON *f;
    cJSON_ArrayForEach(f, list)
    {
        const cJSON *sup = cJSON_GetObjectItemCaseSensitive(f, "suppressed");
        if (cJSON_IsTrue(sup))
            continue;
        cJSON *e = cJSON_CreateObject();
        cJSON_AddStringToObject(e, "fingerprint",
                                cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(f, "fingerprint")));
        cJSON_AddStringToObject(e, "type", cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(f, "type")));
        cJSON_AddStringToObject(e, "message",
                                cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(f, "message")));
        cJSON_AddStringToObject(e, "reason", "known finding: explain why it is accepted");
        cJSON_AddNullToObject(e, "expires");
        cJSON_AddItemToArray(entries, e);
    }
}

static int write_baseline_entries(const cJSON *list, FILE *out, sd_error *err)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "schema", "sanad-baseline/1");
    cJSON_AddItemToObject(root, "entries", cJSON_Duplicate(list, 1));
    char *s = cJSON_Print(root);
    cJSON_Delete(root);
    if (s == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    int ok = fputs(s, out) >= 0 && fputc('\n', out) != EOF;
    cJSON_free(s);
    return ok ? SD_OK : sd_error_set(err, SD_EIO, "cannot write the baseline");
}

int sd_baseline_write(const cJSON *report, FILE *out, sd_error *err)
{
    cJSON *entries = cJSON_CreateArray();
    const cJSON *doc;
    cJSON_ArrayForEach(doc, cJSON_GetObjectItemCaseSensitive(report, "documents"))
    add_baseline_entries(entries, cJSON_GetObjectItemCaseSensitive(doc, "findings"));
    add_baseline_entries(entries, cJSON_GetObjectItemCaseSensitive(report, "conflicts"));
    int rc = write_baseline_entries(entries, out, err);
    cJSON_Delete(entries);
    return rc;
}

/* ------------------------------------------------------------------ the tree */

static void add_str_or_null(cJSON *o, const char *k, const char *v)
{
    if (v != NULL)
        cJSON_AddStringToObject(o, k, v);
    else
        cJSON_AddNullToObject(o, k);
}

static cJSON *date_obj(sd_date d)
{
    char b[11];
    sd_date_format(d, b);
    return cJSON_CreateString(b);
}

static cJSON *evidence_obj(const sd_article_claim *c, long line, long col)
{
    cJSON *ev = cJSON_CreateObject();
    cJSON_AddNumberToObject(ev, "start", (double)c->ev_start);
    cJSON_AddNumberToObject(ev, "end", (double)c->ev_end);
    cJSON_AddNumberToObject(ev, "line", (double)line);
    cJSON_AddNumberToObject(ev, "column", (double)col);
    cJSON_AddStringToObject(ev, "text", c->ev_text != NULL ? c->ev_text : "");
    return ev;
}

static cJSON *fact_obj(const sd_model *m, const char *id)
{
    const sd_fact *f = sd_model_find_fact(m, id);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", id);
    if (f == NULL)
        return o;
    char summary[256], a[11], b[11];
    sd_date_format(f->type == SD_FACT_OFFICE ? f->from : f->date, a);
    sd_date_format(f->to, b);
    const char *what = f->event ? f->event : f->office ? f->office : f->status ? f->status
                     : f->rule ? f->rule : sd_fact_type_name(f->type);
    const char *who = f->holder ? f->holder : f->country ? f->country : f->city ? f->city
                    : f->org ? f->org : "";
    if (f->type == SD_FACT_OFFICE)
        snprintf(summary, sizeof summary, "%s: %s, %s to %s", what, who, a, b[0] ? b : "present");
    else
        snprintf(summary, sizeof summary, "%s: %s%s%s", what, who, a[0] ? ", " : "", a);
    cJSON_AddStringToObject(o, "type", sd_fact_type_name(f->type));
    cJSON_AddStringToObject(o, "summary", summary);
    cJSON *srcs = cJSON_AddArrayToObject(o, "sources");
    for (size_t i = 0; i < f->nsources; i++) {
        const sd_source *s = sd_model_find_source(m, f->sources[i]);
        cJSON *so = cJSON_CreateObject();
        cJSON_AddStringToObject(so, "id", f->sources[i]);
        add_str_or_null(so, "title", s ? s->title : NULL);
        add_str_or_null(so, "url", s ? s->url : NULL);
        cJSON_AddItemToArray(srcs, so);
    }
    return o;
}

static cJSON *verdict_obj(const sd_model *m, const sd_article_claim *c)
{
    const sd_verdict *v = &c->verdict;
    if (v->label == SD_V_NONE)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "label", sd_verdict_label_name(v->label));
    add_str_or_null(o, "reason", v->reason);
    cJSON *w = cJSON_AddArrayToObject(o, "wrong");
    for (size_t i = 0; i < v->nwrong; i++)
        cJSON_AddItemToArray(w, cJSON_CreateString(v->wrong[i]));
    cJSON *mi = cJSON_AddArrayToObject(o, "missing");
    for (size_t i = 0; i < v->nmissing; i++)
        cJSON_AddItemToArray(mi, cJSON_CreateString(v->missing[i]));
    if (v->has_day_difference)
        cJSON_AddNumberToObject(o, "day_difference", (double)v->day_difference);
    else
        cJSON_AddNullToObject(o, "day_difference");
    cJSON_AddBoolToObject(o, "anachronism", v->anachronism);
    cJSON *facts = cJSON_AddArrayToObject(o, "facts");
    for (size_t i = 0; i < v->nfacts; i++)
        cJSON_AddItemToArray(facts, fact_obj(m, v->facts[i]));
    return o;
}

static void suppress(cJSON *finding, const sd_report_opts *opts, cJSON *expired)
{
    const char *fp = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(finding, "fingerprint"));
    baseline_entry *e = fp != NULL ? baseline_find(opts->baseline, fp) : NULL;
    if (e == NULL)
        return;
    e->used = true;
    bool is_expired = e->expires.prec != SD_PREC_NONE && opts->today.prec != SD_PREC_NONE &&
                      sd_date_cmp(opts->today, e->expires) > 0;
    if (is_expired) {
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "fingerprint", fp);
        cJSON_AddStringToObject(x, "reason", e->reason);
        char b[11];
        sd_date_format(e->expires, b);
        cJSON_AddStringToObject(x, "expired", b);
        cJSON_AddItemToArray(expired, x);
        return;
    }
    cJSON_ReplaceItemInObjectCaseSensitive(finding, "suppressed", cJSON_CreateBool(true));
    cJSON *s = cJSON_CreateObject();
    cJSON_AddStringToObject(s, "kind", "baseline");
    cJSON_AddStringToObject(s, "justification", e->reason);
    if (e->expires.prec != SD_PREC_NONE)
        cJSON_AddItemToObject(s, "expires", date_obj(e->expires));
    cJSON_ReplaceItemInObjectCaseSensitive(finding, "suppression", s);
}

static cJSON *finding_obj(const char *type, const char *severity, const char *claim_id,
                          const char *message, const char *fingerprint, cJSON *evidence)
{
    cJSON *f = cJSON_CreateObject();
    cJSON_AddStringToObject(f, "type", type);
    cJSON_AddStringToObject(f, "severity", severity);
    add_str_or_null(f, "claim", claim_id);
    cJSON_AddStringToObject(f, "message", message);
    cJSON_AddStringToObject(f, "fingerprint", fingerprint);
    if (evidence != NULL)
        cJSON_AddItemToObject(f, "evidence", evidence);
    else
        cJSON_AddNullToObject(f, "evidence");
    cJSON_AddBoolToObject(f, "suppressed", false);
    cJSON_AddNullToObject(f, "suppression");
    return f;
}

static void count(cJSON *obj, const char *key)
{
    cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (it == NULL)
        cJSON_AddNumberToObject(obj, key, 1);
    else
        cJSON_SetNumberValue(it, it->valuedouble + 1);
}

static cJSON *document_obj(const sd_model *m, const sd_doc_result *r, const sd_report_opts *opts,
                           cJSON *summary_verdicts, cJSON *summary_types, cJSON *expired)
{
    cJSON *d = cJSON_CreateObject();
    cJSON_AddStringToObject(d, "id", r->id);
    add_str_or_null(d, "origin", r->origin);
    cJSON_AddStringToObject(d, "status", r->rejected ? "rejected" : "ok");
    add_str_or_null(d, "reject_reason", r->reject_reason);
    add_str_or_null(d, "sha256", r->sha256[0] ? r->sha256 : NULL);
    add_str_or_null(d, "source", r->source);
    add_str_or_null(d, "url", r->url);
    add_str_or_null(d, "title", r->title);
    add_str_or_null(d, "note", r->note);
    if (r->published.prec != SD_PREC_NONE) {
        cJSON *p = cJSON_AddObjectToObject(d, "published");
        cJSON_AddItemToObject(p, "value", date_obj(r->published));
        cJSON_AddStringToObject(p, "precision", sd_precision_name(r->published.prec));
        cJSON_AddStringToObject(p, "from", r->published_from);
    } else {
        cJSON_AddNullToObject(d, "published");
    }
    if (r->window_reason != NULL) {
        cJSON *w = cJSON_AddObjectToObject(d, "date_window");
        if (r->has_window) {
            cJSON_AddItemToObject(w, "from", date_obj(r->window_from));
            if (r->window_to.prec != SD_PREC_NONE)
                cJSON_AddItemToObject(w, "to", date_obj(r->window_to));
            else
                cJSON_AddNullToObject(w, "to");
        } else {
            cJSON_AddNullToObject(w, "from");
            cJSON_AddNullToObject(w, "to");
        }
        cJSON_AddStringToObject(w, "reason", r->window_reason);
        cJSON_AddBoolToObject(w, "conflicts_with_published", r->window_conflict);
    } else {
        cJSON_AddNullToObject(d, "date_window");
    }
    cJSON_AddItemToObject(d, "dates", cJSON_Duplicate(r->dates, 1));
    cJSON_AddItemToObject(d, "entities", cJSON_Duplicate(r->entities, 1));
    cJSON *claims = cJSON_AddArrayToObject(d, "claims");
    cJSON *findings = cJSON_AddArrayToObject(d, "findings");
    for (size_t i = 0; i < r->claims.n; i++) {
        const sd_article_claim *c = &r->claims.items[i];
        cJSON *co = sd_article_claim_to_json(c, r->id);
        cJSON *ev = cJSON_GetObjectItemCaseSensitive(co, "evidence");
        cJSON_AddNumberToObject(ev, "line", (double)r->ev_line[i]);
        cJSON_AddNumberToObject(ev, "column", (double)r->ev_col[i]);
        cJSON_AddItemToObject(co, "verdict", verdict_obj(m, c));
        cJSON_AddItemToArray(claims, co);
        count(summary_types, sd_claim_type_name(c->type));
        if (c->verdict.label != SD_V_NONE)
            count(summary_verdicts, sd_verdict_label_name(c->verdict.label));
        bool wrong = c->verdict.label == SD_V_REFUTED || c->verdict.label == SD_V_PARTLY;
        if (!wrong)
            continue;
        const char *type = c->verdict.anachronism ? "anachronism" : "refuted";
        char *key = cJSON_PrintUnformatted(c->args);
        char kbuf[1024], fp[17];
        snprintf(kbuf, sizeof kbuf, "%s|%s", sd_claim_type_name(c->type), key ? key : "");
        cJSON_free(key);
        sd_fingerprint(type, r->id, kbuf, c->ev_text, fp);
        char msg[1200];
        snprintf(msg, sizeof msg, "%s %s: %s", sd_claim_type_name(c->type),
                 sd_verdict_label_name(c->verdict.label), c->verdict.reason ? c->verdict.reason : "");
        cJSON *f = finding_obj(type, "error", c->id, msg, fp,
                               evidence_obj(c, r->ev_line[i], r->ev_col[i]));
        suppress(f, opts, expired);
        cJSON_AddItemToArray(findings, f);
    }
    if (r->rejected) {
        char fp[17];
        sd_fingerprint("rejected", r->id, r->origin ? r->origin : "", r->reject_reason, fp);
        cJSON *f = finding_obj("rejected", "error", NULL, r->reject_reason, fp, NULL);
        suppress(f, opts, expired);
        cJSON_AddItemToArray(findings, f);
    }
    if (r->window_conflict) {
        char fp[17], msg[2400], pb[11];
        sd_date_format(r->published, pb);
        snprintf(msg, sizeof msg, "The stated date %s falls outside the window the named office "
                                  "holders allow: %s", pb, r->window_reason);
        sd_fingerprint("date_window", r->id, pb, r->window_reason, fp);
        cJSON *f = finding_obj("date_window", "warning", NULL, msg, fp, NULL);
        suppress(f, opts, expired);
        cJSON_AddItemToArray(findings, f);
    }
    if (opts->include_text && r->text != NULL)
        cJSON_AddStringToObject(d, "text", r->text);
    return d;
}

static void count_finding(cJSON *fs, const cJSON *f, int fail_on, bool *fails)
{
    const char *type = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(f, "type"));
    if (type == NULL)
        return;
    count(fs, type);
    if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(f, "suppressed")) && (fail_bit(type) & fail_on))
        *fails = true;
}

/* What a report accumulates while documents pass: counts, gate state, expired baseline entries
 * and (for --write-baseline) the findings. Shared by the tree builder and the streaming writer,
 * so both produce the same report. */
typedef struct report_acc {
    const sd_model *m;
    const sd_report_opts *opts;
    cJSON *verdicts, *types, *findings, *expired, *baseline_entries;
    size_t ndocs, ok, rejected, nclaims;
    bool fails;
} report_acc;

static const char *const verdict_names[] = {"supported", "refuted", "partly_supported",
                                            "disputed", "unverifiable", "not_checked"};
static const char *const finding_types[] = {"refuted", "conflict", "anachronism", "rejected",
                                            "date_window"};

static void acc_init(report_acc *a, const sd_model *m, const sd_report_opts *opts)
{
    memset(a, 0, sizeof *a);
    a->m = m;
    a->opts = opts;
    a->verdicts = cJSON_CreateObject();
    a->types = cJSON_CreateObject();
    a->findings = cJSON_CreateObject();
    a->expired = cJSON_CreateArray();
    a->baseline_entries = cJSON_CreateArray();
    for (size_t i = 0; i < sizeof verdict_names / sizeof verdict_names[0]; i++)
        cJSON_AddNumberToObject(a->verdicts, verdict_names[i], 0);
    for (size_t i = 0; i < sizeof finding_types / sizeof finding_types[0]; i++)
        cJSON_AddNumberToObject(a->findings, finding_types[i], 0);
}

static void acc_free(report_acc *a)
{
    cJSON_Delete(a->verdicts);
    cJSON_Delete(a->types);
    cJSON_Delete(a->findings);
    cJSON_Delete(a->expired);
    cJSON_Delete(a->baseline_entries);
    memset(a, 0, sizeof *a);
}

static cJSON *acc_document(report_acc *a, const sd_doc_result *r)
{
    cJSON *d = document_obj(a->m, r, a->opts, a->verdicts, a->types, a->expired);
    a->ndocs++;
    if (r->rejected)
        a->rejected++;
    else
        a->ok++;
    a->nclaims += r->claims.n;
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(d, "findings"))
    count_finding(a->findings, f, a->opts->fail_on, &a->fails);
    add_baseline_entries(a->baseline_entries, cJSON_GetObjectItemCaseSensitive(d, "findings"));
    return d;
}

static void acc_conflicts(report_acc *a, cJSON *conf)
{
    cJSON *c;
    cJSON_ArrayForEach(c, conf)
    {
        suppress(c, a->opts, a->expired);
        count_finding(a->findings, c, a->opts->fail_on, &a->fails);
    }
    add_baseline_entries(a->baseline_entries, conf);
}

/* The summary object (it takes the counters) and the exit code. */
static cJSON *acc_summary(report_acc *a, int *code)
{
    cJSON *summary = cJSON_CreateObject();
    cJSON_AddNumberToObject(summary, "documents", (double)a->ndocs);
    cJSON_AddNumberToObject(summary, "ok", (double)a->ok);
    cJSON_AddNumberToObject(summary, "rejected", (double)a->rejected);
    cJSON_AddNumberToObject(summary, "claims", (double)a->nclaims);
    cJSON_AddItemToObject(summary, "by_verdict", a->verdicts);
    cJSON_AddItemToObject(summary, "by_type", a->types);
    cJSON_AddItemToObject(summary, "findings", a->findings);
    a->verdicts = a->types = a->findings = NULL;
    bool has_expired = cJSON_GetArraySize(a->expired) > 0;
    if (a->opts->baseline != NULL) {
        cJSON *bl = cJSON_AddObjectToObject(summary, "baseline");
        cJSON *stale = cJSON_AddArrayToObject(bl, "stale");
        for (size_t i = 0; i < a->opts->baseline->n; i++)
            if (!a->opts->baseline->items[i].used)
                cJSON_AddItemToArray(stale,
                                     cJSON_CreateString(a->opts->baseline->items[i].fingerprint));
        cJSON_AddItemToObject(bl, "expired", a->expired);
        a->expired = NULL;
    }
    *code = SD_EXIT_OK;
    if ((a->fails || has_expired) && a->opts->fail_on != 0)
        *code = SD_EXIT_FINDINGS;
    else if (a->rejected > 0 && a->opts->fail_on != 0)
        *code = SD_EXIT_REJECTED;
    return summary;
}

/* schema, tool, model, as_of: the head of every report. */
static void add_head(cJSON *root, const sd_model *m, const sd_report_opts *opts)
{
    cJSON_AddStringToObject(root, "schema", "sanad-report/1");
    cJSON *tool = cJSON_AddObjectToObject(root, "tool");
    cJSON_AddStringToObject(tool, "name", "sanad");
    cJSON_AddStringToObject(tool, "version", SANAD_VERSION);
    cJSON *mo = cJSON_AddObjectToObject(root, "model");
    add_str_or_null(mo, "path", opts->model_path);
    add_str_or_null(mo, "name", sd_model_name(m));
    add_str_or_null(mo, "as_of", sd_model_as_of(m));
    add_str_or_null(mo, "sha256", sd_model_sha256(m));
    if (opts->as_of.prec != SD_PREC_NONE)
        cJSON_AddItemToObject(root, "as_of", date_obj(opts->as_of));
    else
        cJSON_AddNullToObject(root, "as_of");
}

cJSON *sd_report_build(const sd_model *m, const sd_check_results *res, cJSON *conflicts,
                       const sd_report_opts *opts, sd_error *err)
{
    cJSON *root = cJSON_CreateObject();
    if (root == NULL) {
        cJSON_Delete(conflicts);
        sd_error_set(err, SD_ENOMEM, "out of memory");
        return NULL;
    }
    report_acc a;
    acc_init(&a, m, opts);
    add_head(root, m, opts);
    cJSON *docs = cJSON_AddArrayToObject(root, "documents");
    for (size_t i = 0; i < res->n; i++)
        cJSON_AddItemToArray(docs, acc_document(&a, &res->docs[i]));
    cJSON *conf = conflicts != NULL ? conflicts : cJSON_CreateArray();
    acc_conflicts(&a, conf);
    cJSON_AddItemToObject(root, "conflicts", conf);
    int code;
    cJSON_AddItemToObject(root, "summary", acc_summary(&a, &code));
    cJSON_AddNumberToObject(root, "exit_code", code);
    acc_free(&a);
    return root;
}

/* ------------------------------------------------------------------ streaming */

static void text_head(const cJSON *model, FILE *out, bool colour);
static void text_document(const cJSON *d, FILE *out, bool colour);
static void text_tail(const cJSON *root, FILE *out, bool colour);

struct sd_report_writer {
    report_acc acc;
    FILE *f;
    bool json, colour;
    size_t ndocs;
};

/* cJSON prints a member of the root one tab deep; print it inside a one-member root and cut
 * out its value, so streamed pieces match the whole tree's formatting byte for byte. */
static char *print_member_value(const char *key, cJSON *value)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddItemToObject(root, key, value);
    char *s = cJSON_Print(root);
    cJSON_DetachItemFromObjectCaseSensitive(root, key);
    cJSON_Delete(root);
    return s;
}

int sd_report_writer_open(sd_report_writer **out, const sd_model *m, const sd_report_opts *opts,
                          FILE *f, bool json, bool colour, sd_error *err)
{
    sd_report_writer *w = calloc(1, sizeof *w);
    if (w == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    acc_init(&w->acc, m, opts);
    w->f = f;
    w->json = json;
    w->colour = colour;
    cJSON *head = cJSON_CreateObject();
    add_head(head, m, opts);
    if (json) {
        /* The head as the whole tree prints it, up to the opening of "documents". */
        cJSON_AddArrayToObject(head, "documents");
        char *s = cJSON_Print(head);
        const char *cut = s != NULL ? strstr(s, "\"documents\":\t[]") : NULL;
        if (cut == NULL) {
            cJSON_free(s);
            cJSON_Delete(head);
            sd_report_writer_free(w);
            return sd_error_set(err, SD_ENOMEM, "out of memory");
        }
        fwrite(s, 1, (size_t)(cut - s) + strlen("\"documents\":\t["), f);
        cJSON_free(s);
    } else {
        text_head(cJSON_GetObjectItemCaseSensitive(head, "model"), f, colour);
    }
    cJSON_Delete(head);
    *out = w;
    return SD_OK;
}

int sd_report_writer_document(sd_report_writer *w, sd_doc_result *r, sd_error *err)
{
    cJSON *d = acc_document(&w->acc, r);
    if (d == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    if (w->json) {
        cJSON *arr = cJSON_CreateArray();
        cJSON_AddItemToArray(arr, d);
        char *s = print_member_value("documents", arr);
        cJSON_Delete(arr);
        /* "{\n\t\"documents\":\t[" VALUE "]\n}" */
        const char *open = s != NULL ? strstr(s, ":\t[") : NULL;
        if (open == NULL) {
            cJSON_free(s);
            return sd_error_set(err, SD_ENOMEM, "out of memory");
        }
        open += 3;
        size_t len = strlen(open);
        if (w->ndocs > 0)
            fputs(", ", w->f);
        fwrite(open, 1, len - strlen("]\n}"), w->f);
        cJSON_free(s);
    } else {
        text_document(d, w->f, w->colour);
        cJSON_Delete(d);
    }
    w->ndocs++;
    /* The claims stay for the conflicts; the rest of the document is written and gone. */
    cJSON_Delete(r->dates);
    cJSON_Delete(r->entities);
    r->dates = r->entities = NULL;
    free(r->text);
    r->text = NULL;
    return ferror(w->f) ? sd_error_set(err, SD_EIO, "cannot write the report") : SD_OK;
}

int sd_report_writer_finish(sd_report_writer *w, cJSON *conflicts, cJSON *removed,
                            int *exit_code, sd_error *err)
{
    cJSON *tail = cJSON_CreateObject();
    cJSON *conf = conflicts != NULL ? conflicts : cJSON_CreateArray();
    acc_conflicts(&w->acc, conf);
    cJSON_AddItemToObject(tail, "conflicts", conf);
    int code;
    cJSON_AddItemToObject(tail, "summary", acc_summary(&w->acc, &code));
    cJSON_AddNumberToObject(tail, "exit_code", code);
    if (removed != NULL)
        cJSON_AddItemToObject(tail, "removed", removed);
    if (w->json) {
        char *s = cJSON_Print(tail);
        if (s == NULL) {
            cJSON_Delete(tail);
            return sd_error_set(err, SD_ENOMEM, "out of memory");
        }
        /* "{\n" + members: they follow the documents array in the whole tree. */
        fputs("],\n", w->f);
        fputs(s + 2, w->f);
        fputc('\n', w->f);
        cJSON_free(s);
    } else {
        text_tail(tail, w->f, w->colour);
    }
    cJSON_Delete(tail);
    *exit_code = code;
    return ferror(w->f) ? sd_error_set(err, SD_EIO, "cannot write the report") : SD_OK;
}

int sd_report_writer_baseline(const sd_report_writer *w, FILE *out, sd_error *err)
{
    return write_baseline_entries(w->acc.baseline_entries, out, err);
}

void sd_report_writer_free(sd_report_writer *w)
{
    if (w == NULL)
        return;
    acc_free(&w->acc);
    free(w);
}

int sd_report_exit_code(const cJSON *report)
{
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(report, "exit_code");
    return cJSON_IsNumber(e) ? e->valueint : SD_EXIT_USAGE;
}

/* ------------------------------------------------------------------ text */

static const char *gs(const cJSON *o, const char *k)
{
    const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, k));
    return s != NULL ? s : "";
}

static double gn(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

static const char *verdict_colour(const char *label)
{
    if (strcmp(label, "supported") == 0)
        return "\033[32m";
    if (strcmp(label, "refuted") == 0)
        return "\033[31m";
    if (strcmp(label, "partly_supported") == 0 || strcmp(label, "disputed") == 0)
        return "\033[33m";
    return "\033[2m";
}

/* Evidence on one line: line breaks become spaces, long text is cut at a code point. */
static void put_evidence(FILE *out, const char *text)
{
    size_t n = 0, max = 400;
    for (const char *p = text; *p != '\0'; p++, n++) {
        if (n >= max && ((unsigned char)*p & 0xC0) != 0x80) {
            fputs(" …", out);
            return;
        }
        fputc(*p == '\n' || *p == '\r' ? ' ' : *p, out);
    }
}

static void text_head(const cJSON *model, FILE *out, bool colour)
{
    const char *B = colour ? "\033[1m" : "", *R = colour ? "\033[0m" : "";
    fprintf(out, "%ssanad check%s  model: %s (%s)\n", B, R, gs(model, "path"), gs(model, "name"));
}

static void text_document(const cJSON *d, FILE *out, bool colour)
{
    const char *B = colour ? "\033[1m" : "", *R = colour ? "\033[0m" : "";
    fprintf(out, "\n%s== %s%s  [%s]  %s\n", B, gs(d, "id"), R, gs(d, "status"), gs(d, "origin"));
    if (strcmp(gs(d, "status"), "rejected") == 0) {
        fprintf(out, "   rejected: %s\n", gs(d, "reject_reason"));
        return;
    }
    const cJSON *pub = cJSON_GetObjectItemCaseSensitive(d, "published");
    if (cJSON_IsObject(pub))
        fprintf(out, "   published: %s (from %s)\n", gs(pub, "value"), gs(pub, "from"));
    else
        fprintf(out, "   published: unknown\n");
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(d, "date_window");
    if (cJSON_IsObject(w)) {
        const char *from = gs(w, "from"), *to = gs(w, "to");
        fprintf(out, "   date window: %s .. %s%s\n     because %s\n", from[0] ? from : "none",
                to[0] ? to : (from[0] ? "present" : "none"),
                cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(w, "conflicts_with_published"))
                    ? "  (the stated date lies outside it)" : "",
                gs(w, "reason"));
    }
    const cJSON *dates = cJSON_GetObjectItemCaseSensitive(d, "dates");
    fprintf(out, "   dates (%d):\n", cJSON_GetArraySize(dates));
    const cJSON *dt;
    cJSON_ArrayForEach(dt, dates)
    {
        const char *v = gs(dt, "value");
        fprintf(out, "     «%s» → %s (%s, %s%s)\n", gs(dt, "text"), v[0] ? v : "unresolved",
                gs(dt, "precision"), gs(dt, "calendar"),
                cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(dt, "anchored")) ? ", anchored" : "");
    }
    const cJSON *claims = cJSON_GetObjectItemCaseSensitive(d, "claims");
    fprintf(out, "   claims (%d):\n", cJSON_GetArraySize(claims));
    const cJSON *c;
    cJSON_ArrayForEach(c, claims)
    {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(c, "verdict");
        const char *label = cJSON_IsObject(v) ? gs(v, "label") : "extracted";
        const cJSON *ev = cJSON_GetObjectItemCaseSensitive(c, "evidence");
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(c, "time");
        char *args = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(c, "args"));
        fprintf(out, "   %s[%s]%s %s %s%s%s  (line %.0f)\n", colour ? verdict_colour(label) : "",
                label, R, gs(c, "type"), args ? args : "", cJSON_IsObject(t) ? " @ " : "",
                cJSON_IsObject(t) ? gs(t, "value") : "", gn(ev, "line"));
        cJSON_free(args);
        fputs("       evidence: «", out);
        put_evidence(out, gs(ev, "text"));
        fputs("»\n", out);
        if (cJSON_IsObject(v)) {
            fprintf(out, "       reason: %s\n", gs(v, "reason"));
            const cJSON *f;
            cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(v, "facts"))
            {
                fprintf(out, "       fact: %s", gs(f, "id"));
                const cJSON *s;
                cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(f, "sources"))
                fprintf(out, " [%s %s]", gs(s, "id"), gs(s, "url"));
                fputc('\n', out);
            }
        }
    }
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(d, "findings"))
    fprintf(out, "   %sFINDING%s %s%s: %s\n", colour ? "\033[31m" : "", R, gs(f, "type"),
            cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(f, "suppressed")) ? " (baseline)" : "",
            gs(f, "message"));
}

/* Conflicts, removed documents, summary: the tail of the text report (root holds those keys). */
static void text_tail(const cJSON *root, FILE *out, bool colour)
{
    const char *B = colour ? "\033[1m" : "", *R = colour ? "\033[0m" : "";
    const cJSON *summary = cJSON_GetObjectItemCaseSensitive(root, "summary");
    const cJSON *conf = cJSON_GetObjectItemCaseSensitive(root, "conflicts");
    fprintf(out, "\n%s== cross-source conflicts (%d)%s\n", B, cJSON_GetArraySize(conf), R);
    const cJSON *c;
    cJSON_ArrayForEach(c, conf)
    {
        fprintf(out, "   %s%s: %s\n", gs(c, "claim_type"),
                cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "suppressed")) ? " (baseline)" : "",
                gs(c, "message"));
        const cJSON *s;
        cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(c, "sides"))
        {
            const cJSON *ev = cJSON_GetObjectItemCaseSensitive(s, "evidence");
            fprintf(out, "     %s (line %.0f, %s): «", gs(s, "doc"), gn(ev, "line"), gs(s, "verdict"));
            put_evidence(out, gs(ev, "text"));
            fputs("»\n", out);
        }
    }
    const cJSON *gone = cJSON_GetObjectItemCaseSensitive(root, "removed"), *g;
    if (cJSON_GetArraySize(gone) > 0) {
        fprintf(out, "\nremoved documents (%d):\n", cJSON_GetArraySize(gone));
        cJSON_ArrayForEach(g, gone)
        fprintf(out, "   %s\n", cJSON_GetStringValue(g));
    }
    fprintf(out, "\n%s== summary%s\n", B, R);
    fprintf(out, "   documents  %5.0f  (%.0f ok, %.0f rejected)\n", gn(summary, "documents"),
            gn(summary, "ok"), gn(summary, "rejected"));
    fprintf(out, "   claims     %5.0f\n", gn(summary, "claims"));
    fputs("   verdict              count\n", out);
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(summary, "by_verdict"))
    fprintf(out, "   %-20s %5.0f\n", it->string, it->valuedouble);
    fputs("   finding              count\n", out);
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(summary, "findings"))
    fprintf(out, "   %-20s %5.0f\n", it->string, it->valuedouble);
    const cJSON *bl = cJSON_GetObjectItemCaseSensitive(summary, "baseline");
    if (cJSON_IsObject(bl)) {
        const cJSON *s;
        cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(bl, "stale"))
        fprintf(out, "   stale baseline entry: %s (matches nothing now)\n", s->valuestring);
        cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(bl, "expired"))
        fprintf(out, "   EXPIRED baseline entry: %s (expired %s): %s\n", gs(s, "fingerprint"),
                gs(s, "expired"), gs(s, "reason"));
    }
    fprintf(out, "   exit code  %d\n", sd_report_exit_code(root));
}

int sd_report_write_text(const cJSON *report, FILE *out, bool colour, sd_error *err)
{
    text_head(cJSON_GetObjectItemCaseSensitive(report, "model"), out, colour);
    const cJSON *d;
    cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(report, "documents"))
    text_document(d, out, colour);
    text_tail(report, out, colour);
    if (ferror(out))
        return sd_error_set(err, SD_EIO, "cannot write the report");
    return SD_OK;
}

int sd_report_write_document_claims(const sd_doc_result *r, FILE *out, sd_error *err)
{
    for (size_t i = 0; i < r->claims.n; i++) {
        cJSON *o = sd_article_claim_to_json(&r->claims.items[i], r->id);
        char *s = o != NULL ? cJSON_PrintUnformatted(o) : NULL;
        cJSON_Delete(o);
        if (s == NULL)
            return sd_error_set(err, SD_ENOMEM, "out of memory");
        fputs(s, out);
        fputc('\n', out);
        cJSON_free(s);
    }
    return ferror(out) ? sd_error_set(err, SD_EIO, "cannot write claims") : SD_OK;
}

int sd_report_write_claims(const sd_check_results *res, FILE *out, sd_error *err)
{
    for (size_t d = 0; d < res->n; d++) {
        int rc = sd_report_write_document_claims(&res->docs[d], out, err);
        if (rc != SD_OK)
            return rc;
    }
    return SD_OK;
}
