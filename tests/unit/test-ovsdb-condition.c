/* Conditions: every function on the column types it applies to, the
 * types it does not, true/false literals, and all-of / any-of matching. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "ovsdb-condition.h"
#include "ovsdb-row.h"
#include "ovsdb-symbol.h"
#include "tests/unit/ovsdb-check.h"

static struct ovsdb_schema *schema;
static const struct ovsdb_table_schema *table_a;
static struct ovsdb_row *row;

/* The row every condition is evaluated on. */
#define ROW "{\"i\": 5, \"r\": 2.5, \"b\": true, \"s\": \"abc\", " \
	"\"u\": [\"uuid\", \"10000000-0000-4000-8000-000000000001\"], " \
	"\"oi\": [\"set\", []], \"si\": [\"set\", [1, 2, 3]], " \
	"\"m\": [\"map\", [[\"a\", 1], [\"b\", 2]]], \"e\": \"red\"}"

static int setup(void **state)
{
	json_t *json = J(ROW);

	(void) state;
	schema = test_schema();
	table_a = ovsdb_schema_find_table(schema, "A");
	row = ovsdb_row_create(table_a);
	assert_ok(ovsdb_row_from_json(row, json, NULL, NULL));
	json_decref(json);
	return 0;
}

static int teardown(void **state)
{
	(void) state;
	ovsdb_row_destroy(row);
	ovsdb_schema_destroy(schema);
	return 0;
}

/* Whether condition 'text' holds for the row (every clause). */
static bool holds(const char *text)
{
	struct ovsdb_condition cond;
	json_t *json = J(text), *out;
	bool result;

	assert_ok(ovsdb_condition_from_json(table_a, json, NULL, &cond));
	out = ovsdb_condition_to_json(&cond);
	/* Parsing what we print gives the same condition. */
	struct ovsdb_condition again;
	assert_ok(ovsdb_condition_from_json(table_a, out, NULL, &again));
	result = ovsdb_condition_match_all(&cond, row);
	assert_int_equal(result, ovsdb_condition_match_all(&again, row));
	ovsdb_condition_destroy(&again);
	ovsdb_condition_destroy(&cond);
	json_decref(out);
	json_decref(json);
	return result;
}

static void bad_condition(const char *text, const char *tag,
			  const char *fragment)
{
	struct ovsdb_condition cond;
	json_t *json = J(text);

	assert_ovsdb_error(ovsdb_condition_from_json(table_a, json, NULL,
						     &cond), tag, fragment,
			   NULL);
	assert_int_equal(cond.n, 0);
	json_decref(json);
}

static void test_integer(void **state)
{
	(void) state;
	assert_true(holds("[[\"i\", \"<\", 6]]"));
	assert_false(holds("[[\"i\", \"<\", 5]]"));
	assert_true(holds("[[\"i\", \"<=\", 5]]"));
	assert_false(holds("[[\"i\", \"<=\", 4]]"));
	assert_true(holds("[[\"i\", \"==\", 5]]"));
	assert_false(holds("[[\"i\", \"==\", 4]]"));
	assert_true(holds("[[\"i\", \"!=\", 4]]"));
	assert_false(holds("[[\"i\", \"!=\", 5]]"));
	assert_true(holds("[[\"i\", \">=\", 5]]"));
	assert_false(holds("[[\"i\", \">=\", 6]]"));
	assert_true(holds("[[\"i\", \">\", 4]]"));
	assert_false(holds("[[\"i\", \">\", 5]]"));
	/* On a scalar, includes is == and excludes is !=. */
	assert_true(holds("[[\"i\", \"includes\", 5]]"));
	assert_false(holds("[[\"i\", \"includes\", 4]]"));
	assert_true(holds("[[\"i\", \"excludes\", 4]]"));
	assert_false(holds("[[\"i\", \"excludes\", 5]]"));
}

static void test_real(void **state)
{
	(void) state;
	assert_true(holds("[[\"r\", \"<\", 3]]"));
	assert_true(holds("[[\"r\", \">\", 2.25]]"));
	assert_true(holds("[[\"r\", \"==\", 2.5]]"));
	assert_false(holds("[[\"r\", \">=\", 2.6]]"));
	assert_true(holds("[[\"r\", \"<=\", 2.5]]"));
}

