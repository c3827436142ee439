/* claim_io: read, validate and write `sanad-claim/1` lines; load claim files and folders. */
#include "claim_io.h"
#include "util.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

/* ---- tables ------------------------------------------------------------------------------ */

static const char *const type_names[SD_CLAIM_TYPE_COUNT] = {
    [SD_CLAIM_ATTENDANCE] = "attendance",
    [SD_CLAIM_CHAIRMANSHIP] = "chairmanship",
    [SD_CLAIM_FOUNDING_MEMBERS] = "founding_members",
    [SD_CLAIM_MEMBER_LIST] = "member_list",
    [SD_CLAIM_MEMBERSHIP_EVENT] = "membership_event",
    [SD_CLAIM_OFFICE_HOLDER] = "office_holder",
    [SD_CLAIM_RAPID_REACTION_FORCE] = "rapid_reaction_force",
    [SD_CLAIM_ROTATION_RULE] = "rotation_rule",
    [SD_CLAIM_SECRETARY_GENERAL] = "secretary_general",
    [SD_CLAIM_SUMMIT] = "summit",
    [SD_CLAIM_UN_OBSERVER] = "un_observer",
};

/* NULL-terminated, like every word list searched by word_index. */
static const char *const modality_names[SD_MODALITY_COUNT + 1] = {
    "asserted", "reported", "hedged", "opinion", "forecast", "hypothetical", NULL,
};

/* Entity id prefixes allowed per argument. */
static const char *const P_ORG[] = {"org:", NULL};
static const char *const P_BODY[] = {"body:", NULL};
static const char *const P_COUNTRY[] = {"country:", NULL};
static const char *const P_PERSON[] = {"person:", NULL};
static const char *const P_CITY[] = {"city:", NULL};
static const char *const P_PARTICIPANT[] = {"person:", "country:", NULL};

/* Enum words per argument. */
static const char *const E_SCOPE[] = {"current", "at_time", NULL};
static const char *const E_MEMBERSHIP[] = {"signed", "acceded", "joined", "withdrew", "suspended",
                                           "rejoined", "froze_participation", NULL};
static const char *const E_SG[] = {"holds", "appointed", "starts", "ends", "removed", NULL};
static const char *const E_CHAIR[] = {"holds", "starts", "ends", NULL};
static const char *const E_SUMMIT_KIND[] = {"regular", "extraordinary", "informal", "online",
                                            "announced", NULL};
static const char *const E_CRRF[] = {"decided", "created", NULL};
static const char *const E_OFFICE[] = {"head_of_state", "head_of_government", "foreign_minister",
                                       "defence_minister", NULL};
static const char *const E_POST[] = {"secretary_general", "chair", NULL};
static const char *const E_BASIS[] = {"alphabetical", NULL};

/* One row per (type, key). match_key marks the lenient key arguments that pair claims. */
static const sd_claim_arg_spec arg_specs[] = {
    /* type                        key            kind                values        req    one_of  key */
    {SD_CLAIM_ATTENDANCE,          "attended",    SD_ARGK_BOOL,       NULL,         true,  NULL,   false},
    {SD_CLAIM_ATTENDANCE,          "body",        SD_ARGK_ENTITY,     P_BODY,       false, "host", false},
    {SD_CLAIM_ATTENDANCE,          "city",        SD_ARGK_ENTITY,     P_CITY,       false, NULL,   false},
    {SD_CLAIM_ATTENDANCE,          "org",         SD_ARGK_ENTITY,     P_ORG,        false, "host", false},
    {SD_CLAIM_ATTENDANCE,          "participant", SD_ARGK_ENTITY,     P_PARTICIPANT, true, NULL,   true},
    {SD_CLAIM_CHAIRMANSHIP,        "country",     SD_ARGK_ENTITY,     P_COUNTRY,    true,  NULL,   true},
    {SD_CLAIM_CHAIRMANSHIP,        "event",       SD_ARGK_ENUM,       E_CHAIR,      true,  NULL,   true},
    {SD_CLAIM_CHAIRMANSHIP,        "org",         SD_ARGK_ENTITY,     P_ORG,        true,  NULL,   false},
    {SD_CLAIM_FOUNDING_MEMBERS,    "members",     SD_ARGK_ENTITY_SET, P_COUNTRY,    true,  NULL,   false},
    {SD_CLAIM_FOUNDING_MEMBERS,    "org",         SD_ARGK_ENTITY,     P_ORG,        true,  NULL,   true},
    {SD_CLAIM_MEMBER_LIST,         "members",     SD_ARGK_ENTITY_SET, P_COUNTRY,    true,  NULL,   false},
    {SD_CLAIM_MEMBER_LIST,         "org",         SD_ARGK_ENTITY,     P_ORG,        true,  NULL,   true},
    {SD_CLAIM_MEMBER_LIST,         "scope",       SD_ARGK_ENUM,       E_SCOPE,      true,  NULL,   false},
    {SD_CLAIM_MEMBERSHIP_EVENT,    "country",     SD_ARGK_ENTITY,     P_COUNTRY,    true,  NULL,   true},
    {SD_CLAIM_MEMBERSHIP_EVENT,    "event",       SD_ARGK_ENUM,       E_MEMBERSHIP, true,  NULL,   true},
    {SD_CLAIM_MEMBERSHIP_EVENT,    "org",         SD_ARGK_ENTITY,     P_ORG,        true,  NULL,   false},
    {SD_CLAIM_OFFICE_HOLDER,       "country",     SD_ARGK_ENTITY,     P_COUNTRY,    true,  NULL,   false},
    {SD_CLAIM_OFFICE_HOLDER,       "office",      SD_ARGK_ENUM,       E_OFFICE,     true,  NULL,   true},
    {SD_CLAIM_OFFICE_HOLDER,       "person",      SD_ARGK_ENTITY,     P_PERSON,     true,  NULL,   true},
    {SD_CLAIM_RAPID_REACTION_FORCE, "city",       SD_ARGK_ENTITY,     P_CITY,       false, NULL,   false},
    {SD_CLAIM_RAPID_REACTION_FORCE, "event",      SD_ARGK_ENUM,       E_CRRF,       true,  NULL,   false},
    {SD_CLAIM_RAPID_REACTION_FORCE, "org",        SD_ARGK_ENTITY,     P_ORG,        true,  NULL,   true},
    {SD_CLAIM_ROTATION_RULE,       "after",       SD_ARGK_ENTITY,     P_COUNTRY,    false, NULL,   false},
    {SD_CLAIM_ROTATION_RULE,       "basis",       SD_ARGK_ENUM,       E_BASIS,      true,  NULL,   false},
    {SD_CLAIM_ROTATION_RULE,       "next",        SD_ARGK_ENTITY,     P_COUNTRY,    false, NULL,   false},
    {SD_CLAIM_ROTATION_RULE,       "org",         SD_ARGK_ENTITY,     P_ORG,        true,  NULL,   false},
    {SD_CLAIM_ROTATION_RULE,       "post",        SD_ARGK_ENUM,       E_POST,       true,  NULL,   true},
    {SD_CLAIM_SECRETARY_GENERAL,   "event",       SD_ARGK_ENUM,       E_SG,         true,  NULL,   true},
    {SD_CLAIM_SECRETARY_GENERAL,   "org",         SD_ARGK_ENTITY,     P_ORG,        true,  NULL,   false},
    {SD_CLAIM_SECRETARY_GENERAL,   "person",      SD_ARGK_ENTITY,     P_PERSON,     true,  NULL,   true},
    {SD_CLAIM_SUMMIT,              "body",        SD_ARGK_ENTITY,     P_BODY,       false, "host", false},
    {SD_CLAIM_SUMMIT,              "city",        SD_ARGK_ENTITY,     P_CITY,       true,  NULL,   true},
    {SD_CLAIM_SUMMIT,              "kind",        SD_ARGK_ENUM,       E_SUMMIT_KIND, false, NULL,  false},
    {SD_CLAIM_SUMMIT,              "org",         SD_ARGK_ENTITY,     P_ORG,        false, "host", false},
    {SD_CLAIM_UN_OBSERVER,         "org",         SD_ARGK_ENTITY,     P_ORG,        true,  NULL,   true},
};

