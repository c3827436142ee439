/* lint: semantic checks of a loaded reference model. The loader already guarantees shape and
 * references; these rules look at the facts together (terms that overlap, membership events
 * out of order, gaps, colliding aliases, offices outside a lifetime, facts without sources).
 * Findings come out rule by rule, each rule in model order. */
#include "lint.h"
#include "util.h"

#include "text.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct lint_ctx {
    const sd_model *m;
    sd_lint_result *out;
    size_t cap;
    sd_error *err;
} lint_ctx;

static int add(lint_ctx *c, const char *rule, sd_lint_severity sev, const char *subject,
               const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int add(lint_ctx *c, const char *rule, sd_lint_severity sev, const char *subject,
               const char *fmt, ...)
{
    if (c->out->n == c->cap) {
        size_t ncap = c->cap ? c->cap * 2 : 16;
        sd_lint_finding *items = realloc(c->out->items, ncap * sizeof *items);
        if (items == NULL)
            return sd_error_set(c->err, SD_ENOMEM, "out of memory");
        c->out->items = items;
        c->cap = ncap;
    }
    va_list ap;
    va_start(ap, fmt);
    char *msg = sd_vasprintf(fmt, ap);
    va_end(ap);
    char *subj = sd_strdup(subject != NULL ? subject : "");
    if (msg == NULL || subj == NULL) {
        free(msg);
        free(subj);
        return sd_error_set(c->err, SD_ENOMEM, "out of memory");
    }
    c->out->items[c->out->n++] = (sd_lint_finding){rule, sev, msg, subj};
    return 0;
}

/* Findings of one rule come out in the model order of their subject (facts, then entities),
 * whatever order the rule walked its groups in. */
typedef struct ordered {
    size_t order;
    sd_lint_finding f;
} ordered;

static int ordered_cmp(const void *a, const void *b)
{
    const ordered *x = a, *y = b;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return strcmp(x->f.message, y->f.message);
}

static int sort_since(lint_ctx *c, size_t first)
{
    size_t n = c->out->n - first;
    if (n < 2)
        return 0;
    ordered *tmp = malloc(n * sizeof *tmp);
    if (tmp == NULL)
        return sd_error_set(c->err, SD_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        sd_lint_finding *f = &c->out->items[first + i];
        const sd_fact *fact = sd_model_find_fact(c->m, f->subject);
        const sd_entity *e = fact == NULL ? sd_model_find_entity(c->m, f->subject) : NULL;
        size_t order = fact != NULL ? fact->index
                       : e != NULL  ? sd_model_fact_count(c->m) + e->index
                                    : SIZE_MAX;
        tmp[i] = (ordered){order, *f};
    }
    qsort(tmp, n, sizeof *tmp, ordered_cmp);
    for (size_t i = 0; i < n; i++)
        c->out->items[first + i] = tmp[i].f;
    free(tmp);
    return 0;
}

/* ---- date helpers ------------------------------------------------------------------------ */

static bool known(sd_date d)
{
    return d.prec != SD_PREC_NONE;
}

/* Both at day precision: an exact comparison. */
static int day_cmp(sd_date a, sd_date b)
{
    return sd_date_cmp(sd_date_first_day(a), sd_date_first_day(b));
}

static void fmt_date(sd_date d, char buf[11])
{
    if (known(d))
        sd_date_format(d, buf);
    else
        snprintf(buf, 11, "open");
}

static const char *office_scope(const sd_fact *f)
{
    return f->org != NULL ? f->org : (f->country != NULL ? f->country : "");
}

/* Collect the facts matching keep, in model order. Caller frees. */
static const sd_fact **collect(const sd_model *m, bool (*keep)(const sd_fact *), size_t *n)
{
    size_t total = sd_model_fact_count(m);
    const sd_fact **list = malloc((total + 1) * sizeof *list);
    *n = 0;
    if (list == NULL)
        return NULL;
    for (size_t i = 0; i < total; i++) {
        const sd_fact *f = sd_model_fact(m, i);
        if (keep(f))
            list[(*n)++] = f;
    }
    return list;
}

/* ---- SD-L001 overlapping holders --------------------------------------------------------- */

static bool is_office(const sd_fact *f)
{
    return f->type == SD_FACT_OFFICE && f->office != NULL && known(f->from);
}

/* By office, scope, start (earliest day), then model order. */
static int office_cmp(const void *a, const void *b)
{
    const sd_fact *x = *(const sd_fact *const *)a, *y = *(const sd_fact *const *)b;
    int c = strcmp(x->office, y->office);
    if (c == 0)
        c = strcmp(office_scope(x), office_scope(y));
    if (c == 0)
        c = day_cmp(x->from, y->from);
    if (c == 0)
        c = (x->index > y->index) - (x->index < y->index);
    return c;
}

static bool same_post(const sd_fact *a, const sd_fact *b)
{
    return strcmp(a->office, b->office) == 0 && strcmp(office_scope(a), office_scope(b)) == 0;
}

static int rule_overlap(lint_ctx *c)
{
    size_t n;
    const sd_fact **list = collect(c->m, is_office, &n);
    if (list == NULL)
        return sd_error_set(c->err, SD_ENOMEM, "out of memory");
    qsort(list, n, sizeof *list, office_cmp);
    /* Pairs found per post, reported afterwards in model order of the earlier fact. */
    typedef struct pair {
        const sd_fact *a, *b;
    } pair;
    pair *pairs = NULL;
    size_t np = 0, cap = 0;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        const sd_fact *a = list[i];
        for (size_t j = i + 1; j < n && same_post(a, list[j]); j++) {
            const sd_fact *b = list[j];
            /* b certainly starts before a leaves; starting on a's last day is a handover. */
            bool overlap = !known(a->to) ||
                           day_cmp(sd_date_last_day(b->from), sd_date_first_day(a->to)) < 0;
            if (!overlap)
                continue;
            if (np == cap) {
                cap = cap ? cap * 2 : 8;
                pair *p = realloc(pairs, cap * sizeof *p);
                if (p == NULL) {
                    rc = sd_error_set(c->err, SD_ENOMEM, "out of memory");
                    break;
                }
                pairs = p;
            }
            pairs[np++] = (pair){a, b};
        }
    }
    size_t first_finding = c->out->n;
    for (size_t k = 0; k < np && rc == 0; k++) {
        const sd_fact *a = pairs[k].a, *b = pairs[k].b;
        char af[11], at[11], bf[11], bt[11];
        fmt_date(a->from, af);
        fmt_date(a->to, at);
        fmt_date(b->from, bf);
        fmt_date(b->to, bt);
        if (strcmp(a->holder, b->holder) == 0)   /* a duplicated or overlapping term */
            rc = add(c, "SD-L001", SD_LINT_ERROR, a->id,
                     "%s and %s overlap: two terms of %s as %s of %s (%s to %s and %s to %s)",
                     a->id, b->id, a->holder, a->office, office_scope(a), af, at, bf, bt);
        else
            rc = add(c, "SD-L001", SD_LINT_ERROR, a->id,
                     "%s and %s overlap: %s (%s to %s%s) and %s (%s to %s%s) both hold %s of %s",
                     a->id, b->id, a->holder, af, at, a->acting ? ", acting" : "", b->holder, bf,
                     bt, b->acting ? ", acting" : "", a->office, office_scope(a));
    }
    if (rc == 0)
        rc = sort_since(c, first_finding);
    free(pairs);
    free(list);
    return rc;
}

