/* Specification of verify: every verdict rule, its positives and its near-misses, judged
 * against the small hand-made model tests/data/verify-model.json. */
#include "claims.h"
#include "model.h"
#include "sd_test.h"
#include "verify.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static const sd_model *model(void)
{
    return sd_test_verify_model();
}

/* Build a claim; time NULL = undated. */
static void make(sd_article_claim *c, sd_claim_type type, const char *args, const char *time,
                 bool from_publication)
{
    memset(c, 0, sizeof *c);
    c->type = type;
    c->args = sd_test_args(args);
    c->modality = SD_MODALITY_ASSERTED;
    if (time != NULL) {
        c->has_time = sd_date_parse_iso(time, &c->time) == 0;
        CU_ASSERT_TRUE(c->has_time);
    }
    c->from_publication = from_publication;
}

/* Build, verify, and return the label (SD_V_NONE when the model did not load). */
static sd_verdict_label judge(sd_article_claim *c, sd_claim_type type, const char *args,
                              const char *time, bool from_publication)
{
    make(c, type, args, time, from_publication);
    const sd_model *m = model();
    CU_ASSERT_PTR_NOT_NULL(m);
    CU_ASSERT_PTR_NOT_NULL(c->args);
    if (m == NULL)
        return SD_V_NONE;
    sd_error e;
    sd_error_clear(&e);
    CU_ASSERT_EQUAL(sd_verify_claim(m, c, &e), SD_OK);
    return c->verdict.label;
}

static bool reason_has(const sd_article_claim *c, const char *needle)
{
    return c->verdict.reason != NULL && strstr(c->verdict.reason, needle) != NULL;
}

static bool uses_fact(const sd_article_claim *c, const char *id)
{
    for (size_t i = 0; i < c->verdict.nfacts; i++)
        if (strcmp(c->verdict.facts[i], id) == 0)
            return true;
    return false;
}

static bool in_list(char **items, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(items[i], id) == 0)
            return true;
    return false;
}

#define FOUNDING_6 "'country:AM','country:KZ','country:KG','country:RU','country:TJ','country:UZ'"

/* ------------------------------------------------------------ founding_members */

static void test_founding_exact_list_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_FOUNDING_MEMBERS,
                          "{'org':'org:csto','members':[" FOUNDING_6 "]}", "1992", false),
                    SD_V_SUPPORTED);
    CU_ASSERT_EQUAL(c.verdict.nwrong, 0);
    CU_ASSERT_EQUAL(c.verdict.nmissing, 0);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:cst-signed"));
    sd_article_claim_clear(&c);
}

static void test_founding_extra_member_is_partly_supported_naming_how_it_joined(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_FOUNDING_MEMBERS,
                          "{'org':'org:csto','members':[" FOUNDING_6 ",'country:BY']}", "1992",
                          false),
                    SD_V_PARTLY);
    CU_ASSERT_EQUAL(c.verdict.nwrong, 1);
    CU_ASSERT_TRUE(in_list(c.verdict.wrong, c.verdict.nwrong, "country:BY"));
    CU_ASSERT_EQUAL(c.verdict.nmissing, 0);
    CU_ASSERT_TRUE(reason_has(&c, "Belarus acceded on 1993-12-31"));
    CU_ASSERT_TRUE(uses_fact(&c, "fact:member-by-acceded"));
    sd_article_claim_clear(&c);
}

static void test_founding_missing_member_is_named(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_FOUNDING_MEMBERS,
                          "{'org':'org:csto','members':['country:AM','country:KZ','country:KG',"
                          "'country:RU','country:TJ']}",
                          "1992-05-15", false),
                    SD_V_PARTLY);
    CU_ASSERT_EQUAL(c.verdict.nwrong, 0);
    CU_ASSERT_EQUAL(c.verdict.nmissing, 1);
    CU_ASSERT_TRUE(in_list(c.verdict.missing, c.verdict.nmissing, "country:UZ"));
    CU_ASSERT_TRUE(reason_has(&c, "Uzbekistan"));
    sd_article_claim_clear(&c);
}

static void test_founding_mostly_wrong_list_is_refuted(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_FOUNDING_MEMBERS,
                          "{'org':'org:csto','members':['country:AM','country:BY','country:GE']}",
                          "1992", false),
                    SD_V_REFUTED);
    CU_ASSERT_EQUAL(c.verdict.nwrong, 2);
    CU_ASSERT_EQUAL(c.verdict.nmissing, 5);
    sd_article_claim_clear(&c);
}

static void test_founding_wrong_year_is_refuted(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_FOUNDING_MEMBERS,
                          "{'org':'org:csto','members':[" FOUNDING_6 "]}", "1993", false),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(reason_has(&c, "1992-05-15"));
    CU_ASSERT_TRUE(reason_has(&c, "1993"));
    sd_article_claim_clear(&c);
}

static void test_founding_undated_exact_list_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_FOUNDING_MEMBERS,
                          "{'org':'org:csto','members':[" FOUNDING_6 "]}", NULL, false),
                    SD_V_SUPPORTED);
    sd_article_claim_clear(&c);
}

static void test_founding_unknown_org_is_unverifiable(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_FOUNDING_MEMBERS,
                          "{'org':'org:sco','members':['country:RU','country:KZ']}", "2001", false),
                    SD_V_UNVERIFIABLE);
    CU_ASSERT_EQUAL(c.verdict.nfacts, 0);
    sd_article_claim_clear(&c);
}

/* ------------------------------------------------------------ member_list */

#define MEMBERS_2015 "'country:AM','country:BY','country:KZ','country:KG','country:RU','country:TJ'"

