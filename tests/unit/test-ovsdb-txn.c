/* The transaction engine: every RFC 7047 operation and its errors, the
 * result array's shape (errors in place, null for operations not run, an
 * extra element for a commit-time error), referential integrity, garbage
 * collection, weak references, maxRows, indexes, wait and its timeout,
 * _version, and that a failed transaction changes nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "ovsdb-row.h"
#include "tests/unit/ovsdb-txn-check.h"

/* The least an A row needs: "ri" and "e" have no valid default. */
#define OK_A "\"ri\": 1, \"e\": \"red\""

/* Weak references with a minimum, a two-column index, maxRows, and a
 * chain of non-root rows. */
#define SCHEMA_W "{\"name\": \"W\", \"tables\": {" \
	"\"R\": {\"isRoot\": true, \"columns\": {" \
	"\"w\": {\"type\": {\"key\": {\"type\": \"uuid\", \"refTable\": " \
	"\"T\", \"refType\": \"weak\"}, \"min\": 1, \"max\": 1}}}}," \
	"\"T\": {\"isRoot\": true, \"maxRows\": 2, \"indexes\": " \
	"[[\"k\", \"n\"]], \"columns\": {\"k\": {\"type\": \"integer\"}, " \
	"\"n\": {\"type\": \"string\"}}}," \
	"\"N\": {\"columns\": {\"v\": {\"type\": \"integer\"}, " \
	"\"next\": {\"type\": {\"key\": {\"type\": \"uuid\", \"refTable\": " \
	"\"N\"}, \"min\": 0, \"max\": 1}}}}," \
	"\"H\": {\"isRoot\": true, \"columns\": {\"head\": {\"type\": " \
	"{\"key\": {\"type\": \"uuid\", \"refTable\": \"N\"}, \"min\": 0, " \
	"\"max\": 1}}}}}}"

static int setup(void **state)
{
	*state = txn_test_db(OVSDB_TEST_SCHEMA);
	return 0;
}

static int setup_w(void **state)
{
	*state = txn_test_db(SCHEMA_W);
	return 0;
}

static int teardown(void **state)
{
	ovsdb_db_destroy(*state);
	return 0;
}

/* Runs 'ops', which must fail, and checks the database did not change. */
static json_t *run_fails(struct ovsdb_db *db, const char *ops)
{
	char *before = dump_text(db), *after;
	json_t *results = run(db, ops);

	after = dump_text(db);
	assert_string_equal(before, after);
	free(before);
	free(after);
	return results;
}

/* Runs 'ops', which must fail with 'tag' at result 'i' and change
 * nothing. */
static void expect_error(struct ovsdb_db *db, const char *ops, size_t i,
			 const char *tag, const char *frag)
{
	json_t *r = run_fails(db, ops);

	assert_result_error(r, i, tag, frag);
	json_decref(r);
}

static void test_insert_select(void **state)
{
	struct ovsdb_db *db = *state;
	json_t *r;

	r = run(db, "[{\"op\": \"insert\", \"table\": \"A\", \"row\": {"
		OK_A ", \"s\": \"x\", \"i\": 7, \"m\": [\"map\", [[\"k\", 1]]]}},"
		"{\"op\": \"insert\", \"table\": \"A\", \"uuid\": "
		"\"11111111-2222-3333-4444-555555555555\", \"row\": {" OK_A
		", \"s\": \"y\"}}]");
	assert_int_equal(json_array_size(r), 2);
	assert_true(uuid_is_valid_string(result_uuid(r, 0)));
	assert_string_equal(result_uuid(r, 1),
			    "11111111-2222-3333-4444-555555555555");
	json_decref(r);
	run_expect(db, "[{\"op\": \"select\", \"table\": \"A\", \"where\": "
		   "[[\"i\", \"==\", 7]], \"columns\": [\"s\", \"i\", \"m\", "
		   "\"e\"]}]",
		   "[{\"rows\":[{\"e\":\"red\",\"i\":7,\"m\":[\"map\",[[\"k\","
		   "1]]],\"s\":\"x\"}]}]");
	run_expect(db, "[{\"op\": \"select\", \"table\": \"A\", \"where\": "
		   "[[\"_uuid\", \"==\", [\"uuid\", "
		   "\"11111111-2222-3333-4444-555555555555\"]]], \"columns\": "
		   "[\"_uuid\", \"s\"]}]",
		   "[{\"rows\":[{\"_uuid\":[\"uuid\",\"11111111-2222-3333-"
		   "4444-555555555555\"],\"s\":\"y\"}]}]");
	/* Without "columns", _uuid and _version come too. */
	r = run(db, "[{\"op\": \"select\", \"table\": \"A\", \"where\": "
		"[[\"s\", \"==\", \"y\"]]}]");
	assert_non_null(json_object_get(json_array_get(json_object_get(
		json_array_get(r, 0), "rows"), 0), "_version"));
	json_decref(r);
}

