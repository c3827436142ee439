/* Specification of the segment module: tokens and sentences over folded text, and the round
 * trip from every seed sentence back to the article's own bytes. */
#include "sd_test.h"
#include "segment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct seg_fixture {
    char *src;
    size_t len;
    sd_folded f;
    sd_segments seg;
} seg_fixture;

static int seg_open_buf(seg_fixture *x, const char *src, size_t len)
{
    memset(x, 0, sizeof *x);
    x->src = malloc(len + 1);
    if (x->src == NULL)
        return -1;
    memcpy(x->src, src, len);
    x->src[len] = '\0';
    x->len = len;
    if (sd_fold(x->src, len, &x->f, NULL) != SD_OK)
        return -1;
    return sd_segment(&x->f, &x->seg, NULL);
}

static int seg_open(seg_fixture *x, const char *text)
{
    return seg_open_buf(x, text, strlen(text));
}

static int seg_open_seed(seg_fixture *x, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/articles/%s", SD_TEST_FIXTURES, name);
    size_t len = 0;
    char *buf = sd_test_read_file(path, &len);
    if (buf == NULL)
        return -1;
    int rc = seg_open_buf(x, buf, len);
    free(buf);
    return rc;
}

static void seg_close(seg_fixture *x)
{
    sd_segments_free(&x->seg);
    sd_folded_free(&x->f);
    free(x->src);
}

/* Does sentence i's folded text equal want? */
static bool sentence_is(const seg_fixture *x, size_t i, const char *want)
{
    if (i >= x->seg.nsentences)
        return false;
    const sd_sentence *s = &x->seg.sentences[i];
    return s->end - s->start == strlen(want) && memcmp(x->f.s + s->start, want, strlen(want)) == 0;
}

static bool sentence_starts_with(const seg_fixture *x, size_t i, const char *want)
{
    if (i >= x->seg.nsentences)
        return false;
    const sd_sentence *s = &x->seg.sentences[i];
    return s->end - s->start >= strlen(want) && memcmp(x->f.s + s->start, want, strlen(want)) == 0;
}

static bool token_is(const seg_fixture *x, size_t i, sd_token_kind kind, const char *want)
{
    if (i >= x->seg.ntokens)
        return false;
    const sd_token *t = &x->seg.tokens[i];
    return t->kind == kind && t->end - t->start == strlen(want) &&
           memcmp(x->f.s + t->start, want, strlen(want)) == 0;
}

/* The index of the first sentence starting with prefix, or SIZE_MAX. */
static size_t find_sentence(const seg_fixture *x, const char *prefix)
{
    for (size_t i = 0; i < x->seg.nsentences; i++)
        if (sentence_starts_with(x, i, prefix))
            return i;
    return SIZE_MAX;
}

static const char *const seeds[] = {
    "000_aa12c8155f0d4d94.txt",
    "002_bbfa5220e0d216f8.txt",
    "004_6644079558f78279.txt",
};

/* Every sentence maps back to original bytes on code-point boundaries, and folding those
 * bytes again gives exactly the sentence's folded text. */
static size_t round_trip_failures(const seg_fixture *x)
{
    size_t bad = 0;
    for (size_t i = 0; i < x->seg.nsentences; i++) {
        const sd_sentence *s = &x->seg.sentences[i];
        size_t a, z;
        sd_folded_span_to_source(&x->f, s->start, s->end, &a, &z);
        bool ok = a < z && z <= x->len && ((unsigned char)x->src[a] & 0xC0u) != 0x80u &&
                  (z == x->len || ((unsigned char)x->src[z] & 0xC0u) != 0x80u);
        sd_folded again;
        if (ok && sd_fold(x->src + a, z - a, &again, NULL) == SD_OK) {
            ok = again.len == s->end - s->start &&
                 memcmp(again.s, x->f.s + s->start, again.len) == 0;
            sd_folded_free(&again);
        } else {
            ok = false;
        }
        if (!ok) {
            fprintf(stderr, "\n  sentence %zu [%zu,%zu) does not round-trip\n", i, s->start, s->end);
            bad++;
        }
    }
    return bad;
}

