/* Database, table and column schemas: strict parsing, cross-checks
 * (references, indexes) and the JSON form ovsdb-server writes. */
#include "ovsdb-schema.h"

#include <stdlib.h>
#include <string.h>

#include "ovsdb-error.h"
#include "ovsdb-parser.h"
#include "xalloc.h"

/* ---- columns ---- */

static struct ovsdb_column *ovsdb_column_create(const char *name,
						 bool ephemeral, bool mutable_)
{
	struct ovsdb_column *c = xcalloc(1, sizeof *c);

	c->name = xstrdup(name);
	c->ephemeral = ephemeral;
	c->mutable_ = mutable_;
	return c;
}

void ovsdb_column_destroy(struct ovsdb_column *c)
{
	if (!c)
		return;
	ovsdb_type_destroy(&c->type);
	free(c->name);
	free(c);
}

struct ovsdb_error *ovsdb_column_from_json(const char *name,
					   const json_t *json,
					   struct ovsdb_column **cp)
{
	static const char *const members[] = {
		"type", "ephemeral", "mutable", NULL };
	const json_t *type, *ephemeral, *mutable_;
	struct ovsdb_error *error;
	struct ovsdb_column *c;

	*cp = NULL;
	if (!json_is_object(json))
		return ovsdb_syntax_error(json, "column %s: object expected",
					  name);
	error = ovsdb_parser_check_members(json, "column", members);
	if (!error)
		error = ovsdb_parser_member(json, "column", "type",
					    OP_STRING | OP_OBJECT, &type);
	if (!error)
		error = ovsdb_parser_member(json, "column", "ephemeral",
					    OP_BOOLEAN | OP_OPTIONAL,
					    &ephemeral);
	if (!error)
		error = ovsdb_parser_member(json, "column", "mutable",
					    OP_BOOLEAN | OP_OPTIONAL,
					    &mutable_);
	if (error)
		return ovsdb_error_wrap(error, "column %s", name);
	c = ovsdb_column_create(name, ephemeral && json_is_true(ephemeral),
				!mutable_ || json_is_true(mutable_));
	error = ovsdb_type_from_json(&c->type, type);
	if (error) {
		ovsdb_column_destroy(c);
		return ovsdb_error_wrap(error, "column %s", name);
	}
	*cp = c;
	return NULL;
}

json_t *ovsdb_column_to_json(const struct ovsdb_column *c)
{
	json_t *json = json_object();

	json_object_set_new(json, "type", ovsdb_type_to_json(&c->type));
	if (c->ephemeral)
		json_object_set_new(json, "ephemeral", json_true());
	if (!c->mutable_)
		json_object_set_new(json, "mutable", json_false());
	return json;
}

/* ---- column sets ---- */

void ovsdb_column_set_init(struct ovsdb_column_set *set)
{
	set->columns = NULL;
	set->n = 0;
}

void ovsdb_column_set_destroy(struct ovsdb_column_set *set)
{
	free(set->columns);
	ovsdb_column_set_init(set);
}

void ovsdb_column_set_add(struct ovsdb_column_set *set,
			  const struct ovsdb_column *c)
{
	set->columns = xrealloc(set->columns,
				(set->n + 1) * sizeof *set->columns);
	set->columns[set->n++] = c;
}

bool ovsdb_column_set_contains(const struct ovsdb_column_set *set,
			       unsigned int index)
{
	for (size_t i = 0; i < set->n; i++)
		if (set->columns[i]->index == index)
			return true;
	return false;
}

void ovsdb_column_set_add_all(struct ovsdb_column_set *set,
			      const struct ovsdb_table_schema *ts)
{
	for (size_t i = 0; i < ts->n_columns; i++)
		ovsdb_column_set_add(set, ts->columns[i]);
}

struct ovsdb_error *ovsdb_column_set_from_json(
	const struct ovsdb_table_schema *ts, const json_t *json,
	struct ovsdb_column_set *set)
{
	ovsdb_column_set_init(set);
	if (!json_is_array(json))
		return ovsdb_syntax_error(json, "array of column names "
					  "expected");
	for (size_t i = 0; i < json_array_size(json); i++) {
		const json_t *elem = json_array_get(json, i);
		const struct ovsdb_column *c = NULL;
		struct ovsdb_error *error = NULL;

		if (!json_is_string(elem)) {
			error = ovsdb_syntax_error(json, "array of column "
						   "names expected");
		} else if (!(c = ovsdb_table_schema_find_column(
				     ts, json_string_value(elem)))) {
			error = ovsdb_error(OVSDB_E_UNKNOWN_COLUMN, "table %s "
					    "has no column %s", ts->name,
					    json_string_value(elem));
		} else if (ovsdb_column_set_contains(set, c->index)) {
			error = ovsdb_syntax_error(json, "column %s is listed "
						   "twice", c->name);
		}
		if (error) {
			ovsdb_column_set_destroy(set);
			return error;
		}
		ovsdb_column_set_add(set, c);
	}
	return NULL;
}