static void test_member_list_at_date_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_MEMBER_LIST,
                          "{'org':'org:csto','scope':'at_time','members':[" MEMBERS_2015 "]}",
                          "2015", false),
                    SD_V_SUPPORTED);
    CU_ASSERT_TRUE(reason_has(&c, "6 members"));
    sd_article_claim_clear(&c);
}

static void test_member_list_with_suspended_member_names_the_suspension(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_MEMBER_LIST,
                          "{'org':'org:csto','scope':'at_time','members':[" MEMBERS_2015
                          ",'country:UZ']}",
                          "2015-03-01", false),
                    SD_V_PARTLY);
    CU_ASSERT_EQUAL(c.verdict.nwrong, 1);
    CU_ASSERT_TRUE(in_list(c.verdict.wrong, c.verdict.nwrong, "country:UZ"));
    CU_ASSERT_TRUE(reason_has(&c, "Uzbekistan suspended on 2012-06-28"));
    CU_ASSERT_TRUE(uses_fact(&c, "fact:member-uz-suspended"));
    sd_article_claim_clear(&c);
}

static void test_member_list_before_suspension_counts_rejoined_member(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_MEMBER_LIST,
                          "{'org':'org:csto','scope':'at_time','members':[" MEMBERS_2015 "]}",
                          "2010", false),
                    SD_V_PARTLY);
    CU_ASSERT_EQUAL(c.verdict.nmissing, 1);
    CU_ASSERT_TRUE(in_list(c.verdict.missing, c.verdict.nmissing, "country:UZ"));
    CU_ASSERT_TRUE(reason_has(&c, "Uzbekistan is left out"));
    sd_article_claim_clear(&c);
}

static void test_member_list_names_a_country_that_never_was_a_member(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_MEMBER_LIST,
                          "{'org':'org:csto','scope':'at_time','members':[" MEMBERS_2015
                          ",'country:GE']}",
                          "2015", false),
                    SD_V_PARTLY);
    CU_ASSERT_TRUE(in_list(c.verdict.wrong, c.verdict.nwrong, "country:GE"));
    CU_ASSERT_TRUE(reason_has(&c, "Georgia has never been a member"));
    sd_article_claim_clear(&c);
}

static void test_member_list_undated_is_unverifiable(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_MEMBER_LIST,
                          "{'org':'org:csto','scope':'current','members':[" MEMBERS_2015 "]}",
                          NULL, false),
                    SD_V_UNVERIFIABLE);
    sd_article_claim_clear(&c);
}

/* ------------------------------------------------------------ membership_event */

static void test_membership_event_month_matches_day_record(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_MEMBERSHIP_EVENT,
                          "{'org':'org:csto','country':'country:UZ','event':'rejoined'}", "2006-08",
                          false),
                    SD_V_SUPPORTED);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:member-uz-rejoined"));
    sd_article_claim_clear(&c);
}

static void test_membership_event_matching_only_an_alternative_is_disputed(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_MEMBERSHIP_EVENT,
                          "{'org':'org:csto','country':'country:UZ','event':'rejoined'}",
                          "2006-06-23", false),
                    SD_V_DISPUTED);
    CU_ASSERT_TRUE(reason_has(&c, "2006-08-16"));
    sd_article_claim_clear(&c);
}

static void test_membership_event_one_day_late_is_refuted_with_difference(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_MEMBERSHIP_EVENT,
                          "{'org':'org:csto','country':'country:UZ','event':'rejoined'}",
                          "2006-08-17", false),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(c.verdict.has_day_difference);
    CU_ASSERT_EQUAL(c.verdict.day_difference, 1);
    CU_ASSERT_TRUE(reason_has(&c, "one day later than the record, 2006-08-16"));
    sd_article_claim_clear(&c);
}

static void test_membership_event_one_day_early_is_refuted_with_negative_difference(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_MEMBERSHIP_EVENT,
                          "{'org':'org:csto','country':'country:AM','event':'froze_participation'}",
                          "2024-02-21", false),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(c.verdict.has_day_difference);
    CU_ASSERT_EQUAL(c.verdict.day_difference, -1);
    CU_ASSERT_TRUE(reason_has(&c, "one day earlier than the record, 2024-02-22"));
    sd_article_claim_clear(&c);
}

static void test_membership_event_missing_event_is_refuted(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_MEMBERSHIP_EVENT,
                          "{'org':'org:csto','country':'country:KZ','event':'withdrew'}", "2012",
                          false),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(reason_has(&c, "no such event"));
    CU_ASSERT_FALSE(c.verdict.has_day_difference);
    sd_article_claim_clear(&c);
}

static void test_membership_event_of_a_non_party_is_refuted(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_MEMBERSHIP_EVENT,
                          "{'org':'org:csto','country':'country:GE','event':'joined'}", "1993",
                          false),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(reason_has(&c, "never been a party"));
    sd_article_claim_clear(&c);
}

static void test_membership_event_joined_matches_accession(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_MEMBERSHIP_EVENT,
                          "{'org':'org:csto','country':'country:BY','event':'joined'}", "1993",
                          false),
                    SD_V_SUPPORTED);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:member-by-acceded"));
    sd_article_claim_clear(&c);
}

static void test_membership_event_undated_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_MEMBERSHIP_EVENT,
                          "{'org':'org:csto','country':'country:UZ','event':'suspended'}", NULL,
                          false),
                    SD_V_SUPPORTED);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:member-uz-suspended"));
    sd_article_claim_clear(&c);
}

/* ------------------------------------------------------------ secretary_general */

#define SG(person, event) "{'org':'org:csto','person':'person:" person "','event':'" event "'}"

