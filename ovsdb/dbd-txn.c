#include "dbd-txn.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "dbd-db.h"
#include "dbd-lock.h"
#include "dbd-monitor.h"
#include "dbd-server.h"
#include "db-file.h"
#include "json-text.h"
#include "jsonrpc.h"
#include "log.h"
#include "ovsdb-log.h"
#include "poll-loop.h"
#include "txn-ops.h"
#include "txn.h"
#include "xalloc.h"

/* A request not answered yet: held by a "wait", or run and waiting for
 * the log commit. */
struct dbd_trigger {
	struct dbd_txns *txns;
	struct dbd_session *session;	/* NULL once it went away */
	struct dbd_db *db;
	json_t *id;
	json_t *ops;
	long long started_ms;
	int timer_fd;			/* -1: no timeout */
	/* Once run: */
	json_t *results;
	struct ovsdb_txn *txn;		/* applied, or NULL (read only) */
	struct dbd_trigger *next;
};

struct dbd_txns {
	struct dbd_server *srv;
	struct poll_loop *loop;
	int flush_fd;			/* readable when 'pending' is not */
	struct dbd_trigger *held;	/* held by a wait */
	struct dbd_trigger **pending;	/* run, in order */
	size_t n_pending, cap_pending;
	struct json_text record;	/* scratch: a log record's text */
};

static void die(const char *what)
{
	log_msg(LOG_ERR, "%s: %s", what, strerror(errno));
	abort();
}

static long long now_ms(void)
{
	return dbd_clock_ms(CLOCK_MONOTONIC);
}

static void flush_cb(int fd, short revents, void *aux);

struct dbd_txns *dbd_txns_create(struct dbd_server *srv,
				 struct poll_loop *loop)
{
	struct dbd_txns *txns = xcalloc(1, sizeof *txns);

	txns->srv = srv;
	txns->loop = loop;
	txns->flush_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (txns->flush_fd < 0)
		die("eventfd");
	poll_loop_add(loop, txns->flush_fd, POLLIN, flush_cb, txns);
	return txns;
}

/* Stops the trigger's timeout, once it no longer waits. */
static void trigger_disarm(struct dbd_trigger *t)
{
	if (t->timer_fd >= 0) {
		poll_loop_remove(t->txns->loop, t->timer_fd);
		close(t->timer_fd);
		t->timer_fd = -1;
	}
}

static void trigger_free(struct dbd_trigger *t)
{
	trigger_disarm(t);
	json_decref(t->id);
	json_decref(t->ops);
	json_decref(t->results);
	ovsdb_txn_destroy(t->txn);
	free(t);
}

static void trigger_reply(struct dbd_trigger *t, struct jsonrpc_msg *msg)
{
	if (t->session)
		dbd_session_send(t->session, msg);
	else
		jsonrpc_msg_destroy(msg);
}

static void trigger_error(struct dbd_trigger *t, const char *tag,
			  const char *details)
{
	trigger_reply(t, jsonrpc_create_error(json_pack("{s:s, s:s}", "error",
							tag, "details",
							details), t->id));
}

static bool lock_owned(const char *name, void *aux)
{
	struct dbd_trigger *t = aux;

	return dbd_lock_owned(dbd_server_locks(t->txns->srv), name,
			      t->session);
}

static void timer_cb(int fd, short revents, void *aux);

/* Arms the trigger's timer for 'deadline' (monotonic ms): 0 or -errno. */
static int trigger_arm(struct dbd_trigger *t, long long deadline)
{
	long long wait = deadline - now_ms();
	struct itimerspec its = { { 0, 0 }, { 0, 0 } };

	if (t->timer_fd < 0) {
		int fd = timerfd_create(CLOCK_MONOTONIC,
					TFD_NONBLOCK | TFD_CLOEXEC);
		int error = fd < 0 ? -errno
			    : poll_loop_add(t->txns->loop, fd, POLLIN,
					    timer_cb, t);

		if (error) {
			if (fd >= 0)
				close(fd);
			return error;
		}
		t->timer_fd = fd;
	}
	if (wait < 1)
		wait = 1;
	its.it_value.tv_sec = wait / 1000;
	its.it_value.tv_nsec = wait % 1000 * 1000000;
	return timerfd_settime(t->timer_fd, 0, &its, NULL) ? -errno : 0;
}

static void held_add(struct dbd_trigger *t)
{
	t->next = t->txns->held;
	t->txns->held = t;
}

static void held_remove(struct dbd_trigger *t)
{
	struct dbd_trigger **p = &t->txns->held;

	while (*p != t)
		p = &(*p)->next;
	*p = t->next;
}

