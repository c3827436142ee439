/* Specification of the report renderers (JUnit, SARIF, HTML) and the XML/HTML escaper.
 * Most cases render tests/data/report-sample.json: three documents (one rejected), claims of
 * every verdict, nested evidence spans, a conflict, an anachronism, a suppressed finding, and
 * article text carrying <script> and "><img onerror=…> payloads. */
#include "escape.h"
#include "model.h"
#include "render.h"
#include "sd_test.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { FMT_JUNIT, FMT_SARIF, FMT_HTML } fmt;

static cJSON *load_sample(void)
{
    size_t len = 0;
    char *buf = sd_test_read_file(SD_TEST_DATA "/report-sample.json", &len);
    cJSON *root = buf ? cJSON_Parse(buf) : NULL;

    free(buf);
    CU_ASSERT_PTR_NOT_NULL_FATAL(root);
    return root;
}

/* Render into a heap string (caller frees); rc receives the renderer's status. */
static char *render(const cJSON *report, fmt f, const sd_model *model, int *rc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    sd_error err;

    sd_error_clear(&err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    *rc = f == FMT_JUNIT   ? sd_render_junit(report, out, &err)
          : f == FMT_SARIF ? sd_render_sarif(report, out, &err)
                           : sd_render_html(report, model, out, &err);
    fclose(out);
    return buf;
}

static char *render_sample(fmt f, const sd_model *model)
{
    cJSON *report = load_sample();
    int rc = -1;
    char *s = render(report, f, model, &rc);

    cJSON_Delete(report);
    CU_ASSERT_EQUAL(rc, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    return s;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0, l = strlen(needle);
    const char *p = hay;

    while ((p = strstr(p, needle)) != NULL) {
        n++;
        p += l;
    }
    return n;
}

/* Strict UTF-8 check (no overlongs, surrogates or truncation). */
static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    while (*p) {
        int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2
                : (*p & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0 || (n == 1 && *p < 0xC2))
            return 0;
        p++;
        while (n-- > 0) {
            if ((*p & 0xC0) != 0x80)
                return 0;
            p++;
        }
    }
    return 1;
}

static char *escape_to_string(const char *s, size_t len, bool attribute)
{
    char *buf = NULL;
    size_t blen = 0;
    FILE *out = open_memstream(&buf, &blen);

    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    CU_ASSERT_EQUAL(sd_escape_xml(out, s, len, attribute), 0);
    fclose(out);
    return buf;
}

/* ---- escape ----------------------------------------------------------------------------- */

static void test_escape_turns_markup_into_entities(void)
{
    const char *in = "<script>\"a\" & 'b'</script>";
    char *s = escape_to_string(in, strlen(in), false);

    CU_ASSERT_STRING_EQUAL(s, "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;");
    free(s);
}

static void test_escape_keeps_persian_text_and_zwnj(void)
{
    const char *in = "می\xE2\x80\x8Cرسد سازمان";
    char *s = escape_to_string(in, strlen(in), false);

    CU_ASSERT_STRING_EQUAL(s, in);
    free(s);
}

static void test_escape_replaces_invalid_utf8_and_controls(void)
{
    /* stray continuation, truncated 3-byte sequence, NUL-free C0 control, C1 control, overlong */
    const char in[] = "a\x80" "b\xE2\x82" "c\x01" "d\xC2\x85" "e\xC0\xAF";
    char *s = escape_to_string(in, sizeof in - 1, false);

    CU_ASSERT_STRING_EQUAL(s, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD" "c\xEF\xBF\xBD"
                              "d\xEF\xBF\xBD" "e\xEF\xBF\xBD\xEF\xBF\xBD");
    CU_ASSERT_TRUE(valid_utf8(s));
    free(s);
}

static void test_escape_attribute_mode_keeps_newlines_as_references(void)
{
    char *s = escape_to_string("a\nb\tc", 5, true);

    CU_ASSERT_STRING_EQUAL(s, "a&#10;b&#9;c");
    free(s);
}

static void test_utf8_boundary_moves_back_to_the_lead_byte(void)
{
    const char *s = "ab\xD8\xB3\xD9\x84"; /* "ab" + two Arabic letters */

    CU_ASSERT_EQUAL(sd_utf8_boundary(s, strlen(s), 3), 2);
    CU_ASSERT_EQUAL(sd_utf8_boundary(s, strlen(s), 4), 4);
    CU_ASSERT_EQUAL(sd_utf8_boundary(s, strlen(s), 99), 6);
}

static void test_text_advance_counts_code_points_and_lines(void)
{
    long line = 3, col = 5;
    const char *s = "سلام\nدو x";

    sd_text_advance(s, strlen(s), &line, &col);
    CU_ASSERT_EQUAL(line, 4);
    CU_ASSERT_EQUAL(col, 5);
}

/* ---- JUnit ------------------------------------------------------------------------------- */

static void test_junit_has_one_testcase_per_document(void)
{
    char *s = render_sample(FMT_JUNIT, NULL);

    CU_ASSERT_EQUAL(count(s, "<testsuite "), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "<testsuite name=\"sanad\" tests=\"3\" failures=\"3\""));
    CU_ASSERT_EQUAL(count(s, "<testcase "), 3);
    CU_ASSERT_EQUAL(count(s, "classname=\"sanad.check\""), 3);
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "<testcase name=\"002_sample_sixsigners\""));
    free(s);
}

