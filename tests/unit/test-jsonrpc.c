/* JSON-RPC framing and the control channel: messages split across reads
 * and packed into one, strings that hide brackets, malformed and oversized
 * input (an error, never a crash; the connection survives when it can),
 * the message shapes, and a unixctl server answering real clients. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "json-stream.h"
#include "jsonrpc.h"
#include "poll-loop.h"
#include "unix-socket.h"
#include "unixctl.h"

/* ---- the framer ---- */

static void feed(struct json_stream *s, const char *text)
{
	json_stream_feed(s, text, strlen(text));
}

/* Takes the next value and checks its compact form. */
static void expect_json(struct json_stream *s, const char *compact)
{
	json_t *json;

	assert_int_equal(json_stream_next(s, &json), 0);
	char *text = json_dumps(json, JSON_COMPACT | JSON_SORT_KEYS);
	assert_string_equal(text, compact);
	free(text);
	json_decref(json);
}

static void expect_fail(struct json_stream *s, int error)
{
	json_t *json;

	assert_int_equal(json_stream_next(s, &json), error);
	assert_null(json);
}

static void test_several_per_read(void **state)
{
	struct json_stream s;

	json_stream_init(&s, 4096);
	feed(&s, "{\"a\":1}{\"b\":2}\n  [3,4]\r\n\t{\"c\":{}}");
	expect_json(&s, "{\"a\":1}");
	expect_json(&s, "{\"b\":2}");
	expect_json(&s, "[3,4]");
	expect_json(&s, "{\"c\":{}}");
	expect_fail(&s, -EAGAIN);
	assert_false(json_stream_pending(&s));
	json_stream_destroy(&s);
}

/* Every split point of a message, one byte at a time included. */
static void test_partial_reads(void **state)
{
	const char *msg = "{\"method\":\"x\",\"params\":[\"}\\\"{[\"],\"id\":7}";
	size_t len = strlen(msg);

	for (size_t cut = 1; cut < len; cut++) {
		struct json_stream s;
		json_stream_init(&s, 4096);
		json_stream_feed(&s, msg, cut);
		expect_fail(&s, -EAGAIN);
		assert_true(json_stream_pending(&s));
		json_stream_feed(&s, msg + cut, len - cut);
		expect_json(&s, "{\"id\":7,\"method\":\"x\","
			     "\"params\":[\"}\\\"{[\"]}");
		json_stream_destroy(&s);
	}

	struct json_stream s;
	json_stream_init(&s, 4096);
	for (size_t i = 0; i < len; i++) {
		expect_fail(&s, -EAGAIN);
		json_stream_feed(&s, msg + i, 1);
	}
	expect_json(&s, "{\"id\":7,\"method\":\"x\",\"params\":[\"}\\\"{[\"]}");
	json_stream_destroy(&s);
}

/* Brackets and quotes inside strings, escaped backslashes. */
static void test_strings_hide_brackets(void **state)
{
	struct json_stream s;

	json_stream_init(&s, 4096);
	feed(&s, "{\"k\":\"{[}]\\\\\"}{\"q\":\"\\\\\\\"}\"}");
	expect_json(&s, "{\"k\":\"{[}]\\\\\"}");
	expect_json(&s, "{\"q\":\"\\\\\\\"}\"}");
	json_stream_destroy(&s);
}

/* A complete value that is not JSON is dropped; the next one is fine. */
static void test_malformed_value_skipped(void **state)
{
	static const char *const bad[] = {
		"{\"a\":}", "{\"a\" 1}", "[1,]", "{\"a\":tru}",
		"{\"a\":1,\"a\":2}", "{\"\xff\":1}", "{\"a\":\"\x01\"}",
	};
	struct json_stream s;

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		json_stream_init(&s, 4096);
		feed(&s, bad[i]);
		feed(&s, "{\"ok\":true}");
		expect_fail(&s, -EBADMSG);
		assert_true(s.error[0] != '\0');
		expect_json(&s, "{\"ok\":true}");
		json_stream_destroy(&s);
	}
}

/* Bytes that cannot start a message, or a closing bracket of the wrong
 * kind (after which no later boundary can be trusted), lose the framing,
 * for good. */
static void test_framing_lost(void **state)
{
	static const char *const bad[] = {
		"x{}", "5", "\"s\"", "}", "null", "{]", "[{]}",
		"{\"method\": \"echo\", \"params\": [}",
	};
	struct json_stream s;

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		json_stream_init(&s, 4096);
		feed(&s, bad[i]);
		expect_fail(&s, -EPROTO);
		feed(&s, "{}");
		expect_fail(&s, -EPROTO);
		json_stream_destroy(&s);
	}
}

