/* OVSDB conditions (RFC 7047 section 5.1): lists of [column, function,
 * value] clauses, as "where" in transactions and as monitor_cond
 * conditions, where a clause may also be the literal true or false. */
#ifndef WEIR_OVSDB_CONDITION_H
#define WEIR_OVSDB_CONDITION_H 1

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "ovsdb-data.h"

struct ovsdb_column;
struct ovsdb_row;
struct ovsdb_symbol_table;
struct ovsdb_table_schema;

enum ovsdb_function {
	OVSDB_F_FALSE,
	OVSDB_F_TRUE,
	OVSDB_F_LT,
	OVSDB_F_LE,
	OVSDB_F_EQ,
	OVSDB_F_NE,
	OVSDB_F_GE,
	OVSDB_F_GT,
	OVSDB_F_INCLUDES,
	OVSDB_F_EXCLUDES
};

const char *ovsdb_function_to_string(enum ovsdb_function);
bool ovsdb_function_from_string(const char *, enum ovsdb_function *);

struct ovsdb_clause {
	enum ovsdb_function function;
	const struct ovsdb_column *column;	/* NULL for true and false */
	/* The type of 'arg': the column's, with its size limits relaxed as
	 * the function allows; shares the column's base types. */
	struct ovsdb_type type;
	struct ovsdb_datum arg;
};

struct ovsdb_condition {
	struct ovsdb_clause *clauses;
	size_t n;
};

void ovsdb_condition_init(struct ovsdb_condition *);
void ovsdb_condition_destroy(struct ovsdb_condition *);
/* Parses a JSON array of clauses against 'table'; on error 'cond' is
 * left empty. */
struct ovsdb_error *ovsdb_condition_from_json(
	const struct ovsdb_table_schema *table, const json_t *,
	struct ovsdb_symbol_table *symtab, struct ovsdb_condition *cond);
json_t *ovsdb_condition_to_json(const struct ovsdb_condition *);

bool ovsdb_clause_evaluate(const struct ovsdb_clause *,
			   const struct ovsdb_row *);
/* Every clause holds (a transaction's "where"); true when empty. */
bool ovsdb_condition_match_all(const struct ovsdb_condition *,
			       const struct ovsdb_row *);
/* Some clause holds (monitor_cond); true when empty. */
bool ovsdb_condition_match_any(const struct ovsdb_condition *,
			       const struct ovsdb_row *);
/* Empty or only true clauses. */
bool ovsdb_condition_is_true(const struct ovsdb_condition *);
/* Exactly one clause, false. */
bool ovsdb_condition_is_false(const struct ovsdb_condition *);

#endif /* WEIR_OVSDB_CONDITION_H */
