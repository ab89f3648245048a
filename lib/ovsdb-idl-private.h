/* Internals shared by the replica (ovsdb-idl.c) and its transactions
 * (ovsdb-idl-txn.c). */
#ifndef WEIR_OVSDB_IDL_PRIVATE_H
#define WEIR_OVSDB_IDL_PRIVATE_H 1

#include <jansson.h>

#include "ovsdb-idl.h"

struct jsonrpc;

struct ovsdb_idl_insert {
	struct uuid temp;	/* the replica's uuid for it */
	struct uuid real;	/* the server's */
};

struct ovsdb_idl {
	struct jsonrpc *rpc;
	char *db;
	struct ovsdb_schema *schema;
	struct ovsdb_idl_table *tables;	/* schema->n_tables of them */
	unsigned int next_id;
	unsigned int seqno;		/* bumped by every update applied */

	/* The transaction under construction. */
	struct ovsdb_idl_row *incr_row;
	const struct ovsdb_column *incr_column;
	int64_t incr_result;
	json_t *comments;		/* array of strings */
	struct ovsdb_idl_insert *inserts;
	size_t n_inserts;
};

/* Sends 'method' with 'params' (taken) and applies updates until the
 * reply comes.  0 with '*result' (to decref), or -errno with '*errp'. */
int ovsdb_idl_rpc(struct ovsdb_idl *, const char *method, json_t *params,
		  int timeout_ms, json_t **result, char **errp);
void ovsdb_idl_row_free(struct ovsdb_idl_row *);
void ovsdb_idl_table_remove(struct ovsdb_idl_table *, size_t i);

#endif /* WEIR_OVSDB_IDL_PRIVATE_H */
