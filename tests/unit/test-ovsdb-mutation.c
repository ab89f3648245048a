/* Mutations: every mutator on the column types it applies to, element-
 * wise arithmetic on sets, insert/delete on sets and maps, and each RFC
 * error with the tag ovsdb-server gives it, the row left as it was. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "ovsdb-mutation.h"
#include "ovsdb-row.h"
#include "ovsdb-symbol.h"
#include "tests/unit/ovsdb-check.h"

static struct ovsdb_schema *schema;
static const struct ovsdb_table_schema *table_a;

#define ROW "{\"i\": 7, \"r\": 2.5, \"ri\": 2, \"rr\": 10, " \
	"\"oi\": [\"set\", []], \"si\": [\"set\", [1, 2, 3]], " \
	"\"sr\": [\"set\", [0.5, 1.5]], \"ss\": [\"set\", [\"a\", \"b\"]], " \
	"\"s1\": [\"set\", [10, 20]], " \
	"\"m\": [\"map\", [[\"a\", 1], [\"b\", 2]]], \"imm\": 1}"

static int setup(void **state)
{
	(void) state;
	schema = test_schema();
	table_a = ovsdb_schema_find_table(schema, "A");
	return 0;
}

static int teardown(void **state)
{
	(void) state;
	ovsdb_schema_destroy(schema);
	return 0;
}

static struct ovsdb_row *make_row(void)
{
	struct ovsdb_row *row = ovsdb_row_create(table_a);
	json_t *json = J(ROW);

	assert_ok(ovsdb_row_from_json(row, json, NULL, NULL));
	json_decref(json);
	return row;
}

/* Runs 'mutations' on a fresh row; returns the error, if any, and sets
 * '*after' to the row's JSON afterwards. */
static struct ovsdb_error *run(const char *mutations, json_t **after)
{
	struct ovsdb_mutation_set set;
	struct ovsdb_row *row = make_row();
	struct ovsdb_error *error;
	json_t *json = J(mutations);

	assert_ok(ovsdb_mutation_set_from_json(table_a, json, NULL, &set));
	error = ovsdb_mutation_set_execute(row, &set);
	*after = ovsdb_row_to_json(row, NULL);
	ovsdb_mutation_set_destroy(&set);
	ovsdb_row_destroy(row);
	json_decref(json);
	return error;
}

/* 'mutations' succeed and leave 'column' as 'expected'. */
static void mutates(const char *mutations, const char *column,
		    const char *expected)
{
	json_t *after;

	assert_ok(run(mutations, &after));
	assert_json_text(json_object_get(after, column), expected);
	json_decref(after);
}

/* 'mutations' fail with 'tag' and 'fragment', and change nothing. */
static void fails(const char *mutations, const char *tag,
		  const char *fragment)
{
	struct ovsdb_row *row = make_row();
	json_t *before = ovsdb_row_to_json(row, NULL), *after;

	assert_ovsdb_error(run(mutations, &after), tag, fragment, NULL);
	assert_true(json_equal(before, after));
	json_decref(before);
	json_decref(after);
	ovsdb_row_destroy(row);
}

static void bad_mutation(const char *text, const char *tag,
			 const char *fragment)
{
	struct ovsdb_mutation_set set;
	json_t *json = J(text);

	assert_ovsdb_error(ovsdb_mutation_set_from_json(table_a, json, NULL,
							&set),
			   tag, fragment, NULL);
	assert_int_equal(set.n, 0);
	json_decref(json);
}

static void test_integer_arith(void **state)
{
	(void) state;
	mutates("[[\"i\", \"+=\", 5]]", "i", "12");
	mutates("[[\"i\", \"-=\", 10]]", "i", "-3");
	mutates("[[\"i\", \"*=\", -3]]", "i", "-21");
	mutates("[[\"i\", \"/=\", 2]]", "i", "3");
	mutates("[[\"i\", \"/=\", -2]]", "i", "-3");
	mutates("[[\"i\", \"%=\", 4]]", "i", "3");
	mutates("[[\"i\", \"%=\", -4]]", "i", "3");
	mutates("[[\"i\", \"%=\", -1]]", "i", "0");
	/* Applied in order. */
	mutates("[[\"i\", \"+=\", 1], [\"i\", \"*=\", 2]]", "i", "16");
}