static void test_sg_holder_at_date_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("zas", "holds"), "2021-06-01", false),
                    SD_V_SUPPORTED);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:sg-zas"));
    CU_ASSERT_FALSE(c.verdict.anachronism);
    sd_article_claim_clear(&c);
}

static void test_sg_someone_else_at_date_is_refuted_naming_the_holder(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("putin", "holds"), "2021-06-01",
                          false),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(reason_has(&c, "Stanislav Zas"));
    CU_ASSERT_TRUE(uses_fact(&c, "fact:sg-zas"));
    sd_article_claim_clear(&c);
}

static void test_sg_former_holder_at_stated_date_is_refuted_without_anachronism(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("bordyuzha", "holds"), "2021-06-01",
                          false),
                    SD_V_REFUTED);
    CU_ASSERT_FALSE(c.verdict.anachronism);
    CU_ASSERT_TRUE(reason_has(&c, "2003-04-28 to 2016-12-31"));
    sd_article_claim_clear(&c);
}

static void test_sg_former_holder_at_publication_date_is_anachronism(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("bordyuzha", "holds"), "2021-06-01",
                          true),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(c.verdict.anachronism);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:sg-bordyuzha"));
    sd_article_claim_clear(&c);
}

static void test_sg_within_60_days_before_term_start_is_unverifiable(void)
{
    sd_article_claim c;
    /* 2022-11-02 is exactly 60 days before 2023-01-01. */
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("tasmagambetov", "holds"),
                          "2022-11-02", true),
                    SD_V_UNVERIFIABLE);
    CU_ASSERT_FALSE(c.verdict.anachronism);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:sg-tasmagambetov"));
    sd_article_claim_clear(&c);
}

static void test_sg_61_days_before_term_start_is_anachronism(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("tasmagambetov", "holds"),
                          "2022-11-01", true),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(c.verdict.anachronism);
    sd_article_claim_clear(&c);
}

static void test_sg_within_60_days_after_term_end_is_unverifiable(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("zas", "holds"), "2023-02-15", true),
                    SD_V_UNVERIFIABLE);
    sd_article_claim_clear(&c);
}

static void test_sg_handover_window_needs_publication_date(void)
{
    sd_article_claim c;
    /* The same date stated in the sentence is held against the claim. */
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("zas", "holds"), "2023-02-15", false),
                    SD_V_REFUTED);
    CU_ASSERT_FALSE(c.verdict.anachronism);
    sd_article_claim_clear(&c);
}

static void test_sg_acting_holder_is_named_as_acting(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("khachaturov", "holds"), "2019-05-01",
                          false),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(reason_has(&c, "Valery Semerikov (acting)"));
    CU_ASSERT_TRUE(uses_fact(&c, "fact:sg-semerikov"));
    sd_article_claim_clear(&c);
}

static void test_sg_outgoing_holder_on_handover_day_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("khachaturov", "holds"), "2018-11-02",
                          false),
                    SD_V_SUPPORTED);
    sd_article_claim_clear(&c);
}

static void test_sg_incoming_acting_holder_on_handover_day_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("semerikov", "holds"), "2018-11-02",
                          false),
                    SD_V_SUPPORTED);
    sd_article_claim_clear(&c);
}

static void test_holders_at_handover_day_returns_both(void)
{
    const sd_model *m = model();
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    const sd_fact *out[4];
    size_t n = sd_verify_holders_at(m, "secretary_general", "org:csto", sd_date_make(2018, 11, 2),
                                    out, 4);
    CU_ASSERT_EQUAL_FATAL(n, 2);
    CU_ASSERT_STRING_EQUAL(out[0]->id, "fact:sg-khachaturov");
    CU_ASSERT_STRING_EQUAL(out[1]->id, "fact:sg-semerikov");
    CU_ASSERT_EQUAL(sd_verify_holders_at(m, "secretary_general", "org:csto",
                                         sd_date_make(2018, 11, 3), out, 4),
                    1);
}

static void test_sg_start_exact_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("zas", "starts"), "2020-01-01", false),
                    SD_V_SUPPORTED);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:sg-zas"));
    sd_article_claim_clear(&c);
}

static void test_sg_start_one_day_late_is_refuted_with_difference(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("zas", "starts"), "2020-01-02", false),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(c.verdict.has_day_difference);
    CU_ASSERT_EQUAL(c.verdict.day_difference, 1);
    CU_ASSERT_TRUE(reason_has(&c, "one day later than the record, 2020-01-01"));
    sd_article_claim_clear(&c);
}

static void test_sg_start_matching_alternative_is_disputed(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("zas", "starts"), "2019-11-28", false),
                    SD_V_DISPUTED);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:sg-zas"));
    sd_article_claim_clear(&c);
}

static void test_sg_end_exact_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("bordyuzha", "ends"), "2016-12-31",
                          false),
                    SD_V_SUPPORTED);
    sd_article_claim_clear(&c);
}

static void test_sg_removed_one_day_early_is_refuted_with_difference(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("khachaturov", "removed"),
                          "2018-11-01", false),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(c.verdict.has_day_difference);
    CU_ASSERT_EQUAL(c.verdict.day_difference, -1);
    CU_ASSERT_TRUE(reason_has(&c, "one day earlier than the record, 2018-11-02"));
    sd_article_claim_clear(&c);
}

static void test_sg_removed_on_record_end_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("khachaturov", "removed"), "2018-11",
                          false),
                    SD_V_SUPPORTED);
    sd_article_claim_clear(&c);
}

static void test_sg_appointed_shortly_before_term_is_unverifiable(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("tasmagambetov", "appointed"),
                          "2022-11-23", false),
                    SD_V_UNVERIFIABLE);
    CU_ASSERT_TRUE(reason_has(&c, "2023-01-01"));
    sd_article_claim_clear(&c);
}