static void test_junit_rejected_document_fails_with_type_rejected(void)
{
    char *s = render_sample(FMT_JUNIT, NULL);
    const char *tc = strstr(s, "name=\"003_sample_broken\"");

    CU_ASSERT_PTR_NOT_NULL_FATAL(tc);
    CU_ASSERT_PTR_NOT_NULL(strstr(tc, "type=\"rejected\""));
    free(s);
}

static void test_junit_conflict_is_a_failure_of_each_side_once(void)
{
    char *s = render_sample(FMT_JUNIT, NULL);

    /* document 1 records the conflict as a finding; document 2 gets it from conflicts[] */
    CU_ASSERT_EQUAL(count(s, "type=\"conflict\""), 2);
    free(s);
}

static void test_junit_suppressed_finding_is_not_a_failure(void)
{
    char *s = render_sample(FMT_JUNIT, NULL);

    CU_ASSERT_EQUAL(count(s, "<failure "), 7);
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "<system-out>suppressed refuted: "));
    free(s);
}

static void test_junit_escapes_article_text(void)
{
    char *s = render_sample(FMT_JUNIT, NULL);

    CU_ASSERT_PTR_NULL(strstr(s, "<script"));
    CU_ASSERT_PTR_NULL(strstr(s, "<img"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "&lt;script&gt;"));
    CU_ASSERT_TRUE(valid_utf8(s));
    free(s);
}

/* ---- SARIF ------------------------------------------------------------------------------- */

static cJSON *sarif_run(cJSON **root)
{
    char *s = render_sample(FMT_SARIF, NULL);

    *root = cJSON_Parse(s);
    free(s);
    CU_ASSERT_PTR_NOT_NULL_FATAL(*root);
    return cJSON_GetArrayItem(cJSON_GetObjectItem(*root, "runs"), 0);
}

static const cJSON *sarif_result_with(const cJSON *run, const char *rule, int nth)
{
    const cJSON *r;

    cJSON_ArrayForEach(r, cJSON_GetObjectItem(run, "results")) {
        const cJSON *id = cJSON_GetObjectItem(r, "ruleId");
        if (cJSON_IsString(id) && strcmp(id->valuestring, rule) == 0 && nth-- == 0)
            return r;
    }
    return NULL;
}

static void test_sarif_declares_schema_version_and_rules(void)
{
    cJSON *root;
    const cJSON *run = sarif_run(&root), *rules, *rule;

    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(root, "$schema")->valuestring,
                           "https://json.schemastore.org/sarif-2.1.0.json");
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(root, "version")->valuestring, "2.1.0");
    CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItem(root, "runs")), 1);
    rules = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(run, "tool"), "driver"),
                                "rules");
    CU_ASSERT_EQUAL(cJSON_GetArraySize(rules), 5);
    rule = cJSON_GetArrayItem(rules, 2);
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(rule, "id")->valuestring, "sanad/anachronism");
    CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItem(cJSON_GetObjectItem(rule, "help"), "markdown"));
    cJSON_Delete(root);
}

