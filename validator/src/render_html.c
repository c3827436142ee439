/* render_html: the report as ONE self-contained page for fact-checkers: summary, timelines,
 * each article right-to-left with its claims highlighted, claim panels, conflicts, rejected
 * documents. No network: inline style, one inline script allowed by hash in the page's
 * Content-Security-Policy, so any script that article text might smuggle in cannot run even
 * if escaping were ever wrong. Every article and model string goes through sd_escape_xml. */
#include "render.h"

#include "escape.h"
#include "render_common.h"

#include <openssl/evp.h>
#include <openssl/sha.h>
#include <stdlib.h>
#include <string.h>

/* The page's only script. It sets the title (the browser test checks that this ran and that
 * nothing from an article did) and opens a claim's panel when its highlight is selected. */
static const char html_script[] =
    "document.title = \"sanad report \\u00b7 interactive\";\n"
    "(function () {\n"
    "  function show(id) {\n"
    "    var d = id ? document.getElementById(id) : null;\n"
    "    if (d && d.tagName === \"DETAILS\") { d.open = true; d.scrollIntoView({block: \"nearest\"}); }\n"
    "  }\n"
    "  function pick(e) {\n"
    "    var t = e.target && e.target.closest ? e.target.closest(\".claim\") : null;\n"
    "    if (t && t.getAttribute(\"data-ref\")) show(t.getAttribute(\"data-ref\"));\n"
    "  }\n"
    "  document.addEventListener(\"click\", pick);\n"
    "  document.addEventListener(\"keydown\", function (e) { if (e.key === \"Enter\") pick(e); });\n"
    "  window.addEventListener(\"hashchange\", function () { show(location.hash.slice(1)); });\n"
    "  if (location.hash) show(location.hash.slice(1));\n"
    "})();\n";

/* Verdict labels: the CSS class suffix, the words shown, and the colours. */
static const struct {
    const char *label, *words, *fg, *bg;
} html_verdicts[] = {
    {"supported", "supported", "#1b5e20", "#c8e6c9"},
    {"refuted", "refuted", "#b71c1c", "#ffcdd2"},
    {"partly_supported", "partly supported", "#e65100", "#ffe0b2"},
    {"disputed", "disputed", "#4a148c", "#e1bee7"},
    {"unverifiable", "unverifiable", "#424242", "#e0e0e0"},
    {"not_checked", "not checked", "#616161", "#f5f5f5"},
};
#define HTML_NVERDICTS (sizeof html_verdicts / sizeof html_verdicts[0])

static const char html_style[] =
    "body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1140px;padding:1em;"
    "color:#222;background:#fff}\n"
    "h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;border-bottom:1px solid #ccc}\n"
    "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;"
    "text-align:left}\n"
    ".doc{border:1px solid #ddd;border-radius:6px;padding:.5em 1em;margin:1em 0}\n"
    ".meta{color:#555;font-size:.9em}\n"
    ".text{white-space:pre-wrap;font-size:1.15em;line-height:2;background:#fcfcfa;"
    "padding:.6em;border-radius:4px}\n"
    ".claim{border-bottom:2px solid;padding:0 1px;cursor:pointer;border-radius:2px}\n"
    ".claim .claim{padding:0 2px}\n"
    ".claim:focus{outline:2px solid #1565c0}\n"
    "a.ref{font-size:.7em;vertical-align:super;text-decoration:none;color:#1565c0}\n"
    ".chip{display:inline-block;padding:0 .5em;border-radius:1em;font-size:.85em;"
    "border:1px solid}\n"
    "details.cd{border-left:4px solid;margin:.4em 0;padding:.2em .6em}\n"
    "details.cd:target{outline:2px solid #1565c0}\n"
    "details.cd summary{cursor:pointer}\n"
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;margin:.4em 0}\n"
    "dt{font-weight:600}dd{margin:0}\n"
    ".ev{unicode-bidi:isolate}\n"
    ".sup{opacity:.6}\n"
    "svg.timeline{max-width:100%;height:auto;font:11px system-ui,sans-serif}\n"
    "svg .rl{fill:#333}svg .bl{fill:#fff}svg .ax{fill:#555;text-anchor:middle}\n"
    "svg .g1{stroke:#eee}svg .g5{stroke:#ccc}svg .cl{stroke:#999;stroke-opacity:.25}\n";

