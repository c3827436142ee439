/* dates: Solar Hijri conversion through ICU and the date grammar over folded tokens.
 *
 * The grammar is a left-to-right scan: at each token it tries a fixed list of rules, each of
 * which looks ahead a bounded number of tokens; the first rule that matches emits a mention
 * and the scan resumes after it. No backtracking, so the cost is linear in the tokens.
 *
 * Choices the contract leaves open (told to the lead):
 * - A Solar Hijri date written with a day converts exactly to a Gregorian day. A Solar Hijri
 *   month or year without a day ("آبان ۱۳۹۷", "سال ۱۳۷۱") does not line up with a Gregorian
 *   month, so its value is the Gregorian YEAR of its first day at precision "year"
 *   (1371 began on 1992-03-21 → 1992); orig_y/orig_m keep what was written.
 * - Lunar Hijri years ("۱۴۴۷ قمری") are consumed so they are not misread as Solar ones, but
 *   not reported: the calendar enum has no lunar calendar and sighting makes them uncertain.
 * - Implicit years: the nearest such date not after publication, or not before it when the
 *   sentence is in the future tense (a word of sd_future_cue_words). A publication date at
 *   year or month precision is taken as its last day (past) or first day (future). */
#include "dates.h"

#include "dates_tables.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucal.h>

enum {
    GREG_YEAR_MIN = 1900, GREG_YEAR_MAX = 2100,
    SOLAR_YEAR_MIN = 1300, SOLAR_YEAR_MAX = 1499
};

/* ---------------------------------------------------------------- calendar conversion */

typedef struct cal_pair {
    UCalendar *persian;
    UCalendar *gregorian;
} cal_pair;

static void cal_pair_close(cal_pair *c)
{
    if (c->persian)
        ucal_close(c->persian);
    if (c->gregorian)
        ucal_close(c->gregorian);
    c->persian = c->gregorian = NULL;
}

/* Both calendars are named explicitly: ICU's fa locales default to the Persian calendar. */
static int cal_pair_open(cal_pair *c)
{
    UErrorCode e = U_ZERO_ERROR;
    c->persian = ucal_open(u"UTC", -1, "fa_IR@calendar=persian", UCAL_DEFAULT, &e);
    if (U_SUCCESS(e))
        c->gregorian = ucal_open(u"UTC", -1, "en@calendar=gregorian", UCAL_GREGORIAN, &e);
    else
        c->gregorian = NULL;
    if (U_SUCCESS(e)) {
        /* Proleptic Gregorian, like sd_date_valid; non-lenient so 1404-07-31 is an error. */
        ucal_setGregorianChange(c->gregorian, -8.64e15, &e);
        ucal_setAttribute(c->persian, UCAL_LENIENT, 0);
        ucal_setAttribute(c->gregorian, UCAL_LENIENT, 0);
    }
    if (U_FAILURE(e)) {
        cal_pair_close(c);
        return SD_ENOMEM;
    }
    return SD_OK;
}

/* Set y-m-d (1-based month) on from, read it back from to. */
static int cal_convert(UCalendar *from, UCalendar *to, int y, int m, int d,
                       int *oy, int *om, int *od)
{
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
        return SD_EINVAL;
    UErrorCode e = U_ZERO_ERROR;
    ucal_clear(from);
    ucal_setDate(from, y, m - 1, d, &e);
    UDate t = ucal_getMillis(from, &e);
    if (U_FAILURE(e))
        return SD_EINVAL;
    ucal_setMillis(to, t, &e);
    int ry = ucal_get(to, UCAL_YEAR, &e);
    int rm = ucal_get(to, UCAL_MONTH, &e) + 1;
    int rd = ucal_get(to, UCAL_DATE, &e);
    if (U_FAILURE(e))
        return SD_EINVAL;
    *oy = ry;
    *om = rm;
    *od = rd;
    return SD_OK;
}

int sd_jalali_to_gregorian(int jy, int jm, int jd, int *gy, int *gm, int *gd)
{
    cal_pair c;
    int rc = cal_pair_open(&c);
    if (rc == SD_OK)
        rc = cal_convert(c.persian, c.gregorian, jy, jm, jd, gy, gm, gd);
    cal_pair_close(&c);
    return rc;
}

int sd_gregorian_to_jalali(int gy, int gm, int gd, int *jy, int *jm, int *jd)
{
    if (!sd_date_valid(gy, gm, gd))
        return SD_EINVAL;
    cal_pair c;
    int rc = cal_pair_open(&c);
    if (rc == SD_OK)
        rc = cal_convert(c.gregorian, c.persian, gy, gm, gd, jy, jm, jd);
    cal_pair_close(&c);
    return rc;
}

/* ---------------------------------------------------------------- scanning context */

typedef struct ctx {
    const sd_folded *f;
    const sd_segments *seg;
    sd_date pub;            /* prec NONE when there is no publication date */
    unsigned char *future;  /* per sentence: 1 when it is in the future tense */
    cal_pair cal;           /* opened on first use, closed at the end of sd_dates_find */
    bool cal_open;
    bool cal_failed;
    sd_date_list *out;
    size_t cap;
} ctx;

