/* weir-dbtool: offline operations on weir-dbd database files.
 *
 *   weir-dbtool create DB SCHEMA   a new database file holding SCHEMA */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "dbd-db.h"

#define PROGRAM "weir-dbtool"

static int usage(int status)
{
	fprintf(status ? stderr : stdout,
		PROGRAM ": Weir database file tool\n"
		"usage: " PROGRAM " create DB SCHEMA\n");
	return status;
}

static int cmd_create(const char *db, const char *schema_file)
{
	json_error_t jerr;
	json_t *schema = json_load_file(schema_file, 0, &jerr);
	char err[512];
	int error;

	if (!schema) {
		fprintf(stderr, PROGRAM ": %s: line %d: %s\n", schema_file,
			jerr.line, jerr.text);
		return 1;
	}
	error = dbd_db_create(db, schema, err, sizeof err);
	json_decref(schema);
	if (error) {
		fprintf(stderr, PROGRAM ": %s\n", err);
		return 1;
	}
	return 0;
}

int main(int argc, char *argv[])
{
	if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")))
		return usage(0);
	if (argc == 4 && !strcmp(argv[1], "create"))
		return cmd_create(argv[2], argv[3]);
	return usage(1);
}