static void esc(FILE *out, const char *s)
{
    sd_escape_xml_str(out, s, false);
}

static void esc_attr(FILE *out, const char *s)
{
    sd_escape_xml_str(out, s, true);
}

static int html_verdict_index(const char *label)
{
    size_t i;

    for (i = 0; label != NULL && i < HTML_NVERDICTS; i++)
        if (strcmp(html_verdicts[i].label, label) == 0)
            return (int)i;
    return -1;
}

/* Class suffix for a verdict: only known labels reach the class attribute. */
static const char *html_vclass(const char *label)
{
    int i = html_verdict_index(label);

    return i >= 0 ? html_verdicts[i].label : "unknown";
}

static void html_chip(FILE *out, const char *label)
{
    int i = html_verdict_index(label);

    fprintf(out, "<span class=\"chip v-%s\">", html_vclass(label));
    esc(out, i >= 0 ? html_verdicts[i].words : (label ? label : "no verdict"));
    fputs("</span>", out);
}

/* Only http(s) URLs become links; anything else (javascript:, data:) is shown as text. */
static bool html_safe_url(const char *url)
{
    return url != NULL && (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0);
}

static void html_link(FILE *out, const char *url, const char *text)
{
    if (html_safe_url(url)) {
        fputs("<a rel=\"noopener noreferrer\" href=\"", out);
        esc_attr(out, url);
        fputs("\">", out);
        esc(out, text ? text : url);
        fputs("</a>", out);
    } else {
        esc(out, text ? text : url);
        if (url && text) {
            fputs(" (", out);
            esc(out, url);
            fputc(')', out);
        }
    }
}

static const char *html_entity_name(const sd_model *model, const char *id)
{
    const sd_entity *e = (model && id) ? sd_model_find_entity(model, id) : NULL;

    return (e && e->name_en) ? e->name_en : id;
}

/* sha256-<base64> of the script, for the Content-Security-Policy. */
static int html_script_hash(char *out, size_t outlen)
{
    unsigned char digest[SHA256_DIGEST_LENGTH];
    unsigned char b64[64];

    if (outlen < 60 || SHA256((const unsigned char *)html_script, strlen(html_script), digest)
                           == NULL)
        return -1;
    EVP_EncodeBlock(b64, digest, SHA256_DIGEST_LENGTH);
    snprintf(out, outlen, "sha256-%s", (const char *)b64);
    return 0;
}

/* Locate claim_id in the report: document index and 1-based claim number. */
static bool html_find_claim(const cJSON *report, const char *claim_id, long *di, long *ci)
{
    const cJSON *doc, *claim;
    long d = 0, c;

    if (claim_id == NULL)
        return false;
    cJSON_ArrayForEach(doc, sd_rj_arr(report, "documents")) {
        c = 0;
        cJSON_ArrayForEach(claim, sd_rj_arr(doc, "claims")) {
            const char *id = sd_rj_str(claim, "id");
            c++;
            if (id && strcmp(id, claim_id) == 0) {
                *di = d;
                *ci = c;
                return true;
            }
        }
        d++;
    }
    return false;
}

static void html_claim_link(FILE *out, const cJSON *report, const char *claim_id)
{
    long di, ci;

    if (html_find_claim(report, claim_id, &di, &ci)) {
        fprintf(out, "<a href=\"#c%ld-%ld\">", di, ci);
        esc(out, claim_id);
        fputs("</a>", out);
    } else {
        esc(out, claim_id ? claim_id : "?");
    }
}

/* ---- summary -------------------------------------------------------------------------- */

