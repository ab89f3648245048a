/* Atoms and datums: every JSON form both ways, strictness (duplicates,
 * wrong types, sizes, UTF-8), constraint errors that name the value,
 * canonical order, and the set algebra mutations and conditions use. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "ovsdb-data.h"
#include "ovsdb-symbol.h"
#include "tests/unit/ovsdb-check.h"

static void type_from(struct ovsdb_type *type, const char *text)
{
	json_t *json = J(text);

	assert_ok(ovsdb_type_from_json(type, json));
	json_decref(json);
}

static void datum_from(struct ovsdb_datum *d, const struct ovsdb_type *type,
		       const char *text)
{
	json_t *json = J(text);

	assert_ok(ovsdb_datum_from_json(d, type, json, NULL));
	json_decref(json);
}

/* Parses 'text' as 'type_text' and checks the JSON it prints back. */
static void datum_round_trip(const char *type_text, const char *text,
			     const char *canonical)
{
	struct ovsdb_type type;
	struct ovsdb_datum d, copy;
	json_t *out;

	type_from(&type, type_text);
	datum_from(&d, &type, text);
	out = ovsdb_datum_to_json(&d, &type);
	assert_json_text(out, canonical);
	json_decref(out);
	ovsdb_datum_clone(&copy, &d, &type);
	assert_true(ovsdb_datum_equals(&d, &copy, &type));
	assert_int_equal(ovsdb_datum_hash(&d, &type, 0),
			 ovsdb_datum_hash(&copy, &type, 0));
	ovsdb_datum_destroy(&copy, &type);
	ovsdb_datum_destroy(&d, &type);
	ovsdb_type_destroy(&type);
}

static void datum_bad_json(const char *type_text, json_t *json,
			   const char *tag, const char *fragment)
{
	struct ovsdb_type type;
	struct ovsdb_datum d;

	type_from(&type, type_text);
	assert_ovsdb_error(ovsdb_datum_from_json(&d, &type, json, NULL), tag,
			   fragment, NULL);
	assert_int_equal(d.n, 0);
	assert_null(d.keys);
	ovsdb_type_destroy(&type);
	json_decref(json);
}

static void datum_bad(const char *type_text, const char *text,
		      const char *tag, const char *fragment)
{
	datum_bad_json(type_text, J(text), tag, fragment);
}

#define SET_OF(T) "{\"key\": \"" T "\", \"min\": 0, \"max\": \"unlimited\"}"
#define MAP_OF(K, V) "{\"key\": \"" K "\", \"value\": \"" V "\", " \
	"\"min\": 0, \"max\": \"unlimited\"}"

static void test_atoms(void **state)
{
	(void) state;
	datum_round_trip("\"integer\"", "-42", "-42");
	/* As ovsdb-server, an integral real is an integer. */
	datum_round_trip("\"integer\"", "2.0", "2");
	datum_round_trip("\"integer\"", "-1e3", "-1000");
	datum_round_trip("\"integer\"", "9223372036854775807",
			 "9223372036854775807");
	datum_round_trip("\"real\"", "2.5", "2.5");
	datum_round_trip("\"real\"", "3", "3");	/* integral: as %.17g */
	datum_round_trip("\"boolean\"", "true", "true");
	datum_round_trip("\"boolean\"", "false", "false");
	datum_round_trip("\"string\"", "\"h\\u00e9\"", "\"h\xc3\xa9\"");
	datum_round_trip("\"uuid\"",
			 "[\"uuid\", \"0123ABCD-4567-89ab-cdef-0011223344ff\"]",
			 "[\"uuid\",\"0123abcd-4567-89ab-cdef-0011223344ff\"]");
	/* A scalar may also be written as a set of one. */
	datum_round_trip("\"integer\"", "[\"set\", [5]]", "5");
}

