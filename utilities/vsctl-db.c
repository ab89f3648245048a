/* The generic database commands: list, find, get, set, add, remove,
 * clear, create, destroy and wait-until, on any table of the schema. */
#include "vsctl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ovsdb-symbol.h"
#include "xalloc.h"

static const struct ovsdb_table_schema *vsctl_schema_of(
	struct ovsdb_idl_table *t)
{
	return t->schema;
}

static void vsctl_check_mutable(const struct ovsdb_idl_row *row,
				const struct ovsdb_column *c)
{
	if (!c->mutable_ && row->old)
		vsctl_fatal("cannot modify read-only column %s in table %s",
			    c->name, row->table->schema->name);
}

static void vsctl_fatal_free(char *error)
{
	if (error)
		vsctl_fatal("%s", error);
}

static void vsctl_atom_or_die(union ovsdb_atom *atom,
			      const struct ovsdb_base_type *base,
			      const char *s, struct ovsdb_symbol_table *symtab)
{
	vsctl_fatal_free(vsctl_atom_from_string(atom, base, s, symtab));
}

/* COLUMN[:KEY]=VALUE on 'row'. */
static void vsctl_set_column(struct vsctl_ctx *ctx, struct ovsdb_idl_row *row,
			     const char *arg)
{
	static const char *const eq[] = { "=" };
	const struct ovsdb_table_schema *ts = row->table->schema;
	struct vsctl_ckv ckv;
	struct ovsdb_datum d;

	vsctl_fatal_free(vsctl_parse_ckv(arg, ts, eq, 1, &ckv));
	const struct ovsdb_column *c = ckv.column;
	vsctl_check_mutable(row, c);
	if (ckv.key) {
		union ovsdb_atom key, value;
		if (!ovsdb_type_is_map(&c->type))
			vsctl_fatal("cannot specify key to set for non-map "
				    "column %s", c->name);
		vsctl_atom_or_die(&key, &c->type.key, ckv.key, ctx->symtab);
		vsctl_atom_or_die(&value, &c->type.value, ckv.value,
				  ctx->symtab);
		struct ovsdb_datum one;
		struct ovsdb_type keys = { .key = c->type.key, .n_max = 1 };
		ovsdb_datum_init_single(&one, &key, &value, &c->type);
		ovsdb_datum_clone(&d, ovsdb_idl_read(row, c), &c->type);
		ovsdb_datum_subtract(&d, &c->type, &one, &keys);
		ovsdb_datum_union(&d, &one, &c->type);
		ovsdb_datum_destroy(&one, &c->type);
		ovsdb_atom_destroy(&key, c->type.key.type);
		ovsdb_atom_destroy(&value, c->type.value.type);
		ovsdb_idl_verify(row, c);
	} else {
		vsctl_fatal_free(vsctl_datum_from_string(&d, &c->type,
							 ckv.value,
							 ctx->symtab));
	}
	ovsdb_idl_write(row, c, &d);
	vsctl_ckv_free(&ckv);
}

void vsctl_set_column_args(struct vsctl_ctx *ctx, struct ovsdb_idl_row *row,
			   char **args, int n)
{
	for (int i = 0; i < n; i++)
		vsctl_set_column(ctx, row, args[i]);
}

/* The columns --columns names, or _uuid and every column; NULL stands for
 * _uuid. */
static const struct ovsdb_column **vsctl_columns(struct vsctl_ctx *ctx,
						 const struct ovsdb_table_schema *ts,
						 size_t *n)
{
	const char *spec = vsctl_option_value(ctx, "--columns");
	const struct ovsdb_column **cols;

	if (!spec) {
		*n = ts->n_columns - 1;
		cols = xcalloc(*n, sizeof *cols);
		for (size_t i = 1; i < *n; i++)
			cols[i] = ts->columns[i + 1];
		return cols;
	}
	char *s = xstrdup(spec), *save = NULL;
	cols = xcalloc(strlen(spec) + 1, sizeof *cols);
	*n = 0;
	for (char *name = strtok_r(s, ", ", &save); name;
	     name = strtok_r(NULL, ", ", &save)) {
		const struct ovsdb_column *c = NULL;
		if (strcasecmp(name, "_uuid"))
			vsctl_fatal_free(vsctl_find_column(ts, name, &c));
		cols[(*n)++] = c;
	}
	free(s);
	return cols;
}