static void test_sarif_region_end_is_computed_from_evidence_text(void)
{
    cJSON *root;
    const cJSON *run = sarif_run(&root);
    const cJSON *r = sarif_result_with(run, "sanad/anachronism", 0);
    const cJSON *region;

    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    region = cJSON_GetObjectItem(
        cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(r, "locations"), 0),
                            "physicalLocation"),
        "region");
    /* evidence starts at line 2 column 1 and has 61 code points on one line */
    CU_ASSERT_EQUAL(cJSON_GetObjectItem(region, "startLine")->valueint, 2);
    CU_ASSERT_EQUAL(cJSON_GetObjectItem(region, "startColumn")->valueint, 1);
    CU_ASSERT_EQUAL(cJSON_GetObjectItem(region, "endLine")->valueint, 2);
    CU_ASSERT_EQUAL(cJSON_GetObjectItem(region, "endColumn")->valueint, 62);
    CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItem(region, "byteLength"));
    CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItem(r, "partialFingerprints"));
    cJSON_Delete(root);
}

static void test_sarif_keeps_suppressed_findings_with_suppressions(void)
{
    cJSON *root;
    const cJSON *run = sarif_run(&root), *r, *sup;
    int n = 0;

    cJSON_ArrayForEach(r, cJSON_GetObjectItem(run, "results")) {
        sup = cJSON_GetObjectItem(r, "suppressions");
        if (sup == NULL)
            continue;
        n++;
        CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(cJSON_GetArrayItem(sup, 0), "kind")->valuestring,
                               "external");
    }
    CU_ASSERT_EQUAL(n, 1);
    cJSON_Delete(root);
}

static void test_sarif_conflict_is_one_result_with_related_location(void)
{
    cJSON *root;
    const cJSON *run = sarif_run(&root);
    const cJSON *r = sarif_result_with(run, "sanad/conflict", 0);

    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_PTR_NULL(sarif_result_with(run, "sanad/conflict", 1));
    CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItem(r, "relatedLocations")), 1);
    cJSON_Delete(root);
}

static void test_sarif_artifacts_have_hashes_and_encoded_uris(void)
{
    cJSON *root;
    const cJSON *run = sarif_run(&root);
    const cJSON *a = cJSON_GetArrayItem(cJSON_GetObjectItem(run, "artifacts"), 0);
    const cJSON *loc = cJSON_GetObjectItem(a, "location");

    CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItem(run, "artifacts")), 3);
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(loc, "uri")->valuestring,
                           "fixtures/articles/001%20sample%20script.txt");
    CU_ASSERT_EQUAL(strlen(cJSON_GetObjectItem(cJSON_GetObjectItem(a, "hashes"), "sha-256")
                               ->valuestring),
                    64);
    cJSON_Delete(root);
}

/* ---- HTML -------------------------------------------------------------------------------- */

static void test_html_article_markup_renders_as_text(void)
{
    char *s = render_sample(FMT_HTML, NULL);

    CU_ASSERT_PTR_NULL(strstr(s, "<script>alert"));
    CU_ASSERT_PTR_NULL(strstr(s, "<script>document.title='pwned'"));
    CU_ASSERT_PTR_NULL(strstr(s, "<img"));
    CU_ASSERT_PTR_NULL(strstr(s, "<b>only"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "&lt;img src=x onerror=alert(1)&gt;"));
    CU_ASSERT_EQUAL(count(s, "<script"), 1); /* the page's own script only */
    CU_ASSERT_TRUE(valid_utf8(s));
    free(s);
}

