/* The client replica (ovsdb-idl) against a scripted server in a child
 * process: the schema and monitor load, the transaction it builds ("wait"
 * on verified columns, updates of changed columns only, inserts named and
 * referenced by uuid-name, the atomic increment), a concurrent change that
 * makes the commit return TRY_AGAIN with the update applied, and the
 * results read back (server uuids of inserted rows, the incremented
 * value). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "jsonrpc.h"
#include "ovsdb-idl.h"
#include "stream.h"

#define ROW1 "11111111-2222-3333-4444-555555555555"
#define REAL "99999999-8888-7777-6666-555555555555"

static const char schema_json[] =
	"{\"name\": \"D\", \"version\": \"1.0.0\", \"tables\": {\"T\": {"
	"\"isRoot\": true, \"columns\": {"
	"\"name\": {\"type\": \"string\"},"
	"\"n\": {\"type\": \"integer\"},"
	"\"cfg\": {\"type\": \"integer\"},"
	"\"refs\": {\"type\": {\"key\": {\"type\": \"uuid\", \"refTable\": \"T\"},"
	" \"min\": 0, \"max\": \"unlimited\"}}}}}}";

static char sock_path[64];
static pid_t server_pid;
static FILE *sent;		/* the transact params the server got */

static json_t *server_result(const struct jsonrpc_msg *req, int n_transact,
			     struct jsonrpc *rpc)
{
	if (!strcmp(req->method, "get_schema"))
		return json_loads(schema_json, 0, NULL);
	if (!strcmp(req->method, "monitor"))
		return json_pack("{s:{s:{s:{s:s,s:i,s:i}}}}", "T", ROW1, "new",
				 "name", "a", "n", 1, "cfg", 4);
	/* transact: the first meets a concurrent change. */
	json_t *results = json_array();
	if (n_transact == 1) {
		struct jsonrpc_msg *update = jsonrpc_create_request(
			"update", json_pack("[n,{s:{s:{s:{s:s,s:i,s:i}}}}]",
					    "T", ROW1, "new", "name", "b", "n",
					    1, "cfg", 4), NULL);
		jsonrpc_send(rpc, update);
		jsonrpc_msg_destroy(update);
		json_array_append_new(results, json_pack(
			"{s:s,s:s}", "error", "timed out", "details", "x"));
		return results;
	}
	for (size_t i = 1; i < json_array_size(req->params); i++) {
		const char *op = json_string_value(json_object_get(
			json_array_get(req->params, i), "op"));
		if (!strcmp(op, "insert"))
			json_array_append_new(results, json_pack(
				"{s:[s,s]}", "uuid", "uuid", REAL));
		else if (!strcmp(op, "select"))
			json_array_append_new(results, json_pack(
				"{s:[{s:i}]}", "rows", "cfg", 5));
		else
			json_array_append_new(results, json_pack("{s:i}",
								 "count", 1));
	}
	return results;
}

static void server(int listen_fd_ready, int out_fd)
{
	struct pstream *ps;
	struct stream *s = NULL;
	char err[256], name[80];
	int n_transact = 0;

	snprintf(name, sizeof name, "punix:%s", sock_path);
	if (pstream_open(name, 0, &ps, err, sizeof err))
		_exit(2);
	if (write(listen_fd_ready, "x", 1) != 1)
		_exit(2);
	while (pstream_accept(ps, &s) == -EAGAIN)
		poll(&(struct pollfd) { pstream_fd(ps), POLLIN, 0 }, 1, -1);
	struct jsonrpc *rpc = jsonrpc_open_stream(s, 1 << 20);
	for (;;) {
		struct jsonrpc_msg *req;
		int error = jsonrpc_recv(rpc, &req);
		if (error == -EAGAIN) {
			poll(&(struct pollfd) { jsonrpc_fd(rpc), POLLIN, 0 },
			     1, -1);
			continue;
		}
		if (error)
			_exit(0);
		if (!strcmp(req->method, "transact")) {
			char *text = json_dumps(req->params, JSON_COMPACT
							     | JSON_SORT_KEYS);
			dprintf(out_fd, "%s\n", text);
			free(text);
			n_transact++;
		}
		struct jsonrpc_msg *reply = jsonrpc_create_reply(
			server_result(req, n_transact, rpc), req->id);
		jsonrpc_send(rpc, reply);
		jsonrpc_msg_destroy(reply);
		jsonrpc_msg_destroy(req);
	}
}

static int setup(void **state)
{
	int ready[2], out[2];
	char c;

	(void) state;
	snprintf(sock_path, sizeof sock_path, "/tmp/test-vsctl-idl-%d.sock",
		 (int) getpid());
	unlink(sock_path);
	if (pipe(ready) || pipe(out))
		return -1;
	server_pid = fork();
	if (server_pid == 0) {
		close(ready[0]);
		close(out[0]);
		server(ready[1], out[1]);
		_exit(0);
	}
	close(ready[1]);
	close(out[1]);
	if (read(ready[0], &c, 1) != 1)
		return -1;
	close(ready[0]);
	sent = fdopen(out[0], "r");
	return 0;
}

static int teardown(void **state)
{
	(void) state;
	kill(server_pid, SIGTERM);
	waitpid(server_pid, NULL, 0);
	fclose(sent);
	unlink(sock_path);
	return 0;
}

