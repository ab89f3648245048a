/* OVSDB mutations (RFC 7047 section 5.1): lists of [column, mutator,
 * value], applied to a row by the "mutate" operation. */
#ifndef WEIR_OVSDB_MUTATION_H
#define WEIR_OVSDB_MUTATION_H 1

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "ovsdb-data.h"

struct ovsdb_column;
struct ovsdb_row;
struct ovsdb_symbol_table;
struct ovsdb_table_schema;

enum ovsdb_mutator {
	OVSDB_M_ADD,		/* += */
	OVSDB_M_SUB,		/* -= */
	OVSDB_M_MUL,		/* *= */
	OVSDB_M_DIV,		/* /= */
	OVSDB_M_MOD,		/* %= */
	OVSDB_M_INSERT,
	OVSDB_M_DELETE
};

const char *ovsdb_mutator_to_string(enum ovsdb_mutator);
bool ovsdb_mutator_from_string(const char *, enum ovsdb_mutator *);

struct ovsdb_mutation {
	enum ovsdb_mutator mutator;
	const struct ovsdb_column *column;
	/* The type of 'arg': one unconstrained atom for arithmetic; for
	 * insert and delete the column's, with relaxed sizes (and no value
	 * type when a delete from a map names keys only).  Owned. */
	struct ovsdb_type type;
	struct ovsdb_datum arg;
};

struct ovsdb_mutation_set {
	struct ovsdb_mutation *mutations;
	size_t n;
};

void ovsdb_mutation_set_init(struct ovsdb_mutation_set *);
void ovsdb_mutation_set_destroy(struct ovsdb_mutation_set *);
/* Parses a JSON array of mutations against 'table'; on error 'set' is
 * left empty. */
struct ovsdb_error *ovsdb_mutation_set_from_json(
	const struct ovsdb_table_schema *table, const json_t *,
	struct ovsdb_symbol_table *symtab, struct ovsdb_mutation_set *set);
json_t *ovsdb_mutation_set_to_json(const struct ovsdb_mutation_set *);

/* Applies the mutations in order.  On error the row is unchanged:
 * "domain error" for division by zero, "range error" for overflow,
 * "constraint violation" for a result outside the column's constraints
 * or a set or map of a size outside [n_min, n_max]. */
struct ovsdb_error *ovsdb_mutation_set_execute(
	struct ovsdb_row *, const struct ovsdb_mutation_set *);

#endif /* WEIR_OVSDB_MUTATION_H */
