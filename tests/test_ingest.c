/* Specification of the ingest module: inputs become documents; bad input is rejected with a
 * reason naming the file, the byte offset or JSONL line, and the cause; nothing is dropped. */
#include "ingest.h"
#include "sd_test.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define BAD(name) SD_TEST_FIXTURES "/bad-input/" name
#define WALK SD_TEST_TMP "/ingest-walk"
#define MAX_DOCS 32

/* Every document from the inputs, in order; returns the count (-1 on an internal failure). */
static int ingest_all(const char *const *inputs, size_t n, size_t max_bytes, sd_doc **docs,
                      sd_ingest **keep)
{
    sd_ingest_opts opts = { max_bytes };
    sd_ingest *in = NULL;
    sd_error err;
    sd_error_clear(&err);
    if (sd_ingest_open(&in, inputs, n, &opts, &err) != 0)
        return -1;
    int count = 0, rc;
    sd_doc *d = NULL;
    while ((rc = sd_ingest_next(in, &d, &err)) == 1) {
        if (count < MAX_DOCS)
            docs[count++] = d;
        else
            sd_doc_free(d);
    }
    if (keep != NULL)
        *keep = in;
    else
        sd_ingest_close(in);
    return rc == 0 ? count : -1;
}

static void free_docs(sd_doc **docs, int n)
{
    for (int i = 0; i < n; i++)
        sd_doc_free(docs[i]);
}

/* The single document produced by one input. */
static sd_doc *ingest_one(const char *path, size_t max_bytes)
{
    sd_doc *docs[MAX_DOCS];
    const char *in[] = { path };
    int n = ingest_all(in, 1, max_bytes, docs, NULL);
    if (n != 1) {
        if (n > 0)
            free_docs(docs, n);
        return NULL;
    }
    return docs[0];
}

static void assert_rejected(const char *path, size_t max_bytes, const char *reason, long offset)
{
    sd_doc *d = ingest_one(path, max_bytes);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL(d->status, SD_DOC_REJECTED);
    CU_ASSERT_PTR_NULL(d->text);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d->reject_reason);
    CU_ASSERT_STRING_EQUAL(d->reject_reason, reason);
    CU_ASSERT_EQUAL(d->reject_offset, offset);
    sd_doc_free(d);
}

static void write_file(const char *path, const char *bytes)
{
    FILE *f = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(bytes, f);
    fclose(f);
}

static void make_dir(const char *path)
{
    CU_ASSERT_FATAL(mkdir(path, 0755) == 0 || errno == EEXIST);
}

/* ---------------------------------------------------------------- UTF-8 and hashing */

static void test_utf8_accepts_persian_and_four_byte_sequences(void)
{
    const char *s = "سازمان ۱۹۹۲ \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF";
    bool nul = true;
    CU_ASSERT_EQUAL(sd_utf8_first_invalid(s, strlen(s), &nul), -1);
    CU_ASSERT_FALSE(nul);
}

static void test_utf8_rejects_overlong_encodings(void)
{
    CU_ASSERT_EQUAL(sd_utf8_first_invalid("ab\xC0\x80", 4, NULL), 2);
    CU_ASSERT_EQUAL(sd_utf8_first_invalid("a\xE0\x80\xAF", 4, NULL), 1);
    CU_ASSERT_EQUAL(sd_utf8_first_invalid("\xF0\x80\x80\xAF", 4, NULL), 0);
}

static void test_utf8_rejects_surrogates(void)
{
    CU_ASSERT_EQUAL(sd_utf8_first_invalid("x\xED\xA0\x80", 4, NULL), 1);
}

static void test_utf8_rejects_code_points_above_10ffff(void)
{
    CU_ASSERT_EQUAL(sd_utf8_first_invalid("\xF4\x90\x80\x80", 4, NULL), 0);
    CU_ASSERT_EQUAL(sd_utf8_first_invalid("ok\xF5\x80\x80\x80", 6, NULL), 2);
}

