/* Shared helpers for sanad's CUnit suites.
 * Each test_<module>.c defines sd_test_register(), which adds its suites; cunit_main.c runs
 * them and turns the CUnit counts into an exit status (0 only when nothing failed). */
#ifndef SD_TEST_H
#define SD_TEST_H

#include <CUnit/CUnit.h>
#include <stddef.h>

/* Implemented by every test file: add suites and tests to the registry. */
void sd_test_register(void);

/* Register one suite from a NULL-terminated table of {name, fn}. */
typedef struct sd_test_case {
    const char *name;
    CU_TestFunc fn;
} sd_test_case;
void sd_test_add_suite(const char *suite, const sd_test_case *cases);

/* tests/data/verify-model.json, loaded once per executable and released at exit (NULL when it
 * does not load). */
struct sd_model;
const struct sd_model *sd_test_verify_model(void);

/* Claim arguments written with single quotes for readability, as a cJSON object. */
struct cJSON;
struct cJSON *sd_test_args(const char *single_quoted_json);

/* Append a claim to a document result with an id "<doc>#<n>", the given pattern id and
 * evidence (original bytes at `start`, line `line`, column 5): the bookkeeping every suite that
 * builds results by hand needs. The caller fills type, args, time and modality. */
struct sd_doc_result;
struct sd_article_claim;
struct sd_article_claim *sd_test_push_claim(struct sd_doc_result *r, const char *pattern,
                                            const char *evidence, size_t start, long line);

/* Read a whole file into a NUL-terminated heap buffer (NULL on failure). */
char *sd_test_read_file(const char *path, size_t *len_out);

#define SD_TEST(fn) { #fn, fn }
#define SD_TEST_END { NULL, NULL }

#endif
