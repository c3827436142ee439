/* Specification of the date layer (dates.c, dates_tables.c): Solar Hijri conversion through
 * ICU, checked against an external oracle and an independent arithmetic implementation, and
 * the date grammar over folded, segmented Persian text.
 *
 * External oracle: tests/data/jalali-gregorian.tsv holds the 71 Jalali/Gregorian pairs stated
 * by the persiantools test suite (majiidd/persiantools, tests/test_jalalidate.py). */
#include "dates.h"
#include "dates_tables.h"
#include "segment.h"
#include "sd_test.h"
#include "text.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ helpers */

typedef struct run {
    sd_folded f;
    sd_segments seg;
    sd_date_list list;
    int rc;
} run;

/* Fold, segment and find the dates of text; pub is an ISO date or NULL. */
static int run_text(run *r, const char *text, const char *pub)
{
    sd_error err;
    memset(r, 0, sizeof *r);
    sd_date p = { 0, 0, 0, SD_PREC_NONE };
    if (pub && sd_date_parse_iso(pub, &p) != 0)
        return -100;
    if (sd_fold(text, strlen(text), &r->f, &err) != 0)
        return -101;
    if (sd_segment(&r->f, &r->seg, &err) != 0) {
        sd_folded_free(&r->f);
        return -102;
    }
    r->rc = sd_dates_find(&r->f, &r->seg, pub ? &p : NULL, &r->list, &err);
    return r->rc;
}

static void run_free(run *r)
{
    sd_date_list_free(&r->list);
    sd_segments_free(&r->seg);
    sd_folded_free(&r->f);
}

/* "SPAN => ISO [p] [a] [r]" per mention, joined by " ; ". ISO is "-" when unresolved;
 * p = written in the Solar Hijri calendar, a = anchored, r = relative. */
static void describe(const run *r, char *out, size_t cap)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t k = 0; k < r->list.n; k++) {
        const sd_date_mention *m = &r->list.items[k];
        char iso[11];
        sd_date_format(m->value, iso);
        int w = snprintf(out + used, cap - used, "%s%.*s => %s%s%s%s", k ? " ; " : "",
                         (int)(m->end - m->start), r->f.s + m->start, iso[0] ? iso : "-",
                         m->calendar == SD_CAL_PERSIAN ? " p" : "", m->anchored ? " a" : "",
                         m->relative ? " r" : "");
        if (w < 0 || (size_t)w >= cap - used)
            return;
        used += (size_t)w;
    }
}

/* True when the dates found in text are exactly `want` (see describe); prints both otherwise. */
static bool dates_are(const char *text, const char *pub, const char *want)
{
    run r;
    if (run_text(&r, text, pub) != 0) {
        fprintf(stderr, "\n  dates of \"%s\": failed with %d\n", text, r.rc);
        if (r.f.s)
            run_free(&r);
        return false;
    }
    char got[4096];
    describe(&r, got, sizeof got);
    run_free(&r);
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "\n  dates of \"%s\" (published %s)\n    want: %s\n    got:  %s\n", text,
                pub ? pub : "unknown", want, got);
        return false;
    }
    return true;
}

/* The only mention of text (published pub), copied to *out; false unless exactly one. */
static bool only_mention(const char *text, const char *pub, sd_date_mention *out)
{
    run r;
    if (run_text(&r, text, pub) != 0)
        return false;
    bool ok = r.list.n == 1;
    if (ok)
        *out = r.list.items[0];
    run_free(&r);
    return ok;
}

/* ------------------------------------------------------------------ calendar: oracle */

static void test_jalali_oracle_file_holds_71_pairs_with_both_esfand_leap_edges(void)
{
    size_t len = 0;
    char *buf = sd_test_read_file(SD_TEST_DATA "/jalali-gregorian.tsv", &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "persiantools"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "1399-12-30\t2021-03-20"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "1403-12-30\t2025-03-20"));
    size_t pairs = 0;
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"))
        if (line[0] != '#')
            pairs++;
    CU_ASSERT_EQUAL(pairs, 71);
    free(buf);
}

static void test_icu_conversion_matches_every_persiantools_pair_both_ways(void)
{
    size_t len = 0;
    char *buf = sd_test_read_file(SD_TEST_DATA "/jalali-gregorian.tsv", &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    size_t checked = 0;
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#')
            continue;
        int jy, jm, jd, gy, gm, gd;
        CU_ASSERT_EQUAL_FATAL(sscanf(line, "%d-%d-%d\t%d-%d-%d", &jy, &jm, &jd, &gy, &gm, &gd), 6);
        int y, m, d;
        CU_ASSERT_EQUAL(sd_jalali_to_gregorian(jy, jm, jd, &y, &m, &d), 0);
        bool fwd = y == gy && m == gm && d == gd;
        CU_ASSERT_EQUAL(sd_gregorian_to_jalali(gy, gm, gd, &y, &m, &d), 0);
        bool back = y == jy && m == jm && d == jd;
        if (!fwd || !back)
            fprintf(stderr, "\n  oracle pair %s disagrees with ICU\n", line);
        CU_ASSERT(fwd && back);
        checked++;
    }
    CU_ASSERT_EQUAL(checked, 71);
    free(buf);
}

