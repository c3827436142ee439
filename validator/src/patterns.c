#include "patterns.h"
#include "util.h"

#include "model.h"
#include "phrase.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sd_patterns {
    char **classes;             /* lexicon class names, index = class id */
    size_t nclasses;
    sd_phrase_trie *trie;       /* phrase -> class ids */
    size_t nphrases;
    sd_rule *rules;
    size_t nrules;
    sd_title *titles;
    size_t ntitles;
    sd_modality_marker *mods;
    size_t nmods;
};

static const struct {
    const char *name;
    sd_rule_kind kind;
} kind_names[] = {
    {"org_members", SD_RULE_ORG_MEMBERS},   {"country_event", SD_RULE_COUNTRY_EVENT},
    {"person_role_event", SD_RULE_PERSON_ROLE_EVENT}, {"country_chair", SD_RULE_COUNTRY_CHAIR},
    {"meeting", SD_RULE_MEETING},           {"status", SD_RULE_STATUS},
    {"milestone", SD_RULE_MILESTONE},       {"rotation", SD_RULE_ROTATION},
    {"attendance", SD_RULE_ATTENDANCE},
};

static const struct {
    const char *name;
    sd_time_mode mode;
} time_names[] = {
    {"none", SD_TIME_NONE}, {"optional", SD_TIME_OPTIONAL},
    {"required", SD_TIME_REQUIRED}, {"publication", SD_TIME_PUBLICATION},
};

static int fail(sd_error *err, const char *name, const char *path, int code, const char *msg,
                const char *detail)
{
    sd_error_set(err, code, "%s%s%s", msg, detail != NULL ? ": " : "",
                 detail != NULL ? detail : "");
    sd_error_at(err, name, 0, 0, -1);
    sd_error_path(err, path);
    return code;
}

int sd_patterns_class_id(const sd_patterns *p, const char *name)
{
    for (size_t i = 0; name != NULL && i < p->nclasses; i++)
        if (strcmp(p->classes[i], name) == 0)
            return (int)i;
    return -1;
}

const char *sd_patterns_class_name(const sd_patterns *p, int cls)
{
    return (cls >= 0 && (size_t)cls < p->nclasses) ? p->classes[cls] : "?";
}

static int class_list(const sd_patterns *p, const cJSON *arr, const char *path, const char *name,
                      int **out, size_t *n, sd_error *err)
{
    *out = NULL;
    *n = 0;
    if (arr == NULL)
        return SD_OK;
    if (!cJSON_IsArray(arr))
        return fail(err, name, path, SD_EINVAL, "must be an array of lexicon class names", NULL);
    int cnt = cJSON_GetArraySize(arr);
    if (cnt == 0)
        return SD_OK;
    *out = calloc((size_t)cnt, sizeof(int));
    if (*out == NULL)
        return SD_ENOMEM;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        int id = cJSON_IsString(it) ? sd_patterns_class_id(p, it->valuestring) : -1;
        if (id < 0) {
            char ipath[320];
            snprintf(ipath, sizeof ipath, "%s[%zu]", path, *n);
            return fail(err, name, ipath, SD_EINVAL, "unknown lexicon class",
                        cJSON_IsString(it) ? it->valuestring : "(not a string)");
        }
        (*out)[(*n)++] = id;
    }
    return SD_OK;
}

