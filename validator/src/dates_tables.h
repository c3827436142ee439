/* dates_tables: the words of the date grammar (dates.c), one row per spelling.
 *
 * Every phrase is written in FOLDED form (text.h: ئ→ی, ؤ→و, آ/أ→ا, ۀ→ه, ZWNJ deleted, digits
 * ASCII). A phrase of several words ("بیست و یکم", "روز گذشته", "ه.ش") is matched against
 * consecutive tokens with the spaces and token boundaries ignored, so "سه شنبه" also matches
 * the single token "سهشنبه" and "ه.ش" matches the tokens ه . ش. */
#ifndef SD_DATES_TABLES_H
#define SD_DATES_TABLES_H

#include "dates.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum sd_month_system {
    SD_MS_GREGORIAN,    /* ژانویه ... دسامبر and their variants */
    SD_MS_SOLAR,        /* Iranian Solar Hijri: فروردین ... اسفند */
    SD_MS_AFGHAN        /* Afghan Solar Hijri (zodiac names): حمل ... حوت; only with day AND year */
} sd_month_system;

typedef struct sd_month_word {
    const char *phrase;
    int month;              /* 1..12 in its own calendar */
    sd_month_system system;
    bool ambiguous;         /* also an ordinary word: needs a day, a year, or a preceding ماه */
} sd_month_word;

typedef struct sd_number_word {
    const char *phrase;
    int value;
} sd_number_word;

typedef enum sd_marker_kind {
    SD_MARK_GREGORIAN,
    SD_MARK_SOLAR,
    SD_MARK_LUNAR           /* Lunar Hijri: recognised so its year is not misread, never converted */
} sd_marker_kind;

typedef struct sd_marker_word {
    const char *phrase;
    sd_marker_kind kind;
} sd_marker_word;

typedef enum sd_rel_unit {
    SD_REL_DAY,
    SD_REL_MONTH,
    SD_REL_YEAR
} sd_rel_unit;

typedef struct sd_relative_word {
    const char *phrase;
    sd_rel_unit unit;
    int offset;             /* in units from the publication date */
    bool not_before_az;     /* "روز قبل از نشست" counts from the event, not from publication */
} sd_relative_word;

extern const sd_month_word sd_month_words[];
extern const size_t sd_month_words_n;

extern const sd_number_word sd_ordinal_day_words[];     /* 1..31 */
extern const size_t sd_ordinal_day_words_n;
extern const sd_number_word sd_cardinal_day_words[];    /* 1..31, used only before a clear month */
extern const size_t sd_cardinal_day_words_n;
extern const char *const sd_ordinal_suffixes[];         /* "28ام": ام, امین */
extern const size_t sd_ordinal_suffixes_n;

extern const sd_number_word sd_weekday_words[];         /* value 0 = Sunday ... 6 = Saturday */
extern const size_t sd_weekday_words_n;
/* After a weekday: -1 = the previous one (دوشنبه گذشته), +1 = the next one (دوشنبه آینده). */
extern const sd_number_word sd_weekday_direction_words[];
extern const size_t sd_weekday_direction_words_n;

extern const sd_marker_word sd_marker_words[];
extern const size_t sd_marker_words_n;

extern const sd_relative_word sd_relative_words[];
extern const size_t sd_relative_words_n;

/* Words in a sentence that put its implicit dates ahead of publication (future tense). */
extern const char *const sd_future_cue_words[];
extern const size_t sd_future_cue_words_n;

/* Words right before "روز/سال/ماه گذشته" that make it a span ("دو سال گذشته" = the past two
 * years), not a relative date; any number token has the same effect. */
/* Words that make a following relative word part of a name («رادیو فردا», «روزنامه امروز»). */
extern const char *const sd_name_before_relative_words[];
extern const size_t sd_name_before_relative_words_n;
extern const char *const sd_quantity_words[];
extern const size_t sd_quantity_words_n;

/* Present stems that follow a spaced verb prefix «می» (می تواند، می شود): after them «می» is
 * not the month May. */
extern const char *const sd_verb_stems[];
extern const size_t sd_verb_stems_n;

/* Between a weekday and its date: "دوشنبه، ۱۲ آبان". */
extern const char *const sd_weekday_separators[];
extern const size_t sd_weekday_separators_n;

/* Between two days sharing a month: "۲۸ و ۲۹ نوامبر", "از ۲۸ تا ۳۰ نوامبر". */
extern const char *const sd_day_range_words[];
extern const size_t sd_day_range_words_n;

/* Single words with a fixed role in the grammar. */
extern const char *const sd_word_year;       /* سال */
extern const char *const sd_word_years[];    /* سالهای, سال های: before a year range */
extern const size_t sd_word_years_n;
extern const char *const sd_word_month;      /* ماه */
extern const char *const sd_word_day;        /* روز */
extern const char *const sd_word_az;         /* از */
extern const char *const sd_range_words[];   /* - تا: between the two years of a range */
extern const size_t sd_range_words_n;

#endif
