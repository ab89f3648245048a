/* A transaction on an in-memory database: copy-on-write changes to rows,
 * seen by the transaction's own reads and by nobody else until applied.
 *
 * A row changed by the transaction is a "txn row": its committed version
 * ('old', in the database, or NULL for a row the transaction inserted) and
 * its new version ('new', owned by the transaction, or NULL once deleted).
 * Applying swaps the new versions into the database and keeps the old ones
 * until the transaction is destroyed, so that an applied transaction can
 * still be rolled back (when its log record fails to reach the disk). */
#ifndef WEIR_OVSDB_TXN_H
#define WEIR_OVSDB_TXN_H 1

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "uuid.h"

struct ovsdb_db;
struct ovsdb_error;
struct ovsdb_row;
struct ovsdb_table_schema;

struct ovsdb_txn_row {
	size_t table;			/* index in the schema */
	struct uuid uuid;
	const struct ovsdb_row *old;	/* committed version, or NULL */
	struct ovsdb_row *new;		/* owned; NULL: deleted */
};

struct ovsdb_txn;

struct ovsdb_txn *ovsdb_txn_create(struct ovsdb_db *);
/* Discards the changes (or, once applied, the old versions). */
void ovsdb_txn_destroy(struct ovsdb_txn *);
struct ovsdb_db *ovsdb_txn_db(const struct ovsdb_txn *);

/* The row of table 'ts' with 'uuid' as the transaction sees it, or NULL. */
const struct ovsdb_row *ovsdb_txn_get(const struct ovsdb_txn *,
				      const struct ovsdb_table_schema *ts,
				      const struct uuid *);
/* True when 'uuid' names a row of 'ts' that exists or that this
 * transaction deleted: a new row may not take it. */
bool ovsdb_txn_uuid_taken(const struct ovsdb_txn *,
			  const struct ovsdb_table_schema *ts,
			  const struct uuid *);
/* Every row of 'ts' as the transaction sees it: committed rows in table
 * order, then inserted ones in order of insertion.  The caller frees the
 * array; the rows stay valid until the transaction changes them. */
const struct ovsdb_row **ovsdb_txn_rows(const struct ovsdb_txn *,
					const struct ovsdb_table_schema *ts,
					size_t *n);

/* Takes 'row' (uuid set, in no table); false, and the row left to the
 * caller, when its uuid is taken. */
bool ovsdb_txn_insert(struct ovsdb_txn *, struct ovsdb_row *row);
/* A writable version of the visible 'row'. */
struct ovsdb_row *ovsdb_txn_modify(struct ovsdb_txn *,
				   const struct ovsdb_row *row);
void ovsdb_txn_delete(struct ovsdb_txn *, const struct ovsdb_row *row);

/* The changed rows, in order of their first change. */
size_t ovsdb_txn_n_rows(const struct ovsdb_txn *);
struct ovsdb_txn_row *ovsdb_txn_row_at(const struct ovsdb_txn *, size_t i);
/* True when the txn row changes nothing: inserted then deleted, or
 * modified back to equal its committed version. */
bool ovsdb_txn_row_is_noop(const struct ovsdb_txn_row *);
/* True when some txn row changes something. */
bool ovsdb_txn_changes(const struct ovsdb_txn *);

/* Checks everything a commit must hold, completing the changes on the
 * way (txn-commit.c): referential integrity, weak references dropped,
 * garbage collected, maxRows, indexes, constraints; then gives every
 * changed row a new _version.  On error the database is untouched. */
struct ovsdb_error *ovsdb_txn_precommit(struct ovsdb_txn *);

/* Puts the changes into the database. */
void ovsdb_txn_apply(struct ovsdb_txn *);
/* Undoes ovsdb_txn_apply(); only the last applied transaction may be
 * rolled back, and so on backwards. */
void ovsdb_txn_rollback(struct ovsdb_txn *);

#endif /* WEIR_OVSDB_TXN_H */