static void test_html_highlights_every_claim_with_its_verdict(void)
{
    char *s = render_sample(FMT_HTML, NULL);

    CU_ASSERT_PTR_NOT_NULL(strstr(s, "<span class=\"claim v-partly_supported\" tabindex=\"0\" "
                                     "data-ref=\"c0-1\" data-claim=\"001_sample_script#1\">"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "class=\"claim v-refuted\" tabindex=\"0\" data-ref=\"c1-2\" "
                                     "data-claim=\"002_sample_sixsigners#2\""));
    CU_ASSERT_EQUAL(count(s, "<span class=\"claim "), 7);
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "<div class=\"text\" dir=\"rtl\" lang=\"fa\">"));
    free(s);
}

static void test_html_nests_a_span_inside_its_enclosing_claim(void)
{
    char *s = render_sample(FMT_HTML, NULL);
    const char *outer = strstr(s, "data-claim=\"001_sample_script#2\">");
    const char *inner = strstr(s, "data-claim=\"001_sample_script#3\">");

    CU_ASSERT_PTR_NOT_NULL_FATAL(outer);
    CU_ASSERT_PTR_NOT_NULL_FATAL(inner);
    /* #3 opens after #2 and before any </span> closes #2 */
    CU_ASSERT_TRUE(inner > outer);
    CU_ASSERT_PTR_NULL(memchr(outer, '/', (size_t)(inner - outer)));
    free(s);
}

static void test_html_offsets_inside_a_character_never_split_it(void)
{
    cJSON *report = load_sample();
    cJSON *doc = cJSON_GetArrayItem(cJSON_GetObjectItem(report, "documents"), 1);
    cJSON *claims = cJSON_GetObjectItem(doc, "claims");
    cJSON *ev = cJSON_GetObjectItem(cJSON_GetArrayItem(claims, 0), "evidence");
    int rc = -1;
    char *s;

    /* Persian letters are two bytes: odd offsets fall inside a character */
    cJSON_SetNumberValue(cJSON_GetObjectItem(ev, "start"), 3);
    cJSON_SetNumberValue(cJSON_GetObjectItem(ev, "end"), 9);
    s = render(report, FMT_HTML, NULL, &rc);
    CU_ASSERT_EQUAL(rc, 0);
    CU_ASSERT_TRUE(valid_utf8(s));
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "data-claim=\"002_sample_sixsigners#1\">\xD8\xB9"));
    free(s);
    cJSON_Delete(report);
}

static void test_html_out_of_range_offsets_are_not_highlighted(void)
{
    cJSON *report = load_sample();
    cJSON *doc = cJSON_GetArrayItem(cJSON_GetObjectItem(report, "documents"), 1);
    cJSON *ev = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "claims"), 0),
                                    "evidence");
    int rc = -1;
    char *s;

    cJSON_SetNumberValue(cJSON_GetObjectItem(ev, "end"), 1e9);
    s = render(report, FMT_HTML, NULL, &rc);
    CU_ASSERT_EQUAL(rc, 0);
    CU_ASSERT_PTR_NULL(strstr(s, "<span class=\"claim v-supported\" tabindex=\"0\" "
                                 "data-ref=\"c1-1\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "id=\"c1-1\"")); /* still listed */
    free(s);
    cJSON_Delete(report);
}

static void test_html_links_only_http_sources(void)
{
    char *s = render_sample(FMT_HTML, NULL);

    CU_ASSERT_PTR_NULL(strstr(s, "href=\"javascript:"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "href=\"https://www.un.org/example/cst\""));
    free(s);
}

static void test_html_claim_panel_names_conflicting_document(void)
{
    char *s = render_sample(FMT_HTML, NULL);
    const char *panel = strstr(s, "<details class=\"cd v-partly_supported\" id=\"c0-1\"");

    CU_ASSERT_PTR_NOT_NULL_FATAL(panel);
    CU_ASSERT_PTR_NOT_NULL(strstr(panel, "<li>conflicts: 002_sample_sixsigners"));
    free(s);
}

