/* weir-vsctl's value syntax: tokens, atoms, sets and maps as ovs-vsctl
 * parses them (errors worded as it words them), the text form printed
 * back, COLUMN[:KEY]=VALUE arguments and table/column abbreviations.
 * Expected strings are what Debian's ovs-vsctl 3.1 prints. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ovsdb-error.h"
#include "ovsdb-schema.h"
#include "ovsdb-symbol.h"
#include "vsctl.h"

static const char schema_json[] =
	"{\"name\": \"T\", \"version\": \"1.0.0\", \"tables\": {"
	" \"Bridge\": {\"columns\": {"
	"  \"name\": {\"type\": \"string\"},"
	"  \"flood_vlans\": {\"type\": {\"key\": {\"type\": \"integer\","
	"     \"minInteger\": 0, \"maxInteger\": 4095}, \"min\": 0,"
	"     \"max\": 4096}},"
	"  \"fail_mode\": {\"type\": {\"key\": {\"type\": \"string\","
	"     \"enum\": [\"set\", [\"secure\", \"standalone\"]]},"
	"     \"min\": 0, \"max\": 1}},"
	"  \"external_ids\": {\"type\": {\"key\": \"string\","
	"     \"value\": \"string\", \"min\": 0, \"max\": \"unlimited\"}},"
	"  \"stp\": {\"type\": \"boolean\"},"
	"  \"rate\": {\"type\": \"real\"},"
	"  \"ports\": {\"type\": {\"key\": {\"type\": \"uuid\","
	"     \"refTable\": \"Port\"}, \"min\": 0, \"max\": \"unlimited\"}},"
	"  \"other_config\": {\"type\": {\"key\": \"string\","
	"     \"value\": \"string\", \"min\": 0, \"max\": \"unlimited\"}}}},"
	" \"Port\": {\"columns\": {\"name\": {\"type\": \"string\"}}},"
	" \"Bond\": {\"columns\": {\"name\": {\"type\": \"string\"}}}}}";

static struct ovsdb_schema *schema;
static const struct ovsdb_table_schema *bridge;

static int setup(void **state)
{
	json_t *json = json_loads(schema_json, 0, NULL);
	struct ovsdb_error *error;

	(void) state;
	assert_non_null(json);
	error = ovsdb_schema_from_json(json, &schema);
	assert_null(error);
	json_decref(json);
	bridge = ovsdb_schema_find_table(schema, "Bridge");
	return 0;
}

static int teardown(void **state)
{
	(void) state;
	ovsdb_schema_destroy(schema);
	return 0;
}

static const struct ovsdb_type *col_type(const char *name)
{
	return &ovsdb_table_schema_find_column(bridge, name)->type;
}

/* Parses 's' as column 'col' and prints it back; NULL-free result. */
static char *roundtrip(const char *col, const char *s, char **error)
{
	const struct ovsdb_type *type = col_type(col);
	struct ovsdb_datum d;
	struct vstr out = { 0 };

	*error = vsctl_datum_from_string(&d, type, s, NULL);
	if (*error)
		return NULL;
	vsctl_datum_to_string(&d, type, &out);
	ovsdb_datum_destroy(&d, type);
	return out.s;
}

static void check_value(const char *col, const char *in, const char *out)
{
	char *error, *s = roundtrip(col, in, &error);

	if (error)
		fail_msg("%s: unexpected error %s", in, error);
	assert_string_equal(s, out);
	free(s);
}

static void check_error(const char *col, const char *in, const char *msg)
{
	char *error, *s = roundtrip(col, in, &error);

	assert_null(s);
	assert_non_null(error);
	assert_string_equal(error, msg);
	free(error);
}

static void test_tokens(void **state)
{
	static const struct {
		const char *in, *token, *rest;
	} cases[] = {
		{ "abc=def", "abc", "=def" },
		{ "a\\:b:c", "a:b", ":c" },
		{ "\"x:y\"=z", "\"x:y\"", "=z" },
		{ "\"a\\\"b\"", "\"a\\\"b\"", "" },
		{ "", "", "" },
		{ "k{x}", "k", "{x}" },
	};

	(void) state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *p = cases[i].in;
		char *token;
		char *error = vsctl_token_parse(&p, &token);
		assert_null(error);
		assert_string_equal(token, cases[i].token);
		assert_string_equal(p, cases[i].rest);
		free(token);
	}
}

static void test_token_errors(void **state)
{
	const char *p = "abc\\";
	char *token, *error;

	(void) state;
	error = vsctl_token_parse(&p, &token);
	assert_string_equal(error, "abc\\: backslash at end of argument");
	free(error);
	p = "\"abc";
	error = vsctl_token_parse(&p, &token);
	assert_string_equal(error, "\"abc: quoted string extends past end of "
				   "argument");
	assert_null(token);
	free(error);
}

