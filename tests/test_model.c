/* Specification of the model loader: what a valid sanad-model/1 file gives, and one exact error
 * message (FILE:LINE:COL: PATH: MESSAGE) per class of broken model; plus the JSON locator the
 * messages rely on.
 *
 * The inline models are written with ' for " (q() swaps them back) so they stay readable.
 * Every model is built as: line 1 schema/name/as_of, line 2 sources, line 3 "entities": [,
 * lines 4-6 the base entities (org:csto, country:AM, person:a), then any extra entity one per
 * line (line 7), then "], 'facts': [" and the facts one per line (from line 8 without an extra
 * entity). */
#include "json_locate.h"
#include "model.h"
#include "sd_test.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const base_entities[] = {
    "{'id':'org:csto','type':'organization','names':{'fa':'سازمان پیمان امنیت جمعی','en':'CSTO','ru':'ОДКБ'}}",
    "{'id':'country:AM','type':'country','names':{'fa':'ارمنستان','en':'Armenia','ru':'Армения'}}",
    "{'id':'person:a','type':'person','names':{'fa':'الف','en':'A','ru':'А'}}",
};

#define SG "{'id':'fact:sg','type':'office','office':'secretary_general','org':'org:csto','holder':'person:a','from':'2003-04-28','to':'2016-12-31','sources':['src:a']}"
#define MEMBER "{'id':'fact:am','type':'membership','org':'org:csto','country':'country:AM','event':'signed','date':'1992-05-15','sources':['src:a']}"

/* Build the model text (quotes swapped) into a static buffer. */
static const char *model_text(const char *extra_entity, const char *facts)
{
    static char buf[8192];
    size_t n = (size_t)snprintf(buf, sizeof buf,
                                "{'schema':'sanad-model/1','name':'t','as_of':'2026-11-01',\n"
                                "'sources':[{'id':'src:a','title':'A','url':'https://a.example/'}],\n"
                                "'entities':[\n%s,\n%s,\n%s%s%s\n],'facts':[\n%s\n]}\n",
                                base_entities[0], base_entities[1], base_entities[2],
                                extra_entity != NULL ? ",\n" : "",
                                extra_entity != NULL ? extra_entity : "", facts);
    for (size_t i = 0; i < n && i < sizeof buf; i++)
        if (buf[i] == '\'')
            buf[i] = '"';
    return buf;
}

/* Load text; returns the status and leaves the formatted error in msg ("" on success). */
static int load_text(const char *text, size_t len, char *msg, size_t cap)
{
    sd_model *m = NULL;
    sd_error err;
    int rc = sd_model_load_buffer(&m, "m.json", text, len, &err);
    msg[0] = '\0';
    if (rc != 0)
        sd_error_format(&err, msg, cap);
    else
        CU_ASSERT_PTR_NOT_NULL(m);
    sd_model_free(m);
    return rc;
}

static int load_model(const char *extra_entity, const char *facts, char *msg, size_t cap)
{
    const char *t = model_text(extra_entity, facts);
    return load_text(t, strlen(t), msg, cap);
}

/* Assert that the model fails with this status and exact message. */
#define EXPECT_ERROR(entity, facts, code, want)                                                 \
    do {                                                                                        \
        char msg_[1024];                                                                        \
        CU_ASSERT_EQUAL(load_model(entity, facts, msg_, sizeof msg_), code);                    \
        CU_ASSERT_STRING_EQUAL(msg_, want);                                                     \
    } while (0)

/* ---- valid models ------------------------------------------------------------------------ */