json_t *ovsdb_column_set_to_json(const struct ovsdb_column_set *set)
{
	json_t *json = json_array();

	for (size_t i = 0; i < set->n; i++)
		json_array_append_new(json, json_string(set->columns[i]->name));
	return json;
}

/* ---- tables ---- */

void ovsdb_table_schema_destroy(struct ovsdb_table_schema *ts)
{
	if (!ts)
		return;
	for (size_t i = 0; i < ts->n_columns; i++)
		ovsdb_column_destroy(ts->columns[i]);
	for (size_t i = 0; i < ts->n_indexes; i++)
		ovsdb_column_set_destroy(&ts->indexes[i]);
	free(ts->columns);
	free(ts->indexes);
	free(ts->name);
	free(ts);
}

const struct ovsdb_column *ovsdb_table_schema_find_column(
	const struct ovsdb_table_schema *ts, const char *name)
{
	for (size_t i = 0; i < ts->n_columns; i++)
		if (!strcmp(ts->columns[i]->name, name))
			return ts->columns[i];
	return NULL;
}

static struct ovsdb_error *ovsdb_check_name(const char *kind,
					    const char *name)
{
	if (name[0] == '_')
		return ovsdb_syntax_error(NULL, "%s name \"%s\": names "
					  "beginning with \"_\" are reserved",
					  kind, name);
	if (!ovsdb_is_id(name))
		return ovsdb_syntax_error(NULL, "%s name \"%s\" is not a valid "
					  "identifier", kind, name);
	return NULL;
}

static int ovsdb_column_cmp(const void *a_, const void *b_)
{
	const struct ovsdb_column *const *a = a_, *const *b = b_;

	return strcmp((*a)->name, (*b)->name);
}

/* _uuid and _version: scalar uuids that only the database writes. */
static void ovsdb_table_add_std_columns(struct ovsdb_table_schema *ts)
{
	static const char *const names[] = { "_uuid", "_version" };

	for (int i = 0; i < OVSDB_N_STD_COLUMNS; i++) {
		struct ovsdb_column *c = ovsdb_column_create(names[i], false,
							     false);
		ovsdb_type_init(&c->type, OVSDB_TYPE_UUID);
		ts->columns[ts->n_columns++] = c;
	}
}

static struct ovsdb_error *ovsdb_table_parse_columns(
	struct ovsdb_table_schema *ts, const json_t *columns)
{
	const char *name;
	json_t *value;
	size_t n = json_object_size(columns);

	if (!n)
		return ovsdb_syntax_error(columns, "a table needs at least one "
					  "column");
	ts->columns = xcalloc(n + OVSDB_N_STD_COLUMNS, sizeof *ts->columns);
	ovsdb_table_add_std_columns(ts);
	json_object_foreach((json_t *) columns, name, value) {
		struct ovsdb_error *error = ovsdb_check_name("column", name);
		struct ovsdb_column *c;

		if (!error)
			error = ovsdb_column_from_json(name, value, &c);
		if (error)
			return error;
		ts->columns[ts->n_columns++] = c;
	}
	qsort(ts->columns + OVSDB_N_STD_COLUMNS, n, sizeof *ts->columns,
	      ovsdb_column_cmp);
	for (size_t i = 0; i < ts->n_columns; i++)
		ts->columns[i]->index = i;
	return NULL;
}

static struct ovsdb_error *ovsdb_table_parse_indexes(
	struct ovsdb_table_schema *ts, const json_t *indexes)
{
	size_t n = json_array_size(indexes);

	ts->indexes = xcalloc(n ? n : 1, sizeof *ts->indexes);
	for (size_t i = 0; i < n; i++) {
		struct ovsdb_column_set *set = &ts->indexes[i];
		struct ovsdb_error *error;

		error = ovsdb_column_set_from_json(
			ts, json_array_get(indexes, i), set);
		if (error)
			return ovsdb_error_wrap(error, "index %zu", i);
		ts->n_indexes++;
		if (!set->n)
			return ovsdb_syntax_error(indexes, "an index needs at "
						  "least one column");
		for (size_t j = 0; j < set->n; j++)
			if (set->columns[j]->ephemeral)
				return ovsdb_syntax_error(
					indexes, "ephemeral column %s may not "
					"be part of an index",
					set->columns[j]->name);
	}
	return NULL;
}

