#include "extract.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ITEMS 64

/* What one sentence offers the rules. */
typedef struct sentence_view {
    const sd_analysis *a;
    const sd_patterns *pt;
    const sd_model *m;
    size_t index;
    const sd_sentence *s;
    const sd_cue *cues[256];
    size_t ncues;
    const sd_mention *ments[128];
    size_t nments;
    const sd_date_mention *dates[32];
    size_t ndates;
    sd_claim_modality modality;
    const char *topic_org;      /* organization the article is about */
} sentence_view;

typedef struct ctx {
    const sd_analysis *a;
    const sd_patterns *pt;
    const sd_model *m;
    sd_article_claim_list *out;
    size_t counter;
    sd_error *err;
} ctx;

static bool has_class(const sentence_view *v, int cls)
{
    for (size_t i = 0; i < v->ncues; i++)
        if (v->cues[i]->cls == cls)
            return true;
    return false;
}

static const sd_cue *first_cue(const sentence_view *v, int cls)
{
    for (size_t i = 0; i < v->ncues; i++)
        if (v->cues[i]->cls == cls)
            return v->cues[i];
    return NULL;
}

static size_t mention_last(const sd_mention *m)
{
    return m->first_token + (m->ntokens ? m->ntokens - 1 : 0);
}

static bool is_type(const sd_mention *m, sd_entity_type t)
{
    return m->entity != NULL && m->entity->type == t;
}

/* Tokens strictly between a and b are only punctuation (and, when allow_and, the word و). */
static bool only_glue_between(const sentence_view *v, size_t a, size_t b, bool allow_and)
{
    const sd_segments *seg = &v->a->seg;
    const char *s = v->a->folded.s;
    for (size_t t = a + 1; t < b; t++) {
        const sd_token *tok = &seg->tokens[t];
        if (tok->kind == SD_TOK_PUNCT)
            continue;
        if (allow_and && tok->end - tok->start == 2 && memcmp(s + tok->start, "\xd9\x88", 2) == 0)
            continue;
        return false;
    }
    return true;
}

static bool token_is(const sentence_view *v, size_t t, const char *word)
{
    if (t >= v->a->seg.ntokens)
        return false;
    const sd_token *tok = &v->a->seg.tokens[t];
    size_t n = strlen(word);
    return tok->end - tok->start == n && memcmp(v->a->folded.s + tok->start, word, n) == 0;
}

/* The organization a sentence speaks of: its first organization (or a body's organization),
 * else the article's topic. The UN is a grantor of status, never the subject here. */
static const char *sentence_org(const sentence_view *v, bool skip_un)
{
    for (size_t i = 0; i < v->nments; i++) {
        const sd_mention *m = v->ments[i];
        if (m->entity == NULL)
            continue;
        const char *id = NULL;
        if (m->entity->type == SD_ENT_ORGANIZATION)
            id = m->entity->id;
        else if (m->entity->type == SD_ENT_BODY && m->entity->part_of != NULL)
            id = m->entity->part_of;
        if (id == NULL)
            continue;
        if (skip_un && strcmp(id, "org:un") == 0)
            continue;
        return id;
    }
    return v->topic_org;
}

static const char *topic_org(const sd_analysis *a)
{
    const char *ids[32];
    size_t counts[32], n = 0, first_pos[32];
    for (size_t i = 0; i < a->mentions.n; i++) {
        const sd_mention *m = &a->mentions.items[i];
        if (m->entity == NULL || m->start >= a->body_end)
            continue;
        const char *id = m->entity->type == SD_ENT_ORGANIZATION ? m->entity->id
                         : (m->entity->type == SD_ENT_BODY ? m->entity->part_of : NULL);
        if (id == NULL || strcmp(id, "org:un") == 0)
            continue;
        size_t k;
        for (k = 0; k < n; k++)
            if (strcmp(ids[k], id) == 0)
                break;
        if (k == n) {
            if (n == 32)
                continue;
            ids[n] = id;
            counts[n] = 0;
            first_pos[n] = i;
            n++;
        }
        counts[k]++;
    }
    size_t best = 0;
    for (size_t k = 1; k < n; k++)
        if (counts[k] > counts[best] || (counts[k] == counts[best] && first_pos[k] < first_pos[best]))
            best = k;
    return n > 0 ? ids[best] : "org:csto";
}

