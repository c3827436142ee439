/* score: pair predicted claims with gold claims and count outcomes (rules in score.h). */
#include "score.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char *const mode_names[SD_SCORE_MODE_COUNT] = {"strict", "value", "lenient"};
static const char *const outcome_names[SD_OUTCOME_COUNT] = {"correct", "inexact", "incorrect",
                                                            "missing", "spurious"};

const char *sd_score_mode_name(sd_score_mode mode)
{
    return (int)mode >= 0 && mode < SD_SCORE_MODE_COUNT ? mode_names[mode] : "unknown";
}

int sd_score_mode_from_name(const char *name)
{
    for (int i = 0; i < SD_SCORE_MODE_COUNT; i++)
        if (strcmp(mode_names[i], name) == 0)
            return i;
    return -1;
}

const char *sd_score_outcome_name(sd_score_outcome o)
{
    return (int)o >= 0 && o < SD_OUTCOME_COUNT ? outcome_names[o] : "unknown";
}

/* ---- comparing two claims ---------------------------------------------------------------- */

static bool arg_equal(const sd_claim_arg *a, const sd_claim_arg *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case SD_CLAIM_VALUE_BOOL:
        return a->boolean == b->boolean;
    case SD_CLAIM_VALUE_LIST:
        /* Items are stored sorted, so equal sets are equal sequences. */
        if (a->n_items != b->n_items)
            return false;
        for (size_t i = 0; i < a->n_items; i++)
            if (strcmp(a->items[i], b->items[i]) != 0)
                return false;
        return true;
    default:
        return strcmp(a->str, b->str) == 0;
    }
}

/* Compare the known arguments of g and p whose match_key flag is key. */
static bool args_equal(const sd_claim *g, const sd_claim *p, bool key)
{
    size_t n;
    const sd_claim_arg_spec *specs = sd_claim_arg_specs(&n);
    for (size_t i = 0; i < n; i++) {
        if (specs[i].type != g->type || specs[i].match_key != key)
            continue;
        if (!arg_equal(sd_claim_arg_get(g, specs[i].key), sd_claim_arg_get(p, specs[i].key)))
            return false;
    }
    return true;
}

enum { TIME_EQUAL, TIME_COARSER, TIME_DIFFERENT };

static int time_compare(const sd_claim *g, const sd_claim *p)
{
    if (!g->has_time || !p->has_time)
        return g->has_time == p->has_time ? TIME_EQUAL : TIME_DIFFERENT;
    if (g->time.precision == p->time.precision)
        return strcmp(g->time.value, p->time.value) == 0 ? TIME_EQUAL : TIME_DIFFERENT;
    sd_claim_precision coarse =
        g->time.precision < p->time.precision ? g->time.precision : p->time.precision;
    /* ISO values share their prefix at a coarser precision: "2018-11" of "2018-11-02". */
    size_t n = coarse == SD_CLAIM_PREC_YEAR ? 4 : 7;
    if (strlen(g->time.value) < n || strlen(p->time.value) < n)
        return TIME_DIFFERENT;
    return strncmp(g->time.value, p->time.value, n) == 0 ? TIME_COARSER : TIME_DIFFERENT;
}

static bool spans_overlap(const sd_claim *g, const sd_claim *p)
{
    long long lo = g->ev_start > p->ev_start ? g->ev_start : p->ev_start;
    long long hi = g->ev_end < p->ev_end ? g->ev_end : p->ev_end;
    return lo < hi;
}

