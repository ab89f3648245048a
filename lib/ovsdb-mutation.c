/* Mutations: which mutator applies to which column type, and applying
 * them with the RFC's errors (division by zero is a "domain error",
 * overflow a "range error", a result the column's constraints refuse or
 * a set of the wrong size a "constraint violation"). */
#include "ovsdb-mutation.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ovsdb-error.h"
#include "ovsdb-row.h"
#include "ovsdb-schema.h"
#include "xalloc.h"

static const char *const ovsdb_mutator_names[] = {
	[OVSDB_M_ADD] = "+=",
	[OVSDB_M_SUB] = "-=",
	[OVSDB_M_MUL] = "*=",
	[OVSDB_M_DIV] = "/=",
	[OVSDB_M_MOD] = "%=",
	[OVSDB_M_INSERT] = "insert",
	[OVSDB_M_DELETE] = "delete",
};

#define OVSDB_N_MUTATORS \
	(sizeof ovsdb_mutator_names / sizeof ovsdb_mutator_names[0])

const char *ovsdb_mutator_to_string(enum ovsdb_mutator m)
{
	return (unsigned int) m < OVSDB_N_MUTATORS ? ovsdb_mutator_names[m]
						   : "<invalid>";
}

bool ovsdb_mutator_from_string(const char *s, enum ovsdb_mutator *m)
{
	for (unsigned int i = 0; i < OVSDB_N_MUTATORS; i++) {
		if (!strcmp(s, ovsdb_mutator_names[i])) {
			*m = i;
			return true;
		}
	}
	return false;
}

void ovsdb_mutation_set_init(struct ovsdb_mutation_set *set)
{
	set->mutations = NULL;
	set->n = 0;
}

void ovsdb_mutation_set_destroy(struct ovsdb_mutation_set *set)
{
	for (size_t i = 0; i < set->n; i++) {
		struct ovsdb_mutation *m = &set->mutations[i];

		ovsdb_datum_destroy(&m->arg, &m->type);
		ovsdb_type_destroy(&m->type);
	}
	free(set->mutations);
	ovsdb_mutation_set_init(set);
}

static bool ovsdb_is_arithmetic(enum ovsdb_mutator m)
{
	return m <= OVSDB_M_MOD;
}

/* Whether 'm' applies to a column of 'type'. */
static bool ovsdb_mutator_applies(enum ovsdb_mutator m,
				  const struct ovsdb_type *type)
{
	enum ovsdb_atomic_type key = type->key.type;

	if (!ovsdb_is_arithmetic(m))
		return !ovsdb_type_is_scalar(type);
	if (ovsdb_type_is_map(type))
		return false;
	if (m == OVSDB_M_MOD)
		return key == OVSDB_TYPE_INTEGER;
	return key == OVSDB_TYPE_INTEGER || key == OVSDB_TYPE_REAL;
}

/* Sets 'm->type' to what the argument of 'm' on 'json' may be. */
static void ovsdb_mutation_arg_type(struct ovsdb_mutation *m,
				    const json_t *json)
{
	const char *tag = json_string_value(json_array_get(json, 0));

	ovsdb_type_clone(&m->type, &m->column->type);
	if (ovsdb_is_arithmetic(m->mutator)) {
		ovsdb_base_type_clear_constraints(&m->type.key);
		m->type.n_min = m->type.n_max = 1;
		return;
	}
	m->type.n_min = 0;
	if (m->mutator != OVSDB_M_DELETE)
		return;
	m->type.n_max = OVSDB_UNLIMITED;
	/* A delete from a map names pairs in a "map", or else keys. */
	if (ovsdb_type_is_map(&m->type) && !(tag && !strcmp(tag, "map"))) {
		ovsdb_base_type_destroy(&m->type.value);
		ovsdb_base_type_init(&m->type.value, OVSDB_TYPE_VOID);
	}
}

static struct ovsdb_error *ovsdb_mutation_check(
	const struct ovsdb_table_schema *ts, const json_t *json,
	struct ovsdb_mutation *m)
{
	const json_t *column = json_array_get(json, 0);
	const json_t *mutator = json_array_get(json, 1);
	char *english;
	struct ovsdb_error *error;