#define N_SPECS (sizeof arg_specs / sizeof arg_specs[0])

const sd_claim_arg_spec *sd_claim_arg_specs(size_t *n)
{
    if (n != NULL)
        *n = N_SPECS;
    return arg_specs;
}

const sd_claim_arg_spec *sd_claim_arg_spec_find(sd_claim_type type, const char *key)
{
    for (size_t i = 0; i < N_SPECS; i++)
        if (arg_specs[i].type == type && strcmp(arg_specs[i].key, key) == 0)
            return &arg_specs[i];
    return NULL;
}

const char *sd_claim_type_name(sd_claim_type type)
{
    if ((int)type < 0 || type >= SD_CLAIM_TYPE_COUNT)
        return "unknown";
    return type_names[type];
}

int sd_claim_type_from_name(const char *name)
{
    for (int i = 0; i < SD_CLAIM_TYPE_COUNT; i++)
        if (strcmp(type_names[i], name) == 0)
            return i;
    return -1;
}

const char *sd_claim_modality_name(sd_claim_modality m)
{
    if ((int)m < 0 || m >= SD_MODALITY_COUNT)
        return "unknown";
    return modality_names[m];
}

const char *sd_claim_precision_name(sd_claim_precision p)
{
    switch (p) {
    case SD_CLAIM_PREC_YEAR: return "year";
    case SD_CLAIM_PREC_MONTH: return "month";
    case SD_CLAIM_PREC_DAY: return "day";
    }
    return "unknown";
}

const char *sd_claim_calendar_name(sd_claim_calendar c)
{
    return c == SD_CLAIM_CAL_PERSIAN ? "persian" : "gregorian";
}

const char *sd_claim_problem_kind_name(sd_claim_problem_kind kind)
{
    switch (kind) {
    case SD_CLAIM_PROBLEM_MALFORMED: return "malformed";
    case SD_CLAIM_PROBLEM_UNKNOWN_TYPE: return "unknown_type";
    case SD_CLAIM_PROBLEM_DUPLICATE_ID: return "duplicate_id";
    }
    return "unknown";
}

static int word_index(const char *const *words, const char *w)
{
    for (int i = 0; words[i] != NULL; i++)
        if (strcmp(words[i], w) == 0)
            return i;
    return -1;
}

/* ---- claim lifetime ---------------------------------------------------------------------- */

void sd_claim_init(sd_claim *c)
{
    memset(c, 0, sizeof *c);
}

static void arg_free(sd_claim_arg *a)
{
    free(a->key);
    free(a->str);
    for (size_t i = 0; i < a->n_items; i++)
        free(a->items[i]);
    free(a->items);
    memset(a, 0, sizeof *a);
}

void sd_claim_free(sd_claim *c)
{
    if (c == NULL)
        return;
    free(c->id);
    free(c->doc);
    for (size_t i = 0; i < c->n_args; i++)
        arg_free(&c->args[i]);
    free(c->args);
    free(c->time.text);
    free(c->ev_text);
    free(c->pattern);
    free(c->extractor);
    sd_claim_init(c);
}

const sd_claim_arg *sd_claim_arg_get(const sd_claim *c, const char *key)
{
    for (size_t i = 0; i < c->n_args; i++)
        if (strcmp(c->args[i].key, key) == 0)
            return &c->args[i];
    return NULL;
}

static int cmp_str_ptr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Take ownership of *a and insert it keeping args sorted; replaces an argument of that key. */
static int claim_put_arg(sd_claim *c, sd_claim_arg *a, sd_error *err)
{
    size_t pos = 0;
    while (pos < c->n_args && strcmp(c->args[pos].key, a->key) < 0)
        pos++;
    if (pos < c->n_args && strcmp(c->args[pos].key, a->key) == 0) {
        arg_free(&c->args[pos]);
        c->args[pos] = *a;
        return SD_OK;
    }
    sd_claim_arg *grown = realloc(c->args, (c->n_args + 1) * sizeof *grown);
    if (grown == NULL) {
        arg_free(a);
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    }
    c->args = grown;
    memmove(&c->args[pos + 1], &c->args[pos], (c->n_args - pos) * sizeof *grown);
    c->args[pos] = *a;
    c->n_args++;
    return SD_OK;
}

