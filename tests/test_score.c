/* Specification of score and `sanad score`: pairing, outcome classes per mode, the
 * one-to-one tie-breaking rule, metrics, the report and the exit codes. */
#include "cmd_score.h"
#include "score.h"
#include "sd_test.h"

#include <stdlib.h>
#include <string.h>

/* A claim line: evidence is `len` bytes of 'a' at `start`. */
static sd_claim mk(const char *id, const char *doc, const char *type, const char *args,
                   const char *time, long start, int len)
{
    char ev[64];
    memset(ev, 'a', (size_t)len);
    ev[len] = '\0';
    char line[2048];
    snprintf(line, sizeof line,
             "{\"schema\":\"sanad-claim/1\",\"id\":\"%s\",\"doc\":\"%s\",\"type\":\"%s\","
             "\"args\":%s,\"time\":%s,\"modality\":\"asserted\",\"evidence\":{\"start\":%ld,"
             "\"end\":%ld,\"text\":\"%s\"},\"extractor\":\"test\"}",
             id, doc, type, args, time, start, start + len, ev);
    sd_claim c;
    sd_error e;
    sd_error_clear(&e);
    if (sd_claim_parse(line, strlen(line), &c, NULL, &e) != SD_OK) {
        fprintf(stderr, "bad test claim %s: %s %s\n", id, e.path, e.msg);
        sd_claim_init(&c);
    }
    return c;
}

#define SG_KH "{\"org\":\"org:csto\",\"person\":\"person:khachaturov\",\"event\":\"removed\"}"
#define SUMMIT "{\"org\":\"org:csto\",\"city\":\"city:bishkek\"}"
#define DAY "{\"value\":\"2018-11-02\",\"precision\":\"day\"}"
#define MONTH "{\"value\":\"2018-11\",\"precision\":\"month\"}"
#define YEAR17 "{\"value\":\"2017\",\"precision\":\"year\"}"

static int pair(const sd_claim *g, const sd_claim *p, sd_score_mode mode)
{
    return sd_score_pair(g, p, mode, NULL);
}

static void free_all(sd_claim *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sd_claim_free(&v[i]);
}

static void test_claims_of_different_documents_never_pair(void)
{
    sd_claim g = mk("g", "d1", "secretary_general", SG_KH, DAY, 0, 10);
    sd_claim p = mk("p", "d2", "secretary_general", SG_KH, DAY, 0, 10);
    CU_ASSERT_EQUAL(pair(&g, &p, SD_SCORE_LENIENT), -1);
    sd_claim_free(&g);
    sd_claim_free(&p);
}

static void test_claims_with_different_key_arguments_never_pair(void)
{
    sd_claim g = mk("g", "d", "secretary_general", SG_KH, DAY, 0, 10);
    sd_claim p = mk("p", "d", "secretary_general",
                    "{\"org\":\"org:csto\",\"person\":\"person:khachaturov\",\"event\":\"ends\"}",
                    DAY, 0, 10);
    CU_ASSERT_EQUAL(pair(&g, &p, SD_SCORE_LENIENT), -1);
    sd_claim_free(&g);
    sd_claim_free(&p);
}

static void test_member_order_is_ignored(void)
{
    sd_claim g = mk("g", "d", "founding_members",
                    "{\"org\":\"org:csto\",\"members\":[\"country:AM\",\"country:RU\"]}", "null", 0, 5);
    sd_claim p = mk("p", "d", "founding_members",
                    "{\"org\":\"org:csto\",\"members\":[\"country:RU\",\"country:AM\"]}", "null", 0, 5);
    CU_ASSERT_EQUAL(pair(&g, &p, SD_SCORE_STRICT), SD_OUTCOME_CORRECT);
    sd_claim_free(&g);
    sd_claim_free(&p);
}

