/* dates_tables: month names, day words, weekdays, calendar markers and relative words of the
 * date grammar. All phrases are in folded form (see dates_tables.h); a test checks that
 * folding each phrase leaves it unchanged. */
#include "dates_tables.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

const sd_month_word sd_month_words[] = {
    /* Gregorian months as written in Iran and Afghanistan. */
    { "ژانویه", 1, SD_MS_GREGORIAN, false },
    { "ژانویهی", 1, SD_MS_GREGORIAN, false },    /* ژانویه‌ی: ezafe written out */
    { "جنوری", 1, SD_MS_GREGORIAN, false },
    { "فوریه", 2, SD_MS_GREGORIAN, false },
    { "فوریهی", 2, SD_MS_GREGORIAN, false },
    { "فبروری", 2, SD_MS_GREGORIAN, false },
    { "مارس", 3, SD_MS_GREGORIAN, false },
    { "مارچ", 3, SD_MS_GREGORIAN, false },
    { "اوریل", 4, SD_MS_GREGORIAN, false },      /* آوریل, اوریل */
    { "اپریل", 4, SD_MS_GREGORIAN, false },      /* آپریل */
    { "مه", 5, SD_MS_GREGORIAN, true },          /* fog */
    { "می", 5, SD_MS_GREGORIAN, true },          /* verb prefix: می تواند */
    { "مای", 5, SD_MS_GREGORIAN, false },
    { "ژوین", 6, SD_MS_GREGORIAN, false },       /* ژوئن */
    { "جون", 6, SD_MS_GREGORIAN, false },
    { "ژوییه", 7, SD_MS_GREGORIAN, false },      /* ژوئیه, ژوییه */
    { "ژوییهی", 7, SD_MS_GREGORIAN, false },
    { "جولای", 7, SD_MS_GREGORIAN, false },
    { "جولایی", 7, SD_MS_GREGORIAN, false },     /* جولائی */
    { "اوت", 8, SD_MS_GREGORIAN, false },
    { "اگوست", 8, SD_MS_GREGORIAN, false },      /* آگوست, اگوست */
    { "اگست", 8, SD_MS_GREGORIAN, false },
    { "سپتامبر", 9, SD_MS_GREGORIAN, false },
    { "سپتمبر", 9, SD_MS_GREGORIAN, false },
    { "اکتبر", 10, SD_MS_GREGORIAN, false },
    { "اکتوبر", 10, SD_MS_GREGORIAN, false },
    { "نوامبر", 11, SD_MS_GREGORIAN, false },
    { "نومبر", 11, SD_MS_GREGORIAN, false },
    { "دسامبر", 12, SD_MS_GREGORIAN, false },
    { "دسمبر", 12, SD_MS_GREGORIAN, false },

    /* Iranian Solar Hijri months. */
    { "فروردین", 1, SD_MS_SOLAR, false },
    { "اردیبهشت", 2, SD_MS_SOLAR, false },
    { "خرداد", 3, SD_MS_SOLAR, false },
    { "تیر", 4, SD_MS_SOLAR, true },             /* arrow, shot */
    { "مرداد", 5, SD_MS_SOLAR, false },
    { "امرداد", 5, SD_MS_SOLAR, false },
    { "شهریور", 6, SD_MS_SOLAR, true },          /* given name */
    { "مهر", 7, SD_MS_SOLAR, true },             /* seal, kindness */
    { "ابان", 8, SD_MS_SOLAR, false },           /* آبان */
    { "اذر", 9, SD_MS_SOLAR, true },             /* آذر: given name */
    { "دی", 10, SD_MS_SOLAR, true },             /* dialectal "that", "which" */
    { "بهمن", 11, SD_MS_SOLAR, true },           /* given name */
    { "اسفند", 12, SD_MS_SOLAR, false },

    /* Afghan Solar Hijri months (zodiac signs): always need both a day and a year. */
    { "حمل", 1, SD_MS_AFGHAN, true },            /* transport */
    { "ثور", 2, SD_MS_AFGHAN, true },
    { "جوزا", 3, SD_MS_AFGHAN, false },
    { "سرطان", 4, SD_MS_AFGHAN, true },          /* cancer */
    { "اسد", 5, SD_MS_AFGHAN, true },            /* Assad, lion */
    { "سنبله", 6, SD_MS_AFGHAN, false },
    { "میزان", 7, SD_MS_AFGHAN, true },          /* amount */
    { "عقرب", 8, SD_MS_AFGHAN, false },
    { "قوس", 9, SD_MS_AFGHAN, true },            /* arc */
    { "جدی", 10, SD_MS_AFGHAN, true },           /* serious */
    { "دلو", 11, SD_MS_AFGHAN, true },           /* bucket */
    { "حوت", 12, SD_MS_AFGHAN, true },           /* whale */
};
const size_t sd_month_words_n = N_OF(sd_month_words);

