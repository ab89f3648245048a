/* The real ovsdb-server as the oracle: the same conditions and mutations
 * are run by it (over ovsdb-client, against the test schema) and by the
 * data model here, and must agree on the error tag or on the result.
 * Skipped when Open vSwitch's tools are not installed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "ovsdb-condition.h"
#include "ovsdb-mutation.h"
#include "ovsdb-row.h"
#include "tests/unit/ovsdb-check.h"

#define BASE_ROW "{\"i\": 7, \"r\": 2.5, \"ri\": 2, \"rr\": 10, " \
	"\"e\": \"red\", \"s\": \"abc\", \"oi\": [\"set\", []], " \
	"\"si\": [\"set\", [1, 2, 3]], \"sr\": [\"set\", [0.5, 1.5]], " \
	"\"ss\": [\"set\", [\"a\", \"b\"]], \"s1\": [\"set\", [10, 20]], " \
	"\"m\": [\"map\", [[\"a\", 1], [\"b\", 2]]], \"imm\": 1}"

/* The columns compared after a mutation. */
#define COLUMNS "[\"i\", \"r\", \"ri\", \"rr\", \"oi\", \"si\", \"sr\", " \
	"\"ss\", \"s1\", \"m\"]"

static char dir[64];
static bool have_server;
static struct ovsdb_schema *schema;
static const struct ovsdb_table_schema *table_a;

/* Runs a shell command built from 'fmt'; its exit status. */
static int shell(const char *fmt, ...)
{
	char cmd[4096];
	va_list args;

	va_start(args, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, args);
	va_end(args);
	return system(cmd);
}

/* ovsdb-server's answer to 'ops' (JSON text of the operations). */
static json_t *transact(const char *ops)
{
	char path[128], cmd[8192];
	json_t *reply;
	json_error_t err;
	FILE *f;

	snprintf(path, sizeof path, "%s/ops", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "[\"Test\", %s]", ops);
	fclose(f);
	snprintf(cmd, sizeof cmd, "ovsdb-client transact unix:%s/sock "
		 "\"$(cat %s)\"", dir, path);
	f = popen(cmd, "r");
	assert_non_null(f);
	reply = json_loadf(f, 0, &err);
	pclose(f);
	if (!reply)
		fail_msg("no reply from ovsdb-client for %s", ops);
	return reply;
}

static int setup(void **state)
{
	char *text;
	FILE *f;

	(void) state;
	schema = test_schema();
	table_a = ovsdb_schema_find_table(schema, "A");
	if (shell("command -v ovsdb-server >/dev/null 2>&1 && "
		  "command -v ovsdb-client >/dev/null 2>&1"))
		return 0;
	assert_non_null(temp_dir(dir, sizeof dir, "odb-oracle"));
	assert_true(asprintf(&text, "%s/schema", dir) > 0);
	f = fopen(text, "w");
	assert_non_null(f);
	fputs(OVSDB_TEST_SCHEMA, f);
	fclose(f);
	free(text);
	assert_int_equal(shell("ovsdb-tool create %s/db %s/schema", dir, dir),
			 0);
	assert_int_equal(shell("ovsdb-server --detach --no-chdir "
			       "--pidfile=%s/pid --unixctl=%s/ctl "
			       "--remote=punix:%s/sock --log-file=%s/log "
			       "%s/db 2>/dev/null", dir, dir, dir, dir, dir),
			 0);
	have_server = true;
	json_t *reply = transact("{\"op\": \"insert\", \"table\": \"A\", "
				 "\"row\": " BASE_ROW "}");
	assert_non_null(json_object_get(json_array_get(reply, 0), "uuid"));
	json_decref(reply);
	return 0;
}

static int teardown(void **state)
{
	(void) state;
	if (have_server) {
		shell("ovs-appctl -t %s/ctl exit", dir);
		shell("rm -f %s/db %s/.db.~lock~ %s/schema %s/ops %s/log "
		      "%s/pid", dir, dir, dir, dir, dir, dir);
		rmdir(dir);
	}
	ovsdb_schema_destroy(schema);
	return 0;
}

static struct ovsdb_row *base_row(void)
{
	struct ovsdb_row *row = ovsdb_row_create(table_a);
	json_t *json = J(BASE_ROW);

	assert_ok(ovsdb_row_from_json(row, json, NULL, NULL));
	json_decref(json);
	return row;
}