static void test_size_bound(void **state)
{
	struct json_stream s;
	char big[200];

	/* Exactly the limit is fine. */
	json_stream_init(&s, 16);
	feed(&s, "{\"a\":\"12345678\"}");
	expect_json(&s, "{\"a\":\"12345678\"}");
	json_stream_destroy(&s);

	/* One byte more, even unfinished, is not. */
	json_stream_init(&s, 16);
	memset(big, '[', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	feed(&s, big);
	expect_fail(&s, -EMSGSIZE);
	json_stream_destroy(&s);

	/* Nesting within the size bound but deeper than the framer tracks
	 * loses the framing, without deep recursion anywhere. */
	json_stream_init(&s, 1 << 20);
	char *deep = malloc(200001);
	memset(deep, '[', 100000);
	memset(deep + 100000, ']', 100000);
	deep[200000] = '\0';
	feed(&s, deep);
	free(deep);
	expect_fail(&s, -EPROTO);
	json_stream_destroy(&s);

	/* As deep as it tracks is fine for the framer; jansson then says
	 * whether it can parse it. */
	json_stream_init(&s, 1 << 20);
	deep = malloc(2 * JSON_STREAM_MAX_DEPTH + 1);
	memset(deep, '[', JSON_STREAM_MAX_DEPTH);
	memset(deep + JSON_STREAM_MAX_DEPTH, ']', JSON_STREAM_MAX_DEPTH);
	deep[2 * JSON_STREAM_MAX_DEPTH] = '\0';
	feed(&s, deep);
	free(deep);
	json_t *json;
	assert_int_equal(json_stream_next(&s, &json), 0);
	json_decref(json);
	json_stream_destroy(&s);
}

/* ---- message shapes ---- */

static int from_text(const char *text, struct jsonrpc_msg **msg)
{
	json_t *json = json_loads(text, 0, NULL);
	char err[128];

	assert_non_null(json);
	int rc = jsonrpc_msg_from_json(json, msg, err, sizeof err);
	json_decref(json);
	return rc;
}

static void test_message_shapes(void **state)
{
	static const struct {
		const char *text;
		int type;               /* -1: rejected */
	} cases[] = {
		{ "{\"method\":\"m\",\"params\":[],\"id\":1}", JSONRPC_REQUEST },
		{ "{\"method\":\"m\",\"params\":[\"a\"],\"id\":null}",
		  JSONRPC_NOTIFY },
		{ "{\"method\":\"m\",\"params\":[]}", JSONRPC_NOTIFY },
		{ "{\"result\":\"r\",\"error\":null,\"id\":1}", JSONRPC_REPLY },
		{ "{\"result\":null,\"error\":\"e\",\"id\":null}",
		  JSONRPC_ERROR },
		{ "{\"method\":1,\"params\":[],\"id\":1}", -1 },
		{ "{\"method\":\"m\",\"params\":{},\"id\":1}", -1 },
		{ "{\"method\":\"m\",\"id\":1}", -1 },
		{ "{\"method\":\"m\",\"params\":[],\"id\":1,\"x\":0}", -1 },
		{ "{\"method\":\"m\",\"params\":[],\"result\":1,\"id\":1}", -1 },
		{ "{\"result\":1,\"error\":\"e\",\"id\":1}", -1 },
		{ "{\"result\":1}", -1 },
		{ "{\"params\":[],\"id\":1}", -1 },
		{ "{}", -1 },
		{ "[]", -1 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct jsonrpc_msg *msg;
		int rc = from_text(cases[i].text, &msg);
		if (cases[i].type < 0) {
			assert_int_equal(rc, -EPROTO);
			assert_null(msg);
		} else {
			assert_int_equal(rc, 0);
			assert_int_equal(msg->type, cases[i].type);
			jsonrpc_msg_destroy(msg);
		}
	}
}

static void test_message_round_trip(void **state)
{
	json_t *id = json_integer(42);
	struct jsonrpc_msg *msgs[] = {
		jsonrpc_create_request("dpctl/show", json_pack("[s]", "-s"),
				       json_incref(id)),
		jsonrpc_create_reply(json_string("text\n"), id),
		jsonrpc_create_error(json_string("bad"), id),
	};

	for (size_t i = 0; i < 3; i++) {
		json_t *json = jsonrpc_msg_to_json(msgs[i]);
		struct jsonrpc_msg *back;
		char err[128];
		assert_int_equal(jsonrpc_msg_from_json(json, &back, err,
						       sizeof err), 0);
		assert_int_equal(back->type, msgs[i]->type);
		assert_true(json_equal(back->id, id));
		json_t *again = jsonrpc_msg_to_json(back);
		assert_true(json_equal(json, again));
		json_decref(again);
		json_decref(json);
		jsonrpc_msg_destroy(back);
		jsonrpc_msg_destroy(msgs[i]);
	}
	json_decref(id);
}

/* ---- the unixctl server ---- */

struct server {
	char dir[64];
	char path[128];
	struct poll_loop *loop;
	struct unixctl_server *server;
};

/* "echo ARG...": the arguments, joined by spaces. */
static int cmd_echo(int argc, const char *argv[], FILE *out, void *aux)
{
	for (int i = 1; i < argc; i++)
		fprintf(out, "%s%s", i > 1 ? " " : "", argv[i]);
	fputc('\n', out);
	return 0;
}

static int cmd_fail(int argc, const char *argv[], FILE *out, void *aux)
{
	fputs("it failed\n", out);
	return -1;
}

/* "big": a megabyte, more than a socket buffer holds. */
static int cmd_big(int argc, const char *argv[], FILE *out, void *aux)
{
	for (int i = 0; i < 1 << 14; i++)
		fprintf(out, "%063d\n", i);
	return 0;
}

static int cmd_stop(int argc, const char *argv[], FILE *out, void *loop)
{
	poll_loop_stop(loop);
	return 0;
}

static int server_setup(void **state)
{
	struct server *s = calloc(1, sizeof *s);

	/* A directory of this process's own, private to its user. */
	static unsigned int n;

	snprintf(s->dir, sizeof s->dir, "/tmp/weir-test-jsonrpc.%ld.%u",
		 (long)getpid(), n++);
	assert_int_equal(mkdir(s->dir, 0700), 0);
	snprintf(s->path, sizeof s->path, "%s/ctl", s->dir);
	s->loop = poll_loop_create();
	assert_int_equal(unixctl_server_create(s->path, s->loop, &s->server),
			 0);
	unixctl_command_register(s->server, "echo", "[ARG...]", 0, 3,
				 cmd_echo, NULL);
	unixctl_command_register(s->server, "fail", "", 0, 0, cmd_fail, NULL);
	unixctl_command_register(s->server, "big", "", 0, 0, cmd_big, NULL);
	unixctl_command_register(s->server, "stop", "", 0, 0, cmd_stop,
				 s->loop);
	*state = s;
	return 0;
}

static int server_teardown(void **state)
{
	struct server *s = *state;

	unixctl_server_destroy(s->server);
	poll_loop_destroy(s->loop);
	assert_int_equal(access(s->path, F_OK), -1);
	rmdir(s->dir);
	free(s);
	return 0;
}

/* A raw client: a socket, and the framer for what the server sends. */
struct client {
	int fd;
	struct json_stream in;
};

static struct client client_open(struct server *s)
{
	struct client c = { .fd = unix_socket_connect(s->path) };

	assert_true(c.fd >= 0);
	json_stream_init(&c.in, 1 << 24);
	return c;
}

static void client_close(struct client *c)
{
	json_stream_destroy(&c->in);
	close(c->fd);
}

static void raw_send(struct client *c, const char *text)
{
	assert_int_equal(write(c->fd, text, strlen(text)),
			 (ssize_t)strlen(text));
}

/* Serves until the client's next message is in, and returns it as JSON
 * text; NULL if the server closed the connection instead. */
static char *raw_recv(struct server *s, struct client *c)
{
	for (int i = 0; i < 5000; i++) {
		json_t *json;
		int rc = json_stream_next(&c->in, &json);
		if (!rc) {
			char *text = json_dumps(json, JSON_COMPACT |
						JSON_SORT_KEYS);
			json_decref(json);
			return text;
		}
		assert_int_equal(rc, -EAGAIN);
		poll_loop_run_once(s->loop, 1);
		char buf[65536];
		ssize_t n = recv(c->fd, buf, sizeof buf, MSG_DONTWAIT);
		if (n == 0)
			return NULL;
		if (n > 0)
			json_stream_feed(&c->in, buf, n);
	}
	fail_msg("no answer from the server");
	return NULL;
}

/* The next message contains 'part' (or is 'part', with 'whole'). */
static void expect_answer(struct server *s, struct client *c,
			  const char *part, bool whole)
{
	char *text = raw_recv(s, c);

	assert_non_null(text);
	if (whole)
		assert_string_equal(text, part);
	else if (!strstr(text, part))
		fail_msg("\"%s\" is not in %s", part, text);
	free(text);
}

static void expect_reply(struct server *s, struct client *c,
			 const char *compact)
{
	expect_answer(s, c, compact, true);
}

static void test_server_commands(void **state)
{
	struct server *s = *state;
	struct client c = client_open(s);

	raw_send(&c, "{\"method\":\"echo\",\"params\":[\"a\",\"b\"],\"id\":1}");
	expect_reply(s, &c, "{\"error\":null,\"id\":1,\"result\":\"a b\\n\"}");
	raw_send(&c, "{\"method\":\"fail\",\"params\":[],\"id\":\"x\"}");
	expect_reply(s, &c,
		     "{\"error\":\"it failed\\n\",\"id\":\"x\",\"result\":null}");
	raw_send(&c, "{\"method\":\"nope\",\"params\":[],\"id\":2}");
	expect_reply(s, &c, "{\"error\":\"\\\"nope\\\" is not a valid "
		     "command (use \\\"list-commands\\\" to see a list of valid "
		     "commands)\",\"id\":2,\"result\":null}");
	raw_send(&c, "{\"method\":\"echo\",\"params\":[\"1\",\"2\",\"3\",\"4\"],"
		 "\"id\":3}");
	expect_reply(s, &c, "{\"error\":\"\\\"echo\\\" command takes at "
		     "most 3 arguments\",\"id\":3,\"result\":null}");
	raw_send(&c, "{\"method\":\"echo\",\"params\":[1],\"id\":4}");
	expect_reply(s, &c, "{\"error\":\"command arguments must be "
		     "strings\",\"id\":4,\"result\":null}");
	/* A notification runs but gets no answer: the next reply is id 5. */
	raw_send(&c, "{\"method\":\"echo\",\"params\":[],\"id\":null}"
		 "{\"method\":\"echo\",\"params\":[\"n\"],\"id\":5}");
	expect_reply(s, &c, "{\"error\":null,\"id\":5,\"result\":\"n\\n\"}");
	client_close(&c);
}

/* Requests packed into one write and split over many are all answered,
 * in order. */
static void test_server_pipelined(void **state)
{
	struct server *s = *state;
	struct client c = client_open(s);
	const char *req = "{\"method\":\"echo\",\"params\":[\"p\"],\"id\":9}";

	raw_send(&c, "{\"method\":\"echo\",\"params\":[\"1\"],\"id\":1}"
		 "{\"method\":\"echo\",\"params\":[\"2\"],\"id\":2}");
	for (const char *p = req; *p; p++) {
		assert_int_equal(write(c.fd, p, 1), 1);
		poll_loop_run_once(s->loop, 0);
	}
	expect_reply(s, &c, "{\"error\":null,\"id\":1,\"result\":\"1\\n\"}");
	expect_reply(s, &c, "{\"error\":null,\"id\":2,\"result\":\"2\\n\"}");
	expect_reply(s, &c, "{\"error\":null,\"id\":9,\"result\":\"p\\n\"}");
	client_close(&c);
}

/* Malformed JSON, or JSON that is no JSON-RPC, gets an error with a null
 * id, and the connection goes on. */
static void test_server_malformed(void **state)
{
	struct server *s = *state;
	struct client c = client_open(s);

	raw_send(&c, "{\"method\":}");
	expect_answer(s, &c, "\"error\":\"malformed JSON: ", false);
	raw_send(&c, "{\"method\":\"echo\"}");
	expect_answer(s, &c, "not an array\",\"id\":null", false);
	raw_send(&c, "{\"method\":\"echo\",\"params\":[\"ok\"],\"id\":1}");
	expect_reply(s, &c, "{\"error\":null,\"id\":1,\"result\":\"ok\\n\"}");
	client_close(&c);
}

/* Lost framing: an error, then the server closes; others are unaffected. */
static void test_server_framing_lost(void **state)
{
	struct server *s = *state;
	struct client c = client_open(s), other = client_open(s);

	raw_send(&c, "hello\n");
	expect_answer(s, &c, "expected '{'", false);
	assert_null(raw_recv(s, &c));
	client_close(&c);

	raw_send(&other, "{\"method\":\"echo\",\"params\":[],\"id\":1}");
	expect_reply(s, &other, "{\"error\":null,\"id\":1,\"result\":\"\\n\"}");
	client_close(&other);
}

/* A request longer than the server takes ends that connection. */
static void test_server_oversized(void **state)
{
	struct server *s = *state;
	struct client c = client_open(s);
	char chunk[65536];
	bool closed = false;

	memset(chunk, ' ', sizeof chunk);
	chunk[0] = '[';
	chunk[1] = '"';
	for (int i = 0; i < 40 && !closed; i++) {
		ssize_t n = send(c.fd, chunk, sizeof chunk,
				 MSG_DONTWAIT | MSG_NOSIGNAL);
		chunk[0] = chunk[1] = ' ';
		closed = n < 0 && errno != EAGAIN;
		for (int j = 0; j < 20; j++)
			poll_loop_run_once(s->loop, 1);
	}
	/* The error may be lost to a reset, but the end never is. */
	char *text = raw_recv(s, &c);
	if (text) {
		assert_non_null(strstr(text, "too long"));
		free(text);
		assert_null(raw_recv(s, &c));
	}
	client_close(&c);
}

/* A client that does not read a long reply does not block the server. */
static void test_server_backlog(void **state)
{
	struct server *s = *state;
	struct client slow = client_open(s), fast = client_open(s);

	raw_send(&slow, "{\"method\":\"big\",\"params\":[],\"id\":1}");
	for (int i = 0; i < 10; i++)
		poll_loop_run_once(s->loop, 1);
	raw_send(&fast, "{\"method\":\"echo\",\"params\":[\"f\"],\"id\":2}");
	expect_reply(s, &fast, "{\"error\":null,\"id\":2,\"result\":\"f\\n\"}");

	char *text = raw_recv(s, &slow);
	assert_non_null(text);
	assert_true(strlen(text) > 1 << 20);
	free(text);
	client_close(&slow);
	client_close(&fast);
}

static void *serve(void *s_)
{
	struct server *s = s_;

	poll_loop_run(s->loop);
	return NULL;
}

/* The blocking client, against the server in another thread. */
static void test_client_transact(void **state)
{
	struct server *s = *state;
	char *args[] = { "x", "y" }, *result, *error;
	pthread_t thread;

	pthread_create(&thread, NULL, serve, s);
	assert_int_equal(unixctl_client_transact(s->path, "echo", 2, args, 5000,
						 &result, &error), 0);
	assert_string_equal(result, "x y\n");
	assert_null(error);
	free(result);
	assert_int_equal(unixctl_client_transact(s->path, "fail", 0, NULL,
						 5000, &result, &error), 0);
	assert_null(result);
	assert_string_equal(error, "it failed\n");
	free(error);
	assert_int_equal(unixctl_client_transact(s->path, "list-commands", 0,
						 NULL, 5000, &result, &error),
			 0);
	assert_non_null(strstr(result, "The available commands are:\n"
				"  big "));
	free(result);
	assert_int_equal(unixctl_client_transact(s->path, "stop", 0, NULL,
						 5000, &result, &error), 0);
	free(result);
	pthread_join(thread, NULL);

	/* Nobody listening, then nobody at all. */
	assert_true(unixctl_client_transact(s->path, "echo", 0, NULL, 100,
					    &result, &error) < 0);
	assert_non_null(error);
	free(error);
	assert_true(unixctl_client_transact("/nonexistent/ctl", "echo", 0,
					    NULL, 100, &result, &error) < 0);
	assert_non_null(strstr(error, "cannot connect"));
	free(error);
}

/* A second server on a live socket is refused; a stale one is replaced. */
static void test_socket_in_use(void **state)
{
	struct server *s = *state;
	struct poll_loop *loop = poll_loop_create();
	struct unixctl_server *second;

	assert_int_equal(unixctl_server_create(s->path, loop, &second),
			 -EADDRINUSE);
	poll_loop_destroy(loop);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_several_per_read),
		cmocka_unit_test(test_partial_reads),
		cmocka_unit_test(test_strings_hide_brackets),
		cmocka_unit_test(test_malformed_value_skipped),
		cmocka_unit_test(test_framing_lost),
		cmocka_unit_test(test_size_bound),
		cmocka_unit_test(test_message_shapes),
		cmocka_unit_test(test_message_round_trip),
		cmocka_unit_test_setup_teardown(test_server_commands,
						server_setup, server_teardown),
		cmocka_unit_test_setup_teardown(test_server_pipelined,
						server_setup, server_teardown),
		cmocka_unit_test_setup_teardown(test_server_malformed,
						server_setup, server_teardown),
		cmocka_unit_test_setup_teardown(test_server_framing_lost,
						server_setup, server_teardown),
		cmocka_unit_test_setup_teardown(test_server_oversized,
						server_setup, server_teardown),
		cmocka_unit_test_setup_teardown(test_server_backlog,
						server_setup, server_teardown),
		cmocka_unit_test_setup_teardown(test_client_transact,
						server_setup, server_teardown),
		cmocka_unit_test_setup_teardown(test_socket_in_use,
						server_setup, server_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
