#include "dbd-monitor.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>

#include "dbd-db.h"
#include "dbd-server.h"
#include "jsonrpc.h"
#include "monitor.h"
#include "ovsdb-error.h"
#include "xalloc.h"

struct dbd_monitor {
	struct dbd_session *session;
	const struct dbd_db *db;
	json_t *id;
	char *id_text;			/* 'id' as JSON text */
	struct ovsdb_monitor *m;
	int version;
	struct ovsdb_monitor_held *held;	/* while the client is behind */
	struct dbd_monitor *next;
};

struct dbd_monitors {
	struct dbd_monitor *list;
	size_t n_holding;		/* monitors holding changes back */
};

struct dbd_monitors *dbd_monitors_create(void)
{
	return xcalloc(1, sizeof(struct dbd_monitors));
}

static bool holding(const struct dbd_monitor *mon)
{
	return mon->held && !ovsdb_monitor_held_empty(mon->held);
}

static void monitor_free(struct dbd_monitors *mons, struct dbd_monitor *mon)
{
	mons->n_holding -= holding(mon);
	ovsdb_monitor_held_destroy(mon->held);
	ovsdb_monitor_destroy(mon->m);
	json_decref(mon->id);
	free(mon->id_text);
	free(mon);
}

static void monitor_set_id(struct dbd_monitor *mon, const json_t *id)
{
	json_decref(mon->id);
	free(mon->id_text);
	mon->id = json_incref((json_t *) id);
	mon->id_text = json_dumps(id, JSON_COMPACT | JSON_ENCODE_ANY);
	if (!mon->id_text)	/* a parsed id always prints; never NULL */
		mon->id_text = xstrdup("null");
}

void dbd_monitors_destroy(struct dbd_monitors *mons)
{
	if (!mons)
		return;
	while (mons->list) {
		struct dbd_monitor *mon = mons->list;

		mons->list = mon->next;
		monitor_free(mons, mon);
	}
	free(mons);
}

/* The session's monitor with 'id', as a pointer to its link. */
static struct dbd_monitor **find(struct dbd_monitors *mons,
				 const struct dbd_session *s,
				 const json_t *id)
{
	struct dbd_monitor **p;

	for (p = &mons->list; *p; p = &(*p)->next)
		if ((*p)->session == s && json_equal((*p)->id, id))
			return p;
	return NULL;
}

static struct jsonrpc_msg *error_reply(const struct jsonrpc_msg *req,
				       struct ovsdb_error *error)
{
	json_t *json = ovsdb_error_to_json(error);

	ovsdb_error_destroy(error);
	return jsonrpc_create_error(json, req->id);
}

/* A standalone database keeps no transaction history, so it names every
 * point in it with the zero uuid, as ovsdb-server does. */
#define LAST_TXN_ID "00000000-0000-0000-0000-000000000000"

static const char *const methods[] = { NULL, "update", "update2",
				       "update3" };

static void notify(struct dbd_monitor *mon, json_t *updates)
{

	dbd_session_notify(mon->session, methods[mon->version],
			   mon->version == OVSDB_MONITOR_V3
			   ? json_pack("[O, s, o]", mon->id, LAST_TXN_ID,
				       updates)
			   : json_pack("[O, o]", mon->id, updates));
}

static void monitor_flush_held(struct dbd_monitors *mons,
			       struct dbd_monitor *mon)
{
	json_t *updates;

	if (!holding(mon))
		return;
	mons->n_holding--;
	updates = ovsdb_monitor_held_flush(mon->held, mon->m);
	if (updates)
		notify(mon, updates);
}