static void test_sg_appointed_years_before_term_is_refuted(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("tasmagambetov", "appointed"),
                          "2020-06-01", false),
                    SD_V_REFUTED);
    sd_article_claim_clear(&c);
}

static void test_sg_start_after_term_is_refuted(void)
{
    sd_article_claim c;
    /* A start after the term: never the appointment exception. */
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("tasmagambetov", "appointed"),
                          "2023-01-05", false),
                    SD_V_REFUTED);
    CU_ASSERT_EQUAL(c.verdict.day_difference, 4);
    sd_article_claim_clear(&c);
}

static void test_sg_end_of_open_term_is_refuted(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("tasmagambetov", "ends"), "2025",
                          false),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(reason_has(&c, "still open"));
    sd_article_claim_clear(&c);
}

static void test_sg_undated_claim_about_a_holder_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("semerikov", "holds"), NULL, false),
                    SD_V_SUPPORTED);
    sd_article_claim_clear(&c);
}

static void test_sg_undated_claim_about_a_non_holder_is_refuted(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SECRETARY_GENERAL, SG("putin", "holds"), NULL, false),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(reason_has(&c, "never been"));
    sd_article_claim_clear(&c);
}

/* ------------------------------------------------------------ chairmanship */

#define CHAIR(country, event) "{'org':'org:csto','country':'country:" country "','event':'" event "'}"

static void test_chair_start_year_covered_by_term_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_CHAIRMANSHIP, CHAIR("KG", "starts"), "2026", false),
                    SD_V_SUPPORTED);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:chair-kg-2025"));
    sd_article_claim_clear(&c);
}

static void test_chair_start_year_before_term_is_refuted(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_CHAIRMANSHIP, CHAIR("KG", "starts"), "2024", false),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(reason_has(&c, "2025-11-27"));
    CU_ASSERT_FALSE(c.verdict.has_day_difference);
    sd_article_claim_clear(&c);
}

static void test_chair_end_exact_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_CHAIRMANSHIP, CHAIR("KZ", "ends"), "2025-11-27", false),
                    SD_V_SUPPORTED);
    sd_article_claim_clear(&c);
}

static void test_chair_end_a_year_late_is_refuted(void)
{
    sd_article_claim c;
    /* The term-covers-the-year leniency is for starts only. */
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_CHAIRMANSHIP, CHAIR("KZ", "ends"), "2026", false),
                    SD_V_REFUTED);
    sd_article_claim_clear(&c);
}

static void test_chair_held_within_year_precision_term_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_CHAIRMANSHIP, CHAIR("AM", "holds"), "2008-06-01", false),
                    SD_V_SUPPORTED);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:chair-am-2008"));
    sd_article_claim_clear(&c);
}

/* ------------------------------------------------------------ office_holder */

#define HOS(person, country) \
    "{'office':'head_of_state','country':'country:" country "','person':'person:" person "'}"

static void test_office_holder_at_date_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_OFFICE_HOLDER, HOS("putin", "RU"), "2015-06-01", false),
                    SD_V_SUPPORTED);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:hos-ru-putin-2"));
    sd_article_claim_clear(&c);
}

static void test_office_holder_other_person_is_refuted_naming_the_holder(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_OFFICE_HOLDER, HOS("medvedev", "RU"), "2015-06-01", false),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(reason_has(&c, "Vladimir Putin"));
    CU_ASSERT_FALSE(c.verdict.anachronism);
    sd_article_claim_clear(&c);
}

static void test_office_holder_former_at_publication_is_anachronism(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_OFFICE_HOLDER, HOS("medvedev", "RU"), "2015-06-01", true),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(c.verdict.anachronism);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:hos-ru-medvedev"));
    sd_article_claim_clear(&c);
}

/* «مدودف، رئیس‌جمهور روسیه، در سال ۲۰۱۰ گفت» in a 2015 article: the title belongs to the date
 * the sentence gives, so it is not an anachronism. */
static void test_office_holder_held_at_a_date_the_sentence_gives_is_not_an_anachronism(void)
{
    sd_article_claim c;
    make(&c, SD_CLAIM_OFFICE_HOLDER, HOS("medvedev", "RU"), "2015-06-01", true);
    c.context_dates[0] = sd_date_make(2010, 0, 0);
    c.ncontext_dates = 1;
    sd_error e;
    sd_error_clear(&e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(model());
    CU_ASSERT_EQUAL(sd_verify_claim(model(), &c, &e), SD_OK);
    CU_ASSERT_EQUAL(c.verdict.label, SD_V_UNVERIFIABLE);
    CU_ASSERT_FALSE(c.verdict.anachronism);
    CU_ASSERT_TRUE(reason_has(&c, "a date the sentence gives"));
    sd_article_claim_clear(&c);
}

static void test_office_holder_near_term_start_is_unverifiable(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_OFFICE_HOLDER, HOS("tokayev", "KZ"), "2019-02-01", true),
                    SD_V_UNVERIFIABLE);
    sd_article_claim_clear(&c);
}

static void test_office_holder_office_without_record_is_unverifiable(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_OFFICE_HOLDER,
                          "{'office':'foreign_minister','country':'country:AM',"
                          "'person':'person:pashinyan'}",
                          "2020-01-01", false),
                    SD_V_UNVERIFIABLE);
    CU_ASSERT_EQUAL(c.verdict.nfacts, 0);
    sd_article_claim_clear(&c);
}

/* ------------------------------------------------------------ summit */

#define SUMMIT(city) "{'org':'org:csto','city':'city:" city "'}"