static int load_lexicon(sd_patterns *p, const cJSON *lex, const char *name, sd_error *err)
{
    if (!cJSON_IsObject(lex))
        return fail(err, name, "lexicon", SD_EINVAL, "must be an object of class -> phrases", NULL);
    size_t n = (size_t)cJSON_GetArraySize(lex);
    p->classes = calloc(n ? n : 1, sizeof(char *));
    if (p->classes == NULL)
        return SD_ENOMEM;
    const cJSON *cls;
    cJSON_ArrayForEach(cls, lex)
    {
        char path[240];
        snprintf(path, sizeof path, "lexicon.%s", cls->string);
        if (sd_patterns_class_id(p, cls->string) >= 0)
            return fail(err, name, path, SD_EINVAL, "duplicate lexicon class", NULL);
        if (!cJSON_IsArray(cls) || cJSON_GetArraySize(cls) == 0)
            return fail(err, name, path, SD_EINVAL, "must be a non-empty array of phrases", NULL);
        int id = (int)p->nclasses;
        p->classes[p->nclasses] = sd_strdup(cls->string);
        if (p->classes[p->nclasses] == NULL)
            return SD_ENOMEM;
        p->nclasses++;
        size_t i = 0;
        const cJSON *ph;
        cJSON_ArrayForEach(ph, cls)
        {
            char ipath[400];
            snprintf(ipath, sizeof ipath, "%s[%zu]", path, i++);
            if (!cJSON_IsString(ph) || ph->valuestring[0] == '\0')
                return fail(err, name, ipath, SD_EINVAL, "must be a non-empty string", NULL);
            char *key = sd_fold_key(ph->valuestring);
            if (key == NULL)
                return SD_ENOMEM;
            int rc = key[0] == '\0' ? SD_EINVAL : sd_phrase_trie_add(p->trie, key, id);
            free(key);
            if (rc != SD_OK)
                return fail(err, name, ipath, rc, "cannot use phrase", ph->valuestring);
            p->nphrases++;
        }
    }
    return SD_OK;
}

