/* Specification of `sanad model lint`: for each rule a small model that breaks it (with the exact
 * finding) and one that looks alike but is fine; the bundled model lints clean; and the text the
 * command prints. Models are written with ' for " (see q()). */
#include "cmd_model.h"
#include "lint.h"
#include "model.h"
#include "sd_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ENTITIES                                                                                   \
    "{'id':'org:csto','type':'organization','names':{'fa':'سازمان پیمان امنیت جمعی','en':'CSTO','ru':'ОДКБ'}},\n" \
    "{'id':'org:cis','type':'organization','names':{'fa':'کشورهای مستقل همسود','en':'CIS','ru':'СНГ'}},\n" \
    "{'id':'country:AM','type':'country','names':{'fa':'ارمنستان','en':'Armenia','ru':'Армения'}},\n" \
    "{'id':'country:UZ','type':'country','names':{'fa':'ازبکستان','en':'Uzbekistan','ru':'Узбекистан'}},\n" \
    "{'id':'person:a','type':'person','names':{'fa':'نیکلای بوردیوژا','en':'A','ru':'А'},'short_aliases':['بوردیوژا']},\n" \
    "{'id':'person:b','type':'person','names':{'fa':'یوری خاچاتوروف','en':'B','ru':'Б'}},\n" \
    "{'id':'person:c','type':'person','names':{'fa':'استانیسلاو زاس','en':'C','ru':'В'},'born':'1954-05-27','died':'2020-03'}"

/* An office fact: id, office, scope key ('org' or 'country'), scope id, holder, from, to. */
#define OFFICE(id, office, scope, sid, holder, from, to)                                          \
    "{'id':'fact:" id "','type':'office','office':'" office "','" scope "':'" sid                   \
    "','holder':'" holder "','from':'" from "'" to ",'sources':['src:a']}"
#define TO(d) ",'to':'" d "'"
#define SGF(id, holder, from, to) OFFICE(id, "secretary_general", "org", "org:csto", holder, from, to)
#define MEMBERSHIP(id, country, event, date)                                                       \
    "{'id':'fact:" id "','type':'membership','org':'org:csto','country':'" country "','event':'" event \
    "','date':'" date "','sources':['src:a']}"

static char *model_text(const char *extra_entities, const char *facts)
{
    size_t cap = strlen(ENTITIES) + strlen(facts) + (extra_entities ? strlen(extra_entities) : 0) + 512;
    char *buf = malloc(cap);
    if (buf == NULL)
        return NULL;
    int n = snprintf(buf, cap,
                     "{'schema':'sanad-model/1','name':'t','as_of':'%s',\n"
                     "'sources':[{'id':'src:a','title':'A','url':'https://a.example/'}],\n"
                     "'entities':[\n%s%s%s\n],'facts':[\n%s\n]}\n",
                     "2026-11-01", ENTITIES, extra_entities ? ",\n" : "",
                     extra_entities ? extra_entities : "", facts);
    for (int i = 0; i < n; i++)
        if (buf[i] == '\'')
            buf[i] = '"';
    return buf;
}

/* Load and lint; the model must load. */
static void lint(const char *extra_entities, const char *facts, sd_lint_result *r)
{
    r->items = NULL;
    r->n = 0;
    char *t = model_text(extra_entities, facts);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    sd_model *m = NULL;
    sd_error err;
    int rc = sd_model_load_buffer(&m, "m.json", t, strlen(t), &err);
    free(t);
    if (rc != 0) {
        char msg[1024];
        sd_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "\nlint test model does not load: %s\n", msg);
    }
    CU_ASSERT_EQUAL_FATAL(rc, 0);
    CU_ASSERT_EQUAL(sd_lint_run(m, r, &err), 0);
    sd_model_free(m);
}

static size_t count_rule(const sd_lint_result *r, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n; i++)
        n += strcmp(r->items[i].rule, rule) == 0;
    return n;
}

static const sd_lint_finding *first_of(const sd_lint_result *r, const char *rule)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->items[i].rule, rule) == 0)
            return &r->items[i];
    return NULL;
}

