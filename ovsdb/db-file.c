#include "db-file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "json-text.h"
#include "ovsdb-error.h"
#include "ovsdb-row.h"
#include "ovsdb-schema.h"
#include "txn.h"
#include "xalloc.h"

/* Whether a record stores column 'i' of 'new': not ephemeral, and
 * changed from 'old' (from the default when 'old' is NULL). */
static bool column_stored(const struct ovsdb_row *old,
			  const struct ovsdb_row *new, size_t i)
{
	const struct ovsdb_column *c = new->schema->columns[i];
	const struct ovsdb_datum *d = &new->fields[i];

	return !c->ephemeral &&
	       !(old ? ovsdb_datum_equals(d, &old->fields[i], &c->type)
		     : ovsdb_datum_is_default(d, &c->type));
}

/* Whether a record writes column 'c' of a modified row as the
 * difference from its old value (a set or map), as ovsdb-server's
 * "_is_diff" records do: a commit that adds one element to a large set
 * then writes one element, not the whole set. */
static bool column_is_diff(const struct ovsdb_row *old,
			   const struct ovsdb_column *c)
{
	return old && c->type.n_max > 1;
}

/* The stored columns of 'new' that differ from 'old' (from the defaults
 * when 'old' is NULL), and _version; '*diff' set when one of them is
 * written as a difference. */
static json_t *row_record(const struct ovsdb_row *old,
			  const struct ovsdb_row *new, bool *diff)
{
	const struct ovsdb_table_schema *ts = new->schema;
	json_t *obj = json_object();

	for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++) {
		const struct ovsdb_column *c = ts->columns[i];
		const struct ovsdb_datum *d = &new->fields[i];

		struct ovsdb_datum delta;

		if (!column_stored(old, new, i))
			continue;
		if (!column_is_diff(old, c)) {
			json_object_set_new(obj, c->name,
					    ovsdb_datum_to_json(d, &c->type));
			continue;
		}
		ovsdb_datum_diff(&delta, &old->fields[i], d, &c->type);
		json_object_set_new(obj, c->name,
				    ovsdb_datum_to_json(&delta, &c->type));
		ovsdb_datum_destroy(&delta, &c->type);
		*diff = true;
	}
	json_object_set_new(obj, "_version",
			    ovsdb_datum_to_json(&new->fields[OVSDB_COL_VERSION],
						&ts->columns[OVSDB_COL_VERSION]
						->type));
	return obj;
}

static void record_set(json_t *record, const struct ovsdb_table_schema *ts,
		       const struct uuid *uuid, json_t *row)
{
	json_t *table = json_object_get(record, ts->name);
	char id[UUID_LEN + 1];

	if (!table) {
		table = json_object();
		json_object_set_new(record, ts->name, table);
	}
	uuid_format(uuid, id);
	json_object_set_new(table, id, row);
}

static void record_finish(json_t *record, const char *comment,
			  long long date_ms, bool diff)
{
	json_object_set_new(record, "_date", json_integer(date_ms));
	if (comment)
		json_object_set_new(record, "_comment", json_string(comment));
	if (diff)
		json_object_set_new(record, "_is_diff", json_true());
}

json_t *ovsdb_txn_to_record(const struct ovsdb_txn *txn, const char *comment,
			    long long date_ms)
{
	const struct ovsdb_schema *schema = ovsdb_txn_db(txn)->schema;
	json_t *record = json_object();
	bool any = false, diff = false;

	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);

		if (ovsdb_txn_row_is_noop(tr))
			continue;
		record_set(record, schema->tables[tr->table], &tr->uuid,
			   tr->new ? row_record(tr->old, tr->new, &diff)
				   : json_null());
		any = true;
	}
	if (!any) {
		json_decref(record);
		return NULL;
	}
	record_finish(record, comment, date_ms, diff);
	return record;
}

/* ---- the same record, written as text without a JSON tree ---- */

static void text_uuid(struct json_text *t, const struct uuid *u)
{
	char buf[UUID_LEN + 11] = "[\"uuid\",\"";

	ovsdb_uuid_to_chars(u, buf + 9);
	memcpy(buf + 9 + UUID_LEN, "\"]", 2);
	json_text_put(t, buf, sizeof buf);
}

static int text_atom(struct json_text *t, const union ovsdb_atom *atom,
		     enum ovsdb_atomic_type type)
{
	json_t *json;
	int error;

	switch (type) {
	case OVSDB_TYPE_UUID:
		text_uuid(t, &atom->uuid);
		return 0;
	case OVSDB_TYPE_STRING:
		return json_text_put_string(t, atom->string,
					    strlen(atom->string));
	default:
		json = ovsdb_atom_to_json(atom, type);
		error = json_text_put_json(t, json);
		json_decref(json);
		return error;
	}
}