static void test_segment_round_trips_every_seed_sentence(void)
{
    for (size_t k = 0; k < 3; k++) {
        seg_fixture x;
        CU_ASSERT_EQUAL_FATAL(seg_open_seed(&x, seeds[k]), SD_OK);
        CU_ASSERT(x.seg.nsentences > 0);
        CU_ASSERT_EQUAL(round_trip_failures(&x), 0);
        seg_close(&x);
    }
}

static void test_segment_round_trips_text_with_every_fold_rule(void)
{
    const char text[] = "\xEF\xBB\xBF" "علي\u200cرغم كشورة؟\r\n"
                        "  مُحَمَّـد\u00A0گفت: «۲٫۵ ﻳﻜﻲ.» ﷺ بعد\x80\xC0 \u200f\u202b ه.ش. TRT!\r"
                        "\u2028آخر\t\t ⒈ پایان";
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open_buf(&x, text, sizeof text - 1), SD_OK);
    CU_ASSERT(x.seg.nsentences >= 4);
    CU_ASSERT_EQUAL(round_trip_failures(&x), 0);
    seg_close(&x);
}

static void test_segment_sentence_counts_per_seed_are_stable(void)
{
    static const size_t want[3] = {15, 44, 13};
    for (size_t k = 0; k < 3; k++) {
        seg_fixture x;
        CU_ASSERT_EQUAL_FATAL(seg_open_seed(&x, seeds[k]), SD_OK);
        CU_ASSERT_EQUAL(x.seg.nsentences, want[k]);
        if (x.seg.nsentences != want[k])
            fprintf(stderr, "\n  %s: %zu sentences\n", seeds[k], x.seg.nsentences);
        seg_close(&x);
    }
}

static void test_segment_sentences_are_trimmed_and_cover_their_tokens(void)
{
    for (size_t k = 0; k < 3; k++) {
        seg_fixture x;
        CU_ASSERT_EQUAL_FATAL(seg_open_seed(&x, seeds[k]), SD_OK);
        size_t next_token = 0;
        for (size_t i = 0; i < x.seg.nsentences; i++) {
            const sd_sentence *s = &x.seg.sentences[i];
            CU_ASSERT(s->start < s->end);
            CU_ASSERT(x.f.s[s->start] != ' ' && x.f.s[s->start] != '\n');
            CU_ASSERT(x.f.s[s->end - 1] != ' ' && x.f.s[s->end - 1] != '\n');
            CU_ASSERT(memchr(x.f.s + s->start, '\n', s->end - s->start) == NULL);
            CU_ASSERT_EQUAL(s->first_token, next_token);
            CU_ASSERT(s->ntokens > 0);
            for (size_t t = s->first_token; t < s->first_token + s->ntokens; t++)
                CU_ASSERT_EQUAL(x.seg.tokens[t].sentence, i);
            next_token = s->first_token + s->ntokens;
        }
        CU_ASSERT_EQUAL(next_token, x.seg.ntokens);
        seg_close(&x);
    }
}

static void test_segment_splits_seed_000_founding_paragraph_into_four_sentences(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open_seed(&x, seeds[0]), SD_OK);
    size_t i = find_sentence(&x, "سازمان پیمان امنیت جمعی در سال 1992");
    CU_ASSERT_FATAL(i != SIZE_MAX);
    CU_ASSERT(sentence_starts_with(&x, i + 1, "این کشورها در سال 2002"));
    CU_ASSERT(sentence_starts_with(&x, i + 2, "بعدها کشورهای گرجستان"));
    CU_ASSERT(sentence_is(&x, i + 3, "این سازمان در دوم دسامبر 2004 به عنوان عضو ناظر در مجمع "
                                     "عمومی سازمان ملل متحد پذیرفته شد."));
    seg_close(&x);
}