/* The model gives exactly one finding, of this rule, severity, subject and message. */
static void expect_one(const char *extra, const char *facts, const char *rule, sd_lint_severity sev,
                       const char *subject, const char *message)
{
    sd_lint_result r;
    lint(extra, facts, &r);
    CU_ASSERT_EQUAL(r.n, 1);
    const sd_lint_finding *f = first_of(&r, rule);
    CU_ASSERT_PTR_NOT_NULL(f);
    if (f != NULL) {
        CU_ASSERT_EQUAL(f->severity, sev);
        CU_ASSERT_STRING_EQUAL(f->subject, subject);
        CU_ASSERT_STRING_EQUAL(f->message, message);
    }
    sd_lint_free(&r);
}

static void expect_clean(const char *extra, const char *facts)
{
    sd_lint_result r;
    lint(extra, facts, &r);
    CU_ASSERT_EQUAL(r.n, 0);
    for (size_t i = 0; i < r.n; i++)
        fprintf(stderr, "\nunexpected finding %s %s: %s\n", r.items[i].rule, r.items[i].subject,
                r.items[i].message);
    sd_lint_free(&r);
}

/* ---- SD-L001 ----------------------------------------------------------------------------- */

static void test_overlapping_secretaries_general_are_an_error(void)
{
    expect_one(NULL,
               SGF("sg-a", "person:a", "2003-04-28", TO("2016-12-31")) ",\n"
               SGF("sg-b", "person:b", "2016-05-01", ""),
               "SD-L001", SD_LINT_ERROR, "fact:sg-a",
               "fact:sg-a and fact:sg-b overlap: person:a (2003-04-28 to 2016-12-31) and person:b "
               "(2016-05-01 to open) both hold secretary_general of org:csto");
}

static void test_successor_starting_on_the_last_day_is_not_an_overlap(void)
{
    expect_clean(NULL, SGF("sg-a", "person:a", "2003-04-28", TO("2016-12-31")) ",\n"
                       SGF("sg-b", "person:b", "2016-12-31", ""));
}

static void test_open_term_overlaps_every_later_term(void)
{
    sd_lint_result r;
    lint(NULL,
         OFFICE("fm-a", "foreign_minister", "country", "country:AM", "person:a", "2008", "") ",\n"
         OFFICE("fm-b", "foreign_minister", "country", "country:AM", "person:b", "2018-05", TO("2020")),
         &r);
    CU_ASSERT_EQUAL(count_rule(&r, "SD-L001"), 1);
    sd_lint_free(&r);
}

static void test_acting_holder_counts_for_overlap(void)
{
    sd_lint_result r;
    lint(NULL,
         SGF("sg-a", "person:a", "2003-04-28", TO("2016-12-31")) ",\n"
         "{'id':'fact:sg-acting','type':'office','office':'secretary_general','org':'org:csto','holder':'person:b','acting':true,'from':'2016-06-01','to':'2016-12-31','sources':['src:a']}",
         &r);
    const sd_lint_finding *f = first_of(&r, "SD-L001");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message, "person:b (2016-06-01 to 2016-12-31, acting)"));
    sd_lint_free(&r);
}

static void test_same_office_in_different_countries_does_not_overlap(void)
{
    expect_clean(NULL,
                 OFFICE("fm-am", "foreign_minister", "country", "country:AM", "person:a", "2008", TO("2018")) ",\n"
                 OFFICE("fm-uz", "foreign_minister", "country", "country:UZ", "person:b", "2010", TO("2012")));
}

/* ---- SD-L002 ----------------------------------------------------------------------------- */

static void test_withdrawal_before_joining_is_an_error(void)
{
    expect_one(NULL, MEMBERSHIP("uz-withdrew", "country:UZ", "withdrew", "1999-04-02"), "SD-L002",
               SD_LINT_ERROR, "fact:uz-withdrew",
               "country:UZ: withdrew on 1999-04-02 while not a party to org:csto (no earlier event)");
}

