/* Streams: names accepted and refused with their reasons, and real
 * connections over loopback TCP (IPv4, IPv6, a host name), unix sockets
 * and TLS (certificates made by the openssl command for each run, peers
 * verified both ways, a stranger's certificate refused). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include <pthread.h>

#include "jsonrpc.h"
#include "stream.h"

static char err[512];

static void expect_bad(const char *name, bool passive, const char *why)
{
	int rc = passive ? pstream_verify_name(name, err, sizeof err)
			 : stream_verify_name(name, err, sizeof err);

	assert_int_equal(rc, -EINVAL);
	if (!strstr(err, why))
		fail_msg("%s: got \"%s\", want \"%s\"", name, err, why);
}

static void test_names(void **state)
{
	static const char *good[] = {
		"tcp:1.2.3.4", "tcp:1.2.3.4:6653", "tcp:[::1]:6640",
		"tcp:[2001:db8::1]", "tcp:controller.example:6653",
		"ssl:10.0.0.1:6653", "unix:/var/run/weir/db.sock",
	};
	static const char *pgood[] = {
		"ptcp:", "ptcp:6653", "ptcp:0:127.0.0.1", "ptcp:6640:[::1]",
		"ptcp:6640:::1", "pssl:6653", "punix:/tmp/x.sock",
	};

	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		assert_int_equal(stream_verify_name(good[i], err, sizeof err), 0);
	for (size_t i = 0; i < sizeof pgood / sizeof *pgood; i++)
		assert_int_equal(pstream_verify_name(pgood[i], err, sizeof err),
				 0);
	expect_bad("udp:1.2.3.4", false, "unknown stream type");
	expect_bad("tcp:1.2.3.4:65536", false, "bad port");
	expect_bad("tcp:1.2.3.4:x", false, "bad port");
	expect_bad("tcp:", false, "missing host");
	expect_bad("tcp:[::1", false, "missing ']'");
	expect_bad("tcp:[zz::1]:1", false, "bad IPv6 address");
	expect_bad("tcp:a b:1", false, "bad character in host name");
	expect_bad("unix:", false, "missing socket path");
	expect_bad("ptcp:99999", true, "bad port");
	expect_bad("ptcp:1:somehost", true, "needs an IP address");
	expect_bad("pfoo:1", true, "unknown listener type");
	expect_bad("punix:", true, "missing socket path");
}

/* Drives both ends until both are connected (or 5 s pass). */
static void drive(struct stream *a, struct stream *b)
{
	time_t end = time(NULL) + 5;
	int ra = -EAGAIN, rb = -EAGAIN;

	while ((ra == -EAGAIN || rb == -EAGAIN) && time(NULL) < end) {
		struct pollfd p[2] = {
			{ stream_fd(a), stream_poll_events(a, POLLIN), 0 },
			{ stream_fd(b), stream_poll_events(b, POLLIN), 0 },
		};

		poll(p, 2, 100);
		if (ra == -EAGAIN)
			ra = stream_connect(a);
		if (rb == -EAGAIN)
			rb = stream_connect(b);
	}
	assert_int_equal(ra, 0);
	assert_int_equal(rb, 0);
}

/* Reads exactly 'n' bytes from 's' within 5 s. */
static void recv_all(struct stream *s, char *buf, size_t n)
{
	time_t end = time(NULL) + 5;
	size_t got = 0;

	while (got < n && time(NULL) < end) {
		ssize_t r = stream_recv(s, buf + got, n - got);

		if (r > 0) {
			got += r;
		} else if (r == -EAGAIN) {
			struct pollfd p = { stream_fd(s),
					    stream_poll_events(s, POLLIN), 0 };

			if (!stream_pending(s))
				poll(&p, 1, 100);
		} else {
			fail_msg("recv: %zd", r);
		}
	}
	assert_int_equal(got, n);
}

static void send_all(struct stream *s, const char *buf, size_t n)
{
	time_t end = time(NULL) + 5;
	size_t put = 0;

	while (put < n && time(NULL) < end) {
		ssize_t r = stream_send(s, buf + put, n - put);

		if (r > 0) {
			put += r;
		} else if (r == -EAGAIN) {
			struct pollfd p = { stream_fd(s),
					    stream_poll_events(s, POLLOUT), 0 };

			poll(&p, 1, 100);
		} else {
			fail_msg("send: %zd", r);
		}
	}
	assert_int_equal(put, n);
}

/* Accepts one connection within 5 s, stepping 'client' (resolving its
 * name, connecting) meanwhile. */
static struct stream *accept_one(struct pstream *ps, struct stream *client)
{
	struct stream *s = NULL;
	time_t end = time(NULL) + 5;

