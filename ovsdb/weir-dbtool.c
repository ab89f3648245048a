/* weir-dbtool: offline operations on weir-dbd database files.
 *
 *   weir-dbtool create DB SCHEMA   a new database file holding SCHEMA
 *   weir-dbtool show-log DB        one line per record, for humans
 *   weir-dbtool compact DB         rewrites DB as schema + one snapshot */
#include <errno.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dbd-db.h"
#include "ovsdb-log.h"

#define PROGRAM "weir-dbtool"

static int usage(int status)
{
	fprintf(status ? stderr : stdout,
		PROGRAM ": Weir database file tool\n"
		"usage: " PROGRAM " create DB SCHEMA\n"
		"       " PROGRAM " show-log DB\n"
		"       " PROGRAM " compact DB\n");
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

static void print_date(const json_t *date)
{
	time_t secs;
	struct tm tm;
	char buf[32];

	if (!json_is_integer(date))
		return;
	secs = json_integer_value(date) / 1000;
	gmtime_r(&secs, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
	printf(" %s.%03lld", buf, json_integer_value(date) % 1000);
}

/* "Table insert|modify|delete uuid" for each row a record touches; a row
 * with its uuid seen before in the log is modified. */
static void print_changes(const json_t *record, json_t *seen)
{
	const char *table, *id;
	json_t *rows, *row;
	bool first = true;

	json_object_foreach((json_t *) record, table, rows) {
		if (table[0] == '_' || !json_is_object(rows))
			continue;
		json_object_foreach(rows, id, row) {
			const char *what = json_is_null(row) ? "delete"
					   : json_object_get(seen, id)
					   ? "modify" : "insert";

			printf("%s %s %s %.8s", first ? "" : ",", table, what,
			       id);
			first = false;
			if (json_is_null(row))
				json_object_del(seen, id);
			else
				json_object_set_new(seen, id, json_true());
		}
	}
}

static int cmd_show_log(const char *path)
{
	struct ovsdb_log *log;
	json_t *record, *seen = json_object();
	char err[512];
	size_t n = 0;

	if (ovsdb_log_open(path, OVSDB_LOG_READ_ONLY, &log, err, sizeof err)) {
		fprintf(stderr, PROGRAM ": %s\n", err);
		return 1;
	}
	for (; (record = ovsdb_log_read(log)) != NULL; n++) {
		const json_t *comment = json_object_get(record, "_comment");

		printf("record %zu:", n);
		if (!n) {
			printf(" schema \"%s\", version \"%s\"\n",
			       json_string_value(json_object_get(record,
								 "name")),
			       json_string_value(json_object_get(record,
								 "version"))
			       ?: "");
			json_decref(record);
			continue;
		}
		print_date(json_object_get(record, "_date"));
		if (json_is_string(comment))
			printf(" \"%s\"", json_string_value(comment));
		print_changes(record, seen);
		printf("\n");
		json_decref(record);
	}
	json_decref(seen);
	ovsdb_log_close(log);
	return 0;
}

static int cmd_compact(const char *path)
{
	struct dbd_db *db;
	char err[512];
	int error = dbd_db_open(path, &db, err, sizeof err);

	if (!error) {
		error = dbd_db_compact(db, err, sizeof err);
		dbd_db_close(db);
	}
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
	if (argc == 3 && !strcmp(argv[1], "show-log"))
		return cmd_show_log(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "compact"))
		return cmd_compact(argv[2]);
	return usage(1);
}