/* Our answer to a mutate of 'mutations': the error tag, or the row. */
static json_t *our_mutate(const char *mutations)
{
	struct ovsdb_mutation_set set;
	struct ovsdb_column_set cols;
	struct ovsdb_row *row = base_row();
	struct ovsdb_error *error;
	json_t *json = J(mutations), *names = J(COLUMNS), *out;

	error = ovsdb_mutation_set_from_json(table_a, json, NULL, &set);
	if (!error) {
		error = ovsdb_mutation_set_execute(row, &set);
		ovsdb_mutation_set_destroy(&set);
	}
	assert_ok(ovsdb_column_set_from_json(table_a, names, &cols));
	out = error ? json_string(ovsdb_error_tag(error))
		    : ovsdb_row_to_json(row, &cols);
	ovsdb_error_destroy(error);
	ovsdb_column_set_destroy(&cols);
	ovsdb_row_destroy(row);
	json_decref(json);
	json_decref(names);
	return out;
}

/* The error tag of the first operation in 'reply', or NULL. */
static json_t *first_error(const json_t *reply)
{
	json_t *error = json_object_get(json_array_get(reply, 0), "error");

	return error ? json_incref(error) : NULL;
}

/* ovsdb-server's answer, in the same form; nothing is committed. */
static json_t *their_mutate(const char *mutations)
{
	char ops[4096];
	json_t *reply, *out;

	snprintf(ops, sizeof ops, "{\"op\": \"mutate\", \"table\": \"A\", "
		 "\"where\": [], \"mutations\": %s}, {\"op\": \"select\", "
		 "\"table\": \"A\", \"where\": [], \"columns\": " COLUMNS "}, "
		 "{\"op\": \"abort\"}", mutations);
	reply = transact(ops);
	out = first_error(reply);
	if (!out)
		out = json_incref(json_array_get(json_object_get(
			json_array_get(reply, 1), "rows"), 0));
	json_decref(reply);
	return out;
}

static void agree(json_t *ours, json_t *theirs, const char *what)
{
	if (!theirs || !json_equal(ours, theirs)) {
		char *a = json_dumps(ours, JSON_ENCODE_ANY | JSON_SORT_KEYS);
		char *b = theirs ? json_dumps(theirs, JSON_ENCODE_ANY |
					      JSON_SORT_KEYS) : NULL;

		fail_msg("%s\n  weir: %s\n  ovsdb-server: %s", what, a,
			 b ? b : "(nothing)");
	}
	json_decref(ours);
	json_decref(theirs);
}

static void test_mutations(void **state)
{
	static const char *const cases[] = {
		"[[\"i\", \"+=\", 5]]",
		"[[\"i\", \"-=\", 10], [\"i\", \"*=\", -3]]",
		"[[\"i\", \"/=\", -2]]",
		"[[\"i\", \"%=\", -4]]",
		"[[\"i\", \"%=\", 4], [\"r\", \"/=\", 4]]",
		"[[\"i\", \"/=\", 0]]",
		"[[\"i\", \"%=\", 0]]",
		"[[\"r\", \"/=\", 0]]",
		"[[\"i\", \"+=\", 9223372036854775807]]",
		"[[\"i\", \"*=\", 4611686018427387904]]",
		"[[\"r\", \"*=\", 1e308], [\"r\", \"*=\", 10]]",
		"[[\"ri\", \"+=\", 3]]",
		"[[\"rr\", \"*=\", 20]]",
		"[[\"si\", \"*=\", -1]]",
		"[[\"si\", \"%=\", 2]]",
		"[[\"sr\", \"*=\", 2]]",
		"[[\"oi\", \"+=\", 1]]",
		"[[\"s1\", \"*=\", 6]]",
		"[[\"si\", \"insert\", [\"set\", [5, 0, 2]]]]",
		"[[\"si\", \"delete\", [\"set\", [2, 7]]]]",
		"[[\"oi\", \"insert\", 4], [\"oi\", \"insert\", 5]]",
		"[[\"ss\", \"insert\", \"c\"]]",
		"[[\"ss\", \"insert\", [\"set\", [\"c\", \"d\"]]]]",
		"[[\"ss\", \"insert\", [\"set\", [\"a\", \"b\", \"c\", \"d\"]]]]",
		"[[\"ss\", \"insert\", \"toolong\"]]",
		"[[\"s1\", \"delete\", [\"set\", [10, 20]]]]",
		"[[\"m\", \"insert\", [\"map\", [[\"a\", 9], [\"c\", 3]]]]]",
		"[[\"m\", \"delete\", [\"map\", [[\"a\", 1], [\"b\", 9]]]]]",
		"[[\"m\", \"delete\", [\"set\", [\"b\", \"x\"]]]]",
		"[[\"m\", \"delete\", \"a\"]]",
		"[[\"zz\", \"+=\", 1]]",
		"[[\"i\", \"^=\", 1]]",
		"[[\"imm\", \"+=\", 1]]",
		"[[\"_uuid\", \"+=\", 1]]",
		"[[\"r\", \"%=\", 2]]",
		"[[\"s\", \"+=\", \"x\"]]",
		"[[\"m\", \"+=\", 1]]",
		"[[\"i\", \"insert\", 1]]",
		"[[\"i\", \"+=\", 1.5]]",
		"[[\"i\", \"+=\", 2.0]]",
		"[[\"si\", \"+=\", [\"set\", [1, 2]]]]",
	};

	(void) state;
	if (!have_server)
		skip();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		agree(our_mutate(cases[i]), their_mutate(cases[i]), cases[i]);
}