/* The entity of mention i was already named earlier in the sentence (one claim per entity). */
static bool named_before(const sentence_view *v, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (v->ments[j]->entity == v->ments[i]->entity)
            return true;
    return false;
}

static sd_article_claim *new_claim(ctx *c, const sentence_view *v, sd_claim_type type, const char *pattern)
{
    sd_article_claim *cl = sd_article_claims_push(c->out);
    if (cl == NULL)
        return NULL;
    char idbuf[300];
    snprintf(idbuf, sizeof idbuf, "%s#%zu", c->a->doc->id, ++c->counter);
    cl->id = sd_strdup(idbuf);
    cl->type = type;
    cl->pattern = sd_strdup(pattern);
    cl->args = cJSON_CreateObject();
    cl->modality = v->modality;
    cl->sentence = v->index;
    size_t os, oe;
    sd_analysis_source_span(c->a, v->s->start, v->s->end, &os, &oe);
    cl->ev_start = os;
    cl->ev_end = oe;
    cl->ev_text = sd_analysis_source_text(c->a, v->s->start, v->s->end);
    if (cl->id == NULL || cl->pattern == NULL || cl->args == NULL || cl->ev_text == NULL)
        return NULL;
    return cl;
}

/* The date a rule uses: the one right after a cue class when asked, else the first one. */
static const sd_date_mention *pick_date(const sentence_view *v, int after_cls)
{
    if (after_cls >= 0) {
        for (size_t i = 0; i < v->ncues; i++) {
            const sd_cue *cu = v->cues[i];
            if (cu->cls != after_cls)
                continue;
            size_t next = cu->first_token + cu->ntokens;
            for (size_t d = 0; d < v->ndates; d++)
                if (v->dates[d]->first_token == next)
                    return v->dates[d];
        }
        return NULL;
    }
    return v->ndates > 0 ? v->dates[0] : NULL;
}

/* Returns false when a required time is absent (the claim must not be made). */
static bool set_time(ctx *c, const sentence_view *v, sd_article_claim *cl, sd_time_mode mode,
                     const sd_date_mention *d)
{
    if (mode == SD_TIME_NONE)
        return true;
    if (d != NULL) {
        cl->time_text = sd_analysis_source_text(c->a, d->start, d->end);
        if (d->value.prec != SD_PREC_NONE) {
            cl->has_time = true;
            cl->time = d->value;
            cl->anchored = d->anchored;
            cl->calendar = d->calendar;
        }
        return true;
    }
    if (mode == SD_TIME_REQUIRED)
        return false;
    if (mode == SD_TIME_PUBLICATION && v->a->published.prec != SD_PREC_NONE) {
        cl->has_time = true;
        cl->time = v->a->published;
        cl->anchored = true;
        cl->from_publication = true;
    }
    return true;
}

static void copy_static_args(sd_article_claim *cl, const cJSON *args)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, args)
    {
        cJSON_DeleteItemFromObjectCaseSensitive(cl->args, it->string);
        cJSON_AddItemToObject(cl->args, it->string, cJSON_Duplicate(it, 1));
    }
}

static void add_str(sd_article_claim *cl, const char *key, const char *val)
{
    if (val != NULL)
        cJSON_AddStringToObject(cl->args, key, val);
}

/* The longest run of country mentions joined by «،», «,» and «و». */
static size_t country_list(const sentence_view *v, const sd_mention **out)
{
    size_t best = 0, cur = 0;
    const sd_mention *run[MAX_ITEMS];
    for (size_t i = 0; i < v->nments; i++) {
        const sd_mention *m = v->ments[i];
        if (!is_type(m, SD_ENT_COUNTRY)) {
            cur = 0;
            continue;
        }
        if (cur > 0 && !only_glue_between(v, mention_last(run[cur - 1]), m->first_token, true))
            cur = 0;
        if (cur < MAX_ITEMS)
            run[cur++] = m;
        if (cur > best) {
            best = cur;
            memcpy(out, run, cur * sizeof *run);
        }
    }
    return best;
}

static void add_unique_id(cJSON *arr, const char *id)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        if (cJSON_IsString(it) && strcmp(it->valuestring, id) == 0)
            return;
    }
    cJSON_AddItemToArray(arr, cJSON_CreateString(id));
}

/* Persian puts the subject before the verb: the person right before the event word is its
 * subject; only when there is none does a person after it count. */