static void vsctl_list_row(struct vsctl_table *out,
			   const struct ovsdb_idl_row *row,
			   const struct ovsdb_column **cols, size_t n)
{
	static const struct ovsdb_type uuid_type = {
		.key = { .type = OVSDB_TYPE_UUID }, .n_min = 1, .n_max = 1 };

	vsctl_table_add_row(out);
	for (size_t i = 0; i < n; i++) {
		if (!cols[i]) {
			struct ovsdb_datum d = { .n = 1, .keys = (union ovsdb_atom[]) {
				{ .uuid = row->uuid } } };
			vsctl_table_add_datum(out, &d, &uuid_type);
		} else {
			vsctl_table_add_datum(out, ovsdb_idl_read(row, cols[i]),
					      &cols[i]->type);
		}
	}
}

static struct vsctl_table *vsctl_list_table(const struct ovsdb_column **cols,
					    size_t n)
{
	struct vsctl_table *t = vsctl_table_create();

	for (size_t i = 0; i < n; i++)
		vsctl_table_add_column(t, cols[i] ? cols[i]->name : "_uuid");
	return t;
}

static void cmd_list(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_table *table = vsctl_table(ctx, ctx->argv[1]);
	bool must_exist = !vsctl_has_option(ctx, "--if-exists");
	size_t n;
	const struct ovsdb_column **cols = vsctl_columns(ctx,
							 vsctl_schema_of(table),
							 &n);
	struct vsctl_table *out = vsctl_list_table(cols, n);
	struct ovsdb_idl_row *row;
	size_t i;

	if (ctx->argc > 2) {
		for (int a = 2; a < ctx->argc; a++) {
			row = vsctl_get_row(ctx, table, ctx->argv[a],
					    must_exist);
			if (row)
				vsctl_list_row(out, row, cols, n);
		}
	} else {
		OVSDB_IDL_FOR_EACH (row, i, table)
			vsctl_list_row(out, row, cols, n);
	}
	ctx->cmd->table = out;
	free(cols);
}

enum vsctl_relop {
	R_EQ, R_NE, R_LT, R_GT, R_LE, R_GE, R_SET_EQ, R_SET_NE, R_SET_LT,
	R_SET_GT, R_SET_LE, R_SET_GE, R_SET_IN, R_SET_NOT_IN
};

static const char *const vsctl_relops[] = {
	"=", "!=", "<", ">", "<=", ">=", "{=}", "{!=}", "{<}", "{>}", "{<=}",
	"{>=}", "{in}", "{not-in}"
};

static bool vsctl_evaluate(const struct ovsdb_datum *a,
			   const struct ovsdb_datum *b,
			   const struct ovsdb_type *type, enum vsctl_relop op)
{
	int cmp = ovsdb_datum_compare(a, b, type);

	switch (op) {
	case R_EQ: case R_SET_EQ: return !cmp;
	case R_NE: case R_SET_NE: return cmp != 0;
	case R_LT: return cmp < 0;
	case R_GT: return cmp > 0;
	case R_LE: return cmp <= 0;
	case R_GE: return cmp >= 0;
	case R_SET_LT:
		return b->n > a->n && ovsdb_datum_includes_all(a, b, type);
	case R_SET_GT:
		return a->n > b->n && ovsdb_datum_includes_all(b, a, type);
	case R_SET_LE: case R_SET_IN:
		return ovsdb_datum_includes_all(a, b, type);
	case R_SET_GE:
		return ovsdb_datum_includes_all(b, a, type);
	case R_SET_NOT_IN:
		return ovsdb_datum_excludes_all(a, b, type);
	}
	return false;
}

