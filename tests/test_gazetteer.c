/* Specification of the gazetteer: which entity a stretch of Persian text names.
 * Unit cases run on tests/data/gazetteer-model.json (small, with deliberately overlapping
 * names); the seed cases run the bundled model over the three real articles. */
#include "sd_test.h"

#include "gazetteer.h"
#include "model.h"
#include "segment.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEST_MODEL SD_TEST_DATA "/gazetteer-model.json"

typedef struct run {
    sd_model *model;
    sd_gazetteer *g;
    sd_folded f;
    sd_segments seg;
    sd_mention_list ml;
} run;

static sd_model *load_model(const char *path)
{
    sd_model *m = NULL;
    sd_error err;
    sd_error_clear(&err);
    if (sd_model_load(&m, path, &err) != 0) {
        char buf[1600];
        sd_error_format(&err, buf, sizeof buf);
        fprintf(stderr, "\n  model load failed: %s\n", buf);
        return NULL;
    }
    return m;
}

/* Fold, segment and find in text with the model at path; 0 on success. */
static int run_text(run *r, const char *path, const char *text, size_t len)
{
    sd_error err;
    sd_error_clear(&err);
    memset(r, 0, sizeof *r);
    r->model = load_model(path);
    if (r->model == NULL)
        return -1;
    if (sd_gazetteer_build(&r->g, r->model, &err) != 0)
        return -1;
    if (sd_fold(text, len, &r->f, &err) != 0)
        return -1;
    if (sd_segment(&r->f, &r->seg, &err) != 0)
        return -1;
    return sd_gazetteer_find(r->g, &r->f, &r->seg, &r->ml, &err);
}

static void run_free(run *r)
{
    sd_mention_list_free(&r->ml);
    sd_segments_free(&r->seg);
    sd_folded_free(&r->f);
    sd_gazetteer_free(r->g);
    sd_model_free(r->model);
}

static const char *mention_id(const sd_mention *m)
{
    return m->entity != NULL ? m->entity->id : "(ambiguous)";
}

static void dump(const run *r)
{
    for (size_t i = 0; i < r->ml.n; i++) {
        const sd_mention *m = &r->ml.items[i];
        fprintf(stderr, "  [%zu] %.*s -> %s%s%s\n", i, (int)(m->end - m->start),
                r->f.s + m->start, mention_id(m), m->loose ? " loose" : "",
                m->short_form ? " short" : "");
    }
}

/* text must yield exactly the listed ids, in order (NULL-terminated). */
static void expect_ids(const char *text, const char *const *ids)
{
    run r;
    int rc = run_text(&r, TEST_MODEL, text, strlen(text));
    CU_ASSERT_EQUAL_FATAL(rc, 0);
    size_t n = 0;
    while (ids[n] != NULL)
        n++;
    bool ok = r.ml.n == n;
    for (size_t i = 0; ok && i < n; i++)
        ok = strcmp(mention_id(&r.ml.items[i]), ids[i]) == 0;
    CU_ASSERT_TRUE(ok);
    if (!ok) {
        fprintf(stderr, "\n  text: %s\n", text);
        dump(&r);
    }
    run_free(&r);
}

#define EXPECT(text, ...) expect_ids(text, (const char *const[]){__VA_ARGS__, NULL})
#define EXPECT_NONE(text) expect_ids(text, (const char *const[]){NULL})

static void test_gazetteer_rusiye_sefid_is_belarus_not_russia(void)
{
    EXPECT("دیدار روسیه سفید و روسیه", "country:BY", "country:RU");
}

static void test_gazetteer_jomhuri_azerbaijan_is_one_country_mention(void)
{
    run r;
    const char *text = "سفیر جمهوری آذربایجان گفت";
    CU_ASSERT_EQUAL_FATAL(run_text(&r, TEST_MODEL, text, strlen(text)), 0);
    CU_ASSERT_EQUAL_FATAL(r.ml.n, 1);
    CU_ASSERT_STRING_EQUAL(mention_id(&r.ml.items[0]), "country:AZ");
    CU_ASSERT_EQUAL(r.ml.items[0].first_token, 1);
    CU_ASSERT_EQUAL(r.ml.items[0].ntokens, 2);
    CU_ASSERT_EQUAL(r.ml.items[0].start, r.seg.tokens[1].start);
    CU_ASSERT_EQUAL(r.ml.items[0].end, r.seg.tokens[2].end);
    run_free(&r);
}

