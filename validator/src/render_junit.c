/* render_junit: the report as JUnit XML for CI dashboards (validator/data/schema/junit.xsd).
 * One testcase per document; each unsuppressed finding and each conflict the document takes
 * part in is a <failure>; suppressed findings are listed in <system-out>, not failed. */
#include "render.h"

#include "escape.h"
#include "render_common.h"

#include <string.h>

/* Writes attribute name="escaped value". */
static void junit_attr(FILE *out, const char *name, const char *value)
{
    fprintf(out, " %s=\"", name);
    sd_escape_xml_str(out, value ? value : "", true);
    fputc('"', out);
}

static void junit_evidence(FILE *out, const cJSON *ev)
{
    const char *text = sd_rj_str(ev, "text");
    long line = sd_rj_long(ev, "line", 0), col = sd_rj_long(ev, "column", 0);

    if (ev == NULL)
        return;
    if (line > 0)
        fprintf(out, "line %ld, column %ld: ", line, col);
    fputs("\xC2\xAB", out); /* « » around the quoted article text */
    sd_escape_xml_str(out, text, false);
    fputs("\xC2\xBB\n", out);
}

static void junit_finding(FILE *out, const cJSON *f)
{
    const char *claim = sd_rj_str(f, "claim"), *fp = sd_rj_str(f, "fingerprint");

    fputs("      <failure", out);
    junit_attr(out, "message", sd_rj_str(f, "message"));
    junit_attr(out, "type", sd_rj_str(f, "type"));
    fputs(">", out);
    junit_evidence(out, sd_rj_obj(f, "evidence"));
    if (claim) {
        fputs("claim: ", out);
        sd_escape_xml_str(out, claim, false);
        fputc('\n', out);
    }
    if (fp) {
        fputs("fingerprint: ", out);
        sd_escape_xml_str(out, fp, false);
        fputc('\n', out);
    }
    fputs("</failure>\n", out);
}

static void junit_conflict(FILE *out, const cJSON *c)
{
    const cJSON *side;
    const char *fp = sd_rj_str(c, "fingerprint"), *key = sd_rj_str(c, "key");

    fputs("      <failure", out);
    junit_attr(out, "message", sd_rj_str(c, "message"));
    junit_attr(out, "type", "conflict");
    fputs(">", out);
    if (key) {
        fputs("key: ", out);
        sd_escape_xml_str(out, key, false);
        fputc('\n', out);
    }
    cJSON_ArrayForEach(side, sd_rj_arr(c, "sides")) {
        const char *verdict = sd_rj_str(side, "verdict");
        fputs("side ", out);
        sd_escape_xml_str(out, sd_rj_str(side, "claim"), false);
        fputs(": ", out);
        sd_escape_xml_str(out, sd_rj_str(side, "value"), false);
        if (verdict) {
            fputs(" (", out);
            sd_escape_xml_str(out, verdict, false);
            fputc(')', out);
        }
        fputs("\n  ", out);
        junit_evidence(out, sd_rj_obj(side, "evidence"));
    }
    if (fp) {
        fputs("fingerprint: ", out);
        sd_escape_xml_str(out, fp, false);
        fputc('\n', out);
    }
    fputs("</failure>\n", out);
}

/* The conflicts the document takes part in that it does not already record as findings;
 * calls emit (when out != NULL) and returns how many. */
static long junit_doc_conflicts(const cJSON *report, const cJSON *doc, FILE *out)
{
    const char *id = sd_rj_str(doc, "id");
    const cJSON *c, *side;
    long n = 0;

    if (id == NULL)
        return 0;
    cJSON_ArrayForEach(c, sd_rj_arr(report, "conflicts")) {
        bool involved = false;
        cJSON_ArrayForEach(side, sd_rj_arr(c, "sides")) {
            const char *sdoc = sd_rj_str(side, "doc");
            if (sdoc && strcmp(sdoc, id) == 0
                && !sd_render_doc_has_conflict_finding(doc, sd_rj_str(side, "claim")))
                involved = true;
        }
        if (involved) {
            n++;
            if (out)
                junit_conflict(out, c);
        }
    }
    return n;
}

static long junit_doc_failures(const cJSON *report, const cJSON *doc)
{
    const cJSON *f;
    long n = sd_render_doc_needs_rejected(doc) ? 1 : 0;

    cJSON_ArrayForEach(f, sd_rj_arr(doc, "findings"))
        if (!sd_rj_true(f, "suppressed"))
            n++;
    return n + junit_doc_conflicts(report, doc, NULL);
}

static void junit_suite_attrs(FILE *out, long tests, long failures)
{
    junit_attr(out, "name", "sanad");
    fprintf(out, " tests=\"%ld\" failures=\"%ld\" errors=\"0\" skipped=\"0\" time=\"0\"", tests,
            failures);
}

int sd_render_junit(const cJSON *report, FILE *out, sd_error *err)
{
    const cJSON *docs, *doc, *f;
    long tests = 0, failed = 0;
    int rc = sd_render_check_report(report, err);

    if (rc < 0)
        return rc;
    docs = sd_rj_arr(report, "documents");
    cJSON_ArrayForEach(doc, docs) {
        tests++;
        if (junit_doc_failures(report, doc) > 0)
            failed++;
    }

    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites", out);
    junit_suite_attrs(out, tests, failed);
    fputs(">\n  <testsuite", out);
    junit_suite_attrs(out, tests, failed);
    fputs(">\n", out);
    cJSON_ArrayForEach(doc, docs) {
        bool suppressed_any = false;

        fputs("    <testcase", out);
        junit_attr(out, "name", sd_rj_str(doc, "id"));
        junit_attr(out, "classname", "sanad.check");
        fputs(" time=\"0\"", out);
        if (junit_doc_failures(report, doc) == 0 && sd_rj_arr(doc, "findings") == NULL) {
            fputs("/>\n", out);
            continue;
        }
        fputs(">\n", out);
        if (sd_render_doc_needs_rejected(doc)) {
            const char *reason = sd_rj_str(doc, "reject_reason");
            fputs("      <failure", out);
            junit_attr(out, "message", reason ? reason : "document rejected");
            junit_attr(out, "type", "rejected");
            fputs("/>\n", out);
        }
        cJSON_ArrayForEach(f, sd_rj_arr(doc, "findings")) {
            if (sd_rj_true(f, "suppressed"))
                suppressed_any = true;
            else
                junit_finding(out, f);
        }
        junit_doc_conflicts(report, doc, out);
        if (suppressed_any) {
            /* Known findings (baseline) stay visible without failing the build. */
            fputs("      <system-out>", out);
            cJSON_ArrayForEach(f, sd_rj_arr(doc, "findings")) {
                if (!sd_rj_true(f, "suppressed"))
                    continue;
                fputs("suppressed ", out);
                sd_escape_xml_str(out, sd_rj_str(f, "type"), false);
                fputs(": ", out);
                sd_escape_xml_str(out, sd_rj_str(f, "message"), false);
                if (sd_rj_str(f, "fingerprint")) {
                    fputs(" [", out);
                    sd_escape_xml_str(out, sd_rj_str(f, "fingerprint"), false);
                    fputc(']', out);
                }
                fputc('\n', out);
            }
            fputs("</system-out>\n", out);
        }
        fputs("    </testcase>\n", out);
    }
    fputs("  </testsuite>\n</testsuites>\n", out);
    return sd_render_check_stream(out, err);
}
