/* Monitors on the transaction engine: the initial rows, what each kind of
 * change sends in version 1 ("update": old and new) and version 2
 * ("update2": insert with non-default columns, delete, modify with set and
 * map diffs), "select" flags, conditions and their change, which monitors
 * share their updates, changes held back and merged for a client that is
 * behind, and errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "monitor.h"
#include "tests/unit/ovsdb-txn-check.h"

#define OK_A "\"ri\": 1, \"e\": \"red\""
#define U1 "11111111-2222-3333-4444-555555555555"
#define U2 "22222222-2222-3333-4444-555555555555"
#define U3 "33333333-2222-3333-4444-555555555555"

static int setup(void **state)
{
	struct ovsdb_db *db = txn_test_db(OVSDB_TEST_SCHEMA);

	run_ok(db, "[{\"op\": \"insert\", \"table\": \"A\", \"uuid\": \"" U1
	       "\", \"row\": {" OK_A ", \"s\": \"one\", \"si\": [\"set\", [1, "
	       "2]], \"m\": [\"map\", [[\"a\", 1], [\"b\", 2]]]}}]");
	*state = db;
	return 0;
}

static int teardown(void **state)
{
	ovsdb_db_destroy(*state);
	return 0;
}

static struct ovsdb_monitor *monitor(struct ovsdb_db *db, const char *reqs,
				     enum ovsdb_monitor_version version)
{
	struct ovsdb_monitor *m;
	json_t *json = J(reqs);

	assert_ok(ovsdb_monitor_create(db, json, version, &m));
	json_decref(json);
	return m;
}

/* Runs 'ops' and checks what 'm' makes of it ("null" for nothing). */
static void expect_updates(struct ovsdb_db *db, struct ovsdb_monitor *m,
			   const char *ops, const char *expected)
{
	static const struct ovsdb_exec_env env = { 0 };
	struct ovsdb_exec exec;
	json_t *json = J(ops), *updates;

	ovsdb_execute(db, json, &env, &exec);
	assert_non_null(exec.txn);
	ovsdb_txn_apply(exec.txn);
	updates = ovsdb_monitor_txn_updates(m, exec.txn);
	if (updates) {
		/* _version changes with every row: checked for presence. */
		json_t *rows = json_object_get(updates, "A"), *row;
		const char *id;

		json_object_foreach(rows, id, row) {
			json_t *parts[] = { json_object_get(row, "new"),
					    json_object_get(row, "old"),
					    json_object_get(row, "modify") };

			for (size_t i = 0; i < 3; i++)
				json_object_del(parts[i], "_version");
		}
	}
	if (!updates)
		assert_string_equal("null", expected);
	else
		assert_json_text(updates, expected);
	json_decref(updates);
	ovsdb_exec_destroy(&exec);
	json_decref(json);
}

/* Checks the initial rows of a monitor of 'reqs'. */
static void expect_initial(struct ovsdb_db *db, const char *reqs,
			   enum ovsdb_monitor_version version,
			   const char *expected)
{
	struct ovsdb_monitor *m = monitor(db, reqs, version);
	json_t *j = ovsdb_monitor_initial(m);

	assert_json_text(j, expected);
	json_decref(j);
	ovsdb_monitor_destroy(m);
}

static void test_initial(void **state)
{
	struct ovsdb_db *db = *state;
	struct ovsdb_monitor *m;
	json_t *j, *row;

	expect_initial(db, "{\"A\": {\"columns\": [\"s\", \"i\", \"si\"]}}",
		       OVSDB_MONITOR_V1,
		       "{\"A\":{\"" U1 "\":{\"new\":{\"i\":0,\"s\":\"one\","
		       "\"si\":[\"set\",[1,2]]}}}}");
	/* Version 2 leaves out columns at their default. */
	expect_initial(db, "{\"A\": [{\"columns\": [\"s\", \"i\", \"si\"]}]}",
		       OVSDB_MONITOR_V2,
		       "{\"A\":{\"" U1 "\":{\"initial\":{\"s\":\"one\","
		       "\"si\":[\"set\",[1,2]]}}}}");
	expect_initial(db, "{\"A\": {\"select\": {\"initial\": false}}}",
		       OVSDB_MONITOR_V1, "{}");
	/* No "columns": all of them but _uuid. */
	m = monitor(db, "{\"B\": {}, \"A\": {}}", OVSDB_MONITOR_V1);
	j = ovsdb_monitor_initial(m);
	row = json_object_get(json_object_get(json_object_get(j, "A"), U1),
			      "new");
	assert_non_null(json_object_get(row, "_version"));
	assert_non_null(json_object_get(row, "eph"));
	assert_null(json_object_get(row, "_uuid"));
	json_decref(j);
	ovsdb_monitor_destroy(m);
}

