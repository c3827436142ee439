/* claims: the typed claims sanad extracts from an article, and the verdicts it gives them.
 * A claim's arguments are a cJSON object in the sanad-claim/1 shape (see
 * validator/data/schema/CLAIMS.md), so the interchange format and the pipeline agree.
 * Ownership: an sd_article_claim owns its strings and args; sd_article_claim_list owns its claims. */
#ifndef SD_CLAIMS_H
#define SD_CLAIMS_H

#include "claim_io.h"
#include "dates.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum sd_verdict_label {
    SD_V_NONE = 0,
    SD_V_SUPPORTED,
    SD_V_REFUTED,
    SD_V_PARTLY,
    SD_V_DISPUTED,
    SD_V_UNVERIFIABLE,
    SD_V_NOT_CHECKED
} sd_verdict_label;

typedef struct sd_verdict {
    sd_verdict_label label;
    char *reason;               /* one sentence */
    char **wrong;               /* list items the record does not have */
    size_t nwrong;
    char **missing;             /* record items the claim left out */
    size_t nmissing;
    bool has_day_difference;
    long day_difference;        /* claim minus record, in days */
    const char **facts;         /* ids of the model facts used (borrowed from the model) */
    size_t nfacts;
    bool anachronism;           /* a title the person did not hold at the article's date */
} sd_verdict;

typedef struct sd_article_claim {
    char *id;                   /* "<doc>#<n>" */
    sd_claim_type type;
    char *pattern;              /* id of the rule that produced it */
    cJSON *args;                /* owned object */
    bool has_time;
    sd_date time;
    bool anchored;              /* year or date came from the publication date */
    bool from_publication;      /* no date in the sentence: the article's date stands in */
    sd_calendar calendar;
    char *time_text;            /* original text of the date expression, NULL if none */
    sd_claim_modality modality;
    size_t ev_start, ev_end;    /* evidence: original byte offsets */
    char *ev_text;              /* exact original bytes */
    size_t sentence;            /* index of the sentence it came from */
    /* Explicit dates of the sentence (titles read at publication: a title may describe the time
     * of these events, which verification takes into account). Not part of the interchange. */
    sd_date context_dates[4];
    size_t ncontext_dates;
    sd_verdict verdict;
} sd_article_claim;

typedef struct sd_article_claim_list {
    sd_article_claim *items;
    size_t n, cap;
} sd_article_claim_list;

/* Claim types and modalities are the interchange format's (claim_io.h). */
int sd_claim_modality_from_name(const char *name);        /* -1 when unknown */
const char *sd_verdict_label_name(sd_verdict_label v);

/* Append a zeroed claim; returns it or NULL on allocation failure. */
sd_article_claim *sd_article_claims_push(sd_article_claim_list *l);
void sd_article_claims_free(sd_article_claim_list *l);
void sd_article_claim_clear(sd_article_claim *c);
void sd_verdict_clear(sd_verdict *v);

/* String arguments (borrowed; NULL when absent) and list arguments. */
const char *sd_article_claim_arg(const sd_article_claim *c, const char *key);
size_t sd_article_claim_arg_list(const sd_article_claim *c, const char *key, const char **out, size_t max);

/* The sanad-claim/1 object for a claim (new tree, caller deletes). doc may be NULL. */
cJSON *sd_article_claim_to_json(const sd_article_claim *c, const char *doc_id);

#endif
