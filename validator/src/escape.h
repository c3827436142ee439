/* escape: XML / HTML escaping of arbitrary bytes that are meant to be UTF-8.
 *
 * The output is always well-formed UTF-8 that is safe in an XML 1.0 or HTML text node and in
 * a double- or single-quoted attribute value: & < > " ' become entities; C0 controls other than
 * tab/LF/CR, C1 controls, U+FFFE/U+FFFF, surrogates and invalid or truncated UTF-8 sequences
 * become U+FFFD (XML 1.0 forbids them even as character references). In attribute mode tab,
 * LF and CR are written as character references so parsers keep them.
 * JSON string escaping is cJSON's job, not this module's. */
#ifndef SD_ESCAPE_H
#define SD_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Write s[0..len) escaped to out. Returns 0, or SD_EIO when writing fails. */
int sd_escape_xml(FILE *out, const char *s, size_t len, bool attribute);
/* Same for a NUL-terminated string; NULL writes nothing. */
int sd_escape_xml_str(FILE *out, const char *s, bool attribute);

/* Move a byte offset back to the start of the UTF-8 character it falls inside, so splitting a
 * text at offsets never cuts a character. Offsets beyond len are clamped to len. */
size_t sd_utf8_boundary(const char *s, size_t len, size_t offset);

/* Advance a 1-based (line, column) position over s[0..len): LF starts a new line (a CR LF pair
 * counts once), every other character (code point; an invalid byte counts as one) adds one
 * column. Used to compute the end of an evidence span from its start. */
void sd_text_advance(const char *s, size_t len, long *line, long *column);

#endif
