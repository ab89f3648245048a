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
#include <stddef.h>

struct ovsdb_db;
struct ovsdb_error;
struct ovsdb_txn;
struct json_text;

/* The record of a precommitted 'txn' ('comment' may be NULL); NULL when
 * it changes nothing.  The set and map columns of a modified row hold the
 * difference from the old value, and the record then says "_is_diff":
 * true, as ovsdb-server's do; replay reads records of either kind. */
json_t *ovsdb_txn_to_record(const struct ovsdb_txn *, const char *comment,
			    long long date_ms);
/* The same record as compact JSON text in 't', exactly the text
 * ovsdb_log_write() would make of it, without building it: 0; 1 when
 * the transaction changes nothing; -1 when a string cannot be written
 * (not UTF-8: ovsdb_txn_to_record() and ovsdb_log_write() say so). */
int ovsdb_txn_record_text(const struct ovsdb_txn *, const char *comment,
			  long long date_ms, struct json_text *t);
/* The changes a record makes to 'db', as a transaction not yet applied
 * (no checks run: the record was checked when it was written). */
struct ovsdb_error *ovsdb_txn_from_record(struct ovsdb_db *,
					  const json_t *record,
					  struct ovsdb_txn **);
/* Applies a record to 'db'; on error 'db' is unchanged. */
struct ovsdb_error *ovsdb_db_replay(struct ovsdb_db *, const json_t *record);
/* A record that rebuilds 'db' from empty. */
json_t *ovsdb_db_snapshot(const struct ovsdb_db *, long long date_ms);
/* The same record's text, exactly what ovsdb_log_write() would make of
 * it, without building it: handed to 'put' in pieces of about 64 kB, so
 * that a large database is never copied whole.  0, or -1 for a string
 * that cannot be written (not UTF-8). */
typedef void ovsdb_text_put(const char *p, size_t n, void *put_aux);
int ovsdb_db_snapshot_text(const struct ovsdb_db *, long long date_ms,
			   ovsdb_text_put *put, void *put_aux);

#endif /* WEIR_OVSDB_DB_FILE_H */
