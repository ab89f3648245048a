/* Tables and rows in memory.  A row holds one datum per column of its
 * table schema (fields[OVSDB_COL_UUID] is _uuid, fields[OVSDB_COL_VERSION]
 * is _version); a table finds its rows by uuid. */
#ifndef WEIR_OVSDB_ROW_H
#define WEIR_OVSDB_ROW_H 1

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ovsdb-data.h"
#include "ovsdb-schema.h"
#include "uuid.h"

struct ovsdb_symbol_table;
struct ovsdb_table;

struct ovsdb_row {
	const struct ovsdb_table_schema *schema;
	struct ovsdb_table *table;	/* NULL until inserted */
	struct ovsdb_row *hash_next;	/* the table's bucket chain */
	struct ovsdb_datum fields[];	/* schema->n_columns of them */
};

/* A row with every column at its default and a zero _uuid. */
struct ovsdb_row *ovsdb_row_create(const struct ovsdb_table_schema *);
/* A copy not in any table. */
struct ovsdb_row *ovsdb_row_clone(const struct ovsdb_row *);
void ovsdb_row_destroy(struct ovsdb_row *);

const struct uuid *ovsdb_row_get_uuid(const struct ovsdb_row *);
/* Only while the row is in no table: the table indexes it by uuid. */
void ovsdb_row_set_uuid(struct ovsdb_row *, const struct uuid *);
const struct uuid *ovsdb_row_get_version(const struct ovsdb_row *);
void ovsdb_row_set_version(struct ovsdb_row *, const struct uuid *);
const struct ovsdb_datum *ovsdb_row_get(const struct ovsdb_row *,
					const struct ovsdb_column *);

/* Sets the columns a row object names ({"column": value, ...}); adds
 * each to 'written' when not NULL.  Unknown columns, _uuid and _version,
 * and bad values are errors; then the row is unchanged. */
struct ovsdb_error *ovsdb_row_from_json(struct ovsdb_row *, const json_t *,
					struct ovsdb_symbol_table *symtab,
					struct ovsdb_column_set *written);
/* A row object with the columns in 'columns' (all but _uuid and
 * _version when NULL). */
json_t *ovsdb_row_to_json(const struct ovsdb_row *,
			  const struct ovsdb_column_set *columns);

/* Every column's value satisfies its constraints (a new row's defaults
 * need not: "" is not in a string enum).  The error names the column. */
struct ovsdb_error *ovsdb_row_check_constraints(const struct ovsdb_row *);

bool ovsdb_row_equal_columns(const struct ovsdb_row *,
			     const struct ovsdb_row *,
			     const struct ovsdb_column_set *);
uint32_t ovsdb_row_hash_columns(const struct ovsdb_row *,
				const struct ovsdb_column_set *,
				uint32_t basis);
/* Copies the columns in 'columns' from 'src' into 'dst'. */
void ovsdb_row_update_columns(struct ovsdb_row *dst,
			      const struct ovsdb_row *src,
			      const struct ovsdb_column_set *columns);

struct ovsdb_table {
	const struct ovsdb_table_schema *schema;
	struct ovsdb_row **buckets;
	size_t n_buckets;	/* 0 or a power of 2 */
	size_t n_rows;
};

struct ovsdb_table *ovsdb_table_create(const struct ovsdb_table_schema *);
/* Destroys the table and every row in it. */
void ovsdb_table_destroy(struct ovsdb_table *);
size_t ovsdb_table_count(const struct ovsdb_table *);
struct ovsdb_row *ovsdb_table_find(const struct ovsdb_table *,
				   const struct uuid *);
/* Takes 'row' (of this table's schema, in no table); false, and nothing
 * done, when a row with its uuid is already there. */
bool ovsdb_table_insert(struct ovsdb_table *, struct ovsdb_row *);
/* Unlinks 'row' from its table; the caller then owns it. */
void ovsdb_table_remove(struct ovsdb_table *, struct ovsdb_row *);
/* Rows in no particular order; removing the current row is safe when
 * the next one was fetched first (see OVSDB_TABLE_FOR_EACH_SAFE). */
struct ovsdb_row *ovsdb_table_first(const struct ovsdb_table *);
struct ovsdb_row *ovsdb_table_next(const struct ovsdb_table *,
				   const struct ovsdb_row *);

#define OVSDB_TABLE_FOR_EACH(ROW, TABLE)				\
	for ((ROW) = ovsdb_table_first(TABLE); (ROW);			\
	     (ROW) = ovsdb_table_next(TABLE, ROW))
#define OVSDB_TABLE_FOR_EACH_SAFE(ROW, NEXT, TABLE)			\
	for ((ROW) = ovsdb_table_first(TABLE);				\
	     (ROW) && ((NEXT) = ovsdb_table_next(TABLE, ROW), true);	\
	     (ROW) = (NEXT))

#endif /* WEIR_OVSDB_ROW_H */
