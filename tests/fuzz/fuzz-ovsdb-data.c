/* libFuzzer: the values, conditions, mutations and rows a client puts in
 * a transaction, parsed against a fixed schema.  The first byte picks
 * what to parse (and whether named uuids are allowed), the second which
 * column, for a value; the rest is JSON.  Whatever is accepted must print
 * back as JSON that parses to the same thing; a mutation or row that
 * fails must leave the row unchanged. */
#include <stdint.h>
#include <stdlib.h>

#include "ovsdb-condition.h"
#include "ovsdb-error.h"
#include "ovsdb-mutation.h"
#include "ovsdb-row.h"
#include "ovsdb-symbol.h"
#include "tests/ovsdb/test-schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ovsdb_schema *schema;
static const struct ovsdb_table_schema *table;
static struct ovsdb_row *base_row;

static void fuzz_init(void)
{
	json_t *json = json_loads(OVSDB_TEST_SCHEMA, 0, NULL);
	json_t *row = json_loads("{\"i\": 7, \"r\": 2.5, \"ri\": 2, "
				 "\"si\": [\"set\", [1, 2, 3]], "
				 "\"m\": [\"map\", [[\"a\", 1]]], "
				 "\"s\": \"abc\", \"s1\": 10}", 0, NULL);

	if (!json || !row || ovsdb_schema_from_json(json, &schema))
		abort();
	table = ovsdb_schema_find_table(schema, "A");
	base_row = ovsdb_row_create(table);
	if (ovsdb_row_from_json(base_row, row, NULL, NULL))
		abort();
	json_decref(json);
	json_decref(row);
}

/* Whether there was an error (which is then freed). */
static bool failed(struct ovsdb_error *error)
{
	ovsdb_error_destroy(error);
	return error != NULL;
}

static void fuzz_datum(const struct ovsdb_column *c, const json_t *json,
		       struct ovsdb_symbol_table *symtab)
{
	struct ovsdb_datum d, back;
	json_t *out;

	if (failed(ovsdb_datum_from_json(&d, &c->type, json, symtab)))
		return;
	out = ovsdb_datum_to_json(&d, &c->type);
	if (ovsdb_datum_from_json(&back, &c->type, out, symtab) ||
	    !ovsdb_datum_equals(&d, &back, &c->type) ||
	    ovsdb_datum_hash(&d, &c->type, 0) !=
	    ovsdb_datum_hash(&back, &c->type, 0))
		abort();
	ovsdb_datum_destroy(&back, &c->type);
	ovsdb_datum_destroy(&d, &c->type);
	json_decref(out);
}

static void fuzz_condition(const json_t *json,
			   struct ovsdb_symbol_table *symtab)
{
	struct ovsdb_condition cond, back;
	json_t *out;

	if (failed(ovsdb_condition_from_json(table, json, symtab, &cond)))
		return;
	out = ovsdb_condition_to_json(&cond);
	if (ovsdb_condition_from_json(table, out, symtab, &back) ||
	    ovsdb_condition_match_all(&cond, base_row) !=
	    ovsdb_condition_match_all(&back, base_row) ||
	    ovsdb_condition_match_any(&cond, base_row) !=
	    ovsdb_condition_match_any(&back, base_row))
		abort();
	ovsdb_condition_destroy(&back);
	ovsdb_condition_destroy(&cond);
	json_decref(out);
}

/* Every column of 'row' is sorted, unique and of an allowed size. */
static void check_row(const struct ovsdb_row *row)
{
	for (size_t i = 0; i < table->n_columns; i++) {
		const struct ovsdb_type *type = &table->columns[i]->type;
		struct ovsdb_datum copy;
		struct ovsdb_error *error;

		error = ovsdb_datum_check_size(&row->fields[i], type);
		ovsdb_datum_clone(&copy, &row->fields[i], type);
		if (!error)
			error = ovsdb_datum_sort(&copy, type);
		if (error || !ovsdb_datum_equals(&copy, &row->fields[i], type))
			abort();
		ovsdb_datum_destroy(&copy, type);
	}
}

static bool rows_equal(const struct ovsdb_row *a, const struct ovsdb_row *b)
{
	for (size_t i = 0; i < table->n_columns; i++)
		if (!ovsdb_datum_equals(&a->fields[i], &b->fields[i],
					&table->columns[i]->type))
			return false;
	return true;
}

/* A failed change must leave 'row' as 'base_row'; either way, 'row' must
 * still be well formed.  Frees 'error' and 'row'. */
static void check_outcome(struct ovsdb_row *row, struct ovsdb_error *error)
{
	if (error && !rows_equal(row, base_row))
		abort();
	ovsdb_error_destroy(error);
	check_row(row);
	ovsdb_row_destroy(row);
}

static void fuzz_mutation(const json_t *json,
			  struct ovsdb_symbol_table *symtab)
{
	struct ovsdb_mutation_set set, back;
	struct ovsdb_row *row;
	json_t *out;

	if (failed(ovsdb_mutation_set_from_json(table, json, symtab, &set)))
		return;
	out = ovsdb_mutation_set_to_json(&set);
	if (ovsdb_mutation_set_from_json(table, out, symtab, &back))
		abort();
	row = ovsdb_row_clone(base_row);
	check_outcome(row, ovsdb_mutation_set_execute(row, &set));
	ovsdb_mutation_set_destroy(&back);
	ovsdb_mutation_set_destroy(&set);
	json_decref(out);
}

static void fuzz_row(const json_t *json, struct ovsdb_symbol_table *symtab)
{
	struct ovsdb_row *row = ovsdb_row_clone(base_row);

	check_outcome(row, ovsdb_row_from_json(row, json, symtab, NULL));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ovsdb_symbol_table *symtab;
	json_error_t jerr;
	json_t *json;

	if (!schema)
		fuzz_init();
	if (size < 2)
		return 0;
	json = json_loadb((const char *) data + 2, size - 2, JSON_DECODE_ANY,
			  &jerr);
	if (!json)
		return 0;
	symtab = data[0] & 0x80 ? ovsdb_symbol_table_create() : NULL;
	switch (data[0] & 3) {
	case 0:
		fuzz_datum(table->columns[data[1] % table->n_columns], json,
			   symtab);
		break;
	case 1:
		fuzz_condition(json, symtab);
		break;
	case 2:
		fuzz_mutation(json, symtab);
		break;
	default:
		fuzz_row(json, symtab);
		break;
	}
	ovsdb_symbol_table_destroy(symtab);
	json_decref(json);
	return 0;
}
