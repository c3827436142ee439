/* claim_io: the claims interchange format `sanad-claim/1` (one JSON object per line).
 *
 * This module reads, validates and writes claim lines, and loads whole claim files or folders
 * (every *.jsonl, recursively, in byte-wise sorted path order). The format is published as
 * validator/data/schema/sanad-claim-1.schema.json with a prose page in CLAIMS.md next to it;
 * the checks here are the schema's, plus three the schema cannot express: a date must exist in
 * the calendar, evidence.end > evidence.start, and evidence.text must be exactly
 * end - start bytes long.
 *
 * Per-type arguments are data: sd_claim_arg_specs() is the table (one row per type and key),
 * and it also marks the key arguments that pair a predicted claim with a gold one when
 * scoring (see score.h). Unknown argument keys are kept verbatim (forward compatibility) but
 * are never compared. */
#ifndef SD_CLAIM_IO_H
#define SD_CLAIM_IO_H

#include "error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define SD_CLAIM_SCHEMA "sanad-claim/1"
/* Lines longer than this are reported as malformed without being parsed. */
#define SD_CLAIM_MAX_LINE ((size_t)4 << 20)

typedef enum sd_claim_type {
    SD_CLAIM_ATTENDANCE = 0,        /* alphabetical, so type order is report order */
    SD_CLAIM_CHAIRMANSHIP,
    SD_CLAIM_FOUNDING_MEMBERS,
    SD_CLAIM_MEMBER_LIST,
    SD_CLAIM_MEMBERSHIP_EVENT,
    SD_CLAIM_OFFICE_HOLDER,
    SD_CLAIM_RAPID_REACTION_FORCE,
    SD_CLAIM_ROTATION_RULE,
    SD_CLAIM_SECRETARY_GENERAL,
    SD_CLAIM_SUMMIT,
    SD_CLAIM_UN_OBSERVER,
    SD_CLAIM_TYPE_COUNT
} sd_claim_type;

typedef enum sd_claim_modality {
    SD_MODALITY_ASSERTED = 0,
    SD_MODALITY_REPORTED,
    SD_MODALITY_HEDGED,
    SD_MODALITY_OPINION,
    SD_MODALITY_FORECAST,
    SD_MODALITY_HYPOTHETICAL,
    SD_MODALITY_COUNT
} sd_claim_modality;

typedef enum sd_claim_precision {
    SD_CLAIM_PREC_YEAR = 1,
    SD_CLAIM_PREC_MONTH = 2,
    SD_CLAIM_PREC_DAY = 3
} sd_claim_precision;

typedef enum sd_claim_calendar {
    SD_CLAIM_CAL_GREGORIAN = 0,
    SD_CLAIM_CAL_PERSIAN = 1
} sd_claim_calendar;

/* How an argument value is stored. */
typedef enum sd_claim_value_kind {
    SD_CLAIM_VALUE_STRING = 0,  /* entity id or enum word */
    SD_CLAIM_VALUE_BOOL,
    SD_CLAIM_VALUE_LIST,        /* a set of entity ids, stored sorted (byte-wise), no duplicates */
    SD_CLAIM_VALUE_RAW          /* an unknown key's value, kept as compact JSON text */
} sd_claim_value_kind;

typedef struct sd_claim_arg {
    char *key;
    sd_claim_value_kind kind;
    char *str;              /* STRING value, or RAW JSON text */
    bool boolean;           /* BOOL value */
    char **items;           /* LIST values */
    size_t n_items;
    bool known;             /* the key is defined for the claim's type (so it is compared) */
} sd_claim_arg;

typedef struct sd_claim_time {
    char value[11];         /* "1992", "1992-05" or "1992-05-15" */
    sd_claim_precision precision;
    int y, m, d;            /* parsed value; m and d are 0 below their precision */
    bool anchored;          /* the year came from the publication date (default false) */
    bool from_publication;  /* no date in the sentence: the article's date stands in */
    sd_claim_calendar calendar;   /* calendar the text used (default gregorian) */
    char *text;             /* surface text, NULL when absent */
} sd_claim_time;

typedef struct sd_claim {
    char *id;
    char *doc;
    sd_claim_type type;
    sd_claim_arg *args;     /* sorted by key */
    size_t n_args;
    bool has_time;          /* false for "time": null */
    sd_claim_time time;
    sd_claim_modality modality;
    long long ev_start, ev_end;   /* byte offsets in the original document, end exclusive */
    char *ev_text;          /* exactly ev_end - ev_start bytes */
    char *pattern;          /* NULL when absent */
    char *extractor;
} sd_claim;

/* Per-type argument table. */
typedef enum sd_claim_arg_kind {
    SD_ARGK_ENTITY = 0,     /* one entity id with a prefix from `prefixes` */
    SD_ARGK_ENTITY_SET,     /* non-empty set of entity ids (order ignored) */
    SD_ARGK_ENUM,           /* one word from `values` */
    SD_ARGK_BOOL
} sd_claim_arg_kind;