static void html_summary(FILE *out, const cJSON *report)
{
    const cJSON *sum = sd_rj_obj(report, "summary"), *v;
    const cJSON *by_verdict = sd_rj_obj(sum, "by_verdict"), *findings = sd_rj_obj(sum, "findings");
    size_t i;
    int nconf = cJSON_GetArraySize(sd_rj_arr(report, "conflicts"));

    fputs("<section id=\"summary\"><h2>Summary</h2>\n<table>\n", out);
    fprintf(out, "<tr><th>Documents</th><td>%ld</td></tr>\n<tr><th>Checked</th><td>%ld</td></tr>\n"
                 "<tr><th>Rejected</th><td>%ld</td></tr>\n<tr><th>Claims</th><td>%ld</td></tr>\n"
                 "<tr><th>Conflicts</th><td>%d</td></tr>\n</table>\n",
            sd_rj_long(sum, "documents", 0), sd_rj_long(sum, "ok", 0),
            sd_rj_long(sum, "rejected", 0), sd_rj_long(sum, "claims", 0), nconf);
    fputs("<h3>Claims by verdict</h3>\n<table>\n", out);
    for (i = 0; i < HTML_NVERDICTS; i++) {
        fputs("<tr><th>", out);
        html_chip(out, html_verdicts[i].label);
        fprintf(out, "</th><td>%ld</td></tr>\n",
                sd_rj_long(by_verdict, html_verdicts[i].label, 0));
    }
    fputs("</table>\n<h3>Findings</h3>\n<table>\n", out);
    for (i = 0; i < sd_finding_rule_count; i++) {
        fputs("<tr><th>", out);
        esc(out, sd_finding_rules[i].type);
        fputs("</th><td>", out);
        fprintf(out, "%ld", sd_rj_long(findings, sd_finding_rules[i].type, 0));
        fputs("</td><td class=\"meta\">", out);
        esc(out, sd_finding_rules[i].short_desc);
        fputs("</td></tr>\n", out);
    }
    /* Types a newer pipeline reports that this renderer has no row for. */
    cJSON_ArrayForEach(v, findings) {
        if (v->string && sd_finding_rule_index(v->string) < 0 && cJSON_IsNumber(v)) {
            fputs("<tr><th>", out);
            esc(out, v->string);
            fprintf(out, "</th><td>%ld</td><td></td></tr>\n", (long)v->valuedouble);
        }
    }
    fputs("</table>\n</section>\n", out);
}

/* ---- highlighted article text ---------------------------------------------------------- */

typedef struct html_span {
    size_t start, end;
    long number;          /* claim number, 1-based */
    const cJSON *claim;
} html_span;

static int html_span_cmp(const void *a, const void *b)
{
    const html_span *x = a, *y = b;

    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1; /* longer first: it encloses */
    return x->number < y->number ? -1 : (x->number > y->number);
}

static int html_size_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;

    return x < y ? -1 : (x > y);
}

static void html_open_span(FILE *out, const html_span *s, long di)
{
    const char *label = sd_rj_str(sd_rj_obj(s->claim, "verdict"), "label");

    fprintf(out, "<span class=\"claim v-%s\" tabindex=\"0\" data-ref=\"c%ld-%ld\" data-claim=\"",
            html_vclass(label), di, s->number);
    esc_attr(out, sd_rj_str(s->claim, "id"));
    fputs("\">", out);
}

/* Write text with every claim span highlighted. Overlapping spans are split into pieces that
 * nest properly (each piece carries the claim's class and data-claim); offsets are moved to
 * character boundaries so a bad offset cannot split a UTF-8 sequence. */