	while (time(NULL) < end) {
		struct pollfd p[2] = {
			{ pstream_fd(ps), POLLIN, 0 },
			{ stream_fd(client), stream_poll_events(client, 0), 0 },
		};
		int rc;

		poll(p, 2, 100);
		stream_connect(client);
		rc = pstream_accept(ps, &s);
		if (!rc)
			return s;
		assert_int_equal(rc, -EAGAIN);
	}
	fail_msg("nothing to accept");
	return NULL;
}

/* Both directions, a large block (many TLS records, partial sends), then
 * end of stream seen by the other side. */
static void exchange(struct stream *client, struct stream *server)
{
	enum { BIG = 1 << 20 };
	char *big = malloc(BIG), *back = malloc(BIG), buf[8];

	drive(client, server);
	send_all(client, "hello", 5);
	recv_all(server, buf, 5);
	assert_memory_equal(buf, "hello", 5);
	send_all(server, "world", 5);
	recv_all(client, buf, 5);
	assert_memory_equal(buf, "world", 5);
	for (size_t i = 0; i < BIG; i++)
		big[i] = (char)(i * 7 + i / 251);
	/* Interleave so that neither side's socket buffer stalls the other. */
	{
		size_t put = 0, got = 0;
		time_t end = time(NULL) + 10;

		while (got < BIG && time(NULL) < end) {
			ssize_t r;

			if (put < BIG) {
				r = stream_send(client, big + put, BIG - put);
				if (r > 0)
					put += r;
			}
			r = stream_recv(server, back + got, BIG - got);
			if (r > 0)
				got += r;
			else if (r != -EAGAIN)
				fail_msg("recv: %zd", r);
		}
		assert_int_equal(got, BIG);
	}
	assert_memory_equal(big, back, BIG);
	stream_close(client);
	{
		time_t end = time(NULL) + 5;
		ssize_t r = -EAGAIN;

		while (r == -EAGAIN && time(NULL) < end) {
			struct pollfd p = { stream_fd(server), POLLIN, 0 };

			poll(&p, 1, 100);
			r = stream_recv(server, buf, sizeof buf);
		}
		assert_int_equal(r, 0);
	}
	stream_close(server);
	free(big);
	free(back);
}

static void connect_pair(const char *pname, const char *fmt,
			 const char *host)
{
	struct pstream *ps;
	struct stream *c, *s;
	char name[128];

	assert_int_equal(pstream_open(pname, 0, &ps, err, sizeof err), 0);
	if (fmt)
		snprintf(name, sizeof name, fmt, host, pstream_port(ps));
	else
		snprintf(name, sizeof name, "unix:%s", pname + 6);
	if (stream_open(name, 6653, &c, err, sizeof err))
		fail_msg("%s: %s", name, err);
	s = accept_one(ps, c);
	exchange(c, s);
	pstream_close(ps);
}

static void test_tcp(void **state)
{
	connect_pair("ptcp:0:127.0.0.1", "tcp:%s:%u", "127.0.0.1");
}

static void test_tcp6(void **state)
{
	struct pstream *ps;

	if (pstream_open("ptcp:0:[::1]", 0, &ps, err, sizeof err))
		skip();
	pstream_close(ps);
	connect_pair("ptcp:0:[::1]", "tcp:[%s]:%u", "::1");
}

/* "localhost" comes from /etc/hosts through the resolver thread. */
static void test_tcp_by_name(void **state)
{
	connect_pair("ptcp:0:127.0.0.1", "tcp:%s:%u", "localhost");
}

static void test_unix(void **state)
{
	char pname[64];

	snprintf(pname, sizeof pname, "punix:/tmp/weir-test-stream-%d.sock",
		 (int)getpid());
	connect_pair(pname, NULL, NULL);
	assert_int_equal(access(pname + 6, F_OK), -1);
}

static void test_refused(void **state)
{
	struct pstream *ps;
	struct stream *c;
	char name[64];
	unsigned short port;
	int rc = -EAGAIN;
	time_t end = time(NULL) + 5;

	/* A port that was free a moment ago. */
	assert_int_equal(pstream_open("ptcp:0:127.0.0.1", 0, &ps, err,
				      sizeof err), 0);
	port = pstream_port(ps);
	pstream_close(ps);
	snprintf(name, sizeof name, "tcp:127.0.0.1:%u", port);
	assert_int_equal(stream_open(name, 0, &c, err, sizeof err), 0);
	while (rc == -EAGAIN && time(NULL) < end) {
		struct pollfd p = { stream_fd(c), stream_poll_events(c, 0), 0 };

		poll(&p, 1, 100);
		rc = stream_connect(c);
	}
	assert_int_equal(rc, -ECONNREFUSED);
	assert_int_equal(stream_send(c, "x", 1), -ECONNREFUSED);
	stream_close(c);
	snprintf(name, sizeof name, "unix:/tmp/weir-test-none-%d.sock",
		 (int)getpid());
	assert_int_equal(stream_open(name, 0, &c, err, sizeof err), -ENOENT);
	assert_non_null(strstr(err, "No such file"));
}