typedef struct sd_claim_arg_spec {
    sd_claim_type type;
    const char *key;
    sd_claim_arg_kind kind;
    const char *const *values;   /* ENTITY/ENTITY_SET: allowed id prefixes ("org:");
                                    ENUM: allowed words; NULL-terminated */
    bool required;
    const char *one_of;          /* non-NULL: exactly one key of this group must be present
                                    (summit and attendance: "org" or "body") */
    bool match_key;              /* key argument: pairs claims when scoring (lenient table) */
} sd_claim_arg_spec;

/* The table (n rows), ordered by type then key. */
const sd_claim_arg_spec *sd_claim_arg_specs(size_t *n);
/* The spec of key for type, or NULL when the key is not defined for it. */
const sd_claim_arg_spec *sd_claim_arg_spec_find(sd_claim_type type, const char *key);

const char *sd_claim_type_name(sd_claim_type type);
/* The type named name, or -1 when it is not a v1 type. */
int sd_claim_type_from_name(const char *name);
const char *sd_claim_modality_name(sd_claim_modality m);
const char *sd_claim_precision_name(sd_claim_precision p);
const char *sd_claim_calendar_name(sd_claim_calendar c);

void sd_claim_init(sd_claim *c);
void sd_claim_free(sd_claim *c);
/* The argument named key, or NULL. */
const sd_claim_arg *sd_claim_arg_get(const sd_claim *c, const char *key);

/* Parse and validate one line (len bytes, need not be NUL-terminated). On success fills *out
 * (caller frees with sd_claim_free) and returns 0. On failure returns SD_EPARSE (not JSON)
 * or SD_EINVAL (not a valid claim), err names the JSON path and the reason, *out is left
 * initialized-empty, and *unknown_type (may be NULL) is set when the only reason is a claim
 * type that v1 does not define. */
int sd_claim_parse(const char *line, size_t len, sd_claim *out, bool *unknown_type,
                   sd_error *err);

/* Builders for extractors: add an argument (copied; replaces any argument of that key). */
int sd_claim_set_arg_string(sd_claim *c, const char *key, const char *value, sd_error *err);
int sd_claim_set_arg_bool(sd_claim *c, const char *key, bool value, sd_error *err);
int sd_claim_set_arg_list(sd_claim *c, const char *key, const char *const *items, size_t n,
                          sd_error *err);

/* Check a built claim against the format (the same rules as sd_claim_parse). */
int sd_claim_validate(const sd_claim *c, sd_error *err);

/* Write c as one line of compact JSON ending in '\n', keys in a fixed order (schema, id, doc,
 * type, args sorted by key, time, modality, evidence, pattern, extractor). Non-ASCII text is
 * written as UTF-8, not escaped. Returns 0 or SD_EIO. */
int sd_claim_write(FILE *f, const sd_claim *c, sd_error *err);
/* Write s (len bytes) as a JSON string literal; shared by every JSON writer of claims. */
void sd_claim_write_json_string(FILE *f, const char *s, size_t len);

/* Problems met while loading: a line that is not a claim is reported and skipped. */
typedef enum sd_claim_problem_kind {
    SD_CLAIM_PROBLEM_MALFORMED = 0,     /* not JSON, or not a valid sanad-claim/1 object */
    SD_CLAIM_PROBLEM_UNKNOWN_TYPE,      /* a claim type v1 does not define */
    SD_CLAIM_PROBLEM_DUPLICATE_ID       /* id already used by an earlier claim of the set */
} sd_claim_problem_kind;

typedef struct sd_claim_problem {
    size_t file;            /* index into sd_claim_set.files */
    long line;              /* 1-based */
    sd_claim_problem_kind kind;
    char *reason;
} sd_claim_problem;

typedef struct sd_claim_set {
    char **files;           /* every file read, in reading order */
    size_t n_files;
    sd_claim *claims;       /* in reading order */
    size_t *claim_file;     /* per claim: index into files */
    long *claim_line;       /* per claim: 1-based line */
    size_t n_claims;
    sd_claim_problem *problems;   /* in reading order */
    size_t n_problems;
    size_t cap_claims, cap_problems;
} sd_claim_set;

const char *sd_claim_problem_kind_name(sd_claim_problem_kind kind);

void sd_claim_set_init(sd_claim_set *set);
void sd_claim_set_free(sd_claim_set *set);
/* Add the claims of path (a file, or a folder: every *.jsonl under it, recursively, in
 * byte-wise sorted order), opened read-only. Bad lines become problems; blank lines are
 * skipped. Returns SD_EIO when path (or a file under it) cannot be read, SD_ENOMEM. */
int sd_claim_set_load(sd_claim_set *set, const char *path, sd_error *err);
/* Mark claims whose id repeats an earlier claim's as DUPLICATE_ID problems and drop them.
 * Call once after the last load. */
int sd_claim_set_dedupe(sd_claim_set *set, sd_error *err);

#endif