static int html_text(FILE *out, const char *text, const cJSON *doc, long di)
{
    size_t len = strlen(text), n = 0, nb = 0, i, b, depth = 0, k;
    int nclaims = cJSON_GetArraySize(sd_rj_arr(doc, "claims"));
    html_span *spans = NULL;
    size_t *bounds = NULL, *stack = NULL;
    const cJSON *claim;
    long number = 0;
    int rc = 0;

    /* +1: calloc(0) may return NULL; the text itself is always one segment */
    spans = calloc((size_t)nclaims + 1, sizeof *spans);
    bounds = calloc((size_t)nclaims * 2 + 2, sizeof *bounds);
    stack = calloc((size_t)nclaims + 1, sizeof *stack);
    if (spans == NULL || bounds == NULL || stack == NULL) {
        rc = SD_ENOMEM;
        goto out;
    }
    cJSON_ArrayForEach(claim, sd_rj_arr(doc, "claims")) {
        const cJSON *ev = sd_rj_obj(claim, "evidence");
        long s = sd_rj_long(ev, "start", -1), e = sd_rj_long(ev, "end", -1);
        number++;
        if (s < 0 || e <= s || (size_t)e > len || n >= (size_t)nclaims)
            continue;
        spans[n].start = sd_utf8_boundary(text, len, (size_t)s);
        spans[n].end = sd_utf8_boundary(text, len, (size_t)e);
        spans[n].number = number;
        spans[n].claim = claim;
        if (spans[n].end > spans[n].start)
            n++;
    }
    if (n > 0)
        qsort(spans, n, sizeof *spans, html_span_cmp);
    bounds[nb++] = 0;
    for (i = 0; i < n; i++) {
        bounds[nb++] = spans[i].start;
        bounds[nb++] = spans[i].end;
    }
    bounds[nb++] = len;
    qsort(bounds, nb, sizeof *bounds, html_size_cmp);

    for (b = 0; b + 1 < nb; b++) {
        size_t from = bounds[b], to = bounds[b + 1], keep = 0, want[64], nwant = 0;

        if (from == to)
            continue;
        /* The spans covering [from, to), outermost first (spans are sorted that way). */
        for (i = 0; i < n && nwant < 64; i++)
            if (spans[i].start <= from && spans[i].end >= to)
                want[nwant++] = i;
        while (keep < depth && keep < nwant && stack[keep] == want[keep])
            keep++;
        while (depth > keep) {
            depth--;
            fputs("</span>", out);
        }
        /* Reference links right after each claim that ended here, for reading without JS. */
        for (i = 0; i < n; i++)
            if (spans[i].end == from)
                fprintf(out, "<a class=\"ref\" href=\"#c%ld-%ld\">%ld</a>", di, spans[i].number,
                        spans[i].number);
        for (k = keep; k < nwant; k++) {
            html_open_span(out, &spans[want[k]], di);
            stack[depth++] = want[k];
        }
        sd_escape_xml(out, text + from, to - from, false);
    }
    while (depth > 0) {
        depth--;
        fputs("</span>", out);
    }
    for (i = 0; i < n; i++)
        if (spans[i].end == len)
            fprintf(out, "<a class=\"ref\" href=\"#c%ld-%ld\">%ld</a>", di, spans[i].number,
                    spans[i].number);
out:
    free(spans);
    free(bounds);
    free(stack);
    return rc;
}

/* ---- claim panels ---------------------------------------------------------------------- */

static void html_id_list(FILE *out, const sd_model *model, const cJSON *arr)
{
    const cJSON *v;
    bool first = true;

    cJSON_ArrayForEach(v, arr) {
        if (!cJSON_IsString(v))
            continue;
        if (!first)
            fputs(", ", out);
        first = false;
        esc(out, html_entity_name(model, v->valuestring));
    }
}

static void html_facts(FILE *out, const cJSON *facts)
{
    const cJSON *f, *src;

    fputs("<ul>", out);
    cJSON_ArrayForEach(f, facts) {
        bool first = true;
        fputs("<li>", out);
        esc(out, sd_rj_str(f, "summary"));
        fputs(" <span class=\"meta\">", out);
        esc(out, sd_rj_str(f, "id"));
        fputs("</span>", out);
        cJSON_ArrayForEach(src, sd_rj_arr(f, "sources")) {
            fputs(first ? " \xE2\x80\x94 sources: " : "; ", out);
            first = false;
            html_link(out, sd_rj_str(src, "url"),
                      sd_rj_str(src, "title") ? sd_rj_str(src, "title") : sd_rj_str(src, "id"));
        }
        fputs("</li>", out);
    }
    fputs("</ul>", out);
}

/* Other documents that agree (same value) or conflict (another value) with this claim, as
 * recorded by the report's conflicts. */
