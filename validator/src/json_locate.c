#include "json_locate.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* The scanner works on [buf, buf+len) with a cursor; every step checks the bound. */
typedef struct scan {
    const char *s;
    size_t len, pos;
} scan;

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void skip_ws(scan *sc)
{
    while (sc->pos < sc->len && is_ws(sc->s[sc->pos]))
        sc->pos++;
}

static char peek(const scan *sc)
{
    return sc->pos < sc->len ? sc->s[sc->pos] : '\0';
}

/* At '"': move past the closing quote. Copies the raw (undecoded) bytes into key when key is
 * not NULL; *fits is false when they did not fit or contained an escape other than \" \\ \/. */
static bool skip_string(scan *sc, char *key, size_t keycap, bool *fits)
{
    size_t n = 0;
    if (fits != NULL)
        *fits = true;
    sc->pos++;   /* opening quote */
    while (sc->pos < sc->len) {
        char c = sc->s[sc->pos++];
        if (c == '"') {
            if (key != NULL)
                key[n < keycap ? n : keycap - 1] = '\0';
            return true;
        }
        if (c == '\\') {
            if (sc->pos >= sc->len)
                break;
            c = sc->s[sc->pos++];
            if (c != '"' && c != '\\' && c != '/' && fits != NULL)
                *fits = false;
        }
        if (key != NULL) {
            if (n + 1 < keycap)
                key[n++] = c;
            else if (fits != NULL)
                *fits = false;
        }
    }
    if (key != NULL)
        key[n < keycap ? n : keycap - 1] = '\0';
    return false;
}

/* Move past one value of any kind. Containers are skipped by bracket counting (strings
 * excepted), which is enough to find the next sibling. */
static bool skip_value(scan *sc)
{
    char c = peek(sc);
    if (c == '"')
        return skip_string(sc, NULL, 0, NULL);
    if (c == '{' || c == '[') {
        size_t depth = 0;
        while (sc->pos < sc->len) {
            c = sc->s[sc->pos];
            if (c == '"') {
                if (!skip_string(sc, NULL, 0, NULL))
                    return false;
                continue;
            }
            sc->pos++;
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return true;
            }
        }
        return false;
    }
    size_t start = sc->pos;
    while (sc->pos < sc->len) {
        c = sc->s[sc->pos];
        if (c == ',' || c == ']' || c == '}' || is_ws(c))
            break;
        sc->pos++;
    }
    return sc->pos > start;
}

/* Descend from the object at sc->pos to the value of key. */
static bool enter_key(scan *sc, const char *key, size_t keylen)
{
    if (peek(sc) != '{')
        return false;
    sc->pos++;
    for (;;) {
        skip_ws(sc);
        if (peek(sc) != '"')
            return false;
        char buf[128];
        bool fits;
        if (!skip_string(sc, buf, sizeof buf, &fits))
            return false;
        skip_ws(sc);
        if (peek(sc) != ':')
            return false;
        sc->pos++;
        skip_ws(sc);
        if (fits && strlen(buf) == keylen && memcmp(buf, key, keylen) == 0)
            return true;
        if (!skip_value(sc))
            return false;
        skip_ws(sc);
        if (peek(sc) != ',')
            return false;
        sc->pos++;
    }
}

/* Descend from the array at sc->pos to element index. */
static bool enter_index(scan *sc, size_t index)
{
    if (peek(sc) != '[')
        return false;
    sc->pos++;
    for (size_t i = 0;; i++) {
        skip_ws(sc);
        char c = peek(sc);
        if (c == ']' || c == '\0')
            return false;
        if (i == index)
            return true;
        if (!skip_value(sc))
            return false;
        skip_ws(sc);
        if (peek(sc) != ',')
            return false;
        sc->pos++;
    }
}

