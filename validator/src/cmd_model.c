/* cmd_model: option parsing and output for `sanad model lint|stats|bench` (the checks live in
 * model.c and lint.c). */
#include "cmd_model.h"

#include "gazetteer.h"
#include "lint.h"
#include "model.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
    "usage: sanad model lint [MODEL]\n"
    "       sanad model stats [MODEL]\n"
    "       sanad model bench [MODEL]\n"
    "  MODEL          a sanad-model/1 file (also --model FILE); default: the bundled CSTO model\n"
    "  lint           load the model (every error names FILE:LINE:COL and the JSON path), then\n"
    "                 check it: SD-L001 overlapping holders of a single-holder office,\n"
    "                 SD-L002 membership events out of order, SD-L003 gap in the secretary-\n"
    "                 general or chair timeline (warning), SD-L004 aliases of two entities that\n"
    "                 fold to the same key, SD-L005 an office held outside the holder's lifetime,\n"
    "                 SD-L006 a fact with an empty sources array\n"
    "  stats          counts of sources, entities, aliases and facts\n"
    "  bench          time 50 loads of the model, and the gazetteer build, in this process\n"
    "exit: 0 clean, 1 lint findings, 2 usage error or a model that does not load\n";

typedef enum action { ACT_LINT, ACT_STATS, ACT_BENCH } action;

static const struct {
    const char *name;
    action act;
} actions[] = {
    {"lint", ACT_LINT},
    {"stats", ACT_STATS},
    {"bench", ACT_BENCH},
};

/* Parse "ACTION [MODEL]" / "--model FILE". Returns 0, or 2 after printing the problem. */
static int parse(int argc, char **argv, action *act, const char **model, FILE *errout)
{
    const char *verb = NULL;
    *model = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *value = NULL;
        if (strcmp(a, "--model") == 0) {
            if (i + 1 >= argc) {
                fprintf(errout, "sanad model: --model needs a file\n");
                return 2;
            }
            value = argv[++i];
        } else if (strncmp(a, "--model=", 8) == 0) {
            value = a + 8;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(errout, "sanad model: unknown option %s\n", a);
            return 2;
        } else if (verb == NULL) {
            verb = a;
            continue;
        } else {
            value = a;
        }
        if (*model != NULL) {
            fprintf(errout, "sanad model: more than one model given (%s and %s)\n", *model, value);
            return 2;
        }
        *model = value;
    }
    if (verb == NULL) {
        fprintf(errout, "sanad model: missing command (lint, stats or bench)\n");
        return 2;
    }
    for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++) {
        if (strcmp(actions[i].name, verb) == 0) {
            *act = actions[i].act;
            return 0;
        }
    }
    fprintf(errout, "sanad model: unknown command \"%s\" (expected lint, stats or bench)\n", verb);
    return 2;
}