static void html_related(FILE *out, const cJSON *report, const char *claim_id)
{
    const cJSON *c, *side, *mine;
    bool any = false;

    cJSON_ArrayForEach(c, sd_rj_arr(report, "conflicts")) {
        const char *myvalue = NULL;
        mine = NULL;
        cJSON_ArrayForEach(side, sd_rj_arr(c, "sides")) {
            const char *claim = sd_rj_str(side, "claim");
            if (claim && claim_id && strcmp(claim, claim_id) == 0) {
                mine = side;
                myvalue = sd_rj_str(side, "value");
            }
        }
        if (mine == NULL)
            continue;
        cJSON_ArrayForEach(side, sd_rj_arr(c, "sides")) {
            const char *value = sd_rj_str(side, "value");
            bool agrees;
            if (side == mine)
                continue;
            agrees = value && myvalue && strcmp(value, myvalue) == 0;
            if (!any)
                fputs("<dt>Other documents</dt><dd><ul>", out);
            any = true;
            fputs(agrees ? "<li>agrees: " : "<li>conflicts: ", out);
            esc(out, sd_rj_str(side, "doc"));
            fputs(" (", out);
            html_claim_link(out, report, sd_rj_str(side, "claim"));
            fputs(") says <bdi class=\"ev\">", out);
            esc(out, value);
            fputs("</bdi> ", out);
            html_chip(out, sd_rj_str(side, "verdict"));
            fputs("</li>", out);
        }
    }
    if (any)
        fputs("</ul></dd>", out);
}

static void html_claim_panel(FILE *out, const cJSON *report, const sd_model *model,
                             const cJSON *claim, long di, long number)
{
    const cJSON *verdict = sd_rj_obj(claim, "verdict"), *time = sd_rj_obj(claim, "time");
    const char *label = sd_rj_str(verdict, "label");
    const cJSON *wrong = sd_rj_arr(verdict, "wrong"), *missing = sd_rj_arr(verdict, "missing");
    char *args = NULL;

    fprintf(out, "<details class=\"cd v-%s\" id=\"c%ld-%ld\" data-claim=\"", html_vclass(label),
            di, number);
    esc_attr(out, sd_rj_str(claim, "id"));
    fprintf(out, "\"><summary>%ld. ", number);
    html_chip(out, label);
    fputs(" <code>", out);
    esc(out, sd_rj_str(claim, "type"));
    fputs("</code> <bdi class=\"ev\" lang=\"fa\" dir=\"rtl\">\xC2\xAB", out);
    esc(out, sd_rj_str(sd_rj_obj(claim, "evidence"), "text"));
    fputs("\xC2\xBB</bdi></summary>\n<dl><dt>Claim</dt><dd>", out);
    esc(out, sd_rj_str(claim, "id"));
    fputs("</dd><dt>Verdict</dt><dd>", out);
    html_chip(out, label);
    fputs("</dd><dt>Reason</dt><dd>", out);
    esc(out, sd_rj_str(verdict, "reason") ? sd_rj_str(verdict, "reason") : "(none given)");
    fputs("</dd>", out);
    if (time) {
        fputs("<dt>Time</dt><dd>", out);
        esc(out, sd_rj_str(time, "value"));
        if (sd_rj_true(time, "anchored"))
            fputs(" (year from the publication date)", out);
        fputs("</dd>", out);
    }
    if (sd_rj_str(claim, "modality")) {
        fputs("<dt>Modality</dt><dd>", out);
        esc(out, sd_rj_str(claim, "modality"));
        fputs("</dd>", out);
    }
    if (cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(claim, "args"))) {
        args = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(claim, "args"));
        if (args) {
            fputs("<dt>Arguments</dt><dd><code>", out);
            esc(out, args);
            fputs("</code></dd>", out);
            cJSON_free(args);
        }
    }
    if (cJSON_GetArraySize(wrong) > 0) {
        fputs("<dt>Wrong</dt><dd>", out);
        html_id_list(out, model, wrong);
        fputs("</dd>", out);
    }
    if (cJSON_GetArraySize(missing) > 0) {
        fputs("<dt>Missing</dt><dd>", out);
        html_id_list(out, model, missing);
        fputs("</dd>", out);
    }
    if (cJSON_GetArraySize(sd_rj_arr(verdict, "facts")) > 0) {
        fputs("<dt>Reference facts</dt><dd>", out);
        html_facts(out, sd_rj_arr(verdict, "facts"));
        fputs("</dd>", out);
    }
    html_related(out, report, sd_rj_str(claim, "id"));
    fputs("</dl></details>\n", out);
}

/* ---- documents ------------------------------------------------------------------------- */

static void html_meta_row(FILE *out, const char *name, const char *value)
{
    if (value == NULL)
        return;
    fputs("<dt>", out);
    esc(out, name);
    fputs("</dt><dd>", out);
    esc(out, value);
    fputs("</dd>", out);
}