static void test_real_arith(void **state)
{
	(void) state;
	mutates("[[\"r\", \"+=\", 1]]", "r", "3.5");
	mutates("[[\"r\", \"-=\", 0.5]]", "r", "2");
	mutates("[[\"r\", \"*=\", 4]]", "r", "10");
	mutates("[[\"r\", \"/=\", 2]]", "r", "1.25");
	fails("[[\"r\", \"/=\", 0]]", "domain error", "\"/=\" divides by zero");
	fails("[[\"r\", \"*=\", 1e308], [\"r\", \"*=\", 1e308]]",
	      "range error", "column r in table A: result of \"*=\" is out of "
	      "range");
	/* Constraints apply to the result (ovsdb-server: "constraint
	 * violation" too). */
	fails("[[\"rr\", \"*=\", 20]]", "constraint violation",
	      "column rr in table A: result of \"*=\": value 200 is not in "
	      "range -1.5..100");
}

static void test_integer_errors(void **state)
{
	(void) state;
	fails("[[\"i\", \"/=\", 0]]", "domain error",
	      "column i in table A: \"/=\" divides by zero");
	fails("[[\"i\", \"%=\", 0]]", "domain error", "\"%=\" divides by zero");
	fails("[[\"i\", \"+=\", 9223372036854775807]]", "range error",
	      "column i in table A: result of \"+=\" is out of range");
	fails("[[\"i\", \"-=\", -9223372036854775807]]", "range error",
	      "result of \"-=\" is out of range");
	fails("[[\"i\", \"*=\", 4611686018427387904]]", "range error",
	      "result of \"*=\" is out of range");
	fails("[[\"i\", \"-=\", 7], [\"i\", \"-=\", 9223372036854775807], "
	      "[\"i\", \"-=\", 1], [\"i\", \"/=\", -1]]", "range error",
	      "result of \"/=\" is out of range");
	/* The first mutation succeeded; the row still does not change. */
	fails("[[\"i\", \"+=\", 1], [\"i\", \"/=\", 0]]", "domain error",
	      "divides by zero");
	fails("[[\"ri\", \"+=\", 3]]", "constraint violation",
	      "column ri in table A: result of \"+=\": value 5 is not in range "
	      "1..4");
}

static void test_set_arith(void **state)
{
	(void) state;
	mutates("[[\"si\", \"+=\", 10]]", "si", "[\"set\",[11,12,13]]");
	/* Element-wise, and sorted again afterwards. */
	mutates("[[\"si\", \"*=\", -1]]", "si", "[\"set\",[-3,-2,-1]]");
	mutates("[[\"sr\", \"*=\", 2]]", "sr", "[\"set\",[1,3]]");
	mutates("[[\"oi\", \"+=\", 1]]", "oi", "[\"set\",[]]");
	fails("[[\"si\", \"%=\", 2]]", "constraint violation",
	      "column si in table A: result of \"%=\" has duplicate values");
	fails("[[\"si\", \"/=\", 0]]", "domain error", "divides by zero");
	fails("[[\"s1\", \"*=\", 6]]", "constraint violation",
	      "result of \"*=\": value 120 is greater than the maximum 100");
}