static void test_rejoining_while_a_member_is_an_error(void)
{
    expect_one(NULL,
               MEMBERSHIP("uz-signed", "country:UZ", "signed", "1992-05-15") ",\n"
               MEMBERSHIP("uz-in-force", "country:UZ", "in_force", "1994-04-20") ",\n"
               MEMBERSHIP("uz-rejoined", "country:UZ", "rejoined", "2006-08-16"),
               "SD-L002", SD_LINT_ERROR, "fact:uz-rejoined",
               "country:UZ: rejoined on 2006-08-16 while already a member of org:csto (previous "
               "event: fact:uz-in-force, in_force 1994-04-20)");
}

static void test_suspension_when_not_a_member_is_an_error(void)
{
    sd_lint_result r;
    lint(NULL,
         MEMBERSHIP("uz-signed", "country:UZ", "signed", "1992-05-15") ",\n"
         MEMBERSHIP("uz-withdrew", "country:UZ", "withdrew", "1999") ",\n"
         MEMBERSHIP("uz-suspended", "country:UZ", "suspended", "2012-12-19"),
         &r);
    CU_ASSERT_EQUAL(r.n, 1);
    const sd_lint_finding *f = first_of(&r, "SD-L002");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_STRING_EQUAL(f->subject, "fact:uz-suspended");
    sd_lint_free(&r);
}

static void test_a_real_membership_history_is_in_order(void)
{
    expect_clean(NULL,
                 MEMBERSHIP("uz-signed", "country:UZ", "signed", "1992-05-15") ",\n"
                 MEMBERSHIP("uz-in-force", "country:UZ", "in_force", "1994-04-20") ",\n"
                 MEMBERSHIP("uz-withdrew", "country:UZ", "withdrew", "1999") ",\n"
                 MEMBERSHIP("uz-rejoined", "country:UZ", "rejoined", "2006-08-16") ",\n"
                 MEMBERSHIP("uz-suspended", "country:UZ", "suspended", "2012-12-19") ",\n"
                 MEMBERSHIP("am-signed", "country:AM", "signed", "1992-05-15") ",\n"
                 MEMBERSHIP("am-in-force", "country:AM", "in_force", "1994-04-20") ",\n"
                 MEMBERSHIP("am-founding", "country:AM", "founding_member", "2002-10-07") ",\n"
                 MEMBERSHIP("am-froze", "country:AM", "froze_participation", "2024-02"));
}

static void test_events_listed_out_of_date_order_are_an_error(void)
{
    expect_one(NULL,
               MEMBERSHIP("am-in-force", "country:AM", "in_force", "1994-04-20") ",\n"
               MEMBERSHIP("am-signed", "country:AM", "signed", "1992-05-15"),
               "SD-L002", SD_LINT_ERROR, "fact:am-signed",
               "country:AM: fact:am-signed (signed 1992-05-15) is listed after fact:am-in-force "
               "(in_force 1994-04-20); list a country's events in date order");
}

/* ---- SD-L003 ----------------------------------------------------------------------------- */

static void test_gap_between_secretaries_general_is_a_warning(void)
{
    expect_one(NULL,
               SGF("sg-a", "person:a", "2003-04-28", TO("2016-12-31")) ",\n"
               SGF("sg-b", "person:b", "2017-04-01", ""),
               "SD-L003", SD_LINT_WARNING, "fact:sg-a",
               "no secretary_general of org:csto between fact:sg-a (to 2016-12-31) and fact:sg-b "
               "(from 2017-04-01): 90 days");
}

static void test_successor_on_the_next_day_is_no_gap(void)
{
    expect_clean(NULL, SGF("sg-a", "person:a", "2003-04-28", TO("2016-12-31")) ",\n"
                       SGF("sg-b", "person:b", "2017-01-01", ""));
}

static void test_month_precision_end_covers_the_whole_month(void)
{
    expect_clean(NULL, SGF("sg-a", "person:a", "2003-04-28", TO("2016-12")) ",\n"
                       SGF("sg-b", "person:b", "2017-01-01", ""));
}