struct jsonrpc_msg *dbd_monitor_start(struct dbd_server *srv,
				      struct dbd_session *s,
				      const struct jsonrpc_msg *req,
				      int version)
{
	struct dbd_monitors *mons = dbd_server_monitors(srv);
	const json_t *name = json_array_get(req->params, 0);
	const json_t *id = json_array_get(req->params, 1);
	struct dbd_monitor *mon, **p;
	struct ovsdb_monitor *m;
	struct ovsdb_error *error;
	const struct dbd_db *db;

	if (json_array_size(req->params) != (version == OVSDB_MONITOR_V3
					     ? 4 : 3) || !json_is_string(name))
		return error_reply(req, ovsdb_syntax_error(
			req->params, "%s takes a database name, a monitor id "
			"and monitor requests%s", req->method,
			version == OVSDB_MONITOR_V3 ? ", and a last-txn-id"
			: ""));
	if (version == OVSDB_MONITOR_V3 &&
	    !json_is_string(json_array_get(req->params, 3)))
		return error_reply(req, ovsdb_syntax_error(
			json_array_get(req->params, 3),
			"last-txn-id must be string"));
	db = dbd_server_find_db(srv, json_string_value(name));
	if (!db)
		return error_reply(req, ovsdb_error(
			OVSDB_E_UNKNOWN_DB, "monitor request specifies "
			"unknown database %s", json_string_value(name)));
	if (find(mons, s, id))
		return error_reply(req, ovsdb_syntax_error(
			id, "duplicate monitor ID"));
	error = ovsdb_monitor_create(db->mem, json_array_get(req->params, 2),
				     version, &m);
	if (error)
		return error_reply(req, error);
	mon = xcalloc(1, sizeof *mon);
	mon->session = s;
	mon->db = db;
	monitor_set_id(mon, id);
	mon->m = m;
	mon->version = version;
	p = &mons->list;		/* oldest first: the order of updates */
	while (*p)
		p = &(*p)->next;
	*p = mon;
	if (version == OVSDB_MONITOR_V3)	/* never "found": no history */
		return jsonrpc_create_reply(json_pack(
			"[b, s, o]", false, LAST_TXN_ID,
			ovsdb_monitor_initial(m)), req->id);
	return jsonrpc_create_reply(ovsdb_monitor_initial(m), req->id);
}

struct jsonrpc_msg *dbd_monitor_cancel(struct dbd_server *srv,
				       struct dbd_session *s,
				       const struct jsonrpc_msg *req)
{
	struct dbd_monitors *mons = dbd_server_monitors(srv);
	struct dbd_monitor **p, *mon;

	p = json_array_size(req->params) == 1
	    ? find(mons, s, json_array_get(req->params, 0))
	    : NULL;
	if (!p)
		return jsonrpc_create_error(json_string("unknown monitor"),
					    req->id);
	mon = *p;
	*p = mon->next;
	monitor_free(mons, mon);
	return jsonrpc_create_reply(json_object(), req->id);
}

struct jsonrpc_msg *dbd_monitor_cond_change(struct dbd_server *srv,
					    struct dbd_session *s,
					    const struct jsonrpc_msg *req)
{
	struct dbd_monitors *mons = dbd_server_monitors(srv);
	const json_t *old_id = json_array_get(req->params, 0);
	const json_t *new_id = json_array_get(req->params, 1);
	struct dbd_monitor **p;
	struct ovsdb_error *error;
	json_t *updates;

	if (json_array_size(req->params) != 3)
		return error_reply(req, ovsdb_syntax_error(
			req->params, "monitor_cond_change takes the old and "
			"new monitor ids and the new conditions"));
	p = find(mons, s, old_id);
	if (!p)
		return jsonrpc_create_error(json_string("unknown monitor"),
					    req->id);
	if (!json_equal(old_id, new_id) && find(mons, s, new_id))
		return error_reply(req, ovsdb_syntax_error(
			new_id, "duplicate monitor ID"));
	/* What was held was seen through the old conditions. */
	monitor_flush_held(mons, *p);
	error = ovsdb_monitor_change_cond((*p)->m,
					  json_array_get(req->params, 2),
					  &updates);
	if (error)
		return error_reply(req, error);
	monitor_set_id(*p, new_id);
	if (updates)
		notify(*p, updates);
	return jsonrpc_create_reply(json_object(), req->id);
}