static void test_v1_updates(void **state)
{
	struct ovsdb_db *db = *state;
	struct ovsdb_monitor *m;

	m = monitor(db, "{\"A\": {\"columns\": [\"s\", \"i\"]}}",
		    OVSDB_MONITOR_V1);
	expect_updates(db, m, "[{\"op\": \"update\", \"table\": \"A\", "
		       "\"where\": [], \"row\": {\"i\": 5, \"r\": 1.5}}]",
		       "{\"A\":{\"" U1 "\":{\"new\":{\"i\":5,\"s\":\"one\"},"
		       "\"old\":{\"i\":0}}}}");
	/* A column not monitored changed: nothing to say. */
	expect_updates(db, m, "[{\"op\": \"update\", \"table\": \"A\", "
		       "\"where\": [], \"row\": {\"r\": 2.5}}]", "null");
	expect_updates(db, m, "[{\"op\": \"delete\", \"table\": \"A\", "
		       "\"where\": []}, {\"op\": \"insert\", \"table\": \"A\", "
		       "\"uuid\": \"22222222-2222-3333-4444-555555555555\", "
		       "\"row\": {" OK_A ", \"s\": \"two\"}}]",
		       "{\"A\":{\"" U1 "\":{\"old\":{\"i\":5,\"s\":\"one\"}},"
		       "\"22222222-2222-3333-4444-555555555555\":{\"new\":"
		       "{\"i\":0,\"s\":\"two\"}}}}");
	ovsdb_monitor_destroy(m);
	/* Without "modify" and "insert", only the deletion is told. */
	m = monitor(db, "{\"A\": {\"columns\": [\"s\"], \"select\": "
		    "{\"modify\": false, \"insert\": false}}}",
		    OVSDB_MONITOR_V1);
	expect_updates(db, m, "[{\"op\": \"update\", \"table\": \"A\", "
		       "\"where\": [], \"row\": {\"s\": \"x\"}}]", "null");
	expect_updates(db, m, "[{\"op\": \"insert\", \"table\": \"A\", "
		       "\"row\": {" OK_A ", \"s\": \"y\"}}]", "null");
	expect_updates(db, m, "[{\"op\": \"delete\", \"table\": \"A\", "
		       "\"where\": [[\"s\", \"==\", \"x\"]]}]",
		       "{\"A\":{\"22222222-2222-3333-4444-555555555555\":"
		       "{\"old\":{\"s\":\"x\"}}}}");
	ovsdb_monitor_destroy(m);
}

static void test_v2_diffs(void **state)
{
	struct ovsdb_db *db = *state;
	struct ovsdb_monitor *m;

	m = monitor(db, "{\"A\": [{\"columns\": [\"si\", \"m\", \"oi\", "
		    "\"i\"]}]}", OVSDB_MONITOR_V2);
	/* A set gives the elements that come or go, a map the pairs added
	 * or changed (new value) and those removed (old value), anything
	 * else its new value. */
	expect_updates(db, m, "[{\"op\": \"update\", \"table\": \"A\", "
		       "\"where\": [], \"row\": {\"si\": [\"set\", [2, 3]], "
		       "\"m\": [\"map\", [[\"b\", 3], [\"c\", 4]]], \"oi\": 5, "
		       "\"i\": 9}}]",
		       "{\"A\":{\"" U1 "\":{\"modify\":{\"i\":9,\"m\":[\"map\","
		       "[[\"a\",1],[\"b\",3],[\"c\",4]]],\"oi\":5,\"si\":[\"set"
		       "\",[1,3]]}}}}");
	/* An optional value that goes away is sent as the empty set; a
	 * one-element diff is still a set. */
	expect_updates(db, m, "[{\"op\": \"update\", \"table\": \"A\", "
		       "\"where\": [], \"row\": {\"oi\": [\"set\", []], \"si\": "
		       "[\"set\", [2, 3, 4]]}}]",
		       "{\"A\":{\"" U1 "\":{\"modify\":{\"oi\":[\"set\",[]],"
		       "\"si\":[\"set\",[4]]}}}}");
	expect_updates(db, m, "[{\"op\": \"delete\", \"table\": \"A\", "
		       "\"where\": []}]",
		       "{\"A\":{\"" U1 "\":{\"delete\":null}}}");
	ovsdb_monitor_destroy(m);
}