const sd_number_word sd_ordinal_day_words[] = {
    { "اول", 1 }, { "یکم", 1 }, { "نخست", 1 },
    { "دوم", 2 }, { "سوم", 3 }, { "چهارم", 4 }, { "پنجم", 5 },
    { "ششم", 6 }, { "شیشم", 6 }, { "هفتم", 7 }, { "هشتم", 8 }, { "نهم", 9 }, { "دهم", 10 },
    { "یازدهم", 11 }, { "دوازدهم", 12 }, { "سیزدهم", 13 }, { "چهاردهم", 14 },
    { "پانزدهم", 15 }, { "شانزدهم", 16 }, { "هفدهم", 17 }, { "هیفدهم", 17 },
    { "هجدهم", 18 }, { "هیجدهم", 18 }, { "هژدهم", 18 }, { "نوزدهم", 19 },
    { "بیستم", 20 },
    /* Compounds: "بیست و یکم" (three tokens) also matches "بیستویکم" (one token, ZWNJ deleted). */
    { "بیست و یکم", 21 }, { "بیست و دوم", 22 }, { "بیست و سوم", 23 },
    { "بیست و چهارم", 24 }, { "بیست و پنجم", 25 }, { "بیست و ششم", 26 },
    { "بیست و هفتم", 27 }, { "بیست و هشتم", 28 }, { "بیست و نهم", 29 },
    { "بیستویکم", 21 }, { "بیستودوم", 22 }, { "بیستوسوم", 23 },
    { "بیستوچهارم", 24 }, { "بیستوپنجم", 25 }, { "بیستوششم", 26 },
    { "بیستوهفتم", 27 }, { "بیستوهشتم", 28 }, { "بیستونهم", 29 },
    { "سی ام", 30 }, { "سیام", 30 }, { "سی و یکم", 31 }, { "سیویکم", 31 },
};
const size_t sd_ordinal_day_words_n = N_OF(sd_ordinal_day_words);

const sd_number_word sd_cardinal_day_words[] = {
    { "یک", 1 }, { "دو", 2 }, { "سه", 3 }, { "چهار", 4 }, { "پنج", 5 }, { "شش", 6 },
    { "هفت", 7 }, { "هشت", 8 }, { "نه", 9 }, { "ده", 10 }, { "یازده", 11 }, { "دوازده", 12 },
    { "سیزده", 13 }, { "چهارده", 14 }, { "پانزده", 15 }, { "شانزده", 16 }, { "هفده", 17 },
    { "هجده", 18 }, { "هیجده", 18 }, { "نوزده", 19 }, { "بیست", 20 },
    { "بیست و یک", 21 }, { "بیست و دو", 22 }, { "بیست و سه", 23 }, { "بیست و چهار", 24 },
    { "بیست و پنج", 25 }, { "بیست و شش", 26 }, { "بیست و هفت", 27 }, { "بیست و هشت", 28 },
    { "بیست و نه", 29 }, { "سی", 30 }, { "سی و یک", 31 },
};
const size_t sd_cardinal_day_words_n = N_OF(sd_cardinal_day_words);

const char *const sd_ordinal_suffixes[] = { "ام", "امین" };
const size_t sd_ordinal_suffixes_n = N_OF(sd_ordinal_suffixes);

const sd_number_word sd_weekday_words[] = {
    { "یکشنبه", 0 }, { "یک شنبه", 0 },
    { "دوشنبه", 1 }, { "دو شنبه", 1 },
    { "سهشنبه", 2 }, { "سه شنبه", 2 },
    { "چهارشنبه", 3 }, { "چهار شنبه", 3 },
    { "پنجشنبه", 4 }, { "پنج شنبه", 4 },
    { "جمعه", 5 },
    { "شنبه", 6 },
};
const size_t sd_weekday_words_n = N_OF(sd_weekday_words);

const sd_number_word sd_weekday_direction_words[] = {
    { "گذشته", -1 }, { "قبل", -1 }, { "پیش", -1 },
    { "اینده", 1 }, { "بعد", 1 }, { "اتی", 1 },
};
const size_t sd_weekday_direction_words_n = N_OF(sd_weekday_direction_words);

