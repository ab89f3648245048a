/* Turning the replica's pending changes into one "transact": "wait" for
 * every verified column, then insert, update and delete operations, an
 * optional atomic increment, and comments. */
#include "ovsdb-idl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ovsdb-error.h"
#include "ovsdb-idl-private.h"
#include "xalloc.h"

/* Ops of the request, by what their result means to us. */
enum txn_op_kind { TXN_OP_OTHER, TXN_OP_WAIT, TXN_OP_UPDATE, TXN_OP_INSERT,
		   TXN_OP_SELECT };

struct txn_builder {
	struct ovsdb_idl *idl;
	json_t *ops;
	enum txn_op_kind *kinds;
	struct uuid *op_uuids;	/* the temp uuid of each insert op */
	size_t alloc;
	bool changes;
};

static void txn_row_name(const struct uuid *uuid, char name[UUID_LEN + 4])
{
	char s[UUID_LEN + 1];

	uuid_format(uuid, s);
	for (char *p = s; *p; p++)
		if (*p == '-')
			*p = '_';
	snprintf(name, UUID_LEN + 4, "row%s", s);
}

static bool txn_is_inserted(const struct ovsdb_idl *idl,
			    const struct uuid *uuid)
{
	for (size_t t = 0; t < idl->schema->n_tables; t++) {
		struct ovsdb_idl_row *row = ovsdb_idl_find(&idl->tables[t],
							   uuid);
		if (row && !row->old)
			return true;
	}
	return false;
}

/* Rewrites ["uuid", U] into ["named-uuid", rowU] for rows inserted by this
 * transaction, throughout 'json'. */
static void txn_name_refs(const struct ovsdb_idl *idl, json_t *json)
{
	struct uuid uuid;
	size_t i;
	json_t *v;

	if (json_is_array(json) && json_array_size(json) == 2
	    && json_is_string(json_array_get(json, 0))
	    && !strcmp(json_string_value(json_array_get(json, 0)), "uuid")
	    && uuid_from_string(&uuid, json_string_value(
					json_array_get(json, 1)) ?: "")
	    && txn_is_inserted(idl, &uuid)) {
		char name[UUID_LEN + 4];
		txn_row_name(&uuid, name);
		json_array_set_new(json, 0, json_string("named-uuid"));
		json_array_set_new(json, 1, json_string(name));
		return;
	}
	if (json_is_array(json)) {
		json_array_foreach(json, i, v)
			txn_name_refs(idl, v);
	} else if (json_is_object(json)) {
		const char *key;
		json_object_foreach(json, key, v)
			txn_name_refs(idl, v);
	}
}

static json_t *txn_where_uuid(const struct uuid *uuid)
{
	char s[UUID_LEN + 1];

	uuid_format(uuid, s);
	return json_pack("[[s,s,[s,s]]]", "_uuid", "==", "uuid", s);
}

static void txn_add(struct txn_builder *b, json_t *op, enum txn_op_kind kind,
		    const struct uuid *uuid)
{
	size_t n = json_array_size(b->ops) - 1;	/* ops[0] is the db */

	if (n + 1 > b->alloc) {
		b->alloc = b->alloc ? 2 * b->alloc : 16;
		b->kinds = xrealloc(b->kinds, b->alloc * sizeof *b->kinds);
		b->op_uuids = xrealloc(b->op_uuids,
				       b->alloc * sizeof *b->op_uuids);
	}
	b->kinds[n] = kind;
	if (uuid)
		b->op_uuids[n] = *uuid;
	json_array_append_new(b->ops, op);
}

/* The columns of 'row' flagged in 'flags', from 'contents'. */
static json_t *txn_columns(const struct ovsdb_idl_row *row,
			   const bool *flags, const struct ovsdb_row *contents,
			   bool only_changed)
{
	const struct ovsdb_table_schema *ts = row->table->schema;
	json_t *obj = json_object();

	for (size_t c = OVSDB_N_STD_COLUMNS; c < ts->n_columns; c++) {
		const struct ovsdb_column *col = ts->columns[c];
		if (!flags[c])
			continue;
		if (only_changed && ovsdb_datum_equals(&row->old->fields[c],
						       &contents->fields[c],
						       &col->type))
			continue;
		json_object_set_new(obj, col->name,
				    ovsdb_datum_to_json(&contents->fields[c],
							&col->type));
	}
	return obj;
}