static void test_valid_model_loads_every_record(void)
{
    const char *t = model_text(NULL, SG ",\n" MEMBER);
    sd_model *m = NULL;
    sd_error err;
    CU_ASSERT_EQUAL_FATAL(sd_model_load_buffer(&m, "m.json", t, strlen(t), &err), 0);
    CU_ASSERT_EQUAL(sd_model_entity_count(m), 3);
    CU_ASSERT_EQUAL(sd_model_fact_count(m), 2);
    CU_ASSERT_EQUAL(sd_model_source_count(m), 1);
    CU_ASSERT_STRING_EQUAL(sd_model_name(m), "t");
    CU_ASSERT_STRING_EQUAL(sd_model_as_of(m), "2026-11-01");
    CU_ASSERT_STRING_EQUAL(sd_model_path(m), "m.json");
    const sd_fact *f = sd_model_find_fact(m, "fact:sg");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->type, SD_FACT_OFFICE);
    CU_ASSERT_STRING_EQUAL(f->office, "secretary_general");
    CU_ASSERT_STRING_EQUAL(f->holder, "person:a");
    CU_ASSERT_EQUAL(f->from.y, 2003);
    CU_ASSERT_EQUAL(f->from.m, 4);
    CU_ASSERT_EQUAL(f->from.d, 28);
    CU_ASSERT_EQUAL(f->to.prec, SD_PREC_DAY);
    CU_ASSERT_EQUAL(f->nsources, 1);
    CU_ASSERT_STRING_EQUAL(f->sources[0], "src:a");
    CU_ASSERT_EQUAL(f->index, 0);
    sd_model_free(m);
}

static void test_entity_lookup_by_id_returns_the_entity(void)
{
    const char *t = model_text(NULL, SG);
    sd_model *m = NULL;
    sd_error err;
    CU_ASSERT_EQUAL_FATAL(sd_model_load_buffer(&m, "m.json", t, strlen(t), &err), 0);
    const sd_entity *e = sd_model_find_entity(m, "country:AM");
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, SD_ENT_COUNTRY);
    CU_ASSERT_STRING_EQUAL(e->name_fa, "ارمنستان");
    CU_ASSERT_STRING_EQUAL(e->name_ru, "Армения");
    CU_ASSERT_EQUAL(e->index, 1);
    CU_ASSERT_PTR_NULL(sd_model_find_entity(m, "country:XX"));
    CU_ASSERT_PTR_NULL(sd_model_find_source(m, "src:none"));
    CU_ASSERT_PTR_NOT_NULL(sd_model_find_source(m, "src:a"));
    sd_model_free(m);
}

static void test_open_term_has_no_end_date(void)
{
    const char *t = model_text(NULL,
        "{'id':'fact:sg','type':'office','office':'secretary_general','org':'org:csto','holder':'person:a','from':'2017','to':null,'acting':true,'sources':['src:a']}");
    sd_model *m = NULL;
    sd_error err;
    CU_ASSERT_EQUAL_FATAL(sd_model_load_buffer(&m, "m.json", t, strlen(t), &err), 0);
    const sd_fact *f = sd_model_fact(m, 0);
    CU_ASSERT_EQUAL(f->to.prec, SD_PREC_NONE);
    CU_ASSERT_EQUAL(f->from.prec, SD_PREC_YEAR);
    CU_ASSERT_TRUE(f->acting);
    sd_model_free(m);
}

static void test_alternatives_keep_their_own_values_and_sources(void)
{
    const char *t = model_text(NULL,
        "{'id':'fact:am','type':'membership','org':'org:csto','country':'country:AM','event':'acceded','date':'1993-12-09','sources':['src:a'],"
        "'alternatives':[{'date':'1993-09-09','sources':['src:a'],'note':'copy error'}]}");
    sd_model *m = NULL;
    sd_error err;
    CU_ASSERT_EQUAL_FATAL(sd_model_load_buffer(&m, "m.json", t, strlen(t), &err), 0);
    const sd_fact *f = sd_model_fact(m, 0);
    CU_ASSERT_EQUAL_FATAL(f->nalternatives, 1);
    CU_ASSERT_EQUAL(f->alternatives[0].date.m, 9);
    CU_ASSERT_EQUAL(f->alternatives[0].from.prec, SD_PREC_NONE);
    CU_ASSERT_EQUAL(f->alternatives[0].nsources, 1);
    CU_ASSERT_STRING_EQUAL(f->alternatives[0].note, "copy error");
    sd_model_free(m);
}