static void test_bad_atoms(void **state)
{
	(void) state;
	datum_bad("\"integer\"", "1.5", "syntax error", "integer expected");
	datum_bad("\"integer\"", "1e300", "syntax error", "integer expected");
	datum_bad("\"integer\"", "\"1\"", "syntax error", "integer expected");
	datum_bad("\"real\"", "true", "syntax error", "real expected");
	datum_bad("\"boolean\"", "0", "syntax error", "boolean expected");
	datum_bad("\"string\"", "null", "syntax error", "string expected");
	datum_bad("\"uuid\"", "\"0123abcd-4567-89ab-cdef-0011223344ff\"",
		  "syntax error", "uuid expected");
	datum_bad("\"uuid\"", "[\"uuid\", \"not-a-uuid\"]", "syntax error",
		  "\"not-a-uuid\" is not a valid uuid");
	datum_bad("\"uuid\"", "[\"uuid\"]", "syntax error", "uuid expected");
	datum_bad("\"uuid\"", "[\"oid\", \"x\"]", "syntax error",
		  "uuid expected");
	datum_bad("\"uuid\"", "[\"named-uuid\", \"row1\"]", "syntax error",
		  "named-uuid is not allowed here");
	/* jansson accepts these strings only when told not to check. */
	datum_bad_json("\"string\"", json_stringn_nocheck("a\xff", 2),
		       "constraint violation", "not valid UTF-8");
	datum_bad_json("\"string\"", json_stringn_nocheck("a\0b", 3),
		       "constraint violation", "contains a NUL");
}

static void test_named_uuid(void **state)
{
	struct ovsdb_symbol_table *symtab = ovsdb_symbol_table_create();
	struct ovsdb_type strong, weak;
	struct ovsdb_datum d;
	struct ovsdb_symbol *sym;
	struct uuid u;
	json_t *json;

	(void) state;
	type_from(&strong, "{\"key\": {\"type\": \"uuid\", \"refTable\": "
		  "\"T\"}}");
	type_from(&weak, "{\"key\": {\"type\": \"uuid\", \"refTable\": "
		  "\"T\", \"refType\": \"weak\"}}");
	uuid_generate(&u);
	assert_non_null(ovsdb_symbol_table_put(symtab, "new_row", &u, true));
	assert_null(ovsdb_symbol_table_put(symtab, "new_row", &u, true));

	json = J("[\"named-uuid\", \"new_row\"]");
	assert_ok(ovsdb_datum_from_json(&d, &strong, json, symtab));
	assert_true(uuid_equals(&d.keys[0].uuid, &u));
	ovsdb_datum_destroy(&d, &strong);
	sym = ovsdb_symbol_table_find(symtab, "new_row");
	assert_true(sym->created && sym->strong_ref && !sym->weak_ref);
	json_decref(json);

	/* An unknown name gets a fresh uuid, the same every time. */
	json = J("[\"named-uuid\", \"later\"]");
	assert_ok(ovsdb_datum_from_json(&d, &weak, json, symtab));
	sym = ovsdb_symbol_table_find(symtab, "later");
	assert_non_null(sym);
	assert_false(sym->created);
	assert_true(sym->weak_ref && !sym->strong_ref);
	assert_true(uuid_equals(&d.keys[0].uuid, &sym->uuid));
	ovsdb_datum_destroy(&d, &weak);
	json_decref(json);
	assert_int_equal(ovsdb_symbol_table_count(symtab), 2);
	assert_string_equal(ovsdb_symbol_table_at(symtab, 1)->name, "later");
	assert_null(ovsdb_symbol_table_at(symtab, 2));

	json = J("[\"named-uuid\", \"not an id\"]");
	assert_ovsdb_error(ovsdb_datum_from_json(&d, &weak, json, symtab),
			   "syntax error", "is not a valid identifier", NULL);
	json_decref(json);

	ovsdb_type_destroy(&strong);
	ovsdb_type_destroy(&weak);
	ovsdb_symbol_table_destroy(symtab);
}