static void test_html_lists_rejected_documents_with_reason(void)
{
    char *s = render_sample(FMT_HTML, NULL);
    const char *sec = strstr(s, "<section id=\"rejected\">");

    CU_ASSERT_PTR_NOT_NULL_FATAL(sec);
    CU_ASSERT_PTR_NOT_NULL(strstr(sec, "003_sample_broken"));
    CU_ASSERT_PTR_NOT_NULL(strstr(sec, "byte 17: invalid UTF-8 sequence &lt;script&gt;"));
    free(s);
}

static void test_html_has_strict_csp_and_no_external_resources(void)
{
    char *s = render_sample(FMT_HTML, NULL);

    CU_ASSERT_PTR_NOT_NULL(strstr(s, "default-src 'none'; style-src 'unsafe-inline'; "
                                     "script-src 'sha256-"));
    CU_ASSERT_PTR_NULL(strstr(s, "src=\""));
    CU_ASSERT_PTR_NULL(strstr(s, "<link"));
    CU_ASSERT_PTR_NULL(strstr(s, "@import"));
    free(s);
}

static void test_html_output_is_deterministic(void)
{
    char *a = render_sample(FMT_HTML, NULL), *b = render_sample(FMT_HTML, NULL);

    CU_ASSERT_STRING_EQUAL(a, b);
    free(a);
    free(b);
}

static void test_html_timelines_show_offices_and_memberships_from_model(void)
{
    sd_model *model = NULL;
    sd_error err;
    char *s;

    sd_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(sd_model_load(&model, SD_TEST_MODEL, &err), 0);
    s = render_sample(FMT_HTML, model);
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(s, ">Secretary-General</text>"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s, ">Chairmanship</text>"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s, ">Armenia</text>"));
    CU_ASSERT_TRUE(count(s, "<rect ") > 10);
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "fill=\"#c62828\"")); /* a refuted claim's mark */
    CU_ASSERT_TRUE(valid_utf8(s));
    free(s);
    sd_model_free(model);
}

static void write_file(const char *path, const char *s)
{
    FILE *f = fopen(path, "w");

    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_TRUE(fputs(s, f) >= 0);
    CU_ASSERT_EQUAL(fclose(f), 0);
}

/* Writes the sample outputs where scripts/validate-outputs (xmllint, SARIF Multitool, ajv) and
 * tests/browser/check_html.sh can check them: SD_TEST_TMP/render-samples/. */
static void test_sample_outputs_are_written_for_external_validators(void)
{
    sd_model *model = NULL;
    sd_error err;
    cJSON *report = load_sample();
    char *s;

    sd_error_clear(&err);
    if (sd_model_load(&model, SD_TEST_MODEL, &err) != 0)
        model = NULL;
    CU_ASSERT_TRUE_FATAL(system("mkdir -p '" SD_TEST_TMP "/render-samples'") == 0);
    s = render_sample(FMT_HTML, model);
    write_file(SD_TEST_TMP "/render-samples/report-sample.html", s);
    free(s);
    s = render_sample(FMT_SARIF, model);
    write_file(SD_TEST_TMP "/render-samples/report-sample.sarif", s);
    free(s);
    s = render_sample(FMT_JUNIT, model);
    write_file(SD_TEST_TMP "/render-samples/report-sample.xml", s);
    free(s);
    s = cJSON_Print(report);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    write_file(SD_TEST_TMP "/render-samples/report-sample.json", s);
    cJSON_free(s);
    cJSON_Delete(report);
    sd_model_free(model);
}

/* ---- every renderer ---------------------------------------------------------------------- */

static void test_renderers_reject_a_tree_that_is_not_a_report(void)
{
    cJSON *bad = cJSON_Parse("{\"schema\":\"sanad-claim/1\",\"documents\":[]}");
    sd_error err;
    FILE *out = fopen("/dev/null", "w");

    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    sd_error_clear(&err);
    CU_ASSERT_EQUAL(sd_render_junit(bad, out, &err), SD_EINVAL);
    CU_ASSERT_EQUAL(sd_render_sarif(bad, out, &err), SD_EINVAL);
    CU_ASSERT_EQUAL(sd_render_html(bad, NULL, out, &err), SD_EINVAL);
    CU_ASSERT_EQUAL(sd_render_html(NULL, NULL, out, &err), SD_EINVAL);
    fclose(out);
    cJSON_Delete(bad);
}

