/* date: plain Gregorian arithmetic on sd_date values at explicit precision.
 * The Persian calendar and the date grammar live in dates.c. */
#include "dates.h"

#include <stdio.h>
#include <string.h>

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return (m == 2 && is_leap(y)) ? 29 : days[m - 1];
}

bool sd_date_valid(int y, int m, int d)
{
    if (y < 1 || y > 9999)
        return false;
    if (m == 0)
        return d == 0;
    if (m < 1 || m > 12)
        return false;
    return d == 0 || (d >= 1 && d <= month_days(y, m));
}

sd_date sd_date_make(int y, int m, int d)
{
    sd_date out = {0, 0, 0, SD_PREC_NONE};
    if (y <= 0 || !sd_date_valid(y, m, d))
        return out;
    out.y = y;
    out.m = m;
    out.d = m > 0 ? d : 0;
    out.prec = out.d > 0 ? SD_PREC_DAY : (m > 0 ? SD_PREC_MONTH : SD_PREC_YEAR);
    return out;
}

static int parse_digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

int sd_date_parse_iso(const char *s, sd_date *out)
{
    if (s == NULL || out == NULL)
        return SD_EINVAL;
    size_t n = strlen(s);
    int y = 0, m = 0, d = 0;
    if (n != 4 && n != 7 && n != 10)
        return SD_EINVAL;
    if (parse_digits(s, 4, &y) != 0 || y < 1)
        return SD_EINVAL;
    if (n >= 7 && (s[4] != '-' || parse_digits(s + 5, 2, &m) != 0 || m < 1))
        return SD_EINVAL;
    if (n == 10 && (s[7] != '-' || parse_digits(s + 8, 2, &d) != 0 || d < 1))
        return SD_EINVAL;
    if (!sd_date_valid(y, m, d))
        return SD_EINVAL;
    *out = sd_date_make(y, m, d);
    return SD_OK;
}

void sd_date_format(sd_date d, char buf[11])
{
    switch (d.prec) {
    case SD_PREC_YEAR: snprintf(buf, 11, "%04d", d.y); break;
    case SD_PREC_MONTH: snprintf(buf, 11, "%04d-%02d", d.y, d.m); break;
    case SD_PREC_DAY: snprintf(buf, 11, "%04d-%02d-%02d", d.y, d.m, d.d); break;
    default: buf[0] = '\0'; break;
    }
}

const char *sd_precision_name(sd_precision p)
{
    switch (p) {
    case SD_PREC_YEAR: return "year";
    case SD_PREC_MONTH: return "month";
    case SD_PREC_DAY: return "day";
    default: return "none";
    }
}

int sd_date_cmp(sd_date a, sd_date b)
{
    sd_precision p = a.prec < b.prec ? a.prec : b.prec;
    if (a.y != b.y || p < SD_PREC_MONTH)
        return (a.y > b.y) - (a.y < b.y);
    if (a.m != b.m || p < SD_PREC_DAY)
        return (a.m > b.m) - (a.m < b.m);
    return (a.d > b.d) - (a.d < b.d);
}

sd_date sd_date_first_day(sd_date d)
{
    if (d.prec == SD_PREC_NONE)
        return d;
    return sd_date_make(d.y, d.m > 0 ? d.m : 1, d.d > 0 ? d.d : 1);
}

sd_date sd_date_last_day(sd_date d)
{
    if (d.prec == SD_PREC_NONE)
        return d;
    int m = d.prec >= SD_PREC_MONTH ? d.m : 12;
    int day = d.prec == SD_PREC_DAY ? d.d : month_days(d.y, m);
    return sd_date_make(d.y, m, day);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static sd_date civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    return sd_date_make((int)(y + (m <= 2)), (int)m, (int)d);
}

long sd_date_days_between(sd_date a, sd_date b)
{
    sd_date fa = sd_date_first_day(a), fb = sd_date_first_day(b);
    return days_from_civil(fb.y, fb.m, fb.d) - days_from_civil(fa.y, fa.m, fa.d);
}

sd_date sd_date_add_days(sd_date d, long days)
{
    sd_date f = sd_date_first_day(d);
    if (f.prec == SD_PREC_NONE)
        return f;
    return civil_from_days(days_from_civil(f.y, f.m, f.d) + days);
}

int sd_date_weekday(sd_date d)
{
    sd_date f = sd_date_first_day(d);
    long z = days_from_civil(f.y, f.m, f.d);   /* 1970-01-01 was a Thursday (4) */
    long w = (z + 4) % 7;
    return (int)(w < 0 ? w + 7 : w);
}
