/* Benchmark client for an OVSDB server (weir-dbd or ovsdb-server, same
 * workload, same client):
 *
 *   bench-ovsdb txn SOCK CLIENTS N    N durable single-row inserts into
 *                                     Open_vSwitch's Bridge table, spread
 *                                     over CLIENTS connections that each
 *                                     keep one transaction in flight;
 *                                     prints transactions per second
 *   bench-ovsdb pipe SOCK DEPTH N     the same from one connection that
 *                                     keeps DEPTH transactions in flight
 *                                     (pipelined, as IDL clients may)
 *   bench-ovsdb fanout SOCK CLIENTS N CLIENTS connections monitor Bridge,
 *                                     one more inserts N rows one by one;
 *                                     prints rows delivered per second
 *                                     (N x CLIENTS over the time until the
 *                                     last monitor saw the last row)
 *
 * Each inserted row is a new Bridge with a unique name (and a uuid-name);
 * Bridge is not a root table, so each transaction also adds the row to
 * Open_vSwitch's "bridges" (a mutate), as ovs-vsctl add-br does, and ends
 * with {"op": "commit", "durable": true}: acknowledged means on disk. */
#include <errno.h>
#include <jansson.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "jsonrpc.h"
#include "stream.h"

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static struct jsonrpc *connect_to(const char *sock)
{
	char name[512], err[256];
	struct stream *s;

	snprintf(name, sizeof name, "unix:%s", sock);
	if (stream_open(name, 0, &s, err, sizeof err)) {
		fprintf(stderr, "bench-ovsdb: %s\n", err);
		exit(1);
	}
	return jsonrpc_open_stream(s, 64 << 20);
}

static void die(const char *what, const char *why)
{
	fprintf(stderr, "bench-ovsdb: %s: %s\n", what, why);
	exit(1);
}

/* The blocking request 'method' with 'params'; its result. */
static json_t *call(struct jsonrpc *rpc, const char *method, json_t *params)
{
	struct jsonrpc_msg *req, *reply;
	json_t *result;

	req = jsonrpc_create_request(method, params, json_integer(0));
	if (jsonrpc_transact(rpc, req, 30000, &reply))
		die(method, "no reply");
	jsonrpc_msg_destroy(req);
	if (reply->type != JSONRPC_REPLY)
		die(method, "error reply");
	result = json_incref(reply->result);
	jsonrpc_msg_destroy(reply);
	return result;
}

/* The uuid of the Open_vSwitch row, creating it if the database is
 * empty. */
static json_t *root_uuid(struct jsonrpc *rpc)
{
	json_t *r = call(rpc, "transact",
			 json_pack("[s,{s:s,s:s,s:[]}]", "Open_vSwitch", "op",
				   "select", "table", "Open_vSwitch", "where"));
	json_t *rows = json_object_get(json_array_get(r, 0), "rows");
	json_t *uuid;

	if (json_array_size(rows)) {
		uuid = json_incref(json_object_get(json_array_get(rows, 0),
						   "_uuid"));
		json_decref(r);
		return uuid;
	}
	json_decref(r);
	r = call(rpc, "transact",
		 json_pack("[s,{s:s,s:s,s:{}}]", "Open_vSwitch", "op",
			   "insert", "table", "Open_vSwitch", "row"));
	uuid = json_incref(json_object_get(json_array_get(r, 0), "uuid"));
	json_decref(r);
	return uuid;
}

static struct jsonrpc_msg *insert_request(const json_t *root, int seq,
					  int id)
{
	char name[48];
	json_t *params;

	/* Unique across runs on the same database (names are an index). */
	snprintf(name, sizeof name, "br%ld-%d", (long)getpid(), seq);
	params = json_pack(
		"[s,{s:s,s:s,s:{s:s},s:s},"
		"{s:s,s:s,s:[[s,s,O]],s:[[s,s,[s,s]]]},{s:s,s:b}]",
		"Open_vSwitch",
		"op", "insert", "table", "Bridge", "row", "name", name,
		"uuid-name", "nb",
		"op", "mutate", "table", "Open_vSwitch", "where", "_uuid", "==",
		root, "mutations", "bridges", "insert", "named-uuid", "nb",
		"op", "commit", "durable", 1);
	return jsonrpc_create_request("transact", params, json_integer(id));
}

/* Exits unless both operations of an insert worked: the Bridge row went
 * in, and the Open_vSwitch row (one) now references it. */
static void check_insert(const json_t *result)
{
	const json_t *mutate = json_array_get(result, 1);

	if (json_array_size(result) != 3 ||
	    json_object_get(json_array_get(result, 0), "error") ||
	    json_integer_value(json_object_get(mutate, "count")) != 1)
		die("transact", json_dumps(result, JSON_COMPACT));
}