static void test_set_insert_delete(void **state)
{
	(void) state;
	mutates("[[\"si\", \"insert\", [\"set\", [5, 0, 2]]]]", "si",
		"[\"set\",[0,1,2,3,5]]");
	mutates("[[\"si\", \"insert\", 9]]", "si", "[\"set\",[1,2,3,9]]");
	mutates("[[\"si\", \"delete\", [\"set\", [2, 7]]]]", "si",
		"[\"set\",[1,3]]");
	mutates("[[\"si\", \"delete\", 1]]", "si", "[\"set\",[2,3]]");
	mutates("[[\"oi\", \"insert\", 4]]", "oi", "4");
	mutates("[[\"ss\", \"insert\", \"c\"]]", "ss",
		"[\"set\",[\"a\",\"b\",\"c\"]]");
	fails("[[\"ss\", \"insert\", [\"set\", [\"c\", \"d\"]]]]",
	      "constraint violation",
	      "column ss in table A: 4 values where 0 to 3 are allowed");
	fails("[[\"oi\", \"insert\", 4], [\"oi\", \"insert\", 5]]",
	      "constraint violation", "2 values where 0 to 1 are allowed");
	fails("[[\"s1\", \"delete\", [\"set\", [10, 20]]]]",
	      "constraint violation",
	      "column s1 in table A: 0 values where 1 to 2 are allowed");
}

static void test_map_insert_delete(void **state)
{
	(void) state;
	/* An existing key keeps its value. */
	mutates("[[\"m\", \"insert\", [\"map\", [[\"a\", 9], [\"c\", 3]]]]]",
		"m", "[\"map\",[[\"a\",1],[\"b\",2],[\"c\",3]]]");
	/* Delete by pairs: only exact matches go. */
	mutates("[[\"m\", \"delete\", [\"map\", [[\"a\", 1], [\"b\", 9]]]]]",
		"m", "[\"map\",[[\"b\",2]]]");
	/* Delete by keys. */
	mutates("[[\"m\", \"delete\", [\"set\", [\"b\", \"x\"]]]]", "m",
		"[\"map\",[[\"a\",1]]]");
	mutates("[[\"m\", \"delete\", \"a\"]]", "m", "[\"map\",[[\"b\",2]]]");
}

static void test_to_json(void **state)
{
	struct ovsdb_mutation_set set;
	json_t *json, *out;

	(void) state;
	json = J("[[\"i\", \"+=\", 1], [\"si\", \"insert\", [\"set\", [3, 1]]],"
		 " [\"m\", \"delete\", [\"set\", [\"k\"]]], "
		 "[\"m\", \"delete\", [\"map\", [[\"k\", 1]]]]]");
	assert_ok(ovsdb_mutation_set_from_json(table_a, json, NULL, &set));
	out = ovsdb_mutation_set_to_json(&set);
	assert_json_text(out, "[[\"i\",\"+=\",1],[\"si\",\"insert\",[\"set\","
			 "[1,3]]],[\"m\",\"delete\",\"k\"],[\"m\",\"delete\","
			 "[\"map\",[[\"k\",1]]]]]");
	json_decref(out);
	ovsdb_mutation_set_destroy(&set);
	json_decref(json);
	assert_string_equal(ovsdb_mutator_to_string(OVSDB_M_MOD), "%=");
}

static void test_named_uuid(void **state)
{
	struct ovsdb_symbol_table *symtab = ovsdb_symbol_table_create();
	struct ovsdb_mutation_set set;
	struct ovsdb_row *row = make_row();
	const struct ovsdb_column *ref;
	json_t *json = J("[[\"ref\", \"insert\", [\"named-uuid\", \"n\"]], "
			 "[\"wref\", \"insert\", [\"named-uuid\", \"n\"]]]");

	(void) state;
	assert_ok(ovsdb_mutation_set_from_json(table_a, json, symtab, &set));
	assert_ok(ovsdb_mutation_set_execute(row, &set));
	const struct ovsdb_symbol *sym = ovsdb_symbol_table_find(symtab, "n");
	assert_true(sym->strong_ref && sym->weak_ref);
	ref = ovsdb_table_schema_find_column(table_a, "ref");
	assert_int_equal(ovsdb_row_get(row, ref)->n, 1);
	assert_true(uuid_equals(&ovsdb_row_get(row, ref)->keys[0].uuid,
				&sym->uuid));
	ovsdb_mutation_set_destroy(&set);
	ovsdb_row_destroy(row);
	json_decref(json);
	ovsdb_symbol_table_destroy(symtab);
}