static void test_summit_date_and_city_match_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SUMMIT, SUMMIT("astana"), "2018-11-08", false),
                    SD_V_SUPPORTED);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:summit-2018-astana"));
    sd_article_claim_clear(&c);
}

static void test_summit_wrong_city_is_refuted_naming_the_real_city(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SUMMIT, SUMMIT("minsk"), "2018-11-08", false),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(reason_has(&c, "held in Astana, not in Minsk"));
    sd_article_claim_clear(&c);
}

static void test_summit_online_meeting_is_unverifiable(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SUMMIT, SUMMIT("moscow"), "2020-12-02", false),
                    SD_V_UNVERIFIABLE);
    CU_ASSERT_TRUE(reason_has(&c, "online"));
    CU_ASSERT_TRUE(uses_fact(&c, "fact:summit-2020-online"));
    sd_article_claim_clear(&c);
}

static void test_summit_no_meeting_on_stated_day_is_unverifiable(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SUMMIT, SUMMIT("astana"), "2018-11-09", false),
                    SD_V_UNVERIFIABLE);
    sd_article_claim_clear(&c);
}

static void test_summit_within_45_days_of_publication_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SUMMIT, SUMMIT("bishkek"), "2026-01-10", true),
                    SD_V_SUPPORTED);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:summit-2025-bishkek"));
    sd_article_claim_clear(&c);
}

/* Dated only by the article, a meeting in another city may be one the record does not list
 * (experts, working groups): not refuted. */
static void test_summit_near_publication_in_another_city_is_unverifiable(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SUMMIT, SUMMIT("minsk"), "2018-11-20", true),
                    SD_V_UNVERIFIABLE);
    CU_ASSERT_TRUE(reason_has(&c, "was in Astana"));
    sd_article_claim_clear(&c);
}

static void test_summit_beyond_45_days_of_publication_is_unverifiable(void)
{
    sd_article_claim c;
    /* 2026-01-12 is 46 days after 2025-11-27. */
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SUMMIT, SUMMIT("bishkek"), "2026-01-12", true),
                    SD_V_UNVERIFIABLE);
    sd_article_claim_clear(&c);
}

static void test_summit_undated_matches_any_meeting_in_the_city(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SUMMIT, SUMMIT("moscow"), NULL, false), SD_V_SUPPORTED);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:summit-2002-moscow"));
    sd_article_claim_clear(&c);
}

static void test_summit_undated_in_city_without_meetings_is_unverifiable(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_SUMMIT, SUMMIT("minsk"), NULL, false), SD_V_UNVERIFIABLE);
    sd_article_claim_clear(&c);
}

/* ------------------------------------------------------------ attendance */

#define ATTEND(who, yes) \
    "{'org':'org:csto','city':'city:bishkek','participant':'" who "','attended':" yes "}"

static void test_attendance_listed_person_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_ATTENDANCE, ATTEND("person:lukashenko", "true"),
                          "2025-11-27", false),
                    SD_V_SUPPORTED);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:summit-2025-bishkek"));
    sd_article_claim_clear(&c);
}

static void test_attendance_unlisted_person_is_refuted(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_ATTENDANCE, ATTEND("person:pashinyan", "true"),
                          "2025-11-27", false),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(reason_has(&c, "does not list Nikol Pashinyan"));
    sd_article_claim_clear(&c);
}

/* The attendee list records heads of state and government; a minister or the secretary-general
 * missing from it is not shown to be absent. */
static void test_attendance_of_unlisted_non_leader_is_unverifiable(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_ATTENDANCE, ATTEND("person:zas", "true"), "2025-11-27",
                          false),
                    SD_V_UNVERIFIABLE);
    CU_ASSERT_TRUE(reason_has(&c, "heads of state and government only"));
    sd_article_claim_clear(&c);
}

static void test_attendance_absence_of_unlisted_person_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_ATTENDANCE, ATTEND("person:pashinyan", "false"),
                          "2025-11-27", false),
                    SD_V_SUPPORTED);
    sd_article_claim_clear(&c);
}

static void test_attendance_country_counts_through_its_leader(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_ATTENDANCE, ATTEND("country:BY", "true"), "2025-11-27",
                          false),
                    SD_V_SUPPORTED);
    sd_article_claim_clear(&c);
}

static void test_attendance_country_without_listed_person_is_refuted(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_ATTENDANCE, ATTEND("country:AM", "true"), "2025-11-27",
                          false),
                    SD_V_REFUTED);
    sd_article_claim_clear(&c);
}

static void test_attendance_without_attendee_record_is_unverifiable(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_ATTENDANCE,
                          "{'org':'org:csto','city':'city:moscow','participant':'person:putin',"
                          "'attended':true}",
                          "2002-05-14", false),
                    SD_V_UNVERIFIABLE);
    sd_article_claim_clear(&c);
}

/* ------------------------------------------------------------ un_observer, CRRF */

#define OBSERVER "{'org':'org:csto'}"

static void test_observer_exact_date_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_UN_OBSERVER, OBSERVER, "2004-12-02", false), SD_V_SUPPORTED);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:un-observer"));
    sd_article_claim_clear(&c);
}

static void test_observer_year_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_UN_OBSERVER, OBSERVER, "2004", false), SD_V_SUPPORTED);
    sd_article_claim_clear(&c);
}

static void test_observer_wrong_day_is_refuted_with_difference(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_UN_OBSERVER, OBSERVER, "2004-12-03", false), SD_V_REFUTED);
    CU_ASSERT_TRUE(c.verdict.has_day_difference);
    CU_ASSERT_EQUAL(c.verdict.day_difference, 1);
    CU_ASSERT_TRUE(reason_has(&c, "one day later than the record, 2004-12-02"));
    sd_article_claim_clear(&c);
}

