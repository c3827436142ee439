/* Specification of incremental runs: the changed-file list a CI job hands over (changed.h) and
 * the claims cache (cache.h) — a stored result comes back exactly, the key follows the model and
 * the patterns, and a bad entry is a miss, never a failure. */
#include "cache.h"
#include "changed.h"
#include "check.h"
#include "gazetteer.h"
#include "ingest.h"
#include "model.h"
#include "patterns.h"
#include "report.h"
#include "sd_test.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define ARTICLES SD_TEST_FIXTURES "/articles"
#define SEED ARTICLES "/004_6644079558f78279.txt"
#define HASH_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define HASH_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

/* ------------------------------------------------------------------ changed-file list */

static void parse(const char *text, sd_changed *l)
{
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(sd_changed_parse(text, strlen(text), l, &err), SD_OK);
}

static bool listed(const sd_changed *l, const char *path)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i].path, path) == 0)
            return true;
    return false;
}

static void test_changed_skips_blank_lines_and_comments(void)
{
    sd_changed l;
    parse("# from git diff\n\n   \na.txt\n  # indented comment\nb.md\n", &l);
    CU_ASSERT_EQUAL(l.n, 2);
    CU_ASSERT_TRUE(listed(&l, "a.txt"));
    CU_ASSERT_TRUE(listed(&l, "b.md"));
    sd_changed_free(&l);
}

static void test_changed_ignores_paths_that_are_not_documents(void)
{
    sd_changed l;
    parse("articles/x.meta.json\narticles/README.md\nscripts/build\nmodel/csto.json\n"
          "articles/x.txt\ncorpus/all.JSONL\nnotes/readme.md.txt\n", &l);
    CU_ASSERT_EQUAL(l.n, 3);
    CU_ASSERT_EQUAL(l.ignored, 4);
    CU_ASSERT_TRUE(listed(&l, "articles/x.txt"));
    CU_ASSERT_TRUE(listed(&l, "corpus/all.JSONL"));
    CU_ASSERT_TRUE(listed(&l, "notes/readme.md.txt"));
    sd_changed_free(&l);
}

static void test_changed_accepts_crlf_line_ends(void)
{
    sd_changed l;
    parse("a.txt\r\nb.txt\r\n", &l);
    CU_ASSERT_EQUAL(l.n, 2);
    CU_ASSERT_TRUE(listed(&l, "a.txt"));
    CU_ASSERT_TRUE(listed(&l, "b.txt"));
    sd_changed_free(&l);
}

static void test_changed_unquotes_git_quoted_paths(void)
{
    /* git diff --name-only writes «مقاله.txt» as "\331\205\331\202\330\247\331\204\331\207.txt" */
    sd_changed l;
    parse("\"news/\\331\\205\\331\\202\\330\\247\\331\\204\\331\\207.txt\"\n"
          "\"with \\\"quote\\\".txt\"\n", &l);
    CU_ASSERT_EQUAL(l.n, 2);
    CU_ASSERT_TRUE(listed(&l, "news/مقاله.txt"));
    CU_ASSERT_TRUE(listed(&l, "with \"quote\".txt"));
    sd_changed_free(&l);
}

static void test_changed_marks_paths_that_no_longer_exist(void)
{
    sd_changed l;
    parse(SEED "\n" ARTICLES "/gone_since_last_commit.txt\n", &l);
    CU_ASSERT_EQUAL_FATAL(l.n, 2);
    for (size_t i = 0; i < l.n; i++)
        CU_ASSERT_EQUAL(l.items[i].exists, strcmp(l.items[i].path, SEED) == 0);
    sd_changed_free(&l);
}

static void test_changed_matches_any_spelling_of_a_path(void)
{
    sd_changed l;
    parse(ARTICLES "/../articles//004_6644079558f78279.txt\n", &l);
    char *canon = sd_changed_canonical(SEED);
    CU_ASSERT_PTR_NOT_NULL_FATAL(canon);
    CU_ASSERT_TRUE(sd_changed_contains(&l, canon));
    char *other = sd_changed_canonical(ARTICLES "/000_aa12c8155f0d4d94.txt");
    CU_ASSERT_FALSE(sd_changed_contains(&l, other));
    free(other);
    free(canon);
    sd_changed_free(&l);
}