static int new_arg(sd_claim_arg *a, const char *key, sd_claim_value_kind kind, sd_error *err)
{
    memset(a, 0, sizeof *a);
    a->kind = kind;
    a->key = sd_strdup(key);
    if (a->key == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    return SD_OK;
}

int sd_claim_set_arg_string(sd_claim *c, const char *key, const char *value, sd_error *err)
{
    sd_claim_arg a;
    int rc = new_arg(&a, key, SD_CLAIM_VALUE_STRING, err);
    if (rc != SD_OK)
        return rc;
    a.known = sd_claim_arg_spec_find(c->type, key) != NULL;
    a.str = sd_strdup(value);
    if (a.str == NULL) {
        arg_free(&a);
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    }
    return claim_put_arg(c, &a, err);
}

int sd_claim_set_arg_bool(sd_claim *c, const char *key, bool value, sd_error *err)
{
    sd_claim_arg a;
    int rc = new_arg(&a, key, SD_CLAIM_VALUE_BOOL, err);
    if (rc != SD_OK)
        return rc;
    a.known = sd_claim_arg_spec_find(c->type, key) != NULL;
    a.boolean = value;
    return claim_put_arg(c, &a, err);
}

int sd_claim_set_arg_list(sd_claim *c, const char *key, const char *const *items, size_t n,
                          sd_error *err)
{
    sd_claim_arg a;
    int rc = new_arg(&a, key, SD_CLAIM_VALUE_LIST, err);
    if (rc != SD_OK)
        return rc;
    a.known = sd_claim_arg_spec_find(c->type, key) != NULL;
    if (n > 0) {
        a.items = calloc(n, sizeof *a.items);
        if (a.items == NULL) {
            arg_free(&a);
            return sd_error_set(err, SD_ENOMEM, "out of memory");
        }
    }
    for (size_t i = 0; i < n; i++) {
        a.items[i] = sd_strdup(items[i]);
        if (a.items[i] == NULL) {
            arg_free(&a);
            return sd_error_set(err, SD_ENOMEM, "out of memory");
        }
        a.n_items++;
    }
    /* A set: stored sorted so that comparison and output do not depend on order. */
    if (a.n_items > 1)
        qsort(a.items, a.n_items, sizeof *a.items, cmp_str_ptr);
    return claim_put_arg(c, &a, err);
}

/* ---- validation -------------------------------------------------------------------------- */

static int invalid(sd_error *err, const char *path, const char *msg)
{
    sd_error_set(err, SD_EINVAL, "%s", msg);
    sd_error_path(err, path);
    return SD_EINVAL;
}

/* TYPE:slug with a prefix from prefixes and slug [A-Za-z0-9][A-Za-z0-9._-]*. */
static bool entity_id_ok(const char *id, const char *const *prefixes)
{
    for (int i = 0; prefixes[i] != NULL; i++) {
        size_t pl = strlen(prefixes[i]);
        if (strncmp(id, prefixes[i], pl) != 0)
            continue;
        const char *s = id + pl;
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
            return false;
        for (; *s != '\0'; s++) {
            char ch = *s;
            bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
                      (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-';
            if (!ok)
                return false;
        }
        return true;
    }
    return false;
}

static void prefixes_text(const char *const *prefixes, char *buf, size_t len)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int i = 0; prefixes[i] != NULL && n < len; i++) {
        int w = snprintf(buf + n, len - n, "%s%s…", i > 0 ? " or " : "", prefixes[i]);
        if (w > 0)
            n += (size_t)w;
    }
}

static int check_entity(const char *path, const char *id, const char *const *prefixes,
                        sd_error *err)
{
    if (entity_id_ok(id, prefixes))
        return SD_OK;
    char want[128];
    prefixes_text(prefixes, want, sizeof want);
    char msg[700];
    snprintf(msg, sizeof msg, "\"%.300s\" is not an entity id of the form %s", id, want);
    return invalid(err, path, msg);
}

static const char *value_kind_name(sd_claim_value_kind k)
{
    switch (k) {
    case SD_CLAIM_VALUE_STRING: return "a string";
    case SD_CLAIM_VALUE_BOOL: return "a boolean";
    case SD_CLAIM_VALUE_LIST: return "an array";
    case SD_CLAIM_VALUE_RAW: return "a JSON value";
    }
    return "a value";
}

static sd_claim_value_kind spec_value_kind(const sd_claim_arg_spec *s)
{
    switch (s->kind) {
    case SD_ARGK_ENTITY_SET: return SD_CLAIM_VALUE_LIST;
    case SD_ARGK_BOOL: return SD_CLAIM_VALUE_BOOL;
    default: return SD_CLAIM_VALUE_STRING;
    }
}

