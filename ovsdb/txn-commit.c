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
#include "refs.h"
#include "xalloc.h"

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


static bool tr_changed(const struct ovsdb_txn_row *tr)
{
	return tr->new && !ovsdb_txn_row_is_noop(tr);
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

/* Whether the transaction deletes a row (before garbage collection:
 * one that an operation deleted). */
static bool txn_deletes(const struct ovsdb_txn *txn)
{
	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);

		if (tr->old && !tr->new)
			return true;
	}
	return false;
}

/* The strong references of a set column that 'new' has and 'old' does
 * not (both sorted): when nothing was deleted, the others still hold. */
static bool check_added_refs(const struct ovsdb_column *c,
			     const struct ovsdb_datum *old,
			     const struct ovsdb_datum *new,
			     struct ref_check *rc)
{
	const struct ovsdb_table_schema *target = c->type.key.u.uuid.ref_table;
	size_t i = 0;

	for (size_t j = 0; j < new->n; j++) {
		const struct uuid *u = &new->keys[j].uuid;

		while (i < old->n && uuid_compare(&old->keys[i].uuid, u) < 0)
			i++;
		if (i < old->n && uuid_equals(&old->keys[i].uuid, u))
			continue;
		if (!check_strong_ref(c, target, u, rc))
			return false;
	}
	return true;
}

/* Every strong reference in column 'c' of value 'd'. */
static bool check_datum_refs(const struct ovsdb_column *c,
			     const struct ovsdb_datum *d, struct ref_check *rc)
{
	const struct ovsdb_base_type *k = &c->type.key, *v = &c->type.value;

	for (size_t j = 0; j < d->n; j++) {
		if (is_ref(k, OVSDB_REF_STRONG) &&
		    !check_strong_ref(c, k->u.uuid.ref_table, &d->keys[j].uuid,
				      rc))
			return false;
		if (is_ref(v, OVSDB_REF_STRONG) &&
		    !check_strong_ref(c, v->u.uuid.ref_table,
				      &d->values[j].uuid, rc))
			return false;
	}
	return true;
}

static bool is_strong_ref_set(const struct ovsdb_column *c)
{
	return is_ref(&c->type.key, OVSDB_REF_STRONG) &&
	       c->type.value.type == OVSDB_TYPE_VOID;
}

/* A modified row's new strong references, when nothing was deleted. */
static bool check_modified_refs(const struct ovsdb_txn_row *tr,
				struct ref_check *rc)
{
	const struct ovsdb_table_schema *ts = tr->new->schema;

	for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++) {
		const struct ovsdb_column *c = ts->columns[i];
		const struct ovsdb_datum *a = &tr->old->fields[i];
		const struct ovsdb_datum *b = &tr->new->fields[i];

		if (!column_has_refs(c, OVSDB_REF_STRONG))
			continue;
		if (is_strong_ref_set(c)) {
			if (!check_added_refs(c, a, b, rc))
				return false;
		} else if (!ovsdb_datum_equals(a, b, &c->type) &&
			   !check_datum_refs(c, b, rc)) {
			return false;
		}
	}
	return true;
}

/* Each changed row's strong references name rows that exist. */
static struct ovsdb_error *check_changed_refs(const struct ovsdb_txn *txn)
{
	bool deletes = txn_deletes(txn);

	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);
		struct ref_check rc = { txn, tr->new, NULL };
		bool ok;

		if (!tr_changed(tr))
			continue;
		if (tr->old && !deletes)
			ok = check_modified_refs(tr, &rc);
		else
			ok = ovsdb_row_for_each_ref(tr->new, OVSDB_REF_STRONG,
						    check_strong_ref, &rc);
		if (!ok)
			return rc.error;
	}
	return NULL;
}

/* The transaction's changes to the reference counts: minus the
 * references of the old versions of its rows, plus those of the new. */
static void refs_delta(const struct ovsdb_txn *txn, struct ovsdb_refs *delta)
{
	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);

		ovsdb_refs_add_change(delta, tr->old, tr->new, true);
	}
}

