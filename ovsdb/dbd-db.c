#include "dbd-db.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ovsdb-log.h"
#include "xalloc.h"

/* The database name a schema gives, or NULL if it is not one. */
static const char *schema_name(const json_t *schema)
{
	const json_t *name = json_object_get(schema, "name");

	return json_is_object(schema) && json_is_string(name) &&
	       json_is_object(json_object_get(schema, "tables"))
	       ? json_string_value(name) : NULL;
}

int dbd_db_create(const char *path, const json_t *schema, char *err,
		  size_t size)
{
	struct ovsdb_log *log;
	int error;

	if (!schema_name(schema)) {
		snprintf(err, size, "%s: not a database schema (it needs a "
			 "\"name\" and \"tables\")", path);
		return -EINVAL;
	}
	error = ovsdb_log_open(path, OVSDB_LOG_CREATE, &log, err, size);
	if (error)
		return error;
	error = ovsdb_log_write(log, schema);
	if (!error)
		error = ovsdb_log_commit(log);
	if (error)
		snprintf(err, size, "%s", ovsdb_log_error(log));
	ovsdb_log_close(log);
	return error;
}

int dbd_db_open(const char *path, struct dbd_db **dbp, char *err,
		size_t size)
{
	struct ovsdb_log *log;
	json_t *schema, *record;
	struct dbd_db *db;
	int error = ovsdb_log_open(path, OVSDB_LOG_READ_WRITE, &log, err,
				   size);

	if (error)
		return error;
	schema = ovsdb_log_read(log);
	if (!schema_name(schema)) {
		snprintf(err, size, "%s: the first record is not a database "
			 "schema", path);
		json_decref(schema);
		ovsdb_log_close(log);
		return -EINVAL;
	}
	/* Committed transactions: replayed into tables by the transaction
	 * engine; until it serves data, only the schema is used. */
	while ((record = ovsdb_log_read(log)) != NULL)
		json_decref(record);
	db = xcalloc(1, sizeof *db);
	db->name = xstrdup(schema_name(schema));
	db->path = xstrdup(path);
	db->schema = schema;
	db->log = log;
	*dbp = db;
	return 0;
}

void dbd_db_close(struct dbd_db *db)
{
	if (!db)
		return;
	ovsdb_log_close(db->log);
	json_decref(db->schema);
	free(db->name);
	free(db->path);
	free(db);
}
