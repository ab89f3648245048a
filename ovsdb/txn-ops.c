/* The operations of RFC 7047 section 5.2, one function each, reading and
 * changing rows through a transaction.  An operation that fails ends the
 * transaction: its error is its result, later ones get null, and nothing
 * is committed. */
#include "txn-ops.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "ovsdb-condition.h"
#include "ovsdb-error.h"
#include "ovsdb-mutation.h"
#include "ovsdb-parser.h"
#include "ovsdb-row.h"
#include "ovsdb-schema.h"
#include "ovsdb-symbol.h"
#include "txn.h"
#include "xalloc.h"

struct op_ctx {
	struct ovsdb_txn *txn;
	struct ovsdb_symbol_table *symtab;
	const struct ovsdb_exec_env *env;
	struct ovsdb_exec *exec;
	const json_t *op;
	const struct ovsdb_table_schema *ts;	/* "table", when it has one */
};

typedef struct ovsdb_error *op_fn(struct op_ctx *, json_t **result);

/* Member 'name' of the operation. */
static struct ovsdb_error *member(const struct op_ctx *ctx, const char *name,
				  unsigned int flags, const json_t **value)
{
	return ovsdb_parser_member(ctx->op, "operation", name, flags, value);
}

/* When 'cond' asks for "_uuid" "==" one uuid (ovs-vsctl's way of naming
 * a row), the row with that uuid if any: a lookup, not a scan.  NULL
 * for other conditions. */
static const struct ovsdb_row **by_uuid(const struct op_ctx *ctx,
					const struct ovsdb_condition *cond,
					size_t *np)
{
	for (size_t i = 0; i < cond->n; i++) {
		const struct ovsdb_clause *c = &cond->clauses[i];
		const struct ovsdb_row **rows;

		if (c->function != OVSDB_F_EQ || !c->column ||
		    c->column->index != OVSDB_COL_UUID || c->arg.n != 1)
			continue;
		rows = xcalloc(1, sizeof *rows);
		rows[0] = ovsdb_txn_get(ctx->txn, ctx->ts,
					&c->arg.keys[0].uuid);
		*np = rows[0] != NULL;
		return rows;
	}
	return NULL;
}

/* The rows the transaction sees in the table that satisfy "where"; the
 * caller frees the array. */
static struct ovsdb_error *select_rows(struct op_ctx *ctx,
				       const struct ovsdb_row ***rowsp,
				       size_t *np)
{
	struct ovsdb_condition cond;
	struct ovsdb_error *error;
	const struct ovsdb_row **rows;
	const json_t *where;
	size_t n, k = 0;

	error = member(ctx, "where", OP_ARRAY, &where);
	if (!error)
		error = ovsdb_condition_from_json(ctx->ts, where, ctx->symtab,
						  &cond);
	if (error)
		return error;
	rows = by_uuid(ctx, &cond, &n);
	if (!rows)
		rows = ovsdb_txn_rows(ctx->txn, ctx->ts, &n);
	for (size_t i = 0; i < n; i++)
		if (ovsdb_condition_match_all(&cond, rows[i]))
			rows[k++] = rows[i];
	ovsdb_condition_destroy(&cond);
	*rowsp = rows;
	*np = k;
	return NULL;
}

static json_t *count_result(size_t n)
{
	return json_pack("{s:I}", "count", (json_int_t) n);
}

static struct ovsdb_error *insert_uuid(struct op_ctx *ctx, struct uuid *uuid)
{
	const json_t *given, *name;
	struct ovsdb_symbol *sym;
	struct ovsdb_error *error;

	error = member(ctx, "uuid", OP_STRING | OP_OPTIONAL, &given);
	if (!error)
		error = member(ctx, "uuid-name", OP_ID | OP_OPTIONAL, &name);
	if (error)
		return error;
	if (given && !uuid_from_string(uuid, json_string_value(given)))
		return ovsdb_syntax_error(given, "bad uuid");
	if (!given)
		uuid_generate(uuid);
	if (!name)
		return NULL;
	sym = ovsdb_symbol_table_find(ctx->symtab, json_string_value(name));
	if (sym && sym->created)
		return ovsdb_error("duplicate uuid-name", "This \"uuid-name\" "
				   "appeared on an earlier \"insert\" "
				   "operation.");
	if (sym && given)
		return ovsdb_syntax_error(ctx->op, "\"uuid-name\" %s is used "
					  "before this \"insert\" gives it a "
					  "\"uuid\"", sym->name);
	if (sym)
		*uuid = sym->uuid;
	else
		sym = ovsdb_symbol_table_put(ctx->symtab,
					     json_string_value(name), uuid,
					     true);
	sym->created = true;
	return NULL;
}

