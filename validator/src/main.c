/* sanad: fact-check Persian news about the CSTO against a curated reference model.
 * This file is the command line only: it parses options, wires the modules together and
 * turns statuses into exit codes. */
#include "cache.h"
#include "changed.h"
#include "check.h"
#include "cmd_model.h"
#include "cmd_score.h"
#include "gazetteer.h"
#include "model.h"
#include "patterns.h"
#include "reconcile.h"
#include "render.h"
#include "report.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char usage_text[] =
    "usage: sanad COMMAND [OPTIONS] [INPUT...]\n"
    "\n"
    "Commands:\n"
    "  check [INPUT...]        extract claims, verify them against the model, reconcile sources\n"
    "  extract [INPUT...]      claims only, as claims JSONL (sanad-claim/1)\n"
    "  score --gold G --pred P score an extractor's claims against gold claims (sanad score --help)\n"
    "  model lint [MODEL]      validate a reference model (sanad model --help)\n"
    "\n"
    "INPUT is a file, a folder (read recursively in sorted order: *.txt and *.md articles with\n"
    "optional NAME.meta.json sidecars, *.jsonl corpora), or - for stdin. Default: the bundled\n"
    "fixtures/articles.\n"
    "\n"
    "Options for check and extract:\n"
    "  --model FILE        reference model (default: the bundled CSTO model)\n"
    "  --patterns FILE     claim patterns (default: the bundled validator/data/patterns/claims.json)\n"
    "  --format FMT        text (default), json, jsonl (claims), junit, sarif or html\n"
    "  --output FILE       write the report to FILE (atomically: temp file + rename)\n"
    "  --fail-on LIST      finding types that fail the run: refuted, conflict, anachronism,\n"
    "                      rejected, date_window (comma-separated), all, or none\n"
    "                      (default: refuted,conflict,anachronism)\n"
    "  --as-of DATE        read undated articles as of DATE (YYYY[-MM[-DD]]): present-tense claims\n"
    "                      and implicit years are judged at that date\n"
    "  --baseline FILE     known findings (sanad-baseline/1) that do not fail the run\n"
    "  --write-baseline FILE  write every current finding to FILE as a new baseline\n"
    "  --max-bytes N       reject documents larger than N bytes (default 8388608)\n"
    "  --claims-cache DIR  keep each document's result in DIR, keyed by the document's SHA-256,\n"
    "                      the model's and the pattern file's hashes; a document found there is\n"
    "                      not checked again (the report is the same as without the cache)\n"
    "  --changed-from FILE incremental run (needs --claims-cache): FILE lists changed paths,\n"
    "                      one a line, as from `git diff --name-only` ('#' comments and\n"
    "                      non-document paths ignored). Listed documents are checked fully; the\n"
    "                      other documents of INPUT come from the cache, so the conflicts still\n"
    "                      span the whole corpus; a listed document that no longer exists is\n"
    "                      reported as removed\n"
    "  -q, --quiet         no progress line (documents, docs/s, time left) or cache summary\n"
    "                      on stderr (the progress line is shown only on a terminal)\n"
    "  -h, --help          this text;  --version  the version\n"
    "\n"
    "Exit codes: 0 no finding of a --fail-on type; 1 such findings (or an expired baseline\n"
    "entry); 2 usage, model or pattern error; 3 some input was rejected and nothing worse.\n";

typedef struct cli {
    const char *model_path, *patterns_path, *format, *output, *baseline, *write_baseline;
    const char *changed_from, *claims_cache;
    int fail_on;
    sd_date as_of;
    size_t max_bytes;
    bool quiet;
    const char **inputs;
    size_t ninputs;
} cli;

__attribute__((format(printf, 1, 2))) static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "sanad: ");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n(see sanad --help)\n");
    return SD_EXIT_USAGE;
}