static int check_arg(const sd_claim_arg_spec *s, const sd_claim_arg *a, sd_error *err)
{
    char path[96];
    snprintf(path, sizeof path, "args.%s", s->key);
    sd_claim_value_kind want = spec_value_kind(s);
    if (a->kind != want) {
        char msg[64];
        snprintf(msg, sizeof msg, "expected %s", value_kind_name(want));
        return invalid(err, path, msg);
    }
    switch (s->kind) {
    case SD_ARGK_ENTITY:
        return check_entity(path, a->str, s->values, err);
    case SD_ARGK_ENUM:
        if (word_index(s->values, a->str) < 0) {
            char msg[700];
            size_t n = (size_t)snprintf(msg, sizeof msg, "\"%.200s\" is not one of", a->str);
            for (int i = 0; s->values[i] != NULL && n < sizeof msg; i++) {
                int w = snprintf(msg + n, sizeof msg - n, "%s %s", i > 0 ? "," : "",
                                 s->values[i]);
                if (w > 0)
                    n += (size_t)w;
            }
            return invalid(err, path, msg);
        }
        return SD_OK;
    case SD_ARGK_ENTITY_SET:
        if (a->n_items == 0)
            return invalid(err, path, "must name at least one entity");
        for (size_t i = 0; i < a->n_items; i++) {
            char ipath[128];
            snprintf(ipath, sizeof ipath, "%s[]", path);
            int rc = check_entity(ipath, a->items[i], s->values, err);
            if (rc != SD_OK)
                return rc;
            if (i > 0 && strcmp(a->items[i - 1], a->items[i]) == 0) {
                char msg[400];
                snprintf(msg, sizeof msg, "\"%.300s\" appears twice (members are a set)",
                         a->items[i]);
                return invalid(err, path, msg);
            }
        }
        return SD_OK;
    case SD_ARGK_BOOL:
        return SD_OK;
    }
    return SD_OK;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* Parse value at precision p into y/m/d. 0 when it is a real date written at exactly p. */
static int parse_time_value(const char *v, sd_claim_precision p, int *y, int *m, int *d)
{
    size_t want = p == SD_CLAIM_PREC_YEAR ? 4 : p == SD_CLAIM_PREC_MONTH ? 7 : 10;
    if (strlen(v) != want || !all_digits(v, 4))
        return -1;
    *y = atoi(v);
    *m = *d = 0;
    if (p >= SD_CLAIM_PREC_MONTH) {
        if (v[4] != '-' || !all_digits(v + 5, 2))
            return -1;
        *m = (v[5] - '0') * 10 + (v[6] - '0');
        if (*m < 1 || *m > 12)
            return -1;
    }
    if (p == SD_CLAIM_PREC_DAY) {
        if (v[7] != '-' || !all_digits(v + 8, 2))
            return -1;
        *d = (v[8] - '0') * 10 + (v[9] - '0');
        if (*d < 1 || *d > days_in_month(*y, *m))
            return -1;
    }
    return 0;
}

int sd_claim_validate(const sd_claim *c, sd_error *err)
{
    if (c->id == NULL || c->id[0] == '\0')
        return invalid(err, "id", "must be a non-empty string");
    if (c->doc == NULL || c->doc[0] == '\0')
        return invalid(err, "doc", "must be a non-empty string");
    if ((int)c->type < 0 || c->type >= SD_CLAIM_TYPE_COUNT)
        return invalid(err, "type", "is not a claim type of sanad-claim/1");
    if (c->extractor == NULL || c->extractor[0] == '\0')
        return invalid(err, "extractor", "must be a non-empty string");
    if (c->pattern != NULL && c->pattern[0] == '\0')
        return invalid(err, "pattern", "must be a non-empty string when present");
    if ((int)c->modality < 0 || c->modality >= SD_MODALITY_COUNT)
        return invalid(err, "modality", "is not a modality");

    /* Arguments: every known one well-typed, required ones present, one-of groups exact. */
    size_t n_specs;
    const sd_claim_arg_spec *specs = sd_claim_arg_specs(&n_specs);
    for (size_t i = 0; i < c->n_args; i++) {
        const sd_claim_arg_spec *s = sd_claim_arg_spec_find(c->type, c->args[i].key);
        if (s != NULL) {
            int rc = check_arg(s, &c->args[i], err);
            if (rc != SD_OK)
                return rc;
        }
    }
    for (size_t i = 0; i < n_specs; i++) {
        const sd_claim_arg_spec *s = &specs[i];
        if (s->type != c->type)
            continue;
        if (s->required && sd_claim_arg_get(c, s->key) == NULL) {
            char msg[160];
            snprintf(msg, sizeof msg, "%s requires the argument \"%s\"",
                     sd_claim_type_name(c->type), s->key);
            return invalid(err, "args", msg);
        }
        if (s->one_of != NULL) {
            int present = 0;
            char names[128] = "";
            size_t nl = 0;
            for (size_t j = 0; j < n_specs; j++) {
                if (specs[j].type != c->type || specs[j].one_of == NULL ||
                    strcmp(specs[j].one_of, s->one_of) != 0)
                    continue;
                if (sd_claim_arg_get(c, specs[j].key) != NULL)
                    present++;
                int w = snprintf(names + nl, sizeof names - nl, "%s\"%s\"", nl > 0 ? " or " : "",
                                 specs[j].key);
                if (w > 0 && (size_t)w < sizeof names - nl)
                    nl += (size_t)w;
            }
            if (present != 1) {
                char msg[256];
                snprintf(msg, sizeof msg, "%s needs exactly one of %s",
                         sd_claim_type_name(c->type), names);
                return invalid(err, "args", msg);
            }
        }
    }

    if (c->has_time) {
        int y, m, d;
        if (c->time.precision < SD_CLAIM_PREC_YEAR || c->time.precision > SD_CLAIM_PREC_DAY)
            return invalid(err, "time.precision", "must be year, month or day");
        if (parse_time_value(c->time.value, c->time.precision, &y, &m, &d) != 0) {
            char msg[200];
            snprintf(msg, sizeof msg, "\"%s\" is not a real date written at %s precision",
                     c->time.value, sd_claim_precision_name(c->time.precision));
            return invalid(err, "time.value", msg);
        }
        if (c->time.calendar != SD_CLAIM_CAL_GREGORIAN && c->time.calendar != SD_CLAIM_CAL_PERSIAN)
            return invalid(err, "time.calendar", "must be gregorian or persian");
    }

    if (c->ev_start < 0)
        return invalid(err, "evidence.start", "must be a non-negative integer");
    if (c->ev_end <= c->ev_start)
        return invalid(err, "evidence.end", "must be greater than evidence.start");
    if (c->ev_text == NULL)
        return invalid(err, "evidence.text", "is missing");
    size_t tl = strlen(c->ev_text);
    if ((long long)tl != c->ev_end - c->ev_start) {
        char msg[200];
        snprintf(msg, sizeof msg,
                 "is %zu bytes but end - start is %lld (offsets count bytes of the original "
                 "document)",
                 tl, c->ev_end - c->ev_start);
        return invalid(err, "evidence.text", msg);
    }
    return SD_OK;
}

/* ---- parsing ----------------------------------------------------------------------------- */

/* Well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF). Returns the offset of the
 * first bad byte, or len when all is well. */
static size_t utf8_check(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char b = s[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned lo = 0x80, hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF)
            n = 1;
        else if (b >= 0xE0 && b <= 0xEF) {
            n = 2;
            if (b == 0xE0)
                lo = 0xA0;
            else if (b == 0xED)
                hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            n = 3;
            if (b == 0xF0)
                lo = 0x90;
            else if (b == 0xF4)
                hi = 0x8F;
        } else
            return i;
        if (len - i <= n)
            return i;
        if (s[i + 1] < lo || s[i + 1] > hi)
            return i;
        for (size_t k = 2; k <= n; k++)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                return i;
        i += n + 1;
    }
    return len;
}

static const char *const top_keys[] = {"schema", "id", "doc", "type", "args", "time", "modality",
                                       "evidence", "pattern", "extractor", NULL};
static const char *const time_keys[] = {"value", "precision", "anchored", "calendar",
                                         "from_publication", "text", NULL};
static const char *const evidence_keys[] = {"start", "end", "text", NULL};

/* Reject repeated keys, and keys outside `allowed` (NULL: any key) unless extensions are
 * allowed and the key starts with "x-". */
/* Objects with more members are rejected: the duplicate check below is quadratic. */
#define MAX_MEMBERS 256