static void test_every_fact_type_loads_its_fields(void)
{
    const char *t = model_text("{'id':'city:moscow','type':'city','names':{'fa':'مسکو','en':'Moscow','ru':'Москва'}}",
        "{'id':'fact:ms','type':'milestone','event':'treaty_signed','org':'org:csto','date':'1992-05-15','city':'city:moscow','parties':['country:AM'],'sources':['src:a']},\n"
        "{'id':'fact:su','type':'summit','body':'org:csto','date':'2002-05-14','city':null,'kind':'online','attendees':['person:a'],'chair':'person:a','sources':['src:a']},\n"
        "{'id':'fact:st','type':'status','status':'un_observer','org':'org:csto','date':'2004-12-02','granted_by':'org:csto','sources':['src:a']},\n"
        "{'id':'fact:ru','type':'rule','rule':'sg_rotation','org':'org:csto','order':['country:AM'],'basis':'russian_alphabetical','term_years':3,'from':'2017','sources':['src:a']}");
    sd_model *m = NULL;
    sd_error err;
    CU_ASSERT_EQUAL_FATAL(sd_model_load_buffer(&m, "m.json", t, strlen(t), &err), 0);
    const sd_fact *ms = sd_model_find_fact(m, "fact:ms"), *su = sd_model_find_fact(m, "fact:su");
    const sd_fact *ru = sd_model_find_fact(m, "fact:ru");
    CU_ASSERT_STRING_EQUAL(ms->city, "city:moscow");
    CU_ASSERT_EQUAL(ms->nparties, 1);
    CU_ASSERT_PTR_NULL(su->city);
    CU_ASSERT_STRING_EQUAL(su->kind, "online");
    CU_ASSERT_STRING_EQUAL(su->chair, "person:a");
    CU_ASSERT_EQUAL(su->nparties, 1);
    CU_ASSERT_EQUAL(ru->term_years, 3);
    CU_ASSERT_EQUAL(ru->norder, 1);
    CU_ASSERT_STRING_EQUAL(ru->basis, "russian_alphabetical");
    CU_ASSERT_STRING_EQUAL(sd_fact_type_name(ru->type), "rule");
    sd_model_free(m);
}

