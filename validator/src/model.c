/* model: load and validate a sanad-model/1 file (see validator/data/model/FORMAT.md).
 *
 * Loading runs in three passes so that the first error reported is deterministic:
 *   1. shape: every object, field type, enum value and date (sources, entities, facts);
 *   2. duplicate ids;
 *   3. references: entity and source ids, and the type of the entity referenced.
 * The cJSON tree stays alive inside the model and every string handed out points into it. */
#include "model.h"

#include "json_locate.h"

#include <cjson/cJSON.h>
#include <openssl/evp.h>

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SCHEMA_ID "sanad-model/1"

typedef struct id_slot {
    const char *id;
    size_t idx;
} id_slot;

struct sd_model {
    char *path;                 /* file name as given, for messages */
    cJSON *root;                /* owns every string below */
    const char *name, *as_of;
    char sha256[65];
    sd_source *sources;
    size_t nsources;
    sd_entity *entities;
    size_t nentities;
    sd_fact *facts;
    size_t nfacts;
    id_slot *src_ids, *ent_ids, *fact_ids;   /* sorted by id, for bsearch */
    const cJSON **fact_nodes;   /* the JSON of each fact, for fields sd_fact does not keep */
};

/* ---- tables ------------------------------------------------------------------------------ */

typedef struct entity_type_row {
    const char *name;
    sd_entity_type type;
    const char *prefix;         /* the id must start with it */
    const char *article;        /* "a" or "an", for messages */
} entity_type_row;

static const entity_type_row entity_types[] = {
    {"country", SD_ENT_COUNTRY, "country:", "a"},
    {"person", SD_ENT_PERSON, "person:", "a"},
    {"organization", SD_ENT_ORGANIZATION, "org:", "an"},
    {"body", SD_ENT_BODY, "body:", "a"},
    {"city", SD_ENT_CITY, "city:", "a"},
    {"place", SD_ENT_PLACE, "place:", "a"},
    {"media", SD_ENT_MEDIA, "media:", "a"},
};
#define N_ENTITY_TYPES (sizeof entity_types / sizeof entity_types[0])

static const char *const milestone_events[] = {
    "treaty_signed", "treaty_in_force", "treaty_extended", "organization_decided",
    "charter_signed", "charter_in_force", "charter_registered_un", "crrf_decision",
    "crrf_agreement", "observer_partner_regulation", NULL};
static const char *const membership_events[] = {
    "signed", "acceded", "in_force", "withdrew", "suspended", "rejoined",
    "froze_participation", "founding_member", NULL};
/* Offices held in an organization; the rest are held in a country. */
static const char *const org_offices[] = {"secretary_general", "chair", NULL};
static const char *const offices[] = {
    "secretary_general", "chair", "head_of_state", "head_of_government", "foreign_minister",
    "defence_minister", NULL};
static const char *const summit_kinds[] = {
    "regular", "extraordinary", "informal", "online", "announced", NULL};
static const char *const statuses[] = {"un_observer", NULL};
static const char *const rules[] = {"sg_rotation", "chair_rotation", NULL};

enum { F_REQ = 1u, F_NULL = 2u };

typedef enum field_kind {
    FK_ENUM,    /* a string from values[] */
    FK_REF,     /* an entity id of one of types */
    FK_REFS,    /* an array of entity ids */
    FK_DATE,    /* an ISO date */
    FK_TEXT,    /* free text */
    FK_BOOL,
    FK_INT      /* a positive integer */
} field_kind;

#define ENT(t) (1u << (t))
#define NOSTORE SIZE_MAX

typedef struct field_spec {
    const char *key;
    field_kind kind;
    unsigned flags;
    size_t off;                 /* member of sd_fact, NOSTORE to validate only */
    size_t count_off;           /* FK_REFS: the count member */
    const char *const *values;  /* FK_ENUM */
    unsigned types;             /* FK_REF(S): allowed entity types, 0 = any */
    const char *what;           /* FK_ENUM: noun for messages */
} field_spec;

#define FOFF(m) offsetof(sd_fact, m)

static const field_spec milestone_fields[] = {
    {"event", FK_ENUM, F_REQ, FOFF(event), 0, milestone_events, 0, "milestone event"},
    {"org", FK_REF, F_REQ, FOFF(org), 0, NULL, ENT(SD_ENT_ORGANIZATION), NULL},
    {"date", FK_DATE, F_REQ, FOFF(date), 0, NULL, 0, NULL},
    {"city", FK_REF, F_NULL, FOFF(city), 0, NULL, ENT(SD_ENT_CITY) | ENT(SD_ENT_PLACE), NULL},
    {"parties", FK_REFS, 0, FOFF(parties), FOFF(nparties), NULL, 0, NULL},
};
static const field_spec membership_fields[] = {
    {"org", FK_REF, F_REQ, FOFF(org), 0, NULL, ENT(SD_ENT_ORGANIZATION), NULL},
    {"country", FK_REF, F_REQ, FOFF(country), 0, NULL, ENT(SD_ENT_COUNTRY), NULL},
    {"event", FK_ENUM, F_REQ, FOFF(event), 0, membership_events, 0, "membership event"},
    {"date", FK_DATE, F_REQ, FOFF(date), 0, NULL, 0, NULL},
};
/* holder's type is refined by the office (a person, or a country for chair). */
static const field_spec office_fields[] = {
    {"office", FK_ENUM, F_REQ, FOFF(office), 0, offices, 0, "office"},
    {"holder", FK_REF, F_REQ, FOFF(holder), 0, NULL, ENT(SD_ENT_PERSON) | ENT(SD_ENT_COUNTRY),
     NULL},
    {"from", FK_DATE, F_REQ, FOFF(from), 0, NULL, 0, NULL},
    {"to", FK_DATE, F_NULL, FOFF(to), 0, NULL, 0, NULL},
    {"acting", FK_BOOL, 0, FOFF(acting), 0, NULL, 0, NULL},
    {"org", FK_REF, 0, FOFF(org), 0, NULL, ENT(SD_ENT_ORGANIZATION), NULL},
    {"country", FK_REF, 0, FOFF(country), 0, NULL, ENT(SD_ENT_COUNTRY), NULL},
};
static const field_spec summit_fields[] = {
    {"body", FK_REF, F_REQ, FOFF(body), 0, NULL, ENT(SD_ENT_BODY) | ENT(SD_ENT_ORGANIZATION), NULL},
    {"date", FK_DATE, F_REQ, FOFF(date), 0, NULL, 0, NULL},
    {"city", FK_REF, F_REQ | F_NULL, FOFF(city), 0, NULL, ENT(SD_ENT_CITY) | ENT(SD_ENT_PLACE),
     NULL},
    {"kind", FK_ENUM, 0, FOFF(kind), 0, summit_kinds, 0, "summit kind"},
    {"attendees", FK_REFS, 0, FOFF(parties), FOFF(nparties), NULL, ENT(SD_ENT_PERSON), NULL},
    {"chair", FK_REF, F_NULL, FOFF(chair), 0, NULL, ENT(SD_ENT_PERSON), NULL},
};
static const field_spec status_fields[] = {
    {"status", FK_ENUM, F_REQ, FOFF(status), 0, statuses, 0, "status"},
    {"org", FK_REF, F_REQ, FOFF(org), 0, NULL, ENT(SD_ENT_ORGANIZATION), NULL},
    {"date", FK_DATE, F_REQ, FOFF(date), 0, NULL, 0, NULL},
    {"granted_by", FK_REF, 0, NOSTORE, 0, NULL, ENT(SD_ENT_ORGANIZATION) | ENT(SD_ENT_BODY), NULL},
};
static const field_spec rule_fields[] = {
    {"rule", FK_ENUM, F_REQ, FOFF(rule), 0, rules, 0, "rule"},
    {"org", FK_REF, F_REQ, FOFF(org), 0, NULL, ENT(SD_ENT_ORGANIZATION), NULL},
    {"order", FK_REFS, F_REQ, FOFF(order), FOFF(norder), NULL, ENT(SD_ENT_COUNTRY), NULL},
    {"basis", FK_TEXT, F_REQ, FOFF(basis), 0, NULL, 0, NULL},
    {"term_years", FK_INT, F_REQ, FOFF(term_years), 0, NULL, 0, NULL},
    {"from", FK_DATE, F_REQ, FOFF(from), 0, NULL, 0, NULL},
};

