/* libFuzzer: arbitrary JSON transactions against the vswitch schema, on a
 * database holding one switch, bridge, port and interface.  Whatever the
 * input, the engine must not crash; a transaction that fails must leave
 * the database byte for byte as it was; one that commits must write a
 * log record that, replayed on a second copy, gives the same database;
 * rolling it back must restore the first; and monitors of both versions
 * describe it without trouble. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db-file.h"
#include "db.h"
#include "monitor.h"
#include "ovsdb-error.h"
#include "ovsdb-schema.h"
#include "txn-ops.h"
#include "txn.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define BASE "[{\"op\": \"insert\", \"table\": \"Open_vSwitch\", \"row\": " \
	"{\"bridges\": [\"named-uuid\", \"br\"]}}, {\"op\": \"insert\", " \
	"\"table\": \"Bridge\", \"uuid-name\": \"br\", \"row\": {\"name\": " \
	"\"br0\", \"ports\": [\"named-uuid\", \"p\"]}}, {\"op\": " \
	"\"insert\", \"table\": \"Port\", \"uuid-name\": \"p\", \"row\": " \
	"{\"name\": \"p1\", \"interfaces\": [\"named-uuid\", \"i\"]}}, " \
	"{\"op\": \"insert\", \"table\": \"Interface\", \"uuid-name\": " \
	"\"i\", \"row\": {\"name\": \"p1\"}}]"

static struct ovsdb_db *db1, *db2;
static struct ovsdb_monitor *mon1, *mon2;
static char *base_dump;

static char *dump(const struct ovsdb_db *db)
{
	json_t *j = ovsdb_db_dump(db);
	char *text = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);

	json_decref(j);
	return text;
}

static struct ovsdb_db *load(void)
{
	json_t *json = json_load_file(VSWITCH_SCHEMA, 0, NULL);
	struct ovsdb_schema *schema;

	if (!json || ovsdb_schema_from_json(json, &schema))
		abort();
	json_decref(json);
	return ovsdb_db_create(schema);
}

/* Runs 'ops' on 'db' and keeps what it commits. */
static void run_base(struct ovsdb_db *db, json_t *ops)
{
	static const struct ovsdb_exec_env env = { 0 };
	struct ovsdb_exec exec;

	ovsdb_execute(db, ops, &env, &exec);
	if (!exec.txn)
		abort();
	ovsdb_txn_apply(exec.txn);
	ovsdb_exec_destroy(&exec);
}

static void fuzz_init(void)
{
	json_t *ops = json_loads(BASE, 0, NULL);
	json_t *snap;

	db1 = load();
	db2 = load();
	run_base(db1, ops);
	snap = ovsdb_db_snapshot(db1, 0);
	if (ovsdb_db_replay(db2, snap))
		abort();
	json_decref(snap);
	json_decref(ops);
	base_dump = dump(db1);
	ops = json_loads("{\"Bridge\": {}, \"Port\": {}, \"Interface\": "
			 "{}, \"Open_vSwitch\": {}}", 0, NULL);
	if (ovsdb_monitor_create(db1, ops, OVSDB_MONITOR_V1, &mon1))
		abort();
	json_decref(ops);
	ops = json_loads("{\"Bridge\": [{\"where\": [[\"name\", \"!=\", "
			 "\"x\"]]}], \"Port\": [{}], \"Interface\": "
			 "[{\"columns\": [\"name\", \"ofport\"]}]}", 0, NULL);
	if (ovsdb_monitor_create(db1, ops, OVSDB_MONITOR_V2, &mon2))
		abort();
	json_decref(ops);
}

static bool same_snapshots(void)
{
	json_t *a = ovsdb_db_snapshot(db1, 0), *b = ovsdb_db_snapshot(db2, 0);
	bool same = json_equal(a, b);

	json_decref(a);
	json_decref(b);
	return same;
}

/* The record replays to the same database; then both go back. */
static void check_commit(struct ovsdb_exec *exec)
{
	json_t *record = ovsdb_txn_to_record(exec->txn, exec->comment, 0);
	struct ovsdb_txn *replayed = NULL;

	ovsdb_txn_apply(exec->txn);
	json_decref(ovsdb_monitor_txn_updates(mon1, exec->txn));
	json_decref(ovsdb_monitor_txn_updates(mon2, exec->txn));
	if (record) {
		struct ovsdb_error *error;

		error = ovsdb_txn_from_record(db2, record, &replayed);
		if (error)
			abort();
		ovsdb_txn_apply(replayed);
	}
	if (!same_snapshots())
		abort();
	if (replayed)
		ovsdb_txn_rollback(replayed);
	ovsdb_txn_rollback(exec->txn);
	ovsdb_txn_destroy(replayed);
	json_decref(record);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct ovsdb_exec_env env = { .now_ms = 1 };
	struct ovsdb_exec exec;
	json_t *ops;
	char *after;

	if (!db1)
		fuzz_init();
	ops = json_loadb((const char *) data, size, 0, NULL);
	if (!json_is_array(ops)) {
		json_decref(ops);
		return 0;
	}
	ovsdb_execute(db1, ops, &env, &exec);
	if (exec.txn)
		check_commit(&exec);
	after = dump(db1);
	if (strcmp(after, base_dump))
		abort();
	free(after);
	ovsdb_exec_destroy(&exec);
	json_decref(ops);
	return 0;
}