static void test_segment_splits_seed_000_last_paragraph_into_three_sentences(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open_seed(&x, seeds[0]), SD_OK);
    size_t n = x.seg.nsentences;
    CU_ASSERT_FATAL(n >= 3);
    CU_ASSERT(sentence_starts_with(&x, n - 3, "اهداف مهم این سازمان"));
    CU_ASSERT(sentence_starts_with(&x, n - 2, "در فوریه 2009"));
    CU_ASSERT(sentence_starts_with(&x, n - 1, "این سازمان در کنار \"سازمان همکاری شانگهای\""));
    seg_close(&x);
}

static void test_segment_keeps_seed_002_date_line_as_own_sentence(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open_seed(&x, seeds[1]), SD_OK);
    size_t i = find_sentence(&x, "28 نوامبر 2025");
    CU_ASSERT_FATAL(i != SIZE_MAX);
    CU_ASSERT(sentence_is(&x, i, "28 نوامبر 2025"));
    CU_ASSERT_EQUAL(x.seg.sentences[i].ntokens, 3);
    seg_close(&x);
}

static void test_segment_keeps_seed_002_persian_dates_in_one_sentence(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open_seed(&x, seeds[1]), SD_OK);
    size_t i = find_sentence(&x, "وی همچنین اعلام کرد");
    CU_ASSERT_FATAL(i != SIZE_MAX);
    CU_ASSERT(sentence_is(&x, i, "وی همچنین اعلام کرد نشست بعدی رهبران در 11 نوامبر 2026 در مسکو برگزار میشود."));
    seg_close(&x);
}

/* ---- sentence rules ---- */

static void test_segment_does_not_split_decimal_numbers(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "نرخ رشد 2.5 درصد بود. سپس کاهش یافت."), SD_OK);
    CU_ASSERT_EQUAL(x.seg.nsentences, 2);
    CU_ASSERT(token_is(&x, 2, SD_TOK_NUMBER, "2.5"));
    seg_close(&x);
}

static void test_segment_keeps_slash_dates_whole(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "در ۱۳۹۷/۰۸/۱۲ و 2018/11/03 امضا شد."), SD_OK);
    CU_ASSERT_EQUAL(x.seg.nsentences, 1);
    CU_ASSERT(token_is(&x, 1, SD_TOK_NUMBER, "1397/08/12"));
    CU_ASSERT(token_is(&x, 3, SD_TOK_NUMBER, "2018/11/03"));
    seg_close(&x);
}

static void test_segment_keeps_arabic_decimal_separator_inside_numbers(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "۳٫۵ و ۱۲٬۰۰۰"), SD_OK);
    CU_ASSERT(token_is(&x, 0, SD_TOK_NUMBER, "3٫5"));
    CU_ASSERT(token_is(&x, 2, SD_TOK_NUMBER, "12٬000"));
    seg_close(&x);
}

static void test_segment_ends_sentence_after_number_and_period(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "تا سال 2025. این سند"), SD_OK);
    CU_ASSERT_EQUAL(x.seg.nsentences, 2);
    CU_ASSERT(sentence_is(&x, 0, "تا سال 2025."));
    seg_close(&x);
}

static void test_segment_does_not_split_after_persian_abbreviations(void)
{
    static const char *const cases[] = {
        "سال ۱۴۰۴ ه.ش. آغاز شد.",
        "در سال ۵۰۰ ق.م. ساخته شد.",
        "در سال ۲۰۲۵ م. برگزار شد.",
        "سخنگوی ج.ا.ا. اعلام کرد.",
        "سال ۱۴۰۴ ه\u200d.ش. آغاز شد.",
        "سال ۱۴۰۴ هـ.ش آغاز شد.",
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        seg_fixture x;
        CU_ASSERT_EQUAL_FATAL(seg_open(&x, cases[k]), SD_OK);
        CU_ASSERT_EQUAL(x.seg.nsentences, 1);
        if (x.seg.nsentences != 1)
            fprintf(stderr, "\n  \"%s\": %zu sentences\n", cases[k], x.seg.nsentences);
        seg_close(&x);
    }
}

