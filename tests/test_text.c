/* Specification of the text module: the fold rules, the offset map and the UTF-8 helpers.
 *
 * External oracles, tests/data/hazm-normalizer-vectors.tsv and persiantools-vectors.tsv, written
 * from the projects' documented behaviour because there is no network here (they are not
 * outputs re-run against the projects):
 *   - Hazm, roshan-research/hazm tests/test_normalizer.py and the Normalizer docstrings:
 *     letter unification (ي ك → ی ک), diacritics ("اِعلام کَرد" → "اعلام کرد"), kashida, digits.
 *   - persiantools, tests/test_characters.py (ar_to_fa) and tests/test_digits.py
 *     (٠١٢٣٤٥٦٧٨٩ and ۰۱۲۳۴۵۶۷۸۹ → 0123456789).
 *
 * Where sanad's fold deliberately differs from those projects (it is a matching key, not a
 * display normalizer):
 *   - ZWNJ: Hazm inserts and repairs ZWNJ (کتاب‌ها, می‌شود); sanad deletes it, and sd_fold_key
 *     also removes spaces, so "می شود", "می‌شود" and "میشود" compare equal.
 *   - Digits: Hazm's persian_numbers and persiantools' en_to_fa output Persian digits; sanad
 *     outputs ASCII digits (only U+0660–0669 and U+06F0–06F9 are converted; Devanagari is not).
 *   - Hamza letters: sanad folds ئ to ی, أ إ آ ٱ to ا and ؤ to و (رئیس = رییس, تأکید = تاکید);
 *     Hazm keeps them.
 *   - sanad does not reduce repeated letters, fix punctuation spacing, or restyle quotes and
 *     "..." (Hazm's decrease_repeated_chars / correct_spacing / persian_style).
 */
#include "sd_test.h"
#include "text.h"
#include "text_fold_table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check_fold(const char *in, const char *want)
{
    char *got = sd_fold_string(in);
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_STRING_EQUAL(got, want);
    if (strcmp(got, want) != 0)
        fprintf(stderr, "\n  fold(\"%s\") = \"%s\", want \"%s\"\n", in, got, want);
    free(got);
}

static void check_cp(uint32_t cp, int want_n, uint32_t want0)
{
    uint32_t out[4] = {0};
    int n = sd_fold_codepoint(cp, out);
    CU_ASSERT_EQUAL(n, want_n);
    if (want_n > 0)
        CU_ASSERT_EQUAL(out[0], want0);
    if (n != want_n || (want_n > 0 && out[0] != want0))
        fprintf(stderr, "\n  fold U+%04X: n=%d out0=U+%04X\n", (unsigned)cp, n, (unsigned)out[0]);
}

/* ---- letters ---- */

static void test_fold_maps_arabic_yeh_to_persian_yeh(void)
{
    check_fold("علي", "علی");
    check_cp(0x064A, 1, 0x06CC);
}

static void test_fold_maps_alef_maksura_to_persian_yeh(void)
{
    check_fold("مصطفى", "مصطفی");
}

static void test_fold_maps_yeh_hamza_to_persian_yeh(void)
{
    check_fold("رئیس", "رییس");
    check_fold("ی\u0654", "ی");  /* decomposed: ICU does not compose ی + hamza */
}

static void test_fold_maps_other_yeh_forms_to_persian_yeh(void)
{
    check_cp(0x06D0, 1, 0x06CC); /* ې */
    check_cp(0x06CD, 1, 0x06CC);
}

static void test_fold_maps_arabic_kaf_to_persian_kaf(void)
{
    check_fold("كشور", "کشور");
}

static void test_fold_maps_teh_marbuta_to_heh(void)
{
    check_fold("جامعة", "جامعه");
}

static void test_fold_maps_heh_with_yeh_to_heh(void)
{
    check_fold("خانۀ", "خانه");         /* U+06C0 */
    check_fold("خانە\u0654", "خانه");   /* U+06D5 + hamza */
}

static void test_fold_maps_ae_to_heh(void)
{
    check_cp(0x06D5, 1, 0x0647);
}

static void test_fold_drops_hamza_above_after_heh(void)
{
    check_fold("ه\u0654", "ه");
    check_fold("ژانویه\u0654", "ژانویه");  /* ICU's own fa month name */
}