/* The calendars are opened on the first conversion a document needs, once. */
static bool ctx_cal_ready(ctx *c)
{
    if (!c->cal_open && !c->cal_failed) {
        if (cal_pair_open(&c->cal) == SD_OK)
            c->cal_open = true;
        else
            c->cal_failed = true;
    }
    return c->cal_open;
}

static int ctx_j2g(ctx *c, int jy, int jm, int jd, int *gy, int *gm, int *gd)
{
    if (!ctx_cal_ready(c))
        return SD_ENOMEM;
    return cal_convert(c->cal.persian, c->cal.gregorian, jy, jm, jd, gy, gm, gd);
}

static int ctx_g2j(ctx *c, int gy, int gm, int gd, int *jy, int *jm, int *jd)
{
    if (!ctx_cal_ready(c))
        return SD_ENOMEM;
    return cal_convert(c->cal.gregorian, c->cal.persian, gy, gm, gd, jy, jm, jd);
}

static const char *tok_text(const ctx *c, size_t i, size_t *len)
{
    const sd_token *t = &c->seg->tokens[i];
    *len = t->end - t->start;
    return c->f->s + t->start;
}

static bool tok_is(const ctx *c, size_t i, const char *word)
{
    if (i >= c->seg->ntokens)
        return false;
    size_t len;
    const char *s = tok_text(c, i, &len);
    return strlen(word) == len && memcmp(s, word, len) == 0;
}

/* Only spaces between tokens i and i+1 (a phrase never crosses a line or a dropped symbol). */
static bool tok_gap_is_space(const ctx *c, size_t i)
{
    const sd_token *a = &c->seg->tokens[i], *b = &c->seg->tokens[i + 1];
    if (b->start < a->end)
        return false;
    for (size_t k = a->end; k < b->start; k++)
        if (c->f->s[k] != ' ')
            return false;
    return true;
}

/* Tokens i, i+1 touch (no byte between them): the parts of "1397/08/12" or "28ام". */
static bool tok_adjacent(const ctx *c, size_t i)
{
    return i + 1 < c->seg->ntokens && c->seg->tokens[i].end == c->seg->tokens[i + 1].start;
}

/* Match a table phrase at token i, ignoring its spaces and the token boundaries: the tokens
 * must spell the phrase exactly, ending at a token end. Returns the token count, 0 if none. */
static size_t match_phrase(const ctx *c, size_t i, const char *phrase)
{
    size_t n = c->seg->ntokens;
    const char *p = phrase;
    size_t j = i;
    while (*p == ' ')
        p++;
    if (!*p)
        return 0;
    while (j < n) {
        if (j > i && !tok_gap_is_space(c, j - 1))
            return 0;
        size_t len;
        const char *s = tok_text(c, j, &len);
        if (len == 0)
            return 0;
        /* Compare the token with the phrase, skipping spaces in the phrase. */
        size_t k = 0;
        while (k < len) {
            while (*p == ' ')
                p++;
            if (*p == '\0' || *p != s[k])
                return 0;
            p++;
            k++;
        }
        j++;
        while (*p == ' ')
            p++;
        if (*p == '\0')
            return j - i;
    }
    return 0;
}

/* Longest match among the phrases of a string list. */
static size_t match_list(const ctx *c, size_t i, const char *const *list, size_t n)
{
    size_t best = 0;
    if (i >= c->seg->ntokens)
        return 0;
    for (size_t k = 0; k < n; k++) {
        size_t m = match_phrase(c, i, list[k]);
        if (m > best)
            best = m;
    }
    return best;
}

static size_t match_number_words(const ctx *c, size_t i, const sd_number_word *tab, size_t n,
                                 int *value)
{
    size_t best = 0;
    if (i >= c->seg->ntokens)
        return 0;
    for (size_t k = 0; k < n; k++) {
        size_t m = match_phrase(c, i, tab[k].phrase);
        if (m > best) {
            best = m;
            *value = tab[k].value;
        }
    }
    return best;
}

static size_t match_month(const ctx *c, size_t i, const sd_month_word **out)
{
    size_t best = 0;
    if (i >= c->seg->ntokens)
        return 0;
    for (size_t k = 0; k < sd_month_words_n; k++) {
        size_t m = match_phrase(c, i, sd_month_words[k].phrase);
        if (m > best) {
            best = m;
            *out = &sd_month_words[k];
        }
    }
    return best;
}

static size_t match_marker(const ctx *c, size_t i, sd_marker_kind *kind)
{
    size_t best = 0;
    if (i >= c->seg->ntokens)
        return 0;
    for (size_t k = 0; k < sd_marker_words_n; k++) {
        size_t m = match_phrase(c, i, sd_marker_words[k].phrase);
        if (m > best) {
            best = m;
            *kind = sd_marker_words[k].kind;
        }
    }
    return best;
}