static int load_rule(sd_patterns *p, const cJSON *r, size_t idx, const char *name, sd_error *err)
{
    char path[120], sub[300];
    snprintf(path, sizeof path, "rules[%zu]", idx);
    sd_rule *rule = &p->rules[idx];
    rule->role = -1;
    rule->date_after = -1;
    rule->min_items = 1;
    if (!cJSON_IsObject(r))
        return fail(err, name, path, SD_EINVAL, "must be an object", NULL);
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(r, "id");
    const cJSON *claim = cJSON_GetObjectItemCaseSensitive(r, "claim");
    const cJSON *kind = cJSON_GetObjectItemCaseSensitive(r, "kind");
    if (!cJSON_IsString(id) || id->valuestring[0] == '\0')
        return fail(err, name, path, SD_EINVAL, "missing rule id", NULL);
    for (size_t i = 0; i < idx; i++)
        if (strcmp(p->rules[i].id, id->valuestring) == 0) {
            snprintf(sub, sizeof sub, "%s.id", path);
            return fail(err, name, sub, SD_EINVAL, "duplicate rule id", id->valuestring);
        }
    rule->id = sd_strdup(id->valuestring);
    if (rule->id == NULL)
        return SD_ENOMEM;
    int ct = cJSON_IsString(claim) ? sd_claim_type_from_name(claim->valuestring) : -1;
    if (ct < 0) {
        snprintf(sub, sizeof sub, "%s.claim", path);
        return fail(err, name, sub, SD_EINVAL, "unknown claim type",
                    cJSON_IsString(claim) ? claim->valuestring : "(missing)");
    }
    rule->claim = (sd_claim_type)ct;
    size_t k;
    for (k = 0; k < sizeof kind_names / sizeof kind_names[0]; k++)
        if (cJSON_IsString(kind) && strcmp(kind->valuestring, kind_names[k].name) == 0)
            break;
    if (k == sizeof kind_names / sizeof kind_names[0]) {
        snprintf(sub, sizeof sub, "%s.kind", path);
        return fail(err, name, sub, SD_EINVAL, "unknown rule kind",
                    cJSON_IsString(kind) ? kind->valuestring : "(missing)");
    }
    rule->kind = kind_names[k].kind;
    static const char *const lists[] = {"all", "any", "none"};
    int **outs[] = {&rule->all, &rule->any, &rule->none};
    size_t *ns[] = {&rule->nall, &rule->nany, &rule->nnone};
    for (int l = 0; l < 3; l++) {
        snprintf(sub, sizeof sub, "%s.%s", path, lists[l]);
        int rc = class_list(p, cJSON_GetObjectItemCaseSensitive(r, lists[l]), sub, name, outs[l],
                            ns[l], err);
        if (rc != SD_OK)
            return rc;
    }
    if (rule->nall == 0) {
        snprintf(sub, sizeof sub, "%s.all", path);
        return fail(err, name, sub, SD_EINVAL, "a rule needs at least one required cue class", NULL);
    }
    static const char *const single[] = {"role", "date_after"};
    int *souts[] = {&rule->role, &rule->date_after};
    for (int s = 0; s < 2; s++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(r, single[s]);
        if (v == NULL)
            continue;
        *souts[s] = cJSON_IsString(v) ? sd_patterns_class_id(p, v->valuestring) : -1;
        if (*souts[s] < 0) {
            snprintf(sub, sizeof sub, "%s.%s", path, single[s]);
            return fail(err, name, sub, SD_EINVAL, "unknown lexicon class",
                        cJSON_IsString(v) ? v->valuestring : "(not a string)");
        }
    }
    const cJSON *time = cJSON_GetObjectItemCaseSensitive(r, "time");
    rule->time = SD_TIME_NONE;
    if (time != NULL) {
        size_t t;
        for (t = 0; t < sizeof time_names / sizeof time_names[0]; t++)
            if (cJSON_IsString(time) && strcmp(time->valuestring, time_names[t].name) == 0)
                break;
        if (t == sizeof time_names / sizeof time_names[0]) {
            snprintf(sub, sizeof sub, "%s.time", path);
            return fail(err, name, sub, SD_EINVAL,
                        "time must be none, optional, required or publication", NULL);
        }
        rule->time = time_names[t].mode;
    }
    const cJSON *mi = cJSON_GetObjectItemCaseSensitive(r, "min_items");
    if (mi != NULL) {
        if (!cJSON_IsNumber(mi) || mi->valueint < 1 || mi->valueint > 50) {
            snprintf(sub, sizeof sub, "%s.min_items", path);
            return fail(err, name, sub, SD_EINVAL, "must be a number from 1 to 50", NULL);
        }
        rule->min_items = mi->valueint;
    }
    const cJSON *within = cJSON_GetObjectItemCaseSensitive(r, "within");
    if (within != NULL) {
        if (!cJSON_IsNumber(within) || within->valueint < 1 || within->valueint > 20) {
            snprintf(sub, sizeof sub, "%s.within", path);
            return fail(err, name, sub, SD_EINVAL, "must be a number from 1 to 20", NULL);
        }
        rule->within = within->valueint;
    }
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(r, "list");
    if (list != NULL) {
        if (!cJSON_IsString(list) ||
            (strcmp(list->valuestring, "adjacent") != 0 && strcmp(list->valuestring, "subject") != 0)) {
            snprintf(sub, sizeof sub, "%s.list", path);
            return fail(err, name, sub, SD_EINVAL, "must be \"adjacent\" or \"subject\"", NULL);
        }
        rule->list_is_subject = strcmp(list->valuestring, "subject") == 0;
    }
    const cJSON *ents = cJSON_GetObjectItemCaseSensitive(r, "entities");
    if (ents != NULL) {
        if (!cJSON_IsArray(ents)) {
            snprintf(sub, sizeof sub, "%s.entities", path);
            return fail(err, name, sub, SD_EINVAL, "must be an array of entity ids", NULL);
        }
        rule->entities = calloc((size_t)cJSON_GetArraySize(ents) + 1, sizeof(char *));
        if (rule->entities == NULL)
            return SD_ENOMEM;
        const cJSON *e;
        cJSON_ArrayForEach(e, ents)
        {
            if (!cJSON_IsString(e)) {
                snprintf(sub, sizeof sub, "%s.entities[%zu]", path, rule->nentities);
                return fail(err, name, sub, SD_EINVAL, "must be a string", NULL);
            }
            rule->entities[rule->nentities] = sd_strdup(e->valuestring);
            if (rule->entities[rule->nentities++] == NULL)
                return SD_ENOMEM;
        }
    }
    const cJSON *args = cJSON_GetObjectItemCaseSensitive(r, "args");
    if (args != NULL && !cJSON_IsObject(args)) {
        snprintf(sub, sizeof sub, "%s.args", path);
        return fail(err, name, sub, SD_EINVAL, "must be an object", NULL);
    }
    rule->args = args != NULL ? cJSON_Duplicate(args, 1) : cJSON_CreateObject();
    return rule->args != NULL ? SD_OK : SD_ENOMEM;
}

