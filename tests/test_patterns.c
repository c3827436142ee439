/* Specification of the pattern-file loader and cue finder (patterns.h).
 * Error cases load small files under tests/data/patterns-*.json, one defect each, and check
 * the status, message and JSON path the user will see; cue cases run the bundled
 * validator/data/patterns/claims.json over folded text. */
#include "sd_test.h"

#include "patterns.h"
#include "segment.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUNDLED SD_TEST_DATA "/../../validator/data/patterns/claims.json"
#define DATA(name) SD_TEST_DATA "/patterns-" name ".json"

static sd_patterns *load_ok(const char *path)
{
    sd_patterns *p = NULL;
    sd_error err;
    sd_error_clear(&err);
    if (sd_patterns_load(&p, path, &err) != SD_OK) {
        char buf[1600];
        sd_error_format(&err, buf, sizeof buf);
        fprintf(stderr, "\n  pattern load failed: %s\n", buf);
        return NULL;
    }
    return p;
}

/* Load a file that must fail; returns the status and fills err. */
static int load_fail(const char *path, sd_error *err)
{
    sd_patterns *p = (sd_patterns *)1;
    sd_error_clear(err);
    int rc = sd_patterns_load(&p, path, err);
    CU_ASSERT_PTR_NULL(p);
    if (rc == SD_OK)
        sd_patterns_free(p);
    return rc;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* ------------------------------------------------------------------ loading */

static void test_bundled_pattern_file_loads_with_every_engine_kind(void)
{
    sd_patterns *p = load_ok(BUNDLED);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    size_t nrules;
    const sd_rule *rules = sd_patterns_rules(p, &nrules);
    bool kinds[SD_RULE_ATTENDANCE + 1] = {false};
    for (size_t i = 0; i < nrules; i++)
        kinds[rules[i].kind] = true;
    for (int k = 0; k <= SD_RULE_ATTENDANCE; k++)
        CU_ASSERT_TRUE(kinds[k]);
    CU_ASSERT_TRUE(sd_patterns_phrase_count(p) > 100);
    size_t ntitles, nmods;
    sd_patterns_titles(p, &ntitles);
    sd_patterns_modalities(p, &nmods);
    CU_ASSERT_EQUAL(ntitles, 5);
    CU_ASSERT_EQUAL(nmods, 3);
    sd_patterns_free(p);
}

static void test_default_path_names_the_bundled_pattern_file(void)
{
    const char *path = sd_patterns_default_path();
    CU_ASSERT_TRUE(ends_with(path, "/patterns/claims.json"));
}

static void test_minimal_file_loads_rule_fields(void)
{
    sd_patterns *p = load_ok(DATA("minimal"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_EQUAL(sd_patterns_phrase_count(p), 6);
    int formed = sd_patterns_class_id(p, "cue.formed");
    int from = sd_patterns_class_id(p, "cue.from");
    int sg = sd_patterns_class_id(p, "role.sg");
    int hyp = sd_patterns_class_id(p, "mod.hyp");
    CU_ASSERT_TRUE(formed >= 0 && from >= 0 && sg >= 0 && hyp >= 0);
    CU_ASSERT_EQUAL(sd_patterns_class_id(p, "cue.nope"), -1);
    CU_ASSERT_STRING_EQUAL(sd_patterns_class_name(p, sg), "role.sg");
    CU_ASSERT_STRING_EQUAL(sd_patterns_class_name(p, 99), "?");
    size_t n;
    const sd_rule *r = sd_patterns_rules(p, &n);
    CU_ASSERT_EQUAL_FATAL(n, 2);
    CU_ASSERT_STRING_EQUAL(r[0].id, "found");
    CU_ASSERT_EQUAL(r[0].claim, SD_CLAIM_FOUNDING_MEMBERS);
    CU_ASSERT_EQUAL(r[0].kind, SD_RULE_ORG_MEMBERS);
    CU_ASSERT_EQUAL(r[0].time, SD_TIME_REQUIRED);
    CU_ASSERT_EQUAL(r[0].min_items, 3);
    CU_ASSERT_EQUAL(r[0].role, -1);
    CU_ASSERT_EQUAL(r[0].date_after, -1);
    CU_ASSERT_EQUAL(r[1].kind, SD_RULE_PERSON_ROLE_EVENT);
    CU_ASSERT_EQUAL(r[1].min_items, 1);
    CU_ASSERT_EQUAL(r[1].role, sg);
    CU_ASSERT_EQUAL(r[1].date_after, from);
    CU_ASSERT_EQUAL(r[1].time, SD_TIME_OPTIONAL);
    CU_ASSERT_EQUAL_FATAL(r[1].nall, 1);
    CU_ASSERT_EQUAL(r[1].all[0], from);
    CU_ASSERT_EQUAL_FATAL(r[1].nnone, 1);
    CU_ASSERT_EQUAL(r[1].none[0], formed);
    CU_ASSERT_EQUAL_FATAL(r[1].nany, 2);
    CU_ASSERT_EQUAL(r[1].any[0], hyp);
    CU_ASSERT_EQUAL(r[1].any[1], formed);
    CU_ASSERT_EQUAL_FATAL(r[1].nentities, 1);
    CU_ASSERT_STRING_EQUAL(r[1].entities[0], "org:csto");
    const cJSON *ev = cJSON_GetObjectItemCaseSensitive(r[1].args, "event");
    CU_ASSERT_TRUE(cJSON_IsString(ev) && strcmp(ev->valuestring, "starts") == 0);
    CU_ASSERT_TRUE(cJSON_IsObject(r[0].args));
    size_t nt, nm;
    const sd_title *t = sd_patterns_titles(p, &nt);
    const sd_modality_marker *m = sd_patterns_modalities(p, &nm);
    CU_ASSERT_EQUAL_FATAL(nt, 1);
    CU_ASSERT_EQUAL(t[0].cls, sg);
    CU_ASSERT_STRING_EQUAL(t[0].office, "secretary_general");
    CU_ASSERT_EQUAL_FATAL(nm, 1);
    CU_ASSERT_EQUAL(m[0].cls, hyp);
    CU_ASSERT_EQUAL(m[0].modality, SD_MODALITY_HYPOTHETICAL);
    sd_patterns_free(p);
}

static void test_missing_pattern_file_is_an_io_error_naming_it(void)
{
    sd_error err;
    CU_ASSERT_EQUAL(load_fail(DATA("does-not-exist"), &err), SD_EIO);
    CU_ASSERT_STRING_EQUAL(err.msg, "cannot read: No such file or directory");
    CU_ASSERT_TRUE(ends_with(err.file, "patterns-does-not-exist.json"));
}

static void test_malformed_json_reports_line_and_column(void)
{
    sd_error err;
    CU_ASSERT_EQUAL(load_fail(DATA("malformed"), &err), SD_EPARSE);
    CU_ASSERT_STRING_EQUAL(err.msg, "malformed JSON");
    CU_ASSERT_TRUE(ends_with(err.file, "patterns-malformed.json"));
    /* The missing comma: the parser stops at «"rules"» on line 4, column 3. */
    CU_ASSERT_EQUAL(err.line, 4);
    CU_ASSERT_EQUAL(err.col, 3);
}

static void test_nul_byte_in_pattern_buffer_is_rejected(void)
{
    static const char buf[] = "{\"schema\": \"sanad-patterns/1\"\0}";
    sd_patterns *p = NULL;
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL(sd_patterns_load_buffer(&p, "mem.json", buf, sizeof buf - 1, &err), SD_EPARSE);
    CU_ASSERT_PTR_NULL(p);
    CU_ASSERT_STRING_EQUAL(err.msg, "the pattern file contains a NUL byte");
}

static void test_wrong_schema_is_rejected_at_schema(void)
{
    sd_error err;
    CU_ASSERT_EQUAL(load_fail(DATA("bad-schema"), &err), SD_EINVAL);
    CU_ASSERT_STRING_EQUAL(err.path, "schema");
    CU_ASSERT_STRING_EQUAL(err.msg, "must be \"sanad-patterns/1\"");
    CU_ASSERT_TRUE(ends_with(err.file, "patterns-bad-schema.json"));
}

static void test_unknown_lexicon_class_in_rule_names_its_path(void)
{
    sd_error err;
    CU_ASSERT_EQUAL(load_fail(DATA("unknown-class"), &err), SD_EINVAL);
    CU_ASSERT_STRING_EQUAL(err.path, "rules[1].all[1]");
    CU_ASSERT_STRING_EQUAL(err.msg, "unknown lexicon class: cue.nope");
}

static void test_unknown_claim_type_is_rejected(void)
{
    sd_error err;
    CU_ASSERT_EQUAL(load_fail(DATA("unknown-claim"), &err), SD_EINVAL);
    CU_ASSERT_STRING_EQUAL(err.path, "rules[0].claim");
    CU_ASSERT_STRING_EQUAL(err.msg, "unknown claim type: founding");
}

static void test_unknown_rule_kind_is_rejected(void)
{
    sd_error err;
    CU_ASSERT_EQUAL(load_fail(DATA("unknown-kind"), &err), SD_EINVAL);
    CU_ASSERT_STRING_EQUAL(err.path, "rules[0].kind");
    CU_ASSERT_STRING_EQUAL(err.msg, "unknown rule kind: gathering");
}

static void test_duplicate_rule_id_is_rejected_at_second_rule(void)
{
    sd_error err;
    CU_ASSERT_EQUAL(load_fail(DATA("duplicate-rule"), &err), SD_EINVAL);
    CU_ASSERT_STRING_EQUAL(err.path, "rules[1].id");
    CU_ASSERT_STRING_EQUAL(err.msg, "duplicate rule id: r1");
}

static void test_empty_lexicon_phrase_is_rejected(void)
{
    sd_error err;
    CU_ASSERT_EQUAL(load_fail(DATA("empty-phrase"), &err), SD_EINVAL);
    CU_ASSERT_STRING_EQUAL(err.path, "lexicon.cue.b[1]");
    CU_ASSERT_STRING_EQUAL(err.msg, "must be a non-empty string");
}

static void test_bad_time_mode_is_rejected(void)
{
    sd_error err;
    CU_ASSERT_EQUAL(load_fail(DATA("bad-time"), &err), SD_EINVAL);
    CU_ASSERT_STRING_EQUAL(err.path, "rules[0].time");
    CU_ASSERT_STRING_EQUAL(err.msg, "time must be none, optional, required or publication");
}

static void test_min_items_below_one_is_rejected(void)
{
    sd_error err;
    CU_ASSERT_EQUAL(load_fail(DATA("bad-min-items"), &err), SD_EINVAL);
    CU_ASSERT_STRING_EQUAL(err.path, "rules[0].min_items");
    CU_ASSERT_STRING_EQUAL(err.msg, "must be a number from 1 to 50");
}

/* The same defects in an in-memory file: the name given is the one reported. */
static void test_rule_without_required_class_is_rejected(void)
{
    static const char buf[] =
        "{\"schema\": \"sanad-patterns/1\", \"lexicon\": {\"cue.a\": [\"x\"]},"
        " \"modality\": [], \"titles\": [],"
        " \"rules\": [{\"id\": \"r\", \"claim\": \"summit\", \"kind\": \"meeting\", \"any\": [\"cue.a\"]}]}";
    sd_patterns *p = NULL;
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL(sd_patterns_load_buffer(&p, "mem.json", buf, sizeof buf - 1, &err), SD_EINVAL);
    CU_ASSERT_PTR_NULL(p);
    CU_ASSERT_STRING_EQUAL(err.file, "mem.json");
    CU_ASSERT_STRING_EQUAL(err.path, "rules[0].all");
    CU_ASSERT_STRING_EQUAL(err.msg, "a rule needs at least one required cue class");
}

static void test_modality_with_unknown_name_is_rejected(void)
{
    static const char buf[] =
        "{\"schema\": \"sanad-patterns/1\", \"lexicon\": {\"cue.a\": [\"x\"]},"
        " \"modality\": [{\"class\": \"cue.a\", \"modality\": \"rumour\"}], \"titles\": [],"
        " \"rules\": [{\"id\": \"r\", \"claim\": \"summit\", \"kind\": \"meeting\", \"all\": [\"cue.a\"]}]}";
    sd_patterns *p = NULL;
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL(sd_patterns_load_buffer(&p, "mem.json", buf, sizeof buf - 1, &err), SD_EINVAL);
    CU_ASSERT_STRING_EQUAL(err.path, "modality[0]");
    CU_ASSERT_STRING_EQUAL(err.msg, "needs a known lexicon class and a known modality");
}

/* ------------------------------------------------------------------ cue finding */

typedef struct cues_run {
    sd_patterns *p;
    sd_folded f;
    sd_segments seg;
    sd_cue_list cues;
} cues_run;

static int cues_of(cues_run *r, const char *path, const char *text)
{
    sd_error err;
    sd_error_clear(&err);
    memset(r, 0, sizeof *r);
    r->p = load_ok(path);
    if (r->p == NULL)
        return -1;
    if (sd_fold(text, strlen(text), &r->f, &err) != SD_OK ||
        sd_segment(&r->f, &r->seg, &err) != SD_OK)
        return -1;
    return sd_patterns_find_cues(r->p, &r->f, &r->seg, &r->cues, &err);
}

static void cues_free(cues_run *r)
{
    sd_cue_list_free(&r->cues);
    sd_segments_free(&r->seg);
    sd_folded_free(&r->f);
    sd_patterns_free(r->p);
}

static size_t count_class(const cues_run *r, const char *cls)
{
    int id = sd_patterns_class_id(r->p, cls);
    size_t n = 0;
    for (size_t i = 0; i < r->cues.n; i++)
        n += r->cues.items[i].cls == id;
    return n;
}

static const sd_cue *cue_of(const cues_run *r, const char *cls)
{
    int id = sd_patterns_class_id(r->p, cls);
    for (size_t i = 0; i < r->cues.n; i++)
        if (r->cues.items[i].cls == id)
            return &r->cues.items[i];
    return NULL;
}

static void expect_class_once(const char *text, const char *cls)
{
    cues_run r;
    CU_ASSERT_EQUAL_FATAL(cues_of(&r, BUNDLED, text), SD_OK);
    if (count_class(&r, cls) != 1)
        fprintf(stderr, "\n  «%s»: %zu cues of %s\n", text, count_class(&r, cls), cls);
    CU_ASSERT_EQUAL(count_class(&r, cls), 1);
    cues_free(&r);
}

static void test_cue_matches_with_zwnj_space_or_no_space(void)
{
    expect_class_once("پیش‌بینی می‌شود که", "mod.forecast");
    expect_class_once("پیش بینی می شود که", "mod.forecast");
    expect_class_once("پیشبینی میشود که", "mod.forecast");
}

static void test_cue_matches_arabic_letters_and_hamza_variants(void)
{
    expect_class_once("سازمان در سال ۱۹۹۲ تشكيل شد", "cue.formed");
    expect_class_once("سازمان تأسیس شد", "cue.formed");
    expect_class_once("سازمان تاسیس شد", "cue.formed");
}

static void test_cue_takes_longest_phrase_at_a_token(void)
{
    cues_run r;
    CU_ASSERT_EQUAL_FATAL(cues_of(&r, BUNDLED, "در نشست سران در بیشکک"), SD_OK);
    const sd_cue *c = cue_of(&r, "cue.meeting");
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_EQUAL(c->ntokens, 2);
    /* «نشست سران» only: the shorter «نشست» at the same token is not reported beside it. */
    CU_ASSERT_EQUAL(count_class(&r, "cue.meeting"), 1);
    cues_free(&r);
}

static void test_cue_in_two_classes_yields_one_cue_per_class(void)
{
    cues_run r;
    /* «ملحق شدند» is both a joining and an accession cue. */
    CU_ASSERT_EQUAL_FATAL(cues_of(&r, BUNDLED, "سه کشور به پیمان ملحق شدند"), SD_OK);
    const sd_cue *a = cue_of(&r, "cue.joined");
    const sd_cue *b = cue_of(&r, "cue.acceded");
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_EQUAL(a->start, b->start);
    CU_ASSERT_EQUAL(a->end, b->end);
    CU_ASSERT_EQUAL(a->ntokens, 2);
    cues_free(&r);
}

static void test_cue_must_start_at_a_word_boundary(void)
{
    cues_run r;
    /* «نشست» inside «بنشست» is not the meeting cue. */
    CU_ASSERT_EQUAL_FATAL(cues_of(&r, BUNDLED, "او بنشست و رفت"), SD_OK);
    CU_ASSERT_EQUAL(count_class(&r, "cue.meeting"), 0);
    cues_free(&r);
}

static void test_cue_list_is_sorted_and_spans_folded_bytes(void)
{
    cues_run r;
    const char *text = "نشست سران در بیشکک برگزار شد";
    CU_ASSERT_EQUAL_FATAL(cues_of(&r, BUNDLED, text), SD_OK);
    CU_ASSERT_TRUE(r.cues.n >= 2);
    for (size_t i = 1; i < r.cues.n; i++)
        CU_ASSERT_TRUE(r.cues.items[i - 1].start <= r.cues.items[i].start);
    const sd_cue *held = cue_of(&r, "cue.held");
    CU_ASSERT_PTR_NOT_NULL_FATAL(held);
    const char *want = "برگزار شد";
    CU_ASSERT_EQUAL(held->end - held->start, strlen(want));
    CU_ASSERT_EQUAL(memcmp(r.f.s + held->start, want, strlen(want)), 0);
    cues_free(&r);
}

static void test_text_without_phrases_has_no_cues(void)
{
    cues_run r;
    CU_ASSERT_EQUAL_FATAL(cues_of(&r, DATA("minimal"), "هوا امروز آفتابی است"), SD_OK);
    CU_ASSERT_EQUAL(r.cues.n, 0);
    cues_free(&r);
}

static void test_minimal_lexicon_phrase_with_space_matches_joined_spelling(void)
{
    cues_run r;
    CU_ASSERT_EQUAL_FATAL(cues_of(&r, DATA("minimal"), "دبیرکل و دبیر کل"), SD_OK);
    CU_ASSERT_EQUAL(count_class(&r, "role.sg"), 2);
    cues_free(&r);
}

void sd_test_register(void)
{
    static const sd_test_case loading[] = {
        SD_TEST(test_bundled_pattern_file_loads_with_every_engine_kind),
        SD_TEST(test_default_path_names_the_bundled_pattern_file),
        SD_TEST(test_minimal_file_loads_rule_fields),
        SD_TEST(test_missing_pattern_file_is_an_io_error_naming_it),
        SD_TEST(test_malformed_json_reports_line_and_column),
        SD_TEST(test_nul_byte_in_pattern_buffer_is_rejected),
        SD_TEST(test_wrong_schema_is_rejected_at_schema),
        SD_TEST(test_unknown_lexicon_class_in_rule_names_its_path),
        SD_TEST(test_unknown_claim_type_is_rejected),
        SD_TEST(test_unknown_rule_kind_is_rejected),
        SD_TEST(test_duplicate_rule_id_is_rejected_at_second_rule),
        SD_TEST(test_empty_lexicon_phrase_is_rejected),
        SD_TEST(test_bad_time_mode_is_rejected),
        SD_TEST(test_min_items_below_one_is_rejected),
        SD_TEST(test_rule_without_required_class_is_rejected),
        SD_TEST(test_modality_with_unknown_name_is_rejected),
        SD_TEST_END,
    };
    static const sd_test_case cues[] = {
        SD_TEST(test_cue_matches_with_zwnj_space_or_no_space),
        SD_TEST(test_cue_matches_arabic_letters_and_hamza_variants),
        SD_TEST(test_cue_takes_longest_phrase_at_a_token),
        SD_TEST(test_cue_in_two_classes_yields_one_cue_per_class),
        SD_TEST(test_cue_must_start_at_a_word_boundary),
        SD_TEST(test_cue_list_is_sorted_and_spans_folded_bytes),
        SD_TEST(test_text_without_phrases_has_no_cues),
        SD_TEST(test_minimal_lexicon_phrase_with_space_matches_joined_spelling),
        SD_TEST_END,
    };
    sd_test_add_suite("patterns.load", loading);
    sd_test_add_suite("patterns.cues", cues);
}