static int text_datum(struct json_text *t, const struct ovsdb_datum *d,
		      const struct ovsdb_type *type)
{
	bool map = ovsdb_type_is_map(type);
	int error = 0;

	if (!map && d->n == 1)
		return text_atom(t, &d->keys[0], type->key.type);
	json_text_put(t, map ? "[\"map\",[" : "[\"set\",[", 8);
	for (size_t i = 0; i < d->n && !error; i++) {
		if (i)
			json_text_put(t, ",", 1);
		if (map)
			json_text_put(t, "[", 1);
		error = text_atom(t, &d->keys[i], type->key.type);
		if (map && !error) {
			json_text_put(t, ",", 1);
			error = text_atom(t, &d->values[i], type->value.type);
			json_text_put(t, "]", 1);
		}
	}
	json_text_put(t, "]]", 2);
	return error;
}

/* Appends '"name":' ('first' without the comma before it). */
static int text_key(struct json_text *t, const char *name, bool first)
{
	if (!first)
		json_text_put(t, ",", 1);
	if (json_text_put_string(t, name, strlen(name)))
		return -1;
	json_text_put(t, ":", 1);
	return 0;
}

/* row_record() as text. */
static int text_row(struct json_text *t, const struct ovsdb_row *old,
		    const struct ovsdb_row *new, bool *diff)
{
	const struct ovsdb_table_schema *ts = new->schema;
	bool first = true;

	json_text_put(t, "{", 1);
	for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++) {
		const struct ovsdb_column *c = ts->columns[i];
		const struct ovsdb_datum *d = &new->fields[i];

		struct ovsdb_datum delta;
		int error;

		if (!column_stored(old, new, i))
			continue;
		if (text_key(t, c->name, first))
			return -1;
		first = false;
		if (!column_is_diff(old, c)) {
			if (text_datum(t, d, &c->type))
				return -1;
			continue;
		}
		ovsdb_datum_diff(&delta, &old->fields[i], d, &c->type);
		error = text_datum(t, &delta, &c->type);
		ovsdb_datum_destroy(&delta, &c->type);
		if (error)
			return -1;
		*diff = true;
	}
	text_key(t, "_version", first);
	text_uuid(t, ovsdb_row_get_version(new));
	json_text_put(t, "}", 1);
	return 0;
}

/* The rows of table 't' from txn row 'from' on, as a table object. */
static int text_table(struct json_text *t, const struct ovsdb_txn *txn,
		      size_t table, size_t from, bool *diff)
{
	bool first = true;

	json_text_put(t, "{", 1);
	for (size_t i = from; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);
		char id[UUID_LEN];

		if (tr->table != table || ovsdb_txn_row_is_noop(tr))
			continue;
		if (!first)
			json_text_put(t, ",", 1);
		first = false;
		ovsdb_uuid_to_chars(&tr->uuid, id);
		json_text_put(t, "\"", 1);
		json_text_put(t, id, UUID_LEN);
		json_text_put(t, "\":", 2);
		if (!tr->new)
			json_text_put(t, "null", 4);
		else if (text_row(t, tr->old, tr->new, diff))
			return -1;
	}
	json_text_put(t, "}", 1);
	return 0;
}

int ovsdb_txn_record_text(const struct ovsdb_txn *txn, const char *comment,
			  long long date_ms, struct json_text *t)
{
	const struct ovsdb_schema *schema = ovsdb_txn_db(txn)->schema;
	bool *done = xcalloc(schema->n_tables + 1, sizeof *done);
	char date[32];
	int error = 0;
	bool any = false, diff = false;

	json_text_clear(t);
	json_text_put(t, "{", 1);
	/* Tables in the order of their first changed row, as
	 * ovsdb_txn_to_record() adds them. */
	for (size_t i = 0; i < ovsdb_txn_n_rows(txn) && !error; i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);

		if (done[tr->table] || ovsdb_txn_row_is_noop(tr))
			continue;
		done[tr->table] = true;
		error = text_key(t, schema->tables[tr->table]->name, !any);
		if (!error)
			error = text_table(t, txn, tr->table, i, &diff);
		any = true;
	}
	free(done);
	if (error)
		return -1;
	if (!any)
		return 1;
	snprintf(date, sizeof date, ",\"_date\":%lld", date_ms);
	json_text_put(t, date, strlen(date));
	if (comment && (text_key(t, "_comment", false) ||
			json_text_put_string(t, comment, strlen(comment))))
		return -1;
	if (diff)
		json_text_put(t, ",\"_is_diff\":true", 16);
	json_text_put(t, "}", 1);
	return 0;
}

