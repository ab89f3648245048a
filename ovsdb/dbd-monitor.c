#include "dbd-monitor.h"

#include <stdbool.h>
#include <stdlib.h>

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
	struct ovsdb_monitor *m;
	int version;
	struct dbd_monitor *next;
};

struct dbd_monitors {
	struct dbd_monitor *list;
};

struct dbd_monitors *dbd_monitors_create(void)
{
	return xcalloc(1, sizeof(struct dbd_monitors));
}

static void monitor_free(struct dbd_monitor *mon)
{
	ovsdb_monitor_destroy(mon->m);
	json_decref(mon->id);
	free(mon);
}

void dbd_monitors_destroy(struct dbd_monitors *mons)
{
	if (!mons)
		return;
	while (mons->list) {
		struct dbd_monitor *mon = mons->list;

		mons->list = mon->next;
		monitor_free(mon);
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

static void notify(struct dbd_monitor *mon, json_t *updates)
{
	static const char *const methods[] = { NULL, "update", "update2",
					       "update3" };

	dbd_session_notify(mon->session, methods[mon->version],
			   mon->version == OVSDB_MONITOR_V3
			   ? json_pack("[O, s, o]", mon->id, LAST_TXN_ID,
				       updates)
			   : json_pack("[O, o]", mon->id, updates));
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
	mon->id = json_incref((json_t *) id);
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
	struct dbd_monitor **p, *mon;

	p = json_array_size(req->params) == 1
	    ? find(dbd_server_monitors(srv), s,
		   json_array_get(req->params, 0))
	    : NULL;
	if (!p)
		return jsonrpc_create_error(json_string("unknown monitor"),
					    req->id);
	mon = *p;
	*p = mon->next;
	monitor_free(mon);
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
	error = ovsdb_monitor_change_cond((*p)->m,
					  json_array_get(req->params, 2),
					  &updates);
	if (error)
		return error_reply(req, error);
	json_decref((*p)->id);
	(*p)->id = json_incref((json_t *) new_id);
	if (updates)
		notify(*p, updates);
	return jsonrpc_create_reply(json_object(), req->id);
}

void dbd_monitors_committed(struct dbd_monitors *mons,
			    const struct dbd_db *db,
			    const struct ovsdb_txn *txn)
{
	for (struct dbd_monitor *mon = mons->list; mon; mon = mon->next) {
		json_t *updates;

		if (mon->db != db)
			continue;
		updates = ovsdb_monitor_txn_updates(mon->m, txn);
		if (updates)
			notify(mon, updates);
	}
}

void dbd_monitors_session_closed(struct dbd_monitors *mons,
				 struct dbd_session *s)
{
	struct dbd_monitor **p = &mons->list;

	while (*p) {
		struct dbd_monitor *mon = *p;

		if (mon->session == s) {
			*p = mon->next;
			monitor_free(mon);
		} else {
			p = &mon->next;
		}
	}
}