/* ---- SD-L002 membership events out of order ---------------------------------------------- */

typedef enum mstate {
    MS_NONE,        /* no event yet */
    MS_SIGNED,      /* signatory, the treaty not yet in force for it */
    MS_MEMBER,
    MS_SUSPENDED,   /* suspended or participation frozen */
    MS_WITHDRAWN
} mstate;

#define S(x) (1u << (x))

static const char *const state_phrase[] = {
    [MS_NONE] = "not a party to",
    [MS_SIGNED] = "a signatory (not yet in force) of",
    [MS_MEMBER] = "already a member of",
    [MS_SUSPENDED] = "suspended from",
    [MS_WITHDRAWN] = "withdrawn from",
};

/* Which states each event may follow and the state it leads to. rank orders events that
 * share a date (a signature before entry into force). */
typedef struct transition {
    const char *event;
    unsigned from;
    mstate to;
    int rank;
} transition;

static const transition transitions[] = {
    {"signed", S(MS_NONE) | S(MS_WITHDRAWN), MS_SIGNED, 0},
    {"acceded", S(MS_NONE) | S(MS_WITHDRAWN), MS_MEMBER, 0},
    {"in_force", S(MS_SIGNED) | S(MS_MEMBER), MS_MEMBER, 1},
    {"founding_member", S(MS_NONE) | S(MS_SIGNED) | S(MS_MEMBER), MS_MEMBER, 2},
    {"rejoined", S(MS_WITHDRAWN) | S(MS_SUSPENDED), MS_MEMBER, 3},
    {"suspended", S(MS_MEMBER), MS_SUSPENDED, 4},
    {"froze_participation", S(MS_MEMBER), MS_SUSPENDED, 4},
    {"withdrew", S(MS_SIGNED) | S(MS_MEMBER) | S(MS_SUSPENDED), MS_WITHDRAWN, 5},
};