json_t *ovsdb_db_snapshot(const struct ovsdb_db *db, long long date_ms)
{
	json_t *record = json_object();

	for (size_t t = 0; t < db->schema->n_tables; t++) {
		const struct ovsdb_row *row;

		OVSDB_TABLE_FOR_EACH(row, db->tables[t])
			record_set(record, db->schema->tables[t],
				   ovsdb_row_get_uuid(row),
				   row_record(NULL, row, NULL));
	}
	record_finish(record, "compacted", date_ms, false);
	return record;
}

/* The snapshot's text is handed on in pieces of about this size. */
#define SNAPSHOT_CHUNK (64u * 1024)

static void snapshot_flush(struct json_text *t, ovsdb_text_put *put,
			   void *put_aux)
{
	put(t->p, t->len, put_aux);
	json_text_clear(t);
}

/* Table 'ts' and its rows ('first': no comma before it). */
static int snapshot_table(struct json_text *t, const struct ovsdb_db *db,
			  size_t table, bool first, ovsdb_text_put *put,
			  void *put_aux)
{
	const struct ovsdb_row *row;
	bool first_row = true;

	if (text_key(t, db->schema->tables[table]->name, first))
		return -1;
	json_text_put(t, "{", 1);
	OVSDB_TABLE_FOR_EACH(row, db->tables[table]) {
		char id[UUID_LEN];

		if (!first_row)
			json_text_put(t, ",", 1);
		first_row = false;
		ovsdb_uuid_to_chars(ovsdb_row_get_uuid(row), id);
		json_text_put(t, "\"", 1);
		json_text_put(t, id, UUID_LEN);
		json_text_put(t, "\":", 2);
		if (text_row(t, NULL, row, NULL))
			return -1;
		if (t->len >= SNAPSHOT_CHUNK)
			snapshot_flush(t, put, put_aux);
	}
	json_text_put(t, "}", 1);
	return 0;
}

int ovsdb_db_snapshot_text(const struct ovsdb_db *db, long long date_ms,
			   ovsdb_text_put *put, void *put_aux)
{
	struct json_text t;
	char date[32];
	bool first = true;
	int error = 0;

	json_text_init(&t);
	json_text_put(&t, "{", 1);
	for (size_t i = 0; i < db->schema->n_tables && !error; i++) {
		if (!db->tables[i]->n_rows)
			continue;	/* as ovsdb_db_snapshot() does */
		error = snapshot_table(&t, db, i, first, put, put_aux);
		first = false;
	}
	if (!error) {
		snprintf(date, sizeof date, "%s\"_date\":%lld",
			 first ? "" : ",", date_ms);
		json_text_put(&t, date, strlen(date));
		json_text_put(&t, ",\"_comment\":\"compacted\"}", 24);
		snapshot_flush(&t, put, put_aux);
	}
	json_text_destroy(&t);
	return error ? -1 : 0;
}

/* ---- replay ---- */

static struct ovsdb_error *replay_version(struct ovsdb_row *row,
					  const json_t *json)
{
	const struct ovsdb_column *c = row->schema->columns[OVSDB_COL_VERSION];
	struct ovsdb_datum d;
	struct ovsdb_error *error;

	if (!json)
		return ovsdb_syntax_error(NULL, "row without \"_version\"");
	error = ovsdb_datum_from_json(&d, &c->type, json, NULL);
	if (error)
		return error;
	ovsdb_row_set_version(row, &d.keys[0].uuid);
	ovsdb_datum_destroy(&d, &c->type);
	return NULL;
}

/* Sets the columns of 'json' (a row object of the record) in 'row'. */
/* Applies the difference 'json' to column 'c' of 'row'.  A difference
 * may hold more elements than the column allows, so it is read with the
 * size limits lifted; the result is checked as every value is. */
static struct ovsdb_error *replay_diff(struct ovsdb_row *row,
				       const struct ovsdb_column *c,
				       const json_t *json)
{
	struct ovsdb_type any = c->type;
	struct ovsdb_error *error;
	struct ovsdb_datum diff;
	struct ovsdb_datum *d = &row->fields[c->index];

	any.n_min = 0;
	any.n_max = OVSDB_UNLIMITED;
	error = ovsdb_datum_from_json(&diff, &any, json, NULL);
	if (error)
		return ovsdb_error_wrap(error, "column %s in table %s",
					c->name, row->schema->name);
	ovsdb_datum_apply_diff(d, &diff, &c->type);
	ovsdb_datum_destroy(&diff, &c->type);
	if (d->n < c->type.n_min || d->n > c->type.n_max)
		return ovsdb_syntax_error(json, "column %s in table %s: "
					  "difference leaves %zu value(s)",
					  c->name, row->schema->name, d->n);
	return NULL;
}