static void test_symbol_table_many(void **state)
{
	struct ovsdb_symbol_table *symtab = ovsdb_symbol_table_create();
	char name[32];

	(void) state;
	for (int i = 0; i < 1000; i++) {
		snprintf(name, sizeof name, "row%d", i);
		assert_non_null(ovsdb_symbol_table_insert(symtab, name));
	}
	assert_int_equal(ovsdb_symbol_table_count(symtab), 1000);
	for (int i = 0; i < 1000; i++) {
		snprintf(name, sizeof name, "row%d", i);
		assert_ptr_equal(ovsdb_symbol_table_find(symtab, name),
				 ovsdb_symbol_table_at(symtab, i));
	}
	assert_null(ovsdb_symbol_table_find(symtab, "row1000"));
	ovsdb_symbol_table_destroy(symtab);
}

static void test_sets(void **state)
{
	(void) state;
	/* Sorted on the way in, whatever order they came in. */
	datum_round_trip(SET_OF("integer"), "[\"set\", [3, -1, 2]]",
			 "[\"set\",[-1,2,3]]");
	datum_round_trip(SET_OF("string"), "[\"set\", [\"b\", \"a\", \"B\"]]",
			 "[\"set\",[\"B\",\"a\",\"b\"]]");
	datum_round_trip(SET_OF("boolean"), "[\"set\", [true, false]]",
			 "[\"set\",[false,true]]");
	datum_round_trip(SET_OF("real"), "[\"set\", [1.5, -0.5]]",
			 "[\"set\",[-0.5,1.5]]");
	datum_round_trip(SET_OF("uuid"),
			 "[\"set\", [[\"uuid\", "
			 "\"20000000-0000-4000-8000-000000000000\"], "
			 "[\"uuid\", \"10000000-0000-4000-8000-000000000000\"]]]",
			 "[\"set\",[[\"uuid\",\"10000000-0000-4000-8000-"
			 "000000000000\"],[\"uuid\",\"20000000-0000-4000-8000-"
			 "000000000000\"]]]");
	/* Empty, and a bare atom for a set of one (both ways). */
	datum_round_trip(SET_OF("integer"), "[\"set\", []]", "[\"set\",[]]");
	datum_round_trip(SET_OF("integer"), "7", "7");
	datum_round_trip(SET_OF("integer"), "[\"set\", [7]]", "7");
	datum_round_trip(SET_OF("uuid"),
			 "[\"uuid\", \"10000000-0000-4000-8000-000000000000\"]",
			 "[\"uuid\",\"10000000-0000-4000-8000-000000000000\"]");
}

static void test_maps(void **state)
{
	(void) state;
	datum_round_trip(MAP_OF("string", "integer"),
			 "[\"map\", [[\"z\", 1], [\"a\", 2]]]",
			 "[\"map\",[[\"a\",2],[\"z\",1]]]");
	datum_round_trip(MAP_OF("integer", "string"), "[\"map\", []]",
			 "[\"map\",[]]");
	/* A map of one is still written as a map. */
	datum_round_trip(MAP_OF("integer", "boolean"), "[\"map\", [[1, true]]]",
			 "[\"map\",[[1,true]]]");
}

static void test_bad_collections(void **state)
{
	(void) state;
	datum_bad(SET_OF("integer"), "[\"set\", [1, 2, 1]]", "syntax error",
		  "set contains duplicate key 1");
	datum_bad(MAP_OF("string", "integer"),
		  "[\"map\", [[\"k\", 1], [\"k\", 2]]]", "syntax error",
		  "map contains duplicate key \"k\"");
	datum_bad(SET_OF("integer"), "[\"set\", [1, \"x\"]]", "syntax error",
		  "integer expected");
	datum_bad(SET_OF("integer"), "[\"set\", 1]", "syntax error",
		  "[\"set\", [...]] expected");
	datum_bad(SET_OF("integer"), "[\"set\", [1], [2]]", "syntax error",
		  "[\"set\", [...]] expected");
	datum_bad(SET_OF("integer"), "[\"map\", []]", "syntax error",
		  "integer expected");
	datum_bad(MAP_OF("string", "integer"), "[\"set\", []]",
		  "syntax error", "[\"map\", [...]] expected");
	datum_bad(MAP_OF("string", "integer"), "\"k\"", "syntax error",
		  "[\"map\", [...]] expected");
	datum_bad(MAP_OF("string", "integer"), "[\"map\", [[\"k\"]]]",
		  "syntax error", "[key, value] pair expected");
	datum_bad(MAP_OF("string", "integer"), "[\"map\", [[\"k\", \"v\"]]]",
		  "syntax error", "map value: integer expected");
	datum_bad(MAP_OF("string", "integer"), "[\"map\", [[1, 1]]]",
		  "syntax error", "map key: string expected");
	/* Sizes outside [min, max]. */
	datum_bad("{\"key\": \"integer\", \"max\": 2}", "[\"set\", [1, 2, 3]]",
		  "syntax error", "3 values where 1 to 2 are allowed");
	datum_bad("{\"key\": \"integer\", \"min\": 1, \"max\": 2}",
		  "[\"set\", []]", "syntax error",
		  "0 values where 1 to 2 are allowed");
	datum_bad("\"integer\"", "[\"set\", [1, 2]]", "syntax error",
		  "2 values where exactly 1 are allowed");
	datum_bad("{\"key\": \"integer\", \"min\": 0}", "[\"set\", [1, 2]]",
		  "syntax error", "2 values where 0 to 1 are allowed");
}