static void test_v2_conditions(void **state)
{
	struct ovsdb_db *db = *state;
	struct ovsdb_monitor *m;
	json_t *reqs, *updates;

	m = monitor(db, "{\"A\": [{\"columns\": [\"s\", \"i\"], \"where\": "
		    "[[\"i\", \">\", 10], [\"s\", \"==\", \"x\"]]}]}",
		    OVSDB_MONITOR_V2);
	updates = ovsdb_monitor_initial(m);
	assert_json_text(updates, "{}");
	json_decref(updates);
	/* Clauses are or-ed: the row enters the view, then leaves it. */
	expect_updates(db, m, "[{\"op\": \"update\", \"table\": \"A\", "
		       "\"where\": [], \"row\": {\"i\": 11}}]",
		       "{\"A\":{\"" U1 "\":{\"insert\":{\"i\":11,\"s\":\"one\""
		       "}}}}");
	expect_updates(db, m, "[{\"op\": \"update\", \"table\": \"A\", "
		       "\"where\": [], \"row\": {\"i\": 12}}]",
		       "{\"A\":{\"" U1 "\":{\"modify\":{\"i\":12}}}}");
	expect_updates(db, m, "[{\"op\": \"update\", \"table\": \"A\", "
		       "\"where\": [], \"row\": {\"i\": 1}}]",
		       "{\"A\":{\"" U1 "\":{\"delete\":null}}}");
	expect_updates(db, m, "[{\"op\": \"update\", \"table\": \"A\", "
		       "\"where\": [], \"row\": {\"i\": 2}}]", "null");
	/* A new condition: the row enters; an unknown table or a bad
	 * clause changes nothing. */
	reqs = J("{\"A\": [{\"where\": [[\"s\", \"==\", \"one\"]]}]}");
	assert_ok(ovsdb_monitor_change_cond(m, reqs, &updates));
	assert_json_text(updates, "{\"A\":{\"" U1 "\":{\"insert\":{\"i\":2,"
			 "\"s\":\"one\"}}}}");
	json_decref(updates);
	json_decref(reqs);
	reqs = J("{\"B\": [{\"where\": []}]}");
	assert_ovsdb_error(ovsdb_monitor_change_cond(m, reqs, &updates),
			   "syntax error", "B is not monitored", NULL);
	json_decref(reqs);
	reqs = J("{\"A\": [{\"where\": [[\"zz\", \"==\", 1]]}]}");
	assert_ovsdb_error(ovsdb_monitor_change_cond(m, reqs, &updates),
			   "unknown column", "zz", NULL);
	json_decref(reqs);
	reqs = J("{\"A\": [{\"where\": [false]}]}");
	assert_ok(ovsdb_monitor_change_cond(m, reqs, &updates));
	assert_json_text(updates, "{\"A\":{\"" U1 "\":{\"delete\":null}}}");
	json_decref(updates);
	json_decref(reqs);
	ovsdb_monitor_destroy(m);
}

/* Runs 'ops' and holds what it changed for 'm'. */
static void hold(struct ovsdb_db *db, struct ovsdb_monitor_held *h,
		 const struct ovsdb_monitor *m, const char *ops)
{
	static const struct ovsdb_exec_env env = { 0 };
	struct ovsdb_exec exec;
	json_t *json = J(ops);

	ovsdb_execute(db, json, &env, &exec);
	assert_non_null(exec.txn);
	ovsdb_txn_apply(exec.txn);
	ovsdb_monitor_held_add(h, m, exec.txn);
	ovsdb_exec_destroy(&exec);
	json_decref(json);
}

/* Held changes, flushed: one merged change a row, from its state before
 * the first to its state now; nothing for a row that came and went. */