static void txn_add_wait(struct txn_builder *b,
			 const struct ovsdb_idl_row *row)
{
	const struct ovsdb_table_schema *ts = row->table->schema;
	json_t *cols = json_array();
	json_t *values = txn_columns(row, row->verified, row->old, false);

	for (size_t c = OVSDB_N_STD_COLUMNS; c < ts->n_columns; c++)
		if (row->verified[c])
			json_array_append_new(cols,
					      json_string(ts->columns[c]->name));
	if (!json_array_size(cols)) {
		json_decref(cols);
		json_decref(values);
		return;
	}
	txn_add(b, json_pack("{s:s,s:s,s:i,s:o,s:o,s:s,s:[o]}", "op", "wait",
			     "table", ts->name, "timeout", 0, "where",
			     txn_where_uuid(&row->uuid), "columns", cols,
			     "until", "==", "rows", values),
		TXN_OP_WAIT, NULL);
}

static void txn_add_change(struct txn_builder *b, struct ovsdb_idl_row *row)
{
	const char *table = row->table->schema->name;

	if (!row->old) {
		char name[UUID_LEN + 4];
		json_t *values = txn_columns(row, row->written, row->new,
					     false);
		txn_row_name(&row->uuid, name);
		txn_add(b, json_pack("{s:s,s:s,s:s,s:o}", "op", "insert",
				     "table", table, "uuid-name", name,
				     "row", values),
			TXN_OP_INSERT, &row->uuid);
		b->changes = true;
	} else if (!row->new) {
		txn_add(b, json_pack("{s:s,s:s,s:o}", "op", "delete", "table",
				     table, "where",
				     txn_where_uuid(&row->uuid)),
			TXN_OP_OTHER, NULL);
		b->changes = true;
	} else if (row->new != row->old) {
		json_t *values = txn_columns(row, row->written, row->new,
					     true);
		if (!json_object_size(values)) {
			json_decref(values);
			return;
		}
		txn_add(b, json_pack("{s:s,s:s,s:o,s:o}", "op", "update",
				     "table", table, "where",
				     txn_where_uuid(&row->uuid), "row", values),
			TXN_OP_UPDATE, NULL);
		b->changes = true;
	}
}

static void txn_add_increment(struct txn_builder *b)
{
	struct ovsdb_idl_row *row = b->idl->incr_row;
	const char *table = row->table->schema->name;
	const char *column = b->idl->incr_column->name;

	txn_add(b, json_pack("{s:s,s:s,s:o,s:[[s,s,i]]}", "op", "mutate",
			     "table", table, "where",
			     txn_where_uuid(&row->uuid), "mutations", column,
			     "+=", 1),
		TXN_OP_OTHER, NULL);
	txn_add(b, json_pack("{s:s,s:s,s:o,s:[s]}", "op", "select", "table",
			     table, "where", txn_where_uuid(&row->uuid),
			     "columns", column),
		TXN_OP_SELECT, NULL);
}

static void txn_build(struct txn_builder *b)
{
	struct ovsdb_idl *idl = b->idl;

	b->ops = json_pack("[s]", idl->db);
	for (size_t t = 0; t < idl->schema->n_tables; t++) {
		struct ovsdb_idl_table *table = &idl->tables[t];
		for (size_t r = 0; r < table->n_rows; r++)
			if (table->rows[r]->old)
				txn_add_wait(b, table->rows[r]);
	}
	for (size_t t = 0; t < idl->schema->n_tables; t++) {
		struct ovsdb_idl_table *table = &idl->tables[t];
		for (size_t r = 0; r < table->n_rows; r++)
			txn_add_change(b, table->rows[r]);
	}
	if (b->changes && idl->incr_row && idl->incr_row->old)
		txn_add_increment(b);
	if (b->changes) {
		size_t i;
		json_t *comment;
		json_array_foreach(idl->comments, i, comment)
			txn_add(b, json_pack("{s:s,s:O}", "op", "comment",
					     "comment", comment),
				TXN_OP_OTHER, NULL);
	}
	txn_name_refs(idl, b->ops);
}

void ovsdb_idl_abort(struct ovsdb_idl *idl)
{
	for (size_t t = 0; t < idl->schema->n_tables; t++) {
		struct ovsdb_idl_table *table = &idl->tables[t];
		size_t n = table->schema->n_columns;
		for (size_t r = table->n_rows; r-- > 0; ) {
			struct ovsdb_idl_row *row = table->rows[r];
			if (!row->old) {
				ovsdb_idl_table_remove(table, r);
				continue;
			}
			if (row->new != row->old)
				ovsdb_row_destroy(row->new);
			row->new = row->old;
			memset(row->written, 0, n * sizeof *row->written);
			memset(row->verified, 0, n * sizeof *row->verified);
		}
	}
	idl->incr_row = NULL;
	idl->incr_column = NULL;
	json_array_clear(idl->comments);
}