static void test_changed_removed_path_lies_within_its_folder_input(void)
{
    char *canon = sd_changed_canonical(ARTICLES "/gone/deeper/x.txt");
    CU_ASSERT_PTR_NOT_NULL_FATAL(canon);
    const char *articles[] = { ARTICLES }, *bad[] = { SD_TEST_FIXTURES "/bad-input", "-" };
    const char *prefix[] = { SD_TEST_FIXTURES "/art" };   /* a name prefix is not a folder */
    CU_ASSERT_TRUE(sd_changed_within_inputs(canon, articles, 1));
    CU_ASSERT_FALSE(sd_changed_within_inputs(canon, bad, 2));
    CU_ASSERT_FALSE(sd_changed_within_inputs(canon, prefix, 1));
    free(canon);
}

static void test_changed_unreadable_list_is_an_io_error(void)
{
    sd_changed l;
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL(sd_changed_load(SD_TEST_TMP "/no-such-changed.txt", &l, &err), SD_EIO);
    CU_ASSERT_EQUAL(l.n, 0);
}

/* ------------------------------------------------------------------ claims cache */

typedef struct env {
    sd_model *model;
    sd_patterns *patterns;
    sd_gazetteer *gz;
    sd_check_env check;
    sd_doc *doc;
    sd_doc_result result;
    sd_cache *cache;
    char dir[512];
} env;

static void rm_tree(const char *path)
{
    DIR *d = opendir(path);
    if (d != NULL) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char child[1024];
            snprintf(child, sizeof child, "%s/%s", path, e->d_name);
            rm_tree(child);
        }
        closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

/* Model, patterns, the seed article checked, and an empty cache under SD_TEST_TMP/name. */
static void env_open(env *e, const char *name, const char *model_sha)
{
    memset(e, 0, sizeof *e);
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(sd_model_load(&e->model, SD_TEST_MODEL, &err), SD_OK);
    CU_ASSERT_EQUAL_FATAL(sd_patterns_load(&e->patterns, sd_patterns_default_path(), &err), SD_OK);
    CU_ASSERT_EQUAL_FATAL(sd_gazetteer_build(&e->gz, e->model, &err), SD_OK);
    e->check = (sd_check_env){ e->model, e->gz, e->patterns };
    sd_ingest *in = NULL;
    const char *inputs[] = { SEED };
    CU_ASSERT_EQUAL_FATAL(sd_ingest_open(&in, inputs, 1, NULL, &err), SD_OK);
    CU_ASSERT_EQUAL_FATAL(sd_ingest_next(in, &e->doc, &err), 1);
    sd_ingest_close(in);
    sd_check_opts opts = { 0 };
    opts.verify = true;
    CU_ASSERT_EQUAL_FATAL(sd_check_document(&e->check, e->doc, &opts, &e->result, &err), SD_OK);
    CU_ASSERT_FATAL(e->result.claims.n > 0);
    snprintf(e->dir, sizeof e->dir, "%s/cache-%s", SD_TEST_TMP, name);
    rm_tree(e->dir);
    CU_ASSERT_EQUAL_FATAL(sd_cache_open(&e->cache, e->dir,
                                        model_sha != NULL ? model_sha : sd_model_sha256(e->model),
                                        HASH_A, "test", &err), SD_OK);
}

static void env_close(env *e)
{
    sd_cache_close(e->cache);
    rm_tree(e->dir);
    sd_doc_result_clear(&e->result);
    sd_doc_free(e->doc);
    sd_gazetteer_free(e->gz);
    sd_patterns_free(e->patterns);
    sd_model_free(e->model);
}

static void key_of(const env *e, const sd_cache *c, char key[65])
{
    sd_date none = { 0, 0, 0, SD_PREC_NONE };
    sd_cache_key(c, e->doc, none, true, key);
}

static void put(env *e, char key[65])
{
    sd_error err;
    sd_error_clear(&err);
    key_of(e, e->cache, key);
    CU_ASSERT_EQUAL_FATAL(sd_cache_put(e->cache, key, &e->result, &err), SD_OK);
}

