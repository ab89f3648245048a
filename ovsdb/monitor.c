#include "monitor.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "ovsdb-condition.h"
#include "ovsdb-error.h"
#include "ovsdb-parser.h"
#include "ovsdb-row.h"
#include "ovsdb-schema.h"
#include "txn.h"
#include "xalloc.h"

struct mon_table {
	const struct ovsdb_table_schema *ts;
	size_t index;			/* in the database */
	struct ovsdb_column_set cols;
	bool initial, insert, delete, modify;
	struct ovsdb_condition cond;	/* version 2; empty: every row */
};

struct ovsdb_monitor {
	const struct ovsdb_db *db;
	enum ovsdb_monitor_version version;
	struct mon_table *tables;
	size_t n_tables;
};

static void mon_table_destroy(struct mon_table *mt)
{
	ovsdb_column_set_destroy(&mt->cols);
	ovsdb_condition_destroy(&mt->cond);
}

void ovsdb_monitor_destroy(struct ovsdb_monitor *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n_tables; i++)
		mon_table_destroy(&m->tables[i]);
	free(m->tables);
	free(m);
}

static struct ovsdb_error *parse_select(struct mon_table *mt,
					const json_t *select)
{
	static const char *const names[] = { "initial", "insert", "delete",
					     "modify", NULL };
	bool *flags[] = { &mt->initial, &mt->insert, &mt->delete,
			  &mt->modify };
	struct ovsdb_error *error;

	error = ovsdb_parser_check_members(select, "select", names);
	for (size_t i = 0; !error && names[i]; i++) {
		const json_t *v;

		error = ovsdb_parser_member(select, "select", names[i],
					    OP_BOOLEAN | OP_OPTIONAL, &v);
		if (!error && v)
			*flags[i] = json_is_true(v);
	}
	return error;
}

/* Adds the request's columns to those of the table's other requests. */
static struct ovsdb_error *merge_columns(struct mon_table *mt,
					 const json_t *columns)
{
	struct ovsdb_column_set set;
	struct ovsdb_error *error;

	ovsdb_column_set_init(&set);
	error = ovsdb_db_columns_from_json(mt->ts, columns, &set);
	for (size_t i = 0; !error && i < set.n; i++)
		if (!ovsdb_column_set_contains(&mt->cols,
					       set.columns[i]->index))
			ovsdb_column_set_add(&mt->cols, set.columns[i]);
	ovsdb_column_set_destroy(&set);
	return error;
}

static struct ovsdb_error *parse_request(struct mon_table *mt,
					 const json_t *req,
					 enum ovsdb_monitor_version version)
{
	static const char *const v1[] = { "columns", "select", NULL };
	static const char *const v2[] = { "columns", "select", "where", NULL };
	const json_t *columns, *select, *where = NULL;
	struct ovsdb_error *error;

	if (!json_is_object(req))
		return ovsdb_syntax_error(req, "monitor request: object "
					  "expected");
	error = ovsdb_parser_check_members(req, "monitor request",
					   version == OVSDB_MONITOR_V1 ? v1
					   : v2);
	if (!error)
		error = ovsdb_parser_member(req, "monitor request", "columns",
					    OP_ARRAY | OP_OPTIONAL, &columns);
	if (!error)
		error = ovsdb_parser_member(req, "monitor request", "select",
					    OP_OBJECT | OP_OPTIONAL, &select);
	if (!error && version != OVSDB_MONITOR_V1)
		error = ovsdb_parser_member(req, "monitor request", "where",
					    OP_ARRAY | OP_OPTIONAL, &where);
	if (!error && select)
		error = parse_select(mt, select);
	if (!error && where) {
		ovsdb_condition_destroy(&mt->cond);
		error = ovsdb_condition_from_json(mt->ts, where, NULL,
						  &mt->cond);
	}
	if (error)
		return error;
	if (!columns) {
		/* Every column but _uuid. */
		for (size_t i = 1; i < mt->ts->n_columns; i++)
			if (!ovsdb_column_set_contains(&mt->cols, i))
				ovsdb_column_set_add(&mt->cols,
						     mt->ts->columns[i]);
		return NULL;
	}
	return merge_columns(mt, columns);
}

static struct ovsdb_error *parse_table(struct ovsdb_monitor *m,
				       const char *name, const json_t *reqs)
{
	const struct ovsdb_table_schema *ts;
	struct mon_table *mt;
	struct ovsdb_error *error = NULL;

	ts = ovsdb_schema_find_table(m->db->schema, name);
	if (!ts)
		return ovsdb_syntax_error(NULL, "no table named %s", name);
	mt = &m->tables[m->n_tables++];
	mt->ts = ts;
	mt->index = ovsdb_db_table_index(m->db, ts);
	mt->initial = mt->insert = mt->delete = mt->modify = true;
	ovsdb_column_set_init(&mt->cols);
	ovsdb_condition_init(&mt->cond);
	if (!json_is_array(reqs))
		return parse_request(mt, reqs, m->version);
	for (size_t i = 0; !error && i < json_array_size(reqs); i++)
		error = parse_request(mt, json_array_get(reqs, i), m->version);
	return error;
}