static void test_leading_byte_order_mark_is_accepted(void)
{
    const char *t = model_text(NULL, SG);
    size_t n = strlen(t);
    char *buf = malloc(n + 3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    memcpy(buf, "\xEF\xBB\xBF", 3);
    memcpy(buf + 3, t, n);
    char msg[512];
    CU_ASSERT_EQUAL(load_text(buf, n + 3, msg, sizeof msg), 0);
    free(buf);
}

static void test_sha256_is_the_hash_of_the_file_bytes(void)
{
    const char *t = model_text(NULL, SG);
    sd_model *m = NULL;
    sd_error err;
    CU_ASSERT_EQUAL_FATAL(sd_model_load_buffer(&m, "m.json", t, strlen(t), &err), 0);
    /* Computed with sha256sum over the same text. */
    FILE *f = fopen(SD_TEST_TMP "/model-hash.json", "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fwrite(t, 1, strlen(t), f);
    fclose(f);
    FILE *p = popen("sha256sum " SD_TEST_TMP "/model-hash.json", "r");
    char want[65] = "";
    if (p != NULL) {
        if (fscanf(p, "%64s", want) != 1)
            want[0] = '\0';
        pclose(p);
    }
    if (want[0] == '\0') {
        CU_FAIL("sha256sum is not available to compute the expected hash");
    } else {
        CU_ASSERT_STRING_EQUAL(sd_model_sha256(m), want);
    }
    sd_model_free(m);
}

static void test_default_path_follows_sanad_data_dir(void)
{
    setenv("SANAD_DATA_DIR", "/opt/sanad-data", 1);
    CU_ASSERT_STRING_EQUAL(sd_data_dir(), "/opt/sanad-data");
    CU_ASSERT_STRING_EQUAL(sd_model_default_path(), "/opt/sanad-data/model/csto.json");
    unsetenv("SANAD_DATA_DIR");
    /* Without it, a build uses the source tree's data directory. */
    CU_ASSERT_STRING_EQUAL(sd_data_dir(), SANAD_SOURCE_DATA_DIR);
}

static void test_bundled_model_loads(void)
{
    if (access(SD_TEST_MODEL, F_OK) != 0) {
        CU_FAIL("validator/data/model/csto.json does not exist yet");
        return;
    }
    sd_model *m = NULL;
    sd_error err;
    int rc = sd_model_load(&m, SD_TEST_MODEL, &err);
    if (rc != 0) {
        char msg[1024];
        sd_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "\nbundled model: %s\n", msg);
    }
    CU_ASSERT_EQUAL_FATAL(rc, 0);
    CU_ASSERT_PTR_NOT_NULL(sd_model_find_entity(m, "org:csto"));
    CU_ASSERT_TRUE(sd_model_fact_count(m) > 0);
    CU_ASSERT_EQUAL(strlen(sd_model_sha256(m)), 64);
    sd_model_free(m);
}

/* ---- one test per error class ------------------------------------------------------------ */

static void test_malformed_json_is_located(void)
{
    /* a trailing comma after the last fact (line 8) */
    EXPECT_ERROR(NULL, SG ",", SD_EPARSE, "m.json:8:157: malformed JSON: trailing comma before ']'");
}

static void test_truncated_json_reports_end_of_file(void)
{
    const char *t = model_text(NULL, SG);
    char msg[512];
    CU_ASSERT_EQUAL(load_text(t, 40, msg, sizeof msg), SD_EPARSE);
    CU_ASSERT_STRING_EQUAL(msg, "m.json:1:38: malformed JSON: unterminated string");
}

static void test_nul_byte_is_rejected(void)
{
    char text[] = "{\"schema\": \"sanad-model/1\"\0}";
    char msg[512];
    CU_ASSERT_EQUAL(load_text(text, sizeof text - 1, msg, sizeof msg), SD_EPARSE);
    CU_ASSERT_STRING_EQUAL(msg, "m.json:1:27: the file contains a NUL byte");
}

static void test_invalid_utf8_is_rejected(void)
{
    const char *text = "{\"name\": \"\xD8\"}";
    char msg[512];
    CU_ASSERT_EQUAL(load_text(text, strlen(text), msg, sizeof msg), SD_EPARSE);
    CU_ASSERT_STRING_EQUAL(msg, "m.json:1:11: invalid UTF-8 (byte 0xD8)");
}

static void test_nesting_deeper_than_the_limit_is_rejected(void)
{
    char text[2 * (SD_MODEL_MAX_DEPTH + 1) + 1];
    for (int i = 0; i <= SD_MODEL_MAX_DEPTH; i++) {
        text[i] = '[';
        text[SD_MODEL_MAX_DEPTH + 1 + i] = ']';
    }
    text[sizeof text - 1] = '\0';
    char msg[512];
    CU_ASSERT_EQUAL(load_text(text, strlen(text), msg, sizeof msg), SD_ELIMIT);
    CU_ASSERT_STRING_EQUAL(msg, "m.json:1:33: nesting deeper than 32 levels");
}

static void test_file_bigger_than_the_limit_is_rejected(void)
{
    const char *path = SD_TEST_TMP "/model-too-big.json";
    int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0644);
    CU_ASSERT_FATAL(fd >= 0);
    CU_ASSERT_EQUAL(ftruncate(fd, (off_t)SD_MODEL_MAX_BYTES + 1), 0);   /* sparse: no disk */
    close(fd);
    sd_model *m = NULL;
    sd_error err;
    CU_ASSERT_EQUAL(sd_model_load(&m, path, &err), SD_ELIMIT);
    CU_ASSERT_PTR_NULL(m);
    char msg[512];
    sd_error_format(&err, msg, sizeof msg);
    CU_ASSERT_STRING_EQUAL(msg, SD_TEST_TMP "/model-too-big.json: the model is larger than the "
                                            "limit of 16777216 bytes");
    unlink(path);
}

static void test_missing_file_is_an_io_error(void)
{
    sd_model *m = NULL;
    sd_error err;
    CU_ASSERT_EQUAL(sd_model_load(&m, SD_TEST_TMP "/no-such-model.json", &err), SD_EIO);
    char msg[512];
    sd_error_format(&err, msg, sizeof msg);
    CU_ASSERT_STRING_EQUAL(msg, SD_TEST_TMP "/no-such-model.json: cannot open the model: No such "
                                            "file or directory");
}

static void test_unsupported_schema_is_rejected(void)
{
    const char *text = "{\"schema\": \"sanad-model/2\", \"name\": \"t\"}";
    char msg[512];
    CU_ASSERT_EQUAL(load_text(text, strlen(text), msg, sizeof msg), SD_EINVAL);
    CU_ASSERT_STRING_EQUAL(msg, "m.json:1:12: schema: unsupported schema \"sanad-model/2\" "
                                "(expected \"sanad-model/1\")");
}