/* Whether 'row' satisfies COLUMN[:KEY]OP VALUE. */
static bool vsctl_condition(struct vsctl_ctx *ctx, struct ovsdb_idl_row *row,
			    const char *arg)
{
	size_t n_ops = sizeof vsctl_relops / sizeof *vsctl_relops;
	struct vsctl_ckv ckv;
	struct ovsdb_datum want;
	bool result;

	vsctl_fatal_free(vsctl_parse_ckv(arg, row->table->schema,
					 vsctl_relops, n_ops, &ckv));
	const struct ovsdb_column *c = ckv.column;
	const struct ovsdb_datum *have = ovsdb_idl_read(row, c);
	struct ovsdb_type type = c->type;
	type.n_max = OVSDB_UNLIMITED;
	enum vsctl_relop op = (enum vsctl_relop) ckv.op;

	if (ckv.key) {
		union ovsdb_atom key;
		if (!ovsdb_type_is_map(&c->type))
			vsctl_fatal("cannot specify key to check for non-map "
				    "column %s", c->name);
		vsctl_atom_or_die(&key, &c->type.key, ckv.key, ctx->symtab);
		type.key = c->type.value;
		ovsdb_base_type_init(&type.value, OVSDB_TYPE_VOID);
		type.n_min = 0;
		vsctl_fatal_free(vsctl_datum_from_string(&want, &type,
							 ckv.value,
							 ctx->symtab));
		size_t idx = ovsdb_datum_find_key(have, &key,
						  c->type.key.type);
		ovsdb_atom_destroy(&key, c->type.key.type);
		if (idx == SIZE_MAX && op < R_SET_EQ) {
			result = false;
		} else {
			struct ovsdb_datum a = { 0 };
			if (idx != SIZE_MAX) {
				a.n = 1;
				a.keys = &have->values[idx];
			}
			result = vsctl_evaluate(&a, &want, &type, op);
		}
	} else {
		vsctl_fatal_free(vsctl_datum_from_string(&want, &type,
							 ckv.value,
							 ctx->symtab));
		result = vsctl_evaluate(have, &want, &type, op);
	}
	ovsdb_datum_destroy(&want, &type);
	vsctl_ckv_free(&ckv);
	return result;
}

static void cmd_find(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_table *table = vsctl_table(ctx, ctx->argv[1]);
	size_t n;
	const struct ovsdb_column **cols = vsctl_columns(ctx,
							 vsctl_schema_of(table),
							 &n);
	struct vsctl_table *out = vsctl_list_table(cols, n);
	struct ovsdb_idl_row *row;
	size_t i;

	OVSDB_IDL_FOR_EACH (row, i, table) {
		bool match = true;
		for (int a = 2; a < ctx->argc && match; a++)
			match = vsctl_condition(ctx, row, ctx->argv[a]);
		if (match)
			vsctl_list_row(out, row, cols, n);
	}
	ctx->cmd->table = out;
	free(cols);
}

/* A new --id=@name symbol for 'uuid'. */
static struct ovsdb_symbol *vsctl_new_symbol(struct vsctl_ctx *ctx,
					     const char *id, bool *is_new)
{
	struct ovsdb_symbol *sym;

	if (id[0] != '@')
		vsctl_fatal("row id \"%s\" does not begin with \"@\"", id);
	sym = ovsdb_symbol_table_find(ctx->symtab, id);
	*is_new = !sym;
	if (!sym)
		sym = ovsdb_symbol_table_insert(ctx->symtab, id);
	if (sym->created)
		vsctl_fatal("row id \"%s\" may only be specified on one --id "
			    "option", id);
	sym->created = true;
	return sym;
}

