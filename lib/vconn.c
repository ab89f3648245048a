#include "vconn.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bytebuf.h"
#include "ofp-hello.h"
#include "ofp-msgs.h"
#include "ofp-version.h"
#include "stream.h"
#include "xalloc.h"

#define OFPT_HELLO 0            /* the same number in every version */
#define OFPT_ECHO_REQUEST 2
#define OFPT_ECHO_REPLY 3

enum vconn_state {
	VCONN_CONNECTING,               /* the stream is not up yet */
	VCONN_HELLO,                    /* ours sent, waiting for theirs */
	VCONN_OPEN,
	VCONN_FAILED,
};

struct vconn {
	struct stream *stream;
	enum vconn_state state;
	int error;                      /* FAILED: -errno */
	uint32_t versions;
	uint8_t version;
	struct bytebuf in;              /* bytes received, not yet a message */
	struct bytebuf out;             /* out.data[out_ofs..size) unsent */
	size_t out_ofs;
	char why[256];
};

struct pvconn {
	struct pstream *ps;
	uint32_t versions;
};

struct vconn *vconn_from_stream(struct stream *s, uint32_t versions)
{
	struct vconn *vc = xcalloc(1, sizeof *vc);

	vc->stream = s;
	vc->versions = versions;
	vc->state = VCONN_CONNECTING;
	return vc;
}

int vconn_open(const char *name, uint32_t versions, struct vconn **vcp,
	       char *err, size_t size)
{
	struct stream *s;
	int error = stream_open(name, OFP_DEFAULT_PORT, &s, err, size);

	if (error)
		return error;
	*vcp = vconn_from_stream(s, versions);
	return 0;
}

