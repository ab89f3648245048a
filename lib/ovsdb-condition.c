/* Conditions: which function applies to which column type, and how each
 * compares a row's datum with the clause's argument. */
#include "ovsdb-condition.h"

#include <stdlib.h>
#include <string.h>

#include "ovsdb-error.h"
#include "ovsdb-row.h"
#include "ovsdb-schema.h"
#include "xalloc.h"

static const char *const ovsdb_function_names[] = {
	[OVSDB_F_FALSE] = "false",
	[OVSDB_F_TRUE] = "true",
	[OVSDB_F_LT] = "<",
	[OVSDB_F_LE] = "<=",
	[OVSDB_F_EQ] = "==",
	[OVSDB_F_NE] = "!=",
	[OVSDB_F_GE] = ">=",
	[OVSDB_F_GT] = ">",
	[OVSDB_F_INCLUDES] = "includes",
	[OVSDB_F_EXCLUDES] = "excludes",
};

#define OVSDB_N_FUNCTIONS \
	(sizeof ovsdb_function_names / sizeof ovsdb_function_names[0])

const char *ovsdb_function_to_string(enum ovsdb_function f)
{
	return (unsigned int) f < OVSDB_N_FUNCTIONS ? ovsdb_function_names[f]
						    : "<invalid>";
}

/* Only the functions a clause may name: not the literals. */
bool ovsdb_function_from_string(const char *s, enum ovsdb_function *f)
{
	for (unsigned int i = OVSDB_F_LT; i < OVSDB_N_FUNCTIONS; i++) {
		if (!strcmp(s, ovsdb_function_names[i])) {
			*f = i;
			return true;
		}
	}
	return false;
}

void ovsdb_condition_init(struct ovsdb_condition *cond)
{
	cond->clauses = NULL;
	cond->n = 0;
}

void ovsdb_condition_destroy(struct ovsdb_condition *cond)
{
	for (size_t i = 0; i < cond->n; i++)
		ovsdb_datum_destroy(&cond->clauses[i].arg,
				    &cond->clauses[i].type);
	free(cond->clauses);
	ovsdb_condition_init(cond);
}

static bool ovsdb_is_number(enum ovsdb_atomic_type t)
{
	return t == OVSDB_TYPE_INTEGER || t == OVSDB_TYPE_REAL;
}

/* Checks that 'f' applies to 'c' and sets 'type' to what its argument
 * may be. */
static struct ovsdb_error *ovsdb_clause_type(const struct ovsdb_column *c,
					     enum ovsdb_function f,
					     struct ovsdb_type *type)
{
	*type = c->type;
	switch (f) {
	case OVSDB_F_LT:
	case OVSDB_F_LE:
	case OVSDB_F_GE:
	case OVSDB_F_GT:
		if ((!ovsdb_type_is_scalar(type) &&
		     !ovsdb_type_is_optional_scalar(type)) ||
		    !ovsdb_is_number(type->key.type)) {
			char *english = ovsdb_type_to_english(type);
			struct ovsdb_error *error = ovsdb_syntax_error(
				NULL, "function \"%s\" does not apply to "
				"type %s", ovsdb_function_to_string(f),
				english);
			free(english);
			return error;
		}
		type->n_min = 1;
		break;
	case OVSDB_F_INCLUDES:
		if (!ovsdb_type_is_scalar(type))
			type->n_min = 0;
		break;
	case OVSDB_F_EXCLUDES:
		if (!ovsdb_type_is_scalar(type)) {
			type->n_min = 0;
			type->n_max = OVSDB_UNLIMITED;
		}
		break;
	default:
		break;
	}
	return NULL;
}

static struct ovsdb_error *ovsdb_clause_from_json(
	const struct ovsdb_table_schema *ts, const json_t *json,
	struct ovsdb_symbol_table *symtab, struct ovsdb_clause *clause)
{
	const json_t *column, *function;
	struct ovsdb_error *error;

	if (json_is_boolean(json)) {
		clause->function = json_is_true(json) ? OVSDB_F_TRUE
						      : OVSDB_F_FALSE;
		return NULL;
	}
	column = json_array_get(json, 0);
	function = json_array_get(json, 1);
	if (json_array_size(json) != 3 || !json_is_string(column) ||
	    !json_is_string(function))
		return ovsdb_syntax_error(json, "condition clause must be "
					  "[column, function, value], true or "
					  "false");
	clause->column = ovsdb_table_schema_find_column(
		ts, json_string_value(column));
	if (!clause->column)
		return ovsdb_error(OVSDB_E_UNKNOWN_COLUMN, "table %s has no "
				   "column %s", ts->name,
				   json_string_value(column));
	if (!ovsdb_function_from_string(json_string_value(function),
					&clause->function))
		return ovsdb_error(OVSDB_E_UNKNOWN_FUNCTION, "no function "
				   "named \"%s\"", json_string_value(function));
	error = ovsdb_clause_type(clause->column, clause->function,
				  &clause->type);
	if (!error)
		error = ovsdb_datum_from_json(&clause->arg, &clause->type,
					      json_array_get(json, 2), symtab);
	return ovsdb_error_wrap(error, "column %s in table %s",
				clause->column->name, ts->name);
}