/* Whether the base row matches 'where', or the error tag. */
static json_t *our_select(const char *where)
{
	struct ovsdb_condition cond;
	struct ovsdb_row *row = base_row();
	struct ovsdb_error *error;
	json_t *json = J(where), *out;

	error = ovsdb_condition_from_json(table_a, json, NULL, &cond);
	if (error) {
		out = json_string(ovsdb_error_tag(error));
		ovsdb_error_destroy(error);
	} else {
		out = json_integer(ovsdb_condition_match_all(&cond, row));
		ovsdb_condition_destroy(&cond);
	}
	ovsdb_row_destroy(row);
	json_decref(json);
	return out;
}

static json_t *their_select(const char *where)
{
	char ops[4096];
	json_t *reply, *out;

	snprintf(ops, sizeof ops, "{\"op\": \"select\", \"table\": \"A\", "
		 "\"where\": %s, \"columns\": [\"i\"]}", where);
	reply = transact(ops);
	out = first_error(reply);
	if (!out)
		out = json_integer(json_array_size(json_object_get(
			json_array_get(reply, 0), "rows")));
	json_decref(reply);
	return out;
}

static void test_conditions(void **state)
{
	static const char *const cases[] = {
		"[]",
		"[[\"i\", \"<\", 8]]", "[[\"i\", \"<=\", 6]]",
		"[[\"i\", \"==\", 7]]", "[[\"i\", \"!=\", 7]]",
		"[[\"i\", \">=\", 7]]", "[[\"i\", \">\", 7]]",
		"[[\"i\", \"includes\", 7]]", "[[\"i\", \"excludes\", 7]]",
		"[[\"i\", \"==\", 7.0]]",
		"[[\"r\", \">\", 2.25]]", "[[\"r\", \"<\", 2]]",
		"[[\"s\", \"==\", \"abc\"]]", "[[\"s\", \"<\", \"b\"]]",
		"[[\"oi\", \"<\", 3]]", "[[\"oi\", \"==\", [\"set\", []]]]",
		"[[\"oi\", \"excludes\", 1]]",
		"[[\"si\", \"==\", [\"set\", [3, 2, 1]]]]",
		"[[\"si\", \"includes\", [\"set\", [1, 3]]]]",
		"[[\"si\", \"includes\", [\"set\", [1, 4]]]]",
		"[[\"si\", \"excludes\", [\"set\", [4, 5]]]]",
		"[[\"si\", \"excludes\", [\"set\", [3, 4]]]]",
		"[[\"si\", \"<\", 1]]",
		"[[\"m\", \"includes\", [\"map\", [[\"a\", 1]]]]]",
		"[[\"m\", \"includes\", [\"map\", [[\"a\", 2]]]]]",
		"[[\"m\", \"excludes\", [\"map\", [[\"a\", 2]]]]]",
		"[[\"m\", \"==\", [\"map\", [[\"b\", 2], [\"a\", 1]]]]]",
		"[[\"ss\", \"includes\", [\"set\", [\"a\", \"b\", \"c\", "
		"\"d\"]]]]",
		"[[\"ss\", \"excludes\", [\"set\", [\"x\", \"y\", \"z\", "
		"\"w\"]]]]",
		"[[\"e\", \"==\", \"red\"]]", "[[\"e\", \"==\", \"blue\"]]",
		"[[\"ri\", \"==\", 9]]",
		"[[\"i\", \"==\", 7], [\"s\", \"==\", \"x\"]]",
		"[[\"zz\", \"==\", 1]]", "[[\"i\", \"=\", 1]]",
		"[[\"i\", \"==\", \"7\"]]",
	};

	(void) state;
	if (!have_server)
		skip();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		agree(our_select(cases[i]), their_select(cases[i]), cases[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mutations),
		cmocka_unit_test(test_conditions),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