static void test_gap_in_the_chair_is_a_warning(void)
{
    sd_lint_result r;
    lint(NULL,
         OFFICE("chair-am", "chair", "org", "org:csto", "country:AM", "2022-01-01", TO("2022-11-23")) ",\n"
         OFFICE("chair-uz", "chair", "org", "org:csto", "country:UZ", "2023-01-01", ""),
         &r);
    CU_ASSERT_EQUAL(r.n, 1);
    const sd_lint_finding *f = first_of(&r, "SD-L003");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->severity, SD_LINT_WARNING);
    CU_ASSERT_STRING_EQUAL(f->message, "no chair of org:csto between fact:chair-am (to 2022-11-23) "
                                       "and fact:chair-uz (from 2023-01-01): 38 days");
    sd_lint_free(&r);
}

static void test_gap_between_foreign_ministers_is_not_checked(void)
{
    expect_clean(NULL,
                 OFFICE("fm-a", "foreign_minister", "country", "country:AM", "person:a", "2008", TO("2010")) ",\n"
                 OFFICE("fm-b", "foreign_minister", "country", "country:AM", "person:b", "2014", TO("2016")));
}

static void test_last_term_ending_before_as_of_is_a_gap(void)
{
    sd_lint_result r;
    lint(NULL, SGF("sg-a", "person:a", "2003-04-28", TO("2016-12-31")), &r);
    const sd_lint_finding *f = first_of(&r, "SD-L003");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_STRING_EQUAL(f->message, "no secretary_general of org:csto after fact:sg-a (to "
                                       "2016-12-31) up to the model's as_of 2026-11-01: 3591 days");
    sd_lint_free(&r);
}

/* ---- SD-L004 ----------------------------------------------------------------------------- */

static void test_aliases_folding_to_one_key_are_an_error(void)
{
    /* Arabic yeh and kaf against Persian yeh and keh: the same key after folding. */
    expect_one("{'id':'person:d','type':'person','names':{'fa':'نيكلاي بورديوژا','en':'D','ru':'Д'}}",
               SGF("sg-a", "person:a", "2003-04-28", ""), "SD-L004", SD_LINT_ERROR, "person:a",
               "name \"نیکلای بوردیوژا\" of person:a and name \"نيكلاي بورديوژا\" of person:d fold to "
               "the same key \"نیکلایبوردیوژا\"");
}

static void test_two_short_aliases_may_share_a_key(void)
{
    expect_clean("{'id':'person:d','type':'person','names':{'fa':'ایگور بوردیوژا','en':'D','ru':'Д'},'short_aliases':['بوردیوژا']}",
                 SGF("sg-a", "person:a", "2003-04-28", ""));
}

static void test_short_alias_equal_to_another_name_is_an_error(void)
{
    sd_lint_result r;
    lint("{'id':'person:d','type':'person','names':{'fa':'بوردیوژا','en':'D','ru':'Д'}}",
         SGF("sg-a", "person:a", "2003-04-28", ""), &r);
    CU_ASSERT_EQUAL(count_rule(&r, "SD-L004"), 1);
    sd_lint_free(&r);
}

static void test_alias_repeating_its_own_name_is_not_a_collision(void)
{
    expect_clean("{'id':'person:d','type':'person','names':{'fa':'ایگور','en':'D','ru':'Д'},'aliases':['ايگور']}",
                 SGF("sg-a", "person:a", "2003-04-28", ""));
}

/* ---- SD-L005 ----------------------------------------------------------------------------- */

static void test_office_before_birth_is_an_error(void)
{
    expect_one(NULL, OFFICE("fm-c", "foreign_minister", "country", "country:AM", "person:c", "1950", TO("1953")),
               "SD-L005", SD_LINT_ERROR, "fact:fm-c",
               "person:c holds foreign_minister of country:AM from 1950 but was born in 1954-05-27");
}

static void test_open_term_after_death_is_an_error(void)
{
    expect_one(NULL, SGF("sg-c", "person:c", "2017-01-01", ""), "SD-L005", SD_LINT_ERROR,
               "fact:sg-c", "person:c holds secretary_general of org:csto with no end but died in 2020-03");
}