static void test_constraint_errors(void **state)
{
	(void) state;
	datum_bad("{\"key\": {\"type\": \"integer\", \"minInteger\": 1, "
		  "\"maxInteger\": 4}}", "7", "constraint violation",
		  "value 7 is not in range 1..4");
	datum_bad("{\"key\": {\"type\": \"integer\", \"minInteger\": 0}}",
		  "-3", "constraint violation",
		  "value -3 is less than the minimum 0");
	datum_bad("{\"key\": {\"type\": \"integer\", \"maxInteger\": 9}}",
		  "10", "constraint violation",
		  "value 10 is greater than the maximum 9");
	datum_bad("{\"key\": {\"type\": \"real\", \"minReal\": 0.5, "
		  "\"maxReal\": 1}}", "0.25", "constraint violation",
		  "value 0.25 is not in range 0.5..1");
	datum_bad("{\"key\": {\"type\": \"string\", \"enum\": [\"set\", "
		  "[\"a\", \"b\"]]}}", "\"c\"", "constraint violation",
		  "value \"c\" is not one of the allowed values "
		  "[\"set\",[\"a\",\"b\"]]");
	/* Lengths count characters: "héé" is 3 characters, 5 bytes. */
	datum_round_trip("{\"key\": {\"type\": \"string\", \"maxLength\": 3}}",
			 "\"h\\u00e9\\u00e9\"", "\"h\xc3\xa9\xc3\xa9\"");
	datum_bad("{\"key\": {\"type\": \"string\", \"maxLength\": 3}}",
		  "\"abcd\"", "constraint violation",
		  "string \"abcd\" is 4 characters long, longer than the "
		  "maximum length 3");
	datum_bad("{\"key\": {\"type\": \"string\", \"minLength\": 2}}",
		  "\"a\"", "constraint violation",
		  "string \"a\" is 1 characters long, shorter than the "
		  "minimum length 2");
	/* The map value's constraints apply too, and the error says where. */
	datum_bad("{\"key\": \"string\", \"value\": {\"type\": \"integer\", "
		  "\"maxInteger\": 5}, \"min\": 0, \"max\": 3}",
		  "[\"map\", [[\"a\", 6]]]", "constraint violation",
		  "map value: value 6 is greater than the maximum 5");
}

static void test_defaults(void **state)
{
	static const struct {
		const char *type, *json;
	} cases[] = {
		{ "\"integer\"", "0" },
		{ "\"real\"", "0" },
		{ "\"boolean\"", "false" },
		{ "\"string\"", "\"\"" },
		{ "\"uuid\"",
		  "[\"uuid\",\"00000000-0000-0000-0000-000000000000\"]" },
		{ "{\"key\": \"integer\", \"min\": 0}", "[\"set\",[]]" },
		{ MAP_OF("string", "string"), "[\"map\",[]]" },
		{ "{\"key\": \"string\", \"value\": \"integer\"}",
		  "[\"map\",[[\"\",0]]]" },
	};

	(void) state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct ovsdb_type type;
		struct ovsdb_datum d;
		json_t *out;

		type_from(&type, cases[i].type);
		ovsdb_datum_init_default(&d, &type);
		assert_true(ovsdb_datum_is_default(&d, &type));
		out = ovsdb_datum_to_json(&d, &type);
		assert_json_text(out, cases[i].json);
		json_decref(out);
		ovsdb_datum_destroy(&d, &type);
		ovsdb_type_destroy(&type);
	}
}

