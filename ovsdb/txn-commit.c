/* What a transaction must satisfy before it commits, checked on the
 * transaction's own view so that a failure leaves the database as it
 * was: references, garbage collection, maxRows, indexes. */
#include "txn.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "ovsdb-error.h"
#include "ovsdb-row.h"
#include "ovsdb-schema.h"
#include "xalloc.h"

/* A reference found in a row: the column, the table it points into, the
 * uuid.  Returning false stops the walk. */
typedef bool ref_cb(const struct ovsdb_column *,
		    const struct ovsdb_table_schema *target,
		    const struct uuid *, void *aux);

static bool is_ref(const struct ovsdb_base_type *b, enum ovsdb_ref_type rt)
{
	return ovsdb_base_type_is_ref(b) && b->u.uuid.ref_type == rt;
}

static bool column_has_refs(const struct ovsdb_column *c,
			    enum ovsdb_ref_type rt)
{
	return is_ref(&c->type.key, rt) || is_ref(&c->type.value, rt);
}

static bool table_has_refs(const struct ovsdb_table_schema *ts,
			   enum ovsdb_ref_type rt)
{
	for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++)
		if (column_has_refs(ts->columns[i], rt))
			return true;
	return false;
}

static bool row_for_each_ref(const struct ovsdb_row *row,
			     enum ovsdb_ref_type rt, ref_cb *cb, void *aux)
{
	const struct ovsdb_table_schema *ts = row->schema;

	for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++) {
		const struct ovsdb_column *c = ts->columns[i];
		const struct ovsdb_datum *d = &row->fields[i];

		for (size_t j = 0; j < d->n; j++) {
			if (is_ref(&c->type.key, rt) &&
			    !cb(c, c->type.key.u.uuid.ref_table,
				&d->keys[j].uuid, aux))
				return false;
			if (is_ref(&c->type.value, rt) &&
			    !cb(c, c->type.value.u.uuid.ref_table,
				&d->values[j].uuid, aux))
				return false;
		}
	}
	return true;
}

static bool tr_changed(const struct ovsdb_txn_row *tr)
{
	return tr->new && !ovsdb_txn_row_is_noop(tr);
}

static bool txn_has_deletions(const struct ovsdb_txn *txn)
{
	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);

		if (tr->old && !tr->new)
			return true;
	}
	return false;
}

/* ---- strong references ---- */

struct ref_check {
	const struct ovsdb_txn *txn;
	const struct ovsdb_row *row;
	struct ovsdb_error *error;
};

static bool check_strong_ref(const struct ovsdb_column *c,
			     const struct ovsdb_table_schema *target,
			     const struct uuid *uuid, void *aux)
{
	struct ref_check *rc = aux;
	char from[UUID_LEN + 1], to[UUID_LEN + 1];

	if (ovsdb_txn_get(rc->txn, target, uuid))
		return true;
	uuid_format(ovsdb_row_get_uuid(rc->row), from);
	uuid_format(uuid, to);
	rc->error = ovsdb_error(OVSDB_E_REFERENTIAL, "Table %s column %s row "
				"%s references nonexistent row %s in table "
				"%s.", rc->row->schema->name, c->name, from,
				to, target->name);
	return false;
}

/* Each changed row's strong references name rows that exist. */
static struct ovsdb_error *check_changed_refs(const struct ovsdb_txn *txn)
{
	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);
		struct ref_check rc = { txn, tr->new, NULL };

		if (tr_changed(tr) &&
		    !row_for_each_ref(tr->new, OVSDB_REF_STRONG,
				      check_strong_ref, &rc))
			return rc.error;
	}
	return NULL;
}

/* A row the transaction deleted that an unchanged row still references:
 * found by the first pass, its references counted by the second (the
 * error says how many, as ovsdb-server's does). */
struct dangling {
	const struct ovsdb_txn *txn;
	const struct ovsdb_table_schema *target;   /* NULL until found */
	struct uuid uuid;
	size_t n_refs;
};

static bool find_dangling(const struct ovsdb_column *c,
			  const struct ovsdb_table_schema *target,
			  const struct uuid *uuid, void *aux)
{
	struct dangling *d = aux;

	if (ovsdb_txn_get(d->txn, target, uuid))
		return true;
	d->target = target;
	d->uuid = *uuid;
	return false;
}

static bool count_dangling(const struct ovsdb_column *c,
			   const struct ovsdb_table_schema *target,
			   const struct uuid *uuid, void *aux)
{
	struct dangling *d = aux;

	if (target == d->target && uuid_equals(uuid, &d->uuid))
		d->n_refs++;
	return true;
}

/* Runs 'fn' over the strong references of every row the transaction left
 * alone, until it returns false. */
