/* Specification of claim_io: the sanad-claim/1 line format, its validation, writing, and
 * loading claim files and folders. */
#include "claim_io.h"
#include "sd_test.h"

#include <stdlib.h>
#include <string.h>

/* Evidence "abc" is 3 bytes; the Persian word سازمان is 12. */
#define HEAD "{\"schema\":\"sanad-claim/1\",\"id\":\"c1\",\"doc\":\"d1\","
#define TAIL ",\"modality\":\"asserted\",\"evidence\":{\"start\":10,\"end\":13,\"text\":\"abc\"}," \
             "\"extractor\":\"t/1\"}"
#define FOUNDING HEAD "\"type\":\"founding_members\",\"args\":{\"org\":\"org:csto\",\"members\":" \
    "[\"country:RU\",\"country:AM\",\"country:BY\"]},\"time\":{\"value\":\"1992\",\"precision\":" \
    "\"year\",\"anchored\":true,\"calendar\":\"persian\",\"text\":\"سال 1992\"}" TAIL

static int parse(const char *line, sd_claim *c, bool *unknown, sd_error *e)
{
    sd_error_clear(e);
    return sd_claim_parse(line, strlen(line), c, unknown, e);
}

/* Parse expecting failure; returns the error's path and message in buf. */
static int parse_fails(const char *line, char *buf, size_t len)
{
    sd_claim c;
    sd_error e;
    int rc = parse(line, &c, NULL, &e);
    sd_error_format(&e, buf, len);
    if (rc == SD_OK)
        sd_claim_free(&c);
    return rc;
}

static void test_parse_reads_every_field(void)
{
    sd_claim c;
    sd_error e;
    bool unknown = true;
    CU_ASSERT_EQUAL_FATAL(parse(FOUNDING, &c, &unknown, &e), SD_OK);
    CU_ASSERT_FALSE(unknown);
    CU_ASSERT_STRING_EQUAL(c.id, "c1");
    CU_ASSERT_STRING_EQUAL(c.doc, "d1");
    CU_ASSERT_EQUAL(c.type, SD_CLAIM_FOUNDING_MEMBERS);
    CU_ASSERT_TRUE(c.has_time);
    CU_ASSERT_STRING_EQUAL(c.time.value, "1992");
    CU_ASSERT_EQUAL(c.time.precision, SD_CLAIM_PREC_YEAR);
    CU_ASSERT_TRUE(c.time.anchored);
    CU_ASSERT_EQUAL(c.time.calendar, SD_CLAIM_CAL_PERSIAN);
    CU_ASSERT_STRING_EQUAL(c.time.text, "سال 1992");
    CU_ASSERT_EQUAL(c.modality, SD_MODALITY_ASSERTED);
    CU_ASSERT_EQUAL(c.ev_start, 10);
    CU_ASSERT_EQUAL(c.ev_end, 13);
    CU_ASSERT_STRING_EQUAL(c.ev_text, "abc");
    CU_ASSERT_PTR_NULL(c.pattern);
    CU_ASSERT_STRING_EQUAL(c.extractor, "t/1");
    const sd_claim_arg *org = sd_claim_arg_get(&c, "org");
    CU_ASSERT_PTR_NOT_NULL_FATAL(org);
    CU_ASSERT_STRING_EQUAL(org->str, "org:csto");
    CU_ASSERT_TRUE(org->known);
    sd_claim_free(&c);
}

static void test_parse_stores_member_set_sorted(void)
{
    sd_claim c;
    sd_error e;
    CU_ASSERT_EQUAL_FATAL(parse(FOUNDING, &c, NULL, &e), SD_OK);
    const sd_claim_arg *m = sd_claim_arg_get(&c, "members");
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_EQUAL_FATAL(m->n_items, 3);
    CU_ASSERT_STRING_EQUAL(m->items[0], "country:AM");
    CU_ASSERT_STRING_EQUAL(m->items[1], "country:BY");
    CU_ASSERT_STRING_EQUAL(m->items[2], "country:RU");
    sd_claim_free(&c);
}