static size_t alias_count(const sd_model *m)
{
    size_t n = 0;
    for (size_t i = 0; i < sd_model_entity_count(m); i++) {
        const sd_entity *e = sd_model_entity(m, i);
        n += e->naliases + e->nshort_aliases;
    }
    return n;
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static int run_lint(const sd_model *m, FILE *out, FILE *errout)
{
    sd_lint_result r;
    sd_error err;
    sd_error_clear(&err);
    if (sd_lint_run(m, &r, &err) != 0) {
        char line[1600];
        sd_error_format(&err, line, sizeof line);
        fprintf(errout, "sanad model lint: %s\n", line);
        return 2;
    }
    size_t errors = 0, warnings = 0;
    for (size_t i = 0; i < r.n; i++) {
        const sd_lint_finding *f = &r.items[i];
        fprintf(out, "%s %s %s: %s\n", sd_lint_severity_name(f->severity), f->rule, f->subject,
                f->message);
        if (f->severity == SD_LINT_ERROR)
            errors++;
        else
            warnings++;
    }
    if (r.n > 0) {
        fprintf(out, "%zu %s (%zu %s, %zu %s)\n", r.n, plural(r.n, "finding", "findings"),
                errors, plural(errors, "error", "errors"), warnings,
                plural(warnings, "warning", "warnings"));
    } else {
        size_t ne = sd_model_entity_count(m), na = alias_count(m), nf = sd_model_fact_count(m),
               ns = sd_model_source_count(m);
        fprintf(out, "model OK: %zu %s, %zu %s, %zu %s, %zu %s\n", ne,
                plural(ne, "entity", "entities"), na, plural(na, "alias", "aliases"), nf,
                plural(nf, "fact", "facts"), ns, plural(ns, "source", "sources"));
    }
    size_t n = r.n;
    sd_lint_free(&r);
    return n > 0 ? 1 : 0;
}

static void print_counts(FILE *out, const char *label, size_t total, const size_t *per,
                         const char *(*name)(int), int ntypes)
{
    fprintf(out, "%-9s %zu", label, total);
    const char *sep = " (";
    for (int t = 0; t < ntypes; t++) {
        if (per[t] == 0)
            continue;
        fprintf(out, "%s%s %zu", sep, name(t), per[t]);
        sep = ", ";
    }
    fprintf(out, "%s\n", total > 0 ? ")" : "");
}

static const char *entity_name(int t)
{
    return sd_entity_type_name((sd_entity_type)t);
}

static const char *fact_name(int t)
{
    return sd_fact_type_name((sd_fact_type)t);
}

static int run_stats(const sd_model *m, FILE *out)
{
    size_t per_entity[SD_ENT_MEDIA + 1] = {0}, per_fact[SD_FACT_RULE + 1] = {0};
    for (size_t i = 0; i < sd_model_entity_count(m); i++)
        per_entity[sd_model_entity(m, i)->type]++;
    for (size_t i = 0; i < sd_model_fact_count(m); i++)
        per_fact[sd_model_fact(m, i)->type]++;
    fprintf(out, "%-9s %s\n", "model:", sd_model_path(m));
    fprintf(out, "%-9s %s\n", "name:", sd_model_name(m));
    fprintf(out, "%-9s %s\n", "as_of:", sd_model_as_of(m));
    fprintf(out, "%-9s %s\n", "sha256:", sd_model_sha256(m));
    fprintf(out, "%-9s %zu\n", "sources:", sd_model_source_count(m));
    print_counts(out, "entities:", sd_model_entity_count(m), per_entity, entity_name,
                 SD_ENT_MEDIA + 1);
    fprintf(out, "%-9s %zu\n", "aliases:", alias_count(m));
    print_counts(out, "facts:", sd_model_fact_count(m), per_fact, fact_name, SD_FACT_RULE + 1);
    return 0;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Load times in this process (the first load pays for ICU and OpenSSL start-up, so it is
 * reported apart), then the gazetteer build over every alias. */
static int run_bench(const char *path, const sd_model *m, FILE *out, FILE *errout)
{
    enum { RUNS = 50 };
    double t[RUNS];
    for (int i = 0; i < RUNS; i++) {
        sd_model *x = NULL;
        sd_error err;
        double t0 = now_ms();
        if (sd_model_load(&x, path, &err) != 0) {
            fprintf(errout, "sanad model bench: the model stopped loading\n");
            return 2;
        }
        t[i] = now_ms() - t0;
        sd_model_free(x);
    }
    qsort(t, RUNS, sizeof t[0], cmp_double);
    sd_gazetteer *g = NULL;
    sd_error err;
    double g0 = now_ms();
    int rc = sd_gazetteer_build(&g, m, &err);
    double gt = now_ms() - g0;
    size_t keys = rc == 0 ? sd_gazetteer_alias_count(g) : 0;
    sd_gazetteer_free(g);
    fprintf(out, "model load: min %.2f ms, median %.2f ms, max %.2f ms over %d loads\n", t[0],
            t[RUNS / 2], t[RUNS - 1], RUNS);
    fprintf(out, "gazetteer build: %.2f ms (%zu alias keys)\n", gt, keys);
    return rc == 0 ? 0 : 2;
}

int sd_cmd_model(int argc, char **argv, FILE *out, FILE *errout)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage, out);
            return 0;
        }
    }
    action act = ACT_LINT;
    const char *path;
    if (parse(argc, argv, &act, &path, errout) != 0) {
        fputs(usage, errout);
        return 2;
    }
    if (path == NULL)
        path = sd_model_default_path();
    sd_model *m = NULL;
    sd_error err;
    if (sd_model_load(&m, path, &err) != 0) {
        char line[1600];
        sd_error_format(&err, line, sizeof line);
        fprintf(errout, "%s\n", line);
        return 2;
    }
    int code = act == ACT_LINT    ? run_lint(m, out, errout)
               : act == ACT_STATS ? run_stats(m, out)
                                  : run_bench(path, m, out, errout);
    sd_model_free(m);
    return code;
}