	if (json_array_size(json) != 3 || !json_is_string(column) ||
	    !json_is_string(mutator))
		return ovsdb_syntax_error(json, "mutation must be [column, "
					  "mutator, value]");
	m->column = ovsdb_table_schema_find_column(
		ts, json_string_value(column));
	if (!m->column)
		return ovsdb_error(OVSDB_E_UNKNOWN_COLUMN, "table %s has no "
				   "column %s", ts->name,
				   json_string_value(column));
	if (!m->column->mutable_)
		return ovsdb_error(OVSDB_E_CONSTRAINT, "column %s in table %s "
				   "is not mutable", m->column->name, ts->name);
	if (!ovsdb_mutator_from_string(json_string_value(mutator),
				       &m->mutator))
		return ovsdb_error(OVSDB_E_UNKNOWN_MUTATOR, "no mutator named "
				   "\"%s\"", json_string_value(mutator));
	if (ovsdb_mutator_applies(m->mutator, &m->column->type))
		return NULL;
	english = ovsdb_type_to_english(&m->column->type);
	error = ovsdb_syntax_error(NULL, "column %s in table %s: mutator "
				   "\"%s\" does not apply to type %s",
				   m->column->name, ts->name,
				   ovsdb_mutator_to_string(m->mutator), english);
	free(english);
	return error;
}

static struct ovsdb_error *ovsdb_mutation_from_json(
	const struct ovsdb_table_schema *ts, const json_t *json,
	struct ovsdb_symbol_table *symtab, struct ovsdb_mutation *m)
{
	struct ovsdb_error *error = ovsdb_mutation_check(ts, json, m);
	const json_t *value = json_array_get(json, 2);

	if (error)
		return error;
	ovsdb_mutation_arg_type(m, value);
	error = ovsdb_datum_from_json(&m->arg, &m->type, value, symtab);
	if (error) {
		ovsdb_type_destroy(&m->type);
		return ovsdb_error_wrap(error, "column %s in table %s",
					m->column->name, ts->name);
	}
	return NULL;
}

struct ovsdb_error *ovsdb_mutation_set_from_json(
	const struct ovsdb_table_schema *ts, const json_t *json,
	struct ovsdb_symbol_table *symtab, struct ovsdb_mutation_set *set)
{
	size_t n = json_array_size(json);

	ovsdb_mutation_set_init(set);
	if (!json_is_array(json))
		return ovsdb_syntax_error(json, "mutations must be an array");
	set->mutations = xcalloc(n ? n : 1, sizeof *set->mutations);
	for (size_t i = 0; i < n; i++) {
		struct ovsdb_error *error = ovsdb_mutation_from_json(
			ts, json_array_get(json, i), symtab,
			&set->mutations[i]);

		if (error) {
			ovsdb_mutation_set_destroy(set);
			return error;
		}
		set->n++;
	}
	return NULL;
}

json_t *ovsdb_mutation_set_to_json(const struct ovsdb_mutation_set *set)
{
	json_t *json = json_array();

	for (size_t i = 0; i < set->n; i++) {
		const struct ovsdb_mutation *m = &set->mutations[i];

		json_array_append_new(json, json_pack(
			"[sso]", m->column->name,
			ovsdb_mutator_to_string(m->mutator),
			ovsdb_datum_to_json(&m->arg, &m->type)));
	}
	return json;
}

/* ---- execution ---- */

enum ovsdb_arith_result { ARITH_OK, ARITH_DOMAIN, ARITH_RANGE };

static enum ovsdb_arith_result ovsdb_arith_integer(enum ovsdb_mutator m,
						   int64_t *x, int64_t y)
{
	switch (m) {
	case OVSDB_M_ADD:
		return __builtin_add_overflow(*x, y, x) ? ARITH_RANGE : ARITH_OK;
	case OVSDB_M_SUB:
		return __builtin_sub_overflow(*x, y, x) ? ARITH_RANGE : ARITH_OK;
	case OVSDB_M_MUL:
		return __builtin_mul_overflow(*x, y, x) ? ARITH_RANGE : ARITH_OK;
	case OVSDB_M_DIV:
		if (!y)
			return ARITH_DOMAIN;
		if (*x == INT64_MIN && y == -1)
			return ARITH_RANGE;
		*x /= y;
		return ARITH_OK;
	case OVSDB_M_MOD:
		if (!y)
			return ARITH_DOMAIN;
		/* INT64_MIN % -1 would trap; the answer is 0. */
		*x = y == -1 ? 0 : *x % y;
		return ARITH_OK;
	default:
		return ARITH_DOMAIN;
	}
}