static void test_held(void **state)
{
	struct ovsdb_db *db = *state;
	const char *reqs = "{\"A\": [{\"columns\": [\"s\", \"i\"]}]}";
	struct ovsdb_monitor *m2 = monitor(db, reqs, OVSDB_MONITOR_V2);
	struct ovsdb_monitor *m1 = monitor(db, "{\"A\": {\"columns\": "
					   "[\"s\", \"i\"]}}",
					   OVSDB_MONITOR_V1);
	struct ovsdb_monitor_held *h2 = ovsdb_monitor_held_create();
	struct ovsdb_monitor_held *h1 = ovsdb_monitor_held_create();
	static const char *const ops[] = {
		"[{\"op\": \"update\", \"table\": \"A\", \"where\": [], "
		"\"row\": {\"i\": 5}}]",
		"[{\"op\": \"update\", \"table\": \"A\", \"where\": [], "
		"\"row\": {\"i\": 6}}]",
		"[{\"op\": \"insert\", \"table\": \"A\", \"uuid\": \"" U2 "\", "
		"\"row\": {" OK_A ", \"s\": \"two\", \"i\": 1}}]",
		"[{\"op\": \"update\", \"table\": \"A\", \"where\": [[\"s\", "
		"\"==\", \"two\"]], \"row\": {\"i\": 2}}]",
		"[{\"op\": \"insert\", \"table\": \"A\", \"uuid\": \"" U3 "\", "
		"\"row\": {" OK_A ", \"s\": \"three\"}}]",
		"[{\"op\": \"delete\", \"table\": \"A\", \"where\": [[\"s\", "
		"\"==\", \"three\"]]}]",
		/* A column not watched. */
		"[{\"op\": \"update\", \"table\": \"A\", \"where\": [], "
		"\"row\": {\"b\": true}}]",
	};
	json_t *updates;

	assert_true(ovsdb_monitor_held_empty(h2));
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
		hold(db, h2, m2, ops[i]);
	assert_false(ovsdb_monitor_held_empty(h2));
	updates = ovsdb_monitor_held_flush(h2, m2);
	assert_json_text(updates, "{\"A\":{\"" U1 "\":{\"modify\":{\"i\":6}},"
			 "\"" U2 "\":{\"insert\":{\"i\":2,\"s\":\"two\"}}}}");
	json_decref(updates);
	assert_true(ovsdb_monitor_held_empty(h2));
	assert_null(ovsdb_monitor_held_flush(h2, m2));

	/* Version 1: the old values of what changed, then the row; a
	 * delete gives the row as it was before the first change held. */
	hold(db, h1, m1, "[{\"op\": \"update\", \"table\": \"A\", "
	     "\"where\": [], \"row\": {\"i\": 7}}]");
	hold(db, h1, m1, "[{\"op\": \"update\", \"table\": \"A\", "
	     "\"where\": [], \"row\": {\"i\": 8}}]");
	hold(db, h1, m1, "[{\"op\": \"delete\", \"table\": \"A\", "
	     "\"where\": [[\"s\", \"==\", \"two\"]]}]");
	updates = ovsdb_monitor_held_flush(h1, m1);
	assert_json_text(updates, "{\"A\":{\"" U1 "\":{\"new\":{\"i\":8,"
			 "\"s\":\"one\"},\"old\":{\"i\":6}},\"" U2
			 "\":{\"old\":{\"i\":2,\"s\":\"two\"}}}}");
	json_decref(updates);
	ovsdb_monitor_held_destroy(h1);
	ovsdb_monitor_held_destroy(h2);
	ovsdb_monitor_destroy(m1);
	ovsdb_monitor_destroy(m2);
}

/* Whether 'a' and 'b' (monitor requests) are the same shape, checked
 * both ways, with equal hashes when they are. */
static bool same(struct ovsdb_db *db, const char *a, const char *b,
		 enum ovsdb_monitor_version va, enum ovsdb_monitor_version vb)
{
	struct ovsdb_monitor *ma = monitor(db, a, va), *mb = monitor(db, b, vb);
	bool r = ovsdb_monitor_same(ma, mb);

	assert_int_equal(r, ovsdb_monitor_same(mb, ma));
	if (r)
		assert_int_equal(ovsdb_monitor_hash(ma),
				 ovsdb_monitor_hash(mb));
	ovsdb_monitor_destroy(ma);
	ovsdb_monitor_destroy(mb);
	return r;
}

#define V1 OVSDB_MONITOR_V1
#define V2 OVSDB_MONITOR_V2

/* weir-dbd shares one update's text among monitors of the same shape:
 * same version, tables, columns in order, select flags and conditions. */