static void for_each_unchanged_ref(const struct ovsdb_txn *txn,
				   ref_cb *fn, struct dangling *d)
{
	const struct ovsdb_schema *schema = ovsdb_txn_db(txn)->schema;
	bool go_on = true;

	for (size_t t = 0; t < schema->n_tables && go_on; t++) {
		const struct ovsdb_table_schema *ts = schema->tables[t];
		const struct ovsdb_row **rows;
		size_t n;

		if (!table_has_refs(ts, OVSDB_REF_STRONG))
			continue;
		rows = ovsdb_txn_rows(txn, ts, &n);
		for (size_t i = 0; i < n && go_on; i++)
			if (rows[i]->table)	/* committed, not changed */
				go_on = row_for_each_ref(rows[i],
							 OVSDB_REF_STRONG, fn,
							 d);
		free(rows);
	}
}

/* No row the transaction left alone points at a row it deleted. */
static struct ovsdb_error *check_deleted_refs(const struct ovsdb_txn *txn)
{
	struct dangling d = { .txn = txn };
	char id[UUID_LEN + 1];

	if (!txn_has_deletions(txn))
		return NULL;
	for_each_unchanged_ref(txn, find_dangling, &d);
	if (!d.target)
		return NULL;
	for_each_unchanged_ref(txn, count_dangling, &d);
	uuid_format(&d.uuid, id);
	return ovsdb_error(OVSDB_E_REFERENTIAL, "cannot delete %s row %s "
			   "because of %zu remaining reference(s)",
			   d.target->name, id, d.n_refs);
}

/* ---- garbage collection ---- */

struct gc_cand {
	const struct ovsdb_table_schema *ts;
	struct uuid uuid;
	size_t refs;
};

struct gc_set {
	const struct ovsdb_db *db;
	struct gc_cand *c;
	size_t n, cap;
};

static struct gc_cand *gc_find(struct gc_set *s,
			       const struct ovsdb_table_schema *ts,
			       const struct uuid *uuid)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->c[i].ts == ts && uuid_equals(&s->c[i].uuid, uuid))
			return &s->c[i];
	return NULL;
}

static bool gc_add(const struct ovsdb_column *c,
		   const struct ovsdb_table_schema *ts,
		   const struct uuid *uuid, void *aux)
{
	struct gc_set *s = aux;

	if (!ovsdb_schema_is_root(s->db->schema, ts) && !gc_find(s, ts, uuid)) {
		s->c = xgrow_n(s->c, &s->cap, s->n + 1, sizeof *s->c);
		s->c[s->n++] = (struct gc_cand) { ts, *uuid, 0 };
	}
	return true;
}

static bool gc_count(const struct ovsdb_column *c,
		     const struct ovsdb_table_schema *ts,
		     const struct uuid *uuid, void *aux)
{
	struct gc_cand *cand = gc_find(aux, ts, uuid);

	if (cand)
		cand->refs++;
	return true;
}

/* Non-root rows the transaction inserted, and those that lost a strong
 * reference: the only ones it can leave unreferenced. */
static void gc_seed(const struct ovsdb_txn *txn, struct gc_set *s)
{
	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);

		if (tr->old && !ovsdb_txn_row_is_noop(tr))
			row_for_each_ref(tr->old, OVSDB_REF_STRONG, gc_add, s);
		else if (!tr->old && tr->new)
			gc_add(NULL, tr->new->schema, &tr->uuid, s);
	}
}

static void gc_count_refs(const struct ovsdb_txn *txn, struct gc_set *s)
{
	const struct ovsdb_schema *schema = s->db->schema;

	for (size_t t = 0; t < schema->n_tables; t++) {
		const struct ovsdb_row **rows;
		size_t n;

		if (!table_has_refs(schema->tables[t], OVSDB_REF_STRONG))
			continue;
		rows = ovsdb_txn_rows(txn, schema->tables[t], &n);
		for (size_t i = 0; i < n; i++)
			row_for_each_ref(rows[i], OVSDB_REF_STRONG, gc_count, s);
		free(rows);
	}
}

/* Deletes unreferenced candidates, whose own references then make the
 * next round's candidates, until a round deletes nothing. */
static void collect_garbage(struct ovsdb_txn *txn)
{
	struct gc_set s = { .db = ovsdb_txn_db(txn) };

	gc_seed(txn, &s);
	while (s.n) {
		struct gc_set next = { .db = s.db };

		gc_count_refs(txn, &s);
		for (size_t i = 0; i < s.n; i++) {
			const struct ovsdb_row *row;

			row = ovsdb_txn_get(txn, s.c[i].ts, &s.c[i].uuid);
			if (!row || s.c[i].refs)
				continue;
			row_for_each_ref(row, OVSDB_REF_STRONG, gc_add, &next);
			ovsdb_txn_delete(txn, row);
		}
		free(s.c);
		s = next;
	}
	free(s.c);
}