/* The report of a single result, as text: what a reader of the report would see. */
static char *report_of(const env *e, sd_doc_result *r)
{
    sd_check_results res = { r, 1, 1, 0, 0, 0, 0, 0, 0 };
    sd_report_opts ro = { 0 };
    ro.model_path = SD_TEST_MODEL;
    ro.fail_on = SD_FAIL_DEFAULT;
    sd_error err;
    sd_error_clear(&err);
    cJSON *rep = sd_report_build(e->model, &res, NULL, &ro, &err);
    char *s = rep != NULL ? cJSON_Print(rep) : NULL;
    cJSON_Delete(rep);
    return s;
}

static void test_cache_round_trip_gives_back_the_same_result(void)
{
    env e;
    env_open(&e, "roundtrip", NULL);
    char key[65], why[512];
    put(&e, key);
    sd_doc_result got;
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(sd_cache_get(e.cache, e.model, e.doc, key, &got, why, sizeof why, &err), 1);
    CU_ASSERT_STRING_EQUAL(why, "");
    char *want_report = report_of(&e, &e.result), *got_report = report_of(&e, &got);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want_report);
    CU_ASSERT_PTR_NOT_NULL_FATAL(got_report);
    CU_ASSERT_STRING_EQUAL(got_report, want_report);
    cJSON *a = sd_cache_result_to_json(&e.result), *b = sd_cache_result_to_json(&got);
    char *sa = cJSON_PrintUnformatted(a), *sb = cJSON_PrintUnformatted(b);
    CU_ASSERT_STRING_EQUAL(sb, sa);     /* every field, not only the reported ones */
    /* verdict facts point into the model again */
    for (size_t i = 0; i < got.claims.n; i++)
        for (size_t k = 0; k < got.claims.items[i].verdict.nfacts; k++)
            CU_ASSERT_PTR_EQUAL(got.claims.items[i].verdict.facts[k],
                                sd_model_find_fact(e.model, got.claims.items[i].verdict.facts[k])->id);
    cJSON_free(sa);
    cJSON_free(sb);
    cJSON_Delete(a);
    cJSON_Delete(b);
    free(want_report);
    free(got_report);
    sd_doc_result_clear(&got);
    env_close(&e);
}

static void test_cache_hit_takes_the_location_from_the_document(void)
{
    env e;
    env_open(&e, "moved", NULL);
    char key[65], why[512];
    put(&e, key);
    free(e.doc->origin);
    e.doc->origin = strdup("elsewhere/004_6644079558f78279.txt");
    sd_doc_result got;
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(sd_cache_get(e.cache, e.model, e.doc, key, &got, why, sizeof why, &err), 1);
    CU_ASSERT_STRING_EQUAL(got.origin, "elsewhere/004_6644079558f78279.txt");
    sd_doc_result_clear(&got);
    env_close(&e);
}

static void test_cache_key_changes_with_the_model_hash(void)
{
    env e;
    env_open(&e, "model-a", HASH_A);
    sd_cache *other = NULL;
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(sd_cache_open(&other, e.dir, HASH_B, HASH_A, "test", &err), SD_OK);
    char ka[65], kb[65], why[512];
    put(&e, ka);
    key_of(&e, other, kb);
    CU_ASSERT_STRING_NOT_EQUAL(ka, kb);
    sd_doc_result got;
    CU_ASSERT_EQUAL(sd_cache_get(other, e.model, e.doc, kb, &got, why, sizeof why, &err), 0);
    CU_ASSERT_STRING_EQUAL(why, "");    /* a plain miss: the old entry is never read */
    sd_cache_close(other);
    env_close(&e);
}

static void test_cache_key_changes_with_the_patterns_hash(void)
{
    env e;
    env_open(&e, "patterns", HASH_A);
    sd_cache *other = NULL;
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(sd_cache_open(&other, e.dir, HASH_A, HASH_B, "test", &err), SD_OK);
    char ka[65], kb[65];
    key_of(&e, e.cache, ka);
    key_of(&e, other, kb);
    CU_ASSERT_STRING_NOT_EQUAL(ka, kb);
    sd_cache_close(other);
    env_close(&e);
}