static void test_atoms(void **state)
{
	(void) state;
	check_value("name", "br0", "br0");
	check_value("name", "\"a b\"", "\"a b\"");
	check_value("name", "\"a\\nb\"", "\"a\\nb\"");
	check_value("name", "\"\"", "\"\"");
	check_value("name", "\"true\"", "\"true\"");
	check_value("name", "123", "\"123\"");
	check_value("name", "a.b-c_d", "a.b-c_d");
	check_value("name", "\"12345678-1234-1234-1234-123456789abc\"",
		     "\"12345678-1234-1234-1234-123456789abc\"");
	check_value("stp", "yes", "true");
	check_value("stp", "off", "false");
	check_value("stp", "1", "true");
	check_value("rate", "1.5", "1.5");
	check_value("rate", "-0", "0");
	check_value("rate", "1e3", "1000");
	check_value("fail_mode", "secure", "secure");
	check_value("fail_mode", "[]", "[]");
}

static void test_atom_errors(void **state)
{
	(void) state;
	check_error("name", "\"\"x", "\"\"x: missing quote at end of quoted "
				     "string");
	check_error("stp", "maybe", "\"maybe\" is not a valid boolean (use "
				     "\"true\" or \"false\")");
	check_error("rate", "fast", "\"fast\" is not a valid real number");
	check_error("flood_vlans", "x", "\"x\" is not a valid integer or "
					 "range");
	check_error("flood_vlans", "5000", "constraint violation: 5000 is "
		     "not in the valid range 0 to 4095 (inclusive)");
	check_error("fail_mode", "bogus", "constraint violation: bogus is "
		     "not one of the allowed values ([secure, standalone])");
	check_error("ports", "not-a-uuid", "\"not-a-uuid\" is not a valid "
					    "UUID");
	check_error("name", "", "use \"[]\" to specify the empty set");
}

static void test_sets(void **state)
{
	(void) state;
	check_value("flood_vlans", "[1, 2,3]", "[1, 2, 3]");
	check_value("flood_vlans", "3 2 1", "[1, 2, 3]");
	check_value("flood_vlans", "[]", "[]");
	check_value("flood_vlans", "1-4", "[1, 2, 3, 4]");
	check_value("flood_vlans", "[7, 1-2]", "[1, 2, 7]");
	check_error("flood_vlans", "4-1", "\"4-1\" is not a valid range. "
		     "Range end cannot be before start.");
	check_error("flood_vlans", "[1, 1]", "[1, 1]: set contains "
					      "duplicate value");
	check_error("flood_vlans", "[1", "[1: missing \"]\" at end of data");
	check_error("flood_vlans", "[1] x", "[1] x: trailing garbage after "
					     "\"]\"");
	check_error("flood_vlans", ":1", ":1: unexpected \":\" parsing set "
		     "of up to 4096 integers");
	check_error("flood_vlans", "0-5000", "constraint violation: 5000 is "
		     "not in the valid range 0 to 4095 (inclusive)");
	check_error("name", "[a, b]", "[a, b]: 2 value(s) specified but the "
				       "maximum number is 1");
	check_error("name", "[]", "[]: 0 value(s) specified but the minimum "
				   "number is 1");
}

static void test_maps(void **state)
{
	(void) state;
	check_value("external_ids", "{b=2, a=1}", "{a=\"1\", b=\"2\"}");
	check_value("external_ids", "k=v", "{k=v}");
	check_value("external_ids", "{}", "{}");
	check_value("external_ids", "{x=\"a=b\", y=\"\"}",
		     "{x=\"a=b\", y=\"\"}");
	check_error("external_ids", "", "use \"{}\" to specify the empty map");
	check_error("external_ids", "{a=1, a=2}", "{a=1, a=2}: map contains "
						   "duplicate key");
	check_error("external_ids", "{a}", "a}: syntax error at \"}\" "
					    "expecting \"=\"");
	check_error("external_ids", "{a=1, b}", "b}: syntax error at \"}\" "
						 "expecting \"=\"");
}

static void test_bare(void **state)
{
	const struct ovsdb_type *type = col_type("external_ids");
	struct ovsdb_datum d;
	struct vstr out = { 0 };
	char *error;

	(void) state;
	error = vsctl_datum_from_string(&d, type, "{a=\"x y\", b=2}", NULL);
	assert_null(error);
	vsctl_datum_to_bare(&d, type, &out);
	assert_string_equal(out.s, "a=x y b=2");
	vstr_free(&out);
	ovsdb_datum_destroy(&d, type);
}