static void test_gazetteer_longer_place_name_beats_country(void)
{
    EXPECT("استان آذربایجان غربی و آذربایجان", "place:west-azerbaijan-province", "country:AZ");
}

static void test_gazetteer_nato_full_name_is_nato_not_csto(void)
{
    EXPECT("سازمان پیمان آتلانتیک شمالی (ناتو)", "org:nato", "org:nato");
}

static void test_gazetteer_sazman_melal_mottahed_is_un(void)
{
    EXPECT("قطعنامه سازمان ملل متحد", "org:un");
}

static void test_gazetteer_general_assembly_is_one_body_mention(void)
{
    EXPECT("در مجمع عمومی سازمان ملل متحد", "body:unga");
}

static void test_gazetteer_ignores_zwnj_and_space_variants(void)
{
    EXPECT("آران‌نیوز، آراننیوز و آران نیوز", "media:aran-news", "media:aran-news",
           "media:aran-news");
    EXPECT("جامعه کشورهای مستقل مشترک المنافع", "org:cis");
}

static void test_gazetteer_matches_arabic_letter_forms(void)
{
    EXPECT("سازمان پيمان امنيت جمعي", "org:csto");
}

static void test_gazetteer_matches_latin_and_cyrillic_names(void)
{
    EXPECT("CSTO و ОДКБ و одкб", "org:csto", "org:csto", "org:csto");
}

static void check_single(const char *text, const char *id, bool loose)
{
    run r;
    CU_ASSERT_EQUAL_FATAL(run_text(&r, TEST_MODEL, text, strlen(text)), 0);
    CU_ASSERT_EQUAL(r.ml.n, 1);
    if (r.ml.n == 1) {
        CU_ASSERT_STRING_EQUAL(mention_id(&r.ml.items[0]), id);
        CU_ASSERT_EQUAL(r.ml.items[0].loose, loose);
        CU_ASSERT_FALSE(r.ml.items[0].short_form);
    } else {
        fprintf(stderr, "\n  text: %s\n", text);
        dump(&r);
    }
    run_free(&r);
}

static void test_gazetteer_exact_spelling_is_not_loose(void)
{
    check_single("ایمانقلی تاسماگامبتوف گفت", "person:tasmagambetov", false);
}

static void test_gazetteer_transliteration_variant_matches_loosely(void)
{
    check_single("ایمانقلی تاسماقامبتوف گفت", "person:tasmagambetov", true);
    check_single("یوری خاچاطوروف گفت", "person:khachaturov", true);
}

static void test_gazetteer_doubled_letter_matches_loosely(void)
{
    check_single("یوری خاچاتورروف", "person:khachaturov", true);
}

static void test_gazetteer_word_final_yeh_is_optional_loosely(void)
{
    check_single("ایمانقل تاسماگامبتوف", "person:tasmagambetov", true);
}

static void test_gazetteer_short_alias_before_full_mention_is_dropped(void)
{
    EXPECT_NONE("خاچاتوروف گفت");
}

static void test_gazetteer_short_alias_after_full_mention_is_reported(void)
{
    run r;
    const char *text = "یوری خاچاتوروف آمد. خاچاتوروف گفت";
    CU_ASSERT_EQUAL_FATAL(run_text(&r, TEST_MODEL, text, strlen(text)), 0);
    CU_ASSERT_EQUAL_FATAL(r.ml.n, 2);
    CU_ASSERT_STRING_EQUAL(mention_id(&r.ml.items[1]), "person:khachaturov");
    CU_ASSERT_FALSE(r.ml.items[0].short_form);
    CU_ASSERT_TRUE(r.ml.items[1].short_form);
    run_free(&r);
}

static void test_gazetteer_short_alias_of_another_entity_does_not_count(void)
{
    EXPECT("ایمانقلی تاسماگامبتوف آمد. خاچاتوروف گفت", "person:tasmagambetov");
}

static void test_gazetteer_shared_alias_is_ambiguous_with_sorted_candidates(void)
{
    run r;
    const char *text = "ایوانف گفت";
    CU_ASSERT_EQUAL_FATAL(run_text(&r, TEST_MODEL, text, strlen(text)), 0);
    CU_ASSERT_EQUAL_FATAL(r.ml.n, 1);
    const sd_mention *m = &r.ml.items[0];
    CU_ASSERT_PTR_NULL(m->entity);
    CU_ASSERT_EQUAL_FATAL(m->ncandidates, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m->candidates);
    CU_ASSERT_STRING_EQUAL(m->candidates[0]->id, "person:igor-ivanov");
    CU_ASSERT_STRING_EQUAL(m->candidates[1]->id, "person:sergei-ivanov");
    CU_ASSERT_TRUE(m->candidates[0]->index < m->candidates[1]->index);
    run_free(&r);
}

