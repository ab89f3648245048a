/* Rows and tables: defaults, row objects both ways (with column
 * selection), errors that leave the row alone, and the uuid-keyed table
 * the transaction engine builds on. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "ovsdb-row.h"
#include "ovsdb-symbol.h"
#include "tests/unit/ovsdb-check.h"

struct fixture {
	struct ovsdb_schema *schema;
	const struct ovsdb_table_schema *a;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	f->schema = test_schema();
	f->a = ovsdb_schema_find_table(f->schema, "A");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	ovsdb_schema_destroy(f->schema);
	free(f);
	return 0;
}

static json_t *row_json(const struct ovsdb_row *row, const char *columns)
{
	struct ovsdb_column_set set;
	json_t *names, *out;

	if (!columns)
		return ovsdb_row_to_json(row, NULL);
	names = J(columns);
	assert_ok(ovsdb_column_set_from_json(row->schema, names, &set));
	out = ovsdb_row_to_json(row, &set);
	ovsdb_column_set_destroy(&set);
	json_decref(names);
	return out;
}

static void expect_row(const struct ovsdb_row *row, const char *columns,
		       const char *expected)
{
	json_t *out = row_json(row, columns);

	assert_json_text(out, expected);
	json_decref(out);
}

static void test_defaults(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_row *row = ovsdb_row_create(f->a);

	assert_true(uuid_is_zero(ovsdb_row_get_uuid(row)));
	assert_true(uuid_is_zero(ovsdb_row_get_version(row)));
	expect_row(row, "[\"i\", \"r\", \"b\", \"s\", \"u\", \"si\", \"m\", "
		   "\"oi\", \"s1\"]",
		   "{\"b\":false,\"i\":0,\"m\":[\"map\",[]],\"oi\":[\"set\",[]],"
		   "\"r\":0,\"s\":\"\",\"s1\":0,\"si\":[\"set\",[]],"
		   "\"u\":[\"uuid\",\"00000000-0000-0000-0000-000000000000\"]}");
	/* Without a selection: every column but _uuid and _version. */
	json_t *all = row_json(row, NULL);
	assert_int_equal(json_object_size(all), f->a->n_columns - 2);
	assert_null(json_object_get(all, "_uuid"));
	json_decref(all);
	expect_row(row, "[\"_uuid\"]", "{\"_uuid\":[\"uuid\","
		   "\"00000000-0000-0000-0000-000000000000\"]}");
	/* Defaults can break constraints; ovsdb-server refuses such an
	 * insert, naming the value. */
	assert_ovsdb_error(ovsdb_row_check_constraints(row),
			   "constraint violation", "column e in table A: value "
			   "\"\" is not one of the allowed values", NULL);
	json_t *fix = J("{\"e\": \"red\", \"ri\": 1}");
	assert_ok(ovsdb_row_from_json(row, fix, NULL, NULL));
	json_decref(fix);
	assert_ok(ovsdb_row_check_constraints(row));
	ovsdb_row_destroy(row);
}

static void test_from_json(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_row *row = ovsdb_row_create(f->a);
	struct ovsdb_symbol_table *symtab = ovsdb_symbol_table_create();
	struct ovsdb_column_set written;
	json_t *json;

	ovsdb_column_set_init(&written);
	json = J("{\"i\": 5, \"s\": \"x\", \"si\": [\"set\", [3, 1]], "
		 "\"m\": [\"map\", [[\"k\", 1]]], "
		 "\"ref\": [\"named-uuid\", \"b1\"]}");
	assert_ok(ovsdb_row_from_json(row, json, symtab, &written));
	assert_int_equal(written.n, 5);
	assert_true(ovsdb_column_set_contains(
		&written, ovsdb_table_schema_find_column(f->a, "si")->index));
	assert_true(ovsdb_symbol_table_find(symtab, "b1")->strong_ref);
	expect_row(row, "[\"i\", \"s\", \"si\", \"m\"]",
		   "{\"i\":5,\"m\":[\"map\",[[\"k\",1]]],\"s\":\"x\","
		   "\"si\":[\"set\",[1,3]]}");
	json_decref(json);
	ovsdb_column_set_destroy(&written);
	ovsdb_symbol_table_destroy(symtab);
	ovsdb_row_destroy(row);
}

static void bad_row(const struct ovsdb_table_schema *ts, const char *text,
		    const char *tag, const char *fragment)
{
	struct ovsdb_row *row = ovsdb_row_create(ts);
	json_t *json = J(text), *before, *after;

	json_t *seed = J("{\"i\": 1, \"s\": \"keep\"}");
	assert_ok(ovsdb_row_from_json(row, seed, NULL, NULL));
	json_decref(seed);
	before = ovsdb_row_to_json(row, NULL);
	assert_ovsdb_error(ovsdb_row_from_json(row, json, NULL, NULL), tag,
			   fragment, NULL);
	after = ovsdb_row_to_json(row, NULL);
	assert_true(json_equal(before, after));		/* unchanged */
	json_decref(before);
	json_decref(after);
	json_decref(json);
	ovsdb_row_destroy(row);
}

