#include "reconcile.h"

#include "text.h"
#include "verify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXW 32

void sd_fingerprint(const char *type, const char *doc_id, const char *key, const char *evidence,
                    char out[17])
{
    char *folded = sd_fold_string(evidence != NULL ? evidence : "");
    size_t n = strlen(type) + strlen(doc_id) + strlen(key) + (folded ? strlen(folded) : 0) + 4;
    char *buf = malloc(n);
    char hex[65];
    if (buf == NULL) {
        memcpy(out, "0000000000000000", 17);
        free(folded);
        return;
    }
    snprintf(buf, n, "%s\x1f%s\x1f%s\x1f%s", type, doc_id, key, folded ? folded : "");
    sd_sha256_hex(buf, strlen(buf), hex);
    memcpy(out, hex, 16);
    out[16] = '\0';
    free(buf);
    free(folded);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool sd_reconcile_key(const sd_article_claim *c, char *key, size_t nkey, char *value, size_t nvalue)
{
    if (c->modality != SD_MODALITY_ASSERTED && c->modality != SD_MODALITY_REPORTED)
        return false;
    const char *type = sd_claim_type_name(c->type);
    char tb[11] = "";
    if (c->has_time)
        sd_date_format(c->time, tb);
    const char *event = sd_article_claim_arg(c, "event");
    switch (c->type) {
    case SD_CLAIM_FOUNDING_MEMBERS: {
        const char *m[64];
        size_t n = sd_article_claim_arg_list(c, "members", m, 64);
        qsort(m, n, sizeof *m, cmp_str);
        snprintf(key, nkey, "%s|%s", type, sd_article_claim_arg(c, "org") ? sd_article_claim_arg(c, "org") : "");
        size_t w = (size_t)snprintf(value, nvalue, "%s:", c->has_time ? tb : "undated");
        for (size_t i = 0; i < n && w < nvalue; i++)
            w += (size_t)snprintf(value + w, nvalue - w, "%s%s", i ? "," : "", m[i]);
        return true;
    }
    case SD_CLAIM_SECRETARY_GENERAL:
        /* An appointment is decided before the term starts: a different event, its own key. */
        if (!c->has_time || c->from_publication || event == NULL || strcmp(event, "holds") == 0)
            return false;
        snprintf(key, nkey, "%s|%s|%s", type, sd_article_claim_arg(c, "person"),
                 strcmp(event, "removed") == 0 ? "ends" : event);
        snprintf(value, nvalue, "%s", tb);
        return true;
    case SD_CLAIM_CHAIRMANSHIP:
        /* A country chairs again and again: only starts in the same year can disagree. */
        if (!c->has_time || c->from_publication || event == NULL || strcmp(event, "starts") != 0)
            return false;
        snprintf(key, nkey, "%s|%s|starts|%04d", type, sd_article_claim_arg(c, "country"), c->time.y);
        snprintf(value, nvalue, "%s", tb);
        return true;
    case SD_CLAIM_SUMMIT:
        if (!c->has_time || c->from_publication || c->time.prec != SD_PREC_DAY ||
            sd_article_claim_arg(c, "city") == NULL)
            return false;
        snprintf(key, nkey, "%s|%s|%s", type,
                 sd_article_claim_arg(c, "org") != NULL ? sd_article_claim_arg(c, "org")
                 : sd_article_claim_arg(c, "body") != NULL ? sd_article_claim_arg(c, "body") : "",
                 tb);
        snprintf(value, nvalue, "%s", sd_article_claim_arg(c, "city"));
        return true;
    case SD_CLAIM_UN_OBSERVER:
    case SD_CLAIM_RAPID_REACTION_FORCE:
        if (!c->has_time || c->from_publication)
            return false;
        snprintf(key, nkey, "%s|%s", type, sd_article_claim_arg(c, "org"));
        snprintf(value, nvalue, "%s", tb);
        return true;
    default:
        return false;
    }
}

/* Values are equal when they name the same thing; dates compare at the coarser precision. */
static bool same_date_text(const char *a, const char *b)
{
    sd_date da, db;
    if (sd_date_parse_iso(a, &da) != 0 || sd_date_parse_iso(b, &db) != 0)
        return strcmp(a, b) == 0;
    return sd_date_cmp(da, db) == 0;
}

static bool same_value(sd_claim_type type, const char *a, const char *b)
{
    if (type == SD_CLAIM_SUMMIT)
        return strcmp(a, b) == 0;
    if (type == SD_CLAIM_FOUNDING_MEMBERS) {
        /* "DATE:members": the same members, and dates equal at the coarser precision. */
        const char *ca = strchr(a, ':'), *cb = strchr(b, ':');
        if (ca == NULL || cb == NULL || strcmp(ca, cb) != 0)
            return false;
        char da[16] = "", db[16] = "";
        snprintf(da, sizeof da, "%.*s", (int)(ca - a), a);
        snprintf(db, sizeof db, "%.*s", (int)(cb - b), b);
        if (strcmp(da, "undated") == 0 || strcmp(db, "undated") == 0)
            return true;
        return same_date_text(da, db);
    }
    return same_date_text(a, b);
}

typedef struct witness {
    const sd_doc_result *doc;
    const sd_article_claim *claim;
    long line, col;
    char key[256];
    char value[512];
} witness;

static int cmp_witness(const void *a, const void *b)
{
    const witness *x = a, *y = b;
    return strcmp(x->key, y->key);
}

static cJSON *side_json(const witness *w)
{
    cJSON *s = cJSON_CreateObject();
    cJSON_AddStringToObject(s, "doc", w->doc->id);
    cJSON_AddStringToObject(s, "claim", w->claim->id);
    cJSON_AddStringToObject(s, "value", w->value);
    cJSON_AddStringToObject(s, "verdict", sd_verdict_label_name(w->claim->verdict.label));
    cJSON *ev = cJSON_AddObjectToObject(s, "evidence");
    cJSON_AddNumberToObject(ev, "start", (double)w->claim->ev_start);
    cJSON_AddNumberToObject(ev, "end", (double)w->claim->ev_end);
    cJSON_AddNumberToObject(ev, "line", (double)w->line);
    cJSON_AddNumberToObject(ev, "column", (double)w->col);
    cJSON_AddStringToObject(ev, "text", w->claim->ev_text != NULL ? w->claim->ev_text : "");
    return s;
}

cJSON *sd_reconcile_conflicts(const sd_model *m, const sd_check_results *res, sd_error *err)
{
    (void)m;
    cJSON *out = cJSON_CreateArray();
    size_t n = 0, cap = 0;
    witness *ws = NULL;
    for (size_t d = 0; d < res->n; d++)
        for (size_t i = 0; i < res->docs[d].claims.n; i++) {
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                witness *g = realloc(ws, cap * sizeof *g);
                if (g == NULL) {
                    free(ws);
                    cJSON_Delete(out);
                    sd_error_set(err, SD_ENOMEM, "out of memory");
                    return NULL;
                }
                ws = g;
            }
            witness *w = &ws[n];
            w->doc = &res->docs[d];
            w->claim = &res->docs[d].claims.items[i];
            w->line = res->docs[d].ev_line[i];
            w->col = res->docs[d].ev_col[i];
            if (sd_reconcile_key(w->claim, w->key, sizeof w->key, w->value, sizeof w->value))
                n++;
        }
    /* Stable sort keeps document order inside a key (qsort is not stable: use the index). */
    for (size_t i = 1; i < n; i++) {
        witness t = ws[i];
        size_t j = i;
        while (j > 0 && cmp_witness(&ws[j - 1], &t) > 0) {
            ws[j] = ws[j - 1];
            j--;
        }
        ws[j] = t;
    }
    for (size_t a = 0; a < n;) {
        size_t b = a;
        while (b < n && strcmp(ws[b].key, ws[a].key) == 0)
            b++;
        /* First witness of each distinct value, in document order. */
        size_t reps[MAXW], nr = 0;
        for (size_t i = a; i < b; i++) {
            size_t k;
            for (k = 0; k < nr; k++)
                if (same_value(ws[i].claim->type, ws[reps[k]].value, ws[i].value))
                    break;
            if (k == nr && nr < MAXW)
                reps[nr++] = i;
        }
        for (size_t x = 0; x < nr; x++)
            for (size_t y = x + 1; y < nr; y++) {
                const witness *p = &ws[reps[x]], *q = &ws[reps[y]];
                if (strcmp(p->doc->id, q->doc->id) == 0)
                    continue;
                cJSON *c = cJSON_CreateObject();
                cJSON_AddStringToObject(c, "type", "conflict");
                cJSON_AddStringToObject(c, "claim_type", sd_claim_type_name(p->claim->type));
                cJSON_AddStringToObject(c, "key", p->key);
                char msg[1400];
                snprintf(msg, sizeof msg, "%s says %s; %s says %s.", p->doc->id, p->value,
                         q->doc->id, q->value);
                cJSON_AddStringToObject(c, "message", msg);
                char fp[17], both[1100];
                snprintf(both, sizeof both, "%s|%s", p->value, q->value);
                sd_fingerprint("conflict", p->doc->id, p->key, both, fp);
                cJSON_AddStringToObject(c, "fingerprint", fp);
                cJSON_AddBoolToObject(c, "suppressed", false);
                cJSON_AddNullToObject(c, "suppression");
                cJSON *sides = cJSON_AddArrayToObject(c, "sides");
                cJSON_AddItemToArray(sides, side_json(p));
                cJSON_AddItemToArray(sides, side_json(q));
                cJSON_AddItemToArray(out, c);
            }
        a = b;
    }
    free(ws);
    return out;
}

