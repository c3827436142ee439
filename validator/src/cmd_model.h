/* cmd_model: the `sanad model` commands.
 *
 *   sanad model lint [MODEL]     load (validating) and run the semantic checks of lint.h
 *   sanad model stats [MODEL]    counts of sources, entities, aliases and facts
 *
 * MODEL (or --model FILE) defaults to the bundled model (sd_model_default_path). A model that
 * does not load is reported on errout as one line "FILE:LINE:COL: PATH: MESSAGE". lint writes
 * one line per finding, "SEVERITY RULE SUBJECT: message", then a summary line.
 * Exit: 0 clean, 1 lint findings (any severity), 2 usage error or a model that does not load. */
#ifndef SD_CMD_MODEL_H
#define SD_CMD_MODEL_H

#include <stdio.h>

/* argv[0] is "model". Returns the exit code. */
int sd_cmd_model(int argc, char **argv, FILE *out, FILE *errout);

#endif