int sd_score_pair(const sd_claim *g, const sd_claim *p, sd_score_mode mode, unsigned *diff)
{
    if (diff != NULL)
        *diff = 0;
    if (g->type != p->type || strcmp(g->doc, p->doc) != 0 || !args_equal(g, p, true))
        return -1;
    unsigned d = 0;
    if (!args_equal(g, p, false))
        d |= SD_DIFF_ARGS;
    int t = time_compare(g, p);
    if (t == TIME_COARSER)
        d |= SD_DIFF_TIME_PRECISION;
    else if (t == TIME_DIFFERENT)
        d |= SD_DIFF_TIME;
    if (!spans_overlap(g, p))
        d |= SD_DIFF_SPAN;
    if (diff != NULL)
        *diff = d;
    switch (mode) {
    case SD_SCORE_STRICT:
        return d == 0 ? SD_OUTCOME_CORRECT : SD_OUTCOME_INCORRECT;
    case SD_SCORE_VALUE:
        d &= ~(unsigned)SD_DIFF_SPAN;
        if (diff != NULL)
            *diff = d;
        return d == 0 ? SD_OUTCOME_CORRECT : SD_OUTCOME_INCORRECT;
    default:
        d &= ~(unsigned)SD_DIFF_SPAN;
        if (diff != NULL)
            *diff = d;
        if (d == 0)
            return SD_OUTCOME_CORRECT;
        return d == SD_DIFF_TIME_PRECISION ? SD_OUTCOME_INEXACT : SD_OUTCOME_INCORRECT;
    }
}

/* ---- metrics ----------------------------------------------------------------------------- */

size_t sd_score_tp(const sd_score_counts *c)
{
    return c->n[SD_OUTCOME_CORRECT] + c->n[SD_OUTCOME_INEXACT];
}

size_t sd_score_fp(const sd_score_counts *c)
{
    return c->n[SD_OUTCOME_INCORRECT] + c->n[SD_OUTCOME_SPURIOUS];
}

size_t sd_score_fn(const sd_score_counts *c)
{
    return c->n[SD_OUTCOME_INCORRECT] + c->n[SD_OUTCOME_MISSING];
}

static double ratio(size_t num, size_t den)
{
    return den == 0 ? 0.0 : (double)num / (double)den;  /* 0/0 is defined as 0 */
}

double sd_score_precision(const sd_score_counts *c)
{
    return ratio(sd_score_tp(c), sd_score_tp(c) + sd_score_fp(c));
}

double sd_score_recall(const sd_score_counts *c)
{
    return ratio(sd_score_tp(c), sd_score_tp(c) + sd_score_fn(c));
}

double sd_score_f1(const sd_score_counts *c)
{
    double p = sd_score_precision(c), r = sd_score_recall(c);
    return p + r == 0.0 ? 0.0 : 2.0 * p * r / (p + r);
}

double sd_score_round4(double x)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.4f", x);
    return strtod(buf, NULL);
}

bool sd_score_gate_passed(const sd_score_result *r, double min_f1)
{
    return sd_score_round4(sd_score_f1(&r->overall)) >= min_f1;
}

/* ---- assignment -------------------------------------------------------------------------- */

typedef struct ref {
    const sd_claim *c;
    size_t i;
} ref;

static int cmp_ref(const void *a, const void *b)
{
    const ref *x = a, *y = b;
    int c = strcmp(x->c->doc, y->c->doc);
    if (c != 0)
        return c;
    if (x->c->type != y->c->type)
        return x->c->type < y->c->type ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

typedef struct cand {
    int outcome;
    unsigned diff;
    long long dist;
    size_t g, p;
} cand;

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->outcome != y->outcome)
        return x->outcome < y->outcome ? -1 : 1;
    if (x->dist != y->dist)
        return x->dist < y->dist ? -1 : 1;
    if (x->g != y->g)
        return x->g < y->g ? -1 : 1;
    return x->p < y->p ? -1 : x->p > y->p;
}

static int group_cmp(const sd_claim *a, const sd_claim *b)
{
    int c = strcmp(a->doc, b->doc);
    if (c != 0)
        return c;
    return a->type == b->type ? 0 : a->type < b->type ? -1 : 1;
}

