/* OpenFlow channels over a unix socket: version agreed from HELLOs (with
 * and without bitmaps, and none in common), messages that arrive split or
 * several in one read, a bad length, the peer gone mid-message, and a
 * blocking transaction that answers an echo request on the way. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cmocka.h>

#include "bytebuf.h"
#include "ofp-hello.h"
#include "stream.h"
#include "vconn.h"

#define V10 OFP_VERSION_BIT(1)
#define V13 OFP_VERSION_BIT(4)
#define V14 OFP_VERSION_BIT(5)
#define V15 OFP_VERSION_BIT(6)

/* Two vconns joined by a socketpair. */
static void pair(uint32_t va, uint32_t vb, struct vconn **a, struct vconn **b)
{
	int fds[2];

	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0,
				    fds), 0);
	*a = vconn_from_stream(stream_from_fd(fds[0], "unix:a"), va);
	*b = vconn_from_stream(stream_from_fd(fds[1], "unix:b"), vb);
}

/* Steps both until neither says -EAGAIN; returns their results. */
static void connect_both(struct vconn *a, struct vconn *b, int *ra, int *rb)
{
	*ra = *rb = -EAGAIN;
	for (int i = 0; i < 100 && (*ra == -EAGAIN || *rb == -EAGAIN); i++) {
		if (*ra == -EAGAIN)
			*ra = vconn_connect(a);
		if (*rb == -EAGAIN)
			*rb = vconn_connect(b);
	}
}

static void expect_version(uint32_t va, uint32_t vb, uint8_t want)
{
	struct vconn *a, *b;
	int ra, rb;

	pair(va, vb, &a, &b);
	connect_both(a, b, &ra, &rb);
	if (want) {
		assert_int_equal(ra, 0);
		assert_int_equal(rb, 0);
		assert_int_equal(vconn_version(a), want);
		assert_int_equal(vconn_version(b), want);
	} else {
		assert_int_equal(ra, -EPROTO);
		assert_int_equal(rb, -EPROTO);
		assert_non_null(strstr(vconn_error(a), "no common versions"));
	}
	vconn_close(a);
	vconn_close(b);
}

static void test_negotiation(void **state)
{
	expect_version(V10 | V13, V10 | V13, 4);
	expect_version(V10 | V13 | V14 | V15, V10 | V13, 4);   /* bitmap */
	expect_version(ofp_hello_versions_upto(6), ofp_hello_versions_upto(4),
		       4);                                      /* header */
	expect_version(V10, V13, 0);
	expect_version(V10 | V15, V13 | V14, 0);
}

/* An 8-byte header of 'type' and 'len', then len - 8 bytes of body. */
static size_t make_msg(uint8_t *buf, uint8_t type, uint16_t len, uint32_t xid)
{
	buf[0] = 4;
	buf[1] = type;
	buf[2] = len >> 8;
	buf[3] = len;
	buf[4] = xid >> 24;
	buf[5] = xid >> 16;
	buf[6] = xid >> 8;
	buf[7] = xid;
	for (size_t i = 8; i < len; i++)
		buf[i] = (uint8_t)i;
	return len;
}

static int recv_one(struct vconn *vc, struct bytebuf *msg)
{
	int error = -EAGAIN;

	for (int i = 0; i < 100 && error == -EAGAIN; i++)
		error = vconn_recv(vc, msg);
	return error;
}

