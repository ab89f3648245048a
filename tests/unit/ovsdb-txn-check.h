/* Helpers for the transaction engine's tests: run a transaction given as
 * JSON text, apply what it commits, and look at results and dumps. */
#ifndef WEIR_TESTS_UNIT_OVSDB_TXN_CHECK_H
#define WEIR_TESTS_UNIT_OVSDB_TXN_CHECK_H 1

#include "db.h"
#include "txn-ops.h"
#include "txn.h"
#include "tests/unit/ovsdb-check.h"

static inline struct ovsdb_db *txn_test_db(const char *schema_text)
{
	struct ovsdb_schema *schema;
	json_t *json = J(schema_text);

	assert_ok(ovsdb_schema_from_json(json, &schema));
	json_decref(json);
	return ovsdb_db_create(schema);
}

/* Runs 'ops' and applies its changes; returns the results. */
static inline json_t *run_env(struct ovsdb_db *db, const char *ops,
			      const struct ovsdb_exec_env *env)
{
	json_t *json = J(ops);
	struct ovsdb_exec exec;
	json_t *results;

	ovsdb_execute(db, json, env, &exec);
	json_decref(json);
	assert_false(exec.blocked);
	if (exec.txn)
		ovsdb_txn_apply(exec.txn);
	results = exec.results;
	exec.results = NULL;
	ovsdb_exec_destroy(&exec);
	return results;
}

static inline json_t *run(struct ovsdb_db *db, const char *ops)
{
	static const struct ovsdb_exec_env env = { 0 };

	return run_env(db, ops, &env);
}

/* Runs 'ops' and checks its results, as compact text with sorted keys. */
static inline void run_expect(struct ovsdb_db *db, const char *ops,
			      const char *expected)
{
	json_t *results = run(db, ops);

	assert_json_text(results, expected);
	json_decref(results);
}

/* Runs 'ops', which must succeed. */
static inline void run_ok(struct ovsdb_db *db, const char *ops)
{
	json_t *results = run(db, ops), *r;
	size_t i;

	json_array_foreach(results, i, r)
		if (json_object_get(r, "error"))
			fail_msg("operation %zu failed: %s", i, json_string_value(
				json_object_get(r, "details")));
	json_decref(results);
}

static inline char *dump_text(const struct ovsdb_db *db)
{
	json_t *dump = ovsdb_db_dump(db);
	char *text = json_dumps(dump, JSON_COMPACT | JSON_SORT_KEYS);

	json_decref(dump);
	return text;
}

/* Result 'i' is an error with 'tag' whose details hold 'frag'. */
static inline void assert_result_error(const json_t *results, size_t i,
				       const char *tag, const char *frag)
{
	const json_t *r = json_array_get(results, i);
	const char *details;

	assert_non_null(r);
	assert_string_equal(json_string_value(json_object_get(r, "error")),
			    tag);
	details = json_string_value(json_object_get(r, "details"));
	if (!details || !strstr(details, frag))
		fail_msg("details \"%s\" lack \"%s\"",
			 details ? details : "(none)", frag);
}

/* The uuid an insert's result 'i' gives, as text. */
static inline const char *result_uuid(const json_t *results, size_t i)
{
	const json_t *u = json_object_get(json_array_get(results, i), "uuid");

	assert_non_null(u);
	return json_string_value(json_array_get(u, 1));
}

#endif /* WEIR_TESTS_UNIT_OVSDB_TXN_CHECK_H */