static void test_insert_errors(void **state)
{
	struct ovsdb_db *db = *state;
	json_t *r;

	/* A default out of range, then two operations never run. */
	r = run_fails(db, "[{\"op\": \"insert\", \"table\": \"A\", \"row\": "
		      "{\"e\": \"red\"}}, {\"op\": \"comment\", \"comment\": "
		      "\"c\"}, {\"op\": \"abort\"}]");
	assert_result_error(r, 0, "constraint violation",
			    "column ri in table A");
	assert_true(json_is_null(json_array_get(r, 1)));
	assert_true(json_is_null(json_array_get(r, 2)));
	assert_int_equal(json_array_size(r), 3);
	json_decref(r);
	/* "" is not in the enum. */
	expect_error(db, "[{\"op\": \"insert\", \"table\": \"A\", \"row\": "
		      "{\"ri\": 2}}]",
		     0, "constraint violation", "column e in table A");
	expect_error(db, "[{\"op\": \"insert\", \"table\": \"A\", \"row\": {"
		      OK_A ", \"nope\": 1}}]",
		     0, "unknown column", "nope");
	expect_error(db, "[{\"op\": \"insert\", \"table\": \"A\", \"row\": {"
		      OK_A ", \"ri\": 9}}]",
		     0, "constraint violation", "9");
	run_ok(db, "[{\"op\": \"insert\", \"table\": \"A\", \"uuid\": "
	       "\"11111111-2222-3333-4444-555555555555\", \"row\": {" OK_A
	       "}}]");
	expect_error(db, "[{\"op\": \"insert\", \"table\": \"A\", \"uuid\": "
		      "\"11111111-2222-3333-4444-555555555555\", \"row\": {"
		      OK_A ", \"s\": \"other\"}}]",
		     0, "duplicate uuid", "UUID would duplicate");
	expect_error(db, "[{\"op\": \"insert\", \"table\": \"A\", \"uuid\": "
		      "\"not-a-uuid\", \"row\": {" OK_A "}}]",
		     0, "syntax error", "bad uuid");
	expect_error(db, "[{\"op\": \"insert\", \"table\": \"A\", \"row\": {"
		      OK_A ", \"s\": \"p\"}, \"uuid-name\": \"a\"}, {\"op\": "
		      "\"insert\", \"table\": \"A\", \"row\": {" OK_A ", \"s\": "
		      "\"q\"}, \"uuid-name\": \"a\"}]",
		     1, "duplicate uuid-name", "earlier");
}

static void test_parse_errors(void **state)
{
	struct ovsdb_db *db = *state;
	json_t *r;

	r = run_fails(db, "[{\"op\": \"comment\", \"comment\": \"a\"}, "
		      "{\"op\": \"frob\"}, {\"op\": \"abort\"}]");
	assert_json_text(json_array_get(r, 0), "{}");
	assert_result_error(r, 1, "syntax error", "operation 2 of 3 failed: "
			    "No operation \"frob\"");
	assert_true(json_is_null(json_array_get(r, 2)));
	json_decref(r);
	expect_error(db, "[{\"op\": \"select\", \"table\": \"Z\", \"where\": "
		      "[]}]",
		     0, "syntax error", "No table named Z.");
	expect_error(db, "[{\"op\": \"select\", \"table\": \"A\"}]",
		     0, "syntax error", "where");
	expect_error(db, "[{\"op\": \"select\", \"table\": \"A\", \"where\": "
		      "[], \"extra\": 1}]",
		     0, "syntax error", "extra");
	expect_error(db, "[7]",
		     0, "syntax error", "object expected");
	expect_error(db, "[{\"op\": \"select\", \"table\": \"A\", \"where\": "
		      "[[\"q\", \"==\", 1]]}]",
		     0, "unknown column", "q");
	expect_error(db, "[{\"op\": \"select\", \"table\": \"A\", \"where\": "
		      "[], \"columns\": [\"nope\"]}]",
		     0, "syntax error", "nope is not a valid column name");
	expect_error(db, "[{\"op\": \"select\", \"table\": \"A\", \"where\": "
		      "[], \"columns\": [\"s\", \"s\"]}]",
		     0, "syntax error", "array of distinct column names");
	run_expect(db, "[]", "[]");
}

