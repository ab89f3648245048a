/* The replica: tables of rows kept sorted by uuid, filled by "monitor"
 * and updated by its notifications, with a transaction's changes held
 * beside the committed contents of each row. */
#include "ovsdb-idl.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jsonrpc.h"
#include "ovsdb-error.h"
#include "ovsdb-idl-private.h"
#include "stream.h"
#include "xalloc.h"

#define OVSDB_IDL_MAX_MSG (64u << 20)
#define OVSDB_IDL_PORT 6640

static long long ovsdb_idl_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* Index of the first row of 'table' whose uuid is not below 'uuid'. */
static size_t ovsdb_idl_bsearch(const struct ovsdb_idl_table *table,
				const struct uuid *uuid)
{
	size_t lo = 0, hi = table->n_rows;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (uuid_compare(&table->rows[mid]->uuid, uuid) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static struct ovsdb_idl_row *ovsdb_idl_lookup(
	const struct ovsdb_idl_table *table, const struct uuid *uuid)
{
	size_t i = ovsdb_idl_bsearch(table, uuid);

	return i < table->n_rows && uuid_equals(&table->rows[i]->uuid, uuid)
	       ? table->rows[i] : NULL;
}

static struct ovsdb_idl_row *ovsdb_idl_row_add(struct ovsdb_idl_table *table,
					       const struct uuid *uuid)
{
	size_t n = table->schema->n_columns;
	struct ovsdb_idl_row *row = xcalloc(1, sizeof *row);
	size_t i = ovsdb_idl_bsearch(table, uuid);

	row->table = table;
	row->uuid = *uuid;
	row->written = xcalloc(n, sizeof *row->written);
	row->verified = xcalloc(n, sizeof *row->verified);
	table->rows = xgrow_n(table->rows, &table->alloc, table->n_rows + 1,
			      sizeof *table->rows);
	memmove(&table->rows[i + 1], &table->rows[i],
		(table->n_rows - i) * sizeof *table->rows);
	table->rows[i] = row;
	table->n_rows++;
	return row;
}

void ovsdb_idl_row_free(struct ovsdb_idl_row *row)
{
	if (row->new != row->old)
		ovsdb_row_destroy(row->new);
	ovsdb_row_destroy(row->old);
	free(row->written);
	free(row->verified);
	free(row);
}

void ovsdb_idl_table_remove(struct ovsdb_idl_table *table, size_t i)
{
	ovsdb_idl_row_free(table->rows[i]);
	memmove(&table->rows[i], &table->rows[i + 1],
		(table->n_rows - i - 1) * sizeof *table->rows);
	table->n_rows--;
}

/* Applies one row of a monitor update: 'json' is {"old":..., "new":...}. */
static struct ovsdb_error *ovsdb_idl_apply_row(struct ovsdb_idl_table *table,
					       const char *uuid_s,
					       const json_t *json)
{
	const json_t *new = json_object_get(json, "new");
	struct uuid uuid;

	if (!uuid_from_string(&uuid, uuid_s))
		return ovsdb_error(OVSDB_E_SYNTAX, "bad row uuid %s", uuid_s);

	size_t i = ovsdb_idl_bsearch(table, &uuid);
	bool exists = i < table->n_rows
		      && uuid_equals(&table->rows[i]->uuid, &uuid);
	if (!new) {
		if (exists)
			ovsdb_idl_table_remove(table, i);
		return NULL;
	}

	struct ovsdb_row *row = ovsdb_row_create(table->schema);
	struct ovsdb_error *error = ovsdb_row_from_json(row, new, NULL, NULL);
	if (error) {
		ovsdb_row_destroy(row);
		return error;
	}
	ovsdb_row_set_uuid(row, &uuid);
	struct ovsdb_idl_row *irow = exists ? table->rows[i]
				     : ovsdb_idl_row_add(table, &uuid);
	if (irow->new != irow->old)
		ovsdb_row_destroy(irow->new);
	ovsdb_row_destroy(irow->old);
	irow->old = irow->new = row;
	return NULL;
}

static struct ovsdb_error *ovsdb_idl_apply(struct ovsdb_idl *idl,
					   const json_t *updates)
{
	const char *table_name, *uuid_s;
	json_t *rows, *row;

	if (!json_is_object(updates))
		return ovsdb_syntax_error(updates, "table-updates expected");
	idl->seqno++;
	json_object_foreach((json_t *) updates, table_name, rows) {
		struct ovsdb_idl_table *table = ovsdb_idl_table(idl,
								table_name);
		if (!table || !json_is_object(rows))
			return ovsdb_syntax_error(rows, "bad table-update");
		json_object_foreach(rows, uuid_s, row) {
			struct ovsdb_error *error;
			error = ovsdb_idl_apply_row(table, uuid_s, row);
			if (error)
				return error;
		}
	}
	return NULL;
}

/* Handles a message that is not the awaited reply. */
static void ovsdb_idl_handle(struct ovsdb_idl *idl, struct jsonrpc_msg *msg)
{
	if (msg->type == JSONRPC_NOTIFY && !strcmp(msg->method, "update")
	    && json_array_size(msg->params) == 2) {
		struct ovsdb_error *error;
		error = ovsdb_idl_apply(idl, json_array_get(msg->params, 1));
		if (error) {
			char *s = ovsdb_error_to_string(error);
			fprintf(stderr, "ignoring bad update: %s\n", s);
			free(s);
			ovsdb_error_destroy(error);
		}
	} else if (msg->type == JSONRPC_REQUEST
		   && !strcmp(msg->method, "echo")) {
		struct jsonrpc_msg *reply;
		reply = jsonrpc_create_reply(json_incref(msg->params),
					     msg->id);
		jsonrpc_send(idl->rpc, reply);
		jsonrpc_msg_destroy(reply);
	}
}

/* Receives and handles messages until 'reply_id' is answered (when not
 * NULL), 'done' holds, or 'deadline' (-1: none) passes. */
static int ovsdb_idl_pump(struct ovsdb_idl *idl, const json_t *reply_id,
			  long long deadline, struct jsonrpc_msg **reply,
			  bool (*done)(struct ovsdb_idl *, void *), void *aux)
{
	for (;;) {
		struct jsonrpc_msg *msg;
		int error;

		if (done && done(idl, aux))
			return 0;
		error = jsonrpc_flush(idl->rpc);
		if (!error)
			error = jsonrpc_recv(idl->rpc, &msg);
		if (!error) {
			if (reply_id && msg->type != JSONRPC_NOTIFY
			    && msg->type != JSONRPC_REQUEST
			    && json_equal(msg->id, reply_id)) {
				*reply = msg;
				return 0;
			}
			ovsdb_idl_handle(idl, msg);
			jsonrpc_msg_destroy(msg);
			continue;
		}
		if (error == -EBADMSG)
			continue;
		if (error != -EAGAIN)
			return error;

		struct stream *s = jsonrpc_stream(idl->rpc);
		short want = POLLIN | (jsonrpc_backlog(idl->rpc) ? POLLOUT : 0);
		struct pollfd pfd = {
			.fd = jsonrpc_fd(idl->rpc),
			.events = stream_poll_events(s, want),
		};
		int timeout = -1;
		if (stream_pending(s))
			continue;
		if (deadline >= 0) {
			long long left = deadline - ovsdb_idl_now_ms();
			if (left <= 0)
				return -ETIMEDOUT;
			timeout = left > 1 << 30 ? 1 << 30 : (int) left;
		}
		if (poll(&pfd, 1, timeout) < 0 && errno != EINTR)
			return -errno;
	}
}

static long long ovsdb_idl_deadline(int timeout_ms)
{
	return timeout_ms < 0 ? -1 : ovsdb_idl_now_ms() + timeout_ms;
}

static char *ovsdb_idl_conn_error(struct ovsdb_idl *idl, int error)
{
	if (error == -EPIPE || error == -EBADMSG)
		return xasprintf("%s", jsonrpc_error(idl->rpc));
	if (error == -ETIMEDOUT)
		return xstrdup("timed out");
	return xstrdup(strerror(-error));
}

int ovsdb_idl_rpc(struct ovsdb_idl *idl, const char *method, json_t *params,
		  int timeout_ms, json_t **result, char **errp)
{
	json_t *id = json_integer(idl->next_id++);
	struct jsonrpc_msg *request = jsonrpc_create_request(method, params,
							     json_incref(id));
	struct jsonrpc_msg *reply = NULL;
	int error = jsonrpc_send(idl->rpc, request);

	if (!error)
		error = ovsdb_idl_pump(idl, id, ovsdb_idl_deadline(timeout_ms),
				       &reply, NULL, NULL);
	json_decref(id);
	jsonrpc_msg_destroy(request);
	*result = NULL;
	if (error) {
		*errp = ovsdb_idl_conn_error(idl, error);
		return error;
	}
	if (reply->type == JSONRPC_ERROR) {
		char *s = json_dumps(reply->error, JSON_COMPACT | JSON_SORT_KEYS);
		*errp = xasprintf("%s", s ? s : "error");
		free(s);
		jsonrpc_msg_destroy(reply);
		return -EPROTO;
	}
	*result = json_incref(reply->result);
	jsonrpc_msg_destroy(reply);
	return 0;
}

static json_t *ovsdb_idl_monitor_requests(const struct ovsdb_schema *schema)
{
	json_t *requests = json_object();

	for (size_t i = 0; i < schema->n_tables; i++) {
		const struct ovsdb_table_schema *t = schema->tables[i];
		json_t *columns = json_array();
		for (size_t c = OVSDB_N_STD_COLUMNS; c < t->n_columns; c++)
			json_array_append_new(columns,
					      json_string(t->columns[c]->name));
		json_object_set_new(requests, t->name,
				    json_pack("{s:o}", "columns", columns));
	}
	return requests;
}

static int ovsdb_idl_load(struct ovsdb_idl *idl, int timeout_ms, char **errp)
{
	json_t *result;
	int error = ovsdb_idl_rpc(idl, "get_schema",
				  json_pack("[s]", idl->db), timeout_ms,
				  &result, errp);
	if (error)
		return error;

	struct ovsdb_error *e = ovsdb_schema_from_json(result, &idl->schema);
	json_decref(result);
	if (e) {
		*errp = ovsdb_error_to_string(e);
		ovsdb_error_destroy(e);
		return -EPROTO;
	}
	idl->tables = xcalloc(idl->schema->n_tables, sizeof *idl->tables);
	for (size_t i = 0; i < idl->schema->n_tables; i++)
		idl->tables[i].schema = idl->schema->tables[i];

	json_t *params = json_pack("[s,n,o]", idl->db,
				   ovsdb_idl_monitor_requests(idl->schema));
	error = ovsdb_idl_rpc(idl, "monitor", params, timeout_ms, &result,
			      errp);
	if (error)
		return error;
	e = ovsdb_idl_apply(idl, result);
	json_decref(result);
	if (e) {
		*errp = ovsdb_error_to_string(e);
		ovsdb_error_destroy(e);
		return -EPROTO;
	}
	return 0;
}

struct ovsdb_idl *ovsdb_idl_open(const char *remote, const char *db,
				 int timeout_ms, char **errp)
{
	struct ovsdb_idl *idl;
	struct stream *stream;
	char err[256];

	if (stream_open(remote, OVSDB_IDL_PORT, &stream, err, sizeof err)) {
		*errp = xstrdup(err);
		return NULL;
	}
	idl = xcalloc(1, sizeof *idl);
	idl->rpc = jsonrpc_open_stream(stream, OVSDB_IDL_MAX_MSG);
	idl->db = xstrdup(db);
	idl->comments = json_array();
	if (ovsdb_idl_load(idl, timeout_ms, errp)) {
		ovsdb_idl_close(idl);
		return NULL;
	}
	return idl;
}

void ovsdb_idl_close(struct ovsdb_idl *idl)
{
	if (!idl)
		return;
	for (size_t i = 0; idl->tables && i < idl->schema->n_tables; i++) {
		struct ovsdb_idl_table *t = &idl->tables[i];
		for (size_t r = 0; r < t->n_rows; r++)
			ovsdb_idl_row_free(t->rows[r]);
		free(t->rows);
	}
	free(idl->tables);
	if (idl->schema)
		ovsdb_schema_destroy(idl->schema);
	jsonrpc_close(idl->rpc);
	json_decref(idl->comments);
	free(idl->inserts);
	free(idl->db);
	free(idl);
}

const struct ovsdb_schema *ovsdb_idl_schema(const struct ovsdb_idl *idl)
{
	return idl->schema;
}

struct ovsdb_idl_table *ovsdb_idl_table(const struct ovsdb_idl *idl,
					const char *name)
{
	for (size_t i = 0; i < idl->schema->n_tables; i++)
		if (!strcmp(idl->tables[i].schema->name, name))
			return &idl->tables[i];
	return NULL;
}

struct ovsdb_idl_table *ovsdb_idl_table_at(const struct ovsdb_idl *idl,
					   size_t i)
{
	return i < idl->schema->n_tables ? &idl->tables[i] : NULL;
}

struct ovsdb_idl_row *ovsdb_idl_find(const struct ovsdb_idl_table *table,
				     const struct uuid *uuid)
{
	struct ovsdb_idl_row *row = ovsdb_idl_lookup(table, uuid);

	return row && row->new ? row : NULL;
}

struct ovsdb_idl_row *ovsdb_idl_next(const struct ovsdb_idl_table *table,
				     size_t *i)
{
	while (*i < table->n_rows) {
		struct ovsdb_idl_row *row = table->rows[(*i)++];
		if (row->new)
			return row;
	}
	return NULL;
}

const struct ovsdb_datum *ovsdb_idl_read(const struct ovsdb_idl_row *row,
					 const struct ovsdb_column *column)
{
	const struct ovsdb_row *r = row->new ? row->new : row->old;

	return &r->fields[column->index];
}

const struct ovsdb_column *ovsdb_idl_column(const struct ovsdb_idl_row *row,
					    const char *column)
{
	return ovsdb_table_schema_find_column(row->table->schema, column);
}

const struct ovsdb_datum *ovsdb_idl_get(const struct ovsdb_idl_row *row,
					const char *column)
{
	const struct ovsdb_column *c = ovsdb_idl_column(row, column);

	return c ? ovsdb_idl_read(row, c) : NULL;
}

void ovsdb_idl_verify(struct ovsdb_idl_row *row,
		      const struct ovsdb_column *column)
{
	if (row->old && column->index >= OVSDB_N_STD_COLUMNS)
		row->verified[column->index] = true;
}

void ovsdb_idl_write(struct ovsdb_idl_row *row,
		     const struct ovsdb_column *column,
		     struct ovsdb_datum *value)
{
	const struct ovsdb_type *type = &column->type;

	if (!row->new) {
		ovsdb_datum_destroy(value, type);
		return;
	}
	if (row->new == row->old)
		row->new = ovsdb_row_clone(row->old);
	ovsdb_datum_destroy(&row->new->fields[column->index], type);
	ovsdb_datum_swap(&row->new->fields[column->index], value);
	row->written[column->index] = true;
}

void ovsdb_idl_set(struct ovsdb_idl_row *row, const char *column,
		   struct ovsdb_datum *value)
{
	const struct ovsdb_column *c = ovsdb_idl_column(row, column);

	if (c)
		ovsdb_idl_write(row, c, value);
}

struct ovsdb_idl_row *ovsdb_idl_insert(struct ovsdb_idl_table *table,
				       const struct uuid *uuid)
{
	struct uuid fresh;
	struct ovsdb_idl_row *row;

	if (!uuid) {
		do {
			uuid_generate(&fresh);
		} while (ovsdb_idl_lookup(table, &fresh));
		uuid = &fresh;
	}
	row = ovsdb_idl_row_add(table, uuid);
	row->new = ovsdb_row_create(table->schema);
	ovsdb_row_set_uuid(row->new, uuid);
	return row;
}

void ovsdb_idl_delete(struct ovsdb_idl_row *row)
{
	if (!row->old) {
		struct ovsdb_idl_table *t = row->table;
		ovsdb_idl_table_remove(t, ovsdb_idl_bsearch(t, &row->uuid));
		return;
	}
	if (row->new != row->old)
		ovsdb_row_destroy(row->new);
	row->new = NULL;
}

unsigned int ovsdb_idl_seqno(const struct ovsdb_idl *idl)
{
	return idl->seqno;
}

int ovsdb_idl_wait(struct ovsdb_idl *idl, int timeout_ms,
		   bool (*done)(struct ovsdb_idl *, void *aux), void *aux)
{
	return ovsdb_idl_pump(idl, NULL, ovsdb_idl_deadline(timeout_ms), NULL,
			      done, aux);
}

int ovsdb_idl_fd(const struct ovsdb_idl *idl)
{
	return idl && idl->rpc ? jsonrpc_fd(idl->rpc) : -1;
}