int sd_json_locate(const char *buf, size_t len, const char *path, size_t *offset)
{
    scan sc = {buf, len, 0};
    skip_ws(&sc);
    size_t found = sc.pos;
    const char *p = path != NULL ? path : "";
    bool complete = true;
    while (*p != '\0') {
        bool ok;
        if (*p == '[') {
            size_t index = 0;
            p++;
            while (*p >= '0' && *p <= '9') {
                index = index * 10 + (size_t)(*p - '0');
                p++;
            }
            if (*p != ']') {
                complete = false;
                break;
            }
            p++;
            ok = enter_index(&sc, index);
        } else {
            if (*p == '.')
                p++;
            size_t n = strcspn(p, ".[");
            ok = n > 0 && enter_key(&sc, p, n);
            p += n;
        }
        if (!ok) {
            complete = false;
            break;
        }
        found = sc.pos;
    }
    *offset = found;
    return complete ? 0 : 1;
}

long sd_json_depth_exceeded(const char *buf, size_t len, int max_depth)
{
    long depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < len; i++) {
        char c = buf[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth)
                return (long)i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            depth--;
        }
    }
    return -1;
}

/* ---- syntax check ------------------------------------------------------------------------ */

typedef struct checker {
    scan sc;
    char *why;
    size_t whycap;
    long bad;           /* offset of the first error, -1 while none */
} checker;

/* Describe the character at pos for a message: 'x', end of file, or the UTF-8 character. */
static void describe(const scan *sc, size_t pos, char *out, size_t cap)
{
    if (pos >= sc->len) {
        snprintf(out, cap, "end of file");
        return;
    }
    unsigned char c = (unsigned char)sc->s[pos];
    if (c >= 0x20 && c < 0x7F) {
        snprintf(out, cap, "'%c'", c);
    } else if (c >= 0xC0) {
        size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (pos + n > sc->len)
            n = sc->len - pos;
        snprintf(out, cap, "'%.*s'", (int)n, sc->s + pos);
    } else {
        snprintf(out, cap, "byte 0x%02X", c);
    }
}

/* Record the first error: before alone when after is NULL, else before + the character at
 * pos + after. */