static const sd_mention *subject_person(const sentence_view *v, size_t token)
{
    const sd_mention *before = NULL;
    for (size_t i = 0; i < v->nments; i++) {
        const sd_mention *m = v->ments[i];
        if (is_type(m, SD_ENT_PERSON) && mention_last(m) < token)
            before = m;
    }
    if (before != NULL)
        return before;
    for (size_t i = 0; i < v->nments; i++)
        if (is_type(v->ments[i], SD_ENT_PERSON) && v->ments[i]->first_token > token)
            return v->ments[i];
    return NULL;
}

/* Between a list and the cue after it («... همگی اعضای این سازمان هستند») only punctuation and
 * the lexicon's filler words may stand. */
static bool only_filler_between(const sentence_view *v, size_t a, size_t b)
{
    int filler = sd_patterns_class_id(v->pt, "glue.list");
    for (size_t t = a + 1; t < b; t++) {
        if (v->a->seg.tokens[t].kind == SD_TOK_PUNCT)
            continue;
        bool covered = false;
        for (size_t i = 0; i < v->ncues && !covered; i++)
            covered = v->cues[i]->cls == filler && v->cues[i]->first_token <= t &&
                      t < v->cues[i]->first_token + v->cues[i]->ntokens;
        if (!covered)
            return false;
    }
    return true;
}

/* The list opens the sentence: «روسیه، ارمنستان و ... سازمان را تشکیل دادند». */
static bool list_opens_sentence(const sentence_view *v, const sd_mention *first)
{
    for (size_t t = v->s->first_token; t < first->first_token; t++)
        if (v->a->seg.tokens[t].kind != SD_TOK_PUNCT)
            return false;
    return true;
}

/* A member list belongs to the rule's cue only when it stands right after it («شامل کشورهای
 * ...») or right before it («... اعضای این سازمان هستند»), not anywhere in the sentence. */
static bool list_next_to_cue(const sentence_view *v, const sd_rule *r, const sd_mention *first,
                             const sd_mention *last)
{
    for (size_t i = 0; i < v->ncues; i++) {
        const sd_cue *cu = v->cues[i];
        bool mine = false;
        for (size_t k = 0; k < r->nall && !mine; k++)
            mine = r->all[k] == cu->cls;
        for (size_t k = 0; k < r->nany && !mine; k++)
            mine = r->any[k] == cu->cls;
        if (!mine)
            continue;
        size_t cue_end = cu->first_token + cu->ntokens;
        if (first->first_token >= cue_end && first->first_token - cue_end <= 3)
            return true;
        if (cu->first_token > mention_last(last) && cu->first_token - mention_last(last) <= 4 &&
            only_filler_between(v, mention_last(last), cu->first_token))
            return true;
    }
    return false;
}

/* The rule's `all` cues in order, each starting within r->within tokens after the previous. */
static bool cues_in_order(const sentence_view *v, const sd_rule *r)
{
    for (size_t i = 0; i < v->ncues; i++) {
        if (v->cues[i]->cls != r->all[0])
            continue;
        const sd_cue *prev = v->cues[i];
        size_t k = 1;
        for (; k < r->nall; k++) {
            const sd_cue *next = NULL;
            size_t end = prev->first_token + prev->ntokens;
            for (size_t j = 0; j < v->ncues && next == NULL; j++)
                if (v->cues[j]->cls == r->all[k] && v->cues[j]->first_token >= end &&
                    v->cues[j]->first_token - end <= (size_t)r->within)
                    next = v->cues[j];
            if (next == NULL)
                break;
            prev = next;
        }
        if (k == r->nall)
            return true;
    }
    return false;
}

static int rule_matches(const sentence_view *v, const sd_rule *r)
{
    if (r->within > 0 && !cues_in_order(v, r))
        return 0;
    for (size_t i = 0; i < r->nall; i++)
        if (!has_class(v, r->all[i]))
            return 0;
    for (size_t i = 0; i < r->nnone; i++)
        if (has_class(v, r->none[i]))
            return 0;
    if (r->nany > 0) {
        size_t i;
        for (i = 0; i < r->nany; i++)
            if (has_class(v, r->any[i]))
                break;
        if (i == r->nany)
            return 0;
    }
    if (r->role >= 0 && !has_class(v, r->role))
        return 0;
    if (r->nentities > 0) {
        for (size_t i = 0; i < v->nments; i++)
            for (size_t e = 0; e < r->nentities; e++)
                if (v->ments[i]->entity != NULL && strcmp(v->ments[i]->entity->id, r->entities[e]) == 0)
                    return 1;
        return 0;
    }
    return 1;
}

