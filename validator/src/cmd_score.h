/* cmd_score: the `sanad score` command.
 *
 *   sanad score --gold G --pred P [--mode strict|value|lenient] [--format text|json]
 *               [--min-f1 X] [--output FILE]
 *
 * G and P are claims JSONL files or folders (every *.jsonl, recursively, sorted), opened
 * read-only. Lines that are not claims (malformed, unknown type, duplicate id) are reported on
 * errout as "file:line: kind: reason" and in the report, and are skipped. --output writes the
 * report atomically (temporary file + rename). Exit: 0; 1 when --min-f1 is given and the
 * overall F1 (rounded to 4 decimals) is below it; 2 on usage errors or unreadable paths. */
#ifndef SD_CMD_SCORE_H
#define SD_CMD_SCORE_H

#include <stdio.h>

/* argv[0] is "score". Returns the exit code. */
int sd_cmd_score(int argc, char **argv, FILE *out, FILE *errout);

#endif