static struct ovsdb_error *op_insert(struct op_ctx *ctx, json_t **result)
{
	struct ovsdb_row *row = ovsdb_row_create(ctx->ts);
	struct ovsdb_error *error;
	const json_t *json;
	union ovsdb_atom id;
	struct uuid version;

	error = member(ctx, "row", OP_OBJECT | OP_OPTIONAL, &json);
	if (!error)
		error = insert_uuid(ctx, &id.uuid);
	if (!error && json)
		error = ovsdb_row_from_json(row, json, ctx->symtab, NULL);
	/* A column left out holds its default, which may be out of range. */
	if (!error)
		error = ovsdb_row_check_constraints(row);
	if (error) {
		ovsdb_row_destroy(row);
		return error;
	}
	ovsdb_row_set_uuid(row, &id.uuid);
	uuid_generate(&version);
	ovsdb_row_set_version(row, &version);
	if (!ovsdb_txn_insert(ctx->txn, row)) {
		ovsdb_row_destroy(row);
		return ovsdb_error("duplicate uuid", "This UUID would "
				   "duplicate a UUID already present within "
				   "the table or deleted within the same "
				   "transaction.");
	}
	*result = json_pack("{s:o}", "uuid",
			    ovsdb_atom_to_json(&id, OVSDB_TYPE_UUID));
	return NULL;
}

/* "columns", or every column when absent. */
static struct ovsdb_error *parse_columns(struct op_ctx *ctx,
					 struct ovsdb_column_set *cols)
{
	const json_t *json;
	struct ovsdb_error *error;

	ovsdb_column_set_init(cols);
	error = member(ctx, "columns", OP_ARRAY | OP_OPTIONAL, &json);
	if (error)
		return error;
	if (!json) {
		ovsdb_column_set_add_all(cols, ctx->ts);
		return NULL;
	}
	return ovsdb_db_columns_from_json(ctx->ts, json, cols);
}

static struct ovsdb_error *op_select(struct op_ctx *ctx, json_t **result)
{
	struct ovsdb_column_set cols;
	struct ovsdb_error *error;
	const struct ovsdb_row **rows = NULL;
	json_t *array;
	size_t n;

	error = parse_columns(ctx, &cols);
	if (!error)
		error = select_rows(ctx, &rows, &n);
	if (!error) {
		array = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(array,
					      ovsdb_row_to_json(rows[i], &cols));
		*result = json_pack("{s:o}", "rows", array);
	}
	free(rows);
	ovsdb_column_set_destroy(&cols);
	return error;
}

/* The new values "row" gives, in a scratch row, and which columns. */
static struct ovsdb_error *parse_update(struct op_ctx *ctx,
					struct ovsdb_row **scratch,
					struct ovsdb_column_set *written)
{
	const json_t *json, *value;
	struct ovsdb_error *error;
	const char *name;

	error = member(ctx, "row", OP_OBJECT, &json);
	if (error)
		return error;
	json_object_foreach((json_t *) json, name, value) {
		const struct ovsdb_column *c;

		c = ovsdb_table_schema_find_column(ctx->ts, name);
		if (c && (!c->mutable_ || c->index < OVSDB_N_STD_COLUMNS))
			return ovsdb_error(OVSDB_E_CONSTRAINT, "Cannot update "
					   "immutable column %s in table %s.",
					   c->name, ctx->ts->name);
	}
	*scratch = ovsdb_row_create(ctx->ts);
	error = ovsdb_row_from_json(*scratch, json, ctx->symtab, written);
	if (error) {
		ovsdb_row_destroy(*scratch);
		*scratch = NULL;
	}
	return error;
}

static struct ovsdb_error *op_update(struct op_ctx *ctx, json_t **result)
{
	struct ovsdb_row *scratch = NULL;
	struct ovsdb_column_set written;
	const struct ovsdb_row **rows = NULL;
	struct ovsdb_error *error;
	size_t n;