static size_t token_distance(size_t a_first, size_t a_last, size_t b_first, size_t b_last)
{
    if (b_first > a_last)
        return b_first - a_last;
    if (a_first > b_last)
        return a_first - b_last;
    return 0;
}

/* The date nearest to a token span (ties: the earlier date). */
static const sd_date_mention *date_near(const sentence_view *v, size_t first, size_t last)
{
    const sd_date_mention *best = NULL;
    size_t bestd = (size_t)-1;
    for (size_t i = 0; i < v->ndates; i++) {
        const sd_date_mention *d = v->dates[i];
        size_t dist = token_distance(first, last, d->first_token, d->first_token + d->ntokens - 1);
        if (dist < bestd) {
            bestd = dist;
            best = d;
        }
    }
    return best;
}

/* The run of countries (joined by «،» and «و») that ends just before the cue, or else starts
 * just after it; 0 when no run stands at the cue. */
static size_t country_run_at(const sentence_view *v, const sd_cue *cue, const sd_mention **out)
{
    const sd_mention *run[MAX_ITEMS];
    size_t cur = 0, best = 0;
    size_t cue_end = cue->first_token + cue->ntokens;
    for (size_t i = 0; i <= v->nments; i++) {
        const sd_mention *m = i < v->nments ? v->ments[i] : NULL;
        bool joins = m != NULL && is_type(m, SD_ENT_COUNTRY) &&
                     (cur == 0 || only_glue_between(v, mention_last(run[cur - 1]), m->first_token, true));
        if (joins && cur < MAX_ITEMS) {
            run[cur++] = m;
            continue;
        }
        if (cur > 0) {
            size_t last = mention_last(run[cur - 1]);
            /* Right before the cue, or the sentence's subject («ارمنستان در این نشست شرکت نکرد»). */
            bool before = last < cue->first_token &&
                          (cue->first_token - last <= 3 ||
                           (run[0]->first_token <= v->s->first_token + 2 &&
                            cue->first_token - last <= 8));
            bool after = run[0]->first_token >= cue_end && run[0]->first_token - cue_end <= 2;
            if ((before || (after && best == 0)) && cur > 0) {
                memcpy(out, run, cur * sizeof *run);
                best = cur;
            }
        }
        cur = 0;
        if (m != NULL && is_type(m, SD_ENT_COUNTRY))
            run[cur++] = m;
    }
    return best;
}