/* The next transaction the server received. */
static json_t *next_sent(void)
{
	char line[8192];

	assert_non_null(fgets(line, sizeof line, sent));
	return json_loads(line, 0, NULL);
}

static json_t *op_named(json_t *txn, const char *name, size_t nth)
{
	for (size_t i = 1; i < json_array_size(txn); i++) {
		json_t *op = json_array_get(txn, i);
		if (!strcmp(json_string_value(json_object_get(op, "op")), name)
		    && !nth--)
			return op;
	}
	fail_msg("no %s op", name);
	return NULL;
}

static void test_replica_and_commit(void **state)
{
	char name[80], *error = NULL;
	struct uuid row1_uuid;

	(void) state;
	snprintf(name, sizeof name, "unix:%s", sock_path);
	struct ovsdb_idl *idl = ovsdb_idl_open(name, "D", 5000, &error);
	assert_non_null(idl);
	struct ovsdb_idl_table *t = ovsdb_idl_table(idl, "T");
	assert_non_null(t);
	assert_true(uuid_from_string(&row1_uuid, ROW1));
	struct ovsdb_idl_row *row = ovsdb_idl_find(t, &row1_uuid);
	assert_non_null(row);
	assert_string_equal(ovsdb_idl_get(row, "name")->keys[0].string, "a");

	/* A change based on name "a", which another client changes. */
	const struct ovsdb_column *name_col = ovsdb_idl_column(row, "name");
	union ovsdb_atom two = { .integer = 2 };
	struct ovsdb_datum d;
	ovsdb_idl_verify(row, name_col);
	ovsdb_datum_init_single(&d, &two, NULL,
				&ovsdb_idl_column(row, "n")->type);
	ovsdb_idl_set(row, "n", &d);
	assert_int_equal(ovsdb_idl_commit(idl, 5000, &error),
			 OVSDB_IDL_TRY_AGAIN);
	json_t *txn = next_sent();
	json_t *wait = op_named(txn, "wait", 0);
	assert_string_equal(json_string_value(json_object_get(wait, "until")),
			    "==");
	char *text = json_dumps(wait, JSON_COMPACT | JSON_SORT_KEYS);
	assert_string_equal(text, "{\"columns\":[\"name\"],\"op\":\"wait\","
		"\"rows\":[{\"name\":\"a\"}],\"table\":\"T\",\"timeout\":0,"
		"\"until\":\"==\",\"where\":[[\"_uuid\",\"==\",[\"uuid\",\""
		ROW1 "\"]]]}");
	free(text);
	text = json_dumps(json_object_get(op_named(txn, "update", 0), "row"),
			  JSON_COMPACT);
	assert_string_equal(text, "{\"n\":2}");
	free(text);
	json_decref(txn);

	/* The concurrent change is in the replica; the local one is gone. */
	row = ovsdb_idl_find(t, &row1_uuid);
	assert_string_equal(ovsdb_idl_get(row, "name")->keys[0].string, "b");
	assert_int_equal(ovsdb_idl_get(row, "n")->keys[0].integer, 1);

	/* Redo: insert a row, reference it, bump cfg. */
	struct ovsdb_idl_row *new = ovsdb_idl_insert(t, NULL);
	union ovsdb_atom nm = { .string = "new" };
	ovsdb_datum_init_single(&d, &nm, NULL, &name_col->type);
	ovsdb_idl_set(new, "name", &d);
	struct uuid temp = new->uuid;
	union ovsdb_atom ref = { .uuid = temp };
	ovsdb_datum_init_single(&d, &ref, NULL,
				&ovsdb_idl_column(row, "refs")->type);
	ovsdb_idl_set(row, "refs", &d);
	ovsdb_idl_increment(idl, row, "cfg");
	ovsdb_idl_comment(idl, "test");
	assert_int_equal(ovsdb_idl_commit(idl, 5000, &error),
			 OVSDB_IDL_SUCCESS);
	assert_int_equal(ovsdb_idl_increment_result(idl), 5);
	char real[UUID_LEN + 1];
	uuid_format(ovsdb_idl_inserted_uuid(idl, &temp), real);
	assert_string_equal(real, REAL);

	txn = next_sent();
	json_t *insert = op_named(txn, "insert", 0);
	const char *uname = json_string_value(json_object_get(insert,
							      "uuid-name"));
	assert_non_null(uname);
	assert_int_equal(strncmp(uname, "row", 3), 0);
	text = json_dumps(json_object_get(op_named(txn, "update", 0), "row"),
			  JSON_COMPACT);
	char want[128];
	snprintf(want, sizeof want, "{\"refs\":[\"named-uuid\",\"%s\"]}",
		 uname);
	assert_string_equal(text, want);
	free(text);
	text = json_dumps(json_object_get(op_named(txn, "mutate", 0),
					  "mutations"), JSON_COMPACT);
	assert_string_equal(text, "[[\"cfg\",\"+=\",1]]");
	free(text);
	op_named(txn, "select", 0);
	assert_string_equal(json_string_value(json_object_get(
		op_named(txn, "comment", 0), "comment")), "test");
	json_decref(txn);

	/* Nothing changed: nothing is sent. */
	ovsdb_idl_verify(ovsdb_idl_find(t, &row1_uuid), name_col);
	assert_int_equal(ovsdb_idl_commit(idl, 5000, &error),
			 OVSDB_IDL_UNCHANGED);
	ovsdb_idl_close(idl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replica_and_commit),
	};

	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests(tests, setup, teardown);
}