static int vconn_fail(struct vconn *vc, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int vconn_fail(struct vconn *vc, int error, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(vc->why, sizeof vc->why, fmt, args);
	va_end(args);
	vc->state = VCONN_FAILED;
	vc->error = error;
	return error;
}

static void queue(struct vconn *vc, const void *p, size_t n)
{
	if (vc->out_ofs == vc->out.size) {
		bytebuf_clear(&vc->out);
		vc->out_ofs = 0;
	}
	bytebuf_put(&vc->out, p, n);
}

int vconn_flush(struct vconn *vc)
{
	while (vc->out_ofs < vc->out.size) {
		ssize_t n = stream_send(vc->stream, vc->out.data + vc->out_ofs,
					vc->out.size - vc->out_ofs);

		if (n == -EAGAIN)
			return 0;
		if (n < 0)
			return vconn_fail(vc, n, "send: %s", strerror(-n));
		vc->out_ofs += n;
	}
	return 0;
}

size_t vconn_backlog(const struct vconn *vc)
{
	return vc->out.size - vc->out_ofs;
}

/* Moves one whole message from 'in' to 'msg': 0, or -EAGAIN if the bytes
 * so far are not one yet. */
static int take_message(struct vconn *vc, struct bytebuf *msg)
{
	size_t len;

	if (vc->in.size < sizeof(struct ofp_header))
		return -EAGAIN;
	len = (size_t)vc->in.data[2] << 8 | vc->in.data[3];
	if (len < sizeof(struct ofp_header))
		return vconn_fail(vc, -EPROTO, "message length %zu is below "
				  "the header's 8 bytes", len);
	if (vc->in.size < len)
		return -EAGAIN;
	bytebuf_clear(msg);
	bytebuf_put(msg, vc->in.data, len);
	memmove(vc->in.data, vc->in.data + len, vc->in.size - len);
	vc->in.size -= len;
	return 0;
}

/* Reads what the stream has: 0 if something came, -EAGAIN, or -errno. */
static int fill(struct vconn *vc)
{
	ssize_t n;

	bytebuf_reserve(&vc->in, 65536);
	n = stream_recv(vc->stream, vc->in.data + vc->in.size,
			vc->in.allocated - vc->in.size);
	if (n > 0) {
		vc->in.size += n;
		return 0;
	}
	if (n == 0)
		return vconn_fail(vc, -EPIPE, "%s", vc->in.size
				  ? "connection closed in the middle of a "
				    "message" : "connection closed");
	if (n == -EAGAIN)
		return n;
	return vconn_fail(vc, n, "receive: %s", strerror(-n));
}

static int recv_raw(struct vconn *vc, struct bytebuf *msg)
{
	for (;;) {
		int error = take_message(vc, msg);

		if (error != -EAGAIN)
			return error;
		error = fill(vc);
		if (error)
			return error;
	}
}

/* Their HELLO: the version both speak, or a HELLO_FAILED error to them. */
static int hello_received(struct vconn *vc, const struct bytebuf *msg)
{
	struct ofpmsg m = {
		.type = OFPTYPE_HELLO,
		.version = msg->data[0],
		.body = msg->data + sizeof(struct ofp_header),
		.body_len = msg->size - sizeof(struct ofp_header),
	};
	struct ofp_hello peer;
	char *text;

	if (msg->data[1] != OFPT_HELLO)
		return vconn_fail(vc, -EPROTO, "the peer's first message is "
				  "type %u, not HELLO", msg->data[1]);
	ofp_hello_decode(&m, &peer);
	vc->version = ofp_hello_negotiate(vc->versions, &peer);
	if (vc->version)
		return 0;
	{
		struct bytebuf err = BYTEBUF_INITIALIZER;

		ofp_hello_encode_failure(&err, vc->versions, &peer);
		queue(vc, err.data, err.size);
		bytebuf_uninit(&err);
		vconn_flush(vc);
	}
	text = ofp_hello_incompatible_text(vc->versions, peer.versions);
	vconn_fail(vc, -EPROTO, "%s", text);
	free(text);
	return -EPROTO;
}

static int send_hello(struct vconn *vc)
{
	struct bytebuf hello = BYTEBUF_INITIALIZER;

	ofp_hello_encode(&hello, vc->versions, 0);
	queue(vc, hello.data, hello.size);
	bytebuf_uninit(&hello);
	vc->state = VCONN_HELLO;
	return vconn_flush(vc);
}

int vconn_connect(struct vconn *vc)
{
	struct bytebuf msg = BYTEBUF_INITIALIZER;
	int error;

	switch (vc->state) {
	case VCONN_CONNECTING:
		error = stream_connect(vc->stream);
		if (error == -EAGAIN)
			return error;
		if (error)
			return vconn_fail(vc, error, "connect: %s",
					  strerror(-error));
		error = send_hello(vc);
		if (error)
			return error;
		/* fall through */
	case VCONN_HELLO:
		error = vconn_flush(vc);
		if (!error)
			error = recv_raw(vc, &msg);
		if (!error)
			error = hello_received(vc, &msg);
		bytebuf_uninit(&msg);
		if (!error)
			vc->state = VCONN_OPEN;
		return error;
	case VCONN_OPEN:
		return 0;
	default:
		return vc->error;
	}
}

uint8_t vconn_version(const struct vconn *vc)
{
	return vc->state == VCONN_OPEN ? vc->version : 0;
}

int vconn_recv(struct vconn *vc, struct bytebuf *msg)
{
	int error = vconn_connect(vc);

	return error ? error : recv_raw(vc, msg);
}

int vconn_send(struct vconn *vc, const void *msg, size_t len)
{
	int error = vconn_connect(vc);

	if (error && error != -EAGAIN)
		return error;
	queue(vc, msg, len);
	return error ? 0 : vconn_flush(vc);
}

int vconn_fd(const struct vconn *vc)
{
	return stream_fd(vc->stream);
}

short vconn_poll_events(const struct vconn *vc, short wanted)
{
	if (vc->state == VCONN_HELLO)
		wanted |= POLLIN;
	if (vconn_backlog(vc))
		wanted |= POLLOUT;
	return stream_poll_events(vc->stream, wanted);
}

const char *vconn_name(const struct vconn *vc)
{
	return stream_name(vc->stream);
}

const char *vconn_error(const struct vconn *vc)
{
	return vc->why;
}

void vconn_close(struct vconn *vc)
{
	if (!vc)
		return;
	stream_close(vc->stream);
	bytebuf_uninit(&vc->in);
	bytebuf_uninit(&vc->out);
	free(vc);
}

/* ---- blocking use ---- */

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* Waits for 'wanted' until 'deadline' (-1: none): 0 or -ETIMEDOUT. */
static int wait_for(struct vconn *vc, short wanted, long long deadline)
{
	struct pollfd p = { vconn_fd(vc), vconn_poll_events(vc, wanted), 0 };
	long long left = deadline < 0 ? -1 : deadline - now_ms();

	if (stream_pending(vc->stream))
		return 0;
	if (deadline >= 0 && left <= 0)
		return -ETIMEDOUT;
	poll(&p, 1, left > 1 << 30 ? 1 << 30 : (int)left);
	return 0;
}

static long long deadline_of(int timeout_ms)
{
	return timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
}

int vconn_connect_block(struct vconn *vc, int timeout_ms)
{
	long long deadline = deadline_of(timeout_ms);
	int error;

	while ((error = vconn_connect(vc)) == -EAGAIN)
		if (wait_for(vc, POLLIN, deadline))
			return vconn_fail(vc, -ETIMEDOUT, "timed out "
					  "connecting");
	return error;
}

static uint32_t xid_of(const void *msg)
{
	const uint8_t *p = msg;

	return (uint32_t)p[4] << 24 | (uint32_t)p[5] << 16 |
	       (uint32_t)p[6] << 8 | p[7];
}

/* An echo request is answered with its own body and xid. */
static void answer_echo(struct vconn *vc, struct bytebuf *msg)
{
	msg->data[1] = OFPT_ECHO_REPLY;
	vconn_send(vc, msg->data, msg->size);
}

int vconn_transact(struct vconn *vc, const void *request, size_t len,
		   struct bytebuf *reply, int timeout_ms)
{
	long long deadline = deadline_of(timeout_ms);
	int error = vconn_connect_block(vc, timeout_ms);

	if (!error)
		error = vconn_send(vc, request, len);
	while (!error) {
		error = vconn_recv(vc, reply);
		if (error == -EAGAIN) {
			vconn_flush(vc);
			error = wait_for(vc, POLLIN, deadline);
			if (error)
				return vconn_fail(vc, error, "timed out "
						  "waiting for a reply");
			continue;
		}
		if (error)
			break;
		if (xid_of(reply->data) == xid_of(request))
			return vconn_flush(vc);
		if (reply->data[1] == OFPT_ECHO_REQUEST)
			answer_echo(vc, reply);
	}
	return error;
}

/* ---- listeners ---- */

int pvconn_open(const char *name, uint32_t versions, struct pvconn **pvp,
		char *err, size_t size)
{
	struct pstream *ps;
	int error = pstream_open(name, OFP_DEFAULT_PORT, &ps, err, size);

	if (error)
		return error;
	*pvp = xcalloc(1, sizeof **pvp);
	(*pvp)->ps = ps;
	(*pvp)->versions = versions;
	return 0;
}

int pvconn_accept(struct pvconn *pv, struct vconn **vcp)
{
	struct stream *s;
	int error = pstream_accept(pv->ps, &s);

	if (!error)
		*vcp = vconn_from_stream(s, pv->versions);
	return error;
}

int pvconn_fd(const struct pvconn *pv)
{
	return pstream_fd(pv->ps);
}

unsigned short pvconn_port(const struct pvconn *pv)
{
	return pstream_port(pv->ps);
}

void pvconn_close(struct pvconn *pv)
{
	if (!pv)
		return;
	pstream_close(pv->ps);
	free(pv);
}