static void test_esfand_30_of_leap_years_1399_and_1403(void)
{
    int y, m, d;
    CU_ASSERT_EQUAL(sd_jalali_to_gregorian(1399, 12, 30, &y, &m, &d), 0);
    CU_ASSERT(y == 2021 && m == 3 && d == 20);
    CU_ASSERT_EQUAL(sd_jalali_to_gregorian(1403, 12, 30, &y, &m, &d), 0);
    CU_ASSERT(y == 2025 && m == 3 && d == 20);
    CU_ASSERT_EQUAL(sd_gregorian_to_jalali(2025, 3, 20, &y, &m, &d), 0);
    CU_ASSERT(y == 1403 && m == 12 && d == 30);
}

static void test_impossible_jalali_dates_are_rejected(void)
{
    int y = 0, m = 0, d = 0;
    CU_ASSERT_EQUAL(sd_jalali_to_gregorian(1404, 7, 31, &y, &m, &d), SD_EINVAL);  /* Mehr has 30 */
    CU_ASSERT_EQUAL(sd_jalali_to_gregorian(1404, 12, 30, &y, &m, &d), SD_EINVAL); /* not leap */
    CU_ASSERT_EQUAL(sd_jalali_to_gregorian(1404, 13, 1, &y, &m, &d), SD_EINVAL);
    CU_ASSERT_EQUAL(sd_jalali_to_gregorian(1404, 1, 0, &y, &m, &d), SD_EINVAL);
    CU_ASSERT_EQUAL(sd_gregorian_to_jalali(2025, 2, 29, &y, &m, &d), SD_EINVAL);
}

/* ------------------------------------------------------------------ calendar: differential */

/* An independent Solar Hijri implementation: the arithmetic 33-year rule that jdatetime uses
 * (leap iff year % 33 is one of 1 5 9 13 17 22 26 30) counted from the epoch 1300-01-01 =
 * 1921-03-21. ICU 72's PersianCalendar::isLeapYear is (25*y + 11) mod 33 < 8, which selects
 * the same eight residues, so no disagreement is expected anywhere in 1300-1500 (and none was
 * found); persiantools and jdatetime agree with each other over 1200-1501. */
static bool ref_leap(int jy)
{
    static const int r[] = { 1, 5, 9, 13, 17, 22, 26, 30 };
    for (size_t k = 0; k < sizeof r / sizeof r[0]; k++)
        if (jy % 33 == r[k])
            return true;
    return false;
}

