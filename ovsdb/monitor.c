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

/* ---- changes held back ---- */

/* One row's state before the first change held, in a hash by uuid. */
struct held_row {
	size_t table;
	struct uuid uuid;
	struct ovsdb_row *old;		/* a copy; NULL: there was no row */
	bool used;
};

struct ovsdb_monitor_held {
	struct held_row *rows;		/* open addressing, a power of 2 */
	size_t n, cap;
};

struct ovsdb_monitor_held *ovsdb_monitor_held_create(void)
{
	return xcalloc(1, sizeof(struct ovsdb_monitor_held));
}

static void held_clear(struct ovsdb_monitor_held *h)
{
	for (size_t i = 0; i < h->cap; i++)
		if (h->rows[i].used)
			ovsdb_row_destroy(h->rows[i].old);
	free(h->rows);
	h->rows = NULL;
	h->n = h->cap = 0;
}

void ovsdb_monitor_held_destroy(struct ovsdb_monitor_held *h)
{
	if (h) {
		held_clear(h);
		free(h);
	}
}

bool ovsdb_monitor_held_empty(const struct ovsdb_monitor_held *h)
{
	return !h->n;
}

/* The slot of 'uuid' in 'rows', used or the free one it would take. */
static struct held_row *held_slot(struct held_row *rows, size_t cap,
				  const struct uuid *uuid)
{
	for (size_t i = uuid_hash(uuid);; i++) {
		struct held_row *hr = &rows[i & (cap - 1)];

		if (!hr->used || uuid_equals(&hr->uuid, uuid))
			return hr;
	}
}

static void held_grow(struct ovsdb_monitor_held *h)
{
	size_t cap = h->cap ? h->cap * 2 : 64;
	struct held_row *rows = xcalloc(cap, sizeof *rows);

	for (size_t i = 0; i < h->cap; i++)
		if (h->rows[i].used)
			*held_slot(rows, cap, &h->rows[i].uuid) = h->rows[i];
	free(h->rows);
	h->rows = rows;
	h->cap = cap;
}

static bool watches_table(const struct ovsdb_monitor *m, size_t table)
{
	for (size_t t = 0; t < m->n_tables; t++)
		if (m->tables[t].index == table)
			return true;
	return false;
}

void ovsdb_monitor_held_add(struct ovsdb_monitor_held *h,
			    const struct ovsdb_monitor *m,
			    const struct ovsdb_txn *txn)
{
	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);
		struct held_row *hr;

		if (ovsdb_txn_row_is_noop(tr) || !watches_table(m, tr->table))
			continue;
		if (2 * (h->n + 1) > h->cap)
			held_grow(h);
		hr = held_slot(h->rows, h->cap, &tr->uuid);
		if (hr->used)
			continue;	/* the first state held stays */
		hr->used = true;
		hr->table = tr->table;
		hr->uuid = tr->uuid;
		hr->old = tr->old ? ovsdb_row_clone(tr->old) : NULL;
		h->n++;
	}
}

json_t *ovsdb_monitor_held_flush(struct ovsdb_monitor_held *h,
				 const struct ovsdb_monitor *m)
{
	json_t *updates = json_object();

	for (size_t i = 0; i < h->cap; i++) {
		const struct held_row *hr = &h->rows[i];
		const struct ovsdb_row *now;

		if (!hr->used)
			continue;
		now = ovsdb_table_find(m->db->tables[hr->table], &hr->uuid);
		for (size_t t = 0; t < m->n_tables; t++)
			if (m->tables[t].index == hr->table && (now || hr->old))
				updates_add(updates, &m->tables[t],
					    now ? now : hr->old,
					    row_update(m, &m->tables[t],
						       hr->old, now));
	}
	held_clear(h);
	return nonempty(updates);
}

/* ---- sharing ---- */

static bool cond_same(const struct ovsdb_condition *a,
		      const struct ovsdb_condition *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++) {
		const struct ovsdb_clause *x = &a->clauses[i];
		const struct ovsdb_clause *y = &b->clauses[i];

		if (x->function != y->function || x->column != y->column)
			return false;
		if (x->column && !ovsdb_datum_equals(&x->arg, &y->arg,
						     &x->type))
			return false;
	}
	return true;
}

static bool mon_table_same(const struct mon_table *a,
			   const struct mon_table *b)
{
	if (a->index != b->index || a->cols.n != b->cols.n ||
	    a->initial != b->initial || a->insert != b->insert ||
	    a->delete != b->delete || a->modify != b->modify)
		return false;
	/* In order: the columns' order is the order of the update's text. */
	for (size_t i = 0; i < a->cols.n; i++)
		if (a->cols.columns[i] != b->cols.columns[i])
			return false;
	return cond_same(&a->cond, &b->cond);
}

static uint32_t mix(uint32_t h, uint32_t x)
{
	h ^= x;
	h *= 0x9e3779b1u;
	return h ^ (h >> 15);
}

uint32_t ovsdb_monitor_hash(const struct ovsdb_monitor *m)
{
	uint32_t h = mix(m->version, m->n_tables);

	for (size_t t = 0; t < m->n_tables; t++) {
		const struct mon_table *mt = &m->tables[t];

		h = mix(h, mt->index);
		h = mix(h, mt->cols.n);
		for (size_t i = 0; i < mt->cols.n; i++)
			h = mix(h, mt->cols.columns[i]->index);
		h = mix(h, mt->initial | mt->insert << 1 | mt->delete << 2 |
			   mt->modify << 3);
		for (size_t i = 0; i < mt->cond.n; i++) {
			const struct ovsdb_clause *c = &mt->cond.clauses[i];

			h = mix(h, c->function);
			if (c->column)
				h = ovsdb_datum_hash(&c->arg, &c->type,
						     mix(h, c->column->index));
		}
	}
	return h;
}

bool ovsdb_monitor_same(const struct ovsdb_monitor *a,
			const struct ovsdb_monitor *b)
{
	if (a->db != b->db || a->version != b->version ||
	    a->n_tables != b->n_tables)
		return false;
	for (size_t t = 0; t < a->n_tables; t++)
		if (!mon_table_same(&a->tables[t], &b->tables[t]))
			return false;
	return true;
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