static void test_strict_needs_overlapping_evidence_and_value_does_not(void)
{
    sd_claim g = mk("g", "d", "summit", SUMMIT, DAY, 100, 10);
    sd_claim touching = mk("p", "d", "summit", SUMMIT, DAY, 110, 10);  /* [110,120) vs [100,110) */
    sd_claim overlap = mk("q", "d", "summit", SUMMIT, DAY, 109, 10);
    unsigned diff = 0;
    CU_ASSERT_EQUAL(sd_score_pair(&g, &touching, SD_SCORE_STRICT, &diff), SD_OUTCOME_INCORRECT);
    CU_ASSERT_EQUAL(diff, SD_DIFF_SPAN);
    CU_ASSERT_EQUAL(pair(&g, &overlap, SD_SCORE_STRICT), SD_OUTCOME_CORRECT);
    CU_ASSERT_EQUAL(pair(&g, &touching, SD_SCORE_VALUE), SD_OUTCOME_CORRECT);
    CU_ASSERT_EQUAL(pair(&g, &touching, SD_SCORE_LENIENT), SD_OUTCOME_CORRECT);
    sd_claim_free(&g);
    sd_claim_free(&touching);
    sd_claim_free(&overlap);
}

static void test_coarser_time_is_inexact_only_in_lenient_mode(void)
{
    sd_claim g = mk("g", "d", "secretary_general", SG_KH, DAY, 0, 10);
    sd_claim p = mk("p", "d", "secretary_general", SG_KH, MONTH, 0, 10);
    unsigned diff = 0;
    CU_ASSERT_EQUAL(sd_score_pair(&g, &p, SD_SCORE_LENIENT, &diff), SD_OUTCOME_INEXACT);
    CU_ASSERT_EQUAL(diff, SD_DIFF_TIME_PRECISION);
    CU_ASSERT_EQUAL(pair(&g, &p, SD_SCORE_VALUE), SD_OUTCOME_INCORRECT);
    CU_ASSERT_EQUAL(pair(&g, &p, SD_SCORE_STRICT), SD_OUTCOME_INCORRECT);
    /* A finer prediction of a coarse gold time agrees at the coarser precision too. */
    CU_ASSERT_EQUAL(pair(&p, &g, SD_SCORE_LENIENT), SD_OUTCOME_INEXACT);
    sd_claim_free(&g);
    sd_claim_free(&p);
}

static void test_lenient_different_year_is_incorrect(void)
{
    sd_claim g = mk("g", "d", "secretary_general", SG_KH, DAY, 0, 10);
    sd_claim p = mk("p", "d", "secretary_general", SG_KH, YEAR17, 0, 10);
    CU_ASSERT_EQUAL(pair(&g, &p, SD_SCORE_LENIENT), SD_OUTCOME_INCORRECT);
    sd_claim_free(&g);
    sd_claim_free(&p);
}

static void test_lenient_different_member_set_is_incorrect(void)
{
    sd_claim g = mk("g", "d", "member_list",
                    "{\"org\":\"org:csto\",\"scope\":\"current\",\"members\":[\"country:AM\","
                    "\"country:RU\"]}", "null", 0, 5);
    sd_claim p = mk("p", "d", "member_list",
                    "{\"org\":\"org:csto\",\"scope\":\"current\",\"members\":[\"country:RU\"]}",
                    "null", 0, 5);
    unsigned diff = 0;
    CU_ASSERT_EQUAL(sd_score_pair(&g, &p, SD_SCORE_LENIENT, &diff), SD_OUTCOME_INCORRECT);
    CU_ASSERT_EQUAL(diff, SD_DIFF_ARGS);
    sd_claim_free(&g);
    sd_claim_free(&p);
}

static void test_time_on_one_side_only_is_a_different_time(void)
{
    sd_claim g = mk("g", "d", "secretary_general", SG_KH, DAY, 0, 10);
    sd_claim p = mk("p", "d", "secretary_general", SG_KH, "null", 0, 10);
    CU_ASSERT_EQUAL(pair(&g, &p, SD_SCORE_LENIENT), SD_OUTCOME_INCORRECT);
    sd_claim_free(&g);
    sd_claim_free(&p);
}

static void test_unknown_argument_keys_are_not_compared(void)
{
    sd_claim g = mk("g", "d", "un_observer", "{\"org\":\"org:csto\"}", "null", 0, 5);
    sd_claim p = mk("p", "d", "un_observer", "{\"org\":\"org:csto\",\"confidence\":0.2}", "null",
                    0, 5);
    CU_ASSERT_EQUAL(pair(&g, &p, SD_SCORE_STRICT), SD_OUTCOME_CORRECT);
    sd_claim_free(&g);
    sd_claim_free(&p);
}