/* Strong references to 'uuid' in 'ts' as the transaction sees them. */
static long strong_refs(const struct ovsdb_txn *txn,
			const struct ovsdb_refs *delta,
			const struct ovsdb_table_schema *ts,
			const struct uuid *uuid)
{
	const struct ovsdb_ref_count *c, *d;

	c = ovsdb_refs_find(&ovsdb_txn_db(txn)->refs, ts, uuid);
	d = ovsdb_refs_find(delta, ts, uuid);
	return (c ? c->strong : 0) + (d ? d->strong : 0);
}

/* No row still points at a row the transaction deleted (the error
 * says how many do, as ovsdb-server's does). */
static struct ovsdb_error *check_deleted_refs(const struct ovsdb_txn *txn,
					      const struct ovsdb_refs *delta)
{
	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);
		char id[UUID_LEN + 1];
		long n;

		if (!tr->old || tr->new)
			continue;
		n = strong_refs(txn, delta, tr->old->schema, &tr->uuid);
		if (n <= 0)
			continue;
		uuid_format(&tr->uuid, id);
		return ovsdb_error(OVSDB_E_REFERENTIAL, "cannot delete %s row "
				   "%s because of %ld remaining reference(s)",
				   tr->old->schema->name, id, n);
	}
	return NULL;
}

/* ---- garbage collection ---- */

/* The rows that may have become garbage, in the order found; 'seen'
 * keeps them unique. */
struct gc_set {
	const struct ovsdb_txn *txn;
	const struct ovsdb_refs *delta;
	bool lost_only;		/* only rows whose count went down */
	struct ovsdb_refs seen;
	struct ovsdb_ref_count *c;
	size_t n, cap;
};

static bool gc_add(const struct ovsdb_column *c,
		   const struct ovsdb_table_schema *ts,
		   const struct uuid *uuid, void *aux)
{
	struct gc_set *s = aux;
	struct ovsdb_ref_count *rc;

	if (s->lost_only) {
		const struct ovsdb_ref_count *d;

		d = ovsdb_refs_find(s->delta, ts, uuid);
		if (!d || d->strong >= 0)
			return true;
	}
	if (ovsdb_schema_is_root(ovsdb_txn_db(s->txn)->schema, ts))
		return true;
	rc = ovsdb_refs_get(&s->seen, ts, uuid);
	if (!rc->mark) {
		rc->mark = true;
		s->c = xgrow_n(s->c, &s->cap, s->n + 1, sizeof *s->c);
		s->c[s->n++] = *rc;
	}
	return true;
}

static void gc_set_init(struct gc_set *s, const struct ovsdb_txn *txn,
			const struct ovsdb_refs *delta)
{
	*s = (struct gc_set) { .txn = txn, .delta = delta };
	ovsdb_refs_init(&s->seen);
}

static void gc_set_destroy(struct gc_set *s)
{
	ovsdb_refs_destroy(&s->seen);
	free(s->c);
}

/* Non-root rows the transaction inserted, and those that lost a strong
 * reference: the only ones it can leave unreferenced. */
static void gc_seed(const struct ovsdb_txn *txn, struct gc_set *s)
{
	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);

		s->lost_only = true;
		if (tr->old && !ovsdb_txn_row_is_noop(tr))
			ovsdb_row_for_each_ref(tr->old, OVSDB_REF_STRONG,
					       gc_add, s);
		s->lost_only = false;
		if (!tr->old && tr->new)
			gc_add(NULL, tr->new->schema, &tr->uuid, s);
	}
}

/* Deletes unreferenced candidates, whose own references then make the
 * next round's candidates, until a round deletes nothing. */