static void vsctl_get_one(struct vsctl_ctx *ctx, struct ovsdb_idl_row *row,
			  const char *arg, bool must_exist)
{
	struct vsctl_ckv ckv;
	struct vstr *out = &ctx->cmd->output;

	if (!strcasecmp(arg, "_uuid") || !strcasecmp(arg, "-uuid")) {
		char u[UUID_LEN + 1];
		uuid_format(&row->uuid, u);
		vstr_printf(out, "%s\n", u);
		return;
	}
	vsctl_fatal_free(vsctl_parse_ckv(arg, row->table->schema, NULL, 0,
					 &ckv));
	const struct ovsdb_column *c = ckv.column;
	const struct ovsdb_datum *d = ovsdb_idl_read(row, c);
	ovsdb_idl_verify(row, c);
	if (ckv.key) {
		union ovsdb_atom key;
		if (!ovsdb_type_is_map(&c->type))
			vsctl_fatal("cannot specify key to get for non-map "
				    "column %s", c->name);
		vsctl_atom_or_die(&key, &c->type.key, ckv.key, ctx->symtab);
		size_t idx = ovsdb_datum_find_key(d, &key, c->type.key.type);
		ovsdb_atom_destroy(&key, c->type.key.type);
		if (idx == SIZE_MAX && must_exist)
			vsctl_fatal("no key \"%s\" in %s record \"%s\" column "
				    "%s", ckv.key, row->table->schema->name,
				    ctx->argv[2], c->name);
		if (idx != SIZE_MAX)
			vsctl_atom_to_string(&d->values[idx],
					     c->type.value.type, out);
	} else {
		vsctl_datum_to_string(d, &c->type, out);
	}
	vstr_putc(out, '\n');
	vsctl_ckv_free(&ckv);
}

static void cmd_get(struct vsctl_ctx *ctx)
{
	const char *id = vsctl_option_value(ctx, "--id");
	bool must_exist = !vsctl_has_option(ctx, "--if-exists");
	struct ovsdb_idl_table *table;
	struct ovsdb_idl_row *row;

	if (id && !must_exist)
		vsctl_fatal("--if-exists and --id may not be specified "
			    "together");
	table = vsctl_table(ctx, ctx->argv[1]);
	row = vsctl_get_row(ctx, table, ctx->argv[2], must_exist);
	if (!row)
		return;
	if (id) {
		bool is_new;
		struct ovsdb_symbol *sym = vsctl_new_symbol(ctx, id, &is_new);
		if (!is_new)
			vsctl_fatal("row id \"%s\" specified on \"get\" command "
				    "was used before it was defined", id);
		sym->uuid = row->uuid;
		sym->strong_ref = true;
	}
	for (int i = 3; i < ctx->argc; i++)
		vsctl_get_one(ctx, row, ctx->argv[i], must_exist);
}

static struct ovsdb_idl_row *vsctl_cmd_row(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_table *table = vsctl_table(ctx, ctx->argv[1]);

	return vsctl_get_row(ctx, table, ctx->argv[2],
			     !vsctl_has_option(ctx, "--if-exists"));
}

static void cmd_set(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_row *row = vsctl_cmd_row(ctx);

	if (row)
		vsctl_set_column_args(ctx, row, &ctx->argv[3],
				      ctx->argc - 3);
	vsctl_cache_invalidate(ctx);
}

static const struct ovsdb_column *vsctl_cmd_column(struct vsctl_ctx *ctx,
						   struct ovsdb_idl_row *row)
{
	const struct ovsdb_column *c;

	vsctl_fatal_free(vsctl_find_column(row->table->schema, ctx->argv[3],
					   &c));
	vsctl_check_mutable(row, c);
	return c;
}

static void vsctl_size_error(size_t n, const struct ovsdb_column *c,
			     const struct ovsdb_idl_row *row)
{
	bool is_map = ovsdb_type_is_map(&c->type);

	vsctl_fatal("\"remove\" operation would put %zu %s in column %s of "
		    "table %s but the minimum number is %u", n,
		    is_map ? "key-value pairs" : "values", c->name,
		    row->table->schema->name, c->type.n_min);
}

/* What "add" and "remove" work on: the column's value, and a type for
 * arguments that take any number of values. */
struct vsctl_edit {
	struct ovsdb_idl_row *row;
	const struct ovsdb_column *column;
	struct ovsdb_type type;
	struct ovsdb_datum value;
};

static bool vsctl_edit_begin(struct vsctl_ctx *ctx, struct vsctl_edit *e)
{
	e->row = vsctl_cmd_row(ctx);
	if (!e->row)
		return false;
	e->column = vsctl_cmd_column(ctx, e->row);
	e->type = e->column->type;
	e->type.n_min = 0;
	e->type.n_max = OVSDB_UNLIMITED;
	ovsdb_datum_clone(&e->value, ovsdb_idl_read(e->row, e->column),
			  &e->column->type);
	return true;
}

