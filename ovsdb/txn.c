#include "txn.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "ovsdb-row.h"
#include "ovsdb-schema.h"
#include "xalloc.h"

struct ovsdb_txn {
	struct ovsdb_db *db;
	struct ovsdb_txn_row **rows;
	size_t n_rows, cap_rows;
	size_t *slots;		/* open addressing: index + 1, 0 free */
	size_t n_slots;		/* a power of 2, over twice n_rows */
	bool applied;
};

struct ovsdb_txn *ovsdb_txn_create(struct ovsdb_db *db)
{
	struct ovsdb_txn *txn = xcalloc(1, sizeof *txn);

	txn->db = db;
	return txn;
}

void ovsdb_txn_destroy(struct ovsdb_txn *txn)
{
	if (!txn)
		return;
	for (size_t i = 0; i < txn->n_rows; i++) {
		struct ovsdb_txn_row *tr = txn->rows[i];

		if (txn->applied)
			ovsdb_row_destroy((struct ovsdb_row *) tr->old);
		else
			ovsdb_row_destroy(tr->new);
		free(tr);
	}
	free(txn->rows);
	free(txn->slots);
	free(txn);
}

struct ovsdb_db *ovsdb_txn_db(const struct ovsdb_txn *txn)
{
	return txn->db;
}

static size_t slot_of(size_t table, const struct uuid *uuid, size_t n_slots)
{
	return (uuid_hash(uuid) + table * 0x9e3779b9u) & (n_slots - 1);
}

static void map_add(size_t *slots, size_t n_slots,
		    const struct ovsdb_txn_row *tr, size_t index)
{
	size_t i = slot_of(tr->table, &tr->uuid, n_slots);

	while (slots[i])
		i = (i + 1) & (n_slots - 1);
	slots[i] = index + 1;
}

static struct ovsdb_txn_row *txn_find(const struct ovsdb_txn *txn,
				      size_t table, const struct uuid *uuid)
{
	if (!txn->n_slots)
		return NULL;
	for (size_t i = slot_of(table, uuid, txn->n_slots);
	     txn->slots[i]; i = (i + 1) & (txn->n_slots - 1)) {
		struct ovsdb_txn_row *tr = txn->rows[txn->slots[i] - 1];

		if (tr->table == table && uuid_equals(&tr->uuid, uuid))
			return tr;
	}
	return NULL;
}

static struct ovsdb_txn_row *txn_add(struct ovsdb_txn *txn, size_t table,
				     const struct uuid *uuid)
{
	struct ovsdb_txn_row *tr = xcalloc(1, sizeof *tr);

	tr->table = table;
	tr->uuid = *uuid;
	if (2 * (txn->n_rows + 1) >= txn->n_slots) {
		size_t n = txn->n_slots ? 2 * txn->n_slots : 16;

		free(txn->slots);
		txn->slots = xcalloc(n, sizeof *txn->slots);
		txn->n_slots = n;
		for (size_t i = 0; i < txn->n_rows; i++)
			map_add(txn->slots, n, txn->rows[i], i);
	}
	txn->rows = xgrow_n(txn->rows, &txn->cap_rows, txn->n_rows + 1,
			    sizeof *txn->rows);
	txn->rows[txn->n_rows] = tr;
	map_add(txn->slots, txn->n_slots, tr, txn->n_rows++);
	return tr;
}

const struct ovsdb_row *ovsdb_txn_get(const struct ovsdb_txn *txn,
				      const struct ovsdb_table_schema *ts,
				      const struct uuid *uuid)
{
	size_t t = ovsdb_db_table_index(txn->db, ts);
	const struct ovsdb_txn_row *tr = txn_find(txn, t, uuid);

	return tr ? tr->new : ovsdb_table_find(txn->db->tables[t], uuid);
}

bool ovsdb_txn_uuid_taken(const struct ovsdb_txn *txn,
			  const struct ovsdb_table_schema *ts,
			  const struct uuid *uuid)
{
	size_t t = ovsdb_db_table_index(txn->db, ts);

	return txn_find(txn, t, uuid) ||
	       ovsdb_table_find(txn->db->tables[t], uuid);
}