struct ovsdb_error *ovsdb_monitor_create(const struct ovsdb_db *db,
					 const json_t *requests,
					 enum ovsdb_monitor_version version,
					 struct ovsdb_monitor **mp)
{
	struct ovsdb_monitor *m;
	struct ovsdb_error *error = NULL;
	const char *name;
	json_t *reqs;

	*mp = NULL;
	if (!json_is_object(requests))
		return ovsdb_syntax_error(requests, "monitor-requests: object "
					  "expected");
	m = xcalloc(1, sizeof *m);
	m->db = db;
	m->version = version;
	m->tables = xcalloc(json_object_size(requests) + 1,
			    sizeof *m->tables);
	json_object_foreach((json_t *) requests, name, reqs) {
		error = parse_table(m, name, reqs);
		if (error)
			break;
	}
	if (error) {
		ovsdb_monitor_destroy(m);
		return error;
	}
	*mp = m;
	return NULL;
}

/* ---- updates ---- */

static bool mt_match(const struct mon_table *mt, const struct ovsdb_row *row)
{
	return row && ovsdb_condition_match_any(&mt->cond, row);
}

/* The monitored columns of 'row' not at their default (version 2). */
static json_t *row_nondefault(const struct mon_table *mt,
			      const struct ovsdb_row *row)
{
	json_t *obj = json_object();

	for (size_t i = 0; i < mt->cols.n; i++) {
		const struct ovsdb_column *c = mt->cols.columns[i];
		const struct ovsdb_datum *d = &row->fields[c->index];

		if (!ovsdb_datum_is_default(d, &c->type))
			json_object_set_new(obj, c->name,
					    ovsdb_datum_to_json(d, &c->type));
	}
	return obj;
}

/* For a set or map, the elements that differ: what 'new' has that 'old'
 * lacks (or holds with another value), and the keys 'new' dropped. */
static json_t *datum_diff(const struct ovsdb_column *c,
			  const struct ovsdb_datum *old,
			  const struct ovsdb_datum *new)
{
	struct ovsdb_datum added;
	json_t *json;

	ovsdb_datum_diff(&added, old, new, &c->type);
	json = ovsdb_datum_to_json(&added, &c->type);
	if (!json_is_array(json)) {
		/* One element prints bare; a diff is always a set or map. */
		json_t *set = json_pack("[s, [o]]", "set", json);

		json = set;
	}
	ovsdb_datum_destroy(&added, &c->type);
	return json;
}

/* {"old": changed columns, "new": all} (v1) or the diff (v2); NULL when
 * no monitored column changed. */
static json_t *row_modify(const struct ovsdb_monitor *m,
			  const struct mon_table *mt,
			  const struct ovsdb_row *old,
			  const struct ovsdb_row *new)
{
	json_t *changed = json_object();

	for (size_t i = 0; i < mt->cols.n; i++) {
		const struct ovsdb_column *c = mt->cols.columns[i];
		const struct ovsdb_datum *o = &old->fields[c->index];
		const struct ovsdb_datum *n = &new->fields[c->index];

		if (ovsdb_datum_equals(o, n, &c->type))
			continue;
		json_object_set_new(changed, c->name,
				    m->version == OVSDB_MONITOR_V1
				    ? ovsdb_datum_to_json(o, &c->type)
				    : c->type.n_max == 1
				    ? ovsdb_datum_to_json(n, &c->type)
				    : datum_diff(c, o, n));
	}
	if (!json_object_size(changed)) {
		json_decref(changed);
		return NULL;
	}
	if (m->version == OVSDB_MONITOR_V1)
		return json_pack("{s:o, s:o}", "old", changed, "new",
				 ovsdb_row_to_json(new, &mt->cols));
	return json_pack("{s:o}", "modify", changed);
}

/* The row-update for a change from 'old' to 'new' (either may be NULL),
 * or NULL when the client is not told. */
static json_t *row_update(const struct ovsdb_monitor *m,
			  const struct mon_table *mt,
			  const struct ovsdb_row *old,
			  const struct ovsdb_row *new)
{
	bool was = mt_match(mt, old), is = mt_match(mt, new);

	if (!was && is && mt->insert)
		return m->version == OVSDB_MONITOR_V1
		       ? json_pack("{s:o}", "new",
				   ovsdb_row_to_json(new, &mt->cols))
		       : json_pack("{s:o}", "insert", row_nondefault(mt, new));
	if (was && !is && mt->delete)
		return m->version == OVSDB_MONITOR_V1
		       ? json_pack("{s:o}", "old",
				   ovsdb_row_to_json(old, &mt->cols))
		       : json_pack("{s:n}", "delete");
	if (was && is && mt->modify)
		return row_modify(m, mt, old, new);
	return NULL;
}