typedef struct fact_type_row {
    const char *name;
    sd_fact_type type;
    const field_spec *fields;
    size_t nfields;
} fact_type_row;

#define ROW(name, t, f) {name, t, f, sizeof f / sizeof f[0]}
static const fact_type_row fact_types[] = {
    ROW("milestone", SD_FACT_MILESTONE, milestone_fields),
    ROW("membership", SD_FACT_MEMBERSHIP, membership_fields),
    ROW("office", SD_FACT_OFFICE, office_fields),
    ROW("summit", SD_FACT_SUMMIT, summit_fields),
    ROW("status", SD_FACT_STATUS, status_fields),
    ROW("rule", SD_FACT_RULE, rule_fields),
};
#undef ROW
#define N_FACT_TYPES (sizeof fact_types / sizeof fact_types[0])

/* Fields every fact may carry besides its type's own. */
static const char *const fact_common_keys[] = {
    "id", "type", "sources", "note", "alternatives", "gap_after", NULL};
static const char *const root_keys[] = {
    "schema", "name", "as_of", "note", "sources", "entities", "facts", NULL};
static const char *const source_keys[] = {
    "id", "title", "url", "accessed", "publisher", "note", NULL};
static const char *const entity_keys[] = {
    "id", "type", "names", "aliases", "short_aliases", "wikidata", "country", "part_of",
    "born", "died", "note", NULL};
static const char *const name_keys[] = {"fa", "en", "ru", NULL};
static const char *const alternative_keys[] = {
    "date", "from", "to", "city", "sources", "note", NULL};

/* ---- errors ------------------------------------------------------------------------------ */

typedef struct loader {
    sd_model *m;
    const char *name;           /* file name for messages */
    const char *text;           /* the raw JSON, for locating paths */
    size_t len;
    sd_error *err;
} loader;