static void pending_add(struct dbd_trigger *t)
{
	struct dbd_txns *txns = t->txns;
	uint64_t one = 1;

	txns->pending = xgrow_n(txns->pending, &txns->cap_pending,
				txns->n_pending + 1, sizeof *txns->pending);
	txns->pending[txns->n_pending++] = t;
	if (write(txns->flush_fd, &one, sizeof one) < 0 && errno != EAGAIN)
		log_msg(LOG_WARN, "eventfd: %s", strerror(errno));
}

/* Applies a finished transaction and queues its record. */
static void trigger_commit(struct dbd_trigger *t, struct ovsdb_exec *exec)
{
	struct json_text *text = &t->txns->record;
	long long date = dbd_clock_ms(CLOCK_REALTIME);
	int error = 0;

	switch (ovsdb_txn_record_text(exec->txn, exec->comment, date, text)) {
	case 0:
		error = ovsdb_log_write_text(t->db->log, text->p, text->len);
		break;
	case 1:
		break;
	default: {
		/* The slow way, for its error. */
		json_t *record = ovsdb_txn_to_record(exec->txn, exec->comment,
						     date);

		error = record ? ovsdb_log_write(t->db->log, record) : 0;
		json_decref(record);
	}
	}
	if (error) {
		trigger_error(t, "I/O error", ovsdb_log_error(t->db->log));
		trigger_free(t);
		return;
	}
	ovsdb_txn_apply(exec->txn);
	t->txn = exec->txn;
	exec->txn = NULL;
	pending_add(t);
}

/* Runs the request; false while a "wait" holds it. */
static bool trigger_run(struct dbd_trigger *t)
{
	struct ovsdb_exec_env env = {
		.lock_owned = lock_owned,
		.aux = t,
		.started_ms = t->started_ms,
		.now_ms = now_ms(),
	};
	struct ovsdb_exec exec;

	ovsdb_execute(t->db->mem, t->ops, &env, &exec);
	if (exec.blocked) {
		int error = exec.deadline == LLONG_MAX ? 0
			    : trigger_arm(t, exec.deadline);

		ovsdb_exec_destroy(&exec);
		if (!error)
			return false;
		/* Out of descriptors: better refuse than wait forever. */
		trigger_error(t, "resources exhausted", strerror(-error));
		trigger_free(t);
		return true;
	}
	trigger_disarm(t);
	t->results = exec.results;
	exec.results = NULL;
	if (exec.txn)
		trigger_commit(t, &exec);
	else if (t->txns->n_pending)	/* it read what is not durable yet */
		pending_add(t);
	else {
		trigger_reply(t, jsonrpc_create_reply(json_incref(t->results),
						      t->id));
		trigger_free(t);
	}
	ovsdb_exec_destroy(&exec);
	return true;
}

static void timer_cb(int fd, short revents, void *aux)
{
	struct dbd_trigger *t = aux;
	uint64_t n;

	if (read(fd, &n, sizeof n) < 0)
		return;
	held_remove(t);
	if (!trigger_run(t))
		held_add(t);
}

/* After a commit, every held request gets another look. */
static void rerun_held(struct dbd_txns *txns)
{
	struct dbd_trigger *list = txns->held, *next;

	txns->held = NULL;
	for (struct dbd_trigger *t = list; t; t = next) {
		next = t->next;
		if (!trigger_run(t))
			held_add(t);
	}
}

/* Commits each database with pending changes: 0 or -errno per database,
 * in 'errors' (parallel to the server's list). */
static void commit_dbs(struct dbd_trigger *const *pending, size_t n,
		       int *errors, size_t n_dbs, struct dbd_db *const *dbs)
{
	for (size_t d = 0; d < n_dbs; d++) {
		errors[d] = 0;
		for (size_t i = 0; i < n; i++)
			if (pending[i]->db == dbs[d] && pending[i]->txn) {
				errors[d] = ovsdb_log_commit(dbs[d]->log);
				break;
			}
		if (errors[d])
			log_msg(LOG_ERR, "%s", ovsdb_log_error(dbs[d]->log));
	}
}

static size_t db_index(struct dbd_db *const *dbs, size_t n,
		       const struct dbd_db *db)
{
	for (size_t i = 0; i < n; i++)
		if (dbs[i] == db)
			return i;
	abort();
}

static void compact_if_needed(struct dbd_db *const *dbs, size_t n)
{
	char err[512];

	for (size_t d = 0; d < n; d++)
		if (dbd_db_should_compact(dbs[d]) &&
		    dbd_db_compact(dbs[d], err, sizeof err))
			log_msg(LOG_WARN, "%s: compaction failed: %s",
				dbs[d]->path, err);
}