static void test_update_mutate_delete(void **state)
{
	struct ovsdb_db *db = *state;
	json_t *r;

	json_decref(run(db, "[{\"op\": \"insert\", \"table\": \"A\", \"row\": "
			"{" OK_A ", \"s\": \"a\", \"i\": 1}}, {\"op\": "
			"\"insert\", \"table\": \"A\", \"row\": {" OK_A ", "
			"\"s\": \"b\", \"i\": 2}}]"));
	run_expect(db, "[{\"op\": \"update\", \"table\": \"A\", \"where\": [], "
		   "\"row\": {\"r\": 2.5}}, {\"op\": \"mutate\", \"table\": "
		   "\"A\", \"where\": [[\"s\", \"==\", \"a\"]], \"mutations\": "
		   "[[\"i\", \"+=\", 10], [\"si\", \"insert\", [\"set\", [3, 4]]]"
		   "]}]",
		   "[{\"count\":2},{\"count\":1}]");
	run_expect(db, "[{\"op\": \"select\", \"table\": \"A\", \"where\": "
		   "[[\"s\", \"==\", \"a\"]], \"columns\": [\"i\", \"r\", "
		   "\"si\"]}]",
		   "[{\"rows\":[{\"i\":11,\"r\":2.5,\"si\":[\"set\",[3,4]]}]}]");
	r = run_fails(db, "[{\"op\": \"update\", \"table\": \"A\", \"where\": "
		      "[], \"row\": {\"imm\": 3}}]");
	assert_result_error(r, 0, "constraint violation",
			    "Cannot update immutable column imm in table A.");
	json_decref(r);
	r = run_fails(db, "[{\"op\": \"update\", \"table\": \"A\", \"where\": "
		      "[], \"row\": {\"_uuid\": [\"uuid\", "
		      "\"11111111-2222-3333-4444-555555555555\"]}}]");
	assert_result_error(r, 0, "constraint violation",
			    "immutable column _uuid");
	json_decref(r);
	r = run_fails(db, "[{\"op\": \"mutate\", \"table\": \"A\", \"where\": "
		      "[], \"mutations\": [[\"imm\", \"+=\", 1]]}]");
	assert_result_error(r, 0, "constraint violation",
			    "column imm in table A");
	json_decref(r);
	/* The first mutate ran, the second fails: neither stays. */
	r = run_fails(db, "[{\"op\": \"mutate\", \"table\": \"A\", \"where\": "
		      "[], \"mutations\": [[\"i\", \"+=\", 1]]}, {\"op\": "
		      "\"mutate\", \"table\": \"A\", \"where\": [], "
		      "\"mutations\": [[\"i\", \"/=\", 0]]}]");
	assert_json_text(json_array_get(r, 0), "{\"count\":2}");
	assert_result_error(r, 1, "domain error", "");
	json_decref(r);
	expect_error(db, "[{\"op\": \"mutate\", \"table\": \"A\", \"where\": "
		      "[], \"mutations\": [[\"ri\", \"+=\", 5]]}]",
		     0, "constraint violation", "");
	expect_error(db, "[{\"op\": \"update\", \"table\": \"A\", \"where\": "
		      "[], \"row\": {\"ri\": 0}}]",
		     0, "constraint violation", "ri");
	run_expect(db, "[{\"op\": \"delete\", \"table\": \"A\", \"where\": "
		   "[[\"i\", \">\", 5]]}, {\"op\": \"select\", \"table\": \"A\", "
		   "\"where\": [], \"columns\": [\"s\"]}]",
		   "[{\"count\":1},{\"rows\":[{\"s\":\"b\"}]}]");
	run_expect(db, "[{\"op\": \"delete\", \"table\": \"A\", \"where\": "
		   "[[\"i\", \"==\", 99]]}]", "[{\"count\":0}]");
}