static void test_observer_wrong_year_is_refuted_without_day_difference(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_UN_OBSERVER, OBSERVER, "2005", false), SD_V_REFUTED);
    CU_ASSERT_FALSE(c.verdict.has_day_difference);
    CU_ASSERT_TRUE(reason_has(&c, "2005 where the record has 2004-12-02"));
    sd_article_claim_clear(&c);
}

static void test_observer_held_at_later_publication_date_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_UN_OBSERVER, OBSERVER, "2015-03-01", true), SD_V_SUPPORTED);
    sd_article_claim_clear(&c);
}

static void test_observer_at_earlier_publication_date_is_refuted(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_UN_OBSERVER, OBSERVER, "2003-03-01", true), SD_V_REFUTED);
    sd_article_claim_clear(&c);
}

static void test_crrf_exact_date_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_RAPID_REACTION_FORCE,
                          "{'org':'org:csto','event':'decided'}", "2009-02-04", false),
                    SD_V_SUPPORTED);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:crrf-decision"));
    sd_article_claim_clear(&c);
}

static void test_crrf_month_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_RAPID_REACTION_FORCE,
                          "{'org':'org:csto','event':'decided','city':'city:moscow'}", "2009-02",
                          false),
                    SD_V_SUPPORTED);
    sd_article_claim_clear(&c);
}

static void test_crrf_wrong_city_is_refuted_naming_the_city(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_RAPID_REACTION_FORCE,
                          "{'org':'org:csto','event':'decided','city':'city:minsk'}", "2009-02-04",
                          false),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(reason_has(&c, "in Moscow, not in Minsk"));
    sd_article_claim_clear(&c);
}

static void test_crrf_wrong_day_is_refuted_with_difference(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_RAPID_REACTION_FORCE,
                          "{'org':'org:csto','event':'decided'}", "2009-02-01", false),
                    SD_V_REFUTED);
    CU_ASSERT_EQUAL(c.verdict.day_difference, -3);
    CU_ASSERT_TRUE(reason_has(&c, "3 days earlier than the record, 2009-02-04"));
    sd_article_claim_clear(&c);
}

static void test_crrf_matching_only_an_alternative_is_disputed(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_RAPID_REACTION_FORCE,
                          "{'org':'org:csto','event':'created'}", "2009-06-14", false),
                    SD_V_DISPUTED);
    CU_ASSERT_TRUE(reason_has(&c, "2009-02-04"));
    CU_ASSERT_TRUE(uses_fact(&c, "fact:crrf-decision"));
    sd_article_claim_clear(&c);
}

/* ------------------------------------------------------------ rotation_rule */

#define ROTATION(after, next)                                                                   \
    "{'org':'org:csto','post':'secretary_general','basis':'alphabetical','after':'country:" after \
    "','next':'country:" next "'}"

static void test_rotation_right_next_country_is_supported(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_ROTATION_RULE, ROTATION("AM", "BY"), NULL, false),
                    SD_V_SUPPORTED);
    CU_ASSERT_TRUE(uses_fact(&c, "fact:sg-rotation"));
    sd_article_claim_clear(&c);
}

static void test_rotation_wrong_next_country_is_refuted(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_ROTATION_RULE, ROTATION("AM", "KZ"), NULL, false),
                    SD_V_REFUTED);
    CU_ASSERT_TRUE(reason_has(&c, "Belarus comes after Armenia"));
    sd_article_claim_clear(&c);
}

static void test_rotation_wraps_from_last_to_first(void)
{
    sd_article_claim c;
    CU_ASSERT_EQUAL(judge(&c, SD_CLAIM_ROTATION_RULE, ROTATION("TJ", "AM"), NULL, false),
                    SD_V_SUPPORTED);
    sd_article_claim_clear(&c);
}

/* ------------------------------------------------------------ modality, invariants */

static void test_hypothetical_claim_is_not_checked(void)
{
    sd_article_claim c;
    make(&c, SD_CLAIM_SECRETARY_GENERAL, SG("putin", "holds"), "2021-06-01", false);
    c.modality = SD_MODALITY_HYPOTHETICAL;
    sd_error e;
    CU_ASSERT_PTR_NOT_NULL_FATAL(model());
    CU_ASSERT_EQUAL(sd_verify_claim(model(), &c, &e), SD_OK);
    CU_ASSERT_EQUAL(c.verdict.label, SD_V_NOT_CHECKED);
    CU_ASSERT_TRUE(reason_has(&c, "hypothetical"));
    sd_article_claim_clear(&c);
}

static void test_opinion_claim_is_not_checked(void)
{
    sd_article_claim c;
    make(&c, SD_CLAIM_UN_OBSERVER, OBSERVER, "2004-12-03", false);
    c.modality = SD_MODALITY_OPINION;
    sd_error e;
    CU_ASSERT_PTR_NOT_NULL_FATAL(model());
    CU_ASSERT_EQUAL(sd_verify_claim(model(), &c, &e), SD_OK);
    CU_ASSERT_EQUAL(c.verdict.label, SD_V_NOT_CHECKED);
    sd_article_claim_clear(&c);
}

static void test_reported_claim_is_checked(void)
{
    sd_article_claim c;
    make(&c, SD_CLAIM_UN_OBSERVER, OBSERVER, "2004-12-03", false);
    c.modality = SD_MODALITY_REPORTED;
    sd_error e;
    CU_ASSERT_PTR_NOT_NULL_FATAL(model());
    CU_ASSERT_EQUAL(sd_verify_claim(model(), &c, &e), SD_OK);
    CU_ASSERT_EQUAL(c.verdict.label, SD_V_REFUTED);
    sd_article_claim_clear(&c);
}