/* Value of a run of ASCII digits (at most 9), -1 otherwise. */
static long digits_value(const char *s, size_t len)
{
    if (len == 0 || len > 9)
        return -1;
    long v = 0;
    for (size_t k = 0; k < len; k++) {
        if (s[k] < '0' || s[k] > '9')
            return -1;
        v = v * 10 + (s[k] - '0');
    }
    return v;
}

static long tok_number(const ctx *c, size_t i, size_t *ndigits)
{
    if (i >= c->seg->ntokens)
        return -1;
    size_t len;
    const char *s = tok_text(c, i, &len);
    *ndigits = len;
    return digits_value(s, len);
}

/* ---------------------------------------------------------------- grammar pieces */

typedef enum day_kind { DAY_NONE, DAY_DIGITS, DAY_ORDINAL, DAY_CARDINAL } day_kind;

/* A day of the month: "28", "28ام" (one token or two touching ones), an ordinal word
 * (اول، بیست و هشتم) or a cardinal word (بیست و هشت). */
static size_t parse_day(const ctx *c, size_t i, int *day, day_kind *kind)
{
    if (i >= c->seg->ntokens)
        return 0;
    size_t len;
    const char *s = tok_text(c, i, &len);
    size_t nd = 0;
    while (nd < len && s[nd] >= '0' && s[nd] <= '9')
        nd++;
    if (nd >= 1 && nd <= 2) {
        long v = digits_value(s, nd);
        if (v < 1 || v > 31)
            return 0;
        if (nd < len) {
            /* "28ام" as one token: the rest must be an ordinal suffix. */
            bool ok = false;
            for (size_t k = 0; k < sd_ordinal_suffixes_n && !ok; k++)
                ok = strlen(sd_ordinal_suffixes[k]) == len - nd &&
                     memcmp(s + nd, sd_ordinal_suffixes[k], len - nd) == 0;
            if (!ok)
                return 0;
            *day = (int)v;
            *kind = DAY_DIGITS;
            return 1;
        }
        *day = (int)v;
        *kind = DAY_DIGITS;
        if (tok_adjacent(c, i) &&
            match_list(c, i + 1, sd_ordinal_suffixes, sd_ordinal_suffixes_n) == 1)
            return 2;
        return 1;
    }
    if (nd > 0)
        return 0;
    int v = 0;
    size_t m = match_number_words(c, i, sd_ordinal_day_words, sd_ordinal_day_words_n, &v);
    if (m) {
        *day = v;
        *kind = DAY_ORDINAL;
        return m;
    }
    m = match_number_words(c, i, sd_cardinal_day_words, sd_cardinal_day_words_n, &v);
    if (m) {
        *day = v;
        *kind = DAY_CARDINAL;
        return m;
    }
    return 0;
}

static bool year_in_range(int y, bool solar)
{
    return solar ? (y >= SOLAR_YEAR_MIN && y <= SOLAR_YEAR_MAX)
                 : (y >= GREG_YEAR_MIN && y <= GREG_YEAR_MAX);
}

/* A bare 4-digit year token. */
static size_t parse_year_number(const ctx *c, size_t i, int *y)
{
    size_t nd = 0;
    long v = tok_number(c, i, &nd);
    if (v < 0 || nd != 4)
        return 0;
    *y = (int)v;
    return 1;
}

/* The year after a month: [سال] YYYY [marker of the same calendar]. */
static size_t parse_year_part(const ctx *c, size_t i, bool solar, int *y)
{
    size_t p = i;
    if (tok_is(c, p, sd_word_year))
        p++;
    if (!parse_year_number(c, p, y) || !year_in_range(*y, solar))
        return 0;
    p++;
    sd_marker_kind mk;
    size_t mn = match_marker(c, p, &mk);
    if (mn && ((solar && mk == SD_MARK_SOLAR) || (!solar && mk == SD_MARK_GREGORIAN)))
        p += mn;
    return p - i;
}

/* "می تواند" written with a space: an ambiguous month name followed by a verb stem is not a
 * month ("20 می رسد" = reaches 20). */
static bool followed_by_verb_stem(const ctx *c, size_t i)
{
    return match_list(c, i, sd_verb_stems, sd_verb_stems_n) == 1;
}

/* ---------------------------------------------------------------- resolution */

static bool pub_known(const ctx *c)
{
    return c->pub.prec != SD_PREC_NONE;
}

static bool sentence_future(const ctx *c, size_t tok)
{
    size_t s = c->seg->tokens[tok].sentence;
    return c->future && s < c->seg->nsentences && c->future[s];
}

/* The publication date as a day: its last possible day for a past reading, first for future. */
static sd_date pub_day(const ctx *c, bool future)
{
    return future ? sd_date_first_day(c->pub) : sd_date_last_day(c->pub);
}

/* (m, d) compared with (pm, pd); d == 0 compares months only. */
static int md_cmp(int m, int d, int pm, int pd)
{
    if (m != pm)
        return m < pm ? -1 : 1;
    if (d == 0)
        return 0;
    return d < pd ? -1 : d > pd ? 1 : 0;
}