static void test_fold_maps_alef_variants_to_alef(void)
{
    check_fold("تأکید", "تاکید");
    check_fold("آموزشی", "اموزشی");
    check_fold("إيران", "ایران");
    check_fold("ٱلله", "الله");
    check_fold("ا\u0653", "ا");  /* decomposed alef madda */
}

static void test_fold_maps_waw_hamza_to_waw(void)
{
    check_fold("مؤسسه", "موسسه");
}

static void test_fold_keeps_persian_only_letters(void)
{
    check_fold("پ چ ژ گ ک ی ع ق غ ح ص ث ذ ض ظ ط ء", "پ چ ژ گ ک ی ع ق غ ح ص ث ذ ض ظ ط ء");
}

/* ---- marks ---- */

static void test_fold_deletes_harakat(void)
{
    check_fold("مُحَمَّد", "محمد");
    check_fold("کاملاً", "کاملا");
}

static void test_fold_deletes_superscript_alef(void)
{
    check_fold("رحمٰن", "رحمن");
}

static void test_fold_deletes_hamza_below_mark(void)
{
    check_fold("ا\u0655", "ا");
}

static void test_fold_deletes_tatweel(void)
{
    check_fold("مـــحمد", "محمد");
    check_fold("هـ.ش.", "ه.ش.");
}

static void test_fold_deletes_quranic_annotation_marks(void)
{
    check_fold("ب\u06D6\u06E1\u06ECا", "با");
}

static void test_fold_deletes_isolated_harakat_presentation_forms(void)
{
    /* U+FE76 is NFKC " \u064E": deleting the fatha must not leave a space in the word */
    check_fold("ب\uFE76ا", "با");
    check_fold("ب\uFE77ا", "با"); /* medial form: tatweel + fatha */
}

/* ---- digits ---- */

static void test_fold_maps_arabic_indic_digits_to_ascii(void)
{
    check_fold("٠١٢٣٤٥٦٧٨٩", "0123456789");
}

static void test_fold_maps_persian_digits_to_ascii(void)
{
    check_fold("۰۱۲۳۴۵۶۷۸۹", "0123456789");
    check_fold("۲۸ نوامبر ۲۰۲۵", "28 نوامبر 2025");
}

static void test_fold_keeps_devanagari_digit(void)
{
    check_cp(0x0967, 1, 0x0967);
    check_fold("१", "१");
}

static void test_fold_maps_fullwidth_digits_to_ascii_through_nfkc(void)
{
    check_fold("２０２５", "2025");
}

/* ---- invisible characters ---- */

static void test_fold_deletes_zwnj(void)
{
    check_fold("می\u200cشود", "میشود");
    check_fold("رئیس\u200cجمهور", "رییسجمهور");
}

static void test_fold_deletes_zwj(void)
{
    check_fold("ه\u200d.ش.", "ه.ش.");  /* ICU's fa era name */
}

static void test_fold_deletes_zero_width_space(void)
{
    check_fold("کتاب\u200bخانه", "کتابخانه");
}

static void test_fold_deletes_bidi_controls(void)
{
    check_fold("a\u200e\u200fb\u202a\u202b\u202c\u202d\u202ec\u2066\u2067\u2068\u2069d\u061Ce",
               "abcde");
}

static void test_fold_deletes_soft_hyphen(void)
{
    check_fold("co\u00ADop", "coop");
}

static void test_fold_deletes_bom_and_keeps_offsets(void)
{
    const char *in = "\xEF\xBB\xBFسلام";
    sd_folded f;
    CU_ASSERT_EQUAL_FATAL(sd_fold(in, strlen(in), &f, NULL), SD_OK);
    CU_ASSERT_STRING_EQUAL(f.s, "سلام");
    CU_ASSERT_EQUAL(f.src_start[0], 3);
    CU_ASSERT_EQUAL(f.src_end[0], 5);
    CU_ASSERT_EQUAL(f.src_len, strlen(in));
    sd_folded_free(&f);
}

/* ---- white space and line ends ---- */

