#include "dbd-server.h"

#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "dbd-db.h"
#include "dbd-lock.h"
#include "dbd-monitor.h"
#include "dbd-txn.h"
#include "jsonrpc.h"
#include "log.h"
#include "poll-loop.h"
#include "stream.h"
#include "xalloc.h"

#define DBD_MAX_MSG (64u << 20)         /* largest request taken */
#define DBD_MAX_BACKLOG (256u << 20)    /* unread replies before we give up */
#define DBD_BEHIND (1u << 20)           /* unread bytes: monitors hold back */

struct dbd_listener {
	struct dbd_server *server;
	struct pstream *ps;
};

struct dbd_session {
	struct dbd_server *server;
	struct jsonrpc *rpc;            /* for what comes in */
	int fd;                         /* as registered with the loop */
	bool dropped;                   /* over the backlog bound */
	/* What goes out, queued here so that the messages of one loop round
	 * leave in one write: out[out_ofs..out_len). */
	char *out;
	size_t out_len, out_ofs, out_cap;
	struct dbd_session *prev, *next;
};

struct dbd_server {
	struct poll_loop *loop;
	struct dbd_db **dbs;
	size_t n_dbs, cap_dbs;
	struct dbd_listener **listeners;
	size_t n_listeners, cap_listeners;
	struct dbd_session sessions;    /* list head */
	size_t n_sessions;
	struct dbd_locks *locks;
	struct dbd_txns *txns;
	struct dbd_monitors *monitors;
};

static void session_locked(struct dbd_session *s, const char *name)
{
	dbd_session_notify(s, "locked", json_pack("[s]", name));
}

static void session_stolen(struct dbd_session *s, const char *name)
{
	dbd_session_notify(s, "stolen", json_pack("[s]", name));
}

static const struct dbd_lock_events lock_events = {
	.locked = session_locked,
	.stolen = session_stolen,
};

struct dbd_server *dbd_server_create(struct poll_loop *loop)
{
	struct dbd_server *srv = xcalloc(1, sizeof *srv);

	srv->loop = loop;
	srv->sessions.prev = srv->sessions.next = &srv->sessions;
	srv->locks = dbd_locks_create(&lock_events);
	srv->txns = dbd_txns_create(srv, loop);
	srv->monitors = dbd_monitors_create();
	return srv;
}

struct dbd_locks *dbd_server_locks(struct dbd_server *srv)
{
	return srv->locks;
}

struct dbd_monitors *dbd_server_monitors(struct dbd_server *srv)
{
	return srv->monitors;
}

struct dbd_txns *dbd_server_txns(struct dbd_server *srv)
{
	return srv->txns;
}

struct dbd_db *const *dbd_server_dbs(const struct dbd_server *srv,
				     size_t *n)
{
	*n = srv->n_dbs;
	return srv->dbs;
}

const struct dbd_db *dbd_server_find_db(const struct dbd_server *srv,
					const char *name)
{
	for (size_t i = 0; i < srv->n_dbs; i++)
		if (!strcmp(srv->dbs[i]->name, name))
			return srv->dbs[i];
	return NULL;
}

struct dbd_db *dbd_server_find_db_mutable(struct dbd_server *srv,
					  const char *name)
{
	return (struct dbd_db *) dbd_server_find_db(srv, name);
}

int dbd_server_add_db(struct dbd_server *srv, struct dbd_db *db)
{
	if (dbd_server_find_db(srv, db->name))
		return -EEXIST;
	srv->dbs = xgrow_n(srv->dbs, &srv->cap_dbs, srv->n_dbs + 1,
			   sizeof *srv->dbs);
	srv->dbs[srv->n_dbs++] = db;
	return 0;
}

size_t dbd_server_n_sessions(const struct dbd_server *srv)
{
	return srv->n_sessions;
}

/* ---- sessions ---- */

static void session_io(int fd, short revents, void *aux);

static void session_close(struct dbd_session *s, const char *why)
{
	struct dbd_server *srv = s->server;

	log_msg(LOG_INFO, "%s: %s", stream_name(jsonrpc_stream(s->rpc)), why);
	dbd_lock_release_all(srv->locks, s);
	dbd_txns_session_closed(srv->txns, s);
	dbd_monitors_session_closed(srv->monitors, s);
	poll_loop_remove(srv->loop, s->fd);
	s->prev->next = s->next;
	s->next->prev = s->prev;
	srv->n_sessions--;
	jsonrpc_close(s->rpc);
	free(s->out);
	free(s);
}