/* Year for a Gregorian (m, d) without one: nearest not after (or not before) publication. */
static bool anchor_gregorian(const ctx *c, int m, int d, bool future, sd_date *out)
{
    if (!pub_known(c))
        return false;
    sd_date p = pub_day(c, future);
    int y = p.y;
    int cmp = md_cmp(m, d, p.m, p.d);
    if (!future && cmp > 0)
        y--;
    if (future && cmp < 0)
        y++;
    if (d > 0) {
        /* 29 February: step on to the nearest leap year in the same direction. */
        for (int k = 0; k < 8 && !sd_date_valid(y, m, d); k++)
            y += future ? 1 : -1;
        if (!sd_date_valid(y, m, d))
            return false;
    }
    *out = sd_date_make(y, m, d);
    return true;
}

/* Solar Hijri year for (m, d) without one, then the Gregorian value: a day converts exactly,
 * a month gives the Gregorian year of its first day. */
static bool anchor_solar(ctx *c, int m, int d, bool future, int *jy_out, sd_date *out)
{
    if (!pub_known(c))
        return false;
    sd_date p = pub_day(c, future);
    int jy, jm, jd;
    if (ctx_g2j(c, p.y, p.m, p.d, &jy, &jm, &jd) != SD_OK)
        return false;
    int cmp = md_cmp(m, d, jm, jd);
    if (!future && cmp > 0)
        jy--;
    if (future && cmp < 0)
        jy++;
    int gy, gm, gd;
    for (int k = 0; k < 8; k++) {
        if (ctx_j2g(c, jy, m, d > 0 ? d : 1, &gy, &gm, &gd) == SD_OK) {
            *jy_out = jy;
            *out = d > 0 ? sd_date_make(gy, gm, gd) : sd_date_make(gy, 0, 0);
            return true;
        }
        jy += future ? 1 : -1;   /* 30 Esfand: the nearest leap year */
    }
    return false;
}

/* ---------------------------------------------------------------- emitting */

static int emit(ctx *c, size_t first, size_t ntok, const sd_date_mention *proto)
{
    if (c->out->n == c->cap) {
        size_t ncap = c->cap ? c->cap * 2 : 8;
        sd_date_mention *p = realloc(c->out->items, ncap * sizeof *p);
        if (!p)
            return SD_ENOMEM;
        c->out->items = p;
        c->cap = ncap;
    }
    sd_date_mention m = *proto;
    m.first_token = first;
    m.ntokens = ntok;
    m.start = c->seg->tokens[first].start;
    m.end = c->seg->tokens[first + ntok - 1].end;
    c->out->items[c->out->n++] = m;
    return SD_OK;
}

static sd_date_mention blank_mention(void)
{
    sd_date_mention m;
    memset(&m, 0, sizeof m);
    m.value.prec = SD_PREC_NONE;
    m.calendar = SD_CAL_GREGORIAN;
    return m;
}

/* A full date (y, m, d) or month (d = 0) or year (m = d = 0) written in calendar cal.
 * Returns false when it is not a real date. */
static bool fill_explicit(ctx *c, sd_calendar cal, int y, int m, int d, sd_date_mention *out)
{
    out->calendar = cal;
    out->orig_y = y;
    out->orig_m = m;
    out->orig_d = d;
    if (cal == SD_CAL_GREGORIAN) {
        if (d > 0 && !sd_date_valid(y, m, d))
            return false;
        out->value = sd_date_make(y, m, d);
        return true;
    }
    int gy, gm, gd;
    if (ctx_j2g(c, y, m > 0 ? m : 1, d > 0 ? d : 1, &gy, &gm, &gd) != SD_OK)
        return false;
    out->value = d > 0 ? sd_date_make(gy, gm, gd) : sd_date_make(gy, 0, 0);
    return true;
}

/* ---------------------------------------------------------------- rules
 * Each rule looks at token i and returns the tokens it consumed (0 = no match), filling *m. */

/* 1397/08/12, 2018/11/03, 12/08/1397, 03/11/2018 (also with - or .): one token, or five
 * touching tokens. The 4-digit part is the year; its range picks the calendar. */