static void test_verify_clears_the_previous_verdict(void)
{
    sd_article_claim c;
    judge(&c, SD_CLAIM_FOUNDING_MEMBERS, "{'org':'org:csto','members':[" FOUNDING_6 ",'country:BY']}",
          "1992", false);
    CU_ASSERT_EQUAL(c.verdict.nwrong, 1);
    sd_error e;
    CU_ASSERT_EQUAL(sd_verify_claim(model(), &c, &e), SD_OK);
    CU_ASSERT_EQUAL(c.verdict.nwrong, 1);
    CU_ASSERT_EQUAL(c.verdict.label, SD_V_PARTLY);
    sd_article_claim_clear(&c);
}

/* Every judged verdict has a reason, and every verdict that used the record names facts
 * that exist in the model. */
static void test_every_verdict_has_reason_and_known_fact_ids(void)
{
    static const struct {
        sd_claim_type type;
        const char *args, *time;
        bool from_pub;
    } cases[] = {
        {SD_CLAIM_FOUNDING_MEMBERS, "{'org':'org:csto','members':[" FOUNDING_6 "]}", "1992", false},
        {SD_CLAIM_FOUNDING_MEMBERS, "{'org':'org:csto','members':['country:BY']}", "1992", false},
        {SD_CLAIM_MEMBER_LIST, "{'org':'org:csto','scope':'at_time','members':[" MEMBERS_2015 "]}",
         "2015", false},
        {SD_CLAIM_MEMBERSHIP_EVENT, "{'org':'org:csto','country':'country:UZ','event':'rejoined'}",
         "2006-06-23", false},
        {SD_CLAIM_MEMBERSHIP_EVENT, "{'org':'org:csto','country':'country:UZ','event':'rejoined'}",
         "2007", false},
        {SD_CLAIM_SECRETARY_GENERAL, SG("zas", "holds"), "2021", false},
        {SD_CLAIM_SECRETARY_GENERAL, SG("bordyuzha", "holds"), "2021", true},
        {SD_CLAIM_SECRETARY_GENERAL, SG("zas", "ends"), "2022-12-30", false},
        {SD_CLAIM_CHAIRMANSHIP, CHAIR("KZ", "starts"), "2024-11-28", false},
        {SD_CLAIM_OFFICE_HOLDER, HOS("nazarbayev", "KZ"), "2010", false},
        {SD_CLAIM_SUMMIT, SUMMIT("minsk"), "2018-11-08", false},
        {SD_CLAIM_ATTENDANCE, ATTEND("person:tokayev", "true"), "2025-11-27", false},
        {SD_CLAIM_UN_OBSERVER, OBSERVER, "2004-12-01", false},
        {SD_CLAIM_RAPID_REACTION_FORCE, "{'org':'org:csto','event':'created'}", "2009", false},
        {SD_CLAIM_ROTATION_RULE, ROTATION("KG", "RU"), NULL, false},
    };
    const sd_model *m = model();
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sd_article_claim c;
        sd_verdict_label l = judge(&c, cases[i].type, cases[i].args, cases[i].time,
                                   cases[i].from_pub);
        CU_ASSERT_NOT_EQUAL(l, SD_V_NONE);
        CU_ASSERT_NOT_EQUAL(l, SD_V_UNVERIFIABLE);
        CU_ASSERT_PTR_NOT_NULL(c.verdict.reason);
        CU_ASSERT_TRUE(c.verdict.reason != NULL && strlen(c.verdict.reason) > 10);
        CU_ASSERT_TRUE(c.verdict.nfacts > 0);
        for (size_t k = 0; k < c.verdict.nfacts; k++)
            CU_ASSERT_PTR_NOT_NULL(sd_model_find_fact(m, c.verdict.facts[k]));
        sd_article_claim_clear(&c);
    }
}

static void test_describe_difference_counts_days_in_plural(void)
{
    char buf[128];
    sd_verify_describe_difference(sd_date_make(2018, 10, 30), sd_date_make(2018, 11, 2), buf,
                                  sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "3 days earlier than the record, 2018-11-02");
}

static void test_describe_difference_at_coarse_precision_names_both_dates(void)
{
    char buf[128];
    sd_verify_describe_difference(sd_date_make(2019, 0, 0), sd_date_make(2018, 11, 2), buf,
                                  sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "2019 where the record has 2018-11-02");
}

