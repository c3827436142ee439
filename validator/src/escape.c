/* escape: XML / HTML escaping of untrusted UTF-8 (see escape.h). */
#include "escape.h"

#include "error.h"

#include <string.h>

/* Entities for the five characters that can end a text node or an attribute value. */
static const struct {
    char c;
    const char *entity;
} escape_entities[] = {
    {'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}, {'\'', "&#39;"},
};

/* Whitespace that attribute-value normalization would turn into a space. */
static const struct {
    char c;
    const char *ref;
} escape_attr_ws[] = {
    {'\t', "&#9;"}, {'\n', "&#10;"}, {'\r', "&#13;"},
};

static const char escape_replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

static size_t escape_decode(const unsigned char *s, size_t len, unsigned long *cp)
{
    size_t n, i;
    unsigned long v, min;

    if (len == 0)
        return 0;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if ((s[0] & 0xE0) == 0xC0) {
        n = 2; v = s[0] & 0x1Fu; min = 0x80;
    } else if ((s[0] & 0xF0) == 0xE0) {
        n = 3; v = s[0] & 0x0Fu; min = 0x800;
    } else if ((s[0] & 0xF8) == 0xF0) {
        n = 4; v = s[0] & 0x07u; min = 0x10000;
    } else {
        return 0;
    }
    if (len < n)
        return 0;
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

/* Characters XML 1.0 cannot carry at all (and HTML treats as errors). */
static bool escape_forbidden(unsigned long cp)
{
    if (cp < 0x20)
        return cp != '\t' && cp != '\n' && cp != '\r';
    if (cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
        return true;
    return cp == 0xFFFE || cp == 0xFFFF;
}

int sd_escape_xml(FILE *out, const char *s, size_t len, bool attribute)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0, k;

    /* Copy runs of harmless bytes in one fwrite; stop at anything that needs care. */
#define FLUSH_RUN()                                                          \
    do {                                                                     \
        if (run > 0 && fwrite(s + i - run, 1, run, out) != run)              \
            return SD_EIO;                                                   \
        run = 0;                                                             \
    } while (0)

    if (s == NULL)
        return 0;
    while (i < len) {
        unsigned long cp = 0;
        size_t n = escape_decode(p + i, len - i, &cp);
        const char *rep = NULL;

        if (n == 0) {
            rep = escape_replacement;
            n = 1;
        } else if (escape_forbidden(cp)) {
            rep = escape_replacement;
        } else if (n == 1) {
            for (k = 0; k < sizeof escape_entities / sizeof escape_entities[0]; k++)
                if (escape_entities[k].c == (char)cp)
                    rep = escape_entities[k].entity;
            if (attribute)
                for (k = 0; k < sizeof escape_attr_ws / sizeof escape_attr_ws[0]; k++)
                    if (escape_attr_ws[k].c == (char)cp)
                        rep = escape_attr_ws[k].ref;
        }
        if (rep != NULL) {
            FLUSH_RUN();
            if (fputs(rep, out) == EOF)
                return SD_EIO;
            i += n;
        } else {
            i += n;
            run += n;
        }
    }
    FLUSH_RUN();
#undef FLUSH_RUN
    return 0;
}

int sd_escape_xml_str(FILE *out, const char *s, bool attribute)
{
    if (s == NULL)
        return 0;
    return sd_escape_xml(out, s, strlen(s), attribute);
}

size_t sd_utf8_boundary(const char *s, size_t len, size_t offset)
{
    size_t back = 0;

    if (offset >= len)
        return len;
    /* At most three continuation bytes precede a lead byte in valid UTF-8; in invalid text
     * the offset is kept as is (the escaper replaces stray bytes anyway). */
    while (back < 3 && offset - back > 0 && (((unsigned char)s[offset - back]) & 0xC0) == 0x80)
        back++;
    if ((((unsigned char)s[offset - back]) & 0xC0) == 0x80)
        return offset;
    if (back > 0) {
        unsigned long cp;
        size_t n = escape_decode((const unsigned char *)s + offset - back,
                                  len - (offset - back), &cp);
        if (n > back)
            return offset - back;
    }
    return offset;
}

void sd_text_advance(const char *s, size_t len, long *line, long *column)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;

    while (i < len) {
        unsigned long cp = 0;
        size_t n = escape_decode(p + i, len - i, &cp);

        if (n == 0)
            n = 1;
        if (n == 1 && p[i] == '\n') {
            (*line)++;
            *column = 1;
        } else if (!(n == 1 && p[i] == '\r' && i + 1 < len && p[i + 1] == '\n')) {
            (*column)++;
        }
        i += n;
    }
}