static void test_wrong_type_names_the_expected_type(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:sg','type':'office','office':'secretary_general','org':'org:csto','holder':'person:a','from':2003,'sources':['src:a']}",
        SD_EINVAL, "m.json:8:106: facts[0].from: expected a string, got a number");
}

static void test_missing_required_field_points_at_the_object(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:sg','type':'office','office':'secretary_general','org':'org:csto','holder':'person:a','sources':['src:a']}",
        SD_EINVAL, "m.json:8:1: facts[0]: missing required field \"from\"");
}

static void test_unknown_field_is_rejected(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:sg','type':'office','office':'secretary_general','org':'org:csto','holder':'person:a','form':'2003','from':'2003','sources':['src:a']}",
        SD_EINVAL, "m.json:8:106: facts[0].form: unknown field \"form\"");
}

static void test_unknown_fact_type_is_rejected(void)
{
    EXPECT_ERROR(NULL, "{'id':'fact:x','type':'treaty','sources':['src:a']}", SD_EINVAL,
                 "m.json:8:23: facts[0].type: unknown fact type \"treaty\" (expected milestone, "
                 "membership, office, summit, status or rule)");
}

static void test_unknown_membership_event_is_rejected(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:am','type':'membership','org':'org:csto','country':'country:AM','event':'left','date':'1999','sources':['src:a']}",
        SD_EINVAL, "m.json:8:85: facts[0].event: unknown membership event \"left\" (expected signed, "
                   "acceded, in_force, withdrew, suspended, rejoined, froze_participation or "
                   "founding_member)");
}

static void test_unknown_office_is_rejected(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:p','type':'office','office':'president','country':'country:AM','holder':'person:a','from':'2008','sources':['src:a']}",
        SD_EINVAL, "m.json:8:41: facts[0].office: unknown office \"president\" (expected "
                   "secretary_general, chair, head_of_state, head_of_government, foreign_minister "
                   "or defence_minister)");
}

static void test_unknown_entity_type_is_rejected(void)
{
    EXPECT_ERROR("{'id':'state:x','type':'state','names':{'fa':'x','en':'x','ru':'x'}}", SG,
                 SD_EINVAL, "m.json:7:24: entities[3].type: unknown entity type \"state\" (expected "
                            "country, person, organization, body, city, place or media)");
}

static void test_entity_id_must_match_its_type(void)
{
    EXPECT_ERROR("{'id':'person:am','type':'country','names':{'fa':'x','en':'x','ru':'x'}}", SG,
                 SD_EINVAL, "m.json:7:7: entities[3].id: country id \"person:am\" must start with "
                            "\"country:\"");
}

static void test_date_not_in_iso_form_is_rejected(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:am','type':'membership','org':'org:csto','country':'country:AM','event':'signed','date':'15.05.1992','sources':['src:a']}",
        SD_EINVAL, "m.json:8:101: facts[0].date: \"15.05.1992\" is not a date");
}

static void test_impossible_month_is_not_a_date(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:sg','type':'office','office':'secretary_general','org':'org:csto','holder':'person:a','from':'1992-13-01','sources':['src:a']}",
        SD_EINVAL, "m.json:8:106: facts[0].from: \"1992-13-01\" is not a date");
}

static void test_impossible_day_is_not_a_date(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:am','type':'membership','org':'org:csto','country':'country:AM','event':'signed','date':'1993-02-30','sources':['src:a']}",
        SD_EINVAL, "m.json:8:101: facts[0].date: \"1993-02-30\" is not a date");
}

static void test_end_before_start_is_rejected(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:sg','type':'office','office':'secretary_general','org':'org:csto','holder':'person:a','from':'2003-04-28','to':'2001-12-31','sources':['src:a']}",
        SD_EINVAL, "m.json:8:124: facts[0].to: \"2001-12-31\" is before from \"2003-04-28\"");
}

