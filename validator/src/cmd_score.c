/* cmd_score: option parsing and output for `sanad score` (the rules live in score.c). */
#include "cmd_score.h"

#include "claim_io.h"
#include "score.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: sanad score --gold G --pred P [--mode strict|value|lenient] [--format text|json]\n"
    "                   [--min-f1 X] [--output FILE]\n"
    "  G, P       claims JSONL (sanad-claim/1) files or folders of *.jsonl\n"
    "  --mode     strict (default): arguments, time and overlapping evidence must match;\n"
    "             value: arguments and time; lenient: key arguments, coarser time is inexact\n"
    "  --format   text (default) or json\n"
    "  --min-f1   exit 1 when the overall F1 is below X (0..1)\n"
    "  --output   write the report to FILE (atomically) instead of standard output\n"
    "exit: 0 ok, 1 below --min-f1, 2 usage error or unreadable path\n";

typedef struct opts {
    const char *gold, *pred, *output;
    sd_score_mode mode;
    bool json;
    bool has_min_f1;
    double min_f1;
} opts;

/* "--name VALUE" or "--name=VALUE": returns the value and advances *i, or NULL. */
static const char *opt_value(int argc, char **argv, int *i, const char *name, bool *matched)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    *matched = false;
    if (strncmp(a, name, n) != 0)
        return NULL;
    if (a[n] == '=') {
        *matched = true;
        return a + n + 1;
    }
    if (a[n] != '\0')
        return NULL;
    *matched = true;
    if (*i + 1 >= argc)
        return NULL;
    return argv[++*i];
}

static int parse_opts(int argc, char **argv, opts *o, FILE *errout)
{
    memset(o, 0, sizeof *o);
    o->mode = SD_SCORE_STRICT;
    static const char *const names[] = {"--gold", "--pred", "--mode", "--format", "--min-f1",
                                        "--output"};
    for (int i = 1; i < argc; i++) {
        int which = -1;
        const char *v = NULL;
        for (int k = 0; k < 6 && which < 0; k++) {
            bool matched;
            v = opt_value(argc, argv, &i, names[k], &matched);
            if (matched)
                which = k;
        }
        if (which < 0) {
            fprintf(errout, "sanad score: unknown argument '%s'\n", argv[i]);
            return -1;
        }
        if (v == NULL || v[0] == '\0') {
            fprintf(errout, "sanad score: %s needs a value\n", names[which]);
            return -1;
        }
        switch (which) {
        case 0: o->gold = v; break;
        case 1: o->pred = v; break;
        case 2: {
            int m = sd_score_mode_from_name(v);
            if (m < 0) {
                fprintf(errout, "sanad score: unknown mode '%s' (strict, value, lenient)\n", v);
                return -1;
            }
            o->mode = (sd_score_mode)m;
            break;
        }
        case 3:
            if (strcmp(v, "json") != 0 && strcmp(v, "text") != 0) {
                fprintf(errout, "sanad score: unknown format '%s' (text, json)\n", v);
                return -1;
            }
            o->json = strcmp(v, "json") == 0;
            break;
        case 4: {
            char *end = NULL;
            errno = 0;
            double x = strtod(v, &end);
            if (errno != 0 || end == v || *end != '\0' || !(x >= 0.0 && x <= 1.0)) {
                fprintf(errout, "sanad score: --min-f1 needs a number from 0 to 1, not '%s'\n", v);
                return -1;
            }
            o->has_min_f1 = true;
            o->min_f1 = x;
            break;
        }
        default: o->output = v; break;
        }
    }
    if (o->gold == NULL || o->pred == NULL) {
        fprintf(errout, "sanad score: --gold and --pred are required\n");
        return -1;
    }
    return 0;
}

static int load_side(sd_claim_set *set, const char *path, const char *side, FILE *errout)
{
    sd_error e;
    sd_error_clear(&e);
    int rc = sd_claim_set_load(set, path, &e);
    if (rc == SD_OK)
        rc = sd_claim_set_dedupe(set, &e);
    if (rc != SD_OK) {
        char msg[2048];
        sd_error_format(&e, msg, sizeof msg);
        fprintf(errout, "sanad score: %s: %s\n", side, msg);
        return rc;
    }
    for (size_t i = 0; i < set->n_problems; i++) {
        const sd_claim_problem *p = &set->problems[i];
        fprintf(errout, "%s:%ld: %s: %s\n", set->files[p->file], p->line,
                sd_claim_problem_kind_name(p->kind), p->reason);
    }
    return SD_OK;
}

static int write_report(const opts *o, const sd_score_report *rep, FILE *f, sd_error *err)
{
    int rc = o->json ? sd_score_write_json(f, rep, err) : sd_score_write_text(f, rep, err);
    if (rc == SD_OK && fflush(f) != 0)
        rc = sd_error_set(err, SD_EIO, "could not write the report: %s", strerror(errno));
    return rc;
}

/* Temporary file next to the target, then rename: readers never see half a report. */
static int write_atomically(const opts *o, const sd_score_report *rep, sd_error *err)
{
    size_t n = strlen(o->output) + 32;
    char *tmp = malloc(n);
    if (tmp == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    snprintf(tmp, n, "%s.tmp.%ld", o->output, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (f == NULL) {
        sd_error_set(err, SD_EIO, "cannot write %s: %s", tmp, strerror(errno));
        free(tmp);
        return SD_EIO;
    }
    int rc = write_report(o, rep, f, err);
    if (fclose(f) != 0 && rc == SD_OK)
        rc = sd_error_set(err, SD_EIO, "cannot write %s: %s", tmp, strerror(errno));
    if (rc == SD_OK && rename(tmp, o->output) != 0)
        rc = sd_error_set(err, SD_EIO, "cannot rename %s to %s: %s", tmp, o->output,
                          strerror(errno));
    if (rc != SD_OK)
        remove(tmp);
    free(tmp);
    return rc;
}

int sd_cmd_score(int argc, char **argv, FILE *out, FILE *errout)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage, out);
            return 0;
        }
    opts o;
    if (parse_opts(argc, argv, &o, errout) != 0) {
        fputs(usage, errout);
        return 2;
    }
    sd_claim_set gold, pred;
    sd_claim_set_init(&gold);
    sd_claim_set_init(&pred);
    sd_score_result res;
    memset(&res, 0, sizeof res);
    int code = 2;
    if (load_side(&gold, o.gold, "gold", errout) != SD_OK ||
        load_side(&pred, o.pred, "pred", errout) != SD_OK)
        goto done;

    sd_error e;
    sd_error_clear(&e);
    if (sd_score_run(gold.claims, gold.n_claims, pred.claims, pred.n_claims, o.mode, &res, &e) !=
        SD_OK) {
        fprintf(errout, "sanad score: %s\n", e.msg);
        goto done;
    }
    sd_score_report rep = {&res, &gold, &pred, o.gold, o.pred, o.has_min_f1, o.min_f1};
    int rc = o.output != NULL ? write_atomically(&o, &rep, &e) : write_report(&o, &rep, out, &e);
    if (rc != SD_OK) {
        fprintf(errout, "sanad score: %s\n", e.msg);
        goto done;
    }
    code = o.has_min_f1 && !sd_score_gate_passed(&res, o.min_f1) ? 1 : 0;

done:
    sd_score_result_free(&res);
    sd_claim_set_free(&gold);
    sd_claim_set_free(&pred);
    return code;
}