static int parse_args(int argc, char **argv, cli *o)
{
    memset(o, 0, sizeof *o);
    o->format = "text";
    o->fail_on = SD_FAIL_DEFAULT;
    o->inputs = calloc((size_t)argc + 1, sizeof(char *));
    if (o->inputs == NULL)
        return usage_error("%s", "out of memory");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *const with_value[] = {"--model", "--patterns", "--format", "--output",
                                          "--fail-on", "--as-of", "--baseline",
                                          "--write-baseline", "--max-bytes",
                                          "--changed-from", "--claims-cache"};
        bool takes = false;
        for (size_t k = 0; k < sizeof with_value / sizeof with_value[0]; k++)
            if (strcmp(a, with_value[k]) == 0)
                takes = true;
        if (takes && i + 1 >= argc)
            return usage_error("%s needs a value", a);
        const char *v = takes ? argv[++i] : NULL;
        if (strcmp(a, "--model") == 0)
            o->model_path = v;
        else if (strcmp(a, "--patterns") == 0)
            o->patterns_path = v;
        else if (strcmp(a, "--format") == 0) {
            static const char *const fmts[] = {"text", "json", "jsonl", "junit", "sarif", "html"};
            bool ok = false;
            for (size_t k = 0; k < sizeof fmts / sizeof fmts[0]; k++)
                ok = ok || strcmp(v, fmts[k]) == 0;
            if (!ok)
                return usage_error("unknown format '%s' (text, json, jsonl, junit, sarif, html)", v);
            o->format = v;
        } else if (strcmp(a, "--output") == 0)
            o->output = v;
        else if (strcmp(a, "--fail-on") == 0) {
            o->fail_on = sd_fail_on_parse(v);
            if (o->fail_on < 0)
                return usage_error("unknown --fail-on value '%s'", v);
        } else if (strcmp(a, "--as-of") == 0) {
            if (sd_date_parse_iso(v, &o->as_of) != 0)
                return usage_error("--as-of '%s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", v);
        } else if (strcmp(a, "--baseline") == 0)
            o->baseline = v;
        else if (strcmp(a, "--write-baseline") == 0)
            o->write_baseline = v;
        else if (strcmp(a, "--changed-from") == 0)
            o->changed_from = v;
        else if (strcmp(a, "--claims-cache") == 0)
            o->claims_cache = v;
        else if (strcmp(a, "--max-bytes") == 0) {
            char *end = NULL;
            unsigned long long n = strtoull(v, &end, 10);
            if (end == v || *end != '\0' || n == 0)
                return usage_error("--max-bytes '%s' is not a positive number", v);
            o->max_bytes = (size_t)n;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)
            o->quiet = true;
        else if (a[0] == '-' && a[1] != '\0')
            return usage_error("unknown option '%s'", a);
        else
            o->inputs[o->ninputs++] = a;
    }
    if (o->changed_from != NULL && o->claims_cache == NULL)
        return usage_error("%s", "--changed-from needs --claims-cache DIR (where the other "
                                 "documents' results are kept)");
    return SD_EXIT_OK;
}

/* Write through a temp file and rename, so a reader never sees half a report. */
typedef struct sink {
    FILE *f;
    char *tmp;
    const char *final;
} sink;

static int sink_open(sink *s, const char *path)
{
    memset(s, 0, sizeof *s);
    if (path == NULL) {
        s->f = stdout;
        return 0;
    }
    s->tmp = sd_temp_template(path);
    if (s->tmp == NULL)
        return -1;
    int fd = mkstemp(s->tmp);
    if (fd < 0 || (s->f = fdopen(fd, "wb")) == NULL) {
        fprintf(stderr, "sanad: %s: cannot write the output file\n", path);
        if (fd >= 0)
            close(fd);
        free(s->tmp);
        s->tmp = NULL;
        return -1;
    }
    s->final = path;
    return 0;
}