static void test_symbols(void **state)
{
	const struct ovsdb_type *type = col_type("ports");
	struct ovsdb_symbol_table *symtab = ovsdb_symbol_table_create();
	struct ovsdb_datum d;
	char *error;

	(void) state;
	error = vsctl_datum_from_string(&d, type, "[@p1, @p2, @p1]", symtab);
	assert_string_equal(error, "[@p1, @p2, @p1]: set contains duplicate "
				   "value");
	free(error);
	error = vsctl_datum_from_string(&d, type, "[@p1, @p2]", symtab);
	assert_null(error);
	assert_int_equal(d.n, 2);
	assert_true(ovsdb_symbol_table_find(symtab, "@p1")->strong_ref);
	assert_false(ovsdb_symbol_table_find(symtab, "@p1")->created);
	ovsdb_datum_destroy(&d, type);
	ovsdb_symbol_table_destroy(symtab);
}

static void check_ckv(const char *arg, const char *col, const char *key,
		       const char *value)
{
	static const char *const eq[] = { "=" };
	struct vsctl_ckv ckv;
	char *error = vsctl_parse_ckv(arg, bridge, value ? eq : NULL,
				      value ? 1 : 0, &ckv);

	if (error)
		fail_msg("%s: %s", arg, error);
	assert_string_equal(ckv.column->name, col);
	if (key)
		assert_string_equal(ckv.key, key);
	else
		assert_null(ckv.key);
	if (value)
		assert_string_equal(ckv.value, value);
	vsctl_ckv_free(&ckv);
}

static void check_ckv_error(const char *arg, bool with_value,
			     const char *msg)
{
	static const char *const ops[] = { "=", "!=", "<", "<=" };
	struct vsctl_ckv ckv;
	char *error = vsctl_parse_ckv(arg, bridge, with_value ? ops : NULL,
				      with_value ? 4 : 0, &ckv);

	assert_non_null(error);
	assert_string_equal(error, msg);
	free(error);
}

static void test_column_key_value(void **state)
{
	static const char *const ops[] = { "=", "!=", "<", "<=" };
	struct vsctl_ckv ckv;

	(void) state;
	check_ckv("name=br0", "name", NULL, "br0");
	check_ckv("external_ids:k=v=w", "external_ids", "k", "v=w");
	check_ckv("external-ids:\"a:b\"=c", "external_ids", "\"a:b\"", "c");
	check_ckv("fail=secure", "fail_mode", NULL, "secure");
	check_ckv("NAME", "name", NULL, NULL);
	check_ckv("other_config:x", "other_config", "x", NULL);
	assert_null(vsctl_parse_ckv("flood_vlans<=5", bridge, ops, 4, &ckv));
	assert_int_equal(ckv.op, 3);
	assert_string_equal(ckv.value, "5");
	vsctl_ckv_free(&ckv);

	check_ckv_error(":k=v", true, ":k=v: missing column name");
	check_ckv_error("nosuch=1", true, "Bridge does not contain a column "
		     "whose name matches \"nosuch\"");
	check_ckv_error("name", true, "name: argument does not end in \"=\", "
		     "\"!=\", \"<\", or \"<=\" followed by a value.");
	check_ckv_error("name=", true, "name=: argument does not end in "
		     "\"=\", \"!=\", \"<\", or \"<=\" followed by a value.");
	check_ckv_error("name=x", false, "name=x: trailing garbage \"=x\" in "
		     "argument");
	check_ckv_error("_uuid", false, "Bridge does not contain a column "
		     "whose name matches \"_uuid\"");
}

static void test_abbreviations(void **state)
{
	const struct ovsdb_table_schema *t;
	const struct ovsdb_column *c;
	char *error;

	(void) state;
	assert_null(vsctl_find_table(schema, "bridge", &t));
	assert_string_equal(t->name, "Bridge");
	assert_null(vsctl_find_table(schema, "Br", &t));
	assert_string_equal(t->name, "Bridge");
	assert_null(vsctl_find_table(schema, "P", &t));
	assert_string_equal(t->name, "Port");
	error = vsctl_find_table(schema, "B", &t);
	assert_string_equal(error, "\"B\" matches multiple table names: "
				   "Bond, Bridge");
	free(error);
	error = vsctl_find_table(schema, "Q", &t);
	assert_string_equal(error, "unknown table \"Q\"");
	free(error);
	error = vsctl_find_column(bridge, "o", &c);
	assert_null(error);
	assert_string_equal(c->name, "other_config");
	error = vsctl_find_column(bridge, "f", &c);
	assert_string_equal(error, "Bridge contains more than one column "
		     "whose name matches \"f\": fail_mode, flood_vlans");
	free(error);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_token_errors),
		cmocka_unit_test(test_atoms),
		cmocka_unit_test(test_atom_errors),
		cmocka_unit_test(test_sets),
		cmocka_unit_test(test_maps),
		cmocka_unit_test(test_bare),
		cmocka_unit_test(test_symbols),
		cmocka_unit_test(test_column_key_value),
		cmocka_unit_test(test_abbreviations),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