static void test_bad_mutations(void **state)
{
	(void) state;
	bad_mutation("{}", "syntax error", "mutations must be an array");
	bad_mutation("[[\"i\", \"+=\"]]", "syntax error",
		     "mutation must be [column, mutator, value]");
	bad_mutation("[[\"i\", 1, 1]]", "syntax error",
		     "[column, mutator, value]");
	bad_mutation("[[\"zz\", \"+=\", 1]]", "unknown column",
		     "table A has no column zz");
	bad_mutation("[[\"i\", \"^=\", 1]]", "unknown mutator",
		     "no mutator named \"^=\"");
	bad_mutation("[[\"_uuid\", \"+=\", 1]]", "constraint violation",
		     "column _uuid in table A is not mutable");
	bad_mutation("[[\"_version\", \"insert\", 1]]", "constraint violation",
		     "column _version in table A is not mutable");
	bad_mutation("[[\"imm\", \"+=\", 1]]", "constraint violation",
		     "column imm in table A is not mutable");
	bad_mutation("[[\"r\", \"%=\", 2]]", "syntax error",
		     "column r in table A: mutator \"%=\" does not apply to "
		     "type real");
	bad_mutation("[[\"s\", \"+=\", \"x\"]]", "syntax error",
		     "mutator \"+=\" does not apply to type string");
	bad_mutation("[[\"b\", \"*=\", true]]", "syntax error",
		     "does not apply to type boolean");
	bad_mutation("[[\"m\", \"+=\", 1]]", "syntax error",
		     "mutator \"+=\" does not apply to type map");
	bad_mutation("[[\"i\", \"insert\", 1]]", "syntax error",
		     "mutator \"insert\" does not apply to type integer");
	bad_mutation("[[\"s\", \"delete\", \"x\"]]", "syntax error",
		     "mutator \"delete\" does not apply to type string");
	/* The argument of arithmetic is one atom of the key type. */
	bad_mutation("[[\"i\", \"+=\", 1.5]]", "syntax error",
		     "column i in table A: integer expected");
	bad_mutation("[[\"si\", \"+=\", [\"set\", [1, 2]]]]", "syntax error",
		     "2 values where exactly 1 are allowed");
	/* ...but not bound by the column's constraints. */
	struct ovsdb_mutation_set set;
	json_t *json = J("[[\"ri\", \"+=\", 100], [\"ri\", \"-=\", 100]]");
	assert_ok(ovsdb_mutation_set_from_json(table_a, json, NULL, &set));
	ovsdb_mutation_set_destroy(&set);
	json_decref(json);
	/* insert/delete values are, and must have the column's types. */
	bad_mutation("[[\"ss\", \"insert\", \"toolong\"]]",
		     "constraint violation",
		     "string \"toolong\" is 7 characters long");
	bad_mutation("[[\"ss\", \"insert\", [\"set\", [\"a\", \"b\", \"c\", "
		     "\"d\"]]]]", "syntax error",
		     "4 values where 0 to 3 are allowed");
	bad_mutation("[[\"m\", \"insert\", [\"set\", [\"a\"]]]]",
		     "syntax error", "[\"map\", [...]] expected");
	bad_mutation("[[\"m\", \"delete\", [\"map\", [[\"a\", \"x\"]]]]]",
		     "syntax error", "map value: integer expected");
	bad_mutation("[[\"m\", \"delete\", [\"set\", [1]]]]", "syntax error",
		     "string expected");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integer_arith),
		cmocka_unit_test(test_real_arith),
		cmocka_unit_test(test_integer_errors),
		cmocka_unit_test(test_set_arith),
		cmocka_unit_test(test_set_insert_delete),
		cmocka_unit_test(test_map_insert_delete),
		cmocka_unit_test(test_to_json),
		cmocka_unit_test(test_named_uuid),
		cmocka_unit_test(test_bad_mutations),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