static void test_commit_abort_comment(void **state)
{
	struct ovsdb_db *db = *state;
	static const struct ovsdb_exec_env env = { 0 };
	struct ovsdb_exec exec;
	json_t *ops = J("[{\"op\": \"comment\", \"comment\": \"one\"}, "
			"{\"op\": \"commit\", \"durable\": true}, "
			"{\"op\": \"comment\", \"comment\": \"two\"}]");
	json_t *r;

	ovsdb_execute(db, ops, &env, &exec);
	assert_json_text(exec.results, "[{},{},{}]");
	assert_true(exec.durable);
	assert_string_equal(exec.comment, "one\ntwo");
	assert_null(exec.txn);
	ovsdb_exec_destroy(&exec);
	json_decref(ops);
	r = run_fails(db, "[{\"op\": \"insert\", \"table\": \"A\", \"row\": {"
		      OK_A "}}, {\"op\": \"abort\"}, {\"op\": \"comment\", "
		      "\"comment\": \"x\"}]");
	assert_result_error(r, 1, "aborted", "aborted by request");
	assert_true(json_is_null(json_array_get(r, 2)));
	json_decref(r);
	expect_error(db, "[{\"op\": \"commit\", \"durable\": 1}]",
		     0, "syntax error", "durable");
}

static bool owns_only_mine(const char *name, void *aux)
{
	return !strcmp(name, aux);
}

static void test_assert(void **state)
{
	struct ovsdb_db *db = *state;
	struct ovsdb_exec_env env = { .lock_owned = owns_only_mine,
				      .aux = "mine" };
	json_t *r;

	r = run_env(db, "[{\"op\": \"assert\", \"lock\": \"mine\"}]", &env);
	assert_json_text(r, "[{}]");
	json_decref(r);
	r = run_env(db, "[{\"op\": \"assert\", \"lock\": \"theirs\"}, "
		    "{\"op\": \"comment\", \"comment\": \"c\"}]", &env);
	assert_result_error(r, 0, "not owner", "Asserted lock theirs not held.");
	assert_true(json_is_null(json_array_get(r, 1)));
	json_decref(r);
	r = run(db, "[{\"op\": \"assert\", \"lock\": \"mine\"}]");
	assert_result_error(r, 0, "not owner", "mine");
	json_decref(r);
}

static void test_wait(void **state)
{
	struct ovsdb_db *db = *state;
	struct ovsdb_exec_env env = { .started_ms = 1000, .now_ms = 1000 };
	const char *held = "[{\"op\": \"wait\", \"table\": \"A\", \"where\": "
			   "[], \"columns\": [\"s\"], \"until\": \"==\", "
			   "\"rows\": [{\"s\": \"w\"}], \"timeout\": 500}, "
			   "{\"op\": \"insert\", \"table\": \"A\", \"row\": {"
			   OK_A ", \"s\": \"after\"}}]";
	struct ovsdb_exec exec;
	json_t *ops, *r;

	run_expect(db, "[{\"op\": \"wait\", \"table\": \"A\", \"where\": [], "
		   "\"columns\": [\"s\"], \"until\": \"==\", \"rows\": [], "
		   "\"timeout\": 0}]", "[{}]");
	r = run(db, "[{\"op\": \"wait\", \"table\": \"A\", \"where\": [], "
		"\"columns\": [\"s\"], \"until\": \"!=\", \"rows\": [], "
		"\"timeout\": 0}, {\"op\": \"comment\", \"comment\": \"c\"}]");
	assert_result_error(r, 0, "timed out", "\"where\" clause test failed");
	assert_true(json_is_null(json_array_get(r, 1)));
	json_decref(r);
	/* Unsatisfied with time left: held, nothing done, a deadline. */
	ops = J(held);
	ovsdb_execute(db, ops, &env, &exec);
	assert_true(exec.blocked);
	assert_null(exec.results);
	assert_null(exec.txn);
	assert_int_equal(exec.deadline, 1500);
	ovsdb_exec_destroy(&exec);
	/* At the deadline it times out. */
	env.now_ms = 1500;
	ovsdb_execute(db, ops, &env, &exec);
	assert_false(exec.blocked);
	assert_result_error(exec.results, 0, "timed out",
			    "\"wait\" timed out after 500 ms");
	assert_null(exec.txn);
	ovsdb_exec_destroy(&exec);
	/* Once another transaction makes it true, it runs. */
	json_decref(run(db, "[{\"op\": \"insert\", \"table\": \"A\", \"row\": "
			"{" OK_A ", \"s\": \"w\"}}]"));
	env.now_ms = 1200;
	ovsdb_execute(db, ops, &env, &exec);
	assert_false(exec.blocked);
	assert_json_text(json_array_get(exec.results, 0), "{}");
	assert_non_null(exec.txn);
	ovsdb_exec_destroy(&exec);
	json_decref(ops);
	r = run(db, "[{\"op\": \"wait\", \"table\": \"A\", \"where\": [], "
		"\"until\": \"<\", \"rows\": []}]");
	assert_result_error(r, 0, "syntax error", "until");
	json_decref(r);
	/* No timeout: held with no deadline. */
	ops = J("[{\"op\": \"wait\", \"table\": \"A\", \"where\": [], "
		"\"until\": \"==\", \"rows\": []}]");
	ovsdb_execute(db, ops, &env, &exec);
	assert_true(exec.blocked);
	assert_true(exec.deadline == LLONG_MAX);
	ovsdb_exec_destroy(&exec);
	json_decref(ops);
}

