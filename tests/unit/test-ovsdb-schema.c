/* Database schemas: the Open vSwitch schema and a small one of every
 * column shape, checked against what the real ovsdb-tool writes for
 * them, and the errors for schemas it refuses too. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "ovsdb-data.h"
#include "tests/unit/ovsdb-check.h"

#define VSWITCH_SCHEMA "/usr/share/openvswitch/vswitch.ovsschema"

static json_t *load_file(const char *path)
{
	json_error_t err;

	return json_load_file(path, 0, &err);
}

/* Parses 'json', checks that it prints back the same after a second
 * parse, and against ovsdb-tool's form of 'path' when there is one. */
static void check_round_trip(const json_t *json, const char *path)
{
	struct ovsdb_schema *schema, *again;
	json_t *out, *out2, *oracle;

	assert_ok(ovsdb_schema_from_json(json, &schema));
	out = ovsdb_schema_to_json(schema);
	assert_ok(ovsdb_schema_from_json(out, &again));
	out2 = ovsdb_schema_to_json(again);
	assert_true(json_equal(out, out2));

	oracle = path ? ovsdb_tool_canonical(path) : NULL;
	if (oracle) {
		if (!json_equal(out, oracle)) {
			char *a = json_dumps(out, JSON_SORT_KEYS);
			char *b = json_dumps(oracle, JSON_SORT_KEYS);

			fail_msg("ours:\n%s\novsdb-tool:\n%s", a, b);
		}
		json_decref(oracle);
	}
	json_decref(out);
	json_decref(out2);
	ovsdb_schema_destroy(again);
	ovsdb_schema_destroy(schema);
}

static void test_vswitch_schema(void **state)
{
	struct ovsdb_schema *schema;
	const struct ovsdb_table_schema *bridge, *port;
	const struct ovsdb_column *c;
	json_t *json;

	(void) state;
	json = load_file(VSWITCH_SCHEMA);
	if (!json)
		skip();
	check_round_trip(json, VSWITCH_SCHEMA);

	assert_ok(ovsdb_schema_from_json(json, &schema));
	assert_string_equal(schema->name, "Open_vSwitch");
	assert_string_equal(schema->version,
			    json_string_value(json_object_get(json,
							      "version")));
	assert_non_null(schema->cksum);
	assert_int_equal(schema->n_tables,
			 json_object_size(json_object_get(json, "tables")));
	bridge = ovsdb_schema_find_table(schema, "Bridge");
	port = ovsdb_schema_find_table(schema, "Port");
	assert_non_null(bridge);
	assert_non_null(port);
	assert_null(ovsdb_schema_find_table(schema, "bridge"));
	assert_false(ovsdb_schema_is_root(schema, bridge));
	assert_true(ovsdb_schema_is_root(
		schema, ovsdb_schema_find_table(schema, "Open_vSwitch")));

	c = ovsdb_table_schema_find_column(bridge, "ports");
	assert_non_null(c);
	assert_ptr_equal(c->type.key.u.uuid.ref_table, port);
	assert_int_equal(c->type.n_max, OVSDB_UNLIMITED);
	c = ovsdb_table_schema_find_column(port, "tag");
	assert_int_equal(c->type.key.u.integer.max, 4095);
	c = ovsdb_table_schema_find_column(bridge, "_uuid");
	assert_int_equal(c->index, OVSDB_COL_UUID);
	assert_false(c->mutable_);
	c = ovsdb_table_schema_find_column(bridge, "_version");
	assert_int_equal(c->index, OVSDB_COL_VERSION);
	assert_int_equal(bridge->n_indexes, 1);
	assert_string_equal(bridge->indexes[0].columns[0]->name, "name");
	ovsdb_schema_destroy(schema);
	json_decref(json);
}

static void test_test_schema(void **state)
{
	char path[64];
	int fd;
	json_t *json = J(OVSDB_TEST_SCHEMA);
	struct ovsdb_schema *schema;
	const struct ovsdb_table_schema *a;

	(void) state;
	fd = temp_file(path, sizeof path, "odb-schema");
	assert_true(fd >= 0);
	assert_int_equal(write(fd, OVSDB_TEST_SCHEMA,
			       strlen(OVSDB_TEST_SCHEMA)),
			 (ssize_t) strlen(OVSDB_TEST_SCHEMA));
	close(fd);
	check_round_trip(json, path);
	unlink(path);

	schema = test_schema();
	a = ovsdb_schema_find_table(schema, "A");
	/* User columns follow _uuid and _version in name order. */
	assert_string_equal(a->columns[2]->name, "b");
	for (size_t i = 3; i < a->n_columns; i++)
		assert_true(strcmp(a->columns[i - 1]->name,
				   a->columns[i]->name) < 0);
	for (size_t i = 0; i < a->n_columns; i++)
		assert_int_equal(a->columns[i]->index, i);
	assert_true(ovsdb_table_schema_find_column(a, "eph")->ephemeral);
	assert_false(ovsdb_table_schema_find_column(a, "imm")->mutable_);
	assert_int_equal(ovsdb_schema_find_table(schema, "B")->max_rows, 10);
	assert_int_equal(a->max_rows, UINT_MAX);
	ovsdb_schema_destroy(schema);
	json_decref(json);
}