static void test_segment_splits_after_two_letter_final_verb(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "گرجستان تشکیل شد. این کشورها رفتند."), SD_OK);
    CU_ASSERT_EQUAL(x.seg.nsentences, 2);
    CU_ASSERT(sentence_is(&x, 0, "گرجستان تشکیل شد."));
    seg_close(&x);
}

static void test_segment_splits_at_period_missing_its_space(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "برگزار شد.این نشست"), SD_OK);
    CU_ASSERT_EQUAL(x.seg.nsentences, 2);
    seg_close(&x);
}

static void test_segment_does_not_split_inside_domain_names(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "به گزارش www.trt.net.tr و Dr. Smith آمد."), SD_OK);
    CU_ASSERT_EQUAL(x.seg.nsentences, 1);
    seg_close(&x);
}

static void test_segment_ends_sentences_at_question_and_exclamation_marks(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "چرا؟ زیرا! آیا? بله"), SD_OK);
    CU_ASSERT_EQUAL(x.seg.nsentences, 4);
    CU_ASSERT(sentence_is(&x, 0, "چرا؟"));
    CU_ASSERT(sentence_is(&x, 1, "زیرا!"));
    seg_close(&x);
}

static void test_segment_ends_sentence_at_ellipsis(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "صبر کنید… بعد آمد"), SD_OK);
    CU_ASSERT_EQUAL(x.seg.nsentences, 2);
    CU_ASSERT(token_is(&x, 2, SD_TOK_PUNCT, "..."));  /* NFKC: … is "..." */
    seg_close(&x);
}

static void test_segment_ends_sentence_at_newline_without_punctuation(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "سیاست\n2 دقیقه خواندن\nمتن"), SD_OK);
    CU_ASSERT_EQUAL(x.seg.nsentences, 3);
    CU_ASSERT(sentence_is(&x, 1, "2 دقیقه خواندن"));
    seg_close(&x);
}

static void test_segment_blank_lines_give_no_empty_sentences(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "\n\n\nالف\n\n\u00A0\n\nب\n\n"), SD_OK);
    CU_ASSERT_EQUAL(x.seg.nsentences, 2);
    seg_close(&x);
}

static void test_segment_keeps_closing_guillemet_with_its_sentence(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "گفت: «امنیت جمعی مهم است. همه موافقند.» سپس رفت."), SD_OK);
    CU_ASSERT_EQUAL(x.seg.nsentences, 3);
    CU_ASSERT(sentence_is(&x, 1, "همه موافقند.»"));
    CU_ASSERT(sentence_is(&x, 2, "سپس رفت."));
    seg_close(&x);
}

static void test_segment_keeps_closing_ascii_quote_with_its_sentence(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "گفت: \"تمام شد.\" سپس \"رفت\"."), SD_OK);
    CU_ASSERT_EQUAL(x.seg.nsentences, 2);
    CU_ASSERT(sentence_is(&x, 0, "گفت: \"تمام شد.\""));
    seg_close(&x);
}

/* A sentence must map back to whole original characters, so no break may fall inside the
 * expansion of one source code point (here "ab. " all comes from source byte 0). */
