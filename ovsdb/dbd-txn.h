/* weir-dbd's "transact": runs a request on a database, holds it while a
 * "wait" is not satisfied (re-run after each commit, timed out by a
 * timer), and sends the reply only once the change is durable.
 *
 * Changes are applied in memory at once, so the requests that follow see
 * them, and their records queued in the log; the log is committed (one
 * write, one sync) once per poll-loop iteration, for every transaction of
 * that iteration together.  If the commit fails, those transactions are
 * rolled back, newest first, and each gets an error. */
#ifndef WEIR_DBD_TXN_H
#define WEIR_DBD_TXN_H 1

#include <jansson.h>

struct dbd_server;
struct dbd_session;
struct dbd_txns;
struct jsonrpc_msg;
struct poll_loop;

struct dbd_txns *dbd_txns_create(struct dbd_server *, struct poll_loop *);
/* Commits what is pending, then frees everything. */
void dbd_txns_destroy(struct dbd_txns *);

/* Handles a "transact" request: the reply now, or NULL when it comes
 * later. */
struct jsonrpc_msg *dbd_txns_transact(struct dbd_txns *,
				      struct dbd_session *,
				      const struct jsonrpc_msg *request);
/* RFC 7047 "cancel": the request 'id' of 'session', if a "wait" still
 * holds it, is dropped unrun and answered with the error "canceled".  One
 * already run stays: its changes are applied and its reply follows the
 * commit, as if the cancel came too late. */
void dbd_txns_cancel(struct dbd_txns *, struct dbd_session *,
		     const json_t *id);
/* Forgets 'session': its held requests are dropped, its pending replies
 * not sent. */
void dbd_txns_session_closed(struct dbd_txns *, struct dbd_session *);

#endif /* WEIR_DBD_TXN_H */