static const transition *transition_of(const char *event)
{
    for (size_t i = 0; i < sizeof transitions / sizeof transitions[0]; i++)
        if (strcmp(transitions[i].event, event) == 0)
            return &transitions[i];
    return NULL;
}

static bool is_membership(const sd_fact *f)
{
    return f->type == SD_FACT_MEMBERSHIP && f->org != NULL && f->country != NULL &&
           f->event != NULL && known(f->date) && transition_of(f->event) != NULL;
}

static int membership_cmp(const void *a, const void *b)
{
    const sd_fact *x = *(const sd_fact *const *)a, *y = *(const sd_fact *const *)b;
    int c = strcmp(x->org, y->org);
    if (c == 0)
        c = strcmp(x->country, y->country);
    if (c == 0)
        c = day_cmp(x->date, y->date);
    if (c == 0)
        c = transition_of(x->event)->rank - transition_of(y->event)->rank;
    if (c == 0)
        c = (x->index > y->index) - (x->index < y->index);
    return c;
}

static int rule_membership(lint_ctx *c)
{
    size_t n;
    const sd_fact **list = collect(c->m, is_membership, &n);
    if (list == NULL)
        return sd_error_set(c->err, SD_ENOMEM, "out of memory");
    qsort(list, n, sizeof *list, membership_cmp);
    size_t first_finding = c->out->n;
    int rc = 0;
    mstate st = MS_NONE;
    const sd_fact *prev = NULL;
    for (size_t i = 0; i < n && rc == 0; i++) {
        const sd_fact *f = list[i];
        if (prev != NULL &&
            (strcmp(prev->org, f->org) != 0 || strcmp(prev->country, f->country) != 0)) {
            st = MS_NONE;
            prev = NULL;
        }
        const transition *t = transition_of(f->event);
        if (!(t->from & S(st))) {
            char d[11], pd[11], before[160];
            fmt_date(f->date, d);
            if (prev != NULL) {
                fmt_date(prev->date, pd);
                snprintf(before, sizeof before, "previous event: %s, %s %s", prev->id,
                         prev->event, pd);
            } else {
                snprintf(before, sizeof before, "no earlier event");
            }
            rc = add(c, "SD-L002", SD_LINT_ERROR, f->id, "%s: %s on %s while %s %s (%s)",
                     f->country, f->event, d, state_phrase[st], f->org, before);
        }
        st = t->to;   /* follow the event anyway, so one slip gives one finding */
        /* The file lists a country's events in date order (FORMAT.md): flag one listed after a
         * later event of the same country. */
        const sd_fact *later = NULL;
        for (size_t k = i + 1; k < n && strcmp(list[k]->org, f->org) == 0 &&
                               strcmp(list[k]->country, f->country) == 0; k++)
            if (list[k]->index < f->index && day_cmp(list[k]->date, f->date) > 0 &&
                (later == NULL || list[k]->index < later->index))
                later = list[k];
        if (rc == 0 && later != NULL) {
            char d[11], ld[11];
            fmt_date(f->date, d);
            fmt_date(later->date, ld);
            rc = add(c, "SD-L002", SD_LINT_ERROR, f->id,
                     "%s: %s (%s %s) is listed after %s (%s %s); list a country's events in date "
                     "order", f->country, f->id, f->event, d, later->id, later->event, ld);
        }
        prev = f;
    }
    /* Timelines were walked per country; report in model order. */
    if (rc == 0)
        rc = sort_since(c, first_finding);
    free(list);
    return rc;
}