static void test_fold_maps_crlf_to_lf_with_offsets_on_original_bytes(void)
{
    const char *in = "a\r\nb";
    sd_folded f;
    CU_ASSERT_EQUAL_FATAL(sd_fold(in, 4, &f, NULL), SD_OK);
    CU_ASSERT_STRING_EQUAL(f.s, "a\nb");
    CU_ASSERT_EQUAL(f.src_start[1], 1);
    CU_ASSERT_EQUAL(f.src_end[1], 3);  /* the LF stands for both CR and LF */
    CU_ASSERT_EQUAL(f.src_start[2], 3);
    CU_ASSERT_EQUAL(f.src_end[2], 4);
    sd_folded_free(&f);
}

static void test_fold_maps_lone_cr_to_lf(void)
{
    check_fold("a\rb", "a\nb");
}

static void test_fold_maps_line_separators_to_lf(void)
{
    check_fold("a\u2028b\u2029c\x0c" "d", "a\nb\nc\nd");
}

static void test_fold_maps_nbsp_to_space(void)
{
    check_fold("سازمان\u00A0ملل", "سازمان ملل");
}

static void test_fold_maps_other_white_space_to_space(void)
{
    check_fold("a\tb\u2009c\u202Fd\u3000e", "a b c d e");
}

static void test_fold_collapses_space_runs_to_first_space(void)
{
    const char *in = "a \t\u00A0 b";
    sd_folded f;
    CU_ASSERT_EQUAL_FATAL(sd_fold(in, strlen(in), &f, NULL), SD_OK);
    CU_ASSERT_STRING_EQUAL(f.s, "a b");
    CU_ASSERT_EQUAL(f.src_start[1], 1);
    CU_ASSERT_EQUAL(f.src_end[1], 2);
    sd_folded_free(&f);
}

static void test_fold_collapses_spaces_around_deleted_characters(void)
{
    check_fold("می \u200c شود", "می شود");
}

static void test_fold_keeps_newline_runs(void)
{
    check_fold("a\n\n\nb", "a\n\n\nb");
}

static void test_fold_drops_spaces_at_line_edges(void)
{
    check_fold("  a \n b  ", "a\nb");
}

static void test_fold_maps_controls_and_nul_to_space(void)
{
    sd_folded f;
    CU_ASSERT_EQUAL_FATAL(sd_fold("a\0b\x01" "c", 5, &f, NULL), SD_OK);
    CU_ASSERT_EQUAL(f.len, 5);
    CU_ASSERT_EQUAL(memcmp(f.s, "a b c", 5), 0);
    sd_folded_free(&f);
}

/* ---- case and punctuation ---- */

static void test_fold_lowercases_ascii(void)
{
    check_fold("TRT CSTO AA", "trt csto aa");
}

static void test_fold_keeps_persian_punctuation(void)
{
    check_fold("«الف»، ب؛ ج؟", "«الف»، ب؛ ج؟");
}

/* ---- NFKC before the table ---- */

static void test_fold_presentation_yeh_becomes_persian_yeh(void)
{
    for (uint32_t cp = 0xFEF1; cp <= 0xFEF4; cp++)
        check_cp(cp, 1, 0x06CC);  /* NFKC gives Arabic ي; the table must then run */
    for (uint32_t cp = 0xFBFC; cp <= 0xFBFF; cp++)
        check_cp(cp, 1, 0x06CC);
}

static void test_fold_presentation_kaf_becomes_persian_kaf(void)
{
    check_cp(0xFED9, 1, 0x06A9);
    check_cp(0xFB8E, 1, 0x06A9);
}

static void test_fold_expands_lam_alef_ligature(void)
{
    uint32_t out[4];
    CU_ASSERT_EQUAL(sd_fold_codepoint(0xFEFB, out), 2);
    CU_ASSERT_EQUAL(out[0], 0x0644);
    CU_ASSERT_EQUAL(out[1], 0x0627);
}

static void test_fold_expands_ligature_longer_than_four_code_points(void)
{
    check_fold("ﷺ", "صلی الله علیه وسلم");
    uint32_t out[4];
    CU_ASSERT_EQUAL(sd_fold_codepoint(0xFDFA, out), 4);  /* the single-code-point API truncates */
}

/* ---- invalid input ---- */

