#include "verify.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXF 64

/* How far around an article's date a "recent" meeting may lie. */
#define MEETING_WINDOW_DAYS 45
/* How close to a term's start or end an article's date may be before it is not held against it. */
#define HANDOVER_DAYS 60

static const char *ename(const sd_model *m, const char *id)
{
    const sd_entity *e = id != NULL ? sd_model_find_entity(m, id) : NULL;
    if (e != NULL && e->name_en != NULL)
        return e->name_en;
    return id != NULL ? id : "?";
}

static void judge(sd_article_claim *c, sd_verdict_label label, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void judge(sd_article_claim *c, sd_verdict_label label, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    free(c->verdict.reason);
    c->verdict.reason = sd_vasprintf(fmt, ap);
    va_end(ap);
    c->verdict.label = label;
}

static void use_fact(sd_article_claim *c, const sd_fact *f)
{
    sd_verdict *v = &c->verdict;
    for (size_t i = 0; i < v->nfacts; i++)
        if (strcmp(v->facts[i], f->id) == 0)
            return;
    const char **g = realloc(v->facts, (v->nfacts + 1) * sizeof *g);
    if (g == NULL)
        return;
    v->facts = g;
    v->facts[v->nfacts++] = f->id;
}

static void push_item(char ***arr, size_t *n, const char *id)
{
    char **g = realloc(*arr, (*n + 1) * sizeof *g);
    if (g == NULL)
        return;
    *arr = g;
    size_t len = strlen(id) + 1;
    g[*n] = malloc(len);
    if (g[*n] != NULL) {
        memcpy(g[*n], id, len);
        (*n)++;
    }
}

static const char *fmt_date(sd_date d, char buf[11])
{
    sd_date_format(d, buf);
    return buf[0] ? buf : "an open date";
}

void sd_verify_describe_difference(sd_date claimed, sd_date record, char *buf, size_t n)
{
    char rb[11];
    sd_date_format(record, rb);
    if (claimed.prec == SD_PREC_DAY && record.prec == SD_PREC_DAY) {
        long d = sd_date_days_between(record, claimed);
        long a = d < 0 ? -d : d;
        const char *dir = d > 0 ? "later" : "earlier";
        if (a == 1)
            snprintf(buf, n, "one day %s than the record, %s", dir, rb);
        else
            snprintf(buf, n, "%ld days %s than the record, %s", a, dir, rb);
        return;
    }
    char cb[11];
    sd_date_format(claimed, cb);
    snprintf(buf, n, "%s where the record has %s", cb, rb);
}

static bool is_in(const char *id, const char *const *ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ids[i] != NULL && id != NULL && strcmp(ids[i], id) == 0)
            return true;
    return false;
}

static bool str_eq(const char *a, const char *b)
{
    return a != NULL && b != NULL && strcmp(a, b) == 0;
}

static bool interval_contains(const sd_fact *f, sd_date at)
{
    if (f->from.prec != SD_PREC_NONE && sd_date_cmp(f->from, at) > 0)
        return false;
    if (f->to.prec != SD_PREC_NONE && sd_date_cmp(at, f->to) > 0)
        return false;
    return true;
}

size_t sd_verify_holders_at(const sd_model *m, const char *office, const char *scope,
                            sd_date at, const sd_fact **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < sd_model_fact_count(m); i++) {
        const sd_fact *f = sd_model_fact(m, i);
        if (f->type != SD_FACT_OFFICE || !str_eq(f->office, office))
            continue;
        if (!str_eq(f->org, scope) && !str_eq(f->country, scope))
            continue;
        if (!interval_contains(f, at))
            continue;
        if (n < max)
            out[n] = f;
        n++;
    }
    return n;
}

/* Office facts of one office and scope, optionally for one holder. */
static size_t office_facts(const sd_model *m, const char *office, const char *scope,
                           const char *holder, const sd_fact **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < sd_model_fact_count(m) && n < max; i++) {
        const sd_fact *f = sd_model_fact(m, i);
        if (f->type != SD_FACT_OFFICE || !str_eq(f->office, office))
            continue;
        if (scope != NULL && !str_eq(f->org, scope) && !str_eq(f->country, scope))
            continue;
        if (holder != NULL && !str_eq(f->holder, holder))
            continue;
        out[n++] = f;
    }
    return n;
}

static void term_text(const sd_fact *f, char *buf, size_t n)
{
    char a[11], b[11];
    sd_date_format(f->from, a);
    sd_date_format(f->to, b);
    snprintf(buf, n, "%s to %s", a[0] ? a : "?", b[0] ? b : "the present");
}