static void test_term_ending_in_the_month_of_death_is_fine(void)
{
    expect_clean(NULL, SGF("sg-c", "person:c", "2017-01-01", TO("2020-03-15")) ",\n"
                       SGF("sg-b", "person:b", "2020-03-15", ""));
}

/* ---- SD-L006 ----------------------------------------------------------------------------- */

static void test_fact_with_empty_sources_is_an_error(void)
{
    expect_one(NULL,
               "{'id':'fact:un','type':'status','status':'un_observer','org':'org:csto','date':'2004-12-02','sources':[]}",
               "SD-L006", SD_LINT_ERROR, "fact:un", "fact:un has an empty sources array");
}

static void test_fact_with_a_source_is_fine(void)
{
    expect_clean(NULL,
                 "{'id':'fact:un','type':'status','status':'un_observer','org':'org:csto','date':'2004-12-02','sources':['src:a']}");
}

/* ---- the bundled model and the command --------------------------------------------------- */

static void test_bundled_model_lints_clean(void)
{
    if (access(SD_TEST_MODEL, F_OK) != 0) {
        CU_FAIL("validator/data/model/csto.json does not exist yet");
        return;
    }
    sd_model *m = NULL;
    sd_error err;
    CU_ASSERT_EQUAL_FATAL(sd_model_load(&m, SD_TEST_MODEL, &err), 0);
    sd_lint_result r;
    CU_ASSERT_EQUAL(sd_lint_run(m, &r, &err), 0);
    for (size_t i = 0; i < r.n; i++)
        fprintf(stderr, "\ncsto.json: %s %s %s: %s", sd_lint_severity_name(r.items[i].severity),
                r.items[i].rule, r.items[i].subject, r.items[i].message);
    CU_ASSERT_EQUAL(r.n, 0);
    sd_lint_free(&r);
    sd_model_free(m);
}

static void test_severity_names(void)
{
    CU_ASSERT_STRING_EQUAL(sd_lint_severity_name(SD_LINT_ERROR), "error");
    CU_ASSERT_STRING_EQUAL(sd_lint_severity_name(SD_LINT_WARNING), "warning");
}

/* Run `sanad model ARGS` on a model written to the scratch dir; captures stdout and stderr. */
static int run_cmd(const char *facts, char *verb, char *out, size_t outcap, char *err,
                   size_t errcap)
{
    const char *path = SD_TEST_TMP "/lint-cmd.json";
    char *t = model_text(NULL, facts);
    FILE *f = fopen(path, "wb");
    if (t == NULL || f == NULL) {
        free(t);
        if (f != NULL)
            fclose(f);
        return -1;
    }
    fputs(t, f);
    fclose(f);
    free(t);
    FILE *o = tmpfile(), *e = tmpfile();
    if (o == NULL || e == NULL)
        return -1;
    char model[] = "model", file[] = SD_TEST_TMP "/lint-cmd.json";
    char *argv[] = {model, verb, file, NULL};
    int code = sd_cmd_model(3, argv, o, e);
    rewind(o);
    rewind(e);
    size_t n = fread(out, 1, outcap - 1, o);
    out[n] = '\0';
    n = fread(err, 1, errcap - 1, e);
    err[n] = '\0';
    fclose(o);
    fclose(e);
    return code;
}

static void test_lint_command_prints_findings_and_a_summary(void)
{
    char out[4096], err[1024];
    int code = run_cmd(SGF("sg-a", "person:a", "2003-04-28", TO("2016-12-31")) ",\n"
                       SGF("sg-b", "person:b", "2016-05-01", ""),
                       "lint", out, sizeof out, err, sizeof err);
    CU_ASSERT_EQUAL(code, 1);
    CU_ASSERT_STRING_EQUAL(out, "error SD-L001 fact:sg-a: fact:sg-a and fact:sg-b overlap: person:a "
                                "(2003-04-28 to 2016-12-31) and person:b (2016-05-01 to open) both "
                                "hold secretary_general of org:csto\n"
                                "1 finding (1 error, 0 warnings)\n");
    CU_ASSERT_STRING_EQUAL(err, "");
}