static void test_references(void **state)
{
	struct ovsdb_db *db = *state;
	json_t *r;

	/* A named uuid stands for the row inserted in the same transaction,
	 * even when used before its insert. */
	r = run(db, "[{\"op\": \"insert\", \"table\": \"A\", \"row\": {" OK_A
		", \"s\": \"a\", \"ref\": [\"named-uuid\", \"b1\"], \"wref\": "
		"[\"named-uuid\", \"b1\"]}}, {\"op\": \"insert\", \"table\": "
		"\"B\", \"row\": {\"name\": \"one\"}, \"uuid-name\": \"b1\"}]");
	assert_int_equal(json_array_size(r), 2);
	json_decref(r);
	run_expect(db, "[{\"op\": \"select\", \"table\": \"B\", \"where\": [], "
		   "\"columns\": [\"name\"]}]",
		   "[{\"rows\":[{\"name\":\"one\"}]}]");
	/* A strong reference to nothing. */
	r = run_fails(db, "[{\"op\": \"insert\", \"table\": \"A\", \"row\": {"
		      OK_A ", \"s\": \"b\", \"ref\": [\"uuid\", "
		      "\"11111111-2222-3333-4444-555555555555\"]}}]");
	assert_int_equal(json_array_size(r), 2);
	assert_result_error(r, 1, "referential integrity violation",
			    "column ref row");
	assert_result_error(r, 1, "referential integrity violation",
			    "references nonexistent row "
			    "11111111-2222-3333-4444-555555555555 in table B.");
	json_decref(r);
	/* A named uuid never inserted. */
	r = run_fails(db, "[{\"op\": \"insert\", \"table\": \"A\", \"row\": {"
		      OK_A ", \"s\": \"b\", \"ref\": [\"named-uuid\", "
		      "\"ghost\"]}}]");
	assert_result_error(r, 1, "referential integrity violation",
			    "nonexistent row");
	json_decref(r);
	/* Deleting a row still referenced. */
	r = run_fails(db, "[{\"op\": \"delete\", \"table\": \"B\", \"where\": "
		      "[]}]");
	assert_json_text(json_array_get(r, 0), "{\"count\":1}");
	assert_result_error(r, 1, "referential integrity violation",
			    "cannot delete B row");
	json_decref(r);
	/* An unreferenced non-root row is collected at once. */
	run_ok(db, "[{\"op\": \"insert\", \"table\": \"B\", \"row\": "
		   "{\"name\": \"orphan\"}, \"uuid-name\": \"o\"}, {\"op\": "
		   "\"select\", \"table\": \"B\", \"where\": [], \"columns\": "
		   "[\"name\"]}]");
	run_expect(db, "[{\"op\": \"select\", \"table\": \"B\", \"where\": [], "
		   "\"columns\": [\"name\"]}]",
		   "[{\"rows\":[{\"name\":\"one\"}]}]");
	/* Dropping the last strong reference collects the row, and the weak
	 * reference to it goes too. */
	run_ok(db, "[{\"op\": \"update\", \"table\": \"A\", \"where\": [], "
	       "\"row\": {\"ref\": [\"set\", []]}}]");
	run_expect(db, "[{\"op\": \"select\", \"table\": \"A\", \"where\": [], "
		   "\"columns\": [\"wref\"]}]",
		   "[{\"rows\":[{\"wref\":[\"set\",[]]}]}]");
	run_expect(db, "[{\"op\": \"select\", \"table\": \"B\", \"where\": "
		   "[]}]", "[{\"rows\":[]}]");
}

