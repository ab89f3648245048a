/* Durable transactions: the log record a commit writes (only what
 * changed, _version, no ephemeral column, comment and date), replay at
 * open rebuilding the database exactly, a torn last record, compaction
 * online and offline (the snapshot streamed as text), a record that does
 * not apply, and a failed log commit rolled back. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "db-file.h"
#include "dbd-db.h"
#include "json-text.h"
#include "ovsdb-log.h"
#include "tests/unit/ovsdb-txn-check.h"

#define OK_A "\"ri\": 1, \"e\": \"red\""

struct fixture {
	char dir[64];
	char path[96];
	struct dbd_db *db;
};

static void reopen(struct fixture *f)
{
	char err[512];

	dbd_db_close(f->db);
	f->db = NULL;
	if (dbd_db_open(f->path, &f->db, err, sizeof err))
		fail_msg("open: %s", err);
}

static int setup(void **state)
{
	static unsigned int n;
	struct fixture *f = calloc(1, sizeof *f);
	json_t *schema = J(OVSDB_TEST_SCHEMA);
	char err[512];

	snprintf(f->dir, sizeof f->dir, "/tmp/weir-test-txn-file.%ld.%u",
		 (long) getpid(), n++);
	assert_int_equal(mkdir(f->dir, 0700), 0);
	snprintf(f->path, sizeof f->path, "%s/db", f->dir);
	assert_int_equal(dbd_db_create(f->path, schema, err, sizeof err), 0);
	json_decref(schema);
	reopen(f);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	dbd_db_close(f->db);
	snprintf(cmd, sizeof cmd, "rm -rf %s", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

/* weir-dbd writes the record's text without building it: the same
 * bytes as ovsdb_log_write() makes of the record. */
static void assert_record_text(const struct ovsdb_txn *txn,
			       const char *comment, const json_t *record)
{
	struct json_text text;
	int r;

	json_text_init(&text);
	r = ovsdb_txn_record_text(txn, comment, 1234, &text);
	if (record) {
		char *s = json_dumps(record, JSON_COMPACT | JSON_ENCODE_ANY);

		assert_int_equal(r, 0);
		assert_string_equal(text.p, s);
		free(s);
	} else {
		assert_int_equal(r, 1);
	}
	json_text_destroy(&text);
}

/* Runs 'ops' as weir-dbd does: record queued, applied, committed.  Returns
 * the record (NULL when nothing was stored). */
static json_t *commit(struct fixture *f, const char *ops)
{
	static const struct ovsdb_exec_env env = { 0 };
	json_t *json = J(ops), *record = NULL;
	struct ovsdb_exec exec;

	ovsdb_execute(f->db->mem, json, &env, &exec);
	json_decref(json);
	if (exec.txn) {
		record = ovsdb_txn_to_record(exec.txn, exec.comment, 1234);
		assert_record_text(exec.txn, exec.comment, record);
		if (record)
			assert_int_equal(ovsdb_log_write(f->db->log, record),
					 0);
		ovsdb_txn_apply(exec.txn);
		assert_int_equal(ovsdb_log_commit(f->db->log), 0);
	}
	ovsdb_exec_destroy(&exec);
	return record;
}

