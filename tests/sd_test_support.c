/* Helpers shared by the suites that judge hand-built claims (verify, reconcile, report). */
#include "sd_test.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

static sd_model *g_verify_model;

static void free_verify_model(void)
{
    sd_model_free(g_verify_model);
    g_verify_model = NULL;
}

const sd_model *sd_test_verify_model(void)
{
    if (g_verify_model == NULL) {
        sd_error e;
        sd_error_clear(&e);
        if (sd_model_load(&g_verify_model, SD_TEST_DATA "/verify-model.json", &e) != SD_OK)
            return NULL;
        atexit(free_verify_model);
    }
    return g_verify_model;
}

cJSON *sd_test_args(const char *args)
{
    size_t n = strlen(args);
    char *s = malloc(n + 1);
    if (s == NULL)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        s[i] = args[i] == '\'' ? '"' : args[i];
    cJSON *j = cJSON_Parse(s);
    free(s);
    return j;
}