static size_t rule_numeric(ctx *c, size_t i, sd_date_mention *m)
{
    long part[3];
    size_t plen[3];
    size_t ntok = 0;
    size_t len;
    const char *s = tok_text(c, i, &len);
    if (len == 0 || s[0] < '0' || s[0] > '9')
        return 0;
    char sep = 0;
    for (size_t k = 0; k < len; k++)
        if (s[k] == '/' || s[k] == '-' || s[k] == '.') {
            sep = s[k];
            break;
        }
    if (sep) {
        /* One token: exactly three digit runs split by the same separator. */
        size_t a = 0, np = 0;
        for (size_t k = 0; k <= len; k++) {
            if (k == len || s[k] == sep) {
                if (np == 3)
                    return 0;
                plen[np] = k - a;
                part[np] = digits_value(s + a, k - a);
                if (part[np] < 0)
                    return 0;
                np++;
                a = k + 1;
            } else if (s[k] < '0' || s[k] > '9') {
                return 0;
            }
        }
        if (np != 3)
            return 0;
        ntok = 1;
    } else {
        if (i + 4 >= c->seg->ntokens)
            return 0;
        for (size_t k = 0; k < 4; k++)
            if (!tok_adjacent(c, i + k))
                return 0;
        size_t l1, l3;
        const char *s1 = tok_text(c, i + 1, &l1);
        const char *s3 = tok_text(c, i + 3, &l3);
        if (l1 != 1 || l3 != 1 || s1[0] != s3[0] ||
            (s1[0] != '/' && s1[0] != '-' && s1[0] != '.'))
            return 0;
        for (size_t k = 0; k < 3; k++) {
            part[k] = tok_number(c, i + 2 * k, &plen[k]);
            if (part[k] < 0)
                return 0;
        }
        ntok = 5;
    }
    int y, mo, d;
    if (plen[0] == 4 && plen[1] <= 2 && plen[2] <= 2) {
        y = (int)part[0], mo = (int)part[1], d = (int)part[2];
    } else if (plen[2] == 4 && plen[0] <= 2 && plen[1] <= 2) {
        y = (int)part[2], mo = (int)part[1], d = (int)part[0];
    } else {
        return 0;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31)
        return 0;
    sd_calendar cal;
    if (year_in_range(y, false))
        cal = SD_CAL_GREGORIAN;
    else if (year_in_range(y, true))
        cal = SD_CAL_PERSIAN;
    else
        return 0;
    if (!fill_explicit(c, cal, y, mo, d, m))
        return 0;
    return ntok;
}

/* Month without a year: resolve against publication (anchored) or leave unresolved. */
static void fill_implicit(ctx *c, size_t i, const sd_month_word *mw, int d, sd_date_mention *m)
{
    bool future = sentence_future(c, i);
    m->orig_m = mw->month;
    m->orig_d = d;
    if (mw->system == SD_MS_GREGORIAN) {
        m->calendar = SD_CAL_GREGORIAN;
        sd_date v;
        if (anchor_gregorian(c, mw->month, d, future, &v)) {
            m->value = v;
            m->anchored = true;
        }
    } else {
        m->calendar = SD_CAL_PERSIAN;
        sd_date v;
        int jy;
        if (anchor_solar(c, mw->month, d, future, &jy, &v)) {
            m->value = v;
            m->anchored = true;
        }
    }
}

/* DAY MONTH [سال] [YEAR [marker]]: "28 نوامبر 2025", "اول ژانویه", "بیست و هشتم نوامبر",
 * "۱۲ آبان ۱۳۹۷". A cardinal day word needs a clear month or a year; Afghan months need a year. */