static int sink_close(sink *s, bool keep)
{
    if (s->f == NULL || s->f == stdout) {
        if (s->f != NULL)
            fflush(s->f);
        return 0;
    }
    int rc = fclose(s->f);
    if (keep && rc == 0 && rename(s->tmp, s->final) == 0) {
        free(s->tmp);
        return 0;
    }
    if (keep)
        fprintf(stderr, "sanad: %s: cannot write the output file\n", s->final);
    unlink(s->tmp);
    free(s->tmp);
    return -1;
}

static void print_error(const sd_error *err)
{
    char buf[2048];
    sd_error_format(err, buf, sizeof buf);
    fprintf(stderr, "sanad: %s\n", buf);
}

static sd_date today(void)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    return sd_date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* The streaming report's state, handed to the pipeline's per-document callback. */
typedef struct stream_ctx {
    const sd_model *model;
    sd_report_writer *writer;
    sink sink;
    bool open, failed;
    sd_error err;
} stream_ctx;

static int stream_document(sd_doc_result *r, void *user)
{
    stream_ctx *sc = user;
    if (r->rejected)
        fprintf(stderr, "sanad: rejected: %s\n", r->reject_reason);
    sd_error_clear(&sc->err);
    if (sc->writer == NULL) {
        /* Claims JSONL: written and released; nothing of the document stays. */
        if (sd_report_write_document_claims(r, sc->sink.f, &sc->err) != SD_OK) {
            sc->failed = true;
            return 1;
        }
        char *id = r->id;
        bool rejected = r->rejected;
        r->id = NULL;
        sd_doc_result_clear(r);
        r->id = id;
        r->rejected = rejected;
        return 0;
    }
    if (sd_reconcile_window(sc->model, r, &sc->err) != SD_OK ||
        sd_report_writer_document(sc->writer, r, &sc->err) != SD_OK) {
        sc->failed = true;
        return 1;
    }
    sd_reconcile_compact(r);
    return 0;
}

