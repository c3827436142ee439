/* Shared runner for every CUnit executable. Usage: test_x [-s SUITE] [-t TEST]
 * Exit status: 0 when every test passed, 1 when any test or suite failed (never the raw count,
 * which wraps modulo 256), 2 on framework errors. */
#include "sd_test.h"

#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sd_test_add_suite(const char *suite, const sd_test_case *cases)
{
    CU_pSuite s = CU_add_suite(suite, NULL, NULL);
    if (s == NULL)
        return;
    for (const sd_test_case *c = cases; c->name != NULL; c++)
        CU_add_test(s, c->name, c->fn);
}

char *sd_test_read_file(const char *path, size_t *len_out)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap + 1);
    size_t n;
    while (buf != NULL && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            char *grown = realloc(buf, cap * 2 + 1);
            if (grown == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf == NULL)
        return NULL;
    buf[len] = '\0';
    if (len_out != NULL)
        *len_out = len;
    return buf;
}

int main(int argc, char **argv)
{
    const char *suite = NULL, *test = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-s") == 0 && i + 1 < argc)
            suite = argv[++i];
        else if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
            test = argv[++i];
        else {
            fprintf(stderr, "usage: %s [-s SUITE] [-t TEST]\n", argv[0]);
            return 2;
        }
    }
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
    CU_set_error_action(CUEA_ABORT);
    sd_test_register();
    CU_basic_set_mode(CU_BRM_VERBOSE);

    CU_ErrorCode rc = CUE_SUCCESS;
    if (suite != NULL) {
        CU_pSuite s = CU_get_suite(suite);
        if (s == NULL) {
            fprintf(stderr, "no suite named '%s'\n", suite);
            CU_cleanup_registry();
            return 2;
        }
        if (test != NULL) {
            CU_pTest t = CU_get_test(s, test);
            if (t == NULL) {
                fprintf(stderr, "no test named '%s' in suite '%s'\n", test, suite);
                CU_cleanup_registry();
                return 2;
            }
            rc = CU_basic_run_test(s, t);
        } else {
            rc = CU_basic_run_suite(s);
        }
    } else {
        rc = CU_basic_run_tests();
    }
    unsigned tests_failed = CU_get_number_of_tests_failed();
    unsigned suites_failed = CU_get_number_of_suites_failed();
    unsigned ran = CU_get_number_of_tests_run();
    CU_ErrorCode err = CU_get_error();
    CU_cleanup_registry();
    if (rc != CUE_SUCCESS || err != CUE_SUCCESS)
        return 2;
    if (ran == 0) {
        fprintf(stderr, "no test ran\n");
        return 1;
    }
    return (tests_failed == 0 && suites_failed == 0) ? EXIT_SUCCESS : EXIT_FAILURE;
}