static int fail_at(const loader *L, int code, size_t offset, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static int fail_at(const loader *L, int code, size_t offset, const char *path, const char *fmt, ...)
{
    if (L->err == NULL)
        return code;
    char msg[sizeof L->err->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sd_error_clear(L->err);
    sd_error_set(L->err, code, "%s", msg);
    long line = 0, col = 0;
    sd_error_locate(L->text, L->len, offset, &line, &col);
    sd_error_at(L->err, L->name, line, col, -1);
    if (path != NULL && path[0] != '\0')
        sd_error_path(L->err, path);
    return code;
}

/* Report a problem with the value at path (located in the raw text). */
static int fail(const loader *L, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(const loader *L, const char *path, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t off = 0;
    sd_json_locate(L->text, L->len, path, &off);
    return fail_at(L, SD_EINVAL, off, path, "%s", msg);
}

static const char *json_type_name(const cJSON *v)
{
    if (cJSON_IsNull(v))
        return "null";
    if (cJSON_IsBool(v))
        return "a boolean";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsArray(v))
        return "an array";
    if (cJSON_IsObject(v))
        return "an object";
    return "an invalid value";
}

/* Path building by hand: snprintf's truncation warnings cannot tell that a cut path (only
 * ever shown in a message) is harmless. */
static void append(char *dst, size_t cap, size_t *n, const char *s)
{
    size_t k = strlen(s);
    if (*n + k >= cap)
        k = *n + 1 < cap ? cap - 1 - *n : 0;
    memcpy(dst + *n, s, k);
    *n += k;
    dst[*n] = '\0';
}

static void join_key(char *dst, size_t cap, const char *base, const char *key)
{
    size_t n = 0;
    dst[0] = '\0';
    append(dst, cap, &n, base);
    if (base[0] != '\0')
        append(dst, cap, &n, ".");
    append(dst, cap, &n, key);
}

static void join_index(char *dst, size_t cap, const char *base, size_t i)
{
    char num[32], *q = num + sizeof num;
    *--q = '\0';
    *--q = ']';
    do {
        *--q = (char)('0' + i % 10);
        i /= 10;
    } while (i > 0);
    *--q = '[';
    size_t n = 0;
    dst[0] = '\0';
    append(dst, cap, &n, base);
    append(dst, cap, &n, q);
}

static bool in_list(const char *const *list, const char *s)
{
    for (size_t i = 0; list[i] != NULL; i++)
        if (strcmp(list[i], s) == 0)
            return true;
    return false;
}

/* "a, b or c" from a NULL-terminated list, for messages. */
static void list_text(char *dst, size_t cap, const char *const *list)
{
    size_t n = 0, used = 0;
    while (list[n] != NULL)
        n++;
    dst[0] = '\0';
    for (size_t i = 0; i < n && used < cap; i++) {
        const char *sep = i == 0 ? "" : (i + 1 == n ? " or " : ", ");
        int w = snprintf(dst + used, cap - used, "%s%s", sep, list[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

/* ---- generic field access ---------------------------------------------------------------- */

static int expect_object(const loader *L, const cJSON *v, const char *path)
{
    if (!cJSON_IsObject(v))
        return fail(L, path, "expected an object, got %s", json_type_name(v));
    return 0;
}

/* Every key must be known (keys starting with '$' are comments) and appear once. */
static int check_keys(const loader *L, const cJSON *obj, const char *path,
                      const char *const *allowed, const char *const *allowed2)
{
    char p[256];
    for (const cJSON *c = obj->child; c != NULL; c = c->next) {
        const char *k = c->string != NULL ? c->string : "";
        if (k[0] == '$')
            continue;
        if (!in_list(allowed, k) && (allowed2 == NULL || !in_list(allowed2, k))) {
            join_key(p, sizeof p, path, k);
            return fail(L, p, "unknown field \"%s\"", k);
        }
        for (const cJSON *d = obj->child; d != c; d = d->next) {
            if (d->string != NULL && strcmp(d->string, k) == 0)
                return fail(L, path, "duplicate field \"%s\"", k);
        }
    }
    return 0;
}

/* Fetch key from obj. *out is NULL when the key is absent (or null and F_NULL is set). */
static int get_field(const loader *L, const cJSON *obj, const char *path, const char *key,
                     unsigned flags, const cJSON **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NULL;
    if (v == NULL) {
        if (flags & F_REQ)
            return fail(L, path, "missing required field \"%s\"", key);
        return 0;
    }
    if (cJSON_IsNull(v) && (flags & F_NULL))
        return 0;
    *out = v;
    return 0;
}

static int as_string(const loader *L, const cJSON *v, const char *path, const char **out)
{
    if (!cJSON_IsString(v) || v->valuestring == NULL)
        return fail(L, path, "expected a string, got %s", json_type_name(v));
    if (v->valuestring[0] == '\0')
        return fail(L, path, "must not be empty");
    *out = v->valuestring;
    return 0;
}

static int get_string(const loader *L, const cJSON *obj, const char *path, const char *key,
                      unsigned flags, const char **out)
{
    const cJSON *v;
    char p[256];
    *out = NULL;
    int rc = get_field(L, obj, path, key, flags, &v);
    if (rc != 0 || v == NULL)
        return rc;
    join_key(p, sizeof p, path, key);
    return as_string(L, v, p, out);
}

static int get_date(const loader *L, const cJSON *obj, const char *path, const char *key,
                    unsigned flags, sd_date *out)
{
    const char *s;
    out->y = out->m = out->d = 0;
    out->prec = SD_PREC_NONE;
    int rc = get_string(L, obj, path, key, flags, &s);
    if (rc != 0 || s == NULL)
        return rc;
    if (sd_date_parse_iso(s, out) != 0) {
        char p[256];
        join_key(p, sizeof p, path, key);
        return fail(L, p, "\"%s\" is not a date", s);
    }
    return 0;
}

/* An array of non-empty strings; *out is heap (NULL when empty), owned by the model. */
static int get_string_list(const loader *L, const cJSON *obj, const char *path, const char *key,
                           unsigned flags, const char ***out, size_t *n)
{
    const cJSON *v;
    char p[256], q[256];
    *out = NULL;
    *n = 0;
    int rc = get_field(L, obj, path, key, flags, &v);
    if (rc != 0 || v == NULL)
        return rc;
    join_key(p, sizeof p, path, key);
    if (!cJSON_IsArray(v))
        return fail(L, p, "expected an array, got %s", json_type_name(v));
    size_t count = (size_t)cJSON_GetArraySize(v);
    if (count == 0)
        return 0;
    const char **list = calloc(count, sizeof *list);
    if (list == NULL)
        return sd_error_set(L->err, SD_ENOMEM, "out of memory");
    *out = list;
    size_t i = 0;
    for (const cJSON *c = v->child; c != NULL && i < count; c = c->next, i++) {
        join_index(q, sizeof q, p, i);
        rc = as_string(L, c, q, &list[i]);
        if (rc != 0)
            return rc;
        *n = i + 1;
    }
    return 0;
}

/* ---- ids ------------------------------------------------------------------------------- */

/* lower-case ASCII letters and digits joined by single hyphens */
static bool is_slug(const char *s)
{
    if (*s == '\0' || *s == '-')
        return false;
    for (; *s != '\0'; s++) {
        bool alnum = (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9');
        if (!alnum && !(*s == '-' && s[1] != '\0' && s[1] != '-'))
            return false;
    }
    return true;
}

static bool is_country_code(const char *s)
{
    return s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] == '\0';
}

/* "PREFIX:slug"; countries use the ISO 3166 alpha-2 code as the slug. */
static int check_id(const loader *L, const char *path, const char *id, const char *prefix,
                    const char *what)
{
    size_t n = strlen(prefix);
    bool country = strcmp(prefix, "country:") == 0;
    if (strncmp(id, prefix, n) != 0)
        return fail(L, path, "%s id \"%s\" must start with \"%s\"", what, id, prefix);
    if (country ? !is_country_code(id + n) : !is_slug(id + n))
        return fail(L, path, "\"%s\" is not a valid id (%s)", id,
                    country ? "expected an ISO 3166 alpha-2 code such as country:AM"
                            : "expected lower-case letters and digits joined by single hyphens");
    return 0;
}

/* ---- pass 1: shape ----------------------------------------------------------------------- */

static int load_source(const loader *L, const cJSON *v, size_t i, sd_source *s)
{
    char path[64], p[256];
    join_index(path, sizeof path, "sources", i);
    int rc = expect_object(L, v, path);
    if (rc == 0)
        rc = check_keys(L, v, path, source_keys, NULL);
    if (rc == 0)
        rc = get_string(L, v, path, "id", F_REQ, &s->id);
    join_key(p, sizeof p, path, "id");
    if (rc == 0)
        rc = check_id(L, p, s->id, "src:", "source");
    if (rc == 0)
        rc = get_string(L, v, path, "title", F_REQ, &s->title);
    if (rc == 0)
        rc = get_string(L, v, path, "url", F_REQ, &s->url);
    if (rc == 0 && strncmp(s->url, "https://", 8) != 0 && strncmp(s->url, "http://", 7) != 0) {
        join_key(p, sizeof p, path, "url");
        rc = fail(L, p, "\"%s\" is not an http(s) URL", s->url);
    }
    if (rc == 0) {
        sd_date d;
        rc = get_date(L, v, path, "accessed", 0, &d);
        if (rc == 0)
            rc = get_string(L, v, path, "accessed", 0, &s->accessed);
    }
    if (rc == 0)
        rc = get_string(L, v, path, "publisher", 0, &s->publisher);
    const char *note;
    if (rc == 0)
        rc = get_string(L, v, path, "note", 0, &note);
    return rc;
}

static const entity_type_row *entity_type_by_name(const char *s)
{
    for (size_t i = 0; i < N_ENTITY_TYPES; i++)
        if (strcmp(entity_types[i].name, s) == 0)
            return &entity_types[i];
    return NULL;
}

static const entity_type_row *entity_type_row_of(sd_entity_type t)
{
    for (size_t i = 0; i < N_ENTITY_TYPES; i++)
        if (entity_types[i].type == t)
            return &entity_types[i];
    return &entity_types[0];
}

/* Which entity types may carry which optional fields (FORMAT.md, conventions). */
static const struct {
    const char *key;
    unsigned types;
    const char *who;
} entity_field_types[] = {
    {"born", ENT(SD_ENT_PERSON), "people"},
    {"died", ENT(SD_ENT_PERSON), "people"},
    {"part_of", ENT(SD_ENT_BODY), "bodies"},
    {"country", ENT(SD_ENT_PERSON) | ENT(SD_ENT_CITY) | ENT(SD_ENT_PLACE) | ENT(SD_ENT_MEDIA),
     "people, cities, places and media"},
};

static int check_entity_fields(const loader *L, const cJSON *v, const char *path,
                               const sd_entity *e)
{
    char p[256];
    for (size_t i = 0; i < sizeof entity_field_types / sizeof entity_field_types[0]; i++) {
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(v, entity_field_types[i].key);
        if (f == NULL || cJSON_IsNull(f) || (entity_field_types[i].types & ENT(e->type)))
            continue;
        join_key(p, sizeof p, path, entity_field_types[i].key);
        return fail(L, p, "\"%s\" applies only to %s, not to %s %s", entity_field_types[i].key,
                    entity_field_types[i].who, entity_type_row_of(e->type)->article,
                    entity_type_row_of(e->type)->name);
    }
    return 0;
}

static int load_entity(const loader *L, const cJSON *v, size_t i, sd_entity *e)
{
    char path[64], p[256];
    const char *s;
    join_index(path, sizeof path, "entities", i);
    e->index = i;
    int rc = expect_object(L, v, path);
    if (rc == 0)
        rc = check_keys(L, v, path, entity_keys, NULL);
    if (rc == 0)
        rc = get_string(L, v, path, "id", F_REQ, &e->id);
    if (rc == 0)
        rc = get_string(L, v, path, "type", F_REQ, &s);
    if (rc != 0)
        return rc;
    const entity_type_row *row = entity_type_by_name(s);
    if (row == NULL) {
        char allowed[256];
        const char *names[N_ENTITY_TYPES + 1];
        for (size_t k = 0; k < N_ENTITY_TYPES; k++)
            names[k] = entity_types[k].name;
        names[N_ENTITY_TYPES] = NULL;
        list_text(allowed, sizeof allowed, names);
        join_key(p, sizeof p, path, "type");
        return fail(L, p, "unknown entity type \"%s\" (expected %s)", s, allowed);
    }
    e->type = row->type;
    join_key(p, sizeof p, path, "id");
    rc = check_id(L, p, e->id, row->prefix, row->name);
    if (rc != 0)
        return rc;

    const cJSON *names;
    rc = get_field(L, v, path, "names", F_REQ, &names);
    join_key(p, sizeof p, path, "names");
    if (rc == 0)
        rc = expect_object(L, names, p);
    if (rc == 0)
        rc = check_keys(L, names, p, name_keys, NULL);
    if (rc == 0)
        rc = get_string(L, names, p, "fa", F_REQ, &e->name_fa);
    if (rc == 0)
        rc = get_string(L, names, p, "en", F_REQ, &e->name_en);
    if (rc == 0)
        rc = get_string(L, names, p, "ru", F_REQ, &e->name_ru);
    if (rc == 0)
        rc = get_string_list(L, v, path, "aliases", 0, &e->aliases, &e->naliases);
    if (rc == 0)
        rc = get_string_list(L, v, path, "short_aliases", 0, &e->short_aliases,
                             &e->nshort_aliases);
    if (rc == 0)
        rc = get_string(L, v, path, "wikidata", F_NULL, &e->wikidata);
    if (rc == 0 && e->wikidata != NULL) {
        const char *w = e->wikidata;
        bool ok = w[0] == 'Q' && w[1] >= '1' && w[1] <= '9' &&
                  strspn(w + 1, "0123456789") == strlen(w + 1);
        if (!ok) {
            join_key(p, sizeof p, path, "wikidata");
            rc = fail(L, p, "\"%s\" is not a Wikidata id (Q and a number, such as Q188314)", w);
        }
    }
    if (rc == 0)
        rc = get_string(L, v, path, "country", F_NULL, &e->country);
    if (rc == 0)
        rc = get_string(L, v, path, "part_of", F_NULL, &e->part_of);
    if (rc == 0)
        rc = get_date(L, v, path, "born", F_NULL, &e->born);
    if (rc == 0)
        rc = get_date(L, v, path, "died", F_NULL, &e->died);
    if (rc == 0 && e->born.prec != SD_PREC_NONE && e->died.prec != SD_PREC_NONE &&
        sd_date_cmp(e->died, e->born) < 0) {
        char b[11], d[11];
        sd_date_format(e->born, b);
        sd_date_format(e->died, d);
        join_key(p, sizeof p, path, "died");
        rc = fail(L, p, "\"%s\" is before born \"%s\"", d, b);
    }
    if (rc == 0)
        rc = get_string(L, v, path, "note", 0, &s);
    if (rc == 0)
        rc = check_entity_fields(L, v, path, e);
    return rc;
}

static const fact_type_row *fact_type_by_name(const char *s)
{
    for (size_t i = 0; i < N_FACT_TYPES; i++)
        if (strcmp(fact_types[i].name, s) == 0)
            return &fact_types[i];
    return NULL;
}

static const fact_type_row *fact_type_row_of(sd_fact_type t)
{
    for (size_t i = 0; i < N_FACT_TYPES; i++)
        if (fact_types[i].type == t)
            return &fact_types[i];
    return &fact_types[0];
}

static const field_spec *spec_field(const fact_type_row *row, const char *key)
{
    for (size_t i = 0; i < row->nfields; i++)
        if (strcmp(row->fields[i].key, key) == 0)
            return &row->fields[i];
    return NULL;
}

static void *member(sd_fact *f, size_t off)
{
    return (char *)f + off;
}

static int load_field(const loader *L, const cJSON *obj, const char *path, const field_spec *fs,
                      sd_fact *f)
{
    const cJSON *v;
    char p[256];
    int rc;
    switch (fs->kind) {
    case FK_DATE:
        return get_date(L, obj, path, fs->key, fs->flags, (sd_date *)member(f, fs->off));
    case FK_REFS:
        return get_string_list(L, obj, path, fs->key, fs->flags,
                               (const char ***)member(f, fs->off),
                               (size_t *)member(f, fs->count_off));
    case FK_ENUM:
    case FK_REF:
    case FK_TEXT: {
        const char *s;
        rc = get_string(L, obj, path, fs->key, fs->flags, &s);
        if (rc != 0 || s == NULL)
            return rc;
        if (fs->kind == FK_ENUM && !in_list(fs->values, s)) {
            char allowed[512];
            list_text(allowed, sizeof allowed, fs->values);
            join_key(p, sizeof p, path, fs->key);
            return fail(L, p, "unknown %s \"%s\" (expected %s)", fs->what, s, allowed);
        }
        if (fs->off != NOSTORE)
            *(const char **)member(f, fs->off) = s;
        return 0;
    }
    case FK_BOOL:
        rc = get_field(L, obj, path, fs->key, fs->flags, &v);
        if (rc != 0 || v == NULL)
            return rc;
        join_key(p, sizeof p, path, fs->key);
        if (!cJSON_IsBool(v))
            return fail(L, p, "expected a boolean, got %s", json_type_name(v));
        *(bool *)member(f, fs->off) = cJSON_IsTrue(v);
        return 0;
    case FK_INT:
        rc = get_field(L, obj, path, fs->key, fs->flags, &v);
        if (rc != 0 || v == NULL)
            return rc;
        join_key(p, sizeof p, path, fs->key);
        if (!cJSON_IsNumber(v))
            return fail(L, p, "expected a number, got %s", json_type_name(v));
        if (v->valuedouble != (double)(int)v->valuedouble || v->valuedouble < 1 ||
            v->valuedouble > 1000)
            return fail(L, p, "expected a whole number from 1 to 1000");
        *(int *)member(f, fs->off) = (int)v->valuedouble;
        return 0;
    }
    return 0;
}

static int check_interval(const loader *L, const char *path, sd_date from, sd_date to)
{
    if (from.prec == SD_PREC_NONE || to.prec == SD_PREC_NONE || sd_date_cmp(to, from) >= 0)
        return 0;
    char a[11], b[11];
    sd_date_format(from, a);
    sd_date_format(to, b);
    return fail(L, path, "\"%s\" is before from \"%s\"", b, a);
}

static int load_alternative(const loader *L, const cJSON *v, const char *path,
                            const fact_type_row *row, const sd_fact *f, sd_alternative *a)
{
    char p[256];
    int rc = expect_object(L, v, path);
    if (rc == 0)
        rc = check_keys(L, v, path, alternative_keys, NULL);
    if (rc != 0)
        return rc;
    static const char *const overrides[] = {"date", "from", "to", "city"};
    bool any = false;
    for (size_t k = 0; k < sizeof overrides / sizeof overrides[0]; k++) {
        if (cJSON_GetObjectItemCaseSensitive(v, overrides[k]) == NULL)
            continue;
        any = true;
        if (spec_field(row, overrides[k]) == NULL) {
            join_key(p, sizeof p, path, overrides[k]);
            return fail(L, p, "a %s fact has no \"%s\" to override", row->name, overrides[k]);
        }
    }
    if (!any)
        return fail(L, path, "an alternative must override date, from, to or city");
    rc = get_date(L, v, path, "date", 0, &a->date);
    if (rc == 0)
        rc = get_date(L, v, path, "from", 0, &a->from);
    if (rc == 0)
        rc = get_date(L, v, path, "to", 0, &a->to);
    if (rc == 0)
        rc = get_string(L, v, path, "city", 0, &a->city);
    if (rc == 0)
        rc = get_string_list(L, v, path, "sources", F_REQ, &a->sources, &a->nsources);
    if (rc == 0)
        rc = get_string(L, v, path, "note", 0, &a->note);
    if (rc == 0 && (a->from.prec != SD_PREC_NONE || a->to.prec != SD_PREC_NONE)) {
        sd_date from = a->from.prec != SD_PREC_NONE ? a->from : f->from;
        sd_date to = a->to.prec != SD_PREC_NONE ? a->to : f->to;
        join_key(p, sizeof p, path, "to");
        if (a->to.prec == SD_PREC_NONE)
            join_key(p, sizeof p, path, "from");
        rc = check_interval(L, p, from, to);
    }
    return rc;
}

static int load_fact(const loader *L, const cJSON *v, size_t i, sd_fact *f)
{
    char path[64], p[256];
    const char *s;
    join_index(path, sizeof path, "facts", i);
    f->index = i;
    int rc = expect_object(L, v, path);
    if (rc == 0)
        rc = get_string(L, v, path, "id", F_REQ, &f->id);
    join_key(p, sizeof p, path, "id");
    if (rc == 0)
        rc = check_id(L, p, f->id, "fact:", "fact");
    if (rc == 0)
        rc = get_string(L, v, path, "type", F_REQ, &s);
    if (rc != 0)
        return rc;
    const fact_type_row *row = fact_type_by_name(s);
    if (row == NULL) {
        char allowed[256];
        const char *names[N_FACT_TYPES + 1];
        for (size_t k = 0; k < N_FACT_TYPES; k++)
            names[k] = fact_types[k].name;
        names[N_FACT_TYPES] = NULL;
        list_text(allowed, sizeof allowed, names);
        join_key(p, sizeof p, path, "type");
        return fail(L, p, "unknown fact type \"%s\" (expected %s)", s, allowed);
    }
    f->type = row->type;

    /* Unknown keys: the common ones plus the type's own. */
    const char *own[16];
    size_t nown = 0;
    for (size_t k = 0; k < row->nfields && nown + 1 < sizeof own / sizeof own[0]; k++)
        own[nown++] = row->fields[k].key;
    own[nown] = NULL;
    rc = check_keys(L, v, path, fact_common_keys, own);
    for (size_t k = 0; rc == 0 && k < row->nfields; k++)
        rc = load_field(L, v, path, &row->fields[k], f);
    if (rc != 0)
        return rc;

    if (f->type == SD_FACT_OFFICE) {
        bool org_office = in_list(org_offices, f->office);
        const char *need = org_office ? "org" : "country";
        const char *other = org_office ? "country" : "org";
        if ((org_office ? f->org : f->country) == NULL)
            return fail(L, path, "a %s office needs \"%s\"", f->office, need);
        if ((org_office ? f->country : f->org) != NULL) {
            join_key(p, sizeof p, path, other);
            return fail(L, p, "a %s office takes \"%s\", not \"%s\"", f->office, need, other);
        }
        join_key(p, sizeof p, path, "to");
        rc = check_interval(L, p, f->from, f->to);
        if (rc != 0)
            return rc;
    }

    rc = get_string_list(L, v, path, "sources", F_REQ, &f->sources, &f->nsources);
    if (rc == 0)
        rc = get_string(L, v, path, "note", 0, &f->note);
    if (rc == 0)
        rc = get_string(L, v, path, "gap_after", 0, &f->gap_after);
    if (rc != 0)
        return rc;

    const cJSON *alts;
    rc = get_field(L, v, path, "alternatives", 0, &alts);
    if (rc != 0 || alts == NULL)
        return rc;
    join_key(p, sizeof p, path, "alternatives");
    if (!cJSON_IsArray(alts))
        return fail(L, p, "expected an array, got %s", json_type_name(alts));
    size_t n = (size_t)cJSON_GetArraySize(alts);
    if (n == 0)
        return 0;
    f->alternatives = calloc(n, sizeof *f->alternatives);
    if (f->alternatives == NULL)
        return sd_error_set(L->err, SD_ENOMEM, "out of memory");
    size_t k = 0;
    for (const cJSON *c = alts->child; c != NULL && k < n; c = c->next, k++) {
        char q[256];
        join_index(q, sizeof q, p, k);
        f->nalternatives = k + 1;   /* so that sd_model_free releases its sources */
        rc = load_alternative(L, c, q, row, f, &f->alternatives[k]);
        if (rc != 0)
            return rc;
    }
    return 0;
}

/* Load one top-level array with a loader per element. */
static int get_array(const loader *L, const char *key, const cJSON **out, size_t *n)
{
    const cJSON *v;
    int rc = get_field(L, L->m->root, "", key, F_REQ, &v);
    if (rc != 0)
        return rc;
    if (!cJSON_IsArray(v))
        return fail(L, key, "expected an array, got %s", json_type_name(v));
    *out = v;
    *n = (size_t)cJSON_GetArraySize(v);
    return 0;
}

/* ---- pass 2: ids ------------------------------------------------------------------------- */

static int slot_cmp(const void *a, const void *b)
{
    const id_slot *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    if (c != 0)
        return c;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Sort the ids; report the duplicate that appears earliest in the file. */
static int index_ids(const loader *L, id_slot *slots, size_t n, const char *array)
{
    if (n == 0)
        return 0;
    qsort(slots, n, sizeof *slots, slot_cmp);
    size_t best = SIZE_MAX, first = 0;
    for (size_t i = 1; i < n; i++) {
        if (strcmp(slots[i].id, slots[i - 1].id) == 0 && slots[i].idx < best &&
            (i < 2 || strcmp(slots[i - 2].id, slots[i].id) != 0)) {
            best = slots[i].idx;
            first = slots[i - 1].idx;
        }
    }
    if (best == SIZE_MAX)
        return 0;
    char p[256];
    snprintf(p, sizeof p, "%s[%zu].id", array, best);
    const char *id = NULL;
    for (size_t i = 0; i < n; i++)
        if (slots[i].idx == best)
            id = slots[i].id;
    return fail(L, p, "duplicate id \"%s\" (already used by %s[%zu])", id, array, first);
}

static const id_slot *find_slot(const id_slot *slots, size_t n, const char *id)
{
    if (slots == NULL || id == NULL)
        return NULL;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(slots[mid].id, id);
        if (c == 0)
            return &slots[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ---- pass 3: references ------------------------------------------------------------------ */

static void types_text(char *dst, size_t cap, unsigned mask)
{
    const char *names[N_ENTITY_TYPES + 1];
    size_t n = 0;
    for (size_t i = 0; i < N_ENTITY_TYPES; i++)
        if (mask & ENT(entity_types[i].type))
            names[n++] = entity_types[i].name;
    names[n] = NULL;
    char list[128];
    list_text(list, sizeof list, names);
    /* the article belongs to the first name listed */
    const entity_type_row *row = n > 0 ? entity_type_by_name(names[0]) : NULL;
    snprintf(dst, cap, "%s %s", row != NULL ? row->article : "a", list);
}

static int check_ref(const loader *L, const char *path, const char *id, unsigned mask)
{
    const sd_entity *e = sd_model_find_entity(L->m, id);
    if (e == NULL)
        return fail(L, path, "unknown entity \"%s\"", id);
    if (mask != 0 && !(mask & ENT(e->type))) {
        char want[160];
        const entity_type_row *row = entity_type_row_of(e->type);
        types_text(want, sizeof want, mask);
        return fail(L, path, "\"%s\" is %s %s, expected %s", id, row->article, row->name, want);
    }
    return 0;
}

static int check_sources(const loader *L, const char *path, const char *const *ids, size_t n)
{
    char p[256];
    for (size_t i = 0; i < n; i++) {
        if (sd_model_find_source(L->m, ids[i]) == NULL) {
            snprintf(p, sizeof p, "%s.sources[%zu]", path, i);
            return fail(L, p, "unknown source \"%s\"", ids[i]);
        }
    }
    return 0;
}

static int check_entity_refs(const loader *L, const sd_entity *e)
{
    char p[256];
    int rc = 0;
    if (e->country != NULL) {
        snprintf(p, sizeof p, "entities[%zu].country", e->index);
        rc = check_ref(L, p, e->country, ENT(SD_ENT_COUNTRY));
    }
    if (rc == 0 && e->part_of != NULL) {
        snprintf(p, sizeof p, "entities[%zu].part_of", e->index);
        rc = check_ref(L, p, e->part_of, ENT(SD_ENT_ORGANIZATION) | ENT(SD_ENT_BODY));
    }
    return rc;
}

static int check_fact_refs(const loader *L, sd_fact *f)
{
    const fact_type_row *row = fact_type_row_of(f->type);
    char path[64], p[256];
    snprintf(path, sizeof path, "facts[%zu]", f->index);
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < row->nfields; k++) {
        const field_spec *fs = &row->fields[k];
        unsigned mask = fs->types;
        if (f->type == SD_FACT_OFFICE && strcmp(fs->key, "holder") == 0)
            mask = strcmp(f->office, "chair") == 0 ? ENT(SD_ENT_COUNTRY) : ENT(SD_ENT_PERSON);
        join_key(p, sizeof p, path, fs->key);
        if (fs->kind == FK_REF) {
            const char *id = NULL;
            if (fs->off != NOSTORE) {
                id = *(const char **)member(f, fs->off);
            } else {
                const cJSON *node = L->m->fact_nodes[f->index];
                const cJSON *v = cJSON_GetObjectItemCaseSensitive(node, fs->key);
                id = cJSON_IsString(v) ? v->valuestring : NULL;
            }
            if (id != NULL)
                rc = check_ref(L, p, id, mask);
        } else if (fs->kind == FK_REFS) {
            const char **ids = *(const char ***)member(f, fs->off);
            size_t n = *(size_t *)member(f, fs->count_off);
            for (size_t i = 0; rc == 0 && i < n; i++) {
                char q[256];
                join_index(q, sizeof q, p, i);
                rc = check_ref(L, q, ids[i], mask);
            }
        }
    }
    if (rc == 0)
        rc = check_sources(L, path, f->sources, f->nsources);
    for (size_t k = 0; rc == 0 && k < f->nalternatives; k++) {
        const sd_alternative *a = &f->alternatives[k];
        char q[256];
        snprintf(q, sizeof q, "%s.alternatives[%zu]", path, k);
        if (a->city != NULL) {
            join_key(p, sizeof p, q, "city");
            rc = check_ref(L, p, a->city, ENT(SD_ENT_CITY) | ENT(SD_ENT_PLACE));
        }
        if (rc == 0)
            rc = check_sources(L, q, a->sources, a->nsources);
    }
    return rc;
}

/* ---- load -------------------------------------------------------------------------------- */

/* Offset of the first byte that is not valid UTF-8, or -1. */
static long utf8_invalid(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n;
        uint32_t cp, min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            n = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return (long)i;
        }
        if (i + n > len)
            return (long)i;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return (long)i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return (long)i;
        i += n;
    }
    return -1;
}

static int parse_json(const loader *L, const char *text, size_t len, cJSON **out)
{
    const void *nul = memchr(text, '\0', len);
    if (nul != NULL)
        return fail_at(L, SD_EPARSE, (size_t)((const char *)nul - text), NULL,
                       "the file contains a NUL byte");
    long bad = utf8_invalid((const unsigned char *)text, len);
    if (bad >= 0)
        return fail_at(L, SD_EPARSE, (size_t)bad, NULL, "invalid UTF-8 (byte 0x%02X)",
                       (unsigned char)text[bad]);
    long deep = sd_json_depth_exceeded(text, len, SD_MODEL_MAX_DEPTH);
    if (deep >= 0)
        return fail_at(L, SD_ELIMIT, (size_t)deep, NULL, "nesting deeper than %d levels",
                       SD_MODEL_MAX_DEPTH);
    size_t skip = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;   /* a BOM */
    char why[160];
    long bad_at = sd_json_syntax_error(text + skip, len - skip, why, sizeof why);
    if (bad_at >= 0)
        return fail_at(L, SD_EPARSE, (size_t)bad_at + skip, NULL, "malformed JSON: %s", why);
    char *copy = malloc(len + 1);
    if (copy == NULL)
        return sd_error_set(L->err, SD_ENOMEM, "out of memory");
    memcpy(copy, text, len);
    copy[len] = '\0';
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(copy + skip, &end, 1);
    free(copy);
    if (root == NULL)   /* syntax was checked: only memory can fail here */
        return sd_error_set(L->err, SD_ENOMEM, "out of memory while parsing JSON");
    *out = root;
    return 0;
}

static int load_root(loader *L)
{
    sd_model *m = L->m;
    const cJSON *root = m->root;
    const char *schema;
    int rc = expect_object(L, root, "");
    if (rc == 0)
        rc = get_string(L, root, "", "schema", F_REQ, &schema);
    if (rc == 0 && strcmp(schema, SCHEMA_ID) != 0)
        rc = fail(L, "schema", "unsupported schema \"%s\" (expected \"%s\")", schema, SCHEMA_ID);
    if (rc == 0)
        rc = check_keys(L, root, "", root_keys, NULL);
    if (rc == 0)
        rc = get_string(L, root, "", "name", F_REQ, &m->name);
    if (rc == 0) {
        sd_date d;
        rc = get_date(L, root, "", "as_of", F_REQ, &d);
        if (rc == 0)
            rc = get_string(L, root, "", "as_of", F_REQ, &m->as_of);
    }
    const char *note;
    if (rc == 0)
        rc = get_string(L, root, "", "note", 0, &note);
    if (rc != 0)
        return rc;

    const cJSON *srcs, *ents, *facts;
    size_t ns, ne, nf;
    rc = get_array(L, "sources", &srcs, &ns);
    if (rc == 0)
        rc = get_array(L, "entities", &ents, &ne);
    if (rc == 0)
        rc = get_array(L, "facts", &facts, &nf);
    if (rc != 0)
        return rc;
    m->sources = calloc(ns + 1, sizeof *m->sources);
    m->entities = calloc(ne + 1, sizeof *m->entities);
    m->facts = calloc(nf + 1, sizeof *m->facts);
    m->src_ids = calloc(ns + 1, sizeof *m->src_ids);
    m->ent_ids = calloc(ne + 1, sizeof *m->ent_ids);
    m->fact_ids = calloc(nf + 1, sizeof *m->fact_ids);
    m->fact_nodes = calloc(nf + 1, sizeof *m->fact_nodes);
    if (!m->sources || !m->entities || !m->facts || !m->src_ids || !m->ent_ids || !m->fact_ids ||
        !m->fact_nodes)
        return sd_error_set(L->err, SD_ENOMEM, "out of memory");

    /* pass 1 */
    size_t i = 0;
    for (const cJSON *c = srcs->child; c != NULL && i < ns; c = c->next, i++) {
        m->nsources = i + 1;
        if ((rc = load_source(L, c, i, &m->sources[i])) != 0)
            return rc;
    }
    i = 0;
    for (const cJSON *c = ents->child; c != NULL && i < ne; c = c->next, i++) {
        m->nentities = i + 1;
        if ((rc = load_entity(L, c, i, &m->entities[i])) != 0)
            return rc;
    }
    i = 0;
    for (const cJSON *c = facts->child; c != NULL && i < nf; c = c->next, i++) {
        m->nfacts = i + 1;
        m->fact_nodes[i] = c;
        if ((rc = load_fact(L, c, i, &m->facts[i])) != 0)
            return rc;
    }

    /* pass 2 */
    for (i = 0; i < ns; i++)
        m->src_ids[i] = (id_slot){m->sources[i].id, i};
    for (i = 0; i < ne; i++)
        m->ent_ids[i] = (id_slot){m->entities[i].id, i};
    for (i = 0; i < nf; i++)
        m->fact_ids[i] = (id_slot){m->facts[i].id, i};
    if ((rc = index_ids(L, m->src_ids, ns, "sources")) != 0 ||
        (rc = index_ids(L, m->ent_ids, ne, "entities")) != 0 ||
        (rc = index_ids(L, m->fact_ids, nf, "facts")) != 0)
        return rc;

    /* pass 3 */
    for (i = 0; i < ne; i++)
        if ((rc = check_entity_refs(L, &m->entities[i])) != 0)
            return rc;
    for (i = 0; i < nf; i++)
        if ((rc = check_fact_refs(L, &m->facts[i])) != 0)
            return rc;
    return 0;
}

int sd_model_load_buffer(sd_model **out, const char *name, const char *buf, size_t len,
                         sd_error *err)
{
    if (out == NULL)
        return sd_error_set(err, SD_EUSAGE, "no output model");
    *out = NULL;
    sd_error_clear(err);
    if (name == NULL)
        name = "<model>";
    if (buf == NULL && len > 0)
        return sd_error_set(err, SD_EUSAGE, "no model text");
    if (buf == NULL)
        buf = "";
    loader L = {NULL, name, buf, len, err};
    if (len > SD_MODEL_MAX_BYTES) {
        sd_error_set(err, SD_ELIMIT, "the model is %zu bytes, more than the limit of %u", len,
                     SD_MODEL_MAX_BYTES);
        sd_error_at(err, name, 0, 0, -1);
        return SD_ELIMIT;
    }
    sd_model *m = calloc(1, sizeof *m);
    if (m == NULL || (m->path = strdup(name)) == NULL) {
        free(m);
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    }
    L.m = m;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    if (EVP_Digest(buf, len, md, &mdlen, EVP_sha256(), NULL) != 1 || mdlen != 32) {
        sd_model_free(m);
        return sd_error_set(err, SD_ENOMEM, "cannot compute SHA-256");
    }
    for (unsigned i = 0; i < mdlen; i++)
        snprintf(m->sha256 + 2 * i, 3, "%02x", md[i]);

    int rc = parse_json(&L, buf, len, &m->root);
    if (rc == 0)
        rc = load_root(&L);
    if (rc != 0) {
        sd_model_free(m);
        return rc;
    }
    *out = m;
    return 0;
}

int sd_model_load(sd_model **out, const char *path, sd_error *err)
{
    if (out != NULL)
        *out = NULL;
    sd_error_clear(err);
    if (path == NULL)
        return sd_error_set(err, SD_EUSAGE, "no model path");
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        int e = errno;
        sd_error_set(err, SD_EIO, "cannot open the model: %s", strerror(e));
        sd_error_at(err, path, 0, 0, -1);
        return SD_EIO;
    }
    struct stat st;
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);
        sd_error_set(err, SD_EIO, "cannot read the model: it is a directory");
        sd_error_at(err, path, 0, 0, -1);
        return SD_EIO;
    }
    size_t cap = 64 * 1024, len = 0;
    char *buf = malloc(cap);
    int rc = buf == NULL ? SD_ENOMEM : 0;
    while (rc == 0) {
        if (len == cap) {
            if (cap > SD_MODEL_MAX_BYTES) {
                rc = SD_ELIMIT;
                break;
            }
            char *nb = realloc(buf, cap * 2);
            if (nb == NULL) {
                rc = SD_ENOMEM;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len, fp);
        len += got;
        if (got == 0) {
            if (ferror(fp))
                rc = SD_EIO;
            break;
        }
    }
    int e = errno;
    fclose(fp);
    if (rc == 0 && len > SD_MODEL_MAX_BYTES)
        rc = SD_ELIMIT;
    if (rc != 0) {
        free(buf);
        if (rc == SD_ELIMIT)
            sd_error_set(err, rc, "the model is larger than the limit of %u bytes",
                         SD_MODEL_MAX_BYTES);
        else if (rc == SD_EIO)
            sd_error_set(err, rc, "cannot read the model: %s", strerror(e));
        else
            sd_error_set(err, rc, "out of memory");
        sd_error_at(err, path, 0, 0, -1);
        return rc;
    }
    rc = sd_model_load_buffer(out, path, buf, len, err);
    free(buf);
    return rc;
}

void sd_model_free(sd_model *m)
{
    if (m == NULL)
        return;
    for (size_t i = 0; i < m->nentities; i++) {
        free(m->entities[i].aliases);
        free(m->entities[i].short_aliases);
    }
    for (size_t i = 0; i < m->nfacts; i++) {
        sd_fact *f = &m->facts[i];
        free(f->parties);
        free(f->order);
        free(f->sources);
        for (size_t k = 0; k < f->nalternatives; k++)
            free(f->alternatives[k].sources);
        free(f->alternatives);
    }
    free(m->sources);
    free(m->entities);
    free(m->facts);
    free(m->src_ids);
    free(m->ent_ids);
    free(m->fact_ids);
    free(m->fact_nodes);
    cJSON_Delete(m->root);
    free(m->path);
    free(m);
}

/* ---- accessors --------------------------------------------------------------------------- */

const char *sd_model_path(const sd_model *m)
{
    return m != NULL ? m->path : NULL;
}

const char *sd_model_name(const sd_model *m)
{
    return m != NULL ? m->name : NULL;
}

const char *sd_model_as_of(const sd_model *m)
{
    return m != NULL ? m->as_of : NULL;
}

const char *sd_model_sha256(const sd_model *m)
{
    return m != NULL ? m->sha256 : NULL;
}

size_t sd_model_entity_count(const sd_model *m)
{
    return m != NULL ? m->nentities : 0;
}

const sd_entity *sd_model_entity(const sd_model *m, size_t i)
{
    return m != NULL && i < m->nentities ? &m->entities[i] : NULL;
}

const sd_entity *sd_model_find_entity(const sd_model *m, const char *id)
{
    if (m == NULL)
        return NULL;
    const id_slot *s = find_slot(m->ent_ids, m->nentities, id);
    return s != NULL ? &m->entities[s->idx] : NULL;
}

size_t sd_model_fact_count(const sd_model *m)
{
    return m != NULL ? m->nfacts : 0;
}

const sd_fact *sd_model_fact(const sd_model *m, size_t i)
{
    return m != NULL && i < m->nfacts ? &m->facts[i] : NULL;
}

const sd_fact *sd_model_find_fact(const sd_model *m, const char *id)
{
    if (m == NULL)
        return NULL;
    const id_slot *s = find_slot(m->fact_ids, m->nfacts, id);
    return s != NULL ? &m->facts[s->idx] : NULL;
}

size_t sd_model_source_count(const sd_model *m)
{
    return m != NULL ? m->nsources : 0;
}

const sd_source *sd_model_source(const sd_model *m, size_t i)
{
    return m != NULL && i < m->nsources ? &m->sources[i] : NULL;
}

const sd_source *sd_model_find_source(const sd_model *m, const char *id)
{
    if (m == NULL)
        return NULL;
    const id_slot *s = find_slot(m->src_ids, m->nsources, id);
    return s != NULL ? &m->sources[s->idx] : NULL;
}

const char *sd_entity_type_name(sd_entity_type t)
{
    for (size_t i = 0; i < N_ENTITY_TYPES; i++)
        if (entity_types[i].type == t)
            return entity_types[i].name;
    return "unknown";
}

const char *sd_fact_type_name(sd_fact_type t)
{
    for (size_t i = 0; i < N_FACT_TYPES; i++)
        if (fact_types[i].type == t)
            return fact_types[i].name;
    return "unknown";
}

/* ---- data directory ---------------------------------------------------------------------- */

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Recomputed on every call so that tests can change SANAD_DATA_DIR. */
const char *sd_data_dir(void)
{
    static char dir[4096];
    const char *env = getenv("SANAD_DATA_DIR");
    if (env != NULL && env[0] != '\0')
        snprintf(dir, sizeof dir, "%s", env);
    else if (is_dir(SANAD_SOURCE_DATA_DIR))
        snprintf(dir, sizeof dir, "%s", SANAD_SOURCE_DATA_DIR);
    else
        snprintf(dir, sizeof dir, "%s", SANAD_INSTALL_DATA_DIR);
    return dir;
}

const char *sd_model_default_path(void)
{
    static char path[4200];
    snprintf(path, sizeof path, "%s/model/csto.json", sd_data_dir());
    return path;
}