static int check_keys(const cJSON *obj, const char *const *allowed, bool extensions,
                      const char *where, sd_error *err)
{
    size_t n = 0;
    for (const cJSON *a = obj->child; a != NULL; a = a->next)
        if (++n > MAX_MEMBERS)
            return invalid(err, where, "object has more than 256 members");
    for (const cJSON *a = obj->child; a != NULL; a = a->next) {
        for (const cJSON *b = obj->child; b != a; b = b->next)
            if (strcmp(a->string, b->string) == 0) {
                char msg[300];
                snprintf(msg, sizeof msg, "the member \"%.200s\" appears twice", a->string);
                return invalid(err, where, msg);
            }
        if (allowed == NULL || word_index(allowed, a->string) >= 0)
            continue;
        if (extensions && strncmp(a->string, "x-", 2) == 0)
            continue;
        char msg[300];
        snprintf(msg, sizeof msg, "unknown member \"%.200s\"", a->string);
        return invalid(err, where, msg);
    }
    return SD_OK;
}

static int get_string(const cJSON *obj, const char *key, bool required, const char *path,
                      char **out, sd_error *err)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (v == NULL) {
        if (required)
            return invalid(err, path, "is required");
        return SD_OK;
    }
    if (!cJSON_IsString(v) || v->valuestring == NULL)
        return invalid(err, path, "must be a string");
    *out = sd_strdup(v->valuestring);
    if (*out == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    return SD_OK;
}

static int get_offset(const cJSON *obj, const char *key, const char *path, long long *out,
                      sd_error *err)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (v == NULL)
        return invalid(err, path, "is required");
    double d = cJSON_IsNumber(v) ? v->valuedouble : -1.0;
    if (!cJSON_IsNumber(v) || d < 0 || d > 9007199254740992.0 || floor(d) != d)
        return invalid(err, path, "must be a non-negative integer");
    *out = (long long)d;
    return SD_OK;
}

static int parse_args(const cJSON *args, sd_claim *c, sd_error *err)
{
    if (!cJSON_IsObject(args))
        return invalid(err, "args", "must be an object");
    int rc = check_keys(args, NULL, false, "args", err);
    if (rc != SD_OK)
        return rc;
    for (const cJSON *v = args->child; v != NULL; v = v->next) {
        char path[300];
        snprintf(path, sizeof path, "args.%.200s", v->string);
        const sd_claim_arg_spec *s = sd_claim_arg_spec_find(c->type, v->string);
        if (s == NULL) {
            /* Forward compatible: kept verbatim, never compared. */
            sd_claim_arg a;
            rc = new_arg(&a, v->string, SD_CLAIM_VALUE_RAW, err);
            if (rc != SD_OK)
                return rc;
            a.str = cJSON_PrintUnformatted(v);
            if (a.str == NULL) {
                arg_free(&a);
                return sd_error_set(err, SD_ENOMEM, "out of memory");
            }
            rc = claim_put_arg(c, &a, err);
        } else if (s->kind == SD_ARGK_BOOL) {
            if (!cJSON_IsBool(v))
                return invalid(err, path, "must be true or false");
            rc = sd_claim_set_arg_bool(c, v->string, cJSON_IsTrue(v), err);
        } else if (s->kind == SD_ARGK_ENTITY_SET) {
            if (!cJSON_IsArray(v))
                return invalid(err, path, "must be an array of entity ids");
            int n = cJSON_GetArraySize(v);
            const char **items = calloc(n > 0 ? (size_t)n : 1, sizeof *items);
            if (items == NULL)
                return sd_error_set(err, SD_ENOMEM, "out of memory");
            size_t k = 0;
            for (const cJSON *it = v->child; it != NULL; it = it->next) {
                if (!cJSON_IsString(it) || it->valuestring == NULL) {
                    free(items);
                    return invalid(err, path, "must be an array of entity ids");
                }
                items[k++] = it->valuestring;
            }
            rc = sd_claim_set_arg_list(c, v->string, items, k, err);
            free(items);
        } else {
            if (!cJSON_IsString(v) || v->valuestring == NULL)
                return invalid(err, path, "must be a string");
            rc = sd_claim_set_arg_string(c, v->string, v->valuestring, err);
        }
        if (rc != SD_OK)
            return rc;
    }
    return SD_OK;
}

static int parse_time(const cJSON *t, sd_claim *c, sd_error *err)
{
    if (t == NULL)
        return invalid(err, "time", "is required (null when the claim has no time)");
    if (cJSON_IsNull(t)) {
        c->has_time = false;
        return SD_OK;
    }
    if (!cJSON_IsObject(t))
        return invalid(err, "time", "must be an object or null");
    int rc = check_keys(t, time_keys, false, "time", err);
    if (rc != SD_OK)
        return rc;
    c->has_time = true;
    const cJSON *prec = cJSON_GetObjectItemCaseSensitive(t, "precision");
    static const char *const precs[] = {"year", "month", "day", NULL};
    int pi = cJSON_IsString(prec) ? word_index(precs, prec->valuestring) : -1;
    if (pi < 0)
        return invalid(err, "time.precision", "must be \"year\", \"month\" or \"day\"");
    c->time.precision = (sd_claim_precision)(pi + 1);
    const cJSON *val = cJSON_GetObjectItemCaseSensitive(t, "value");
    if (!cJSON_IsString(val) || strlen(val->valuestring) >= sizeof c->time.value)
        return invalid(err, "time.value", "must be an ISO date string");
    memcpy(c->time.value, val->valuestring, strlen(val->valuestring) + 1);
    const cJSON *anch = cJSON_GetObjectItemCaseSensitive(t, "anchored");
    if (anch != NULL && !cJSON_IsBool(anch))
        return invalid(err, "time.anchored", "must be true or false");
    c->time.anchored = anch != NULL && cJSON_IsTrue(anch);
    const cJSON *fp = cJSON_GetObjectItemCaseSensitive(t, "from_publication");
    if (fp != NULL && !cJSON_IsBool(fp))
        return invalid(err, "time.from_publication", "must be true or false");
    c->time.from_publication = fp != NULL && cJSON_IsTrue(fp);
    const cJSON *cal = cJSON_GetObjectItemCaseSensitive(t, "calendar");
    c->time.calendar = SD_CLAIM_CAL_GREGORIAN;
    if (cal != NULL) {
        static const char *const cals[] = {"gregorian", "persian", NULL};
        int ci = cJSON_IsString(cal) ? word_index(cals, cal->valuestring) : -1;
        if (ci < 0)
            return invalid(err, "time.calendar", "must be \"gregorian\" or \"persian\"");
        c->time.calendar = (sd_claim_calendar)ci;
    }
    rc = get_string(t, "text", false, "time.text", &c->time.text, err);
    if (rc != SD_OK)
        return rc;
    /* A value that is not a real date is reported with its reason by sd_claim_validate. */
    (void)parse_time_value(c->time.value, c->time.precision, &c->time.y, &c->time.m, &c->time.d);
    return SD_OK;
}