static void test_fold_replaces_each_invalid_byte_with_replacement_character(void)
{
    const char in[] = "a\x80\xC0\xAF" "b\xE2\x82";
    sd_folded f;
    CU_ASSERT_EQUAL_FATAL(sd_fold(in, sizeof in - 1, &f, NULL), SD_OK);
    CU_ASSERT_STRING_EQUAL(f.s, "a\uFFFD\uFFFD\uFFFDb\uFFFD\uFFFD");
    /* each U+FFFD stands for exactly one bad byte */
    CU_ASSERT_EQUAL(f.src_start[1], 1);
    CU_ASSERT_EQUAL(f.src_end[1], 2);
    CU_ASSERT_EQUAL(f.src_start[4], 2);
    CU_ASSERT_EQUAL(f.src_end[4], 3);
    CU_ASSERT_EQUAL(f.src_start[f.len - 1], 6);
    CU_ASSERT_EQUAL(f.src_end[f.len - 1], 7);
    sd_folded_free(&f);
}

static void test_fold_rejects_missing_buffer(void)
{
    sd_folded f;
    sd_error e;
    sd_error_clear(&e);
    CU_ASSERT_EQUAL(sd_fold(NULL, 3, &f, &e), SD_EUSAGE);
    CU_ASSERT_EQUAL(e.code, SD_EUSAGE);
}

static void test_fold_of_empty_input_is_empty(void)
{
    sd_folded f;
    CU_ASSERT_EQUAL_FATAL(sd_fold("", 0, &f, NULL), SD_OK);
    CU_ASSERT_EQUAL(f.len, 0);
    CU_ASSERT_STRING_EQUAL(f.s, "");
    sd_folded_free(&f);
}

/* ---- the rule table ---- */

static void test_fold_table_rows_are_sorted_disjoint_and_named(void)
{
    for (size_t k = 0; k < sd_fold_nrules; k++) {
        const sd_fold_rule *r = &sd_fold_rules[k];
        CU_ASSERT(r->first <= r->last);
        CU_ASSERT(r->name != NULL && r->name[0] != '\0');
        if (k > 0)
            CU_ASSERT(sd_fold_rules[k - 1].last < r->first);
    }
}

/* Each row, at both ends of its range, does what it says after NFKC (the rows for composed
 * letters such as آ must agree with what their decomposition folds to). */
static void test_fold_table_rows_hold_at_their_endpoints(void)
{
    for (size_t k = 0; k < sd_fold_nrules; k++) {
        const sd_fold_rule *r = &sd_fold_rules[k];
        uint32_t ends[2] = {r->first, r->last};
        for (int e = 0; e < 2; e++) {
            uint32_t cp = ends[e];
            switch (r->action) {
            case SD_FOLD_DELETE:
                check_cp(cp, 0, 0);
                break;
            case SD_FOLD_MAP:
                check_cp(cp, 1, r->to);
                break;
            case SD_FOLD_SHIFT:
                check_cp(cp, 1, r->to + (cp - r->first));
                break;
            }
        }
    }
}

static void test_fold_codepoint_keeps_unlisted_letters(void)
{
    check_cp(0x06CC, 1, 0x06CC);
    check_cp(0x067E, 1, 0x067E);  /* پ */
    check_cp('a', 1, 'a');
}

/* ---- fold_string / fold_key ---- */

