/* Specification of reconcile: the cross-document key of each claim type, conflicts between
 * documents, the date window from named office holders, and the stable fingerprint. */
#include "check.h"
#include "model.h"
#include "reconcile.h"
#include "sd_test.h"
#include "util.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static const sd_model *model(void)
{
    return sd_test_verify_model();
}

static void make(sd_article_claim *c, sd_claim_type type, const char *args, const char *time,
                 bool from_publication)
{
    /* c is zeroed by the caller, or carries the evidence sd_test_push_claim gave it. */
    c->type = type;
    c->args = sd_test_args(args);
    CU_ASSERT_PTR_NOT_NULL(c->args);
    c->modality = SD_MODALITY_ASSERTED;
    if (time != NULL)
        c->has_time = sd_date_parse_iso(time, &c->time) == 0;
    c->from_publication = from_publication;
}

/* A hand-built document result. published may be NULL. */
static sd_doc_result *add_doc(sd_check_results *res, const char *id, const char *published)
{
    if (res->n == res->cap) {
        size_t cap = res->cap ? res->cap * 2 : 4;
        sd_doc_result *g = realloc(res->docs, cap * sizeof *g);
        CU_ASSERT_PTR_NOT_NULL_FATAL(g);
        res->docs = g;
        res->cap = cap;
    }
    sd_doc_result *r = &res->docs[res->n++];
    memset(r, 0, sizeof *r);
    r->id = sd_strdup(id);
    r->origin = sd_strdup(id);
    r->published_from = "";
    if (published != NULL && sd_date_parse_iso(published, &r->published) == 0)
        r->published_from = "meta";
    r->dates = cJSON_CreateArray();
    r->entities = cJSON_CreateArray();
    return r;
}

static sd_article_claim *add_claim(sd_doc_result *r, sd_claim_type type, const char *args,
                                   const char *time, bool from_publication, const char *evidence)
{
    sd_article_claim *c = sd_test_push_claim(r, "test", evidence, 10, 2);
    make(c, type, args, time, from_publication);
    return c;
}

static cJSON *conflicts(const sd_check_results *res)
{
    sd_error e;
    sd_error_clear(&e);
    CU_ASSERT_PTR_NOT_NULL(model());
    cJSON *c = sd_reconcile_conflicts(model(), res, &e);
    CU_ASSERT_PTR_NOT_NULL(c);
    return c;
}

/* Key and value of one claim; returns whether it takes part. */
static bool key_of(sd_claim_type type, const char *args, const char *time, bool from_pub,
                   char *key, char *value)
{
    sd_article_claim c = {0};
    make(&c, type, args, time, from_pub);
    bool ok = sd_reconcile_key(&c, key, 256, value, 512);
    sd_article_claim_clear(&c);
    return ok;
}

/* ------------------------------------------------------------ keys */

static void test_key_of_founding_list_is_sorted_members_with_date(void)
{
    char key[256], value[512];
    CU_ASSERT_TRUE_FATAL(key_of(SD_CLAIM_FOUNDING_MEMBERS,
                                "{'org':'org:csto','members':['country:RU','country:AM']}", "1992",
                                false, key, value));
    CU_ASSERT_STRING_EQUAL(key, "founding_members|org:csto");
    CU_ASSERT_STRING_EQUAL(value, "1992:country:AM,country:RU");
}

/* The appointment decision and the start of the term are different events (Zas was appointed
 * on 2019-11-28 and started on 2020-01-01): they must not be compared as one value. */
static void test_key_of_sg_appointment_is_apart_from_its_start(void)
{
    char k1[256], v1[512], k2[256], v2[512];
    CU_ASSERT_TRUE_FATAL(key_of(SD_CLAIM_SECRETARY_GENERAL,
                                "{'org':'org:csto','person':'person:zas','event':'appointed'}",
                                "2019-11-28", false, k1, v1));
    CU_ASSERT_TRUE_FATAL(key_of(SD_CLAIM_SECRETARY_GENERAL,
                                "{'org':'org:csto','person':'person:zas','event':'starts'}",
                                "2020-01-01", false, k2, v2));
    CU_ASSERT_STRING_EQUAL(k1, "secretary_general|person:zas|appointed");
    CU_ASSERT_STRING_EQUAL(k2, "secretary_general|person:zas|starts");
    CU_ASSERT_STRING_EQUAL(v1, "2019-11-28");
}

