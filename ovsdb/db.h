/* An OVSDB database in memory: a schema and one table of rows for each of
 * its tables.  Transactions (txn.h) are the only way it changes. */
#ifndef WEIR_OVSDB_DB_H
#define WEIR_OVSDB_DB_H 1

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "db-index.h"
#include "refs.h"

struct ovsdb_column_set;
struct ovsdb_error;
struct ovsdb_schema;
struct ovsdb_table;
struct ovsdb_table_schema;

struct ovsdb_db {
	struct ovsdb_schema *schema;
	struct ovsdb_table **tables;	/* parallel to schema->tables */
	/* References into committed rows from committed rows, kept by
	 * ovsdb_txn_apply() and ovsdb_txn_rollback(). */
	struct ovsdb_refs refs;
	/* indexes[t][x]: the committed rows of table t by its index x. */
	struct ovsdb_index **indexes;
};

/* Adds 'row' to (or removes it from) its table's indexes: as the row
 * enters or leaves the table. */
void ovsdb_db_index_row(struct ovsdb_db *, size_t table,
			const struct ovsdb_row *, bool add);

/* An empty database of 'schema', which it takes. */
struct ovsdb_db *ovsdb_db_create(struct ovsdb_schema *schema);
void ovsdb_db_destroy(struct ovsdb_db *);

/* The index of 'ts' in the schema's table list. */
size_t ovsdb_db_table_index(const struct ovsdb_db *,
			    const struct ovsdb_table_schema *ts);
struct ovsdb_table *ovsdb_db_table(const struct ovsdb_db *,
				   const struct ovsdb_table_schema *ts);

/* A JSON array of distinct column names of 'ts' into 'set' (initialized
 * by the caller), with ovsdb-server's errors: "syntax error" for a name
 * that is no column, a repeated name, or anything but names. */
struct ovsdb_error *ovsdb_db_columns_from_json(
	const struct ovsdb_table_schema *ts, const json_t *,
	struct ovsdb_column_set *set);

/* Every row as {"Table": {"uuid": {column: value, ...}}}, rows ordered by
 * uuid and every column written, _version included: equal databases give
 * equal text. */
json_t *ovsdb_db_dump(const struct ovsdb_db *);

#endif /* WEIR_OVSDB_DB_H */