static void assert_replays(struct fixture *f)
{
	char *before = dump_text(f->db->mem), *after;

	reopen(f);
	after = dump_text(f->db->mem);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

static void fill(struct fixture *f)
{
	json_decref(commit(f, "[{\"op\": \"insert\", \"table\": \"A\", "
			   "\"row\": {" OK_A ", \"s\": \"a\", \"r\": 0.5, "
			   "\"m\": [\"map\", [[\"x\", 1]]], \"ref\": "
			   "[\"named-uuid\", \"b\"], \"wref\": [\"named-uuid\", "
			   "\"b\"], \"eph\": \"gone\"}}, {\"op\": \"insert\", "
			   "\"table\": \"B\", \"uuid-name\": \"b\", \"row\": "
			   "{\"name\": \"bee\"}}, {\"op\": \"insert\", "
			   "\"table\": \"A\", \"row\": {" OK_A ", \"s\": "
			   "\"gone\"}}]"));
	json_decref(commit(f, "[{\"op\": \"update\", \"table\": \"A\", "
			   "\"where\": [[\"s\", \"==\", \"a\"]], \"row\": "
			   "{\"i\": 42, \"ss\": [\"set\", [\"p\", \"q\"]]}}, "
			   "{\"op\": \"delete\", \"table\": \"A\", \"where\": "
			   "[[\"s\", \"==\", \"gone\"]]}]"));
}

static void test_record_format(void **state)
{
	struct fixture *f = *state;
	json_t *rec, *rows, *row;
	const char *id;

	rec = commit(f, "[{\"op\": \"insert\", \"table\": \"A\", \"uuid\": "
		     "\"11111111-2222-3333-4444-555555555555\", \"row\": {" OK_A
		     ", \"i\": 3, \"eph\": \"e\"}}, {\"op\": \"comment\", "
		     "\"comment\": \"hello\"}]");
	assert_non_null(rec);
	assert_string_equal(json_string_value(json_object_get(rec,
							      "_comment")),
			    "hello");
	assert_int_equal(json_integer_value(json_object_get(rec, "_date")),
			 1234);
	row = json_object_get(json_object_get(rec, "A"),
			      "11111111-2222-3333-4444-555555555555");
	assert_non_null(json_object_get(row, "_version"));
	json_object_del(row, "_version");
	/* Only what differs from the defaults; never the ephemeral column. */
	assert_json_text(row, "{\"e\":\"red\",\"i\":3,\"ri\":1}");
	json_decref(rec);
	rec = commit(f, "[{\"op\": \"update\", \"table\": \"A\", \"where\": "
		     "[], \"row\": {\"i\": 4, \"ri\": 1}}]");
	rows = json_object_get(rec, "A");
	json_object_foreach(rows, id, row)
		json_object_del(row, "_version");
	assert_json_text(rows, "{\"11111111-2222-3333-4444-555555555555\":"
			 "{\"i\":4}}");
	assert_null(json_object_get(rec, "_comment"));
	json_decref(rec);
	/* A change to an ephemeral column alone writes the new _version. */
	rec = commit(f, "[{\"op\": \"update\", \"table\": \"A\", \"where\": "
		     "[], \"row\": {\"eph\": \"x\"}}]");
	row = json_object_get(json_object_get(rec, "A"),
			      "11111111-2222-3333-4444-555555555555");
	assert_int_equal(json_object_size(row), 1);
	assert_non_null(json_object_get(row, "_version"));
	json_decref(rec);
	rec = commit(f, "[{\"op\": \"delete\", \"table\": \"A\", \"where\": "
		     "[]}]");
	assert_json_text(json_object_get(rec, "A"),
			 "{\"11111111-2222-3333-4444-555555555555\":null}");
	json_decref(rec);
}

/* A modified set or map is written as its difference (ovsdb-server's
 * "_is_diff" records): one element for one added, whatever the size of
 * the whole; replay applies it, even a difference with more elements
 * than the column may hold. */
static void test_diff_records(void **state)
{
	struct fixture *f = *state;
	json_t *rec, *row;
	const char *id;

	json_decref(commit(f, "[{\"op\": \"insert\", \"table\": \"A\", "
			   "\"row\": {" OK_A ", \"ss\": [\"set\", [\"a\", "
			   "\"b\", \"c\"]], \"m\": [\"map\", [[\"x\", 1], "
			   "[\"y\", 2], [\"z\", 3]]]}}]"));
	rec = commit(f, "[{\"op\": \"update\", \"table\": \"A\", \"where\": "
		     "[], \"row\": {\"ss\": [\"set\", [\"d\", \"e\", \"f\"]], "
		     "\"m\": [\"map\", [[\"x\", 1], [\"y\", 5], [\"w\", 0]]], "
		     "\"i\": 7}}]");
	assert_true(json_is_true(json_object_get(rec, "_is_diff")));
	json_object_foreach(json_object_get(rec, "A"), id, row)
		json_object_del(row, "_version");
	json_object_foreach(json_object_get(rec, "A"), id, row)
		assert_json_text(row, "{\"i\":7,\"m\":[\"map\",[[\"w\",0],"
				 "[\"y\",5],[\"z\",3]]],\"ss\":[\"set\",[\"a\","
				 "\"b\",\"c\",\"d\",\"e\",\"f\"]]}");
	json_decref(rec);
	/* A change of scalars alone is no difference record. */
	rec = commit(f, "[{\"op\": \"update\", \"table\": \"A\", \"where\": "
		     "[], \"row\": {\"i\": 8}}]");
	assert_null(json_object_get(rec, "_is_diff"));
	json_decref(rec);
	json_decref(commit(f, "[{\"op\": \"mutate\", \"table\": \"A\", "
			   "\"where\": [], \"mutations\": [[\"ss\", \"delete\", "
			   "\"e\"], [\"m\", \"delete\", [\"set\", [\"w\"]]]]}]"));
	assert_replays(f);
}

static void test_replay(void **state)
{
	struct fixture *f = *state;
	char *text;

	fill(f);
	/* The ephemeral column is not kept; clear it before comparing. */
	json_decref(commit(f, "[{\"op\": \"update\", \"table\": \"A\", "
			   "\"where\": [], \"row\": {\"eph\": \"\"}}]"));
	assert_replays(f);
	text = dump_text(f->db->mem);
	assert_non_null(strstr(text, "\"i\":42"));
	assert_non_null(strstr(text, "\"bee\""));
	assert_null(strstr(text, "\"gone\""));
	free(text);
}

static void test_torn_tail(void **state)
{
	static const char torn[] = "WEIR-OVSDB 300 01234567\n{\"A\": "
				   "{\"11111111-2222-3333-";
	struct fixture *f = *state;
	struct ovsdb_log_stats st;
	char *before, *after;
	FILE *file;

	fill(f);
	json_decref(commit(f, "[{\"op\": \"update\", \"table\": \"A\", "
			   "\"where\": [], \"row\": {\"eph\": \"\"}}]"));
	before = dump_text(f->db->mem);
	ovsdb_log_get_stats(f->db->log, &st);
	dbd_db_close(f->db);
	f->db = NULL;
	/* A crash in the middle of writing the next record, over the zeros
	 * written ahead. */
	file = fopen(f->path, "r+");
	assert_non_null(file);
	assert_int_equal(fseek(file, st.bytes, SEEK_SET), 0);
	fputs(torn, file);
	fclose(file);
	reopen(f);
	after = dump_text(f->db->mem);
	assert_string_equal(before, after);
	/* And the file goes on from there. */
	json_decref(commit(f, "[{\"op\": \"insert\", \"table\": \"A\", "
			   "\"row\": {" OK_A ", \"s\": \"later\"}}]"));
	assert_replays(f);
	free(before);
	free(after);
}

static void test_compact(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_log_stats st;
	char err[512], *before, *after;

	fill(f);
	json_decref(commit(f, "[{\"op\": \"update\", \"table\": \"A\", "
			   "\"where\": [], \"row\": {\"eph\": \"\"}}]"));
	before = dump_text(f->db->mem);
	assert_int_equal(dbd_db_compact(f->db, err, sizeof err), 0);
	ovsdb_log_get_stats(f->db->log, &st);
	assert_int_equal(st.records, 2);
	assert_false(dbd_db_should_compact(f->db));
	reopen(f);
	after = dump_text(f->db->mem);
	assert_string_equal(before, after);
	/* Transactions after a snapshot replay on top of it. */
	json_decref(commit(f, "[{\"op\": \"mutate\", \"table\": \"A\", "
			   "\"where\": [], \"mutations\": [[\"i\", \"+=\", "
			   "1]]}]"));
	assert_replays(f);
	free(before);
	free(after);
}

struct pieces {
	struct json_text all;
	int n;
};

static void collect(const char *p, size_t n, void *aux)
{
	struct pieces *pc = aux;

	json_text_put(&pc->all, p, n);
	pc->n++;
}

/* The snapshot's text, made in pieces: the bytes of the JSON tree's
 * text, in one piece when small. */
static int assert_snapshot_text(struct fixture *f)
{
	struct pieces pc = { .n = 0 };
	struct json_text want;
	json_t *snap = ovsdb_db_snapshot(f->db->mem, 1234);

	json_text_init(&pc.all);
	json_text_init(&want);
	assert_int_equal(json_text_dump(&want, snap), 0);
	assert_int_equal(ovsdb_db_snapshot_text(f->db->mem, 1234, collect,
						&pc), 0);
	assert_int_equal(pc.all.len, want.len);
	assert_memory_equal(pc.all.p, want.p, want.len);
	json_decref(snap);
	json_text_destroy(&want);
	json_text_destroy(&pc.all);
	return pc.n;
}

/* Online compaction streams the snapshot: its text is that of the tree,
 * a large database goes in pieces, and replay gives the same database. */
static void test_snapshot_text(void **state)
{
	struct fixture *f = *state;
	char ops[256], err[512];

	assert_int_equal(assert_snapshot_text(f), 1);	/* empty */
	fill(f);
	assert_int_equal(assert_snapshot_text(f), 1);
	for (int i = 0; i < 3000; i++) {
		json_t *r;

		snprintf(ops, sizeof ops, "[{\"op\": \"insert\", \"table\": "
			 "\"A\", \"row\": {" OK_A ", \"s\": \"\\u00e9\\\"%d\"}}]",
			 i);
		r = commit(f, ops);
		assert_non_null(r);
		json_decref(r);
	}
	assert_true(assert_snapshot_text(f) > 1);
	/* Ephemeral columns are not kept, so they compare at their default. */
	json_decref(commit(f, "[{\"op\": \"update\", \"table\": \"A\", "
			   "\"where\": [], \"row\": {\"eph\": \"\"}}]"));
	assert_int_equal(dbd_db_compact(f->db, err, sizeof err), 0);
	assert_replays(f);
}

/* Past 10 MB and 4 times the snapshot, the log asks to be compacted. */
static void test_compact_threshold(void **state)
{
	struct fixture *f = *state;
	size_t len = 1u << 20;
	char *ops = malloc(len + 256), err[512];

	json_decref(commit(f, "[{\"op\": \"insert\", \"table\": \"A\", "
			   "\"row\": {" OK_A "}}]"));
	for (int i = 0; i < 10; i++) {
		int n = snprintf(ops, 256, "[{\"op\": \"update\", \"table\": "
				 "\"A\", \"where\": [], \"row\": {\"s\": "
				 "\"%d", i);

		memset(ops + n, 'x', len);
		strcpy(ops + n + len, "\"}}]");
		assert_false(dbd_db_should_compact(f->db));
		json_decref(commit(f, ops));
	}
	/* 10 MB and a bit. */
	assert_true(dbd_db_should_compact(f->db));
	assert_int_equal(dbd_db_compact(f->db, err, sizeof err), 0);
	assert_false(dbd_db_should_compact(f->db));
	assert_replays(f);
	free(ops);
}

static void test_bad_record(void **state)
{
	struct fixture *f = *state;
	json_t *rec = J("{\"Nope\": {}}");
	char err[512];

	assert_int_equal(ovsdb_log_write(f->db->log, rec), 0);
	assert_int_equal(ovsdb_log_commit(f->db->log), 0);
	json_decref(rec);
	dbd_db_close(f->db);
	f->db = NULL;
	assert_int_equal(dbd_db_open(f->path, &f->db, err, sizeof err),
			 -EINVAL);
	assert_non_null(strstr(err, "record 2"));
	assert_non_null(strstr(err, "Nope"));
}

static void test_bad_rows(void **state)
{
	static const char *const bad[] = {
		"{\"A\": {\"zzz\": null}}",
		"{\"A\": {\"11111111-2222-3333-4444-555555555555\": null}}",
		"{\"A\": {\"11111111-2222-3333-4444-555555555555\": 5}}",
		"{\"A\": {\"11111111-2222-3333-4444-555555555555\": {}}}",
		"{\"A\": {\"11111111-2222-3333-4444-555555555555\": {\"ri\": 1, "
		"\"_version\": [\"uuid\", \"11111111-2222-3333-4444-"
		"555555555555\"], \"q\": 1}}}",
		"{\"A\": 3}",
		"[]",
	};
	struct fixture *f = *state;
	char *before = dump_text(f->db->mem);

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		json_t *rec = J(bad[i]);
		struct ovsdb_error *error = ovsdb_db_replay(f->db->mem, rec);
		char *after = dump_text(f->db->mem);

		if (!error)
			fail_msg("record %s applied", bad[i]);
		ovsdb_error_destroy(error);
		assert_string_equal(before, after);
		free(after);
		json_decref(rec);
	}
	free(before);
}