static const char *entity_name(const sd_model *m, const char *id)
{
    const sd_entity *e = id ? sd_model_find_entity(m, id) : NULL;
    return e != NULL && e->name_en != NULL ? e->name_en : (id ? id : "?");
}

int sd_reconcile_window(const sd_model *m, sd_doc_result *r, sd_error *err)
{
    sd_date lo = {0, 0, 0, SD_PREC_NONE}, hi = {0, 0, 0, SD_PREC_NONE};
    bool any = false, open_hi = true;
    char reason[2048] = "";
    size_t rl = 0;
    for (size_t i = 0; i < r->claims.n; i++) {
        const sd_article_claim *c = &r->claims.items[i];
        if (c->modality != SD_MODALITY_ASSERTED && c->modality != SD_MODALITY_REPORTED)
            continue;
        /* Only titles read at the article's own date say when it was written; a sentence
         * with its own date («در سال ۲۰۱۰ رئیس‌جمهور ...») does not. */
        if (c->has_time && !c->from_publication)
            continue;
        /* A title the verdict could not judge (an article written around a handover) does not
         * bound the date either. */
        if (c->verdict.label == SD_V_UNVERIFIABLE)
            continue;
        const char *office = NULL, *scope = NULL, *holder = sd_article_claim_arg(c, "person");
        if (c->type == SD_CLAIM_OFFICE_HOLDER) {
            office = sd_article_claim_arg(c, "office");
            scope = sd_article_claim_arg(c, "country");
        } else if (c->type == SD_CLAIM_SECRETARY_GENERAL && sd_article_claim_arg(c, "event") != NULL &&
                   strcmp(sd_article_claim_arg(c, "event"), "holds") == 0) {
            office = "secretary_general";
            scope = sd_article_claim_arg(c, "org");
        }
        if (office == NULL || scope == NULL || holder == NULL)
            continue;
        /* The span of the person's terms in that office (their hull). */
        sd_date from = {0, 0, 0, SD_PREC_NONE}, to = {0, 0, 0, SD_PREC_NONE};
        bool found = false, open = false;
        for (size_t k = 0; k < sd_model_fact_count(m); k++) {
            const sd_fact *f = sd_model_fact(m, k);
            if (f->type != SD_FACT_OFFICE || f->office == NULL || strcmp(f->office, office) != 0 ||
                f->holder == NULL || strcmp(f->holder, holder) != 0)
                continue;
            if (!((f->country && strcmp(f->country, scope) == 0) || (f->org && strcmp(f->org, scope) == 0)))
                continue;
            if (!found || sd_date_cmp(sd_date_first_day(f->from), sd_date_first_day(from)) < 0)
                from = f->from;
            if (f->to.prec == SD_PREC_NONE)
                open = true;
            else if (!found || to.prec == SD_PREC_NONE ||
                     sd_date_cmp(sd_date_last_day(f->to), sd_date_last_day(to)) > 0)
                to = f->to;
            found = true;
        }
        if (!found)
            continue;
        char fb[11], tb[11];
        sd_date_format(from, fb);
        sd_date_format(to, tb);
        int w = snprintf(reason + rl, sizeof reason - rl, "%s%s was %s of %s from %s to %s",
                         rl ? "; " : "", entity_name(m, holder),
                         strcmp(office, "head_of_state") == 0 ? "president"
                         : strcmp(office, "foreign_minister") == 0 ? "foreign minister"
                         : strcmp(office, "secretary_general") == 0 ? "secretary-general"
                         : office,
                         entity_name(m, scope), fb, open ? "the present" : tb);
        if (w > 0 && (size_t)w < sizeof reason - rl)
            rl += (size_t)w;
        if (!any || sd_date_cmp(sd_date_first_day(from), sd_date_first_day(lo)) > 0)
            lo = from;
        if (!open && (open_hi || sd_date_cmp(sd_date_last_day(to), sd_date_last_day(hi)) < 0)) {
            hi = to;
            open_hi = false;
        }
        any = true;
    }
    if (!any)
        return SD_OK;
    r->has_window = true;
    r->window_from = lo;
    r->window_to = open_hi ? (sd_date){0, 0, 0, SD_PREC_NONE} : hi;
    bool empty = !open_hi && sd_date_cmp(sd_date_last_day(hi), sd_date_first_day(lo)) < 0;
    size_t need = strlen(reason) + 200;
    r->window_reason = malloc(need);
    if (r->window_reason == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    snprintf(r->window_reason, need, "%s%s.", reason,
             empty ? "; these terms never overlap, so no single date fits them all" : "");
    if (empty)
        r->has_window = false;
    if (r->published.prec != SD_PREC_NONE && strcmp(r->published_from, "as-of") != 0) {
        bool before = sd_date_cmp(sd_date_last_day(r->published), sd_date_first_day(lo)) < 0;
        bool after = !open_hi && sd_date_cmp(sd_date_first_day(r->published), sd_date_last_day(hi)) > 0;
        r->window_conflict = empty || before || after;
    }

    return SD_OK;
}

int sd_reconcile_windows(const sd_model *m, sd_check_results *res, sd_error *err)
{
    for (size_t d = 0; d < res->n; d++) {
        int rc = sd_reconcile_window(m, &res->docs[d], err);
        if (rc != SD_OK)
            return rc;
    }
    return SD_OK;
}

void sd_reconcile_compact(sd_doc_result *r)
{
    size_t w = 0;
    for (size_t i = 0; i < r->claims.n; i++) {
        sd_article_claim *c = &r->claims.items[i];
        char key[256], value[512];
        if (!sd_reconcile_key(c, key, sizeof key, value, sizeof value)) {
            sd_article_claim_clear(c);
            continue;
        }
        /* A conflict side shows the label, the value and the evidence: nothing else. */
        sd_verdict_label label = c->verdict.label;
        sd_verdict_clear(&c->verdict);
        c->verdict.label = label;
        free(c->time_text);
        c->time_text = NULL;
        r->claims.items[w] = *c;
        r->ev_line[w] = r->ev_line[i];
        r->ev_col[w] = r->ev_col[i];
        w++;
    }
    r->claims.n = w;
}