static int load_all(sd_patterns *p, const cJSON *root, const char *name, sd_error *err)
{
    const cJSON *schema = cJSON_GetObjectItemCaseSensitive(root, "schema");
    if (!cJSON_IsString(schema) || strcmp(schema->valuestring, "sanad-patterns/1") != 0)
        return fail(err, name, "schema", SD_EINVAL, "must be \"sanad-patterns/1\"", NULL);
    int rc = load_lexicon(p, cJSON_GetObjectItemCaseSensitive(root, "lexicon"), name, err);
    if (rc != SD_OK)
        return rc;

    const cJSON *mods = cJSON_GetObjectItemCaseSensitive(root, "modality");
    const cJSON *titles = cJSON_GetObjectItemCaseSensitive(root, "titles");
    const cJSON *rules = cJSON_GetObjectItemCaseSensitive(root, "rules");
    if (!cJSON_IsArray(mods))
        return fail(err, name, "modality", SD_EINVAL, "must be an array", NULL);
    if (!cJSON_IsArray(titles))
        return fail(err, name, "titles", SD_EINVAL, "must be an array", NULL);
    if (!cJSON_IsArray(rules) || cJSON_GetArraySize(rules) == 0)
        return fail(err, name, "rules", SD_EINVAL, "must be a non-empty array", NULL);

    p->mods = calloc((size_t)cJSON_GetArraySize(mods) + 1, sizeof *p->mods);
    p->titles = calloc((size_t)cJSON_GetArraySize(titles) + 1, sizeof *p->titles);
    p->rules = calloc((size_t)cJSON_GetArraySize(rules), sizeof *p->rules);
    if (p->mods == NULL || p->titles == NULL || p->rules == NULL)
        return SD_ENOMEM;
    const cJSON *it;
    char path[120];
    cJSON_ArrayForEach(it, mods)
    {
        snprintf(path, sizeof path, "modality[%zu]", p->nmods);
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(it, "class");
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(it, "modality");
        int cls = cJSON_IsString(c) ? sd_patterns_class_id(p, c->valuestring) : -1;
        int mod = cJSON_IsString(m) ? sd_claim_modality_from_name(m->valuestring) : -1;
        if (cls < 0 || mod < 0)
            return fail(err, name, path, SD_EINVAL,
                        "needs a known lexicon class and a known modality", NULL);
        p->mods[p->nmods].cls = cls;
        p->mods[p->nmods++].modality = (sd_claim_modality)mod;
    }
    cJSON_ArrayForEach(it, titles)
    {
        snprintf(path, sizeof path, "titles[%zu]", p->ntitles);
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(it, "class");
        const cJSON *o = cJSON_GetObjectItemCaseSensitive(it, "office");
        int cls = cJSON_IsString(c) ? sd_patterns_class_id(p, c->valuestring) : -1;
        if (cls < 0 || !cJSON_IsString(o))
            return fail(err, name, path, SD_EINVAL, "needs a known lexicon class and an office",
                        NULL);
        p->titles[p->ntitles].cls = cls;
        p->titles[p->ntitles].office = sd_strdup(o->valuestring);
        if (p->titles[p->ntitles++].office == NULL)
            return SD_ENOMEM;
    }
    size_t idx = 0;
    cJSON_ArrayForEach(it, rules)
    {
        p->nrules = idx + 1;
        rc = load_rule(p, it, idx++, name, err);
        if (rc != SD_OK)
            return rc;
    }
    return SD_OK;
}