static void test_key_of_sg_removal_is_its_end(void)
{
    char key[256], value[512];
    CU_ASSERT_TRUE_FATAL(key_of(SD_CLAIM_SECRETARY_GENERAL,
                                "{'org':'org:csto','person':'person:khachaturov','event':'removed'}",
                                "2018-11-02", false, key, value));
    CU_ASSERT_STRING_EQUAL(key, "secretary_general|person:khachaturov|ends");
    CU_ASSERT_STRING_EQUAL(value, "2018-11-02");
}

static void test_key_of_sg_holds_is_none(void)
{
    char key[256], value[512];
    CU_ASSERT_FALSE(key_of(SD_CLAIM_SECRETARY_GENERAL,
                           "{'org':'org:csto','person':'person:zas','event':'holds'}", "2021",
                           false, key, value));
}

/* A country chairs again and again (Belarus in 2016-17 and in 2023): only starts of the same
 * year can disagree, so the year is part of the key. */
static void test_key_of_chair_start_is_by_country_and_year(void)
{
    char key[256], value[512];
    CU_ASSERT_TRUE_FATAL(key_of(SD_CLAIM_CHAIRMANSHIP,
                                "{'org':'org:csto','country':'country:KG','event':'starts'}", "2025",
                                false, key, value));
    CU_ASSERT_STRING_EQUAL(key, "chairmanship|country:KG|starts|2025");
    CU_ASSERT_STRING_EQUAL(value, "2025");
}

static void test_key_of_summit_is_its_day_and_value_its_city(void)
{
    char key[256], value[512];
    CU_ASSERT_TRUE_FATAL(key_of(SD_CLAIM_SUMMIT, "{'org':'org:csto','city':'city:astana'}",
                                "2018-11-08", false, key, value));
    CU_ASSERT_STRING_EQUAL(key, "summit|org:csto|2018-11-08");
    CU_ASSERT_STRING_EQUAL(value, "city:astana");
}

static void test_key_of_summit_needs_a_day(void)
{
    char key[256], value[512];
    CU_ASSERT_FALSE(key_of(SD_CLAIM_SUMMIT, "{'org':'org:csto','city':'city:astana'}", "2018-11",
                           false, key, value));
}

static void test_key_of_summit_at_publication_date_is_none(void)
{
    char key[256], value[512];
    CU_ASSERT_FALSE(key_of(SD_CLAIM_SUMMIT, "{'org':'org:csto','city':'city:astana'}",
                           "2018-11-08", true, key, value));
}

static void test_key_of_observer_is_its_date(void)
{
    char key[256], value[512];
    CU_ASSERT_TRUE_FATAL(key_of(SD_CLAIM_UN_OBSERVER, "{'org':'org:csto'}", "2004-12-02", false,
                                key, value));
    CU_ASSERT_STRING_EQUAL(key, "un_observer|org:csto");
    CU_ASSERT_STRING_EQUAL(value, "2004-12-02");
}

static void test_key_of_crrf_is_its_date(void)
{
    char key[256], value[512];
    CU_ASSERT_TRUE_FATAL(key_of(SD_CLAIM_RAPID_REACTION_FORCE,
                                "{'org':'org:csto','event':'decided'}", "2009-02", false, key,
                                value));
    CU_ASSERT_STRING_EQUAL(key, "rapid_reaction_force|org:csto");
    CU_ASSERT_STRING_EQUAL(value, "2009-02");
}