/* ---- SD-L003 gaps ------------------------------------------------------------------------ */

/* Offices that must always have a holder from the first one on. */
static const char *const continuous_offices[] = {"secretary_general", "chair"};

static bool is_continuous_office(const sd_fact *f)
{
    if (!is_office(f) || f->org == NULL)
        return false;
    for (size_t i = 0; i < sizeof continuous_offices / sizeof continuous_offices[0]; i++)
        if (strcmp(f->office, continuous_offices[i]) == 0)
            return true;
    return false;
}

static int gap_finding(lint_ctx *c, const sd_fact *a, const sd_fact *b, sd_date end, sd_date start,
                       long empty)
{
    char e[11], s[11];
    fmt_date(end, e);
    fmt_date(start, s);
    if (b == NULL)
        return add(c, "SD-L003", SD_LINT_WARNING, a->id,
                   "no %s of %s after %s (to %s) up to the model's as_of %s: %ld days", a->office,
                   a->org, a->id, e, s, empty);
    return add(c, "SD-L003", SD_LINT_WARNING, a->id,
               "no %s of %s between %s (to %s) and %s (from %s): %ld day%s", a->office, a->org,
               a->id, e, b->id, s, empty, empty == 1 ? "" : "s");
}

static int rule_gaps(lint_ctx *c)
{
    size_t n;
    const sd_fact **list = collect(c->m, is_continuous_office, &n);
    if (list == NULL)
        return sd_error_set(c->err, SD_ENOMEM, "out of memory");
    qsort(list, n, sizeof *list, office_cmp);
    sd_date as_of = {0, 0, 0, SD_PREC_NONE};
    if (sd_model_as_of(c->m) != NULL)
        sd_date_parse_iso(sd_model_as_of(c->m), &as_of);
    size_t first_finding = c->out->n;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0;) {
        /* One post: list[i .. j). Coverage runs to the latest last day of any term so far. */
        size_t j = i + 1;
        while (j < n && same_post(list[i], list[j]))
            j++;
        const sd_fact *cover = list[i];
        bool open = !known(cover->to);
        sd_date end = open ? cover->to : sd_date_last_day(cover->to);
        for (size_t k = i + 1; k < j && !open && rc == 0; k++) {
            const sd_fact *f = list[k];
            sd_date start = sd_date_first_day(f->from);
            long days = sd_date_days_between(end, start);
            /* Leaving on day D and a successor on D+1 is continuous; a gap the curator has
             * declared (gap_after: no source names the holders) is not a finding. */
            if (days > 1 && cover->gap_after == NULL)
                rc = gap_finding(c, cover, f, end, start, days - 1);
            if (!known(f->to)) {
                open = true;
            } else if (day_cmp(sd_date_last_day(f->to), end) > 0) {
                end = sd_date_last_day(f->to);
                cover = f;
            }
        }
        if (rc == 0 && !open && known(as_of)) {
            long days = sd_date_days_between(end, sd_date_first_day(as_of));
            if (days > 1)
                rc = gap_finding(c, cover, NULL, end, as_of, days - 1);
        }
        i = j;
    }
    if (rc == 0)
        rc = sort_since(c, first_finding);
    free(list);
    return rc;
}

/* ---- SD-L004 colliding aliases ----------------------------------------------------------- */

