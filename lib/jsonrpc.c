/* A JSON-RPC connection: a stream, the framer for what comes in, and a
 * queue of bytes for what goes out (a reply the peer is slow to read must
 * not block the daemon's loop). */
#include "jsonrpc.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "stream.h"
#include "xalloc.h"

struct jsonrpc {
	struct stream *stream;
	struct json_stream in;
	char *out;              /* unsent bytes: out[out_ofs..out_len) */
	size_t out_len, out_ofs, out_cap;
	char error[256];
};

struct jsonrpc *jsonrpc_open_stream(struct stream *stream, size_t max_msg)
{
	struct jsonrpc *rpc = xcalloc(1, sizeof *rpc);

	rpc->stream = stream;
	json_stream_init(&rpc->in, max_msg);
	return rpc;
}

struct jsonrpc *jsonrpc_open(int fd, size_t max_msg)
{
	return jsonrpc_open_stream(stream_from_fd(fd, "unix:"), max_msg);
}

void jsonrpc_close(struct jsonrpc *rpc)
{
	if (!rpc)
		return;
	stream_close(rpc->stream);
	json_stream_destroy(&rpc->in);
	free(rpc->out);
	free(rpc);
}

int jsonrpc_fd(const struct jsonrpc *rpc)
{
	return stream_fd(rpc->stream);
}

struct stream *jsonrpc_stream(const struct jsonrpc *rpc)
{
	return rpc->stream;
}

const char *jsonrpc_error(const struct jsonrpc *rpc)
{
	return rpc->error;
}

size_t jsonrpc_backlog(const struct jsonrpc *rpc)
{
	return rpc->out_len - rpc->out_ofs;
}

static void jsonrpc_queue(struct jsonrpc *rpc, const char *s, size_t n)
{
	if (rpc->out_ofs == rpc->out_len)
		rpc->out_ofs = rpc->out_len = 0;
	rpc->out = xgrow(rpc->out, &rpc->out_cap, rpc->out_len + n);
	memcpy(rpc->out + rpc->out_len, s, n);
	rpc->out_len += n;
}

int jsonrpc_flush(struct jsonrpc *rpc)
{
	while (rpc->out_ofs < rpc->out_len) {
		ssize_t n = stream_send(rpc->stream, rpc->out + rpc->out_ofs,
					rpc->out_len - rpc->out_ofs);
		if (n < 0)
			return n == -EAGAIN ? 0 : (int)n;
		rpc->out_ofs += n;
	}
	return 0;
}

int jsonrpc_send(struct jsonrpc *rpc, const struct jsonrpc_msg *msg)
{
	json_t *json = jsonrpc_msg_to_json(msg);
	char *s = json_dumps(json, JSON_COMPACT);

	json_decref(json);
	if (!s)
		return -ENOMEM;
	jsonrpc_queue(rpc, s, strlen(s));
	free(s);
	return jsonrpc_flush(rpc);
}

/* Takes a complete message out of what was read, if there is one. */
static int jsonrpc_parse(struct jsonrpc *rpc, struct jsonrpc_msg **msg)
{
	json_t *json;
	int error = json_stream_next(&rpc->in, &json);

	if (error) {
		if (error != -EAGAIN)
			snprintf(rpc->error, sizeof rpc->error,
				 "malformed JSON: %s", rpc->in.error);
		return error;
	}
	error = jsonrpc_msg_from_json(json, msg, rpc->error,
				      sizeof rpc->error);
	json_decref(json);
	return error ? -EBADMSG : 0;
}

/* Reads what the socket has; 0, -EAGAIN if nothing, or why it is over. */
static int jsonrpc_read(struct jsonrpc *rpc)
{
	char buf[4096];
	ssize_t n = stream_recv(rpc->stream, buf, sizeof buf);

	if (n > 0) {
		json_stream_feed(&rpc->in, buf, n);
		return 0;
	}
	if (n == 0) {
		snprintf(rpc->error, sizeof rpc->error, "%s",
			 json_stream_pending(&rpc->in)
			 ? "connection closed in the middle of a message"
			 : "connection closed");
		return -EPIPE;
	}
	if (n == -EAGAIN)
		return -EAGAIN;
	snprintf(rpc->error, sizeof rpc->error, "%s", strerror((int)-n));
	return (int)n;
}

int jsonrpc_recv(struct jsonrpc *rpc, struct jsonrpc_msg **msg)
{
	*msg = NULL;
	for (;;) {
		int error = jsonrpc_parse(rpc, msg);
		if (error != -EAGAIN)
			return error;
		error = jsonrpc_read(rpc);
		if (error)
			return error;
	}
}

static long long jsonrpc_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* Waits for 'events' until 'deadline' (ms, or -1 for none). */
static int jsonrpc_wait(struct jsonrpc *rpc, short events, long long deadline)
{
	int timeout = -1;
	struct pollfd pfd = {
		.fd = stream_fd(rpc->stream),
		.events = stream_poll_events(rpc->stream, events),
	};

	if (stream_pending(rpc->stream))
		return 0;
	if (deadline >= 0) {
		long long left = deadline - jsonrpc_now_ms();
		if (left <= 0)
			return -ETIMEDOUT;
		timeout = left > 1 << 30 ? 1 << 30 : (int)left;
	}
	int n = poll(&pfd, 1, timeout);
	if (n < 0)
		return errno == EINTR ? 0 : -errno;
	return n ? 0 : -ETIMEDOUT;
}

static int jsonrpc_send_block(struct jsonrpc *rpc,
			      const struct jsonrpc_msg *msg, long long deadline)
{
	int error = jsonrpc_send(rpc, msg);

	while (!error && jsonrpc_backlog(rpc)) {
		error = jsonrpc_wait(rpc, POLLOUT, deadline);
		if (!error)
			error = jsonrpc_flush(rpc);
	}
	return error;
}

static bool jsonrpc_answers(const struct jsonrpc_msg *msg,
			    const struct jsonrpc_msg *request)
{
	return (msg->type == JSONRPC_REPLY || msg->type == JSONRPC_ERROR) &&
	       json_equal(msg->id, request->id);
}

int jsonrpc_transact(struct jsonrpc *rpc, const struct jsonrpc_msg *request,
		     int timeout_ms, struct jsonrpc_msg **reply)
{
	long long deadline = timeout_ms < 0 ? -1
					    : jsonrpc_now_ms() + timeout_ms;
	int error = jsonrpc_send_block(rpc, request, deadline);

	*reply = NULL;
	while (!error) {
		struct jsonrpc_msg *msg;
		error = jsonrpc_recv(rpc, &msg);
		if (error == -EAGAIN) {
			error = jsonrpc_wait(rpc, POLLIN, deadline);
		} else if (!error && jsonrpc_answers(msg, request)) {
			*reply = msg;
			return 0;
		} else {
			/* A notification, or a reply to someone else. */
			jsonrpc_msg_destroy(msg);
		}
	}
	return error;
}