	ovsdb_column_set_init(&written);
	error = parse_update(ctx, &scratch, &written);
	if (!error)
		error = select_rows(ctx, &rows, &n);
	if (!error) {
		for (size_t i = 0; i < n; i++)
			ovsdb_row_update_columns(ovsdb_txn_modify(ctx->txn,
								  rows[i]),
						 scratch, &written);
		*result = count_result(n);
	}
	free(rows);
	ovsdb_row_destroy(scratch);
	ovsdb_column_set_destroy(&written);
	return error;
}

static struct ovsdb_error *op_mutate(struct op_ctx *ctx, json_t **result)
{
	struct ovsdb_mutation_set set;
	const struct ovsdb_row **rows = NULL;
	struct ovsdb_error *error;
	const json_t *json;
	size_t n = 0;

	ovsdb_mutation_set_init(&set);
	error = member(ctx, "mutations", OP_ARRAY, &json);
	if (!error)
		error = ovsdb_mutation_set_from_json(ctx->ts, json,
						     ctx->symtab, &set);
	if (!error)
		error = select_rows(ctx, &rows, &n);
	for (size_t i = 0; !error && i < n; i++)
		error = ovsdb_mutation_set_execute(ovsdb_txn_modify(ctx->txn,
								    rows[i]),
						   &set);
	if (!error)
		*result = count_result(n);
	free(rows);
	ovsdb_mutation_set_destroy(&set);
	return error;
}

static struct ovsdb_error *op_delete(struct op_ctx *ctx, json_t **result)
{
	const struct ovsdb_row **rows;
	struct ovsdb_error *error;
	size_t n;

	error = select_rows(ctx, &rows, &n);
	if (error)
		return error;
	for (size_t i = 0; i < n; i++)
		ovsdb_txn_delete(ctx->txn, rows[i]);
	free(rows);
	*result = count_result(n);
	return NULL;
}

/* ---- wait ---- */

static void destroy_rows(struct ovsdb_row **rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ovsdb_row_destroy(rows[i]);
	free(rows);
}

static struct ovsdb_error *parse_wait_rows(struct op_ctx *ctx,
					   struct ovsdb_row ***rowsp,
					   size_t *np)
{
	const json_t *json;
	struct ovsdb_error *error;
	struct ovsdb_row **rows;
	size_t n;

	error = member(ctx, "rows", OP_ARRAY, &json);
	if (error)
		return error;
	n = json_array_size(json);
	rows = xcalloc(n + 1, sizeof *rows);
	for (size_t i = 0; i < n && !error; i++) {
		rows[i] = ovsdb_row_create(ctx->ts);
		error = ovsdb_row_from_json(rows[i], json_array_get(json, i),
					    ctx->symtab, NULL);
	}
	if (error) {
		destroy_rows(rows, n);
		return error;
	}
	*rowsp = rows;
	*np = n;
	return NULL;
}

/* The rows selected equal the rows expected, on 'cols', as multisets. */
static bool rows_match(const struct ovsdb_row **got, size_t n_got,
		       struct ovsdb_row **want, size_t n_want,
		       const struct ovsdb_column_set *cols)
{
	bool *used, ok = n_got == n_want;

	used = xcalloc(n_want + 1, sizeof *used);
	for (size_t i = 0; i < n_got && ok; i++) {
		size_t j;

		for (j = 0; j < n_want; j++)
			if (!used[j] &&
			    ovsdb_row_equal_columns(got[i], want[j], cols))
				break;
		ok = j < n_want;
		if (ok)
			used[j] = true;
	}
	free(used);
	return ok;
}

/* Whether the wait holds: 1 yes, 0 no, or an error. */
static struct ovsdb_error *wait_test(struct op_ctx *ctx, bool *holds)
{
	const struct ovsdb_row **got = NULL;
	struct ovsdb_row **want = NULL;
	struct ovsdb_column_set cols;
	struct ovsdb_error *error;
	const json_t *until;
	size_t n_got, n_want = 0;