static enum ovsdb_arith_result ovsdb_arith_real(enum ovsdb_mutator m,
						double *x, double y)
{
	switch (m) {
	case OVSDB_M_ADD:
		*x += y;
		break;
	case OVSDB_M_SUB:
		*x -= y;
		break;
	case OVSDB_M_MUL:
		*x *= y;
		break;
	case OVSDB_M_DIV:
		if (y == 0.0)
			return ARITH_DOMAIN;
		*x /= y;
		break;
	default:
		return ARITH_DOMAIN;
	}
	return isfinite(*x) ? ARITH_OK : ARITH_RANGE;
}

static struct ovsdb_error *ovsdb_arith_error(enum ovsdb_arith_result r,
					     enum ovsdb_mutator m)
{
	if (r == ARITH_DOMAIN)
		return ovsdb_error(OVSDB_E_DOMAIN, "\"%s\" divides by zero",
				   ovsdb_mutator_to_string(m));
	return ovsdb_error(OVSDB_E_RANGE, "result of \"%s\" is out of range",
			   ovsdb_mutator_to_string(m));
}

/* A result must still satisfy the column's constraints (a "constraint
 * violation", as for any other write; ovsdb-server agrees). */
static struct ovsdb_error *ovsdb_arith_check(const union ovsdb_atom *atom,
					     const struct ovsdb_base_type *base,
					     enum ovsdb_mutator m)
{
	return ovsdb_error_wrap(ovsdb_atom_check_constraints(atom, base),
				"result of \"%s\"",
				ovsdb_mutator_to_string(m));
}

static struct ovsdb_error *ovsdb_mutate_arith(const struct ovsdb_mutation *m,
					      struct ovsdb_datum *d)
{
	const struct ovsdb_type *type = &m->column->type;
	const union ovsdb_atom *y = &m->arg.keys[0];
	struct ovsdb_error *error;

	for (size_t i = 0; i < d->n; i++) {
		union ovsdb_atom *x = &d->keys[i];
		enum ovsdb_arith_result r;

		r = type->key.type == OVSDB_TYPE_INTEGER
		    ? ovsdb_arith_integer(m->mutator, &x->integer, y->integer)
		    : ovsdb_arith_real(m->mutator, &x->real, y->real);
		if (r != ARITH_OK)
			return ovsdb_arith_error(r, m->mutator);
		error = ovsdb_arith_check(x, &type->key, m->mutator);
		if (error)
			return error;
	}
	error = ovsdb_datum_sort(d, type);
	if (error) {
		ovsdb_error_destroy(error);
		return ovsdb_error(OVSDB_E_CONSTRAINT, "result of \"%s\" has "
				   "duplicate values",
				   ovsdb_mutator_to_string(m->mutator));
	}
	return NULL;
}

static struct ovsdb_error *ovsdb_mutation_apply(const struct ovsdb_mutation *m,
						struct ovsdb_datum *d)
{
	const struct ovsdb_type *type = &m->column->type;

	switch (m->mutator) {
	case OVSDB_M_INSERT:
		ovsdb_datum_union(d, &m->arg, type);
		return ovsdb_datum_check_size(d, type);
	case OVSDB_M_DELETE:
		ovsdb_datum_subtract(d, type, &m->arg, &m->type);
		return ovsdb_datum_check_size(d, type);
	default:
		return ovsdb_mutate_arith(m, d);
	}
}

struct ovsdb_error *ovsdb_mutation_set_execute(
	struct ovsdb_row *row, const struct ovsdb_mutation_set *set)
{
	const struct ovsdb_table_schema *ts = row->schema;
	struct ovsdb_datum *scratch = xcalloc(ts->n_columns, sizeof *scratch);
	bool *touched = xcalloc(ts->n_columns, sizeof *touched);
	struct ovsdb_error *error = NULL;

	/* Mutate copies, so that a failure leaves the row as it was. */
	for (size_t i = 0; i < set->n && !error; i++) {
		const struct ovsdb_mutation *m = &set->mutations[i];
		unsigned int c = m->column->index;

		if (!touched[c]) {
			ovsdb_datum_clone(&scratch[c], &row->fields[c],
					  &m->column->type);
			touched[c] = true;
		}
		error = ovsdb_error_wrap(ovsdb_mutation_apply(m, &scratch[c]),
					 "column %s in table %s",
					 m->column->name, ts->name);
	}
	for (size_t c = 0; c < ts->n_columns; c++) {
		if (!touched[c])
			continue;
		if (!error)
			ovsdb_datum_swap(&row->fields[c], &scratch[c]);
		ovsdb_datum_destroy(&scratch[c], &ts->columns[c]->type);
	}
	free(scratch);
	free(touched);
	return error;
}
