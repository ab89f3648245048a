/* Column types: every JSON form the RFC allows, the compact canonical
 * form ovsdb-server writes back, and precise errors for the rest. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "ovsdb-data.h"
#include "ovsdb-types.h"
#include "tests/unit/ovsdb-check.h"

/* ovsdb-tool's form of type 'text' (in a one-column schema, with the
 * tables references may name) must be 'canonical' too. */
static void check_with_ovsdb_tool(const char *text, const char *canonical)
{
	char path[64];
	json_t *oracle, *type, *want = J(canonical);
	int fd = temp_file(path, sizeof path, "odb-type");
	FILE *f = fdopen(fd, "w");

	assert_non_null(f);
	fprintf(f, "{\"name\": \"d\", \"tables\": {"
		"\"T\": {\"columns\": {\"c\": {\"type\": %s}}}, "
		"\"Port\": {\"columns\": {\"x\": {\"type\": \"integer\"}}}, "
		"\"Q\": {\"columns\": {\"x\": {\"type\": \"integer\"}}}}}", text);
	fclose(f);
	oracle = ovsdb_tool_canonical(path);
	unlink(path);
	if (oracle) {
		type = json_object_get(json_object_get(json_object_get(
			json_object_get(json_object_get(oracle, "tables"),
					"T"), "columns"), "c"), "type");
		if (!json_equal(type, want))
			fail_msg("ovsdb-tool writes %s as %s",
				 text, json_dumps(type, JSON_ENCODE_ANY));
		json_decref(oracle);
	}
	json_decref(want);
}

/* Parses 'text' as a type and checks its canonical form. */
static void round_trip(const char *text, const char *canonical)
{
	struct ovsdb_type type, copy;
	json_t *json = J(text), *out;

	assert_ok(ovsdb_type_from_json(&type, json));
	assert_true(ovsdb_type_is_valid(&type));
	out = ovsdb_type_to_json(&type);
	assert_json_text(out, canonical);
	json_decref(out);

	ovsdb_type_clone(&copy, &type);
	ovsdb_type_destroy(&type);
	out = ovsdb_type_to_json(&copy);
	assert_json_text(out, canonical);
	json_decref(out);
	ovsdb_type_destroy(&copy);
	json_decref(json);
	check_with_ovsdb_tool(text, canonical);
}

static void bad_type(const char *text, const char *fragment)
{
	struct ovsdb_type type;
	json_t *json = J(text);

	char *schema = NULL;

	assert_ovsdb_error(ovsdb_type_from_json(&type, json), "syntax error",
			   fragment, NULL);
	ovsdb_type_destroy(&type);
	json_decref(json);
	/* The real ovsdb-tool refuses it too, in a one-column schema. */
	assert_true(asprintf(&schema, "{\"name\": \"d\", \"tables\": {\"T\": "
			     "{\"columns\": {\"c\": {\"type\": %s}}}}}",
			     text) > 0);
	if (!ovsdb_tool_refuses(schema))
		fail_msg("ovsdb-tool accepts %s", schema);
	free(schema);
}

static void test_atomic(void **state)
{
	enum ovsdb_atomic_type t;

	(void) state;
	round_trip("\"integer\"", "\"integer\"");
	round_trip("\"real\"", "\"real\"");
	round_trip("\"boolean\"", "\"boolean\"");
	round_trip("\"string\"", "\"string\"");
	round_trip("\"uuid\"", "\"uuid\"");
	/* Every default spelled out still prints as the bare name. */
	round_trip("{\"key\": \"integer\", \"min\": 1, \"max\": 1}",
		   "\"integer\"");
	round_trip("{\"key\": {\"type\": \"string\"}}", "\"string\"");
	assert_true(ovsdb_atomic_type_from_string("uuid", &t));
	assert_int_equal(t, OVSDB_TYPE_UUID);
	assert_false(ovsdb_atomic_type_from_string("void", &t));
	assert_string_equal(ovsdb_atomic_type_to_string(OVSDB_TYPE_REAL),
			    "real");
}

static void test_sets_and_maps(void **state)
{
	(void) state;
	round_trip("{\"key\": \"string\", \"min\": 0, \"max\": 1}",
		   "{\"key\":\"string\",\"min\":0}");
	round_trip("{\"key\": \"integer\", \"min\": 0, \"max\": "
		   "\"unlimited\"}",
		   "{\"key\":\"integer\",\"max\":\"unlimited\",\"min\":0}");
	round_trip("{\"key\": \"uuid\", \"max\": 4}",
		   "{\"key\":\"uuid\",\"max\":4}");
	round_trip("{\"key\": \"string\", \"value\": \"string\", \"min\": 0, "
		   "\"max\": \"unlimited\"}",
		   "{\"key\":\"string\",\"max\":\"unlimited\",\"min\":0,"
		   "\"value\":\"string\"}");
	round_trip("{\"key\": \"integer\", \"value\": \"real\"}",
		   "{\"key\":\"integer\",\"value\":\"real\"}");
}