static void test_same_shape(void **state)
{
	struct ovsdb_db *db = *state;
	const char *cond = "{\"A\": [{\"columns\": [\"s\"], \"where\": "
			   "[[\"i\", \">\", 10]]}]}";
	struct ovsdb_monitor *ma, *mb;
	json_t *reqs, *updates;

	assert_true(same(db, "{\"A\": {}}", "{\"A\": {}}", V1, V1));
	assert_true(same(db, "{\"A\": {\"columns\": [\"s\", \"i\"]}}",
			 "{\"A\": [{\"columns\": [\"s\"]}, {\"columns\": "
			 "[\"i\"]}]}", V1, V1));
	assert_true(same(db, cond, cond, V2, V2));
	assert_false(same(db, "{\"A\": {}}", "{\"A\": {}}", V1, V2));
	assert_false(same(db, "{\"A\": {\"columns\": [\"s\", \"i\"]}}",
			  "{\"A\": {\"columns\": [\"i\", \"s\"]}}", V1, V1));
	assert_false(same(db, "{\"A\": {}}", "{\"A\": {}, \"B\": {}}", V1,
			  V1));
	assert_false(same(db, "{\"A\": {}}", "{\"A\": {\"select\": "
			  "{\"initial\": false}}}", V1, V1));
	assert_false(same(db, cond, "{\"A\": [{\"columns\": [\"s\"], "
			  "\"where\": [[\"i\", \">\", 11]]}]}", V2, V2));
	assert_false(same(db, cond, "{\"A\": [{\"columns\": [\"s\"], "
			  "\"where\": [[\"i\", \">=\", 10]]}]}", V2, V2));

	/* A changed condition changes the shape. */
	ma = monitor(db, cond, V2);
	mb = monitor(db, cond, V2);
	reqs = J("{\"A\": [{\"where\": [[\"s\", \"==\", \"one\"]]}]}");
	assert_ok(ovsdb_monitor_change_cond(mb, reqs, &updates));
	json_decref(updates);
	assert_false(ovsdb_monitor_same(ma, mb));
	assert_ok(ovsdb_monitor_change_cond(ma, reqs, &updates));
	json_decref(updates);
	assert_true(ovsdb_monitor_same(ma, mb));
	json_decref(reqs);
	ovsdb_monitor_destroy(ma);
	ovsdb_monitor_destroy(mb);
}

static void test_errors(void **state)
{
	static const struct {
		const char *reqs;
		enum ovsdb_monitor_version version;
		const char *tag, *frag;
	} bad[] = {
		{ "{\"Q\": {}}", OVSDB_MONITOR_V1, "syntax error",
		  "no table named Q" },
		{ "{\"A\": {\"columns\": [\"nope\"]}}", OVSDB_MONITOR_V1,
		  "syntax error", "nope is not a valid column name" },
		{ "{\"A\": {\"columns\": [3]}}", OVSDB_MONITOR_V1,
		  "syntax error", "array of distinct column names" },
		{ "{\"A\": {\"columns\": [\"s\", \"s\"]}}", OVSDB_MONITOR_V1,
		  "syntax error", "array of distinct column names" },
		{ "{\"A\": {\"where\": []}}", OVSDB_MONITOR_V1, "syntax error",
		  "where" },
		{ "{\"A\": {\"select\": {\"initial\": 1}}}", OVSDB_MONITOR_V1,
		  "syntax error", "initial" },
		{ "{\"A\": {\"select\": {\"other\": true}}}", OVSDB_MONITOR_V1,
		  "syntax error", "other" },
		{ "{\"A\": [{\"where\": [[\"zz\", \"==\", 1]]}]}",
		  OVSDB_MONITOR_V2, "unknown column", "zz" },
		{ "{\"A\": [7]}", OVSDB_MONITOR_V2, "syntax error",
		  "object expected" },
		{ "[]", OVSDB_MONITOR_V2, "syntax error", "object expected" },
	};
	struct ovsdb_db *db = *state;

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct ovsdb_monitor *m;
		json_t *json = J(bad[i].reqs);

		assert_ovsdb_error(ovsdb_monitor_create(db, json,
							bad[i].version, &m),
				   bad[i].tag, bad[i].frag, NULL);
		assert_null(m);
		json_decref(json);
	}
}

int main(void)
{
#define T(NAME) cmocka_unit_test_setup_teardown(NAME, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_initial),
		T(test_v1_updates),
		T(test_v2_diffs),
		T(test_v2_conditions),
		T(test_same_shape),
		T(test_held),
		T(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