/* ---- TLS ---- */

static char pki[64];

/* A CA and a certificate signed by it for 'who', in 'pki'. */
static void make_cert(const char *ca, const char *who)
{
	char cmd[1024];

	snprintf(cmd, sizeof cmd,
		 "cd %s && openssl req -newkey rsa:2048 -nodes -keyout %s-key.pem"
		 " -subj /CN=%s -out %s.csr 2>/dev/null >&2 && "
		 "openssl x509 -req -in %s.csr -CA %s-cacert.pem -CAkey "
		 "%s-cakey.pem -CAcreateserial -days 2 -out %s-cert.pem "
		 "2>/dev/null >&2", pki, who, who, who, who, ca, ca, who);
	assert_int_equal(system(cmd), 0);
}

static void make_ca(const char *ca)
{
	char cmd[512];

	snprintf(cmd, sizeof cmd,
		 "cd %s && openssl req -x509 -newkey rsa:2048 -nodes -keyout "
		 "%s-cakey.pem -out %s-cacert.pem -days 2 -subj /CN=%s "
		 "2>/dev/null >&2", pki, ca, ca, ca);
	assert_int_equal(system(cmd), 0);
}

static char *pki_path(const char *file)
{
	static char paths[4][128];
	static int next;
	char *p = paths[next++ % 4];

	snprintf(p, 128, "%s/%s", pki, file);
	return p;
}

static int tls_setup(void **state)
{
	snprintf(pki, sizeof pki, "/tmp/weir-test-pki-%d", (int)getpid());
	if (mkdir(pki, 0700))
		return -1;
	make_ca("ca");
	make_cert("ca", "switch");
	make_ca("other");
	make_cert("other", "stranger");
	return 0;
}

static int tls_teardown(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf %s", pki);
	return system(cmd) ? -1 : 0;
}

static void use_identity(const char *who, const char *ca)
{
	char key[64], cert[64], cacert[64];

	snprintf(key, sizeof key, "%s-key.pem", who);
	snprintf(cert, sizeof cert, "%s-cert.pem", who);
	snprintf(cacert, sizeof cacert, "%s-cacert.pem", ca);
	if (stream_ssl_configure(pki_path(key), pki_path(cert),
				 pki_path(cacert), err, sizeof err))
		fail_msg("%s", err);
}

static void test_ssl_config_errors(void **state)
{
	assert_int_equal(stream_ssl_configure(NULL, "c", "ca", err,
					      sizeof err), -EINVAL);
	assert_non_null(strstr(err, "must all be given"));
	assert_int_equal(stream_ssl_configure(pki_path("switch-key.pem"),
					      pki_path("none.pem"),
					      pki_path("ca-cacert.pem"), err,
					      sizeof err), -EINVAL);
	assert_non_null(strstr(err, "cannot load certificate"));
	assert_int_equal(stream_ssl_configure(pki_path("stranger-key.pem"),
					      pki_path("switch-cert.pem"),
					      pki_path("ca-cacert.pem"), err,
					      sizeof err), -EINVAL);
	if (!strstr(err, "does not match"))
		fail_msg("%s", err);
}

static void test_ssl(void **state)
{
	use_identity("switch", "ca");
	connect_pair("pssl:0:127.0.0.1", "ssl:%s:%u", "127.0.0.1");
}

/* The server trusts only "ca"; a client whose certificate another CA
 * signed fails the handshake, and so does the server's side. */
