/* model: the curated reference model (sanad-model/1, see validator/data/model/FORMAT.md).
 *
 * sd_model_load validates while it loads: malformed JSON, wrong types, unknown fact types or
 * events, bad dates, an interval that ends before it starts, dangling entity or source ids,
 * duplicate ids, missing sources, nesting or size beyond the limits. The first error is
 * reported with file, line, column and JSON path ("facts[12].from: \"1992-13-01\" is not a
 * date") and loading fails with SD_EINVAL (SD_EPARSE for malformed JSON, SD_ELIMIT for limits).
 *
 * Ownership: the model owns every entity, fact and string it hands out; they stay valid until
 * sd_model_free. */
#ifndef SD_MODEL_H
#define SD_MODEL_H

#include "dates.h"
#include "error.h"

#include <stdbool.h>
#include <stddef.h>

#define SD_MODEL_MAX_BYTES (16u * 1024u * 1024u)
#define SD_MODEL_MAX_DEPTH 32

typedef enum sd_entity_type {
    SD_ENT_COUNTRY,
    SD_ENT_PERSON,
    SD_ENT_ORGANIZATION,
    SD_ENT_BODY,
    SD_ENT_CITY,
    SD_ENT_PLACE,
    SD_ENT_MEDIA
} sd_entity_type;

typedef struct sd_source {
    const char *id, *title, *url, *accessed, *publisher;
} sd_source;

typedef struct sd_entity {
    const char *id;
    sd_entity_type type;
    const char *name_fa, *name_en, *name_ru;
    const char **aliases;           /* Persian spellings besides name_fa */
    size_t naliases;
    const char **short_aliases;     /* valid only after a full mention in the same article */
    size_t nshort_aliases;
    const char *wikidata;           /* NULL when unknown */
    const char *country;            /* person: nationality; city/place: country; else NULL */
    const char *part_of;            /* body: organization; else NULL */
    sd_date born, died;             /* prec NONE when unknown */
    size_t index;                   /* position in entities[] */
} sd_entity;

typedef enum sd_fact_type {
    SD_FACT_MILESTONE,
    SD_FACT_MEMBERSHIP,
    SD_FACT_OFFICE,
    SD_FACT_SUMMIT,
    SD_FACT_STATUS,
    SD_FACT_RULE
} sd_fact_type;

typedef struct sd_alternative {
    sd_date date, from, to;         /* prec NONE when not overridden */
    const char *city;               /* NULL when not overridden */
    const char **sources;
    size_t nsources;
    const char *note;
} sd_alternative;

/* One flat record for every fact type; fields a type does not use are NULL / prec NONE. */
typedef struct sd_fact {
    const char *id;
    sd_fact_type type;
    size_t index;                   /* position in facts[] */
    const char *org;
    const char *event;              /* milestone and membership events */
    const char *country;            /* membership; office of a country */
    const char *office;             /* office type */
    const char *holder;             /* office holder (person, or country for chair) */
    bool acting;
    sd_date date;                   /* point-in-time facts */
    sd_date from, to;               /* intervals; to prec NONE = open */
    const char *city;               /* NULL when none / online */
    const char *body;               /* summit */
    const char *kind;               /* summit kind */
    const char *chair;              /* summit chair (person), may be NULL */
    const char **parties;           /* milestone parties, summit attendees */
    size_t nparties;
    const char *status;             /* status facts */
    const char *rule;               /* rule facts */
    const char **order;             /* rule order */
    size_t norder;
    const char *basis;
    int term_years;
    const char **sources;
    size_t nsources;
    sd_alternative *alternatives;
    size_t nalternatives;
    const char *note;
    const char *gap_after;          /* why the record has no successor yet (office facts), NULL */
} sd_fact;

typedef struct sd_model sd_model;

int sd_model_load(sd_model **out, const char *path, sd_error *err);
/* name is used in error messages as the file name. */
int sd_model_load_buffer(sd_model **out, const char *name, const char *buf, size_t len,
                         sd_error *err);
void sd_model_free(sd_model *m);

const char *sd_model_path(const sd_model *m);
const char *sd_model_name(const sd_model *m);
const char *sd_model_as_of(const sd_model *m);
const char *sd_model_sha256(const sd_model *m);   /* hash of the model file's bytes */

size_t sd_model_entity_count(const sd_model *m);
const sd_entity *sd_model_entity(const sd_model *m, size_t i);
const sd_entity *sd_model_find_entity(const sd_model *m, const char *id);   /* NULL if none */

size_t sd_model_fact_count(const sd_model *m);
const sd_fact *sd_model_fact(const sd_model *m, size_t i);
const sd_fact *sd_model_find_fact(const sd_model *m, const char *id);

size_t sd_model_source_count(const sd_model *m);
const sd_source *sd_model_source(const sd_model *m, size_t i);
const sd_source *sd_model_find_source(const sd_model *m, const char *id);

const char *sd_entity_type_name(sd_entity_type t);   /* "country", "person", ... */
const char *sd_fact_type_name(sd_fact_type t);       /* "milestone", ... */

/* The bundled model path: $SANAD_DATA_DIR/model/csto.json, else the source tree's
 * validator/data, else the installed data dir. Returns a static string. */
const char *sd_model_default_path(void);
/* The data directory chosen by the same rule. */
const char *sd_data_dir(void);

#endif
