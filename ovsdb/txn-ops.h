/* RFC 7047 "transact": runs a list of operations (section 5.2) as one
 * transaction on an in-memory database. */
#ifndef WEIR_OVSDB_TXN_OPS_H
#define WEIR_OVSDB_TXN_OPS_H 1

#include <jansson.h>
#include <stdbool.h>

struct ovsdb_db;
struct ovsdb_txn;

/* What the operations may ask of the session that sent them. */
struct ovsdb_exec_env {
	/* "assert": does the session own lock 'name'?  NULL: it owns none. */
	bool (*lock_owned)(const char *name, void *aux);
	void *aux;
	long long started_ms;	/* when the request came: "wait" counts from it */
	long long now_ms;
};

struct ovsdb_exec {
	json_t *results;	/* the "result" array; NULL when blocked */
	/* Changes checked by ovsdb_txn_precommit(), to apply and log; NULL
	 * on error or when nothing changed. */
	struct ovsdb_txn *txn;
	/* A "wait" is not satisfied yet: run the request again after the next
	 * commit, or at 'deadline' (LLONG_MAX: none) to time it out. */
	bool blocked;
	long long deadline;
	bool durable;		/* "commit" with "durable": true */
	char *comment;		/* the "comment" operations, joined; or NULL */
};

/* Runs 'ops' (the transact parameters after the database name). */
void ovsdb_execute(struct ovsdb_db *, const json_t *ops,
		   const struct ovsdb_exec_env *, struct ovsdb_exec *);
/* Frees what 'exec' holds (the results, an unapplied txn, the comment). */
void ovsdb_exec_destroy(struct ovsdb_exec *);

#endif /* WEIR_OVSDB_TXN_OPS_H */