static void test_key_of_undated_event_is_none(void)
{
    char key[256], value[512];
    CU_ASSERT_FALSE(key_of(SD_CLAIM_UN_OBSERVER, "{'org':'org:csto'}", NULL, false, key, value));
    CU_ASSERT_FALSE(key_of(SD_CLAIM_SECRETARY_GENERAL,
                           "{'org':'org:csto','person':'person:zas','event':'starts'}", NULL,
                           false, key, value));
}

static void test_key_of_opinion_is_none(void)
{
    sd_article_claim c = {0};
    make(&c, SD_CLAIM_UN_OBSERVER, "{'org':'org:csto'}", "2004-12-02", false);
    c.modality = SD_MODALITY_OPINION;
    char key[256], value[512];
    CU_ASSERT_FALSE(sd_reconcile_key(&c, key, sizeof key, value, sizeof value));
    sd_article_claim_clear(&c);
}

static void test_key_of_office_holder_is_none(void)
{
    char key[256], value[512];
    CU_ASSERT_FALSE(key_of(SD_CLAIM_OFFICE_HOLDER,
                           "{'office':'head_of_state','country':'country:RU','person':'person:putin'}",
                           "2015", false, key, value));
}

/* Was a bug, now fixed: a summit claim may name its host by "body" instead of
 * "org" (CLAIMS.md one_of "host"), but sd_reconcile_key formats the missing "org" with %s:
 *   key_of(SD_CLAIM_SUMMIT, {"body":"body:csto-csc","city":"city:astana"}, 2018-11-08)
 *   -> key "summit|(null)|2018-11-08" with glibc (passing NULL to %s is undefined behaviour).
 * Expected: a key that names the host (the body or its organization), never "(null)".
 * Left out of the table until fixed; the test as it should pass: */
static void test_key_of_summit_by_body_names_the_host(void)
{
    char key[256], value[512];
    CU_ASSERT_TRUE_FATAL(key_of(SD_CLAIM_SUMMIT, "{'body':'body:csto-csc','city':'city:astana'}",
                                "2018-11-08", false, key, value));
    CU_ASSERT_PTR_NULL(strstr(key, "(null)"));
}

/* ------------------------------------------------------------ conflicts */

static void test_two_documents_disagreeing_make_one_conflict(void)
{
    sd_check_results res = {0};
    add_claim(add_doc(&res, "doc-a", "2020-01-01"), SD_CLAIM_UN_OBSERVER, "{'org':'org:csto'}",
              "2004-12-02", false, "evidence a");
    add_claim(add_doc(&res, "doc-b", "2020-01-01"), SD_CLAIM_UN_OBSERVER, "{'org':'org:csto'}",
              "2004-12-03", false, "evidence b");
    cJSON *cs = conflicts(&res);
    CU_ASSERT_EQUAL_FATAL(cJSON_GetArraySize(cs), 1);
    const cJSON *c = cJSON_GetArrayItem(cs, 0);
    CU_ASSERT_STRING_EQUAL(cJSON_GetStringValue(cJSON_GetObjectItem(c, "type")), "conflict");
    CU_ASSERT_STRING_EQUAL(cJSON_GetStringValue(cJSON_GetObjectItem(c, "claim_type")),
                           "un_observer");
    CU_ASSERT_STRING_EQUAL(cJSON_GetStringValue(cJSON_GetObjectItem(c, "key")),
                           "un_observer|org:csto");
    const cJSON *sides = cJSON_GetObjectItem(c, "sides");
    CU_ASSERT_EQUAL_FATAL(cJSON_GetArraySize(sides), 2);
    const cJSON *a = cJSON_GetArrayItem(sides, 0), *b = cJSON_GetArrayItem(sides, 1);
    CU_ASSERT_STRING_EQUAL(cJSON_GetStringValue(cJSON_GetObjectItem(a, "doc")), "doc-a");
    CU_ASSERT_STRING_EQUAL(cJSON_GetStringValue(cJSON_GetObjectItem(a, "value")), "2004-12-02");
    CU_ASSERT_STRING_EQUAL(cJSON_GetStringValue(cJSON_GetObjectItem(b, "doc")), "doc-b");
    CU_ASSERT_STRING_EQUAL(cJSON_GetStringValue(cJSON_GetObjectItem(b, "value")), "2004-12-03");
    const cJSON *ev = cJSON_GetObjectItem(b, "evidence");
    CU_ASSERT_STRING_EQUAL(cJSON_GetStringValue(cJSON_GetObjectItem(ev, "text")), "evidence b");
    CU_ASSERT_EQUAL(cJSON_GetObjectItem(ev, "line")->valueint, 2);
    CU_ASSERT_EQUAL(cJSON_GetObjectItem(ev, "start")->valueint, 10);
    const char *fp = cJSON_GetStringValue(cJSON_GetObjectItem(c, "fingerprint"));
    CU_ASSERT_TRUE(fp != NULL && strlen(fp) == 16);
    cJSON_Delete(cs);
    sd_check_results_free(&res);
}

