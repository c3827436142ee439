/* dates: calendar arithmetic and the date grammar for Persian news.
 *
 * sd_date is a Gregorian date at an explicit precision ("1992", "1992-05", "1992-05-15").
 * The grammar (sd_dates_find) reads tokens of a folded, segmented document and yields every
 * date expression with its normalized Gregorian value, its precision, the calendar it was
 * written in, whether its year (or the whole date) was anchored to the publication date,
 * and its folded span (map it back with sd_folded_span_to_source). Forms: Gregorian with
 * Persian month names and variants; ordinal day words; Solar Hijri (converted with ICU's
 * Persian calendar, opened explicitly); numeric 1397/08/12 and 2018/11/03; سال N, N خورشیدی,
 * N میلادی; implicit years and relative words (امروز، روز گذشته، روز دوشنبه، سال آینده) anchored
 * to the publication date, or left unresolved without one. Month names that are also
 * ordinary words (می، مه، تیر، مهر، آذر، دی، ...) count only next to a day or a year (or after
 * ماه). All month and number words live in the tables of dates_tables.c. */
#ifndef SD_DATES_H
#define SD_DATES_H

#include "error.h"
#include "segment.h"
#include "text.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum sd_precision {
    SD_PREC_NONE = 0,   /* unresolved */
    SD_PREC_YEAR = 1,
    SD_PREC_MONTH = 2,
    SD_PREC_DAY = 3
} sd_precision;

typedef struct sd_date {
    int y, m, d;            /* Gregorian; m and d are 0 below their precision */
    sd_precision prec;
} sd_date;

typedef enum sd_calendar {
    SD_CAL_GREGORIAN = 0,
    SD_CAL_PERSIAN = 1      /* Solar Hijri */
} sd_calendar;

/* Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real calendar date). 0 on success. */
int sd_date_parse_iso(const char *s, sd_date *out);
/* Write the ISO form at the date's precision into buf (at least 11 bytes). "" if NONE. */
void sd_date_format(sd_date d, char buf[11]);
const char *sd_precision_name(sd_precision p);     /* "year", "month", "day", "none" */
sd_date sd_date_make(int y, int m, int d);          /* precision from which parts are > 0 */
bool sd_date_valid(int y, int m, int d);            /* proleptic Gregorian */

/* Compare at the coarser of the two precisions: <0, 0, >0. */
int sd_date_cmp(sd_date a, sd_date b);
/* Earliest and latest day a date can denote (1992 → 1992-01-01 .. 1992-12-31). */
sd_date sd_date_first_day(sd_date d);
sd_date sd_date_last_day(sd_date d);
/* Days from a to b (both taken at day precision via first_day). */
long sd_date_days_between(sd_date a, sd_date b);
sd_date sd_date_add_days(sd_date d, long days);     /* d must be at day precision */
int sd_date_weekday(sd_date d);                     /* 0 = Sunday ... 6 = Saturday */

/* Solar Hijri <-> Gregorian through ICU's Persian calendar (non-lenient). 0 on success,
 * SD_EINVAL for an impossible date (e.g. 1404-07-31). */
int sd_jalali_to_gregorian(int jy, int jm, int jd, int *gy, int *gm, int *gd);
int sd_gregorian_to_jalali(int gy, int gm, int gd, int *jy, int *jm, int *jd);

typedef struct sd_date_mention {
    sd_date value;          /* Gregorian; prec NONE when it could not be resolved */
    sd_calendar calendar;   /* calendar it was written in */
    int orig_y, orig_m, orig_d;  /* as written, in that calendar (0 = absent) */
    bool anchored;          /* year or whole date came from the publication date */
    bool relative;          /* امروز, روز گذشته, روز دوشنبه, سال آینده, ... */
    size_t start, end;      /* folded byte span */
    size_t first_token, ntokens;
} sd_date_mention;

typedef struct sd_date_list {
    sd_date_mention *items;
    size_t n;
} sd_date_list;

/* Find every date expression. published may be NULL or have prec NONE (then implicit
 * years and relative words stay unresolved). */
int sd_dates_find(const sd_folded *f, const sd_segments *seg, const sd_date *published,
                  sd_date_list *out, sd_error *err);
void sd_date_list_free(sd_date_list *l);

#endif
