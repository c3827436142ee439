/* Specification of plain Gregorian date arithmetic at explicit precision (date.c). */
#include "dates.h"
#include "sd_test.h"

static void test_parse_iso_accepts_year_month_and_day_precision(void)
{
    sd_date d;
    CU_ASSERT_EQUAL(sd_date_parse_iso("1992", &d), 0);
    CU_ASSERT_EQUAL(d.prec, SD_PREC_YEAR);
    CU_ASSERT_EQUAL(sd_date_parse_iso("1992-05", &d), 0);
    CU_ASSERT_EQUAL(d.prec, SD_PREC_MONTH);
    CU_ASSERT_EQUAL(sd_date_parse_iso("1992-05-15", &d), 0);
    CU_ASSERT_EQUAL(d.prec, SD_PREC_DAY);
    CU_ASSERT_EQUAL(d.d, 15);
}

static void test_parse_iso_rejects_impossible_dates(void)
{
    sd_date d;
    CU_ASSERT_NOT_EQUAL(sd_date_parse_iso("1992-13-01", &d), 0);
    CU_ASSERT_NOT_EQUAL(sd_date_parse_iso("1993-02-29", &d), 0);
    CU_ASSERT_NOT_EQUAL(sd_date_parse_iso("92-05-15", &d), 0);
    CU_ASSERT_NOT_EQUAL(sd_date_parse_iso("1992-5-15", &d), 0);
    CU_ASSERT_EQUAL(sd_date_parse_iso("2024-02-29", &d), 0);
}

static void test_format_writes_the_date_at_its_precision(void)
{
    char buf[11];
    sd_date_format(sd_date_make(2018, 11, 0), buf);
    CU_ASSERT_STRING_EQUAL(buf, "2018-11");
    sd_date_format(sd_date_make(2018, 11, 2), buf);
    CU_ASSERT_STRING_EQUAL(buf, "2018-11-02");
}

static void test_compare_uses_the_coarser_precision(void)
{
    CU_ASSERT_EQUAL(sd_date_cmp(sd_date_make(2009, 2, 4), sd_date_make(2009, 2, 0)), 0);
    CU_ASSERT_EQUAL(sd_date_cmp(sd_date_make(2009, 2, 4), sd_date_make(2009, 0, 0)), 0);
    CU_ASSERT(sd_date_cmp(sd_date_make(2018, 11, 3), sd_date_make(2018, 11, 2)) > 0);
}

static void test_days_between_counts_leap_days(void)
{
    CU_ASSERT_EQUAL(sd_date_days_between(sd_date_make(2018, 11, 2), sd_date_make(2018, 11, 3)), 1);
    CU_ASSERT_EQUAL(sd_date_days_between(sd_date_make(2024, 2, 28), sd_date_make(2024, 3, 1)), 2);
    CU_ASSERT_EQUAL(sd_date_days_between(sd_date_make(1992, 5, 15), sd_date_make(1993, 5, 15)), 365);
}

static void test_weekday_of_4_july_2016_is_monday(void)
{
    CU_ASSERT_EQUAL(sd_date_weekday(sd_date_make(2016, 7, 4)), 1);
    CU_ASSERT_EQUAL(sd_date_weekday(sd_date_make(2018, 11, 2)), 5);
}

static void test_first_and_last_day_span_the_precision(void)
{
    char buf[11];
    sd_date_format(sd_date_last_day(sd_date_make(2024, 2, 0)), buf);
    CU_ASSERT_STRING_EQUAL(buf, "2024-02-29");
    sd_date_format(sd_date_first_day(sd_date_make(1992, 0, 0)), buf);
    CU_ASSERT_STRING_EQUAL(buf, "1992-01-01");
    sd_date_format(sd_date_add_days(sd_date_make(2018, 12, 31), 1), buf);
    CU_ASSERT_STRING_EQUAL(buf, "2019-01-01");
}

void sd_test_register(void)
{
    static const sd_test_case cases[] = {
        SD_TEST(test_parse_iso_accepts_year_month_and_day_precision),
        SD_TEST(test_parse_iso_rejects_impossible_dates),
        SD_TEST(test_format_writes_the_date_at_its_precision),
        SD_TEST(test_compare_uses_the_coarser_precision),
        SD_TEST(test_days_between_counts_leap_days),
        SD_TEST(test_weekday_of_4_july_2016_is_monday),
        SD_TEST(test_first_and_last_day_span_the_precision),
        SD_TEST_END,
    };
    sd_test_add_suite("date", cases);
}