static void test_renderers_survive_members_of_the_wrong_type(void)
{
    const char *json =
        "{\"schema\":\"sanad-report/1\",\"documents\":[{\"id\":5,\"claims\":{},\"findings\":"
        "[1,{\"type\":null,\"evidence\":{\"line\":-4,\"text\":7}}],\"text\":\"x\"},"
        "{\"status\":\"rejected\"}],\"conflicts\":[{\"sides\":[{\"doc\":\"nope\"},3]}],"
        "\"summary\":[]}";
    cJSON *report = cJSON_Parse(json);
    fmt f;

    CU_ASSERT_PTR_NOT_NULL_FATAL(report);
    for (f = FMT_JUNIT; f <= FMT_HTML; f++) {
        int rc = -1;
        char *s = render(report, f, NULL, &rc);
        CU_ASSERT_EQUAL(rc, 0);
        CU_ASSERT_TRUE(s != NULL && valid_utf8(s));
        free(s);
    }
    cJSON_Delete(report);
}

void sd_test_register(void)
{
    static const sd_test_case escape_cases[] = {
        SD_TEST(test_escape_turns_markup_into_entities),
        SD_TEST(test_escape_keeps_persian_text_and_zwnj),
        SD_TEST(test_escape_replaces_invalid_utf8_and_controls),
        SD_TEST(test_escape_attribute_mode_keeps_newlines_as_references),
        SD_TEST(test_utf8_boundary_moves_back_to_the_lead_byte),
        SD_TEST(test_text_advance_counts_code_points_and_lines),
        SD_TEST_END,
    };
    static const sd_test_case junit_cases[] = {
        SD_TEST(test_junit_has_one_testcase_per_document),
        SD_TEST(test_junit_rejected_document_fails_with_type_rejected),
        SD_TEST(test_junit_conflict_is_a_failure_of_each_side_once),
        SD_TEST(test_junit_suppressed_finding_is_not_a_failure),
        SD_TEST(test_junit_escapes_article_text),
        SD_TEST_END,
    };
    static const sd_test_case sarif_cases[] = {
        SD_TEST(test_sarif_declares_schema_version_and_rules),
        SD_TEST(test_sarif_region_end_is_computed_from_evidence_text),
        SD_TEST(test_sarif_keeps_suppressed_findings_with_suppressions),
        SD_TEST(test_sarif_conflict_is_one_result_with_related_location),
        SD_TEST(test_sarif_artifacts_have_hashes_and_encoded_uris),
        SD_TEST_END,
    };
    static const sd_test_case html_cases[] = {
        SD_TEST(test_html_article_markup_renders_as_text),
        SD_TEST(test_html_highlights_every_claim_with_its_verdict),
        SD_TEST(test_html_nests_a_span_inside_its_enclosing_claim),
        SD_TEST(test_html_offsets_inside_a_character_never_split_it),
        SD_TEST(test_html_out_of_range_offsets_are_not_highlighted),
        SD_TEST(test_html_links_only_http_sources),
        SD_TEST(test_html_claim_panel_names_conflicting_document),
        SD_TEST(test_html_lists_rejected_documents_with_reason),
        SD_TEST(test_html_has_strict_csp_and_no_external_resources),
        SD_TEST(test_html_output_is_deterministic),
        SD_TEST(test_html_timelines_show_offices_and_memberships_from_model),
        SD_TEST(test_sample_outputs_are_written_for_external_validators),
        SD_TEST_END,
    };
    static const sd_test_case common_cases[] = {
        SD_TEST(test_renderers_reject_a_tree_that_is_not_a_report),
        SD_TEST(test_renderers_survive_members_of_the_wrong_type),
        SD_TEST_END,
    };
    sd_test_add_suite("escape", escape_cases);
    sd_test_add_suite("render_junit", junit_cases);
    sd_test_add_suite("render_sarif", sarif_cases);
    sd_test_add_suite("render_html", html_cases);
    sd_test_add_suite("render_common", common_cases);
}
