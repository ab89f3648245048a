#include "db-file.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "ovsdb-error.h"
#include "ovsdb-row.h"
#include "ovsdb-schema.h"
#include "txn.h"
#include "xalloc.h"

/* The stored columns of 'new' that differ from 'old' (from the defaults
 * when 'old' is NULL), and _version. */
static json_t *row_record(const struct ovsdb_row *old,
			  const struct ovsdb_row *new)
{
	const struct ovsdb_table_schema *ts = new->schema;
	json_t *obj = json_object();

	for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++) {
		const struct ovsdb_column *c = ts->columns[i];
		const struct ovsdb_datum *d = &new->fields[i];

		if (c->ephemeral ||
		    (old ? ovsdb_datum_equals(d, &old->fields[i], &c->type)
			 : ovsdb_datum_is_default(d, &c->type)))
			continue;
		json_object_set_new(obj, c->name,
				    ovsdb_datum_to_json(d, &c->type));
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
			  long long date_ms)
{
	json_object_set_new(record, "_date", json_integer(date_ms));
	if (comment)
		json_object_set_new(record, "_comment", json_string(comment));
}

json_t *ovsdb_txn_to_record(const struct ovsdb_txn *txn, const char *comment,
			    long long date_ms)
{
	const struct ovsdb_schema *schema = ovsdb_txn_db(txn)->schema;
	json_t *record = json_object();
	bool any = false;

	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);

		if (ovsdb_txn_row_is_noop(tr))
			continue;
		record_set(record, schema->tables[tr->table], &tr->uuid,
			   tr->new ? row_record(tr->old, tr->new)
				   : json_null());
		any = true;
	}
	if (!any) {
		json_decref(record);
		return NULL;
	}
	record_finish(record, comment, date_ms);
	return record;
}

json_t *ovsdb_db_snapshot(const struct ovsdb_db *db, long long date_ms)
{
	json_t *record = json_object();

	for (size_t t = 0; t < db->schema->n_tables; t++) {
		const struct ovsdb_row *row;

		OVSDB_TABLE_FOR_EACH(row, db->tables[t])
			record_set(record, db->schema->tables[t],
				   ovsdb_row_get_uuid(row),
				   row_record(NULL, row));
	}
	record_finish(record, "compacted", date_ms);
	return record;
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
static struct ovsdb_error *replay_columns(struct ovsdb_row *row,
					  const json_t *json)
{
	json_t *columns = json_deep_copy(json);
	struct ovsdb_error *error;

	json_object_del(columns, "_version");
	error = ovsdb_row_from_json(row, columns, NULL, NULL);
	if (!error)
		error = replay_version(row, json_object_get(json, "_version"));
	json_decref(columns);
	return error;
}

static struct ovsdb_error *replay_row(struct ovsdb_txn *txn,
				      const struct ovsdb_table_schema *ts,
				      const char *id, const json_t *json)
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
		return replay_columns(ovsdb_txn_modify(txn, old), json);
	row = ovsdb_row_create(ts);
	ovsdb_row_set_uuid(row, &uuid);
	error = replay_columns(row, json);
	if (!error && !ovsdb_txn_insert(txn, row))
		error = ovsdb_syntax_error(NULL, "table %s: row %s inserted "
					   "twice", ts->name, id);
	if (error)
		ovsdb_row_destroy(row);
	return error;
}

static struct ovsdb_error *replay_table(struct ovsdb_txn *txn,
					const char *name, const json_t *rows)
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
		struct ovsdb_error *error = replay_row(txn, ts, id, row);

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

	*txnp = NULL;
	if (!json_is_object(record))
		return ovsdb_syntax_error(record, "record: object expected");
	txn = ovsdb_txn_create(db);
	json_object_foreach((json_t *) record, name, value) {
		struct ovsdb_error *error;

		if (name[0] == '_')
			continue;
		error = replay_table(txn, name, value);
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