static struct ovsdb_error *ovsdb_table_parse(struct ovsdb_table_schema *ts,
					     const json_t *json)
{
	static const char *const members[] = {
		"columns", "maxRows", "isRoot", "indexes", NULL };
	const json_t *columns, *max_rows, *is_root, *indexes;
	struct ovsdb_error *error;

	if (!json_is_object(json))
		return ovsdb_syntax_error(json, "object expected");
	error = ovsdb_parser_check_members(json, "table", members);
	if (!error)
		error = ovsdb_parser_member(json, "table", "columns",
					    OP_OBJECT, &columns);
	if (!error)
		error = ovsdb_parser_member(json, "table", "maxRows",
					    OP_INTEGER | OP_OPTIONAL,
					    &max_rows);
	if (!error)
		error = ovsdb_parser_member(json, "table", "isRoot",
					    OP_BOOLEAN | OP_OPTIONAL, &is_root);
	if (!error)
		error = ovsdb_parser_member(json, "table", "indexes",
					    OP_ARRAY | OP_OPTIONAL, &indexes);
	if (error)
		return error;
	if (max_rows && ovsdb_json_int(max_rows) < 1)
		return ovsdb_syntax_error(max_rows, "maxRows must be at "
					  "least 1");
	if (max_rows && ovsdb_json_int(max_rows) < UINT_MAX)
		ts->max_rows = ovsdb_json_int(max_rows);
	ts->is_root = is_root && json_is_true(is_root);
	error = ovsdb_table_parse_columns(ts, columns);
	if (!error && indexes)
		error = ovsdb_table_parse_indexes(ts, indexes);
	return error;
}

struct ovsdb_error *ovsdb_table_schema_from_json(
	const char *name, const json_t *json, struct ovsdb_table_schema **tsp)
{
	struct ovsdb_table_schema *ts;
	struct ovsdb_error *error;

	*tsp = NULL;
	ts = xcalloc(1, sizeof *ts);
	ts->name = xstrdup(name);
	ts->max_rows = UINT_MAX;
	error = ovsdb_table_parse(ts, json);
	if (error) {
		ovsdb_table_schema_destroy(ts);
		return ovsdb_error_wrap(error, "table %s", name);
	}
	*tsp = ts;
	return NULL;
}

json_t *ovsdb_table_schema_to_json(const struct ovsdb_table_schema *ts)
{
	json_t *json = json_object(), *columns = json_object();

	for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++)
		json_object_set_new(columns, ts->columns[i]->name,
				    ovsdb_column_to_json(ts->columns[i]));
	json_object_set_new(json, "columns", columns);
	if (ts->max_rows != UINT_MAX)
		json_object_set_new(json, "maxRows",
				    json_integer(ts->max_rows));
	if (ts->is_root)
		json_object_set_new(json, "isRoot", json_true());
	if (ts->n_indexes) {
		json_t *indexes = json_array();

		for (size_t i = 0; i < ts->n_indexes; i++)
			json_array_append_new(indexes,
					      ovsdb_column_set_to_json(
						      &ts->indexes[i]));
		json_object_set_new(json, "indexes", indexes);
	}
	return json;
}

/* ---- databases ---- */

bool ovsdb_is_valid_version(const char *s)
{
	for (int part = 0; part < 3; part++) {
		int digits = 0;

		while (*s >= '0' && *s <= '9') {
			s++;
			digits++;
		}
		if (!digits || digits > 9)
			return false;
		if (*s != (part < 2 ? '.' : '\0'))
			return false;
		s += part < 2;
	}
	return true;
}

void ovsdb_schema_destroy(struct ovsdb_schema *schema)
{
	if (!schema)
		return;
	for (size_t i = 0; i < schema->n_tables; i++)
		ovsdb_table_schema_destroy(schema->tables[i]);
	free(schema->tables);
	free(schema->name);
	free(schema->version);
	free(schema->cksum);
	free(schema);
}