/* Sets the columns of 'json' in 'row'; those of sets and maps are
 * differences from the row's values when 'diff'. */
static struct ovsdb_error *replay_columns(struct ovsdb_row *row,
					  const json_t *json, bool diff)
{
	json_t *columns = json_deep_copy(json);
	struct ovsdb_error *error = NULL;
	const char *name;
	json_t *value;
	void *next;

	json_object_del(columns, "_version");
	json_object_foreach_safe(columns, next, name, value) {
		const struct ovsdb_column *c;

		c = ovsdb_table_schema_find_column(row->schema, name);
		if (!diff || !c || !column_is_diff(row, c) ||
		    c->index < OVSDB_N_STD_COLUMNS)
			continue;
		error = replay_diff(row, c, value);
		if (error)
			break;
		json_object_del(columns, name);
	}
	if (!error)
		error = ovsdb_row_from_json(row, columns, NULL, NULL);
	if (!error)
		error = replay_version(row, json_object_get(json, "_version"));
	json_decref(columns);
	return error;
}

static struct ovsdb_error *replay_row(struct ovsdb_txn *txn,
				      const struct ovsdb_table_schema *ts,
				      const char *id, const json_t *json,
				      bool diff)
{
	const struct ovsdb_row *old;
	struct ovsdb_row *row;
	struct ovsdb_error *error;
	struct uuid uuid;

	if (!uuid_from_string(&uuid, id))
		return ovsdb_syntax_error(NULL, "table %s: bad uuid %s",
					  ts->name, id);
	old = ovsdb_txn_get(txn, ts, &uuid);
	if (json_is_null(json)) {
		if (!old)
			return ovsdb_syntax_error(NULL, "table %s: deleting "
						  "missing row %s", ts->name,
						  id);
		ovsdb_txn_delete(txn, old);
		return NULL;
	}
	if (!json_is_object(json))
		return ovsdb_syntax_error(json, "table %s row %s: object or "
					  "null expected", ts->name, id);
	if (old)
		return replay_columns(ovsdb_txn_modify(txn, old), json, diff);
	row = ovsdb_row_create(ts);
	ovsdb_row_set_uuid(row, &uuid);
	error = replay_columns(row, json, false);
	if (!error && !ovsdb_txn_insert(txn, row))
		error = ovsdb_syntax_error(NULL, "table %s: row %s inserted "
					   "twice", ts->name, id);
	if (error)
		ovsdb_row_destroy(row);
	return error;
}

static struct ovsdb_error *replay_table(struct ovsdb_txn *txn,
					const char *name, const json_t *rows,
					bool diff)
{
	const struct ovsdb_table_schema *ts;
	const char *id;
	json_t *row;

	ts = ovsdb_schema_find_table(ovsdb_txn_db(txn)->schema, name);
	if (!ts)
		return ovsdb_syntax_error(NULL, "no table %s", name);
	if (!json_is_object(rows))
		return ovsdb_syntax_error(rows, "table %s: object expected",
					  name);
	json_object_foreach((json_t *) rows, id, row) {
		struct ovsdb_error *error = replay_row(txn, ts, id, row,
						       diff);

		if (error)
			return error;
	}
	return NULL;
}

struct ovsdb_error *ovsdb_txn_from_record(struct ovsdb_db *db,
					  const json_t *record,
					  struct ovsdb_txn **txnp)
{
	struct ovsdb_txn *txn;
	const char *name;
	json_t *value;
	bool diff;

	*txnp = NULL;
	if (!json_is_object(record))
		return ovsdb_syntax_error(record, "record: object expected");
	diff = json_is_true(json_object_get(record, "_is_diff"));
	txn = ovsdb_txn_create(db);
	json_object_foreach((json_t *) record, name, value) {
		struct ovsdb_error *error;

		if (name[0] == '_')
			continue;
		error = replay_table(txn, name, value, diff);
		if (error) {
			ovsdb_txn_destroy(txn);
			return error;
		}
	}
	*txnp = txn;
	return NULL;
}

struct ovsdb_error *ovsdb_db_replay(struct ovsdb_db *db, const json_t *record)
{
	struct ovsdb_txn *txn;
	struct ovsdb_error *error = ovsdb_txn_from_record(db, record, &txn);

	if (error)
		return error;
	ovsdb_txn_apply(txn);
	ovsdb_txn_destroy(txn);
	return NULL;
}