typedef struct alias_key {
    char *key;
    const char *text;
    size_t entity;
    const char *kind;   /* "name", "alias" or "short alias", for messages */
    bool is_short;      /* short aliases only collide with full names */
    size_t order;       /* position in the model, for a stable report */
} alias_key;

static int alias_cmp(const void *a, const void *b)
{
    const alias_key *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c == 0)
        c = (x->order > y->order) - (x->order < y->order);
    return c;
}

static bool collides(const alias_key *x, const alias_key *y)
{
    return x->entity != y->entity && !(x->is_short && y->is_short);
}

static bool same_entities(const alias_key *p, const alias_key *q, const alias_key *x,
                          const alias_key *y)
{
    return (p->entity == x->entity && q->entity == y->entity) ||
           (p->entity == y->entity && q->entity == x->entity);
}

static int rule_aliases(lint_ctx *c)
{
    const sd_model *m = c->m;
    size_t total = 0;
    for (size_t i = 0; i < sd_model_entity_count(m); i++) {
        const sd_entity *e = sd_model_entity(m, i);
        total += 1 + e->naliases + e->nshort_aliases;
    }
    alias_key *keys = calloc(total + 1, sizeof *keys);
    if (keys == NULL)
        return sd_error_set(c->err, SD_ENOMEM, "out of memory");
    size_t n = 0;
    int rc = 0;
    for (size_t i = 0; i < sd_model_entity_count(m) && rc == 0; i++) {
        const sd_entity *e = sd_model_entity(m, i);
        size_t count = 1 + e->naliases + e->nshort_aliases;
        for (size_t k = 0; k < count; k++) {
            const char *text = k == 0 ? e->name_fa
                               : k <= e->naliases ? e->aliases[k - 1]
                                                  : e->short_aliases[k - 1 - e->naliases];
            char *key = sd_fold_key(text);
            if (key == NULL) {
                rc = sd_error_set(c->err, SD_ENOMEM, "out of memory");
                break;
            }
            if (key[0] == '\0') {
                free(key);
                continue;
            }
            const char *kind = k == 0 ? "name" : k <= e->naliases ? "alias" : "short alias";
            keys[n] = (alias_key){key, text, i, kind, k > e->naliases, n};
            n++;
        }
    }
    if (rc == 0)
        qsort(keys, n, sizeof *keys, alias_cmp);
    size_t first_finding = c->out->n;
    for (size_t i = 0; i < n && rc == 0;) {
        size_t j = i + 1;
        while (j < n && strcmp(keys[i].key, keys[j].key) == 0)
            j++;
        /* Report each pair of entities once, with the first spelling of each. */
        for (size_t a = i; a < j && rc == 0; a++) {
            for (size_t b = a + 1; b < j && rc == 0; b++) {
                const alias_key *x = &keys[a], *y = &keys[b];
                if (!collides(x, y))
                    continue;
                bool seen = false;   /* the same two entities already reported for this key */
                for (size_t p = i; p <= a && !seen; p++)
                    for (size_t q = p + 1; q < j && !seen && (p < a || q < b); q++)
                        seen = collides(&keys[p], &keys[q]) &&
                               same_entities(&keys[p], &keys[q], x, y);
                if (seen)
                    continue;
                const sd_entity *ex = sd_model_entity(m, x->entity);
                const sd_entity *ey = sd_model_entity(m, y->entity);
                if (ex->index > ey->index) {
                    const sd_entity *t = ex;
                    ex = ey;
                    ey = t;
                    const alias_key *tk = x;
                    x = y;
                    y = tk;
                }
                rc = add(c, "SD-L004", SD_LINT_ERROR, ex->id,
                         "%s \"%s\" of %s and %s \"%s\" of %s fold to the same key \"%s\"",
                         x->kind, x->text, ex->id, y->kind, y->text, ey->id, x->key);
            }
        }
        i = j;
    }
    if (rc == 0)
        rc = sort_since(c, first_finding);
    for (size_t i = 0; i < n; i++)
        free(keys[i].key);
    free(keys);
    return rc;
}