static void test_constraints(void **state)
{
	(void) state;
	round_trip("{\"key\": {\"type\": \"integer\", \"minInteger\": 0, "
		   "\"maxInteger\": 4095}, \"min\": 0, \"max\": 1}",
		   "{\"key\":{\"maxInteger\":4095,\"minInteger\":0,"
		   "\"type\":\"integer\"},\"min\":0}");
	/* As ovsdb-tool, an integral real stands for an integer. */
	round_trip("{\"key\": {\"type\": \"integer\", \"maxInteger\": 4.0}, "
		   "\"max\": 2e0}",
		   "{\"key\":{\"maxInteger\":4,\"type\":\"integer\"},"
		   "\"max\":2}");
	/* A constrained scalar keeps the object form. */
	round_trip("{\"key\": {\"type\": \"integer\", \"minInteger\": 1}}",
		   "{\"key\":{\"minInteger\":1,\"type\":\"integer\"}}");
	round_trip("{\"key\": {\"type\": \"real\", \"minReal\": 0.5, "
		   "\"maxReal\": 2.25}}",
		   "{\"key\":{\"maxReal\":2.25,\"minReal\":0.5,"
		   "\"type\":\"real\"}}");
	round_trip("{\"key\": {\"type\": \"string\", \"minLength\": 1, "
		   "\"maxLength\": 64}}",
		   "{\"key\":{\"maxLength\":64,\"minLength\":1,"
		   "\"type\":\"string\"}}");
	round_trip("{\"key\": {\"type\": \"uuid\", \"refTable\": \"Port\"}, "
		   "\"max\": \"unlimited\"}",
		   "{\"key\":{\"refTable\":\"Port\",\"type\":\"uuid\"},"
		   "\"max\":\"unlimited\"}");
	/* "strong" is the default and is not written back. */
	round_trip("{\"key\": {\"type\": \"uuid\", \"refTable\": \"Port\", "
		   "\"refType\": \"strong\"}}",
		   "{\"key\":{\"refTable\":\"Port\",\"type\":\"uuid\"}}");
	round_trip("{\"key\": {\"type\": \"uuid\", \"refTable\": \"Q\", "
		   "\"refType\": \"weak\"}, \"min\": 0}",
		   "{\"key\":{\"refTable\":\"Q\",\"refType\":\"weak\","
		   "\"type\":\"uuid\"},\"min\":0}");
}

static void test_enum(void **state)
{
	struct ovsdb_type type;
	json_t *json;

	(void) state;
	/* Enum members are sorted; a single one prints as a bare atom. */
	round_trip("{\"key\": {\"type\": \"string\", \"enum\": [\"set\", "
		   "[\"secure\", \"standalone\"]]}}",
		   "{\"key\":{\"enum\":[\"set\",[\"secure\",\"standalone\"]],"
		   "\"type\":\"string\"}}");
	round_trip("{\"key\": {\"type\": \"integer\", \"enum\": [\"set\", "
		   "[3, 1, 2]]}}",
		   "{\"key\":{\"enum\":[\"set\",[1,2,3]],"
		   "\"type\":\"integer\"}}");
	round_trip("{\"key\": {\"type\": \"string\", \"enum\": \"only\"}}",
		   "{\"key\":{\"enum\":\"only\",\"type\":\"string\"}}");

	json = J("{\"key\": {\"type\": \"string\", \"enum\": [\"set\", "
		 "[\"a\", \"b\"]]}}");
	assert_ok(ovsdb_type_from_json(&type, json));
	assert_non_null(type.key.enum_);
	assert_int_equal(type.key.enum_->n, 2);
	assert_true(ovsdb_base_type_has_constraints(&type.key));
	ovsdb_base_type_clear_constraints(&type.key);
	assert_null(type.key.enum_);
	ovsdb_type_destroy(&type);
	json_decref(json);
}