static void txn_record_insert(struct ovsdb_idl *idl, const struct uuid *temp,
			      const json_t *result)
{
	const json_t *u = json_object_get(result, "uuid");
	struct ovsdb_idl_insert *ins;

	idl->inserts = xrealloc(idl->inserts,
				(idl->n_inserts + 1) * sizeof *idl->inserts);
	ins = &idl->inserts[idl->n_inserts++];
	ins->temp = *temp;
	uuid_zero(&ins->real);
	if (json_array_size(u) == 2)
		uuid_from_string(&ins->real,
				 json_string_value(json_array_get(u, 1)) ?: "");
}

static enum ovsdb_idl_status txn_error(const json_t *reply, char **errp)
{
	char *s = json_dumps(reply, JSON_COMPACT | JSON_SORT_KEYS);

	*errp = xasprintf("transaction error: %s", s ? s : "?");
	free(s);
	return OVSDB_IDL_ERROR;
}

/* Reads the per-operation results of a transaction. */
static enum ovsdb_idl_status txn_parse(struct ovsdb_idl *idl,
				       const struct txn_builder *b,
				       const json_t *results, char **errp)
{
	size_t n_ops = json_array_size(b->ops) - 1;

	if (!json_is_array(results))
		return txn_error(results, errp);
	/* A server may stop the array at the failed operation, and puts a
	 * commit failure after the operations' results. */
	for (size_t i = 0; i < json_array_size(results); i++) {
		const json_t *r = json_array_get(results, i);
		const char *e = json_string_value(json_object_get(r, "error"));
		if (!json_object_get(r, "error"))
			continue;
		if (i < n_ops && b->kinds[i] == TXN_OP_WAIT && e
		    && !strcmp(e, OVSDB_E_TIMED_OUT))
			return OVSDB_IDL_TRY_AGAIN;
		return txn_error(r, errp);
	}
	if (json_array_size(results) < n_ops)
		return txn_error(results, errp);
	for (size_t i = 0; i < n_ops; i++) {
		const json_t *r = json_array_get(results, i);
		if (b->kinds[i] == TXN_OP_UPDATE
		    && json_integer_value(json_object_get(r, "count")) != 1)
			return OVSDB_IDL_TRY_AGAIN;
		if (b->kinds[i] == TXN_OP_INSERT)
			txn_record_insert(idl, &b->op_uuids[i], r);
		if (b->kinds[i] == TXN_OP_SELECT) {
			const json_t *rows = json_object_get(r, "rows");
			const json_t *v = json_object_get(
				json_array_get(rows, 0),
				idl->incr_column ? idl->incr_column->name
						 : "");
			idl->incr_result = json_integer_value(v);
		}
	}
	return OVSDB_IDL_SUCCESS;
}

enum ovsdb_idl_status ovsdb_idl_commit(struct ovsdb_idl *idl, int timeout_ms,
				       char **errp)
{
	struct txn_builder b = { .idl = idl };
	enum ovsdb_idl_status status;
	json_t *result;

	idl->n_inserts = 0;
	txn_build(&b);
	if (!b.changes) {
		json_decref(b.ops);
		ovsdb_idl_abort(idl);
		free(b.kinds);
		free(b.op_uuids);
		return OVSDB_IDL_UNCHANGED;
	}
	/* The increment's column name must outlive the abort. */
	const struct ovsdb_column *incr_column = idl->incr_column;
	ovsdb_idl_abort(idl);
	idl->incr_column = incr_column;

	if (ovsdb_idl_rpc(idl, "transact", json_incref(b.ops), timeout_ms,
			  &result, errp))
		status = OVSDB_IDL_ERROR;
	else
		status = txn_parse(idl, &b, result, errp);
	json_decref(result);
	json_decref(b.ops);
	free(b.kinds);
	free(b.op_uuids);
	idl->incr_column = NULL;
	return status;
}

void ovsdb_idl_increment(struct ovsdb_idl *idl, struct ovsdb_idl_row *row,
			 const char *column)
{
	idl->incr_row = row;
	idl->incr_column = ovsdb_idl_column(row, column);
	if (!idl->incr_column)
		idl->incr_row = NULL;
}

int64_t ovsdb_idl_increment_result(const struct ovsdb_idl *idl)
{
	return idl->incr_result;
}

void ovsdb_idl_comment(struct ovsdb_idl *idl, const char *comment)
{
	json_array_append_new(idl->comments, json_string(comment));
}

const struct uuid *ovsdb_idl_inserted_uuid(const struct ovsdb_idl *idl,
					   const struct uuid *temp)
{
	for (size_t i = 0; i < idl->n_inserts; i++)
		if (uuid_equals(&idl->inserts[i].temp, temp))
			return &idl->inserts[i].real;
	return NULL;
}