static void test_two_preds_for_one_gold_nearest_start_wins(void)
{
    sd_claim g[1] = {mk("g", "d", "summit", SUMMIT, DAY, 100, 10)};
    sd_claim p[2] = {mk("far", "d", "summit", SUMMIT, DAY, 400, 10),
                     mk("near", "d", "summit", SUMMIT, DAY, 130, 10)};
    sd_score_result r;
    CU_ASSERT_EQUAL_FATAL(sd_score_run(g, 1, p, 2, SD_SCORE_VALUE, &r, NULL), SD_OK);
    CU_ASSERT_EQUAL_FATAL(r.n_links, 2);
    CU_ASSERT_EQUAL(r.links[0].outcome, SD_OUTCOME_CORRECT);
    CU_ASSERT_EQUAL(r.links[0].pred, 1);
    CU_ASSERT_EQUAL(r.links[1].outcome, SD_OUTCOME_SPURIOUS);
    CU_ASSERT_EQUAL(r.links[1].pred, 0);
    sd_score_result_free(&r);
    free_all(g, 1);
    free_all(p, 2);
}

static void test_two_preds_for_one_gold_better_outcome_beats_distance(void)
{
    sd_claim g[1] = {mk("g", "d", "secretary_general", SG_KH, DAY, 100, 10)};
    sd_claim p[2] = {mk("inexact_near", "d", "secretary_general", SG_KH, MONTH, 100, 10),
                     mk("exact_far", "d", "secretary_general", SG_KH, DAY, 900, 10)};
    sd_score_result r;
    CU_ASSERT_EQUAL_FATAL(sd_score_run(g, 1, p, 2, SD_SCORE_LENIENT, &r, NULL), SD_OK);
    CU_ASSERT_EQUAL(r.links[0].outcome, SD_OUTCOME_CORRECT);
    CU_ASSERT_EQUAL(r.links[0].pred, 1);
    CU_ASSERT_EQUAL(r.overall.n[SD_OUTCOME_SPURIOUS], 1);
    CU_ASSERT_EQUAL(r.overall.n[SD_OUTCOME_INEXACT], 0);
    sd_score_result_free(&r);
    free_all(g, 1);
    free_all(p, 2);
}

static void test_two_golds_for_one_pred_nearest_start_wins(void)
{
    sd_claim g[2] = {mk("ga", "d", "summit", SUMMIT, DAY, 100, 10),
                     mk("gb", "d", "summit", SUMMIT, DAY, 400, 10)};
    sd_claim p[1] = {mk("p", "d", "summit", SUMMIT, DAY, 380, 10)};
    sd_score_result r;
    CU_ASSERT_EQUAL_FATAL(sd_score_run(g, 2, p, 1, SD_SCORE_VALUE, &r, NULL), SD_OK);
    CU_ASSERT_EQUAL(r.links[0].outcome, SD_OUTCOME_MISSING);  /* ga */
    CU_ASSERT_EQUAL(r.links[1].outcome, SD_OUTCOME_CORRECT);  /* gb */
    CU_ASSERT_EQUAL(r.links[1].pred, 0);
    sd_score_result_free(&r);
    free_all(g, 2);
    free_all(p, 1);
}

static void test_equal_distance_takes_the_earlier_gold_line(void)
{
    sd_claim g[2] = {mk("gc", "d", "un_observer", "{\"org\":\"org:csto\"}", "null", 100, 10),
                     mk("gd", "d", "un_observer", "{\"org\":\"org:csto\"}", "null", 300, 10)};
    sd_claim p[1] = {mk("q", "d", "un_observer", "{\"org\":\"org:csto\"}", "null", 200, 10)};
    sd_score_result r;
    CU_ASSERT_EQUAL_FATAL(sd_score_run(g, 2, p, 1, SD_SCORE_VALUE, &r, NULL), SD_OK);
    CU_ASSERT_EQUAL(r.links[0].outcome, SD_OUTCOME_CORRECT);
    CU_ASSERT_EQUAL(r.links[1].outcome, SD_OUTCOME_MISSING);
    sd_score_result_free(&r);
    free_all(g, 2);
    free_all(p, 1);
}