const struct ovsdb_table_schema *ovsdb_schema_find_table(
	const struct ovsdb_schema *schema, const char *name)
{
	size_t lo = 0, hi = schema->n_tables;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, schema->tables[mid]->name);

		if (!c)
			return schema->tables[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

bool ovsdb_schema_is_root(const struct ovsdb_schema *schema,
			  const struct ovsdb_table_schema *ts)
{
	if (ts->is_root)
		return true;
	for (size_t i = 0; i < schema->n_tables; i++)
		if (schema->tables[i]->is_root)
			return false;
	return true;
}

static struct ovsdb_error *ovsdb_resolve_ref(const struct ovsdb_schema *schema,
					     const struct ovsdb_table_schema *ts,
					     const struct ovsdb_column *c,
					     struct ovsdb_base_type *base)
{
	if (!ovsdb_base_type_is_ref(base))
		return NULL;
	base->u.uuid.ref_table = ovsdb_schema_find_table(
		schema, base->u.uuid.ref_table_name);
	if (!base->u.uuid.ref_table)
		return ovsdb_syntax_error(NULL, "column %s in table %s refers "
					  "to unknown table %s", c->name,
					  ts->name,
					  base->u.uuid.ref_table_name);
	return NULL;
}

/* Points every refTable at its table, which must exist. */
static struct ovsdb_error *ovsdb_schema_resolve_refs(
	struct ovsdb_schema *schema)
{
	for (size_t i = 0; i < schema->n_tables; i++) {
		struct ovsdb_table_schema *ts = schema->tables[i];

		for (size_t j = 0; j < ts->n_columns; j++) {
			struct ovsdb_column *c = ts->columns[j];
			struct ovsdb_error *error;

			error = ovsdb_resolve_ref(schema, ts, c, &c->type.key);
			if (!error)
				error = ovsdb_resolve_ref(schema, ts, c,
							  &c->type.value);
			if (error)
				return error;
		}
	}
	return NULL;
}

static int ovsdb_table_cmp(const void *a_, const void *b_)
{
	const struct ovsdb_table_schema *const *a = a_, *const *b = b_;

	return strcmp((*a)->name, (*b)->name);
}

static struct ovsdb_error *ovsdb_schema_parse_tables(
	struct ovsdb_schema *schema, const json_t *tables)
{
	const char *name;
	json_t *value;

	schema->tables = xcalloc(json_object_size(tables) + 1,
				 sizeof *schema->tables);
	json_object_foreach((json_t *) tables, name, value) {
		struct ovsdb_error *error = ovsdb_check_name("table", name);
		struct ovsdb_table_schema *ts;

		if (!error)
			error = ovsdb_table_schema_from_json(name, value, &ts);
		if (error)
			return error;
		schema->tables[schema->n_tables++] = ts;
	}
	qsort(schema->tables, schema->n_tables, sizeof *schema->tables,
	      ovsdb_table_cmp);
	return ovsdb_schema_resolve_refs(schema);
}

static struct ovsdb_error *ovsdb_schema_parse(struct ovsdb_schema *schema,
					      const json_t *json)
{
	static const char *const members[] = {
		"name", "version", "cksum", "tables", NULL };
	const json_t *name, *version, *cksum, *tables;
	struct ovsdb_error *error;

	if (!json_is_object(json))
		return ovsdb_syntax_error(json, "database schema: object "
					  "expected");
	error = ovsdb_parser_check_members(json, "database schema", members);
	if (!error)
		error = ovsdb_parser_member(json, "database schema", "name",
					    OP_ID, &name);
	if (!error)
		error = ovsdb_parser_member(json, "database schema", "version",
					    OP_STRING | OP_OPTIONAL, &version);
	if (!error)
		error = ovsdb_parser_member(json, "database schema", "cksum",
					    OP_STRING | OP_OPTIONAL, &cksum);
	if (!error)
		error = ovsdb_parser_member(json, "database schema", "tables",
					    OP_OBJECT, &tables);
	if (error)
		return error;
	if (version && !ovsdb_is_valid_version(json_string_value(version)))
		return ovsdb_syntax_error(version, "schema version must be in "
					  "the form x.y.z");
	schema->name = xstrdup(json_string_value(name));
	schema->version = xstrdup(version ? json_string_value(version) : "");
	schema->cksum = cksum ? xstrdup(json_string_value(cksum)) : NULL;
	return ovsdb_schema_parse_tables(schema, tables);
}

struct ovsdb_error *ovsdb_schema_from_json(const json_t *json,
					   struct ovsdb_schema **schemap)
{
	struct ovsdb_schema *schema = xcalloc(1, sizeof *schema);
	struct ovsdb_error *error = ovsdb_schema_parse(schema, json);

	if (error) {
		ovsdb_schema_destroy(schema);
		schema = NULL;
	}
	*schemap = schema;
	return error;
}

json_t *ovsdb_schema_to_json(const struct ovsdb_schema *schema)
{
	json_t *json = json_object(), *tables = json_object();

	json_object_set_new(json, "name", json_string(schema->name));
	if (schema->version[0])
		json_object_set_new(json, "version",
				    json_string(schema->version));
	if (schema->cksum)
		json_object_set_new(json, "cksum", json_string(schema->cksum));
	for (size_t i = 0; i < schema->n_tables; i++)
		json_object_set_new(tables, schema->tables[i]->name,
				    ovsdb_table_schema_to_json(
					    schema->tables[i]));
	json_object_set_new(json, "tables", tables);
	return json;
}