static void test_max_rows(void **state)
{
	struct ovsdb_db *db = *state;
	char ops[4096];
	size_t len;
	json_t *r;

	len = snprintf(ops, sizeof ops, "[{\"op\": \"insert\", \"table\": "
		       "\"A\", \"row\": {" OK_A ", \"ref\": [\"set\", [");
	for (int i = 0; i < 11; i++)
		len += snprintf(ops + len, sizeof ops - len,
				"%s[\"named-uuid\", \"b%d\"]", i ? ", " : "",
				i);
	len += snprintf(ops + len, sizeof ops - len, "]]}}");
	for (int i = 0; i < 11; i++)
		len += snprintf(ops + len, sizeof ops - len,
				", {\"op\": \"insert\", \"table\": \"B\", "
				"\"row\": {}, \"uuid-name\": \"b%d\"}", i);
	snprintf(ops + len, sizeof ops - len, "]");
	r = run_fails(db, ops);
	assert_int_equal(json_array_size(r), 13);
	assert_result_error(r, 12, "constraint violation",
			    "Transaction causes \"B\" table to contain 11 rows, "
			    "greater than the schema-defined limit of 10 "
			    "row(s).");
	json_decref(r);
}

static void test_index(void **state)
{
	struct ovsdb_db *db = *state;
	json_t *r;
	char frag[128];
	const char *first;

	r = run(db, "[{\"op\": \"insert\", \"table\": \"A\", \"row\": {" OK_A
		", \"s\": \"x\"}}]");
	first = result_uuid(r, 0);
	snprintf(frag, sizeof frag, "UUID %s, existed in the database", first);
	json_t *r2 = run_fails(db, "[{\"op\": \"insert\", \"table\": \"A\", "
			       "\"row\": {" OK_A ", \"s\": \"x\"}}]");

	assert_result_error(r2, 1, "constraint violation",
			    "identical values (\"x\") for index on column "
			    "\"s\"");
	assert_result_error(r2, 1, "constraint violation", frag);
	assert_result_error(r2, 1, "constraint violation",
			    "was inserted by this transaction");
	json_decref(r2);
	json_decref(r);
	/* Swapping two values in one transaction is fine. */
	json_decref(run(db, "[{\"op\": \"insert\", \"table\": \"A\", \"row\": "
			"{" OK_A ", \"s\": \"y\"}}]"));
	run_expect(db, "[{\"op\": \"update\", \"table\": \"A\", \"where\": "
		   "[[\"s\", \"==\", \"x\"]], \"row\": {\"s\": \"t\"}}, "
		   "{\"op\": \"update\", \"table\": \"A\", \"where\": [[\"s\", "
		   "\"==\", \"y\"]], \"row\": {\"s\": \"x\"}}, {\"op\": "
		   "\"update\", \"table\": \"A\", \"where\": [[\"s\", \"==\", "
		   "\"t\"]], \"row\": {\"s\": \"y\"}}]",
		   "[{\"count\":1},{\"count\":1},{\"count\":1}]");
}

