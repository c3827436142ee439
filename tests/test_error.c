/* Specification of the error module: formatting and location of errors. */
#include "error.h"
#include "sd_test.h"

#include <string.h>

static void test_format_names_file_line_column_and_path(void)
{
    sd_error e;
    sd_error_clear(&e);
    sd_error_set(&e, SD_EINVAL, "\"1992-13-01\" is not a date");
    sd_error_at(&e, "model.json", 3, 14, -1);
    sd_error_path(&e, "facts[12].from");
    char buf[1024];
    sd_error_format(&e, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "model.json:3:14: facts[12].from: \"1992-13-01\" is not a date");
}

static void test_locate_counts_code_points_not_bytes(void)
{
    const char *s = "ab\nسلام x";
    long line = 0, col = 0;
    size_t off = strlen("ab\nسلام ");
    sd_error_locate(s, strlen(s), off, &line, &col);
    CU_ASSERT_EQUAL(line, 2);
    CU_ASSERT_EQUAL(col, 6);
}

static void test_set_returns_the_code(void)
{
    CU_ASSERT_EQUAL(sd_error_set(NULL, SD_EIO, "x"), SD_EIO);
}

void sd_test_register(void)
{
    static const sd_test_case cases[] = {
        SD_TEST(test_format_names_file_line_column_and_path),
        SD_TEST(test_locate_counts_code_points_not_bytes),
        SD_TEST(test_set_returns_the_code),
        SD_TEST_END,
    };
    sd_test_add_suite("error", cases);
}