static void test_end_in_the_same_month_at_coarser_precision_is_accepted(void)
{
    /* "2003-04" compares equal to "2003-04-28" at month precision, either way round. */
    char msg[512];
    CU_ASSERT_EQUAL(load_model(NULL,
        "{'id':'fact:sg','type':'office','office':'secretary_general','org':'org:csto','holder':'person:a','from':'2003-04-28','to':'2003-04','sources':['src:a']}",
        msg, sizeof msg), 0);
    CU_ASSERT_EQUAL(load_model(NULL,
        "{'id':'fact:sg','type':'office','office':'secretary_general','org':'org:csto','holder':'person:a','from':'2003-04','to':'2003-04-28','sources':['src:a']}",
        msg, sizeof msg), 0);
}

static void test_dangling_entity_id_is_rejected(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:sg','type':'office','office':'secretary_general','org':'org:csto','holder':'person:nobody','from':'2003','sources':['src:a']}",
        SD_EINVAL, "m.json:8:88: facts[0].holder: unknown entity \"person:nobody\"");
}

static void test_head_of_state_holder_must_be_a_person(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:p','type':'office','office':'head_of_state','country':'country:AM','holder':'country:AM','from':'2008','sources':['src:a']}",
        SD_EINVAL, "m.json:8:89: facts[0].holder: \"country:AM\" is a country, expected a person");
}

static void test_chair_holder_must_be_a_country(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:c','type':'office','office':'chair','org':'org:csto','holder':'person:a','from':'2023','sources':['src:a']}",
        SD_EINVAL, "m.json:8:75: facts[0].holder: \"person:a\" is a person, expected a country");
}

static void test_membership_country_must_be_a_country(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:am','type':'membership','org':'org:csto','country':'org:csto','event':'signed','date':'1992','sources':['src:a']}",
        SD_EINVAL, "m.json:8:64: facts[0].country: \"org:csto\" is an organization, expected a "
                   "country");
}

static void test_org_office_needs_an_org(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:sg','type':'office','office':'secretary_general','country':'country:AM','holder':'person:a','from':'2003','sources':['src:a']}",
        SD_EINVAL, "m.json:8:1: facts[0]: a secretary_general office needs \"org\"");
}

static void test_dangling_source_id_is_rejected(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:am','type':'membership','org':'org:csto','country':'country:AM','event':'signed','date':'1992','sources':['src:a','src:b']}",
        SD_EINVAL, "m.json:8:127: facts[0].sources[1]: unknown source \"src:b\"");
}

static void test_fact_without_sources_is_rejected(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:am','type':'membership','org':'org:csto','country':'country:AM','event':'signed','date':'1992'}",
        SD_EINVAL, "m.json:8:1: facts[0]: missing required field \"sources\"");
}

static void test_alternative_with_unknown_source_is_rejected(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:am','type':'membership','org':'org:csto','country':'country:AM','event':'signed','date':'1992','sources':['src:a'],'alternatives':[{'date':'1993','sources':['src:z']}]}",
        SD_EINVAL, "m.json:8:170: facts[0].alternatives[0].sources[0]: unknown source \"src:z\"");
}

static void test_id_slug_must_be_lower_case_with_hyphens(void)
{
    EXPECT_ERROR("{'id':'person:Serzh_Sargsyan','type':'person','names':{'fa':'x','en':'x','ru':'x'}}", SG,
                 SD_EINVAL, "m.json:7:7: entities[3].id: \"person:Serzh_Sargsyan\" is not a valid id "
                            "(expected lower-case letters and digits joined by single hyphens)");
}

static void test_country_id_is_an_iso_code(void)
{
    EXPECT_ERROR("{'id':'country:armenia','type':'country','names':{'fa':'x','en':'x','ru':'x'}}", SG,
                 SD_EINVAL, "m.json:7:7: entities[3].id: \"country:armenia\" is not a valid id "
                            "(expected an ISO 3166 alpha-2 code such as country:AM)");
}

static void test_birth_date_only_on_people(void)
{
    EXPECT_ERROR("{'id':'country:UZ','type':'country','names':{'fa':'x','en':'x','ru':'x'},'born':'1991'}", SG,
                 SD_EINVAL, "m.json:7:81: entities[3].born: \"born\" applies only to people, not to "
                            "a country");
}