/* Waits for any of 'rpcs' to have input, flushing what they owe. */
static void wait_any(struct jsonrpc **rpcs, int n)
{
	struct pollfd p[n];

	for (int i = 0; i < n; i++) {
		jsonrpc_flush(rpcs[i]);
		p[i].fd = jsonrpc_fd(rpcs[i]);
		p[i].events = POLLIN | (jsonrpc_backlog(rpcs[i]) ? POLLOUT : 0);
	}
	poll(p, n, 1000);
}

static int bench_txn(const char *sock, int n_clients, int depth, int n)
{
	struct jsonrpc *rpcs[n_clients];
	int sent = 0, done = 0;
	json_t *root;
	double t0;

	for (int i = 0; i < n_clients; i++)
		rpcs[i] = connect_to(sock);
	root = root_uuid(rpcs[0]);
	t0 = now_s();
	for (int d = 0; d < depth; d++)
		for (int i = 0; i < n_clients && sent < n; i++, sent++) {
			struct jsonrpc_msg *m = insert_request(root, sent,
							       sent);
			jsonrpc_send(rpcs[i], m);
			jsonrpc_msg_destroy(m);
		}
	while (done < n) {
		wait_any(rpcs, n_clients);
		for (int i = 0; i < n_clients; i++) {
			struct jsonrpc_msg *msg;

			while (!jsonrpc_recv(rpcs[i], &msg)) {
				if (msg->type == JSONRPC_ERROR)
					die("transact", "error reply");
				check_insert(msg->result);
				jsonrpc_msg_destroy(msg);
				done++;
				if (sent < n) {
					msg = insert_request(root, sent, sent);
					jsonrpc_send(rpcs[i], msg);
					jsonrpc_msg_destroy(msg);
					sent++;
				}
			}
		}
	}
	printf("%.0f transactions/s\n", n / (now_s() - t0));
	for (int i = 0; i < n_clients; i++)
		jsonrpc_close(rpcs[i]);
	json_decref(root);
	return 0;
}

/* Rows a monitor notification carries for Bridge. */
static int rows_in_update(const struct jsonrpc_msg *msg)
{
	json_t *tables = json_array_get(msg->params, 1);

	return json_object_size(json_object_get(tables, "Bridge"));
}

static int bench_fanout(const char *sock, int n_clients, int n)
{
	struct jsonrpc *mon[n_clients], *writer = connect_to(sock);
	long long seen = 0, want = (long long)n * n_clients;
	json_t *root = root_uuid(writer);
	double t0;
	int sent = 0;

	for (int i = 0; i < n_clients; i++) {
		json_t *r;

		mon[i] = connect_to(sock);
		r = call(mon[i], "monitor",
			 json_pack("[s,n,{s:{s:[s]}}]", "Open_vSwitch",
				   "Bridge", "columns", "name"));
		json_decref(r);
	}
	t0 = now_s();
	while (seen < want) {
		struct jsonrpc_msg *msg;

		if (sent < n) {
			/* One transaction at a time from the writer. */
			msg = insert_request(root, 1000000 + sent, sent);
			json_t *r = call(writer, "transact",
					 json_incref(msg->params));

			check_insert(r);
			json_decref(r);
			jsonrpc_msg_destroy(msg);
			sent++;
		} else {
			wait_any(mon, n_clients);
		}
		for (int i = 0; i < n_clients; i++)
			while (!jsonrpc_recv(mon[i], &msg)) {
				if (msg->type == JSONRPC_NOTIFY &&
				    !strcmp(msg->method, "update"))
					seen += rows_in_update(msg);
				jsonrpc_msg_destroy(msg);
			}
	}
	printf("%.0f rows delivered/s (%d monitors)\n",
	       want / (now_s() - t0), n_clients);
	for (int i = 0; i < n_clients; i++)
		jsonrpc_close(mon[i]);
	jsonrpc_close(writer);
	json_decref(root);
	return 0;
}

int main(int argc, char *argv[])
{
	if (argc != 5) {
		fprintf(stderr, "usage: bench-ovsdb txn|pipe|fanout SOCK "
			"CLIENTS|DEPTH N\n");
		return 2;
	}
	if (!strcmp(argv[1], "txn"))
		return bench_txn(argv[2], atoi(argv[3]), 1, atoi(argv[4]));
	if (!strcmp(argv[1], "pipe"))
		return bench_txn(argv[2], 1, atoi(argv[3]), atoi(argv[4]));
	if (!strcmp(argv[1], "fanout"))
		return bench_fanout(argv[2], atoi(argv[3]), atoi(argv[4]));
	return 2;
}