static int parse_object(const cJSON *root, sd_claim *c, bool *unknown_type, sd_error *err)
{
    if (!cJSON_IsObject(root))
        return invalid(err, "", "a claim line must be a JSON object");
    int rc = check_keys(root, top_keys, true, "", err);
    if (rc != SD_OK)
        return rc;
    const cJSON *schema = cJSON_GetObjectItemCaseSensitive(root, "schema");
    if (schema == NULL)
        return invalid(err, "schema", "is required (\"sanad-claim/1\")");
    if (!cJSON_IsString(schema) || strcmp(schema->valuestring, SD_CLAIM_SCHEMA) != 0)
        return invalid(err, "schema", "must be \"sanad-claim/1\"");
    if ((rc = get_string(root, "id", true, "id", &c->id, err)) != SD_OK ||
        (rc = get_string(root, "doc", true, "doc", &c->doc, err)) != SD_OK)
        return rc;
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(root, "type");
    if (type == NULL)
        return invalid(err, "type", "is required");
    if (!cJSON_IsString(type))
        return invalid(err, "type", "must be a string");
    int t = sd_claim_type_from_name(type->valuestring);
    if (t < 0) {
        if (unknown_type != NULL)
            *unknown_type = true;
        char msg[300];
        snprintf(msg, sizeof msg, "unknown claim type \"%.200s\"", type->valuestring);
        return invalid(err, "type", msg);
    }
    c->type = (sd_claim_type)t;
    const cJSON *args = cJSON_GetObjectItemCaseSensitive(root, "args");
    if (args == NULL)
        return invalid(err, "args", "is required");
    if ((rc = parse_args(args, c, err)) != SD_OK)
        return rc;
    if ((rc = parse_time(cJSON_GetObjectItemCaseSensitive(root, "time"), c, err)) != SD_OK)
        return rc;
    const cJSON *mod = cJSON_GetObjectItemCaseSensitive(root, "modality");
    if (mod == NULL)
        return invalid(err, "modality", "is required");
    int mi = cJSON_IsString(mod) ? word_index(modality_names, mod->valuestring) : -1;
    if (mi < 0)
        return invalid(err, "modality",
                       "must be asserted, reported, hedged, opinion, forecast or hypothetical");
    c->modality = (sd_claim_modality)mi;
    const cJSON *ev = cJSON_GetObjectItemCaseSensitive(root, "evidence");
    if (ev == NULL)
        return invalid(err, "evidence", "is required");
    if (!cJSON_IsObject(ev))
        return invalid(err, "evidence", "must be an object");
    if ((rc = check_keys(ev, evidence_keys, false, "evidence", err)) != SD_OK ||
        (rc = get_offset(ev, "start", "evidence.start", &c->ev_start, err)) != SD_OK ||
        (rc = get_offset(ev, "end", "evidence.end", &c->ev_end, err)) != SD_OK ||
        (rc = get_string(ev, "text", true, "evidence.text", &c->ev_text, err)) != SD_OK)
        return rc;
    if ((rc = get_string(root, "pattern", false, "pattern", &c->pattern, err)) != SD_OK ||
        (rc = get_string(root, "extractor", true, "extractor", &c->extractor, err)) != SD_OK)
        return rc;
    return sd_claim_validate(c, err);
}

int sd_claim_parse(const char *line, size_t len, sd_claim *out, bool *unknown_type,
                   sd_error *err)
{
    sd_claim_init(out);
    if (unknown_type != NULL)
        *unknown_type = false;
    if (len > SD_CLAIM_MAX_LINE) {
        sd_error_set(err, SD_ELIMIT, "line is longer than %zu bytes", SD_CLAIM_MAX_LINE);
        return SD_EINVAL;
    }
    const char *nul = memchr(line, '\0', len);
    if (nul != NULL) {
        sd_error_set(err, SD_EPARSE, "NUL byte at byte %zu", (size_t)(nul - line));
        return SD_EPARSE;
    }
    size_t bad = utf8_check((const unsigned char *)line, len);
    if (bad < len) {
        sd_error_set(err, SD_EPARSE, "invalid UTF-8 at byte %zu", bad);
        return SD_EPARSE;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(line, len, &end, false);
    size_t pos = end != NULL && end >= line && end <= line + len ? (size_t)(end - line) : 0;
    if (root != NULL) {
        while (pos < len && (line[pos] == ' ' || line[pos] == '\t' || line[pos] == '\r'))
            pos++;
        if (pos < len) {
            cJSON_Delete(root);
            sd_error_set(err, SD_EPARSE, "text after the JSON value at byte %zu", pos);
            return SD_EPARSE;
        }
    } else {
        sd_error_set(err, SD_EPARSE, "not valid JSON (at byte %zu)", pos);
        return SD_EPARSE;
    }
    int rc = parse_object(root, out, unknown_type, err);
    cJSON_Delete(root);
    if (rc != SD_OK) {
        sd_claim_free(out);
        return rc == SD_ENOMEM ? rc : SD_EINVAL;
    }
    return SD_OK;
}

/* ---- writing ----------------------------------------------------------------------------- */

void sd_claim_write_json_string(FILE *f, const char *s, size_t len)
{
    fputc('"', f);
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        switch (ch) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        case '\b': fputs("\\b", f); break;
        case '\f': fputs("\\f", f); break;
        default:
            if (ch < 0x20)
                fprintf(f, "\\u%04x", ch);
            else
                fputc(ch, f);
        }
    }
    fputc('"', f);
}

static void put_str(FILE *f, const char *s)
{
    sd_claim_write_json_string(f, s, strlen(s));
}