static void test_parse_rejects_a_member_named_twice(void)
{
    char buf[1024];
    const char *line = HEAD "\"type\":\"founding_members\",\"args\":{\"org\":\"org:csto\","
                       "\"members\":[\"country:AM\",\"country:AM\"]},\"time\":null" TAIL;
    CU_ASSERT_EQUAL(parse_fails(line, buf, sizeof buf), SD_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "args.members"));
}

static void test_parse_flags_an_unknown_claim_type(void)
{
    sd_claim c;
    sd_error e;
    bool unknown = false;
    const char *line = HEAD "\"type\":\"treaty_ratified\",\"args\":{},\"time\":null" TAIL;
    CU_ASSERT_EQUAL(parse(line, &c, &unknown, &e), SD_EINVAL);
    CU_ASSERT_TRUE(unknown);
    CU_ASSERT_STRING_EQUAL(e.path, "type");
}

static void test_parse_reports_broken_json_as_a_parse_error(void)
{
    char buf[1024];
    sd_claim c;
    sd_error e;
    bool unknown = true;
    CU_ASSERT_EQUAL(parse("{\"schema\": ", &c, &unknown, &e), SD_EPARSE);
    CU_ASSERT_FALSE(unknown);
    CU_ASSERT_EQUAL(parse_fails(FOUNDING " x", buf, sizeof buf), SD_EPARSE);
}

static void test_parse_rejects_invalid_utf8(void)
{
    char buf[1024];
    const char *line = HEAD "\"type\":\"un_observer\",\"args\":{\"org\":\"org:csto\"},"
                       "\"time\":null,\"modality\":\"asserted\",\"evidence\":{\"start\":0,"
                       "\"end\":1,\"text\":\"\xC3\"},\"extractor\":\"t\"}";
    CU_ASSERT_EQUAL(parse_fails(line, buf, sizeof buf), SD_EPARSE);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "UTF-8"));
}

static void test_parse_requires_evidence_text_of_end_minus_start_bytes(void)
{
    char buf[1024];
    /* سازمان is 6 letters but 12 bytes: offsets counted in characters are rejected. */
    const char *line = HEAD "\"type\":\"un_observer\",\"args\":{\"org\":\"org:csto\"},"
                       "\"time\":null,\"modality\":\"asserted\",\"evidence\":{\"start\":0,"
                       "\"end\":6,\"text\":\"سازمان\"},\"extractor\":\"t\"}";
    CU_ASSERT_EQUAL(parse_fails(line, buf, sizeof buf), SD_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "evidence.text"));
}

static void test_parse_rejects_a_day_that_does_not_exist(void)
{
    char buf[1024];
    const char *bad = HEAD "\"type\":\"un_observer\",\"args\":{\"org\":\"org:csto\"},\"time\":"
                      "{\"value\":\"2023-02-29\",\"precision\":\"day\"}" TAIL;
    const char *leap = HEAD "\"type\":\"un_observer\",\"args\":{\"org\":\"org:csto\"},\"time\":"
                       "{\"value\":\"2024-02-29\",\"precision\":\"day\"}" TAIL;
    CU_ASSERT_EQUAL(parse_fails(bad, buf, sizeof buf), SD_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "time.value"));
    CU_ASSERT_EQUAL(parse_fails(leap, buf, sizeof buf), SD_OK);
}

static void test_parse_rejects_a_value_not_written_at_its_precision(void)
{
    char buf[1024];
    const char *line = HEAD "\"type\":\"un_observer\",\"args\":{\"org\":\"org:csto\"},\"time\":"
                       "{\"value\":\"2018-11\",\"precision\":\"day\"}" TAIL;
    CU_ASSERT_EQUAL(parse_fails(line, buf, sizeof buf), SD_EINVAL);
}