static void test_utf8_rejects_sequence_truncated_at_end(void)
{
    CU_ASSERT_EQUAL(sd_utf8_first_invalid("\xD8\xB3\xD8", 3, NULL), 2);
}

static void test_utf8_reports_nul_separately(void)
{
    bool nul = false;
    CU_ASSERT_EQUAL(sd_utf8_first_invalid("ab\0c", 4, &nul), 2);
    CU_ASSERT_TRUE(nul);
    CU_ASSERT_EQUAL(sd_utf8_first_invalid("ab\xE9", 3, &nul), 2);
    CU_ASSERT_FALSE(nul);
}

static void test_sha256_matches_known_vector(void)
{
    char hex[65];
    sd_sha256_hex("abc", 3, hex);
    CU_ASSERT_STRING_EQUAL(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* ---------------------------------------------------------------- rejected files */

static void test_latin1_byte_rejected_with_offset_and_value(void)
{
    assert_rejected(BAD("latin1.txt"), 0,
                    BAD("latin1.txt") ": byte 22: invalid UTF-8 sequence (0xE9)", 22);
}

static void test_nul_byte_rejected_with_offset(void)
{
    assert_rejected(BAD("nul.txt"), 0, BAD("nul.txt") ": byte 8: NUL byte", 8);
}

static void test_empty_file_rejected(void)
{
    assert_rejected(BAD("empty.txt"), 0, BAD("empty.txt") ": empty document", -1);
}

static void test_file_over_the_limit_rejected_before_reading(void)
{
    sd_doc *d = ingest_one(BAD("oversize.txt"), 64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL(d->status, SD_DOC_REJECTED);
    CU_ASSERT_STRING_EQUAL(d->reject_reason,
                           BAD("oversize.txt") ": 124 bytes exceeds the 64-byte limit (--max-bytes)");
    CU_ASSERT_STRING_EQUAL(d->sha256, "");
    sd_doc_free(d);
}

static void test_file_under_the_default_limit_is_accepted(void)
{
    sd_doc *d = ingest_one(BAD("oversize.txt"), 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL(d->status, SD_DOC_OK);
    CU_ASSERT_EQUAL(d->len, 124);
    sd_doc_free(d);
}

static void test_missing_path_becomes_rejected_document_named_by_path(void)
{
    sd_doc *d = ingest_one(BAD("no-such-file.txt"), 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL(d->status, SD_DOC_REJECTED);
    CU_ASSERT_STRING_EQUAL(d->id, BAD("no-such-file.txt"));
    CU_ASSERT_STRING_EQUAL(d->reject_reason,
                           BAD("no-such-file.txt") ": cannot read: No such file or directory");
    sd_doc_free(d);
}

/* ---------------------------------------------------------------- JSONL corpora */

/* corpus.jsonl: 9 lines, line 8 blank; see fixtures/bad-input/README.md. */
static int load_corpus(sd_doc **docs)
{
    const char *in[] = { BAD("corpus.jsonl") };
    return ingest_all(in, 1, 0, docs, NULL);
}

static void assert_corpus_line(int index, const char *id, const char *reason)
{
    sd_doc *docs[MAX_DOCS];
    int n = load_corpus(docs);
    CU_ASSERT_EQUAL_FATAL(n, 8);
    CU_ASSERT_STRING_EQUAL(docs[index]->id, id);
    CU_ASSERT_EQUAL(docs[index]->status, SD_DOC_REJECTED);
    CU_ASSERT_PTR_NOT_NULL_FATAL(docs[index]->reject_reason);
    CU_ASSERT_STRING_EQUAL(docs[index]->reject_reason, reason);
    free_docs(docs, n);
}

static void test_jsonl_malformed_line_rejected_with_column(void)
{
    assert_corpus_line(2, "corpus:3", BAD("corpus.jsonl") ":3: malformed JSON at column 13");
}

static void test_jsonl_line_without_text_rejected(void)
{
    assert_corpus_line(3, "c4", BAD("corpus.jsonl") ":4: missing \"text\" string");
}

static void test_jsonl_escaped_nul_in_text_rejected(void)
{
    assert_corpus_line(4, "c5", BAD("corpus.jsonl") ":5: byte 3: NUL byte");
}

static void test_jsonl_invalid_utf8_in_text_rejected(void)
{
    assert_corpus_line(5, "c6", BAD("corpus.jsonl") ":6: byte 9: invalid UTF-8 sequence (0xE9)");
}

static void test_jsonl_impossible_published_date_rejected(void)
{
    assert_corpus_line(6, "c7", BAD("corpus.jsonl") ":7: \"published\": \"2019-02-30\" is not a "
                                "date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
}

static void test_jsonl_good_lines_still_load(void)
{
    sd_doc *docs[MAX_DOCS];
    int n = load_corpus(docs);
    CU_ASSERT_EQUAL_FATAL(n, 8);
    CU_ASSERT_EQUAL(docs[0]->status, SD_DOC_OK);
    CU_ASSERT_STRING_EQUAL(docs[0]->id, "c1");
    CU_ASSERT_STRING_EQUAL(docs[0]->origin, BAD("corpus.jsonl") ":1");
    CU_ASSERT_STRING_EQUAL(docs[0]->text, "پیمان امنیت جمعی در سال ۱۹۹۲ امضا شد.");
    CU_ASSERT_STRING_EQUAL(docs[0]->source, "IRNA");
    CU_ASSERT_EQUAL(docs[1]->status, SD_DOC_OK);
    CU_ASSERT_STRING_EQUAL(docs[1]->url, "https://example.org/c2");
    CU_ASSERT_EQUAL(docs[7]->status, SD_DOC_OK);
    free_docs(docs, n);
}

static void test_jsonl_published_comes_from_the_line(void)
{
    sd_doc *docs[MAX_DOCS];
    int n = load_corpus(docs);
    CU_ASSERT_EQUAL_FATAL(n, 8);
    CU_ASSERT_STRING_EQUAL(docs[0]->published_from, "jsonl");
    CU_ASSERT_EQUAL(docs[0]->published.prec, SD_PREC_DAY);
    CU_ASSERT_EQUAL(docs[0]->published.y, 2019);
    CU_ASSERT_EQUAL(docs[0]->published.m, 5);
    CU_ASSERT_EQUAL(docs[0]->published.d, 14);
    CU_ASSERT_STRING_EQUAL(docs[1]->published_from, "");
    CU_ASSERT_EQUAL(docs[1]->published.prec, SD_PREC_NONE);
    free_docs(docs, n);
}

static void test_jsonl_unicode_escapes_decoded_and_id_defaults_to_line(void)
{
    sd_doc *docs[MAX_DOCS];
    int n = load_corpus(docs);
    CU_ASSERT_EQUAL_FATAL(n, 8);
    /* line 8 is blank: the 8th document is line 9 */
    CU_ASSERT_STRING_EQUAL(docs[7]->id, "corpus:9");
    CU_ASSERT_STRING_EQUAL(docs[7]->origin, BAD("corpus.jsonl") ":9");
    CU_ASSERT_STRING_EQUAL(docs[7]->text, "سازمان پیمان امنیت جمعی");
    free_docs(docs, n);
}

static void test_jsonl_text_over_the_limit_rejected(void)
{
    write_file(SD_TEST_TMP "/ingest-big.jsonl", "{\"id\": \"big\", \"text\": \"0123456789abcdef\"}\n");
    sd_doc *d = ingest_one(SD_TEST_TMP "/ingest-big.jsonl", 10);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL(d->status, SD_DOC_REJECTED);
    CU_ASSERT_STRING_EQUAL(d->reject_reason, SD_TEST_TMP "/ingest-big.jsonl:1: 16 bytes exceeds "
                                             "the 10-byte limit (--max-bytes)");
    sd_doc_free(d);
}

static void test_jsonl_crlf_lines_and_datetime_published_accepted(void)
{
    write_file(SD_TEST_TMP "/ingest-crlf.jsonl",
               "\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"متن\", \"published\": \"2019-05-14T10:30:00Z\"}\r\n");
    sd_doc *d = ingest_one(SD_TEST_TMP "/ingest-crlf.jsonl", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL(d->status, SD_DOC_OK);
    CU_ASSERT_STRING_EQUAL(d->text, "متن");
    CU_ASSERT_EQUAL(d->published.d, 14);
    sd_doc_free(d);
}

static void test_jsonl_without_records_rejected_as_empty_corpus(void)
{
    write_file(SD_TEST_TMP "/ingest-blank.jsonl", "\n  \n");
    assert_rejected(SD_TEST_TMP "/ingest-blank.jsonl", 0,
                    SD_TEST_TMP "/ingest-blank.jsonl: empty corpus (no JSON lines)", -1);
}

/* ---------------------------------------------------------------- accepted files and sidecars */

static void test_bom_crlf_file_keeps_original_bytes_and_hash(void)
{
    size_t len = 0;
    char *raw = sd_test_read_file(BAD("bom-crlf.txt"), &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(raw);
    sd_doc *d = ingest_one(BAD("bom-crlf.txt"), 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL(d->status, SD_DOC_OK);
    CU_ASSERT_EQUAL(d->len, len);
    CU_ASSERT(d->text != NULL && memcmp(d->text, raw, len) == 0);
    /* sha256sum fixtures/bad-input/bom-crlf.txt */
    CU_ASSERT_STRING_EQUAL(d->sha256, "455f26f68fd4b4638618ade377d02d08cf3d1ef5e312e1fb7ddd423eb92344f4");
    CU_ASSERT_STRING_EQUAL(d->id, "bom-crlf");
    free(raw);
    sd_doc_free(d);
}

static void test_sidecar_metadata_attached(void)
{
    sd_doc *d = ingest_one(BAD("with-meta.txt"), 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL(d->status, SD_DOC_OK);
    CU_ASSERT_STRING_EQUAL(d->id, "csto-yerevan-meeting");
    CU_ASSERT_STRING_EQUAL(d->origin, BAD("with-meta.txt"));
    CU_ASSERT_STRING_EQUAL(d->source, "IRNA");
    CU_ASSERT_STRING_EQUAL(d->url, "https://example.org/news/1");
    CU_ASSERT_STRING_EQUAL(d->title, "نشست ایروان");
    CU_ASSERT_STRING_EQUAL(d->note, "sidecar metadata is attached to the document");
    CU_ASSERT_STRING_EQUAL(d->published_from, "meta");
    CU_ASSERT_EQUAL(d->published.prec, SD_PREC_DAY);
    CU_ASSERT_EQUAL(d->published.y, 2019);
    sd_doc_free(d);
}

static void test_malformed_sidecar_rejects_document_naming_sidecar(void)
{
    sd_doc *d = ingest_one(BAD("bad-meta.txt"), 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL(d->status, SD_DOC_REJECTED);
    CU_ASSERT_STRING_EQUAL(d->id, "bad-meta");
    CU_ASSERT_STRING_EQUAL(d->reject_reason,
                           BAD("bad-meta.meta.json") ": malformed JSON at line 4, column 1");
    sd_doc_free(d);
}

static void test_seed_articles_load_with_file_name_ids(void)
{
    sd_doc *docs[MAX_DOCS];
    const char *in[] = { SD_TEST_FIXTURES "/articles/000_aa12c8155f0d4d94.txt",
                         SD_TEST_FIXTURES "/articles/002_bbfa5220e0d216f8.txt",
                         SD_TEST_FIXTURES "/articles/004_6644079558f78279.txt" };
    int n = ingest_all(in, 3, 0, docs, NULL);
    CU_ASSERT_EQUAL_FATAL(n, 3);
    static const char *const ids[] = { "000_aa12c8155f0d4d94", "002_bbfa5220e0d216f8",
                                       "004_6644079558f78279" };
    for (int i = 0; i < 3; i++) {
        CU_ASSERT_EQUAL(docs[i]->status, SD_DOC_OK);
        CU_ASSERT_STRING_EQUAL(docs[i]->id, ids[i]);
        CU_ASSERT_EQUAL(strlen(docs[i]->sha256), 64);
    }
    free_docs(docs, n);
}

/* ---------------------------------------------------------------- folders */

static void make_walk_tree(void)
{
    make_dir(WALK);
    make_dir(WALK "/sub");
    make_dir(WALK "/.git");
    write_file(WALK "/b.txt", "ب\n");
    write_file(WALK "/a.md", "الف\n");
    write_file(WALK "/Z.txt", "زد\n");
    write_file(WALK "/خبر.txt", "خبر\n");
    write_file(WALK "/notes.pdf", "%PDF-1.4\n");
    write_file(WALK "/.hidden.txt", "پنهان\n");
    write_file(WALK "/.git/x.txt", "x\n");
    write_file(WALK "/corpus.jsonl", "{\"id\": \"j1\", \"text\": \"یک\"}\n{\"id\": \"j2\", \"text\": \"دو\"}\n");
    write_file(WALK "/sub/c.txt", "ج\n");
    write_file(WALK "/sub/c.meta.json", "{\"id\": \"sub-c\"}\n");
}

static void test_folder_walk_is_recursive_and_byte_sorted(void)
{
    make_walk_tree();
    sd_doc *docs[MAX_DOCS];
    const char *in[] = { WALK };
    int n = ingest_all(in, 1, 0, docs, NULL);
    static const char *const ids[] = { "Z", "a", "b", "j1", "j2", "sub-c", "خبر" };
    CU_ASSERT_EQUAL_FATAL(n, 7);
    for (int i = 0; i < n; i++) {
        CU_ASSERT_STRING_EQUAL(docs[i]->id, ids[i]);
        CU_ASSERT_EQUAL(docs[i]->status, SD_DOC_OK);
    }
    CU_ASSERT_STRING_EQUAL(docs[5]->origin, WALK "/sub/c.txt");
    free_docs(docs, n);
}

static void test_folder_walk_lists_other_files_as_skipped(void)
{
    make_walk_tree();
    sd_doc *docs[MAX_DOCS];
    const char *in[] = { WALK };
    sd_ingest *ing = NULL;
    int n = ingest_all(in, 1, 0, docs, &ing);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ing);
    /* dot-files and sidecars are neither documents nor "skipped" */
    CU_ASSERT_EQUAL(sd_ingest_skipped_count(ing), 1);
    CU_ASSERT_STRING_EQUAL(sd_ingest_skipped(ing, 0), WALK "/notes.pdf");
    CU_ASSERT_PTR_NULL(sd_ingest_skipped(ing, 1));
    sd_ingest_close(ing);
    free_docs(docs, n);
}

static void test_inputs_are_visited_in_the_order_given(void)
{
    sd_doc *docs[MAX_DOCS];
    const char *in[] = { BAD("nul.txt"), SD_TEST_FIXTURES "/articles/000_aa12c8155f0d4d94.txt" };
    int n = ingest_all(in, 2, 0, docs, NULL);
    CU_ASSERT_EQUAL_FATAL(n, 2);
    CU_ASSERT_STRING_EQUAL(docs[0]->id, "nul");
    CU_ASSERT_STRING_EQUAL(docs[1]->id, "000_aa12c8155f0d4d94");
    free_docs(docs, n);
}

static void test_no_inputs_is_a_usage_error(void)
{
    sd_ingest *in = NULL;
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL(sd_ingest_open(&in, NULL, 0, NULL, &err), SD_EUSAGE);
    CU_ASSERT_PTR_NULL(in);
}

/* ---------------------------------------------------------------- buffers (stdin) */

static void test_buffer_document_for_stdin(void)
{
    const char *s = "سازمان پیمان امنیت جمعی\n";
    sd_doc *d = NULL;
    sd_error err;
    sd_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(sd_doc_from_buffer(&d, "stdin", "-", s, strlen(s), 0, &err), 0);
    CU_ASSERT_EQUAL(d->status, SD_DOC_OK);
    CU_ASSERT_STRING_EQUAL(d->id, "stdin");
    CU_ASSERT_STRING_EQUAL(d->origin, "-");
    CU_ASSERT_STRING_EQUAL(d->text, s);
    char hex[65];
    sd_sha256_hex(s, strlen(s), hex);
    CU_ASSERT_STRING_EQUAL(d->sha256, hex);
    sd_doc_free(d);
}

static void test_buffer_over_the_limit_rejected(void)
{
    sd_doc *d = NULL;
    CU_ASSERT_EQUAL_FATAL(sd_doc_from_buffer(&d, "stdin", "-", "abcdefghij", 10, 4, NULL), 0);
    CU_ASSERT_EQUAL(d->status, SD_DOC_REJECTED);
    CU_ASSERT_STRING_EQUAL(d->reject_reason, "stdin: 10 bytes exceeds the 4-byte limit (--max-bytes)");
    sd_doc_free(d);
}

void sd_test_register(void)
{
    static const sd_test_case cases[] = {
        SD_TEST(test_utf8_accepts_persian_and_four_byte_sequences),
        SD_TEST(test_utf8_rejects_overlong_encodings),
        SD_TEST(test_utf8_rejects_surrogates),
        SD_TEST(test_utf8_rejects_code_points_above_10ffff),
        SD_TEST(test_utf8_rejects_sequence_truncated_at_end),
        SD_TEST(test_utf8_reports_nul_separately),
        SD_TEST(test_sha256_matches_known_vector),
        SD_TEST(test_latin1_byte_rejected_with_offset_and_value),
        SD_TEST(test_nul_byte_rejected_with_offset),
        SD_TEST(test_empty_file_rejected),
        SD_TEST(test_file_over_the_limit_rejected_before_reading),
        SD_TEST(test_file_under_the_default_limit_is_accepted),
        SD_TEST(test_missing_path_becomes_rejected_document_named_by_path),
        SD_TEST(test_jsonl_malformed_line_rejected_with_column),
        SD_TEST(test_jsonl_line_without_text_rejected),
        SD_TEST(test_jsonl_escaped_nul_in_text_rejected),
        SD_TEST(test_jsonl_invalid_utf8_in_text_rejected),
        SD_TEST(test_jsonl_impossible_published_date_rejected),
        SD_TEST(test_jsonl_good_lines_still_load),
        SD_TEST(test_jsonl_published_comes_from_the_line),
        SD_TEST(test_jsonl_unicode_escapes_decoded_and_id_defaults_to_line),
        SD_TEST(test_jsonl_text_over_the_limit_rejected),
        SD_TEST(test_jsonl_crlf_lines_and_datetime_published_accepted),
        SD_TEST(test_jsonl_without_records_rejected_as_empty_corpus),
        SD_TEST(test_bom_crlf_file_keeps_original_bytes_and_hash),
        SD_TEST(test_sidecar_metadata_attached),
        SD_TEST(test_malformed_sidecar_rejects_document_naming_sidecar),
        SD_TEST(test_seed_articles_load_with_file_name_ids),
        SD_TEST(test_folder_walk_is_recursive_and_byte_sorted),
        SD_TEST(test_folder_walk_lists_other_files_as_skipped),
        SD_TEST(test_inputs_are_visited_in_the_order_given),
        SD_TEST(test_no_inputs_is_a_usage_error),
        SD_TEST(test_buffer_document_for_stdin),
        SD_TEST(test_buffer_over_the_limit_rejected),
        SD_TEST_END,
    };
    sd_test_add_suite("ingest", cases);
}