/* One transaction's updates as text, for every monitor of one shape. */
struct shared_update {
	const struct ovsdb_monitor *m;
	uint32_t hash;
	char *text;			/* NULL: nothing for this shape */
};

/* Sends 'text' as the notification of 'mon', without parsing or dumping
 * anything per client. */
static void notify_text(const struct dbd_monitor *mon, const char *text)
{
	static const char head[] = "{\"method\":\"";
	static const char mid[] = "\",\"params\":[";
	static const char since[] = ",\"" LAST_TXN_ID "\",";
	static const char tail[] = "],\"id\":null}";
	const char *method = methods[mon->version];
	bool v3 = mon->version == OVSDB_MONITOR_V3;
	struct iovec iov[] = {
		{ (void *) head, sizeof head - 1 },
		{ (void *) method, strlen(method) },
		{ (void *) mid, sizeof mid - 1 },
		{ mon->id_text, strlen(mon->id_text) },
		{ (void *) (v3 ? since : ","), v3 ? sizeof since - 1 : 1 },
		{ (void *) text, strlen(text) },
		{ (void *) tail, sizeof tail - 1 },
	};

	dbd_session_send_text(mon->session, iov, sizeof iov / sizeof *iov);
}

/* The text of the updates 'txn' gives the monitors shaped like 'm',
 * computed once per shape: '*cache' grows by one entry per new shape. */
static const char *shared_text(const struct ovsdb_monitor *m,
			       const struct ovsdb_txn *txn,
			       struct shared_update **cache, size_t *n,
			       size_t *cap)
{
	uint32_t hash = ovsdb_monitor_hash(m);
	struct shared_update *su;
	json_t *updates;

	for (size_t i = 0; i < *n; i++)
		if ((*cache)[i].hash == hash &&
		    ovsdb_monitor_same((*cache)[i].m, m))
			return (*cache)[i].text;
	*cache = xgrow_n(*cache, cap, *n + 1, sizeof **cache);
	su = &(*cache)[(*n)++];
	su->m = m;
	su->hash = hash;
	updates = ovsdb_monitor_txn_updates(m, txn);
	su->text = updates ? json_dumps(updates, JSON_COMPACT) : NULL;
	json_decref(updates);
	return su->text;
}

void dbd_monitors_committed(struct dbd_monitors *mons,
			    const struct dbd_db *db,
			    const struct ovsdb_txn *txn)
{
	struct shared_update *cache = NULL;
	size_t n = 0, cap = 0;

	for (struct dbd_monitor *mon = mons->list; mon; mon = mon->next) {
		const char *text;

		if (mon->db != db)
			continue;
		if (holding(mon) || dbd_session_behind(mon->session)) {
			if (!mon->held)
				mon->held = ovsdb_monitor_held_create();
			mons->n_holding -= holding(mon);
			ovsdb_monitor_held_add(mon->held, mon->m, txn);
			mons->n_holding += holding(mon);
			continue;
		}
		text = shared_text(mon->m, txn, &cache, &n, &cap);
		if (text)
			notify_text(mon, text);
	}
	for (size_t i = 0; i < n; i++)
		free(cache[i].text);
	free(cache);
}

void dbd_monitors_flush_session(struct dbd_monitors *mons,
				struct dbd_session *s)
{
	if (!mons->n_holding)
		return;
	for (struct dbd_monitor *mon = mons->list; mon; mon = mon->next)
		if (mon->session == s)
			monitor_flush_held(mons, mon);
}

void dbd_monitors_session_closed(struct dbd_monitors *mons,
				 struct dbd_session *s)
{
	struct dbd_monitor **p = &mons->list;

	while (*p) {
		struct dbd_monitor *mon = *p;

		if (mon->session == s) {
			*p = mon->next;
			monitor_free(mons, mon);
		} else {
			p = &mon->next;
		}
	}
}