static void test_same_date_at_coarser_precision_is_no_conflict(void)
{
    sd_check_results res = {0};
    add_claim(add_doc(&res, "doc-a", NULL), SD_CLAIM_RAPID_REACTION_FORCE,
              "{'org':'org:csto','event':'decided'}", "2009", false, "a");
    add_claim(add_doc(&res, "doc-b", NULL), SD_CLAIM_RAPID_REACTION_FORCE,
              "{'org':'org:csto','event':'decided'}", "2009-02-04", false, "b");
    cJSON *cs = conflicts(&res);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(cs), 0);
    cJSON_Delete(cs);
    sd_check_results_free(&res);
}

static void test_same_document_twice_is_no_conflict(void)
{
    sd_check_results res = {0};
    sd_doc_result *r = add_doc(&res, "doc-a", NULL);
    add_claim(r, SD_CLAIM_UN_OBSERVER, "{'org':'org:csto'}", "2004-12-02", false, "a");
    add_claim(r, SD_CLAIM_UN_OBSERVER, "{'org':'org:csto'}", "2005-01-01", false, "b");
    cJSON *cs = conflicts(&res);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(cs), 0);
    cJSON_Delete(cs);
    sd_check_results_free(&res);
}

static void test_summit_cities_disagreeing_make_a_conflict(void)
{
    sd_check_results res = {0};
    add_claim(add_doc(&res, "doc-a", NULL), SD_CLAIM_SUMMIT,
              "{'org':'org:csto','city':'city:astana'}", "2018-11-08", false, "a");
    add_claim(add_doc(&res, "doc-b", NULL), SD_CLAIM_SUMMIT,
              "{'org':'org:csto','city':'city:minsk'}", "2018-11-08", false, "b");
    add_claim(add_doc(&res, "doc-c", NULL), SD_CLAIM_SUMMIT,
              "{'org':'org:csto','city':'city:minsk'}", "2018-11-09", false, "c");
    cJSON *cs = conflicts(&res);
    CU_ASSERT_EQUAL_FATAL(cJSON_GetArraySize(cs), 1);
    CU_ASSERT_STRING_EQUAL(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(cs, 0),
                                                                    "key")),
                           "summit|org:csto|2018-11-08");
    cJSON_Delete(cs);
    sd_check_results_free(&res);
}

static void test_opinions_take_no_part_in_conflicts(void)
{
    sd_check_results res = {0};
    add_claim(add_doc(&res, "doc-a", NULL), SD_CLAIM_UN_OBSERVER, "{'org':'org:csto'}",
              "2004-12-02", false, "a");
    sd_article_claim *c = add_claim(add_doc(&res, "doc-b", NULL), SD_CLAIM_UN_OBSERVER,
                                    "{'org':'org:csto'}", "2007", false, "b");
    c->modality = SD_MODALITY_OPINION;
    cJSON *cs = conflicts(&res);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(cs), 0);
    cJSON_Delete(cs);
    sd_check_results_free(&res);
}