/* Runs 'check' on datums parsed from 'a' and 'b' as 'type_text'. */
#define WITH2(TYPE, A, B, BODY) do {					\
		struct ovsdb_type type;					\
		struct ovsdb_datum a, b;				\
		type_from(&type, TYPE);					\
		datum_from(&a, &type, A);				\
		datum_from(&b, &type, B);				\
		BODY;							\
		ovsdb_datum_destroy(&a, &type);				\
		ovsdb_datum_destroy(&b, &type);				\
		ovsdb_type_destroy(&type);				\
	} while (0)

static void expect_datum(const struct ovsdb_datum *d,
			 const struct ovsdb_type *type, const char *json)
{
	json_t *out = ovsdb_datum_to_json(d, type);

	assert_json_text(out, json);
	json_decref(out);
}

static void test_compare(void **state)
{
	(void) state;
	WITH2(SET_OF("integer"), "[\"set\", [1, 2]]", "[\"set\", [2, 1]]", {
		assert_true(ovsdb_datum_equals(&a, &b, &type));
		assert_int_equal(ovsdb_datum_compare(&a, &b, &type), 0);
		assert_int_equal(ovsdb_datum_hash(&a, &type, 7),
				 ovsdb_datum_hash(&b, &type, 7));
	});
	WITH2(SET_OF("integer"), "[\"set\", [1, 2]]", "[\"set\", [1, 3]]", {
		assert_false(ovsdb_datum_equals(&a, &b, &type));
		assert_true(ovsdb_datum_compare(&a, &b, &type) < 0);
		assert_true(ovsdb_datum_compare(&b, &a, &type) > 0);
	});
	WITH2(SET_OF("integer"), "[\"set\", [1]]", "[\"set\", [1, 0]]", {
		assert_true(ovsdb_datum_compare(&a, &b, &type) > 0);
	});
	WITH2(MAP_OF("string", "integer"), "[\"map\", [[\"a\", 1]]]",
	      "[\"map\", [[\"a\", 2]]]", {
		assert_false(ovsdb_datum_equals(&a, &b, &type));
		assert_true(ovsdb_datum_compare(&a, &b, &type) < 0);
	});
	WITH2("\"real\"", "0.0", "-0.0", {
		assert_true(ovsdb_datum_equals(&a, &b, &type));
		assert_int_equal(ovsdb_datum_hash(&a, &type, 0),
				 ovsdb_datum_hash(&b, &type, 0));
	});
}

static void test_includes_excludes(void **state)
{
	(void) state;
	WITH2(SET_OF("integer"), "[\"set\", [1, 3]]", "[\"set\", [1, 2, 3]]", {
		assert_true(ovsdb_datum_includes_all(&a, &b, &type));
		assert_false(ovsdb_datum_includes_all(&b, &a, &type));
		assert_false(ovsdb_datum_excludes_all(&a, &b, &type));
	});
	WITH2(SET_OF("integer"), "[\"set\", [4, 5]]", "[\"set\", [1, 2, 3]]", {
		assert_true(ovsdb_datum_excludes_all(&a, &b, &type));
		assert_false(ovsdb_datum_includes_all(&a, &b, &type));
	});
	/* For maps, whole pairs count. */
	WITH2(MAP_OF("string", "integer"), "[\"map\", [[\"a\", 1]]]",
	      "[\"map\", [[\"a\", 2], [\"b\", 1]]]", {
		assert_false(ovsdb_datum_includes_all(&a, &b, &type));
		assert_true(ovsdb_datum_excludes_all(&a, &b, &type));
	});
	WITH2(SET_OF("integer"), "[\"set\", []]", "[\"set\", [1]]", {
		assert_true(ovsdb_datum_includes_all(&a, &b, &type));
		assert_true(ovsdb_datum_excludes_all(&a, &b, &type));
	});
}