static void collect_garbage(struct ovsdb_txn *txn, struct ovsdb_refs *delta)
{
	struct gc_set s;

	gc_set_init(&s, txn, delta);
	gc_seed(txn, &s);
	while (s.n) {
		const struct ovsdb_row **dead = xcalloc(s.n, sizeof *dead);
		size_t n_dead = 0;
		struct gc_set next;

		gc_set_init(&next, txn, delta);
		for (size_t i = 0; i < s.n; i++) {
			const struct ovsdb_row *row;

			row = ovsdb_txn_get(txn, s.c[i].target, &s.c[i].uuid);
			if (row && strong_refs(txn, delta, s.c[i].target,
					       &s.c[i].uuid) <= 0)
				dead[n_dead++] = row;
		}
		for (size_t i = 0; i < n_dead; i++) {
			ovsdb_row_for_each_ref(dead[i], OVSDB_REF_STRONG,
					       gc_add, &next);
			ovsdb_refs_add_row(delta, dead[i], -1, true);
			ovsdb_txn_delete(txn, dead[i]);
		}
		free(dead);
		gc_set_destroy(&s);
		s = next;
	}
	gc_set_destroy(&s);
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

/* Whether the transaction deletes a row that some committed row, which
 * the transaction may not touch, references weakly. */
static bool deletes_weak_targets(const struct ovsdb_txn *txn)
{
	const struct ovsdb_refs *refs = &ovsdb_txn_db(txn)->refs;

	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);
		const struct ovsdb_ref_count *c;

		if (!tr->old || tr->new)
			continue;
		c = ovsdb_refs_find(refs, tr->old->schema, &tr->uuid);
		if (c && c->weak > 0)
			return true;
	}
	return false;
}

/* The rows of table 't' that fix_weak_refs() looks at: all of them when
 * 'all', otherwise those the transaction changed. */
static const struct ovsdb_row **weak_rows(const struct ovsdb_txn *txn,
					  size_t t, bool all, size_t *np)
{
	const struct ovsdb_schema *schema = ovsdb_txn_db(txn)->schema;
	const struct ovsdb_row **rows;
	size_t n = 0;

	if (all)
		return ovsdb_txn_rows(txn, schema->tables[t], np);
	rows = xcalloc(ovsdb_txn_n_rows(txn) + 1, sizeof *rows);
	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);

		if (tr->table == t && tr->new)
			rows[n++] = tr->new;
	}
	*np = n;
	return rows;
}

/* Weak references to rows that do not exist (any more) are dropped. */
static struct ovsdb_error *fix_weak_refs(struct ovsdb_txn *txn)
{
	const struct ovsdb_schema *schema = ovsdb_txn_db(txn)->schema;
	bool all = deletes_weak_targets(txn);

	for (size_t t = 0; t < schema->n_tables; t++) {
		const struct ovsdb_row **rows;
		struct ovsdb_error *error = NULL;
		size_t n;

		if (!table_has_refs(schema->tables[t], OVSDB_REF_WEAK))
			continue;
		rows = weak_rows(txn, t, all, &n);
		for (size_t i = 0; i < n && !error; i++)
			error = fix_weak_row(txn, rows[i]);
		free(rows);
		if (error)
			return error;
	}
	return NULL;
}

/* ---- table limits ---- */

/* Whether the transaction changes table 't'; and how many rows the
 * table then has. */
static bool table_changed(const struct ovsdb_txn *txn, size_t t,
			  size_t *n_rows)
{
	const struct ovsdb_db *db = ovsdb_txn_db(txn);
	size_t n = ovsdb_table_count(db->tables[t]);
	bool changed = false;

	for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);

		if (tr->table != t)
			continue;
		changed |= tr_changed(tr);
		n += (tr->new != NULL) - (tr->old != NULL);
	}
	if (n_rows)
		*n_rows = n;
	return changed;
}

static struct ovsdb_error *check_max_rows(const struct ovsdb_txn *txn)
{
	const struct ovsdb_schema *schema = ovsdb_txn_db(txn)->schema;