/* Was a bug, now fixed: founding-list values are compared as whole strings,
 * date included, so the same list at two precisions conflicts:
 *   doc-a founding_members {org:csto, members:[AM,RU]} @ 1992
 *   doc-b founding_members {org:csto, members:[AM,RU]} @ 1992-05-15
 *   -> 1 conflict "doc-a says 1992:country:AM,country:RU; doc-b says 1992-05-15:country:AM,..."
 * Expected: no conflict (dates compare at the coarser precision, as for every other key).
 * Left out of the table until fixed; the test as it should pass: */
static void test_same_founding_list_at_coarser_precision_is_no_conflict(void)
{
    sd_check_results res = {0};
    add_claim(add_doc(&res, "doc-a", NULL), SD_CLAIM_FOUNDING_MEMBERS,
              "{'org':'org:csto','members':['country:AM','country:RU']}", "1992", false, "a");
    add_claim(add_doc(&res, "doc-b", NULL), SD_CLAIM_FOUNDING_MEMBERS,
              "{'org':'org:csto','members':['country:RU','country:AM']}", "1992-05-15", false, "b");
    cJSON *cs = conflicts(&res);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(cs), 0);
    cJSON_Delete(cs);
    sd_check_results_free(&res);
}

static void test_founding_lists_in_any_order_are_the_same(void)
{
    sd_check_results res = {0};
    add_claim(add_doc(&res, "doc-a", NULL), SD_CLAIM_FOUNDING_MEMBERS,
              "{'org':'org:csto','members':['country:AM','country:RU']}", "1992", false, "a");
    add_claim(add_doc(&res, "doc-b", NULL), SD_CLAIM_FOUNDING_MEMBERS,
              "{'org':'org:csto','members':['country:RU','country:AM']}", "1992", false, "b");
    cJSON *cs = conflicts(&res);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(cs), 0);
    cJSON_Delete(cs);
    sd_check_results_free(&res);
}

static void test_different_founding_lists_conflict(void)
{
    sd_check_results res = {0};
    add_claim(add_doc(&res, "doc-a", NULL), SD_CLAIM_FOUNDING_MEMBERS,
              "{'org':'org:csto','members':['country:AM','country:RU']}", "1992", false, "a");
    add_claim(add_doc(&res, "doc-b", NULL), SD_CLAIM_FOUNDING_MEMBERS,
              "{'org':'org:csto','members':['country:BY','country:RU']}", "1992", false, "b");
    cJSON *cs = conflicts(&res);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(cs), 1);
    cJSON_Delete(cs);
    sd_check_results_free(&res);
}

/* ------------------------------------------------------------ date windows */

#define HOS(person, country) \
    "{'office':'head_of_state','country':'country:" country "','person':'person:" person "'}"

static sd_doc_result *windowed(sd_check_results *res, const char *published, const char *p1,
                               const char *c1, const char *p2, const char *c2)
{
    sd_doc_result *r = add_doc(res, "doc-w", published);
    char a[256];
    snprintf(a, sizeof a, "{'office':'head_of_state','country':'country:%s','person':'person:%s'}",
             c1, p1);
    add_claim(r, SD_CLAIM_OFFICE_HOLDER, a, published, true, "p1");
    snprintf(a, sizeof a, "{'office':'head_of_state','country':'country:%s','person':'person:%s'}",
             c2, p2);
    add_claim(r, SD_CLAIM_OFFICE_HOLDER, a, published, true, "p2");
    sd_error e;
    sd_error_clear(&e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(model());
    CU_ASSERT_EQUAL(sd_reconcile_windows(model(), res, &e), SD_OK);
    return r;
}

static void test_window_is_the_intersection_of_the_terms(void)
{
    sd_check_results res = {0};
    sd_doc_result *r = windowed(&res, "2010-01-01", "medvedev", "RU", "nazarbayev", "KZ");
    CU_ASSERT_TRUE(r->has_window);
    char from[11], to[11];
    sd_date_format(r->window_from, from);
    sd_date_format(r->window_to, to);
    CU_ASSERT_STRING_EQUAL(from, "2008-05-07");
    CU_ASSERT_STRING_EQUAL(to, "2012-05-07");
    CU_ASSERT_FALSE(r->window_conflict);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r->window_reason);
    CU_ASSERT_PTR_NOT_NULL(strstr(r->window_reason,
                                  "Dmitry Medvedev was president of Russia from 2008-05-07 to "
                                  "2012-05-07"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r->window_reason,
                                  "Nursultan Nazarbayev was president of Kazakhstan from "
                                  "1990-04-24 to 2019-03-20"));
    sd_check_results_free(&res);
}