static void test_other_scalars(void **state)
{
	(void) state;
	assert_true(holds("[[\"b\", \"==\", true]]"));
	assert_true(holds("[[\"b\", \"!=\", false]]"));
	assert_true(holds("[[\"s\", \"==\", \"abc\"]]"));
	assert_true(holds("[[\"s\", \"includes\", \"abc\"]]"));
	assert_true(holds("[[\"s\", \"excludes\", \"abd\"]]"));
	assert_true(holds("[[\"u\", \"==\", [\"uuid\", "
			  "\"10000000-0000-4000-8000-000000000001\"]]]"));
	assert_true(holds("[[\"e\", \"!=\", \"green\"]]"));
	assert_true(holds("[[\"_uuid\", \"==\", [\"uuid\", "
			  "\"00000000-0000-0000-0000-000000000000\"]]]"));
}

static void test_optional(void **state)
{
	(void) state;
	/* An empty optional value is never ordered against anything. */
	assert_false(holds("[[\"oi\", \"<\", 100]]"));
	assert_false(holds("[[\"oi\", \">=\", -100]]"));
	assert_true(holds("[[\"oi\", \"==\", [\"set\", []]]]"));
	assert_true(holds("[[\"oi\", \"!=\", 1]]"));
	assert_true(holds("[[\"oi\", \"excludes\", 1]]"));
	assert_true(holds("[[\"oi\", \"includes\", [\"set\", []]]]"));
}

static void test_sets(void **state)
{
	(void) state;
	assert_true(holds("[[\"si\", \"==\", [\"set\", [3, 2, 1]]]]"));
	assert_false(holds("[[\"si\", \"==\", [\"set\", [1, 2]]]]"));
	assert_true(holds("[[\"si\", \"!=\", [\"set\", [1, 2]]]]"));
	assert_true(holds("[[\"si\", \"includes\", [\"set\", [1, 3]]]]"));
	assert_true(holds("[[\"si\", \"includes\", 2]]"));
	assert_true(holds("[[\"si\", \"includes\", [\"set\", []]]]"));
	assert_false(holds("[[\"si\", \"includes\", [\"set\", [1, 4]]]]"));
	assert_true(holds("[[\"si\", \"excludes\", [\"set\", [4, 5]]]]"));
	assert_false(holds("[[\"si\", \"excludes\", [\"set\", [3, 4]]]]"));
}

static void test_maps(void **state)
{
	(void) state;
	assert_true(holds("[[\"m\", \"==\", [\"map\", [[\"b\", 2], "
			  "[\"a\", 1]]]]]"));
	assert_true(holds("[[\"m\", \"includes\", [\"map\", [[\"a\", 1]]]]]"));
	/* The pair must match, not just the key. */
	assert_false(holds("[[\"m\", \"includes\", [\"map\", [[\"a\", 2]]]]]"));
	assert_true(holds("[[\"m\", \"excludes\", [\"map\", [[\"a\", 2]]]]]"));
	assert_false(holds("[[\"m\", \"excludes\", [\"map\", [[\"b\", 2]]]]]"));
	assert_true(holds("[[\"m\", \"!=\", [\"map\", []]]]"));
}

static void test_literals_and_combining(void **state)
{
	struct ovsdb_condition cond;
	json_t *json;

	(void) state;
	assert_true(holds("[]"));
	assert_true(holds("[true]"));
	assert_false(holds("[false]"));
	assert_true(holds("[[\"i\", \"==\", 5], [\"s\", \"==\", \"abc\"]]"));
	assert_false(holds("[[\"i\", \"==\", 5], [\"s\", \"==\", \"x\"]]"));
	assert_false(holds("[true, false]"));

	json = J("[[\"i\", \"==\", 1], [\"s\", \"==\", \"abc\"]]");
	assert_ok(ovsdb_condition_from_json(table_a, json, NULL, &cond));
	assert_false(ovsdb_condition_match_all(&cond, row));
	assert_true(ovsdb_condition_match_any(&cond, row));
	assert_false(ovsdb_condition_is_true(&cond));
	ovsdb_condition_destroy(&cond);
	json_decref(json);

	json = J("[false]");
	assert_ok(ovsdb_condition_from_json(table_a, json, NULL, &cond));
	assert_true(ovsdb_condition_is_false(&cond));
	assert_false(ovsdb_condition_match_any(&cond, row));
	ovsdb_condition_destroy(&cond);
	json_decref(json);

	json = J("[]");
	assert_ok(ovsdb_condition_from_json(table_a, json, NULL, &cond));
	assert_true(ovsdb_condition_is_true(&cond));
	assert_true(ovsdb_condition_match_any(&cond, row));
	ovsdb_condition_destroy(&cond);
	json_decref(json);
}