static void test_ssl_stranger(void **state)
{
	struct pstream *ps;
	struct stream *c, *s;
	char name[64];
	int rc_c = -EAGAIN, rc_s = -EAGAIN;
	time_t end = time(NULL) + 5;

	use_identity("switch", "ca");
	assert_int_equal(pstream_open("pssl:0:127.0.0.1", 0, &ps, err,
				      sizeof err), 0);
	snprintf(name, sizeof name, "ssl:127.0.0.1:%u", pstream_port(ps));
	/* The listener's context is taken per accepted stream: switch the
	 * process identity to the stranger's for the client side. */
	use_identity("stranger", "ca");
	assert_int_equal(stream_open(name, 0, &c, err, sizeof err), 0);
	{
		/* Connected: the next step attaches TLS, with this identity. */
		struct pollfd p = { stream_fd(c), POLLOUT, 0 };

		assert_int_equal(poll(&p, 1, 5000), 1);
		rc_c = stream_connect(c);
		assert_int_equal(rc_c, -EAGAIN);
	}
	use_identity("switch", "ca");
	s = accept_one(ps, c);
	while ((rc_c == -EAGAIN || rc_s == -EAGAIN) && time(NULL) < end) {
		struct pollfd p[2] = {
			{ stream_fd(c), stream_poll_events(c, 0), 0 },
			{ stream_fd(s), stream_poll_events(s, 0), 0 },
		};

		poll(p, 2, 50);
		if (rc_c == -EAGAIN)
			rc_c = stream_connect(c);
		if (rc_s == -EAGAIN)
			rc_s = stream_connect(s);
	}
	assert_int_not_equal(rc_s, 0);
	assert_int_not_equal(rc_s, -EAGAIN);
	/* A TLS 1.3 client finishes before the server checks its
	 * certificate: the refusal then ends its first read. */
	if (!rc_c) {
		char buf[8];
		ssize_t r = -EAGAIN;

		end = time(NULL) + 5;
		while (r == -EAGAIN && time(NULL) < end) {
			struct pollfd p = { stream_fd(c), POLLIN, 0 };

			poll(&p, 1, 50);
			r = stream_recv(c, buf, sizeof buf);
		}
		rc_c = r;
	}
	assert_true(rc_c < 0 && rc_c != -EAGAIN);
	stream_close(c);
	stream_close(s);
	pstream_close(ps);
}

/* JSON-RPC over TLS: a client's blocking transaction answered by a server
 * thread that echoes the params back. */
static void *echo_server(void *arg)
{
	struct pstream *ps = arg;
	struct stream *s = NULL;
	struct jsonrpc *rpc;
	struct jsonrpc_msg *msg = NULL;
	time_t end = time(NULL) + 5;

	while (pstream_accept(ps, &s) && time(NULL) < end)
		usleep(10000);
	if (!s)
		return NULL;
	rpc = jsonrpc_open_stream(s, 1 << 20);
	while (time(NULL) < end) {
		int rc = jsonrpc_recv(rpc, &msg);

		if (!rc)
			break;
		if (rc != -EAGAIN && rc != -EBADMSG)
			break;
		usleep(10000);
	}
	if (msg) {
		struct jsonrpc_msg *reply;

		reply = jsonrpc_create_reply(json_incref(msg->params), msg->id);
		jsonrpc_send(rpc, reply);
		while (jsonrpc_backlog(rpc) && time(NULL) < end) {
			usleep(10000);
			jsonrpc_flush(rpc);
		}
		jsonrpc_msg_destroy(reply);
		jsonrpc_msg_destroy(msg);
	}
	usleep(100000);
	jsonrpc_close(rpc);
	return NULL;
}

static void test_jsonrpc_over_ssl(void **state)
{
	struct pstream *ps;
	struct stream *c;
	struct jsonrpc *rpc;
	struct jsonrpc_msg *req, *reply = NULL;
	pthread_t tid;
	char name[64];

	use_identity("switch", "ca");
	assert_int_equal(pstream_open("pssl:0:127.0.0.1", 0, &ps, err,
				      sizeof err), 0);
	snprintf(name, sizeof name, "ssl:localhost:%u", pstream_port(ps));
	assert_int_equal(pthread_create(&tid, NULL, echo_server, ps), 0);
	assert_int_equal(stream_open(name, 0, &c, err, sizeof err), 0);
	rpc = jsonrpc_open_stream(c, 1 << 20);
	req = jsonrpc_create_request("echo", json_pack("[s, i]", "weir", 7),
				     json_integer(1));
	assert_int_equal(jsonrpc_transact(rpc, req, 5000, &reply), 0);
	assert_int_equal(reply->type, JSONRPC_REPLY);
	assert_true(json_equal(reply->result, req->params));
	jsonrpc_msg_destroy(req);
	jsonrpc_msg_destroy(reply);
	jsonrpc_close(rpc);
	pthread_join(tid, NULL);
	pstream_close(ps);
}

int main(void)
{
	const struct CMUnitTest plain[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_tcp),
		cmocka_unit_test(test_tcp6),
		cmocka_unit_test(test_tcp_by_name),
		cmocka_unit_test(test_unix),
		cmocka_unit_test(test_refused),
	};
	const struct CMUnitTest tls[] = {
		cmocka_unit_test(test_ssl_config_errors),
		cmocka_unit_test(test_ssl),
		cmocka_unit_test(test_ssl_stranger),
		cmocka_unit_test(test_jsonrpc_over_ssl),
	};
	int failed = cmocka_run_group_tests_name("stream", plain, NULL, NULL);

	return failed + cmocka_run_group_tests_name("stream-tls", tls,
						    tls_setup, tls_teardown);
}
