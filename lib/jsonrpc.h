/* JSON-RPC 1.0 over a stream socket, as ovs-appctl and OVSDB speak it:
 * messages are JSON objects, one after another, with no other framing.
 *
 *   request        {"method": M, "params": [...], "id": ID}
 *   notification   {"method": M, "params": [...], "id": null}
 *   reply          {"result": R, "error": null, "id": ID}
 *   error          {"result": null, "error": E, "id": ID}
 *
 * A connection reads and writes without blocking (for an event loop) or,
 * for a command-line client, blocking with a timeout. */
#ifndef WEIR_JSONRPC_H
#define WEIR_JSONRPC_H 1

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "json-stream.h"

enum jsonrpc_msg_type {
	JSONRPC_REQUEST,
	JSONRPC_NOTIFY,
	JSONRPC_REPLY,
	JSONRPC_ERROR,
};

/* A message; members the type does not use are NULL.  The message owns
 * its references. */
struct jsonrpc_msg {
	enum jsonrpc_msg_type type;
	char *method;
	json_t *params;         /* an array */
	json_t *result;
	json_t *error;
	json_t *id;
};

/* Constructors take ownership of the json_t arguments ('id' is copied). */
struct jsonrpc_msg *jsonrpc_create_request(const char *method,
					   json_t *params, json_t *id);
struct jsonrpc_msg *jsonrpc_create_reply(json_t *result, const json_t *id);
struct jsonrpc_msg *jsonrpc_create_error(json_t *error, const json_t *id);
void jsonrpc_msg_destroy(struct jsonrpc_msg *);

/* Checks that 'json' is a well-formed message.  Returns 0 with '*msg', or
 * -EPROTO with the reason in 'err' (and '*msg' NULL); 'json' stays the
 * caller's. */
int jsonrpc_msg_from_json(const json_t *json, struct jsonrpc_msg **msg,
			  char *err, size_t err_size);
json_t *jsonrpc_msg_to_json(const struct jsonrpc_msg *);

/* A connection over a stream (stream.h), which it owns. */
struct jsonrpc;
struct stream;

/* 'max_msg' bounds the size of one received message.  The stream may
 * still be connecting: sends queue until it is up. */
struct jsonrpc *jsonrpc_open_stream(struct stream *, size_t max_msg);
/* Over a connected stream socket 'fd'. */
struct jsonrpc *jsonrpc_open(int fd, size_t max_msg);
void jsonrpc_close(struct jsonrpc *);
/* What to poll: it may change while the stream connects. */
int jsonrpc_fd(const struct jsonrpc *);
struct stream *jsonrpc_stream(const struct jsonrpc *);
/* Why the last receive failed, for logs and error replies. */
const char *jsonrpc_error(const struct jsonrpc *);

/* Queues 'msg' (kept by the caller) and writes what the socket takes
 * without blocking.  Returns 0 or -errno. */
int jsonrpc_send(struct jsonrpc *, const struct jsonrpc_msg *);
/* Writes queued bytes without blocking: 0 or -errno. */
int jsonrpc_flush(struct jsonrpc *);
size_t jsonrpc_backlog(const struct jsonrpc *);

/* Receives the next message without blocking:
 *   0          '*msg' is a message the caller destroys;
 *   -EAGAIN    nothing complete yet;
 *   -EBADMSG   a message was not valid JSON, or not JSON-RPC: it is
 *              dropped (jsonrpc_error() says why) and the connection goes
 *              on;
 *   other      the connection is over: -EPIPE at end of stream, -EMSGSIZE
 *              or -EPROTO when the framing is lost, else a socket error. */
int jsonrpc_recv(struct jsonrpc *, struct jsonrpc_msg **msg);

/* Blocking use, for clients: sends 'request' and waits up to 'timeout_ms'
 * (-1: forever) for the reply or error with the same id, which it returns
 * in '*reply'.  Returns 0 or -errno (-ETIMEDOUT). */
int jsonrpc_transact(struct jsonrpc *, const struct jsonrpc_msg *request,
		     int timeout_ms, struct jsonrpc_msg **reply);

#endif /* WEIR_JSONRPC_H */