static void test_summit_attendees_must_be_people(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:su','type':'summit','body':'org:csto','date':'2002','city':null,'attendees':['country:AM'],'sources':['src:a']}",
        SD_EINVAL, "m.json:8:90: facts[0].attendees[0]: \"country:AM\" is a country, expected a person");
}

static void test_status_granted_by_must_be_an_organization_or_body(void)
{
    EXPECT_ERROR(NULL,
        "{'id':'fact:st','type':'status','status':'un_observer','org':'org:csto','date':'2004','granted_by':'person:a','sources':['src:a']}",
        SD_EINVAL, "m.json:8:100: facts[0].granted_by: \"person:a\" is a person, expected an "
                   "organization or body");
}

static void test_duplicate_entity_id_is_rejected(void)
{
    EXPECT_ERROR("{'id':'country:AM','type':'country','names':{'fa':'x','en':'x','ru':'x'}}", SG,
                 SD_EINVAL, "m.json:7:7: entities[3].id: duplicate id \"country:AM\" (already used "
                            "by entities[1])");
}

static void test_duplicate_fact_id_is_rejected(void)
{
    EXPECT_ERROR(NULL, SG ",\n" SG, SD_EINVAL,
                 "m.json:9:7: facts[1].id: duplicate id \"fact:sg\" (already used by facts[0])");
}

static void test_duplicate_source_id_is_rejected(void)
{
    const char *text =
        "{\"schema\":\"sanad-model/1\",\"name\":\"t\",\"as_of\":\"2026\",\"sources\":[\n"
        "{\"id\":\"src:a\",\"title\":\"A\",\"url\":\"https://a/\"},\n"
        "{\"id\":\"src:a\",\"title\":\"B\",\"url\":\"https://b/\"}],\"entities\":[],\"facts\":[]}";
    char msg[512];
    CU_ASSERT_EQUAL(load_text(text, strlen(text), msg, sizeof msg), SD_EINVAL);
    CU_ASSERT_STRING_EQUAL(msg, "m.json:3:7: sources[1].id: duplicate id \"src:a\" (already used by "
                                "sources[0])");
}

/* ---- json_locate ------------------------------------------------------------------------- */

static void test_locate_finds_a_nested_value(void)
{
    const char *t = "{\"a\": [1, {\"b\": \"x\", \"c\": [true, \"y\"]}]}";
    size_t off = 0;
    CU_ASSERT_EQUAL(sd_json_locate(t, strlen(t), "a[1].c[1]", &off), 0);
    CU_ASSERT_EQUAL(off, strlen("{\"a\": [1, {\"b\": \"x\", \"c\": [true, "));
}

static void test_locate_skips_brackets_inside_strings(void)
{
    const char *t = "{\"a\": \"[{\\\"\", \"b\": 2}";
    size_t off = 0;
    CU_ASSERT_EQUAL(sd_json_locate(t, strlen(t), "b", &off), 0);
    CU_ASSERT_EQUAL(t[off], '2');
}

static void test_locate_falls_back_to_the_deepest_value_found(void)
{
    const char *t = "{\"a\": [1, {\"b\": 2}]}";
    size_t off = 0;
    CU_ASSERT_EQUAL(sd_json_locate(t, strlen(t), "a[1].zz", &off), 1);
    CU_ASSERT_EQUAL(t[off], '{');
    CU_ASSERT_EQUAL(sd_json_locate(t, strlen(t), "a[7]", &off), 1);
    CU_ASSERT_EQUAL(t[off], '[');
}

static void test_syntax_check_accepts_strict_json(void)
{
    const char *t = " {\"a\": [1, -2.5e3, true, false, null, \"\\u00e9\\n\"], \"b\": {}} ";
    char why[128];
    CU_ASSERT_EQUAL(sd_json_syntax_error(t, strlen(t), why, sizeof why), -1);
}

static void test_syntax_check_reports_a_missing_comma(void)
{
    const char *t = "{\"a\": 1 \"b\": 2}";
    char why[128];
    CU_ASSERT_EQUAL(sd_json_syntax_error(t, strlen(t), why, sizeof why), 8);
    CU_ASSERT_STRING_EQUAL(why, "expected ',' or '}' after an object member, found '\"'");
}

