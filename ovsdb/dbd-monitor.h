/* weir-dbd's monitors: the "monitor", "monitor_cond",
 * "monitor_cond_since", "monitor_cond_change" and "monitor_cancel"
 * methods, and the "update" / "update2" / "update3" notifications each
 * session gets once a transaction it watches is durable.  A session's notifications queue behind its other replies;
 * one that lets its backlog grow past the server's bound is dropped. */
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
void dbd_monitors_session_closed(struct dbd_monitors *,
				 struct dbd_session *);

#endif /* WEIR_DBD_MONITOR_H */