static void test_bad_types(void **state)
{
	(void) state;
	bad_type("\"int\"", "unknown atomic type \"int\"");
	bad_type("\"void\"", "unknown atomic type \"void\"");
	bad_type("17", "type expected");
	bad_type("[\"integer\"]", "type expected");
	bad_type("{\"value\": \"string\"}", "required member \"key\"");
	bad_type("{\"key\": \"integer\", \"min\": 2}", "min must be 0 or 1");
	bad_type("{\"key\": \"integer\", \"min\": -1}", "min must be 0 or 1");
	bad_type("{\"key\": \"integer\", \"max\": 0}", "max must be between");
	bad_type("{\"key\": \"integer\", \"max\": \"lots\"}",
		 "\"unlimited\"");
	bad_type("{\"key\": \"integer\", \"max\": 1.5}",
		 "member \"max\" must be");
	bad_type("{\"key\": \"integer\", \"extra\": 1}",
		 "member \"extra\" is not allowed");
	bad_type("{\"key\": \"integer\", \"value\": \"void\"}",
		 "value type: unknown atomic type \"void\"");
	bad_type("{\"key\": {\"type\": \"integer\", \"minInteger\": 5, "
		 "\"maxInteger\": 4}}", "minInteger exceeds maxInteger");
	bad_type("{\"key\": {\"type\": \"integer\", \"minInteger\": 1.5}}",
		 "member \"minInteger\" must be an integer");
	bad_type("{\"key\": {\"type\": \"real\", \"minReal\": 2, "
		 "\"maxReal\": 1}}", "minReal exceeds maxReal");
	bad_type("{\"key\": {\"type\": \"string\", \"minLength\": 3, "
		 "\"maxLength\": 2}}", "minLength exceeds maxLength");
	bad_type("{\"key\": {\"type\": \"string\", \"maxLength\": -1}}",
		 "maxLength must be between 0 and");
	bad_type("{\"key\": {\"type\": \"integer\", \"minReal\": 1}}",
		 "member \"minReal\" is not allowed");
	bad_type("{\"key\": {\"type\": \"string\", \"refTable\": \"T\"}}",
		 "member \"refTable\" is not allowed");
	bad_type("{\"key\": {\"type\": \"uuid\", \"refType\": \"weak\"}}",
		 "refType requires refTable");
	bad_type("{\"key\": {\"type\": \"uuid\", \"refTable\": \"T\", "
		 "\"refType\": \"soft\"}}", "not \"soft\"");
	bad_type("{\"key\": {\"type\": \"uuid\", \"refTable\": \"9T\"}}",
		 "member \"refTable\" must be an identifier");
	bad_type("{\"key\": {\"type\": \"integer\", \"enum\": [\"set\", "
		 "[1, 1]]}}", "enum: set contains duplicate key 1");
	bad_type("{\"key\": {\"type\": \"integer\", \"enum\": [\"set\", "
		 "[]]}}", "0 values where 1 or more are allowed");
	bad_type("{\"key\": {\"type\": \"integer\", \"enum\": \"x\"}}",
		 "enum: integer expected");
	bad_type("{\"key\": {\"type\": \"integer\", \"enum\": 1, "
		 "\"minInteger\": 0}}", "enum excludes other constraints");
	bad_type("{\"key\": {\"enum\": 1}}", "required member \"type\"");
}

static void test_predicates(void **state)
{
	struct ovsdb_type t;
	json_t *json;
	char *s;

	(void) state;
	ovsdb_type_init(&t, OVSDB_TYPE_INTEGER);
	assert_true(ovsdb_type_is_scalar(&t));
	assert_false(ovsdb_type_is_set(&t));
	t.n_min = 0;
	assert_true(ovsdb_type_is_optional_scalar(&t));
	assert_true(ovsdb_type_is_set(&t));
	t.n_max = OVSDB_UNLIMITED;
	s = ovsdb_type_to_english(&t);
	assert_string_equal(s, "set of any number of integers");
	free(s);
	t.n_min = 1;
	t.n_max = 4;
	s = ovsdb_type_to_english(&t);
	assert_string_equal(s, "set of 1 to 4 integers");
	free(s);

	json = J("{\"key\": \"string\", \"value\": \"uuid\", \"min\": 0, "
		 "\"max\": 2}");
	assert_ok(ovsdb_type_from_json(&t, json));
	assert_true(ovsdb_type_is_map(&t));
	assert_false(ovsdb_type_is_set(&t));
	s = ovsdb_type_to_english(&t);
	assert_string_equal(s, "map of up to 2 (string, uuid) pairs");
	free(s);
	ovsdb_type_destroy(&t);
	json_decref(json);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_atomic),
		cmocka_unit_test(test_sets_and_maps),
		cmocka_unit_test(test_constraints),
		cmocka_unit_test(test_enum),
		cmocka_unit_test(test_bad_types),
		cmocka_unit_test(test_predicates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