static void test_parse_defaults_anchored_and_calendar(void)
{
    sd_claim c;
    sd_error e;
    const char *line = HEAD "\"type\":\"un_observer\",\"args\":{\"org\":\"org:csto\"},\"time\":"
                       "{\"value\":\"2004-12\",\"precision\":\"month\"}" TAIL;
    CU_ASSERT_EQUAL_FATAL(parse(line, &c, NULL, &e), SD_OK);
    CU_ASSERT_FALSE(c.time.anchored);
    CU_ASSERT_EQUAL(c.time.calendar, SD_CLAIM_CAL_GREGORIAN);
    CU_ASSERT_EQUAL(c.time.m, 12);
    sd_claim_free(&c);
}

static void test_parse_accepts_null_time(void)
{
    sd_claim c;
    sd_error e;
    const char *line = HEAD "\"type\":\"un_observer\",\"args\":{\"org\":\"org:csto\"},"
                       "\"time\":null" TAIL;
    CU_ASSERT_EQUAL_FATAL(parse(line, &c, NULL, &e), SD_OK);
    CU_ASSERT_FALSE(c.has_time);
    sd_claim_free(&c);
}

static void test_parse_keeps_unknown_argument_keys_verbatim(void)
{
    sd_claim c;
    sd_error e;
    const char *line = HEAD "\"type\":\"un_observer\",\"args\":{\"org\":\"org:csto\","
                       "\"confidence\":0.5,\"since\":{\"y\":2004}},\"time\":null" TAIL;
    CU_ASSERT_EQUAL_FATAL(parse(line, &c, NULL, &e), SD_OK);
    const sd_claim_arg *a = sd_claim_arg_get(&c, "since");
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_EQUAL(a->kind, SD_CLAIM_VALUE_RAW);
    CU_ASSERT_FALSE(a->known);
    CU_ASSERT_STRING_EQUAL(a->str, "{\"y\":2004}");
    sd_claim_free(&c);
}

static void test_parse_allows_only_x_prefixed_extra_members(void)
{
    char buf[1024];
    const char *ext = HEAD "\"type\":\"un_observer\",\"args\":{\"org\":\"org:csto\"},"
                      "\"time\":null,\"x-score\":0.9" TAIL;
    const char *bad = HEAD "\"type\":\"un_observer\",\"args\":{\"org\":\"org:csto\"},"
                      "\"time\":null,\"score\":0.9" TAIL;
    CU_ASSERT_EQUAL(parse_fails(ext, buf, sizeof buf), SD_OK);
    CU_ASSERT_EQUAL(parse_fails(bad, buf, sizeof buf), SD_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "score"));
}

static void test_parse_rejects_a_repeated_member(void)
{
    char buf[1024];
    const char *line = HEAD "\"id\":\"c2\",\"type\":\"un_observer\",\"args\":{\"org\":"
                       "\"org:csto\"},\"time\":null" TAIL;
    CU_ASSERT_EQUAL(parse_fails(line, buf, sizeof buf), SD_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "twice"));
}

static void test_summit_needs_exactly_one_of_org_or_body(void)
{
    char buf[1024];
    const char *none = HEAD "\"type\":\"summit\",\"args\":{\"city\":\"city:bishkek\"},"
                       "\"time\":null" TAIL;
    const char *both = HEAD "\"type\":\"summit\",\"args\":{\"city\":\"city:bishkek\",\"org\":"
                       "\"org:csto\",\"body\":\"body:csto-csc\"},\"time\":null" TAIL;
    const char *body = HEAD "\"type\":\"summit\",\"args\":{\"city\":\"city:bishkek\",\"body\":"
                       "\"body:csto-csc\"},\"time\":null" TAIL;
    CU_ASSERT_EQUAL(parse_fails(none, buf, sizeof buf), SD_EINVAL);
    CU_ASSERT_EQUAL(parse_fails(both, buf, sizeof buf), SD_EINVAL);
    CU_ASSERT_EQUAL(parse_fails(body, buf, sizeof buf), SD_OK);
}