/* ---- weak references ---- */

static bool weak_target_missing(const struct ovsdb_txn *txn,
				const struct ovsdb_base_type *b,
				const union ovsdb_atom *atom)
{
	return is_ref(b, OVSDB_REF_WEAK) &&
	       !ovsdb_txn_get(txn, b->u.uuid.ref_table, &atom->uuid);
}

static bool datum_has_dangling(const struct ovsdb_txn *txn,
			       const struct ovsdb_column *c,
			       const struct ovsdb_datum *d)
{
	for (size_t j = 0; j < d->n; j++)
		if (weak_target_missing(txn, &c->type.key, &d->keys[j]) ||
		    (d->values &&
		     weak_target_missing(txn, &c->type.value, &d->values[j])))
			return true;
	return false;
}

/* Drops the entries of 'd' that point at missing rows. */
static void datum_drop_dangling(const struct ovsdb_txn *txn,
				const struct ovsdb_column *c,
				struct ovsdb_datum *d)
{
	size_t k = 0;

	for (size_t j = 0; j < d->n; j++) {
		if (weak_target_missing(txn, &c->type.key, &d->keys[j]) ||
		    (d->values &&
		     weak_target_missing(txn, &c->type.value,
					 &d->values[j]))) {
			ovsdb_atom_destroy(&d->keys[j], c->type.key.type);
			if (d->values)
				ovsdb_atom_destroy(&d->values[j],
						   c->type.value.type);
			continue;
		}
		d->keys[k] = d->keys[j];
		if (d->values)
			d->values[k] = d->values[j];
		k++;
	}
	d->n = k;
}

static struct ovsdb_error *fix_weak_row(struct ovsdb_txn *txn,
					const struct ovsdb_row *row)
{
	const struct ovsdb_table_schema *ts = row->schema;
	struct ovsdb_row *w = NULL;

	for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++) {
		const struct ovsdb_column *c = ts->columns[i];
		char id[UUID_LEN + 1];

		if (!column_has_refs(c, OVSDB_REF_WEAK) ||
		    !datum_has_dangling(txn, c, &row->fields[i]))
			continue;
		if (!w)
			w = ovsdb_txn_modify(txn, row);
		datum_drop_dangling(txn, c, &w->fields[i]);
		if (w->fields[i].n >= c->type.n_min)
			continue;
		uuid_format(ovsdb_row_get_uuid(row), id);
		return ovsdb_error(OVSDB_E_CONSTRAINT, "Deletion of weak "
				   "reference(s) leaves column %s in table %s "
				   "row %s with %zu value(s), fewer than its "
				   "minimum of %u.", c->name, ts->name, id,
				   w->fields[i].n, c->type.n_min);
	}
	return NULL;
}

/* Weak references to rows that do not exist (any more) are dropped. */
static struct ovsdb_error *fix_weak_refs(struct ovsdb_txn *txn)
{
	const struct ovsdb_schema *schema = ovsdb_txn_db(txn)->schema;
	bool deletions = txn_has_deletions(txn);

	for (size_t t = 0; t < schema->n_tables; t++) {
		const struct ovsdb_row **rows;
		struct ovsdb_error *error = NULL;
		size_t n;

		if (!table_has_refs(schema->tables[t], OVSDB_REF_WEAK))
			continue;
		rows = ovsdb_txn_rows(txn, schema->tables[t], &n);
		for (size_t i = 0; i < n && !error; i++)
			if (deletions || !rows[i]->table)
				error = fix_weak_row(txn, rows[i]);
		free(rows);
		if (error)
			return error;
	}
	return NULL;
}

/* ---- table limits ---- */

static bool table_changed(const struct ovsdb_txn *txn, size_t t)
{
	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);

		if (tr->table == t && tr_changed(tr))
			return true;
	}
	return false;
}

static struct ovsdb_error *check_max_rows(const struct ovsdb_txn *txn)
{
	const struct ovsdb_schema *schema = ovsdb_txn_db(txn)->schema;

	for (size_t t = 0; t < schema->n_tables; t++) {
		const struct ovsdb_table_schema *ts = schema->tables[t];
		size_t n;

		if (ts->max_rows == UINT_MAX || !table_changed(txn, t))
			continue;
		free(ovsdb_txn_rows(txn, ts, &n));
		if (n > ts->max_rows)
			return ovsdb_error(OVSDB_E_CONSTRAINT, "Transaction "
					   "causes \"%s\" table to contain %zu "
					   "rows, greater than the "
					   "schema-defined limit of %u "
					   "row(s).", ts->name, n,
					   ts->max_rows);
	}
	return NULL;
}

