#include "analyze.h"

#include <stdlib.h>
#include <string.h>

/* A dateline is looked for only near the top: past the headline, standfirst and photo credit
 * of a typical news page, but before the body. */
#define DATELINE_MAX_SENTENCE 15

void sd_analysis_source_span(const sd_analysis *a, size_t fstart, size_t fend, size_t *ostart,
                             size_t *oend)
{
    sd_folded_span_to_source(&a->folded, fstart, fend, ostart, oend);
}

char *sd_analysis_source_text(const sd_analysis *a, size_t fstart, size_t fend)
{
    size_t os, oe;
    sd_analysis_source_span(a, fstart, fend, &os, &oe);
    char *s = malloc(oe - os + 1);
    if (s == NULL)
        return NULL;
    memcpy(s, a->doc->text + os, oe - os);
    s[oe - os] = '\0';
    return s;
}

/* A sentence that is nothing but one full date. */
static const sd_date_mention *dateline_of(const sd_analysis *a, size_t si)
{
    const sd_sentence *s = &a->seg.sentences[si];
    for (size_t i = 0; i < a->dates.n; i++) {
        const sd_date_mention *d = &a->dates.items[i];
        if (d->first_token == s->first_token && d->ntokens == s->ntokens &&
            d->value.prec == SD_PREC_DAY && !d->anchored && !d->relative)
            return d;
    }
    return NULL;
}

static size_t find_body_end(const sd_analysis *a, const sd_patterns *pt)
{
    int end_cls = sd_patterns_class_id(pt, "boilerplate.end");
    if (end_cls < 0)
        return a->folded.len;
    for (size_t i = 0; i < a->cues.n; i++) {
        const sd_cue *c = &a->cues.items[i];
        if (c->cls != end_cls)
            continue;
        /* Only a marker standing alone on its line ends the body. */
        const sd_sentence *s = &a->seg.sentences[a->seg.tokens[c->first_token].sentence];
        if (s->first_token == c->first_token && s->ntokens == c->ntokens)
            return s->start;
    }
    return a->folded.len;
}

/* A name inside a date expression is part of the date: «روز دوشنبه» is Monday, not the city
 * of Dushanbe. */
static void drop_mentions_inside_dates(sd_analysis *a)
{
    size_t w = 0;
    for (size_t i = 0; i < a->mentions.n; i++) {
        sd_mention *m = &a->mentions.items[i];
        bool inside = false;
        for (size_t k = 0; k < a->dates.n && !inside; k++)
            inside = m->start >= a->dates.items[k].start && m->end <= a->dates.items[k].end;
        if (inside) {
            free(m->candidates);
            continue;
        }
        a->mentions.items[w++] = *m;
    }
    a->mentions.n = w;
}

int sd_analyze(const sd_doc *doc, const sd_gazetteer *gz, const sd_patterns *pt,
               sd_analysis *out, sd_error *err)
{
    memset(out, 0, sizeof *out);
    out->doc = doc;
    out->published = doc->published;
    out->published_from = doc->published_from != NULL ? doc->published_from : "";
    int rc = sd_fold(doc->text, doc->len, &out->folded, err);
    if (rc == SD_OK)
        rc = sd_segment(&out->folded, &out->seg, err);
    const sd_date *pub = out->published.prec != SD_PREC_NONE ? &out->published : NULL;
    if (rc == SD_OK)
        rc = sd_dates_find(&out->folded, &out->seg, pub, &out->dates, err);
    if (rc == SD_OK && pub == NULL) {
        size_t limit = out->seg.nsentences < DATELINE_MAX_SENTENCE ? out->seg.nsentences
                                                                   : DATELINE_MAX_SENTENCE;
        for (size_t si = 0; si < limit; si++) {
            const sd_date_mention *d = dateline_of(out, si);
            if (d == NULL)
                continue;
            out->published = d->value;
            out->published_from = "text";
            sd_date_list_free(&out->dates);
            rc = sd_dates_find(&out->folded, &out->seg, &out->published, &out->dates, err);
            break;
        }
    }
    if (rc == SD_OK)
        rc = sd_gazetteer_find(gz, &out->folded, &out->seg, &out->mentions, err);
    if (rc == SD_OK)
        rc = sd_patterns_find_cues(pt, &out->folded, &out->seg, &out->cues, err);
    if (rc == SD_OK)
        drop_mentions_inside_dates(out);
    if (rc != SD_OK) {
        sd_analysis_free(out);
        return rc;
    }
    out->body_end = find_body_end(out, pt);
    return SD_OK;
}

void sd_analysis_free(sd_analysis *a)
{
    sd_cue_list_free(&a->cues);
    sd_mention_list_free(&a->mentions);
    sd_date_list_free(&a->dates);
    sd_segments_free(&a->seg);
    sd_folded_free(&a->folded);
}