int sd_claim_write(FILE *f, const sd_claim *c, sd_error *err)
{
    fputs("{\"schema\":\"" SD_CLAIM_SCHEMA "\",\"id\":", f);
    put_str(f, c->id != NULL ? c->id : "");
    fputs(",\"doc\":", f);
    put_str(f, c->doc != NULL ? c->doc : "");
    fputs(",\"type\":", f);
    put_str(f, sd_claim_type_name(c->type));
    fputs(",\"args\":{", f);
    for (size_t i = 0; i < c->n_args; i++) {
        const sd_claim_arg *a = &c->args[i];
        if (i > 0)
            fputc(',', f);
        put_str(f, a->key);
        fputc(':', f);
        switch (a->kind) {
        case SD_CLAIM_VALUE_STRING: put_str(f, a->str); break;
        case SD_CLAIM_VALUE_BOOL: fputs(a->boolean ? "true" : "false", f); break;
        case SD_CLAIM_VALUE_RAW: fputs(a->str, f); break;
        case SD_CLAIM_VALUE_LIST:
            fputc('[', f);
            for (size_t k = 0; k < a->n_items; k++) {
                if (k > 0)
                    fputc(',', f);
                put_str(f, a->items[k]);
            }
            fputc(']', f);
            break;
        }
    }
    fputs("},\"time\":", f);
    if (!c->has_time) {
        fputs("null", f);
    } else {
        fputs("{\"value\":", f);
        put_str(f, c->time.value);
        fprintf(f, ",\"precision\":\"%s\",\"anchored\":%s,\"calendar\":\"%s\"",
                sd_claim_precision_name(c->time.precision), c->time.anchored ? "true" : "false",
                sd_claim_calendar_name(c->time.calendar));
        if (c->time.from_publication)
            fputs(",\"from_publication\":true", f);
        if (c->time.text != NULL) {
            fputs(",\"text\":", f);
            put_str(f, c->time.text);
        }
        fputc('}', f);
    }
    fprintf(f, ",\"modality\":\"%s\",\"evidence\":{\"start\":%lld,\"end\":%lld,\"text\":",
            sd_claim_modality_name(c->modality), c->ev_start, c->ev_end);
    put_str(f, c->ev_text != NULL ? c->ev_text : "");
    fputc('}', f);
    if (c->pattern != NULL) {
        fputs(",\"pattern\":", f);
        put_str(f, c->pattern);
    }
    fputs(",\"extractor\":", f);
    put_str(f, c->extractor != NULL ? c->extractor : "");
    fputs("}\n", f);
    if (ferror(f))
        return sd_error_set(err, SD_EIO, "could not write a claim: %s", strerror(errno));
    return SD_OK;
}

/* ---- claim sets -------------------------------------------------------------------------- */

void sd_claim_set_init(sd_claim_set *set)
{
    memset(set, 0, sizeof *set);
}

void sd_claim_set_free(sd_claim_set *set)
{
    if (set == NULL)
        return;
    for (size_t i = 0; i < set->n_files; i++)
        free(set->files[i]);
    free(set->files);
    for (size_t i = 0; i < set->n_claims; i++)
        sd_claim_free(&set->claims[i]);
    free(set->claims);
    free(set->claim_file);
    free(set->claim_line);
    for (size_t i = 0; i < set->n_problems; i++)
        free(set->problems[i].reason);
    free(set->problems);
    sd_claim_set_init(set);
}