/* How an index error describes a row. */
static const char *row_origin(const struct ovsdb_txn *txn,
			      const struct ovsdb_row *row)
{
	const struct ovsdb_txn_row *tr = NULL;

	for (size_t i = 0; i < ovsdb_txn_n_rows(txn) && !tr; i++)
		if (ovsdb_txn_row_at(txn, i)->new == row)
			tr = ovsdb_txn_row_at(txn, i);
	if (!tr)
		return "existed in the database before this transaction and "
		       "was not modified by the transaction";
	return tr->old ? "was modified by this transaction"
		       : "was inserted by this transaction";
}

/* Appends 'fmt' to '*s'. */
static void append(char **s, const char *fmt, const char *arg, bool first)
{
	char *n = xasprintf(fmt, *s, first ? "" : ", ", arg);

	free(*s);
	*s = n;
}

static struct ovsdb_error *index_error(const struct ovsdb_txn *txn,
				       const struct ovsdb_column_set *ix,
				       const struct ovsdb_row *a,
				       const struct ovsdb_row *b)
{
	char *values = xstrdup(""), *names = xstrdup("");
	char ida[UUID_LEN + 1], idb[UUID_LEN + 1];
	struct ovsdb_error *error;

	for (size_t i = 0; i < ix->n; i++) {
		const struct ovsdb_column *c = ix->columns[i];
		json_t *j = ovsdb_datum_to_json(&a->fields[c->index], &c->type);
		char *v = json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY);

		append(&values, "%s%s%s", v, !i);
		append(&names, "%s%s\"%s\"", c->name, !i);
		free(v);
		json_decref(j);
	}
	uuid_format(ovsdb_row_get_uuid(a), ida);
	uuid_format(ovsdb_row_get_uuid(b), idb);
	error = ovsdb_error(OVSDB_E_CONSTRAINT, "Transaction causes multiple "
			    "rows in \"%s\" table to have identical values "
			    "(%s) for index on column%s %s.  First row, with "
			    "UUID %s, %s.  Second row, with UUID %s, %s.",
			    a->schema->name, values, ix->n > 1 ? "s" : "",
			    names, ida, row_origin(txn, a), idb,
			    row_origin(txn, b));
	free(values);
	free(names);
	return error;
}

static struct ovsdb_error *check_row_indexes(const struct ovsdb_txn *txn,
					     const struct ovsdb_row *row,
					     const struct ovsdb_row **rows,
					     size_t n)
{
	const struct ovsdb_table_schema *ts = row->schema;

	for (size_t x = 0; x < ts->n_indexes; x++)
		for (size_t i = 0; i < n; i++)
			if (rows[i] != row &&
			    ovsdb_row_equal_columns(row, rows[i],
						    &ts->indexes[x]))
				return index_error(txn, &ts->indexes[x], row,
						   rows[i]);
	return NULL;
}

static struct ovsdb_error *check_indexes(const struct ovsdb_txn *txn)
{
	const struct ovsdb_schema *schema = ovsdb_txn_db(txn)->schema;

	for (size_t t = 0; t < schema->n_tables; t++) {
		const struct ovsdb_table_schema *ts = schema->tables[t];
		struct ovsdb_error *error = NULL;
		const struct ovsdb_row **rows;
		size_t n;

		if (!ts->n_indexes || !table_changed(txn, t))
			continue;
		rows = ovsdb_txn_rows(txn, ts, &n);
		for (size_t i = 0; i < ovsdb_txn_n_rows(txn) && !error; i++) {
			const struct ovsdb_txn_row *tr =
				ovsdb_txn_row_at(txn, i);

			if (tr->table == t && tr_changed(tr))
				error = check_row_indexes(txn, tr->new, rows,
							  n);
		}
		free(rows);
		if (error)
			return error;
	}
	return NULL;
}

static struct ovsdb_error *check_constraints(const struct ovsdb_txn *txn)
{
	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);
		struct ovsdb_error *error;

		if (!tr_changed(tr))
			continue;
		error = ovsdb_row_check_constraints(tr->new);
		if (error)
			return error;
	}
	return NULL;
}

struct ovsdb_error *ovsdb_txn_precommit(struct ovsdb_txn *txn)
{
	struct ovsdb_error *error;

	error = check_changed_refs(txn);
	if (!error)
		error = check_deleted_refs(txn);
	if (error)
		return error;
	collect_garbage(txn);
	error = fix_weak_refs(txn);
	if (!error)
		error = check_max_rows(txn);
	if (!error)
		error = check_indexes(txn);
	if (!error)
		error = check_constraints(txn);
	if (error)
		return error;
	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);
		struct uuid version;

		if (tr_changed(tr)) {
			uuid_generate(&version);
			ovsdb_row_set_version(tr->new, &version);
		}
	}
	return NULL;
}
