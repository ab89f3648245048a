/* weir-dbd's state: the databases it serves, its listeners, the client
 * sessions and the lock table; all driven by one poll loop.  A session is
 * one JSON-RPC connection: its requests are answered in order, its replies
 * queued so that a client slow to read never holds up the others. */
#ifndef WEIR_DBD_SERVER_H
#define WEIR_DBD_SERVER_H 1

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/uio.h>

struct dbd_db;
struct dbd_server;
struct dbd_session;
struct jsonrpc_msg;
struct poll_loop;

struct dbd_server *dbd_server_create(struct poll_loop *);
void dbd_server_destroy(struct dbd_server *);

/* Serves 'db' (taken): -EEXIST if a database of that name is served. */
int dbd_server_add_db(struct dbd_server *, struct dbd_db *db);
const struct dbd_db *dbd_server_find_db(const struct dbd_server *,
					const char *name);
struct dbd_db *dbd_server_find_db_mutable(struct dbd_server *,
					  const char *name);
/* Listens on a passive stream name ("punix:", "ptcp:", "pssl:"): 0 or
 * -errno with the reason in 'err'. */
int dbd_server_listen(struct dbd_server *, const char *name, char *err,
		      size_t err_size);
/* Logs each listener, with the TCP port bound (for ptcp:0 and pssl:0). */
void dbd_server_log_listeners(const struct dbd_server *);
size_t dbd_server_n_sessions(const struct dbd_server *);

/* The method handlers (dbd-methods.c): each returns the reply or error
 * message for 'request'. */
struct jsonrpc_msg *dbd_methods_dispatch(struct dbd_server *,
					 struct dbd_session *,
					 const struct jsonrpc_msg *request);
struct dbd_locks *dbd_server_locks(struct dbd_server *);
/* The monitors (dbd-monitor.h). */
struct dbd_monitors *dbd_server_monitors(struct dbd_server *);
/* The transaction engine's state (dbd-txn.h). */
struct dbd_txns *dbd_server_txns(struct dbd_server *);
/* Whether the client is behind in reading what was sent to it. */
bool dbd_session_behind(const struct dbd_session *);
/* Queues 'msg' (taken) to 'session'. */
void dbd_session_send(struct dbd_session *, struct jsonrpc_msg *msg);
/* Queues one message to 'session', given as its text in pieces (the
 * monitors share the text of an update among their clients). */
void dbd_session_send_text(struct dbd_session *, const struct iovec *iov,
			   size_t n);
/* Queues a notification to 'session'. */
void dbd_session_notify(struct dbd_session *, const char *method,
			json_t *params);
/* Every database served, in the order they were added. */
struct dbd_db *const *dbd_server_dbs(const struct dbd_server *, size_t *n);

#endif /* WEIR_DBD_SERVER_H */