static void test_gazetteer_full_name_resolves_shared_surname(void)
{
    EXPECT("سرگئی ایوانف گفت", "person:sergei-ivanov");
}

static void test_gazetteer_matches_only_whole_words(void)
{
    /* ناتوان (weak) is not NATO; پروسیه (Prussia) and روسیه‌ای are not Russia. */
    EXPECT_NONE("کشور ناتوان، پروسیه و نیروهای روسیه‌ای");
}

static void test_gazetteer_conjunction_before_same_letter_is_not_part_of_name(void)
{
    /* loosely, doubled letters collapse across the space: "و والری" must still start at والری */
    run r;
    const char *text = "پوتین و والری سمریکوف";
    CU_ASSERT_EQUAL_FATAL(run_text(&r, TEST_MODEL, text, strlen(text)), 0);
    CU_ASSERT_EQUAL_FATAL(r.ml.n, 1);
    CU_ASSERT_STRING_EQUAL(mention_id(&r.ml.items[0]), "person:semerikov");
    CU_ASSERT_EQUAL(r.ml.items[0].first_token, 2);
    CU_ASSERT_FALSE(r.ml.items[0].loose);
    run_free(&r);
}

static void test_gazetteer_match_does_not_cross_a_line_break(void)
{
    EXPECT("روسیه\nسفید", "country:RU");
}

static void test_gazetteer_alias_count_counts_distinct_keys(void)
{
    /* keys: ایگورایوانف, ایوانف (shared), igorivanov, игорьиванов, سرگییایوانف,
     * sergeiivanov, сергейиванов = 7 */
    static const char model[] =
        "{\"schema\":\"sanad-model/1\",\"name\":\"t\",\"as_of\":\"2026-01-01\","
        "\"sources\":[{\"id\":\"src:t\",\"title\":\"t\",\"url\":\"https://example.org\"}],"
        "\"entities\":["
        "{\"id\":\"person:a\",\"type\":\"person\",\"names\":{\"fa\":\"ایگور ایوانف\","
        "\"en\":\"igor ivanov\",\"ru\":\"игорь иванов\"},\"aliases\":[\"ایوانف\"]},"
        "{\"id\":\"person:b\",\"type\":\"person\",\"names\":{\"fa\":\"سرگئی ایوانف\","
        "\"en\":\"sergei ivanov\",\"ru\":\"сергей иванов\"},\"aliases\":[\"ایوانف\"]}],"
        "\"facts\":[]}";
    sd_model *m = NULL;
    sd_gazetteer *g = NULL;
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(sd_model_load_buffer(&m, "t.json", model, sizeof model - 1, &err), 0);
    CU_ASSERT_EQUAL_FATAL(sd_gazetteer_build(&g, m, &err), 0);
    CU_ASSERT_EQUAL(sd_gazetteer_alias_count(g), 7);
    sd_gazetteer_free(g);
    sd_model_free(m);
}

static void test_gazetteer_survives_empty_and_invalid_text(void)
{
    static const char bad[] = "\xff\xfe\xd8 \xd8\xb1\xd9\x88\xd8\xb3\xdb\x8c\xd9\x87 \xe2\x80";
    run r;
    CU_ASSERT_EQUAL_FATAL(run_text(&r, TEST_MODEL, "", 0), 0);
    CU_ASSERT_EQUAL(r.ml.n, 0);
    run_free(&r);
    CU_ASSERT_EQUAL_FATAL(run_text(&r, TEST_MODEL, bad, sizeof bad - 1), 0);
    CU_ASSERT_EQUAL(r.ml.n, 1);     /* روسیه between invalid bytes */
    run_free(&r);
}

/* ---- the three seeds with the bundled model (entities from notes/csto-facts.md §0) ---- */

static void check_seed(const char *file, const char *const *ids)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/articles/%s", SD_TEST_FIXTURES, file);
    size_t len = 0;
    char *text = sd_test_read_file(path, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    run r;
    int rc = run_text(&r, SD_TEST_MODEL, text, len);
    CU_ASSERT_EQUAL(rc, 0);
    for (size_t i = 0; rc == 0 && ids[i] != NULL; i++) {
        bool found = false;
        for (size_t k = 0; k < r.ml.n && !found; k++)
            found = r.ml.items[k].entity != NULL && strcmp(r.ml.items[k].entity->id, ids[i]) == 0;
        CU_ASSERT_TRUE(found);
        if (!found)
            fprintf(stderr, "\n  %s: %s not found\n", file, ids[i]);
    }
    run_free(&r);
    free(text);
}