static int apply_rule(ctx *c, sentence_view *v, const sd_rule *r, const char **sg_people,
                      size_t *nsg_people)
{
    /* A sentence may carry several dates: the rule takes the one right after its date_after
     * cue, else the one nearest its first required cue. */
    const sd_cue *anchor = first_cue(v, r->all[0]);
    const sd_date_mention *d = r->date_after >= 0 ? pick_date(v, r->date_after)
                               : date_near(v, anchor->first_token,
                                           anchor->first_token + anchor->ntokens - 1);
    if (r->date_after >= 0 && d == NULL)
        return SD_OK;
    sd_article_claim *cl = NULL;
    switch (r->kind) {
    case SD_RULE_ORG_MEMBERS: {
        const sd_mention *items[MAX_ITEMS];
        size_t n = country_list(v, items);
        if ((int)n < r->min_items)
            return SD_OK;
        if (r->list_is_subject ? !list_opens_sentence(v, items[0])
                               : !list_next_to_cue(v, r, items[0], items[n - 1]))
            return SD_OK;
        /* The list's own date is the one nearest the list, not another clause's. */
        if (r->date_after < 0)
            d = date_near(v, items[0]->first_token, mention_last(items[n - 1]));
        if (r->time == SD_TIME_REQUIRED && d == NULL)
            return SD_OK;
        cl = new_claim(c, v, r->claim, r->id);
        if (cl == NULL)
            return SD_ENOMEM;
        add_str(cl, "org", sentence_org(v, true));
        cJSON *arr = cJSON_AddArrayToObject(cl->args, "members");
        for (size_t i = 0; i < n; i++)
            add_unique_id(arr, items[i]->entity->id);
        break;
    }
    case SD_RULE_COUNTRY_EVENT: {
        for (size_t i = 0; i < v->nments; i++) {
            const sd_mention *m = v->ments[i];
            if (!is_type(m, SD_ENT_COUNTRY) || named_before(v, i))
                continue;
            cl = new_claim(c, v, r->claim, r->id);
            if (cl == NULL)
                return SD_ENOMEM;
            add_str(cl, "org", sentence_org(v, true));
            add_str(cl, "country", m->entity->id);
            copy_static_args(cl, r->args);
            set_time(c, v, cl, r->time, d);
        }
        return SD_OK;
    }
    case SD_RULE_PERSON_ROLE_EVENT: {
        const sd_cue *role = first_cue(v, r->role);
        /* The person nearest the event word (removed, appointed, from) is its subject. */
        const sd_mention *p = role != NULL ? subject_person(v, anchor->first_token) : NULL;
        if (p == NULL)
            return SD_OK;
        if (r->time == SD_TIME_REQUIRED && d == NULL)
            return SD_OK;
        cl = new_claim(c, v, r->claim, r->id);
        if (cl == NULL)
            return SD_ENOMEM;
        add_str(cl, "org", sentence_org(v, true));
        add_str(cl, "person", p->entity->id);
        if (*nsg_people < 16)
            sg_people[(*nsg_people)++] = p->entity->id;
        break;
    }
    case SD_RULE_COUNTRY_CHAIR: {
        int chair_cls = sd_patterns_class_id(c->pt, "cue.chair");
        const sd_cue *chair = first_cue(v, chair_cls);
        const sd_mention *country = NULL;
        /* A country after «به» receives the chair; else the country right after the cue. */
        for (size_t i = 0; i < v->nments && country == NULL; i++)
            if (is_type(v->ments[i], SD_ENT_COUNTRY) && v->ments[i]->first_token > 0 &&
                token_is(v, v->ments[i]->first_token - 1, "\xd8\xa8\xd9\x87"))
                country = v->ments[i];
        for (size_t i = 0; i < v->nments && country == NULL && chair != NULL; i++) {
            const sd_mention *m = v->ments[i];
            size_t after = chair->first_token + chair->ntokens;
            if (is_type(m, SD_ENT_COUNTRY) && m->first_token >= after && m->first_token <= after + 2)
                country = m;
        }
        /* «قرقیزستان ریاست دوره‌ای سازمان را ... بر عهده داشت»: the subject right before the cue. */
        for (size_t i = 0; i < v->nments && country == NULL && chair != NULL; i++) {
            const sd_mention *m = v->ments[i];
            if (is_type(m, SD_ENT_COUNTRY) && mention_last(m) + 1 == chair->first_token)
                country = m;
        }
        if (country == NULL)
            return SD_OK;
        /* With several countries and years in one sentence, the chair's date is the one
         * nearest the country that receives it. */
        if (r->date_after < 0)
            d = date_near(v, country->first_token, mention_last(country));
        cl = new_claim(c, v, r->claim, r->id);
        if (cl == NULL)
            return SD_ENOMEM;
        add_str(cl, "org", sentence_org(v, true));
        add_str(cl, "country", country->entity->id);
        break;
    }
    case SD_RULE_MEETING: {
        const sd_mention *city = NULL, *body = NULL;
        for (size_t i = 0; i < v->nments; i++) {
            const sd_mention *m = v->ments[i];
            if (city == NULL && is_type(m, SD_ENT_CITY))
                city = m;
            if (body == NULL && is_type(m, SD_ENT_BODY))
                body = m;
        }
        if (city == NULL)
            return SD_OK;
        cl = new_claim(c, v, r->claim, r->id);
        if (cl == NULL)
            return SD_ENOMEM;
        /* The interchange format names a meeting by its body or, failing that, its organization. */
        if (body != NULL)
            add_str(cl, "body", body->entity->id);
        else
            add_str(cl, "org", sentence_org(v, true));
        add_str(cl, "city", city->entity->id);
        break;
    }
    case SD_RULE_STATUS:
        cl = new_claim(c, v, r->claim, r->id);
        if (cl == NULL)
            return SD_ENOMEM;
        add_str(cl, "org", sentence_org(v, true));
        break;
    case SD_RULE_MILESTONE: {
        cl = new_claim(c, v, r->claim, r->id);
        if (cl == NULL)
            return SD_ENOMEM;
        add_str(cl, "org", sentence_org(v, true));
        for (size_t i = 0; i < v->nments; i++)
            if (is_type(v->ments[i], SD_ENT_CITY)) {
                add_str(cl, "city", v->ments[i]->entity->id);
                break;
            }
        break;
    }
    case SD_RULE_ROTATION: {
        cl = new_claim(c, v, r->claim, r->id);
        if (cl == NULL)
            return SD_ENOMEM;
        add_str(cl, "org", sentence_org(v, true));
        const sd_cue *after = first_cue(v, sd_patterns_class_id(c->pt, "cue.after"));
        const sd_cue *turn = first_cue(v, sd_patterns_class_id(c->pt, "cue.next_turn"));
        const char *a_id = NULL, *n_id = NULL;
        for (size_t i = 0; i < v->nments; i++) {
            const sd_mention *m = v->ments[i];
            if (!is_type(m, SD_ENT_COUNTRY))
                continue;
            if (after != NULL && a_id == NULL && m->first_token >= after->first_token + after->ntokens &&
                (turn == NULL || m->first_token < turn->first_token))
                a_id = m->entity->id;
            else if (turn != NULL && n_id == NULL && m->first_token >= turn->first_token + turn->ntokens)
                n_id = m->entity->id;
        }
        if (a_id != NULL && n_id != NULL) {
            add_str(cl, "after", a_id);
            add_str(cl, "next", n_id);
        }
        break;
    }
    case SD_RULE_ATTENDANCE: {
        bool persons = false;
        for (size_t i = 0; i < v->nments; i++)
            if (is_type(v->ments[i], SD_ENT_PERSON))
                persons = true;
        const sd_mention *city = NULL;
        for (size_t i = 0; i < v->nments; i++)
            if (is_type(v->ments[i], SD_ENT_CITY) && city == NULL)
                city = v->ments[i];
        /* Countries attend as the list standing at the cue («روسیه، بلاروس ... حضور داشتند»),
         * not every country the sentence names («... و ارمنستان نماینده‌ای نفرستاد»). */
        const sd_mention *run[MAX_ITEMS];
        size_t nrun = persons ? 0 : country_run_at(v, anchor, run);
        for (size_t i = 0; i < v->nments; i++) {
            const sd_mention *m = v->ments[i];
            if (!is_type(m, persons ? SD_ENT_PERSON : SD_ENT_COUNTRY) || named_before(v, i))
                continue;
            if (!persons) {
                bool in_run = false;
                for (size_t k = 0; k < nrun && !in_run; k++)
                    in_run = run[k] == m;
                if (!in_run)
                    continue;
            }
            cl = new_claim(c, v, r->claim, r->id);
            if (cl == NULL)
                return SD_ENOMEM;
            add_str(cl, "org", sentence_org(v, true));
            add_str(cl, "participant", m->entity->id);
            if (city != NULL)
                add_str(cl, "city", city->entity->id);
            copy_static_args(cl, r->args);
            set_time(c, v, cl, r->time, d);
        }
        return SD_OK;
    }
    }
    if (cl != NULL) {
        copy_static_args(cl, r->args);
        if (!set_time(c, v, cl, r->time, d)) {
            sd_article_claim_clear(cl);
            c->out->n--;
            c->counter--;
        }
    }
    return SD_OK;
}