static ref *sorted_refs(const sd_claim *v, size_t n)
{
    ref *r = malloc((n > 0 ? n : 1) * sizeof *r);
    if (r == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++)
        r[i] = (ref){&v[i], i};
    if (n > 1)
        qsort(r, n, sizeof *r, cmp_ref);
    return r;
}

/* Every pairing (g, p) of the same doc and type whose key arguments agree. */
static int collect_candidates(const ref *gr, size_t ng, const ref *pr, size_t np,
                              sd_score_mode mode, cand **out, size_t *n_out, sd_error *err)
{
    cand *v = NULL;
    size_t n = 0, cap = 0;
    size_t i = 0, j = 0;
    while (i < ng && j < np) {
        int c = group_cmp(gr[i].c, pr[j].c);
        if (c < 0) {
            i++;
            continue;
        }
        if (c > 0) {
            j++;
            continue;
        }
        size_t ie = i, je = j;
        while (ie < ng && group_cmp(gr[ie].c, gr[i].c) == 0)
            ie++;
        while (je < np && group_cmp(pr[je].c, pr[j].c) == 0)
            je++;
        for (size_t a = i; a < ie; a++) {
            for (size_t b = j; b < je; b++) {
                unsigned diff;
                int o = sd_score_pair(gr[a].c, pr[b].c, mode, &diff);
                if (o < 0)
                    continue;
                if (n == cap) {
                    cap = cap ? cap * 2 : 64;
                    cand *grown = realloc(v, cap * sizeof *grown);
                    if (grown == NULL) {
                        free(v);
                        return sd_error_set(err, SD_ENOMEM, "out of memory");
                    }
                    v = grown;
                }
                long long d = gr[a].c->ev_start - pr[b].c->ev_start;
                v[n++] = (cand){o, diff, d < 0 ? -d : d, gr[a].i, pr[b].i};
            }
        }
        i = ie;
        j = je;
    }
    *out = v;
    *n_out = n;
    return SD_OK;
}

static void count(sd_score_result *r, sd_claim_type t, sd_score_outcome o)
{
    r->by_type[t].n[o]++;
    r->overall.n[o]++;
}

int sd_score_run(const sd_claim *gold, size_t n_gold, const sd_claim *pred, size_t n_pred,
                 sd_score_mode mode, sd_score_result *out, sd_error *err)
{
    memset(out, 0, sizeof *out);
    out->mode = mode;
    ref *gr = sorted_refs(gold, n_gold);
    ref *pr = sorted_refs(pred, n_pred);
    size_t *g_to = malloc((n_gold > 0 ? n_gold : 1) * sizeof *g_to);
    bool *p_taken = calloc(n_pred > 0 ? n_pred : 1, sizeof *p_taken);
    unsigned *g_diff = calloc(n_gold > 0 ? n_gold : 1, sizeof *g_diff);
    int *g_out = calloc(n_gold > 0 ? n_gold : 1, sizeof *g_out);
    out->links = malloc((n_gold + n_pred > 0 ? n_gold + n_pred : 1) * sizeof *out->links);
    cand *cands = NULL;
    size_t n_cands = 0;
    int rc = SD_OK;
    if (gr == NULL || pr == NULL || g_to == NULL || p_taken == NULL || g_diff == NULL ||
        g_out == NULL || out->links == NULL) {
        rc = sd_error_set(err, SD_ENOMEM, "out of memory");
        goto done;
    }
    rc = collect_candidates(gr, n_gold, pr, n_pred, mode, &cands, &n_cands, err);
    if (rc != SD_OK)
        goto done;
    if (n_cands > 1)
        qsort(cands, n_cands, sizeof *cands, cmp_cand);

    for (size_t i = 0; i < n_gold; i++)
        g_to[i] = SD_SCORE_NONE;
    for (size_t k = 0; k < n_cands; k++) {
        const cand *c = &cands[k];
        if (g_to[c->g] != SD_SCORE_NONE || p_taken[c->p])
            continue;
        g_to[c->g] = c->p;
        g_out[c->g] = c->outcome;
        g_diff[c->g] = c->diff;
        p_taken[c->p] = true;
    }

    for (size_t i = 0; i < n_gold; i++) {
        sd_claim_type t = gold[i].type;
        out->by_type[t].gold++;
        out->overall.gold++;
        sd_score_link l = {SD_OUTCOME_MISSING, i, SD_SCORE_NONE, 0};
        if (g_to[i] != SD_SCORE_NONE)
            l = (sd_score_link){(sd_score_outcome)g_out[i], i, g_to[i], g_diff[i]};
        count(out, t, l.outcome);
        out->links[out->n_links++] = l;
    }
    for (size_t j = 0; j < n_pred; j++) {
        sd_claim_type t = pred[j].type;
        out->by_type[t].pred++;
        out->overall.pred++;
        if (p_taken[j])
            continue;
        count(out, t, SD_OUTCOME_SPURIOUS);
        out->links[out->n_links++] = (sd_score_link){SD_OUTCOME_SPURIOUS, SD_SCORE_NONE, j, 0};
    }

done:
    free(gr);
    free(pr);
    free(g_to);
    free(p_taken);
    free(g_diff);
    free(g_out);
    free(cands);
    if (rc != SD_OK)
        sd_score_result_free(out);
    return rc;
}

