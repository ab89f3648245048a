/* A database weir-dbd serves: its file (an ovsdb-log) and its schema. */
#ifndef WEIR_DBD_DB_H
#define WEIR_DBD_DB_H 1

#include <jansson.h>
#include <stddef.h>

struct ovsdb_log;

struct dbd_db {
	char *name;                     /* the schema's "name" */
	char *path;
	json_t *schema;                 /* the file's first record */
	struct ovsdb_log *log;          /* locked for this server */
};

/* Opens the database file at 'path' for serving: 0 with '*db', or -errno
 * with the reason in 'err' (no such file, held by another server, not a
 * database, corrupt). */
int dbd_db_open(const char *path, struct dbd_db **db, char *err,
		size_t err_size);
void dbd_db_close(struct dbd_db *);

/* Creates a database file at 'path' whose first record is 'schema': 0 or
 * -errno with the reason in 'err' (the file exists, a schema without a
 * name). */
int dbd_db_create(const char *path, const json_t *schema, char *err,
		  size_t err_size);

#endif /* WEIR_DBD_DB_H */