static bool chk_fail(checker *ck, size_t pos, const char *before, const char *after)
{
    if (ck->bad >= 0)
        return false;
    ck->bad = (long)pos;
    if (after == NULL) {
        snprintf(ck->why, ck->whycap, "%s", before);
    } else {
        char what[32];
        describe(&ck->sc, pos, what, sizeof what);
        snprintf(ck->why, ck->whycap, "%s%s%s", before, what, after);
    }
    return false;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool chk_string(checker *ck)
{
    scan *sc = &ck->sc;
    size_t start = sc->pos++;
    while (sc->pos < sc->len) {
        unsigned char c = (unsigned char)sc->s[sc->pos];
        if (c == '"') {
            sc->pos++;
            return true;
        }
        if (c < 0x20)
            return chk_fail(ck, sc->pos, c == '\n' ? "line break inside a string (missing '\"'?)"
                                            : "control character inside a string", NULL);
        if (c == '\\') {
            char e = sc->pos + 1 < sc->len ? sc->s[sc->pos + 1] : '\0';
            if (e == 'u') {
                for (size_t k = 2; k < 6; k++) {
                    char h = sc->pos + k < sc->len ? sc->s[sc->pos + k] : '\0';
                    if (!is_digit(h) && !((h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F')))
                        return chk_fail(ck, sc->pos, "\\u must be followed by four hex digits",
                                        NULL);
                }
                sc->pos += 6;
                continue;
            }
            if (e == '\0' || strchr("\"\\/bfnrt", e) == NULL)
                return chk_fail(ck, sc->pos, "invalid escape sequence in a string", NULL);
            sc->pos += 2;
            continue;
        }
        sc->pos++;
    }
    return chk_fail(ck, start, "unterminated string", NULL);
}

static bool chk_number(checker *ck)
{
    scan *sc = &ck->sc;
    size_t start = sc->pos;
    if (peek(sc) == '-')
        sc->pos++;
    if (peek(sc) == '0') {
        sc->pos++;
    } else if (is_digit(peek(sc))) {
        while (is_digit(peek(sc)))
            sc->pos++;
    } else {
        return chk_fail(ck, start, "invalid number", NULL);
    }
    if (peek(sc) == '.') {
        sc->pos++;
        if (!is_digit(peek(sc)))
            return chk_fail(ck, start, "invalid number", NULL);
        while (is_digit(peek(sc)))
            sc->pos++;
    }
    if (peek(sc) == 'e' || peek(sc) == 'E') {
        sc->pos++;
        if (peek(sc) == '+' || peek(sc) == '-')
            sc->pos++;
        if (!is_digit(peek(sc)))
            return chk_fail(ck, start, "invalid number", NULL);
        while (is_digit(peek(sc)))
            sc->pos++;
    }
    if (is_digit(peek(sc)) || (peek(sc) >= 'a' && peek(sc) <= 'z'))
        return chk_fail(ck, start, "invalid number", NULL);
    return true;
}

static bool chk_value(checker *ck);

static bool chk_container(checker *ck, char close)
{
    scan *sc = &ck->sc;
    bool object = close == '}';
    sc->pos++;
    skip_ws(sc);
    if (peek(sc) == close && sc->pos < sc->len) {
        sc->pos++;
        return true;
    }
    for (;;) {
        skip_ws(sc);
        if (object) {
            if (peek(sc) != '"' || sc->pos >= sc->len)
                return chk_fail(ck, sc->pos, "expected a string key, found ", "");
            if (!chk_string(ck))
                return false;
            skip_ws(sc);
            if (peek(sc) != ':' || sc->pos >= sc->len)
                return chk_fail(ck, sc->pos, "expected ':' after a key, found ", "");
            sc->pos++;
        }
        if (!chk_value(ck))
            return false;
        skip_ws(sc);
        if (sc->pos < sc->len && peek(sc) == close) {
            sc->pos++;
            return true;
        }
        if (sc->pos >= sc->len || peek(sc) != ',')
            return chk_fail(ck, sc->pos,
                            object ? "expected ',' or '}' after an object member, found "
                                   : "expected ',' or ']' after an array element, found ",
                            "");
        size_t comma = sc->pos++;
        skip_ws(sc);
        if (sc->pos < sc->len && peek(sc) == close)
            return chk_fail(ck, comma,
                            object ? "trailing comma before '}'" : "trailing comma before ']'",
                            NULL);
    }
}

static bool chk_value(checker *ck)
{
    scan *sc = &ck->sc;
    skip_ws(sc);
    if (sc->pos >= sc->len)
        return chk_fail(ck, sc->pos, "expected a value, found ", "");
    static const char *const literals[] = {"true", "false", "null"};
    char c = peek(sc);
    switch (c) {
    case '{':
        return chk_container(ck, '}');
    case '[':
        return chk_container(ck, ']');
    case '"':
        return chk_string(ck);
    default:
        break;
    }
    if (c == '-' || is_digit(c))
        return chk_number(ck);
    for (size_t i = 0; i < sizeof literals / sizeof literals[0]; i++) {
        size_t n = strlen(literals[i]);
        if (sc->pos + n <= sc->len && memcmp(sc->s + sc->pos, literals[i], n) == 0) {
            sc->pos += n;
            return true;
        }
    }
    return chk_fail(ck, sc->pos, "expected a value, found ", "");
}

long sd_json_syntax_error(const char *buf, size_t len, char *why, size_t whycap)
{
    char dummy[1];
    checker ck = {{buf, len, 0}, why != NULL ? why : dummy, why != NULL ? whycap : 1, -1};
    if (ck.whycap > 0)
        ck.why[0] = '\0';
    if (chk_value(&ck)) {
        skip_ws(&ck.sc);
        if (ck.sc.pos < len)
            chk_fail(&ck, ck.sc.pos, "unexpected ", " after the end of the JSON value");
    }
    return ck.bad;
}