static size_t rule_day_month(ctx *c, size_t i, sd_date_mention *m)
{
    int day = 0;
    day_kind kind = DAY_NONE;
    size_t dn = parse_day(c, i, &day, &kind);
    if (!dn)
        return 0;
    const sd_month_word *mw = NULL;
    size_t mn = match_month(c, i + dn, &mw);
    if (!mn)
        return 0;
    bool solar = mw->system != SD_MS_GREGORIAN;
    int y = 0;
    size_t yn = parse_year_part(c, i + dn + mn, solar, &y);
    if (!yn && mw->system == SD_MS_AFGHAN)
        return 0;
    if (!yn && kind == DAY_CARDINAL && mw->ambiguous)
        return 0;
    if (!yn && mw->ambiguous && followed_by_verb_stem(c, i + dn + mn))
        return 0;
    /* "دوم نوامبر سال گذشته": a relative year word right after the day and month gives the
     * year relative to publication (Gregorian months; Solar months keep the plain rule). */
    size_t rn = 0;
    if (!yn && mw->system == SD_MS_GREGORIAN) {
        const sd_relative_word *rw = NULL;
        for (size_t k = 0; k < sd_relative_words_n; k++) {
            size_t n = match_phrase(c, i + dn + mn, sd_relative_words[k].phrase);
            if (n > rn && sd_relative_words[k].unit == SD_REL_YEAR) {
                rn = n;
                rw = &sd_relative_words[k];
            }
        }
        if (rn > 0) {
            if (!pub_known(c)) {
                m->calendar = SD_CAL_GREGORIAN;
                m->orig_m = mw->month;
                m->orig_d = day;
                m->relative = true;
                return dn + mn + rn;
            }
            if (!fill_explicit(c, SD_CAL_GREGORIAN, c->pub.y + rw->offset, mw->month, day, m))
                return 0;
            m->orig_y = 0;
            m->anchored = true;
            m->relative = true;
            return dn + mn + rn;
        }
    }
    if (yn) {
        if (!fill_explicit(c, solar ? SD_CAL_PERSIAN : SD_CAL_GREGORIAN, y, mw->month, day, m))
            return 0;
    } else {
        /* Reject 31 آبان or 30 فوریه before anchoring: no year makes them real. */
        static const int greg_max[13] = { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
        static const int solar_max[13] = { 0, 31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30 };
        if (day > (solar ? solar_max : greg_max)[mw->month])
            return 0;
        fill_implicit(c, i, mw, day, m);
    }
    return dn + mn + yn;
}

/* [ماه] MONTH [YEAR]: "فوریه 2009", "ماه دسامبر", "آبان ۱۳۹۷", bare "دسامبر". */
static size_t rule_month(ctx *c, size_t i, sd_date_mention *m)
{
    size_t p = i;
    bool after_mah = tok_is(c, p, sd_word_month);
    if (after_mah)
        p++;
    const sd_month_word *mw = NULL;
    size_t mn = match_month(c, p, &mw);
    if (!mn || mw->system == SD_MS_AFGHAN)
        return 0;
    p += mn;
    bool solar = mw->system == SD_MS_SOLAR;
    int y = 0;
    size_t yn = parse_year_part(c, p, solar, &y);
    if (yn) {
        if (!fill_explicit(c, solar ? SD_CAL_PERSIAN : SD_CAL_GREGORIAN, y, mw->month, 0, m))
            return 0;
        return p + yn - i;
    }
    if (mw->ambiguous && (!after_mah || followed_by_verb_stem(c, p)))
        return 0;
    fill_implicit(c, p - mn, mw, 0, m);
    return p - i;
}

/* The calendar of a year: a marker decides, otherwise its range. -1 = not a year we read. */
static int year_calendar(int y, bool has_marker, sd_marker_kind mk)
{
    if (has_marker) {
        if (mk == SD_MARK_GREGORIAN)
            return year_in_range(y, false) ? SD_CAL_GREGORIAN : -1;
        if (mk == SD_MARK_SOLAR)
            return year_in_range(y, true) ? SD_CAL_PERSIAN : -1;
        return -1;
    }
    if (year_in_range(y, false))
        return SD_CAL_GREGORIAN;
    if (year_in_range(y, true))
        return SD_CAL_PERSIAN;
    return -1;
}

static int emit_year(ctx *c, size_t first, size_t ntok, int cal, int y)
{
    sd_date_mention m = blank_mention();
    if (!fill_explicit(c, (sd_calendar)cal, y, 0, 0, &m))
        return SD_OK;
    return emit(c, first, ntok, &m);
}

/* سال YYYY [marker] [- YYYY [marker]], and YYYY marker: "سال 1992", "در سال ۱۳۷۱",
 * "۱۳۷۱ خورشیدی", "1992 میلادی", "سالهای ۲۰۲۹ تا ۲۰۳۰". A bare number is never a year. Emits
 * itself (a range gives two mentions); *consumed tells the scan how far to skip. */
static int rule_year(ctx *c, size_t i, size_t *consumed)
{
    size_t p = i;
    size_t wn = 0;
    if (tok_is(c, p, sd_word_year))
        wn = 1;
    else
        wn = match_list(c, p, sd_word_years, sd_word_years_n);
    p += wn;
    int y = 0;
    if (!parse_year_number(c, p, &y))
        return SD_OK;
    p++;
    sd_marker_kind mk = SD_MARK_GREGORIAN;
    size_t mn = match_marker(c, p, &mk);
    if (!wn && !mn)
        return SD_OK;
    int cal = year_calendar(y, mn > 0, mk);
    if (mn && mk == SD_MARK_LUNAR) {
        *consumed = p + mn - i;     /* a lunar year: read, not reported */
        return SD_OK;
    }
    if (cal < 0) {
        if (mn && year_calendar(y, false, mk) >= 0)
            mn = 0;                 /* "سال 2025 شمسی": trust the number, not the marker */
        cal = year_calendar(y, false, mk);
        if (cal < 0)
            return SD_OK;
    }
    p += mn;
    int rc = emit_year(c, i, p - i, cal, y);
    if (rc != SD_OK)
        return rc;
    *consumed = p - i;
    /* A range after سال: the second year, in the same calendar. */
    if (wn) {
        size_t rn = match_list(c, p, sd_range_words, sd_range_words_n);
        int y2 = 0;
        if (rn && parse_year_number(c, p + rn, &y2) &&
            year_calendar(y2, false, mk) == cal) {
            size_t q = p + rn + 1;
            sd_marker_kind mk2;
            size_t mn2 = match_marker(c, q, &mk2);
            if (mn2 && year_calendar(y2, true, mk2) == cal)
                q += mn2;
            rc = emit_year(c, p + rn, q - (p + rn), cal, y2);
            if (rc != SD_OK)
                return rc;
            *consumed = q - i;
        }
    }
    return SD_OK;
}

/* The weekday nearest publication: dir -1 strictly before, +1 strictly after, 0 on or before
 * (past sentence) or on or after (future sentence). */
static bool resolve_weekday(const ctx *c, int wd, int dir, bool future, sd_date *out)
{
    if (c->pub.prec != SD_PREC_DAY)
        return false;
    int pw = sd_date_weekday(c->pub);
    long delta;
    if (dir < 0 || (dir == 0 && !future)) {
        delta = -(long)((pw - wd + 7) % 7);
        if (dir < 0 && delta == 0)
            delta = -7;
    } else {
        delta = (wd - pw + 7) % 7;
        if (dir > 0 && delta == 0)
            delta = 7;
    }
    *out = sd_date_add_days(c->pub, delta);
    return true;
}

static size_t rule_date_core(ctx *c, size_t i, sd_date_mention *m);

/* [روز] WEEKDAY followed by a date (the weekday joins the date's span), or a weekday that is
 * surely one: "روز دوشنبه", "دوشنبه گذشته", "دوشنبه آینده". Bare "دوشنبه" may be the city. */
static size_t rule_weekday(ctx *c, size_t i, sd_date_mention *m)
{
    size_t p = i;
    bool rooz = tok_is(c, p, sd_word_day);
    if (rooz)
        p++;
    int wd = 0;
    size_t wn = match_number_words(c, p, sd_weekday_words, sd_weekday_words_n, &wd);
    if (!wn)
        return 0;
    p += wn;
    if (p < c->seg->ntokens) {
        size_t q = p;
        if (match_list(c, q, sd_weekday_separators, sd_weekday_separators_n))
            q++;
        size_t dn = rule_date_core(c, q, m);
        if (dn)
            return q + dn - i;
        *m = blank_mention();
    }
    int dir = 0;
    size_t dirn = match_number_words(c, p, sd_weekday_direction_words,
                                     sd_weekday_direction_words_n, &dir);
    if (!rooz && !dirn)
        return 0;
    m->relative = true;
    sd_date v;
    if (resolve_weekday(c, wd, dir, sentence_future(c, i), &v)) {
        m->value = v;
        m->anchored = true;
    }
    return p + dirn - i;
}

/* امروز، دیروز، روز گذشته، امسال، سال آینده، ماه گذشته ... (not "دو سال گذشته"). */
static size_t rule_relative(ctx *c, size_t i, sd_date_mention *m)
{
    size_t best = 0;
    const sd_relative_word *rw = NULL;
    for (size_t k = 0; k < sd_relative_words_n; k++) {
        size_t n = match_phrase(c, i, sd_relative_words[k].phrase);
        if (n > best) {
            best = n;
            rw = &sd_relative_words[k];
        }
    }
    if (!best)
        return 0;
    if (i > 0) {
        size_t nd;
        if (tok_number(c, i - 1, &nd) >= 0 ||
            match_list(c, i - 1, sd_quantity_words, sd_quantity_words_n) == 1)
            return 0;
        /* «رادیو فردا» is an outlet, «روزنامه امروز» a newspaper. */
        for (size_t k = 0; k < sd_name_before_relative_words_n; k++) {
            size_t words = 1;
            for (const char *q = sd_name_before_relative_words[k]; *q; q++)
                words += *q == ' ';
            if (i >= words && match_phrase(c, i - words, sd_name_before_relative_words[k]) == words)
                return 0;
        }
    }
    size_t p = i + best;
    if (rw->not_before_az && tok_is(c, p, sd_word_az))
        return 0;
    m->relative = true;
    sd_marker_kind mk = SD_MARK_GREGORIAN;
    size_t mn = rw->unit == SD_REL_YEAR ? match_marker(c, p, &mk) : 0;
    if (mn && mk == SD_MARK_LUNAR)
        mn = 0;
    if (mn && mk == SD_MARK_SOLAR)
        m->calendar = SD_CAL_PERSIAN;
    p += mn;
    if (!pub_known(c))
        return p - i;
    switch (rw->unit) {
    case SD_REL_DAY:
        if (c->pub.prec == SD_PREC_DAY) {
            m->value = sd_date_add_days(c->pub, rw->offset);
            m->anchored = true;
        }
        break;
    case SD_REL_MONTH:
        if (c->pub.prec >= SD_PREC_MONTH) {
            int idx = c->pub.y * 12 + (c->pub.m - 1) + rw->offset;
            m->value = sd_date_make(idx / 12, idx % 12 + 1, 0);
            m->anchored = true;
        }
        break;
    case SD_REL_YEAR:
        if (m->calendar == SD_CAL_PERSIAN) {
            int jy, jm, jd, gy, gm, gd;
            if (c->pub.prec == SD_PREC_DAY &&
                ctx_g2j(c, c->pub.y, c->pub.m, c->pub.d, &jy, &jm, &jd) == SD_OK &&
                ctx_j2g(c, jy + rw->offset, 1, 1, &gy, &gm, &gd) == SD_OK) {
                m->orig_y = jy + rw->offset;
                m->value = sd_date_make(gy, 0, 0);
                m->anchored = true;
            }
        } else {
            m->value = sd_date_make(c->pub.y + rw->offset, 0, 0);
            m->anchored = true;
        }
        break;
    }
    return p - i;
}

/* The rules that read an explicit or implicit calendar date (not relative words). */
static size_t rule_date_core(ctx *c, size_t i, sd_date_mention *m)
{
    size_t n;
    *m = blank_mention();
    if ((n = rule_numeric(c, i, m)))
        return n;
    *m = blank_mention();
    if ((n = rule_day_month(c, i, m)))
        return n;
    *m = blank_mention();
    if ((n = rule_month(c, i, m)))
        return n;
    *m = blank_mention();
    return 0;
}

/* DAY (و|تا|-) DAY MONTH ...: "۲۸ و ۲۹ نوامبر ۲۰۲۵", "از ۲۸ تا ۳۰ نوامبر". The first day shares
 * the month, year and anchoring of the second; it is emitted over its own tokens, then the
 * second date. *consumed tells the scan how far to skip. */
static int rule_day_range(ctx *c, size_t i, size_t *consumed)
{
    int d1 = 0;
    day_kind k1 = DAY_NONE;
    size_t dn = parse_day(c, i, &d1, &k1);
    if (!dn || k1 == DAY_CARDINAL)
        return SD_OK;
    size_t cn = match_list(c, i + dn, sd_day_range_words, sd_day_range_words_n);
    if (!cn)
        return SD_OK;
    size_t j = i + dn + cn;
    int d2 = 0;
    day_kind k2 = DAY_NONE;
    if (!parse_day(c, j, &d2, &k2) || k2 == DAY_CARDINAL || d2 <= d1)
        return SD_OK;
    sd_date_mention second = blank_mention();
    size_t n2 = rule_day_month(c, j, &second);
    if (!n2 || second.orig_d != d2)
        return SD_OK;
    sd_date_mention first = second;
    first.orig_d = d1;
    if (second.value.prec == SD_PREC_DAY)
        first.value = sd_date_add_days(second.value, (long)d1 - d2);
    int rc = emit(c, i, dn, &first);
    if (rc == SD_OK)
        rc = emit(c, j, n2, &second);
    *consumed = j + n2 - i;
    return rc;
}

/* ---------------------------------------------------------------- driver */

static bool tok_in_list(const ctx *c, size_t i, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (tok_is(c, i, list[k]))
            return true;
    return false;
}

int sd_dates_find(const sd_folded *f, const sd_segments *seg, const sd_date *published,
                  sd_date_list *out, sd_error *err)
{
    if (!out)
        return sd_error_set(err, SD_EUSAGE, "sd_dates_find: no output list");
    out->items = NULL;
    out->n = 0;
    if (!f || !seg)
        return sd_error_set(err, SD_EUSAGE, "sd_dates_find: no text or segments");
    ctx c;
    memset(&c, 0, sizeof c);
    c.f = f;
    c.seg = seg;
    c.out = out;
    c.pub.prec = SD_PREC_NONE;
    if (published && published->prec != SD_PREC_NONE &&
        sd_date_valid(published->y, published->m > 0 ? published->m : 1,
                      published->d > 0 ? published->d : 1))
        c.pub = *published;
    int rc = SD_OK;
    if (seg->nsentences > 0) {
        c.future = calloc(seg->nsentences, 1);
        if (!c.future)
            return sd_error_set(err, SD_ENOMEM, "out of memory finding dates");
        for (size_t t = 0; t < seg->ntokens; t++) {
            size_t s = seg->tokens[t].sentence;
            if (s < seg->nsentences &&
                tok_in_list(&c, t, sd_future_cue_words, sd_future_cue_words_n))
                c.future[s] = 1;
        }
    }
    size_t i = 0;
    while (i < seg->ntokens && rc == SD_OK) {
        const sd_token *t = &seg->tokens[i];
        if (t->end <= t->start || t->end > f->len) {
            i++;
            continue;
        }
        size_t consumed = 0;
        rc = rule_day_range(&c, i, &consumed);
        if (consumed) {
            i += consumed;
            continue;
        }
        if (rc != SD_OK)
            break;
        sd_date_mention m = blank_mention();
        size_t n = rule_weekday(&c, i, &m);
        if (!n)
            n = rule_date_core(&c, i, &m);
        if (n) {
            rc = emit(&c, i, n, &m);
            i += n;
            continue;
        }
        rc = rule_year(&c, i, &consumed);
        if (consumed) {
            i += consumed;
            continue;
        }
        m = blank_mention();
        n = rc == SD_OK ? rule_relative(&c, i, &m) : 0;
        if (n) {
            rc = emit(&c, i, n, &m);
            i += n;
            continue;
        }
        i++;
    }
    free(c.future);
    if (c.cal_open)
        cal_pair_close(&c.cal);
    if (rc == SD_OK && c.cal_failed)
        rc = SD_ENOMEM;
    if (rc != SD_OK) {
        sd_date_list_free(out);
        return sd_error_set(err, rc, "could not find dates: %s", sd_status_name(rc));
    }
    return SD_OK;
}

void sd_date_list_free(sd_date_list *l)
{
    if (!l)
        return;
    free(l->items);
    l->items = NULL;
    l->n = 0;
}