static int run_check(int argc, char **argv, bool extract_only)
{
    cli o;
    int rc = parse_args(argc, argv, &o);
    if (rc != SD_EXIT_OK) {
        free(o.inputs);
        return rc;
    }
    static char default_input[1100];
    if (o.ninputs == 0) {
        snprintf(default_input, sizeof default_input, "%s/articles", SANAD_SOURCE_FIXTURES_DIR);
        o.inputs[o.ninputs++] = default_input;
    }
    if (o.model_path == NULL)
        o.model_path = sd_model_default_path();
    if (o.patterns_path == NULL)
        o.patterns_path = sd_patterns_default_path();
    if (extract_only)
        o.format = "jsonl";

    sd_error err;
    sd_error_clear(&err);
    sd_model *model = NULL;
    sd_patterns *patterns = NULL;
    sd_gazetteer *gz = NULL;
    sd_baseline *baseline = NULL;
    sd_check_results res = {0};
    sd_changed changed = {0};
    sd_cache *cache = NULL;
    cJSON *removed = NULL;
    cJSON *report = NULL;
    stream_ctx sc = {0};
    int exit_code = SD_EXIT_USAGE;

    if (sd_model_load(&model, o.model_path, &err) != SD_OK ||
        sd_patterns_load(&patterns, o.patterns_path, &err) != SD_OK ||
        sd_gazetteer_build(&gz, model, &err) != SD_OK ||
        (o.baseline != NULL && sd_baseline_load(&baseline, o.baseline, &err) != SD_OK)) {
        print_error(&err);
        goto out;
    }
    if (o.changed_from != NULL && sd_changed_load(o.changed_from, &changed, &err) != SD_OK) {
        print_error(&err);
        goto out;
    }
    if (o.claims_cache != NULL) {
        /* the key covers the pattern file's bytes: editing the patterns misses every entry */
        char patterns_sha[65], build_sha[65];
        /* and the executable's bytes: a rebuilt extractor does not trust the old results */
        sd_error ignored;
        if (sd_cache_file_sha256("/proc/self/exe", build_sha, &ignored) != SD_OK)
            build_sha[0] = '\0';
        if (sd_cache_file_sha256(o.patterns_path, patterns_sha, &err) != SD_OK ||
            sd_cache_open(&cache, o.claims_cache, sd_model_sha256(model), patterns_sha, build_sha,
                          &err) != SD_OK) {
            print_error(&err);
            goto out;
        }
    }
    sd_check_env env = {model, gz, patterns};
    bool html = strcmp(o.format, "html") == 0;
    sd_check_opts copts = {0};
    copts.max_bytes = o.max_bytes;
    copts.keep_text = html;
    copts.verify = !extract_only;
    copts.as_of = o.as_of;
    copts.progress = (!o.quiet && isatty(STDERR_FILENO)) ? stderr : NULL;
    copts.cache = cache;
    copts.changed = o.changed_from != NULL ? &changed : NULL;
    copts.warnings = stderr;
    /* json and text are written one document at a time (memory does not grow with the corpus);
     * junit, sarif and html need the whole tree. */
    bool jsonl = strcmp(o.format, "jsonl") == 0;
    bool streaming = jsonl || strcmp(o.format, "json") == 0 || strcmp(o.format, "text") == 0;
    sd_report_opts ropts = {0};
    ropts.model_path = o.model_path;
    ropts.fail_on = o.fail_on;
    ropts.as_of = o.as_of;
    ropts.today = today();
    ropts.baseline = baseline;
    ropts.include_text = html;
    sc.model = model;
    if (streaming) {
        bool colour = strcmp(o.format, "text") == 0 && o.output == NULL &&
                      isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL;
        if (sink_open(&sc.sink, o.output) != 0)
            goto out;
        sc.open = true;
        if (!jsonl && sd_report_writer_open(&sc.writer, model, &ropts, sc.sink.f,
                                            strcmp(o.format, "json") == 0, colour, &err) != SD_OK) {
            print_error(&err);
            goto out;
        }
        copts.on_document = stream_document;
        copts.user = &sc;
    }
    if (sd_check_run(&env, o.inputs, o.ninputs, &copts, &res, &err) != SD_OK) {
        print_error(&err);
        goto out;
    }
    if (sc.failed) {
        print_error(&sc.err);
        goto out;
    }
    if (!streaming)
        for (size_t i = 0; i < res.n; i++)
            if (res.docs[i].rejected)
                fprintf(stderr, "sanad: rejected: %s\n", res.docs[i].reject_reason);
    /* listed documents that are gone: part of the corpus when they lay under an INPUT */
    for (size_t i = 0; i < changed.n; i++) {
        const sd_changed_entry *e = &changed.items[i];
        if (e->exists || !sd_changed_within_inputs(e->canon, o.inputs, o.ninputs))
            continue;
        fprintf(stderr, "sanad: removed: %s\n", e->path);
        if (removed == NULL && (removed = cJSON_CreateArray()) == NULL)
            goto out;
        cJSON_AddItemToArray(removed, cJSON_CreateString(e->path));
    }
    if (cache != NULL && !o.quiet)
        fprintf(stderr,
                "sanad: claims cache %s: %zu documents from the cache, %zu checked (%zu listed as "
                "changed), %zu entries written%s\n",
                sd_cache_dir(cache), res.from_cache, res.checked, res.changed, res.cache_written,
                res.cache_write_failed > 0 ? " (some could not be written)" : "");

    sink s;
    if (jsonl) {
        sc.open = false;
        if (sink_close(&sc.sink, true) != 0)
            goto out;
        bool any_rejected = false;
        for (size_t i = 0; i < res.n; i++)
            any_rejected = any_rejected || res.docs[i].rejected;
        exit_code = any_rejected ? SD_EXIT_REJECTED : SD_EXIT_OK;
        goto out;
    }
    if (!streaming && sd_reconcile_windows(model, &res, &err) != SD_OK) {
        print_error(&err);
        goto out;
    }
    cJSON *conflicts = sd_reconcile_conflicts(model, &res, &err);
    if (conflicts == NULL) {
        print_error(&err);
        goto out;
    }
    if (streaming) {
        int wr = sd_report_writer_finish(sc.writer, conflicts, removed, &exit_code, &err);
        removed = NULL;
        sc.open = false;
        if (sink_close(&sc.sink, wr == SD_OK) != 0 || wr != SD_OK) {
            if (wr != SD_OK)
                print_error(&err);
            exit_code = SD_EXIT_USAGE;
            goto out;
        }
        if (o.write_baseline != NULL) {
            sink b;
            if (sink_open(&b, o.write_baseline) != 0) {
                exit_code = SD_EXIT_USAGE;
                goto out;
            }
            wr = sd_report_writer_baseline(sc.writer, b.f, &err);
            if (sink_close(&b, wr == SD_OK) != 0 || wr != SD_OK) {
                if (wr != SD_OK)
                    print_error(&err);
                exit_code = SD_EXIT_USAGE;
            }
        }
        goto out;
    }
    report = sd_report_build(model, &res, conflicts, &ropts, &err);
    if (report == NULL) {
        print_error(&err);
        goto out;
    }
    /* only when there are some, so an incremental run's report equals a full run's */
    if (removed != NULL) {
        cJSON_AddItemToObject(report, "removed", removed);
        removed = NULL;
    }
    if (sink_open(&s, o.output) != 0)
        goto out;
    int wr = SD_OK;
    if (strcmp(o.format, "junit") == 0) {
        wr = sd_render_junit(report, s.f, &err);
    } else if (strcmp(o.format, "sarif") == 0) {
        wr = sd_render_sarif(report, s.f, &err);
    } else {
        wr = sd_render_html(report, model, s.f, &err);
    }
    if (sink_close(&s, wr == SD_OK) != 0 || wr != SD_OK) {
        if (wr != SD_OK)
            print_error(&err);
        goto out;
    }
    if (o.write_baseline != NULL) {
        sink b;
        if (sink_open(&b, o.write_baseline) != 0)
            goto out;
        wr = sd_baseline_write(report, b.f, &err);
        if (sink_close(&b, wr == SD_OK) != 0 || wr != SD_OK) {
            if (wr != SD_OK)
                print_error(&err);
            goto out;
        }
    }
    exit_code = sd_report_exit_code(report);
out:
    if (sc.open)
        sink_close(&sc.sink, false);
    sd_report_writer_free(sc.writer);
    cJSON_Delete(report);
    cJSON_Delete(removed);
    sd_check_results_free(&res);
    sd_cache_close(cache);
    sd_changed_free(&changed);
    sd_baseline_free(baseline);
    sd_gazetteer_free(gz);
    sd_patterns_free(patterns);
    sd_model_free(model);
    free(o.inputs);
    return exit_code;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return SD_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage_text, stdout);
        return SD_EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0) {
        puts("sanad " SANAD_VERSION);
        return SD_EXIT_OK;
    }
    for (int i = 2; i < argc; i++)
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            if (strcmp(cmd, "check") == 0 || strcmp(cmd, "extract") == 0) {
                fputs(usage_text, stdout);
                return SD_EXIT_OK;
            }
        }
    if (strcmp(cmd, "check") == 0)
        return run_check(argc - 1, argv + 1, false);
    if (strcmp(cmd, "extract") == 0)
        return run_check(argc - 1, argv + 1, true);
    if (strcmp(cmd, "score") == 0)
        return sd_cmd_score(argc - 1, argv + 1, stdout, stderr);
    if (strcmp(cmd, "model") == 0)
        return sd_cmd_model(argc - 1, argv + 1, stdout, stderr);
    fprintf(stderr, "sanad: unknown command '%s'\n", cmd);
    fputs(usage_text, stderr);
    return SD_EXIT_USAGE;
}
