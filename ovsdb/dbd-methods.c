/* The JSON-RPC methods of RFC 7047 section 4.1, one handler each, found
 * by name in a table.  Errors are the RFC's objects, {"error": TAG,
 * "details": TEXT}, in the reply's "error" member. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dbd-db.h"
#include "dbd-lock.h"
#include "dbd-monitor.h"
#include "dbd-server.h"
#include "dbd-txn.h"
#include "jsonrpc.h"

typedef struct jsonrpc_msg *dbd_method(struct dbd_server *,
				       struct dbd_session *,
				       const struct jsonrpc_msg *);

static struct jsonrpc_msg *method_error(const struct jsonrpc_msg *req,
					const char *tag, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static struct jsonrpc_msg *method_error(const struct jsonrpc_msg *req,
					const char *tag, const char *fmt, ...)
{
	char details[512];
	va_list args;

	va_start(args, fmt);
	vsnprintf(details, sizeof details, fmt, args);
	va_end(args);
	return jsonrpc_create_error(json_pack("{s:s, s:s}", "error", tag,
					      "details", details), req->id);
}

/* The single string parameter of 'req', or NULL. */
static const char *string_param(const struct jsonrpc_msg *req)
{
	const json_t *p = json_array_get(req->params, 0);

	return json_array_size(req->params) == 1 && json_is_string(p)
	       ? json_string_value(p) : NULL;
}

static struct jsonrpc_msg *m_list_dbs(struct dbd_server *srv,
				      struct dbd_session *s,
				      const struct jsonrpc_msg *req)
{
	json_t *names = json_array();
	size_t n;
	struct dbd_db *const *dbs = dbd_server_dbs(srv, &n);

	for (size_t i = 0; i < n; i++)
		json_array_append_new(names, json_string(dbs[i]->name));
	return jsonrpc_create_reply(names, req->id);
}

static struct jsonrpc_msg *m_get_schema(struct dbd_server *srv,
					struct dbd_session *s,
					const struct jsonrpc_msg *req)
{
	const char *name = string_param(req);
	const struct dbd_db *db;

	if (!name)
		return method_error(req, "syntax error", "get_schema takes "
				    "one parameter, a database name");
	db = dbd_server_find_db(srv, name);
	if (!db)
		return method_error(req, "unknown database", "get_schema "
				    "request specifies unknown database %s",
				    name);
	return jsonrpc_create_reply(json_incref(db->schema), req->id);
}

static struct jsonrpc_msg *m_echo(struct dbd_server *srv,
				  struct dbd_session *s,
				  const struct jsonrpc_msg *req)
{
	return jsonrpc_create_reply(json_incref(req->params), req->id);
}

static struct jsonrpc_msg *locked_reply(const struct jsonrpc_msg *req,
					bool locked)
{
	return jsonrpc_create_reply(json_pack("{s:b}", "locked", locked),
				    req->id);
}

/* "lock" and "steal": a session asks for a lock once until it unlocks. */
static struct jsonrpc_msg *lock_or_steal(struct dbd_server *srv,
					 struct dbd_session *s,
					 const struct jsonrpc_msg *req,
					 bool steal)
{
	struct dbd_locks *locks = dbd_server_locks(srv);
	const char *name = string_param(req);

	if (!name)
		return method_error(req, "syntax error", "%s takes one "
				    "parameter, a lock name", req->method);
	if (dbd_lock_involved(locks, name, s))
		return method_error(req, "syntax error", "must issue \"unlock\" "
				    "before new \"%s\"", req->method);
	if (steal) {
		dbd_lock_steal(locks, name, s);
		return locked_reply(req, true);
	}
	return locked_reply(req, dbd_lock_request(locks, name, s) == 0);
}

static struct jsonrpc_msg *m_lock(struct dbd_server *srv,
				  struct dbd_session *s,
				  const struct jsonrpc_msg *req)
{
	return lock_or_steal(srv, s, req, false);
}

static struct jsonrpc_msg *m_steal(struct dbd_server *srv,
				   struct dbd_session *s,
				   const struct jsonrpc_msg *req)
{
	return lock_or_steal(srv, s, req, true);
}

static struct jsonrpc_msg *m_unlock(struct dbd_server *srv,
				    struct dbd_session *s,
				    const struct jsonrpc_msg *req)
{
	const char *name = string_param(req);

	if (!name)
		return method_error(req, "syntax error",
				    "unlock takes one parameter, a lock name");
	if (dbd_lock_release(dbd_server_locks(srv), name, s))
		return method_error(req, "syntax error", "\"unlock\" without "
				    "\"lock\" or \"steal\"");
	return jsonrpc_create_reply(json_object(), req->id);
}

/* The databases served never change while running, so there is nothing
 * to notify: the flag is checked and accepted, as OVS's IDL needs. */
static struct jsonrpc_msg *m_set_db_change_aware(struct dbd_server *srv,
						 struct dbd_session *s,
						 const struct jsonrpc_msg *req)
{
	if (json_array_size(req->params) != 1 ||
	    !json_is_boolean(json_array_get(req->params, 0)))
		return method_error(req, "syntax error", "set_db_change_aware: "
				    "true or false parameter expected");
	return jsonrpc_create_reply(json_object(), req->id);
}

static struct jsonrpc_msg *m_transact(struct dbd_server *srv,
				      struct dbd_session *s,
				      const struct jsonrpc_msg *req)
{
	return dbd_txns_transact(dbd_server_txns(srv), s, req);
}

static struct jsonrpc_msg *m_monitor(struct dbd_server *srv,
				     struct dbd_session *s,
				     const struct jsonrpc_msg *req)
{
	return dbd_monitor_start(srv, s, req, 1);
}

static struct jsonrpc_msg *m_monitor_cond(struct dbd_server *srv,
					  struct dbd_session *s,
					  const struct jsonrpc_msg *req)
{
	return dbd_monitor_start(srv, s, req, 2);
}

static struct jsonrpc_msg *m_monitor_cond_since(struct dbd_server *srv,
						struct dbd_session *s,
						const struct jsonrpc_msg *req)
{
	return dbd_monitor_start(srv, s, req, 3);
}

static const struct {
	const char *name;
	dbd_method *fn;
} methods[] = {
	{ "list_dbs", m_list_dbs },
	{ "get_schema", m_get_schema },
	{ "echo", m_echo },
	{ "lock", m_lock },
	{ "steal", m_steal },
	{ "unlock", m_unlock },
	{ "transact", m_transact },
	{ "set_db_change_aware", m_set_db_change_aware },
	{ "monitor", m_monitor },
	{ "monitor_cond", m_monitor_cond },
	{ "monitor_cond_since", m_monitor_cond_since },
	{ "monitor_cond_change", dbd_monitor_cond_change },
	{ "monitor_cancel", dbd_monitor_cancel },
};

struct jsonrpc_msg *dbd_methods_dispatch(struct dbd_server *srv,
					 struct dbd_session *s,
					 const struct jsonrpc_msg *req)
{
	for (size_t i = 0; i < sizeof methods / sizeof *methods; i++)
		if (!strcmp(methods[i].name, req->method))
			return methods[i].fn(srv, s, req);
	/* OVS clients expect this bare string. */
	return jsonrpc_create_error(json_string("unknown method"), req->id);
}
