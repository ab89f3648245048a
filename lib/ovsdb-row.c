/* Rows (one datum per column) and tables (rows chained in buckets by the
 * hash of their uuid). */
#include "ovsdb-row.h"

#include <stdlib.h>
#include <string.h>

#include "ovsdb-error.h"
#include "xalloc.h"

/* ---- rows ---- */

static struct ovsdb_row *ovsdb_row_alloc(const struct ovsdb_table_schema *ts)
{
	struct ovsdb_row *row;

	row = xcalloc(1, sizeof *row + ts->n_columns * sizeof row->fields[0]);
	row->schema = ts;
	return row;
}

struct ovsdb_row *ovsdb_row_create(const struct ovsdb_table_schema *ts)
{
	struct ovsdb_row *row = ovsdb_row_alloc(ts);

	for (size_t i = 0; i < ts->n_columns; i++)
		ovsdb_datum_init_default(&row->fields[i],
					 &ts->columns[i]->type);
	return row;
}

struct ovsdb_row *ovsdb_row_clone(const struct ovsdb_row *src)
{
	const struct ovsdb_table_schema *ts = src->schema;
	struct ovsdb_row *row = ovsdb_row_alloc(ts);

	for (size_t i = 0; i < ts->n_columns; i++)
		ovsdb_datum_clone(&row->fields[i], &src->fields[i],
				  &ts->columns[i]->type);
	return row;
}

void ovsdb_row_destroy(struct ovsdb_row *row)
{
	if (!row)
		return;
	for (size_t i = 0; i < row->schema->n_columns; i++)
		ovsdb_datum_destroy(&row->fields[i],
				    &row->schema->columns[i]->type);
	free(row);
}

const struct uuid *ovsdb_row_get_uuid(const struct ovsdb_row *row)
{
	return &row->fields[OVSDB_COL_UUID].keys[0].uuid;
}

void ovsdb_row_set_uuid(struct ovsdb_row *row, const struct uuid *uuid)
{
	row->fields[OVSDB_COL_UUID].keys[0].uuid = *uuid;
}

const struct uuid *ovsdb_row_get_version(const struct ovsdb_row *row)
{
	return &row->fields[OVSDB_COL_VERSION].keys[0].uuid;
}

void ovsdb_row_set_version(struct ovsdb_row *row, const struct uuid *uuid)
{
	row->fields[OVSDB_COL_VERSION].keys[0].uuid = *uuid;
}

const struct ovsdb_datum *ovsdb_row_get(const struct ovsdb_row *row,
					const struct ovsdb_column *c)
{
	return &row->fields[c->index];
}

/* Parses every member of 'json' into 'parsed' (by column index). */
static struct ovsdb_error *ovsdb_row_parse(const struct ovsdb_table_schema *ts,
					   const json_t *json,
					   struct ovsdb_symbol_table *symtab,
					   struct ovsdb_datum *parsed,
					   bool *present)
{
	const char *name;
	json_t *value;

	json_object_foreach((json_t *) json, name, value) {
		const struct ovsdb_column *c;
		struct ovsdb_error *error;

		c = ovsdb_table_schema_find_column(ts, name);
		if (!c)
			return ovsdb_error(OVSDB_E_UNKNOWN_COLUMN, "table %s "
					   "has no column %s", ts->name, name);
		if (c->index < OVSDB_N_STD_COLUMNS)
			return ovsdb_error(OVSDB_E_CONSTRAINT, "column %s in "
					   "table %s is read-only", name,
					   ts->name);
		error = ovsdb_datum_from_json(&parsed[c->index], &c->type,
					      value, symtab);
		if (error)
			return ovsdb_error_wrap(error, "column %s in table %s",
						name, ts->name);
		present[c->index] = true;
	}
	return NULL;
}

struct ovsdb_error *ovsdb_row_from_json(struct ovsdb_row *row,
					const json_t *json,
					struct ovsdb_symbol_table *symtab,
					struct ovsdb_column_set *written)
{
	const struct ovsdb_table_schema *ts = row->schema;
	struct ovsdb_datum *parsed;
	struct ovsdb_error *error;
	bool *present;

	if (!json_is_object(json))
		return ovsdb_syntax_error(json, "row for table %s: object "
					  "expected", ts->name);
	parsed = xcalloc(ts->n_columns, sizeof *parsed);
	present = xcalloc(ts->n_columns, sizeof *present);
	error = ovsdb_row_parse(ts, json, symtab, parsed, present);
	for (size_t i = 0; i < ts->n_columns; i++) {
		if (!error && present[i]) {
			ovsdb_datum_swap(&row->fields[i], &parsed[i]);
			if (written)
				ovsdb_column_set_add(written, ts->columns[i]);
		}
		ovsdb_datum_destroy(&parsed[i], &ts->columns[i]->type);
	}
	free(parsed);
	free(present);
	return error;
}

json_t *ovsdb_row_to_json(const struct ovsdb_row *row,
			  const struct ovsdb_column_set *columns)
{
	const struct ovsdb_table_schema *ts = row->schema;
	json_t *json = json_object();
	size_t n = columns ? columns->n : ts->n_columns;

	for (size_t i = 0; i < n; i++) {
		const struct ovsdb_column *c = columns ? columns->columns[i]
						       : ts->columns[i];

		if (!columns && c->index < OVSDB_N_STD_COLUMNS)
			continue;
		json_object_set_new(json, c->name,
				    ovsdb_datum_to_json(&row->fields[c->index],
							&c->type));
	}
	return json;
}

struct ovsdb_error *ovsdb_row_check_constraints(const struct ovsdb_row *row)
{
	const struct ovsdb_table_schema *ts = row->schema;