static void test_window_with_an_open_term_has_no_end(void)
{
    sd_check_results res = {0};
    sd_doc_result *r = windowed(&res, "2022-01-01", "tokayev", "KZ", "putin", "RU");
    CU_ASSERT_TRUE(r->has_window);
    char from[11];
    sd_date_format(r->window_from, from);
    CU_ASSERT_STRING_EQUAL(from, "2019-03-20");
    CU_ASSERT_EQUAL(r->window_to.prec, SD_PREC_NONE);
    CU_ASSERT_PTR_NOT_NULL(strstr(r->window_reason, "to the present"));
    CU_ASSERT_FALSE(r->window_conflict);
    sd_check_results_free(&res);
}

static void test_window_of_terms_that_never_overlap_is_empty(void)
{
    sd_check_results res = {0};
    sd_doc_result *r = windowed(&res, "2010-01-01", "medvedev", "RU", "tokayev", "KZ");
    CU_ASSERT_FALSE(r->has_window);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r->window_reason);
    CU_ASSERT_PTR_NOT_NULL(strstr(r->window_reason, "never overlap"));
    CU_ASSERT_TRUE(r->window_conflict);
    sd_check_results_free(&res);
}

static void test_stated_date_after_the_window_is_a_conflict(void)
{
    sd_check_results res = {0};
    sd_doc_result *r = windowed(&res, "2020-01-01", "medvedev", "RU", "nazarbayev", "KZ");
    CU_ASSERT_TRUE(r->has_window);
    CU_ASSERT_TRUE(r->window_conflict);
    sd_check_results_free(&res);
}

static void test_stated_date_before_the_window_is_a_conflict(void)
{
    sd_check_results res = {0};
    sd_doc_result *r = windowed(&res, "2005-01-01", "medvedev", "RU", "nazarbayev", "KZ");
    CU_ASSERT_TRUE(r->window_conflict);
    sd_check_results_free(&res);
}

static void test_as_of_date_is_never_a_window_conflict(void)
{
    sd_check_results res = {0};
    sd_doc_result *r = add_doc(&res, "doc-w", "2020-01-01");
    r->published_from = "as-of";
    add_claim(r, SD_CLAIM_OFFICE_HOLDER, HOS("medvedev", "RU"), "2020-01-01", true, "p");
    sd_error e;
    CU_ASSERT_PTR_NOT_NULL_FATAL(model());
    CU_ASSERT_EQUAL(sd_reconcile_windows(model(), &res, &e), SD_OK);
    CU_ASSERT_TRUE(r->has_window);
    CU_ASSERT_FALSE(r->window_conflict);
    sd_check_results_free(&res);
}

static void test_document_without_office_holders_has_no_window(void)
{
    sd_check_results res = {0};
    sd_doc_result *r = add_doc(&res, "doc-w", "2020-01-01");
    add_claim(r, SD_CLAIM_UN_OBSERVER, "{'org':'org:csto'}", "2004", false, "p");
    sd_error e;
    CU_ASSERT_PTR_NOT_NULL_FATAL(model());
    CU_ASSERT_EQUAL(sd_reconcile_windows(model(), &res, &e), SD_OK);
    CU_ASSERT_FALSE(r->has_window);
    CU_ASSERT_PTR_NULL(r->window_reason);
    CU_ASSERT_FALSE(r->window_conflict);
    sd_check_results_free(&res);
}

