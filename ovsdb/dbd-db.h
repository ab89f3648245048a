/* A database weir-dbd serves: its file (an ovsdb-log), its schema, and its
 * contents in memory, rebuilt at open by replaying the file's records. */
#ifndef WEIR_DBD_DB_H
#define WEIR_DBD_DB_H 1

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

struct ovsdb_db;
struct ovsdb_log;

struct dbd_db {
	char *name;                     /* the schema's "name" */
	char *path;
	json_t *schema;                 /* the file's first record */
	struct ovsdb_log *log;          /* locked for this server */
	struct ovsdb_db *mem;           /* the committed contents */
};

/* Opens the database file at 'path' for serving: 0 with '*db', or -errno
 * with the reason in 'err' (no such file, held by another server, not a
 * database, corrupt, a record that does not apply). */
int dbd_db_open(const char *path, struct dbd_db **db, char *err,
		size_t err_size);
void dbd_db_close(struct dbd_db *);

/* Creates a database file at 'path' whose first record is 'schema': 0 or
 * -errno with the reason in 'err' (the file exists, a schema without a
 * name). */
int dbd_db_create(const char *path, const json_t *schema, char *err,
		  size_t err_size);

/* Rewrites the file as the schema and one snapshot of the contents: 0 or
 * -errno with the reason in 'err'. */
int dbd_db_compact(struct dbd_db *, char *err, size_t err_size);
/* The log has grown past 10 MB and past 4 times its snapshot. */
bool dbd_db_should_compact(const struct dbd_db *);

/* Milliseconds on 'clock' (CLOCK_REALTIME for the records' "_date",
 * CLOCK_MONOTONIC for timeouts). */
long long dbd_clock_ms(int clock);

#endif /* WEIR_DBD_DB_H */
