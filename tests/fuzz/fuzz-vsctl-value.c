/* libFuzzer: weir-vsctl's command-line value parsers.  The first byte
 * picks what to parse: a value of one column of a small schema (with or
 * without @names), a COLUMN[:KEY]=VALUE argument, or a bare token; the
 * rest is the argument text.  A value that parses must print back as
 * text that parses to the same value. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ovsdb-schema.h"
#include "ovsdb-symbol.h"
#include "vsctl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char schema_json[] =
	"{\"name\": \"F\", \"tables\": {\"T\": {\"columns\": {"
	"\"s\": {\"type\": \"string\"},"
	"\"i\": {\"type\": {\"key\": {\"type\": \"integer\", \"minInteger\": 0,"
	" \"maxInteger\": 4095}, \"min\": 0, \"max\": 4096}},"
	"\"e\": {\"type\": {\"key\": {\"type\": \"string\", \"enum\": [\"set\","
	" [\"a\", \"b\"]]}, \"min\": 0, \"max\": 1}},"
	"\"m\": {\"type\": {\"key\": \"string\", \"value\": \"string\","
	" \"min\": 0, \"max\": \"unlimited\"}},"
	"\"mi\": {\"type\": {\"key\": \"integer\", \"value\": \"real\","
	" \"min\": 0, \"max\": \"unlimited\"}},"
	"\"b\": {\"type\": \"boolean\"},"
	"\"u\": {\"type\": {\"key\": {\"type\": \"uuid\", \"refTable\": \"T\"},"
	" \"min\": 0, \"max\": \"unlimited\"}}}}}}";

static struct ovsdb_schema *schema;
static const struct ovsdb_table_schema *table;

static void fuzz_init(void)
{
	json_t *json = json_loads(schema_json, 0, NULL);

	if (!json || ovsdb_schema_from_json(json, &schema))
		abort();
	json_decref(json);
	table = ovsdb_schema_find_table(schema, "T");
}

/* Printing is lossy only for reals (15 digits, as ovs-vsctl prints), so
 * the check is that printed text reads back to the same text. */
static void fuzz_value(const struct ovsdb_column *c, const char *s,
		       bool symbols)
{
	struct ovsdb_symbol_table *symtab = symbols
		? ovsdb_symbol_table_create() : NULL;
	struct vstr text = { 0 }, text2 = { 0 }, bare = { 0 };
	struct ovsdb_datum d, again;
	char *error;

	error = vsctl_datum_from_string(&d, &c->type, s, symtab);
	if (error) {
		free(error);
		goto out;
	}
	vsctl_datum_to_string(&d, &c->type, &text);
	vsctl_datum_to_bare(&d, &c->type, &bare);
	ovsdb_datum_destroy(&d, &c->type);
	error = vsctl_datum_from_string(&again, &c->type, vstr_cstr(&text),
					symtab);
	if (error)
		abort();
	vsctl_datum_to_string(&again, &c->type, &text2);
	if (strcmp(vstr_cstr(&text), vstr_cstr(&text2)))
		abort();
	ovsdb_datum_destroy(&again, &c->type);
	vstr_free(&text);
	vstr_free(&text2);
	vstr_free(&bare);
out:
	if (symtab)
		ovsdb_symbol_table_destroy(symtab);
}

static void fuzz_ckv(const char *s)
{
	static const char *const ops[] = { "=", "!=", "<", ">", "<=", ">=",
					   "{=}", "{in}", "{not-in}" };
	struct vsctl_ckv ckv;
	char *error = vsctl_parse_ckv(s, table, ops, 9, &ckv);

	free(error);
	if (!error) {
		if (!ckv.column || !ckv.value)
			abort();
		vsctl_ckv_free(&ckv);
	}
	error = vsctl_parse_ckv(s, table, NULL, 0, &ckv);
	free(error);
	if (!error)
		vsctl_ckv_free(&ckv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;

	if (!schema)
		fuzz_init();
	if (size < 1)
		return 0;
	s = strndup((const char *) data + 1, size - 1);
	if (data[0] < 0x80) {
		size_t n = table->n_columns - OVSDB_N_STD_COLUMNS;
		fuzz_value(table->columns[OVSDB_N_STD_COLUMNS + data[0] % n], s,
			   data[0] & 0x40);
	} else if (data[0] < 0xc0) {
		fuzz_ckv(s);
	} else {
		const char *p = s;
		char *token, *error = vsctl_token_parse(&p, &token);
		free(error ? error : token);
	}
	free(s);
	return 0;
}