static void test_segment_never_breaks_inside_one_source_character(void)
{
    char s[] = "ab. cd";
    size_t st[6] = {0, 0, 0, 0, 1, 2}, en[6] = {1, 1, 1, 1, 2, 3};
    sd_folded f = {s, 6, st, en, 3};
    sd_segments seg;
    CU_ASSERT_EQUAL_FATAL(sd_segment(&f, &seg, NULL), SD_OK);
    CU_ASSERT_EQUAL(seg.nsentences, 1);
    sd_segments_free(&seg);
    size_t st2[6] = {0, 1, 2, 3, 4, 5}, en2[6] = {1, 2, 3, 4, 5, 6};
    sd_folded g = {s, 6, st2, en2, 6};
    CU_ASSERT_EQUAL_FATAL(sd_segment(&g, &seg, NULL), SD_OK);
    CU_ASSERT_EQUAL(seg.nsentences, 2);
    sd_segments_free(&seg);
}

/* ---- tokens ---- */

static void test_segment_splits_letters_at_script_change(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "مرتبطTRT فارسی"), SD_OK);
    CU_ASSERT_EQUAL(x.seg.ntokens, 3);
    CU_ASSERT(token_is(&x, 0, SD_TOK_WORD, "مرتبط"));
    CU_ASSERT(token_is(&x, 1, SD_TOK_WORD, "trt"));
    CU_ASSERT(token_is(&x, 2, SD_TOK_WORD, "فارسی"));
    seg_close(&x);
}

static void test_segment_splits_hyphenated_words(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "اینتیماق-اردو"), SD_OK);
    CU_ASSERT_EQUAL(x.seg.ntokens, 3);
    CU_ASSERT(token_is(&x, 0, SD_TOK_WORD, "اینتیماق"));
    CU_ASSERT(token_is(&x, 1, SD_TOK_PUNCT, "-"));
    CU_ASSERT(token_is(&x, 2, SD_TOK_WORD, "اردو"));
    seg_close(&x);
}

static void test_segment_conjunction_waw_is_its_own_token(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "ارمنستان و بلاروس"), SD_OK);
    CU_ASSERT_EQUAL(x.seg.ntokens, 3);
    CU_ASSERT(token_is(&x, 1, SD_TOK_WORD, "و"));
    seg_close(&x);
}

static void test_segment_keeps_combining_marks_inside_words(void)
{
    /* the fold deletes Arabic harakat, but other marks (here U+0301) stay in the word */
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "cafe\u0301 ok"), SD_OK);
    CU_ASSERT_EQUAL(x.seg.ntokens, 2);
    CU_ASSERT(token_is(&x, 0, SD_TOK_WORD, "cafe\u0301"));
    seg_close(&x);
}

static void test_segment_makes_each_punctuation_mark_a_token(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "«الف»، (ب)؛ ج: د/ه"), SD_OK);
    static const struct {
        sd_token_kind kind;
        const char *text;
    } want[] = {
        {SD_TOK_PUNCT, "«"}, {SD_TOK_WORD, "الف"}, {SD_TOK_PUNCT, "»"}, {SD_TOK_PUNCT, "،"},
        {SD_TOK_PUNCT, "("}, {SD_TOK_WORD, "ب"}, {SD_TOK_PUNCT, ")"}, {SD_TOK_PUNCT, "؛"},
        {SD_TOK_WORD, "ج"}, {SD_TOK_PUNCT, ":"}, {SD_TOK_WORD, "د"}, {SD_TOK_PUNCT, "/"},
        {SD_TOK_WORD, "ه"},
    };
    size_t n = sizeof want / sizeof want[0];
    CU_ASSERT_EQUAL(x.seg.ntokens, n);
    for (size_t k = 0; k < n && k < x.seg.ntokens; k++)
        CU_ASSERT(token_is(&x, k, want[k].kind, want[k].text));
    seg_close(&x);
}

static void test_segment_splits_number_from_glued_letters(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "۲۸ام"), SD_OK);
    CU_ASSERT_EQUAL(x.seg.ntokens, 2);
    CU_ASSERT(token_is(&x, 0, SD_TOK_NUMBER, "28"));
    CU_ASSERT(token_is(&x, 1, SD_TOK_WORD, "ام"));
    seg_close(&x);
}