static void test_parse_rejects_an_entity_of_the_wrong_kind(void)
{
    char buf[1024];
    const char *line = HEAD "\"type\":\"membership_event\",\"args\":{\"org\":\"org:csto\","
                       "\"country\":\"person:pashinyan\",\"event\":\"withdrew\"},\"time\":null" TAIL;
    CU_ASSERT_EQUAL(parse_fails(line, buf, sizeof buf), SD_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "args.country"));
}

static void test_parse_rejects_an_event_word_outside_the_list(void)
{
    char buf[1024];
    const char *line = HEAD "\"type\":\"membership_event\",\"args\":{\"org\":\"org:csto\","
                       "\"country\":\"country:AM\",\"event\":\"left\"},\"time\":null" TAIL;
    CU_ASSERT_EQUAL(parse_fails(line, buf, sizeof buf), SD_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "withdrew"));
}

static void test_parse_rejects_an_unknown_modality(void)
{
    char buf[1024];
    const char *line = HEAD "\"type\":\"un_observer\",\"args\":{\"org\":\"org:csto\"},"
                       "\"time\":null,\"modality\":\"rumour\",\"evidence\":{\"start\":0,"
                       "\"end\":1,\"text\":\"a\"},\"extractor\":\"t\"}";
    CU_ASSERT_EQUAL(parse_fails(line, buf, sizeof buf), SD_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "modality"));
}

static void test_parse_rejects_a_missing_required_argument(void)
{
    char buf[1024];
    const char *line = HEAD "\"type\":\"office_holder\",\"args\":{\"person\":\"person:japarov\","
                       "\"office\":\"head_of_state\"},\"time\":null" TAIL;
    CU_ASSERT_EQUAL(parse_fails(line, buf, sizeof buf), SD_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "\"country\""));
}

static void test_parse_rejects_an_overlong_line(void)
{
    size_t n = SD_CLAIM_MAX_LINE + 1;
    char *line = malloc(n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(line);
    memset(line, ' ', n);
    sd_claim c;
    sd_error e;
    sd_error_clear(&e);
    CU_ASSERT_NOT_EQUAL(sd_claim_parse(line, n, &c, NULL, &e), SD_OK);
    free(line);
}

static void test_parse_rejects_an_object_with_too_many_members(void)
{
    char *line = malloc(64 * 1024);
    CU_ASSERT_PTR_NOT_NULL_FATAL(line);
    size_t n = (size_t)sprintf(line, "%s", HEAD "\"type\":\"un_observer\",\"args\":{");
    for (int i = 0; i < 300; i++)
        n += (size_t)sprintf(line + n, "\"k%d\":1,", i);
    sprintf(line + n, "%s", "\"org\":\"org:csto\"},\"time\":null" TAIL);
    char buf[1024];
    CU_ASSERT_EQUAL(parse_fails(line, buf, sizeof buf), SD_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "more than 256"));
    free(line);
}

static char *write_to_string(const sd_claim *c)
{
    char path[512];
    snprintf(path, sizeof path, "%s/claim_io_write.jsonl", SD_TEST_TMP);
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return NULL;
    sd_claim_write(f, c, NULL);
    fclose(f);
    return sd_test_read_file(path, NULL);
}

static void test_write_then_parse_round_trips(void)
{
    sd_claim c, back;
    sd_error e;
    CU_ASSERT_EQUAL_FATAL(parse(FOUNDING, &c, NULL, &e), SD_OK);
    char *once = write_to_string(&c);
    CU_ASSERT_PTR_NOT_NULL_FATAL(once);
    CU_ASSERT_EQUAL_FATAL(sd_claim_parse(once, strlen(once) - 1, &back, NULL, &e), SD_OK);
    char *twice = write_to_string(&back);
    CU_ASSERT_PTR_NOT_NULL_FATAL(twice);
    CU_ASSERT_STRING_EQUAL(once, twice);
    CU_ASSERT_PTR_NOT_NULL(strstr(once, "\"members\":[\"country:AM\",\"country:BY\",\"country:RU\"]"));
    free(once);
    free(twice);
    sd_claim_free(&c);
    sd_claim_free(&back);
}

