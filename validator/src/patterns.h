/* patterns: the claim-pattern file (validator/data/patterns/claims.json, sanad-patterns/1).
 *
 * The file holds a lexicon (named classes of cue phrases: membership cues, role titles,
 * modality markers), the titles that name offices, the modality markers, and the rules.
 * A rule names its claim type, the engine kind that fills its arguments (org_members,
 * country_event, person_role_event, country_chair, meeting, status, milestone, rotation,
 * attendance), the lexicon classes that must all / any / none occur in the sentence, how its
 * time is found (required, optional, publication: the sentence's date or else the article's),
 * and static arguments. The loader validates everything and reports errors with the file,
 * line, column and JSON path, like the model loader.
 * Ownership: sd_patterns owns its rules and strings; cue lists belong to the caller. */
#ifndef SD_PATTERNS_H
#define SD_PATTERNS_H

#include "claims.h"
#include "error.h"
#include "segment.h"
#include "text.h"

#include <cjson/cJSON.h>
#include <stddef.h>

typedef enum sd_rule_kind {
    SD_RULE_ORG_MEMBERS,
    SD_RULE_COUNTRY_EVENT,
    SD_RULE_PERSON_ROLE_EVENT,
    SD_RULE_COUNTRY_CHAIR,
    SD_RULE_MEETING,
    SD_RULE_STATUS,
    SD_RULE_MILESTONE,
    SD_RULE_ROTATION,
    SD_RULE_ATTENDANCE
} sd_rule_kind;

typedef enum sd_time_mode {
    SD_TIME_NONE,
    SD_TIME_OPTIONAL,
    SD_TIME_REQUIRED,
    SD_TIME_PUBLICATION
} sd_time_mode;

typedef struct sd_rule {
    char *id;
    sd_claim_type claim;
    sd_rule_kind kind;
    int *all, *any, *none;          /* lexicon class ids */
    size_t nall, nany, nnone;
    int role;                       /* class id, -1 when none */
    int date_after;                 /* class id the date must follow, -1 when none */
    sd_time_mode time;
    int min_items;
    int within;                     /* > 0: the `all` cues occur in order, each within this many
                                       tokens of the previous one (a phrase split by a name) */
    bool list_is_subject;           /* org_members: the list opens the sentence (active voice) */
    char **entities;                /* entity ids one of which must be mentioned */
    size_t nentities;
    cJSON *args;                    /* static arguments copied into every claim */
} sd_rule;

typedef struct sd_title {
    int cls;
    char *office;
} sd_title;

typedef struct sd_modality_marker {
    int cls;
    sd_claim_modality modality;
} sd_modality_marker;

typedef struct sd_cue {
    int cls;
    size_t start, end;              /* folded bytes */
    size_t first_token, ntokens;
} sd_cue;

typedef struct sd_cue_list {
    sd_cue *items;                  /* sorted by start */
    size_t n;
} sd_cue_list;

typedef struct sd_patterns sd_patterns;

int sd_patterns_load(sd_patterns **out, const char *path, sd_error *err);
int sd_patterns_load_buffer(sd_patterns **out, const char *name, const char *buf, size_t len,
                            sd_error *err);
void sd_patterns_free(sd_patterns *p);
/* $data_dir/patterns/claims.json (static string). */
const char *sd_patterns_default_path(void);

int sd_patterns_class_id(const sd_patterns *p, const char *name);   /* -1 when unknown */
const char *sd_patterns_class_name(const sd_patterns *p, int cls);
size_t sd_patterns_phrase_count(const sd_patterns *p);
const sd_rule *sd_patterns_rules(const sd_patterns *p, size_t *n);
const sd_title *sd_patterns_titles(const sd_patterns *p, size_t *n);
const sd_modality_marker *sd_patterns_modalities(const sd_patterns *p, size_t *n);

/* Every lexicon phrase in the text (longest match at each word token; a phrase in several
 * classes yields one cue per class). */
int sd_patterns_find_cues(const sd_patterns *p, const sd_folded *f, const sd_segments *seg,
                          sd_cue_list *out, sd_error *err);
void sd_cue_list_free(sd_cue_list *l);

#endif