const struct ovsdb_row **ovsdb_txn_rows(const struct ovsdb_txn *txn,
					const struct ovsdb_table_schema *ts,
					size_t *np)
{
	size_t t = ovsdb_db_table_index(txn->db, ts);
	const struct ovsdb_table *table = txn->db->tables[t];
	const struct ovsdb_row **rows;
	const struct ovsdb_row *row;
	size_t n = 0;

	rows = xcalloc(ovsdb_table_count(table) + txn->n_rows + 1,
		       sizeof *rows);
	OVSDB_TABLE_FOR_EACH(row, table) {
		const struct ovsdb_txn_row *tr;

		tr = txn_find(txn, t, ovsdb_row_get_uuid(row));
		if (!tr)
			rows[n++] = row;
		else if (tr->new)
			rows[n++] = tr->new;
	}
	for (size_t i = 0; i < txn->n_rows; i++) {
		const struct ovsdb_txn_row *tr = txn->rows[i];

		if (tr->table == t && !tr->old && tr->new)
			rows[n++] = tr->new;
	}
	*np = n;
	return rows;
}

bool ovsdb_txn_insert(struct ovsdb_txn *txn, struct ovsdb_row *row)
{
	const struct uuid *uuid = ovsdb_row_get_uuid(row);

	if (ovsdb_txn_uuid_taken(txn, row->schema, uuid))
		return false;
	txn_add(txn, ovsdb_db_table_index(txn->db, row->schema), uuid)->new
		= row;
	return true;
}

struct ovsdb_row *ovsdb_txn_modify(struct ovsdb_txn *txn,
				   const struct ovsdb_row *row)
{
	size_t t = ovsdb_db_table_index(txn->db, row->schema);
	struct ovsdb_txn_row *tr = txn_find(txn, t, ovsdb_row_get_uuid(row));

	if (tr)
		return tr->new;
	tr = txn_add(txn, t, ovsdb_row_get_uuid(row));
	tr->old = row;
	tr->new = ovsdb_row_clone(row);
	return tr->new;
}

void ovsdb_txn_delete(struct ovsdb_txn *txn, const struct ovsdb_row *row)
{
	size_t t = ovsdb_db_table_index(txn->db, row->schema);
	struct ovsdb_txn_row *tr = txn_find(txn, t, ovsdb_row_get_uuid(row));

	if (!tr) {
		tr = txn_add(txn, t, ovsdb_row_get_uuid(row));
		tr->old = row;
	}
	ovsdb_row_destroy(tr->new);
	tr->new = NULL;
}

size_t ovsdb_txn_n_rows(const struct ovsdb_txn *txn)
{
	return txn->n_rows;
}

struct ovsdb_txn_row *ovsdb_txn_row_at(const struct ovsdb_txn *txn, size_t i)
{
	return txn->rows[i];
}

bool ovsdb_txn_row_is_noop(const struct ovsdb_txn_row *tr)
{
	const struct ovsdb_table_schema *ts;

	if (!tr->old || !tr->new)
		return !tr->old && !tr->new;
	ts = tr->old->schema;
	for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++)
		if (!ovsdb_datum_equals(&tr->old->fields[i], &tr->new->fields[i],
					&ts->columns[i]->type))
			return false;
	return true;
}

bool ovsdb_txn_changes(const struct ovsdb_txn *txn)
{
	for (size_t i = 0; i < txn->n_rows; i++)
		if (!ovsdb_txn_row_is_noop(txn->rows[i]))
			return true;
	return false;
}

void ovsdb_txn_apply(struct ovsdb_txn *txn)
{
	for (size_t i = 0; i < txn->n_rows; i++) {
		struct ovsdb_txn_row *tr = txn->rows[i];
		struct ovsdb_table *table = txn->db->tables[tr->table];

		if (tr->old) {
			ovsdb_table_remove(table, (struct ovsdb_row *) tr->old);
			ovsdb_db_index_row(txn->db, tr->table, tr->old, false);
		}
		if (tr->new) {
			ovsdb_table_insert(table, tr->new);
			ovsdb_db_index_row(txn->db, tr->table, tr->new, true);
		}
		ovsdb_refs_add_change(&txn->db->refs, tr->old, tr->new, false);
	}
	txn->applied = true;
}

void ovsdb_txn_rollback(struct ovsdb_txn *txn)
{
	for (size_t i = txn->n_rows; i-- > 0;) {
		struct ovsdb_txn_row *tr = txn->rows[i];
		struct ovsdb_table *table = txn->db->tables[tr->table];

		if (tr->new) {
			ovsdb_table_remove(table, tr->new);
			ovsdb_db_index_row(txn->db, tr->table, tr->new, false);
		}
		if (tr->old) {
			ovsdb_table_insert(table, (struct ovsdb_row *) tr->old);
			ovsdb_db_index_row(txn->db, tr->table, tr->old, true);
		}
		ovsdb_refs_add_change(&txn->db->refs, tr->new, tr->old, false);
	}
	txn->applied = false;
}