static void test_cache_key_changes_with_the_build(void)
{
    env e;
    env_open(&e, "build", HASH_A);
    sd_cache *other = NULL;
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(sd_cache_open(&other, e.dir, HASH_A, HASH_A, "rebuilt", &err), SD_OK);
    char ka[65], kb[65];
    key_of(&e, e.cache, ka);
    key_of(&e, other, kb);
    CU_ASSERT_STRING_NOT_EQUAL(ka, kb);
    sd_cache_close(other);
    env_close(&e);
}

static void test_cache_key_changes_with_the_publication_date(void)
{
    env e;
    env_open(&e, "published", NULL);
    char before[65], after[65];
    e.doc->published = sd_date_make(2018, 11, 3);
    key_of(&e, e.cache, before);
    e.doc->published = sd_date_make(2018, 11, 4);   /* the sidecar date was edited */
    key_of(&e, e.cache, after);
    CU_ASSERT_STRING_NOT_EQUAL(before, after);
    env_close(&e);
}

static void test_cache_corrupt_entry_is_a_miss_with_a_reason(void)
{
    env e;
    env_open(&e, "corrupt", NULL);
    char key[65], why[512];
    put(&e, key);
    char *path = sd_cache_entry_path(e.cache, e.doc->sha256, key);
    FILE *f = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs("{\"schema\": \"sanad-cache/1\", \"key\": ", f);   /* cut off mid-write */
    fclose(f);
    sd_doc_result got;
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL(sd_cache_get(e.cache, e.model, e.doc, key, &got, why, sizeof why, &err), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(why, "not JSON"));
    CU_ASSERT_PTR_NULL(got.claims.items);
    free(path);
    env_close(&e);
}

static void test_cache_entry_with_a_bad_field_is_a_miss(void)
{
    env e;
    env_open(&e, "badfield", NULL);
    char key[65], why[512];
    put(&e, key);
    char *path = sd_cache_entry_path(e.cache, e.doc->sha256, key);
    size_t len = 0;
    char *text = sd_test_read_file(path, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    cJSON *j = cJSON_Parse(text);
    cJSON *claim0 = cJSON_GetArrayItem(
        cJSON_GetObjectItem(cJSON_GetObjectItem(j, "document"), "claims"), 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(claim0);
    cJSON_ReplaceItemInObject(claim0, "ev_start", cJSON_CreateString("twelve"));
    /* a consistent digest, so the field check is what rejects it */
    char *doc = cJSON_PrintUnformatted(cJSON_GetObjectItem(j, "document"));
    char digest[65];
    sd_sha256_hex(doc, strlen(doc), digest);
    cJSON_free(doc);
    cJSON_ReplaceItemInObject(j, "digest", cJSON_CreateString(digest));
    char *out = cJSON_PrintUnformatted(j);
    FILE *f = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(out, f);
    fclose(f);
    sd_doc_result got;
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL(sd_cache_get(e.cache, e.model, e.doc, key, &got, why, sizeof why, &err), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(why, "claims[0].ev_start"));
    cJSON_free(out);
    cJSON_Delete(j);
    free(text);
    free(path);
    env_close(&e);
}

static void test_cache_entry_damaged_inside_a_string_is_a_miss(void)
{
    env e;
    env_open(&e, "damaged", NULL);
    char key[65], why[512];
    put(&e, key);
    char *path = sd_cache_entry_path(e.cache, e.doc->sha256, key);
    size_t len = 0;
    char *text = sd_test_read_file(path, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    char *ev = strstr(text, "\"ev_text\":\"");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ev);
    ev[strlen("\"ev_text\":\"")] ^= 0x01;   /* still JSON, still a string */
    FILE *f = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fwrite(text, 1, len, f);
    fclose(f);
    sd_doc_result got;
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL(sd_cache_get(e.cache, e.model, e.doc, key, &got, why, sizeof why, &err), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(why, "damaged"));
    free(text);
    free(path);
    env_close(&e);
}

static void test_cache_fact_the_model_lacks_is_rejected(void)
{
    env e;
    env_open(&e, "nofact", NULL);
    cJSON *j = sd_cache_result_to_json(&e.result);
    CU_ASSERT_PTR_NOT_NULL_FATAL(j);
    cJSON *c;
    bool planted = false;
    cJSON_ArrayForEach(c, cJSON_GetObjectItem(j, "claims"))
    {
        cJSON *facts = cJSON_GetObjectItem(cJSON_GetObjectItem(c, "verdict"), "facts");
        if (!planted && cJSON_IsArray(facts)) {
            cJSON_AddItemToArray(facts, cJSON_CreateString("fact:not-in-this-model"));
            planted = true;
        }
    }
    CU_ASSERT_TRUE_FATAL(planted);
    sd_doc_result got;
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL(sd_cache_result_from_json(j, e.model, &got, &err), SD_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "verdict.facts"));
    cJSON_Delete(j);
    env_close(&e);
}

static void test_cache_entry_stored_under_another_key_is_a_miss(void)
{
    env e;
    env_open(&e, "otherkey", NULL);
    char key[65], why[512];
    put(&e, key);
    char other[65];
    memcpy(other, key, sizeof other);
    other[0] = other[0] == '0' ? '1' : '0';
    char *from = sd_cache_entry_path(e.cache, e.doc->sha256, key);
    char *to = sd_cache_entry_path(e.cache, e.doc->sha256, other);
    CU_ASSERT_EQUAL_FATAL(rename(from, to), 0);
    sd_doc_result got;
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL(sd_cache_get(e.cache, e.model, e.doc, other, &got, why, sizeof why, &err), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(why, "another key"));
    free(from);
    free(to);
    env_close(&e);
}

static void test_cache_put_leaves_only_the_entry(void)
{
    env e;
    env_open(&e, "atomic", NULL);
    char key[65];
    put(&e, key);
    char sub[600], want[80];
    snprintf(sub, sizeof sub, "%s/%.2s", e.dir, e.doc->sha256);
    snprintf(want, sizeof want, "%s.json", key);
    DIR *d = opendir(sub);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        n++;
        CU_ASSERT_STRING_EQUAL(de->d_name, want);   /* no temp file left behind */
    }
    closedir(d);
    CU_ASSERT_EQUAL(n, 1);
    env_close(&e);
}