/* Titles: «NAME، TITLE COUNTRY» or «TITLE COUNTRY NAME». */
static int apply_titles(ctx *c, sentence_view *v, const char *const *sg_people, size_t nsg)
{
    size_t ntitles;
    const sd_title *titles = sd_patterns_titles(c->pt, &ntitles);
    int former = sd_patterns_class_id(c->pt, "cue.former");
    int alpha = sd_patterns_class_id(c->pt, "cue.alphabetical");
    if (alpha >= 0 && has_class(v, alpha))
        return SD_OK;
    for (size_t i = 0; i < v->ncues; i++) {
        const sd_cue *cu = v->cues[i];
        const sd_title *t = NULL;
        for (size_t k = 0; k < ntitles; k++)
            if (titles[k].cls == cu->cls)
                t = &titles[k];
        if (t == NULL)
            continue;
        size_t a = cu->first_token, e = cu->first_token + cu->ntokens;
        const sd_mention *place = NULL;
        /* The title's country or organization follows it; a longer cue («دبیرکل سازمان») may
         * already hold the first word of the organization's name. */
        for (size_t k = 0; k < v->nments; k++) {
            const sd_mention *m = v->ments[k];
            if (m->first_token > a && m->first_token <= e && mention_last(m) >= e - 1 &&
                m->entity != NULL &&
                (m->entity->type == SD_ENT_COUNTRY || m->entity->type == SD_ENT_ORGANIZATION)) {
                place = m;
                e = mention_last(m) + 1;
            }
        }
        /* «... رئیس‌جمهور پیشین» is about a past office: not a claim about the present. */
        bool is_former = false;
        for (size_t k = 0; k < v->ncues; k++)
            if (v->cues[k]->cls == former && v->cues[k]->first_token >= e &&
                v->cues[k]->first_token <= e + 3)
                is_former = true;
        if (is_former)
            continue;
        const sd_mention *person = NULL;
        for (size_t k = 0; k < v->nments && person == NULL; k++) {
            const sd_mention *m = v->ments[k];
            if (is_type(m, SD_ENT_PERSON) && mention_last(m) < a && a - mention_last(m) <= 3 &&
                only_glue_between(v, mention_last(m), a, false))
                person = m;
        }
        for (size_t k = 0; k < v->nments && person == NULL; k++) {
            const sd_mention *m = v->ments[k];
            if (is_type(m, SD_ENT_PERSON) && m->first_token >= e && m->first_token - e <= 2 &&
                (m->first_token == e || only_glue_between(v, e - 1, m->first_token, false)))
                person = m;
        }
        if (person == NULL)
            continue;
        bool is_sg = strcmp(t->office, "secretary_general") == 0;
        if (is_sg) {
            bool has_event = false;
            for (size_t k = 0; k < nsg; k++)
                if (strcmp(sg_people[k], person->entity->id) == 0)
                    has_event = true;
            if (has_event)
                continue;
        }
        sd_article_claim *cl = new_claim(c, v, is_sg ? SD_CLAIM_SECRETARY_GENERAL : SD_CLAIM_OFFICE_HOLDER,
                                 is_sg ? "title.secretary_general" : "title.office_holder");
        if (cl == NULL)
            return SD_ENOMEM;
        if (is_sg) {
            const char *org = place != NULL && place->entity->type == SD_ENT_ORGANIZATION
                                  ? place->entity->id : sentence_org(v, true);
            add_str(cl, "org", org);
            add_str(cl, "person", person->entity->id);
            add_str(cl, "event", "holds");
        } else {
            add_str(cl, "person", person->entity->id);
            add_str(cl, "office", t->office);
            const char *country = place != NULL && place->entity->type == SD_ENT_COUNTRY
                                      ? place->entity->id : person->entity->country;
            add_str(cl, "country", country);
            if (place == NULL || place->entity->type != SD_ENT_COUNTRY)
                cJSON_AddBoolToObject(cl->args, "country_inferred", true);
        }
        /* A title is read at the sentence's own explicit date when that date sets the scene
         * before it («در سال ۲۰۱۶، سرژ سرکیسیان رئیس جمهور ...»), else at the article's date; the
         * sentence's other explicit dates go along so that verification does not call a title
         * used for those events an anachronism. */
        const sd_date_mention *setting = NULL;
        size_t first = person->first_token < a ? person->first_token : a;
        for (size_t k = 0; k < v->ndates; k++) {
            const sd_date_mention *dm = v->dates[k];
            bool explicit_date = !dm->anchored && !dm->relative && dm->value.prec != SD_PREC_NONE;
            if (!explicit_date)
                continue;
            if (dm->first_token + dm->ntokens <= first)
                setting = dm;
            if (cl->ncontext_dates < sizeof cl->context_dates / sizeof cl->context_dates[0])
                cl->context_dates[cl->ncontext_dates++] = dm->value;
        }
        set_time(c, v, cl, SD_TIME_PUBLICATION, setting);
    }
    return SD_OK;
}