static void test_fold_key_equates_zwnj_space_and_joined_forms(void)
{
    const char *forms[] = {"می شود", "می\u200cشود", "میشود", "مي شود"};
    char *k0 = sd_fold_key(forms[0]);
    CU_ASSERT_PTR_NOT_NULL_FATAL(k0);
    CU_ASSERT_STRING_EQUAL(k0, "میشود");
    for (size_t i = 1; i < sizeof forms / sizeof forms[0]; i++) {
        char *k = sd_fold_key(forms[i]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(k);
        CU_ASSERT_STRING_EQUAL(k, k0);
        free(k);
    }
    free(k0);
}

static void test_fold_key_equates_spelling_variants_of_a_title(void)
{
    char *a = sd_fold_key("رئیس جمهور");
    char *b = sd_fold_key("رييس\u200cجمهور");
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_STRING_EQUAL(a, b);
    free(a);
    free(b);
}

static void test_fold_string_of_null_is_null(void)
{
    CU_ASSERT_PTR_NULL(sd_fold_string(NULL));
    CU_ASSERT_PTR_NULL(sd_fold_key(NULL));
}

/* ---- the offset map ---- */

static void test_span_to_source_maps_expansion_back_to_whole_character(void)
{
    const char *in = "x \uFEFB";  /* lam-alef ligature: 3 bytes at offset 2 */
    sd_folded f;
    CU_ASSERT_EQUAL_FATAL(sd_fold(in, strlen(in), &f, NULL), SD_OK);
    CU_ASSERT_STRING_EQUAL(f.s, "x لا");
    size_t a, z;
    sd_folded_span_to_source(&f, 4, 6, &a, &z);  /* just the alef */
    CU_ASSERT_EQUAL(a, 2);
    CU_ASSERT_EQUAL(z, 5);
    sd_folded_free(&f);
}

static void test_span_to_source_covers_deleted_characters_inside(void)
{
    const char *in = "می\u200cشود";
    sd_folded f;
    CU_ASSERT_EQUAL_FATAL(sd_fold(in, strlen(in), &f, NULL), SD_OK);
    size_t a, z;
    sd_folded_span_to_source(&f, 0, f.len, &a, &z);
    CU_ASSERT_EQUAL(a, 0);
    CU_ASSERT_EQUAL(z, strlen(in));
    sd_folded_free(&f);
}

static void test_span_to_source_maps_empty_span_to_a_position(void)
{
    const char *in = "\u200cab\u200c";
    sd_folded f;
    CU_ASSERT_EQUAL_FATAL(sd_fold(in, strlen(in), &f, NULL), SD_OK);
    size_t a, z;
    sd_folded_span_to_source(&f, 1, 1, &a, &z);
    CU_ASSERT_EQUAL(a, 4);
    CU_ASSERT_EQUAL(z, 4);
    sd_folded_span_to_source(&f, f.len, f.len, &a, &z);
    CU_ASSERT_EQUAL(a, 5);
    CU_ASSERT_EQUAL(z, 5);
    sd_folded_free(&f);
}

static void test_span_to_source_clamps_out_of_range_spans(void)
{
    sd_folded f;
    CU_ASSERT_EQUAL_FATAL(sd_fold("abc", 3, &f, NULL), SD_OK);
    size_t a, z;
    sd_folded_span_to_source(&f, 1, 99, &a, &z);
    CU_ASSERT_EQUAL(a, 1);
    CU_ASSERT_EQUAL(z, 3);
    sd_folded_span_to_source(&f, 2, 1, &a, &z);
    CU_ASSERT_EQUAL(a, z);
    sd_folded_free(&f);
}

/* Over a whole seed, every folded byte points at a whole original code point, in order. */
static void test_fold_spans_of_every_seed_lie_on_code_point_boundaries(void)
{
    static const char *seeds[] = {"000_aa12c8155f0d4d94.txt", "002_bbfa5220e0d216f8.txt",
                                  "004_6644079558f78279.txt"};
    for (size_t s = 0; s < 3; s++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/articles/%s", SD_TEST_FIXTURES, seeds[s]);
        size_t len = 0;
        char *buf = sd_test_read_file(path, &len);
        CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
        sd_folded f;
        CU_ASSERT_EQUAL_FATAL(sd_fold(buf, len, &f, NULL), SD_OK);
        CU_ASSERT(f.len > 0);
        size_t bad = 0;
        for (size_t i = 0; i < f.len; i++) {
            size_t a = f.src_start[i], z = f.src_end[i];
            if (!(a < z && z <= len) || ((unsigned char)buf[a] & 0xC0u) == 0x80u ||
                (z < len && ((unsigned char)buf[z] & 0xC0u) == 0x80u) ||
                (i > 0 && a < f.src_start[i - 1]))
                bad++;
        }
        CU_ASSERT_EQUAL(bad, 0);
        sd_folded_free(&f);
        free(buf);
    }
}

static void test_fold_of_seed_002_converts_its_persian_digits(void)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/articles/002_bbfa5220e0d216f8.txt", SD_TEST_FIXTURES);
    size_t len = 0;
    char *buf = sd_test_read_file(path, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    sd_folded f;
    CU_ASSERT_EQUAL_FATAL(sd_fold(buf, len, &f, NULL), SD_OK);
    const char *hit = strstr(f.s, "اول ژانویه 2026");
    CU_ASSERT_PTR_NOT_NULL_FATAL(hit);
    size_t fs = (size_t)(hit - f.s), a, z;
    sd_folded_span_to_source(&f, fs, fs + strlen("اول ژانویه 2026"), &a, &z);
    const char *orig = "اول ژانویه ۲۰۲۶";
    CU_ASSERT_EQUAL(z - a, strlen(orig));
    CU_ASSERT_EQUAL(memcmp(buf + a, orig, strlen(orig)), 0);
    sd_folded_free(&f);
    free(buf);
}

/* ---- UTF-8 helpers ---- */

static void test_utf8_decode_reads_one_to_four_byte_sequences(void)
{
    const char *s = "a\u00e9\u0633\U0001F600";
    size_t i = 0, n = strlen(s);
    CU_ASSERT_EQUAL(sd_utf8_decode(s, n, &i), 'a');
    CU_ASSERT_EQUAL(sd_utf8_decode(s, n, &i), 0xE9);
    CU_ASSERT_EQUAL(sd_utf8_decode(s, n, &i), 0x0633);
    CU_ASSERT_EQUAL(sd_utf8_decode(s, n, &i), 0x1F600);
    CU_ASSERT_EQUAL(i, n);
    CU_ASSERT_EQUAL(sd_utf8_decode(s, n, &i), -1);  /* at the end: no advance */
    CU_ASSERT_EQUAL(i, n);
}

static void test_utf8_decode_rejects_overlong_surrogate_and_out_of_range(void)
{
    static const struct {
        const char *bytes;
        size_t len;
    } bad[] = {
        {"\xC0\xAF", 2}, {"\xE0\x80\xAF", 3}, {"\xED\xA0\x80", 3},
        {"\xF4\x90\x80\x80", 4}, {"\xF8\x88\x80\x80\x80", 5}, {"\x80", 1},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        size_t i = 0;
        CU_ASSERT_EQUAL(sd_utf8_decode(bad[k].bytes, bad[k].len, &i), -1);
        CU_ASSERT_EQUAL(i, 1);  /* one byte at a time */
    }
}

static void test_utf8_decode_does_not_read_past_a_truncated_sequence(void)
{
    const char s[] = "\xD8";  /* lead byte of a 2-byte sequence, no continuation in range */
    size_t i = 0;
    CU_ASSERT_EQUAL(sd_utf8_decode(s, 1, &i), -1);
    CU_ASSERT_EQUAL(i, 1);
}

static void test_utf8_encode_round_trips(void)
{
    static const uint32_t cps[] = {0x24, 0xA2, 0x0633, 0x20AC, 0xFFFD, 0x10348, 0x10FFFF};
    for (size_t k = 0; k < sizeof cps / sizeof cps[0]; k++) {
        char buf[4];
        int n = sd_utf8_encode(cps[k], buf);
        size_t i = 0;
        CU_ASSERT_EQUAL(sd_utf8_decode(buf, (size_t)n, &i), (int32_t)cps[k]);
        CU_ASSERT_EQUAL(i, (size_t)n);
    }
    char buf[4];
    CU_ASSERT_EQUAL(sd_utf8_encode(0xD800, buf), 3);  /* surrogate → U+FFFD */
    CU_ASSERT_EQUAL(memcmp(buf, "\xEF\xBF\xBD", 3), 0);
}

/* ---- character classes ---- */

static void test_is_letter_accepts_persian_latin_and_marks(void)
{
    CU_ASSERT(sd_is_letter(0x0633));  /* س */
    CU_ASSERT(sd_is_letter(0x06CC));  /* ی */
    CU_ASSERT(sd_is_letter(0x0621));  /* ء */
    CU_ASSERT(sd_is_letter('a'));
    CU_ASSERT(sd_is_letter('Z'));
    CU_ASSERT(sd_is_letter(0x0654)); /* Mn: u_isalpha is false for it */
    CU_ASSERT(sd_is_letter(0x0439)); /* Cyrillic й */
}

static void test_is_letter_rejects_digits_punctuation_and_space(void)
{
    CU_ASSERT_FALSE(sd_is_letter('7'));
    CU_ASSERT_FALSE(sd_is_letter(0x06F7));
    CU_ASSERT_FALSE(sd_is_letter(0x060C)); /* ، */
    CU_ASSERT_FALSE(sd_is_letter(0x00AB)); /* « */
    CU_ASSERT_FALSE(sd_is_letter(' '));
    CU_ASSERT_FALSE(sd_is_letter(0xFFFD));
}

static void test_is_space_accepts_space_and_newline_but_not_zwnj(void)
{
    CU_ASSERT(sd_is_space(' '));
    CU_ASSERT(sd_is_space('\n'));
    CU_ASSERT_FALSE(sd_is_space('a'));
    CU_ASSERT_FALSE(sd_is_space(0x200C)); /* ZWNJ is not white space */
}

/* ---- external oracle vectors ---- */

/* Decode \uXXXX and \\ escapes in place. */
static void unescape(char *s)
{
    char *w = s;
    for (char *r = s; *r != '\0';) {
        if (r[0] == '\\' && r[1] == 'u') {
            unsigned cp = 0;
            int ok = sscanf(r + 2, "%4x", &cp) == 1;
            if (ok) {
                char enc[4];
                int n = sd_utf8_encode(cp, enc);
                memcpy(w, enc, (size_t)n);  /* ≤ 3 bytes for a BMP escape of 6 chars */
                w += n;
                r += 6;
                continue;
            }
        }
        if (r[0] == '\\' && r[1] == '\\') {
            *w++ = '\\';
            r += 2;
            continue;
        }
        *w++ = *r++;
    }
    *w = '\0';
}

/* Run every row of an oracle TSV: fold(input) must equal the sanad column. */
static void run_vectors(const char *file, size_t min_rows)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SD_TEST_DATA, file);
    char *buf = sd_test_read_file(path, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    size_t rows = 0;
    char *save = NULL;
    for (char *line = strtok_r(buf, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *col[5] = {0};
        int n = 0;
        char *p = line;
        while (n < 5) {
            col[n++] = p;
            char *tab = strchr(p, '\t');
            if (tab == NULL)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        CU_ASSERT_EQUAL(n, 5);
        if (n < 4)
            continue;
        unescape(col[1]);
        unescape(col[3]);
        char *got = sd_fold_string(col[1]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(got);
        CU_ASSERT_STRING_EQUAL(got, col[3]);
        if (strcmp(got, col[3]) != 0)
            fprintf(stderr, "\n  %s: %s: got \"%s\" want \"%s\"\n", file, col[0], got, col[3]);
        free(got);
        rows++;
    }
    CU_ASSERT(rows >= min_rows);
    free(buf);
}

static void test_fold_agrees_with_hazm_normalizer_vectors(void)
{
    run_vectors("hazm-normalizer-vectors.tsv", 20);
}

static void test_fold_agrees_with_persiantools_vectors(void)
{
    run_vectors("persiantools-vectors.tsv", 10);
}

void sd_test_register(void)
{
    static const sd_test_case fold_letters[] = {
        SD_TEST(test_fold_maps_arabic_yeh_to_persian_yeh),
        SD_TEST(test_fold_maps_alef_maksura_to_persian_yeh),
        SD_TEST(test_fold_maps_yeh_hamza_to_persian_yeh),
        SD_TEST(test_fold_maps_other_yeh_forms_to_persian_yeh),
        SD_TEST(test_fold_maps_arabic_kaf_to_persian_kaf),
        SD_TEST(test_fold_maps_teh_marbuta_to_heh),
        SD_TEST(test_fold_maps_heh_with_yeh_to_heh),
        SD_TEST(test_fold_maps_ae_to_heh),
        SD_TEST(test_fold_drops_hamza_above_after_heh),
        SD_TEST(test_fold_maps_alef_variants_to_alef),
        SD_TEST(test_fold_maps_waw_hamza_to_waw),
        SD_TEST(test_fold_keeps_persian_only_letters),
        SD_TEST(test_fold_deletes_harakat),
        SD_TEST(test_fold_deletes_superscript_alef),
        SD_TEST(test_fold_deletes_hamza_below_mark),
        SD_TEST(test_fold_deletes_tatweel),
        SD_TEST(test_fold_deletes_quranic_annotation_marks),
        SD_TEST(test_fold_deletes_isolated_harakat_presentation_forms),
        SD_TEST(test_fold_maps_arabic_indic_digits_to_ascii),
        SD_TEST(test_fold_maps_persian_digits_to_ascii),
        SD_TEST(test_fold_keeps_devanagari_digit),
        SD_TEST(test_fold_maps_fullwidth_digits_to_ascii_through_nfkc),
        SD_TEST(test_fold_deletes_zwnj),
        SD_TEST(test_fold_deletes_zwj),
        SD_TEST(test_fold_deletes_zero_width_space),
        SD_TEST(test_fold_deletes_bidi_controls),
        SD_TEST(test_fold_deletes_soft_hyphen),
        SD_TEST(test_fold_deletes_bom_and_keeps_offsets),
        SD_TEST(test_fold_maps_crlf_to_lf_with_offsets_on_original_bytes),
        SD_TEST(test_fold_maps_lone_cr_to_lf),
        SD_TEST(test_fold_maps_line_separators_to_lf),
        SD_TEST(test_fold_maps_nbsp_to_space),
        SD_TEST(test_fold_maps_other_white_space_to_space),
        SD_TEST(test_fold_collapses_space_runs_to_first_space),
        SD_TEST(test_fold_collapses_spaces_around_deleted_characters),
        SD_TEST(test_fold_keeps_newline_runs),
        SD_TEST(test_fold_drops_spaces_at_line_edges),
        SD_TEST(test_fold_maps_controls_and_nul_to_space),
        SD_TEST(test_fold_lowercases_ascii),
        SD_TEST(test_fold_keeps_persian_punctuation),
        SD_TEST(test_fold_presentation_yeh_becomes_persian_yeh),
        SD_TEST(test_fold_presentation_kaf_becomes_persian_kaf),
        SD_TEST(test_fold_expands_lam_alef_ligature),
        SD_TEST(test_fold_expands_ligature_longer_than_four_code_points),
        SD_TEST(test_fold_replaces_each_invalid_byte_with_replacement_character),
        SD_TEST(test_fold_rejects_missing_buffer),
        SD_TEST(test_fold_of_empty_input_is_empty),
        SD_TEST_END,
    };
    static const sd_test_case table[] = {
        SD_TEST(test_fold_table_rows_are_sorted_disjoint_and_named),
        SD_TEST(test_fold_table_rows_hold_at_their_endpoints),
        SD_TEST(test_fold_codepoint_keeps_unlisted_letters),
        SD_TEST(test_fold_key_equates_zwnj_space_and_joined_forms),
        SD_TEST(test_fold_key_equates_spelling_variants_of_a_title),
        SD_TEST(test_fold_string_of_null_is_null),
        SD_TEST_END,
    };
    static const sd_test_case offsets[] = {
        SD_TEST(test_span_to_source_maps_expansion_back_to_whole_character),
        SD_TEST(test_span_to_source_covers_deleted_characters_inside),
        SD_TEST(test_span_to_source_maps_empty_span_to_a_position),
        SD_TEST(test_span_to_source_clamps_out_of_range_spans),
        SD_TEST(test_fold_spans_of_every_seed_lie_on_code_point_boundaries),
        SD_TEST(test_fold_of_seed_002_converts_its_persian_digits),
        SD_TEST_END,
    };
    static const sd_test_case utf8[] = {
        SD_TEST(test_utf8_decode_reads_one_to_four_byte_sequences),
        SD_TEST(test_utf8_decode_rejects_overlong_surrogate_and_out_of_range),
        SD_TEST(test_utf8_decode_does_not_read_past_a_truncated_sequence),
        SD_TEST(test_utf8_encode_round_trips),
        SD_TEST(test_is_letter_accepts_persian_latin_and_marks),
        SD_TEST(test_is_letter_rejects_digits_punctuation_and_space),
        SD_TEST(test_is_space_accepts_space_and_newline_but_not_zwnj),
        SD_TEST_END,
    };
    static const sd_test_case oracles[] = {
        SD_TEST(test_fold_agrees_with_hazm_normalizer_vectors),
        SD_TEST(test_fold_agrees_with_persiantools_vectors),
        SD_TEST_END,
    };
    sd_test_add_suite("text.fold", fold_letters);
    sd_test_add_suite("text.table", table);
    sd_test_add_suite("text.offsets", offsets);
    sd_test_add_suite("text.utf8", utf8);
    sd_test_add_suite("text.oracles", oracles);
}
