/* OVSDB schemas (RFC 7047 section 3.2): a database of tables, a table of
 * columns.  Every table also has the columns _uuid and _version, at
 * indexes 0 and 1; user columns follow in name order. */
#ifndef WEIR_OVSDB_SCHEMA_H
#define WEIR_OVSDB_SCHEMA_H 1

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "ovsdb-types.h"

enum {
	OVSDB_COL_UUID,
	OVSDB_COL_VERSION,
	OVSDB_N_STD_COLUMNS
};

struct ovsdb_column {
	unsigned int index;	/* position in its table's 'columns' */
	char *name;
	struct ovsdb_type type;
	bool ephemeral;		/* not written to disk */
	bool mutable_;		/* may change after the row is inserted */
};

/* A list of distinct columns of one table. */
struct ovsdb_column_set {
	const struct ovsdb_column **columns;
	size_t n;
};

struct ovsdb_table_schema {
	char *name;
	struct ovsdb_column **columns;
	size_t n_columns;
	unsigned int max_rows;	/* UINT_MAX: no limit */
	bool is_root;		/* as written; see ovsdb_schema_is_root() */
	struct ovsdb_column_set *indexes;
	size_t n_indexes;
};

struct ovsdb_schema {
	char *name;
	char *version;		/* "x.y.z", or "" when the schema has none */
	char *cksum;		/* NULL when the schema has none */
	struct ovsdb_table_schema **tables;	/* in name order */
	size_t n_tables;
};

struct ovsdb_error *ovsdb_schema_from_json(const json_t *,
					   struct ovsdb_schema **);
json_t *ovsdb_schema_to_json(const struct ovsdb_schema *);
void ovsdb_schema_destroy(struct ovsdb_schema *);
const struct ovsdb_table_schema *ovsdb_schema_find_table(
	const struct ovsdb_schema *, const char *name);
/* A table is in the root set when it says so, or when no table of the
 * schema says so (schemas older than "isRoot"). */
bool ovsdb_schema_is_root(const struct ovsdb_schema *,
			  const struct ovsdb_table_schema *);
/* "x.y.z", each a decimal number of at most 9 digits. */
bool ovsdb_is_valid_version(const char *);

struct ovsdb_error *ovsdb_table_schema_from_json(
	const char *name, const json_t *, struct ovsdb_table_schema **);
json_t *ovsdb_table_schema_to_json(const struct ovsdb_table_schema *);
void ovsdb_table_schema_destroy(struct ovsdb_table_schema *);
const struct ovsdb_column *ovsdb_table_schema_find_column(
	const struct ovsdb_table_schema *, const char *name);

struct ovsdb_error *ovsdb_column_from_json(const char *name, const json_t *,
					   struct ovsdb_column **);
json_t *ovsdb_column_to_json(const struct ovsdb_column *);
void ovsdb_column_destroy(struct ovsdb_column *);

void ovsdb_column_set_init(struct ovsdb_column_set *);
void ovsdb_column_set_destroy(struct ovsdb_column_set *);
void ovsdb_column_set_add(struct ovsdb_column_set *,
			  const struct ovsdb_column *);
bool ovsdb_column_set_contains(const struct ovsdb_column_set *,
			       unsigned int index);
/* Every column of 'table', _uuid and _version included. */
void ovsdb_column_set_add_all(struct ovsdb_column_set *,
			      const struct ovsdb_table_schema *);
/* A JSON array of distinct column names of 'table'. */
struct ovsdb_error *ovsdb_column_set_from_json(
	const struct ovsdb_table_schema *, const json_t *,
	struct ovsdb_column_set *);
json_t *ovsdb_column_set_to_json(const struct ovsdb_column_set *);

#endif /* WEIR_OVSDB_SCHEMA_H */