static void test_no_root_means_all_root(void **state)
{
	struct ovsdb_schema *schema;
	json_t *json, *out;

	(void) state;
	json = J("{\"name\": \"d\", \"tables\": {\"T\": {\"columns\": "
		 "{\"c\": {\"type\": \"integer\"}}}}}");
	assert_ok(ovsdb_schema_from_json(json, &schema));
	assert_string_equal(schema->version, "");
	assert_null(schema->cksum);
	assert_true(ovsdb_schema_is_root(schema, schema->tables[0]));
	out = ovsdb_schema_to_json(schema);
	assert_json_text(out, "{\"name\":\"d\",\"tables\":{\"T\":{\"columns\":"
			 "{\"c\":{\"type\":\"integer\"}}}}}");
	json_decref(out);
	ovsdb_schema_destroy(schema);
	json_decref(json);
}

static void bad_schema_tag(const char *text, const char *tag,
			   const char *fragment)
{
	struct ovsdb_schema *schema;
	json_t *json = J(text);

	assert_ovsdb_error(ovsdb_schema_from_json(json, &schema), tag,
			   fragment, NULL);
	assert_null(schema);
	json_decref(json);
	if (!ovsdb_tool_refuses(text))
		fail_msg("ovsdb-tool accepts %s", text);
}

static void bad_schema(const char *text, const char *fragment)
{
	bad_schema_tag(text, "syntax error", fragment);
}

/* A one-table schema "d" whose table T is 'table' (JSON text). */
static void bad_table(const char *table, const char *tag,
		      const char *fragment)
{
	char *text = NULL;

	assert_true(asprintf(&text, "{\"name\": \"d\", \"version\": \"1.0.0\","
			     " \"tables\": {\"T\": %s}}", table) > 0);
	bad_schema_tag(text, tag, fragment);
	free(text);
}

#define COLS "\"columns\": {\"a\": {\"type\": \"integer\"}, " \
	"\"e\": {\"type\": \"string\", \"ephemeral\": true}}"