static size_t session_backlog(const struct dbd_session *s)
{
	return s->out_len - s->out_ofs;
}

/* Watches what the session needs next: replies to send, or requests. */
static void session_watch(struct dbd_session *s)
{
	struct stream *st = jsonrpc_stream(s->rpc);
	short want = POLLIN | (session_backlog(s) ? POLLOUT : 0);

	poll_loop_set_events(s->server->loop, s->fd,
			     stream_poll_events(st, want) | POLLIN);
}

/* What was sent makes room, once it is half of the buffer. */
static void session_compact(struct dbd_session *s)
{
	if (s->out_ofs && s->out_ofs >= session_backlog(s)) {
		memmove(s->out, s->out + s->out_ofs, session_backlog(s));
		s->out_len -= s->out_ofs;
		s->out_ofs = 0;
	}
}

static void session_queue(struct dbd_session *s, const char *p, size_t n)
{
	session_compact(s);
	s->out = xgrow(s->out, &s->out_cap, s->out_len + n);
	memcpy(s->out + s->out_len, p, n);
	s->out_len += n;
}

static int session_queue_json(const char *p, size_t n, void *s)
{
	session_queue(s, p, n);
	return 0;
}

/* Writes what the socket takes without blocking: 0 or -errno. */
static int session_flush(struct dbd_session *s)
{
	while (session_backlog(s)) {
		ssize_t n = stream_send(jsonrpc_stream(s->rpc),
					s->out + s->out_ofs,
					session_backlog(s));

		if (n < 0)
			return n == -EAGAIN ? 0 : (int)n;
		s->out_ofs += n;
	}
	return 0;
}

/* After queueing: a client that reads nothing may also send nothing, so
 * its session gets no callback to close it in; shutting the socket makes
 * one.  Otherwise the loop writes the queue out once the socket takes
 * it. */
static void session_queued(struct dbd_session *s)
{
	if (session_backlog(s) > DBD_MAX_BACKLOG) {
		log_msg(LOG_WARN, "%s: dropped: too many unread messages",
			stream_name(jsonrpc_stream(s->rpc)));
		s->dropped = true;
		shutdown(s->fd, SHUT_RDWR);
		return;
	}
	session_watch(s);
}

static void session_reply(struct dbd_session *s, struct jsonrpc_msg *reply)
{
	json_t *json;
	size_t len;

	if (!reply)
		return;
	json = jsonrpc_msg_to_json(reply);
	jsonrpc_msg_destroy(reply);
	if (s->dropped) {
		json_decref(json);
		return;
	}
	session_compact(s);
	len = s->out_len;		/* no compaction while dumping */
	if (json_dump_callback(json, session_queue_json, s, JSON_COMPACT)) {
		/* Never half a message on the wire. */
		s->out_len = len;
		log_msg(LOG_WARN, "%s: a reply could not be serialized",
			stream_name(jsonrpc_stream(s->rpc)));
	}
	json_decref(json);
}

bool dbd_session_behind(const struct dbd_session *s)
{
	return session_backlog(s) > DBD_BEHIND;
}

void dbd_session_send(struct dbd_session *s, struct jsonrpc_msg *msg)
{
	/* A reply comes after the updates of what came before it. */
	if (msg->type == JSONRPC_REPLY || msg->type == JSONRPC_ERROR)
		dbd_monitors_flush_session(s->server->monitors, s);
	session_reply(s, msg);
	if (!s->dropped)
		session_queued(s);
}

void dbd_session_send_text(struct dbd_session *s, const struct iovec *iov,
			   size_t n)
{
	if (s->dropped)
		return;
	for (size_t i = 0; i < n; i++)
		session_queue(s, iov[i].iov_base, iov[i].iov_len);
	session_queued(s);
}

void dbd_session_notify(struct dbd_session *s, const char *method,
			json_t *params)
{
	dbd_session_send(s, jsonrpc_create_request(method, params, NULL));
}

/* The reply to a request, if it has one now. */
static void session_answer(struct dbd_session *s, struct jsonrpc_msg *reply)
{
	if (!reply)
		return;
	dbd_monitors_flush_session(s->server->monitors, s);
	session_reply(s, reply);
}

/* Notifications get no reply; "cancel" is the only one a server takes. */
static void session_notified(struct dbd_session *s,
			     const struct jsonrpc_msg *msg)
{
	if (!strcmp(msg->method, "cancel") &&
	    json_array_size(msg->params) == 1)
		dbd_txns_cancel(s->server->txns, s,
				json_array_get(msg->params, 0));
}