static void test_weak_min_and_gc_chain(void **state)
{
	struct ovsdb_db *db = *state;
	json_t *r;

	run_ok(db, "[{\"op\": \"insert\", \"table\": \"T\", \"row\": "
		   "{\"k\": 1}, \"uuid-name\": \"t\"}, {\"op\": \"insert\", "
		   "\"table\": \"R\", \"row\": {\"w\": [\"named-uuid\", "
		   "\"t\"]}}]");
	r = run_fails(db, "[{\"op\": \"delete\", \"table\": \"T\", \"where\": "
		      "[]}]");
	assert_result_error(r, 1, "constraint violation",
			    "Deletion of weak reference(s) leaves column w in "
			    "table R");
	json_decref(r);
	/* The two-column index: equal k alone is fine. */
	run_ok(db, "[{\"op\": \"insert\", \"table\": \"T\", \"row\": "
		   "{\"k\": 1, \"n\": \"b\"}}]");
	r = run_fails(db, "[{\"op\": \"update\", \"table\": \"T\", \"where\": "
		      "[], \"row\": {\"k\": 2, \"n\": \"z\"}}]");
	assert_result_error(r, 1, "constraint violation",
			    "(2, \"z\") for index on columns \"k\", \"n\"");
	assert_result_error(r, 1, "constraint violation",
			    "was modified by this transaction");
	json_decref(r);
	/* H -> N -> N -> N: cutting the head collects the whole chain. */
	json_decref(run(db, "[{\"op\": \"insert\", \"table\": \"N\", \"row\": "
			"{\"v\": 3}, \"uuid-name\": \"n3\"}, {\"op\": "
			"\"insert\", \"table\": \"N\", \"row\": {\"v\": 2, "
			"\"next\": [\"named-uuid\", \"n3\"]}, \"uuid-name\": "
			"\"n2\"}, {\"op\": \"insert\", \"table\": \"N\", "
			"\"row\": {\"v\": 1, \"next\": [\"named-uuid\", "
			"\"n2\"]}, \"uuid-name\": \"n1\"}, {\"op\": \"insert\", "
			"\"table\": \"H\", \"row\": {\"head\": [\"named-uuid\", "
			"\"n1\"]}}]"));
	r = run(db, "[{\"op\": \"select\", \"table\": \"N\", \"where\": [], "
		"\"columns\": [\"v\"]}]");
	assert_int_equal(json_array_size(json_object_get(json_array_get(r, 0),
							 "rows")), 3);
	json_decref(r);
	run_ok(db, "[{\"op\": \"update\", \"table\": \"H\", \"where\": [], "
		   "\"row\": {\"head\": [\"set\", []]}}, {\"op\": \"select\", "
		   "\"table\": \"N\", \"where\": []}]");
	run_expect(db, "[{\"op\": \"select\", \"table\": \"N\", \"where\": "
		   "[]}]", "[{\"rows\":[]}]");
	/* maxRows 2 on T. */
	expect_error(db, "[{\"op\": \"insert\", \"table\": \"T\", \"row\": "
		      "{\"k\": 9}}]",
		     1, "constraint violation", "limit of 2");
}

static void test_version(void **state)
{
	struct ovsdb_db *db = *state;
	json_t *r, *v1, *v2, *v3;
	const char *sel = "[{\"op\": \"select\", \"table\": \"A\", \"where\": "
			  "[], \"columns\": [\"_version\"]}]";

	json_decref(run(db, "[{\"op\": \"insert\", \"table\": \"A\", \"row\": "
			"{" OK_A "}}]"));
	r = run(db, sel);
	v1 = json_deep_copy(r);
	json_decref(r);
	/* Writing the same value changes nothing, _version included. */
	run_expect(db, "[{\"op\": \"update\", \"table\": \"A\", \"where\": [], "
		   "\"row\": {\"ri\": 1}}]", "[{\"count\":1}]");
	v2 = run(db, sel);
	assert_true(json_equal(v1, v2));
	run_expect(db, "[{\"op\": \"update\", \"table\": \"A\", \"where\": [], "
		   "\"row\": {\"ri\": 2}}]", "[{\"count\":1}]");
	v3 = run(db, sel);
	assert_false(json_equal(v1, v3));
	json_decref(v1);
	json_decref(v2);
	json_decref(v3);
}

static void test_rollback(void **state)
{
	struct ovsdb_db *db = *state;
	static const struct ovsdb_exec_env env = { 0 };
	struct ovsdb_exec exec;
	char *before, *after;
	json_t *ops;

	json_decref(run(db, "[{\"op\": \"insert\", \"table\": \"A\", \"row\": "
			"{" OK_A ", \"s\": \"keep\"}}]"));
	before = dump_text(db);
	ops = J("[{\"op\": \"insert\", \"table\": \"A\", \"row\": {" OK_A
		", \"s\": \"new\"}}, {\"op\": \"update\", \"table\": \"A\", "
		"\"where\": [[\"s\", \"==\", \"keep\"]], \"row\": {\"i\": 5}}]");
	ovsdb_execute(db, ops, &env, &exec);
	assert_non_null(exec.txn);
	ovsdb_txn_apply(exec.txn);
	after = dump_text(db);
	assert_string_not_equal(before, after);
	free(after);
	ovsdb_txn_rollback(exec.txn);
	after = dump_text(db);
	assert_string_equal(before, after);
	ovsdb_exec_destroy(&exec);
	json_decref(ops);
	free(before);
	free(after);
}