	for (size_t t = 0; t < schema->n_tables; t++) {
		const struct ovsdb_table_schema *ts = schema->tables[t];
		size_t n;

		if (ts->max_rows == UINT_MAX || !table_changed(txn, t, &n))
			continue;
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

/* A row of the transaction's view and the hash of one index on it. */
struct hashed_row {
	const struct ovsdb_row *row;
	uint32_t hash;
};

/* The visible txn rows of table 't' hashed on index 'ix': modified ones
 * (standing for committed rows) first, then inserted, as
 * ovsdb_txn_rows() orders them. */
static struct hashed_row *hash_txn_rows(const struct ovsdb_txn *txn,
					size_t t,
					const struct ovsdb_index *ix,
					size_t *np)
{
	struct hashed_row *rows = xcalloc(ovsdb_txn_n_rows(txn) + 1,
					  sizeof *rows);
	size_t n = 0;

	for (int inserted = 0; inserted < 2; inserted++) {
		for (size_t i = 0; i < ovsdb_txn_n_rows(txn); i++) {
			const struct ovsdb_txn_row *tr =
				ovsdb_txn_row_at(txn, i);

			if (tr->table != t || !tr->new ||
			    (tr->old == NULL) != inserted)
				continue;
			rows[n].row = tr->new;
			rows[n++].hash = ovsdb_index_hash(ix, tr->new);
		}
	}
	*np = n;
	return rows;
}

/* A row other than 'row' with its values for index 'ix': committed rows
 * the transaction left alone, then the transaction's own. */
static const struct ovsdb_row *find_duplicate(
	const struct ovsdb_txn *txn, const struct ovsdb_index *ix,
	const struct hashed_row *row, const struct hashed_row *rows, size_t n)
{
	const struct ovsdb_index_node *node;

	for (node = ovsdb_index_chain(ix, row->hash); node; node = node->next)
		if (node->hash == row->hash &&
		    ovsdb_txn_get(txn, node->row->schema,
				  ovsdb_row_get_uuid(node->row)) == node->row &&
		    ovsdb_row_equal_columns(row->row, node->row, ix->columns))
			return node->row;
	for (size_t i = 0; i < n; i++)
		if (rows[i].hash == row->hash && rows[i].row != row->row &&
		    ovsdb_row_equal_columns(row->row, rows[i].row,
					    ix->columns))
			return rows[i].row;
	return NULL;
}

/* Index 'x' of table 't' over the rows the transaction changed. */
static struct ovsdb_error *check_index(const struct ovsdb_txn *txn,
				       size_t t, size_t x)
{
	const struct ovsdb_index *ix = &ovsdb_txn_db(txn)->indexes[t][x];
	struct ovsdb_error *error = NULL;
	struct hashed_row *rows;
	size_t n;

	rows = hash_txn_rows(txn, t, ix, &n);
	for (size_t i = 0; i < ovsdb_txn_n_rows(txn) && !error; i++) {
		const struct ovsdb_txn_row *tr = ovsdb_txn_row_at(txn, i);
		const struct ovsdb_row *dup;
		struct hashed_row row;

		if (tr->table != t || !tr_changed(tr))
			continue;
		row.row = tr->new;
		row.hash = ovsdb_index_hash(ix, tr->new);
		dup = find_duplicate(txn, ix, &row, rows, n);
		if (dup)
			error = index_error(txn, ix->columns, tr->new, dup);
	}
	free(rows);
	return error;
}

static struct ovsdb_error *check_indexes(const struct ovsdb_txn *txn)
{
	const struct ovsdb_schema *schema = ovsdb_txn_db(txn)->schema;

	for (size_t t = 0; t < schema->n_tables; t++) {
		const struct ovsdb_table_schema *ts = schema->tables[t];

		if (!ts->n_indexes || !table_changed(txn, t, NULL))
			continue;
		for (size_t x = 0; x < ts->n_indexes; x++) {
			struct ovsdb_error *error = check_index(txn, t, x);

			if (error)
				return error;
		}
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
	struct ovsdb_refs delta;

	error = check_changed_refs(txn);
	if (error)
		return error;
	ovsdb_refs_init(&delta);
	refs_delta(txn, &delta);
	error = check_deleted_refs(txn, &delta);
	if (!error)
		collect_garbage(txn, &delta);
	ovsdb_refs_destroy(&delta);
	if (error)
		return error;
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