void sd_test_register(void)
{
    static const sd_test_case changed_cases[] = {
        SD_TEST(test_changed_skips_blank_lines_and_comments),
        SD_TEST(test_changed_ignores_paths_that_are_not_documents),
        SD_TEST(test_changed_accepts_crlf_line_ends),
        SD_TEST(test_changed_unquotes_git_quoted_paths),
        SD_TEST(test_changed_marks_paths_that_no_longer_exist),
        SD_TEST(test_changed_matches_any_spelling_of_a_path),
        SD_TEST(test_changed_removed_path_lies_within_its_folder_input),
        SD_TEST(test_changed_unreadable_list_is_an_io_error),
        SD_TEST_END,
    };
    static const sd_test_case cache_cases[] = {
        SD_TEST(test_cache_round_trip_gives_back_the_same_result),
        SD_TEST(test_cache_hit_takes_the_location_from_the_document),
        SD_TEST(test_cache_key_changes_with_the_model_hash),
        SD_TEST(test_cache_key_changes_with_the_patterns_hash),
        SD_TEST(test_cache_key_changes_with_the_build),
        SD_TEST(test_cache_key_changes_with_the_publication_date),
        SD_TEST(test_cache_corrupt_entry_is_a_miss_with_a_reason),
        SD_TEST(test_cache_entry_with_a_bad_field_is_a_miss),
        SD_TEST(test_cache_entry_damaged_inside_a_string_is_a_miss),
        SD_TEST(test_cache_fact_the_model_lacks_is_rejected),
        SD_TEST(test_cache_entry_stored_under_another_key_is_a_miss),
        SD_TEST(test_cache_put_leaves_only_the_entry),
        SD_TEST_END,
    };
    sd_test_add_suite("changed", changed_cases);
    sd_test_add_suite("cache", cache_cases);
}