static void test_lint_command_reports_a_clean_model(void)
{
    char out[4096], err[1024];
    int code = run_cmd(SGF("sg-a", "person:a", "2003-04-28", ""), "lint", out, sizeof out, err,
                       sizeof err);
    CU_ASSERT_EQUAL(code, 0);
    CU_ASSERT_STRING_EQUAL(out, "model OK: 7 entities, 1 alias, 1 fact, 1 source\n");
}

static void test_lint_command_exits_2_when_the_model_does_not_load(void)
{
    char out[4096], err[1024];
    int code = run_cmd(SGF("sg-a", "person:nobody", "2003-04-28", ""), "lint", out, sizeof out,
                       err, sizeof err);
    CU_ASSERT_EQUAL(code, 2);
    CU_ASSERT_STRING_EQUAL(out, "");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "facts[0].holder: unknown entity \"person:nobody\"\n"));
}

static void test_model_command_rejects_an_unknown_verb(void)
{
    char out[4096], err[2048];
    CU_ASSERT_EQUAL(run_cmd(SGF("sg-a", "person:a", "2003", ""), "check", out, sizeof out, err,
                            sizeof err), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "unknown command \"check\""));
}

static void test_stats_command_counts_entities_by_type(void)
{
    char out[4096], err[1024];
    CU_ASSERT_EQUAL(run_cmd(SGF("sg-a", "person:a", "2003", ""), "stats", out, sizeof out, err,
                            sizeof err), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "entities: 7 (country 2, person 3, organization 2)\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "facts:    1 (office 1)\n"));
}

void sd_test_register(void)
{
    static const sd_test_case rule_cases[] = {
        SD_TEST(test_overlapping_secretaries_general_are_an_error),
        SD_TEST(test_successor_starting_on_the_last_day_is_not_an_overlap),
        SD_TEST(test_open_term_overlaps_every_later_term),
        SD_TEST(test_acting_holder_counts_for_overlap),
        SD_TEST(test_same_office_in_different_countries_does_not_overlap),
        SD_TEST(test_withdrawal_before_joining_is_an_error),
        SD_TEST(test_rejoining_while_a_member_is_an_error),
        SD_TEST(test_suspension_when_not_a_member_is_an_error),
        SD_TEST(test_a_real_membership_history_is_in_order),
        SD_TEST(test_events_listed_out_of_date_order_are_an_error),
        SD_TEST(test_gap_between_secretaries_general_is_a_warning),
        SD_TEST(test_successor_on_the_next_day_is_no_gap),
        SD_TEST(test_month_precision_end_covers_the_whole_month),
        SD_TEST(test_gap_in_the_chair_is_a_warning),
        SD_TEST(test_gap_between_foreign_ministers_is_not_checked),
        SD_TEST(test_last_term_ending_before_as_of_is_a_gap),
        SD_TEST(test_aliases_folding_to_one_key_are_an_error),
        SD_TEST(test_two_short_aliases_may_share_a_key),
        SD_TEST(test_short_alias_equal_to_another_name_is_an_error),
        SD_TEST(test_alias_repeating_its_own_name_is_not_a_collision),
        SD_TEST(test_office_before_birth_is_an_error),
        SD_TEST(test_open_term_after_death_is_an_error),
        SD_TEST(test_term_ending_in_the_month_of_death_is_fine),
        SD_TEST(test_fact_with_empty_sources_is_an_error),
        SD_TEST(test_fact_with_a_source_is_fine),
        SD_TEST_END,
    };
    static const sd_test_case model_cases[] = {
        SD_TEST(test_bundled_model_lints_clean),
        SD_TEST(test_severity_names),
        SD_TEST(test_lint_command_prints_findings_and_a_summary),
        SD_TEST(test_lint_command_reports_a_clean_model),
        SD_TEST(test_lint_command_exits_2_when_the_model_does_not_load),
        SD_TEST(test_model_command_rejects_an_unknown_verb),
        SD_TEST(test_stats_command_counts_entities_by_type),
        SD_TEST_END,
    };
    sd_test_add_suite("lint_rules", rule_cases);
    sd_test_add_suite("lint_command", model_cases);
}