static void updates_add(json_t *updates, const struct mon_table *mt,
			const struct ovsdb_row *row, json_t *update)
{
	json_t *table = json_object_get(updates, mt->ts->name);
	char id[UUID_LEN + 1];

	if (!update)
		return;
	if (!table) {
		table = json_object();
		json_object_set_new(updates, mt->ts->name, table);
	}
	uuid_format(ovsdb_row_get_uuid(row), id);
	json_object_set_new(table, id, update);
}

json_t *ovsdb_monitor_initial(const struct ovsdb_monitor *m)
{
	json_t *updates = json_object();

	for (size_t t = 0; t < m->n_tables; t++) {
		const struct mon_table *mt = &m->tables[t];
		const struct ovsdb_row *row;

		if (!mt->initial)
			continue;
		OVSDB_TABLE_FOR_EACH(row, m->db->tables[mt->index]) {
			if (!mt_match(mt, row))
				continue;
			updates_add(updates, mt, row,
				    m->version == OVSDB_MONITOR_V1
				    ? json_pack("{s:o}", "new",
						ovsdb_row_to_json(row,
								  &mt->cols))
				    : json_pack("{s:o}", "initial",
						row_nondefault(mt, row)));
		}
	}
	return updates;
}

static json_t *nonempty(json_t *updates)
{
	if (json_object_size(updates))
		return updates;
	json_decref(updates);
	return NULL;
}

json_t *ovsdb_monitor_txn_updates(const struct ovsdb_monitor *m,
				  const struct ovsdb_txn *txn)
{
	json_t *updates = json_object();

	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);

		if (ovsdb_txn_row_is_noop(tr))
			continue;
		for (size_t t = 0; t < m->n_tables; t++)
			if (m->tables[t].index == tr->table)
				updates_add(updates, &m->tables[t],
					    tr->new ? tr->new : tr->old,
					    row_update(m, &m->tables[t],
						       tr->old, tr->new));
	}
	return nonempty(updates);
}

/* ---- condition change ---- */

static struct mon_table *find_table(struct ovsdb_monitor *m, const char *name)
{
	for (size_t t = 0; t < m->n_tables; t++)
		if (!strcmp(m->tables[t].ts->name, name))
			return &m->tables[t];
	return NULL;
}

/* The new condition of each table named, parsed before any is used. */
static struct ovsdb_error *parse_conds(struct ovsdb_monitor *m,
				       const json_t *requests,
				       struct ovsdb_condition *conds)
{
	const char *name;
	json_t *reqs;

	json_object_foreach((json_t *) requests, name, reqs) {
		struct mon_table *mt = find_table(m, name);
		const json_t *req = json_is_array(reqs)
				    ? json_array_get(reqs, 0) : reqs;
		const json_t *where;
		struct ovsdb_error *error;

		if (!mt)
			return ovsdb_syntax_error(NULL, "%s is not monitored",
						  name);
		error = ovsdb_parser_member(req, "monitor request", "where",
					    OP_ARRAY, &where);
		if (!error)
			error = ovsdb_condition_from_json(
				mt->ts, where, NULL, &conds[mt - m->tables]);
		if (error)
			return error;
	}
	return NULL;
}

/* Tells the rows that enter or leave the view, and installs 'cond'. */
static void switch_cond(struct ovsdb_monitor *m, struct mon_table *mt,
			struct ovsdb_condition *cond, json_t *updates)
{
	struct ovsdb_condition old = mt->cond;
	const struct ovsdb_row *row;

	mt->cond = *cond;
	ovsdb_condition_init(cond);
	OVSDB_TABLE_FOR_EACH(row, m->db->tables[mt->index]) {
		bool was = ovsdb_condition_match_any(&old, row);
		bool is = ovsdb_condition_match_any(&mt->cond, row);

		if (!was && is)
			updates_add(updates, mt, row, json_pack(
				"{s:o}", "insert", row_nondefault(mt, row)));
		else if (was && !is)
			updates_add(updates, mt, row,
				    json_pack("{s:n}", "delete"));
	}
	ovsdb_condition_destroy(&old);
}

struct ovsdb_error *ovsdb_monitor_change_cond(struct ovsdb_monitor *m,
					      const json_t *requests,
					      json_t **updatesp)
{
	struct ovsdb_condition *conds;
	struct ovsdb_error *error;
	json_t *updates;

	*updatesp = NULL;
	if (!json_is_object(requests))
		return ovsdb_syntax_error(requests, "monitor-cond-change "
					  "requests: object expected");
	conds = xcalloc(m->n_tables + 1, sizeof *conds);
	for (size_t t = 0; t < m->n_tables; t++)
		ovsdb_condition_init(&conds[t]);
	error = parse_conds(m, requests, conds);
	updates = json_object();
	for (size_t t = 0; !error && t < m->n_tables; t++)
		if (json_object_get(requests, m->tables[t].ts->name))
			switch_cond(m, &m->tables[t], &conds[t], updates);
	for (size_t t = 0; t < m->n_tables; t++)
		ovsdb_condition_destroy(&conds[t]);
	free(conds);
	if (error) {
		json_decref(updates);
		return error;
	}
	*updatesp = nonempty(updates);
	return NULL;
}