const sd_marker_word sd_marker_words[] = {
    { "میلادی", SD_MARK_GREGORIAN },
    { "م", SD_MARK_GREGORIAN },
    { "هجری شمسی", SD_MARK_SOLAR },
    { "شمسی", SD_MARK_SOLAR },
    { "خورشیدی", SD_MARK_SOLAR },
    { "ه.ش", SD_MARK_SOLAR },
    { "هش", SD_MARK_SOLAR },
    { "هجری قمری", SD_MARK_LUNAR },
    { "قمری", SD_MARK_LUNAR },
    { "ه.ق", SD_MARK_LUNAR },
    { "هق", SD_MARK_LUNAR },
};
const size_t sd_marker_words_n = N_OF(sd_marker_words);

const sd_relative_word sd_relative_words[] = {
    { "امروز", SD_REL_DAY, 0, false },
    { "دیروز", SD_REL_DAY, -1, false },
    { "پریروز", SD_REL_DAY, -2, false },
    { "فردا", SD_REL_DAY, 1, false },
    { "پس فردا", SD_REL_DAY, 2, false },
    { "روز گذشته", SD_REL_DAY, -1, false },
    { "روز قبل", SD_REL_DAY, -1, true },
    { "امسال", SD_REL_YEAR, 0, false },
    { "سال جاری", SD_REL_YEAR, 0, false },
    { "سال گذشته", SD_REL_YEAR, -1, false },
    { "سال قبل", SD_REL_YEAR, -1, true },
    { "پارسال", SD_REL_YEAR, -1, false },
    { "سال اینده", SD_REL_YEAR, 1, false },
    { "سال بعد", SD_REL_YEAR, 1, true },
    { "ماه جاری", SD_REL_MONTH, 0, false },
    { "ماه گذشته", SD_REL_MONTH, -1, false },
    { "ماه قبل", SD_REL_MONTH, -1, true },
    { "ماه اینده", SD_REL_MONTH, 1, false },
    { "ماه بعد", SD_REL_MONTH, 1, true },
};
const size_t sd_relative_words_n = N_OF(sd_relative_words);

const char *const sd_future_cue_words[] = {
    "خواهد", "خواهند", "خواهم", "خواهی", "خواهیم", "خواهید", "اینده", "بعدی", "موکول",
};
const size_t sd_future_cue_words_n = N_OF(sd_future_cue_words);

const char *const sd_name_before_relative_words[] = {
    "رادیو", "روزنامه", "هفته نامه", "هفتهنامه", "نشریه", "خبرگزاری", "سایت", "شبکه", "کانال",
    "برنامه", "مجله",
};
const size_t sd_name_before_relative_words_n = N_OF(sd_name_before_relative_words);

const char *const sd_quantity_words[] = {
    "چند", "چندین", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده",
    "یازده", "دوازده", "بیست", "سی", "صد", "هزار", "دهها", "صدها",
};
const size_t sd_quantity_words_n = N_OF(sd_quantity_words);

const char *const sd_verb_stems[] = {
    "شود", "شوند", "شد", "تواند", "توانند", "توان", "کند", "کنند", "کرد", "کردند", "رسد",
    "رسند", "دهد", "دهند", "داد", "دادند", "باشد", "باشند", "گیرد", "گیرند", "گوید", "گویند",
    "گفت", "رود", "روند", "اید", "ایند", "یابد", "یابند", "ماند", "بیند", "خواهد", "خواهند",
    "زند", "سازد", "کوشد", "پردازد", "پردازند", "دانند", "داند", "افتد", "گذرد",
};
const size_t sd_verb_stems_n = N_OF(sd_verb_stems);

const char *const sd_weekday_separators[] = { "،", "," };
const size_t sd_weekday_separators_n = N_OF(sd_weekday_separators);

const char *const sd_day_range_words[] = { "و", "تا", "-", "الی", "–" };
const size_t sd_day_range_words_n = N_OF(sd_day_range_words);

const char *const sd_word_year = "سال";
const char *const sd_word_years[] = { "سالهای", "سال های", "سالها" };
const size_t sd_word_years_n = N_OF(sd_word_years);
const char *const sd_word_month = "ماه";
const char *const sd_word_day = "روز";
const char *const sd_word_az = "از";
const char *const sd_range_words[] = { "-", "تا", "–", "—" };
const size_t sd_range_words_n = N_OF(sd_range_words);