static void test_gazetteer_finds_every_entity_of_seed_000(void)
{
    static const char *const ids[] = {
        "org:csto", "body:csto-cfm", "body:csto-csc", "body:csto-crrf", "body:unga",
        "org:sco", "org:nato", "city:yerevan", "country:AM", "country:BY", "country:KZ",
        "country:KG", "country:RU", "country:TJ", "country:UZ", "country:AZ", "country:GE",
        "country:AF", "country:SY", "person:aslov", "person:serzh-sargsyan",
        "person:nalbandian", "media:aran-news", NULL};
    check_seed("000_aa12c8155f0d4d94.txt", ids);
}

static void test_gazetteer_finds_every_entity_of_seed_002(void)
{
    static const char *const ids[] = {
        "org:csto", "body:csto-cfm", "body:csto-cdm", "body:csto-cssc", "org:sco", "org:cis",
        "country:AM", "country:BY", "country:KZ", "country:KG", "country:RU", "country:TJ",
        "country:AF", "city:moscow", "city:bishkek", "place:yntymak-ordo", "person:japarov",
        "person:putin", "person:lukashenko", "person:tokayev", "person:rahmon",
        "person:tasmagambetov", "person:kulubaev", "person:masadykov", "media:trt-persian",
        "media:aa", NULL};
    check_seed("002_bbfa5220e0d216f8.txt", ids);
}

static void test_gazetteer_finds_every_entity_of_seed_004(void)
{
    static const char *const ids[] = {
        "org:csto", "body:unga", "city:yerevan", "country:AM", "country:BY", "country:KZ",
        "country:KG", "country:RU", "country:TJ", "country:AZ", "city:astana",
        "city:saint-petersburg", "city:baku", "place:caucasus", "person:khachaturov",
        "person:nazarbayev", "person:aydin-guliyev", "media:baku-khabar", "media:trend",
        "media:irna", "media:aran-news", NULL};
    check_seed("004_6644079558f78279.txt", ids);
}

void sd_test_register(void)
{
    static const sd_test_case cases[] = {
        SD_TEST(test_gazetteer_rusiye_sefid_is_belarus_not_russia),
        SD_TEST(test_gazetteer_jomhuri_azerbaijan_is_one_country_mention),
        SD_TEST(test_gazetteer_longer_place_name_beats_country),
        SD_TEST(test_gazetteer_nato_full_name_is_nato_not_csto),
        SD_TEST(test_gazetteer_sazman_melal_mottahed_is_un),
        SD_TEST(test_gazetteer_general_assembly_is_one_body_mention),
        SD_TEST(test_gazetteer_ignores_zwnj_and_space_variants),
        SD_TEST(test_gazetteer_matches_arabic_letter_forms),
        SD_TEST(test_gazetteer_matches_latin_and_cyrillic_names),
        SD_TEST(test_gazetteer_exact_spelling_is_not_loose),
        SD_TEST(test_gazetteer_transliteration_variant_matches_loosely),
        SD_TEST(test_gazetteer_doubled_letter_matches_loosely),
        SD_TEST(test_gazetteer_word_final_yeh_is_optional_loosely),
        SD_TEST(test_gazetteer_short_alias_before_full_mention_is_dropped),
        SD_TEST(test_gazetteer_short_alias_after_full_mention_is_reported),
        SD_TEST(test_gazetteer_short_alias_of_another_entity_does_not_count),
        SD_TEST(test_gazetteer_shared_alias_is_ambiguous_with_sorted_candidates),
        SD_TEST(test_gazetteer_full_name_resolves_shared_surname),
        SD_TEST(test_gazetteer_matches_only_whole_words),
        SD_TEST(test_gazetteer_conjunction_before_same_letter_is_not_part_of_name),
        SD_TEST(test_gazetteer_match_does_not_cross_a_line_break),
        SD_TEST(test_gazetteer_alias_count_counts_distinct_keys),
        SD_TEST(test_gazetteer_survives_empty_and_invalid_text),
        SD_TEST(test_gazetteer_finds_every_entity_of_seed_000),
        SD_TEST(test_gazetteer_finds_every_entity_of_seed_002),
        SD_TEST(test_gazetteer_finds_every_entity_of_seed_004),
        SD_TEST_END,
    };
    sd_test_add_suite("gazetteer", cases);
}