static void html_findings(FILE *out, const cJSON *report, const cJSON *doc)
{
    const cJSON *f;

    if (cJSON_GetArraySize(sd_rj_arr(doc, "findings")) == 0)
        return;
    fputs("<h3>Findings</h3><ul>\n", out);
    cJSON_ArrayForEach(f, sd_rj_arr(doc, "findings")) {
        bool sup = sd_rj_true(f, "suppressed");
        fputs(sup ? "<li class=\"sup\">" : "<li>", out);
        fputs("<strong>", out);
        esc(out, sd_rj_str(f, "type"));
        fputs("</strong> (", out);
        esc(out, sd_rj_str(f, "severity"));
        fputs(sup ? ", suppressed): " : "): ", out);
        esc(out, sd_rj_str(f, "message"));
        if (sd_rj_str(f, "claim")) {
            fputs(" \xE2\x80\x94 ", out);
            html_claim_link(out, report, sd_rj_str(f, "claim"));
        }
        fputs("</li>\n", out);
    }
    fputs("</ul>\n", out);
}

static int html_document(FILE *out, const cJSON *report, const sd_model *model,
                         const cJSON *doc, long di)
{
    const cJSON *pub = sd_rj_obj(doc, "published"), *win = sd_rj_obj(doc, "date_window");
    const cJSON *claim;
    const char *text = sd_rj_str(doc, "text"), *url = sd_rj_str(doc, "url");
    long number = 0;
    int rc = 0;

    fprintf(out, "<article class=\"doc\" id=\"doc-%ld\">\n<h2>", di);
    esc(out, sd_rj_str(doc, "id"));
    fputs("</h2>\n<dl class=\"meta\">", out);
    html_meta_row(out, "Title", sd_rj_str(doc, "title"));
    html_meta_row(out, "Source", sd_rj_str(doc, "source"));
    if (url) {
        fputs("<dt>URL</dt><dd>", out);
        html_link(out, url, url);
        fputs("</dd>", out);
    }
    html_meta_row(out, "File", sd_rj_str(doc, "origin"));
    if (pub) {
        fputs("<dt>Published</dt><dd>", out);
        esc(out, sd_rj_str(pub, "value"));
        fputs(" (from ", out);
        esc(out, sd_rj_str(pub, "from"));
        fputs(")</dd>", out);
    }
    if (win) {
        fputs("<dt>Date window</dt><dd>", out);
        esc(out, sd_rj_str(win, "from"));
        fputs(" \xE2\x80\x93 ", out);
        esc(out, sd_rj_str(win, "to"));
        fputs(": ", out);
        esc(out, sd_rj_str(win, "reason"));
        fputs("</dd>", out);
    }
    html_meta_row(out, "Note", sd_rj_str(doc, "note"));
    html_meta_row(out, "SHA-256", sd_rj_str(doc, "sha256"));
    fputs("</dl>\n", out);
    if (text != NULL) {
        fputs("<div class=\"text\" dir=\"rtl\" lang=\"fa\">", out);
        rc = html_text(out, text, doc, di);
        fputs("</div>\n", out);
        if (rc < 0)
            return rc;
    }
    html_findings(out, report, doc);
    if (cJSON_GetArraySize(sd_rj_arr(doc, "claims")) > 0)
        fputs("<h3>Claims</h3>\n", out);
    cJSON_ArrayForEach(claim, sd_rj_arr(doc, "claims"))
        html_claim_panel(out, report, model, claim, di, ++number);
    fputs("</article>\n", out);
    return 0;
}

static void html_conflicts(FILE *out, const cJSON *report)
{
    const cJSON *c, *side;

    if (cJSON_GetArraySize(sd_rj_arr(report, "conflicts")) == 0)
        return;
    fputs("<section id=\"conflicts\"><h2>Conflicts between documents</h2>\n<ul>\n", out);
    cJSON_ArrayForEach(c, sd_rj_arr(report, "conflicts")) {
        fputs("<li><strong>", out);
        esc(out, sd_rj_str(c, "claim_type"));
        fputs("</strong>: ", out);
        esc(out, sd_rj_str(c, "message"));
        fputs("<ul>", out);
        cJSON_ArrayForEach(side, sd_rj_arr(c, "sides")) {
            fputs("<li>", out);
            html_claim_link(out, report, sd_rj_str(side, "claim"));
            fputs(": <bdi class=\"ev\">", out);
            esc(out, sd_rj_str(side, "value"));
            fputs("</bdi> ", out);
            html_chip(out, sd_rj_str(side, "verdict"));
            fputs("</li>", out);
        }
        fputs("</ul></li>\n", out);
    }
    fputs("</ul></section>\n", out);
}