static void test_window_uses_secretary_general_titles(void)
{
    sd_check_results res = {0};
    sd_doc_result *r = add_doc(&res, "doc-w", "2021-01-01");
    add_claim(r, SD_CLAIM_SECRETARY_GENERAL,
              "{'org':'org:csto','person':'person:zas','event':'holds'}", "2021-01-01", true, "p");
    sd_error e;
    CU_ASSERT_PTR_NOT_NULL_FATAL(model());
    CU_ASSERT_EQUAL(sd_reconcile_windows(model(), &res, &e), SD_OK);
    CU_ASSERT_TRUE(r->has_window);
    char to[11];
    sd_date_format(r->window_to, to);
    CU_ASSERT_STRING_EQUAL(to, "2022-12-31");
    CU_ASSERT_PTR_NOT_NULL(strstr(r->window_reason ? r->window_reason : "",
                                  "Stanislav Zas was secretary-general"));
    sd_check_results_free(&res);
}

/* Was a bug, now fixed: the window takes every office_holder claim, even one
 * whose date the sentence states, so a past title in its own past tense narrows the window:
 *   doc published 2020-01-01 (meta), office_holder {head_of_state, RU, medvedev} @ 2010
 *   stated in the sentence (from_publication false)
 *   -> window 2008-05-07 .. 2012-05-07, window_conflict true.
 * Expected: only titles read at the article's date (from_publication) bound the window.
 * Left out of the table until fixed; the test as it should pass: */
static void test_title_with_its_own_past_date_does_not_bound_the_window(void)
{
    sd_check_results res = {0};
    sd_doc_result *r = add_doc(&res, "doc-w", "2020-01-01");
    add_claim(r, SD_CLAIM_OFFICE_HOLDER, HOS("medvedev", "RU"), "2010", false, "p");
    sd_error e;
    CU_ASSERT_PTR_NOT_NULL_FATAL(model());
    CU_ASSERT_EQUAL(sd_reconcile_windows(model(), &res, &e), SD_OK);
    CU_ASSERT_FALSE(r->window_conflict);
    sd_check_results_free(&res);
}

/* Around a handover the verdict is unverifiable (the article may speak of the incoming
 * holder); such a title must not flag the article's own date. */
static void test_title_judged_unverifiable_does_not_bound_the_window(void)
{
    sd_check_results res = {0};
    sd_doc_result *r = add_doc(&res, "doc-h", "2020-01-01");
    sd_article_claim *c = add_claim(r, SD_CLAIM_OFFICE_HOLDER, HOS("medvedev", "RU"), "2020-01-01",
                                    true, "p");
    c->verdict.label = SD_V_UNVERIFIABLE;
    sd_error e;
    CU_ASSERT_PTR_NOT_NULL_FATAL(model());
    CU_ASSERT_EQUAL(sd_reconcile_windows(model(), &res, &e), SD_OK);
    CU_ASSERT_FALSE(r->has_window);
    CU_ASSERT_FALSE(r->window_conflict);
    sd_check_results_free(&res);
}

/* ------------------------------------------------------------ fingerprint */

static void test_fingerprint_is_16_hex_digits_and_stable(void)
{
    char a[17], b[17];
    sd_fingerprint("refuted", "doc-a", "un_observer|org:csto", "سازمان در سال ۲۰۰۴", a);
    sd_fingerprint("refuted", "doc-a", "un_observer|org:csto", "سازمان در سال ۲۰۰۴", b);
    CU_ASSERT_STRING_EQUAL(a, b);
    CU_ASSERT_EQUAL(strlen(a), 16);
    CU_ASSERT_EQUAL(strspn(a, "0123456789abcdef"), 16);
}