/* The log commit fails: the change is rolled back, in memory and on
 * disk. */
static void test_failed_commit(void **state)
{
	struct fixture *f = *state;
	static const struct ovsdb_exec_env env = { 0 };
	json_t *ops = J("[{\"op\": \"insert\", \"table\": \"A\", \"row\": {"
			OK_A ", \"s\": \"lost\"}}]");
	char *before, *after;
	struct ovsdb_exec exec;
	json_t *record;

	fill(f);
	json_decref(commit(f, "[{\"op\": \"update\", \"table\": \"A\", "
			   "\"where\": [], \"row\": {\"eph\": \"\"}}]"));
	before = dump_text(f->db->mem);
	ovsdb_execute(f->db->mem, ops, &env, &exec);
	record = ovsdb_txn_to_record(exec.txn, NULL, 1);
	assert_int_equal(ovsdb_log_write(f->db->log, record), 0);
	ovsdb_txn_apply(exec.txn);
	ovsdb_log_fail_next(f->db->log, OVSDB_LOG_STEP_SYNC, -EIO);
	assert_int_equal(ovsdb_log_commit(f->db->log), -EIO);
	ovsdb_txn_rollback(exec.txn);
	ovsdb_exec_destroy(&exec);
	after = dump_text(f->db->mem);
	assert_string_equal(before, after);
	free(after);
	reopen(f);
	after = dump_text(f->db->mem);
	assert_string_equal(before, after);
	json_decref(record);
	json_decref(ops);
	free(before);
	free(after);
}

int main(void)
{
#define T(NAME) cmocka_unit_test_setup_teardown(NAME, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_record_format),
		T(test_diff_records),
		T(test_replay),
		T(test_torn_tail),
		T(test_compact),
		T(test_compact_threshold),
		T(test_snapshot_text),
		T(test_bad_record),
		T(test_bad_rows),
		T(test_failed_commit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