static void html_rejected(FILE *out, const cJSON *report)
{
    const cJSON *doc;
    bool any = false;

    cJSON_ArrayForEach(doc, sd_rj_arr(report, "documents")) {
        const char *status = sd_rj_str(doc, "status");
        if (status == NULL || strcmp(status, "rejected") != 0)
            continue;
        if (!any)
            fputs("<section id=\"rejected\"><h2>Rejected documents</h2>\n<ul>\n", out);
        any = true;
        fputs("<li><strong>", out);
        esc(out, sd_rj_str(doc, "id"));
        fputs("</strong> (", out);
        esc(out, sd_rj_str(doc, "origin"));
        fputs("): ", out);
        esc(out, sd_rj_str(doc, "reject_reason") ? sd_rj_str(doc, "reject_reason")
                                                 : "no reason given");
        fputs("</li>\n", out);
    }
    if (any)
        fputs("</ul></section>\n", out);
}

static void html_head(FILE *out, const char *hash)
{
    size_t i;

    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", out);
    fprintf(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                 "style-src 'unsafe-inline'; script-src '%s'; img-src 'none'; "
                 "base-uri 'none'; form-action 'none'\">\n",
            hash);
    fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"referrer\" content=\"no-referrer\">\n"
          "<title>sanad report</title>\n<style>\n",
          out);
    fputs(html_style, out);
    for (i = 0; i < HTML_NVERDICTS; i++)
        fprintf(out, ".v-%s{color:%s;border-color:%s;background:%s}\n", html_verdicts[i].label,
                html_verdicts[i].fg, html_verdicts[i].fg, html_verdicts[i].bg);
    fputs(".v-unknown{border-color:#000}\n</style>\n</head>\n<body>\n", out);
}

int sd_render_html(const cJSON *report, const sd_model *model, FILE *out, sd_error *err)
{
    const cJSON *doc, *m = sd_rj_obj(report, "model");
    char hash[80];
    long di = 0;
    int rc = sd_render_check_report(report, err);

    if (rc < 0)
        return rc;
    if (html_script_hash(hash, sizeof hash) < 0)
        return sd_error_set(err, SD_ENOMEM, "cannot hash the page script");
    html_head(out, hash);
    fputs("<header><h1>sanad report</h1>\n<p class=\"meta\">", out);
    esc(out, sd_rj_str(sd_rj_obj(report, "tool"), "name"));
    fputc(' ', out);
    esc(out, sd_rj_str(sd_rj_obj(report, "tool"), "version"));
    if (m) {
        fputs(" \xC2\xB7 model: ", out);
        esc(out, sd_rj_str(m, "name"));
        fputs(" (as of ", out);
        esc(out, sd_rj_str(m, "as_of"));
        fputs(")", out);
    }
    fputs("</p></header>\n", out);
    html_summary(out, report);
    fputs("<section id=\"timelines\"><h2>Timelines</h2>\n", out);
    sd_render_svg_timelines(out, report, model);
    fputs("<p class=\"meta\">Marks: claims at their claim time (green supported, red refuted "
          "or partly supported, grey otherwise); bars: offices and membership from the "
          "reference model; dashed: suspended or frozen.</p></section>\n",
          out);
    html_conflicts(out, report);
    fputs("<section id=\"documents\">\n", out);
    cJSON_ArrayForEach(doc, sd_rj_arr(report, "documents")) {
        const char *status = sd_rj_str(doc, "status");
        if (status == NULL || strcmp(status, "rejected") != 0) {
            rc = html_document(out, report, model, doc, di);
            if (rc < 0)
                return sd_error_set(err, rc, "out of memory rendering HTML");
        }
        di++;
    }
    fputs("</section>\n", out);
    html_rejected(out, report);
    fputs("<script>", out);
    fputs(html_script, out);
    fputs("</script>\n</body>\n</html>\n", out);
    return sd_render_check_stream(out, err);
}