struct ovsdb_error *ovsdb_condition_from_json(
	const struct ovsdb_table_schema *ts, const json_t *json,
	struct ovsdb_symbol_table *symtab, struct ovsdb_condition *cond)
{
	size_t n = json_array_size(json);

	ovsdb_condition_init(cond);
	if (!json_is_array(json))
		return ovsdb_syntax_error(json, "condition must be an array "
					  "of clauses");
	cond->clauses = xcalloc(n ? n : 1, sizeof *cond->clauses);
	for (size_t i = 0; i < n; i++) {
		struct ovsdb_clause *clause = &cond->clauses[i];
		struct ovsdb_error *error;

		error = ovsdb_clause_from_json(ts, json_array_get(json, i),
					       symtab, clause);
		if (error) {
			ovsdb_condition_destroy(cond);
			return error;
		}
		cond->n++;
	}
	return NULL;
}

static json_t *ovsdb_clause_to_json(const struct ovsdb_clause *clause)
{
	if (clause->function == OVSDB_F_TRUE)
		return json_true();
	if (clause->function == OVSDB_F_FALSE)
		return json_false();
	return json_pack("[sso]", clause->column->name,
			 ovsdb_function_to_string(clause->function),
			 ovsdb_datum_to_json(&clause->arg, &clause->type));
}

json_t *ovsdb_condition_to_json(const struct ovsdb_condition *cond)
{
	json_t *json = json_array();

	for (size_t i = 0; i < cond->n; i++)
		json_array_append_new(json,
				      ovsdb_clause_to_json(&cond->clauses[i]));
	return json;
}

/* <, <=, >= and > on a scalar or an optional one (false when empty). */
static bool ovsdb_clause_order(const struct ovsdb_clause *clause,
			       const struct ovsdb_datum *d)
{
	int c;

	if (!d->n)
		return false;
	c = ovsdb_atom_compare(&d->keys[0], &clause->arg.keys[0],
			       clause->type.key.type);
	switch (clause->function) {
	case OVSDB_F_LT: return c < 0;
	case OVSDB_F_LE: return c <= 0;
	case OVSDB_F_GE: return c >= 0;
	case OVSDB_F_GT: return c > 0;
	default: return false;
	}
}

bool ovsdb_clause_evaluate(const struct ovsdb_clause *clause,
			   const struct ovsdb_row *row)
{
	const struct ovsdb_datum *d;
	const struct ovsdb_type *type;

	if (clause->function == OVSDB_F_TRUE)
		return true;
	if (clause->function == OVSDB_F_FALSE)
		return false;
	d = &row->fields[clause->column->index];
	type = &clause->column->type;
	switch (clause->function) {
	case OVSDB_F_EQ:
		return ovsdb_datum_equals(d, &clause->arg, type);
	case OVSDB_F_NE:
		return !ovsdb_datum_equals(d, &clause->arg, type);
	case OVSDB_F_INCLUDES:
		return ovsdb_datum_includes_all(&clause->arg, d, type);
	case OVSDB_F_EXCLUDES:
		return ovsdb_datum_excludes_all(&clause->arg, d, type);
	default:
		return ovsdb_clause_order(clause, d);
	}
}

bool ovsdb_condition_match_all(const struct ovsdb_condition *cond,
			       const struct ovsdb_row *row)
{
	for (size_t i = 0; i < cond->n; i++)
		if (!ovsdb_clause_evaluate(&cond->clauses[i], row))
			return false;
	return true;
}

bool ovsdb_condition_match_any(const struct ovsdb_condition *cond,
			       const struct ovsdb_row *row)
{
	if (!cond->n)
		return true;
	for (size_t i = 0; i < cond->n; i++)
		if (ovsdb_clause_evaluate(&cond->clauses[i], row))
			return true;
	return false;
}

bool ovsdb_condition_is_true(const struct ovsdb_condition *cond)
{
	for (size_t i = 0; i < cond->n; i++)
		if (cond->clauses[i].function != OVSDB_F_TRUE)
			return false;
	return true;
}

bool ovsdb_condition_is_false(const struct ovsdb_condition *cond)
{
	return cond->n == 1 && cond->clauses[0].function == OVSDB_F_FALSE;
}