static void test_write_escapes_controls_and_keeps_persian_text(void)
{
    sd_claim c;
    sd_error e;
    const char *line = HEAD "\"type\":\"un_observer\",\"args\":{\"org\":\"org:csto\"},"
                       "\"time\":null,\"modality\":\"reported\",\"evidence\":{\"start\":0,"
                       "\"end\":15,\"text\":\"سازمان\\n\\\"\\u0001\"},\"extractor\":\"t\"}";
    CU_ASSERT_EQUAL_FATAL(parse(line, &c, NULL, &e), SD_OK);
    char *s = write_to_string(&c);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "\"text\":\"سازمان\\n\\\"\\u0001\""));
    free(s);
    sd_claim_free(&c);
}

static void test_builder_makes_a_valid_claim(void)
{
    sd_claim c;
    sd_error e;
    sd_error_clear(&e);
    sd_claim_init(&c);
    c.type = SD_CLAIM_MEMBER_LIST;
    const char *m[] = {"country:KZ", "country:AM"};
    CU_ASSERT_EQUAL(sd_claim_set_arg_string(&c, "org", "org:csto", &e), SD_OK);
    CU_ASSERT_EQUAL(sd_claim_set_arg_list(&c, "members", m, 2, &e), SD_OK);
    CU_ASSERT_EQUAL(sd_claim_validate(&c, &e), SD_EINVAL);  /* no id, scope, evidence yet */
    CU_ASSERT_EQUAL(sd_claim_set_arg_string(&c, "scope", "current", &e), SD_OK);
    c.id = strdup("m1");
    c.doc = strdup("d");
    c.extractor = strdup("sanad/0.1.0");
    c.ev_start = 5;
    c.ev_end = 7;
    c.ev_text = strdup("ab");
    CU_ASSERT_EQUAL(sd_claim_validate(&c, &e), SD_OK);
    CU_ASSERT_STRING_EQUAL(c.args[0].key, "members");  /* kept sorted by key */
    sd_claim_free(&c);
}

static void test_every_type_has_a_key_argument(void)
{
    size_t n;
    const sd_claim_arg_spec *specs = sd_claim_arg_specs(&n);
    for (int t = 0; t < SD_CLAIM_TYPE_COUNT; t++) {
        bool has_key = false;
        for (size_t i = 0; i < n; i++)
            if ((int)specs[i].type == t && specs[i].match_key && specs[i].required)
                has_key = true;
        CU_ASSERT_TRUE(has_key);
        CU_ASSERT_EQUAL(sd_claim_type_from_name(sd_claim_type_name((sd_claim_type)t)), t);
    }
}

static void test_load_walks_a_folder_in_sorted_order(void)
{
    sd_claim_set set;
    sd_error e;
    sd_error_clear(&e);
    sd_claim_set_init(&set);
    CU_ASSERT_EQUAL_FATAL(sd_claim_set_load(&set, SD_TEST_FIXTURES "/claims/folder/gold/", &e),
                          SD_OK);
    CU_ASSERT_EQUAL_FATAL(set.n_files, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(set.files[0], "/gold/a.jsonl"));
    CU_ASSERT_PTR_NOT_NULL(strstr(set.files[1], "/gold/b/doc2.jsonl"));
    CU_ASSERT_EQUAL_FATAL(set.n_claims, 3);
    CU_ASSERT_STRING_EQUAL(set.claims[0].id, "g1");
    CU_ASSERT_STRING_EQUAL(set.claims[2].id, "g2");
    CU_ASSERT_EQUAL(set.claim_line[1], 2);
    sd_claim_set_free(&set);
}

