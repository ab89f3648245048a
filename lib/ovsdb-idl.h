/* A client's replica of an OVSDB database (RFC 7047): every table of the
 * server's schema, filled by "monitor" and kept current by its "update"
 * notifications, and one transaction at a time built from row changes.
 *
 * Reads that a change depends on are recorded with ovsdb_idl_verify(); the
 * commit then asks the server to check, with "wait" operations, that those
 * columns still hold what was read.  When another client changed one in
 * the meantime the commit returns OVSDB_IDL_TRY_AGAIN and the caller
 * redoes its work on the refreshed replica. */
#ifndef WEIR_OVSDB_IDL_H
#define WEIR_OVSDB_IDL_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ovsdb-data.h"
#include "ovsdb-row.h"
#include "ovsdb-schema.h"
#include "uuid.h"

struct ovsdb_idl;
struct ovsdb_idl_table;

struct ovsdb_idl_row {
	struct ovsdb_idl_table *table;
	struct uuid uuid;
	struct ovsdb_row *old;	/* as committed; NULL: inserted here */
	struct ovsdb_row *new;	/* as changed; NULL: deleted here */
	bool *written;		/* per column: set in this transaction */
	bool *verified;		/* per column: must still hold 'old' */
};

struct ovsdb_idl_table {
	const struct ovsdb_table_schema *schema;
	struct ovsdb_idl_row **rows;	/* in uuid order */
	size_t n_rows;
	size_t alloc;
};

/* Connects to 'remote' (a stream name), fetches the schema of database
 * 'db' and the contents of every table.  NULL with a message in '*errp'
 * (to free) on failure; 'timeout_ms' < 0 waits forever. */
struct ovsdb_idl *ovsdb_idl_open(const char *remote, const char *db,
				 int timeout_ms, char **errp);
void ovsdb_idl_close(struct ovsdb_idl *);
const struct ovsdb_schema *ovsdb_idl_schema(const struct ovsdb_idl *);

struct ovsdb_idl_table *ovsdb_idl_table(const struct ovsdb_idl *,
					const char *name);
struct ovsdb_idl_table *ovsdb_idl_table_at(const struct ovsdb_idl *,
					   size_t i);
/* The row with 'uuid', NULL when absent or deleted in the transaction. */
struct ovsdb_idl_row *ovsdb_idl_find(const struct ovsdb_idl_table *,
				     const struct uuid *);
/* The first row at or after index '*i' that is not deleted, advancing
 * '*i' past it; NULL at the end. */
struct ovsdb_idl_row *ovsdb_idl_next(const struct ovsdb_idl_table *,
				     size_t *i);
#define OVSDB_IDL_FOR_EACH(ROW, I, TABLE)				\
	for ((I) = 0; ((ROW) = ovsdb_idl_next(TABLE, &(I))) != NULL; )

const struct ovsdb_datum *ovsdb_idl_read(const struct ovsdb_idl_row *,
					 const struct ovsdb_column *);
const struct ovsdb_datum *ovsdb_idl_get(const struct ovsdb_idl_row *,
					const char *column);
const struct ovsdb_column *ovsdb_idl_column(const struct ovsdb_idl_row *,
					    const char *column);

/* Transaction changes.  ovsdb_idl_write() takes 'value' (left empty). */
void ovsdb_idl_verify(struct ovsdb_idl_row *, const struct ovsdb_column *);
void ovsdb_idl_write(struct ovsdb_idl_row *, const struct ovsdb_column *,
		     struct ovsdb_datum *value);
void ovsdb_idl_set(struct ovsdb_idl_row *, const char *column,
		   struct ovsdb_datum *value);
/* A new row with 'uuid' (a random one when NULL), every column at its
 * default; the server gives it its real uuid on commit. */
struct ovsdb_idl_row *ovsdb_idl_insert(struct ovsdb_idl_table *,
				       const struct uuid *uuid);
void ovsdb_idl_delete(struct ovsdb_idl_row *);
/* Adds 1 to integer 'column' of 'row' as part of the commit, atomically
 * on the server; ovsdb_idl_increment_result() then gives the new value. */
void ovsdb_idl_increment(struct ovsdb_idl *, struct ovsdb_idl_row *,
			 const char *column);
int64_t ovsdb_idl_increment_result(const struct ovsdb_idl *);
/* A "comment" operation for the server's log. */
void ovsdb_idl_comment(struct ovsdb_idl *, const char *);

enum ovsdb_idl_status {
	OVSDB_IDL_UNCHANGED,	/* nothing to do: not sent */
	OVSDB_IDL_SUCCESS,
	OVSDB_IDL_TRY_AGAIN,	/* a verified column changed: redo */
	OVSDB_IDL_ERROR		/* message in '*errp' */
};

/* Sends the transaction and waits for the result.  Either way the
 * replica then drops the transaction's changes and holds what the server
 * reported. */
enum ovsdb_idl_status ovsdb_idl_commit(struct ovsdb_idl *, int timeout_ms,
				       char **errp);
/* Drops the transaction's changes. */
void ovsdb_idl_abort(struct ovsdb_idl *);
/* After a successful commit: the uuid the server gave to the row inserted
 * as 'temp', or NULL. */
const struct uuid *ovsdb_idl_inserted_uuid(const struct ovsdb_idl *,
					   const struct uuid *temp);

/* The connection's socket, for a poll loop to wait on (readable: updates
 * to apply with ovsdb_idl_wait(idl, 0, ...)), or -1. */
int ovsdb_idl_fd(const struct ovsdb_idl *);

/* Changes each time an update from the server is applied. */
unsigned int ovsdb_idl_seqno(const struct ovsdb_idl *);

/* Applies updates from the server for up to 'timeout_ms' (0: only what
 * has arrived), returning early when 'done' says so.  0 when 'done'
 * held, -ETIMEDOUT, or another -errno when the connection failed. */
int ovsdb_idl_wait(struct ovsdb_idl *, int timeout_ms,
		   bool (*done)(struct ovsdb_idl *, void *aux), void *aux);

#endif /* WEIR_OVSDB_IDL_H */