static void test_bad_rows(void **state)
{
	struct fixture *f = *state;

	bad_row(f->a, "[]", "syntax error", "row for table A: object expected");
	bad_row(f->a, "{\"i\": 2, \"nope\": 1}", "unknown column",
		"table A has no column nope");
	bad_row(f->a, "{\"i\": 2, \"_uuid\": [\"uuid\", "
		"\"00000000-0000-0000-0000-000000000001\"]}",
		"constraint violation", "column _uuid in table A is read-only");
	bad_row(f->a, "{\"_version\": 1}", "constraint violation",
		"column _version in table A is read-only");
	bad_row(f->a, "{\"i\": 2, \"s\": 3}", "syntax error",
		"column s in table A: string expected");
	bad_row(f->a, "{\"i\": 2, \"ri\": 7}", "constraint violation",
		"column ri in table A: value 7 is not in range 1..4");
	bad_row(f->a, "{\"i\": 2, \"e\": \"blue\"}", "constraint violation",
		"column e in table A: value \"blue\" is not one of the "
		"allowed values [\"set\",[\"green\",\"red\"]]");
	bad_row(f->a, "{\"ss\": [\"set\", [\"a\", \"b\", \"c\", \"d\"]]}",
		"syntax error",
		"column ss in table A: 4 values where 0 to 3 are allowed");
	bad_row(f->a, "{\"ref\": [\"named-uuid\", \"x\"]}", "syntax error",
		"named-uuid is not allowed here");
}

static void test_compare_update(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_row *a = ovsdb_row_create(f->a), *b;
	struct ovsdb_column_set cols;
	json_t *json = J("{\"i\": 1, \"s\": \"a\"}"), *names;

	assert_ok(ovsdb_row_from_json(a, json, NULL, NULL));
	json_decref(json);
	b = ovsdb_row_clone(a);
	names = J("[\"i\", \"s\"]");
	assert_ok(ovsdb_column_set_from_json(f->a, names, &cols));
	assert_true(ovsdb_row_equal_columns(a, b, &cols));
	assert_int_equal(ovsdb_row_hash_columns(a, &cols, 1),
			 ovsdb_row_hash_columns(b, &cols, 1));
	json = J("{\"s\": \"b\"}");
	assert_ok(ovsdb_row_from_json(b, json, NULL, NULL));
	json_decref(json);
	assert_false(ovsdb_row_equal_columns(a, b, &cols));
	ovsdb_row_update_columns(a, b, &cols);
	assert_true(ovsdb_row_equal_columns(a, b, &cols));
	assert_string_equal(ovsdb_row_get(a, cols.columns[1])->keys[0].string,
			    "b");
	ovsdb_column_set_destroy(&cols);
	json_decref(names);
	ovsdb_row_destroy(a);
	ovsdb_row_destroy(b);
}

static void test_table(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_table *table = ovsdb_table_create(f->a);
	struct ovsdb_row *row, *next, *dup;
	struct uuid uuids[500];
	size_t n = 0;

	assert_null(ovsdb_table_first(table));
	assert_null(ovsdb_table_find(table, &uuids[0]));
	for (int i = 0; i < 500; i++) {
		uuid_generate(&uuids[i]);
		row = ovsdb_row_create(f->a);
		ovsdb_row_set_uuid(row, &uuids[i]);
		row->fields[ovsdb_table_schema_find_column(f->a, "i")->index]
			.keys[0].integer = i;
		assert_true(ovsdb_table_insert(table, row));
		assert_ptr_equal(row->table, table);
	}
	assert_int_equal(ovsdb_table_count(table), 500);

	dup = ovsdb_row_create(f->a);
	ovsdb_row_set_uuid(dup, &uuids[7]);
	assert_false(ovsdb_table_insert(table, dup));
	assert_null(dup->table);
	ovsdb_row_destroy(dup);

	for (int i = 0; i < 500; i++) {
		row = ovsdb_table_find(table, &uuids[i]);
		assert_non_null(row);
		assert_true(uuid_equals(ovsdb_row_get_uuid(row), &uuids[i]));
	}
	OVSDB_TABLE_FOR_EACH (row, table)
		n++;
	assert_int_equal(n, 500);

	/* Remove every other row while walking the table. */
	n = 0;
	OVSDB_TABLE_FOR_EACH_SAFE (row, next, table) {
		if (n++ % 2) {
			ovsdb_table_remove(table, row);
			assert_null(row->table);
			ovsdb_row_destroy(row);
		}
	}
	assert_int_equal(n, 500);
	assert_int_equal(ovsdb_table_count(table), 250);
	n = 0;
	OVSDB_TABLE_FOR_EACH (row, table)
		n++;
	assert_int_equal(n, 250);
	ovsdb_table_destroy(table);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_json, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_bad_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compare_update, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_table, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