	ovsdb_column_set_init(&cols);
	error = member(ctx, "until", OP_STRING, &until);
	if (!error && strcmp(json_string_value(until), "==") &&
	    strcmp(json_string_value(until), "!="))
		error = ovsdb_syntax_error(until, "\"until\" must be \"==\" "
					   "or \"!=\"");
	if (!error)
		error = parse_columns(ctx, &cols);
	if (!error)
		error = parse_wait_rows(ctx, &want, &n_want);
	if (!error)
		error = select_rows(ctx, &got, &n_got);
	if (!error)
		*holds = rows_match(got, n_got, want, n_want, &cols) ==
			 !strcmp(json_string_value(until), "==");
	free(got);
	if (want)
		destroy_rows(want, n_want);
	ovsdb_column_set_destroy(&cols);
	return error;
}

static struct ovsdb_error *op_wait(struct op_ctx *ctx, json_t **result)
{
	const json_t *timeout;
	struct ovsdb_error *error;
	long long deadline = LLONG_MAX;
	bool holds = false;

	error = member(ctx, "timeout", OP_INTEGER | OP_OPTIONAL, &timeout);
	if (!error && timeout) {
		int64_t ms = ovsdb_json_int(timeout);

		if (ms < 0)
			return ovsdb_syntax_error(timeout, "\"timeout\" may "
						  "not be negative");
		deadline = ms > LLONG_MAX - ctx->env->started_ms
			   ? LLONG_MAX : ctx->env->started_ms + ms;
	}
	if (!error)
		error = wait_test(ctx, &holds);
	if (error || holds) {
		if (!error)
			*result = json_object();
		return error;
	}
	if (ctx->env->now_ms >= deadline && !ovsdb_json_int(timeout))
		return ovsdb_error(OVSDB_E_TIMED_OUT, "\"where\" clause test "
				   "failed");
	if (ctx->env->now_ms >= deadline)
		return ovsdb_error(OVSDB_E_TIMED_OUT, "\"wait\" timed out "
				   "after %lld ms",
				   (long long) ovsdb_json_int(timeout));
	ctx->exec->blocked = true;
	if (deadline < ctx->exec->deadline)
		ctx->exec->deadline = deadline;
	return NULL;
}

/* ---- the others ---- */

static struct ovsdb_error *op_commit(struct op_ctx *ctx, json_t **result)
{
	const json_t *durable;
	struct ovsdb_error *error = member(ctx, "durable", OP_BOOLEAN,
					   &durable);

	if (error)
		return error;
	if (json_is_true(durable))
		ctx->exec->durable = true;
	*result = json_object();
	return NULL;
}

static struct ovsdb_error *op_abort(struct op_ctx *ctx, json_t **result)
{
	return ovsdb_error(OVSDB_E_ABORTED, "aborted by request");
}

static struct ovsdb_error *op_comment(struct op_ctx *ctx, json_t **result)
{
	const json_t *json;
	struct ovsdb_error *error = member(ctx, "comment", OP_STRING, &json);
	char *joined;

	if (error)
		return error;
	joined = ctx->exec->comment
		 ? xasprintf("%s\n%s", ctx->exec->comment,
			     json_string_value(json))
		 : xstrdup(json_string_value(json));
	free(ctx->exec->comment);
	ctx->exec->comment = joined;
	*result = json_object();
	return NULL;
}

static struct ovsdb_error *op_assert(struct op_ctx *ctx, json_t **result)
{
	const json_t *lock;
	struct ovsdb_error *error = member(ctx, "lock", OP_STRING, &lock);
	const struct ovsdb_exec_env *env = ctx->env;

	if (error)
		return error;
	if (!env->lock_owned || !env->lock_owned(json_string_value(lock),
						 env->aux))
		return ovsdb_error(OVSDB_E_NOT_OWNER, "Asserted lock %s not "
				   "held.", json_string_value(lock));
	*result = json_object();
	return NULL;
}

static const struct op_type {
	const char *name;
	op_fn *fn;
	bool has_table;
	const char *const members[8];	/* the operation's members */
} op_types[] = {
	{ "insert", op_insert, true,
	  { "op", "table", "row", "uuid-name", "uuid", NULL } },
	{ "select", op_select, true, { "op", "table", "where", "columns",
				       NULL } },
	{ "update", op_update, true, { "op", "table", "where", "row", NULL } },
	{ "mutate", op_mutate, true, { "op", "table", "where", "mutations",
				       NULL } },
	{ "delete", op_delete, true, { "op", "table", "where", NULL } },
	{ "wait", op_wait, true, { "op", "table", "where", "columns", "until",
				   "rows", "timeout", NULL } },
	{ "commit", op_commit, false, { "op", "durable", NULL } },
	{ "abort", op_abort, false, { "op", NULL } },
	{ "comment", op_comment, false, { "op", "comment", NULL } },
	{ "assert", op_assert, false, { "op", "lock", NULL } },
};