static void vsctl_edit_end(struct vsctl_ctx *ctx, struct vsctl_edit *e)
{
	ovsdb_idl_verify(e->row, e->column);
	ovsdb_idl_write(e->row, e->column, &e->value);
	vsctl_cache_invalidate(ctx);
}

static void cmd_add(struct vsctl_ctx *ctx)
{
	struct vsctl_edit e;

	if (!vsctl_edit_begin(ctx, &e))
		return;
	for (int i = 4; i < ctx->argc; i++) {
		struct ovsdb_type keys = e.type;
		struct ovsdb_datum add;
		vsctl_fatal_free(vsctl_datum_from_string(&add, &e.type,
							 ctx->argv[i],
							 ctx->symtab));
		/* A map key already there takes the new value. */
		ovsdb_base_type_init(&keys.value, OVSDB_TYPE_VOID);
		if (ovsdb_type_is_map(&e.type))
			ovsdb_datum_subtract(&e.value, &e.type, &add, &keys);
		ovsdb_datum_union(&e.value, &add, &e.type);
		ovsdb_datum_destroy(&add, &e.type);
	}
	/* Too many values is the server's to reject, as with ovs-vsctl. */
	vsctl_edit_end(ctx, &e);
}

/* A map's values to remove may be KEY=VALUE pairs or bare keys. */
static void vsctl_parse_removal(struct vsctl_ctx *ctx, const char *arg,
				struct ovsdb_type *type,
				struct ovsdb_datum *rm)
{
	char *error = vsctl_datum_from_string(rm, type, arg, ctx->symtab);

	if (error && ovsdb_type_is_map(type)) {
		ovsdb_base_type_init(&type->value, OVSDB_TYPE_VOID);
		char *e2 = vsctl_datum_from_string(rm, type, arg, ctx->symtab);
		free(e2 ? e2 : error);
		error = e2 ? error : NULL;
	}
	vsctl_fatal_free(error);
}

static void cmd_remove(struct vsctl_ctx *ctx)
{
	struct vsctl_edit e;

	if (!vsctl_edit_begin(ctx, &e))
		return;
	for (int i = 4; i < ctx->argc; i++) {
		struct ovsdb_type rm_type = e.type;
		struct ovsdb_datum rm;
		vsctl_parse_removal(ctx, ctx->argv[i], &rm_type, &rm);
		ovsdb_datum_subtract(&e.value, &e.type, &rm, &rm_type);
		ovsdb_datum_destroy(&rm, &rm_type);
	}
	if (e.value.n < e.column->type.n_min)
		vsctl_size_error(e.value.n, e.column, e.row);
	vsctl_edit_end(ctx, &e);
}

static void cmd_clear(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_row *row = vsctl_cmd_row(ctx);

	if (!row)
		return;
	for (int i = 3; i < ctx->argc; i++) {
		const struct ovsdb_column *c;
		struct ovsdb_datum d;
		vsctl_fatal_free(vsctl_find_column(row->table->schema,
						   ctx->argv[i], &c));
		vsctl_check_mutable(row, c);
		if (c->type.n_min > 0)
			vsctl_fatal("\"clear\" operation cannot be applied to "
				    "column %s of table %s, which is not "
				    "allowed to be empty", c->name,
				    row->table->schema->name);
		ovsdb_datum_init_empty(&d);
		ovsdb_idl_write(row, c, &d);
	}
	vsctl_cache_invalidate(ctx);
}