int sd_patterns_load_buffer(sd_patterns **out, const char *name, const char *buf, size_t len,
                            sd_error *err)
{
    *out = NULL;
    if (memchr(buf, '\0', len) != NULL)
        return fail(err, name, NULL, SD_EPARSE, "the pattern file contains a NUL byte", NULL);
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(buf, len, &end, 0);
    if (root == NULL) {
        size_t off = end != NULL && end >= buf ? (size_t)(end - buf) : 0;
        long line, col;
        sd_error_locate(buf, len, off, &line, &col);
        sd_error_set(err, SD_EPARSE, "malformed JSON");
        sd_error_at(err, name, line, col, (long)off);
        return SD_EPARSE;
    }
    sd_patterns *p = calloc(1, sizeof *p);
    if (p == NULL || (p->trie = sd_phrase_trie_new()) == NULL) {
        free(p);
        cJSON_Delete(root);
        return sd_error_set(err, SD_ENOMEM, "out of memory");
    }
    int rc = load_all(p, root, name, err);
    cJSON_Delete(root);
    if (rc != SD_OK) {
        if (rc == SD_ENOMEM)
            sd_error_set(err, SD_ENOMEM, "out of memory loading patterns");
        sd_patterns_free(p);
        return rc;
    }
    *out = p;
    return SD_OK;
}

int sd_patterns_load(sd_patterns **out, const char *path, sd_error *err)
{
    *out = NULL;
    char *buf = NULL;
    size_t len = 0;
    int rc = sd_read_file(path, SD_MODEL_MAX_BYTES, &buf, &len, err);
    if (rc != SD_OK)
        return rc;
    rc = sd_patterns_load_buffer(out, path, buf, len, err);
    free(buf);
    return rc;
}

void sd_patterns_free(sd_patterns *p)
{
    if (p == NULL)
        return;
    for (size_t i = 0; i < p->nclasses; i++)
        free(p->classes[i]);
    free(p->classes);
    sd_phrase_trie_free(p->trie);
    for (size_t i = 0; i < p->nrules; i++) {
        sd_rule *r = &p->rules[i];
        free(r->id);
        free(r->all);
        free(r->any);
        free(r->none);
        for (size_t e = 0; e < r->nentities; e++)
            free(r->entities[e]);
        free(r->entities);
        cJSON_Delete(r->args);
    }
    free(p->rules);
    for (size_t i = 0; i < p->ntitles; i++)
        free(p->titles[i].office);
    free(p->titles);
    free(p->mods);
    free(p);
}

const char *sd_patterns_default_path(void)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/patterns/claims.json", sd_data_dir());
    return path;
}

size_t sd_patterns_phrase_count(const sd_patterns *p) { return p->nphrases; }

const sd_rule *sd_patterns_rules(const sd_patterns *p, size_t *n)
{
    *n = p->nrules;
    return p->rules;
}

const sd_title *sd_patterns_titles(const sd_patterns *p, size_t *n)
{
    *n = p->ntitles;
    return p->titles;
}

const sd_modality_marker *sd_patterns_modalities(const sd_patterns *p, size_t *n)
{
    *n = p->nmods;
    return p->mods;
}

int sd_patterns_find_cues(const sd_patterns *p, const sd_folded *f, const sd_segments *seg,
                          sd_cue_list *out, sd_error *err)
{
    out->items = NULL;
    out->n = 0;
    size_t cap = 0;
    for (size_t t = 0; t < seg->ntokens; t++) {
        const sd_token *tok = &seg->tokens[t];
        if (tok->kind != SD_TOK_WORD)
            continue;
        const int *ids = NULL;
        size_t nids = 0;
        size_t end = sd_phrase_trie_match(p->trie, f->s, f->len, tok->start, NULL, false, &ids,
                                          &nids);
        if (end == 0)
            continue;
        size_t last = t;
        while (last + 1 < seg->ntokens && seg->tokens[last + 1].start < end)
            last++;
        for (size_t k = 0; k < nids; k++) {
            if (out->n == cap) {
                cap = cap ? cap * 2 : 64;
                sd_cue *g = realloc(out->items, cap * sizeof *g);
                if (g == NULL) {
                    sd_cue_list_free(out);
                    return sd_error_set(err, SD_ENOMEM, "out of memory");
                }
                out->items = g;
            }
            sd_cue *c = &out->items[out->n++];
            c->cls = ids[k];
            c->start = tok->start;
            c->end = end;
            c->first_token = t;
            c->ntokens = last - t + 1;
        }
        /* A phrase hides the shorter phrases inside it: «معاون دبیرکل» is not «دبیرکل». */
        t = last;
    }
    return SD_OK;
}

void sd_cue_list_free(sd_cue_list *l)
{
    free(l->items);
    l->items = NULL;
    l->n = 0;
}