static int add_problem(sd_claim_set *set, size_t file, long line, sd_claim_problem_kind kind,
                       const char *reason, sd_error *err)
{
    if (set->n_problems == set->cap_problems) {
        size_t cap = set->cap_problems ? set->cap_problems * 2 : 8;
        sd_claim_problem *p = realloc(set->problems, cap * sizeof *p);
        if (p == NULL)
            return sd_error_set(err, SD_ENOMEM, "out of memory");
        set->problems = p;
        set->cap_problems = cap;
    }
    char *r = sd_strdup(reason);
    if (r == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    set->problems[set->n_problems++] = (sd_claim_problem){file, line, kind, r};
    return SD_OK;
}

/* Takes ownership of *c. */
static int add_claim(sd_claim_set *set, sd_claim *c, size_t file, long line, sd_error *err)
{
    if (set->n_claims == set->cap_claims) {
        size_t cap = set->cap_claims ? set->cap_claims * 2 : 16;
        sd_claim *cl = realloc(set->claims, cap * sizeof *cl);
        if (cl == NULL)
            goto oom;
        set->claims = cl;
        size_t *cf = realloc(set->claim_file, cap * sizeof *cf);
        if (cf == NULL)
            goto oom;
        set->claim_file = cf;
        long *ln = realloc(set->claim_line, cap * sizeof *ln);
        if (ln == NULL)
            goto oom;
        set->claim_line = ln;
        set->cap_claims = cap;
    }
    set->claims[set->n_claims] = *c;
    set->claim_file[set->n_claims] = file;
    set->claim_line[set->n_claims] = line;
    set->n_claims++;
    return SD_OK;
oom:
    sd_claim_free(c);
    return sd_error_set(err, SD_ENOMEM, "out of memory");
}

static int load_file(sd_claim_set *set, const char *path, sd_error *err)
{
    FILE *f = fopen(path, "rb");  /* read-only: the scorer never modifies its inputs */
    if (f == NULL) {
        sd_error_set(err, SD_EIO, "cannot open: %s", strerror(errno));
        sd_error_at(err, path, 0, 0, -1);
        return SD_EIO;
    }
    char **files = realloc(set->files, (set->n_files + 1) * sizeof *files);
    char *copy = sd_strdup(path);
    if (files != NULL)
        set->files = files;
    if (files == NULL || copy == NULL) {
        free(copy);
        fclose(f);
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    }
    size_t fi = set->n_files;
    set->files[set->n_files++] = copy;

    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    long lineno = 0;
    int rc = SD_OK;
    while (rc == SD_OK && (got = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t len = (size_t)got;
        const char *s = line;
        if (lineno == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
            s += 3;
            len -= 3;
        }
        while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
            len--;
        size_t k = 0;
        while (k < len && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k == len)
            continue;  /* blank lines separate nothing and are skipped */
        sd_claim c;
        bool unknown = false;
        sd_error e;
        sd_error_clear(&e);
        int prc = sd_claim_parse(s, len, &c, &unknown, &e);
        if (prc == SD_OK) {
            rc = add_claim(set, &c, fi, lineno, err);
        } else if (prc == SD_ENOMEM) {
            rc = sd_error_set(err, SD_ENOMEM, "out of memory");
        } else {
            char reason[1100];
            sd_error_format(&e, reason, sizeof reason);
            rc = add_problem(set, fi, lineno,
                             unknown ? SD_CLAIM_PROBLEM_UNKNOWN_TYPE : SD_CLAIM_PROBLEM_MALFORMED,
                             reason, err);
        }
    }
    if (rc == SD_OK && ferror(f)) {
        sd_error_set(err, SD_EIO, "read error: %s", strerror(errno));
        sd_error_at(err, path, lineno + 1, 0, -1);
        rc = SD_EIO;
    }
    free(line);
    fclose(f);
    return rc;
}

typedef struct path_list {
    char **v;
    size_t n, cap;
} path_list;

static int path_push(path_list *l, char *p, sd_error *err)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **v = realloc(l->v, cap * sizeof *v);
        if (v == NULL) {
            free(p);
            return sd_error_set(err, SD_ENOMEM, "out of memory");
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = p;
    return SD_OK;
}

static char *join_path(const char *dir, const char *name)
{
    size_t dl = strlen(dir), nl = strlen(name);
    char *p = malloc(dl + nl + 2);
    if (p == NULL)
        return NULL;
    memcpy(p, dir, dl);
    size_t k = dl;
    if (k == 0 || p[k - 1] != '/')
        p[k++] = '/';
    memcpy(p + k, name, nl + 1);
    return p;
}

/* Depth bound: symlinked folders could otherwise loop forever. */
#define MAX_DEPTH 32

static int walk(const char *dir, int depth, path_list *out, sd_error *err)
{
    if (depth > MAX_DEPTH) {
        sd_error_set(err, SD_ELIMIT, "folders nested deeper than %d (a symlink loop?)", MAX_DEPTH);
        sd_error_at(err, dir, 0, 0, -1);
        return SD_EIO;
    }
    DIR *d = opendir(dir);
    if (d == NULL) {
        sd_error_set(err, SD_EIO, "cannot open folder: %s", strerror(errno));
        sd_error_at(err, dir, 0, 0, -1);
        return SD_EIO;
    }
    int rc = SD_OK;
    struct dirent *e;
    while (rc == SD_OK && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *p = join_path(dir, e->d_name);
        if (p == NULL) {
            rc = sd_error_set(err, SD_ENOMEM, "out of memory");
            break;
        }
        struct stat st;
        if (stat(p, &st) != 0) {
            free(p);  /* a dangling symlink is not a claims file */
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            rc = walk(p, depth + 1, out, err);
            free(p);
        } else if (S_ISREG(st.st_mode)) {
            size_t nl = strlen(e->d_name);
            if (nl > 6 && strcmp(e->d_name + nl - 6, ".jsonl") == 0)
                rc = path_push(out, p, err);
            else
                free(p);
        } else {
            free(p);
        }
    }
    closedir(d);
    return rc;
}

int sd_claim_set_load(sd_claim_set *set, const char *path, sd_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        sd_error_set(err, SD_EIO, "cannot read: %s", strerror(errno));
        sd_error_at(err, path, 0, 0, -1);
        return SD_EIO;
    }
    if (!S_ISDIR(st.st_mode))
        return load_file(set, path, err);

    /* Strip trailing slashes so that file names read "dir/x.jsonl". */
    char *dir = sd_strdup(path);
    if (dir == NULL)
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    for (size_t n = strlen(dir); n > 1 && dir[n - 1] == '/'; n--)
        dir[n - 1] = '\0';
    path_list files = {0};
    int rc = walk(dir, 0, &files, err);
    free(dir);
    if (rc == SD_OK && files.n > 1)
        qsort(files.v, files.n, sizeof *files.v, cmp_str_ptr);
    for (size_t i = 0; rc == SD_OK && i < files.n; i++)
        rc = load_file(set, files.v[i], err);
    for (size_t i = 0; i < files.n; i++)
        free(files.v[i]);
    free(files.v);
    return rc;
}

typedef struct id_ref {
    const char *id;
    size_t i;
} id_ref;

static int cmp_id_ref(const void *a, const void *b)
{
    const id_ref *p = a, *q = b;
    int c = strcmp(p->id, q->id);
    if (c != 0)
        return c;
    return p->i < q->i ? -1 : p->i > q->i;
}

static int cmp_problem(const void *a, const void *b)
{
    const sd_claim_problem *p = a, *q = b;
    if (p->file != q->file)
        return p->file < q->file ? -1 : 1;
    return p->line < q->line ? -1 : p->line > q->line;
}

int sd_claim_set_dedupe(sd_claim_set *set, sd_error *err)
{
    if (set->n_claims < 2)
        return SD_OK;
    size_t n = set->n_claims;
    id_ref *idx = malloc(n * sizeof *idx);
    bool *dup = calloc(n, sizeof *dup);
    if (idx == NULL || dup == NULL) {
        free(idx);
        free(dup);
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        idx[i] = (id_ref){set->claims[i].id, i};
    qsort(idx, n, sizeof *idx, cmp_id_ref);
    int rc = SD_OK;
    size_t n_dup = 0;
    for (size_t k = 1; k < n && rc == SD_OK; k++) {
        if (strcmp(idx[k - 1].id, idx[k].id) != 0)
            continue;
        size_t cur = idx[k].i;
        /* The first claim of the run (reading order) is the one kept. */
        size_t r = k - 1;
        while (r > 0 && strcmp(idx[r - 1].id, idx[k].id) == 0)
            r--;
        size_t orig = idx[r].i;
        char reason[900];
        snprintf(reason, sizeof reason, "id: \"%.300s\" was already used at %.400s:%ld",
                 set->claims[cur].id, set->files[set->claim_file[orig]], set->claim_line[orig]);
        rc = add_problem(set, set->claim_file[cur], set->claim_line[cur],
                         SD_CLAIM_PROBLEM_DUPLICATE_ID, reason, err);
        dup[cur] = true;
        n_dup++;
    }
    if (rc == SD_OK && n_dup > 0) {
        size_t w = 0;
        for (size_t i = 0; i < n; i++) {
            if (dup[i]) {
                sd_claim_free(&set->claims[i]);
                continue;
            }
            set->claims[w] = set->claims[i];
            set->claim_file[w] = set->claim_file[i];
            set->claim_line[w] = set->claim_line[i];
            w++;
        }
        set->n_claims = w;
        qsort(set->problems, set->n_problems, sizeof *set->problems, cmp_problem);
    }
    free(idx);
    free(dup);
    return rc;
}