static const struct op_type *find_op(const char *name)
{
	for (size_t i = 0; i < sizeof op_types / sizeof *op_types; i++)
		if (!strcmp(op_types[i].name, name))
			return &op_types[i];
	return NULL;
}

/* Finds the operation's type and table. */
static struct ovsdb_error *parse_op(struct op_ctx *ctx,
				    const struct op_type **typep)
{
	const struct ovsdb_schema *schema = ovsdb_txn_db(ctx->txn)->schema;
	const json_t *name, *table;
	const struct op_type *type;
	struct ovsdb_error *error;

	if (!json_is_object(ctx->op))
		return ovsdb_syntax_error(ctx->op, "operation: object "
					  "expected");
	error = member(ctx, "op", OP_STRING, &name);
	if (error)
		return error;
	type = find_op(json_string_value(name));
	if (!type)
		return ovsdb_syntax_error(ctx->op, "No operation \"%s\"",
					  json_string_value(name));
	error = ovsdb_parser_check_members(ctx->op, "operation",
					   type->members);
	if (!error && type->has_table)
		error = member(ctx, "table", OP_STRING, &table);
	if (error)
		return error;
	ctx->ts = NULL;
	if (type->has_table) {
		ctx->ts = ovsdb_schema_find_table(schema,
						  json_string_value(table));
		if (!ctx->ts)
			return ovsdb_syntax_error(ctx->op, "No table named "
						  "%s.",
						  json_string_value(table));
	}
	*typep = type;
	return NULL;
}

static struct ovsdb_error *run_op(struct op_ctx *ctx, size_t i, size_t n,
				  json_t **result)
{
	const struct op_type *type = NULL;
	struct ovsdb_error *error = parse_op(ctx, &type);

	if (error)
		return ovsdb_error_wrap(error, "Parsing ovsdb operation %zu "
					"of %zu failed", i + 1, n);
	return type->fn(ctx, result);
}

void ovsdb_execute(struct ovsdb_db *db, const json_t *ops,
		   const struct ovsdb_exec_env *env, struct ovsdb_exec *exec)
{
	struct op_ctx ctx = {
		.txn = ovsdb_txn_create(db),
		.symtab = ovsdb_symbol_table_create(),
		.env = env,
		.exec = exec,
	};
	struct ovsdb_error *error = NULL;
	size_t n = json_array_size(ops);

	memset(exec, 0, sizeof *exec);
	exec->deadline = LLONG_MAX;
	exec->results = json_array();
	for (size_t i = 0; i < n && !error && !exec->blocked; i++) {
		json_t *result = NULL;

		ctx.op = json_array_get(ops, i);
		error = run_op(&ctx, i, n, &result);
		json_array_append_new(exec->results, error
				      ? ovsdb_error_to_json(error)
				      : result ? result : json_null());
	}
	if (!error && !exec->blocked && ovsdb_txn_changes(ctx.txn)) {
		error = ovsdb_txn_precommit(ctx.txn);
		if (error)
			json_array_append_new(exec->results,
					      ovsdb_error_to_json(error));
	}
	while (json_array_size(exec->results) < n)
		json_array_append_new(exec->results, json_null());
	if (exec->blocked) {
		json_decref(exec->results);
		exec->results = NULL;
	}
	if (!error && !exec->blocked && ovsdb_txn_changes(ctx.txn))
		exec->txn = ctx.txn;
	else
		ovsdb_txn_destroy(ctx.txn);
	ovsdb_error_destroy(error);
	ovsdb_symbol_table_destroy(ctx.symtab);
}

void ovsdb_exec_destroy(struct ovsdb_exec *exec)
{
	json_decref(exec->results);
	ovsdb_txn_destroy(exec->txn);
	free(exec->comment);
	memset(exec, 0, sizeof *exec);
}
