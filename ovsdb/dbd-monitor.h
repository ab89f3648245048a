/* weir-dbd's monitors: the "monitor", "monitor_cond",
 * "monitor_cond_since", "monitor_cond_change" and "monitor_cancel"
 * methods, and the "update" / "update2" / "update3" notifications each
 * session gets once a transaction it watches is durable.
 *
 * A client that falls behind in reading (dbd_session_behind()) gets no
 * more updates queued: its monitors hold, for each row changed, the
 * row's state before, and send one merged update a row once the client
 * has read what was queued, or before any reply to it (so that it sees
 * its own changes first).  What it holds is bounded by the database, not
 * by the transactions; a client that reads nothing is still dropped once
 * its replies alone pass the server's bound. */
#ifndef WEIR_DBD_MONITOR_H
#define WEIR_DBD_MONITOR_H 1

struct dbd_db;
struct dbd_monitors;
struct dbd_server;
struct dbd_session;
struct jsonrpc_msg;
struct ovsdb_txn;

struct dbd_monitors *dbd_monitors_create(void);
void dbd_monitors_destroy(struct dbd_monitors *);

/* The methods; each returns its reply. */
struct jsonrpc_msg *dbd_monitor_start(struct dbd_server *,
				      struct dbd_session *,
				      const struct jsonrpc_msg *, int version);
struct jsonrpc_msg *dbd_monitor_cancel(struct dbd_server *,
				       struct dbd_session *,
				       const struct jsonrpc_msg *);
struct jsonrpc_msg *dbd_monitor_cond_change(struct dbd_server *,
					    struct dbd_session *,
					    const struct jsonrpc_msg *);

/* Notifies every monitor of 'db' about 'txn', applied and durable. */
void dbd_monitors_committed(struct dbd_monitors *, const struct dbd_db *,
			    const struct ovsdb_txn *);
/* Sends what the session's monitors hold back. */
void dbd_monitors_flush_session(struct dbd_monitors *,
				struct dbd_session *);
void dbd_monitors_session_closed(struct dbd_monitors *,
				 struct dbd_session *);

#endif /* WEIR_DBD_MONITOR_H */