void sd_score_result_free(sd_score_result *r)
{
    if (r == NULL)
        return;
    free(r->links);
    r->links = NULL;
    r->n_links = 0;
}

/* ---- reports ----------------------------------------------------------------------------- */

static const char *const diff_names[] = {"args", "time", "time_precision", "span"};

static void put_str(FILE *f, const char *s)
{
    sd_claim_write_json_string(f, s, strlen(s));
}

static void json_counts(FILE *f, const sd_score_counts *c)
{
    fprintf(f, "\"gold\": %zu, \"pred\": %zu, \"tp\": %zu, \"fp\": %zu, \"fn\": %zu", c->gold,
            c->pred, sd_score_tp(c), sd_score_fp(c), sd_score_fn(c));
    for (int o = 0; o < SD_OUTCOME_COUNT; o++)
        fprintf(f, ", \"%s\": %zu", outcome_names[o], c->n[o]);
    fprintf(f, ", \"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f", sd_score_precision(c),
            sd_score_recall(c), sd_score_f1(c));
}

static void json_side(FILE *f, const char *name, const char *path, const sd_claim_set *set)
{
    fprintf(f, "  \"%s\": {\"path\": ", name);
    put_str(f, path != NULL ? path : "");
    fprintf(f, ", \"files\": %zu, \"claims\": %zu, \"problems\": %zu},\n", set->n_files,
            set->n_claims, set->n_problems);
}

static void json_diff(FILE *f, unsigned diff)
{
    fputs(", \"differs\": [", f);
    bool first = true;
    for (unsigned b = 0; b < sizeof diff_names / sizeof diff_names[0]; b++) {
        if (!(diff & (1u << b)))
            continue;
        fprintf(f, "%s\"%s\"", first ? "" : ", ", diff_names[b]);
        first = false;
    }
    fputc(']', f);
}

static void json_link(FILE *f, const sd_score_report *rep, const sd_score_link *l)
{
    const sd_claim *g = l->gold != SD_SCORE_NONE ? &rep->gold->claims[l->gold] : NULL;
    const sd_claim *p = l->pred != SD_SCORE_NONE ? &rep->pred->claims[l->pred] : NULL;
    const sd_claim *any = g != NULL ? g : p;
    fputs("{\"doc\": ", f);
    put_str(f, any->doc);
    fprintf(f, ", \"type\": \"%s\"", sd_claim_type_name(any->type));
    if (g != NULL) {
        fputs(", \"gold\": ", f);
        put_str(f, g->id);
    }
    if (p != NULL) {
        fputs(", \"pred\": ", f);
        put_str(f, p->id);
    }
    if (l->outcome == SD_OUTCOME_INEXACT || l->outcome == SD_OUTCOME_INCORRECT)
        json_diff(f, l->diff);
    fputc('}', f);
}