/* Makes the pending transactions durable and answers them; rolls back
 * (newest first) those whose database failed to commit. */
static void flush_pending(struct dbd_txns *txns)
{
	size_t n_dbs, n = txns->n_pending;
	struct dbd_db *const *dbs = dbd_server_dbs(txns->srv, &n_dbs);
	struct dbd_trigger **pending = txns->pending;
	int *errors = xcalloc(n_dbs + 1, sizeof *errors);

	txns->pending = NULL;
	txns->n_pending = txns->cap_pending = 0;
	commit_dbs(pending, n, errors, n_dbs, dbs);
	for (size_t i = n; i-- > 0;) {
		struct dbd_trigger *t = pending[i];

		if (!errors[db_index(dbs, n_dbs, t->db)])
			continue;
		if (t->txn)
			ovsdb_txn_rollback(t->txn);
		trigger_error(t, "I/O error", ovsdb_log_error(t->db->log));
		trigger_free(t);
		pending[i] = NULL;
	}
	for (size_t i = 0; i < n; i++) {
		struct dbd_trigger *t = pending[i];

		if (!t)
			continue;
		if (t->txn)
			dbd_monitors_committed(dbd_server_monitors(txns->srv),
					       t->db, t->txn);
		trigger_reply(t, jsonrpc_create_reply(json_incref(t->results),
						      t->id));
		trigger_free(t);
	}
	free(pending);
	free(errors);
	compact_if_needed(dbs, n_dbs);
}

static void flush_cb(int fd, short revents, void *aux)
{
	struct dbd_txns *txns = aux;
	uint64_t n;

	if (read(fd, &n, sizeof n) < 0 || !txns->n_pending)
		return;
	flush_pending(txns);
	rerun_held(txns);
}

struct jsonrpc_msg *dbd_txns_transact(struct dbd_txns *txns,
				      struct dbd_session *s,
				      const struct jsonrpc_msg *req)
{
	const char *name = json_string_value(json_array_get(req->params, 0));
	struct dbd_trigger *t;
	struct dbd_db *db;

	if (!name)
		return jsonrpc_create_error(json_pack(
			"{s:s, s:s}", "error", "syntax error", "details",
			"transact: the first parameter must be a database "
			"name"), req->id);
	db = dbd_server_find_db_mutable(txns->srv, name);
	if (!db) {
		char *details = xasprintf("transact request specifies unknown "
					  "database %s", name);
		struct jsonrpc_msg *msg = jsonrpc_create_error(json_pack(
			"{s:s, s:s}", "error", "unknown database", "details",
			details), req->id);

		free(details);
		return msg;
	}
	t = xcalloc(1, sizeof *t);
	t->txns = txns;
	t->session = s;
	t->db = db;
	t->id = json_incref(req->id);
	t->ops = json_array();
	for (size_t i = 1; i < json_array_size(req->params); i++)
		json_array_append(t->ops, json_array_get(req->params, i));
	t->started_ms = now_ms();
	t->timer_fd = -1;
	if (!trigger_run(t))
		held_add(t);
	return NULL;
}

void dbd_txns_cancel(struct dbd_txns *txns, struct dbd_session *s,
		     const json_t *id)
{
	for (struct dbd_trigger *t = txns->held; t; t = t->next)
		if (t->session == s && json_equal(t->id, id)) {
			held_remove(t);
			/* RFC 7047 4.1.4 fixes this form: no details. */
			trigger_reply(t, jsonrpc_create_error(
				json_string("canceled"), t->id));
			trigger_free(t);
			return;
		}
}

void dbd_txns_session_closed(struct dbd_txns *txns, struct dbd_session *s)
{
	struct dbd_trigger **p = &txns->held;

	while (*p) {
		struct dbd_trigger *t = *p;

		if (t->session == s) {
			*p = t->next;
			trigger_free(t);
		} else {
			p = &t->next;
		}
	}
	for (size_t i = 0; i < txns->n_pending; i++)
		if (txns->pending[i]->session == s)
			txns->pending[i]->session = NULL;
}

void dbd_txns_destroy(struct dbd_txns *txns)
{
	if (!txns)
		return;
	if (txns->n_pending)
		flush_pending(txns);
	while (txns->held) {
		struct dbd_trigger *t = txns->held;

		txns->held = t->next;
		trigger_free(t);
	}
	free(txns->pending);
	json_text_destroy(&txns->record);
	poll_loop_remove(txns->loop, txns->flush_fd);
	close(txns->flush_fd);
	free(txns);
}