static void test_depth_check_ignores_brackets_in_strings(void)
{
    const char *t = "[\"[[[[\", [[1]]]";
    CU_ASSERT_EQUAL(sd_json_depth_exceeded(t, strlen(t), 3), -1);
    CU_ASSERT_EQUAL(sd_json_depth_exceeded(t, strlen(t), 2), 10);
}

void sd_test_register(void)
{
    static const sd_test_case load_cases[] = {
        SD_TEST(test_valid_model_loads_every_record),
        SD_TEST(test_entity_lookup_by_id_returns_the_entity),
        SD_TEST(test_open_term_has_no_end_date),
        SD_TEST(test_alternatives_keep_their_own_values_and_sources),
        SD_TEST(test_every_fact_type_loads_its_fields),
        SD_TEST(test_leading_byte_order_mark_is_accepted),
        SD_TEST(test_sha256_is_the_hash_of_the_file_bytes),
        SD_TEST(test_default_path_follows_sanad_data_dir),
        SD_TEST(test_bundled_model_loads),
        SD_TEST_END,
    };
    static const sd_test_case error_cases[] = {
        SD_TEST(test_malformed_json_is_located),
        SD_TEST(test_truncated_json_reports_end_of_file),
        SD_TEST(test_nul_byte_is_rejected),
        SD_TEST(test_invalid_utf8_is_rejected),
        SD_TEST(test_nesting_deeper_than_the_limit_is_rejected),
        SD_TEST(test_file_bigger_than_the_limit_is_rejected),
        SD_TEST(test_missing_file_is_an_io_error),
        SD_TEST(test_unsupported_schema_is_rejected),
        SD_TEST(test_wrong_type_names_the_expected_type),
        SD_TEST(test_missing_required_field_points_at_the_object),
        SD_TEST(test_unknown_field_is_rejected),
        SD_TEST(test_unknown_fact_type_is_rejected),
        SD_TEST(test_unknown_membership_event_is_rejected),
        SD_TEST(test_unknown_office_is_rejected),
        SD_TEST(test_unknown_entity_type_is_rejected),
        SD_TEST(test_entity_id_must_match_its_type),
        SD_TEST(test_date_not_in_iso_form_is_rejected),
        SD_TEST(test_impossible_month_is_not_a_date),
        SD_TEST(test_impossible_day_is_not_a_date),
        SD_TEST(test_end_before_start_is_rejected),
        SD_TEST(test_end_in_the_same_month_at_coarser_precision_is_accepted),
        SD_TEST(test_dangling_entity_id_is_rejected),
        SD_TEST(test_head_of_state_holder_must_be_a_person),
        SD_TEST(test_chair_holder_must_be_a_country),
        SD_TEST(test_membership_country_must_be_a_country),
        SD_TEST(test_org_office_needs_an_org),
        SD_TEST(test_dangling_source_id_is_rejected),
        SD_TEST(test_fact_without_sources_is_rejected),
        SD_TEST(test_alternative_with_unknown_source_is_rejected),
        SD_TEST(test_id_slug_must_be_lower_case_with_hyphens),
        SD_TEST(test_country_id_is_an_iso_code),
        SD_TEST(test_birth_date_only_on_people),
        SD_TEST(test_summit_attendees_must_be_people),
        SD_TEST(test_status_granted_by_must_be_an_organization_or_body),
        SD_TEST(test_duplicate_entity_id_is_rejected),
        SD_TEST(test_duplicate_fact_id_is_rejected),
        SD_TEST(test_duplicate_source_id_is_rejected),
        SD_TEST_END,
    };
    static const sd_test_case locate_cases[] = {
        SD_TEST(test_locate_finds_a_nested_value),
        SD_TEST(test_locate_skips_brackets_inside_strings),
        SD_TEST(test_locate_falls_back_to_the_deepest_value_found),
        SD_TEST(test_syntax_check_accepts_strict_json),
        SD_TEST(test_syntax_check_reports_a_missing_comma),
        SD_TEST(test_depth_check_ignores_brackets_in_strings),
        SD_TEST_END,
    };
    sd_test_add_suite("model_load", load_cases);
    sd_test_add_suite("model_errors", error_cases);
    sd_test_add_suite("json_locate", locate_cases);
}