void sd_test_register(void)
{
    static const sd_test_case cases[] = {
        SD_TEST(test_founding_exact_list_is_supported),
        SD_TEST(test_founding_extra_member_is_partly_supported_naming_how_it_joined),
        SD_TEST(test_founding_missing_member_is_named),
        SD_TEST(test_founding_mostly_wrong_list_is_refuted),
        SD_TEST(test_founding_wrong_year_is_refuted),
        SD_TEST(test_founding_undated_exact_list_is_supported),
        SD_TEST(test_founding_unknown_org_is_unverifiable),
        SD_TEST(test_member_list_at_date_is_supported),
        SD_TEST(test_member_list_with_suspended_member_names_the_suspension),
        SD_TEST(test_member_list_before_suspension_counts_rejoined_member),
        SD_TEST(test_member_list_names_a_country_that_never_was_a_member),
        SD_TEST(test_member_list_undated_is_unverifiable),
        SD_TEST(test_membership_event_month_matches_day_record),
        SD_TEST(test_membership_event_matching_only_an_alternative_is_disputed),
        SD_TEST(test_membership_event_one_day_late_is_refuted_with_difference),
        SD_TEST(test_membership_event_one_day_early_is_refuted_with_negative_difference),
        SD_TEST(test_membership_event_missing_event_is_refuted),
        SD_TEST(test_membership_event_of_a_non_party_is_refuted),
        SD_TEST(test_membership_event_joined_matches_accession),
        SD_TEST(test_membership_event_undated_is_supported),
        SD_TEST(test_sg_holder_at_date_is_supported),
        SD_TEST(test_sg_someone_else_at_date_is_refuted_naming_the_holder),
        SD_TEST(test_sg_former_holder_at_stated_date_is_refuted_without_anachronism),
        SD_TEST(test_sg_former_holder_at_publication_date_is_anachronism),
        SD_TEST(test_sg_within_60_days_before_term_start_is_unverifiable),
        SD_TEST(test_sg_61_days_before_term_start_is_anachronism),
        SD_TEST(test_sg_within_60_days_after_term_end_is_unverifiable),
        SD_TEST(test_sg_handover_window_needs_publication_date),
        SD_TEST(test_sg_acting_holder_is_named_as_acting),
        SD_TEST(test_sg_outgoing_holder_on_handover_day_is_supported),
        SD_TEST(test_sg_incoming_acting_holder_on_handover_day_is_supported),
        SD_TEST(test_holders_at_handover_day_returns_both),
        SD_TEST(test_sg_start_exact_is_supported),
        SD_TEST(test_sg_start_one_day_late_is_refuted_with_difference),
        SD_TEST(test_sg_start_matching_alternative_is_disputed),
        SD_TEST(test_sg_end_exact_is_supported),
        SD_TEST(test_sg_removed_one_day_early_is_refuted_with_difference),
        SD_TEST(test_sg_removed_on_record_end_is_supported),
        SD_TEST(test_sg_appointed_shortly_before_term_is_unverifiable),
        SD_TEST(test_sg_appointed_years_before_term_is_refuted),
        SD_TEST(test_sg_start_after_term_is_refuted),
        SD_TEST(test_sg_end_of_open_term_is_refuted),
        SD_TEST(test_sg_undated_claim_about_a_holder_is_supported),
        SD_TEST(test_sg_undated_claim_about_a_non_holder_is_refuted),
        SD_TEST(test_chair_start_year_covered_by_term_is_supported),
        SD_TEST(test_chair_start_year_before_term_is_refuted),
        SD_TEST(test_chair_end_exact_is_supported),
        SD_TEST(test_chair_end_a_year_late_is_refuted),
        SD_TEST(test_chair_held_within_year_precision_term_is_supported),
        SD_TEST(test_office_holder_at_date_is_supported),
        SD_TEST(test_office_holder_other_person_is_refuted_naming_the_holder),
        SD_TEST(test_office_holder_former_at_publication_is_anachronism),
        SD_TEST(test_office_holder_held_at_a_date_the_sentence_gives_is_not_an_anachronism),
        SD_TEST(test_office_holder_near_term_start_is_unverifiable),
        SD_TEST(test_office_holder_office_without_record_is_unverifiable),
        SD_TEST(test_summit_date_and_city_match_is_supported),
        SD_TEST(test_summit_wrong_city_is_refuted_naming_the_real_city),
        SD_TEST(test_summit_online_meeting_is_unverifiable),
        SD_TEST(test_summit_no_meeting_on_stated_day_is_unverifiable),
        SD_TEST(test_summit_within_45_days_of_publication_is_supported),
        SD_TEST(test_summit_near_publication_in_another_city_is_unverifiable),
        SD_TEST(test_summit_beyond_45_days_of_publication_is_unverifiable),
        SD_TEST(test_summit_undated_matches_any_meeting_in_the_city),
        SD_TEST(test_summit_undated_in_city_without_meetings_is_unverifiable),
        SD_TEST(test_attendance_listed_person_is_supported),
        SD_TEST(test_attendance_unlisted_person_is_refuted),
        SD_TEST(test_attendance_absence_of_unlisted_person_is_supported),
        SD_TEST(test_attendance_of_unlisted_non_leader_is_unverifiable),
        SD_TEST(test_attendance_country_counts_through_its_leader),
        SD_TEST(test_attendance_country_without_listed_person_is_refuted),
        SD_TEST(test_attendance_without_attendee_record_is_unverifiable),
        SD_TEST(test_observer_exact_date_is_supported),
        SD_TEST(test_observer_year_is_supported),
        SD_TEST(test_observer_wrong_day_is_refuted_with_difference),
        SD_TEST(test_observer_wrong_year_is_refuted_without_day_difference),
        SD_TEST(test_observer_held_at_later_publication_date_is_supported),
        SD_TEST(test_observer_at_earlier_publication_date_is_refuted),
        SD_TEST(test_crrf_exact_date_is_supported),
        SD_TEST(test_crrf_month_is_supported),
        SD_TEST(test_crrf_wrong_city_is_refuted_naming_the_city),
        SD_TEST(test_crrf_wrong_day_is_refuted_with_difference),
        SD_TEST(test_crrf_matching_only_an_alternative_is_disputed),
        SD_TEST(test_rotation_right_next_country_is_supported),
        SD_TEST(test_rotation_wrong_next_country_is_refuted),
        SD_TEST(test_rotation_wraps_from_last_to_first),
        SD_TEST(test_hypothetical_claim_is_not_checked),
        SD_TEST(test_opinion_claim_is_not_checked),
        SD_TEST(test_reported_claim_is_checked),
        SD_TEST(test_verify_clears_the_previous_verdict),
        SD_TEST(test_every_verdict_has_reason_and_known_fact_ids),
        SD_TEST(test_describe_difference_counts_days_in_plural),
        SD_TEST(test_describe_difference_at_coarse_precision_names_both_dates),
        SD_TEST_END,
    };
    sd_test_add_suite("verify", cases);
}
