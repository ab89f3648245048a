/* The records weir-dbd keeps in its log (ovsdb-log.h) after the schema:
 *
 *     {"<table>": {"<uuid>": <row> | null, ...}, ...,
 *      "_date": <ms since the epoch>, "_comment": "<text>"}
 *
 * A row object inserts the row when its uuid is new (with the columns
 * given; the others hold their defaults) and otherwise changes the
 * columns given; null deletes it.  Every row object carries "_version".
 * Ephemeral columns are never written, but a change to one alone still
 * writes the row's new _version, so that replay gives every row the
 * _version it had.  A snapshot (compaction) is the
 * same with every row inserted, so replaying it into an empty database
 * rebuilds it. */
#ifndef WEIR_OVSDB_DB_FILE_H
#define WEIR_OVSDB_DB_FILE_H 1

#include <jansson.h>

struct ovsdb_db;
struct ovsdb_error;
struct ovsdb_txn;

/* The record of a precommitted 'txn' ('comment' may be NULL); NULL when
 * it changes nothing. */
json_t *ovsdb_txn_to_record(const struct ovsdb_txn *, const char *comment,
			    long long date_ms);
/* The changes a record makes to 'db', as a transaction not yet applied
 * (no checks run: the record was checked when it was written). */
struct ovsdb_error *ovsdb_txn_from_record(struct ovsdb_db *,
					  const json_t *record,
					  struct ovsdb_txn **);
/* Applies a record to 'db'; on error 'db' is unchanged. */
struct ovsdb_error *ovsdb_db_replay(struct ovsdb_db *, const json_t *record);
/* A record that rebuilds 'db' from empty. */
json_t *ovsdb_db_snapshot(const struct ovsdb_db *, long long date_ms);

#endif /* WEIR_OVSDB_DB_FILE_H */