/* ---- SD-L005 office outside a lifetime --------------------------------------------------- */

static int rule_lifetime(lint_ctx *c)
{
    const sd_model *m = c->m;
    int rc = 0;
    for (size_t i = 0; i < sd_model_fact_count(m) && rc == 0; i++) {
        const sd_fact *f = sd_model_fact(m, i);
        if (!is_office(f))
            continue;
        const sd_entity *p = sd_model_find_entity(m, f->holder);
        if (p == NULL || p->type != SD_ENT_PERSON)
            continue;
        char from[11], to[11], life[11];
        fmt_date(f->from, from);
        fmt_date(f->to, to);
        if (known(p->born) && day_cmp(sd_date_last_day(f->from), sd_date_first_day(p->born)) < 0) {
            fmt_date(p->born, life);
            rc = add(c, "SD-L005", SD_LINT_ERROR, f->id,
                     "%s holds %s of %s from %s but was born in %s", f->holder, f->office,
                     office_scope(f), from, life);
            continue;
        }
        if (!known(p->died))
            continue;
        sd_date died = sd_date_last_day(p->died);
        fmt_date(p->died, life);
        if (day_cmp(sd_date_first_day(f->from), died) > 0)
            rc = add(c, "SD-L005", SD_LINT_ERROR, f->id,
                     "%s holds %s of %s from %s but died in %s", f->holder, f->office,
                     office_scope(f), from, life);
        else if (!known(f->to))
            rc = add(c, "SD-L005", SD_LINT_ERROR, f->id,
                     "%s holds %s of %s with no end but died in %s", f->holder, f->office,
                     office_scope(f), life);
        else if (day_cmp(sd_date_first_day(f->to), died) > 0)
            rc = add(c, "SD-L005", SD_LINT_ERROR, f->id,
                     "%s holds %s of %s to %s but died in %s", f->holder, f->office,
                     office_scope(f), to, life);
    }
    return rc;
}

/* ---- SD-L006 facts without sources ------------------------------------------------------- */

static int rule_sources(lint_ctx *c)
{
    const sd_model *m = c->m;
    int rc = 0;
    for (size_t i = 0; i < sd_model_fact_count(m) && rc == 0; i++) {
        const sd_fact *f = sd_model_fact(m, i);
        if (f->nsources == 0)
            rc = add(c, "SD-L006", SD_LINT_ERROR, f->id, "%s has an empty sources array", f->id);
        for (size_t k = 0; k < f->nalternatives && rc == 0; k++)
            if (f->alternatives[k].nsources == 0)
                rc = add(c, "SD-L006", SD_LINT_ERROR, f->id,
                         "alternative %zu of %s has an empty sources array", k, f->id);
    }
    return rc;
}

/* ---- driver ------------------------------------------------------------------------------ */

int sd_lint_run(const sd_model *m, sd_lint_result *out, sd_error *err)
{
    if (out == NULL)
        return sd_error_set(err, SD_EUSAGE, "no lint result");
    out->items = NULL;
    out->n = 0;
    if (m == NULL)
        return sd_error_set(err, SD_EUSAGE, "no model");
    lint_ctx c = {m, out, 0, err};
    static int (*const rules_run[])(lint_ctx *) = {
        rule_overlap, rule_membership, rule_gaps, rule_aliases, rule_lifetime, rule_sources,
    };
    for (size_t i = 0; i < sizeof rules_run / sizeof rules_run[0]; i++) {
        int rc = rules_run[i](&c);
        if (rc != 0) {
            sd_lint_free(out);
            return rc;
        }
    }
    return 0;
}

void sd_lint_free(sd_lint_result *r)
{
    if (r == NULL)
        return;
    for (size_t i = 0; i < r->n; i++) {
        free(r->items[i].message);
        free(r->items[i].subject);
    }
    free(r->items);
    r->items = NULL;
    r->n = 0;
}

const char *sd_lint_severity_name(sd_lint_severity s)
{
    switch (s) {
    case SD_LINT_WARNING: return "warning";
    case SD_LINT_ERROR: return "error";
    }
    return "unknown";
}
