#include "db.h"

#include <stdlib.h>

#include "ovsdb-error.h"
#include "ovsdb-row.h"
#include "ovsdb-schema.h"
#include "xalloc.h"

struct ovsdb_db *ovsdb_db_create(struct ovsdb_schema *schema)
{
	struct ovsdb_db *db = xcalloc(1, sizeof *db);

	db->schema = schema;
	ovsdb_refs_init(&db->refs);
	db->tables = xcalloc(schema->n_tables ? schema->n_tables : 1,
			     sizeof *db->tables);
	db->indexes = xcalloc(schema->n_tables ? schema->n_tables : 1,
			      sizeof *db->indexes);
	for (size_t i = 0; i < schema->n_tables; i++) {
		const struct ovsdb_table_schema *ts = schema->tables[i];

		db->tables[i] = ovsdb_table_create(ts);
		db->indexes[i] = xcalloc(ts->n_indexes + 1,
					 sizeof *db->indexes[i]);
		for (size_t x = 0; x < ts->n_indexes; x++)
			ovsdb_index_init(&db->indexes[i][x], &ts->indexes[x]);
	}
	return db;
}

void ovsdb_db_destroy(struct ovsdb_db *db)
{
	if (!db)
		return;
	for (size_t i = 0; i < db->schema->n_tables; i++) {
		for (size_t x = 0; x < db->schema->tables[i]->n_indexes; x++)
			ovsdb_index_destroy(&db->indexes[i][x]);
		free(db->indexes[i]);
		ovsdb_table_destroy(db->tables[i]);
	}
	free(db->indexes);
	free(db->tables);
	ovsdb_refs_destroy(&db->refs);
	ovsdb_schema_destroy(db->schema);
	free(db);
}

void ovsdb_db_index_row(struct ovsdb_db *db, size_t t,
			const struct ovsdb_row *row, bool add)
{
	for (size_t x = 0; x < db->schema->tables[t]->n_indexes; x++) {
		if (add)
			ovsdb_index_insert(&db->indexes[t][x], row);
		else
			ovsdb_index_remove(&db->indexes[t][x], row);
	}
}

size_t ovsdb_db_table_index(const struct ovsdb_db *db,
			    const struct ovsdb_table_schema *ts)
{
	for (size_t i = 0; i < db->schema->n_tables; i++)
		if (db->schema->tables[i] == ts)
			return i;
	abort();
}

struct ovsdb_table *ovsdb_db_table(const struct ovsdb_db *db,
				   const struct ovsdb_table_schema *ts)
{
	return db->tables[ovsdb_db_table_index(db, ts)];
}

struct ovsdb_error *ovsdb_db_columns_from_json(
	const struct ovsdb_table_schema *ts, const json_t *json,
	struct ovsdb_column_set *set)
{
	for (size_t i = 0; i < json_array_size(json); i++) {
		const json_t *name = json_array_get(json, i);
		const struct ovsdb_column *c;

		if (!json_is_string(name))
			return ovsdb_syntax_error(json, "array of distinct "
						  "column names expected");
		c = ovsdb_table_schema_find_column(ts,
						   json_string_value(name));
		if (!c)
			return ovsdb_syntax_error(json, "%s is not a valid "
						  "column name",
						  json_string_value(name));
		if (ovsdb_column_set_contains(set, c->index))
			return ovsdb_syntax_error(json, "array of distinct "
						  "column names expected");
		ovsdb_column_set_add(set, c);
	}
	return json_is_array(json) ? NULL
	       : ovsdb_syntax_error(json, "array of distinct column names "
				    "expected");
}

static json_t *dump_table(const struct ovsdb_table *table)
{
	struct ovsdb_column_set all;
	json_t *rows = json_object();
	const struct ovsdb_row *row;

	ovsdb_column_set_init(&all);
	ovsdb_column_set_add_all(&all, table->schema);
	OVSDB_TABLE_FOR_EACH(row, table) {
		char id[UUID_LEN + 1];

		uuid_format(ovsdb_row_get_uuid(row), id);
		json_object_set_new(rows, id, ovsdb_row_to_json(row, &all));
	}
	ovsdb_column_set_destroy(&all);
	return rows;
}

json_t *ovsdb_db_dump(const struct ovsdb_db *db)
{
	json_t *dump = json_object();

	for (size_t i = 0; i < db->schema->n_tables; i++)
		json_object_set_new(dump, db->schema->tables[i]->name,
				    dump_table(db->tables[i]));
	return dump;
}
