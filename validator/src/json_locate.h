/* json_locate: positions in raw JSON text.
 * cJSON keeps no source positions, so a loader that finds a problem in the parsed tree re-scans
 * the original text to put a line and column on the JSON path it names. The scanner is
 * lenient and bounded: it never reads past len and gives a best effort on malformed text. */
#ifndef SD_JSON_LOCATE_H
#define SD_JSON_LOCATE_H

#include <stddef.h>

/* Find the value at path ("", "facts[12].from", "entities[3].names.fa") in buf.
 * Returns 0 and sets *offset to the first byte of that value when the whole path exists;
 * returns 1 and sets *offset to the deepest value found along the path (the root at worst)
 * when a key or index is missing or the text is malformed on the way.
 * Keys in path may not contain '.' or '['. */
int sd_json_locate(const char *buf, size_t len, const char *path, size_t *offset);

/* Byte offset of the first '[' or '{' nested deeper than max_depth (the outermost bracket is
 * depth 1), or -1 when there is none. Strings are skipped, so brackets inside them do not count. */
long sd_json_depth_exceeded(const char *buf, size_t len, int max_depth);

/* Check strict JSON syntax (RFC 8259) and find the first error, which cJSON does not locate
 * precisely. Returns -1 when buf is one well-formed JSON value (surrounded by white space),
 * else the byte offset of the problem, with a reason ("expected ',' or '}' after an object
 * member") written to why. Nesting must already be bounded (sd_json_depth_exceeded): the
 * checker recurses once per level. */
long sd_json_syntax_error(const char *buf, size_t len, char *why, size_t whycap);

#endif