static void test_fingerprint_ignores_zwnj_and_spacing_in_evidence(void)
{
    char a[17], b[17], c[17];
    sd_fingerprint("refuted", "doc-a", "k", "نشست می\xE2\x80\x8Cشود در مسکو", a);
    sd_fingerprint("refuted", "doc-a", "k", "نشست میشود  در\tمسکو", b);
    sd_fingerprint("refuted", "doc-a", "k", "نشست ميشود در مسكو", c);   /* Arabic yeh, kaf */
    CU_ASSERT_STRING_EQUAL(a, b);
    CU_ASSERT_STRING_EQUAL(a, c);
}

static void test_fingerprint_changes_with_the_claim_key(void)
{
    char a[17], b[17];
    sd_fingerprint("refuted", "doc-a", "un_observer|org:csto", "ev", a);
    sd_fingerprint("refuted", "doc-a", "rapid_reaction_force|org:csto", "ev", b);
    CU_ASSERT_STRING_NOT_EQUAL(a, b);
}

static void test_fingerprint_changes_with_the_document(void)
{
    char a[17], b[17];
    sd_fingerprint("refuted", "doc-a", "k", "ev", a);
    sd_fingerprint("refuted", "doc-b", "k", "ev", b);
    CU_ASSERT_STRING_NOT_EQUAL(a, b);
}

void sd_test_register(void)
{
    static const sd_test_case cases[] = {
        SD_TEST(test_key_of_founding_list_is_sorted_members_with_date),
        SD_TEST(test_key_of_sg_appointment_is_apart_from_its_start),
        SD_TEST(test_key_of_sg_removal_is_its_end),
        SD_TEST(test_key_of_sg_holds_is_none),
        SD_TEST(test_key_of_chair_start_is_by_country_and_year),
        SD_TEST(test_key_of_summit_is_its_day_and_value_its_city),
        SD_TEST(test_key_of_summit_needs_a_day),
        SD_TEST(test_key_of_summit_at_publication_date_is_none),
        SD_TEST(test_key_of_observer_is_its_date),
        SD_TEST(test_key_of_crrf_is_its_date),
        SD_TEST(test_key_of_undated_event_is_none),
        SD_TEST(test_key_of_opinion_is_none),
        SD_TEST(test_key_of_office_holder_is_none),
        SD_TEST(test_two_documents_disagreeing_make_one_conflict),
        SD_TEST(test_same_date_at_coarser_precision_is_no_conflict),
        SD_TEST(test_same_document_twice_is_no_conflict),
        SD_TEST(test_summit_cities_disagreeing_make_a_conflict),
        SD_TEST(test_opinions_take_no_part_in_conflicts),
        SD_TEST(test_founding_lists_in_any_order_are_the_same),
        SD_TEST(test_different_founding_lists_conflict),
        SD_TEST(test_window_is_the_intersection_of_the_terms),
        SD_TEST(test_window_with_an_open_term_has_no_end),
        SD_TEST(test_window_of_terms_that_never_overlap_is_empty),
        SD_TEST(test_stated_date_after_the_window_is_a_conflict),
        SD_TEST(test_stated_date_before_the_window_is_a_conflict),
        SD_TEST(test_as_of_date_is_never_a_window_conflict),
        SD_TEST(test_document_without_office_holders_has_no_window),
        SD_TEST(test_window_uses_secretary_general_titles),
        SD_TEST(test_fingerprint_is_16_hex_digits_and_stable),
        SD_TEST(test_fingerprint_ignores_zwnj_and_spacing_in_evidence),
        SD_TEST(test_fingerprint_changes_with_the_claim_key),
        SD_TEST(test_fingerprint_changes_with_the_document),
        SD_TEST(test_title_with_its_own_past_date_does_not_bound_the_window),
        SD_TEST(test_title_judged_unverifiable_does_not_bound_the_window),
        SD_TEST(test_same_founding_list_at_coarser_precision_is_no_conflict),
        SD_TEST(test_key_of_summit_by_body_names_the_host),
        SD_TEST_END,
    };
    sd_test_add_suite("reconcile", cases);
}