/* Raw bytes straight onto the socket under 'b', after the HELLOs. */
static void test_framing(void **state)
{
	uint8_t buf[3000];
	struct bytebuf msg = BYTEBUF_INITIALIZER;
	struct vconn *a, *b;
	int fds[2], ra, rb;

	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0,
				    fds), 0);
	a = vconn_from_stream(stream_from_fd(fds[0], "unix:a"), V13);
	b = vconn_from_stream(stream_from_fd(dup(fds[1]), "unix:b"), V13);
	connect_both(a, b, &ra, &rb);
	assert_int_equal(ra, 0);

	/* One message in three writes: nothing until it is whole. */
	make_msg(buf, 2, 1000, 7);
	assert_int_equal(write(fds[1], buf, 3), 3);
	assert_int_equal(vconn_recv(a, &msg), -EAGAIN);
	assert_int_equal(write(fds[1], buf + 3, 500), 500);
	assert_int_equal(vconn_recv(a, &msg), -EAGAIN);
	assert_int_equal(write(fds[1], buf + 503, 497), 497);
	assert_int_equal(recv_one(a, &msg), 0);
	assert_int_equal(msg.size, 1000);
	assert_memory_equal(msg.data, buf, 1000);

	/* Three messages in one write: three receives. */
	size_t n = make_msg(buf, 2, 8, 1);
	n += make_msg(buf + n, 3, 16, 2);
	n += make_msg(buf + n, 2, 24, 3);
	assert_int_equal(write(fds[1], buf, n), (ssize_t)n);
	for (uint32_t xid = 1; xid <= 3; xid++) {
		assert_int_equal(recv_one(a, &msg), 0);
		assert_int_equal(msg.size, 8 * xid);
		assert_int_equal(msg.data[7], xid);
	}
	assert_int_equal(vconn_recv(a, &msg), -EAGAIN);

	/* A length below the header: the channel is over. */
	make_msg(buf, 2, 8, 9);
	buf[3] = 4;
	assert_int_equal(write(fds[1], buf, 8), 8);
	assert_int_equal(recv_one(a, &msg), -EPROTO);
	assert_non_null(strstr(vconn_error(a), "below the header"));
	vconn_close(a);
	vconn_close(b);
	close(fds[1]);
	bytebuf_uninit(&msg);
}

static void test_eof_mid_message(void **state)
{
	uint8_t buf[64];
	struct bytebuf msg = BYTEBUF_INITIALIZER;
	struct vconn *a, *b;
	int fds[2], ra, rb;

	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0,
				    fds), 0);
	a = vconn_from_stream(stream_from_fd(fds[0], "unix:a"), V13);
	b = vconn_from_stream(stream_from_fd(dup(fds[1]), "unix:b"), V13);
	connect_both(a, b, &ra, &rb);
	make_msg(buf, 2, 64, 1);
	assert_int_equal(write(fds[1], buf, 20), 20);
	vconn_close(b);
	close(fds[1]);
	assert_int_equal(recv_one(a, &msg), -EPIPE);
	assert_non_null(strstr(vconn_error(a), "middle of a message"));
	vconn_close(a);
	bytebuf_uninit(&msg);
}

/* The peer answers a request only after an echo request of its own, which
 * vconn_transact() must answer while it waits. */
static void test_transact_answers_echo(void **state)
{
	uint8_t req[8], echo[12], reply[16];
	struct bytebuf msg = BYTEBUF_INITIALIZER;
	struct vconn *a, *b;
	int ra, rb;

	pair(V13, V13, &a, &b);
	connect_both(a, b, &ra, &rb);
	make_msg(echo, 2, 12, 77);
	make_msg(reply, 21, 16, 5);          /* BARRIER_REPLY */
	assert_int_equal(vconn_send(b, echo, 12), 0);
	assert_int_equal(vconn_send(b, reply, 16), 0);
	make_msg(req, 20, 8, 5);             /* BARRIER_REQUEST */
	assert_int_equal(vconn_transact(a, req, 8, &msg, 2000), 0);
	assert_int_equal(msg.size, 16);
	assert_int_equal(msg.data[1], 21);
	/* b sees the request, then the echo reply, xid and body kept. */
	assert_int_equal(recv_one(b, &msg), 0);
	assert_int_equal(msg.data[1], 20);
	assert_int_equal(recv_one(b, &msg), 0);
	assert_int_equal(msg.data[1], 3);
	assert_int_equal(msg.data[7], 77);
	assert_int_equal(msg.size, 12);
	vconn_close(a);
	vconn_close(b);
	bytebuf_uninit(&msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_negotiation),
		cmocka_unit_test(test_framing),
		cmocka_unit_test(test_eof_mid_message),
		cmocka_unit_test(test_transact_answers_echo),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