/* Runs 'ops', applies it and rolls it back, as a failed log commit does. */
static void apply_and_roll_back(struct ovsdb_db *db, const char *text)
{
	static const struct ovsdb_exec_env env = { 0 };
	json_t *ops = J(text);
	struct ovsdb_exec exec;

	ovsdb_execute(db, ops, &env, &exec);
	assert_non_null(exec.txn);
	ovsdb_txn_apply(exec.txn);
	ovsdb_txn_rollback(exec.txn);
	ovsdb_exec_destroy(&exec);
	json_decref(ops);
}

/* Reference counts and indexes kept across commits, exactly, rollbacks
 * included: the checks no longer scan the tables. */
static void test_counts_after_rollback(void **state)
{
	struct ovsdb_db *db = *state;
	char want[160];
	json_t *r;

	r = run(db, "[{\"op\": \"insert\", \"table\": \"B\", \"row\": "
		"{\"name\": \"shared\"}, \"uuid-name\": \"b\"}, "
		"{\"op\": \"insert\", \"table\": \"A\", \"row\": {" OK_A
		", \"s\": \"p1\", \"ref\": [\"named-uuid\", \"b\"], "
		"\"wref\": [\"named-uuid\", \"b\"]}}, "
		"{\"op\": \"insert\", \"table\": \"A\", \"row\": {" OK_A
		", \"s\": \"p2\", \"ref\": [\"named-uuid\", \"b\"]}}]");
	snprintf(want, sizeof want, "cannot delete B row %s because of 2 "
		 "remaining reference(s)", result_uuid(r, 0));
	/* Dropping one reference, then rolling back, leaves two. */
	apply_and_roll_back(db, "[{\"op\": \"delete\", \"table\": \"A\", "
			    "\"where\": [[\"s\", \"==\", \"p1\"]]}]");
	expect_error(db, "[{\"op\": \"delete\", \"table\": \"B\", "
		     "\"where\": []}]", 1, "referential integrity violation",
		     want);
	/* An index value inserted and rolled back is free again. */
	apply_and_roll_back(db, "[{\"op\": \"insert\", \"table\": \"A\", "
			    "\"row\": {" OK_A ", \"s\": \"p3\"}}]");
	run_ok(db, "[{\"op\": \"insert\", \"table\": \"A\", \"row\": {" OK_A
	       ", \"s\": \"p3\"}}]");
	/* Both referrers let go: the row is collected, the weak reference
	 * to it dropped. */
	run_ok(db, "[{\"op\": \"delete\", \"table\": \"A\", \"where\": "
	       "[[\"s\", \"==\", \"p2\"]]}, {\"op\": \"update\", "
	       "\"table\": \"A\", \"where\": [[\"s\", \"==\", \"p1\"]], "
	       "\"row\": {\"ref\": [\"set\", []]}}]");
	run_expect(db, "[{\"op\": \"select\", \"table\": \"B\", \"where\": "
		   "[]}]", "[{\"rows\":[]}]");
	run_expect(db, "[{\"op\": \"select\", \"table\": \"A\", \"where\": "
		   "[[\"s\", \"==\", \"p1\"]], \"columns\": [\"wref\"]}]",
		   "[{\"rows\":[{\"wref\":[\"set\",[]]}]}]");
	json_decref(r);
}

int main(void)
{
#define T(NAME, SETUP) cmocka_unit_test_setup_teardown(NAME, SETUP, teardown)
	const struct CMUnitTest tests[] = {
		T(test_insert_select, setup),
		T(test_insert_errors, setup),
		T(test_parse_errors, setup),
		T(test_update_mutate_delete, setup),
		T(test_commit_abort_comment, setup),
		T(test_assert, setup),
		T(test_wait, setup),
		T(test_references, setup),
		T(test_max_rows, setup),
		T(test_index, setup),
		T(test_weak_min_and_gc_chain, setup_w),
		T(test_version, setup),
		T(test_rollback, setup),
		T(test_counts_after_rollback, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