static void test_equal_distance_takes_the_earlier_pred_line(void)
{
    sd_claim g[1] = {mk("g", "d", "un_observer", "{\"org\":\"org:csto\"}", "null", 200, 10)};
    sd_claim p[2] = {mk("p1", "d", "un_observer", "{\"org\":\"org:csto\"}", "null", 300, 10),
                     mk("p2", "d", "un_observer", "{\"org\":\"org:csto\"}", "null", 100, 10)};
    sd_score_result r;
    CU_ASSERT_EQUAL_FATAL(sd_score_run(g, 1, p, 2, SD_SCORE_VALUE, &r, NULL), SD_OK);
    CU_ASSERT_EQUAL(r.links[0].pred, 0);
    CU_ASSERT_EQUAL(r.links[1].outcome, SD_OUTCOME_SPURIOUS);
    CU_ASSERT_EQUAL(r.links[1].pred, 1);
    sd_score_result_free(&r);
    free_all(g, 1);
    free_all(p, 2);
}

/* fixtures/claims/outcomes: counts of every outcome class in each mode (see its README). */
static void test_outcomes_fixture_counts_every_class_in_each_mode(void)
{
    static const size_t want[SD_SCORE_MODE_COUNT][SD_OUTCOME_COUNT] = {
        [SD_SCORE_STRICT] = {2, 0, 4, 2, 3},
        [SD_SCORE_VALUE] = {3, 0, 3, 2, 3},
        [SD_SCORE_LENIENT] = {3, 1, 2, 2, 3},
    };
    sd_claim_set gold, pred;
    sd_error e;
    sd_error_clear(&e);
    sd_claim_set_init(&gold);
    sd_claim_set_init(&pred);
    CU_ASSERT_EQUAL_FATAL(
        sd_claim_set_load(&gold, SD_TEST_FIXTURES "/claims/outcomes/gold.jsonl", &e), SD_OK);
    CU_ASSERT_EQUAL_FATAL(
        sd_claim_set_load(&pred, SD_TEST_FIXTURES "/claims/outcomes/pred.jsonl", &e), SD_OK);
    CU_ASSERT_EQUAL_FATAL(sd_claim_set_dedupe(&pred, &e), SD_OK);
    for (int m = 0; m < SD_SCORE_MODE_COUNT; m++) {
        sd_score_result r;
        CU_ASSERT_EQUAL_FATAL(sd_score_run(gold.claims, gold.n_claims, pred.claims, pred.n_claims,
                                           (sd_score_mode)m, &r, &e),
                              SD_OK);
        for (int o = 0; o < SD_OUTCOME_COUNT; o++)
            CU_ASSERT_EQUAL(r.overall.n[o], want[m][o]);
        CU_ASSERT_EQUAL(r.overall.gold, 8);
        CU_ASSERT_EQUAL(r.overall.pred, 9);
        sd_score_result_free(&r);
    }
    sd_claim_set_free(&gold);
    sd_claim_set_free(&pred);
}

static void test_gold_scored_against_itself_is_perfect_in_every_mode(void)
{
    sd_claim_set gold;
    sd_error e;
    sd_error_clear(&e);
    sd_claim_set_init(&gold);
    CU_ASSERT_EQUAL_FATAL(sd_claim_set_load(&gold, SD_TEST_FIXTURES "/claims", &e), SD_OK);
    CU_ASSERT_TRUE_FATAL(gold.n_claims > 10);
    for (int m = 0; m < SD_SCORE_MODE_COUNT; m++) {
        sd_score_result r;
        CU_ASSERT_EQUAL_FATAL(sd_score_run(gold.claims, gold.n_claims, gold.claims, gold.n_claims,
                                           (sd_score_mode)m, &r, &e),
                              SD_OK);
        CU_ASSERT_EQUAL(r.overall.n[SD_OUTCOME_CORRECT], gold.n_claims);
        CU_ASSERT_DOUBLE_EQUAL(sd_score_f1(&r.overall), 1.0, 1e-12);
        sd_score_result_free(&r);
    }
    sd_claim_set_free(&gold);
}