static void test_bad_schemas(void **state)
{
	static const struct { const char *json, *fragment; } schemas[] = {
		{ "[]",
		  "database schema: object expected" },
		{ "{\"name\": \"d\"}",
		  "required member \"tables\"" },
		{ "{\"tables\": {}}",
		  "required member \"name\"" },
		{ "{\"name\": \"1d\", \"tables\": {}}",
		  "member \"name\" must be an identifier" },
		{ "{\"name\": \"d\", \"version\": \"1.2\", \"tables\": {}}",
		  "schema version must be in the form x.y.z" },
		{ "{\"name\": \"d\", \"version\": \"1.2.x\", \"tables\": {}}",
		  "x.y.z" },
		{ "{\"name\": \"d\", \"version\": \"1.2.3.4\", "
		  "\"tables\": {}}",
		  "x.y.z" },
		{ "{\"name\": \"d\", \"version\": 1, \"tables\": {}}",
		  "member \"version\" must be a string" },
		{ "{\"name\": \"d\", \"tables\": {}, \"other\": 1}",
		  "member \"other\" is not allowed" },
		{ "{\"name\": \"d\", \"tables\": {\"_T\": {" COLS "}}}",
		  "table name \"_T\": names beginning with \"_\" are "
		  "reserved" },
		{ "{\"name\": \"d\", \"tables\": {\"a-b\": {" COLS "}}}",
		  "table name \"a-b\" is not a valid identifier" },
		{ "{\"name\": \"d\", \"tables\": {\"T\": {\"columns\": "
		  "{\"r\": {\"type\": {\"key\": {\"type\": \"uuid\", "
		  "\"refTable\": \"Nope\"}}}}}}}",
		  "column r in table T refers to unknown table Nope" },
	};
	/* The table "T" of a one-table schema. */
	static const struct { const char *json, *tag, *fragment; } tables[] = {
		{ "{\"columns\": {}}",
		  "syntax error",
		  "table T: a table needs at least one column" },
		{ "17",
		  "syntax error",
		  "table T: object expected" },
		{ "{\"columns\": {\"_x\": {\"type\": \"integer\"}}}",
		  "syntax error",
		  "column name \"_x\": names beginning with" },
		{ "{\"columns\": {\"9x\": {\"type\": \"integer\"}}}",
		  "syntax error",
		  "column name \"9x\" is not a valid" },
		{ "{\"columns\": {\"x\": {\"type\": \"int\"}}}",
		  "syntax error",
		  "table T: column x: unknown atomic type \"int\"" },
		{ "{\"columns\": {\"x\": {}}}",
		  "syntax error",
		  "column x: column: required member \"type\"" },
		{ "{\"columns\": {\"x\": {\"type\": \"integer\", "
		  "\"ephemeral\": 1}}}",
		  "syntax error",
		  "member \"ephemeral\" must be a boolean" },
		{ "{\"columns\": {\"x\": {\"type\": \"integer\", "
		  "\"default\": 1}}}",
		  "syntax error",
		  "member \"default\" is not allowed" },
		{ "{" COLS ", \"maxRows\": 0}",
		  "syntax error",
		  "maxRows must be at least 1" },
		{ "{" COLS ", \"isRoot\": \"yes\"}",
		  "syntax error",
		  "member \"isRoot\" must be a boolean" },
		{ "{" COLS ", \"indexes\": [[\"zz\"]]}",
		  "unknown column",
		  "table T has no column zz" },
		{ "{" COLS ", \"indexes\": [[]]}",
		  "syntax error",
		  "an index needs at least one column" },
		{ "{" COLS ", \"indexes\": [[\"a\", \"a\"]]}",
		  "syntax error",
		  "column a is listed twice" },
		{ "{" COLS ", \"indexes\": [[\"e\"]]}",
		  "syntax error",
		  "ephemeral column e may not be part of an index" },
		{ "{" COLS ", \"indexes\": [\"a\"]}",
		  "syntax error",
		  "array of column names expected" },
		{ "{" COLS ", \"indexes\": {}}",
		  "syntax error",
		  "member \"indexes\" must be an array" },
	};

	(void) state;
	for (size_t i = 0; i < sizeof schemas / sizeof schemas[0]; i++)
		bad_schema(schemas[i].json, schemas[i].fragment);
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		bad_table(tables[i].json, tables[i].tag, tables[i].fragment);
}

static void test_versions(void **state)
{
	(void) state;
	assert_true(ovsdb_is_valid_version("0.0.0"));
	assert_true(ovsdb_is_valid_version("8.3.1"));
	assert_true(ovsdb_is_valid_version("123456789.0.1"));
	assert_false(ovsdb_is_valid_version("1234567890.0.1"));
	assert_false(ovsdb_is_valid_version(""));
	assert_false(ovsdb_is_valid_version("1..2"));
	assert_false(ovsdb_is_valid_version("1.2.3 "));
	assert_false(ovsdb_is_valid_version("-1.2.3"));
	assert_false(ovsdb_is_valid_version("1.2.3."));
}

static void test_column_sets(void **state)
{
	struct ovsdb_schema *schema = test_schema();
	const struct ovsdb_table_schema *a = ovsdb_schema_find_table(schema,
								     "A");
	struct ovsdb_column_set set;
	json_t *json, *out;

	(void) state;
	json = J("[\"s\", \"_uuid\", \"i\"]");
	assert_ok(ovsdb_column_set_from_json(a, json, &set));
	assert_int_equal(set.n, 3);
	assert_true(ovsdb_column_set_contains(&set, OVSDB_COL_UUID));
	assert_false(ovsdb_column_set_contains(&set, OVSDB_COL_VERSION));
	out = ovsdb_column_set_to_json(&set);
	assert_true(json_equal(out, json));
	json_decref(out);
	json_decref(json);
	ovsdb_column_set_destroy(&set);

	ovsdb_column_set_add_all(&set, a);
	assert_int_equal(set.n, a->n_columns);
	ovsdb_column_set_destroy(&set);
	ovsdb_schema_destroy(schema);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vswitch_schema),
		cmocka_unit_test(test_test_schema),
		cmocka_unit_test(test_no_root_means_all_root),
		cmocka_unit_test(test_bad_schemas),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_column_sets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