static void test_union_subtract(void **state)
{
	(void) state;
	WITH2(SET_OF("integer"), "[\"set\", [1, 5, 9]]", "[\"set\", [0, 5, 7]]", {
		ovsdb_datum_union(&a, &b, &type);
		expect_datum(&a, &type, "[\"set\",[0,1,5,7,9]]");
		ovsdb_datum_subtract(&a, &type, &b, &type);
		expect_datum(&a, &type, "[\"set\",[1,9]]");
	});
	/* An existing key keeps its value on insert. */
	WITH2(MAP_OF("string", "integer"), "[\"map\", [[\"a\", 1], [\"c\", 3]]]",
	      "[\"map\", [[\"a\", 9], [\"b\", 2]]]", {
		ovsdb_datum_union(&a, &b, &type);
		expect_datum(&a, &type,
			     "[\"map\",[[\"a\",1],[\"b\",2],[\"c\",3]]]");
		/* Pairs must match both key and value to go. */
		ovsdb_datum_subtract(&a, &type, &b, &type);
		expect_datum(&a, &type, "[\"map\",[[\"a\",1],[\"c\",3]]]");
	});
	{
		struct ovsdb_type mt, kt;
		struct ovsdb_datum m, k;

		type_from(&mt, MAP_OF("string", "integer"));
		type_from(&kt, SET_OF("string"));
		datum_from(&m, &mt, "[\"map\", [[\"a\", 1], [\"b\", 2]]]");
		datum_from(&k, &kt, "[\"set\", [\"b\", \"z\"]]");
		ovsdb_datum_subtract(&m, &mt, &k, &kt);
		expect_datum(&m, &mt, "[\"map\",[[\"a\",1]]]");
		ovsdb_datum_destroy(&m, &mt);
		ovsdb_datum_destroy(&k, &kt);
		ovsdb_type_destroy(&mt);
		ovsdb_type_destroy(&kt);
	}
}

static void test_sort_helpers(void **state)
{
	struct ovsdb_type type;
	struct ovsdb_datum d;
	union ovsdb_atom key;

	(void) state;
	type_from(&type, SET_OF("integer"));
	d.n = 4;
	d.keys = calloc(4, sizeof *d.keys);
	d.values = NULL;
	d.keys[0].integer = 3;
	d.keys[1].integer = 1;
	d.keys[2].integer = 3;
	d.keys[3].integer = 2;
	assert_ovsdb_error(ovsdb_datum_sort(&d, &type), "syntax error",
			   "set contains duplicate key 3", NULL);
	ovsdb_datum_sort_unique(&d, &type);
	expect_datum(&d, &type, "[\"set\",[1,2,3]]");
	key.integer = 2;
	assert_int_equal(ovsdb_datum_find_key(&d, &key, OVSDB_TYPE_INTEGER),
			 1);
	key.integer = 4;
	assert_int_equal(ovsdb_datum_find_key(&d, &key, OVSDB_TYPE_INTEGER),
			 SIZE_MAX);
	assert_ok(ovsdb_datum_check_size(&d, &type));
	type.n_max = 2;
	assert_ovsdb_error(ovsdb_datum_check_size(&d, &type),
			   "constraint violation",
			   "3 values where 0 to 2 are allowed", NULL);
	ovsdb_datum_destroy(&d, &type);
	ovsdb_type_destroy(&type);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_atoms),
		cmocka_unit_test(test_bad_atoms),
		cmocka_unit_test(test_named_uuid),
		cmocka_unit_test(test_symbol_table_many),
		cmocka_unit_test(test_sets),
		cmocka_unit_test(test_maps),
		cmocka_unit_test(test_bad_collections),
		cmocka_unit_test(test_constraint_errors),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_compare),
		cmocka_unit_test(test_includes_excludes),
		cmocka_unit_test(test_union_subtract),
		cmocka_unit_test(test_sort_helpers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