static void json_problems(FILE *f, const char *side, const sd_claim_set *set, bool *first)
{
    for (size_t i = 0; i < set->n_problems; i++) {
        const sd_claim_problem *pb = &set->problems[i];
        fputs(*first ? "\n    " : ",\n    ", f);
        *first = false;
        fprintf(f, "{\"side\": \"%s\", \"file\": ", side);
        put_str(f, set->files[pb->file]);
        fprintf(f, ", \"line\": %ld, \"kind\": \"%s\", \"reason\": ", pb->line,
                sd_claim_problem_kind_name(pb->kind));
        put_str(f, pb->reason);
        fputc('}', f);
    }
}

static int finish(FILE *f, sd_error *err)
{
    if (ferror(f))
        return sd_error_set(err, SD_EIO, "could not write the report: %s", strerror(errno));
    return SD_OK;
}

int sd_score_write_json(FILE *f, const sd_score_report *rep, sd_error *err)
{
    const sd_score_result *r = rep->result;
    fputs("{\n  \"schema\": \"sanad-score/1\",\n", f);
    fprintf(f, "  \"mode\": \"%s\",\n", sd_score_mode_name(r->mode));
    json_side(f, "gold", rep->gold_path, rep->gold);
    json_side(f, "pred", rep->pred_path, rep->pred);
    fputs("  \"overall\": {", f);
    json_counts(f, &r->overall);
    fputs("},\n  \"types\": [", f);
    bool first = true;
    for (int t = 0; t < SD_CLAIM_TYPE_COUNT; t++) {
        const sd_score_counts *c = &r->by_type[t];
        if (c->gold == 0 && c->pred == 0)
            continue;
        fprintf(f, "%s\n    {\"type\": \"%s\", ", first ? "" : ",",
                sd_claim_type_name((sd_claim_type)t));
        json_counts(f, c);
        fputc('}', f);
        first = false;
    }
    fputs(first ? "],\n" : "\n  ],\n", f);
    fputs("  \"outcomes\": {", f);
    for (int o = 0; o < SD_OUTCOME_COUNT; o++) {
        fprintf(f, "%s\n    \"%s\": [", o > 0 ? "," : "", outcome_names[o]);
        bool any = false;
        for (size_t i = 0; i < r->n_links; i++) {
            if ((int)r->links[i].outcome != o)
                continue;
            fputs(any ? ",\n      " : "\n      ", f);
            json_link(f, rep, &r->links[i]);
            any = true;
        }
        fputs(any ? "\n    ]" : "]", f);
    }
    fputs("\n  },\n  \"problems\": [", f);
    first = true;
    json_problems(f, "gold", rep->gold, &first);
    json_problems(f, "pred", rep->pred, &first);
    fputs(first ? "]" : "\n  ]", f);
    if (rep->has_min_f1)
        fprintf(f, ",\n  \"gate\": {\"min_f1\": %.4f, \"f1\": %.4f, \"passed\": %s}", rep->min_f1,
                sd_score_f1(&r->overall), sd_score_gate_passed(r, rep->min_f1) ? "true" : "false");
    fputs("\n}\n", f);
    return finish(f, err);
}

static void text_row(FILE *f, const char *name, const sd_score_counts *c)
{
    fprintf(f, "%-22s %5zu %5zu %8zu %8zu %10zu %8zu %9zu %10.4f %7.4f %7.4f\n", name, c->gold,
            c->pred, c->n[SD_OUTCOME_CORRECT], c->n[SD_OUTCOME_INEXACT],
            c->n[SD_OUTCOME_INCORRECT], c->n[SD_OUTCOME_MISSING], c->n[SD_OUTCOME_SPURIOUS],
            sd_score_precision(c), sd_score_recall(c), sd_score_f1(c));
}