static void test_zero_over_zero_is_zero(void)
{
    sd_score_counts c;
    memset(&c, 0, sizeof c);
    CU_ASSERT_DOUBLE_EQUAL(sd_score_precision(&c), 0.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(sd_score_recall(&c), 0.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(sd_score_f1(&c), 0.0, 1e-12);
}

static void test_incorrect_counts_as_false_positive_and_false_negative(void)
{
    sd_score_counts c;
    memset(&c, 0, sizeof c);
    c.n[SD_OUTCOME_CORRECT] = 3;
    c.n[SD_OUTCOME_INEXACT] = 1;
    c.n[SD_OUTCOME_INCORRECT] = 2;
    c.n[SD_OUTCOME_MISSING] = 2;
    c.n[SD_OUTCOME_SPURIOUS] = 3;
    CU_ASSERT_EQUAL(sd_score_tp(&c), 4);
    CU_ASSERT_EQUAL(sd_score_fp(&c), 5);
    CU_ASSERT_EQUAL(sd_score_fn(&c), 4);
    CU_ASSERT_DOUBLE_EQUAL(sd_score_precision(&c), 4.0 / 9.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(sd_score_recall(&c), 0.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(sd_score_f1(&c), 8.0 / 17.0, 1e-12);
}

/* Run sd_cmd_score with stdout and stderr captured into files under SD_TEST_TMP. */
static int run_cmd(const char *const *args, int n, char **out, char **errs)
{
    char *argv[16];
    argv[0] = (char *)(uintptr_t) "score";
    for (int i = 0; i < n; i++)
        argv[i + 1] = (char *)(uintptr_t)args[i];
    FILE *o = fopen(SD_TEST_TMP "/score_out.txt", "wb");
    FILE *e = fopen(SD_TEST_TMP "/score_err.txt", "wb");
    if (o == NULL || e == NULL)
        return -100;
    int rc = sd_cmd_score(n + 1, argv, o, e);
    fclose(o);
    fclose(e);
    if (out != NULL)
        *out = sd_test_read_file(SD_TEST_TMP "/score_out.txt", NULL);
    if (errs != NULL)
        *errs = sd_test_read_file(SD_TEST_TMP "/score_err.txt", NULL);
    return rc;
}

#define OUT_GOLD SD_TEST_FIXTURES "/claims/outcomes/gold.jsonl"
#define OUT_PRED SD_TEST_FIXTURES "/claims/outcomes/pred.jsonl"

static void test_min_f1_gate_exits_1_below_and_0_at_the_threshold(void)
{
    /* Lenient overall F1 of the outcomes fixture is 8/17 = 0.4706 (rounded). */
    const char *at[] = {"--gold", OUT_GOLD, "--pred", OUT_PRED, "--mode", "lenient", "--min-f1",
                        "0.4706"};
    const char *above[] = {"--gold", OUT_GOLD, "--pred", OUT_PRED, "--mode", "lenient",
                           "--min-f1", "0.4707"};
    CU_ASSERT_EQUAL(run_cmd(at, 8, NULL, NULL), 0);
    CU_ASSERT_EQUAL(run_cmd(above, 8, NULL, NULL), 1);
}

static void test_usage_errors_exit_2(void)
{
    const char *no_pred[] = {"--gold", OUT_GOLD};
    const char *bad_mode[] = {"--gold", OUT_GOLD, "--pred", OUT_PRED, "--mode", "fuzzy"};
    const char *bad_gate[] = {"--gold", OUT_GOLD, "--pred", OUT_PRED, "--min-f1", "1.5"};
    CU_ASSERT_EQUAL(run_cmd(no_pred, 2, NULL, NULL), 2);
    CU_ASSERT_EQUAL(run_cmd(bad_mode, 6, NULL, NULL), 2);
    CU_ASSERT_EQUAL(run_cmd(bad_gate, 6, NULL, NULL), 2);
}

static void test_unreadable_path_exits_2(void)
{
    const char *args[] = {"--gold", OUT_GOLD, "--pred", SD_TEST_TMP "/missing-pred.jsonl"};
    char *errs = NULL;
    CU_ASSERT_EQUAL(run_cmd(args, 4, NULL, &errs), 2);
    CU_ASSERT_PTR_NOT_NULL(errs != NULL ? strstr(errs, "missing-pred.jsonl") : NULL);
    free(errs);
}

static void test_bad_lines_are_reported_with_file_and_line_not_fatal(void)
{
    const char *args[] = {"--gold", OUT_GOLD, "--pred", OUT_PRED, "--format", "json"};
    char *out = NULL, *errs = NULL;
    CU_ASSERT_EQUAL(run_cmd(args, 6, &out, &errs), 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    CU_ASSERT_PTR_NOT_NULL_FATAL(errs);
    CU_ASSERT_PTR_NOT_NULL(strstr(errs, "pred.jsonl:5: unknown_type:"));
    CU_ASSERT_PTR_NOT_NULL(strstr(errs, "pred.jsonl:7: malformed:"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"line\": 5, \"kind\": \"unknown_type\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"line\": 7, \"kind\": \"malformed\""));
    free(out);
    free(errs);
}

static void test_json_report_lists_claim_ids_per_class(void)
{
    const char *args[] = {"--gold", OUT_GOLD, "--pred", OUT_PRED, "--format", "json", "--mode",
                          "lenient"};
    char *out = NULL;
    CU_ASSERT_EQUAL(run_cmd(args, 8, &out, NULL), 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "{\"doc\": \"d1\", \"type\": \"secretary_general\", "
                                       "\"gold\": \"g2\", \"pred\": \"p2\", \"differs\": "
                                       "[\"time_precision\"]}"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "{\"doc\": \"d2\", \"type\": \"un_observer\", \"gold\": \"g5\"}"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"f1\": 0.4706}"));
    free(out);
}

static void test_output_file_gets_the_report(void)
{
    const char *path = SD_TEST_TMP "/score_report.json";
    remove(path);
    const char *args[] = {"--gold", OUT_GOLD, "--pred", OUT_PRED, "--format=json", "--output",
                          path};
    char *out = NULL;
    CU_ASSERT_EQUAL(run_cmd(args, 7, &out, NULL), 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    CU_ASSERT_STRING_EQUAL(out, "");
    char *file = sd_test_read_file(path, NULL);
    CU_ASSERT_PTR_NOT_NULL(file != NULL ? strstr(file, "\"schema\": \"sanad-score/1\"") : NULL);
    free(file);
    free(out);
}

void sd_test_register(void)
{
    static const sd_test_case cases[] = {
        SD_TEST(test_claims_of_different_documents_never_pair),
        SD_TEST(test_claims_with_different_key_arguments_never_pair),
        SD_TEST(test_member_order_is_ignored),
        SD_TEST(test_strict_needs_overlapping_evidence_and_value_does_not),
        SD_TEST(test_coarser_time_is_inexact_only_in_lenient_mode),
        SD_TEST(test_lenient_different_year_is_incorrect),
        SD_TEST(test_lenient_different_member_set_is_incorrect),
        SD_TEST(test_time_on_one_side_only_is_a_different_time),
        SD_TEST(test_unknown_argument_keys_are_not_compared),
        SD_TEST(test_two_preds_for_one_gold_nearest_start_wins),
        SD_TEST(test_two_preds_for_one_gold_better_outcome_beats_distance),
        SD_TEST(test_two_golds_for_one_pred_nearest_start_wins),
        SD_TEST(test_equal_distance_takes_the_earlier_gold_line),
        SD_TEST(test_equal_distance_takes_the_earlier_pred_line),
        SD_TEST(test_outcomes_fixture_counts_every_class_in_each_mode),
        SD_TEST(test_gold_scored_against_itself_is_perfect_in_every_mode),
        SD_TEST(test_zero_over_zero_is_zero),
        SD_TEST(test_incorrect_counts_as_false_positive_and_false_negative),
        SD_TEST(test_min_f1_gate_exits_1_below_and_0_at_the_threshold),
        SD_TEST(test_usage_errors_exit_2),
        SD_TEST(test_unreadable_path_exits_2),
        SD_TEST(test_bad_lines_are_reported_with_file_and_line_not_fatal),
        SD_TEST(test_json_report_lists_claim_ids_per_class),
        SD_TEST(test_output_file_gets_the_report),
        SD_TEST_END,
    };
    sd_test_add_suite("score", cases);
}