	for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++) {
		const struct ovsdb_column *c = ts->columns[i];
		struct ovsdb_error *error;

		error = ovsdb_datum_check_constraints(&row->fields[i],
						      &c->type);
		if (error)
			return ovsdb_error_wrap(error, "column %s in table %s",
						c->name, ts->name);
	}
	return NULL;
}

bool ovsdb_row_equal_columns(const struct ovsdb_row *a,
			     const struct ovsdb_row *b,
			     const struct ovsdb_column_set *columns)
{
	for (size_t i = 0; i < columns->n; i++) {
		const struct ovsdb_column *c = columns->columns[i];

		if (!ovsdb_datum_equals(&a->fields[c->index],
					&b->fields[c->index], &c->type))
			return false;
	}
	return true;
}

uint32_t ovsdb_row_hash_columns(const struct ovsdb_row *row,
				const struct ovsdb_column_set *columns,
				uint32_t basis)
{
	for (size_t i = 0; i < columns->n; i++) {
		const struct ovsdb_column *c = columns->columns[i];

		basis = ovsdb_datum_hash(&row->fields[c->index], &c->type,
					 basis);
	}
	return basis;
}

void ovsdb_row_update_columns(struct ovsdb_row *dst,
			      const struct ovsdb_row *src,
			      const struct ovsdb_column_set *columns)
{
	for (size_t i = 0; i < columns->n; i++) {
		const struct ovsdb_column *c = columns->columns[i];
		struct ovsdb_datum copy;

		ovsdb_datum_clone(&copy, &src->fields[c->index], &c->type);
		ovsdb_datum_swap(&dst->fields[c->index], &copy);
		ovsdb_datum_destroy(&copy, &c->type);
	}
}

/* ---- tables ---- */

struct ovsdb_table *ovsdb_table_create(const struct ovsdb_table_schema *ts)
{
	struct ovsdb_table *table = xcalloc(1, sizeof *table);

	table->schema = ts;
	return table;
}

void ovsdb_table_destroy(struct ovsdb_table *table)
{
	if (!table)
		return;
	for (size_t i = 0; i < table->n_buckets; i++) {
		struct ovsdb_row *row = table->buckets[i], *next;

		for (; row; row = next) {
			next = row->hash_next;
			ovsdb_row_destroy(row);
		}
	}
	free(table->buckets);
	free(table);
}

size_t ovsdb_table_count(const struct ovsdb_table *table)
{
	return table->n_rows;
}

static size_t ovsdb_table_bucket(const struct ovsdb_table *table,
				 const struct uuid *uuid)
{
	return uuid_hash(uuid) & (table->n_buckets - 1);
}

struct ovsdb_row *ovsdb_table_find(const struct ovsdb_table *table,
				   const struct uuid *uuid)
{
	struct ovsdb_row *row;

	if (!table->n_buckets)
		return NULL;
	row = table->buckets[ovsdb_table_bucket(table, uuid)];
	for (; row; row = row->hash_next)
		if (uuid_equals(ovsdb_row_get_uuid(row), uuid))
			return row;
	return NULL;
}

static void ovsdb_table_link(struct ovsdb_table *table, struct ovsdb_row *row)
{
	size_t b = ovsdb_table_bucket(table, ovsdb_row_get_uuid(row));

	row->hash_next = table->buckets[b];
	table->buckets[b] = row;
}

static void ovsdb_table_grow(struct ovsdb_table *table)
{
	struct ovsdb_row **old = table->buckets;
	size_t n_old = table->n_buckets;

	table->n_buckets = n_old ? 2 * n_old : 16;
	table->buckets = xcalloc(table->n_buckets, sizeof *table->buckets);
	for (size_t i = 0; i < n_old; i++) {
		struct ovsdb_row *row = old[i], *next;

		for (; row; row = next) {
			next = row->hash_next;
			ovsdb_table_link(table, row);
		}
	}
	free(old);
}

bool ovsdb_table_insert(struct ovsdb_table *table, struct ovsdb_row *row)
{
	if (ovsdb_table_find(table, ovsdb_row_get_uuid(row)))
		return false;
	if (table->n_rows >= table->n_buckets)
		ovsdb_table_grow(table);
	ovsdb_table_link(table, row);
	row->table = table;
	table->n_rows++;
	return true;
}

void ovsdb_table_remove(struct ovsdb_table *table, struct ovsdb_row *row)
{
	struct ovsdb_row **p;

	if (!table->n_buckets)
		return;
	p = &table->buckets[ovsdb_table_bucket(table, ovsdb_row_get_uuid(row))];
	for (; *p; p = &(*p)->hash_next) {
		if (*p == row) {
			*p = row->hash_next;
			row->hash_next = NULL;
			row->table = NULL;
			table->n_rows--;
			return;
		}
	}
}

/* The first row at or after bucket 'b'. */
static struct ovsdb_row *ovsdb_table_scan(const struct ovsdb_table *table,
					  size_t b)
{
	for (; b < table->n_buckets; b++)
		if (table->buckets[b])
			return table->buckets[b];
	return NULL;
}

struct ovsdb_row *ovsdb_table_first(const struct ovsdb_table *table)
{
	return ovsdb_table_scan(table, 0);
}

struct ovsdb_row *ovsdb_table_next(const struct ovsdb_table *table,
				   const struct ovsdb_row *row)
{
	if (row->hash_next)
		return row->hash_next;
	return ovsdb_table_scan(table,
				ovsdb_table_bucket(table,
						   ovsdb_row_get_uuid(row)) + 1);
}
