/* libFuzzer: OVSDB schema parsing, which sees whatever schema file or
 * convert request a user hands the server.  Every schema accepted must
 * print back as JSON that parses to the same schema, and give rows that
 * can be created, printed and destroyed. */
#include <stdint.h>
#include <stdlib.h>

#include "ovsdb-error.h"
#include "ovsdb-row.h"
#include "ovsdb-schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_rows(const struct ovsdb_schema *schema)
{
	for (size_t i = 0; i < schema->n_tables; i++) {
		struct ovsdb_row *row = ovsdb_row_create(schema->tables[i]);
		json_t *json = ovsdb_row_to_json(row, NULL);

		if (!json)
			abort();
		json_decref(json);
		ovsdb_row_destroy(row);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ovsdb_schema *schema, *again;
	struct ovsdb_error *error;
	json_t *json, *out, *out2;
	json_error_t jerr;

	json = json_loadb((const char *) data, size, JSON_DECODE_ANY, &jerr);
	if (!json)
		return 0;
	error = ovsdb_schema_from_json(json, &schema);
	json_decref(json);
	if (error) {
		if (schema)
			abort();
		ovsdb_error_destroy(error);
		return 0;
	}
	out = ovsdb_schema_to_json(schema);
	error = ovsdb_schema_from_json(out, &again);
	if (error)
		abort();
	out2 = ovsdb_schema_to_json(again);
	if (!json_equal(out, out2))
		abort();
	fuzz_rows(schema);
	json_decref(out);
	json_decref(out2);
	ovsdb_schema_destroy(again);
	ovsdb_schema_destroy(schema);
	return 0;
}