static bool same_claim(const sd_article_claim *x, const sd_article_claim *y)
{
    if (x->type != y->type || x->has_time != y->has_time || x->modality != y->modality)
        return false;
    if (x->has_time && (x->time.prec != y->time.prec || sd_date_cmp(x->time, y->time) != 0))
        return false;
    /* The same title in a sentence dated otherwise is judged differently: not a duplicate. */
    if (x->ncontext_dates != y->ncontext_dates)
        return false;
    for (size_t i = 0; i < x->ncontext_dates; i++)
        if (x->context_dates[i].prec != y->context_dates[i].prec ||
            sd_date_cmp(x->context_dates[i], y->context_dates[i]) != 0)
            return false;
    return cJSON_Compare(x->args, y->args, 1);
}

static void view_sentence(sentence_view *v, const sd_analysis *a, size_t si)
{
    const sd_sentence *s = &a->seg.sentences[si];
    v->index = si;
    v->s = s;
    v->ncues = v->nments = v->ndates = 0;
    for (size_t i = 0; i < a->cues.n; i++)
        if (a->cues.items[i].start >= s->start && a->cues.items[i].start < s->end &&
            v->ncues < sizeof v->cues / sizeof v->cues[0])
            v->cues[v->ncues++] = &a->cues.items[i];
    for (size_t i = 0; i < a->mentions.n; i++)
        if (a->mentions.items[i].start >= s->start && a->mentions.items[i].start < s->end &&
            v->nments < sizeof v->ments / sizeof v->ments[0])
            v->ments[v->nments++] = &a->mentions.items[i];
    for (size_t i = 0; i < a->dates.n; i++)
        if (a->dates.items[i].start >= s->start && a->dates.items[i].start < s->end &&
            v->ndates < sizeof v->dates / sizeof v->dates[0])
            v->dates[v->ndates++] = &a->dates.items[i];
    size_t nmods;
    const sd_modality_marker *mods = sd_patterns_modalities(v->pt, &nmods);
    v->modality = SD_MODALITY_ASSERTED;
    for (size_t k = 0; k < nmods && v->modality == SD_MODALITY_ASSERTED; k++)
        if (has_class(v, mods[k].cls))
            v->modality = mods[k].modality;
}