/* Runs what arrived; false once the session is closed. */
static bool session_receive(struct dbd_session *s)
{
	for (;;) {
		struct jsonrpc_msg *msg;
		int error = jsonrpc_recv(s->rpc, &msg);

		if (error == -EAGAIN)
			return true;
		if (error == -EBADMSG) {
			log_msg(LOG_WARN, "%s: %s",
				stream_name(jsonrpc_stream(s->rpc)),
				jsonrpc_error(s->rpc));
			continue;
		}
		if (error) {
			session_close(s, error == -EPIPE ? "disconnected"
					 : jsonrpc_error(s->rpc));
			return false;
		}
		if (msg->type == JSONRPC_REQUEST)
			session_answer(s, dbd_methods_dispatch(s->server, s,
							       msg));
		else if (msg->type == JSONRPC_NOTIFY)
			session_notified(s, msg);
		jsonrpc_msg_destroy(msg);
	}
}

static void session_io(int fd, short revents, void *aux)
{
	struct dbd_session *s = aux;
	int error;

	if (!session_receive(s))
		return;
	error = session_flush(s);
	if (!error && !session_backlog(s)) {
		/* Caught up: what the monitors held goes now. */
		dbd_monitors_flush_session(s->server->monitors, s);
		error = session_flush(s);
	}
	if (error) {
		session_close(s, strerror(-error));
		return;
	}
	if (session_backlog(s) > DBD_MAX_BACKLOG) {
		session_close(s, "too many unread replies");
		return;
	}
	session_watch(s);
}

static void session_start(struct dbd_server *srv, struct stream *st)
{
	struct dbd_session *s = xcalloc(1, sizeof *s);

	s->server = srv;
	s->rpc = jsonrpc_open_stream(st, DBD_MAX_MSG);
	s->fd = stream_fd(st);
	s->next = &srv->sessions;
	s->prev = srv->sessions.prev;
	s->prev->next = s;
	srv->sessions.prev = s;
	srv->n_sessions++;
	poll_loop_add(srv->loop, s->fd, POLLIN | POLLOUT, session_io, s);
	log_msg(LOG_INFO, "%s: connected", stream_name(st));
}

/* ---- listeners ---- */

static void listener_accept(int fd, short revents, void *aux)
{
	struct dbd_listener *l = aux;
	struct stream *st;

	while (!pstream_accept(l->ps, &st))
		session_start(l->server, st);
}

int dbd_server_listen(struct dbd_server *srv, const char *name, char *err,
		      size_t size)
{
	struct dbd_listener *l;
	struct pstream *ps;
	int error = pstream_open(name, 6640, &ps, err, size);

	if (error)
		return error;
	l = xcalloc(1, sizeof *l);
	l->server = srv;
	l->ps = ps;
	srv->listeners = xgrow_n(srv->listeners, &srv->cap_listeners,
				 srv->n_listeners + 1,
				 sizeof *srv->listeners);
	srv->listeners[srv->n_listeners++] = l;
	poll_loop_add(srv->loop, pstream_fd(ps), POLLIN, listener_accept, l);
	return 0;
}

void dbd_server_log_listeners(const struct dbd_server *srv)
{
	for (size_t i = 0; i < srv->n_listeners; i++) {
		const struct pstream *ps = srv->listeners[i]->ps;

		if (pstream_port(ps))
			log_msg(LOG_INFO, "listening on %s (port %u)",
				pstream_name(ps), pstream_port(ps));
		else
			log_msg(LOG_INFO, "listening on %s", pstream_name(ps));
	}
}

void dbd_server_destroy(struct dbd_server *srv)
{
	if (!srv)
		return;
	while (srv->sessions.next != &srv->sessions)
		session_close(srv->sessions.next, "server exiting");
	dbd_txns_destroy(srv->txns);
	dbd_monitors_destroy(srv->monitors);
	for (size_t i = 0; i < srv->n_listeners; i++) {
		poll_loop_remove(srv->loop, pstream_fd(srv->listeners[i]->ps));
		pstream_close(srv->listeners[i]->ps);
		free(srv->listeners[i]);
	}
	for (size_t i = 0; i < srv->n_dbs; i++)
		dbd_db_close(srv->dbs[i]);
	dbd_locks_destroy(srv->locks);
	free(srv->listeners);
	free(srv->dbs);
	free(srv);
}