static int ref_month_len(int jy, int jm)
{
    return jm <= 6 ? 31 : jm <= 11 ? 30 : ref_leap(jy) ? 30 : 29;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static long ref_days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void ref_civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static void test_icu_agrees_with_the_33_year_rule_on_every_day_1300_to_1500(void)
{
    long day = ref_days_from_civil(1921, 3, 21);    /* 1300-01-01 */
    long days = 0, bad = 0;
    for (int jy = 1300; jy <= 1500; jy++) {
        for (int jm = 1; jm <= 12; jm++) {
            int n = ref_month_len(jy, jm);
            for (int jd = 1; jd <= n; jd++, day++, days++) {
                int ey, em, ed, gy = 0, gm = 0, gd = 0, ry = 0, rm = 0, rd = 0;
                ref_civil_from_days(day, &ey, &em, &ed);
                int rc1 = sd_jalali_to_gregorian(jy, jm, jd, &gy, &gm, &gd);
                int rc2 = sd_gregorian_to_jalali(ey, em, ed, &ry, &rm, &rd);
                if (rc1 || rc2 || gy != ey || gm != em || gd != ed || ry != jy || rm != jm ||
                    rd != jd) {
                    if (bad++ < 5)
                        fprintf(stderr, "\n  %04d-%02d-%02d: rule %04d-%02d-%02d, ICU %04d-%02d-%02d"
                                " back %04d-%02d-%02d\n", jy, jm, jd, ey, em, ed, gy, gm, gd,
                                ry, rm, rd);
                }
            }
            /* The day after the month's last is rejected where the month can be short. */
            if (jm >= 7) {
                int y, m, d;
                if (sd_jalali_to_gregorian(jy, jm, n + 1, &y, &m, &d) != SD_EINVAL && bad++ < 5)
                    fprintf(stderr, "\n  %04d-%02d-%02d accepted\n", jy, jm, n + 1);
            }
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT_EQUAL(days, ref_days_from_civil(2122, 3, 21) - ref_days_from_civil(1921, 3, 21));
}

/* ------------------------------------------------------------------ tables */

static bool phrase_is_folded(const char *p)
{
    char *f = sd_fold_string(p);
    bool ok = f && strcmp(f, p) == 0;
    if (!ok)
        fprintf(stderr, "\n  table phrase \"%s\" folds to \"%s\"\n", p, f ? f : "(null)");
    free(f);
    return ok;
}

static void test_every_table_phrase_is_already_folded(void)
{
    size_t bad = 0;
    for (size_t k = 0; k < sd_month_words_n; k++)
        bad += !phrase_is_folded(sd_month_words[k].phrase);
    for (size_t k = 0; k < sd_ordinal_day_words_n; k++)
        bad += !phrase_is_folded(sd_ordinal_day_words[k].phrase);
    for (size_t k = 0; k < sd_cardinal_day_words_n; k++)
        bad += !phrase_is_folded(sd_cardinal_day_words[k].phrase);
    for (size_t k = 0; k < sd_weekday_words_n; k++)
        bad += !phrase_is_folded(sd_weekday_words[k].phrase);
    for (size_t k = 0; k < sd_marker_words_n; k++)
        bad += !phrase_is_folded(sd_marker_words[k].phrase);
    for (size_t k = 0; k < sd_relative_words_n; k++)
        bad += !phrase_is_folded(sd_relative_words[k].phrase);
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_every_ordinal_day_1_to_31_has_a_word(void)
{
    bool seen[32] = { false };
    for (size_t k = 0; k < sd_ordinal_day_words_n; k++) {
        int v = sd_ordinal_day_words[k].value;
        CU_ASSERT(v >= 1 && v <= 31);
        if (v >= 1 && v <= 31)
            seen[v] = true;
    }
    for (int d = 1; d <= 31; d++)
        CU_ASSERT(seen[d]);
}

static void test_every_month_of_each_system_has_a_name(void)
{
    bool seen[3][13] = { { false } };
    for (size_t k = 0; k < sd_month_words_n; k++)
        seen[sd_month_words[k].system][sd_month_words[k].month] = true;
    for (int s = 0; s < 3; s++)
        for (int m = 1; m <= 12; m++)
            CU_ASSERT(seen[s][m]);
}

/* ------------------------------------------------------------------ Gregorian forms */

static void test_finds_day_month_year_in_ascii_digits(void)
{
    CU_ASSERT(dates_are("نشست 28 نوامبر 2025 برگزار شد", NULL, "28 نوامبر 2025 => 2025-11-28"));
}

static void test_finds_day_month_year_in_persian_digits(void)
{
    CU_ASSERT(dates_are("در ۱۱ نوامبر ۲۰۲۶ در مسکو", NULL, "11 نوامبر 2026 => 2026-11-11"));
}

static void test_month_and_year_give_month_precision(void)
{
    CU_ASSERT(dates_are("در فوریه 2009 رهبران", NULL, "فوریه 2009 => 2009-02"));
}

static void test_ordinal_day_words_give_the_day(void)
{
    CU_ASSERT(dates_are("در دوم دسامبر 2004 به عنوان", NULL, "دوم دسامبر 2004 => 2004-12-02"));
    CU_ASSERT(dates_are("از اول ژانویه ۲۰۲۶ به روسیه", NULL, "اول ژانویه 2026 => 2026-01-01"));
}

static void test_compound_ordinal_of_three_tokens_is_one_day(void)
{
    sd_date_mention m;
    CU_ASSERT_FATAL(only_mention("روز بیست و هشتم نوامبر", "2025-12-01", &m));
    CU_ASSERT_EQUAL(m.ntokens, 4);
    CU_ASSERT(m.value.y == 2025 && m.value.m == 11 && m.value.d == 28 && m.anchored);
}

static void test_compound_ordinal_joined_by_zwnj_is_one_day(void)
{
    CU_ASSERT(dates_are("سی\u200cویکم دسامبر", "2026-01-05", "سیویکم دسامبر => 2025-12-31 a"));
}

static void test_digit_day_with_ordinal_suffix(void)
{
    CU_ASSERT(dates_are("28ام نوامبر 2025", NULL, "28ام نوامبر 2025 => 2025-11-28"));
}

static void test_month_name_variants_are_recognised(void)
{
    CU_ASSERT(dates_are("۱ ژوئن ۲۰۲۰، ۲ آوریل ۲۰۲۰، ۳ آگوست ۲۰۲۰، ۴ ژوئیه ۲۰۲۰، ۵ اکتوبر ۲۰۲۰",
                        NULL,
                        "1 ژوین 2020 => 2020-06-01 ; 2 اوریل 2020 => 2020-04-02 ; "
                        "3 اگوست 2020 => 2020-08-03 ; 4 ژوییه 2020 => 2020-07-04 ; "
                        "5 اکتوبر 2020 => 2020-10-05"));
}

static void test_arabic_letters_and_indic_digits_are_read(void)
{
    /* ٢٨ (Arabic-Indic digits) and ي/ك spellings arrive folded. */
    CU_ASSERT(dates_are("٢٨ نوامبر ٢٠٢٥", NULL, "28 نوامبر 2025 => 2025-11-28"));
}

static void test_month_with_written_out_ezafe(void)
{
    CU_ASSERT(dates_are("اول ژانویه‌ی ۲۰۲۶", NULL, "اول ژانویهی 2026 => 2026-01-01"));
}

static void test_two_days_sharing_a_month_give_two_mentions(void)
{
    CU_ASSERT(dates_are("۲۸ و ۲۹ نوامبر ۲۰۲۵", NULL,
                        "28 => 2025-11-28 ; 29 نوامبر 2025 => 2025-11-29"));
    CU_ASSERT(dates_are("از ۱۰ تا ۱۲ آبان", "2025-11-28",
                        "10 => 2025-11-01 p a ; 12 ابان => 2025-11-03 p a"));
}

static void test_impossible_gregorian_day_is_not_a_day(void)
{
    CU_ASSERT(dates_are("31 نوامبر 2025", NULL, "نوامبر 2025 => 2025-11"));
}

static void test_year_after_sal_between_month_and_year(void)
{
    CU_ASSERT(dates_are("فوریه سال 2009", NULL, "فوریه سال 2009 => 2009-02"));
}

/* ------------------------------------------------------------------ Solar Hijri */

static void test_solar_hijri_day_converts_to_gregorian(void)
{
    sd_date_mention m;
    CU_ASSERT_FATAL(only_mention("۱۲ آبان ۱۳۹۷", NULL, &m));
    CU_ASSERT(m.value.y == 2018 && m.value.m == 11 && m.value.d == 3);
    CU_ASSERT_EQUAL(m.value.prec, SD_PREC_DAY);
    CU_ASSERT_EQUAL(m.calendar, SD_CAL_PERSIAN);
    CU_ASSERT(m.orig_y == 1397 && m.orig_m == 8 && m.orig_d == 12);
    CU_ASSERT_FALSE(m.anchored);
}

static void test_solar_hijri_month_gives_the_gregorian_year_of_its_first_day(void)
{
    sd_date_mention m;
    CU_ASSERT_FATAL(only_mention("آبان ۱۳۹۷", NULL, &m));
    CU_ASSERT(m.value.y == 2018 && m.value.prec == SD_PREC_YEAR);
    CU_ASSERT(m.orig_y == 1397 && m.orig_m == 8 && m.orig_d == 0);
    /* Dey 1403 starts on 2024-12-21: the year of its first day even though most is in 2025. */
    CU_ASSERT(dates_are("دی ۱۴۰۳", NULL, "دی 1403 => 2024 p"));
}

static void test_solar_hijri_with_marker_and_ordinal(void)
{
    CU_ASSERT(dates_are("بیست و دوم بهمن ۱۳۵۷ هجری شمسی", NULL,
                        "بیست و دوم بهمن 1357 هجری شمسی => 1979-02-11 p"));
}

static void test_impossible_solar_hijri_day_is_not_a_day(void)
{
    CU_ASSERT(dates_are("۳۱ مهر ۱۴۰۴", NULL, "مهر 1404 => 2025 p"));
}

static void test_solar_hijri_day_without_year_is_anchored_to_publication(void)
{
    /* Published 2025-11-28 = 7 Azar 1404: 12 Aban is before, so 1404 → 2025-11-03. */
    CU_ASSERT(dates_are("۱۲ آبان", "2025-11-28", "12 ابان => 2025-11-03 p a"));
    /* 10 Dey is after 7 Azar: the previous year, 1403 → 2024-12-30. */
    CU_ASSERT(dates_are("۱۰ دی", "2025-11-28", "10 دی => 2024-12-30 p a"));
}

static void test_afghan_month_needs_day_and_year(void)
{
    CU_ASSERT(dates_are("۷ قوس ۱۴۰۴", NULL, "7 قوس 1404 => 2025-11-28 p"));
    CU_ASSERT(dates_are("۷ قوس", "2025-12-01", ""));
    CU_ASSERT(dates_are("قوس ۱۴۰۴", NULL, ""));
}

/* ------------------------------------------------------------------ numeric */

static void test_numeric_jalali_year_first(void)
{
    CU_ASSERT(dates_are("تاریخ 1397/08/12 است", NULL, "1397/08/12 => 2018-11-03 p"));
}

static void test_numeric_gregorian_year_first(void)
{
    CU_ASSERT(dates_are("تاریخ 2018/11/03 است", NULL, "2018/11/03 => 2018-11-03"));
    CU_ASSERT(dates_are("تاریخ 2018-11-03 است", NULL, "2018-11-03 => 2018-11-03"));
}

static void test_numeric_day_first_orders(void)
{
    CU_ASSERT(dates_are("۱۲/۰۸/۱۳۹۷ و 03/11/2018", NULL,
                        "12/08/1397 => 2018-11-03 p ; 03/11/2018 => 2018-11-03"));
}

static void test_numeric_impossible_date_is_rejected(void)
{
    CU_ASSERT(dates_are("1404/07/31", NULL, ""));
    CU_ASSERT(dates_are("2025/02/29", NULL, ""));
    CU_ASSERT(dates_are("1700/01/01", NULL, ""));
}

/* ------------------------------------------------------------------ years */

static void test_sal_with_gregorian_year(void)
{
    CU_ASSERT(dates_are("در سال 1992 و سال 2025", NULL, "سال 1992 => 1992 ; سال 2025 => 2025"));
}

static void test_sal_with_jalali_year_gives_the_gregorian_year_it_began(void)
{
    sd_date_mention m;
    CU_ASSERT_FATAL(only_mention("در سال ۱۳۷۱", NULL, &m));
    CU_ASSERT(m.value.y == 1992 && m.value.prec == SD_PREC_YEAR);
    CU_ASSERT(m.calendar == SD_CAL_PERSIAN && m.orig_y == 1371);
}

static void test_year_with_calendar_marker(void)
{
    CU_ASSERT(dates_are("۱۳۷۱ خورشیدی", NULL, "1371 خورشیدی => 1992 p"));
    CU_ASSERT(dates_are("1992 میلادی", NULL, "1992 میلادی => 1992"));
    CU_ASSERT(dates_are("سال ۱۳۷۱ ه.ش. آغاز", NULL, "سال 1371 ه.ش => 1992 p"));
}

static void test_bare_four_digit_number_is_not_a_date(void)
{
    CU_ASSERT(dates_are("1992 نفر کشته شدند و 2025 سرباز", NULL, ""));
}

static void test_number_range_without_sal_is_not_a_date(void)
{
    CU_ASSERT(dates_are("برنامه ۲۰۳۰ - ۲۰۲۹ تصویب شد", NULL, ""));
}

static void test_year_range_after_sal_gives_both_years(void)
{
    CU_ASSERT(dates_are("سال ۲۰۲۹ - ۲۰۳۰", NULL, "سال 2029 => 2029 ; 2030 => 2030"));
}

static void test_lunar_year_is_not_read_as_solar(void)
{
    CU_ASSERT(dates_are("سال ۱۴۴۷ قمری", NULL, ""));
}

static void test_year_out_of_range_is_not_a_date(void)
{
    CU_ASSERT(dates_are("سال 1850 و سال 2200", NULL, ""));
}

/* ------------------------------------------------------------------ implicit years */

static void test_implicit_year_is_the_latest_not_after_publication(void)
{
    CU_ASSERT(dates_are("سوم نوامبر استعفا داد", "2018-11-20", "سوم نوامبر => 2018-11-03 a"));
    CU_ASSERT(dates_are("سوم نوامبر استعفا داد", "2019-01-10", "سوم نوامبر => 2018-11-03 a"));
}

static void test_implicit_year_in_future_sentence_is_not_before_publication(void)
{
    CU_ASSERT(dates_are("نشست سوم نوامبر برگزار خواهد شد", "2018-11-20",
                        "سوم نوامبر => 2019-11-03 a"));
    CU_ASSERT(dates_are("نشست بعدی ۲۶ نوامبر است", "2018-11-20", "26 نوامبر => 2018-11-26 a"));
}

static void test_day_month_with_last_or_next_year_is_relative_to_publication(void)
{
    CU_ASSERT(dates_are("از دوم نوامبر سال گذشته سرپرستی را بر عهده داشت", "2019-11-29",
                        "دوم نوامبر سال گذشته => 2018-11-02 a r"));
    CU_ASSERT(dates_are("از اول ژانویه سال آینده آغاز میشود", "2019-11-29",
                        "اول ژانویه سال اینده => 2020-01-01 a r"));
}

static void test_relative_word_in_an_outlet_name_is_not_a_date(void)
{
    CU_ASSERT(dates_are("به گزارش رادیو فردا، نشست برگزار شد", "2022-01-10", ""));
    CU_ASSERT(dates_are("روزنامه امروز نوشت", "2022-01-10", ""));
}

static void test_implicit_year_without_publication_stays_unresolved(void)
{
    sd_date_mention m;
    CU_ASSERT_FATAL(only_mention("سوم نوامبر", NULL, &m));
    CU_ASSERT_EQUAL(m.value.prec, SD_PREC_NONE);
    CU_ASSERT_FALSE(m.anchored);
    CU_ASSERT(m.orig_y == 0 && m.orig_m == 11 && m.orig_d == 3);
}

static void test_month_after_mah_is_month_precision_with_anchored_year(void)
{
    CU_ASSERT(dates_are("نشست بعدی که ماه دسامبر برگزار شود", "2018-11-20",
                        "ماه دسامبر => 2018-12 a"));
    CU_ASSERT(dates_are("ماه دسامبر", "2018-11-20", "ماه دسامبر => 2017-12 a"));
}

static void test_february_29_without_year_takes_the_nearest_leap_year(void)
{
    CU_ASSERT(dates_are("۲۹ فوریه", "2026-05-01", "29 فوریه => 2024-02-29 a"));
}

static void test_publication_at_year_precision_anchors_the_year(void)
{
    CU_ASSERT(dates_are("سوم نوامبر", "2018", "سوم نوامبر => 2018-11-03 a"));
}

/* ------------------------------------------------------------------ relative words */

static void test_relative_days_are_anchored_to_publication(void)
{
    CU_ASSERT(dates_are("امروز و دیروز و فردا و روز گذشته", "2025-11-28",
                        "امروز => 2025-11-28 a r ; دیروز => 2025-11-27 a r ; "
                        "فردا => 2025-11-29 a r ; روز گذشته => 2025-11-27 a r"));
}

static void test_relative_words_without_publication_are_listed_unresolved(void)
{
    CU_ASSERT(dates_are("امروز و سال گذشته", NULL, "امروز => - r ; سال گذشته => - r"));
}

static void test_relative_years_and_months(void)
{
    CU_ASSERT(dates_are("امسال، پارسال، سال آینده و ماه گذشته", "2025-01-15",
                        "امسال => 2025 a r ; پارسال => 2024 a r ; سال اینده => 2026 a r ; "
                        "ماه گذشته => 2024-12 a r"));
}

static void test_counted_span_is_not_a_relative_date(void)
{
    CU_ASSERT(dates_are("در دو سال گذشته و ۱۰ روز گذشته", "2025-01-15", ""));
}

static void test_day_before_an_event_is_not_yesterday(void)
{
    CU_ASSERT(dates_are("روز قبل از نشست و سال بعد از آن", "2025-11-28", ""));
}

static void test_rooz_weekday_is_the_latest_such_day_in_a_past_sentence(void)
{
    /* 2025-11-28 is a Friday; the Monday before is 2025-11-24. */
    CU_ASSERT(dates_are("روز دوشنبه نشست برگزار شد", "2025-11-28", "روز دوشنبه => 2025-11-24 a r"));
}

static void test_rooz_weekday_is_the_next_such_day_in_a_future_sentence(void)
{
    CU_ASSERT(dates_are("روز دوشنبه نشست برگزار خواهد شد", "2025-11-28",
                        "روز دوشنبه => 2025-12-01 a r"));
}

static void test_weekday_with_direction_word(void)
{
    CU_ASSERT(dates_are("سه‌شنبه گذشته و پنج شنبه آینده", "2025-11-28",
                        "سهشنبه گذشته => 2025-11-25 a r ; پنج شنبه اینده => 2025-12-04 a r"));
}

static void test_bare_doshanbe_is_the_city_not_a_weekday(void)
{
    CU_ASSERT(dates_are("وزیر در دوشنبه پایتخت تاجیکستان گفت", "2025-11-28", ""));
}

static void test_weekday_before_a_date_joins_the_date(void)
{
    CU_ASSERT(dates_are("دوشنبه ۱۲ آبان ۱۳۹۷", NULL, "دوشنبه 12 ابان 1397 => 2018-11-03 p"));
    CU_ASSERT(dates_are("روز دوشنبه، ۳ نوامبر ۲۰۲۵", NULL,
                        "روز دوشنبه، 3 نوامبر 2025 => 2025-11-03"));
}

static void test_weekday_without_publication_is_unresolved(void)
{
    CU_ASSERT(dates_are("روز دوشنبه", NULL, "روز دوشنبه => - r"));
}

/* ------------------------------------------------------------------ ambiguous month words */

static void test_mi_as_verb_prefix_is_not_may(void)
{
    CU_ASSERT(dates_are("این سازمان می تواند و می شود", "2025-11-28", ""));
    CU_ASSERT(dates_are("شمار آنها به 20 می رسد", "2025-11-28", ""));
}

static void test_mi_next_to_a_day_or_year_is_may(void)
{
    CU_ASSERT(dates_are("۱۰ می ۲۰۲۵ و ۹ مه", "2025-11-28",
                        "10 می 2025 => 2025-05-10 ; 9 مه => 2025-05-09 a"));
    CU_ASSERT(dates_are("می 2025", NULL, "می 2025 => 2025-05"));
}

static void test_azar_inside_azerbaijan_is_not_a_month(void)
{
    CU_ASSERT(dates_are("جمهوری آذربایجان و ۳۰ آذر", "2025-12-30", "30 اذر => 2025-12-21 p a"));
}

static void test_ambiguous_solar_month_alone_is_a_word(void)
{
    CU_ASSERT(dates_are("با مهر و تیر و دی", "2025-11-28", ""));
}

static void test_ambiguous_solar_month_after_mah_is_a_month(void)
{
    /* Mehr 1404 began on 2025-09-23: a Solar month gives the year of its first day. */
    CU_ASSERT(dates_are("ماه مهر", "2025-11-28", "ماه مهر => 2025 p a"));
}

static void test_cardinal_day_word_needs_a_clear_month(void)
{
    CU_ASSERT(dates_are("بیست و هشت نوامبر", "2025-12-01", "بیست و هشت نوامبر => 2025-11-28 a"));
    CU_ASSERT(dates_are("دو تیر شلیک شد", "2025-12-01", ""));
}

/* ------------------------------------------------------------------ spans */

static void test_mention_span_maps_back_to_the_original_text(void)
{
    const char *src = "از اول ژانویهٔ ۲۰۲۶ به";
    run r;
    CU_ASSERT_EQUAL_FATAL(run_text(&r, src, NULL), 0);
    CU_ASSERT_EQUAL_FATAL(r.list.n, 1);
    size_t os = 0, oe = 0;
    sd_folded_span_to_source(&r.f, r.list.items[0].start, r.list.items[0].end, &os, &oe);
    CU_ASSERT_EQUAL(oe - os, strlen("اول ژانویهٔ ۲۰۲۶"));
    CU_ASSERT(memcmp(src + os, "اول ژانویهٔ ۲۰۲۶", oe - os) == 0);
    CU_ASSERT_EQUAL(r.list.items[0].first_token, 1);
    CU_ASSERT_EQUAL(r.list.items[0].ntokens, 3);
    run_free(&r);
}

/* ------------------------------------------------------------------ seeds */

static bool seed_dates_are(const char *name, const char *pub, const char *want)
{
    char path[512];
    snprintf(path, sizeof path, "%s/articles/%s", SD_TEST_FIXTURES, name);
    size_t len = 0;
    char *text = sd_test_read_file(path, &len);
    if (!text)
        return false;
    bool ok = dates_are(text, pub, want);
    free(text);
    return ok;
}

static void test_seed_000_dates(void)
{
    /* "روز دوشنبه ... برگزار خواهد شد" is a future sentence: the next Monday. */
    CU_ASSERT(seed_dates_are("000_aa12c8155f0d4d94.txt", "2018-11-20",
                             "روز دوشنبه => 2018-11-26 a r ; امروز => 2018-11-20 a r ; "
                             "سال 2025 => 2025 ; روز گذشته => 2018-11-19 a r ; "
                             "سال 1992 => 1992 ; سال 2002 => 2002 ; "
                             "دوم دسامبر 2004 => 2004-12-02 ; فوریه 2009 => 2009-02"));
}

static void test_seed_002_dates(void)
{
    CU_ASSERT(seed_dates_are("002_bbfa5220e0d216f8.txt", "2025-11-28",
                             "28 نوامبر 2025 => 2025-11-28 ; اول ژانویه 2026 => 2026-01-01 ; "
                             "11 نوامبر 2026 => 2026-11-11 ; اول ژانویه 2026 => 2026-01-01 ; "
                             "26 نوامبر => 2025-11-26 a"));
}

static void test_seed_004_dates(void)
{
    /* "ماه دسامبر" stands in a sentence about "نشست بعدی" (the next summit): ahead. */
    CU_ASSERT(seed_dates_are("004_6644079558f78279.txt", "2018-11-20",
                             "سوم نوامبر => 2018-11-03 a ; ماه دسامبر => 2018-12 a"));
}

static void test_seeds_without_publication_leave_implicit_dates_unresolved(void)
{
    CU_ASSERT(seed_dates_are("004_6644079558f78279.txt", NULL,
                             "سوم نوامبر => - ; ماه دسامبر => -"));
}

/* ------------------------------------------------------------------ robustness */

static void test_truncated_and_odd_inputs_do_not_crash(void)
{
    static const char *const inputs[] = {
        "", "سال", "سال ۲۰", "۲۸", "۲۸ ", "نوامبر", "بیست و", "بیست و هشتم", "1397/", "1397/08/",
        "/08/12", "1397//12", "1397/08/12/5", "روز", "روز سه", "ه.ش", "سال 1371 ه.",
        "۹۹۹۹۹۹۹۹۹۹۹۹ نوامبر", "28ام", "ام نوامبر", "سی", "ماه", "ماه ماه ماه", "- - -",
        "سال ۲۰۲۹ -", "سال ۲۰۲۹ تا", "\xff\xfe نوامبر 2025", "2018-11-", "۰ نوامبر ۲۰۲۵",
    };
    for (size_t k = 0; k < sizeof inputs / sizeof inputs[0]; k++) {
        run r;
        CU_ASSERT_EQUAL(run_text(&r, inputs[k], "2025-11-28"), 0);
        for (size_t j = 0; j < r.list.n; j++) {
            CU_ASSERT(r.list.items[j].start < r.list.items[j].end);
            CU_ASSERT(r.list.items[j].end <= r.f.len);
        }
        run_free(&r);
    }
}

static void test_random_token_soup_gives_ordered_in_bounds_mentions(void)
{
    static const char *const words[] = {
        "سال", "ماه", "روز", "۲۸", "1397/08/12", "نوامبر", "می", "آذر", "دوشنبه", "گذشته",
        "بیست", "و", "هشتم", "2025", "۱۳۹۷", "میلادی", "ه.ش.", "-", "تا", "امروز", "دو",
        "سه", "شنبه", "قوس", "،", ".", "\n", "28ام", "اول", "خواهد", "2018", "/", "11",
    };
    unsigned long seed = 12345;
    char buf[2048];
    for (int doc = 0; doc < 300; doc++) {
        size_t used = 0;
        buf[0] = '\0';
        for (int w = 0; w < 60; w++) {
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            const char *x = words[(seed >> 33) % (sizeof words / sizeof words[0])];
            int n = snprintf(buf + used, sizeof buf - used, "%s%s", x, (seed >> 20) & 1 ? " " : "");
            if (n < 0 || (size_t)n >= sizeof buf - used)
                break;
            used += (size_t)n;
        }
        run r;
        CU_ASSERT_EQUAL_FATAL(run_text(&r, buf, (seed >> 40) & 1 ? "2025-11-28" : NULL), 0);
        for (size_t j = 0; j < r.list.n; j++) {
            const sd_date_mention *m = &r.list.items[j];
            CU_ASSERT(m->start < m->end && m->end <= r.f.len);
            CU_ASSERT(m->first_token + m->ntokens <= r.seg.ntokens);
            if (j > 0)
                CU_ASSERT(r.list.items[j - 1].end <= m->start);
        }
        run_free(&r);
    }
}

static void test_long_input_is_scanned_in_linear_time(void)
{
    const char *unit = "در 28 نوامبر 2025 و ";
    size_t ulen = strlen(unit), reps = 20000;
    char *text = malloc(ulen * reps + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    for (size_t k = 0; k < reps; k++)
        memcpy(text + k * ulen, unit, ulen);
    text[ulen * reps] = '\0';
    run r;
    CU_ASSERT_EQUAL_FATAL(run_text(&r, text, NULL), 0);
    CU_ASSERT_EQUAL(r.list.n, reps);
    run_free(&r);
    free(text);
}

static void test_find_rejects_a_missing_output(void)
{
    sd_error err;
    sd_folded f;
    sd_segments s;
    memset(&f, 0, sizeof f);
    memset(&s, 0, sizeof s);
    CU_ASSERT_EQUAL(sd_dates_find(&f, &s, NULL, NULL, &err), SD_EUSAGE);
}

void sd_test_register(void)
{
    static const sd_test_case calendar[] = {
        SD_TEST(test_jalali_oracle_file_holds_71_pairs_with_both_esfand_leap_edges),
        SD_TEST(test_icu_conversion_matches_every_persiantools_pair_both_ways),
        SD_TEST(test_esfand_30_of_leap_years_1399_and_1403),
        SD_TEST(test_impossible_jalali_dates_are_rejected),
        SD_TEST(test_icu_agrees_with_the_33_year_rule_on_every_day_1300_to_1500),
        SD_TEST_END,
    };
    static const sd_test_case tables[] = {
        SD_TEST(test_every_table_phrase_is_already_folded),
        SD_TEST(test_every_ordinal_day_1_to_31_has_a_word),
        SD_TEST(test_every_month_of_each_system_has_a_name),
        SD_TEST_END,
    };
    static const sd_test_case grammar[] = {
        SD_TEST(test_finds_day_month_year_in_ascii_digits),
        SD_TEST(test_finds_day_month_year_in_persian_digits),
        SD_TEST(test_month_and_year_give_month_precision),
        SD_TEST(test_ordinal_day_words_give_the_day),
        SD_TEST(test_compound_ordinal_of_three_tokens_is_one_day),
        SD_TEST(test_compound_ordinal_joined_by_zwnj_is_one_day),
        SD_TEST(test_digit_day_with_ordinal_suffix),
        SD_TEST(test_month_name_variants_are_recognised),
        SD_TEST(test_arabic_letters_and_indic_digits_are_read),
        SD_TEST(test_month_with_written_out_ezafe),
        SD_TEST(test_two_days_sharing_a_month_give_two_mentions),
        SD_TEST(test_impossible_gregorian_day_is_not_a_day),
        SD_TEST(test_year_after_sal_between_month_and_year),
        SD_TEST(test_solar_hijri_day_converts_to_gregorian),
        SD_TEST(test_solar_hijri_month_gives_the_gregorian_year_of_its_first_day),
        SD_TEST(test_solar_hijri_with_marker_and_ordinal),
        SD_TEST(test_impossible_solar_hijri_day_is_not_a_day),
        SD_TEST(test_solar_hijri_day_without_year_is_anchored_to_publication),
        SD_TEST(test_afghan_month_needs_day_and_year),
        SD_TEST(test_numeric_jalali_year_first),
        SD_TEST(test_numeric_gregorian_year_first),
        SD_TEST(test_numeric_day_first_orders),
        SD_TEST(test_numeric_impossible_date_is_rejected),
        SD_TEST(test_sal_with_gregorian_year),
        SD_TEST(test_sal_with_jalali_year_gives_the_gregorian_year_it_began),
        SD_TEST(test_year_with_calendar_marker),
        SD_TEST(test_bare_four_digit_number_is_not_a_date),
        SD_TEST(test_number_range_without_sal_is_not_a_date),
        SD_TEST(test_year_range_after_sal_gives_both_years),
        SD_TEST(test_lunar_year_is_not_read_as_solar),
        SD_TEST(test_year_out_of_range_is_not_a_date),
        SD_TEST(test_implicit_year_is_the_latest_not_after_publication),
        SD_TEST(test_implicit_year_in_future_sentence_is_not_before_publication),
        SD_TEST(test_day_month_with_last_or_next_year_is_relative_to_publication),
        SD_TEST(test_relative_word_in_an_outlet_name_is_not_a_date),
        SD_TEST(test_implicit_year_without_publication_stays_unresolved),
        SD_TEST(test_month_after_mah_is_month_precision_with_anchored_year),
        SD_TEST(test_february_29_without_year_takes_the_nearest_leap_year),
        SD_TEST(test_publication_at_year_precision_anchors_the_year),
        SD_TEST(test_relative_days_are_anchored_to_publication),
        SD_TEST(test_relative_words_without_publication_are_listed_unresolved),
        SD_TEST(test_relative_years_and_months),
        SD_TEST(test_counted_span_is_not_a_relative_date),
        SD_TEST(test_day_before_an_event_is_not_yesterday),
        SD_TEST(test_rooz_weekday_is_the_latest_such_day_in_a_past_sentence),
        SD_TEST(test_rooz_weekday_is_the_next_such_day_in_a_future_sentence),
        SD_TEST(test_weekday_with_direction_word),
        SD_TEST(test_bare_doshanbe_is_the_city_not_a_weekday),
        SD_TEST(test_weekday_before_a_date_joins_the_date),
        SD_TEST(test_weekday_without_publication_is_unresolved),
        SD_TEST(test_mi_as_verb_prefix_is_not_may),
        SD_TEST(test_mi_next_to_a_day_or_year_is_may),
        SD_TEST(test_azar_inside_azerbaijan_is_not_a_month),
        SD_TEST(test_ambiguous_solar_month_alone_is_a_word),
        SD_TEST(test_ambiguous_solar_month_after_mah_is_a_month),
        SD_TEST(test_cardinal_day_word_needs_a_clear_month),
        SD_TEST(test_mention_span_maps_back_to_the_original_text),
        SD_TEST_END,
    };
    static const sd_test_case seeds[] = {
        SD_TEST(test_seed_000_dates),
        SD_TEST(test_seed_002_dates),
        SD_TEST(test_seed_004_dates),
        SD_TEST(test_seeds_without_publication_leave_implicit_dates_unresolved),
        SD_TEST_END,
    };
    static const sd_test_case robust[] = {
        SD_TEST(test_truncated_and_odd_inputs_do_not_crash),
        SD_TEST(test_random_token_soup_gives_ordered_in_bounds_mentions),
        SD_TEST(test_long_input_is_scanned_in_linear_time),
        SD_TEST(test_find_rejects_a_missing_output),
        SD_TEST_END,
    };
    sd_test_add_suite("dates.calendar", calendar);
    sd_test_add_suite("dates.tables", tables);
    sd_test_add_suite("dates.grammar", grammar);
    sd_test_add_suite("dates.seeds", seeds);
    sd_test_add_suite("dates.robustness", robust);
}