int sd_extract(const sd_analysis *a, const sd_patterns *pt, const sd_model *m,
               sd_article_claim_list *out, sd_error *err)
{
    ctx c = {a, pt, m, out, 0, err};
    sentence_view *v = calloc(1, sizeof *v);
    if (v == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    v->a = a;
    v->pt = pt;
    v->m = m;
    v->topic_org = topic_org(a);
    int skip_line = sd_patterns_class_id(pt, "boilerplate.line");
    size_t nrules;
    const sd_rule *rules = sd_patterns_rules(pt, &nrules);
    size_t first_new = out->n;
    int rc = SD_OK;
    for (size_t si = 0; si < a->seg.nsentences && rc == SD_OK; si++) {
        if (a->seg.sentences[si].start >= a->body_end)
            break;
        view_sentence(v, a, si);
        if (skip_line >= 0 && v->ncues > 0 && v->cues[0]->cls == skip_line &&
            v->cues[0]->first_token == v->s->first_token)
            continue;
        const char *sg_people[16];
        size_t nsg = 0;
        for (size_t r = 0; r < nrules && rc == SD_OK; r++)
            if (rule_matches(v, &rules[r]))
                rc = apply_rule(&c, v, &rules[r], sg_people, &nsg);
        if (rc == SD_OK)
            rc = apply_titles(&c, v, sg_people, nsg);
    }
    free(v);
    if (rc != SD_OK)
        return sd_error_set(err, rc, "out of memory extracting claims");
    /* Keep the first of identical claims (a headline repeated in the body). */
    size_t w = first_new;
    for (size_t i = first_new; i < out->n; i++) {
        bool dup = false;
        for (size_t j = first_new; j < w && !dup; j++)
            dup = same_claim(&out->items[j], &out->items[i]);
        if (dup)
            sd_article_claim_clear(&out->items[i]);
        else
            out->items[w++] = out->items[i];
    }
    out->n = w;
    for (size_t i = first_new; i < out->n; i++) {
        char idbuf[300];
        snprintf(idbuf, sizeof idbuf, "%s#%zu", a->doc->id, i - first_new + 1);
        char *id = sd_strdup(idbuf);
        if (id == NULL)
            return sd_error_set(err, SD_ENOMEM, "out of memory");
        free(out->items[i].id);
        out->items[i].id = id;
    }
    return SD_OK;
}
