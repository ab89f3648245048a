#include "dbd-db.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db-file.h"
#include "db.h"
#include "ovsdb-error.h"
#include "ovsdb-log.h"
#include "ovsdb-schema.h"
#include "xalloc.h"

#define DBD_COMPACT_MIN_BYTES (10u << 20)
/* Zeros written ahead of the records: a commit's sync then writes data
 * only; one stretch lasts about 2500 single-row transactions. */
#define DBD_LOG_PREALLOC (1u << 20)

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

/* Replays every record after the schema into 'mem'. */
static int replay(const char *path, struct ovsdb_log *log,
		  struct ovsdb_db *mem, char *err, size_t size)
{
	json_t *record;

	for (size_t n = 2; (record = ovsdb_log_read(log)) != NULL; n++) {
		struct ovsdb_error *error = ovsdb_db_replay(mem, record);

		json_decref(record);
		if (error) {
			char *s = ovsdb_error_to_string(error);

			snprintf(err, size, "%s: record %zu: %s", path, n, s);
			free(s);
			ovsdb_error_destroy(error);
			return -EINVAL;
		}
	}
	return 0;
}

/* The in-memory database of 'schema', or an error in 'err'. */
static struct ovsdb_db *load_schema(const char *path, const json_t *schema,
				    char *err, size_t size)
{
	struct ovsdb_schema *s;
	struct ovsdb_error *error = ovsdb_schema_from_json(schema, &s);
	char *text;

	if (!error)
		return ovsdb_db_create(s);
	text = ovsdb_error_to_string(error);
	snprintf(err, size, "%s: bad schema: %s", path, text);
	free(text);
	ovsdb_error_destroy(error);
	return NULL;
}

int dbd_db_open(const char *path, struct dbd_db **dbp, char *err,
		size_t size)
{
	struct ovsdb_log *log;
	struct ovsdb_db *mem;
	struct dbd_db *db;
	json_t *schema;
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
	mem = load_schema(path, schema, err, size);
	error = mem ? replay(path, log, mem, err, size) : -EINVAL;
	if (error) {
		ovsdb_db_destroy(mem);
		json_decref(schema);
		ovsdb_log_close(log);
		return error;
	}
	db = xcalloc(1, sizeof *db);
	db->name = xstrdup(schema_name(schema));
	db->path = xstrdup(path);
	db->schema = schema;
	db->log = log;
	db->mem = mem;
	ovsdb_log_set_prealloc(log, DBD_LOG_PREALLOC);
	*dbp = db;
	return 0;
}

long long dbd_clock_ms(int clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

struct snapshot_src {
	const struct ovsdb_db *mem;
	long long date_ms;
};

static int snapshot_text(ovsdb_log_put *put, void *put_aux, void *src_)
{
	const struct snapshot_src *src = src_;

	return ovsdb_db_snapshot_text(src->mem, src->date_ms, put, put_aux);
}

int dbd_db_compact(struct dbd_db *db, char *err, size_t size)
{
	struct snapshot_src src = { db->mem, dbd_clock_ms(CLOCK_REALTIME) };
	int error = ovsdb_log_compact_text(db->log, db->schema, snapshot_text,
					   &src);

	if (error)
		snprintf(err, size, "%s", ovsdb_log_error(db->log));
	return error;
}

bool dbd_db_should_compact(const struct dbd_db *db)
{
	struct ovsdb_log_stats st;
	uint64_t snapshot;

	ovsdb_log_get_stats(db->log, &st);
	snapshot = st.bytes - st.bytes_since_snapshot;
	return st.bytes > DBD_COMPACT_MIN_BYTES && st.bytes > 4 * snapshot;
}

void dbd_db_close(struct dbd_db *db)
{
	if (!db)
		return;
	ovsdb_log_close(db->log);
	ovsdb_db_destroy(db->mem);
	json_decref(db->schema);
	free(db->name);
	free(db->path);
	free(db);
}