static const char *office_name(const char *office)
{
    static const struct {
        const char *id, *name;
    } names[] = {
        {"head_of_state", "president"},          {"head_of_government", "head of government"},
        {"foreign_minister", "foreign minister"}, {"defence_minister", "defence minister"},
        {"secretary_general", "secretary-general"}, {"chair", "chair"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (str_eq(office, names[i].id))
            return names[i].name;
    return office != NULL ? office : "office";
}

/* Compare a claimed date with a fact's date and its alternatives. Returns 0 match,
 * 1 match of an alternative only, -1 no match. which: 0 date, 1 from, 2 to. */
static int date_matches(const sd_fact *f, int which, sd_date claimed)
{
    sd_date d = which == 0 ? f->date : (which == 1 ? f->from : f->to);
    if (d.prec != SD_PREC_NONE && sd_date_cmp(d, claimed) == 0)
        return 0;
    for (size_t i = 0; i < f->nalternatives; i++) {
        const sd_alternative *a = &f->alternatives[i];
        sd_date ad = which == 0 ? a->date : (which == 1 ? a->from : a->to);
        if (ad.prec != SD_PREC_NONE && sd_date_cmp(ad, claimed) == 0)
            return 1;
    }
    return -1;
}

static void verify_founding(const sd_model *m, sd_article_claim *c)
{
    const char *org = sd_article_claim_arg(c, "org");
    const char *members[MAXF];
    size_t nm = sd_article_claim_arg_list(c, "members", members, MAXF);
    const sd_fact *cands[8];
    size_t nc = 0;
    for (size_t i = 0; i < sd_model_fact_count(m) && nc < 8; i++) {
        const sd_fact *f = sd_model_fact(m, i);
        if (f->type == SD_FACT_MILESTONE && str_eq(f->org, org) && f->nparties > 0 &&
            (str_eq(f->event, "treaty_signed") || str_eq(f->event, "charter_signed")))
            cands[nc++] = f;
    }
    if (nc == 0) {
        judge(c, SD_V_UNVERIFIABLE, "The model holds no founding record for %s.", ename(m, org));
        return;
    }
    const sd_fact *f = cands[0];
    bool date_ok = !c->has_time;
    for (size_t i = 0; i < nc && c->has_time; i++)
        if (sd_date_cmp(cands[i]->date, c->time) == 0) {
            f = cands[i];
            date_ok = true;
            break;
        }
    use_fact(c, f);
    sd_verdict *v = &c->verdict;
    size_t common = 0;
    char expl[1024] = "";
    size_t el = 0;
    for (size_t i = 0; i < nm; i++) {
        if (is_in(members[i], f->parties, f->nparties)) {
            common++;
            continue;
        }
        push_item(&v->wrong, &v->nwrong, members[i]);
        /* Say how the wrong item really came in, when the record knows. */
        bool explained = false;
        for (size_t k = 0; k < sd_model_fact_count(m) && !explained; k++) {
            const sd_fact *e = sd_model_fact(m, k);
            if (e->type == SD_FACT_MEMBERSHIP && str_eq(e->country, members[i]) &&
                str_eq(e->org, org) && (str_eq(e->event, "acceded") || str_eq(e->event, "signed"))) {
                char db[11];
                int w = snprintf(expl + el, sizeof expl - el, "%s%s %s on %s",
                                 el == 0 ? "; " : ", ", ename(m, members[i]), e->event,
                                 fmt_date(e->date, db));
                if (w > 0 && (size_t)w < sizeof expl - el)
                    el += (size_t)w;
                use_fact(c, e);
                explained = true;
            }
        }
        if (!explained) {
            int w = snprintf(expl + el, sizeof expl - el, "%s%s was never a party",
                             el == 0 ? "; " : ", ", ename(m, members[i]));
            if (w > 0 && (size_t)w < sizeof expl - el)
                el += (size_t)w;
        }
    }
    for (size_t i = 0; i < f->nparties; i++)
        if (!is_in(f->parties[i], members, nm))
            push_item(&v->missing, &v->nmissing, f->parties[i]);
    char db[11], parties[512] = "";
    size_t pl = 0;
    for (size_t i = 0; i < f->nparties; i++) {
        int w = snprintf(parties + pl, sizeof parties - pl, "%s%s", i ? ", " : "",
                         ename(m, f->parties[i]));
        if (w > 0 && (size_t)w < sizeof parties - pl)
            pl += (size_t)w;
    }
    const char *what = str_eq(f->event, "charter_signed") ? "charter" : "treaty";
    if (!date_ok) {
        char cb[11];
        judge(c, SD_V_REFUTED, "The record has the %s signed on %s by %zu states (%s), not in %s%s.",
              what, fmt_date(f->date, db), f->nparties, parties, fmt_date(c->time, cb), expl);
        return;
    }
    if (v->nwrong == 0 && v->nmissing == 0) {
        judge(c, SD_V_SUPPORTED, "The %s of %s was signed by exactly these %zu states.", what,
              fmt_date(f->date, db), f->nparties);
        return;
    }
    char miss[512] = "";
    size_t ml = 0;
    for (size_t i = 0; i < v->nmissing; i++) {
        int w = snprintf(miss + ml, sizeof miss - ml, "%s%s", i ? ", " : "; it leaves out ",
                         ename(m, v->missing[i]));
        if (w > 0 && (size_t)w < sizeof miss - ml)
            ml += (size_t)w;
    }
    judge(c, common * 2 >= f->nparties ? SD_V_PARTLY : SD_V_REFUTED,
          "The %s of %s had %zu signatories (%s)%s%s.", what, fmt_date(f->date, db), f->nparties,
          parties, expl, miss);
}

/* Is a country a member of org at date `at` per the membership events? Sets *last. */
static bool member_at(const sd_model *m, const char *org, const char *country, sd_date at,
                      const sd_fact **last)
{
    bool member = false;
    sd_date cutoff = sd_date_last_day(at);
    *last = NULL;
    sd_date last_date = {0, 0, 0, SD_PREC_NONE};
    for (size_t i = 0; i < sd_model_fact_count(m); i++) {
        const sd_fact *f = sd_model_fact(m, i);
        if (f->type != SD_FACT_MEMBERSHIP || !str_eq(f->country, country) || !str_eq(f->org, org))
            continue;
        if (sd_date_cmp(sd_date_first_day(f->date), cutoff) > 0)
            continue;
        if (*last != NULL && sd_date_cmp(f->date, last_date) < 0)
            continue;
        last_date = f->date;
        *last = f;
        member = !(str_eq(f->event, "withdrew") || str_eq(f->event, "suspended"));
    }
    return member;
}

static void verify_member_list(const sd_model *m, sd_article_claim *c)
{
    const char *org = sd_article_claim_arg(c, "org");
    const char *members[MAXF];
    size_t nm = sd_article_claim_arg_list(c, "members", members, MAXF);
    if (!c->has_time) {
        judge(c, SD_V_UNVERIFIABLE, "The article gives no date for this member list, so it cannot "
                                    "be compared with the record.");
        return;
    }
    bool any_fact = false;
    const char *truth[MAXF];
    size_t nt = 0;
    sd_verdict *v = &c->verdict;
    for (size_t i = 0; i < sd_model_entity_count(m); i++) {
        const sd_entity *e = sd_model_entity(m, i);
        if (e->type != SD_ENT_COUNTRY)
            continue;
        const sd_fact *last = NULL;
        bool mem = member_at(m, org, e->id, c->time, &last);
        if (last != NULL)
            any_fact = true;
        if (mem && nt < MAXF)
            truth[nt++] = e->id;
        if (last != NULL && (mem || is_in(e->id, members, nm)))
            use_fact(c, last);
    }
    if (!any_fact) {
        judge(c, SD_V_UNVERIFIABLE, "The model holds no membership record for %s.", ename(m, org));
        return;
    }
    char expl[1024] = "";
    size_t el = 0;
    size_t common = 0;
    for (size_t i = 0; i < nm; i++) {
        if (is_in(members[i], truth, nt)) {
            common++;
            continue;
        }
        push_item(&v->wrong, &v->nwrong, members[i]);
        const sd_fact *last = NULL;
        member_at(m, org, members[i], c->time, &last);
        char db[11];
        int w = last != NULL
                    ? snprintf(expl + el, sizeof expl - el, "%s%s %s on %s", el ? "; " : "",
                               ename(m, members[i]), last->event, fmt_date(last->date, db))
                    : snprintf(expl + el, sizeof expl - el, "%s%s has never been a member",
                               el ? "; " : "", ename(m, members[i]));
        if (w > 0 && (size_t)w < sizeof expl - el)
            el += (size_t)w;
    }
    for (size_t i = 0; i < nt; i++)
        if (!is_in(truth[i], members, nm)) {
            push_item(&v->missing, &v->nmissing, truth[i]);
            int w = snprintf(expl + el, sizeof expl - el, "%s%s is left out", el ? "; " : "",
                             ename(m, truth[i]));
            if (w > 0 && (size_t)w < sizeof expl - el)
                el += (size_t)w;
        }
    char tb[11];
    if (v->nwrong == 0 && v->nmissing == 0) {
        judge(c, SD_V_SUPPORTED, "On %s %s had exactly these %zu members.", fmt_date(c->time, tb),
              ename(m, org), nt);
        return;
    }
    judge(c, common * 2 >= nt ? SD_V_PARTLY : SD_V_REFUTED,
          "On %s %s had %zu members: %s.", fmt_date(c->time, tb), ename(m, org), nt, expl);
}

static bool event_in_class(const char *claimed, const char *fact_event)
{
    static const struct {
        const char *claim;
        const char *facts[6];
    } classes[] = {
        {"joined", {"signed", "acceded", "founding_member", "rejoined", "in_force", NULL}},
        {"signed", {"signed", NULL}},
        {"acceded", {"acceded", NULL}},
        {"withdrew", {"withdrew", "suspended", NULL}},
        {"suspended", {"suspended", NULL}},
        {"rejoined", {"rejoined", NULL}},
        {"froze_participation", {"froze_participation", NULL}},
    };
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        if (!str_eq(claimed, classes[i].claim))
            continue;
        for (size_t k = 0; classes[i].facts[k] != NULL; k++)
            if (str_eq(fact_event, classes[i].facts[k]))
                return true;
    }
    return false;
}

static void verify_membership_event(const sd_model *m, sd_article_claim *c)
{
    const char *org = sd_article_claim_arg(c, "org"), *country = sd_article_claim_arg(c, "country");
    const char *event = sd_article_claim_arg(c, "event");
    const sd_fact *hits[MAXF];
    size_t nh = 0;
    bool org_known = false, country_known = false;
    for (size_t i = 0; i < sd_model_fact_count(m); i++) {
        const sd_fact *f = sd_model_fact(m, i);
        if (f->type != SD_FACT_MEMBERSHIP || !str_eq(f->org, org))
            continue;
        org_known = true;
        if (!str_eq(f->country, country))
            continue;
        country_known = true;
        if (event_in_class(event, f->event) && nh < MAXF)
            hits[nh++] = f;
    }
    if (!org_known) {
        judge(c, SD_V_UNVERIFIABLE, "The model holds no membership record for %s.", ename(m, org));
        return;
    }
    if (nh == 0) {
        judge(c, SD_V_REFUTED, country_known ? "The record has no such event (%s) for %s."
                                             : "The record has no such event (%s): %s has never been a party.",
              event != NULL ? event : "?", ename(m, country));
        return;
    }
    char db[11];
    if (!c->has_time) {
        for (size_t i = 0; i < nh; i++)
            use_fact(c, hits[i]);
        judge(c, SD_V_SUPPORTED, "The record has %s: %s on %s.", ename(m, country), hits[0]->event,
              fmt_date(hits[0]->date, db));
        return;
    }
    for (size_t i = 0; i < nh; i++) {
        int r = date_matches(hits[i], 0, c->time);
        if (r == 0) {
            use_fact(c, hits[i]);
            judge(c, SD_V_SUPPORTED, "The record has %s: %s on %s.", ename(m, country),
                  hits[i]->event, fmt_date(hits[i]->date, db));
            return;
        }
    }
    for (size_t i = 0; i < nh; i++)
        if (date_matches(hits[i], 0, c->time) == 1) {
            use_fact(c, hits[i]);
            judge(c, SD_V_DISPUTED, "Sources disagree: the preferred record has %s %s on %s, and "
                                    "an alternative source gives the claimed date.",
                  ename(m, country), hits[i]->event, fmt_date(hits[i]->date, db));
            return;
        }
    const sd_fact *best = hits[0];
    for (size_t i = 1; i < nh; i++)
        if (labs(sd_date_days_between(hits[i]->date, c->time)) <
            labs(sd_date_days_between(best->date, c->time)))
            best = hits[i];
    use_fact(c, best);
    char diff[160];
    sd_verify_describe_difference(c->time, best->date, diff, sizeof diff);
    judge(c, SD_V_REFUTED, "The record has %s %s on another date: the claim is %s.", ename(m, country),
          best->event, diff);
    c->verdict.has_day_difference = c->time.prec == SD_PREC_DAY && best->date.prec == SD_PREC_DAY;
    c->verdict.day_difference = sd_date_days_between(best->date, c->time);
}

/* Secretary-general, chair and the offices of a country share one shape. */
static void verify_office(const sd_model *m, sd_article_claim *c, const char *office, const char *scope,
                          const char *holder, const char *event)
{
    const sd_fact *all[MAXF];
    size_t nall = office_facts(m, office, scope, NULL, all, MAXF);
    const char *oname = office_name(office);
    if (nall == 0) {
        judge(c, SD_V_UNVERIFIABLE, "The model holds no %s record for %s.", oname, ename(m, scope));
        return;
    }
    const sd_fact *mine[MAXF];
    size_t nmine = office_facts(m, office, scope, holder, mine, MAXF);
    char tb[11], term[80];
    bool point_event = str_eq(event, "starts") || str_eq(event, "appointed") ||
                       str_eq(event, "ends") || str_eq(event, "removed");
    if (!c->has_time) {
        if (nmine > 0) {
            use_fact(c, mine[0]);
            term_text(mine[0], term, sizeof term);
            judge(c, SD_V_SUPPORTED, "%s was %s of %s from %s; the claim has no date to check "
                                     "further.", ename(m, holder), oname, ename(m, scope), term);
        } else {
            judge(c, SD_V_REFUTED, "%s has never been %s of %s in the record.", ename(m, holder),
                  oname, ename(m, scope));
        }
        return;
    }
    if (point_event) {
        int which = (str_eq(event, "ends") || str_eq(event, "removed")) ? 2 : 1;
        if (nmine == 0) {
            judge(c, SD_V_REFUTED, "%s has never been %s of %s in the record.", ename(m, holder),
                  oname, ename(m, scope));
            return;
        }
        for (size_t i = 0; i < nmine; i++)
            if (date_matches(mine[i], which, c->time) == 0) {
                use_fact(c, mine[i]);
                term_text(mine[i], term, sizeof term);
                judge(c, SD_V_SUPPORTED, "%s was %s of %s from %s.", ename(m, holder), oname,
                      ename(m, scope), term);
                return;
            }
        for (size_t i = 0; i < nmine; i++)
            if (date_matches(mine[i], which, c->time) == 1) {
                use_fact(c, mine[i]);
                term_text(mine[i], term, sizeof term);
                judge(c, SD_V_DISPUTED, "Sources disagree on this date; the preferred record has "
                                        "%s as %s from %s.", ename(m, holder), oname, term);
                return;
            }
        /* The chair changes hands at a session, while articles name the year it is held for:
         * a start the record's term covers is not wrong. */
        if (str_eq(office, "chair") && which == 1)
            for (size_t i = 0; i < nmine; i++)
                if (interval_contains(mine[i], c->time)) {
                    use_fact(c, mine[i]);
                    term_text(mine[i], term, sizeof term);
                    judge(c, SD_V_SUPPORTED, "%s held the chair of %s from %s, which covers %s.",
                          ename(m, holder), ename(m, scope), term, fmt_date(c->time, tb));
                    return;
                }
        const sd_fact *best = NULL;
        for (size_t i = 0; i < nmine; i++) {
            sd_date d = which == 1 ? mine[i]->from : mine[i]->to;
            if (d.prec == SD_PREC_NONE)
                continue;
            if (best == NULL || labs(sd_date_days_between(d, c->time)) <
                                    labs(sd_date_days_between(which == 1 ? best->from : best->to, c->time)))
                best = mine[i];
        }
        if (best == NULL) {
            use_fact(c, mine[0]);
            judge(c, SD_V_REFUTED, "The record has %s's term as %s still open, with no end date.",
                  ename(m, holder), oname);
            return;
        }
        sd_date rec = which == 1 ? best->from : best->to;
        /* An appointment is decided before the term starts; the record keeps the start only. */
        if (str_eq(event, "appointed") && sd_date_cmp(c->time, rec) < 0 &&
            sd_date_days_between(c->time, rec) <= 400) {
            use_fact(c, best);
            judge(c, SD_V_UNVERIFIABLE, "The record has %s's term starting on %s; the date of the "
                                        "appointment decision itself is not recorded.",
                  ename(m, holder), fmt_date(rec, tb));
            return;
        }
        use_fact(c, best);
        char diff[160];
        sd_verify_describe_difference(c->time, rec, diff, sizeof diff);
        judge(c, SD_V_REFUTED, "%s %s as %s of %s %s.", ename(m, holder),
              which == 1 ? "started" : "left office", oname, ename(m, scope), diff);
        c->verdict.has_day_difference = c->time.prec == SD_PREC_DAY && rec.prec == SD_PREC_DAY;
        c->verdict.day_difference = sd_date_days_between(rec, c->time);
        return;
    }
    /* Holds the office at the claim's time. */
    const sd_fact *at[MAXF];
    size_t nat = sd_verify_holders_at(m, office, scope, c->time, at, MAXF);
    for (size_t i = 0; i < nat && i < MAXF; i++)
        if (str_eq(at[i]->holder, holder)) {
            use_fact(c, at[i]);
            term_text(at[i], term, sizeof term);
            judge(c, SD_V_SUPPORTED, "%s was %s of %s from %s, which covers %s.", ename(m, holder),
                  oname, ename(m, scope), term, fmt_date(c->time, tb));
            return;
        }
    char others[256] = "";
    size_t ol = 0;
    for (size_t i = 0; i < nat && i < MAXF; i++) {
        use_fact(c, at[i]);
        int w = snprintf(others + ol, sizeof others - ol, "%s%s%s", i ? " and " : "",
                         ename(m, at[i]->holder), at[i]->acting ? " (acting)" : "");
        if (w > 0 && (size_t)w < sizeof others - ol)
            ol += (size_t)w;
    }
    /* Around a handover an article may speak of the outgoing or the incoming holder: a term
     * that ends or starts within HANDOVER_DAYS of the article's date is not called wrong. */
    for (size_t i = 0; i < nmine && c->from_publication; i++) {
        long to_start = mine[i]->from.prec != SD_PREC_NONE
                            ? sd_date_days_between(c->time, sd_date_first_day(mine[i]->from)) : -1;
        long since_end = mine[i]->to.prec != SD_PREC_NONE
                             ? sd_date_days_between(sd_date_last_day(mine[i]->to), c->time) : -1;
        if ((to_start >= 0 && to_start <= HANDOVER_DAYS) || (since_end >= 0 && since_end <= HANDOVER_DAYS)) {
            use_fact(c, mine[i]);
            term_text(mine[i], term, sizeof term);
            judge(c, SD_V_UNVERIFIABLE, "%s was %s of %s from %s; the article's date %s is within "
                                        "%d days of that term, so it may speak of the coming or "
                                        "the outgoing holder.", ename(m, holder), oname,
                  ename(m, scope), term, fmt_date(c->time, tb), HANDOVER_DAYS);
            return;
        }
    }
    /* «نظربایف، رئیس‌جمهور قزاقستان، در سال ۲۰۱۸ گفت»: the title may be that of the time the
     * sentence dates its events to. */
    for (size_t i = 0; i < nmine && c->from_publication; i++)
        for (size_t k = 0; k < c->ncontext_dates; k++)
            if (interval_contains(mine[i], c->context_dates[k])) {
                char cb[11];
                use_fact(c, mine[i]);
                term_text(mine[i], term, sizeof term);
                judge(c, SD_V_UNVERIFIABLE, "%s was %s of %s from %s: not on the article's date "
                                            "%s, but on %s, a date the sentence gives.",
                      ename(m, holder), oname, ename(m, scope), term, fmt_date(c->time, tb),
                      fmt_date(c->context_dates[k], cb));
                return;
            }
    if (nmine > 0) {
        use_fact(c, mine[0]);
        term_text(mine[0], term, sizeof term);
        c->verdict.anachronism = c->from_publication;
        judge(c, SD_V_REFUTED, "%s was %s of %s from %s, not on %s%s%s.", ename(m, holder), oname,
              ename(m, scope), term, fmt_date(c->time, tb), nat ? ", when it was " : "", others);
        return;
    }
    if (nat == 0) {
        judge(c, SD_V_UNVERIFIABLE, "The record names no %s of %s on %s.", oname, ename(m, scope),
              fmt_date(c->time, tb));
        return;
    }
    judge(c, SD_V_REFUTED, "On %s the %s of %s was %s.", fmt_date(c->time, tb), oname,
          ename(m, scope), others);
}

static bool summit_in_scope(const sd_model *m, const sd_fact *f, const char *org, const char *body)
{
    if (f->type != SD_FACT_SUMMIT)
        return false;
    if (body != NULL && str_eq(f->body, body))
        return true;
    const sd_entity *b = f->body != NULL ? sd_model_find_entity(m, f->body) : NULL;
    return (b != NULL && str_eq(b->part_of, org)) || str_eq(f->org, org);
}

/* Summits the claim can be about: on its date, around the article's date, or any. */
/* A claim names its meeting's organization directly or through the body that met. */
static const char *claim_org(const sd_model *m, const sd_article_claim *c)
{
    const char *org = sd_article_claim_arg(c, "org");
    if (org != NULL)
        return org;
    const sd_entity *b = sd_article_claim_arg(c, "body") != NULL
                             ? sd_model_find_entity(m, sd_article_claim_arg(c, "body")) : NULL;
    return b != NULL ? b->part_of : NULL;
}

static size_t summit_candidates(const sd_model *m, const sd_article_claim *c, const sd_fact **out,
                                size_t max)
{
    const char *org = claim_org(m, c), *body = sd_article_claim_arg(c, "body");
    size_t n = 0;
    for (int pass = 0; pass < 2 && n == 0; pass++) {
        for (size_t i = 0; i < sd_model_fact_count(m) && n < max; i++) {
            const sd_fact *f = sd_model_fact(m, i);
            if (!summit_in_scope(m, f, org, pass == 0 ? body : NULL))
                continue;
            if (pass == 0 && body != NULL && !str_eq(f->body, body))
                continue;
            if (c->has_time && !c->from_publication) {
                if (sd_date_cmp(f->date, c->time) != 0)
                    continue;
            } else if (c->has_time) {
                long d = sd_date_days_between(c->time, f->date);
                if (d < -MEETING_WINDOW_DAYS || d > MEETING_WINDOW_DAYS)
                    continue;
            }
            out[n++] = f;
        }
        if (body == NULL)
            break;
    }
    return n;
}

static void verify_summit(const sd_model *m, sd_article_claim *c)
{
    const char *city = sd_article_claim_arg(c, "city");
    const sd_fact *cands[MAXF];
    size_t n = summit_candidates(m, c, cands, MAXF);
    char db[11], db2[11];
    if (n == 0) {
        judge(c, SD_V_UNVERIFIABLE, c->has_time ? "The record has no meeting on or around this date."
                                                : "The record has no such meeting.");
        return;
    }
    for (size_t i = 0; i < n; i++)
        if (str_eq(cands[i]->city, city)) {
            use_fact(c, cands[i]);
            judge(c, SD_V_SUPPORTED, "The record has a meeting (%s) in %s on %s%s.",
                  ename(m, cands[i]->body), ename(m, city), fmt_date(cands[i]->date, db),
                  c->has_time ? "" : "; the claim itself has no date");
            return;
        }
    if (!c->has_time) {
        judge(c, SD_V_UNVERIFIABLE, "The record has no meeting in %s, and the claim has no date "
                                    "to identify the meeting by.", ename(m, city));
        return;
    }
    use_fact(c, cands[0]);
    /* Only a meeting named by its own day is surely the recorded one: around an article's
     * date other meetings (experts, working groups) are held that the record does not list. */
    if (c->from_publication || c->time.prec != SD_PREC_DAY) {
        judge(c, SD_V_UNVERIFIABLE, "The record has no meeting in %s around %s; the nearest "
                                    "recorded one (%s, %s) was in %s.", ename(m, city),
              fmt_date(c->time, db), ename(m, cands[0]->body), fmt_date(cands[0]->date, db2),
              cands[0]->city != NULL ? ename(m, cands[0]->city) : "an online format");
        return;
    }
    if (cands[0]->city == NULL) {
        judge(c, SD_V_UNVERIFIABLE, "The meeting of %s (%s) was held online; the record names no "
                                    "host city to compare with %s.", fmt_date(cands[0]->date, db),
              ename(m, cands[0]->body), ename(m, city));
        return;
    }
    judge(c, SD_V_REFUTED, "The meeting of %s (%s) was held in %s, not in %s.",
          fmt_date(cands[0]->date, db), ename(m, cands[0]->body),
          cands[0]->city != NULL ? ename(m, cands[0]->city) : "an online format", ename(m, city));
}

static void verify_attendance(const sd_model *m, sd_article_claim *c)
{
    const char *who = sd_article_claim_arg(c, "participant"), *city = sd_article_claim_arg(c, "city");
    const cJSON *att = cJSON_GetObjectItemCaseSensitive(c->args, "attended");
    bool attended = !cJSON_IsFalse(att);
    const sd_fact *cands[MAXF];
    size_t n = summit_candidates(m, c, cands, MAXF);
    const sd_fact *s = NULL;
    for (size_t i = 0; i < n && s == NULL; i++)
        if (cands[i]->nparties > 0 && (city == NULL || str_eq(cands[i]->city, city)))
            s = cands[i];
    if (s == NULL) {
        judge(c, SD_V_UNVERIFIABLE, "The record lists no attendees for a meeting matching this "
                                    "claim.");
        return;
    }
    use_fact(c, s);
    bool present = is_in(who, s->parties, s->nparties);
    const sd_entity *e = sd_model_find_entity(m, who);
    if (!present && e != NULL && e->type == SD_ENT_COUNTRY)
        for (size_t i = 0; i < s->nparties && !present; i++) {
            const sd_entity *p = sd_model_find_entity(m, s->parties[i]);
            present = p != NULL && str_eq(p->country, who);
        }
    char db[11];
    fmt_date(s->date, db);
    /* Attendee lists record the heads of state and government: anyone else missing from it
     * (a minister, the secretary-general) is not evidence of absence. */
    if (!present && e != NULL && e->type == SD_ENT_PERSON) {
        bool leader = false;
        static const char *const leaders[] = {"head_of_state", "head_of_government"};
        for (size_t k = 0; k < 2 && !leader; k++) {
            for (size_t i = 0; i < sd_model_fact_count(m) && !leader; i++) {
                const sd_fact *f = sd_model_fact(m, i);
                leader = f->type == SD_FACT_OFFICE && str_eq(f->office, leaders[k]) &&
                         str_eq(f->holder, who) && interval_contains(f, s->date);
            }
        }
        if (!leader) {
            judge(c, SD_V_UNVERIFIABLE, "The record of the meeting of %s lists the heads of state "
                                        "and government only; %s is not among them.", db,
                  ename(m, who));
            return;
        }
    }
    if (present == attended)
        judge(c, SD_V_SUPPORTED, "The record of the meeting of %s in %s %s %s.", db,
              s->city != NULL ? ename(m, s->city) : "an online format",
              attended ? "lists" : "does not list", ename(m, who));
    else
        judge(c, SD_V_REFUTED, "The record of the meeting of %s in %s %s %s.", db,
              s->city != NULL ? ename(m, s->city) : "an online format",
              present ? "lists" : "does not list", ename(m, who));
}

static void verify_point_fact(const sd_model *m, sd_article_claim *c, sd_fact_type type, const char *key,
                              const char *const *values, const char *what)
{
    const char *org = sd_article_claim_arg(c, "org");
    const sd_fact *hits[8];
    size_t nh = 0;
    for (size_t i = 0; i < sd_model_fact_count(m) && nh < 8; i++) {
        const sd_fact *f = sd_model_fact(m, i);
        if (f->type != type || !str_eq(f->org, org))
            continue;
        const char *v = type == SD_FACT_STATUS ? f->status : f->event;
        for (size_t k = 0; values[k] != NULL; k++)
            if (str_eq(v, values[k]))
                hits[nh++] = f;
    }
    (void)key;
    char db[11];
    if (nh == 0) {
        judge(c, SD_V_UNVERIFIABLE, "The model holds no record of %s for %s.", what, ename(m, org));
        return;
    }
    const char *city = sd_article_claim_arg(c, "city");
    if (!c->has_time) {
        use_fact(c, hits[0]);
        judge(c, SD_V_SUPPORTED, "The record has %s on %s.", what, fmt_date(hits[0]->date, db));
        return;
    }
    if (c->from_publication) {
        use_fact(c, hits[0]);
        if (sd_date_cmp(hits[0]->date, c->time) <= 0)
            judge(c, SD_V_SUPPORTED, "The record has %s since %s.", what, fmt_date(hits[0]->date, db));
        else
            judge(c, SD_V_REFUTED, "The record has %s only from %s, after the article's date.", what,
                  fmt_date(hits[0]->date, db));
        return;
    }
    for (size_t i = 0; i < nh; i++) {
        int r = date_matches(hits[i], 0, c->time);
        if (r < 0)
            continue;
        use_fact(c, hits[i]);
        if (city != NULL && hits[i]->city != NULL && !str_eq(city, hits[i]->city)) {
            judge(c, SD_V_REFUTED, "The record has %s on %s in %s, not in %s.", what,
                  fmt_date(hits[i]->date, db), ename(m, hits[i]->city), ename(m, city));
            return;
        }
        if (r == 1)
            judge(c, SD_V_DISPUTED, "Sources disagree: the preferred record has %s on %s.", what,
                  fmt_date(hits[i]->date, db));
        else
            judge(c, SD_V_SUPPORTED, "The record has %s on %s.", what, fmt_date(hits[i]->date, db));
        return;
    }
    use_fact(c, hits[0]);
    char diff[160];
    sd_verify_describe_difference(c->time, hits[0]->date, diff, sizeof diff);
    judge(c, SD_V_REFUTED, "The date of %s is %s.", what, diff);
    c->verdict.has_day_difference = c->time.prec == SD_PREC_DAY && hits[0]->date.prec == SD_PREC_DAY;
    c->verdict.day_difference = sd_date_days_between(hits[0]->date, c->time);
}

static void verify_rotation(const sd_model *m, sd_article_claim *c)
{
    const char *org = sd_article_claim_arg(c, "org"), *post = sd_article_claim_arg(c, "post");
    const char *after = sd_article_claim_arg(c, "after"), *next = sd_article_claim_arg(c, "next");
    const char *want = str_eq(post, "chair") ? "chair_rotation" : "sg_rotation";
    for (size_t i = 0; i < sd_model_fact_count(m); i++) {
        const sd_fact *f = sd_model_fact(m, i);
        if (f->type != SD_FACT_RULE || !str_eq(f->rule, want) || !str_eq(f->org, org))
            continue;
        use_fact(c, f);
        if (f->basis == NULL || strstr(f->basis, "alphabetical") == NULL) {
            judge(c, SD_V_REFUTED, "The record's rotation is by %s, not alphabetical.",
                  f->basis != NULL ? f->basis : "another rule");
            return;
        }
        if (after != NULL && next != NULL && f->norder > 0) {
            size_t k;
            for (k = 0; k < f->norder; k++)
                if (str_eq(f->order[k], after))
                    break;
            if (k == f->norder) {
                judge(c, SD_V_REFUTED, "%s is not in the rotation order.", ename(m, after));
                return;
            }
            const char *real = f->order[(k + 1) % f->norder];
            if (!str_eq(real, next)) {
                judge(c, SD_V_REFUTED, "In the rotation order (%s) %s comes after %s, not %s.",
                      f->basis, ename(m, real), ename(m, after), ename(m, next));
                return;
            }
            judge(c, SD_V_SUPPORTED, "The post rotates in %s order, and %s comes after %s.", f->basis,
                  ename(m, next), ename(m, after));
            return;
        }
        judge(c, SD_V_SUPPORTED, "The post rotates in %s order.", f->basis);
        return;
    }
    judge(c, SD_V_UNVERIFIABLE, "The model holds no rotation rule for this post of %s.",
          ename(m, org));
}

int sd_verify_claim(const sd_model *m, sd_article_claim *c, sd_error *err)
{
    (void)err;
    sd_verdict_clear(&c->verdict);
    if (c->modality != SD_MODALITY_ASSERTED && c->modality != SD_MODALITY_REPORTED) {
        judge(c, SD_V_NOT_CHECKED, "The sentence is %s, not a statement of fact, so it is not "
                                   "checked.", sd_claim_modality_name(c->modality));
        return SD_OK;
    }
    static const char *const observer[] = {"un_observer", NULL};
    static const char *const crrf[] = {"crrf_decision", "crrf_agreement", NULL};
    switch (c->type) {
    case SD_CLAIM_FOUNDING_MEMBERS: verify_founding(m, c); break;
    case SD_CLAIM_MEMBER_LIST: verify_member_list(m, c); break;
    case SD_CLAIM_MEMBERSHIP_EVENT: verify_membership_event(m, c); break;
    case SD_CLAIM_SECRETARY_GENERAL:
        verify_office(m, c, "secretary_general", sd_article_claim_arg(c, "org"), sd_article_claim_arg(c, "person"),
                      sd_article_claim_arg(c, "event"));
        break;
    case SD_CLAIM_CHAIRMANSHIP:
        verify_office(m, c, "chair", sd_article_claim_arg(c, "org"), sd_article_claim_arg(c, "country"),
                      sd_article_claim_arg(c, "event"));
        break;
    case SD_CLAIM_OFFICE_HOLDER:
        verify_office(m, c, sd_article_claim_arg(c, "office"), sd_article_claim_arg(c, "country"),
                      sd_article_claim_arg(c, "person"), "holds");
        break;
    case SD_CLAIM_SUMMIT: verify_summit(m, c); break;
    case SD_CLAIM_ATTENDANCE: verify_attendance(m, c); break;
    case SD_CLAIM_UN_OBSERVER:
        verify_point_fact(m, c, SD_FACT_STATUS, "status", observer,
                          "observer status in the UN General Assembly");
        break;
    case SD_CLAIM_RAPID_REACTION_FORCE:
        verify_point_fact(m, c, SD_FACT_MILESTONE, "event", crrf,
                          "the decision to create the Collective Rapid Reaction Force");
        break;
    case SD_CLAIM_ROTATION_RULE: verify_rotation(m, c); break;
    default:
        judge(c, SD_V_UNVERIFIABLE, "sanad has no verification rule for this claim type.");
        break;
    }
    if (c->verdict.reason == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    return SD_OK;
}