static void test_load_reports_bad_lines_and_keeps_the_rest(void)
{
    sd_claim_set set;
    sd_error e;
    sd_error_clear(&e);
    sd_claim_set_init(&set);
    CU_ASSERT_EQUAL_FATAL(
        sd_claim_set_load(&set, SD_TEST_FIXTURES "/claims/outcomes/pred.jsonl", &e), SD_OK);
    CU_ASSERT_EQUAL_FATAL(sd_claim_set_dedupe(&set, &e), SD_OK);
    CU_ASSERT_EQUAL(set.n_claims, 9);
    CU_ASSERT_EQUAL_FATAL(set.n_problems, 4);
    CU_ASSERT_EQUAL(set.problems[0].line, 5);
    CU_ASSERT_EQUAL(set.problems[0].kind, SD_CLAIM_PROBLEM_UNKNOWN_TYPE);
    CU_ASSERT_EQUAL(set.problems[1].line, 7);
    CU_ASSERT_EQUAL(set.problems[1].kind, SD_CLAIM_PROBLEM_MALFORMED);
    CU_ASSERT_EQUAL(set.problems[2].line, 10);
    CU_ASSERT_EQUAL(set.problems[2].kind, SD_CLAIM_PROBLEM_DUPLICATE_ID);
    CU_ASSERT_EQUAL(set.problems[3].line, 12);
    sd_claim_set_free(&set);
}

static void test_load_fails_on_a_missing_path(void)
{
    sd_claim_set set;
    sd_error e;
    sd_error_clear(&e);
    sd_claim_set_init(&set);
    CU_ASSERT_EQUAL(sd_claim_set_load(&set, SD_TEST_TMP "/no-such-claims.jsonl", &e), SD_EIO);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.file, "no-such-claims"));
    sd_claim_set_free(&set);
}

void sd_test_register(void)
{
    static const sd_test_case cases[] = {
        SD_TEST(test_parse_reads_every_field),
        SD_TEST(test_parse_stores_member_set_sorted),
        SD_TEST(test_parse_rejects_a_member_named_twice),
        SD_TEST(test_parse_flags_an_unknown_claim_type),
        SD_TEST(test_parse_reports_broken_json_as_a_parse_error),
        SD_TEST(test_parse_rejects_invalid_utf8),
        SD_TEST(test_parse_requires_evidence_text_of_end_minus_start_bytes),
        SD_TEST(test_parse_rejects_a_day_that_does_not_exist),
        SD_TEST(test_parse_rejects_a_value_not_written_at_its_precision),
        SD_TEST(test_parse_defaults_anchored_and_calendar),
        SD_TEST(test_parse_accepts_null_time),
        SD_TEST(test_parse_keeps_unknown_argument_keys_verbatim),
        SD_TEST(test_parse_allows_only_x_prefixed_extra_members),
        SD_TEST(test_parse_rejects_a_repeated_member),
        SD_TEST(test_summit_needs_exactly_one_of_org_or_body),
        SD_TEST(test_parse_rejects_an_entity_of_the_wrong_kind),
        SD_TEST(test_parse_rejects_an_event_word_outside_the_list),
        SD_TEST(test_parse_rejects_an_unknown_modality),
        SD_TEST(test_parse_rejects_a_missing_required_argument),
        SD_TEST(test_parse_rejects_an_overlong_line),
        SD_TEST(test_parse_rejects_an_object_with_too_many_members),
        SD_TEST(test_write_then_parse_round_trips),
        SD_TEST(test_write_escapes_controls_and_keeps_persian_text),
        SD_TEST(test_builder_makes_a_valid_claim),
        SD_TEST(test_every_type_has_a_key_argument),
        SD_TEST(test_load_walks_a_folder_in_sorted_order),
        SD_TEST(test_load_reports_bad_lines_and_keeps_the_rest),
        SD_TEST(test_load_fails_on_a_missing_path),
        SD_TEST_END,
    };
    sd_test_add_suite("claim_io", cases);
}