static void cmd_create(struct vsctl_ctx *ctx)
{
	const char *id = vsctl_option_value(ctx, "--id");
	struct ovsdb_idl_table *table = vsctl_table(ctx, ctx->argv[1]);
	const struct uuid *uuid = NULL;
	struct ovsdb_idl_row *row;

	if (id) {
		bool is_new;
		struct ovsdb_symbol *sym = vsctl_new_symbol(ctx, id, &is_new);
		uuid = &sym->uuid;
	} else if (!ovsdb_schema_is_root(ovsdb_idl_schema(ctx->idl),
					 table->schema)) {
		fprintf(stderr, "weir-vsctl: applying \"create\" command to "
			"table %s without --id option will have no effect\n",
			table->schema->name);
	}
	row = ovsdb_idl_insert(table, uuid);
	vsctl_set_column_args(ctx, row, &ctx->argv[2], ctx->argc - 2);
	ctx->cmd->created = row->uuid;
	ctx->cmd->has_created = true;
	vsctl_cache_invalidate(ctx);
}

static void post_create(struct vsctl_ctx *ctx)
{
	const struct uuid *real;
	char u[UUID_LEN + 1];

	if (!ctx->cmd->has_created)
		return;
	real = ovsdb_idl_inserted_uuid(ctx->idl, &ctx->cmd->created);
	uuid_format(real ? real : &ctx->cmd->created, u);
	vstr_printf(&ctx->cmd->output, "%s\n", u);
}

static void cmd_destroy(struct vsctl_ctx *ctx)
{
	bool must_exist = !vsctl_has_option(ctx, "--if-exists");
	bool all = vsctl_has_option(ctx, "--all");
	struct ovsdb_idl_table *table = vsctl_table(ctx, ctx->argv[1]);
	struct ovsdb_idl_row *row;
	size_t i;

	if (all && ctx->argc > 2)
		vsctl_fatal("--all and records argument should not be "
			    "specified together");
	if (all && !must_exist)
		vsctl_fatal("--all and --if-exists should not be specified "
			    "together");
	if (all) {
		OVSDB_IDL_FOR_EACH (row, i, table)
			ovsdb_idl_delete(row);
	}
	for (int a = 2; a < ctx->argc; a++) {
		row = vsctl_get_row(ctx, table, ctx->argv[a], must_exist);
		if (row)
			ovsdb_idl_delete(row);
	}
	vsctl_cache_invalidate(ctx);
}

static void cmd_wait_until(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_table *table = vsctl_table(ctx, ctx->argv[1]);
	struct ovsdb_idl_row *row = vsctl_get_row(ctx, table, ctx->argv[2],
						  false);

	if (!row) {
		ctx->try_again = true;
		return;
	}
	for (int i = 3; i < ctx->argc; i++) {
		if (!vsctl_condition(ctx, row, ctx->argv[i])) {
			ctx->try_again = true;
			return;
		}
	}
}

const struct vsctl_syntax vsctl_db_commands[] = {
	{ "list", 1, 1000000, "TABLE [RECORD]...", cmd_list, NULL,
	  "--if-exists,--columns=", false },
	{ "find", 1, 1000000, "TABLE [COLUMN[:KEY]=VALUE]...", cmd_find, NULL,
	  "--columns=", false },
	{ "get", 2, 1000000, "TABLE RECORD [COLUMN[:KEY]]...", cmd_get, NULL,
	  "--if-exists,--id=", false },
	{ "set", 3, 1000000, "TABLE RECORD COLUMN[:KEY]=VALUE...", cmd_set,
	  NULL, "--if-exists", true },
	{ "add", 4, 1000000, "TABLE RECORD COLUMN [KEY=]VALUE...", cmd_add,
	  NULL, "--if-exists", true },
	{ "remove", 4, 1000000, "TABLE RECORD COLUMN KEY|VALUE|KEY=VALUE...",
	  cmd_remove, NULL, "--if-exists", true },
	{ "clear", 3, 1000000, "TABLE RECORD COLUMN...", cmd_clear, NULL,
	  "--if-exists", true },
	{ "create", 2, 1000000, "TABLE COLUMN[:KEY]=VALUE...", cmd_create,
	  post_create, "--id=", true },
	{ "destroy", 1, 1000000, "TABLE [RECORD]...", cmd_destroy, NULL,
	  "--if-exists,--all", true },
	{ "wait-until", 2, 1000000, "TABLE RECORD [COLUMN[:KEY]=VALUE]...",
	  cmd_wait_until, NULL, "", false },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL, false },
};