static void text_diff(FILE *f, unsigned diff)
{
    fputs(" (differs:", f);
    for (unsigned b = 0; b < sizeof diff_names / sizeof diff_names[0]; b++)
        if (diff & (1u << b))
            fprintf(f, " %s", diff_names[b]);
    fputc(')', f);
}

int sd_score_write_text(FILE *f, const sd_score_report *rep, sd_error *err)
{
    const sd_score_result *r = rep->result;
    fprintf(f, "sanad score (mode %s)\n", sd_score_mode_name(r->mode));
    fprintf(f, "gold: %s (claims %zu, files %zu, lines skipped %zu)\n", rep->gold_path,
            rep->gold->n_claims, rep->gold->n_files, rep->gold->n_problems);
    fprintf(f, "pred: %s (claims %zu, files %zu, lines skipped %zu)\n\n", rep->pred_path,
            rep->pred->n_claims, rep->pred->n_files, rep->pred->n_problems);
    fprintf(f, "%-22s %5s %5s %8s %8s %10s %8s %9s %10s %7s %7s\n", "type", "gold", "pred",
            "correct", "inexact", "incorrect", "missing", "spurious", "precision", "recall", "f1");
    for (int t = 0; t < SD_CLAIM_TYPE_COUNT; t++) {
        const sd_score_counts *c = &r->by_type[t];
        if (c->gold > 0 || c->pred > 0)
            text_row(f, sd_claim_type_name((sd_claim_type)t), c);
    }
    text_row(f, "overall (micro)", &r->overall);

    for (int o = SD_OUTCOME_INEXACT; o < SD_OUTCOME_COUNT; o++) {
        bool any = false;
        for (size_t i = 0; i < r->n_links; i++) {
            const sd_score_link *l = &r->links[i];
            if ((int)l->outcome != o)
                continue;
            if (!any)
                fprintf(f, "\n%s:\n", outcome_names[o]);
            any = true;
            const sd_claim *g = l->gold != SD_SCORE_NONE ? &rep->gold->claims[l->gold] : NULL;
            const sd_claim *p = l->pred != SD_SCORE_NONE ? &rep->pred->claims[l->pred] : NULL;
            const sd_claim *c = g != NULL ? g : p;
            fprintf(f, "  %s %s", c->doc, sd_claim_type_name(c->type));
            if (g != NULL)
                fprintf(f, " gold %s", g->id);
            if (p != NULL)
                fprintf(f, " pred %s", p->id);
            if (o == SD_OUTCOME_INEXACT || o == SD_OUTCOME_INCORRECT)
                text_diff(f, l->diff);
            fputc('\n', f);
        }
    }
    size_t n_problems = rep->gold->n_problems + rep->pred->n_problems;
    if (n_problems > 0) {
        fprintf(f, "\nproblems (%zu lines skipped):\n", n_problems);
        const sd_claim_set *sets[2] = {rep->gold, rep->pred};
        for (int s = 0; s < 2; s++)
            for (size_t i = 0; i < sets[s]->n_problems; i++) {
                const sd_claim_problem *pb = &sets[s]->problems[i];
                fprintf(f, "  %s:%ld: %s: %s\n", sets[s]->files[pb->file], pb->line,
                        sd_claim_problem_kind_name(pb->kind), pb->reason);
            }
    }
    if (rep->has_min_f1)
        fprintf(f, "\ngate: overall F1 %.4f %s minimum %.4f: %s\n", sd_score_f1(&r->overall),
                sd_score_gate_passed(r, rep->min_f1) ? ">=" : "<", rep->min_f1,
                sd_score_gate_passed(r, rep->min_f1) ? "passed" : "FAILED");
    return finish(f, err);
}