static void test_segment_does_not_read_devanagari_digits_as_a_number(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, "१२"), SD_OK);
    CU_ASSERT_EQUAL(x.seg.ntokens, 1);
    CU_ASSERT_EQUAL(x.seg.tokens[0].kind, SD_TOK_WORD);
    seg_close(&x);
}

static void test_segment_of_empty_text_has_no_tokens(void)
{
    seg_fixture x;
    CU_ASSERT_EQUAL_FATAL(seg_open(&x, " \n\u200c\n "), SD_OK);
    CU_ASSERT_EQUAL(x.seg.ntokens, 0);
    CU_ASSERT_EQUAL(x.seg.nsentences, 0);
    seg_close(&x);
}

static void test_segment_rejects_missing_input(void)
{
    sd_segments seg;
    sd_error e;
    sd_error_clear(&e);
    CU_ASSERT_EQUAL(sd_segment(NULL, &seg, &e), SD_EUSAGE);
}

void sd_test_register(void)
{
    static const sd_test_case seeds_cases[] = {
        SD_TEST(test_segment_round_trips_every_seed_sentence),
        SD_TEST(test_segment_round_trips_text_with_every_fold_rule),
        SD_TEST(test_segment_sentence_counts_per_seed_are_stable),
        SD_TEST(test_segment_sentences_are_trimmed_and_cover_their_tokens),
        SD_TEST(test_segment_splits_seed_000_founding_paragraph_into_four_sentences),
        SD_TEST(test_segment_splits_seed_000_last_paragraph_into_three_sentences),
        SD_TEST(test_segment_keeps_seed_002_date_line_as_own_sentence),
        SD_TEST(test_segment_keeps_seed_002_persian_dates_in_one_sentence),
        SD_TEST_END,
    };
    static const sd_test_case sentence_cases[] = {
        SD_TEST(test_segment_does_not_split_decimal_numbers),
        SD_TEST(test_segment_keeps_slash_dates_whole),
        SD_TEST(test_segment_keeps_arabic_decimal_separator_inside_numbers),
        SD_TEST(test_segment_ends_sentence_after_number_and_period),
        SD_TEST(test_segment_does_not_split_after_persian_abbreviations),
        SD_TEST(test_segment_splits_after_two_letter_final_verb),
        SD_TEST(test_segment_splits_at_period_missing_its_space),
        SD_TEST(test_segment_does_not_split_inside_domain_names),
        SD_TEST(test_segment_ends_sentences_at_question_and_exclamation_marks),
        SD_TEST(test_segment_ends_sentence_at_ellipsis),
        SD_TEST(test_segment_ends_sentence_at_newline_without_punctuation),
        SD_TEST(test_segment_blank_lines_give_no_empty_sentences),
        SD_TEST(test_segment_keeps_closing_guillemet_with_its_sentence),
        SD_TEST(test_segment_keeps_closing_ascii_quote_with_its_sentence),
        SD_TEST(test_segment_never_breaks_inside_one_source_character),
        SD_TEST_END,
    };
    static const sd_test_case token_cases[] = {
        SD_TEST(test_segment_splits_letters_at_script_change),
        SD_TEST(test_segment_splits_hyphenated_words),
        SD_TEST(test_segment_conjunction_waw_is_its_own_token),
        SD_TEST(test_segment_keeps_combining_marks_inside_words),
        SD_TEST(test_segment_makes_each_punctuation_mark_a_token),
        SD_TEST(test_segment_splits_number_from_glued_letters),
        SD_TEST(test_segment_does_not_read_devanagari_digits_as_a_number),
        SD_TEST(test_segment_of_empty_text_has_no_tokens),
        SD_TEST(test_segment_rejects_missing_input),
        SD_TEST_END,
    };
    sd_test_add_suite("segment.seeds", seeds_cases);
    sd_test_add_suite("segment.sentences", sentence_cases);
    sd_test_add_suite("segment.tokens", token_cases);
}