static void test_to_json(void **state)
{
	struct ovsdb_condition cond;
	json_t *json, *out;

	(void) state;
	json = J("[[\"si\", \"includes\", [\"set\", [3, 1]]], true, "
		 "[\"s\", \">=\", 1]]");
	assert_ovsdb_error(ovsdb_condition_from_json(table_a, json, NULL,
						     &cond), "syntax error",
			   "function \">=\" does not apply to type string",
			   NULL);
	json_decref(json);
	json = J("[[\"si\", \"includes\", [\"set\", [3, 1]]], true, "
		 "[\"i\", \">=\", 1], [\"m\", \"excludes\", [\"map\", []]]]");
	assert_ok(ovsdb_condition_from_json(table_a, json, NULL, &cond));
	out = ovsdb_condition_to_json(&cond);
	assert_json_text(out, "[[\"si\",\"includes\",[\"set\",[1,3]]],true,"
			 "[\"i\",\">=\",1],[\"m\",\"excludes\",[\"map\",[]]]]");
	json_decref(out);
	ovsdb_condition_destroy(&cond);
	json_decref(json);
	assert_string_equal(ovsdb_function_to_string(OVSDB_F_INCLUDES),
			    "includes");
}

static void test_named_uuid(void **state)
{
	struct ovsdb_symbol_table *symtab = ovsdb_symbol_table_create();
	struct ovsdb_condition cond;
	json_t *json = J("[[\"ref\", \"includes\", [\"named-uuid\", \"x\"]]]");

	(void) state;
	assert_ok(ovsdb_condition_from_json(table_a, json, symtab, &cond));
	assert_true(ovsdb_symbol_table_find(symtab, "x")->strong_ref);
	assert_false(ovsdb_condition_match_all(&cond, row));
	ovsdb_condition_destroy(&cond);
	json_decref(json);
	ovsdb_symbol_table_destroy(symtab);
}

static void test_bad_conditions(void **state)
{
	(void) state;
	bad_condition("{}", "syntax error",
		      "condition must be an array of clauses");
	bad_condition("[[\"i\", \"==\"]]", "syntax error",
		      "condition clause must be [column, function, value]");
	bad_condition("[[\"i\", \"==\", 1, 2]]", "syntax error",
		      "[column, function, value]");
	bad_condition("[[1, \"==\", 1]]", "syntax error",
		      "[column, function, value]");
	bad_condition("[null]", "syntax error", "true or false");
	bad_condition("[[\"i\", \"==\", 1], [\"zz\", \"==\", 1]]",
		      "unknown column", "table A has no column zz");
	bad_condition("[[\"i\", \"=\", 1]]", "unknown function",
		      "no function named \"=\"");
	bad_condition("[[\"i\", \"true\", 1]]", "unknown function",
		      "no function named \"true\"");
	/* Ordering applies to integer and real scalars only. */
	bad_condition("[[\"s\", \"<\", \"a\"]]", "syntax error",
		      "column s in table A: function \"<\" does not apply to "
		      "type string");
	bad_condition("[[\"b\", \">\", true]]", "syntax error",
		      "function \">\" does not apply to type boolean");
	bad_condition("[[\"u\", \"<=\", [\"uuid\", "
		      "\"10000000-0000-4000-8000-000000000001\"]]]",
		      "syntax error", "does not apply to type uuid");
	bad_condition("[[\"si\", \">=\", 1]]", "syntax error",
		      "function \">=\" does not apply to type set of any "
		      "number of integers");
	bad_condition("[[\"m\", \"<\", 1]]", "syntax error",
		      "does not apply to type map of any number of (string, "
		      "integer) pairs");
	/* Values are checked against the column's type and constraints. */
	bad_condition("[[\"i\", \"==\", \"5\"]]", "syntax error",
		      "column i in table A: integer expected");
	bad_condition("[[\"ri\", \"==\", 9]]", "constraint violation",
		      "column ri in table A: value 9 is not in range 1..4");
	bad_condition("[[\"oi\", \"<\", [\"set\", []]]]", "syntax error",
		      "0 values where exactly 1 are allowed");
	bad_condition("[[\"ss\", \"==\", [\"set\", [\"a\", \"b\", \"c\", "
		      "\"d\"]]]]", "syntax error",
		      "4 values where 0 to 3 are allowed");
	bad_condition("[[\"ref\", \"==\", [\"named-uuid\", \"x\"]]]",
		      "syntax error", "named-uuid is not allowed here");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integer),
		cmocka_unit_test(test_real),
		cmocka_unit_test(test_other_scalars),
		cmocka_unit_test(test_optional),
		cmocka_unit_test(test_sets),
		cmocka_unit_test(test_maps),
		cmocka_unit_test(test_literals_and_combining),
		cmocka_unit_test(test_to_json),
		cmocka_unit_test(test_named_uuid),
		cmocka_unit_test(test_bad_conditions),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
